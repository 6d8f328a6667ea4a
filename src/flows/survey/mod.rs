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
//!
//! The survey a programme names as its outcomes' indicators (`[outcomes]`) is also asked
//! as each follow-up after a match closes: its opening and reminder say how to stop, and
//! `no more` declines it and every later follow-up (`Effect::DeclineFollowUps`); its
//! answers are stored with their baseline (`storage::outcomes`), reported by
//! `flows::outcomes`.

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

/// The survey's questions with `answers`, said in the reader's language where the
/// programme translated them (`[translations.<tag>.surveys.<id>]`).
fn form<'a>(
    programme: &'a Programme,
    survey: &'a Survey,
    answers: &'a BTreeMap<String, Answer>,
) -> Form<'a> {
    Form::new(&survey.questions, answers)
        .translated(&programme.translations, format!("surveys.{}", survey.id))
}

/// The survey's title, as said to the reader.
fn title(programme: &Programme, survey: &Survey) -> Text {
    programme.said(&format!("surveys.{}.title", survey.id), &survey.title)
}

/// The programme's name, as said to the reader.
fn name(programme: &Programme) -> Text {
    programme.said("name", &programme.name)
}

/// Whether `survey` is asked as a programme's follow-up of outcomes after closure, which
/// the person may decline for good (`no more`).
fn is_follow_up(programme: &Programme, survey: &Survey) -> bool {
    programme
        .outcomes
        .as_ref()
        .is_some_and(|o| o.survey == survey.id)
}

/// How to stop the follow-ups, under a follow-up's opening (none for other surveys).
fn how_to_stop(programme: &Programme, survey: &Survey) -> Option<Text> {
    is_follow_up(programme, survey).then(|| Text::msg("outcomes-how-to-stop"))
}

/// The day the invite closes.
fn closes(invite: &SurveyInvite) -> Text {
    Text::day_month(invite.closes_at.date_naive())
}

/// Starts (or resumes) the survey of an open invite; nothing when it closed or was
/// answered meanwhile.
pub fn start(ctx: &Ctx<'_>, invite_id: i64, reminder: bool) -> Outcome {
    let Some((invite, programme, survey)) = invite(ctx, invite_id) else {
        return Outcome::unchanged(vec![]);
    };
    let form = form(programme, survey, &invite.draft);
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
    let intro = if !invite.draft.is_empty() {
        Text::msg("survey-carry-on")
            .arg("title", title(programme, survey))
            .arg("programme", name(programme))
            .arg("closes", closes(invite))
    } else if reminder {
        reminder_text(invite, programme, survey, form.count())
    } else {
        let opening = if survey.intro.is_empty() {
            Text::msg("survey-intro")
        } else {
            Text::msg("survey-intro-with").arg(
                "intro",
                programme.said(&format!("surveys.{}.intro", survey.id), &survey.intro),
            )
        };
        let mut lines = vec![
            opening
                .arg("title", title(programme, survey))
                .arg("programme", name(programme)),
            survey.privacy_note(programme.anonymity_minimum),
            Text::msg("survey-how")
                .arg("count", form.count())
                .arg("closes", closes(invite)),
        ];
        lines.extend(how_to_stop(programme, survey));
        Text::lines(lines)
    };
    go_to(ctx, programme, survey, flow, vec![intro])
}

fn reminder_text(
    invite: &SurveyInvite,
    programme: &Programme,
    survey: &Survey,
    questions: usize,
) -> Text {
    Text::lines(
        vec![
            Text::msg("survey-reminder")
                .arg("title", title(programme, survey))
                .arg("programme", name(programme))
                .arg("closes", closes(invite))
                .arg("count", questions),
            survey.privacy_note(programme.anonymity_minimum),
        ]
        .into_iter()
        .chain(how_to_stop(programme, survey))
        .collect(),
    )
}

