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
use crate::i18n::Text;

/// Parses an answer to `question`. `now` is recorded with consent.
pub fn parse_answer(
    question: &Question,
    input: &AnswerInput<'_>,
    now: DateTime<Utc>,
) -> Result<Answer, AnswerError> {
    let err = |m: Text| Err(AnswerError(m));
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
                _ => {
                    err(Text::msg("answer-pick-one")
                        .arg("example", example_picks(choices.len(), 1, 1)))
                }
            }
        }
        QuestionKind::MultiChoice { choices, min, max } => {
            let picked = pick(choices, input, Picks::Several(*min, *max))?;
            if picked.len() < *min || picked.len() > *max {
                return err(Text::msg("answer-pick-count")
                    .arg("range", pick_range(*min, *max))
                    .arg("count", picked.len())
                    .arg("example", example_picks(choices.len(), *min, *max)));
            }
            Ok(Answer::Choices(picked))
        }
        QuestionKind::Number { min, max, decimals } => {
            let text = clean(input_text(input)?, false);
            let expected = if *decimals {
                Text::msg("answer-number-expected")
            } else {
                Text::msg("answer-whole-number-expected")
            }
            .arg("min", format_number(*min))
            .arg("max", format_number(*max))
            .arg("example", format_number(((min + max) / 2.0).floor()));
            let Some(n) = parse_number(&text) else {
                return err(expected);
            };
            if !decimals && n.fract() != 0.0 {
                return err(expected);
            }
            if n < *min || n > *max {
                return err(if n < *min {
                    Text::msg("answer-number-less")
                } else {
                    Text::msg("answer-number-more")
                }
                .arg("n", format_number(n))
                .arg("limit", format_number(if n < *min { *min } else { *max }))
                .arg("expected", expected));
            }
            Ok(Answer::Number(n))
        }
        QuestionKind::Scale { labels } => {
            let choices = scale_choices(labels);
            let expected = Text::msg("answer-scale-expected")
                .arg("first", labels.first().map_or("", String::as_str))
                .arg("count", labels.len())
                .arg("last", labels.last().map_or("", String::as_str))
                .arg("example", labels.len().div_ceil(2));
            let picked =
                pick(&choices, input, Picks::One).map_err(|_| AnswerError(expected.clone()))?;
            match picked.as_slice() {
                [one] => Ok(Answer::Number(one.parse::<f64>().unwrap_or(0.0))),
                _ => err(expected),
            }
        }
        QuestionKind::Nps => {
            let expected = Text::msg("answer-nps-expected");
            let text = match input {
                AnswerInput::Text(t) => clean(t, false),
                AnswerInput::Picked(values) => values.first().cloned().unwrap_or_default(),
            };
            match parse_number(&text) {
                Some(n) if n.fract() == 0.0 && (0.0..=10.0).contains(&n) => Ok(Answer::Number(n)),
                Some(n) => err(Text::msg("answer-nps-outside")
                    .arg("n", format_number(n))
                    .arg("expected", expected)),
                None => err(expected),
            }
        }
        QuestionKind::YesNo => match yes_no(input, &yes_no_choices()) {
            Some(b) => Ok(Answer::YesNo(b)),
            None => err(Text::msg("answer-yes-no")),
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
                        return err(Text::msg("answer-language-unknown").arg("name", part));
                    }
                }
            }
            if codes.len() < *min || codes.len() > *max {
                return err(Text::msg("answer-languages-count")
                    .arg("range", languages_range(*min, *max))
                    .arg("count", codes.len())
                    .arg(
                        "example",
                        if *max >= 2 && *min <= 2 {
                            "English, Swahili"
                        } else {
                            "English"
                        },
                    ));
            }
            Ok(Answer::Languages(codes))
        }
        QuestionKind::Consent { .. } => {
            let choices = prompt_choices(&question.kind);
            let agreed = match input {
                AnswerInput::Text(t) => {
                    let t = fold(clean(t, false).trim_end_matches(['.', '!']));
                    if AGREE.contains(&t.as_str()) {
                        Some(true)
                    } else if DISAGREE.contains(&t.as_str()) {
                        Some(false)
                    } else {
                        yes_no(input, &choices)
                    }
                }
                AnswerInput::Picked(_) => yes_no(input, &choices),
            };
            match agreed {
                Some(true) => Ok(Answer::Consent { accepted_at: now }),
                Some(false) => err(Text::msg("answer-consent-refused")),
                None => err(Text::msg("answer-consent-expected")),
            }
        }
    }
}

