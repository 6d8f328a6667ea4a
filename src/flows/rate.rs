//! What a message costs against its sender's rate limits. The counting is the app's (in
//! memory, per person); what counts is decided by the message's route
//! (`flows::route::Route::cost`, from the rules below), and what never may be held back
//! here.
//!
//! - Talk in a pair room that is not for the bot costs nothing: only what the bot answers
//!   is limited.
//! - A report costs nothing and is never held back: `report` (in a DM, or `!tandem report`
//!   in any room but the coordinators', where it means the programme's figures) and a
//!   platform's "report message". So is everything written while a report is being made or
//!   a moderator's question answered ([`never_limited`]).
//! - Commands that cost much to answer are [`Cost::Expensive`]: `transcript` (a pair
//!   room's history), `my data` (everything stored about the person), and `export` and
//!   `report` in the coordinators' room (a programme's data and charts).

use crate::domain::Place;

use super::FlowState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    /// Not counted, never held back.
    Free,
    /// One message against the per-minute limit.
    Message,
    /// One message, and one use of the hourly limit on expensive commands.
    Expensive,
}

/// Whether a message in `place`, with the conversation in `state`, is never held back: a
/// DM while the person is making a report or answering a moderator's question (also when
/// that flow sits on top of another), so a report always gets through.
pub fn never_limited(place: &Place, state: Option<&FlowState>) -> bool {
    *place == Place::Dm
        && matches!(
            state.map(FlowState::active),
            Some(FlowState::Report(_) | FlowState::CaseReply(_))
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::Inbound;
    use crate::domain::{Platform, RoomRef};
    use crate::flows::personal;
    use crate::flows::route::route;
    use crate::flows::testing::Scene;

    /// Amina, a participant.
    fn amina() -> Scene {
        Scene {
            max_message_chars: 4_000,
            ..Scene::for_user("amina")
        }
    }

    fn dm(text: &str) -> Inbound {
        amina().says(None, text)
    }

    fn in_room(room: &str, text: &str) -> Inbound {
        amina().says(Some(room), text)
    }

    #[test]
    fn reports_and_room_talk_are_free_and_costly_commands_are_expensive() {
        let amina = amina();
        let router = amina.router();
        let cost = |inbound: Inbound| route(&inbound, &router).cost();
        assert_eq!(cost(dm("report")), Cost::Free);
        assert_eq!(cost(dm("Report!")), Cost::Free);
        assert_eq!(
            cost(dm("report message https://discord.com/channels/1/2/3")),
            Cost::Free
        );
        assert_eq!(cost(dm("status")), Cost::Message);
        assert_eq!(cost(dm("he keeps messaging me")), Cost::Message);
        assert_eq!(cost(dm("my data")), Cost::Expensive);
        assert_eq!(cost(dm("transcript")), Cost::Expensive);
        assert_eq!(cost(dm("transcript 2")), Cost::Expensive);
        assert_eq!(cost(dm("delete my data")), Cost::Message);
        assert_eq!(cost(in_room("room-1", "see you tomorrow!")), Cost::Free);
        assert_eq!(cost(in_room("room-1", "!tandem report")), Cost::Free);
        assert_eq!(cost(in_room("room-1", "!tandem status")), Cost::Message);
        assert_eq!(
            cost(in_room("coordinators", "!tandem report")),
            Cost::Expensive
        );
        assert_eq!(
            cost(in_room("coordinators", "!tandem export matches json")),
            Cost::Expensive
        );
        assert_eq!(
            cost(in_room("coordinators", "!tandem export nonsense")),
            Cost::Message,
            "a usage error costs nothing to answer"
        );
        assert_eq!(
            cost(in_room("coordinators", "!tandem queue")),
            Cost::Message
        );
    }

    #[test]
    fn a_report_or_an_answer_to_a_moderator_in_progress_is_never_limited() {
        let report: FlowState =
            serde_json::from_str(r#"{"flow":"report","step":"category"}"#).unwrap();
        assert!(never_limited(&Place::Dm, Some(&report)));
        let stacked = FlowState::Stacked {
            top: Box::new(report.clone()),
            under: Box::new(FlowState::ConfirmDelete(personal::ConfirmDelete {})),
        };
        assert!(never_limited(&Place::Dm, Some(&stacked)));
        let reply = FlowState::CaseReply(super::super::cases::CaseReply {
            case_id: 1,
            question: "When?".into(),
            restricted: false,
            programme: None,
        });
        assert!(never_limited(&Place::Dm, Some(&reply)));
        assert!(!never_limited(&Place::Dm, None));
        assert!(!never_limited(
            &Place::Dm,
            Some(&FlowState::ConfirmDelete(personal::ConfirmDelete {}))
        ));
        let room = Place::Room(RoomRef::new(Platform::Console, "room-1"));
        assert!(!never_limited(&room, Some(&report)));
    }
}
