//! What a route needs loaded before it is decided ([`Needs`], read by `app::subject`).
//!
//! To give a new command its data: a [`Needs`] variant, its line in [`room_needs`] (or
//! [`Route::needs`](super::Route::needs) for a DM), and its loading in `app::subject`.

use crate::domain::{Programme, UserRef};

use super::super::actions::ActionCommand;
use super::super::assist::AssistCommand;
use super::super::cases::CaseCommand;
use super::super::command::Command;
use super::super::events::EventCommand;
use super::super::figures::{self, ExportCommand};
use super::super::pairing;
use super::super::roster::{self, RosterCommand};
use super::super::safety::FlagCommand;
use super::super::support::SupportCommand;
use super::super::survey::{self, SurveyCommand};
use super::super::team::TeamCommand;
use super::{Room, Router};

/// What a route needs loaded before it is decided (see `app::subject`).
#[derive(Debug, Clone, PartialEq)]
pub enum Needs {
    Nothing,
    /// Everything stored about the sender.
    PersonalData,
    /// A new one-time code for `link` (made by the app, kept only if the step gives it).
    FreshLinkCode,
    /// The account that made this `link` code, if it is valid.
    LinkCode(String),
    /// A participant's question to the team.
    Question(i64),
    /// A pair-room safety flag.
    SafetyFlag(i64),
    /// The open safety flags of these programmes.
    SafetyFlags(Vec<String>),
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
    /// One match, with how the pair is doing and its staff check-ins.
    StaffCheckIns(i64),
    /// The people whose name or id fits what was typed, with their applications and
    /// matches.
    People(String),
    /// The sender's applications the screening rules refused (for `apply`).
    Refused,
    /// The conversation starters given to the pair whose room this is.
    StartersIn(String),
    /// The agreement of the pair whose room this is: the mentee's answers, who agreed.
    AgreementIn(String),
    /// The weeks, offer and meetings of the pair whose room this is (a meeting command).
    MeetingsIn(String),
    /// The sender's own week (`availability` in a DM).
    OwnWeek,
    /// A programme's people, and who muted announcements or cannot be reached.
    Broadcast(String),
    /// A fresh stand-in and code for `assist`, and the application it names, if any.
    Assist(Option<i64>),
    /// The resources the sender has read (`resources`, `done`).
    ResourcesRead,
    /// A programme's people and who read its resources.
    ResourceProgress(String),
    /// A programme's answered follow-ups of outcomes.
    Outcomes(String),
    /// The sender's applications (with profiles) in the programmes where mentees choose,
    /// and with `pools` those programmes' ready people, matches and profiles.
    Choosing {
        pools: bool,
    },
}

pub(super) fn case_needs(command: &CaseCommand) -> Needs {
    match command.case() {
        Some(n) => Needs::Case(n),
        None => Needs::Cases,
    }
}

pub(super) fn room_needs(
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
        Room::Broadcast(Ok(command)) => {
            match figures::which(programmes, from, command.programme.as_deref()) {
                Ok(p) => Needs::Broadcast(p.slug.clone()),
                Err(_) => Needs::Nothing,
            }
        }
        Room::Outcomes(named) => match figures::which(programmes, from, named.as_deref()) {
            Ok(p) if p.outcomes().is_some() => Needs::Outcomes(p.slug.clone()),
            _ => Needs::Nothing,
        },
        Room::Resources(named) => match figures::which(programmes, from, named.as_deref()) {
            Ok(p) => Needs::ResourceProgress(p.slug.clone()),
            Err(_) => Needs::Nothing,
        },
        Room::Command(Command::Resources(_) | Command::Done(_)) => Needs::ResourcesRead,
        Room::Assist(Ok(command)) if coordinators => Needs::Assist(match command {
            AssistCommand::Code(n) | AssistCommand::Delete(n) => Some(*n),
            AssistCommand::Apply(_) => None,
        }),
        Room::Case(Ok(command)) if router.moderation.is_moderator(from) => case_needs(command),
        Room::Action(Ok(ActionCommand::Freeze(id) | ActionCommand::Unfreeze(id))) => {
            Needs::Pair(*id)
        }
        Room::Close { room: Ok(c), .. } => Needs::Pair(c.match_id),
        Room::Pause(Ok(c)) => Needs::Pair(c.match_id()),
        Room::Team(Ok(TeamCommand::Reply(id, _))) => Needs::Question(*id),
        // Nothing is loaded for someone who coordinates no programme: the flow refuses.
        Room::Flag(Ok(command)) if programmes.iter().any(|p| p.is_coordinator(from)) => {
            match command {
                FlagCommand::List(named) => {
                    match roster::programmes_of(programmes, from, named.as_deref()) {
                        mine if mine.is_empty() => Needs::Nothing,
                        mine => Needs::SafetyFlags(mine),
                    }
                }
                other => other.flag().map_or(Needs::Nothing, Needs::SafetyFlag),
            }
        }
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
        Room::Support(Ok(command)) => match command {
            SupportCommand::Due { programme, .. } => {
                match roster::programmes_of(programmes, from, programme.as_deref()) {
                    mine if mine.is_empty() => Needs::Nothing,
                    mine => Needs::Matches(mine),
                }
            }
            SupportCommand::History(id) => Needs::StaffCheckIns(*id),
            SupportCommand::Log { match_id: id, .. } | SupportCommand::Assign(id, _) => {
                Needs::MatchShow(*id)
            }
        },
        _ => Needs::Nothing,
    }
}
