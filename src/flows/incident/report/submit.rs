//! Sending a report: the last look (`summary`), whether the case is restricted to the
//! escalation contact, repeated reports about the same person, and the case it becomes.
//!
//! What a case carries from its report is decided in `submit`.

use super::*;

pub(super) fn summary(ctx: &Ctx<'_>, flow: &ReportFlow) -> Text {
    let category = flow
        .category
        .as_deref()
        .and_then(|c| ctx.moderation.category(c))
        .map_or_else(|| Text::plain("-"), |c| c.said());
    let or = |given: Option<String>, none: &str| given.map_or_else(|| Text::msg(none), Text::plain);
    let yes_no = |yes: bool| Text::lower(Text::msg(if yes { "choice-yes" } else { "choice-no" }));
    let mut lines = vec![
        Text::msg("report-summary"),
        Text::msg("report-summary-what").arg("category", category),
        Text::msg("report-summary-concerns").arg(
            "concerns",
            or(flow.concerns.clone().flatten(), "report-summary-not-said"),
        ),
    ];
    lines.extend(flow.about_staff.map(|a| {
        Text::msg(match a {
            AboutStaff::Yes => "report-summary-staff-yes",
            AboutStaff::No => "report-summary-staff-no",
            AboutStaff::RatherNotSay => "report-summary-staff-rather-not",
        })
    }));
    lines.push(
        Text::msg("report-summary-happened").arg("text", flow.text.clone().unwrap_or_default()),
    );
    lines.push(Text::msg("report-summary-evidence").arg(
        "evidence",
        or(flow.evidence.clone().flatten(), "report-summary-none"),
    ));
    if !flow.files.is_empty() {
        lines.push(Text::msg("report-summary-files").arg("files", files_list(&flow.files)));
    }
    lines.push(Text::msg("report-summary-urgent").arg("answer", yes_no(flow.urgent == Some(true))));
    lines.push(
        Text::msg("report-summary-anonymous").arg("answer", yes_no(flow.anonymous == Some(true))),
    );
    Text::lines(lines)
}

/// Whether a report goes only to the escalation contact: unless the reporter said it is
/// not about the moderation team, or wherever it names a moderator (by id, alias or
/// display name), whatever they answered.
pub(super) fn restricted(ctx: &Ctx<'_>, flow: &ReportFlow) -> bool {
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
pub(super) fn repeated(
    ctx: &Ctx<'_>,
    concerns: Option<&str>,
    severity: Severity,
    (restricted, programme): (bool, Option<&str>),
) -> Option<i64> {
    let concerns = concerns?.to_lowercase();
    ctx.reports
        .iter()
        .find(|r| {
            r.restricted == restricted
                && r.programme.as_deref() == programme
                && r.status != crate::domain::incident::CaseStatus::Resolved
                && r.severity >= severity
                && ctx.now - r.created_at <= chrono::Duration::hours(1)
                && r.concerns.as_deref().map(str::to_lowercase).as_deref() == Some(&concerns)
        })
        .map(|r| r.case_id)
}

pub(super) fn submit(ctx: &Ctx<'_>, flow: &ReportFlow) -> Outcome {
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
        None => repeated(
            ctx,
            concerns.as_deref(),
            severity,
            (restricted, programme_of(ctx, flow).as_deref()),
        ),
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
            programme_of(ctx, flow).as_deref(),
            // (The detail as the case's log keeps it.)
            OutMessage::said(Text::lines(vec![
                Text::msg("case-added-report").arg("n", case_id),
                Text::plain(detail),
            ])),
        ));
        effects.push(ctx.dm(OutMessage::said(
            Text::msg("report-added").arg("case", case_id),
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
            programme: programme_of(ctx, flow),
        })],
    }
}

/// The programme a report belongs to: that of the pair room it was reported from, else
/// the reporter's only programme; `None` when that is not one programme (its case is then
/// the community's moderators').
fn programme_of(ctx: &Ctx<'_>, flow: &ReportFlow) -> Option<String> {
    if let Some(room) = &flow.room
        && let Some(m) = ctx.matches.iter().find(|m| {
            m.room.as_deref() == Some(room.as_str())
                || m.relay_room.as_deref() == Some(room.as_str())
        })
    {
        return Some(m.programme.clone());
    }
    let mut theirs: Vec<&str> = ctx
        .applications
        .iter()
        .map(|a| a.programme.as_str())
        .collect();
    theirs.sort_unstable();
    theirs.dedup();
    match theirs.as_slice() {
        [only] => Some(only.to_string()),
        _ => None,
    }
}
