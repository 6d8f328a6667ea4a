//! The staff help's table: every privileged command's group, words, example and what it
//! does, in one exhaustive match ([`entry`]), so that a new command does not build until
//! it has its help. Who may run it is not written here: it comes from the permission matrix.
//!
//! What a command does, and the groups' titles, come from the catalogue (`help.ftl`, ids
//! `staff-help-…`); the usage and the example are the command as typed, the same in every
//! language.

use crate::flows::permissions::Privileged;
use crate::i18n::Text;

/// The groups the help is shown in, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    Screening,
    Matching,
    Matches,
    Safety,
    Events,
    Surveys,
    Figures,
    Cases,
    Actions,
    OwnPair,
}

impl Group {
    pub(crate) const ALL: [Group; 10] = [
        Group::Screening,
        Group::Matching,
        Group::Matches,
        Group::Safety,
        Group::Events,
        Group::Surveys,
        Group::Figures,
        Group::Cases,
        Group::Actions,
        Group::OwnPair,
    ];

    /// The group's heading, with its colon.
    pub(crate) fn title(self) -> Text {
        match self {
            Group::Screening => Text::msg("staff-help-group-screening"),
            Group::Matching => Text::msg("staff-help-group-matching"),
            Group::Matches => Text::msg("staff-help-group-matches"),
            Group::Safety => Text::msg("staff-help-group-safety"),
            Group::Events => Text::msg("staff-help-group-events"),
            Group::Surveys => Text::msg("staff-help-group-surveys"),
            Group::Figures => Text::msg("staff-help-group-figures"),
            Group::Cases => Text::msg("staff-help-group-cases"),
            Group::Actions => Text::msg("staff-help-group-actions"),
            Group::OwnPair => Text::msg("staff-help-group-own-pair"),
        }
    }
}

/// One command's help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub group: Group,
    /// The words, with `<what to write>` and `[what may be left out]`; alternatives are
    /// separated by ` · ` (`confirm · cancel`).
    pub usage: &'static str,
    /// One complete command, without the prefix.
    pub example: &'static str,
    /// What it does, in one line (lower case, no full stop: it follows a dash).
    pub does: Text,
}

fn e(group: Group, usage: &'static str, example: &'static str, does: Text) -> Entry {
    Entry {
        group,
        usage,
        example,
        does,
    }
}

