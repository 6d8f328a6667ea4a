//! Mentees choosing their mentor, decided without a database: what `profile`, `browse` and
//! `request` say and store.

use super::*;
use crate::domain::matches::{MatchOrigin, MatchStatus, NewRequest};
use crate::domain::matching::MatchedBy;
use crate::domain::{ApplicationStatus, RoleKind};
use crate::flows::testing::{Scene, a_match, application, dms, now, pathways, records};
use crate::flows::{Effect, Outcome};

fn ready(id: i64, who: &str, role: RoleKind) -> ApplicationRecord {
    application(id, who, role, ApplicationStatus::Ready)
}

/// Pathways where mentees choose (and, with `approve`, requests wait for a coordinator).
fn choosing(by: MatchedBy, approve: bool) -> Programme {
    let mut p = pathways();
    let m = p.matching.as_mut().expect("pathways matches");
    m.matched_by = by;
    m.approve_requests = approve;
    p
}

fn shows(questions: &[&str], bio: &str) -> Profile {
    Profile {
        questions: questions.iter().map(|q| q.to_string()).collect(),
        bio: bio.into(),
    }
}

/// Amina (A1, mentee) and mentors Grace (A2, showing her name and a bio), Lee (A4, showing
/// nothing) and Mo (A6, showing his name), all ready; `matches` among them.
fn pool_of(who: &str, matches: Vec<MatchRecord>) -> ChoicePool {
    let people = [
        ready(1, "amina", RoleKind::Mentee),
        ready(2, "grace", RoleKind::Mentor),
        ready(4, "lee", RoleKind::Mentor),
        ready(6, "mo", RoleKind::Mentor),
    ];
    let mut profiles = HashMap::new();
    profiles.insert(
        2,
        shows(&["name"], "Ten years hiring juniors in Technology."),
    );
    profiles.insert(4, Profile::default());
    profiles.insert(6, shows(&["name"], ""));
    ChoicePool {
        programme: "pathways".into(),
        mine: people
            .iter()
            .filter(|r| r.applicant.id == who)
            .cloned()
            .collect(),
        mentees: people
            .iter()
            .filter(|r| r.summary.role == RoleKind::Mentee)
            .cloned()
            .collect(),
        mentors: people
            .iter()
            .filter(|r| r.summary.role == RoleKind::Mentor)
            .cloned()
            .collect(),
        matches,
        profiles,
    }
}

fn scene(who: &str, programme: Programme, pool: ChoicePool) -> Scene {
    Scene::for_user(who)
        .with_programmes(vec![programme])
        .with_subject(Subject::Choosing(vec![pool]))
}

fn run(scene: &Scene, text: &str) -> Outcome {
    handle(&scene.ctx(), &parse(text).expect("a choice command"))
}

fn said<'o>(outcome: &'o Outcome, who: &str) -> &'o str {
    let all = dms(outcome, who);
    assert_eq!(all.len(), 1, "{outcome:?}");
    all[0]
}

fn requested(outcome: &Outcome) -> Option<&NewRequest> {
    records(outcome).into_iter().find_map(|e| match e {
        Effect::StoreRequest(r) => Some(&**r),
        _ => None,
    })
}

#[test]
fn the_commands_read_numbers_words_and_notes_and_refuse_anything_else_with_the_usage() {
    let read = |t: &str| parse(t).expect("a choice command");
    assert_eq!(
        read("profile show 3, 1 and 3"),
        Ok(ChoiceCommand::Profile(ProfileCommand::Pick(vec![1, 3])))
    );
    assert_eq!(
        read("Profile bio I Teach Rust."),
        Ok(ChoiceCommand::Profile(ProfileCommand::Bio(
            "I Teach Rust.".into()
        )))
    );
    assert_eq!(
        read("browse Technology, 2"),
        Ok(ChoiceCommand::Browse {
            words: vec!["technology".into()],
            page: 2
        })
    );
    assert_eq!(
        read("mentors"),
        Ok(ChoiceCommand::Browse {
            words: vec![],
            page: 1
        })
    );
    assert_eq!(
        read("request A12 Hello there"),
        Ok(ChoiceCommand::Request {
            mentor: 12,
            note: "Hello there".into()
        })
    );
    assert!(read("request grace").is_err());
    assert!(read("profile show x").is_err());
    assert!(read("profile dance").is_err());
    assert!(parse("I'd like to request a mentor").is_none());
}

