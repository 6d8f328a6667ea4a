//! What the support sweep tells whom about one active match, decided here and sent by the
//! app (`app::scheduler::support`): an overdue staff contact (to the staff member who
//! looks after the pair, then to the coordinators' room), a match that turned at risk (to
//! its staff member, once a spell: until the pair writes again or staff are in touch), a
//! pair silent for long (both asked whether to carry on, then the coordinators offered to
//! close the match), and a new pair (to the staff member given it).
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
use crate::i18n::Text;

use super::day;
use crate::domain::{Programme, RoomRef, UserRef};

/// One thing to tell, once.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Stable for what it is about (`due-1-carol`, `reengage-<ms>`): sent once by each of
    /// these names (an at-risk alert has one per sign that started it).
    pub names: Vec<String>,
    pub effects: Vec<Effect>,
}

/// Days from a match's start in which the staff member given it is told.
const NEW_PAIR_DAYS: i64 = 7;

/// The notice that tells `staff` they look after a pair.
pub fn assigned_notice(staff: &UserRef) -> String {
    format!("assigned-{staff}")
}

/// Where the sweep's notices go on the pair's platform.
#[derive(Debug, Clone, Copy)]
pub struct Places<'a> {
    pub coordinators_room: Option<&'a RoomRef>,
    pub prefix: &'a str,
}

