//! The application flow: one question at a time, in a DM, resumable for days.
//!
//! The state ([`ApplicationFlow`]) holds the programme, the role, the answers given so far and
//! the current [`Stage`]. The role's questions are a form of the form engine
//! ([`super::form`]): which question comes next is always derived from the form and the
//! answers (branching included), never stored separately, and asking, reading an answer,
//! `back`, `skip`, `keep` and the review's list and `edit` lookup are the engine's. What is
//! the application's own is here: choosing the programme and the role, the cancel
//! confirmation, the review's commands, and the screening and storing on `submit`.
//!
//! Commands while applying: `back`, `skip` (optional questions), `keep` (keep the current
//! answer when revisiting a question), `review`, `edit <question>`, `submit` (at the review),
//! `cancel` (asks for confirmation), `status`, `help`. Everything else is an answer.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::command::{Command, parse};
use super::form::{self, FIRST_QUESTION, Form, Found, KeepUnanswered, Onward, Reply};
use super::{Content, Ctx, Effect, FlowState, OutMessage, Outcome, StateChange, status_text};
use crate::domain::answer::{parse_answer, yes_no_choices};
use crate::domain::programme::slugify;
use crate::domain::screening::{RuleOutcome, evaluate};
use crate::domain::{
    Answer, ApplicationStatus, Choice, NewApplication, Programme, QuestionKind, Role, RoleKind,
};

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

const REF_PROGRAMME: &str = "programme";
const REF_ROLE: &str = "role";
const REF_CANCEL: &str = "confirm-cancel";

fn question_ref(id: &str) -> String {
    format!("question:{id}")
}

/// Starts an application after `apply [programme] [as] [role]`.
pub fn start(ctx: &Ctx<'_>, args: &[String]) -> Outcome {
    if ctx.suspended {
        return reply_only(
            ctx,
            "You can't apply right now. If you think this is a mistake, please contact the programme's coordinators.".into(),
        );
    }
    let open: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.applications_open)
        .collect();
    if open.is_empty() {
        return reply_only(
            ctx,
            "No programme is open for applications right now. Please check back later.".into(),
        );
    }
    let mut programme: Option<&Programme> = None;
    let mut role: Option<RoleKind> = None;
    for arg in args
        .iter()
        .filter(|a| !matches!(a.as_str(), "as" | "a" | "an" | "to"))
    {
        if let Some(kind) = match_role(open.first().copied(), arg).or_else(|| arg.parse().ok()) {
            role = Some(kind);
        } else if let Some(p) = match_programme(&open, arg) {
            programme = Some(p);
        } else {
            let names: Vec<String> = open.iter().map(|p| p.slug.clone()).collect();
            return reply_only(
                ctx,
                format!(
                    "I don't know a programme or role called “{}”. Open programmes: {}. Roles: mentor, mentee.",
                    crate::domain::text::preview(arg, 40),
                    names.join(", ")
                ),
            );
        }
    }
    if programme.is_none() && open.len() == 1 {
        programme = Some(open[0]);
    }
    if let Some(p) = programme
        && let Some(existing) = ctx
            .applications
            .iter()
            .find(|a| a.programme == p.slug && a.status.is_active())
    {
        return reply_only(
            ctx,
            format!(
                "You have already applied to {} as a {} ({} on {}). Type status to see your applications.",
                p.name,
                existing.role,
                existing.status,
                existing.submitted_at.format("%-d %B %Y")
            ),
        );
    }
    let mut flow = ApplicationFlow {
        programme: programme.map(|p| p.slug.clone()),
        role: None,
        answers: BTreeMap::new(),
        stage: Stage::ChoosingProgramme,
        started_at: ctx.now,
    };
    let mut effects = Vec::new();
    match programme {
        None => {
            flow.stage = Stage::ChoosingProgramme;
        }
        Some(p) => {
            effects.push(ctx.dm_text(format!(
                "Welcome to {}! {}\n\nAt any time you can type back, skip (optional questions), review, cancel or help. Your answers are saved as you go: you can stop and come back later.",
                p.name, p.texts.welcome
            )));
            match role.filter(|r| p.role(*r).is_some()) {
                Some(r) => {
                    flow.role = Some(r);
                    flow.stage = next_stage(p, &flow, None, false);
                }
                None => flow.stage = Stage::ChoosingRole,
            }
        }
    }
    effects.push(ctx.dm(prompt(ctx, &flow)));
    Outcome {
        state: StateChange::Set(FlowState::Application(flow)),
        effects,
    }
}

