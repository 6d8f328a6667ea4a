//! Pausing a match. A participant writes `pause until 10 March` (or `resume`) in a DM; a
//! coordinator writes `pause <match> until <date>` (or `resume <match>`) in the
//! coordinators' room. The date is any the programme reads ([`crate::domain::when`]:
//! `20/03/2027`, `next Wednesday`, `in 2 weeks`; `pause for 2 weeks` too). While paused, no milestone, check-in or silent-pair nudge reaches
//! the pair; the plan carries on afterwards. Both members and the coordinators are told.
//!
//! A pause is a date, not a state to remember to undo: it ends by itself at the start of
//! that day (UTC). `resume` ends it early.
//!
//! Coordinators can also `message <match> <text>`: both members get it by DM, from "the
//! coordinators" (the first action on an alert card about a quiet or stuck pair).

use chrono::{DateTime, NaiveDate, Utc};

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::when::Reader;
use crate::domain::{RoomRef, UserRef};
use crate::i18n::Text;

/// A participant's hint, with a date in their programme's order.
fn usage(reader: &Reader) -> Text {
    Text::msg("pause-usage").arg("example", reader.example_date())
}

/// A coordinator's hint, with a date in the programme's order.
fn staff_usage(reader: &Reader) -> Text {
    Text::msg("pause-staff-usage-example").arg("example", reader.example_date())
}

/// The longest pause, in days.
const MAX_PAUSE_DAYS: i64 = 366;

/// A coordinator's pause command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PauseCommand {
    Pause(i64, String),
    Resume(i64),
    /// A coordinator's message to both members of a pair.
    Message(i64, String),
}

impl PauseCommand {
    pub fn match_id(&self) -> i64 {
        match self {
            PauseCommand::Pause(id, _)
            | PauseCommand::Resume(id)
            | PauseCommand::Message(id, _) => *id,
        }
    }
}

/// Parses `pause <n> until <date>` / `resume <n>` (a number after the verb marks the
/// coordinators' form; a participant's `pause until ...` is not one).
pub fn parse(text: &str) -> Option<Result<PauseCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let verb = words.first()?.to_lowercase();
    if verb != "pause" && verb != "resume" && verb != "message" {
        return None;
    }
    let id = match numbers::read(words.get(1)?, Numbered::Match)? {
        Ok(id) => id,
        Err(wrong) => return Some(Err(wrong)),
    };
    Some(match (verb.as_str(), &words[2..]) {
        ("resume", []) => Ok(PauseCommand::Resume(id)),
        ("pause", rest) if !rest.is_empty() => Ok(PauseCommand::Pause(id, rest.join(" "))),
        ("message", rest) if !rest.is_empty() => {
            // The words as typed, spacing and case kept.
            let text = text
                .trim()
                .splitn(3, char::is_whitespace)
                .nth(2)
                .unwrap_or_default()
                .trim()
                .to_string();
            Ok(PauseCommand::Message(id, text))
        }
        _ => Err(Text::msg("pause-staff-usage")),
    })
}

/// `until <date>` (or `for 2 weeks`), read in the writer's calendar and checked: in the
/// future and at most a year ahead.
fn parse_until(
    ctx: &Ctx<'_>,
    rest: &str,
    usage: Text,
    reader: &Reader,
) -> Result<(DateTime<Utc>, NaiveDate), Text> {
    let rest = rest.trim();
    let word = |w: &str| {
        rest.get(..w.len())
            .filter(|head| head.eq_ignore_ascii_case(w))
            .map(|_| rest[w.len()..].trim())
            .filter(|r| !r.is_empty())
    };
    let date = match (word("until "), word("for ")) {
        (Some(date), _) => reader.read_date(date),
        (_, Some(length)) => reader.read_date(&format!("in {length}")),
        _ => return Err(usage),
    }?;
    let until = date.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    if until <= ctx.now {
        return Err(Text::msg("pause-not-future")
            .arg("date", Text::date(date))
            .arg("usage", usage));
    }
    if (until - ctx.now).num_days() > MAX_PAUSE_DAYS {
        return Err(Text::msg("pause-too-long").arg("usage", usage));
    }
    Ok((until, date))
}

