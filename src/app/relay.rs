//! Relayed pair rooms: a pair whose members are on different platforms meets in two rooms,
//! one on each platform (the mentee's side, kept as the match's `room`, and the mentor's,
//! its `relay_room`), and the bot copies each message written in one side to the other
//! with its author's name.
//!
//! Two parts keep the rest of the app unaware of it:
//! - [`Relayed`] wraps the app's ports: whatever the app does to a pair room (always named
//!   by the mentee's side) is done to both sides: a post, freezing, archiving, removing or
//!   adding a member (on the side of their platform), reading its history for a transcript
//!   (each member's own lines from their side, merged in time order);
//! - [`App::relay_inbound`] copies what a member writes to the other side through the
//!   outbox ([`Act::Relay`], keyed by the platform's event, so it is copied once however
//!   often the event arrives), then hands the message on as if written in the pair room
//!   itself, so that a command typed in either side works as in any pair room.
//!
//! Which rooms are relayed is read from the database once and kept in memory
//! ([`RelayRooms`]); a room made by this process is added when made. Only a process that
//! serves both platforms makes relayed rooms (matching pairs people across platforms only
//! there, see `MatchingConfig::relay`), so it is also the one that hears both sides.
//!
//! Edits and deletions follow ([`App::relay_change`]): the ids of the bot's copies are kept
//! (never their text), by the message they copy. To follow another kind of change across
//! (a reaction), give it an act keyed by its event, delivered here beside
//! [`App::deliver_relay`].

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use async_trait::async_trait;
use tracing::warn;

use crate::app::Ports;
use crate::chat::{Attachment, InboundFile, OutMessage};
use crate::domain::events::EventRecord;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::staff::StaffGroup;
use crate::domain::{EventRef, RoomRef, UserRef};
use crate::flows::acts::{Act, RelayFile};
use crate::i18n::Text;
use crate::ports::{
    DirectMessenger, HistoryLine, IdempotencyKey, PortError, Posted, PrivateRoomSpec,
    RoomMessenger, RoomProvisioner,
};
use crate::storage::Store;

use super::App;
use super::languages::Languages;

/// The largest file copied from one side to the other: what Discord takes from a bot in a
/// server without boosts (10 MiB), less room for the request around it.
pub const MAX_RELAYED_FILE: u64 = 8 * 1024 * 1024;

/// One side of a relayed pair room, as seen from a room: its match, the pair room (the
/// mentee's side) and the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub match_id: i64,
    /// The match's `room`: the mentee's side, by which the rest of the app names the pair
    /// room.
    pub pair: RoomRef,
    /// The side opposite the room looked up.
    pub other: RoomRef,
}

/// The relayed rooms of every match that had one, both sides of each, loaded on first use.
pub struct RelayRooms {
    store: Store,
    sides: tokio::sync::OnceCell<RwLock<HashMap<RoomRef, Side>>>,
}

impl RelayRooms {
    pub fn new(store: Store) -> RelayRooms {
        RelayRooms {
            store,
            sides: tokio::sync::OnceCell::new(),
        }
    }

    async fn loaded(&self) -> crate::error::Result<&RwLock<HashMap<RoomRef, Side>>> {
        self.sides
            .get_or_try_init(|| async {
                let mut sides = HashMap::new();
                for (match_id, pair, relay) in self.store.relayed_pair_rooms().await? {
                    insert(&mut sides, match_id, pair, relay);
                }
                Ok::<_, crate::error::Error>(RwLock::new(sides))
            })
            .await
    }

    /// The relayed pair room `room` is a side of, if it is one (an active match's or an
    /// ended one's: an archive retried after a restart still finds both sides).
    pub async fn side(&self, room: &RoomRef) -> Result<Option<Side>, PortError> {
        let sides = self.loaded().await.map_err(|e| {
            PortError::Other(anyhow::anyhow!("reading the relayed pair rooms: {e}"))
        })?;
        Ok(sides.read().expect("relay lock").get(room).cloned())
    }

    /// Adds a relayed room made now (already stored on its match).
    pub async fn add(&self, match_id: i64, pair: RoomRef, relay: RoomRef) {
        if let Ok(sides) = self.loaded().await {
            insert(
                &mut sides.write().expect("relay lock"),
                match_id,
                pair,
                relay,
            );
        }
    }
}

