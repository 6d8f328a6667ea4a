//! What reviewers' commands do, decided without a database: the effects each one returns.

use chrono::NaiveDate;

use super::*;
use crate::chat::Thread;
use crate::domain::DecisionRecord;
use crate::flows::testing::{
    Scene, a_match, application, assert_only_answered, assert_refused, dms, now, other_programme,
    pathways, posted, records, texts, user, with_steps,
};

/// Application A3: Amina's, as a mentee, waiting for review.
fn amina() -> ApplicationRecord {
    amina_in(ApplicationStatus::NeedsReview)
}

/// Application A3 (Amina's) in `status`.
fn amina_in(status: ApplicationStatus) -> ApplicationRecord {
    application(3, "amina", RoleKind::Mentee, status)
}

/// Application A5: Grace's, as a mentor, approved (her interview and check to come).
fn grace() -> ApplicationRecord {
    application(5, "grace", RoleKind::Mentor, ApplicationStatus::Approved)
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn decision(
    id: i64,
    from: ApplicationStatus,
    to: ApplicationStatus,
    by: &str,
    reason: &str,
) -> Effect {
    Effect::RecordDecision(Decision {
        application_id: id,
        from,
        to,
        by: by.into(),
        reason: reason.into(),
    })
}

/// Carol's decision on Amina's A3, waiting for review, with her reason.
fn carol_moves_a3(to: ApplicationStatus, reason: &str) -> Effect {
    decision(
        3,
        ApplicationStatus::NeedsReview,
        to,
        "console:carol",
        reason,
    )
}

/// Carol, coordinator of Pathways, with `record` loaded.
fn carol_with(record: ApplicationRecord) -> Scene {
    Scene::for_user("carol").with_application(record, vec![])
}

/// Step `step_id` of application `id` recorded by carol as `state`.
fn step_by_carol(id: i64, step_id: &str, state: StepState) -> Effect {
    Effect::RecordStep {
        application_id: id,
        step_id: step_id.into(),
        state,
        by: "console:carol".into(),
    }
}

#[test]
fn approving_a_mentee_records_it_tells_her_what_remains_and_asks_her_to_read_the_orientation() {
    let outcome = carol_with(amina()).review("approve 3");
    assert_eq!(outcome.state, StateChange::Unchanged);
    assert_eq!(
        records(&outcome),
        [
            &carol_moves_a3(ApplicationStatus::Approved, "approved by a reviewer"),
            &Effect::QueuePrompt {
                user: user("amina"),
                prompt: Prompt::Acknowledge {
                    application_id: 3,
                    programme: "pathways".into(),
                    step_id: "orientation".into(),
                },
            },
        ]
    );
    let told = dms(&outcome, "amina");
    assert_eq!(told.len(), 1);
    assert!(told[0].contains("has been accepted"), "{}", told[0]);
    assert!(told[0].contains("• Orientation"), "{}", told[0]);
    assert_eq!(
        texts(&outcome),
        [
            "Application A3 (Amina, mentee) approved by carol. The applicant has been told; their screening steps are next."
        ]
    );
}

#[test]
fn approving_someone_whose_steps_are_all_complete_makes_them_ready_at_once() {
    let acknowledged = with_steps(
        amina(),
        &[("orientation", StepState::Acknowledged { at: now() })],
    );
    let outcome = carol_with(acknowledged).review("approve 3");
    assert_eq!(
        records(&outcome),
        [&carol_moves_a3(
            ApplicationStatus::Ready,
            "approved by a reviewer"
        )]
    );
    assert!(dms(&outcome, "amina")[0].contains("You're ready to be matched"));
    assert!(texts(&outcome)[0].ends_with("and is ready to be matched."));
}

#[test]
fn rejecting_records_the_reason_and_sends_it_to_the_applicant() {
    let outcome = carol_with(amina()).review("reject 3 We are full this year.");
    assert_eq!(
        records(&outcome),
        [&carol_moves_a3(
            ApplicationStatus::Rejected,
            "We are full this year."
        )]
    );
    let told = dms(&outcome, "amina");
    assert!(
        told[0].contains("Their note: We are full this year."),
        "{}",
        told[0]
    );
    assert_eq!(
        texts(&outcome),
        ["Application A3 (Amina) rejected by carol; the applicant has been told, with the reason."]
    );
}

#[test]
fn a_reason_too_long_to_send_is_refused_and_nothing_is_recorded() {
    let long = "x".repeat(MAX_NOTE_CHARS + 1);
    let outcome = carol_with(amina()).review(&format!("reject 3 {long}"));
    assert!(records(&outcome).is_empty());
    assert!(dms(&outcome, "amina").is_empty());
    assert!(
        texts(&outcome)[0]
            .starts_with("Please keep the reason under 1,000 characters (it has 1,001)")
    );
}

#[test]
fn asking_queues_the_question_for_the_applicant_and_marks_the_application_waiting_for_her() {
    let outcome = carol_with(amina()).review("ask 3 Which evenings are you free?");
    assert_eq!(
        records(&outcome),
        [
            &Effect::AskApplicant {
                application_id: 3,
                applicant: user("amina"),
                programme: "pathways".into(),
                question: "Which evenings are you free?".into(),
                asked_by: "console:carol".into(),
            },
            &carol_moves_a3(
                ApplicationStatus::InfoRequested,
                "asked the applicant a question"
            ),
        ]
    );
    assert!(
        dms(&outcome, "amina").is_empty(),
        "the question goes as a prompt"
    );
    assert_eq!(
        texts(&outcome),
        ["Question sent to the applicant of A3 (Amina). Their answer will be posted here."]
    );
}

#[test]
fn a_second_question_does_not_move_the_status_again() {
    let outcome =
        carol_with(amina_in(ApplicationStatus::InfoRequested)).review("ask 3 And on weekends?");
    assert!(matches!(
        records(&outcome)[..],
        [Effect::AskApplicant { .. }]
    ));
}

#[test]
fn waitlisting_records_it_and_tells_the_applicant_where_she_stands() {
    let outcome = carol_with(amina()).review("waitlist 3");
    assert_eq!(
        records(&outcome),
        [&carol_moves_a3(
            ApplicationStatus::Waitlisted,
            "waitlisted by a reviewer"
        )]
    );
    assert!(dms(&outcome, "amina")[0].contains("on our waiting list"));
    assert_eq!(
        texts(&outcome),
        ["Application A3 (Amina) put on the waiting list by carol."]
    );
}

#[test]
fn waitlisting_twice_says_it_is_on_the_list_already() {
    let outcome = carol_with(amina_in(ApplicationStatus::Waitlisted)).review("waitlist 3");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Application A3 is already on the waiting list.",
    );
}

