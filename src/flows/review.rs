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

use std::collections::BTreeMap;

use super::{CardAction, Ctx, Decision, Effect, OutMessage, Outcome, Prompt, StateChange, Subject};
use crate::domain::answer::Answer;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::screening::{OnLapse, StepKind, StepState, all_complete, parse_step_update};
use crate::domain::text::{char_len, preview, thousands};
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
    Step {
        id: i64,
        step: String,
        update: Vec<String>,
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
            | ReviewCommand::Step { id, .. } => Some(*id),
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
            ReviewCommand::Step { .. } => "step",
        }
    }
}

/// Parses a coordinator's command. `None`: not one; `Some(Err)`: one, used wrongly (the
/// text says how to use it).
pub fn parse(text: &str) -> Option<Result<ReviewCommand, String>> {
    let t = text.trim();
    let (verb, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let verb = verb.to_lowercase();
    let rest = rest.trim();
    let usage = |u: &str| Some(Err(format!("Usage: {u}")));
    let (id_word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let id = id_word
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0);
    let tail = tail.trim().to_string();
    match verb.as_str() {
        "queue" if rest.is_empty() => Some(Ok(ReviewCommand::Queue)),
        "screening" if rest.eq_ignore_ascii_case("summary") => Some(Ok(ReviewCommand::Summary)),
        "show" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Show(id))),
            _ => usage("show <application number>, for example: show 12"),
        },
        "approve" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Approve(id))),
            _ => usage("approve <application number>, for example: approve 12"),
        },
        "waitlist" => match id {
            Some(id) if tail.is_empty() => Some(Ok(ReviewCommand::Waitlist(id))),
            _ => usage("waitlist <application number>, for example: waitlist 12"),
        },
        "reject" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Reject(id, tail))),
            _ => usage(
                "reject <application number> <reason, which is sent to the applicant>, for example: reject 12 We are looking for mentors with at least three years of experience.",
            ),
        },
        "ask" => match id {
            Some(id) if !tail.is_empty() => Some(Ok(ReviewCommand::Ask(id, tail))),
            _ => usage(
                "ask <application number> <question>, for example: ask 12 Which evenings are you free?",
            ),
        },
        "step" => {
            let mut words = tail.split_whitespace();
            match (id, words.next()) {
                (Some(id), Some(step)) if words.clone().next().is_some() => {
                    Some(Ok(ReviewCommand::Step {
                        id,
                        step: step.to_lowercase(),
                        update: words.map(str::to_string).collect(),
                    }))
                }
                _ => usage(
                    "step <application number> <step> <update>, for example: step 12 interview done, step 12 interview scheduled 2027-02-01, step 12 background_check cleared until 2029-01-31",
                ),
            }
        }
        _ => None,
    }
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
        ctx.coordinators_room,
        command,
        "Coordinators' commands work only in the coordinators' room, so that applications are never shown anywhere else.",
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
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
                "There is no application #{id}. Type {} queue to see the applications waiting for review.",
                ctx.room_prefix
            ));
        }
    };
    let Some(programme) = ctx.programme(&record.summary.programme) else {
        return reply(format!(
            "Application #{id} belongs to programme `{}`, which is no longer configured.",
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
                d.to.as_str().replace('_', " "),
                d.by,
                d.at.format("%-d %b %Y %H:%M UTC"),
                if d.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", preview(&d.reason, 120))
                }
            ),
            None => status.as_str().replace('_', " "),
        };
        reply(format!("Application #{id} was already decided: {how}."))
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
                "Application #{id} ({name}, {role_name}) approved by {}. The applicant has been told{}.",
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
                        "Application #{id} ({name}) rejected by {}; the applicant has been told, with the reason.",
                        ctx.user.id
                    )),
                ],
            }
        }
        ReviewCommand::Waitlist(_) => {
            if status == ApplicationStatus::Waitlisted {
                return reply(format!("Application #{id} is already on the waiting list."));
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
                        "Application #{id} ({name}) put on the waiting list by {}.",
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
                "Question sent to the applicant of #{id} ({name}). Their answer will be posted here."
            )));
            Outcome {
                state: StateChange::Unchanged,
                effects,
            }
        }
        ReviewCommand::Step { step, update, .. } => {
            let steps = programme
                .role(record.summary.role)
                .map(|r| r.screening.steps.as_slice())
                .unwrap_or(&[]);
            let Some(def) = steps.iter().find(|s| s.id == step) else {
                let names: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
                return reply(format!(
                    "Application #{id} ({role_name}) has no step `{step}`{}.",
                    if names.is_empty() {
                        String::from("; this role has no screening steps")
                    } else {
                        format!("; its steps are: {}", names.join(", "))
                    }
                ));
            };
            if !status.is_accepted() {
                return reply(format!(
                    "Application #{id} is {}: screening steps are recorded once it is approved.",
                    status.as_str().replace('_', " ")
                ));
            }
            let words: Vec<&str> = update.iter().map(String::as_str).collect();
            let state = match parse_step_update(&def.kind, &words, ctx.now.date_naive()) {
                Ok(s) => s,
                Err(e) => return reply(e),
            };
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
                    "Recorded for #{id} ({name}): {} — {}.",
                    def.label,
                    state.describe()
                )),
            ];
            effects.extend(readiness_effects(
                ctx,
                programme,
                &record.summary,
                &record.applicant,
                &name,
                &after,
            ));
            if matches!(state, StepState::Failed) && matches!(def.kind, StepKind::BackgroundCheck) {
                effects.push(post(format!(
                    "#{id} ({name}) cannot be matched while their background check is not cleared. Consider whether to reject the application."
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

/// Refuses a coordinators' command to someone who is not one, and logs the refusal.
pub(crate) fn refuse_non_coordinator(ctx: &Ctx<'_>, room: &RoomRef, what: &str) -> Outcome {
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::text(format!(
                    "Sorry {}, only the programme's coordinators can {what}.",
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
    } else if let Some(r) = programme.role(role) {
        s.push_str("\nBefore we can match you, a few steps remain:");
        for step in &r.screening.steps {
            s.push_str(&format!("\n• {}", step.label));
        }
        s.push_str("\nType status at any time to see your progress.");
    }
    s
}

/// Right after an application is stored: a card for the coordinators when it awaits
/// review, or the acknowledgement prompts when the rules accepted it.
pub fn after_submit(ctx: &Ctx<'_>, programme: &Programme, record: &ApplicationRecord) -> Outcome {
    let mut effects = Vec::new();
    if record.summary.status.awaits_review()
        && let Some(room) = ctx.coordinators_room
    {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: card(programme, record),
        });
    }
    if record.summary.status.is_accepted() {
        effects.extend(acknowledgement_prompts(
            programme,
            &record.summary,
            &record.applicant,
        ));
    }
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// A word to the coordinators when someone who deleted their data applies again while a
/// check of theirs that did not clear is kept under a legal hold: `held` is each such
/// check, as (earlier application, step).
pub fn held_checks_note(
    ctx: &Ctx<'_>,
    record: &ApplicationRecord,
    held: &[(i64, String)],
) -> Vec<Effect> {
    let Some(room) = ctx.coordinators_room.filter(|_| !held.is_empty()) else {
        return vec![];
    };
    let checks: Vec<String> = held
        .iter()
        .map(|(application, step)| format!("{step} of application #{application}"))
        .collect();
    vec![Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(format!(
            "Please note before deciding on #{} ({}): this person deleted their data earlier, and a check of theirs that did not clear is kept under a legal hold for safeguarding: {}.",
            record.summary.id,
            display_name(record),
            checks.join(", ")
        )),
    }]
}

/// Prompts to acknowledge each acknowledgement step not yet acknowledged.
pub(crate) fn acknowledgement_prompts(
    programme: &Programme,
    app: &ApplicationSummary,
    applicant: &UserRef,
) -> Vec<Effect> {
    let Some(role) = programme.role(app.role) else {
        return vec![];
    };
    role.screening
        .steps
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Acknowledgement { .. }))
        .filter(|s| !matches!(app.steps.get(&s.id), Some(StepState::Acknowledged { .. })))
        .map(|s| Effect::QueuePrompt {
            user: applicant.clone(),
            prompt: Prompt::Acknowledge {
                application_id: app.id,
                programme: programme.slug.clone(),
                step_id: s.id.clone(),
            },
        })
        .collect()
}

/// When a step changes: an approved participant whose steps are now all complete becomes
/// ready; a ready one with a step no longer complete goes back to approved. Both sides hear
/// about it.
pub(crate) fn readiness_effects(
    ctx: &Ctx<'_>,
    programme: &Programme,
    app: &ApplicationSummary,
    applicant: &UserRef,
    name: &str,
    steps_after: &BTreeMap<String, StepState>,
) -> Vec<Effect> {
    let Some(role) = programme.role(app.role) else {
        return vec![];
    };
    let complete = all_complete(&role.screening.steps, steps_after, ctx.now.date_naive());
    let (to, applicant_text, room_text) = match (app.status, complete) {
        (ApplicationStatus::Approved, true) => (
            ApplicationStatus::Ready,
            format!(
                "You've completed every step for {}: you're ready to be matched! We'll be in touch when we have a match for you.",
                programme.name
            ),
            format!(
                "#{} ({name}) has completed every screening step and is ready to be matched.",
                app.id
            ),
        ),
        (ApplicationStatus::Ready, false) => {
            let missing: Vec<&str> = role
                .screening
                .steps
                .iter()
                .filter(|s| {
                    !steps_after
                        .get(&s.id)
                        .is_some_and(|st| st.complete(ctx.now.date_naive()))
                })
                .map(|s| s.label.as_str())
                .collect();
            (
                ApplicationStatus::Approved,
                format!(
                    "An update on your place in {}: {} needs attention, so you're not in the matching pool for now. A coordinator will help you sort it out.",
                    programme.name,
                    missing.join(", ")
                ),
                format!(
                    "#{} ({name}) is no longer ready to be matched: {} not complete.",
                    app.id,
                    missing.join(", ")
                ),
            )
        }
        _ => return vec![],
    };
    let mut effects = vec![
        Effect::RecordDecision(Decision {
            application_id: app.id,
            from: app.status,
            to,
            by: "tandem".into(),
            reason: if to == ApplicationStatus::Ready {
                "every screening step is complete".into()
            } else {
                "a screening step is no longer complete".into()
            },
        }),
        Effect::SendDm {
            to: applicant.clone(),
            message: OutMessage::text(applicant_text),
        },
    ];
    if let Some(room) = ctx.coordinators_room {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(room_text).in_thread(super::application_thread(app.id)),
        });
    }
    effects
}

