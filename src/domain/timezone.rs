//! Parsing the time zone people give: an IANA name (`Europe/Berlin`, any letter case), a
//! city that names one (`Nairobi`), or a fixed UTC offset (`UTC+2`, `GMT-03:30`, `+05:45`).
//!
//! The result is stored as text: the canonical IANA name, or `UTC±HH:MM` for offsets, so the
//! scheduler can later turn it back into a zone with [`parse_time_zone`].

use crate::i18n::Text;
use std::str::FromStr;

use chrono_tz::Tz;

/// A validated time zone, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeZone {
    Named(Tz),
    /// Offset from UTC in minutes, between −12:00 and +14:00.
    Offset(i32),
}

impl TimeZone {
    pub fn canonical(&self) -> String {
        match self {
            TimeZone::Named(tz) => tz.name().to_string(),
            TimeZone::Offset(0) => "UTC".to_string(),
            TimeZone::Offset(m) => {
                let sign = if *m < 0 { '-' } else { '+' };
                let m = m.abs();
                format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

/// The time zone a set of answers gives (an application's `time_zone` question), if any.
pub fn answered(answers: &[(String, super::Answer)]) -> Option<TimeZone> {
    answers.iter().find_map(|(_, a)| match a {
        super::Answer::TimeZone(tz) => parse_time_zone(tz).ok(),
        _ => None,
    })
}

/// Parses a time zone as a person would type it. The error is the hint to show them.
pub fn parse_time_zone(input: &str) -> Result<TimeZone, Text> {
    let s = input.trim();
    let hint = || Text::msg("time-zone-hint");
    if s.is_empty() {
        return Err(hint());
    }
    let upper = s.to_uppercase();
    if upper == "UTC" || upper == "GMT" || upper == "Z" {
        return Ok(TimeZone::Offset(0));
    }
    // The prefixes are ASCII: compared on `s` itself, so cutting it stays on a character
    // boundary (upper-casing can change a text's length: `ß` becomes `SS`).
    let offset_part = ["UTC", "GMT"]
        .iter()
        .find_map(|p| {
            s.get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| s[p.len()..].trim())
        })
        .or_else(|| (s.starts_with('+') || s.starts_with('-')).then_some(s));
    if let Some(rest) = offset_part {
        return parse_offset(rest).ok_or_else(|| Text::msg("time-zone-bad-offset").arg("typed", s));
    }
    if let Ok(tz) = Tz::from_str(s) {
        return Ok(TimeZone::Named(tz));
    }
    if let Some(tz) = chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(s))
    {
        return Ok(TimeZone::Named(*tz));
    }
    // A city: the last part of a zone name, with spaces for underscores ("sao paulo").
    let wanted = s.to_lowercase().replace(' ', "_");
    let mut found = chrono_tz::TZ_VARIANTS.iter().filter(|tz| {
        let name = tz.name();
        name.contains('/')
            && name
                .rsplit('/')
                .next()
                .is_some_and(|city| city.to_lowercase() == wanted)
    });
    if let Some(tz) = found.next() {
        return Ok(TimeZone::Named(*tz));
    }
    Err(Text::msg("time-zone-unknown")
        .arg("typed", s)
        .arg("hint", hint()))
}

fn parse_offset(rest: &str) -> Option<TimeZone> {
    let (sign, body) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' | '−' => (-1, &rest[rest.chars().next()?.len_utf8()..]),
        _ => return None,
    };
    let body = body.trim();
    // Offsets are ASCII digits; anything else is refused before the text is cut by bytes.
    if !body.is_ascii() {
        return None;
    }
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h, m),
        None if body.len() == 4 => body.split_at(2),
        None => (body, "0"),
    };
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..60).contains(&m) || !(0..=14).contains(&h) {
        return None;
    }
    let total = sign * (h * 60 + m);
    (-12 * 60..=14 * 60)
        .contains(&total)
        .then_some(TimeZone::Offset(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        parse_time_zone(s).unwrap().canonical()
    }

    #[test]
    fn iana_names_are_accepted_in_any_letter_case() {
        assert_eq!(canon("Europe/Berlin"), "Europe/Berlin");
        assert_eq!(canon("america/sao_paulo"), "America/Sao_Paulo");
    }

    #[test]
    fn a_city_name_finds_its_zone() {
        assert_eq!(canon("Nairobi"), "Africa/Nairobi");
        assert_eq!(canon("sao paulo"), "America/Sao_Paulo");
    }

    #[test]
    fn utc_offsets_are_normalised() {
        assert_eq!(canon("UTC+2"), "UTC+02:00");
        assert_eq!(canon("gmt-03:30"), "UTC-03:30");
        assert_eq!(canon("+0545"), "UTC+05:45");
        assert_eq!(canon("UTC"), "UTC");
        assert_eq!(canon("UTC+14"), "UTC+14:00");
    }

    #[test]
    fn impossible_offsets_and_unknown_names_are_refused_with_a_hint() {
        assert!(
            parse_time_zone("UTC+15")
                .unwrap_err()
                .english()
                .contains("UTC-12 to UTC+14")
        );
        assert!(parse_time_zone("UTC-13").is_err());
        assert!(parse_time_zone("UTC+2:75").is_err());
        assert!(
            parse_time_zone("Mars/Olympus")
                .unwrap_err()
                .english()
                .contains("Europe/London")
        );
        assert!(parse_time_zone("").is_err());
        assert!(parse_time_zone("42").is_err());
    }

    #[test]
    fn a_time_zone_with_a_non_ascii_character_after_the_sign_is_refused_not_a_panic() {
        for input in ["+1é1", "UTC+1é1", "-é12", "GMT+1日", "+1ß", "utc+ß1", "+٣٣"] {
            let message = parse_time_zone(input).unwrap_err();
            assert!(
                message.english().contains("not a valid UTC offset"),
                "{input}: {message}"
            );
        }
    }

    #[test]
    fn a_time_zone_whose_capitals_are_longer_than_it_is_refused_not_a_panic() {
        // `ŉ` upper-cases to `ʼN`, one byte longer.
        for input in ["+1ŉ", "UTC+1ŉ", "ßß", "+ßß", "UTCß", "gmtﬀ1", "İstanbul"] {
            assert!(parse_time_zone(input).is_err(), "{input}");
        }
        assert_eq!(canon("utc+0530"), "UTC+05:30");
        assert_eq!(canon("Gmt-3"), "UTC-03:00");
    }
}
