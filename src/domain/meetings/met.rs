//! How long a pair says they met: `met 45m`, `met 1h30`, `met no`.

use super::{MET_MINUTES, hours};
use crate::i18n::Text;

/// What a member says about a meeting afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Met {
    /// They met, for this many minutes.
    Minutes(u32),
    /// They did not meet.
    No,
}

/// The usage of `met`, in the reader's language.
pub fn met_usage() -> Text {
    Text::msg("meet-met-usage")
}

/// Reads how long a pair met: `45`, `45m`, `45 min`, `1h`, `1.5h`, `1h30`, `1:30`,
/// `an hour`, `half an hour`, `90 minutes`; or `no`. The error is what to tell.
pub fn parse_met(text: &str) -> Result<Met, Text> {
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
        Text::msg("meet-unread-length")
            .arg("part", t)
            .arg("usage", met_usage())
    })?;
    if !MET_MINUTES.contains(&minutes) {
        return Err(Text::msg("meet-length-range")
            .arg("min", hours(*MET_MINUTES.start()))
            .arg("max", hours(*MET_MINUTES.end()))
            .arg("usage", met_usage()));
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
