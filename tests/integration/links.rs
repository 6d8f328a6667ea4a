//! Linked accounts on both backends, with the recording platform: a Matrix applicant links
//! her Discord account half-way through her application and finishes it there; she is one
//! person (one application, one conversation), answered where she writes and written to
//! where she last wrote; `my data` and `delete my data` cover both accounts; `unlink`
//! makes them two again.

use tandem::chat::{Content, Inbound};
use tandem::domain::{EventRef, Place, Platform};
use tandem::platforms::recording::Target;

use crate::pairing::{ready_mentee, ready_mentor};
use crate::relay::serving_both;
use crate::support::{Harness, MENTOR_ANSWERS, user};

const AMINA: &str = "matrix:@amina:example.org";
const HER_DISCORD: &str = "discord:77";

/// `who` types `link`; returns the code they were given.
async fn code_for(h: &Harness, who: &str) -> String {
    let out = h.dm_all(who, "link").await;
    let code = out
        .split("Your code is ")
        .nth(1)
        .and_then(|rest| rest.get(..9))
        .unwrap_or_else(|| panic!("no code: {out}"));
    code.to_string()
}

/// Amina applies to mentor on Matrix as far as `answered` of the mentor's answers, then
/// links her Discord account.
async fn linked_half_way(h: &Harness, answered: usize) {
    for line in &MENTOR_ANSWERS[..answered] {
        h.dm_all(AMINA, line).await;
    }
    let code = code_for(h, AMINA).await;
    let out = h
        .dm_all(HER_DISCORD, &format!("link {}", code.to_lowercase()))
        .await;
    assert!(out.contains("[dm 77] Done: this Discord account and your Matrix account (@amina:example.org) are linked"), "{out}");
    assert!(
        out.contains("[dm @amina:example.org] Your Discord account (77) is now linked to this one"),
        "{out}"
    );
}

