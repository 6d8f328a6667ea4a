//! Closing a match: early (`close match` by either person, after confirming, or by a
//! coordinator, who may mark it disciplinary), and what each person would like next.
//!
//! Early closures are worded as no-fault: the other person is told kindly, never the
//! reason, and both are asked whether they would like a new match or a break. A
//! disciplinary closure offers no rematch. The pair room gets a final notice and becomes
//! read-only (archived where the platform has it). The planned end is run by the milestone
//! runner (`app::scheduler::planned_end`), which uses [`next_prompt`] too. Either member can
//! ask for the pair room's `transcript` by DM, during the match or after it.

use serde::{Deserialize, Serialize};

use super::command::Command;
use super::{Content, Ctx, Decision, Effect, FlowState, OutMessage, Outcome, Prompt, StateChange};
use crate::domain::matches::{ClosureKind, MatchRecord, MatchStatus, NextStep};
use crate::domain::numbers::{self, Numbered};
use crate::domain::screening::all_complete;
use crate::domain::text::{clean, preview};
use crate::domain::{ApplicationStatus, Choice, RoleKind, RoomRef, UserRef};
use crate::i18n::Text;

/// A person's `close match`, waiting for their yes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmClose {
    pub match_id: i64,
    pub reason: String,
}

/// "What would you like next?" after a match ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatNext {
    pub match_id: i64,
}

/// `close match [number] [reason]` (or `end match …`) in a DM: the match number, if given,
/// and the reason.
pub fn parse_dm(text: &str) -> Option<(Option<i64>, String)> {
    let t = text.trim();
    // The prefixes are ASCII: compared on the original text, so cutting it is always at a
    // character boundary (lower-casing can change a text's length).
    let rest = ["close match", "end match", "close my match", "end my match"]
        .iter()
        .find_map(|p| {
            t.get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| &t[p.len()..])
                .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
                .map(str::trim)
        })?;
    let mut words = rest.splitn(2, char::is_whitespace);
    let first = words.next().unwrap_or_default();
    match numbers::read(first, Numbered::Match) {
        Some(Ok(n)) => Some((Some(n), words.next().unwrap_or_default().trim().to_string())),
        _ => Some((None, rest.to_string())),
    }
}

/// A coordinator's `close match <number> [disciplinary] <reason>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseCommand {
    pub match_id: i64,
    pub disciplinary: bool,
    pub reason: String,
}

/// Parses `close match …` in a room; `None` when the text is not one.
pub fn parse_room(text: &str) -> Option<Result<CloseCommand, Text>> {
    parse_dm(text).map(|own| room_command(&own))
}

/// A coordinator's `close match …`, from what [`parse_dm`] read of it.
pub fn room_command((id, rest): &(Option<i64>, String)) -> Result<CloseCommand, Text> {
    let Some(match_id) = *id else {
        return Err(Text::msg("close-usage"));
    };
    let (disciplinary, reason) = match rest.split_once(char::is_whitespace) {
        Some((w, r)) if w.eq_ignore_ascii_case("disciplinary") => (true, r.trim()),
        None if rest.eq_ignore_ascii_case("disciplinary") => (true, ""),
        _ => (false, rest.as_str()),
    };
    if reason.is_empty() {
        return Err(Text::msg("close-give-reason"));
    }
    Ok(CloseCommand {
        match_id,
        disciplinary,
        reason: clean(reason, false),
    })
}

fn partner_of<'m>(m: &'m MatchRecord, user: &UserRef) -> (&'m str, &'m str) {
    if m.mentee == *user {
        (m.mentor_name.as_str(), m.mentee_name.as_str())
    } else {
        (m.mentee_name.as_str(), m.mentor_name.as_str())
    }
}

/// Whether `typed` (lower case) is `choice`'s label in any shipped language: the what-next
/// options are labelled `next-<value>` in the catalogue.
fn said_label_is(choice: &Choice, typed: &str) -> bool {
    let key = format!("next-{}", choice.value.replace('_', "-"));
    crate::i18n::Locale::all().any(|l| {
        crate::domain::text::fold(&Text::msg(&key).render(l)) == crate::domain::text::fold(typed)
    })
}

/// `#1 with Grace, #3 with Hana`: someone's matches, to choose from.
fn with_partners(matches: &[&MatchRecord], user: &UserRef) -> Text {
    Text::join(
        matches
            .iter()
            .map(|m| {
                Text::msg("close-with")
                    .arg("id", m.id)
                    .arg("partner", partner_of(m, user).0)
            })
            .collect(),
        ", ",
    )
}

