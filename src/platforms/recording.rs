//! A fake platform that records every message the app sends, for tests.
//!
//! It also plugs into `tandem run` as a chat platform would ([`Recording::adapter`]),
//! so that tests drive the command's one path for every platform without a chat server.

use std::sync::{Arc, Mutex};

use anyhow::Context;
use async_trait::async_trait;
use tokio::sync::mpsc;

use crate::app::App;
use crate::chat::{Inbound, OutMessage};
use crate::domain::staff::StaffGroup;
use crate::domain::{Platform, RoomRef, UserRef};
use crate::platforms::adapter::{Adapter, Connected, Connecting, Connection, StaffRooms, ports_of};
use crate::ports::{
    DirectMessenger, IdempotencyKey, PortError, Posted, PrivateRoomSpec, RoomMessenger,
    RoomProvisioner,
};

/// Where a recorded message went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Dm(UserRef),
    Room(RoomRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub target: Target,
    pub message: OutMessage,
    pub key: IdempotencyKey,
}

/// Records sends; clones share the same record.
#[derive(Debug, Clone, Default)]
pub struct Recording {
    sent: Arc<Mutex<Vec<Sent>>>,
    rooms: Arc<Mutex<Vec<PrivateRoomSpec>>>,
    read_only: Arc<Mutex<Vec<(RoomRef, bool)>>>,
    unreachable: Arc<Mutex<Vec<UserRef>>>,
    room_failure: Arc<Mutex<Option<String>>>,
    /// Room creations still to be answered "not before" this (a platform's pace).
    room_pace: Arc<Mutex<Option<Pace>>>,
    /// Why read-only changes and removals fail, while they do.
    change_failure: Arc<Mutex<Option<String>>>,
    /// While set, every message fails as a platform that is down (a 5xx) does.
    down: Arc<Mutex<bool>>,
    /// Rooms where posting fails (a permission taken away), with the reason.
    closed_rooms: Arc<Mutex<Vec<(RoomRef, String)>>>,
    /// Sources whose fetch panics, and people whose next DM panics: a bug in a
    /// platform adapter, to show that a panic stays with one message.
    panics: Arc<Mutex<(Vec<String>, Vec<UserRef>)>>,
    /// Messages people wrote in rooms, as a platform would keep them.
    history: Arc<Mutex<Vec<(RoomRef, crate::ports::HistoryLine)>>>,
    /// Files people can send, by source, as a platform would serve them.
    files: Arc<Mutex<std::collections::HashMap<String, Vec<u8>>>>,
    /// The names people go by on the platform (display names, nicknames).
    display_names: Arc<Mutex<std::collections::HashMap<UserRef, Vec<String>>>>,
    /// Who is in which platform group (a role, a room's power level), for
    /// [`DirectMessenger::holds`].
    groups: Arc<Mutex<Vec<(UserRef, StaffGroup)>>>,
    /// The bot's messages edited (`Some`: the new text) or deleted (`None`), by room and id.
    changed: Arc<Mutex<Vec<Changed>>>,
}

/// A message of the bot's edited or deleted: (room, message id, the new text, or `None`
/// for a deletion).
pub type Changed = (RoomRef, String, Option<String>);

impl Recording {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a message someone wrote in a room, for [`RoomProvisioner::room_history`].
    pub fn wrote(
        &self,
        room: &RoomRef,
        author: &str,
        at: chrono::DateTime<chrono::Utc>,
        text: &str,
    ) {
        self.history.lock().expect("recording lock").push((
            room.clone(),
            crate::ports::HistoryLine {
                id: None,
                author: author.into(),
                by_bot: false,
                at,
                text: text.into(),
            },
        ));
    }

    /// Makes a file available under `source`, for [`DirectMessenger::fetch_file`].
    pub fn serve_file(&self, source: &str, data: &[u8]) {
        self.files
            .lock()
            .expect("recording lock")
            .insert(source.into(), data.to_vec());
    }

    /// `user` goes by these names on the platform, for [`DirectMessenger::display_names`].
    pub fn set_display_names(&self, user: &UserRef, names: &[&str]) {
        self.display_names
            .lock()
            .expect("recording lock")
            .insert(user.clone(), names.iter().map(|n| n.to_string()).collect());
    }

