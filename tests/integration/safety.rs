//! A pair-room safety policy's storage (`safety_flags`, `safety_reminders`), on both
//! backends: flags recorded with their excerpt only, decided once by the coordinators,
//! and a kind reminder sent at most once a day.

use chrono::{Duration, NaiveDate};
use tandem::domain::safety::{FlagStatus, Kind, NewFlag};
use tandem::storage::Store;

use crate::support::{start_time, user};

fn new_flag(match_id: i64, sender: &str, kind: Kind, excerpt: &str, minutes: i64) -> NewFlag {
    NewFlag {
        programme: "pathways-2027".into(),
        match_id,
        sender: user(sender),
        kind,
        excerpt: excerpt.into(),
        at: start_time() + Duration::minutes(minutes),
    }
}

both_backends! {
    async fn safety_flags_are_recorded_open_and_read_by_match_programme_and_sender(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ids = store
            .record_safety_flags(&[
                new_flag(3, "max", Kind::Phone, "my number is 555 1234 ok", 0),
                new_flag(3, "max", Kind::Social, "add me on snap", 5),
                new_flag(4, "matrix:@ana:example.org", Kind::Night, "", 10),
            ])
            .await
            .unwrap();
        assert_eq!(ids.len(), 3);
        let first = store.safety_flag(ids[0]).await.unwrap().expect("the flag");
        assert_eq!(first.kind, Kind::Phone);
        assert_eq!(first.excerpt, "my number is 555 1234 ok");
        assert_eq!(first.status, FlagStatus::Open);
        assert_eq!(first.sender, user("max"));
        assert_eq!(first.at, start_time());
        assert_eq!(first.decided, None);
        let of_match: Vec<Kind> = store
            .safety_flags_of_match(3)
            .await
            .unwrap()
            .iter()
            .map(|f| f.kind)
            .collect();
        assert_eq!(of_match, vec![Kind::Phone, Kind::Social]);
        assert_eq!(store.open_safety_flags("pathways-2027").await.unwrap().len(), 3);
        assert!(store.open_safety_flags("other").await.unwrap().is_empty());
        let ana = store.safety_flags_sent_by(&user("matrix:@ana:example.org")).await.unwrap();
        assert_eq!(ana.len(), 1);
        assert_eq!(ana[0].match_id, 4);
        assert!(store.safety_flag(999).await.unwrap().is_none());
    }

    async fn a_safety_flag_is_decided_once_and_a_noted_one_may_still_become_a_case(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ids = store
            .record_safety_flags(&[
                new_flag(3, "max", Kind::Phone, "call 555 1234", 0),
                new_flag(3, "max", Kind::Photos, "send me a pic", 1),
            ])
            .await
            .unwrap();
        let carol = user("carol");
        let later = start_time() + Duration::hours(1);
        let dismissed = store
            .decide_safety_flag(ids[0], FlagStatus::Dismissed, Some("his school's number"), &carol, later)
            .await
            .unwrap()
            .expect("decided");
        assert_eq!(dismissed.status, FlagStatus::Dismissed);
        assert_eq!(dismissed.note.as_deref(), Some("his school's number"));
        assert_eq!(dismissed.decided, Some((carol.clone(), later)));
        assert!(
            store
                .decide_safety_flag(ids[0], FlagStatus::Noted, None, &carol, later)
                .await
                .unwrap()
                .is_none(),
            "a dismissed flag is settled"
        );
        let noted = store
            .decide_safety_flag(ids[1], FlagStatus::Noted, Some("talk to him"), &carol, later)
            .await
            .unwrap()
            .expect("noted");
        assert_eq!(noted.status, FlagStatus::Noted);
        let case = store
            .decide_safety_flag(ids[1], FlagStatus::Case(12), None, &user("dev"), later)
            .await
            .unwrap()
            .expect("made a case");
        assert_eq!(case.status, FlagStatus::Case(12));
        assert_eq!(case.note.as_deref(), Some("talk to him"), "the note is kept");
        assert_eq!(case.decided.map(|(by, _)| by), Some(user("dev")));
        assert!(store.open_safety_flags("pathways-2027").await.unwrap().is_empty());
        assert!(
            store
                .decide_safety_flag(999, FlagStatus::Dismissed, None, &carol, later)
                .await
                .unwrap()
                .is_none()
        );
    }

    async fn a_kind_reminder_is_claimed_once_a_day_per_sender_and_kind(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let day = NaiveDate::from_ymd_opt(2027, 1, 11).unwrap();
        let max = user("max");
        let now = start_time();
        assert!(store.claim_safety_reminder(&max, Kind::Phone, day, now).await.unwrap());
        assert!(!store.claim_safety_reminder(&max, Kind::Phone, day, now).await.unwrap());
        assert!(store.claim_safety_reminder(&max, Kind::Social, day, now).await.unwrap());
        assert!(store.claim_safety_reminder(&user("ana"), Kind::Phone, day, now).await.unwrap());
        let next = day.succ_opt().unwrap();
        let tomorrow = now + Duration::days(1);
        assert!(store.claim_safety_reminder(&max, Kind::Phone, next, tomorrow).await.unwrap());
        assert_eq!(store.forget_safety_reminders(now + Duration::hours(1)).await.unwrap(), 3);
        assert!(!store.claim_safety_reminder(&max, Kind::Phone, next, tomorrow).await.unwrap());
    }
}

