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

use super::{Ctx, Effect, Outcome};
use crate::domain::accounts::{self, ASSISTED_CODE_DAYS, CODE_MINUTES};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::{Platform, UserRef};

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

const USAGE: &str = "To link your Matrix and Discord accounts, type link on one of them: I'll give you a code to send from the other, as link followed by the code. To undo it, type unlink.";

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
    let say = |text: String| Outcome::unchanged(vec![ctx.dm_text(text)]);
    let command = match command {
        Ok(command) => command,
        Err(usage) => return say(usage.clone()),
    };
    let elsewhere = other_platform(ctx.user.platform);
    match (command, elsewhere) {
        // A code may be an assisted application's, taken over from any platform.
        (LinkCommand::Confirm(code), _) => confirm(ctx, code),
        (LinkCommand::Start, Some(elsewhere)) => start(ctx, elsewhere),
        (LinkCommand::Unlink, Some(_)) => unlink(ctx),
        (_, None) => say(ONLY_BETWEEN.into()),
    }
}

const ONLY_BETWEEN: &str = "Linking accounts works between Matrix and Discord.";

fn start(ctx: &Ctx<'_>, elsewhere: Platform) -> Outcome {
    let say = |text: String| Outcome::unchanged(vec![ctx.dm_text(text)]);
    if let Some(linked) = ctx.linked {
        return say(format!(
            "Your {} account ({}) and your {} account ({}) are linked: to me they are one person, with one set of applications and matches. I answer you where you write, and write to you first where you last wrote to me. To undo it, type unlink.",
            ctx.user.platform.display(),
            ctx.user.id,
            linked.other.platform.display(),
            linked.other.id
        ));
    }
    let super::Subject::Link(LinkSubject::Fresh { code, staff_group }) = ctx.subject else {
        return say("I couldn't make a code just now; please try again in a moment.".into());
    };
    if *staff_group || is_staff(ctx, ctx.user) {
        return say(STAFF.into());
    }
    if ctx.suspended {
        return say(SUSPENDED.into());
    }
    Outcome::unchanged(vec![
        Effect::StoreLinkCode {
            account: ctx.user.clone(),
            code: code.clone(),
            expires: ctx.now + Duration::minutes(CODE_MINUTES),
        },
        ctx.dm_text(format!(
            "Your code is {code}. Within {CODE_MINUTES} minutes, send me link {code} in a DM from your {} account. That account will then be you too: the same applications, matches and surveys, whichever you write from. Don't give this code to anyone else: it would give their account your place in the programme.",
            elsewhere.display()
        )),
    ])
}

const SUSPENDED: &str = "This account can't be linked while it is suspended from the programmes.";

const STAFF: &str = "This account can't be linked: the programme's settings name it for its staff role, so it stays on its own.";

fn confirm(ctx: &Ctx<'_>, code: &str) -> Outcome {
    let say = |text: String| Outcome::unchanged(vec![ctx.dm_text(text)]);
    let (issuer, staff_group, held) = match ctx.subject {
        super::Subject::Link(LinkSubject::Issuer {
            issuer: Some(issuer),
            staff_group,
            held,
        }) => (issuer, *staff_group, held),
        _ => {
            return Outcome::unchanged(vec![
                ctx.dm(crate::chat::OutMessage::said(
                    crate::i18n::Text::msg("link-code-invalid")
                        .arg("minutes", CODE_MINUTES)
                        .arg("days", ASSISTED_CODE_DAYS),
                )),
            ]);
        }
    };
    let me = ctx.user;
    let from = &issuer.account;
    if from.is_assisted() {
        let staff = staff_group || is_staff(ctx, me);
        return super::assist::claim(ctx, code, issuer, staff, held);
    }
    if other_platform(me.platform).is_none() {
        return say(ONLY_BETWEEN.into());
    }
    if from == me {
        return say(format!(
            "That's this account's own code: send link {code} from your account on {}.",
            other_platform(me.platform).map_or("the other platform", Platform::display)
        ));
    }
    if from.platform == me.platform {
        return say(format!(
            "That code was made on another {} account. Linking puts together one Matrix account and one Discord account: type link on your account on the other platform.",
            me.platform.display()
        ));
    }
    if let Some(linked) = ctx.linked {
        return say(format!(
            "This account is already linked to your {} account. Type unlink first to link another.",
            linked.other.platform.display()
        ));
    }
    if issuer.linked {
        return say(format!(
            "The {} account that made this code is already linked to another account: it has to type unlink first.",
            from.platform.display()
        ));
    }
    if staff_group || issuer.staff_group || is_staff(ctx, me) || is_staff(ctx, from) {
        return say(STAFF.into());
    }
    // Linked, a suspended account would be read as someone who is not.
    if ctx.suspended || issuer.suspended {
        return say(SUSPENDED.into());
    }
    if !ctx.applications.is_empty() || !ctx.matches.is_empty() {
        return say(format!(
            "This account already has an application with me, so it has to be the one that gives the code: type link here, and send link with the new code from your {} account. (Two accounts that have both applied can't be linked.)",
            from.platform.display()
        ));
    }
    Outcome::unchanged(vec![
        Effect::LinkAccounts {
            person: from.clone(),
            other: me.clone(),
            at: ctx.now,
        },
        ctx.dm_text(format!(
            "Done: this {} account and your {} account ({}) are linked. Whichever you write from, I'll know it's you: the same applications, matches and surveys. I answer you where you write, and write to you first where you last wrote to me. If you didn't mean to do this, type unlink.",
            me.platform.display(),
            from.platform.display(),
            from.id
        )),
        Effect::SendDm {
            to: from.clone(),
            message: crate::chat::OutMessage::text(format!(
                "Your {} account ({}) is now linked to this one: to me you are one person on both. If that wasn't you, type unlink now, and tell the programme's coordinators.",
                me.platform.display(),
                me.id
            )),
        },
    ])
}

fn unlink(ctx: &Ctx<'_>) -> Outcome {
    let Some(linked) = ctx.linked else {
        return Outcome::unchanged(vec![
            ctx.dm_text("This account isn't linked to another one. To link it, type link."),
        ]);
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
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "Your match with {partner} has its pair room on {}, where this link puts you: unlinking would leave you outside it. You can unlink once the match has ended.",
            linked.other.platform.display()
        ))]);
    }
    let (typed, not_typed) = (linked.typed_from(ctx.user), linked.not_typed_from(ctx.user));
    let kept = format!(
        "Your applications, matches and surveys stay with your {} account ({}); the {} account starts afresh.",
        ctx.user.platform.display(),
        ctx.user.id,
        linked.other.platform.display()
    );
    let mut effects = vec![
        Effect::Unlink {
            account: ctx.user.clone(),
        },
        Effect::SendDm {
            to: typed.clone(),
            message: crate::chat::OutMessage::text(format!(
                "Unlinked: your {} and {} accounts are two again. {kept}",
                ctx.user.platform.display(),
                linked.other.platform.display()
            )),
        },
        Effect::SendDm {
            to: not_typed.clone(),
            message: crate::chat::OutMessage::text(format!(
                "Your {} account ({}) unlinked itself from this one. {kept}",
                typed.platform.display(),
                typed.id
            )),
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
