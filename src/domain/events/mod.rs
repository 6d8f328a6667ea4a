//! Group events: workshops and socials that coordinators announce and people RSVP to.
//!
//! A coordinator writes one line, `event create title: Career night; start: next Wednesday
//! 18:00; length: 90m; capacity: 30; repeat: every Wednesday until 30 June`, which
//! [`parse_create`] reads into an [`EventRequest`]; [`EventRequest::resolve`] reads its
//! dates and times as the writer means them (a [`Reader`]: their programme's time zone and
//! date order, unless the start names a zone) into an [`EventSpec`]. [`occurrences`] turns
//! that into the instants of each session: one, or every time the repeat rule fires from
//! the start until its end date. A rule is a five-field cron rule or the same in words
//! (`every other Monday 6pm`, read by [`super::when::repeat_words`]). Each session is stored
//! as its own event (with its series), so RSVPs, reminders and cancellations are per session.
//!
//! Times are local to the event's zone. The rule is evaluated here, date by date, rather
//! than by a cron library: occurrences are keyed by local date (an autumn daylight-saving
//! day gives one session, not two; a spring one moves a skipped time to the first valid
//! minute), weekdays are numbered the familiar way (0 or 7 = Sunday) or named, and a rule
//! that never fires, or fires more than once a day, is refused with a reason.
//!
//! What is wrong with a request is said as a [`Text`] (`locales/*/reading.ftl`), in the
//! writer's language; the keys and the rules' words stay as they are typed.
//!
//! To extend: a new key in [`parse_create`]; a new cron feature in [`Cron::parse`]; a new
//! rule in words in `when/repeat.rs`.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::schedule::{local_time, resolve_local};
use super::timezone::{TimeZone, parse_time_zone};
use super::when::{Reader, repeat_words};
use crate::i18n::Text;

/// The most sessions one `event create` may make.
pub const MAX_SESSIONS: usize = 100;
/// The furthest a series may run.
const MAX_SERIES_DAYS: i64 = 2 * 366;
/// Sessions are announced (with RSVP) this long before they start, or at once if sooner.
pub const ANNOUNCE_BEFORE_DAYS: i64 = 7;

/// An `event create` line as written: its dates are read later, against the writer's
/// calendar ([`EventRequest::resolve`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EventRequest {
    pub title: String,
    pub description: String,
    /// `next Wednesday 18:00`, `2027-02-03 18:00 Europe/London`
    pub start: String,
    pub duration_minutes: u32,
    pub room: Option<String>,
    pub capacity: Option<u32>,
    /// `every Wednesday until 30 June`, `0 18 * * WED until 2027-06-30`
    pub repeat: Option<String>,
}

/// What `event create` asked for, its dates read.
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
    pub repeat: Option<Repeat>,
}

/// How a series repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    pub rule: Cron,
    /// Sessions fall only in every `every`-th block of `block_days` days from the start's
    /// date (every other Monday: blocks of 7, every 2nd); 1 for every block.
    pub every: u32,
    pub block_days: u32,
    /// The last day a session may fall on.
    pub until: NaiveDate,
    /// The rule as written, for messages.
    pub written: String,
}

/// How to write `event create`, shown after what is wrong with a request.
fn usage() -> Text {
    Text::msg("event-create-usage")
}

/// Reads the part after `event create`.
pub fn parse_create(text: &str) -> Result<EventRequest, Text> {
    let mut title = None;
    let mut description = String::new();
    let mut start = None;
    let mut duration = None;
    let mut room = None;
    let mut capacity = None;
    let mut repeat = None;
    let no_title = || Text::msg("event-create-no-title").arg("usage", usage());
    let no_start = || Text::msg("event-create-no-start").arg("usage", usage());
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once(':') else {
            return Err(Text::msg("event-create-no-key")
                .arg("part", part)
                .arg("usage", usage()));
        };
        let value = value.trim();
        match key.trim().to_lowercase().as_str() {
            "title" if value.is_empty() => return Err(no_title()),
            "title" => title = Some(value.chars().take(100).collect()),
            "description" => description = value.chars().take(1000).collect(),
            "start" if value.is_empty() => return Err(no_start()),
            "start" => start = Some(value.to_string()),
            "length" | "duration" => duration = Some(parse_length(value)?),
            "room" | "channel" if value.is_empty() => {
                return Err(Text::msg("event-create-no-room"));
            }
            "room" | "channel" => room = Some(value.to_string()),
            "capacity" => {
                capacity = Some(
                    value
                        .parse::<u32>()
                        .ok()
                        .filter(|n| (1..=10_000).contains(n))
                        .ok_or_else(|| Text::msg("event-create-capacity"))?,
                )
            }
            "repeat" if value.is_empty() => {
                return Err(Text::msg("event-create-no-repeat"));
            }
            "repeat" => repeat = Some(value.to_string()),
            other => {
                return Err(Text::msg("event-create-unknown-key")
                    .arg("key", other)
                    .arg("usage", usage()));
            }
        }
    }
    let title: String = title.ok_or_else(no_title)?;
    let start = start.ok_or_else(no_start)?;
    Ok(EventRequest {
        title,
        description,
        start,
        duration_minutes: duration.unwrap_or(60),
        room,
        capacity,
        repeat,
    })
}

