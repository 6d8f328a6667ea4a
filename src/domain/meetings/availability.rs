//! Weekly availability as people write it: days, then hours, in their own time.
//!
//! A new way of writing days or times goes here, with a test in `tests.rs`.

use super::{MAX_WINDOWS, Window};
use crate::domain::when::phrase;
use crate::i18n::Text;

/// The usage shown with every refusal, in the reader's language.
pub fn availability_example() -> Text {
    Text::msg("meet-availability-example")
}

/// Reads a week's availability: days (`mon`, `tuesdays`, `mon-fri`, `weekdays`,
/// `weekends`, `every day`) each followed by hours (`18-20`, `18:30-21:00`, `6-8pm`,
/// `9am to noon`); hours without days take the days before them. A window that ends
/// before it starts runs past midnight into the next day. The error is what to tell.
pub fn parse_availability(text: &str) -> Result<Vec<Window>, Text> {
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
            "and" | "on" | "from" | "at" | "every" | "each" | "between" | "y" | "los" | "de" | "و"
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
            return Err(Text::msg("meet-unread-times")
                .arg("part", t)
                .arg("example", availability_example()));
        };
        let on = if days.is_empty() {
            last_days.clone()
        } else {
            std::mem::take(&mut days)
        };
        if on.is_empty() {
            return Err(Text::msg("meet-which-days").arg("example", availability_example()));
        }
        if start == end {
            return Err(Text::msg("meet-same-time")
                .arg("part", tokens[i..i + used].join(" ").replace(" - ", "-")));
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
        return Err(Text::msg("meet-what-hours").arg("example", availability_example()));
    }
    if windows.is_empty() {
        return Err(Text::msg("meet-give-times").arg("example", availability_example()));
    }
    let merged = merge(windows);
    if merged.len() > MAX_WINDOWS {
        return Err(Text::msg("meet-too-many")
            .arg("count", merged.len())
            .arg("max", MAX_WINDOWS));
    }
    Ok(merged)
}

fn is_range_word(t: &str) -> bool {
    matches!(t, "-" | "to" | "until" | "till" | "through")
}

/// A weekday's name, short or plural (`mondays`), as 0 (Monday) to 6.
fn single_day(t: &str) -> Option<u8> {
    let day = |t: &str| phrase::weekday(t).or_else(|| other_languages(t));
    day(t)
        .or_else(|| t.strip_suffix('s').and_then(day))
        .map(|d| d.num_days_from_monday() as u8)
}

/// A day named in Spanish or Arabic (`mié`, `sábados`, `الأحد`), as the example is
/// written in those languages.
fn other_languages(t: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match t {
        "lunes" | "lun" | "الاثنين" | "الإثنين" | "اثنين" => Mon,
        "martes" | "mar" | "الثلاثاء" | "ثلاثاء" => Tue,
        "miércoles" | "miercoles" | "mié" | "mie" | "الأربعاء" | "الاربعاء" | "أربعاء" => {
            Wed
        }
        "jueves" | "jue" | "الخميس" | "خميس" => Thu,
        "viernes" | "vie" | "الجمعة" | "جمعة" => Fri,
        "sábado" | "sabado" | "sáb" | "sab" | "السبت" | "سبت" => Sat,
        "domingo" | "dom" | "الأحد" | "الاحد" | "أحد" => Sun,
        _ => return None,
    })
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