#[test]
fn show_posts_the_card_with_its_buttons_as_the_start_of_the_applications_thread() {
    let outcome = carol_with(amina()).review("show 3");
    let card = posted(&outcome, "coordinators");
    assert_eq!(card.len(), 1);
    assert!(
        card[0]
            .text
            .starts_with("Application A3 · Pathways · Mentee · needs review")
    );
    assert!(card[0].text.contains("Applicant: Amina (console:amina)"));
    assert_eq!(card[0].thread, Some(Thread::Starts("application-3".into())));
    let commands: Vec<&str> = card[0].actions.iter().map(|a| a.command.as_str()).collect();
    assert_eq!(
        commands,
        ["approve A3", "reject A3", "ask A3", "waitlist A3"]
    );
    assert!(records(&outcome).is_empty());
}

#[test]
fn an_application_already_decided_is_not_decided_again_and_the_room_is_told_by_whom() {
    let mut rejected = amina();
    rejected.summary.status = ApplicationStatus::Rejected;
    rejected.decisions.push(DecisionRecord {
        from: ApplicationStatus::NeedsReview,
        to: ApplicationStatus::Rejected,
        by: "console:dev".into(),
        reason: "too late".into(),
        at: now() - chrono::Duration::days(1),
    });
    let scene = carol_with(rejected);
    for command in [
        "approve 3",
        "reject 3 again",
        "ask 3 Still there?",
        "waitlist 3",
    ] {
        assert_only_answered(
            &scene.review(command),
            "coordinators",
            "Application A3 was already decided: rejected by console:dev on 14 January 2027 08:00 UTC (too late).",
        );
    }
}

#[test]
fn an_application_that_does_not_exist_is_named_and_the_queue_suggested() {
    let outcome = Scene::for_user("carol")
        .with_subject(Subject::Application(None))
        .review("approve 99");
    assert_only_answered(
        &outcome,
        "coordinators",
        "There is no application A99. Type !tandem queue to see the applications waiting for review.",
    );
}

#[test]
fn a_coordinator_of_another_programme_is_refused_and_the_refusal_logged() {
    let scene = Scene::for_user("dev")
        .with_programmes(vec![pathways(), other_programme()])
        .with_application(amina(), vec![]);
    for (command, verb) in [
        ("approve 3", "approve"),
        ("reject 3 No.", "reject"),
        ("ask 3 Why?", "ask"),
        ("waitlist 3", "waitlist"),
        ("show 3", "show"),
        ("step 3 orientation pending", "step"),
    ] {
        assert_refused(
            &scene.review(command),
            "dev",
            &format!("{verb} applications to Pathways"),
        );
    }
}

