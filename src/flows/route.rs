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
//! [`route`] (order matters: the first grammar that recognises a message has it), what it
//! needs loaded in [`Route::needs`] (a [`Needs`] variant, loaded by `app::subject`), its
//! class in [`Route::privileged`] if it acts for a programme or on other people, and its
//! handling in `flows::decide`. Every `match` on a route is exhaustive: the build points at
//! each place that must learn the new command.

use crate::chat::{Content, Inbound};
use crate::domain::events::Rsvp;
use crate::domain::incident::Moderation;
use crate::domain::text::char_len;
use crate::domain::{Place, Programme, RoomRef, UserRef};

use super::actions::{self, ActionCommand};
use super::cases::{self, CaseCommand};
use super::closure::{self, CloseCommand};
use super::command::{self, Command};
use super::events::{self, EventCommand};
use super::figures::{self, ExportCommand};
use super::pairing::{self, PairingCommand};
use super::pause::{self, PauseCommand};
use super::permissions::Privileged;
use super::personal::{self, PersonalCommand};
use super::rate::Cost;
use super::review::{self, ReviewCommand};
use super::roster::{self, RosterCommand};
use super::survey::{self, SurveyCommand};
use super::team::{self, TeamCommand};
use super::{report, strip_prefix_ci};

/// What routing needs to know of the deployment and the sender's platform.
#[derive(Debug, Clone, Copy)]
pub struct Router<'a> {
    /// The room prefix (`!tandem`).
    pub prefix: &'a str,
    pub moderation: &'a Moderation,
    /// The coordinators' room on the sender's platform.
    pub coordinators_room: Option<&'a RoomRef>,
    /// The moderators' room on the sender's platform.
    pub moderators_room: Option<&'a RoomRef>,
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
    /// `ask the team <text>`: the question, or the usage without one.
    AskTeam(Result<String, String>),
    /// `transcript [match]`: one's own pair room's history.
    Transcript(Option<i64>),
    /// A case command from the escalation contact, who works restricted cases here.
    Case(Result<CaseCommand, String>),
    /// `rsvp <n> yes|no|maybe`.
    Rsvp(i64, Rsvp),
    /// `rsvp` mistyped: the usage.
    RsvpUsage(String),
    /// Another events command: it works in the coordinators' room.
    EventsElsewhere,
    /// A coordinators' command: it works in their room.
    CoordinatorsElsewhere,
    /// One of the commands everyone has (`help`, `apply`, `status`, `report`, ...).
    Command(Command),
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
    Action(Result<ActionCommand, String>),
    /// A case command (`cases`, `case claim 3`, ...).
    Case(Result<CaseCommand, String>),
    /// An events command.
    Event(Result<EventCommand, String>),
    /// `close match …`: as a coordinator's command (`room`), and as a participant's
    /// request about their own match (`own`: the number, if given, and the reason).
    Close {
        room: Result<CloseCommand, String>,
        own: (Option<i64>, String),
    },
    /// A survey command.
    Survey(Result<SurveyCommand, String>),
    /// `report [programme]` in the coordinators' room: the programme's figures.
    Figures(Option<String>),
    /// `export …`.
    Export(Result<ExportCommand, String>),
    /// `report` anywhere else: an incident report, made in the DM.
    Report,
    /// A screening command (`queue`, `approve 3`, ...).
    Review(Result<ReviewCommand, String>),
    /// A matching command (`match propose`, ...).
    Pairing(Result<PairingCommand, String>),
    /// A coordinators' list (`matches`, `match show`, `who`).
    Roster(Result<RosterCommand, String>),
    /// `pause`, `resume` or `message` a match.
    Pause(Result<PauseCommand, String>),
    /// `reply Q4 <text>`: a coordinator answers a participant's question.
    Team(Result<TeamCommand, String>),
    /// One of the commands everyone has: answered by DM.
    Command(Command),
    /// Prefixed, but no command: the text after the prefix.
    Unknown(String),
}

