//! Choosing what to apply to: `apply [programme] [as] [role]`, then the programme (when
//! several are open) and the role (when the programme has several), before the form.

use std::collections::BTreeMap;

use super::{
    ApplicationFlow, Stage, next_stage, prompt, refused, reply_only, set_and_prompt, with_prompt,
};
use crate::domain::answer::parse_answer;
use crate::domain::programme::slugify;
use crate::domain::{Answer, ApplicationStatus, Choice, Programme, QuestionKind, RoleKind};
use crate::flows::command::Command;
use crate::flows::form;
use crate::flows::{Content, Ctx, FlowState, Outcome, StateChange};

/// Starts an application after `apply [programme] [as] [role]`.
pub fn start(ctx: &Ctx<'_>, args: &[String]) -> Outcome {
    if ctx.suspended {
        return reply_only(
            ctx,
            "You can't apply right now. If you think this is a mistake, please write to the programme team: type ask the team followed by your message.".into(),
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
        // Refused by the rules: re-opened to correct an answer or apply again, or told when.
        if existing.status == ApplicationStatus::Ineligible {
            return refused::reopen(ctx, p, existing);
        }
        return reply_only(
            ctx,
            format!(
                "You have already applied to {} as a {} on {}: {}. Type status to see your applications.",
                p.name,
                existing.role,
                existing.submitted_at.format("%-d %B %Y"),
                existing.status.describe()
            ),
        );
    }
    let mut flow = ApplicationFlow {
        programme: programme.map(|p| p.slug.clone()),
        role: None,
        answers: BTreeMap::new(),
        stage: Stage::ChoosingProgramme,
        started_at: ctx.now,
        reopens: None,
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

pub(super) fn role_choices(p: &Programme) -> Vec<Choice> {
    p.roles
        .values()
        .map(|r| Choice {
            value: r.kind.as_str().into(),
            label: format!("{} — {}", r.name, r.description),
        })
        .collect()
}

fn picked_value(ctx: &Ctx<'_>, choices: Vec<Choice>, content: &Content) -> Result<String, String> {
    let question = form::single(QuestionKind::SingleChoice { choices });
    match parse_answer(&question, &form::input(content), ctx.now) {
        Ok(Answer::Choice(v)) => Ok(v),
        Ok(_) => Err("Please pick one option.".into()),
        Err(e) => Err(e.0),
    }
}

pub(super) fn choose_programme(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    content: &Content,
) -> Outcome {
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
        Err(e) => reply_only(ctx, form::retry_note(&e)),
    }
}

pub(super) fn choose_role(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    content: &Content,
    command: Option<&Command>,
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
        Ok(Err(e)) | Err(e) => reply_only(ctx, form::retry_note(&e)),
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
