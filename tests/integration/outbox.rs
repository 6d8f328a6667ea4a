//! Durable effects, on both backends: acts recorded with their step and delivered
//! afterwards, retried while the platform fails, picked up after a crash under the same
//! key, kept in order per person, dropped when too late; failures told to whoever asked;
//! panics contained to one message; a platform event handled once, however often it is
//! delivered and by however many processes.

use chrono::Duration;
use tandem::domain::{EventRef, Platform, RoomRef};
use tandem::flows::{Effect, FlowState, OutMessage, StateChange};
use tandem::storage::{CommitOutcome, Enqueue};

use crate::pairing::{active_match, ready_mentee, ready_mentor};
use crate::support::{Harness, dm, transcript, user};

const ROOM: &str = "coordinators";
const MODS: &str = "moderators";

/// Moves the clock on and runs the outbox's dispatcher, as the background loop does;
/// returns what was sent.
async fn later(h: &Harness, by: Duration) -> String {
    h.rec.take();
    h.clock.advance(by);
    h.app.dispatch_due().await.unwrap();
    transcript(&h.rec.take())
}

/// A step recorded by a process that died before delivering anything: its acts are in
/// the outbox, held by that process until the lease runs out.
async fn step_of_a_dead_process(h: &Harness) -> Vec<i64> {
    let now = h.app.now();
    let enqueue = crate::support::enqueued_by_a_dead_process("crashed-step", now);
    let effects = [
        Effect::SendDm {
            to: user("amina"),
            message: OutMessage::text("Your answer is saved."),
        },
        Effect::PostInRoom {
            room: RoomRef::new(Platform::Console, MODS),
            message: OutMessage::text("Case #1 needs a moderator."),
        },
    ];
    let committed = h
        .store
        .commit_step_with(
            &user("amina"),
            None,
            &StateChange::Unchanged,
            &effects,
            now,
            Some(&enqueue),
            None,
        )
        .await
        .unwrap();
    let CommitOutcome::Committed { acts, .. } = committed else {
        panic!("not committed");
    };
    assert_eq!(acts.len(), 2, "held by the process that recorded them");
    acts.iter().map(|a| a.id).collect()
}

