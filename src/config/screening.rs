//! A programme's screening rules and steps, checked and built.

use super::*;
use crate::domain::refusal::ApplyAgain;

pub(super) fn build_screening(
    raw: &RawScreening,
    role: RoleKind,
    questions: &[Question],
    err: &mut impl FnMut(usize, &str),
) -> Screening {
    let default = match &raw.default {
        None => RuleOutcome::NeedsReview,
        Some(d) => d.get_ref().parse().unwrap_or_else(|m: String| {
            err(d.span().start, &m);
            RuleOutcome::NeedsReview
        }),
    };
    let mut rules = Vec::new();
    for (i, r) in raw.rules.iter().enumerate() {
        let outcome = match r.outcome.get_ref().parse::<RuleOutcome>() {
            Ok(o) => o,
            Err(m) => {
                err(r.outcome.span().start, &m);
                continue;
            }
        };
        let reason = r.reason.clone().unwrap_or_default();
        if outcome == RuleOutcome::Ineligible && reason.trim().is_empty() {
            err(
                r.outcome.span().start,
                "an ineligible rule needs a `reason`: the kind explanation the applicant receives",
            );
        }
        if let Some(when) = build_cond(&r.when, questions, err) {
            let apply_again = match &r.apply_again {
                None => ApplyAgain::Never,
                Some(raw) => build_apply_again(raw, outcome, &when, questions, err),
            };
            rules.push(Rule {
                id: r.id.clone().unwrap_or_else(|| format!("rule-{}", i + 1)),
                outcome,
                reason,
                when,
                apply_again,
            });
        }
    }
    let mut steps: Vec<StepDef> = Vec::new();
    for st in &raw.steps {
        let id = st.id.get_ref().trim().to_string();
        if !is_id(&id, &['_']) {
            err(
                st.id.span().start,
                "a step id is lower-case letters, digits and _, like background_check",
            );
            continue;
        }
        if steps.iter().any(|s| s.id == id) {
            err(st.id.span().start, &format!("duplicate step id `{id}`"));
            continue;
        }
        let kind = match st.kind.get_ref().as_str() {
            "interview" => StepKind::Interview,
            "background_check" if role == RoleKind::Mentor => StepKind::BackgroundCheck,
            "background_check" => {
                err(
                    st.kind.span().start,
                    "background checks are for mentors; a mentee role cannot require one",
                );
                continue;
            }
            "acknowledgement" => match (&st.text, &st.resource) {
                (Some(t), resource) if !t.get_ref().trim().is_empty() => {
                    StepKind::Acknowledgement {
                        text: t.get_ref().clone(),
                        resource: resource.as_ref().map(|r| r.get_ref().trim().to_string()),
                    }
                }
                (None, Some(resource)) => StepKind::Acknowledgement {
                    text: String::new(),
                    resource: Some(resource.get_ref().trim().to_string()),
                },
                _ => {
                    err(
                        st.kind.span().start,
                        "an acknowledgement step needs a `text` (what the person reads and acknowledges) or a `resource` (one of the programme's, to read)",
                    );
                    continue;
                }
            },
            "task" => StepKind::Task,
            other => {
                err(
                    st.kind.span().start,
                    &format!(
                        "unknown step kind `{other}`; expected interview, background_check, acknowledgement or task"
                    ),
                );
                continue;
            }
        };
        if let Some(t) = &st.text
            && !matches!(kind, StepKind::Acknowledgement { .. })
        {
            err(
                t.span().start,
                "`text` only applies to an acknowledgement step",
            );
        }
        if let Some(r) = &st.resource
            && !matches!(kind, StepKind::Acknowledgement { .. })
        {
            err(
                r.span().start,
                "`resource` only applies to an acknowledgement step",
            );
        }
        let warn_days = match &st.warn_days {
            None => DEFAULT_WARN_DAYS,
            Some(w) if !matches!(kind, StepKind::BackgroundCheck) => {
                err(
                    w.span().start,
                    "`warn_days` only applies to a background_check step, the only kind that expires",
                );
                DEFAULT_WARN_DAYS
            }
            Some(w) => match u32::try_from(*w.get_ref()) {
                Ok(days) if days <= MAX_WARN_DAYS => days,
                _ => {
                    err(
                        w.span().start,
                        &format!(
                            "`warn_days` is how many days before a check expires to warn: a number from 0 (no warning) to {MAX_WARN_DAYS}, not {}",
                            w.get_ref()
                        ),
                    );
                    DEFAULT_WARN_DAYS
                }
            },
        };
        steps.push(StepDef {
            label: st.label.clone().unwrap_or_else(|| label_from_id(&id)),
            id,
            kind,
            warn_days,
        });
    }
    Screening {
        default,
        rules,
        steps,
    }
}

/// Most days a rule may make someone wait before applying again: ten years.
const MAX_APPLY_AGAIN_DAYS: i64 = 3650;

