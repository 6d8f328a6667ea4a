//! Survey rounds, invites and responses.
//!
//! Anonymity is kept here as much as in the reports: an anonymous response is stored with
//! its programme, survey and role only — no round, no person, no time — and the invite is
//! marked answered without a time. A response's row id is the only order left, and no
//! query here returns it.

use std::collections::BTreeMap;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::step::Applied;
use super::{Store, from_millis, to_millis};
use crate::domain::survey::{NewRound, SurveyResponse, SurveyStats};
use crate::domain::{Answer, RoleKind, UserRef};
use crate::error::Result;
use crate::step::Prompt;

fn user_of(row: &sqlx::any::AnyRow) -> Result<UserRef> {
    let platform: String = row.try_get("platform")?;
    Ok(UserRef::new(
        platform.parse().map_err(anyhow::Error::msg)?,
        row.try_get::<String, _>("user_id")?,
    ))
}

fn role_of(row: &sqlx::any::AnyRow) -> Result<RoleKind> {
    let role: String = row.try_get("role")?;
    Ok(role.parse().map_err(anyhow::Error::msg)?)
}

impl Store {
    /// Stores a round, its invites and a prompt for each recipient; a round whose source
    /// was stored before is left as it is. Returns the round's id when it is new.
    pub(super) async fn insert_round(
        &self,
        tx: &mut Transaction<'static, Any>,
        round: &NewRound,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO survey_rounds (programme, survey, audience, match_id, sent_by, source, opened_at, closes_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (source) DO NOTHING RETURNING id",
        )
        .bind(&round.programme)
        .bind(&round.survey)
        .bind(&round.audience)
        .bind(round.match_id)
        .bind(&round.sent_by)
        .bind(&round.source)
        .bind(to_millis(now))
        .bind(to_millis(round.closes_at))
        .fetch_optional(&mut **tx)
        .await?;
        let Some(round_id) = id else {
            return Ok(None);
        };
        for (user, role) in &round.recipients {
            let invite_id: i64 = sqlx::query_scalar(
                "INSERT INTO survey_invites (round_id, platform, user_id, role, invited_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(round_id)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .bind(role.as_str())
            .bind(to_millis(now))
            .fetch_one(&mut **tx)
            .await?;
            let prompt = Prompt::Survey {
                invite_id,
                reminder: false,
            };
            super::prompts::insert_prompt(
                super::sql::Exec::Conn(tx),
                self.sealer.as_ref(),
                user,
                &prompt,
                now,
            )
            .await?;
        }
        Ok(Some(round_id))
    }

    /// Stores a round outside a conversation (a milestone); `None` if it was sent before.
    pub async fn send_survey(&self, round: &NewRound, now: DateTime<Utc>) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let id = self.insert_round(&mut tx, round, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Keeps the answers of someone who paused half-way.
    pub(super) async fn save_survey_draft(
        &self,
        tx: &mut Transaction<'static, Any>,
        invite_id: i64,
        user: &UserRef,
        answers: &BTreeMap<String, Answer>,
    ) -> Result<Applied> {
        let json = serde_json::to_string(answers).context("encoding survey answers")?;
        let done = sqlx::query(
            "UPDATE survey_invites SET draft = $1 WHERE id = $2 AND platform = $3 AND user_id = $4 AND answered = 0",
        )
        .bind(json)
        .bind(invite_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .execute(&mut **tx)
        .await?;
        Ok(if done.rows_affected() == 1 {
            Applied::Done
        } else {
            Applied::Conflict
        })
    }

    /// Records a submitted survey: the invite is marked answered (its draft dropped), and
    /// the answers stored — with the person and round only when `attributed`. A conflict if
    /// the invite was answered already.
    pub(super) async fn submit_survey(
        &self,
        tx: &mut Transaction<'static, Any>,
        invite_id: i64,
        user: &UserRef,
        answers: &BTreeMap<String, Answer>,
        attributed: bool,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        let row = sqlx::query(
            "SELECT i.role, r.id AS round_id, r.programme, r.survey FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE i.id = $1 AND i.platform = $2 AND i.user_id = $3 AND i.answered = 0",
        )
        .bind(invite_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else {
            return Ok(Applied::Conflict);
        };
        let done = sqlx::query(
            "UPDATE survey_invites SET answered = 1, draft = NULL WHERE id = $1 AND answered = 0",
        )
        .bind(invite_id)
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(Applied::Conflict);
        }
        // A follow-up of outcomes after closure is stored with its baseline (outcomes.rs).
        if self
            .submit_follow_up(tx, invite_id, user, answers, attributed, now)
            .await?
        {
            return Ok(Applied::Done);
        }
        let json = serde_json::to_string(answers).context("encoding survey answers")?;
        let round_id: i64 = row.try_get("round_id")?;
        sqlx::query(
            "INSERT INTO survey_responses (programme, survey, role, answers, round_id, platform, user_id, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(row.try_get::<String, _>("programme")?)
        .bind(row.try_get::<String, _>("survey")?)
        .bind(row.try_get::<String, _>("role")?)
        .bind(json)
        .bind(attributed.then_some(round_id))
        .bind(attributed.then(|| user.platform.as_str()))
        .bind(attributed.then(|| user.id.clone()))
        .bind(attributed.then(|| to_millis(now)))
        .execute(&mut **tx)
        .await?;
        Ok(Applied::Done)
    }

    /// People asked in a round of a survey that is still open, whether they have answered
    /// or not (so a second sending skips them).
    pub async fn open_invitees(
        &self,
        programme: &str,
        survey: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<UserRef>> {
        let rows = sqlx::query(
            "SELECT DISTINCT i.platform, i.user_id FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE r.programme = $1 AND r.survey = $2 AND r.closes_at > $3",
        )
        .bind(programme)
        .bind(survey)
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_of).collect()
    }

    /// Every response to a survey, in an order that says nothing about who answered when.
    pub async fn survey_responses(
        &self,
        programme: &str,
        survey: &str,
    ) -> Result<Vec<SurveyResponse>> {
        let rows = sqlx::query(
            "SELECT role, answers, platform, user_id FROM survey_responses WHERE programme = $1 AND survey = $2 ORDER BY role, answers",
        )
        .bind(programme)
        .bind(survey)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let answers: String = row.try_get("answers")?;
                let platform: Option<String> = row.try_get("platform")?;
                Ok(SurveyResponse {
                    role: role_of(row)?,
                    answers: serde_json::from_str(&answers).context("decoding survey answers")?,
                    user: match platform {
                        Some(_) => Some(user_of(row)?),
                        None => None,
                    },
                })
            })
            .collect()
    }

    /// Rounds, invites, answers and open invites per survey.
    pub async fn survey_stats(&self, now: DateTime<Utc>) -> Result<Vec<SurveyStats>> {
        let rows = sqlx::query(
            "SELECT r.programme, r.survey, COUNT(DISTINCT r.id) AS rounds, COUNT(i.id) AS invited, \
             CAST(COALESCE(SUM(i.answered), 0) AS BIGINT) AS answered, \
             CAST(COALESCE(SUM(CASE WHEN i.answered = 0 AND r.closes_at > $1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS still_open \
             FROM survey_rounds r LEFT JOIN survey_invites i ON i.round_id = r.id \
             GROUP BY r.programme, r.survey ORDER BY r.programme, r.survey",
        )
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let n = |c: &str| -> Result<usize> {
                    Ok(usize::try_from(row.try_get::<i64, _>(c)?).unwrap_or(0))
                };
                Ok(SurveyStats {
                    programme: row.try_get("programme")?,
                    survey: row.try_get("survey")?,
                    rounds: n("rounds")?,
                    invited: n("invited")?,
                    answered: n("answered")?,
                    open: n("still_open")?,
                })
            })
            .collect()
    }

