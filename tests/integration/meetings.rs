//! Meeting times on both backends (#22.7): weekly availability in each member's own zone
//! (by DM and in the pair room), `meet` proposing times in both local times, a booking
//! posted with its calendar file, its reminder and "did you meet?" each once, a cancelled
//! one never reminded, what a pair logs counted in the coordinators' card, availability in
//! `my data` and gone with `delete my data`; and the console script.

use tandem::app::Clock;

use crate::console::{expect_lines, run_fixture_with};
use crate::pairing::active_match;
use crate::personal::my_data;
use crate::support::{Harness, room_message};

const ROOM: &str = "room-1";

both_backends! {
    async fn a_pair_books_a_time_both_are_free_is_reminded_once_and_logs_how_long_they_met(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await; // M1: Amina (in Nairobi) and Grace
        // In parts, each boxed: one future holding them all would outgrow a test's stack.
        Box::pin(found_and_booked(&h)).await;
        Box::pin(reminded_and_logged(&h)).await;
        Box::pin(cancelled_and_erased(&h)).await;
    }
}

both_backends! {
    async fn two_bookings_or_two_meetings_logged_by_a_pair_at_once_store_one(db: TestDb) {
        use tandem::flows::{Effect, FlowState, StateChange};
        use tandem::storage::CommitOutcome;
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let now = h.clock.now();
        // Each decided on the same read: neither had seen the other's.
        let commit = |effect: Effect| {
            let store = h.store.clone();
            async move {
                store
                    .commit_step::<FlowState>(&crate::support::user("amina"), None, &StateChange::Unchanged, &[effect], now)
                    .await
                    .unwrap()
            }
        };
        let book = |hours: i64| Effect::BookMeeting {
            match_id: 1,
            starts_at: now + chrono::Duration::hours(hours),
            minutes: 60,
            zones: ["UTC".into(), "UTC".into()],
            platform: tandem::domain::Platform::Console,
        };
        assert!(matches!(commit(book(30)).await, CommitOutcome::Committed { .. }));
        assert!(matches!(commit(book(54)).await, CommitOutcome::Conflict));
        let log = || Effect::LogMeeting {
            match_id: 1,
            meeting_id: None,
            held_minutes: Some(45),
        };
        assert!(matches!(commit(log()).await, CommitOutcome::Committed { .. }));
        assert!(matches!(commit(log()).await, CommitOutcome::Conflict));
        assert_eq!(h.store.meetings_of(1).await.unwrap().len(), 2);
    }
}

async fn found_and_booked(h: &Harness) {
    let out = h.dm_all("amina", "availability weekdays 18-20").await;
    assert!(out.contains("Saved: you're free Mon 18:00–20:00, Tue 18:00–20:00, Wed 18:00–20:00, Thu 18:00–20:00, Fri 18:00–20:00 (Africa/Nairobi)."), "{out}");
    let out = h.in_room("grace", ROOM, "!tandem meet").await;
    assert!(out.contains("Grace hasn't given them yet"), "{out}");
    // Grace gives her zone (Lagos, two hours behind Nairobi), then her week there.
    let out = h
        .in_room("grace", ROOM, "!tandem availability zone Lagos")
        .await;
    assert!(
        out.contains("Your time zone is Africa/Lagos. Now your free times each week"),
        "{out}"
    );
    h.in_room("grace", ROOM, "!tandem availability mon wed 16-19")
        .await;
    let out = h.in_room("amina", ROOM, "!tandem meet").await;
    assert!(out.contains("Times you're both free for 1h in the next two weeks:\n1. Wed 13 Jan, 18:00–19:00 for Amina (Africa/Nairobi) · Wed 13 Jan, 16:00–17:00 for Grace (Africa/Lagos)\n2. Mon 18 Jan"), "{out}");
    assert!(!out.contains("Mon 11 Jan"), "twelve hours' notice: {out}");

    h.rec.take();
    h.app
        .receive(room_message("grace", ROOM, "!tandem meet 1"))
        .await;
    let sent = h.rec.take();
    let file = sent
        .iter()
        .find_map(|s| s.message.attachment.clone())
        .expect("the calendar file");
    assert_eq!(
        (file.name.as_str(), file.mime.as_str()),
        ("meeting.ics", "text/calendar")
    );
    let ics = String::from_utf8(file.data).unwrap();
    assert!(
        ics.contains("DTSTART:20270113T150000Z\r\nDTEND:20270113T160000Z\r\n"),
        "{ics}"
    );
    assert!(ics.contains("UID:tandem-M1-20270113T1500Z@tandem"), "{ics}");
    assert!(
        sent[0]
            .message
            .text
            .starts_with("Booked: Wed 13 Jan, 18:00–19:00 for Amina (Africa/Nairobi)"),
        "{:?}",
        sent[0].message.text
    );

    let out = h.in_room("amina", ROOM, "!tandem meet 2").await;
    assert!(
        out.contains("You already have a meeting booked: Wed 13 Jan"),
        "{out}"
    );
}

