//! Screening's own records: where an applicant stands on each step (`screening_steps`,
//! with a cleared check's expiry and the warning sent for it) and reviewers' questions to
//! applicants (`review_questions`). The writes run inside a step's transaction, called by
//! the dispatcher in `storage::step`; the queries are those the screening sweep needs.
//!
//! Applications and their decisions are in `storage::applications`, waiting prompts in
//! `storage::prompts`. A new screening record is a write here (taking the step's
//! transaction) plus its arm in `storage::step`.

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Any, Row, Transaction};

use super::prompts::insert_prompt;
use super::sql;
use super::{Store, to_millis};
use crate::domain::UserRef;
use crate::domain::screening::StepState;
use crate::error::Result;
use crate::step::Prompt;

impl Store {
    /// Records where a participant stands on a screening step (the latest state wins).
    pub(super) async fn record_step(
        &self,
        tx: &mut Transaction<'static, Any>,
        application_id: i64,
        step_id: &str,
        state: &StepState,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let json = serde_json::to_string(state).context("encoding a step state")?;
        let expires = match state {
            StepState::Cleared { expires } => Some(expires.format("%Y-%m-%d").to_string()),
            _ => None,
        };
        sqlx::query(
            "INSERT INTO screening_steps (application_id, step_id, state, expires_on, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, step_id) DO UPDATE SET state = excluded.state, expires_on = excluded.expires_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(application_id)
        .bind(step_id)
        .bind(json)
        .bind(expires)
        .bind(by)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Stores a reviewer's question and queues it for the applicant.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn ask_applicant(
        &self,
        tx: &mut Transaction<'static, Any>,
        application_id: i64,
        applicant: &UserRef,
        programme: &str,
        question: &str,
        asked_by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let question_id: i64 = sqlx::query_scalar(
            "INSERT INTO review_questions (application_id, question, asked_by, asked_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(application_id)
        .bind(question)
        .bind(asked_by)
        .bind(to_millis(now))
        .fetch_one(&mut **tx)
        .await?;
        let prompt = Prompt::ReviewQuestion {
            question_id,
            application_id,
            programme: programme.to_string(),
            question: question.to_string(),
        };
        insert_prompt(
            sql::Exec::Conn(tx),
            self.sealer.as_ref(),
            applicant,
            &prompt,
            now,
        )
        .await?;
        Ok(())
    }

    /// Stores the applicant's answer to a reviewer's question (the first answer stays).
    pub(super) async fn answer_review_question(
        &self,
        tx: &mut Transaction<'static, Any>,
        question_id: i64,
        answer: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE review_questions SET answer = $1, answered_at = $2 WHERE id = $3 AND answer IS NULL",
        )
        .bind(answer)
        .bind(to_millis(now))
        .bind(question_id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Remembers that a step's check was warned about for its expiry date.
    pub(super) async fn mark_check_warned(
        &self,
        tx: &mut Transaction<'static, Any>,
        application_id: i64,
        step_id: &str,
        expires: NaiveDate,
    ) -> Result<()> {
        // Only while the check still expires on that date: a renewal recorded
        // meanwhile keeps its own warning to come.
        let date = expires.format("%Y-%m-%d").to_string();
        sqlx::query(
            "UPDATE screening_steps SET warned_for = $1 WHERE application_id = $2 AND step_id = $3 AND expires_on = $1",
        )
        .bind(date)
        .bind(application_id)
        .bind(step_id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Cleared checks expiring after `today` and within `days`, not yet warned about for
    /// that date: (application, step). Each step's own lead time is the flow's to apply.
    pub async fn checks_to_warn(&self, today: NaiveDate, days: u32) -> Result<Vec<(i64, String)>> {
        let horizon = today + chrono::Duration::days(i64::from(days));
        let rows = sqlx::query(
            "SELECT application_id, step_id FROM screening_steps WHERE expires_on IS NOT NULL AND expires_on > $1 AND expires_on <= $2 AND (warned_for IS NULL OR warned_for <> expires_on) ORDER BY expires_on, application_id",
        )
        .bind(today.format("%Y-%m-%d").to_string())
        .bind(horizon.format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("application_id")?, r.try_get("step_id")?)))
            .collect()
    }

    /// Cleared checks whose expiry date is on or before `today`: (application, step).
    pub async fn expired_checks(&self, today: NaiveDate) -> Result<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "SELECT application_id, step_id FROM screening_steps WHERE expires_on IS NOT NULL AND expires_on <= $1 ORDER BY expires_on, application_id",
        )
        .bind(today.format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("application_id")?, r.try_get("step_id")?)))
            .collect()
    }
}
