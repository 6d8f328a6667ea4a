//! A coordinator's confirmation before an act that reaches many people or cannot be
//! undone: `close match` (the pair are told and their room archived) and `survey send` (a
//! DM to everyone it reaches).
//!
//! The command is checked and counted first, and the coordinator is asked, with what it
//! will do and to how many: the action waits in their conversation
//! ([`PendingAction`], beside the moderators' actions) until `confirm` or `cancel` in the
//! coordinators' room, so it survives a restart. On `confirm` it is decided again on what
//! is stored then (the route loads the match or the survey's audience afresh, see
//! `route::Needs::Waiting`): a match closed meanwhile, or people who left, change the
//! outcome, never a stale count. To confirm a new coordinator action: a `PendingAction`
//! variant, its `ask` in the command's handler, its line in [`coordinators`] and in
//! [`needs`].

use crate::domain::RoomRef;
use crate::flows::closure::{self, CloseCommand};
use crate::flows::incident::actions::{PendingAction, finish};
use crate::flows::route::Needs;
use crate::flows::{Ctx, FlowState, Outcome, post_said};
use crate::i18n::Text;

/// `confirm` (or, `confirmed` false, `cancel`) of a coordinator's waiting action.
pub fn coordinators(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    pending: &PendingAction,
    confirmed: bool,
) -> Outcome {
    if !ctx.is_coordinators_room(room) {
        return post_said(room, what(pending).arg("prefix", ctx.room_prefix));
    }
    if !confirmed {
        let kept = match pending {
            PendingAction::CloseMatch { match_id, .. } => {
                Text::msg("confirm-cancelled-close").arg("m", *match_id)
            }
            _ => Text::msg("confirm-cancelled-send"),
        };
        return finish(ctx, state, post_said(room, kept));
    }
    let outcome = match pending {
        PendingAction::CloseMatch {
            match_id,
            disciplinary,
            reason,
        } => closure::close_confirmed(
            ctx,
            room,
            CloseCommand {
                match_id: *match_id,
                disciplinary: *disciplinary,
                reason: reason.clone(),
            },
        ),
        PendingAction::SurveySend {
            programme,
            survey,
            audience,
        } => crate::flows::survey::send_confirmed(ctx, room, programme, survey, *audience),
        PendingAction::Broadcast {
            programme,
            audience,
            texts,
        } => crate::flows::broadcast::confirmed(ctx, room, programme, *audience, texts),
        _ => post_said(room, Text::msg("action-nothing-waiting")),
    };
    finish(ctx, state, outcome)
}

/// `confirm` in the coordinators' room with no coordinator's action waiting: said to
/// a coordinator; anyone else is refused (and the refusal recorded).
pub fn nothing_waiting(ctx: &Ctx<'_>, room: &RoomRef) -> Outcome {
    if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
        return crate::flows::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-confirm"),
        );
    }
    post_said(room, Text::msg("action-nothing-waiting"))
}

/// What a waiting action's `confirm` needs loaded: what its command loaded when asked.
pub fn needs(pending: &PendingAction) -> Needs {
    match pending {
        PendingAction::CloseMatch { match_id, .. } => Needs::Pair(*match_id),
        PendingAction::SurveySend {
            programme, survey, ..
        } => Needs::SurveySend {
            programme: programme.clone(),
            survey: survey.clone(),
        },
        PendingAction::Broadcast { programme, .. } => Needs::Broadcast(programme.clone()),
        // A moderator's action carries what it needs.
        _ => Needs::Nothing,
    }
}

/// Where a waiting action is confirmed, said of that action (its `prefix` to be given).
fn what(pending: &PendingAction) -> Text {
    match pending {
        PendingAction::CloseMatch { match_id, .. } => {
            Text::msg("confirm-elsewhere-close").arg("m", *match_id)
        }
        PendingAction::SurveySend { survey, .. } => {
            Text::msg("confirm-elsewhere-survey").arg("survey", survey.as_str())
        }
        PendingAction::Broadcast { .. } => Text::msg("confirm-elsewhere-broadcast"),
        _ => Text::msg("confirm-elsewhere-action"),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::matches::{MatchRecord, MatchStatus};
    use crate::domain::{ApplicationStatus, RoleKind};
    use crate::flows::personal::ConfirmDelete;
    use crate::flows::testing::{Scene, a_match, application, dms, records, texts};
    use crate::flows::{FlowState, Outcome, StateChange, Subject, decide};

    fn in_room(scene: &Scene, state: Option<&FlowState>, text: &str) -> Outcome {
        let inbound = scene.says(Some("coordinators"), &format!("!tandem {text}"));
        let route = crate::flows::route::route(&inbound, &scene.router());
        decide(&scene.ctx(), state, &inbound, &route)
    }

    fn said(outcome: &Outcome) -> String {
        texts(outcome).join("\n")
    }

    /// Carol in the coordinators' room, with active match M3 (Amina ↔ Grace) loaded.
    fn carol_with_m3() -> (Scene, MatchRecord) {
        let mentee = application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready);
        let mentor = application(2, "grace", RoleKind::Mentor, ApplicationStatus::Ready);
        let active = a_match(3, &mentee, &mentor, MatchStatus::Active);
        let scene =
            Scene::for_user("carol").with_subject(Subject::Pair(Some(Box::new(active.clone()))));
        (scene, active)
    }

    #[test]
    fn a_coordinators_close_waits_above_their_own_open_dm_flow_which_is_asked_again_after() {
        let (scene, _) = carol_with_m3();
        // Carol is also a participant, in the middle of deleting her data.
        let her_own = FlowState::ConfirmDelete(ConfirmDelete {});
        let asked = in_room(&scene, Some(&her_own), "close match M3 they moved away");
        assert!(
            said(&asked).starts_with("Close match M3 ("),
            "{}",
            said(&asked)
        );
        assert!(records(&asked).is_empty());
        let StateChange::Set(waiting) = asked.state else {
            panic!("it waits: {:?}", asked.state)
        };
        let FlowState::Stacked { under, .. } = &waiting else {
            panic!("her own flow keeps its place: {waiting:?}")
        };
        assert_eq!(**under, her_own);

        let done = in_room(&scene, Some(&waiting), "confirm");
        assert!(!records(&done).is_empty(), "closed");
        assert_eq!(done.state, StateChange::Set(her_own.clone()));
        assert!(
            dms(&done, "carol")
                .iter()
                .any(|t| t.contains("back to where we were")),
            "{:?}",
            dms(&done, "carol")
        );

        // Cancelled: nothing recorded, her flow back.
        let dropped = in_room(&scene, Some(&waiting), "cancel");
        assert!(said(&dropped).contains("Cancelled: match M3 stays open."));
        assert!(records(&dropped).is_empty());
        assert_eq!(dropped.state, StateChange::Set(her_own));
    }

    #[test]
    fn a_close_confirmed_after_the_match_ended_meanwhile_is_refused_and_changes_nothing() {
        let (scene, active) = carol_with_m3();
        let StateChange::Set(waiting) =
            in_room(&scene, None, "close match M3 they moved away").state
        else {
            panic!("it waits")
        };
        let ended = MatchRecord {
            status: MatchStatus::Closed,
            ..active
        };
        let scene = scene.with_subject(Subject::Pair(Some(Box::new(ended))));
        let done = in_room(&scene, Some(&waiting), "confirm");
        assert!(
            said(&done).contains("not active: there is nothing to close"),
            "{}",
            said(&done)
        );
        assert!(records(&done).is_empty());
        assert_eq!(done.state, StateChange::Clear);
    }
}
