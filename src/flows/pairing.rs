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
//! - `match exclude <mentee application> <mentor application> [reason]`: never propose them
//!   to each other (a request, a conflict of interest).
//!
//! When both accept, the pair room is created and the kickoff posted; a decline or an
//! expired deadline frees both people and the next best options are proposed (they need a
//! coordinator's approval like any other proposal).

use std::collections::{HashMap, HashSet};

use super::{Ctx, Effect, OutMessage, Outcome, Prompt, StateChange, Subject};
use crate::domain::matches::{MatchRecord, MatchStatus, NewMatch};
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
}

const USAGE: &str = "Usage: match preview [programme] · match propose [programme] · match approve <number> · match approve all [programme] · match reject <number> [reason] · match swap <number> <mentor's application number> · match rematch <application number> · match exclude <mentee's application> <mentor's application> [reason]";

/// Parses a `match ...` command; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<PairingCommand, String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("match"))
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let number = |w: &str| {
        w.trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
    };
    let programme = |rest: &[String]| match rest {
        [] => Ok(None),
        [p] => Ok(Some(p.clone())),
        _ => Err(USAGE.to_string()),
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
        [_, "approve", n] => number(n)
            .map(PairingCommand::Approve)
            .ok_or_else(|| USAGE.to_string()),
        [_, "reject", n, ..] => match number(n) {
            Some(id) => Ok(PairingCommand::Reject(id, words[3..].join(" "))),
            None => Err(USAGE.to_string()),
        },
        [_, "rematch", n] => number(n)
            .map(PairingCommand::Rematch)
            .ok_or_else(|| USAGE.to_string()),
        [_, "exclude", a, b, ..] => match (number(a), number(b)) {
            (Some(x), Some(y)) => Ok(PairingCommand::Exclude(x, y, words[4..].join(" "))),
            _ => Err(USAGE.to_string()),
        },
        [_, "swap", n, a] => match (number(n), number(a)) {
            (Some(id), Some(app)) => Ok(PairingCommand::Swap(id, app)),
            _ => Err(USAGE.to_string()),
        },
        _ => Err(USAGE.to_string()),
    })
}