/// Reminds the person where they are, re-asking the current question.
pub fn remind(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> Outcome {
    let mut effects = vec![ctx.dm_text(format!(
        "Welcome back! You have an application in progress{}. Let's continue where you left off.",
        where_text(ctx, flow)
    ))];
    effects.push(ctx.dm(prompt(ctx, flow)));
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// One step of the flow.
pub fn step(ctx: &Ctx<'_>, flow: &ApplicationFlow, content: &Content) -> Outcome {
    // The programme may have been removed from the config since the person started.
    let programme = match &flow.programme {
        Some(slug) => match ctx.programme(slug) {
            Some(p) => Some(p),
            None => {
                return Outcome {
                    state: StateChange::Clear,
                    effects: vec![ctx.dm_text(
                        "The programme you were applying to is no longer available, so your application in progress was closed. Type apply to see the open programmes.",
                    )],
                };
            }
        },
        None => None,
    };
    let text = match content {
        Content::Text(t) => Some(t.as_str()),
        Content::Picked { .. } => None,
    };
    if form::picked_elsewhere(content, &current_ref(flow)) {
        return with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec!["That question was already answered; here is where you are now.".into()],
        );
    }
    let command = text.and_then(parse);
    // Commands that mean the same at every stage.
    match &command {
        Some(Command::Help) => {
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![help(ctx, flow)]);
        }
        Some(Command::Status) => {
            let mut s = format!("Your application{} is in progress.", where_text(ctx, flow));
            if !ctx.applications.is_empty() {
                s.push_str(&format!("\n{}", status_text(ctx)));
            }
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![s]);
        }
        Some(Command::Greeting) => return remind(ctx, flow),
        Some(Command::Apply(args)) if args.is_empty() => return remind(ctx, flow),
        Some(Command::Withdraw(_)) => {
            return with_prompt(
                ctx,
                flow,
                StateChange::Unchanged,
                vec!["This application isn't submitted yet, so there is nothing to withdraw: type cancel to stop it.".into()],
            );
        }
        Some(Command::Cancel) if !matches!(flow.stage, Stage::ConfirmingCancel { .. }) => {
            let mut next = flow.clone();
            next.stage = Stage::ConfirmingCancel {
                then: Box::new(flow.stage.clone()),
            };
            return set_and_prompt(ctx, next, vec![]);
        }
        _ => {}
    }
    match (&flow.stage, programme) {
        (Stage::ConfirmingCancel { then }, _) => confirm_cancel(ctx, flow, then, content),
        (Stage::ChoosingProgramme, _) => choose_programme(ctx, flow, content),
        (_, None) => choose_programme(ctx, flow, content),
        (Stage::ChoosingRole, Some(p)) => choose_role(ctx, flow, p, content, &command),
        (
            Stage::Asking {
                question,
                from_review,
            },
            Some(p),
        ) => asking(ctx, flow, p, question, *from_review, content, &command),
        (Stage::Reviewing, Some(p)) => reviewing(ctx, flow, p, content, &command),
    }
}

fn reply_only(ctx: &Ctx<'_>, text: String) -> Outcome {
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![ctx.dm_text(text)],
    }
}

/// Sends `notes` and then the prompt for the (possibly new) flow state.
fn with_prompt(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    state: StateChange,
    notes: Vec<String>,
) -> Outcome {
    form::say_then_ask(ctx, state, notes, prompt(ctx, flow))
}

