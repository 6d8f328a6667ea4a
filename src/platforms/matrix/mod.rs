//! The Matrix adapter (feature `matrix`), on matrix-sdk 0.18 with end-to-end encryption.
//!
//! [`MatrixBot::connect`] logs in (or restores the saved session, so a restart is the same
//! device and can still read encrypted rooms), resolves the configured rooms, and joins
//! them. [`MatrixBot::serve`] then turns room messages and reactions into
//! [`crate::chat::Inbound`] messages for the [`App`], one at a time in the order the
//! homeserver delivers them, and implements every port in [`crate::ports`]:
//!
//! - DMs: an encrypted direct room per person, found through `m.direct` or created with
//!   `is_direct`; a person who opened the DM themselves is answered in that room;
//! - prompts: the text and a numbered list (plain and HTML bodies, see [`render`]);
//!   answers by number, label, or a keycap reaction on the prompt;
//! - pair rooms: invite-only, encrypted, history visible to members only, the bot as the
//!   only one with power to invite, kick or change the room, a topic naming the programme;
//! - card threads: a message is posted where the app placed it
//!   ([`crate::chat::Placement`]): at the top, or in the thread of a root event (the app
//!   keeps the event id of each card it posted, and puts a card's follow-ups and the answers
//!   to a command typed in a thread there); a message typed in a thread is handed over with
//!   its thread's root ([`App::receive_in_thread`]);
//! - sends carry a transaction id derived from the effect's idempotency key;
//! - names: a person's profile display name, and the one they took in the moderators'
//!   room, so reports naming a moderator by them are recognised.
//!
//! Which messages count: in a DM everything is for the bot; in any other room the app
//! looks for the command prefix (`!tandem`). The bot's own messages, notices from other
//! bots, and anything from before the bot's first sync are ignored. `!tandem report` sent
//! as a reply to someone's message becomes a private report of that message
//! (`MatrixBot::report_message`), Matrix's own "report" being for homeserver admins.
//!
//! Where things are: connecting, syncing, DMs and sending here; the event handlers in
//! `events`; the port implementations in `ports`; how messages look in [`render`]; how
//! `tandem run` plugs it in, in `adapter`.
//!
//! To extend: a new kind of inbound event is one more handler in `events`, registered in
//! [`MatrixBot::serve`]; a new port method goes in `ports`, built from `matrix_sdk::Room`
//! calls.

pub(super) mod adapter;
mod events;
mod ports;
pub mod render;

use events::{on_invite, on_message, on_reaction, on_undecryptable};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use async_trait::async_trait;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::encryption::EncryptionSettings;
use matrix_sdk::event_handler::Ctx;
use matrix_sdk::room::power_levels::RoomPowerLevelChanges;
use matrix_sdk::ruma::api::client::room::create_room;
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent;
use matrix_sdk::ruma::events::relation::Thread as ThreadRelation;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::history_visibility::{
    HistoryVisibility, RoomHistoryVisibilityEventContent,
};
use matrix_sdk::ruma::events::room::member::StrippedRoomMemberEvent;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContentWithoutRelation,
};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{
    EventId, Int, OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomAliasId, RoomId,
    UserId,
};
use matrix_sdk::{Client, LoopCtrl, Room, RoomState};
use tracing::{debug, info, warn};

use crate::app::App;
use crate::chat::{Content, FileStatus, Inbound, InboundFile, OutMessage, Placement, Thread};
use crate::config::MatrixSettings;
use crate::domain::{EventRef, Place, Platform, RoomRef, UserRef};
use crate::ports::{
    DirectMessenger, IdempotencyKey, PortError, Posted, PrivateRoomSpec, RoomMessenger,
    RoomProvisioner,
};

/// Whether this build can connect to Matrix.
pub const AVAILABLE: bool = true;

/// Secrets for the bot's account, from the environment (never from the settings file).
#[derive(Clone, Default)]
pub struct MatrixSecrets {
    pub password: Option<String>,
    pub access_token: Option<String>,
    /// Encrypts the SDK's store (session, keys) at rest.
    pub store_passphrase: Option<String>,
}

impl MatrixSecrets {
    /// `TANDEM_MATRIX_PASSWORD`, `TANDEM_MATRIX_ACCESS_TOKEN`, `TANDEM_MATRIX_STORE_PASSPHRASE`.
    pub fn from_env() -> Self {
        let get = |name| crate::config::Settings::secret(name);
        MatrixSecrets {
            password: get("TANDEM_MATRIX_PASSWORD"),
            access_token: get("TANDEM_MATRIX_ACCESS_TOKEN"),
            store_passphrase: get("TANDEM_MATRIX_STORE_PASSPHRASE"),
        }
    }
}

/// How the bot connects; everything but the account comes from [`MatrixSettings`].
#[derive(Clone)]
pub struct MatrixOptions {
    pub settings: MatrixSettings,
    pub secrets: MatrixSecrets,
    /// Where the SDK keeps its store when `settings.store_dir` is not set.
    pub default_store_dir: PathBuf,
    /// How long one sync waits for news; also bounds how long [`MatrixBot::stop`] takes.
    pub sync_timeout: Duration,
    /// Give up connecting after this long (`None`: keep trying, as a service should).
    pub connect_deadline: Option<Duration>,
}

