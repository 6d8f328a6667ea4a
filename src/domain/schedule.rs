//! Time-driven work: jobs, and the milestone plans that produce them.
//!
//! A [`NewJob`] is something that must happen at a time (a milestone nudge, later an event
//! reminder). Its key is `(kind, subject, due time)`, so scheduling the same thing twice
//! stores it once. The scheduler (`app::scheduler`) claims due jobs and hands them to a
//! runner; this module only decides *what* and *when*.
//!
//! Milestone times are computed in the pair's own time zone: each milestone falls on a
//! local calendar date counted from the match's start (days, weeks or months), at the
//! programme's local hour. Keying occurrences by local date is what makes daylight-saving
//! changes harmless: on the autumn day a repeated local hour still gives one occurrence
//! (the earlier instant), and on the spring day a missing local hour moves to the first
//! valid time after it. A time inside quiet hours moves to their end.
//!
//! To add a milestone kind: a [`MilestoneKind`] variant, its name in
//! [`MilestoneKind::parse`], and what it does in the app's milestone runner.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _,
    Timelike, Utc,
};
use serde::{Deserialize, Serialize};

use super::timezone::TimeZone;

/// Something to do at a time, not yet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub kind: String,
    /// What the job is about (`match:12`), so a subject's jobs can be found or cancelled.
    pub subject: String,
    pub due_at: DateTime<Utc>,
    /// JSON the runner reads.
    pub payload: String,
    /// The platform that carries it out (a pair's), so only a process serving it claims
    /// the job; `None`: any process.
    pub platform: Option<crate::domain::Platform>,
}

impl NewJob {
    /// The unique key: the same job scheduled twice is stored once.
    pub fn key(&self) -> String {
        let key = format!(
            "{}|{}|{}",
            self.kind,
            self.subject,
            self.due_at.timestamp_millis()
        );
        // Two milestones of one match can fall at the same instant (the midpoint's message
        // and its survey): a milestone's key also names the milestone.
        match serde_json::from_str::<MilestoneJob>(&self.payload) {
            Ok(m) if self.kind == MILESTONE_JOB => format!("{key}|{}", m.milestone),
            _ => key,
        }
    }
}

/// A stored job, claimed by a worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub key: String,
    pub kind: String,
    pub subject: String,
    pub due_at: DateTime<Utc>,
    pub payload: String,
    /// Including this one.
    pub attempts: i64,
}

/// A span of calendar time: days, weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Offset {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Offset {
    /// `3d`, `2w`, `6m`.
    pub fn parse(text: &str) -> Result<Offset, String> {
        let t = text.trim();
        let usage = format!(
            "`{t}` should be a number and a unit: d (days), w (weeks) or m (months), like 2w"
        );
        // The unit is the last character, which may be more than one byte.
        let (number, unit) = t.split_at(t.char_indices().last().map_or(0, |(i, _)| i));
        let n: u32 = number.trim().parse().map_err(|_| usage.clone())?;
        if n > 1200 {
            return Err(format!("`{t}` is too far: at most 1200 units"));
        }
        match unit {
            "d" => Ok(Offset::Days(n)),
            "w" => Ok(Offset::Weeks(n)),
            "m" => Ok(Offset::Months(n)),
            _ => Err(usage),
        }
    }

    /// `times` of this offset after `date`.
    pub fn after(self, date: NaiveDate, times: u32) -> Option<NaiveDate> {
        match self {
            // `try_`: a span too long for a duration is no date, not a panic.
            Offset::Days(n) => date.checked_add_signed(Duration::try_days(
                i64::from(n).checked_mul(i64::from(times))?,
            )?),
            Offset::Weeks(n) => date.checked_add_signed(Duration::try_weeks(
                i64::from(n).checked_mul(i64::from(times))?,
            )?),
            Offset::Months(n) => {
                date.checked_add_months(chrono::Months::new(n.checked_mul(times)?))
            }
        }
    }

    pub fn is_zero(self) -> bool {
        matches!(self, Offset::Days(0) | Offset::Weeks(0) | Offset::Months(0))
    }
}

/// What a milestone does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A message (guidance, a prompt to talk about something) in the pair room.
    RoomMessage,
    /// A DM to each member: have you met since the last check-in?
    CheckIn,
    /// The planned end: a closing message in the pair room.
    Closure,
    /// A survey sent by DM to each member (`survey` names it).
    Survey,
}

