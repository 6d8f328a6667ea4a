//! Group events and RSVPs. Sessions are created in the step's transaction (with the
//! coordinator's command), so a crash never leaves half a series; RSVPs are one row per
//! person and session, the latest answer winning.

use anyhow::{Result, anyhow};
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::events::{EventRecord, NewEvent, Rsvp};
use crate::domain::{RoomRef, UserRef};

const EVENT_COLUMNS: &str = "id, series, title, description, starts_at, zone, duration_minutes, room_platform, room_id, capacity, created_by, cancelled_at, external_id";

fn event_from_row(row: &sqlx::any::AnyRow) -> Result<EventRecord> {
    let created_by: String = row.try_get("created_by")?;
    let (platform, id) = created_by
        .split_once(':')
        .ok_or_else(|| anyhow!("a stored event's creator is not platform:id"))?;
    let room_platform: String = row.try_get("room_platform")?;
    Ok(EventRecord {
        id: row.try_get("id")?,
        series: row.try_get("series")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        starts_at: from_millis(row.try_get("starts_at")?),
        zone: row.try_get("zone")?,
        duration_minutes: u32::try_from(row.try_get::<i64, _>("duration_minutes")?).unwrap_or(60),
        room: RoomRef::new(
            room_platform.parse().map_err(anyhow::Error::msg)?,
            row.try_get::<String, _>("room_id")?,
        ),
        capacity: row
            .try_get::<Option<i64>, _>("capacity")?
            .and_then(|c| u32::try_from(c).ok()),
        created_by: UserRef::new(platform.parse().map_err(anyhow::Error::msg)?, id),
        cancelled: row.try_get::<Option<i64>, _>("cancelled_at")?.is_some(),
        external_id: row.try_get("external_id")?,
    })
}

impl Store {
    /// Stores the sessions of one `event create`, the first one's id as every session's
    /// series; returns their ids in order.
    pub(super) async fn insert_events(
        &self,
        tx: &mut Transaction<'static, Any>,
        events: &[NewEvent],
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>> {
        let mut ids = Vec::new();
        for e in events {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO events (series, title, description, starts_at, zone, duration_minutes, room_platform, room_id, capacity, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(ids.first().copied())
            .bind(&e.title)
            .bind(&e.description)
            .bind(to_millis(e.starts_at))
            .bind(&e.zone)
            .bind(i64::from(e.duration_minutes))
            .bind(e.room.platform.as_str())
            .bind(&e.room.id)
            .bind(e.capacity.map(i64::from))
            .bind(e.created_by.to_string())
            .bind(to_millis(now))
            .fetch_one(&mut **tx)
            .await?;
            ids.push(id);
        }
        if let Some(first) = ids.first() {
            sqlx::query("UPDATE events SET series = $1 WHERE id = $1")
                .bind(first)
                .execute(&mut **tx)
                .await?;
        }
        Ok(ids)
    }

    /// Records (or changes) a person's answer.
    pub(super) async fn upsert_rsvp(
        &self,
        tx: &mut Transaction<'static, Any>,
        event_id: i64,
        user: &UserRef,
        answer: Rsvp,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO rsvps (event_id, platform, user_id, answer, at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (event_id, platform, user_id) DO UPDATE SET answer = excluded.answer, at = excluded.at",
        )
        .bind(event_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(answer.as_str())
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Marks a session cancelled; `false` if it already was.
    pub(super) async fn mark_event_cancelled(
        &self,
        tx: &mut Transaction<'static, Any>,
        event_id: i64,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE events SET cancelled_at = $1, cancel_reason = $2 WHERE id = $3 AND cancelled_at IS NULL",
        )
        .bind(to_millis(now))
        .bind(reason)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn event(&self, id: i64) -> Result<Option<EventRecord>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(event_from_row).transpose()
    }

    /// Sessions not cancelled that start after `now`, soonest first (at most `limit`).
    pub async fn upcoming_events(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<EventRecord>> {
        // Only the constant column list is formatted in.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE cancelled_at IS NULL AND starts_at > $1 ORDER BY starts_at, id LIMIT $2"
        )))
        .bind(to_millis(now))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Every session ever created, cancelled or not, in start order (for exports).
    pub async fn all_events(&self) -> Result<Vec<EventRecord>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM events ORDER BY starts_at, id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Everyone's answer to a session, in the order they first answered.
    pub async fn rsvps(&self, event_id: i64) -> Result<Vec<(UserRef, Rsvp)>> {
        let rows = sqlx::query(
            "SELECT platform, user_id, answer FROM rsvps WHERE event_id = $1 ORDER BY at, user_id",
        )
        .bind(event_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let platform: String = r.try_get("platform")?;
                let answer: String = r.try_get("answer")?;
                Ok((
                    UserRef::new(
                        platform.parse().map_err(anyhow::Error::msg)?,
                        r.try_get::<String, _>("user_id")?,
                    ),
                    Rsvp::parse(&answer).ok_or_else(|| anyhow!("a stored RSVP is {answer}"))?,
                ))
            })
            .collect()
    }

    /// The session whose platform copy is `external` (`guild/event` on Discord), if one
    /// not cancelled.
    pub async fn event_published_as(&self, external: &str) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM events WHERE external_id = $1 AND cancelled_at IS NULL",
        )
        .bind(external)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Remembers the platform's own copy of a session.
    pub async fn set_event_external_id(&self, event_id: i64, external: &str) -> Result<()> {
        sqlx::query("UPDATE events SET external_id = $1 WHERE id = $2")
            .bind(external)
            .bind(event_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