#[test]
fn someone_who_coordinates_nothing_is_refused_and_the_refusal_logged() {
    let scene = Scene::for_user("amina").with_application(amina(), vec![]);
    assert_refused(
        &scene.review("approve 3"),
        "amina",
        "approve applications to Pathways",
    );
    let overview = Scene::for_user("amina").with_overview(vec![]);
    assert_refused(&overview.review("queue"), "amina", "use `queue`");
    assert_refused(
        &overview.review("screening summary"),
        "amina",
        "use `screening summary`",
    );
}

#[test]
fn a_command_typed_outside_the_coordinators_room_only_says_where_it_works() {
    let outcome = carol_with(amina()).in_room("lobby").review("approve 3");
    assert_only_answered(
        &outcome,
        "lobby",
        "Coordinators' commands work only in the coordinators' room, so that applications are never shown anywhere else.",
    );
}

#[test]
fn a_command_used_wrongly_is_answered_with_its_usage() {
    let outcome = carol_with(amina()).review("approve");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Usage: approve <application number>, for example: approve A12",
    );
}

#[test]
fn recording_a_step_stores_it_and_says_so_in_the_room() {
    let outcome = carol_with(grace()).review("step 5 interview done");
    assert_eq!(
        records(&outcome),
        [&step_by_carol(
            5,
            "interview",
            StepState::Done { on: today() }
        )]
    );
    assert!(
        dms(&outcome, "grace").is_empty(),
        "her check is still to come"
    );
    assert_eq!(
        texts(&outcome),
        ["Recorded for A5 (Grace): Interview — done (15 January 2027)."]
    );
}

#[test]
fn the_last_step_completed_makes_an_approved_mentor_ready_and_both_sides_hear_it() {
    let cleared = StepState::Cleared {
        expires: NaiveDate::from_ymd_opt(2029, 1, 31).unwrap(),
    };
    let outcome = carol_with(with_steps(grace(), &[("background_check", cleared)]))
        .review("step 5 interview done");
    assert_eq!(
        records(&outcome)[1..],
        [&decision(
            5,
            ApplicationStatus::Approved,
            ApplicationStatus::Ready,
            "tandem",
            "every screening step is complete"
        )]
    );
    assert!(dms(&outcome, "grace")[0].contains("you're ready to be matched!"));
    let room = posted(&outcome, "coordinators");
    assert_eq!(
        room[1].text,
        "A5 (Grace) has completed every screening step and is ready to be matched."
    );
    assert_eq!(room[1].thread, Some(Thread::In("application-5".into())));
}

#[test]
fn a_failed_check_during_an_active_match_takes_the_mentor_out_of_the_pool_and_alerts_the_room() {
    let ready = with_steps(
        application(5, "grace", RoleKind::Mentor, ApplicationStatus::Ready),
        &[
            ("interview", StepState::Done { on: today() }),
            (
                "background_check",
                StepState::Cleared {
                    expires: NaiveDate::from_ymd_opt(2029, 1, 31).unwrap(),
                },
            ),
        ],
    );
    let pair = a_match(7, &amina(), &ready, MatchStatus::Active);
    let outcome = Scene::for_user("carol")
        .with_application(ready, vec![pair])
        .review("step 5 background_check failed");
    assert_eq!(
        records(&outcome),
        [
            &step_by_carol(5, "background_check", StepState::Failed),
            &decision(
                5,
                ApplicationStatus::Ready,
                ApplicationStatus::Approved,
                "tandem",
                "a screening step is no longer complete"
            ),
        ]
    );
    assert!(dms(&outcome, "grace")[0].contains("Background check needs attention"));
    let room = posted(&outcome, "coordinators");
    assert!(
        room[2]
            .text
            .contains("cannot be matched while their background check")
    );
    let alert = room.last().unwrap();
    assert_eq!(alert.thread, Some(Thread::Alert));
    assert!(
        alert
            .text
            .starts_with("Failed check in an active match: the background check of A5 (Grace) was recorded as not cleared, and Grace is in active match M7 (Amina ↔ Grace), Pathways."),
        "{}",
        alert.text
    );
    assert!(dms(&outcome, "amina").is_empty(), "the mentee is not told");
}

#[test]
fn a_step_the_role_does_not_have_is_refused_with_the_steps_it_has() {
    let outcome = carol_with(grace()).review("step 5 orientation pending");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Application A5 (mentor) has no step `orientation`; its steps are: Interview, Background check.",
    );
}

