//! Surveys: what a programme asks its participants (at the midpoint, at closure, or when a
//! coordinator sends one), and how the answers are summarised without exposing anyone.
//!
//! A survey is defined in the programme file (`[surveys.<id>]`) with questions of the same
//! kinds as an application form, plus `scale` and `nps`. Each sending is a *round* (a
//! coordinator's `survey send`, or one pair's milestone) with a closing date; each person
//! in it has an *invite*. An anonymous survey's answers are stored with no link to the
//! person or the round: the invite only says "answered", to stop the reminders.
//!
//! [`summarise`] is the one place answers become figures, and it enforces the anonymity
//! minimum: no summary of fewer answers than the minimum, no question's figures from fewer,
//! no free text from fewer, and a breakdown by role only when every group reaches it. Every
//! report and export goes through it. To add a question kind to reports: an arm in
//! `summarise_question`, and its figures in `results`, which says them in the coordinators'
//! room. Who a survey is sent to is an [`Audience`] (`audience`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::answer::{Answer, labelled_choices};
use super::ids::{RoleKind, UserRef};
use super::programme::{Question, QuestionKind};
use super::translations::{Translations, questions_path};
use crate::i18n::Text;

mod audience;
mod results;

pub use audience::Audience;
pub(super) use results::headline;

/// The default anonymity minimum: no figure is shown from fewer answers than this.
pub const DEFAULT_MINIMUM: usize = 5;

/// A survey as configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// `midpoint`, used in commands and milestones.
    pub id: String,
    pub title: String,
    /// Shown before the first question.
    pub intro: String,
    /// Anonymous answers are stored with no link to the person.
    pub anonymous: bool,
    /// Who it is for; an audience is narrowed to these roles.
    pub roles: Vec<RoleKind>,
    pub questions: Vec<Question>,
    /// Days after sending before one reminder (0: none).
    pub reminder_days: u32,
    /// Days after sending before the survey closes.
    pub open_days: u32,
}

impl Survey {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Its title as said to a reader: in their language where `translations` (its
    /// programme's) has it.
    pub fn said_title(&self, translations: &Translations) -> Text {
        translations.said(&format!("surveys.{}.title", self.id), &self.title)
    }

    /// What the person is told about who sees their answers.
    pub fn privacy_note(&self, minimum: usize) -> Text {
        if self.anonymous {
            Text::msg("survey-anonymous").arg("minimum", minimum)
        } else {
            Text::msg("survey-named")
        }
    }
}

/// An open invite to a survey, as a participant's conversation sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyInvite {
    pub id: i64,
    pub programme: String,
    pub survey: String,
    pub role: RoleKind,
    pub closes_at: DateTime<Utc>,
    /// Answers saved by someone who paused half-way.
    pub draft: BTreeMap<String, Answer>,
}

/// A round to store: who is asked, until when.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRound {
    pub programme: String,
    pub survey: String,
    /// How the recipients were chosen, for the coordinators (`mentees`, `match #4`).
    pub audience: String,
    pub match_id: Option<i64>,
    pub sent_by: String,
    /// Unique: the same milestone run twice stores one round.
    pub source: String,
    pub closes_at: DateTime<Utc>,
    pub recipients: Vec<(UserRef, RoleKind)>,
}

/// One person's submitted answers. `user` is set only for attributed surveys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub role: RoleKind,
    pub answers: BTreeMap<String, Answer>,
    pub user: Option<UserRef>,
}

/// How many were asked and how many answered, per survey (for `surveys`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyStats {
    pub programme: String,
    pub survey: String,
    pub rounds: usize,
    pub invited: usize,
    pub answered: usize,
    pub open: usize,
}
/// What a question's answers come to, once the minimum is met.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// How many picked each option (choices, yes/no, scale points), in the form's order,
    /// each option as said to the reader.
    Counts {
        counts: Vec<(Text, usize)>,
        /// For a scale: the average point.
        mean: Option<f64>,
    },
    /// Net Promoter Score: % promoters (9–10) minus % detractors (0–6).
    Nps {
        score: i64,
        promoters: usize,
        passives: usize,
        detractors: usize,
    },
    /// Numbers: the average and the range.
    Numbers { mean: f64, min: f64, max: f64 },
    /// Free text, in alphabetical order (never in the order it was given).
    Texts(Vec<String>),
    /// Not shown: fewer answers than the minimum.
    Hidden,
}

/// One question in a survey report.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    pub id: String,
    /// Its label, as said to the reader.
    pub label: Text,
    /// Answers other than a skip.
    pub answered: usize,
    pub summary: Summary,
}

/// A survey's answers summarised for a report.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyReport {
    /// The survey's title, as said to the reader.
    pub title: Text,
    pub responses: usize,
    pub minimum: usize,
    pub questions: Vec<QuestionSummary>,
    /// Per role, when every role that answered reaches the minimum.
    pub by_role: Option<Vec<(RoleKind, Vec<QuestionSummary>)>>,
}

/// `t` counting `n`: `$count` chooses its plural form, and `$n` is `n` as the reader's
/// language writes it (`1,234`).
pub(super) fn counted(t: Text, n: usize) -> Text {
    t.arg("count", n).arg("n", Text::number(n))
}

