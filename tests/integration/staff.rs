//! Staff support on both backends (#22.5, #22.6): pairs shared among the staff by caseload,
//! staff check-ins logged and refused for a match not in progress, an overdue contact
//! reminded to its staff member then escalated to the room, each once; a quiet pair alerted
//! at risk once a spell, asked whether to carry on, re-engaged, and later offered for
//! closure; the check-ins in `my data`, their notes erased with `delete my data`. And the
//! pair's mentoring agreement (#22.8): read and accepted in the pair room, its goals back
//! at the midpoint.

use crate::console::{expect_lines, run_fixture_with};
use crate::pairing::{active_match, ready_mentee, ready_mentor};
use crate::personal::my_data;
use crate::support::Harness;

const ROOM: &str = "coordinators";

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

both_backends! {
    async fn pairs_are_shared_among_the_staff_and_an_overdue_contact_is_reminded_then_escalated_once(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await; // M1: Amina and Grace
        ready_mentee(&h, "bea", "Bea").await;
        ready_mentor(&h, "ola", "Ola", "Technology").await;
        h.in_room("carol", ROOM, "!tandem match propose").await;
        h.in_room("carol", ROOM, "!tandem match approve 2").await;
        h.dm_all("bea", "accept").await;
        h.dm_all("ola", "accept").await; // M2: Bea and Ola
        // In parts, each boxed: one future holding them all would outgrow a test's stack.
        Box::pin(shared_and_reminded(&h)).await;
        Box::pin(handed_on_and_worried_about(&h)).await;
        Box::pin(refused_and_erased(&h)).await;
    }
}

/// M1 is carol's, so M2 goes to dev; carol logs M1's first contact, dev is reminded of
/// M2's, then the room.
async fn shared_and_reminded(h: &Harness) {
    // Each is told of their new pair, once.
    let out = h.sweep().await;
    assert!(out.contains("[dm carol] You look after a new pair: M1 (Amina ↔ Grace), Pathways Mentoring 2027. Your first check-in with them is due by 25 January 2027"), "{out}");
    assert!(
        out.contains("[dm dev] You look after a new pair: M2 (Bea ↔ Ola)"),
        "{out}"
    );
    assert!(!h.sweep().await.contains("new pair"), "once");
    let out = h.in_room("carol", ROOM, "!tandem checkins for M1").await;
    assert!(out.contains("Staff check-ins for M1 (Amina ↔ Grace), pathways-2027 · looked after by carol · too early to tell\nNone logged yet.\nMeetings: none logged yet (the programme asks 2h a month)\nNext due by 25 January 2027."), "{out}");
    let out = h.in_room("carol", ROOM, "!tandem checkins for M2").await;
    assert!(out.contains("looked after by dev"), "{out}");
    let out = h.in_room("carol", ROOM, "!tandem checkins").await;
    assert!(
        out.contains(
            "No staff check-in is due this week. The next: M1 (Amina ↔ Grace) by 25 January 2027."
        ),
        "{out}"
    );

    h.clock.advance(days(10));
    let out = h.in_room("carol", ROOM, "!tandem checkins").await;
    assert!(out.contains("Staff check-ins due: 0 overdue, 2 this week, the most overdue first:\nM1 · Amina ↔ Grace · pathways-2027 · contact 1: due by 25 January 2027 · carol\nM2 · Bea ↔ Ola · pathways-2027 · contact 1: due by 25 January 2027 · dev"), "{out}");
    let out = h
        .in_room(
            "carol",
            ROOM,
            "!tandem checkin M1 by call with both: a good start, CV first",
        )
        .await;
    assert!(out.contains("Logged: a check-in with both by call for M1 (Amina ↔ Grace). The next is due by 11 February 2027."), "{out}");
    assert!(
        !out.contains("[dm amina]") && !out.contains("[dm grace]"),
        "notes are never sent to the pair: {out}"
    );

    // The day after it was due, dev is reminded; once, however often the sweep runs.
    h.clock.advance(days(5));
    let out = h.sweep().await;
    assert!(out.contains("[dm dev] Staff check-in due: M2 (Bea ↔ Ola), Pathways Mentoring 2027. Contact 1 was due by 25 January 2027."), "{out}");
    assert!(!out.contains("M1"), "M1's contact was logged: {out}");
    assert!(!h.sweep().await.contains("Staff check-in due"));
    let out = h.in_room("dev", ROOM, "!tandem checkins mine").await;
    assert!(
        out.contains("Staff check-ins of yours due: 1 overdue, 0 this week"),
        "{out}"
    );
    assert!(
        out.contains("contact 1: 1 day overdue (due 25 January 2027) · dev"),
        "{out}"
    );
    assert!(h.in_room("dev", ROOM, "!tandem matches check-in").await.contains("M2 · Bea (A3) ↔ Ola (A4) · pathways-2027 · needs a check-in (a staff contact is 1 day overdue)"));

    // A week after it was due, the room is told; once.
    h.clock.advance(days(6));
    assert!(!h.sweep().await.contains("Overdue staff check-in"));
    h.clock.advance(days(1));
    let out = h.sweep().await;
    assert!(out.contains("[room coordinators] Overdue staff check-in: M2 (Bea ↔ Ola), Pathways Mentoring 2027. Contact 1 was due by 25 January 2027, 8 days ago; dev looks after it."), "{out}");
    assert!(!h.sweep().await.contains("Overdue staff check-in"));
}

