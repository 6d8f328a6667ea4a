//! Coordinators' commands in the coordinators' room: the reviewer queue, decisions on
//! applications, screening steps, and the screening summary.
//!
//! Commands (after the room prefix, e.g. `!tandem approve 12`):
//! `queue`, `show <n>`, `approve <n>`, `reject <n> <reason>`, `ask <n> <question>`,
//! `waitlist <n>`, `step <n> <step> <update>` (e.g. `step 12 interview done`,
//! `step 12 background_check cleared until 2029-01-31`), `screening summary`.
//!
//! The app loads what a command needs (as its route says: `flows::route::Route::needs`) into [`Subject`]; [`handle`] decides.
//! Only a programme's coordinators may act on its applications, only in the coordinators'
//! room (so answers never appear anywhere else), and a decision names the status it moves
//! from, so when two reviewers act at once the second is told it was already decided.
//!
//! Where things are: the grammar and what each command does here; the application's card
//! (and what follows a submission) in `card`; `queue` and `screening summary` in `queue`;
//! what a screening step's change sets off in `screening`; expiring checks and waiting-list
//! reminders, which the scheduler calls, in `scheduled`.

mod card;
mod queue;
mod scheduled;
mod screening;

pub use card::*;
use queue::*;
pub use scheduled::*;
pub(crate) use screening::*;

use std::collections::BTreeMap;

use super::{CardAction, Ctx, Decision, Effect, OutMessage, Outcome, Prompt, StateChange, Subject};
use crate::domain::answer::Answer;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::screening::{OnLapse, StepKind, StepState, all_complete, parse_step_update};
use crate::domain::step_names::{StepLookup, find_step};
use crate::domain::text::{char_len, preview, thousands};
use crate::domain::when::Reader;
use crate::domain::{
    ApplicationRecord, ApplicationStatus, ApplicationSummary, Programme, RoleKind, RoomRef, UserRef,
};

/// Longest reason or question a reviewer may send (it is relayed to the applicant).
pub const MAX_NOTE_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewCommand {
    Queue,
    Summary,
    Show(i64),
    Approve(i64),
    Reject(i64, String),
    Ask(i64, String),
    Waitlist(i64),
    /// A private note on the application, for the coordinators only.
    Note(i64, String),
    /// `ids`: one application or several, each given the same update; `words`: the step's
    /// name (which may be several words) and the update, split where a step is found.
    Step {
        ids: Vec<i64>,
        words: Vec<String>,
    },
}

impl ReviewCommand {
    pub fn application(&self) -> Option<i64> {
        match self {
            ReviewCommand::Queue | ReviewCommand::Summary => None,
            ReviewCommand::Show(id)
            | ReviewCommand::Approve(id)
            | ReviewCommand::Reject(id, _)
            | ReviewCommand::Ask(id, _)
            | ReviewCommand::Waitlist(id)
            | ReviewCommand::Note(id, _) => Some(*id),
            ReviewCommand::Step { ids, .. } => ids.first().copied(),
        }
    }

    /// The applications a command for several names (`step A6, A7 training done`).
    pub fn several(&self) -> Option<&[i64]> {
        match self {
            ReviewCommand::Step { ids, .. } if ids.len() > 1 => Some(ids),
            _ => None,
        }
    }

    fn verb(&self) -> &'static str {
        match self {
            ReviewCommand::Queue => "queue",
            ReviewCommand::Summary => "screening summary",
            ReviewCommand::Show(_) => "show",
            ReviewCommand::Approve(_) => "approve",
            ReviewCommand::Reject(..) => "reject",
            ReviewCommand::Ask(..) => "ask",
            ReviewCommand::Waitlist(_) => "waitlist",
            ReviewCommand::Note(..) => "note",
            ReviewCommand::Step { .. } => "step",
        }
    }
}

/// The verbs that name an application.
const REVIEW_VERBS: [&str; 7] = [
    "show", "approve", "waitlist", "reject", "ask", "step", "note",
];

