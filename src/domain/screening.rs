//! Screening: automatic rules on application answers, and the record of steps (interview,
//! background check, orientation, training) a person completes before they can be matched.
//!
//! Rules are evaluated on submit. Each rule has a condition on the answers and an outcome;
//! the decisive outcome is the most cautious one among the rules that matched
//! (ineligible over needs-review over eligible), or the role's default when none matched.
//! Every rule's result is kept, so reviewers see why an application was routed to them.
//!
//! To add a condition operator: a variant of [`Cond`], its meaning in [`Cond::matches`], its
//! description in [`Cond::describe`], and its TOML form in `config::build_cond`.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::answer::{Answer, format_number};
use super::when::Reader;

/// What the rules decided about an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOutcome {
    Eligible,
    NeedsReview,
    Ineligible,
}

impl RuleOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleOutcome::Eligible => "eligible",
            RuleOutcome::NeedsReview => "needs_review",
            RuleOutcome::Ineligible => "ineligible",
        }
    }

    /// The outcome in words, said to reviewers in their language (the code,
    /// [`RuleOutcome::as_str`], is for the configuration and storage).
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            RuleOutcome::Eligible => Text::msg("rule-outcome-eligible"),
            RuleOutcome::NeedsReview => Text::msg("rule-outcome-needs-review"),
            RuleOutcome::Ineligible => Text::msg("rule-outcome-ineligible"),
        }
    }
}

impl FromStr for RuleOutcome {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "eligible" => Ok(RuleOutcome::Eligible),
            "needs_review" => Ok(RuleOutcome::NeedsReview),
            "ineligible" => Ok(RuleOutcome::Ineligible),
            other => Err(format!(
                "unknown outcome `{other}`; expected eligible, needs_review or ineligible"
            )),
        }
    }
}

/// A condition on the answers of an application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// The answer has at least one of `values` (a choice, a yes/no, a language code...).
    OneOf {
        question: String,
        values: Vec<String>,
    },
    /// The answer has none of `values` (also true when unanswered).
    NoneOf {
        question: String,
        values: Vec<String>,
    },
    /// A number answer below `value`.
    Below {
        question: String,
        value: f64,
    },
    /// A number answer of at least `value`.
    AtLeast {
        question: String,
        value: f64,
    },
    /// Whether the question was answered (not skipped, not hidden).
    Answered {
        question: String,
        answered: bool,
    },
}

