//! A report's evidence: the reported message's copy, files sent at the evidence step
//! (kept up to a limit, the rest dropped with a word), and the evidence question.
//!
//! A new kind of evidence is taken here and shown in `submit::summary`.

use super::*;

/// Longest copy of a reported message kept, in characters.
pub(super) const MAX_COPY: usize = 1000;

pub(super) fn copy_text(copy: &crate::flows::ReportedMessage) -> String {
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
pub(super) fn attached(flow: &ReportFlow) -> Option<String> {
    flow.message.clone()
}

pub(super) fn evidence_question(ctx: &Ctx<'_>, flow: &ReportFlow) -> Text {
    let mut asked = vec![match &flow.message {
        Some(link) => Text::msg("report-evidence-attached").arg("link", link.as_str()),
        None => Text::msg("report-evidence"),
    }];
    let limits = ctx.moderation.evidence;
    if limits.files > 0 {
        asked.push(
            Text::msg("report-evidence-files")
                .arg("files", i64::from(limits.files))
                .arg("size", file_size(limits.max_bytes)),
        );
    }
    if safeguarding(ctx, flow) {
        asked.push(Text::msg("report-evidence-no-pictures"));
    }
    if flow.files.is_empty() {
        asked.push(Text::msg("report-evidence-skip"));
        return Text::join(asked, " ");
    }
    Text::lines(vec![
        Text::join(asked, " "),
        Text::msg("report-evidence-so-far").arg("files", files_list(&flow.files)),
    ])
}

pub(super) fn files_list(files: &[HeldFile]) -> String {
    files
        .iter()
        .map(HeldFile::describe)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn safeguarding(ctx: &Ctx<'_>, flow: &ReportFlow) -> bool {
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
) -> (Vec<HeldFile>, Vec<Effect>, Vec<Text>) {
    let mut keep = Vec::new();
    let mut extra = Vec::new();
    let mut notes = Vec::new();
    for f in files {
        match &f.status {
            FileStatus::Held(h) if keep.len() < room => keep.push(h.clone()),
            FileStatus::Held(h) => extra.push((f.name.clone(), Some(h.id))),
            // Not fetched: more files than a report takes.
            FileStatus::Received => extra.push((f.name.clone(), None)),
            FileStatus::TooLarge { limit } => notes.push(
                match f.size {
                    Some(size) => Text::msg("file-too-large").arg("size", file_size(size)),
                    None => Text::msg("file-too-large-unmeasured"),
                }
                .arg("name", f.name.as_str())
                .arg("limit", file_size(*limit)),
            ),
            FileStatus::Failed => notes.push(Text::msg("file-failed").arg("name", f.name.as_str())),
            FileStatus::Uncleanable => {
                notes.push(Text::msg("file-uncleanable").arg("name", f.name.as_str()))
            }
            FileStatus::Unsupported => {
                notes.push(Text::msg("file-unsupported").arg("name", f.name.as_str()))
            }
        }
    }
    let mut effects = Vec::new();
    if !extra.is_empty() {
        notes.push(
            Text::msg("file-too-many")
                .arg("max", i64::from(ctx.moderation.evidence.files))
                .arg(
                    "names",
                    extra
                        .iter()
                        .map(|(name, _)| format!("“{name}”"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
        );
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
        effects.push(ctx.dm(OutMessage::said(Text::msg("report-files-later"))));
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
        notes.insert(0, Text::msg("file-kept").arg("files", files_list(&keep)));
    }
    effects.extend(notes.into_iter().map(|n| ctx.dm(OutMessage::said(n))));
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
