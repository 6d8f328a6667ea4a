//! Guided conversations as pure state machines.
//!
//! Everything a person says to the bot is read once by the command registry
//! ([`route`]: what the message is, and what it needs loaded), then goes through
//! [`decide`]: given the route, the stored state of their conversation (if any), what they
//! sent, and a read-only [`Ctx`] (programmes, their existing applications, what the route
//! needed, the time), it returns the new state and the [`Effect`]s to carry out. It
//! performs no I/O: `crate::app` loads the state, routes the message, loads what the route
//! needs, calls `decide`, stores the result and performs the effects through the ports.
//! That is what lets a conversation last days and survive restarts, and what makes every
//! step testable without a database or chat server. ([`handle`] routes and decides in one
//! call, for tests and the app's own steps.)
//!
//! To add a flow (a survey, an incident report): add a module with its state type and a
//! `step` function, a variant to [`FlowState`], and its line in `decide.rs` (`dm_step`,
//! and `escape` if it can be left); a command that starts it is added in [`route`].

pub mod application;
pub mod choice;

pub mod closure;
pub mod command;
pub mod confirm;
mod decide;
mod escape;
pub mod events;
pub mod form;
mod help;
pub mod incident;
pub mod language;
pub mod link;
pub mod pairing;
pub mod pause;
pub mod permissions;
pub mod personal;
pub mod prompts;
pub mod rate;
pub mod resources;
use incident::{actions, cases, report};
pub mod agreement;
pub mod announce;
pub mod assist;
pub mod broadcast;
pub mod figures;
pub mod meetings;
pub mod outcomes;
pub mod review;
pub mod roster;
pub mod route;
pub mod safety;
pub mod starters;
pub mod suggest;
pub mod support;
pub mod survey;
pub mod team;
pub mod withdraw;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::events::{EventRecord, Rsvp};
use crate::domain::incident::{CaseEvent, CaseRecord, Moderation, OwnReport};
use crate::domain::matches::MatchRecord;
use crate::domain::{ApplicationRecord, ApplicationSummary, Programme, RoomRef, UserRef};

pub use application::ApplicationFlow;
// What a step decides, shared with storage, which knows no flow.
pub use crate::step::{Decision, Effect, Prompt, act as acts};
// The chat vocabulary, which every flow reads and writes.
pub use crate::chat::{
    Attachment, CardAction, Content, FileStatus, HeldFile, Inbound, InboundFile, OutMessage,
    Placement, ReportedMessage, SaidAction, Thread, application_thread, case_thread,
    strip_prefix_ci,
};
pub use decide::{decide, handle};
pub(crate) use decide::{drop_held, post_said, said_in, staff_command};
pub use escape::withdraw_dead;
pub(crate) use help::{help_text, status_text};

/// Whether a conversation in this state takes files now (a report's evidence step, or an
/// answer to a moderator's question): only then does the app fetch what is sent.
pub fn wants_files(state: Option<&FlowState>) -> bool {
    match state.map(FlowState::active) {
        Some(FlowState::Report(flow)) => flow.step == report::ReportStep::Evidence,
        Some(FlowState::CaseReply(_)) => true,
        _ => false,
    }
}

/// A troubled pair's card actions: message both, pause the match, or rematch the mentee.
pub fn pair_actions(match_id: i64, mentee_application: i64) -> Vec<SaidAction> {
    use crate::i18n::Text;
    vec![
        SaidAction::asking(
            Text::msg("support-button-message"),
            format!("message M{match_id}"),
            Text::msg("support-asks-message"),
        ),
        SaidAction::asking(
            Text::msg("support-button-pause"),
            format!("pause M{match_id} until"),
            Text::msg("support-asks-until"),
        ),
        SaidAction::new(
            Text::msg("support-button-rematch"),
            format!("match rematch A{mentee_application}"),
        ),
    ]
}

/// The stored state of a conversation in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "flow", rename_all = "snake_case")]
pub enum FlowState {
    Application(ApplicationFlow),
    AnswerQuestion(prompts::AnswerQuestion),
    Acknowledge(prompts::Acknowledge),
    MatchOffer(prompts::MatchOffer),
    CheckIn(prompts::CheckIn),
    ConfirmWithdraw(withdraw::ConfirmWithdraw),
    Report(report::ReportFlow),
    CaseReply(cases::CaseReply),
    /// A moderator's action waiting for their `confirm`.
    ConfirmAction(actions::PendingAction),
    Survey(survey::SurveyFlow),
    ConfirmClose(closure::ConfirmClose),
    ConfirmDelete(personal::ConfirmDelete),
    WhatNext(closure::WhatNext),
    /// A flow started in the middle of another (a report typed during a survey): `top`
    /// is answered now; `under` keeps its place and is asked again when `top` ends. One
    /// level only (see `flows::escape`).
    Stacked {
        top: Box<FlowState>,
        under: Box<FlowState>,
    },
}