/// The notices `m` is due at `now`, leaving out those in `sent` (by name, with when each
/// was sent). `health` is the match's health by the programme's policy.
pub fn due(
    programme: &Programme,
    m: &MatchRecord,
    signs: &PairSigns,
    health: Health,
    sent: &[(String, DateTime<Utc>)],
    places: Places<'_>,
    now: DateTime<Utc>,
) -> Vec<Notice> {
    // Paused and frozen pairs are left alone, as their milestones are.
    if matches!(health, Health::Paused(_) | Health::Frozen | Health::Ended) {
        return Vec::new();
    }
    let plan = &programme.support;
    let mut out = Vec::new();
    let sent_at = |name: &str| sent.iter().find(|(s, _)| s == name).map(|(_, at)| *at);
    let is_new = |name: &str| sent_at(name).is_none();
    let pair = Text::msg("support-pair")
        .arg("match", m.label())
        .arg("mentee", &m.mentee_name)
        .arg("mentor", &m.mentor_name)
        .arg("programme", programme.said_name());
    let p = places.prefix;
    let days = |n: i64| Text::msg("days").arg("count", n);
    let to_room = |text: Text, actions: bool| {
        places.coordinators_room.map(|room| Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(text).with_said_actions(if actions {
                super::super::pair_actions(m.id, m.mentee_application)
            } else {
                Vec::new()
            }),
        })
    };
    // The staff member, or the room when nobody looks after the pair.
    let to_staff = |text: Text| match &signs.staff {
        Some(staff) => Some(dm(staff, text)),
        None => to_room(text, false),
    };
    let staff_name = signs.staff.as_ref().map(|s| s.id.as_str());
    let staff_said = staff_name.map_or(Text::msg("support-nobody"), Text::plain);

    // Whoever was given a new pair hears of it, with when they are first due to be in
    // touch. Only in the pair's first week: an upgrade does not announce every pair.
    if let Some(staff) = &signs.staff
        && now - m.started() < Duration::days(NEW_PAIR_DAYS)
    {
        let name = assigned_notice(staff);
        if is_new(&name) {
            let mut text = vec![Text::msg("support-new-pair").arg("pair", pair.clone())];
            text.extend(
                next_contact_due(plan, m.started(), signs.contacts, signs.last_contact).map(|at| {
                    Text::msg("support-new-pair-first")
                        .arg("date", day(at))
                        .arg("prefix", p)
                        .arg("match", m.label())
                }),
            );
            out.push(notice(vec![name], vec![dm(staff, Text::join(text, " "))]));
        }
    }

    if plan.schedules_contacts()
        && let Some(at) = next_contact_due(plan, m.started(), signs.contacts, signs.last_contact)
        && at <= now
    {
        let n = signs.contacts + 1;
        // Named for whoever is reminded: a pair handed on is reminded to its new staff.
        let name = format!("due-{n}-{}", staff_name.unwrap_or("nobody"));
        if is_new(&name)
            && let Some(effect) = to_staff(
                Text::msg("support-contact-due")
                    .arg("pair", pair.clone())
                    .arg("n", i64::from(n))
                    .arg("date", day(at))
                    .arg("prefix", p)
                    .arg("match", m.label()),
            )
        {
            out.push(notice(vec![name], vec![effect]));
        }
        // The room hears of it a while after the first reminder went out (not at once,
        // when the sweep finds a contact long overdue).
        let reminded = sent
            .iter()
            .filter(|(s, _)| s.starts_with(&format!("due-{n}-")))
            .map(|(_, at)| *at)
            .min();
        let name = format!("escalated-{n}");
        if reminded.is_some_and(|r| now - r >= Duration::days(i64::from(plan.escalate_after_days)))
            && is_new(&name)
            && let Some(effect) = to_room(
                Text::msg("support-contact-overdue")
                    .arg("pair", pair.clone())
                    .arg("n", i64::from(n))
                    .arg("date", day(at))
                    .arg("ago", days((now.date_naive() - at.date_naive()).num_days()))
                    .arg("staff", staff_said.clone())
                    .arg("prefix", p)
                    .arg("match", m.label()),
                false,
            )
        {
            out.push(notice(vec![name], vec![effect]));
        }
    }

    // Once a spell at risk. A silence is known by when it began; a run of unanswered
    // check-ins (while the pair still talks) by the last check-in answered before it. A
    // "We're stuck" and a concern noted at a staff check-in reach the coordinators' room
    // as they happen, so they never start a spell of their own, but are given as reasons.
    if let Health::AtRisk(risks) = health {
        let spell = if risks.quiet_days.is_some() {
            Some(format!(
                "at-risk-quiet-{}",
                quiet_since(m, signs, now).timestamp_millis()
            ))
        } else if risks.missed > 0 {
            Some(format!(
                "at-risk-missed-{}",
                signs.last_answered.map_or(-1, i64::from)
            ))
        } else {
            None
        };
        // With nobody looking after the pair, a silence alone is the room's quiet-pair
        // card already.
        let worth = signs.staff.is_some() || risks.missed > 0;
        if let Some(spell) = spell
            && worth
            && is_new(&spell)
            && let Some(effect) = to_staff(
                if signs.staff.is_some() {
                    Text::msg("support-at-risk")
                } else {
                    Text::msg("support-at-risk-nobody")
                }
                .arg("pair", pair.clone())
                .arg("reasons", Text::join(risks.said_reasons(), "; "))
                .arg("prefix", p)
                .arg("match", m.label()),
            )
        {
            out.push(notice(vec![spell], vec![effect]));
        }
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
                    Text::msg("support-reengage")
                        .arg("name", name)
                        .arg("days", days(quiet))
                        .arg("partner", partner)
                        .arg("programme", programme.said_name()),
                )
            };
            out.push(notice(
                vec![name.clone()],
                vec![
                    ask(&m.mentee, &m.mentee_name, &m.mentor_name),
                    ask(&m.mentor, &m.mentor_name, &m.mentee_name),
                ],
            ));
        }
        // Offered only once both were asked, and long enough after.
        let offer = format!("close-offer-{spell}");
        if let Some(asked) = sent_at(&name)
            && now - asked >= Duration::days(i64::from(plan.close_offer_days))
            && is_new(&offer)
            && let Some(effect) = to_room(
                Text::msg("support-close-offer")
                    .arg("pair", pair.clone())
                    .arg("days", days(quiet))
                    .arg("date", day(since))
                    .arg("prefix", p)
                    .arg("match", m.label()),
                true,
            )
        {
            out.push(notice(vec![offer], vec![effect]));
        }
    }
    out
}

