//! Tests of answering a survey and of the coordinators' survey commands.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::domain::incident::Moderation;
use crate::domain::matches::MatchRecord;
use crate::domain::{ApplicationStatus, ApplicationSummary, Platform, RoleKind, RoomRef, UserRef};
use crate::flows::{Inbound, Subject, handle};

const SURVEY: &str = r#"
[surveys.pulse]
title = "Pulse survey"
intro = "Three questions."
anonymous = true
for = ["mentee"]
questions = [
    { id = "mood", kind = "scale", prompt = "How is it going?" },
    { id = "nps", kind = "nps", prompt = "Would you recommend us?" },
    { id = "words", kind = "long_text", prompt = "Anything to add?", optional = true },
]
"#;

fn programme() -> Programme {
    // Top-level keys first, then the test programme's tables, then the survey.
    let source = format!(
        "coordinators = [\"console:carol\"]{}{SURVEY}",
        crate::flows::tests::PROGRAMME
    );
    crate::config::parse_programme(Path::new("t.toml"), &source).expect("test programme")
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn invite(draft: BTreeMap<String, Answer>) -> SurveyInvite {
    SurveyInvite {
        id: 7,
        programme: "demo".into(),
        survey: "pulse".into(),
        role: RoleKind::Mentee,
        closes_at: now() + Duration::days(14),
        draft,
    }
}

struct World {
    programmes: Vec<Programme>,
    user: UserRef,
    invites: Vec<SurveyInvite>,
    subject: Subject,
    room: RoomRef,
    rooms: crate::domain::rooms::Rooms,
}

impl World {
    fn new(user: &str) -> World {
        World {
            programmes: vec![programme()],
            user: UserRef::new(Platform::Console, user),
            invites: vec![invite(BTreeMap::new())],
            subject: Subject::Nothing,
            room: RoomRef::new(Platform::Console, "coordinators"),
            rooms: crate::domain::rooms::Rooms::none().with(
                crate::domain::rooms::Serves::Coordinators,
                None,
                RoomRef::new(Platform::Console, "coordinators"),
            ),
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            user: &self.user,
            programmes: &self.programmes,
            applications: &[],
            matches: &[],
            reports: &[],
            suspended: false,
            surveys: &self.invites,
            now: now(),
            max_message_chars: 8000,
            room_prefix: "!tandem",
            rooms: &self.rooms,
            event_reminders: &[],
            moderation: Box::leak(Box::new(Moderation::default())),
            subject: &self.subject,
            people: &[],
            blocked_offers: &[],
            linked: None,
            language: Default::default(),
            bots: &[],
        }
    }

    fn dm(&self, state: Option<&FlowState>, text: &str) -> Outcome {
        handle(
            &self.ctx(),
            state,
            &Inbound {
                from: self.user.clone(),
                place: crate::domain::Place::Dm,
                content: Content::Text(text.into()),
                files: vec![],
            },
        )
    }

    fn in_room(&self, text: &str) -> Outcome {
        self.in_room_with(None, text)
    }

    /// `text` in the room while `state` is the sender's conversation.
    fn in_room_with(&self, state: Option<&FlowState>, text: &str) -> Outcome {
        handle(
            &self.ctx(),
            state,
            &Inbound {
                from: self.user.clone(),
                place: crate::domain::Place::Room(self.room.clone()),
                content: Content::Text(format!("!tandem {text}")),
                files: vec![],
            },
        )
    }
}

/// Whether an outcome records answers to a survey.
fn submits(outcome: &Outcome) -> bool {
    outcome
        .effects
        .iter()
        .any(|e| matches!(e, Effect::SubmitSurvey { .. }))
}

/// Whether an outcome sends a survey round.
fn sends(outcome: &Outcome) -> bool {
    outcome
        .effects
        .iter()
        .any(|e| matches!(e, Effect::SendSurvey(_)))
}

fn texts(outcome: &Outcome) -> String {
    outcome
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendDm { message, .. } | Effect::PostInRoom { message, .. } => {
                Some(message.text.clone())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn state(outcome: &Outcome) -> FlowState {
    match &outcome.state {
        StateChange::Set(s) => s.clone(),
        other => panic!("expected a new state, got {other:?}"),
    }
}

/// A survey in progress stored before the form engine: it must still load, and be
/// stored again in the same shape.
const STORED: &str = r#"{"flow":"survey","invite_id":7,"programme":"demo","survey":"pulse","answers":{"mood":{"type":"number","value":4.0}},"question":"nps"}"#;

#[test]
fn a_survey_stored_before_the_form_engine_still_loads_in_the_same_shape() {
    let state: FlowState = serde_json::from_str(STORED).expect("the stored shape loads");
    let FlowState::Survey(flow) = &state else {
        panic!("not a survey: {state:?}");
    };
    assert_eq!(flow.invite_id, 7);
    assert_eq!(flow.question, "nps");
    assert_eq!(flow.answers.get("mood"), Some(&Answer::Number(4.0)));
    assert_eq!(serde_json::to_string(&state).unwrap(), STORED);
    // And it carries on where it stopped.
    let w = World::new("amina");
    let out = w.dm(Some(&state), "9");
    assert!(texts(&out).contains("Question 3 of 3"), "{}", texts(&out));
}

#[test]
fn a_survey_is_answered_one_question_at_a_time_and_submitted_without_a_name() {
    let w = World::new("amina");
    let started = start(&w.ctx(), 7, false);
    let text = texts(&started);
    assert!(
        text.contains("Pulse survey from Demo Programme: Three questions."),
        "{text}"
    );
    assert!(text.contains("from 5 or more people"), "{text}");
    assert!(text.contains("Question 1 of 3: How is it going?"), "{text}");
    let mut s = state(&started);
    // Out of range: one short message, not the question again; nothing changes.
    let out = w.dm(Some(&s), "7");
    assert_eq!(out.state, StateChange::Unchanged);
    assert!(
        texts(&out).starts_with("Please answer with a number from 1 ("),
        "{}",
        texts(&out)
    );
    assert!(!texts(&out).contains("How is it going?"), "{}", texts(&out));
    assert!(texts(&w.dm(Some(&s), "repeat")).contains("Question 1 of 3: How is it going?"));
    s = state(&w.dm(Some(&s), "Good"));
    let out = w.dm(Some(&s), "11");
    assert!(
        texts(&out).contains("11 is not between 0 and 10"),
        "{}",
        texts(&out)
    );
    assert_eq!(out.state, StateChange::Unchanged);
    s = state(&w.dm(Some(&s), "9"));
    // The optional question can be skipped, which submits.
    let done = w.dm(Some(&s), "skip");
    assert_eq!(done.state, StateChange::Clear);
    let submitted = done
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::SubmitSurvey {
                invite_id,
                answers,
                attributed,
                ..
            } => Some((*invite_id, answers.clone(), *attributed)),
            _ => None,
        })
        .expect("submitted");
    assert_eq!(submitted.0, 7);
    assert!(!submitted.2, "an anonymous survey is never attributed");
    assert_eq!(submitted.1.get("mood"), Some(&Answer::Number(4.0)));
    assert_eq!(submitted.1.get("nps"), Some(&Answer::Number(9.0)));
    assert_eq!(submitted.1.get("words"), Some(&Answer::Skipped));
    assert!(texts(&done).contains("without your name"));
}

#[test]
fn later_keeps_the_answers_and_survey_carries_on_from_them() {
    let mut w = World::new("amina");
    let s = state(&start(&w.ctx(), 7, false));
    let s = state(&w.dm(Some(&s), "2"));
    let back = w.dm(Some(&s), "back");
    assert!(texts(&back).contains("Question 1 of 3"), "{}", texts(&back));
    let paused = w.dm(Some(&s), "later");
    assert_eq!(paused.state, StateChange::Clear);
    let draft = paused
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveSurveyDraft { answers, .. } => Some(answers.clone()),
            _ => None,
        })
        .expect("draft saved");
    assert_eq!(draft.get("mood"), Some(&Answer::Number(2.0)));
    w.invites = vec![invite(draft)];
    let resumed = w.dm(None, "survey");
    let text = texts(&resumed);
    assert!(text.contains("Let's carry on with Pulse survey"), "{text}");
    assert!(text.contains("Question 2 of 3"), "{text}");
}

