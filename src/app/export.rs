//! `tandem export`: loads a programme's records and hands them to `domain::export`, which
//! decides what may leave (see there for the anonymity rules).

use crate::domain::Programme;
use crate::domain::export::{self, Format, Table};
use crate::i18n::Text;
use crate::storage::Store;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    Applications,
    Matches,
    Surveys,
    Events,
    /// Outcomes after closure: the report's figures (`domain::outcomes::table`).
    Outcomes,
}

/// The export as text, with notes about what was left out (surveys below the anonymity
/// minimum). `Err` when nothing at all may be exported, with the reason.
pub async fn export(
    store: &Store,
    programme: &Programme,
    what: ExportWhat,
    format: Format,
) -> anyhow::Result<Result<(String, Vec<Text>), Text>> {
    let slug = programme.slug.as_str();
    let (table, notes) = match what {
        ExportWhat::Applications => {
            let mut rows = Vec::new();
            for (summary, _) in store.applications_in(&[slug.to_string()]).await? {
                let answers = store
                    .application(summary.id)
                    .await?
                    .map(|r| r.answers_map())
                    .unwrap_or_default();
                rows.push((summary, answers));
            }
            let matches = store.matches_in(slug).await?;
            (export::applications(programme, &rows, &matches), vec![])
        }
        ExportWhat::Matches => {
            let mut rows = Vec::new();
            for m in store.matches_in(slug).await? {
                let met = store.check_ins_met(m.id).await?;
                rows.push((m, met));
            }
            (export::matches(&rows), vec![])
        }
        ExportWhat::Events => {
            let mut rows = Vec::new();
            for e in store.all_events().await? {
                let answers = store.rsvps(e.id).await?;
                rows.push((e, answers));
            }
            (export::events(&rows), vec![])
        }
        ExportWhat::Outcomes => {
            let Some((outcomes, survey)) = programme.outcomes() else {
                return Ok(Err(Text::msg("outcomes-off").arg("programme", slug)));
            };
            let order: Vec<String> = outcomes
                .follow_ups
                .iter()
                .map(|f| f.label.clone())
                .collect();
            let records = store.outcome_records(slug).await?;
            let report = crate::domain::outcomes::report(
                &survey.questions,
                &order,
                &records,
                programme.anonymity_minimum,
            );
            (crate::domain::outcomes::table(&report, survey), vec![])
        }
        ExportWhat::Surveys => {
            let mut notes = Vec::new();
            let mut tables = Vec::new();
            for s in &programme.surveys {
                let responses = store.survey_responses(slug, &s.id).await?;
                match export::survey(s, &responses, programme.anonymity_minimum) {
                    Ok(t) => tables.push((s.id.clone(), t)),
                    Err(note) => notes.push(note),
                }
            }
            if tables.is_empty() {
                return Ok(Err(if notes.is_empty() {
                    Text::msg("export-no-surveys").arg("programme", programme.said_name())
                } else {
                    Text::msg("export-nothing").arg("notes", Text::join(notes, "; "))
                }));
            }
            (merge(tables), notes)
        }
    };
    Ok(Ok((table.render(format), notes)))
}

/// Several surveys' tables as one: a column per `survey.question`, empty where a row's
/// survey has no such question.
fn merge(tables: Vec<(String, Table)>) -> Table {
    let mut columns: Vec<String> = vec!["survey".into()];
    for (id, t) in &tables {
        for c in t.columns.iter().skip(1) {
            let name = match c.as_str() {
                "person" | "role" => c.clone(),
                q => format!("{id}.{q}"),
            };
            if !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    let mut rows = Vec::new();
    for (id, t) in &tables {
        for r in &t.rows {
            let mut row = vec![String::new(); columns.len()];
            row[0] = id.clone();
            for (c, v) in t.columns.iter().zip(r).skip(1) {
                let name = match c.as_str() {
                    "person" | "role" => c.clone(),
                    q => format!("{id}.{q}"),
                };
                if let Some(i) = columns.iter().position(|x| *x == name) {
                    row[i] = v.clone();
                }
            }
            rows.push(row);
        }
    }
    Table { columns, rows }
}