both_backends! {

    async fn a_pair_room_the_platform_paces_waits_without_failing_and_the_coordinators_hear_how_it_goes(db: TestDb) {
        let h = Harness::new(&db).await;
        let until = h.app.now() + Duration::minutes(30);
        h.rec.pace_room_creation(1, until);
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        h.dm_all("amina", "accept").await;
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("[room coordinators] Making pair rooms at the pace console allows"), "{out}");
        assert!(out.contains("1 wait, the last due about"), "{out}");
        assert!(!out.contains("could not create"), "{out}");
        assert!(h.rec.created_rooms().is_empty());
        // Not tried again before its time, and not counted as a failed try.
        assert!(later(&h, Duration::minutes(10)).await.is_empty());
        let out = later(&h, Duration::minutes(21)).await;
        assert!(out.contains("[room room-1]"), "the kickoff: {out}");
        assert!(out.contains("[room coordinators] The pair room that waited for console's pace is made now."), "{out}");
        assert_eq!(h.rec.created_rooms().len(), 1);
    }
    async fn acts_a_crashed_process_left_are_delivered_once_under_the_same_key(db: TestDb) {
        let h = Harness::new(&db).await;
        step_of_a_dead_process(&h).await;
        // Still held by the dead process: nobody else delivers them yet.
        assert_eq!(later(&h, Duration::seconds(30)).await, "");
        h.rec.take();
        h.clock.advance(Duration::minutes(3));
        h.app.dispatch_due().await.unwrap();
        let sent = h.rec.take();
        assert_eq!(transcript(&sent), "[dm amina] Your answer is saved.\n[room moderators] Case #1 needs a moderator.");
        assert_eq!(sent[0].key.0, "crashed-step-a0", "the key fixed when it was recorded");
        assert_eq!(sent[1].key.0, "crashed-step-a1");
        assert_eq!(later(&h, Duration::minutes(10)).await, "", "delivered once");
        let counts = h.store.outbox_counts().await.unwrap();
        assert_eq!((counts.done, counts.pending), (2, 0));
    }

    async fn a_message_a_day_late_is_dropped_but_an_alert_is_still_delivered(db: TestDb) {
        let h = Harness::new(&db).await;
        step_of_a_dead_process(&h).await;
        let out = later(&h, Duration::hours(25)).await;
        assert_eq!(out, "[room moderators] Case #1 needs a moderator.");
        let counts = h.store.outbox_counts().await.unwrap();
        assert_eq!((counts.done, counts.stale), (1, 1));
        // Finished acts keep no contents.
        let dump = format!("{:?}", h.store.dump_tables().await.unwrap());
        assert!(!dump.contains("Your answer is saved."), "{dump}");
    }

    async fn while_the_platform_is_down_a_persons_answers_wait_and_then_arrive_in_order(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.set_down(true);
        assert_eq!(h.dm_all("amina", "apply").await, "");
        assert_eq!(h.dm_all("amina", "mentee").await, "");
        // Still down: retried, nothing arrives, nothing is lost.
        assert_eq!(later(&h, Duration::seconds(30)).await, "");
        h.rec.set_down(false);
        let out = later(&h, Duration::minutes(10)).await;
        // The same answers, in the same order, as a person talking to a platform that is up.
        let up = Harness::new(&db).await;
        let expected = format!("{}\n{}", up.dm_all("bea", "apply").await, up.dm_all("bea", "mentee").await);
        assert_eq!(out, expected.replace("dm bea", "dm amina"));
        assert_eq!(later(&h, Duration::minutes(10)).await, "", "each once");
        assert_eq!(h.store.outbox_counts().await.unwrap().pending, 0);
    }

    async fn a_pair_room_that_could_not_be_made_is_made_once_the_platform_lets_it(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.fail_room_creation("the bot is missing a permission (Create Private Threads)");
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        h.dm_all("amina", "accept").await;
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("[room coordinators] I could not create the pair room for match M1: the bot is missing a permission (Create Private Threads). The match is recorded without a room for now. I'll keep trying until"), "{out}");
        assert!(h.store.match_by_id(1).await.unwrap().unwrap().room.is_none());
        // Still failing: tried again, and nobody is told twice.
        assert_eq!(later(&h, Duration::minutes(1)).await, "");
        h.rec.fix_room_creation();
        let out = later(&h, Duration::minutes(10)).await;
        assert!(out.contains("[room room-1]"), "the kickoff is posted in the new room: {out}");
        assert!(out.contains("[room coordinators] The pair room for match M1 is created now"), "{out}");
        assert_eq!(h.rec.created_rooms().len(), 1);
        assert_eq!(h.store.match_by_id(1).await.unwrap().unwrap().room.as_deref(), Some("room-1"));
        assert_eq!(later(&h, Duration::minutes(10)).await, "", "made once");
    }

    async fn a_moderators_freeze_that_fails_is_told_to_them_retried_and_reported_when_done(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.rec.fail_room_changes(Some("the bot may not change this room's permissions (403)"));
        h.in_room("mo", MODS, "!tandem freeze pair 1").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("[room moderators] Heads up: freezing a pair room (match M1) did not go through: the bot may not change this room's permissions (403). I'll keep trying until"), "{out}");
        assert!(h.rec.read_only_changes().is_empty());
        h.rec.fail_room_changes(None);
        let out = later(&h, Duration::minutes(1)).await;
        assert!(out.contains("[room moderators] Update: freezing a pair room (match M1) went through after all, on try 2."), "{out}");
        assert_eq!(h.rec.read_only_changes(), vec![(RoomRef::new(Platform::Console, "room-1"), true)]);
    }

    async fn an_act_that_keeps_failing_is_given_up_and_the_moderator_told(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.rec.fail_room_changes(Some("the room is gone (404)"));
        h.in_room("mo", MODS, "!tandem freeze pair 1").await;
        h.in_room("mo", MODS, "!tandem confirm").await;
        let mut told = String::new();
        for _ in 0..60 {
            told.push_str(&later(&h, Duration::minutes(10)).await);
        }
        assert!(told.contains("[room moderators] Freezing a pair room (match M1) failed for good, even after retrying: the room is gone (404). Please see to it by hand."), "{told}");
        assert_eq!(told.matches("[room moderators]").count(), 1, "told once at the end: {told}");
        assert_eq!(h.store.outbox_counts().await.unwrap().failed, 1);
    }

    async fn an_archive_nobody_asked_for_that_keeps_failing_is_given_up_and_the_coordinators_told(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.rec.fail_room_changes(Some("the room is gone (404)"));
        h.dm_all("amina", "close match we could never find a time").await;
        h.dm_all("amina", "yes").await;
        let mut told = String::new();
        for _ in 0..60 {
            told.push_str(&later(&h, Duration::minutes(10)).await);
        }
        assert!(
            told.contains("[room coordinators] Archiving a pair room (match M1) failed for good, even after retrying: the room is gone (404). Please see to it by hand."),
            "{told}"
        );
    }

    async fn a_suspension_the_platform_cannot_carry_out_is_reported_to_the_moderator(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.rec.fail_room_changes(Some("missing permissions (403)"));
        h.in_room("mo", MODS, "!tandem suspend grace").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("is suspended by mo"), "recorded: {out}");
        let mut told = out;
        for _ in 0..60 {
            told.push_str(&later(&h, Duration::minutes(10)).await);
        }
        assert!(told.contains("[room moderators] Heads up:") && told.contains("missing permissions (403)"), "told at once: {told}");
        assert!(told.contains("failed for good, even after retrying: missing permissions (403)"), "and when it is given up: {told}");
        assert!(h.store.is_suspended(&user("grace"), h.app.now()).await.unwrap(), "the suspension itself stands");
    }

    async fn a_panic_while_handling_one_message_is_contained_and_answered_with_a_reference(db: TestDb) {
        let h = Harness::new(&db).await;
        for line in ["report", "1", "Tom", "no", "He sent me messages at 2am calling me names."] {
            h.dm_all("amina", line).await;
        }
        h.rec.panic_when_fetching("cdn/bad");
        let out = h.dm_files("amina", "", &[("shot.png", "cdn/bad", Some(10))]).await;
        assert!(out.contains("[dm amina] Sorry, something went wrong on my side and nothing was changed. Please try again in a moment. (Reference: E"), "{out}");
        // Someone who reads Spanish gets the apology in Spanish, with the same reference.
        h.dm_all("bea", "idioma es").await;
        for line in ["report", "1", "Tom", "no", "Me insulta por mensajes a las 2 de la mañana."] {
            h.dm_all("bea", line).await;
        }
        h.rec.panic_when_fetching("cdn/bad");
        let out = h.dm_files("bea", "", &[("shot.png", "cdn/bad", Some(10))]).await;
        assert!(out.contains("[dm bea] Lo siento, algo falló por mi parte y no se cambió nada. Vuelve a intentarlo en un momento. (Referencia: E"), "{out}");
        // The process and every conversation carry on, hers included.
        let out = h.dm_all("bea", "hello").await;
        assert!(out.contains("[dm bea]"), "{out}");
        let out = h.dm_all("amina", "done").await;
        assert!(out.contains("[dm amina]"), "{out}");
        assert!(!out.contains("Sorry, something went wrong"), "{out}");
    }

    async fn a_panic_while_delivering_a_reply_is_contained_and_the_reply_delivered_later(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.panic_on_next_dm_to(&user("amina"));
        assert_eq!(h.dm_all("amina", "hello").await, "", "the send panicked");
        let out = h.dm_all("bea", "hello").await;
        assert!(out.contains("[dm bea]"), "{out}");
        let out = later(&h, Duration::minutes(1)).await;
        assert!(out.contains("[dm amina]"), "delivered on the next try: {out}");
    }

    async fn an_event_delivered_again_changes_nothing_and_is_not_answered_twice(db: TestDb) {
        let h = Harness::new(&db).await;
        let event = |id: &str| EventRef::new(Platform::Console, id);
        h.rec.take();
        h.app.receive_event(event("m1"), dm("amina", "apply")).await;
        let first = transcript(&h.rec.take());
        assert!(first.contains("[dm amina]"), "{first}");
        // The same event again (a replayed sync, a catch-up read): nothing.
        h.app.receive_event(event("m1"), dm("amina", "apply")).await;
        assert_eq!(transcript(&h.rec.take()), "");
        let version = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap().version;
        h.app.receive_event(event("m2"), dm("amina", "mentee")).await;
        assert!(transcript(&h.rec.take()).contains("[dm amina]"));
        h.app.receive_event(event("m2"), dm("amina", "mentee")).await;
        assert_eq!(transcript(&h.rec.take()), "", "not answered twice");
        let after = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap().version;
        assert_eq!(after, version + 1, "the answer was applied once");
    }

    async fn two_processes_given_the_same_event_at_once_answer_it_once(db: TestDb) {
        let first = Harness::new(&db).await;
        let second = Harness::with_recording(&db, first.rec.clone()).await;
        let event = EventRef::new(Platform::Console, "m1");
        first.rec.take();
        tokio::join!(
            first.app.receive_event(event.clone(), dm("amina", "apply")),
            second.app.receive_event(event.clone(), dm("amina", "apply")),
        );
        let said = transcript(&first.rec.take());
        let up = Harness::new(&db).await;
        let once = up.dm_all("bea", "apply").await.replace("dm bea", "dm amina");
        assert_eq!(said, once, "answered once");
    }

    async fn a_case_alert_that_cannot_be_posted_is_retried_and_then_told_to_the_coordinators_without_its_contents(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.fail_posts_in(&RoomRef::new(Platform::Console, MODS), "missing permission: Send Messages (403)");
        for line in ["report", "1", "Tom", "no", "He sent me messages at 2am calling me names.", "skip", "no", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let mut told = String::new();
        for _ in 0..45 {
            told.push_str(&later(&h, Duration::minutes(10)).await);
        }
        assert!(told.contains("[room coordinators] A message for the moderators' room could not be posted there, even after retrying: missing permission: Send Messages (403)."), "{told}");
        assert!(!told.contains("2am"), "the alert's contents stay out of the coordinators' room: {told}");
        assert!(h.store.outbox_counts().await.unwrap().failed >= 1);
    }

    async fn a_follow_up_that_writes_is_taken_once_however_often_it_is_delivered(db: TestDb) {
        let h = Harness::new(&db).await;
        let held = step_of_a_dead_process(&h).await;
        let now = h.app.now();
        let follow_up = |completes| Enqueue {
            completes,
            ..crate::support::enqueued_by_a_dead_process("follow-up", now)
        };
        let effects = [Effect::SendDm {
            to: user("amina"),
            message: OutMessage::text("Your application is in."),
        }];
        let step = |enqueue: Enqueue<'static>| {
            let store = h.store.clone();
            let effects = effects.clone();
            async move {
                store
                    .commit_step_with(&user("amina"), None, &StateChange::Unchanged, &effects, now, Some(&enqueue), None)
                    .await
                    .unwrap()
            }
        };
        assert!(step(follow_up(Some(held[0]))).await.is_committed());
        // Delivered again (the process died before recording the follow-up done): nothing.
        assert_eq!(step(follow_up(Some(held[0]))).await, CommitOutcome::Duplicate);
    }

    async fn proposing_again_after_a_decline_survives_a_crash_and_happens_once(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        // A step that asks for new proposals (a decline's), recorded by a process that
        // died before anything after its commit ran.
        let now = h.app.now();
        let enqueue = crate::support::enqueued_by_a_dead_process("crashed-decline", now);
        let effects = [Effect::Replan { programme: "pathways-2027".into() }];
        h.store
            .commit_step_with(&user("grace"), None, &StateChange::Unchanged, &effects, now, Some(&enqueue), None)
            .await
            .unwrap();
        assert_eq!(later(&h, Duration::seconds(30)).await, "", "held by the dead process");
        let out = later(&h, Duration::minutes(3)).await;
        assert!(out.contains("Proposal P1: Amina (mentee, application A1) ↔ Grace"), "{out}");
        assert_eq!(later(&h, Duration::minutes(10)).await, "", "proposed once");
        assert!(h.store.match_by_id(2).await.unwrap().is_none());
    }

    async fn a_pair_room_whose_kickoff_failed_is_not_made_again_when_retried(db: TestDb) {
        let h = Harness::new(&db).await;
        // The room is made, but the first post in it fails (a new room not ready yet).
        h.rec.fail_posts_in(&RoomRef::new(Platform::Console, "room-1"), "the room is not ready (503)");
        active_match(&h).await;
        assert_eq!(h.rec.created_rooms().len(), 1);
        h.rec.take();
        for _ in 0..3 {
            later(&h, Duration::minutes(1)).await;
        }
        assert_eq!(h.rec.created_rooms().len(), 1, "one room for the match, however often it is tried");
        assert_eq!(h.store.match_by_id(1).await.unwrap().unwrap().room.as_deref(), Some("room-1"));
    }
}

