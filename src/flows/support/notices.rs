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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::health::health;
    use crate::domain::matches::MatchStatus;
    use crate::domain::support::SupportPlan;
    use crate::flows::testing::{a_match, application, now, pathways, room, user};

    fn days(n: i64) -> Duration {
        Duration::days(n)
    }

    /// An active match of Amina and Ola that started at [`now`], in room `amina-ola`.
    fn pair() -> MatchRecord {
        use crate::domain::{ApplicationStatus, RoleKind};
        let amina = application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready);
        let ola = application(2, "ola", RoleKind::Mentor, ApplicationStatus::Ready);
        let mut m = a_match(7, &amina, &ola, MatchStatus::Active);
        m.room = Some("amina-ola".into());
        m.started_at = Some(now());
        m
    }

    /// The notices at `at` for `signs`, with `sent` already sent, under `plan`.
    fn due_under(
        plan: SupportPlan,
        signs: &PairSigns,
        sent: &[&str],
        at: DateTime<Utc>,
    ) -> Vec<(String, String)> {
        let mut p = pathways();
        p.support = plan;
        let m = pair();
        let coordinators = room("coordinators");
        let h = health(&m, signs, &p.support, None, at);
        let sent: Vec<String> = sent.iter().map(|s| s.to_string()).collect();
        let places = Places {
            coordinators_room: Some(&coordinators),
            prefix: "!tandem",
        };
        due(&p, &m, signs, h, &sent, places, at)
            .into_iter()
            .flat_map(|n| {
                let name = n.name.clone();
                n.effects.into_iter().map(move |e| {
                    let (to, text) = match e {
                        Effect::SendDm { to, message } => (to.id, message.text),
                        Effect::PostInRoom { room, message } => (room.id, message.text),
                        other => panic!("{other:?}"),
                    };
                    (name.clone(), format!("{to}: {text}"))
                })
            })
            .collect()
    }

    /// Only staff contacts: pairs are never at risk for their silence, nor asked.
    fn due_at(signs: &PairSigns, sent: &[&str], at: DateTime<Utc>) -> Vec<(String, String)> {
        let plan = SupportPlan {
            at_risk_quiet_days: 365,
            reengage_days: None,
            ..SupportPlan::default()
        };
        due_under(plan, signs, sent, at)
    }

    /// Only silences: no staff contacts are scheduled.
    fn quiet_at(signs: &PairSigns, sent: &[&str], at: DateTime<Utc>) -> Vec<(String, String)> {
        let plan = SupportPlan {
            contacts: vec![],
            every: None,
            ..SupportPlan::default()
        };
        due_under(plan, signs, sent, at)
    }

    fn looked_after() -> PairSigns {
        PairSigns {
            staff: Some(user("carol")),
            last_activity: Some(now()),
            met: 1,
            ..PairSigns::default()
        }
    }

    #[test]
    fn an_overdue_contact_goes_to_its_staff_member_then_a_week_later_to_the_room() {
        let signs = looked_after();
        assert!(due_at(&signs, &[], now() + days(13)).is_empty());
        let due = due_at(&signs, &[], now() + days(14));
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].0, "due-1");
        assert!(
            due[0].1.starts_with("carol: Staff check-in due: M7"),
            "{due:?}"
        );
        let later = due_at(&signs, &["due-1"], now() + days(21));
        assert_eq!(later.len(), 1, "{later:?}");
        assert_eq!(later[0].0, "escalated-1");
        assert!(
            later[0]
                .1
                .starts_with("coordinators: Overdue staff check-in: M7")
        );
        assert!(due_at(&signs, &["due-1", "escalated-1"], now() + days(22)).is_empty());
        // Logged: the next contact is the second.
        let logged = PairSigns {
            contacts: 1,
            last_contact: Some(now() + days(10)),
            ..signs
        };
        assert!(due_at(&logged, &["due-1"], now() + days(22)).is_empty());
    }

    #[test]
    fn nobody_assigned_means_the_room_is_told() {
        let signs = PairSigns {
            staff: None,
            ..looked_after()
        };
        let due = due_at(&signs, &[], now() + days(14));
        assert!(
            due[0].1.starts_with("coordinators: Staff check-in due: M7"),
            "{due:?}"
        );
    }

    #[test]
    fn a_quiet_pair_is_alerted_once_a_spell_asked_to_carry_on_then_offered_for_closure() {
        let signs = looked_after();
        let at_risk = quiet_at(&signs, &[], now() + days(21));
        assert_eq!(at_risk.len(), 1, "{at_risk:?}");
        assert!(at_risk[0].1.starts_with("carol: Match at risk: M7"));
        let spell = at_risk[0].0.clone();
        assert!(quiet_at(&signs, &[&spell], now() + days(29)).is_empty());
        let asked = quiet_at(&signs, &[&spell], now() + days(30));
        let to: Vec<&str> = asked
            .iter()
            .map(|(_, t)| t.split(':').next().unwrap())
            .collect();
        assert_eq!(to, ["amina", "ola"]);
        let name = asked[0].0.clone();
        let offered = quiet_at(&signs, &[&spell, &name], now() + days(44));
        assert_eq!(offered.len(), 1, "{offered:?}");
        assert!(
            offered[0]
                .1
                .starts_with("coordinators: Closure offered: M7")
        );
        // A message starts another spell, with its own names.
        let wrote = PairSigns {
            last_activity: Some(now() + days(40)),
            ..signs
        };
        assert!(quiet_at(&wrote, &[&spell, &name], now() + days(44)).is_empty());
        let again = quiet_at(&wrote, &[&spell, &name], now() + days(61));
        assert!(
            again[0].0 != spell && again[0].1.contains("Match at risk"),
            "{again:?}"
        );
    }

    #[test]
    fn paused_and_frozen_pairs_are_left_alone() {
        let paused = PairSigns {
            paused_until: Some(now() + days(90)),
            ..looked_after()
        };
        assert!(due_at(&paused, &[], now() + days(60)).is_empty());
        assert!(quiet_at(&paused, &[], now() + days(60)).is_empty());
    }
}
