//! What the scheduler sets off about applications: a cleared check that expired, one about
//! to expire (warned once per expiry date), and the waiting-list reminder. The app finds
//! what is due and calls these with the record loaded; each returns its effects.
//!
//! A new timed message about an application goes here, with its due-date rule in the app's
//! scheduler.

use super::*;

/// A cleared check that has expired: record it, and tell the person and the coordinators.
pub fn expire_check(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    step_id: &str,
) -> Outcome {
    let Some(StepState::Cleared { expires }) = record.summary.steps.get(step_id).cloned() else {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    };
    let label = programme
        .role(record.summary.role)
        .and_then(|r| r.screening.steps.iter().find(|s| s.id == step_id))
        .map(|s| s.label.clone())
        .unwrap_or_else(|| step_id.to_string());
    let state = StepState::Expired { on: expires };
    let mut after = record.summary.steps.clone();
    after.insert(step_id.to_string(), state.clone());
    let name = display_name(record);
    let mut effects = vec![
        Effect::RecordStep {
            application_id: record.summary.id,
            step_id: step_id.to_string(),
            state,
            by: "tandem".into(),
        },
        Effect::SendDm {
            to: record.applicant.clone(),
            message: OutMessage::said(
                Text::msg("support-check-expired")
                    .arg("check", said_check(programme, record, step_id, &label))
                    .arg("programme", programme.said_name())
                    .arg("date", Text::date(expires)),
            ),
        },
    ];
    let lapsed = lapse_effects(
        ctx,
        programme,
        record,
        ctx.matches,
        step_id,
        &label,
        Lapse::Expired(expires),
    );
    // In an active match the alert says all this and more; otherwise a note in the
    // application's thread is enough.
    if let Some(room) = ctx.coordinators_room(Some(&programme.slug))
        && lapsed.is_empty()
    {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("support-check-expired-room")
                    .arg("check", label.to_lowercase())
                    .arg("id", record.summary.id)
                    .arg("name", name.as_str())
                    .arg("date", Text::date(expires))
                    .arg("prefix", ctx.room_prefix)
                    .arg("step", step_id),
            )
            .in_thread(crate::flows::application_thread(record.summary.id)),
        });
    }
    // The DM above already says what happened; only the status change is added here.
    let readiness = readiness_effects(
        ctx,
        programme,
        &record.summary,
        &record.applicant,
        &name,
        &after,
    );
    effects.extend(
        readiness
            .into_iter()
            .filter(|e| matches!(e, Effect::RecordDecision(_) | Effect::PostInRoom { .. })),
    );
    effects.extend(lapsed);
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// A cleared check about to expire (within its step's `warn_days`): the person and the
/// coordinators are warned once for this expiry date, with the active match it puts at
/// risk, so it can be renewed before the pair is affected.
pub fn warn_check(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    step_id: &str,
) -> Outcome {
    let nothing = Outcome::unchanged(vec![]);
    let Some(StepState::Cleared { expires }) = record.summary.steps.get(step_id).cloned() else {
        return nothing;
    };
    let Some(def) = programme
        .role(record.summary.role)
        .and_then(|r| r.screening.steps.iter().find(|s| s.id == step_id))
    else {
        return nothing;
    };
    let today = ctx.now.date_naive();
    if !def.warn_due(expires, today) {
        return nothing;
    }
    let id = record.summary.id;
    let mark = Effect::MarkCheckWarned {
        application_id: id,
        step_id: step_id.to_string(),
        expires,
    };
    // Someone who left the programme (withdrawn, rejected) has nothing to renew.
    if !record.summary.status.is_accepted() {
        return Outcome::unchanged(vec![mark]);
    }
    let label = def.label.to_lowercase();
    let date = Text::date(expires);
    let mut effects = vec![
        mark,
        Effect::SendDm {
            to: record.applicant.clone(),
            message: OutMessage::said(
                Text::msg("support-check-expires")
                    .arg("check", said_check(programme, record, step_id, &def.label))
                    .arg("programme", programme.said_name())
                    .arg("date", date.clone()),
            ),
        },
    ];
    if let Some(room) = ctx.coordinators_room(Some(&programme.slug)) {
        let name = display_name(record);
        let active = active_matches(ctx.matches, id);
        let text = if active.is_empty() {
            Text::msg("support-check-expires-room")
        } else {
            Text::msg("support-check-expires-room-active").arg("matches", match_list(&active))
        }
        .arg("check", label.as_str())
        .arg("id", id)
        .arg("name", name.as_str())
        .arg("date", date)
        .arg(
            "days",
            Text::msg("days").arg("count", (expires - today).num_days()),
        )
        .arg("prefix", ctx.room_prefix)
        .arg("step", step_id);
        let message = OutMessage::said(text);
        // A pair depends on it: at the top of the room, where it cannot be missed.
        let message = if active.is_empty() {
            message.in_thread(crate::flows::application_thread(id))
        } else {
            message.alert()
        };
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message,
        });
    }
    Outcome::unchanged(effects)
}

/// A reminder to someone on the waiting list, with their place in it.
pub fn waitlist_reminder(
    programme: &Programme,
    record: &ApplicationRecord,
    position: usize,
    total: usize,
) -> Outcome {
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::SendDm {
                to: record.applicant.clone(),
                message: OutMessage::said(
                    Text::msg("support-waitlist-reminder")
                        .arg("programme", programme.said_name())
                        .arg("position", position)
                        .arg("total", total)
                        .arg("role", programme.said_role(record.summary.role)),
                ),
            },
            Effect::MarkReminded {
                application_id: record.summary.id,
            },
        ],
    }
}

/// A check's name as its holder reads it: the programme's, in their language, in lower case.
fn said_check(
    programme: &Programme,
    record: &ApplicationRecord,
    step_id: &str,
    label: &str,
) -> Text {
    Text::lower(programme.said(
        &step_path(record.summary.role.as_str(), step_id, "label"),
        label,
    ))
}
