//! Per-person rate limits, on both backends: a message over the limit is not handled and
//! changes nothing, the person is told once, and it works again after the window; a report
//! always gets through; expensive commands have their own hourly limit.

use crate::support::{Harness, dm, room_message, user};
use tandem::app::RateLimits;
use tandem::domain::{EventRef, Platform};
use tandem::flows::FlowState;

const TOO_FAST: &str = "You're sending messages faster than I can keep up with. Please wait a minute and send your last message again.";

both_backends! {
    async fn a_message_over_the_limit_is_answered_once_and_not_handled_until_the_minute_is_over(db: TestDb) {
        let h = Harness::with_settings(&db, |s| {
            s.limits = RateLimits { messages_per_minute: Some(3), expensive_per_hour: None };
        })
        .await;
        // Three messages in a minute (the harness's clock moves 3 s a message).
        h.dm_all("amina", "hello").await;
        h.dm_all("amina", "status").await;
        let out = h.dm_all("amina", "apply").await;
        assert!(out.contains("mentee"), "the application starts: {out}");
        let before = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap();
        let tables = h.store.dump_tables().await.unwrap();

        let out = h.dm_all("amina", "mentee").await;
        assert_eq!(out, format!("[dm amina] {TOO_FAST}"), "told once, and nothing else");
        assert_eq!(h.store.load_conversation(&user("amina")).await.unwrap(), before);
        let out = h.dm_all("amina", "mentee").await;
        assert_eq!(out, "", "not told again within the minute");
        // A platform event over the limit is recorded as handled: a catch-up does not
        // replay it later.
        let event = EventRef::new(Platform::Console, "$over-the-limit");
        h.app.receive_event(event.clone(), dm("amina", "mentee")).await;
        assert!(h.rec.take().is_empty());
        assert!(h.app.already_handled(&event).await);
        let mut after = h.store.dump_tables().await.unwrap();
        after.retain(|(table, _)| table != "inbound_events");
        let mut tables = tables;
        tables.retain(|(table, _)| table != "inbound_events");
        assert_eq!(after, tables, "nothing else changed");
        assert_eq!(h.store.load_conversation(&user("amina")).await.unwrap(), before);
        // Someone else is not held back by her.
        let out = h.dm_all("grace", "status").await;
        assert!(out.contains("You have no applications yet"), "{out}");

        // A minute after her first message she can go on where she was.
        h.clock.advance(chrono::Duration::seconds(60));
        let out = h.dm_all("amina", "mentee").await;
        assert!(!out.contains(TOO_FAST), "{out}");
        assert_ne!(h.store.load_conversation(&user("amina")).await.unwrap(), before, "the answer is taken");
    }

    async fn a_report_always_gets_through_over_the_limit_and_so_does_everything_written_in_it(db: TestDb) {
        let h = Harness::with_settings(&db, |s| {
            s.limits = RateLimits { messages_per_minute: Some(2), expensive_per_hour: Some(1) };
        })
        .await;
        h.dm_all("amina", "hello").await;
        h.dm_all("amina", "status").await;
        let out = h.dm_all("amina", "help").await;
        assert!(out.contains(TOO_FAST), "{out}");
        let out = h.dm_all("amina", "report").await;
        assert!(out.contains("I'm sorry something has happened."), "{out}");
        for line in ["1", "Tom", "no", "He sent me messages at 2am calling me names after our session.", "skip", "no", "yes"] {
            let out = h.dm_all("amina", line).await;
            assert!(!out.contains(TOO_FAST) && !out.is_empty(), "{line}: {out}");
        }
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("Your report is case #1."), "{out}");
        // Her answer to a moderator's question gets through too.
        h.in_room("mo", "moderators", "!tandem case ask 1 When did it start?").await;
        let out = h.dm_all("amina", "Last Tuesday.").await;
        assert!(out.contains("Reply from the reporter of case #1"), "{out}");
        // Out of the report the limit holds again (and she was told this minute already).
        let out = h.dm_all("amina", "status").await;
        assert_eq!(out, "");

        // From a room too: `!tandem report` starts a report in the DM over the limit.
        h.in_room("lee", "room-7", "!tandem help").await;
        h.in_room("lee", "room-7", "!tandem status").await;
        let out = h.in_room("lee", "room-7", "!tandem status").await;
        assert!(out.contains(&format!("[room room-7] {TOO_FAST}")), "{out}");
        let out = h.in_room("lee", "room-7", "!tandem report").await;
        assert!(out.contains("[dm lee] I'm sorry something has happened."), "{out}");
        // Talk in a pair room that is not for the bot is never counted.
        for _ in 0..5 {
            assert_eq!(h.in_room("grace", "room-7", "see you on Thursday!").await, "");
        }
        let out = h.in_room("grace", "room-7", "!tandem status").await;
        assert!(!out.contains(TOO_FAST), "{out}");
    }

    async fn an_expensive_command_over_its_hourly_limit_is_refused_until_the_hour_is_over(db: TestDb) {
        let h = Harness::with_settings(&db, |s| {
            s.limits = RateLimits { messages_per_minute: Some(20), expensive_per_hour: Some(1) };
        })
        .await;
        h.rec.take();
        h.app.receive(dm("amina", "my data")).await;
        assert!(h.rec.take().iter().any(|s| s.message.attachment.is_some()), "the data file");
        h.clock.advance(chrono::Duration::minutes(30));
        let out = h.dm_all("amina", "my data").await;
        assert_eq!(out, "[dm amina] I can send this at most once an hour; please try again later.");
        let out = h.dm_all("amina", "transcript").await;
        assert!(out.contains("at most once an hour"), "a transcript is expensive too: {out}");
        let out = h.dm_all("amina", "status").await;
        assert!(out.contains("You have no applications yet"), "other messages go on: {out}");
        h.clock.advance(chrono::Duration::minutes(30));
        h.rec.take();
        h.app.receive(dm("amina", "my data")).await;
        assert!(h.rec.take().iter().any(|s| s.message.attachment.is_some()), "an hour later");

        // A coordinator's figures and exports share the limit.
        h.rec.take();
        h.app.receive(room_message("carol", "coordinators", "!tandem report")).await;
        assert!(h.rec.take().iter().any(|s| s.message.attachment.is_some()), "the chart");
        let out = h.in_room("carol", "coordinators", "!tandem export applications").await;
        assert_eq!(out, "[room coordinators] I can send this at most once an hour; please try again later.");
        let out = h.in_room("carol", "coordinators", "!tandem queue").await;
        assert!(!out.contains("at most once"), "cheap commands go on: {out}");
    }
}
