//! The coordinators' lists and numbers, on both backends (#20.7, #20.8): `matches` with its
//! filters, `match show`, `who`, numbers with their letters (A12, P3, M7) and a wrong
//! letter refused, names beside numbers, and staff commands typed without the prefix in
//! the staff rooms while talk there is left alone.

use crate::pairing::{active_match, ready_mentee};
use crate::support::{Harness, MENTOR_ANSWERS};

const ROOM: &str = "coordinators";

both_backends! {
    async fn coordinators_list_matches_by_health_show_one_and_find_people_by_name(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await; // M1: Amina (A1) and Grace (A2)
        ready_mentee(&h, "bea", "Bea").await; // A3, waiting for a mentor

        // Without the prefix in the coordinators' room: the room is the bot's.
        let out = h.in_room("carol", ROOM, "matches").await;
        assert!(out.contains("[room coordinators] 1 open match:\nM1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · too early to tell · since 11 January 2027"), "{out}");
        assert!(out.contains("match show <number>"), "{out}");

        // Three weeks without a word in the pair room: at risk (the programme alerts the
        // coordinators after 21 days), and listed as quiet too.
        h.clock.advance(chrono::Duration::days(21));
        let out = h.in_room("carol", ROOM, "!tandem matches quiet").await;
        assert!(out.contains("M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · at risk: quiet for 21 days"), "{out}");
        assert!(h.in_room("carol", ROOM, "!tandem matches at-risk").await.contains("M1 · Amina"));
        let out = h.in_room("carol", ROOM, "!tandem matches stuck").await;
        assert!(out.contains("No matches (stuck). Filters: frozen, at-risk, stuck, quiet, check-in"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem matches other-2027").await;
        assert!(out.contains("You don't coordinate a programme called `other-2027`. Yours: pathways-2027."), "{out}");

        let out = h.in_room("carol", ROOM, "match show M1").await;
        for expected in [
            "M1 · Pathways Mentoring 2027 · active · at risk: quiet for 21 days",
            "Looked after by carol · 0 staff check-ins, the next due by 25 January 2027",
            "Mentee: Amina (A1, console:amina) — accepted",
            "Mentor: Grace (A2, console:grace) — accepted",
            "Pair room: room-1 · last message never",
            "Next: !tandem checkin M1 <notes> · !tandem message M1 <text> · !tandem pause M1 until <date> · !tandem close match M1 <reason> · !tandem match rematch A1",
        ] {
            assert!(out.contains(expected), "«{expected}» in:\n{out}");
        }
        // The same record as a proposal number; an application number is refused, and
        // nothing is done with the application that has it.
        assert!(h.in_room("carol", ROOM, "!tandem match show P1").await.contains("M1 · Pathways"));
        let out = h.in_room("carol", ROOM, "!tandem match show A1").await;
        assert!(out.contains("A1 is an application; this command takes a match or proposal number (like M7 or P3)."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem approve M3").await;
        assert!(out.contains("M3 is a match; this command takes an application number (like A12)."), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem match show M9").await;
        assert!(out.contains("There is no match or proposal number 9."), "{out}");

        // Who: by part of a name, with applications and matches.
        let out = h.in_room("carol", ROOM, "!tandem who ami").await;
        assert!(out.contains("1 person answers to “ami”:\nAmina (console:amina)\n  A1 · pathways-2027 · mentee · "), "{out}");
        assert!(out.contains("\n  M1 · Amina ↔ Grace · active"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem who A3").await;
        assert!(out.contains("Bea (console:bea)\n  A3 · pathways-2027 · mentee · ready to be matched"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem who nobody-here").await;
        assert!(out.contains("Nobody in your programmes answers to “nobody-here”."), "{out}");
    }
}

both_backends! {
    async fn staff_talk_without_the_prefix_is_left_alone_and_cards_show_words_that_work(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await; // A1
        for talk in ["who can take the new ones?", "approve A1 when the check is back", "morning all"] {
            assert_eq!(h.in_room("carol", ROOM, talk).await.trim(), "", "{talk}");
            assert_eq!(h.in_room("max", "moderators", talk).await.trim(), "", "{talk}");
        }
        // A pair room is not the bot's: a command there needs the prefix.
        assert_eq!(h.in_room("carol", "room-9", "queue").await.trim(), "");
        // The queue names the applicant beside the number, not their platform id.
        let mut lines = MENTOR_ANSWERS.to_vec();
        lines[1] = "Tom";
        for line in lines.iter().chain(["submit"].iter()) {
            h.dm_all("tom", line).await;
        }
        let out = h.in_room("carol", ROOM, "queue").await;
        assert!(out.contains("\nA2 Tom · pathways-2027 · mentor · needs review · 0 days"), "{out}");
        assert!(!out.contains("console:tom"), "{out}");
        let out = h.in_room("carol", ROOM, "show A2").await;
        assert!(out.contains("Reply here: approve A2 · reject A2"), "{out}");
        let out = h.in_room("carol", ROOM, "approve A2").await;
        assert!(out.contains("Application A2 (Tom, mentor) approved by carol."), "the words on the card work as written: {out}");
        let out = h.in_room("max", "moderators", "cases").await;
        assert!(out.contains("[room moderators]"), "a moderator's command works unprefixed too: {out}");
    }
}