fn programme_name(ctx: &Ctx<'_>, slug: &str) -> String {
    ctx.programme(slug)
        .map_or_else(|| slug.to_string(), |p| p.name.clone())
}

/// `close match` in a DM: which match, then a confirmation.
pub fn start(ctx: &Ctx<'_>, id: Option<i64>, reason: &str) -> Outcome {
    let active: Vec<&MatchRecord> = ctx
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .collect();
    let reply = |t: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(t))]);
    let m = match (id, active.as_slice()) {
        (Some(n), _) => match ctx.matches.iter().find(|m| m.id == n) {
            Some(m) if m.status == MatchStatus::Active => m,
            Some(m) if m.status == MatchStatus::Closed => {
                return reply(match &m.closure {
                    Some(c) => Text::msg("close-ended-on")
                        .arg("id", n)
                        .arg("date", Text::date(c.at.date_naive())),
                    None => Text::msg("close-ended").arg("id", n),
                });
            }
            _ => return reply(Text::msg("close-no-such").arg("id", n)),
        },
        (None, []) => return reply(Text::msg("close-none")),
        (None, [one]) => one,
        (None, many) => {
            return reply(
                Text::msg("close-which")
                    .arg("count", many.len())
                    .arg("matches", with_partners(many, ctx.user)),
            );
        }
    };
    let flow = ConfirmClose {
        match_id: m.id,
        reason: clean(reason, false),
    };
    Outcome {
        effects: vec![ctx.dm(confirm_message(ctx, m))],
        state: StateChange::Set(FlowState::ConfirmClose(flow)),
    }
}

fn confirm_message(ctx: &Ctx<'_>, m: &MatchRecord) -> OutMessage {
    let (partner, _) = partner_of(m, ctx.user);
    OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("close:{}", m.id)),
        ..OutMessage::said(Text::msg("close-confirm").arg("partner", partner))
            .with_choices(crate::domain::answer::yes_no_labelled())
    }
}

/// The question a `close match` waits on, while the match is active.
pub(super) fn confirm_question(ctx: &Ctx<'_>, flow: &ConfirmClose) -> Option<OutMessage> {
    let m = ctx
        .matches
        .iter()
        .find(|m| m.id == flow.match_id && m.status == MatchStatus::Active)?;
    Some(confirm_message(ctx, m))
}

/// The yes or no to `close match`.
pub fn confirm_step(
    ctx: &Ctx<'_>,
    flow: &ConfirmClose,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let answer = match content {
        Content::Picked { values, .. } => values.first().map(|v| v == "yes"),
        Content::Text(t) => match clean(t, false).to_lowercase().trim_end_matches(['.', '!']) {
            "yes" | "y" | "1" | "yes, end it" => Some(true),
            "no" | "n" | "2" | "cancel" => Some(false),
            // Yes and no in any shipped language.
            other => crate::domain::answer::yes_or_no(other),
        },
    };
    let Some(m) = ctx
        .matches
        .iter()
        .find(|m| m.id == flow.match_id && m.status == MatchStatus::Active)
    else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("close-already-ended")))],
        };
    };
    if command == Some(&Command::Report) {
        return super::report::start(ctx, None);
    }
    match answer {
        None => Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("answer-yes-no"))),
            ctx.dm(confirm_message(ctx, m)),
        ]),
        Some(false) => Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("close-kept")))],
        },
        Some(true) => Outcome {
            state: StateChange::Clear,
            effects: close_effects(
                ctx,
                m,
                &Closing {
                    closer: Some(ctx.user),
                    coordinators: ctx.coordinators_room(Some(&m.programme)),
                    ..Closing::new(ClosureKind::Early, &flow.reason)
                },
            ),
        },
    }
}

/// How a match is being closed, for [`close_effects`].
#[derive(Debug, Clone, Copy)]
pub struct Closing<'a> {
    pub kind: ClosureKind,
    pub reason: &'a str,
    /// The member who closed it, if one did (a coordinator's or moderator's closure: `None`).
    pub closer: Option<&'a UserRef>,
    /// Where the coordinators are told, if anywhere.
    pub coordinators: Option<&'a RoomRef>,
    /// For a disciplinary closure, the members a moderation case is about: only they get
    /// the neutral disciplinary text and no new match; the other is told it is not their
    /// fault and offered one. Empty: both get the disciplinary text.
    pub at_fault: &'a [UserRef],
    /// The moderation case that led to it, for the coordinators' note.
    pub case: Option<i64>,
}

