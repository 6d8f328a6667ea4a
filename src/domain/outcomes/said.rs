//! The outcome report as said in the coordinators' room (`outcomes [programme]`), in the
//! reader's language: the indicators' labels and options in the programme's words (or its
//! translations), everything else from `outcomes.ftl`.

use super::report::{Change, Group, IndicatorChange, OutcomeReport, Shown};
use super::{CheckIns, Dimension, Length, Meetings, Method, parse_key};
use crate::domain::answer::labelled_choices;
use crate::domain::programme::{Programme, Question, QuestionKind};
use crate::domain::survey::Survey;
use crate::domain::translations::questions_path;
use crate::i18n::Text;

/// A figure to a tenth (`3.5`).
fn tenths(x: f64) -> String {
    format!("{x:.1}")
}

/// A share in whole percent (`40%`).
fn percent(x: f64) -> String {
    format!("{}%", x.round())
}

/// A group's name as said to the reader.
pub(crate) fn group_name(dimension: Dimension, key: &str) -> Text {
    let word = match dimension {
        Dimension::Cohort => return Text::plain(key),
        Dimension::Role => ["mentee", "mentor"].into_iter().find(|r| *r == key),
        Dimension::Method => parse_key(&Method::ALL, Method::as_str, key).map(Method::as_str),
        Dimension::Length => parse_key(&Length::ALL, Length::as_str, key).map(Length::as_str),
        Dimension::CheckIns => {
            parse_key(&CheckIns::ALL, CheckIns::as_str, key).map(CheckIns::as_str)
        }
        Dimension::Meetings => {
            parse_key(&Meetings::ALL, Meetings::as_str, key).map(Meetings::as_str)
        }
    };
    match word {
        Some(w) => Text::msg(&format!("outcomes-{}-{w}", dimension.as_str())),
        None => Text::plain(key),
    }
}

fn indicator_said(
    programme: &Programme,
    survey: &Survey,
    q: &Question,
    c: &IndicatorChange,
) -> Text {
    let at = questions_path(&format!("surveys.{}", survey.id), &q.id);
    let label = programme.said(&format!("{at}.label"), &q.label);
    match &c.change {
        Change::Hidden => Text::msg("outcomes-indicator-hidden").arg("indicator", label),
        Change::Mean { before, after } => Text::msg("outcomes-mean")
            .arg("indicator", label)
            .arg("before", tenths(*before))
            .arg("after", tenths(*after))
            .arg("change", format!("{:+.1}", after - before)),
        Change::Shares(shares) => {
            let options = labelled_choices(&q.kind);
            let said: Vec<Text> = shares
                .iter()
                .filter_map(|(i, before, after)| {
                    let (choice, catalogue) = options.get(*i)?;
                    let option = match q.kind {
                        QuestionKind::SingleChoice { .. } => {
                            programme.said(&format!("{at}.choices.{i}"), &choice.label)
                        }
                        _ => catalogue.clone(),
                    };
                    Some(
                        Text::msg("outcomes-share")
                            .arg("option", option)
                            .arg("before", percent(*before))
                            .arg("after", percent(*after)),
                    )
                })
                .collect();
            Text::msg("outcomes-shares")
                .arg("indicator", label)
                .arg("shares", Text::join(said, ", "))
        }
    }
}

fn group_said(
    programme: &Programme,
    survey: &Survey,
    name: Text,
    g: &Group,
    minimum: usize,
) -> Text {
    match &g.shown {
        Shown::TooFew => Text::msg("outcomes-group-too-few")
            .arg("group", name)
            .arg("minimum", minimum),
        Shown::WithSmallGroup => Text::msg("outcomes-group-with-small").arg("group", name),
        Shown::Figures(changes) => {
            let figures: Vec<Text> = changes
                .iter()
                .filter_map(|c| {
                    let q = survey.question(&c.id)?;
                    Some(indicator_said(programme, survey, q, c))
                })
                .collect();
            Text::msg("outcomes-group")
                .arg("group", name)
                .arg("count", g.responses)
                .arg("n", Text::number(g.responses))
                .arg("figures", Text::join(figures, "; "))
        }
    }
}

impl OutcomeReport {
    /// The report as said in the coordinators' room.
    pub fn said(&self, programme: &Programme, survey: &Survey) -> Text {
        let mut parts = vec![
            Text::msg("outcomes-header")
                .arg("programme", programme.said_name())
                .arg("minimum", self.minimum),
        ];
        for f in &self.follow_ups {
            let head = |id: &str| {
                Text::msg(id)
                    .arg("follow_up", f.label.as_str())
                    .arg("count", f.overall.responses)
                    .arg("n", Text::number(f.overall.responses))
                    .arg("minimum", self.minimum)
            };
            if f.overall.shown == Shown::TooFew {
                parts.push(head("outcomes-follow-up-too-few"));
                continue;
            }
            let mut lines = vec![
                head("outcomes-follow-up"),
                group_said(
                    programme,
                    survey,
                    Text::msg("outcomes-everyone"),
                    &f.overall,
                    self.minimum,
                ),
            ];
            for (dimension, groups) in &f.by {
                lines.push(Text::msg(&format!("outcomes-by-{}", dimension.as_str())));
                // One group is everyone: its figures are those above.
                if let [one] = groups.as_slice()
                    && one.responses == f.overall.responses
                {
                    lines.push(Text::join(
                        vec![
                            Text::plain("  "),
                            Text::msg("outcomes-group-all")
                                .arg("group", group_name(*dimension, &one.key)),
                        ],
                        "",
                    ));
                    continue;
                }
                lines.extend(groups.iter().map(|g| {
                    Text::join(
                        vec![
                            Text::plain("  "),
                            group_said(
                                programme,
                                survey,
                                group_name(*dimension, &g.key),
                                g,
                                self.minimum,
                            ),
                        ],
                        "",
                    )
                }));
            }
            parts.push(Text::lines(lines));
        }
        Text::paragraphs(parts)
    }
}
