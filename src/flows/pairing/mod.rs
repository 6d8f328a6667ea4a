//! Matching in chat: coordinators' commands in the coordinators' room, and what happens when
//! participants answer a match offer.
//!
//! Commands (after the room prefix):
//! - `match preview [programme]`: a dry run; every proposal with the criteria that
//!   contributed and by how much, every unmatched mentee with the reason. Nothing is stored.
//! - `match propose [programme]`: stores the proposals and posts them as numbered cards.
//! - `match approve <n>`, `match approve all [programme]`: each person is asked by DM to
//!   accept or decline before a deadline (`answer_days`).
//! - `match reject <n> [reason]`: the pair is never proposed again; the engine proposes
//!   the next best options around the decisions already taken.
//! - `match swap <n> <mentor application>`: give the proposal's mentee that mentor instead;
//!   whoever the change frees is proposed again around the decisions already taken.
//! - `match rematch <application>`: propose again for one person (past partners excluded).
//! - `match include <mentee application> <mentor application>`: lift what keeps a pair apart.
//! - `match exclude <mentee application> <mentor application> [reason]`: never propose them
//!   to each other (a request, a conflict of interest).
//!
//! When both accept, the pair room is created and the kickoff posted; a decline or an
//! expired deadline frees both people and the next best options are proposed (they need a
//! coordinator's approval like any other proposal).
//!
//! Where things are: the grammar, what a command needs loaded and what each command does
//! here; the engine's proposals (preview, propose, rematch, swap, replan) and their texts in
//! `proposals`; approving a proposal and what the two people's answers set off in `offers`.

mod offers;
mod proposals;

pub use offers::*;
pub use proposals::*;

use crate::i18n::Text;
use std::collections::{HashMap, HashSet};

use super::{Ctx, Effect, OutMessage, Outcome, Prompt, StateChange, Subject, post_said, said_in};
use crate::domain::matches::{MatchRecord, MatchStatus, NewMatch};
use crate::domain::numbers::{self, Numbered};
use crate::domain::{ApplicationRecord, Programme, RoleKind, RoomRef, UserRef};
use crate::matching::plan::{Plan, plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairingCommand {
    Preview(Option<String>),
    Propose(Option<String>),
    Approve(i64),
    ApproveAll(Option<String>),
    Reject(i64, String),
    Rematch(i64),
    /// Replace the mentor of a proposal with the mentor of this application.
    Swap(i64, i64),
    /// Never propose this mentee application with this mentor application.
    Exclude(i64, i64, String),
    /// `match include <mentee application> <mentor application>`: the pair may be proposed
    /// again (what kept them apart, a rejection, a decline or an exclusion, is lifted).
    Include(i64, i64),
}

fn usage() -> Text {
    Text::msg("matching-usage")
}

/// Parses a `match ...` command; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<PairingCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("match"))
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // A number of another kind (`match approve A3`) is refused with what was expected.
    let number = |w: &str, kind| match numbers::read(w, kind) {
        Some(read) => read,
        None => Err(usage()),
    };
    let (application, proposal) = (Numbered::Application, Numbered::Match);
    let programme = |rest: &[String]| match rest {
        [] => Ok(None),
        [p] => Ok(Some(p.clone())),
        _ => Err(usage()),
    };
    let words_l: Vec<&str> = lower.iter().map(String::as_str).collect();
    Some(match words_l.as_slice() {
        [_, "preview", rest @ ..] => {
            programme(&lower[2..2 + rest.len()]).map(PairingCommand::Preview)
        }
        [_, "propose", rest @ ..] => {
            programme(&lower[2..2 + rest.len()]).map(PairingCommand::Propose)
        }
        [_, "approve", "all", rest @ ..] => {
            programme(&lower[3..3 + rest.len()]).map(PairingCommand::ApproveAll)
        }
        [_, "approve", n] => number(n, proposal).map(PairingCommand::Approve),
        [_, "reject", n, ..] => {
            number(n, proposal).map(|id| PairingCommand::Reject(id, words[3..].join(" ")))
        }
        [_, "rematch", n] => number(n, application).map(PairingCommand::Rematch),
        [_, "exclude", a, b, ..] => number(a, application).and_then(|x| {
            number(b, application).map(|y| PairingCommand::Exclude(x, y, words[4..].join(" ")))
        }),
        [_, "include", a, b] => number(a, application)
            .and_then(|x| number(b, application).map(|y| PairingCommand::Include(x, y))),
        [_, "swap", n, a] => number(n, proposal)
            .and_then(|id| number(a, application).map(|app| PairingCommand::Swap(id, app))),
        _ => Err(usage()),
    })
}