#[test]
fn submit_while_revisiting_a_question_sends_the_answers_or_says_what_is_left() {
    let w = World::new("amina");
    let s = state(&start(&w.ctx(), 7, false));
    let out = w.dm(Some(&s), "submit");
    assert_eq!(out.state, StateChange::Unchanged);
    assert_eq!(
        texts(&out),
        "Not yet: still to answer: 1. Mood, 2. Nps, 3. Words. Let's carry on with this one."
    );
    let s = state(&w.dm(Some(&s), "4"));
    let s = state(&w.dm(Some(&s), "back"));
    // Back on the first question, answered: the others are left, and it goes to them.
    let out = w.dm(Some(&s), "submit");
    assert!(
        texts(&out).starts_with("Not yet: still to answer: 2. Nps, 3. Words. Here is the first:"),
        "{}",
        texts(&out)
    );
    let FlowState::Survey(at) = state(&out) else {
        panic!("not a survey");
    };
    assert_eq!(at.question, "nps");
}

#[test]
fn submit_on_a_revisited_question_of_a_finished_survey_submits_it() {
    let w = World::new("amina");
    let mut draft = BTreeMap::new();
    draft.insert("mood".to_string(), Answer::Number(4.0));
    draft.insert("nps".to_string(), Answer::Number(9.0));
    draft.insert("words".to_string(), Answer::Skipped);
    let flow = FlowState::Survey(SurveyFlow {
        invite_id: 7,
        programme: "demo".into(),
        survey: "pulse".into(),
        answers: draft,
        question: "mood".into(),
    });
    let out = w.dm(Some(&flow), "submit");
    assert_eq!(out.state, StateChange::Clear);
    assert!(submits(&out), "{:?}", out.effects);
}