/// How a person is named on cards: their answer to a `name` question, else their id.
pub(crate) fn display_name_of(user: &UserRef, answers: &[(String, Answer)]) -> String {
    answers
        .iter()
        .find(|(q, _)| q == "name")
        .and_then(|(_, a)| match a {
            Answer::Text(t) => Some(preview(t, 40)),
            _ => None,
        })
        .unwrap_or_else(|| user.id.clone())
}

fn display_name(record: &ApplicationRecord) -> String {
    display_name_of(&record.applicant, &record.answers)
}

/// The reviewer's card: the application, the rules' results, questions and decisions.
pub fn card(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    card_body(programme, record).starts_thread(super::application_thread(record.summary.id))
}

fn card_body(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    let s = &record.summary;
    let role = programme.role(s.role);
    let role_name = role
        .map(|r| r.name.clone())
        .unwrap_or_else(|| s.role.to_string());
    let mut t = format!(
        "Application #{} · {} · {} · {}\nApplicant: {} ({}), submitted {}",
        s.id,
        programme.name,
        role_name,
        s.status.as_str().replace('_', " "),
        display_name(record),
        record.applicant,
        s.submitted_at.format("%-d %b %Y %H:%M UTC")
    );
    if let Some(e) = &record.evaluation {
        t.push_str(&format!(
            "\nScreening rules: {}",
            e.outcome.as_str().replace('_', " ")
        ));
        let matched: Vec<_> = e.results.iter().filter(|r| r.matched).collect();
        if matched.is_empty() {
            t.push_str(" (no rule matched: the default for this role)");
        }
        for r in &matched {
            t.push_str(&format!(
                "\n  ✓ {} → {}: {}{}",
                r.rule,
                r.outcome.as_str().replace('_', " "),
                r.description,
                if r.reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", r.reason)
                }
            ));
        }
    }
    t.push_str("\nAnswers:");
    for (qid, answer) in &record.answers {
        let question = role.and_then(|r| r.question(qid));
        let (label, shown) = match question {
            Some(q) => (q.label.clone(), answer.display(q)),
            None => (qid.clone(), format!("{answer:?}")),
        };
        t.push_str(&format!("\n  {label}: {}", preview(&shown, 400)));
    }
    for q in &record.questions {
        t.push_str(&format!(
            "\nQuestion from {}: {}\n  Answer: {}",
            q.asked_by,
            q.question,
            q.answer.as_deref().unwrap_or("(waiting for the applicant)")
        ));
    }
    for d in &record.decisions {
        t.push_str(&format!(
            "\n{} → {} by {} on {}{}",
            d.from.as_str().replace('_', " "),
            d.to.as_str().replace('_', " "),
            d.by,
            d.at.format("%-d %b %Y %H:%M"),
            if d.reason.is_empty() {
                String::new()
            } else {
                format!(": {}", preview(&d.reason, 200))
            }
        ));
    }
    let mut actions = Vec::new();
    if s.status.awaits_review() {
        t.push_str(&format!(
            "\nReply here: approve {id} · reject {id} <reason, sent to the applicant> · ask {id} <question> · waitlist {id}",
            id = s.id
        ));
        let id = s.id;
        actions = vec![
            CardAction::new("Approve", format!("approve {id}")),
            CardAction::asking(
                "Reject",
                format!("reject {id}"),
                "Reason (sent to the applicant)",
            ),
            CardAction::asking(
                "Ask",
                format!("ask {id}"),
                "Your question for the applicant",
            ),
            CardAction::new("Waitlist", format!("waitlist {id}")),
        ];
    }
    OutMessage {
        actions,
        ..OutMessage::text(t)
    }
}

