//! Conversations in progress: a person's state between messages, read at a version and
//! written back by the step that moves it on ([`write_state`], from `storage::step`, which
//! records the whole step), sealed when it ties a reporter to their case. Also the platform
//! events already handled, so a redelivery is not handled twice, and who the bot talks
//! with on a platform, for a catch-up.
//!
//! A conversation's state is the flows' `FlowState`, which storage knows only as a
//! [`ConversationState`]: a new conversation changes nothing here, but if it ties someone
//! to a case, its `links_case` must say so.

use super::sealer::{Sealer, load_json, store_json};
use super::sql::{self, Tx};
use super::{Store, to_millis};
use crate::domain::{EventRef, UserRef};
use crate::error::{Error, Result};
use crate::step::{ConversationState, StateChange};
use anyhow::Context;
use chrono::{DateTime, Utc};

/// A conversation as stored: its state (a `flows::FlowState`) and the version a write must
/// match.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredConversation<S> {
    pub id: i64,
    pub state: S,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl Store {
    /// The person's conversation in progress, if any.
    pub async fn load_conversation<S: ConversationState>(
        &self,
        user: &UserRef,
    ) -> Result<Option<StoredConversation<S>>> {
        let row = sql::query(
            "SELECT id, state, version, updated_at FROM conversations WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(self.db()?.exec())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let state = decode_state(self.sealer.as_ref(), user, row.try_get("state")?)?;
        Ok(Some(StoredConversation {
            id: row.try_get("id")?,
            state,
            version: row.try_get("version")?,
            updated_at: super::from_millis(row.try_get("updated_at")?),
        }))
    }

    /// Whether the platform event was handled already.
    pub async fn inbound_event_seen(&self, event: &EventRef) -> Result<bool> {
        let seen = sql::query("SELECT 1 FROM inbound_events WHERE platform = $1 AND event_id = $2")
            .bind(event.platform.as_str())
            .bind(&event.id)
            .fetch_optional(self.db()?.exec())
            .await?;
        Ok(seen.is_some())
    }

    /// People on `platform` the bot talks with (a conversation in progress, an
    /// application, or an account linked to someone's), for a platform that must ask for each DM's history by itself.
    pub async fn people_on(&self, platform: crate::domain::Platform) -> Result<Vec<UserRef>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT user_id FROM conversations WHERE platform = $1 \
             UNION SELECT user_id FROM applications WHERE platform = $1 \
             UNION SELECT user_id FROM linked_accounts WHERE platform = $1",
        )
        .bind(platform.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(ids
            .into_iter()
            .map(|id| UserRef::new(platform, id))
            .collect())
    }

    /// The pair rooms of active matches on `platform`.
    pub async fn pair_rooms_on(&self, platform: crate::domain::Platform) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT m.room FROM matches m JOIN applications a ON a.id = m.mentee_application \
             WHERE m.status = 'active' AND m.room IS NOT NULL AND COALESCE(m.room_platform, a.platform) = $1 \
             UNION ALL SELECT m.relay_room FROM matches m JOIN applications a ON a.id = m.mentor_application \
             WHERE m.status = 'active' AND m.relay_room IS NOT NULL AND a.platform = $1",
        )
        .bind(platform.as_str())
        .fetch_all(&self.pool)
        .await?)
    }

    /// When the first event of `platform` still on record was handled (wall clock): a
    /// catch-up reads back no further, so what an older version handled without a record
    /// is never handled again.
    pub async fn first_inbound_event_at(
        &self,
        platform: crate::domain::Platform,
    ) -> Result<Option<DateTime<Utc>>> {
        let first: Option<i64> =
            sqlx::query_scalar("SELECT MIN(received_at) FROM inbound_events WHERE platform = $1")
                .bind(platform.as_str())
                .fetch_one(&self.pool)
                .await?;
        Ok(first.map(super::from_millis))
    }

    /// Records a platform event as handled outside a step (one that ended in an error
    /// message); `false` if it was already.
    pub async fn record_inbound_event(&self, event: &EventRef) -> Result<bool> {
        let _turn = self.write_turn().await;
        Ok(insert_inbound_event(self.db()?.exec(), event).await?)
    }

    /// Forgets handled events and appservice transactions recorded more than `days` ago
    /// by the wall clock (a redelivery is never that late).
    pub async fn purge_inbound_events(&self, days: i64) -> Result<u64> {
        Ok(
            sqlx::query("DELETE FROM inbound_events WHERE received_at < $1")
                .bind(to_millis(Utc::now() - chrono::Duration::days(days)))
                .execute(&self.pool)
                .await?
                .rows_affected()
                + sqlx::query("DELETE FROM appservice_transactions WHERE received_at < $1")
                    .bind(to_millis(Utc::now() - chrono::Duration::days(days)))
                    .execute(&self.pool)
                    .await?
                    .rows_affected(),
        )
    }

    /// Whether the Matrix homeserver's transaction `txn` to the appservice `appservice`
    /// (its registration's id) was taken.
    pub async fn appservice_transaction_seen(&self, appservice: &str, txn: &str) -> Result<bool> {
        let seen = sql::query(
            "SELECT 1 FROM appservice_transactions WHERE appservice = $1 AND txn_id = $2",
        )
        .bind(appservice)
        .bind(txn)
        .fetch_optional(self.db()?.exec())
        .await?;
        Ok(seen.is_some())
    }

    /// Records the homeserver's transaction `txn` to `appservice` as taken; `false` if it
    /// was already.
    pub async fn record_appservice_transaction(&self, appservice: &str, txn: &str) -> Result<bool> {
        let _turn = self.write_turn().await;
        let done = sql::query(
            "INSERT INTO appservice_transactions (appservice, txn_id, received_at) VALUES ($1, $2, $3) \
             ON CONFLICT (appservice, txn_id) DO NOTHING",
        )
        .bind(appservice)
        .bind(txn)
        .bind(to_millis(Utc::now()))
        .execute(self.db()?.exec())
        .await?;
        Ok(done == 1)
    }

    /// Number of conversations in progress (for status displays and tests).
    pub async fn count_conversations(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM conversations")
            .fetch_one(&self.pool)
            .await?)
    }
}

