//! Broadcasts' audience: who muted announcements (`announcement_mutes`, written by a
//! step's effect, erased with the person), and whose direct messages failed for good
//! lately (read from the outbox), for a broadcast's dry run.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, to_millis};
use crate::domain::{Platform, UserRef};
use crate::error::Result;

impl Store {
    /// Everyone who muted announcements.
    pub async fn muted_people(&self) -> Result<Vec<UserRef>> {
        let rows = sqlx::query("SELECT platform, user_id FROM announcement_mutes")
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let platform: String = r.try_get("platform")?;
            if let Ok(platform) = platform.parse::<Platform>() {
                out.push(UserRef::new(platform, r.try_get::<String, _>("user_id")?));
            }
        }
        Ok(out)
    }

    /// The people a direct message failed to reach for good since `since` (the platform
    /// refused it: closed DMs, an account gone).
    pub async fn unreachable_people(&self, since: DateTime<Utc>) -> Result<Vec<UserRef>> {
        let lanes: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT lane FROM outbox WHERE state = 'failed' AND lane LIKE 'dm:%' \
             AND finished_at >= $1",
        )
        .bind(to_millis(since))
        .fetch_all(&self.pool)
        .await?;
        Ok(lanes
            .iter()
            .filter_map(|lane| {
                let (platform, id) = lane.strip_prefix("dm:")?.split_once(':')?;
                Some(UserRef::new(platform.parse::<Platform>().ok()?, id))
            })
            .collect())
    }

    pub(super) async fn mute_announcements(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        muted: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if muted {
            sqlx::query(
                "INSERT INTO announcement_mutes (platform, user_id, muted_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (platform, user_id) DO NOTHING",
            )
            .bind(user.platform.as_str())
            .bind(&user.id)
            .bind(to_millis(now))
            .execute(&mut **tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM announcement_mutes WHERE platform = $1 AND user_id = $2")
                .bind(user.platform.as_str())
                .bind(&user.id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Whether `user` muted announcements (for `my data`).
    pub(super) async fn has_muted(&self, user: &UserRef) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM announcement_mutes WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}
