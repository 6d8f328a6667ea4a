//! Guided conversations as pure state machines.
//!
//! Everything a person says to the bot goes through [`handle`]: given the stored state of
//! their conversation (if any), what they sent, and a read-only [`Ctx`] (programmes, their
//! existing applications, the time), it returns the new state and the [`Effect`]s to carry
//! out. It performs no I/O: `crate::app` loads the state, calls `handle`, stores the result
//! and performs the effects through the ports. That is what lets a conversation last days and
//! survive restarts, and what makes every step testable without a database or chat server.
//!
//! To add a flow (a survey, an incident report): add a module with its state type and a
//! `step` function, a variant to [`FlowState`], and route to it from [`handle`].

pub mod actions;
pub mod acts;
pub mod application;
pub mod cases;
pub mod closure;
pub mod command;
mod escape;
pub mod events;
pub mod form;
pub mod pairing;
pub mod pause;
pub mod permissions;
pub mod personal;
pub mod prompts;
pub mod rate;
pub mod report;
pub mod reporting;
pub mod review;
pub mod survey;
pub mod withdraw;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::events::{EventRecord, NewEvent, Rsvp};
use crate::domain::incident::{CaseEvent, CaseRecord, CaseStatus, Moderation, NewCase, OwnReport};
use crate::domain::matches::{MatchRecord, MatchStatus, NewMatch};
use crate::domain::screening::StepState;
use crate::domain::text::{char_len, thousands};
use crate::domain::{
    ApplicationRecord, ApplicationStatus, ApplicationSummary, NewApplication, Place, Programme,
    RoleKind, RoomRef, UserRef,
};
use command::{Command, parse, suggest};

pub use application::ApplicationFlow;
// The chat vocabulary, which every flow reads and writes.
pub use crate::chat::{
    Attachment, CardAction, Content, FileStatus, HeldFile, Inbound, InboundFile, OutMessage,
    Placement, ReportedMessage, Thread, application_thread, case_thread,
};

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
        sections: Vec<crate::domain::reporting::ChartSection>,
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
    /// Data a review command needs, loaded by the app as [`review::needs`] asks.
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
    /// The case a moderation command names, with its audit log (`None`: no such case).
    Case(Option<Box<(CaseRecord, Vec<CaseEvent>)>>),
    /// Every case, for `cases`.
    Cases(Vec<CaseRecord>),
    /// The match a moderation action names (`None`: no such match).
    Pair(Option<MatchRecord>),
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
}

/// Decides what to do with one inbound message.
pub fn handle(ctx: &Ctx<'_>, state: Option<&FlowState>, inbound: &Inbound) -> Outcome {
    if let Content::Text(text) = &inbound.content {
        let len = char_len(text);
        if len > ctx.max_message_chars {
            let reply = format!(
                "That message is too long for me ({} characters). Please keep messages under {} characters.",
                thousands(len),
                thousands(ctx.max_message_chars)
            );
            let mut effects = vec![reply_to(ctx, &inbound.place, reply)];
            effects.extend(drop_held(ctx, &inbound.files));
            return Outcome::unchanged(effects);
        }
    }
    if !inbound.files.is_empty() {
        return with_files(ctx, state, inbound);
    }
    // The platform's own "report message": a report with that message as evidence.
    if let (Place::Dm, Content::Text(t)) = (&inbound.place, &inbound.content)
        && let Some(link) = report::reported_message(t)
    {
        return match state {
            None => report::start_about_message(ctx, link),
            Some(_) => Outcome::unchanged(vec![ctx.dm_text(
                "Let's finish what we were doing first (or type cancel); then report the message again.",
            )]),
        };
    }
    // An RSVP button or reaction, wherever it was pressed: answered by DM.
    if let Some((n, answer)) = events::picked(&inbound.content) {
        return events::rsvp(ctx, n, answer);
    }
    match &inbound.place {
        Place::Room(room) => handle_room(ctx, state, room, &inbound.content),
        Place::Dm => match state {
            None => handle_idle_dm(ctx, &inbound.content),
            Some(FlowState::Stacked { top, under }) => {
                let outcome = dm_escapes(ctx, top, &inbound.content, true)
                    .unwrap_or_else(|| dm_step(ctx, top, &inbound.content));
                escape::restack(ctx, outcome, under)
            }
            Some(state) => dm_escapes(ctx, state, &inbound.content, false)
                .unwrap_or_else(|| dm_step(ctx, state, &inbound.content)),
        },
    }
}

