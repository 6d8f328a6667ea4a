//! The staff help's table: every privileged command's group, words, example and what it
//! does, in one exhaustive match ([`entry`]), so that a new command does not build until
//! it has its help. Who may run it is not written here: it comes from the permission matrix.

use crate::flows::permissions::Privileged;

/// The groups the help is shown in, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    Screening,
    Matching,
    Matches,
    Events,
    Surveys,
    Figures,
    Cases,
    Actions,
    OwnPair,
}

impl Group {
    pub(crate) const ALL: [Group; 9] = [
        Group::Screening,
        Group::Matching,
        Group::Matches,
        Group::Events,
        Group::Surveys,
        Group::Figures,
        Group::Cases,
        Group::Actions,
        Group::OwnPair,
    ];

    pub(crate) fn title(self) -> &'static str {
        match self {
            Group::Screening => "Screening",
            Group::Matching => "Matching (proposals: P…)",
            Group::Matches => "Matches (M…)",
            Group::Events => "Events",
            Group::Surveys => "Surveys",
            Group::Figures => "Figures and exports",
            Group::Cases => "Cases",
            Group::Actions => "Moderation actions (each asks you to confirm)",
            Group::OwnPair => "Your pair",
        }
    }
}

/// One command's help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub group: Group,
    /// The words, with `<what to write>` and `[what may be left out]`; alternatives are
    /// separated by ` · ` (`confirm · cancel`).
    pub usage: &'static str,
    /// One complete command, without the prefix.
    pub example: &'static str,
    /// What it does, in one line (lower case, no full stop: it follows a dash).
    pub does: &'static str,
}

const fn e(group: Group, usage: &'static str, example: &'static str, does: &'static str) -> Entry {
    Entry {
        group,
        usage,
        example,
        does,
    }
}