impl FlowState {
    /// The flow being answered now: the top of a stack.
    pub fn active(&self) -> &FlowState {
        match self {
            FlowState::Stacked { top, .. } => top.active(),
            other => other,
        }
    }
}

impl crate::step::ConversationState for FlowState {
    /// On top or kept underneath.
    fn links_case(&self) -> bool {
        match self {
            FlowState::CaseReply(_) => true,
            FlowState::Stacked { top, under } => top.links_case() || under.links_case(),
            _ => false,
        }
    }
}

/// How a step changes the stored conversation.
pub type StateChange = crate::step::StateChange<FlowState>;

/// The prompt a conversation waits on, for platforms that must tell a late answer to an
/// older question (a form submitted after the question was answered another way, or after
/// a restart). Only applications ask free-text questions with a ref; any other
/// conversation waits on none of them (surveys ask with a ref too).
pub fn current_prompt_ref(state: &FlowState) -> Option<String> {
    match state.active() {
        FlowState::Application(flow) => Some(application::current_ref(flow)),
        FlowState::Survey(flow) => Some(survey::current_ref(flow)),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub state: StateChange,
    pub effects: Vec<Effect>,
}

impl Outcome {
    fn unchanged(effects: Vec<Effect>) -> Self {
        Outcome {
            state: StateChange::Unchanged,
            effects,
        }
    }
}

/// What a step may read besides the conversation state.
#[derive(Debug, Clone)]
pub struct Ctx<'a> {
    pub user: &'a UserRef,
    pub programmes: &'a [Programme],
    /// The person's applications, newest first.
    pub applications: &'a [ApplicationSummary],
    /// The matches the person is in, oldest first.
    pub matches: &'a [MatchRecord],
    /// The person's own reports of the last 24 hours.
    pub reports: &'a [OwnReport],
    /// Whether the person is suspended (cannot apply or be matched).
    pub suspended: bool,
    /// The person's open survey invites, oldest first.
    pub surveys: &'a [crate::domain::survey::SurveyInvite],
    pub now: DateTime<Utc>,
    /// Longest message accepted, in characters.
    pub max_message_chars: usize,
    /// Prefix that marks a command in a shared room (`!tandem`).
    pub room_prefix: &'a str,
    /// Which room serves what, for the deployment and each programme (see
    /// `domain::rooms`; the methods below ask it for the sender's platform).
    pub rooms: &'a crate::domain::rooms::Rooms,
    /// How long before a session its reminders go to those who said yes.
    pub event_reminders: &'a [chrono::Duration],
    pub moderation: &'a Moderation,
    /// Data a review command needs, loaded by the app as its route asks (`route::Route::needs`).
    pub subject: &'a Subject,
    /// The people a staff command names (`suspend`, `case escalate`), as the app found
    /// them by what was typed: a command acts only when there is exactly one.
    pub people: &'a [crate::domain::people::KnownPerson],
    /// The sender's open offers that can no longer go ahead (one of the two is suspended
    /// or no longer ready to be matched): an acceptance withdraws them instead.
    pub blocked_offers: &'a [i64],
    /// The sender's account on the other platform, when they linked one
    /// (`domain::accounts`): `user` is then the account their data is kept under.
    pub linked: Option<&'a crate::domain::accounts::Linked>,
    /// The language the sender is written to in (what they chose, or the deployment's).
    pub language: crate::i18n::Locale,
    /// The bot's own accounts the settings name (its Matrix id), to point people to.
    pub bots: &'a [UserRef],
}

/// An event session and everyone's answer to it.
pub type EventWithAnswers = (EventRecord, Vec<(UserRef, Rsvp)>);

/// An application a command names, with the matches it is in (`None`: no such
/// application).
pub type LoadedApplication = Option<Box<(ApplicationRecord, Vec<MatchRecord>)>>;

