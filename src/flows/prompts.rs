//! Short conversations the bot starts itself: a reviewer's question to an applicant, and an
//! orientation or code of conduct to acknowledge.
//!
//! They are queued as [`Prompt`]s and started by [`start`] only when the person has no other
//! conversation in progress, so a question never interrupts an application half-way.

use serde::{Deserialize, Serialize};

use super::command::Command;
use super::review::readiness_effects;
use super::{Content, Ctx, Effect, FlowState, OutMessage, Outcome, Prompt, StateChange};
use crate::domain::answer::said_choice;
use crate::domain::matches::{MatchOrigin, MatchRecord, MatchStatus};
use crate::domain::profile::Introduction;
use crate::domain::screening::{StepKind, StepState};
use crate::domain::text::{char_len, clean};
use crate::domain::translations::step_path;
use crate::domain::{ApplicationStatus, Choice, RoleKind};
use crate::i18n::Text;

/// Longest answer to a reviewer's question.
pub const MAX_ANSWER_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerQuestion {
    pub question_id: i64,
    pub application_id: i64,
    pub programme: String,
    pub question: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchOffer {
    pub match_id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub match_id: i64,
    pub seq: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acknowledge {
    pub application_id: i64,
    pub programme: String,
    pub step_id: String,
}

/// Starts the conversation for a queued prompt. An acknowledgement whose step no longer
/// exists (the configuration changed) starts nothing.
pub fn start(ctx: &Ctx<'_>, prompt: &Prompt) -> Outcome {
    match prompt {
        Prompt::ReviewQuestion {
            question_id,
            application_id,
            programme,
            question,
        } => {
            // A question about an application that was decided meanwhile is moot.
            let open = ctx
                .applications
                .iter()
                .any(|a| a.id == *application_id && a.status.awaits_review());
            if !open {
                return Outcome {
                    state: StateChange::Unchanged,
                    effects: vec![],
                };
            }
            let flow = AnswerQuestion {
                question_id: *question_id,
                application_id: *application_id,
                programme: programme.clone(),
                question: question.clone(),
            };
            Outcome {
                state: StateChange::Set(FlowState::AnswerQuestion(flow.clone())),
                effects: vec![ctx.dm(question_message(ctx, &flow))],
            }
        }
        Prompt::Survey {
            invite_id,
            reminder,
        } => super::survey::start(ctx, *invite_id, *reminder),
        Prompt::NextStep { match_id } => super::closure::start_next(ctx, *match_id),
        Prompt::CaseQuestion {
            case_id,
            question,
            restricted,
            programme,
        } => super::cases::start_reply(*case_id, question, *restricted, programme.clone()),
        Prompt::CheckIn {
            match_id,
            seq,
            text,
        } => {
            let flow = CheckIn {
                match_id: *match_id,
                seq: *seq,
                text: text.clone(),
            };
            match check_in_message(ctx, &flow) {
                Some(message) => Outcome {
                    state: StateChange::Set(FlowState::CheckIn(flow)),
                    effects: vec![ctx.dm(message)],
                },
                // The match ended or was paused meanwhile: nothing to ask.
                None => Outcome {
                    state: StateChange::Unchanged,
                    effects: vec![],
                },
            }
        }
        Prompt::MatchOffer { match_id } => {
            let flow = MatchOffer {
                match_id: *match_id,
            };
            match offer_message(ctx, &flow) {
                Some(message) => Outcome {
                    state: StateChange::Set(FlowState::MatchOffer(flow)),
                    effects: vec![ctx.dm(message)],
                },
                None => Outcome {
                    state: StateChange::Unchanged,
                    effects: vec![],
                },
            }
        }
        Prompt::Acknowledge {
            application_id,
            programme,
            step_id,
        } => {
            let flow = Acknowledge {
                application_id: *application_id,
                programme: programme.clone(),
                step_id: step_id.clone(),
            };
            match acknowledge_message(ctx, &flow) {
                Some(message) => Outcome {
                    state: StateChange::Set(FlowState::Acknowledge(flow)),
                    effects: vec![ctx.dm(message)],
                },
                None => Outcome {
                    state: StateChange::Unchanged,
                    effects: vec![],
                },
            }
        }
    }
}

/// A programme's name in the reader's language (its slug, if it is no longer configured).
fn programme_name(ctx: &Ctx<'_>, slug: &str) -> Text {
    ctx.programme(slug)
        .map_or_else(|| Text::plain(slug), |p| p.said_name())
}

pub(super) fn question_message(ctx: &Ctx<'_>, flow: &AnswerQuestion) -> OutMessage {
    OutMessage::said(
        Text::msg("prompt-question")
            .arg("programme", programme_name(ctx, &flow.programme))
            .arg("question", flow.question.as_str())
            .arg("max", MAX_ANSWER_CHARS),
    )
}

pub(super) fn acknowledge_message(ctx: &Ctx<'_>, flow: &Acknowledge) -> Option<OutMessage> {
    let programme = ctx.programme(&flow.programme)?;
    let app = ctx
        .applications
        .iter()
        .find(|a| a.id == flow.application_id)?;
    let step = programme
        .role(app.role)?
        .screening
        .steps
        .iter()
        .find(|s| s.id == flow.step_id)?;
    let StepKind::Acknowledgement { text, resource } = &step.kind else {
        return None;
    };
    // Acknowledged meanwhile (by reading its resource): nothing to ask.
    if matches!(
        app.steps.get(&step.id),
        Some(StepState::Acknowledged { .. })
    ) {
        return None;
    }
    let role = app.role.as_str();
    // About a resource: the step's own text (if any), then the resource itself.
    let mut said = Vec::new();
    if !text.is_empty() {
        said.push(programme.said(&step_path(role, &step.id, "text"), text));
    }
    if let Some(block) = resource
        .as_deref()
        .and_then(|r| super::resources::block(ctx, &programme.slug, r))
    {
        said.push(block);
    }
    Some(OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("ack:{}", step.id)),
        ..OutMessage::said(
            Text::msg("ack-prompt")
                .arg(
                    "step",
                    programme.said(&step_path(role, &step.id, "label"), &step.label),
                )
                .arg("programme", programme.said_name())
                .arg("text", Text::paragraphs(said)),
        )
        .with_choices(vec![said_choice("yes", Text::msg("choice-agree"))])
    })
}