/// Records a handled platform event; `false` if it was on record already. By the wall
/// clock, not the bot's: a redelivery comes in real time, and a clock moved on (the
/// console's `:advance`) must not forget what was handled.
pub(super) async fn insert_inbound_event(
    on: sql::Exec<'_>,
    event: &EventRef,
) -> Result<bool, sql::Error> {
    let done = sql::query(
        "INSERT INTO inbound_events (platform, event_id, received_at) VALUES ($1, $2, $3) \
         ON CONFLICT (platform, event_id) DO NOTHING",
    )
    .bind(event.platform.as_str())
    .bind(&event.id)
    .bind(to_millis(Utc::now()))
    .execute(on)
    .await?;
    Ok(done == 1)
}

/// Starts a conversation for someone who had none; `false` if they have one after all.
pub(super) async fn insert_conversation<S: ConversationState>(
    tx: &mut Tx<'_>,
    sealer: Option<&Sealer>,
    user: &UserRef,
    state: &S,
    now: DateTime<Utc>,
) -> Result<bool> {
    let json = encode_state(sealer, user, state)?;
    let done = sql::query(
        "INSERT INTO conversations (platform, user_id, state, version, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4)",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(json)
    .bind(to_millis(now))
    .execute(tx.exec())
    .await;
    conflict_aware(done.map(|_| true))
}

/// Writes a step's change to the person's conversation inside the step's transaction,
/// checked against the version it was read at: `false` when it changed meanwhile (or one
/// was started or ended since it was read), and then the step is redone.
pub(super) async fn write_state<S: ConversationState>(
    tx: &mut Tx<'_>,
    sealer: Option<&Sealer>,
    user: &UserRef,
    read: Option<&StoredConversation<S>>,
    change: &StateChange<S>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let now_ms = to_millis(now);
    Ok(match (change, read) {
        (StateChange::Unchanged, _) => true,
        (StateChange::Set(state), Some(read)) => {
            let json = encode_state(sealer, user, state)?;
            let done = sql::query(
                "UPDATE conversations SET state = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4",
            )
            .bind(json)
            .bind(now_ms)
            .bind(read.id)
            .bind(read.version)
            .execute(tx.exec())
            .await;
            conflict_aware(done.map(|n| n == 1))?
        }
        (StateChange::Set(state), None) => {
            insert_conversation(tx, sealer, user, state, now).await?
        }
        (StateChange::Clear, Some(read)) => {
            let done = sql::query("DELETE FROM conversations WHERE id = $1 AND version = $2")
                .bind(read.id)
                .bind(read.version)
                .execute(tx.exec())
                .await;
            conflict_aware(done.map(|n| n == 1))?
        }
        (StateChange::Clear, None) => {
            // Nothing was stored when we read; if something is now, we raced.
            let exists =
                sql::query("SELECT id FROM conversations WHERE platform = $1 AND user_id = $2")
                    .bind(user.platform.as_str())
                    .bind(&user.id)
                    .fetch_optional(tx.exec())
                    .await?;
            exists.is_none()
        }
    })
}

/// A conversation's state as stored: sealed when it ties the person to a case (they are
/// answering the moderators' question about their report), so no row names a reporter
/// beside their case number; plain JSON otherwise.
pub(super) fn encode_state<S: ConversationState>(
    sealer: Option<&Sealer>,
    user: &UserRef,
    state: &S,
) -> Result<String> {
    let json = serde_json::to_string(state).context("encoding conversation state")?;
    store_json(sealer, "conversations", user, json, state.links_case())
}

pub(super) fn decode_state<S: ConversationState>(
    sealer: Option<&Sealer>,
    user: &UserRef,
    stored: String,
) -> Result<S> {
    let json = load_json(sealer, "conversations", user, stored)?;
    Ok(serde_json::from_str(&json)
        .with_context(|| format!("decoding the stored conversation of {user}"))?)
}

/// Turns a write that lost a race into `Ok(false)`.
pub(super) fn conflict_aware(result: std::result::Result<bool, sql::Error>) -> Result<bool> {
    match result {
        Ok(applied) => Ok(applied),
        Err(e) if e.is_write_conflict() => Ok(false),
        Err(e) => Err(Error::from(e)),
    }
}
