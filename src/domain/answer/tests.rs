//! The answer module's tests: every question kind parsed from typed text (and picks), the
//! messages given when an answer does not fit, and answers shown back with their labels. A
//! new question kind gets a test here for what it accepts and what it refuses.

use super::*;
use crate::domain::programme::{Choice, Question, QuestionKind};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn text(question: &Question, s: &str) -> Result<Answer, AnswerError> {
    parse_answer(question, &AnswerInput::Text(s), now())
}

/// What an answer that does not fit is told.
fn refusal(question: &Question, s: &str) -> String {
    text(question, s).unwrap_err().0.english()
}

/// One choice, by its value.
fn choice(value: &str) -> Answer {
    Answer::Choice(value.into())
}

/// Several choices, by their values.
fn choices(values: &[&str]) -> Answer {
    Answer::Choices(values.iter().map(|v| v.to_string()).collect())
}

/// A question where one to `max` of `choices` are picked.
fn pick_up_to(max: usize, choices: Vec<Choice>) -> Question {
    Question::of_kind(QuestionKind::MultiChoice {
        choices,
        min: 1,
        max,
    })
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
    let question = Question::of_kind(QuestionKind::ShortText { max_length: 20 });
    assert_eq!(
        text(&question, "  Ada\tLovelace "),
        Ok(Answer::Text("Ada Lovelace".into()))
    );
    let long = refusal(&question, "abcdefghijklmnopqrstuvwxyz");
    assert!(
        long.contains("under 20 characters (yours has 26)"),
        "{long}"
    );
    assert!(refusal(&question, " \u{7} ").contains("didn't catch"));
}

#[test]
fn long_text_keeps_paragraphs_and_checks_the_minimum() {
    let question = Question::of_kind(QuestionKind::LongText {
        min_length: 10,
        max_length: 100,
    });
    assert_eq!(
        text(&question, "First line\nsecond line"),
        Ok(Answer::Text("First line\nsecond line".into()))
    );
    assert!(refusal(&question, "short").contains("at least 10"));
}

#[test]
fn single_choice_accepts_number_label_value_or_unique_prefix() {
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: sectors() });
    for (typed, picked) in [
        ("2", "health-care"),
        ("health CARE", "health-care"),
        ("public-sector", "public-sector"),
        ("tech", "technology"),
    ] {
        assert_eq!(text(&question, typed), Ok(choice(picked)), "{typed}");
    }
    assert_eq!(
        refusal(&question, "5"),
        "“5” isn't one of the options. Please answer with an option's number or a word from it, for example: 2."
    );
    assert!(refusal(&question, "1, 2").contains("just one"));
    let picked = vec!["public-sector".to_string()];
    assert_eq!(
        parse_answer(&question, &AnswerInput::Picked(&picked), now()),
        Ok(choice("public-sector"))
    );
}

#[test]
fn multi_choice_enforces_min_and_max_picks() {
    let question = pick_up_to(2, sectors());
    for (typed, picked) in [
        ("1, 3", &["technology", "retail-and-hospitality"][..]),
        ("1 3", &["technology", "retail-and-hospitality"][..]),
        (
            "Technology and retail and hospitality",
            &["technology", "retail-and-hospitality"][..],
        ),
        (
            "Retail and hospitality, technology",
            &["retail-and-hospitality", "technology"][..],
        ),
        (
            "Health care and Technology",
            &["health-care", "technology"][..],
        ),
        ("Public sector; public sector", &["public-sector"][..]),
    ] {
        assert_eq!(text(&question, typed), Ok(choices(picked)), "{typed}");
    }
    assert_eq!(
        refusal(&question, "Technology and gardening"),
        "“gardening” isn't one of the options. Please answer with options' numbers or words from them, separated by commas, for example: 1, 3."
    );
    let too_many = refusal(&question, "1,2,3");
    assert!(
        too_many.contains("up to 2 options (you picked 3)"),
        "{too_many}"
    );
}

