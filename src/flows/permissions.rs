//! Who may run each privileged command: the permission matrix, as data.
//!
//! Every command that acts for a programme or on other people is a [`Privileged`]
//! variant, and [`allowed`] says which kinds of person ([`Who`]) may run it; everyone else
//! is refused with a clear message, nothing changes, and the refusal is recorded in the
//! audit log (`Effect::LogRefusal`). The handlers enforce it where they act (they know the
//! programme or the case); `tests/integration/permissions.rs` walks the whole matrix, on
//! both databases, and checks that what the handlers do is what this table says.
//!
//! Which command a message is, and so which variant, is read once, by the command
//! registry (`flows::route`, `Route::privileged`).
//!
//! To add a privileged command: a variant here, its line in [`allowed`], in
//! `Route::privileged` and in the staff help (`flows/help/staff/table.rs`): all exhaustive,
//! so the build fails until they are written; and a sample in the matrix test, which fails
//! until every variant has one.

/// A kind of person, as the matrix sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    /// Anyone in the community (an applicant, a mentee, a mentor).
    Participant,
    /// A member of another pair than the one a command names.
    OtherPairMember,
    /// A coordinator, of another programme than the one a command names.
    OtherCoordinator,
    /// A coordinator of the programme a command names.
    Coordinator,
    Moderator,
    /// A moderator, on a case that may concern the moderation team (it names them, or
    /// the reporter said so).
    NamedModerator,
    /// The escalation contact (a safeguarding lead), not a moderator: they work the cases
    /// that may concern the moderation team, by DM.
    EscalationContact,
}

impl Who {
    pub const ALL: [Who; 7] = [
        Who::Participant,
        Who::OtherPairMember,
        Who::OtherCoordinator,
        Who::Coordinator,
        Who::Moderator,
        Who::NamedModerator,
        Who::EscalationContact,
    ];
}

/// Every privileged command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Privileged {
    ReviewQueue,
    ScreeningSummary,
    ShowApplication,
    Approve,
    Reject,
    AskApplicant,
    Waitlist,
    NoteApplication,
    RecordStep,
    MatchPreview,
    MatchPropose,
    MatchApprove,
    MatchApproveAll,
    MatchReject,
    MatchRematch,
    MatchSwap,
    MatchExclude,
    MatchList,
    MatchShow,
    FindPerson,
    CheckInsDue,
    CheckInHistory,
    CheckInLog,
    CheckInAssign,
    CloseMatch,
    PauseMatch,
    ResumeMatch,
    MessagePair,
    ReplyToQuestion,
    ProgrammeReport,
    ResourceProgress,
    Broadcast,
    AnnounceApply,
    Assist,
    Export,
    EventCreate,
    EventList,
    EventShow,
    EventCancel,
    SurveyList,
    SurveySend,
    SurveyResults,
    CaseList,
    CaseShow,
    CaseClaim,
    CaseNote,
    CaseAsk,
    CaseResolve,
    CaseReopen,
    CaseLog,
    CaseReveal,
    CaseEscalate,
    CaseConcerns,
    CaseCloseMatch,
    CaseEvidence,
    Freeze,
    Unfreeze,
    Suspend,
    Unsuspend,
    RemoveFromRoom,
    ConfirmAction,
    /// `confirm` or `cancel` in the coordinators' room: a `close match` or `survey send`.
    ConfirmCoordinatorAction,
    Transcript,
    FlagList,
    FlagShow,
    FlagDismiss,
    FlagNote,
    FlagCase,
    /// `outcomes [programme]`: outcomes after closure.
    OutcomeReport,
}

impl Privileged {
    pub const ALL: [Privileged; 69] = [
        Privileged::ReviewQueue,
        Privileged::ScreeningSummary,
        Privileged::ShowApplication,
        Privileged::Approve,
        Privileged::Reject,
        Privileged::AskApplicant,
        Privileged::Waitlist,
        Privileged::NoteApplication,
        Privileged::RecordStep,
        Privileged::MatchPreview,
        Privileged::MatchPropose,
        Privileged::MatchApprove,
        Privileged::MatchApproveAll,
        Privileged::MatchReject,
        Privileged::MatchRematch,
        Privileged::MatchSwap,
        Privileged::MatchExclude,
        Privileged::MatchList,
        Privileged::MatchShow,
        Privileged::FindPerson,
        Privileged::CheckInsDue,
        Privileged::CheckInHistory,
        Privileged::CheckInLog,
        Privileged::CheckInAssign,
        Privileged::CloseMatch,
        Privileged::PauseMatch,
        Privileged::ResumeMatch,
        Privileged::MessagePair,
        Privileged::ReplyToQuestion,
        Privileged::ProgrammeReport,
        Privileged::ResourceProgress,
        Privileged::Broadcast,
        Privileged::AnnounceApply,
        Privileged::Assist,
        Privileged::Export,
        Privileged::EventCreate,
        Privileged::EventList,
        Privileged::EventShow,
        Privileged::EventCancel,
        Privileged::SurveyList,
        Privileged::SurveySend,
        Privileged::SurveyResults,
        Privileged::CaseList,
        Privileged::CaseShow,
        Privileged::CaseClaim,
        Privileged::CaseNote,
        Privileged::CaseAsk,
        Privileged::CaseResolve,
        Privileged::CaseReopen,
        Privileged::CaseLog,
        Privileged::CaseReveal,
        Privileged::CaseEscalate,
        Privileged::CaseConcerns,
        Privileged::CaseCloseMatch,
        Privileged::CaseEvidence,
        Privileged::Freeze,
        Privileged::Unfreeze,
        Privileged::Suspend,
        Privileged::Unsuspend,
        Privileged::RemoveFromRoom,
        Privileged::ConfirmAction,
        Privileged::ConfirmCoordinatorAction,
        Privileged::Transcript,
        Privileged::FlagList,
        Privileged::FlagShow,
        Privileged::FlagDismiss,
        Privileged::FlagNote,
        Privileged::FlagCase,
        Privileged::OutcomeReport,
    ];
}

