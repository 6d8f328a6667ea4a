//! Prompts: what waits for a person until they are free (`pending_prompts`: a check-in, a
//! reviewer's or a moderator's question, a survey, what next after a match), and what a
//! platform needs remembered about a message the bot sent: the prompt behind it, by its
//! message id (`sent_prompts`, for buttons and replies), and a card's thread (`card_threads`).
//!
//! A prompt is queued inside a step's transaction ([`insert_prompt`], from `storage::step`
//! and the stages that queue one) and started with [`Store::start_prompt`] when the person
//! has no conversation. One that ties a reporter to their case is sealed at rest
//! ([`encode_prompt`]). A new kind of prompt is a `step::Prompt` variant: nothing here
//! changes unless it names a reporter, in which case `encode_prompt` must seal it.

use super::conversations::{conflict_aware, insert_conversation};
use super::sealer::{LINK_PREFIX, Sealer, load_json, store_json};
use super::sql;
use super::{Store, to_millis};
use crate::domain::UserRef;
use crate::error::Result;
use crate::step::{Act, ConversationState, Prompt};
use anyhow::Context;
use chrono::{DateTime, Utc};

impl Store {
    /// The oldest prompt waiting for this person.
    pub async fn next_prompt(&self, user: &UserRef) -> Result<Option<(i64, Prompt)>> {
        let row = sql::query(
            "SELECT id, prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2 ORDER BY id LIMIT 1",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(self.db()?.exec())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let prompt = decode_prompt(self.sealer.as_ref(), user, row.try_get("prompt")?)?;
        Ok(Some((row.try_get("id")?, prompt)))
    }

    /// People with a prompt waiting and no conversation in progress: a prompt queued by a
    /// step whose process stopped before starting it (the start follows the commit), or
    /// whose start failed. At most `limit`, the longest waiting first; stand-ins for
    /// assisted applicants are left out (their prompts wait for the account that takes the
    /// application over).
    pub async fn stranded_prompt_holders(&self, limit: i64) -> Result<Vec<UserRef>> {
        let rows = sqlx::query(
            "SELECT p.platform, p.user_id, MIN(p.id) AS first FROM pending_prompts p \
             WHERE NOT EXISTS (SELECT 1 FROM conversations c \
                 WHERE c.platform = p.platform AND c.user_id = p.user_id) \
             AND substr(p.user_id, 1, length($1)) <> $1 \
             GROUP BY p.platform, p.user_id ORDER BY first LIMIT $2",
        )
        .bind(crate::domain::ids::ASSISTED)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                use sqlx::Row as _;
                let platform: String = row.try_get("platform")?;
                let user_id: String = row.try_get("user_id")?;
                Ok(UserRef::new(
                    platform
                        .parse()
                        .map_err(|e| anyhow::anyhow!("a stored platform: {e}"))?,
                    user_id,
                ))
            })
            .collect()
    }

    /// Remembers a prompt sent on a platform under its message id (forgotten after 90 days
    /// by the sweep: [`Store::forget_old_prompts`]).
    pub async fn remember_prompt(
        &self,
        platform: &str,
        message_id: &str,
        prompt: &crate::chat::OutMessage,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let json = serde_json::to_string(prompt).context("encoding a sent prompt")?;
        let _turn = self.write_turn().await;
        sql::query(
            "INSERT INTO sent_prompts (platform, message_id, prompt, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (platform, message_id) DO NOTHING",
        )
        .bind(platform)
        .bind(message_id)
        .bind(json)
        .bind(to_millis(now))
        .execute(self.db()?.exec())
        .await?;
        Ok(())
    }

    /// Forgets the prompts sent more than 90 days before `now`. Run by the periodic sweep,
    /// not on every send (a statement per prompt sent, for what changes once a day).
    pub async fn forget_old_prompts(&self, now: DateTime<Utc>) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sent_prompts WHERE sent_at < $1")
            .bind(to_millis(now - chrono::Duration::days(90)))
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// A prompt sent on a platform, by its message id.
    pub async fn sent_prompt(
        &self,
        platform: &str,
        message_id: &str,
    ) -> Result<Option<crate::chat::OutMessage>> {
        let json: Option<String> = sqlx::query_scalar(
            "SELECT prompt FROM sent_prompts WHERE platform = $1 AND message_id = $2",
        )
        .bind(platform)
        .bind(message_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j).context("decoding a sent prompt")?),
            None => None,
        })
    }

    /// Remembers the message that starts a card's thread in a room. The first root
    /// stays: a card shown again does not move its thread.
    pub async fn remember_thread_root(
        &self,
        platform: &str,
        room_id: &str,
        key: &str,
        root_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO card_threads (platform, room_id, thread_key, root_id, started_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, room_id, thread_key) DO NOTHING",
        )
        .bind(platform)
        .bind(room_id)
        .bind(key)
        .bind(root_id)
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The message that starts the thread `key` in a room, if a card started one.
    pub async fn thread_root(
        &self,
        platform: &str,
        room_id: &str,
        key: &str,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT root_id FROM card_threads WHERE platform = $1 AND room_id = $2 AND thread_key = $3",
        )
        .bind(platform)
        .bind(room_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether a moderators' question waits for this person: then they are a reporter, and
    /// nothing about them may be said outside the case.
    pub async fn has_pending_case_question(&self, user: &UserRef) -> Result<bool> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        // Only a case question is sealed: a sealed prompt counts even if it did not open.
        Ok(rows.into_iter().any(|stored| {
            stored.starts_with(LINK_PREFIX)
                || matches!(
                    decode_prompt(self.sealer.as_ref(), user, stored),
                    Ok(Prompt::CaseQuestion { .. })
                )
        }))
    }

    /// Starts the conversation of a pending prompt: removes the prompt and stores the new
    /// conversation in one transaction. `false` when the person has a conversation already
    /// or someone else delivered the prompt first.
    ///
    /// The prompt's `acts` (its question) go into the outbox in the same transaction, so
    /// a crash never leaves a conversation waiting on a question that was never sent.
    /// `None` when the prompt was taken or a conversation started meanwhile; else the
    /// acts this worker holds, to deliver.
    pub async fn start_prompt<S: ConversationState>(
        &self,
        user: &UserRef,
        prompt_id: i64,
        state: Option<&S>,
        now: DateTime<Utc>,
        acts: &[Act],
        enqueue: &super::Enqueue<'_>,
    ) -> Result<Option<Vec<super::OutboxRow>>> {
        let turn = self.write_turn().await;
        let mut tx = self.begin().await?;
        let taken = sql::query("DELETE FROM pending_prompts WHERE id = $1")
            .bind(prompt_id)
            .execute(tx.exec())
            .await;
        if !conflict_aware(taken.map(|n| n == 1))? {
            tx.rollback().await?;
            return Ok(None);
        }
        if let Some(state) = state
            && !insert_conversation(&mut tx, self.sealer.as_ref(), user, state, now).await?
        {
            tx.rollback().await?;
            return Ok(None);
        }
        let held = super::outbox::insert_acts(&mut tx, acts, enqueue, now).await?;
        let flush = tx.commit_written().await?;
        drop(turn);
        flush.wait().await;
        Ok(Some(held))
    }
}

pub(super) async fn insert_prompt(
    on: sql::Exec<'_>,
    sealer: Option<&Sealer>,
    user: &UserRef,
    prompt: &Prompt,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = encode_prompt(sealer, user, prompt)?;
    sql::query(
        "INSERT INTO pending_prompts (platform, user_id, prompt, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(json)
    .bind(to_millis(now))
    .execute(on)
    .await?;
    Ok(())
}

/// A waiting prompt as stored: sealed when it ties the person to a case (a moderators'
/// question about their report), so no row names a reporter beside their case number;
/// plain JSON otherwise.
pub(super) fn encode_prompt(
    sealer: Option<&Sealer>,
    user: &UserRef,
    prompt: &Prompt,
) -> Result<String> {
    let json = serde_json::to_string(prompt).context("encoding a prompt")?;
    let links_case = matches!(prompt, Prompt::CaseQuestion { .. });
    store_json(sealer, "pending_prompts", user, json, links_case)
}

pub(super) fn decode_prompt(
    sealer: Option<&Sealer>,
    user: &UserRef,
    stored: String,
) -> Result<Prompt> {
    let json = load_json(sealer, "pending_prompts", user, stored)?;
    Ok(serde_json::from_str(&json).context("decoding a pending prompt")?)
}