impl MilestoneKind {
    pub const NAMES: &'static [&'static str] = &["room_message", "check_in", "closure", "survey"];

    pub fn parse(name: &str) -> Option<MilestoneKind> {
        match name {
            "room_message" => Some(MilestoneKind::RoomMessage),
            "check_in" => Some(MilestoneKind::CheckIn),
            "closure" => Some(MilestoneKind::Closure),
            "survey" => Some(MilestoneKind::Survey),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: String,
    pub after: Offset,
    /// Repeats every this long until the programme ends.
    pub every: Option<Offset>,
    pub kind: MilestoneKind,
    pub text: String,
    /// The survey a survey milestone sends (or a closure milestone, with its message).
    #[serde(default)]
    pub survey: Option<String>,
    /// A room message or closure that brings back the pair's goals ("how far did you get
    /// with ...?").
    #[serde(default)]
    pub goals: bool,
    /// A room message that brings one of the programme's resources to the pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

/// A programme's rhythm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchedulePlan {
    /// Local hour (0–23) at which milestones arrive.
    pub local_hour: u32,
    /// `(from, to)`: no milestone between these local hours (wrapping past midnight).
    pub quiet_hours: Option<(u32, u32)>,
    pub milestones: Vec<Milestone>,
    /// Days without a message in the pair room before a gentle nudge there.
    pub silent_nudge_days: Option<u32>,
    /// Days without a message before the coordinators are alerted.
    pub silent_alert_days: Option<u32>,
}

impl SchedulePlan {
    pub fn is_quiet(&self, hour: u32) -> bool {
        match self.quiet_hours {
            None => false,
            Some((from, to)) if from <= to => hour >= from && hour < to,
            Some((from, to)) => hour >= from || hour < to,
        }
    }
}

/// One milestone occurrence for one match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub milestone: String,
    /// 0 for the first, 1 for the first repeat...
    pub seq: u32,
    pub due: DateTime<Utc>,
    /// The local time it falls on, for messages and tests.
    pub local: NaiveDateTime,
}

/// The payload of a milestone job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneJob {
    pub match_id: i64,
    pub milestone: String,
    pub seq: u32,
}

pub const MILESTONE_JOB: &str = "milestone";

/// Every occurrence of the plan for a match that started at `start`, in the pair's zone,
/// up to the end of a programme of `months` months (inclusive), in time order.
pub fn occurrences(
    plan: &SchedulePlan,
    start: DateTime<Utc>,
    zone: &TimeZone,
    months: u32,
) -> Vec<Occurrence> {
    let start_date = local_date(zone, start);
    let Some(end_date) = start_date.checked_add_months(chrono::Months::new(months)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for milestone in &plan.milestones {
        let Some(first) = milestone.after.after(start_date, 1) else {
            continue;
        };
        let mut seq = 0u32;
        loop {
            let date = match milestone.every {
                None if seq > 0 => break,
                None => Some(first),
                Some(every) => every.after(first, seq),
            };
            let Some(date) = date.filter(|d| *d <= end_date) else {
                break;
            };
            let (due, local) = at_local_hour(plan, zone, date);
            if due > start {
                out.push(Occurrence {
                    milestone: milestone.id.clone(),
                    seq,
                    due,
                    local,
                });
            }
            seq += 1;
            if seq > 2000 {
                break;
            }
        }
    }
    out.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.milestone.cmp(&b.milestone))
    });
    out
}

/// The jobs for a match's occurrences.
pub fn milestone_jobs(match_id: i64, occurrences: &[Occurrence]) -> Vec<NewJob> {
    occurrences
        .iter()
        .map(|o| NewJob {
            kind: MILESTONE_JOB.into(),
            subject: format!("match:{match_id}"),
            due_at: o.due,
            payload: serde_json::to_string(&MilestoneJob {
                match_id,
                milestone: o.milestone.clone(),
                seq: o.seq,
            })
            .expect("a milestone job encodes"),
            platform: None,
        })
        .collect()
}

fn local_date(zone: &TimeZone, t: DateTime<Utc>) -> NaiveDate {
    local_time(zone, t).date()
}

