//! Closing matches on both backends: an early no-fault closure by a participant (confirmed,
//! the other told kindly, both offered a new match), a coordinator's disciplinary closure
//! (no offer), the planned end (closing message with what the pair did, thanks, what
//! next, the room archived a week later), and the refusals.

use tandem::domain::ApplicationStatus;
use tandem::domain::matches::{ClosureKind, MatchStatus, NextStep};

use crate::pairing::active_match;
use crate::support::{Harness, user};

const ROOM: &str = "coordinators";

async fn status_of(h: &Harness, who: &str) -> ApplicationStatus {
    h.store.applications_of(&user(who)).await.unwrap()[0].status
}

both_backends! {
    async fn an_early_closure_is_no_fault_and_offers_both_a_new_match(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let room = tandem::domain::RoomRef::new(tandem::domain::Platform::Console, "room-1");
        h.rec.wrote(&room, "Amina", h.app.now(), "Hi Grace! When are you free?");
        h.rec.wrote(&room, "Grace", h.app.now() + chrono::Duration::hours(2), "Thursday evening?");
        let out = h.dm_all("amina", "close match we could never find a time that works").await;
        assert!(out.contains("[dm amina] Do you want to end your mentoring with Grace now? Grace will be told kindly that it has come to an end (not why)"), "{out}");
        assert!(h.rec.read_only_changes().is_empty(), "nothing before the yes");
        let out = h.dm_all("amina", "no").await;
        assert!(out.contains("All right: nothing has changed."), "{out}");
        h.dm_all("amina", "close match we could never find a time that works").await;
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("[dm amina] Your mentoring with Grace has ended. Thank you for the time and care you gave it."), "{out}");
        assert!(out.contains("[dm grace] Your mentoring with Amina has come to an end: Amina isn't able to continue. This is nobody's fault and says nothing about you"), "{out}");
        // The reason is for the coordinators only.
        assert!(!out.split("\n[").filter(|b| b.starts_with("dm grace]")).any(|b| b.contains("never find a time")), "{out}");
        assert!(out.contains("[room room-1] This mentoring has ended, so this room is now closed and read-only."), "{out}");
        assert!(out.contains("[room coordinators] Match M1 (Amina ↔ Grace), Pathways Mentoring 2027, was closed early by Amina (mentee). Reason: we could never find a time that works. Both were told kindly"), "{out}");
        assert!(out.contains("[dm amina] Would you like to be matched with someone new, or take a break for now? Either is fine."), "{out}");
        assert!(out.contains("[dm grace] Would you like to be matched with someone new, or take a break for now?"), "{out}");
        assert_eq!(h.rec.read_only_changes().len(), 1);
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.status, MatchStatus::Closed);
        let closure = m.closure.unwrap();
        assert_eq!((closure.kind, closure.reason.as_str(), closure.by.as_str()), (ClosureKind::Early, "we could never find a time that works", "console:amina"));
        // Both leave the pool until they say otherwise; the milestones stop.
        assert_eq!(status_of(&h, "amina").await, ApplicationStatus::Resting);
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::Resting);
        assert!(h.store.pending_jobs_of("match:1").await.unwrap().is_empty());

        // Grace would like a new match: back in the pool, and the coordinators hear.
        let out = h.dm_all("grace", "Be matched with someone new").await;
        assert!(out.contains("[dm grace] Noted: you're back in the matching pool."), "{out}");
        assert!(out.contains("[room coordinators] After match M1 (Pathways Mentoring 2027): Grace would like to be matched with someone new (back in the pool)."), "{out}");
        assert_eq!(status_of(&h, "grace").await, ApplicationStatus::Ready);
        let out = h.dm_all("amina", "2").await;
        assert!(out.contains("Noted: enjoy the break."), "{out}");
        assert_eq!(status_of(&h, "amina").await, ApplicationStatus::Resting);
        assert_eq!(h.store.next_steps(1).await.unwrap(), vec![("grace".to_string(), NextStep::NewMatch), ("amina".to_string(), NextStep::Break)]);
        // Amina, resting, is not proposed again.
        let out = h.in_room("carol", ROOM, "!tandem match preview").await;
        assert!(!out.contains("Amina ↔"), "{out}");

        // Either of them can have the room's transcript, after the end too; nobody else.
        h.rec.take();
        h.app.receive(crate::support::dm("grace", "transcript")).await;
        let sent = h.rec.take();
        let file = sent.iter().find_map(|s| s.message.attachment.clone()).expect("a transcript");
        assert_eq!(file.name, "transcript-match-1.txt");
        let text = String::from_utf8(file.data).unwrap();
        assert!(text.contains("Transcript of the pair room of Amina and Grace (match M1), 2 messages, times in UTC."), "{text}");
        assert!(text.contains("] Amina: Hi Grace! When are you free?\n["), "{text}");
        assert!(text.contains("] Grace: Thursday evening?"), "{text}");
        let out = h.dm_all("amina", "transcript 7").await;
        assert!(out.contains("You can only have the transcript of a pair room you were in, and match M7 isn't one of yours."), "{out}");
        let out = h.dm_all("bob", "transcript 1").await;
        assert!(out.contains("match M1 isn't one of yours"), "{out}");
        let out = h.dm_all("bob", "transcript").await;
        assert!(out.contains("You have no pair room to send a transcript of."), "{out}");

        // Closing again is refused kindly, by her and by a coordinator.
        let out = h.dm_all("amina", "close match").await;
        assert!(out.contains("You have no active match to close."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem close match 1 duplicate").await;
        assert!(out.contains("Match M1 (Amina ↔ Grace) was already closed on"), "{out}");
        assert!(out.contains("(early)"), "{out}");

        // The programme report with its chart, in the coordinators' room only.
        h.rec.take();
        h.app.receive(crate::support::room_message("carol", ROOM, "!tandem report")).await;
        let sent = h.rec.take();
        let chart = sent.iter().find_map(|s| s.message.attachment.clone()).expect("a chart");
        assert_eq!((chart.name.as_str(), chart.mime.as_str()), ("tandem-report.png", "image/png"));
        assert!(tiny_skia::Pixmap::decode_png(&chart.data).is_ok());
        let out = crate::support::transcript(&sent);
        assert!(out.contains("[room coordinators] Chart: Pathways Mentoring 2027 on 11 January 2027"), "{out}");
        assert!(out.contains("[room coordinators] Programme report: Pathways Mentoring 2027 (11 January 2027)"), "{out}");
        assert!(out.contains("Funnel: 2 applied → 2 accepted → 2 matched → 0 completed"), "{out}");
        assert!(out.contains("Mentees: 1 resting\nMentors: 1 ready"), "{out}");
        assert!(out.contains("Matches: 1 closed (closed: 1 early)"), "{out}");
        assert!(out.contains("Average time from application to match: 0.0 days."), "{out}");
        assert!(out.contains("Midpoint survey has 0 answers so far; results are shown from 5 answers"), "{out}");
        let out = h.in_room("bob", ROOM, "!tandem report").await;
        assert!(out.contains("only the programme's coordinators can see the programme report"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem report nowhere").await;
        assert!(out.contains("There is no programme called “nowhere”."), "{out}");
        // Anywhere else, report is still a private incident report.
        let out = h.in_room("amina", "room-1", "!tandem report").await;
        assert!(out.starts_with("[dm amina]"), "{out}");
        assert!(!out.contains("Programme report"), "{out}");
    }

    async fn a_coordinator_closes_a_match_as_disciplinary_with_no_rematch_offer(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        for (line, reason) in [
            ("!tandem close match 1", "Please give a reason"),
            ("!tandem close match soon", "Usage: close match <match number>"),
            ("!tandem close match 9 gone", "There is no match M9."),
        ] {
            let out = h.in_room("carol", ROOM, line).await;
            assert!(out.contains(reason), "{line}: {out}");
        }
        let out = h.in_room("bob", ROOM, "!tandem close match 1 no reason").await;
        assert!(out.contains("only the programme's coordinators can close a match"), "{out}");
        assert_eq!(h.store.match_by_id(1).await.unwrap().unwrap().status, MatchStatus::Active);

        // Asked first, with what it does; nothing happens until the coordinator confirms.
        let out = h.in_room("carol", ROOM, "!tandem close match 1 disciplinary shared a phone number against the rules").await;
        assert!(out.starts_with("[room coordinators] Close match M1 (Amina ↔ Grace, Pathways Mentoring 2027, since "), "{out}");
        assert!(out.contains("Both are told that the programme has closed it (not the reason), and neither is offered a new match; their pair room is archived. This cannot be undone. Reason recorded: shared a phone number against the rules\nType !tandem confirm to do it, or !tandem cancel."), "{out}");
        assert!(!out.contains("[dm "), "{out}");
        assert_eq!(h.store.match_by_id(1).await.unwrap().unwrap().status, MatchStatus::Active);
        // Confirmed elsewhere: pointed to the coordinators' room.
        let out = h.in_room("carol", "lobby", "!tandem confirm").await;
        assert!(out.contains("Your closing of match M1 waits in the coordinators' room"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("[dm amina] Your match with Grace in Pathways Mentoring 2027 has been closed by the programme's coordinators."), "{out}");
        assert!(out.contains("[dm grace] Your match with Amina in Pathways Mentoring 2027 has been closed by the programme's coordinators."), "{out}");
        assert!(!out.contains("phone number\n[dm"), "{out}");
        assert!(!out.contains("matched with someone new"), "no offer: {out}");
        assert!(out.contains("[room coordinators] Match M1 (Amina ↔ Grace), Pathways Mentoring 2027, was closed (disciplinary) by console:carol. Reason: shared a phone number against the rules. Marked disciplinary: no new match was offered."), "{out}");
        assert!(out.contains("[room room-1] This mentoring has ended"), "{out}");
        assert_eq!(h.store.match_by_id(1).await.unwrap().unwrap().closure.unwrap().kind, ClosureKind::Disciplinary);
        // A participant's close match from the pair room goes on by DM.
        let out = h.in_room("amina", "room-1", "!tandem close match").await;
        assert_eq!(out, "[dm amina] You have no active match to close.");
        // Nothing waits any more.
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("There is nothing waiting for confirmation."), "{out}");
    }

    async fn a_match_closed_from_a_case_tells_the_member_it_is_not_about_kindly_and_offers_a_new_match(db: TestDb) {
        const MODS: &str = "moderators";
        let h = Harness::new(&db).await;
        active_match(&h).await; // match 1: Amina (mentee) and Grace (mentor)
        // Amina reports Grace, anonymously.
        for line in ["report", "1", "Grace", "no", "Grace keeps messaging me late at night and asked me to keep it secret.", "skip", "no", "yes", "yes"] {
            h.dm_all("amina", line).await;
        }
        // The case is linked to the person it is about, and so to her match.
        let out = h.in_room("mo", MODS, "!tandem case concerns 1 nobody").await;
        assert!(out.contains("I don't know anyone called “nobody”"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case close-match 1 1 late-night messages").await;
        assert!(out.contains("Match M1 is not a match of anyone case #1 is linked to. Link the person first: !tandem case concerns 1 <person>"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case concerns 1 grace").await;
        assert!(out.contains("Case #1 is now linked to Grace (console:grace, application A2)."), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(out.contains("Linked: Grace (console:grace): application A2 ("), "{out}");
        assert!(out.contains("match M1 (active)"), "{out}");
        assert!(!out.contains("Amina"), "the match's other member may be the reporter: {out}");
        // Closed from the case: Grace gets the neutral text, Amina is told it is not her
        // fault and asked about a new match; the coordinators learn who is which.
        let out = h.in_room("mo", MODS, "!tandem case close-match 1 1 repeated late-night messages").await;
        assert!(out.contains("[dm grace] Your match with Amina in Pathways Mentoring 2027 has been closed by the programme's coordinators."), "{out}");
        assert!(out.contains("[dm amina] Your mentoring with Grace in Pathways Mentoring 2027 has ended: the programme has closed the match. This is not your fault, and nothing you did caused it."), "{out}");
        assert!(out.contains("[dm amina] Would you like to be matched with someone new, or take a break for now?"), "{out}");
        assert!(!out.contains("[dm grace] Would you like"), "no new match for the member the case is about: {out}");
        assert!(out.contains("[room coordinators] Match M1 (Amina ↔ Grace), Pathways Mentoring 2027, was closed (disciplinary) by console:mo, following moderation case #1. Reason: repeated late-night messages. Marked disciplinary: Grace was not offered a new match"), "{out}");
        assert!(out.contains("Amina was told it was not their fault and asked whether they'd like a new match"), "{out}");
        assert!(out.contains("[room moderators] Match M1 closed (disciplinary)."), "{out}");
        assert!(!out.contains("late at night"), "the report stays with the moderators: {out}");
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.closure.unwrap().kind, ClosureKind::Disciplinary);
        let out = h.in_room("mo", MODS, "!tandem case close-match 1 1 again").await;
        assert!(out.contains("Match M1 is closed, not active: there is nothing to close."), "{out}");
        // Amina would like a new match: the coordinators hear it.
        let out = h.dm_all("amina", "1").await;
        assert!(out.contains("[room coordinators]"), "{out}");
        // Unlinking works too, and says so.
        let out = h.in_room("mo", MODS, "!tandem case concerns 1 not grace").await;
        assert!(out.contains("Case #1 is no longer linked to Grace"), "{out}");
    }

    async fn a_resolution_names_a_linked_match_still_frozen(db: TestDb) {
        const MODS: &str = "moderators";
        let h = Harness::new(&db).await;
        active_match(&h).await;
        for line in ["report", "1", "Grace", "no", "Grace shared my photo without asking.", "skip", "no", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        h.in_room("mo", MODS, "!tandem freeze pair 1").await;
        h.in_room("mo", MODS, "!tandem confirm").await;
        h.in_room("mo", MODS, "!tandem case concerns 1 #2").await;
        let out = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(out.contains("match M1 (active, frozen)"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case resolve 1 Talked to Grace; the coordinators decide.").await;
        assert!(out.contains("Match M1 is still frozen: !tandem unfreeze pair M1 lets the pair carry on, or !tandem case close-match 1 M1 <reason> ends it."), "{out}");
    }

    async fn the_planned_end_thanks_the_pair_asks_what_next_and_archives_the_room_a_week_later(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        // Two check-ins answered "met" along the way.
        h.clock.advance(chrono::Duration::days(15));
        h.sweep().await;
        h.dm_all("amina", "1").await;
        h.dm_all("grace", "1").await;
        h.clock.advance(chrono::Duration::days(14));
        h.sweep().await;
        h.dm_all("grace", "1").await;
        h.dm_all("amina", "2").await;
        // To the end, answering what arrives so nobody is left in a conversation.
        h.clock.set(chrono::DateTime::parse_from_rfc3339("2027-07-12T00:00:00Z").unwrap().with_timezone(&chrono::Utc));
        let sent = h.sweep_sent().await;
        let out = crate::support::transcript(&sent);
        // Each gets a certificate with their name, drawn as a PNG.
        for who in ["amina", "grace"] {
            let file = sent
                .iter()
                .filter(|s| s.target == tandem::platforms::recording::Target::Dm(user(who)))
                .find_map(|s| s.message.attachment.clone())
                .unwrap_or_else(|| panic!("no certificate for {who}: {out}"));
            assert_eq!(file.mime, "image/png");
            assert_eq!(file.name, format!("certificate-{who}.png"));
            let image = tiny_skia::Pixmap::decode_png(&file.data).unwrap();
            assert_eq!((image.width(), image.height()), (1600, 1130));
        }
        // The fonts (about 10 MB) were let go once the certificates were drawn.
        assert!(!h.app.holds_fonts());
        assert!(out.contains("[room room-1] Six months ago you started mentoring together"), "{out}");
        // The first meeting, 12 check-ins, the midpoint and its survey, and the closure.
        assert!(out.contains("What you did together: 16 milestones along the way"), "{out}");
        assert!(out.contains("and 2 check-ins where you told us you'd met. This room stays open until 18 July to say goodbye."), "{out}");
        assert!(out.contains("[dm amina] Congratulations, Amina! You've completed your mentoring as a mentee in Pathways Mentoring 2027, from 11 January 2027 to 11 July 2027. Thank you for everything you put into it. Your certificate is attached."), "{out}");
        assert!(out.contains("[dm grace] Congratulations, Grace! You've completed your mentoring as a mentor"), "{out}");
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!((m.status, m.closure.unwrap().kind), (MatchStatus::Closed, ClosureKind::Planned));
        // Each is in a check-in, then the midpoint and closing surveys, then what next.
        for who in ["amina", "grace"] {
            let mut said = String::new();
            for _ in 0..20 {
                said = h.dm_all(who, "later").await;
                if said.contains("what would you like next?") {
                    break;
                }
                said = h.dm_all(who, "1").await;
                if said.contains("what would you like next?") {
                    break;
                }
            }
            assert!(said.contains("Now that your mentoring with"), "{who}: {said}");
            assert!(said.contains("keep in touch with"), "{who}: {said}");
        }
        let out = h.dm_all("amina", "1").await;
        assert!(out.contains("Lovely. Stay in touch with Grace"), "{out}");
        // The question never blocks a report: Grace reports instead of answering.
        let out = h.dm_all("grace", "report").await;
        assert!(out.contains("[dm grace] I'm sorry something has happened. This report is private"), "{out}");
        // A week later the room closes.
        h.clock.advance(chrono::Duration::days(7));
        let out = h.sweep().await;
        assert!(out.contains("[room room-1] Your mentoring here has ended, so this room is now closed and read-only."), "{out}");
        assert_eq!(h.rec.read_only_changes().last().map(|c| c.1), Some(true));
        assert!(!h.sweep().await.contains("room-1"), "archived once");
    }
}
