//! Choosing what to apply to: `apply [programme] [as] [role]`, then the programme (when
//! several are open) and the role (when the programme has several), before the form.

use std::collections::BTreeMap;

use super::{
    ApplicationFlow, Assisted, Stage, next_stage, prompt, refused, reply_only, set_and_prompt,
    with_prompt,
};
use crate::domain::answer::parse_answer;
use crate::domain::programme::slugify;
use crate::domain::{Answer, ApplicationStatus, Choice, Programme, QuestionKind, RoleKind};
use crate::flows::command::Command;
use crate::flows::form;
use crate::flows::{Content, Ctx, FlowState, OutMessage, Outcome, StateChange};
use crate::i18n::Text;

/// Starts an application after `apply [programme] [as] [role]`.
pub fn start(ctx: &Ctx<'_>, args: &[String]) -> Outcome {
    if ctx.suspended {
        return reply_only(ctx, Text::msg("apply-suspended"));
    }
    let open: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.applications_open)
        .collect();
    if open.is_empty() {
        return reply_only(ctx, Text::msg("apply-none-open"));
    }
    let mut programme: Option<&Programme> = None;
    let mut role: Option<RoleKind> = None;
    let (source, args) = source_of(args);
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
                Text::msg("apply-unknown-word")
                    .arg("word", crate::domain::text::preview(arg, 40))
                    .arg("programmes", names.join(", ")),
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
            Text::msg("apply-already")
                .arg("programme", p.said_name())
                .arg("role", p.said_role(existing.role))
                .arg("date", Text::date(existing.submitted_at.date_naive()))
                .arg("status", existing.status.said()),
        );
    }
    let flow = ApplicationFlow {
        programme: programme.map(|p| p.slug.clone()),
        role: None,
        answers: BTreeMap::new(),
        stage: Stage::ChoosingProgramme,
        started_at: ctx.now,
        reopens: None,
        source,
        assisted: None,
    };
    let welcome = programme.map(|p| {
        let welcome = Text::msg("apply-welcome")
            .arg("programme", p.said_name())
            .arg("welcome", p.said("texts.welcome", &p.texts.welcome));
        // An applicant hears of the programme's pair-room safety policy before applying.
        match &p.safety {
            Some(_) => Text::lines(vec![
                welcome,
                crate::domain::safety::policy_said(p.said_name()),
            ]),
            None => welcome,
        }
    });
    begin(ctx, flow, programme, role, welcome)
}

/// Starts an application to `p` that a coordinator (the sender) enters for someone
/// without a chat account (see `flows::assist`), with `intro` said first.
pub fn start_assisted(ctx: &Ctx<'_>, p: &Programme, assisted: Assisted, intro: Text) -> Outcome {
    let flow = ApplicationFlow {
        programme: Some(p.slug.clone()),
        role: None,
        answers: BTreeMap::new(),
        stage: Stage::ChoosingRole,
        started_at: ctx.now,
        reopens: None,
        source: Some(ASSISTED.to_string()),
        assisted: Some(assisted),
    };
    let only_role = (p.roles.len() == 1).then(|| p.roles.values().next().map(|r| r.kind));
    begin(ctx, flow, Some(p), only_role.flatten(), Some(intro))
}

/// The source of an application a coordinator entered for someone (see `flows::assist`).
pub const ASSISTED: &str = "assisted";

/// Opens `flow` at the programme (when not yet known) or the role (when `role` is not
/// given) or the first question, with `intro` before its prompt.
fn begin(
    ctx: &Ctx<'_>,
    mut flow: ApplicationFlow,
    programme: Option<&Programme>,
    role: Option<RoleKind>,
    intro: Option<Text>,
) -> Outcome {
    let mut effects: Vec<_> = intro
        .into_iter()
        .map(|t| ctx.dm(OutMessage::said(t)))
        .collect();
    match programme {
        None => flow.stage = Stage::ChoosingProgramme,
        Some(p) => match role.filter(|r| p.role(*r).is_some()) {
            Some(r) => {
                flow.role = Some(r);
                flow.stage = next_stage(p, &flow, None, false);
            }
            None => flow.stage = Stage::ChoosingRole,
        },
    }
    effects.push(ctx.dm(prompt(ctx, &flow)));
    Outcome {
        state: StateChange::Set(FlowState::Application(flow)),
        effects,
    }
}

