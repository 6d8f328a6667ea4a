//! Assisted applications: a coordinator enters an application for someone without chat
//! access (a phone call, a paper form), and the person takes it over if they join.
//!
//! - `assist apply [programme]` in the coordinators' room opens the programme's application
//!   in the coordinator's DM, as the application flow (`flows::application`) with an
//!   [`Assisted`]: the coordinator answers for the person. The application is the person's
//!   stand-in's (`UserRef::assisted`, made fresh by the app), with source `assisted`; it is
//!   reviewed like any other.
//! - Submitting it gives the coordinator a code (kept only as a hash, valid
//!   [`ASSISTED_CODE_DAYS`] days) to pass on. The person sends `link <code>` to the bot from
//!   their own account (any platform), which then holds the application and its waiting
//!   questions (`flows::link`, `Effect::ClaimAssisted`); the coordinators are told.
//!   `assist code A12` makes a new code (by DM to the coordinator), ending the old one.
//! - Until then nothing can be sent to them (`Act::from_effect` leaves out every DM to a
//!   stand-in), their questions wait, and they are not matched (`ready_participants`).

use super::application::{self, Assisted};
use super::{Ctx, Effect, FlowState, OutMessage, Outcome, Subject};
use crate::domain::accounts::ASSISTED_CODE_DAYS;
use crate::domain::numbers::{self, Numbered};
use crate::domain::{ApplicationRecord, RoomRef, UserRef};
use crate::i18n::Text;

/// `assist …`, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssistCommand {
    /// `assist apply [programme]`.
    Apply(Option<String>),
    /// `assist code <application>`.
    Code(i64),
    /// `assist delete <application>`: erases an application nobody took over (the person
    /// asked, on the phone, or never joined).
    Delete(i64),
}

/// What `assist` needs loaded, and the app loads (`app::subject`): a fresh stand-in and
/// code, and the application named (`None`: none named, or no such application).
#[derive(Debug, Clone, PartialEq)]
pub struct AssistSubject {
    pub person: UserRef,
    pub code: String,
    pub application: Option<Box<ApplicationRecord>>,
}

/// An application entered for someone, as the account taking it over sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssistedApplication {
    pub id: i64,
    pub programme: String,
    /// Their name on it (or its number, if it has none).
    pub name: String,
    /// Withdrawn (by a coordinator's `assist delete`, or a decision).
    pub withdrawn: bool,
}

/// `assist apply [programme]`, `assist code <application>`; `None` when the message is not
/// one, `Err` with the usage when it is one mistyped.
pub fn parse(text: &str) -> Option<Result<AssistCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let usage = || Err(Text::msg("assist-usage"));
    match words.as_slice() {
        [first, ..] if !first.trim_start_matches('/').eq_ignore_ascii_case("assist") => None,
        [_, apply] if apply.eq_ignore_ascii_case("apply") => Some(Ok(AssistCommand::Apply(None))),
        [_, apply, programme] if apply.eq_ignore_ascii_case("apply") => {
            Some(Ok(AssistCommand::Apply(Some(programme.to_lowercase()))))
        }
        [_, verb, n]
            if verb.eq_ignore_ascii_case("code") || verb.eq_ignore_ascii_case("delete") =>
        {
            let usage = Text::msg("assist-usage");
            Some(numbers::read_or(n, Numbered::Application, usage).map(|n| {
                if verb.eq_ignore_ascii_case("code") {
                    AssistCommand::Code(n)
                } else {
                    AssistCommand::Delete(n)
                }
            }))
        }
        _ => Some(usage()),
    }
}

