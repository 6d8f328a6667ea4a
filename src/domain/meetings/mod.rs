//! Meeting times: each member's weekly availability in their own time zone, the times a
//! pair are both free, a booked meeting's calendar file (`.ics`), and the time a pair logs
//! together, which counts against the programme's expected commitment.
//!
//! Availability is typed as people say it (`mon wed 18-20, sat 10am-12pm`) and kept as
//! [`Window`]s of local time; [`common_slots`] walks the next two weeks in half hours and
//! keeps the starts at which both are free for a whole meeting, in each one's own zone (so
//! a daylight-saving change on either side is followed). [`overlap_per_week`] says, when
//! there is no such start, whether the weeks never meet or only too briefly.
//!
//! A new way of writing days or times goes in [`parse_availability`]'s words, with a test.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::schedule::local_time;
use super::timezone::TimeZone;
use super::when::phrase;

/// Most windows a person may give (four a day, a week).
pub const MAX_WINDOWS: usize = 28;
/// How far ahead meeting times are looked for.
pub const HORIZON_DAYS: i64 = 14;
/// The soonest a proposed meeting starts after it is proposed: time to see it.
pub const NOTICE_HOURS: i64 = 12;
/// How many meeting times are proposed at once (at most one a day).
pub const SLOTS_OFFERED: usize = 5;
/// A meeting's length as logged, in minutes.
pub const MET_MINUTES: std::ops::RangeInclusive<u32> = 5..=480;

/// A stretch of a weekday when someone is free, in their own local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Window {
    /// 0 for Monday … 6 for Sunday.
    pub day: u8,
    /// Minutes after local midnight.
    pub start: u16,
    /// Minutes after local midnight, after `start`, at most 1440.
    pub end: u16,
}

impl Window {
    fn weekday(self) -> Weekday {
        Weekday::try_from(self.day).unwrap_or(Weekday::Mon)
    }
}

/// One person's week: their zone and when they are free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub zone: TimeZone,
    pub windows: Vec<Window>,
}

impl Week {
    /// Whether the person is free for `minutes` from `start`: each quarter hour of it (the
    /// last perhaps shorter) inside one of their windows, in their local time then, so a
    /// meeting may run past local midnight into the next day's window and a daylight-saving
    /// change is followed.
    pub fn free(&self, start: DateTime<Utc>, minutes: u32) -> bool {
        let mut done = 0;
        while done < minutes {
            let piece = (minutes - done).min(15);
            let local = local_time(&self.zone, start + Duration::minutes(i64::from(done)));
            let day = local.weekday().num_days_from_monday() as u8;
            let from = local.hour() * 60 + local.minute();
            if !self.windows.iter().any(|w| {
                w.day == day && u32::from(w.start) <= from && u32::from(w.end) >= from + piece
            }) {
                return false;
            }
            done += piece;
        }
        true
    }
}

