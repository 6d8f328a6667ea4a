//! The service layer: one inbound message in, stored state and performed effects out.
//!
//! [`App::receive`] is what every platform calls for each message a person sends. It reads
//! the person's conversation and applications, asks the pure core (`flows::decide`) what to
//! do, records the result in one transaction (retrying from the top if the conversation
//! changed meanwhile, which is how two messages arriving at once are both applied, in turn),
//! with the acts it decided (messages, rooms) put in the outbox in that same transaction,
//! and then delivers them through the ports (`app::outbox`: retried until done, so a crash
//! after the commit loses nothing). Errors reach the person as either a clear message or an
//! apology with a reference that is in the log; a panic is contained to the message
//! (`app::supervise`).
//!
//! The folder, by what each file serves:
//! - `receive`: a message in (events recorded once, rate limits, routing, retries);
//! - `subject`: what a route needs loaded; `commit`: a step recorded and what follows it;
//! - `outbox/`: acts delivered and retried; `memory`: prompts and card threads remembered;
//! - `pairs`: pair rooms, proposals and offers; `relay`: pair rooms across two platforms;
//!   `cases`: moderation cases;
//! - `scheduler/`: what runs on a clock (the job loop, milestones, events, the sweep);
//! - `drawing`: charts and certificates; `export`: data exports; `limits`: rate limits;
//! - `ownership`: platform leases; `supervise`: panics contained; `clock`: time.
//!
//! New acts are delivered in `App::deliver` (`app::outbox::deliver`); new capabilities
//! come in as ports.

mod cases;
mod clock;
mod commit;
mod drawing;
pub mod export;
mod kept;
pub mod languages;
mod limits;
pub mod links;
mod memory;
mod outbox;
pub mod ownership;
mod pairs;
mod receive;
pub mod relay;
mod safety;
pub mod scheduler;
mod staff;
mod subject;
mod suggest;
pub mod supervise;

use std::sync::Arc;
use std::time::Duration;

use tracing::{debug, error, info, warn};

pub use clock::{Clock, ManualClock, ShiftedClock, SystemClock};
pub use limits::RateLimits;
pub use outbox::Delivery;

use chrono::{DateTime, Utc};

use crate::chat::{FileStatus, Inbound, OutMessage, Placement};
use crate::domain::evidence::NotKept;
use crate::domain::incident::Moderation;
use crate::domain::matches::MatchRecord;
use crate::domain::{
    ApplicationRecord, ApplicationSummary, EventRef, Place, Platform, Programme, RoomRef, UserRef,
};
use crate::error::{Error, Reference, Result};
use crate::flows::acts::Act;
use crate::flows::review;
use crate::flows::{self, Ctx, Effect, Outcome, StateChange, Subject};
use crate::ports::{DirectMessenger, IdempotencyKey, PortError, RoomMessenger, RoomProvisioner};
use crate::storage::{CommitOutcome, Enqueue, Store};

/// A person's conversation as storage keeps it.
type StoredConversation = crate::storage::StoredConversation<flows::FlowState>;

/// The platform capabilities the app uses.
#[derive(Clone)]
pub struct Ports {
    pub dm: Arc<dyn DirectMessenger>,
    pub rooms: Arc<dyn RoomMessenger>,
    pub provisioner: Arc<dyn RoomProvisioner>,
}

