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

use crate::domain::translations::step_path;
use crate::i18n::Text;
pub use card::*;
use queue::*;
pub use scheduled::*;
pub(crate) use screening::*;

use std::collections::BTreeMap;

use super::{
    Ctx, Decision, Effect, OutMessage, Outcome, Prompt, StateChange, Subject, post_said, said_in,
};
use crate::domain::answer::Answer;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::screening::{
    OnLapse, StepDef, StepKind, StepState, all_complete, parse_step_update,
};
use crate::domain::step_names::{StepLookup, find_step};
use crate::domain::text::{char_len, preview};
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
pub fn parse(text: &str) -> Option<Result<ReviewCommand, Text>> {
    let t = text.trim();
    let (verb, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let verb = verb.to_lowercase();
    let rest = rest.trim();
    let usage = |id: &str| Some(Err(Text::msg(id)));
    let (id_word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    // A number of another kind (`approve M3`) is refused with what was expected.
    let id = match numbers::read(id_word, Numbered::Application) {
        Some(Err(wrong)) if REVIEW_VERBS.contains(&verb.as_str()) => {
            return Some(Err(wrong));
        }
        read => read.and_then(Result::ok),
    };
    let tail = tail.trim().to_string();
    match verb.as_str() {
        "queue" if rest.is_empty() => Some(Ok(ReviewCommand::Queue)),
        "screening" if rest.eq_ignore_ascii_case("summary") => Some(Ok(ReviewCommand::Summary)),
        "show" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Show(id))),
            _ => usage("review-usage-show"),
        },
        "approve" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Approve(id))),
            _ => usage("review-usage-approve"),
        },
        "waitlist" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Waitlist(id))),
            _ => usage("review-usage-waitlist"),
        },
        "reject" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Reject(id, tail))),
            _ => usage("review-usage-reject"),
        },
        "ask" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Ask(id, tail))),
            _ => usage("review-usage-ask"),
        },
        "note" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Note(id, tail))),
            _ => usage("review-usage-note"),
        },
        "step" => {
            let usage = || usage("review-usage-step");
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
fn step_applications(rest: &str) -> Result<(Vec<i64>, Vec<String>), Text> {
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
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<ReviewCommand, Text>) -> Outcome {
    let post = |text: Text| said_in(room, text);
    let reply = |text: Text| post_said(room, text);
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("review-room"),
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
    let refuse = |what: Text| refuse_non_coordinator(ctx, room, what);
    let Some(id) = command.application() else {
        if coordinated.is_empty() {
            return refuse(Text::msg("coordinators-can-use").arg("verb", command.verb()));
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
            return reply(
                Text::msg("review-no-application")
                    .arg("id", id)
                    .arg("prefix", ctx.room_prefix),
            );
        }
    };
    let Some(programme) = ctx.programme(&record.summary.programme) else {
        return reply(
            Text::msg("review-programme-gone")
                .arg("id", id)
                .arg("programme", &record.summary.programme),
        );
    };
    if !programme.is_coordinator(ctx.user) {
        return refuse(
            Text::msg("coordinators-can-verb-in")
                .arg("verb", command.verb())
                .arg("programme", programme.said_name()),
        );
    }
    let status = record.summary.status;
    let name = display_name(record);
    let already = || {
        let last = record.decisions.last();
        let how = match last {
            Some(d) => if d.reason.is_empty() {
                Text::msg("review-decided-by")
            } else {
                Text::msg("review-decided-by-reason").arg("reason", preview(&d.reason, 120))
            }
            .arg("status", d.to.said_label())
            .arg("by", &d.by)
            .arg("when", card::moment(d.at, "%H:%M UTC")),
            None => status.said_label(),
        };
        reply(
            Text::msg("review-already-decided")
                .arg("id", id)
                .arg("how", how),
        )
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
    let dm_applicant = |text: Text| Effect::SendDm {
        to: record.applicant.clone(),
        message: OutMessage::said(text),
    };
    // `id` says which text is too long (`review-reason-long`).
    let too_long = |id: &str, text: &str| {
        reply(
            Text::msg(id)
                .arg("max", Text::number(MAX_NOTE_CHARS))
                .arg("count", Text::number(char_len(text))),
        )
    };
    // The programme and the role as the applicant reads them (in their language where the
    // programme translated them); the coordinators read the role in the programme's words.
    let (said_programme, said_role) = (
        programme.said_name(),
        programme.said_role(record.summary.role),
    );
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
            )));
            effects.extend(acknowledgement_prompts(
                programme,
                &record.summary,
                &record.applicant,
            ));
            effects.push(post(
                Text::msg(if ready {
                    "review-approved-ready"
                } else {
                    "review-approved-steps"
                })
                .arg("id", id)
                .arg("name", name.as_str())
                .arg("role", role_name.as_str())
                .arg("who", &ctx.user.id),
            ));
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
                return too_long("review-reason-long", &reason);
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    decision(ApplicationStatus::Rejected, &reason),
                    dm_applicant(
                        Text::msg("review-rejected")
                            .arg("programme", said_programme.clone())
                            .arg("role", said_role.clone())
                            .arg("reason", reason.as_str()),
                    ),
                    post(
                        Text::msg("review-rejected-posted")
                            .arg("id", id)
                            .arg("name", name.as_str())
                            .arg("who", &ctx.user.id),
                    ),
                ],
            }
        }
        ReviewCommand::Waitlist(_) => {
            if status == ApplicationStatus::Waitlisted {
                return reply(Text::msg("review-already-waitlisted").arg("id", id));
            }
            if !status.awaits_review() {
                return already();
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    decision(ApplicationStatus::Waitlisted, "waitlisted by a reviewer"),
                    dm_applicant(
                        Text::msg("review-waitlisted")
                            .arg("programme", said_programme.clone())
                            .arg("role", said_role.clone()),
                    ),
                    post(
                        Text::msg("review-waitlisted-posted")
                            .arg("id", id)
                            .arg("name", name.as_str())
                            .arg("who", &ctx.user.id),
                    ),
                ],
            }
        }
        ReviewCommand::Ask(_, question) => {
            if !status.awaits_review() {
                return already();
            }
            if char_len(&question) > MAX_NOTE_CHARS {
                return too_long("review-question-long", &question);
            }
            // Nobody could answer it until they take the application over: a note keeps
            // what they say on the phone.
            if record.applicant.is_assisted() {
                return reply(
                    Text::msg("assist-ask")
                        .arg("id", id)
                        .arg("name", name.as_str()),
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
            effects.push(post(
                Text::msg("review-asked")
                    .arg("id", id)
                    .arg("name", name.as_str()),
            ));
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        ReviewCommand::Note(_, text) => {
            if char_len(&text) > MAX_NOTE_CHARS {
                return too_long("review-note-long", &text);
            }
            Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    Effect::NoteApplication {
                        application_id: id,
                        by: ctx.user.to_string(),
                        text,
                    },
                    post(
                        Text::msg("review-noted")
                            .arg("id", id)
                            .arg("name", name.as_str()),
                    ),
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
                    return reply(
                        Text::msg("review-step-ambiguous")
                            .arg("name", name)
                            .arg("id", id)
                            .arg("labels", labels.join(", ")),
                    );
                }
                Err(StepLookup::Unknown(step)) => {
                    let names: Vec<&str> = steps.iter().map(|s| s.label.as_str()).collect();
                    return reply(
                        if names.is_empty() {
                            Text::msg("review-step-unknown")
                        } else {
                            Text::msg("review-step-unknown-list").arg("steps", names.join(", "))
                        }
                        .arg("id", id)
                        .arg("role", role_name.as_str())
                        .arg("step", step),
                    );
                }
            };
            if !status.is_accepted() {
                return reply(
                    Text::msg("review-step-not-approved")
                        .arg("id", id)
                        .arg("status", status.said_label()),
                );
            }
            let update = &typed[used..];
            let dates = crate::domain::when::Reader::for_programmes(ctx.now, [programme]);
            let (state, told) = match scheduled_with_time(&def.kind, update, &dates) {
                Some(Ok((state, when))) => (state, Some(when)),
                Some(Err(e)) => return reply(e),
                None => match parse_step_update(&def.kind, update, &dates) {
                    Ok(state) => {
                        let when = match &state {
                            StepState::Scheduled { on } => Some(when_said(*on, None)),
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
                post(
                    Text::msg("review-step-recorded")
                        .arg("id", id)
                        .arg("name", name.as_str())
                        .arg("step", &def.label)
                        .arg("state", state.said()),
                ),
            ];
            if let Some(when) = told {
                effects.push(dm_applicant(
                    Text::msg("review-step-scheduled")
                        .arg(
                            "step",
                            Text::lower(programme.said(
                                &step_path(record.summary.role.as_str(), &def.id, "label"),
                                &def.label,
                            )),
                        )
                        .arg("programme", said_programme.clone())
                        .arg("when", when),
                ));
                effects.push(post(
                    Text::msg("review-told-when").arg("name", name.as_str()),
                ));
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
                effects.push(post(
                    Text::msg("review-ack-again")
                        .arg("step", &def.label)
                        .arg("name", name.as_str()),
                ));
            }
            if matches!(state, StepState::Failed) && matches!(def.kind, StepKind::BackgroundCheck) {
                effects.push(post(
                    Text::msg("review-check-failed")
                        .arg("id", id)
                        .arg("name", name.as_str()),
                ));
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
) -> Option<Result<(StepState, Text), Text>> {
    let (first, rest) = update.split_first()?;
    if !matches!(kind, StepKind::Interview) || !first.eq_ignore_ascii_case("scheduled") {
        return None;
    }
    let moment = dates.read_moment(&rest.join(" ")).ok()?;
    let on = moment.local.date();
    if on < dates.today() {
        return Some(Err(
            Text::msg("review-in-the-past").arg("date", Text::date(on))
        ));
    }
    Some(Ok((
        StepState::Scheduled { on },
        when_said(
            on,
            Some((
                moment.local.format("%H:%M").to_string(),
                moment.zone.canonical(),
            )),
        ),
    )))
}

/// A day (`Wednesday 20 January`), with its time and zone when given, as the reader
/// writes it.
fn when_said(day: chrono::NaiveDate, time: Option<(String, String)>) -> Text {
    use chrono::Datelike;
    let said = match time {
        Some((time, zone)) => Text::msg("review-when-time")
            .arg("time", time)
            .arg("zone", zone),
        None => Text::msg("review-when"),
    };
    said.arg(
        "weekday",
        Text::msg(&format!(
            "weekday-long-{}",
            day.weekday().number_from_monday()
        )),
    )
    .arg("date", Text::day_month(day))
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
    let mut lines: Vec<Text> = Vec::new();
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
                    let said = message
                        .said
                        .map_or_else(|| Text::plain(message.text), |s| s.text);
                    if !lines.contains(&said) {
                        lines.push(said);
                    }
                }
                other => effects.push(other),
            }
        }
    }
    effects.push(Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(Text::lines(lines)),
    });
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// Refuses a coordinators' command to someone who is not one, and logs the refusal.
pub(crate) fn refuse_non_coordinator(ctx: &Ctx<'_>, room: &RoomRef, what: Text) -> Outcome {
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
    let said = if theirs_elsewhere {
        Text::msg("review-only-coordinators-here").arg("here", here.join(" and "))
    } else {
        Text::msg("review-only-coordinators")
    };
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(said.arg("who", &ctx.user.id).arg("what", what.clone())),
            },
            // The audit log is read by the operators, in the language of the code.
            Effect::LogRefusal {
                user: ctx.user.clone(),
                action: what.english(),
            },
        ],
    }
}

fn accepted_text(programme: &Programme, role: RoleKind, ready: bool) -> Text {
    let head = |id: &str| {
        Text::msg(id)
            .arg("programme", programme.said_name())
            .arg("role", programme.said_role(role))
    };
    if ready {
        let mut said = vec![head("review-accepted-ready")];
        said.extend(crate::flows::choice::when_ready(programme, role));
        return Text::join(said, " ");
    }
    let Some(r) = programme.role(role) else {
        return head("review-accepted");
    };
    let mut lines = vec![head("review-accepted"), Text::msg("review-steps-remain")];
    lines.extend(r.screening.steps.iter().map(|step| {
        Text::bullet(programme.said(&step_path(role.as_str(), &step.id, "label"), &step.label))
    }));
    lines.push(Text::msg("review-status-hint"));
    Text::lines(lines)
}

#[cfg(test)]
mod tests;