/// The wall-clock time in `zone` at the instant `t`.
pub fn local_time(zone: &TimeZone, t: DateTime<Utc>) -> NaiveDateTime {
    match zone {
        TimeZone::Named(tz) => t.with_timezone(tz).naive_local(),
        TimeZone::Offset(minutes) => (t + Duration::minutes(i64::from(*minutes))).naive_utc(),
    }
}

/// The instant of `date` at the plan's local hour in `zone`: on a repeated hour the
/// earlier instant, in a skipped hour the first valid minute after it, out of quiet hours.
fn at_local_hour(
    plan: &SchedulePlan,
    zone: &TimeZone,
    date: NaiveDate,
) -> (DateTime<Utc>, NaiveDateTime) {
    let mut local =
        date.and_time(NaiveTime::from_hms_opt(plan.local_hour.min(23), 0, 0).expect("valid hour"));
    if plan.is_quiet(local.hour())
        && let Some((_, to)) = plan.quiet_hours
    {
        let moved = local
            .date()
            .and_time(NaiveTime::from_hms_opt(to.min(23), 0, 0).expect("valid hour"));
        local = if moved <= local {
            moved + Duration::days(1)
        } else {
            moved
        };
    }
    resolve_local(zone, local)
}

/// The instant of a local time in `zone`, and the local time actually used: on a repeated
/// hour (autumn) the earlier instant, in a skipped hour (spring) the first valid quarter
/// hour after it.
pub fn resolve_local(zone: &TimeZone, local: NaiveDateTime) -> (DateTime<Utc>, NaiveDateTime) {
    match zone {
        TimeZone::Offset(minutes) => (
            Utc.from_utc_datetime(&(local - Duration::minutes(i64::from(*minutes)))),
            local,
        ),
        TimeZone::Named(tz) => {
            // A gap is at most a few hours; step through it a quarter-hour at a time.
            let mut probe = local;
            for _ in 0..(4 * 24) {
                match tz.from_local_datetime(&probe) {
                    LocalResult::Single(t) => return (t.with_timezone(&Utc), probe),
                    LocalResult::Ambiguous(earlier, _) => {
                        return (earlier.with_timezone(&Utc), probe);
                    }
                    LocalResult::None => probe += Duration::minutes(15),
                }
            }
            (Utc.from_utc_datetime(&local), local)
        }
    }
}