/// The programme a command is about: the one named, else the only one the sender
/// coordinates that matches people.
pub fn programme_for<'p>(
    programmes: &'p [Programme],
    sender: &UserRef,
    named: Option<&str>,
) -> Result<&'p Programme, String> {
    let mine: Vec<&Programme> = programmes
        .iter()
        .filter(|p| p.is_coordinator(sender))
        .collect();
    match named {
        Some(slug) => mine
            .iter()
            .copied()
            .find(|p| p.slug == slug)
            .ok_or_else(|| format!("You don't coordinate a programme called `{slug}`.")),
        None => {
            let matching: Vec<&Programme> = mine
                .iter()
                .copied()
                .filter(|p| p.matching.is_some())
                .collect();
            match matching.as_slice() {
                [one] => Ok(one),
                [] => Err("None of the programmes you coordinate is set up for matching (a [matching] table in its file).".into()),
                _ => Err(format!(
                    "Which programme? Add its name: {}.",
                    matching.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>().join(", ")
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
        PairingCommand::Rematch(id) | PairingCommand::Exclude(id, _, _) => {
            Some(Needs::ApplicationOf(*id))
        }
    }
}

fn post(room: &RoomRef, text: String) -> Effect {
    Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(text),
    }
}

fn to_room(ctx: &Ctx<'_>, text: String) -> Vec<Effect> {
    ctx.coordinators_room
        .map(|room| post(room, text))
        .into_iter()
        .collect()
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<PairingCommand, String>) -> Outcome {
    let reply = |text: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![post(room, text)],
    };
    let command = match super::staff_command(
        room,
        ctx.coordinators_room,
        command,
        "Coordinators' commands work only in the coordinators' room.",
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
                    reply(format!("There is no match proposal #{id}."))
                }
                PairingCommand::Rematch(id) | PairingCommand::Exclude(id, _, _) => {
                    reply(format!("There is no application #{id}."))
                }
                PairingCommand::Preview(n)
                | PairingCommand::Propose(n)
                | PairingCommand::ApproveAll(n) => {
                    match programme_for(ctx.programmes, ctx.user, n.as_deref()) {
                        Err(e) => reply(e),
                        Ok(_) => reply("Nothing was loaded to match.".into()),
                    }
                }
            }
        } else {
            super::review::refuse_non_coordinator(ctx, room, "match people")
        };
    };
    let Some(programme) = ctx.programme(slug) else {
        return reply(format!("Programme `{slug}` is no longer configured."));
    };
    if !programme.is_coordinator(ctx.user) {
        return super::review::refuse_non_coordinator(
            ctx,
            room,
            &format!("match people in {}", programme.name),
        );
    }
    if programme.matching.is_none() {
        return reply(format!("{} is not set up for matching.", programme.name));
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
                return reply(format!(
                    "Application #{app} is not ready to be matched in {} (only ready participants can be).",
                    programme.name
                ));
            }
            propose(ctx, programme, mentees, mentors, matches, Some(app), room)
        }
        PairingCommand::Approve(id) => {
            let Some(m) = matches.iter().find(|m| m.id == id) else {
                return reply(format!("There is no match proposal #{id}."));
            };
            let mut effects = approve(ctx, programme, mentees, mentors, m, &by);
            if effects.is_empty() {
                effects = vec![post(room, already(m))];
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
                return reply("There are no proposals waiting for approval.".into());
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
                return reply(format!(
                    "Write the mentee's application first and the mentor's second, both in {}: match exclude <mentee's application> <mentor's application> [reason].",
                    programme.name
                ));
            }
            if let Some(m) = matches.iter().find(|m| {
                m.mentee_application == mentee_app
                    && m.mentor_application == mentor_app
                    && m.status.is_open()
            }) {
                return reply(format!(
                    "Applications #{mentee_app} and #{mentor_app} are in match #{} ({}); reject or close it first.",
                    m.id, m.status
                ));
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
                    post(
                        room,
                        format!(
                            "Applications #{mentee_app} and #{mentor_app} will never be proposed to each other."
                        ),
                    ),
                ],
            }
        }
        PairingCommand::Reject(id, reason) => {
            let Some(m) = matches.iter().find(|m| m.id == id) else {
                return reply(format!("There is no match proposal #{id}."));
            };
            if m.status != MatchStatus::Proposed {
                return reply(already(m));
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    Effect::MoveMatch {
                        match_id: id,
                        from: MatchStatus::Proposed,
                        to: MatchStatus::Rejected,
                        by,
                        deadline: None,
                    },
                    post(
                        room,
                        format!(
                            "Proposal #{id} ({} ↔ {}) rejected by {}{}. They will not be proposed to each other again; here are the next best options.",
                            m.mentee_name,
                            m.mentor_name,
                            ctx.user.id,
                            if reason.is_empty() {
                                String::new()
                            } else {
                                format!(": {reason}")
                            }
                        ),
                    ),
                    Effect::Replan {
                        programme: programme.slug.clone(),
                    },
                ],
            }
        }
    }
}

