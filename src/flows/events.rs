//! Group events in chat: coordinators create, list, inspect and cancel them; anyone answers
//! an invitation (RSVP) by pressing a button or reacting on the announcement, or by typing
//! `rsvp <n> yes|no|maybe`.
//!
//! - `event create title: ...; start: ...` (coordinators' room, a programme's coordinator):
//!   stores each session ([`crate::domain::events`] reads the line and works out the
//!   sessions); the app then posts the list with their numbers and schedules each
//!   session's announcement and reminders.
//! - `events`: the upcoming sessions with their answers so far.
//! - `event show <n>`: who's coming (names of yes and maybe, how many said no).
//! - `event cancel <n> [reason]`: everyone who said yes or maybe is told by DM, and the
//!   announcement room too; the reminders are dropped.
//!
//! RSVP answers are confirmed by DM (never in the shared room). A full session takes no
//! more yes; a cancelled or past one takes no answer at all.
//!
//! To add a command: a [`EventCommand`] variant, its words in [`parse`], its handling in
//! [`handle`].

use super::{Content, Ctx, Effect, OutMessage, Outcome, Subject, staff_command};
use crate::domain::events::{self, EventRecord, EventRequest, NewEvent, Rsvp};
use crate::domain::when::Reader;
use crate::domain::{RoomRef, UserRef};

#[derive(Debug, Clone, PartialEq)]
pub enum EventCommand {
    /// `event create ...`: the session asked for (its dates read when it is handled, in
    /// the writer's calendar), or what is wrong with the request (shown only to those who
    /// may create events).
    Create(Result<EventRequest, String>),
    List,
    Show(i64),
    Cancel(i64, String),
    Rsvp(i64, Rsvp),
}

impl EventCommand {
    /// The session the command is about, for the app to load.
    pub fn event(&self) -> Option<i64> {
        match self {
            EventCommand::Show(n) | EventCommand::Cancel(n, _) | EventCommand::Rsvp(n, _) => {
                Some(*n)
            }
            EventCommand::Create(_) | EventCommand::List => None,
        }
    }
}

const USAGE: &str = "Usage: event create title: <title>; start: <date and time> [zone]; ... · events · event show <n> · event cancel <n> [reason] · rsvp <n> yes|no|maybe";

/// Reads an events command (after the room prefix, or typed in a DM for `rsvp`).
pub fn parse(text: &str) -> Option<Result<EventCommand, String>> {
    let trimmed = text.trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let number = |w: Option<&&str>| {
        w.and_then(|w| w.trim_start_matches('#').parse::<i64>().ok())
            .filter(|n| *n > 0)
    };
    match first.as_str() {
        "events" if words.len() == 1 => Some(Ok(EventCommand::List)),
        "rsvp" => Some(
            match (
                number(words.get(1)),
                words.get(2).and_then(|w| Rsvp::parse(w)),
            ) {
                (Some(n), Some(answer)) if words.len() == 3 => Ok(EventCommand::Rsvp(n, answer)),
                _ => Err("Usage: rsvp <event number> yes|no|maybe".into()),
            },
        ),
        "event" => {
            let verb = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
            Some(match verb.as_str() {
                "create" => {
                    // Everything after `event create`, as typed (case kept).
                    let rest = trimmed
                        .split_once(char::is_whitespace)
                        .map(|(_, r)| r.trim_start())
                        .and_then(|r| r.split_once(char::is_whitespace))
                        .map(|(_, r)| r.trim())
                        .unwrap_or("");
                    Ok(EventCommand::Create(events::parse_create(rest)))
                }
                "show" => number(words.get(2))
                    .filter(|_| words.len() == 3)
                    .map(EventCommand::Show)
                    .ok_or_else(|| USAGE.to_string()),
                "cancel" => number(words.get(2))
                    .map(|n| EventCommand::Cancel(n, words.get(3..).unwrap_or(&[]).join(" ")))
                    .ok_or_else(|| USAGE.to_string()),
                _ => Err(USAGE.into()),
            })
        }
        _ => None,
    }
}