#[test]
fn numbers_respect_range_and_whole_number_rule() {
    let question = Question::of_kind(QuestionKind::Number {
        min: 1.0,
        max: 40.0,
        decimals: false,
    });
    assert_eq!(text(&question, "12"), Ok(Answer::Number(12.0)));
    let expected = "Please answer with a whole number from 1 to 40, for example: 20.";
    assert_eq!(refusal(&question, "twelve"), expected);
    assert_eq!(refusal(&question, "2.5"), expected);
    assert_eq!(
        refusal(&question, "41"),
        format!("41 is more than 40. {expected}")
    );
    assert_eq!(
        refusal(&question, "0"),
        format!("0 is less than 1. {expected}")
    );
    assert!(text(&question, "NaN").is_err());
    assert!(text(&question, "1e3").is_err());
}

#[test]
fn yes_no_understands_common_words_and_numbers() {
    let question = Question::of_kind(QuestionKind::YesNo);
    assert_eq!(text(&question, "Yes"), Ok(Answer::YesNo(true)));
    assert_eq!(text(&question, "nope"), Ok(Answer::YesNo(false)));
    assert_eq!(text(&question, "2"), Ok(Answer::YesNo(false)));
    assert_eq!(refusal(&question, "maybe"), "Please answer yes or no.");
}

#[test]
fn yes_and_no_are_understood_in_every_shipped_language_whatever_the_question_was_asked_in() {
    let question = Question::of_kind(QuestionKind::YesNo);
    for yes in ["Sí", "si", "¡Claro!", "نعم", "أجل"] {
        assert_eq!(text(&question, yes), Ok(Answer::YesNo(true)), "{yes}");
    }
    for no in ["No.", "لا", "كلا"] {
        assert_eq!(text(&question, no), Ok(Answer::YesNo(false)), "{no}");
    }
    // "أي" ("which") is no yes, though it folds like a colloquial one.
    assert!(text(&question, "أي؟").is_err());
}

#[test]
fn consent_is_given_and_refused_in_every_shipped_language() {
    let question = Question::of_kind(QuestionKind::Consent {
        statement: "We keep your answers.".into(),
    });
    for yes in ["Estoy de acuerdo", "أوافق", "I agree"] {
        assert!(
            matches!(text(&question, yes), Ok(Answer::Consent { .. })),
            "{yes}"
        );
    }
    for no in ["No estoy de acuerdo", "لا أوافق", "I do not agree"] {
        assert!(
            refusal(&question, no).contains("only take your application further"),
            "{no}"
        );
    }
}

#[test]
fn time_zone_is_stored_canonically() {
    let question = Question::of_kind(QuestionKind::TimeZone);
    assert_eq!(
        text(&question, "africa/lagos"),
        Ok(Answer::TimeZone("Africa/Lagos".into()))
    );
    assert!(text(&question, "UTC+20").is_err());
}

#[test]
fn languages_are_stored_as_codes_and_counted() {
    let question = Question::of_kind(QuestionKind::Languages { min: 1, max: 3 });
    assert_eq!(
        text(&question, "English and Kiswahili, fr"),
        Ok(Answer::Languages(vec![
            "en".into(),
            "sw".into(),
            "fr".into()
        ]))
    );
    assert!(refusal(&question, "Elvish").contains("“Elvish”"));
    assert!(refusal(&question, "en, fr, de, es").contains("you named 4"));
}

#[test]
fn consent_must_be_given_to_continue() {
    let question = Question::of_kind(QuestionKind::Consent {
        statement: "We store your answers.".into(),
    });
    assert_eq!(
        text(&question, "I agree."),
        Ok(Answer::Consent { accepted_at: now() })
    );
    assert!(refusal(&question, "no").contains("agreement"));
    assert!(text(&question, "whatever").is_err());
}

#[test]
fn a_choice_where_text_is_expected_is_refused() {
    let question = Question::of_kind(QuestionKind::ShortText { max_length: 50 });
    let picked = vec!["x".to_string()];
    assert!(parse_answer(&question, &AnswerInput::Picked(&picked), now()).is_err());
}

#[test]
fn answers_display_with_labels() {
    let question = pick_up_to(4, sectors());
    let a = choices(&["retail-and-hospitality", "health-care"]);
    assert_eq!(a.display(&question), "Retail and hospitality, Health care");
    assert_eq!(a.values(), vec!["retail-and-hospitality", "health-care"]);
}

/// The goals of the example programme: several labels share words ("for", "a").
fn goals() -> Vec<Choice> {
    [
        "Writing a CV",
        "Preparing for interviews",
        "Exploring careers",
        "Building confidence",
        "Finding work experience",
        "Starting a business",
        "Looking for work",
    ]
    .iter()
    .map(|l| Choice::from_label(l))
    .collect()
}