/// Gives a proposal's mentee another mentor, chosen by the coordinator; the engine then
/// re-proposes for everyone the change frees, around the decisions already taken.
#[allow(clippy::too_many_arguments)]
fn swap(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    id: i64,
    mentor_app: i64,
    room: &RoomRef,
) -> Outcome {
    let reply = |text: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![post(room, text)],
    };
    let Some(m) = matches.iter().find(|m| m.id == id) else {
        return reply(format!("There is no match proposal #{id}."));
    };
    if m.status != MatchStatus::Proposed {
        return reply(already(m));
    }
    let Some(config) = &programme.matching else {
        return reply(format!("{} is not set up for matching.", programme.name));
    };
    let Some(mentee) = mentees
        .iter()
        .find(|r| r.summary.id == m.mentee_application)
    else {
        return reply(format!(
            "{} is no longer ready to be matched.",
            m.mentee_name
        ));
    };
    let Some(mentor) = mentors.iter().find(|r| r.summary.id == mentor_app) else {
        return reply(format!(
            "Application #{mentor_app} is not a mentor ready to be matched in {}.",
            programme.name
        ));
    };
    if mentor_app == m.mentor_application {
        return reply(format!("Proposal #{id} already has that mentor."));
    }
    let (taken, excluded) = pool_state(matches);
    if excluded.contains(&(m.mentee_application, mentor_app)) {
        return reply(format!(
            "{} and application #{mentor_app} were matched or proposed before: they are not proposed again.",
            m.mentee_name
        ));
    }
    let places = crate::matching::plan::places_of(config, mentor);
    if taken.get(&mentor_app).copied().unwrap_or(0) >= places {
        return reply(format!(
            "Application #{mentor_app}'s mentor has no place left."
        ));
    }
    let (score, reasons) =
        match crate::matching::plan::evaluate_pair(config, programme, mentee, mentor, ctx.now) {
            Ok(r) => r,
            Err(why) => return reply(format!("That swap is not allowed: {why}.")),
        };
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::MoveMatch {
                match_id: id,
                from: MatchStatus::Proposed,
                to: MatchStatus::Rejected,
                by: ctx.user.to_string(),
                deadline: None,
            },
            Effect::StoreMatches(vec![NewMatch {
                programme: programme.slug.clone(),
                mentee_application: m.mentee_application,
                mentor_application: mentor_app,
                score,
                reasons,
            }]),
            post(
                room,
                format!(
                    "Proposal #{id} swapped by {}: {} gets another mentor (below). Anyone the change frees is proposed again.",
                    ctx.user.id, m.mentee_name
                ),
            ),
            Effect::Replan {
                programme: programme.slug.clone(),
            },
        ],
    }
}

/// Ends a match that did not go ahead: records the move, tells the coordinators why, and
/// asks for the next best proposals for whoever it frees.
fn release(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    from: MatchStatus,
    to: MatchStatus,
    by: String,
    note: String,
) -> Vec<Effect> {
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from,
        to,
        by,
        deadline: None,
    }];
    effects.extend(to_room(ctx, note));
    effects.push(Effect::Replan {
        programme: m.programme.clone(),
    });
    effects
}

/// The engine's proposals as matches to store.
fn new_matches(
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    p: &Plan,
) -> Vec<NewMatch> {
    p.proposals
        .iter()
        .map(|x| NewMatch {
            programme: programme.slug.clone(),
            mentee_application: mentees[x.mentee].summary.id,
            mentor_application: mentors[x.mentor].summary.id,
            score: x.score,
            reasons: x.reasons.clone(),
        })
        .collect()
}

/// "#5 Li: no mentor shares a language with them", one per unmatched mentee.
fn unmatched_lines(mentees: &[ApplicationRecord], p: &Plan) -> Vec<String> {
    p.unmatched
        .iter()
        .map(|(i, why)| format!("{}: {why}", name(&mentees[*i])))
        .collect()
}

