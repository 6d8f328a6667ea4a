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

pub mod acts;
pub mod application;

pub mod closure;
pub mod command;
mod decide;
mod escape;
pub mod events;
pub mod form;
mod help;
pub mod incident;
pub mod pairing;
pub mod pause;
pub mod permissions;
pub mod personal;
pub mod prompts;
pub mod rate;
use incident::{actions, cases, report};
pub mod figures;
pub mod review;
pub mod route;
pub mod survey;
pub mod withdraw;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::events::{EventRecord, NewEvent, Rsvp};
use crate::domain::incident::{CaseEvent, CaseRecord, CaseStatus, Moderation, NewCase, OwnReport};
use crate::domain::matches::{MatchRecord, MatchStatus, NewMatch};
use crate::domain::screening::StepState;
use crate::domain::{
    ApplicationRecord, ApplicationStatus, ApplicationSummary, NewApplication, Programme, RoleKind,
    RoomRef, UserRef,
};

pub use application::ApplicationFlow;
// The chat vocabulary, which every flow reads and writes.
pub use crate::chat::{
    Attachment, CardAction, Content, FileStatus, HeldFile, Inbound, InboundFile, OutMessage,
    Placement, ReportedMessage, Thread, application_thread, case_thread, strip_prefix_ci,
};
pub use decide::{decide, handle};
pub(crate) use decide::{drop_held, post_only, staff_command};
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
pub fn pair_actions(match_id: i64, mentee_application: i64) -> Vec<CardAction> {
    vec![
        CardAction::asking(
            "Message the pair",
            format!("message {match_id}"),
            "Your message to both of them",
        ),
        CardAction::asking(
            "Pause",
            format!("pause {match_id} until"),
            "Until which date? (like 2027-03-01)",
        ),
        CardAction::new("Rematch", format!("match rematch {mentee_application}")),
    ]
}

