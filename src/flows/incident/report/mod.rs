//! `report`: a private, guided incident report, always in the reporter's DM.
//!
//! Steps: category, who or what it concerns (or "I'd rather not say"), whether it concerns
//! a member of the moderation team (asked wherever there are moderators: unless the answer
//! is no, the case is restricted and goes only to the escalation contact), what happened,
//! evidence (optional), urgency, anonymity, then a last look before sending. `back` and
//! `cancel` work throughout. Started from a room (`!tandem report`), the room is noted and
//! the conversation moves to the DM: nothing about the report is said in the room.
//!
//! A new step is a `ReportStep` variant (in order), its question in `prompt` and its
//! answer in `step`; what is taken as evidence lives in `evidence`, what the case is made
//! of in `submit`.

use serde::{Deserialize, Serialize};

use crate::domain::Choice;
use crate::domain::answer::{said_choice, yes_no_labelled, yes_or_no};
use crate::domain::incident::{AboutStaff, NewCase, Severity};
use crate::domain::text::{char_len, clean, file_size};
use crate::flows::command::Command;
use crate::flows::{
    Content, Ctx, Effect, FileStatus, FlowState, HeldFile, InboundFile, OutMessage, Outcome,
    StateChange, Subject,
};
use crate::i18n::Text;

mod evidence;
mod submit;

pub use evidence::files;
pub(in crate::flows) use evidence::take_files;
use evidence::*;
use submit::*;

/// Longest report text, evidence, or answer to a moderator's question, in characters.
pub(in crate::flows) const MAX_TEXT: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStep {
    Category,
    Concerns,
    AboutStaff,
    WhatHappened,
    Evidence,
    Urgency,
    Anonymity,
    Confirm,
}

impl ReportStep {
    fn previous(self) -> Option<ReportStep> {
        use ReportStep::*;
        match self {
            Category => None,
            Concerns => Some(Category),
            AboutStaff => Some(Concerns),
            WhatHappened => Some(AboutStaff),
            Evidence => Some(WhatHappened),
            Urgency => Some(Evidence),
            Anonymity => Some(Urgency),
            Confirm => Some(Anonymity),
        }
    }