/// The applicant answers a reviewer's question.
pub fn answer_step(
    ctx: &Ctx<'_>,
    flow: &AnswerQuestion,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let reprompt = |note: Text| Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            ctx.dm(OutMessage::said(note)),
            ctx.dm(question_message(ctx, flow)),
        ],
    };
    let text = match content {
        Content::Text(t) => t,
        Content::Picked { .. } => return reprompt(Text::msg("prompt-type-answer")),
    };
    match command {
        Some(Command::Help) | Some(Command::Status) | Some(Command::Greeting) => {
            return reprompt(Text::msg("prompt-waiting-answer"));
        }
        Some(Command::Apply(_)) => return reprompt(Text::msg("prompt-answer-first")),
        _ => {}
    }
    let answer = clean(text, true);
    if answer.is_empty() {
        return reprompt(Text::msg("prompt-no-answer"));
    }
    if char_len(&answer) > MAX_ANSWER_CHARS {
        return reprompt(
            Text::msg("prompt-answer-too-long")
                .arg("max", MAX_ANSWER_CHARS)
                .arg("chars", char_len(&answer)),
        );
    }
    let mut effects = vec![Effect::AnswerReviewQuestion {
        question_id: flow.question_id,
        answer: answer.clone(),
    }];
    let app = ctx
        .applications
        .iter()
        .find(|a| a.id == flow.application_id);
    if app.is_some_and(|a| a.status == ApplicationStatus::InfoRequested) {
        effects.push(Effect::RecordDecision(super::Decision {
            application_id: flow.application_id,
            from: ApplicationStatus::InfoRequested,
            to: ApplicationStatus::NeedsReview,
            by: ctx.user.to_string(),
            reason: "answered a reviewer's question".into(),
        }));
    }
    // Told to its programme's coordinators (an application no longer on record has none).
    if let Some(room) = app.and_then(|a| ctx.coordinators_room(Some(a.programme.as_str()))) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("support-reviewer-answer")
                    .arg("id", flow.application_id)
                    .arg("question", flow.question.as_str())
                    .arg("answer", answer.as_str())
                    .arg("prefix", ctx.room_prefix),
            )
            .in_thread(super::application_thread(flow.application_id)),
        });
    }
    effects.push(ctx.dm(OutMessage::said(Text::msg("prompt-answer-passed"))));
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// The resource the acknowledgement `flow` is about, if it is about one.
fn step_resource(ctx: &Ctx<'_>, flow: &Acknowledge) -> Option<String> {
    let app = ctx
        .applications
        .iter()
        .find(|a| a.id == flow.application_id)?;
    let step = ctx
        .programme(&flow.programme)?
        .role(app.role)?
        .screening
        .steps
        .iter()
        .find(|s| s.id == flow.step_id)?;
    match &step.kind {
        StepKind::Acknowledgement { resource, .. } => resource.clone(),
        _ => None,
    }
}