#[test]
fn a_choice_is_found_by_any_word_only_its_label_has_in_any_case_and_accents_aside() {
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    let one = |s: &str| match text(&question, s) {
        Ok(Answer::Choice(v)) => v,
        other => panic!("{s:?} → {other:?}"),
    };
    assert_eq!(one("cv"), "writing-a-cv");
    assert_eq!(one("CV"), "writing-a-cv");
    assert_eq!(one("interviews"), "preparing-for-interviews");
    assert_eq!(
        one("interview"),
        "preparing-for-interviews",
        "a beginning of a word"
    );
    assert_eq!(one("Confidence!"), "building-confidence");
    assert_eq!(
        one("confídence"),
        "building-confidence",
        "accents are ignored"
    );
    assert_eq!(one("work experience"), "finding-work-experience");
    assert_eq!(one("business"), "starting-a-business");
    let accented = vec![Choice::from_label("Éducation"), Choice::from_label("Santé")];
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: accented });
    assert_eq!(text(&question, "sante"), Ok(choice("santé")));
    assert_eq!(text(&question, "EDUCATION"), Ok(choice("éducation")));
}

#[test]
fn a_word_several_labels_share_names_them_and_changes_nothing() {
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert_eq!(
        refusal(&question, "work"),
        "“work” fits more than one option: 5. Finding work experience, 7. Looking for work. Please answer with the number of the one you mean, for example: 5."
    );
    // A whole word comes before the beginning of another: "work" is not "Working".
    let situation: Vec<Choice> = ["Out of work and looking", "Working, but looking for more"]
        .iter()
        .map(|l| Choice::from_label(l))
        .collect();
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: situation });
    assert_eq!(
        text(&question, "work"),
        Ok(choice("out-of-work-and-looking"))
    );
    assert_eq!(
        text(&question, "worki"),
        Ok(choice("working-but-looking-for-more"))
    );
    assert!(refusal(&question, "looking").starts_with("“looking” fits more than one option"));
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert!(refusal(&question, "for").starts_with(
        "“for” fits more than one option: 2. Preparing for interviews, 7. Looking for work."
    ));
    // A single letter is too little to name an option by.
    assert!(refusal(&question, "a").contains("isn't one of the options"));
    assert!(refusal(&question, "knitting").contains("isn't one of the options"));
}

#[test]
fn several_choices_are_found_by_their_words_too() {
    let question = pick_up_to(3, goals());
    for (typed, picked) in [
        (
            "cv, interviews",
            &["writing-a-cv", "preparing-for-interviews"][..],
        ),
        (
            "cv and confidence",
            &["writing-a-cv", "building-confidence"][..],
        ),
        (
            "CV; 3; Búsiness",
            &["writing-a-cv", "exploring-careers", "starting-a-business"][..],
        ),
    ] {
        assert_eq!(text(&question, typed), Ok(choices(picked)), "{typed}");
    }
    assert!(refusal(&question, "cv, work").starts_with("“work” fits more than one option"));
}

#[test]
fn a_wrong_answer_says_what_fits_with_one_example() {
    let single = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert_eq!(
        refusal(&single, "1, 2"),
        "Please pick just one option, for example: 2."
    );
    let multi = pick_up_to(2, goals());
    assert_eq!(
        refusal(&multi, "1, 2, 3"),
        "Please pick up to 2 options (you picked 3), separated by commas, for example: 1, 3."
    );
    let scale = Question::of_kind(QuestionKind::Scale {
        labels: ["Poor", "Fair", "Good", "Very good", "Excellent"]
            .map(String::from)
            .to_vec(),
    });
    assert_eq!(
        refusal(&scale, "great"),
        "Please answer with a number from 1 (Poor) to 5 (Excellent), for example: 3."
    );
    let languages = Question::of_kind(QuestionKind::Languages { min: 1, max: 3 });
    assert!(refusal(&languages, "en, fr, de, es").ends_with("for example: English, Swahili."));
    for message in [refusal(&single, "zzz"), refusal(&scale, "zzz")] {
        assert!(!message.contains('\n'), "one short paragraph: {message}");
        assert!(message.contains("for example"), "{message}");
    }
}