#[test]
fn steps_are_recorded_only_once_the_application_is_approved() {
    let mut waiting = grace();
    waiting.summary.status = ApplicationStatus::NeedsReview;
    let outcome = carol_with(waiting).review("step 5 interview done");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Application A5 is not approved yet (needs review): screening steps are recorded once it is approved.",
    );
}

#[test]
fn the_queue_lists_what_waits_for_review_oldest_first_in_the_programmes_she_coordinates() {
    let older = {
        let mut a = application(8, "bea", RoleKind::Mentee, ApplicationStatus::InfoRequested);
        a.summary.submitted_at = now() - chrono::Duration::days(20);
        a
    };
    let mut elsewhere = application(9, "li", RoleKind::Mentee, ApplicationStatus::NeedsReview);
    elsewhere.summary.programme = "other".into();
    let outcome = Scene::for_user("carol")
        .with_overview(vec![amina(), grace(), older, elsewhere])
        .review("queue");
    assert_eq!(
        texts(&outcome),
        [
            "2 applications waiting for review, oldest first:\nA8 bea · pathways · mentee · info requested · 20 days\nA3 amina · pathways · mentee · needs review · 10 days\nType !tandem show A<number> to see one."
        ]
    );
}

#[test]
fn the_screening_summary_counts_each_role_by_status_and_names_checks_expiring_soon() {
    let expiring = with_steps(
        application(6, "lee", RoleKind::Mentor, ApplicationStatus::Ready),
        &[(
            "background_check",
            StepState::Cleared {
                expires: today() + chrono::Duration::days(12),
            },
        )],
    );
    let outcome = Scene::for_user("carol")
        .with_overview(vec![amina(), grace(), expiring])
        .review("screening summary");
    assert_eq!(
        texts(&outcome),
        [
            "Screening summary\nPathways (3 applications)\n  mentors: 1 approved, 1 ready\n  mentees: 1 needs review\n  Oldest waiting: A3 amina, 10 days\n  Checks expiring in the next 30 days:\n    A6 lee background_check: 27 January 2027"
        ]
    );
}

#[test]
fn a_step_is_named_by_its_label_or_a_word_of_it_and_the_rest_is_the_update() {
    for command in [
        "step A5 Background check cleared until 30/06/2029",
        "step A5 check cleared until 30/06/2029",
        "step A5 BACKGROUND_CHECK cleared until 30/06/2029",
    ] {
        let outcome = carol_with(grace()).review(command);
        assert_eq!(
            records(&outcome),
            [&step_by_carol(
                5,
                "background_check",
                StepState::Cleared {
                    expires: NaiveDate::from_ymd_opt(2029, 6, 30).unwrap()
                }
            )],
            "{command}"
        );
    }
}

#[test]
fn a_word_that_names_several_steps_is_refused_with_the_candidates() {
    let mut programme = pathways();
    let steps = &mut programme
        .roles
        .get_mut(&RoleKind::Mentor)
        .unwrap()
        .screening
        .steps;
    steps[0].label = "Interview check".into();
    let outcome = Scene::for_user("carol")
        .with_programmes(vec![programme])
        .with_application(grace(), vec![])
        .review("step A5 check done");
    assert_only_answered(
        &outcome,
        "coordinators",
        "`check` could be several steps of A5: Interview check, Background check. Name one of them.",
    );
}

#[test]
fn several_applications_get_the_same_update_each_decided_on_its_own_in_one_reply() {
    let mut waiting = application(7, "bea", RoleKind::Mentor, ApplicationStatus::NeedsReview);
    waiting.summary.name = Some("Bea".into());
    let subject = Subject::Applications(vec![
        (5, Some(Box::new((grace(), vec![])))),
        (7, Some(Box::new((waiting, vec![])))),
        (9, None),
    ]);
    for command in [
        "step A5,A7,A9 interview done",
        "step A5, A7 and A9 interview done",
        "step A5 A7 A9 interview done",
    ] {
        assert_eq!(
            parse(command),
            Some(Ok(ReviewCommand::Step {
                ids: vec![5, 7, 9],
                words: vec!["interview".into(), "done".into()],
            }))
        );
        let outcome = Scene::for_user("carol")
            .with_subject(subject.clone())
            .review(command);
        assert_eq!(
            records(&outcome),
            [&step_by_carol(
                5,
                "interview",
                StepState::Done { on: today() }
            )]
        );
        assert_eq!(
            texts(&outcome),
            [
                "Recorded for A5 (Grace): Interview — done (15 January 2027).\nApplication A7 is not approved yet (needs review): screening steps are recorded once it is approved.\nThere is no application A9. Type !tandem queue to see the applications waiting for review."
            ]
        );
    }
}