/// Handles `assist …` typed in the coordinators' `room`; `state` is the sender's open
/// conversation.
pub fn handle(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    command: AssistCommand,
) -> Outcome {
    let post = |text: Text| super::post_said(room, text);
    let Subject::Assist(subject) = ctx.subject else {
        return post(Text::msg("assist-try-again"));
    };
    match command {
        AssistCommand::Apply(named) => {
            let p = match super::figures::coordinated(
                ctx,
                room,
                named.as_deref(),
                Text::msg("coordinators-can-assist"),
            ) {
                Ok(p) => p,
                Err(answer) => return *answer,
            };
            if !p.applications_open {
                return post(Text::msg("assist-closed").arg("programme", p.said_name()));
            }
            // The application goes on in the DM, where the sender may be busy.
            if state.is_some() {
                return post(Text::msg("assist-busy").arg("user", ctx.user.id.as_str()));
            }
            let assisted = Assisted {
                person: subject.person.clone(),
                code: subject.code.clone(),
            };
            let intro = Text::msg("assist-started").arg("programme", p.said_name());
            let mut outcome = application::start_assisted(ctx, p, assisted, intro);
            outcome.effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(
                    Text::msg("assist-in-dm").arg("user", ctx.user.id.as_str()),
                ),
            });
            outcome
        }
        AssistCommand::Code(id) | AssistCommand::Delete(id) => {
            let record = match not_taken_over(ctx, room, subject, id) {
                Ok(record) => record,
                Err(answer) => return *answer,
            };
            let name = super::review::display_name_of(&record.applicant, &record.answers);
            if let AssistCommand::Delete(_) = command {
                return Outcome::unchanged(vec![
                    Effect::ErasePerson {
                        user: record.applicant.clone(),
                        retention_years: ctx.moderation.retention_years,
                    },
                    Effect::PostInRoom {
                        room: room.clone(),
                        message: OutMessage::said(
                            Text::msg("assist-deleted").arg("id", id).arg("name", name),
                        ),
                    },
                ]);
            }
            Outcome::unchanged(vec![
                store_code(ctx, &record.applicant, &subject.code),
                ctx.dm(OutMessage::said(
                    Text::msg("assist-new-code")
                        .arg("id", id)
                        .arg("name", name)
                        .arg("code", subject.code.as_str())
                        .arg("days", ASSISTED_CODE_DAYS),
                )),
                Effect::PostInRoom {
                    room: room.clone(),
                    message: OutMessage::said(
                        Text::msg("assist-code-sent")
                            .arg("user", ctx.user.id.as_str())
                            .arg("id", id),
                    ),
                },
            ])
        }
    }
}

/// The assisted application `id`, not taken over (nor withdrawn), of a programme the
/// sender coordinates; or the answer that says why not.
fn not_taken_over<'s>(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    subject: &'s AssistSubject,
    id: i64,
) -> Result<&'s ApplicationRecord, Box<Outcome>> {
    let post = |text: Text| Box::new(super::post_said(room, text));
    let Some(record) = subject
        .application
        .as_deref()
        .filter(|r| r.summary.id == id)
    else {
        return Err(post(Text::msg("assist-no-application").arg("id", id)));
    };
    let Some(p) = ctx.programme(&record.summary.programme) else {
        return Err(post(Text::msg("assist-no-application").arg("id", id)));
    };
    if !p.is_coordinator(ctx.user) {
        return Err(Box::new(super::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-assist-in").arg("programme", p.said_name()),
        )));
    }
    if !record.applicant.is_assisted()
        || record.summary.status == crate::domain::ApplicationStatus::Withdrawn
    {
        return Err(post(Text::msg("assist-not-assisted").arg("id", id)));
    }
    Ok(record)
}

/// `code` (hashed) stored for the stand-in `person`, for [`ASSISTED_CODE_DAYS`].
fn store_code(ctx: &Ctx<'_>, person: &UserRef, code: &str) -> Effect {
    Effect::StoreLinkCode {
        account: person.clone(),
        code: code.to_string(),
        expires: ctx.now + chrono::Duration::days(ASSISTED_CODE_DAYS),
    }
}

/// What submitting an assisted application adds: its code, stored, and given to the
/// coordinator with what to tell the person.
pub(crate) fn submitted(ctx: &Ctx<'_>, assisted: &Assisted) -> Vec<Effect> {
    vec![
        store_code(ctx, &assisted.person, &assisted.code),
        ctx.dm(OutMessage::said(
            Text::msg("assist-submitted")
                .arg("code", assisted.code.as_str())
                .arg("days", ASSISTED_CODE_DAYS),
        )),
    ]
}

