//! Answers to application questions: parsing what a person typed (or picked) into a typed
//! value, with a message that says what is expected when it does not fit.
//!
//! Every question kind has three things here: how to parse an answer ([`parse_answer`]), how
//! to show it back ([`Answer::display`]) and which values branch conditions match
//! ([`Answer::values`]). A new question kind adds an arm to each, and to [`expectation`]
//! (and [`prompt_choices`] when it offers options).
//!
//! Where things are: the types an answer comes in and goes out as here; parsing in
//! `parse`; showing an answer back, and the values conditions match, in `display`; what a
//! prompt offers and says it expects in `choices`; the tests in `tests`. The paths
//! `domain::answer::parse_answer`, `expectation`, `prompt_choices`, … are re-exported here,
//! so callers name the module, not its parts.

use crate::i18n::Text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod choices;
mod display;
mod parse;

pub use choices::{
    expectation, labelled_choices, prompt_choices, said_choice, yes_no_and, yes_no_choices,
    yes_no_labelled,
};
pub use display::format_number;
pub use parse::{parse_answer, yes_or_no};

/// A validated answer, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Choice(String),
    Choices(Vec<String>),
    Number(f64),
    YesNo(bool),
    TimeZone(String),
    Languages(Vec<String>),
    Consent {
        accepted_at: DateTime<Utc>,
    },
    /// An optional question the person chose to skip.
    Skipped,
}

/// What a person sent as an answer: free text, or values picked from a prompt's choices
/// (a button or select menu on platforms that have them).
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerInput<'a> {
    Text(&'a str),
    Picked(&'a [String]),
}

/// Why an answer was not accepted: shown to the person, in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError(pub Text);

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english())
    }
}

#[cfg(test)]
mod tests;