/// Limits, rooms and texts that shape every conversation.
#[derive(Debug, Clone)]
pub struct AppSettings {
    pub max_message_chars: usize,
    pub room_prefix: String,
    /// The deployment's coordinators' room on each platform (a programme may name its
    /// own: `domain::rooms`).
    pub coordinators_rooms: Vec<RoomRef>,
    /// The moderators' room on each platform.
    pub moderators_rooms: Vec<RoomRef>,
    pub moderation: Moderation,
    /// A command that sends at least this many messages or rooms (`match approve all`)
    /// reports its progress in the room it was given in, every this many.
    pub progress_every: usize,
    /// Where events are announced on each platform, unless `event create` says `room:`.
    pub events_rooms: Vec<RoomRef>,
    /// The rooms programmes name, as the platforms found them: (platform, as written) to
    /// the room (a Matrix alias to its room id). A room written as its id needs no entry.
    pub resolved_rooms: std::collections::HashMap<(Platform, String), RoomRef>,
    /// How long before an event its reminders go to those who said yes.
    pub event_reminders: Vec<chrono::Duration>,
    /// Font files for certificates and charts, in fallback order.
    pub fonts: Vec<std::path::PathBuf>,
    /// How acts are retried and when they go stale.
    pub delivery: Delivery,
    /// The platforms this process serves (several processes can share one database: each
    /// claims only its platforms' jobs and acts). Empty: all.
    pub platforms: Vec<Platform>,
    /// How fast one person may write (see `flows::rate`); not limited by default, as on
    /// the console: `tandem run` sets them from `[limits]`.
    pub limits: RateLimits,
    /// Whether the platforms can carry a relayed pair room (`app::relay`), where this
    /// process serves both Matrix and Discord: off unless the Discord bot reads message
    /// content (`[discord] message_content`).
    pub relay: bool,
    /// The language of rooms and of people who chose none.
    pub language: crate::i18n::Locale,
    /// The bot's own accounts, where the settings name them (its Matrix id): what a
    /// message tells people to write to.
    pub bot_accounts: Vec<UserRef>,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            max_message_chars: 8000,
            room_prefix: "!tandem".into(),
            coordinators_rooms: vec![RoomRef::new(Platform::Console, "coordinators")],
            moderators_rooms: vec![RoomRef::new(Platform::Console, "moderators")],
            progress_every: 25,
            events_rooms: vec![RoomRef::new(Platform::Console, "events")],
            resolved_rooms: Default::default(),
            event_reminders: vec![chrono::Duration::hours(24), chrono::Duration::hours(1)],
            delivery: Delivery::default(),
            platforms: Vec::new(),
            limits: RateLimits::default(),
            relay: true,
            bot_accounts: Vec::new(),
            language: crate::i18n::Locale::EN,
            fonts: crate::graphics::DEFAULT_FONTS
                .iter()
                .map(std::path::PathBuf::from)
                .collect(),
            moderation: Moderation {
                categories: crate::domain::incident::default_categories(),
                max_reports_per_day: 5,
                escalate_after_minutes: 30,
                escalation_contact: None,
                ..Moderation::default()
            },
        }
    }
}

#[derive(Clone)]
pub struct App {
    store: Store,
    programmes: Arc<Vec<Programme>>,
    ports: Ports,
    clock: Arc<dyn Clock>,
    settings: AppSettings,
    /// Fonts for certificates and charts while something is drawn with them (see
    /// [`App::fonts`]).
    fonts: Arc<std::sync::Mutex<std::sync::Weak<crate::graphics::Fonts>>>,
    /// When the coordinators were last told that someone cannot be reached by DM: one
    /// notice an hour per person, not one per message of a chain of steps.
    unreachable_told: Arc<std::sync::Mutex<std::collections::HashMap<UserRef, DateTime<Utc>>>>,
    /// What each person sent lately, against `settings.limits`.
    limiter: Arc<limits::Limiter>,
    /// This process's name on the outbox acts it holds.
    worker: Arc<str>,
    /// The ports underneath [`App::ports`], which make each pair room's changes in both
    /// sides of a relayed one, and which rooms are relayed.
    relays: Arc<relay::Relayed>,
    /// Linked accounts (`domain::accounts`): who a message is from, where DMs go.
    links: Arc<links::Links>,
    /// The language each person is written to in.
    languages: Arc<languages::Languages>,
    /// Which room serves what, for the deployment and each programme.
    rooms: Arc<crate::domain::rooms::Rooms>,
    /// Pair rooms waiting for the platform's pace, for the coordinators' progress notes.
    paced: Arc<std::sync::Mutex<outbox::PacedRooms>>,
}

