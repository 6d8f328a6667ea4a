//! What the support sweep tells whom about one active match, decided here and sent by the
//! app (`app::scheduler::support`): an overdue staff contact (to the staff member who
//! looks after the pair, then to the coordinators' room), a match that turned at risk (to
//! its staff member, once a spell: until the pair writes again or staff are in touch), and a pair silent for long (both asked whether to carry
//! on, then the coordinators offered to close the match).
//!
//! Each [`Notice`] has a name that is the same every time the sweep finds the same thing
//! (the contact's number, the quiet spell's start), so the app sends it once: the name is
//! recorded in the step that puts its acts in the outbox (`Effect::NoteSupportNotice`),
//! which stores nothing if it was recorded before. A new notice is a name and a text
//! here.

use chrono::{DateTime, Duration, Utc};

use super::super::Effect;
use crate::chat::OutMessage;
use crate::domain::health::{Health, PairSigns, quiet_since};
use crate::domain::matches::MatchRecord;
use crate::domain::support::next_contact_due;
use crate::domain::text::days;
use crate::domain::{Programme, RoomRef, UserRef};

/// One thing to tell, once.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Stable for what it is about (`due-1`, `reengage-<ms>`): sent once by this name.
    pub name: String,
    pub effects: Vec<Effect>,
}

/// Where the sweep's notices go on the pair's platform.
#[derive(Debug, Clone, Copy)]
pub struct Places<'a> {
    pub coordinators_room: Option<&'a RoomRef>,
    pub prefix: &'a str,
}

/// The notices `m` is due at `now`, leaving out those in `sent`. `health` is the match's
/// health by the programme's policy.
pub fn due(
    programme: &Programme,
    m: &MatchRecord,
    signs: &PairSigns,
    health: Health,
    sent: &[String],
    places: Places<'_>,
    now: DateTime<Utc>,
) -> Vec<Notice> {
    // Paused and frozen pairs are left alone, as their milestones are.
    if matches!(health, Health::Paused(_) | Health::Frozen | Health::Ended) {
        return Vec::new();
    }
    let plan = &programme.support;
    let mut out = Vec::new();
    let is_new = |name: &str| !sent.iter().any(|s| s == name);
    let pair = format!(
        "{} ({} ↔ {}), {}",
        m.label(),
        m.mentee_name,
        m.mentor_name,
        programme.name
    );
    let p = places.prefix;
    let to_room = |text: String, actions: bool| {
        places.coordinators_room.map(|room| Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage {
                actions: if actions {
                    super::super::pair_actions(m.id, m.mentee_application)
                } else {
                    Vec::new()
                },
                ..OutMessage::text(text)
            },
        })
    };
    // The staff member, or the room when nobody looks after the pair.
    let to_staff = |text: String| match &signs.staff {
        Some(staff) => Some(dm(staff, text)),
        None => to_room(text, false),
    };

    if plan.schedules_contacts()
        && let Some(at) = next_contact_due(plan, m.started(), signs.contacts, signs.last_contact)
        && at <= now
    {
        let n = signs.contacts + 1;
        let name = format!("due-{n}");
        if is_new(&name)
            && let Some(effect) = to_staff(format!(
                "Staff check-in due: {pair}. Contact {n} was due by {}. When you've been in touch with them, log it in the coordinators' room: {p} checkin {} [by call] [with both]: <notes>",
                day(at),
                m.label()
            ))
        {
            out.push(notice(name, vec![effect]));
        }
        let name = format!("escalated-{n}");
        let late = now - at;
        if late >= Duration::days(i64::from(plan.escalate_after_days))
            && is_new(&name)
            && let Some(effect) = to_room(
                format!(
                    "Overdue staff check-in: {pair}. Contact {n} was due by {}, {} ago; {} looks after it. Please get in touch with them and log it ({p} checkin {} …), or hand the pair on: {p} checkin assign {} <staff member>.",
                    day(at),
                    days(late.num_days()),
                    signs.staff.as_ref().map_or("nobody", |s| s.id.as_str()),
                    m.label(),
                    m.label()
                ),
                false,
            )
        {
            out.push(notice(name, vec![effect]));
        }
    }

    // Once a spell: a spell is known by when the pair last wrote (or a pause ended) and
    // the latest staff contact, so only something new (a message, a contact) starts another.
    let spell = format!(
        "at-risk-{}-{}",
        quiet_since(m, signs, now).timestamp_millis(),
        signs.last_contact.map_or(0, |t| t.timestamp_millis())
    );
    if let Health::AtRisk(risks) = health
        && is_new(&spell)
        && let Some(effect) = to_staff(format!(
            "Match at risk: {pair}: {}. {} Please get in touch with them: {p} match show {} for the pair, {p} checkin {} … once you have.",
            risks.reasons().join("; "),
            if signs.staff.is_some() {
                "You look after this pair."
            } else {
                "Nobody looks after this pair yet."
            },
            m.label(),
            m.label()
        ))
    {
        out.push(notice(spell, vec![effect]));
    }

    if let (Some(reengage), Some(_)) = (plan.reengage_days, &m.room) {
        let since = quiet_since(m, signs, now);
        let quiet = (now - since).num_days();
        let spell = since.timestamp_millis();
        let name = format!("reengage-{spell}");
        if quiet >= i64::from(reengage) && is_new(&name) {
            let ask = |person: &UserRef, name: &str, partner: &str| {
                dm(
                    person,
                    format!(
                        "Hello {name}, it has been {quiet} days since anyone wrote in the room you share with {partner} ({}). Is everything all right? If you'd like to carry on, say hello there: even a short message helps, and suggest a time to talk. If it isn't working out, that's all right too: write close match here and tell us why, or ask the team <your question> if something is in the way.",
                        programme.name
                    ),
                )
            };
            out.push(notice(
                name,
                vec![
                    ask(&m.mentee, &m.mentee_name, &m.mentor_name),
                    ask(&m.mentor, &m.mentor_name, &m.mentee_name),
                ],
            ));
        }
        let name = format!("close-offer-{spell}");
        let offer_after = i64::from(reengage) + i64::from(plan.close_offer_days);
        if quiet >= offer_after
            && is_new(&name)
            && let Some(effect) = to_room(
                format!(
                    "Closure offered: {pair}. No message in their pair room for {quiet} days (since {}), even after both were asked {} ago whether they'd like to carry on. If it has run its course: {p} close match {} no contact. Or get in touch first: {p} checkin {} ….",
                    day(since),
                    days(quiet - i64::from(reengage)),
                    m.label(),
                    m.label()
                ),
                true,
            )
        {
            out.push(notice(name, vec![effect]));
        }
    }
    out
}

impl Notice {
    /// The step that sends it: its acts, and its record (`Effect::NoteSupportNotice`),
    /// which makes the step store nothing if it was sent before.
    pub fn into_step(self, match_id: i64) -> super::super::Outcome {
        let mut effects = self.effects;
        effects.push(Effect::NoteSupportNotice {
            match_id,
            name: self.name,
        });
        super::super::Outcome::unchanged(effects)
    }
}

fn notice(name: String, effects: Vec<Effect>) -> Notice {
    Notice { name, effects }
}

fn dm(to: &UserRef, text: String) -> Effect {
    Effect::SendDm {
        to: to.clone(),
        message: OutMessage::text(text),
    }
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y").to_string()
}