fn set_and_prompt(ctx: &Ctx<'_>, flow: ApplicationFlow, notes: Vec<String>) -> Outcome {
    let mut out = with_prompt(ctx, &flow, StateChange::Unchanged, notes);
    out.state = StateChange::Set(FlowState::Application(flow));
    out
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

fn where_text(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> String {
    let programme = flow.programme.as_deref().and_then(|s| ctx.programme(s));
    let mut s = String::new();
    if let Some(p) = programme {
        s.push_str(&format!(" to {}", p.name));
        if let Some(role) = flow.role.and_then(|r| p.role(r)) {
            s.push_str(&format!(" as a {}", role.name.to_lowercase()));
            let form = Form::new(&role.questions, &flow.answers);
            s.push_str(&format!(
                " ({} of {} questions answered)",
                form.answered(),
                form.count()
            ));
        }
    }
    s
}

fn help(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> String {
    format!(
        "You're applying{}. While you answer, you can type:\nback — go to the previous question\nskip — leave out an optional question\nkeep — keep your current answer when you revisit a question\nreview — see all your answers\nedit <question> — change an answer (for example: edit 2)\nsubmit — send your application, once every question is answered\ncancel — stop and delete your answers\nstatus — see where you are",
        where_text(ctx, flow)
    )
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
        Some(q) => Stage::Asking {
            question: q.id.clone(),
            from_review,
        },
        None => Stage::Reviewing,
    }
}

/// The message for the current stage: a question, a choice, the review, a confirmation.
pub fn prompt(ctx: &Ctx<'_>, flow: &ApplicationFlow) -> OutMessage {
    let programme = flow.programme.as_deref().and_then(|s| ctx.programme(s));
    match (&flow.stage, programme) {
        (Stage::ConfirmingCancel { .. }, _) => OutMessage {
            text: format!(
                "Do you really want to cancel your application{}? Your answers so far will be deleted.",
                programme
                    .map(|p| format!(" to {}", p.name))
                    .unwrap_or_default()
            ),
            choices: yes_no_choices(),
            pick: Some((1, 1)),
            prompt_ref: Some(REF_CANCEL.into()),
            ..Default::default()
        },
        (Stage::ChoosingProgramme, _) | (_, None) => {
            let choices: Vec<Choice> = ctx
                .programmes
                .iter()
                .filter(|p| p.applications_open)
                .map(|p| Choice {
                    value: p.slug.clone(),
                    label: p.name.clone(),
                })
                .collect();
            OutMessage {
                text: "Which programme would you like to apply to?".into(),
                choices,
                pick: Some((1, 1)),
                prompt_ref: Some(REF_PROGRAMME.into()),
                ..Default::default()
            }
        }
        (Stage::ChoosingRole, Some(p)) => OutMessage {
            text: format!(
                "Would you like to join {} as a mentor or as a mentee?",
                p.name
            ),
            choices: role_choices(p),
            pick: Some((1, 1)),
            prompt_ref: Some(REF_ROLE.into()),
            ..Default::default()
        },
        (Stage::Asking { question, .. }, Some(p)) => question_prompt(p, flow, question),
        (Stage::Reviewing, Some(p)) => OutMessage::text(review_text(p, flow, true)),
    }
}

fn role_choices(p: &Programme) -> Vec<Choice> {
    p.roles
        .values()
        .map(|r| Choice {
            value: r.kind.as_str().into(),
            label: format!("{} — {}", r.name, r.description),
        })
        .collect()
}

fn question_prompt(p: &Programme, flow: &ApplicationFlow, id: &str) -> OutMessage {
    let Some(role) = flow.role.and_then(|r| p.role(r)) else {
        return OutMessage::text("Please choose a role first.");
    };
    let Some(q) = role.question(id) else {
        return OutMessage::text("Type review to see your answers.");
    };
    Form::new(&role.questions, &flow.answers).ask(q, question_ref(&q.id))
}

fn review_text(p: &Programme, flow: &ApplicationFlow, with_instructions: bool) -> String {
    let Some(role) = flow.role.and_then(|r| p.role(r)) else {
        return "You haven't chosen a role yet.".into();
    };
    let mut s = format!(
        "Your answers for your {} application to {}:{}",
        role.name.to_lowercase(),
        p.name,
        Form::new(&role.questions, &flow.answers).review_lines()
    );
    if with_instructions {
        s.push_str("\n\nType submit to send your application, edit <number or name> to change an answer (for example: edit 2), or cancel.");
    }
    s
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
            effects: vec![ctx.dm_text(
                "Your application was cancelled and your answers deleted. Type apply whenever you'd like to start again.",
            )],
        },
        Some(false) => {
            let mut next = flow.clone();
            next.stage = then.clone();
            set_and_prompt(ctx, next, vec!["Good, let's carry on.".into()])
        }
        None => with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec!["Please answer yes or no.".into()],
        ),
    }
}