/// The session an RSVP button or reaction answers (`rsvp:<n>`), and the answer.
pub fn picked(content: &Content) -> Option<(i64, Option<Rsvp>)> {
    let Content::Picked {
        prompt_ref: Some(r),
        values,
    } = content
    else {
        return None;
    };
    let n = r.strip_prefix("rsvp:")?.parse().ok()?;
    Some((n, values.first().and_then(|v| Rsvp::parse(v))))
}

/// The announcement of a session, with its RSVP choices.
pub fn announcement(event: &EventRecord) -> OutMessage {
    let mut text = format!("📅 {} — {}", event.title, event.when());
    text.push_str(&format!("\n{} minutes.", event.duration_minutes));
    if let Some(c) = event.capacity {
        text.push_str(&format!(" Places: {c}."));
    }
    if !event.description.is_empty() {
        text.push_str(&format!("\n{}", event.description));
    }
    text.push_str(&format!(
        "\nWill you come? (Event #{}; or type rsvp {} yes, no or maybe.)",
        event.id, event.id
    ));
    OutMessage {
        text,
        choices: crate::domain::answer::yes_no_and("maybe", "Maybe"),
        pick: Some((1, 1)),
        prompt_ref: Some(format!("rsvp:{}", event.id)),
        at: Some(event.starts_at),
        ..Default::default()
    }
}

/// A session's answers in a line: `3 yes, 1 maybe, 2 no (30 places)`.
pub fn tally(event: &EventRecord, rsvps: &[(UserRef, Rsvp)]) -> String {
    let count = |a: Rsvp| rsvps.iter().filter(|(_, r)| *r == a).count();
    let mut s = format!(
        "{} yes, {} maybe, {} no",
        count(Rsvp::Yes),
        count(Rsvp::Maybe),
        count(Rsvp::No)
    );
    if let Some(c) = event.capacity {
        s.push_str(&format!(" ({})", places(c)));
    }
    s
}

fn places(n: u32) -> String {
    format!("{n} place{}", if n == 1 { "" } else { "s" })
}

/// An RSVP, by button, reaction or typed command.
pub fn rsvp(ctx: &Ctx<'_>, n: i64, answer: Option<Rsvp>) -> Outcome {
    let reply = |t: String| Outcome::unchanged(vec![ctx.dm_text(t)]);
    let Subject::Event(found) = ctx.subject else {
        return reply(format!("There is no event #{n}."));
    };
    let Some((event, rsvps)) = found.as_deref() else {
        return reply(format!("There is no event #{n}."));
    };
    let Some(answer) = answer else {
        return reply(format!(
            "Please answer yes, no or maybe (for example: rsvp {n} yes)."
        ));
    };
    if event.cancelled {
        return reply(format!(
            "{} ({}) was cancelled, so there is nothing to answer.",
            event.title,
            event.when()
        ));
    }
    if event.starts_at <= ctx.now {
        return reply(format!("{} has already started.", event.title));
    }
    let others_yes = rsvps
        .iter()
        .filter(|(u, r)| *r == Rsvp::Yes && u != ctx.user)
        .count();
    if answer == Rsvp::Yes
        && let Some(capacity) = event.capacity
        && others_yes >= capacity as usize
    {
        return reply(format!(
            "Sorry, {} is full ({}). Answer maybe and the coordinators will know you'd like to come.",
            event.title,
            places(capacity)
        ));
    }
    let text = match answer {
        Rsvp::Yes => format!(
            "You're going to {} — {}. I'll remind you before it starts.",
            event.title,
            event.when()
        ),
        Rsvp::Maybe => format!(
            "Noted as maybe for {} — {}. Answer yes if you decide to come.",
            event.title,
            event.when()
        ),
        Rsvp::No => format!(
            "Noted: you won't come to {}. Thanks for letting us know.",
            event.title
        ),
    };
    Outcome::unchanged(vec![
        Effect::Rsvp {
            event_id: event.id,
            user: ctx.user.clone(),
            answer,
        },
        ctx.dm_text(text),
    ])
}

