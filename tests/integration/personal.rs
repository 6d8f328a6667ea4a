//! A person's own data on both backends: `my data` sends everything as a JSON file, and
//! `delete my data` (confirmed) ends their match kindly and leaves no personal data in any
//! table, while the programme's figures keep a nameless count.

use tandem::platforms::recording::Target;

use tandem::domain::screening::StepState;

use crate::pairing::{active_match, ready_mentee, ready_mentor};
use crate::support::{Harness, MENTOR_ANSWERS, user};

const ROOM: &str = "coordinators";
const MODS: &str = "moderators";

/// The rows of one table, each as text.
async fn rows(h: &Harness, table: &str) -> Vec<String> {
    h.store
        .dump_tables()
        .await
        .unwrap()
        .into_iter()
        .find(|(t, _)| t == table)
        .unwrap()
        .1
}

/// Past the six years the harness keeps safeguarding records.
fn past_the_retention() -> chrono::Duration {
    chrono::Duration::days(6 * 366)
}

/// Asks for `my data` and returns the JSON file that comes back.
pub(crate) async fn my_data(h: &Harness, who: &str) -> serde_json::Value {
    h.rec.take();
    h.app.receive(crate::support::dm(who, "my data")).await;
    let file = h
        .rec
        .take()
        .into_iter()
        .filter(|s| s.target == Target::Dm(user(who)))
        .find_map(|s| s.message.attachment)
        .expect("a file");
    assert_eq!(file.mime, "application/json");
    assert_eq!(file.name, format!("tandem-data-{who}.json"));
    serde_json::from_slice(&file.data).expect("JSON")
}

/// Every value Amina gave or is known by, which must not survive her erasure.
const AMINA: &[&str] = &[
    "amina",
    "Amina",
    "I volunteered at the library homework club",
    "I want a CV I'm proud of",
];

