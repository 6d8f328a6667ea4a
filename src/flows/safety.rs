//! The coordinators at work on a pair-room safety policy's flags (`[safety]`; the detector
//! is `domain::safety`, what a flag keeps `domain::safety::flags`), and the notices a new
//! flag sends: its card in the coordinators' room and the sender's kind reminder.
//!
//! Commands (after the room prefix, in the coordinators' room):
//! - `flags [programme]`: the open flags of the programmes the sender coordinates, oldest
//!   first.
//! - `flag F3`: one flag, with where it stands.
//! - `flag dismiss F3 [words]`: nothing to worry about; it stops counting towards the
//!   match's health.
//! - `flag note F3 <words>`: kept with a note; it still counts.
//! - `flag case F3 [words]`: a case for the moderators, carrying the flag's excerpt as the
//!   platform's copy of what was written (never the coordinator's words), which the
//!   moderators then work like any report.
//!
//! Each acts only for a coordinator of the flag's programme; a flag moves only as
//! `FlagStatus::may_become` allows, and a decision made meanwhile by someone else wins
//! (the step's write is guarded by the status it read). The grammar is called only by the
//! registry (`flows::route`); a new action is a [`FlagCommand`] variant, its line in
//! `route::class` (and `permissions`), and its handling in [`handle`].

use chrono::NaiveDate;

use super::decide::post_said;
use super::review::{MAX_NOTE_CHARS, refuse_non_coordinator};
use super::roster::programmes_of;
use super::{Ctx, Effect, OutMessage, Outcome, StateChange, Subject};
use crate::chat::SaidAction;
use crate::domain::incident::{NewCase, Severity};
use crate::domain::numbers::{self, Numbered};
use crate::domain::safety::{FlagStatus, Kind, ShownFlag};
use crate::domain::text::char_len;
use crate::domain::{Programme, RoomRef};
use crate::i18n::Text;

/// Most flags one `flags` message lists (the oldest; the rest are counted).
const MAX_LISTED: usize = 20;

/// A coordinators' command about safety flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagCommand {
    /// `flags [programme]`.
    List(Option<String>),
    /// `flag F3`.
    Show(i64),
    /// `flag dismiss F3 [words]`.
    Dismiss(i64, Option<String>),
    /// `flag note F3 <words>`.
    Note(i64, String),
    /// `flag case F3 [words]`.
    Case(i64, Option<String>),
}

impl FlagCommand {
    /// The flag it names, if one.
    pub fn flag(&self) -> Option<i64> {
        match self {
            FlagCommand::List(_) => None,
            FlagCommand::Show(id)
            | FlagCommand::Dismiss(id, _)
            | FlagCommand::Note(id, _)
            | FlagCommand::Case(id, _) => Some(*id),
        }
    }
}

fn usage() -> Text {
    Text::msg("flags-usage")
}

/// Reads `flags …` and `flag …`; `Some(Err)` carries what went wrong.
pub fn parse(text: &str) -> Option<Result<FlagCommand, Text>> {
    let text = text.trim();
    let (first, rest) = split_word(text);
    match first.to_lowercase().as_str() {
        "flags" => {
            let words: Vec<&str> = rest.split_whitespace().collect();
            Some(match words.as_slice() {
                [] => Ok(FlagCommand::List(None)),
                [programme] => Ok(FlagCommand::List(Some(programme.to_lowercase()))),
                _ => Err(usage()),
            })
        }
        "flag" => Some(parse_flag(rest)),
        _ => None,
    }
}