async fn handed_on_and_worried_about(h: &Harness) {
    // Handed to carol, who logs a concern: the match is at risk until a contact without one.
    let out = h
        .in_room("dev", ROOM, "!tandem checkin assign M2 carol")
        .await;
    assert!(
        out.contains("[room coordinators] M2 (Bea ↔ Ola) is looked after by carol now."),
        "{out}"
    );
    assert!(out.contains("[dm carol] dev handed you match M2"), "{out}");
    let out = h
        .in_room(
            "carol",
            ROOM,
            "!tandem checkin M2 mentee concern: Bea feels overwhelmed",
        )
        .await;
    assert!(
        out.contains("Noted as a concern: M2 is at risk until a check-in without one."),
        "{out}"
    );
    assert!(
        h.in_room("carol", ROOM, "!tandem matches at-risk")
            .await
            .contains("a concern noted at the latest staff check-in")
    );
    h.in_room("ola", "room-2", "Shall we meet on Monday, Bea?")
        .await;
    h.in_room(
        "carol",
        ROOM,
        "!tandem checkin M2 with both by video: they met on Monday",
    )
    .await;
    let out = h.in_room("carol", ROOM, "!tandem match show M2").await;
    assert!(
        out.contains("M2 · Pathways Mentoring 2027 · active · on track"),
        "{out}"
    );
    assert!(
        out.contains("Looked after by carol · 2 staff check-ins, the next due by 2 March 2027"),
        "{out}"
    );
}

async fn refused_and_erased(h: &Harness) {
    // Bad input changes nothing.
    for (typed, said) in [
        ("!tandem checkin M2", "Say what you talked about"),
        ("!tandem checkin M2 call:", "Say what you talked about"),
        ("!tandem checkin M9 they met", "There is no match M9."),
        (
            "!tandem checkin assign M2 zed",
            "`zed` doesn't look after pairs in Pathways Mentoring 2027 on console. Who does: console:carol, console:dev.",
        ),
    ] {
        let out = h.in_room("carol", ROOM, typed).await;
        assert!(out.contains(said), "{typed}: {out}");
    }
    assert_eq!(h.store.staff_check_ins_of(2).await.unwrap().len(), 2);
    h.in_room("carol", ROOM, "!tandem close match M2 Bea moved away")
        .await;
    h.in_room("carol", ROOM, "!tandem confirm").await;
    let out = h
        .in_room("carol", ROOM, "!tandem checkin M2 one more call")
        .await;
    assert!(
        out.contains("M2 is closed: staff check-ins are logged for active matches only."),
        "{out}"
    );
    assert_eq!(h.store.staff_check_ins_of(2).await.unwrap().len(), 2);

    // Each member sees the staff's contacts with their pair; their notes go with
    // either member's data.
    h.dm_all("amina", "1").await; // the check-in waiting for her answer
    let data = my_data(h, "amina").await;
    let contacts = &data["matches"][0]["staff_check_ins"];
    assert_eq!(contacts[0]["note"], "a good start, CV first", "{data}");
    assert_eq!(contacts[0]["how"], "call");
    h.dm_all("grace", "delete my data").await;
    h.dm_all("grace", "Yes, delete my data").await;
    let log = h.store.staff_check_ins_of(1).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].notes, "[erased]");
}