/// The programme a command is about: the one named, else the only one the sender
/// coordinates that matches people.
pub fn programme_for<'p>(
    programmes: &'p [Programme],
    sender: &UserRef,
    named: Option<&str>,
) -> Result<&'p Programme, Text> {
    let mine: Vec<&Programme> = programmes
        .iter()
        .filter(|p| p.is_coordinator(sender))
        .collect();
    match named {
        Some(slug) => mine
            .iter()
            .copied()
            .find(|p| p.slug == slug)
            .ok_or_else(|| Text::msg("matching-not-yours").arg("programme", slug)),
        None => {
            let matching: Vec<&Programme> = mine
                .iter()
                .copied()
                .filter(|p| p.matching.is_some())
                .collect();
            match matching.as_slice() {
                [one] => Ok(one),
                [] => Err(Text::msg("matching-none-set-up")),
                _ => Err(Text::msg("matching-which").arg(
                    "programmes",
                    matching
                        .iter()
                        .map(|p| p.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )),
            }
        }
    }
}

/// What the app must load for a matching command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needs {
    Programme(String),
    /// The programme of this match (or of this application, for `rematch`).
    MatchOf(i64),
    ApplicationOf(i64),
}

/// What a matching command needs loaded: the pool of the programme it is about.
pub fn needs(
    command: &PairingCommand,
    programmes: &[Programme],
    sender: &UserRef,
) -> Option<Needs> {
    match command {
        PairingCommand::Preview(p) | PairingCommand::Propose(p) | PairingCommand::ApproveAll(p) => {
            programme_for(programmes, sender, p.as_deref())
                .ok()
                .map(|p| Needs::Programme(p.slug.clone()))
        }
        PairingCommand::Approve(id)
        | PairingCommand::Reject(id, _)
        | PairingCommand::Swap(id, _) => Some(Needs::MatchOf(*id)),
        PairingCommand::Rematch(id)
        | PairingCommand::Exclude(id, _, _)
        | PairingCommand::Include(id, _) => Some(Needs::ApplicationOf(*id)),
    }
}

