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

use super::{
    Content, Ctx, Effect, OutMessage, Outcome, Subject, post_said, said_in, staff_command,
};
use crate::domain::events::{self, EventRecord, EventRequest, NewEvent, Rsvp};
use crate::domain::when::Reader;
use crate::domain::{RoomRef, UserRef};
use crate::i18n::Text;

#[derive(Debug, Clone, PartialEq)]
pub enum EventCommand {
    /// `event create ...`: the session asked for (its dates read when it is handled, in
    /// the writer's calendar), or what is wrong with the request (shown only to those who
    /// may create events).
    Create(Result<EventRequest, Text>),
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

fn usage() -> Text {
    Text::msg("event-usage")
}

/// Reads an events command (after the room prefix, or typed in a DM for `rsvp`).
pub fn parse(text: &str) -> Option<Result<EventCommand, Text>> {
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
                _ => Err(Text::msg("event-rsvp-usage")),
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
                    .ok_or_else(usage),
                "cancel" => number(words.get(2))
                    .map(|n| EventCommand::Cancel(n, words.get(3..).unwrap_or(&[]).join(" ")))
                    .ok_or_else(usage),
                _ => Err(usage()),
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
    let length = match event.capacity {
        Some(c) => Text::msg("event-length-places").arg("places", i64::from(c)),
        None => Text::msg("event-length"),
    }
    .arg("minutes", i64::from(event.duration_minutes));
    let mut lines = vec![
        Text::msg("event-announcement")
            .arg("title", &event.title)
            .arg("when", event.said_when()),
        length,
    ];
    if !event.description.is_empty() {
        lines.push(Text::plain(&event.description));
    }
    lines.push(Text::msg("event-will-you-come").arg("n", event.id));
    let mut choices = crate::domain::answer::yes_no_labelled();
    choices.push(crate::domain::answer::said_choice(
        "maybe",
        Text::msg("choice-maybe"),
    ));
    OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("rsvp:{}", event.id)),
        at: Some(event.starts_at),
        ..OutMessage::said(Text::lines(lines)).with_choices(choices)
    }
}

/// A session's answers in a line: `3 yes, 1 maybe, 2 no (30 places)`.
pub fn tally(event: &EventRecord, rsvps: &[(UserRef, Rsvp)]) -> Text {
    let count = |a: Rsvp| rsvps.iter().filter(|(_, r)| *r == a).count();
    match event.capacity {
        Some(c) => Text::msg("event-tally-places").arg("places", places(c)),
        None => Text::msg("event-tally"),
    }
    .arg("yes", count(Rsvp::Yes))
    .arg("maybe", count(Rsvp::Maybe))
    .arg("no", count(Rsvp::No))
}

fn places(n: u32) -> Text {
    Text::msg("event-places").arg("count", i64::from(n))
}

/// An RSVP, by button, reaction or typed command.
pub fn rsvp(ctx: &Ctx<'_>, n: i64, answer: Option<Rsvp>) -> Outcome {
    let reply = |t: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(t))]);
    let Subject::Event(found) = ctx.subject else {
        return reply(Text::msg("event-none").arg("n", n));
    };
    let Some((event, rsvps)) = found.as_deref() else {
        return reply(Text::msg("event-none").arg("n", n));
    };
    let Some(answer) = answer else {
        return reply(Text::msg("event-rsvp-how").arg("n", n));
    };
    let said = |id: &str| {
        Text::msg(id)
            .arg("title", &event.title)
            .arg("when", event.said_when())
    };
    if event.cancelled {
        return reply(said("event-was-cancelled"));
    }
    if event.starts_at <= ctx.now {
        return reply(said("event-started"));
    }
    let others_yes = rsvps
        .iter()
        .filter(|(u, r)| *r == Rsvp::Yes && u != ctx.user)
        .count();
    if answer == Rsvp::Yes
        && let Some(capacity) = event.capacity
        && others_yes >= capacity as usize
    {
        return reply(said("event-full").arg("places", places(capacity)));
    }
    let text = said(match answer {
        Rsvp::Yes => "event-going",
        Rsvp::Maybe => "event-maybe",
        Rsvp::No => "event-not-going",
    });
    Outcome::unchanged(vec![
        Effect::Rsvp {
            event_id: event.id,
            user: ctx.user.clone(),
            answer,
        },
        ctx.dm(OutMessage::said(text)),
    ])
}

