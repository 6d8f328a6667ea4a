//! Screening steps and what a change in them sets off: the acknowledgement prompts an
//! accepted person is sent, a participant becoming ready to be matched (or no longer), and
//! the alerts when a background check stops being valid during an active match.
//!
//! The `step <n> <step> <update>` command itself is decided in `review::handle`, which
//! calls these. A new kind of step is added in `domain::screening`; what its change sets
//! off, here.

use super::*;
use crate::flows::SaidAction;

/// Prompts to acknowledge each acknowledgement step not yet acknowledged.
pub(crate) fn acknowledgement_prompts(
    programme: &Programme,
    app: &ApplicationSummary,
    applicant: &UserRef,
) -> Vec<Effect> {
    let Some(role) = programme.role(app.role) else {
        return vec![];
    };
    role.screening
        .steps
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Acknowledgement { .. }))
        .filter(|s| !matches!(app.steps.get(&s.id), Some(StepState::Acknowledged { .. })))
        .map(|s| Effect::QueuePrompt {
            user: applicant.clone(),
            prompt: Prompt::Acknowledge {
                application_id: app.id,
                programme: programme.slug.clone(),
                step_id: s.id.clone(),
            },
        })
        .collect()
}

/// When a step changes: an approved participant whose steps are now all complete becomes
/// ready; a ready one with a step no longer complete goes back to approved. Both sides hear
/// about it.
pub(crate) fn readiness_effects(
    ctx: &Ctx<'_>,
    programme: &Programme,
    app: &ApplicationSummary,
    applicant: &UserRef,
    name: &str,
    steps_after: &BTreeMap<String, StepState>,
) -> Vec<Effect> {
    let Some(role) = programme.role(app.role) else {
        return vec![];
    };
    let complete = all_complete(&role.screening.steps, steps_after, ctx.now.date_naive());
    let (to, applicant_text, room_text) = match (app.status, complete) {
        (ApplicationStatus::Approved, true) => (
            ApplicationStatus::Ready,
            Text::join(
                std::iter::once(Text::msg("review-ready").arg("programme", programme.said_name()))
                    .chain(crate::flows::choice::when_ready(programme, app.role))
                    .collect(),
                " ",
            ),
            Text::msg("review-now-ready")
                .arg("id", app.id)
                .arg("name", name),
        ),
        (ApplicationStatus::Ready, false) => {
            let missing: Vec<&StepDef> = role
                .screening
                .steps
                .iter()
                .filter(|s| {
                    !steps_after
                        .get(&s.id)
                        .is_some_and(|st| st.complete(ctx.now.date_naive()))
                })
                .collect();
            // The applicant reads the steps in their language; the coordinators as named.
            let said_steps = Text::join(
                missing
                    .iter()
                    .map(|s| {
                        programme.said(&step_path(app.role.as_str(), &s.id, "label"), &s.label)
                    })
                    .collect(),
                ", ",
            );
            let labels: Vec<&str> = missing.iter().map(|s| s.label.as_str()).collect();
            (
                ApplicationStatus::Approved,
                Text::msg("review-not-ready")
                    .arg("programme", programme.said_name())
                    .arg("steps", said_steps),
                Text::msg("review-no-longer-ready")
                    .arg("id", app.id)
                    .arg("name", name)
                    .arg("steps", labels.join(", ")),
            )
        }
        _ => return vec![],
    };
    let mut effects = vec![
        Effect::RecordDecision(Decision {
            application_id: app.id,
            from: app.status,
            to,
            by: "tandem".into(),
            reason: if to == ApplicationStatus::Ready {
                "every screening step is complete".into()
            } else {
                "a screening step is no longer complete".into()
            },
        }),
        Effect::SendDm {
            to: applicant.clone(),
            message: OutMessage::said(applicant_text),
        },
    ];
    if let Some(room) = ctx.coordinators_room(Some(&programme.slug)) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(room_text)
                .in_thread(crate::flows::application_thread(app.id)),
        });
    }
    effects
}

