//! Meeting times: each member's weekly availability in their own time zone, the times a
//! pair are both free, a booked meeting's calendar file (`.ics`), and the time a pair logs
//! together, which counts against the programme's expected commitment.
//!
//! Availability is typed as people say it (`mon wed 18-20, sat 10am-12pm`) and kept as
//! [`Window`]s of local time (`availability`); [`common_slots`] walks the next two weeks in
//! quarter hours and keeps the starts on the hour or half hour at which both are free for a
//! whole meeting, in each one's own zone (so a daylight-saving change on either side is
//! followed). [`overlap_per_week`] says, when there is no such start, whether the weeks
//! never meet or only too briefly. `met` reads how long a pair met; `calendar` writes a
//! booking's `.ics`.
//!
//! A new way of writing days or times goes in `availability.rs`, with a test.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::schedule::local_time;
use super::timezone::TimeZone;

mod availability;
mod calendar;
mod met;

pub use availability::{availability_example, parse_availability};
pub use calendar::ics;
pub use met::{Met, met_usage, parse_met};

use crate::i18n::Text;

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

/// `Mon 18:00–20:00, Wed 18:00–21:00`, the days as the reader's language writes them.
pub fn describe(windows: &[Window]) -> Text {
    Text::join(
        windows
            .iter()
            .map(|w| {
                Text::msg("meet-window")
                    .arg("day", weekday(w.weekday()))
                    .arg("from", clock(w.start))
                    .arg("to", clock(w.end.min(1440)))
            })
            .collect(),
        ", ",
    )
}

/// A weekday's short name (`Mon`, `lun`).
pub(crate) fn weekday(day: Weekday) -> Text {
    Text::msg(&format!("weekday-{}", day.number_from_monday()))
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
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
pub fn local_span(zone: &TimeZone, start: DateTime<Utc>, minutes: u32) -> Text {
    let from = local_time(zone, start);
    let to = local_time(zone, start + Duration::minutes(i64::from(minutes)));
    Text::msg("meet-span")
        .arg("weekday", weekday(from.weekday()))
        .arg("day", i64::from(from.day()))
        .arg("month", Text::msg(&format!("month-short-{}", from.month())))
        .arg("from", format!("{:02}:{:02}", from.hour(), from.minute()))
        .arg("to", format!("{:02}:{:02}", to.hour(), to.minute()))
}

/// A meeting in both members' own time: once if they share a zone's clock, else each
/// name with their time and zone.
pub fn both_times(start: DateTime<Utc>, minutes: u32, people: [(&str, &TimeZone); 2]) -> Text {
    let [(a, za), (b, zb)] = people;
    let (ta, tb) = (
        local_span(za, start, minutes),
        local_span(zb, start, minutes),
    );
    if ta == tb {
        Text::msg("meet-when")
            .arg("span", ta)
            .arg("zone", za.canonical())
    } else {
        Text::msg("meet-when-both")
            .arg("span_a", ta)
            .arg("a", a)
            .arg("zone_a", za.canonical())
            .arg("span_b", tb)
            .arg("b", b)
            .arg("zone_b", zb.canonical())
    }
}

/// A length of time in the reader's language: `1h 30m`, `45m`, `2h` in English.
pub fn said_hours(minutes: u32) -> Text {
    let (h, m) = (i64::from(minutes / 60), i64::from(minutes % 60));
    match (h, m) {
        (0, m) => Text::msg("duration-minutes").arg("minutes", m),
        (h, 0) => Text::msg("duration-hours").arg("hours", h),
        (h, m) => Text::msg("duration-hours-minutes")
            .arg("hours", h)
            .arg("minutes", m),
    }
}

/// `1h 30m`, `45m`, `2h`: a length as `met` reads it back.
pub fn hours(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
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
pub fn minutes_in_month<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    now: DateTime<Utc>,
) -> u32 {
    let since = now - Duration::days(30);
    meetings
        .into_iter()
        .filter(|m| m.state == MeetingState::Held && m.starts_at > since && m.starts_at <= now)
        .filter_map(|m| m.held_minutes)
        .sum()
}

/// How a pair stands against the programme's commitment, in the reader's language: `1
/// meeting logged; 1h 30m in the last 30 days (the programme asks 2h a month: 30m short)`;
/// without a commitment, the time alone.
pub fn commitment_line(logged_30d: u32, held: u32, commitment: Option<u32>) -> Text {
    if held == 0 {
        return match commitment {
            Some(c) => Text::msg("meetings-none-goal").arg("goal", said_hours(c)),
            None => Text::msg("meetings-none"),
        };
    }
    let logged = Text::msg("meetings-logged")
        .arg("count", i64::from(held))
        .arg("month", said_hours(logged_30d));
    let Some(c) = commitment else {
        return logged;
    };
    if logged_30d >= c {
        Text::msg("meetings-logged-on-track")
    } else {
        Text::msg("meetings-logged-short").arg("short", said_hours(c - logged_30d))
    }
    .arg("logged", logged)
    .arg("goal", said_hours(c))
}

/// The stable identity of a booked meeting in calendars.
pub fn calendar_uid(match_id: i64, start: DateTime<Utc>) -> String {
    format!("tandem-M{match_id}-{}@tandem", start.format("%Y%m%dT%H%MZ"))
}

#[cfg(test)]
mod tests;