/// Summarises answers, or says why it may not: fewer responses than `minimum`. Its
/// title, questions and options are said in the reader's language where `translations`
/// (the programme's) has them.
pub fn summarise(
    survey: &Survey,
    translations: &Translations,
    responses: &[SurveyResponse],
    minimum: usize,
) -> Result<SurveyReport, Text> {
    let minimum = minimum.max(1);
    let title = survey.said_title(translations);
    if responses.len() < minimum {
        return Err(counted(Text::msg("figures-too-few"), responses.len())
            .arg("survey", title)
            .arg("minimum", minimum));
    }
    let questions = summarise_all(survey, translations, responses, minimum);
    let mut groups: BTreeMap<RoleKind, Vec<SurveyResponse>> = BTreeMap::new();
    for r in responses {
        groups.entry(r.role).or_default().push(r.clone());
    }
    // One small group would be the total minus the others: all groups reach it, or none
    // is shown.
    let by_role = (groups.len() > 1 && groups.values().all(|g| g.len() >= minimum)).then(|| {
        let mut split: Vec<(RoleKind, Vec<QuestionSummary>)> = groups
            .iter()
            .map(|(role, rs)| (*role, summarise_all(survey, translations, rs, minimum)))
            .collect();
        // The same holds per question: if one group's answers to it are too few, the
        // others' figures would give them away by difference, so none is shown.
        for i in 0..survey.questions.len() {
            if split.iter().any(|(_, qs)| qs[i].summary == Summary::Hidden) {
                for (_, qs) in &mut split {
                    qs[i].summary = Summary::Hidden;
                }
            }
        }
        split
    });
    Ok(SurveyReport {
        title,
        responses: responses.len(),
        minimum,
        questions,
        by_role,
    })
}

fn summarise_all(
    survey: &Survey,
    translations: &Translations,
    responses: &[SurveyResponse],
    minimum: usize,
) -> Vec<QuestionSummary> {
    let home = format!("surveys.{}", survey.id);
    survey
        .questions
        .iter()
        .map(|q| {
            let at = questions_path(&home, &q.id);
            let answers: Vec<&Answer> = responses
                .iter()
                .filter_map(|r| r.answers.get(&q.id))
                .filter(|a| **a != Answer::Skipped)
                .collect();
            QuestionSummary {
                id: q.id.clone(),
                label: translations.said(&format!("{at}.label"), &q.label),
                answered: answers.len(),
                summary: if answers.len() < minimum {
                    Summary::Hidden
                } else {
                    summarise_question(q, &answers, &|i, own| {
                        // A choice's label at `choices.<i>`, a scale point's at `labels.<i>`.
                        let list = match q.kind {
                            QuestionKind::Scale { .. } => "labels",
                            _ => "choices",
                        };
                        translations.said(&format!("{at}.{list}.{i}"), own)
                    })
                },
            }
        })
        .collect()
}

/// `said(i, own)`: option `i` of `q`, whose own words are `own`, as said to the reader.
fn summarise_question(
    q: &Question,
    answers: &[&Answer],
    said: &dyn Fn(usize, &str) -> Text,
) -> Summary {
    let numbers = || {
        answers.iter().filter_map(|a| match a {
            Answer::Number(n) => Some(*n),
            _ => None,
        })
    };
    let mean = |ns: Vec<f64>| {
        if ns.is_empty() {
            0.0
        } else {
            ns.iter().sum::<f64>() / ns.len() as f64
        }
    };
    match &q.kind {
        QuestionKind::Nps => {
            let ns: Vec<f64> = numbers().collect();
            let promoters = ns.iter().filter(|n| **n >= 9.0).count();
            let detractors = ns.iter().filter(|n| **n <= 6.0).count();
            let passives = ns.len() - promoters - detractors;
            let total = ns.len().max(1) as f64;
            Summary::Nps {
                score: ((promoters as f64 - detractors as f64) * 100.0 / total).round() as i64,
                promoters,
                passives,
                detractors,
            }
        }
        QuestionKind::Number { .. } => {
            let ns: Vec<f64> = numbers().collect();
            Summary::Numbers {
                min: ns.iter().copied().fold(f64::INFINITY, f64::min),
                max: ns.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                mean: mean(ns),
            }
        }
        QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {
            let mut texts: Vec<String> = answers.iter().map(|a| a.display(q)).collect();
            texts.sort();
            Summary::Texts(texts)
        }
        kind => {
            // The programme's own options in the reader's language where it translated
            // them; yes, no and consent in the catalogue's words.
            let own_words = matches!(
                kind,
                QuestionKind::SingleChoice { .. }
                    | QuestionKind::MultiChoice { .. }
                    | QuestionKind::Scale { .. }
            );
            let counts = labelled_choices(kind)
                .into_iter()
                .enumerate()
                .map(|(i, (c, label))| {
                    let n = answers
                        .iter()
                        .filter(|a| a.values().contains(&c.value))
                        .count();
                    let label = if own_words { said(i, &c.label) } else { label };
                    (label, n)
                })
                .collect();
            Summary::Counts {
                counts,
                mean: matches!(kind, QuestionKind::Scale { .. }).then(|| mean(numbers().collect())),
            }
        }
    }
}

#[cfg(test)]
mod tests;