impl Cond {
    pub fn matches(&self, answers: &BTreeMap<String, Answer>) -> bool {
        let values =
            |q: &str| -> Vec<String> { answers.get(q).map(|a| a.values()).unwrap_or_default() };
        let number = |q: &str| match answers.get(q) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        };
        match self {
            Cond::All(cs) => cs.iter().all(|c| c.matches(answers)),
            Cond::Any(cs) => cs.iter().any(|c| c.matches(answers)),
            Cond::Not(c) => !c.matches(answers),
            Cond::OneOf {
                question,
                values: wanted,
            } => values(question).iter().any(|v| wanted.contains(v)),
            Cond::NoneOf {
                question,
                values: unwanted,
            } => !values(question).iter().any(|v| unwanted.contains(v)),
            Cond::Below { question, value } => number(question).is_some_and(|n| n < *value),
            Cond::AtLeast { question, value } => number(question).is_some_and(|n| n >= *value),
            Cond::Answered { question, answered } => {
                let has = answers
                    .get(question)
                    .is_some_and(|a| !matches!(a, Answer::Skipped));
                has == *answered
            }
        }
    }

    /// A short description for reviewers ("age < 18").
    pub fn describe(&self) -> String {
        let join = |cs: &[Cond], sep: &str| {
            cs.iter()
                .map(|c| match c {
                    Cond::All(_) | Cond::Any(_) => format!("({})", c.describe()),
                    _ => c.describe(),
                })
                .collect::<Vec<_>>()
                .join(sep)
        };
        match self {
            Cond::All(cs) => join(cs, " and "),
            Cond::Any(cs) => join(cs, " or "),
            Cond::Not(c) => format!("not ({})", c.describe()),
            Cond::OneOf { question, values } if values.len() == 1 => {
                format!("{question} is {}", values[0])
            }
            Cond::OneOf { question, values } => {
                format!("{question} is one of {}", values.join(", "))
            }
            Cond::NoneOf { question, values } => {
                format!("{question} is none of {}", values.join(", "))
            }
            Cond::Below { question, value } => format!("{question} < {}", format_number(*value)),
            Cond::AtLeast { question, value } => {
                format!("{question} ≥ {}", format_number(*value))
            }
            Cond::Answered {
                question,
                answered: true,
            } => format!("{question} is answered"),
            Cond::Answered {
                question,
                answered: false,
            } => format!("{question} is not answered"),
        }
    }

    /// [`Cond::describe`], said to reviewers in their language: the words between the
    /// question ids and values (which stay as configured) are the reader's.
    pub fn said(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        // A condition inside another reads in brackets when it joins several.
        let part = |c: &Cond| match c {
            Cond::All(_) | Cond::Any(_) => {
                Text::join(vec![Text::plain("("), c.said(), Text::plain(")")], "")
            }
            _ => c.said(),
        };
        let joined = |cs: &[Cond], and: bool| {
            let mut parts = cs.iter().map(part);
            let first = parts.next().unwrap_or_else(|| Text::plain(""));
            parts.fold(first, |left, right| {
                if and {
                    Text::msg("rule-and")
                } else {
                    Text::msg("rule-or")
                }
                .arg("left", left)
                .arg("right", right)
            })
        };
        match self {
            Cond::All(cs) => joined(cs, true),
            Cond::Any(cs) => joined(cs, false),
            Cond::Not(c) => Text::msg("rule-not").arg("cond", c.said()),
            Cond::OneOf { question, values } if values.len() == 1 => Text::msg("rule-is")
                .arg("question", question)
                .arg("value", &values[0]),
            Cond::OneOf { question, values } => Text::msg("rule-is-one-of")
                .arg("question", question)
                .arg("values", values.join(", ")),
            Cond::NoneOf { question, values } => Text::msg("rule-is-none-of")
                .arg("question", question)
                .arg("values", values.join(", ")),
            Cond::Below { .. } | Cond::AtLeast { .. } => Text::plain(self.describe()),
            Cond::Answered { question, answered } => if *answered {
                Text::msg("rule-answered")
            } else {
                Text::msg("rule-not-answered")
            }
            .arg("question", question),
        }
    }

    /// Every question id the condition reads.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().flat_map(|c| c.questions()).collect(),
            Cond::Not(c) => c.questions(),
            Cond::OneOf { question, .. }
            | Cond::NoneOf { question, .. }
            | Cond::Below { question, .. }
            | Cond::AtLeast { question, .. }
            | Cond::Answered { question, .. } => vec![question.as_str()],
        }
    }
}

/// One screening rule of a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub outcome: RuleOutcome,
    /// For `ineligible`, the kind explanation the applicant receives; for others, a note
    /// for reviewers.
    pub reason: String,
    pub when: Cond,
    /// For `ineligible`: when someone this rule refused may apply again.
    #[serde(default)]
    pub apply_again: super::refusal::ApplyAgain,
}

/// The screening configuration of a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    /// The outcome when no rule matches.
    pub default: RuleOutcome,
    pub rules: Vec<Rule>,
    /// Steps an accepted participant completes before they can be matched.
    pub steps: Vec<StepDef>,
}

impl Default for Screening {
    fn default() -> Self {
        Screening {
            default: RuleOutcome::NeedsReview,
            rules: vec![],
            steps: vec![],
        }
    }
}

/// The result of one rule on one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleResult {
    pub rule: String,
    pub outcome: RuleOutcome,
    pub matched: bool,
    pub description: String,
    pub reason: String,
}

/// What screening decided on submit, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub outcome: RuleOutcome,
    /// The reason shown to an ineligible applicant, or the reviewers' notes.
    pub reasons: Vec<String>,
    pub results: Vec<RuleResult>,
}