/// What a route needs loaded before it is decided (see `app::subject`).
#[derive(Debug, Clone, PartialEq)]
pub enum Needs {
    Nothing,
    /// Everything stored about the sender.
    PersonalData,
    /// A participant's question to the team.
    Question(i64),
    /// An event session with its answers.
    Event(i64),
    /// The upcoming sessions with their answers.
    Events,
    /// Every survey's counts.
    SurveyStats,
    /// A programme's applications and matches, and who has the survey open.
    SurveySend {
        programme: String,
        survey: String,
    },
    /// A survey's responses and how many were invited.
    SurveyResults {
        programme: String,
        survey: String,
    },
    /// A programme's export.
    Export {
        programme: String,
        command: ExportCommand,
    },
    /// A programme's records and answers, for its figures.
    Figures(String),
    /// A case with its audit log.
    Case(i64),
    /// Every case.
    Cases,
    /// A match.
    Pair(i64),
    /// A matching pool.
    Matching(pairing::Needs),
    /// An application with its matches.
    Application(i64),
    /// Several applications with their matches (`step A6, A7 training done`).
    Applications(Vec<i64>),
    /// The applications of the programmes the sender coordinates.
    Overview,
    /// Every match of these programmes, with how each pair is doing.
    Matches(Vec<String>),
    /// One match, with how the pair is doing.
    MatchShow(i64),
    /// The people whose name or id fits what was typed, with their applications and
    /// matches.
    People(String),
    /// The sender's applications the screening rules refused (for `apply`).
    Refused,
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
        let staff = [router.coordinators_room, router.moderators_room].contains(&Some(room));
        if staff && char_len(text) <= router.max_message_chars {
            let command = in_room(text.trim(), router.coordinators_room == Some(room));
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
            let coordinators = router.coordinators_room == Some(room);
            room_route(room, router, in_room(rest, coordinators))
        }
    }
}