impl MatrixOptions {
    pub fn new(settings: MatrixSettings, data_dir: &Path) -> Self {
        MatrixOptions {
            settings,
            secrets: MatrixSecrets::from_env(),
            default_store_dir: data_dir.join("matrix"),
            sync_timeout: Duration::from_secs(30),
            connect_deadline: None,
        }
    }

    fn store_dir(&self) -> PathBuf {
        self.settings
            .store_dir
            .clone()
            .unwrap_or_else(|| self.default_store_dir.clone())
    }
}

/// What the bot has handled and sent, for logs and for tests that wait on it.
#[derive(Default)]
struct Activity {
    handled: Mutex<HashSet<OwnedEventId>>,
    sent: Mutex<Vec<(OwnedRoomId, OwnedEventId)>>,
    changed: tokio::sync::Notify,
}

/// A connected Matrix bot: the ports for the [`App`], and the event loop that feeds it.
pub struct MatrixBot {
    client: Client,
    own: OwnedUserId,
    allowed_servers: Vec<String>,
    coordinators_room: Option<OwnedRoomId>,
    moderators_room: Option<OwnedRoomId>,
    events_room: Option<OwnedRoomId>,
    /// Whether this device has never synced: then old messages are skipped.
    fresh_device: bool,
    /// The SDK's store, the session, and the recovery key of the key backup.
    store_dir: PathBuf,
    sync_timeout: Duration,
    /// Each person's DM room, once known.
    dms: Mutex<HashMap<OwnedUserId, OwnedRoomId>>,
    dm_rooms: Mutex<HashSet<OwnedRoomId>>,
    /// People who wrote in a room flagged as direct with someone else in it (not a DM:
    /// see [`MatrixBot::is_private_with`]), and have been offered a real one.
    moved_to_dm: Mutex<HashSet<(OwnedRoomId, OwnedUserId)>>,
    /// One DM is created at a time, so two quick messages never open two rooms.
    creating_dm: tokio::sync::Mutex<()>,
    /// Prompts sent with choices, so a reaction can be read as a pick. Bounded; the app
    /// keeps them too (`sent_prompts`), so a reaction after a restart still counts.
    prompts: Mutex<HashMap<OwnedEventId, OutMessage>>,
    /// The app being served, once [`MatrixBot::serve`] starts.
    app: std::sync::OnceLock<App>,
    activity: Activity,
    stopping: AtomicBool,
}

const MAX_REMEMBERED_PROMPTS: usize = 10_000;

