//! The outcome report as a table for `export outcomes` (`domain::export`): one row per
//! follow-up, group and indicator (and option, for a choice), with the figures at baseline
//! and at the follow-up. It is made from [`OutcomeReport`], so it holds exactly what the
//! report shows: a group under the anonymity minimum is a row saying so, with no figures.

use super::Dimension;
use super::report::{Change, Group, OutcomeReport, Shown};
use crate::domain::answer::labelled_choices;
use crate::domain::export::Table;
use crate::domain::programme::QuestionKind;
use crate::domain::survey::Survey;

const COLUMNS: [&str; 9] = [
    "follow_up",
    "grouped_by",
    "group",
    "responses",
    "indicator",
    "option",
    "baseline",
    "follow_up_value",
    "shown",
];

/// Figures to a tenth, shares in whole percent (`40%`).
fn figure(x: f64, share: bool) -> String {
    if share {
        format!("{}%", x.round())
    } else {
        format!("{x:.1}")
    }
}

fn rows_of(survey: &Survey, follow_up: &str, by: &str, g: &Group, rows: &mut Vec<Vec<String>>) {
    let head = |indicator: &str, option: &str, before: String, after: String, shown: &str| {
        vec![
            follow_up.to_string(),
            by.to_string(),
            g.key.clone(),
            g.responses.to_string(),
            indicator.to_string(),
            option.to_string(),
            before,
            after,
            shown.to_string(),
        ]
    };
    let changes = match &g.shown {
        Shown::TooFew => {
            rows.push(head("", "", String::new(), String::new(), "too few"));
            return;
        }
        Shown::WithSmallGroup => {
            rows.push(head(
                "",
                "",
                String::new(),
                String::new(),
                "with a small group",
            ));
            return;
        }
        Shown::Figures(changes) => changes,
    };
    for c in changes {
        let Some(q) = survey.question(&c.id) else {
            continue;
        };
        match &c.change {
            Change::Hidden => rows.push(head(&q.id, "", String::new(), String::new(), "too few")),
            Change::Mean { before, after } => rows.push(head(
                &q.id,
                "",
                figure(*before, false),
                figure(*after, false),
                "yes",
            )),
            Change::Shares(shares) => {
                let options = labelled_choices(&q.kind);
                for (i, before, after) in shares {
                    let option = match (&q.kind, options.get(*i)) {
                        (QuestionKind::YesNo, _) => "yes".to_string(),
                        (_, Some((c, _))) => c.value.clone(),
                        _ => continue,
                    };
                    rows.push(head(
                        &q.id,
                        &option,
                        figure(*before, true),
                        figure(*after, true),
                        "yes",
                    ));
                }
            }
        }
    }
}

/// The report as a table.
pub fn table(report: &OutcomeReport, survey: &Survey) -> Table {
    let mut rows = Vec::new();
    for f in &report.follow_ups {
        rows_of(survey, &f.label, "everyone", &f.overall, &mut rows);
        for (dimension, groups) in &f.by {
            for g in groups {
                rows_of(survey, &f.label, dimension_name(*dimension), g, &mut rows);
            }
        }
    }
    Table {
        columns: COLUMNS.map(String::from).to_vec(),
        rows,
    }
}

fn dimension_name(d: Dimension) -> &'static str {
    d.as_str()
}