/// Parses a coordinator's command. `None`: not one; `Some(Err)`: one, used wrongly (the
/// text says how to use it).
pub fn parse(text: &str) -> Option<Result<ReviewCommand, String>> {
    let t = text.trim();
    let (verb, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let verb = verb.to_lowercase();
    let rest = rest.trim();
    let usage = |u: &str| Some(Err(format!("Usage: {u}")));
    let (id_word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    // A number of another kind (`approve M3`) is refused with what was expected.
    let id = match numbers::read(id_word, Numbered::Application) {
        Some(Err(wrong)) if REVIEW_VERBS.contains(&verb.as_str()) => return Some(Err(wrong)),
        read => read.and_then(Result::ok),
    };
    let tail = tail.trim().to_string();
    match verb.as_str() {
        "queue" if rest.is_empty() => Some(Ok(ReviewCommand::Queue)),
        "screening" if rest.eq_ignore_ascii_case("summary") => Some(Ok(ReviewCommand::Summary)),
        "show" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Show(id))),
            _ => usage("show <application number>, for example: show A12"),
        },
        "approve" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Approve(id))),
            _ => usage("approve <application number>, for example: approve A12"),
        },
        "waitlist" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Waitlist(id))),
            _ => usage("waitlist <application number>, for example: waitlist A12"),
        },
        "reject" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Reject(id, tail))),
            _ => usage(
                "reject <application number> <reason, which is sent to the applicant>, for example: reject A12 We are looking for mentors with at least three years of experience.",
            ),
        },
        "ask" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Ask(id, tail))),
            _ => usage(
                "ask <application number> <question>, for example: ask A12 Which evenings are you free?",
            ),
        },
        "note" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Note(id, tail))),
            _ => usage(
                "note <application number> <text, seen only by the coordinators>, for example: note A8 Prefers evening calls; met her at the open day.",
            ),
        },
        "step" => {
            let usage = || {
                usage(
                    "step <application number(s)> <step> <update>, for example: step A12 interview done, step A12 interview scheduled Wed 20 Jan 18:00, step A12 background check cleared until 30/06/2029, step A6, A7 and A9 training done",
                )
            };
            match step_applications(rest) {
                Err(wrong) => Some(Err(wrong)),
                Ok((ids, words)) if !ids.is_empty() && words.len() >= 2 => {
                    Some(Ok(ReviewCommand::Step { ids, words }))
                }
                Ok(_) => usage(),
            }
        }
        _ => None,
    }
}

/// The application numbers a `step` starts with (`A6,A7`, `A6, A7 and A9`, `A6 A7`), each
/// once, and the words after them.
fn step_applications(rest: &str) -> Result<(Vec<i64>, Vec<String>), String> {
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut ids = Vec::new();
    let mut used = 0;
    for token in &tokens {
        let joiner = token.eq_ignore_ascii_case("and") || *token == "&";
        if joiner && !ids.is_empty() {
            used += 1;
            continue;
        }
        match numbers::read(token, Numbered::Application) {
            Some(Ok(id)) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
                used += 1;
            }
            Some(Err(wrong)) if ids.is_empty() => return Err(wrong),
            _ => break,
        }
    }
    let words = tokens[used..].iter().map(|t| t.to_string()).collect();
    Ok((ids, words))
}

