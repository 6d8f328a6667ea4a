//! Moderation cases in the moderators' room, and the reporter's side of them.
//!
//! Commands (after the room prefix): `cases`, `case show <n>`, `case claim <n>`,
//! `case note <n> <text>` (internal), `case ask <n> <question>` (relayed to the reporter by
//! DM as from "the moderation team"; the answer comes back here), `case resolve <n>
//! <outcome>` (the reporter is told, kindly), `case reopen <n>`, `case log <n>` (the audit
//! log), `case reveal <n>` (an anonymous reporter is named only once two different
//! moderators have asked, and then only to those two, by DM), `case concerns <n> <person>`
//! (links the case to the person it is about, and so to their applications and matches,
//! shown on the card; `case concerns <n> not <person>` unlinks), `case close-match <n>
//! <match> <reason>` (closes a linked match as disciplinary: the member the case is about
//! gets the neutral text, the other is told it is not their fault and offered a new match).
//!
//! A case that may concern a member of the moderation team is *restricted* ([`keeper`]):
//! the reporter did not answer no to the report's question about the team, or the case
//! names a moderator (by id, alias or display name). Such a case never reaches the
//! moderators' room: the escalation contact gets its card and works it alone, by DM, with
//! the same commands ([`handle_dm`]); the moderators' `cases` does not list it.
//!
//! Where things are: the commands and what each does here; who works a case in `keeper`;
//! the card in `cards`; what a new or unclaimed case sets off in `alerts`; the reporter's
//! answers in `reply`.
//!
//! Nothing here ever sees an anonymous reporter's identity: cases carry it only when the
//! reporter chose to be named; relays and reveals go through effects that storage and the
//! app resolve. So no room, the moderators' included, is ever shown who an anonymous
//! reporter is.

mod alerts;
mod cards;
mod keeper;
mod reply;
mod work;

pub use alerts::*;
pub use cards::*;
pub use keeper::*;
pub use reply::*;
use work::Work;

use serde::{Deserialize, Serialize};

use crate::domain::RoomRef;
use crate::domain::incident::{CaseRecord, CaseStatus, Severity};
use crate::domain::numbers::{self, Numbered};
use crate::domain::text::{char_len, clean, preview};
use crate::flows::{
    Content, Ctx, Effect, FlowState, OutMessage, Outcome, Prompt, SaidAction, StateChange, Subject,
    said_in,
};
use crate::i18n::Text;

const MAX_NOTE: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseCommand {
    List,
    Show(i64),
    Claim(i64),
    Note(i64, String),
    Ask(i64, String),
    Resolve(i64, String),
    Reopen(i64),
    Log(i64),
    Reveal(i64),
    /// `case escalate <n> <to>`: hand the case to someone (a person, or a role in words).
    Escalate(i64, String),
    /// `case evidence <n>`: the case's files, posted in the moderators' room.
    Evidence(i64),
    /// `case concerns <n> [not] <person>`: link (or unlink) the person the case is about.
    Concerns(i64, String, bool),
    /// `case close-match <n> <match> <reason>`: close a linked match as disciplinary.
    CloseMatch(i64, i64, String),
}

impl CaseCommand {
    pub fn case(&self) -> Option<i64> {
        match self {
            CaseCommand::List => None,
            CaseCommand::Show(n)
            | CaseCommand::Claim(n)
            | CaseCommand::Note(n, _)
            | CaseCommand::Ask(n, _)
            | CaseCommand::Resolve(n, _)
            | CaseCommand::Reopen(n)
            | CaseCommand::Log(n)
            | CaseCommand::Reveal(n)
            | CaseCommand::Evidence(n)
            | CaseCommand::Concerns(n, ..)
            | CaseCommand::CloseMatch(n, ..)
            | CaseCommand::Escalate(n, _) => Some(*n),
        }
    }
}

fn usage() -> Text {
    Text::msg("case-usage")
}

