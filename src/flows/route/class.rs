//! Who a route is for: its class in the permission matrix (`permissions::allowed`), read
//! by [`Route::privileged`](super::Route::privileged). A new staff command gets its line
//! here.

use super::super::actions::ActionCommand;
use super::super::cases::CaseCommand;
use super::super::events::EventCommand;
use super::super::pairing::PairingCommand;
use super::super::pause::PauseCommand;
use super::super::permissions::Privileged;
use super::super::review::ReviewCommand;
use super::super::roster::RosterCommand;
use super::super::safety::FlagCommand;
use super::super::support::SupportCommand;
use super::super::survey::SurveyCommand;
use super::super::team::TeamCommand;
use super::Room;

pub(super) fn room_class(command: &Room, coordinators: bool) -> Option<Privileged> {
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
        Room::Support(Ok(c)) => match c {
            SupportCommand::Due { .. } => P::CheckInsDue,
            SupportCommand::History(_) => P::CheckInHistory,
            SupportCommand::Log { .. } => P::CheckInLog,
            SupportCommand::Assign(..) => P::CheckInAssign,
        },
        Room::Close { room: Ok(_), .. } => P::CloseMatch,
        Room::Pause(Ok(c)) => match c {
            PauseCommand::Pause(..) => P::PauseMatch,
            PauseCommand::Resume(_) => P::ResumeMatch,
            PauseCommand::Message(..) => P::MessagePair,
        },
        Room::Team(Ok(TeamCommand::Reply(..))) => P::ReplyToQuestion,
        Room::Flag(Ok(c)) => match c {
            FlagCommand::List(_) => P::FlagList,
            FlagCommand::Show(_) => P::FlagShow,
            FlagCommand::Dismiss(..) => P::FlagDismiss,
            FlagCommand::Note(..) => P::FlagNote,
            FlagCommand::Case(..) => P::FlagCase,
        },
        Room::Figures(_) => P::ProgrammeReport,
        Room::Resources(_) => P::ResourceProgress,
        Room::Outcomes(_) => P::OutcomeReport,
        Room::Broadcast(Ok(_)) => P::Broadcast,
        Room::Announce(Ok(_)) => P::AnnounceApply,
        Room::Assist(Ok(_)) => P::Assist,
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

pub(super) fn case_class(command: &CaseCommand) -> Privileged {
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