/// "Shared goals: Writing a CV (+10); Sector: Technology (+25)".
fn why_text(reasons: &[(String, i64)]) -> String {
    if reasons.is_empty() {
        return "no criterion in common".into();
    }
    reasons
        .iter()
        .map(|(r, points)| format!("{r} (+{points})"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn already(m: &MatchRecord) -> String {
    format!(
        "Match #{} ({} ↔ {}) is already {}.",
        m.id, m.mentee_name, m.mentor_name, m.status
    )
}

/// Places each application holds in open matches, and pairs never to propose again.
fn pool_state(matches: &[MatchRecord]) -> (HashMap<i64, u32>, HashSet<(i64, i64)>) {
    let mut taken: HashMap<i64, u32> = HashMap::new();
    let mut excluded = HashSet::new();
    for m in matches {
        excluded.insert((m.mentee_application, m.mentor_application));
        if m.status.is_open() {
            *taken.entry(m.mentee_application).or_default() += 1;
            *taken.entry(m.mentor_application).or_default() += 1;
        }
    }
    (taken, excluded)
}

fn planned(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    only: Option<i64>,
) -> Result<Plan, String> {
    let Some(config) = &programme.matching else {
        return Err(format!("{} is not set up for matching.", programme.name));
    };
    if mentees.is_empty() || mentors.is_empty() {
        return Err(format!(
            "Nobody to match yet in {}: {} mentee(s) and {} mentor(s) are ready to be matched.",
            programme.name,
            mentees.len(),
            mentors.len()
        ));
    }
    let (taken, excluded) = pool_state(matches);
    let mut p = plan(
        config, programme, mentees, mentors, &excluded, &taken, ctx.now,
    )
    .map_err(|e| format!("The matching configuration cannot be used: {e}"))?;
    if let Some(app) = only {
        p.proposals
            .retain(|x| mentees[x.mentee].summary.id == app || mentors[x.mentor].summary.id == app);
        p.unmatched.retain(|(i, _)| mentees[*i].summary.id == app);
    }
    Ok(p)
}

/// Stores the proposals of a fresh plan; the app posts their cards once numbered.
fn propose(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    only: Option<i64>,
    room: &RoomRef,
) -> Outcome {
    let reply = |text: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![post(room, text)],
    };
    let p = match planned(ctx, programme, mentees, mentors, matches, only) {
        Ok(p) => p,
        Err(e) => return reply(e),
    };
    if p.proposals.is_empty() {
        let why = unmatched_lines(mentees, &p);
        return reply(format!(
            "No new proposals in {}.{}",
            programme.name,
            if why.is_empty() {
                String::new()
            } else {
                format!("\nNot matched:\n• {}", why.join("\n• "))
            }
        ));
    }
    let mut effects = vec![Effect::StoreMatches(new_matches(
        programme, mentees, mentors, &p,
    ))];
    if !p.unmatched.is_empty() {
        let why = unmatched_lines(mentees, &p);
        effects.push(post(
            room,
            format!("Not matched this time:\n• {}", why.join("\n• ")),
        ));
    }
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// The proposals just stored, as one message for the coordinators.
pub fn proposals_text(ctx: &Ctx<'_>, new: &[MatchRecord]) -> String {
    let mut s = format!("{} new match proposal(s):", new.len());
    for m in new {
        s.push_str(&format!(
            "\nProposal #{}: {} (mentee, application #{}) ↔ {} (mentor, application #{}), {} points — {}",
            m.id,
            m.mentee_name,
            m.mentee_application,
            m.mentor_name,
            m.mentor_application,
            m.score,
            why_text(&m.reasons)
        ));
    }
    s.push_str(&format!(
        "\nReply: {p} match approve <number> · {p} match approve all · {p} match reject <number> [reason]",
        p = ctx.room_prefix
    ));
    s
}

/// Approving a proposal: both people are asked. Empty when it is not a proposal any more.
fn approve(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    m: &MatchRecord,
    by: &str,
) -> Vec<Effect> {
    if m.status != MatchStatus::Proposed {
        return vec![];
    }
    let still_ready = mentees.iter().any(|r| r.summary.id == m.mentee_application)
        && mentors.iter().any(|r| r.summary.id == m.mentor_application);
    if !still_ready {
        return release(
            ctx,
            m,
            MatchStatus::Proposed,
            MatchStatus::Rejected,
            "tandem".into(),
            format!(
                "Proposal #{} ({} ↔ {}) is no longer valid: one of them is no longer ready to be matched (withdrawn, or a screening step lapsed). It was set aside.",
                m.id, m.mentee_name, m.mentor_name
            ),
        );
    }
    let deadline = ctx.now + chrono::Duration::days(i64::from(programme.texts.answer_days));
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from: MatchStatus::Proposed,
        to: MatchStatus::Approved,
        by: by.to_string(),
        deadline: Some(deadline),
    }];
    for user in [&m.mentee, &m.mentor] {
        effects.push(Effect::QueuePrompt {
            user: user.clone(),
            prompt: Prompt::MatchOffer { match_id: m.id },
        });
    }
    effects.extend(to_room(
        ctx,
        format!(
            "Match #{} ({} ↔ {}) approved by {}. Both have been asked to accept by {}.",
            m.id,
            m.mentee_name,
            m.mentor_name,
            ctx.user.id,
            deadline.format("%-d %b %Y")
        ),
    ));
    effects
}

/// One side accepted; `other_accepted` says whether the other already had.
pub fn on_accept(ctx: &Ctx<'_>, m: &MatchRecord, other_accepted: bool) -> Vec<Effect> {
    let other = if m.mentee == *ctx.user {
        &m.mentor_name
    } else {
        &m.mentee_name
    };
    if !other_accepted {
        return vec![ctx.dm_text(format!(
            "Thank you! We're waiting for {other}'s answer, and we'll let you know."
        ))];
    }
    let programme = ctx.programme(&m.programme);
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from: MatchStatus::Approved,
        to: MatchStatus::Active,
        by: "tandem".into(),
        deadline: None,
    }];
    effects.push(Effect::CreatePairRoom {
        match_id: m.id,
        name: format!("{} & {}", m.mentee_name, m.mentor_name),
        topic: format!(
            "{}: {} (mentee) and {} (mentor)",
            programme.map(|p| p.name.as_str()).unwrap_or(&m.programme),
            m.mentee_name,
            m.mentor_name
        ),
        members: vec![m.mentee.clone(), m.mentor.clone()],
        kickoff: OutMessage::text(kickoff(programme, m)),
        group_of: programme
            .and_then(|p| p.matching.as_ref())
            .is_some_and(|c| matches!(c.mode, crate::domain::matching::MatchMode::Group { .. }))
            .then_some(m.mentor_application),
    });
    for (user, partner) in [(&m.mentee, &m.mentor_name), (&m.mentor, &m.mentee_name)] {
        effects.push(Effect::SendDm {
            to: user.clone(),
            message: OutMessage::text(format!(
                "You and {partner} have both accepted: you're matched! I've created a private room for the two of you, with a few words to get you started."
            )),
        });
    }
    effects.extend(to_room(
        ctx,
        format!(
            "Match #{} ({} ↔ {}) is active: both accepted, and their pair room is being created.",
            m.id, m.mentee_name, m.mentor_name
        ),
    ));
    effects
}

