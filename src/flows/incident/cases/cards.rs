//! How a case is shown: its card (with who it is linked to), and the DM that names an
//! anonymous reporter to the two moderators who revealed them.

use super::*;

/// Who reported, as the card shows it: a named reporter, never an anonymous one, even
/// once revealed (that went to the two moderators who asked, by DM).
pub(super) fn reporter_label(case: &CaseRecord) -> Text {
    match &case.reporter {
        Some(r) if !case.anonymous => Text::plain(r.to_string()),
        _ if case.reveals.len() >= 2 => {
            Text::msg("case-anonymous-revealed").arg("names", and_list(&case.reveals))
        }
        _ => Text::msg("case-anonymous-reporter"),
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
    let said = if others.is_empty() {
        Text::msg("case-reporter-is")
    } else {
        Text::msg("case-reporter-is-with").arg("others", and_list(&others))
    };
    OutMessage::said(said.arg("n", case_id).arg("reporter", reporter.to_string()))
}

/// The case card moderators see, with its actions while the case is open.
/// The case card with its buttons, for the moderators' room `room`.
pub fn card_message(ctx: &Ctx<'_>, case: &CaseRecord, room: &RoomRef) -> OutMessage {
    let n = case.id;
    let mut actions = Vec::new();
    if case.status != CaseStatus::Resolved {
        if case.claimed_by.is_none() {
            actions.push(SaidAction::new(
                Text::msg("case-button-claim"),
                format!("case claim {n}"),
            ));
        }
        actions.push(SaidAction::asking(
            Text::msg("case-button-note"),
            format!("case note {n}"),
            Text::msg("case-asks-note"),
        ));
        actions.push(SaidAction::asking(
            Text::msg("case-button-ask"),
            format!("case ask {n}"),
            Text::msg("case-asks-question"),
        ));
        actions.push(SaidAction::asking(
            Text::msg("case-button-resolve"),
            format!("case resolve {n}"),
            Text::msg("case-asks-outcome"),
        ));
    }
    OutMessage::said(card(ctx, case, ctx.room_prefix, Some(room)))
        .with_said_actions(actions)
        .starts_thread(crate::flows::case_thread(n))
}

/// The case card's text, with its commands written with `prefix`, as shown in `room`
/// (`None`: a DM, the escalation contact's). A programme's own moderators' room sees the
/// linked people's applications and matches in its programmes only: the others are not
/// its moderators' business.
pub fn card(ctx: &Ctx<'_>, case: &CaseRecord, prefix: &str, room: Option<&RoomRef>) -> Text {
    let scope = room.and_then(|r| ctx.rooms.view_scope(r));
    let category = ctx
        .moderation
        .category(&case.category)
        .map_or_else(|| Text::plain(case.category.as_str()), |c| c.said());
    let mut lines = vec![
        Text::msg("case-card-head")
            .arg("n", case.id)
            .arg("category", category)
            .arg("severity", case.severity.said_loud())
            .arg("status", case.status.said()),
        Text::msg("case-card-reported-by")
            .arg("reporter", reporter_label(case))
            .arg(
                "at",
                case.created_at.format("%-d %b %Y %H:%M UTC").to_string(),
            ),
        Text::msg("case-card-concerns").arg(
            "concerns",
            case.concerns
                .as_deref()
                .map_or_else(|| Text::msg("case-card-not-said"), Text::plain),
        ),
    ];
    if let Some(room) = &case.room {
        lines.push(Text::msg("case-card-from-room").arg("room", room.to_string()));
    }
    if keeper(ctx, case) == Keeper::Contact {
        lines.push(Text::msg(match case.about_staff {
            Some(crate::domain::incident::AboutStaff::Yes) => "case-card-restricted-said",
            Some(crate::domain::incident::AboutStaff::RatherNotSay) => {
                "case-card-restricted-rather-not"
            }
            _ => "case-card-restricted-named",
        }));
    }
    lines.push(Text::msg("case-card-happened").arg("text", case.text.as_str()));
    if let Some(e) = &case.evidence {
        lines.push(Text::msg("case-card-evidence").arg("evidence", e.as_str()));
    }
    if let Some(copy) = &case.copy {
        lines.push(Text::msg("case-card-copy").arg("copy", copy.as_str()));
    }
    if !case.files.is_empty() {
        lines.push(
            Text::msg("case-card-files")
                .arg("count", case.files.len())
                .arg(
                    "files",
                    Text::join(case.files.iter().map(|f| f.said()).collect(), "; "),
                )
                .arg("open", typed(prefix, format!("case evidence {}", case.id))),
        );
    }
    for subject in &case.subjects {
        lines.push(
            Text::msg("case-card-linked").arg("who", subject_line(subject, scope.as_deref())),
        );
    }
    if let Some(by) = &case.claimed_by {
        lines.push(Text::msg("case-card-claimed").arg("by", by));
    }
    if let Some(outcome) = &case.outcome {
        lines.push(Text::msg("case-card-outcome").arg("outcome", outcome.as_str()));
    }
    let n = case.id;
    lines.push(
        Text::msg("case-card-reply").arg(
            "commands",
            [
                format!("case claim {n}"),
                format!("case note {n} <text>"),
                format!("case ask {n} <question>"),
                format!("case resolve {n} <outcome>"),
            ]
            .into_iter()
            .map(|c| typed(prefix, c))
            .collect::<Vec<_>>()
            .join(" · "),
        ),
    );
    Text::lines(lines)
}

/// `Grace (console:grace): application A2 (ready); match M1 (active, frozen)`. A match is
/// named by its number only: its other member may be an anonymous reporter.
/// A linked person and their applications and running matches; only those of the
/// programmes in `scope`, when given.
pub(super) fn subject_line(
    subject: &crate::domain::incident::CaseSubject,
    scope: Option<&[&str]>,
) -> Text {
    let shown = |programme: &str| scope.is_none_or(|s| s.contains(&programme));
    let mut parts: Vec<Text> = subject
        .applications
        .iter()
        .filter(|(_, _, programme)| shown(programme))
        .map(|(id, status, _)| {
            Text::msg("case-subject-application")
                .arg("id", *id)
                .arg("status", status.said_label())
        })
        .collect();
    parts.extend(
        subject
            .open_matches()
            .filter(|m| shown(&m.programme))
            .map(|m| {
                if m.frozen {
                    Text::msg("case-subject-match-frozen")
                } else {
                    Text::msg("case-subject-match")
                }
                .arg("id", m.id)
                .arg("status", m.status.said())
            }),
    );
    if parts.is_empty() {
        Text::plain(subject.label())
    } else {
        Text::join(
            vec![Text::plain(subject.label()), Text::join(parts, "; ")],
            ": ",
        )
    }
}