#[test]
fn the_safety_demo_flags_a_phone_number_and_an_invitation_counts_the_night_and_passes_over_the_rest()
 {
    let (stdout, _) = crate::console::run_fixture_with(
        "safety_demo.txt",
        &["--config", "tests/fixtures/safety/tandem.toml"],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    crate::console::expect_lines(
        &stdout,
        &[
            // The kickoff tells both of the policy.
            "Bright Futures looks after its pair rooms: messages that share contact details, move the conversation to another app, ask for photos or for secrecy, or are sent at night are shown to the coordinators (only a few words around what was found).",
            "[dm sam] A gentle reminder from Bright Futures: for everyone's safety, the programme's conversations stay here, not on other apps or social networks.",
            "[room coordinators] Safety flag F1 in match M1: another app or social network from Sam, 2027-01-11 09:00 UTC.\n  “… to meet you Amina! Add me on snap: sam_mentor99 it's easier”",
            "[dm sam] A gentle reminder from Bright Futures: for everyone's safety, please keep phone numbers out of your messages",
            "[room coordinators] Safety flag F2 in match M1: a phone number from Sam, 2027-01-11 09:00 UTC.\n  “or call me on 07700 900123 any time”",
            "[dm sam] A gentle reminder from Bright Futures: please keep messages to daytime hours in your partner's time zone.",
            "[room coordinators] Safety flag F3 in match M1: a phone number from Sam, 2027-01-11 22:00 UTC.\n  “… tomorrow, text me at 07700 900456”",
            "[room coordinators] Safety flag F4 in match M1: a message at night from Sam, 2027-01-11 22:00 UTC.",
            // Four flags in a month, none dismissed: the match is at risk.
            "[room coordinators] M1 · Bright Futures · active · at risk: 4 safety flags in 30 days",
            // Carol works them: the list, oldest first.
            "[room coordinators] 4 open safety flags, oldest first:\n  Safety flag F1 in match M1: another app or social network from Sam, 2027-01-11 09:00 UTC.",
            "[room coordinators] F4 is dismissed: it no longer counts towards M1's health.",
            "[room coordinators] F3 is noted: it still counts towards M1's health.",
            "[room coordinators] F1 is now a case for the moderators, with its excerpt as evidence.",
            // The case reaches the moderators with the excerpt as the platform's copy, and
            // its number reaches Carol.
            "[dm carol] Thank you. Your report is case #1.",
            "[room moderators] Case #1 · A safeguarding concern about a young person · SAFEGUARDING · open\n  Reported by: console:carol, 11 Jan 2027 22:00 UTC\n  Concerns: Sam (console:sam)\n  Reported from room: amina-sam\n  What happened: Pair-room safety flag F1 (another app or social network) in match M1, sent 11 Jan 2027 09:00 UTC. The coordinator's note: asked her to move to Snapchat\n  Reported message, as Tandem copied it: Sam, 11 Jan 2027 09:00 UTC: “… to meet you Amina! Add me on snap: sam_mentor99 it's easier”",
            // Decided already: nothing changes.
            "[room coordinators] F1 has been decided already: nothing changed.\n  Made case #1 by carol on 2027-01-11.\n  Note: asked her to move to Snapchat",
            "[room coordinators] Safety flag F1 in match M1",
            // The dismissed flag no longer counts.
            "[room coordinators] M1 · Bright Futures · active · at risk: 3 safety flags in 30 days",
            "[room moderators] Case #1",
        ],
    );
    // The policy is told to each applicant when they apply, and to both in the kickoff.
    assert_eq!(
        stdout
            .matches("Bright Futures looks after its pair rooms")
            .count(),
        3,
        "{stdout}"
    );
    // Once per kind a day: one reminder of phone numbers for two.
    assert_eq!(
        stdout.matches("keep phone numbers out").count(),
        1,
        "{stdout}"
    );
    // Amina's score, time, date and the programme's own link are not flagged.
    assert!(!stdout.contains("from Amina"), "{stdout}");
    assert!(!stdout.contains("[dm amina] A gentle reminder"), "{stdout}");
    // A card per flag, each once.
    for flag in 1..=4 {
        assert_eq!(
            stdout
                .matches(&format!(
                    "[room coordinators] Safety flag F{flag} in match M1"
                ))
                .count(),
            1 + usize::from(flag == 1),
            "F{flag}: its card (and for F1, `flag F1`): {stdout}"
        );
    }
    // The case's card and Mo's `case show 1`: one case.
    assert_eq!(
        stdout.matches("[room moderators] Case #1").count(),
        2,
        "{stdout}"
    );
}

both_backends! {
    async fn a_pair_room_message_delivered_twice_is_flagged_once_and_its_card_and_reminder_go_once(db: TestDb) {
        use tandem::chat::{Content, Inbound};
        use tandem::domain::{EventRef, Place, Platform, RoomRef};
        let mut programmes = crate::support::example_programmes();
        programmes[0].safety = Some(tandem::domain::safety::Policy::everything());
        let h = crate::support::Harness::with_programmes(&db, programmes).await;
        crate::pairing::active_match(&h).await; // match 1: Amina and Grace, room-1
        let said = |text: &str| Inbound {
            from: user("grace"),
            place: Place::Room(RoomRef::new(Platform::Console, "room-1")),
            content: Content::Text(text.into()),
            files: vec![],
        };
        let event = |id: &str| EventRef::new(Platform::Console, id);
        h.rec.take();
        h.app.receive_event(event("e1"), said("call me on 07700 900123 after school")).await;
        let first = crate::support::transcript(&h.rec.take());
        assert_eq!(first.matches("Safety flag F1 in match M1: a phone number from Grace").count(), 1, "{first}");
        assert_eq!(first.matches("[dm grace] A gentle reminder").count(), 1, "{first}");
        // Delivered again (a replayed sync, a catch-up read): no second flag, card or reminder.
        h.app.receive_event(event("e1"), said("call me on 07700 900123 after school")).await;
        let again = crate::support::transcript(&h.rec.take());
        assert!(!again.contains("Safety flag") && !again.contains("gentle reminder"), "{again}");
        assert_eq!(h.store.safety_flags_of_match(1).await.unwrap().len(), 1);
        // Another message of the same kind the same day: a card, and no second reminder.
        h.app.receive_event(event("e2"), said("or 07700 900124 if that one is busy")).await;
        let second = crate::support::transcript(&h.rec.take());
        assert!(second.contains("Safety flag F2 in match M1: a phone number from Grace"), "{second}");
        assert!(!second.contains("gentle reminder"), "{second}");
        assert_eq!(h.store.safety_flags_of_match(1).await.unwrap().len(), 2);
    }
}