/// Whether `done <typed>` names the resource the acknowledgement `flow` is about: an
/// answer to it, not a command beside it.
pub(super) fn done_names_step(ctx: &Ctx<'_>, flow: &Acknowledge, typed: &str) -> bool {
    let Some(resource) = step_resource(ctx, flow) else {
        return false;
    };
    let listed =
        crate::domain::resources::numbered(ctx.programmes, ctx.applications, ctx.matches, ctx.now);
    crate::domain::resources::find(&listed, typed)
        .is_some_and(|l| l.programme.slug == flow.programme && l.resource.id == resource)
}

/// The participant acknowledges an orientation or code of conduct.
/// What says "I have read it" to an acknowledgement, in every shipped language (folded:
/// lower case, no accents, no hamza).
#[rustfmt::skip]
const READ: &[&str] = &[
    "i agree", "agree", "yes", "done", "i have read it", "read", "ok", "okay", // English
    "estoy de acuerdo", "de acuerdo", "si", "leido", "lo he leido", "vale", "hecho", // Spanish
    "اوافق", "موافق", "نعم", "قرات", "قراته", "تم", // Arabic
];

pub fn acknowledge_step(
    ctx: &Ctx<'_>,
    flow: &Acknowledge,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let agreed = match content {
        // `done <n>` naming the step's resource (see `escape`).
        _ if matches!(command, Some(Command::Done(n)) if done_names_step(ctx, flow, n)) => true,
        Content::Picked { values, .. } => values.iter().any(|v| v == "yes"),
        Content::Text(t) => {
            let t = crate::domain::text::fold(clean(t, false).trim_end_matches(['.', '!']));
            READ.contains(&t.as_str())
        }
    };
    let Some(message) = acknowledge_message(ctx, flow) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![],
        };
    };
    if matches!(command, Some(Command::Status)) {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                ctx.dm(OutMessage::said(super::status_text(ctx))),
                ctx.dm(message),
            ],
        };
    }
    if !agreed {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                ctx.dm(OutMessage::said(Text::msg("ack-retry"))),
                ctx.dm(message),
            ],
        };
    }
    let state = StepState::Acknowledged { at: ctx.now };
    let mut effects = vec![Effect::RecordStep {
        application_id: flow.application_id,
        step_id: flow.step_id.clone(),
        state: state.clone(),
        by: ctx.user.to_string(),
    }];
    effects.push(ctx.dm(OutMessage::said(Text::msg("ack-recorded"))));
    // Acknowledging a step about a resource is having read it.
    if let Some(resource) = step_resource(ctx, flow) {
        effects.push(Effect::MarkResourceRead {
            user: ctx.user.clone(),
            programme: flow.programme.clone(),
            resource,
        });
    }
    if let (Some(programme), Some(app)) = (
        ctx.programme(&flow.programme),
        ctx.applications
            .iter()
            .find(|a| a.id == flow.application_id),
    ) {
        let mut steps = app.steps.clone();
        steps.insert(flow.step_id.clone(), state);
        let name = app.name.clone().unwrap_or_else(|| ctx.user.id.clone());
        effects.extend(readiness_effects(
            ctx, programme, app, ctx.user, &name, &steps,
        ));
    }
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// The check-in's question, while its match is active.
pub(super) fn check_in_message(ctx: &Ctx<'_>, flow: &CheckIn) -> Option<OutMessage> {
    let m = ctx
        .matches
        .iter()
        .find(|m| m.id == flow.match_id && m.status == MatchStatus::Active)?;
    let partner = match m.side_of(ctx.user)? {
        RoleKind::Mentee => &m.mentor_name,
        RoleKind::Mentor => &m.mentee_name,
    };
    // The prompt keeps the milestone's words; the programme may say them in the reader's
    // language.
    let words = ctx
        .programme(&m.programme)
        .and_then(|p| {
            let milestone = p
                .schedule
                .as_ref()?
                .milestones
                .iter()
                .find(|x| x.text == flow.text)?;
            Some(p.said_milestone(milestone))
        })
        .unwrap_or_else(|| Text::plain(flow.text.as_str()));
    let text = Text::msg("checkin-ask")
        .arg("programme", programme_name(ctx, &m.programme))
        .arg("partner", partner.as_str())
        .arg("text", words);
    Some(OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("checkin:{}:{}", flow.match_id, flow.seq)),
        ..OutMessage::said(text).with_choices(labelled(&CHECK_IN_ANSWERS))
    })
}