both_backends! {
    async fn a_coordinators_note_is_on_the_card_and_in_my_data_never_messaged_and_deleted_with_the_person(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let amina = h.store.applications_of(&user("amina")).await.unwrap()[0].id;
        let out = h.in_room("carol", ROOM, &format!("!tandem note A{amina} Prefers evening calls")).await;
        assert!(out.contains(&format!("[room coordinators] Note added to A{amina} (Amina)")), "{out}");
        assert!(!out.contains("[dm amina]"), "a note is never sent to her: {out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem show A{amina}")).await;
        assert!(out.contains("Note by console:carol on "), "{out}");
        assert!(out.contains(": Prefers evening calls"), "{out}");
        let data = my_data(&h, "amina").await;
        assert_eq!(data["applications"][0]["coordinators_notes"][0]["note"], "Prefers evening calls");
        assert_eq!(rows(&h, "application_notes").await.len(), 1);
        h.dm_all("amina", "delete my data").await;
        h.dm_all("amina", "Yes, delete my data").await;
        assert!(rows(&h, "application_notes").await.is_empty(), "deleted with her data");
    }

    async fn pair_room_talk_leaves_only_its_time_written_behind_and_an_erasure_writes_it_under_the_pseudonym(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let out = h.in_room("amina", "room-1", "Hi Grace! When suits you for a first call?").await;
        assert_eq!(out, "", "talk in a pair room is never answered");
        assert!(rows(&h, "pair_activity").await.is_empty(), "noted in memory, not written yet");
        assert_eq!(h.store.flush_pair_activity().await.unwrap(), 1);
        let written = rows(&h, "pair_activity").await;
        assert_eq!(written.len(), 1);
        assert!(written[0].contains("amina") && !written[0].contains("first call"), "the time, never the text: {written:?}");
        // Noted again, then erased before any flush: the buffered time goes in with the
        // erasure, under the pseudonym, and nothing brings her id back afterwards.
        h.in_room("amina", "room-1", "Thursday works").await;
        h.dm_all("amina", "delete my data").await;
        h.dm_all("amina", "Yes, delete my data").await;
        h.store.flush_pair_activity().await.unwrap();
        let written = rows(&h, "pair_activity").await;
        assert!(!written.is_empty() && written.iter().all(|r| !r.contains("amina")), "{written:?}");
    }

    async fn my_data_is_sent_as_a_file_and_delete_my_data_leaves_nothing_behind(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.clock.advance(chrono::Duration::days(15));
        h.sweep().await;
        h.dm_all("amina", "1").await;
        h.dm_all("grace", "1").await;
        h.in_room("carol", ROOM, "!tandem event create title: CV clinic; start: 2027-03-03 18:00 Europe/London; length: 1h").await;
        h.dm_all("amina", "rsvp 1 yes").await;
        h.dm_all("grace", "rsvp 1 maybe").await;
        // A report she makes, naming herself in it.
        h.in_room("amina", "room-1", "!tandem report").await;
        for line in ["2", "Tom", "no", "He keeps asking to meet me alone, Amina says.", "skip", "no", "no", "yes"] {
            h.dm_all("amina", line).await;
        }

        let data = my_data(&h, "amina").await;
        assert_eq!(data["person"], "console:amina");
        assert_eq!(data["applications"][0]["role"], "mentee");
        assert_eq!(data["applications"][0]["answers"]["name"]["value"], "Amina");
        assert_eq!(data["matches"][0]["partner"], "Grace");
        assert_eq!(data["matches"][0]["check_ins"][0]["your_answer"], "met");
        assert_eq!(data["events"][0]["your_answer"], "yes");
        assert_eq!(data["reports_you_made"].as_array().map(Vec::len), Some(1));
        assert!(data["surveys"]["anonymous_answers"].as_str().unwrap().contains("cannot be found"));

        // Deleting asks first; no keeps everything.
        let out = h.dm_all("amina", "delete my data").await;
        assert!(out.contains("Do you want me to delete your data? This erases your applications and answers, ends your match (your partner will be told kindly and offered a new one)"), "{out}");
        let out = h.dm_all("amina", "no").await;
        assert!(out.contains("All right: nothing was deleted."), "{out}");
        assert_eq!(h.store.applications_of(&user("amina")).await.unwrap().len(), 1);

        h.dm_all("amina", "delete my data").await;
        let out = h.dm_all("amina", "Yes, delete my data").await;
        assert!(out.contains("[dm amina] Done: your data has been deleted"), "{out}");
        assert!(out.contains("[dm grace] Your mentoring with Amina has come to an end: Amina isn't able to continue. This is nobody's fault"), "{out}");
        assert!(out.contains("[dm grace] Would you like to be matched with someone new, or take a break for now?"), "{out}");
        assert!(out.contains("[room room-1] This mentoring has ended"), "{out}");
        assert!(out.contains("[room coordinators] A participant (application A1 (mentee)) asked for their data to be deleted, and it has been; match M1 was closed"), "{out}");
        assert!(!out.contains("[dm amina] Would you like"), "{out}");

        // Nothing of hers is left in any table.
        for (table, rows) in h.store.dump_tables().await.unwrap() {
            for row in rows {
                for value in AMINA {
                    assert!(!row.contains(value), "{value} in {table}: {row}");
                }
            }
        }
        // Her report stays with the moderators (safeguarding), without her name.
        let cases = h.store.dump_tables().await.unwrap().into_iter().find(|(t, _)| t == "cases").unwrap().1;
        assert!(cases[0].contains("He keeps asking to meet me alone, [erased] says."), "{cases:?}");
        // Grace's data is untouched, and the figures keep a nameless count.
        assert_eq!(h.store.applications_of(&user("grace")).await.unwrap().len(), 1);
        let out = h.in_room("carol", ROOM, "!tandem report").await;
        // Her application stays in the count, withdrawn: nothing proposes or asks her again;
        // it was accepted and matched, and the funnel says so.
        assert!(out.contains("Funnel: 2 applied → 2 accepted → 2 matched → 0 completed"), "{out}");
        assert!(out.contains("Mentees: 1 withdrawn"), "{out}");
        assert!(out.contains("Check-in answers: 2 met"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem event show 1").await;
        assert!(out.contains("1 yes, 1 maybe"), "{out}");
        // She is a stranger now: no applications, nothing to delete or show.
        let out = h.dm_all("amina", "status").await;
        assert!(out.contains("You have no applications yet."), "{out}");
        let data = my_data(&h, "amina").await;
        assert_eq!(data["applications"].as_array().map(Vec::len), Some(0));
        assert_eq!(data["reports_you_made"].as_array().map(Vec::len), Some(0));
    }

    async fn a_case_about_a_person_and_their_failed_check_survive_their_erasure_until_the_hold_ends(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, &format!("!tandem step {grace} background_check failed")).await;
        for line in ["report", "1", "Grace", "no", "Grace made me uncomfortable in our last call.", "skip", "no", "no", "yes"] {
            h.dm_all("amina", line).await;
        }

        let out = h.dm_all("grace", "delete my data").await;
        assert!(out.contains("Some safeguarding records, if there are any, are kept for 6 years even after deletion, as safeguarding rules require: reports about you, failed background checks, suspensions and the pair-room safety flags on your messages that the coordinators kept. They are then erased."), "{out}");
        let out = h.dm_all("grace", "yes").await;
        assert!(out.contains("[dm grace] Done: your data has been deleted, and you've left every programme. Some safeguarding records, if there are any, are kept for 6 years"), "{out}");

        // The case still says whom it is about, and the failed check is still on record.
        let cases = rows(&h, "cases").await;
        assert!(cases[0].contains("Grace made me uncomfortable in our last call."), "{cases:?}");
        let out = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(out.contains("Grace made me uncomfortable"), "{out}");
        let steps = h.store.steps_of(grace).await.unwrap();
        assert_eq!(steps.into_iter().collect::<Vec<_>>(), [("background_check".to_string(), StepState::Failed)], "the other steps go");
        let holds = rows(&h, "legal_holds").await;
        assert_eq!(holds.len(), 2, "{holds:?}");
        assert!(holds.iter().any(|r| r.contains("console") && r.contains("grace") && r.contains("case")), "{holds:?}");
        assert!(holds.iter().any(|r| r.contains("failed_check") && r.contains("background_check")), "{holds:?}");
        // The rest of her is gone as before: her answers and her application's owner.
        assert!(h.store.applications_of(&user("grace")).await.unwrap().is_empty());

        // Once the hold ends, the sweep erases them the way the deletion would have.
        h.clock.advance(past_the_retention());
        h.sweep().await;
        let cases = rows(&h, "cases").await;
        assert!(cases[0].contains("[erased] made me uncomfortable in our last call."), "{cases:?}");
        assert!(h.store.steps_of(grace).await.unwrap().is_empty());
        assert!(rows(&h, "legal_holds").await.is_empty());
        for (table, rows) in h.store.dump_tables().await.unwrap() {
            for row in rows {
                assert!(!row.to_lowercase().contains("grace"), "{table}: {row}");
            }
        }
    }

    async fn every_failed_check_of_one_application_is_held_and_every_one_ends_with_the_hold(db: TestDb) {
        // A programme that asks mentors for two checks: one at home, one abroad.
        let mut programmes = crate::support::example_programmes();
        let steps = &mut programmes[0].roles.get_mut(&tandem::domain::RoleKind::Mentor).unwrap().screening.steps;
        let mut abroad = steps.iter().find(|s| s.id == "background_check").unwrap().clone();
        abroad.id = "check_abroad".into();
        steps.push(abroad);
        let h = Harness::with_programmes(&db, programmes).await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        for step in ["background_check", "check_abroad"] {
            let out = h.in_room("carol", ROOM, &format!("!tandem step {grace} {step} failed")).await;
            assert!(!out.contains("Usage"), "{out}");
        }
        h.dm_all("grace", "delete my data").await;
        h.dm_all("grace", "yes").await;
        let kept: Vec<String> = h.store.steps_of(grace).await.unwrap().into_keys().collect();
        assert_eq!(kept, ["background_check", "check_abroad"]);
        assert_eq!(rows(&h, "legal_holds").await.len(), 1, "one hold for the application");
        h.clock.advance(past_the_retention());
        h.sweep().await;
        assert!(h.store.steps_of(grace).await.unwrap().is_empty(), "both go when the hold ends");
    }

    async fn a_suspension_survives_its_persons_erasure_and_one_in_force_outlives_the_hold(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("mo", MODS, "!tandem suspend grace until 2027-06-01 Spam in the group chat").await;
        h.in_room("mo", MODS, "!tandem confirm").await;
        h.in_room("mo", MODS, "!tandem unsuspend grace").await;
        h.in_room("mo", MODS, "!tandem confirm").await;
        h.in_room("mo", MODS, "!tandem suspend grace Grace threatened another mentor").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("console:grace is suspended by mo."), "{out}");

        h.dm_all("grace", "delete my data").await;
        h.dm_all("grace", "yes").await;
        // Both stay as they were, reasons and all; the one in force still applies.
        let suspensions = rows(&h, "suspensions").await;
        assert_eq!(suspensions.len(), 2, "{suspensions:?}");
        assert!(suspensions.iter().any(|r| r.contains("Spam in the group chat")), "{suspensions:?}");
        assert!(suspensions.iter().any(|r| r.contains("Grace threatened another mentor")), "{suspensions:?}");
        assert_eq!(rows(&h, "legal_holds").await.len(), 2);
        let out = h.dm_all("grace", "apply").await;
        assert!(out.contains("You can't apply right now."), "{out}");

        // At the hold's end the lifted one goes; the one in force is held for as long again.
        h.clock.advance(past_the_retention());
        h.sweep().await;
        let suspensions = rows(&h, "suspensions").await;
        assert_eq!(suspensions.len(), 1, "{suspensions:?}");
        assert!(suspensions[0].contains("Grace threatened another mentor"), "{suspensions:?}");
        assert_eq!(rows(&h, "legal_holds").await.len(), 1);
        let out = h.dm_all("grace", "apply").await;
        assert!(out.contains("You can't apply right now."), "{out}");
    }

    async fn a_held_failed_check_is_pointed_out_to_the_coordinators_when_its_person_applies_again(db: TestDb) {
        let h = Harness::new(&db).await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, &format!("!tandem step {grace} background_check failed")).await;
        h.dm_all("grace", "delete my data").await;
        h.dm_all("grace", "yes").await;
        let mut out = String::new();
        for line in MENTOR_ANSWERS.iter().chain(["submit"].iter()) {
            out = h.dm_all("grace", line).await;
        }
        assert!(out.contains("[room coordinators] Please note before deciding on A2 (Grace): this person deleted their data earlier, and a check of theirs that did not clear is kept under a legal hold for safeguarding: background_check of application A1."), "{out}");
    }
}