/// Evaluates a role's rules on the answers of an application.
pub fn evaluate(screening: &Screening, answers: &BTreeMap<String, Answer>) -> Evaluation {
    let results: Vec<RuleResult> = screening
        .rules
        .iter()
        .map(|r| RuleResult {
            rule: r.id.clone(),
            outcome: r.outcome,
            matched: r.when.matches(answers),
            description: r.when.describe(),
            reason: r.reason.clone(),
        })
        .collect();
    let outcome = results
        .iter()
        .filter(|r| r.matched)
        .map(|r| r.outcome)
        .max()
        .unwrap_or(screening.default);
    let reasons = results
        .iter()
        .filter(|r| r.matched && r.outcome == outcome && !r.reason.is_empty())
        .map(|r| r.reason.clone())
        .collect();
    Evaluation {
        outcome,
        reasons,
        results,
    }
}

// ---------------------------------------------------------------------------------------
// Screening steps

/// A step of the screening record, as configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepDef {
    pub id: String,
    pub label: String,
    pub kind: StepKind,
    /// For a step that expires (a background check): how many days before its expiry the
    /// person and the coordinators are warned, so it can be renewed in time (0: never).
    #[serde(default = "default_warn_days")]
    pub warn_days: u32,
}

/// Days before a check expires that the warning goes out, unless the step says otherwise.
pub const DEFAULT_WARN_DAYS: u32 = 30;

fn default_warn_days() -> u32 {
    DEFAULT_WARN_DAYS
}

impl StepDef {
    /// Whether a check of this step expiring on `expires` is due its warning on `today`:
    /// within the step's lead time, and not yet expired (expiry has its own message).
    pub fn warn_due(&self, expires: NaiveDate, today: NaiveDate) -> bool {
        self.warn_days > 0
            && expires > today
            && expires <= today + chrono::Duration::days(i64::from(self.warn_days))
    }
}

/// What happens to an active match when a member's background check lapses or fails.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnLapse {
    /// The coordinators are alerted and decide; the match carries on meanwhile.
    #[default]
    Notify,
    /// The coordinators are alerted and the match is paused until one of them decides.
    Pause,
}

impl FromStr for OnLapse {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "notify" => Ok(OnLapse::Notify),
            "pause" => Ok(OnLapse::Pause),
            other => Err(format!(
                "unknown `on_lapse` value `{other}`; expected notify (alert the coordinators) or pause (alert them and pause the match until they decide)"
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    /// Scheduled, then done; updated by coordinators.
    Interview,
    /// Cleared with an expiry date, or failed; updated by coordinators. Mentors only.
    BackgroundCheck,
    /// The participant reads `text` (orientation, code of conduct) and acknowledges it;
    /// with a `resource` (one of the programme's), reading it is acknowledging it.
    Acknowledgement {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resource: Option<String>,
    },
    /// Any other task a coordinator marks done (training).
    Task,
}

impl StepKind {
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Interview => "interview",
            StepKind::BackgroundCheck => "background_check",
            StepKind::Acknowledgement { .. } => "acknowledgement",
            StepKind::Task => "task",
        }
    }
}

/// Where a participant stands on one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepState {
    Pending,
    Scheduled { on: NaiveDate },
    Done { on: NaiveDate },
    Cleared { expires: NaiveDate },
    Failed,
    Expired { on: NaiveDate },
    Acknowledged { at: DateTime<Utc> },
}

impl StepState {
    /// Whether this state completes the step on `today`.
    pub fn complete(&self, today: NaiveDate) -> bool {
        match self {
            StepState::Done { .. } | StepState::Acknowledged { .. } => true,
            StepState::Cleared { expires } => *expires > today,
            _ => false,
        }
    }

    /// Where the step stands, said in the reader's language (to the participant, and to
    /// the coordinators who record it).
    pub fn said(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            StepState::Pending => Text::msg("step-pending"),
            StepState::Scheduled { on } => Text::msg("step-scheduled").arg("date", Text::date(*on)),
            StepState::Done { on } => Text::msg("step-done").arg("date", Text::date(*on)),
            StepState::Cleared { expires } => {
                Text::msg("step-cleared").arg("date", Text::date(*expires))
            }
            StepState::Failed => Text::msg("step-failed"),
            StepState::Expired { on } => Text::msg("step-expired").arg("date", Text::date(*on)),
            StepState::Acknowledged { at } => {
                Text::msg("step-acknowledged").arg("date", Text::date(at.date_naive()))
            }
        }
    }
}

