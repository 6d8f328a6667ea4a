//! What the coordinators see of an application: its card (the answers, the rules' results,
//! questions and decisions, with the buttons to decide), how a person is named on it, and
//! what is posted right after an application is stored.
//!
//! To show something new on the card, add it to `card_body`; a new button goes in its
//! `actions` (the command it sends must parse in `review::parse`).

use super::*;
use crate::flows::SaidAction;

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
                    .arg("status", record.summary.status.said_label()),
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
    let checks: Vec<Text> = held
        .iter()
        .map(|(application, step)| {
            Text::msg("roster-held-check")
                .arg("step", step)
                .arg("application", *application)
        })
        .collect();
    vec![said_in(
        room,
        Text::msg("roster-held-checks")
            .arg("id", id)
            .arg("name", name)
            .arg("checks", Text::join(checks, ", ")),
    )]
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

/// How a rule that matched reads on the card: in the reader's language while the
/// programme's rule is still the one that was evaluated, else as it was recorded then.
fn rule_read(
    rules: &[crate::domain::screening::Rule],
    result: &crate::domain::screening::RuleResult,
) -> Text {
    rules
        .iter()
        .find(|rule| rule.id == result.rule && rule.when.describe() == result.description)
        .map_or_else(|| Text::plain(&result.description), |rule| rule.when.said())
}

/// The reviewer's card: the application, the rules' results, questions and decisions.
pub fn card(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    card_body(programme, record).starts_thread(crate::flows::application_thread(record.summary.id))
}

/// A moment as the card shows it: its day in the reader's language, and its time (`3
/// March 2027 14:05 UTC`).
pub(super) fn moment(t: chrono::DateTime<chrono::Utc>, time: &str) -> Text {
    Text::join(
        vec![
            Text::date(t.date_naive()),
            Text::plain(t.format(time).to_string()),
        ],
        " ",
    )
}

fn card_body(programme: &Programme, record: &ApplicationRecord) -> OutMessage {
    let s = &record.summary;
    let role = programme.role(s.role);
    let role_name = match role {
        Some(r) => programme.said(&format!("roles.{}.name", s.role.as_str()), &r.name),
        None => Text::msg("role-one").arg("role", s.role.as_str()),
    };
    let mut lines = vec![
        Text::msg("roster-card-head")
            .arg("id", s.id)
            .arg("programme", programme.said_name())
            .arg("role", role_name)
            .arg("status", s.status.said_label()),
        Text::msg("roster-card-applicant")
            .arg("name", display_name(record))
            .arg("user", record.applicant.to_string())
            .arg("when", moment(s.submitted_at, "%H:%M UTC")),
    ];
    if record.applicant.is_assisted() {
        lines.push(Text::msg("assist-card").arg("id", s.id));
    }
    if let Some(e) = &record.evaluation {
        let matched: Vec<_> = e.results.iter().filter(|r| r.matched).collect();
        lines.push(
            if matched.is_empty() {
                Text::msg("roster-card-rules-default")
            } else {
                Text::msg("roster-card-rules")
            }
            .arg("outcome", e.outcome.said()),
        );
        let rules = role.map_or(&[][..], |r| r.screening.rules.as_slice());
        for r in &matched {
            let said = if r.reason.is_empty() {
                Text::msg("rule-matched")
            } else {
                Text::msg("rule-matched-reason").arg("reason", &r.reason)
            };
            lines.push(Text::join(
                vec![
                    Text::plain("  "),
                    said.arg("rule", &r.rule)
                        .arg("outcome", r.outcome.said())
                        .arg("when", rule_read(rules, r)),
                ],
                "",
            ));
        }
    }
    lines.push(Text::msg("roster-card-answers"));
    for (qid, answer) in &record.answers {
        let question = role.and_then(|r| r.question(qid));
        let (label, shown) = match question {
            // The person's own words, and their yes, no or consent in the reader's language.
            Some(q) => (
                q.label.clone(),
                match answer.said(q) {
                    Text::Plain(words) => Text::plain(preview(&words, 400)),
                    said => said,
                },
            ),
            None => (
                qid.clone(),
                Text::plain(preview(&format!("{answer:?}"), 400)),
            ),
        };
        lines.push(Text::join(
            vec![Text::plain(format!("  {label}: ")), shown],
            "",
        ));
    }
    for n in &record.notes {
        lines.push(
            Text::msg("roster-card-note")
                .arg("by", &n.by)
                .arg("when", moment(n.at, "%H:%M UTC"))
                .arg("text", preview(&n.text, 400)),
        );
    }
    for q in &record.questions {
        lines.push(
            Text::msg("roster-card-question")
                .arg("by", &q.asked_by)
                .arg("question", &q.question),
        );
        lines.push(Text::join(
            vec![
                Text::plain("  "),
                Text::msg("roster-card-answer").arg(
                    "answer",
                    q.answer
                        .as_deref()
                        .map_or_else(|| Text::msg("roster-card-waiting"), Text::plain),
                ),
            ],
            "",
        ));
    }
    for d in &record.decisions {
        let decision = if d.reason.is_empty() {
            Text::msg("roster-card-decision")
        } else {
            Text::msg("roster-card-decision-reason").arg("reason", preview(&d.reason, 200))
        };
        lines.push(
            decision
                .arg("from", d.from.said_label())
                .arg("to", d.to.said_label())
                .arg("by", &d.by)
                .arg("when", moment(d.at, "%H:%M")),
        );
    }
    let mut actions = Vec::new();
    if s.status.awaits_review() {
        let id = s.id;
        lines.push(Text::msg("roster-card-reply").arg("id", id));
        actions = vec![
            SaidAction::new(Text::msg("roster-button-approve"), format!("approve A{id}")),
            SaidAction::asking(
                Text::msg("roster-button-reject"),
                format!("reject A{id}"),
                Text::msg("roster-asks-reason"),
            ),
            SaidAction::asking(
                Text::msg("roster-button-ask"),
                format!("ask A{id}"),
                Text::msg("roster-asks-question"),
            ),
            SaidAction::new(
                Text::msg("roster-button-waitlist"),
                format!("waitlist A{id}"),
            ),
        ];
    }
    OutMessage::said(Text::lines(lines)).with_said_actions(actions)
}