fn input_text<'a>(input: &'a AnswerInput<'a>) -> Result<&'a str, AnswerError> {
    match input {
        AnswerInput::Text(t) => Ok(t),
        AnswerInput::Picked(_) => Err(AnswerError(Text::msg("answer-typed-needed"))),
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
        return Err(AnswerError(Text::msg("answer-empty")));
    }
    if len < min {
        return Err(AnswerError(
            Text::msg("answer-too-short")
                .arg("min", min)
                .arg("count", len),
        ));
    }
    if len > max {
        return Err(AnswerError(
            Text::msg("answer-too-long")
                .arg("max", thousands(max))
                .arg("count", thousands(len)),
        ));
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
    let v = crate::domain::text::fold(v.trim_matches(['.', '!', '¡', '؟', '?', '،']).trim());
    if YES.contains(&v.as_str()) {
        return Some(true);
    }
    if NO.contains(&v.as_str()) {
        return Some(false);
    }
    choices
        .iter()
        .find(|c| crate::domain::text::fold(&c.label) == v)
        .map(|c| c.value == "yes")
}

/// Whether `typed` says yes or no in any shipped language (`sí`, `نعم`, `no`, `لا`), for
/// a question asked outside a form (a report's).
pub fn yes_or_no(typed: &str) -> Option<bool> {
    yes_no(&AnswerInput::Text(typed), &[])
}

/// Words that give consent, in every shipped language (folded), besides yes.
#[rustfmt::skip]
const AGREE: &[&str] = &[
    "i agree", "agree", "i consent", "consent", "accept", // English
    "acepto", "de acuerdo", "estoy de acuerdo", "doy mi consentimiento", // Spanish
    "اوافق", "موافق", "موافقة", "اقبل", // Arabic (folded: no hamza)
];

/// Words that refuse consent, in every shipped language (folded), besides no.
#[rustfmt::skip]
const DISAGREE: &[&str] = &[
    "i do not agree", "i don't agree", "i disagree", // English
    "no estoy de acuerdo", "no acepto", // Spanish
    "لا اوافق", "لا اقبل", // Arabic (folded)
];

/// `2 to 3 languages` (or `2` when exactly that many), for a message about a count.
fn languages_range(min: usize, max: usize) -> Text {
    if min == max {
        Text::plain(min.to_string())
    } else {
        Text::msg("languages-between")
            .arg("min", min)
            .arg("max", max)
    }
}

/// Words for yes and for no in every shipped language (folded: lower case, no accents),
/// whatever language the question was asked in: a person answers in their own.
#[rustfmt::skip]
const YES: &[&str] = &[
    "yes", "y", "yeah", "yep", "sure", "of course", "true", "1", // English
    "si", "claro", "vale", "por supuesto", "de acuerdo", // Spanish
    // Folded (no hamza): "أجل" is "اجل". "أي" ("which") is left out: it folds to "اي".
    "نعم", "اجل", "ايوه", "بلى", "موافق", // Arabic
];
#[rustfmt::skip]
const NO: &[&str] = &[
    "no", "n", "nope", "false", "2", // English (and Spanish)
    "nah", "para nada", // Spanish
    "لا", "كلا", "ابدا", // Arabic (folded)
];

/// Splits a typed list on commas, semicolons (Latin and Arabic), line breaks and "and"
/// (English "and", Spanish "y" and "e": no language's name holds them).
fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n', '،', '؛'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" e "))
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
fn how_to_pick(choices: &[Choice], picks: Picks) -> Text {
    match picks {
        Picks::One => {
            Text::msg("answer-how-pick-one").arg("example", example_picks(choices.len(), 1, 1))
        }
        Picks::Several(min, max) => Text::msg("answer-how-pick-several")
            .arg("example", example_picks(choices.len(), min, max)),
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
                t.split([',', ';', '\n', '،', '؛'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .flat_map(|p| {
                        let whole = matches!(resolve_choice(choices, p), Resolved::One(_));
                        // "and" in English, "y"/"e" in Spanish: only where the part as a
                        // whole is no option ("Comercio y hostelería" stays one).
                        match [" and ", " y ", " e "].iter().find(|and| p.contains(**and)) {
                            Some(and) if !whole => {
                                p.split(and).map(|x| x.trim().to_string()).collect()
                            }
                            _ => vec![p.to_string()],
                        }
                    })
                    .collect()
            }
        }
    };
    if parts.is_empty() {
        return Err(AnswerError(
            Text::msg("answer-empty-pick").arg("how", how_to_pick(choices, picks)),
        ));
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
                return Err(AnswerError(
                    Text::msg("answer-ambiguous")
                        .arg("part", preview(&part, 40))
                        .arg("named", named.join(", "))
                        .arg("example", candidates[0] + 1),
                ));
            }
            Resolved::Nothing => {
                return Err(AnswerError(
                    Text::msg("answer-not-an-option")
                        .arg("part", preview(&part, 40))
                        .arg("how", how_to_pick(choices, picks)),
                ));
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