impl MatrixBot {
    /// Logs in or restores the saved session, then joins the configured rooms. Retries
    /// with backoff while the homeserver cannot be reached; fails at once on a wrong
    /// password or a store that belongs to another account.
    pub async fn connect(options: MatrixOptions) -> anyhow::Result<Arc<MatrixBot>> {
        let settings = &options.settings;
        let own = UserId::parse(&settings.user_id)
            .with_context(|| format!("`{}` is not a Matrix user id", settings.user_id))?;
        let store_dir = options.store_dir();
        // It holds the session and the bot's encryption keys.
        crate::secrets::create_private_dir(&store_dir)
            .with_context(|| format!("creating the Matrix store in {}", store_dir.display()))?;
        let client = Client::builder()
            .homeserver_url(&settings.homeserver_url)
            // The configured URL is used as given (an internal address, a proxy), not the
            // public one the login's well-known may name.
            .respect_login_well_known(false)
            .sqlite_store(&store_dir, options.secrets.store_passphrase.as_deref())
            .with_encryption_settings(EncryptionSettings {
                auto_enable_cross_signing: true,
                ..Default::default()
            })
            .build()
            .await
            .context("setting up the Matrix client")?;
        let session_file = store_dir.join("session.json");
        let deadline = options
            .connect_deadline
            .map(|d| tokio::time::Instant::now() + d);
        let fresh_device = if session_file.exists() {
            let session: MatrixSession = serde_json::from_str(
                &std::fs::read_to_string(&session_file).context("reading the Matrix session")?,
            )
            .context("reading the Matrix session")?;
            if session.meta.user_id != own {
                bail!(
                    "the Matrix store in {} belongs to {}, not {}: point store_dir elsewhere",
                    store_dir.display(),
                    session.meta.user_id,
                    own
                );
            }
            client.restore_session(session).await?;
            retry("checking the saved Matrix session", deadline, || {
                let client = client.clone();
                async move { client.whoami().await.map(|_| ()).map_err(Into::into) }
            })
            .await?;
            info!(user = %own, device = ?client.device_id(), "restored the Matrix session");
            false
        } else if let Some(password) = &options.secrets.password {
            retry("logging in to Matrix", deadline, || {
                let client = client.clone();
                let own = own.clone();
                let password = password.clone();
                async move {
                    client
                        .matrix_auth()
                        .login_username(&own, &password)
                        .initial_device_display_name("Tandem bot")
                        .await
                        .map(|_| ())
                }
            })
            .await?;
            save_session(&client, &session_file)?;
            info!(user = %own, device = ?client.device_id(), "logged in to Matrix as a new device");
            true
        } else if let Some(token) = &options.secrets.access_token {
            let whoami = {
                let probe = Client::builder()
                    .homeserver_url(&settings.homeserver_url)
                    .build()
                    .await?;
                probe
                    .restore_session(MatrixSession {
                        meta: matrix_sdk::SessionMeta {
                            user_id: own.clone(),
                            device_id: "UNKNOWN".into(),
                        },
                        tokens: matrix_sdk::authentication::SessionTokens {
                            access_token: token.clone(),
                            refresh_token: None,
                        },
                    })
                    .await?;
                retry("checking the Matrix access token", deadline, || {
                    let probe = probe.clone();
                    async move { probe.whoami().await.map_err(Into::into) }
                })
                .await?
            };
            let device_id = whoami.device_id.context(
                "this access token has no device; log in with TANDEM_MATRIX_PASSWORD instead",
            )?;
            client
                .restore_session(MatrixSession {
                    meta: matrix_sdk::SessionMeta {
                        user_id: own.clone(),
                        device_id,
                    },
                    tokens: matrix_sdk::authentication::SessionTokens {
                        access_token: token.clone(),
                        refresh_token: None,
                    },
                })
                .await?;
            save_session(&client, &session_file)?;
            true
        } else {
            bail!(
                "no Matrix credentials: set TANDEM_MATRIX_PASSWORD (or TANDEM_MATRIX_ACCESS_TOKEN) for {own}"
            );
        };
        let mut bot = MatrixBot {
            client,
            own,
            allowed_servers: settings.allowed_servers(),
            coordinators_room: None,
            moderators_room: None,
            events_room: None,
            fresh_device,
            store_dir: store_dir.clone(),
            sync_timeout: options.sync_timeout,
            dms: Mutex::default(),
            dm_rooms: Mutex::default(),
            moved_to_dm: Mutex::default(),
            creating_dm: tokio::sync::Mutex::new(()),
            prompts: Mutex::default(),
            app: std::sync::OnceLock::new(),
            activity: Activity::default(),
            stopping: AtomicBool::new(false),
        };
        bot.coordinators_room = bot
            .join_configured(settings.coordinators_room.as_deref(), deadline)
            .await?;
        bot.moderators_room = bot
            .join_configured(settings.moderators_room.as_deref(), deadline)
            .await?;
        bot.events_room = bot
            .join_configured(settings.events_room.as_deref(), deadline)
            .await?;
        Ok(Arc::new(bot))
    }

    async fn join_configured(
        &self,
        room: Option<&str>,
        deadline: Option<tokio::time::Instant>,
    ) -> anyhow::Result<Option<OwnedRoomId>> {
        let Some(room) = room else { return Ok(None) };
        let id: OwnedRoomId = if room.starts_with('#') {
            let alias = RoomAliasId::parse(room).with_context(|| format!("`{room}`"))?;
            retry(&format!("resolving {room}"), deadline, || {
                let client = self.client.clone();
                let alias = alias.clone();
                async move { Ok(client.resolve_room_alias(&alias).await?.room_id) }
            })
            .await?
        } else {
            RoomId::parse(room).with_context(|| format!("`{room}` is not a room id"))?
        };
        let joined = self
            .client
            .get_room(&id)
            .is_some_and(|r| r.state() == RoomState::Joined);
        if !joined {
            retry(&format!("joining {room}"), deadline, || {
                let client = self.client.clone();
                let id = id.clone();
                async move { client.join_room_by_id(&id).await.map(|_| ()) }
            })
            .await
            .with_context(|| format!("the bot must be invited to {room} first"))?;
        }
        info!(%room, room_id = %id, "using room");
        Ok(Some(id))
    }

    /// The bot's own user id.
    pub fn user_id(&self) -> &UserId {
        &self.own
    }

    /// This device (the same after a restart, as long as the store is kept).
    pub fn device_id(&self) -> Option<String> {
        self.client.device_id().map(|d| d.to_string())
    }

    /// The configured coordinators' and moderators' rooms, for [`crate::app::AppSettings`].
    pub fn coordinators_room(&self) -> Option<RoomRef> {
        self.coordinators_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }

    pub fn events_room(&self) -> Option<RoomRef> {
        self.events_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }

    pub fn moderators_room(&self) -> Option<RoomRef> {
        self.moderators_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }

    /// Feeds the app until [`MatrixBot::stop`] is called. A new device first syncs without
    /// handlers, so messages from before the bot existed are never answered; a restored
    /// one resumes from where it stopped, so messages sent while it was down are answered.
    pub async fn serve(self: &Arc<Self>, app: App) -> anyhow::Result<()> {
        if self.fresh_device {
            info!("first sync of this device: earlier messages will not be answered");
            self.sync_once_with_retry().await;
        }
        let _ = self.app.set(app.clone());
        let handler = Handler {
            bot: self.clone(),
            app,
        };
        self.client.add_event_handler_context(handler.clone());
        self.client.add_event_handler(on_message);
        self.client.add_event_handler(on_reaction);
        self.client.add_event_handler(on_invite);
        self.client.add_event_handler(on_undecryptable);
        // Invites that arrived before the handlers existed.
        for room in self.client.invited_rooms() {
            if let Ok(Some(invite)) = room.invite_details().await.map(|d| d.inviter) {
                self.consider_invite(room, invite.user_id().to_owned(), false);
            }
        }
        if !self.fresh_device {
            self.catch_up(&handler).await;
        }
        info!(user = %self.own, "listening on Matrix");
        // Key backup runs beside the sync loop, never before it: it needs the end-to-end
        // setup of the login to have finished, and nothing the bot answers waits on it.
        let bot = self.clone();
        tokio::spawn(async move { bot.ensure_key_backup().await });
        let mut backoff = Backoff::new();
        while !self.stopping.load(Ordering::SeqCst) {
            let settings = SyncSettings::default().timeout(self.sync_timeout);
            let bot = self.clone();
            let result = self
                .client
                .sync_with_result_callback(settings, move |result| {
                    let bot = bot.clone();
                    async move {
                        result?;
                        Ok(if bot.stopping.load(Ordering::SeqCst) {
                            LoopCtrl::Break
                        } else {
                            LoopCtrl::Continue
                        })
                    }
                })
                .await;
            match result {
                Ok(()) => backoff.reset(),
                Err(e) => {
                    let wait = backoff.next();
                    warn!("Matrix sync failed ({e}); retrying in {} s", wait.as_secs());
                    tokio::time::sleep(wait).await;
                }
            }
        }
        info!("stopped listening on Matrix");
        Ok(())
    }

