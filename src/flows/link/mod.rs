//! `link` and `unlink`, by DM: one person's Matrix and Discord accounts made one
//! (`domain::accounts` says how, and why the code goes the way it does).
//!
//! - `link` gives a one-time code (the app makes it, random, for the step: see
//!   [`LinkSubject::Fresh`]); on an account already linked, it says with which.
//! - `link <code>`, typed on the other platform, links the account typing it to the one
//!   that made the code, whose data it then shares. It must be new to Tandem (no
//!   application, no match, nothing open), so that nobody's place in a programme moves to
//!   a stranger's account by a code they were sent.
//! - `unlink`, from either account, makes them two again: the data stays with the account
//!   that made the code.
//!
//! Staff accounts (named in the programme files) are never linked: their rights belong to
//! the account named.

use chrono::Duration;

use super::{Ctx, Effect, OutMessage, Outcome};
use crate::domain::accounts::{self, ASSISTED_CODE_DAYS, CODE_MINUTES};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::{Platform, UserRef};
use crate::i18n::Text;

/// A `link` command, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkCommand {
    /// `link`: a code, or what is linked already.
    Start,
    /// `link <code>`, the code as it was made.
    Confirm(String),
    /// `unlink`.
    Unlink,
}

/// What a `link` command needs loaded, and the app loads (`app::subject`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkSubject {
    /// For `link`: a fresh code, made for this step (kept only if the step gives it), and
    /// whether the sender is staff through a platform group (a Discord role, a Matrix
    /// power level), which the flows cannot see.
    Fresh { code: String, staff_group: bool },
    /// For `link <code>`: the account that made the code (`None`: no such code, or it
    /// expired), and whether the sender is staff through a platform group.
    Issuer {
        issuer: Option<Issuer>,
        staff_group: bool,
        /// The sender's checks held from before an erasure (loaded for an assisted code).
        held: HeldChecks,
    },
}

/// The account that made a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    pub account: UserRef,
    /// Whether it is linked already (as a person or as someone's other account).
    pub linked: bool,
    /// Whether it is suspended.
    pub suspended: bool,
    /// Whether it is staff through a platform group.
    pub staff_group: bool,
    /// When it is the stand-in of someone a coordinator entered an application for
    /// (`flows::assist`): those applications, which the code hands over.
    pub assisted: Vec<super::assist::AssistedApplication>,
}

/// What a claim of an assisted application needs beyond the [`Issuer`]: the checks of the
/// sender's kept under a legal hold from before an erasure, as (application, step), for
/// the coordinators to see.
pub type HeldChecks = Vec<(i64, String)>;

/// The usage, said from the catalogue where it is answered (`link-usage`).
const USAGE: &str = "link-usage";

/// `link`, `link <code>`, `unlink`; `Err` is the usage, for `link` followed by what looks
/// like a code and is not one (a mistyped code). Anything else after `link` is not a
/// command ("Link to my portfolio: …" answers a question).
pub fn parse(text: &str) -> Option<Result<LinkCommand, String>> {
    let t = text.trim().trim_end_matches(['.', '!']).trim();
    let lower = t.to_lowercase();
    let mut words = lower.split_whitespace();
    match words.next()? {
        "unlink" if matches!(words.next(), None | Some("account" | "accounts" | "me")) => {
            Some(Ok(LinkCommand::Unlink))
        }
        "link" => {
            let rest: Vec<&str> = words.collect();
            match rest.as_slice() {
                [] | ["account" | "accounts" | "my" | "me"] | ["my", "account" | "accounts"] => {
                    Some(Ok(LinkCommand::Start))
                }
                _ => {
                    let typed = rest.join(" ");
                    match accounts::parse_code(&typed) {
                        Some(code) => Some(Ok(LinkCommand::Confirm(code))),
                        None if looks_like_a_code(&typed) => Some(Err(USAGE.to_string())),
                        None => None,
                    }
                }
            }
        }
        _ => None,
    }
}

/// Eight letters or digits, spaced or dashed as codes are: a code mistyped.
fn looks_like_a_code(typed: &str) -> bool {
    let chars: Vec<char> = typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    chars.len() == 8 && chars.iter().all(char::is_ascii_alphanumeric) && typed.len() <= 10
}

