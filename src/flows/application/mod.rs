//! The application flow: one question at a time, in a DM, resumable for days.
//!
//! The state ([`ApplicationFlow`]) holds the programme, the role, the answers given so far and
//! the current [`Stage`]. The role's questions are a form of the form engine
//! ([`super::form`]): which question comes next is always derived from the form and the
//! answers (branching included), never stored separately, and asking, reading an answer,
//! `back`, `skip`, `keep` and the review's list and `edit` lookup are the engine's. What is
//! the application's own is around it: choosing the programme and the role (`choosing.rs`),
//! the review's commands (`answering.rs`), the screening and storing on `submit`
//! (`submit.rs`), a refusal by the rules told as soon as an answer settles it and an
//! application re-opened after one (`refused.rs`), and here the state, the commands of
//! every stage, the cancel confirmation and the prompt of each stage.
//!
//! Commands while applying: `back`, `skip` (optional questions), `keep` (keep the current
//! answer when revisiting a question), `repeat` (the question again), `review`,
//! `edit <question>`, `submit`, `cancel` (asks for confirmation), `status`, `help`.
//! Everything else is an answer; one that does not fit gets one short message.

mod answering;
mod choosing;
mod refused;
mod submit;

#[cfg(test)]
mod refusal_tests;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::command::Command;
use super::form::{self, Form, Onward};
use super::{Content, Ctx, FlowState, OutMessage, Outcome, StateChange, status_text};
use crate::domain::answer::yes_no_labelled;
use crate::domain::{Answer, Choice, Programme, Question, RoleKind};
use crate::i18n::Text;
use answering::{asking, reviewing};
pub use choosing::{ASSISTED, start, start_assisted};
use choosing::{choose_programme, choose_role, role_choices_said};

/// A person's application in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationFlow {
    /// `None` while the person is choosing among several open programmes.
    pub programme: Option<String>,
    /// `None` while the person is choosing a role.
    pub role: Option<RoleKind>,
    /// Answers by question id. May hold answers to questions a later change hid; only the
    /// visible ones are submitted.
    pub answers: BTreeMap<String, Answer>,
    pub stage: Stage,
    pub started_at: DateTime<Utc>,
    /// The application the screening rules refused that this one re-opens (to correct an
    /// answer, or to apply again): submitted in its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopens: Option<i64>,
    /// Where it came from: `announcement` (an Apply card), `referral:<code>` (see
    /// `choosing::start`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Entered by a coordinator for someone without a chat account (`flows::assist`):
    /// the sender is the coordinator, and the application is that person's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted: Option<Assisted>,
}

/// Who an assisted application is for (see `flows::assist`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assisted {
    /// Their stand-in (`UserRef::assisted`), the applicant until they take it over.
    pub person: crate::domain::UserRef,
    /// The code they take it over with (`link <code>`), given to the coordinator on
    /// submitting; stored only as a hash from then on.
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Stage {
    ChoosingProgramme,
    ChoosingRole,
    /// Asking `question`. With `from_review`, answering returns to the review.
    Asking {
        question: String,
        from_review: bool,
    },
    Reviewing,
    ConfirmingCancel {
        then: Box<Stage>,
    },
}

impl Stage {
    fn asking(q: &Question, from_review: bool) -> Stage {
        Stage::Asking {
            question: q.id.clone(),
            from_review,
        }
    }
}

const REF_PROGRAMME: &str = "programme";
const REF_ROLE: &str = "role";
const REF_CANCEL: &str = "confirm-cancel";

fn question_ref(id: &str) -> String {
    format!("question:{id}")
}

/// Reminds the person where they are, re-asking the current question.
pub fn remind(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> Outcome {
    let welcome = Text::msg("apply-welcome-back").arg("where", where_text(ctx, flow));
    with_prompt(ctx, flow, StateChange::Unchanged, vec![welcome])
}

/// One step of the flow.
pub fn step(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    // The programme may have been removed from the config since the person started.
    let programme = match &flow.programme {
        Some(slug) => match ctx.programme(slug) {
            Some(p) => Some(p),
            None => {
                return Outcome {
                    state: StateChange::Clear,
                    effects: vec![ctx.dm(OutMessage::said(Text::msg("apply-programme-gone")))],
                };
            }
        },
        None => None,
    };
    if form::picked_elsewhere(content, &current_ref(flow)) {
        return with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec![Text::msg("apply-already-answered")],
        );
    }
    // Commands that mean the same at every stage.
    match command {
        Some(Command::Help) => {
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![help(ctx, flow)]);
        }
        Some(Command::Status) => {
            let mut lines =
                vec![Text::msg("apply-in-progress").arg("where", where_text(ctx, flow))];
            if !ctx.applications.is_empty() {
                lines.push(status_text(ctx));
            }
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![Text::lines(lines)]);
        }
        Some(Command::Greeting) => return remind(ctx, flow),
        Some(Command::Repeat) => return with_prompt(ctx, flow, StateChange::Unchanged, vec![]),
        Some(Command::Apply(args)) if args.is_empty() => return remind(ctx, flow),
        Some(Command::Withdraw(_)) => {
            return with_prompt(
                ctx,
                flow,
                StateChange::Unchanged,
                vec![Text::msg("apply-nothing-to-withdraw")],
            );
        }
        Some(Command::Cancel) if !matches!(flow.stage, Stage::ConfirmingCancel { .. }) => {
            let then = Box::new(flow.stage.clone());
            return go_to(ctx, flow, Stage::ConfirmingCancel { then }, vec![]);
        }
        _ => {}
    }
    match (&flow.stage, programme) {
        (Stage::ConfirmingCancel { then }, _) => confirm_cancel(ctx, flow, then, content),
        (Stage::ChoosingProgramme, _) => choose_programme(ctx, flow, content),
        (_, None) => choose_programme(ctx, flow, content),
        (Stage::ChoosingRole, Some(p)) => choose_role(ctx, flow, p, content, command),
        (
            Stage::Asking {
                question,
                from_review,
            },
            Some(p),
        ) => asking(ctx, flow, p, question, *from_review, content, command),
        (Stage::Reviewing, Some(p)) => reviewing(ctx, flow, p, content, command),
    }
}