both_backends! {
    async fn safety_flags_are_in_my_data_and_at_an_erasure_held_unless_dismissed_and_scrubbed_of_the_name(db: TestDb) {
        use tandem::app::Clock;
        use tandem::domain::safety::{FlagStatus, Kind, NewFlag};
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let now = h.clock.now();
        let flag = |sender: &str, kind: Kind, excerpt: &str| NewFlag {
            programme: "pathways-2027".into(),
            match_id: 1,
            sender: user(sender),
            kind,
            excerpt: excerpt.into(),
            at: now,
        };
        let ids = h
            .store
            .record_safety_flags(&[
                flag("grace", Kind::Social, "add me on snap grace_99"),
                flag("grace", Kind::Phone, "my old number 07700 900123"),
                flag("amina", Kind::Secrecy, "Grace, don't tell your mum"),
            ])
            .await
            .unwrap();
        h.store
            .decide_safety_flag(ids[1], FlagStatus::Dismissed, Some("a helpline"), &user("carol"), now)
            .await
            .unwrap()
            .expect("dismissed");
        let day = now.date_naive();
        assert!(h.store.claim_safety_reminder(&user("grace"), Kind::Social, day, now).await.unwrap());

        let data = my_data(&h, "grace").await;
        let flags = data["safety_flags_on_your_messages"].as_array().expect("her flags");
        assert_eq!(flags.len(), 2, "{flags:?}");
        assert_eq!(flags[0]["kind"], "social");
        assert_eq!(flags[0]["excerpt"], "add me on snap grace_99");
        assert_eq!(flags[1]["status"], "dismissed");
        assert_eq!(flags[1]["note"], "a helpline");

        h.dm_all("grace", "delete my data").await;
        h.dm_all("grace", "yes").await;
        // Her open flag is held as it is; the dismissed one and her reminders are gone;
        // the flag on Amina's message no longer names her.
        let kept = rows(&h, "safety_flags").await;
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept.iter().any(|r| r.contains("add me on snap grace_99")), "{kept:?}");
        assert!(!kept.iter().any(|r| r.contains("07700")), "{kept:?}");
        assert!(kept.iter().any(|r| r.contains("[erased], don't tell your mum")), "{kept:?}");
        assert!(rows(&h, "safety_reminders").await.is_empty());
        let holds = rows(&h, "legal_holds").await;
        assert!(holds.iter().any(|r| r.contains("safety_flag") && r.contains("grace")), "{holds:?}");

        // Once the hold ends, the sweep erases it.
        h.clock.advance(past_the_retention());
        h.sweep().await;
        let kept = rows(&h, "safety_flags").await;
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(kept.iter().all(|r| !r.contains("grace")), "{kept:?}");
        assert!(rows(&h, "legal_holds").await.is_empty());
    }
}