/// A rule's `apply_again`: `"yearly"` (a `below` rule on a number question), `"never"`, or
/// a number of days; only on an ineligible rule.
fn build_apply_again(
    raw: &Spanned<toml::Value>,
    outcome: RuleOutcome,
    when: &Cond,
    questions: &[Question],
    err: &mut impl FnMut(usize, &str),
) -> ApplyAgain {
    let at = raw.span().start;
    if outcome != RuleOutcome::Ineligible {
        err(
            at,
            "`apply_again` only applies to an ineligible rule: it says when someone the rule refused may apply again",
        );
        return ApplyAgain::Never;
    }
    match raw.get_ref() {
        toml::Value::Integer(days) if (0..=MAX_APPLY_AGAIN_DAYS).contains(days) => {
            ApplyAgain::AfterDays(*days as u32)
        }
        toml::Value::String(word) if word == "never" => ApplyAgain::Never,
        toml::Value::String(word) if word == "yearly" => {
            let on_a_number = match when {
                Cond::Below { question, .. } => questions
                    .iter()
                    .any(|q| q.id == *question && matches!(q.kind, QuestionKind::Number { .. })),
                _ => false,
            };
            if !on_a_number {
                err(
                    at,
                    "`apply_again = \"yearly\"` is for a rule `when = { question = \"...\", below = ... }` on a number question that grows by one a year (an age, years of experience)",
                );
            }
            ApplyAgain::Yearly
        }
        _ => {
            err(
                at,
                &format!(
                    "`apply_again` is \"yearly\", \"never\", or a number of days from 0 (at once) to {MAX_APPLY_AGAIN_DAYS}"
                ),
            );
            ApplyAgain::Never
        }
    }
}

pub(super) fn build_cond(
    raw: &Spanned<RawCond>,
    questions: &[Question],
    err: &mut dyn FnMut(usize, &str),
) -> Option<Cond> {
    let c = raw.get_ref();
    let at = raw.span().start;
    let forms = [
        c.equals.is_some(),
        c.any_of.is_some(),
        c.none_of.is_some(),
        c.below.is_some(),
        c.at_least.is_some(),
        c.answered.is_some(),
        c.all.is_some(),
        c.any.is_some(),
        c.not.is_some(),
    ];
    let usage = "a condition is { question = \"id\", <one of equals, any_of, none_of, below, at_least, answered> } or { all = [...] }, { any = [...] }, { not = {...} }";
    if forms.iter().filter(|f| **f).count() != 1 {
        err(at, usage);
        return None;
    }
    let nested = |list: &Spanned<Vec<Spanned<RawCond>>>,
                  err: &mut dyn FnMut(usize, &str)|
     -> Option<Vec<Cond>> {
        if list.get_ref().is_empty() {
            err(list.span().start, "an empty list of conditions");
            return None;
        }
        let mut out = Vec::new();
        for entry in list.get_ref() {
            out.push(build_cond(entry, questions, err)?);
        }
        Some(out)
    };
    if let Some(list) = &c.all {
        return nested(list, err).map(Cond::All);
    }
    if let Some(list) = &c.any {
        return nested(list, err).map(Cond::Any);
    }
    if let Some(inner) = &c.not {
        return build_cond(inner, questions, err).map(|i| Cond::Not(Box::new(i)));
    }
    let Some(q) = &c.question else {
        err(at, usage);
        return None;
    };
    let question_id = q.get_ref().trim().to_string();
    let Some(target) = questions.iter().find(|x| x.id == question_id) else {
        err(
            q.span().start,
            &format!("the condition refers to question `{question_id}`, which is not in this form"),
        );
        return None;
    };
    let value_of = |w: &str, at: usize, err: &mut dyn FnMut(usize, &str)| -> Option<String> {
        let found = match &target.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                choices
                    .iter()
                    .find(|ch| {
                        ch.value == w || ch.label.eq_ignore_ascii_case(w) || ch.value == slugify(w)
                    })
                    .map(|ch| ch.value.clone())
            }
            QuestionKind::YesNo => match w.to_lowercase().as_str() {
                "yes" | "true" => Some("yes".into()),
                "no" | "false" => Some("no".into()),
                _ => None,
            },
            QuestionKind::Languages { .. } => {
                crate::domain::language::language_code(w).map(str::to_string)
            }
            _ => Some(w.to_string()),
        };
        if found.is_none() {
            let options = target.kind.closed_values().unwrap_or_default().join(", ");
            err(
                at,
                &format!(
                    "`{w}` is not a possible answer to `{question_id}`{}",
                    if options.is_empty() {
                        String::new()
                    } else {
                        format!(" (possible: {options})")
                    }
                ),
            );
        }
        found
    };
    let values =
        |list: Vec<(String, usize)>, err: &mut dyn FnMut(usize, &str)| -> Option<Vec<String>> {
            let mut out = Vec::new();
            for (w, at) in list {
                out.push(value_of(&w, at, err)?);
            }
            Some(out)
        };
    let is_number = matches!(target.kind, QuestionKind::Number { .. });
    if let Some(e) = &c.equals {
        return values(vec![(e.get_ref().clone(), e.span().start)], err).map(|values| {
            Cond::OneOf {
                question: question_id,
                values,
            }
        });
    }
    if let Some(l) = &c.any_of {
        return values(values_at(l), err).map(|values| Cond::OneOf {
            question: question_id,
            values,
        });
    }
    if let Some(l) = &c.none_of {
        return values(values_at(l), err).map(|values| Cond::NoneOf {
            question: question_id,
            values,
        });
    }
    if let Some(a) = &c.answered {
        return Some(Cond::Answered {
            question: question_id,
            answered: *a.get_ref(),
        });
    }
    let (bound, below) = match (&c.below, &c.at_least) {
        (Some(b), _) => (b, true),
        (_, Some(b)) => (b, false),
        _ => unreachable!("one form was checked above"),
    };
    if !is_number {
        err(
            bound.span().start,
            &format!(
                "`{}` compares numbers, but `{question_id}` is a {} question",
                if below { "below" } else { "at_least" },
                target.kind.name()
            ),
        );
        return None;
    }
    let value = *bound.get_ref();
    Some(if below {
        Cond::Below {
            question: question_id,
            value,
        }
    } else {
        Cond::AtLeast {
            question: question_id,
            value,
        }
    })
}
