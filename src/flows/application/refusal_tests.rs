//! Tests of a refusal by the screening rules in the application flow: told at once, kindly,
//! with what the person can do; correctable then and there, or within the correction
//! window after submitting; otherwise, when they may apply again.

use std::path::Path;

use chrono::Duration;

use crate::domain::{ApplicationStatus, Programme};
use crate::flows::testing::Applicant;

/// A mentee form whose rules refuse the under-16s (until they can be 16) and anyone who
/// won't take a check (for 30 days).
const YOUNG: &str = r#"
slug = "young"
name = "Young Programme"
description = "A programme for tests."
[roles.mentor]
name = "Mentor"
description = "you guide"
questions = [{ id = "name", kind = "short_text", prompt = "Your name?" }]
[roles.mentee]
name = "Mentee"
description = "you learn"
questions = [
    { id = "name", kind = "short_text", prompt = "Your name?" },
    { id = "age", kind = "number", prompt = "Your age?", min = 10, max = 99 },
    { id = "check", kind = "yes_no", prompt = "Will you take a check?" },
    { id = "consent", kind = "consent", prompt = "Consent?", statement = "We store your answers." },
]
[roles.mentee.screening]
default = "eligible"
[[roles.mentee.screening.rules]]
id = "too_young"
outcome = "ineligible"
reason = "Young Programme is for people aged 16 and over."
when = { question = "age", below = 16 }
apply_again = "yearly"
[[roles.mentee.screening.rules]]
id = "no_check"
outcome = "ineligible"
reason = "Everyone takes a check."
when = { question = "check", equals = "no" }
apply_again = 30
[texts]
welcome = "Welcome."
submitted = "What happens next."
contact = "Write to team@example.org to talk it over."
"#;

fn programme(source: &str) -> Programme {
    crate::config::parse_programme(Path::new("young.toml"), source).expect("test programme")
}

/// Ada, with `source` the one programme open.
fn applying_to(source: &str) -> Applicant {
    Applicant::new(vec![programme(source)])
}

// Inherent methods on the shared driver, for the young programme's form only.
impl Applicant {
    /// Applies as a 15-year-old, goes on anyway, and submits: refused by the rules.
    fn refused_at_fifteen(&mut self) -> String {
        self.say_all(&["apply mentee", "Ada", "15", "keep", "yes", "I agree"]);
        self.say("submit")
    }
}

#[test]
fn an_answer_that_makes_someone_ineligible_is_told_at_once_with_what_they_can_do() {
    let mut ada = applying_to(YOUNG);
    ada.say("apply mentee");
    ada.say("Ada");
    let reply = ada.say("15");
    assert!(
        reply.starts_with("Thank you for being honest. I'd rather tell you now than after the other questions:\nYoung Programme is for people aged 16 and over.\n"),
        "{reply}"
    );
    assert!(
        reply.contains(
            "You're welcome to apply again once that changes: by 15 January 2028 at the latest."
        ),
        "{reply}"
    );
    assert!(reply.contains("Write to team@example.org"), "{reply}");
    assert!(
        reply.contains("If that answer was a mistake, just send the right one now."),
        "{reply}"
    );
    assert!(
        !reply.contains("Will you take a check?"),
        "not on to the next question: {reply}"
    );
    assert_eq!(ada.question().as_deref(), Some("age"), "the question stays");
    // The right answer moves on, without a word more about it.
    let reply = ada.say("17");
    assert!(
        reply.starts_with("Question 3 of 4: Will you take a check?"),
        "{reply}"
    );
    // An answer that refuses for a number of days says from when.
    let reply = ada.say("no");
    assert!(reply.contains("Everyone takes a check."), "{reply}");
    assert!(
        reply.contains("You're welcome to apply again from 14 February 2027."),
        "{reply}"
    );
    assert!(ada.stored.is_empty());
}

#[test]
fn someone_who_goes_on_anyway_is_refused_on_submit_as_before_and_told_how_to_correct() {
    let mut ada = applying_to(YOUNG);
    let reply = ada.refused_at_fifteen();
    assert_eq!(ada.stored[0].status, ApplicationStatus::Ineligible);
    assert_eq!(ada.stored[0].reopens, None);
    for expected in [
        "Young Programme is for people aged 16 and over.\nWe're sorry we can't offer you a place this time.",
        "You're welcome to apply again once that changes: by 15 January 2028 at the latest.",
        "If one of your answers was a mistake, type apply within the next 24 hours to correct it.",
        "Write to team@example.org",
    ] {
        assert!(reply.contains(expected), "{expected:?} in {reply}");
    }
    assert!(ada.state.is_none());
}

#[test]
fn apply_within_a_day_reopens_the_refused_application_at_the_answer_that_refused_it() {
    let mut ada = applying_to(YOUNG);
    ada.refused_at_fifteen();
    ada.scene.now += Duration::hours(3);
    let reply = ada.say("apply");
    assert!(
        reply.starts_with("Let's look at your application to Young Programme again. It couldn't go ahead because:\nYoung Programme is for people aged 16 and over.\nIf one of your answers was a mistake, change it now"),
        "{reply}"
    );
    assert!(reply.contains("Question 2 of 4: Your age?"), "{reply}");
    assert!(reply.contains("Your current answer: 15."), "{reply}");
    // Corrected, the other answers stand; consent is given again, then the review.
    let reply = ada.say("16");
    assert!(reply.contains("Consent?"), "{reply}");
    let reply = ada.say("I agree");
    assert!(reply.contains("2. Age: 16"), "{reply}");
    assert!(reply.contains("3. Check: Yes"), "{reply}");
    let reply = ada.say("submit");
    assert!(reply.contains("you're accepted"), "{reply}");
    let sent = &ada.stored[1];
    assert_eq!(sent.reopens, Some(1), "in the place of the refused one");
    assert_eq!(sent.status, ApplicationStatus::Ready);
    assert_eq!(ada.records.len(), 1);
}

#[test]
fn after_the_window_a_refused_person_is_told_when_they_may_apply_again() {
    let mut ada = applying_to(YOUNG);
    ada.say_all(&[
        "apply mentee",
        "Ada",
        "20",
        "no",
        "keep",
        "I agree",
        "submit",
    ]);
    assert_eq!(ada.stored[0].status, ApplicationStatus::Ineligible);
    ada.scene.now += Duration::days(2);
    let reply = ada.say("apply");
    assert_eq!(
        reply,
        "You applied to Young Programme on 15 January 2027, and we couldn't offer you a place then. You're welcome to apply again from 14 February 2027.\nWrite to team@example.org to talk it over."
    );
    assert!(ada.state.is_none());
    // Thirty days on, apply re-opens it, answers filled in.
    ada.scene.now += Duration::days(29);
    let reply = ada.say("apply");
    assert!(
        reply.starts_with("Welcome back to Young Programme!"),
        "{reply}"
    );
    assert!(reply.contains("Your current answer: No."), "{reply}");
}

#[test]
fn a_rule_that_never_allows_a_new_application_says_so_kindly() {
    let source = YOUNG.replace("apply_again = 30\n", "");
    let mut ada = applying_to(&source);
    ada.say_all(&["apply mentee", "Ada", "20", "no", "keep", "I agree"]);
    let reply = ada.say("submit");
    assert!(!reply.contains("apply again"), "{reply}");
    assert!(reply.contains("within the next 24 hours"), "{reply}");
    ada.scene.now += Duration::days(400);
    let reply = ada.say("apply");
    assert!(
        reply.contains("I'm sorry: it isn't possible to apply again."),
        "{reply}"
    );
}
