//! Submitting an application: the last check that the person has no other application to
//! the programme, the role's screening rules on the answers, what the person is told, and
//! the application to store (in the place of the refused one it re-opens, if any).

use std::collections::BTreeMap;

use super::ApplicationFlow;
use super::refused::{refusing_rules, what_next};
use crate::domain::refusal::{correction_window, reapply};
use crate::domain::screening::{RuleOutcome, evaluate};
use crate::domain::{Answer, ApplicationStatus, NewApplication, Programme, Role};
use crate::flows::{Ctx, Effect, Outcome, StateChange};

/// Submits `answers` (those of the questions that apply, in form order) to `p` as `role`;
/// the conversation ends either way.
pub(super) fn submit(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    role: &Role,
    answers: Vec<(String, Answer)>,
) -> Outcome {
    if let Some(existing) = ctx
        .applications
        .iter()
        .find(|a| a.programme == p.slug && a.status.is_active() && Some(a.id) != flow.reopens)
    {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm_text(format!(
                "You have already applied to {} as a {}, so this application was not sent. Type status to see your applications.",
                p.name, existing.role
            ))],
        };
    }
    let answer_map: BTreeMap<String, Answer> = answers.iter().cloned().collect();
    let evaluation = evaluate(&role.screening, &answer_map);
    let status = match evaluation.outcome {
        RuleOutcome::Eligible if role.screening.steps.is_empty() => ApplicationStatus::Ready,
        RuleOutcome::Eligible => ApplicationStatus::Approved,
        RuleOutcome::NeedsReview => ApplicationStatus::NeedsReview,
        RuleOutcome::Ineligible => ApplicationStatus::Ineligible,
    };
    let role_name = role.name.to_lowercase();
    let told = match evaluation.outcome {
        RuleOutcome::Ineligible => {
            let rules = refusing_rules(role, &evaluation);
            let mut t = format!(
                "Thank you for applying to {} as a {role_name}, and for the time you took.\n{}\nWe're sorry we can't offer you a place this time.",
                p.name,
                evaluation.reasons.join("\n")
            );
            let next = what_next(p, reapply(&rules, &answer_map, ctx.now), ctx.now);
            for line in [next.apply_again, Some(format!(
                "If one of your answers was a mistake, type apply within the next {} hours to correct it.",
                correction_window().num_hours()
            )), next.contact].into_iter().flatten() {
                t.push('\n');
                t.push_str(&line);
            }
            t
        }
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
                t.push_str(
                    " You're ready to be matched; we'll be in touch when we have a match for you.",
                );
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
        reopens: flow.reopens,
    };
    Outcome {
        state: StateChange::Clear,
        effects: vec![Effect::StoreApplication(application), ctx.dm_text(told)],
    }
}
