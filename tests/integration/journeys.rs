//! Whole journeys through the app with a real database and the recording platform.

use tandem::domain::{Answer, RoleKind};
use tandem::flows::FlowState;
use tandem::flows::application::Stage;

use crate::support::{Harness, MENTEE_ANSWERS, MENTOR_ANSWERS, dm, user};

async fn current_question(h: &Harness, who: &str) -> Option<String> {
    let conv = h.store.load_conversation(&user(who)).await.unwrap()?;
    match conv.state {
        FlowState::Application(flow) => match flow.stage {
            Stage::Asking { question, .. } => Some(question),
            _ => None,
        },
        _ => None,
    }
}

both_backends! {
    async fn a_mentee_and_a_mentor_complete_their_applications(db: TestDb) {
        let h = Harness::new(&db).await;
        let review = h.say_all("amina", MENTEE_ANSWERS).await;
        assert!(review.contains("1. Name: Amina"), "{review}");
        assert!(review.contains("6. Sectors of interest: Technology, Retail and hospitality"), "{review}");
        let done = h.say("amina", "submit").await;
        assert!(done.contains("has been submitted"), "{done}");

        let review = h.say_all("grace", MENTOR_ANSWERS).await;
        assert!(review.contains("Can help with: Writing a CV, Preparing for interviews, Exploring careers"), "{review}");
        assert!(h.say("grace", "submit").await.contains("has been submitted"));

        let amina = &h.store.applications_of(&user("amina")).await.unwrap()[0];
        assert_eq!(amina.role, RoleKind::Mentee);
        let stored = h.store.application(amina.id).await.unwrap().unwrap();
        let get = |id: &str| stored.answers.iter().find(|(q, _)| q == id).map(|(_, a)| a.clone());
        assert_eq!(get("name"), Some(Answer::Text("Amina".into())));
        assert_eq!(get("age"), Some(Answer::Number(19.0)));
        assert_eq!(get("time_zone"), Some(Answer::TimeZone("Africa/Nairobi".into())));
        assert_eq!(get("languages"), Some(Answer::Languages(vec!["en".into(), "sw".into()])));
        assert_eq!(get("situation"), Some(Answer::Choice("looking-for-my-first-job".into())));
        assert_eq!(get("goals"), Some(Answer::Choices(vec!["writing-a-cv".into(), "preparing-for-interviews".into()])));
        assert_eq!(get("experience"), Some(Answer::Text("I volunteered at the library homework club for a year.".into())));
        assert_eq!(get("anything_else"), Some(Answer::Skipped));
        assert!(matches!(get("consent"), Some(Answer::Consent { .. })));
        assert_eq!(stored.answers.len(), 13);

        let grace = &h.store.applications_of(&user("grace")).await.unwrap()[0];
        assert_eq!(grace.role, RoleKind::Mentor);
        let stored = h.store.application(grace.id).await.unwrap().unwrap();
        assert!(!stored.answers.iter().any(|(q, _)| q == "mentoring_experience"), "hidden by the branch");
        // The mentee was accepted by the rules: her orientation is waiting for her.
        assert_eq!(h.store.count_conversations().await.unwrap(), 1);
        let orientation = h.store.load_conversation(&user("amina")).await.unwrap().unwrap();
        assert!(matches!(orientation.state, FlowState::Acknowledge(_)), "{orientation:?}");
        let status = h.say("amina", "status").await;
        assert!(status.contains("Pathways Mentoring 2027, as mentee (A1, submitted on 11 January 2027): accepted, completing the pre-match steps"), "{status}");
        assert!(status.contains("· Orientation and code of conduct: pending"), "{status}");
        assert!(status.contains("When you have read it, reply “I agree”"), "{status}");
    }

    async fn an_application_resumes_exactly_where_it_was_after_a_restart(db: TestDb) {
        {
            let h = Harness::new(&db).await;
            h.say_all("amina", &MENTEE_ANSWERS[..6]).await;
            assert_eq!(current_question(&h, "amina").await.as_deref(), Some("situation"));
            h.store.close().await;
        }
        // A new process: new pool, new app, same database.
        let h = Harness::new(&db).await;
        let reply = h.say("amina", "hi").await;
        assert!(reply.contains("Welcome back"), "{reply}");
        assert!(reply.contains("Which best describes you right now?"), "{reply}");
        let review = h.say_all("amina", &MENTEE_ANSWERS[6..]).await;
        assert!(review.contains("3. Time zone: Africa/Nairobi"), "{review}");
        assert!(h.say("amina", "submit").await.contains("submitted"));
    }

    async fn one_person_sending_two_answers_at_once_has_both_applied_in_turn(db: TestDb) {
        let first = Harness::new(&db).await;
        // A second app on the same database, as a second process would be.
        let second = Harness::new(&db).await;
        first.say_all("amina", &MENTEE_ANSWERS[..7]).await;
        assert_eq!(current_question(&first, "amina").await.as_deref(), Some("sectors"));
        let before = first.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap();
        // "1" and "2" are valid for both the sectors and the goals question.
        let (one, two) = (dm("amina", "1"), dm("amina", "2"));
        let (a, b) = tokio::join!(first.app.handle(&one), second.app.handle(&two));
        a.unwrap();
        b.unwrap();
        let after = first.store.load_conversation(&user("amina")).await.unwrap().unwrap();
        assert_eq!(after.version, before.version + 2, "both messages were applied");
        assert_eq!(current_question(&first, "amina").await.as_deref(), Some("has_experience"));
        let FlowState::Application(flow) = after.state else { panic!("an application in progress") };
        let mut picked: Vec<String> = ["sectors", "goals"]
            .iter()
            .map(|q| match &flow.answers[*q] {
                Answer::Choices(v) => v[0].clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        picked.sort();
        assert!(
            picked == ["health-care", "writing-a-cv"] || picked == ["preparing-for-interviews", "technology"],
            "each answer applied to one question: {picked:?}"
        );
    }

    async fn two_people_applying_at_the_same_time_do_not_disturb_each_other(db: TestDb) {
        let h = Harness::new(&db).await;
        let mentee = async {
            for line in MENTEE_ANSWERS.iter().chain(["submit"].iter()) {
                h.app.handle(&dm("amina", line)).await.unwrap();
            }
        };
        let mentor = async {
            for line in MENTOR_ANSWERS.iter().chain(["submit"].iter()) {
                h.app.handle(&dm("grace", line)).await.unwrap();
            }
        };
        tokio::join!(mentee, mentor);
        let amina = h.store.applications_of(&user("amina")).await.unwrap();
        let grace = h.store.applications_of(&user("grace")).await.unwrap();
        assert_eq!((amina.len(), grace.len()), (1, 1));
        let a = h.store.application(amina[0].id).await.unwrap().unwrap();
        let g = h.store.application(grace[0].id).await.unwrap().unwrap();
        assert_eq!(a.answers[0].1, Answer::Text("Amina".into()));
        assert_eq!(g.answers[0].1, Answer::Text("Grace".into()));
        assert_eq!(g.answers[1].1, Answer::Text("Software engineer".into()));
    }

    async fn bad_input_gets_a_clear_message_and_changes_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        h.say_all("amina", &MENTEE_ANSWERS[..3]).await; // at "age"
        let before = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap();
        let cases: [(&str, &str); 6] = [
            ("", "whole number from 10 to 99"),
            ("   \u{0}\u{7} ", "whole number from 10 to 99"),
            ("nineteen", "whole number from 10 to 99"),
            ("\u{202e}91", "whole number from 10 to 99"),
            ("1;DROP TABLE applications", "whole number from 10 to 99"),
            ("skip", "can't be skipped"),
        ];
        for (input, expected) in cases {
            let reply = h.say("amina", input).await;
            assert!(reply.contains(expected), "{input:?} → {reply}");
        }
        let huge = "x".repeat(100 * 1024);
        let reply = h.say("amina", &huge).await;
        assert!(reply.contains("too long for me (102,400 characters)"), "{reply}");
        let after = h.store.load_conversation(&user("amina")).await.unwrap().unwrap();
        assert_eq!(after, before, "nothing changed");
        // Text where a number is expected was refused; a number where text is expected is text.
        h.say("amina", "19").await;
        h.say("amina", "Africa/Nairobi").await;
        let reply = h.say("amina", "42").await;
        assert!(reply.contains("I don't know the language “42”"), "{reply}");
    }

    async fn a_refused_application_corrected_within_the_day_is_stored_under_its_number(db: TestDb) {
        let h = Harness::new(&db).await;
        let mut answers = MENTEE_ANSWERS.to_vec();
        answers[3] = "15";
        answers.insert(4, "keep");
        let told = h.say_all("amina", &answers[..4]).await;
        assert!(told.contains("so we can't offer you a place just yet"), "{told}");
        h.say_all("amina", &answers[4..]).await;
        let refused = h.say("amina", "submit").await;
        assert!(refused.contains("type apply within the next 24 hours to correct it"), "{refused}");
        let id = h.store.applications_of(&user("amina")).await.unwrap()[0].id;

        h.clock.advance(chrono::Duration::hours(5));
        let reopened = h.say("amina", "apply").await;
        assert!(reopened.contains("Your current answer: 15."), "{reopened}");
        assert_eq!(current_question(&h, "amina").await.as_deref(), Some("age"));
        h.say_all("amina", &["17", "I agree"]).await;
        let sent = h.dm_all("amina", "submit").await;
        assert!(sent.contains("has been submitted"), "{sent}");

        let apps = h.store.applications_of(&user("amina")).await.unwrap();
        assert_eq!(apps.len(), 1, "one application, under its number");
        let stored = h.store.application(id).await.unwrap().unwrap();
        assert_eq!(stored.summary.status, tandem::domain::ApplicationStatus::NeedsReview);
        assert!(stored.summary.submitted_at >= crate::support::start_time() + chrono::Duration::hours(5), "sent again now");
        let get = |id: &str| stored.answers.iter().find(|(q, _)| q == id).map(|(_, a)| a.clone());
        assert_eq!(get("age"), Some(Answer::Number(17.0)));
        assert_eq!(get("name"), Some(Answer::Text("Amina".into())));
        assert_eq!(stored.answers.len(), 13);
        let moves: Vec<String> = stored.decisions.iter().map(|d| format!("{} → {}", d.from, d.to)).collect();
        assert_eq!(moves, ["submitted → not eligible", "not eligible → needs review"]);
        assert!(stored.decisions[1].reason.starts_with("Re-opened and sent again by the applicant."));
        assert!(sent.contains(&format!("[room coordinators] Application A{id} ·")), "the card goes to the coordinators: {sent}");

    }

    async fn an_answer_sent_twice_is_not_applied_to_the_next_question_by_a_stale_button(db: TestDb) {
        use tandem::flows::{Content, Inbound};
        use tandem::domain::Place;
        let h = Harness::new(&db).await;
        h.say_all("amina", &MENTEE_ANSWERS[..6]).await; // at "situation"
        let click = Inbound {
            from: user("amina"),
            place: Place::Dm,
            content: Content::Picked { prompt_ref: Some("question:situation".into()), values: vec!["out-of-work-and-looking".into()] },
            files: vec![],
        };
        h.app.handle(&click).await.unwrap();
        let after_first = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap();
        h.rec.take();
        h.app.handle(&click).await.unwrap();
        let reply = h.rec.take().into_iter().map(|s| s.message.text).collect::<Vec<_>>().join("\n");
        assert!(reply.contains("already answered"), "{reply}");
        let after_second = h.store.load_conversation(&user("amina")).await.unwrap().unwrap();
        assert_eq!(after_first, after_second);
    }

    async fn an_internal_failure_gives_an_apology_with_a_reference_and_no_details(db: TestDb) {
        let h = Harness::new(&db).await;
        h.store.close().await;
        let reply = h.say("amina", "apply").await;
        assert!(reply.contains("Sorry, something went wrong on my side"), "{reply}");
        assert!(reply.contains("Reference: E"), "{reply}");
        assert!(!reply.to_lowercase().contains("pool"), "no internals shown: {reply}");
    }

    async fn every_message_is_sent_with_a_distinct_idempotency_key(db: TestDb) {
        let h = Harness::new(&db).await;
        for line in &MENTEE_ANSWERS[..6] {
            h.app.receive(dm("amina", line)).await;
            h.clock.advance(chrono::Duration::seconds(1));
        }
        let keys: Vec<String> = h.rec.all().into_iter().map(|s| s.key.0).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
    }
}