both_backends! {
    async fn a_quiet_pair_turns_at_risk_once_a_spell_is_asked_to_carry_on_and_is_offered_for_closure(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.in_room("carol", ROOM, "!tandem checkin M1 by call: a good start").await;
        h.in_room("carol", ROOM, "!tandem checkin M1 by call: still fine").await;

        h.clock.advance(days(22));
        let out = h.sweep().await;
        assert!(out.contains("[dm carol] Match at risk: M1 (Amina ↔ Grace), Pathways Mentoring 2027: quiet for 22 days. You look after this pair."), "{out}");
        assert!(!h.sweep().await.contains("Match at risk"), "once a spell");

        // A month without a word: both are asked, once.
        h.clock.advance(days(8));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Hello Amina, it has been 30 days since anyone wrote in the room you share with Grace (Pathways Mentoring 2027)."), "{out}");
        assert!(out.contains("[dm grace] Hello Grace, it has been 30 days"), "{out}");
        assert!(!out.contains("Closure offered"), "{out}");
        assert!(!h.sweep().await.contains("Hello Amina"));

        // Grace answers in the pair room (on 10 Feb): back on track once carol has been in
        // touch, and the spell is over.
        h.in_room("grace", "room-1", "Sorry for going quiet! Thursday?").await;
        h.clock.advance(days(1));
        h.sweep().await;
        h.in_room("carol", ROOM, "!tandem checkin M1 by call: back on track").await;
        let out = h.in_room("carol", ROOM, "!tandem matches").await;
        assert!(out.contains("M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · on track"), "{out}");

        // A second spell is alerted again, and two weeks after both were asked again the
        // coordinators are offered to close the match.
        h.clock.advance(days(22));
        let out = h.sweep().await;
        assert!(out.contains("[dm carol] Match at risk: M1 (Amina ↔ Grace), Pathways Mentoring 2027: quiet for 23 days; 2 check-ins in a row unanswered."), "{out}");
        h.clock.advance(days(7));
        assert!(h.sweep().await.contains("[dm amina] Hello Amina, it has been 30 days"));
        h.clock.advance(days(13));
        assert!(!h.sweep().await.contains("Closure offered"));
        h.clock.advance(days(1));
        let out = h.sweep().await;
        assert!(out.contains("[room coordinators] Closure offered: M1 (Amina ↔ Grace), Pathways Mentoring 2027. No message in their pair room for 44 days (since 10 February 2027), even after both were asked whether they'd like to carry on. If it has run its course: !tandem close match M1 no contact."), "{out}");
        assert!(!h.sweep().await.contains("Closure offered"));
    }
}

both_backends! {
    async fn a_pair_accepts_its_agreement_in_its_room_and_the_midpoint_brings_the_goals_back(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        let out = h.in_room("amina", "room-1", "!tandem agreement").await;
        for expected in [
            "[room room-1] Your mentoring agreement, Amina and Grace:\nGoals (from Amina's application):\n• Goals: ",
            "\n• Hopes for the programme: ",
            "\nHow often to meet: ",
            "\nAgreed: Amina (not yet), Grace (not yet).\nTo accept it, type !tandem agree here.",
        ] {
            assert!(out.contains(expected), "«{expected}» in:\n{out}");
        }
        let out = h.in_room("amina", "room-1", "!tandem agree").await;
        assert!(out.contains("[room room-1] Amina has agreed. Grace, type !tandem agree here when you have read it."), "{out}");
        assert!(h.in_room("amina", "room-1", "!tandem agree").await.contains("You have agreed already."));
        // Someone else's room, or none: where it works, by DM, and nothing recorded.
        let out = h.in_room("bea", "room-1", "!tandem agree").await;
        assert!(out.contains("[dm bea] Your mentoring agreement is in your pair room"), "{out}");
        let out = h.in_room("grace", "room-1", "!tandem agree").await;
        assert!(out.contains("Grace has agreed too: you both have a mentoring agreement now."), "{out}");
        assert_eq!(h.store.agreed_to(1).await.unwrap().len(), 2);
        assert!(h.in_room("grace", "room-1", "!tandem agreement").await.contains("Agreed: Amina ✓, Grace ✓."));

        // Three months in, the midpoint brings the goals back.
        h.clock.advance(days(92));
        let out = h.sweep().await;
        assert!(out.contains("Halfway there!"), "{out}");
        assert!(out.contains("\nYour goals when you started:\n• Goals: "), "{out}");
        assert!(out.contains("How far did you get with them, and what would you like to do next?"), "{out}");

        // Erased with the person.
        h.dm_all("grace", "delete my data").await;
        h.dm_all("grace", "Yes, delete my data").await;
        assert_eq!(h.store.agreed_to(1).await.unwrap().len(), 1);
    }
}