impl<'a> Closing<'a> {
    /// An early or disciplinary closure with no member closing it and nobody at fault.
    pub fn new(kind: ClosureKind, reason: &'a str) -> Closing<'a> {
        Closing {
            kind,
            reason,
            closer: None,
            coordinators: None,
            at_fault: &[],
            case: None,
        }
    }
}

/// Everything an early or disciplinary closure does: the record, a word to each member (the
/// one who closed it is thanked; the other is told kindly, without the reason), the
/// what-next question unless disciplinary (for the member a disciplinary closure is not
/// about, it is asked too), the room's final notice, and a note to the coordinators.
pub fn close_effects(ctx: &Ctx<'_>, m: &MatchRecord, how: &Closing<'_>) -> Vec<Effect> {
    let Closing {
        kind,
        reason,
        closer,
        coordinators,
        at_fault,
        case,
    } = *how;
    let programme = programme_name(ctx, &m.programme);
    let by = ctx.user.to_string();
    let mut effects = vec![Effect::CloseMatch {
        match_id: m.id,
        kind,
        reason: reason.to_string(),
        by: by.clone(),
    }];
    let members = [(&m.mentee, &m.mentor_name), (&m.mentor, &m.mentee_name)];
    // Disciplinary for a member unless the case is about the other one only.
    let at_fault_member = |member: &UserRef| at_fault.is_empty() || at_fault.contains(member);
    for (member, partner) in members {
        let disciplinary = kind == ClosureKind::Disciplinary && at_fault_member(member);
        let key = match (kind, closer) {
            _ if disciplinary => "close-told-disciplinary",
            (ClosureKind::Disciplinary, _) => "close-told-not-at-fault",
            (_, Some(c)) if c == member => "close-told-closer",
            (_, Some(_)) => "close-told-partner-left",
            (_, None) => "close-told-by-coordinators",
        };
        let said_programme = ctx
            .programme(&m.programme)
            .map_or_else(|| Text::plain(programme.as_str()), |p| p.said_name());
        effects.push(Effect::SendDm {
            to: member.clone(),
            message: OutMessage::said(
                Text::msg(key)
                    .arg("partner", partner.as_str())
                    .arg("programme", said_programme),
            ),
        });
        if !disciplinary {
            effects.push(Effect::QueuePrompt {
                user: member.clone(),
                prompt: Prompt::NextStep { match_id: m.id },
            });
        }
    }
    effects.push(Effect::ArchivePairRoom {
        match_id: m.id,
        notice: Text::msg("pair-ended"),
    });
    if let Some(room) = coordinators {
        let who = match closer {
            Some(c) if *c == m.mentee => {
                Text::msg("close-by-mentee").arg("name", partner_of(m, c).1)
            }
            Some(c) => Text::msg("close-by-mentor").arg("name", partner_of(m, c).1),
            None => Text::msg("close-by-staff").arg("who", by.as_str()),
        };
        let who = match case {
            Some(n) => Text::msg("close-after-case").arg("by", who).arg("case", n),
            None => who,
        };
        let names = |of: &[&(&UserRef, &String)]| -> Text {
            let mut names: Vec<&str> = of.iter().map(|(u, _)| partner_of(m, u).1).collect();
            match (names.pop(), names.as_slice()) {
                (Some(second), [first, ..]) => Text::msg("close-and")
                    .arg("first", *first)
                    .arg("second", second),
                (Some(one), []) => Text::plain(one),
                (None, _) => Text::plain(""),
            }
        };
        let what = match kind {
            ClosureKind::Disciplinary if !at_fault.is_empty() => {
                let (fault, kept): (Vec<_>, Vec<_>) =
                    members.iter().partition(|(u, _)| at_fault.contains(u));
                let mut what =
                    vec![Text::msg("close-disciplinary-some").arg("names", names(&fault))];
                if !kept.is_empty() {
                    what.push(Text::msg("close-not-at-fault").arg("names", names(&kept)));
                }
                Text::join(what, " ")
            }
            ClosureKind::Disciplinary => Text::msg("close-disciplinary-both"),
            _ => Text::msg("close-both-told"),
        };
        let said_programme = ctx
            .programme(&m.programme)
            .map_or_else(|| Text::plain(programme.as_str()), |p| p.said_name());
        let closed = if kind == ClosureKind::Disciplinary {
            Text::msg("close-closed-disciplinary")
        } else {
            Text::msg("close-closed-early")
        };
        effects.push(super::said_in(
            room,
            closed
                .arg("m", m.id)
                .arg("mentee", &m.mentee_name)
                .arg("mentor", &m.mentor_name)
                .arg("programme", said_programme)
                .arg("by", who)
                .arg(
                    "reason",
                    if reason.is_empty() {
                        Text::msg("close-no-reason")
                    } else {
                        Text::plain(preview(reason.trim_end_matches('.'), 500))
                    },
                )
                .arg("what", what),
        ));
    }
    effects
}

/// `close match <n> [disciplinary] <reason>` in the coordinators' room: checked, then the
/// coordinator is asked to confirm (see `flows::confirm`).
pub fn handle_room(
    ctx: &Ctx<'_>,
    state: Option<&super::FlowState>,
    room: &RoomRef,
    command: Result<CloseCommand, Text>,
) -> Outcome {
    let (m, command) = match checked(ctx, room, command) {
        Ok(found) => found,
        Err(refused) => return *refused,
    };
    let text = Text::msg(if command.disciplinary {
        "close-ask-disciplinary"
    } else {
        "close-ask"
    })
    .arg("m", m.id)
    .arg("mentee", &m.mentee_name)
    .arg("mentor", &m.mentor_name)
    .arg("programme", programme_name(ctx, &m.programme))
    .arg("since", Text::date(m.started().date_naive()))
    .arg("reason", command.reason.as_str());
    super::actions::ask(
        ctx,
        state,
        room,
        super::actions::PendingAction::CloseMatch {
            match_id: m.id,
            disciplinary: command.disciplinary,
            reason: command.reason,
        },
        text,
    )
}

/// A coordinator's confirmed `close match`: checked again on the match as it is now.
pub fn close_confirmed(ctx: &Ctx<'_>, room: &RoomRef, command: CloseCommand) -> Outcome {
    let (m, command) = match checked(ctx, room, Ok(command)) {
        Ok(found) => found,
        Err(refused) => return *refused,
    };
    let kind = if command.disciplinary {
        ClosureKind::Disciplinary
    } else {
        ClosureKind::Early
    };
    Outcome::unchanged(close_effects(
        ctx,
        m,
        // Both alike: which member a disciplinary closure is about is the moderators'
        // to say, from the case (`case close-match`), where it is linked.
        &Closing {
            coordinators: Some(room),
            ..Closing::new(kind, &command.reason)
        },
    ))
}

/// The match a coordinator's `close match` names, if they may close it and it is active.
fn checked<'c>(
    ctx: &Ctx<'c>,
    room: &RoomRef,
    command: Result<CloseCommand, Text>,
) -> Result<(&'c MatchRecord, CloseCommand), Box<Outcome>> {
    let reply = |text: Text| Box::new(super::post_said(room, text));
    let command = super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("close-room"),
    )?;
    let super::Subject::Pair(Some(m)) = ctx.subject else {
        return Err(reply(
            Text::msg("close-no-match").arg("m", command.match_id),
        ));
    };
    let coordinates = ctx
        .programme(&m.programme)
        .is_some_and(|p| p.is_coordinator(ctx.user));
    if !coordinates {
        return Err(Box::new(super::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-close"),
        )));
    }
    match (m.status, &m.closure) {
        (MatchStatus::Active, _) => Ok((m, command)),
        (MatchStatus::Closed, Some(c)) => Err(reply(
            Text::msg("close-already-closed")
                .arg("m", m.id)
                .arg("mentee", &m.mentee_name)
                .arg("mentor", &m.mentor_name)
                .arg("date", Text::date(c.at.date_naive()))
                .arg("kind", c.kind.said()),
        )),
        (status, _) => Err(reply(
            Text::msg("close-not-active")
                .arg("match", m.said_name())
                .arg("mentee", &m.mentee_name)
                .arg("mentor", &m.mentor_name)
                .arg("status", status.said()),
        )),
    }
}

