//! Dates and times as people write them, read one way everywhere a person types one
//! (`pause until`, `suspend ... until`, a screening step's date, an event's start and its
//! repeats).
//!
//! Accepted, in any letter case: ISO dates and date-times (`2027-01-20`, `2027-01-20 18:00`,
//! `2027-01-20T18:00`); numbers with `/`, `.` or `-` in the programme's date order
//! (`20/01/2027` or `01/20/2027`, the year optional); a day and a month's name (`20 January
//! 2027`, `Jan 20th`; without a year, the next such date); weekdays (`Wednesday`, `next Wed`,
//! `this Friday`); `today`, `tomorrow`, `in 3 days`, `in 2 weeks`; and times (`18:00`,
//! `18.00`, `6pm`, `9.30am`, `noon`, `midnight`), before or after the date. A date-time may
//! end with a time zone (`... 18:00 Europe/London`).
//!
//! A [`Reader`] holds what the words are read against: the moment they were written, the
//! writer's time zone (the programme's `time_zone`) for `today` and for times, and the
//! programme's [`DateOrder`], which settles `03/04/2027` and refuses `13/25/2027` by name.
//! [`phrase`] recognises the shapes; the reader works out the dates and says what is wrong.
//! [`repeat_words`] turns `every Wednesday at 13:30 until 30 June` into the cron form events
//! already use.
//!
//! What is wrong is said as a [`Text`] (`locales/*/reading.ftl`), in the writer's language;
//! the examples in it (`20 January`, `next Wednesday`, `6pm`) stay as they are typed, since
//! these are the words read here.
//!
//! To accept a new form: its shape in [`phrase`], its meaning in [`Reader::resolve_date`].

pub mod phrase;
mod repeat;
#[cfg(test)]
mod tests;

use std::str::FromStr;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::programme::Programme;
use super::schedule::local_time;
use super::text::preview;
use super::timezone::{TimeZone, parse_time_zone};
use crate::i18n::Text;
use phrase::{Absolute, DatePhrase, TimePhrase, Unit};
pub use repeat::{RepeatWords, repeat_words};

/// How a programme's people write a date in numbers: `20/01/2027` or `01/20/2027`. Dates
/// with the year first (`2027-01-20`) or a month's name are read the same in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    #[default]
    DayMonthYear,
    MonthDayYear,
}

impl DateOrder {
    /// As people read it: `day/month/year`, `día/mes/año`.
    pub fn said(self) -> Text {
        match self {
            DateOrder::DayMonthYear => Text::msg("date-order-day-month-year"),
            DateOrder::MonthDayYear => Text::msg("date-order-month-day-year"),
        }
    }
}

impl FromStr for DateOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day_month_year" => Ok(DateOrder::DayMonthYear),
            "month_day_year" => Ok(DateOrder::MonthDayYear),
            other => Err(format!(
                "unknown `date_order` value `{other}`; expected day_month_year (20/01/2027, the default) or month_day_year (01/20/2027)"
            )),
        }
    }
}

/// A date and time read in a zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub local: NaiveDateTime,
    pub zone: TimeZone,
    /// Whether the writer named the zone (otherwise it is the reader's).
    pub zone_written: bool,
}

/// What one writer's dates are read against.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    now: DateTime<Utc>,
    /// The writer's zone, for `today` and for times without one; `None`: UTC for dates,
    /// and a time must name its zone.
    zone: Option<TimeZone>,
    /// `None` when the programmes concerned disagree: then only unambiguous numeric dates
    /// are read.
    order: Option<DateOrder>,
}

