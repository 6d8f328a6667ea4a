//! Matching in chat, on both backends: preview, propose, approve, participants' answers,
//! pair rooms, declines and the next best proposal, expiry, rematch, and refusals.

use tandem::domain::matches::MatchStatus;
use tandem::flows::FlowState;

use crate::support::{Harness, MENTEE_ANSWERS, MENTOR_ANSWERS, user};

const ROOM: &str = "coordinators";

/// A mentee who goes through the whole journey to `ready`.
pub(crate) async fn ready_mentee(h: &Harness, who: &str, name: &'static str) -> i64 {
    let mut lines = MENTEE_ANSWERS.to_vec();
    lines[2] = name;
    for line in lines.iter().chain(["submit", "I agree"].iter()) {
        h.dm_all(who, line).await;
    }
    h.store.applications_of(&user(who)).await.unwrap()[0].id
}

/// A mentor approved, oriented, interviewed, checked and trained: `ready`.
pub(crate) async fn ready_mentor(
    h: &Harness,
    who: &str,
    name: &'static str,
    sector: &'static str,
) -> i64 {
    ready_mentor_taking(h, who, name, sector, "2").await
}

/// [`ready_mentor`], taking `capacity` mentees.
pub(crate) async fn ready_mentor_taking(
    h: &Harness,
    who: &str,
    name: &'static str,
    sector: &'static str,
    capacity: &'static str,
) -> i64 {
    let mut lines = MENTOR_ANSWERS.to_vec();
    lines[1] = name;
    lines[4] = sector;
    lines[8] = capacity;
    for line in lines.iter().chain(["submit"].iter()) {
        h.dm_all(who, line).await;
    }
    let id = h.store.applications_of(&user(who)).await.unwrap()[0].id;
    h.in_room("carol", ROOM, &format!("!tandem approve {id}"))
        .await;
    h.dm_all(who, "I agree").await;
    for step in [
        "interview done",
        "training done",
        "background_check cleared until 2099-01-01",
    ] {
        h.in_room("carol", ROOM, &format!("!tandem step {id} {step}"))
            .await;
    }
    id
}

async fn status_of(h: &Harness, id: i64) -> MatchStatus {
    h.store.match_by_id(id).await.unwrap().unwrap().status
}

/// Amina and Grace, matched, with their pair room `room-1`.
pub(crate) async fn active_match(h: &Harness) {
    offer_accepted_by_amina(h).await;
    h.dm_all("grace", "accept").await;
}

/// Amina and Grace, proposed and approved as match 1; Amina has accepted, Grace not yet.
async fn offer_accepted_by_amina(h: &Harness) {
    ready_mentee(h, "amina", "Amina").await;
    ready_mentor(h, "grace", "Grace", "Technology").await;
    h.in_room("carol", ROOM, "!tandem match propose").await;
    h.in_room("carol", ROOM, "!tandem match approve 1").await;
    h.dm_all("amina", "accept").await;
}

fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

