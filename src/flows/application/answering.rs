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
use crate::flows::form::{Form, Found, KeepUnanswered, Reply, first_question, retry_note};
use crate::flows::{Content, Ctx, FlowState, OutMessage, Outcome, StateChange};
use crate::i18n::Text;

/// The flow's role in the programme with its form, or a step back to choosing a role (the
/// role may have been removed from the configuration since the person chose it).
fn form_or_restart<'a>(
    ctx: &Ctx<'_>,
    flow: &'a ApplicationFlow,
    p: &'a Programme,
) -> Result<(&'a Role, Form<'a>), Box<Outcome>> {
    match flow.role.and_then(|r| p.role(r)) {
        Some(role) => Ok((role, super::role_form(p, role, &flow.answers))),
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
    match command {
        Some(Command::Review) => {
            let note = Text::msg("apply-still-to-answer")
                .arg("review", review_text(p, flow, false))
                .arg("left", form.unanswered());
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
                    effects: vec![ctx.dm(OutMessage::said(note))],
                };
            }
            next.stage = next_stage(p, &next, Some(&q.id), from_review);
            let mut notes = vec![];
            if next.stage == Stage::Reviewing && !from_review {
                notes.push(Text::msg("apply-last-question"));
            }
            set_and_prompt(ctx, next, notes)
        }
        Reply::Back(Some(before)) => go_to(ctx, flow, Stage::asking(before, false), vec![]),
        // Before the first question: the role, when there is a choice of them.
        Reply::Back(None) if p.roles.len() > 1 => go_to(ctx, flow, Stage::ChoosingRole, vec![]),
        Reply::Back(None) => with_prompt(ctx, flow, StateChange::Unchanged, vec![first_question()]),
        Reply::Retry(note) => reply_only(ctx, retry_note(note)),
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
        Some(q) if !form.is_answered(&q.id) => {
            reply_only(ctx, Text::msg("form-not-yet-here").arg("left", left))
        }
        _ => go_to(
            ctx,
            flow,
            Stage::asking(first, true),
            vec![Text::msg("form-not-yet-first").arg("left", left)],
        ),
    }
}

fn edit(ctx: &Ctx<'_>, flow: &ApplicationFlow, form: &Form<'_>, target: &str) -> Outcome {
    let note = match form.find(target) {
        Found::Question(q) if form.is_answered(&q.id) => {
            return go_to(ctx, flow, Stage::asking(q, true), vec![]);
        }
        Found::Question(_) => Text::msg("apply-edit-unanswered"),
        Found::Hidden => Text::msg("apply-edit-hidden").arg("target", target),
        Found::Unknown => Text::msg("apply-edit-unknown")
            .arg("target", crate::domain::text::preview(target, 40))
            .arg(
                "which",
                match form.count() {
                    n if n > 1 => Text::msg("apply-edit-range").arg("count", n),
                    _ => Text::msg("apply-edit-see-review"),
                },
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
            vec![Text::msg("apply-all-answered")],
        ),
        _ => {
            // A bare number or question name probably means "edit that one".
            let hint = match content {
                Content::Text(t) if role.questions.iter().any(|q| q.id == t.trim()) => {
                    Text::msg("apply-edit-that").arg("id", t.trim())
                }
                _ => Text::msg("apply-all-answered-hint"),
            };
            with_prompt(ctx, flow, StateChange::Unchanged, vec![hint])
        }
    }
}
