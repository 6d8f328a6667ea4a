//! Outcomes after closure (`domain::outcomes`): which closed matches had their follow-ups
//! scheduled, each follow-up invite's groups and baseline, the answered follow-ups, and who
//! declined them.
//!
//! A follow-up is a survey round (`surveys.rs`) to one person whose source names their
//! application and the follow-up, so a job run twice (a crash before it was marked done, a
//! restart) sends it once, and nobody is asked the same follow-up twice. Its
//! invites get an `outcome_invites` row; submitting one (`submit_survey`, which asks here
//! first) stores the answers in `outcome_responses` with the baseline beside them and the
//! invite's row deleted, and with the person and match only when the survey is not
//! anonymous. No query here returns a response's row id.

use std::collections::BTreeMap;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::step::Applied;
use super::{Store, to_millis};
use crate::domain::outcomes::{Groups, OutcomeRecord};
use crate::domain::schedule::NewJob;
use crate::domain::survey::NewRound;
use crate::domain::{Answer, UserRef};
use crate::error::Result;

/// One recipient of a follow-up: who, their groups and their baseline.
pub type FollowUpInvite = (UserRef, Groups, BTreeMap<String, Answer>);

impl Store {
    /// Schedules a closed match's follow-up jobs (stored once by key) and records that it
    /// was done, in one transaction; returns how many jobs were new.
    pub async fn schedule_follow_ups(
        &self,
        match_id: i64,
        jobs: &[NewJob],
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let mut tx = self.pool.begin().await?;
        let new = super::jobs::insert_jobs(&mut tx, jobs, now).await?;
        sqlx::query(
            "INSERT INTO outcome_schedules (match_id, scheduled_at) VALUES ($1, $2) ON CONFLICT (match_id) DO NOTHING",
        )
        .bind(match_id)
        .bind(to_millis(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(new)
    }

    /// Closed matches (that had started) of `programmes` whose follow-ups were never
    /// scheduled (the process stopped between the closure and the scheduling).
    pub async fn closed_without_follow_ups(&self, programmes: &[String]) -> Result<Vec<i64>> {
        let mut out = Vec::new();
        for programme in programmes {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM matches WHERE programme = $1 AND status = 'closed' AND started_at IS NOT NULL AND id NOT IN (SELECT match_id FROM outcome_schedules) ORDER BY id",
            )
            .bind(programme)
            .fetch_all(&self.pool)
            .await?;
            out.extend(ids);
        }
        Ok(out)
    }

    /// Whether `user` asked for no more follow-ups of `programme`.
    pub async fn declined_follow_ups(&self, programme: &str, user: &UserRef) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outcome_declines WHERE programme = $1 AND platform = $2 AND user_id = $3",
        )
        .bind(programme)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Stores a follow-up round and each invite's groups and baseline, and queues the
    /// survey for each recipient; `None` if this follow-up was sent before.
    pub async fn send_follow_up(
        &self,
        round: &NewRound,
        follow_up: &str,
        invites: &[FollowUpInvite],
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let Some(round_id) = self.insert_round(&mut tx, round, now).await? else {
            tx.rollback().await?;
            return Ok(None);
        };
        for (user, groups, baseline) in invites {
            let invite_id: i64 = sqlx::query_scalar(
                "SELECT id FROM survey_invites WHERE round_id = $1 AND platform = $2 AND user_id = $3",
            )
            .bind(round_id)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO outcome_invites (invite_id, follow_up, match_groups, baseline) VALUES ($1, $2, $3, $4)",
            )
            .bind(invite_id)
            .bind(follow_up)
            .bind(serde_json::to_string(groups).context("encoding outcome groups")?)
            .bind(serde_json::to_string(baseline).context("encoding a baseline")?)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Some(round_id))
    }

    /// Stores an answered follow-up, if `invite_id` is one (`false` when it is an
    /// ordinary survey's): called by `submit_survey` once the invite is marked answered.
    pub(super) async fn submit_follow_up(
        &self,
        tx: &mut Transaction<'static, Any>,
        invite_id: i64,
        user: &UserRef,
        answers: &BTreeMap<String, Answer>,
        attributed: bool,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT o.follow_up, o.match_groups, o.baseline, i.role, r.programme, r.match_id FROM outcome_invites o JOIN survey_invites i ON i.id = o.invite_id JOIN survey_rounds r ON r.id = i.round_id WHERE o.invite_id = $1",
        )
        .bind(invite_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else {
            return Ok(false);
        };
        let json = serde_json::to_string(answers).context("encoding follow-up answers")?;
        sqlx::query(
            "INSERT INTO outcome_responses (programme, follow_up, role, match_groups, baseline, answers, match_id, platform, user_id, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(row.try_get::<String, _>("programme")?)
        .bind(row.try_get::<String, _>("follow_up")?)
        .bind(row.try_get::<String, _>("role")?)
        .bind(row.try_get::<String, _>("match_groups")?)
        .bind(row.try_get::<String, _>("baseline")?)
        .bind(json)
        .bind(if attributed {
            row.try_get::<Option<i64>, _>("match_id")?
        } else {
            None
        })
        .bind(attributed.then(|| user.platform.as_str()))
        .bind(attributed.then(|| user.id.clone()))
        .bind(attributed.then(|| to_millis(now)))
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM outcome_invites WHERE invite_id = $1")
            .bind(invite_id)
            .execute(&mut **tx)
            .await?;
        Ok(true)
    }

    /// `no more` in a follow-up: the person is sent no more of the programme's
    /// follow-ups, and this one is withdrawn (its answers so far dropped).
    pub(super) async fn decline_follow_ups(
        &self,
        tx: &mut Transaction<'static, Any>,
        invite_id: i64,
        user: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        let programme: Option<String> = sqlx::query_scalar(
            "SELECT r.programme FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE i.id = $1 AND i.platform = $2 AND i.user_id = $3 AND i.answered = 0",
        )
        .bind(invite_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(programme) = programme else {
            return Ok(Applied::Conflict);
        };
        sqlx::query(
            "INSERT INTO outcome_declines (programme, platform, user_id, declined_at) VALUES ($1, $2, $3, $4) ON CONFLICT (programme, platform, user_id) DO NOTHING",
        )
        .bind(&programme)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        for sql in [
            "DELETE FROM outcome_invites WHERE invite_id = $1",
            "DELETE FROM survey_invites WHERE id = $1",
        ] {
            sqlx::query(sql).bind(invite_id).execute(&mut **tx).await?;
        }
        Ok(Applied::Done)
    }

    /// Every answered follow-up of a programme, with its baseline and groups, in an order
    /// that says nothing about who answered when.
    pub async fn outcome_records(&self, programme: &str) -> Result<Vec<OutcomeRecord>> {
        let rows = sqlx::query(
            "SELECT follow_up, role, match_groups, baseline, answers FROM outcome_responses WHERE programme = $1 ORDER BY follow_up, role, match_groups, answers, baseline",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let json = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
                let role: String = row.try_get("role")?;
                Ok(OutcomeRecord {
                    follow_up: row.try_get("follow_up")?,
                    role: role.parse().map_err(anyhow::Error::msg)?,
                    groups: serde_json::from_str(&json("match_groups")?)
                        .context("decoding outcome groups")?,
                    baseline: serde_json::from_str(&json("baseline")?)
                        .context("decoding a baseline")?,
                    answers: serde_json::from_str(&json("answers")?)
                        .context("decoding follow-up answers")?,
                })
            })
            .collect()
    }
}