/// Whether event `e` is worked from where the command was given: anywhere but in a
/// programme's own coordinators' room, where only the events announced in its programmes'
/// events rooms are (events have no programme of their own; where they are announced
/// says whose they are).
fn in_reach(ctx: &Ctx<'_>, e: &crate::domain::events::EventRecord) -> bool {
    if !ctx.programmes.iter().any(|p| p.elsewhere) {
        return true;
    }
    ctx.programmes
        .iter()
        .filter(|p| !p.elsewhere)
        .any(|p| ctx.rooms.events(Some(&p.slug), e.room.platform) == Some(&e.room))
}

/// A coordinator's events command, in a room.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: EventCommand) -> Outcome {
    if let EventCommand::Rsvp(n, answer) = command {
        return rsvp(ctx, n, Some(answer));
    }
    let post = |t: String| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(t),
    };
    let command = match staff_command(
        room,
        ctx.is_coordinators_room(room),
        Ok(command),
        "Event commands work in the coordinators' room.",
    ) {
        Ok(c) => c,
        Err(outcome) => return *outcome,
    };
    if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
        return Outcome::unchanged(vec![
            Effect::LogRefusal {
                user: ctx.user.clone(),
                action: "events".into(),
            },
            post(format!(
                "{}, only a programme's coordinators can manage events.",
                ctx.user.id
            )),
        ]);
    }
    match command {
        EventCommand::Create(spec) => create(ctx, room, spec),
        EventCommand::List => {
            let Subject::Events(list) = ctx.subject else {
                return Outcome::unchanged(vec![post("No upcoming events.".into())]);
            };
            if list.is_empty() {
                return Outcome::unchanged(vec![post(
                    "No upcoming events. Create one with: event create title: ...; start: ..."
                        .into(),
                )]);
            }
            let list: Vec<_> = list.iter().filter(|(e, _)| in_reach(ctx, e)).collect();
            if list.is_empty() {
                return Outcome::unchanged(vec![post("No upcoming events.".into())]);
            }
            let mut s = format!("Upcoming events ({}):", list.len());
            for (e, rsvps) in list {
                s.push_str(&format!(
                    "\n#{} {} — {} · {}",
                    e.id,
                    e.title,
                    e.when(),
                    tally(e, rsvps)
                ));
            }
            Outcome::unchanged(vec![post(s)])
        }
        EventCommand::Show(n) => {
            let Subject::Event(Some(found)) = ctx.subject else {
                return Outcome::unchanged(vec![post(format!("There is no event #{n}."))]);
            };
            if !in_reach(ctx, &found.0) {
                return Outcome::unchanged(vec![post(format!(
                    "Event #{n} is another programme's: its coordinators work it, in their room."
                ))]);
            }
            let (e, rsvps) = found.as_ref();
            let names = |a: Rsvp| -> String {
                let who: Vec<String> = rsvps
                    .iter()
                    .filter(|(_, r)| *r == a)
                    .map(|(u, _)| u.id.clone())
                    .collect();
                if who.is_empty() {
                    "nobody yet".into()
                } else {
                    who.join(", ")
                }
            };
            let status = if e.cancelled { " · CANCELLED" } else { "" };
            Outcome::unchanged(vec![post(format!(
                "Event #{} {} — {}{status}\nAnnounced in {}\n{}\nComing: {}\nMaybe: {}",
                e.id,
                e.title,
                e.when(),
                e.room,
                tally(e, rsvps),
                names(Rsvp::Yes),
                names(Rsvp::Maybe)
            ))])
        }
        EventCommand::Cancel(n, reason) => {
            let Subject::Event(Some(found)) = ctx.subject else {
                return Outcome::unchanged(vec![post(format!("There is no event #{n}."))]);
            };
            if !in_reach(ctx, &found.0) {
                return Outcome::unchanged(vec![post(format!(
                    "Event #{n} is another programme's: its coordinators work it, in their room."
                ))]);
            }
            let (e, rsvps) = found.as_ref();
            if e.cancelled {
                return Outcome::unchanged(vec![post(format!(
                    "Event #{n} was already cancelled."
                ))]);
            }
            if e.starts_at <= ctx.now {
                return Outcome::unchanged(vec![post(format!(
                    "Event #{n} has already started; it cannot be cancelled."
                ))]);
            }
            let reason = reason.trim();
            let because = match reason.chars().last() {
                None => String::new(),
                Some('.' | '!' | '?') => format!(" Reason: {reason}"),
                Some(_) => format!(" Reason: {reason}."),
            };
            let notice = format!(
                "Cancelled: {} — {}.{because} Sorry for the change.",
                e.title,
                e.when()
            );
            let mut effects = vec![Effect::CancelEvent {
                event_id: e.id,
                reason: reason.to_string(),
                platform: e.room.platform,
            }];
            for (user, answer) in rsvps {
                if *answer != Rsvp::No {
                    effects.push(Effect::SendDm {
                        to: user.clone(),
                        message: OutMessage::text(notice.clone()),
                    });
                }
            }
            effects.push(Effect::PostInRoom {
                room: e.room.clone(),
                message: OutMessage::text(notice),
            });
            let told = rsvps.iter().filter(|(_, a)| *a != Rsvp::No).count();
            effects.push(post(format!(
                "Event #{n} cancelled by {}; {} who said yes or maybe {} told.",
                ctx.user.id,
                if told == 1 {
                    "1 person".to_string()
                } else {
                    format!("{told} people")
                },
                if told == 1 { "was" } else { "were" }
            )));
            Outcome::unchanged(effects)
        }
        EventCommand::Rsvp(..) => unreachable!("answered above"),
    }
}

