use super::*;
use crate::domain::accounts::Linked;
use crate::domain::{ApplicationStatus, RoleKind};
use crate::flows::testing::{Scene, a_match, application};
use crate::flows::{FlowState, Subject};

fn matrix(id: &str) -> UserRef {
    UserRef::new(Platform::Matrix, id)
}

fn discord(id: &str) -> UserRef {
    UserRef::new(Platform::Discord, id)
}

/// `who`, in a DM, with `subject` loaded.
fn scene(who: UserRef, subject: Subject) -> Scene {
    Scene {
        user: who,
        ..Scene::for_user("nobody").with_subject(subject)
    }
}

fn run(scene: &Scene, linked: Option<&Linked>, text: &str) -> Outcome {
    let ctx = Ctx {
        linked,
        ..scene.ctx()
    };
    handle(&ctx, &parse(text).expect("a link command"))
}

fn said(outcome: &Outcome) -> Vec<(String, String)> {
    outcome
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendDm { to, message } => Some((to.to_string(), message.text.clone())),
            _ => None,
        })
        .collect()
}

fn issuer(account: UserRef) -> Subject {
    Subject::Link(LinkSubject::Issuer {
        issuer: Some(Issuer {
            account,
            linked: false,
            suspended: false,
            staff_group: false,
            assisted: Vec::new(),
        }),
        staff_group: false,
        held: Vec::new(),
    })
}

#[test]
fn link_and_unlink_are_read_with_their_codes_and_anything_else_gets_the_usage() {
    assert_eq!(parse("link"), Some(Ok(LinkCommand::Start)));
    assert_eq!(parse("Link my account."), Some(Ok(LinkCommand::Start)));
    assert_eq!(
        parse("link kq7x mdpa"),
        Some(Ok(LinkCommand::Confirm("KQ7X-MDPA".into())))
    );
    assert_eq!(parse("unlink"), Some(Ok(LinkCommand::Unlink)));
    assert!(
        matches!(parse("link KQ7X-MDP0"), Some(Err(_))),
        "a mistyped code"
    );
    assert_eq!(
        parse("link to my website"),
        None,
        "an answer, not a command"
    );
    assert_eq!(parse("Link: https://example.org/portfolio"), None);
    assert_eq!(parse("linked"), None);
    assert_eq!(parse("unlink everything now"), None);
}

#[test]
fn link_gives_a_code_kept_only_as_a_hash_for_fifteen_minutes() {
    let s = scene(
        matrix("@amina:example.org"),
        Subject::Link(LinkSubject::Fresh {
            code: "KQ7X-MDPA".into(),
            staff_group: false,
        }),
    );
    let outcome = run(&s, None, "link");
    let Some(Effect::StoreLinkCode {
        account,
        code,
        expires,
    }) = outcome.effects.first()
    else {
        panic!("no code stored: {:?}", outcome.effects);
    };
    assert_eq!(account, &s.user);
    assert_eq!(code, "KQ7X-MDPA");
    assert_eq!(*expires, s.now + Duration::minutes(15));
    let text = &said(&outcome)[0].1;
    assert!(
        text.contains("link KQ7X-MDPA") && text.contains("Discord"),
        "{text}"
    );
}

#[test]
fn a_code_typed_on_a_new_account_links_it_to_the_one_that_made_it_and_tells_both() {
    let (amina, her_discord) = (matrix("@amina:example.org"), discord("42"));
    let s = scene(her_discord.clone(), issuer(amina.clone()));
    let outcome = run(&s, None, "link KQ7X-MDPA");
    assert_eq!(
        outcome.effects[0],
        Effect::LinkAccounts {
            person: amina.clone(),
            other: her_discord.clone(),
            at: s.now,
        }
    );
    let told = said(&outcome);
    assert_eq!(told[0].0, her_discord.to_string());
    assert_eq!(told[1].0, amina.to_string());
    assert!(told[1].1.contains("If that wasn't you, type unlink"));
}

