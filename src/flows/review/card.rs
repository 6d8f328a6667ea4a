//! What the coordinators see of an application: its card (the answers, the rules' results,
//! questions and decisions, with the buttons to decide), how a person is named on it, and
//! what is posted right after an application is stored.
//!
//! To show something new on the card, add it to `card_body`; a new button goes in its
//! `actions` (the command it sends must parse in `review::parse`).

use super::*;

/// Right after an application is stored: a card for the coordinators when it awaits
/// review, or the acknowledgement prompts when the rules accepted it.
pub fn after_submit(ctx: &Ctx<'_>, programme: &Programme, record: &ApplicationRecord) -> Outcome {
    let mut effects = Vec::new();
    if record.summary.status.awaits_review()
        && let Some(room) = ctx.coordinators_room(Some(&programme.slug))
    {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: card(programme, record),
        });
    }
    // One the rules decided, entered for someone without a chat account: its number, to
    // make a new code with or delete it by (one awaiting review has its card).
    if record.applicant.is_assisted()
        && !record.summary.status.awaits_review()
        && let Some(room) = ctx.coordinators_room(Some(&programme.slug))
    {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                crate::i18n::Text::msg("assist-entered")
                    .arg("id", record.summary.id)
                    .arg("name", display_name(record))
                    .arg("status", record.summary.status.label()),
            ),
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
    let (programme, id) = (&record.summary.programme, record.summary.id);
    held_checks_about(ctx, programme, id, &display_name(record), held)
}

/// [`held_checks_note`] about application `id` to `programme`, of the person `name`.
pub(crate) fn held_checks_about(
    ctx: &Ctx<'_>,
    programme: &str,
    id: i64,
    name: &str,
    held: &[(i64, String)],
) -> Vec<Effect> {
    let Some(room) = ctx
        .coordinators_room(Some(programme))
        .filter(|_| !held.is_empty())
    else {
        return vec![];
    };
    let checks: Vec<String> = held
        .iter()
        .map(|(application, step)| format!("{step} of application A{application}"))
        .collect();
    vec![Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(format!(
            "Please note before deciding on A{id} ({name}): this person deleted their data earlier, and a check of theirs that did not clear is kept under a legal hold for safeguarding: {}.",
            checks.join(", ")
        )),
    }]
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

pub(super) fn display_name(record: &ApplicationRecord) -> String {
    display_name_of(&record.applicant, &record.answers)
}

/// The reviewer's card: the application, the rules' results, questions and decisions.
pub fn card(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    card_body(programme, record).starts_thread(crate::flows::application_thread(record.summary.id))
}

fn card_body(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    let s = &record.summary;
    let role = programme.role(s.role);
    let role_name = role
        .map(|r| r.name.clone())
        .unwrap_or_else(|| s.role.to_string());
    let mut t = format!(
        "Application A{} · {} · {} · {}\nApplicant: {} ({}), submitted {}",
        s.id,
        programme.name,
        role_name,
        s.status.label(),
        display_name(record),
        record.applicant,
        s.submitted_at.format("%-d %b %Y %H:%M UTC")
    );
    if record.applicant.is_assisted() {
        t.push('\n');
        t.push_str(
            &crate::i18n::Text::msg("assist-card")
                .arg("id", s.id)
                .english(),
        );
    }
    if let Some(e) = &record.evaluation {
        t.push_str(&format!("\nScreening rules: {}", e.outcome.label()));
        let matched: Vec<_> = e.results.iter().filter(|r| r.matched).collect();
        if matched.is_empty() {
            t.push_str(" (no rule matched: the default for this role)");
        }
        for r in &matched {
            t.push_str(&format!(
                "\n  ✓ {} → {}: {}{}",
                r.rule,
                r.outcome.label(),
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
    for n in &record.notes {
        t.push_str(&format!(
            "\nNote by {} on {}: {}",
            n.by,
            n.at.format("%-d %b %Y %H:%M UTC"),
            preview(&n.text, 400)
        ));
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
            d.from.label(),
            d.to.label(),
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
            "\nReply here: approve A{id} · reject A{id} <reason, sent to the applicant> · ask A{id} <question> · waitlist A{id}",
            id = s.id
        ));
        let id = s.id;
        actions = vec![
            CardAction::new("Approve", format!("approve A{id}")),
            CardAction::asking(
                "Reject",
                format!("reject A{id}"),
                "Reason (sent to the applicant)",
            ),
            CardAction::asking(
                "Ask",
                format!("ask A{id}"),
                "Your question for the applicant",
            ),
            CardAction::new("Waitlist", format!("waitlist A{id}")),
        ];
    }
    OutMessage {
        actions,
        ..OutMessage::text(t)
    }
}