/// The what-next question after a match ended; `None` if the person was not in it.
pub fn next_prompt(ctx: &Ctx<'_>, match_id: i64) -> Option<OutMessage> {
    let m = ctx.matches.iter().find(|m| m.id == match_id)?;
    let (partner, _) = partner_of(m, ctx.user);
    let planned = m
        .closure
        .as_ref()
        .is_none_or(|c| c.kind == ClosureKind::Planned);
    let options: &[NextStep] = if planned {
        &[NextStep::KeepInTouch, NextStep::NewMatch, NextStep::Break]
    } else {
        &[NextStep::NewMatch, NextStep::Break]
    };
    let question = if planned {
        Text::msg("next-planned").arg("partner", partner)
    } else {
        Text::msg("next-early")
    };
    let choices = options
        .iter()
        .map(|n| {
            let said = n.said();
            let choice = Choice {
                value: n.as_str().into(),
                label: said.english(),
            };
            (choice, said)
        })
        .collect();
    Some(OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("next:{match_id}")),
        ..OutMessage::said(question).with_choices(choices)
    })
}

/// Starts the what-next question (a queued prompt).
pub fn start_next(ctx: &Ctx<'_>, match_id: i64) -> Outcome {
    match next_prompt(ctx, match_id) {
        Some(message) => Outcome {
            effects: vec![ctx.dm(message)],
            state: StateChange::Set(FlowState::WhatNext(WhatNext { match_id })),
        },
        None => Outcome::unchanged(vec![]),
    }
}

