//! Outcomes after closure (`[outcomes]` in a programme file): what becomes of participants
//! after their match ends, measured against what they said when they applied.
//!
//! A programme names one of its surveys as its *indicators* (short questions: choices,
//! yes/no, scales, numbers). The same questions are asked in the application of the roles
//! the outcomes are for (the *baseline*, added to their form by `config`), and again by DM
//! at each *follow-up* after a match closes (`follow_ups = ["3 months", ...]`), one job per
//! match and follow-up in the database scheduler ([`follow_up_jobs`], keyed so that the
//! same follow-up is scheduled and sent once). Each follow-up response is stored with its
//! own baseline beside it and the groups its match falls in ([`Groups`]: cohort, how the
//! pair was matched, how long it lasted, whether staff check-ins were kept and how many
//! meetings were logged), and, when the indicators' survey is anonymous, with nothing that
//! says whose it is. [`report`] (in `report.rs`) turns responses into the change from
//! baseline per group, showing no group smaller than the anonymity minimum; `said.rs` says
//! it in the coordinators' room.
//!
//! To add a grouping: a [`Dimension`], its key in [`Groups`] (computed in
//! [`Groups::of`]) and its stored column in `storage::outcomes`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::ids::RoleKind;
use super::matches::MatchOrigin;
use super::programme::QuestionKind;
use super::schedule::{NewJob, Offset};
use super::support::{SupportPlan, next_contact_due};

mod export;
mod report;
mod said;

pub use export::table;

pub use report::{Change, FollowUpReport, Group, IndicatorChange, OutcomeReport, Shown, report};

/// The scheduler's kind for a follow-up job.
pub const FOLLOW_UP_JOB: &str = "outcome_follow_up";

/// A follow-up more than this many days past when a match's follow-ups are scheduled (a
/// programme that turned outcomes on after its matches closed) is not sent at all.
pub const LATE_DAYS: i64 = 14;

/// A programme's outcomes, as configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    /// The survey whose questions are the indicators.
    pub survey: String,
    /// Whose outcomes are followed (default: mentees).
    pub roles: Vec<RoleKind>,
    /// When, after a match closes, each follow-up is sent.
    pub follow_ups: Vec<FollowUp>,
}

/// One follow-up: its name (`3 months`, what the report calls it) and when it falls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub label: String,
    pub after: Offset,
}

impl Outcomes {
    pub fn follow_up(&self, label: &str) -> Option<&FollowUp> {
        self.follow_ups.iter().find(|f| f.label == label)
    }
}

/// The question kinds an indicator may be: those whose change can be measured.
pub fn is_indicator_kind(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::SingleChoice { .. }
            | QuestionKind::YesNo
            | QuestionKind::Scale { .. }
            | QuestionKind::Number { .. }
            | QuestionKind::Nps
    )
}

/// Reads `3 months`, `1 month`, `6 weeks`, `10 days` (or the schedule's `3m`, `6w`,
/// `10d`) as an offset, with the label the report uses (`3 months`).
pub fn parse_follow_up(text: &str) -> Result<FollowUp, String> {
    let t = text.trim().to_lowercase();
    let mut words = t.split_whitespace();
    let after = match (words.next(), words.next(), words.next()) {
        (Some(short), None, _) => Offset::parse(short)?,
        (Some(n), Some(unit), None) => {
            let short = match unit {
                "day" | "days" => "d",
                "week" | "weeks" => "w",
                "month" | "months" => "m",
                _ => {
                    return Err(format!(
                        "`{text}` should be a number of days, weeks or months, like \"3 months\""
                    ));
                }
            };
            Offset::parse(&format!("{n}{short}"))?
        }
        _ => {
            return Err(format!(
                "`{text}` should be a number of days, weeks or months, like \"3 months\""
            ));
        }
    };
    if after.is_zero() {
        return Err(format!("`{text}` is no time after the match closes"));
    }
    let (n, unit) = match after {
        Offset::Days(n) => (n, "day"),
        Offset::Weeks(n) => (n, "week"),
        Offset::Months(n) => (n, "month"),
    };
    Ok(FollowUp {
        label: format!("{n} {unit}{}", if n == 1 { "" } else { "s" }),
        after,
    })
}