/// How far ahead `in ...` may reach, and the years a date may have.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Reader {
    pub fn new(now: DateTime<Utc>, zone: Option<TimeZone>, order: Option<DateOrder>) -> Reader {
        Reader { now, zone, order }
    }

    /// For a writer acting in these programmes: their date order and time zone where they
    /// all agree (the default order when there is none).
    pub fn for_programmes<'a>(
        now: DateTime<Utc>,
        programmes: impl IntoIterator<Item = &'a Programme>,
    ) -> Reader {
        let programmes: Vec<&Programme> = programmes.into_iter().collect();
        let order = match programmes.split_first() {
            None => Some(DateOrder::default()),
            Some((first, rest)) => rest
                .iter()
                .all(|p| p.date_order == first.date_order)
                .then_some(first.date_order),
        };
        let zone = match programmes.split_first() {
            Some((first, rest)) if rest.iter().all(|p| p.time_zone == first.time_zone) => first
                .time_zone
                .as_deref()
                .and_then(|z| parse_time_zone(z).ok()),
            _ => None,
        };
        Reader { now, zone, order }
    }

    /// Today where the writer is.
    pub fn today(&self) -> NaiveDate {
        match &self.zone {
            Some(zone) => local_time(zone, self.now).date(),
            None => self.now.date_naive(),
        }
    }

    pub fn zone(&self) -> Option<&TimeZone> {
        self.zone.as_ref()
    }

    /// A date in the reader's order, always ahead and never ambiguous: 20 January of next
    /// year (`20/01/2028`, `01/20/2028`, or `2028-01-20` when the order is unknown).
    pub fn example_date(&self) -> String {
        let year = self.today().year().saturating_add(1).clamp(1, 9999);
        match self.order {
            Some(DateOrder::DayMonthYear) => format!("20/01/{year}"),
            Some(DateOrder::MonthDayYear) => format!("01/20/{year}"),
            None => format!("{year}-01-20"),
        }
    }

    /// `a date like 20/01/2028, 20 January or next Wednesday`
    pub fn date_hint(&self) -> Text {
        Text::msg("date-hint").arg("example", self.example_date())
    }

    /// `a date and time like 20/01/2028 18:00, tomorrow 9am or next Wednesday 6pm`
    pub fn date_time_hint(&self) -> Text {
        Text::msg("date-time-hint").arg("example", self.example_date())
    }

    /// A date alone; a date without a year is the next one from today.
    pub fn read_date(&self, text: &str) -> Result<NaiveDate, Text> {
        self.read_date_from(text, self.today())
    }

    /// A date alone; a date without a year is the first one on or after `from` (an end
    /// date is read from its start).
    pub fn read_date_from(&self, text: &str, from: NaiveDate) -> Result<NaiveDate, Text> {
        let text = text.trim();
        let owned = phrase::tokens(text);
        let tokens: Vec<&str> = owned.iter().map(String::as_str).collect();
        if tokens.is_empty() {
            return Err(Text::msg("date-give").arg("hint", self.date_hint()));
        }
        match phrase::date(&tokens) {
            Some(p) => self.resolve_date(&p, text, from),
            None if phrase::date_time(&tokens).is_some() => {
                Err(Text::msg("date-without-time").arg("hint", self.date_hint()))
            }
            None => Err(self.unreadable_date(text)),
        }
    }

    /// `“…” is not a date I can read: write a date like …`
    fn unreadable_date(&self, text: &str) -> Text {
        Text::msg("date-unreadable")
            .arg("text", preview(text, 40))
            .arg("hint", self.date_hint())
    }

    /// A date and a time, perhaps followed by a time zone; without one, the reader's zone
    /// (and without that, the writer is asked for one).
    pub fn read_moment(&self, text: &str) -> Result<Moment, Text> {
        let text = text.trim();
        let words = phrase::words(text);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        for n in (1..=words.len().min(8)).rev() {
            let phrase_text = words[..n].join(" ");
            let owned = phrase::tokens(&phrase_text);
            let tokens: Vec<&str> = owned.iter().map(String::as_str).collect();
            let Some((date, time)) = phrase::date_time(&tokens) else {
                continue;
            };
            let rest = words[n..].join(" ");
            let (zone, zone_written) = if rest.is_empty() {
                match &self.zone {
                    Some(zone) => (zone.clone(), false),
                    None => {
                        return Err(Text::msg("moment-which-zone").arg("typed", phrase_text));
                    }
                }
            } else {
                (parse_time_zone(&rest)?, true)
            };
            // `tomorrow` is tomorrow where the time is.
            let there = Reader {
                zone: Some(zone.clone()),
                ..self.clone()
            };
            let day = there.resolve_date(&date, &phrase_text, there.today())?;
            let time = resolve_time(&time, &phrase_text)?;
            return Ok(Moment {
                local: day.and_time(time),
                zone,
                zone_written,
            });
        }
        let date_words = phrase::date_words(&words);
        if date_words > 0 {
            return Err(Text::msg("moment-add-time").arg("typed", words[..date_words].join(" ")));
        }
        Err(Text::msg("moment-unreadable")
            .arg("text", preview(text, 40))
            .arg("hint", self.date_time_hint()))
    }

    /// The date a phrase means; `from` is where a date without a year starts looking.
    fn resolve_date(&self, p: &DatePhrase, text: &str, from: NaiveDate) -> Result<NaiveDate, Text> {
        let today = self.today();
        let too_far = || Text::msg("date-too-far").arg("text", preview(text, 40));
        let found = match *p {
            DatePhrase::Today => Ok(today),
            DatePhrase::Tomorrow => today.succ_opt().ok_or_else(too_far),
            DatePhrase::In(n, unit) => match unit {
                Unit::Days => today.checked_add_days(Days::new(n.into())),
                Unit::Weeks => today.checked_add_days(Days::new(u64::from(n) * 7)),
                Unit::Months => today.checked_add_months(Months::new(n)),
            }
            .filter(|d| YEARS.contains(&d.year()))
            .ok_or_else(too_far),
            DatePhrase::Weekday { day, today_counts } => {
                let ahead =
                    (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
                let ahead = if ahead == 0 && !today_counts {
                    7
                } else {
                    ahead
                };
                today
                    .checked_add_days(Days::new(ahead.into()))
                    .ok_or_else(too_far)
            }
            DatePhrase::On { date, weekday } => {
                let found = self.absolute(date, text, from)?;
                match weekday {
                    Some(w) if found.weekday() != w => Err(Text::msg("date-wrong-weekday")
                        .arg("date", Text::date(found))
                        .arg("weekday", weekday_said(found.weekday()))
                        .arg("written", weekday_said(w))),
                    _ => Ok(found),
                }
            }
        }?;
        // A date counted from today stays within the years a date may have.
        if YEARS.contains(&found.year()) {
            Ok(found)
        } else {
            Err(too_far())
        }
    }

    fn absolute(&self, date: Absolute, text: &str, from: NaiveDate) -> Result<NaiveDate, Text> {
        match date {
            Absolute::Ymd(y, m, d) => exact(y, m, d, text),
            Absolute::Named { day, month, year } => match year {
                Some(y) => exact(y, month, day, text),
                None => next_on_or_after(month, day, from, text),
            },
            Absolute::Numeric(a, b, year) => {
                let at = |month: u32, day: u32| match year {
                    Some(y) => exact(y, month, day, text),
                    None => next_on_or_after(month, day, from, text),
                };
                match self.order {
                    Some(order) => {
                        let (month, day) = match order {
                            DateOrder::DayMonthYear => (b, a),
                            DateOrder::MonthDayYear => (a, b),
                        };
                        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                            return Err(Text::msg("date-not-in-order")
                                .arg("text", preview(text, 40))
                                .arg("order", order.said())
                                .arg("example", self.example_date()));
                        }
                        at(month, day)
                    }
                    None => {
                        let mut found: Vec<NaiveDate> = [(b, a), (a, b)]
                            .into_iter()
                            .filter_map(|(m, d)| at(m, d).ok())
                            .collect();
                        found.dedup();
                        match found.as_slice() {
                            [one] => Ok(*one),
                            // The ways to write it are as typed: month names are
                            // read in English.
                            [x, y] => Err(Text::msg("date-ambiguous")
                                .arg("text", preview(text, 40))
                                .arg("one", Text::day_month(*x))
                                .arg("other", Text::day_month(*y))
                                .arg("named", x.format("%-d %B %Y").to_string())
                                .arg("iso", x.format("%Y-%m-%d").to_string())),
                            _ => Err(self.unreadable_date(text)),
                        }
                    }
                }
            }
        }
    }
}