#[test]
fn a_code_is_refused_when_wrong_reused_on_its_own_platform_or_typed_by_an_account_with_data() {
    let amina = matrix("@amina:example.org");
    let cases: Vec<(Scene, &str)> = vec![
        (
            scene(
                discord("42"),
                Subject::Link(LinkSubject::Issuer {
                    issuer: None,
                    staff_group: false,
                    held: Vec::new(),
                }),
            ),
            "doesn't work",
        ),
        (scene(amina.clone(), issuer(amina.clone())), "own code"),
        (
            scene(matrix("@other:example.org"), issuer(amina.clone())),
            "another Matrix account",
        ),
        (
            Scene {
                applications: vec![
                    application(7, "amy", RoleKind::Mentee, ApplicationStatus::Submitted).summary,
                ],
                ..scene(discord("42"), issuer(amina.clone()))
            },
            "has to be the one that gives the code",
        ),
        (
            Scene {
                matches: vec![{
                    let (e, m) = (
                        application(7, "amy", RoleKind::Mentee, ApplicationStatus::Ready),
                        application(8, "bo", RoleKind::Mentor, ApplicationStatus::Ready),
                    );
                    a_match(3, &e, &m, crate::domain::matches::MatchStatus::Active)
                }],
                ..scene(discord("42"), issuer(amina.clone()))
            },
            "has to be the one that gives the code",
        ),
        (
            scene(
                discord("42"),
                Subject::Link(LinkSubject::Issuer {
                    issuer: Some(Issuer {
                        account: amina.clone(),
                        linked: true,
                        suspended: false,
                        staff_group: false,
                        assisted: Vec::new(),
                    }),
                    staff_group: false,
                    held: Vec::new(),
                }),
            ),
            "already linked",
        ),
        (
            // carol coordinates pathways.
            scene(discord("42"), issuer(UserRef::console("carol"))),
            "staff role",
        ),
    ];
    for (s, expected) in cases {
        let outcome = run(&s, None, "link KQ7X-MDPA");
        assert!(
            !outcome
                .effects
                .iter()
                .any(|e| matches!(e, Effect::LinkAccounts { .. })),
            "{expected}"
        );
        let text = &said(&outcome)[0].1;
        assert!(text.contains(expected), "{text}");
    }
}

#[test]
fn a_staff_account_is_never_linked() {
    let mut s = scene(
        discord("42"),
        Subject::Link(LinkSubject::Fresh {
            code: "KQ7X-MDPA".into(),
            staff_group: false,
        }),
    );
    s.programmes[0].coordinators.push(discord("42"));
    let outcome = run(&s, None, "link");
    assert_eq!(outcome.effects.len(), 1);
    assert!(said(&outcome)[0].1.contains("staff role"));
    let mut typed_by_staff = scene(discord("42"), issuer(matrix("@amina:example.org")));
    typed_by_staff.programmes = s.programmes.clone();
    let outcome = run(&typed_by_staff, None, "link KQ7X-MDPA");
    assert!(said(&outcome)[0].1.contains("staff role"));
}

#[test]
fn a_linked_account_says_with_which_and_unlinks_telling_both_accounts() {
    let amina = matrix("@amina:example.org");
    let linked = Linked {
        other: discord("42"),
        dm_other: true,
        from_other: true,
        since: crate::flows::testing::now(),
    };
    let s = scene(amina.clone(), Subject::Nothing);
    let status = run(&s, Some(&linked), "link");
    assert!(said(&status)[0].1.contains("are linked"));
    assert!(
        !status
            .effects
            .iter()
            .any(|e| matches!(e, Effect::StoreLinkCode { .. }))
    );
    let outcome = run(&s, Some(&linked), "unlink");
    assert_eq!(
        outcome.effects[0],
        Effect::Unlink {
            account: amina.clone()
        }
    );
    let told = said(&outcome);
    // Typed from Discord: the answer goes there, the notice to Matrix.
    assert_eq!(told[0].0, "discord:42");
    assert!(told[0].1.starts_with("Unlinked"));
    assert_eq!(told[1].0, amina.to_string());
    let alone = run(&s, None, "unlink");
    assert!(said(&alone)[0].1.contains("isn't linked"));
}

#[test]
fn linking_is_for_matrix_and_discord_not_the_console() {
    let s = scene(
        UserRef::console("ada"),
        Subject::Link(LinkSubject::Fresh {
            code: "KQ7X-MDPA".into(),
            staff_group: false,
        }),
    );
    let outcome = run(&s, None, "link");
    assert_eq!(outcome.effects.len(), 1);
    assert!(said(&outcome)[0].1.contains("between Matrix and Discord"));
}