/// A check-in's answers: each value, and its label's message.
const CHECK_IN_ANSWERS: [(&str, &str); 3] = [
    ("met", "checkin-met"),
    ("not_yet", "checkin-not-yet"),
    ("stuck", "checkin-stuck"),
];

/// `answers` as a prompt's choices, labelled from the catalogue.
fn labelled(answers: &[(&str, &str)]) -> Vec<(Choice, Text)> {
    answers
        .iter()
        .map(|(value, key)| {
            let choice = Choice {
                value: (*value).into(),
                label: String::new(),
            };
            (choice, Text::msg(key))
        })
        .collect()
}

/// The answer among `answers` whose label `typed` is, in any shipped language (folded: case
/// and accents aside).
fn by_label(typed: &str, answers: &[(&str, &str)]) -> Option<String> {
    let typed = crate::domain::text::fold(typed.trim().trim_end_matches(['.', '!']));
    answers.iter().find_map(|(value, key)| {
        crate::i18n::Locale::all()
            .any(|l| crate::domain::text::fold(&Text::msg(key).render(l)) == typed)
            .then(|| (*value).to_string())
    })
}

/// A member answers a check-in; "We're stuck" alerts the coordinators.
pub fn check_in_step(ctx: &Ctx<'_>, flow: &CheckIn, content: &Content) -> Outcome {
    let Some(message) = check_in_message(ctx, flow) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("checkin-closed")))],
        };
    };
    let answer = match content {
        Content::Picked { values, .. } => values.first().cloned(),
        Content::Text(t) => {
            let t = clean(t, false).to_lowercase();
            match t.trim_end_matches(['.', '!']) {
                "1" | "yes" | "yes, we met" | "we met" | "met" => Some("met".into()),
                "2" | "not yet" | "no" => Some("not_yet".into()),
                "3" | "stuck" | "we're stuck" | "we are stuck" | "help" => Some("stuck".into()),
                // A label in any language, or yes and no in any (`sí`: met).
                _ => by_label(&t, &CHECK_IN_ANSWERS).or_else(|| {
                    crate::domain::answer::yes_or_no(&t)
                        .map(|met| if met { "met" } else { "not_yet" }.to_string())
                }),
            }
        }
    }
    .filter(|a| ["met", "not_yet", "stuck"].contains(&a.as_str()));
    let Some(answer) = answer else {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                ctx.dm(OutMessage::said(Text::msg("checkin-retry"))),
                ctx.dm(message),
            ],
        };
    };
    let Some(m) = ctx.matches.iter().find(|m| m.id == flow.match_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![],
        };
    };
    let mut effects = vec![Effect::AnswerCheckIn {
        match_id: flow.match_id,
        seq: flow.seq,
        user: ctx.user.clone(),
        answer: answer.clone(),
    }];
    let (own_name, own_role, partner) = match m.side_of(ctx.user) {
        Some(RoleKind::Mentor) => (
            &m.mentor_name,
            Text::msg("support-role-mentor"),
            &m.mentee_name,
        ),
        _ => (
            &m.mentee_name,
            Text::msg("support-role-mentee"),
            &m.mentor_name,
        ),
    };
    effects.push(ctx.dm(OutMessage::said(match answer.as_str() {
        "met" => Text::msg("checkin-thanks-met"),
        "not_yet" => Text::msg("checkin-thanks-not-yet").arg("partner", partner.as_str()),
        _ => Text::msg("checkin-thanks-stuck"),
    })));
    if answer == "stuck" {
        let application = match m.side_of(ctx.user) {
            Some(RoleKind::Mentor) => m.mentor_application,
            _ => m.mentee_application,
        };
        effects.extend(ctx.coordinators_room(Some(&m.programme)).map(|room| {
            Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage {
                    thread: Some(super::Thread::Alert),
                    ..OutMessage::said(
                        Text::msg("support-stuck-alert")
                            .arg("m", m.id)
                            .arg("mentee", &m.mentee_name)
                            .arg("mentor", &m.mentor_name)
                            .arg("programme", programme_name(ctx, &m.programme))
                            .arg("name", own_name)
                            .arg("role", own_role)
                            .arg("n", i64::from(flow.seq) + 1)
                            .arg("stuck", Text::msg("checkin-stuck"))
                            .arg("since", Text::date(m.started().date_naive()))
                            .arg("application", application),
                    )
                    .with_said_actions(super::pair_actions(m.id, m.mentee_application))
                },
            }
        }));
    }
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// The open offer this flow is about, if it still waits for this person's answer.
fn open_offer<'c>(ctx: &'c Ctx<'_>, flow: &MatchOffer) -> Option<&'c MatchRecord> {
    let m = ctx.matches.iter().find(|m| m.id == flow.match_id)?;
    let answer = match m.side_of(ctx.user)? {
        RoleKind::Mentee => m.mentee_answer,
        RoleKind::Mentor => m.mentor_answer,
    };
    (m.status == MatchStatus::Approved && answer.is_none()).then_some(m)
}