fn picked_value(ctx: &Ctx<'_>, choices: Vec<Choice>, content: &Content) -> Result<String, String> {
    let question = form::single(QuestionKind::SingleChoice { choices });
    match parse_answer(&question, &form::input(content), ctx.now) {
        Ok(Answer::Choice(v)) => Ok(v),
        Ok(_) => Err("Please pick one option.".into()),
        Err(e) => Err(e.0),
    }
}

fn choose_programme(ctx: &Ctx<'_>, flow: &ApplicationFlow, content: &Content) -> Outcome {
    let choices = prompt(ctx, flow).choices;
    match picked_value(ctx, choices, content) {
        Ok(slug) => {
            let args = match flow.role {
                Some(r) => vec![slug, r.as_str().to_string()],
                None => vec![slug],
            };
            // Restart with the chosen programme: the same checks as `apply <programme>`.
            let mut out = start(ctx, &args);
            if out.state == StateChange::Unchanged {
                out.state = StateChange::Clear;
            }
            out
        }
        Err(e) => with_prompt(ctx, flow, StateChange::Unchanged, vec![e]),
    }
}

fn choose_role(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    content: &Content,
    command: &Option<Command>,
) -> Outcome {
    if matches!(command, Some(Command::Back)) {
        return with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec!["This is the first step.".into()],
        );
    }
    if let Some(c) = command
        && !matches!(c, Command::Apply(_))
    {
        return with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec!["First, please choose a role.".into()],
        );
    }
    let text_role = match content {
        Content::Text(t) => match_role(Some(p), t),
        Content::Picked { .. } => None,
    };
    let value = match text_role {
        Some(r) => Ok(r.as_str().to_string()),
        None => picked_value(ctx, role_choices(p), content),
    };
    match value.map(|v| v.parse::<RoleKind>()) {
        Ok(Ok(role)) => {
            let mut next = flow.clone();
            if next.role != Some(role) {
                next.answers.clear();
            }
            next.role = Some(role);
            next.stage = next_stage(p, &next, None, false);
            let name = p
                .role(role)
                .map(|r| r.name.to_lowercase())
                .unwrap_or_default();
            set_and_prompt(
                ctx,
                next,
                vec![format!("Great, you're applying as a {name}.")],
            )
        }
        Ok(Err(e)) | Err(e) => with_prompt(ctx, flow, StateChange::Unchanged, vec![e]),
    }
}