async fn reminded_and_logged(h: &Harness) {
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    h.clock.advance(at("2027-01-13T14:00:00Z") - h.clock.now());
    let out = h.sweep().await;
    assert!(out.contains("Reminder: you meet in an hour, Wed 13 Jan, 18:00–19:00 for Amina (Africa/Nairobi) · Wed 13 Jan, 16:00–17:00 for Grace (Africa/Lagos)."), "{out}");
    assert!(!h.sweep().await.contains("Reminder"), "once");
    h.clock.advance(chrono::Duration::hours(3));
    let out = h.sweep().await;
    assert!(out.contains("Did you meet (Wed 13 Jan"), "{out}");
    assert!(!h.sweep().await.contains("Did you meet"), "once");

    let out = h.in_room("amina", ROOM, "!tandem met 1h15").await;
    assert!(out.contains("Logged: you met for 1h 15m. That's 1h 15m in the last 30 days, of the 2h a month your programme asks."), "{out}");
    // Grace answers too: the same meeting, corrected rather than counted twice.
    let out = h.in_room("grace", ROOM, "!tandem met 1h").await;
    assert!(
        out.contains("Updated your meeting of Wed 13 Jan, 18:00–19:00 for Amina (Africa/Nairobi) · Wed 13 Jan, 16:00–17:00 for Grace (Africa/Lagos): you met for 1h. That's 1h in the last 30 days"),
        "{out}"
    );
    // The next day, without a booking: a meeting that just happened.
    h.clock.advance(chrono::Duration::hours(30));
    let out = h.in_room("grace", ROOM, "!tandem met 1 hour").await;
    assert!(out.contains("Logged: you met for 1h. That's 2h in the last 30 days, the 2h a month your programme asks. Well done!"), "{out}");
    let out = h
        .in_room("carol", "coordinators", "!tandem match show M1")
        .await;
    assert!(out.contains("Meetings: 2 meetings logged; 2h in the last 30 days (the programme asks 2h a month: on track)"), "{out}");
    let out = h.in_room("carol", "coordinators", "!tandem report").await;
    assert!(out.contains("Meetings logged: 2 (2h); 1 of 1 active pair met the 2h a month the programme asks in the last 30 days."), "{out}");
    h.clock.advance(chrono::Duration::hours(30));
    let out = h.in_room("amina", ROOM, "!tandem met no").await;
    assert!(
        out.contains("There's no booked meeting to mark as missed"),
        "{out}"
    );
    let out = h.in_room("amina", ROOM, "!tandem met 9 hours").await;
    assert!(out.contains("A meeting is logged as 5m to 8h"), "{out}");
}