    /// `user` is in `group` from now on (`true`), or no longer (`false`).
    pub fn set_in_group(&self, user: &UserRef, group: &StaffGroup, member: bool) {
        let mut groups = self.groups.lock().expect("recording lock");
        groups.retain(|(u, g)| !(u == user && g == group));
        if member {
            groups.push((user.clone(), group.clone()));
        }
    }

    /// Everything sent so far.
    pub fn all(&self) -> Vec<Sent> {
        self.sent.lock().expect("recording lock").clone()
    }

    /// Removes and returns everything sent so far.
    pub fn take(&self) -> Vec<Sent> {
        std::mem::take(&mut *self.sent.lock().expect("recording lock"))
    }

    /// Texts sent to `user` by DM, oldest first.
    pub fn dms_to(&self, user: &UserRef) -> Vec<OutMessage> {
        self.sent_to(&Target::Dm(user.clone()))
    }

    /// Messages posted in `room`, oldest first.
    pub fn posts_in(&self, room: &RoomRef) -> Vec<OutMessage> {
        self.sent_to(&Target::Room(room.clone()))
    }

    /// Messages sent to `target`, oldest first.
    fn sent_to(&self, target: &Target) -> Vec<OutMessage> {
        self.all()
            .into_iter()
            .filter(|s| s.target == *target)
            .map(|s| s.message)
            .collect()
    }

    /// From now on, DMs to `user` fail as if they had left the server.
    pub fn set_unreachable(&self, user: &UserRef) {
        self.unreachable
            .lock()
            .expect("recording lock")
            .push(user.clone());
    }

    /// From now on, creating a room fails with this reason (a missing permission).
    pub fn fail_room_creation(&self, reason: &str) {
        *self.room_failure.lock().expect("recording lock") = Some(reason.to_string());
    }

    /// The next `times` room creations are answered that the platform takes them only
    /// from `until` (its pace: `PortError::Paced`).
    pub fn pace_room_creation(&self, times: usize, until: chrono::DateTime<chrono::Utc>) {
        *self.room_pace.lock().expect("recording lock") = Some((times, until));
    }

    /// Creating rooms works again.
    pub fn fix_room_creation(&self) {
        *self.room_failure.lock().expect("recording lock") = None;
    }

    /// From now on (`Some`), making a room read-only and removing a member fail with this
    /// reason; `None` makes them work again.
    pub fn fail_room_changes(&self, reason: Option<&str>) {
        *self.change_failure.lock().expect("recording lock") = reason.map(str::to_string);
    }

    /// Fetching the file at `source` panics (every time).
    pub fn panic_when_fetching(&self, source: &str) {
        self.panics
            .lock()
            .expect("recording lock")
            .0
            .push(source.into());
    }

    /// The next DM to `user` panics (once).
    pub fn panic_on_next_dm_to(&self, user: &UserRef) {
        self.panics
            .lock()
            .expect("recording lock")
            .1
            .push(user.clone());
    }

    /// Posting in `room` fails from now on, with this reason.
    pub fn fail_posts_in(&self, room: &RoomRef, reason: &str) {
        self.closed_rooms
            .lock()
            .expect("recording lock")
            .push((room.clone(), reason.into()));
    }

    /// The platform is down (every message fails, to be retried) or back up.
    pub fn set_down(&self, down: bool) {
        *self.down.lock().expect("recording lock") = down;
    }

    fn check_up(&self) -> Result<(), PortError> {
        if *self.down.lock().expect("recording lock") {
            return Err(PortError::Other(anyhow::anyhow!(
                "the platform answered 503 Service Unavailable"
            )));
        }
        Ok(())
    }

    fn check_changes(&self) -> Result<(), PortError> {
        match self.change_failure.lock().expect("recording lock").clone() {
            Some(reason) => Err(PortError::Other(anyhow::anyhow!(reason))),
            None => Ok(()),
        }
    }

    /// The bot's messages edited or deleted so far: (room, message id, the new text, or
    /// `None` for a deletion).
    pub fn changed_messages(&self) -> Vec<Changed> {
        self.changed.lock().expect("recording lock").clone()
    }

    /// Read-only changes so far: (room, read only).
    pub fn read_only_changes(&self) -> Vec<(RoomRef, bool)> {
        self.read_only.lock().expect("recording lock").clone()
    }

    /// Private rooms created so far.
    pub fn created_rooms(&self) -> Vec<PrivateRoomSpec> {
        self.rooms.lock().expect("recording lock").clone()
    }

