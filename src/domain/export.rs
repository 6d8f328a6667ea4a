//! Exports for monitoring and evaluation (`tandem export`): tables of applications,
//! matches, survey answers and events, as CSV or JSON.
//!
//! Exports are pseudonymous: applications and matches are identified by number, and free
//! text (names, stories) is left out of application exports. Survey exports keep the
//! anonymity minimum exactly as the reports do: a survey with fewer answers than the
//! minimum is not exported at all, a question with fewer answers loses its column, free
//! text is left out of anonymous surveys' rows, the role is given only when every role
//! reaches the minimum on every question, and rows are sorted by their content so their
//! order says nothing about who answered when. Only attributed surveys name the person. To add a table: a builder returning a [`Table`].

use std::collections::BTreeMap;

use super::answer::Answer;
use super::application::{ApplicationSummary, Stage};
use super::events::{EventRecord, Rsvp};
use super::ids::{RoleKind, UserRef};
use super::matches::MatchRecord;
use super::programme::{Programme, QuestionKind};
use super::survey::{Survey, SurveyResponse};

/// Rows of text under named columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Table {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => {
                let mut out = String::new();
                for row in std::iter::once(&self.columns).chain(&self.rows) {
                    let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
                    out.push_str(&cells.join(","));
                    out.push_str("\r\n");
                }
                out
            }
            Format::Json => {
                // Written by hand to keep the columns' order in every object.
                let quote = |t: &str| serde_json::to_string(t).expect("strings encode");
                let objects: Vec<String> = self
                    .rows
                    .iter()
                    .map(|r| {
                        let fields: Vec<String> = self
                            .columns
                            .iter()
                            .zip(r)
                            .map(|(c, v)| format!("    {}: {}", quote(c), quote(v)))
                            .collect();
                        format!("  {{\n{}\n  }}", fields.join(",\n"))
                    })
                    .collect();
                if objects.is_empty() {
                    "[]\n".into()
                } else {
                    format!("[\n{}\n]\n", objects.join(",\n"))
                }
            }
        }
    }
}

/// RFC 4180: quoted when it holds a comma, a quote or a line break; a cell that a
/// spreadsheet would run as a formula is prefixed with a quote mark.
fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The value of an answer in an export cell: choices by value, several joined with `;`.
fn cell(answer: Option<&Answer>) -> String {
    match answer {
        None | Some(Answer::Skipped) => String::new(),
        Some(Answer::Consent { accepted_at }) => accepted_at.to_rfc3339(),
        Some(a) => a.values().join(";"),
    }
}

fn is_free_text(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::ShortText { .. } | QuestionKind::LongText { .. }
    )
}

/// Applications: number, role, stage ([`Stage`]), date, and the answers that are not free
/// text.
pub fn applications(
    programme: &Programme,
    rows: &[(ApplicationSummary, BTreeMap<String, Answer>)],
    matches: &[MatchRecord],
) -> Table {
    let mut questions: Vec<String> = Vec::new();
    for role in programme.roles.values() {
        for q in &role.questions {
            if !is_free_text(&q.kind)
                && !matches!(q.kind, QuestionKind::Consent { .. })
                && !questions.contains(&q.id)
            {
                questions.push(q.id.clone());
            }
        }
    }
    let mut columns: Vec<String> = ["application", "role", "status", "submitted_on"]
        .map(String::from)
        .to_vec();
    columns.extend(questions.iter().cloned());
    let stage_of = Stage::of_each(rows.iter().map(|(a, _)| a), matches);
    Table {
        columns,
        rows: rows
            .iter()
            .map(|(a, answers)| {
                let mut row = vec![
                    a.id.to_string(),
                    a.role.to_string(),
                    // The stage, as the figures and `status` read it (`matched`, not
                    // `ready`, once a match went ahead).
                    stage_of[&a.id].as_str().to_string(),
                    a.submitted_at.format("%Y-%m-%d").to_string(),
                ];
                row.extend(questions.iter().map(|q| cell(answers.get(q))));
                row
            })
            .collect(),
    }
}