fn reply_only(ctx: &Ctx<'_>, text: Text) -> Outcome {
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![ctx.dm(OutMessage::said(text))],
    }
}

/// Sends `notes` and then the prompt for the (possibly new) flow state.
fn with_prompt(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    state: StateChange,
    notes: Vec<Text>,
) -> Outcome {
    form::say_then_ask(ctx, state, notes, prompt(ctx, flow))
}

fn set_and_prompt(ctx: &Ctx<'_>, flow: ApplicationFlow, notes: Vec<Text>) -> Outcome {
    let mut out = with_prompt(ctx, &flow, StateChange::Unchanged, notes);
    out.state = StateChange::Set(FlowState::Application(flow));
    out
}

/// Moves the flow to `stage`, with nothing else changed: `notes`, then the stage's prompt.
fn go_to(ctx: &Ctx<'_>, flow: &ApplicationFlow, stage: Stage, notes: Vec<Text>) -> Outcome {
    let next = ApplicationFlow {
        stage,
        ..flow.clone()
    };
    set_and_prompt(ctx, next, notes)
}

/// `role`'s form of `p` with `answers`, its questions said in the reader's language where
/// the programme translated them.
pub(super) fn role_form<'a>(
    p: &'a Programme,
    role: &'a crate::domain::Role,
    answers: &'a BTreeMap<String, Answer>,
) -> Form<'a> {
    Form::new(&role.questions, answers)
        .translated(&p.translations, format!("roles.{}", role.kind.as_str()))
}

/// The ref of the prompt the flow waits on (`question:name`), echoed by platforms' controls.
pub(crate) fn current_ref(flow: &ApplicationFlow) -> String {
    match &flow.stage {
        Stage::ChoosingProgramme => REF_PROGRAMME.into(),
        Stage::ChoosingRole => REF_ROLE.into(),
        Stage::Asking { question, .. } => question_ref(question),
        Stage::Reviewing => "review".into(),
        Stage::ConfirmingCancel { .. } => REF_CANCEL.into(),
    }
}

