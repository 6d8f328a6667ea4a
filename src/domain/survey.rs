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
//! `summarise_question`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use super::answer::{Answer, format_number, prompt_choices};
use super::ids::{RoleKind, UserRef};
use super::programme::{Question, QuestionKind};

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

    /// What the person is told about who sees their answers.
    pub fn privacy_note(&self, minimum: usize) -> crate::i18n::Text {
        use crate::i18n::Text;
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

/// Who a coordinator sends a survey to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Every accepted participant.
    All,
    Role(RoleKind),
    /// Everyone in an active match.
    Matched,
    /// Everyone accepted and not in an active match yet, and everyone on the waiting list.
    Waiting,
    /// Everyone whose match began in this month.
    Cohort {
        year: i32,
        month: u32,
    },
    /// Past participants: everyone whose match reached its planned end, and who is not in
    /// an active match now. A broadcast to them invites them to apply as mentors.
    Alumni,
}

impl Audience {
    pub const USAGE: &'static str = "all, mentors, mentees, matched (people in an active match), waiting (accepted or on the waiting list, not matched yet), alumni (whose match reached its planned end) or a cohort by the month their match began, like 2027-01";

    pub fn parse(text: &str) -> Result<Audience, String> {
        let t = text.trim().to_lowercase();
        let t = t.strip_prefix("cohort").map(str::trim).unwrap_or(&t);
        match t {
            "all" | "everyone" => Ok(Audience::All),
            "mentors" | "mentor" => Ok(Audience::Role(RoleKind::Mentor)),
            "mentees" | "mentee" => Ok(Audience::Role(RoleKind::Mentee)),
            "matched" | "active" => Ok(Audience::Matched),
            "waiting" | "unmatched" => Ok(Audience::Waiting),
            "alumni" | "graduates" => Ok(Audience::Alumni),
            other => {
                let parsed = other.split_once('-').and_then(|(y, m)| {
                    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
                    ((2000..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
                });
                match parsed {
                    Some((year, month)) => Ok(Audience::Cohort { year, month }),
                    None => Err(format!(
                        "I don't know the audience “{}”. Send to {}.",
                        super::text::preview(text.trim(), 30),
                        Audience::USAGE
                    )),
                }
            }
        }
    }

    pub fn describe(self) -> String {
        match self {
            Audience::All => "all participants".into(),
            Audience::Role(RoleKind::Mentor) => "mentors".into(),
            Audience::Role(RoleKind::Mentee) => "mentees".into(),
            Audience::Matched => "people in an active match".into(),
            Audience::Waiting => "people waiting to be matched".into(),
            Audience::Cohort { year, month } => format!("the {year}-{month:02} cohort"),
            Audience::Alumni => "alumni".into(),
        }
    }

    /// Whether `m`, a match of one of them, makes its members alumni: it reached its
    /// planned end ([`Audience::Alumni`]; not being in an active match is checked apart).
    pub fn graduated(m: &super::matches::MatchRecord) -> bool {
        m.status == super::matches::MatchStatus::Closed
            && m.closure
                .as_ref()
                .is_some_and(|c| c.kind == super::matches::ClosureKind::Planned)
    }

    /// Whether someone whose application is `status` and who is (`matched`) or is not in an
    /// active match is in [`Audience::Waiting`].
    pub fn is_waiting(status: super::ApplicationStatus, matched: bool) -> bool {
        use super::ApplicationStatus as S;
        (matches!(status, S::Approved | S::Ready) && !matched) || status == S::Waitlisted
    }

    /// Whether a match that began at `started` belongs to this cohort.
    pub fn in_cohort(self, started: DateTime<Utc>) -> bool {
        match self {
            Audience::Cohort { year, month } => started.year() == year && started.month() == month,
            _ => false,
        }
    }
}

/// What a question's answers come to, once the minimum is met.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// How many picked each option (choices, yes/no, scale points), in the form's order.
    Counts {
        counts: Vec<(String, usize)>,
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
    pub label: String,
    /// Answers other than a skip.
    pub answered: usize,
    pub summary: Summary,
}

/// A survey's answers summarised for a report.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyReport {
    pub responses: usize,
    pub minimum: usize,
    pub questions: Vec<QuestionSummary>,
    /// Per role, when every role that answered reaches the minimum.
    pub by_role: Option<Vec<(RoleKind, Vec<QuestionSummary>)>>,
}

/// Summarises answers, or says why it may not: fewer responses than `minimum`.
pub fn summarise(
    survey: &Survey,
    responses: &[SurveyResponse],
    minimum: usize,
) -> Result<SurveyReport, String> {
    let minimum = minimum.max(1);
    if responses.len() < minimum {
        return Err(format!(
            "{} has {} answer{} so far; results are shown from {minimum} answers, so that nobody's answers can be picked out.",
            survey.title,
            responses.len(),
            if responses.len() == 1 { "" } else { "s" }
        ));
    }
    let questions = summarise_all(survey, responses, minimum);
    let mut groups: BTreeMap<RoleKind, Vec<SurveyResponse>> = BTreeMap::new();
    for r in responses {
        groups.entry(r.role).or_default().push(r.clone());
    }
    // One small group would be the total minus the others: all groups reach it, or none
    // is shown.
    let by_role = (groups.len() > 1 && groups.values().all(|g| g.len() >= minimum)).then(|| {
        let mut split: Vec<(RoleKind, Vec<QuestionSummary>)> = groups
            .iter()
            .map(|(role, rs)| (*role, summarise_all(survey, rs, minimum)))
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
        responses: responses.len(),
        minimum,
        questions,
        by_role,
    })
}

fn summarise_all(
    survey: &Survey,
    responses: &[SurveyResponse],
    minimum: usize,
) -> Vec<QuestionSummary> {
    survey
        .questions
        .iter()
        .map(|q| {
            let answers: Vec<&Answer> = responses
                .iter()
                .filter_map(|r| r.answers.get(&q.id))
                .filter(|a| **a != Answer::Skipped)
                .collect();
            QuestionSummary {
                id: q.id.clone(),
                label: q.label.clone(),
                answered: answers.len(),
                summary: if answers.len() < minimum {
                    Summary::Hidden
                } else {
                    summarise_question(q, &answers)
                },
            }
        })
        .collect()
}

fn summarise_question(q: &Question, answers: &[&Answer]) -> Summary {
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
            let choices = prompt_choices(kind);
            let counts = choices
                .iter()
                .map(|c| {
                    let n = answers
                        .iter()
                        .filter(|a| a.values().contains(&c.value))
                        .count();
                    (c.label.clone(), n)
                })
                .collect();
            Summary::Counts {
                counts,
                mean: matches!(kind, QuestionKind::Scale { .. }).then(|| mean(numbers().collect())),
            }
        }
    }
}