/// One side declined: both go back to the pool, the other is told kindly, and the next
/// best options are proposed.
pub fn on_decline(ctx: &Ctx<'_>, m: &MatchRecord, side: RoleKind) -> Vec<Effect> {
    let (other, me_name) = match side {
        RoleKind::Mentee => (&m.mentor, &m.mentee_name),
        RoleKind::Mentor => (&m.mentee, &m.mentor_name),
    };
    let mut effects = vec![
        ctx.dm_text(
            "Thank you for letting us know. You stay in the programme, and we'll propose someone else as soon as we can.",
        ),
        Effect::SendDm {
            to: other.clone(),
            message: OutMessage::text(format!(
                "An update on your match: {me_name} isn't able to go ahead with it. This is no reflection on you; we're already looking for another match for you."
            )),
        },
    ];
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Declined,
        ctx.user.to_string(),
        format!(
            "Match #{} ({} ↔ {}) was declined by {me_name}. Both are back in the pool; here are the next best options.",
            m.id, m.mentee_name, m.mentor_name
        ),
    ));
    effects
}

/// An offer that can no longer go ahead (one of the two was suspended, or is no longer
/// ready to be matched): withdrawn before it starts. Both are told kindly that it can't go
/// ahead, and neither learns why (nothing about the other person); the coordinators are
/// told, and whoever is still free is proposed again.
pub fn withdraw_blocked(ctx: &Ctx<'_>, m: &MatchRecord) -> Vec<Effect> {
    if m.status != MatchStatus::Approved {
        return Vec::new();
    }
    let mut effects: Vec<Effect> = [(&m.mentee, &m.mentor_name), (&m.mentor, &m.mentee_name)]
        .into_iter()
        .map(|(user, partner)| Effect::SendDm {
            to: user.clone(),
            message: OutMessage::text(format!(
                "An update on your match offer with {partner}: I'm sorry, it can't go ahead after all. The coordinators will be in touch about what comes next."
            )),
        })
        .collect();
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Declined,
        "tandem".into(),
        format!(
            "Offer #{} ({} ↔ {}) was withdrawn before it started: one of them is no longer ready to be matched (suspended, a screening step lapsed or failed, or withdrawn). Both were told it can't go ahead, without why.",
            m.id, m.mentee_name, m.mentor_name
        ),
    ));
    effects
}

