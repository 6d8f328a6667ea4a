//! Staff support for active matches: who on the staff looks after a pair, when they are
//! due to be in touch (staff check-ins), and what a logged contact records.
//!
//! Mentoring standards ask programmes to support matches, not only nudge them: staff
//! contact with both people within the first two weeks, again within the first month, then
//! monthly. A programme's `[support]` section sets that schedule ([`SupportPlan`]); each
//! active match is assigned to one of its staff, the one with the fewest active matches
//! ([`assign`]), when both accept; [`next_contact_due`] says when the next contact is due
//! from the contacts logged so far. The thresholds of a match's health (`domain::health`)
//! live here too, as they are the programme's support policy.
//!
//! To add a way of being in touch: a [`Channel`] variant with its words in
//! [`Channel::WORDS`].

use crate::i18n::Text;
use chrono::{DateTime, Duration, TimeZone as _, Utc};
use serde::{Deserialize, Serialize};

use super::ids::UserRef;
use super::schedule::Offset;

/// A programme's support policy (`[support]` in its file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlan {
    /// Who may be assigned pairs; empty: the programme's coordinators.
    #[serde(default)]
    pub staff: Vec<UserRef>,
    /// The first staff contacts, each due within this span of the match's start.
    pub contacts: Vec<Offset>,
    /// After those, each contact is due within this span of the one before (`None`: none).
    pub every: Option<Offset>,
    /// An overdue contact is reminded to its staff member by DM when it falls due, and
    /// posted in the coordinators' room this many days later.
    pub escalate_after_days: u32,
    /// A match younger than this (days) is "too early to tell" unless a sign says more.
    pub too_early_days: u32,
    /// Days without a message in the pair room after which a match is at risk.
    pub at_risk_quiet_days: u32,
    /// Check-ins in a row that neither member answered (each asked at least
    /// [`MISSED_AFTER_DAYS`] ago) after which a match is at risk (0: never).
    pub missed_check_ins: u32,
    /// Days without a message after which both members are asked, by DM, whether they
    /// would like to carry on (`None`: never).
    pub reengage_days: Option<u32>,
    /// Days after that message, with still no word, before the coordinators are offered
    /// to close the match.
    pub close_offer_days: u32,
    /// The mentee's questions whose answers are the pair's goals, in their agreement and
    /// when a milestone brings them back (empty: the agreement lists none).
    #[serde(default)]
    pub goals: Vec<String>,
    /// How long a meeting `meet` proposes lasts, in minutes.
    #[serde(default = "default_meeting_minutes")]
    pub meeting_minutes: u32,
    /// The time a pair is expected to meet, in minutes per 30 days (`None`: not set), which
    /// the meetings they log count against.
    #[serde(default)]
    pub commitment_minutes: Option<u32>,
    /// Pair-room safety flags in 30 days, not dismissed, after which a match is at risk
    /// (0: never; set by `[safety] at_risk_flags`).
    #[serde(default = "default_at_risk_safety_flags")]
    pub at_risk_safety_flags: u32,
}

fn default_at_risk_safety_flags() -> u32 {
    3
}

fn default_meeting_minutes() -> u32 {
    60
}

/// A check-in unanswered this long counts as missed (the latest one may be a day old).
pub const MISSED_AFTER_DAYS: i64 = 3;

impl Default for SupportPlan {
    /// The MENTOR standard: within 14 days, again within the first month, then monthly.
    fn default() -> Self {
        SupportPlan {
            staff: Vec::new(),
            contacts: vec![Offset::Days(14), Offset::Months(1)],
            every: Some(Offset::Months(1)),
            escalate_after_days: 7,
            too_early_days: 14,
            at_risk_quiet_days: 21,
            missed_check_ins: 2,
            reengage_days: Some(30),
            close_offer_days: 14,
            goals: Vec::new(),
            meeting_minutes: default_meeting_minutes(),
            commitment_minutes: None,
            at_risk_safety_flags: default_at_risk_safety_flags(),
        }
    }
}

impl SupportPlan {
    /// Whether matches get a staff contact schedule at all.
    pub fn schedules_contacts(&self) -> bool {
        !self.contacts.is_empty() || self.every.is_some()
    }

    /// Those who may look after a pair on `platform`: of the plan's staff, or else of the
    /// coordinators, those on that platform (where the pair's alerts are sent and its
    /// check-ins logged).
    pub fn staff_on(&self, coordinators: &[UserRef], platform: super::Platform) -> Vec<UserRef> {
        let all = if self.staff.is_empty() {
            coordinators
        } else {
            &self.staff
        };
        all.iter()
            .filter(|s| s.platform == platform)
            .cloned()
            .collect()
    }
}