fn parse_flag(rest: &str) -> Result<FlagCommand, Text> {
    let (word, after) = split_word(rest);
    let action = word.to_lowercase();
    if !matches!(action.as_str(), "show" | "dismiss" | "note" | "case") {
        // `flag F3`: the word is the number.
        return match numbers::read_or(word, Numbered::Flag, usage())? {
            id if after.is_empty() => Ok(FlagCommand::Show(id)),
            _ => Err(usage()),
        };
    }
    let (number, words) = split_word(after);
    let id = numbers::read_or(number, Numbered::Flag, usage())?;
    let words = (!words.is_empty()).then(|| words.to_string());
    Ok(match (action.as_str(), words) {
        ("show", None) => FlagCommand::Show(id),
        ("dismiss", words) => FlagCommand::Dismiss(id, words),
        ("note", Some(words)) => FlagCommand::Note(id, words),
        ("case", words) => FlagCommand::Case(id, words),
        _ => return Err(usage()),
    })
}

/// The first word of `text` and the rest, trimmed.
fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (text, ""),
    }
}

/// A flag's card line: `Safety flag F3 in match M1: a phone number from Sam, <time>.`
fn card_line(shown: &ShownFlag) -> Text {
    let flag = &shown.flag;
    Text::msg("safety-card")
        .arg("flag", numbers::flag(flag.id))
        .arg("match", format!("M{}", flag.match_id))
        .arg("kind", flag.kind.said())
        .arg("sender", Text::plain(shown.sender_name.as_str()))
        .arg("time", flag.at.format("%Y-%m-%d %H:%M UTC").to_string())
}

/// The card and its excerpt, as lines.
fn card_lines(shown: &ShownFlag) -> Vec<Text> {
    let mut lines = vec![card_line(shown)];
    if !shown.flag.excerpt.is_empty() {
        lines.push(Text::msg("safety-card-excerpt").arg("excerpt", shown.flag.excerpt.as_str()));
    }
    lines
}

/// What announces new flags of one message (`flags`, all from one sender in one match of
/// `programme`): a card each in the coordinators' room, with the words that decide it, and
/// the reminders `remind` (the kinds the sender has not been reminded of on `day`, their
/// own date), each recorded as sent in the same step.
pub fn announce(
    ctx: &Ctx<'_>,
    programme: &Programme,
    flags: &[ShownFlag],
    remind: &[Kind],
    day: NaiveDate,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    let Some(sender) = flags.first().map(|f| f.flag.sender.clone()) else {
        return effects;
    };
    for kind in remind {
        effects.push(Effect::ClaimSafetyReminder {
            user: sender.clone(),
            kind: *kind,
            day,
        });
        effects.push(Effect::SendDm {
            to: sender.clone(),
            message: OutMessage::said(kind.reminder(programme.said_name())),
        });
    }
    if let Some(room) = ctx.coordinators_room(Some(&programme.slug)) {
        for shown in flags {
            let label = numbers::flag(shown.flag.id);
            let mut lines = card_lines(shown);
            lines.push(Text::msg("safety-card-reply").arg("flag", label.as_str()));
            effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(Text::lines(lines))
                    .with_said_actions(actions(&label))
                    .alert(),
            });
        }
    }
    effects
}

/// The card's buttons, where the platform has them: the commands its text names.
fn actions(label: &str) -> Vec<SaidAction> {
    vec![
        SaidAction::new(
            Text::msg("safety-action-dismiss"),
            format!("flag dismiss {label}"),
        ),
        SaidAction::asking(
            Text::msg("safety-action-note"),
            format!("flag note {label}"),
            Text::msg("safety-asks-note"),
        ),
        SaidAction::new(
            Text::msg("safety-action-case"),
            format!("flag case {label}"),
        ),
    ]
}

/// Whether the sender coordinates `programme`.
fn coordinates(ctx: &Ctx<'_>, programme: &str) -> bool {
    ctx.programme(programme)
        .is_some_and(|p| p.is_coordinator(ctx.user))
}