/// The answer deadline passed: the match lapses and both go back to the pool.
pub fn expire(ctx: &Ctx<'_>, m: &MatchRecord) -> Outcome {
    if m.status != MatchStatus::Approved {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    }
    let mut effects = Vec::new();
    for (user, answer, partner) in [
        (&m.mentee, m.mentee_answer, &m.mentor_name),
        (&m.mentor, m.mentor_answer, &m.mentee_name),
    ] {
        let text = if answer.is_none() {
            format!(
                "The match offer with {partner} has expired, as we didn't hear back in time. You stay in the programme; type status to see where you stand."
            )
        } else {
            format!(
                "The match with {partner} didn't go ahead, as we didn't get both answers in time. This is no reflection on you; we'll propose someone else soon."
            )
        };
        effects.push(Effect::SendDm {
            to: user.clone(),
            message: OutMessage::text(text),
        });
    }
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Expired,
        "tandem".into(),
        format!(
            "Match #{} ({} ↔ {}) expired without both answers. Both are back in the pool; here are the next best options.",
            m.id, m.mentee_name, m.mentor_name
        ),
    ));
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// After a decline, rejection or expiry: new proposals for whoever is free (no message
/// when there is nothing new to propose).
pub fn replan(ctx: &Ctx<'_>, programme: &Programme) -> Outcome {
    let Subject::Matching {
        mentees,
        mentors,
        matches,
        ..
    } = ctx.subject
    else {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    };
    let effects = match planned(ctx, programme, mentees, mentors, matches, None) {
        Ok(p) if !p.proposals.is_empty() => {
            vec![Effect::StoreMatches(new_matches(
                programme, mentees, mentors, &p,
            ))]
        }
        _ => vec![],
    };
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// The first message in a pair room.
fn kickoff(programme: Option<&Programme>, m: &MatchRecord) -> String {
    let mut s = format!(
        "Welcome, {} and {}! This is your private room{}: only the two of you and the bot are here.\nWho is who: {} is the mentor, {} is the mentee.",
        m.mentee_name,
        m.mentor_name,
        programme
            .map(|p| format!(" for {}", p.name))
            .unwrap_or_default(),
        m.mentor_name,
        m.mentee_name
    );
    if !m.reasons.is_empty() {
        s.push_str("\nWhy we matched you:");
        for (why, _) in &m.reasons {
            s.push_str(&format!("\n• {why}"));
        }
    }
    if let Some(p) = programme {
        for (title, text) in [
            ("Ground rules", &p.texts.ground_rules),
            ("How often to meet", &p.texts.meeting_cadence),
            ("To get you started", &p.texts.icebreaker),
        ] {
            if !text.is_empty() {
                s.push_str(&format!("\n{title}: {text}"));
            }
        }
    }
    s
}

fn name(record: &ApplicationRecord) -> String {
    format!(
        "#{} {}",
        record.summary.id,
        super::review::display_name_of(&record.applicant, &record.answers)
    )
}

fn preview_text(
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    p: &Plan,
) -> String {
    let matched: HashSet<usize> = p.proposals.iter().map(|x| x.mentee).collect();
    let waiting = matched.len() + p.unmatched.len();
    let mut s = format!(
        "Match preview for {} (a dry run: nothing was sent, nothing was stored)\n{} of {} mentee(s) matched, total score {}.",
        programme.name,
        matched.len(),
        waiting,
        p.total_score
    );
    for x in &p.proposals {
        s.push_str(&format!(
            "\n• {} ↔ {}: {} points — {}",
            name(&mentees[x.mentee]),
            name(&mentors[x.mentor]),
            x.score,
            why_text(&x.reasons)
        ));
    }
    if !p.unmatched.is_empty() {
        s.push_str(&format!(
            "\nNot matched:\n• {}",
            unmatched_lines(mentees, p).join("\n• ")
        ));
    }
    if !p.spare.is_empty() {
        let spare: Vec<String> = p
            .spare
            .iter()
            .map(|(j, used, cap)| format!("{} ({used} of {cap})", name(&mentors[*j])))
            .collect();
        s.push_str(&format!("\nMentors with room left: {}", spare.join(", ")));
    }
    s
}
