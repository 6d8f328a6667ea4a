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
            OutMessage::said(Text::lines(vec![
                if case.severity == Severity::Normal {
                    Text::msg("case-to-contact")
                } else {
                    Text::msg("case-to-contact-now").arg("severity", case.severity.as_str())
                },
                card(ctx, case, "", None),
            ])),
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
                    ..OutMessage::said(
                        Text::msg("case-on-call")
                            .arg("names", names.join(", "))
                            .arg("n", case.id),
                    )
                }
                .alert(),
            });
        }
    }
    if case.severity == Severity::Safeguarding {
        for on_call in &ctx.moderation.on_call {
            effects.push(Effect::SendDm {
                to: on_call.clone(),
                message: OutMessage::said(Text::msg("case-on-call-dm").arg("n", case.id)),
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
            OutMessage::said(
                Text::msg("case-unclaimed-contact")
                    .arg("n", case.id)
                    .arg("severity", case.severity.as_str())
                    .arg("minutes", waited),
            ),
        ));
        return effects;
    }
    if let Some(room) = ctx.moderators_room(case.programme.as_deref()) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("case-unclaimed-room")
                    .arg("minutes", waited)
                    .arg("severity", case.severity.as_str())
                    .arg("n", case.id)
                    .arg("names", names.join(", "))
                    .arg("prefix", ctx.room_prefix),
            )
            .alert(),
        });
    }
    for on_call in &ctx.moderation.on_call {
        effects.push(Effect::SendDm {
            to: on_call.clone(),
            message: OutMessage::said(
                Text::msg("case-unclaimed-dm")
                    .arg("n", case.id)
                    .arg("severity", case.severity.as_str())
                    .arg("minutes", waited),
            ),
        });
    }
    effects
}

/// A yes/no choice for a message's selector (`{ $priority -> [yes] … }`).
fn yes_or_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}