/// A command that escapes the open flow `state` (see [`escape`]), if the message is one.
fn dm_escapes(
    ctx: &Ctx<'_>,
    state: &FlowState,
    content: &Content,
    stacked: bool,
) -> Option<Outcome> {
    escape::in_flow(
        ctx,
        state,
        content,
        stacked,
        |c| dm_step(ctx, state, c),
        |c| handle_idle_dm(ctx, c),
    )
}

/// One message in a DM, for the flow `state` that is open.
fn dm_step(ctx: &Ctx<'_>, state: &FlowState, content: &Content) -> Outcome {
    match state {
        FlowState::Application(flow) => application::step(ctx, flow, content),
        FlowState::AnswerQuestion(flow) => prompts::answer_step(ctx, flow, content),
        FlowState::Acknowledge(flow) => prompts::acknowledge_step(ctx, flow, content),
        FlowState::MatchOffer(flow) => prompts::offer_step(ctx, flow, content),
        FlowState::CheckIn(flow) => prompts::check_in_step(ctx, flow, content),
        FlowState::ConfirmWithdraw(flow) => withdraw::step(ctx, flow, content),
        FlowState::Report(flow) => report::step(ctx, flow, content),
        FlowState::CaseReply(flow) => cases::reply_step(ctx, flow, content),
        FlowState::Survey(flow) => survey::step(ctx, flow, content),
        FlowState::ConfirmClose(flow) => closure::confirm_step(ctx, flow, content),
        FlowState::WhatNext(flow) => closure::next_step(ctx, flow, content),
        FlowState::ConfirmDelete(_) => personal::confirm_step(ctx, content),
        FlowState::ConfirmAction(_) => Outcome::unchanged(
            escape::question(ctx, state)
                .map(|q| ctx.dm(q))
                .into_iter()
                .collect(),
        ),
        FlowState::Stacked { top, .. } => dm_step(ctx, top, content),
    }
}

/// A message with files. Only a report's evidence step and an answer to a moderator's
/// question take files; anywhere else the files are passed over (in a DM, with a word
/// saying so) and a caption is handled as if typed alone.
fn with_files(ctx: &Ctx<'_>, state: Option<&FlowState>, inbound: &Inbound) -> Outcome {
    let caption = match &inbound.content {
        Content::Text(t) => t.as_str(),
        Content::Picked { .. } => "",
    };
    if inbound.place == Place::Dm {
        let taken = match state.map(FlowState::active) {
            Some(FlowState::Report(flow)) => {
                Some(report::files(ctx, flow, &inbound.files, caption))
            }
            Some(FlowState::CaseReply(flow)) => {
                Some(cases::reply_files(ctx, flow, &inbound.files, caption))
            }
            _ => None,
        };
        if let Some(outcome) = taken {
            return match state {
                Some(FlowState::Stacked { under, .. }) => escape::restack(ctx, outcome, under),
                _ => outcome,
            };
        }
    }
    // Files fetched for a step that, by the time it was decided, no longer wanted them.
    let mut outcome = if caption.trim().is_empty() {
        Outcome::unchanged(drop_held(ctx, &inbound.files).into_iter().collect())
    } else {
        let caption_alone = Inbound {
            files: vec![],
            ..inbound.clone()
        };
        let mut outcome = handle(ctx, state, &caption_alone);
        outcome.effects.extend(drop_held(ctx, &inbound.files));
        outcome
    };
    if inbound.place == Place::Dm {
        outcome.effects.insert(
            0,
            ctx.dm_text(
                "I only keep files sent as evidence in a report (type report to start one), so I haven't kept this.",
            ),
        );
    }
    outcome
}

/// Deletes the files of a message that the app fetched and held but no flow took.
pub(crate) fn drop_held(ctx: &Ctx<'_>, files: &[InboundFile]) -> Option<Effect> {
    let ids: Vec<i64> = files
        .iter()
        .filter_map(|f| match &f.status {
            FileStatus::Held(h) => Some(h.id),
            _ => None,
        })
        .collect();
    (!ids.is_empty()).then(|| Effect::DropHeldFiles {
        holder: ctx.user.clone(),
        ids,
    })
}

fn reply_to(ctx: &Ctx<'_>, place: &Place, text: String) -> Effect {
    match place {
        Place::Dm => ctx.dm_text(text),
        Place::Room(room) => Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(text),
        },
    }
}

