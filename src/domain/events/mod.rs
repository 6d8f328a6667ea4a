//! Group events: workshops and socials that coordinators announce and people RSVP to.
//!
//! A coordinator writes one line, `event create title: Career night; start: 2027-02-03
//! 18:00 Europe/London; length: 90m; capacity: 30; repeat: 0 18 * * WED until 2027-06-30`,
//! which [`parse_create`] reads into an [`EventSpec`]. [`occurrences`] turns it into the
//! instants of each session: one, or every time a five-field cron rule fires from the start
//! until its end date. Each session is stored as its own event (with its series), so
//! RSVPs, reminders and cancellations are per session.
//!
//! Times are local to the event's zone. The rule is evaluated here, date by date, rather
//! than by a cron library: occurrences are keyed by local date (an autumn daylight-saving
//! day gives one session, not two; a spring one moves a skipped time to the first valid
//! minute), weekdays are numbered the familiar way (0 or 7 = Sunday) or named, and a rule
//! that never fires, or fires more than once a day, is refused with a reason.
//!
//! To extend: a new key in [`parse_create`]; a new cron feature in [`Cron::parse`].

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::schedule::{describe_local, local_time, resolve_local};
use super::timezone::{TimeZone, parse_time_zone};

/// The most sessions one `event create` may make.
pub const MAX_SESSIONS: usize = 100;
/// The furthest a series may run.
const MAX_SERIES_DAYS: i64 = 2 * 366;
/// Sessions are announced (with RSVP) this long before they start, or at once if sooner.
pub const ANNOUNCE_BEFORE_DAYS: i64 = 7;

/// What `event create` asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSpec {
    pub title: String,
    pub description: String,
    pub start: NaiveDateTime,
    pub zone: TimeZone,
    pub duration_minutes: u32,
    /// Where to announce it, as written (a room id on the sender's platform).
    pub room: Option<String>,
    pub capacity: Option<u32>,
    pub repeat: Option<(Cron, NaiveDate)>,
}

const USAGE: &str = "Usage: event create title: <title>; start: <YYYY-MM-DD HH:MM> <time zone>; length: <90m or 2h>; [room: <room>]; [capacity: <n>]; [repeat: <minute hour day month weekday> until <YYYY-MM-DD>]; [description: <text>]";

/// Reads the part after `event create`.
pub fn parse_create(text: &str) -> Result<EventSpec, String> {
    let mut title = None;
    let mut description = String::new();
    let mut start = None;
    let mut duration = None;
    let mut room = None;
    let mut capacity = None;
    let mut repeat = None;
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once(':') else {
            return Err(format!("“{part}” has no key: write key: value. {USAGE}"));
        };
        let value = value.trim();
        match key.trim().to_lowercase().as_str() {
            "title" if value.is_empty() => return Err(format!("Give the event a title. {USAGE}")),
            "title" => title = Some(value.chars().take(100).collect()),
            "description" => description = value.chars().take(1000).collect(),
            "start" => start = Some(parse_start(value)?),
            "length" | "duration" => duration = Some(parse_length(value)?),
            "room" | "channel" if value.is_empty() => {
                return Err(
                    "room: say which room, or leave the key out for the events room".into(),
                );
            }
            "room" | "channel" => room = Some(value.to_string()),
            "capacity" => {
                capacity = Some(
                    value
                        .parse::<u32>()
                        .ok()
                        .filter(|n| (1..=10_000).contains(n))
                        .ok_or("capacity: a whole number of people, from 1 to 10000")?,
                )
            }
            "repeat" => repeat = Some(parse_repeat(value)?),
            other => return Err(format!("I don't know the key “{other}”. {USAGE}")),
        }
    }
    let title: String = title.ok_or(format!("Give the event a title. {USAGE}"))?;
    let (start, zone) = start.ok_or(format!("Say when it starts. {USAGE}"))?;
    Ok(EventSpec {
        title,
        description,
        start,
        zone,
        duration_minutes: duration.unwrap_or(60),
        room,
        capacity,
        repeat,
    })
}