/// How a background check stopped being valid.
#[derive(Debug, Clone, Copy)]
pub(super) enum Lapse {
    Expired(chrono::NaiveDate),
    Failed,
}

/// The matches of `matches` that application `id` is in and that are active.
pub(super) fn active_matches(matches: &[MatchRecord], id: i64) -> Vec<&MatchRecord> {
    matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .filter(|m| m.mentee_application == id || m.mentor_application == id)
        .collect()
}

/// `match #1 (Amina ↔ Grace)`, or `matches #1 (Amina ↔ Grace) and #3 (Bea ↔ Grace)`.
pub(super) fn match_list(active: &[&MatchRecord]) -> Text {
    let each: Vec<String> = active
        .iter()
        .map(|m| format!("{} ({} ↔ {})", m.label(), m.mentee_name, m.mentor_name))
        .collect();
    match each.split_last() {
        Some((last, [])) => Text::msg("support-match-one").arg("match", last),
        Some((last, rest)) => Text::msg("support-match-many")
            .arg("first", rest.join(", "))
            .arg("last", last),
        None => Text::plain(""),
    }
}

/// When a member's background check stops being valid while they are in an active match:
/// for each such match, an alert to the coordinators (at the top of their room, never in a
/// thread) naming it and the decision to take; and, when the programme pauses a match on
/// a lapse, the match held until they decide, both members told only that it is paused.
/// Nothing when they are in no active match.
pub(super) fn lapse_effects(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    matches: &[MatchRecord],
    step_id: &str,
    label: &str,
    lapse: Lapse,
) -> Vec<Effect> {
    let id = record.summary.id;
    let name = display_name(record);
    let label = label.to_lowercase();
    let p = ctx.room_prefix;
    let expired = matches!(lapse, Lapse::Expired(_));
    let renew_command = format!("step A{id} {step_id} cleared until");
    let mut effects = Vec::new();
    for m in active_matches(matches, id) {
        let mid = m.id;
        let headline = match lapse {
            Lapse::Expired(on) => Text::msg("support-lapsed-expired").arg("date", Text::date(on)),
            Lapse::Failed => Text::msg("support-lapsed-failed"),
        }
        .arg("check", label.as_str())
        .arg("id", id)
        .arg("name", name.as_str())
        .arg("matches", match_list(&[m]))
        .arg("programme", programme.said_name());
        let mut actions = Vec::new();
        let decide = match programme.on_lapse {
            OnLapse::Notify => {
                actions.push(SaidAction::asking(
                    Text::msg("support-button-pause"),
                    format!("pause M{mid} until"),
                    Text::msg("support-asks-until"),
                ));
                if expired {
                    Text::msg("support-lapse-decide-expired")
                } else {
                    Text::msg("support-lapse-decide-failed")
                }
            }
            OnLapse::Pause => {
                effects.extend(crate::flows::pause::hold_for_coordinators(m, ctx.now));
                if expired {
                    Text::msg("support-lapse-held-expired")
                } else {
                    Text::msg("support-lapse-held-failed")
                }
            }
        }
        .arg("prefix", p)
        .arg("m", mid)
        .arg("renew", renew_command.as_str());
        actions.push(SaidAction::asking(
            Text::msg("support-button-renew"),
            renew_command.clone(),
            Text::msg("support-asks-valid-until"),
        ));
        if programme.on_lapse == OnLapse::Pause {
            actions.push(SaidAction::new(
                Text::msg("support-button-resume"),
                format!("resume M{mid}"),
            ));
        }
        actions.push(SaidAction::asking(
            Text::msg("support-button-close"),
            format!("close match M{mid}"),
            Text::msg("support-asks-close-reason"),
        ));
        if let Some(room) = ctx.coordinators_room(Some(&programme.slug)) {
            effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(Text::join(vec![headline, decide], " "))
                    .with_said_actions(actions)
                    .alert(),
            });
        }
    }
    effects
}