/// A DM with no conversation in progress: a command, or a friendly pointer to `help`.
fn handle_idle_dm(ctx: &Ctx<'_>, content: &Content) -> Outcome {
    let text = match content {
        Content::Text(t) => t.as_str(),
        Content::Picked { .. } => {
            return Outcome::unchanged(vec![ctx.dm_text(
                "That question is no longer open: you have no application in progress. Type apply to start one, or help to see what I can do.",
            )]);
        }
    };
    if matches!(text.trim().to_lowercase().as_str(), "survey" | "surveys") {
        return survey::resume(ctx);
    }
    if let Some((id, reason)) = closure::parse_dm(text) {
        return closure::start(ctx, id, &reason);
    }
    match personal::parse(text) {
        Some(personal::PersonalCommand::MyData) => return personal::my_data(ctx),
        Some(personal::PersonalCommand::Delete) => return personal::start_delete(ctx),
        None => {}
    }
    if let Some(n) = closure::parse_transcript(text) {
        return closure::transcript(ctx, n);
    }
    // The escalation contact works restricted cases here, by DM.
    if ctx.moderation.is_escalation_contact(ctx.user)
        && let Some(command) = cases::parse_dm(text, ctx.room_prefix)
    {
        return cases::handle_dm(ctx, command);
    }
    match events::parse(text) {
        Some(Ok(events::EventCommand::Rsvp(n, answer))) => {
            return events::rsvp(ctx, n, Some(answer));
        }
        Some(Err(usage)) if text.trim().to_lowercase().starts_with("rsvp") => {
            return Outcome::unchanged(vec![ctx.dm_text(usage)]);
        }
        Some(_) => {
            return Outcome::unchanged(vec![ctx.dm_text(format!(
                "Event commands work in the coordinators' room: write {} followed by the command there.",
                ctx.room_prefix
            ))]);
        }
        None => {}
    }
    if review::parse(text).is_some() && parse(text).is_none() {
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "Coordinators' commands work in the coordinators' room, next to the applications' cards: write {} followed by the command there.",
            ctx.room_prefix
        ))]);
    }
    match parse(text) {
        Some(Command::Help) | Some(Command::Greeting) => {
            Outcome::unchanged(vec![ctx.dm_text(help_text(ctx, ""))])
        }
        Some(Command::Apply(args)) => application::start(ctx, &args),
        Some(Command::Status) => Outcome::unchanged(vec![ctx.dm_text(status_text(ctx))]),
        Some(Command::Withdraw(programme)) => withdraw::start(ctx, programme.as_deref()),
        Some(Command::Report) => report::start(ctx, None),
        Some(Command::Pause(rest)) => pause::pause(ctx, &rest),
        Some(Command::Resume) => pause::resume(ctx),
        Some(Command::Cancel) => {
            Outcome::unchanged(vec![ctx.dm_text(
                "There is nothing to cancel: you have no application in progress.",
            )])
        }
        Some(Command::Stop) => Outcome::unchanged(vec![ctx.dm_text(
            "There is nothing to stop: we're not in the middle of anything. Type help to see what I can do.",
        )]),
        Some(Command::Back | Command::Skip | Command::Review | Command::Submit | Command::Keep)
        | Some(Command::Edit(_)) => Outcome::unchanged(vec![
            ctx.dm_text("You have no application in progress. Type apply to start one."),
        ]),
        None => Outcome::unchanged(vec![ctx.dm_text(unknown_text(text, ""))]),
    }
}