/// A flag's commands, in the coordinators' room.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<FlagCommand, Text>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("flags-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let Some(id) = command.flag() else {
        let FlagCommand::List(programme) = &command else {
            unreachable!("only `flags` names no flag")
        };
        return list(ctx, room, programme.as_deref());
    };
    let label = numbers::flag(id);
    let shown = match ctx.subject {
        Subject::SafetyFlag(Some(shown)) if shown.flag.id == id => shown.as_ref(),
        // Nothing is loaded for someone who coordinates no programme.
        _ if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) => {
            return refuse_non_coordinator(ctx, room, what(&command, &label));
        }
        _ => return post_said(room, Text::msg("flags-none").arg("flag", label.as_str())),
    };
    if !coordinates(ctx, &shown.flag.programme) {
        return refuse_non_coordinator(ctx, room, what(&command, &label));
    }
    let status = shown.flag.status;
    let next = match &command {
        FlagCommand::List(_) => unreachable!("names no flag"),
        FlagCommand::Show(_) => return show(room, shown),
        FlagCommand::Dismiss(..) => FlagStatus::Dismissed,
        FlagCommand::Note(..) => FlagStatus::Noted,
        FlagCommand::Case(..) => FlagStatus::Case(0),
    };
    let note = match &command {
        FlagCommand::Dismiss(_, note) | FlagCommand::Case(_, note) => note.clone(),
        FlagCommand::Note(_, note) => Some(note.clone()),
        _ => None,
    };
    if let Some(note) = &note
        && char_len(note) > MAX_NOTE_CHARS
    {
        return post_said(
            room,
            Text::msg("flags-note-long")
                .arg("max", Text::number(MAX_NOTE_CHARS))
                .arg("count", Text::number(char_len(note))),
        );
    }
    if !status.may_become(next) {
        return post_said(
            room,
            Text::lines(vec![
                Text::msg("flags-settled").arg("flag", label.as_str()),
                standing(&shown.flag),
            ]),
        );
    }
    let by = ctx.user.clone();
    let (decide, said) = match next {
        FlagStatus::Case(_) => (
            Effect::SafetyFlagToCase {
                flag_id: id,
                from: status,
                case: Box::new(case_of(ctx, shown, note.as_deref())),
                note: note.clone(),
                by,
            },
            Text::msg("flags-made-case").arg("flag", label.as_str()),
        ),
        _ => (
            Effect::DecideSafetyFlag {
                flag_id: id,
                from: status,
                to: next,
                note: note.clone(),
                by,
            },
            Text::msg(if next == FlagStatus::Dismissed {
                "flags-dismissed"
            } else {
                "flags-noted"
            })
            .arg("flag", label.as_str())
            .arg("match", format!("M{}", shown.flag.match_id)),
        ),
    };
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![decide, super::decide::said_in(room, said)],
    }
}

/// What a refused command would have done, for the refusal and the audit log.
fn what(command: &FlagCommand, label: &str) -> Text {
    Text::msg(match command {
        FlagCommand::List(_) | FlagCommand::Show(_) => "flags-can-see",
        _ => "flags-can-decide",
    })
    .arg("flag", label)
}

/// `flags [programme]`: the open flags of the sender's programmes.
fn list(ctx: &Ctx<'_>, room: &RoomRef, named: Option<&str>) -> Outcome {
    let mine = programmes_of(ctx.programmes, ctx.user, named);
    if mine.is_empty() {
        if let Some(named) = named
            && ctx.programme(named).is_none()
        {
            return post_said(
                room,
                Text::msg("flags-no-programme").arg("programme", named),
            );
        }
        return refuse_non_coordinator(ctx, room, Text::msg("flags-can-list"));
    }
    let flags: Vec<&ShownFlag> = match ctx.subject {
        Subject::SafetyFlags(flags) => flags
            .iter()
            .filter(|f| mine.contains(&f.flag.programme) && f.flag.status == FlagStatus::Open)
            .collect(),
        _ => Vec::new(),
    };
    if flags.is_empty() {
        return post_said(room, Text::msg("flags-none-open"));
    }
    let mut lines = vec![Text::msg("flags-open").arg("count", Text::number(flags.len()))];
    for shown in flags.iter().take(MAX_LISTED) {
        lines.extend(card_lines(shown));
    }
    if flags.len() > MAX_LISTED {
        lines.push(Text::msg("flags-more").arg("count", Text::number(flags.len() - MAX_LISTED)));
    }
    lines.push(Text::msg("flags-list-reply"));
    post_said(room, Text::lines(lines))
}

