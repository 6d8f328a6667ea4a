//! Group events on both backends: a weekly series created in one line, announced with RSVP,
//! answered by button (a pick in the room) and by typing, full sessions, reminders with the
//! reader's own time, who's coming, cancellation, and the refusals.

use tandem::domain::events::NewEvent;
use tandem::domain::{Place, Platform, RoomRef};
use tandem::flows::{Content, Effect, Inbound, StateChange};

use crate::support::{Harness, user};

const ROOM: &str = "coordinators";

fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// Someone presses an RSVP button (or reacts) on announcement `n` in the events room.
async fn press(h: &Harness, who: &str, n: i64, answer: &str) -> String {
    h.rec.take();
    h.app
        .receive(Inbound {
            from: user(who),
            place: Place::Room(RoomRef::new(Platform::Console, "events")),
            content: Content::Picked {
                prompt_ref: Some(format!("rsvp:{n}")),
                values: vec![answer.to_string()],
            },
            files: vec![],
        })
        .await;
    crate::support::transcript(&h.rec.take())
}

/// Moves the clock and runs what is due.
async fn at(h: &Harness, time: &str) -> String {
    h.clock.set(utc(time));
    h.sweep().await
}

both_backends! {
    async fn a_weekly_series_is_announced_answered_reminded_and_cancelled(db: TestDb) {
        let h = Harness::new(&db).await;
        let out = h.in_room("carol", ROOM, "!tandem event create title: CV workshop; start: 2027-01-20 18:00 Europe/London; length: 90m; capacity: 1; repeat: 0 18 * * WED until 2027-01-27; description: Bring your CV.").await;
        assert!(out.contains("[room coordinators] Event created: CV workshop — 2 sessions, each announced in console:events with RSVP 7 days before it (at once if sooner)"), "{out}");
        assert!(out.contains("#1 Wed 20 Jan 2027, 18:00 Europe/London (18:00 UTC)\n#2 Wed 27 Jan 2027, 18:00 Europe/London (18:00 UTC)"), "{out}");

        // A week before: the announcement, with the RSVP choices.
        let out = at(&h, "2027-01-13T18:00:00Z").await;
        assert!(out.contains("[room events] 📅 CV workshop — Wed 20 Jan 2027, 18:00 Europe/London (18:00 UTC)\n90 minutes. Places: 1.\nBring your CV."), "{out}");
        let announced = h.rec.all();
        assert!(announced.is_empty(), "the transcript was taken");

        // Answers by button: the first yes takes the only place; the next is refused kindly.
        let out = press(&h, "amina", 1, "yes").await;
        assert_eq!(out, "[dm amina] You're going to CV workshop — Wed 20 Jan 2027, 18:00 Europe/London (18:00 UTC). I'll remind you before it starts.");
        let out = press(&h, "bea", 1, "yes").await;
        assert!(out.contains("[dm bea] Sorry, CV workshop is full (1 place)."), "{out}");
        let out = press(&h, "bea", 1, "maybe").await;
        assert!(out.contains("[dm bea] Noted as maybe"), "{out}");
        // Changing one's mind keeps one answer.
        press(&h, "amina", 1, "yes").await;
        let out = h.in_room("carol", ROOM, "!tandem event show 1").await;
        assert!(out.contains("1 yes, 1 maybe, 0 no (1 place)\nComing: amina\nMaybe: bea"), "{out}");

        // Reminders only to those who said yes; Amina's zone is not known, so just the event's.
        let out = at(&h, "2027-01-19T18:00:00Z").await;
        assert_eq!(out, "[dm amina] Reminder: CV workshop starts in 24 hours, Wed 20 Jan 2027, 18:00 Europe/London (18:00 UTC).");
        let out = at(&h, "2027-01-20T17:00:00Z").await;
        assert!(out.contains("[dm amina] Reminder: CV workshop starts in 1 hour"), "{out}");
        assert!(!out.contains("[dm bea]"), "{out}");

        // Typed answers work too; then the second session is cancelled.
        let out = h.dm_all("bea", "rsvp 2 yes").await;
        assert!(out.contains("[dm bea] You're going to CV workshop — Wed 27 Jan 2027"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem events").await;
        assert!(out.contains("Upcoming events (2):\n#1 CV workshop — Wed 20 Jan 2027, 18:00 Europe/London (18:00 UTC) · 1 yes, 1 maybe, 0 no (1 place)\n#2 CV workshop — Wed 27 Jan 2027, 18:00 Europe/London (18:00 UTC) · 1 yes, 0 maybe, 0 no (1 place)"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem event cancel 2 The room is double-booked").await;
        assert!(out.contains("[dm bea] Cancelled: CV workshop — Wed 27 Jan 2027, 18:00 Europe/London (18:00 UTC). Reason: The room is double-booked. Sorry for the change."), "{out}");
        assert!(out.contains("[room events] Cancelled: CV workshop"), "{out}");
        assert!(out.contains("[room coordinators] Event #2 cancelled by carol; 1 person who said yes or maybe was told."), "{out}");
        assert!(h.store.pending_jobs_of("event:2").await.unwrap().is_empty(), "its announcement and reminders are dropped");
        let out = press(&h, "amina", 2, "yes").await;
        assert!(out.contains("was cancelled, so there is nothing to answer"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem event cancel 2").await;
        assert!(out.contains("Event #2 was already cancelled."), "{out}");
        // Nothing more happens for the cancelled session.
        let out = at(&h, "2027-01-27T18:00:00Z").await;
        assert!(!out.contains("CV workshop"), "{out}");
    }

    async fn an_event_created_while_the_platform_is_down_is_told_once_it_is_back(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.set_down(true);
        let out = h.in_room("carol", ROOM, "!tandem event create title: Social; start: 2027-02-03 18:00 UTC; length: 1h").await;
        assert_eq!(out, "", "nothing gets through");
        // Stored with the session: its announcement and both reminders.
        let jobs = h.store.pending_jobs_of("event:1").await.unwrap();
        assert_eq!(jobs.len(), 3, "{jobs:?}");
        h.rec.set_down(false);
        h.clock.advance(chrono::Duration::minutes(10));
        h.app.dispatch_due().await.unwrap();
        let out = crate::support::transcript(&h.rec.take());
        assert!(out.starts_with("[room coordinators] Event created: Social — 1 session"), "{out}");
        assert!(out.contains("#1 Wed 3 Feb 2027, 18:00 UTC"), "{out}");
        h.clock.advance(chrono::Duration::minutes(10));
        h.app.dispatch_due().await.unwrap();
        assert!(h.rec.take().is_empty(), "told once");
    }

    async fn a_step_that_creates_an_event_stores_its_jobs_and_its_notice_with_it(db: TestDb) {
        // A process that recorded `event create` and died at once: nothing after the
        // commit ran, yet the session's jobs are there and the coordinators are told.
        let h = Harness::new(&db).await;
        let now = h.app.now();
        let room = RoomRef::new(Platform::Console, ROOM);
        let event = NewEvent {
            title: "Social".into(),
            description: String::new(),
            starts_at: now + chrono::Duration::days(30),
            zone: "UTC".into(),
            duration_minutes: 60,
            room: RoomRef::new(Platform::Console, "events"),
            capacity: None,
            created_by: user("carol"),
        };
        let effects = [Effect::StoreEvents {
            events: vec![event],
            reminders: vec![chrono::Duration::hours(1)],
            tell: room,
        }];
        let enqueue = crate::support::enqueued_by_a_dead_process("crashed-event", now);
        h.store
            .commit_step_with(&user("carol"), None, &StateChange::Unchanged, &effects, now, Some(&enqueue), None)
            .await
            .unwrap();
        let jobs = h.store.pending_jobs_of("event:1").await.unwrap();
        let kinds: Vec<&str> = jobs.iter().map(|(kind, ..)| kind.as_str()).collect();
        assert_eq!(kinds, ["event_announce", "event_reminder"]);
        assert_eq!(jobs[0].1, now + chrono::Duration::days(23), "a week before");
        h.clock.advance(chrono::Duration::minutes(3));
        h.app.dispatch_due().await.unwrap();
        let sent = h.rec.take();
        assert!(crate::support::transcript(&sent).starts_with("[room coordinators] Event created: Social — 1 session"));
        assert_eq!(sent[0].key.0, "crashed-event-a0", "under the key fixed with the step");
    }

    async fn bad_event_commands_get_a_reason_and_change_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        for (line, reason) in [
            ("!tandem event create title: X; start: 2027-02-03 18:00 Mars/Olympus", "start: I don't know the time zone"),
            ("!tandem event create title: X; start: 2026-02-03 18:00 UTC", "is in the past"),
            ("!tandem event create title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 31 2 * until 2027-12-31", "never fires"),
            ("!tandem event create title: X; start: 2027-02-03 18:00 UTC; repeat: */5 * * * * until 2027-03-01", "at most once a day"),
            ("!tandem event create title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 * * * until 2027-01-01", "before it starts"),
            ("!tandem event show 9", "There is no event #9."),
        ] {
            let out = h.in_room("carol", ROOM, line).await;
            assert!(out.contains(reason), "{line}: {out}");
        }
        let out = h.in_room("bob", ROOM, "!tandem event create title: X; start: 2027-02-03 18:00 UTC").await;
        assert!(out.contains("only a programme's coordinators can manage events"), "{out}");
        let out = h.in_room("carol", "lobby", "!tandem event create title: X; start: 2027-02-03 18:00 UTC").await;
        assert!(out.contains("Event commands work in the coordinators' room."), "{out}");
        let out = h.dm_all("amina", "rsvp 9 yes").await;
        assert!(out.contains("There is no event #9."), "{out}");
        let out = h.dm_all("amina", "rsvp 1 perhaps").await;
        assert!(out.contains("To answer an invitation, type rsvp, the event's number and yes, no or maybe"), "{out}");
        assert!(h.store.upcoming_events(h.app.now(), 10).await.unwrap().is_empty());
    }

    async fn an_invitation_is_answered_and_reminded_in_each_readers_language(db: TestDb) {
        let h = Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        h.dm_all("bea", "language ar").await;
        h.in_room("carol", ROOM, "!tandem event create title: CV workshop; start: 2027-01-20 18:00 Europe/London; length: 90m; capacity: 1").await;
        at(&h, "2027-01-13T18:00:00Z").await;
        // Answered in Spanish words, answered in Spanish.
        let out = h.dm_all("amina", "rsvp 1 sí").await;
        assert_eq!(out, "[dm amina] Vas a CV workshop — mié 20 ene 2027, 18:00 Europe/London (18:00 UTC). Te lo recordaré antes de que empiece.");
        // Full, in Arabic; and "maybe" in Arabic is an answer.
        let out = press(&h, "bea", 1, "yes").await;
        // (Values in an Arabic sentence are isolated, U+2068…U+2069.)
        assert!(out.contains("[dm bea] عذرًا، \u{2068}CV workshop\u{2069} مكتملة (\u{2068}مكان واحد\u{2069})."), "{out}");
        let out = h.dm_all("bea", "rsvp 1 ربما").await;
        assert!(out.contains("سُجّل ردّك «ربما» على \u{2068}CV workshop\u{2069}"), "{out}");
        assert!(out.contains("الأربعاء"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem event show 1").await;
        assert!(out.contains("1 yes, 1 maybe, 0 no (1 place)\nComing: amina\nMaybe: bea"), "{out}");
        // The reminder, in Spanish.
        let out = at(&h, "2027-01-19T18:00:00Z").await;
        assert_eq!(out, "[dm amina] Recordatorio: CV workshop empieza dentro de 24 horas, mié 20 ene 2027, 18:00 Europe/London (18:00 UTC).");
        // A cancellation tells each in their language.
        let out = h.in_room("carol", ROOM, "!tandem event cancel 1 The room is double-booked").await;
        assert!(out.contains("[dm amina] Cancelado: CV workshop — mié 20 ene 2027, 18:00 Europe/London (18:00 UTC). Motivo: The room is double-booked. Perdona el cambio."), "{out}");
        assert!(out.contains("[dm bea] أُلغيت: \u{2068}CV workshop\u{2069}"), "{out}");
        assert!(out.contains("[room coordinators] Event #1 cancelled by carol; 2 people who said yes or maybe were told."), "{out}");
    }
}