    /// After a restart: reads back each joined room's recent messages and reactions and
    /// hands those not handled yet to the handlers, oldest first. matrix-sdk stores the
    /// sync token before the handlers run, so a crash in the middle of a batch would
    /// otherwise lose the rest of it; what was handled is skipped by its event id (the
    /// app's record), so nothing is answered twice. Reads back to
    /// [`App::catch_up_since`], at most a few pages a room.
    async fn catch_up(&self, handler: &Handler) {
        use matrix_sdk::room::MessagesOptions;
        use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
        let Some(since) = handler.app.catch_up_since(Platform::Matrix).await else {
            return;
        };
        let since_ms = since.timestamp_millis();
        let mut handled = 0usize;
        for room in self.client.joined_rooms() {
            let mut found: Vec<AnySyncMessageLikeEvent> = Vec::new();
            let mut from: Option<String> = None;
            'pages: for _ in 0..4 {
                let mut options = MessagesOptions::backward().from(from.as_deref());
                options.limit = matrix_sdk::ruma::UInt::from(50u32);
                let page = match room.messages(options).await {
                    Ok(page) => page,
                    Err(e) => {
                        warn!(room = %room.room_id(), "catching up failed: {e}");
                        break;
                    }
                };
                for event in &page.chunk {
                    let Ok(AnySyncTimelineEvent::MessageLike(event)) = event.raw().deserialize()
                    else {
                        continue;
                    };
                    if i64::from(event.origin_server_ts().get()) < since_ms {
                        break 'pages;
                    }
                    if event.sender() != self.own {
                        found.push(event);
                    }
                }
                match page.end {
                    Some(end) if !page.chunk.is_empty() => from = Some(end),
                    _ => break,
                }
            }
            // Newest first, back to the newest one handled: what lies before it was dealt
            // with (or deliberately let go), and the gap is what comes after it.
            let mut missed = Vec::new();
            for event in found {
                let id = EventRef::new(Platform::Matrix, event.event_id().as_str());
                if handler.app.already_handled(&id).await {
                    break;
                }
                missed.push(event);
            }
            for event in missed.into_iter().rev() {
                match event {
                    AnySyncMessageLikeEvent::RoomMessage(m) => {
                        if let Some(original) = m.as_original() {
                            handled += 1;
                            on_message(original.clone(), room.clone(), Ctx(handler.clone())).await;
                        }
                    }
                    AnySyncMessageLikeEvent::Reaction(r) => {
                        if let Some(original) = r.as_original() {
                            handled += 1;
                            on_reaction(original.clone(), room.clone(), Ctx(handler.clone())).await;
                        }
                    }
                    _ => {}
                }
            }
        }
        if handled > 0 {
            info!(
                events = handled,
                "caught up with what was sent while the bot was away"
            );
        }
    }

    /// Turns on server-side key backup and secret storage once, keeping the recovery key
    /// in the store folder (readable by its owner only), so the bot's room keys survive the
    /// loss of its device store. Cross-signing is set up at login, so people's clients see
    /// the bot's device signed by its own identity. Bounded in time; a failure is logged,
    /// and the bot works without a backup.
    async fn ensure_key_backup(&self) {
        let key_file = self.store_dir.join("recovery-key");
        let encryption = self.client.encryption();
        if let Ok(key) = std::fs::read_to_string(&key_file) {
            // A new store given the key of an existing backup: restore from it.
            if !encryption.backups().are_enabled().await {
                let recover = async {
                    encryption.wait_for_e2ee_initialization_tasks().await;
                    encryption.recovery().recover(key.trim()).await
                };
                match tokio::time::timeout(Duration::from_secs(120), recover).await {
                    Ok(Ok(())) => info!("restored the bot's keys from the key backup"),
                    Ok(Err(e)) => warn!(
                        "the recovery key in {} did not open the key backup: {e}",
                        key_file.display()
                    ),
                    Err(_) => warn!(
                        "restoring from the key backup took over 2 minutes; it is tried again at the next start"
                    ),
                }
            }
            return;
        }
        let enable = async {
            encryption.wait_for_e2ee_initialization_tasks().await;
            encryption.recovery().enable().await
        };
        match tokio::time::timeout(Duration::from_secs(120), enable).await {
            Ok(Ok(key)) => match crate::secrets::write_private(&key_file, &key) {
                Ok(()) => info!(
                    file = %key_file.display(),
                    "key backup enabled; the recovery key is saved there"
                ),
                Err(e) => warn!("key backup enabled, but saving its recovery key failed: {e}"),
            },
            Ok(Err(e)) => warn!(
                "key backup not enabled ({e}); if this account already has a backup, put its recovery key in {}",
                key_file.display()
            ),
            Err(_) => warn!(
                "key backup not enabled: the homeserver did not finish in 2 minutes; it is tried again at the next start"
            ),
        }
    }

    /// Whether the bot's keys are backed up on the server.
    pub async fn key_backup_enabled(&self) -> bool {
        self.client.encryption().backups().are_enabled().await
    }

    async fn sync_once_with_retry(&self) {
        let mut backoff = Backoff::new();
        loop {
            match self.client.sync_once(SyncSettings::default()).await {
                Ok(_) => return,
                Err(e) => {
                    let wait = backoff.next();
                    warn!(
                        "first Matrix sync failed ({e}); retrying in {} s",
                        wait.as_secs()
                    );
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// Asks [`MatrixBot::serve`] to return after the sync in progress (and its handlers)
    /// completes.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    /// Whether the bot has handled the event with this id.
    pub fn has_handled(&self, event: &OwnedEventId) -> bool {
        lock(&self.activity.handled).contains(event)
    }

    /// Every message the bot has sent, in order, as (room, event).
    pub fn sent(&self) -> Vec<(OwnedRoomId, OwnedEventId)> {
        lock(&self.activity.sent).clone()
    }

    /// Waits until something is handled or sent, or `timeout` passes.
    pub async fn changed(&self, timeout: Duration) {
        let _ = tokio::time::timeout(timeout, self.activity.changed.notified()).await;
    }

    fn mark_handled(&self, event: OwnedEventId) {
        lock(&self.activity.handled).insert(event);
        self.activity.changed.notify_waiters();
    }

    /// Where a message `sender` wrote in `room` was written, as the app sees it; `None`
    /// for a room flagged as direct that has someone else in it: not a DM (see
    /// [`MatrixBot::is_private_with`]), and no ordinary room either.
    async fn place_of(&self, room: &Room, sender: &UserId) -> Option<Place> {
        let id = room.room_id();
        let configured = [
            &self.coordinators_room,
            &self.moderators_room,
            &self.events_room,
        ]
        .into_iter()
        .flatten()
        .any(|r| r == id);
        let as_room = Place::Room(RoomRef::new(Platform::Matrix, id.as_str()));
        if configured {
            return Some(as_room);
        }
        if lock(&self.dm_rooms).contains(id) || room.is_direct().await.unwrap_or(false) {
            if self.is_private_with(room, sender).await {
                return Some(Place::Dm);
            }
            self.forget_dm_room(id);
            return None;
        }
        Some(as_room)
    }

    /// Whether `room` is a private conversation of the bot with `person` alone: everyone
    /// joined or invited is one of the two. A room flagged as direct with a third member
    /// is not: they could read a report, a moderator's question or `my data`.
    async fn is_private_with(&self, room: &Room, person: &UserId) -> bool {
        use matrix_sdk::RoomMemberships;
        match room
            .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
            .await
        {
            Ok(members) => only_between(members.iter().map(|m| m.user_id()), &self.own, person),
            Err(e) => {
                warn!(room = %room.room_id(), "reading a room's members failed: {e}");
                false
            }
        }
    }

    fn forget_dm_room(&self, room: &RoomId) {
        lock(&self.dm_rooms).remove(room);
        lock(&self.dms).retain(|_, r| r != room);
    }

    /// `sender` wrote in a room flagged as direct that others can read: they are told
    /// there, once and with nothing of what they wrote, that the conversation moves to a
    /// new private DM, and the DM is opened. What they wrote is not acted on.
    async fn move_to_private_dm(&self, room: &Room, sender: &UserId) {
        if !lock(&self.moved_to_dm).insert((room.room_id().to_owned(), sender.to_owned())) {
            return;
        }
        let key = IdempotencyKey(format!("matrix-shared-dm-{}-{sender}", room.room_id()));
        let notice = OutMessage::text(
            "This room has other people in it, so I don't treat it as our private chat. I've opened a direct message with you: please write to me there.",
        );
        if let Err(e) = self.send(room, &notice, &key).await {
            warn!("telling someone their DM is shared failed: {e}");
        }
        match self.dm_room(sender).await {
            Ok(dm) => {
                let key = IdempotencyKey(format!("matrix-moved-dm-{}-{sender}", room.room_id()));
                let hello = OutMessage::text(
                    "Here we can talk privately. What you wrote in the shared room was not used: please send it again here.",
                );
                if let Err(e) = self.send(&dm, &hello, &key).await {
                    warn!("greeting someone in their new DM failed: {e}");
                }
            }
            Err(e) => warn!(%sender, "opening a private DM failed: {e}"),
        }
    }

    fn remember_dm(&self, user: &UserId, room: &RoomId) {
        lock(&self.dms).insert(user.to_owned(), room.to_owned());
        lock(&self.dm_rooms).insert(room.to_owned());
    }

    /// Joins (with backoff) an invite from an allowed server, or declines it.
    fn consider_invite(self: &Arc<Self>, room: Room, inviter: OwnedUserId, is_direct: bool) {
        let server = inviter.server_name().as_str().to_string();
        if !self.allowed_servers.contains(&server) {
            warn!(room = %room.room_id(), %inviter, "declining an invite from a server that is not allowed");
            tokio::spawn(async move {
                if let Err(e) = room.leave().await {
                    warn!(room = %room.room_id(), "declining the invite failed: {e}");
                }
            });
            return;
        }
        let bot = self.clone();
        tokio::spawn(async move {
            // The invite can reach us before the room is ready to be joined.
            let mut backoff = Backoff::new();
            for attempt in 1..=8 {
                match room.join().await {
                    Ok(()) => {
                        info!(room = %room.room_id(), %inviter, "joined on invite");
                        // Direct only if nobody else is (or is invited) in it.
                        if is_direct && bot.is_private_with(&room, &inviter).await {
                            bot.remember_dm(&inviter, room.room_id());
                            if let Err(e) = bot
                                .client
                                .account()
                                .mark_as_dm(room.room_id(), std::slice::from_ref(&inviter))
                                .await
                            {
                                warn!("marking a DM failed: {e}");
                            }
                        }
                        return;
                    }
                    Err(e) => {
                        let wait = backoff.next();
                        debug!(attempt, "joining {} failed ({e}); retrying", room.room_id());
                        tokio::time::sleep(wait).await;
                    }
                }
            }
            warn!(room = %room.room_id(), "gave up joining after 8 attempts");
        });
    }

    /// The DM room with `user`: the known one, the one in `m.direct`, or a new one.
    async fn dm_room(&self, user: &UserId) -> Result<Room, PortError> {
        let _one_at_a_time = self.creating_dm.lock().await;
        // A DM that someone else has joined since is not one any more: a new one is made.
        let known = lock(&self.dms).get(user).cloned();
        if let Some(room) = known
            .and_then(|id| self.client.get_room(&id))
            .filter(|r| r.state() == RoomState::Joined)
        {
            if self.is_private_with(&room, user).await {
                return Ok(room);
            }
            warn!(%user, room = %room.room_id(), "a DM has other members now; opening a new one");
            self.forget_dm_room(room.room_id());
        }
        if let Some(room) = self.client.get_dm_room(user)
            && room.state() == RoomState::Joined
            && self.is_private_with(&room, user).await
        {
            self.remember_dm(user, room.room_id());
            return Ok(room);
        }
        let room = self
            .client
            .create_dm(user)
            .await
            .map_err(|e| refused_or_other(e, user, "opening a DM with"))?;
        info!(%user, room = %room.room_id(), "opened an encrypted DM");
        self.remember_dm(user, room.room_id());
        Ok(room)
    }

    fn room(&self, room: &RoomRef) -> Result<Room, PortError> {
        let id = RoomId::parse(&room.id)
            .map_err(|e| PortError::Other(anyhow!("`{}` is not a room id: {e}", room.id)))?;
        self.client
            .get_room(&id)
            .ok_or_else(|| PortError::Other(anyhow!("the bot is not in room {}", room.id)))
    }

    /// `!tandem report` as a reply to someone's message: a private report in the
    /// reporter's DM with a link to that message as evidence, as Discord's "Report
    /// message" does. Nothing is said in the room, and the command is removed where the
    /// bot may remove messages; members may still have seen it (or see a removed message
    /// under the reporter's name), so the README points those who need discretion to
    /// sending the bot `report message <link>` by DM.
    async fn report_message(
        &self,
        room: &Room,
        command: &OriginalSyncRoomMessageEvent,
        target: &EventId,
        app: &App,
    ) {
        use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
        let reporter = UserRef::new(Platform::Matrix, command.sender.as_str());
        let link = room
            .room_id()
            .matrix_to_event_uri(target.to_owned())
            .to_string();
        let event = match room.event(target, None).await {
            Ok(e) => Some(e),
            Err(e) => {
                // The report goes ahead with the link alone, and without the own-message
                // check.
                warn!(room = %room.room_id(), "could not read a reported message: {e}");
                None
            }
        };
        let author = event
            .as_ref()
            .and_then(|e| e.raw().get_field::<OwnedUserId>("sender").ok().flatten());
        // Decrypted with the bot's keys; a message it cannot read is reported by link. The
        // text is as first sent (edits are events of their own); a file has none.
        let copy = event.and_then(|e| match e.raw().deserialize() {
            Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(m))) => {
                m.as_original().map(|m| {
                    let body = match &m.content.msgtype {
                        MessageType::Text(t) => t.body.as_str(),
                        MessageType::Emote(t) => t.body.as_str(),
                        MessageType::Notice(t) => t.body.as_str(),
                        _ => "",
                    };
                    let text = match m.content.relates_to {
                        Some(Relation::Reply(_)) => render::strip_reply_fallback(body),
                        _ => body,
                    };
                    crate::chat::ReportedMessage {
                        link: link.clone(),
                        author: m.sender.to_string(),
                        at: chrono::DateTime::from_timestamp_millis(i64::from(
                            m.origin_server_ts.get(),
                        )),
                        text: text.to_string(),
                    }
                })
            }
            _ => None,
        });
        if author.as_ref() == Some(&command.sender) {
            let key = IdempotencyKey(format!("matrix-explain-{}", command.event_id));
            let text = "That is your own message. To report something else, type report here.";
            if let Err(e) = self.send_dm(&reporter, &OutMessage::text(text), &key).await {
                warn!("explaining a report of one's own message failed: {e}");
            }
        } else if let Some(copy) = copy {
            let event = EventRef::new(Platform::Matrix, command.event_id.as_str());
            app.receive_reported(reporter, copy, Some(event)).await;
        } else {
            let event = EventRef::new(Platform::Matrix, command.event_id.as_str());
            app.receive_event(event, crate::flows::report::message_report(reporter, &link))
                .await;
        }
        // Removed after the app has had the report (it may have answered "finish what we
        // were doing first"), so a failure on the way never loses the report silently.
        if let Err(e) = room.redact(&command.event_id, None, None).await {
            info!(room = %room.room_id(), "could not remove a report command (the bot needs the power to remove messages there): {e}");
        }
        self.mark_handled(command.event_id.clone());
    }

    /// Tells a person in a DM why their event was not taken as an answer (in a shared
    /// room the bot stays quiet), and marks the event handled.
    async fn explain(&self, room: &Room, place: Place, event: OwnedEventId, text: &str) {
        // Once per event, even when a catch-up reads it again after the homeserver has
        // forgotten the transaction id.
        let id = EventRef::new(Platform::Matrix, event.as_str());
        let app = self.app.get();
        let seen = match app {
            Some(app) => app.already_handled(&id).await,
            None => false,
        };
        if place == Place::Dm && !seen {
            let key = IdempotencyKey(format!("matrix-explain-{event}"));
            if let Err(e) = self.send(room, &OutMessage::text(text), &key).await {
                warn!("explaining an unusable message failed: {e}");
            }
            if let Some(app) = app {
                app.record_handled(&id).await;
            }
        }
        self.mark_handled(event);
    }

    /// Where in `room` a message goes: where the app placed it ([`Placement`]); an alert
    /// always at the top.
    fn placement(message: &OutMessage) -> Option<(OwnedEventId, OwnedEventId)> {
        if message.thread == Some(Thread::Alert) {
            return None;
        }
        match &message.placed {
            Some(Placement::InThread { root, after }) => Some((
                OwnedEventId::try_from(root.as_str()).ok()?,
                OwnedEventId::try_from(after.as_str()).ok()?,
            )),
            Some(Placement::Top) | None => None,
        }
    }

    async fn send(
        &self,
        room: &Room,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let mut content = render::content(message);
        let placement = Self::placement(message);
        if let Some((root, after)) = &placement {
            // The reply fallback lets clients without threads show it as an answer.
            content.relates_to = Some(Relation::Thread(ThreadRelation::plain(
                root.clone(),
                after.clone(),
            )));
        }
        let txn = OwnedTransactionId::from(render::transaction_id(key));
        let sent = room
            .send(content)
            .with_transaction_id(txn)
            .await
            .map_err(|e| PortError::Other(anyhow!("sending in {}: {e}", room.room_id())))?;
        let event_id = sent.response.event_id;
        if !message.choices.is_empty() {
            // The app keeps it too (for after a restart); this saves a read per reaction.
            let mut prompts = lock(&self.prompts);
            if prompts.len() >= MAX_REMEMBERED_PROMPTS {
                prompts.clear();
            }
            prompts.insert(event_id.clone(), message.clone());
        }
        lock(&self.activity.sent).push((room.room_id().to_owned(), event_id.clone()));
        if let Some(file) = &message.attachment {
            // Uploaded encrypted in an encrypted room (the SDK does it), with its own
            // transaction id, so a retried send posts it once.
            let mime: mime::Mime = file.mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM);
            let mut config = matrix_sdk::attachment::AttachmentConfig::new()
                .txn_id(OwnedTransactionId::from(render::transaction_id(
                    &IdempotencyKey(format!("{}-file", key.0)),
                )))
                .mentions(Some(render::mentions(message)));
            if let Some((root, _)) = &placement {
                // With the message it belongs to, in the same thread.
                config = config.reply(Some(matrix_sdk::room::reply::Reply {
                    event_id: root.clone(),
                    enforce_thread: matrix_sdk::room::reply::EnforceThread::Threaded(
                        matrix_sdk::ruma::events::room::message::ReplyWithinThread::No,
                    ),
                    add_mentions: matrix_sdk::ruma::events::room::message::AddMentions::No,
                }));
            }
            let sent = room
                .send_attachment(file.name.clone(), &mime, file.data.clone(), config)
                .await
                .map_err(|e| {
                    PortError::Other(anyhow!("sending a file in {}: {e}", room.room_id()))
                })?;
            lock(&self.activity.sent).push((room.room_id().to_owned(), sent.event_id));
        }
        self.activity.changed.notify_waiters();
        Ok(Posted::id(event_id.as_str()))
    }
}

