//! Participants' questions to the programme team (`ask the team`) and their answers.

use anyhow::Result;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::team::{NewQuestion, TeamQuestion};

fn question_from_row(row: &sqlx::any::AnyRow) -> Result<TeamQuestion> {
    let platform: String = row.try_get("platform")?;
    let answered_at: Option<i64> = row.try_get("answered_at")?;
    let answered_by: Option<String> = row.try_get("answered_by")?;
    Ok(TeamQuestion {
        id: row.try_get("id")?,
        user: UserRef::new(
            platform.parse().map_err(anyhow::Error::msg)?,
            row.try_get::<String, _>("user_id")?,
        ),
        programme: row.try_get("programme")?,
        asked_as: row.try_get("asked_as")?,
        text: row.try_get("text")?,
        asked_at: from_millis(row.try_get("asked_at")?),
        answered: answered_at
            .zip(answered_by)
            .map(|(at, by)| (from_millis(at), by)),
    })
}

impl Store {
    /// Stores a question in the step's transaction; returns its number.
    pub(super) async fn insert_question(
        &self,
        tx: &mut Transaction<'static, Any>,
        question: &NewQuestion,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO team_questions (programme, platform, user_id, asked_as, text, asked_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&question.programme)
        .bind(question.user.platform.as_str())
        .bind(&question.user.id)
        .bind(&question.asked_as)
        .bind(&question.text)
        .bind(to_millis(now))
        .fetch_one(&mut **tx)
        .await?)
    }

    /// Records who answered a question last, and when.
    pub(super) async fn mark_answered(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("UPDATE team_questions SET answered_at = $1, answered_by = $2 WHERE id = $3")
            .bind(to_millis(now))
            .bind(by)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// A question by its number.
    pub async fn question(&self, id: i64) -> Result<Option<TeamQuestion>> {
        sqlx::query("SELECT id, programme, platform, user_id, asked_as, text, asked_at, answered_at, answered_by FROM team_questions WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(question_from_row)
            .transpose()
    }

    /// A person's questions, oldest first (for `my data`).
    pub async fn questions_of(&self, user: &UserRef) -> Result<Vec<TeamQuestion>> {
        sqlx::query("SELECT id, programme, platform, user_id, asked_as, text, asked_at, answered_at, answered_by FROM team_questions WHERE platform = $1 AND user_id = $2 ORDER BY id")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(question_from_row)
            .collect()
    }
}
