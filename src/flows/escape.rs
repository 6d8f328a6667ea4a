//! Commands that work whatever conversation is open: a report must always get through.
//!
//! A person in the middle of something (a survey, an application, a match offer, a
//! moderator's question) who types `report`, `withdraw`, `delete my data`, `my data`,
//! `help` or `stop` means the command, not an answer. Here, before the open flow sees the
//! message:
//!
//! - `report`, `withdraw` and `delete my data` start their own flow *on top of* the open
//!   one ([`FlowState::Stacked`]); the open one keeps its place and is asked again when
//!   the new one ends. One level only: inside a stacked flow they wait for it to end.
//! - `help` shows what Tandem can do, then asks the open question again; `ask the team`
//!   sends its question to the coordinators, and `my data` sends the person their data,
//!   then each asks the open question again.
//! - `stop` ends what can be ended (an application or report in progress, a
//!   confirmation: their own `cancel`; a survey keeps its own "later"); a question someone
//!   is waiting on (a match offer, a check-in, a moderator's question) stays open, and is
//!   shown again.
//!
//! A flow that answers one of these itself (an application's own help, a report typed
//! inside a report) is left to do so ([`owns`]). To make a new flow escapable, give it a
//! line in [`question`] (how it is asked again) and, if it has its own `cancel`, in
//! [`stop`].

use super::command::Command;
use super::personal::PersonalCommand;
use super::route::Dm;
use super::{Content, Ctx, FlowState, OutMessage, Outcome, StateChange};
use crate::i18n::Text;

/// A command that escapes an open flow.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Escape {
    Report,
    Withdraw,
    Delete,
    Help,
    Stop,
    /// `ask the team`: sent at once, and the open flow asked again.
    AskTeam,
    /// `my data`: sent at once (a right that waits on nothing), and the open flow asked
    /// again.
    MyData,
    /// `language`: answered (and changed) at once, and the open flow asked again, in the
    /// new language.
    Language,
    /// `resources` or `done <n>`: answered at once, and the open flow asked again (an
    /// application's or a survey's answer may be the word itself: theirs).
    Resources,
    /// `link` or `unlink`: answered at once, and the open flow asked again; a code typed
    /// (`waits`) waits for the open flow to end, which would otherwise be lost to it.
    Link {
        waits: bool,
    },
}

/// The escaping command a DM is, as routed (see `flows::route`).
fn escape(dm: &Dm) -> Option<Escape> {
    match dm {
        Dm::Command(Command::Report) => Some(Escape::Report),
        Dm::Command(Command::Withdraw(_)) => Some(Escape::Withdraw),
        Dm::Command(Command::Help) => Some(Escape::Help),
        Dm::Command(Command::Stop) => Some(Escape::Stop),
        Dm::Personal(PersonalCommand::Delete) => Some(Escape::Delete),
        Dm::AskTeam(_) => Some(Escape::AskTeam),
        Dm::Personal(PersonalCommand::MyData) => Some(Escape::MyData),
        Dm::Command(Command::Language(_)) => Some(Escape::Language),
        Dm::Command(Command::Resources(_) | Command::Done(_)) => Some(Escape::Resources),
        Dm::Link(command) => Some(Escape::Link {
            waits: super::link::waits_for_open_flow(command),
        }),
        _ => None,
    }
}

/// Whether the open flow answers this command itself.
fn owns(state: &FlowState, escape: &Escape) -> bool {
    matches!(
        (state, escape),
        (FlowState::Report(_), Escape::Report | Escape::Help)
            | (FlowState::ConfirmWithdraw(_), Escape::Withdraw)
            | (FlowState::ConfirmDelete(_), Escape::Delete)
            // An application in progress has its own answers (it is not submitted
            // yet: `cancel` stops it).
            | (FlowState::Application(_), Escape::Help | Escape::Withdraw)
            | (FlowState::Survey(_), Escape::Help | Escape::Stop)
            | (
                FlowState::Application(_) | FlowState::Survey(_),
                Escape::Resources
            )
    )
}