/// Decides on a coordinator's command posted in `room`.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<ReviewCommand, String>) -> Outcome {
    let post = |text: String| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(text),
    };
    let reply = |text: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![post(text)],
    };
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        "Coordinators' commands work only in the coordinators' room, so that applications are never shown anywhere else.",
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    if let ReviewCommand::Step { ids, words } = &command
        && ids.len() > 1
    {
        return several_steps(ctx, room, ids, words);
    }
    let coordinated: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.is_coordinator(ctx.user))
        .collect();
    let refuse = |what: String| refuse_non_coordinator(ctx, room, &what);
    let Some(id) = command.application() else {
        if coordinated.is_empty() {
            return refuse(format!("use `{}`", command.verb()));
        }
        let rows: Vec<&(ApplicationSummary, UserRef)> = match ctx.subject {
            Subject::Overview(rows) => rows
                .iter()
                .filter(|(a, _)| coordinated.iter().any(|p| p.slug == a.programme))
                .collect(),
            _ => vec![],
        };
        return match command {
            ReviewCommand::Queue => reply(queue_text(ctx, &rows)),
            _ => reply(summary_text(ctx, &coordinated, &rows)),
        };
    };
    let (record, matches) = match ctx.subject {
        Subject::Application(Some(loaded)) if loaded.0.summary.id == id => {
            (&loaded.0, loaded.1.as_slice())
        }
        _ => {
            return reply(format!(
                "There is no application A{id}. Type {} queue to see the applications waiting for review.",
                ctx.room_prefix
            ));
        }
    };
    let Some(programme) = ctx.programme(&record.summary.programme) else {
        return reply(format!(
            "Application A{id} belongs to programme `{}`, which is no longer configured.",
            record.summary.programme
        ));
    };
    if !programme.is_coordinator(ctx.user) {
        return refuse(format!(
            "{} applications to {}",
            command.verb(),
            programme.name
        ));
    }
    let status = record.summary.status;
    let name = display_name(record);
    let already = || {
        let last = record.decisions.last();
        let how = match last {
            Some(d) => format!(
                "{} by {} on {}{}",
                d.to.label(),
                d.by,
                d.at.format("%-d %b %Y %H:%M UTC"),
                if d.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", preview(&d.reason, 120))
                }
            ),
            None => status.to_string(),
        };
        reply(format!("Application A{id} was already decided: {how}."))
    };
    let decision = |to: ApplicationStatus, reason: &str| {
        Effect::RecordDecision(Decision {
            application_id: id,
            from: status,
            to,
            by: ctx.user.to_string(),
            reason: reason.to_string(),
        })
    };
    let dm_applicant = |text: String| Effect::SendDm {
        to: record.applicant.clone(),
        message: OutMessage::text(text),
    };
    let too_long = |what: &str, text: &str| {
        reply(format!(
            "Please keep the {what} under {} characters (it has {}): it is sent to the applicant as a message.",
            thousands(MAX_NOTE_CHARS),
            thousands(char_len(text))
        ))
    };
    let role_name = programme
        .role(record.summary.role)
        .map(|r| r.name.to_lowercase())
        .unwrap_or_else(|| record.summary.role.to_string());
    match command {
        ReviewCommand::Show(_) => Outcome {
            state: StateChange::Unchanged,
            effects: vec![Effect::PostInRoom {
                room: room.clone(),
                message: card(programme, record),
            }],
        },
        ReviewCommand::Approve(_) => {
            if !status.awaits_review() {
                return already();
            }
            let steps = programme
                .role(record.summary.role)
                .map(|r| r.screening.steps.as_slice())
                .unwrap_or(&[]);
            let ready = all_complete(steps, &record.summary.steps, ctx.now.date_naive());
            let to = if ready {
                ApplicationStatus::Ready
            } else {
                ApplicationStatus::Approved
            };
            let mut effects = vec![decision(to, "approved by a reviewer")];
            effects.push(dm_applicant(accepted_text(
                programme,
                record.summary.role,
                ready,
                &role_name,
            )));
            effects.extend(acknowledgement_prompts(
                programme,
                &record.summary,
                &record.applicant,
            ));
            effects.push(post(format!(
                "Application A{id} ({name}, {role_name}) approved by {}. The applicant has been told{}.",
                ctx.user.id,
                if ready { " and is ready to be matched" } else { "; their screening steps are next" }
            )));
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        ReviewCommand::Reject(_, reason) => {
            if !status.awaits_review() {
                return already();
            }
            if char_len(&reason) > MAX_NOTE_CHARS {
                return too_long("reason", &reason);
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    decision(ApplicationStatus::Rejected, &reason),
                    dm_applicant(format!(
                        "Thank you for applying to {} as a {role_name}. After reviewing your application, the coordinators are not able to offer you a place this time.\nTheir note: {reason}\nThank you for your interest, and please don't let this discourage you.",
                        programme.name
                    )),
                    post(format!(
                        "Application A{id} ({name}) rejected by {}; the applicant has been told, with the reason.",
                        ctx.user.id
                    )),
                ],
            }
        }
        ReviewCommand::Waitlist(_) => {
            if status == ApplicationStatus::Waitlisted {
                return reply(format!("Application A{id} is already on the waiting list."));
            }
            if !status.awaits_review() {
                return already();
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    decision(ApplicationStatus::Waitlisted, "waitlisted by a reviewer"),
                    dm_applicant(format!(
                        "Thank you for applying to {} as a {role_name}. Your application is on our waiting list: we'll be in touch as soon as a place opens. Type status at any time to see where you stand.",
                        programme.name
                    )),
                    post(format!(
                        "Application A{id} ({name}) put on the waiting list by {}.",
                        ctx.user.id
                    )),
                ],
            }
        }
        ReviewCommand::Ask(_, question) => {
            if !status.awaits_review() {
                return already();
            }
            if char_len(&question) > MAX_NOTE_CHARS {
                return too_long("question", &question);
            }
            // Nobody could answer it until they take the application over: a note keeps
            // what they say on the phone.
            if record.applicant.is_assisted() {
                return reply(
                    crate::i18n::Text::msg("assist-ask")
                        .arg("id", id)
                        .arg("name", name.as_str())
                        .english(),
                );
            }
            let mut effects = vec![Effect::AskApplicant {
                application_id: id,
                applicant: record.applicant.clone(),
                programme: programme.slug.clone(),
                question,
                asked_by: ctx.user.to_string(),
            }];
            if status != ApplicationStatus::InfoRequested {
                effects.push(decision(
                    ApplicationStatus::InfoRequested,
                    "asked the applicant a question",
                ));
            }
            effects.push(post(format!(
                "Question sent to the applicant of A{id} ({name}). Their answer will be posted here."
            )));
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        ReviewCommand::Note(_, text) => {
            if char_len(&text) > MAX_NOTE_CHARS {
                return reply(format!(
                    "Please keep the note under {} characters (it has {}).",
                    thousands(MAX_NOTE_CHARS),
                    thousands(char_len(&text))
                ));
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    Effect::NoteApplication {
                        application_id: id,
                        by: ctx.user.to_string(),
                        text,
                    },
                    post(format!(
                        "Note added to A{id} ({name}); only the coordinators see it, on its card (show A{id})."
                    )),
                ],
            }
        }
        ReviewCommand::Step { words, .. } => {
            let steps = programme
                .role(record.summary.role)
                .map(|r| r.screening.steps.as_slice())
                .unwrap_or(&[]);
            let typed: Vec<&str> = words.iter().map(String::as_str).collect();
            let (def, used) = match find_step(steps, &typed) {
                Ok(found) => found,
                Err(StepLookup::Ambiguous(name, labels)) => {
                    return reply(format!(
                        "`{name}` could be several steps of A{id}: {}. Name one of them.",
                        labels.join(", ")
                    ));
                }
                Err(StepLookup::Unknown(step)) => {
                    let names: Vec<&str> = steps.iter().map(|s| s.label.as_str()).collect();
                    return reply(format!(
                        "Application A{id} ({role_name}) has no step `{step}`{}.",
                        if names.is_empty() {
                            String::from("; this role has no screening steps")
                        } else {
                            format!("; its steps are: {}", names.join(", "))
                        }
                    ));
                }
            };
            if !status.is_accepted() {
                return reply(format!(
                    "Application A{id} is not approved yet ({}): screening steps are recorded once it is approved.",
                    status.label()
                ));
            }
            let update = &typed[used..];
            let dates = crate::domain::when::Reader::for_programmes(ctx.now, [programme]);
            let (state, told) = match scheduled_with_time(&def.kind, update, &dates) {
                Some(Ok((state, when))) => (state, Some(when)),
                Some(Err(e)) => return reply(e),
                None => match parse_step_update(&def.kind, update, &dates) {
                    Ok(state) => {
                        let when = match &state {
                            StepState::Scheduled { on } => Some(on.format("%A %-d %B").to_string()),
                            _ => None,
                        };
                        (state, when)
                    }
                    Err(e) => return reply(e),
                },
            };
            let before = record.summary.steps.get(&def.id).cloned();
            let mut after = record.summary.steps.clone();
            after.insert(def.id.clone(), state.clone());
            let mut effects = vec![
                Effect::RecordStep {
                    application_id: id,
                    step_id: def.id.clone(),
                    state: state.clone(),
                    by: ctx.user.to_string(),
                },
                post(format!(
                    "Recorded for A{id} ({name}): {} — {}.",
                    def.label,
                    state.describe()
                )),
            ];
            if let Some(when) = told {
                effects.push(dm_applicant(format!(
                    "Your {} for {} is scheduled for {when}. If that time doesn't suit you, reply here or contact the coordinators.",
                    def.label.to_lowercase(),
                    programme.name
                )));
                effects.push(post(format!("{name} has been told when.")));
            }
            effects.extend(readiness_effects(
                ctx,
                programme,
                &record.summary,
                &record.applicant,
                &name,
                &after,
            ));
            // Only the participant acknowledges: set back to pending, the text goes to them
            // again (once: a pending one is already waiting for their answer).
            if matches!(def.kind, StepKind::Acknowledgement { .. })
                && state == StepState::Pending
                && before.is_some_and(|b| b != StepState::Pending)
            {
                effects.push(Effect::QueuePrompt {
                    user: record.applicant.clone(),
                    prompt: Prompt::Acknowledge {
                        application_id: id,
                        programme: programme.slug.clone(),
                        step_id: def.id.clone(),
                    },
                });
                effects.push(post(format!(
                    "{} is sent to {name} again to acknowledge.",
                    def.label
                )));
            }
            if matches!(state, StepState::Failed) && matches!(def.kind, StepKind::BackgroundCheck) {
                effects.push(post(format!(
                    "A{id} ({name}) cannot be matched while their background check is not cleared. Consider whether to reject the application."
                )));
                effects.extend(lapse_effects(
                    ctx,
                    programme,
                    record,
                    matches,
                    &def.id,
                    &def.label,
                    Lapse::Failed,
                ));
            }
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        ReviewCommand::Queue | ReviewCommand::Summary => unreachable!("handled above"),
    }
}