/// `flag F3`: the card, the excerpt and where it stands.
fn show(room: &RoomRef, shown: &ShownFlag) -> Outcome {
    let mut lines = card_lines(shown);
    lines.push(standing(&shown.flag));
    if shown.flag.status == FlagStatus::Open {
        lines.push(Text::msg("safety-card-reply").arg("flag", numbers::flag(shown.flag.id)));
    }
    post_said(room, Text::lines(lines))
}

/// Where a flag stands: open, or who decided what and when, with their note.
fn standing(flag: &crate::domain::safety::Flag) -> Text {
    let (by, on) = match &flag.decided {
        Some((by, at)) => (by.id.clone(), at.format("%Y-%m-%d").to_string()),
        None => (String::new(), String::new()),
    };
    let said = match flag.status {
        FlagStatus::Open => return Text::msg("flags-status-open"),
        FlagStatus::Dismissed => Text::msg("flags-status-dismissed"),
        FlagStatus::Noted => Text::msg("flags-status-noted"),
        FlagStatus::Case(case) => Text::msg("flags-status-case").arg("case", case),
    }
    .arg("by", by)
    .arg("on", on);
    match &flag.note {
        Some(note) => Text::lines(vec![
            said,
            Text::msg("flags-status-note").arg("note", note.as_str()),
        ]),
        None => said,
    }
}

/// The report a flag becomes: made by the coordinator, named, in the programme's
/// safeguarding category, about the sender, with the flag's excerpt as the platform's copy
/// of what was written (the case's own field, apart from the coordinator's words). A case
/// record is in the words of the code, like the rest of the case log.
fn case_of(ctx: &Ctx<'_>, shown: &ShownFlag, note: Option<&str>) -> NewCase {
    let flag = &shown.flag;
    let category = ctx
        .moderation
        .category("safeguarding")
        .filter(|c| c.safeguarding)
        .or_else(|| ctx.moderation.categories.iter().find(|c| c.safeguarding))
        .or_else(|| ctx.moderation.category("other"))
        .or(ctx.moderation.categories.first());
    let (category, severity) = match category {
        Some(c) if c.safeguarding => (c.id.clone(), Severity::Safeguarding),
        Some(c) => (c.id.clone(), Severity::Normal),
        None => ("safeguarding".to_string(), Severity::Safeguarding),
    };
    let at = flag.at.format("%-d %b %Y %H:%M UTC").to_string();
    // Kept in the case's record as written, in English like the rest of its log.
    let mut lines = vec![
        Text::msg("flags-case-text")
            .arg("flag", numbers::flag(flag.id))
            .arg("kind", flag.kind.said())
            .arg("match", format!("M{}", flag.match_id))
            .arg("at", at.as_str()),
    ];
    if let Some(note) = note {
        lines.push(Text::msg("flags-case-note").arg("note", note));
    }
    let text = Text::join(lines, " ").english();
    let copy = if flag.excerpt.is_empty() {
        Text::msg("flags-case-copy-night")
    } else {
        Text::msg("flags-case-copy").arg("excerpt", flag.excerpt.as_str())
    }
    .arg("sender", Text::plain(shown.sender_name.as_str()))
    .arg("at", at.as_str())
    .english();
    NewCase {
        reporter: ctx.user.clone(),
        anonymous: false,
        category,
        severity,
        concerns: Some(format!("{} ({})", shown.sender_name, flag.sender)),
        text,
        evidence: None,
        copy: Some(copy),
        room: shown.room.clone(),
        files: vec![],
        about_staff: None,
        restricted: false,
        programme: Some(flag.programme.clone()),
    }
}