impl Privileged {
    /// The command in words, as the audit log names it: `MatchApproveAll` is "match
    /// approve all".
    pub fn words(self) -> String {
        let name = format!("{self:?}");
        let mut out = String::with_capacity(name.len() + 4);
        for c in name.chars() {
            if c.is_uppercase() && !out.is_empty() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        }
        out
    }
}

/// Who may run `command`.
pub fn allowed(command: Privileged) -> &'static [Who] {
    use Privileged::*;
    use Who::*;
    match command {
        // Lists and summaries: each coordinator sees their own programmes' share.
        ReviewQueue | ScreeningSummary | MatchPreview | MatchPropose | MatchApproveAll
        | SurveyList | MatchList | FindPerson | CheckInsDue => &[Coordinator, OtherCoordinator],
        // Acting on one programme's application, match or figures: its coordinators.
        ShowApplication | Approve | Reject | AskApplicant | Waitlist | NoteApplication
        | RecordStep | MatchApprove | MatchReject | MatchRematch | MatchSwap | MatchExclude
        | MatchShow | CloseMatch | PauseMatch | ResumeMatch | MessagePair | ProgrammeReport
        | ResourceProgress | Broadcast | AnnounceApply | Assist | Export | SurveySend
        | SurveyResults | CheckInHistory | CheckInLog | CheckInAssign => &[Coordinator],
        // A participant's question: their programme's coordinators (any coordinator when
        // the person has applied to none, so that it is everyone's programme).
        ReplyToQuestion => &[Coordinator],
        // Sessions are the community's, announced in its events room: any coordinator.
        EventCreate | EventList | EventShow | EventCancel => &[Coordinator, OtherCoordinator],
        // A case is worked by the moderators, in their room; one that may concern a
        // member of the team (restricted) by the escalation contact alone, by DM. So
        // `Moderator` is a moderator on an ordinary case, and `NamedModerator` and
        // `EscalationContact` meet a restricted one. Each list shows what its reader works.
        CaseList => &[Moderator, NamedModerator, EscalationContact],
        CaseShow | CaseClaim | CaseNote | CaseAsk | CaseResolve | CaseReopen | CaseLog
        | CaseEscalate | CaseEvidence | CaseConcerns | CaseCloseMatch => {
            &[Moderator, EscalationContact]
        }
        // Naming an anonymous reporter takes two moderators: never on a restricted case,
        // which has one keeper.
        CaseReveal => &[Moderator],
        Freeze | Unfreeze | Suspend | Unsuspend | RemoveFromRoom | ConfirmAction => {
            &[Moderator, NamedModerator]
        }
        // The sender's own waiting `close match` or `survey send`, checked again as its
        // command when confirmed: any coordinator has their own.
        ConfirmCoordinatorAction => &[Coordinator, OtherCoordinator],
        // One's own pair's history only.
        Transcript => &[Participant],
        // A pair-room safety flag: its programme's coordinators (the list, each their
        // own programmes' flags).
        FlagList => &[Coordinator, OtherCoordinator],
        FlagShow | FlagDismiss | FlagNote | FlagCase => &[Coordinator],
        // A programme's figures: its coordinators.
        OutcomeReport => &[Coordinator],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_privileged_command_is_allowed_to_someone_and_refused_to_participants_unless_their_own()
    {
        for command in Privileged::ALL {
            let who = allowed(command);
            assert!(!who.is_empty(), "{command:?}");
            assert_eq!(
                who.contains(&Who::Participant),
                command == Privileged::Transcript,
                "{command:?}"
            );
        }
    }

    /// The privileged command `rest` is, typed after the prefix in the coordinators' room
    /// (or, with `dm`, in a DM).
    fn classify(rest: &str) -> Option<Privileged> {
        let carol = crate::flows::testing::Scene {
            max_message_chars: 4_000,
            ..crate::flows::testing::Scene::for_user("carol")
        };
        let inbound = match rest.strip_prefix("dm: ") {
            Some(text) => carol.says(None, text),
            None => carol.says(Some("coordinators"), &format!("!tandem {rest}")),
        };
        crate::flows::route::route(&inbound, &carol.router()).privileged()
    }

    #[test]
    fn a_command_reads_in_words_in_the_audit_log() {
        assert_eq!(Privileged::MatchApproveAll.words(), "match approve all");
        assert_eq!(Privileged::Approve.words(), "approve");
    }

    #[test]
    fn staff_commands_are_classified_as_written() {
        assert_eq!(classify("approve 3"), Some(Privileged::Approve));
        assert_eq!(
            classify("match approve all"),
            Some(Privileged::MatchApproveAll)
        );
        assert_eq!(
            classify("case escalate 1 lead"),
            Some(Privileged::CaseEscalate)
        );
        assert_eq!(
            classify("confirm"),
            Some(Privileged::ConfirmCoordinatorAction)
        );
        assert_eq!(classify("dm: transcript"), Some(Privileged::Transcript));
        assert_eq!(classify("report"), Some(Privileged::ProgrammeReport));
        assert_eq!(classify("cancel"), None, "only while an action waits");
        assert_eq!(classify("rsvp 1 yes"), None);
        assert_eq!(classify("hello"), None);
    }
}
