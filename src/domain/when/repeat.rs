//! Repeating events in words, turned into the cron form events already use:
//!
//! - `every Wednesday at 13:30 until 30 June` → `30 13 * * WED`
//! - `every Monday and Thursday 6pm until 2027-06-30` → `0 18 * * MON,THU`
//! - `every weekday 9am`, `every weekend`, `every day`, `daily`, `weekly`, `every week`
//!   (on the start's weekday), `monthly` (on the start's day of the month)
//! - `every other Monday`, `every 2 weeks`, `fortnightly`, `every other day`: the cron rule,
//!   in every second (or n-th) block of seven days (or of one) counted from the start.
//!
//! Without a time, the start's time is used. The end date is left as written, for the
//! caller to read with its [`super::Reader`] (from the start's date).

use chrono::{Datelike, NaiveDateTime, Timelike, Weekday};

use super::phrase::{count, time, tokens, weekday};
use super::resolve_time;
use crate::i18n::Text;

/// A repeating rule read from words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatWords {
    /// The same rule in the cron form (`30 13 * * WED`).
    pub cron: String,
    /// Sessions fall only in every `every`-th block of `block_days` days from the start's
    /// date (every other Monday: blocks of 7, every 2nd); 1 for every block.
    pub every: u32,
    pub block_days: u32,
    /// The end date as written (`30 June`), if any.
    pub until: Option<String>,
    /// The rule as written, for messages (`every Wednesday at 13:30`).
    pub written: String,
}

/// What the rule falls on.
enum Days {
    All,
    /// Cron weekday names, in week order.
    Some(Vec<Weekday>),
    /// The start's day of the month.
    Monthly,
}

/// Reads a rule in words; `None` when `text` is not one (it may be the cron form).
pub fn repeat_words(text: &str, start: NaiveDateTime) -> Option<Result<RepeatWords, Text>> {
    // ASCII lowercase keeps byte offsets, so the cut is valid in `text` too.
    let lower = text.to_ascii_lowercase();
    let (rule, until) = match [" until ", " till "]
        .iter()
        .filter_map(|w| lower.rfind(w).map(|at| (at, w.len())))
        .max()
    {
        Some((at, len)) => (&text[..at], Some(text[at + len..].trim().to_string())),
        None => (text, None),
    };
    let owned = tokens(rule);
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let (first, rest) = words.split_first()?;
    let parsed = match *first {
        "every" | "each" => every(rest, start),
        "daily" => Ok((Days::All, 1, 1, rest)),
        "weekly" => Ok((Days::Some(vec![start.weekday()]), 1, 7, rest)),
        "fortnightly" => Ok((Days::Some(vec![start.weekday()]), 2, 7, rest)),
        "monthly" => Ok((Days::Monthly, 1, 1, rest)),
        "weekdays" => Ok((Days::Some(work_week()), 1, 7, rest)),
        _ => return None,
    };
    Some(parsed.and_then(|(days, every, block_days, rest)| {
        let at = match rest {
            [] => start.time(),
            _ => time(rest)
                .ok_or(())
                .and_then(|t| resolve_time(&t, &rest.join(" ")).map_err(|_| ()))
                .map_err(|_| Text::msg("repeat-time-unreadable").arg("text", rest.join(" ")))?,
        };
        let (day_of_month, weekdays) = match days {
            Days::All => ("*".to_string(), "*".to_string()),
            Days::Monthly => (start.day().to_string(), "*".to_string()),
            Days::Some(list) => (
                "*".to_string(),
                list.iter()
                    .map(|d| cron_name(*d))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        };
        Ok(RepeatWords {
            cron: format!("{} {} {day_of_month} * {weekdays}", at.minute(), at.hour()),
            every,
            block_days,
            until: until.clone(),
            written: rule.split_whitespace().collect::<Vec<_>>().join(" "),
        })
    }))
}

type Parsed<'a> = (Days, u32, u32, &'a [&'a str]);

/// After `every`: `[other | <n>] <what> [time]`.
fn every<'a>(words: &'a [&'a str], start: NaiveDateTime) -> Result<Parsed<'a>, Text> {
    let usage = || Text::msg("repeat-how-often");
    let (every, words) = match words {
        ["other" | "second", rest @ ..] => (2, rest),
        [n, rest @ ..] if count(n).is_some_and(|n| n > 1) && !rest.is_empty() => {
            let n = count(n).filter(|n| *n <= 52).ok_or_else(usage)?;
            (n, rest)
        }
        _ => (1, words),
    };
    let (what, rest) = words.split_first().ok_or_else(usage)?;
    let only_once = |days: Days, block: u32| {
        if every == 1 {
            Ok((days, 1, block, rest))
        } else {
            let every = if every == 2 {
                "other".to_string()
            } else {
                every.to_string()
            };
            Err(Text::msg("repeat-rule-unfollowable").arg("rule", format!("every {every} {what}")))
        }
    };
    match *what {
        "day" | "days" => Ok((Days::All, every, 1, rest)),
        "weekday" | "weekdays" => only_once(Days::Some(work_week()), 7),
        "weekend" | "weekends" => only_once(Days::Some(vec![Weekday::Sat, Weekday::Sun]), 7),
        "month" => only_once(Days::Monthly, 1),
        "fortnight" => Ok((Days::Some(vec![start.weekday()]), every * 2, 7, rest)),
        "week" | "weeks" => {
            // `every 2 weeks on Monday and Thursday`
            let (days, rest) = weekday_list(rest);
            let days = if days.is_empty() {
                vec![start.weekday()]
            } else {
                days
            };
            Ok((Days::Some(days), every, 7, rest))
        }
        _ => {
            let (days, rest) = weekday_list(words);
            if days.is_empty() {
                return Err(usage());
            }
            Ok((Days::Some(days), every, 7, rest))
        }
    }
}

/// `Monday and Thursday`, `mondays & wednesdays`, `mon wed fri`: the days in week order,
/// and the words after them.
fn weekday_list<'a>(words: &'a [&'a str]) -> (Vec<Weekday>, &'a [&'a str]) {
    let mut days = Vec::new();
    let mut used = 0;
    for (i, w) in words.iter().enumerate() {
        let day = weekday(w).or_else(|| w.strip_suffix('s').and_then(weekday));
        match day {
            Some(d) => {
                days.push(d);
                used = i + 1;
            }
            None if matches!(*w, "and" | "&") && !days.is_empty() => {}
            None => break,
        }
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    (days, &words[used..])
}

fn work_week() -> Vec<Weekday> {
    vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
}

fn cron_name(d: Weekday) -> &'static str {
    ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"][d.num_days_from_monday() as usize]
}
