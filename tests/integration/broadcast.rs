//! Broadcasts (issue #24): a coordinator's announcement by DM to an audience, with a dry
//! run first, each person's language where the coordinator translated it, and a
//! participant's `mute announcements`.

use crate::languages::{has, printed, run, to};
use crate::support::MENTEE_ANSWERS;

/// `who` applies as a mentee to the example programme, submits and reads the orientation.
fn applies(who: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut lines = crate::resources::applies(who);
    lines.push((who, "I agree"));
    lines
}

#[test]
fn a_broadcast_is_dry_run_then_confirmed_and_read_in_each_persons_language_except_by_who_muted_it()
{
    let mut lines = vec![("bea", "idioma es")];
    lines.extend(applies("amina"));
    lines.extend(applies("bea"));
    lines.extend([
        (
            "carol in coordinators",
            "!tandem broadcast waiting The CV workshop is on Friday at 18:00. || es: El taller de CV es el viernes a las 18:00.",
        ),
        ("carol in coordinators", "!tandem confirm"),
        ("bea", "silenciar anuncios"),
        ("carol in coordinators", "!tandem broadcast mentees A second note for mentees."),
        ("carol in coordinators", "!tandem cancel"),
        ("carol in coordinators", "!tandem broadcast mentors Hello mentors"),
        ("amina", "broadcast all Hello everyone"),
    ]);
    let stdout = run(&lines);
    let room = printed(&stdout, "[room coordinators] ");
    has(
        &room,
        "Broadcast to people waiting to be matched in Pathways Mentoring 2027 (a dry run: nothing is sent yet). 2 people get it by direct message.",
    );
    has(&room, "Those who chose es read your translation");
    has(&room, "Sending to 2 people");
    has(&room, "1 person muted announcements and will not get it.");
    has(&room, "Cancelled: nothing was sent.");
    has(
        &room,
        "Nobody to send to: there are no mentors in Pathways Mentoring 2027. Nothing was sent.",
    );
    let amina = to(&stdout, "amina");
    has(
        &amina,
        "📣 Pathways Mentoring 2027:\nThe CV workshop is on Friday at 18:00.",
    );
    has(
        &amina,
        "Coordinators' commands work in the coordinators' room",
    );
    let bea = to(&stdout, "bea");
    has(
        &bea,
        "📣 Mentoría Pathways 2027:\nEl taller de CV es el viernes a las 18:00.",
    );
    has(&bea, "ya no recibirás los anuncios de la coordinación");
    assert!(
        !bea.iter().any(|m| m.contains("A second note")),
        "{}",
        bea.join("\n---\n")
    );
}

#[test]
fn an_apply_card_is_posted_in_a_community_room_and_applications_from_it_are_counted_by_source() {
    let mut lines = vec![("carol in coordinators", "!tandem announce apply welcome")];
    // The card's button on Discord is this, typed in the room.
    lines.push((
        "amina in welcome",
        "!tandem apply pathways-2027 via announcement",
    ));
    lines.extend(MENTEE_ANSWERS.iter().skip(1).map(|l| ("amina", *l)));
    lines.push(("amina", "submit"));
    lines.push(("bo", "apply ref school-12"));
    lines.extend(MENTEE_ANSWERS.iter().skip(1).map(|l| ("bo", *l)));
    lines.push(("bo", "submit"));
    lines.push(("carol in coordinators", "!tandem report"));
    let stdout = run(&lines);
    let welcome = printed(&stdout, "[room welcome] ");
    has(
        &welcome,
        "📣 Pathways Mentoring 2027 is open for applications!",
    );
    has(
        &welcome,
        "To apply, send me a direct message: apply pathways-2027",
    );
    assert_eq!(
        welcome.len(),
        1,
        "nothing said in the room but the card: {welcome:?}"
    );
    let room = printed(&stdout, "[room coordinators] ");
    has(
        &room,
        "Applications by source: 1 announcement, 1 referral school-12",
    );
}

/// Amina (mentee) and Grace (mentor) completed Pathways Mentoring 2027 (their match closed
/// at its planned end, recorded as the scheduler records it), and a second programme,
/// Pathways 2028, coordinated by Carol too, is open.
async fn alumni_of_2027(db: &crate::support::TestDb) -> crate::support::Harness {
    use tandem::app::Clock;
    use tandem::domain::matches::ClosureKind;
    use tandem::flows::FlowState;
    use tandem::step::{Effect, StateChange};
    let before = crate::support::Harness::new(db).await;
    crate::pairing::active_match(&before).await;
    let close = Effect::CloseMatch {
        match_id: 1,
        kind: ClosureKind::Planned,
        reason: "the programme's planned end".into(),
        by: "tandem".into(),
    };
    before
        .store
        .commit_step::<FlowState>(
            &crate::support::user("carol"),
            None,
            &StateChange::Unchanged,
            &[close],
            before.clock.now(),
        )
        .await
        .unwrap();
    // The next year's programme opens (the same database, the programmes read again).
    let mut programmes = crate::support::example_programmes();
    let mut next = programmes[0].clone();
    next.slug = "pathways-2028".into();
    next.name = "Pathways Mentoring 2028".into();
    next.translations = Default::default();
    programmes.push(next);
    crate::support::Harness::with_programmes(db, programmes).await
}

both_backends! {
    async fn alumni_are_invited_to_apply_as_mentors_and_their_applications_count_as_from_alumni(db: TestDb) {
        let h = alumni_of_2027(&db).await;
        let room = "coordinators";
        // The programme they completed is not theirs to apply to again.
        let out = h.in_room("carol", room, "!tandem broadcast pathways-2027 alumni Come back as a mentor!").await;
        assert!(out.contains("Nobody to send to: there are no alumni in Pathways Mentoring 2027"), "{out}");
        let out = h.in_room("carol", room, "!tandem broadcast pathways-2028 alumni Come back as a mentor! || es: ¡Vuelve como mentora!").await;
        assert!(out.contains("Broadcast to alumni in Pathways Mentoring 2028 (a dry run: nothing is sent yet). 2 people get it by direct message."), "{out}");
        assert!(out.contains("apply pathways-2028 as mentor via alumni"), "{out}");
        h.dm_all("amina", "idioma es").await;
        h.rec.take();
        h.app.receive(crate::support::room_message("carol", room, "!tandem confirm")).await;
        let sent = h.rec.dms_to(&crate::support::user("amina"));
        let invitation = sent.iter().find(|m| m.text.contains("Vuelve como mentora")).unwrap_or_else(|| panic!("{sent:?}"));
        assert!(invitation.text.contains("apply pathways-2028 as mentor via alumni"), "{}", invitation.text);
        assert_eq!(invitation.actions[0].label, "Solicitar como mentor");
        assert_eq!(invitation.actions[0].command, "apply pathways-2028 as mentor via alumni");
        // Pressing it (typing it) starts a mentor application recorded as from alumni.
        let out = h.dm_all("amina", "apply pathways-2028 as mentor via alumni").await;
        assert!(!out.contains("already"), "{out}");
        let state = h.store.load_conversation::<tandem::flows::FlowState>(&crate::support::user("amina")).await.unwrap().expect("an application");
        let tandem::flows::FlowState::Application(flow) = state.state else { panic!("{:?}", state.state) };
        assert_eq!(flow.programme.as_deref(), Some("pathways-2028"));
        assert_eq!(flow.role, Some(tandem::domain::RoleKind::Mentor));
        assert_eq!(flow.source.as_deref(), Some("alumni"));
    }
}
