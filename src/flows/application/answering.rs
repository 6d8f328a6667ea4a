//! Answering the role's questions and the review, through the form engine: the
//! application's own commands (`review`, `submit`, `edit`) are answered here, the rest of a
//! message goes to [`Form::read`].

use super::submit::submit;
use super::{
    ApplicationFlow, Stage, go_to, next_stage, refused, reply_only, review_text, set_and_prompt,
    with_prompt,
};
use crate::domain::{Programme, Question, Role};
use crate::flows::command::Command;
use crate::flows::form::{FIRST_QUESTION, Form, Found, KeepUnanswered, Reply, retry_note};
use crate::flows::{Content, Ctx, FlowState, Outcome, StateChange};

/// The flow's role in the programme with its form, or a step back to choosing a role (the
/// role may have been removed from the configuration since the person chose it).
fn form_or_restart<'a>(
    ctx: &Ctx<'_>,
    flow: &'a ApplicationFlow,
    p: &'a Programme,
) -> Result<(&'a Role, Form<'a>), Box<Outcome>> {
    match flow.role.and_then(|r| p.role(r)) {
        Some(role) => Ok((role, Form::new(&role.questions, &flow.answers))),
        None => Err(Box::new(go_to(ctx, flow, Stage::ChoosingRole, vec![]))),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn asking(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    question_id: &str,
    from_review: bool,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let (role, form) = match form_or_restart(ctx, flow, p) {
        Ok(found) => found,
        Err(restart) => return *restart,
    };
    let Some(q) = form.question(question_id) else {
        // The form changed under this conversation (config edited, branch hidden): move on.
        return go_to(ctx, flow, next_stage(p, flow, None, true), vec![]);
    };
    let still_to_answer =
        |left: usize| format!("{left} question{}", if left == 1 { "" } else { "s" });
    match command {
        Some(Command::Review) => {
            let note = format!(
                "{}\n\n{} still to answer. Let's continue:",
                review_text(p, flow, false),
                still_to_answer(form.unanswered())
            );
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![note]);
        }
        // Revisiting an answer with everything answered, `submit` sends the application
        // as it stands (the answer being revisited is kept); otherwise it says what is left.
        Some(Command::Submit) => return submit_or_say_what_is_left(ctx, flow, p, &form, Some(q)),
        Some(Command::Edit(target)) => return edit(ctx, flow, &form, target),
        _ => {}
    }
    match form.read(q, content, command, ctx.now, KeepUnanswered::Refuse) {
        Reply::Forward(answers) => {
            let changed = answers.get(&q.id) != flow.answers.get(&q.id);
            let mut next = flow.clone();
            next.answers = answers;
            // An answer that makes the application fail the rules is told at once, and the
            // question stays: a mistaken answer is corrected by sending the right one.
            if changed && let Some(note) = refused::early_notice(ctx, p, role, &next, q) {
                return Outcome {
                    state: StateChange::Set(FlowState::Application(next)),
                    effects: vec![ctx.dm_text(note)],
                };
            }
            next.stage = next_stage(p, &next, Some(&q.id), from_review);
            let mut notes = vec![];
            if next.stage == Stage::Reviewing && !from_review {
                notes.push("That was the last question.".into());
            }
            set_and_prompt(ctx, next, notes)
        }
        Reply::Back(Some(before)) => go_to(ctx, flow, Stage::asking(before, false), vec![]),
        // Before the first question: the role, when there is a choice of them.
        Reply::Back(None) if p.roles.len() > 1 => go_to(ctx, flow, Stage::ChoosingRole, vec![]),
        Reply::Back(None) => with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec![FIRST_QUESTION.into()],
        ),
        Reply::Retry(note) => reply_only(ctx, retry_note(&note)),
    }
}

/// `submit` while answering (`current`, the question asked) or at the review: the
/// application is sent when every question that applies is answered; otherwise the person
/// is told exactly which are left, and taken to the first of them (unless they are on an
/// unanswered question already, which is just above).
fn submit_or_say_what_is_left(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    form: &Form<'_>,
    current: Option<&Question>,
) -> Outcome {
    let Some(first) = form.first_unanswered() else {
        return match flow.role.and_then(|r| p.role(r)) {
            Some(role) => submit(ctx, flow, p, role, form.given()),
            None => go_to(ctx, flow, Stage::ChoosingRole, vec![]),
        };
    };
    let left = form.left_text();
    match current {
        Some(q) if !form.is_answered(&q.id) => reply_only(
            ctx,
            format!("Not yet: still to answer: {left}. Let's carry on with this one."),
        ),
        _ => go_to(
            ctx,
            flow,
            Stage::asking(first, true),
            vec![format!(
                "Not yet: still to answer: {left}. Here is the first:"
            )],
        ),
    }
}

fn edit(ctx: &Ctx<'_>, flow: &ApplicationFlow, form: &Form<'_>, target: &str) -> Outcome {
    let note = match form.find(target) {
        Found::Question(q) if form.is_answered(&q.id) => {
            return go_to(ctx, flow, Stage::asking(q, true), vec![]);
        }
        Found::Question(_) => "You haven't answered that question yet; we'll get to it.".into(),
        Found::Hidden => {
            format!("The question “{target}” doesn't apply given your other answers.")
        }
        Found::Unknown => format!(
            "There's no question “{}”. Use the number or the name shown in the review: {}.",
            crate::domain::text::preview(target, 40),
            match form.count() {
                n if n > 1 => format!("1 to {n}"),
                _ => "type review to see them".into(),
            }
        ),
    };
    with_prompt(ctx, flow, StateChange::Unchanged, vec![note])
}

pub(super) fn reviewing(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let (role, form) = match form_or_restart(ctx, flow, p) {
        Ok(found) => found,
        Err(restart) => return *restart,
    };
    match command {
        Some(Command::Submit) => submit_or_say_what_is_left(ctx, flow, p, &form, None),
        Some(Command::Edit(target)) => edit(ctx, flow, &form, target),
        Some(Command::Back) => match form.visible().last() {
            Some(last) => go_to(ctx, flow, Stage::asking(last, false), vec![]),
            None => with_prompt(ctx, flow, StateChange::Unchanged, vec![]),
        },
        Some(Command::Review) => with_prompt(ctx, flow, StateChange::Unchanged, vec![]),
        Some(Command::Skip | Command::Keep) => with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec!["All questions are answered.".into()],
        ),
        _ => {
            // A bare number or question name probably means "edit that one".
            let hint = match content {
                Content::Text(t) if role.questions.iter().any(|q| q.id == t.trim()) => {
                    format!("To change that answer, type edit {}.", t.trim())
                }
                _ => "All questions are answered. Type submit to send your application, or edit <number> to change an answer.".to_string(),
            };
            with_prompt(ctx, flow, StateChange::Unchanged, vec![hint])
        }
    }
}