/// Whether event `e` is worked from where the command was given: anywhere but in a
/// programme's own coordinators' room, where only the events announced in its programmes'
/// events rooms are (events have no programme of their own; where they are announced
/// says whose they are).
pub(crate) fn in_reach(ctx: &Ctx<'_>, e: &crate::domain::events::EventRecord) -> bool {
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
    let post = |t: Text| said_in(room, t);
    let command = match staff_command(
        room,
        ctx.is_coordinators_room(room),
        Ok::<_, Text>(command),
        Text::msg("event-staff-room"),
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
            post(Text::msg("event-only-coordinators").arg("who", &ctx.user.id)),
        ]);
    }
    match command {
        EventCommand::Create(spec) => create(ctx, room, spec),
        EventCommand::List => {
            let Subject::Events(list) = ctx.subject else {
                return Outcome::unchanged(vec![post(Text::msg("event-none-upcoming"))]);
            };
            if list.is_empty() {
                return Outcome::unchanged(vec![post(Text::msg("event-none-create"))]);
            }
            let list: Vec<_> = list.iter().filter(|(e, _)| in_reach(ctx, e)).collect();
            if list.is_empty() {
                return Outcome::unchanged(vec![post(Text::msg("event-none-upcoming"))]);
            }
            let mut lines = vec![Text::msg("event-upcoming").arg("count", list.len())];
            lines.extend(list.iter().map(|(e, rsvps)| {
                Text::msg("event-line")
                    .arg("n", e.id)
                    .arg("title", &e.title)
                    .arg("when", e.said_when())
                    .arg("tally", tally(e, rsvps))
            }));
            Outcome::unchanged(vec![post(Text::lines(lines))])
        }
        EventCommand::Show(n) => {
            let Subject::Event(Some(found)) = ctx.subject else {
                return Outcome::unchanged(vec![post(Text::msg("event-none").arg("n", n))]);
            };
            if !in_reach(ctx, &found.0) {
                return Outcome::unchanged(vec![post(
                    Text::msg("event-other-programme").arg("n", n),
                )]);
            }
            let (e, rsvps) = found.as_ref();
            let names = |a: Rsvp| -> Text {
                let who: Vec<String> = rsvps
                    .iter()
                    .filter(|(_, r)| *r == a)
                    .map(|(u, _)| u.id.clone())
                    .collect();
                if who.is_empty() {
                    Text::msg("event-nobody-yet")
                } else {
                    Text::plain(who.join(", "))
                }
            };
            let id = if e.cancelled {
                "event-show-cancelled"
            } else {
                "event-show"
            };
            Outcome::unchanged(vec![post(
                Text::msg(id)
                    .arg("n", e.id)
                    .arg("title", &e.title)
                    .arg("when", e.said_when())
                    .arg("room", e.room.to_string())
                    .arg("tally", tally(e, rsvps))
                    .arg("yes", names(Rsvp::Yes))
                    .arg("maybe", names(Rsvp::Maybe)),
            )])
        }
        EventCommand::Cancel(n, reason) => {
            let Subject::Event(Some(found)) = ctx.subject else {
                return Outcome::unchanged(vec![post(Text::msg("event-none").arg("n", n))]);
            };
            if !in_reach(ctx, &found.0) {
                return Outcome::unchanged(vec![post(
                    Text::msg("event-other-programme").arg("n", n),
                )]);
            }
            let (e, rsvps) = found.as_ref();
            if e.cancelled {
                return Outcome::unchanged(vec![post(
                    Text::msg("event-already-cancelled").arg("n", n),
                )]);
            }
            if e.starts_at <= ctx.now {
                return Outcome::unchanged(vec![post(
                    Text::msg("event-already-begun").arg("n", n),
                )]);
            }
            let reason = reason.trim();
            let notice = match reason.chars().last() {
                None => Text::msg("event-cancelled-notice"),
                Some(last) => Text::msg("event-cancelled-notice-reason").arg(
                    "reason",
                    if ".!?".contains(last) {
                        reason.to_string()
                    } else {
                        format!("{reason}.")
                    },
                ),
            }
            .arg("title", &e.title)
            .arg("when", e.said_when());
            let mut effects = vec![Effect::CancelEvent {
                event_id: e.id,
                reason: reason.to_string(),
                platform: e.room.platform,
            }];
            for (user, answer) in rsvps {
                if *answer != Rsvp::No {
                    effects.push(Effect::SendDm {
                        to: user.clone(),
                        message: OutMessage::said(notice.clone()),
                    });
                }
            }
            effects.push(Effect::PostInRoom {
                room: e.room.clone(),
                message: OutMessage::said(notice),
            });
            let told = rsvps.iter().filter(|(_, a)| *a != Rsvp::No).count();
            effects.push(post(
                Text::msg("event-cancelled-by")
                    .arg("n", n)
                    .arg("who", &ctx.user.id)
                    .arg("told", told),
            ));
            Outcome::unchanged(effects)
        }
        EventCommand::Rsvp(..) => unreachable!("answered above"),
    }
}

fn create(ctx: &Ctx<'_>, room: &RoomRef, request: Result<EventRequest, Text>) -> Outcome {
    let post = |t: Text| post_said(room, t);
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
                return post(
                    Text::msg("event-room-unusable")
                        .arg("room", r.as_str())
                        .arg("how", how),
                );
            }
        },
        (None, Some(r)) => r.clone(),
        (None, None) => {
            return post(Text::msg("event-where"));
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
