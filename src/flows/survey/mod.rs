//! Surveys: answering one in a DM; the coordinators' `surveys`, `survey send` and
//! `survey results` are in `commands.rs`.
//!
//! A survey is a form of the form engine ([`super::form`]), asked one question at a time
//! like an application (same question kinds and prompts, `back`, `skip` for optional
//! questions, `keep`; an answer moves on to the next question still unanswered), started
//! by a queued prompt when the person is free, or by typing `survey`. `later` (or
//! `cancel`) stops and keeps the answers so far; `survey` picks up where they stopped,
//! until the survey closes. The last answer submits, and so does `submit` once every
//! question is answered (after going `back` to one). Figures only ever come from
//! `domain::survey::summarise`, which enforces the programme's anonymity minimum.

mod commands;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::Command;
use super::form::{self, Form, KeepUnanswered, Onward, Reply};
use super::{Content, Ctx, Effect, FlowState, OutMessage, Outcome, StateChange};
use crate::domain::survey::{Survey, SurveyInvite};
use crate::domain::{Answer, Programme};
use crate::i18n::Text;
pub use commands::{SurveyCommand, find, handle, parse, send_confirmed};

/// A survey being answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyFlow {
    pub invite_id: i64,
    pub programme: String,
    pub survey: String,
    pub answers: BTreeMap<String, Answer>,
    /// The question being asked.
    pub question: String,
}

/// The ref of the question the flow waits on, echoed by platforms' controls.
pub(crate) fn current_ref(flow: &SurveyFlow) -> String {
    format!("survey:{}:{}", flow.invite_id, flow.question)
}

fn invite<'c>(ctx: &'c Ctx<'_>, id: i64) -> Option<(&'c SurveyInvite, &'c Programme, &'c Survey)> {
    let invite = ctx.surveys.iter().find(|i| i.id == id)?;
    let programme = ctx.programme(&invite.programme)?;
    let survey = programme.survey(&invite.survey)?;
    Some((invite, programme, survey))
}

/// Starts (or resumes) the survey of an open invite; nothing when it closed or was
/// answered meanwhile.
pub fn start(ctx: &Ctx<'_>, invite_id: i64, reminder: bool) -> Outcome {
    let Some((invite, programme, survey)) = invite(ctx, invite_id) else {
        return Outcome::unchanged(vec![]);
    };
    let form = Form::new(&survey.questions, &invite.draft);
    let Some(first) = form
        .first_unanswered()
        .or_else(|| form.visible().first().copied())
    else {
        return Outcome::unchanged(vec![]);
    };
    let flow = SurveyFlow {
        invite_id,
        programme: programme.slug.clone(),
        survey: survey.id.clone(),
        answers: invite.draft.clone(),
        question: first.id.clone(),
    };
    let closes = invite.closes_at.format("%-d %B");
    let intro = if !invite.draft.is_empty() {
        format!(
            "Let's carry on with {} ({}) where you stopped. It closes on {closes}.",
            survey.title, programme.name
        )
    } else if reminder {
        reminder_text(invite, programme, survey, form.count())
    } else {
        let mut s = format!("{} from {}", survey.title, programme.name);
        if !survey.intro.is_empty() {
            s.push_str(&format!(": {}", survey.intro));
        }
        s.push_str(&format!(
            "\n{}\nThere are {} questions, open until {closes}. You can type back, skip (optional questions) or later (to stop and finish another time).",
            survey.privacy_note(programme.anonymity_minimum),
            form.count()
        ));
        s
    };
    go_to(ctx, survey, flow, vec![Text::plain(intro)])
}

fn reminder_text(
    invite: &SurveyInvite,
    programme: &Programme,
    survey: &Survey,
    questions: usize,
) -> String {
    format!(
        "A gentle reminder: {} ({}) closes on {}. It takes {questions} questions; your answers help us run the programme better.\n{}",
        survey.title,
        programme.name,
        invite.closes_at.format("%-d %B"),
        survey.privacy_note(programme.anonymity_minimum)
    )
}