/// `Mon 18:00–20:00, Wed 18:00–21:00`.
pub fn describe(windows: &[Window]) -> String {
    windows
        .iter()
        .map(|w| {
            format!(
                "{} {}–{}",
                w.weekday(),
                clock(w.start),
                clock(w.end.min(1440))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The usage shown with every refusal.
pub const AVAILABILITY_EXAMPLE: &str =
    "availability mon wed 18-20, sat 10am-12pm (days, then hours in your own time)";

/// Reads a week's availability: days (`mon`, `tuesdays`, `mon-fri`, `weekdays`,
/// `weekends`, `every day`) each followed by hours (`18-20`, `18:30-21:00`, `6-8pm`,
/// `9am to noon`); hours without days take the days before them. A window that ends
/// before it starts runs past midnight into the next day. The error is what to tell.
pub fn parse_availability(text: &str) -> Result<Vec<Window>, String> {
    let spaced = text
        .to_lowercase()
        .replace(['–', '—'], "-")
        .replace('-', " - ")
        .replace([',', ';', '/', '&'], " ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut windows = Vec::new();
    let mut days: Vec<u8> = Vec::new();
    let mut last_days: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if matches!(
            t,
            "and" | "on" | "from" | "at" | "every" | "each" | "between"
        ) {
            i += 1;
            continue;
        }
        if let Some(set) = day_set(t) {
            // `mon - fri`, `monday to friday`
            if let (Some(sep), Some(to)) = (tokens.get(i + 1), tokens.get(i + 2))
                && is_range_word(sep)
                && let (Some(from), Some(to)) = (single_day(t), single_day(to))
            {
                let mut d = from;
                loop {
                    days.push(d);
                    if d == to {
                        break;
                    }
                    d = (d + 1) % 7;
                }
                i += 3;
            } else {
                days.extend(set);
                i += 1;
            }
            continue;
        }
        let Some((start, end, used)) = time_range(&tokens[i..]) else {
            return Err(format!(
                "I couldn't read “{t}” in your times. Please write them like this: {AVAILABILITY_EXAMPLE}."
            ));
        };
        let on = if days.is_empty() {
            last_days.clone()
        } else {
            std::mem::take(&mut days)
        };
        if on.is_empty() {
            return Err(format!(
                "Which days are those hours on? Please write them like this: {AVAILABILITY_EXAMPLE}."
            ));
        }
        if start == end {
            return Err(format!(
                "“{}” starts and ends at the same time: please give when you are free from and until.",
                tokens[i..i + used].join(" ").replace(" - ", "-")
            ));
        }
        for &d in &on {
            if end > start {
                windows.push(Window { day: d, start, end });
            } else {
                // Past midnight: the rest of the night is the next day's.
                windows.push(Window {
                    day: d,
                    start,
                    end: 1440,
                });
                if end > 0 {
                    windows.push(Window {
                        day: (d + 1) % 7,
                        start: 0,
                        end,
                    });
                }
            }
        }
        last_days = on;
        i += used;
    }
    if !days.is_empty() {
        return Err(format!(
            "What hours on those days? Please write them like this: {AVAILABILITY_EXAMPLE}."
        ));
    }
    if windows.is_empty() {
        return Err(format!(
            "Please give the days and hours you are free each week, like this: {AVAILABILITY_EXAMPLE}."
        ));
    }
    let merged = merge(windows);
    if merged.len() > MAX_WINDOWS {
        return Err(format!(
            "That is {} separate times; please give at most {MAX_WINDOWS}, joining those close together.",
            merged.len()
        ));
    }
    Ok(merged)
}

fn is_range_word(t: &str) -> bool {
    matches!(t, "-" | "to" | "until" | "till" | "through")
}

/// A weekday's name, short or plural (`mondays`), as 0 (Monday) to 6.
fn single_day(t: &str) -> Option<u8> {
    phrase::weekday(t)
        .or_else(|| t.strip_suffix('s').and_then(phrase::weekday))
        .map(|d| d.num_days_from_monday() as u8)
}

fn day_set(t: &str) -> Option<Vec<u8>> {
    match t {
        "weekdays" | "weekday" => Some((0..5).collect()),
        "weekends" | "weekend" => Some(vec![5, 6]),
        "day" | "days" | "daily" | "everyday" => Some((0..7).collect()),
        _ => single_day(t).map(|d| vec![d]),
    }
}

/// A range of hours at the start of `tokens`: its start, its end (minutes after local
/// midnight; 1440 for `24` or `midnight` at the end) and how many tokens it took.
fn time_range(tokens: &[&str]) -> Option<(u16, u16, usize)> {
    for first in [2, 1] {
        let Some(start) = tokens.get(..first).and_then(hour_phrase) else {
            continue;
        };
        let Some(sep) = tokens.get(first) else {
            continue;
        };
        if !is_range_word(sep) {
            continue;
        }
        for second in [2, 1] {
            let at = first + 1;
            let Some(end) = tokens.get(at..at + second).and_then(hour_phrase) else {
                continue;
            };
            let mut end_minutes = end.minutes(true)?;
            // `6-8pm`: the start shares the end's half of the day when that keeps it
            // before the end.
            let start_minutes = match (start.pm, end.pm) {
                (None, Some(true)) if start.hour < 12 => {
                    let pm = start.with_pm(true).minutes(false)?;
                    if pm < end_minutes {
                        pm
                    } else {
                        start.minutes(false)?
                    }
                }
                _ => start.minutes(false)?,
            };
            // `9-5`, `10-2`, `7pm-9`: an end without am or pm that comes before the start
            // is in the afternoon or evening when that puts it after the start; only
            // otherwise (`22-1`, `23-6`) does the window run past midnight.
            if end.pm.is_none() && end.hour < 12 && end_minutes < start_minutes {
                let later = end_minutes + 12 * 60;
                if later > start_minutes {
                    end_minutes = later;
                }
            }
            return Some((start_minutes, end_minutes, at + second));
        }
    }
    None
}

/// An hour as typed: `18`, `18:30`, `6pm`, `6 pm`, `noon`.
#[derive(Debug, Clone, Copy)]
struct Hour {
    hour: u32,
    minute: u32,
    pm: Option<bool>,
}

impl Hour {
    fn with_pm(self, pm: bool) -> Hour {
        Hour {
            pm: Some(pm),
            ..self
        }
    }

    /// Minutes after midnight; `24:00` (or midnight) only as an end.
    fn minutes(self, end: bool) -> Option<u16> {
        if self.minute >= 60 {
            return None;
        }
        let hour = match self.pm {
            Some(_) if self.hour == 0 || self.hour > 12 => return None,
            Some(true) => self.hour % 12 + 12,
            Some(false) => self.hour % 12,
            None if self.hour > 24 || (self.hour == 24 && self.minute > 0) => return None,
            None => self.hour,
        };
        let m = hour * 60 + self.minute;
        let m = if end && m == 0 { 1440 } else { m };
        (m < 1440 || (end && m == 1440)).then_some(m as u16)
    }
}

fn hour_phrase(tokens: &[&str]) -> Option<Hour> {
    if let [t] = tokens
        && !t.is_empty()
        && t.len() <= 2
        && t.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(Hour {
            hour: t.parse().ok()?,
            minute: 0,
            pm: None,
        });
    }
    phrase::time(tokens).map(|t| Hour {
        hour: t.hour,
        minute: t.minute,
        pm: t.pm,
    })
}

/// Sorted by day and start, with touching or overlapping windows of a day joined.
fn merge(mut windows: Vec<Window>) -> Vec<Window> {
    windows.sort();
    let mut out: Vec<Window> = Vec::with_capacity(windows.len());
    for w in windows {
        match out.last_mut() {
            Some(last) if last.day == w.day && w.start <= last.end => {
                last.end = last.end.max(w.end);
            }
            _ => out.push(w),
        }
    }
    out
}

/// The starts, from [`NOTICE_HOURS`] after `now` up to [`HORIZON_DAYS`] ahead, on the
/// hour or half hour, at which both are free for `minutes`: the earliest of each day (in
/// the first person's zone), at most `count`.
pub fn common_slots(
    a: &Week,
    b: &Week,
    now: DateTime<Utc>,
    minutes: u32,
    count: usize,
) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut last_day = None;
    let mut t = quarter_after(now + Duration::hours(NOTICE_HOURS));
    let until = now + Duration::days(HORIZON_DAYS);
    while t < until && out.len() < count {
        // On the hour or half hour where the first person is (a zone such as
        // Asia/Kathmandu is a quarter hour off UTC's).
        let local = local_time(&a.zone, t);
        if local.minute().is_multiple_of(30)
            && last_day != Some(local.date())
            && a.free(t, minutes)
            && b.free(t, minutes)
        {
            out.push(t);
            last_day = Some(local.date());
        }
        t += Duration::minutes(15);
    }
    out
}

/// The first quarter hour at or after `t`.
fn quarter_after(t: DateTime<Utc>) -> DateTime<Utc> {
    let step = 15 * 60;
    let secs = t.timestamp();
    let up = secs + (step - secs.rem_euclid(step)) % step;
    DateTime::from_timestamp(up, 0).unwrap_or(t)
}

/// The longest time both are free at once in the week from `now` (quarter hours), in
/// minutes: 0 when their weeks never meet.
pub fn overlap_per_week(a: &Week, b: &Week, now: DateTime<Utc>) -> u32 {
    let mut longest = 0;
    let mut run = 0;
    let start = quarter_after(now);
    // Eight days, so a stretch across the week's end is seen whole.
    for q in 0..(8 * 96) {
        let t = start + Duration::minutes(15 * q);
        if a.free(t, 15) && b.free(t, 15) {
            run += 15;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// `Tue 8 Dec, 18:00–19:00`: a meeting in one zone.
pub fn local_span(zone: &TimeZone, start: DateTime<Utc>, minutes: u32) -> String {
    let from = local_time(zone, start);
    let to = local_time(zone, start + Duration::minutes(i64::from(minutes)));
    format!(
        "{}, {:02}:{:02}–{:02}:{:02}",
        day_label(from),
        from.hour(),
        from.minute(),
        to.hour(),
        to.minute()
    )
}

fn day_label(local: NaiveDateTime) -> String {
    format!("{} {} {}", local.weekday(), local.day(), local.format("%b"))
}

/// A meeting in both members' own time: once if they share a zone's clock, else each
/// name with their time and zone.
pub fn both_times(start: DateTime<Utc>, minutes: u32, people: [(&str, &TimeZone); 2]) -> String {
    let [(a, za), (b, zb)] = people;
    let (ta, tb) = (
        local_span(za, start, minutes),
        local_span(zb, start, minutes),
    );
    if ta == tb {
        format!("{ta} ({})", za.canonical())
    } else {
        format!(
            "{ta} for {a} ({}) · {tb} for {b} ({})",
            za.canonical(),
            zb.canonical()
        )
    }
}

/// `1h 30m`, `45m`, `2h`.
pub fn hours(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// What a member says about a meeting afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Met {
    /// They met, for this many minutes.
    Minutes(u32),
    /// They did not meet.
    No,
}

/// The usage of `met`.
pub const MET_USAGE: &str =
    "met <how long> (like met 45m, met 1h, met 1h30), or met no if you didn't meet";

/// Reads how long a pair met: `45`, `45m`, `45 min`, `1h`, `1.5h`, `1h30`, `1:30`,
/// `an hour`, `half an hour`, `90 minutes`; or `no`. The error is what to tell.
pub fn parse_met(text: &str) -> Result<Met, String> {
    let t = text
        .trim()
        .trim_end_matches(['.', '!'])
        .to_lowercase()
        .replace("about ", "")
        .replace("for ", "");
    let t = t.trim();
    if matches!(
        t,
        "no" | "not" | "nope" | "didn't" | "didnt" | "did not" | "we didn't" | "no we didn't"
    ) {
        return Ok(Met::No);
    }
    let minutes = minutes_of(t).ok_or_else(|| {
        format!("I couldn't read “{t}” as a length of time. Please type {MET_USAGE}.")
    })?;
    if !MET_MINUTES.contains(&minutes) {
        return Err(format!(
            "A meeting is logged as {} to {}; please type {MET_USAGE}.",
            hours(*MET_MINUTES.start()),
            hours(*MET_MINUTES.end())
        ));
    }
    Ok(Met::Minutes(minutes))
}

fn minutes_of(t: &str) -> Option<u32> {
    match t {
        "an hour" | "one hour" | "1 hour" => return Some(60),
        "half an hour" | "half hour" => return Some(30),
        "an hour and a half" | "one and a half hours" => return Some(90),
        _ => {}
    }
    if let Some((h, m)) = t.split_once(':') {
        return Some(number(h)? * 60 + number(m).filter(|m| *m < 60)?);
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let (h, rest) = match compact
        .split_once("hours")
        .or_else(|| compact.split_once("hour"))
        .or_else(|| compact.split_once("hrs"))
        .or_else(|| compact.split_once("hr"))
        .or_else(|| compact.split_once('h'))
    {
        Some((h, rest)) => (Some(h), rest),
        None => (None, compact.as_str()),
    };
    let rest = rest
        .trim_end_matches("minutes")
        .trim_end_matches("minute")
        .trim_end_matches("mins")
        .trim_end_matches("min")
        .trim_end_matches('m');
    let rest = rest.strip_prefix("and").unwrap_or(rest);
    let from_hours = match h {
        Some(h) => {
            let hours: f64 = h
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
            if hours > 24.0 {
                return None;
            }
            (hours * 60.0).round() as u32
        }
        None => 0,
    };
    let from_minutes = match (h, rest.is_empty()) {
        (None, true) => return None,
        (Some(_), true) => 0,
        // `1h70` is not a way to say it.
        (Some(_), false) => number(rest).filter(|m| *m < 60)?,
        (None, false) => number(rest)?,
    };
    Some(from_hours + from_minutes)
}

fn number(t: &str) -> Option<u32> {
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// A booked meeting as a calendar file (RFC 5545, times in UTC so every calendar shows
/// it in its own zone). `uid` is stable for the meeting, so importing it twice updates
/// one entry; `stamp` is when it was booked.
pub fn ics(
    uid: &str,
    start: DateTime<Utc>,
    minutes: u32,
    summary: &str,
    description: &str,
    stamp: DateTime<Utc>,
) -> String {
    let utc = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let end = start + Duration::minutes(i64::from(minutes));
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Tandem//Mentoring meetings//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(start)),
        format!("DTEND:{}", utc(end)),
        format!("SUMMARY:{}", escape(summary)),
        format!("DESCRIPTION:{}", escape(description)),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(summary)),
        "TRIGGER:-PT1H".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// A text value with the characters iCalendar gives a meaning escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// A person's week as stored: their zone (the one they gave, else their application's)
/// and their windows (empty: not given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonWeek {
    pub zone: Option<String>,
    pub windows: Vec<Window>,
}

impl PersonWeek {
    /// Their week, when both the zone and some windows are known.
    pub fn week(&self) -> Option<Week> {
        let zone = super::timezone::parse_time_zone(self.zone.as_deref()?).ok()?;
        (!self.windows.is_empty()).then(|| Week {
            zone,
            windows: self.windows.clone(),
        })
    }

    pub fn zone(&self) -> Option<TimeZone> {
        super::timezone::parse_time_zone(self.zone.as_deref()?).ok()
    }
}

/// Where a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingState {
    Booked,
    Held,
    Missed,
    Cancelled,
}

impl MeetingState {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingState::Booked => "booked",
            MeetingState::Held => "held",
            MeetingState::Missed => "missed",
            MeetingState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<MeetingState> {
        [
            MeetingState::Booked,
            MeetingState::Held,
            MeetingState::Missed,
            MeetingState::Cancelled,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// A pair's meeting, booked or logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub match_id: i64,
    pub starts_at: DateTime<Utc>,
    /// As booked (or as logged, for one logged afterwards).
    pub minutes: u32,
    pub state: MeetingState,
    /// How long they said they met.
    pub held_minutes: Option<u32>,
}

impl Meeting {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.minutes))
    }
}

/// The times `meet` last proposed to a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub slots: Vec<DateTime<Utc>>,
    pub minutes: u32,
}

/// A pair's weeks and meetings, loaded for a meeting command in their room.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairMeetings {
    /// The mentee's week, then the mentor's.
    pub weeks: [PersonWeek; 2],
    pub offer: Option<Offer>,
    pub meetings: Vec<Meeting>,
}

/// The minutes a pair met in the 30 days before `now` (meetings that started then).
pub fn minutes_in_month(meetings: &[Meeting], now: DateTime<Utc>) -> u32 {
    let since = now - Duration::days(30);
    meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held && m.starts_at > since && m.starts_at <= now)
        .filter_map(|m| m.held_minutes)
        .sum()
}

/// How a pair stands against the programme's commitment: `1h 30m in the last 30 days (the
/// programme asks 2h a month)`; without one, the time alone.
pub fn commitment_line(logged_30d: u32, held: u32, commitment: Option<u32>) -> String {
    if held == 0 {
        return match commitment {
            Some(c) => format!("none logged yet (the programme asks {} a month)", hours(c)),
            None => "none logged yet".into(),
        };
    }
    let mut s = format!(
        "{} meeting(s) logged; {} in the last 30 days",
        held,
        hours(logged_30d)
    );
    if let Some(c) = commitment {
        s.push_str(&format!(" (the programme asks {} a month: ", hours(c)));
        if logged_30d >= c {
            s.push_str("on track)");
        } else {
            s.push_str(&format!("{} short)", hours(c - logged_30d)));
        }
    }
    s
}

/// The stable identity of a booked meeting in calendars.
pub fn calendar_uid(match_id: i64, start: DateTime<Utc>) -> String {
    format!("tandem-M{match_id}-{}@tandem", start.format("%Y%m%dT%H%MZ"))
}

#[cfg(test)]
mod tests;
