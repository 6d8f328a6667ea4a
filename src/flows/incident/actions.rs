//! Moderators' actions on pairs and people, each confirmed before it happens.
//!
//! Commands (in the moderators' room, after the prefix): `freeze pair <match>` (the pair
//! room becomes read-only; the coordinators are told only that the pair is frozen),
//! `unfreeze pair <match>`, `suspend <person> [until <date>] [reason]` (removed from
//! their pair rooms, cannot apply or be matched until then), `unsuspend <person>`,
//! `remove <person> from <room>`. Each
//! asks for `confirm` (or `cancel`) from the same moderator; the pending action is that
//! moderator's conversation, so it survives a restart like any other. A DM flow its sender
//! has open (staff are often participants too) stays under it and is asked again once the
//! action is confirmed or dropped ([`ask`], [`finish`]).
//!
//! [`PendingAction`] also holds a coordinator's waiting `close match` and `survey send`,
//! which are confirmed in the coordinators' room (`flows::confirm`).

use crate::i18n::Text;
use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::matches::MatchStatus;
use crate::domain::numbers::{self, Numbered};
use crate::domain::people::KnownPerson;
use crate::domain::survey::Audience;
use crate::domain::when::{Reader, phrase};
use crate::domain::{RoomRef, UserRef};
use crate::flows::{
    Ctx, Effect, FlowState, OutMessage, Outcome, StateChange, Subject, post_said, said_in,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionCommand {
    Freeze(i64),
    Unfreeze(i64),
    Suspend {
        who: String,
        until: Option<String>,
        reason: String,
    },
    Unsuspend(String),
    /// `remove <person> from <room>`
    Remove(String, String),
    Confirm,
    Cancel,
}

/// An action waiting for its moderator's `confirm`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PendingAction {
    Freeze {
        match_id: i64,
        frozen: bool,
        pair: String,
        /// The match's programme, whose coordinators are told (absent in an action
        /// waiting from before programmes had rooms of their own: the deployment's).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        programme: Option<String>,
    },
    Suspend {
        user: UserRef,
        until: Option<DateTime<Utc>>,
        reason: String,
    },
    Unsuspend {
        user: UserRef,
    },
    Remove {
        user: UserRef,
        room: String,
    },
    /// A coordinator's `close match`: the pair are told and their room archived.
    CloseMatch {
        match_id: i64,
        disciplinary: bool,
        reason: String,
    },
    /// A coordinator's `survey send`: everyone it reaches gets a DM.
    SurveySend {
        programme: String,
        survey: String,
        audience: Audience,
    },
    /// A coordinator's `broadcast`: everyone it reaches gets a DM (the text as written,
    /// then its translations by tag).
    Broadcast {
        programme: String,
        audience: Audience,
        texts: Vec<(String, String)>,
    },
}

impl PendingAction {
    /// A coordinator's action (confirmed in the coordinators' room), not a moderator's.
    pub fn is_coordinators(&self) -> bool {
        matches!(
            self,
            PendingAction::CloseMatch { .. }
                | PendingAction::SurveySend { .. }
                | PendingAction::Broadcast { .. }
        )
    }

    /// Where it is confirmed.
    pub fn room_name(&self) -> &'static str {
        if self.is_coordinators() {
            "the coordinators' room"
        } else {
            "the moderators' room"
        }
    }
}