/// Parses a moderation command; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<CaseCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if first == "cases" {
        return Some(if words.len() == 1 {
            Ok(CaseCommand::List)
        } else {
            Err(usage())
        });
    }
    if first != "case" {
        return None;
    }
    let verb = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
    let n = words
        .get(2)
        .and_then(|w| w.trim_start_matches('#').parse::<i64>().ok())
        .filter(|n| *n > 0);
    let rest = words.get(3..).map(|w| w.join(" ")).unwrap_or_default();
    let Some(n) = n else {
        return Some(Err(usage()));
    };
    Some(match (verb.as_str(), rest.is_empty()) {
        ("show", true) => Ok(CaseCommand::Show(n)),
        ("claim", true) => Ok(CaseCommand::Claim(n)),
        ("reopen", true) => Ok(CaseCommand::Reopen(n)),
        ("log", true) => Ok(CaseCommand::Log(n)),
        ("reveal", true) => Ok(CaseCommand::Reveal(n)),
        ("evidence" | "files", true) => Ok(CaseCommand::Evidence(n)),
        ("note", false) => Ok(CaseCommand::Note(n, rest)),
        ("ask", false) => Ok(CaseCommand::Ask(n, rest)),
        ("resolve", false) => Ok(CaseCommand::Resolve(n, rest)),
        ("escalate", false) => Ok(CaseCommand::Escalate(n, rest)),
        ("concerns", false) => Ok(match rest.split_once(char::is_whitespace) {
            Some((not, who)) if not.eq_ignore_ascii_case("not") => {
                CaseCommand::Concerns(n, who.trim().to_string(), false)
            }
            _ => CaseCommand::Concerns(n, rest, true),
        }),
        ("close-match", false) => {
            let (m, reason) = rest.split_once(char::is_whitespace).unwrap_or((&rest, ""));
            match numbers::read(m, Numbered::Match) {
                Some(Err(wrong)) => Err(wrong),
                Some(Ok(m)) if !reason.trim().is_empty() => {
                    Ok(CaseCommand::CloseMatch(n, m, clean(reason, false)))
                }
                _ => Err(Text::msg("case-close-match-usage").arg("n", n)),
            }
        }
        _ => Err(usage()),
    })
}

/// A case command in the escalation contact's DM, written bare or with the room prefix
/// (as the card of a case in the moderators' room would show it).
pub fn parse_dm(text: &str, prefix: &str) -> Option<Result<CaseCommand, Text>> {
    parse(crate::flows::strip_prefix_ci(text.trim(), prefix).unwrap_or(text))
}

fn event(case_id: i64, actor: &str, kind: &str, detail: &str) -> Effect {
    Effect::CaseEvent {
        case_id,
        actor: actor.to_string(),
        kind: kind.to_string(),
        detail: detail.to_string(),
    }
}

/// Where case commands are typed, and so answered.
#[derive(Debug, Clone, Copy)]
enum Desk<'a> {
    /// The moderators' room.
    Room(&'a RoomRef),
    /// The escalation contact's DM.
    Dm,
}

impl Desk<'_> {
    fn say(&self, ctx: &Ctx<'_>, text: impl Into<Text>) -> Effect {
        match self {
            Desk::Room(room) => said_in(room, text.into()),
            Desk::Dm => ctx.dm(OutMessage::said(text.into())),
        }
    }

    fn keeper(&self) -> Keeper {
        match self {
            Desk::Room(_) => Keeper::Moderators,
            Desk::Dm => Keeper::Contact,
        }
    }

    /// How commands are written here: with the room prefix, or bare in a DM.
    fn prefix_of<'c>(&self, ctx: &Ctx<'c>) -> &'c str {
        match self {
            Desk::Room(_) => ctx.room_prefix,
            Desk::Dm => "",
        }
    }
}

/// After a resolution: the linked matches still frozen, and how to end that (a frozen
/// pair room stays read-only until someone decides).
fn still_frozen(ctx: &Ctx<'_>, case: &CaseRecord, desk: Desk<'_>) -> Vec<Text> {
    let mut frozen: Vec<i64> = case
        .subjects
        .iter()
        .flat_map(|s| s.open_matches())
        .filter(|m| m.frozen)
        .map(|m| m.id)
        .collect();
    frozen.sort_unstable();
    frozen.dedup();
    frozen
        .iter()
        .map(|id| {
            Text::msg(match desk {
                Desk::Room(_) => "case-still-frozen",
                Desk::Dm => "case-still-frozen-dm",
            })
            .arg("m", *id)
            .arg(
                "unfreeze",
                typed(ctx.room_prefix, format!("unfreeze pair M{id}")),
            )
            .arg(
                "close",
                typed(
                    desk.prefix_of(ctx),
                    format!("case close-match {} M{id} <reason>", case.id),
                ),
            )
        })
        .collect()
}

