//! Parsing what a person typed or picked into an [`Answer`], or an [`AnswerError`] whose
//! message says what is expected.
//!
//! A new question kind adds an arm to [`parse_answer`]; the helpers below (typed text
//! checked for length, numbers, yes/no words, typed lists, options resolved by number, name
//! or a unique beginning) are shared by the arms.

use chrono::{DateTime, Utc};

use super::choices::{pick_range, prompt_choices, scale_choices, yes_no_choices};
use super::display::format_number;
use super::{Answer, AnswerError, AnswerInput};
use crate::domain::language::language_code;
use crate::domain::programme::{Choice, Question, QuestionKind};
use crate::domain::text::{char_len, clean, preview, thousands};
use crate::domain::timezone::parse_time_zone;

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
                preview(&part, 40),
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