#[test]
fn a_code_waits_for_an_open_conversation_but_link_itself_answers_and_asks_again() {
    let s = scene(
        discord("42"),
        Subject::Link(LinkSubject::Fresh {
            code: "KQ7X-MDPA".into(),
            staff_group: false,
        }),
    );
    let state = FlowState::ConfirmDelete(crate::flows::personal::ConfirmDelete {});
    let ctx = s.ctx();
    let typed = crate::flows::handle(&ctx, Some(&state), &s.says(None, "link KQ7X-MDPA"));
    assert!(
        !typed
            .effects
            .iter()
            .any(|e| matches!(e, Effect::LinkAccounts { .. }))
    );
    assert!(said(&typed)[0].1.contains("Let's finish this first"));
    let started = crate::flows::handle(&ctx, Some(&state), &s.says(None, "link"));
    assert!(matches!(started.effects[0], Effect::StoreLinkCode { .. }));
    // The open question is asked again after the code.
    assert!(said(&started).len() >= 2);
}

#[test]
fn a_suspended_account_or_staff_by_a_platform_group_is_never_linked() {
    let amina = matrix("@amina:example.org");
    let suspended_issuer = scene(
        discord("42"),
        Subject::Link(LinkSubject::Issuer {
            issuer: Some(Issuer {
                account: amina.clone(),
                linked: false,
                suspended: true,
                staff_group: false,
                assisted: Vec::new(),
            }),
            staff_group: false,
            held: Vec::new(),
        }),
    );
    let refused = |outcome: &Outcome, why: &str| {
        assert!(
            !outcome.effects.iter().any(|e| matches!(
                e,
                Effect::LinkAccounts { .. } | Effect::StoreLinkCode { .. }
            )),
            "{why}"
        );
        assert!(said(outcome)[0].1.contains(why), "{:?}", said(outcome));
    };
    refused(&run(&suspended_issuer, None, "link KQ7X-MDPA"), "suspended");
    let s = scene(discord("42"), issuer(amina.clone()));
    let ctx = Ctx {
        suspended: true,
        ..s.ctx()
    };
    refused(
        &handle(&ctx, &parse("link KQ7X-MDPA").unwrap()),
        "suspended",
    );
    let role = scene(
        discord("42"),
        Subject::Link(LinkSubject::Fresh {
            code: "KQ7X-MDPA".into(),
            staff_group: true,
        }),
    );
    refused(&run(&role, None, "link"), "staff role");
    let role_typing = scene(
        discord("42"),
        Subject::Link(LinkSubject::Issuer {
            issuer: Some(Issuer {
                account: amina,
                linked: false,
                suspended: false,
                staff_group: false,
                assisted: Vec::new(),
            }),
            staff_group: true,
            held: Vec::new(),
        }),
    );
    refused(&run(&role_typing, None, "link KQ7X-MDPA"), "staff role");
}

#[test]
fn unlinking_withdraws_a_proposal_that_needs_the_link_and_waits_for_an_accepted_match() {
    use crate::domain::matches::{MatchRecord, MatchStatus};
    let amina = matrix("@amina:example.org");
    let linked = Linked {
        other: discord("42"),
        dm_other: false,
        from_other: false,
        since: crate::flows::testing::now(),
    };
    let (e, m) = (
        application(7, "amy", RoleKind::Mentee, ApplicationStatus::Ready),
        application(8, "bo", RoleKind::Mentor, ApplicationStatus::Ready),
    );
    let proposed = MatchRecord {
        mentee: amina.clone(),
        room_platform: Some(Platform::Discord),
        ..a_match(3, &e, &m, MatchStatus::Proposed)
    };
    let s = Scene {
        matches: vec![proposed.clone()],
        ..scene(amina.clone(), Subject::Nothing)
    };
    let out = run(&s, Some(&linked), "unlink");
    assert!(out.effects.contains(&Effect::MoveMatch {
        match_id: 3,
        from: MatchStatus::Proposed,
        to: MatchStatus::Rejected,
        by: "tandem".into(),
        deadline: None,
    }));
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Replan { .. }))
    );
    let accepted = MatchRecord {
        status: MatchStatus::Approved,
        ..proposed
    };
    let s = Scene {
        matches: vec![accepted],
        ..scene(amina, Subject::Nothing)
    };
    let out = run(&s, Some(&linked), "unlink");
    assert!(
        said(&out)[0]
            .1
            .contains("unlinking would leave you outside it")
    );
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Unlink { .. }))
    );
}