/// Parses a coordinator's update of a step: `done`, `scheduled 20/01/2027`,
/// `cleared until 31 January 2029`, `failed`, `pending`, its dates read as the coordinator
/// writes them (`dates`: the programme's order, `next Wednesday`; today is theirs). The
/// error says what fits, in the coordinator's language (`locales/*/reading.ftl`).
pub fn parse_step_update(
    kind: &StepKind,
    words: &[&str],
    dates: &Reader,
) -> Result<StepState, crate::i18n::Text> {
    use crate::i18n::Text;
    let today = dates.today();
    let date_arg = |ws: &[&str]| -> Result<NaiveDate, Text> {
        let text = ws
            .iter()
            .copied()
            .filter(|w| !w.eq_ignore_ascii_case("until") && !w.eq_ignore_ascii_case("for"))
            .collect::<Vec<_>>()
            .join(" ");
        dates.read_date(&text)
    };
    let word = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let expected = match kind {
        StepKind::Interview => Text::msg("step-update-interview"),
        StepKind::BackgroundCheck => Text::msg("step-update-check"),
        StepKind::Acknowledgement { .. } => Text::msg("step-update-acknowledgement"),
        StepKind::Task => Text::msg("step-update-task"),
    };
    let state = match (kind, word.as_str()) {
        (_, "pending") => StepState::Pending,
        (StepKind::Interview, "scheduled") => {
            let on = date_arg(&words[1..])?;
            if on < today {
                return Err(Text::msg("review-in-the-past").arg("date", Text::date(on)));
            }
            StepState::Scheduled { on }
        }
        (StepKind::Interview | StepKind::Task, "done") => StepState::Done { on: today },
        (StepKind::BackgroundCheck, "cleared") => {
            if words.len() < 2 {
                return Err(Text::msg("step-update-expiry").arg("example", dates.example_date()));
            }
            let expires = date_arg(&words[1..])?;
            if expires <= today {
                return Err(Text::msg("step-update-not-future").arg("date", Text::date(expires)));
            }
            StepState::Cleared { expires }
        }
        (StepKind::BackgroundCheck, "failed") => StepState::Failed,
        _ => return Err(Text::msg("step-update-use").arg("expected", expected)),
    };
    Ok(state)
}