impl Notice {
    /// The step that sends it: its acts, and its record (`Effect::NoteSupportNotice` for
    /// each name), which makes the step store nothing if it was sent before.
    pub fn into_step(self, match_id: i64) -> super::super::Outcome {
        let mut effects = self.effects;
        effects.extend(
            self.names
                .into_iter()
                .map(|name| Effect::NoteSupportNotice { match_id, name }),
        );
        super::super::Outcome::unchanged(effects)
    }
}

/// The step that gives `m` a staff member when nobody (any more) looks after it: matches
/// from before staff support, and those whose staff member left the programme's staff or
/// erased their data. `None`: nothing to do, or nobody on the pair's platform to give it to.
pub fn reassign(
    programme: &Programme,
    m: &MatchRecord,
    signs: &PairSigns,
) -> Option<super::super::Outcome> {
    let staff = programme
        .support
        .staff_on(&programme.coordinators, m.mentee.platform);
    if staff.is_empty() || signs.staff.as_ref().is_some_and(|s| staff.contains(s)) {
        return None;
    }
    Some(super::super::Outcome::unchanged(vec![
        Effect::AssignStaff {
            match_id: m.id,
            among: staff,
        },
    ]))
}

fn notice(names: Vec<String>, effects: Vec<Effect>) -> Notice {
    Notice { names, effects }
}

