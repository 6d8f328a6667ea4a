//! What a new case sets off (the reporter's case number, the card, the on-call ping) and
//! the reminders while an urgent case stays unclaimed.

use super::*;

/// Right after a report is stored: the reporter gets the case number, the moderators the
/// card, and for safeguarding the on-call moderators a ping. A restricted case goes, card
/// and urgency, to the escalation contact alone: the on-call moderators are moderators.
pub fn after_report(ctx: &Ctx<'_>, case: &CaseRecord) -> Vec<Effect> {
    let keeper = keeper(ctx, case);
    // Through the case, like every message to a reporter: what waits to be sent names the
    // case, never the person (storage unseals them only to deliver it).
    let mut effects = vec![Effect::TellReporter {
        case_id: case.id,
        text: Text::msg("case-received")
            .arg("case", case.id)
            .arg(
                "keeper",
                match keeper {
                    Keeper::Contact => "contact",
                    Keeper::Moderators => "team",
                },
            )
            .arg("priority", yes_or_no(case.severity != Severity::Normal))
            .arg("anonymous", yes_or_no(case.anonymous)),
    }];
    if keeper == Keeper::Contact {
        effects.extend(to_keeper(
            ctx,
            keeper,
            case.programme.as_deref(),
            OutMessage::text(format!(
                "{}A report that may concern a member of the moderation team comes only to you, as the escalation contact. Please work it here, by direct message; the moderators don't see it.\n{}",
                if case.severity == Severity::Normal {
                    String::new()
                } else {
                    format!("This {} case needs attention now. ", case.severity.as_str())
                },
                card(ctx, case, "", None)
            )),
        ));
        return effects;
    }
    if let Some(room) = ctx.moderators_room(case.programme.as_deref()) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: card_message(ctx, case, room),
        });
        if case.severity == Severity::Safeguarding && !ctx.moderation.on_call.is_empty() {
            let names: Vec<&str> = ctx
                .moderation
                .on_call
                .iter()
                .map(|u| u.id.as_str())
                .collect();
            effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage {
                    notify: ctx.moderation.on_call.clone(),
                    ..OutMessage::text(format!(
                        "On call: {} — safeguarding case #{} needs attention now.",
                        names.join(", "),
                        case.id
                    ))
                }
                .alert(),
            });
        }
    }
    if case.severity == Severity::Safeguarding {
        for on_call in &ctx.moderation.on_call {
            effects.push(Effect::SendDm {
                to: on_call.clone(),
                message: OutMessage::text(format!(
                    "A safeguarding case (#{}) was just reported. Please look at the moderators' room now.",
                    case.id
                )),
            });
        }
    }
    effects
}

/// An urgent or safeguarding case still unclaimed `escalate_after_minutes` after it was
/// reported (or last re-pinged) pings the on-call moderators again.
pub fn escalate(
    ctx: &Ctx<'_>,
    case: &CaseRecord,
    events: &[crate::domain::incident::CaseEvent],
) -> Vec<Effect> {
    let every = i64::from(ctx.moderation.escalate_after_minutes);
    let keeper = keeper(ctx, case);
    if every == 0
        || case.status != CaseStatus::Open
        || case.severity == Severity::Normal
        || (keeper == Keeper::Moderators && ctx.moderation.on_call.is_empty())
    {
        return vec![];
    }
    let last = events
        .iter()
        .filter(|e| e.kind == "re-pinged")
        .map(|e| e.at)
        .max()
        .unwrap_or(case.created_at);
    let waited = (ctx.now - case.created_at).num_minutes();
    if (ctx.now - last).num_minutes() < every {
        return vec![];
    }
    let names: Vec<&str> = ctx
        .moderation
        .on_call
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    let mut effects = vec![event(
        case.id,
        "tandem",
        "re-pinged",
        &format!("unclaimed after {waited} minutes"),
    )];
    // A restricted case reminds its one keeper, never the on-call moderators.
    if keeper == Keeper::Contact {
        effects.extend(to_keeper(
            ctx,
            keeper,
            case.programme.as_deref(),
            OutMessage::text(format!(
                "Case #{} ({}) is still unclaimed after {waited} minutes. Type case claim {} here.",
                case.id,
                case.severity.as_str(),
                case.id
            )),
        ));
        return effects;
    }
    if let Some(room) = ctx.moderators_room(case.programme.as_deref()) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(format!(
                "Still unclaimed after {waited} minutes: {} case #{} — on call: {}. Type {} case claim {}.",
                case.severity.as_str(),
                case.id,
                names.join(", "),
                ctx.room_prefix,
                case.id
            ))
            .alert(),
        });
    }
    for on_call in &ctx.moderation.on_call {
        effects.push(Effect::SendDm {
            to: on_call.clone(),
            message: OutMessage::text(format!(
                "Case #{} ({}) is still unclaimed after {waited} minutes. Please look at the moderators' room.",
                case.id,
                case.severity.as_str()
            )),
        });
    }
    effects
}

/// A yes/no choice for a message's selector (`{ $priority -> [yes] … }`).
fn yes_or_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}