    /// How many were invited to a survey, in all its rounds.
    pub async fn survey_invited(&self, programme: &str, survey: &str) -> Result<usize> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE r.programme = $1 AND r.survey = $2",
        )
        .bind(programme)
        .bind(survey)
        .fetch_one(&self.pool)
        .await?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Open, unanswered invites not reminded yet: (invite, person, programme, survey,
    /// invited at). The app decides whose reminder is due from the survey's settings.
    pub async fn unreminded_invites(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, UserRef, String, String, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT i.id, i.platform, i.user_id, r.programme, r.survey, i.invited_at FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE i.answered = 0 AND i.reminded_at IS NULL AND r.closes_at > $1 ORDER BY i.id",
        )
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("id")?,
                    user_of(row)?,
                    row.try_get("programme")?,
                    row.try_get("survey")?,
                    from_millis(row.try_get("invited_at")?),
                ))
            })
            .collect()
    }

    /// Drops the answers saved half-way in rounds that have closed: they will never be
    /// submitted, and must not stay beside the person. Returns how many were dropped.
    pub async fn drop_closed_drafts(&self, now: DateTime<Utc>) -> Result<u64> {
        // A follow-up never answered: its copy of the person's baseline goes with it.
        sqlx::query(
            "DELETE FROM outcome_invites WHERE invite_id IN (SELECT i.id FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE r.closes_at <= $1)",
        )
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?;
        Ok(sqlx::query(
            "UPDATE survey_invites SET draft = NULL WHERE draft IS NOT NULL AND round_id IN (SELECT id FROM survey_rounds WHERE closes_at <= $1)",
        )
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// Marks an invite reminded and, with `queue`, queues the reminder prompt; `false` if
    /// it was reminded already.
    pub async fn remind_survey(
        &self,
        invite_id: i64,
        user: &UserRef,
        queue: bool,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE survey_invites SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND answered = 0",
        )
        .bind(to_millis(now))
        .bind(invite_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        if queue {
            let prompt = Prompt::Survey {
                invite_id,
                reminder: true,
            };
            super::prompts::insert_prompt(
                super::sql::Exec::Conn(&mut tx),
                self.sealer.as_ref(),
                user,
                &prompt,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