/// The action waiting for the sender's `confirm`, if one is: their conversation, or on
/// top of a DM flow they had open (staff are often participants too).
pub fn waiting(state: Option<&FlowState>) -> Option<&PendingAction> {
    match state? {
        FlowState::ConfirmAction(p) => Some(p),
        FlowState::Stacked { top, .. } => match &**top {
            FlowState::ConfirmAction(p) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

/// Asks `text` and waits for `confirm`: `action` replaces one already waiting, and goes on
/// top of an open DM flow, which keeps its place (see [`finish`]).
pub fn ask(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    action: PendingAction,
    text: impl Into<crate::i18n::Text>,
) -> Outcome {
    let waiting = FlowState::ConfirmAction(action);
    let state = match state {
        None | Some(FlowState::ConfirmAction(_)) => waiting,
        Some(FlowState::Stacked { top, under }) if matches!(**top, FlowState::ConfirmAction(_)) => {
            FlowState::Stacked {
                top: Box::new(waiting),
                under: under.clone(),
            }
        }
        Some(open) => FlowState::Stacked {
            top: Box::new(waiting),
            under: Box::new(open.clone()),
        },
    };
    Outcome {
        state: StateChange::Set(state),
        effects: vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(crate::i18n::Text::join(
                vec![
                    text.into(),
                    Text::msg("action-confirm-how").arg("prefix", ctx.room_prefix),
                ],
                "\n",
            )),
        }],
    }
}

/// The waiting action done or dropped (`outcome` of it): the DM flow under it, if any, is
/// asked again where it was.
pub fn finish(ctx: &Ctx<'_>, state: Option<&FlowState>, outcome: Outcome) -> Outcome {
    let outcome = Outcome {
        state: StateChange::Clear,
        ..outcome
    };
    match state {
        Some(FlowState::Stacked { under, .. }) => {
            crate::flows::escape::restack(ctx, outcome, under)
        }
        _ => outcome,
    }
}

fn usage() -> Text {
    Text::msg("action-usage")
}

pub fn parse(text: &str) -> Option<Result<ActionCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    let number = |w: &str| match numbers::read(w, Numbered::Match) {
        Some(read) => read,
        None => Err(usage()),
    };
    Some(match l.as_slice() {
        ["confirm"] => Ok(ActionCommand::Confirm),
        ["freeze", "pair", n] => number(n).map(ActionCommand::Freeze),
        ["unfreeze", "pair", n] => number(n).map(ActionCommand::Unfreeze),
        ["freeze" | "unfreeze", ..] => Err(usage()),
        ["suspend", _, "until", _, ..] => {
            // The date is as many words as make one (`30 June`, `next Friday`); the rest
            // is the reason. Unreadable, its first word is refused as the date.
            let date = phrase::date_words(&words[3..]).max(1);
            Ok(ActionCommand::Suspend {
                who: words[1].to_string(),
                until: Some(words[3..3 + date].join(" ")),
                reason: words[3 + date..].join(" "),
            })
        }
        ["suspend", _, ..] => Ok(ActionCommand::Suspend {
            who: words[1].to_string(),
            until: None,
            reason: words[2..].join(" "),
        }),
        ["unsuspend", _] => Ok(ActionCommand::Unsuspend(words[1].to_string())),
        ["remove", _, "from", _] => Ok(ActionCommand::Remove(
            words[1].to_string(),
            words[3].to_string(),
        )),
        ["remove", ..] => Err(usage()),
        ["suspend" | "unsuspend", ..] => Err(usage()),
        _ => return None,
    })
}

/// `cancel` in the moderators' room, only while an action waits for confirmation.
pub fn is_cancel(text: &str) -> bool {
    text.trim().eq_ignore_ascii_case("cancel")
}

/// The one person Tandem knows by what the moderator typed (the app looked them up:
/// [`Ctx::people`]); nobody, or several, is refused rather than acted on.
fn person(ctx: &Ctx<'_>, who: &str) -> Result<KnownPerson, Text> {
    match crate::domain::people::not_one(who, ctx.people) {
        Some(refusal) => Err(refusal),
        None => Ok(ctx.people[0].clone()),
    }
}

