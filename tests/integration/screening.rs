//! Screening end to end: rules on submit, reviewers' decisions and races, questions,
//! screening steps, readiness, expiry and waiting-list reminders, and every refusal.

use tandem::domain::{ApplicationStatus, RoleKind};
use tandem::flows::FlowState;

use crate::support::{Harness, MENTEE_ANSWERS, MENTOR_ANSWERS, example_programmes, user};

const ROOM: &str = "coordinators";

/// The mentor answers with a different name and background-check answer.
fn mentor_answers(name: &'static str, background_check: &'static str) -> Vec<&'static str> {
    let mut a = MENTOR_ANSWERS.to_vec();
    a[1] = name;
    a[11] = background_check;
    if background_check == "no" {
        // Told at once that it refuses the application: go on anyway.
        a.insert(12, "keep");
    }
    a.push("submit");
    a
}

fn mentee_answers(name: &'static str, age: &'static str) -> Vec<&'static str> {
    let mut a = MENTEE_ANSWERS.to_vec();
    a[2] = name;
    a[3] = age;
    a.push("submit");
    a
}

async fn status_of(h: &Harness, who: &str) -> ApplicationStatus {
    h.store.applications_of(&user(who)).await.unwrap()[0].status
}

async fn id_of(h: &Harness, who: &str) -> i64 {
    h.store.applications_of(&user(who)).await.unwrap()[0].id
}

/// Grace applies as a mentor (routed to review); returns her application id.
async fn grace_applies(h: &Harness) -> i64 {
    let mut last = String::new();
    for line in mentor_answers("Grace", "yes") {
        last = h.dm_all("grace", line).await;
    }
    assert!(last.contains("[room coordinators] Application A"), "{last}");
    id_of(h, "grace").await
}

fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// The example programme, changed.
fn example_with(
    change: impl FnOnce(&mut tandem::domain::Programme),
) -> Vec<tandem::domain::Programme> {
    let mut programmes = example_programmes();
    change(&mut programmes[0]);
    programmes
}

/// What one sweep of the screening work (no milestones) sent.
async fn screening_sweep(h: &Harness) -> Vec<tandem::platforms::recording::Sent> {
    h.rec.take();
    h.app.sweep().await.unwrap();
    h.rec.take()
}

/// Every line of a transcript the bot sent to `who` by DM.
fn dms_to<'a>(out: &'a str, who: &str) -> Vec<&'a str> {
    let prefix = format!("[dm {who}]");
    out.lines().filter(|l| l.starts_with(&prefix)).collect()
}

