//! An answer shown back to the person (review, status), and the values branch conditions
//! are matched against.
//!
//! A new question kind adds an arm to [`Answer::values`] and [`Answer::display`]; one with
//! options of its own shows their labels through `choice_label`.

use super::Answer;
use crate::domain::language::language_name;
use crate::domain::programme::{Question, QuestionKind};
use crate::i18n::Text;

impl Answer {
    /// The values branch conditions are matched against.
    pub fn values(&self) -> Vec<String> {
        match self {
            Answer::Text(t) | Answer::TimeZone(t) => vec![t.clone()],
            Answer::Choice(v) => vec![v.clone()],
            Answer::Choices(vs) | Answer::Languages(vs) => vs.clone(),
            Answer::Number(n) => vec![format_number(*n)],
            Answer::YesNo(b) => vec![if *b { "yes" } else { "no" }.to_string()],
            Answer::Consent { .. } => vec!["yes".to_string()],
            Answer::Skipped => vec![],
        }
    }

    /// The answer as shown back to the person (review, status).
    pub fn display(&self, question: &Question) -> String {
        let label = |v: &str| choice_label(&question.kind, v);
        match self {
            Answer::Text(t) | Answer::TimeZone(t) => t.clone(),
            Answer::Choice(v) => label(v),
            Answer::Choices(vs) => vs.iter().map(|v| label(v)).collect::<Vec<_>>().join(", "),
            Answer::Number(n) => match &question.kind {
                QuestionKind::Scale { .. } => label(&format_number(*n)),
                _ => format_number(*n),
            },
            Answer::YesNo(b) => if *b { "Yes" } else { "No" }.to_string(),
            Answer::Languages(codes) => codes
                .iter()
                .map(|c| language_name(c).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Consent { accepted_at } => {
                format!("Agreed ({})", accepted_at.format("%Y-%m-%d %H:%M UTC"))
            }
            Answer::Skipped => "(skipped)".to_string(),
        }
    }
}

impl Answer {
    /// The answer as shown back to the person who gave it (their review), in their
    /// language: their own words as they are, and yes, no, consent and skips said.
    pub fn said(&self, question: &Question) -> Text {
        match self {
            Answer::YesNo(true) => Text::msg("choice-yes"),
            Answer::YesNo(false) => Text::msg("choice-no"),
            Answer::Consent { accepted_at } => Text::msg("answer-agreed")
                .arg("at", accepted_at.format("%Y-%m-%d %H:%M UTC").to_string()),
            Answer::Skipped => Text::msg("answer-skipped"),
            Answer::Languages(codes) => Text::join(
                codes
                    .iter()
                    .map(|c| crate::domain::language::said_language(c))
                    .collect(),
                ", ",
            ),
            other => Text::plain(other.display(question)),
        }
    }
}

fn choice_label(kind: &QuestionKind, value: &str) -> String {
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
            choices
                .iter()
                .find(|c| c.value == value)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| value.to_string())
        }
        QuestionKind::Scale { labels } => scale_label(labels, value),
        _ => value.to_string(),
    }
}

/// `4 (Good)`: a scale point with its label.
fn scale_label(labels: &[String], value: &str) -> String {
    match value
        .parse::<usize>()
        .ok()
        .and_then(|n| labels.get(n.checked_sub(1)?))
    {
        Some(label) => format!("{value} ({label})"),
        None => value.to_string(),
    }
}

pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