fn room_route(room: &RoomRef, router: &Router<'_>, command: Room) -> Route {
    Route::Room {
        room: room.clone(),
        coordinators: router.coordinators_room == Some(room),
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
    if let Some(asked) = team::parse_ask(text) {
        return Dm::AskTeam(asked);
    }
    if let Some(n) = closure::parse_transcript(text) {
        return Dm::Transcript(n);
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
    if command.is_none() && review::parse(text).is_some() {
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

/// A room message's text after the prefix.
fn in_room(rest: &str, coordinators: bool) -> Room {
    if rest.is_empty() {
        return Room::Help;
    }
    if let Some(topic) = command::help_topic(rest) {
        return Room::HelpOn(topic);
    }
    if actions::is_cancel(rest) {
        return Room::Cancel;
    }
    if let Some(command) = actions::parse(rest) {
        return Room::Action(command);
    }
    if let Some(command) = cases::parse(rest) {
        return Room::Case(command);
    }
    if let Some(command) = events::parse(rest) {
        return Room::Event(command);
    }
    if let Some(own) = closure::parse_dm(rest) {
        return Room::Close {
            room: closure::room_command(&own),
            own,
        };
    }
    if let Some(command) = survey::parse(rest) {
        return Room::Survey(command);
    }
    if coordinators && let Some(programme) = figures::parse(rest) {
        return Room::Figures(programme);
    }
    if let Some(command) = figures::parse_export(rest) {
        return Room::Export(command);
    }
    let command = command::parse(rest);
    if command == Some(Command::Report) {
        return Room::Report;
    }
    if let Some(command) = review::parse(rest) {
        return Room::Review(command);
    }
    // Before `match ...`: `match show` is a list, not a matching command.
    if let Some(command) = roster::parse(rest) {
        return Room::Roster(command);
    }
    if let Some(command) = pairing::parse(rest) {
        return Room::Pairing(command);
    }
    if let Some(command) = pause::parse(rest) {
        return Room::Pause(command);
    }
    if let Some(command) = team::parse(rest) {
        return Room::Team(command);
    }
    match command {
        Some(command) => Room::Command(command),
        None => Room::Unknown(rest.to_string()),
    }
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
            | Room::Export(Ok(_))
            | Room::Review(Ok(_))
            | Room::Pairing(Ok(_))
            | Room::Pause(Ok(_))
            | Room::Team(Ok(_))
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
            Route::Dm(Dm::Personal(PersonalCommand::MyData)) => Needs::PersonalData,
            Route::Dm(Dm::Command(Command::Apply(_))) => Needs::Refused,
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
            Route::Dm(Dm::Personal(PersonalCommand::MyData) | Dm::Transcript(_)) => Cost::Expensive,
            Route::Room {
                coordinators: true,
                command: Room::Figures(_) | Room::Export(Ok(_)),
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

fn case_needs(command: &CaseCommand) -> Needs {
    match command.case() {
        Some(n) => Needs::Case(n),
        None => Needs::Cases,
    }
}

fn room_needs(
    command: &Room,
    coordinators: bool,
    from: &UserRef,
    router: &Router<'_>,
    programmes: &[Programme],
) -> Needs {
    match command {
        Room::Command(Command::Apply(_)) => Needs::Refused,
        Room::Event(Ok(command)) => match (command.event(), command) {
            (Some(n), _) => Needs::Event(n),
            (None, EventCommand::List) => Needs::Events,
            (None, _) => Needs::Nothing,
        },
        Room::Survey(Ok(SurveyCommand::List)) => Needs::SurveyStats,
        Room::Survey(Ok(command)) => {
            let found = command
                .survey()
                .and_then(|name| survey::find(programmes, from, name).ok());
            match (command, found) {
                // Nothing is loaded for someone who does not coordinate the programme:
                // the flow refuses them.
                (_, Some((p, _))) if !p.is_coordinator(from) => Needs::Nothing,
                (SurveyCommand::Send { .. }, Some((p, s))) => Needs::SurveySend {
                    programme: p.slug.clone(),
                    survey: s.id.clone(),
                },
                (SurveyCommand::Results { .. }, Some((p, s))) => Needs::SurveyResults {
                    programme: p.slug.clone(),
                    survey: s.id.clone(),
                },
                _ => Needs::Nothing,
            }
        }
        Room::Export(Ok(command)) if coordinators => {
            match figures::which(programmes, from, command.programme.as_deref()) {
                Ok(p) => Needs::Export {
                    programme: p.slug.clone(),
                    command: command.clone(),
                },
                Err(_) => Needs::Nothing,
            }
        }
        Room::Figures(named) => match figures::which(programmes, from, named.as_deref()) {
            Ok(p) => Needs::Figures(p.slug.clone()),
            Err(_) => Needs::Nothing,
        },
        Room::Case(Ok(command)) if router.moderation.is_moderator(from) => case_needs(command),
        Room::Action(Ok(ActionCommand::Freeze(id) | ActionCommand::Unfreeze(id))) => {
            Needs::Pair(*id)
        }
        Room::Close { room: Ok(c), .. } => Needs::Pair(c.match_id),
        Room::Pause(Ok(c)) => Needs::Pair(c.match_id()),
        Room::Team(Ok(TeamCommand::Reply(id, _))) => Needs::Question(*id),
        Room::Pairing(Ok(command)) => {
            pairing::needs(command, programmes, from).map_or(Needs::Nothing, Needs::Matching)
        }
        Room::Review(Ok(command)) => match command.application() {
            _ if command.several().is_some() => {
                Needs::Applications(command.several().unwrap_or_default().to_vec())
            }
            Some(id) => Needs::Application(id),
            None => Needs::Overview,
        },
        // Nothing is loaded for someone who coordinates no programme: the flow refuses.
        Room::Roster(Ok(command)) => match command {
            RosterCommand::Matches { programme, .. } => {
                match roster::programmes_of(programmes, from, programme.as_deref()) {
                    mine if mine.is_empty() => Needs::Nothing,
                    mine => Needs::Matches(mine),
                }
            }
            RosterCommand::Show(id) => Needs::MatchShow(*id),
            RosterCommand::Who(typed) if programmes.iter().any(|p| p.is_coordinator(from)) => {
                Needs::People(typed.clone())
            }
            RosterCommand::Who(_) => Needs::Nothing,
        },
        _ => Needs::Nothing,
    }
}

fn room_class(command: &Room, coordinators: bool) -> Option<Privileged> {
    use Privileged as P;
    Some(match command {
        Room::Review(Ok(c)) => match c {
            ReviewCommand::Queue => P::ReviewQueue,
            ReviewCommand::Summary => P::ScreeningSummary,
            ReviewCommand::Show(_) => P::ShowApplication,
            ReviewCommand::Approve(_) => P::Approve,
            ReviewCommand::Reject(..) => P::Reject,
            ReviewCommand::Ask(..) => P::AskApplicant,
            ReviewCommand::Waitlist(_) => P::Waitlist,
            ReviewCommand::Note(..) => P::NoteApplication,
            ReviewCommand::Step { .. } => P::RecordStep,
        },
        Room::Pairing(Ok(c)) => match c {
            PairingCommand::Preview(_) => P::MatchPreview,
            PairingCommand::Propose(_) => P::MatchPropose,
            PairingCommand::Approve(_) => P::MatchApprove,
            PairingCommand::ApproveAll(_) => P::MatchApproveAll,
            PairingCommand::Reject(..) => P::MatchReject,
            PairingCommand::Rematch(_) => P::MatchRematch,
            PairingCommand::Swap(..) => P::MatchSwap,
            PairingCommand::Exclude(..) | PairingCommand::Include(..) => P::MatchExclude,
        },
        Room::Roster(Ok(c)) => match c {
            RosterCommand::Matches { .. } => P::MatchList,
            RosterCommand::Show(_) => P::MatchShow,
            RosterCommand::Who(_) => P::FindPerson,
        },
        Room::Close { room: Ok(_), .. } => P::CloseMatch,
        Room::Pause(Ok(c)) => match c {
            PauseCommand::Pause(..) => P::PauseMatch,
            PauseCommand::Resume(_) => P::ResumeMatch,
            PauseCommand::Message(..) => P::MessagePair,
        },
        Room::Team(Ok(TeamCommand::Reply(..))) => P::ReplyToQuestion,
        Room::Figures(_) => P::ProgrammeReport,
        Room::Export(Ok(_)) => P::Export,
        Room::Event(Ok(c)) => match c {
            EventCommand::Create(_) => P::EventCreate,
            EventCommand::List => P::EventList,
            EventCommand::Show(_) => P::EventShow,
            EventCommand::Cancel(..) => P::EventCancel,
            // Anyone answers an invitation.
            EventCommand::Rsvp(..) => return None,
        },
        Room::Survey(Ok(c)) => match c {
            SurveyCommand::List => P::SurveyList,
            SurveyCommand::Send { .. } => P::SurveySend,
            SurveyCommand::Results { .. } => P::SurveyResults,
        },
        Room::Case(Ok(c)) => case_class(c),
        Room::Action(Ok(c)) => match c {
            ActionCommand::Freeze(_) => P::Freeze,
            ActionCommand::Unfreeze(_) => P::Unfreeze,
            ActionCommand::Suspend { .. } => P::Suspend,
            ActionCommand::Unsuspend(_) => P::Unsuspend,
            ActionCommand::Remove(..) => P::RemoveFromRoom,
            ActionCommand::Confirm | ActionCommand::Cancel if coordinators => {
                P::ConfirmCoordinatorAction
            }
            ActionCommand::Confirm | ActionCommand::Cancel => P::ConfirmAction,
        },
        _ => return None,
    })
}

fn case_class(command: &CaseCommand) -> Privileged {
    use Privileged as P;
    match command {
        CaseCommand::List => P::CaseList,
        CaseCommand::Show(_) => P::CaseShow,
        CaseCommand::Claim(_) => P::CaseClaim,
        CaseCommand::Note(..) => P::CaseNote,
        CaseCommand::Ask(..) => P::CaseAsk,
        CaseCommand::Resolve(..) => P::CaseResolve,
        CaseCommand::Reopen(_) => P::CaseReopen,
        CaseCommand::Log(_) => P::CaseLog,
        CaseCommand::Reveal(_) => P::CaseReveal,
        CaseCommand::Escalate(..) => P::CaseEscalate,
        CaseCommand::Concerns(..) => P::CaseConcerns,
        CaseCommand::CloseMatch(..) => P::CaseCloseMatch,
        CaseCommand::Evidence(_) => P::CaseEvidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    fn user(id: &str) -> UserRef {
        UserRef::new(Platform::Console, id)
    }

    fn moderation() -> Moderation {
        Moderation {
            moderators: vec![user("max")],
            escalation_contact: Some(user("lead")),
            ..Moderation::default()
        }
    }

    fn routed(from: &str, place: Option<&str>, text: &str) -> Route {
        let moderation = moderation();
        let coordinators = RoomRef::new(Platform::Console, "coordinators");
        let moderators = RoomRef::new(Platform::Console, "moderators");
        let router = Router {
            prefix: "!tandem",
            moderation: &moderation,
            coordinators_room: Some(&coordinators),
            moderators_room: Some(&moderators),
            max_message_chars: 100,
        };
        let inbound = Inbound {
            from: user(from),
            place: place.map_or(Place::Dm, |r| {
                Place::Room(RoomRef::new(Platform::Console, r))
            }),
            content: Content::Text(text.into()),
            files: vec![],
        };
        route(&inbound, &router)
    }

    fn in_room(route: Route) -> Room {
        match route {
            Route::Room { command, .. } => command,
            other => panic!("not a room route: {other:?}"),
        }
    }

    #[test]
    fn talk_in_a_room_is_not_for_the_bot_however_long_and_a_long_command_is_refused() {
        let long = "word ".repeat(40);
        assert_eq!(
            in_room(routed("amina", Some("room-1"), &long)),
            Room::NotForBot
        );
        assert!(matches!(
            routed("amina", Some("room-1"), &format!("!tandem {long}")),
            Route::TooLong(_)
        ));
        assert!(matches!(routed("amina", None, &long), Route::TooLong(_)));
    }

    #[test]
    fn report_means_the_figures_in_the_coordinators_room_and_an_incident_elsewhere() {
        assert_eq!(
            in_room(routed("carol", Some("coordinators"), "!tandem report")),
            Room::Figures(None)
        );
        assert_eq!(
            in_room(routed("amina", Some("room-1"), "!tandem report")),
            Room::Report
        );
        assert_eq!(
            routed("amina", None, "report"),
            Route::Dm(Dm::Command(Command::Report))
        );
        assert!(matches!(
            routed(
                "amina",
                None,
                "report message https://discord.com/channels/1/2/3"
            ),
            Route::ReportMessage(_)
        ));
    }

    #[test]
    fn cancel_in_a_room_is_no_other_grammars_command() {
        // Outside a confirmation, `Room::Cancel` is decided as the `cancel` everyone has:
        // true only while no stage's grammar claims the word.
        for grammar in [
            actions::parse("cancel").is_some(),
            cases::parse("cancel").is_some(),
            events::parse("cancel").is_some(),
            closure::parse_dm("cancel").is_some(),
            survey::parse("cancel").is_some(),
            figures::parse("cancel").is_some(),
            figures::parse_export("cancel").is_some(),
            review::parse("cancel").is_some(),
            pairing::parse("cancel").is_some(),
            pause::parse("cancel").is_some(),
        ] {
            assert!(!grammar);
        }
        assert_eq!(command::parse("cancel"), Some(Command::Cancel));
    }

    #[test]
    fn only_the_escalation_contact_works_cases_by_dm_and_only_a_moderator_loads_one_in_a_room() {
        let moderation = moderation();
        let router = Router {
            prefix: "!tandem",
            moderation: &moderation,
            coordinators_room: None,
            moderators_room: None,
            max_message_chars: 100,
        };
        let contact = routed("lead", None, "case show 3");
        assert_eq!(contact, Route::Dm(Dm::Case(Ok(CaseCommand::Show(3)))));
        assert_eq!(
            contact.needs(&user("lead"), &router, &[], None),
            Needs::Case(3)
        );
        assert_eq!(contact.privileged(), Some(Privileged::CaseShow));
        assert_eq!(routed("amina", None, "case show 3"), Route::Dm(Dm::Other));
        assert_eq!(
            routed("amina", None, "I accept!"),
            Route::Dm(Dm::OfferAnswer)
        );
        assert_eq!(routed("amina", None, "decline"), Route::Dm(Dm::OfferAnswer));
        assert_eq!(routed("amina", None, "yes"), Route::Dm(Dm::Other));
        let typed = routed("amina", Some("moderators"), "!tandem case show 3");
        assert_eq!(
            typed.needs(&user("amina"), &router, &[], None),
            Needs::Nothing
        );
        assert_eq!(
            typed.needs(&user("max"), &router, &[], None),
            Needs::Case(3)
        );
    }

    #[test]
    fn a_moderator_names_a_person_in_the_room_and_the_contact_by_dm() {
        let moderation = moderation();
        let router = Router {
            prefix: "!tandem",
            moderation: &moderation,
            coordinators_room: None,
            moderators_room: None,
            max_message_chars: 100,
        };
        let suspend = routed("max", Some("moderators"), "!tandem suspend ola spam");
        assert_eq!(suspend.named_person(&user("max"), &router), Some("ola"));
        assert_eq!(suspend.named_person(&user("amina"), &router), None);
        let concerns = routed("lead", None, "case concerns 1 not grace");
        assert_eq!(concerns.named_person(&user("lead"), &router), Some("grace"));
        let board = routed("lead", None, "case escalate 1 the safeguarding board");
        assert_eq!(board.named_person(&user("lead"), &router), None);
    }

    #[test]
    fn a_staff_command_without_the_prefix_works_in_the_staff_rooms_and_talk_is_left_alone() {
        let room = |r: &str, command: Room| Route::Room {
            room: RoomRef::new(Platform::Console, r),
            coordinators: r == "coordinators",
            command,
        };
        assert_eq!(
            routed("carol", Some("coordinators"), "approve A12"),
            room("coordinators", Room::Review(Ok(ReviewCommand::Approve(12))))
        );
        assert_eq!(
            routed("carol", Some("coordinators"), "match show M7"),
            room("coordinators", Room::Roster(Ok(RosterCommand::Show(7))))
        );
        assert_eq!(
            routed("max", Some("moderators"), "case claim 3"),
            room("moderators", Room::Case(Ok(CaseCommand::Claim(3))))
        );
        // Talk among the staff, a command used wrongly, a participant's word, `who`.
        for talk in [
            "approve 12 once the check is back?",
            "who can take case 3?",
            "status",
            "morning all",
            "cases are piling up, said Max",
        ] {
            assert_eq!(
                routed("carol", Some("coordinators"), talk),
                room("coordinators", Room::NotForBot),
                "{talk}"
            );
        }
        // Elsewhere (a pair room) only the prefix calls the bot.
        assert_eq!(
            routed("carol", Some("amina-ola"), "approve A12"),
            room("amina-ola", Room::NotForBot)
        );
    }
}
