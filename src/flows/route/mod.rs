//! The command registry: what a message is, decided once.
//!
//! Every message is read here, once, before anything is loaded: [`route`] strips the room
//! prefix and tries each stage's grammar in one fixed order, and returns a [`Route`]: what
//! the message is, already parsed. From the same route the app learns what to load
//! ([`Route::needs`], [`Route::named_person`]) and what the message costs against the rate
//! limits ([`Route::cost`]); the pure core decides on it (`flows::decide`), sending it to
//! the stage that handles it; and the permission matrix reads who may run it
//! ([`Route::privileged`], with `permissions::allowed`).
//!
//! Each stage keeps its own grammar (`review::parse`, `cases::parse`, ...) and handler; this
//! file is the one place that says which grammar gets a message, so no command is parsed
//! anywhere else. Inside an open flow, the words that answer it (`back`, `skip`, a number)
//! are that flow's own (see `flows::form`).
//!
//! To add a command: its grammar in its stage's module (`parse` returning
//! `Option<Result<Command, usage>>`), a variant of [`Dm`] or [`Room`] and its line in
//! [`route`] or `ROOM_GRAMMARS` (order matters: the first grammar that recognises a
//! message has it), what it needs loaded in `needs.rs` (a [`Needs`] variant, loaded by
//! `app::subject`), its class in `class.rs` if it acts for a programme or on other people,
//! and its handling in `flows::decide`. Every `match` on a route is exhaustive: the build
//! points at each place that must learn the new command.

use crate::chat::{Content, Inbound};
use crate::domain::events::Rsvp;
use crate::domain::incident::Moderation;
use crate::domain::text::char_len;
use crate::domain::{Place, Programme, RoomRef, UserRef};

use super::actions::{self, ActionCommand};
use super::agreement::{self, AgreementCommand};
use super::announce::{self, AnnounceCommand};
use super::assist::{self, AssistCommand};
use super::broadcast::{self, BroadcastCommand};
use super::cases::{self, CaseCommand};
use super::choice::{self, ChoiceCommand};
use super::closure::{self, CloseCommand};
use super::command::{self, Command};
use super::events::{self, EventCommand};
use super::figures::{self, ExportCommand};
use super::link::{self, LinkCommand};
use super::meetings::{self, MeetCommand};
use super::pairing::{self, PairingCommand};
use super::pause::{self, PauseCommand};
use super::permissions::Privileged;
use super::personal::{self, PersonalCommand};
use super::rate::Cost;
use super::review::{self, ReviewCommand};
use super::roster::{self, RosterCommand};
use super::safety::{self as flags, FlagCommand};
use super::support::{self, SupportCommand};
use super::survey::{self, SurveyCommand};
use super::team::{self, TeamCommand};
use super::{report, resources, starters, strip_prefix_ci};

mod class;
mod needs;

use class::{case_class, room_class};
pub use needs::Needs;
use needs::{case_needs, room_needs};

/// What routing needs to know of the deployment and the sender's platform.
#[derive(Debug, Clone, Copy)]
pub struct Router<'a> {
    /// The room prefix (`!tandem`).
    pub prefix: &'a str,
    pub moderation: &'a Moderation,
    /// Which rooms are the staff's (see `domain::rooms`).
    pub rooms: &'a crate::domain::rooms::Rooms,
    pub max_message_chars: usize,
}

/// What a message is.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// Longer than the deployment takes: refused, whatever it says (its length).
    TooLong(usize),
    /// `report message <link>` in a DM, as a platform's "report message" sends it: a report
    /// with that message as evidence.
    ReportMessage(String),
    /// An RSVP button or reaction, wherever it was pressed: the session and the answer.
    Rsvp(i64, Option<Rsvp>),
    /// A direct message.
    Dm(Dm),
    /// A message in a shared room. `coordinators`: the room is the coordinators' room.
    Room {
        room: RoomRef,
        coordinators: bool,
        command: Room,
    },
}

