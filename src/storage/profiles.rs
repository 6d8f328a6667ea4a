//! What pairs and would-be pairs are shown of each other: public profiles
//! (`domain::profile`): which answers, and what bio, a participant shows to
//! the other side of a programme where mentees choose. One row per application; removed
//! with the application, and by `delete my data`. And the conversation starters each pair
//! was given (`domain::starters`), so none is given twice.

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

impl Store {
    /// Records a conversation starter given to a pair (again: nothing changes).
    pub(super) async fn give_starter(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO pair_starters (match_id, text, given_at) VALUES ($1, $2, $3) ON CONFLICT (match_id, text) DO NOTHING",
        )
        .bind(match_id)
        .bind(text)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// [`Store::give_starter`] outside a step (a quiet pair's nudge, sent by the sweep).
    pub async fn remember_starter(
        &self,
        match_id: i64,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        self.give_starter(&mut tx, match_id, text, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The starters a match's pair was given, oldest first.
    pub async fn starters_given(&self, match_id: i64) -> Result<Vec<String>> {
        let rows = sql::query(
            "SELECT text FROM pair_starters WHERE match_id = $1 ORDER BY given_at, text",
        )
        .bind(match_id)
        .fetch_all(self.db()?.exec())
        .await?;
        rows.iter().map(|r| Ok(r.try_get("text")?)).collect()
    }

    /// The starters given to the pair of the active match whose room is `room`.
    pub async fn starters_given_in_room(&self, room: &str) -> Result<Vec<String>> {
        let rows = sql::query(
            "SELECT s.text FROM pair_starters s JOIN matches m ON m.id = s.match_id WHERE m.room = $1 AND m.status = 'active' ORDER BY s.given_at, s.text",
        )
        .bind(room)
        .fetch_all(self.db()?.exec())
        .await?;
        rows.iter().map(|r| Ok(r.try_get("text")?)).collect()
    }
}
