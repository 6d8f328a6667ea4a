//! What matching commands and the answers to an offer do, decided without a database: the
//! effects each one returns.

use super::*;
use crate::domain::{Answer, ApplicationStatus};
use crate::flows::testing::{
    Scene, a_match, application, assert_only_answered, assert_refused, dms, matching_pool, now,
    other_programme, pathways, records, texts, user,
};

fn ready(id: i64, who: &str, role: RoleKind) -> ApplicationRecord {
    application(id, who, role, ApplicationStatus::Ready)
}

/// Amina (#1) and Bea (#3), mentees; Grace (#2) and Lee (#4), mentors: all ready.
fn pool() -> Vec<ApplicationRecord> {
    vec![
        ready(1, "amina", RoleKind::Mentee),
        ready(2, "grace", RoleKind::Mentor),
        ready(3, "bea", RoleKind::Mentee),
        ready(4, "lee", RoleKind::Mentor),
    ]
}

/// `who`, in the coordinators' room, with the pool of `applications` and `matches` loaded.
fn scene(who: &str, applications: &[ApplicationRecord], matches: Vec<MatchRecord>) -> Scene {
    Scene::for_user(who).with_subject(matching_pool(applications, matches))
}

/// Carol, with the first `n` people of the pool loaded and no match.
fn carol_with_first(n: usize) -> Scene {
    scene("carol", &pool()[..n], vec![])
}

/// Match M7 of `pool`'s Amina (#1) and Grace (#2), in `status`.
fn match_7(pool: &[ApplicationRecord], status: MatchStatus) -> MatchRecord {
    a_match(7, &pool[0], &pool[1], status)
}

/// Carol, with the whole pool and match #7 in `status` loaded.
fn carol_with_match_7(status: MatchStatus) -> Scene {
    let p = pool();
    let seven = match_7(&p, status);
    scene("carol", &p, vec![seven])
}

/// What the engine proposes for this mentee and mentor in `pathways` (no criteria: no
/// points).
fn proposed(mentee_application: i64, mentor_application: i64) -> NewMatch {
    NewMatch {
        programme: "pathways".into(),
        mentee_application,
        mentor_application,
        score: 0,
        reasons: vec![],
        origin: Default::default(),
    }
}

fn stored(outcome: &Outcome) -> Vec<(i64, i64)> {
    records(outcome)
        .into_iter()
        .flat_map(|e| match e {
            Effect::StoreMatches(new) => new
                .iter()
                .map(|m| (m.mentee_application, m.mentor_application))
                .collect(),
            _ => vec![],
        })
        .collect()
}

/// The one text an outcome posts in the coordinators' room.
fn the_text(outcome: &Outcome) -> &str {
    let shown = texts(outcome);
    assert_eq!(shown.len(), 1, "{shown:?}");
    shown[0]
}

fn moved(id: i64, from: MatchStatus, to: MatchStatus, by: &str) -> Effect {
    Effect::MoveMatch {
        match_id: id,
        from,
        to,
        by: by.into(),
        deadline: None,
    }
}

/// Proposal P7 rejected by carol.
fn p7_rejected_by_carol() -> Effect {
    moved(
        7,
        MatchStatus::Proposed,
        MatchStatus::Rejected,
        "console:carol",
    )
}

fn replan() -> Effect {
    Effect::Replan {
        programme: "pathways".into(),
    }
}

#[test]
fn a_preview_shows_every_proposal_and_stores_nothing() {
    let outcome = carol_with_first(2).pairing("match preview");
    assert!(records(&outcome).is_empty(), "{outcome:?}");
    let shown = the_text(&outcome);
    assert!(
        shown.starts_with(
            "Match preview for Pathways (a dry run: nothing was sent, nothing was stored)\n1 of 1 mentee matched"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("\n• A1 Amina ↔ A2 Grace: 0 points"),
        "{shown}"
    );
}

#[test]
fn proposing_stores_the_engines_matches_for_their_cards() {
    let outcome = carol_with_first(2).pairing("match propose");
    assert_eq!(
        records(&outcome),
        [&Effect::StoreMatches(vec![proposed(1, 2)])]
    );
    assert!(
        texts(&outcome).is_empty(),
        "the app posts the cards once numbered"
    );
}

#[test]
fn a_mentee_nobody_can_take_is_named_with_the_reason_beside_the_proposals() {
    let mut li = ready(5, "li", RoleKind::Mentee);
    li.answers[1].1 = Answer::Languages(vec!["zh".into()]);
    let mut p = pool();
    p.truncate(2);
    p.push(li);
    let outcome = scene("carol", &p, vec![]).pairing("match propose");
    let shown = the_text(&outcome);
    assert!(
        shown.starts_with("Not matched this time:\n• A5 Li: "),
        "{shown}"
    );
    assert_eq!(stored(&outcome), [(1, 2)], "Amina and Grace are proposed");
}

#[test]
fn nobody_to_match_is_said_and_nothing_is_stored() {
    let outcome = carol_with_first(1).pairing("match propose");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Nobody to match yet in Pathways: 1 mentee and 0 mentors are ready to be matched.",
    );
}

