//! Conversation starters: a programme's bank of things a pair can talk about, by how far
//! into the relationship they are (`[[starters]]` in the programme file). `idea` in a pair
//! room gives one the pair has not had yet, and a quiet pair's nudge carries one.
//!
//! A starter is remembered by its text once given to a pair, so reordering or adding to the
//! bank never gives a pair the same one twice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// When in a relationship a starter fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StarterStage {
    /// The first third of the planned duration.
    Early,
    /// The middle third.
    Middle,
    /// The last third.
    Late,
    /// Any time.
    #[default]
    Any,
}

impl StarterStage {
    pub const NAMES: [(&'static str, StarterStage); 4] = [
        ("early", StarterStage::Early),
        ("middle", StarterStage::Middle),
        ("late", StarterStage::Late),
        ("any", StarterStage::Any),
    ];

    /// Where a match started at `started` stands at `now`, for a relationship planned to
    /// last `months`.
    pub fn of(started: DateTime<Utc>, now: DateTime<Utc>, months: u32) -> StarterStage {
        let planned = (i64::from(months.max(1)) * 30 * 24 * 60).max(1);
        let elapsed = (now - started).num_minutes().max(0);
        match elapsed * 3 / planned {
            0 => StarterStage::Early,
            1 => StarterStage::Middle,
            _ => StarterStage::Late,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Starter {
    pub text: String,
    #[serde(default)]
    pub stage: StarterStage,
}

/// A starter the pair has not had (`used`: the texts given before): one of their stage
/// first, then one for any time, each in the bank's order. `None` when every fitting one
/// was used.
pub fn pick<'a>(
    bank: &'a [Starter],
    used: &[String],
    started: DateTime<Utc>,
    now: DateTime<Utc>,
    months: u32,
) -> Option<&'a Starter> {
    let stage = StarterStage::of(started, now, months);
    let fresh = |s: &&Starter| !used.contains(&s.text);
    bank.iter()
        .filter(fresh)
        .find(|s| s.stage == stage)
        .or_else(|| {
            bank.iter()
                .filter(fresh)
                .find(|s| s.stage == StarterStage::Any)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + days * 86_400, 0).unwrap()
    }

    fn bank() -> Vec<Starter> {
        [
            ("What do you hope to get from this?", StarterStage::Early),
            ("What surprised you so far?", StarterStage::Middle),
            ("What will you do next?", StarterStage::Late),
            ("A book that changed your mind?", StarterStage::Any),
        ]
        .into_iter()
        .map(|(text, stage)| Starter {
            text: text.into(),
            stage,
        })
        .collect()
    }

    #[test]
    fn a_pair_gets_a_starter_of_their_stage_first_then_one_for_any_time_and_never_one_twice() {
        let bank = bank();
        let start = at(0);
        let text =
            |used: &[String], day| pick(&bank, used, start, at(day), 6).map(|s| s.text.clone());
        assert_eq!(
            text(&[], 10).as_deref(),
            Some("What do you hope to get from this?")
        );
        assert_eq!(text(&[], 70).as_deref(), Some("What surprised you so far?"));
        assert_eq!(text(&[], 170).as_deref(), Some("What will you do next?"));
        let used = vec!["What do you hope to get from this?".to_string()];
        assert_eq!(
            text(&used, 10).as_deref(),
            Some("A book that changed your mind?")
        );
        let all: Vec<String> = bank.iter().map(|s| s.text.clone()).collect();
        assert_eq!(text(&all, 10), None);
    }
}