    /// Records a message; its id is made from its key, as a platform that deduplicates
    /// would give the same message the same id.
    fn push(&self, target: Target, message: &OutMessage, key: &IdempotencyKey) -> Posted {
        self.sent.lock().expect("recording lock").push(Sent {
            target,
            message: message.clone(),
            key: key.clone(),
        });
        Posted::id(format!("rec-{}", key.0))
    }
}

impl Recording {
    /// This recording as a chat platform `tandem run` can serve, through the same seam as
    /// Matrix and Discord ([`crate::platforms::adapter`]): it is every port, `rooms` are
    /// its staff rooms, and its serve loop hands the app each message sent on the
    /// returned sender, one at a time, until the sender is dropped (the platform ended
    /// the session) or `tandem run` stops it. It serves [`Platform::Console`]; the rooms
    /// it creates are on their members' platform; it connects once.
    pub fn adapter(&self, rooms: StaffRooms) -> (Adapter, mpsc::UnboundedSender<Inbound>) {
        self.adapter_on(Platform::Console, rooms)
    }

    /// [`Recording::adapter`], standing in for `platform` (its jobs, acts and lease), so
    /// that two recordings show one process serving two platforms.
    pub fn adapter_on(
        &self,
        platform: Platform,
        rooms: StaffRooms,
    ) -> (Adapter, mpsc::UnboundedSender<Inbound>) {
        let (sender, inbox) = mpsc::unbounded_channel();
        let inbox = Mutex::new(Some(inbox));
        let recording = Arc::new(self.clone());
        let prepare = move |_: &crate::config::Settings| -> anyhow::Result<Connecting> {
            let inbox = inbox
                .lock()
                .expect("recording lock")
                .take()
                .context("the recording platform connects once")?;
            let connected = Connected {
                ports: ports_of(&recording),
                rooms: rooms.clone(),
                connection: Arc::new(RecordingSession {
                    inbox: tokio::sync::Mutex::new(inbox),
                    stop: tokio::sync::Notify::new(),
                    platform,
                }),
            };
            Ok(Box::pin(async move { Ok(connected) }))
        };
        let adapter = Adapter {
            platform,
            name: "Recording",
            section: "[recording]",
            needs: "nothing: tests plug it in",
            coordinators_key: "the recording's coordinators room",
            feature: "none",
            configured: |_| true,
            prepare: Some(Box::new(prepare)),
        };
        (adapter, sender)
    }
}

/// The recording's serve loop: what the test sends, handed to the app in order.
struct RecordingSession {
    inbox: tokio::sync::Mutex<mpsc::UnboundedReceiver<Inbound>>,
    stop: tokio::sync::Notify,
    /// The platform it stands in for, which names the rooms programmes name.
    platform: Platform,
}

#[async_trait]
impl Connection for RecordingSession {
    async fn serve(self: Arc<Self>, app: App) -> anyhow::Result<()> {
        let mut inbox = self.inbox.lock().await;
        loop {
            tokio::select! {
                inbound = inbox.recv() => match inbound {
                    Some(inbound) => app.receive(inbound).await,
                    None => return Ok(()),
                },
                _ = self.stop.notified() => return Ok(()),
            }
        }
    }

    async fn stop(&self) {
        // A permit: a stop that comes before `serve` waits is not lost.
        self.stop.notify_one();
    }

    async fn programme_room(&self, written: &str) -> anyhow::Result<RoomRef> {
        Ok(RoomRef::new(self.platform, written))
    }
}

#[async_trait]
impl DirectMessenger for Recording {
    /// The names set with [`Recording::set_display_names`]; fails while the platform is
    /// down.
    async fn display_names(&self, user: &UserRef) -> Result<Vec<String>, PortError> {
        self.check_up()?;
        Ok(self
            .display_names
            .lock()
            .expect("recording lock")
            .get(user)
            .cloned()
            .unwrap_or_default())
    }

    /// As [`Recording::set_in_group`] says; fails while the platform is down.
    async fn holds(&self, user: &UserRef, group: &StaffGroup) -> Result<bool, PortError> {
        self.check_up()?;
        Ok(self
            .groups
            .lock()
            .expect("recording lock")
            .iter()
            .any(|(u, g)| u == user && g == group))
    }