/// The answer to what next: recorded; a new match puts the person back in the pool and
/// proposes again; the coordinators hear either way.
pub fn next_step(
    ctx: &Ctx<'_>,
    flow: &WhatNext,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let Some(message) = next_prompt(ctx, flow.match_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![],
        };
    };
    // A way out: a report can't wait, and nobody must be stuck on this question.
    {
        match command {
            Some(Command::Report) => return super::report::start(ctx, None),
            Some(Command::Cancel) => {
                return Outcome {
                    state: StateChange::Clear,
                    effects: vec![ctx.dm(OutMessage::said(Text::msg("next-cancelled")))],
                };
            }
            _ => {}
        }
    }
    let picked = match content {
        Content::Picked { values, .. } => values.first().and_then(|v| NextStep::parse(v)),
        Content::Text(t) => {
            let t = clean(t, false).to_lowercase();
            let t = t.trim_end_matches(['.', '!']);
            message
                .choices
                .iter()
                .enumerate()
                .find(|(i, c)| {
                    t == (i + 1).to_string()
                        || t == c.label.to_lowercase()
                        || t == c.value
                        || said_label_is(c, t)
                })
                .and_then(|(_, c)| NextStep::parse(&c.value))
                .or(match t {
                    "new match" | "match me again" | "again" | "rematch" => {
                        Some(NextStep::NewMatch)
                    }
                    "break" | "a break" | "pause" => Some(NextStep::Break),
                    _ => None,
                })
        }
    }
    .filter(|n| message.choices.iter().any(|c| c.value == n.as_str()));
    let Some(choice) = picked else {
        return Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(
                Text::msg("next-retry").arg("count", message.choices.len()),
            )),
            ctx.dm(message),
        ]);
    };
    let Some(m) = ctx.matches.iter().find(|m| m.id == flow.match_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![],
        };
    };
    let (partner, me) = partner_of(m, ctx.user);
    let mut effects = vec![Effect::RecordNextStep {
        match_id: m.id,
        user: ctx.user.clone(),
        choice,
    }];
    let programme = ctx.programme(&m.programme);
    let reply = match choice {
        NextStep::KeepInTouch => Text::msg("next-keep-in-touch-noted").arg("partner", partner),
        NextStep::Break => Text::msg("next-break-noted"),
        NextStep::NewMatch => Text::msg("next-new-match-noted"),
    };
    effects.push(ctx.dm(OutMessage::said(reply)));
    // A break takes a mentor with other mentees out of the pool for new ones too.
    if choice != NextStep::NewMatch
        && let Some(app) = ctx.applications.iter().find(|a| {
            a.status == ApplicationStatus::Ready
                && (a.id == m.mentee_application || a.id == m.mentor_application)
        })
    {
        effects.push(Effect::RecordDecision(Decision {
            application_id: app.id,
            from: ApplicationStatus::Ready,
            to: ApplicationStatus::Resting,
            by: ctx.user.to_string(),
            reason: format!("chose not to be matched again after match M{}", m.id),
        }));
    }
    if choice == NextStep::NewMatch {
        let side = m.side_of(ctx.user).unwrap_or(RoleKind::Mentee);
        let application = match side {
            RoleKind::Mentee => m.mentee_application,
            RoleKind::Mentor => m.mentor_application,
        };
        if let Some(app) = ctx
            .applications
            .iter()
            .find(|a| a.id == application && a.status == ApplicationStatus::Resting)
        {
            let steps = programme
                .and_then(|p| p.role(app.role))
                .map(|r| r.screening.steps.as_slice())
                .unwrap_or(&[]);
            let to = if all_complete(steps, &app.steps, ctx.now.date_naive()) {
                ApplicationStatus::Ready
            } else {
                ApplicationStatus::Approved
            };
            effects.push(Effect::RecordDecision(Decision {
                application_id: app.id,
                from: ApplicationStatus::Resting,
                to,
                by: ctx.user.to_string(),
                reason: format!("asked for a new match after match M{}", m.id),
            }));
        }
        effects.push(Effect::Replan {
            programme: m.programme.clone(),
        });
    }
    if let Some(room) = ctx.coordinators_room(Some(&m.programme)) {
        let after = match choice {
            NextStep::KeepInTouch => Text::msg("close-after-keep-in-touch"),
            NextStep::NewMatch => Text::msg("close-after-new-match"),
            NextStep::Break => Text::msg("close-after-break"),
        };
        effects.push(super::said_in(
            room,
            after
                .arg("m", m.id)
                .arg(
                    "programme",
                    programme.map_or_else(|| Text::plain(&m.programme), |p| p.said_name()),
                )
                .arg("name", me),
        ));
    }
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// `transcript [match]` in a DM.
pub fn parse_transcript(text: &str) -> Option<Option<i64>> {
    let t = text.trim().to_lowercase();
    let rest = t.strip_prefix("transcript")?;
    if rest.is_empty() {
        return Some(None);
    }
    numbers::read(rest, Numbered::Match)
        .and_then(Result::ok)
        .map(Some)
        .filter(|_| rest.starts_with(char::is_whitespace))
}

