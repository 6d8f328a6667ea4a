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
    let question = Question::of_kind(QuestionKind::LongText {
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
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: sectors() });
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
    assert_eq!(
        text(&question, "5").unwrap_err().0,
        "“5” isn't one of the options. Please answer with an option's number or a word from it, for example: 2."
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
    let question = Question::of_kind(QuestionKind::MultiChoice {
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
        Ok(Answer::Choices(vec![
            "technology".into(),
            "retail-and-hospitality".into()
        ]))
    );
    assert_eq!(
        text(&question, "Technology and gardening"),
        Err(AnswerError("“gardening” isn't one of the options. Please answer with options' numbers or words from them, separated by commas, for example: 1, 3.".into()))
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
    let question = Question::of_kind(QuestionKind::Number {
        min: 1.0,
        max: 40.0,
        decimals: false,
    });
    assert_eq!(text(&question, "12"), Ok(Answer::Number(12.0)));
    let expected = "Please answer with a whole number from 1 to 40, for example: 20.";
    assert_eq!(text(&question, "twelve").unwrap_err().0, expected);
    assert_eq!(text(&question, "2.5").unwrap_err().0, expected);
    assert_eq!(
        text(&question, "41").unwrap_err().0,
        format!("41 is more than 40. {expected}")
    );
    assert_eq!(
        text(&question, "0").unwrap_err().0,
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
    assert_eq!(
        text(&question, "maybe").unwrap_err().0,
        "Please answer yes or no."
    );
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
    let question = Question::of_kind(QuestionKind::Consent {
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
    let question = Question::of_kind(QuestionKind::ShortText { max_length: 50 });
    let picked = vec!["x".to_string()];
    assert!(parse_answer(&question, &AnswerInput::Picked(&picked), now()).is_err());
}

#[test]
fn answers_display_with_labels() {
    let question = Question::of_kind(QuestionKind::MultiChoice {
        choices: sectors(),
        min: 1,
        max: 4,
    });
    let a = Answer::Choices(vec!["retail-and-hospitality".into(), "health-care".into()]);
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
    assert_eq!(text(&question, "sante"), Ok(Answer::Choice("santé".into())));
    assert_eq!(
        text(&question, "EDUCATION"),
        Ok(Answer::Choice("éducation".into()))
    );
}

#[test]
fn a_word_several_labels_share_names_them_and_changes_nothing() {
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert_eq!(
        text(&question, "work").unwrap_err().0,
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
        Ok(Answer::Choice("out-of-work-and-looking".into()))
    );
    assert_eq!(
        text(&question, "worki"),
        Ok(Answer::Choice("working-but-looking-for-more".into()))
    );
    assert!(
        text(&question, "looking")
            .unwrap_err()
            .0
            .starts_with("“looking” fits more than one option")
    );
    let question = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert!(text(&question, "for").unwrap_err().0.starts_with(
        "“for” fits more than one option: 2. Preparing for interviews, 7. Looking for work."
    ));
    // A single letter is too little to name an option by.
    assert!(
        text(&question, "a")
            .unwrap_err()
            .0
            .contains("isn't one of the options")
    );
    assert!(
        text(&question, "knitting")
            .unwrap_err()
            .0
            .contains("isn't one of the options")
    );
}

#[test]
fn several_choices_are_found_by_their_words_too() {
    let question = Question::of_kind(QuestionKind::MultiChoice {
        choices: goals(),
        min: 1,
        max: 3,
    });
    assert_eq!(
        text(&question, "cv, interviews"),
        Ok(Answer::Choices(vec![
            "writing-a-cv".into(),
            "preparing-for-interviews".into()
        ]))
    );
    assert_eq!(
        text(&question, "cv and confidence"),
        Ok(Answer::Choices(vec![
            "writing-a-cv".into(),
            "building-confidence".into()
        ]))
    );
    assert_eq!(
        text(&question, "CV; 3; Búsiness"),
        Ok(Answer::Choices(vec![
            "writing-a-cv".into(),
            "exploring-careers".into(),
            "starting-a-business".into()
        ]))
    );
    assert!(
        text(&question, "cv, work")
            .unwrap_err()
            .0
            .starts_with("“work” fits more than one option")
    );
}

#[test]
fn a_wrong_answer_says_what_fits_with_one_example() {
    let single = Question::of_kind(QuestionKind::SingleChoice { choices: goals() });
    assert_eq!(
        text(&single, "1, 2").unwrap_err().0,
        "Please pick just one option, for example: 2."
    );
    let multi = Question::of_kind(QuestionKind::MultiChoice {
        choices: goals(),
        min: 1,
        max: 2,
    });
    assert_eq!(
        text(&multi, "1, 2, 3").unwrap_err().0,
        "Please pick up to 2 options (you picked 3), separated by commas, for example: 1, 3."
    );
    let scale = Question::of_kind(QuestionKind::Scale {
        labels: ["Poor", "Fair", "Good", "Very good", "Excellent"]
            .map(String::from)
            .to_vec(),
    });
    assert_eq!(
        text(&scale, "great").unwrap_err().0,
        "Please answer with a number from 1 (Poor) to 5 (Excellent), for example: 3."
    );
    let languages = Question::of_kind(QuestionKind::Languages { min: 1, max: 3 });
    assert!(
        text(&languages, "en, fr, de, es")
            .unwrap_err()
            .0
            .ends_with("for example: English, Swahili.")
    );
    for message in [
        text(&single, "zzz").unwrap_err().0,
        text(&scale, "zzz").unwrap_err().0,
    ] {
        assert!(!message.contains('\n'), "one short paragraph: {message}");
        assert!(message.contains("for example"), "{message}");
    }
}