/// What a follow-up job carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpJob {
    pub match_id: i64,
    /// The follow-up's label.
    pub follow_up: String,
}

/// The follow-up jobs of a match that closed at `closed`, as scheduled at `now`: one per
/// follow-up, each due its span after the closure (same time of day); none already more
/// than [`LATE_DAYS`] past. Keyed by match and due time, so scheduling twice stores once.
pub fn follow_up_jobs(
    match_id: i64,
    closed: DateTime<Utc>,
    outcomes: &Outcomes,
    now: DateTime<Utc>,
) -> Vec<NewJob> {
    outcomes
        .follow_ups
        .iter()
        .filter_map(|f| {
            let day = f.after.after(closed.date_naive(), 1)?;
            let due = day.and_time(closed.time()).and_utc();
            (due > now - chrono::Duration::days(LATE_DAYS)).then(|| NewJob {
                kind: FOLLOW_UP_JOB.into(),
                subject: format!("match:{match_id}"),
                due_at: due,
                payload: serde_json::to_string(&FollowUpJob {
                    match_id,
                    follow_up: f.label.clone(),
                })
                .unwrap_or_default(),
                platform: None,
            })
        })
        .collect()
}

/// How a pair was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Method {
    /// A coordinator chose the mentor (`match swap`).
    Coordinator,
    /// The matching engine proposed it.
    Algorithm,
    /// The mentee chose their mentor (`request`).
    MenteeChoice,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Coordinator, Method::Algorithm, Method::MenteeChoice];

    pub fn of(origin: MatchOrigin) -> Method {
        match origin {
            MatchOrigin::Engine => Method::Algorithm,
            MatchOrigin::Request => Method::MenteeChoice,
            MatchOrigin::Coordinator => Method::Coordinator,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Coordinator => "coordinator",
            Method::Algorithm => "algorithm",
            Method::MenteeChoice => "mentee-choice",
        }
    }
}

/// How long a match lasted, from its start to its closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Length {
    UnderThreeMonths,
    ThreeToSixMonths,
    SixMonthsOrMore,
}

impl Length {
    pub const ALL: [Length; 3] = [
        Length::UnderThreeMonths,
        Length::ThreeToSixMonths,
        Length::SixMonthsOrMore,
    ];

    pub fn of(started: DateTime<Utc>, closed: DateTime<Utc>) -> Length {
        let months = super::schedule::Offset::Months(3);
        let three = months.after(started.date_naive(), 1);
        let six = months.after(started.date_naive(), 2);
        let day = closed.date_naive();
        match (three, six) {
            (Some(t), _) if day < t => Length::UnderThreeMonths,
            (_, Some(s)) if day < s => Length::ThreeToSixMonths,
            _ => Length::SixMonthsOrMore,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Length::UnderThreeMonths => "under-3-months",
            Length::ThreeToSixMonths => "3-to-6-months",
            Length::SixMonthsOrMore => "6-months-or-more",
        }
    }
}

/// Whether staff kept the pair's check-ins (the programme's support plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckIns {
    /// No contact was overdue when the match closed.
    Kept,
    /// A contact was overdue when it closed.
    Missed,
    /// The programme plans no staff check-ins.
    NotPlanned,
}

impl CheckIns {
    pub const ALL: [CheckIns; 3] = [CheckIns::Kept, CheckIns::Missed, CheckIns::NotPlanned];

    /// From the staff contacts logged (their times) between `started` and `closed`.
    pub fn of(
        plan: &SupportPlan,
        started: DateTime<Utc>,
        closed: DateTime<Utc>,
        logged: &[DateTime<Utc>],
    ) -> CheckIns {
        if !plan.schedules_contacts() {
            return CheckIns::NotPlanned;
        }
        let before: Vec<DateTime<Utc>> = logged.iter().copied().filter(|t| *t <= closed).collect();
        let last = before.iter().max().copied();
        let n = u32::try_from(before.len()).unwrap_or(u32::MAX);
        match next_contact_due(plan, started, n, last) {
            Some(due) if due < closed => CheckIns::Missed,
            _ => CheckIns::Kept,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CheckIns::Kept => "kept",
            CheckIns::Missed => "missed",
            CheckIns::NotPlanned => "not-planned",
        }
    }
}