/// A direct message, read as if nothing were open (a flow that is open sees the same
/// route: an escaping command, or an answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Dm {
    /// A button or reaction that is not an RSVP: an answer to a prompt.
    Picked,
    /// `survey` or `surveys`: the surveys waiting for the person.
    Surveys,
    /// `close match [number] [reason]`: the match, if given, and the reason.
    Close(Option<i64>, String),
    /// `my data`, `delete my data`.
    Personal(PersonalCommand),
    /// `link`, `link <code>`, `unlink`: one person's Matrix and Discord accounts as one.
    Link(Result<LinkCommand, String>),
    /// `ask the team <text>`: the question, or the usage without one.
    AskTeam(Result<String, crate::i18n::Text>),
    /// `transcript [match]`: one's own pair room's history.
    Transcript(Option<i64>),
    /// A case command from the escalation contact, who works restricted cases here.
    Case(Result<CaseCommand, crate::i18n::Text>),
    /// `rsvp <n> yes|no|maybe`.
    Rsvp(i64, Rsvp),
    /// `rsvp` mistyped: the usage.
    RsvpUsage(crate::i18n::Text),
    /// Another events command: it works in the coordinators' room.
    EventsElsewhere,
    /// A coordinators' command: it works in their room.
    CoordinatorsElsewhere,
    /// One of the commands everyone has (`help`, `apply`, `status`, `report`, ...).
    Command(Command),
    /// `profile …`, `browse …` or `request …`: mentees choosing their mentor.
    Choice(Result<ChoiceCommand, crate::i18n::Text>),
    /// `availability …` (one's own week); `meet …` and `met …`, which work in the pair room.
    Meeting(Result<MeetCommand, crate::i18n::Text>),
    /// `idea`, `agreement` or `agree`: they work in the pair room (the word typed).
    PairRoomOnly(String),
    /// `accept` or `decline` typed out: an answer to a match offer inside one; outside one,
    /// an answer to an offer that ended meanwhile.
    OfferAnswer,
    /// Anything else: an answer inside a flow, an unknown command outside one.
    Other,
}

impl Dm {
    /// The command everyone has that the message reads as, if any: what an open flow's
    /// step reads (`back`, `skip`, `cancel`, `status`, ...) without parsing it again.
    pub fn command(&self) -> Option<&Command> {
        match self {
            Dm::Command(command) => Some(command),
            _ => None,
        }
    }
}

/// A message in a shared room.
#[derive(Debug, Clone, PartialEq)]
pub enum Room {
    /// Not for the bot: no prefix, or not text (talk in a pair room).
    NotForBot,
    /// The prefix alone.
    Help,
    /// `help <command>`: the words asked about.
    HelpOn(String),
    /// `cancel` alone: a moderation action waiting for confirmation is cancelled, if there
    /// is one; otherwise it is the `cancel` everyone has.
    Cancel,
    /// A moderation action (`freeze pair`, `suspend`, `confirm`, ...).
    Action(Result<ActionCommand, crate::i18n::Text>),
    /// A case command (`cases`, `case claim 3`, ...).
    Case(Result<CaseCommand, crate::i18n::Text>),
    /// An events command.
    Event(Result<EventCommand, crate::i18n::Text>),
    /// `close match …`: as a coordinator's command (`room`), and as a participant's
    /// request about their own match (`own`: the number, if given, and the reason).
    Close {
        room: Result<CloseCommand, crate::i18n::Text>,
        own: (Option<i64>, String),
    },
    /// A survey command.
    Survey(Result<SurveyCommand, crate::i18n::Text>),
    /// `report [programme]` in the coordinators' room: the programme's figures.
    Figures(Option<String>),
    /// `announce apply <room> [programme]`: a programme's Apply card in a room.
    Announce(Result<AnnounceCommand, crate::i18n::Text>),
    /// `assist apply [programme]`, `assist code <application>`: an application entered for
    /// someone without a chat account.
    Assist(Result<AssistCommand, crate::i18n::Text>),
    /// `broadcast [programme] <audience> <text>`: an announcement by DM.
    Broadcast(Result<BroadcastCommand, crate::i18n::Text>),
    /// `resources [programme]` in the coordinators' room: who read the programme's
    /// resources.
    Resources(Option<String>),
    /// `export …`.
    Export(Result<ExportCommand, crate::i18n::Text>),
    /// `outcomes [programme]` in the coordinators' room: outcomes after closure.
    Outcomes(Option<String>),
    /// `report` anywhere else: an incident report, made in the DM.
    Report,
    /// A screening command (`queue`, `approve 3`, ...).
    Review(Result<ReviewCommand, crate::i18n::Text>),
    /// A matching command (`match propose`, ...).
    Pairing(Result<PairingCommand, crate::i18n::Text>),
    /// A coordinators' list (`matches`, `match show`, `who`).
    Roster(Result<RosterCommand, crate::i18n::Text>),
    /// `pause`, `resume` or `message` a match.
    Pause(Result<PauseCommand, crate::i18n::Text>),
    /// Staff check-ins (`checkins`, `checkin M3 …`).
    Support(Result<SupportCommand, crate::i18n::Text>),
    /// `idea`: something for a pair to talk about, in their pair room.
    Idea,
    /// `agreement` or `agree`: the pair's mentoring agreement, in their pair room.
    Agreement(AgreementCommand),
    /// `availability`, `meet`, `met`: meeting times, in the pair room.
    Meeting(Result<MeetCommand, crate::i18n::Text>),
    /// `reply Q4 <text>`: a coordinator answers a participant's question.
    Team(Result<TeamCommand, crate::i18n::Text>),
    /// `flags`, `flag dismiss F3 …`: the coordinators' work on pair-room safety flags.
    Flag(Result<FlagCommand, crate::i18n::Text>),
    /// One of the commands everyone has: answered by DM.
    Command(Command),
    /// Prefixed, but no command: the text after the prefix.
    Unknown(String),
}

