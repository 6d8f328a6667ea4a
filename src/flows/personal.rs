//! A person's own data: `my data` sends everything Tandem stores about them as a JSON file
//! by DM; `delete my data` (after a clear confirmation) ends their matches kindly, closes
//! open offers, and erases them, leaving only nameless counts (see `storage::personal`).

use serde::{Deserialize, Serialize};

use super::{Attachment, Content, Ctx, Effect, FlowState, OutMessage, Outcome, StateChange};
use crate::domain::RoomRef;
use crate::domain::answer::said_choice;
use crate::domain::matches::{ClosureKind, MatchStatus};
use crate::domain::text::clean;
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalCommand {
    MyData,
    Delete,
}

/// `my data`, `delete my data`.
pub fn parse(text: &str) -> Option<PersonalCommand> {
    let t = clean(text, false).to_lowercase();
    match t.trim_end_matches(['.', '!', '?']) {
        "my data" | "export my data" | "show my data" => Some(PersonalCommand::MyData),
        "delete my data" | "erase my data" | "forget me" => Some(PersonalCommand::Delete),
        _ => None,
    }
}

/// Waiting for the person's yes to the erasure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmDelete {}

/// From an account linked less than a day ago (`domain::accounts::SETTLING_HOURS`): where
/// the person's data may be asked for meanwhile, in a word to the account that asked.
fn settling(ctx: &Ctx<'_>) -> Option<Outcome> {
    let linked = ctx.linked.filter(|l| l.settling(ctx.now))?;
    let until = linked.since + chrono::Duration::hours(crate::domain::accounts::SETTLING_HOURS);
    Some(Outcome::unchanged(vec![
        ctx.dm(OutMessage::said(
            Text::msg("personal-settling")
                .arg("platform", ctx.user.platform.display())
                .arg("account", ctx.user.id.as_str())
                .arg(
                    "at",
                    Text::join(
                        vec![
                            Text::date(until.date_naive()),
                            Text::plain(until.format("%H:%M").to_string()),
                        ],
                        " ",
                    ),
                ),
        )),
    ]))
}

/// `my data`: the file, from the data the app loaded.
pub fn my_data(ctx: &Ctx<'_>) -> Outcome {
    if let Some(wait) = settling(ctx) {
        return wait;
    }
    let super::Subject::PersonalData(data) = ctx.subject else {
        return Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("personal-gather-failed"))),
        ]);
    };
    let json = serde_json::to_string_pretty(data).unwrap_or_else(|_| "{}".into());
    Outcome::unchanged(vec![ctx.dm(OutMessage {
        attachment: Some(Attachment {
            name: format!(
                "tandem-data-{}.json",
                crate::domain::programme::slugify(&ctx.user.id)
            ),
            mime: "application/json".into(),
            data: json.into_bytes(),
        }),
        ..OutMessage::said(Text::msg("personal-file"))
    })])
}

pub(super) fn confirm_message(ctx: &Ctx<'_>) -> OutMessage {
    let active = ctx
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .count();
    OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some("delete-my-data".into()),
        ..OutMessage::said(
            Text::msg("personal-confirm")
                .arg(
                    "matches",
                    match active {
                        0 => Text::plain(""),
                        1 => Text::msg("personal-ends-match"),
                        _ => Text::msg("personal-ends-matches"),
                    },
                )
                .arg("kept", kept_for_safeguarding(ctx)),
        )
        .with_choices(vec![
            said_choice("yes", Text::msg("personal-delete-yes")),
            said_choice("no", Text::msg("personal-delete-no")),
        ])
    }
}

/// What erasure keeps, and for how long. Everyone is told the same, whether or not there
/// is anything about them: saying so only to some would reveal a report about them.
fn kept_for_safeguarding(ctx: &Ctx<'_>) -> Text {
    Text::msg("personal-kept").arg("years", i64::from(ctx.moderation.retention_years))
}

/// `delete my data`: the confirmation.
pub fn start_delete(ctx: &Ctx<'_>) -> Outcome {
    if let Some(wait) = settling(ctx) {
        return wait;
    }
    Outcome {
        effects: vec![ctx.dm(confirm_message(ctx))],
        state: StateChange::Set(FlowState::ConfirmDelete(ConfirmDelete {})),
    }
}

