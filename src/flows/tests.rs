//! Tests of whole conversations through the pure core: no database, no platform.

use std::path::Path;

use super::testing::Applicant;
use super::*;
use crate::domain::{Answer, Place, Platform, RoleKind};

/// A small programme with every question kind and a branch. Written a key a line (unlike
/// the other test programmes) because the config properties change it line by line.
pub(crate) const PROGRAMME: &str = r#"
slug = "demo"
name = "Demo Programme"
description = "A programme for tests."
[texts]
welcome = "Welcome text."
submitted = "What happens next."
[roles.mentor]
name = "Mentor"
description = "you guide"
[[roles.mentor.questions]]
id = "name"
kind = "short_text"
prompt = "Your name?"
max_length = 40
[roles.mentee]
name = "Mentee"
description = "you learn"
[[roles.mentee.questions]]
id = "name"
kind = "short_text"
prompt = "Your name?"
max_length = 40
[[roles.mentee.questions]]
id = "age"
kind = "number"
prompt = "Your age?"
min = 16
max = 30
[[roles.mentee.questions]]
id = "tz"
kind = "time_zone"
prompt = "Your time zone?"
[[roles.mentee.questions]]
id = "langs"
kind = "languages"
prompt = "Your languages?"
max = 2
[[roles.mentee.questions]]
id = "field"
kind = "single_choice"
prompt = "Your field?"
choices = ["Technology", "Health care", "Retail"]
[[roles.mentee.questions]]
id = "goals"
kind = "multi_choice"
prompt = "Your goals?"
choices = ["CV", "Interviews", "Confidence", "Careers"]
min = 1
max = 2
[[roles.mentee.questions]]
id = "worked"
kind = "yes_no"
prompt = "Have you worked?"
[[roles.mentee.questions]]
id = "job"
kind = "long_text"
prompt = "Tell us about it."
show_if = { question = "worked", equals = "yes" }
[[roles.mentee.questions]]
id = "extra"
kind = "short_text"
prompt = "Anything else?"
optional = true
[[roles.mentee.questions]]
id = "consent"
kind = "consent"
prompt = "Consent?"
statement = "We store your answers."
"#;

pub(crate) fn programme() -> Programme {
    crate::config::parse_programme(Path::new("demo.toml"), PROGRAMME).expect("test programme")
}

/// Ada, with the demo programme open.
fn ada() -> Applicant {
    Applicant::new(vec![programme()])
}

/// Ada, with the demo programme open, having sent these DMs.
fn ada_after(lines: &[&str]) -> Applicant {
    let mut c = ada();
    c.say_all(lines);
    c
}

// Inherent methods on the shared driver, for this programme's form only.
impl Applicant {
    /// Answers the mentee form up to the review, with work experience.
    fn fill_mentee_form(&mut self) {
        self.say("apply");
        self.say("mentee");
        self.fill_mentee_form_from_name();
        assert_eq!(self.flow().stage, application::Stage::Reviewing);
    }
}

#[test]
fn a_mentee_application_runs_from_apply_to_submit() {
    let mut c = ada();
    let reply = c.say("apply");
    assert!(reply.contains("Welcome to Demo Programme"), "{reply}");
    assert!(reply.contains("as a mentor or as a mentee"), "{reply}");
    let reply = c.say("2");
    assert!(reply.contains("Question 1 of"), "{reply}");
    c.fill_mentee_form_from_name();
    let reply = c.say("submit");
    assert!(reply.contains("has been submitted"), "{reply}");
    assert!(reply.contains("What happens next."), "{reply}");
    assert!(c.state.is_none());
    let app = &c.stored[0];
    assert_eq!(app.role, RoleKind::Mentee);
    let ids: Vec<&str> = app.answers.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(
        ids,
        [
            "name", "age", "tz", "langs", "field", "goals", "worked", "job", "extra", "consent"
        ]
    );
    assert_eq!(app.answers[1].1, Answer::Number(19.0));
    assert_eq!(app.answers[2].1, Answer::TimeZone("Europe/Berlin".into()));
    assert_eq!(app.answers[3].1, Answer::Languages(vec!["en".into()]));
    assert_eq!(app.answers[4].1, Answer::Choice("technology".into()));
    assert_eq!(
        app.answers[5].1,
        Answer::Choices(vec!["cv".into(), "confidence".into()])
    );
    assert_eq!(app.answers[8].1, Answer::Skipped);
    assert!(matches!(app.answers[9].1, Answer::Consent { .. }));
}

impl Applicant {
    fn fill_mentee_form_from_name(&mut self) {
        self.say_all(&[
            "Ada",
            "19",
            "Europe/Berlin",
            "English",
            "1",
            "1, 3",
            "yes",
            "Two summers in a bike shop.",
            "skip",
            "I agree",
        ]);
    }
}

