//! An application the screening rules refuse, handled kindly: the person is told right
//! after the answer that settles it ([`early_notice`]), with what they can do
//! ([`what_next`]: when they may apply again, whom to talk to), and may correct the answer
//! there and then. After a refusal on submit, `apply` re-opens the refused application with
//! its answers, within the correction window or once the rules allow a new application
//! ([`reopen`]); otherwise it says from when they may apply again.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{ApplicationFlow, Stage, next_stage, reply_only, set_and_prompt};
use crate::domain::refusal::{Reapply, may_reopen, reapply, settled_refusals};
use crate::domain::screening::{Evaluation, Rule, RuleOutcome};
use crate::domain::{
    Answer, ApplicationRecord, ApplicationSummary, Programme, Question, QuestionKind, Role,
};
use crate::flows::form::Form;
use crate::flows::{Ctx, Outcome, Subject};

/// What a refused person can do: when they may apply again (`None`: not again) and whom
/// to talk to (`None`: the programme names nobody).
pub(super) struct WhatNext {
    pub apply_again: Option<String>,
    pub contact: Option<String>,
}

fn day(at: DateTime<Utc>) -> String {
    at.format("%-d %B %Y").to_string()
}

pub(super) fn what_next(p: &Programme, reapply: Reapply, now: DateTime<Utc>) -> WhatNext {
    let apply_again = match reapply {
        Reapply::Never => None,
        Reapply::From {
            surely_by: Some(by),
            ..
        } => Some(format!(
            "You're welcome to apply again once that changes: by {} at the latest.",
            day(by)
        )),
        Reapply::From { at, .. } if at <= now => {
            Some("You're welcome to apply again at any time.".to_string())
        }
        Reapply::From { at, .. } => {
            Some(format!("You're welcome to apply again from {}.", day(at)))
        }
    };
    WhatNext {
        apply_again,
        contact: (!p.texts.contact.is_empty()).then(|| p.texts.contact.clone()),
    }
}

/// The rules of `role` that refused an application, as its evaluation recorded them (a
/// rule since removed from the configuration no longer counts).
pub(super) fn refusing_rules<'r>(role: &'r Role, evaluation: &Evaluation) -> Vec<&'r Rule> {
    evaluation
        .results
        .iter()
        .filter(|r| r.matched && r.outcome == RuleOutcome::Ineligible)
        .filter_map(|r| role.screening.rules.iter().find(|rule| rule.id == r.rule))
        .collect()
}

/// The answers to the questions that apply, as submitting would send them.
fn given(role: &Role, answers: &BTreeMap<String, Answer>) -> BTreeMap<String, Answer> {
    Form::new(&role.questions, answers)
        .given()
        .into_iter()
        .collect()
}

/// Said right after the answer to `q` when it makes the application fail the rules
/// (`next`: the flow with that answer), or `None` when it does not.
pub(super) fn early_notice(
    ctx: &Ctx<'_>,
    p: &Programme,
    role: &Role,
    next: &ApplicationFlow,
    q: &Question,
) -> Option<String> {
    let answers = given(role, &next.answers);
    let refusing = settled_refusals(&role.screening, &answers);
    let reasons: Vec<&str> = refusing
        .iter()
        .filter(|r| r.when.questions().contains(&q.id.as_str()))
        .map(|r| r.reason.as_str())
        .collect();
    if reasons.is_empty() {
        return None;
    }
    let mut s = format!(
        "Thank you for being honest. I'd rather tell you now than after the other questions:\n{}",
        reasons.join("\n")
    );
    let next_steps = what_next(p, reapply(&refusing, &answers, ctx.now), ctx.now);
    for line in [next_steps.apply_again, next_steps.contact]
        .into_iter()
        .flatten()
    {
        s.push('\n');
        s.push_str(&line);
    }
    s.push_str("\nIf that answer was a mistake, just send the right one now. If it's right, you can type cancel to stop here, or keep to finish the application anyway (it won't be able to go ahead).");
    Some(s)
}

/// `apply` to `p`, where `existing` is the person's application the rules refused: it is
/// re-opened with its answers (all but consent, given again) at the first question that
/// refused it, or the person is told from when they may apply again.
pub(super) fn reopen(ctx: &Ctx<'_>, p: &Programme, existing: &ApplicationSummary) -> Outcome {
    let applied = format!(
        "You applied to {} on {}, and we couldn't offer you a place then.",
        p.name,
        existing.submitted_at.format("%-d %B %Y")
    );
    let record = match ctx.subject {
        Subject::Refused(records) => records.iter().find(|r| r.summary.id == existing.id),
        _ => None,
    };
    let (Some(record), Some(role)) = (record, p.role(existing.role)) else {
        // Chosen from the list of programmes, the refused application was not loaded.
        return reply_only(
            ctx,
            format!(
                "{applied} To look at that application again, type apply {}.",
                p.slug
            ),
        );
    };
    let answers = record.answers_map();
    let rules = match &record.evaluation {
        Some(e) => refusing_rules(role, e),
        None => vec![],
    };
    let refused_at = existing.submitted_at;
    let within_window = may_reopen(refused_at, ctx.now, Reapply::Never).is_ok();
    if let Err(from) = may_reopen(refused_at, ctx.now, reapply(&rules, &answers, refused_at)) {
        let mut s = match from {
            Some(at) => format!("{applied} You're welcome to apply again from {}.", day(at)),
            None => format!("{applied} I'm sorry: it isn't possible to apply again."),
        };
        if !p.texts.contact.is_empty() {
            s.push_str(&format!("\n{}", p.texts.contact));
        }
        return reply_only(ctx, s);
    }
    reopened(ctx, p, role, record, &rules, within_window)
}

/// The refused application `record`, open again in the conversation.
fn reopened(
    ctx: &Ctx<'_>,
    p: &Programme,
    role: &Role,
    record: &ApplicationRecord,
    rules: &[&Rule],
    within_window: bool,
) -> Outcome {
    // Consent is given again, for the application as it will be sent now.
    let answers: BTreeMap<String, Answer> = record
        .answers
        .iter()
        .filter(|(id, _)| {
            !role
                .question(id)
                .is_some_and(|q| matches!(q.kind, QuestionKind::Consent { .. }))
        })
        .cloned()
        .collect();
    let mut flow = ApplicationFlow {
        programme: Some(p.slug.clone()),
        role: Some(role.kind),
        answers,
        stage: Stage::Reviewing,
        started_at: ctx.now,
        reopens: Some(record.summary.id),
    };
    let form = Form::new(&role.questions, &flow.answers);
    let first_refusing = form.visible().iter().copied().find(|q| {
        rules
            .iter()
            .any(|r| r.when.questions().contains(&q.id.as_str()))
    });
    flow.stage = match first_refusing {
        Some(q) => Stage::asking(q, true),
        None => next_stage(p, &flow, None, true),
    };
    let note = if within_window {
        let reasons: Vec<&str> = rules.iter().map(|r| r.reason.as_str()).collect();
        format!(
            "Let's look at your application to {} again. It couldn't go ahead because:\n{}\nIf one of your answers was a mistake, change it now: send the right answer, or type keep if it was right. You'll see all your answers before you send them again.",
            p.name,
            if reasons.is_empty() {
                "the programme's rules".to_string()
            } else {
                reasons.join("\n")
            }
        )
    } else {
        format!(
            "Welcome back to {}! Your answers from last time are filled in: check them as we go, and change what has changed. You'll see all your answers before you send them.",
            p.name
        )
    };
    set_and_prompt(ctx, flow, vec![note])
}
