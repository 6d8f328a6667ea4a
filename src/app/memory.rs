//! What the app remembers of what it sent: prompts with choices (so a reaction on one
//! still counts after a restart), and the root of each card's thread (so a follow-up
//! lands in it). Failures are logged, never fatal: a prompt can still be answered by
//! typing, a follow-up still posted at the top.

use super::*;

impl App {
    /// Remembers a prompt with choices a platform sent, under the platform's message id, so
    /// a reaction on it still counts after a restart. Only what an answer needs is kept
    /// (its ref and choices): never its text, which may be a report's summary. A failure
    /// is logged: the prompt can still be answered by typing.
    pub async fn remember_prompt(&self, platform: Platform, message_id: &str, prompt: &OutMessage) {
        // A survey's question may show the person's current answer, and its ref names
        // their invite: never kept, so an anonymous answer is never stored beside them. (A
        // reaction on it after a restart is then asked about again, by the flow.)
        if prompt
            .prompt_ref
            .as_deref()
            .is_some_and(|r| r.starts_with("survey:"))
        {
            return;
        }
        let kept = prompt.answer_key();
        if let Err(e) = self
            .store
            .remember_prompt(platform.as_str(), message_id, &kept, self.now())
            .await
        {
            warn!("remembering a sent prompt failed: {e}");
        }
    }

    /// A prompt remembered by [`App::remember_prompt`].
    pub async fn sent_prompt(&self, platform: Platform, message_id: &str) -> Option<OutMessage> {
        match self.store.sent_prompt(platform.as_str(), message_id).await {
            Ok(p) => p,
            Err(e) => {
                warn!("reading a sent prompt failed: {e}");
                None
            }
        }
    }

    /// Remembers the message that starts the card thread `key` in `room` (on platforms
    /// with threads), so its follow-ups find it after a restart. A failure is logged: the
    /// follow-ups are then posted in the room instead.
    pub async fn remember_thread_root(&self, room: &RoomRef, key: &str, root_id: &str) {
        if let Err(e) = self
            .store
            .remember_thread_root(room.platform.as_str(), &room.id, key, root_id, self.now())
            .await
        {
            warn!("remembering a card's thread failed: {e}");
        }
    }

    /// The message that starts the card thread `key` in `room`, if there is one.
    pub async fn thread_root(&self, room: &RoomRef, key: &str) -> Option<String> {
        match self
            .store
            .thread_root(room.platform.as_str(), &room.id, key)
            .await
        {
            Ok(root) => root,
            Err(e) => {
                warn!("reading a card's thread failed: {e}");
                None
            }
        }
    }

    /// The prompt `user`'s conversation waits on, if it says (see
    /// [`flows::current_prompt_ref`]).
    pub async fn current_prompt_ref(&self, user: &UserRef) -> Option<String> {
        match self.store.load_conversation(user).await {
            Ok(Some(c)) => flows::current_prompt_ref(&c.state),
            Ok(None) => None,
            Err(e) => {
                warn!(user = %user, "reading a conversation failed: {e}");
                None
            }
        }
    }
}