/// The flow's role in the programme with its form, or a step back to choosing a role (the
/// role may have been removed from the configuration since the person chose it).
fn form_or_restart<'a>(
    ctx: &Ctx<'_>,
    flow: &'a ApplicationFlow,
    p: &'a Programme,
) -> Result<(&'a Role, Form<'a>), Box<Outcome>> {
    match flow.role.and_then(|r| p.role(r)) {
        Some(role) => Ok((role, Form::new(&role.questions, &flow.answers))),
        None => {
            let mut next = flow.clone();
            next.stage = Stage::ChoosingRole;
            Err(Box::new(set_and_prompt(ctx, next, vec![])))
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn asking(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    question_id: &str,
    from_review: bool,
    content: &Content,
    command: &Option<Command>,
) -> Outcome {
    let (role, form) = match form_or_restart(ctx, flow, p) {
        Ok(found) => found,
        Err(restart) => return *restart,
    };
    let Some(q) = form.question(question_id) else {
        // The form changed under this conversation (config edited, branch hidden): move on.
        let mut next = flow.clone();
        next.stage = next_stage(p, flow, None, true);
        return set_and_prompt(ctx, next, vec![]);
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
        Some(Command::Submit) => {
            let note = match form.unanswered() {
                0 => "You can submit once you've answered this question; you'll then see all your answers for a last check.".to_string(),
                left => format!(
                    "Not quite yet: {} still to answer. You'll see all your answers for a last check before you submit.",
                    still_to_answer(left)
                ),
            };
            return with_prompt(ctx, flow, StateChange::Unchanged, vec![note]);
        }
        Some(Command::Edit(target)) => return edit(ctx, flow, p, role, target),
        _ => {}
    }
    match form.read(
        q,
        content,
        command.as_ref(),
        ctx.now,
        KeepUnanswered::Refuse,
    ) {
        Reply::Forward(answers) => {
            let mut next = flow.clone();
            next.answers = answers;
            next.stage = next_stage(p, &next, Some(&q.id), from_review);
            let mut notes = vec![];
            if next.stage == Stage::Reviewing && !from_review {
                notes.push("That was the last question.".into());
            }
            set_and_prompt(ctx, next, notes)
        }
        Reply::Back(Some(before)) => {
            let mut next = flow.clone();
            next.stage = Stage::Asking {
                question: before.id.clone(),
                from_review: false,
            };
            set_and_prompt(ctx, next, vec![])
        }
        // Before the first question: the role, when there is a choice of them.
        Reply::Back(None) if p.roles.len() > 1 => {
            let mut next = flow.clone();
            next.stage = Stage::ChoosingRole;
            set_and_prompt(ctx, next, vec![])
        }
        Reply::Back(None) => with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec![FIRST_QUESTION.into()],
        ),
        Reply::Retry(note) => with_prompt(ctx, flow, StateChange::Unchanged, vec![note]),
    }
}

fn edit(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    role: &Role,
    target: &str,
) -> Outcome {
    let note = match Form::new(&role.questions, &flow.answers).find(target) {
        Found::Question(q) if flow.answers.contains_key(&q.id) => {
            let mut next = flow.clone();
            next.stage = Stage::Asking {
                question: q.id.clone(),
                from_review: true,
            };
            return set_and_prompt(ctx, next, vec![]);
        }
        Found::Question(_) => "You haven't answered that question yet; we'll get to it.".into(),
        Found::Hidden => {
            format!("The question “{target}” doesn't apply given your other answers.")
        }
        Found::Unknown => format!(
            "There's no question “{}”. Use the number or the name shown in the review: {}.",
            crate::domain::text::preview(target, 40),
            review_hint(p, flow)
        ),
    };
    with_prompt(ctx, flow, StateChange::Unchanged, vec![note])
}

fn review_hint(p: &Programme, flow: &ApplicationFlow) -> String {
    match flow
        .role
        .and_then(|r| p.role(r))
        .map(|role| Form::new(&role.questions, &flow.answers).count())
    {
        Some(n) if n > 1 => format!("1 to {n}"),
        _ => "type review to see them".into(),
    }
}

fn reviewing(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    content: &Content,
    command: &Option<Command>,
) -> Outcome {
    let (role, form) = match form_or_restart(ctx, flow, p) {
        Ok(found) => found,
        Err(restart) => return *restart,
    };
    match command {
        Some(Command::Submit) => {
            if let Some(missing) = form.first_unanswered() {
                let mut next = flow.clone();
                next.stage = Stage::Asking {
                    question: missing.id.clone(),
                    from_review: true,
                };
                return set_and_prompt(
                    ctx,
                    next,
                    vec!["One question still needs an answer:".into()],
                );
            }
            if let Some(existing) = ctx
                .applications
                .iter()
                .find(|a| a.programme == p.slug && a.status.is_active())
            {
                return Outcome {
                    state: StateChange::Clear,
                    effects: vec![ctx.dm_text(format!(
                        "You have already applied to {} as a {}, so this application was not sent. Type status to see your applications.",
                        p.name, existing.role
                    ))],
                };
            }
            let answers = form.given();
            let answer_map = answers_of(&answers);
            let evaluation = evaluate(&role.screening, &answer_map);
            let status = match evaluation.outcome {
                RuleOutcome::Eligible if role.screening.steps.is_empty() => {
                    ApplicationStatus::Ready
                }
                RuleOutcome::Eligible => ApplicationStatus::Approved,
                RuleOutcome::NeedsReview => ApplicationStatus::NeedsReview,
                RuleOutcome::Ineligible => ApplicationStatus::Ineligible,
            };
            let role_name = role.name.to_lowercase();
            let told = match evaluation.outcome {
                RuleOutcome::Ineligible => format!(
                    "Thank you for applying to {} as a {role_name}, and for the time you took.\n{}\nWe're sorry we can't offer you a place this time.",
                    p.name,
                    evaluation.reasons.join("\n")
                ),
                RuleOutcome::NeedsReview => format!(
                    "Thank you! Your application to {} as a {role_name} has been submitted.\n{}\nType status at any time to see where it stands.",
                    p.name, p.texts.submitted
                ),
                RuleOutcome::Eligible => {
                    let mut t = format!(
                        "Thank you! Your application to {} as a {role_name} has been submitted, and it meets the programme's criteria: you're accepted!",
                        p.name
                    );
                    if role.screening.steps.is_empty() {
                        t.push_str(" You're ready to be matched; we'll be in touch when we have a match for you.");
                    } else {
                        t.push_str("\nBefore we can match you, a few steps remain:");
                        for step in &role.screening.steps {
                            t.push_str(&format!("\n• {}", step.label));
                        }
                        t.push_str("\nType status at any time to see your progress.");
                    }
                    t
                }
            };
            let application = NewApplication {
                programme: p.slug.clone(),
                role: role.kind,
                applicant: ctx.user.clone(),
                answers,
                submitted_at: ctx.now,
                status,
                evaluation,
            };
            Outcome {
                state: StateChange::Clear,
                effects: vec![Effect::StoreApplication(application), ctx.dm_text(told)],
            }
        }
        Some(Command::Edit(target)) => edit(ctx, flow, p, role, target),
        Some(Command::Back) => match form.visible().last() {
            Some(last) => {
                let mut next = flow.clone();
                next.stage = Stage::Asking {
                    question: last.id.clone(),
                    from_review: false,
                };
                set_and_prompt(ctx, next, vec![])
            }
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

fn match_role(p: Option<&Programme>, text: &str) -> Option<RoleKind> {
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    if let Ok(kind) = t.parse::<RoleKind>() {
        return Some(kind);
    }
    p?.roles
        .values()
        .find(|r| r.name.to_lowercase() == t || slugify(&r.name) == t)
        .map(|r| r.kind)
}

fn match_programme<'p>(open: &[&'p Programme], arg: &str) -> Option<&'p Programme> {
    let a = arg.to_lowercase();
    open.iter()
        .copied()
        .find(|p| p.slug == a || slugify(&p.name) == a)
        .or_else(|| {
            let mut starts = open
                .iter()
                .copied()
                .filter(|p| a.len() >= 3 && p.slug.starts_with(&a));
            match (starts.next(), starts.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        })
}

fn answers_of(answers: &[(String, Answer)]) -> BTreeMap<String, Answer> {
    answers.iter().cloned().collect()
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