#[test]
fn browsing_lists_only_mentors_with_a_profile_and_a_place_left_and_only_what_they_chose_to_show() {
    let full = a_match(
        9,
        &ready(7, "zed", RoleKind::Mentee),
        &ready(6, "mo", RoleKind::Mentor),
        MatchStatus::Active,
    );
    let s = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![full]),
    );
    let out = run(&s, "browse");
    assert!(records(&out).is_empty(), "browsing stores nothing");
    let text = said(&out, "amina");
    assert!(text.contains("2. Grace"), "{text}");
    assert!(
        text.contains("In their words: Ten years hiring juniors in Technology."),
        "{text}"
    );
    assert!(
        !text.contains("Lee"),
        "Lee shows nothing, so is not listed: {text}"
    );
    assert!(!text.contains("Mo"), "Mo has no place left: {text}");
    assert!(
        !text.contains("English"),
        "Grace did not choose to show her languages: {text}"
    );
    assert!(text.contains("request 2"), "{text}");
}

#[test]
fn browsing_with_words_keeps_the_mentors_whose_profile_shows_them() {
    let s = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![]),
    );
    let text = said(&run(&s, "browse technology"), "amina").to_string();
    assert!(text.contains("Grace") && !text.contains("6. Mo"), "{text}");
    let none = said(&run(&s, "browse astronomy"), "amina").to_string();
    assert!(
        none.starts_with("No mentor whose profile mentions astronomy has room"),
        "{none}"
    );
    let beyond = said(&run(&s, "browse 3"), "amina").to_string();
    assert!(beyond.starts_with("There is only 1 page"), "{beyond}");
}

#[test]
fn a_request_asks_the_mentor_now_with_the_mentees_note_and_a_deadline() {
    let s = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![]),
    );
    let out = run(&s, "request 2 I'd love help with my CV");
    let r = requested(&out).expect("a request stored");
    assert_eq!((r.new.mentee_application, r.new.mentor_application), (1, 2));
    assert_eq!(r.status, MatchStatus::Approved);
    assert_eq!(r.deadline, Some(now() + chrono::Duration::days(7)));
    assert_eq!(r.mentor.id, "grace");
    assert_eq!((r.places, r.mentee_places), (1, 1));
    let intro = crate::domain::profile::Introduction::read(&r.introduction);
    assert_eq!(intro.note, "I'd love help with my CV", "{intro:?}");
    assert!(
        said(&out, "amina").starts_with("I've asked Grace to be your mentor."),
        "{out:?}"
    );
}

#[test]
fn a_request_waits_for_the_coordinators_when_the_programme_says_so() {
    let s = scene(
        "amina",
        choosing(MatchedBy::Mixed, true),
        pool_of("amina", vec![]),
    );
    let out = run(&s, "request 2");
    let r = requested(&out).expect("a request stored");
    assert_eq!((r.status, r.deadline), (MatchStatus::Proposed, None));
    assert!(
        said(&out, "amina").contains("goes to the coordinators first"),
        "{out:?}"
    );
}

#[test]
fn a_mentor_who_is_full_hidden_or_a_past_decline_cannot_be_asked_and_nothing_is_sent() {
    let mut declined = a_match(
        5,
        &ready(1, "amina", RoleKind::Mentee),
        &ready(2, "grace", RoleKind::Mentor),
        MatchStatus::Declined,
    );
    declined.mentor_answer = Some(false);
    let full = a_match(
        9,
        &ready(7, "zed", RoleKind::Mentee),
        &ready(6, "mo", RoleKind::Mentor),
        MatchStatus::Approved,
    );
    let s = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![declined, full]),
    );
    for (text, who) in [
        ("request 2", "declined before"),
        ("request 6", "full"),
        ("request 4", "hidden"),
        ("request 99", "nobody"),
    ] {
        let out = run(&s, text);
        assert!(requested(&out).is_none(), "{who}: {out:?}");
        assert!(
            said(&out, "amina").starts_with("There is no mentor"),
            "{who}: {out:?}"
        );
    }
}

#[test]
fn a_mentee_with_a_request_waiting_cannot_ask_a_second_mentor() {
    let mut waiting = a_match(
        5,
        &ready(1, "amina", RoleKind::Mentee),
        &ready(2, "grace", RoleKind::Mentor),
        MatchStatus::Approved,
    );
    waiting.origin = MatchOrigin::Request;
    waiting.mentee_answer = Some(true);
    let s = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![waiting]),
    );
    let out = run(&s, "request 6");
    assert!(requested(&out).is_none(), "{out:?}");
    assert!(
        said(&out, "amina").starts_with("You've asked Grace already"),
        "{out:?}"
    );
}