both_backends! {
    async fn a_pair_room_that_cannot_be_made_is_reported_to_the_coordinators(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.fail_room_creation("the bot is missing a permission: it needs to create private threads (Create Private Threads, Send Messages in Threads)");
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        h.dm_all("amina", "accept").await;
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("[room coordinators] I could not create the pair room for match M1: the bot is missing a permission: it needs to create private threads (Create Private Threads, Send Messages in Threads). The match is recorded without a room"), "{out}");
    }

    async fn approving_a_whole_cohort_reports_its_progress_in_the_room(db: TestDb) {
        let h = Harness::with_settings(&db, |s| s.progress_every = 2).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentee(&h, "bea", "Bea").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        ready_mentor(&h, "ola", "Ola", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        let out = h.in_room("carol", ROOM, "!tandem match approve all").await;
        // Two approvals posted here, then three people asked (Grace's second proposal waits
        // for her answer to the first).
        let progress: Vec<&str> = out.lines().filter(|l| l.contains("messages and rooms")).collect();
        assert_eq!(progress, [
            "[room coordinators] Working through 5 messages and rooms: 2 done so far.",
            "[room coordinators] Working through 5 messages and rooms: 4 done so far.",
            "[room coordinators] All 5 messages and rooms are done.",
        ], "{out}");
        assert!(out.trim_end().ends_with("[room coordinators] All 5 messages and rooms are done."), "{out}");
        // A command with fewer sends says nothing of the kind.
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(!out.contains("Working through"), "{out}");
    }

    async fn a_silent_pair_is_nudged_then_the_coordinators_are_alerted_once_per_silence(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        // Amina writes in the pair room on day 2: only the time is kept.
        h.clock.set(utc("2027-01-13T10:00:00Z"));
        h.in_room("amina", "room-1", "Hi Grace! When suits you for a first call?").await;
        h.clock.set(utc("2027-01-23T09:00:00Z"));
        let out = h.sweep().await;
        assert!(!out.contains("It has been"), "nine days is not yet ten: {out}");
        h.clock.set(utc("2027-01-23T10:00:00Z"));
        let out = h.sweep().await;
        assert!(out.contains("[room room-1] It has been 10 days since anyone wrote here."), "{out}");
        // With something to talk about, the first of their stage.
        assert!(out.contains("Something to talk about: What would make these six months a success for each of you?"), "{out}");
        assert!(!out.contains("Quiet pair"), "{out}");
        assert_eq!(h.sweep().await, "", "nudged once");
        h.clock.set(utc("2027-02-03T10:00:00Z"));
        h.rec.take();
        h.app.sweep().await.unwrap();
        let sent = h.rec.take();
        let out = crate::support::transcript(&sent);
        assert!(out.contains("[room coordinators] Quiet pair: match M1 (Amina ↔ Grace), Pathways Mentoring 2027: no message in their pair room for 21 days (since 13 January 2027), even after a nudge."), "{out}");
        assert!(out.contains("\nMatched since 11 January 2027. No check-in answered yet."), "the pair's history: {out}");
        assert!(!out.contains("[room room-1]"), "{out}");
        let card = sent.iter().find(|s| s.message.text.starts_with("Quiet pair")).unwrap();
        let actions: Vec<(&str, &str)> = card.message.actions.iter().map(|a| (a.label.as_str(), a.command.as_str())).collect();
        assert_eq!(actions, [("Message the pair", "message M1"), ("Pause", "pause M1 until"), ("Rematch", "match rematch A1")]);
        // The first action: a message to both by DM.
        let out = h.in_room("carol", ROOM, "!tandem message 1 Hello you two, how are things going?").await;
        assert!(out.contains("[dm amina] A message from the coordinators of Pathways Mentoring 2027 to you both (Amina and Grace):\nHello you two, how are things going?"), "{out}");
        assert!(out.contains("[dm grace] A message from the coordinators"), "{out}");
        assert!(out.contains("[room coordinators] Sent to Amina and Grace by DM."), "{out}");
        let out = h.in_room("bob", ROOM, "!tandem message 1 hi").await;
        assert!(!out.contains("[dm amina]"), "only a coordinator: {out}");
        let out = h.in_room("carol", ROOM, "!tandem message 1").await;
        assert!(out.contains("Usage: pause <match number>"), "{out}");
        // Grace answers: the count starts again.
        h.in_room("grace", "room-1", "Sorry, busy weeks! Thursday?").await;
        h.clock.set(utc("2027-02-12T10:00:00Z"));
        assert!(!h.sweep().await.contains("It has been"));
        h.clock.set(utc("2027-02-13T11:00:00Z"));
        assert!(h.sweep().await.contains("[room room-1] It has been 10 days since anyone wrote here."));
        // `idea` in the pair room gives one they have not had yet.
        let idea = h.in_room("grace", "room-1", "!tandem idea").await;
        assert!(idea.starts_with("[room room-1] Something to talk about: "), "{idea}");
        assert!(!idea.contains("What would make these six months a success"), "not the nudge's again: {idea}");
        let elsewhere = h.in_room("grace", "lobby", "!tandem idea").await;
        assert!(elsewhere.starts_with("[dm grace] idea works in your pair room"), "{elsewhere}");
    }

    async fn only_a_rooms_newest_talk_is_recorded_as_handled_when_its_times_are_written(db: TestDb) {
        use tandem::chat::{Content, Inbound};
        use tandem::domain::{EventRef, Place, Platform, RoomRef};
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let event = |n: usize| EventRef::new(Platform::Console, format!("$talk{n}"));
        for (n, text) in ["Hi Grace!", "Thursday at six?"].iter().enumerate() {
            let inbound = Inbound {
                from: user("amina"),
                place: Place::Room(RoomRef::new(Platform::Console, "room-1")),
                content: Content::Text(text.to_string()),
                files: vec![],
            };
            h.app.receive_event(event(n), inbound).await;
        }
        assert!(!h.app.already_handled(&event(1)).await, "nothing is written per message");
        h.store.flush_pair_activity().await.unwrap();
        assert!(h.app.already_handled(&event(1)).await, "a catch-up reading the room back stops here");
        assert!(!h.app.already_handled(&event(0)).await, "one record per room, not one per message");
    }

    async fn a_check_in_left_open_when_the_match_closes_is_withdrawn(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.clock.set(utc("2027-01-25T15:00:30Z"));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Check-in from"), "{out}");
        h.in_room("carol", ROOM, "!tandem close match 1 they moved away").await;
        h.in_room("carol", ROOM, "!tandem confirm").await;
        assert_eq!(status_of(&h, 1).await, MatchStatus::Closed);
        let open = h.store.load_conversation(&user("amina")).await.unwrap();
        assert!(!matches!(open.map(|c| c.state), Some(tandem::flows::FlowState::CheckIn(_))), "the check-in is not left open");
    }

    async fn milestones_arrive_at_the_pairs_local_hour_and_stop_while_paused(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        // Amina lives in Nairobi (UTC+3): 18:00 there is 15:00 UTC.
        let jobs = h.store.pending_jobs_of("match:1").await.unwrap();
        assert_eq!(jobs[0].1, utc("2027-01-18T15:00:00Z"), "first meeting, a week in");
        assert_eq!(jobs[1].1, utc("2027-01-25T15:00:00Z"), "first check-in");
        assert_eq!(jobs.last().unwrap().1, utc("2027-07-11T15:00:00Z"), "closure at six months");
        // Scheduling again (a repair sweep) adds nothing.
        assert_eq!(h.app.schedule_milestones(1).await.unwrap(), 0);

        h.clock.set(utc("2027-01-18T14:59:00Z"));
        assert_eq!(h.sweep().await, "", "not a minute early");
        h.clock.set(utc("2027-01-18T15:00:00Z"));
        let out = h.sweep().await;
        assert!(out.starts_with("[room room-1] One week in! If you haven't met yet"), "{out}");
        assert_eq!(h.sweep().await, "", "and only once");

        h.clock.set(utc("2027-01-25T15:00:30Z"));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Check-in from Pathways Mentoring 2027 about your mentoring with Grace: Have you met since the last check-in?"), "{out}");
        assert!(out.contains("[dm grace] Check-in from Pathways Mentoring 2027 about your mentoring with Amina"), "{out}");
        let out = h.dm_all("grace", "maybe").await;
        assert!(out.contains("Please answer 1, 2 or 3."), "{out}");
        let out = h.dm_all("grace", "1").await;
        assert!(out.contains("[dm grace] Great, thank you for letting us know!"), "{out}");
        assert!(!out.contains("[room coordinators]"), "{out}");
        let out = h.dm_all("amina", "We're stuck").await;
        assert!(out.contains("[dm amina] Thank you for telling us. A coordinator will get in touch with you soon; to write to them yourself, type ask the team"), "{out}");
        assert!(out.contains("[room coordinators] Check-in alert: match M1 (Amina ↔ Grace), Pathways Mentoring 2027. Amina (mentee) answered check-in 1 with “We're stuck”."), "{out}");
        assert!(out.contains("match rematch A1"), "{out}");
        let answers = h.store.check_ins_of(1).await.unwrap();
        assert_eq!(answers, vec![(0, "amina".into(), Some("stuck".into())), (0, "grace".into(), Some("met".into()))]);
        // A retried check-in job asks nobody twice.
        assert!(!h.store.ask_check_in(&user("amina"), &tandem::flows::Prompt::CheckIn { match_id: 1, seq: 0, text: "again".into() }, h.app.now()).await.unwrap());

        // Paused until 1 March: the check-ins due meanwhile are skipped, then they resume.
        let out = h.dm_all("amina", "pause until soon").await;
        assert!(out.contains("[dm amina] “soon” is not a date I can read: write a date like 20/01/2028, 20 January or next Wednesday."), "{out}");
        let out = h.dm_all("amina", "pause").await;
        assert!(out.contains("write pause until and a date, like pause until 20/01/2028 or pause for 2 weeks"), "{out}");
        let out = h.dm_all("amina", "pause until 2027-01-01").await;
        assert!(out.contains("1 January 2027 is not in the future."), "{out}");
        assert_eq!(h.store.paused_until(1).await.unwrap(), None, "bad input changes nothing");
        let out = h.dm_all("amina", "pause until 2027-03-01").await;
        assert!(out.contains("[dm amina] Paused: no check-ins or reminders for your mentoring with Grace until 1 March 2027."), "{out}");
        assert!(out.contains("[dm grace] Amina has paused your mentoring until 1 March 2027"), "{out}");
        assert!(out.contains("[room coordinators] Match M1 (Amina ↔ Grace) paused by Amina until 1 March 2027."), "{out}");
        h.clock.set(utc("2027-02-28T23:00:00Z"));
        assert_eq!(h.sweep().await, "", "nothing while paused");
        h.clock.set(utc("2027-03-08T15:00:00Z"));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Check-in from"), "resumed after the pause: {out}");
        h.dm_all("amina", "2").await;
        h.dm_all("grace", "2").await;
        assert_eq!(out.matches("[dm amina]").count(), 1, "{out}");
        let counts = h.store.job_counts().await.unwrap();
        assert_eq!((counts.done, counts.skipped), (3, 2), "{counts:?}");

        // Coordinators pause and resume by match number, in their room only.
        let out = h.in_room("carol", ROOM, "!tandem pause 1 until 2027-08-01").await;
        assert!(out.contains("[dm amina] Your coordinator has paused your mentoring with Grace until 1 August 2027"), "{out}");
        assert!(out.contains("[room coordinators] Match M1 (Amina ↔ Grace) paused by carol until 1 August 2027."), "{out}");
        assert!(h.store.paused_until(1).await.unwrap().is_some());
        let out = h.in_room("mallory", ROOM, "!tandem resume 1").await;
        assert!(out.contains("only the programme's coordinators can pause or resume a match"), "{out}");
        let out = h.in_room("carol", "lobby", "!tandem resume 1").await;
        assert!(out.contains("Pausing a match works in the coordinators' room."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem pause 9 until 2027-08-01").await;
        assert!(out.contains("There is no match M9."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem pause 1").await;
        assert!(out.contains("Usage: pause <match number> until"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem resume 1").await;
        assert!(out.contains("[dm grace] Your coordinator has resumed your mentoring with Amina"), "{out}");
        assert_eq!(h.store.paused_until(1).await.unwrap(), None);
        // A clock jump to the end runs every remaining milestone once, in order.
        h.clock.set(utc("2027-07-12T00:00:00Z"));
        let out = h.sweep().await;
        let midpoint = out.find("Halfway there!").expect("the midpoint");
        let closure = out.find("Six months ago you started mentoring together").expect("the closure");
        assert!(midpoint < closure, "{out}");
        // Only the pair room's archiving is left, a week after the closure.
        assert_eq!(h.store.job_counts().await.unwrap().pending, 1);
        // One check-in is being asked; of those queued behind it only the latest is kept
        // (with the midpoint and closing surveys).
        assert_eq!(out.matches("[dm amina] Check-in from").count(), 1, "{out}");
        let tables = h.store.dump_tables().await.unwrap();
        let queued: Vec<&String> = tables
            .iter()
            .filter(|(t, _)| t == "pending_prompts")
            .flat_map(|(_, rows)| rows)
            .filter(|r| r.contains("| amina |") && r.contains("check_in"))
            .collect();
        assert_eq!(queued.len(), 1, "{queued:?}");
        assert!(queued[0].contains(r#""seq":11"#), "{queued:?}");
        let out = h.dm_all("ola", "pause until 2027-09-01").await;
        assert!(out.contains("You have no active match to pause."), "{out}");
    }

    async fn match_preview_explains_the_plan_and_sends_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(out.contains("Nobody to match yet in Pathways Mentoring 2027: 0 mentees and 0 mentors"), "{out}");
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(out.contains("Match preview for Pathways Mentoring 2027 (a dry run: nothing was sent, nothing was stored)"), "{out}");
        assert!(out.contains("1 of 1 mentee matched"), "{out}");
        assert!(out.contains("A1 Amina ↔ A2 Grace"), "{out}");
        assert!(out.contains("Shared goals: Writing a CV, Preparing for interviews (+20)"), "{out}");
        assert!(out.contains("Sector: Technology (+25)"), "{out}");
        assert!(out.contains("Mentors with room left: A2 Grace (1 of 2)"), "{out}");
        assert!(!out.contains("[dm "), "a preview messages nobody: {out}");
        assert!(h.store.matches_in("pathways-2027").await.unwrap().is_empty(), "and stores nothing");
        let out = h.in_room("mallory", ROOM, "!tandem match preview").await;
        assert!(out.contains("only the programme's coordinators can match people"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match preview nowhere").await;
        assert!(out.contains("You don't coordinate a programme called `nowhere`."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match everyone now").await;
        assert!(out.contains("Usage: match preview [programme]"), "{out}");
    }

    async fn an_approved_match_both_accept_gets_a_pair_room_with_a_kickoff(db: TestDb) {
        let h = Harness::new(&db).await;
        let amina = ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains(&format!("Proposal P1: Amina (mentee, application A{amina}) ↔ Grace (mentor, application A{grace}), 63 points")), "{out}");
        let out = h.in_room("mallory", ROOM, "!tandem match approve 1").await;
        assert!(out.contains("only the programme's coordinators"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match approve 1").await;
        assert!(out.contains("Match M1 (Amina ↔ Grace) approved by carol. Both have been asked to accept by 18 January 2027."), "{out}");
        assert!(out.contains("[dm amina] Good news from Pathways Mentoring 2027: we'd like to match you with Grace as your mentor."), "{out}");
        assert!(out.contains("[dm grace] Good news from Pathways Mentoring 2027: we'd like to match you with Amina as your mentee."), "{out}");
        let again = h.in_room("dev", ROOM, "!tandem match approve 1").await;
        assert!(again.contains("Match M1 (Amina ↔ Grace) is already approved."), "{again}");
        let out = h.dm_all("amina", "maybe later").await;
        assert!(out.contains("Please answer accept or decline."), "{out}");
        let out = h.dm_all("amina", "accept").await;
        assert!(out.contains("We're waiting for Grace's answer"), "{out}");
        assert!(h.rec.created_rooms().is_empty());
        let out = h.dm_all("grace", "Accept").await;
        assert!(out.contains("[dm grace] You and Amina have both accepted: you're matched!"), "{out}");
        assert!(out.contains("[dm amina] You and Grace have both accepted"), "{out}");
        let rooms = h.rec.created_rooms();
        assert_eq!(rooms.len(), 1);
        assert_eq!(rooms[0].members, vec![user("amina"), user("grace")], "only the pair (and the bot)");
        assert!(out.contains("[room room-1] Welcome, Amina and Grace!"), "{out}");
        assert!(out.contains("Who is who: Grace is the mentor, Amina is the mentee."), "{out}");
        assert!(out.contains("To get you started: What is one job you would love to try for a week"), "{out}");
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!((m.status, m.room.as_deref()), (MatchStatus::Active, Some("room-1")));
        let status = h.say("amina", "status").await;
        assert!(status.contains("You are matched with Grace (your mentor); your pair room is room-1."), "{status}");
        // One stage, read the same way by her, the figures and the export: matched.
        assert!(status.contains("as mentee (A1, submitted on 11 January 2027): matched (see below)"), "{status}");
        assert!(!status.contains("ready to be matched"), "{status}");
        let out = h.in_room("carol", ROOM, "!tandem report").await;
        assert!(out.contains("Mentees: 1 matched"), "{out}");
        assert!(out.contains("Mentors: 1 matched"), "{out}");
        // The harness hands over what was sent; the export is read from the platform.
        h.rec.take();
        let room = tandem::domain::RoomRef::new(tandem::domain::Platform::Console, ROOM);
        h.app.receive(tandem::chat::Inbound {
            from: user("carol"),
            place: tandem::domain::Place::Room(room.clone()),
            content: tandem::chat::Content::Text("!tandem export applications csv".into()),
            files: vec![],
        }).await;
        let csv = h.rec.posts_in(&room).into_iter().rev().find_map(|m| m.attachment).expect("the export");
        let csv = String::from_utf8(csv.data).unwrap();
        assert!(csv.lines().skip(1).all(|l| l.contains(",matched,")), "{csv}");
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("No new proposals"), "the matched mentee is not proposed again: {out}");
    }

    async fn a_decline_frees_both_and_the_next_best_is_proposed_never_the_same_pair(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        let ola = ready_mentor(&h, "ola", "Ola", "Finance").await;
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("Proposal P1: Amina (mentee, application A1) ↔ Grace"), "Grace is the better match: {out}");
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        let out = h.dm_all("grace", "decline").await;
        assert!(out.contains("[dm grace] Thank you for letting us know."), "{out}");
        assert!(out.contains("[dm amina] An update on your match: Grace isn't able to go ahead with it. This is no reflection on you"), "{out}");
        assert!(out.contains("was declined by Grace. Both are back in the pool"), "{out}");
        assert!(out.contains(&format!("Proposal P2: Amina (mentee, application A1) ↔ Ola (mentor, application A{ola})")), "the backup is proposed: {out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Declined);
        // Amina's offer was withdrawn when Grace declined: nothing is left open.
        assert!(h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().is_none());
        let out = h.dm_all("amina", "status").await;
        assert!(!out.contains("no longer open"), "status is answered: {out}");
        assert!(out.contains("as mentee (A1, submitted on 11 January 2027): ready to be matched"), "{out}");
        let out = h.dm_all("amina", "accept").await;
        assert!(out.contains("There is no match offer waiting for your answer"), "{out}");
        // Rejecting the backup too: nobody else can take Amina, and Grace is never proposed again.
        let out = h.in_room("carol", ROOM, "!tandem match reject 2 Different time commitments").await;
        assert!(out.contains("Proposal P2 (Amina ↔ Ola) rejected by carol: Different time commitments."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match rematch 1").await;
        assert!(out.contains("No new proposals"), "{out}");
        let all = h.store.matches_in("pathways-2027").await.unwrap();
        assert_eq!(all.len(), 2, "no pair was proposed twice: {all:?}");
    }

    async fn an_offer_expires_after_its_deadline_and_a_late_answer_is_refused(db: TestDb) {
        let h = Harness::new(&db).await;
        offer_accepted_by_amina(&h).await;
        assert_eq!(h.sweep().await, "", "not yet");
        h.clock.advance(chrono::Duration::days(8));
        let out = h.sweep().await;
        assert!(out.contains("[dm grace] The match offer with Amina has expired"), "{out}");
        assert!(out.contains("[dm amina] The match with Grace didn't go ahead"), "{out}");
        assert!(out.contains("Match M1 (Amina ↔ Grace) expired without both answers. Both are back in the pool, and may be proposed to each other again."), "{out}");
        // An expiry is nobody's refusal: the pair is the best option still, and is proposed.
        assert!(out.contains("Proposal P2: Amina (mentee, application A1) ↔ Grace"), "{out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Expired);
        assert!(h.store.load_conversation::<FlowState>(&user("grace")).await.unwrap().is_none());
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("There is no match offer waiting for your answer"), "{out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Expired);
    }

    async fn the_time_to_match_counts_until_both_accepted_not_until_the_proposal(db: TestDb) {
        let h = Harness::new(&db).await;
        offer_accepted_by_amina(&h).await;
        h.clock.advance(chrono::Duration::days(2));
        h.dm_all("grace", "accept").await;
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert!(m.started() - m.created_at >= chrono::Duration::days(2), "{m:?}");
        let out = h.in_room("carol", ROOM, "!tandem report").await;
        assert!(out.contains("Average time from application to match: 2.0 days."), "{out}");
    }

    async fn a_declined_pair_is_kept_apart_until_a_coordinator_includes_them_again(db: TestDb) {
        let h = Harness::new(&db).await;
        let amina = ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        let out = h.dm_all("grace", "decline").await;
        assert!(out.contains(&format!("they will not be proposed to each other again (match include A{amina} A{grace} would allow it)")), "{out}");
        // Nobody else to propose: the coordinators hear so instead of a promise of options.
        assert!(out.contains("No new proposals in Pathways Mentoring 2027 for now"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("No new proposals"), "{out}");
        let out = h.in_room("mallory", ROOM, &format!("!tandem match include {amina} {grace}")).await;
        assert!(out.contains("only the programme's coordinators"), "{out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem match include {grace} {amina}")).await;
        assert!(out.contains("Nothing keeps applications"), "the mentee comes first: {out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem match include {amina} {grace}")).await;
        assert!(out.contains(&format!("Applications A{amina} and A{grace} may be proposed to each other again (lifted: M1 declined).")), "{out}");
        assert!(out.contains("Proposal P2: Amina (mentee, application A1) ↔ Grace"), "proposed at once: {out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Declined, "the decline is kept");
        // An exclusion is lifted the same way.
        h.in_room("carol", ROOM, "!tandem match reject 2").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem match include {amina} {grace}")).await;
        assert!(out.contains("(lifted: P2 rejected)"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match include 1").await;
        assert!(out.contains("Usage:"), "{out}");
    }

    async fn approving_a_proposal_that_is_no_longer_valid_sets_it_aside(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        // Grace's background check lapses before the proposal is approved.
        h.in_room("carol", ROOM, &format!("!tandem step {grace} background_check pending")).await;
        let out = h.in_room("carol", ROOM, "!tandem match approve 1").await;
        assert!(out.contains("Proposal P1 (Amina ↔ Grace) is no longer valid"), "{out}");
        assert!(!out.contains("[dm amina] Good news"), "{out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Rejected);
        let out = h.in_room("carol", ROOM, "!tandem match approve 7").await;
        assert!(out.contains("There is no match or proposal number 7."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match approve all").await;
        assert!(out.contains("There are no proposals waiting for approval."), "{out}");
    }

    async fn a_coordinator_swaps_a_mentor_and_the_engine_works_around_it(db: TestDb) {
        let h = Harness::new(&db).await;
        let amina = ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        let ola = ready_mentor(&h, "ola", "Ola", "Finance").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem match swap 1 {ola}")).await;
        assert!(out.contains("Proposal P1 swapped by carol: Amina gets another mentor"), "{out}");
        assert!(out.contains(&format!("Proposal P2: Amina (mentee, application A{amina}) ↔ Ola (mentor, application A{ola})")), "{out}");
        assert_eq!(status_of(&h, 1).await, MatchStatus::Rejected);
        let out = h.in_room("carol", ROOM, &format!("!tandem match swap 2 {grace}")).await;
        assert!(out.contains("were matched or proposed before"), "{out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem match swap 2 {amina}")).await;
        assert!(out.contains(&format!("Application A{amina} is not a mentor ready to be matched")), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match swap 2").await;
        assert!(out.contains("Usage:"), "{out}");
        assert_eq!(h.store.matches_in("pathways-2027").await.unwrap().len(), 2);
    }

    async fn an_excluded_pair_is_never_proposed(db: TestDb) {
        let h = Harness::new(&db).await;
        let amina = ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        let ola = ready_mentor(&h, "ola", "Ola", "Finance").await;
        let out = h.in_room("carol", ROOM, &format!("!tandem match exclude {grace} {amina}")).await;
        assert!(out.contains("Write the mentee's application first"), "{out}");
        let out = h.in_room("mallory", ROOM, &format!("!tandem match exclude {amina} {grace}")).await;
        assert!(out.contains("only the programme's coordinators"), "{out}");
        let out = h.in_room("carol", ROOM, &format!("!tandem match exclude {amina} {grace} Grace is Amina's aunt")).await;
        assert!(out.contains(&format!("Applications A{amina} and A{grace} will never be proposed to each other.")), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains(&format!("Amina (mentee, application A{amina}) ↔ Ola (mentor, application A{ola})")), "{out}");
        assert!(!out.contains("↔ Grace"), "{out}");
    }

    async fn a_withdrawal_ends_open_offers_and_an_active_match_is_left_to_the_coordinator(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        ready_mentor(&h, "ola", "Ola", "Finance").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        // Grace leaves while the offer is open.
        let out = h.dm_all("grace", "decline").await;
        assert!(out.contains("Proposal P2"), "Ola is proposed next: {out}");
        // Amina's offer from Grace was withdrawn at once: the new one reaches her at once.
        let out = h.in_room("carol", ROOM, "!tandem match approve 2").await;
        assert!(out.contains("[dm amina] Good news from Pathways Mentoring 2027: we'd like to match you with Ola as your mentor"), "{out}");
        // `withdraw` is the command even with an offer open; the offer keeps its place.
        let out = h.dm_all("ola", "withdraw").await;
        assert!(out.contains("Do you really want to withdraw your application"), "{out}");
        let out = h.dm_all("ola", "no").await;
        assert!(out.contains("Good: your application stays as it is."), "{out}");
        assert!(out.contains("Now, back to where we were:"), "{out}");
        assert!(out.contains("we'd like to match you with Amina"), "the offer again: {out}");
        h.dm_all("ola", "accept").await;
        h.dm_all("amina", "accept").await;
        let out = h.dm_all("ola", "withdraw").await;
        assert!(out.contains("You're in an active match with Amina. To end it, please write to the programme team"), "{out}");
        // Grace, with nothing open any more, withdraws for good.
        let out = h.dm_all("grace", "withdraw").await;
        assert!(out.contains("Do you really want to withdraw your application to Pathways Mentoring 2027 as a mentor?"), "{out}");
        let out = h.dm_all("grace", "no").await;
        assert!(out.contains("your application stays as it is"), "{out}");
        h.dm_all("grace", "withdraw").await;
        let out = h.dm_all("grace", "yes").await;
        assert!(out.contains("[dm grace] Your application to Pathways Mentoring 2027 was withdrawn."), "{out}");
        assert!(out.contains("[room coordinators] Application A2 (mentor, Pathways Mentoring 2027) was withdrawn by the applicant."), "{out}");
        let mine = h.store.applications_of(&user("grace")).await.unwrap();
        assert_eq!(mine[0].status, tandem::domain::ApplicationStatus::Withdrawn);
        let out = h.dm_all("grace", "withdraw").await;
        assert!(out.contains("You have no application that can be withdrawn."), "{out}");
        // She may apply again.
        let out = h.dm_all("grace", "apply as mentor").await;
        assert!(out.contains("Question 1 of"), "{out}");
        let out = h.dm_all("grace", "withdraw").await;
        assert!(out.contains("nothing to withdraw: type cancel to stop it"), "{out}");
    }

    async fn withdrawing_with_an_open_offer_tells_the_other_person_and_proposes_again(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        ready_mentor(&h, "ola", "Ola", "Finance").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        // Amina declines Grace; the next best, Ola, is proposed; then Amina leaves.
        let out = h.dm_all("amina", "decline").await;
        assert!(out.contains("Proposal P2"), "{out}");
        let out = h.dm_all("amina", "withdraw").await;
        assert!(out.contains("Do you really want to withdraw"), "{out}");
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("was withdrawn by the applicant; their open proposals were set aside"), "{out}");
        assert_eq!(status_of(&h, 2).await, MatchStatus::Rejected);
        let out = h.in_room("carol", ROOM, "!tandem match approve 2").await;
        assert!(out.contains("Proposal P2 (Amina ↔ Ola) is already rejected."), "{out}");
    }

    async fn a_group_shares_one_room_around_its_mentor(db: TestDb) {
        let mut programmes = crate::support::example_programmes();
        programmes[0].matching.as_mut().unwrap().mode =
            tandem::domain::matching::MatchMode::Group { size: 3 };
        let h = Harness::with_programmes(&db, programmes).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentee(&h, "tariq", "Tariq").await;
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("2 new match proposals"), "{out}");
        h.in_room("carol", ROOM, "!tandem match approve all").await;
        for who in ["amina", "grace"] {
            h.dm_all(who, "accept").await;
        }
        assert_eq!(h.rec.created_rooms().len(), 1);
        // Grace's second offer comes once she has answered the first.
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("Tariq"), "{out}");
        let out = h.dm_all("tariq", "accept").await;
        assert!(out.contains("[room room-1] Welcome, Tariq and Grace!"), "{out}");
        let rooms = h.rec.created_rooms();
        assert_eq!(rooms.len(), 1, "one room for the group");
        assert_eq!(rooms[0].members, vec![user("amina"), user("grace"), user("tariq")]);
        let all = h.store.matches_in("pathways-2027").await.unwrap();
        assert!(all.iter().all(|m| m.room.as_deref() == Some("room-1")), "{all:?}");
    }

    async fn moderators_freeze_a_pair_and_suspend_a_person_after_confirming(db: TestDb) {
        let h = Harness::new(&db).await;
        offer_accepted_by_amina(&h).await;
        h.dm_all("grace", "accept").await;
        const MODS: &str = "moderators";
        let out = h.in_room("carol", MODS, "!tandem freeze pair 1").await;
        assert!(out.contains("Sorry carol, only moderators can do that."), "{out}");
        let out = h.in_room("mo", MODS, "!tandem freeze pair 1").await;
        assert!(out.contains("Freeze the pair room of match M1 (Amina & Grace)?"), "{out}");
        assert!(h.rec.read_only_changes().is_empty(), "nothing before confirm");
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("[room moderators] Match M1 (Amina & Grace) is frozen by mo."), "{out}");
        assert!(out.contains("[room coordinators] The moderators have frozen match M1 (Amina & Grace)."), "{out}");
        assert_eq!(h.rec.read_only_changes().len(), 1);
        assert!(h.rec.read_only_changes()[0].1, "read-only");
        let out = h.in_room("max", MODS, "!tandem freeze pair 1").await;
        assert!(out.contains("Match M1 is already frozen."), "{out}");
        h.in_room("max", MODS, "!tandem unfreeze pair 1").await;
        h.in_room("max", MODS, "!tandem confirm").await;
        assert!(!h.rec.read_only_changes()[1].1, "writable again");
        // A suspension, first cancelled, then confirmed.
        let out = h.in_room("mo", MODS, "!tandem suspend grace until 2001-01-01").await;
        assert!(out.contains("1 January 2001 is not in the future."), "{out}");
        let out = h.in_room("mo", MODS, "!tandem suspend grace until 2099-01-01 Repeated rudeness").await;
        assert!(out.contains("Suspend Grace (console:grace, application A2) until 1 January 2099?"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem cancel").await;
        assert!(out.contains("Cancelled: nothing was done."), "{out}");
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("There is nothing waiting for confirmation."), "{out}");
        h.in_room("mo", MODS, "!tandem suspend grace until 2099-01-01 Repeated rudeness").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("console:grace is suspended by mo."), "{out}");
        assert_eq!(h.rec.created_rooms()[0].members, vec![user("amina")], "removed from the pair room");
        let out = h.dm_all("grace", "withdraw").await;
        assert!(out.contains("active match"), "{out}");
        let out = h.dm_all("grace", "apply").await;
        assert!(out.contains("You can't apply right now."), "{out}");
        // Suspended: cannot be matched again.
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(out.contains("0 mentors are ready"), "{out}");
        let out = h.in_room("max", MODS, "!tandem remove amina from room-9").await;
        assert!(out.contains("Amina (console:amina, application A1) is not in a room I manage called “room-9”. Their pair room: room-1."), "{out}");
        let out = h.in_room("max", MODS, "!tandem confirm").await;
        assert!(out.contains("There is nothing waiting for confirmation."), "{out}");
        let out = h.in_room("max", MODS, "!tandem remove amina from room-1").await;
        assert!(out.contains("Remove Amina (console:amina, application A1) from room room-1?"), "{out}");
        let out = h.in_room("max", MODS, "!tandem confirm").await;
        assert!(out.contains("console:amina was removed from room room-1 by max."), "{out}");
        assert!(h.rec.created_rooms()[0].members.is_empty());
        h.in_room("max", MODS, "!tandem unsuspend grace").await;
        let out = h.in_room("max", MODS, "!tandem confirm").await;
        assert!(out.contains("The suspension of console:grace was lifted by max."), "{out}");
    }

    async fn a_moderation_action_names_a_person_tandem_knows_or_is_refused_and_changes_nothing(db: TestDb) {
        use tandem::domain::{Place, Platform, UserRef};
        use tandem::flows::{Content, Inbound};
        const MODS: &str = "moderators";
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        // Tom applies on Matrix; moderators type him as their chat shows him.
        let tom = UserRef::new(Platform::Matrix, "@tom:example.org");
        let mut lines = crate::support::MENTOR_ANSWERS.to_vec();
        lines[1] = "Tom Hill";
        for line in lines.iter().chain(["submit"].iter()) {
            h.app
                .receive(Inbound { from: tom.clone(), place: Place::Dm, content: Content::Text((*line).into()), files: vec![] })
                .await;
        }
        // What a step records, leaving out what every message leaves (its answer in the
        // outbox, the event's id).
        let records = || async {
            let mut tables = h.store.dump_tables().await.unwrap();
            tables.retain(|(t, _)| !["outbox", "inbound_events", "sent_prompts"].contains(&t.as_str()));
            tables
        };
        let before = records().await;
        for (typed, says) in [
            ("nobody", "I don't know anyone called “nobody”"),
            ("@tom:elsewhere.org", "I don't know anyone called “@tom:elsewhere.org”"),
            ("<@123456789012345678>", "I don't know anyone called"),
            ("#99", "I don't know anyone called “#99”"),
        ] {
            for command in [format!("suspend {typed} spam"), format!("unsuspend {typed}"), format!("remove {typed} from room-1")] {
                let out = h.in_room("mo", MODS, &format!("!tandem {command}")).await;
                assert!(out.contains(says), "{command}: {out}");
                assert!(!out.contains("confirm"), "{command}: {out}");
            }
        }
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("There is nothing waiting for confirmation."), "{out}");
        assert!(records().await == before, "nothing changed");

        // Every way of writing Tom finds him.
        for typed in [
            "@tom:example.org",
            "https://matrix.to/#/@tom:example.org",
            "matrix:@tom:example.org",
            "#2",
            "Tom",
            "tom hill",
        ] {
            let out = h.in_room("mo", MODS, &format!("!tandem suspend {typed} spam")).await;
            assert!(out.contains("Suspend Tom Hill (matrix:@tom:example.org, application A2)?"), "{typed}: {out}");
            h.in_room("mo", MODS, "!tandem cancel").await;
        }
        h.in_room("mo", MODS, "!tandem suspend @tom:example.org spam").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("matrix:@tom:example.org is suspended by mo."), "{out}");
        assert!(h.store.is_suspended(&tom, h.app.now()).await.unwrap(), "the stored person is suspended");

        // A name two people answer to is refused; so is escalating a case to an unknown id.
        // (A name prefers people on the moderator's own platform.)
        ready_mentee(&h, "tom", "Tom Baker").await;
        let out = h.in_room("mo", MODS, "!tandem suspend Tom").await;
        assert!(out.contains("Suspend Tom Baker (console:tom, application A3)?"), "{out}");
        h.in_room("mo", MODS, "!tandem cancel").await;
        ready_mentee(&h, "tomo", "Tomo Sato").await;
        ready_mentee(&h, "tommy", "Tom Okafor").await;
        let out = h.in_room("mo", MODS, "!tandem suspend Tom").await;
        assert!(out.contains("“Tom” could be any of: Tom Okafor (console:tommy, application A5); Tom Baker (console:tom, application A3)."), "{out}");
        h.dm_all("amina", "report").await;
        for line in ["1", "Tom", "no", "He keeps messaging me.", "skip", "no", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.in_room("mo", MODS, "!tandem case escalate 1 @lead:example.org").await;
        assert!(out.contains("I don't know anyone called “@lead:example.org”"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case escalate 1 lead").await;
        assert!(out.contains("Case #1 escalated to console:lead by mo."), "{out}");
        assert!(out.contains("[dm lead] Case #1"), "the person is told: {out}");
        let out = h.in_room("mo", MODS, "!tandem case escalate 1 the safeguarding lead").await;
        assert!(out.contains("Case #1 escalated to the safeguarding lead by mo."), "words stay words: {out}");
    }

    async fn a_suspension_withdraws_an_open_offer_kindly_and_no_pair_starts(db: TestDb) {
        const MODS: &str = "moderators";
        let h = Harness::new(&db).await;
        offer_accepted_by_amina(&h).await;
        h.in_room("mo", MODS, "!tandem suspend grace").await;
        let out = h.in_room("mo", MODS, "!tandem confirm").await;
        assert!(out.contains("[dm amina] An update on your match offer with Grace: I'm sorry, it can't go ahead after all."), "{out}");
        assert!(out.contains("[dm grace] An update on your match offer with Amina"), "{out}");
        assert!(out.contains("[room coordinators] Offer M1 (Amina ↔ Grace) was withdrawn before it started"), "{out}");
        assert!(out.lines().filter(|l| l.starts_with("[dm amina]")).all(|l| !l.contains("suspend")), "Amina is not told why: {out}");
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.status, tandem::domain::matches::MatchStatus::Declined);
        let out = h.dm_all("grace", "accept").await;
        assert!(!out.contains("you're matched"), "{out}");
        assert!(h.rec.created_rooms().is_empty(), "no pair room");
    }

    async fn an_offer_is_checked_again_when_it_is_accepted_and_when_its_room_is_made(db: TestDb) {
        use tandem::flows::{Effect, StateChange};
        let h = Harness::new(&db).await;
        offer_accepted_by_amina(&h).await;
        // A suspension recorded while nobody looked at the offer (another process, a
        // race): the acceptance itself finds it.
        let suspend = |who: &str| Effect::Suspend {
            user: user(who),
            until: None,
            reason: "test".into(),
            by: "console:mo".into(),
        };
        h.store
            .commit_step_with(&user("mo"), None, &StateChange::Unchanged, &[suspend("grace")], h.app.now(), None, None)
            .await
            .unwrap();
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("it can't go ahead after all"), "{out}");
        assert!(!out.contains("you're matched"), "{out}");
        assert!(h.rec.created_rooms().is_empty());

        // Bea and Ola both accept while rooms cannot be made; Ola is suspended before
        // their room can be made: it is not made, and the coordinators are alerted.
        ready_mentee(&h, "bea", "Bea").await;
        ready_mentor(&h, "ola", "Ola", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        let offered = h.store.matches_in("pathways-2027").await.unwrap().into_iter().find(|m| m.mentee == user("bea")).unwrap();
        h.in_room("carol", ROOM, &format!("!tandem match approve {}", offered.id)).await;
        h.dm_all("bea", "accept").await;
        h.rec.fail_room_creation("the homeserver is down (502)");
        h.dm_all("ola", "accept").await;
        h.store
            .commit_step_with(&user("mo"), None, &StateChange::Unchanged, &[suspend("ola")], h.app.now(), None, None)
            .await
            .unwrap();
        h.rec.fix_room_creation();
        h.rec.take();
        h.clock.advance(chrono::Duration::minutes(5));
        h.app.dispatch_due().await.unwrap();
        let out = crate::support::transcript(&h.rec.take());
        assert!(h.rec.created_rooms().is_empty(), "no room: {out}");
        assert!(out.contains(&format!("[room coordinators] Match M{} (Bea & Ola) was not given a pair room", offered.id)), "{out}");
    }

    async fn a_check_that_lapses_before_an_offer_is_accepted_withdraws_it_at_the_next_sweep(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        let grace = ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", ROOM, &format!("!tandem step {grace} background_check cleared until 2027-01-20")).await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 1").await;
        h.dm_all("amina", "accept").await;
        h.clock.advance(chrono::Duration::days(10));
        let out = h.sweep().await;
        assert!(out.contains("[dm grace] An update on your match offer with Amina"), "{out}");
        assert!(out.contains("Offer M1 (Amina ↔ Grace) was withdrawn before it started"), "{out}");
        let out = h.dm_all("grace", "accept").await;
        assert!(!out.contains("you're matched"), "{out}");
        assert!(h.rec.created_rooms().is_empty());
    }
}

both_backends! {
    async fn a_match_whose_plan_was_never_scheduled_gets_it_at_the_next_sweep(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let milestones = || async {
            h.store
                .dump_tables()
                .await
                .unwrap()
                .into_iter()
                .find(|(t, _)| t == "jobs")
                .map_or(0, |(_, rows)| rows.iter().filter(|r| r.contains("| milestone |")).count())
        };
        let planned = milestones().await;
        assert!(planned > 0, "the example programme has a plan");
        // The process stopped after the match started, before its plan was scheduled.
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        for sql in [
            "DELETE FROM jobs WHERE kind = 'milestone'",
            "UPDATE matches SET plan_scheduled_at = NULL",
        ] {
            sqlx::query(sql).execute(&pool).await.unwrap();
        }
        pool.close().await;
        assert_eq!(milestones().await, 0);
        // `tandem run` sweeps; it does not call `run_due_jobs` (the console's).
        h.app.sweep().await.unwrap();
        assert_eq!(milestones().await, planned, "the whole plan, once");
        h.app.sweep().await.unwrap();
        assert_eq!(milestones().await, planned, "and only once");
    }
}
