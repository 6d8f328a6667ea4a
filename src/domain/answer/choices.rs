//! What a prompt offers and says it expects: the choices shown as buttons or a numbered
//! list ([`prompt_choices`]), and the line under the prompt ([`expectation`]).
//!
//! A new question kind adds an arm to [`expectation`], and to [`prompt_choices`] when it has
//! options a person can pick (parsing picks them out again with `parse::pick`).

use super::display::format_number;
use crate::domain::programme::{Choice, QuestionKind};
use crate::i18n::Text;

/// The choices a prompt for this question offers (for buttons or a numbered list), with
/// their labels in English.
pub fn prompt_choices(kind: &QuestionKind) -> Vec<Choice> {
    labelled_choices(kind).into_iter().map(|(c, _)| c).collect()
}

/// The choices a prompt for this question offers, each with its label as said (the
/// programme's own words, or the catalogue's for yes, no and consent).
pub fn labelled_choices(kind: &QuestionKind) -> Vec<(Choice, Text)> {
    let own = |choices: Vec<Choice>| {
        choices
            .into_iter()
            .map(|c| {
                let label = Text::plain(c.label.clone());
                (c, label)
            })
            .collect()
    };
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
            own(choices.clone())
        }
        QuestionKind::YesNo => yes_no_labelled(),
        QuestionKind::Scale { labels } => own(scale_choices(labels)),
        QuestionKind::Consent { .. } => vec![
            said_choice("yes", Text::msg("choice-agree")),
            said_choice("no", Text::msg("choice-disagree")),
        ],
        _ => vec![],
    }
}

/// A choice whose label is said from the catalogue (its English label now).
pub fn said_choice(value: &str, label: Text) -> (Choice, Text) {
    (
        Choice {
            value: value.into(),
            label: label.english(),
        },
        label,
    )
}

/// Yes and no, labelled from the catalogue.
pub fn yes_no_labelled() -> Vec<(Choice, Text)> {
    vec![
        said_choice("yes", Text::msg("choice-yes")),
        said_choice("no", Text::msg("choice-no")),
    ]
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
pub fn expectation(kind: &QuestionKind) -> Option<Text> {
    Some(match kind {
        QuestionKind::ShortText { .. } => return None,
        QuestionKind::LongText { min_length, .. } if *min_length > 1 => {
            Text::msg("expect-long-text-min").arg("min", *min_length)
        }
        QuestionKind::LongText { .. } => Text::msg("expect-long-text"),
        QuestionKind::SingleChoice { .. } => Text::msg("expect-single-choice"),
        QuestionKind::YesNo => Text::msg("expect-yes-no"),
        QuestionKind::MultiChoice { choices, min, max } => Text::msg("expect-multi-choice")
            .arg("range", pick_range(*min, *max))
            .arg("example", example_picks(choices.len(), *min, *max)),
        QuestionKind::Number { min, max, decimals } => if *decimals {
            Text::msg("expect-number")
        } else {
            Text::msg("expect-whole-number")
        }
        .arg("min", format_number(*min))
        .arg("max", format_number(*max)),
        QuestionKind::TimeZone => Text::msg("expect-time-zone"),
        QuestionKind::Languages { min, max } => Text::msg("expect-languages").arg(
            "range",
            if *min == *max && *min == 1 {
                Text::msg("expect-languages-one")
            } else if *max > *min {
                Text::msg("languages-between")
                    .arg("min", *min)
                    .arg("max", *max)
            } else {
                Text::msg("languages-exactly").arg("count", *min)
            },
        ),
        QuestionKind::Consent { .. } => Text::msg("expect-consent"),
        QuestionKind::Scale { labels } => Text::msg("expect-scale")
            .arg("first", labels.first().map_or("", String::as_str))
            .arg("count", labels.len())
            .arg("last", labels.last().map_or("", String::as_str)),
        QuestionKind::Nps => Text::msg("expect-nps"),
    })
}

/// `exactly 2 options`, `up to 3 options`, `2 to 4 options`.
pub(super) fn pick_range(min: usize, max: usize) -> Text {
    match (min, max) {
        (a, b) if a == b => Text::msg("pick-exactly").arg("count", a),
        (0 | 1, b) => Text::msg("pick-up-to").arg("max", b),
        (a, b) => Text::msg("pick-between").arg("min", a).arg("max", b),
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
