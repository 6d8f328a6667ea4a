//! Mentees choosing their mentor, on both backends (the example programme's `matched_by` is
//! `mixed`): two mentees asking for a mentor's last place at once, a decline, a request that
//! waits for a coordinator, and profiles in `my data` and its erasure.

use tandem::app::Clock;
use tandem::domain::matches::{MatchOrigin, MatchStatus, NewMatch, NewRequest};
use tandem::flows::StateChange;
use tandem::storage::CommitOutcome;

use crate::pairing::{ready_mentee, ready_mentor_taking};
use crate::support::{Harness, dm, example_programmes, user};

const ROOM: &str = "coordinators";

/// Grace, a ready mentor taking `capacity` mentees, who shows her sector and a bio.
async fn grace_listed(h: &Harness, capacity: &'static str) -> i64 {
    let id = listed(h, "grace", "Grace", "Technology", capacity).await;
    h.dm_all(
        "grace",
        "profile bio Ten years in software; ask me about first jobs.",
    )
    .await;
    id
}

/// A ready mentor taking `capacity` mentees, who shows their sector.
async fn listed(
    h: &Harness,
    who: &str,
    name: &'static str,
    sector: &'static str,
    capacity: &'static str,
) -> i64 {
    let id = ready_mentor_taking(h, who, name, sector, capacity).await;
    let out = h.dm_all(who, "profile show 4").await;
    assert!(out.contains(&format!("Sector: {sector}")), "{out}");
    id
}

/// Amina's request to Grace as a step stores it: asked now, with her one place.
fn request(mentee: i64, mentor: i64, places: u32) -> tandem::flows::Effect {
    tandem::flows::Effect::StoreRequest(Box::new(NewRequest {
        new: NewMatch {
            programme: "pathways-2027".into(),
            mentee_application: mentee,
            mentor_application: mentor,
            score: 10,
            reasons: vec![],
            origin: MatchOrigin::Request,
        },
        status: MatchStatus::Approved,
        deadline: Some(crate::support::start_time() + chrono::Duration::days(7)),
        introduction: String::new(),
        places,
        mentee_places: 1,
        mentor: user("grace"),
        then: vec![],
    }))
}

