//! Check-ins: a milestone's question to each member of a pair ("have you met?"), asked once
//! per occurrence, and their answers, which the quiet-pair alert, the planned closure's
//! summary and the programme report read.
//!
//! A check-in is asked by the milestone job (`app::scheduler::milestones`) and answered in
//! a step (`Effect::AnswerCheckIn`, written here from the dispatcher in `storage::step`). A
//! new reading of the answers is one more query here.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::prompts::{decode_prompt, insert_prompt};
use super::sql;
use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::health::PairSigns;
use crate::error::Result;
use crate::step::Prompt;

impl Store {
    /// Asks a member a check-in once: records the question and queues its prompt, unless it
    /// was asked before (a retried job). Returns whether it was new.
    pub async fn ask_check_in(
        &self,
        user: &UserRef,
        prompt: &Prompt,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let Prompt::CheckIn { match_id, seq, .. } = prompt else {
            return Err(anyhow::anyhow!("ask_check_in takes a check-in prompt").into());
        };
        let mut tx = self.pool.begin().await?;
        let new = sqlx::query(
            "INSERT INTO check_ins (match_id, seq, platform, user_id, asked_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (match_id, seq, platform, user_id) DO NOTHING",
        )
        .bind(*match_id)
        .bind(i64::from(*seq))
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(to_millis(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if new {
            // An older check-in of the same match still waiting to be asked is stale now:
            // only the latest question is worth answering.
            let waiting = sqlx::query(
                "SELECT id, prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2",
            )
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(&mut *tx)
            .await?;
            for row in waiting {
                let stored: String = row.try_get("prompt")?;
                if let Ok(Prompt::CheckIn { match_id: m, .. }) =
                    decode_prompt(self.sealer.as_ref(), user, stored)
                    && m == *match_id
                {
                    let id: i64 = row.try_get("id")?;
                    sqlx::query("DELETE FROM pending_prompts WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            insert_prompt(
                sql::Exec::Conn(&mut tx),
                self.sealer.as_ref(),
                user,
                prompt,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(new)
    }

    /// Records a member's answer to a check-in (inside the step's transaction).
    pub(super) async fn answer_check_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        seq: u32,
        user: &UserRef,
        answer: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE check_ins SET answer = $1, answered_at = $2 WHERE match_id = $3 AND seq = $4 AND platform = $5 AND user_id = $6",
        )
        .bind(answer)
        .bind(to_millis(now))
        .bind(match_id)
        .bind(i64::from(seq))
        .bind(user.platform.as_str())
        .bind(&user.id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// A match's check-in answers, oldest first, as (seq, user id, answer).
    pub async fn check_ins_of(&self, match_id: i64) -> Result<Vec<(u32, String, Option<String>)>> {
        let rows = sqlx::query(
            "SELECT seq, user_id, answer FROM check_ins WHERE match_id = $1 ORDER BY seq, id",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let seq: i64 = r.try_get("seq")?;
                Ok((seq as u32, r.try_get("user_id")?, r.try_get("answer")?))
            })
            .collect()
    }

    /// How many of a match's check-ins either member answered "we met".
    pub async fn check_ins_met(&self, match_id: i64) -> Result<usize> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT seq) FROM check_ins WHERE match_id = $1 AND answer = 'met'",
        )
        .bind(match_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Check-in answers across a programme's matches: (answer, how many).
    pub async fn check_in_answers(&self, programme: &str) -> Result<Vec<(String, usize)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT c.answer, COUNT(*) FROM check_ins c JOIN matches m ON m.id = c.match_id WHERE m.programme = $1 AND c.answer IS NOT NULL GROUP BY c.answer ORDER BY c.answer",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(a, n)| (a, usize::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// How one match's pair is doing (see [`Store::pair_signs`]).
    pub async fn pair_signs_of(
        &self,
        m: &crate::domain::matches::MatchRecord,
        now: DateTime<Utc>,
    ) -> Result<PairSigns> {
        Ok(self
            .pair_signs(&m.programme, Some(m.id), now)
            .await?
            .pop()
            .map(|(_, s)| s)
            .unwrap_or_default())
    }

    /// What coordinators' lists and the support sweep read of how pairs are doing (see
    /// `domain::health`), by match id: every match of `programme`, or, with `only`, that
    /// one match. `now` decides which unanswered check-ins count as missed.
    pub async fn pair_signs(
        &self,
        programme: &str,
        only: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, PairSigns)>> {
        self.flush_pair_activity().await?;
        let missed_before = now - chrono::Duration::days(crate::domain::support::MISSED_AFTER_DAYS);
        let rows = sqlx::query(
            "SELECT m.id, m.paused_until, m.staff, \
             (SELECT MAX(a.last_message_at) FROM pair_activity a WHERE a.match_id = m.id) AS last_message_at, \
             (SELECT COUNT(DISTINCT c.seq) FROM check_ins c WHERE c.match_id = m.id) AS asked, \
             (SELECT COUNT(DISTINCT c.seq) FROM check_ins c WHERE c.match_id = m.id AND c.answer = 'met') AS met, \
             (SELECT COUNT(*) FROM check_ins c WHERE c.match_id = m.id AND c.answer = 'stuck' AND c.seq = \
                (SELECT MAX(l.seq) FROM check_ins l WHERE l.match_id = m.id AND l.answer IS NOT NULL)) AS stuck, \
             (SELECT COUNT(DISTINCT c.seq) FROM check_ins c WHERE c.match_id = m.id AND c.asked_at <= $3 AND c.seq > \
                COALESCE((SELECT MAX(l.seq) FROM check_ins l WHERE l.match_id = m.id AND l.answer IS NOT NULL), -1)) AS missed, \
             (SELECT MAX(l.seq) FROM check_ins l WHERE l.match_id = m.id AND l.answer IS NOT NULL) AS last_answered, \
             (SELECT COUNT(*) FROM staff_check_ins s WHERE s.match_id = m.id) AS contacts, \
             (SELECT MAX(s.logged_at) FROM staff_check_ins s WHERE s.match_id = m.id) AS last_contact, \
             (SELECT s.concern FROM staff_check_ins s WHERE s.match_id = m.id ORDER BY s.logged_at DESC, s.id DESC LIMIT 1) AS concern, \
             (SELECT COUNT(*) FROM meetings g WHERE g.match_id = m.id AND g.state = 'held') AS meetings_held, \
             (SELECT CAST(COALESCE(SUM(g.held_minutes), 0) AS BIGINT) FROM meetings g WHERE g.match_id = m.id \
                AND g.state = 'held' AND g.starts_at > $4 AND g.starts_at <= $5) AS minutes_30d, \
             (SELECT COUNT(*) FROM safety_flags f WHERE f.match_id = m.id AND f.status <> 'dismissed' \
                AND f.sent_at > $4 AND f.sent_at <= $5) AS safety_flags \
             FROM matches m WHERE m.programme = $1 AND ($2 = 0 OR m.id = $2) ORDER BY m.id",
        )
        .bind(programme)
        .bind(only.unwrap_or(0))
        .bind(to_millis(missed_before))
        .bind(to_millis(now - chrono::Duration::days(30)))
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        let count = |r: &sqlx::any::AnyRow, c: &str| -> Result<u32> {
            Ok(u32::try_from(r.try_get::<i64, _>(c)?).unwrap_or(u32::MAX))
        };
        rows.iter()
            .map(|r| {
                let time = |c: &str| -> Result<Option<DateTime<Utc>>> {
                    Ok(r.try_get::<Option<i64>, _>(c)?.map(from_millis))
                };
                Ok((
                    r.try_get("id")?,
                    PairSigns {
                        last_activity: time("last_message_at")?,
                        paused_until: time("paused_until")?,
                        check_ins: count(r, "asked")?,
                        met: count(r, "met")?,
                        stuck: count(r, "stuck")? > 0,
                        missed: count(r, "missed")?,
                        last_answered: r
                            .try_get::<Option<i64>, _>("last_answered")?
                            .and_then(|n| u32::try_from(n).ok()),
                        staff: super::support::staff_of(r.try_get("staff")?),
                        contacts: count(r, "contacts")?,
                        last_contact: time("last_contact")?,
                        concern: r.try_get::<Option<i64>, _>("concern")?.unwrap_or(0) != 0,
                        meetings: count(r, "meetings_held")?,
                        minutes_30d: count(r, "minutes_30d")?,
                        safety_flags: count(r, "safety_flags")?,
                    },
                ))
            })
            .collect()
    }
}
