//! How a case is shown: its card (with who it is linked to), and the DM that names an
//! anonymous reporter to the two moderators who revealed them.

use super::*;

/// Who reported, as the card shows it: a named reporter, never an anonymous one, even
/// once revealed (that went to the two moderators who asked, by DM).
pub(super) fn reporter_label(case: &CaseRecord) -> String {
    match &case.reporter {
        Some(r) if !case.anonymous => r.to_string(),
        _ if case.reveals.len() >= 2 => format!(
            "anonymous reporter (revealed to {} by direct message)",
            and_list(&case.reveals)
        ),
        _ => "anonymous reporter".into(),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The DM that tells a moderator who reported a case anonymously, once they and `with`
/// asked to know. Sent by the app, which alone unseals the reporter.
pub fn revealed_message(
    case_id: i64,
    reporter: &crate::domain::UserRef,
    with: &[crate::domain::UserRef],
) -> OutMessage {
    let others: Vec<String> = with.iter().map(|u| u.id.clone()).collect();
    let keep = if others.is_empty() {
        " Please keep this to yourself and the people who need it.".to_string()
    } else {
        format!(
            " You and {} asked to know. Please keep this between the two of you and the people who need it.",
            and_list(&others)
        )
    };
    OutMessage::text(format!(
        "The reporter of case #{case_id} is {reporter}.{keep}"
    ))
}

/// The case card moderators see, with its actions while the case is open.
/// The case card with its buttons, for the moderators' room `room`.
pub fn card_message(ctx: &Ctx<'_>, case: &CaseRecord, room: &RoomRef) -> OutMessage {
    let n = case.id;
    let mut actions = Vec::new();
    if case.status != CaseStatus::Resolved {
        if case.claimed_by.is_none() {
            actions.push(CardAction::new("Claim", format!("case claim {n}")));
        }
        actions.push(CardAction::asking(
            "Note",
            format!("case note {n}"),
            "Internal note (moderators only)",
        ));
        actions.push(CardAction::asking(
            "Ask the reporter",
            format!("case ask {n}"),
            "Question, relayed by DM",
        ));
        actions.push(CardAction::asking(
            "Resolve",
            format!("case resolve {n}"),
            "Outcome, told to the reporter",
        ));
    }
    OutMessage {
        actions,
        ..OutMessage::text(card(ctx, case, ctx.room_prefix, Some(room)))
    }
    .starts_thread(crate::flows::case_thread(n))
}

/// The case card's text, with its commands written with `prefix`, as shown in `room`
/// (`None`: a DM, the escalation contact's). A programme's own moderators' room sees the
/// linked people's applications and matches in its programmes only: the others are not
/// its moderators' business.
pub fn card(ctx: &Ctx<'_>, case: &CaseRecord, prefix: &str, room: Option<&RoomRef>) -> String {
    let scope = room.and_then(|r| ctx.rooms.view_scope(r));
    let category = ctx
        .moderation
        .category(&case.category)
        .map(|c| c.label.clone())
        .unwrap_or_else(|| case.category.clone());
    let mut s = format!(
        "Case #{} · {} · {} · {}\nReported by: {}, {}\nConcerns: {}",
        case.id,
        category,
        case.severity.as_str().to_uppercase(),
        case.status,
        reporter_label(case),
        case.created_at.format("%-d %b %Y %H:%M UTC"),
        case.concerns.as_deref().unwrap_or("(not said)")
    );
    if let Some(room) = &case.room {
        s.push_str(&format!("\nReported from room: {room}"));
    }
    if keeper(ctx, case) == Keeper::Contact {
        s.push_str(&format!(
            "\nRestricted: {}, so only the escalation contact sees and works it.",
            match case.about_staff {
                Some(crate::domain::incident::AboutStaff::Yes) => {
                    "the reporter said it concerns a member of the moderation team"
                }
                Some(crate::domain::incident::AboutStaff::RatherNotSay) => {
                    "the reporter would rather not say whether it concerns a member of the moderation team"
                }
                _ => "it names a member of the moderation team",
            }
        ));
    }
    s.push_str(&format!("\nWhat happened: {}", case.text));
    if let Some(e) = &case.evidence {
        s.push_str(&format!("\nEvidence: {e}"));
    }
    if let Some(copy) = &case.copy {
        s.push_str(&format!("\nReported message, as Tandem copied it: {copy}"));
    }
    if !case.files.is_empty() {
        s.push_str(&format!(
            "\nFiles: {} ({}); to open them: {}",
            case.files.len(),
            case.files
                .iter()
                .map(|f| f.describe())
                .collect::<Vec<_>>()
                .join("; "),
            typed(prefix, format!("case evidence {}", case.id))
        ));
    }
    for subject in &case.subjects {
        s.push_str(&format!(
            "\nLinked: {}",
            subject_line(subject, scope.as_deref())
        ));
    }
    if let Some(by) = &case.claimed_by {
        s.push_str(&format!("\nClaimed by: {by}"));
    }
    if let Some(outcome) = &case.outcome {
        s.push_str(&format!("\nOutcome: {outcome}"));
    }
    let n = case.id;
    s.push_str(&format!(
        "\nReply here: {}",
        [
            format!("case claim {n}"),
            format!("case note {n} <text>"),
            format!("case ask {n} <question>"),
            format!("case resolve {n} <outcome>"),
        ]
        .into_iter()
        .map(|c| typed(prefix, c))
        .collect::<Vec<_>>()
        .join(" · ")
    ));
    s
}

/// `Grace (console:grace): application A2 (ready); match M1 (active, frozen)`. A match is
/// named by its number only: its other member may be an anonymous reporter.
/// A linked person and their applications and running matches; only those of the
/// programmes in `scope`, when given.
pub(super) fn subject_line(
    subject: &crate::domain::incident::CaseSubject,
    scope: Option<&[&str]>,
) -> String {
    let shown = |programme: &str| scope.is_none_or(|s| s.contains(&programme));
    let mut parts: Vec<String> = subject
        .applications
        .iter()
        .filter(|(_, _, programme)| shown(programme))
        .map(|(id, status, _)| format!("application A{id} ({status})"))
        .collect();
    parts.extend(
        subject
            .open_matches()
            .filter(|m| shown(&m.programme))
            .map(|m| {
                format!(
                    "match M{} ({}{})",
                    m.id,
                    m.status,
                    if m.frozen { ", frozen" } else { "" }
                )
            }),
    );
    if parts.is_empty() {
        subject.label()
    } else {
        format!("{}: {}", subject.label(), parts.join("; "))
    }
}