fn age_days(ctx: &Ctx<'_>, a: &ApplicationSummary) -> i64 {
    (ctx.now - a.submitted_at).num_days()
}

fn queue_text(ctx: &Ctx<'_>, rows: &[&(ApplicationSummary, UserRef)]) -> String {
    let mut waiting: Vec<&&(ApplicationSummary, UserRef)> = rows
        .iter()
        .filter(|(a, _)| a.status.awaits_review())
        .collect();
    if waiting.is_empty() {
        return "No applications are waiting for review.".into();
    }
    waiting.sort_by_key(|(a, _)| (a.submitted_at, a.id));
    let mut s = format!(
        "{} application(s) waiting for review, oldest first:",
        waiting.len()
    );
    for (a, user) in waiting {
        s.push_str(&format!(
            "\n#{} · {} · {} · {} · {} · {} day(s)",
            a.id,
            a.programme,
            a.role,
            user,
            a.status.as_str().replace('_', " "),
            age_days(ctx, a)
        ));
    }
    s.push_str(&format!(
        "\nType {} show <number> to see one.",
        ctx.room_prefix
    ));
    s
}

fn summary_text(
    ctx: &Ctx<'_>,
    programmes: &[&Programme],
    rows: &[&(ApplicationSummary, UserRef)],
) -> String {
    let today = ctx.now.date_naive();
    let horizon = today + chrono::Duration::days(30);
    let mut s = String::from("Screening summary");
    for p in programmes {
        let mine: Vec<&&(ApplicationSummary, UserRef)> =
            rows.iter().filter(|(a, _)| a.programme == p.slug).collect();
        s.push_str(&format!("\n{} ({} applications)", p.name, mine.len()));
        for role in RoleKind::ALL {
            let counts: Vec<String> = ApplicationStatus::ALL
                .iter()
                .filter_map(|st| {
                    let n = mine
                        .iter()
                        .filter(|(a, _)| a.role == role && a.status == *st)
                        .count();
                    (n > 0).then(|| format!("{} {}", n, st.as_str().replace('_', " ")))
                })
                .collect();
            s.push_str(&format!(
                "\n  {}s: {}",
                role,
                if counts.is_empty() {
                    "none".to_string()
                } else {
                    counts.join(", ")
                }
            ));
        }
        match mine
            .iter()
            .filter(|(a, _)| a.status.awaits_review())
            .min_by_key(|(a, _)| a.submitted_at)
        {
            Some((a, user)) => s.push_str(&format!(
                "\n  Oldest waiting: #{} ({}), {} day(s)",
                a.id,
                user,
                age_days(ctx, a)
            )),
            None => s.push_str("\n  Nobody is waiting for review."),
        }
        let mut expiring: Vec<(chrono::NaiveDate, i64, &UserRef, &str)> = vec![];
        for (a, user) in &mine {
            if !a.status.is_accepted() {
                continue;
            }
            for (step, state) in &a.steps {
                if let StepState::Cleared { expires } = state
                    && *expires > today
                    && *expires <= horizon
                {
                    expiring.push((*expires, a.id, user, step.as_str()));
                }
            }
        }
        expiring.sort();
        if expiring.is_empty() {
            s.push_str("\n  No checks expire in the next 30 days.");
        } else {
            s.push_str("\n  Checks expiring in the next 30 days:");
            for (date, id, user, step) in expiring {
                s.push_str(&format!(
                    "\n    #{id} ({user}) {step}: {}",
                    date.format("%-d %b %Y")
                ));
            }
        }
    }
    s
}