    fn next(self) -> ReportStep {
        use ReportStep::*;
        match self {
            Category => Concerns,
            Concerns => AboutStaff,
            AboutStaff => WhatHappened,
            WhatHappened => Evidence,
            Evidence => Urgency,
            Urgency => Anonymity,
            Anonymity | Confirm => Confirm,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFlow {
    pub step: ReportStep,
    pub category: Option<String>,
    /// `Some(None)`: they'd rather not say.
    pub concerns: Option<Option<String>>,
    /// Whether it concerns a member of the moderation team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about_staff: Option<AboutStaff>,
    pub text: Option<String>,
    /// Words typed before the questions asked for them (at the category): the start of
    /// `text`, kept so nobody has to type them again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    pub evidence: Option<Option<String>>,
    pub urgent: Option<bool>,
    pub anonymous: Option<bool>,
    pub room: Option<String>,
    /// A link to the message reported through the platform's own "report message"
    /// (Discord's message menu): kept as evidence.
    #[serde(default)]
    pub message: Option<String>,
    /// That message as the platform copied it when it was reported (for the moderators).
    #[serde(default)]
    pub copy: Option<String>,
    /// Files sent at the evidence step, held (sealed) until the report is sent or dropped.
    #[serde(default)]
    pub files: Vec<HeldFile>,
}

/// `report message <link>`: what the platform's "report message" turns into.
pub fn reported_message(text: &str) -> Option<String> {
    let t = text.trim();
    let head = t.get(..15)?;
    if !head.eq_ignore_ascii_case("report message ") {
        return None;
    }
    let link = t[15..].trim();
    (!link.is_empty() && !link.contains(char::is_whitespace) && link.len() <= 500)
        .then(|| link.to_string())
}

/// What a platform's "report message" turns into: `from` DMs `report message <link>`
/// (the line [`reported_message`] reads back).
pub fn message_report(from: crate::domain::UserRef, link: &str) -> crate::flows::Inbound {
    crate::flows::Inbound {
        from,
        place: crate::domain::Place::Dm,
        content: Content::Text(format!("report message {link}")),
        files: vec![],
    }
}

/// Whether a room message is the bare report command (`!tandem report`): sent as a
/// reply to someone's message, a platform may turn it into a report of that message
/// (Matrix, whose own "report" goes to the homeserver's admins, not to bots).
pub fn is_bare_report(text: &str, prefix: &str) -> bool {
    crate::flows::strip_prefix_ci(text.trim(), prefix)
        .is_some_and(|rest| rest.eq_ignore_ascii_case("report"))
}

/// Starts a report about one message, which is attached as evidence: its link, and the
/// copy the platform made of it when the platform's own "report message" was used.
pub fn start_about_message(ctx: &Ctx<'_>, link: String) -> Outcome {
    let mut outcome = start(ctx, None);
    if let StateChange::Set(FlowState::Report(flow)) = &mut outcome.state {
        if let Subject::Reported(copy) = ctx.subject
            && copy.link == link
        {
            flow.copy = Some(copy_text(copy));
        }
        flow.message = Some(link);
    }
    outcome
}

/// Starts a report; `room` is where `!tandem report` was written, if not in a DM.
pub fn start(ctx: &Ctx<'_>, room: Option<String>) -> Outcome {
    let limit = ctx.moderation.max_reports_per_day as usize;
    if limit > 0 && ctx.reports.len() >= limit {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![ctx.dm(OutMessage::said(
                Text::msg("report-limit").arg("count", ctx.reports.len()),
            ))],
        };
    }
    let flow = ReportFlow {
        step: ReportStep::Category,
        category: None,
        concerns: None,
        about_staff: None,
        text: None,
        opening: None,
        evidence: None,
        urgent: None,
        anonymous: None,
        room,
        message: None,
        copy: None,
        files: vec![],
    };
    Outcome {
        state: StateChange::Set(FlowState::Report(flow.clone())),
        effects: vec![
            ctx.dm(OutMessage::said(Text::msg("report-start"))),
            ctx.dm(prompt(ctx, &flow)),
        ],
    }
}

pub(in crate::flows) fn prompt(ctx: &Ctx<'_>, flow: &ReportFlow) -> OutMessage {
    // A question with choices: picked by button, or answered by number or word.
    let ask = |text: Text, choices: Vec<(Choice, Text)>, at: &str| OutMessage {
        pick: Some((1, 1)),
        prompt_ref: Some(format!("report:{at}")),
        ..OutMessage::said(text).with_choices(choices)
    };
    let said = |text: Text| OutMessage::said(text);
    match flow.step {
        ReportStep::Category => ask(
            Text::msg("report-category"),
            // The community's categories, as its settings name them (the built-in ones
            // in the reporter's language).
            ctx.moderation
                .categories
                .iter()
                .map(|c| said_choice(&c.id, c.said()))
                .collect(),
            "category",
        ),
        ReportStep::Concerns => said(Text::msg("report-concerns")),
        ReportStep::AboutStaff => {
            let mut choices = yes_no_labelled();
            choices.push(said_choice(
                "rather_not_say",
                Text::msg("report-rather-not-say"),
            ));
            ask(Text::msg("report-about-staff"), choices, "about_staff")
        }
        ReportStep::WhatHappened => match &flow.opening {
            Some(kept) => said(Text::msg("report-what-happened-more").arg("kept", kept.as_str())),
            None => said(Text::msg("report-what-happened")),
        },
        ReportStep::Evidence => said(evidence_question(ctx, flow)),
        ReportStep::Urgency => ask(Text::msg("report-urgency"), yes_no_labelled(), "urgency"),
        ReportStep::Anonymity => ask(
            match flow.files.is_empty() {
                true => Text::msg("report-anonymity"),
                false => Text::msg("report-anonymity-files"),
            },
            yes_no_labelled(),
            "anonymity",
        ),
        ReportStep::Confirm => ask(
            Text::paragraphs(vec![summary(ctx, flow), Text::msg("report-send")]),
            yes_no_labelled(),
            "confirm",
        ),
    }
}

/// Drops the files a report held, when it is discarded.
fn discarded(ctx: &Ctx<'_>, flow: &ReportFlow) -> Outcome {
    let mut effects = Vec::new();
    if !flow.files.is_empty() {
        effects.push(Effect::DropHeldFiles {
            holder: ctx.user.clone(),
            ids: flow.files.iter().map(|f| f.id).collect(),
        });
    }
    effects.push(ctx.dm(OutMessage::said(Text::msg("report-discarded"))));
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// Yes or no, picked or typed in any shipped language (`sí`, `نعم`), or by number.
fn yes_no(content: &Content) -> Option<bool> {
    match content {
        Content::Picked { values, .. } => yes_or_no(values.first()?),
        Content::Text(t) => yes_or_no(&clean(t, false)),
    }
}

/// One step of a report.
pub fn step(
    ctx: &Ctx<'_>,
    flow: &ReportFlow,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let again = |note: Text| Outcome {
        state: StateChange::Unchanged,
        effects: vec![ctx.dm(OutMessage::said(note)), ctx.dm(prompt(ctx, flow))],
    };
    let advance = |next: ReportFlow| {
        let message = prompt(ctx, &next);
        Outcome {
            state: StateChange::Set(FlowState::Report(next)),
            effects: vec![ctx.dm(message)],
        }
    };
    let text = match content {
        Content::Text(t) => Some(t.as_str()),
        Content::Picked { .. } => None,
    };
    match command {
        Some(Command::Cancel) => return discarded(ctx, flow),
        Some(Command::Back) => {
            let Some(mut previous) = flow.step.previous() else {
                return again(Text::msg("report-first-step"));
            };
            if !asked(ctx, previous) {
                previous = previous.previous().unwrap_or(previous);
            }
            let mut next = flow.clone();
            next.step = previous;
            return advance(next);
        }
        Some(Command::Help) => {
            return again(Text::msg("report-help"));
        }
        _ => {}
    }
    let mut next = flow.clone();
    match flow.step {
        ReportStep::Category => {
            let chosen = match content {
                Content::Picked { values, .. } => values.first().cloned(),
                Content::Text(t) => {
                    let t = clean(t, false);
                    let cats = &ctx.moderation.categories;
                    t.parse::<usize>()
                        .ok()
                        .and_then(|n| cats.get(n.checked_sub(1)?))
                        // Its id, or its label in whichever language it was read in.
                        .or_else(|| cats.iter().find(|c| c.is_named(&t)))
                        .map(|c| c.id.clone())
                }
            };
            match chosen.filter(|c| ctx.moderation.category(c).is_some()) {
                Some(c) => next.category = Some(c),
                None => {
                    // Someone who starts telling what happened is not made to type it
                    // again: their words are kept for the report, and the choice asked.
                    let words = clean(text.unwrap_or_default(), true);
                    if char_len(&words) >= 10 && char_len(&words) <= MAX_TEXT {
                        next.opening = Some(match &flow.opening {
                            Some(before) => format!("{before}\n{words}"),
                            None => words,
                        });
                        return Outcome {
                            state: StateChange::Set(FlowState::Report(next)),
                            effects: vec![
                                ctx.dm(OutMessage::said(Text::msg("report-kept"))),
                                ctx.dm(prompt(ctx, flow)),
                            ],
                        };
                    }
                    return again(Text::msg("report-pick-category"));
                }
            }
        }
        ReportStep::Concerns => {
            let t = clean(text.unwrap_or_default(), false);
            if matches!(command, Some(Command::Skip)) || rather_not_say(&t) {
                next.concerns = Some(None);
            } else if t.is_empty() {
                return again(Text::msg("report-concerns-empty"));
            } else if char_len(&t) > 200 {
                return again(Text::msg("report-concerns-long"));
            } else if t.trim_start_matches('@').eq_ignore_ascii_case(&ctx.user.id) {
                return again(Text::msg("report-yourself"));
            } else {
                next.concerns = Some(Some(t));
            }
        }
        ReportStep::AboutStaff => match about_staff(content) {
            Some(answer) => next.about_staff = Some(answer),
            None => return again(Text::msg("report-about-staff-retry")),
        },
        ReportStep::WhatHappened => {
            let t = clean(text.unwrap_or_default(), true);
            // What they wrote earlier is kept; this adds to it, or `skip` leaves it.
            let t = match &flow.opening {
                Some(before) if t.is_empty() || matches!(command, Some(Command::Skip)) => {
                    before.clone()
                }
                Some(before) => format!("{before}\n{t}"),
                None => t,
            };
            if char_len(&t) < 10 {
                return again(Text::msg("report-too-short"));
            }
            if char_len(&t) > MAX_TEXT {
                return again(
                    Text::msg("report-too-long")
                        .arg("max", Text::number(MAX_TEXT))
                        .arg("count", Text::number(char_len(&t))),
                );
            }
            next.text = Some(t);
        }
        ReportStep::Evidence => {
            let t = clean(text.unwrap_or_default(), true);
            let done = matches!(command, Some(Command::Skip))
                || t.is_empty()
                || DONE
                    .contains(&crate::domain::text::fold(t.trim_end_matches(['.', '!'])).as_str());
            if done {
                // What was said already (a file's caption, an earlier answer) stays;
                // otherwise only the reported message.
                if !matches!(flow.evidence, Some(Some(_))) {
                    next.evidence = Some(attached(flow));
                }
            } else if char_len(&t) > MAX_TEXT {
                return again(Text::msg("report-evidence-long").arg("max", Text::number(MAX_TEXT)));
            } else {
                next.evidence = Some(Some(match attached(flow) {
                    Some(reported) => format!("{reported}\n{t}"),
                    None => t,
                }));
            }
        }
        ReportStep::Urgency => match yes_no(content) {
            Some(b) => next.urgent = Some(b),
            None => return again(Text::msg("report-yes-or-no")),
        },
        ReportStep::Anonymity => match yes_no(content) {
            Some(b) => next.anonymous = Some(b),
            None => return again(Text::msg("report-yes-or-no")),
        },
        ReportStep::Confirm => {
            return match yes_no(content) {
                Some(true) => submit(ctx, flow),
                Some(false) => discarded(ctx, flow),
                None => again(Text::msg("report-confirm-retry")),
            };
        }
    }
    next.step = flow.step.next();
    if !asked(ctx, next.step) {
        next.step = next.step.next();
    }
    advance(next)
}

/// Whether a step is asked: the question about the moderation team only where there is
/// one.
fn asked(ctx: &Ctx<'_>, step: ReportStep) -> bool {
    step != ReportStep::AboutStaff || !ctx.moderation.moderators.is_empty()
}

fn about_staff(content: &Content) -> Option<AboutStaff> {
    let v = match content {
        Content::Picked { values, .. } => values.first()?.clone(),
        Content::Text(t) => clean(t, false),
    };
    if v.trim() == "3" || rather_not_say(&v) {
        return Some(AboutStaff::RatherNotSay);
    }
    yes_or_no(&v).map(|yes| if yes { AboutStaff::Yes } else { AboutStaff::No })
}

/// What says "I'd rather not say" (or "I don't know"), in every shipped language (folded).
#[rustfmt::skip]
const RATHER_NOT_SAY: &[&str] = &[
    "rather_not_say", "i'd rather not say", "rather not say", "skip", "not sure", "i don't know",
    "don't know", // English
    "prefiero no decirlo", "prefiero no decir", "no lo se", "no se", // Spanish
    "افضل الا اقول", "افضل عدم القول", "لا اعرف", "لست متاكدا", // Arabic (folded)
];

/// What says "that's all" to the evidence question, in every shipped language (folded).
const DONE: &[&str] = &["done", "hecho", "listo", "eso es todo", "تم", "انتهيت"];

fn rather_not_say(typed: &str) -> bool {
    let t = crate::domain::text::fold(typed.trim().trim_end_matches(['.', '!'])).replace('’', "'");
    RATHER_NOT_SAY.contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bare_report_command_can_report_the_message_it_answers() {
        assert!(is_bare_report("!tandem report", "!tandem"));
        assert!(is_bare_report("  !TANDEM   Report ", "!tandem"));
        assert!(!is_bare_report("!tandem report 3", "!tandem"));
        assert!(!is_bare_report("!tandem reports", "!tandem"));
        assert!(!is_bare_report("report", "!tandem"));
        assert!(!is_bare_report("!tandemreport", "!tandem"));
    }
}
