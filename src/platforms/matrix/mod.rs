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
//! Where things are: connecting here; serving and catching up in `sync`; which room is a
//! DM in `rooms`; sending in `send`; the event handlers in `events`; the port
//! implementations in `ports`; how messages look in [`render`]; how `tandem run` plugs it
//! in, in `adapter`.
//!
//! To extend: a new kind of inbound event is one more handler in `events`, registered in
//! [`MatrixBot::serve`]; a new port method goes in `ports`, built from `matrix_sdk::Room`
//! calls.

pub(super) mod adapter;
mod appservice;
mod events;
mod ports;
pub mod render;
mod rooms;
mod send;
mod sync;

use events::{on_invite, on_message, on_reaction, on_redaction, on_undecryptable};

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
use matrix_sdk::ruma::events::room::redaction::OriginalSyncRoomRedactionEvent;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{
    EventId, Int, OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomAliasId, RoomId,
    UserId,
};
use matrix_sdk::{Client, LoopCtrl, Room, RoomState};
use tracing::{debug, info, warn};

use super::{lock, recent_lines};
use crate::app::App;
use crate::chat::{Content, FileStatus, Inbound, InboundFile, OutMessage, Placement, Thread};
use crate::config::MatrixSettings;
use crate::domain::staff::StaffGroup;
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
    /// The appservice's tokens, for `[matrix.appservice]`.
    pub appservice: Option<crate::config::AppserviceTokens>,
}

impl MatrixSecrets {
    /// `TANDEM_MATRIX_PASSWORD`, `TANDEM_MATRIX_ACCESS_TOKEN`, `TANDEM_MATRIX_STORE_PASSPHRASE`,
    /// `TANDEM_MATRIX_AS_TOKEN` and `TANDEM_MATRIX_HS_TOKEN`.
    pub fn from_env() -> Self {
        let get = |name| crate::config::Settings::secret(name);
        MatrixSecrets {
            password: get("TANDEM_MATRIX_PASSWORD"),
            access_token: get("TANDEM_MATRIX_ACCESS_TOKEN"),
            store_passphrase: get("TANDEM_MATRIX_STORE_PASSPHRASE"),
            appservice: crate::config::AppserviceTokens::from_env(),
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
    /// The rooms programmes name (`Connection::programme_room`).
    more_rooms: Mutex<Vec<OwnedRoomId>>,
    /// The community's Space, which each new pair room joins.
    space: Option<OwnedRoomId>,
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
    /// The homeserver's pace for creating rooms, learned (`platforms::pacing`).
    room_pacer: Mutex<crate::platforms::pacing::Pacer>,
    /// Rooms are created one at a time (see [`MatrixBot::create_paced`]).
    creating_room: tokio::sync::Mutex<()>,
    /// Prompts sent with choices, so a reaction can be read as a pick: what a pick needs
    /// (the choices and the prompt's ref), never the text. Bounded. The app keeps them
    /// too (`sent_prompts`), so a reaction after a restart still counts, but only once
    /// the send has returned (a quick reaction can come first), and never a survey's
    /// question (its answer is anonymous).
    prompts: Mutex<HashMap<OwnedEventId, OutMessage>>,
    /// The app being served, once [`MatrixBot::serve`] starts.
    app: std::sync::OnceLock<App>,
    activity: Activity,
    stopping: AtomicBool,
    /// When a sync last succeeded (ms since the epoch; 0: never), for `/healthz`.
    last_sync: std::sync::atomic::AtomicI64,
    /// Messages and reactions being handled: in order per room, many rooms at once.
    lanes: crate::platforms::lanes::Lanes,
    /// Appservice mode (`appservice`), when configured.
    appservice: Option<appservice::Appservice>,
    /// Events already seen, when they may come two ways (appservice mode).
    sighted: Mutex<appservice::Sighted>,
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
            // The SDK's defaults are for a client app: per store (state, crypto, event
            // cache) a pool of four connections a core, each with a 2 MB page cache, so a
            // bot on a small server would hold tens of megabytes of cache for stores it
            // reads rarely. The low-memory settings: a connection a core, 500 kB each.
            .sqlite_store_with_config_and_cache_path(
                matrix_sdk::SqliteStoreConfig::with_low_memory_config(&store_dir)
                    .passphrase(options.secrets.store_passphrase.as_deref()),
                None::<&std::path::Path>,
            )
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
        let appservice = match &settings.appservice {
            Some(appservice) => {
                let tokens = options.secrets.appservice.as_ref().context(
                    "[matrix.appservice] needs TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN in the environment: the tokens of the registration installed on the homeserver (`tandem appservice-registration` makes both)",
                )?;
                Some(
                    appservice::Appservice::start(
                        appservice,
                        tokens,
                        &settings.homeserver_url,
                        &own,
                    )
                    .await?,
                )
            }
            None => None,
        };
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
        } else if let Some(appservice) = &appservice {
            appservice.login(&client, &own, deadline).await?;
            save_session(&client, &session_file)?;
            info!(user = %own, device = ?client.device_id(), "logged in to Matrix as the appservice's new device");
            true
        } else {
            bail!(
                "no Matrix credentials: set TANDEM_MATRIX_PASSWORD (or TANDEM_MATRIX_ACCESS_TOKEN) for {own}, or configure [matrix.appservice]"
            );
        };
        if let Some(appservice) = &appservice {
            appservice.ping(deadline).await?;
        }
        let mut bot = MatrixBot {
            client,
            own,
            allowed_servers: settings.allowed_servers(),
            coordinators_room: None,
            moderators_room: None,
            events_room: None,
            more_rooms: Mutex::default(),
            space: None,
            fresh_device,
            store_dir: store_dir.clone(),
            sync_timeout: options.sync_timeout,
            dms: Mutex::default(),
            dm_rooms: Mutex::default(),
            moved_to_dm: Mutex::default(),
            creating_dm: tokio::sync::Mutex::new(()),
            room_pacer: Mutex::default(),
            creating_room: tokio::sync::Mutex::new(()),
            prompts: Mutex::default(),
            app: std::sync::OnceLock::new(),
            activity: Activity::default(),
            stopping: AtomicBool::new(false),
            last_sync: std::sync::atomic::AtomicI64::new(0),
            lanes: crate::platforms::lanes::Lanes::new(crate::platforms::lanes::at_once()),
            appservice,
            sighted: Mutex::default(),
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
        bot.space = bot
            .join_configured(settings.space.as_deref(), deadline)
            .await?;
        let bot = Arc::new(bot);
        if let Some(appservice) = &bot.appservice {
            let _ = appservice.pushed.bot.set(Arc::downgrade(&bot));
        }
        Ok(bot)
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

    /// Asks [`MatrixBot::serve`] to return after the sync in progress (and its handlers)
    /// completes.
    /// Whether a sync succeeded within the last three sync timeouts (and a minute).
    pub fn synced_lately(&self) -> bool {
        let last = self.last_sync.load(Ordering::SeqCst);
        let allowed = self.sync_timeout.as_millis() as i64 * 3 + 60_000;
        last > 0 && chrono::Utc::now().timestamp_millis() - last <= allowed
    }

    /// Whether [`MatrixBot::serve`] hands events to the app yet (a new device's first
    /// sync comes before).
    pub fn serving(&self) -> bool {
        self.app.get().is_some()
    }

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

#[cfg(test)]
mod tests {
    use super::rooms::only_between;
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