/// `prefix command`, or the bare command where there is no prefix.
fn typed(prefix: &str, command: String) -> String {
    if prefix.is_empty() {
        command
    } else {
        format!("{prefix} {command}")
    }
}

/// The common start of every moderation command: a usage error is answered, nothing is
/// done outside the moderators' room, and anyone but a moderator is refused (the refusal
/// logged, and written in the case's audit log when the command names one). `describe`
/// gives the action to log and the case the command names.
pub(crate) fn moderator_command<C>(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    command: Result<C, impl Into<Text>>,
    describe: impl FnOnce(&C) -> (String, Option<i64>),
) -> Result<C, Box<Outcome>> {
    let command = crate::flows::staff_command(
        room,
        ctx.is_moderators_room(room),
        command,
        Text::msg("case-moderators-room"),
    )?;
    if ctx.moderation.is_moderator(ctx.user) {
        return Ok(command);
    }
    let (action, case) = describe(&command);
    let mut effects = vec![
        said_in(
            room,
            Text::msg("case-only-moderators").arg("who", &ctx.user.id),
        ),
        Effect::LogRefusal {
            user: ctx.user.clone(),
            action,
        },
    ];
    if let Some(n) = case {
        effects.push(event(
            n,
            &ctx.user.to_string(),
            "refused",
            "not a moderator",
        ));
    }
    Err(Box::new(Outcome {
        state: StateChange::Unchanged,
        effects,
    }))
}

/// A moderator's command posted in `room`.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<CaseCommand, Text>) -> Outcome {
    match moderator_command(ctx, room, command, |c| (action_of(c), c.case())) {
        Ok(c) => work(ctx, Desk::Room(room), c),
        Err(early) => *early,
    }
}

/// A case command the escalation contact sends by DM (with or without the room prefix):
/// they work restricted cases there.
pub fn handle_dm(ctx: &Ctx<'_>, command: Result<CaseCommand, Text>) -> Outcome {
    match command {
        Ok(c) => work(ctx, Desk::Dm, c),
        Err(usage) => Outcome::unchanged(vec![ctx.dm(OutMessage::said(usage))]),
    }
}

/// `case claim 3` → `claim`: the action a refusal logs.
fn action_of(command: &CaseCommand) -> String {
    format!("{command:?}")
        .split('(')
        .next()
        .unwrap_or("case")
        .to_lowercase()
}

/// Whether the one asking may work `case` at `desk`: in a programme's own moderators'
/// room only that programme's cases, and a programme's own moderators only its cases
/// (`Ctx::moderates_in`). The escalation contact works restricted cases by DM, whatever
/// their programme.
fn in_reach(ctx: &Ctx<'_>, desk: Desk<'_>, case: &CaseRecord) -> bool {
    match desk {
        Desk::Dm => true,
        Desk::Room(room) => ctx.moderates_in(room, case.programme.as_deref()),
    }
}

/// The open cases `cases` lists at `desk` for the one asking: worked there, not about
/// them, and within the room's reach.
fn open_at<'c>(ctx: &Ctx<'c>, desk: Desk<'_>) -> Vec<&'c CaseRecord> {
    let Subject::Cases(cases) = ctx.subject else {
        return Vec::new();
    };
    cases
        .iter()
        .filter(|c| {
            c.status != CaseStatus::Resolved
                && keeper(ctx, c) == desk.keeper()
                && !names(ctx, c, ctx.user)
                && in_reach(ctx, desk, c)
        })
        .collect()
}

/// The open cases the moderators' `cases` lists in `room` for the one asking (what
/// `flows::suggest` offers as case numbers).
pub fn open_in<'c>(ctx: &Ctx<'c>, room: &RoomRef) -> Vec<&'c CaseRecord> {
    open_at(ctx, Desk::Room(room))
}