/// Logs a follow-up that failed after its step was recorded; returns its value if any.
fn follow_up<T>(what: &str, result: Result<T>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            error!("{what} after a recorded step failed: {e}");
            None
        }
    }
}

/// What the app reads about the sender before each step.
#[derive(Debug, Clone, Default)]
struct Known {
    applications: Vec<ApplicationSummary>,
    matches: Vec<MatchRecord>,
    reports: Vec<crate::domain::incident::OwnReport>,
    suspended: bool,
    surveys: Vec<crate::domain::survey::SurveyInvite>,
    /// The people a staff command names, as found (see `domain::people`).
    named: Vec<crate::domain::people::KnownPerson>,
    /// The person's open offers that can no longer go ahead.
    blocked_offers: Vec<i64>,
    /// Their account on the other platform, if they linked one.
    linked: Option<crate::domain::accounts::Linked>,
    /// The language they are written to in.
    language: crate::i18n::Locale,
}

/// How long a message waits for an unreachable database before the person is told.
const DATABASE_PATIENCE: Duration = Duration::from_secs(60);

/// How often a step is redone after losing a race before giving up.
const MAX_ATTEMPTS: u32 = 20;

impl App {
    pub fn new(
        store: Store,
        programmes: Vec<Programme>,
        ports: Ports,
        clock: Arc<dyn Clock>,
        settings: AppSettings,
    ) -> Self {
        // People on two platforms are paired (their room relayed) only by a process that
        // serves both, which hears both sides.
        let served = |p| settings.platforms.is_empty() || settings.platforms.contains(&p);
        let relays_here = settings.relay && served(Platform::Matrix) && served(Platform::Discord);
        let programmes: Vec<Programme> = programmes
            .into_iter()
            .map(|mut p| {
                if let Some(m) = p.matching.as_mut() {
                    m.relay &= relays_here;
                }
                p
            })
            .collect();
        let rooms = Arc::new(rooms_of(&settings, &programmes));
        // A programme's own moderators moderate it only (see `domain::incident`).
        let mut settings = settings;
        for p in &programmes {
            for m in &p.moderators {
                settings.moderation.add_programme_moderator(m, &p.slug);
            }
        }
        let links = Arc::new(links::Links::new(store.clone()));
        let languages = Arc::new(languages::Languages::new(
            store.clone(),
            links.clone(),
            settings.language,
        ));
        let relays = Arc::new(relay::Relayed::new(
            ports,
            Arc::new(relay::RelayRooms::new(store.clone())),
            languages.clone(),
        ));
        App {
            ports: relays.ports(),
            relays,
            links,
            languages,
            rooms,
            paced: Arc::default(),
            store,
            programmes: Arc::new(programmes),
            clock,
            settings,
            unreachable_told: Arc::default(),
            limiter: Arc::default(),
            fonts: Arc::default(),
            worker: format!("tandem-{}-{}", std::process::id(), unique_tag()).into(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// `account`'s platform reports its language (`es-ES`, Discord's interaction locale):
    /// a first guess at theirs, until they choose one with `language`.
    pub fn guess_language(&self, account: &UserRef, tag: &str) {
        self.languages.guess(account, tag);
    }

    /// `text` as `account` reads it: in the language its person chose, else the one their
    /// platform last reported, else the deployment's. For what an adapter says itself.
    pub fn said_to(&self, account: &UserRef, text: &crate::i18n::Text) -> String {
        text.render(self.languages.of(account))
    }

    /// `text` in the deployment's language (for a room, such as a removal's reason).
    pub fn said_in_rooms(&self, text: &crate::i18n::Text) -> String {
        text.render(self.languages.default())
    }

    /// This process's name on what it holds (outbox acts, leases).
    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// What starts a command in a shared room (`!tandem`).
    pub fn room_prefix(&self) -> &str {
        &self.settings.room_prefix
    }

    pub fn programmes(&self) -> &[Programme] {
        &self.programmes
    }

    /// The programme with this slug, if it is configured.
    pub fn programme(&self, slug: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.slug == slug)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The coordinators' room for `programme`'s people on `platform` (`None`: the
    /// deployment's): see `domain::rooms::Rooms::coordinators`.
    fn coordinators_room(&self, programme: Option<&str>, platform: Platform) -> Option<&RoomRef> {
        self.rooms.coordinators(programme, platform)
    }

    /// The community's moderators' room for people on `platform`: a report from either
    /// platform reaches them.
    fn moderators_room(&self, platform: Platform) -> Option<&RoomRef> {
        self.rooms.moderators(None, platform)
    }

    /// Which room serves what.
    pub fn rooms(&self) -> &crate::domain::rooms::Rooms {
        &self.rooms
    }

    /// What routing a message needs (see `flows::route`).
    fn router(&self) -> flows::route::Router<'_> {
        flows::route::Router {
            prefix: &self.settings.room_prefix,
            moderation: &self.settings.moderation,
            rooms: &self.rooms,
            max_message_chars: self.settings.max_message_chars,
        }
    }

    fn ctx<'a>(
        &'a self,
        user: &'a UserRef,
        known: &'a Known,
        subject: &'a Subject,
        now: DateTime<Utc>,
    ) -> Ctx<'a> {
        Ctx {
            user,
            programmes: &self.programmes,
            applications: &known.applications,
            matches: &known.matches,
            reports: &known.reports,
            suspended: known.suspended,
            surveys: &known.surveys,
            now,
            max_message_chars: self.settings.max_message_chars,
            room_prefix: &self.settings.room_prefix,
            rooms: &self.rooms,
            event_reminders: &self.settings.event_reminders,
            moderation: &self.settings.moderation,
            subject,
            people: &known.named,
            blocked_offers: &known.blocked_offers,
            linked: known.linked.as_ref(),
            language: known.language,
            bots: &self.settings.bot_accounts,
        }
    }
}

/// Which room serves what: the deployment's rooms from `settings`, and each programme's
/// own, found as the platforms resolved them (a Matrix alias whose room was not resolved
/// is left out, with a warning: `tandem run` resolves every one before the app starts).
fn rooms_of(settings: &AppSettings, programmes: &[Programme]) -> crate::domain::rooms::Rooms {
    use crate::domain::rooms::{Rooms, Serves};
    let mut rooms = Rooms::serving(&settings.platforms);
    for (serves, list) in [
        (Serves::Coordinators, &settings.coordinators_rooms),
        (Serves::Moderators, &settings.moderators_rooms),
        (Serves::Events, &settings.events_rooms),
    ] {
        for room in list {
            rooms.add(serves, None, room.clone());
        }
    }
    for p in programmes {
        for named in &p.rooms {
            let key = (named.platform, named.written.clone());
            let room = match settings.resolved_rooms.get(&key) {
                Some(room) => room.clone(),
                None if named.platform == Platform::Matrix && named.written.starts_with('#') => {
                    warn!(programme = %p.slug, room = %named.written, "a room alias that was not resolved: left out");
                    continue;
                }
                None => RoomRef::new(named.platform, named.written.clone()),
            };
            rooms.add(named.serves, Some(&p.slug), room);
        }
    }
    rooms
}

/// A random tag for the keys of a step's acts. A key is fixed when the act is put in the
/// outbox, so every retry carries the same one; it must be unique across steps, which a
/// timestamp alone is not (two steps in one millisecond, a frozen test clock): a platform
/// that deduplicates by key (Discord nonces), and the outbox itself, would then drop the
/// second act silently.
fn unique_tag() -> String {
    let mut bytes = [0u8; 6];
    if getrandom::fill(&mut bytes).is_err() {
        use std::sync::atomic::{AtomicU64, Ordering};
        static FALLBACK: AtomicU64 = AtomicU64::new(0);
        return format!("n{}", FALLBACK.fetch_add(1, Ordering::Relaxed));
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
