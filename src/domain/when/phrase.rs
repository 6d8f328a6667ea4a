//! What a date or time phrase *says*, before it is worked out against a calendar: the
//! words are split into tokens and recognised as a [`DatePhrase`] or a [`TimePhrase`].
//!
//! Recognition is by shape only (`31/02/2027` is a numeric date, `25:00` a time): whether
//! the values exist, and which of day and month comes first, is decided when the phrase is
//! resolved ([`super::Reader`]), which can then say exactly what is wrong. Knowing where a
//! phrase ends without a calendar lets a command grammar split `until 30 June spam` into a
//! date and a reason.

use chrono::Weekday;

/// A date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatePhrase {
    Today,
    Tomorrow,
    /// `in 3 days`, `in 2 weeks`, `in a month`.
    In(u32, Unit),
    /// `Wednesday`, `next Wednesday` (the first one after today), `this Wednesday` (today
    /// counts).
    Weekday {
        day: Weekday,
        today_counts: bool,
    },
    /// An absolute date, perhaps with the weekday written beside it to be checked.
    On {
        date: Absolute,
        weekday: Option<Weekday>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
}

/// A calendar date as written, not yet checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absolute {
    /// Year first (`2027-01-20`, `2027/1/20`): never ambiguous.
    Ymd(i32, u32, u32),
    /// Two numbers in the programme's date order, and perhaps a year (`20/01/2027`,
    /// `1.20.27`, `20/01`).
    Numeric(u32, u32, Option<i32>),
    /// A day and a named month (`20 January 2027`, `Jan 20`).
    Named {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
}

/// A time of day as written, not yet checked (`25:00` is one, refused when resolved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimePhrase {
    pub hour: u32,
    pub minute: u32,
    /// `Some(true)` for pm, `Some(false)` for am, `None` for a 24-hour time.
    pub pm: Option<bool>,
}

/// Words that only join a phrase together (`at 6pm on Friday the 20th of January`).
const FILLERS: [&str; 4] = ["at", "on", "the", "of"];

/// The words of `text` in lower case, commas and fillers dropped, a full stop after a
/// word (`Jan.`) dropped, and `a.m.`/`p.m.` written `am`/`pm`.
pub fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace("a.m.", "am")
        .replace("p.m.", "pm")
        .replace(',', " ")
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_string())
        .filter(|w| !w.is_empty() && !FILLERS.contains(&w.as_str()))
        .collect()
}

/// The date `tokens` make, all of them, or `None`.
pub fn date(tokens: &[&str]) -> Option<DatePhrase> {
    Some(match tokens {
        ["today"] => DatePhrase::Today,
        ["tomorrow" | "tmrw"] => DatePhrase::Tomorrow,
        ["in", n, "fortnight" | "fortnights"] => {
            DatePhrase::In(count(n)?.checked_mul(2)?, Unit::Weeks)
        }
        ["in", n, unit] => DatePhrase::In(count(n)?, self::unit(unit)?),
        ["next", day] => DatePhrase::Weekday {
            day: weekday(day)?,
            today_counts: false,
        },
        ["this", day] => DatePhrase::Weekday {
            day: weekday(day)?,
            today_counts: true,
        },
        [day] if weekday(day).is_some() => DatePhrase::Weekday {
            day: weekday(day)?,
            today_counts: false,
        },
        [day, rest @ ..] if weekday(day).is_some() => DatePhrase::On {
            date: absolute(rest)?,
            weekday: weekday(day),
        },
        _ => DatePhrase::On {
            date: absolute(tokens)?,
            weekday: None,
        },
    })
}

