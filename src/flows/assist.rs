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
}

/// `assist apply [programme]`, `assist code <application>`; `None` when the message is not
/// one, `Err` with the usage when it is one mistyped.
pub fn parse(text: &str) -> Option<Result<AssistCommand, String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let usage = || Err(Text::msg("assist-usage").english());
    match words.as_slice() {
        [first, ..] if !first.trim_start_matches('/').eq_ignore_ascii_case("assist") => None,
        [_, apply] if apply.eq_ignore_ascii_case("apply") => Some(Ok(AssistCommand::Apply(None))),
        [_, apply, programme] if apply.eq_ignore_ascii_case("apply") => {
            Some(Ok(AssistCommand::Apply(Some(programme.to_lowercase()))))
        }
        [_, code, n] if code.eq_ignore_ascii_case("code") => Some(
            numbers::read_or(
                n,
                Numbered::Application,
                &Text::msg("assist-usage").english(),
            )
            .map(AssistCommand::Code),
        ),
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
                "enter an application for someone",
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
        AssistCommand::Code(id) => {
            let Some(record) = subject
                .application
                .as_deref()
                .filter(|r| r.summary.id == id)
            else {
                return post(Text::msg("assist-no-application").arg("id", id));
            };
            let Some(p) = ctx.programme(&record.summary.programme) else {
                return post(Text::msg("assist-no-application").arg("id", id));
            };
            if !p.is_coordinator(ctx.user) {
                return super::review::refuse_non_coordinator(
                    ctx,
                    room,
                    &format!("make codes for applications to {}", p.name),
                );
            }
            if !record.applicant.is_assisted() {
                return post(Text::msg("assist-not-assisted").arg("id", id));
            }
            let name = super::review::display_name_of(&record.applicant, &record.answers);
            Outcome::unchanged(vec![
                Effect::StoreLinkCode {
                    account: record.applicant.clone(),
                    code: subject.code.clone(),
                    expires: ctx.now + chrono::Duration::days(ASSISTED_CODE_DAYS),
                },
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

/// What submitting an assisted application adds: its code, stored, and given to the
/// coordinator with what to tell the person.
pub(crate) fn submitted(ctx: &Ctx<'_>, assisted: &Assisted) -> Vec<Effect> {
    vec![
        Effect::StoreLinkCode {
            account: assisted.person.clone(),
            code: assisted.code.clone(),
            expires: ctx.now + chrono::Duration::days(ASSISTED_CODE_DAYS),
        },
        ctx.dm(OutMessage::said(
            Text::msg("assist-submitted")
                .arg("code", assisted.code.as_str())
                .arg("days", ASSISTED_CODE_DAYS),
        )),
    ]
}

/// `link <code>` with the code of an assisted application (`assisted`, the stand-in, and
/// its `applications`): the sender's account takes them over, if it is new to Tandem.
pub(crate) fn claim(
    ctx: &Ctx<'_>,
    assisted: &UserRef,
    applications: &[AssistedApplication],
    staff: bool,
) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    if staff {
        return say(Text::msg("assist-claim-staff"));
    }
    if ctx.suspended {
        return say(Text::msg("assist-claim-suspended"));
    }
    if !ctx.applications.is_empty() || !ctx.matches.is_empty() {
        return say(Text::msg("assist-claim-has-application"));
    }
    let programmes: Vec<Text> = applications
        .iter()
        .map(|a| match ctx.programme(&a.programme) {
            Some(p) => p.said_name(),
            None => Text::plain(a.programme.as_str()),
        })
        .collect();
    let mut effects = vec![
        Effect::ClaimAssisted {
            assisted: assisted.clone(),
            account: ctx.user.clone(),
        },
        ctx.dm(OutMessage::said(
            Text::msg("assist-claimed").arg("programmes", Text::join(programmes, ", ")),
        )),
    ];
    for a in applications {
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
}