/// `2027-02-03 18:00 Europe/London`
fn parse_start(value: &str) -> Result<(NaiveDateTime, TimeZone), String> {
    let mut words = value.split_whitespace();
    let (Some(date), Some(time)) = (words.next(), words.next()) else {
        return Err(
            "start: a date, a time and a time zone, e.g. 2027-02-03 18:00 Europe/London".into(),
        );
    };
    // Years of four digits only: a start at the ends of the calendar (`+262142-12-31`)
    // leaves no room to turn its local time into UTC or to step through a series.
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()))
        .ok_or_else(|| format!("start: “{date}” is not a date like 2027-02-03"))?;
    let time = NaiveTime::parse_from_str(time, "%H:%M")
        .map_err(|_| format!("start: “{time}” is not a time like 18:00"))?;
    let zone_text: Vec<&str> = words.collect();
    if zone_text.is_empty() {
        return Err("start: add the time zone, e.g. 2027-02-03 18:00 Europe/London".into());
    }
    let zone = parse_time_zone(&zone_text.join(" ")).map_err(|e| format!("start: {e}"))?;
    Ok((date.and_time(time), zone))
}

/// `90m`, `2h`, `1h30`
fn parse_length(value: &str) -> Result<u32, String> {
    let v = value.trim().to_lowercase().replace(' ', "");
    let minutes: Option<u32> = match v.split_once('h') {
        Some((h, m)) => {
            let h = h.parse::<u32>().ok();
            let m = if m.is_empty() {
                Some(0)
            } else {
                m.trim_end_matches('m').parse::<u32>().ok()
            };
            h.zip(m)
                .and_then(|(h, m)| h.checked_mul(60)?.checked_add(m))
        }
        None => v.trim_end_matches("min").trim_end_matches('m').parse().ok(),
    };
    minutes
        .filter(|m| (5..=24 * 60).contains(m))
        .ok_or_else(|| {
            format!("length: “{value}” should be like 90m or 2h (5 minutes to 24 hours)")
        })
}

/// `0 18 * * WED until 2027-06-30`
fn parse_repeat(value: &str) -> Result<(Cron, NaiveDate), String> {
    // ASCII lowercase keeps byte offsets, so `at` is valid in `value` too.
    let Some(at) = value.to_ascii_lowercase().rfind(" until ") else {
        return Err("repeat: a rule and an end date, e.g. 0 18 * * WED until 2027-06-30".into());
    };
    let (rule, until) = (&value[..at], &value[at + " until ".len()..]);
    let until = NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d")
        .map_err(|_| format!("repeat: “{}” is not a date like 2027-06-30", until.trim()))?;
    Ok((Cron::parse(rule)?, until))
}

/// A five-field cron rule: minute, hour, day of month, month, day of week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    pub text: String,
    minutes: u64,
    hours: u32,
    days: u32,
    months: u16,
    weekdays: u8,
    any_day: bool,
    any_weekday: bool,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

impl Cron {
    /// Parses `minute hour day month weekday`, each `*`, a number or name, a range `a-b`,
    /// a list `a,b`, or a step `*/n` / `a-b/n`. Weekdays: 0 or 7 is Sunday, or `MON`.
    pub fn parse(text: &str) -> Result<Cron, String> {
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.len() != 5 {
            return Err(format!(
                "repeat: “{text}” should have five fields: minute hour day month weekday (e.g. 0 18 * * WED)"
            ));
        }
        let minutes = field(fields[0], 0, 59, &[], "minute")?;
        let hours = field(fields[1], 0, 23, &[], "hour")?;
        let days = field(fields[2], 1, 31, &[], "day of the month")?;
        let months = field(fields[3], 1, 12, &MONTHS, "month")?;
        let mut weekdays = field(fields[4], 0, 7, &WEEKDAYS, "weekday")?;
        if weekdays & (1 << 7) != 0 {
            weekdays |= 1;
        }
        Ok(Cron {
            text: fields.join(" "),
            minutes,
            hours: hours as u32,
            days: days as u32,
            months: months as u16,
            weekdays: (weekdays & 0x7f) as u8,
            // As in cron, a field that starts with `*` (`*/2` too) leaves the other free.
            any_day: fields[2].starts_with('*'),
            any_weekday: fields[4].starts_with('*'),
        })
    }