#[test]
fn apply_with_a_role_skips_the_role_question() {
    let mut c = ada();
    let reply = c.say("apply as mentor");
    assert!(reply.contains("Question 1 of 1: Your name?"), "{reply}");
    c.say("Grace");
    let reply = c.say("submit");
    assert!(reply.contains("submitted"), "{reply}");
    assert_eq!(c.stored[0].role, RoleKind::Mentor);
}

#[test]
fn a_branch_is_asked_only_when_its_condition_matches() {
    let mut c = ada_after(&["apply mentee", "Ada", "19", "UTC+1", "fr", "2", "4"]);
    let reply = c.say("no");
    assert!(reply.contains("Anything else?"), "{reply}");
    assert_eq!(c.question().as_deref(), Some("extra"));
    // Changing the branch answer later reveals the question, and the review asks it.
    c.say("skip");
    c.say("I agree");
    let reply = c.say("edit worked");
    assert!(reply.contains("Your current answer: No"), "{reply}");
    let reply = c.say("yes");
    assert!(reply.contains("Tell us about it."), "{reply}");
    let reply = c.say("Worked in a café.");
    assert!(reply.contains("Your answers"), "{reply}");
    c.say("submit");
    assert!(c.stored[0].answers.iter().any(|(q, _)| q == "job"));
}

#[test]
fn submit_while_revisiting_an_answer_submits_when_everything_is_answered() {
    let mut c = ada();
    c.fill_mentee_form();
    let reply = c.say("edit 2");
    assert!(reply.contains("Your current answer: 19"), "{reply}");
    let reply = c.say("submit");
    assert!(reply.contains("has been submitted"), "{reply}");
    assert!(c.state.is_none());
    assert_eq!(c.stored[0].answers[1].1, Answer::Number(19.0));
}

#[test]
fn submit_while_revisiting_says_exactly_which_questions_are_left() {
    let mut c = ada_after(&["apply mentee", "Ada", "19", "UTC+1"]);
    // On a question not answered yet: what is left, and this question stays.
    let reply = c.say("submit");
    assert_eq!(
        reply,
        "Not yet: still to answer: 4. Langs, 5. Field, 6. Goals, 7. Worked, 8. Extra, 9. Consent. Let's carry on with this one."
    );
    assert_eq!(c.question().as_deref(), Some("langs"));
    // Back on an answered one: what is left, then the first of them.
    c.say("back");
    let reply = c.say("submit");
    assert!(
        reply.starts_with("Not yet: still to answer: 4. Langs, 5. Field"),
        "{reply}"
    );
    assert!(reply.contains("Your languages?"), "{reply}");
    assert_eq!(c.question().as_deref(), Some("langs"));
    assert!(c.stored.is_empty());
}

#[test]
fn a_hidden_answer_is_not_submitted_after_the_branch_changes() {
    let mut c = ada();
    c.fill_mentee_form();
    c.say("edit worked");
    c.say("no");
    let review = c.say("review");
    assert!(!review.contains("Tell us about it"), "{review}");
    c.say("submit");
    assert!(!c.stored[0].answers.iter().any(|(q, _)| q == "job"));
}

#[test]
fn a_wrong_answer_gets_one_short_message_and_changes_nothing() {
    let mut c = ada_after(&["apply mentee", "Ada"]);
    let before = c.state.clone();
    let reply = c.say("twelve");
    assert_eq!(
        reply,
        "Please answer with a whole number from 16 to 30, for example: 23.\n(Type repeat to see the question again.)"
    );
    assert_eq!(c.state, before);
    let reply = c.say("45");
    assert!(reply.starts_with("45 is more than 30."), "{reply}");
    assert!(
        !reply.contains("Your age?"),
        "the question is not sent again: {reply}"
    );
    let reply = c.say("");
    assert!(reply.contains("whole number"), "{reply}");
    assert_eq!(c.state, before);
    let reply = c.say("repeat");
    assert!(reply.starts_with("Question 2 of"), "{reply}");
    assert_eq!(c.state, before);
    // A choice that fits no option, and a wrong role, are one short message too.
    c.say_all(&["19", "UTC+1", "fr"]);
    let reply = c.say("gardening");
    assert_eq!(
        reply,
        "“gardening” isn't one of the options. Please answer with an option's number or a word from it, for example: 2.\n(Type repeat to see the question again.)"
    );
    let reply = c.say("health");
    assert!(
        reply.contains("Question 6 of"),
        "a word of a label picks it: {reply}"
    );
}