pub fn handle(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    command: Result<ActionCommand, Text>,
) -> Outcome {
    let reply = |text: Text| post_said(room, text);
    let pending = waiting(state);
    // In the moderators' room `confirm` is theirs (and refused to anyone else, on record);
    // elsewhere a coordinator's waiting action is confirmed or pointed to its room.
    let moderators_room = ctx.is_moderators_room(room) && !ctx.is_coordinators_room(room);
    if let Ok(ActionCommand::Confirm | ActionCommand::Cancel) = &command
        && !moderators_room
    {
        let confirmed = command == Ok(ActionCommand::Confirm);
        match pending {
            Some(p) if p.is_coordinators() => {
                return crate::flows::confirm::coordinators(ctx, state, room, p, confirmed);
            }
            // The coordinators' own `confirm`, with nothing of theirs waiting.
            None if ctx.is_coordinators_room(room) && !ctx.is_moderators_room(room) => {
                return crate::flows::confirm::nothing_waiting(ctx, room);
            }
            _ => {}
        }
    }
    let command = match crate::flows::incident::cases::moderator_command(ctx, room, command, |_| {
        ("moderation action".to_string(), None)
    }) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let ask = |action: PendingAction, text: Text| ask(ctx, state, room, action, text);
    // What reaches past one programme (a suspension, a removal) is the community's
    // moderators' to do, in a room of the whole community.
    let whole_community = ctx.moderation.is_community_moderator(ctx.user)
        && ctx.rooms.moderation_scope(room).is_none();
    // A waiting action is checked again where it is confirmed: asked in the community's
    // room, it is not confirmed (and told) in a programme's.
    let across = |p: &PendingAction| {
        matches!(
            p,
            PendingAction::Suspend { .. }
                | PendingAction::Unsuspend { .. }
                | PendingAction::Remove { .. }
        )
    };
    let confirming_across = command == ActionCommand::Confirm
        && pending.is_some_and(|p| !p.is_coordinators() && across(p));
    if let (
        ActionCommand::Confirm,
        Some(PendingAction::Freeze {
            match_id,
            programme,
            ..
        }),
    ) = (&command, pending)
        && !ctx.moderates_in(room, programme.as_deref())
    {
        return Outcome::unchanged(vec![
            said_in(
                room,
                Text::msg("action-confirm-elsewhere").arg("m", *match_id),
            ),
            Effect::LogRefusal {
                user: ctx.user.clone(),
                action: format!("confirm freezing M{match_id} (another programme's)"),
            },
        ]);
    }
    if !whole_community
        && (confirming_across
            || matches!(
                command,
                ActionCommand::Suspend { .. }
                    | ActionCommand::Unsuspend(_)
                    | ActionCommand::Remove(..)
            ))
    {
        return Outcome::unchanged(vec![
            said_in(room, Text::msg("action-across")),
            Effect::LogRefusal {
                user: ctx.user.clone(),
                action: "moderation action across programmes".into(),
            },
        ]);
    }
    match command {
        ActionCommand::Confirm => match pending {
            Some(p) if p.is_coordinators() => {
                crate::flows::confirm::coordinators(ctx, state, room, p, true)
            }
            Some(p) => finish(ctx, state, confirm(ctx, room, p)),
            None => reply(Text::msg("action-nothing-waiting")),
        },
        ActionCommand::Cancel => finish(
            ctx,
            state,
            Outcome::unchanged(vec![said_in(room, Text::msg("action-cancelled"))]),
        ),
        ActionCommand::Freeze(id) | ActionCommand::Unfreeze(id) => {
            let frozen = matches!(command, ActionCommand::Freeze(_));
            let Subject::Pair(Some(m)) = ctx.subject else {
                return reply(Text::msg("action-no-match").arg("m", id));
            };
            if !ctx.moderates_in(room, Some(&m.programme)) {
                return Outcome::unchanged(vec![
                    said_in(room, Text::msg("action-match-elsewhere").arg("m", id)),
                    Effect::LogRefusal {
                        user: ctx.user.clone(),
                        action: format!("freeze or unfreeze M{id} (another programme's)"),
                    },
                ]);
            }
            if m.status != MatchStatus::Active {
                return reply(
                    Text::msg("action-match-not-active")
                        .arg("m", id)
                        .arg("status", m.status.said()),
                );
            }
            if m.frozen == frozen {
                return reply(
                    Text::msg(if frozen {
                        "action-already-frozen"
                    } else {
                        "action-already-unfrozen"
                    })
                    .arg("m", id),
                );
            }
            let pair = format!("{} & {}", m.mentee_name, m.mentor_name);
            ask(
                PendingAction::Freeze {
                    match_id: id,
                    frozen,
                    pair: pair.clone(),
                    programme: Some(m.programme.clone()),
                },
                Text::msg(if frozen {
                    "action-freeze-ask"
                } else {
                    "action-unfreeze-ask"
                })
                .arg("m", id)
                .arg("pair", pair),
            )
        }
        ActionCommand::Suspend { who, until, reason } => {
            let person = match person(ctx, &who) {
                Ok(p) => p,
                Err(e) => return reply(e),
            };
            let user = person.user.clone();
            if user == *ctx.user {
                return reply(Text::msg("action-not-yourself"));
            }
            let until = match until {
                None => None,
                Some(d) => match Reader::for_programmes(ctx.now, ctx.programmes).read_date(&d) {
                    Ok(day) if day > ctx.now.date_naive() => {
                        Some(day.and_time(NaiveTime::MIN).and_utc())
                    }
                    Ok(day) => {
                        return reply(Text::msg("action-not-future").arg("date", Text::date(day)));
                    }
                    Err(e) => return reply(e),
                },
            };
            let reason = if reason.is_empty() {
                "moderation decision".to_string()
            } else {
                reason
            };
            let text = match until {
                Some(u) => {
                    Text::msg("action-suspend-until-ask").arg("date", Text::date(u.date_naive()))
                }
                None => Text::msg("action-suspend-ask"),
            }
            .arg("person", person.said())
            .arg("reason", reason.as_str());
            ask(
                PendingAction::Suspend {
                    user,
                    until,
                    reason,
                },
                text,
            )
        }
        ActionCommand::Remove(who, from) => {
            let person = match person(ctx, &who) {
                Ok(p) => p,
                Err(e) => return reply(e),
            };
            // Only a room the bot manages for them: their pair room, or a staff room.
            let staff_room = ctx
                .rooms
                .is_configured(&RoomRef::new(ctx.user.platform, from.clone()));
            if !staff_room && !person.rooms.contains(&from) {
                return reply(
                    match person.rooms.as_slice() {
                        [] => Text::msg("action-not-in-room"),
                        rooms => {
                            Text::msg("action-not-in-room-rooms").arg("rooms", rooms.join(", "))
                        }
                    }
                    .arg("person", person.said())
                    .arg("room", crate::domain::text::preview(&from, 60)),
                );
            }
            let text = Text::msg("action-remove-ask")
                .arg("person", person.said())
                .arg("room", from.as_str());
            let user = person.user;
            ask(PendingAction::Remove { user, room: from }, text)
        }
        ActionCommand::Unsuspend(who) => {
            let person = match person(ctx, &who) {
                Ok(p) => p,
                Err(e) => return reply(e),
            };
            let text = Text::msg("action-unsuspend-ask").arg("person", person.said());
            let user = person.user;
            ask(PendingAction::Unsuspend { user }, text)
        }
    }
}

