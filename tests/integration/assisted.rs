//! Assisted applications (issue #24), on both backends: a coordinator enters an application
//! for someone without a chat account, answering its questions in their DM; it is
//! reviewed, counted by source and kept out of matching, nothing is sent to the person
//! meanwhile, and the person takes it over from their own account with the code the
//! coordinator got (a new code ends the old; an account that applied itself cannot).

use tandem::domain::{ApplicationStatus, RoleKind};

use crate::support::{Harness, MENTEE_ANSWERS, example_programmes, user};

const ROOM: &str = "coordinators";

/// The code in a message that tells it (`link KQ7X-MDPA`).
fn code_in(out: &str) -> String {
    out.split("link ")
        .filter_map(|rest| rest.get(..9))
        .find(|c| c.as_bytes()[4] == b'-')
        .unwrap_or_else(|| panic!("no code: {out}"))
        .to_string()
}

/// Carol enters Ana's mentee application; returns its number, and what the last answer
/// brought.
async fn carol_enters_anas(h: &Harness) -> (i64, String) {
    let out = h.in_room("carol", ROOM, "!tandem assist apply").await;
    assert!(
        out.contains("[room coordinators] carol, I've sent you a direct message"),
        "{out}"
    );
    assert!(
        out.contains("[dm carol] You're entering an application to Pathways Mentoring 2027 for someone without a chat account."),
        "{out}"
    );
    let mut last = String::new();
    // From the role on (`apply` is what Carol typed in the room).
    for line in MENTEE_ANSWERS[1..].iter().chain(&["submit"]) {
        let line = if *line == "Amina" { "Ana Pérez" } else { line };
        last = h.dm_all("carol", line).await;
    }
    let mine = h.store.applications_of(&user("carol")).await.unwrap();
    assert!(mine.is_empty(), "the application is not Carol's: {mine:?}");
    let id = h
        .store
        .applications_in(&["pathways-2027".to_string()])
        .await
        .unwrap()
        .into_iter()
        .find(|(_, applicant)| applicant.is_assisted())
        .map(|(a, _)| a.id)
        .unwrap_or_else(|| panic!("no assisted application: {last}"));
    (id, last)
}

/// Whether anything was ever queued for a stand-in (no act should be).
async fn outbox_names_a_stand_in(h: &Harness) -> bool {
    h.store
        .dump_tables()
        .await
        .unwrap()
        .into_iter()
        .filter(|(t, _)| t == "outbox")
        .flat_map(|(_, rows)| rows)
        .any(|row| row.contains("assisted-"))
}