/// A cleared check that has expired: record it, and tell the person and the coordinators.
pub fn expire_check(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    step_id: &str,
) -> Outcome {
    let Some(StepState::Cleared { expires }) = record.summary.steps.get(step_id).cloned() else {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    };
    let label = programme
        .role(record.summary.role)
        .and_then(|r| r.screening.steps.iter().find(|s| s.id == step_id))
        .map(|s| s.label.clone())
        .unwrap_or_else(|| step_id.to_string());
    let state = StepState::Expired { on: expires };
    let mut after = record.summary.steps.clone();
    after.insert(step_id.to_string(), state.clone());
    let name = display_name(record);
    let mut effects = vec![
        Effect::RecordStep {
            application_id: record.summary.id,
            step_id: step_id.to_string(),
            state,
            by: "tandem".into(),
        },
        Effect::SendDm {
            to: record.applicant.clone(),
            message: OutMessage::text(format!(
                "Your {} for {} expired on {}. A coordinator will contact you about renewing it.",
                label.to_lowercase(),
                programme.name,
                expires.format("%-d %B %Y")
            )),
        },
    ];
    let lapsed = lapse_effects(
        ctx,
        programme,
        record,
        ctx.matches,
        step_id,
        &label,
        Lapse::Expired(expires),
    );
    // In an active match the alert says all this and more; otherwise a note in the
    // application's thread is enough.
    if let Some(room) = ctx.coordinators_room
        && lapsed.is_empty()
    {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(format!(
                "The {} of #{} ({name}) expired on {}. Record the renewal with: {} step {} {step_id} cleared until <date>",
                label.to_lowercase(),
                record.summary.id,
                expires.format("%-d %b %Y"),
                ctx.room_prefix,
                record.summary.id
            ))
            .in_thread(super::application_thread(record.summary.id)),
        });
    }
    // The DM above already says what happened; only the status change is added here.
    let readiness = readiness_effects(
        ctx,
        programme,
        &record.summary,
        &record.applicant,
        &name,
        &after,
    );
    effects.extend(
        readiness
            .into_iter()
            .filter(|e| matches!(e, Effect::RecordDecision(_) | Effect::PostInRoom { .. })),
    );
    effects.extend(lapsed);
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// A cleared check about to expire (within its step's `warn_days`): the person and the
/// coordinators are warned once for this expiry date, with the active match it puts at
/// risk, so it can be renewed before the pair is affected.
pub fn warn_check(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    step_id: &str,
) -> Outcome {
    let nothing = Outcome::unchanged(vec![]);
    let Some(StepState::Cleared { expires }) = record.summary.steps.get(step_id).cloned() else {
        return nothing;
    };
    let Some(def) = programme
        .role(record.summary.role)
        .and_then(|r| r.screening.steps.iter().find(|s| s.id == step_id))
    else {
        return nothing;
    };
    let today = ctx.now.date_naive();
    if !def.warn_due(expires, today) {
        return nothing;
    }
    let id = record.summary.id;
    let mark = Effect::MarkCheckWarned {
        application_id: id,
        step_id: step_id.to_string(),
        expires,
    };
    // Someone who left the programme (withdrawn, rejected) has nothing to renew.
    if !record.summary.status.is_accepted() {
        return Outcome::unchanged(vec![mark]);
    }
    let label = def.label.to_lowercase();
    let date = expires.format("%-d %B %Y");
    let mut effects = vec![
        mark,
        Effect::SendDm {
            to: record.applicant.clone(),
            message: OutMessage::text(format!(
                "Your {label} for {} expires on {date}. Please renew it with the coordinators so your mentoring can carry on.",
                programme.name
            )),
        },
    ];
    if let Some(room) = ctx.coordinators_room {
        let name = display_name(record);
        let active = active_matches(ctx.matches, id);
        let mut text = format!(
            "The {label} of #{id} ({name}) expires on {date}, in {} day(s)",
            (expires - today).num_days()
        );
        if !active.is_empty() {
            text.push_str(&format!("; {name} is in active {}", match_list(&active)));
        }
        text.push_str(&format!(
            ". Record the renewal with: {} step {id} {step_id} cleared until <date>",
            ctx.room_prefix
        ));
        let message = OutMessage::text(text);
        // A pair depends on it: at the top of the room, where it cannot be missed.
        let message = if active.is_empty() {
            message.in_thread(super::application_thread(id))
        } else {
            message.alert()
        };
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message,
        });
    }
    Outcome::unchanged(effects)
}

