//! What a prompt offers and says it expects: the choices shown as buttons or a numbered
//! list ([`prompt_choices`]), and the line under the prompt ([`expectation`]).
//!
//! A new question kind adds an arm to [`expectation`], and to [`prompt_choices`] when it has
//! options a person can pick (parsing picks them out again with `parse::pick`).

use super::display::format_number;
use crate::domain::programme::{Choice, QuestionKind};

/// The choices a prompt for this question offers (for buttons or a numbered list).
pub fn prompt_choices(kind: &QuestionKind) -> Vec<Choice> {
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
            choices.clone()
        }
        QuestionKind::YesNo => yes_no_choices(),
        QuestionKind::Scale { labels } => scale_choices(labels),
        QuestionKind::Consent { .. } => vec![
            Choice {
                value: "yes".into(),
                label: "I agree".into(),
            },
            Choice {
                value: "no".into(),
                label: "I do not agree".into(),
            },
        ],
        _ => vec![],
    }
}

/// The points of a scale, valued `1`… in order, so that the number a person types is the
/// point they mean on every platform.
pub(super) fn scale_choices(labels: &[String]) -> Vec<Choice> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| Choice {
            value: (i + 1).to_string(),
            label: label.clone(),
        })
        .collect()
}

/// The two options of a yes/no question.
pub fn yes_no_choices() -> Vec<Choice> {
    vec![
        Choice {
            value: "yes".into(),
            label: "Yes".into(),
        },
        Choice {
            value: "no".into(),
            label: "No".into(),
        },
    ]
}

/// Yes, no, and a third answer (`maybe`, `I'd rather not say`).
pub fn yes_no_and(value: &str, label: &str) -> Vec<Choice> {
    let mut choices = yes_no_choices();
    choices.push(Choice {
        value: value.into(),
        label: label.into(),
    });
    choices
}

/// A short description of what the question expects, shown under the prompt.
pub fn expectation(kind: &QuestionKind) -> Option<String> {
    match kind {
        QuestionKind::ShortText { .. } => None,
        QuestionKind::LongText { min_length, .. } if *min_length > 1 => Some(format!(
            "Take your time: a few sentences (at least {min_length} characters)."
        )),
        QuestionKind::LongText { .. } => Some("Take your time: a few sentences are fine.".into()),
        QuestionKind::SingleChoice { .. } => {
            Some("Answer with an option's number or a word from it.".into())
        }
        QuestionKind::YesNo => Some("Answer yes or no.".into()),
        QuestionKind::MultiChoice { choices, min, max } => Some(format!(
            "Pick {}, by number or a word from each, separated by commas (for example: {}).",
            pick_range(*min, *max),
            example_picks(choices.len(), *min, *max)
        )),
        QuestionKind::Number { min, max, decimals } => Some(format!(
            "Answer with a {} from {} to {}.",
            if *decimals { "number" } else { "whole number" },
            format_number(*min),
            format_number(*max)
        )),
        QuestionKind::TimeZone => {
            Some("For example: Europe/London, America/Sao_Paulo, Lagos or UTC+2.".into())
        }
        QuestionKind::Languages { min, max } => Some(format!(
            "Name {} in English or by code, separated by commas (for example: English, Swahili).",
            if *min == *max && *min == 1 {
                "one language".to_string()
            } else if *max > *min {
                format!("{min} to {max} languages")
            } else {
                format!("{min} languages")
            }
        )),
        QuestionKind::Consent { .. } => Some("Answer “I agree” to continue.".into()),
        QuestionKind::Scale { labels } => Some(format!(
            "Answer with a number from 1 ({}) to {} ({}).",
            labels.first().map_or("", String::as_str),
            labels.len(),
            labels.last().map_or("", String::as_str)
        )),
        QuestionKind::Nps => Some(
            "Answer with a whole number from 0 (not at all likely) to 10 (extremely likely)."
                .into(),
        ),
    }
}

pub(super) fn pick_range(min: usize, max: usize) -> String {
    match (min, max) {
        (a, b) if a == b => format!("exactly {a} option{}", if a == 1 { "" } else { "s" }),
        (0 | 1, b) => format!("up to {b} options"),
        (a, b) => format!("{a} to {b} options"),
    }
}

/// Examples of picks for a message: `2`, or `1, 3` (as many as fit the limits, from the
/// options there are).
pub(super) fn example_picks(options: usize, min: usize, max: usize) -> String {
    let fewest = min.max(1);
    let wanted = 2.clamp(fewest, max.max(fewest)).min(options.max(1));
    let spread: Vec<usize> = (0..wanted).map(|i| 1 + 2 * i).collect();
    let numbers: Vec<usize> = if spread.last().is_some_and(|n| *n <= options) {
        spread
    } else {
        (1..=wanted).collect()
    };
    match (numbers.as_slice(), options) {
        ([1], n) if n >= 2 => "2".into(),
        _ => numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}