/// The question an open flow waits on, to ask it again; `None` when it can no longer be
/// answered (an offer withdrawn meanwhile, a match that ended).
pub(super) fn question(ctx: &Ctx<'_>, state: &FlowState) -> Option<OutMessage> {
    match state {
        FlowState::Application(flow) => Some(super::application::prompt(ctx, flow)),
        FlowState::AnswerQuestion(flow) => Some(super::prompts::question_message(ctx, flow)),
        FlowState::Acknowledge(flow) => super::prompts::acknowledge_message(ctx, flow),
        FlowState::MatchOffer(flow) => super::prompts::offer_message(ctx, flow),
        FlowState::CheckIn(flow) => super::prompts::check_in_message(ctx, flow),
        FlowState::ConfirmWithdraw(flow) => super::withdraw::question(ctx, flow),
        FlowState::Report(flow) => Some(super::report::prompt(ctx, flow)),
        FlowState::CaseReply(flow) => Some(super::cases::reply_question(flow)),
        FlowState::ConfirmAction(action) => Some(OutMessage::said(
            Text::msg("escape-action-waiting")
                .arg("room", action.room_name())
                .arg("prefix", ctx.room_prefix),
        )),
        FlowState::Survey(flow) => super::survey::current_question(ctx, flow),
        FlowState::ConfirmClose(flow) => super::closure::confirm_question(ctx, flow),
        FlowState::ConfirmDelete(_) => Some(super::personal::confirm_message(ctx)),
        FlowState::WhatNext(flow) => super::closure::next_prompt(ctx, flow.match_id),
        FlowState::Stacked { top, .. } => question(ctx, top),
    }
}

/// The open flow `state`, if its question can no longer be answered (the other side
/// declined an offer, or it expired or was withdrawn; the match a check-in or a closing
/// question was about ended): withdrawn, so that it neither holds back what is queued behind
/// it nor catches the person's next message. The step that ended it told the person why.
/// Stacked, a dead flow on top gives way to the one under it (asked again), and a dead one
/// underneath is dropped.
pub fn withdraw_dead(ctx: &Ctx<'_>, state: &FlowState) -> Option<Outcome> {
    let ended = || Outcome {
        state: StateChange::Clear,
        effects: vec![],
    };
    match state {
        FlowState::Stacked { top, under } => {
            if question(ctx, top).is_none() {
                Some(restack(ctx, ended(), under))
            } else {
                question(ctx, under).is_none().then(|| Outcome {
                    state: StateChange::Set((**top).clone()),
                    effects: vec![],
                })
            }
        }
        _ => question(ctx, state).is_none().then(ended),
    }
}

/// What `stop` says to a flow that ends with its own word for it; `None`: it cannot be
/// ended by its person (someone waits on the answer).
fn stop(state: &FlowState) -> Option<(&'static str, Option<Command>)> {
    match state {
        FlowState::Application(_)
        | FlowState::Report(_)
        | FlowState::Survey(_)
        | FlowState::ConfirmClose(_)
        | FlowState::ConfirmDelete(_)
        | FlowState::WhatNext(_) => Some(("cancel", Some(Command::Cancel))),
        FlowState::ConfirmWithdraw(_) => Some(("no", None)),
        _ => None,
    }
}

/// Handles an escaping command typed while `state` is open (`stacked`: it is itself on
/// top of another); `None` when the message is for the flow. `dm` is the message as
/// routed, `step` the open flow's own handling of a message, and `idle` how this message
/// is handled with nothing open.
pub(super) fn in_flow(
    ctx: &Ctx<'_>,
    state: &FlowState,
    dm: &Dm,
    stacked: bool,
    step: impl Fn(&Content, Option<&Command>) -> Outcome,
    idle: impl Fn() -> Outcome,
) -> Option<Outcome> {
    let escape = escape(dm)?;
    if owns(state, &escape) {
        return None;
    }
    // `done <n>` for the resource an open acknowledgement is about answers it.
    if let (FlowState::Acknowledge(flow), Dm::Command(Command::Done(n))) = (state, dm)
        && super::prompts::done_names_step(ctx, flow, n)
    {
        return None;
    }
    let again = |note: Text| {
        let mut effects = vec![ctx.dm(OutMessage::said(note))];
        effects.extend(question(ctx, state).map(|q| ctx.dm(q)));
        Outcome::unchanged(effects)
    };
    Some(match escape {
        Escape::Help => {
            let mut outcome = again(super::help_text(ctx, ""));
            if outcome.effects.len() > 1 {
                outcome
                    .effects
                    .insert(1, ctx.dm(OutMessage::said(Text::msg("escape-here-again"))));
            }
            outcome
        }
        Escape::Stop => match stop(state) {
            Some((word, command)) => step(&Content::Text(word.into()), command.as_ref()),
            None => again(Text::msg("escape-stays-open")),
        },
        // They open nothing: the open flow stays as it is, asked again.
        Escape::AskTeam
        | Escape::MyData
        | Escape::Language
        | Escape::Resources
        | Escape::Link { waits: false } => stack(ctx, idle(), state),
        Escape::Link { waits: true } => again(Text::msg("escape-link-later")),
        Escape::Report | Escape::Withdraw | Escape::Delete if stacked => {
            again(Text::msg("escape-finish-first"))
        }
        Escape::Report | Escape::Withdraw | Escape::Delete => stack(ctx, idle(), state),
    })
}