    async fn fetch_file(
        &self,
        _from: &UserRef,
        file: &crate::chat::InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        let panics = self
            .panics
            .lock()
            .expect("recording lock")
            .0
            .contains(&file.source);
        if panics {
            panic!(
                "the recording platform was told to panic on {}",
                file.source
            );
        }
        let data = self
            .files
            .lock()
            .expect("recording lock")
            .get(&file.source)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("no file at {}", file.source))?;
        if data.len() as u64 > max_bytes {
            return Err(PortError::TooLarge(max_bytes));
        }
        Ok(data)
    }

    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        if self
            .unreachable
            .lock()
            .expect("recording lock")
            .contains(to)
        {
            return Err(PortError::Unreachable(
                to.to_string(),
                "not on the server any more".into(),
            ));
        }
        let panics = {
            let mut p = self.panics.lock().expect("recording lock");
            let at = p.1.iter().position(|u| u == to);
            at.map(|i| p.1.remove(i)).is_some()
        };
        if panics {
            panic!("the recording platform was told to panic on a DM to {to}");
        }
        self.check_up()?;
        Ok(self.push(Target::Dm(to.clone()), message, key))
    }
}

#[async_trait]
impl RoomMessenger for Recording {
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.check_up()?;
        let closed = self
            .closed_rooms
            .lock()
            .expect("recording lock")
            .iter()
            .find(|(r, _)| r == room)
            .map(|(_, why)| why.clone());
        if let Some(why) = closed {
            return Err(PortError::Other(anyhow::anyhow!(why)));
        }
        Ok(self.push(Target::Room(room.clone()), message, key))
    }

    async fn edit_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        message: &OutMessage,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.check_up()?;
        self.changed.lock().expect("recording lock").push((
            room.clone(),
            id.to_string(),
            Some(message.text.clone()),
        ));
        Ok(())
    }

    async fn delete_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.check_up()?;
        self.changed
            .lock()
            .expect("recording lock")
            .push((room.clone(), id.to_string(), None));
        Ok(())
    }
}

/// How many room creations are still paced, and until when.
type Pace = (usize, chrono::DateTime<chrono::Utc>);

#[async_trait]
impl RoomProvisioner for Recording {
    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        _key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        if let Some(reason) = self.room_failure.lock().expect("recording lock").clone() {
            return Err(PortError::Other(anyhow::anyhow!(reason)));
        }
        {
            let mut pace = self.room_pace.lock().expect("recording lock");
            if let Some((times, until)) = pace.as_mut()
                && *times > 0
            {
                *times -= 1;
                return Err(PortError::Paced(*until));
            }
        }
        let mut rooms = self.rooms.lock().expect("recording lock");
        rooms.push(spec.clone());
        // On its members' platform, as a real one's rooms are.
        let platform = spec
            .members
            .first()
            .map_or(Platform::Console, |m| m.platform);
        Ok(RoomRef::new(platform, format!("room-{}", rooms.len())))
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let mut rooms = self.rooms.lock().expect("recording lock");
        let spec = rooms
            .get_mut(room_index(room)?)
            .ok_or_else(|| anyhow::anyhow!("no such room {room}"))?;
        if !spec.members.contains(user) {
            spec.members.push(user.clone());
        }
        Ok(())
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.check_changes()?;
        self.read_only
            .lock()
            .expect("recording lock")
            .push((room.clone(), read_only));
        Ok(())
    }

    /// What people wrote there (see [`Recording::wrote`]), oldest first.
    async fn room_history(
        &self,
        room: &RoomRef,
        limit: usize,
    ) -> Result<Vec<crate::ports::HistoryLine>, PortError> {
        let mut lines: Vec<crate::ports::HistoryLine> = self
            .history
            .lock()
            .expect("recording lock")
            .iter()
            .filter(|(r, _)| r == room)
            .map(|(_, l)| l.clone())
            .collect();
        lines.sort_by_key(|l| l.at);
        let start = lines.len().saturating_sub(limit);
        Ok(lines.split_off(start))
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.check_changes()?;
        let mut rooms = self.rooms.lock().expect("recording lock");
        if let Some(spec) = rooms.get_mut(room_index(room)?) {
            spec.members.retain(|m| m != user);
        }
        Ok(())
    }
}

/// The position in `rooms` of a room this fake created (`room-3` is the third).
fn room_index(room: &RoomRef) -> Result<usize, PortError> {
    room.id
        .strip_prefix("room-")
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .ok_or_else(|| PortError::Other(anyhow::anyhow!("no such room {room}")))
}
