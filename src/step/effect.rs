//! Effects: what a step asks for, as the flows return it ([`Effect`]), and the change of
//! an application's status it may record ([`Decision`]).

use chrono::{DateTime, NaiveDate, Utc};

use super::Prompt;
use crate::chat::OutMessage;
use crate::domain::events::{NewEvent, Rsvp};
use crate::domain::incident::{CaseStatus, NewCase};
use crate::domain::matches::{MatchStatus, NewMatch, NewRequest};
use crate::domain::profile::Profile;
use crate::domain::screening::StepState;
use crate::domain::{ApplicationStatus, NewApplication, RoleKind, RoomRef, UserRef};

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
    /// Store a coordinator's private note on an application (never sent to the applicant).
    NoteApplication {
        application_id: i64,
        by: String,
        text: String,
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
    /// Store the sessions of a new event with their jobs (the announcement, and a reminder
    /// `before` each start for each of `reminders`), and tell the coordinators in `tell`
    /// what was created (through the outbox, once the sessions have their numbers).
    StoreEvents {
        events: Vec<NewEvent>,
        reminders: Vec<chrono::Duration>,
        tell: RoomRef,
    },
    /// Record a person's answer to an event.
    Rsvp {
        event_id: i64,
        user: UserRef,
        answer: Rsvp,
    },
    /// Mark a session cancelled and skip its jobs; the platform's copy (a Discord
    /// scheduled event) is cancelled through the outbox.
    CancelEvent {
        event_id: i64,
        reason: String,
        /// The platform of the room it was announced in, whose copy is cancelled.
        platform: crate::domain::Platform,
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
    /// Someone was allowed a staff command by a group the platform defines (a role, a
    /// power level) rather than by name: logged with which group, since the platform may
    /// take it away later.
    LogAllowed {
        user: UserRef,
        action: String,
        reason: String,
    },
    /// Store proposed matches; the app posts their cards once they have numbers.
    StoreMatches(Vec<NewMatch>),
    /// Store a mentee's request to a mentor and queue the mentor's offer (or, waiting for a
    /// coordinator, post its card); a conflict when either has no place left by then.
    StoreRequest(Box<NewRequest>),
    /// Set what an application's profile shows (an empty profile removes it).
    SetProfile {
        application: i64,
        profile: Profile,
    },
    /// Remember a conversation starter given to a pair, so it is not given again.
    GiveStarter {
        match_id: i64,
        text: String,
    },
    /// Assign an active match to the one of `among` with the fewest active matches (one
    /// named: to them), for its staff check-ins.
    AssignStaff {
        match_id: i64,
        among: Vec<UserRef>,
    },
    /// A member of a pair accepts their mentoring agreement (once).
    AcceptAgreement {
        match_id: i64,
        user: UserRef,
    },
    /// Store a person's weekly availability: their zone and free windows (complete).
    SetAvailability {
        user: UserRef,
        zone: String,
        windows: Vec<crate::domain::meetings::Window>,
    },
    ClearAvailability {
        user: UserRef,
    },
    /// Remember the meeting times `meet` proposed to a pair (replacing any before).
    OfferMeetings {
        match_id: i64,
        offer: crate::domain::meetings::Offer,
    },
    /// Book a pair's meeting, with its reminder and its "did you meet?" as jobs (carried
    /// out by a process serving `platform`); the offer is used up. A conflict if the match
    /// is not active any more.
    BookMeeting {
        match_id: i64,
        starts_at: chrono::DateTime<chrono::Utc>,
        minutes: u32,
        /// The mentee's zone, then the mentor's, for the reminder.
        zones: [String; 2],
        platform: crate::domain::Platform,
    },
    /// Cancel a booked meeting and skip its jobs.
    CancelMeeting {
        meeting_id: i64,
    },
    /// Log how long a pair met (`None`: they did not), for a booked meeting or, without
    /// one, as a meeting that just happened.
    LogMeeting {
        match_id: i64,
        meeting_id: Option<i64>,
        held_minutes: Option<u32>,
    },
    /// Log a staff member's contact with a pair; a conflict if the match is not active.
    LogStaffCheckIn(crate::domain::support::StaffCheckIn),
    /// Record that the support sweep sent a notice about a match, with the notice's acts;
    /// a conflict if it was sent already, so it is sent once.
    NoteSupportNotice {
        match_id: i64,
        name: String,
    },
    /// Record a support notice as told by other means (a staff member handed a pair is
    /// told by the step that hands it on), so the sweep does not tell it again; nothing if
    /// it was recorded before.
    MarkSupportNotice {
        match_id: i64,
        name: String,
    },
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
        topic: crate::i18n::Text,
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
    /// A ranked request that did not go ahead: ask the mentee's next choice who still can
    /// (a follow-up step of its own).
    PassOn {
        match_id: i64,
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
        text: crate::i18n::Text,
    },
    /// Tell a moderator who asked to reveal a case's anonymous reporter who that is, by DM
    /// (`flows::incident::cases::revealed_message`): the app unseals the reporter when it
    /// sends it, so no flow and no waiting row names them.
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
        notice: crate::i18n::Text,
    },
    /// Post a chart (drawn by the app) in a room, under `title` (said in the room's
    /// language).
    PostChart {
        room: RoomRef,
        title: crate::i18n::Text,
        sections: Vec<crate::domain::figures::ChartSection>,
    },
    /// Send `to` a programme's resource file (read by the app from `path`), with `message`.
    SendResource {
        to: UserRef,
        path: String,
        message: OutMessage,
    },
    /// `user` wants no coordinators' broadcasts (`muted`), or wants them again.
    MuteAnnouncements {
        user: UserRef,
        muted: bool,
    },
    /// `user` has read resource `resource` of `programme`.
    MarkResourceRead {
        user: UserRef,
        programme: String,
        resource: String,
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
    /// Keep `account`'s one-time link code until `expires`, in place of an earlier one
    /// (`domain::accounts`): storage keeps a keyed hash of it, never the code.
    StoreLinkCode {
        account: UserRef,
        code: String,
        expires: DateTime<Utc>,
    },
    /// Read `other` as `person` from now on (`domain::accounts`); a conflict if either was
    /// linked meanwhile.
    LinkAccounts {
        person: UserRef,
        other: UserRef,
        at: DateTime<Utc>,
    },
    /// `account` takes over the applications a coordinator entered for `assisted` (the
    /// stand-in of someone who had no chat account: `flows::assist`) with `code`; a
    /// conflict if the code was used or replaced meanwhile, or `account` applied to one of
    /// their programmes meanwhile.
    ClaimAssisted {
        assisted: UserRef,
        account: UserRef,
        /// The code typed: used up by the claim, which only one can make.
        code: String,
    },
    /// End `account`'s link, as the person or as the other account.
    Unlink {
        account: UserRef,
    },
    /// Send `person`'s DMs to their other account (`other`), or to their own.
    DmAccount {
        person: UserRef,
        other: bool,
    },
    /// Write to `user` in `locale` from now on.
    SetLanguage {
        user: UserRef,
        locale: crate::i18n::Locale,
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
    /// `no more` in a follow-up of outcomes after closure: no more of the programme's
    /// follow-ups for `user`, and this invite withdrawn.
    DeclineFollowUps {
        invite_id: i64,
        user: UserRef,
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
    /// Store a participant's question to the programme team; the app then posts its card
    /// in the coordinators' room (it needs the question's number).
    AskTeam(crate::domain::team::NewQuestion),
    /// Record that a coordinator (`by`, `platform:id`) answered a question, now.
    AnswerQuestion {
        id: i64,
        by: String,
    },
    /// Record pair-room safety flags (`domain::safety`); the app then posts their cards
    /// and the sender's reminders (it needs the flags' numbers).
    RecordSafetyFlags(Vec<crate::domain::safety::NewFlag>),
    /// Record that `user` was reminded of `kind` on `day` (their own date); a conflict if
    /// they were already, so a reminder goes once a day whoever races.
    ClaimSafetyReminder {
        user: UserRef,
        kind: crate::domain::safety::Kind,
        day: chrono::NaiveDate,
    },
    /// A coordinator's decision on a safety flag (dismissed or noted); a conflict if it
    /// is no longer `from`.
    DecideSafetyFlag {
        flag_id: i64,
        from: crate::domain::safety::FlagStatus,
        to: crate::domain::safety::FlagStatus,
        note: Option<String>,
        by: UserRef,
    },
    /// A safety flag made a case: the case stored (then announced like a report) and the
    /// flag marked with its number; a conflict if the flag is no longer `from`.
    SafetyFlagToCase {
        flag_id: i64,
        from: crate::domain::safety::FlagStatus,
        case: Box<NewCase>,
        note: Option<String>,
        by: UserRef,
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
