//! Public profiles (`domain::profile`): which answers, and what bio, a participant shows to
//! the other side of a programme where mentees choose. One row per application; removed
//! with the application, and by `delete my data`.

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::{Store, sql, to_millis};
use crate::domain::profile::Profile;
use crate::error::Result;

impl Store {
    /// Sets what an application's profile shows; an empty profile removes it.
    pub(super) async fn set_profile(
        &self,
        tx: &mut Transaction<'static, Any>,
        application: i64,
        profile: &Profile,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if profile.is_empty() {
            sqlx::query("DELETE FROM profiles WHERE application_id = $1")
                .bind(application)
                .execute(&mut **tx)
                .await?;
            return Ok(());
        }
        let questions =
            serde_json::to_string(&profile.questions).context("encoding profile questions")?;
        sqlx::query(
            "INSERT INTO profiles (application_id, questions, bio, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (application_id) DO UPDATE SET questions = excluded.questions, bio = excluded.bio, updated_at = excluded.updated_at",
        )
        .bind(application)
        .bind(questions)
        .bind(&profile.bio)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The profiles of a programme's applications, by application.
    pub async fn profiles_in(&self, programme: &str) -> Result<Vec<(i64, Profile)>> {
        let rows = sql::query(
            "SELECT p.application_id, p.questions, p.bio FROM profiles p JOIN applications a ON a.id = p.application_id WHERE a.programme = $1 ORDER BY p.application_id",
        )
        .bind(programme)
        .fetch_all(self.db()?.exec())
        .await?;
        rows.iter().map(profile_from_row).collect()
    }

    /// The profile of one application, if it has one.
    pub async fn profile_of(&self, application: i64) -> Result<Option<Profile>> {
        let row = sql::query(
            "SELECT application_id, questions, bio FROM profiles WHERE application_id = $1",
        )
        .bind(application)
        .fetch_optional(self.db()?.exec())
        .await?;
        row.as_ref()
            .map(|r| profile_from_row(r).map(|(_, p)| p))
            .transpose()
    }
}

fn profile_from_row(r: &sql::Row) -> Result<(i64, Profile)> {
    let questions: String = r.try_get("questions")?;
    Ok((
        r.try_get("application_id")?,
        Profile {
            questions: serde_json::from_str(&questions).context("decoding profile questions")?,
            bio: r.try_get("bio")?,
        },
    ))
}