#[test]
fn approving_a_proposal_asks_both_people_to_answer_by_the_deadline() {
    let outcome = carol_with_match_7(MatchStatus::Proposed).pairing("match approve 7");
    let deadline = now() + chrono::Duration::days(7);
    assert_eq!(
        records(&outcome),
        [
            &Effect::MoveMatch {
                match_id: 7,
                from: MatchStatus::Proposed,
                to: MatchStatus::Approved,
                by: "console:carol".into(),
                deadline: Some(deadline),
            },
            &Effect::QueuePrompt {
                user: user("amina"),
                prompt: Prompt::MatchOffer { match_id: 7 },
            },
            &Effect::QueuePrompt {
                user: user("grace"),
                prompt: Prompt::MatchOffer { match_id: 7 },
            },
        ]
    );
    assert_eq!(
        texts(&outcome),
        [
            "Match M7 (Amina ↔ Grace) approved by carol. Both have been asked to accept by 22 January 2027."
        ]
    );
}

#[test]
fn approving_a_proposal_whose_mentee_is_no_longer_ready_sets_it_aside_and_replans() {
    let mut p = pool();
    p[0].summary.status = ApplicationStatus::Approved;
    let proposal = match_7(&p, MatchStatus::Proposed);
    let outcome = scene("carol", &p, vec![proposal]).pairing("match approve 7");
    assert_eq!(
        records(&outcome),
        [
            &moved(7, MatchStatus::Proposed, MatchStatus::Rejected, "tandem"),
            &replan(),
        ]
    );
    assert!(dms(&outcome, "amina").is_empty() && dms(&outcome, "grace").is_empty());
    assert!(texts(&outcome)[0].starts_with("Proposal P7 (Amina ↔ Grace) is no longer valid"));
}

#[test]
fn approving_a_proposal_approved_already_says_so_and_changes_nothing() {
    let outcome = carol_with_match_7(MatchStatus::Approved).pairing("match approve 7");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Match M7 (Amina ↔ Grace) is already approved.",
    );
}

#[test]
fn approve_all_asks_for_every_proposal_and_sets_aside_one_whose_mentee_is_not_ready() {
    let mut p = pool();
    p[2].summary.status = ApplicationStatus::Approved;
    let matches = vec![
        match_7(&p, MatchStatus::Proposed),
        a_match(8, &p[2], &p[3], MatchStatus::Proposed),
    ];
    let outcome = scene("carol", &p, matches).pairing("match approve all");
    let kinds: Vec<String> = records(&outcome)
        .into_iter()
        .map(|e| match e {
            Effect::MoveMatch { match_id, to, .. } => format!("{match_id} {to}"),
            Effect::QueuePrompt { user, .. } => format!("ask {}", user.id),
            Effect::Replan { .. } => "replan".into(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "7 approved",
            "ask amina",
            "ask grace",
            "8 rejected",
            "replan"
        ]
    );
}

#[test]
fn approve_all_with_nothing_proposed_says_so() {
    let p = pool();
    let outcome = scene("carol", &p, vec![]).pairing("match approve all");
    assert_only_answered(
        &outcome,
        "coordinators",
        "There are no proposals waiting for approval.",
    );
}

#[test]
fn rejecting_a_proposal_records_it_with_the_reason_and_asks_for_the_next_best() {
    let outcome =
        carol_with_match_7(MatchStatus::Proposed).pairing("match reject 7 they work together");
    assert_eq!(records(&outcome), [&p7_rejected_by_carol(), &replan(),]);
    assert_eq!(
        texts(&outcome),
        [
            "Proposal P7 (Amina ↔ Grace) rejected by carol: they work together. They will not be proposed to each other again."
        ]
    );
}

#[test]
fn rematch_proposes_again_for_that_person_only() {
    let outcome = scene("carol", &pool(), vec![]).pairing("match rematch 1");
    let pairs = stored(&outcome);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(pairs[0].0, 1);
}

#[test]
fn rematch_of_someone_not_ready_is_refused() {
    let mut p = pool();
    p[0].summary.status = ApplicationStatus::Approved;
    let outcome = scene("carol", &p, vec![]).pairing("match rematch 1");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Application A1 is not ready to be matched in Pathways (only ready participants can be).",
    );
}

#[test]
fn swapping_gives_the_mentee_the_other_mentor_and_proposes_again_for_whoever_it_frees() {
    let outcome = carol_with_match_7(MatchStatus::Proposed).pairing("match swap 7 4");
    assert_eq!(
        records(&outcome),
        [
            &p7_rejected_by_carol(),
            // The coordinator's choice, which outcomes after closure group by.
            &Effect::StoreMatches(vec![NewMatch {
                origin: crate::domain::matches::MatchOrigin::Coordinator,
                ..proposed(1, 4)
            }]),
            &replan(),
        ]
    );
    assert_eq!(
        texts(&outcome),
        [
            "Proposal P7 swapped by carol: Amina gets another mentor (below). Anyone the change frees is proposed again."
        ]
    );
}

