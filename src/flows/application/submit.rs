//! Submitting an application: the last check that the person has no other application to
//! the programme, the role's screening rules on the answers, what the person is told, and
//! the application to store (in the place of the refused one it re-opens, if any).

use std::collections::BTreeMap;

use super::ApplicationFlow;
use super::refused::{refusing_rules, said_reasons, what_next};
use crate::domain::refusal::{correction_window, reapply};
use crate::domain::screening::{RuleOutcome, evaluate};
use crate::domain::translations::step_path;
use crate::domain::{Answer, ApplicationStatus, NewApplication, Programme, Role};
use crate::flows::{Ctx, Effect, OutMessage, Outcome, StateChange};
use crate::i18n::Text;

/// Submits `answers` (those of the questions that apply, in form order) to `p` as `role`;
/// the conversation ends either way.
pub(super) fn submit(
    ctx: &Ctx<'_>,
    flow: &ApplicationFlow,
    p: &Programme,
    role: &Role,
    answers: Vec<(String, Answer)>,
) -> Outcome {
    // The sender's own applications are not those of whom a coordinator assists.
    if let Some(existing) = ctx
        .applications
        .iter()
        .filter(|_| flow.assisted.is_none())
        .find(|a| a.programme == p.slug && a.status.is_active() && Some(a.id) != flow.reopens)
    {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![
                ctx.dm(OutMessage::said(
                    Text::msg("apply-already-sent")
                        .arg("programme", p.said_name())
                        .arg("role", existing.role.to_string()),
                )),
            ],
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
    let role_name = p.said_role(role.kind);
    let told = match evaluation.outcome {
        RuleOutcome::Ineligible => {
            let rules = refusing_rules(role, &evaluation);
            let mut lines = vec![
                Text::msg("apply-refused")
                    .arg("programme", p.said_name())
                    .arg("role", role_name)
                    .arg("reasons", said_reasons(p, role, &rules)),
            ];
            if flow.assisted.is_some() {
                // What the person could do next is theirs, from their own account.
                lines.push(Text::msg("assist-submitted-refused"));
            } else {
                let next = what_next(p, reapply(&rules, &answer_map, ctx.now), ctx.now);
                let correct =
                    Text::msg("apply-correct-within").arg("hours", correction_window().num_hours());
                lines.extend(
                    [next.apply_again, Some(correct), next.contact]
                        .into_iter()
                        .flatten(),
                );
            }
            Text::lines(lines)
        }
        RuleOutcome::NeedsReview => Text::msg("apply-submitted-review")
            .arg("programme", p.said_name())
            .arg("role", role_name.clone())
            .arg("submitted", p.said("texts.submitted", &p.texts.submitted)),
        RuleOutcome::Eligible => {
            let accepted = Text::msg("apply-accepted")
                .arg("programme", p.said_name())
                .arg("role", role_name);
            if role.screening.steps.is_empty() {
                Text::join(vec![accepted, Text::msg("apply-ready")], "")
            } else {
                let mut lines = vec![accepted, Text::msg("apply-steps-remain")];
                lines.extend(role.screening.steps.iter().map(|step| {
                    let path = step_path(role.kind.as_str(), &step.id, "label");
                    Text::join(vec![Text::plain("• "), p.said(&path, &step.label)], "")
                }));
                if flow.assisted.is_none() {
                    lines.push(Text::msg("apply-steps-status"));
                }
                Text::lines(lines)
            }
        }
    };
    let application = NewApplication {
        programme: p.slug.clone(),
        role: role.kind,
        applicant: flow
            .assisted
            .as_ref()
            .map_or_else(|| ctx.user.clone(), |a| a.person.clone()),
        answers,
        submitted_at: ctx.now,
        status,
        evaluation,
        reopens: flow.reopens,
        source: flow.source.clone(),
    };
    let mut effects = vec![
        Effect::StoreApplication(application),
        ctx.dm(OutMessage::said(told)),
    ];
    if let Some(assisted) = &flow.assisted {
        effects.extend(crate::flows::assist::submitted(ctx, assisted));
    }
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}