/// `2027-01-20`, `20/01/2027`, `20 January 2027`, `January 20th`, ...
fn absolute(tokens: &[&str]) -> Option<Absolute> {
    Some(match tokens {
        [one] => numeric(one)?,
        [a, b] => match (day(a), month(b), month(a), day(b)) {
            (Some(day), Some(month), ..) | (.., Some(month), Some(day)) => Absolute::Named {
                day,
                month,
                year: None,
            },
            _ => return None,
        },
        [a, b, y] => {
            let year = Some(year(y)?);
            match (day(a), month(b), month(a), day(b)) {
                (Some(day), Some(month), ..) | (.., Some(month), Some(day)) => {
                    Absolute::Named { day, month, year }
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// One token of numbers and one kind of separator: `/`, `.` or `-`.
fn numeric(token: &str) -> Option<Absolute> {
    let sep = ['/', '.', '-'].into_iter().find(|s| token.contains(*s))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let small = |p: &str| (p.len() <= 2).then(|| p.parse::<u32>().ok()).flatten();
    Some(match parts.as_slice() {
        [y, m, d] if y.len() == 4 => Absolute::Ymd(y.parse().ok()?, small(m)?, small(d)?),
        [a, b, y] if y.len() == 4 => Absolute::Numeric(small(a)?, small(b)?, y.parse().ok()),
        // `20/01/27`: a two-digit year is this century's.
        [a, b, y] if y.len() == 2 => {
            Absolute::Numeric(small(a)?, small(b)?, Some(2000 + y.parse::<i32>().ok()?))
        }
        [a, b] => Absolute::Numeric(small(a)?, small(b)?, None),
        _ => return None,
    })
}

/// `20`, `20th`, `1st`
fn day(token: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| token.strip_suffix(s))
        .unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Four digits.
fn year(token: &str) -> Option<i32> {
    (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.parse().ok())
        .flatten()
}

pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's name or its first three letters (`sept` too), numbered from 1.
pub fn month(token: &str) -> Option<u32> {
    if token == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|m| *m == token || (token.len() == 3 && m.starts_with(token)))
        .map(|i| i as u32 + 1)
}

/// A weekday's name or a usual short form (`wed`, `weds`, `tues`, `thurs`).
pub fn weekday(token: &str) -> Option<Weekday> {
    Some(match token {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" | "weds" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// `3`, `a`, `one` ... `twelve`
pub fn count(token: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match token {
        "a" | "an" => Some(1),
        _ => WORDS
            .iter()
            .position(|w| *w == token)
            .map(|i| i as u32 + 1)
            .or_else(|| {
                (token.len() <= 4 && token.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| token.parse().ok())
                    .flatten()
            }),
    }
}

fn unit(token: &str) -> Option<Unit> {
    Some(match token {
        "day" | "days" => Unit::Days,
        "week" | "weeks" => Unit::Weeks,
        "month" | "months" => Unit::Months,
        _ => return None,
    })
}

/// The time `tokens` make, all of them, or `None`: `18:00`, `18.00`, `6pm`, `6 pm`,
/// `9.30am`, `9:30 am`, `noon`, `midday`, `midnight`.
pub fn time(tokens: &[&str]) -> Option<TimePhrase> {
    match tokens {
        ["noon" | "midday"] => Some(TimePhrase {
            hour: 12,
            minute: 0,
            pm: None,
        }),
        ["midnight"] => Some(TimePhrase {
            hour: 0,
            minute: 0,
            pm: None,
        }),
        [one] => {
            for (suffix, pm) in [("am", false), ("pm", true)] {
                if let Some(clock) = one.strip_suffix(suffix) {
                    return twelve_hour(clock, pm);
                }
            }
            let (h, m) = one.split_once(':').or_else(|| one.split_once('.'))?;
            Some(TimePhrase {
                hour: digits(h, 2)?,
                minute: two_digits(m)?,
                pm: None,
            })
        }
        [clock, "am"] => twelve_hour(clock, false),
        [clock, "pm"] => twelve_hour(clock, true),
        _ => None,
    }
}

/// `6`, `9.30`, `9:30` before am or pm.
fn twelve_hour(clock: &str, pm: bool) -> Option<TimePhrase> {
    let (h, m) = match clock.split_once(':').or_else(|| clock.split_once('.')) {
        Some((h, m)) => (h, two_digits(m)?),
        None => (clock, 0),
    };
    Some(TimePhrase {
        hour: digits(h, 2)?,
        minute: m,
        pm: Some(pm),
    })
}

fn digits(text: &str, most: usize) -> Option<u32> {
    (!text.is_empty() && text.len() <= most && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn two_digits(text: &str) -> Option<u32> {
    (text.len() == 2).then(|| digits(text, 2)).flatten()
}

/// A date and a time, in either order (`next Wednesday 18:00`, `6pm on Friday`).
pub fn date_time(tokens: &[&str]) -> Option<(DatePhrase, TimePhrase)> {
    (1..tokens.len()).find_map(|k| {
        let (a, b) = tokens.split_at(k);
        date(a)
            .zip(time(b))
            .or_else(|| time(a).zip(date(b)).map(|(t, d)| (d, t)))
    })
}

/// Words as typed, with an ISO date-time (`2027-01-20T18:00`, `...T18:00Z`) cut into its
/// date, its time and, for `Z`, the zone `UTC`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let split = word.split_once(['T', 't']).filter(|(d, t)| {
            d.len() >= 8
                && d.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        });
        match split {
            Some((d, t)) => {
                out.push(d.to_string());
                match t.strip_suffix(['Z', 'z']) {
                    Some(t) => out.extend([t.to_string(), "UTC".to_string()]),
                    None => out.push(t.to_string()),
                }
            }
            None => out.push(word.to_string()),
        }
    }
    out
}

/// How many of the first `words` make a date (the most that do, at most six), or 0.
pub fn date_words(words: &[&str]) -> usize {
    (1..=words.len().min(6))
        .rev()
        .find(|&n| {
            let t = tokens(&words[..n].join(" "));
            let t: Vec<&str> = t.iter().map(String::as_str).collect();
            !t.is_empty() && date(&t).is_some()
        })
        .unwrap_or(0)
}