pub(super) fn offer_message(ctx: &Ctx<'_>, flow: &MatchOffer) -> Option<OutMessage> {
    let m = open_offer(ctx, flow)?;
    let programme = programme_name(ctx, &m.programme);
    let (other, other_role) = match m.side_of(ctx.user)? {
        RoleKind::Mentee => (&m.mentor_name, RoleKind::Mentor),
        RoleKind::Mentor => (&m.mentee_name, RoleKind::Mentee),
    };
    // A mentor asked by a mentee sees what the mentee chose to show (the introduction);
    // the criteria's values come from all of the mentee's answers, so only their names.
    let asked_by_mentee = m.origin == MatchOrigin::Request && other_role == RoleKind::Mentee;
    let mut parts = vec![if asked_by_mentee {
        let asked = Text::msg("offer-asked")
            .arg("other", other.as_str())
            .arg("programme", programme);
        match m.introduction.as_deref().filter(|i| !i.is_empty()) {
            Some(intro) => Text::lines(vec![
                asked,
                Text::msg("offer-introduction").arg("intro", Introduction::read(intro).said()),
            ]),
            None => asked,
        }
    } else {
        Text::msg("offer-proposed")
            .arg("programme", programme)
            .arg("other", other.as_str())
            .arg("role", other_role.as_str())
    }];
    // Why they were matched: the criteria's own words (the programme's).
    if !m.reasons.is_empty() {
        let mut lines = vec![Text::msg("offer-in-common")];
        for reason in &m.reasons {
            lines.push(Text::bullet(if asked_by_mentee {
                reason.criterion.clone()
            } else {
                reason.said()
            }));
        }
        parts.push(Text::lines(lines));
    }
    if let Some(note) = super::pairing::relay_note(m) {
        parts.push(Text::join(
            vec![note, Text::msg("offer-relay-decline")],
            " ",
        ));
    }
    parts.push(match m.deadline {
        Some(d) => Text::msg("offer-accept-by").arg("date", Text::date(d.date_naive())),
        None => Text::msg("offer-accept"),
    });
    Some(OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("match:{}", m.id)),
        ..OutMessage::said(Text::lines(parts)).with_choices(labelled(&OFFER_ANSWERS))
    })
}