    /// The local times the rule fires on `date`.
    pub fn times_on(&self, date: NaiveDate) -> Vec<NaiveTime> {
        if self.months & (1 << date.month()) == 0 {
            return vec![];
        }
        let day = self.days & (1 << date.day()) != 0;
        let weekday = self.weekdays & (1 << date.weekday().num_days_from_sunday()) != 0;
        // As in cron: with both restricted, either matches; when one starts with `*`
        // (`*/2` too), both must (a plain `*` matches every day).
        let matches = if self.any_day || self.any_weekday {
            day && weekday
        } else {
            day || weekday
        };
        if !matches {
            return vec![];
        }
        let mut times = Vec::new();
        for h in 0..24 {
            if self.hours & (1 << h) == 0 {
                continue;
            }
            for m in 0..60 {
                if self.minutes & (1 << m) != 0 {
                    times.push(NaiveTime::from_hms_opt(h, m, 0).expect("valid time"));
                }
            }
        }
        times
    }
}

/// One field as a bit set of the allowed values.
fn field(text: &str, min: u32, max: u32, names: &[&str], what: &str) -> Result<u64, String> {
    let bad = |why: &str| format!("repeat: the {what} field “{text}” {why}");
    let value = |t: &str| -> Result<u32, String> {
        let lower = t.to_lowercase();
        if let Some(i) = names.iter().position(|n| *n == lower) {
            // Months are named from 1, weekdays from 0.
            return Ok(i as u32 + min);
        }
        t.parse::<u32>()
            .ok()
            .filter(|v| (min..=max).contains(v))
            .ok_or_else(|| bad(&format!("has “{t}”: use {min} to {max}")))
    };
    let mut bits = 0u64;
    for item in text.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => (
                r,
                s.parse::<u32>()
                    .ok()
                    .filter(|s| (1..=max.max(1)).contains(s))
                    .ok_or_else(|| bad(&format!("has a step that is not from 1 to {max}")))?,
            ),
            None => (item, 1),
        };
        let (from, to) = if range == "*" {
            (min, max)
        } else if let Some((a, b)) = range.split_once('-') {
            // `FRI-SUN`: Sunday at the end of a range is the 7 that ends the week.
            let end = if max == 7 && b.eq_ignore_ascii_case("sun") {
                7
            } else {
                value(b)?
            };
            (value(a)?, end)
        } else {
            let v = value(range)?;
            (v, if step > 1 { max } else { v })
        };
        if from > to {
            return Err(bad("has a range that ends before it starts"));
        }
        let mut v = from;
        while v <= to {
            bits |= 1 << v;
            v += step;
        }
    }
    Ok(bits)
}