both_backends! {
    async fn an_acknowledgement_set_back_to_pending_is_sent_again_and_can_be_completed(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        let out = h.in_room("carol", "coordinators", &format!("!tandem step {id} orientation pending")).await;
        assert!(out.contains("Orientation and code of conduct is sent to Amina again to acknowledge."), "{out}");
        assert!(out.contains("[dm amina] Orientation and code of conduct"), "the text again: {out}");
        let mine = h.store.applications_of(&user("amina")).await.unwrap();
        assert_eq!(mine[0].status, ApplicationStatus::Approved, "not ready while it is pending");
        let out = h.dm_all("amina", "I agree").await;
        assert!(!out.contains("didn't understand"), "{out}");
        let mine = h.store.applications_of(&user("amina")).await.unwrap();
        assert_eq!(mine[0].status, ApplicationStatus::Ready, "{out}");
        // Pending again while it is already pending sends nothing twice.
        h.in_room("carol", "coordinators", &format!("!tandem step {id} orientation pending")).await;
        let out = h.in_room("carol", "coordinators", &format!("!tandem step {id} orientation pending")).await;
        assert!(!out.contains("[dm amina]"), "{out}");
    }

    async fn a_question_asked_in_a_cards_thread_is_answered_there_even_when_delivered_late(db: TestDb) {
        use tandem::domain::{EventRef, Place, Platform, RoomRef};
        use tandem::flows::{Content, Inbound, Placement, Thread, application_thread};
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        let room = RoomRef::new(Platform::Console, ROOM);
        // The card's id, as the platform gave it, is kept: its thread's root.
        let root = h.app.thread_root(&room, &application_thread(id)).await.expect("the card started a thread");
        assert!(root.starts_with("rec-"), "{root}");

        // Typed in the card's thread while the platform is down: the answer waits, and
        // when it is delivered it still goes into the thread, answering the question.
        h.rec.set_down(true);
        h.app
            .receive_in_thread(
                EventRef::new(Platform::Console, "$typed"),
                root.clone(),
                Inbound {
                    from: user("carol"),
                    place: Place::Room(room.clone()),
                    content: Content::Text(format!("!tandem ask {id} Which evenings are you usually free?")),
                    files: vec![],
                },
            )
            .await;
        assert!(h.rec.take().is_empty());
        h.rec.set_down(false);
        h.clock.advance(chrono::Duration::minutes(1));
        h.app.dispatch_due().await.unwrap();
        let sent = h.rec.take();
        let answer = sent.iter().find(|s| s.message.text.contains("Question sent to the applicant")).expect("the answer");
        assert_eq!(
            answer.message.placed,
            Some(Placement::InThread { root: root.clone(), after: "$typed".into() })
        );
        let question = sent.iter().find(|s| s.message.text.contains("has a question for you")).expect("the question");
        assert_eq!(question.message.placed, None, "a DM is not placed");

        // The applicant's answer arrives on its own: into the card's thread.
        h.rec.take();
        h.app.receive(crate::support::dm("grace", "Tuesdays after 6pm.")).await;
        let sent = h.rec.take();
        let follow_up = sent.iter().find(|s| s.message.text.starts_with("Answer on application A")).expect("the follow-up");
        assert_eq!(follow_up.message.thread, Some(Thread::In(application_thread(id))));
        assert_eq!(
            follow_up.message.placed,
            Some(Placement::InThread { root: root.clone(), after: root.clone() })
        );

        // Typed at the top of the room: answered at the top, even the card shown again.
        h.app
            .receive_event(
                EventRef::new(Platform::Console, "$top"),
                crate::support::room_message("carol", ROOM, &format!("!tandem show {id}")),
            )
            .await;
        let sent = h.rec.take();
        assert!(!sent.is_empty());
        assert!(sent.iter().all(|s| s.message.placed == Some(Placement::Top)), "{sent:?}");
        assert_eq!(h.app.thread_root(&room, &application_thread(id)).await, Some(root), "the thread stays");
    }

    async fn the_rules_accept_refuse_or_route_each_application(db: TestDb) {
        let h = Harness::new(&db).await;
        // A 19-year-old mentee meets the criteria: accepted, and her orientation starts.
        let mut last = String::new();
        for line in mentee_answers("Amina", "19") {
            last = h.dm_all("amina", line).await;
        }
        assert!(last.contains("meets the programme's criteria: you're accepted!"), "{last}");
        assert!(last.contains("Orientation and code of conduct — Pathways Mentoring 2027"), "{last}");
        assert!(!last.contains("[room coordinators]"), "no card for an accepted application: {last}");
        assert_eq!(status_of(&h, "amina").await, ApplicationStatus::Approved);

        // A 17-year-old goes to a person, with the rule's note on the card.
        let mut last = String::new();
        for line in mentee_answers("Sam", "17") {
            last = h.dm_all("sam", line).await;
        }
        assert!(last.contains("[dm sam] Thank you! Your application to Pathways Mentoring 2027 as a mentee has been submitted."), "{last}");
        assert!(last.contains("✓ under_18 → needs review: age < 18 — Under 18"), "{last}");
        assert_eq!(status_of(&h, "sam").await, ApplicationStatus::NeedsReview);

        // A mentor who will not take a background check is told kindly, with the reason,
        // right after that answer; going on anyway, the application is refused as before.
        let mut last = String::new();
        let mut told = String::new();
        for line in mentor_answers("Tom", "no") {
            last = h.dm_all("tom", line).await;
            if line == "no" {
                told = last.clone();
            }
        }
        assert!(told.contains("[dm tom] Thank you for being honest. I'd rather tell you now"), "{told}");
        assert!(told.contains("You're welcome to apply again at any time."), "{told}");
        assert_eq!(told.matches("[dm tom]").count(), 1, "one message, the question stays: {told}");
        assert!(last.contains("every Pathways mentor completes a background check"), "{last}");
        assert!(last.contains("We're sorry we can't offer you a place this time."), "{last}");
        assert!(!last.contains("[room"), "{last}");
        assert_eq!(status_of(&h, "tom").await, ApplicationStatus::Ineligible);
        let tom = h.store.application(id_of(&h, "tom").await).await.unwrap().unwrap();
        assert_eq!(tom.decisions[0].by, "screening rules");
        assert_eq!(tom.evaluation.unwrap().results.iter().filter(|r| r.matched).count(), 1);

        // Any other mentor is reviewed by a person.
        grace_applies(&h).await;
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::NeedsReview);
        let queue = h.in_room("carol", ROOM, "!tandem queue").await;
        assert!(queue.contains("2 applications waiting for review"), "{queue}");
    }

    async fn a_reviewer_asks_a_question_and_the_answer_comes_back_to_the_card(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        let out = h.in_room("carol", ROOM, &format!("!tandem ask {id} Which evenings are you usually free?")).await;
        assert!(out.contains("Question sent to the applicant"), "{out}");
        assert!(out.contains("[dm grace] A coordinator reviewing your application to Pathways Mentoring 2027 has a question for you:"), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::InfoRequested);
        let out = h.dm_all("grace", "Tuesdays and Thursdays after 6pm.").await;
        assert!(out.contains("[room coordinators] Answer on application A"), "{out}");
        assert!(out.contains("A: Tuesdays and Thursdays after 6pm."), "{out}");
        assert!(out.contains("[dm grace] Thank you! I've passed your answer on"), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::NeedsReview);
        let card = h.in_room("carol", ROOM, &format!("!tandem show {id}")).await;
        assert!(card.contains("Question from console:carol: Which evenings are you usually free?\n  Answer: Tuesdays and Thursdays after 6pm."), "{card}");
        let out = h.in_room("carol", ROOM, &format!("!tandem approve {id}")).await;
        assert!(out.contains("[dm grace] Good news: your application to Pathways Mentoring 2027 as a mentor has been accepted!"), "{out}");
        assert!(out.contains("[dm grace] Mentor orientation and code of conduct"), "{out}");
        let record = h.store.application(id).await.unwrap().unwrap();
        let moves: Vec<(ApplicationStatus, &str)> = record.decisions.iter().map(|d| (d.to, d.by.as_str())).collect();
        assert_eq!(moves, vec![
            (ApplicationStatus::NeedsReview, "screening rules"),
            (ApplicationStatus::InfoRequested, "console:carol"),
            (ApplicationStatus::NeedsReview, "console:grace"),
            (ApplicationStatus::Approved, "console:carol"),
        ]);
    }

    async fn coordinators_are_told_when_an_applicant_cannot_be_reached_by_dm(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        h.rec.set_unreachable(&crate::support::user("grace"));
        let out = h.in_room("carol", ROOM, &format!("!tandem approve {id}")).await;
        assert!(out.contains("approved by carol"), "{out}");
        assert!(!out.contains("[dm grace]"), "{out}");
        assert_eq!(out.matches("I could not send a direct message to console:grace").count(), 1, "once, not per message: {out}");
        assert!(out.contains("please reach them another way"), "{out}");
    }

    async fn a_second_question_waits_until_the_first_is_answered(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        let out = h.in_room("carol", ROOM, &format!("!tandem ask {id} Can you do weekends?")).await;
        assert!(out.contains("“Can you do weekends?”"), "{out}");
        let out = h.in_room("dev", ROOM, &format!("!tandem ask {id} Have you worked with teenagers?")).await;
        assert!(!out.contains("[dm grace]"), "she is answering the first question: {out}");
        let out = h.dm_all("grace", "Yes, Saturdays.").await;
        assert!(out.contains("A: Yes, Saturdays."), "{out}");
        assert!(out.contains("[dm grace] A coordinator reviewing your application to Pathways Mentoring 2027 has a question for you:\n\n“Have you worked with teenagers?”"), "{out}");
        let out = h.dm_all("grace", "Yes, as a football coach.").await;
        assert!(out.contains("A: Yes, as a football coach."), "{out}");
        let record = h.store.application(id).await.unwrap().unwrap();
        let answers: Vec<Option<&str>> = record.questions.iter().map(|q| q.answer.as_deref()).collect();
        assert_eq!(answers, vec![Some("Yes, Saturdays."), Some("Yes, as a football coach.")]);
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::NeedsReview);
    }

    async fn every_decision_is_recorded_and_the_applicant_told(db: TestDb) {
        let h = Harness::new(&db).await;
        let grace = grace_applies(&h).await;
        let mut last = String::new();
        for line in mentor_answers("Lee", "yes") {
            last = h.dm_all("lee", line).await;
        }
        assert!(last.contains("Application A"), "{last}");
        let lee = id_of(&h, "lee").await;
        let mut ada_lines = mentor_answers("Ada", "yes");
        ada_lines[0] = "apply as mentor";
        for line in ada_lines {
            h.dm_all("ada", line).await;
        }
        let ada = id_of(&h, "ada").await;

        let out = h.in_room("carol", ROOM, &format!("!tandem reject {lee} We need mentors who can commit to six months.")).await;
        assert!(out.contains("[dm lee] Thank you for applying to Pathways Mentoring 2027 as a mentor."), "{out}");
        assert!(out.contains("Their note: We need mentors who can commit to six months."), "{out}");
        assert_eq!(status_of(&h, "lee").await, ApplicationStatus::Rejected);
        let record = h.store.application(lee).await.unwrap().unwrap();
        let last = record.decisions.last().unwrap();
        assert_eq!((last.by.as_str(), last.reason.as_str()), ("console:carol", "We need mentors who can commit to six months."));

        let out = h.in_room("dev", ROOM, &format!("!tandem waitlist {ada}")).await;
        assert!(out.contains("[dm ada] Thank you for applying to Pathways Mentoring 2027 as a mentor. Your application is on our waiting list"), "{out}");
        let status = h.say("ada", "status").await;
        assert!(status.contains("on the waiting list"), "{status}");
        assert!(status.contains("You are number 1 of 1 on the waiting list."), "{status}");
        let again = h.in_room("dev", ROOM, &format!("!tandem waitlist {ada}")).await;
        assert!(again.contains("already on the waiting list"), "{again}");

        // A waitlisted application can still be approved later.
        let out = h.in_room("dev", ROOM, &format!("!tandem approve {ada}")).await;
        assert!(out.contains("approved by dev"), "{out}");

        let out = h.in_room("carol", ROOM, &format!("!tandem approve {grace}")).await;
        assert!(out.contains("approved by carol"), "{out}");
        for decided in [grace, lee, ada] {
            for cmd in ["approve", "waitlist"] {
                let out = h.in_room("carol", ROOM, &format!("!tandem {cmd} {decided}")).await;
                assert!(out.contains("was already decided"), "{cmd} {decided}: {out}");
            }
            let out = h.in_room("carol", ROOM, &format!("!tandem reject {decided} no")).await;
            assert!(out.contains("was already decided"), "{out}");
        }
    }

    async fn two_reviewers_deciding_at_once_produce_one_decision(db: TestDb) {
        let first = Harness::new(&db).await;
        let second = Harness::with_recording(&db, first.rec.clone()).await;
        let id = grace_applies(&first).await;
        first.rec.take();
        let approve = crate::support::room_message("carol", ROOM, &format!("!tandem approve {id}"));
        let reject = crate::support::room_message("dev", ROOM, &format!("!tandem reject {id} Not this round."));
        let (a, b) = tokio::join!(first.app.handle(&approve), second.app.handle(&reject));
        a.unwrap();
        b.unwrap();
        let record = first.store.application(id).await.unwrap().unwrap();
        let reviewers: Vec<&str> = record.decisions.iter().skip(1).map(|d| d.by.as_str()).collect();
        assert_eq!(reviewers.len(), 1, "exactly one decision: {:?}", record.decisions);
        let said = crate::support::transcript(&first.rec.take());
        assert_eq!(said.matches("was already decided").count(), 1, "{said}");
        let applicant_told = said.matches("[dm grace]").count();
        assert!(applicant_told >= 1, "{said}");
        assert!(!(said.contains("has been accepted") && said.contains("not able to offer you a place")), "the applicant hears one decision: {said}");
    }

    async fn only_coordinators_decide_and_only_in_the_coordinators_room(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        let out = h.in_room("mallory", ROOM, &format!("!tandem approve {id}")).await;
        assert!(out.contains("Sorry mallory, only the programme's coordinators can approve applications to Pathways Mentoring 2027."), "{out}");
        assert!(!out.contains("Answers:"), "nothing of the application is shown: {out}");
        for cmd in ["queue", "screening summary"] {
            let out = h.in_room("mallory", ROOM, &format!("!tandem {cmd}")).await;
            assert!(out.contains("only the programme's coordinators"), "{out}");
        }
        let out = h.in_room("mallory", ROOM, &format!("!tandem show {id}")).await;
        assert!(!out.contains("Answers:"), "{out}");
        let out = h.in_room("carol", "lobby", &format!("!tandem show {id}")).await;
        assert!(out.contains("work only in the coordinators' room"), "{out}");
        assert!(!out.contains("Answers:"), "{out}");
        let out = h.dm_all("carol", &format!("approve {id}")).await;
        assert!(out.contains("Coordinators' commands work in the coordinators' room"), "{out}");
        // The applicant cannot see anyone else's application either.
        let out = h.dm_all("grace", "show 1").await;
        assert!(!out.contains("Answers:"), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::NeedsReview, "nothing changed");
    }

    async fn bad_review_commands_get_clear_messages_and_change_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        let cases: Vec<(String, &str)> = vec![
            ("!tandem approve 999".into(), "There is no application A999."),
            ("!tandem approve".into(), "Usage: approve <application number>"),
            ("!tandem approve twelve".into(), "Usage: approve <application number>"),
            (format!("!tandem reject {id}"), "Usage: reject <application number> <reason"),
            (format!("!tandem reject {id} {}", "x".repeat(1200)), "Please keep the reason under 1,000 characters (it has 1,200)"),
            (format!("!tandem ask {id} {}", "y".repeat(1001)), "Please keep the question under 1,000 characters"),
            (format!("!tandem step {id} interview done"), "screening steps are recorded once it is approved"),
            ("!tandem step 1".into(), "Usage: step <application number(s)> <step> <update>"),
        ];
        for (cmd, expected) in cases {
            let out = h.in_room("carol", ROOM, &cmd).await;
            assert!(out.contains(expected), "{cmd}: {out}");
        }
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::NeedsReview);
        h.in_room("carol", ROOM, &format!("!tandem approve {id}")).await;
        let cases: Vec<(String, &str)> = vec![
            (format!("!tandem step {id} background_check cleared until 2020-01-01"), "is not in the future"),
            (format!("!tandem step {id} background_check cleared until next spring"), "“next spring” is not a date I can read: write a date like 20/01/2028, 20 January or next Wednesday."),
            (format!("!tandem step {id} background_check cleared"), "Give the date the check expires"),
            (format!("!tandem step {id} interview scheduled 2001-01-01"), "is in the past"),
            (format!("!tandem step {id} background_check done"), "use: cleared until <date>, failed or pending"),
            (format!("!tandem step {id} police_check done"), "has no step `police_check`; its steps are: Mentor orientation and code of conduct, Interview, Background check, Safeguarding training"),
            (format!("!tandem step {id} orientation done"), "only the participant can acknowledge"),
        ];
        for (cmd, expected) in cases {
            let out = h.in_room("carol", ROOM, &cmd).await;
            assert!(out.contains(expected), "{cmd}: {out}");
        }
        assert!(h.store.steps_of(id).await.unwrap().is_empty(), "no step was recorded");
        // A mentee has no background check to record.
        for line in mentee_answers("Amina", "19") {
            h.dm_all("amina", line).await;
        }
        let amina = id_of(&h, "amina").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem step {amina} background_check cleared until 2030-01-01")).await;
        assert!(out.contains("(mentee) has no step `background_check`; its steps are: Orientation and code of conduct"), "{out}");
    }

    async fn steps_are_named_by_label_given_to_several_at_once_and_a_scheduled_time_is_sent_to_the_person(db: TestDb) {
        let h = Harness::new(&db).await;
        let grace = grace_applies(&h).await;
        h.in_room("carol", ROOM, &format!("!tandem approve {grace}")).await;
        for line in mentor_answers("Hana", "yes") {
            h.dm_all("hana", line).await;
        }
        let hana = id_of(&h, "hana").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem step A{grace}, A{hana} and A999 Safeguarding training done")).await;
        assert!(out.contains(&format!("Recorded for A{grace} (Grace): Safeguarding training — done")), "{out}");
        assert!(out.contains(&format!("Application A{hana} is not approved yet (needs review)")), "{out}");
        assert!(out.contains("There is no application A999."), "{out}");
        assert_eq!(h.store.steps_of(grace).await.unwrap().len(), 1, "Grace's training is recorded");
        assert!(h.store.steps_of(hana).await.unwrap().is_empty(), "Hana's is refused on its own");
        let out = h.in_room("carol", ROOM, &format!("!tandem step A{grace} check cleared until 30/06/2029")).await;
        assert!(out.contains(&format!("Recorded for A{grace} (Grace): Background check — cleared")), "{out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem step A{grace} interview scheduled 20/01/2027 18:00")).await;
        assert_eq!(
            dms_to(&out, "grace"),
            ["[dm grace] Your interview for Pathways Mentoring 2027 is scheduled for Wednesday 20 January, 18:00 (Europe/London). If that time doesn't suit you, reply here or contact the coordinators."],
            "{out}"
        );
    }

    async fn a_mentor_becomes_ready_after_every_step_and_falls_back_when_a_check_expires(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        h.in_room("carol", ROOM, &format!("!tandem approve {id}")).await;
        assert_eq!(h.store.ready_participants("pathways-2027", RoleKind::Mentor).await.unwrap().len(), 0);
        let out = h.dm_all("grace", "I agree").await;
        assert!(out.contains("Thank you, that's recorded."), "{out}");
        h.in_room("carol", ROOM, &format!("!tandem step {id} interview scheduled 2027-01-20")).await;
        h.in_room("carol", ROOM, &format!("!tandem step {id} interview done")).await;
        h.in_room("carol", ROOM, &format!("!tandem step {id} training done")).await;
        let status = h.say("grace", "status").await;
        assert!(status.contains("✓ Interview: done"), "{status}");
        assert!(status.contains("· Background check: pending"), "{status}");
        let out = h.in_room("carol", ROOM, &format!("!tandem step {id} background_check cleared until 2027-03-01")).await;
        assert!(out.contains("[dm grace] You've completed every step"), "{out}");
        assert!(out.contains("is ready to be matched"), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::Ready);
        let ready = h.store.ready_participants("pathways-2027", RoleKind::Mentor).await.unwrap();
        assert_eq!(ready.len(), 1);
        assert_eq!(ready[0].applicant, user("grace"));
        assert!(h.store.ready_participants("pathways-2027", RoleKind::Mentee).await.unwrap().is_empty());

        let summary = h.in_room("carol", ROOM, "!tandem screening summary").await;
        assert!(summary.contains("mentors: 1 ready"), "{summary}");
        assert!(!summary.contains("Checks expiring in the next 30 days:"), "{summary}");
        h.clock.advance(chrono::Duration::days(40));
        let summary = h.in_room("carol", ROOM, "!tandem screening summary").await;
        assert!(summary.contains("Checks expiring in the next 30 days:"), "{summary}");
        assert!(summary.contains("background_check: 1 March 2027"), "{summary}");

        // Nothing has expired yet, but it will within its 30 days' warning: the person and
        // the coordinators are told, once.
        let out = h.sweep().await;
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expires on 1 March 2027. Please renew it with the coordinators so your mentoring can carry on."), "{out}");
        assert!(out.contains(&format!("[room coordinators] The background check of A{id} (Grace) expires on 1 March 2027, in 9 days. Record the renewal with: !tandem step A{id} background_check cleared until <date>")), "{out}");
        assert!(!out.contains("active match"), "she is in none: {out}");
        assert_eq!(h.sweep().await, "", "warned once");
        h.clock.advance(chrono::Duration::days(30));
        let out = h.sweep().await;
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expired on 1 March 2027."), "{out}");
        assert!(out.contains("[room coordinators] The background check of A"), "{out}");
        assert!(out.contains("is no longer ready to be matched: Background check not complete."), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::Approved);
        assert!(h.store.ready_participants("pathways-2027", RoleKind::Mentor).await.unwrap().is_empty());
        assert_eq!(h.sweep().await, "", "an expiry is handled once");

        // Renewed: ready again.
        let out = h.in_room("carol", ROOM, &format!("!tandem step {id} background_check cleared until 2030-03-01")).await;
        assert!(out.contains("ready to be matched"), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::Ready);
    }

    async fn people_on_the_waiting_list_are_reminded_at_the_configured_interval(db: TestDb) {
        let h = Harness::new(&db).await;
        let grace = grace_applies(&h).await;
        for line in mentor_answers("Lee", "yes") {
            h.dm_all("lee", line).await;
        }
        let lee = id_of(&h, "lee").await;
        h.in_room("carol", ROOM, &format!("!tandem waitlist {grace}")).await;
        h.in_room("carol", ROOM, &format!("!tandem waitlist {lee}")).await;
        assert_eq!(h.sweep().await, "");
        h.clock.advance(chrono::Duration::days(31));
        let out = h.sweep().await;
        assert!(out.contains("[dm grace] A quick update from Pathways Mentoring 2027: you're still on our waiting list (1 of 2 waiting for a mentor place)."), "{out}");
        assert!(out.contains("[dm lee] A quick update from Pathways Mentoring 2027: you're still on our waiting list (2 of 2"), "{out}");
        assert_eq!(h.sweep().await, "", "one reminder per interval");
        h.clock.advance(chrono::Duration::days(30));
        assert_eq!(h.sweep().await.matches("still on our waiting list").count(), 2);
    }

    async fn an_orientation_is_acknowledged_in_the_dm_and_nothing_else_counts(db: TestDb) {
        let h = Harness::new(&db).await;
        let id = grace_applies(&h).await;
        // Grace has nothing in progress, so approval starts her orientation at once.
        let out = h.in_room("carol", ROOM, &format!("!tandem approve {id}")).await;
        assert!(out.contains("[dm grace] Mentor orientation"), "{out}");
        let conv = h.store.load_conversation(&user("grace")).await.unwrap().unwrap();
        assert!(matches!(conv.state, FlowState::Acknowledge(_)));
        let out = h.dm_all("grace", "what is this?").await;
        assert!(out.contains("Please reply “I agree” once you have read it."), "{out}");
        let out = h.dm_all("grace", "status").await;
        assert!(out.contains("· Mentor orientation and code of conduct: pending"), "{out}");
        h.dm_all("grace", "I agree").await;
        assert!(h.store.load_conversation::<FlowState>(&user("grace")).await.unwrap().is_none());
        let steps = h.store.steps_of(id).await.unwrap();
        assert!(matches!(steps.get("orientation"), Some(tandem::domain::screening::StepState::Acknowledged { .. })));
    }

    async fn a_check_lapsing_during_a_match_is_warned_about_once_then_the_alert_names_the_match_and_asks_for_a_decision(db: TestDb) {
        use tandem::flows::Thread;
        let h = Harness::new(&db).await;
        crate::pairing::active_match(&h).await;
        let grace = id_of(&h, "grace").await;
        assert_eq!(grace, 2);
        h.in_room("carol", ROOM, "!tandem step A2 background_check cleared until 2027-03-01").await;

        // 31 days before: not yet.
        h.clock.set(utc("2027-01-29T10:00:00Z"));
        let out = h.sweep().await;
        assert!(!out.contains("expires on"), "{out}");

        // 30 days before (the example's warn_days): Grace and the coordinators are warned,
        // the match and her partner named, at the top of the room.
        h.clock.set(utc("2027-01-30T10:00:00Z"));
        let sent = screening_sweep(&h).await;
        let out = crate::support::transcript(&sent);
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expires on 1 March 2027. Please renew it with the coordinators so your mentoring can carry on."), "{out}");
        assert!(out.contains("[room coordinators] The background check of A2 (Grace) expires on 1 March 2027, in 30 days; Grace is in active match M1 (Amina ↔ Grace). Record the renewal with: !tandem step A2 background_check cleared until <date>"), "{out}");
        let warning = sent.iter().find(|s| s.message.text.starts_with("The background check of A2")).unwrap();
        assert_eq!(warning.message.thread, Some(Thread::Alert), "not hidden in a thread");
        assert!(dms_to(&out, "amina").is_empty(), "the mentee hears nothing of it: {out}");
        assert!(screening_sweep(&h).await.is_empty(), "warned once");
        h.clock.set(utc("2027-02-15T10:00:00Z"));
        assert!(!h.sweep().await.contains("expires on"), "and not again later");

        // On the day: the check expires, and the alert names the match and the decision.
        h.clock.set(utc("2027-03-01T10:00:00Z"));
        let sent = screening_sweep(&h).await;
        let out = crate::support::transcript(&sent);
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expired on 1 March 2027."), "{out}");
        assert!(out.contains("[room coordinators] Lapsed check in an active match: the background check of A2 (Grace) expired on 1 March 2027, and Grace is in active match M1 (Amina ↔ Grace), Pathways Mentoring 2027. Please decide: pause it (!tandem pause M1 until <date>), record the renewal (!tandem step A2 background_check cleared until <date>), or close it (!tandem close match M1 <reason>)."), "{out}");
        assert!(out.contains("A2 (Grace) is no longer ready to be matched: Background check not complete."), "{out}");
        let alert = sent.iter().find(|s| s.message.text.starts_with("Lapsed check")).unwrap();
        assert_eq!(alert.message.thread, Some(Thread::Alert));
        let actions: Vec<(&str, &str)> = alert.message.actions.iter().map(|a| (a.label.as_str(), a.command.as_str())).collect();
        assert_eq!(actions, [("Pause", "pause M1 until"), ("Record renewal", "step A2 background_check cleared until"), ("Close match", "close match M1")]);
        assert!(dms_to(&out, "amina").is_empty(), "{out}");
        assert_eq!(h.store.paused_until(1).await.unwrap(), None, "notify: the coordinators decide");
        assert!(screening_sweep(&h).await.is_empty(), "an expiry is handled once");

        // The decision the alert offers works as written.
        let out = h.in_room("carol", ROOM, "!tandem pause 1 until 2027-04-01").await;
        assert!(out.contains("Match M1 (Amina ↔ Grace) paused by carol until 1 April 2027."), "{out}");
    }

    async fn when_the_programme_pauses_on_a_lapse_the_match_is_held_and_both_members_hear_only_that_it_is_paused(db: TestDb) {
        let programmes = example_with(|p| p.on_lapse = tandem::domain::screening::OnLapse::Pause);
        let h = Harness::with_programmes(&db, programmes).await;
        crate::pairing::active_match(&h).await;
        h.in_room("carol", ROOM, "!tandem step A2 background_check cleared until 2027-03-01").await;
        // The check-ins up to now (the last on 22 February) and the warning.
        h.clock.set(utc("2027-02-28T16:00:00Z"));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Check-in from"), "{out}");
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expires on 1 March 2027."), "{out}");
        // Both answer the check-ins waiting for them (the first and the latest).
        for who in ["amina", "grace"] {
            h.dm_all(who, "1").await;
            assert!(!h.dm_all(who, "1").await.contains("Check-in from"), "nothing more waits");
        }

        h.clock.set(utc("2027-03-01T10:00:00Z"));
        let sent = screening_sweep(&h).await;
        let out = crate::support::transcript(&sent);
        let held = "Your mentoring is paused for a short while for an administrative reason; the coordinators will be in touch.";
        assert_eq!(dms_to(&out, "amina"), [format!("[dm amina] {held}")], "the mentee is told nothing else: {out}");
        assert!(out.contains(&format!("[dm grace] {held}")), "{out}");
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expired on 1 March 2027."), "{out}");
        assert!(out.contains("[room coordinators] Lapsed check in an active match: the background check of A2 (Grace) expired on 1 March 2027, and Grace is in active match M1 (Amina ↔ Grace), Pathways Mentoring 2027. The match is paused until a coordinator decides; both members were told only that it is paused for an administrative reason. Please decide: record the renewal (!tandem step A2 background_check cleared until <date>) and resume it (!tandem resume M1), or close it (!tandem close match M1 <reason>)."), "{out}");
        let alert = sent.iter().find(|s| s.message.text.starts_with("Lapsed check")).unwrap();
        let labels: Vec<&str> = alert.message.actions.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["Record renewal", "Resume", "Close match"]);
        let until = h.store.paused_until(1).await.unwrap().expect("paused");
        assert!(until > utc("2028-01-01T00:00:00Z"), "until someone decides, not for a set time: {until}");

        // No check-in reaches the pair while it is held (they were due on 8 and 22 March).
        h.clock.set(utc("2027-03-08T16:00:00Z"));
        assert!(!h.sweep().await.contains("Check-in from"));
        h.clock.set(utc("2027-03-22T16:00:00Z"));
        assert!(!h.sweep().await.contains("Check-in from"));

        // Renewed and resumed: ready again, and the next check-in comes.
        let out = h.in_room("carol", ROOM, "!tandem step A2 background_check cleared until 2030-03-01").await;
        assert!(out.contains("is ready to be matched"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem resume 1").await;
        assert!(out.contains("[dm amina] Your coordinator has resumed your mentoring with Grace"), "{out}");
        h.clock.set(utc("2027-04-05T16:00:00Z"));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Check-in from"), "{out}");
    }

    async fn a_renewal_recorded_after_a_warning_is_warned_about_again_only_for_its_new_date(db: TestDb) {
        // A shorter lead time than the example's, set in the programme.
        let programmes = example_with(|p| {
            for role in p.roles.values_mut() {
                for step in &mut role.screening.steps {
                    step.warn_days = 10;
                }
            }
        });
        let h = Harness::with_programmes(&db, programmes).await;
        let id = crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, &format!("!tandem step {id} background_check cleared until 2027-03-01")).await;
        h.clock.set(utc("2027-02-18T10:00:00Z"));
        assert!(screening_sweep(&h).await.is_empty(), "11 days before: not yet");
        h.clock.set(utc("2027-02-19T10:00:00Z"));
        let out = crate::support::transcript(&screening_sweep(&h).await);
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expires on 1 March 2027."), "{out}");
        assert!(out.contains("expires on 1 March 2027, in 10 days. Record the renewal"), "{out}");

        let out = h.in_room("carol", ROOM, &format!("!tandem step {id} background_check cleared until 2027-06-01")).await;
        assert!(out.contains("Background check — cleared, valid until 1 June 2027."), "{out}");
        assert!(screening_sweep(&h).await.is_empty(), "the new date is far off");
        h.clock.set(utc("2027-03-02T10:00:00Z"));
        assert!(screening_sweep(&h).await.is_empty(), "the old date neither warns nor expires");
        h.clock.set(utc("2027-05-22T10:00:00Z"));
        let out = crate::support::transcript(&screening_sweep(&h).await);
        assert!(out.contains("[dm grace] Your background check for Pathways Mentoring 2027 expires on 1 June 2027."), "{out}");
        assert_eq!(out.matches("expires on").count(), 2, "one DM, one note: {out}");
        assert!(screening_sweep(&h).await.is_empty(), "once for the new date too");
    }

    async fn a_check_recorded_as_failed_for_a_matched_mentor_raises_an_alert_naming_the_match(db: TestDb) {
        use tandem::flows::Thread;
        let h = Harness::new(&db).await;
        crate::pairing::active_match(&h).await;
        h.rec.take();
        h.app.receive(crate::support::room_message("carol", ROOM, "!tandem step 2 background_check failed")).await;
        let sent = h.rec.take();
        let out = crate::support::transcript(&sent);
        assert!(out.contains("A2 (Grace) cannot be matched while their background check is not cleared."), "{out}");
        assert!(out.contains("[room coordinators] Failed check in an active match: the background check of A2 (Grace) was recorded as not cleared, and Grace is in active match M1 (Amina ↔ Grace), Pathways Mentoring 2027. Please decide: pause it (!tandem pause M1 until <date>), if a new check clears, record it (!tandem step A2 background_check cleared until <date>), or close it (!tandem close match M1 <reason>)."), "{out}");
        let alert = sent.iter().find(|s| s.message.text.starts_with("Failed check")).unwrap();
        assert_eq!(alert.message.thread, Some(Thread::Alert));
        assert!(dms_to(&out, "amina").is_empty(), "{out}");
        assert_eq!(h.store.paused_until(1).await.unwrap(), None);
        // Without a match, a failed check raises no alert.
        let lee = crate::pairing::ready_mentor(&h, "lee", "Lee", "Finance").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem step {lee} background_check failed")).await;
        assert!(out.contains("cannot be matched while their background check is not cleared"), "{out}");
        assert!(!out.contains("in an active match"), "{out}");
    }
}