/// The words that say where an application comes from (`via announcement`, an Apply card's;
/// `ref <code>`, a referral), taken out of `apply`'s words: the source and the rest.
fn source_of(args: &[String]) -> (Option<String>, Vec<String>) {
    let code = |c: &str| {
        (1..=32).contains(&c.len())
            && c.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let mut source = None;
    let mut rest = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match (word.as_str(), words.clone().next()) {
            ("via", Some(s)) if SOURCES.contains(&s.as_str()) => {
                source = Some(s.clone());
                words.next();
            }
            ("ref", Some(c)) if code(c) => {
                source = Some(format!("referral:{}", c.to_lowercase()));
                words.next();
            }
            _ => rest.push(word.clone()),
        }
    }
    (source, rest)
}

/// Where an application can come from, besides a referral code.
const SOURCES: &[&str] = &["announcement", "alumni"];

/// `source` as `apply`'s words again (to start over with the same source).
fn source_words(source: Option<&str>) -> Vec<String> {
    match source {
        Some(s) => match s.strip_prefix("referral:") {
            Some(code) => vec!["ref".into(), code.into()],
            None => vec!["via".into(), s.into()],
        },
        None => vec![],
    }
}

pub(super) fn role_choices(p: &Programme) -> Vec<Choice> {
    role_choices_said(p).into_iter().map(|(c, _)| c).collect()
}

/// The roles to choose from, each labelled `Mentee — you're 16–30 and …` in the reader's
/// language where the programme translated it.
pub(super) fn role_choices_said(p: &Programme) -> Vec<(Choice, Text)> {
    p.roles
        .values()
        .map(|r| {
            let at = format!("roles.{}", r.kind.as_str());
            let label = Text::join(
                vec![
                    p.said(&format!("{at}.name"), &r.name),
                    p.said(&format!("{at}.description"), &r.description),
                ],
                " — ",
            );
            let choice = Choice {
                value: r.kind.as_str().into(),
                label: label.english(),
            };
            (choice, label)
        })
        .collect()
}

fn picked_value(ctx: &Ctx<'_>, choices: Vec<Choice>, content: &Content) -> Result<String, Text> {
    let question = form::single(QuestionKind::SingleChoice { choices });
    match parse_answer(&question, &form::input(content), ctx.now) {
        Ok(Answer::Choice(v)) => Ok(v),
        Ok(_) => Err(Text::msg("apply-pick-one")),
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
            let mut args = match flow.role {
                Some(r) => vec![slug, r.as_str().to_string()],
                None => vec![slug],
            };
            args.extend(source_words(flow.source.as_deref()));
            // Restart with the chosen programme: the same checks as `apply <programme>`.
            let mut out = start(ctx, &args);
            if out.state == StateChange::Unchanged {
                out.state = StateChange::Clear;
            }
            out
        }
        Err(e) => reply_only(ctx, form::retry_note(e)),
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
            vec![Text::msg("apply-first-step")],
        );
    }
    if let Some(c) = command
        && !matches!(c, Command::Apply(_))
    {
        return with_prompt(
            ctx,
            flow,
            StateChange::Unchanged,
            vec![Text::msg("apply-choose-role-first")],
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
    match value.and_then(|v| v.parse::<RoleKind>().map_err(Text::plain)) {
        Ok(role) => {
            let mut next = flow.clone();
            if next.role != Some(role) {
                next.answers.clear();
            }
            next.role = Some(role);
            next.stage = next_stage(p, &next, None, false);
            set_and_prompt(
                ctx,
                next,
                vec![Text::msg("apply-role-chosen").arg("role", p.said_role(role))],
            )
        }
        Err(e) => reply_only(ctx, form::retry_note(e)),
    }
}

fn match_role(p: Option<&Programme>, text: &str) -> Option<RoleKind> {
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    if let Ok(kind) = t.parse::<RoleKind>() {
        return Some(kind);
    }
    // The roles' words in every shipped language (folded), whatever the programme calls
    // them.
    let folded = crate::domain::text::fold(&t);
    if let Some((_, kind)) = ROLE_WORDS.iter().find(|(w, _)| *w == folded) {
        return Some(*kind);
    }
    p?.roles
        .values()
        .find(|r| r.name.to_lowercase() == t || slugify(&r.name) == t)
        .map(|r| r.kind)
}

const ROLE_WORDS: &[(&str, RoleKind)] = &[
    ("mentora", RoleKind::Mentor),
    ("tutor", RoleKind::Mentor),
    ("tutora", RoleKind::Mentor),
    ("مرشد", RoleKind::Mentor),
    ("مرشدة", RoleKind::Mentor),
    ("موجه", RoleKind::Mentor),
    ("aprendiz", RoleKind::Mentee),
    ("mentorado", RoleKind::Mentee),
    ("mentorada", RoleKind::Mentee),
    ("mentoreado", RoleKind::Mentee),
    ("متدرب", RoleKind::Mentee),
    ("متدربة", RoleKind::Mentee),
    ("مسترشد", RoleKind::Mentee),
];

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