/// The answer to the confirmation.
pub fn confirm_step(ctx: &Ctx<'_>, content: &Content) -> Outcome {
    if let Some(wait) = settling(ctx) {
        return wait;
    }
    let answer = match content {
        Content::Picked { values, .. } => values.first().map(|v| v == "yes"),
        Content::Text(t) => {
            let t = clean(t, false);
            let t = t.trim_end_matches(['.', '!']);
            // The buttons' words typed, in any language, or a yes or a no.
            if t.eq_ignore_ascii_case("delete") || Text::msg("personal-delete-yes").typed_in_any(t)
            {
                Some(true)
            } else if t.eq_ignore_ascii_case("cancel")
                || Text::msg("personal-delete-no").typed_in_any(t)
            {
                Some(false)
            } else {
                super::form::yes_or_no(content, ctx.now)
            }
        }
    };
    match answer {
        None => Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("personal-answer"))),
            ctx.dm(confirm_message(ctx)),
        ]),
        Some(false) => Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("personal-nothing-deleted")))],
        },
        Some(true) => Outcome {
            state: StateChange::Clear,
            effects: erase(ctx),
        },
    }
}

/// Everything the erasure does, in order: matches closed kindly, open offers ended, the
/// erasure itself, and a word to the person and the coordinators.
fn erase(ctx: &Ctx<'_>) -> Vec<Effect> {
    let me = ctx.user;
    let mut effects = Vec::new();
    let mut notes = Vec::new();
    let mut replan: Vec<String> = Vec::new();
    for m in ctx.matches {
        match m.status {
            MatchStatus::Active => {
                // The partner's side of a no-fault closure; nothing for the leaver.
                effects.extend(
                    super::closure::close_effects(
                        ctx,
                        m,
                        &super::closure::Closing {
                            closer: Some(me),
                            ..super::closure::Closing::new(
                                ClosureKind::Early,
                                "a participant left the programme and deleted their data",
                            )
                        },
                    )
                    .into_iter()
                    .filter(|e| match e {
                        Effect::SendDm { to, .. } => to != me,
                        Effect::QueuePrompt { user, .. } => user != me,
                        _ => true,
                    }),
                );
                notes.push(
                    Text::msg("personal-erased-match-closed").arg("match", format!("M{}", m.id)),
                );
            }
            MatchStatus::Proposed | MatchStatus::Approved => {
                effects.push(Effect::MoveMatch {
                    match_id: m.id,
                    from: m.status,
                    to: if m.status == MatchStatus::Proposed {
                        MatchStatus::Rejected
                    } else {
                        MatchStatus::Declined
                    },
                    by: "tandem".into(),
                    deadline: None,
                });
                if m.status == MatchStatus::Approved {
                    let other = if m.mentee == *me {
                        &m.mentor
                    } else {
                        &m.mentee
                    };
                    effects.push(Effect::SendDm {
                        to: other.clone(),
                        // In the other person's language, when it is delivered.
                        message: OutMessage::said(Text::msg("personal-partner-left")),
                    });
                }
                notes.push(
                    Text::msg("personal-erased-offer-ended").arg("match", format!("M{}", m.id)),
                );
                replan.push(m.programme.clone());
            }
            _ => {}
        }
    }
    // A linked account is the same person: erased with them, its own rows too.
    if let Some(linked) = ctx.linked {
        effects.push(Effect::ErasePerson {
            user: linked.other.clone(),
            retention_years: ctx.moderation.retention_years,
        });
    }
    effects.push(Effect::ErasePerson {
        user: me.clone(),
        retention_years: ctx.moderation.retention_years,
    });
    // Where they asked (the link is gone once this is sent).
    let told = ctx.linked.map_or(me, |l| l.typed_from(me));
    // Rendered now: once erased, their choice of language is gone with the rest.
    let done = Text::msg("personal-done").arg("kept", kept_for_safeguarding(ctx));
    effects.push(Effect::SendDm {
        to: told.clone(),
        message: OutMessage::text(done.render(ctx.language)),
    });
    replan.sort();
    replan.dedup();
    effects.extend(
        replan
            .into_iter()
            .map(|programme| Effect::Replan { programme }),
    );
    // Each programme's coordinators hear of their own applications only.
    let mut rooms: Vec<&RoomRef> = ctx
        .applications
        .iter()
        .filter_map(|a| ctx.coordinators_room(Some(&a.programme)))
        .collect();
    rooms.sort();
    rooms.dedup();
    for room in rooms {
        let apps: Vec<String> = ctx
            .applications
            .iter()
            .filter(|a| ctx.coordinators_room(Some(&a.programme)) == Some(room))
            .map(|a| format!("A{} ({})", a.id, a.role))
            .collect();
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(if notes.is_empty() {
                Text::msg("personal-erased-staff").arg("applications", apps.join(", "))
            } else {
                Text::msg("personal-erased-staff-with")
                    .arg("applications", apps.join(", "))
                    .arg("notes", Text::join(notes.clone(), "; "))
            }),
        });
    }
    effects
}