/// A case command from someone allowed to work cases at `desk`.
fn work(ctx: &Ctx<'_>, desk: Desk<'_>, command: CaseCommand) -> Outcome {
    let reply = |text: Text| Outcome {
        state: StateChange::Unchanged,
        effects: vec![desk.say(ctx, text)],
    };
    let me = ctx.user.to_string();
    if command == CaseCommand::List {
        let mut open = open_at(ctx, desk);
        if open.is_empty() {
            return reply(Text::msg("case-none-open"));
        }
        open.sort_by_key(|c| (std::cmp::Reverse(c.severity), c.created_at));
        let mut lines = vec![Text::msg("case-open").arg("count", open.len())];
        lines.extend(open.into_iter().map(|c| {
            match &c.claimed_by {
                Some(by) => Text::msg("case-line-claimed").arg("by", by),
                None => Text::msg("case-line"),
            }
            .arg("n", c.id)
            .arg("severity", c.severity.said())
            .arg("category", &c.category)
            .arg("status", c.status.said())
            .arg("hours", (ctx.now - c.created_at).num_hours())
        }));
        return reply(Text::lines(lines));
    }
    let Some(n) = command.case() else {
        return reply(usage());
    };
    let Subject::Case(Some(loaded)) = ctx.subject else {
        return reply(Text::msg("case-none").arg("n", n));
    };
    let (case, events) = loaded.as_ref();
    if case.id != n {
        return reply(Text::msg("case-none").arg("n", n));
    }
    // Another programme's case is not even said to be restricted here.
    if !in_reach(ctx, desk, case) {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                desk.say(ctx, Text::msg("case-elsewhere").arg("n", n)),
                event(n, &me, "refused", "another programme's case"),
                Effect::LogRefusal {
                    user: ctx.user.clone(),
                    action: format!("{} case #{n} (another programme's)", action_of(&command)),
                },
            ],
        };
    }
    // The same words whether the case names the one asking or another moderator: the
    // refusal must not tell a moderator that a report is about them.
    if keeper(ctx, case) != desk.keeper() || names(ctx, case, ctx.user) {
        let (said, why) = match desk {
            Desk::Room(_) => (
                Text::msg("case-restricted").arg("n", n),
                "restricted to the escalation contact",
            ),
            Desk::Dm => (
                Text::msg("case-not-restricted").arg("n", n),
                "not restricted: worked by the moderators",
            ),
        };
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                desk.say(ctx, said),
                event(n, &me, "refused", why),
                Effect::LogRefusal {
                    user: ctx.user.clone(),
                    action: format!("{} case #{n} ({why})", action_of(&command)),
                },
            ],
        };
    }
    let w = Work {
        ctx,
        desk,
        case,
        events,
        n,
        me: &me,
        resolved: case.status == CaseStatus::Resolved,
    };
    // A resolved case is read, reopened or resolved again (which says it is), not worked.
    let works_the_case = matches!(
        command,
        CaseCommand::Claim(_)
            | CaseCommand::Ask(..)
            | CaseCommand::Escalate(..)
            | CaseCommand::Concerns(..)
            | CaseCommand::CloseMatch(..)
    );
    if w.resolved && works_the_case {
        return w.closed();
    }
    match command {
        CaseCommand::List => unreachable!("handled above"),
        CaseCommand::Show(_) => w.show(),
        CaseCommand::Evidence(_) => w.evidence(),
        CaseCommand::Log(_) => w.log(),
        CaseCommand::Claim(_) => w.claim(),
        CaseCommand::Note(_, text) => w.note(text),
        CaseCommand::Ask(_, question) => w.ask(question),
        CaseCommand::Resolve(_, outcome) => w.resolve(outcome),
        CaseCommand::Escalate(_, to) => w.escalate(to),
        CaseCommand::Concerns(_, who, linked) => w.concerns(who, linked),
        CaseCommand::CloseMatch(_, match_id, reason) => w.close_match(match_id, reason),
        CaseCommand::Reopen(_) => w.reopen(),
        CaseCommand::Reveal(_) => w.reveal(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moderation_commands_parse_with_their_numbers_and_text() {
        assert_eq!(parse("cases"), Some(Ok(CaseCommand::List)));
        assert_eq!(parse("case claim #4"), Some(Ok(CaseCommand::Claim(4))));
        assert_eq!(
            parse("case ask 4 When did it start?"),
            Some(Ok(CaseCommand::Ask(4, "When did it start?".into())))
        );
        assert!(matches!(parse("case ask 4"), Some(Err(_))));
        assert!(matches!(parse("case claim"), Some(Err(_))));
        assert!(matches!(parse("case dance 4"), Some(Err(_))));
        assert_eq!(parse("casual chat"), None);
    }
}