/// How a background check stopped being valid.
#[derive(Debug, Clone, Copy)]
enum Lapse {
    Expired(chrono::NaiveDate),
    Failed,
}

/// The matches of `matches` that application `id` is in and that are active.
fn active_matches(matches: &[MatchRecord], id: i64) -> Vec<&MatchRecord> {
    matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .filter(|m| m.mentee_application == id || m.mentor_application == id)
        .collect()
}

/// `match #1 (Amina ↔ Grace)`, or `matches #1 (Amina ↔ Grace) and #3 (Bea ↔ Grace)`.
fn match_list(active: &[&MatchRecord]) -> String {
    let each: Vec<String> = active
        .iter()
        .map(|m| format!("#{} ({} ↔ {})", m.id, m.mentee_name, m.mentor_name))
        .collect();
    match each.split_last() {
        Some((last, [])) => format!("match {last}"),
        Some((last, rest)) => format!("matches {} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// When a member's background check stops being valid while they are in an active match:
/// for each such match, an alert to the coordinators (at the top of their room, never in a
/// thread) naming it and the decision to take; and, when the programme pauses a match on
/// a lapse, the match held until they decide, both members told only that it is paused.
/// Nothing when they are in no active match.
fn lapse_effects(
    ctx: &Ctx<'_>,
    programme: &Programme,
    record: &ApplicationRecord,
    matches: &[MatchRecord],
    step_id: &str,
    label: &str,
    lapse: Lapse,
) -> Vec<Effect> {
    let id = record.summary.id;
    let name = display_name(record);
    let label = label.to_lowercase();
    let p = ctx.room_prefix;
    let (headline, what, renew) = match lapse {
        Lapse::Expired(on) => (
            "Lapsed check in an active match",
            format!("expired on {}", on.format("%-d %B %Y")),
            "record the renewal",
        ),
        Lapse::Failed => (
            "Failed check in an active match",
            "was recorded as not cleared".to_string(),
            "if a new check clears, record it",
        ),
    };
    let renew_command = format!("step {id} {step_id} cleared until");
    let mut effects = Vec::new();
    for m in active_matches(matches, id) {
        let mid = m.id;
        let mut text = format!(
            "{headline}: the {label} of #{id} ({name}) {what}, and {name} is in active {}, {}.",
            match_list(&[m]),
            programme.name
        );
        let mut actions = Vec::new();
        match programme.on_lapse {
            OnLapse::Notify => {
                text.push_str(&format!(
                    " Please decide: pause it ({p} pause {mid} until <date>), {renew} ({p} {renew_command} <date>), or close it ({p} close match {mid} <reason>)."
                ));
                actions.push(CardAction::asking(
                    "Pause",
                    format!("pause {mid} until"),
                    "Until which date? (like 2027-03-01)",
                ));
            }
            OnLapse::Pause => {
                text.push_str(&format!(
                    " The match is paused until a coordinator decides; both members were told only that it is paused for an administrative reason. Please decide: {renew} ({p} {renew_command} <date>) and resume it ({p} resume {mid}), or close it ({p} close match {mid} <reason>)."
                ));
                effects.extend(super::pause::hold_for_coordinators(m, ctx.now));
            }
        }
        actions.push(CardAction::asking(
            "Record renewal",
            renew_command.clone(),
            "Valid until which date? (like 2029-01-31)",
        ));
        if programme.on_lapse == OnLapse::Pause {
            actions.push(CardAction::new("Resume", format!("resume {mid}")));
        }
        actions.push(CardAction::asking(
            "Close match",
            format!("close match {mid}"),
            "Reason (recorded; the pair are not told it)",
        ));
        if let Some(room) = ctx.coordinators_room {
            effects.push(Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage {
                    actions,
                    ..OutMessage::text(text)
                }
                .alert(),
            });
        }
    }
    effects
}

/// A reminder to someone on the waiting list, with their place in it.
pub fn waitlist_reminder(
    programme: &Programme,
    record: &ApplicationRecord,
    position: usize,
    total: usize,
) -> Outcome {
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::SendDm {
                to: record.applicant.clone(),
                message: OutMessage::text(format!(
                    "A quick update from {}: you're still on our waiting list ({} of {} waiting for a {} place). We haven't forgotten you, and we'll be in touch as soon as a place opens.",
                    programme.name, position, total, record.summary.role
                )),
            },
            Effect::MarkReminded {
                application_id: record.summary.id,
            },
        ],
    }
}