/// When the next staff contact of a match is due, given when it started and the contacts
/// logged so far (how many, and the latest): the first contacts are counted from the start
/// (one whose date the latest contact already passed is not owed any more: a late first
/// contact does not make the second overdue at once), any later one from the contact
/// before it. `None`: no more are due.
pub fn next_contact_due(
    plan: &SupportPlan,
    started: DateTime<Utc>,
    logged: u32,
    last: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let after = |offset: Offset, from: DateTime<Utc>| {
        let day = offset.after(from.date_naive(), 1)?;
        Some(Utc.from_utc_datetime(&day.and_time(from.time())))
    };
    let fixed = plan
        .contacts
        .iter()
        .skip(logged as usize)
        .filter_map(|offset| after(*offset, started))
        .find(|due| last.is_none_or(|l| *due > l));
    match fixed {
        Some(due) => Some(due),
        None => after(plan.every?, last.unwrap_or(started)),
    }
}

/// Where a match's staff contact stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactDue {
    /// Due later than [`DUE_SOON_DAYS`] from now.
    Later(DateTime<Utc>),
    /// Due within [`DUE_SOON_DAYS`].
    Soon(DateTime<Utc>),
    /// Past its time, by this many calendar days (0 on the day it fell due).
    Overdue(DateTime<Utc>, i64),
}

/// A contact due within this many days is listed by `checkins due`.
pub const DUE_SOON_DAYS: i64 = 7;

impl ContactDue {
    pub fn at(due: DateTime<Utc>, now: DateTime<Utc>) -> ContactDue {
        if due <= now {
            // Counted in calendar days: "due today" only on the day itself.
            ContactDue::Overdue(due, (now.date_naive() - due.date_naive()).num_days())
        } else if due - now <= Duration::days(DUE_SOON_DAYS) {
            ContactDue::Soon(due)
        } else {
            ContactDue::Later(due)
        }
    }

    pub fn due(self) -> DateTime<Utc> {
        match self {
            ContactDue::Later(d) | ContactDue::Soon(d) | ContactDue::Overdue(d, _) => d,
        }
    }
}

/// Whom a pair is assigned to: of `staff`, the one with the fewest active matches
/// (`load`), the first listed on a tie, so caseloads stay balanced as pairs start.
pub fn assign(staff: &[UserRef], load: impl Fn(&UserRef) -> usize) -> Option<&UserRef> {
    staff.iter().min_by_key(|s| load(s))
}

/// With whom a staff member was in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Whom {
    Both,
    Mentee,
    Mentor,
}

impl Whom {
    pub fn as_str(self) -> &'static str {
        match self {
            Whom::Both => "both",
            Whom::Mentee => "mentee",
            Whom::Mentor => "mentor",
        }
    }

    pub fn parse(word: &str) -> Option<Whom> {
        match word {
            "both" | "pair" => Some(Whom::Both),
            "mentee" => Some(Whom::Mentee),
            "mentor" => Some(Whom::Mentor),
            _ => None,
        }
    }
}

/// How a staff member was in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Chat,
    Call,
    Video,
    Meeting,
    Email,
}

impl Channel {
    /// Each channel and the words that name it (the first is how it is shown).
    pub const WORDS: [(Channel, &'static [&'static str]); 5] = [
        (Channel::Chat, &["chat", "message", "messages", "dm"]),
        (Channel::Call, &["call", "phone"]),
        (Channel::Video, &["video"]),
        (Channel::Meeting, &["meeting", "in-person", "visit"]),
        (Channel::Email, &["email", "e-mail"]),
    ];

    pub fn as_str(self) -> &'static str {
        Channel::WORDS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("chat", |(_, words)| words[0])
    }

    pub fn parse(word: &str) -> Option<Channel> {
        Channel::WORDS
            .iter()
            .find(|(_, words)| words.contains(&word))
            .map(|(c, _)| *c)
    }
}