/// A post in `programme`'s coordinators' room.
fn to_room(ctx: &Ctx<'_>, programme: &str, text: impl Into<Text>) -> Vec<Effect> {
    ctx.coordinators_room(Some(programme))
        .map(|room| said_in(room, text))
        .into_iter()
        .collect()
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<PairingCommand, Text>) -> Outcome {
    let reply = |text: Text| post_said(room, text);
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("matching-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let Subject::Matching {
        programme: slug,
        mentees,
        mentors,
        matches,
        applications,
    } = ctx.subject
    else {
        return if ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
            match &command {
                PairingCommand::Approve(id)
                | PairingCommand::Reject(id, _)
                | PairingCommand::Swap(id, _) => {
                    reply(Text::msg("matching-no-such").arg("id", *id))
                }
                PairingCommand::Rematch(id)
                | PairingCommand::Exclude(id, _, _)
                | PairingCommand::Include(id, _) => {
                    reply(Text::msg("matching-no-application").arg("id", *id))
                }
                PairingCommand::Preview(n)
                | PairingCommand::Propose(n)
                | PairingCommand::ApproveAll(n) => {
                    match programme_for(ctx.programmes, ctx.user, n.as_deref()) {
                        Err(e) => reply(e),
                        Ok(_) => reply(Text::msg("matching-nothing-loaded")),
                    }
                }
            }
        } else {
            super::review::refuse_non_coordinator(ctx, room, Text::msg("coordinators-can-match"))
        };
    };
    let Some(programme) = ctx.programme(slug) else {
        return reply(Text::msg("matching-programme-gone").arg("programme", slug));
    };
    if !programme.is_coordinator(ctx.user) {
        return super::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-match-in").arg("programme", programme.said_name()),
        );
    }
    if programme.matching.is_none() {
        return reply(Text::msg("matching-not-set-up").arg("programme", &programme.name));
    }
    let by = ctx.user.to_string();
    match command {
        PairingCommand::Preview(_) => {
            match planned(ctx, programme, mentees, mentors, matches, None) {
                Ok(p) => reply(preview_text(programme, mentees, mentors, &p)),
                Err(e) => reply(e),
            }
        }
        PairingCommand::Propose(_) => {
            propose(ctx, programme, mentees, mentors, matches, None, room)
        }
        PairingCommand::Rematch(app) => {
            if !mentees.iter().chain(mentors).any(|r| r.summary.id == app) {
                return reply(
                    Text::msg("matching-not-ready")
                        .arg("id", app)
                        .arg("programme", &programme.name),
                );
            }
            propose(ctx, programme, mentees, mentors, matches, Some(app), room)
        }
        PairingCommand::Approve(id) => {
            let Some(m) = matches.iter().find(|m| m.id == id) else {
                return reply(Text::msg("matching-no-such").arg("id", id));
            };
            let mut effects = approve(ctx, programme, mentees, mentors, m, &by);
            if effects.is_empty() {
                effects = vec![said_in(room, already(m))];
            }
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        PairingCommand::ApproveAll(_) => {
            let proposed: Vec<&MatchRecord> = matches
                .iter()
                .filter(|m| m.status == MatchStatus::Proposed)
                .collect();
            if proposed.is_empty() {
                return reply(Text::msg("matching-no-proposals"));
            }
            let effects = proposed
                .into_iter()
                .flat_map(|m| approve(ctx, programme, mentees, mentors, m, &by))
                .collect();
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        PairingCommand::Swap(id, mentor_app) => swap(
            ctx, programme, mentees, mentors, matches, id, mentor_app, room,
        ),
        PairingCommand::Include(mentee_app, mentor_app) => {
            let apart: Vec<&MatchRecord> = matches
                .iter()
                .filter(|m| {
                    m.mentee_application == mentee_app
                        && m.mentor_application == mentor_app
                        && m.keeps_pair_apart()
                })
                .collect();
            if let Some(m) = apart.iter().find(|m| m.status.is_open()) {
                return reply(open_pair("matching-already-together", m));
            }
            if apart.is_empty() {
                return reply(
                    Text::msg("matching-nothing-apart")
                        .arg("mentee", mentee_app)
                        .arg("mentor", mentor_app),
                );
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    Effect::LiftExclusion {
                        programme: programme.slug.clone(),
                        mentee_application: mentee_app,
                        mentor_application: mentor_app,
                        by,
                    },
                    said_in(
                        room,
                        Text::msg("matching-included")
                            .arg("mentee", mentee_app)
                            .arg("mentor", mentor_app)
                            .arg(
                                "lifted",
                                Text::join(
                                    apart
                                        .iter()
                                        .map(|m| {
                                            Text::join(
                                                vec![Text::plain(m.label()), m.status.said()],
                                                " ",
                                            )
                                        })
                                        .collect(),
                                    ", ",
                                ),
                            ),
                    ),
                    Effect::Replan {
                        programme: programme.slug.clone(),
                    },
                ],
            }
        }
        PairingCommand::Exclude(mentee_app, mentor_app, reason) => {
            let role_of = |id: i64| {
                applications
                    .iter()
                    .find(|(a, _)| a.id == id)
                    .map(|(a, _)| a.role)
            };
            if role_of(mentee_app) != Some(RoleKind::Mentee)
                || role_of(mentor_app) != Some(RoleKind::Mentor)
            {
                return reply(
                    Text::msg("matching-exclude-order").arg("programme", &programme.name),
                );
            }
            if let Some(m) = matches.iter().find(|m| {
                m.mentee_application == mentee_app
                    && m.mentor_application == mentor_app
                    && m.status.is_open()
            }) {
                return reply(open_pair("matching-exclude-open", m));
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    Effect::ExcludePair {
                        programme: programme.slug.clone(),
                        mentee_application: mentee_app,
                        mentor_application: mentor_app,
                        by,
                        reason: if reason.is_empty() {
                            "at a coordinator's request".into()
                        } else {
                            reason
                        },
                    },
                    said_in(
                        room,
                        Text::msg("matching-excluded")
                            .arg("mentee", mentee_app)
                            .arg("mentor", mentor_app),
                    ),
                ],
            }
        }
        PairingCommand::Reject(id, reason) => {
            let Some(m) = matches.iter().find(|m| m.id == id) else {
                return reply(Text::msg("matching-no-such").arg("id", id));
            };
            if m.status != MatchStatus::Proposed {
                return reply(already(m));
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    rejected(id, by),
                    said_in(
                        room,
                        if reason.is_empty() {
                            Text::msg("matching-rejected")
                        } else {
                            // A reason ending a sentence of its own keeps one full stop.
                            Text::msg("matching-rejected-reason")
                                .arg("reason", reason.trim_end_matches(['.', ' ']))
                        }
                        .arg("id", id)
                        .arg("mentee", &m.mentee_name)
                        .arg("mentor", &m.mentor_name)
                        .arg("who", &ctx.user.id),
                    ),
                    Effect::Replan {
                        programme: programme.slug.clone(),
                    },
                ]
                .into_iter()
                .chain(request_set_aside(ctx, m))
                .collect(),
            }
        }
    }
}

/// Message `id` about `m`, an open match between the two applications a command names.
fn open_pair(id: &str, m: &MatchRecord) -> Text {
    Text::msg(id)
        .arg("mentee", m.mentee_application)
        .arg("mentor", m.mentor_application)
        .arg("match", m.label())
        .arg("status", m.status.said())
}

/// A proposal set aside (by a coordinator, rejected or swapped for another; by Tandem,
/// when it can no longer go ahead): the pair is not proposed to each other again.
pub(crate) fn rejected(match_id: i64, by: String) -> Effect {
    Effect::MoveMatch {
        match_id,
        from: MatchStatus::Proposed,
        to: MatchStatus::Rejected,
        by,
        deadline: None,
    }
}

#[cfg(test)]
mod tests;