/// A reminder for someone whose survey is already open in their conversation (it was
/// started, then left unanswered): the reminder and the question they are on.
pub fn nudge(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Vec<Effect> {
    let Some((invite, programme, survey)) = invite(ctx, flow.invite_id) else {
        return vec![];
    };
    let questions = Form::new(&survey.questions, &flow.answers).count();
    vec![
        ctx.dm_text(reminder_text(invite, programme, survey, questions)),
        ctx.dm(question(survey, flow)),
    ]
}

/// `survey` in a DM: the oldest open survey, or a word that there is none.
pub fn resume(ctx: &Ctx<'_>) -> Outcome {
    match ctx.surveys.first() {
        Some(i) => {
            let outcome = start(ctx, i.id, false);
            if outcome.effects.is_empty() {
                Outcome::unchanged(vec![ctx.dm_text(NONE_OPEN)])
            } else {
                outcome
            }
        }
        None => Outcome::unchanged(vec![ctx.dm_text(NONE_OPEN)]),
    }
}

const NONE_OPEN: &str = "You have no survey to answer right now. Thank you!";

fn question(survey: &Survey, flow: &SurveyFlow) -> OutMessage {
    let form = Form::new(&survey.questions, &flow.answers);
    match form.question(&flow.question) {
        Some(q) => form.ask(q, current_ref(flow)),
        None => OutMessage::text("Type survey to carry on."),
    }
}

/// The question a survey waits on, while its invite is open.
pub(super) fn current_question(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Option<OutMessage> {
    let (_, _, survey) = invite(ctx, flow.invite_id)?;
    Some(question(survey, flow))
}

/// One message while answering a survey.
pub fn step(
    ctx: &Ctx<'_>,
    flow: &SurveyFlow,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let Some((_, programme, survey)) = invite(ctx, flow.invite_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm_text(
                "That survey has closed, so your answers were not recorded. Thank you for your time all the same.",
            )],
        };
    };
    let reprompt = |notes: Vec<Text>| {
        form::say_then_ask(ctx, StateChange::Unchanged, notes, question(survey, flow))
    };
    if form::picked_elsewhere(content, &current_ref(flow)) {
        return reprompt(vec![Text::plain(
            "That question was answered already; here is where you are:",
        )]);
    }
    let form = Form::new(&survey.questions, &flow.answers);
    let (Some(q), Some(pos)) = (form.question(&flow.question), form.position(&flow.question))
    else {
        // The survey changed under this conversation: carry on with what is left.
        return advance(ctx, programme, survey, flow.clone(), None);
    };
    let text = match content {
        Content::Text(t) => Some(t.trim().to_lowercase()),
        Content::Picked { .. } => None,
    };
    let later = matches!(text.as_deref(), Some("later" | "stop" | "pause"));
    match command {
        _ if later => return stop(ctx, flow),
        Some(Command::Cancel) => return stop(ctx, flow),
        Some(Command::Repeat) => return reprompt(vec![]),
        // `submit` sends the answers when every question is answered (someone revisiting
        // one after `back`), and otherwise says which are left.
        Some(Command::Submit) => {
            return match form.first_unanswered() {
                None => advance(ctx, programme, survey, flow.clone(), None),
                Some(_) if !form.is_answered(&q.id) => Outcome::unchanged(vec![ctx.dm(
                    OutMessage::said(Text::msg("form-not-yet-here").arg("left", form.left_text())),
                )]),
                Some(first) => {
                    let note = Text::msg("form-not-yet-first").arg("left", form.left_text());
                    let next = SurveyFlow {
                        question: first.id.clone(),
                        ..flow.clone()
                    };
                    go_to(ctx, survey, next, vec![note])
                }
            };
        }
        Some(Command::Help | Command::Status) => {
            return reprompt(vec![Text::plain(format!(
                "You're answering {} ({}), question {} of {}. You can type:\nback — the previous question\nskip — leave out an optional question\nrepeat — see the question again\nlater — stop now and finish before {} (type survey to carry on)",
                survey.title,
                programme.name,
                pos + 1,
                form.count(),
                ctx.surveys
                    .iter()
                    .find(|i| i.id == flow.invite_id)
                    .map(|i| i.closes_at.format("%-d %B").to_string())
                    .unwrap_or_default()
            ))]);
        }
        _ => {}
    }
    match form.read(q, content, command, ctx.now, KeepUnanswered::ReadAsAnswer) {
        Reply::Forward(answers) => {
            let next = SurveyFlow {
                answers,
                ..flow.clone()
            };
            advance(ctx, programme, survey, next, Some(&q.id))
        }
        Reply::Back(Some(before)) => {
            let next = SurveyFlow {
                question: before.id.clone(),
                ..flow.clone()
            };
            go_to(ctx, survey, next, vec![])
        }
        Reply::Back(None) => reprompt(vec![form::first_question()]),
        Reply::Retry(note) => {
            Outcome::unchanged(vec![ctx.dm(OutMessage::said(form::retry_note(note)))])
        }
    }
}

/// `notes`, then the question `next` is on, which the conversation now waits on.
fn go_to(ctx: &Ctx<'_>, survey: &Survey, next: SurveyFlow, notes: Vec<Text>) -> Outcome {
    let question = question(survey, &next);
    form::say_then_ask(
        ctx,
        StateChange::Set(FlowState::Survey(next)),
        notes,
        question,
    )
}

/// `later`: keep the answers so far, free the conversation.
fn stop(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Outcome {
    Outcome {
        state: StateChange::Clear,
        effects: vec![
            Effect::SaveSurveyDraft {
                invite_id: flow.invite_id,
                user: ctx.user.clone(),
                answers: flow.answers.clone(),
            },
            ctx.dm_text(
                "All right: I've kept your answers so far. Type survey whenever you'd like to finish it.",
            ),
        ],
    }
}

/// The next unanswered question after `after`, or the submission when there is none.
fn advance(
    ctx: &Ctx<'_>,
    programme: &Programme,
    survey: &Survey,
    flow: SurveyFlow,
    after: Option<&str>,
) -> Outcome {
    let form = Form::new(&survey.questions, &flow.answers);
    if let Some(question) = form
        .next(after, Onward::NextUnanswered)
        .map(|q| q.id.clone())
    {
        return go_to(ctx, survey, SurveyFlow { question, ..flow }, vec![]);
    }
    // Only the visible questions' answers are kept: a branch not taken leaves nothing.
    let answers: BTreeMap<String, Answer> = form.given().into_iter().collect();
    Outcome {
        state: StateChange::Clear,
        effects: vec![
            Effect::SubmitSurvey {
                invite_id: flow.invite_id,
                user: ctx.user.clone(),
                answers,
                attributed: !survey.anonymous,
            },
            ctx.dm_text(format!(
                "Thank you! Your answers to {} are in{}. They help {} support every pair better.",
                survey.title,
                if survey.anonymous {
                    ", without your name"
                } else {
                    ""
                },
                programme.name
            )),
        ],
    }
}

#[cfg(test)]
mod tests;