/// `link <code>` with the code of an assisted application (`issuer`, the stand-in with its
/// applications): the sender's account takes them over, unless it is staff or suspended,
/// the stand-in was suspended (a moderator's decision the person cannot shed by joining),
/// or it has an application to one of the same programmes. `held` is the sender's checks
/// kept from before an erasure, pointed out to the coordinators as on any application.
pub(crate) fn claim(
    ctx: &Ctx<'_>,
    code: &str,
    issuer: &super::link::Issuer,
    staff: bool,
    held: &[(i64, String)],
) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let (assisted, applications) = (&issuer.account, &issuer.assisted);
    if staff {
        return say(Text::msg("assist-claim-staff"));
    }
    if ctx.suspended {
        return say(Text::msg("assist-claim-suspended"));
    }
    if issuer.suspended || applications.iter().all(|a| a.withdrawn) {
        return say(Text::msg("assist-claim-held"));
    }
    // One application to a programme each (withdrawn ones aside).
    let clash = ctx.applications.iter().any(|mine| {
        mine.status != crate::domain::ApplicationStatus::Withdrawn
            && applications
                .iter()
                .any(|a| !a.withdrawn && a.programme == mine.programme)
    });
    if clash {
        return say(Text::msg("assist-claim-has-application"));
    }
    let programmes: Vec<Text> = applications
        .iter()
        .filter(|a| !a.withdrawn)
        .map(|a| match ctx.programme(&a.programme) {
            Some(p) => p.said_name(),
            None => Text::plain(a.programme.as_str()),
        })
        .collect();
    let mut effects = vec![
        Effect::ClaimAssisted {
            assisted: assisted.clone(),
            account: ctx.user.clone(),
            code: code.to_string(),
        },
        ctx.dm(OutMessage::said(
            Text::msg("assist-claimed").arg("programmes", Text::join(programmes, ", ")),
        )),
    ];
    for a in applications.iter().filter(|a| !a.withdrawn) {
        effects.extend(super::review::held_checks_about(
            ctx,
            &a.programme,
            a.id,
            &a.name,
            held,
        ));
        if let Some(room) = ctx.coordinators_room(Some(&a.programme)) {
            effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(
                    Text::msg("assist-joined")
                        .arg("id", a.id)
                        .arg("name", a.name.as_str())
                        .arg("account", ctx.user.to_string()),
                ),
            });
        }
    }
    Outcome::unchanged(effects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assist_reads_apply_with_or_without_a_programme_and_code_with_an_application() {
        assert_eq!(parse("assist apply"), Some(Ok(AssistCommand::Apply(None))));
        assert_eq!(
            parse("Assist apply Pathways"),
            Some(Ok(AssistCommand::Apply(Some("pathways".into()))))
        );
        assert_eq!(parse("assist code A12"), Some(Ok(AssistCommand::Code(12))));
        assert!(matches!(parse("assist code M3"), Some(Err(_))));
        assert!(matches!(parse("assist"), Some(Err(_))));
        assert!(matches!(parse("assist with the event"), Some(Err(_))));
        assert_eq!(parse("assistance please"), None);
    }

    use crate::domain::{ApplicationStatus, Platform, RoleKind};
    use crate::flows::link::Issuer;
    use crate::flows::testing::{Scene, application, room, user};

    fn stand_in() -> UserRef {
        UserRef::assisted(Platform::Console, "0a1b2c3d")
    }

    fn issuer(suspended: bool, withdrawn: bool) -> Issuer {
        Issuer {
            account: stand_in(),
            linked: false,
            suspended,
            staff_group: false,
            assisted: vec![AssistedApplication {
                id: 7,
                programme: "pathways".into(),
                name: "Ana".into(),
                withdrawn,
            }],
        }
    }

    fn said(out: &Outcome) -> Vec<String> {
        out.effects
            .iter()
            .filter_map(|e| match e {
                Effect::SendDm { message, .. } | Effect::PostInRoom { message, .. } => {
                    Some(message.text.clone())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_new_account_takes_over_the_application_and_the_coordinators_hear_of_it_with_any_held_check()
     {
        let scene = Scene::for_user("ana");
        let held = vec![(3, "background check".to_string())];
        let out = claim(
            &scene.ctx(),
            "KQ7X-MDPA",
            &issuer(false, false),
            false,
            &held,
        );
        assert!(out.effects.iter().any(|e| matches!(
            e,
            Effect::ClaimAssisted { assisted, account, code }
                if *assisted == stand_in() && *account == user("ana") && code == "KQ7X-MDPA"
        )));
        let said = said(&out).join("\n");
        assert!(said.contains("is now this account's"), "{said}");
        assert!(
            said.contains("A7 (Ana) has taken over their application"),
            "{said}"
        );
        assert!(
            said.contains("background check of application A3"),
            "{said}"
        );
    }

    #[test]
    fn staff_a_suspended_stand_in_a_withdrawn_application_or_one_to_the_same_programme_is_not_taken_over()
     {
        let refused = |out: &Outcome, why: &str| {
            assert!(
                !out.effects
                    .iter()
                    .any(|e| matches!(e, Effect::ClaimAssisted { .. })),
                "{why}"
            );
            assert!(said(out)[0].contains(why), "{:?}", said(out));
        };
        let scene = Scene::for_user("ana");
        let ctx = scene.ctx();
        refused(
            &claim(&ctx, "C", &issuer(false, false), true, &[]),
            "staff account",
        );
        refused(
            &claim(&ctx, "C", &issuer(true, false), false, &[]),
            "can't be taken over",
        );
        refused(
            &claim(&ctx, "C", &issuer(false, true), false, &[]),
            "can't be taken over",
        );
        let mut scene = Scene::for_user("ana");
        scene.applications =
            vec![application(2, "ana", RoleKind::Mentor, ApplicationStatus::NeedsReview).summary];
        refused(
            &claim(&scene.ctx(), "C", &issuer(false, false), false, &[]),
            "already has an application",
        );
        // A withdrawn one of their own is no obstacle.
        scene.applications[0].status = ApplicationStatus::Withdrawn;
        let out = claim(&scene.ctx(), "C", &issuer(false, false), false, &[]);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::ClaimAssisted { .. }))
        );
    }

    #[test]
    fn assist_delete_erases_an_application_nobody_took_over_and_refuses_one_made_in_chat() {
        let mut scene = Scene::for_user("carol");
        let mut record = application(7, "ana", RoleKind::Mentee, ApplicationStatus::Approved);
        record.applicant = stand_in();
        scene.subject = Subject::Assist(AssistSubject {
            person: UserRef::assisted(Platform::Console, "ffff"),
            code: "KQ7X-MDPA".into(),
            application: Some(Box::new(record.clone())),
        });
        let out = handle(
            &scene.ctx(),
            None,
            &room("coordinators"),
            AssistCommand::Delete(7),
        );
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::ErasePerson { user, .. } if *user == stand_in()))
        );
        assert!(
            said(&out)[0].contains("A7 (Ana) is deleted"),
            "{:?}",
            said(&out)
        );
        record.applicant = user("ana");
        scene.subject = Subject::Assist(AssistSubject {
            person: UserRef::assisted(Platform::Console, "ffff"),
            code: "KQ7X-MDPA".into(),
            application: Some(Box::new(record)),
        });
        for command in [AssistCommand::Delete(7), AssistCommand::Code(7)] {
            let out = handle(&scene.ctx(), None, &room("coordinators"), command);
            assert!(said(&out)[0].contains("is not waiting to be taken over"));
            assert_eq!(out.effects.len(), 1, "{:?}", out.effects);
        }
    }

    #[test]
    fn a_reviewer_asking_an_assisted_applicant_is_told_to_ask_them_and_keep_a_note() {
        let mut scene = Scene::for_user("carol");
        let mut record = application(7, "ana", RoleKind::Mentee, ApplicationStatus::NeedsReview);
        record.applicant = stand_in();
        scene.subject = Subject::Application(Some(Box::new((record, vec![]))));
        let command = crate::flows::review::parse("ask A7 Which evenings are you free?")
            .expect("a review command");
        let out = crate::flows::review::handle(&scene.ctx(), &room("coordinators"), command);
        assert_eq!(
            out.effects.len(),
            1,
            "nothing but the answer: {:?}",
            out.effects
        );
        assert!(said(&out)[0].contains("has no chat account yet, so I can't ask them"));
    }
}