/// An offer's answers: each value, and its label's message.
const OFFER_ANSWERS: [(&str, &str); 2] = [("accept", "offer-yes"), ("decline", "offer-no")];

/// An answer to a match offer: accepted (`true`) or declined, if the message is one.
fn offer_answer(content: &Content) -> Option<bool> {
    match content {
        Content::Picked { values, .. } => values.first().map(|v| v == "accept"),
        Content::Text(t) => {
            let t = clean(t, false).to_lowercase();
            match t.trim_end_matches(['.', '!']) {
                "accept" | "yes" | "1" | "i accept" | "ok" | "okay" => Some(true),
                "decline" | "no" | "2" | "i decline" => Some(false),
                other => match by_label(other, &OFFER_ANSWERS).as_deref() {
                    Some("accept") => Some(true),
                    Some(_) => Some(false),
                    None => crate::domain::answer::yes_or_no(other),
                },
            }
        }
    }
}

/// The participant accepts or declines a proposed match.
pub fn offer_step(
    ctx: &Ctx<'_>,
    flow: &MatchOffer,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let Some(m) = open_offer(ctx, flow) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm(OutMessage::said(Text::msg("offer-closed")))],
        };
    };
    let Some(message) = offer_message(ctx, flow) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![],
        };
    };
    let Some(accepted) = offer_answer(content) else {
        if matches!(command, Some(Command::Status)) {
            return Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    ctx.dm(OutMessage::said(super::status_text(ctx))),
                    ctx.dm(message),
                ],
            };
        }
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                ctx.dm(OutMessage::said(Text::msg("offer-retry"))),
                ctx.dm(message),
            ],
        };
    };
    // Checked again at the moment it would start: someone suspended, or no longer ready,
    // since the offer was made never starts a pair.
    if accepted && ctx.blocked_offers.contains(&m.id) {
        return Outcome {
            state: StateChange::Clear,
            effects: super::pairing::withdraw_blocked(ctx, m),
        };
    }
    let side = m.side_of(ctx.user).unwrap_or(RoleKind::Mentee);
    let other_answer = match side {
        RoleKind::Mentee => m.mentor_answer,
        RoleKind::Mentor => m.mentee_answer,
    };
    let mut effects = vec![Effect::AnswerMatch {
        match_id: m.id,
        side,
        accepted,
    }];
    effects.extend(if accepted {
        super::pairing::on_accept(ctx, m, other_answer == Some(true))
    } else {
        super::pairing::on_decline(ctx, m, side)
    });
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}