/// The sender's one active match; `no_match` is what to say when they have none.
fn only_active_match<'a>(ctx: &'a Ctx<'_>, no_match: &str) -> Result<&'a MatchRecord, Text> {
    let active: Vec<&MatchRecord> = ctx
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .collect();
    match active.as_slice() {
        [] => Err(Text::msg(no_match)),
        [m] => Ok(m),
        _ => Err(Text::msg("pause-several")),
    }
}

/// Who paused: a member (by name) or a coordinator.
enum By<'a> {
    Member(&'a UserRef),
    Coordinator,
}

/// The change and everyone's messages for pausing until `until` (or resuming).
fn announce(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    until: Option<NaiveDate>,
    by: By<'_>,
    staff_room: Option<&RoomRef>,
) -> Vec<Effect> {
    let mut effects = vec![Effect::PauseMatch {
        match_id: m.id,
        until: until.map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc()),
    }];
    let name_of = |u: &UserRef| {
        if *u == m.mentee {
            &m.mentee_name
        } else {
            &m.mentor_name
        }
    };
    let partner_of = |u: &UserRef| {
        if *u == m.mentee {
            &m.mentor_name
        } else {
            &m.mentee_name
        }
    };
    for person in [&m.mentee, &m.mentor] {
        let partner = partner_of(person).as_str();
        // From a coordinator, say with whom; from the partner, that is who it is.
        let text = match (&by, until) {
            (By::Member(u), Some(d)) if *u == person => Text::msg("pause-paused-self")
                .arg("partner", partner)
                .arg("date", Text::date(d)),
            (By::Member(u), None) if *u == person => {
                Text::msg("pause-resumed-self").arg("partner", partner)
            }
            (By::Member(u), Some(d)) => Text::msg("pause-paused-by")
                .arg("who", name_of(u).as_str())
                .arg("date", Text::date(d)),
            (By::Member(u), None) => Text::msg("pause-resumed-by").arg("who", name_of(u).as_str()),
            (By::Coordinator, Some(d)) => Text::msg("pause-paused-by-coordinator")
                .arg("partner", partner)
                .arg("date", Text::date(d)),
            (By::Coordinator, None) => {
                Text::msg("pause-resumed-by-coordinator").arg("partner", partner)
            }
        };
        effects.push(Effect::SendDm {
            to: person.clone(),
            message: OutMessage::said(text),
        });
    }
    let by_text = match &by {
        By::Member(u) => name_of(u).clone(),
        By::Coordinator => ctx.user.id.clone(),
    };
    let said = match until {
        Some(d) => Text::msg("pause-staff-paused").arg("date", Text::date(d)),
        None => Text::msg("pause-staff-resumed"),
    }
    .arg("m", m.id)
    .arg("mentee", &m.mentee_name)
    .arg("mentor", &m.mentor_name)
    .arg("who", by_text);
    effects.extend(staff_room.map(|room| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(said),
    }));
    effects
}

/// Holds a match until a coordinator decides (a member's background check lapsed or
/// failed, and the programme pauses a match then): paused for the longest pause there is,
/// so it never starts again by itself before someone has looked; `resume <n>`, a new
/// `pause <n> until <date>` or closing the match ends it. No milestone, check-in or nudge
/// reaches the pair meanwhile. Both members get the same words (`pause-held`), so neither
/// learns from them what happened (a mentee is never told about their mentor's background
/// check).
pub(crate) fn hold_for_coordinators(m: &MatchRecord, now: DateTime<Utc>) -> Vec<Effect> {
    let until = (now.date_naive() + chrono::Duration::days(MAX_PAUSE_DAYS))
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc();
    let mut effects = vec![Effect::PauseMatch {
        match_id: m.id,
        until: Some(until),
    }];
    effects.extend([&m.mentee, &m.mentor].map(|to| Effect::SendDm {
        to: to.clone(),
        message: OutMessage::said(Text::msg("pause-held")),
    }));
    effects
}