/// A TCP proxy in front of PostgreSQL that the test can cut: every connection through it
/// is dropped and new ones refused until it is restored, as when the database host is
/// unreachable.
struct CuttableProxy {
    address: String,
    cut: tokio::sync::watch::Sender<bool>,
}

impl CuttableProxy {
    async fn start(upstream: String) -> CuttableProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let (cut, watch) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                if *watch.borrow() {
                    continue; // dropped: refused
                }
                let upstream = upstream.clone();
                let mut watch = watch.clone();
                tokio::spawn(async move {
                    let Ok(mut server) = tokio::net::TcpStream::connect(&upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = watch.wait_for(|cut| *cut) => {}
                    }
                });
            }
        });
        CuttableProxy { address, cut }
    }

    fn set_cut(&self, cut: bool) {
        self.cut.send_replace(cut);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_sent_while_the_database_is_unreachable_waits_and_is_answered_once() {
    let Some(db) = crate::support::TestDb::postgres().await else {
        return;
    };
    let proxy = CuttableProxy::start(db.address()).await;
    let h = Harness::new(&db.through(&proxy.address)).await;
    let first = h.say("amina", "apply").await;
    assert!(!first.is_empty(), "answered while the database is there");
    h.rec.take();

    // The database goes away; Amina answers; it comes back five seconds later.
    proxy.set_cut(true);
    let started = std::time::Instant::now();
    let handling = {
        let app = h.app.clone();
        tokio::spawn(async move {
            app.receive_event(
                EventRef::new(Platform::Console, "$while-away"),
                dm("amina", "mentee"),
            )
            .await
        })
    };
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    assert!(
        h.rec.take().is_empty(),
        "nothing said while the database is away"
    );
    proxy.set_cut(false);
    tokio::time::timeout(std::time::Duration::from_secs(60), handling)
        .await
        .expect("answered within the minute it waits")
        .unwrap();
    let waited = started.elapsed();
    let sent = h.rec.take();
    let out = transcript(&sent);
    assert!(
        !out.contains("Sorry"),
        "no apology: it waited {waited:?}: {out}"
    );
    assert!(!out.is_empty(), "answered once the database is back");
    let step = h
        .store
        .load_conversation::<FlowState>(&user("amina"))
        .await
        .unwrap();
    println!(
        "database outage: 5 s; answered after {:.1} s: {out}",
        waited.as_secs_f64()
    );

    // Nothing else arrives later, and the same event again changes nothing.
    assert_eq!(later(&h, Duration::minutes(5)).await, "", "answered once");
    h.app
        .receive_event(
            EventRef::new(Platform::Console, "$while-away"),
            dm("amina", "mentee"),
        )
        .await;
    assert!(h.rec.take().is_empty());
    assert_eq!(
        h.store.load_conversation(&user("amina")).await.unwrap(),
        step
    );
}

both_backends! {
    async fn a_prompt_queued_by_a_process_that_died_is_started_before_the_persons_next_message(db: TestDb) {
        // Amina applies and acknowledges the orientation; a coordinator then set it back to
        // pending, and the process recording it died after its commit, before starting
        // the prompt it queued.
        let h = Harness::new(&db).await;
        let id = ready_mentee(&h, "amina", "Amina").await;
        let now = h.app.now();
        let effects = [
            Effect::RecordStep {
                application_id: id,
                step_id: "orientation".into(),
                state: tandem::domain::screening::StepState::Pending,
                by: "console:carol".into(),
            },
            Effect::QueuePrompt {
            user: user("amina"),
            prompt: tandem::flows::Prompt::Acknowledge {
                application_id: id,
                programme: "pathways-2027".into(),
                step_id: "orientation".into(),
            },
        },
        ];
        let enqueue = crate::support::enqueued_by_a_dead_process("crashed-step", now);
        h.store
            .commit_step_with(&user("carol"), None, &StateChange::Unchanged, &effects, now, Some(&enqueue), None)
            .await
            .unwrap();
        // The next sweep (the first thing a process that starts again does) starts it, so
        // her "I agree" answers it rather than being read as something else.
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Orientation and code of conduct"), "{out}");
        let out = h.dm_all("amina", "I agree").await;
        assert!(!out.contains("works in your pair room"), "{out}");
        assert!(h.store.next_prompt(&user("amina")).await.unwrap().is_none(), "nothing is left waiting");
        assert!(h.store.stranded_prompt_holders(10).await.unwrap().is_empty());
    }
}