both_backends! {
    async fn a_request_is_stored_only_while_the_mentor_and_the_mentee_both_have_a_place(db: TestDb) {
        let h = Harness::new(&db).await;
        let amina = ready_mentee(&h, "amina", "Amina").await;
        let bea = ready_mentee(&h, "bea", "Bea").await;
        let grace = grace_listed(&h, "1").await;
        let commit = |who: &'static str, effect| {
            let store = h.store.clone();
            let now = h.clock.now();
            async move {
                store
                    .commit_step::<tandem::flows::FlowState>(&user(who), None, &StateChange::Unchanged, &[effect], now)
                    .await
                    .unwrap()
            }
        };
        assert!(commit("amina", request(amina, grace, 1)).await.is_committed());
        assert_eq!(commit("bea", request(bea, grace, 1)).await, CommitOutcome::Conflict, "Grace's one place is taken");
        assert_eq!(commit("amina", request(amina, grace, 2)).await, CommitOutcome::Conflict, "Amina's one place is taken");
        assert!(commit("bea", request(bea, grace, 2)).await.is_committed(), "with two places Bea has the second");
        // The mentor's offer was queued with each request.
        assert_eq!(h.store.matches_of(&user("grace")).await.unwrap().len(), 2);
    }

    async fn two_mentees_asking_for_a_mentors_last_place_at_once_get_one_request_and_one_kind_refusal(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentee(&h, "bea", "Bea").await;
        let grace = grace_listed(&h, "1").await;
        h.rec.take();
        let ask = format!("request {grace}");
        tokio::join!(
            h.app.receive(dm("amina", &ask)),
            h.app.receive(dm("bea", &ask)),
        );
        let stored = h.store.matches_of(&user("grace")).await.unwrap();
        assert_eq!(stored.len(), 1, "one place, one request: {stored:?}");
        assert_eq!(
            (stored[0].status, stored[0].origin, stored[0].mentee_answer),
            (MatchStatus::Approved, MatchOrigin::Request, Some(true))
        );
        let sent = crate::support::transcript(&h.rec.take());
        let winner = &stored[0].mentee.id;
        let loser = if winner == "amina" { "bea" } else { "amina" };
        assert!(sent.contains(&format!("[dm {winner}] I've asked Grace to be your mentor.")), "{sent}");
        assert!(
            sent.contains(&format!("[dm {loser}] There is no mentor {grace} you can ask")),
            "the second is decided again and told: {sent}"
        );
        assert!(sent.contains("[dm grace] ") && sent.contains("would like you to be their mentor"), "{sent}");
        // Full now: Grace is not listed to the one who lost.
        let out = h.dm_all(loser, "browse").await;
        assert!(out.contains("No mentor has room"), "{out}");
    }

    async fn a_mentor_who_declines_a_request_is_not_listed_to_that_mentee_again(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = grace_listed(&h, "2").await;
        let out = h.dm_all("amina", "browse").await;
        // Why she fits, with values only from what her profile shows (her sector; not her
        // skills or time zone).
        assert!(out.contains(&format!("{grace}. Grace — fits you: Shared goals; Sector: Technology; Daytime hours in common\n")), "{out}");
        assert!(out.contains("In their words: Ten years in software"), "{out}");
        assert!(!out.contains("Software engineer"), "her job title is not on her profile: {out}");
        h.dm_all("amina", &format!("request {grace} Hello!")).await;
        let out = h.dm_all("grace", "decline").await;
        assert!(out.contains("[dm grace] Thank you for letting us know. You stay listed for other mentees."), "{out}");
        assert!(out.contains("[dm amina] An update on your request: Grace isn't able to take you on."), "{out}");
        let out = h.dm_all("amina", "browse").await;
        assert!(!out.contains("Grace —"), "{out}");
        let out = h.dm_all("amina", &format!("request {grace}")).await;
        assert!(out.contains("There is no mentor"), "{out}");
        assert_eq!(h.store.matches_of(&user("amina")).await.unwrap().len(), 1);
    }

    async fn a_request_that_needs_approval_asks_the_mentor_only_once_a_coordinator_approves(db: TestDb) {
        let mut programmes = example_programmes();
        programmes[0].matching.as_mut().unwrap().approve_requests = true;
        let h = Harness::with_programmes(&db, programmes).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = grace_listed(&h, "2").await;
        let out = h.dm_all("amina", &format!("request {grace} I'd love help with my CV")).await;
        assert!(out.contains("[dm amina] Your request to Grace goes to the coordinators first"), "{out}");
        assert!(out.contains("[room coordinators] Request P1: Amina (mentee, application A1) asked Grace"), "{out}");
        assert!(!out.contains("[dm grace]"), "Grace is not asked yet: {out}");
        let out = h.dm_all("amina", "status").await;
        assert!(out.contains("Your request to Grace is with the coordinators"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match approve P1").await;
        assert!(out.contains("[dm amina] Your request to Grace was approved by the coordinators"), "{out}");
        assert!(out.contains("[dm grace] Amina, a mentee in Pathways Mentoring 2027, would like you to be their mentor."), "{out}");
        assert!(out.contains("Their note to you: I'd love help with my CV"), "{out}");
        // What Amina's answers have in common with Grace's, named, without her answers.
        assert!(out.contains("What you have in common:\n• Shared goals\n"), "{out}");
        assert!(!out.contains("Shared goals: "), "{out}");
        assert!(!out.contains("[dm amina] Good news"), "Amina is not asked to accept her own request: {out}");
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("[dm amina] You and Grace have both accepted: you're matched!"), "{out}");
        assert_eq!(h.store.matches_of(&user("amina")).await.unwrap()[0].status, MatchStatus::Active);
    }

    async fn a_profile_and_a_requests_note_are_in_my_data_and_gone_after_delete_my_data(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = grace_listed(&h, "2").await;
        h.dm_all("amina", "profile bio I love robots.").await;
        h.dm_all("amina", &format!("request {grace} Please say yes")).await;
        let data = h.store.personal_data::<tandem::flows::FlowState>(&user("amina"), h.clock.now()).await.unwrap();
        assert_eq!(data["applications"][0]["profile"]["bio"], "I love robots.");
        let intro = data["matches"][0]["your_introduction"].as_str().unwrap().to_string();
        assert!(intro.contains("I love robots.") && intro.contains("Please say yes"), "{intro}");
        h.dm_all("amina", "delete my data").await;
        h.dm_all("amina", "Yes, delete my data").await;
        let tables = h.store.dump_tables().await.unwrap();
        let all: String = tables.iter().flat_map(|(_, rows)| rows.iter().cloned()).collect();
        assert!(!all.contains("I love robots") && !all.contains("Please say yes"), "{all}");
        // Grace's own profile is hers, and stays.
        assert!(all.contains("Ten years in software"));
    }

    async fn a_ranked_request_passes_to_the_next_choice_on_a_decline_and_runs_out_on_an_expiry(db: TestDb) {
        let mut programmes = example_programmes();
        programmes[0].matching.as_mut().unwrap().matched_by = tandem::domain::matching::MatchedBy::Ranked;
        let h = Harness::with_programmes(&db, programmes).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = grace_listed(&h, "2").await;
        let ola = listed(&h, "ola", "Ola", "Finance", "2").await;
        let out = h.dm_all("amina", &format!("rank {grace} {ola} I'd love help with my CV")).await;
        assert!(out.contains("[dm amina] I've asked Grace, your first choice, to be your mentor."), "{out}");
        assert!(out.contains("If they can't, I'll ask Ola in turn"), "{out}");
        assert!(!out.contains("[dm ola]"), "Ola is asked only if Grace can't: {out}");
        let out = h.dm_all("grace", "decline").await;
        assert!(out.contains("[dm amina] Grace couldn't take you on, so I've asked your next choice, Ola."), "{out}");
        assert!(out.contains("[dm ola] Amina, a mentee in Pathways Mentoring 2027, would like you to be their mentor."), "{out}");
        assert!(out.contains("Their note to you: I'd love help with my CV"), "{out}");
        assert!(!out.contains("[dm amina] An update"), "one message to Amina, from the step that asks Ola: {out}");
        // Ola never answers: the request lapses, and no choice is left.
        h.clock.advance(chrono::Duration::days(8));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Ola didn't answer your request in time. This is no reflection on you. That was the last mentor you ranked: type browse to see who has room, and rank again."), "{out}");
        assert!(out.contains("[dm ola] The request from Amina has expired"), "{out}");
        assert!(out.contains("[room coordinators] That was the last of Amina's ranked choices: !tandem match rematch A1 proposes a mentor for them."), "{out}");
        let matches = h.store.matches_of(&user("amina")).await.unwrap();
        let states: Vec<(i64, MatchStatus)> = matches.iter().map(|m| (m.mentor_application, m.status)).collect();
        assert_eq!(states, vec![(grace, MatchStatus::Declined), (ola, MatchStatus::Expired)]);
        // A coordinator may still propose for her.
        let out = h.in_room("carol", ROOM, "!tandem match rematch A1").await;
        assert!(out.contains("Proposal P3: Amina"), "{out}");
    }
}