/// The weekday and date of a local time, as people read it (`Tue 12 Jan 2027, 18:00`).
pub fn describe_local(local: NaiveDateTime) -> String {
    format!(
        "{} {} {}, {:02}:{:02}",
        local.weekday(),
        local.day(),
        local.format("%b %Y"),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timezone::parse_time_zone;

    fn plan() -> SchedulePlan {
        SchedulePlan {
            local_hour: 18,
            quiet_hours: Some((21, 8)),
            milestones: vec![
                Milestone {
                    id: "intro".into(),
                    after: Offset::Weeks(1),
                    every: None,
                    kind: MilestoneKind::RoomMessage,
                    text: "Say hello".into(),
                    survey: None,
                    goals: false,
                    resource: None,
                },
                Milestone {
                    id: "check_in".into(),
                    after: Offset::Weeks(2),
                    every: Some(Offset::Weeks(2)),
                    kind: MilestoneKind::CheckIn,
                    text: "Have you met?".into(),
                    survey: None,
                    goals: false,
                    resource: None,
                },
                Milestone {
                    id: "closure".into(),
                    after: Offset::Months(6),
                    every: None,
                    kind: MilestoneKind::Closure,
                    text: "Well done".into(),
                    survey: None,
                    goals: false,
                    resource: None,
                },
            ],
            silent_nudge_days: None,
            silent_alert_days: None,
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn milestones_fall_at_the_local_hour_across_a_daylight_saving_change() {
        // London moves from GMT to BST on 28 March 2027.
        let zone = parse_time_zone("Europe/London").unwrap();
        let all = occurrences(&plan(), utc("2027-03-01T10:00:00Z"), &zone, 6);
        let check_ins: Vec<_> = all.iter().filter(|o| o.milestone == "check_in").collect();
        assert_eq!(check_ins[0].due, utc("2027-03-15T18:00:00Z"));
        assert_eq!(check_ins[1].due, utc("2027-03-29T17:00:00Z"), "18:00 BST");
        assert!(
            all.iter()
                .all(|o| o.local.hour() == 18 && o.local.minute() == 0)
        );
        let closure = all.iter().find(|o| o.milestone == "closure").unwrap();
        assert_eq!(
            closure.local.date(),
            NaiveDate::from_ymd_opt(2027, 9, 1).unwrap()
        );
        // Every two weeks for six months: 13 check-ins, the last on or before 1 September.
        assert_eq!(check_ins.len(), 13);
        assert!(all.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn a_local_hour_that_is_skipped_or_repeated_gives_one_valid_instant() {
        let zone = parse_time_zone("Europe/Berlin").unwrap();
        let mut p = plan();
        p.quiet_hours = None;
        p.local_hour = 2;
        p.milestones.truncate(1);
        p.milestones[0].after = Offset::Days(1);
        // 28 March 2027, 02:00 does not exist in Berlin: it becomes 03:00 CEST.
        let spring = occurrences(&p, utc("2027-03-27T12:00:00Z"), &zone, 1);
        assert_eq!(spring[0].due, utc("2027-03-28T01:00:00Z"));
        assert_eq!(spring[0].local.hour(), 3);
        // 31 October 2027, 02:00 happens twice: the first one, once.
        let autumn = occurrences(&p, utc("2027-10-30T12:00:00Z"), &zone, 1);
        assert_eq!(autumn.len(), 1);
        assert_eq!(autumn[0].due, utc("2027-10-31T00:00:00Z"));
    }

    #[test]
    fn a_time_in_quiet_hours_moves_to_their_end_and_offsets_work_too() {
        let mut p = plan();
        p.local_hour = 22;
        p.milestones.truncate(1);
        let zone = parse_time_zone("UTC+3").unwrap();
        let all = occurrences(&p, utc("2027-01-11T09:00:00Z"), &zone, 6);
        // 22:00 is quiet (21–08): 08:00 the next morning, local, which is 05:00 UTC.
        assert_eq!(all[0].local.hour(), 8);
        assert_eq!(all[0].due, utc("2027-01-19T05:00:00Z"));
    }

    #[test]
    fn job_keys_are_stable_and_distinct_per_occurrence() {
        let zone = parse_time_zone("Africa/Nairobi").unwrap();
        let all = occurrences(&plan(), utc("2027-01-11T09:00:00Z"), &zone, 6);
        let jobs = milestone_jobs(7, &all);
        let again = milestone_jobs(
            7,
            &occurrences(&plan(), utc("2027-01-11T09:00:00Z"), &zone, 6),
        );
        assert_eq!(jobs, again);
        let keys: std::collections::BTreeSet<String> = jobs.iter().map(NewJob::key).collect();
        assert_eq!(keys.len(), jobs.len());
        assert!(jobs[0].key().starts_with("milestone|match:7|"));
    }

    #[test]
    fn offsets_parse_with_units_and_refuse_nonsense() {
        assert_eq!(Offset::parse("2w"), Ok(Offset::Weeks(2)));
        assert_eq!(Offset::parse("6m"), Ok(Offset::Months(6)));
        assert_eq!(Offset::parse("10d"), Ok(Offset::Days(10)));
        assert!(Offset::parse("2x").is_err());
        assert!(Offset::parse("w").is_err());
        assert!(Offset::parse("-1d").is_err());
    }

    #[test]
    fn an_offset_repeated_beyond_any_date_gives_no_date_not_a_panic() {
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        assert_eq!(Offset::Days(46).after(date, 2_320_695_461), None);
        assert_eq!(Offset::Weeks(u32::MAX).after(date, u32::MAX), None);
        assert_eq!(Offset::Months(1200).after(date, u32::MAX), None);
        assert_eq!(
            Offset::Weeks(2).after(date, 3),
            NaiveDate::from_ymd_opt(2000, 2, 12)
        );
    }

    #[test]
    fn an_offset_ending_in_a_non_ascii_character_is_refused_not_a_panic() {
        for input in ["2é", "3日", "1ß", "é", "2w\u{301}"] {
            assert!(
                Offset::parse(input)
                    .unwrap_err()
                    .contains("should be a number"),
                "{input}"
            );
        }
    }
}