/// Whether everyone in `members` is the bot or `person`, and `person` is there: a
/// private conversation of the two.
fn only_between<'a>(
    members: impl IntoIterator<Item = &'a UserId>,
    bot: &UserId,
    person: &UserId,
) -> bool {
    let mut with_person = false;
    for member in members {
        if member == person {
            with_person = true;
        } else if member != bot {
            return false;
        }
    }
    with_person
}

/// What every event handler needs.
#[derive(Clone)]
struct Handler {
    bot: Arc<MatrixBot>,
    app: App,
}

fn matrix_user(user: &UserRef) -> Result<OwnedUserId, PortError> {
    if user.platform != Platform::Matrix {
        return Err(PortError::Unreachable(
            user.to_string(),
            "not a Matrix user".into(),
        ));
    }
    UserId::parse(&user.id)
        .map_err(|e| PortError::Unreachable(user.to_string(), format!("not a Matrix id: {e}")))
}

/// A request about `user` that failed: the homeserver refusing it (4xx: no such user, not
/// allowed) means the person cannot be reached, and retrying will not help.
fn refused_or_other(error: matrix_sdk::Error, user: &UserId, doing: &str) -> PortError {
    let refused = error
        .as_client_api_error()
        .is_some_and(|e| e.status_code.is_client_error());
    if refused {
        PortError::Unreachable(user.to_string(), error.to_string())
    } else {
        PortError::Other(anyhow!("{doing} {user}: {error}"))
    }
}