/// A message in a shared room: only prefixed commands are for the bot, and anything
/// personal is answered by DM.
fn handle_room(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    content: &Content,
) -> Outcome {
    let Content::Text(text) = content else {
        return Outcome::unchanged(vec![]);
    };
    let Some(rest) = strip_prefix_ci(text.trim(), ctx.room_prefix) else {
        return Outcome::unchanged(vec![]);
    };
    let post = |t: String| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(t),
    };
    let sent_dm = format!("{}, I've sent you a direct message.", ctx.user.id);
    if rest.is_empty() {
        return Outcome::unchanged(vec![post(help_text(ctx, ctx.room_prefix))]);
    }
    if matches!(state, Some(FlowState::ConfirmAction(_))) && actions::is_cancel(rest) {
        return actions::handle(ctx, state, room, Ok(actions::ActionCommand::Cancel));
    }
    if let Some(command) = actions::parse(rest) {
        return actions::handle(ctx, state, room, command);
    }
    if let Some(command) = cases::parse(rest) {
        return cases::handle(ctx, room, command);
    }
    if let Some(command) = events::parse(rest) {
        return match command {
            Ok(c) => events::handle(ctx, room, c),
            Err(usage) => Outcome::unchanged(vec![post(usage)]),
        };
    }
    if let Some(command) = closure::parse_room(rest) {
        if ctx.coordinators_room == Some(room) {
            return closure::handle_room(ctx, room, command);
        }
        // A participant in their pair room (or anywhere else): the confirmation goes on
        // in the DM, and nothing is said in the room.
        let (id, reason) = closure::parse_dm(rest).unwrap_or_default();
        return match state {
            None => closure::start(ctx, id, &reason),
            Some(_) => {
                Outcome::unchanged(vec![ctx.dm_text(
                    "Let's finish what we were doing first; then type close match here.",
                )])
            }
        };
    }
    if let Some(command) = survey::parse(rest) {
        return match command {
            Ok(c) => survey::handle(ctx, room, c),
            Err(usage) => Outcome::unchanged(vec![post(usage)]),
        };
    }
    if ctx.coordinators_room == Some(room)
        && let Some(arg) = reporting::parse(rest)
    {
        return reporting::handle(ctx, room, arg.as_deref());
    }
    if let Some(command) = reporting::parse_export(rest) {
        return match staff_command(
            room,
            ctx.coordinators_room,
            Ok(command),
            "Exports work in the coordinators' room.",
        ) {
            Ok(command) => reporting::handle_export(ctx, room, command),
            Err(early) => *early,
        };
    }
    if matches!(parse(rest), Some(Command::Report)) {
        // Started from a room (perhaps a pair room): the report goes on in the DM, and
        // nothing is said in the room.
        return match state {
            None => report::start(ctx, Some(room.id.clone())),
            // The open flow keeps its place under the report (see `escape`).
            Some(open @ (FlowState::Stacked { .. } | FlowState::Report(_))) => {
                let mut effects = vec![ctx.dm_text(
                    "Let's finish this first (or type cancel), then type report here again:",
                )];
                effects.extend(escape::question(ctx, open).map(|q| ctx.dm(q)));
                Outcome::unchanged(effects)
            }
            Some(open) => escape::stack(ctx, report::start(ctx, Some(room.id.clone())), open),
        };
    }
    if let Some(command) = review::parse(rest) {
        return review::handle(ctx, room, command);
    }
    if let Some(command) = pairing::parse(rest) {
        return pairing::handle(ctx, room, command);
    }
    if let Some(command) = pause::parse(rest) {
        return pause::handle(ctx, room, command);
    }
    match parse(rest) {
        Some(Command::Help) | Some(Command::Greeting) => {
            Outcome::unchanged(vec![post(help_text(ctx, ctx.room_prefix))])
        }
        Some(Command::Apply(args)) => {
            let mut outcome = match state {
                Some(FlowState::Application(flow)) => application::remind(ctx, flow),
                Some(_) => Outcome::unchanged(vec![ctx.dm_text(
                    "Let's finish what we were doing first: please answer my last message here.",
                )]),
                None => application::start(ctx, &args),
            };
            outcome.effects.push(post(sent_dm));
            outcome
        }
        Some(Command::Status) => {
            let effects = vec![ctx.dm_text(status_text(ctx)), post(sent_dm)];
            Outcome::unchanged(effects)
        }
        Some(_) => Outcome::unchanged(vec![post(format!(
            "{}, please answer me in our direct messages: that's where your application is.",
            ctx.user.id
        ))]),
        None => Outcome::unchanged(vec![post(unknown_text(rest, ctx.room_prefix))]),
    }
}

/// The common start of a command posted in a staff room: a usage error is answered, and
/// nothing is done outside `expected` (the room where such commands work), so that what
/// they show never appears anywhere else. `Err` is the reply to send instead.
pub(crate) fn staff_command<C>(
    room: &RoomRef,
    expected: Option<&RoomRef>,
    command: Result<C, String>,
    wrong_room: &str,
) -> Result<C, Box<Outcome>> {
    let reply = |text: String| {
        Box::new(Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(text),
        }]))
    };
    let command = command.map_err(reply)?;
    if expected != Some(room) {
        return Err(reply(wrong_room.to_string()));
    }
    Ok(command)
}

/// A step whose only effect is a post in `room`.
pub(crate) fn post_only(room: &RoomRef, text: String) -> Outcome {
    Outcome::unchanged(vec![Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(text),
    }])
}

pub(crate) fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    if !prefix.is_empty() && head.eq_ignore_ascii_case(prefix) {
        let rest = &text[prefix.len()..];
        (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest.trim())
    } else {
        None
    }
}

