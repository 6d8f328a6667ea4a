//! `report`: a private, guided incident report, always in the reporter's DM.
//!
//! Steps: category, who or what it concerns (or "I'd rather not say"), whether it concerns
//! a member of the moderation team (asked wherever there are moderators: unless the answer
//! is no, the case is restricted and goes only to the escalation contact), what happened,
//! evidence (optional), urgency, anonymity, then a last look before sending. `back` and
//! `cancel` work throughout. Started from a room (`!tandem report`), the room is noted and
//! the conversation moves to the DM: nothing about the report is said in the room.

use serde::{Deserialize, Serialize};

use crate::domain::Choice;
use crate::domain::answer::{yes_no_and, yes_no_choices};
use crate::domain::incident::{AboutStaff, NewCase, Severity};
use crate::domain::text::{char_len, clean, file_size, thousands};
use crate::flows::command::Command;
use crate::flows::{
    Content, Ctx, Effect, FileStatus, FlowState, HeldFile, InboundFile, OutMessage, Outcome,
    StateChange, Subject,
};

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

/// Longest copy of a reported message kept, in characters.
const MAX_COPY: usize = 1000;

fn copy_text(copy: &crate::flows::ReportedMessage) -> String {
    let text = clean(&copy.text, true);
    let when = copy
        .at
        .map(|at| format!(", {}", at.format("%-d %b %Y %H:%M UTC")))
        .unwrap_or_default();
    let what = if text.is_empty() {
        "(no text: only files or embeds)".to_string()
    } else {
        format!("“{}”", crate::domain::text::preview(&text, MAX_COPY))
    };
    format!("{}{when}: {what}", clean(&copy.author, false))
}

/// The reported message's link, the start of the evidence. Its copy is kept apart (the
/// case's own field, never shown to the reporter), so typed words never pass for one.
fn attached(flow: &ReportFlow) -> Option<String> {
    flow.message.clone()
}