fn dm(to: &UserRef, text: Text) -> Effect {
    Effect::SendDm {
        to: to.clone(),
        message: OutMessage::said(text),
    }
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
        // Each sent a day before `at`, unless the name says when (`name@days`: that many
        // days after the start).
        let sent: Vec<(String, DateTime<Utc>)> = sent
            .iter()
            .map(|s| match s.split_once('@') {
                Some((name, d)) => (name.to_string(), now() + days(d.parse().unwrap())),
                None => (s.to_string(), at - days(1)),
            })
            .collect();
        let places = Places {
            coordinators_room: Some(&coordinators),
            prefix: "!tandem",
        };
        due(&p, &m, signs, h, &sent, places, at)
            .into_iter()
            .flat_map(|n| {
                let name = n.names.join(",");
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
    fn a_new_pair_is_announced_to_its_staff_member_once_in_its_first_week() {
        let signs = looked_after();
        let due = due_at(&signs, &[], now() + Duration::minutes(1));
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].0, "assigned-console:carol");
        assert!(
            due[0].1.starts_with("carol: You look after a new pair: M7 (Amina ↔ Ola), Pathways. Your first check-in with them is due by 29 January 2027: log it in the coordinators' room with !tandem checkin M7"),
            "{due:?}"
        );
        assert!(due_at(&signs, &["assigned-console:carol"], now() + days(1)).is_empty());
        // Handed on in the first week, the new staff member hears of it too.
        let dev = PairSigns {
            staff: Some(user("dev")),
            ..looked_after()
        };
        let due = due_at(&dev, &["assigned-console:carol"], now() + days(2));
        assert_eq!(due[0].0, "assigned-console:dev");
        // Not after the first week: an upgrade does not announce every pair.
        assert!(due_at(&signs, &[], now() + days(8)).is_empty());
    }

    #[test]
    fn an_overdue_contact_goes_to_its_staff_member_then_a_week_later_to_the_room() {
        let signs = looked_after();
        assert!(due_at(&signs, &[], now() + days(13)).is_empty());
        let due = due_at(&signs, &[], now() + days(14));
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].0, "due-1-carol");
        assert!(
            due[0].1.starts_with("carol: Staff check-in due: M7"),
            "{due:?}"
        );
        // A week after the reminder, the room.
        assert!(due_at(&signs, &["due-1-carol@14"], now() + days(20)).is_empty());
        let later = due_at(&signs, &["due-1-carol@14"], now() + days(21));
        assert_eq!(later.len(), 1, "{later:?}");
        assert_eq!(later[0].0, "escalated-1");
        assert!(
            later[0]
                .1
                .starts_with("coordinators: Overdue staff check-in: M7")
        );
        assert!(due_at(&signs, &["due-1-carol@14", "escalated-1"], now() + days(22)).is_empty());
        // Found long overdue (the first sweep after an upgrade): reminded, not escalated.
        let late = due_at(&signs, &[], now() + days(40));
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].0, "due-1-carol");
        // Handed to dev: dev is reminded too.
        let dev = PairSigns {
            staff: Some(user("dev")),
            ..signs.clone()
        };
        let due = due_at(&dev, &["due-1-carol@14"], now() + days(16));
        assert_eq!(due[0].0, "due-1-dev", "{due:?}");
        // Logged: the next contact is the second.
        let logged = PairSigns {
            contacts: 1,
            last_contact: Some(now() + days(10)),
            ..signs
        };
        assert!(due_at(&logged, &["due-1-carol"], now() + days(22)).is_empty());
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
        let asked_on = format!("{}@30", asked[0].0);
        assert!(quiet_at(&signs, &[&spell, &asked_on], now() + days(43)).is_empty());
        let offered = quiet_at(&signs, &[&spell, &asked_on], now() + days(44));
        assert_eq!(offered.len(), 1, "{offered:?}");
        assert!(
            offered[0]
                .1
                .starts_with("coordinators: Closure offered: M7")
        );
        assert!(offered[0].1.contains("even after both were asked whether"));
        // Never offered before both were asked (a sweep finding a long silence asks first).
        let first = quiet_at(&signs, &[&spell], now() + days(60));
        assert!(
            first.iter().all(|(_, t)| !t.contains("Closure offered")),
            "{first:?}"
        );
        // A message starts another spell, with its own names.
        let wrote = PairSigns {
            last_activity: Some(now() + days(40)),
            ..signs.clone()
        };
        assert!(quiet_at(&wrote, &[&spell, &asked_on], now() + days(44)).is_empty());
        let again = quiet_at(&wrote, &[&spell, &asked_on], now() + days(61));
        assert!(
            again[0].0 != spell && again[0].1.contains("Match at risk"),
            "{again:?}"
        );
        // A staff contact while the pair stays quiet starts nothing new.
        let contacted = PairSigns {
            contacts: 1,
            last_contact: Some(now() + days(25)),
            ..signs.clone()
        };
        assert!(quiet_at(&contacted, &[&spell], now() + days(26)).is_empty());
    }

    #[test]
    fn unanswered_check_ins_start_a_spell_of_their_own_and_chat_does_not_repeat_it() {
        let signs = PairSigns {
            check_ins: 3,
            missed: 2,
            last_answered: Some(0),
            ..looked_after()
        };
        let alert = quiet_at(&signs, &["assigned-console:carol"], now() + days(5));
        assert_eq!(alert.len(), 1, "{alert:?}");
        assert_eq!(alert[0].0, "at-risk-missed-0");
        assert!(alert[0].1.contains("2 check-ins in a row unanswered"));
        let chatting = PairSigns {
            last_activity: Some(now() + days(4)),
            ..signs
        };
        assert!(
            quiet_at(
                &chatting,
                &["at-risk-missed-0", "assigned-console:carol"],
                now() + days(6)
            )
            .is_empty()
        );
    }

    #[test]
    fn a_pair_nobody_looks_after_is_given_to_the_staff_on_its_platform() {
        let p = pathways();
        let m = pair();
        let nobody = PairSigns::default();
        assert!(reassign(&p, &m, &nobody).is_some());
        assert!(reassign(&p, &m, &looked_after()).is_none());
        let gone = PairSigns {
            staff: Some(user("someone-else")),
            ..PairSigns::default()
        };
        assert!(reassign(&p, &m, &gone).is_some());
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