pub(crate) fn help_text(ctx: &Ctx<'_>, prefix: &str) -> String {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    let open: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.applications_open)
        .collect();
    let mut s = String::from(
        "Hello! I'm Tandem, the bot that runs this community's mentoring programmes.\n",
    );
    if open.is_empty() {
        s.push_str("No programme is open for applications right now.\n");
    } else {
        s.push_str("Open for applications:\n");
        for prog in &open {
            s.push_str(&format!(
                "• {} ({}): {}\n",
                prog.name, prog.slug, prog.description
            ));
        }
    }
    s.push_str(&format!(
        "You can type:\n{p}apply — apply as a mentor or a mentee\n{p}status — see your applications\n{p}cancel — stop an application in progress\n{p}withdraw — take back an application you submitted\n{p}report — tell the moderators, privately, about something that worried you\n{p}my data — everything Tandem stores about you, as a file\n{p}delete my data — erase it (you'll be asked to confirm)\n{p}help — show this message"
    ));
    if ctx
        .matches
        .iter()
        .any(|m| m.status == crate::domain::matches::MatchStatus::Active)
    {
        s.push_str(&format!(
            "\n{p}pause until 2027-03-01 — no check-ins or reminders until that date\n{p}resume — end a pause early\n{p}close match — end your mentoring early (you'll be asked to confirm)"
        ));
    }
    if ctx.matches.iter().any(|m| m.room.is_some()) {
        s.push_str(&format!(
            "\n{p}transcript — your pair room's messages, as a file"
        ));
    }
    if !ctx.surveys.is_empty() {
        s.push_str(&format!("\n{p}survey — answer the survey waiting for you"));
    }
    s
}

pub(crate) fn status_text(ctx: &Ctx<'_>) -> String {
    if ctx.applications.is_empty() {
        return "You have no applications yet. Type apply to start one.".to_string();
    }
    let mut s = applications_text(ctx);
    for m in ctx
        .matches
        .iter()
        .filter(|m| matches!(m.status, MatchStatus::Approved | MatchStatus::Active))
    {
        let (other, role) = if m.mentee == *ctx.user {
            (&m.mentor_name, "mentor")
        } else {
            (&m.mentee_name, "mentee")
        };
        match m.status {
            MatchStatus::Active => s.push_str(&format!(
                "\nYou are matched with {other} (your {role}){}.",
                m.room
                    .as_ref()
                    .map(|r| format!("; your pair room is {r}"))
                    .unwrap_or_default()
            )),
            _ => s.push_str(&format!(
                "\nA match with {other} (as your {role}) is waiting for answers{}.",
                m.deadline
                    .map(|d| format!(" until {}", d.format("%-d %B")))
                    .unwrap_or_default()
            )),
        }
    }
    s
}

fn applications_text(ctx: &Ctx<'_>) -> String {
    let mut s = String::from("Your applications:");
    let today = ctx.now.date_naive();
    for app in ctx.applications {
        let programme = ctx.programme(&app.programme);
        let name = programme
            .map(|p| p.name.as_str())
            .unwrap_or(app.programme.as_str());
        s.push_str(&format!(
            "\n• {name}, as {} (#{}, submitted on {}): {}",
            app.role,
            app.id,
            app.submitted_at.format("%-d %B %Y"),
            app.status.describe()
        ));
        if let Some((position, total)) = app.waitlist_position {
            s.push_str(&format!(
                "\n    You are number {position} of {total} on the waiting list."
            ));
        }
        let steps = programme
            .and_then(|p| p.role(app.role))
            .map(|r| r.screening.steps.as_slice())
            .unwrap_or(&[]);
        if app.status.is_accepted() {
            for step in steps {
                let state = app
                    .steps
                    .get(&step.id)
                    .cloned()
                    .unwrap_or(StepState::Pending);
                let mark = if state.complete(today) { "✓" } else { "·" };
                s.push_str(&format!(
                    "\n    {mark} {}: {}",
                    step.label,
                    state.describe()
                ));
            }
        }
    }
    s
}

fn unknown_text(text: &str, prefix: &str) -> String {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    match suggest(text) {
        Some(cmd) => format!(
            "Sorry, I didn't understand that. Did you mean {p}{cmd}? Type {p}help to see what I can do."
        ),
        None => format!("Sorry, I didn't understand that. Type {p}help to see what I can do."),
    }
}

#[cfg(test)]
pub(crate) mod tests;
