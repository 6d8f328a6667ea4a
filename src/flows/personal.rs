//! A person's own data: `my data` sends everything Tandem stores about them as a JSON file
//! by DM; `delete my data` (after a clear confirmation) ends their matches kindly, closes
//! open offers, and erases them, leaving only nameless counts (see `storage::personal`).

use serde::{Deserialize, Serialize};

use super::{Attachment, Content, Ctx, Effect, FlowState, OutMessage, Outcome, StateChange};
use crate::domain::Choice;
use crate::domain::RoomRef;
use crate::domain::matches::{ClosureKind, MatchStatus};
use crate::domain::text::clean;

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
    Some(Outcome::unchanged(vec![ctx.dm_text(format!(
        "For your safety, for a day after an account is linked, your data can be sent or deleted only from your {} account ({}), the one that gave the code. Please ask there, or here again after {} UTC.",
        ctx.user.platform.display(),
        ctx.user.id,
        (linked.since + chrono::Duration::hours(crate::domain::accounts::SETTLING_HOURS))
            .format("%-d %B %H:%M")
    ))]))
}

/// `my data`: the file, from the data the app loaded.
pub fn my_data(ctx: &Ctx<'_>) -> Outcome {
    if let Some(wait) = settling(ctx) {
        return wait;
    }
    let super::Subject::PersonalData(data) = ctx.subject else {
        return Outcome::unchanged(vec![
            ctx.dm_text("I couldn't gather your data just now; please try again in a moment."),
        ]);
    };
    let json = serde_json::to_string_pretty(data).unwrap_or_else(|_| "{}".into());
    Outcome::unchanged(vec![ctx.dm(OutMessage {
        text: "Here is everything Tandem stores about you, as a JSON file: your applications and answers, matches, check-ins, survey invitations (answers to anonymous surveys are not linked to you, so they can't be included), event answers and the reports you made. Reports about you, and safeguarding records kept under a legal hold, are not included. To have it deleted, type delete my data.".into(),
        attachment: Some(Attachment {
            name: format!(
                "tandem-data-{}.json",
                crate::domain::programme::slugify(&ctx.user.id)
            ),
            mime: "application/json".into(),
            data: json.into_bytes(),
        }),
        ..Default::default()
    })])
}

pub(super) fn confirm_message(ctx: &Ctx<'_>) -> OutMessage {
    let active = ctx
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .count();
    OutMessage {
        text: format!(
            "Do you want me to delete your data? This erases your applications and answers, {}takes you out of every programme, and can't be undone. The programmes' figures keep a nameless count (how many people took part); reports you made stay with the moderators without your name. {}",
            match active {
                0 => String::new(),
                1 => "ends your match (your partner will be told kindly and offered a new one), "
                    .into(),
                _ => "ends your matches (your partners will be told kindly and offered new ones), "
                    .into(),
            },
            kept_for_safeguarding(ctx)
        ),
        choices: vec![
            Choice {
                value: "yes".into(),
                label: "Yes, delete my data".into(),
            },
            Choice {
                value: "no".into(),
                label: "No, keep it".into(),
            },
        ],
        pick: Some((1, 1)),
        prompt_ref: Some("delete-my-data".into()),
        ..Default::default()
    }
}

/// What erasure keeps, and for how long. Everyone is told the same, whether or not there
/// is anything about them: saying so only to some would reveal a report about them.
fn kept_for_safeguarding(ctx: &Ctx<'_>) -> String {
    let years = ctx.moderation.retention_years;
    format!(
        "Some safeguarding records, if there are any, are kept for {years} year{} even after deletion, as safeguarding rules require: reports about you, failed background checks and suspensions. They are then erased.",
        if years == 1 { "" } else { "s" }
    )
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
        Content::Text(t) => match clean(t, false).to_lowercase().trim_end_matches(['.', '!']) {
            "yes" | "1" | "yes, delete my data" | "delete" => Some(true),
            "no" | "2" | "no, keep it" | "cancel" => Some(false),
            _ => None,
        },
    };
    match answer {
        None => Outcome::unchanged(vec![
            ctx.dm_text("Please answer 1 (yes, delete my data) or 2 (no, keep it)."),
            ctx.dm(confirm_message(ctx)),
        ]),
        Some(false) => Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm_text("All right: nothing was deleted.")],
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
                notes.push(format!(
                    "match M{} was closed, and their partner told kindly and offered a new match",
                    m.id
                ));
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
                        message: OutMessage::text(
                            "An update on your match: the other person has left the programme, so it can't go ahead. This is no reflection on you; we're already looking for another match for you.",
                        ),
                    });
                }
                notes.push(format!("the offer of match M{} was ended", m.id));
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
    effects.push(Effect::SendDm {
        to: told.clone(),
        message: OutMessage::text(format!(
        "Done: your data has been deleted, and you've left every programme. {} Thank you for the time you spent with us; you're welcome back whenever you like.",
        kept_for_safeguarding(ctx)
    )),
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
            message: OutMessage::text(format!(
                "A participant (application {}) asked for their data to be deleted, and it has been{}. Their applications stay in the figures without a name.",
                apps.join(", "),
                if notes.is_empty() {
                    String::new()
                } else {
                    format!("; {}", notes.join("; "))
                }
            )),
        });
    }
    effects
}