/// `scheduled <date> <time>` for an interview: the step's state and when, as the person is
/// told (`Wednesday 20 January, 18:00 (Europe/London)`). `None`: not a date with a time
/// (a date alone is read as any update is).
fn scheduled_with_time(
    kind: &StepKind,
    update: &[&str],
    dates: &Reader,
) -> Option<Result<(StepState, String), String>> {
    let (first, rest) = update.split_first()?;
    if !matches!(kind, StepKind::Interview) || !first.eq_ignore_ascii_case("scheduled") {
        return None;
    }
    let moment = dates.read_moment(&rest.join(" ")).ok()?;
    let on = moment.local.date();
    if on < dates.today() {
        return Some(Err(format!(
            "{} is in the past; give the date the interview will take place.",
            on.format("%-d %B %Y")
        )));
    }
    Some(Ok((
        StepState::Scheduled { on },
        format!(
            "{} ({})",
            moment.local.format("%A %-d %B, %H:%M"),
            moment.zone.canonical()
        ),
    )))
}

/// The same step update for several applications: each is decided on its own, as if it
/// were named alone (the others still record when one is refused), and the room gets one
/// reply with a line for each.
fn several_steps(ctx: &Ctx<'_>, room: &RoomRef, ids: &[i64], words: &[String]) -> Outcome {
    let loaded: &[(i64, super::LoadedApplication)] = match ctx.subject {
        Subject::Applications(list) => list,
        _ => &[],
    };
    let mut effects = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for id in ids {
        let one = Subject::Application(
            loaded
                .iter()
                .find(|(n, _)| n == id)
                .and_then(|(_, a)| a.clone()),
        );
        let alone = Ctx {
            subject: &one,
            ..ctx.clone()
        };
        let command = ReviewCommand::Step {
            ids: vec![*id],
            words: words.to_vec(),
        };
        for effect in handle(&alone, room, Ok(command)).effects {
            match effect {
                Effect::PostInRoom { room: r, message } if &r == room => {
                    if !lines.contains(&message.text) {
                        lines.push(message.text);
                    }
                }
                other => effects.push(other),
            }
        }
    }
    effects.push(Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(lines.join("\n")),
    });
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// Refuses a coordinators' command to someone who is not one, and logs the refusal.
pub(crate) fn refuse_non_coordinator(ctx: &Ctx<'_>, room: &RoomRef, what: &str) -> Outcome {
    // In one programme's room, a coordinator of another is told where their work goes.
    let here: Vec<&str> = ctx
        .programmes
        .iter()
        .filter(|p| !p.elsewhere)
        .map(|p| p.name.as_str())
        .collect();
    let theirs_elsewhere = ctx
        .programmes
        .iter()
        .any(|p| p.elsewhere && p.is_coordinator_anywhere(ctx.user));
    let hint = if theirs_elsewhere {
        format!(
            " This room is {}'s: work on another programme in its own coordinators' room.",
            here.join(" and ")
        )
    } else {
        String::new()
    };
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::text(format!(
                    "Sorry {}, only the programme's coordinators can {what}.{hint}",
                    ctx.user.id
                )),
            },
            Effect::LogRefusal {
                user: ctx.user.clone(),
                action: what.to_string(),
            },
        ],
    }
}

fn accepted_text(programme: &Programme, role: RoleKind, ready: bool, role_name: &str) -> String {
    let mut s = format!(
        "Good news: your application to {} as a {role_name} has been accepted!",
        programme.name
    );
    if ready {
        s.push_str(" You're ready to be matched; we'll be in touch when we have a match for you.");
        s.push_str(crate::flows::choice::when_ready(programme, role).unwrap_or_default());
    } else if let Some(r) = programme.role(role) {
        s.push_str("\nBefore we can match you, a few steps remain:");
        for step in &r.screening.steps {
            s.push_str(&format!("\n• {}", step.label));
        }
        s.push_str("\nType status at any time to see your progress.");
    }
    s
}

#[cfg(test)]
mod tests;