/// Every privileged command's help. Numbers are written as people see them: `A12` an
/// application, `P3` a proposal, `M7` a match, `F3` a safety flag; cases and events by
/// their plain number.
pub(crate) fn entry(command: Privileged) -> Entry {
    use Group::*;
    use Privileged as P;
    match command {
        P::ReviewQueue => e(
            Screening,
            "queue",
            "queue",
            Text::msg("staff-help-does-review-queue"),
        ),
        P::ScreeningSummary => e(
            Screening,
            "screening summary",
            "screening summary",
            Text::msg("staff-help-does-screening-summary"),
        ),
        P::ShowApplication => e(
            Screening,
            "show <application>",
            "show A12",
            Text::msg("staff-help-does-show-application"),
        ),
        P::Approve => e(
            Screening,
            "approve <application>",
            "approve A12",
            Text::msg("staff-help-does-approve"),
        ),
        P::Reject => e(
            Screening,
            "reject <application> <reason>",
            "reject A12 We need mentors with three years of experience.",
            Text::msg("staff-help-does-reject"),
        ),
        P::AskApplicant => e(
            Screening,
            "ask <application> <question>",
            "ask A12 Which evenings are you free?",
            Text::msg("staff-help-does-ask-applicant"),
        ),
        P::Waitlist => e(
            Screening,
            "waitlist <application>",
            "waitlist A12",
            Text::msg("staff-help-does-waitlist"),
        ),
        P::NoteApplication => e(
            Screening,
            "note <application> <text>",
            "note A8 Prefers evening calls",
            Text::msg("staff-help-does-note-application"),
        ),
        P::RecordStep => e(
            Screening,
            "step <application(s)> <step> <update>",
            "step A12 interview scheduled 2027-02-01 18:00",
            Text::msg("staff-help-does-record-step"),
        ),
        P::MatchPreview => e(
            Matching,
            "match preview [programme]",
            "match preview",
            Text::msg("staff-help-does-match-preview"),
        ),
        P::MatchPropose => e(
            Matching,
            "match propose [programme]",
            "match propose",
            Text::msg("staff-help-does-match-propose"),
        ),
        P::MatchApprove => e(
            Matching,
            "match approve <proposal>",
            "match approve P3",
            Text::msg("staff-help-does-match-approve"),
        ),
        P::MatchApproveAll => e(
            Matching,
            "match approve all [programme]",
            "match approve all",
            Text::msg("staff-help-does-match-approve-all"),
        ),
        P::MatchReject => e(
            Matching,
            "match reject <proposal> [reason]",
            "match reject P3 they already know each other",
            Text::msg("staff-help-does-match-reject"),
        ),
        P::MatchSwap => e(
            Matching,
            "match swap <proposal> <mentor's application>",
            "match swap P3 A9",
            Text::msg("staff-help-does-match-swap"),
        ),
        P::MatchRematch => e(
            Matching,
            "match rematch <application>",
            "match rematch A12",
            Text::msg("staff-help-does-match-rematch"),
        ),
        P::MatchExclude => e(
            Matching,
            "match exclude <mentee's application> <mentor's application> [reason] · match include <mentee's application> <mentor's application>",
            "match exclude A4 A9 conflict of interest",
            Text::msg("staff-help-does-match-exclude"),
        ),
        P::MatchList => e(
            Matches,
            "matches [programme] [at-risk · stuck · quiet · check-in · paused · frozen · too-early · ok · offered · proposed · ended · all]",
            "matches at-risk",
            Text::msg("staff-help-does-match-list"),
        ),
        P::MatchShow => e(
            Matches,
            "match show <match>",
            "match show M7",
            Text::msg("staff-help-does-match-show"),
        ),
        P::FindPerson => e(
            Matches,
            "who <name, id or application>",
            "who Amina",
            Text::msg("staff-help-does-find-person"),
        ),
        P::CheckInsDue => e(
            Matches,
            "checkins [programme] [mine]",
            "checkins mine",
            Text::msg("staff-help-does-check-ins-due"),
        ),
        P::CheckInHistory => e(
            Matches,
            "checkins for <match>",
            "checkins for M7",
            Text::msg("staff-help-does-check-in-history"),
        ),
        P::CheckInLog => e(
            Matches,
            "checkin <match> [with mentee · mentor · both] [by chat · call · video · meeting · email] [concern]: <notes>",
            "checkin M7 by call with both: they met twice, CV next",
            Text::msg("staff-help-does-check-in-log"),
        ),
        P::CheckInAssign => e(
            Matches,
            "checkin assign <match> <staff member>",
            "checkin assign M7 console:dev",
            Text::msg("staff-help-does-check-in-assign"),
        ),
        P::CloseMatch => e(
            Matches,
            "close match <match> [disciplinary] <reason>",
            "close match M7 the mentor moved abroad",
            Text::msg("staff-help-does-close-match"),
        ),
        P::PauseMatch => e(
            Matches,
            "pause <match> until <date>",
            "pause M7 until 2027-03-01",
            Text::msg("staff-help-does-pause-match"),
        ),
        P::ResumeMatch => e(
            Matches,
            "resume <match>",
            "resume M7",
            Text::msg("staff-help-does-resume-match"),
        ),
        P::MessagePair => e(
            Matches,
            "message <match> <text>",
            "message M7 How are your sessions going?",
            Text::msg("staff-help-does-message-pair"),
        ),
        P::ReplyToQuestion => e(
            Matches,
            "reply <question> <text>",
            "reply Q4 The next meetup is on Tuesday.",
            Text::msg("staff-help-does-reply-to-question"),
        ),
        P::ProgrammeReport => e(
            Figures,
            "report [programme]",
            "report",
            Text::msg("staff-help-does-programme-report"),
        ),
        P::ResourceProgress => e(
            Figures,
            "resources [programme]",
            "resources",
            Text::msg("staff-help-does-resource-progress"),
        ),
        P::Broadcast => e(
            Figures,
            "broadcast [programme] <all|mentors|mentees|matched|waiting|cohort 2027-01> <text>",
            "broadcast mentees The CV workshop is on Friday at 18:00.",
            Text::msg("staff-help-does-broadcast"),
        ),
        P::Assist => e(
            Screening,
            "assist apply [programme] · assist code <application>",
            "assist apply pathways",
            Text::msg("staff-help-does-assist"),
        ),
        P::AnnounceApply => e(
            Figures,
            "announce apply <room> [programme]",
            "announce apply #welcome",
            Text::msg("staff-help-does-announce-apply"),
        ),
        P::Export => e(
            Figures,
            "export <applications|matches|surveys|events|outcomes> [csv|json] [programme]",
            "export matches csv",
            Text::msg("staff-help-does-export"),
        ),
        P::EventCreate => e(
            Events,
            "event create title: <title>; start: <YYYY-MM-DD HH:MM> <time zone>[; length: …; capacity: …; room: …; repeat: …; description: …]",
            "event create title: CV workshop; start: 2027-03-04 18:00 Europe/London",
            Text::msg("staff-help-does-event-create"),
        ),
        P::EventList => e(
            Events,
            "events",
            "events",
            Text::msg("staff-help-does-event-list"),
        ),
        P::EventShow => e(
            Events,
            "event show <event>",
            "event show 3",
            Text::msg("staff-help-does-event-show"),
        ),
        P::EventCancel => e(
            Events,
            "event cancel <event> [reason]",
            "event cancel 3 the room is not free",
            Text::msg("staff-help-does-event-cancel"),
        ),
        P::SurveyList => e(
            Surveys,
            "surveys",
            "surveys",
            Text::msg("staff-help-does-survey-list"),
        ),
        P::SurveySend => e(
            Surveys,
            "survey send <survey> <all|mentors|mentees|matched|cohort like 2027-01>",
            "survey send midpoint mentees",
            Text::msg("staff-help-does-survey-send"),
        ),
        P::SurveyResults => e(
            Surveys,
            "survey results <survey>",
            "survey results midpoint",
            Text::msg("staff-help-does-survey-results"),
        ),
        P::CaseList => e(
            Cases,
            "cases",
            "cases",
            Text::msg("staff-help-does-case-list"),
        ),
        P::CaseShow => e(
            Cases,
            "case show <case>",
            "case show 4",
            Text::msg("staff-help-does-case-show"),
        ),
        P::CaseClaim => e(
            Cases,
            "case claim <case>",
            "case claim 4",
            Text::msg("staff-help-does-case-claim"),
        ),
        P::CaseNote => e(
            Cases,
            "case note <case> <text>",
            "case note 4 Spoke to the mentor.",
            Text::msg("staff-help-does-case-note"),
        ),
        P::CaseAsk => e(
            Cases,
            "case ask <case> <question>",
            "case ask 4 When did this happen?",
            Text::msg("staff-help-does-case-ask"),
        ),
        P::CaseResolve => e(
            Cases,
            "case resolve <case> <outcome>",
            "case resolve 4 We spoke to both and agreed the next steps.",
            Text::msg("staff-help-does-case-resolve"),
        ),
        P::CaseReopen => e(
            Cases,
            "case reopen <case>",
            "case reopen 4",
            Text::msg("staff-help-does-case-reopen"),
        ),
        P::CaseLog => e(
            Cases,
            "case log <case>",
            "case log 4",
            Text::msg("staff-help-does-case-log"),
        ),
        P::CaseReveal => e(
            Cases,
            "case reveal <case>",
            "case reveal 4",
            Text::msg("staff-help-does-case-reveal"),
        ),
        P::CaseEscalate => e(
            Cases,
            "case escalate <case> <to>",
            "case escalate 4 lead",
            Text::msg("staff-help-does-case-escalate"),
        ),
        P::CaseConcerns => e(
            Cases,
            "case concerns <case> [not] <person>",
            "case concerns 4 ola",
            Text::msg("staff-help-does-case-concerns"),
        ),
        P::CaseCloseMatch => e(
            Cases,
            "case close-match <case> <match> <reason>",
            "case close-match 4 M7 repeated contact outside the programme",
            Text::msg("staff-help-does-case-close-match"),
        ),
        P::CaseEvidence => e(
            Cases,
            "case evidence <case>",
            "case evidence 4",
            Text::msg("staff-help-does-case-evidence"),
        ),
        P::Freeze => e(
            Actions,
            "freeze pair <match>",
            "freeze pair M7",
            Text::msg("staff-help-does-freeze"),
        ),
        P::Unfreeze => e(
            Actions,
            "unfreeze pair <match>",
            "unfreeze pair M7",
            Text::msg("staff-help-does-unfreeze"),
        ),
        P::Suspend => e(
            Actions,
            "suspend <person> [until YYYY-MM-DD] [reason]",
            "suspend ola until 2027-06-01 repeated insults",
            Text::msg("staff-help-does-suspend"),
        ),
        P::Unsuspend => e(
            Actions,
            "unsuspend <person>",
            "unsuspend ola",
            Text::msg("staff-help-does-unsuspend"),
        ),
        P::RemoveFromRoom => e(
            Actions,
            "remove <person> from <room>",
            "remove ola from lobby",
            Text::msg("staff-help-does-remove-from-room"),
        ),
        P::ConfirmAction => e(
            Actions,
            "confirm · cancel",
            "confirm",
            Text::msg("staff-help-does-confirm-action"),
        ),
        P::ConfirmCoordinatorAction => e(
            Matches,
            "confirm · cancel",
            "confirm",
            Text::msg("staff-help-does-confirm-coordinator-action"),
        ),
        P::Transcript => e(
            OwnPair,
            "transcript [match]",
            "transcript",
            Text::msg("staff-help-does-transcript"),
        ),
        P::FlagList => e(
            Safety,
            "flags [programme]",
            "flags",
            Text::msg("staff-help-does-flag-list"),
        ),
        P::FlagShow => e(
            Safety,
            "flag <flag>",
            "flag F3",
            Text::msg("staff-help-does-flag-show"),
        ),
        P::FlagDismiss => e(
            Safety,
            "flag dismiss <flag> [note]",
            "flag dismiss F3 the school's office number",
            Text::msg("staff-help-does-flag-dismiss"),
        ),
        P::FlagNote => e(
            Safety,
            "flag note <flag> <note>",
            "flag note F3 talked to the mentor about it",
            Text::msg("staff-help-does-flag-note"),
        ),
        P::FlagCase => e(
            Safety,
            "flag case <flag> [note]",
            "flag case F3 second time this week",
            Text::msg("staff-help-does-flag-case"),
        ),
        P::OutcomeReport => e(
            Figures,
            "outcomes [programme]",
            "outcomes",
            Text::msg("staff-help-does-outcome-report"),
        ),
    }
}