/// Matches: numbers, status, score, dates, how it ended, and check-ins where they'd met.
pub fn matches(rows: &[(MatchRecord, usize)]) -> Table {
    Table {
        columns: [
            "match",
            "mentee_application",
            "mentor_application",
            "status",
            "score",
            "proposed_on",
            "closed_on",
            "closure",
            "check_ins_met",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|(m, met)| {
                vec![
                    m.id.to_string(),
                    m.mentee_application.to_string(),
                    m.mentor_application.to_string(),
                    m.status.to_string(),
                    m.score.to_string(),
                    m.created_at.format("%Y-%m-%d").to_string(),
                    m.closure
                        .as_ref()
                        .map(|c| c.at.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                    m.closure
                        .as_ref()
                        .map(|c| c.kind.as_str().to_string())
                        .unwrap_or_default(),
                    met.to_string(),
                ]
            })
            .collect(),
    }
}

/// One survey's answers, or why it may not be exported.
pub fn survey(
    survey: &Survey,
    responses: &[SurveyResponse],
    minimum: usize,
) -> Result<Table, crate::i18n::Text> {
    let minimum = minimum.max(1);
    if responses.len() < minimum {
        return Err(crate::i18n::Text::msg("export-survey-too-few")
            .arg("survey", survey.id.as_str())
            .arg("count", responses.len())
            .arg("minimum", minimum));
    }
    let answered = |q: &str, role: Option<RoleKind>| {
        responses
            .iter()
            .filter(|r| role.is_none_or(|x| r.role == x))
            .filter(|r| r.answers.get(q).is_some_and(|a| *a != Answer::Skipped))
            .count()
    };
    // Free text stays out of an anonymous survey's rows: one telling comment would name
    // the writer of every other answer in the row.
    let questions: Vec<&str> = survey
        .questions
        .iter()
        .filter(|q| !(survey.anonymous && is_free_text(&q.kind)))
        .filter(|q| answered(&q.id, None) >= minimum)
        .map(|q| q.id.as_str())
        .collect();
    let mut roles: Vec<RoleKind> = responses.iter().map(|r| r.role).collect();
    roles.sort();
    roles.dedup();
    // A role column splits every question by role: only when each role reaches the
    // minimum on each question exported.
    let with_role = questions
        .iter()
        .all(|q| roles.iter().all(|r| answered(q, Some(*r)) >= minimum));
    let mut columns = vec!["survey".to_string()];
    if !survey.anonymous {
        columns.push("person".into());
    }
    if with_role {
        columns.push("role".into());
    }
    columns.extend(questions.iter().map(|q| q.to_string()));
    let mut rows: Vec<Vec<String>> = responses
        .iter()
        .map(|r| {
            let mut row = vec![survey.id.clone()];
            if !survey.anonymous {
                row.push(r.user.as_ref().map(UserRef::to_string).unwrap_or_default());
            }
            if with_role {
                row.push(r.role.to_string());
            }
            row.extend(questions.iter().map(|q| cell(r.answers.get(*q))));
            row
        })
        .collect();
    rows.sort();
    Ok(Table { columns, rows })
}

/// Events: each session with its answers.
pub fn events(rows: &[(EventRecord, Vec<(UserRef, Rsvp)>)]) -> Table {
    let count = |answers: &[(UserRef, Rsvp)], r: Rsvp| {
        answers.iter().filter(|(_, a)| *a == r).count().to_string()
    };
    Table {
        columns: [
            "event",
            "series",
            "title",
            "starts_at",
            "zone",
            "minutes",
            "capacity",
            "cancelled",
            "yes",
            "maybe",
            "no",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|(e, answers)| {
                vec![
                    e.id.to_string(),
                    e.series.map(|s| s.to_string()).unwrap_or_default(),
                    e.title.clone(),
                    e.starts_at.to_rfc3339(),
                    e.zone.clone(),
                    e.duration_minutes.to_string(),
                    e.capacity.map(|c| c.to_string()).unwrap_or_default(),
                    e.cancelled.to_string(),
                    count(answers, Rsvp::Yes),
                    count(answers, Rsvp::Maybe),
                    count(answers, Rsvp::No),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-3"), "-3");
    }
}