/// Reads a message, once.
pub fn route(inbound: &Inbound, router: &Router<'_>) -> Route {
    let text = match &inbound.content {
        Content::Picked { .. } => {
            return match events::picked(&inbound.content) {
                Some((n, answer)) => Route::Rsvp(n, answer),
                None => match &inbound.place {
                    Place::Dm => Route::Dm(Dm::Picked),
                    Place::Room(room) => room_route(room, router, Room::NotForBot),
                },
            };
        }
        Content::Text(text) => text.as_str(),
    };
    // Talk in a room that is not for the bot is never answered, however long. The staff
    // rooms are the bot's: there a staff command is one without the prefix too (cards say
    // "Reply here: approve A12"), while anything else is the staff talking among themselves.
    if let Place::Room(room) = &inbound.place
        && strip_prefix_ci(text.trim(), router.prefix).is_none()
    {
        if router.rooms.is_staff(room) && char_len(text) <= router.max_message_chars {
            let command = in_room(text.trim(), router.rooms.is_coordinators(room));
            if command.is_whole_staff_command() {
                return room_route(room, router, command);
            }
        }
        return room_route(room, router, Room::NotForBot);
    }
    let len = char_len(text);
    if len > router.max_message_chars {
        return Route::TooLong(len);
    }
    match &inbound.place {
        Place::Dm => match report::reported_message(text) {
            Some(link) => Route::ReportMessage(link),
            None => Route::Dm(dm(&inbound.from, text, router)),
        },
        Place::Room(room) => {
            let rest = strip_prefix_ci(text.trim(), router.prefix).unwrap_or_default();
            let coordinators = router.rooms.is_coordinators(room);
            room_route(room, router, in_room(rest, coordinators))
        }
    }
}

fn room_route(room: &RoomRef, router: &Router<'_>, command: Room) -> Route {
    Route::Room {
        room: room.clone(),
        coordinators: router.rooms.is_coordinators(room),
        command,
    }
}

/// A direct message's text.
fn dm(from: &UserRef, text: &str, router: &Router<'_>) -> Dm {
    if matches!(text.trim().to_lowercase().as_str(), "survey" | "surveys") {
        return Dm::Surveys;
    }
    if let Some((id, reason)) = closure::parse_dm(text) {
        return Dm::Close(id, reason);
    }
    if let Some(command) = personal::parse(text) {
        return Dm::Personal(command);
    }
    if let Some(command) = link::parse(text) {
        return Dm::Link(command);
    }
    if let Some(asked) = team::parse_ask(text) {
        return Dm::AskTeam(asked);
    }
    if let Some(n) = closure::parse_transcript(text) {
        return Dm::Transcript(n);
    }
    if let Some(command) = choice::parse(text) {
        return Dm::Choice(command);
    }
    if let Some(command) = meetings::parse(text) {
        return Dm::Meeting(command);
    }
    if starters::is_idea(text) || agreement::parse(text).is_some() {
        return Dm::PairRoomOnly(text.trim().to_lowercase());
    }
    if router.moderation.is_escalation_contact(from)
        && let Some(command) = cases::parse_dm(text, router.prefix)
    {
        return Dm::Case(command);
    }
    match events::parse(text) {
        Some(Ok(EventCommand::Rsvp(n, answer))) => return Dm::Rsvp(n, answer),
        Some(Err(usage)) if text.trim().to_lowercase().starts_with("rsvp") => {
            return Dm::RsvpUsage(usage);
        }
        Some(_) => return Dm::EventsElsewhere,
        None => {}
    }
    let command = command::parse(text);
    if command.is_none()
        && (review::parse(text).is_some()
            || broadcast::parse(text).is_some()
            || flags::parse(text).is_some_and(|c| c.is_ok()))
    {
        return Dm::CoordinatorsElsewhere;
    }
    if command.is_none()
        && matches!(
            text.trim()
                .trim_end_matches(['.', '!'])
                .to_lowercase()
                .as_str(),
            "accept" | "decline" | "i accept" | "i decline"
        )
    {
        return Dm::OfferAnswer;
    }
    command.map_or(Dm::Other, Dm::Command)
}

