//! The service layer: one inbound message in, stored state and performed effects out.
//!
//! [`App::receive`] is what every platform calls for each message a person sends. It reads
//! the person's conversation and applications, asks the pure core (`flows::handle`) what to
//! do, records the result in one transaction (retrying from the top if the conversation
//! changed meanwhile, which is how two messages arriving at once are both applied, in turn),
//! with the acts it decided (messages, rooms) put in the outbox in that same transaction,
//! and then delivers them through the ports (`app::outbox`: retried until done, so a crash
//! after the commit loses nothing). Errors reach the person as either a clear message or an
//! apology with a reference that is in the log; a panic is contained to the message
//! (`app::supervise`).
//!
//! New acts are delivered in `App::deliver` (`app::outbox`); new capabilities come in as
//! ports. What a message needs loaded first is in `app::subject`; pair rooms, proposals
//! and offers in `app::pairs`; moderation cases in `app::cases`; the nudges in
//! `app::milestones`, events in `app::events`, platform leases in `app::ownership`.

mod cases;
mod clock;
pub mod export;
mod limits;
mod outbox;
pub mod ownership;
mod pairs;
pub mod scheduler;
mod subject;
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
use crate::storage::{CommitOutcome, Enqueue, Store, StoredConversation};

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
    /// The coordinators' room on each platform.
    pub coordinators_rooms: Vec<RoomRef>,
    /// The moderators' room on each platform.
    pub moderators_rooms: Vec<RoomRef>,
    pub moderation: Moderation,
    /// A command that sends at least this many messages or rooms (`match approve all`)
    /// reports its progress in the room it was given in, every this many.
    pub progress_every: usize,
    /// Where events are announced on each platform, unless `event create` says `room:`.
    pub events_rooms: Vec<RoomRef>,
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
            event_reminders: vec![chrono::Duration::hours(24), chrono::Duration::hours(1)],
            delivery: Delivery::default(),
            platforms: Vec::new(),
            limits: RateLimits::default(),
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
    /// Fonts for certificates and charts, loaded the first time one is drawn.
    fonts: Arc<std::sync::OnceLock<Arc<crate::graphics::Fonts>>>,
    /// When the coordinators were last told that someone cannot be reached by DM: one
    /// notice an hour per person, not one per message of a chain of steps.
    unreachable_told: Arc<std::sync::Mutex<std::collections::HashMap<UserRef, DateTime<Utc>>>>,
    /// What each person sent lately, against `settings.limits`.
    limiter: Arc<limits::Limiter>,
    /// This process's name on the outbox acts it holds.
    worker: Arc<str>,
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
        App {
            store,
            programmes: Arc::new(programmes),
            ports,
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

    /// Handles one message; any error is reported to the sender and logged.
    pub async fn receive(&self, inbound: Inbound) {
        self.receive_with(inbound, None, None, None).await
    }

    /// Handles one message the platform identifies by `event`, once: the id is recorded
    /// with the step it causes, so the same event delivered again (a sync replayed after a
    /// crash, a catch-up read) changes nothing and is not answered twice.
    pub async fn receive_event(&self, event: EventRef, inbound: Inbound) {
        self.receive_with(inbound, None, Some(event), None).await
    }

    /// Like [`App::receive_event`], for a message typed in the thread that the message
    /// `root` starts (on platforms with threads): whatever it causes in that room is
    /// posted in the same thread.
    pub async fn receive_in_thread(&self, event: EventRef, root: String, inbound: Inbound) {
        self.receive_with(inbound, None, Some(event), Some(root))
            .await
    }

    /// The platform's own "report message" (Discord's message menu, a Matrix reply of
    /// `!tandem report`): `from` reports `reported`, copied by the platform as it was.
    /// Taken like a DM of `report message <link>`, with the copy kept as evidence. A
    /// person who types that line gives a link alone: only a platform vouches for a copy.
    pub async fn receive_reported(
        &self,
        from: UserRef,
        reported: crate::chat::ReportedMessage,
        event: Option<EventRef>,
    ) {
        let inbound = flows::report::message_report(from, &reported.link);
        self.receive_with(inbound, Some(reported), event, None)
            .await
    }

    /// Whether the platform event was handled already (a platform's catch-up asks before
    /// fetching what a message needs). A failed read says no: the step's own record of
    /// the event still keeps it from being applied twice.
    pub async fn already_handled(&self, event: &EventRef) -> bool {
        self.store.inbound_event_seen(event).await.unwrap_or(false)
    }

    /// Where a platform without a replayable feed (Discord) looks for what was sent while
    /// the bot was away: the DMs of the people it talks with, and the active pair rooms.
    pub async fn catch_up_places(&self, platform: Platform) -> (Vec<UserRef>, Vec<RoomRef>) {
        let people = self.store.people_on(platform).await.unwrap_or_else(|e| {
            warn!("listing people to catch up with failed: {e:#}");
            Vec::new()
        });
        let rooms = self
            .store
            .pair_rooms_on(platform)
            .await
            .unwrap_or_else(|e| {
                warn!("listing pair rooms to catch up with failed: {e:#}");
                Vec::new()
            })
            .into_iter()
            .map(|id| RoomRef::new(platform, id))
            .collect();
        (people, rooms)
    }

    /// Records a platform event as handled by the platform itself (an explanation that an
    /// edit or a location is not an answer), so a catch-up does not answer it again.
    pub async fn record_handled(&self, event: &EventRef) {
        if let Err(e) = self.store.record_inbound_event(event).await {
            warn!("recording a handled event failed: {e:#}");
        }
    }

    /// How far back a platform's catch-up after a restart reads (what was sent while the
    /// process was down, or lost in a crash mid-batch): at most a day, and never before the
    /// first event on record (an older version kept none). `None`: nothing to catch up.
    pub async fn catch_up_since(&self, platform: Platform) -> Option<DateTime<Utc>> {
        let first = match self.store.first_inbound_event_at(platform).await {
            Ok(first) => first?,
            Err(e) => {
                warn!("reading where to catch up from failed: {e:#}");
                return None;
            }
        };
        Some(first.max(chrono::Utc::now() - chrono::Duration::hours(24)))
    }

    async fn receive_with(
        &self,
        inbound: Inbound,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<EventRef>,
        thread_root: Option<String>,
    ) {
        // Where what it causes in the room it was typed in goes: where it was typed.
        let placement = match thread_root {
            Some(root) => Placement::InThread {
                after: event
                    .as_ref()
                    .map_or_else(|| root.clone(), |e| e.id.clone()),
                root,
            },
            None => Placement::Top,
        };
        if let Some(event) = &event
            && self.already_handled(event).await
        {
            debug!(event = %event.id, "already handled; ignoring the redelivery");
            return;
        }
        if self
            .held_back(&inbound, reported.is_some(), event.as_ref(), &placement)
            .await
        {
            return;
        }
        if let Place::Room(room) = &inbound.place {
            // A pair room's activity: when, never what (for the silent-pair check).
            let staff = self.settings.coordinators_rooms.contains(room)
                || self.settings.moderators_rooms.contains(room);
            if !staff
                && let Err(e) = self
                    .store
                    .note_pair_activity(
                        room.platform.as_str(),
                        &room.id,
                        &inbound.from.id,
                        self.clock.now(),
                    )
                    .await
            {
                warn!(room = %room, "recording pair activity failed: {e:#}");
            }
        }
        // A panic is contained to this message: the person gets the usual apology, with
        // the reference the panic was logged under, and every other conversation goes on.
        // While the database cannot be reached the message waits (up to about a minute),
        // rather than being answered with an apology and lost.
        let mut waited = Duration::ZERO;
        let handled = loop {
            let handled = supervise::contained(
                "handling a message",
                self.handle_with(&inbound, reported.clone(), event.as_ref(), &placement),
            )
            .await;
            match &handled {
                Ok(Err(Error::Internal(e)))
                    if crate::storage::is_unreachable(e) && waited < DATABASE_PATIENCE =>
                {
                    // 1 s, 2 s, 4 s, then 8 s at a time.
                    let pause = Duration::from_secs(1u64 << (waited.as_secs() / 2).min(3))
                        .min(DATABASE_PATIENCE - waited);
                    warn!(
                        "the database cannot be reached ({e:#}); trying the message again in {pause:?}"
                    );
                    tokio::time::sleep(pause).await;
                    waited += pause;
                }
                _ => break handled,
            }
        };
        let failed = match handled {
            Ok(Ok(())) => None,
            Ok(Err(e)) => {
                let reference = Reference::new();
                match &e {
                    Error::User(m) => debug!(user = %inbound.from, "user error: {m}"),
                    Error::Internal(err) => {
                        error!(user = %inbound.from, %reference, "handling a message failed: {err:#}")
                    }
                }
                Some((e, reference))
            }
            Err(panicked) => Some((
                Error::Internal(anyhow::anyhow!("{panicked}")),
                panicked.reference,
            )),
        };
        if let Some((e, reference)) = failed {
            // The answer to this event, given once: a refusal, or an apology that asks
            // the person to try again (a catch-up replaying it later, into whatever they
            // are doing by then, would do more harm than good).
            if let Some(event) = &event
                && let Err(err) = self.store.record_inbound_event(event).await
            {
                warn!("recording a handled event failed: {err:#}");
            }
            self.answer_directly(
                &inbound,
                &placement,
                e.user_facing(&reference),
                IdempotencyKey(format!("error-{reference}")),
                "an error",
            )
            .await;
        }
    }

    /// Answers a message where it was sent, straight through the platform rather than
    /// through a recorded step: for a message that changes nothing (an error, one held
    /// back by a rate limit). A failure is logged; `about` says what the answer was.
    async fn answer_directly(
        &self,
        inbound: &Inbound,
        placement: &Placement,
        text: String,
        key: IdempotencyKey,
        about: &str,
    ) {
        let message = OutMessage {
            placed: Some(placement.clone()),
            ..OutMessage::text(text)
        };
        let send = async {
            match &inbound.place {
                Place::Dm => self.ports.dm.send_dm(&inbound.from, &message, &key).await,
                Place::Room(room) => self.ports.rooms.post_in_room(room, &message, &key).await,
            }
        };
        if let Ok(Err(send_err)) =
            supervise::contained(&format!("telling a user about {about}"), send).await
        {
            warn!(user = %inbound.from, "could not tell the user about {about}: {send_err}")
        }
    }

    /// Whether the message goes over its sender's rate limits (see `flows::rate`): then it
    /// is not handled and changes nothing, but is recorded as handled (so a catch-up does
    /// not replay it) and answered: once a minute when it comes too fast (a flood is not
    /// answered with a flood), each time for an expensive command over its hourly limit.
    /// A report, and what is written while making one or answering a moderator's
    /// question, always gets through.
    async fn held_back(
        &self,
        inbound: &Inbound,
        reported: bool,
        event: Option<&EventRef>,
        placement: &Placement,
    ) -> bool {
        let limits = self.settings.limits;
        if limits == RateLimits::default() {
            return false;
        }
        let cost = flows::rate::cost(
            inbound,
            reported,
            &self.settings.room_prefix,
            self.coordinators_room(inbound.from.platform),
        );
        let now = self.now();
        let verdict = self.limiter.take(limits, &inbound.from, cost, now);
        if verdict == limits::Verdict::Go {
            return false;
        }
        // Read only now, for the few over a limit. When it cannot be read the message
        // goes on: it may be part of a report.
        let state = match self.store.load_conversation(&inbound.from).await {
            Ok(state) => state,
            Err(e) => {
                warn!("reading a conversation to check a rate limit failed: {e:#}");
                return false;
            }
        };
        if flows::rate::never_limited(&inbound.place, state.as_ref().map(|c| &c.state)) {
            return false;
        }
        info!(user = %inbound.from, ?verdict, "over a rate limit: the message is not handled");
        if let Some(event) = event {
            self.record_handled(event).await;
        }
        let text = match verdict {
            limits::Verdict::TooFast if self.limiter.tell_once(&inbound.from, now) => {
                "You're sending messages faster than I can keep up with. Please wait a minute and send your last message again.".to_string()
            }
            limits::Verdict::TooOften { max } => format!(
                "I can send this at most {} an hour; please try again later.",
                match max {
                    1 => "once".to_string(),
                    2 => "twice".to_string(),
                    n => format!("{n} times"),
                }
            ),
            _ => return true,
        };
        self.answer_directly(
            inbound,
            placement,
            text,
            IdempotencyKey(format!("limit-{}", unique_tag())),
            "a rate limit",
        )
        .await;
        true
    }

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
        let kept = OutMessage {
            choices: prompt.choices.clone(),
            pick: prompt.pick,
            prompt_ref: prompt.prompt_ref.clone(),
            ..OutMessage::default()
        };
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

    fn coordinators_room(&self, platform: Platform) -> Option<&RoomRef> {
        self.settings
            .coordinators_rooms
            .iter()
            .find(|r| r.platform == platform)
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
            coordinators_room: self.coordinators_room(user.platform),
            moderators_room: self
                .settings
                .moderators_rooms
                .iter()
                .find(|r| r.platform == user.platform),
            events_room: self
                .settings
                .events_rooms
                .iter()
                .find(|r| r.platform == user.platform),
            moderation: &self.settings.moderation,
            subject,
            people: &known.named,
            blocked_offers: &known.blocked_offers,
        }
    }

    /// Handles one message: decide, record, then act.
    pub async fn handle(&self, inbound: &Inbound) -> Result<()> {
        self.handle_with(inbound, None, None, &Placement::Top).await
    }

    async fn handle_with(
        &self,
        inbound: &Inbound,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<&EventRef>,
        placement: &Placement,
    ) -> Result<()> {
        let fetched;
        let inbound = if inbound.files.is_empty() {
            inbound
        } else {
            fetched = self.fetch_files(inbound).await?;
            &fetched
        };
        let user = &inbound.from;
        for attempt in 1..=MAX_ATTEMPTS {
            // Lost to another worker handling the same event (a redelivery): done.
            if attempt > 1
                && let Some(event) = event
                && self.store.inbound_event_seen(event).await?
            {
                return Ok(());
            }
            let now = self.clock.now();
            let conversation = self.store.load_conversation(user).await?;
            let mut known = self.known(user).await?;
            known.named = self.people_named_in(inbound).await?;
            let subject = match &reported {
                Some(r) => Subject::Reported(r.clone()),
                None => self.load_subject(inbound).await?,
            };
            let ctx = self.ctx(user, &known, &subject, now);
            let outcome = flows::handle(&ctx, conversation.as_ref().map(|c| &c.state), inbound);
            let typed_in = match &inbound.place {
                Place::Room(room) => Some((room, placement)),
                Place::Dm => None,
            };
            if self
                .commit_and_perform(user, conversation.as_ref(), outcome, now, typed_in, event)
                .await?
            {
                return Ok(());
            }
            debug!(user = %user, attempt, "state changed meanwhile; redoing the step");
            // A short, growing pause lets the other writer finish.
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up after {MAX_ATTEMPTS} conflicting attempts for {user}"
        )))
    }

    /// Fetches and holds the files of a DM whose conversation wants files (see
    /// [`flows::wants_files`]), marking what became of each for the flow to tell. A file the
    /// platform says is too large is not fetched; one that turns out too large, whose fetch
    /// fails, or whose hidden details cannot be removed (see `domain::evidence`) is not
    /// kept. At most the report's file limit is fetched per message.
    async fn fetch_files(&self, inbound: &Inbound) -> Result<Inbound> {
        let mut out = inbound.clone();
        if inbound.place != Place::Dm {
            return Ok(out);
        }
        let state = self.store.load_conversation(&inbound.from).await?;
        if !flows::wants_files(state.as_ref().map(|c| &c.state)) {
            return Ok(out);
        }
        let limits = self.settings.moderation.evidence;
        for file in out.files.iter_mut().take(limits.files as usize) {
            if file.size.is_some_and(|s| s > limits.max_bytes) {
                file.status = FileStatus::TooLarge {
                    limit: limits.max_bytes,
                };
                continue;
            }
            file.status = match self.ports.dm.fetch_file(file, limits.max_bytes).await {
                Ok(data) if data.len() as u64 > limits.max_bytes => FileStatus::TooLarge {
                    limit: limits.max_bytes,
                },
                Ok(data) => {
                    let mime = crate::domain::evidence::media_type(file.mime.as_deref(), &data);
                    match crate::domain::evidence::without_metadata(&mime, data) {
                        Ok(data) => FileStatus::Held(
                            self.store
                                .hold_file(
                                    &inbound.from,
                                    &file.name,
                                    &mime,
                                    &data,
                                    self.clock.now(),
                                )
                                .await?,
                        ),
                        Err(NotKept::Unreadable) => FileStatus::Uncleanable,
                        Err(NotKept::Unsupported) => FileStatus::Unsupported,
                    }
                }
                Err(PortError::TooLarge(limit)) => FileStatus::TooLarge { limit },
                // Not the person nor the error's text (which may hold the file's name):
                // nothing in the log ties a reporter to a file.
                Err(_) => {
                    warn!("fetching a file sent in a DM failed");
                    FileStatus::Failed
                }
            };
        }
        Ok(out)
    }

    /// Records a decided step (its writes, its acts in the outbox, and the platform event
    /// that caused it) and delivers its acts. `false` when it lost a race (or the event was
    /// handled meanwhile) and must be decided again on fresh data.
    /// `typed_in` is the room a command was typed in, and where in it (what the step posts
    /// there goes there; told of a long run's progress, and of a failure of what it asked
    /// for).
    async fn commit_and_perform(
        &self,
        user: &UserRef,
        read: Option<&StoredConversation>,
        outcome: Outcome,
        now: DateTime<Utc>,
        typed_in: Option<(&RoomRef, &Placement)>,
        event: Option<&EventRef>,
    ) -> Result<bool> {
        let progress = typed_in.map(|(room, _)| room);
        // Keys name neither the person nor the step's subject: a key is sent to the
        // platform, and a reporter's step must not be traceable to their case.
        let base = self.fresh_base("step");
        let committed = self
            .store
            .commit_step_with(
                user,
                read,
                &outcome.state,
                &outcome.effects,
                now,
                // Who asked is kept only for a command typed in a room (a moderator's
                // freeze, to tell them if it fails); a DM's sender is not stored here.
                Some(&Enqueue {
                    typed_in,
                    ..self.enqueue(&base, progress.map(|_| user), progress, now)
                }),
                event,
            )
            .await?;
        let CommitOutcome::Committed {
            new_events,
            acts,
            lanes,
            ..
        } = committed
        else {
            return Ok(false);
        };
        // People who may now have a prompt to answer: the sender (their conversation may
        // have ended) and anyone a prompt was queued for.
        let mut prompted: Vec<UserRef> = vec![user.clone()];
        for effect in &outcome.effects {
            match effect {
                Effect::AskApplicant { applicant, .. } => prompted.push(applicant.clone()),
                Effect::QueuePrompt { user, .. } => prompted.push(user.clone()),
                Effect::SendSurvey(round) => {
                    prompted.extend(round.recipients.iter().map(|(u, _)| u.clone()));
                }
                // The reporter is known only to storage; the app unseals them to deliver
                // the question, and nobody else sees who they are.
                Effect::AskReporter { case_id, .. } => {
                    if let Some(Some(reporter)) = follow_up(
                        "finding a reporter",
                        self.store.case_reporter(*case_id).await,
                    ) {
                        prompted.push(reporter);
                    }
                }
                _ => {}
            }
        }
        // Someone suspended, or no longer ready: their open offers are withdrawn now.
        let unready = outcome.effects.iter().any(|e| match e {
            Effect::Suspend { .. } => true,
            Effect::RecordDecision(d) => {
                d.from == crate::domain::ApplicationStatus::Ready
                    && d.to != crate::domain::ApplicationStatus::Ready
            }
            _ => false,
        });
        let replans: Vec<String> = outcome
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::Replan { programme } => Some(programme.clone()),
                _ => None,
            })
            .collect();
        let command_room = progress;
        let others = prompted
            .iter()
            .filter(|p| *p != user)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let sends = acts.iter().filter(|a| a.act.is_send()).count() + others;
        let every = self.settings.progress_every.max(1);
        let mut progress = typed_in
            .filter(|_| sends >= every)
            .map(|(room, placed)| Progress {
                room: room.clone(),
                placed: placed.clone(),
                key: base.clone(),
                total: sends,
                every,
                done: 0,
                failed: 0,
            });
        self.perform_local(&outcome.effects).await;
        let failed = self.dispatch(acts, &mut progress).await;
        self.surface(&failed, Some(user)).await;
        // Acts that waited their turn in these lanes (another step's behind these, or this
        // step's behind another's) are delivered now, not at the dispatcher's next round.
        let waiting = self
            .store
            .acts_waiting_in(&lanes)
            .await
            .unwrap_or_else(|e| {
                warn!("looking for acts waiting their turn failed: {e:#}");
                false
            });
        if waiting {
            follow_up("delivering acts that waited", self.dispatch_due().await);
        }
        // Follow-ups of a recorded step: a failure here must not tell the sender their
        // (already recorded) action failed, so it is logged. Queued prompts are tried again
        // on the person's next message.
        if !new_events.is_empty() {
            follow_up(
                "scheduling a new event",
                self.after_events_created(&new_events, command_room).await,
            );
        }
        if unready {
            follow_up(
                "withdrawing offers that cannot go ahead",
                // Boxed: the withdrawal is a step of its own, recorded through here.
                Box::pin(self.withdraw_blocked_offers()).await,
            );
        }
        for programme in replans {
            follow_up("proposing again", self.replan(&programme, user).await);
        }
        prompted.sort();
        prompted.dedup();
        for person in prompted {
            let delivered = follow_up(
                "starting a queued prompt",
                self.deliver_prompts(&person).await,
            );
            if person != *user {
                self.tick(&mut progress, delivered == Some(true)).await;
            }
        }
        if let Some(p) = &progress {
            self.report_progress(p).await;
        }
        Ok(true)
    }

    /// After an application is stored: its card goes to the coordinators, or, when the
    /// rules accepted it, its acknowledgement prompts are queued. Returns the applicant.
    async fn after_submit(
        &self,
        id: i64,
        base: &str,
        completes: (i64, &str),
    ) -> Result<Option<UserRef>> {
        let Some(record) = self.store.application(id).await? else {
            return Ok(None);
        };
        info!(application = id, applicant = %record.applicant, status = %record.summary.status, "application submitted");
        if record.summary.status.awaits_review()
            && self.coordinators_room(record.applicant.platform).is_none()
        {
            warn!(
                application = id,
                "no coordinators' room is configured for {}: nobody was told about this application",
                record.applicant.platform
            );
        }
        // A check kept under a legal hold from before an erasure is pointed out.
        let held = self.store.held_checks_of(&record.applicant).await?;
        self.system_step(id, Some((base, completes)), |ctx, programme, record| {
            let mut outcome = review::after_submit(ctx, programme, record);
            outcome
                .effects
                .extend(review::held_checks_note(ctx, record, &held));
            outcome
        })
        .await?;
        Ok(Some(record.applicant))
    }

    /// Tells the coordinators about direct messages that could not reach someone (DMs
    /// closed, left the server), other than `sender`, who is answered where they wrote. Only
    /// plain `SendDm` effects count: a reporter's messages go through the case, whose
    /// moderators are told instead, so a coordinator never learns who reported.
    async fn tell_unreachable(
        &self,
        failed: &[outbox::Failure],
        sender: Option<&UserRef>,
    ) -> Result<()> {
        let mut told: Vec<&UserRef> = Vec::new();
        for f in failed {
            let (Act::SendDm { to, .. }, PortError::Unreachable(_, why)) = (&f.act, &f.error)
            else {
                continue;
            };
            // A reporter's name must never reach the coordinators next to "could not be
            // reached".
            if self.store.has_pending_case_question(to).await? {
                continue;
            }
            if Some(to) == sender || told.contains(&to) {
                continue;
            }
            told.push(to);
            let now = self.clock.now();
            {
                let mut recent = self
                    .unreachable_told
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                recent.retain(|_, at| now - *at < chrono::Duration::hours(1));
                if recent.contains_key(to) {
                    continue;
                }
                recent.insert(to.clone(), now);
            }
            let text = format!(
                "I could not send a direct message to {to}: {why}. They may have left the server or closed their DMs; please reach them another way."
            );
            self.tell_coordinators(to.platform, "unreachable", text)
                .await?;
        }
        Ok(())
    }

    /// Posts a notice in the coordinators' room of `platform`, if there is one.
    async fn tell_coordinators(&self, platform: Platform, what: &str, text: String) -> Result<()> {
        let Some(room) = self.coordinators_room(platform).cloned() else {
            warn!("no coordinators' room on {platform} to tell: {text}");
            return Ok(());
        };
        // Through the outbox: delivered by a process serving that platform, retried.
        let failures = self
            .try_perform(
                &self.fresh_base(what),
                vec![Effect::PostInRoom {
                    room,
                    message: OutMessage::text(text).alert(),
                }],
            )
            .await?;
        match failures.into_iter().find(|f| f.retry_at.is_none()) {
            Some(f) => Err(Error::Internal(anyhow::anyhow!(
                "telling the coordinators: {}",
                f.error
            ))),
            None => Ok(()),
        }
    }

    /// Tells the coordinators when a pair room could not be made (a missing permission, a
    /// server limit): the match is recorded, so they can fix the cause and create it.
    async fn tell_pair_room_failures(&self, failed: &[outbox::Failure]) -> Result<()> {
        for f in failed {
            let (
                Act::CreatePairRoom {
                    match_id, members, ..
                },
                error,
            ) = (&f.act, &f.error)
            else {
                continue;
            };
            // Told on the first failure and the last, not on each try between.
            if !f.first && f.retry_at.is_some() {
                continue;
            }
            let trying = match f.retry_at {
                Some(_) => format!(
                    " I'll keep trying until {} UTC, and create it as soon as the cause is fixed.",
                    f.give_up_at.format("%Y-%m-%d %H:%M")
                ),
                None => " I have stopped trying.".to_string(),
            };
            let Some(platform) = members.first().map(|m| m.platform) else {
                continue;
            };
            let has_room = self
                .store
                .match_by_id(*match_id)
                .await?
                .is_some_and(|m| m.room.is_some());
            let text = if has_room {
                format!(
                    "The pair room for match #{match_id} was created, but setting it up failed: {error}. Please check the room and welcome the pair there.{trying}"
                )
            } else {
                format!(
                    "I could not create the pair room for match #{match_id}: {error}. The match is recorded without a room for now.{trying}"
                )
            };
            self.tell_coordinators(platform, "pair-room-failed", text)
                .await?;
        }
        Ok(())
    }

    /// Starts the oldest queued prompt for `user` if they have no conversation in progress.
    /// `false` when a prompt could not be delivered.
    async fn deliver_prompts(&self, user: &UserRef) -> Result<bool> {
        let mut delivered = true;
        // A prompt whose subject is gone starts nothing; try the next few.
        for _ in 0..5 {
            if self.store.load_conversation(user).await?.is_some() {
                return Ok(delivered);
            }
            let Some((prompt_id, prompt)) = self.store.next_prompt(user).await? else {
                return Ok(delivered);
            };
            let now = self.clock.now();
            let known = self.known(user).await?;
            let subject = Subject::Nothing;
            let ctx = self.ctx(user, &known, &subject, now);
            let outcome = flows::prompts::start(&ctx, &prompt);
            let state = match &outcome.state {
                StateChange::Set(s) => Some(s),
                _ => None,
            };
            let base = self.fresh_base(&format!("prompt-{prompt_id}"));
            let acts: Vec<Act> = outcome
                .effects
                .iter()
                .filter_map(Act::from_effect)
                .collect();
            let Some(held) = self
                .store
                .start_prompt(
                    user,
                    prompt_id,
                    state,
                    now,
                    &acts,
                    &self.enqueue(&base, None, None, now),
                )
                .await?
            else {
                return Ok(delivered);
            };
            self.perform_local(&outcome.effects).await;
            let failed = self.dispatch(held, &mut None).await;
            if let flows::Prompt::CaseQuestion { case_id, .. } = &prompt
                && failed
                    .iter()
                    .any(|f| matches!(f.error, PortError::Unreachable(..)))
            {
                // They will never see the question: free their conversation, and tell the
                // moderators.
                if let Some(read) = self.store.load_conversation(user).await? {
                    self.store
                        .commit_step(user, Some(&read), &StateChange::Clear, &[], now)
                        .await?;
                }
                self.reporter_unreachable(*case_id, "a question").await?;
                continue;
            }
            delivered &= failed.is_empty();
            // (A reporter's name never reaches the coordinators: see tell_unreachable.)
            self.surface(&failed, None).await;
            if state.is_some() {
                return Ok(delivered);
            }
        }
        Ok(delivered)
    }

    /// Time-driven screening work: expire checks whose date has passed, warn about those
    /// soon to expire, and remind people on waiting lists. Safe to run as often as wanted, by any number of processes (one
    /// at a time does it); returns how many things it did.
    pub async fn sweep(&self) -> Result<usize> {
        // One process sweeps at a time (several may share the database); its acts reach
        // other platforms through the outbox.
        let now = self.clock.now();
        if !self
            .store
            // Long enough for a sweep that delivers many reminders; what it decided is
            // written with its marks, so a second sweeper after it would find it done.
            .take_lease(
                "sweep",
                &self.worker,
                now,
                now + chrono::Duration::minutes(15),
            )
            .await?
        {
            debug!("another process is sweeping");
            return Ok(0);
        }
        let swept = self.sweep_held().await;
        if let Err(e) = self.store.release_lease("sweep", &self.worker).await {
            warn!("giving back the sweep's lease failed: {e:#}");
        }
        swept
    }

    async fn sweep_held(&self) -> Result<usize> {
        let mut done = 0;
        let today = self.clock.now().date_naive();
        for (id, step) in self.store.expired_checks(today).await? {
            if self
                .system_step(id, None, |ctx, programme, record| {
                    review::expire_check(ctx, programme, record, &step)
                })
                .await?
            {
                done += 1;
            }
        }
        // The longest lead time configured; each step's own is applied by the flow.
        let lead = self
            .programmes
            .iter()
            .flat_map(|p| p.roles.values())
            .flat_map(|r| r.screening.steps.iter())
            .map(|s| s.warn_days)
            .max()
            .unwrap_or(0);
        if lead > 0 {
            for (id, step) in self.store.checks_to_warn(today, lead).await? {
                if self
                    .system_step(id, None, |ctx, programme, record| {
                        review::warn_check(ctx, programme, record, &step)
                    })
                    .await?
                {
                    done += 1;
                }
            }
        }
        done += self.escalate_cases().await?;
        // Offers whose people stopped being ready since (a check lapsed today, a
        // suspension) are withdrawn, not left to be accepted.
        done += self.withdraw_blocked_offers().await?;
        // Finished acts are kept a week (what was delivered, for an operator's questions),
        // then deleted; their contents were forgotten when they finished.
        self.store
            .purge_finished_acts(self.clock.now() - chrono::Duration::days(7))
            .await?;
        self.store.purge_inbound_events(30).await?;
        // Safeguarding records kept after an erasure, whose time is up, are erased.
        done += self.store.end_expired_holds(self.clock.now()).await?;
        let stale = self.store.drop_stale_held_files(self.clock.now()).await?;
        if stale > 0 {
            info!(
                files = stale,
                "deleted evidence files held for reports never sent"
            );
        }
        done += self.check_silent_pairs().await?;
        done += self.remind_surveys().await?;
        for id in self.store.overdue_matches(self.clock.now()).await? {
            if self.expire_match(id).await? {
                done += 1;
            }
        }
        let waitlisted = self.store.waitlisted().await?;
        let now = self.clock.now();
        for (summary, reminded) in &waitlisted {
            let Some(programme) = self.programme(&summary.programme) else {
                continue;
            };
            let every = i64::from(programme.waitlist_reminder_days);
            let last = reminded.unwrap_or(summary.submitted_at);
            if every == 0 || (now - last).num_days() < every {
                continue;
            }
            let queue: Vec<i64> = waitlisted
                .iter()
                .filter(|(s, _)| s.programme == summary.programme && s.role == summary.role)
                .map(|(s, _)| s.id)
                .collect();
            let position = queue.iter().position(|i| *i == summary.id).unwrap_or(0) + 1;
            let total = queue.len();
            if self
                .system_step(summary.id, None, |_, programme, record| {
                    review::waitlist_reminder(programme, record, position, total)
                })
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }

    /// Runs a decision about one application that no message triggered, with the same
    /// record-then-act discipline and retries as a message.
    ///
    /// `follow_up` names the outbox act this step carries out, with its key: the step's
    /// acts are keyed from it and the act is marked done in the step's transaction, so the
    /// step is taken once however often the act is delivered.
    async fn system_step(
        &self,
        application_id: i64,
        follow_up: Option<(&str, (i64, &str))>,
        decide: impl Fn(&Ctx<'_>, &Programme, &ApplicationRecord) -> Outcome,
    ) -> Result<bool> {
        for attempt in 1..=MAX_ATTEMPTS {
            let Some(record) = self.store.application(application_id).await? else {
                return Ok(false);
            };
            let Some(programme) = self
                .programmes
                .iter()
                .find(|p| p.slug == record.summary.programme)
            else {
                return Ok(false);
            };
            let now = self.clock.now();
            let known = self.known(&record.applicant).await?;
            let subject = Subject::Nothing;
            let ctx = self.ctx(&record.applicant, &known, &subject, now);
            let outcome = decide(&ctx, programme, &record);
            if outcome.effects.is_empty() {
                return Ok(false);
            }
            let base = match follow_up {
                Some((key, _)) => key.to_string(),
                None => self.fresh_base(&format!("application-{application_id}")),
            };
            let mut enqueue = self.enqueue(&base, None, None, now);
            if let Some((_, (row, holder))) = follow_up {
                // Completed under the follow-up's own claim.
                enqueue.completes = Some(row);
                enqueue.worker = holder.to_string();
            }
            let committed = self
                .store
                .commit_step_with(
                    &record.applicant,
                    None,
                    &StateChange::Unchanged,
                    &outcome.effects,
                    now,
                    Some(&enqueue),
                    None,
                )
                .await?;
            match committed {
                CommitOutcome::Committed { acts, .. } => {
                    self.perform_local(&outcome.effects).await;
                    let failed = self.dispatch(acts, &mut None).await;
                    self.surface(&failed, None).await;
                    return Ok(true);
                }
                // Carried out already (an earlier delivery of the same follow-up).
                CommitOutcome::Duplicate => return Ok(false),
                CommitOutcome::Conflict => {}
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up after {MAX_ATTEMPTS} conflicting attempts on application {application_id}"
        )))
    }

    /// The fonts, loaded on first use (a few megabytes, so only when something is drawn).
    fn fonts(&self) -> Arc<crate::graphics::Fonts> {
        self.fonts
            .get_or_init(|| {
                let (fonts, missing) = crate::graphics::Fonts::load(&self.settings.fonts);
                for path in missing {
                    warn!(path = %path.display(), "a font for certificates and charts is missing");
                }
                Arc::new(fonts)
            })
            .clone()
    }

    /// Draws a chart off the async threads.
    async fn draw_chart(
        &self,
        sections: Vec<crate::domain::reporting::ChartSection>,
    ) -> std::result::Result<Vec<u8>, String> {
        let fonts = self.fonts();
        if fonts.is_empty() {
            return Err("no font could be loaded".into());
        }
        tokio::task::spawn_blocking(move || crate::graphics::chart::render(&fonts, &sections))
            .await
            .map_err(|e| e.to_string())?
    }

    /// Draws a person's certificate off the async threads: the PNG, or why not (a font
    /// missing for their name's script).
    pub(crate) async fn draw_certificate(
        &self,
        design: crate::domain::programme::CertificateDesign,
        text: crate::graphics::certificate::CertificateText,
    ) -> std::result::Result<Vec<u8>, String> {
        let fonts = self.fonts();
        let drawn = tokio::task::spawn_blocking(move || {
            crate::graphics::certificate::render(&fonts, &design, &text)
        })
        .await
        .map_err(|e| e.to_string())??;
        match drawn {
            (png, missing) if missing.is_empty() => Ok(png),
            (_, missing) => Err(format!(
                "no font has {}",
                missing.iter().collect::<String>()
            )),
        }
    }

    /// Counts one send (or one person's prompt) of a long run, and reports every so often.
    async fn tick(&self, progress: &mut Option<Progress>, ok: bool) {
        let Some(p) = progress else { return };
        p.done += 1;
        // People added after the count (a submitted application's applicant).
        p.total = p.total.max(p.done);
        p.failed += usize::from(!ok);
        if p.done % p.every == 0 && p.done < p.total {
            self.report_progress(p).await;
        }
    }

    async fn report_progress(&self, p: &Progress) {
        let problems = match p.failed {
            0 => String::new(),
            1 => " (1 could not be delivered; see the log)".into(),
            n => format!(" ({n} could not be delivered; see the log)"),
        };
        let text = if p.done < p.total {
            format!(
                "Working through {} messages and rooms: {} done so far{problems}.",
                p.total, p.done
            )
        } else {
            format!("All {} messages and rooms are done{problems}.", p.total)
        };
        let key = IdempotencyKey(format!("{}-progress-{}", p.key, p.done));
        let message = OutMessage {
            placed: Some(p.placed.clone()),
            ..OutMessage::text(text)
        };
        if let Err(e) = self.ports.rooms.post_in_room(&p.room, &message, &key).await {
            warn!(room = %p.room, "reporting progress failed: {e}");
        }
    }
}

/// A long run of sends (`match approve all` asks a whole cohort): the platform paces them
/// (rate limits), so it can take minutes, and the room it was asked in hears how it goes.
struct Progress {
    room: RoomRef,
    placed: Placement,
    key: String,
    total: usize,
    every: usize,
    done: usize,
    failed: usize,
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