/// What the app must do as a result of a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SendDm {
        to: UserRef,
        message: OutMessage,
    },
    PostInRoom {
        room: RoomRef,
        message: OutMessage,
    },
    /// Store a submitted application, in the same transaction as the new state.
    StoreApplication(NewApplication),
    /// Move an application from one status to another; a conflict if it is no longer in
    /// `from` (someone decided first), and then the step is redone.
    RecordDecision(Decision),
    /// Record where a participant stands on a screening step.
    RecordStep {
        application_id: i64,
        step_id: String,
        state: StepState,
        by: String,
    },
    /// Store a reviewer's question and queue it for the applicant.
    AskApplicant {
        application_id: i64,
        applicant: UserRef,
        programme: String,
        question: String,
        asked_by: String,
    },
    /// Store the applicant's answer to a reviewer's question.
    AnswerReviewQuestion {
        question_id: i64,
        answer: String,
    },
    /// Queue a prompt for a person, delivered when they have no conversation in progress.
    QueuePrompt {
        user: UserRef,
        prompt: Prompt,
    },
    /// Store the sessions of a new event (the app then announces and schedules them).
    StoreEvents(Vec<NewEvent>),
    /// Record a person's answer to an event.
    Rsvp {
        event_id: i64,
        user: UserRef,
        answer: Rsvp,
    },
    /// Mark a session cancelled (the app then drops its reminders).
    CancelEvent {
        event_id: i64,
        reason: String,
    },
    /// Remember that a waiting-list reminder was sent.
    MarkReminded {
        application_id: i64,
    },
    /// Remember that the check of a step was warned about for this expiry date (so the
    /// warning goes once; a renewal's new date is warned about in its turn).
    MarkCheckWarned {
        application_id: i64,
        step_id: String,
        expires: NaiveDate,
    },
    /// Someone tried something they may not do: logged for the coordinators' audit.
    LogRefusal {
        user: UserRef,
        action: String,
    },
    /// Store proposed matches; the app posts their cards once they have numbers.
    StoreMatches(Vec<NewMatch>),
    /// Move a match from one status to another; a conflict if it is no longer in `from`.
    MoveMatch {
        match_id: i64,
        from: MatchStatus,
        to: MatchStatus,
        by: String,
        deadline: Option<DateTime<Utc>>,
    },
    /// Record one side's answer to an approved match; a conflict if it no longer waits.
    AnswerMatch {
        match_id: i64,
        side: RoleKind,
        accepted: bool,
    },
    /// Create the pair room (after the step is recorded) and post the kickoff in it.
    CreatePairRoom {
        match_id: i64,
        name: String,
        topic: String,
        members: Vec<UserRef>,
        kickoff: OutMessage,
        /// In group mode, the mentor's application: the group shares one room, so a room
        /// the mentor already has in this programme is reused and the mentee added to it.
        group_of: Option<i64>,
    },
    /// Record a member's answer to a check-in.
    AnswerCheckIn {
        match_id: i64,
        seq: u32,
        user: UserRef,
        answer: String,
    },
    /// Pause a match's milestones until a time, or resume it (`None`).
    PauseMatch {
        match_id: i64,
        until: Option<DateTime<Utc>>,
    },
    /// After a decline, a rejection or an expiry: propose the next best matches.
    Replan {
        programme: String,
    },
    /// Store a report as a new case (the reporter sealed by storage); the app then posts
    /// the card and tells the reporter the case number.
    StoreCase(NewCase),
    /// Add a line to a case's audit log.
    CaseEvent {
        case_id: i64,
        actor: String,
        kind: String,
        detail: String,
    },
    /// Move a case between statuses; a conflict if it is no longer in `from`.
    MoveCase {
        case_id: i64,
        from: CaseStatus,
        to: CaseStatus,
        by: String,
        outcome: Option<String>,
    },
    /// Queue a moderator's question for the case's reporter (storage knows who).
    AskReporter {
        case_id: i64,
        question: String,
        /// Asked by the escalation contact about a restricted case.
        restricted: bool,
    },
    /// The reporter's answer, for the audit log (as "reporter").
    CaseReply {
        case_id: i64,
        text: String,
    },
    /// Put files `holder` holds on a case as its evidence (only their own held files move;
    /// the holder is then forgotten by the file).
    AttachFiles {
        case_id: i64,
        holder: UserRef,
        ids: Vec<i64>,
    },
    /// Delete files `holder` holds that no case will take (a discarded report, extras).
    DropHeldFiles {
        holder: UserRef,
        ids: Vec<i64>,
    },
    /// Post a case's evidence files in the moderators' room (`None`: by DM to the
    /// moderator who asked), each under its neutral name.
    ShowEvidence {
        case_id: i64,
        room: Option<RoomRef>,
        moderator: UserRef,
    },
    /// A message to the case's reporter, sent by the app (who alone unseals them).
    TellReporter {
        case_id: i64,
        text: String,
    },
    /// Tell a moderator who asked to reveal a case's anonymous reporter who that is, by DM
    /// ([`cases::revealed_message`]): the app unseals the reporter when it sends it, so no
    /// flow and no waiting row names them.
    RevealReporter {
        case_id: i64,
        to: UserRef,
        /// The other moderator who asked.
        with: Vec<UserRef>,
    },
    /// Freeze or unfreeze a pair: recorded, then the app makes the room read-only (or not).
    FreezeMatch {
        match_id: i64,
        frozen: bool,
        by: String,
    },
    /// Link a person to a case (`case concerns`), or unlink them.
    LinkCaseSubject {
        case_id: i64,
        user: UserRef,
        linked: bool,
        by: String,
    },
    /// Suspend a person: recorded, then the app removes them from their pair rooms.
    Suspend {
        user: UserRef,
        until: Option<DateTime<Utc>>,
        reason: String,
        by: String,
    },
    Unsuspend {
        user: UserRef,
    },
    /// Remove a person from a room (performed by the app, logged).
    RemoveFromRoom {
        user: UserRef,
        room: RoomRef,
        by: String,
    },
    /// Close an active match (a conflict if it is no longer active); members with no other
    /// open match leave the matching pool until they ask for a new one.
    CloseMatch {
        match_id: i64,
        kind: crate::domain::matches::ClosureKind,
        reason: String,
        by: String,
    },
    /// Record what a member would like after their match ended.
    RecordNextStep {
        match_id: i64,
        user: UserRef,
        choice: crate::domain::matches::NextStep,
    },
    /// Post a final notice in a match's pair room and make it read-only (archived where the
    /// platform can).
    ArchivePairRoom {
        match_id: i64,
        notice: String,
    },
    /// Post a chart (drawn by the app) in a room, under `title`.
    PostChart {
        room: RoomRef,
        title: String,
        sections: Vec<crate::domain::figures::ChartSection>,
    },
    /// Send `to` the transcript of a match's pair room as a file (read by the app).
    SendTranscript {
        to: UserRef,
        match_id: i64,
    },
    /// Erase a person at their request (after everything else in the step), keeping the
    /// safeguarding records about them under a legal hold for `retention_years`.
    ErasePerson {
        user: UserRef,
        retention_years: u32,
    },
    /// Store a survey round with its invites, and queue the survey for each recipient.
    SendSurvey(crate::domain::survey::NewRound),
    /// Keep a survey's answers so far (the person paused half-way).
    SaveSurveyDraft {
        invite_id: i64,
        user: UserRef,
        answers: std::collections::BTreeMap<String, crate::domain::Answer>,
    },
    /// Store a survey's answers and mark the invite answered: with the person only when
    /// `attributed`. A conflict if the invite was answered already.
    SubmitSurvey {
        invite_id: i64,
        user: UserRef,
        answers: std::collections::BTreeMap<String, crate::domain::Answer>,
        attributed: bool,
    },
    /// Never propose this pair (a request, a conflict of interest): stored as a rejected
    /// match, which the engine already never proposes again.
    ExcludePair {
        programme: String,
        mentee_application: i64,
        mentor_application: i64,
        by: String,
        reason: String,
    },
    /// Let a pair be proposed again: the rejections, declines and exclusions between them
    /// are kept, marked as lifted.
    LiftExclusion {
        programme: String,
        mentee_application: i64,
        mentor_application: i64,
        by: String,
    },
}

