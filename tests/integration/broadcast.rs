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
        "To apply, press Apply, or send me a direct message: apply pathways-2027",
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