#[test]
fn a_swap_to_a_pair_proposed_before_is_refused() {
    let p = pool();
    let matches = vec![
        a_match(6, &p[0], &p[3], MatchStatus::Rejected),
        match_7(&p, MatchStatus::Proposed),
    ];
    let outcome = scene("carol", &p, matches).pairing("match swap 7 4");
    assert_only_answered(
        &outcome,
        "coordinators",
        "Amina and application A4 were matched or proposed before: they are not proposed again.",
    );
}

#[test]
fn excluding_a_pair_records_it_with_the_reason() {
    let outcome = scene("carol", &pool(), vec![]).pairing("match exclude 1 2 they are cousins");
    assert_eq!(
        records(&outcome),
        [&Effect::ExcludePair {
            programme: "pathways".into(),
            mentee_application: 1,
            mentor_application: 2,
            by: "console:carol".into(),
            reason: "they are cousins".into(),
        }]
    );
    assert_eq!(
        texts(&outcome),
        ["Applications A1 and A2 will never be proposed to each other."]
    );
}

#[test]
fn excluding_with_the_mentor_first_is_refused_with_the_order_to_use() {
    let outcome = scene("carol", &pool(), vec![]).pairing("match exclude 2 1");
    assert!(records(&outcome).is_empty());
    assert!(texts(&outcome)[0].starts_with("Write the mentee's application first"));
}

#[test]
fn a_coordinator_of_another_programme_cannot_match_its_people() {
    let p = pool();
    let programmes = vec![pathways(), other_programme()];
    // A command naming a proposal or an application loads its programme's pool.
    let dev = scene("dev", &p, vec![match_7(&p, MatchStatus::Proposed)])
        .with_programmes(programmes.clone());
    for command in [
        "match approve 7",
        "match reject 7",
        "match rematch 1",
        "match swap 7 4",
        "match exclude 1 2",
    ] {
        assert_refused(&dev.pairing(command), "dev", "match people in Pathways");
    }
    // One naming the programme loads nothing for someone who does not coordinate it.
    let dev = Scene::for_user("dev").with_programmes(programmes);
    for command in [
        "match preview pathways",
        "match propose pathways",
        "match approve all pathways",
    ] {
        let outcome = dev.pairing(command);
        assert_only_answered(
            &outcome,
            "coordinators",
            "You don't coordinate a programme called `pathways`.",
        );
    }
}

#[test]
fn someone_who_coordinates_nothing_is_refused_and_the_refusal_logged() {
    let outcome = Scene::for_user("amina").pairing("match propose");
    assert_refused(&outcome, "amina", "match people");
}

#[test]
fn a_matching_command_outside_the_coordinators_room_only_says_where_it_works() {
    let p = pool();
    let outcome = scene("carol", &p, vec![])
        .in_room("lobby")
        .pairing("match propose");
    assert_only_answered(
        &outcome,
        "lobby",
        "Coordinators' commands work only in the coordinators' room.",
    );
}

#[test]
fn a_proposal_or_application_that_does_not_exist_is_named() {
    let carol = Scene::for_user("carol");
    assert_only_answered(
        &carol.pairing("match approve 99"),
        "coordinators",
        "There is no match or proposal number 99.",
    );
    assert_only_answered(
        &carol.pairing("match rematch 99"),
        "coordinators",
        "There is no application A99.",
    );
}

#[test]
fn when_the_second_person_accepts_the_match_starts_in_its_own_room() {
    let p = pool();
    let offer = match_7(&p, MatchStatus::Approved);
    let grace = Scene::for_user("grace");
    let effects = on_accept(&grace.ctx(), &offer, true);
    let outcome = Outcome::unchanged(effects);
    let created: Vec<&Effect> = records(&outcome);
    assert!(matches!(
        created[..],
        [
            Effect::MoveMatch {
                match_id: 7,
                from: MatchStatus::Approved,
                to: MatchStatus::Active,
                ..
            },
            // The least loaded of the programme's staff looks after the pair.
            Effect::AssignStaff { match_id: 7, .. },
            Effect::CreatePairRoom {
                match_id: 7,
                group_of: None,
                ..
            },
        ]
    ));
    assert!(dms(&outcome, "amina")[0].contains("you're matched!"));
    assert!(dms(&outcome, "grace")[0].contains("you're matched!"));
}

#[test]
fn a_decline_frees_both_tells_the_other_kindly_and_asks_for_the_next_best() {
    let p = pool();
    let offer = match_7(&p, MatchStatus::Approved);
    let grace = Scene::for_user("grace");
    let outcome = Outcome::unchanged(on_decline(&grace.ctx(), &offer, RoleKind::Mentor));
    assert_eq!(
        records(&outcome),
        [
            &moved(
                7,
                MatchStatus::Approved,
                MatchStatus::Declined,
                "console:grace"
            ),
            &replan(),
        ]
    );
    assert!(dms(&outcome, "amina")[0].contains("Grace isn't able to go ahead with it"));
}