both_backends! {
    async fn a_coordinator_enters_an_application_and_the_person_takes_it_over_with_the_code(db: TestDb) {
        let h = Harness::new(&db).await;
        let (id, out) = carol_enters_anas(&h).await;
        assert!(out.contains("[dm carol] Thank you! Your application to Pathways Mentoring 2027 as a mentee has been submitted"), "{out}");
        assert!(out.contains("It is recorded as an assisted application"), "{out}");
        let first = code_in(&out);
        let record = h.store.application(id).await.unwrap().unwrap();
        assert!(record.applicant.is_assisted(), "{:?}", record.applicant);
        assert_eq!(record.summary.source.as_deref(), Some("assisted"));
        assert_eq!(record.summary.status, ApplicationStatus::Approved, "the rules accepted it");

        // The coordinators see it for what it is, and count it by its source.
        let out = h.in_room("carol", ROOM, &format!("!tandem show A{id}")).await;
        assert!(out.contains("Applicant: Ana Pérez"), "{out}");
        assert!(out.contains("Assisted: entered by a coordinator for someone without a chat account."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem report").await;
        assert!(out.contains("Applications by source: 1 assisted"), "{out}");
        // Nothing was sent to her, nor waits to be: her orientation waits for her account.
        assert!(!outbox_names_a_stand_in(&h).await, "an act for the stand-in");

        // A new code ends the first; it comes to Carol alone.
        let out = h.in_room("carol", ROOM, &format!("!tandem assist code A{id}")).await;
        assert!(out.contains(&format!("[room coordinators] carol, I've sent you the new code for A{id} by direct message.")), "{out}");
        assert!(out.contains(&format!("[dm carol] A new code for A{id} (Ana Pérez)")), "{out}");
        let code = code_in(&out);
        assert_ne!(code, first);
        let out = h.dm_all("ana", &format!("link {first}")).await;
        assert!(out.contains("That code doesn't work"), "{out}");
        assert!(h.store.applications_of(&user("ana")).await.unwrap().is_empty());

        // Someone who applied in chat themselves cannot take it over.
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        let out = h.dm_all("grace", &format!("link {code}")).await;
        assert!(out.contains("This account already has an application with me"), "{out}");
        // A broadcast reaches Grace, and says who it cannot reach.
        let out = h.in_room("carol", ROOM, "!tandem broadcast all The workshop is on Friday.").await;
        assert!(out.contains("1 person gets it by direct message."), "{out}");
        assert!(out.contains("1 person has no chat account yet (a coordinator entered their application) and will not get it"), "{out}");
        h.in_room("carol", ROOM, "!tandem cancel").await;
        assert!(h.store.application(id).await.unwrap().unwrap().applicant.is_assisted());

        // Ana joins and takes it over: it is hers, the coordinators are told, and her
        // orientation (which waited) is asked of her.
        let out = h.dm_all("ana", &format!("link {}", code.to_lowercase())).await;
        assert!(out.contains("[dm ana] Welcome! The application to Pathways Mentoring 2027 that was entered for you is now this account's."), "{out}");
        assert!(out.contains(&format!("[room coordinators] A{id} (Ana Pérez) has taken over their application from console:ana")), "{out}");
        assert!(out.contains("[dm ana] Orientation and code of conduct"), "{out}");
        let hers = h.store.applications_of(&user("ana")).await.unwrap();
        assert_eq!(hers.len(), 1);
        assert_eq!((hers[0].id, hers[0].role), (id, RoleKind::Mentee));
        let out = h.dm_all("ana", "I agree").await;
        assert!(out.contains("you're ready to be matched"), "{out}");
        // The code is used up, and a code is never a way in for a second account.
        let out = h.dm_all("bob", &format!("link {code}")).await;
        assert!(out.contains("That code doesn't work"), "{out}");
        assert!(h.store.applications_of(&user("bob")).await.unwrap().is_empty());
    }

    async fn an_assisted_applicant_is_not_matched_until_they_take_their_application_over(db: TestDb) {
        // Without screening steps, an application the rules accept is ready at once.
        let mut programmes = example_programmes();
        for role in programmes[0].roles.values_mut() {
            role.screening.steps.clear();
        }
        let h = Harness::with_programmes(&db, programmes).await;
        let (id, out) = carol_enters_anas(&h).await;
        let code = code_in(&out);
        assert_eq!(h.store.application(id).await.unwrap().unwrap().summary.status, ApplicationStatus::Ready);
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(out.contains("0 mentees and 1 mentor are ready"), "not in the pool: {out}");
        h.dm_all("ana", &format!("link {code}")).await;
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(out.contains("Ana Pérez") && out.contains("Grace"), "in the pool once hers: {out}");
    }

    async fn an_assisted_application_is_entered_from_the_coordinators_room_by_its_coordinators_only(db: TestDb) {
        let h = Harness::new(&db).await;
        let out = h.in_room("amina", "lobby", "!tandem assist apply").await;
        assert!(out.contains("Assisted applications are entered from the coordinators' room."), "{out}");
        let out = h.in_room("olga", ROOM, "!tandem assist apply pathways-2027").await;
        assert!(out.contains("only the programme's coordinators can"), "{out}");
        assert!(h.store.load_conversation::<tandem::flows::FlowState>(&user("olga")).await.unwrap().is_none());
        // Busy in her DM, Carol is asked to finish there first.
        h.dm_all("carol", "apply").await;
        let out = h.in_room("carol", ROOM, "!tandem assist apply").await;
        assert!(out.contains("please finish what's open in our direct messages first"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem assist code A99").await;
        assert!(out.contains("There is no application A99."), "{out}");
    }

    async fn a_coordinator_deletes_an_assisted_application_nobody_took_over(db: TestDb) {
        let h = Harness::new(&db).await;
        let (id, out) = carol_enters_anas(&h).await;
        let code = code_in(&out);
        let out = h.in_room("carol", ROOM, &format!("!tandem assist delete A{id}")).await;
        assert!(out.contains(&format!("A{id} (Ana Pérez) is deleted")), "{out}");
        let record = h.store.application(id).await.unwrap().unwrap();
        assert_eq!(record.summary.status, ApplicationStatus::Withdrawn);
        assert!(record.answers.is_empty(), "answers erased: {:?}", record.answers);
        let out = h.dm_all("ana", &format!("link {code}")).await;
        assert!(out.contains("That code doesn't work"), "{out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem assist delete A{id}")).await;
        assert!(out.contains("is not waiting to be taken over"), "{out}");
    }
}