impl SurveyReport {
    /// The report as text for the coordinators' room.
    pub fn text(&self, survey: &Survey, programme: &str, invited: usize) -> String {
        let mut s = format!(
            "Survey results: {} ({programme}), {} answer{} from {invited} invited{}.",
            survey.title,
            self.responses,
            if self.responses == 1 { "" } else { "s" },
            if survey.anonymous { ", anonymous" } else { "" }
        );
        for q in &self.questions {
            s.push_str(&format!("\n\n{}", question_text(q, self.minimum)));
        }
        match &self.by_role {
            Some(groups) => {
                for (role, qs) in groups {
                    let figures: Vec<String> = qs.iter().filter_map(headline).collect();
                    if !figures.is_empty() {
                        s.push_str(&format!("\n\n{role}s: {}", figures.join(" · ")));
                    }
                }
            }
            None => s.push_str(&format!(
                "\n\nNo breakdown by role: it is shown only when mentors and mentees each have at least {} answers.",
                self.minimum
            )),
        }
        s
    }
}

/// A question's one-line figure (for the breakdown by role).
fn headline(q: &QuestionSummary) -> Option<String> {
    match &q.summary {
        Summary::Counts { mean: Some(m), .. } => Some(format!("{} {:.1}", q.label, m)),
        Summary::Nps { score, .. } => Some(format!("{} NPS {score:+}", q.label)),
        Summary::Numbers { mean, .. } => Some(format!("{} {:.1}", q.label, mean)),
        _ => None,
    }
}