fn confirm(ctx: &Ctx<'_>, room: &RoomRef, action: &PendingAction) -> Outcome {
    let by = ctx.user.to_string();
    let mut effects = Vec::new();
    match action {
        PendingAction::Freeze {
            match_id,
            frozen,
            pair,
            programme,
        } => {
            effects.push(Effect::FreezeMatch {
                match_id: *match_id,
                frozen: *frozen,
                by,
            });
            effects.push(said_in(
                room,
                Text::msg(if *frozen {
                    "action-frozen"
                } else {
                    "action-unfrozen"
                })
                .arg("m", *match_id)
                .arg("pair", pair)
                .arg("who", &ctx.user.id),
            ));
            if let Some(coordinators) = ctx.coordinators_room(programme.as_deref()) {
                effects.push(said_in(
                    coordinators,
                    Text::msg(if *frozen {
                        "action-frozen-coordinators"
                    } else {
                        "action-unfrozen-coordinators"
                    })
                    .arg("m", *match_id)
                    .arg("pair", pair),
                ));
            }
        }
        PendingAction::Suspend {
            user,
            until,
            reason,
        } => {
            effects.push(Effect::Suspend {
                user: user.clone(),
                until: *until,
                reason: reason.clone(),
                by,
            });
            effects.push(said_in(
                room,
                Text::msg("action-suspended")
                    .arg("user", user.to_string())
                    .arg("who", &ctx.user.id),
            ));
        }
        PendingAction::Remove { user, room: from } => {
            effects.push(Effect::RemoveFromRoom {
                user: user.clone(),
                room: RoomRef::new(user.platform, from.clone()),
                by,
            });
            effects.push(said_in(
                room,
                Text::msg("action-removed")
                    .arg("user", user.to_string())
                    .arg("room", from)
                    .arg("who", &ctx.user.id),
            ));
        }
        PendingAction::CloseMatch { .. }
        | PendingAction::SurveySend { .. }
        | PendingAction::Broadcast { .. } => {
            // Confirmed in the coordinators' room (`flows::confirm`), never here.
        }
        PendingAction::Unsuspend { user } => {
            effects.push(Effect::Unsuspend { user: user.clone() });
            effects.push(said_in(
                room,
                Text::msg("action-unsuspended")
                    .arg("user", user.to_string())
                    .arg("who", &ctx.user.id),
            ));
        }
    }
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}