fn insert(sides: &mut HashMap<RoomRef, Side>, match_id: i64, pair: RoomRef, relay: RoomRef) {
    sides.insert(
        pair.clone(),
        Side {
            match_id,
            pair: pair.clone(),
            other: relay.clone(),
        },
    );
    sides.insert(
        relay,
        Side {
            match_id,
            other: pair.clone(),
            pair,
        },
    );
}

/// The text of a message copied to the other side: its author's name, then what they
/// wrote.
pub fn copied_text(author: &str, text: &str) -> String {
    if text.contains('\n') {
        format!("{author}:\n{text}")
    } else {
        format!("{author}: {text}")
    }
}

/// The app's ports, with each pair room's changes made to both of its sides.
pub struct Relayed {
    inner: Ports,
    rooms: Arc<RelayRooms>,
    /// Every message goes out through here, in its reader's language.
    languages: Arc<Languages>,
}

impl Relayed {
    pub fn new(inner: Ports, rooms: Arc<RelayRooms>, languages: Arc<Languages>) -> Relayed {
        Relayed {
            inner,
            rooms,
            languages,
        }
    }

    /// The ports, relaying: a [`Ports`] whose calls go through here.
    pub fn ports(self: &Arc<Self>) -> Ports {
        Ports {
            dm: self.clone(),
            rooms: self.clone(),
            provisioner: self.clone(),
        }
    }

    /// The ports underneath, which post in exactly the room named.
    pub fn inner(&self) -> &Ports {
        &self.inner
    }

    pub fn rooms(&self) -> &RelayRooms {
        &self.rooms
    }

    /// The other side, when `room` is a relayed pair room named by its pair room.
    async fn twin(&self, room: &RoomRef) -> Result<Option<RoomRef>, PortError> {
        Ok(self
            .rooms
            .side(room)
            .await?
            .filter(|s| s.pair == *room)
            .map(|s| s.other))
    }

    /// The side of a relayed pair room on `user`'s platform (or `room` itself).
    async fn side_of(&self, room: &RoomRef, user: &UserRef) -> Result<RoomRef, PortError> {
        Ok(match self.twin(room).await? {
            Some(other) if other.platform == user.platform => other,
            _ => room.clone(),
        })
    }
}

/// What was done to the other side of a relayed pair room, where a process that no longer
/// serves that side's platform (a deployment split into one process per platform) skips
/// it, logged, and still serves its own side.
fn unserved_is_skipped(done: Result<(), PortError>, other: &RoomRef) -> Result<(), PortError> {
    match done {
        Err(PortError::Impossible(why)) => {
            warn!(room = %other, "the other side of a relayed pair room was left as it was: {why}");
            Ok(())
        }
        done => done,
    }
}

fn twin_key(key: &IdempotencyKey) -> IdempotencyKey {
    IdempotencyKey(format!("{}-relay", key.0))
}

#[async_trait]
impl DirectMessenger for Relayed {
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.languages.fresh().await;
        let message = message.in_language(self.languages.of(to));
        self.inner.dm.send_dm(to, &message, key).await
    }

    async fn fetch_file(
        &self,
        from: &UserRef,
        file: &InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        self.inner.dm.fetch_file(from, file, max_bytes).await
    }

    async fn display_names(&self, user: &UserRef) -> Result<Vec<String>, PortError> {
        self.inner.dm.display_names(user).await
    }

    async fn holds(&self, user: &UserRef, group: &StaffGroup) -> Result<bool, PortError> {
        self.inner.dm.holds(user, group).await
    }
}

#[async_trait]
impl RoomMessenger for Relayed {
    /// Posts in the room and, for a relayed pair room, in its other side too (at the top:
    /// a thread of one side has no counterpart in the other).
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let message = &*message.in_language(self.languages.of_room(room).await);
        let posted = self.inner.rooms.post_in_room(room, message, key).await?;
        if let Some(other) = self.twin(room).await? {
            let copy = OutMessage {
                placed: None,
                thread: None,
                ..message.clone()
            };
            let sent = self
                .inner
                .rooms
                .post_in_room(&other, &copy, &twin_key(key))
                .await;
            unserved_is_skipped(sent.map(|_| ()), &other)?;
        }
        Ok(posted)
    }

    async fn publish_event(&self, event: &EventRecord) -> Result<Option<String>, PortError> {
        self.inner.rooms.publish_event(event).await
    }

    async fn cancel_event(&self, event: &EventRecord) -> Result<(), PortError> {
        self.inner.rooms.cancel_event(event).await
    }

    async fn edit_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let message = message.in_language(self.languages.of_room(room).await);
        self.inner.rooms.edit_in_room(room, id, &message, key).await
    }

    async fn delete_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.inner.rooms.delete_in_room(room, id, key).await
    }
}