/// The room's grammars in the order they are tried: the first that reads a message has it.
/// The `bool` says whether it was typed in the coordinators' room.
const ROOM_GRAMMARS: [fn(&str, bool) -> Option<Room>; 25] = [
    |t, _| command::help_topic(t).map(Room::HelpOn),
    |t, _| actions::is_cancel(t).then_some(Room::Cancel),
    |t, _| actions::parse(t).map(Room::Action),
    |t, _| cases::parse(t).map(Room::Case),
    |t, _| events::parse(t).map(Room::Event),
    |t, _| {
        closure::parse_dm(t).map(|own| Room::Close {
            room: closure::room_command(&own),
            own,
        })
    },
    |t, _| survey::parse(t).map(Room::Survey),
    // `report` is the programme's figures in the coordinators' room only; elsewhere it is
    // a private incident report.
    |t, coordinators| {
        coordinators
            .then(|| figures::parse(t))
            .flatten()
            .map(Room::Figures)
    },
    // `resources` is who read what in the coordinators' room; elsewhere, one's own.
    |t, coordinators| {
        coordinators
            .then(|| resources::parse_staff(t))
            .flatten()
            .map(Room::Resources)
    },
    |t, _| figures::parse_export(t).map(Room::Export),
    |t, _| broadcast::parse(t).map(Room::Broadcast),
    |t, _| announce::parse(t).map(Room::Announce),
    |t, _| assist::parse(t).map(Room::Assist),
    |t, _| (command::parse(t) == Some(Command::Report)).then_some(Room::Report),
    |t, _| review::parse(t).map(Room::Review),
    // Before `match ...`: `match show` is a list, not a matching command.
    |t, _| roster::parse(t).map(Room::Roster),
    |t, _| pairing::parse(t).map(Room::Pairing),
    |t, _| pause::parse(t).map(Room::Pause),
    |t, _| support::parse(t).map(Room::Support),
    |t, _| team::parse(t).map(Room::Team),
    |t, _| flags::parse(t).map(Room::Flag),
    |t, _| starters::is_idea(t).then_some(Room::Idea),
    |t, _| agreement::parse(t).map(Room::Agreement),
    |t, _| meetings::parse(t).map(Room::Meeting),
    // `outcomes` is outcomes after closure in the coordinators' room only.
    |t, coordinators| {
        coordinators
            .then(|| super::outcomes::parse(t))
            .flatten()
            .map(Room::Outcomes)
    },
];

/// A room message's text after the prefix.
fn in_room(rest: &str, coordinators: bool) -> Room {
    if rest.is_empty() {
        return Room::Help;
    }
    ROOM_GRAMMARS
        .iter()
        .find_map(|grammar| grammar(rest, coordinators))
        .unwrap_or_else(|| match command::parse(rest) {
            Some(command) => Room::Command(command),
            None => Room::Unknown(rest.to_string()),
        })
}

impl Room {
    /// Whether this reads, without the prefix, as a staff command used rightly: what a
    /// staff room takes unprefixed. A usage error, a participant's command, an unknown word
    /// and a `who` (a word staff use in talk) are talk.
    fn is_whole_staff_command(&self) -> bool {
        match self {
            Room::Action(Ok(_))
            | Room::Case(Ok(_))
            | Room::Event(Ok(_))
            | Room::Close { room: Ok(_), .. }
            | Room::Survey(Ok(_))
            | Room::Figures(_)
            | Room::Resources(_)
            | Room::Outcomes(_)
            | Room::Broadcast(Ok(_))
            | Room::Announce(Ok(_))
            | Room::Assist(Ok(_))
            | Room::Export(Ok(_))
            | Room::Review(Ok(_))
            | Room::Pairing(Ok(_))
            | Room::Pause(Ok(_))
            | Room::Support(Ok(_))
            | Room::Team(Ok(_))
            | Room::Flag(Ok(_))
            | Room::Cancel
            | Room::Command(Command::Help) => true,
            Room::Roster(Ok(command)) => !matches!(command, RosterCommand::Who(_)),
            _ => false,
        }
    }
}