/// Starts a report; `room` is where `!tandem report` was written, if not in a DM.
pub fn start(ctx: &Ctx<'_>, room: Option<String>) -> Outcome {
    let limit = ctx.moderation.max_reports_per_day as usize;
    if limit > 0 && ctx.reports.len() >= limit {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![ctx.dm_text(format!(
                "You have sent {} reports in the last day; the moderation team will get to each of them. If someone is in danger now, please contact local emergency services; otherwise you can report again tomorrow.",
                ctx.reports.len()
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
            ctx.dm_text(
                "I'm sorry something has happened. This report is private: only the moderation team sees it, and you can choose to stay anonymous to them. Type back to change an answer or cancel to stop at any time.",
            ),
            ctx.dm(prompt(ctx, &flow)),
        ],
    }
}

pub(in crate::flows) fn prompt(ctx: &Ctx<'_>, flow: &ReportFlow) -> OutMessage {
    let text = |t: &str| OutMessage::text(t);
    match flow.step {
        ReportStep::Category => OutMessage {
            text: "What would you like to report?".into(),
            choices: ctx
                .moderation
                .categories
                .iter()
                .map(|c| Choice {
                    value: c.id.clone(),
                    label: c.label.clone(),
                })
                .collect(),
            pick: Some((1, 1)),
            prompt_ref: Some("report:category".into()),
            ..Default::default()
        },
        ReportStep::Concerns => text(
            "Who or what does it concern? A person's name, a pair or a room. If you'd rather not say, type skip.",
        ),
        ReportStep::AboutStaff => OutMessage {
            text: "Does this concern a member of the moderation team? If it does, or if you'd rather not say, your report goes only to the programme's safeguarding lead, not to the moderators.".into(),
            choices: yes_no_and("rather_not_say", "I'd rather not say"),
            pick: Some((1, 1)),
            prompt_ref: Some("report:about_staff".into()),
            ..Default::default()
        },
        ReportStep::WhatHappened => match &flow.opening {
            Some(kept) => text(&format!(
                "Here is what you wrote so far:\n“{kept}”\nIs there anything to add (when and where, if you can)? Type it, or type skip if that's all."
            )),
            None => text("What happened? Take your time, and include when and where if you can."),
        },
        ReportStep::Evidence => text(&evidence_question(ctx, flow)),
        ReportStep::Urgency => OutMessage {
            text: "Is someone in danger now, or does this need attention today?".into(),
            choices: yes_no_choices(),
            pick: Some((1, 1)),
            prompt_ref: Some("report:urgency".into()),
            ..Default::default()
        },
        ReportStep::Anonymity => OutMessage {
            text: format!(
                "Would you like to stay anonymous to the moderators? They can still ask you questions through me, without learning who you are.{}",
                if flow.files.is_empty() {
                    ""
                } else {
                    " (Your files go to them as they are, apart from a photo's hidden details: a screenshot that shows your name or picture will show it to them.)"
                }
            ),
            choices: yes_no_choices(),
            pick: Some((1, 1)),
            prompt_ref: Some("report:anonymity".into()),
            ..Default::default()
        },
        ReportStep::Confirm => OutMessage {
            text: format!("{}\n\nSend this report?", summary(ctx, flow)),
            choices: yes_no_choices(),
            pick: Some((1, 1)),
            prompt_ref: Some("report:confirm".into()),
            ..Default::default()
        },
    }
}

fn evidence_question(ctx: &Ctx<'_>, flow: &ReportFlow) -> String {
    let mut s = match &flow.message {
        Some(link) => format!(
            "I've attached the message you reported ({link}). Is there anything else that shows it, such as links to other messages, screenshots or a description?"
        ),
        None => "Is there anything that shows it, such as links to messages, screenshots or a description?".into(),
    };
    let limits = ctx.moderation.evidence;
    if limits.files > 0 {
        s.push_str(&format!(
            " You can send screenshots, photos or text files here (PNG, JPEG, WebP, GIF or plain text; up to {}, {} each); only the moderators can open them.",
            limits.files,
            file_size(limits.max_bytes)
        ));
    }
    if safeguarding(ctx, flow) {
        s.push_str(" Please don't send pictures of a young person: describe them instead.");
    }
    if flow.files.is_empty() {
        s.push_str(" Type skip if not.");
    } else {
        s.push_str(&format!(
            "\nSo far: {}. Type done when that's everything.",
            files_list(&flow.files)
        ));
    }
    s
}

fn files_list(files: &[HeldFile]) -> String {
    files
        .iter()
        .map(HeldFile::describe)
        .collect::<Vec<_>>()
        .join(", ")
}

fn safeguarding(ctx: &Ctx<'_>, flow: &ReportFlow) -> bool {
    flow.category
        .as_deref()
        .and_then(|c| ctx.moderation.category(c))
        .is_some_and(|c| c.safeguarding)
}

/// Files sent where they are wanted, sorted: those kept (at most `room` of them), the
/// effects dropping the held ones beyond it, and a note for each file not kept.
pub(in crate::flows) fn take_files(
    ctx: &Ctx<'_>,
    files: &[InboundFile],
    room: usize,
) -> (Vec<HeldFile>, Vec<Effect>, Vec<String>) {
    let mut keep = Vec::new();
    let mut extra = Vec::new();
    let mut notes = Vec::new();
    for f in files {
        match &f.status {
            FileStatus::Held(h) if keep.len() < room => keep.push(h.clone()),
            FileStatus::Held(h) => extra.push((f.name.clone(), Some(h.id))),
            // Not fetched: more files than a report takes.
            FileStatus::Received => extra.push((f.name.clone(), None)),
            FileStatus::TooLarge { limit } => notes.push(format!(
                "“{}” is too large{}: files can be up to {}. It was not kept.",
                f.name,
                f.size
                    .map(|s| format!(" ({})", file_size(s)))
                    .unwrap_or_default(),
                file_size(*limit)
            )),
            FileStatus::Failed => notes.push(format!(
                "I couldn't fetch “{}”. Please send it again.",
                f.name
            )),
            FileStatus::Uncleanable => notes.push(format!(
                "I couldn't remove the hidden details from “{}” (a photo can carry where and by whom it was taken), so I didn't keep it. A screenshot of it will work.",
                f.name
            )),
            FileStatus::Unsupported => notes.push(format!(
                "I can't keep “{}”: files of that kind can carry hidden details such as where and by whom they were made, and I can't remove them. A screenshot (PNG or JPEG) of it works.",
                f.name
            )),
        }
    }
    let mut effects = Vec::new();
    if !extra.is_empty() {
        notes.push(format!(
            "I take up to {} files, so I didn't keep {}.",
            ctx.moderation.evidence.files,
            extra
                .iter()
                .map(|(name, _)| format!("“{name}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        let ids: Vec<i64> = extra.iter().filter_map(|(_, id)| *id).collect();
        if !ids.is_empty() {
            effects.push(Effect::DropHeldFiles {
                holder: ctx.user.clone(),
                ids,
            });
        }
    }
    (keep, effects, notes)
}

/// Files sent to a report. At the evidence step they are kept (as many as the limit
/// allows; a caption adds to the evidence's words) and the step stays open for more; at
/// any other step they are dropped and the person is told when to send them.
pub fn files(ctx: &Ctx<'_>, flow: &ReportFlow, files: &[InboundFile], caption: &str) -> Outcome {
    if flow.step != ReportStep::Evidence {
        let mut effects: Vec<Effect> = crate::flows::drop_held(ctx, files).into_iter().collect();
        effects.push(ctx.dm_text(
            "I'll ask for screenshots and files at the evidence step: please send them then.",
        ));
        effects.push(ctx.dm(prompt(ctx, flow)));
        return Outcome {
            state: StateChange::Unchanged,
            effects,
        };
    }
    let room = (ctx.moderation.evidence.files as usize).saturating_sub(flow.files.len());
    let (keep, mut effects, mut notes) = take_files(ctx, files, room);
    let mut next = flow.clone();
    next.files.extend(keep.iter().cloned());
    let caption = clean(caption, true);
    // Each file's caption adds to the evidence's words (Matrix sends one file a message).
    if !caption.is_empty() {
        let text = match (&flow.evidence, attached(flow)) {
            (Some(Some(before)), _) => format!("{before}\n{caption}"),
            (_, Some(reported)) => format!("{reported}\n{caption}"),
            (_, None) => caption,
        };
        if char_len(&text) <= MAX_TEXT {
            next.evidence = Some(Some(text));
        }
    }
    if !keep.is_empty() {
        notes.insert(0, format!("Kept: {}.", files_list(&keep)));
    }
    effects.extend(notes.into_iter().map(|n| ctx.dm_text(n)));
    effects.push(ctx.dm(prompt(ctx, &next)));
    Outcome {
        state: if next == *flow {
            StateChange::Unchanged
        } else {
            StateChange::Set(FlowState::Report(next))
        },
        effects,
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
    effects.push(
        ctx.dm_text(
            "Your report was discarded; nothing was sent. You can type report at any time.",
        ),
    );
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

fn summary(ctx: &Ctx<'_>, flow: &ReportFlow) -> String {
    let category = flow
        .category
        .as_deref()
        .and_then(|c| ctx.moderation.category(c))
        .map(|c| c.label.as_str())
        .unwrap_or("-");
    format!(
        "Your report:\n• What: {category}\n• Concerns: {}{}\n• What happened: {}\n• Evidence: {}{}\n• Urgent: {}\n• Anonymous to moderators: {}",
        flow.concerns
            .clone()
            .flatten()
            .unwrap_or_else(|| "(not said)".into()),
        match flow.about_staff {
            None => "",
            Some(AboutStaff::Yes) => {
                "\n• About the moderation team: yes (only the safeguarding lead will see it)"
            }
            Some(AboutStaff::No) => "\n• About the moderation team: no",
            Some(AboutStaff::RatherNotSay) => {
                "\n• About the moderation team: you'd rather not say (only the safeguarding lead will see it)"
            }
        },
        flow.text.clone().unwrap_or_default(),
        flow.evidence
            .clone()
            .flatten()
            .unwrap_or_else(|| "(none)".into()),
        if flow.files.is_empty() {
            String::new()
        } else {
            format!("\n• Files: {}", files_list(&flow.files))
        },
        if flow.urgent == Some(true) {
            "yes"
        } else {
            "no"
        },
        if flow.anonymous == Some(true) {
            "yes"
        } else {
            "no"
        },
    )
}

fn yes_no(content: &Content) -> Option<bool> {
    let v = match content {
        Content::Picked { values, .. } => values.first()?.to_lowercase(),
        Content::Text(t) => clean(t, false).to_lowercase(),
    };
    match v.trim_end_matches(['.', '!']) {
        "yes" | "y" | "1" | "yeah" => Some(true),
        "no" | "n" | "2" | "nope" => Some(false),
        _ => None,
    }
}

/// One step of a report.
pub fn step(
    ctx: &Ctx<'_>,
    flow: &ReportFlow,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    let again = |note: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![ctx.dm_text(note), ctx.dm(prompt(ctx, flow))],
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
                return again("This is the first step.".into());
            };
            if !asked(ctx, previous) {
                previous = previous.previous().unwrap_or(previous);
            }
            let mut next = flow.clone();
            next.step = previous;
            return advance(next);
        }
        Some(Command::Help) => {
            return again("Answer the question below; type back to change the previous answer or cancel to stop.".into());
        }
        _ => {}
    }
    let mut next = flow.clone();
    match flow.step {
        ReportStep::Category => {
            let chosen = match content {
                Content::Picked { values, .. } => values.first().cloned(),
                Content::Text(t) => {
                    let t = clean(t, false).to_lowercase();
                    let cats = &ctx.moderation.categories;
                    t.parse::<usize>()
                        .ok()
                        .and_then(|n| cats.get(n.checked_sub(1)?))
                        .or_else(|| {
                            cats.iter()
                                .find(|c| c.id == t || c.label.to_lowercase() == t)
                        })
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
                                ctx.dm_text("Thank you: I've kept what you wrote, and it will be part of your report. First, which of these is it closest to?"),
                                ctx.dm(prompt(ctx, flow)),
                            ],
                        };
                    }
                    return again("Please answer with the number of one of the options.".into());
                }
            }
        }
        ReportStep::Concerns => {
            let t = clean(text.unwrap_or_default(), false);
            if matches!(command, Some(Command::Skip))
                || t.eq_ignore_ascii_case("i'd rather not say")
            {
                next.concerns = Some(None);
            } else if t.is_empty() {
                return again(
                    "I didn't catch that. Type a name, a pair or a room, or skip.".into(),
                );
            } else if char_len(&t) > 200 {
                return again(
                    "Please keep this short (200 characters); the details come next.".into(),
                );
            } else if t.trim_start_matches('@').eq_ignore_ascii_case(&ctx.user.id) {
                return again("You can't report yourself. If you need help, please talk to your coordinator; if you are in danger, contact local emergency services.".into());
            } else {
                next.concerns = Some(Some(t));
            }
        }
        ReportStep::AboutStaff => match about_staff(content) {
            Some(answer) => next.about_staff = Some(answer),
            None => return again("Please answer yes, no, or 3 if you'd rather not say.".into()),
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
                return again(
                    "Please tell us a little more about what happened (at least a sentence)."
                        .into(),
                );
            }
            if char_len(&t) > MAX_TEXT {
                return again(format!(
                    "Please keep it under {} characters (yours has {}); you can add more later if a moderator asks.",
                    thousands(MAX_TEXT),
                    thousands(char_len(&t))
                ));
            }
            next.text = Some(t);
        }
        ReportStep::Evidence => {
            let t = clean(text.unwrap_or_default(), true);
            let done = matches!(command, Some(Command::Skip))
                || t.is_empty()
                || t.trim_end_matches(['.', '!']).eq_ignore_ascii_case("done");
            if done {
                // What was said already (a file's caption, an earlier answer) stays;
                // otherwise only the reported message.
                if !matches!(flow.evidence, Some(Some(_))) {
                    next.evidence = Some(attached(flow));
                }
            } else if char_len(&t) > MAX_TEXT {
                return again(format!(
                    "Please keep the evidence under {} characters: links or a short description are enough.",
                    thousands(MAX_TEXT)
                ));
            } else {
                next.evidence = Some(Some(match attached(flow) {
                    Some(reported) => format!("{reported}\n{t}"),
                    None => t,
                }));
            }
        }
        ReportStep::Urgency => match yes_no(content) {
            Some(b) => next.urgent = Some(b),
            None => return again("Please answer yes or no.".into()),
        },
        ReportStep::Anonymity => match yes_no(content) {
            Some(b) => next.anonymous = Some(b),
            None => return again("Please answer yes or no.".into()),
        },
        ReportStep::Confirm => {
            return match yes_no(content) {
                Some(true) => submit(ctx, flow),
                Some(false) => discarded(ctx, flow),
                None => again("Please answer yes to send it, or no to discard it.".into()),
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
        Content::Picked { values, .. } => values.first()?.to_lowercase(),
        Content::Text(t) => clean(t, false).to_lowercase(),
    };
    let v = v.trim_end_matches(['.', '!']).replace('’', "'");
    match v.as_str() {
        "yes" | "y" | "1" | "yeah" => Some(AboutStaff::Yes),
        "no" | "n" | "2" | "nope" => Some(AboutStaff::No),
        "3" | "rather_not_say" | "i'd rather not say" | "rather not say" | "skip" | "not sure"
        | "i don't know" | "don't know" => Some(AboutStaff::RatherNotSay),
        _ => None,
    }
}

/// Whether a report goes only to the escalation contact: unless the reporter said it is
/// not about the moderation team, or wherever it names a moderator (by id, alias or
/// display name), whatever they answered.
fn restricted(ctx: &Ctx<'_>, flow: &ReportFlow) -> bool {
    if ctx.moderation.moderators.is_empty() {
        return false;
    }
    if flow.about_staff.is_some_and(|a| a != AboutStaff::No) {
        return true;
    }
    let concerns = flow.concerns.clone().flatten();
    let evidence = flow.evidence.clone().flatten();
    let texts: Vec<&str> = [
        concerns.as_deref(),
        flow.text.as_deref(),
        evidence.as_deref(),
        flow.copy.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    !ctx.moderation.moderators_named(&texts).is_empty()
}

/// The same person about the same person within an hour: their earlier open case, unless
/// the new report is graver (a safeguarding concern after an ordinary one must not be
/// folded into a case that pings nobody).
fn repeated(
    ctx: &Ctx<'_>,
    concerns: Option<&str>,
    severity: Severity,
    restricted: bool,
) -> Option<i64> {
    let concerns = concerns?.to_lowercase();
    ctx.reports
        .iter()
        .find(|r| {
            r.restricted == restricted
                && r.status != crate::domain::incident::CaseStatus::Resolved
                && r.severity >= severity
                && ctx.now - r.created_at <= chrono::Duration::hours(1)
                && r.concerns.as_deref().map(str::to_lowercase).as_deref() == Some(&concerns)
        })
        .map(|r| r.case_id)
}

fn submit(ctx: &Ctx<'_>, flow: &ReportFlow) -> Outcome {
    let category = flow.category.clone().unwrap_or_else(|| "other".into());
    let safeguarding = ctx
        .moderation
        .category(&category)
        .is_some_and(|c| c.safeguarding);
    let severity = if safeguarding {
        Severity::Safeguarding
    } else if flow.urgent == Some(true) {
        Severity::Urgent
    } else {
        Severity::Normal
    };
    let concerns = flow.concerns.clone().flatten();
    let restricted = restricted(ctx, flow);
    // A report with a copy of the message is a case of its own: the copy has its own
    // place on a card, where the reporter's words cannot pass for it.
    let earlier = match flow.copy {
        None => repeated(ctx, concerns.as_deref(), severity, restricted),
        Some(_) => None,
    };
    if let Some(case_id) = earlier {
        let text = flow.text.clone().unwrap_or_default();
        let mut detail = text.clone();
        if let Some(Some(e)) = &flow.evidence {
            detail.push_str(&format!("\nEvidence: {e}"));
        }
        if !flow.files.is_empty() {
            // The escalation contact works a restricted case in their DM, bare.
            let prefix = if restricted { "" } else { ctx.room_prefix };
            detail.push_str(&format!(
                "\n{} more file(s) of evidence: {}case evidence {case_id}",
                flow.files.len(),
                if prefix.is_empty() {
                    String::new()
                } else {
                    format!("{prefix} ")
                }
            ));
        }
        let mut effects = vec![
            Effect::CaseEvent {
                case_id,
                actor: "reporter".into(),
                kind: "added".into(),
                detail: detail.clone(),
            },
            Effect::AttachFiles {
                case_id,
                holder: ctx.user.clone(),
                ids: flow.files.iter().map(|f| f.id).collect(),
            },
        ];
        // At the top, not in the card's thread: it may change how urgent the case is,
        // and its card may have been dealt with already.
        effects.extend(crate::flows::incident::cases::to_case_desk(
            ctx,
            restricted,
            OutMessage::text(format!(
                "Case #{case_id}: the reporter added a new report about the same person:\n{detail}"
            )),
        ));
        effects.push(ctx.dm_text(format!(
            "You reported the same person a short while ago, so I've added this to your report, case #{case_id}. Thank you."
        )));
        return Outcome {
            state: StateChange::Clear,
            effects,
        };
    }
    Outcome {
        state: StateChange::Clear,
        effects: vec![Effect::StoreCase(NewCase {
            reporter: ctx.user.clone(),
            anonymous: flow.anonymous == Some(true),
            category,
            severity,
            concerns: flow.concerns.clone().flatten(),
            text: flow.text.clone().unwrap_or_default(),
            evidence: flow.evidence.clone().flatten(),
            copy: flow.copy.clone(),
            // The room a report came from is kept only for a named report: a pair room
            // has two members, so it would name an anonymous reporter as one of them.
            room: flow.room.clone().filter(|_| flow.anonymous != Some(true)),
            files: flow.files.iter().map(|f| f.id).collect(),
            about_staff: flow.about_staff,
            restricted,
        })],
    }
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