#[test]
fn the_checkins_demo_script_shares_pairs_reminds_an_overdue_contact_and_escalates_it() {
    let (stdout, _) = run_fixture_with(
        "checkins_demo.txt",
        &[],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    expect_lines(
        &stdout,
        &[
            "Looked after by dev · 0 staff check-ins, the next due by 25 January 2027",
            "[room coordinators] No staff check-in is due this week. The next: M1 (Amina ↔ Grace) by 25 January 2027.",
            "[room coordinators] Staff check-ins due: 0 overdue, 2 this week, the most overdue first:\n  M1 · Amina ↔ Grace · pathways-2027 · contact 1: due by 25 January 2027 · carol\n  M2 · Bea ↔ Grace · pathways-2027 · contact 1: due by 25 January 2027 · dev",
            "[room coordinators] Logged: a check-in with both by call for M1 (Amina ↔ Grace). The next is due by 11 February 2027.",
            "[dm dev] Staff check-in due: M2 (Bea ↔ Grace), Pathways Mentoring 2027. Contact 1 was due by 25 January 2027.",
            "M2 · Bea ↔ Grace · pathways-2027 · contact 1: 1 day overdue (due 25 January 2027) · dev",
            "[room coordinators] Overdue staff check-in: M2 (Bea ↔ Grace), Pathways Mentoring 2027. Contact 1 was due by 25 January 2027, 8 days ago; dev looks after it.",
            "[room coordinators] M2 (Bea ↔ Grace) is looked after by carol now.",
            "[dm carol] dev handed you match M2 (Bea ↔ Grace, Pathways Mentoring 2027): you look after it now.",
            "Noted as a concern: M2 is at risk until a check-in without one.",
            "M2 · Bea (A3) ↔ Grace (A2) · pathways-2027 · at risk: quiet for 22 days; a concern noted at the latest staff check-in",
            "[room coordinators] Staff check-ins for M2 (Bea ↔ Grace), pathways-2027 · looked after by carol · on track\n  1. 2 February 2027 · carol · with Bea by chat · concern · Bea has exams and feels overwhelmed; they haven't met yet.\n  2. 2 February 2027 · carol · with both by video · exams are over and they met on Monday.\n  Meetings: none logged yet (the programme asks 2h a month)\n  Next due by 2 March 2027.",
            "Say what you talked about after the match",
            "A2 is an application",
            "`zed` doesn't look after pairs in Pathways Mentoring 2027 on console.",
            "[room coordinators] M2 is closed: staff check-ins are logged for active matches only.",
        ],
    );
}

#[test]
fn the_health_demo_script_has_a_match_go_at_risk_be_re_engaged_and_later_be_offered_for_closure() {
    let (stdout, _) =
        run_fixture_with("health_demo.txt", &[], &["--start", "2027-01-11T09:00:00Z"]);
    expect_lines(
        &stdout,
        &[
            "M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · too early to tell · since 11 January 2027",
            "[dm carol] Staff check-in due: M1 (Amina ↔ Grace), Pathways Mentoring 2027. Contact 1 was due by 25 January 2027.",
            "M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · needs a check-in (a staff contact is 1 day overdue)",
            "[dm carol] Match at risk: M1 (Amina ↔ Grace), Pathways Mentoring 2027: quiet for 23 days. You look after this pair.",
            "M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · at risk: quiet for 23 days",
            "[dm amina] Hello Amina, it has been 31 days since anyone wrote in the room you share with Grace (Pathways Mentoring 2027). Is everything all right?",
            "[dm grace] Hello Grace, it has been 31 days since anyone wrote in the room you share with Amina",
            "M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · on track · since 11 January 2027",
            "[room coordinators] Closure offered: M1 (Amina ↔ Grace), Pathways Mentoring 2027. No message in their pair room for 45 days (since 11 February 2027), even after both were asked whether they'd like to carry on.",
            "M1 · Pathways Mentoring 2027 · active · at risk: quiet for 45 days; 3 check-ins in a row unanswered",
        ],
    );
    // The second spell is alerted again: two at-risk alerts in all.
    assert_eq!(
        stdout.matches("[dm carol] Match at risk: M1").count(),
        2,
        "{stdout}"
    );
}
