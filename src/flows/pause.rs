//! Pausing a match: a participant writes `pause until 2027-03-01` (or `resume`) in a DM.
//! While paused, no milestone, check-in or reminder reaches the pair; the plan carries on
//! afterwards. The partner and the coordinators are told; nothing else changes.
//!
//! A pause is a date, not a state to remember to undo: it ends by itself at the start of
//! that day (UTC). `resume` ends it early.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Ctx, Effect, OutMessage, Outcome};
use crate::domain::matches::{MatchRecord, MatchStatus};

const USAGE: &str = "To pause your mentoring, write pause until and a date, like pause until 2027-03-01 (at most a year ahead). Type resume to start again sooner.";

/// The longest pause, in days.
const MAX_PAUSE_DAYS: i64 = 366;

fn active_match<'a>(ctx: &'a Ctx<'_>) -> Result<&'a MatchRecord, String> {
    let active: Vec<&MatchRecord> = ctx
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .collect();
    match active.as_slice() {
        [] => Err("You have no active match to pause.".into()),
        [m] => Ok(m),
        _ => Err(
            "You are in several matches: please ask your coordinator to pause the one you mean."
                .into(),
        ),
    }
}

fn partner(ctx: &Ctx<'_>, m: &MatchRecord) -> (crate::domain::UserRef, String, String) {
    if m.mentee == *ctx.user {
        (
            m.mentor.clone(),
            m.mentor_name.clone(),
            m.mentee_name.clone(),
        )
    } else {
        (
            m.mentee.clone(),
            m.mentee_name.clone(),
            m.mentor_name.clone(),
        )
    }
}

/// `pause <rest>`: `rest` should be `until YYYY-MM-DD`.
pub fn pause(ctx: &Ctx<'_>, rest: &str) -> Outcome {
    let date = rest
        .trim()
        .strip_prefix("until")
        .map(str::trim)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let Some(date) = date else {
        return Outcome::unchanged(vec![ctx.dm_text(USAGE)]);
    };
    let until: DateTime<Utc> = date.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    if until <= ctx.now {
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "{} is not in the future. {USAGE}",
            date.format("%-d %B %Y")
        ))]);
    }
    if (until - ctx.now).num_days() > MAX_PAUSE_DAYS {
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "A pause can last at most a year; for longer, talk to your coordinator about closing the match. {USAGE}"
        ))]);
    }
    let m = match active_match(ctx) {
        Ok(m) => m,
        Err(e) => return Outcome::unchanged(vec![ctx.dm_text(e)]),
    };
    let (other, other_name, own_name) = partner(ctx, m);
    let when = date.format("%-d %B %Y");
    let mut effects = vec![
        Effect::PauseMatch {
            match_id: m.id,
            until: Some(until),
        },
        ctx.dm_text(format!(
            "Paused: no check-ins or reminders for your mentoring with {other_name} until {when}. Type resume to start again sooner."
        )),
        Effect::SendDm {
            to: other,
            message: OutMessage::text(format!(
                "{own_name} has paused your mentoring until {when}: no check-ins or reminders until then. You can still write in your pair room."
            )),
        },
    ];
    effects.extend(ctx.coordinators_room.map(|room| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(format!(
            "Match #{} ({} ↔ {}) paused by {} until {}.",
            m.id, m.mentee_name, m.mentor_name, own_name, when
        )),
    }));
    Outcome::unchanged(effects)
}

/// `resume`: ends a pause early.
pub fn resume(ctx: &Ctx<'_>) -> Outcome {
    let m = match active_match(ctx) {
        Ok(m) => m,
        Err(_) => {
            return Outcome::unchanged(vec![ctx.dm_text("You have no active match to resume.")]);
        }
    };
    let (other, other_name, own_name) = partner(ctx, m);
    let mut effects = vec![
        Effect::PauseMatch {
            match_id: m.id,
            until: None,
        },
        ctx.dm_text(format!(
            "Welcome back! Check-ins for your mentoring with {other_name} start again from the next one."
        )),
        Effect::SendDm {
            to: other,
            message: OutMessage::text(format!(
                "{own_name} has resumed your mentoring: check-ins start again from the next one."
            )),
        },
    ];
    effects.extend(ctx.coordinators_room.map(|room| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(format!(
            "Match #{} ({} ↔ {}) resumed by {}.",
            m.id, m.mentee_name, m.mentor_name, own_name
        )),
    }));
    Outcome::unchanged(effects)
}