/// Data loaded for a coordinator's command.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Subject {
    #[default]
    Nothing,
    /// The message a platform's own "report message" reported, as it copied it.
    Reported(ReportedMessage),
    /// The application a command names, with the matches it is in (`None`: no such
    /// application).
    Application(LoadedApplication),
    /// The applications a command for several names, each as [`Subject::Application`]
    /// holds it, by number (`None`: no such application).
    Applications(Vec<(i64, LoadedApplication)>),
    /// All applications of the programmes the sender coordinates, with their applicants.
    Overview(Vec<(ApplicationSummary, UserRef)>),
    /// For `apply`: the sender's applications the screening rules refused, which `apply`
    /// re-opens with their answers.
    Refused(Vec<ApplicationRecord>),
    /// The case a moderation command names, with its audit log (`None`: no such case).
    Case(Option<Box<(CaseRecord, Vec<CaseEvent>)>>),
    /// Every case, for `cases`.
    Cases(Vec<CaseRecord>),
    /// The match a moderation action names (`None`: no such match).
    Pair(Option<Box<MatchRecord>>),
    /// The event session a command or RSVP names, with its answers (`None`: no such event).
    Event(Option<Box<EventWithAnswers>>),
    /// The upcoming sessions, with their answers.
    Events(Vec<EventWithAnswers>),
    /// For `survey send`: the programme's applications and matches, and who already has
    /// the survey open.
    SurveySend {
        applications: Vec<(ApplicationSummary, UserRef)>,
        matches: Vec<MatchRecord>,
        open: Vec<UserRef>,
    },
    /// For `survey results`: every response, and how many were invited.
    SurveyResults {
        responses: Vec<crate::domain::survey::SurveyResponse>,
        invited: usize,
    },
    /// For `surveys`.
    SurveyStats(Vec<crate::domain::survey::SurveyStats>),
    /// For `export` in the coordinators' room: the file's text and notes of what was left
    /// out, or why nothing may be exported.
    Export(Result<(String, Vec<crate::i18n::Text>), crate::i18n::Text>),
    /// For `matches` and `match show`: matches with how each pair is doing.
    Matches(Vec<(MatchRecord, crate::domain::health::PairSigns)>),
    /// For `who`: each person found, with their applications and matches.
    People(
        Vec<(
            crate::domain::people::KnownPerson,
            Vec<ApplicationSummary>,
            Vec<MatchRecord>,
        )>,
    ),
    /// For `reply Q4`: the question (`None`: no such question).
    Question(Option<Box<crate::domain::team::TeamQuestion>>),
    /// A pair-room safety flag a command names (`None`: no such flag).
    SafetyFlag(Option<Box<crate::domain::safety::ShownFlag>>),
    /// The open safety flags of the programmes the sender coordinates, oldest first.
    SafetyFlags(Vec<crate::domain::safety::ShownFlag>),
    /// For `my data`: everything stored about the sender.
    PersonalData(serde_json::Value),
    /// For `link`: a fresh code, or the account that made the code typed.
    Link(link::LinkSubject),
    /// For `assist`: a fresh stand-in and code, and the application named.
    Assist(assist::AssistSubject),
    /// For `report` in the coordinators' room: the programme's records and answers.
    /// A programme's applications and matches, for a broadcast: with who muted
    /// announcements and whose direct messages failed for good last time.
    Broadcast {
        applications: Vec<(ApplicationSummary, UserRef)>,
        matches: Vec<MatchRecord>,
        /// Every match that has ended, in any programme: where alumni are found.
        ended: Vec<MatchRecord>,
        /// Everyone suspended now: no announcement reaches them.
        suspended: Vec<UserRef>,
        muted: Vec<UserRef>,
        unreachable: Vec<UserRef>,
    },
    /// The resources the sender has read.
    ResourcesRead(Vec<crate::domain::resources::ResourceRead>),
    /// A programme's answered follow-ups of outcomes, with their baselines and groups.
    Outcomes(Vec<crate::domain::outcomes::OutcomeRecord>),
    /// A programme's applications (oldest first) with their applicants, its matches, and
    /// everyone's reads of its resources.
    ResourceProgress {
        applications: Vec<(ApplicationSummary, UserRef)>,
        matches: Vec<MatchRecord>,
        reads: Vec<(UserRef, crate::domain::resources::ResourceRead)>,
    },
    Report {
        applications: Vec<(ApplicationSummary, UserRef)>,
        matches: Vec<MatchRecord>,
        check_ins: Vec<(String, usize)>,
        /// Each survey's responses and how many were invited, by survey id.
        surveys: Vec<(String, Vec<crate::domain::survey::SurveyResponse>, usize)>,
        meetings: Vec<crate::domain::meetings::Meeting>,
    },
    /// A programme's participants who are ready to be matched, and the (mentee application,
    /// mentor application) pairs never to propose.
    Matching {
        programme: String,
        mentees: Vec<ApplicationRecord>,
        mentors: Vec<ApplicationRecord>,
        /// Every match of the programme, whatever its status.
        matches: Vec<MatchRecord>,
        /// Every application to the programme, ready or not.
        applications: Vec<(ApplicationSummary, UserRef)>,
    },
    /// For `profile`, `browse` and `request`: each programme where mentees choose that the
    /// sender applied to.
    Choosing(Vec<choice::ChoicePool>),
    /// For `idea`: the starters the pair of the room was given before.
    StartersGiven(Vec<String>),
    /// For `agreement` and `agree` in a pair room: the mentee's answers (their goals
    /// among them) and who of the pair has agreed.
    Agreement {
        answers: Vec<(String, crate::domain::Answer)>,
        agreed: Vec<UserRef>,
    },
    /// For a meeting command in a pair room: the pair's weeks, the times last proposed
    /// and their meetings.
    Meetings(Box<crate::domain::meetings::PairMeetings>),
    /// For `availability` in a DM: the sender's own week.
    Week(crate::domain::meetings::PersonWeek),
    /// For `checkins <match>`: the match, how it is doing, and its staff check-ins
    /// (`None`: no such match).
    StaffCheckIns(
        Option<
            Box<(
                MatchRecord,
                crate::domain::health::PairSigns,
                Vec<crate::domain::support::StaffCheckIn>,
            )>,
        >,
    ),
}

