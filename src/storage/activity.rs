//! Pair-room activity, written behind: when each member of a pair last wrote in their
//! room (never what), for the silent-pair check and the coordinators' lists.
//!
//! Chatter in pair rooms is most of what a community says and all Tandem does with it is
//! note the time, so a message must cost almost nothing: [`Store::note_pair_activity`]
//! only updates a map in memory (the latest time per room and member), and
//! [`Store::flush_pair_activity`] writes the map in one transaction. It is flushed when it
//! has waited [`FLUSH_EVERY`] (by the next message that notes activity), on every round of
//! the scheduler's loop, and before anything reads `pair_activity` (the silent-pair check,
//! match health, a person's data). A person's erasure takes their entries out of the map
//! inside its own transaction, so no buffered time brings their id back afterwards.
//!
//! Talk in a room is not recorded as a handled event one by one either: the map keeps each
//! room's newest message ([`Store::note_room_talk`]), and a flush records that one, which
//! is all a platform's catch-up needs (it reads a room back to the newest handled event).
//!
//! The trade-off, stated: a crash loses the times noted since the last flush (at most a
//! scheduler round, about half a minute), and another process sharing the database sees
//! them that much later. Silences are counted in days, so neither changes a nudge.
//!
//! A new reader of `pair_activity` calls [`Store::flush_pair_activity`] first.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::conversations::insert_inbound_event;
use super::{Store, to_millis};
use crate::domain::{EventRef, UserRef};
use crate::error::Result;

/// How long noted activity may wait in memory before a message flushes it.
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// Most entries held before a message flushes them, whatever their age.
const MOST_HELD: usize = 50_000;

/// (platform, room, member) → the latest time they wrote, in epoch milliseconds.
type Key = (String, String, String);

/// The times noted and not yet written.
#[derive(Debug)]
pub(super) struct Buffer {
    held: Mutex<Held>,
}

#[derive(Debug, Default)]
struct Held {
    times: HashMap<Key, i64>,
    /// Each room's newest message, as (platform, room) → event id.
    newest: HashMap<(String, String), String>,
    since: Option<Instant>,
}

/// What one flush writes.
#[derive(Debug, Default)]
struct Taken {
    times: HashMap<Key, i64>,
    newest: HashMap<(String, String), String>,
}

impl Taken {
    fn is_empty(&self) -> bool {
        self.times.is_empty() && self.newest.is_empty()
    }
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            held: Mutex::new(Held::default()),
        }
    }
}

impl Buffer {
    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        // A panic while holding the lock leaves a map that is still whole: go on with it.
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Everything held, leaving the map empty.
    fn take(&self) -> Taken {
        let mut held = self.lock();
        held.since = None;
        Taken {
            times: std::mem::take(&mut held.times),
            newest: std::mem::take(&mut held.newest),
        }
    }

    /// Puts back what could not be written, keeping the later time of each (and a newer
    /// message noted meanwhile).
    fn restore(&self, taken: Taken) {
        let mut held = self.lock();
        for (key, at) in taken.times {
            let slot = held.times.entry(key).or_insert(at);
            *slot = (*slot).max(at);
        }
        for (room, event) in taken.newest {
            held.newest.entry(room).or_insert(event);
        }
        held.since.get_or_insert_with(Instant::now);
    }

    /// Whether what is held is due to be written (see [`FLUSH_EVERY`]).
    fn due(held: &mut Held) -> bool {
        let since = *held.since.get_or_insert_with(Instant::now);
        held.times.len() + held.newest.len() >= MOST_HELD || since.elapsed() >= FLUSH_EVERY
    }
}

const UPSERT: &str = "INSERT INTO pair_activity (match_id, platform, user_id, last_message_at) \
     SELECT id, $1, $2, $3 FROM matches WHERE room = $4 AND status = 'active' \
     ON CONFLICT (match_id, platform, user_id) DO UPDATE SET last_message_at = \
     CASE WHEN excluded.last_message_at > pair_activity.last_message_at \
     THEN excluded.last_message_at ELSE pair_activity.last_message_at END";

impl Store {
    /// Notes that `user` wrote in `room` at `at` (kept only if it is an active pair's
    /// room, when written). No database work: `true` when what is noted is due to be
    /// written ([`Store::flush_pair_activity`]).
    pub fn note_pair_activity(
        &self,
        platform: &str,
        room: &str,
        user: &str,
        at: DateTime<Utc>,
    ) -> bool {
        let mut held = self.activity.lock();
        let at = to_millis(at);
        let key = (platform.to_string(), room.to_string(), user.to_string());
        let slot = held.times.entry(key).or_insert(at);
        *slot = (*slot).max(at);
        Buffer::due(&mut held)
    }

    /// Notes `event`, a message in `room` that nothing was decided about, as the room's
    /// newest: recorded as handled at the next flush. `true` when what is noted is due to
    /// be written.
    pub fn note_room_talk(&self, room: &str, event: &EventRef) -> bool {
        let mut held = self.activity.lock();
        held.newest.insert(
            (event.platform.as_str().to_string(), room.to_string()),
            event.id.clone(),
        );
        Buffer::due(&mut held)
    }

    /// Writes the noted activity (and each room's newest message, as handled) in one
    /// transaction; returns how many activity entries it wrote. On failure everything is
    /// kept for the next flush.
    pub async fn flush_pair_activity(&self) -> Result<usize> {
        let taken = self.activity.take();
        if taken.is_empty() {
            return Ok(0);
        }
        match self.write_activity(&taken).await {
            Ok(()) => Ok(taken.times.len()),
            Err(e) => {
                self.activity.restore(taken);
                Err(e)
            }
        }
    }

    async fn write_activity(&self, taken: &Taken) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for ((platform, room, user), at) in &taken.times {
            upsert(&mut tx, platform, room, user, *at).await?;
        }
        for ((platform, _), id) in &taken.newest {
            let platform = platform.parse().map_err(anyhow::Error::msg)?;
            insert_inbound_event(
                super::sql::Exec::Conn(&mut tx),
                &EventRef::new(platform, id.clone()),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Writes `user`'s noted activity inside an erasure's transaction, before their id is
    /// replaced by a pseudonym there: nothing noted of them is written under their id
    /// later.
    pub(super) async fn flush_activity_of(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
    ) -> Result<()> {
        let theirs: Vec<(Key, i64)> = {
            let mut held = self.activity.lock();
            let keys: Vec<Key> = held
                .times
                .keys()
                .filter(|(p, _, u)| p == user.platform.as_str() && *u == user.id)
                .cloned()
                .collect();
            keys.into_iter()
                .filter_map(|k| held.times.remove(&k).map(|at| (k, at)))
                .collect()
        };
        for ((platform, room, id), at) in theirs {
            upsert(tx, &platform, &room, &id, at).await?;
        }
        Ok(())
    }
}

async fn upsert(
    tx: &mut Transaction<'static, Any>,
    platform: &str,
    room: &str,
    user: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(UPSERT)
        .bind(platform)
        .bind(user)
        .bind(at)
        .bind(room)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
