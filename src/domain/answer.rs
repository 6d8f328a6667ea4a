//! Answers to application questions: parsing what a person typed (or picked) into a typed
//! value, with a message that says what is expected when it does not fit.
//!
//! Every question kind has three things here: how to parse an answer ([`parse_answer`]), how
//! to show it back ([`Answer::display`]) and which values branch conditions match
//! ([`Answer::values`]). A new question kind adds an arm to each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::language::{language_code, language_name};
use super::programme::{Choice, Question, QuestionKind};
use super::text::{char_len, clean, thousands};
use super::timezone::parse_time_zone;

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

/// Why an answer was not accepted. The message is shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError(pub String);

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

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
fn scale_choices(labels: &[String]) -> Vec<Choice> {
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
        QuestionKind::SingleChoice { .. } | QuestionKind::YesNo => {
            Some("Answer with the number or the name of an option.".into())
        }
        QuestionKind::MultiChoice { min, max, .. } => Some(format!(
            "Pick {}, separated by commas (for example: 1, 3).",
            pick_range(*min, *max)
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

fn pick_range(min: usize, max: usize) -> String {
    match (min, max) {
        (a, b) if a == b => format!("exactly {a} option{}", if a == 1 { "" } else { "s" }),
        (0 | 1, b) => format!("up to {b} options"),
        (a, b) => format!("{a} to {b} options"),
    }
}

/// Parses an answer to `question`. `now` is recorded with consent.
pub fn parse_answer(
    question: &Question,
    input: &AnswerInput<'_>,
    now: DateTime<Utc>,
) -> Result<Answer, AnswerError> {
    let err = |m: String| Err(AnswerError(m));
    match &question.kind {
        QuestionKind::ShortText { max_length } => {
            let text = clean(input_text(input)?, false);
            check_text(&text, 1, *max_length)?;
            Ok(Answer::Text(text))
        }
        QuestionKind::LongText {
            min_length,
            max_length,
        } => {
            let text = clean(input_text(input)?, true);
            check_text(&text, (*min_length).max(1), *max_length)?;
            Ok(Answer::Text(text))
        }
        QuestionKind::SingleChoice { choices } => {
            let picked = pick(choices, input)?;
            match picked.as_slice() {
                [one] => Ok(Answer::Choice(one.clone())),
                _ => err(format!(
                    "Please pick just one option: {}.",
                    numbered_hint(choices)
                )),
            }
        }
        QuestionKind::MultiChoice { choices, min, max } => {
            let picked = pick(choices, input)?;
            if picked.len() < *min || picked.len() > *max {
                return err(format!(
                    "Please pick {} (you picked {}), separated by commas, for example: 1, 3.",
                    pick_range(*min, *max),
                    picked.len()
                ));
            }
            Ok(Answer::Choices(picked))
        }
        QuestionKind::Number { min, max, decimals } => {
            let text = clean(input_text(input)?, false);
            let what = if *decimals { "number" } else { "whole number" };
            let expected = format!(
                "Please answer with a {what} from {} to {}.",
                format_number(*min),
                format_number(*max)
            );
            let Some(n) = parse_number(&text) else {
                return err(expected);
            };
            if !decimals && n.fract() != 0.0 {
                return err(expected);
            }
            if n < *min || n > *max {
                return err(format!("{} is out of range. {expected}", format_number(n)));
            }
            Ok(Answer::Number(n))
        }
        QuestionKind::Scale { labels } => {
            let choices = scale_choices(labels);
            let expected = format!(
                "Please answer with a number from 1 to {}: {}.",
                labels.len(),
                numbered_hint(&choices)
            );
            let picked = pick(&choices, input).map_err(|_| AnswerError(expected.clone()))?;
            match picked.as_slice() {
                [one] => Ok(Answer::Number(one.parse::<f64>().unwrap_or(0.0))),
                _ => err(expected),
            }
        }
        QuestionKind::Nps => {
            let expected = "Please answer with a whole number from 0 (not at all likely) to 10 (extremely likely).";
            let text = match input {
                AnswerInput::Text(t) => clean(t, false),
                AnswerInput::Picked(values) => values.first().cloned().unwrap_or_default(),
            };
            match parse_number(&text) {
                Some(n) if n.fract() == 0.0 && (0.0..=10.0).contains(&n) => Ok(Answer::Number(n)),
                Some(n) => err(format!("{} is out of range. {expected}", format_number(n))),
                None => err(expected.into()),
            }
        }
        QuestionKind::YesNo => match yes_no(input, &yes_no_choices()) {
            Some(b) => Ok(Answer::YesNo(b)),
            None => err("Please answer yes or no.".into()),
        },
        QuestionKind::TimeZone => {
            let text = clean(input_text(input)?, false);
            parse_time_zone(&text)
                .map(|tz| Answer::TimeZone(tz.canonical()))
                .map_err(AnswerError)
        }
        QuestionKind::Languages { min, max } => {
            let text = clean(&input_parts(input).join(","), false);
            let mut codes: Vec<String> = Vec::new();
            for part in split_list(&text) {
                match language_code(&part) {
                    Some(code) if !codes.iter().any(|c| c == code) => codes.push(code.to_string()),
                    Some(_) => {}
                    None => {
                        return err(format!(
                            "I don't know the language “{part}”. Please use its name in English or its two-letter code, for example: English, Swahili or sw."
                        ));
                    }
                }
            }
            if codes.len() < *min || codes.len() > *max {
                return err(format!(
                    "Please name {} (you named {}), separated by commas.",
                    if min == max {
                        format!("{min}")
                    } else {
                        format!("{min} to {max} languages")
                    },
                    codes.len()
                ));
            }
            Ok(Answer::Languages(codes))
        }
        QuestionKind::Consent { .. } => {
            let choices = prompt_choices(&question.kind);
            let agreed = match input {
                AnswerInput::Text(t) => {
                    let t = clean(t, false).to_lowercase();
                    let t = t.trim_end_matches(['.', '!']);
                    if matches!(t, "i agree" | "agree" | "i consent" | "consent" | "accept") {
                        Some(true)
                    } else {
                        yes_no(input, &choices)
                    }
                }
                AnswerInput::Picked(_) => yes_no(input, &choices),
            };
            match agreed {
                Some(true) => Ok(Answer::Consent { accepted_at: now }),
                Some(false) => err("We can only take your application further with your agreement. If you'd rather not agree, type cancel to stop; otherwise answer “I agree”.".into()),
                None => err("Please answer “I agree” to continue, or type cancel to stop.".into()),
            }
        }
    }
}

fn input_text<'a>(input: &'a AnswerInput<'a>) -> Result<&'a str, AnswerError> {
    match input {
        AnswerInput::Text(t) => Ok(t),
        AnswerInput::Picked(_) => Err(AnswerError(
            "This question needs a typed answer, not a choice.".into(),
        )),
    }
}

fn input_parts(input: &AnswerInput<'_>) -> Vec<String> {
    match input {
        AnswerInput::Text(t) => vec![t.to_string()],
        AnswerInput::Picked(vs) => vs.to_vec(),
    }
}

fn check_text(text: &str, min: usize, max: usize) -> Result<(), AnswerError> {
    let len = char_len(text);
    if len == 0 {
        return Err(AnswerError(
            "I didn't catch an answer there. Please type your answer.".into(),
        ));
    }
    if len < min {
        return Err(AnswerError(format!(
            "Please write a little more: at least {min} characters (yours has {len})."
        )));
    }
    if len > max {
        return Err(AnswerError(format!(
            "Please keep your answer under {} characters (yours has {}).",
            thousands(max),
            thousands(len)
        )));
    }
    Ok(())
}

fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim().replace('\u{2212}', "-");
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn yes_no(input: &AnswerInput<'_>, choices: &[Choice]) -> Option<bool> {
    let v = match input {
        AnswerInput::Picked([one]) => one.to_lowercase(),
        AnswerInput::Picked(_) => return None,
        AnswerInput::Text(t) => clean(t, false).to_lowercase(),
    };
    let v = v.trim_end_matches(['.', '!']);
    match v {
        "yes" | "y" | "yeah" | "yep" | "sure" | "of course" | "true" | "1" => Some(true),
        "no" | "n" | "nope" | "false" | "2" => Some(false),
        other => choices
            .iter()
            .find(|c| c.label.to_lowercase() == other)
            .map(|c| c.value == "yes"),
    }
}

/// Splits a typed list on commas, semicolons, line breaks and " and ".
fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn numbered_hint(choices: &[Choice]) -> String {
    if choices.len() <= 6 {
        choices
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} {}", i + 1, c.label))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        format!("a number from 1 to {} or an option's name", choices.len())
    }
}

/// Resolves picked or typed options to choice values, in the order given, without repeats.
/// Typed lists are split on commas, semicolons and line breaks; " and " splits a part only
/// when the part as a whole is not an option ("Retail and hospitality" stays one).
fn pick(choices: &[Choice], input: &AnswerInput<'_>) -> Result<Vec<String>, AnswerError> {
    let parts: Vec<String> = match input {
        AnswerInput::Picked(vs) => vs.to_vec(),
        AnswerInput::Text(t) => {
            let t = clean(t, false);
            if t.split_whitespace().count() > 1
                && t.split_whitespace().all(|w| w.parse::<usize>().is_ok())
            {
                // "1 3" is two numbers.
                t.split_whitespace().map(str::to_string).collect()
            } else {
                t.split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .flat_map(|p| {
                        if resolve_choice(choices, p).is_some() || !p.contains(" and ") {
                            vec![p.to_string()]
                        } else {
                            p.split(" and ").map(|x| x.trim().to_string()).collect()
                        }
                    })
                    .collect()
            }
        }
    };
    if parts.is_empty() {
        return Err(AnswerError(format!(
            "I didn't catch an answer there. Please answer with {}.",
            numbered_hint(choices)
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let value = resolve_choice(choices, &part).ok_or_else(|| {
            AnswerError(format!(
                "“{}” is not one of the options. Please answer with {}.",
                super::text::preview(&part, 40),
                numbered_hint(choices)
            ))
        })?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn resolve_choice(choices: &[Choice], part: &str) -> Option<String> {
    let p = part.trim().trim_end_matches('.').to_lowercase();
    if let Ok(n) = p.parse::<usize>() {
        return choices.get(n.checked_sub(1)?).map(|c| c.value.clone());
    }
    if let Some(c) = choices
        .iter()
        .find(|c| c.value.to_lowercase() == p || c.label.to_lowercase() == p)
    {
        return Some(c.value.clone());
    }
    // A unique beginning of a label ("tech" for "Technology") is accepted.
    let mut starts = choices
        .iter()
        .filter(|c| p.chars().count() >= 3 && c.label.to_lowercase().starts_with(&p));
    match (starts.next(), starts.next()) {
        (Some(c), None) => Some(c.value.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::Choice;

    fn q(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            label: "Q".into(),
            prompt: "?".into(),
            help: None,
            kind,
            optional: false,
            show_if: None,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn text(question: &Question, s: &str) -> Result<Answer, AnswerError> {
        parse_answer(question, &AnswerInput::Text(s), now())
    }

    fn sectors() -> Vec<Choice> {
        [
            "Technology",
            "Health care",
            "Retail and hospitality",
            "Public sector",
        ]
        .iter()
        .map(|l| Choice::from_label(l))
        .collect()
    }

    #[test]
    fn short_text_is_cleaned_and_limited() {
        let question = q(QuestionKind::ShortText { max_length: 20 });
        assert_eq!(
            text(&question, "  Ada\tLovelace "),
            Ok(Answer::Text("Ada Lovelace".into()))
        );
        let long = text(&question, "abcdefghijklmnopqrstuvwxyz").unwrap_err().0;
        assert!(
            long.contains("under 20 characters (yours has 26)"),
            "{long}"
        );
        assert!(
            text(&question, " \u{7} ")
                .unwrap_err()
                .0
                .contains("didn't catch")
        );
    }

    #[test]
    fn long_text_keeps_paragraphs_and_checks_the_minimum() {
        let question = q(QuestionKind::LongText {
            min_length: 10,
            max_length: 100,
        });
        assert_eq!(
            text(&question, "First line\nsecond line"),
            Ok(Answer::Text("First line\nsecond line".into()))
        );
        assert!(
            text(&question, "short")
                .unwrap_err()
                .0
                .contains("at least 10")
        );
    }

    #[test]
    fn single_choice_accepts_number_label_value_or_unique_prefix() {
        let question = q(QuestionKind::SingleChoice { choices: sectors() });
        assert_eq!(
            text(&question, "2"),
            Ok(Answer::Choice("health-care".into()))
        );
        assert_eq!(
            text(&question, "health CARE"),
            Ok(Answer::Choice("health-care".into()))
        );
        assert_eq!(
            text(&question, "public-sector"),
            Ok(Answer::Choice("public-sector".into()))
        );
        assert_eq!(
            text(&question, "tech"),
            Ok(Answer::Choice("technology".into()))
        );
        assert!(
            text(&question, "5")
                .unwrap_err()
                .0
                .contains("not one of the options")
        );
        assert!(text(&question, "1, 2").unwrap_err().0.contains("just one"));
        let picked = vec!["public-sector".to_string()];
        assert_eq!(
            parse_answer(&question, &AnswerInput::Picked(&picked), now()),
            Ok(Answer::Choice("public-sector".into()))
        );
    }

    #[test]
    fn multi_choice_enforces_min_and_max_picks() {
        let question = q(QuestionKind::MultiChoice {
            choices: sectors(),
            min: 1,
            max: 2,
        });
        assert_eq!(
            text(&question, "1, 3"),
            Ok(Answer::Choices(vec![
                "technology".into(),
                "retail-and-hospitality".into()
            ]))
        );
        assert_eq!(
            text(&question, "1 3"),
            Ok(Answer::Choices(vec![
                "technology".into(),
                "retail-and-hospitality".into()
            ]))
        );
        assert_eq!(
            text(&question, "Technology and retail and hospitality"),
            Err(AnswerError("“hospitality” is not one of the options. Please answer with 1 Technology, 2 Health care, 3 Retail and hospitality, 4 Public sector.".into()))
        );
        assert_eq!(
            text(&question, "Retail and hospitality, technology"),
            Ok(Answer::Choices(vec![
                "retail-and-hospitality".into(),
                "technology".into()
            ]))
        );
        assert_eq!(
            text(&question, "Health care and Technology"),
            Ok(Answer::Choices(vec![
                "health-care".into(),
                "technology".into()
            ]))
        );
        assert_eq!(
            text(&question, "Public sector; public sector"),
            Ok(Answer::Choices(vec!["public-sector".into()]))
        );
        let too_many = text(&question, "1,2,3").unwrap_err().0;
        assert!(
            too_many.contains("up to 2 options (you picked 3)"),
            "{too_many}"
        );
    }

    #[test]
    fn numbers_respect_range_and_whole_number_rule() {
        let question = q(QuestionKind::Number {
            min: 1.0,
            max: 40.0,
            decimals: false,
        });
        assert_eq!(text(&question, "12"), Ok(Answer::Number(12.0)));
        let expected = "Please answer with a whole number from 1 to 40.";
        assert_eq!(text(&question, "twelve").unwrap_err().0, expected);
        assert_eq!(text(&question, "2.5").unwrap_err().0, expected);
        assert!(
            text(&question, "41")
                .unwrap_err()
                .0
                .starts_with("41 is out of range")
        );
        assert!(text(&question, "NaN").is_err());
        assert!(text(&question, "1e3").is_err());
    }

    #[test]
    fn yes_no_understands_common_words_and_numbers() {
        let question = q(QuestionKind::YesNo);
        assert_eq!(text(&question, "Yes"), Ok(Answer::YesNo(true)));
        assert_eq!(text(&question, "nope"), Ok(Answer::YesNo(false)));
        assert_eq!(text(&question, "2"), Ok(Answer::YesNo(false)));
        assert_eq!(
            text(&question, "maybe").unwrap_err().0,
            "Please answer yes or no."
        );
    }

    #[test]
    fn time_zone_is_stored_canonically() {
        let question = q(QuestionKind::TimeZone);
        assert_eq!(
            text(&question, "africa/lagos"),
            Ok(Answer::TimeZone("Africa/Lagos".into()))
        );
        assert!(text(&question, "UTC+20").is_err());
    }

    #[test]
    fn languages_are_stored_as_codes_and_counted() {
        let question = q(QuestionKind::Languages { min: 1, max: 3 });
        assert_eq!(
            text(&question, "English and Kiswahili, fr"),
            Ok(Answer::Languages(vec![
                "en".into(),
                "sw".into(),
                "fr".into()
            ]))
        );
        assert!(
            text(&question, "Elvish")
                .unwrap_err()
                .0
                .contains("“Elvish”")
        );
        assert!(
            text(&question, "en, fr, de, es")
                .unwrap_err()
                .0
                .contains("you named 4")
        );
    }

    #[test]
    fn consent_must_be_given_to_continue() {
        let question = q(QuestionKind::Consent {
            statement: "We store your answers.".into(),
        });
        assert_eq!(
            text(&question, "I agree."),
            Ok(Answer::Consent { accepted_at: now() })
        );
        assert!(text(&question, "no").unwrap_err().0.contains("agreement"));
        assert!(text(&question, "whatever").is_err());
    }

    #[test]
    fn a_choice_where_text_is_expected_is_refused() {
        let question = q(QuestionKind::ShortText { max_length: 50 });
        let picked = vec!["x".to_string()];
        assert!(parse_answer(&question, &AnswerInput::Picked(&picked), now()).is_err());
    }

    #[test]
    fn answers_display_with_labels() {
        let question = q(QuestionKind::MultiChoice {
            choices: sectors(),
            min: 1,
            max: 4,
        });
        let a = Answer::Choices(vec!["retail-and-hospitality".into(), "health-care".into()]);
        assert_eq!(a.display(&question), "Retail and hospitality, Health care");
        assert_eq!(a.values(), vec!["retail-and-hospitality", "health-care"]);
    }
}