#[test]
fn a_survey_that_closed_meanwhile_records_nothing_and_says_so() {
    let mut w = World::new("amina");
    let s = state(&start(&w.ctx(), 7, false));
    w.invites.clear();
    let out = w.dm(Some(&s), "4");
    assert_eq!(out.state, StateChange::Clear);
    assert!(
        texts(&out).contains("That survey has closed"),
        "{}",
        texts(&out)
    );
    assert!(!submits(&out));
    assert!(texts(&w.dm(None, "survey")).contains("no survey to answer"));
}

fn application(id: i64, role: RoleKind, status: ApplicationStatus) -> ApplicationSummary {
    ApplicationSummary {
        id,
        programme: "demo".into(),
        role,
        status,
        submitted_at: now(),
        steps: BTreeMap::new(),
        waitlist_position: None,
        source: None,
        name: None,
    }
}

#[test]
fn survey_send_asks_the_audience_once_and_refuses_an_empty_one() {
    let mut w = World::new("carol");
    let person = |n: &str| UserRef::new(Platform::Console, n);
    w.subject = Subject::SurveySend {
        applications: vec![
            (
                application(1, RoleKind::Mentee, ApplicationStatus::Ready),
                person("amina"),
            ),
            (
                application(2, RoleKind::Mentee, ApplicationStatus::Ready),
                person("bo"),
            ),
            (
                application(3, RoleKind::Mentee, ApplicationStatus::NeedsReview),
                person("cy"),
            ),
            (
                application(4, RoleKind::Mentor, ApplicationStatus::Ready),
                person("grace"),
            ),
        ],
        matches: Vec::<MatchRecord>::new(),
        open: vec![person("bo")],
    };
    // Asked first, with the count: nothing is sent yet.
    let asked = w.in_room("survey send pulse to mentees");
    let text = texts(&asked);
    assert!(
        text.contains("Send Pulse survey to 1 person (1 mentee) (1 person was already asked while it is open, and is not asked twice) of Demo"),
        "{text}"
    );
    assert!(text.contains("!tandem confirm"), "{text}");
    assert!(!sends(&asked));
    let crate::flows::StateChange::Set(waiting) = asked.state else {
        panic!("the send waits for its confirmation: {:?}", asked.state)
    };
    let cancelled = w.in_room_with(Some(&waiting), "cancel");
    assert!(texts(&cancelled).contains("Cancelled: nothing was sent"));
    assert_eq!(cancelled.state, crate::flows::StateChange::Clear);
    let out = w.in_room_with(Some(&waiting), "confirm");
    assert_eq!(out.state, crate::flows::StateChange::Clear);
    let round = out
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::SendSurvey(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a round");
    assert_eq!(round.recipients, vec![(person("amina"), RoleKind::Mentee)]);
    let text = texts(&out);
    assert!(
        text.contains(
            "Sent Pulse survey to 1 person by DM (1 person was already asked while it is open, and is not asked twice"
        ),
        "{text}"
    );
    // A survey for mentees only is not sent to mentors.
    let out = w.in_room("survey send pulse mentors");
    assert!(
        texts(&out).contains("is for mentees only"),
        "{}",
        texts(&out)
    );
    // Nobody in an active match: refused, nothing stored.
    let out = w.in_room("survey send pulse matched");
    assert!(texts(&out).contains("Nothing was sent"), "{}", texts(&out));
    assert!(!sends(&out));
    // Bad audience, and someone who does not coordinate.
    assert!(texts(&w.in_room("survey send pulse friends")).contains("I don't know the audience"));
    let w = World {
        user: person("mallory"),
        ..w
    };
    let out = w.in_room("survey send pulse mentees");
    assert!(
        texts(&out).contains("only the programme's coordinators"),
        "{}",
        texts(&out)
    );
    assert!(!sends(&out));
}

#[test]
fn a_follow_up_of_outcomes_says_how_to_stop_and_no_more_declines_it_for_good() {
    let mut w = World::new("amina");
    let with_outcomes = format!(
        "coordinators = [\"console:carol\"]{}{SURVEY}[outcomes]\nenabled = true\nsurvey = \"pulse\"\nfollow_ups = [\"3 months\"]\n",
        crate::flows::tests::PROGRAMME
    );
    // The pulse survey's free-text question is no indicator: only the first two are kept.
    let with_outcomes = with_outcomes.replace(
        "    { id = \"words\", kind = \"long_text\", prompt = \"Anything to add?\", optional = true },\n",
        "",
    );
    w.programmes = vec![
        crate::config::parse_programme(Path::new("t.toml"), &with_outcomes).expect("programme"),
    ];
    let started = start(&w.ctx(), 7, false);
    assert!(
        texts(&started).contains("Type no more if you would rather not be asked again."),
        "{}",
        texts(&started)
    );
    let out = w.dm(Some(&state(&started)), "No more");
    assert_eq!(out.state, StateChange::Clear);
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::DeclineFollowUps { invite_id: 7, .. }))
    );
    assert!(
        texts(&out).contains("will not ask you again"),
        "{}",
        texts(&out)
    );
    assert!(!submits(&out));
    // An ordinary survey has no such words: `no more` is an answer to its question.
    let plain = World::new("amina");
    let started = start(&plain.ctx(), 7, false);
    assert!(!texts(&started).contains("no more"), "{}", texts(&started));
    let out = plain.dm(Some(&state(&started)), "no more");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::DeclineFollowUps { .. }))
    );
}