#[async_trait]
impl RoomProvisioner for Relayed {
    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        self.inner.provisioner.create_private_room(spec, key).await
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let side = self.side_of(room, user).await?;
        self.inner.provisioner.invite(&side, user, key).await
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.inner
            .provisioner
            .set_read_only(room, read_only, key)
            .await?;
        // Never half-done: a freeze that cannot reach the other side fails, and the
        // moderator who asked is told.
        if let Some(other) = self.twin(room).await? {
            self.inner
                .provisioner
                .set_read_only(&other, read_only, &twin_key(key))
                .await?;
        }
        Ok(())
    }

    async fn archive_room(&self, room: &RoomRef, key: &IdempotencyKey) -> Result<(), PortError> {
        self.inner.provisioner.archive_room(room, key).await?;
        if let Some(other) = self.twin(room).await? {
            let done = self
                .inner
                .provisioner
                .archive_room(&other, &twin_key(key))
                .await;
            unserved_is_skipped(done, &other)?;
        }
        Ok(())
    }

    /// For a relayed pair room: each side's history without the bot's copies of what was
    /// written in the other (each original is read where it was written), merged in time
    /// order. The bot's own posts, made in both sides, are kept from the pair room only.
    async fn room_history(
        &self,
        room: &RoomRef,
        limit: usize,
    ) -> Result<Vec<HistoryLine>, PortError> {
        let mut lines = self.inner.provisioner.room_history(room, limit).await?;
        let Some(side) = self.rooms.side(room).await?.filter(|s| s.pair == *room) else {
            return Ok(lines);
        };
        let copies = self
            .rooms
            .store
            .relay_copies(side.match_id)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("reading the relayed copies: {e}")))?;
        let copied = |l: &HistoryLine| l.id.as_ref().is_some_and(|id| copies.contains(id));
        lines.retain(|l| !copied(l));
        let theirs = self
            .inner
            .provisioner
            .room_history(&side.other, limit)
            .await?;
        lines.extend(theirs.into_iter().filter(|l| !l.by_bot));
        lines.sort_by_key(|l| l.at);
        let skip = lines.len().saturating_sub(limit);
        Ok(lines.split_off(skip))
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let side = self.side_of(room, user).await?;
        self.inner.provisioner.remove_member(&side, user, key).await
    }
}

impl App {
    /// A message in a side of a relayed pair room: copied to the other side (through the
    /// outbox, once per event), and returned as written in the pair room, for the rest of
    /// the app. `None` when `room` is not relayed.
    pub(super) async fn relay_inbound(
        &self,
        room: &RoomRef,
        inbound: &crate::chat::Inbound,
        event: Option<&EventRef>,
    ) -> Option<RoomRef> {
        let side = match self.relays.rooms().side(room).await {
            Ok(side) => side?,
            Err(e) => {
                warn!("a pair-room message was not checked for relaying: {e}");
                return None;
            }
        };
        let text = match &inbound.content {
            crate::chat::Content::Text(t) => t.clone(),
            // A press on a prompt's button is an answer to the bot, not talk.
            crate::chat::Content::Picked { .. } => String::new(),
        };
        if !text.trim().is_empty() || !inbound.files.is_empty() {
            let act = Act::Relay {
                match_id: side.match_id,
                from: inbound.from.clone(),
                to: side.other.clone(),
                source: event.map(|e| e.id.clone()),
                text,
                files: inbound.files.iter().map(RelayFile::of).collect(),
            };
            let base = match event {
                Some(e) => format!("relay-{}-{}", e.platform, e.id),
                None => self.fresh_base("relay"),
            };
            self.send_across(act, &base, "a pair-room message").await;
        }
        Some(side.pair)
    }