/// A participant's `pause <rest>`: `rest` should be `until <date>` or `for <n> weeks`.
pub fn pause(ctx: &Ctx<'_>, rest: &str) -> Outcome {
    // Read in the calendar of the programmes of their running matches.
    let reader = Reader::for_programmes(
        ctx.now,
        ctx.matches
            .iter()
            .filter(|m| m.status == MatchStatus::Active)
            .filter_map(|m| ctx.programme(&m.programme)),
    );
    let (_, date) = match parse_until(ctx, rest, usage(&reader), &reader) {
        Ok(v) => v,
        Err(e) => return Outcome::unchanged(vec![ctx.dm(OutMessage::said(e))]),
    };
    match only_active_match(ctx, "pause-no-match") {
        Ok(m) => Outcome::unchanged(announce(
            ctx,
            m,
            Some(date),
            By::Member(ctx.user),
            ctx.coordinators_room(Some(&m.programme)),
        )),
        Err(e) => Outcome::unchanged(vec![ctx.dm(OutMessage::said(e))]),
    }
}

/// A participant's `resume`.
pub fn resume(ctx: &Ctx<'_>) -> Outcome {
    match only_active_match(ctx, "resume-no-match") {
        Ok(m) => Outcome::unchanged(announce(
            ctx,
            m,
            None,
            By::Member(ctx.user),
            ctx.coordinators_room(Some(&m.programme)),
        )),
        Err(e) => Outcome::unchanged(vec![ctx.dm(OutMessage::said(e))]),
    }
}

/// A coordinator's `pause <n> until <date>` / `resume <n>` in the coordinators' room.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<PauseCommand, Text>) -> Outcome {
    let reply = |text: Text| {
        Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(text),
        }])
    };
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("pause-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let Subject::Pair(Some(m)) = ctx.subject else {
        return reply(Text::msg("pause-staff-no-match").arg("m", command.match_id()));
    };
    let coordinates = ctx
        .programmes
        .iter()
        .any(|p| p.slug == m.programme && p.is_coordinator(ctx.user));
    if !coordinates {
        return super::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-pause"),
        );
    }
    if m.status != MatchStatus::Active {
        return reply(
            Text::msg(match command {
                PauseCommand::Message(..) => "pause-not-active-message",
                _ => "pause-not-active",
            })
            .arg("match", m.said_name())
            .arg("mentee", &m.mentee_name)
            .arg("mentor", &m.mentor_name),
        );
    }
    if let PauseCommand::Message(_, text) = &command {
        let programme = ctx
            .programme(&m.programme)
            .map_or_else(|| Text::plain(m.programme.as_str()), |p| p.said_name());
        // The coordinators' words as they wrote them, in the reader's language around them.
        let note = Text::msg("pause-message-from")
            .arg("programme", programme)
            .arg("mentee", m.mentee_name.as_str())
            .arg("mentor", m.mentor_name.as_str())
            .arg("text", text.as_str());
        let mut effects: Vec<Effect> = [&m.mentee, &m.mentor]
            .into_iter()
            .map(|to| Effect::SendDm {
                to: to.clone(),
                message: OutMessage::said(note.clone()),
            })
            .collect();
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("pause-sent-both")
                    .arg("mentee", &m.mentee_name)
                    .arg("mentor", &m.mentor_name),
            ),
        });
        return Outcome::unchanged(effects);
    }
    let until = match &command {
        PauseCommand::Message(..) => None,
        PauseCommand::Resume(_) => None,
        PauseCommand::Pause(_, rest) => {
            let reader = Reader::for_programmes(ctx.now, ctx.programme(&m.programme));
            match parse_until(ctx, rest, staff_usage(&reader), &reader) {
                Ok((_, date)) => Some(date),
                Err(e) => return reply(e),
            }
        }
    };
    Outcome::unchanged(announce(ctx, m, until, By::Coordinator, Some(room)))
}