#[test]
fn mentors_and_people_of_a_coordinator_led_programme_are_told_what_they_can_do_instead() {
    let s = scene(
        "grace",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("grace", vec![]),
    );
    assert!(said(&run(&s, "browse"), "grace").starts_with("Browsing and requests are for mentees"),);
    let led = Scene::for_user("amina").with_subject(Subject::Choosing(vec![]));
    assert!(said(&run(&led, "browse"), "amina").contains("the coordinators propose each match"),);
    let mut not_ready = pool_of("amina", vec![]);
    not_ready.mentees.clear();
    let s = scene("amina", choosing(MatchedBy::MenteeChoice, false), not_ready);
    assert!(said(&run(&s, "request 2"), "amina").contains("once your application is ready"),);
}

#[test]
fn a_profile_shows_only_the_answers_picked_by_number_and_a_wrong_number_changes_nothing() {
    let s = scene(
        "grace",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("grace", vec![]),
    );
    let shown = said(&run(&s, "profile"), "grace").to_string();
    assert!(
        shown.contains("✓ 1. Name: Grace") && shown.contains("· 2. Languages: English"),
        "{shown}"
    );
    let out = run(&s, "profile show 2");
    assert_eq!(
        records(&out),
        vec![&Effect::SetProfile {
            application: 2,
            profile: shows(&["languages"], "Ten years hiring juniors in Technology."),
        }]
    );
    let wrong = run(&s, "profile show 3");
    assert!(records(&wrong).is_empty(), "{wrong:?}");
    assert!(said(&wrong, "grace").starts_with("There is no answer number 3"));
    let long = run(&s, &format!("profile bio {}", "a".repeat(501)));
    assert!(records(&long).is_empty(), "{long:?}");
    let hidden = run(&s, "profile hide");
    assert_eq!(
        records(&hidden),
        vec![&Effect::SetProfile {
            application: 2,
            profile: Profile::default(),
        }]
    );
    assert!(said(&hidden, "grace").contains("mentees don't see you"));
}

#[test]
fn a_ranking_reads_its_numbers_in_order_and_the_rest_as_the_note() {
    assert_eq!(
        parse("rank 12, 15 then A9 I'd love help"),
        Some(Ok(ChoiceCommand::Rank {
            mentors: vec![12, 15, 9],
            note: "I'd love help".into()
        }))
    );
    assert_eq!(
        parse("rank 4"),
        Some(Ok(ChoiceCommand::Rank {
            mentors: vec![4],
            note: String::new()
        }))
    );
    assert!(matches!(parse("rank grace"), Some(Err(_))));
    assert_eq!(
        parse("rank 12 15: 2 calls a month"),
        Some(Ok(ChoiceCommand::Rank {
            mentors: vec![12, 15],
            note: "2 calls a month".into()
        }))
    );
    assert_eq!(
        parse("rank 12 : 3 questions"),
        Some(Ok(ChoiceCommand::Rank {
            mentors: vec![12],
            note: "3 questions".into()
        }))
    );
}

#[test]
fn a_ranking_asks_the_first_choice_and_keeps_the_others_in_order() {
    let s = scene(
        "amina",
        choosing(MatchedBy::Ranked, false),
        pool_of("amina", vec![]),
    );
    let out = run(&s, "rank 6 2 Hello");
    let r = requested(&out).expect("a request stored");
    assert_eq!((r.new.mentor_application, r.then.clone()), (6, vec![2]));
    let told = said(&out, "amina");
    assert!(
        told.starts_with("I've asked Mo, your first choice, to be your mentor.")
            && told.contains("If they can't, I'll ask Grace in turn"),
        "{told}"
    );
    // `request` is a ranking of one there.
    let one = run(&s, "request 2");
    assert_eq!(requested(&one).map(|r| r.then.len()), Some(0));
}

#[test]
fn a_ranking_that_is_too_long_repeats_a_mentor_or_names_one_who_cannot_be_asked_sends_nothing() {
    let s = scene(
        "amina",
        choosing(MatchedBy::Ranked, false),
        pool_of("amina", vec![]),
    );
    for (text, expected) in [
        ("rank 2 6 2", "You named mentor 2 twice"),
        ("rank 2 6 4 8", "You can rank up to 3 mentors"),
        ("rank 2 4", "There is no mentor 4 (your choice 2)"),
    ] {
        let out = run(&s, text);
        assert!(requested(&out).is_none(), "{text}: {out:?}");
        assert!(said(&out, "amina").starts_with(expected), "{text}: {out:?}");
    }
    let elsewhere = scene(
        "amina",
        choosing(MatchedBy::MenteeChoice, false),
        pool_of("amina", vec![]),
    );
    let out = run(&elsewhere, "rank 2 6");
    assert!(requested(&out).is_none());
    assert!(said(&out, "amina").contains("you ask one mentor at a time"));
}