/// `started` (a flow begun while `under` was open) goes on top of it; if it began none,
/// `under` is simply asked again.
pub(super) fn stack(ctx: &Ctx<'_>, started: Outcome, under: &FlowState) -> Outcome {
    match started.state {
        StateChange::Set(top) => Outcome {
            state: StateChange::Set(FlowState::Stacked {
                top: Box::new(top),
                under: Box::new(under.clone()),
            }),
            effects: started.effects,
        },
        StateChange::Unchanged | StateChange::Clear => {
            let mut effects = started.effects;
            effects.extend(question(ctx, under).map(|q| ctx.dm(q)));
            Outcome::unchanged(effects)
        }
    }
}

/// What a step of the flow on top of `under` leaves: still on top, or ended, and then
/// `under` is asked again where it was (or dropped, if it can no longer be answered).
pub(super) fn restack(ctx: &Ctx<'_>, outcome: Outcome, under: &FlowState) -> Outcome {
    match outcome.state {
        StateChange::Unchanged => outcome,
        StateChange::Set(top) => Outcome {
            state: StateChange::Set(FlowState::Stacked {
                top: Box::new(top),
                under: Box::new(under.clone()),
            }),
            effects: outcome.effects,
        },
        StateChange::Clear => {
            let mut effects = outcome.effects;
            match question(ctx, under) {
                Some(q) => {
                    effects.push(ctx.dm(OutMessage::said(Text::msg("escape-back"))));
                    effects.push(ctx.dm(q));
                    Outcome {
                        state: StateChange::Set(under.clone()),
                        effects,
                    }
                }
                None => Outcome {
                    state: StateChange::Clear,
                    effects,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matches::MatchStatus;
    use crate::domain::{ApplicationStatus, RoleKind};
    use crate::flows::personal::ConfirmDelete;
    use crate::flows::prompts::MatchOffer;
    use crate::flows::testing::{Scene, a_match, application};

    /// Amina's scene with her offer (match 1) in `status`.
    fn amina_with_offer(status: MatchStatus) -> Scene {
        let mentee = application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready);
        let mentor = application(2, "grace", RoleKind::Mentor, ApplicationStatus::Ready);
        let mut scene = Scene::for_user("amina");
        scene.matches = vec![a_match(1, &mentee, &mentor, status)];
        scene
    }

    fn offer() -> FlowState {
        FlowState::MatchOffer(MatchOffer { match_id: 1 })
    }

    fn delete() -> FlowState {
        FlowState::ConfirmDelete(ConfirmDelete {})
    }

    #[test]
    fn an_offer_still_open_is_left_alone() {
        let scene = amina_with_offer(MatchStatus::Approved);
        assert_eq!(withdraw_dead(&scene.ctx(), &offer()), None);
    }

    #[test]
    fn an_offer_the_other_side_declined_is_withdrawn_without_a_word() {
        let scene = amina_with_offer(MatchStatus::Declined);
        let outcome = withdraw_dead(&scene.ctx(), &offer()).expect("withdrawn");
        assert_eq!(outcome.state, StateChange::Clear);
        assert!(outcome.effects.is_empty(), "the decline itself told her");
    }

    #[test]
    fn a_dead_offer_on_top_gives_way_to_the_question_under_it() {
        let scene = amina_with_offer(MatchStatus::Expired);
        let stacked = FlowState::Stacked {
            top: Box::new(offer()),
            under: Box::new(delete()),
        };
        let outcome = withdraw_dead(&scene.ctx(), &stacked).expect("withdrawn");
        assert_eq!(outcome.state, StateChange::Set(delete()));
        assert_eq!(
            outcome.effects.len(),
            2,
            "back to where we were, and the question"
        );
    }

    #[test]
    fn a_dead_offer_underneath_is_dropped_and_the_open_question_kept() {
        let scene = amina_with_offer(MatchStatus::Declined);
        let stacked = FlowState::Stacked {
            top: Box::new(delete()),
            under: Box::new(offer()),
        };
        let outcome = withdraw_dead(&scene.ctx(), &stacked).expect("withdrawn");
        assert_eq!(outcome.state, StateChange::Set(delete()));
        assert!(outcome.effects.is_empty());
    }
}