/// A reminder for someone whose survey is already open in their conversation (it was
/// started, then left unanswered): the reminder and the question they are on.
pub fn nudge(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Vec<Effect> {
    let Some((invite, programme, survey)) = invite(ctx, flow.invite_id) else {
        return vec![];
    };
    let questions = form(programme, survey, &flow.answers).count();
    vec![
        ctx.dm(OutMessage::said(reminder_text(
            invite, programme, survey, questions,
        ))),
        ctx.dm(question(programme, survey, flow)),
    ]
}

/// `survey` in a DM: the oldest open survey, or a word that there is none.
pub fn resume(ctx: &Ctx<'_>) -> Outcome {
    let none_open = || {
        Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("survey-none-open"))),
        ])
    };
    match ctx.surveys.first() {
        Some(i) => {
            let outcome = start(ctx, i.id, false);
            if outcome.effects.is_empty() {
                none_open()
            } else {
                outcome
            }
        }
        None => none_open(),
    }
}

fn question(programme: &Programme, survey: &Survey, flow: &SurveyFlow) -> OutMessage {
    let form = form(programme, survey, &flow.answers);
    match form.question(&flow.question) {
        Some(q) => form.ask(q, current_ref(flow)),
        None => OutMessage::said(Text::msg("survey-type-to-carry-on")),
    }
}

/// The question a survey waits on, while its invite is open.
pub(super) fn current_question(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Option<OutMessage> {
    let (_, programme, survey) = invite(ctx, flow.invite_id)?;
    Some(question(programme, survey, flow))
}

/// One message while answering a survey.
pub fn step(
    ctx: &Ctx<'_>,
    flow: &SurveyFlow,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let Some((invite, programme, survey)) = invite(ctx, flow.invite_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("survey-closed")))],
        };
    };
    let reprompt = |notes: Vec<Text>| {
        form::say_then_ask(
            ctx,
            StateChange::Unchanged,
            notes,
            question(programme, survey, flow),
        )
    };
    if form::picked_elsewhere(content, &current_ref(flow)) {
        return reprompt(vec![Text::msg("survey-answered-already")]);
    }
    let form = form(programme, survey, &flow.answers);
    let (Some(q), Some(pos)) = (form.question(&flow.question), form.position(&flow.question))
    else {
        // The survey changed under this conversation: carry on with what is left.
        return advance(ctx, programme, survey, flow.clone(), None);
    };
    let text = match content {
        Content::Text(t) => Some(t.trim().to_lowercase()),
        Content::Picked { .. } => None,
    };
    if is_follow_up(programme, survey)
        && matches!(
            text.as_deref(),
            Some("no more" | "no more follow-ups" | "decline")
        )
    {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![
                Effect::DeclineFollowUps {
                    invite_id: flow.invite_id,
                    user: ctx.user.clone(),
                },
                ctx.dm(OutMessage::said(
                    Text::msg("outcomes-declined").arg("programme", name(programme)),
                )),
            ],
        };
    }
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
                    go_to(ctx, programme, survey, next, vec![note])
                }
            };
        }
        Some(Command::Help | Command::Status) => {
            return reprompt(vec![
                Text::msg("survey-where")
                    .arg("title", title(programme, survey))
                    .arg("programme", name(programme))
                    .arg("number", pos + 1)
                    .arg("count", form.count())
                    .arg("closes", closes(invite)),
            ]);
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
            go_to(ctx, programme, survey, next, vec![])
        }
        Reply::Back(None) => reprompt(vec![form::first_question()]),
        Reply::Retry(note) => {
            Outcome::unchanged(vec![ctx.dm(OutMessage::said(form::retry_note(note)))])
        }
    }
}

/// `notes`, then the question `next` is on, which the conversation now waits on.
fn go_to(
    ctx: &Ctx<'_>,
    programme: &Programme,
    survey: &Survey,
    next: SurveyFlow,
    notes: Vec<Text>,
) -> Outcome {
    let question = question(programme, survey, &next);
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
            ctx.dm(OutMessage::said(Text::msg("survey-kept"))),
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
    let form = form(programme, survey, &flow.answers);
    if let Some(question) = form
        .next(after, Onward::NextUnanswered)
        .map(|q| q.id.clone())
    {
        return go_to(
            ctx,
            programme,
            survey,
            SurveyFlow { question, ..flow },
            vec![],
        );
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
            ctx.dm(OutMessage::said(
                Text::msg(if survey.anonymous {
                    "survey-thanks-anonymous"
                } else {
                    "survey-thanks"
                })
                .arg("title", title(programme, survey))
                .arg("programme", name(programme)),
            )),
        ],
    }
}

#[cfg(test)]
mod tests;