#[test]
fn back_returns_to_the_previous_question_and_keep_moves_on() {
    let mut c = ada_after(&["apply mentee", "Ada"]);
    let reply = c.say("back");
    assert!(reply.contains("Your name?"), "{reply}");
    assert!(reply.contains("Your current answer: Ada"), "{reply}");
    let reply = c.say("keep");
    assert!(reply.contains("Your age?"), "{reply}");
    c.say("back");
    let reply = c.say("back");
    assert!(reply.contains("as a mentor or as a mentee"), "{reply}");
    let reply = c.say("back");
    assert!(reply.contains("first step"), "{reply}");
}

#[test]
fn skip_works_only_on_optional_questions() {
    let mut c = ada_after(&["apply mentee"]);
    let reply = c.say("skip");
    assert!(reply.contains("can't be skipped"), "{reply}");
    assert_eq!(c.question().as_deref(), Some("name"));
}

#[test]
fn review_mid_form_shows_answers_so_far_and_stays_put() {
    let mut c = ada_after(&["apply mentee", "Ada"]);
    let reply = c.say("review");
    assert!(reply.contains("1. Name: Ada"), "{reply}");
    assert!(reply.contains("(not answered yet)"), "{reply}");
    assert!(reply.contains("questions still to answer"), "{reply}");
    assert_eq!(c.question().as_deref(), Some("age"));
    let reply = c.say("submit");
    assert!(
        reply.starts_with("Not yet: still to answer: 2. Age"),
        "{reply}"
    );
}

#[test]
fn edit_accepts_a_number_an_id_or_a_label_and_returns_to_the_review() {
    let mut c = ada();
    c.fill_mentee_form();
    let reply = c.say("edit 2");
    assert!(reply.contains("Your age?"), "{reply}");
    let reply = c.say("20");
    assert!(reply.contains("2. Age: 20"), "{reply}");
    let reply = c.say("edit langs");
    assert!(reply.contains("Your languages?"), "{reply}");
    c.say("keep");
    let reply = c.say("edit nonsense");
    assert!(reply.contains("There's no question “nonsense”"), "{reply}");
    c.say("submit");
    assert_eq!(c.stored[0].answers[1].1, Answer::Number(20.0));
}

#[test]
fn cancel_asks_for_confirmation_and_no_resumes() {
    let mut c = ada_after(&["apply mentee", "Ada"]);
    let reply = c.say("cancel");
    assert!(reply.contains("really want to cancel"), "{reply}");
    let reply = c.say("perhaps");
    assert!(reply.contains("Please answer yes or no"), "{reply}");
    let reply = c.say("no");
    assert!(reply.contains("Your age?"), "{reply}");
    c.say("cancel");
    let reply = c.say("yes");
    assert!(reply.contains("cancelled"), "{reply}");
    assert!(c.state.is_none());
    assert!(c.stored.is_empty());
}

#[test]
fn consent_must_be_given_before_the_review() {
    let mut c = ada_after(&[
        "apply mentee",
        "Ada",
        "19",
        "UTC",
        "en",
        "1",
        "1",
        "no",
        "skip",
    ]);
    let reply = c.say("I do not agree");
    assert!(
        reply.contains("only take your application further with your agreement"),
        "{reply}"
    );
    assert_eq!(c.question().as_deref(), Some("consent"));
}

#[test]
fn a_greeting_or_apply_mid_flow_reminds_the_person_where_they_are() {
    let mut c = ada_after(&["apply mentee", "Ada"]);
    let reply = c.say("hello");
    assert!(reply.contains("Welcome back"), "{reply}");
    assert!(reply.contains("1 of 9 questions answered"), "{reply}");
    assert!(reply.contains("Your age?"), "{reply}");
    let reply = c.say("apply");
    assert!(reply.contains("Welcome back"), "{reply}");
    let reply = c.say("status");
    assert!(reply.contains("is in progress"), "{reply}");
}

#[test]
fn an_answer_to_an_old_prompt_is_recognised_and_changes_nothing() {
    let mut c = ada();
    c.fill_mentee_form();
    c.say("edit field");
    let before = c.state.clone();
    let out = c.send_content(
        Place::Dm,
        Content::Picked {
            prompt_ref: Some("question:goals".into()),
            values: vec!["cv".into()],
        },
    );
    assert!(out[0].text.contains("already answered"), "{}", out[0].text);
    assert_eq!(c.state, before);
    let out = c.send_content(
        Place::Dm,
        Content::Picked {
            prompt_ref: Some("question:field".into()),
            values: vec!["retail".into()],
        },
    );
    assert!(out.iter().any(|m| m.text.contains("5. Field: Retail")));
}