both_backends! {
    async fn an_applicant_links_her_other_account_and_finishes_her_application_there(db: TestDb) {
        let h = serving_both(&db).await;
        linked_half_way(&h, 6).await;
        // The application goes on from Discord where it stopped, answered there.
        let mut out = String::new();
        for line in &MENTOR_ANSWERS[6..] {
            out = h.dm_all(HER_DISCORD, line).await;
            assert!(!out.contains("[dm @amina"), "answered on Matrix: {out}");
        }
        assert!(out.contains("[dm 77]"), "{out}");
        let out = h.dm_all(HER_DISCORD, "submit").await;
        assert!(out.contains("[dm 77]") && out.contains("has been submitted"), "{out}");
        // One person: the application is Amina's, and her Discord account has none.
        assert_eq!(h.store.applications_of(&user(AMINA)).await.unwrap().len(), 1);
        assert!(h.store.applications_of(&user(HER_DISCORD)).await.unwrap().is_empty());
        assert!(h.store.load_conversation::<tandem::flows::FlowState>(&user(HER_DISCORD)).await.unwrap().is_none());

        // Answered where she writes, and written to first where she last wrote.
        let out = h.dm_all(AMINA, "status").await;
        assert!(out.starts_with("[dm @amina:example.org]") && out.contains("Pathways"), "{out}");
        assert!(out.contains("Your Discord account (77) is linked to this one"), "{out}");
        let id = h.store.applications_of(&user(AMINA)).await.unwrap()[0].id;
        let out = h.in_room("carol", "coordinators", &format!("!tandem ask A{id} Which evenings suit you?")).await;
        assert!(out.contains("[dm @amina:example.org]") && out.contains("Which evenings suit you?"), "{out}");
        let out = h.dm_all(HER_DISCORD, "Tuesdays").await;
        assert!(out.contains("[dm 77] Thank you!") && !out.contains("[dm @amina"), "{out}");
        let out = h.in_room("carol", "coordinators", &format!("!tandem ask A{id} And weekends?")).await;
        assert!(out.contains("[dm 77]") && out.contains("And weekends?"), "{out}");
        assert!(!out.contains("[dm @amina"), "{out}");

        // Staff who name her Discord account find her.
        let out = h.in_room("carol", "coordinators", "!tandem who discord:77").await;
        assert!(out.contains("matrix:@amina:example.org") && out.contains(&format!("A{id}")), "{out}");

        // `link` again says with which; `my data` covers both accounts.
        let out = h.dm_all(AMINA, "link").await;
        assert!(out.contains("Your Matrix account (@amina:example.org) and your Discord account (77) are linked"), "{out}");
        // For a day after the link, the account that typed the code may not take the data.
        let out = h.dm_all(HER_DISCORD, "my data").await;
        assert!(out.contains("For your safety, for a day after an account is linked"), "{out}");
        h.clock.advance(chrono::Duration::hours(25));
        h.rec.take();
        h.app.receive(crate::support::dm(HER_DISCORD, "my data")).await;
        let file = h.rec.take().into_iter().find_map(|s| {
            (s.target == Target::Dm(user(HER_DISCORD))).then_some(s.message.attachment).flatten()
        }).expect("my data, on Discord where it was asked");
        let data: serde_json::Value = serde_json::from_slice(&file.data).unwrap();
        assert_eq!(data["applications"].as_array().unwrap().len(), 1, "{data}");
        assert_eq!(data["linked_account"]["platform"], "discord", "{data}");
        assert_eq!(data["linked_account"]["id"], "77", "{data}");

        // Unlinked from Discord: both told, the application stays with Matrix.
        let out = h.dm_all(HER_DISCORD, "unlink").await;
        assert!(out.contains("[dm 77] Unlinked"), "{out}");
        assert!(out.contains("[dm @amina:example.org] Your Discord account (77) unlinked itself"), "{out}");
        let out = h.dm_all(HER_DISCORD, "status").await;
        assert!(out.contains("You have no applications yet"), "{out}");
        let out = h.dm_all(AMINA, "status").await;
        assert!(out.contains("Pathways"), "{out}");
        // Both the link and its end are on record for each account, naming no other.
        let tables = h.store.dump_tables().await.unwrap();
        let audit = &tables.iter().find(|(t, _)| t == "audit_log").unwrap().1;
        let done: Vec<&String> = audit.iter().filter(|r| r.contains("done")).collect();
        assert_eq!(done.len(), 4, "{audit:?}");
        assert!(done.iter().all(|r| !(r.contains("@amina") && r.contains("77"))), "{done:?}");
    }

    async fn deleting_a_linked_persons_data_erases_both_accounts_and_the_link(db: TestDb) {
        let h = serving_both(&db).await;
        linked_half_way(&h, 4).await;
        // Not from the account that typed the code, for a day; from the other at once.
        let out = h.dm_all(HER_DISCORD, "delete my data").await;
        assert!(out.contains("only from your Matrix account (@amina:example.org)"), "{out}");
        h.clock.advance(chrono::Duration::hours(25));
        h.dm_all(HER_DISCORD, "delete my data").await;
        let out = h.dm_all(HER_DISCORD, "Yes, delete my data").await;
        assert!(out.contains("[dm 77] Done: your data has been deleted"), "{out}");
        assert!(h.store.load_conversation::<tandem::flows::FlowState>(&user(AMINA)).await.unwrap().is_none());
        assert!(h.store.linked_accounts().await.unwrap().is_empty());
        // Each account is new again.
        let out = h.dm_all(HER_DISCORD, "link").await;
        assert!(out.contains("Your code is"), "{out}");
        let out = h.dm_all(AMINA, "status").await;
        assert!(out.contains("You have no applications yet"), "{out}");
    }

    async fn a_code_works_once_and_not_after_fifteen_minutes(db: TestDb) {
        let h = serving_both(&db).await;
        h.dm_all(AMINA, "apply").await;
        let code = code_for(&h, AMINA).await;
        // Fifteen minutes later it no longer works.
        h.clock.advance(chrono::Duration::minutes(16));
        let out = h.dm_all(HER_DISCORD, &format!("link {code}")).await;
        assert!(out.contains("That code doesn't work"), "{out}");
        let code = code_for(&h, AMINA).await;
        // An account with something open waits; a different account may use the code once.
        h.dm_all("discord:78", "apply").await;
        let out = h.dm_all("discord:78", &format!("link {code}")).await;
        assert!(out.contains("Let's finish this first"), "{out}");
        h.dm_all(HER_DISCORD, &format!("link {code}")).await;
        h.dm_all("discord:78", "stop").await;
        h.dm_all("discord:78", "yes").await;
        let out = h.dm_all("discord:78", &format!("link {code}")).await;
        assert!(out.contains("That code doesn't work"), "{out}");
        assert_eq!(h.store.linked_accounts().await.unwrap().len(), 1);
    }

    async fn a_pair_who_share_a_platform_through_a_link_meet_there_in_one_room(db: TestDb) {
        let h = serving_both(&db).await;
        ready_mentee(&h, AMINA, "Amina").await;
        ready_mentor(&h, "discord:4242", "Grace", "Technology").await;
        // Grace, on Discord, links her Matrix account.
        let code = code_for(&h, "discord:4242").await;
        let out = h.dm_all("matrix:@grace:example.org", &format!("link {code}")).await;
        assert!(out.contains("are linked"), "{out}");

        h.in_room("carol", "coordinators", "!tandem match propose").await;
        let out = h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        // No relay: the offer says nothing of copying messages.
        assert!(out.contains("Would you like to accept?") && !out.contains("copied"), "{out}");
        h.dm_all(AMINA, "accept").await;
        let out = h.dm_all("matrix:@grace:example.org", "accept").await;
        assert!(out.contains("I've created a private room for the two of you on Matrix"), "{out}");
        let rooms = h.rec.created_rooms();
        assert_eq!(rooms.len(), 1, "one room, not a relayed pair: {rooms:?}");
        assert_eq!(rooms[0].members, vec![user(AMINA), user("matrix:@grace:example.org")]);
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert!(!m.relayed() && m.relay_room.is_none());
        let room = m.pair_room().unwrap();
        assert_eq!(room.platform, Platform::Matrix);

        // In the room, her Matrix account is Grace: a pair-room command works for her.
        h.rec.take();
        h.app
            .receive_event(
                EventRef::new(Platform::Matrix, "$idea"),
                Inbound {
                    from: user("matrix:@grace:example.org"),
                    place: Place::Room(room.clone()),
                    content: Content::Text("!tandem idea".into()),
                    files: vec![],
                },
            )
            .await;
        let sent = h.rec.take();
        assert!(sent.iter().any(|s| s.target == Target::Room(room.clone()) && s.message.text.contains("Something to talk about")), "{sent:?}");
        // Unlinking would leave her outside the room: refused while the match runs.
        let out = h.dm_all("matrix:@grace:example.org", "unlink").await;
        assert!(out.contains("unlinking would leave you outside it"), "{out}");
        assert_eq!(h.store.linked_accounts().await.unwrap().len(), 1);
    }

    async fn evidence_sent_from_the_linked_account_is_kept_for_the_person_and_no_code_is_stored(db: TestDb) {
        let h = serving_both(&db).await;
        let code = code_for(&h, AMINA).await;
        h.dm_all(HER_DISCORD, &format!("link {code}")).await;
        // Nothing stored holds the code itself (only a hash, until it is used).
        let stored = format!("{:?}", h.store.dump_tables().await.unwrap());
        assert!(!stored.contains(&code), "the code is stored: {code}");

        let shot = crate::evidence::png_by("amina");
        h.rec.serve_file("cdn/1", &shot);
        for line in ["report", "1", "Tom", "no", "He sent me messages at 2am calling me names."] {
            h.dm_all(HER_DISCORD, line).await;
        }
        let out = h.dm_files(HER_DISCORD, "his messages", &[("shot.png", "cdn/1", Some(shot.len() as u64))]).await;
        assert!(out.contains("[dm 77] Kept: shot.png ("), "{out}");
        assert_eq!(h.store.held_files(&user(AMINA)).await.unwrap().len(), 1);
        assert!(h.store.held_files(&user(HER_DISCORD)).await.unwrap().is_empty());
    }

    async fn without_a_relay_a_linked_mentee_is_matched_on_her_other_platform_and_meets_there(db: TestDb) {
        let h = Harness::build(
            &db,
            tandem::platforms::recording::Recording::new(),
            crate::support::example_programmes(),
            |s| {
                s.platforms = vec![Platform::Console, Platform::Matrix, Platform::Discord];
                s.relay = false;
            },
        )
        .await;
        ready_mentee(&h, AMINA, "Amina").await;
        let code = code_for(&h, AMINA).await;
        h.dm_all(HER_DISCORD, &format!("link {code}")).await;
        ready_mentor(&h, "discord:4242", "Grace", "Technology").await;
        let out = h.in_room("carol", "coordinators", "!tandem match propose").await;
        assert!(out.contains("Amina") && out.contains("Grace"), "{out}");
        h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        h.dm_all(AMINA, "accept").await;
        let out = h.dm_all("discord:4242", "accept").await;
        assert!(out.contains("on Discord"), "{out}");
        let rooms = h.rec.created_rooms();
        assert_eq!(rooms.len(), 1, "{rooms:?}");
        assert_eq!(rooms[0].members, vec![user(HER_DISCORD), user("discord:4242")]);
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.pair_room().unwrap().platform, Platform::Discord);
    }

    async fn a_mentee_who_linked_her_mentors_platform_meets_there_and_a_moderator_removes_her_account(db: TestDb) {
        let h = serving_both(&db).await;
        ready_mentee(&h, AMINA, "Amina").await;
        let code = code_for(&h, AMINA).await;
        h.dm_all(HER_DISCORD, &format!("link {code}")).await;
        ready_mentor(&h, "discord:4242", "Grace", "Technology").await;
        h.in_room("carol", "coordinators", "!tandem match propose").await;
        h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        h.dm_all(HER_DISCORD, "accept").await;
        h.dm_all("discord:4242", "accept").await;
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.room_platform, Some(Platform::Discord));
        let room = m.pair_room().unwrap();
        assert_eq!(room.platform, Platform::Discord);
        assert_eq!(h.rec.created_rooms()[0].members, vec![user(HER_DISCORD), user("discord:4242")]);
        let out = h.dm_all(AMINA, "status").await;
        assert!(out.contains(&format!("your pair room is {}, on Discord", room.id)), "{out}");

        // Named by her Discord account, she is found, and that account leaves the room.
        let out = h.in_room("max", "moderators", &format!("!tandem remove discord:77 from {}", room.id)).await;
        assert!(out.contains("Remove Amina (matrix:@amina:example.org"), "{out}");
        let out = h.in_room("max", "moderators", "!tandem confirm").await;
        assert!(out.contains("was removed from room"), "{out}");
        assert_eq!(h.rec.created_rooms()[0].members, vec![user("discord:4242")]);
    }
}