async fn cancelled_and_erased(h: &Harness) {
    let out = h.in_room("amina", ROOM, "!tandem meet").await;
    assert!(out.contains("1. Mon 18 Jan"), "{out}");
    h.in_room("amina", ROOM, "!tandem meet 1").await;
    let out = h.in_room("grace", ROOM, "!tandem meet cancel").await;
    assert!(
        out.contains("Grace cancelled your meeting of Mon 18 Jan"),
        "{out}"
    );
    h.clock.advance(chrono::Duration::days(6));
    let out = h.sweep().await;
    assert!(
        !out.contains("Reminder") && !out.contains("Did you meet"),
        "{out}"
    );

    // Times that never meet say so, and suggest keeping in touch in writing.
    h.in_room("grace", ROOM, "!tandem availability sun 6-7")
        .await;
    let out = h.in_room("amina", ROOM, "!tandem meet").await;
    assert!(out.contains("Your free times never overlap"), "{out}");
    assert!(
        out.contains("keep in touch here, each writing when it suits you"),
        "{out}"
    );

    // `my data` is not an answer to an open question: the data comes, and the question
    // is asked again. `idea` in a DM points to the pair room.
    let out = h.dm_all("amina", "idea").await;
    assert!(
        out.contains("“idea” works in your pair room, for both of you: type !tandem idea there."),
        "{out}"
    );
    let data = my_data(h, "amina").await;
    assert_eq!(
        data["weekly_availability"]["free_each_week"],
        "Mon 18:00–20:00, Tue 18:00–20:00, Wed 18:00–20:00, Thu 18:00–20:00, Fri 18:00–20:00"
    );
    assert_eq!(data["matches"][0]["meetings"].as_array().unwrap().len(), 3);
    h.dm_all("amina", "delete my data").await;
    h.dm_all("amina", "Yes, delete my data").await;
    let week = h
        .store
        .week_of(&crate::support::user("amina"))
        .await
        .unwrap();
    assert!(week.windows.is_empty(), "{week:?}");
}

#[test]
fn the_meeting_demo_script_finds_a_time_books_it_with_a_calendar_file_and_logs_it() {
    let (stdout, _) = run_fixture_with(
        "meeting_demo.txt",
        &[],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    expect_lines(
        &stdout,
        &[
            "[dm amina] Saved: you're free Mon 18:00–20:00, Tue 18:00–20:00, Wed 18:00–20:00, Thu 18:00–20:00, Fri 18:00–20:00, Sat 10:00–12:00 (Europe/London).",
            "[room amina-grace] To find a time I need each of your free times each week: Grace hasn't given them yet.",
            "[room amina-grace] Times you're both free for 1h in the next two weeks:\n  1. Wed 13 Jan, 18:00–19:00 for Amina (Europe/London) · Wed 13 Jan, 19:00–20:00 for Grace (Africa/Lagos)\n  2. Mon 18 Jan, 18:00–19:00 for Amina (Europe/London) · Mon 18 Jan, 19:00–20:00 for Grace (Africa/Lagos)",
            "[room amina-grace] Booked: Mon 18 Jan, 18:00–19:00 for Amina (Europe/London) · Mon 18 Jan, 19:00–20:00 for Grace (Africa/Lagos).",
            "📎 meeting.ics (text/calendar,",
            "[room amina-grace] Reminder: you meet in an hour, Mon 18 Jan",
            "[room amina-grace] Did you meet (Mon 18 Jan",
            "[room amina-grace] Logged: you met for 50m.",
            "Meetings: 1 meeting logged; 50m in the last 30 days (the programme asks 2h a month: 1h 10m short)",
            "Meetings: 2 meetings logged; 1h 20m in the last 30 days (the programme asks 2h a month: 40m short)",
            "[room amina-grace] Your free times never overlap:",
            "[dm amina] I couldn't read “whenever” in your times.",
            "[room amina-grace] A meeting is logged as 5m to 8h",
            "[dm amina] Meetings are arranged in your pair room",
        ],
    );
}