fn create(ctx: &Ctx<'_>, room: &RoomRef, request: Result<EventRequest, String>) -> Outcome {
    let post = |t: String| {
        Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(t),
        }])
    };
    // Read as the writer means it: the time zone and date order of the programmes they
    // coordinate.
    let reader = Reader::for_programmes(
        ctx.now,
        ctx.programmes.iter().filter(|p| p.is_coordinator(ctx.user)),
    );
    let spec = match request.and_then(|r| r.resolve(&reader)) {
        Ok(s) => s,
        Err(e) => return post(e),
    };
    let sessions = match events::occurrences(&spec, ctx.now) {
        Ok(s) => s,
        Err(e) => return post(e),
    };
    // A coordinator of one programme (or working in its room) announces in its events
    // room; anyone else in the deployment's.
    let mine = crate::flows::roster::coordinated(ctx);
    let programme = match mine.as_slice() {
        [only] => Some(only.slug.as_str()),
        _ => None,
    };
    let announce_in = match (&spec.room, ctx.events_room(programme)) {
        (Some(r), _) => match RoomRef::from_written(room.platform, r) {
            Ok(named) => named,
            Err(how) => {
                return post(format!(
                    "room: “{r}” is not a room I can post in. Give the room's id ({how})."
                ));
            }
        },
        (None, Some(r)) => r.clone(),
        (None, None) => {
            return post(
                "Where should it be announced? Add room: <room> (no events room is configured)."
                    .into(),
            );
        }
    };
    let events = sessions
        .into_iter()
        .map(|starts_at| NewEvent {
            title: spec.title.clone(),
            description: spec.description.clone(),
            starts_at,
            zone: spec.zone.canonical(),
            duration_minutes: spec.duration_minutes,
            room: announce_in.clone(),
            capacity: spec.capacity,
            created_by: ctx.user.clone(),
        })
        .collect();
    Outcome::unchanged(vec![Effect::StoreEvents {
        events,
        reminders: ctx.event_reminders.to_vec(),
        tell: room.clone(),
    }])
}