/// ` to Pathways as a mentee (3 of 9 questions answered)`, or as much of it as is known.
fn where_text(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> Text {
    let programme = flow.programme.as_deref().and_then(|s| ctx.programme(s));
    let mut parts = Vec::new();
    if let Some(p) = programme {
        parts.push(Text::msg("apply-where-programme").arg("programme", p.said_name()));
        if let Some(role) = flow.role.and_then(|r| p.role(r)) {
            parts.push(Text::msg("apply-where-role").arg("role", p.said_role(role.kind)));
            let form = role_form(p, role, &flow.answers);
            parts.push(
                Text::msg("apply-where-count")
                    .arg("answered", form.answered())
                    .arg("count", form.count()),
            );
        }
    }
    Text::join(parts, "")
}

fn help(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> Text {
    Text::msg("apply-help").arg("where", where_text(ctx, flow))
}

/// Where to go after `after` was answered (or at the start, with `None`).
fn next_stage(
    programme: &Programme,
    flow: &ApplicationFlow,
    after: Option<&str>,
    from_review: bool,
) -> Stage {
    let Some(role) = flow.role.and_then(|r| programme.role(r)) else {
        return Stage::ChoosingRole;
    };
    // From the review, to what is still unanswered; else forward through the form, even
    // over answered questions, the way a form's "next" button does.
    let onward = if from_review {
        Onward::FirstUnanswered
    } else {
        Onward::Next
    };
    match Form::new(&role.questions, &flow.answers).next(after, onward) {
        Some(q) => Stage::asking(q, from_review),
        None => Stage::Reviewing,
    }
}

/// The message for the current stage: a question, a choice, the review, a confirmation.
pub fn prompt(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> OutMessage {
    let programme = flow.programme.as_deref().and_then(|s| ctx.programme(s));
    match (&flow.stage, programme) {
        (Stage::ConfirmingCancel { .. }, _) => OutMessage {
            pick: Some((1, 1)),
            prompt_ref: Some(REF_CANCEL.into()),
            ..OutMessage::said(Text::msg("apply-confirm-cancel").arg(
                "to",
                match programme {
                    Some(p) => Text::msg("apply-where-programme").arg("programme", p.said_name()),
                    None => Text::plain(""),
                },
            ))
            .with_choices(yes_no_labelled())
        },
        (Stage::ChoosingProgramme, _) | (_, None) => {
            let choices: Vec<(Choice, Text)> = ctx
                .programmes
                .iter()
                .filter(|p| p.applications_open)
                .map(|p| {
                    let choice = Choice {
                        value: p.slug.clone(),
                        label: p.name.clone(),
                    };
                    (choice, p.said_name())
                })
                .collect();
            OutMessage {
                pick: Some((1, 1)),
                prompt_ref: Some(REF_PROGRAMME.into()),
                ..OutMessage::said(Text::msg("apply-which-programme")).with_choices(choices)
            }
        }
        (Stage::ChoosingRole, Some(p)) => OutMessage {
            pick: Some((1, 1)),
            prompt_ref: Some(REF_ROLE.into()),
            ..OutMessage::said(Text::msg("apply-which-role").arg("programme", p.said_name()))
                .with_choices(role_choices_said(p))
        },
        (Stage::Asking { question, .. }, Some(p)) => question_prompt(p, flow, question),
        (Stage::Reviewing, Some(p)) => OutMessage::said(review_text(p, flow, true)),
    }
}

fn question_prompt(p: &Programme, flow: &ApplicationFlow, id: &str) -> OutMessage {
    let Some(role) = flow.role.and_then(|r| p.role(r)) else {
        return OutMessage::said(Text::msg("apply-choose-role"));
    };
    let Some(q) = role.question(id) else {
        return OutMessage::said(Text::msg("apply-type-review"));
    };
    // Consenting to a programme with a pair-room safety policy is consenting to it too.
    let policy = (matches!(q.kind, crate::domain::QuestionKind::Consent { .. })
        && p.safety.is_some())
    .then(|| crate::domain::safety::policy_said(p.said_name()));
    role_form(p, role, &flow.answers).ask_with(q, question_ref(&q.id), policy)
}

fn review_text(p: &Programme, flow: &ApplicationFlow, with_instructions: bool) -> Text {
    let Some(role) = flow.role.and_then(|r| p.role(r)) else {
        return Text::msg("apply-no-role-yet");
    };
    let review = Text::msg("apply-review")
        .arg("role", p.said_role(role.kind))
        .arg("programme", p.said_name())
        .arg("lines", role_form(p, role, &flow.answers).review_lines());
    if with_instructions {
        Text::paragraphs(vec![review, Text::msg("apply-review-instructions")])
    } else {
        review
    }
}

fn confirm_cancel(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    then: &Stage,
    content: &Content,
) -> Outcome {
    match form::yes_or_no(content, ctx.now) {
        Some(true) => Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("apply-cancelled")))],
        },
        Some(false) => go_to(ctx, flow, then.clone(), vec![Text::msg("apply-carry-on")]),
        None => reply_only(ctx, form::retry_note(Text::msg("answer-yes-no"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A conversation stored before the form engine: it must still load, and be stored
    /// again in the same shape.
    const STORED: &str = r#"{"flow":"application","programme":"demo","role":"mentee","answers":{"age":{"type":"number","value":19.0},"extra":{"type":"skipped"},"name":{"type":"text","value":"Ada"}},"stage":{"stage":"confirming_cancel","then":{"stage":"asking","question":"tz","from_review":true}},"started_at":"2027-01-11T09:00:00Z"}"#;

    #[test]
    fn an_application_stored_before_the_form_engine_still_loads_in_the_same_shape() {
        let state: FlowState = serde_json::from_str(STORED).expect("the stored shape loads");
        let FlowState::Application(flow) = &state else {
            panic!("not an application: {state:?}");
        };
        assert_eq!(flow.programme.as_deref(), Some("demo"));
        assert_eq!(flow.role, Some(RoleKind::Mentee));
        assert_eq!(flow.answers.get("age"), Some(&Answer::Number(19.0)));
        assert_eq!(flow.answers.get("extra"), Some(&Answer::Skipped));
        assert_eq!(
            flow.stage,
            Stage::ConfirmingCancel {
                then: Box::new(Stage::Asking {
                    question: "tz".into(),
                    from_review: true
                })
            }
        );
        assert_eq!(serde_json::to_string(&state).unwrap(), STORED);
    }
}