/// A participant is ready when every step is complete on `today`.
pub fn all_complete(
    steps: &[StepDef],
    states: &BTreeMap<String, StepState>,
    today: NaiveDate,
) -> bool {
    steps
        .iter()
        .all(|s| states.get(&s.id).is_some_and(|state| state.complete(today)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> BTreeMap<String, Answer> {
        BTreeMap::from([
            ("age".to_string(), Answer::Number(17.0)),
            ("check".to_string(), Answer::YesNo(false)),
            (
                "langs".to_string(),
                Answer::Languages(vec!["en".into(), "sw".into()]),
            ),
            ("extra".to_string(), Answer::Skipped),
        ])
    }

    fn q(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn every_operator_reads_the_answers() {
        let a = answers();
        let below = Cond::Below {
            question: q("age"),
            value: 18.0,
        };
        assert!(below.matches(&a));
        assert!(
            !Cond::AtLeast {
                question: q("age"),
                value: 18.0
            }
            .matches(&a)
        );
        let one_of = Cond::OneOf {
            question: q("langs"),
            values: vec![q("sw"), q("fr")],
        };
        assert!(one_of.matches(&a));
        assert!(
            !Cond::NoneOf {
                question: q("langs"),
                values: vec![q("sw")]
            }
            .matches(&a)
        );
        assert!(
            Cond::NoneOf {
                question: q("missing"),
                values: vec![q("x")]
            }
            .matches(&a)
        );
        assert!(
            Cond::OneOf {
                question: q("check"),
                values: vec![q("no")]
            }
            .matches(&a)
        );
        assert!(
            Cond::Answered {
                question: q("extra"),
                answered: false
            }
            .matches(&a)
        );
        assert!(
            Cond::Answered {
                question: q("age"),
                answered: true
            }
            .matches(&a)
        );
        assert!(Cond::All(vec![below.clone(), one_of.clone()]).matches(&a));
        assert!(!Cond::All(vec![below.clone(), Cond::Not(Box::new(one_of.clone()))]).matches(&a));
        assert!(Cond::Any(vec![Cond::Not(Box::new(below.clone())), one_of]).matches(&a));
        assert!(
            !Cond::Below {
                question: q("langs"),
                value: 3.0
            }
            .matches(&a),
            "a non-number never compares"
        );
    }

    #[test]
    fn conditions_describe_themselves_for_reviewers() {
        let c = Cond::Any(vec![
            Cond::Below {
                question: q("age"),
                value: 18.0,
            },
            Cond::All(vec![
                Cond::OneOf {
                    question: q("check"),
                    values: vec![q("no")],
                },
                Cond::Answered {
                    question: q("extra"),
                    answered: true,
                },
            ]),
        ]);
        assert_eq!(
            c.describe(),
            "age < 18 or (check is no and extra is answered)"
        );
        // Said to a reviewer: the same in English, the joining words in theirs.
        assert_eq!(c.said().english(), c.describe());
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(
            c.said().render(es),
            "age < 18 o (check es no y extra tiene respuesta)"
        );
        let others = Cond::Not(Box::new(Cond::All(vec![
            Cond::OneOf {
                question: q("langs"),
                values: vec![q("sw"), q("fr")],
            },
            Cond::NoneOf {
                question: q("check"),
                values: vec![q("no")],
            },
            Cond::Answered {
                question: q("extra"),
                answered: false,
            },
            Cond::AtLeast {
                question: q("age"),
                value: 18.0,
            },
        ])));
        assert_eq!(others.said().english(), others.describe());
        assert_eq!(
            others.said().render(es),
            "no (langs es uno de sw, fr y check no es ninguno de no y extra no tiene respuesta y age ≥ 18)"
        );
        assert_eq!(RuleOutcome::NeedsReview.said().english(), "needs review");
        assert_eq!(RuleOutcome::Ineligible.said().render(es), "no admisible");
        assert_eq!(c.questions(), vec!["age", "check", "extra"]);
    }

    fn rule(id: &str, outcome: RuleOutcome, when: Cond) -> Rule {
        Rule {
            id: id.into(),
            outcome,
            reason: format!("because {id}"),
            when,
            apply_again: Default::default(),
        }
    }

    #[test]
    fn the_most_cautious_matching_rule_decides_and_all_results_are_kept() {
        let minor = Cond::Below {
            question: q("age"),
            value: 18.0,
        };
        let adult = Cond::AtLeast {
            question: q("age"),
            value: 18.0,
        };
        let no_check = Cond::OneOf {
            question: q("check"),
            values: vec![q("no")],
        };
        let screening = Screening {
            default: RuleOutcome::Eligible,
            rules: vec![
                rule("minor", RuleOutcome::NeedsReview, minor.clone()),
                rule("adult", RuleOutcome::Eligible, adult),
            ],
            steps: vec![],
        };
        let e = evaluate(&screening, &answers());
        assert_eq!(e.outcome, RuleOutcome::NeedsReview);
        assert_eq!(e.reasons, vec!["because minor"]);
        assert_eq!(e.results.len(), 2);
        assert!(e.results[0].matched && !e.results[1].matched);

        let mut strict = screening.clone();
        strict
            .rules
            .push(rule("no_check", RuleOutcome::Ineligible, no_check));
        let e = evaluate(&strict, &answers());
        assert_eq!(e.outcome, RuleOutcome::Ineligible);
        assert_eq!(e.reasons, vec!["because no_check"]);

        let none = Screening {
            default: RuleOutcome::NeedsReview,
            rules: vec![],
            steps: vec![],
        };
        assert_eq!(
            evaluate(&none, &answers()).outcome,
            RuleOutcome::NeedsReview
        );
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A coordinator on `today`, in a day/month/year programme.
    fn on(today: &str) -> Reader {
        let noon = day(today).and_hms_opt(12, 0, 0).unwrap().and_utc();
        Reader::new(
            noon,
            None,
            Some(crate::domain::when::DateOrder::DayMonthYear),
        )
    }

    #[test]
    fn step_updates_parse_with_dates_and_refuse_the_past() {
        let today = day("2027-01-11");
        let dates = on("2027-01-11");
        // 11 January 2027 is a Monday.
        for (written, expected) in [
            (&["scheduled", "2027-01-20"][..], "2027-01-20"),
            (&["scheduled", "20/01/2027"], "2027-01-20"),
            (
                &["scheduled", "on", "Wednesday", "20", "January"],
                "2027-01-20",
            ),
            (&["scheduled", "next", "wednesday"], "2027-01-13"),
            (&["scheduled", "TODAY"], "2027-01-11"),
        ] {
            assert_eq!(
                parse_step_update(&StepKind::Interview, written, &dates),
                Ok(StepState::Scheduled { on: day(expected) }),
                "{written:?}"
            );
        }
        assert!(
            parse_step_update(&StepKind::Interview, &["scheduled", "2026-12-01"], &dates)
                .unwrap_err()
                .english()
                .contains("1 December 2026 is in the past")
        );
        assert_eq!(
            parse_step_update(
                &StepKind::BackgroundCheck,
                &["cleared", "until", "31.01.2029"],
                &dates
            ),
            Ok(StepState::Cleared {
                expires: day("2029-01-31")
            })
        );
        assert!(
            parse_step_update(
                &StepKind::BackgroundCheck,
                &["cleared", "until", "next", "year"],
                &dates
            )
            .unwrap_err()
            .english()
            .contains("a date like 20/01/2028")
        );
        assert!(
            parse_step_update(&StepKind::BackgroundCheck, &["cleared"], &dates)
                .unwrap_err()
                .english()
                .contains("cleared until 20/01/2028")
        );
        assert!(
            parse_step_update(
                &StepKind::BackgroundCheck,
                &["cleared", "2027-01-11"],
                &dates
            )
            .unwrap_err()
            .english()
            .contains("not in the future")
        );
        assert!(
            parse_step_update(&StepKind::BackgroundCheck, &["done"], &dates)
                .unwrap_err()
                .english()
                .contains("cleared until <date>, failed or pending")
        );
        assert_eq!(
            parse_step_update(&StepKind::Task, &["done"], &dates),
            Ok(StepState::Done { on: today })
        );
        assert!(
            parse_step_update(
                &StepKind::Acknowledgement {
                    text: "t".into(),
                    resource: None,
                },
                &["done"],
                &dates
            )
            .is_err()
        );
    }

    #[test]
    fn a_participant_is_ready_only_when_every_step_is_complete_and_unexpired() {
        let steps = vec![
            StepDef {
                id: "interview".into(),
                label: "Interview".into(),
                kind: StepKind::Interview,
                warn_days: DEFAULT_WARN_DAYS,
            },
            StepDef {
                id: "check".into(),
                label: "Background check".into(),
                kind: StepKind::BackgroundCheck,
                warn_days: DEFAULT_WARN_DAYS,
            },
        ];
        let today = day("2027-01-11");
        let mut states = BTreeMap::from([("interview".to_string(), StepState::Done { on: today })]);
        assert!(!all_complete(&steps, &states, today));
        states.insert(
            "check".into(),
            StepState::Cleared {
                expires: day("2028-01-01"),
            },
        );
        assert!(all_complete(&steps, &states, today));
        assert!(
            !all_complete(&steps, &states, day("2028-01-01")),
            "expired on its date"
        );
        assert!(all_complete(&[], &BTreeMap::new(), today));
    }

    #[test]
    fn a_check_is_due_its_warning_within_the_lead_time_and_before_it_expires() {
        let mut step = StepDef {
            id: "check".into(),
            label: "Background check".into(),
            kind: StepKind::BackgroundCheck,
            warn_days: 30,
        };
        let expires = day("2027-03-01");
        assert!(!step.warn_due(expires, day("2027-01-29")), "31 days before");
        assert!(step.warn_due(expires, day("2027-01-30")), "30 days before");
        assert!(step.warn_due(expires, day("2027-02-28")), "the day before");
        assert!(!step.warn_due(expires, expires), "expired: no warning");
        step.warn_days = 0;
        assert!(!step.warn_due(expires, day("2027-02-28")), "0: never");
    }

    #[test]
    fn on_lapse_reads_notify_or_pause_and_explains_anything_else() {
        assert_eq!("notify".parse::<OnLapse>(), Ok(OnLapse::Notify));
        assert_eq!("pause".parse::<OnLapse>(), Ok(OnLapse::Pause));
        assert!(
            "suspend"
                .parse::<OnLapse>()
                .unwrap_err()
                .contains("unknown `on_lapse` value `suspend`; expected notify")
        );
    }
}
