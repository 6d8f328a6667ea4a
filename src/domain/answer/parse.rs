//! Parsing what a person typed or picked into an [`Answer`], or an [`AnswerError`] whose
//! message says what is expected.
//!
//! A new question kind adds an arm to [`parse_answer`]; the helpers below (typed text
//! checked for length, numbers, yes/no words, typed lists, options resolved by number, name,
//! a unique beginning or a word only one option has) are shared by the arms.
//!
//! A message for an answer that does not fit is one short paragraph: what is expected and
//! one example (never the question again: the flows send it alone).

use chrono::{DateTime, Utc};

use super::choices::{example_picks, pick_range, prompt_choices, scale_choices, yes_no_choices};
use super::display::format_number;
use super::{Answer, AnswerError, AnswerInput};
use crate::domain::language::language_code;
use crate::domain::programme::{Choice, Question, QuestionKind};
use crate::domain::text::{char_len, clean, fold, fold_words, preview, thousands};
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
            let picked = pick(choices, input, Picks::One)?;
            match picked.as_slice() {
                [one] => Ok(Answer::Choice(one.clone())),
                _ => err(format!(
                    "Please pick just one option, for example: {}.",
                    example_picks(choices.len(), 1, 1)
                )),
            }
        }
        QuestionKind::MultiChoice { choices, min, max } => {
            let picked = pick(choices, input, Picks::Several(*min, *max))?;
            if picked.len() < *min || picked.len() > *max {
                return err(format!(
                    "Please pick {} (you picked {}), separated by commas, for example: {}.",
                    pick_range(*min, *max),
                    picked.len(),
                    example_picks(choices.len(), *min, *max)
                ));
            }
            Ok(Answer::Choices(picked))
        }
        QuestionKind::Number { min, max, decimals } => {
            let text = clean(input_text(input)?, false);
            let what = if *decimals { "number" } else { "whole number" };
            let expected = format!(
                "Please answer with a {what} from {} to {}, for example: {}.",
                format_number(*min),
                format_number(*max),
                format_number(((min + max) / 2.0).floor())
            );
            let Some(n) = parse_number(&text) else {
                return err(expected);
            };
            if !decimals && n.fract() != 0.0 {
                return err(expected);
            }
            if n < *min || n > *max {
                return err(format!(
                    "{} is {} {}. {expected}",
                    format_number(n),
                    if n < *min { "less than" } else { "more than" },
                    format_number(if n < *min { *min } else { *max })
                ));
            }
            Ok(Answer::Number(n))
        }
        QuestionKind::Scale { labels } => {
            let choices = scale_choices(labels);
            let expected = format!(
                "Please answer with a number from 1 ({}) to {} ({}), for example: {}.",
                labels.first().map_or("", String::as_str),
                labels.len(),
                labels.last().map_or("", String::as_str),
                labels.len().div_ceil(2)
            );
            let picked =
                pick(&choices, input, Picks::One).map_err(|_| AnswerError(expected.clone()))?;
            match picked.as_slice() {
                [one] => Ok(Answer::Number(one.parse::<f64>().unwrap_or(0.0))),
                _ => err(expected),
            }
        }
        QuestionKind::Nps => {
            let expected = "Please answer with a whole number from 0 (not at all likely) to 10 (extremely likely), for example: 8.";
            let text = match input {
                AnswerInput::Text(t) => clean(t, false),
                AnswerInput::Picked(values) => values.first().cloned().unwrap_or_default(),
            };
            match parse_number(&text) {
                Some(n) if n.fract() == 0.0 && (0.0..=10.0).contains(&n) => Ok(Answer::Number(n)),
                Some(n) => err(format!(
                    "{} is not between 0 and 10. {expected}",
                    format_number(n)
                )),
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
                    "Please name {} (you named {}), separated by commas, for example: {}.",
                    if min == max {
                        format!("{min}")
                    } else {
                        format!("{min} to {max} languages")
                    },
                    codes.len(),
                    if *max >= 2 && *min <= 2 {
                        "English, Swahili"
                    } else {
                        "English"
                    }
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

/// Whether an answer picks one option or several (between a minimum and a maximum): what
/// the messages about it ask for.
#[derive(Clone, Copy)]
enum Picks {
    One,
    Several(usize, usize),
}

/// What fits, for a message about options: by number or a word, with an example.
fn how_to_pick(choices: &[Choice], picks: Picks) -> String {
    match picks {
        Picks::One => format!(
            "Please answer with an option's number or a word from it, for example: {}.",
            example_picks(choices.len(), 1, 1)
        ),
        Picks::Several(min, max) => format!(
            "Please answer with options' numbers or words from them, separated by commas, for example: {}.",
            example_picks(choices.len(), min, max)
        ),
    }
}

/// Resolves picked or typed options to choice values, in the order given, without repeats.
/// Typed lists are split on commas, semicolons and line breaks; " and " splits a part only
/// when the part as a whole is not an option ("Retail and hospitality" stays one).
fn pick(
    choices: &[Choice],
    input: &AnswerInput<'_>,
    picks: Picks,
) -> Result<Vec<String>, AnswerError> {
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
                        let whole = matches!(resolve_choice(choices, p), Resolved::One(_));
                        if whole || !p.contains(" and ") {
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
            "I didn't catch an answer there. {}",
            how_to_pick(choices, picks)
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let value = match resolve_choice(choices, &part) {
            Resolved::One(value) => value,
            Resolved::Several(candidates) => {
                let named: Vec<String> = candidates
                    .iter()
                    .map(|i| format!("{}. {}", i + 1, choices[*i].label))
                    .collect();
                return Err(AnswerError(format!(
                    "“{}” fits more than one option: {}. Please answer with the number of the one you mean, for example: {}.",
                    preview(&part, 40),
                    named.join(", "),
                    candidates[0] + 1
                )));
            }
            Resolved::Nothing => {
                return Err(AnswerError(format!(
                    "“{}” isn't one of the options. {}",
                    preview(&part, 40),
                    how_to_pick(choices, picks)
                )));
            }
        };
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

/// What one typed part names among the options.
#[derive(Debug, PartialEq)]
enum Resolved {
    /// This option's value.
    One(String),
    /// Several options, by position: the part is ambiguous.
    Several(Vec<usize>),
    Nothing,
}

/// The option a typed part names, case and accents aside: its number, its value or whole
/// label, or words only its label has ("cv" for "Writing a CV", "first job"); failing that,
/// a unique beginning of its label ("tech" for "Technology") or of its words ("interview"
/// for "Preparing for interviews", 3 letters or more). Whole words come first: "work" is
/// "Out of work", not "Working, but…".
fn resolve_choice(choices: &[Choice], part: &str) -> Resolved {
    let p = fold(part.trim().trim_end_matches(['.', '!']).trim());
    if let Ok(n) = p.parse::<usize>() {
        return match n.checked_sub(1).and_then(|i| choices.get(i)) {
            Some(c) => Resolved::One(c.value.clone()),
            None => Resolved::Nothing,
        };
    }
    if let Some(c) = choices
        .iter()
        .find(|c| fold(&c.value) == p || fold(&c.label) == p)
    {
        return Resolved::One(c.value.clone());
    }
    let typed = fold_words(&p);
    // A single letter is too little to name an option by.
    if typed.iter().all(|w| w.chars().count() < 2) {
        return Resolved::Nothing;
    }
    let labels: Vec<Vec<String>> = choices.iter().map(|c| fold_words(&c.label)).collect();
    let fitting = |fits: &dyn Fn(&str, &str) -> bool| -> Vec<usize> {
        (0..choices.len())
            .filter(|i| {
                typed
                    .iter()
                    .all(|w| labels[*i].iter().any(|l| fits(l.as_str(), w.as_str())))
            })
            .collect()
    };
    let whole = fitting(&|label, typed| label == typed);
    if !whole.is_empty() {
        return at(choices, whole);
    }
    let long_enough = p.chars().count() >= 3;
    let mut beginnings =
        fitting(&|label, typed| typed.chars().count() >= 3 && label.starts_with(typed));
    for (i, c) in choices.iter().enumerate() {
        if long_enough && fold(&c.label).starts_with(&p) && !beginnings.contains(&i) {
            beginnings.push(i);
        }
    }
    beginnings.sort_unstable();
    at(choices, beginnings)
}

/// One option by position, several (ambiguous), or none.
fn at(choices: &[Choice], found: Vec<usize>) -> Resolved {
    match found.as_slice() {
        [] => Resolved::Nothing,
        [i] => Resolved::One(choices[*i].value.clone()),
        _ => Resolved::Several(found),
    }
}