/// Every privileged command's help. Numbers are written as people see them: `A12` an
/// application, `P3` a proposal, `M7` a match; cases and events by their plain number.
pub(crate) fn entry(command: Privileged) -> Entry {
    use Group::*;
    use Privileged as P;
    match command {
        P::ReviewQueue => e(
            Screening,
            "queue",
            "queue",
            "applications waiting for review, oldest first",
        ),
        P::ScreeningSummary => e(
            Screening,
            "screening summary",
            "screening summary",
            "counts per status and role, the oldest waiting, checks expiring within 30 days",
        ),
        P::ShowApplication => e(
            Screening,
            "show <application>",
            "show A12",
            "an application's card: answers, rules' results, questions, decisions",
        ),
        P::Approve => e(
            Screening,
            "approve <application>",
            "approve A12",
            "accept: the applicant is told and their screening steps begin",
        ),
        P::Reject => e(
            Screening,
            "reject <application> <reason>",
            "reject A12 We need mentors with three years of experience.",
            "refuse: the reason is sent to the applicant",
        ),
        P::AskApplicant => e(
            Screening,
            "ask <application> <question>",
            "ask A12 Which evenings are you free?",
            "ask the applicant by DM; their answer is posted here",
        ),
        P::Waitlist => e(
            Screening,
            "waitlist <application>",
            "waitlist A12",
            "put on the waiting list; the applicant is reminded now and then",
        ),
        P::NoteApplication => e(
            Screening,
            "note <application> <text>",
            "note A8 Prefers evening calls",
            "a private note on the application, shown on its card with who and when; never sent to the applicant",
        ),
        P::RecordStep => e(
            Screening,
            "step <application(s)> <step> <update>",
            "step A12 interview scheduled 2027-02-01 18:00",
            "record a screening step (by its id or label; several applications at once: step A6, A7 training done): done, scheduled <date> [time] (the person is told), cleared until <date>, failed, pending",
        ),
        P::MatchPreview => e(
            Matching,
            "match preview [programme]",
            "match preview",
            "a dry run: every proposal and why, everyone left out and why; nothing is stored",
        ),
        P::MatchPropose => e(
            Matching,
            "match propose [programme]",
            "match propose",
            "store the proposals and list them with their numbers",
        ),
        P::MatchApprove => e(
            Matching,
            "match approve <proposal>",
            "match approve P3",
            "offer the pair: both are asked by DM to accept or decline",
        ),
        P::MatchApproveAll => e(
            Matching,
            "match approve all [programme]",
            "match approve all",
            "offer every open proposal",
        ),
        P::MatchReject => e(
            Matching,
            "match reject <proposal> [reason]",
            "match reject P3 they already know each other",
            "never propose the pair again; the next best options are proposed",
        ),
        P::MatchSwap => e(
            Matching,
            "match swap <proposal> <mentor's application>",
            "match swap P3 A9",
            "give the proposal's mentee that mentor instead",
        ),
        P::MatchRematch => e(
            Matching,
            "match rematch <application>",
            "match rematch A12",
            "new proposals for one person (past partners left out)",
        ),
        P::MatchExclude => e(
            Matching,
            "match exclude <mentee's application> <mentor's application> [reason] · match include <mentee's application> <mentor's application>",
            "match exclude A4 A9 conflict of interest",
            "never propose two people to each other (include lifts it)",
        ),
        P::MatchList => e(
            Matches,
            "matches [programme] [at-risk · stuck · quiet · check-in · paused · frozen · too-early · ok · offered · proposed · ended · all]",
            "matches at-risk",
            "your programmes' matches and how each is doing, the most urgent first (the open ones unless you filter)",
        ),
        P::MatchShow => e(
            Matches,
            "match show <match>",
            "match show M7",
            "one match in full: the two people, its stage and health, check-ins, what to do next",
        ),
        P::FindPerson => e(
            Matches,
            "who <name, id or application>",
            "who Amina",
            "find people in your programmes by (part of) their name or id, with their applications and matches",
        ),
        P::CheckInsDue => e(
            Matches,
            "checkins [programme] [mine]",
            "checkins mine",
            "staff check-ins due this week or overdue, the most overdue first, with who looks after each pair",
        ),
        P::CheckInHistory => e(
            Matches,
            "checkins for <match>",
            "checkins for M7",
            "a match's staff check-ins with their notes, who looks after it and when the next is due",
        ),
        P::CheckInLog => e(
            Matches,
            "checkin <match> [with mentee · mentor · both] [by chat · call · video · meeting · email] [concern]: <notes>",
            "checkin M7 by call with both: they met twice, CV next",
            "log a staff contact with a pair (concern: the match is at risk until a contact without one)",
        ),
        P::CheckInAssign => e(
            Matches,
            "checkin assign <match> <staff member>",
            "checkin assign M7 console:dev",
            "hand a pair to another staff member, who is told",
        ),
        P::CloseMatch => e(
            Matches,
            "close match <match> [disciplinary] <reason>",
            "close match M7 the mentor moved abroad",
            "end a match early, no fault (disciplinary: no new match is offered)",
        ),
        P::PauseMatch => e(
            Matches,
            "pause <match> until <date>",
            "pause M7 until 2027-03-01",
            "no check-ins or reminders for the pair until that date",
        ),
        P::ResumeMatch => e(Matches, "resume <match>", "resume M7", "end a pause early"),
        P::MessagePair => e(
            Matches,
            "message <match> <text>",
            "message M7 How are your sessions going?",
            "a message to both members by DM, from the coordinators",
        ),
        P::ReplyToQuestion => e(
            Matches,
            "reply <question> <text>",
            "reply Q4 The next meetup is on Tuesday.",
            "answer a participant's question (ask the team) by DM",
        ),
        P::ProgrammeReport => e(
            Figures,
            "report [programme]",
            "report",
            "the programme's figures, with a chart",
        ),
        P::ResourceProgress => e(
            Figures,
            "resources [programme]",
            "resources",
            "each resource of the programme: who it is for now, who has read it and who has not",
        ),
        P::Broadcast => e(
            Figures,
            "broadcast [programme] <all|mentors|mentees|matched|waiting|cohort 2027-01> <text>",
            "broadcast mentees The CV workshop is on Friday at 18:00.",
            "an announcement by DM to everyone in the audience, after a dry run and your confirm; lines starting es: or ar: are its translations",
        ),
        P::Assist => e(
            Screening,
            "assist apply [programme] · assist code <application>",
            "assist apply pathways",
            "enter an application for someone without a chat account (a phone call, a paper form), answering its questions in your DM; they take it over with the code you get (assist code makes a new one)",
        ),
        P::AnnounceApply => e(
            Figures,
            "announce apply <room> [programme]",
            "announce apply #welcome",
            "post the programme's Apply card in a community room (an Apply button on Discord); applications from it count as from an announcement in report",
        ),
        P::Export => e(
            Figures,
            "export <applications|matches|surveys|events> [csv|json] [programme]",
            "export matches csv",
            "the records as a file, pseudonymous",
        ),
        P::EventCreate => e(
            Events,
            "event create title: <title>; start: <YYYY-MM-DD HH:MM> <time zone>[; length: …; capacity: …; room: …; repeat: …; description: …]",
            "event create title: CV workshop; start: 2027-03-04 18:00 Europe/London",
            "a group session, announced with RSVP buttons",
        ),
        P::EventList => e(
            Events,
            "events",
            "events",
            "the upcoming sessions with their answers so far",
        ),
        P::EventShow => e(
            Events,
            "event show <event>",
            "event show 3",
            "who is coming to a session",
        ),
        P::EventCancel => e(
            Events,
            "event cancel <event> [reason]",
            "event cancel 3 the room is not free",
            "cancel a session: everyone who said yes or maybe is told",
        ),
        P::SurveyList => e(
            Surveys,
            "surveys",
            "surveys",
            "each survey with how many were asked and answered",
        ),
        P::SurveySend => e(
            Surveys,
            "survey send <survey> <all|mentors|mentees|matched|cohort like 2027-01>",
            "survey send midpoint mentees",
            "ask people by DM (never twice while it is open)",
        ),
        P::SurveyResults => e(
            Surveys,
            "survey results <survey>",
            "survey results midpoint",
            "the answers in aggregate, from the anonymity minimum",
        ),
        P::CaseList => e(
            Cases,
            "cases",
            "cases",
            "open cases, most severe and oldest first",
        ),
        P::CaseShow => e(Cases, "case show <case>", "case show 4", "the case's card"),
        P::CaseClaim => e(Cases, "case claim <case>", "case claim 4", "take the case"),
        P::CaseNote => e(
            Cases,
            "case note <case> <text>",
            "case note 4 Spoke to the mentor.",
            "an internal note",
        ),
        P::CaseAsk => e(
            Cases,
            "case ask <case> <question>",
            "case ask 4 When did this happen?",
            "ask the reporter by DM, from the moderation team; the answer comes back here",
        ),
        P::CaseResolve => e(
            Cases,
            "case resolve <case> <outcome>",
            "case resolve 4 We spoke to both and agreed the next steps.",
            "close the case: the reporter is told the outcome",
        ),
        P::CaseReopen => e(
            Cases,
            "case reopen <case>",
            "case reopen 4",
            "open a resolved case again",
        ),
        P::CaseLog => e(
            Cases,
            "case log <case>",
            "case log 4",
            "the case's audit log: every event, who and when",
        ),
        P::CaseReveal => e(
            Cases,
            "case reveal <case>",
            "case reveal 4",
            "name an anonymous reporter: it takes two moderators, and only they are told, by DM",
        ),
        P::CaseEscalate => e(
            Cases,
            "case escalate <case> <to>",
            "case escalate 4 lead",
            "hand the case on (one word is a person, who gets a DM)",
        ),
        P::CaseConcerns => e(
            Cases,
            "case concerns <case> [not] <person>",
            "case concerns 4 ola",
            "link the case to the person it is about (not: unlink)",
        ),
        P::CaseCloseMatch => e(
            Cases,
            "case close-match <case> <match> <reason>",
            "case close-match 4 M7 repeated contact outside the programme",
            "close a linked person's match as disciplinary",
        ),
        P::CaseEvidence => e(
            Cases,
            "case evidence <case>",
            "case evidence 4",
            "post the case's files (the opening is logged)",
        ),
        P::Freeze => e(
            Actions,
            "freeze pair <match>",
            "freeze pair M7",
            "make a pair room read-only",
        ),
        P::Unfreeze => e(
            Actions,
            "unfreeze pair <match>",
            "unfreeze pair M7",
            "make a frozen pair room writable again",
        ),
        P::Suspend => e(
            Actions,
            "suspend <person> [until YYYY-MM-DD] [reason]",
            "suspend ola until 2027-06-01 repeated insults",
            "out of their pair rooms; they cannot apply or be matched meanwhile",
        ),
        P::Unsuspend => e(
            Actions,
            "unsuspend <person>",
            "unsuspend ola",
            "lift a suspension",
        ),
        P::RemoveFromRoom => e(
            Actions,
            "remove <person> from <room>",
            "remove ola from lobby",
            "take someone out of a room the bot manages",
        ),
        P::ConfirmAction => e(
            Actions,
            "confirm · cancel",
            "confirm",
            "carry out, or drop, the action you asked for",
        ),
        P::ConfirmCoordinatorAction => e(
            Matches,
            "confirm · cancel",
            "confirm",
            "carry out, or drop, the close match or survey send you asked for",
        ),
        P::Transcript => e(
            OwnPair,
            "transcript [match]",
            "transcript",
            "your pair room's messages, as a file",
        ),
    }
}