#[test]
fn prompts_carry_choices_and_pick_limits_for_buttons() {
    let mut c = ada_after(&["apply mentee", "Ada", "19", "UTC", "en", "1"]);
    let out = c.send_content(Place::Dm, Content::Text("back".into()));
    let prompt = out.last().unwrap();
    assert_eq!(prompt.prompt_ref.as_deref(), Some("question:field"));
    assert_eq!(prompt.choices.len(), 3);
    assert_eq!(prompt.pick, Some((1, 1)));
    c.say("keep");
    let out = c.send_content(Place::Dm, Content::Text("back".into()));
    let out2 = c.send_content(Place::Dm, Content::Text("keep".into()));
    assert!(out.last().unwrap().text.contains("Your field?"));
    assert_eq!(out2.last().unwrap().pick, Some((1, 2)));
}

#[test]
fn a_second_application_to_the_same_programme_is_refused() {
    let mut c = ada();
    c.fill_mentee_form();
    c.say("submit");
    let reply = c.say("apply");
    assert!(
        reply.contains("already applied to Demo Programme as a mentee"),
        "{reply}"
    );
    assert!(c.state.is_none());
}

#[test]
fn a_very_long_message_is_refused_without_touching_the_flow() {
    let mut c = ada_after(&["apply mentee"]);
    let before = c.state.clone();
    let reply = c.say(&"x".repeat(100 * 1024));
    assert!(
        reply.contains("too long for me (102,400 characters)"),
        "{reply}"
    );
    assert_eq!(c.state, before);
}

#[test]
fn rtl_text_and_control_characters_are_handled_in_answers() {
    let mut c = ada_after(&["apply mentee", "\u{200f}سارة\u{0}\u{1b}", "19"]);
    let review = c.say("review");
    assert!(review.contains("1. Name: \u{200f}سارة"), "{review}");
}

#[test]
fn unknown_commands_get_the_closest_suggestion() {
    let mut c = ada();
    let reply = c.say("aply");
    assert!(reply.contains("Did you mean apply?"), "{reply}");
    let reply = c.say("what is this");
    assert!(reply.contains("Type help"), "{reply}");
    let reply = c.say("submit");
    assert!(reply.contains("no application in progress"), "{reply}");
}

#[test]
fn room_messages_need_the_prefix_and_personal_answers_go_by_dm() {
    let mut c = ada();
    let lobby = Place::Room(RoomRef::new(Platform::Console, "lobby"));
    let out = c.send_content(lobby.clone(), Content::Text("apply".into()));
    assert!(out.is_empty(), "plain room chatter is not for the bot");
    let out = c.send_content(lobby.clone(), Content::Text("!tandem apply mentee".into()));
    assert!(
        out.iter()
            .any(|m| m.text.contains("I've sent you a direct message"))
    );
    assert_eq!(c.question().as_deref(), Some("name"));
    let out = c.send_content(lobby.clone(), Content::Text("!TANDEM hlep".into()));
    assert!(
        out[0].text.contains("Did you mean !tandem help?"),
        "{}",
        out[0].text
    );
}

#[test]
fn several_open_programmes_are_offered_as_a_choice() {
    let mut c = ada();
    let mut second = programme();
    second.slug = "other".into();
    second.name = "Other Programme".into();
    c.scene.programmes.push(second);
    let reply = c.say("apply");
    assert!(reply.contains("Which programme"), "{reply}");
    let reply = c.say("2");
    assert!(reply.contains("Welcome to Other Programme"), "{reply}");
    assert_eq!(c.flow().programme.as_deref(), Some("other"));
    let reply = c.say("mentee");
    assert!(reply.contains("Your name?"), "{reply}");
}

#[test]
fn flow_state_survives_a_round_trip_through_json() {
    let mut c = ada();
    c.fill_mentee_form();
    let json = serde_json::to_string(c.state.as_ref().unwrap()).unwrap();
    let back: FlowState = serde_json::from_str(&json).unwrap();
    assert_eq!(Some(back), c.state);
}

#[test]
fn a_programme_with_a_safety_policy_says_it_in_its_consent_question_and_one_without_does_not() {
    let answers_before_consent = [
        "apply",
        "mentee",
        "Ada",
        "19",
        "Europe/Berlin",
        "English",
        "1",
        "1, 3",
        "no",
        "skip",
    ];
    let mut with = programme();
    with.safety = Some(crate::domain::safety::Policy::everything());
    let mut c = Applicant::new(vec![with]);
    let mut consent = String::new();
    for line in answers_before_consent {
        consent = c.say(line);
    }
    assert!(consent.contains("Consent?"), "{consent}");
    assert!(
        consent.contains("We store your answers.\n")
            && consent.contains("Demo Programme looks after its pair rooms"),
        "{consent}"
    );
    let mut c = ada();
    let mut consent = String::new();
    for line in answers_before_consent {
        consent = c.say(line);
    }
    assert!(
        consent.contains("Consent?") && !consent.contains("looks after its pair rooms"),
        "{consent}"
    );
}
