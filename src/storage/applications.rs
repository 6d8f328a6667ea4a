//! Submitted applications and their answers.

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::{Answer, ApplicationStatus, ApplicationSummary, NewApplication, UserRef};
use crate::error::{Error, Result};

/// A stored application with everything in it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredApplication {
    pub summary: ApplicationSummary,
    pub applicant: UserRef,
    pub answers: Vec<(String, Answer)>,
}

impl Store {
    pub(super) async fn insert_application(
        &self,
        tx: &mut Transaction<'static, Any>,
        application: &NewApplication,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO applications (programme, role, platform, user_id, status, submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&application.programme)
        .bind(application.role.as_str())
        .bind(application.applicant.platform.as_str())
        .bind(&application.applicant.id)
        .bind(ApplicationStatus::Submitted.as_str())
        .bind(to_millis(application.submitted_at))
        .bind(to_millis(now))
        .fetch_one(&mut **tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                return Err(Error::user(
                    "You have already applied to this programme, so this application was not sent again. Type status to see your applications.",
                ));
            }
            Err(e) => return Err(e.into()),
        };
        for (position, (question, answer)) in application.answers.iter().enumerate() {
            let json = serde_json::to_string(answer).context("encoding an answer")?;
            sqlx::query(
                "INSERT INTO application_answers (application_id, position, question_id, answer) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(question)
            .bind(json)
            .execute(&mut **tx)
            .await?;
        }
        Ok(id)
    }

    /// The person's applications, newest first.
    pub async fn applications_of(&self, user: &UserRef) -> Result<Vec<ApplicationSummary>> {
        let rows = sqlx::query(
            "SELECT id, programme, role, status, submitted_at FROM applications WHERE platform = $1 AND user_id = $2 ORDER BY submitted_at DESC, id DESC",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary_from_row).collect()
    }

    /// One application with its answers in form order.
    pub async fn application(&self, id: i64) -> Result<Option<StoredApplication>> {
        let Some(row) = sqlx::query(
            "SELECT id, programme, role, status, submitted_at, platform, user_id FROM applications WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let summary = summary_from_row(&row)?;
        let platform: String = row.try_get("platform")?;
        let applicant = UserRef::new(
            platform.parse().map_err(anyhow::Error::msg)?,
            row.try_get::<String, _>("user_id")?,
        );
        let answer_rows = sqlx::query(
            "SELECT question_id, answer FROM application_answers WHERE application_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut answers = Vec::with_capacity(answer_rows.len());
        for r in answer_rows {
            let json: String = r.try_get("answer")?;
            let answer: Answer = serde_json::from_str(&json).context("decoding a stored answer")?;
            answers.push((r.try_get("question_id")?, answer));
        }
        Ok(Some(StoredApplication {
            summary,
            applicant,
            answers,
        }))
    }

    /// All applications to a programme, oldest first.
    pub async fn applications_to(&self, programme: &str) -> Result<Vec<ApplicationSummary>> {
        let rows = sqlx::query(
            "SELECT id, programme, role, status, submitted_at FROM applications WHERE programme = $1 ORDER BY submitted_at, id",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary_from_row).collect()
    }
}

fn summary_from_row(row: &AnyRow) -> Result<ApplicationSummary> {
    let role: String = row.try_get("role")?;
    let status: String = row.try_get("status")?;
    Ok(ApplicationSummary {
        id: row.try_get("id")?,
        programme: row.try_get("programme")?,
        role: role.parse().map_err(anyhow::Error::msg)?,
        status: status.parse().map_err(anyhow::Error::msg)?,
        submitted_at: from_millis(row.try_get("submitted_at")?),
    })
}