/// A member's transcript of their pair room; anyone else is refused.
pub fn transcript(ctx: &Ctx<'_>, id: Option<i64>) -> Outcome {
    let reply = |t: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(t))]);
    let with_rooms: Vec<&MatchRecord> = ctx
        .matches
        .iter()
        .filter(|m| {
            m.room.is_some() && matches!(m.status, MatchStatus::Active | MatchStatus::Closed)
        })
        .collect();
    let m = match (id, with_rooms.as_slice()) {
        (Some(n), _) => match with_rooms.iter().find(|m| m.id == n) {
            Some(m) => *m,
            None => {
                let mut refused = reply(Text::msg("transcript-not-yours").arg("id", n));
                refused.effects.push(Effect::LogRefusal {
                    user: ctx.user.clone(),
                    action: format!("the transcript of match M{n}"),
                });
                return refused;
            }
        },
        (None, []) => return reply(Text::msg("transcript-none")),
        (None, [one]) => one,
        (None, many) => {
            return reply(
                Text::msg("transcript-which").arg("matches", with_partners(many, ctx.user)),
            );
        }
    };
    Outcome::unchanged(vec![Effect::SendTranscript {
        to: ctx.user.clone(),
        match_id: m.id,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_match_is_read_with_an_optional_number_and_reason() {
        assert_eq!(parse_dm("close match"), Some((None, String::new())));
        assert_eq!(
            parse_dm("End match #3 we never found a time"),
            Some((Some(3), "we never found a time".into()))
        );
        assert_eq!(
            parse_dm("close match we drifted apart"),
            Some((None, "we drifted apart".into()))
        );
        assert_eq!(parse_dm("close matches"), None);
        // Lower-casing these changes their length: nothing panics.
        assert_eq!(parse_dm("close match ẞẞ"), Some((None, "ẞẞ".into())));
        assert_eq!(parse_dm("ẞẞ close match"), None);
        assert_eq!(
            parse_dm("close match İİİİİİİİİİİİİİ"),
            Some((None, "İİİİİİİİİİİİİİ".into()))
        );
        assert_eq!(
            parse_room("close match 4 disciplinary broke the code of conduct"),
            Some(Ok(CloseCommand {
                match_id: 4,
                disciplinary: true,
                reason: "broke the code of conduct".into()
            }))
        );
        assert!(
            parse_room("close match 4")
                .unwrap()
                .unwrap_err()
                .english()
                .contains("Please give a reason")
        );
        assert!(
            parse_room("close match soon")
                .unwrap()
                .unwrap_err()
                .english()
                .contains("Usage")
        );
    }
}
