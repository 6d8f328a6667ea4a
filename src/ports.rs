//! The small capabilities the app needs from a chat platform.
//!
//! Each trait is one capability, so code that only sends DMs cannot create rooms. Every
//! platform (`platforms::console`, Matrix, Discord) implements them, and
//! `platforms::recording` implements them by recording what was asked, for tests.
//!
//! Ports answer what they did (the id of a message they posted, the room they made) and
//! never call back into the app: the app keeps what it needs to find again itself.
//!
//! Every send carries an [`IdempotencyKey`] derived from the effect that produced it. A
//! platform that can deduplicate (Matrix transaction ids, Discord nonces) must pass it on,
//! so that retrying after a crash never posts the same message twice.

use async_trait::async_trait;

use crate::chat::OutMessage;
use crate::domain::events::EventRecord;
use crate::domain::staff::StaffGroup;
use crate::domain::{RoomRef, UserRef};

/// A stable id for one outgoing message, the same on every retry of the same effect.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(pub String);

/// A message a platform posted: its id there, so the app can keep what it must find again
/// (a prompt answered with a reaction, the card whose thread its follow-ups join). `None`
/// on a platform whose messages have no id (the console).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posted {
    pub id: Option<String>,
    /// The ids of other messages posted as part of it (on Matrix, its file, sent as an
    /// event of its own).
    pub also: Vec<String>,
}

impl Posted {
    pub fn id(id: impl Into<String>) -> Posted {
        Posted {
            id: Some(id.into()),
            also: Vec::new(),
        }
    }
}

/// Why a platform could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum PortError {
    /// The person cannot be reached (blocked DMs, left the server).
    #[error("{0} cannot be reached: {1}")]
    Unreachable(String, String),
    /// A file larger than the limit asked for.
    #[error("the file is larger than {0} bytes")]
    TooLarge(u64),
    /// What this process cannot do at all, however often asked (a platform it does not
    /// serve, a room for people on two platforms): fails at once rather than retried.
    #[error("{0}")]
    Impossible(String),
    /// The platform refuses it where it was asked: the bot may not see the room or lacks a
    /// permission there, or the room or the member is gone (Discord's 50001, 50013, 10003,
    /// 10007). Asking again changes nothing until someone fixes it, so it fails at once,
    /// for good, and the staff are told (`app::outbox::notices`) rather than retried for
    /// hours.
    #[error("{0}")]
    Refused(String),
    /// The platform allows it only from then (its own pace for what it limits, such as
    /// creating rooms: `platforms::pacing`): not a failure; tried again then.
    #[error("waiting for the platform's pace until {0}")]
    Paced(chrono::DateTime<chrono::Utc>),
    /// Anything else; worth a retry.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

#[async_trait]
pub trait DirectMessenger: Send + Sync {
    /// Sends a direct message, opening the DM if needed.
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError>;

    /// Fetches a file `from` sent the bot, refusing (with an error) one larger than
    /// `max_bytes` without reading all of it. Platforms that cannot take files keep the
    /// default. (The sender names the platform when one process serves several.)
    async fn fetch_file(
        &self,
        _from: &UserRef,
        _file: &crate::chat::InboundFile,
        _max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        Err(PortError::Other(anyhow::anyhow!(
            "this platform does not fetch files"
        )))
    }

    /// The names others see `user` under on this platform (a display name, a nickname),
    /// so that a report naming a moderator by one of them is recognised. Empty when the
    /// person has none, or on a platform without such names (the console).
    async fn display_names(&self, _user: &UserRef) -> Result<Vec<String>, PortError> {
        Ok(Vec::new())
    }

    /// Whether `user` is in `group` now (holds the Discord role; is joined to the Matrix
    /// room at that power level or above), asked each time a staff command needs it, so
    /// that a role taken away counts at once. A group of another platform, or a platform
    /// without groups (the console), holds nobody.
    async fn holds(&self, _user: &UserRef, _group: &StaffGroup) -> Result<bool, PortError> {
        Ok(false)
    }
}

#[async_trait]
pub trait RoomMessenger: Send + Sync {
    /// Posts in a room the bot is in, where [`OutMessage::placed`] says (at the top by
    /// default; platforms without threads post every message at the top).
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError>;

    /// Makes the platform's own copy of an event session, where it has one (Discord's
    /// scheduled events), and returns its id there. Most platforms have none.
    async fn publish_event(&self, _event: &EventRecord) -> Result<Option<String>, PortError> {
        Ok(None)
    }

    /// Cancels the platform's copy made by [`RoomMessenger::publish_event`].
    async fn cancel_event(&self, _event: &EventRecord) -> Result<(), PortError> {
        Ok(())
    }

    /// Replaces the text of message `id`, which the bot posted in `room` (a relayed copy
    /// whose original was edited). Platforms that cannot, say so.
    async fn edit_in_room(
        &self,
        _room: &RoomRef,
        _id: &str,
        _message: &OutMessage,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        Err(PortError::Impossible(
            "this platform cannot edit a message".into(),
        ))
    }

    /// Deletes message `id`, which the bot posted in `room` (a relayed copy whose original
    /// was deleted). Platforms that cannot, say so.
    async fn delete_in_room(
        &self,
        _room: &RoomRef,
        _id: &str,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        Err(PortError::Impossible(
            "this platform cannot delete a message".into(),
        ))
    }
}

/// One message of a room's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// The message's id on its platform, where it has one.
    pub id: Option<String>,
    /// The author as the platform names them (a display name or id).
    pub author: String,
    /// Whether the bot wrote it.
    pub by_bot: bool,
    pub at: chrono::DateTime<chrono::Utc>,
    pub text: String,
}

/// What a private room (a pair room, a case room) should look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivateRoomSpec {
    pub name: String,
    pub topic: String,
    pub members: Vec<UserRef>,
    /// Where its programme keeps its pair rooms on the room's platform, when it names a
    /// place of its own (`domain::rooms`); `None`: where the platform's settings say.
    pub home: Option<RoomHome>,
}

/// A programme's own place for pair rooms on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoomHome {
    /// Matrix: the Space the room joins; Discord: the text channel whose private thread
    /// it is.
    pub parent: Option<RoomRef>,
    /// Discord: the category it is a private channel in (without a parent, or when the
    /// parent cannot take another thread).
    pub category: Option<RoomRef>,
}

#[async_trait]
pub trait RoomProvisioner: Send + Sync {
    /// Creates a private room with the bot and `members`, and returns it.
    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError>;

    /// Adds `user` to a private room the bot created (a group's second member).
    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError>;

    /// Makes a room read-only for its members (a frozen pair), or writable again.
    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        key: &IdempotencyKey,
    ) -> Result<(), PortError>;

    /// Closes a room for good (a pair whose match ended): read-only, and archived where
    /// the platform has archiving (a Discord thread is locked and archived).
    async fn archive_room(&self, room: &RoomRef, key: &IdempotencyKey) -> Result<(), PortError> {
        self.set_read_only(room, true, key).await
    }

    /// The room's messages, oldest first (at most `limit`), for a member's transcript.
    /// Platforms that keep no history say so.
    async fn room_history(
        &self,
        _room: &RoomRef,
        _limit: usize,
    ) -> Result<Vec<HistoryLine>, PortError> {
        Err(PortError::Other(anyhow::anyhow!(
            "this platform keeps no room history for the bot to read"
        )))
    }

    /// Removes `user` from a room the bot manages (a suspended person).
    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError>;
}