impl EventRequest {
    /// Reads the start and the repeat rule as `reader`'s writer means them.
    pub fn resolve(&self, reader: &Reader) -> Result<EventSpec, Text> {
        let moment = reader
            .read_moment(&self.start)
            .map_err(|e| Text::msg("event-create-start").arg("why", e))?;
        let repeat = match &self.repeat {
            None => None,
            Some(value) => Some(parse_repeat(value, moment.local, reader)?),
        };
        Ok(EventSpec {
            title: self.title.clone(),
            description: self.description.clone(),
            start: moment.local,
            zone: moment.zone,
            duration_minutes: self.duration_minutes,
            room: self.room.clone(),
            capacity: self.capacity,
            repeat,
        })
    }
}

/// `90m`, `2h`, `1h30`
fn parse_length(value: &str) -> Result<u32, Text> {
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
        .ok_or_else(|| Text::msg("event-create-length").arg("value", value))
}

/// `every Wednesday at 13:30 until 30 June`, or `0 18 * * WED until 2027-06-30`; the end
/// date is read from the start's date (`30 June` is the first one on or after it).
fn parse_repeat(value: &str, start: NaiveDateTime, reader: &Reader) -> Result<Repeat, Text> {
    let until = |text: &str| {
        reader
            .read_date_from(text, start.date())
            .map_err(|e| Text::msg("event-create-repeat").arg("why", e))
    };
    if let Some(words) = repeat_words(value, start) {
        let words = words?;
        let Some(end) = &words.until else {
            return Err(Text::msg("event-create-no-end").arg("rule", words.written.as_str()));
        };
        return Ok(Repeat {
            rule: Cron::parse(&words.cron)?,
            every: words.every,
            block_days: words.block_days,
            until: until(end)?,
            written: words.written,
        });
    }
    // ASCII lowercase keeps byte offsets, so `at` is valid in `value` too.
    let Some(at) = value.to_ascii_lowercase().rfind(" until ") else {
        return Err(Text::msg("event-create-no-until"));
    };
    let (rule, end) = (&value[..at], &value[at + " until ".len()..]);
    let rule = Cron::parse(rule)?;
    Ok(Repeat {
        written: rule.text.clone(),
        rule,
        every: 1,
        block_days: 1,
        until: until(end)?,
    })
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
    pub fn parse(text: &str) -> Result<Cron, Text> {
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.len() != 5 {
            return Err(Text::msg("cron-five-fields").arg("rule", text));
        }
        let minutes = field(fields[0], 0, 59, &[], Text::msg("cron-minute"))?;
        let hours = field(fields[1], 0, 23, &[], Text::msg("cron-hour"))?;
        let days = field(fields[2], 1, 31, &[], Text::msg("cron-day"))?;
        let months = field(fields[3], 1, 12, &MONTHS, Text::msg("cron-month"))?;
        let mut weekdays = field(fields[4], 0, 7, &WEEKDAYS, Text::msg("cron-weekday"))?;
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

/// One field as a bit set of the allowed values; `what` names the field in a refusal.
fn field(text: &str, min: u32, max: u32, names: &[&str], what: Text) -> Result<u64, Text> {
    let bad = |id: &str| Text::msg(id).arg("field", what.clone()).arg("text", text);
    let value = |t: &str| -> Result<u32, Text> {
        let lower = t.to_lowercase();
        if let Some(i) = names.iter().position(|n| *n == lower) {
            // Months are named from 1, weekdays from 0.
            return Ok(i as u32 + min);
        }
        t.parse::<u32>()
            .ok()
            .filter(|v| (min..=max).contains(v))
            .ok_or_else(|| {
                bad("cron-field-value")
                    .arg("value", t)
                    .arg("min", i64::from(min))
                    .arg("max", i64::from(max))
            })
    };
    let mut bits = 0u64;
    for item in text.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => (
                r,
                s.parse::<u32>()
                    .ok()
                    .filter(|s| (1..=max.max(1)).contains(s))
                    .ok_or_else(|| bad("cron-field-step").arg("max", i64::from(max)))?,
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
            return Err(bad("cron-field-backwards"));
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
pub fn occurrences(spec: &EventSpec, now: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>, Text> {
    let (first, _) = resolve_local(&spec.zone, spec.start);
    if first <= now {
        return Err(Text::msg("event-start-past").arg("when", said_when(first, &spec.zone)));
    }
    let Some(Repeat {
        rule,
        every,
        block_days,
        until,
        written,
    }) = &spec.repeat
    else {
        return Ok(vec![first]);
    };
    let start_date = spec.start.date();
    if *until < start_date {
        return Err(Text::msg("event-series-ends-first")
            .arg("until", Text::date(*until))
            .arg("start", Text::date(start_date)));
    }
    if (*until - start_date).num_days() > MAX_SERIES_DAYS {
        return Err(Text::msg("event-series-too-long"));
    }
    let mut sessions = Vec::new();
    let mut date = start_date;
    while date <= *until {
        // Every other week (or day): only the blocks of the cycle that count.
        let block = (date - start_date).num_days() / i64::from((*block_days).max(1));
        if block % i64::from((*every).max(1)) != 0 {
            date += Duration::days(1);
            continue;
        }
        let times = rule.times_on(date);
        if times.len() > 1 {
            return Err(Text::msg("event-series-twice-a-day")
                .arg("rule", written.as_str())
                .arg("count", times.len())
                .arg("date", Text::date(date)));
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
            return Err(Text::msg("event-series-too-many").arg("most", MAX_SESSIONS));
        }
        date += Duration::days(1);
    }
    if sessions.is_empty() {
        return Err(Text::msg("event-series-never")
            .arg("rule", written.as_str())
            .arg("start", Text::date(start_date))
            .arg("until", Text::date(*until)));
    }
    Ok(sessions)
}

/// When a session starts, in the reader's language: `Wed 3 Feb 2027, 18:00 Europe/London
/// (18:00 UTC)`, `mié 3 feb 2027, …`.
pub fn said_when(at: DateTime<Utc>, zone: &TimeZone) -> Text {
    if zone.canonical() == "UTC" {
        moment("event-when-utc", at, zone)
    } else {
        moment("event-when", at, zone)
    }
}

/// The moment in `zone` alone (`mié 3 feb 2027, 18:00 America/Lima`): where a reader is.
pub fn said_local(at: DateTime<Utc>, zone: &TimeZone) -> Text {
    moment("event-when-local", at, zone)
}

fn moment(id: &str, at: DateTime<Utc>, zone: &TimeZone) -> Text {
    let local = local_time(zone, at);
    let clock = |t: NaiveDateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    Text::msg(id)
        .arg("weekday", super::meetings::weekday(local.weekday()))
        .arg("day", i64::from(local.day()))
        .arg(
            "month",
            Text::msg(&format!("month-short-{}", local.month())),
        )
        .arg("year", local.year().to_string())
        .arg("time", clock(local))
        .arg("zone", zone.canonical())
        .arg("utc", clock(at.naive_utc()))
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
            // The answers as each shipped language says them (folded: no accents).
            typed => match crate::domain::text::fold(typed).as_str() {
                "quizas" | "quiza" | "tal vez" | "ربما" => Some(Rsvp::Maybe),
                _ => crate::domain::answer::yes_or_no(typed)
                    .map(|yes| if yes { Rsvp::Yes } else { Rsvp::No }),
            },
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

    /// When it starts, in the reader's language.
    pub fn said_when(&self) -> Text {
        said_when(self.starts_at, &self.zone())
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

/// The kinds of a session's jobs: its announcement with RSVP, and each reminder.
pub const EVENT_ANNOUNCE_JOB: &str = "event_announce";
pub const EVENT_REMINDER_JOB: &str = "event_reminder";

/// What an event job's runner reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventJob {
    pub event_id: i64,
    /// For a reminder: how long before the start.
    #[serde(default)]
    pub before_minutes: i64,
}

/// The subject of a session's jobs, so cancelling it skips them all.
pub fn event_subject(id: i64) -> String {
    format!("event:{id}")
}

/// A stored session's jobs, decided `now`: its announcement [`ANNOUNCE_BEFORE_DAYS`]
/// before it (at once if sooner), and a reminder `before` it for each of `reminders` still
/// ahead. Stored with the session, in its step, so a session never exists without them.
pub fn session_jobs(
    id: i64,
    event: &NewEvent,
    reminders: &[Duration],
    now: DateTime<Utc>,
) -> Vec<super::schedule::NewJob> {
    let job = |kind: &str, due_at, before: i64| super::schedule::NewJob {
        kind: kind.into(),
        subject: event_subject(id),
        due_at,
        payload: serde_json::to_string(&EventJob {
            event_id: id,
            before_minutes: before,
        })
        .expect("plain data"),
        platform: Some(event.room.platform),
    };
    let announce = (event.starts_at - Duration::days(ANNOUNCE_BEFORE_DAYS)).max(now);
    let mut jobs = vec![job(EVENT_ANNOUNCE_JOB, announce, 0)];
    for before in reminders {
        let due = event.starts_at - *before;
        if due > now {
            jobs.push(job(EVENT_REMINDER_JOB, due, before.num_minutes()));
        }
    }
    jobs
}

#[cfg(test)]
mod tests;