fn question_text(q: &QuestionSummary, minimum: usize) -> String {
    let mut s = format!("{} ({} answered)", q.label, q.answered);
    match &q.summary {
        Summary::Hidden => s.push_str(&format!(": not shown, fewer than {minimum} answers.")),
        Summary::Counts { counts, mean } => {
            if let Some(m) = mean {
                s.push_str(&format!(": average {m:.1}"));
            }
            let total: usize = q.answered.max(1);
            for (label, n) in counts {
                s.push_str(&format!("\n  {label}: {n} {}", bar(*n, total)));
            }
        }
        Summary::Nps {
            score,
            promoters,
            passives,
            detractors,
        } => s.push_str(&format!(
            ": NPS {score:+} ({promoters} promoters, {passives} passives, {detractors} detractors)"
        )),
        Summary::Numbers { mean, min, max } => s.push_str(&format!(
            ": average {}, from {} to {}",
            format_number((mean * 10.0).round() / 10.0),
            format_number(*min),
            format_number(*max)
        )),
        Summary::Texts(texts) => {
            for t in texts {
                s.push_str(&format!("\n  “{}”", super::text::preview(t, 300)));
            }
        }
    }
    s
}

/// A small text bar: one block per tenth of the answers.
fn bar(n: usize, total: usize) -> String {
    "█".repeat((n * 10 + total / 2) / total.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        let q = |id: &str, kind: QuestionKind| Question {
            id: id.into(),
            label: id.into(),
            prompt: id.into(),
            help: None,
            kind,
            optional: true,
            show_if: None,
        };
        Survey {
            id: "midpoint".into(),
            title: "Midpoint survey".into(),
            intro: String::new(),
            anonymous: true,
            roles: vec![RoleKind::Mentee, RoleKind::Mentor],
            questions: vec![
                q(
                    "satisfaction",
                    QuestionKind::Scale {
                        labels: ["Very poor", "Poor", "OK", "Good", "Very good"]
                            .map(String::from)
                            .to_vec(),
                    },
                ),
                q("recommend", QuestionKind::Nps),
                q(
                    "comments",
                    QuestionKind::LongText {
                        min_length: 1,
                        max_length: 500,
                    },
                ),
            ],
            reminder_days: 3,
            open_days: 14,
        }
    }

    fn response(role: RoleKind, scale: f64, nps: f64, text: Option<&str>) -> SurveyResponse {
        let mut answers = BTreeMap::new();
        answers.insert("satisfaction".into(), Answer::Number(scale));
        answers.insert("recommend".into(), Answer::Number(nps));
        answers.insert(
            "comments".into(),
            text.map_or(Answer::Skipped, |t| Answer::Text(t.into())),
        );
        SurveyResponse {
            role,
            answers,
            user: None,
        }
    }

    #[test]
    fn fewer_answers_than_the_minimum_give_no_summary_at_all() {
        let rs: Vec<_> = (0..4)
            .map(|_| response(RoleKind::Mentee, 4.0, 9.0, Some("good")))
            .collect();
        let err = summarise(&survey(), &rs, 5).unwrap_err();
        assert!(err.contains("4 answers so far"), "{err}");
        assert!(err.contains("from 5 answers"), "{err}");
    }

    #[test]
    fn scale_and_nps_are_summarised_and_free_text_from_too_few_is_hidden() {
        let mut rs: Vec<_> = (0..5)
            .map(|i| {
                response(
                    RoleKind::Mentee,
                    3.0 + f64::from(i % 3),
                    f64::from(6 + i),
                    None,
                )
            })
            .collect();
        rs[0]
            .answers
            .insert("comments".into(), Answer::Text("zebra".into()));
        let report = summarise(&survey(), &rs, 5).unwrap();
        let text = report.text(&survey(), "Pathways", 8);
        assert!(
            text.contains("5 answers from 8 invited, anonymous"),
            "{text}"
        );
        // 3,4,5,3,4 → 3.8; NPS 6,7,8,9,10 → 2 promoters, 1 detractor → +20.
        assert!(
            text.contains("satisfaction (5 answered): average 3.8"),
            "{text}"
        );
        assert!(
            text.contains("NPS +20 (2 promoters, 2 passives, 1 detractors)"),
            "{text}"
        );
        assert!(text.contains("comments (1 answered): not shown"), "{text}");
        assert!(!text.contains("zebra"), "{text}");
        assert!(report.by_role.is_none());
    }

    #[test]
    fn a_breakdown_by_role_needs_every_group_to_reach_the_minimum() {
        let mut rs: Vec<_> = (0..6)
            .map(|_| response(RoleKind::Mentee, 5.0, 10.0, Some("great")))
            .collect();
        rs.extend((0..4).map(|_| response(RoleKind::Mentor, 1.0, 0.0, Some("poor"))));
        let report = summarise(&survey(), &rs, 5).unwrap();
        assert!(
            report.by_role.is_none(),
            "4 mentors must not be shown apart"
        );
        let text = report.text(&survey(), "Pathways", 10);
        assert!(text.contains("No breakdown by role"), "{text}");
        rs.push(response(RoleKind::Mentor, 1.0, 0.0, None));
        let report = summarise(&survey(), &rs, 5).unwrap();
        let text = report.text(&survey(), "Pathways", 11);
        assert!(
            text.contains("mentors: satisfaction 1.0 · recommend NPS -100"),
            "{text}"
        );
        // Free text is listed in alphabetical order, never in the order given.
        let great = text.find("“great”").unwrap();
        let poor = text.find("“poor”").unwrap();
        assert!(great < poor);
    }

    #[test]
    fn no_group_is_shown_for_a_question_another_group_answered_too_rarely() {
        // Six mentees and five mentors respond; every mentor answers the optional text
        // question, one mentee does: the mentors' figure would reveal that mentee's.
        let mut rs: Vec<_> = (0..6)
            .map(|i| response(RoleKind::Mentee, 4.0, 9.0, (i == 0).then_some("one")))
            .collect();
        rs.extend((0..5).map(|_| response(RoleKind::Mentor, 2.0, 5.0, Some("many"))));
        let mut s = survey();
        s.questions[2].kind = QuestionKind::Scale {
            labels: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
        };
        for r in &mut rs {
            if let Some(Answer::Text(_)) = r.answers.get("comments") {
                r.answers.insert("comments".into(), Answer::Number(3.0));
            }
        }
        let report = summarise(&s, &rs, 5).unwrap();
        let groups = report.by_role.expect("both groups reach five");
        for (_, qs) in &groups {
            assert_eq!(qs[2].summary, Summary::Hidden, "{qs:?}");
            assert_ne!(qs[0].summary, Summary::Hidden);
        }
    }

    #[test]
    fn audiences_are_read_with_a_clear_message_for_anything_else() {
        assert_eq!(
            Audience::parse("Mentees"),
            Ok(Audience::Role(RoleKind::Mentee))
        );
        assert_eq!(
            Audience::parse("cohort 2027-01"),
            Ok(Audience::Cohort {
                year: 2027,
                month: 1
            })
        );
        let err = Audience::parse("friends").unwrap_err();
        assert!(err.contains("all, mentors, mentees, matched"), "{err}");
        assert!(Audience::parse("2027-13").is_err());
    }
}
