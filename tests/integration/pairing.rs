//! Match preview in the coordinators' room, with participants made ready through the
//! whole screening journey, on both backends.

use crate::support::{Harness, MENTEE_ANSWERS, MENTOR_ANSWERS, user};

async fn make_ready(h: &Harness) {
    for line in MENTEE_ANSWERS.iter().chain(["submit", "I agree"].iter()) {
        h.dm_all("amina", line).await;
    }
    for line in MENTOR_ANSWERS.iter().chain(["submit"].iter()) {
        h.dm_all("grace", line).await;
    }
    let id = h.store.applications_of(&user("grace")).await.unwrap()[0].id;
    h.in_room("carol", "coordinators", &format!("!tandem approve {id}"))
        .await;
    h.dm_all("grace", "I agree").await;
    for step in [
        "interview done",
        "training done",
        "background_check cleared until 2099-01-01",
    ] {
        h.in_room(
            "carol",
            "coordinators",
            &format!("!tandem step {id} {step}"),
        )
        .await;
    }
}

both_backends! {
    async fn match_preview_explains_the_plan_and_sends_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        let out = h.in_room("carol", "coordinators", "!tandem match preview").await;
        assert!(out.contains("Nobody to match yet in Pathways Mentoring 2027: 0 mentee(s) and 0 mentor(s)"), "{out}");
        make_ready(&h).await;
        let out = h.in_room("carol", "coordinators", "!tandem match preview").await;
        assert!(out.contains("Match preview for Pathways Mentoring 2027 (a dry run: nothing was sent, nothing was stored)"), "{out}");
        assert!(out.contains("1 of 1 mentee(s) matched"), "{out}");
        assert!(out.contains("#1 Amina ↔ #2 Grace"), "{out}");
        assert!(out.contains("Shared goals: Writing a CV, Preparing for interviews (+20)"), "{out}");
        assert!(out.contains("Sector: Technology (+25)"), "{out}");
        assert!(out.contains("Mentors with room left: #2 Grace (1 of 2)"), "{out}");
        assert!(!out.contains("[dm "), "a preview messages nobody: {out}");
        let out = h.in_room("mallory", "coordinators", "!tandem match preview").await;
        assert!(out.contains("only the programme's coordinators can preview matches"), "{out}");
        let out = h.in_room("carol", "coordinators", "!tandem match preview nowhere").await;
        assert!(out.contains("You don't coordinate a programme called `nowhere`."), "{out}");
        let out = h.in_room("carol", "coordinators", "!tandem match everyone now").await;
        assert!(out.contains("Usage: match preview [programme]"), "{out}");
    }
}