/// Whether a command of this kind is refused while a conversation is open: a code typed
/// on an account with something open (that conversation would be lost to it).
pub fn waits_for_open_flow(command: &Result<LinkCommand, String>) -> bool {
    matches!(command, Ok(LinkCommand::Confirm(_)))
}

/// Handles a `link` command.
pub fn handle(ctx: &Ctx<'_>, command: &Result<LinkCommand, String>) -> Outcome {
    let command = match command {
        Ok(command) => command,
        Err(_) => return say(ctx, Text::msg("link-usage")),
    };
    let elsewhere = other_platform(ctx.user.platform);
    match (command, elsewhere) {
        // A code may be an assisted application's, taken over from any platform.
        (LinkCommand::Confirm(code), _) => confirm(ctx, code),
        (LinkCommand::Start, Some(elsewhere)) => start(ctx, elsewhere),
        (LinkCommand::Unlink, Some(_)) => unlink(ctx),
        (_, None) => say(ctx, Text::msg("link-only-between")),
    }
}

/// Says `text` to the sender by DM, changing nothing else.
fn say(ctx: &Ctx<'_>, text: Text) -> Outcome {
    Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))])
}

/// A platform's name as people write it (`Matrix`).
fn named(platform: Platform) -> &'static str {
    platform.display()
}

fn start(ctx: &Ctx<'_>, elsewhere: Platform) -> Outcome {
    if let Some(linked) = ctx.linked {
        return say(
            ctx,
            Text::msg("link-already")
                .arg("platform", named(ctx.user.platform))
                .arg("id", ctx.user.id.as_str())
                .arg("other", named(linked.other.platform))
                .arg("other_id", linked.other.id.as_str()),
        );
    }
    let super::Subject::Link(LinkSubject::Fresh { code, staff_group }) = ctx.subject else {
        return say(ctx, Text::msg("link-no-code"));
    };
    if *staff_group || is_staff(ctx, ctx.user) {
        return say(ctx, Text::msg("link-staff"));
    }
    if ctx.suspended {
        return say(ctx, Text::msg("link-suspended"));
    }
    Outcome::unchanged(vec![
        Effect::StoreLinkCode {
            account: ctx.user.clone(),
            code: code.clone(),
            expires: ctx.now + Duration::minutes(CODE_MINUTES),
        },
        ctx.dm(OutMessage::said(
            Text::msg("link-code")
                .arg("code", code.as_str())
                .arg("minutes", CODE_MINUTES)
                .arg("other", named(elsewhere)),
        )),
    ])
}

fn confirm(ctx: &Ctx<'_>, code: &str) -> Outcome {
    let (issuer, staff_group, held) = match ctx.subject {
        super::Subject::Link(LinkSubject::Issuer {
            issuer: Some(issuer),
            staff_group,
            held,
        }) => (issuer, *staff_group, held),
        _ => {
            return say(
                ctx,
                Text::msg("link-code-invalid")
                    .arg("minutes", CODE_MINUTES)
                    .arg("days", ASSISTED_CODE_DAYS),
            );
        }
    };
    let me = ctx.user;
    let from = &issuer.account;
    if from.is_assisted() {
        let staff = staff_group || is_staff(ctx, me);
        return super::assist::claim(ctx, code, issuer, staff, held);
    }
    let Some(elsewhere) = other_platform(me.platform) else {
        return say(ctx, Text::msg("link-only-between"));
    };
    if from == me {
        return say(
            ctx,
            Text::msg("link-own-code")
                .arg("code", code)
                .arg("other", named(elsewhere)),
        );
    }
    if from.platform == me.platform {
        return say(
            ctx,
            Text::msg("link-same-platform").arg("platform", named(me.platform)),
        );
    }
    if let Some(linked) = ctx.linked {
        return say(
            ctx,
            Text::msg("link-linked-already").arg("other", named(linked.other.platform)),
        );
    }
    if issuer.linked {
        return say(
            ctx,
            Text::msg("link-issuer-linked").arg("platform", named(from.platform)),
        );
    }
    if staff_group || issuer.staff_group || is_staff(ctx, me) || is_staff(ctx, from) {
        return say(ctx, Text::msg("link-staff"));
    }
    // Linked, a suspended account would be read as someone who is not.
    if ctx.suspended || issuer.suspended {
        return say(ctx, Text::msg("link-suspended"));
    }
    if !ctx.applications.is_empty() || !ctx.matches.is_empty() {
        return say(
            ctx,
            Text::msg("link-has-application").arg("platform", named(from.platform)),
        );
    }
    Outcome::unchanged(vec![
        Effect::LinkAccounts {
            person: from.clone(),
            other: me.clone(),
            at: ctx.now,
        },
        ctx.dm(OutMessage::said(
            Text::msg("link-done")
                .arg("platform", named(me.platform))
                .arg("other", named(from.platform))
                .arg("other_id", from.id.as_str()),
        )),
        Effect::SendDm {
            to: from.clone(),
            message: OutMessage::said(
                Text::msg("link-done-told")
                    .arg("platform", named(me.platform))
                    .arg("id", me.id.as_str()),
            ),
        },
    ])
}