/// A change of an application's status.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub application_id: i64,
    pub from: ApplicationStatus,
    pub to: ApplicationStatus,
    pub by: String,
    pub reason: String,
}

/// A conversation the bot starts with someone as soon as they are free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "prompt", rename_all = "snake_case")]
pub enum Prompt {
    /// A reviewer's question about their application.
    ReviewQuestion {
        question_id: i64,
        application_id: i64,
        programme: String,
        question: String,
    },
    /// An orientation or code of conduct to read and acknowledge.
    Acknowledge {
        application_id: i64,
        programme: String,
        step_id: String,
    },
    /// A match to accept or decline.
    MatchOffer { match_id: i64 },
    /// A moderator's question about the person's report (`restricted`: asked by the
    /// escalation contact, to whom the answer goes).
    CaseQuestion {
        case_id: i64,
        question: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        restricted: bool,
    },
    /// A milestone check-in: have you met since the last one?
    CheckIn {
        match_id: i64,
        seq: u32,
        text: String,
    },
    /// A survey to answer (or a reminder of one).
    Survey { invite_id: i64, reminder: bool },
    /// After a match ended: what would you like next?
    NextStep { match_id: i64 },
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

/// How the stored state changes.
// One per step, never stored in bulk: the size of a conversation is fine here.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum StateChange {
    Unchanged,
    Set(FlowState),
    Clear,
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
    /// Where coordinators work on the sender's platform.
    pub coordinators_room: Option<&'a RoomRef>,
    /// Where moderators work on the sender's platform.
    pub moderators_room: Option<&'a RoomRef>,
    /// Where events are announced on the sender's platform, unless `room:` says otherwise.
    pub events_room: Option<&'a RoomRef>,
    pub moderation: &'a Moderation,
    /// Data a review command needs, loaded by the app as its route asks (`route::Route::needs`).
    pub subject: &'a Subject,
    /// The people a staff command names (`suspend`, `case escalate`), as the app found
    /// them by what was typed: a command acts only when there is exactly one.
    pub people: &'a [crate::domain::people::KnownPerson],
    /// The sender's open offers that can no longer go ahead (one of the two is suspended
    /// or no longer ready to be matched): an acceptance withdraws them instead.
    pub blocked_offers: &'a [i64],
}

/// An event session and everyone's answer to it.
pub type EventWithAnswers = (EventRecord, Vec<(UserRef, Rsvp)>);

/// Data loaded for a coordinator's command.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Subject {
    #[default]
    Nothing,
    /// The message a platform's own "report message" reported, as it copied it.
    Reported(ReportedMessage),
    /// The application a command names, with the matches it is in (`None`: no such
    /// application).
    Application(Option<Box<(ApplicationRecord, Vec<MatchRecord>)>>),
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
    Export(Result<(String, Vec<String>), String>),
    /// For `my data`: everything stored about the sender.
    PersonalData(serde_json::Value),
    /// For `report` in the coordinators' room: the programme's records and answers.
    Report {
        applications: Vec<(ApplicationSummary, UserRef)>,
        matches: Vec<MatchRecord>,
        check_ins: Vec<(String, usize)>,
        /// Each survey's responses and how many were invited, by survey id.
        surveys: Vec<(String, Vec<crate::domain::survey::SurveyResponse>, usize)>,
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
}

impl Ctx<'_> {
    pub fn programme(&self, slug: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.slug == slug)
    }

    pub(crate) fn dm(&self, message: OutMessage) -> Effect {
        Effect::SendDm {
            to: self.user.clone(),
            message,
        }
    }

    pub(crate) fn dm_text(&self, text: impl Into<String>) -> Effect {
        self.dm(OutMessage::text(text))
    }

    /// What routing needs of this context (see [`route`]).
    pub fn router(&self) -> route::Router<'_> {
        route::Router {
            prefix: self.room_prefix,
            moderation: self.moderation,
            coordinators_room: self.coordinators_room,
            max_message_chars: self.max_message_chars,
        }
    }
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
pub(crate) mod tests;