/// Amina's ranked request to Grace (A2), declined, with `next` left.
fn declined_with(next: Vec<i64>) -> MatchRecord {
    let mut m = a_match(
        5,
        &ready(1, "amina", RoleKind::Mentee),
        &ready(2, "grace", RoleKind::Mentor),
        MatchStatus::Declined,
    );
    m.origin = MatchOrigin::Request;
    m.mentee_answer = Some(true);
    m.mentor_answer = Some(false);
    m.introduction = Some("Their note to you: Hello".into());
    m.next_choices = next;
    m
}

#[test]
fn passing_on_asks_the_next_choice_who_can_still_be_asked_with_the_same_note() {
    let ended = declined_with(vec![4, 6]);
    let s = scene(
        "amina",
        choosing(MatchedBy::Ranked, false),
        pool_of("amina", vec![ended.clone()]),
    );
    let out = pass_on(&s.ctx(), &ended);
    let r = requested(&out).expect("the next choice asked");
    assert_eq!(
        r.new.mentor_application, 6,
        "Lee (A4) is not listed: passed over"
    );
    assert_eq!(
        crate::domain::profile::Introduction::read(&r.introduction).note,
        "Hello",
        "the same note, kept before in English"
    );
    assert!(r.then.is_empty());
    assert!(
        said(&out, "amina")
            .starts_with("Grace couldn't take you on, so I've asked your next choice, Mo."),
        "{out:?}"
    );
}

#[test]
fn when_no_choice_is_left_the_mentee_and_the_coordinators_are_told() {
    let ended = declined_with(vec![4]);
    let s = scene(
        "amina",
        choosing(MatchedBy::Ranked, false),
        pool_of("amina", vec![ended.clone()]),
    );
    let out = pass_on(&s.ctx(), &ended);
    assert!(requested(&out).is_none());
    assert!(said(&out, "amina").starts_with("None of the mentors you ranked can take you on now."));
    let posted = crate::flows::testing::texts(&out);
    assert!(
        posted
            .iter()
            .any(|t| t.contains("A1 Amina's ranked choices in Pathways have all declined")),
        "{posted:?}"
    );
}

#[test]
fn a_mentor_declining_a_ranked_request_passes_it_on_and_leaves_the_telling_to_that_step() {
    let mut m = declined_with(vec![6]);
    m.status = MatchStatus::Approved;
    m.mentor_answer = None;
    let s = Scene::for_user("grace").with_programmes(vec![choosing(MatchedBy::Ranked, false)]);
    let effects = crate::flows::pairing::on_decline(&s.ctx(), &m, RoleKind::Mentor);
    assert!(
        effects.contains(&Effect::PassOn { match_id: 5 }),
        "{effects:?}"
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::SendDm { to, .. } if to.id == "amina")),
        "{effects:?}"
    );
}

#[test]
fn a_request_a_coordinator_rejects_tells_the_mentee_or_asks_their_next_choice() {
    let people = [
        ready(1, "amina", RoleKind::Mentee),
        ready(2, "grace", RoleKind::Mentor),
        ready(6, "mo", RoleKind::Mentor),
    ];
    let mut request = declined_with(vec![]);
    request.status = MatchStatus::Proposed;
    request.mentor_answer = None;
    let carol = |m: MatchRecord| {
        Scene::for_user("carol")
            .with_programmes(vec![choosing(MatchedBy::Ranked, true)])
            .with_subject(crate::flows::testing::matching_pool(&people, vec![m]))
    };
    let out = carol(request.clone()).pairing("match reject P5 not a good fit");
    let told = dms(&out, "amina");
    assert_eq!(told.len(), 1, "{out:?}");
    assert!(
        told[0].starts_with(
            "An update on your request to Grace: the coordinators couldn't approve it this time."
        ) && !told[0].contains("good fit"),
        "never the reason: {told:?}"
    );
    request.next_choices = vec![6];
    let out = carol(request).pairing("match reject P5");
    assert!(dms(&out, "amina").is_empty(), "{out:?}");
    assert!(records(&out).contains(&&Effect::PassOn { match_id: 5 }));
    let mut asked = declined_with(vec![]);
    asked.status = MatchStatus::Proposed;
    asked.mentor_answer = None;
    let swap = carol(asked).pairing("match swap P5 A6");
    assert!(records(&swap).is_empty(), "{swap:?}");
    assert!(crate::flows::testing::texts(&swap)[0].contains("Amina's own choice of mentor"));
}
