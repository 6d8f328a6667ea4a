//! `withdraw`: a person takes back a submitted application, after confirming.
//!
//! Open proposals and offers involving the application end at once (the other person of an
//! offer is told kindly and the next best options are proposed); an active match is not
//! ended here: that is a closure, with its own care, so the person is pointed to their
//! coordinator.

use serde::{Deserialize, Serialize};

use super::{Content, Ctx, Decision, Effect, FlowState, OutMessage, Outcome, StateChange};
use crate::domain::answer::{AnswerInput, parse_answer, yes_no_labelled};
use crate::domain::matches::MatchStatus;
use crate::domain::{ApplicationStatus, ApplicationSummary, Question, QuestionKind};
use crate::i18n::Text;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmWithdraw {
    pub application_id: i64,
}

fn withdrawable(a: &ApplicationSummary) -> bool {
    !matches!(
        a.status,
        ApplicationStatus::Withdrawn | ApplicationStatus::Rejected | ApplicationStatus::Ineligible
    )
}

/// `withdraw [programme]` with no conversation in progress.
pub fn start(ctx: &Ctx<'_>, named: Option<&str>) -> Outcome {
    let reply = |text: Text| Outcome {
        state: StateChange::Unchanged,
        effects: vec![ctx.dm(OutMessage::said(text))],
    };
    let open: Vec<&ApplicationSummary> = ctx
        .applications
        .iter()
        .filter(|a| withdrawable(a))
        .filter(|a| named.is_none_or(|n| a.programme.eq_ignore_ascii_case(n)))
        .collect();
    let app = match open.as_slice() {
        [] => {
            return reply(match named {
                Some(n) => Text::msg("withdraw-none-to").arg("programme", n),
                None => Text::msg("withdraw-none"),
            });
        }
        [one] => *one,
        many => {
            let list: Vec<&str> = many.iter().map(|a| a.programme.as_str()).collect();
            return reply(Text::msg("withdraw-which").arg("programmes", list.join(", ")));
        }
    };
    if let Some(m) = ctx.matches.iter().find(|m| {
        m.status == MatchStatus::Active
            && (m.mentee_application == app.id || m.mentor_application == app.id)
    }) {
        let partner = if m.mentee == *ctx.user {
            &m.mentor_name
        } else {
            &m.mentee_name
        };
        return reply(Text::msg("withdraw-matched").arg("partner", partner));
    }
    let flow = ConfirmWithdraw {
        application_id: app.id,
    };
    Outcome {
        state: StateChange::Set(FlowState::ConfirmWithdraw(flow.clone())),
        effects: vec![ctx.dm(prompt(ctx, app))],
    }
}

fn prompt(ctx: &Ctx<'_>, app: &ApplicationSummary) -> OutMessage {
    OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some("confirm-withdraw".into()),
        ..OutMessage::said(
            Text::msg("withdraw-confirm")
                .arg("programme", ctx.said_programme(&app.programme))
                .arg("role", ctx.said_role(app)),
        )
        .with_choices(yes_no_labelled())
    }
}

/// The question a confirmation waits on, while its application can still be withdrawn.
pub(super) fn question(ctx: &Ctx<'_>, flow: &ConfirmWithdraw) -> Option<OutMessage> {
    let app = ctx
        .applications
        .iter()
        .find(|a| a.id == flow.application_id && withdrawable(a))?;
    Some(prompt(ctx, app))
}

/// The answer to "do you really want to withdraw?".
pub fn step(ctx: &Ctx<'_>, flow: &ConfirmWithdraw, content: &Content) -> Outcome {
    let Some(app) = ctx
        .applications
        .iter()
        .find(|a| a.id == flow.application_id && withdrawable(a))
    else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("withdraw-too-late")))],
        };
    };
    let question = Question {
        id: "confirm".into(),
        label: "Confirm".into(),
        prompt: String::new(),
        help: None,
        kind: QuestionKind::YesNo,
        optional: false,
        show_if: None,
    };
    let input = match content {
        Content::Text(t) => AnswerInput::Text(t),
        Content::Picked { values, .. } => AnswerInput::Picked(values),
    };
    match parse_answer(&question, &input, ctx.now) {
        Ok(crate::domain::Answer::YesNo(true)) => Outcome {
            state: StateChange::Clear,
            effects: withdraw(ctx, app),
        },
        Ok(_) => Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("withdraw-kept")))],
        },
        Err(_) => Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                ctx.dm(OutMessage::said(Text::msg("answer-yes-no"))),
                ctx.dm(prompt(ctx, app)),
            ],
        },
    }
}

fn withdraw(ctx: &Ctx<'_>, app: &ApplicationSummary) -> Vec<Effect> {
    let mut effects = vec![
        Effect::RecordDecision(Decision {
            application_id: app.id,
            from: app.status,
            to: ApplicationStatus::Withdrawn,
            by: ctx.user.to_string(),
            reason: "withdrawn by the applicant".into(),
        }),
        ctx.dm(OutMessage::said(
            Text::msg("withdraw-done").arg("programme", ctx.said_programme(&app.programme)),
        )),
    ];
    let mut replan = false;
    for m in ctx
        .matches
        .iter()
        .filter(|m| m.mentee_application == app.id || m.mentor_application == app.id)
    {
        let other = if m.mentee == *ctx.user {
            &m.mentor
        } else {
            &m.mentee
        };
        match m.status {
            MatchStatus::Proposed => {
                effects.push(super::pairing::rejected(m.id, "tandem".into()));
                replan = true;
            }
            MatchStatus::Approved => {
                effects.push(Effect::MoveMatch {
                    match_id: m.id,
                    from: MatchStatus::Approved,
                    to: MatchStatus::Declined,
                    by: ctx.user.to_string(),
                    deadline: None,
                });
                let me = if m.mentee == *ctx.user {
                    &m.mentee_name
                } else {
                    &m.mentor_name
                };
                effects.push(Effect::SendDm {
                    to: other.clone(),
                    // In the other person's language, when it is delivered.
                    message: OutMessage::said(Text::msg("withdraw-partner-left").arg("name", me)),
                });
                replan = true;
            }
            _ => {}
        }
    }
    if let Some(room) = ctx.coordinators_room(Some(&app.programme)) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                if replan {
                    Text::msg("withdrawn-staff-replan")
                } else {
                    Text::msg("withdrawn-staff")
                }
                .arg("id", app.id.to_string())
                .arg("role", ctx.said_role(app))
                .arg("programme", ctx.said_programme(&app.programme)),
            )
            .in_thread(super::application_thread(app.id)),
        });
    }
    if replan {
        effects.push(Effect::Replan {
            programme: app.programme.clone(),
        });
    }
    effects
}
