//! A survey's results as said in the coordinators' room (`survey results`), from a
//! [`SurveyReport`] that `summarise` made: figures only, said in the reader's language.

use super::{QuestionSummary, Summary, Survey, SurveyReport, counted};
use crate::domain::answer::format_number;
use crate::i18n::Text;

/// A figure to a tenth (`3.5`).
fn tenths(x: f64) -> String {
    format!("{x:.1}")
}

impl SurveyReport {
    /// The results as said in the coordinators' room: `programme` is the programme's
    /// name, `invited` how many were asked.
    pub fn said(&self, survey: &Survey, programme: Text, invited: usize) -> Text {
        let mut parts = vec![
            counted(Text::msg("figures-results"), self.responses)
                .arg("survey", self.title.clone())
                .arg("programme", programme)
                .arg("invited", Text::number(invited))
                .arg("anonymous", if survey.anonymous { "yes" } else { "no" }),
        ];
        parts.extend(
            self.questions
                .iter()
                .map(|q| question_said(q, self.minimum)),
        );
        match &self.by_role {
            Some(groups) => {
                for (role, qs) in groups {
                    let figures: Vec<Text> = qs.iter().filter_map(headline).collect();
                    if !figures.is_empty() {
                        parts.push(
                            Text::msg("figures-by-role")
                                .arg("role", role.as_str())
                                .arg("figures", Text::join(figures, " · ")),
                        );
                    }
                }
            }
            None => parts.push(Text::msg("figures-no-breakdown").arg("minimum", self.minimum)),
        }
        Text::paragraphs(parts)
    }
}

/// A question's one-line figure (for the breakdown by role, and the programme report).
pub(crate) fn headline(q: &QuestionSummary) -> Option<Text> {
    let mean = |m: f64| {
        Text::msg("figures-headline-mean")
            .arg("question", q.label.clone())
            .arg("mean", tenths(m))
    };
    match &q.summary {
        Summary::Counts { mean: Some(m), .. } => Some(mean(*m)),
        Summary::Nps { score, .. } => Some(
            Text::msg("figures-headline-nps")
                .arg("question", q.label.clone())
                .arg("score", format!("{score:+}")),
        ),
        Summary::Numbers { mean: m, .. } => Some(mean(*m)),
        _ => None,
    }
}

/// A question's figures: its label and how many answered, then what they come to.
fn question_said(q: &QuestionSummary, minimum: usize) -> Text {
    let head = counted(Text::msg("figures-question"), q.answered).arg("question", q.label.clone());
    let line = |id: Text| id.arg("head", head.clone());
    match &q.summary {
        Summary::Hidden => line(Text::msg("figures-question-hidden")).arg("minimum", minimum),
        Summary::Counts { counts, mean } => {
            let mut lines = vec![match mean {
                Some(m) => line(Text::msg("figures-question-average")).arg("mean", tenths(*m)),
                None => head.clone(),
            }];
            let total: usize = q.answered.max(1);
            lines.extend(counts.iter().map(|(label, n)| {
                Text::join(
                    vec![
                        Text::plain("  "),
                        label.clone(),
                        Text::plain(": "),
                        Text::number(*n),
                        Text::plain(format!(" {}", bar(*n, total))),
                    ],
                    "",
                )
            }));
            Text::lines(lines)
        }
        Summary::Nps {
            score,
            promoters,
            passives,
            detractors,
        } => line(Text::msg("figures-question-nps"))
            .arg("score", format!("{score:+}"))
            .arg(
                "promoters",
                counted(Text::msg("figures-nps-promoters"), *promoters),
            )
            .arg(
                "passives",
                counted(Text::msg("figures-nps-passives"), *passives),
            )
            .arg(
                "detractors",
                counted(Text::msg("figures-nps-detractors"), *detractors),
            ),
        Summary::Numbers { mean, min, max } => line(Text::msg("figures-question-numbers"))
            .arg("mean", format_number((mean * 10.0).round() / 10.0))
            .arg("min", format_number(*min))
            .arg("max", format_number(*max)),
        Summary::Texts(texts) => {
            let mut lines = vec![head.clone()];
            lines.extend(texts.iter().map(|t| {
                Text::join(
                    vec![
                        Text::plain("  "),
                        Text::msg("figures-quoted")
                            .arg("text", crate::domain::text::preview(t, 300)),
                    ],
                    "",
                )
            }));
            Text::lines(lines)
        }
    }
}

/// A small text bar: one block per tenth of the answers.
fn bar(n: usize, total: usize) -> String {
    "█".repeat((n * 10 + total / 2) / total.max(1))
}