/// The sessions of an event, as instants: the start alone, or every time the rule fires
/// from the start until the end date (inclusive). Refused: a start in the past, an end
/// before the start, a rule that never fires or fires more than once a day, too many.
pub fn occurrences(spec: &EventSpec, now: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>, String> {
    let (first, _) = resolve_local(&spec.zone, spec.start);
    if first <= now {
        return Err(format!(
            "{} is in the past. Please give a future start.",
            describe(first, &spec.zone)
        ));
    }
    let Some((rule, until)) = &spec.repeat else {
        return Ok(vec![first]);
    };
    let start_date = spec.start.date();
    if *until < start_date {
        return Err(format!(
            "The series would end ({until}) before it starts ({start_date})."
        ));
    }
    if (*until - start_date).num_days() > MAX_SERIES_DAYS {
        return Err("A series can run for at most two years; choose an earlier end date.".into());
    }
    let mut sessions = Vec::new();
    let mut date = start_date;
    while date <= *until {
        let times = rule.times_on(date);
        if times.len() > 1 {
            return Err(format!(
                "The rule “{}” fires {} times on {date}: group events repeat at most once a day.",
                rule.text,
                times.len()
            ));
        }
        for time in times {
            let local = date.and_time(time);
            if local < spec.start {
                continue;
            }
            // Keyed by local date: one session per day, whatever the clocks do.
            let (at, _) = resolve_local(&spec.zone, local);
            sessions.push(at);
        }
        if sessions.len() > MAX_SESSIONS {
            return Err(format!(
                "That makes more than {MAX_SESSIONS} sessions; choose an earlier end date."
            ));
        }
        date += Duration::days(1);
    }
    if sessions.is_empty() {
        return Err(format!(
            "The rule “{}” never fires between {start_date} and {until}.",
            rule.text
        ));
    }
    Ok(sessions)
}

/// `Wed 3 Feb 2027, 18:00 Europe/London (18:00 UTC)`
pub fn describe(at: DateTime<Utc>, zone: &TimeZone) -> String {
    let local = local_time(zone, at);
    let utc = at.naive_utc();
    if zone.canonical() == "UTC" {
        return format!("{} UTC", describe_local(local));
    }
    format!(
        "{} {} ({:02}:{:02} UTC)",
        describe_local(local),
        zone.canonical(),
        utc.hour(),
        utc.minute()
    )
}

/// An answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rsvp {
    Yes,
    No,
    Maybe,
}

impl Rsvp {
    pub fn as_str(self) -> &'static str {
        match self {
            Rsvp::Yes => "yes",
            Rsvp::No => "no",
            Rsvp::Maybe => "maybe",
        }
    }

    pub fn parse(text: &str) -> Option<Rsvp> {
        match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "going" | "1" => Some(Rsvp::Yes),
            "no" | "n" | "not going" | "2" => Some(Rsvp::No),
            "maybe" | "m" | "3" => Some(Rsvp::Maybe),
            _ => None,
        }
    }
}

/// An event session as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub id: i64,
    /// The first session's id, for every session of a series.
    pub series: Option<i64>,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub zone: String,
    pub duration_minutes: u32,
    pub room: super::RoomRef,
    pub capacity: Option<u32>,
    pub cancelled: bool,
    pub created_by: super::UserRef,
    /// The platform's own copy (a Discord scheduled event's id), if one was made.
    pub external_id: Option<String>,
}

impl EventRecord {
    pub fn zone(&self) -> TimeZone {
        parse_time_zone(&self.zone).unwrap_or(TimeZone::Offset(0))
    }

    pub fn when(&self) -> String {
        describe(self.starts_at, &self.zone())
    }
}

