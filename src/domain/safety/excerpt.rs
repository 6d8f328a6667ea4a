//! What a finding keeps of the message: a short excerpt around the match (a few words either
//! side, cut to a bounded length, on one line), and the night window in which a message
//! is counted.

use std::ops::Range;

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// Words kept on each side of a match.
const WORDS_AROUND: usize = 4;
/// Characters kept on each side of a match, at most.
const CHARS_AROUND: usize = 40;
/// Characters of the match itself kept, at most.
const MATCH_CHARS: usize = 80;

/// A few words either side of `span` in `text`, on one line, with `…` where it was cut.
pub fn excerpt(text: &str, span: Range<usize>) -> String {
    let span = span.start.min(text.len())..span.end.min(text.len());
    let before = &text[..span.start];
    let matched = &text[span.clone()];
    let after = &text[span.end..];
    let before_words: Vec<&str> = before.split_whitespace().collect();
    let after_words: Vec<&str> = after.split_whitespace().collect();
    // A word the match is part of (no space between) is kept whole.
    let joined_before = !before.is_empty() && !before.ends_with(char::is_whitespace);
    let joined_after = !after.is_empty() && !after.starts_with(char::is_whitespace);
    let take_before = WORDS_AROUND + usize::from(joined_before);
    let take_after = WORDS_AROUND + usize::from(joined_after);
    let lead = &before_words[before_words.len().saturating_sub(take_before)..];
    let tail = &after_words[..take_after.min(after_words.len())];
    let mut left = lead.join(" ");
    if joined_before {
        left = left.trim_end().to_string();
    } else if !left.is_empty() {
        left.push(' ');
    }
    let mut right = tail.join(" ");
    if !joined_after && !right.is_empty() {
        right.insert(0, ' ');
    }
    let left = cut_start(&left, CHARS_AROUND, lead.len() < before_words.len());
    let right = cut_end(&right, CHARS_AROUND, tail.len() < after_words.len());
    let one_line = matched.split_whitespace().collect::<Vec<_>>().join(" ");
    let middle = cut_end(&one_line, MATCH_CHARS, false);
    format!("{left}{middle}{right}")
}

fn cut_end(s: &str, max: usize, more: bool) -> String {
    if s.chars().count() <= max {
        return if more {
            format!("{s} …")
        } else {
            s.to_string()
        };
    }
    let kept: String = s.chars().take(max).collect();
    format!("{kept}…")
}

fn cut_start(s: &str, max: usize, more: bool) -> String {
    let n = s.chars().count();
    if n <= max {
        return if more {
            format!("… {s}")
        } else {
            s.to_string()
        };
    }
    let kept: String = s.chars().skip(n - max).collect();
    format!("…{kept}")
}

/// The young person's night: messages sent from `from` until `to` (local time) are
/// counted. `from` after `to` spans midnight (the default, 22:00 to 07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NightWindow {
    /// Minutes after midnight.
    pub from: u32,
    pub to: u32,
}

impl Default for NightWindow {
    fn default() -> Self {
        NightWindow {
            from: 22 * 60,
            to: 7 * 60,
        }
    }
}

impl NightWindow {
    pub fn contains(&self, t: NaiveTime) -> bool {
        let m = t.hour() * 60 + t.minute();
        if self.from <= self.to {
            (self.from..self.to).contains(&m)
        } else {
            m >= self.from || m < self.to
        }
    }

    /// `HH:MM` as written in programme files, into minutes after midnight.
    pub fn parse_time(s: &str) -> Option<u32> {
        let (h, m) = s.trim().split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60 && !s.trim().starts_with('+')).then_some(h * 60 + m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_a_few_words_either_side_and_never_the_whole_long_message() {
        let text = "one two three four five six add me on snap seven eight nine ten eleven twelve";
        let start = text.find("add").unwrap();
        let end = text.find("snap").unwrap() + 4;
        assert_eq!(
            excerpt(text, start..end),
            "… three four five six add me on snap seven eight nine ten …"
        );
        let short = "call 555 1234";
        assert_eq!(excerpt(short, 5..13), "call 555 1234");
    }

    #[test]
    fn a_night_window_may_span_midnight_or_not() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let night = NightWindow::default();
        assert!(night.contains(t(22, 0)) && night.contains(t(3, 0)));
        assert!(!night.contains(t(7, 0)) && !night.contains(t(21, 59)));
        let early = NightWindow { from: 60, to: 300 };
        assert!(early.contains(t(2, 0)) && !early.contains(t(23, 0)));
        assert_eq!(NightWindow::parse_time("22:30"), Some(1350));
        assert_eq!(NightWindow::parse_time("24:00"), None);
    }
}