#[test]
fn an_interview_scheduled_with_a_time_tells_the_person_when_in_the_programme_zone() {
    let mut programme = pathways();
    programme.time_zone = Some("Europe/London".into());
    let scene = Scene::for_user("carol")
        .with_programmes(vec![programme])
        .with_application(grace(), vec![]);
    let outcome = scene.review("step A5 interview scheduled Wed 20 Jan 18:00");
    assert_eq!(
        records(&outcome),
        [&step_by_carol(
            5,
            "interview",
            StepState::Scheduled {
                on: NaiveDate::from_ymd_opt(2027, 1, 20).unwrap()
            }
        )]
    );
    assert_eq!(
        dms(&outcome, "grace"),
        [
            "Your interview for Pathways is scheduled for Wednesday 20 January, 18:00 (Europe/London). If that time doesn't suit you, reply here or contact the coordinators."
        ]
    );
    let dated = scene.review("step A5 interview scheduled 21/01/2027");
    assert_eq!(
        dms(&dated, "grace"),
        [
            "Your interview for Pathways is scheduled for Thursday 21 January. If that time doesn't suit you, reply here or contact the coordinators."
        ]
    );
}

#[test]
fn a_note_is_stored_for_the_coordinators_and_never_sent_to_the_applicant() {
    let outcome = carol_with(grace()).review("note A5 Prefers evening calls");
    assert_eq!(
        records(&outcome),
        [&Effect::NoteApplication {
            application_id: 5,
            by: "console:carol".into(),
            text: "Prefers evening calls".into(),
        }]
    );
    assert!(dms(&outcome, "grace").is_empty(), "a note is private");
    assert_eq!(
        texts(&outcome),
        ["Note added to A5 (Grace); only the coordinators see it, on its card (show A5)."]
    );
    assert!(matches!(parse("note A5"), Some(Err(u)) if u.english().starts_with("Usage: note")));
}

#[test]
fn the_card_its_buttons_and_what_they_ask_for_are_in_the_rooms_language() {
    let message = card(&pathways(), &amina());
    let labels: Vec<&str> = message.actions.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["Approve", "Reject", "Ask", "Waitlist"]);
    assert_eq!(
        message.actions[1].asks.as_deref(),
        Some("Reason (sent to the applicant)")
    );
    let es = message.in_language(crate::i18n::Locale::from_tag("es").unwrap());
    assert!(
        es.text.starts_with("Solicitud A3 · Pathways · Mentee · pendiente de revisión\nSolicitante: Amina (console:amina), enviada el "),
        "{}",
        es.text
    );
    assert!(es.text.contains("\nRespuestas:\n"), "{}", es.text);
    let labels: Vec<&str> = es.actions.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Aprobar", "Rechazar", "Preguntar", "Lista de espera"]
    );
    let asks: Vec<Option<&str>> = es.actions.iter().map(|a| a.asks.as_deref()).collect();
    assert_eq!(
        asks,
        [
            None,
            Some("Motivo (se envía a quien solicita)"),
            Some("Tu pregunta para quien solicita"),
            None
        ]
    );
    assert_eq!(
        es.actions[1].command, "reject A3",
        "the command stays as typed"
    );
    let ar = message.in_language(crate::i18n::Locale::from_tag("ar").unwrap());
    assert!(ar.text.starts_with("الطلب A"), "{}", ar.text);
    assert_eq!(ar.actions[0].label, "موافقة");
    assert_eq!(ar.actions[2].asks.as_deref(), Some("سؤالك لمقدم الطلب"));
}

#[test]
fn the_screening_summary_reads_in_spanish() {
    let outcome = Scene::for_user("carol")
        .with_overview(vec![amina(), grace()])
        .review("screening summary");
    let said = &posted(&outcome, "coordinators")[0];
    let es = said.in_language(crate::i18n::Locale::from_tag("es").unwrap());
    assert!(
        es.text
            .starts_with("Resumen de selección\nPathways (2 solicitudes)\n  mentores: "),
        "{}",
        es.text
    );
    assert!(
        es.text.contains("\n  La que más espera: A3 amina, 10 días"),
        "{}",
        es.text
    );
}

#[test]
fn the_card_lists_notes_with_who_wrote_them_and_when() {
    let mut noted = grace();
    noted.notes.push(crate::domain::ApplicationNote {
        by: "console:carol".into(),
        text: "Met her at the open day.".into(),
        at: now(),
    });
    let text = card(&pathways(), &noted).text;
    assert!(
        text.contains(
            "Note by console:carol on 15 January 2027 08:00 UTC: Met her at the open day."
        ),
        "{text}"
    );
}
