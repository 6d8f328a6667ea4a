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
use crate::domain::translations::reason_path;
use crate::domain::{
    Answer, ApplicationRecord, ApplicationSummary, Programme, Question, QuestionKind, Role,
};
use crate::flows::form::Form;
use crate::flows::{Ctx, Outcome, Subject};
use crate::i18n::Text;

/// What a refused person can do: when they may apply again (`None`: not again) and whom
/// to talk to (`None`: the programme names nobody).
pub(super) struct WhatNext {
    pub apply_again: Option<Text>,
    pub contact: Option<Text>,
}

fn day(at: DateTime<Utc>) -> Text {
    Text::date(at.date_naive())
}

pub(super) fn what_next(p: &Programme, reapply: Reapply, now: DateTime<Utc>) -> WhatNext {
    let apply_again = match reapply {
        Reapply::Never => None,
        Reapply::From {
            surely_by: Some(by),
            ..
        } => Some(Text::msg("apply-again-by").arg("date", day(by))),
        Reapply::From { at, .. } if at <= now => Some(Text::msg("apply-again-any-time")),
        Reapply::From { at, .. } => Some(Text::msg("apply-again-from").arg("date", day(at))),
    };
    WhatNext {
        apply_again,
        contact: (!p.texts.contact.is_empty()).then(|| p.said("texts.contact", &p.texts.contact)),
    }
}

/// What `rules` of `role` tell the applicant they refuse, one a line, in the reader's
/// language where the programme translated them.
pub(super) fn said_reasons(p: &Programme, role: &Role, rules: &[&Rule]) -> Text {
    Text::lines(
        rules
            .iter()
            .map(|r| p.said(&reason_path(role.kind.as_str(), &r.id), &r.reason))
            .collect(),
    )
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
) -> Option<Text> {
    let answers = given(role, &next.answers);
    let refusing = settled_refusals(&role.screening, &answers);
    let settled: Vec<&Rule> = refusing
        .iter()
        .copied()
        .filter(|r| r.when.questions().contains(&q.id.as_str()))
        .collect();
    if settled.is_empty() {
        return None;
    }
    let mut lines =
        vec![Text::msg("apply-early-refusal").arg("reasons", said_reasons(p, role, &settled))];
    let next_steps = what_next(p, reapply(&refusing, &answers, ctx.now), ctx.now);
    lines.extend(
        [next_steps.apply_again, next_steps.contact]
            .into_iter()
            .flatten(),
    );
    lines.push(Text::msg("apply-early-refusal-choice"));
    Some(Text::lines(lines))
}

/// `apply` to `p`, where `existing` is the person's application the rules refused: it is
/// re-opened with its answers (all but consent, given again) at the first question that
/// refused it, or the person is told from when they may apply again.
pub(super) fn reopen(ctx: &Ctx<'_>, p: &Programme, existing: &ApplicationSummary) -> Outcome {
    let applied = Text::msg("apply-applied-before")
        .arg("programme", p.said_name())
        .arg("date", day(existing.submitted_at));
    let record = match ctx.subject {
        Subject::Refused(records) => records.iter().find(|r| r.summary.id == existing.id),
        _ => None,
    };
    let (Some(record), Some(role)) = (record, p.role(existing.role)) else {
        // Chosen from the list of programmes, the refused application was not loaded.
        return reply_only(
            ctx,
            Text::msg("apply-look-again")
                .arg("applied", applied)
                .arg("slug", p.slug.as_str()),
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
        let mut lines = vec![match from {
            Some(at) => Text::join(
                vec![applied, Text::msg("apply-again-from").arg("date", day(at))],
                " ",
            ),
            None => Text::msg("apply-never-again").arg("applied", applied),
        }];
        if !p.texts.contact.is_empty() {
            lines.push(p.said("texts.contact", &p.texts.contact));
        }
        return reply_only(ctx, Text::lines(lines));
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
        source: record.summary.source.clone(),
        assisted: None,
    };
    let form = super::role_form(p, role, &flow.answers);
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
        Text::msg("apply-reopened")
            .arg("programme", p.said_name())
            .arg(
                "reasons",
                if rules.is_empty() {
                    Text::msg("apply-reopened-rules")
                } else {
                    said_reasons(p, role, rules)
                },
            )
    } else {
        Text::msg("apply-welcome-back-reopened").arg("programme", p.said_name())
    };
    set_and_prompt(ctx, flow, vec![note])
}