impl Route {
    /// What must be loaded before this route is decided, for `from`. Nothing is loaded
    /// for someone the handler will refuse where that is known here (a case command from
    /// someone who is not a moderator, a survey of a programme they do not coordinate).
    /// `state` is the sender's conversation: what a `confirm` needs is what its waiting
    /// action needs.
    pub fn needs(
        &self,
        from: &UserRef,
        router: &Router<'_>,
        programmes: &[Programme],
        state: Option<&super::FlowState>,
    ) -> Needs {
        match self {
            Route::Room {
                command: Room::Action(Ok(ActionCommand::Confirm)),
                ..
            } => actions::waiting(state).map_or(Needs::Nothing, super::confirm::needs),
            Route::Rsvp(n, _) | Route::Dm(Dm::Rsvp(n, _)) => Needs::Event(*n),
            Route::Room {
                room,
                command: Room::Idea,
                ..
            } => Needs::StartersIn(room.id.clone()),
            Route::Room {
                room,
                command: Room::Agreement(_),
                ..
            } => Needs::AgreementIn(room.id.clone()),
            Route::Room {
                room,
                command: Room::Meeting(Ok(_)),
                ..
            } => Needs::MeetingsIn(room.id.clone()),
            Route::Dm(Dm::Meeting(Ok(command))) if command.is_own_week() => Needs::OwnWeek,
            Route::Dm(Dm::Personal(PersonalCommand::MyData)) => Needs::PersonalData,
            Route::Dm(Dm::Link(Ok(LinkCommand::Start))) => Needs::FreshLinkCode,
            Route::Dm(Dm::Link(Ok(LinkCommand::Confirm(code)))) => Needs::LinkCode(code.clone()),
            Route::Dm(Dm::Choice(Ok(command))) => Needs::Choosing {
                pools: choice::needs_pool(command),
            },
            Route::Dm(Dm::Command(Command::Apply(_))) => Needs::Refused,
            Route::Dm(Dm::Command(Command::Resources(_) | Command::Done(_))) => {
                Needs::ResourcesRead
            }
            Route::Dm(Dm::Case(Ok(command))) => case_needs(command),
            Route::Room {
                coordinators,
                command,
                ..
            } => room_needs(command, *coordinators, from, router, programmes),
            _ => Needs::Nothing,
        }
    }

    /// The person a moderator's command names (`suspend`, `unsuspend`, `remove`, `case
    /// escalate` to one person, `case concerns`), for the app to find among those it knows.
    pub fn named_person(&self, from: &UserRef, router: &Router<'_>) -> Option<&str> {
        let case = match self {
            Route::Room { command, .. } if router.moderation.is_moderator(from) => match command {
                Room::Action(Ok(
                    ActionCommand::Suspend { who, .. }
                    | ActionCommand::Unsuspend(who)
                    | ActionCommand::Remove(who, _),
                )) => return Some(who),
                Room::Case(Ok(case)) => case,
                _ => return None,
            },
            Route::Dm(Dm::Case(Ok(case))) => case,
            _ => return None,
        };
        match case {
            CaseCommand::Escalate(_, to) if !to.contains(char::is_whitespace) => Some(to),
            CaseCommand::Concerns(_, who, _) => Some(who),
            _ => None,
        }
    }

    /// Talk in a shared room that is not for the bot (a pair's conversation, the staff
    /// talking among themselves): nothing is decided about it, and only its time counts.
    pub fn is_chatter(&self) -> bool {
        matches!(
            self,
            Route::Room {
                command: Room::NotForBot,
                ..
            }
        )
    }

    /// What the message costs against its sender's rate limits (see `flows::rate`).
    pub fn cost(&self) -> Cost {
        match self {
            Route::ReportMessage(_)
            | Route::Dm(Dm::Command(Command::Report))
            | Route::Room {
                command: Room::NotForBot,
                ..
            } => Cost::Free,
            Route::Room {
                coordinators: false,
                command: Room::Report,
                ..
            } => Cost::Free,
            // A code typed is also a guess at someone's code: guesses are few an hour.
            Route::Dm(
                Dm::Personal(PersonalCommand::MyData)
                | Dm::Transcript(_)
                | Dm::Link(Ok(LinkCommand::Confirm(_)) | Err(_)),
            ) => Cost::Expensive,
            Route::Room {
                coordinators: true,
                command:
                    Room::Figures(_) | Room::Resources(_) | Room::Outcomes(_) | Room::Export(Ok(_)),
                ..
            } => Cost::Expensive,
            _ => Cost::Message,
        }
    }

    /// The privileged command this is, if it is one (see `flows::permissions`).
    pub fn privileged(&self) -> Option<Privileged> {
        match self {
            Route::Dm(Dm::Transcript(_)) => Some(Privileged::Transcript),
            Route::Dm(Dm::Case(Ok(command))) => Some(case_class(command)),
            Route::Room {
                command,
                coordinators,
                ..
            } => room_class(command, *coordinators),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
