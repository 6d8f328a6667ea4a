//! Relayed pair rooms (`app::relay`): the mentor's side of each, and the ids of the bot's
//! copies in them (never their text).

use std::collections::HashSet;

use sqlx::Row;

use super::Store;
use crate::domain::{RoomRef, UserRef};
use crate::error::Result;

impl Store {
    /// Remembers the mentor's side of a relayed pair room.
    pub async fn set_match_relay_room(&self, id: i64, room: &str) -> Result<()> {
        sqlx::query("UPDATE matches SET relay_room = $1 WHERE id = $2")
            .bind(room)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The relayed pair rooms of every match that had one: (match, the mentee's side, the
    /// mentor's side), each side on its member's platform.
    pub async fn relayed_pair_rooms(&self) -> Result<Vec<(i64, RoomRef, RoomRef)>> {
        let rows = sqlx::query(
            "SELECT m.id, m.room, m.relay_room, e.platform AS e_platform, r.platform AS r_platform \
             FROM matches m JOIN applications e ON e.id = m.mentee_application \
             JOIN applications r ON r.id = m.mentor_application \
             WHERE m.room IS NOT NULL AND m.relay_room IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let side = |platform: &str, room: &str| -> Result<RoomRef> {
                    let platform: String = r.try_get(platform)?;
                    Ok(RoomRef::new(
                        platform.parse().map_err(anyhow::Error::msg)?,
                        r.try_get::<String, _>(room)?,
                    ))
                };
                Ok((
                    r.try_get("id")?,
                    side("e_platform", "room")?,
                    side("r_platform", "relay_room")?,
                ))
            })
            .collect()
    }

    /// Records a copy the bot posted in `room`, a side of match `match_id`'s relayed pair
    /// room, of `source` (the message `from` wrote in the other side): `part` 0, its text
    /// (maybe several messages), or `n`, its `n`th file.
    pub async fn record_relay_copy(
        &self,
        match_id: i64,
        from: &UserRef,
        source: Option<&str>,
        room: &RoomRef,
        (copy_id, part): (&str, i64),
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO relay_copies (match_id, source_platform, source_id, room, copy_id, part) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (room, copy_id) DO NOTHING",
        )
        .bind(match_id)
        .bind(from.platform.as_str())
        .bind(source)
        .bind(&room.id)
        .bind(copy_id)
        .bind(part)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The copies in `room` of message `source` written on `platform`: (copy, part), in
    /// the order they were posted.
    pub async fn relay_copies_of(
        &self,
        platform: crate::domain::Platform,
        source: &str,
        room: &RoomRef,
    ) -> Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT copy_id, part FROM relay_copies \
             WHERE source_platform = $1 AND source_id = $2 AND room = $3 ORDER BY part",
        )
        .bind(platform.as_str())
        .bind(source)
        .bind(&room.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("copy_id")?, r.try_get("part")?)))
            .collect()
    }

    /// Whether message `copy_id` in `room` is one of the bot's copies: its match and the
    /// platform the original was written on.
    pub async fn relay_copy_origin(
        &self,
        room: &RoomRef,
        copy_id: &str,
    ) -> Result<Option<(i64, crate::domain::Platform)>> {
        let row = sqlx::query(
            "SELECT match_id, source_platform FROM relay_copies WHERE room = $1 AND copy_id = $2",
        )
        .bind(&room.id)
        .bind(copy_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let platform: String = r.try_get("source_platform")?;
            Ok((
                r.try_get("match_id")?,
                platform.parse().map_err(anyhow::Error::msg)?,
            ))
        })
        .transpose()
    }

    /// The ids of the bot's copies in either side of a match's relayed pair room.
    pub async fn relay_copies(&self, match_id: i64) -> Result<HashSet<String>> {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT copy_id FROM relay_copies WHERE match_id = $1")
                .bind(match_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(ids.into_iter().collect())
    }
}
