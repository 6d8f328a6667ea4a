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
//! ports.

mod clock;
mod events;
pub mod export;
mod limits;
mod milestones;
mod outbox;
pub mod ownership;
pub mod scheduler;
pub mod supervise;

use std::sync::Arc;
use std::time::Duration;

use tracing::{debug, error, info, warn};

pub use clock::{Clock, ManualClock, ShiftedClock, SystemClock};
pub use limits::RateLimits;
pub use outbox::Delivery;

use chrono::{DateTime, Utc};

use crate::domain::events::{EventRecord, Rsvp};
use crate::domain::evidence::NotKept;
use crate::domain::incident::Moderation;
use crate::domain::matches::MatchRecord;
use crate::domain::people::KnownPerson;
use crate::domain::{
    ApplicationRecord, ApplicationSummary, EventRef, Place, Platform, Programme, RoleKind, RoomRef,
    UserRef,
};
use crate::error::{Error, Reference, Result};
use crate::flows::acts::Act;
use crate::flows::review::{self, Needs};
use crate::flows::{
    self, Ctx, Effect, FileStatus, Inbound, OutMessage, Outcome, Placement, StateChange, Subject,
};
use crate::ports::{
    DirectMessenger, IdempotencyKey, PortError, PrivateRoomSpec, RoomMessenger, RoomProvisioner,
};
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

    /// Asks the platforms what the moderators and the escalation contact are called
    /// there (display names, nicknames) and adds those names to their aliases, so that a
    /// report naming one of them as people see them goes only to the escalation contact
    /// (see `flows::cases::keeper_for`). Only the platforms this process serves are asked;
    /// a person whose names cannot be learned keeps the configured ones, and the bot runs
    /// on. Returns how many names were added.
    ///
    /// Called once, before the app is served: its settings are then shared by every
    /// clone, so a moderator who takes a new name is known by it after a restart.
    pub async fn learn_staff_names(&mut self) -> usize {
        /// A platform that does not answer delays the start by this much per person.
        const PATIENCE: Duration = Duration::from_secs(15);
        let moderation = &self.settings.moderation;
        let mut staff: Vec<UserRef> = Vec::new();
        for person in moderation
            .moderators
            .iter()
            .chain(&moderation.escalation_contact)
        {
            let served = self.settings.platforms.is_empty()
                || self.settings.platforms.contains(&person.platform);
            if served && !staff.contains(person) {
                staff.push(person.clone());
            }
        }
        let mut learned = 0;
        for person in &staff {
            match tokio::time::timeout(PATIENCE, self.ports.dm.display_names(person)).await {
                Ok(Ok(names)) => {
                    // The names themselves stay out of the log: they identify people.
                    debug!(user = %person, "{} name(s) on the platform", names.len());
                    learned += self.settings.moderation.add_aliases(person, names);
                }
                Ok(Err(e)) => warn!(user = %person, "could not learn the names they go by: {e}"),
                Err(_) => warn!(
                    user = %person,
                    "could not learn the names they go by: no answer in {} s",
                    PATIENCE.as_secs()
                ),
            }
        }
        info!(
            people = staff.len(),
            "learned {learned} name(s) the moderation team goes by on the platform"
        );
        learned
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
        reported: flows::ReportedMessage,
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
        reported: Option<flows::ReportedMessage>,
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

    /// What the app knows about the sender before every step.
    async fn known(&self, user: &UserRef) -> Result<Known> {
        let matches = self.store.matches_of(user).await?;
        let mut blocked_offers = Vec::new();
        if matches
            .iter()
            .any(|m| m.status == crate::domain::matches::MatchStatus::Approved)
        {
            blocked_offers = self
                .store
                .pairs_that_cannot_go_ahead(self.clock.now(), None)
                .await?;
            blocked_offers.retain(|id| matches.iter().any(|m| m.id == *id));
        }
        Ok(Known {
            applications: self.store.applications_of(user).await?,
            matches,
            blocked_offers,
            reports: self
                .store
                .reports_since(user, self.clock.now() - chrono::Duration::hours(24))
                .await?,
            suspended: self.store.is_suspended(user, self.clock.now()).await?,
            surveys: self
                .store
                .open_survey_invites(user, self.clock.now())
                .await?,
            named: Vec::new(),
        })
    }

    /// The people a moderator's command names (`suspend`, `unsuspend`, `remove`, `case
    /// escalate` to one person), found among those Tandem knows.
    async fn people_named_in(&self, inbound: &Inbound) -> Result<Vec<KnownPerson>> {
        let flows::Content::Text(text) = &inbound.content else {
            return Ok(Vec::new());
        };
        let moderation = &self.settings.moderation;
        let prefixed = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix);
        // Moderators name people in their room; the escalation contact in their DM.
        let rest = match &inbound.place {
            Place::Room(_) if moderation.is_moderator(&inbound.from) => prefixed,
            Place::Dm if moderation.is_escalation_contact(&inbound.from) => {
                Some(prefixed.unwrap_or(text.as_str()))
            }
            _ => None,
        };
        let Some(rest) = rest else {
            return Ok(Vec::new());
        };
        use flows::actions::ActionCommand;
        use flows::cases::CaseCommand;
        let action = match &inbound.place {
            Place::Room(_) => flows::actions::parse(rest),
            Place::Dm => None,
        };
        let typed = match action {
            Some(Ok(
                ActionCommand::Suspend { who, .. }
                | ActionCommand::Unsuspend(who)
                | ActionCommand::Remove(who, _),
            )) => who,
            _ => match flows::cases::parse(rest) {
                Some(Ok(CaseCommand::Escalate(_, to))) if !to.contains(char::is_whitespace) => to,
                Some(Ok(CaseCommand::Concerns(_, who, _))) => who,
                _ => return Ok(Vec::new()),
            },
        };
        self.find_people(&typed, inbound.from.platform).await
    }

    /// Everyone Tandem knows whom `typed` may mean (see `domain::people`): applicants, the
    /// staff, and anyone suspended. Names prefer people on the typist's `platform`.
    pub async fn find_people(&self, typed: &str, platform: Platform) -> Result<Vec<KnownPerson>> {
        use crate::domain::people::{PersonRef, answers_to, parse_person};
        let mut all = self.store.applicants().await?;
        let m = &self.settings.moderation;
        let staff = m
            .moderators
            .iter()
            .chain(&m.on_call)
            .chain(&m.escalation_contact)
            .chain(self.programmes.iter().flat_map(|p| &p.coordinators));
        for user in staff {
            if !all.iter().any(|p| p.user == *user) {
                all.push(KnownPerson {
                    user: user.clone(),
                    name: None,
                    applications: Vec::new(),
                    rooms: Vec::new(),
                });
            }
        }
        let mut found = match parse_person(typed, platform) {
            PersonRef::User(user) => {
                let found: Vec<KnownPerson> = all.into_iter().filter(|p| p.user == user).collect();
                if found.is_empty() && self.store.is_suspended(&user, self.now()).await? {
                    vec![KnownPerson {
                        user,
                        name: None,
                        applications: Vec::new(),
                        rooms: Vec::new(),
                    }]
                } else {
                    found
                }
            }
            PersonRef::Application(n) => all
                .into_iter()
                .filter(|p| p.applications.contains(&n))
                .collect(),
            PersonRef::Name(name) => {
                let found: Vec<KnownPerson> =
                    all.into_iter().filter(|p| answers_to(p, &name)).collect();
                if found.iter().any(|p| p.user.platform == platform) {
                    found
                        .into_iter()
                        .filter(|p| p.user.platform == platform)
                        .collect()
                } else {
                    found
                }
            }
        };
        // Their pair rooms, for `remove <person> from <room>`.
        if let [one] = found.as_mut_slice() {
            one.rooms = self
                .store
                .matches_of(&one.user)
                .await?
                .into_iter()
                .filter(|m| m.status == crate::domain::matches::MatchStatus::Active)
                .filter_map(|m| m.room)
                .collect();
        }
        Ok(found)
    }

    /// A programme's ready participants and matches, for matching commands.
    async fn matching_subject(&self, programme: &str) -> Result<Subject> {
        Ok(Subject::Matching {
            mentees: self
                .not_suspended(
                    self.store
                        .ready_participants(programme, RoleKind::Mentee)
                        .await?,
                )
                .await?,
            mentors: self
                .not_suspended(
                    self.store
                        .ready_participants(programme, RoleKind::Mentor)
                        .await?,
                )
                .await?,
            matches: self.store.matches_in(programme).await?,
            applications: self.store.applications_in(&[programme.to_string()]).await?,
            programme: programme.to_string(),
        })
    }

    /// Leaves suspended people out of a matching pool.
    async fn not_suspended(
        &self,
        records: Vec<ApplicationRecord>,
    ) -> Result<Vec<ApplicationRecord>> {
        let now = self.clock.now();
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            if !self.store.is_suspended(&r.applicant, now).await? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Loads what a coordinator's or moderator's command needs.
    async fn load_subject(&self, inbound: &Inbound) -> Result<Subject> {
        if let Some(subject) = self.events_subject(inbound).await? {
            return Ok(subject);
        }
        if let Some(subject) = self.surveys_subject(inbound).await? {
            return Ok(subject);
        }
        if let (Place::Room(room), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && self.coordinators_room(room.platform) == Some(room)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::reporting::parse_export(rest)
        {
            let Ok(p) = flows::reporting::which(
                &self.programmes,
                &inbound.from,
                command.programme.as_deref(),
            ) else {
                return Ok(Subject::Nothing);
            };
            let what = match command.what.as_str() {
                "applications" => export::ExportWhat::Applications,
                "matches" => export::ExportWhat::Matches,
                "surveys" => export::ExportWhat::Surveys,
                _ => export::ExportWhat::Events,
            };
            let format = if command.json {
                crate::domain::export::Format::Json
            } else {
                crate::domain::export::Format::Csv
            };
            return Ok(Subject::Export(
                export::export(&self.store, p, what, format)
                    .await
                    .map_err(Error::Internal)?,
            ));
        }
        if let (Place::Dm, flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && flows::personal::parse(text) == Some(flows::personal::PersonalCommand::MyData)
        {
            return Ok(Subject::PersonalData(
                self.store.personal_data(&inbound.from, self.now()).await?,
            ));
        }
        if let (Place::Room(room), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && self.coordinators_room(room.platform) == Some(room)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(arg) = flows::reporting::parse(rest)
        {
            return Ok(
                match flows::reporting::which(&self.programmes, &inbound.from, arg.as_deref()) {
                    Ok(p) => self.report_subject(&p.slug).await?,
                    Err(_) => Subject::Nothing,
                },
            );
        }
        let moderation = &self.settings.moderation;
        let case_command = match (&inbound.place, &inbound.content) {
            (Place::Room(_), flows::Content::Text(text))
                if moderation.is_moderator(&inbound.from) =>
            {
                flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
                    .and_then(flows::cases::parse)
            }
            // The escalation contact works restricted cases by DM.
            (Place::Dm, flows::Content::Text(text))
                if moderation.is_escalation_contact(&inbound.from) =>
            {
                flows::cases::parse_dm(text, &self.settings.room_prefix)
            }
            _ => None,
        };
        if let Some(Ok(command)) = case_command {
            return Ok(match command.case() {
                Some(n) => Subject::Case(self.store.case(n).await?.map(Box::new)),
                None => Subject::Cases(self.store.cases().await?),
            });
        }
        if let (Place::Room(_), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(
                flows::actions::ActionCommand::Freeze(id)
                | flows::actions::ActionCommand::Unfreeze(id),
            )) = flows::actions::parse(rest)
        {
            return Ok(Subject::Pair(self.store.match_by_id(id).await?));
        }
        if let (Place::Room(_), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::closure::parse_room(rest)
        {
            return Ok(Subject::Pair(
                self.store.match_by_id(command.match_id).await?,
            ));
        }
        if let (Place::Room(_), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::pause::parse(rest)
        {
            return Ok(Subject::Pair(
                self.store.match_by_id(command.match_id()).await?,
            ));
        }
        if let Some(needs) =
            flows::pairing::needs(inbound, &self.programmes, &self.settings.room_prefix)
        {
            let programme = match needs {
                flows::pairing::Needs::Programme(slug) => Some(slug),
                flows::pairing::Needs::MatchOf(id) => {
                    self.store.match_by_id(id).await?.map(|m| m.programme)
                }
                flows::pairing::Needs::ApplicationOf(id) => self
                    .store
                    .application(id)
                    .await?
                    .map(|a| a.summary.programme),
            };
            return match programme {
                Some(slug) => self.matching_subject(&slug).await,
                None => Ok(Subject::Nothing),
            };
        }
        Ok(match review::needs(inbound, &self.settings.room_prefix) {
            Needs::Nothing => Subject::Nothing,
            Needs::Application(id) => match self.store.application(id).await? {
                Some(record) => {
                    // The applicant's matches on this application: a step that stops them
                    // being cleared names the pair it concerns.
                    let matches = self
                        .store
                        .matches_of(&record.applicant)
                        .await?
                        .into_iter()
                        .filter(|m| m.mentee_application == id || m.mentor_application == id)
                        .collect();
                    Subject::Application(Some(Box::new((record, matches))))
                }
                None => Subject::Application(None),
            },
            Needs::Overview => {
                let slugs: Vec<String> = self
                    .programmes
                    .iter()
                    .filter(|p| p.is_coordinator(&inbound.from))
                    .map(|p| p.slug.clone())
                    .collect();
                Subject::Overview(self.store.applications_in(&slugs).await?)
            }
        })
    }

    /// Handles one message: decide, record, then act.
    pub async fn handle(&self, inbound: &Inbound) -> Result<()> {
        self.handle_with(inbound, None, None, &Placement::Top).await
    }

    async fn handle_with(
        &self,
        inbound: &Inbound,
        reported: Option<flows::ReportedMessage>,
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

    /// Posts a case's files in the moderators' room (or by DM to the moderator), one
    /// message each under its neutral name. A file the platform will not take is said in
    /// its place, and the rest go on.
    async fn show_evidence(
        &self,
        key: &IdempotencyKey,
        case_id: i64,
        room: Option<&RoomRef>,
        placed: &Option<Placement>,
        moderator: &UserRef,
    ) -> std::result::Result<(), PortError> {
        let post = |message: OutMessage, key: IdempotencyKey| async move {
            match room {
                Some(room) => {
                    let message = OutMessage {
                        placed: placed.clone(),
                        ..message
                    };
                    self.post(room, &message, &key).await
                }
                None => self.send_dm(moderator, &message, &key).await,
            }
        };
        let other = |e: Error| PortError::Other(anyhow::anyhow!("{e}"));
        let files = self.store.case_files(case_id).await.map_err(other)?;
        let total = files.len();
        for (i, file) in files.iter().enumerate() {
            let number = i + 1;
            let data = self
                .store
                .evidence_data(case_id, file.id)
                .await
                .map_err(other)?;
            let message = OutMessage {
                attachment: Some(flows::Attachment {
                    name: file.shown_name(case_id, number),
                    mime: file.mime.clone(),
                    data,
                }),
                ..OutMessage::text(format!(
                    "Case #{case_id} · file {number} of {total} · {} · {}",
                    file.mime,
                    crate::domain::text::file_size(file.size)
                ))
            };
            let file_key = IdempotencyKey(format!("{}-f{number}", key.0));
            if let Err(e) = post(message, file_key).await {
                warn!(
                    case = case_id,
                    file = number,
                    "posting an evidence file failed: {e}"
                );
                let note = OutMessage::text(format!(
                    "Case #{case_id}: file {number} ({}) could not be posted: the platform refused it (perhaps for its size). It stays with the case.",
                    file.describe()
                ));
                let note_key = IdempotencyKey(format!("{}-f{number}-failed", key.0));
                post(note, note_key).await?;
            }
        }
        Ok(())
    }

    /// A programme's records and answers, for its report.
    pub async fn report_subject(&self, programme: &str) -> Result<Subject> {
        let mut surveys = Vec::new();
        if let Some(p) = self.programme(programme) {
            for s in &p.surveys {
                surveys.push((
                    s.id.clone(),
                    self.store.survey_responses(programme, &s.id).await?,
                    self.store.survey_invited(programme, &s.id).await?,
                ));
            }
        }
        Ok(Subject::Report {
            applications: self.store.applications_in(&[programme.to_string()]).await?,
            matches: self.store.matches_in(programme).await?,
            check_ins: self.store.check_in_answers(programme).await?,
            surveys,
        })
    }

    /// What a coordinator's survey command needs.
    async fn surveys_subject(&self, inbound: &Inbound) -> Result<Option<Subject>> {
        let (Place::Room(_), flows::Content::Text(text)) = (&inbound.place, &inbound.content)
        else {
            return Ok(None);
        };
        let Some(Ok(command)) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            .and_then(flows::survey::parse)
        else {
            return Ok(None);
        };
        let found = command
            .survey()
            .and_then(|name| flows::survey::find(&self.programmes, &inbound.from, name).ok());
        Ok(Some(match (command, found) {
            (flows::survey::SurveyCommand::List, _) => {
                Subject::SurveyStats(self.store.survey_stats(self.now()).await?)
            }
            (_, None) => Subject::Nothing,
            // Nothing is loaded for someone who does not coordinate the programme: the
            // flow refuses them.
            (_, Some((p, _))) if !p.is_coordinator(&inbound.from) => Subject::Nothing,
            (flows::survey::SurveyCommand::Send { .. }, Some((p, s))) => Subject::SurveySend {
                applications: self
                    .store
                    .applications_in(std::slice::from_ref(&p.slug))
                    .await?,
                matches: self.store.matches_in(&p.slug).await?,
                open: self.store.open_invitees(&p.slug, &s.id, self.now()).await?,
            },
            (flows::survey::SurveyCommand::Results { .. }, Some((p, s))) => {
                Subject::SurveyResults {
                    responses: self.store.survey_responses(&p.slug, &s.id).await?,
                    invited: self.store.survey_invited(&p.slug, &s.id).await?,
                }
            }
        }))
    }

    /// What an events command or an RSVP needs: the session with its answers, or the
    /// upcoming sessions.
    async fn events_subject(&self, inbound: &Inbound) -> Result<Option<Subject>> {
        let command = match (&inbound.place, &inbound.content) {
            (_, flows::Content::Picked { .. }) => flows::events::picked(&inbound.content)
                .map(|(n, a)| flows::events::EventCommand::Rsvp(n, a.unwrap_or(Rsvp::Maybe))),
            (Place::Room(_), flows::Content::Text(text)) => {
                flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
                    .and_then(flows::events::parse)
                    .and_then(|c| c.ok())
            }
            (Place::Dm, flows::Content::Text(text)) => {
                flows::events::parse(text).and_then(|c| c.ok())
            }
        };
        let Some(command) = command else {
            return Ok(None);
        };
        let with_answers = |e: EventRecord| async move {
            let rsvps = self.store.rsvps(e.id).await?;
            Ok::<_, Error>((e, rsvps))
        };
        Ok(Some(match command.event() {
            Some(n) => Subject::Event(match self.store.event(n).await? {
                Some(e) => Some(Box::new(with_answers(e).await?)),
                None => None,
            }),
            None if matches!(command, flows::events::EventCommand::List) => {
                let mut list = Vec::new();
                for e in self.store.upcoming_events(self.now(), 20).await? {
                    list.push(with_answers(e).await?);
                }
                Subject::Events(list)
            }
            None => Subject::Nothing,
        }))
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

    /// After a report is stored: the reporter's case number, the moderators' card and, for
    /// safeguarding, the on-call ping.
    /// Its acts are keyed from `base` (the announcing act's key): announcing again after
    /// a crash sends nothing twice.
    async fn after_report(&self, id: i64, base: &str) -> Result<Vec<outbox::Failure>> {
        let Some((case, _)) = self.store.case(id).await? else {
            return Ok(Vec::new());
        };
        let Some(reporter) = self.store.case_reporter(id).await? else {
            return Ok(Vec::new());
        };
        let reporter = &reporter;
        info!(
            case = id,
            severity = case.severity.as_str(),
            "case reported"
        );
        let known = Known::default();
        let subject = Subject::Nothing;
        let ctx = self.ctx(reporter, &known, &subject, self.clock.now());
        let effects = flows::cases::after_report(&ctx, &case);
        // An error (the outbox not reached) fails the announcing act, which is tried
        // again: the card and the on-call ping must not be lost.
        self.try_perform(base, effects).await
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

    /// A match with its pair room, if it has one.
    async fn pair_room_of(
        &self,
        match_id: i64,
    ) -> std::result::Result<Option<(MatchRecord, RoomRef)>, PortError> {
        let m = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("reading match {match_id}: {e}")))?;
        Ok(m.and_then(|m| {
            let room = RoomRef::new(m.mentee.platform, m.room.clone()?);
            Some((m, room))
        }))
    }

    /// Reads a pair room's history and sends it to a member as a text file.
    async fn send_transcript(
        &self,
        key: &IdempotencyKey,
        to: &UserRef,
        match_id: i64,
    ) -> std::result::Result<(), PortError> {
        let Some((m, room)) = self.pair_room_of(match_id).await? else {
            return Ok(());
        };
        let message = match self.ports.provisioner.room_history(&room, 5000).await {
            Ok(lines) => {
                let mut text = format!(
                    "Transcript of the pair room of {} and {} (match #{}), {} message{}, times in UTC.\n\n",
                    m.mentee_name,
                    m.mentor_name,
                    m.id,
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" }
                );
                for l in &lines {
                    text.push_str(&format!(
                        "[{}] {}: {}\n",
                        l.at.format("%Y-%m-%d %H:%M"),
                        l.author,
                        l.text
                    ));
                }
                OutMessage {
                    attachment: Some(flows::Attachment {
                        name: format!("transcript-match-{}.txt", m.id),
                        mime: "text/plain; charset=utf-8".into(),
                        data: text.into_bytes(),
                    }),
                    ..OutMessage::text(format!(
                        "Here is the transcript of your pair room ({} message{}). Please keep it private: it is your conversation with {}.",
                        lines.len(),
                        if lines.len() == 1 { "" } else { "s" },
                        if m.mentee == *to {
                            &m.mentor_name
                        } else {
                            &m.mentee_name
                        }
                    ))
                }
            }
            Err(e) => {
                warn!(match_id, "reading a pair room's history failed: {e}");
                OutMessage::text(format!(
                    "Sorry, I couldn't read your pair room's history ({e}). Please try again later, or ask the coordinators."
                ))
            }
        };
        self.send_dm(to, &message, key).await
    }

    /// Posts a final notice in a match's pair room and archives it (read-only).
    async fn archive_pair_room(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        notice: &str,
    ) -> std::result::Result<(), PortError> {
        let Some((_, room)) = self.pair_room_of(match_id).await? else {
            return Ok(());
        };
        self.ports
            .rooms
            .post_in_room(
                &room,
                &OutMessage::text(notice),
                &IdempotencyKey(format!("{}-notice", key.0)),
            )
            .await?;
        self.ports.provisioner.archive_room(&room, key).await
    }

    /// Makes a frozen pair's room read-only (or writable again).
    async fn set_pair_room_read_only(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        read_only: bool,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let m = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| anyhow::anyhow!("loading match {match_id}: {e}"))?;
        match m.and_then(|m| m.room.map(|r| RoomRef::new(m.mentee.platform, r))) {
            Some(room) => {
                self.ports
                    .provisioner
                    .set_read_only(&room, read_only, key)
                    .await
            }
            None => Ok(()),
        }
    }

    /// Removes a suspended person from the rooms of their active matches.
    async fn remove_from_pair_rooms(
        &self,
        key: &IdempotencyKey,
        user: &UserRef,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let matches = self
            .store
            .matches_of(user)
            .await
            .map_err(|e| anyhow::anyhow!("loading the matches of a suspended person: {e}"))?;
        for m in matches {
            if m.status == crate::domain::matches::MatchStatus::Active
                && let Some(room) = m.room
            {
                let room = RoomRef::new(user.platform, room);
                self.ports
                    .provisioner
                    .remove_member(&room, user, key)
                    .await?;
            }
        }
        Ok(())
    }

    /// Posts the cards of newly stored proposals to the coordinators' room.
    async fn post_proposals(
        &self,
        platform: Platform,
        ids: &[i64],
        base: &str,
    ) -> Result<Vec<outbox::Failure>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut new: Vec<MatchRecord> = Vec::new();
        for id in ids {
            if let Some(m) = self.store.match_by_id(*id).await? {
                new.push(m);
            }
        }
        let Some(room) = self.coordinators_room(platform).cloned() else {
            warn!(
                "no coordinators' room is configured for {platform}: new proposals were not posted"
            );
            return Ok(Vec::new());
        };
        let known = Known::default();
        let subject = Subject::Nothing;
        let someone = new[0].mentee.clone();
        let ctx = self.ctx(&someone, &known, &subject, self.clock.now());
        let text = flows::pairing::proposals_text(&ctx, &new);
        self.try_perform(
            base,
            vec![Effect::PostInRoom {
                room,
                message: OutMessage::text(text),
            }],
        )
        .await
    }

    /// Proposes the next best matches of a programme after a decline, rejection or
    /// expiry. `someone` (a person involved) decides which platform's room hears of it.
    async fn replan(&self, programme: &str, someone: &UserRef) -> Result<()> {
        let Some(p) = self.programme(programme) else {
            return Ok(());
        };
        for attempt in 1..=MAX_ATTEMPTS {
            let subject = self.matching_subject(programme).await?;
            let known = Known::default();
            let now = self.clock.now();
            let ctx = self.ctx(someone, &known, &subject, now);
            let outcome = flows::pairing::replan(&ctx, p);
            if outcome.effects.is_empty() {
                return Ok(());
            }
            // The new proposals' cards are a follow-up act of the step.
            let base = self.fresh_base("replan");
            let committed = self
                .store
                .commit_step_with(
                    someone,
                    None,
                    &StateChange::Unchanged,
                    &outcome.effects,
                    now,
                    Some(&self.enqueue(&base, None, None, now)),
                    None,
                )
                .await?;
            if let CommitOutcome::Committed { acts, .. } = committed {
                self.perform_local(&outcome.effects).await;
                let failed = self.dispatch(acts, &mut None).await;
                self.surface(&failed, None).await;
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Ok(())
    }

    /// Pings on-call again for urgent cases nobody has claimed (see `cases::escalate`).
    async fn escalate_cases(&self) -> Result<usize> {
        let moderation = &self.settings.moderation;
        // Any member of staff: a restricted case reminds the escalation contact even where
        // nobody is on call.
        let Some(someone) = moderation
            .on_call
            .first()
            .or(moderation.moderators.first())
            .or(moderation.escalation_contact.as_ref())
        else {
            return Ok(0);
        };
        if moderation.escalate_after_minutes == 0 {
            return Ok(0);
        }
        let mut done = 0;
        for case in self.store.cases().await? {
            if case.status != crate::domain::incident::CaseStatus::Open
                || case.severity == crate::domain::incident::Severity::Normal
            {
                continue;
            }
            let Some((case, events)) = self.store.case(case.id).await? else {
                continue;
            };
            let now = self.clock.now();
            let known = Known::default();
            let subject = Subject::Nothing;
            let ctx = self.ctx(someone, &known, &subject, now);
            let effects = flows::cases::escalate(&ctx, &case, &events);
            if effects.is_empty() {
                continue;
            }
            let outcome = Outcome {
                state: StateChange::Unchanged,
                effects,
            };
            if self
                .commit_and_perform(someone, None, outcome, now, None, None)
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }

    /// An approved match whose deadline passed: it lapses (see `pairing::expire`).
    async fn expire_match(&self, id: i64) -> Result<bool> {
        self.match_step(id, flows::pairing::expire).await
    }

    /// Withdraws every open offer that can no longer go ahead (someone in it was
    /// suspended, or is no longer ready to be matched): see `pairing::withdraw_blocked`.
    async fn withdraw_blocked_offers(&self) -> Result<usize> {
        let mut done = 0;
        for id in self
            .store
            .pairs_that_cannot_go_ahead(self.clock.now(), None)
            .await?
        {
            let withdrawn = self
                .match_step(id, |ctx, m| Outcome {
                    state: StateChange::Unchanged,
                    effects: flows::pairing::withdraw_blocked(ctx, m),
                })
                .await?;
            done += usize::from(withdrawn);
        }
        Ok(done)
    }

    /// A system step about match `id`, decided by `decide` (as its mentee, who is not
    /// told anything by it unless `decide` says so); `false` if it decided nothing.
    async fn match_step(
        &self,
        id: i64,
        decide: impl Fn(&Ctx<'_>, &crate::domain::matches::MatchRecord) -> Outcome,
    ) -> Result<bool> {
        for attempt in 1..=MAX_ATTEMPTS {
            let Some(m) = self.store.match_by_id(id).await? else {
                return Ok(false);
            };
            let now = self.clock.now();
            let known = Known::default();
            let subject = Subject::Nothing;
            let ctx = self.ctx(&m.mentee, &known, &subject, now);
            let outcome = decide(&ctx, &m);
            if outcome.effects.is_empty() {
                return Ok(false);
            }
            if self
                .commit_and_perform(&m.mentee, None, outcome, now, None, None)
                .await?
            {
                return Ok(true);
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Ok(false)
    }

    /// The room a group already has: an active match of the same mentor in the same
    /// programme with a room.
    async fn group_room(&self, match_id: i64, mentor_app: i64) -> Result<Option<String>> {
        let Some(this) = self.store.match_by_id(match_id).await? else {
            return Ok(None);
        };
        let all = self.store.matches_in(&this.programme).await?;
        Ok(all
            .into_iter()
            .find(|o| {
                o.id != match_id
                    && o.mentor_application == mentor_app
                    && o.status == crate::domain::matches::MatchStatus::Active
            })
            .and_then(|o| o.room))
    }

    /// Creates a pair room (or, for a group, adds the mentee to the room the group already
    /// has), remembers it on the match, and posts the kickoff in it.
    async fn create_pair_room(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        spec: PrivateRoomSpec,
        kickoff: &OutMessage,
        group_of: Option<i64>,
    ) -> std::result::Result<(), crate::ports::PortError> {
        // Made on an earlier try (whose kickoff then failed, or whose process died before
        // recording the act done): never a second room for the same match.
        let made = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| anyhow::anyhow!("looking up match {match_id}: {e}"))?
            .and_then(|m| m.room);
        // The last check before two people are put in a room together: nobody suspended,
        // nobody whose screening lapsed since they accepted.
        if made.is_none()
            && !self
                .store
                .pairs_that_cannot_go_ahead(self.now(), Some(match_id))
                .await
                .map_err(|e| anyhow::anyhow!("checking match {match_id}: {e}"))?
                .is_empty()
        {
            warn!(
                match_id,
                "not making a pair room: one of the two is no longer ready"
            );
            if let Some(room) = self.coordinators_room(spec.members[0].platform) {
                let note = OutMessage::text(format!(
                    "Match #{match_id} ({}) was not given a pair room: one of the two is no longer ready to be matched (suspended, or a screening step lapsed). Please decide what happens next (for example close match {match_id} <reason>).",
                    spec.name
                ))
                .alert();
                self.post(room, &note, &IdempotencyKey(format!("{}-held", key.0)))
                    .await?;
            }
            return Ok(());
        }
        let existing = match (made.is_some(), group_of) {
            (true, _) => None,
            (false, Some(mentor_app)) => self
                .group_room(match_id, mentor_app)
                .await
                .map_err(|e| anyhow::anyhow!("looking up the group's room: {e}"))?,
            (false, None) => None,
        };
        let room = match (made, existing) {
            (Some(id), _) => RoomRef::new(spec.members[0].platform, id),
            (None, Some(id)) => {
                let room = RoomRef::new(spec.members[0].platform, id);
                for member in &spec.members {
                    self.ports.provisioner.invite(&room, member, key).await?;
                }
                room
            }
            (None, None) => {
                self.ports
                    .provisioner
                    .create_private_room(&spec, key)
                    .await?
            }
        };
        // Not remembered, the next try would make another room: an error, tried again.
        self.store
            .set_match_room(match_id, &room.id)
            .await
            .map_err(|e| anyhow::anyhow!("remembering the pair room {room}: {e}"))?;
        let kickoff_key = IdempotencyKey(format!("{}-kickoff", key.0));
        self.ports
            .rooms
            .post_in_room(&room, kickoff, &kickoff_key)
            .await?;
        // A failure here is repaired by the next sweep (the plan is marked when done).
        follow_up(
            "scheduling the milestones",
            self.schedule_milestones(match_id).await,
        );
        Ok(())
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

    /// A case's reporter could not be reached (they left the server, or block DMs): the
    /// case says so, and whoever works it hears of it (the moderators, or the escalation
    /// contact for a restricted case).
    async fn reporter_unreachable(&self, case_id: i64, what: &str) -> Result<()> {
        let effects = vec![Effect::CaseEvent {
            case_id,
            actor: "tandem".into(),
            kind: "unreachable".into(),
            detail: format!("{what} could not be delivered to the reporter"),
        }];
        let Some(someone) = self.settings.moderation.moderators.first().cloned() else {
            return Ok(());
        };
        let now = self.clock.now();
        let committed = self
            .store
            .commit_step(&someone, None, &StateChange::Unchanged, &effects, now)
            .await?;
        let Some((case, _)) = self.store.case(case_id).await? else {
            return Ok(());
        };
        let (known, subject) = (Known::default(), Subject::Nothing);
        let ctx = self.ctx(&someone, &known, &subject, now);
        let notice = flows::cases::to_keeper(
            &ctx,
            flows::cases::keeper(&ctx, &case),
            OutMessage::text(format!(
                "Case #{case_id}: {what} could not be delivered to the reporter; they may have left the server or closed their DMs."
            )),
        );
        if committed.is_committed()
            && let Some(notice) = notice
        {
            self.perform(
                &self.fresh_base(&format!("case-{case_id}-unreachable")),
                vec![notice],
            )
            .await;
        }
        Ok(())
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