/// The pair's goals as the mentee gave them (`answers`: their application's), one line
/// each: `Label: answer`, for each of the plan's goal questions they answered.
pub fn goals_of(programme: &super::Programme, answers: &[(String, super::Answer)]) -> Vec<Text> {
    let Some(role) = programme.role(super::RoleKind::Mentee) else {
        return Vec::new();
    };
    programme
        .support
        .goals
        .iter()
        .filter_map(|id| {
            let question = role.question(id)?;
            let (_, answer) = answers.iter().find(|(q, _)| q == id)?;
            let text = answer.display(question);
            if text.trim().is_empty() {
                return None;
            }
            let at = super::translations::question_path("mentee", id);
            // Options picked are said in the reader's language; words typed, as typed.
            let option = |value: &String| programme.translations.said_option(&at, question, value);
            let said = match answer {
                super::Answer::Choice(v) => option(v),
                super::Answer::Choices(vs) => Text::join(vs.iter().map(option).collect(), ", "),
                _ => Text::plain(text),
            };
            Some(Text::join(
                vec![
                    programme.said(&format!("{at}.label"), &question.label),
                    Text::plain(": "),
                    said,
                ],
                "",
            ))
        })
        .collect()
}

/// What a milestone with `goals = true` adds to its text: the goals the pair started with,
/// and the question of how far they got (nothing when there are none).
pub fn goals_back(programme: &super::Programme, answers: &[(String, super::Answer)]) -> Vec<Text> {
    let goals = goals_of(programme, answers);
    if goals.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Text::msg("pair-goals-back")];
    lines.extend(goals.into_iter().map(Text::bullet));
    lines.push(Text::msg("pair-goals-how-far"));
    lines
}

/// A staff contact with a pair, as logged by `checkin`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffCheckIn {
    pub match_id: i64,
    /// Who was in touch, as `platform:id`.
    pub by: String,
    pub with: Whom,
    pub how: Channel,
    /// The staff member is worried about the pair: the match is at risk until a later
    /// contact without a concern.
    pub concern: bool,
    pub notes: String,
    pub at: DateTime<Utc>,
}

/// The longest note a check-in keeps.
pub const MAX_NOTE_CHARS: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, m, d, 9, 0, 0).unwrap()
    }

    #[test]
    fn the_first_contacts_count_from_the_start_and_later_ones_from_the_last_contact() {
        let plan = SupportPlan::default();
        let start = day(11, 1);
        assert_eq!(next_contact_due(&plan, start, 0, None), Some(day(25, 1)));
        // One logged early still leaves the second due within the first month.
        assert_eq!(
            next_contact_due(&plan, start, 1, Some(day(12, 1))),
            Some(day(11, 2))
        );
        // Then monthly from the latest contact, however late it was.
        assert_eq!(
            next_contact_due(&plan, start, 2, Some(day(20, 2))),
            Some(day(20, 3))
        );
        let none = SupportPlan {
            every: None,
            ..SupportPlan::default()
        };
        assert_eq!(next_contact_due(&none, start, 2, Some(day(20, 2))), None);
        // A first contact logged after the second was due: the second is not owed any
        // more, and the next is a month after the late one.
        assert_eq!(
            next_contact_due(&plan, start, 1, Some(day(20, 2))),
            Some(day(20, 3))
        );
        assert!(
            !SupportPlan {
                contacts: vec![],
                ..none
            }
            .schedules_contacts()
        );
    }

    #[test]
    fn a_contact_is_soon_within_a_week_and_overdue_once_its_date_has_passed() {
        let due = day(25, 1);
        assert_eq!(ContactDue::at(due, day(10, 1)), ContactDue::Later(due));
        assert_eq!(ContactDue::at(due, day(20, 1)), ContactDue::Soon(due));
        assert_eq!(ContactDue::at(due, due), ContactDue::Overdue(due, 0));
        assert_eq!(ContactDue::at(due, day(28, 1)), ContactDue::Overdue(due, 3));
    }

    #[test]
    fn pairs_go_to_the_staff_member_with_the_fewest_and_the_first_listed_on_a_tie() {
        let staff = [UserRef::console("carol"), UserRef::console("dev")];
        let load = |loads: [usize; 2]| {
            move |u: &UserRef| if u.id == "carol" { loads[0] } else { loads[1] }
        };
        assert_eq!(assign(&staff, load([0, 0])).unwrap().id, "carol");
        assert_eq!(assign(&staff, load([1, 0])).unwrap().id, "dev");
        assert_eq!(assign(&staff, load([3, 4])).unwrap().id, "carol");
        assert_eq!(assign(&[], load([0, 0])), None);
    }

    #[test]
    fn channels_and_whom_read_their_words_and_show_the_first() {
        assert_eq!(Channel::parse("phone"), Some(Channel::Call));
        assert_eq!(Channel::Call.as_str(), "call");
        assert_eq!(Channel::parse("letter"), None);
        assert_eq!(Whom::parse("pair"), Some(Whom::Both));
        assert_eq!(Whom::Mentor.as_str(), "mentor");
    }
}