impl<'a> Ctx<'a> {
    pub fn programme(&self, slug: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.slug == slug)
    }

    pub(crate) fn dm(&self, message: OutMessage) -> Effect {
        Effect::SendDm {
            to: self.user.clone(),
            message,
        }
    }

    /// Programme `slug`'s name as said to the sender (its slug when it is no longer
    /// configured).
    pub(crate) fn said_programme(&self, slug: &str) -> crate::i18n::Text {
        self.programme(slug)
            .map_or_else(|| crate::i18n::Text::plain(slug), |p| p.said_name())
    }

    /// The role of application `app` as said to the sender, in a sentence.
    pub(crate) fn said_role(&self, app: &ApplicationSummary) -> crate::i18n::Text {
        self.programme(&app.programme).map_or_else(
            || crate::i18n::Text::plain(app.role.to_string()),
            |p| p.said_role(app.role),
        )
    }

    /// The sender's active match whose pair room `room` is, if any: where pair-room
    /// commands (`idea`, `agreement`) act.
    pub(crate) fn pair_in(&self, room: &RoomRef) -> Option<&MatchRecord> {
        self.matches.iter().find(|m| {
            m.status == crate::domain::matches::MatchStatus::Active
                && m.room.as_deref() == Some(room.id.as_str())
        })
    }

    /// What routing needs of this context (see [`route`]).
    pub fn router(&self) -> route::Router<'_> {
        route::Router {
            prefix: self.room_prefix,
            moderation: self.moderation,
            rooms: self.rooms,
            max_message_chars: self.max_message_chars,
        }
    }

    /// Where `programme`'s coordinators work, for people on the sender's platform
    /// (`None`: the deployment's coordinators' room).
    pub fn coordinators_room(&self, programme: Option<&str>) -> Option<&'a RoomRef> {
        self.rooms.coordinators(programme, self.user.platform)
    }

    /// Where `programme`'s cases go (`None`: a case of no programme in particular), for
    /// people on the sender's platform.
    pub fn moderators_room(&self, programme: Option<&str>) -> Option<&'a RoomRef> {
        self.rooms.moderators(programme, self.user.platform)
    }

    /// Where `programme`'s events are announced on the sender's platform, unless `room:`
    /// says otherwise.
    pub fn events_room(&self, programme: Option<&str>) -> Option<&'a RoomRef> {
        self.rooms.events(programme, self.user.platform)
    }

    /// Whether `room` is a coordinators' room (the deployment's or a programme's).
    pub fn is_coordinators_room(&self, room: &RoomRef) -> bool {
        self.rooms.is_coordinators(room)
    }

    /// Whether `room` is a moderators' room.
    pub fn is_moderators_room(&self, room: &RoomRef) -> bool {
        self.rooms.is_moderators(room)
    }

    /// Whether the sender may moderate, in `room`, what belongs to `programme` (a case,
    /// a pair; `None`: no programme in particular): in a programme's own moderators' room
    /// only that programme's (whoever asks: the room's other members are its team), and a
    /// programme's own moderators only theirs, wherever they ask.
    pub fn moderates_in(&self, room: &RoomRef, programme: Option<&str>) -> bool {
        let scoped_out = self
            .rooms
            .moderation_scope(room)
            .is_some_and(|scope| !programme.is_some_and(|p| scope.contains(&p)));
        !scoped_out && self.moderation.moderates(self.user, programme)
    }
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
pub(crate) mod tests;