/// `d month y`, or what is wrong with it.
fn exact(year: i32, month: u32, day: u32, text: &str) -> Result<NaiveDate, Text> {
    if !YEARS.contains(&year) {
        return Err(Text::msg("date-year-out-of-range").arg("text", preview(text, 40)));
    }
    let name = month_said(month, text)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        Text::msg("date-no-such-day").arg(
            "date",
            Text::msg("date")
                .arg("day", i64::from(day))
                .arg("month", name)
                .arg("year", year.to_string()),
        )
    })
}

/// The first `day month` on or after `from` (29 February waits for a leap year).
fn next_on_or_after(month: u32, day: u32, from: NaiveDate, text: &str) -> Result<NaiveDate, Text> {
    let name = month_said(month, text)?;
    (from.year()..=from.year().saturating_add(8))
        .filter(|y| YEARS.contains(y))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= from)
        .ok_or_else(|| {
            Text::msg("date-no-such-day").arg(
                "date",
                Text::msg("day-month")
                    .arg("day", i64::from(day))
                    .arg("month", name),
            )
        })
}

/// Month `month` by name in the reader's language, or the refusal of a month that is none.
fn month_said(month: u32, text: &str) -> Result<Text, Text> {
    Ok(match month {
        1 => Text::msg("month-1"),
        2 => Text::msg("month-2"),
        3 => Text::msg("month-3"),
        4 => Text::msg("month-4"),
        5 => Text::msg("month-5"),
        6 => Text::msg("month-6"),
        7 => Text::msg("month-7"),
        8 => Text::msg("month-8"),
        9 => Text::msg("month-9"),
        10 => Text::msg("month-10"),
        11 => Text::msg("month-11"),
        12 => Text::msg("month-12"),
        _ => {
            return Err(Text::msg("date-no-such-month")
                .arg("text", preview(text, 40))
                .arg("month", i64::from(month)));
        }
    })
}

/// A weekday's whole name in the reader's language (`Wednesday`, `miércoles`).
fn weekday_said(w: chrono::Weekday) -> Text {
    use chrono::Weekday;
    match w {
        Weekday::Mon => Text::msg("weekday-long-1"),
        Weekday::Tue => Text::msg("weekday-long-2"),
        Weekday::Wed => Text::msg("weekday-long-3"),
        Weekday::Thu => Text::msg("weekday-long-4"),
        Weekday::Fri => Text::msg("weekday-long-5"),
        Weekday::Sat => Text::msg("weekday-long-6"),
        Weekday::Sun => Text::msg("weekday-long-7"),
    }
}

/// The time a phrase means, or what is wrong with it.
pub fn resolve_time(t: &TimePhrase, text: &str) -> Result<NaiveTime, Text> {
    let bad = || Text::msg("time-unreadable").arg("text", preview(text, 40));
    let hour = match t.pm {
        None if t.hour <= 23 => t.hour,
        Some(pm) if (1..=12).contains(&t.hour) => t.hour % 12 + if pm { 12 } else { 0 },
        _ => return Err(bad()),
    };
    NaiveTime::from_hms_opt(hour, t.minute, 0).ok_or_else(bad)
}