fn unlink(ctx: &Ctx<'_>) -> Outcome {
    let Some(linked) = ctx.linked else {
        return say(ctx, Text::msg("link-not-linked"));
    };
    // Matches whose pair room is (or would be) where only the link puts them.
    let through_link = |m: &&MatchRecord| m.room_platform == Some(linked.other.platform);
    // One they accepted, or are in, would be left without them.
    if let Some(m) = ctx
        .matches
        .iter()
        .filter(through_link)
        .find(|m| matches!(m.status, MatchStatus::Approved | MatchStatus::Active))
    {
        let partner = if m.mentee == *ctx.user {
            &m.mentor_name
        } else {
            &m.mentee_name
        };
        return say(
            ctx,
            Text::msg("link-pair-room")
                .arg("partner", partner.as_str())
                .arg("other", named(linked.other.platform)),
        );
    }
    let (typed, not_typed) = (linked.typed_from(ctx.user), linked.not_typed_from(ctx.user));
    let kept = Text::msg("link-kept")
        .arg("platform", named(ctx.user.platform))
        .arg("id", ctx.user.id.as_str())
        .arg("other", named(linked.other.platform));
    let mut effects = vec![
        Effect::Unlink {
            account: ctx.user.clone(),
        },
        Effect::SendDm {
            to: typed.clone(),
            message: OutMessage::said(
                Text::msg("link-unlinked")
                    .arg("platform", named(ctx.user.platform))
                    .arg("other", named(linked.other.platform))
                    .arg("kept", kept.clone()),
            ),
        },
        Effect::SendDm {
            to: not_typed.clone(),
            message: OutMessage::said(
                Text::msg("link-unlinked-told")
                    .arg("platform", named(typed.platform))
                    .arg("id", typed.id.as_str())
                    .arg("kept", kept),
            ),
        },
    ];
    // A proposal nobody was told of yet that needs the link is withdrawn (it could not
    // have its room), and its programme planned again (once: storage merges replans).
    for m in ctx
        .matches
        .iter()
        .filter(through_link)
        .filter(|m| m.status == MatchStatus::Proposed)
    {
        effects.push(super::pairing::rejected(m.id, "tandem".into()));
        effects.push(Effect::Replan {
            programme: m.programme.clone(),
        });
    }
    Outcome::unchanged(effects)
}

/// The platform a person links with, from `platform`: `None` on the console.
fn other_platform(platform: Platform) -> Option<Platform> {
    match platform {
        Platform::Matrix => Some(Platform::Discord),
        Platform::Discord => Some(Platform::Matrix),
        Platform::Console => None,
    }
}

/// Whether the programmes or the moderation settings name `user` for a staff role.
fn is_staff(ctx: &Ctx<'_>, user: &UserRef) -> bool {
    ctx.programmes.iter().any(|p| p.is_coordinator(user))
        || ctx.moderation.is_moderator(user)
        || ctx.moderation.is_escalation_contact(user)
}

#[cfg(test)]
mod tests;