fn save_session(client: &Client, file: &Path) -> anyhow::Result<()> {
    let session = client
        .matrix_auth()
        .session()
        .context("no Matrix session after login")?;
    let json = serde_json::to_string(&session)?;
    crate::secrets::write_private(file, &json).with_context(|| format!("saving {}", file.display()))
}

/// Retries `attempt` with backoff while the failure looks temporary (no answer, 5xx,
/// rate limits), logging each wait; fails at once on a refusal (4xx) or at the deadline.
async fn retry<T, F, Fut>(
    what: &str,
    deadline: Option<tokio::time::Instant>,
    mut attempt: F,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, matrix_sdk::Error>>,
{
    let mut backoff = Backoff::new();
    loop {
        match attempt().await {
            Ok(v) => return Ok(v),
            Err(e) => {
                let refused = e
                    .as_client_api_error()
                    .is_some_and(|c| c.status_code.is_client_error() && c.status_code != 429);
                if refused {
                    return Err(anyhow!("{what}: the homeserver refused: {e}"));
                }
                let wait = backoff.next();
                if deadline.is_some_and(|d| tokio::time::Instant::now() + wait > d) {
                    return Err(anyhow!("{what}: gave up: {e}"));
                }
                warn!("{what} failed ({e}); retrying in {} s", wait.as_secs_f32());
                tokio::time::sleep(wait).await;
            }
        }
    }
}

/// Doubling waits from half a second up to a minute.
struct Backoff(Duration);

impl Backoff {
    fn new() -> Self {
        Backoff(Duration::from_millis(500))
    }

    fn next(&mut self) -> Duration {
        let wait = self.0;
        self.0 = (self.0 * 2).min(Duration::from_secs(60));
        wait
    }

    fn reset(&mut self) {
        *self = Backoff::new();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding one of these maps leaves it usable: they are caches.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_is_a_dm_only_between_the_bot_and_the_person_alone() {
        let bot = UserId::parse("@tandem:example.org").unwrap();
        let amina = UserId::parse("@amina:example.org").unwrap();
        let tom = UserId::parse("@tom:example.org").unwrap();
        let (b, a, t) = (&*bot, &*amina, &*tom);
        assert!(only_between([b, a], b, a));
        assert!(only_between([a, b], b, a));
        assert!(!only_between([b, a, t], b, a), "a third member");
        assert!(!only_between([b, t], b, a), "someone else's room");
        assert!(!only_between([b], b, a), "she left");
    }
}