/// How many meetings the pair logged as held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Meetings {
    None,
    OneToThree,
    FourOrMore,
}

impl Meetings {
    pub const ALL: [Meetings; 3] = [Meetings::None, Meetings::OneToThree, Meetings::FourOrMore];

    pub fn of(held: usize) -> Meetings {
        match held {
            0 => Meetings::None,
            1..=3 => Meetings::OneToThree,
            _ => Meetings::FourOrMore,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Meetings::None => "none",
            Meetings::OneToThree => "1-to-3",
            Meetings::FourOrMore => "4-or-more",
        }
    }
}

/// Reads a stored key back (`as_str`'s words).
pub fn parse_key<T: Copy>(all: &[T], name: fn(T) -> &'static str, stored: &str) -> Option<T> {
    all.iter().copied().find(|v| name(*v) == stored)
}

/// The cohort of a match: the quarter it started in (`2027 Q1`).
pub fn cohort_of(started: DateTime<Utc>) -> String {
    format!("{} Q{}", started.year(), started.month0() / 3 + 1)
}

/// The groups a closed match falls in, fixed when its first follow-up is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Groups {
    pub cohort: String,
    pub method: Method,
    pub length: Length,
    pub check_ins: CheckIns,
    pub meetings: Meetings,
}

/// What is known of a closed match for its groups.
#[derive(Debug, Clone)]
pub struct MatchFacts<'a> {
    pub origin: MatchOrigin,
    pub started: DateTime<Utc>,
    pub closed: DateTime<Utc>,
    pub plan: &'a SupportPlan,
    pub staff_contacts: Vec<DateTime<Utc>>,
    pub meetings_held: usize,
}

impl Groups {
    pub fn of(facts: &MatchFacts<'_>) -> Groups {
        Groups {
            cohort: cohort_of(facts.started),
            method: Method::of(facts.origin),
            length: Length::of(facts.started, facts.closed),
            check_ins: CheckIns::of(
                facts.plan,
                facts.started,
                facts.closed,
                &facts.staff_contacts,
            ),
            meetings: Meetings::of(facts.meetings_held),
        }
    }
}

/// One follow-up response with its baseline: the indicators' answers at application and
/// now, and the groups of the match. No person, match or time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub follow_up: String,
    pub role: RoleKind,
    pub groups: Groups,
    pub baseline: BTreeMap<String, Answer>,
    pub answers: BTreeMap<String, Answer>,
}

/// A way the report splits responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Mentees and mentors, when outcomes follow both (not otherwise shown).
    Role,
    Cohort,
    Method,
    Length,
    CheckIns,
    Meetings,
}

impl Dimension {
    /// The groupings every report shows ([`Dimension::Role`] only where two roles answered).
    pub const ALL: [Dimension; 5] = [
        Dimension::Cohort,
        Dimension::Method,
        Dimension::Length,
        Dimension::CheckIns,
        Dimension::Meetings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Role => "role",
            Dimension::Cohort => "cohort",
            Dimension::Method => "method",
            Dimension::Length => "length",
            Dimension::CheckIns => "check-ins",
            Dimension::Meetings => "meetings",
        }
    }

    /// The group a response is in, by this dimension: the cohort itself, or a key's
    /// stored word.
    pub fn key(self, record: &OutcomeRecord) -> String {
        let groups = &record.groups;
        match self {
            Dimension::Role => record.role.as_str().into(),
            Dimension::Cohort => groups.cohort.clone(),
            Dimension::Method => groups.method.as_str().into(),
            Dimension::Length => groups.length.as_str().into(),
            Dimension::CheckIns => groups.check_ins.as_str().into(),
            Dimension::Meetings => groups.meetings.as_str().into(),
        }
    }
}

#[cfg(test)]
mod tests;