/// A session about to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub zone: String,
    pub duration_minutes: u32,
    pub room: super::RoomRef,
    pub capacity: Option<u32>,
    pub created_by: super::UserRef,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_create_line_is_read_key_by_key() {
        let spec = parse_create(
            "title: Career night; start: 2027-02-03 18:00 Europe/London; length: 1h30; capacity: 30; repeat: 0 18 * * WED until 2027-03-03; description: Bring questions",
        )
        .unwrap();
        assert_eq!(spec.title, "Career night");
        assert_eq!(spec.duration_minutes, 90);
        assert_eq!(spec.capacity, Some(30));
        assert_eq!(spec.zone.canonical(), "Europe/London");
        assert_eq!(spec.repeat.as_ref().unwrap().0.text, "0 18 * * WED");
        for (line, needle) in [
            ("start: 2027-02-03 18:00 Europe/London", "title"),
            ("title: X", "starts"),
            ("title: X; start: 2027-02-03 18:00 Mars/Olympus", "start:"),
            ("title: X; start: 2027-02-30 18:00 UTC", "not a date"),
            (
                "title: X; start: 2027-02-03 18:00 UTC; length: forever",
                "length",
            ),
            (
                "title: X; start: 2027-02-03 18:00 UTC; colour: red",
                "colour",
            ),
            (
                "title: X; start: 2027-02-03 18:00 UTC; capacity: 0",
                "capacity",
            ),
            (
                "title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 * * until 2027-03-01",
                "five fields",
            ),
            (
                "title: X; start: 2027-02-03 18:00 UTC; repeat: 0 25 * * * until 2027-03-01",
                "hour",
            ),
        ] {
            let e = parse_create(line).unwrap_err();
            assert!(e.contains(needle), "{line}: {e}");
        }
    }

    #[test]
    fn weekdays_count_from_sunday_as_zero_or_seven_or_by_name() {
        let wed = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
        let sun = NaiveDate::from_ymd_opt(2027, 2, 7).unwrap();
        for rule in ["0 18 * * 3", "0 18 * * WED", "0 18 * * wed"] {
            assert_eq!(Cron::parse(rule).unwrap().times_on(wed).len(), 1, "{rule}");
        }
        for rule in ["0 18 * * 0", "0 18 * * 7", "0 18 * * SUN", "0 18 * * 6-7"] {
            assert_eq!(Cron::parse(rule).unwrap().times_on(sun).len(), 1, "{rule}");
            assert!(
                Cron::parse(rule).unwrap().times_on(wed).is_empty(),
                "{rule}"
            );
        }
        let every_other_hour = Cron::parse("30 */2 1 JAN-MAR *").unwrap();
        let jan1 = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(every_other_hour.times_on(jan1).len(), 12);
    }

    fn spec(start: &str, zone: &str, repeat: Option<(&str, &str)>) -> EventSpec {
        EventSpec {
            title: "Social".into(),
            description: String::new(),
            start: NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M").unwrap(),
            zone: parse_time_zone(zone).unwrap(),
            duration_minutes: 60,
            room: None,
            capacity: None,
            repeat: repeat.map(|(r, u)| {
                (
                    Cron::parse(r).unwrap(),
                    NaiveDate::parse_from_str(u, "%Y-%m-%d").unwrap(),
                )
            }),
        }
    }

    #[test]
    fn a_weekly_series_keeps_its_local_time_across_daylight_saving() {
        let now = utc("2027-03-01T00:00:00Z");
        let s = spec(
            "2027-03-21 18:00",
            "Europe/London",
            Some(("0 18 * * SUN", "2027-04-04")),
        );
        let sessions = occurrences(&s, now).unwrap();
        let london: Vec<String> = sessions.iter().map(|t| describe(*t, &s.zone)).collect();
        assert_eq!(
            london,
            [
                "Sun 21 Mar 2027, 18:00 Europe/London (18:00 UTC)",
                "Sun 28 Mar 2027, 18:00 Europe/London (17:00 UTC)",
                "Sun 4 Apr 2027, 18:00 Europe/London (17:00 UTC)",
            ]
        );
        assert_eq!(
            sessions[0],
            chrono::Utc.with_ymd_and_hms(2027, 3, 21, 18, 0, 0).unwrap()
        );
    }

    #[test]
    fn on_the_autumn_change_a_repeated_time_is_one_session_and_a_skipped_one_moves_on() {
        let now = utc("2027-03-01T00:00:00Z");
        // 01:30 happens twice in London on 31 Oct 2027: one session, the earlier instant.
        let s = spec(
            "2027-10-31 01:30",
            "Europe/London",
            Some(("30 1 * * *", "2027-10-31")),
        );
        assert_eq!(occurrences(&s, now).unwrap(), [utc("2027-10-31T00:30:00Z")]);
        // 01:30 does not exist on 28 Mar 2027: the session is at 02:00 BST.
        let s = spec(
            "2027-03-28 01:30",
            "Europe/London",
            Some(("30 1 * * *", "2027-03-28")),
        );
        assert_eq!(occurrences(&s, now).unwrap(), [utc("2027-03-28T01:00:00Z")]);
    }

    #[test]
    fn rules_that_never_fire_or_fire_too_often_and_bad_dates_are_refused_with_a_reason() {
        let now = utc("2027-01-01T00:00:00Z");
        let cases = [
            (
                spec(
                    "2027-02-03 18:00",
                    "UTC",
                    Some(("0 18 31 2 *", "2027-12-31")),
                ),
                "never fires",
            ),
            (
                spec("2027-02-03 18:00", "UTC", Some(("* * * * *", "2027-02-10"))),
                "at most once a day",
            ),
            (
                spec(
                    "2027-02-03 18:00",
                    "UTC",
                    Some(("0 18 * * *", "2027-02-01")),
                ),
                "before it starts",
            ),
            (
                spec(
                    "2027-02-03 18:00",
                    "UTC",
                    Some(("0 18 * * *", "2027-12-31")),
                ),
                "more than 100",
            ),
            (spec("2026-12-03 18:00", "UTC", None), "in the past"),
        ];
        for (s, needle) in cases {
            let e = occurrences(&s, now).unwrap_err();
            assert!(e.contains(needle), "{e}");
        }
        let one = spec("2027-02-03 18:00", "UTC", None);
        assert_eq!(occurrences(&one, now).unwrap().len(), 1);
    }

    #[test]
    fn a_day_field_with_a_star_step_combines_with_the_weekday_and_sunday_can_end_a_range() {
        // Odd days that are Mondays, as in cron: `*/2` counts as a star.
        let rule = Cron::parse("0 18 */2 * MON").unwrap();
        let odd_monday = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let even_monday = NaiveDate::from_ymd_opt(2027, 2, 8).unwrap();
        let odd_tuesday = NaiveDate::from_ymd_opt(2027, 2, 9).unwrap();
        assert_eq!(rule.times_on(odd_monday).len(), 1);
        assert!(rule.times_on(even_monday).is_empty(), "an even day");
        assert!(rule.times_on(odd_tuesday).is_empty(), "not a Monday");
        // Both restricted: either.
        let either = Cron::parse("0 18 1 * MON").unwrap();
        assert_eq!(either.times_on(even_monday).len(), 1);
        assert_eq!(
            either
                .times_on(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap())
                .len(),
            1
        );
        let weekend = Cron::parse("0 10 * * FRI-SUN").unwrap();
        assert_eq!(
            weekend
                .times_on(NaiveDate::from_ymd_opt(2027, 2, 7).unwrap())
                .len(),
            1
        );
        assert!(
            Cron::parse("0 10 * * 1/4294967295").is_err(),
            "a step beyond the field"
        );
        assert!(parse_create("title: X; start: 2027-02-03 18:00 UTC; length: 99999999h").is_err());
        assert!(
            parse_create(
                "title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 * * WED UNTIL 2027-03-01"
            )
            .is_ok()
        );
        assert!(
            parse_create("title: ; start: 2027-02-03 18:00 UTC")
                .unwrap_err()
                .contains("title")
        );
    }

    #[test]
    fn an_event_at_the_ends_of_the_calendar_is_refused_not_a_panic() {
        for line in [
            "title: X; start: +262142-12-31 23:59 UTC-12",
            "title: X; start: -262143-01-01 00:00 UTC+14",
            "title: X; start: +262142-12-31 13:00 Pacific/Pago_Pago",
            "title: X; start: +262142-12-30 10:00 UTC; repeat: 0 18 * * * until +262142-12-31",
            "title: X; start: 0000-01-01 00:00 UTC",
            "title: X; start: +10000-01-01 00:00 UTC",
        ] {
            let message = parse_create(line).unwrap_err();
            assert!(message.contains("is not a date like"), "{line}: {message}");
        }
        let spec = parse_create("title: X; start: 9999-12-31 23:59 UTC-12").unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(occurrences(&spec, now).unwrap().len(), 1);
    }

    #[test]
    fn rsvps_are_read_by_word_or_number() {
        assert_eq!(Rsvp::parse("Yes"), Some(Rsvp::Yes));
        assert_eq!(Rsvp::parse("3"), Some(Rsvp::Maybe));
        assert_eq!(Rsvp::parse("perhaps"), None);
    }
}