    /// A reported message that is the bot's copy in a relayed pair room is its author's:
    /// the copy names them, and so does the report's evidence.
    pub(super) async fn original_author(
        &self,
        mut reported: crate::chat::ReportedMessage,
    ) -> crate::chat::ReportedMessage {
        let Some((room, id)) = &reported.at_room else {
            return reported;
        };
        let origin = match self.store.relay_copy_origin(room, id).await {
            Ok(origin) => origin,
            Err(e) => {
                warn!("checking whether a reported message is a relayed copy failed: {e}");
                None
            }
        };
        if let Some((match_id, platform)) = origin
            && let Ok(Some(m)) = self.store.match_by_id(match_id).await
            && let Some((who, name)) = m.member_on(platform)
        {
            // Kept in the case's record as written, in the deployment's language.
            reported.author = Text::msg("relay-copied-author")
                .arg("name", name)
                .arg("who", who.to_string())
                .render(self.languages.default());
        }
        reported
    }

    /// The match, while its pair may talk: not once it ended, nor while the moderators
    /// have it frozen.
    async fn talking_pair(&self, match_id: i64) -> Result<Option<MatchRecord>, PortError> {
        let m = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("reading match {match_id}: {e}")))?;
        Ok(m.filter(|m| m.status == MatchStatus::Active && !m.frozen))
    }

    /// Puts a relay act in the outbox under keys made from `base` (the same for the same
    /// event, so it is stored once) and delivers it now; `what` names it in the log.
    async fn send_across(&self, act: Act, base: &str, what: &str) {
        let now = self.clock.now();
        match self
            .store
            .enqueue_acts(&[act], &self.enqueue(base, None, None, now), now)
            .await
        {
            Ok(rows) => {
                let _ = self.dispatch(rows, &mut None).await;
            }
            Err(e) => warn!("{what} could not be queued for the other side: {e}"),
        }
    }

    /// A member edited (`text`) or deleted (`None`) their message `source` in `room`
    /// (`change` names this change, once: an edit's event, or the deletion): in a relayed
    /// pair room, its copies in the other side follow, through the outbox. Nothing for any
    /// other room.
    pub async fn relay_change(
        &self,
        room: &RoomRef,
        from: Option<&UserRef>,
        source: &str,
        text: Option<String>,
        change: &str,
    ) {
        let side = match self.relays.rooms().side(room).await {
            Ok(Some(side)) => side,
            Ok(None) => return,
            Err(e) => {
                warn!("a pair-room edit or deletion was not checked for relaying: {e}");
                return;
            }
        };
        let act = Act::RelayChange {
            match_id: side.match_id,
            from: from.cloned(),
            to: side.other,
            source: source.to_string(),
            text,
        };
        let base = format!("relay-change-{}-{change}", room.platform);
        self.send_across(act, &base, "a pair-room edit or deletion")
            .await;
    }

    /// Makes the copies of an edited or deleted message follow it: an edit replaces the
    /// copied text (its files stay), a deletion deletes every copy. A message never copied
    /// (written before the relay, or empty) has none.
    pub(super) async fn deliver_relay_change(
        &self,
        key: &IdempotencyKey,
        change: &Act,
    ) -> Result<(), PortError> {
        let Act::RelayChange {
            match_id,
            from,
            to,
            source,
            text,
        } = change
        else {
            return Ok(());
        };
        // A frozen or ended pair's copies stay as they are: they may be a case's evidence.
        let Some(m) = self.talking_pair(*match_id).await? else {
            return Ok(());
        };
        // Written on the platform the copies are not on, by its member.
        let written_on = if to.platform == m.mentee.platform {
            m.mentor.platform
        } else {
            m.mentee.platform
        };
        let Some((member, author)) = m.member_on(written_on) else {
            return Ok(());
        };
        // Only the member of that side changes what was copied of theirs (a platform that
        // does not say who deleted, Discord, lets only its author or a moderator).
        if from.as_ref().is_some_and(|f| f != member) {
            return Ok(());
        }
        let copies = self
            .store
            .relay_copies_of(written_on, source, to)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("{e}")))?;
        let rooms = &self.relays.inner().rooms;
        // The copied text may be several messages (a long one, split): an edit rewrites
        // the first and deletes the others.
        let first_text = copies.iter().position(|(_, part)| *part == 0);
        for (i, (copy, part)) in copies.iter().enumerate() {
            let key = IdempotencyKey(format!("{}-c{i}", key.0));
            match text {
                Some(text) if Some(i) == first_text => {
                    let edited = OutMessage::text(copied_text(author, text));
                    rooms.edit_in_room(to, copy, &edited, &key).await?;
                }
                Some(_) if *part > 0 => {}
                _ => rooms.delete_in_room(to, copy, &key).await?,
            }
        }
        Ok(())
    }

    /// Copies a member's message to the other side of their relayed pair room: the text
    /// under their name, then each file (fetched from where it was sent). Nothing is
    /// copied from anyone but the pair, while the pair is frozen, or once the match ended.
    pub(super) async fn deliver_relay(
        &self,
        key: &IdempotencyKey,
        relay: &Act,
    ) -> Result<(), PortError> {
        let Act::Relay {
            match_id,
            from,
            to,
            source,
            text,
            files,
        } = relay
        else {
            return Ok(());
        };
        let (match_id, source) = (*match_id, source.as_deref());
        let internal = |e: crate::error::Error| PortError::Other(anyhow::anyhow!("{e}"));
        // Only a member's words go across, and only while the pair may talk.
        let Some(m) = self.talking_pair(match_id).await? else {
            return Ok(());
        };
        let author = match m.side_of(from) {
            Some(crate::domain::RoleKind::Mentee) => m.mentee_name.as_str(),
            Some(crate::domain::RoleKind::Mentor) => m.mentor_name.as_str(),
            None => return Ok(()),
        };
        let rooms = &self.relays.inner().rooms;
        // What Tandem says itself about a file is in the language of the room's people.
        let locale = self.languages.of_room(to).await;
        let said = |text: Text| OutMessage::said(text).in_language(locale).into_owned();
        // The parts already copied on an earlier try (a retry copies the rest only, as the
        // platforms forget idempotency keys long before retries end).
        let done: Vec<i64> = match source {
            Some(source) => self
                .store
                .relay_copies_of(from.platform, source, to)
                .await
                .map_err(internal)?
                .into_iter()
                .map(|(_, part)| part)
                .collect(),
            None => Vec::new(),
        };
        // Each copy's id is kept (never its text), with its part (0: the text, then each
        // file): a transcript leaves copies out, and an edit or deletion finds them.
        let keep = |posted: Posted, part: i64| async move {
            for id in posted.id.into_iter().chain(posted.also) {
                self.store
                    .record_relay_copy(match_id, from, source, to, (&id, part))
                    .await
                    .map_err(internal)?;
            }
            Ok::<(), PortError>(())
        };
        if !text.trim().is_empty() && !done.contains(&0) {
            let posted = rooms
                .post_in_room(to, &OutMessage::text(copied_text(author, text)), key)
                .await?;
            keep(posted, 0).await?;
        }
        for (i, file) in files.iter().enumerate() {
            let part = i as i64 + 1;
            if done.contains(&part) {
                continue;
            }
            let key = IdempotencyKey(format!("{}-f{i}", key.0));
            let message = match self
                .relays
                .inner()
                .dm
                .fetch_file(from, &file.inbound(), MAX_RELAYED_FILE)
                .await
            {
                Ok(data) => OutMessage {
                    attachment: Some(Attachment {
                        name: file.name.clone(),
                        mime: file
                            .mime
                            .clone()
                            .unwrap_or_else(|| "application/octet-stream".into()),
                        data,
                    }),
                    ..said(
                        Text::msg("relay-file")
                            .arg("author", author)
                            .arg("file", file.name.as_str()),
                    )
                },
                Err(PortError::TooLarge(limit)) => said(
                    Text::msg("relay-file-too-large")
                        .arg("author", author)
                        .arg("file", file.name.as_str())
                        .arg("limit", crate::domain::text::said_file_size(limit)),
                ),
                // Gone (deleted before it was copied): said, not retried for hours.
                Err(PortError::Impossible(why)) => said(
                    Text::msg("relay-file-lost")
                        .arg("author", author)
                        .arg("file", file.name.as_str())
                        .arg("why", why),
                ),
                Err(e) => return Err(e),
            };
            keep(rooms.post_in_room(to, &message, &key).await?, part).await?;
        }
        Ok(())
    }
}
