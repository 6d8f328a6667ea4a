//! A refusal by the screening rules, told early and kindly: which `ineligible` rules the
//! answers given so far already settle (so the person hears it right after the answer, not
//! at the end), and when someone they refused may apply again.
//!
//! Two things let a person refused by the rules come back:
//! - a mistaken answer can be corrected within [`correction_window`] of the refusal (the
//!   application is re-opened with its answers);
//! - each rule says when someone it refused may apply again ([`ApplyAgain`]): never (the
//!   default), a number of days later, or, for a `below` rule on a number that grows by one
//!   a year (an age, years of experience), once the answer can have reached the threshold.
//!
//! Everything here is computed from the rules, the answers and the time of the refusal:
//! nothing more is stored.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::screening::{Cond, Rule, RuleOutcome, Screening};

/// When someone an `ineligible` rule refused may apply again, as the rule says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplyAgain {
    /// Not again (a mistaken answer can still be corrected within the correction window).
    #[default]
    Never,
    /// This many days after the refusal (0: at once).
    AfterDays(u32),
    /// The rule is `below` on a number that grows by one a year: once it can have reached
    /// the threshold.
    Yearly,
}

/// How long after a refusal by the rules the person may correct a mistaken answer.
pub fn correction_window() -> Duration {
    Duration::hours(24)
}

/// The value of `cond` if the questions answered so far decide it whatever the answers
/// still to come, or `None` while it depends on a question not answered yet. `answers` are
/// those of the questions that apply; a skip counts as an answer.
pub fn settled(cond: &Cond, answers: &BTreeMap<String, Answer>) -> Option<bool> {
    match cond {
        Cond::All(cs) => {
            let mut open = false;
            for c in cs {
                match settled(c, answers) {
                    Some(false) => return Some(false),
                    None => open = true,
                    Some(true) => {}
                }
            }
            (!open).then_some(true)
        }
        Cond::Any(cs) => {
            let mut open = false;
            for c in cs {
                match settled(c, answers) {
                    Some(true) => return Some(true),
                    None => open = true,
                    Some(false) => {}
                }
            }
            (!open).then_some(false)
        }
        Cond::Not(c) => settled(c, answers).map(|b| !b),
        leaf => leaf
            .questions()
            .iter()
            .all(|q| answers.contains_key(*q))
            .then(|| leaf.matches(answers)),
    }
}

/// The `ineligible` rules that the answers so far already settle: the application will be
/// refused whatever is answered next (unless one of these answers changes).
pub fn settled_refusals<'s>(
    screening: &'s Screening,
    answers: &BTreeMap<String, Answer>,
) -> Vec<&'s Rule> {
    screening
        .rules
        .iter()
        .filter(|r| r.outcome == RuleOutcome::Ineligible && settled(&r.when, answers) == Some(true))
        .collect()
}

/// When a person refused by `rules` may apply again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reapply {
    /// From `at`. With `surely_by` (a yearly rule), the date by which the person will meet
    /// the rule for certain; they may meet it sooner, and may apply from `at`.
    From {
        at: DateTime<Utc>,
        surely_by: Option<DateTime<Utc>>,
    },
    Never,
}

/// When a person whom `rules` refused at `refused_at`, on `answers`, may apply again: the
/// latest of what each rule allows (never, if one of them says so).
pub fn reapply(
    rules: &[&Rule],
    answers: &BTreeMap<String, Answer>,
    refused_at: DateTime<Utc>,
) -> Reapply {
    let mut at = refused_at;
    let mut surely_by: Option<DateTime<Utc>> = None;
    for rule in rules {
        match rule.apply_again {
            ApplyAgain::Never => return Reapply::Never,
            ApplyAgain::AfterDays(days) => {
                at = at.max(refused_at + Duration::days(i64::from(days)));
            }
            ApplyAgain::Yearly => {
                let Some(years) = years_short(&rule.when, answers) else {
                    continue;
                };
                let in_years = |n: u32| refused_at.checked_add_months(Months::new(12 * n));
                // Someone a year short may reach the threshold tomorrow (a birthday), and
                // will have within the year.
                let earliest = in_years(years - 1).map(|d| d + Duration::days(1));
                match (earliest, in_years(years)) {
                    (Some(earliest), Some(by)) => {
                        at = at.max(earliest);
                        surely_by = Some(surely_by.map_or(by, |s| s.max(by)));
                    }
                    _ => return Reapply::Never,
                }
            }
        }
    }
    Reapply::From { at, surely_by }
}

/// For a `below` rule on a number answer: how many whole years short of the threshold the
/// answer is (at least one).
fn years_short(cond: &Cond, answers: &BTreeMap<String, Answer>) -> Option<u32> {
    let Cond::Below { question, value } = cond else {
        return None;
    };
    let Some(Answer::Number(n)) = answers.get(question) else {
        return None;
    };
    let gap = (value - n).ceil();
    (1.0..=200.0).contains(&gap).then_some(gap as u32)
}

/// Whether someone refused at `refused_at` may re-open their application at `now`: within
/// the correction window, or once `reapply` allows. `Err` says from when they may (`None`:
/// never).
pub fn may_reopen(
    refused_at: DateTime<Utc>,
    now: DateTime<Utc>,
    reapply: Reapply,
) -> Result<(), Option<DateTime<Utc>>> {
    if now < refused_at + correction_window() {
        return Ok(());
    }
    match reapply {
        Reapply::From { at, .. } if now >= at => Ok(()),
        Reapply::From { at, .. } => Err(Some(at)),
        Reapply::Never => Err(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> String {
        s.to_string()
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn rule(id: &str, when: Cond, apply_again: ApplyAgain) -> Rule {
        Rule {
            id: id.into(),
            outcome: RuleOutcome::Ineligible,
            reason: format!("because {id}"),
            when,
            apply_again,
        }
    }

    fn too_young() -> Rule {
        rule(
            "too_young",
            Cond::Below {
                question: q("age"),
                value: 16.0,
            },
            ApplyAgain::Yearly,
        )
    }

    fn answers(given: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        given
            .iter()
            .map(|(id, a)| (id.to_string(), a.clone()))
            .collect()
    }

    #[test]
    fn a_condition_is_settled_only_when_the_questions_it_still_needs_are_answered() {
        let young = Cond::Below {
            question: q("age"),
            value: 16.0,
        };
        let no_check = Cond::OneOf {
            question: q("check"),
            values: vec![q("no")],
        };
        let fifteen = answers(&[("age", Answer::Number(15.0))]);
        assert_eq!(settled(&young, &fifteen), Some(true));
        assert_eq!(settled(&young, &answers(&[])), None);
        // Unanswered, `none_of` would match today: it is not settled.
        let none_of = Cond::NoneOf {
            question: q("langs"),
            values: vec![q("en")],
        };
        assert_eq!(settled(&none_of, &fifteen), None);
        let any = Cond::Any(vec![young.clone(), no_check.clone()]);
        assert_eq!(
            settled(&any, &fifteen),
            Some(true),
            "one true part settles any"
        );
        let all = Cond::All(vec![young.clone(), no_check.clone()]);
        assert_eq!(settled(&all, &fifteen), None, "all waits for the check");
        let adult = answers(&[("age", Answer::Number(20.0))]);
        assert_eq!(
            settled(&all, &adult),
            Some(false),
            "one false part settles all"
        );
        assert_eq!(settled(&Cond::Not(Box::new(young)), &adult), Some(true));
    }

    #[test]
    fn only_ineligible_rules_the_answers_settle_refuse_early() {
        let mut review = too_young();
        review.outcome = RuleOutcome::NeedsReview;
        let screening = Screening {
            rules: vec![review, too_young()],
            ..Screening::default()
        };
        let refusing = settled_refusals(&screening, &answers(&[("age", Answer::Number(15.0))]));
        assert_eq!(refusing.len(), 1);
        assert_eq!(refusing[0].outcome, RuleOutcome::Ineligible);
        assert!(
            settled_refusals(&screening, &answers(&[("age", Answer::Number(16.0))])).is_empty()
        );
        assert!(settled_refusals(&screening, &answers(&[])).is_empty());
    }

    #[test]
    fn a_yearly_rule_gives_the_date_the_threshold_is_surely_reached() {
        let refused = at("2027-01-15T08:00:00Z");
        let young = too_young();
        let fifteen = answers(&[("age", Answer::Number(15.0))]);
        assert_eq!(
            reapply(&[&young], &fifteen, refused),
            Reapply::From {
                at: at("2027-01-16T08:00:00Z"),
                surely_by: Some(at("2028-01-15T08:00:00Z")),
            }
        );
        let thirteen = answers(&[("age", Answer::Number(13.0))]);
        assert_eq!(
            reapply(&[&young], &thirteen, refused),
            Reapply::From {
                at: at("2029-01-16T08:00:00Z"),
                surely_by: Some(at("2030-01-15T08:00:00Z")),
            }
        );
    }

    #[test]
    fn the_latest_rule_decides_when_to_apply_again_and_never_wins() {
        let refused = at("2027-01-15T08:00:00Z");
        let check = rule(
            "no_check",
            Cond::OneOf {
                question: q("check"),
                values: vec![q("no")],
            },
            ApplyAgain::AfterDays(90),
        );
        let given = answers(&[
            ("age", Answer::Number(15.0)),
            ("check", Answer::YesNo(false)),
        ]);
        let young = too_young();
        assert_eq!(
            reapply(&[&young, &check], &given, refused),
            Reapply::From {
                at: at("2027-04-15T08:00:00Z"),
                surely_by: Some(at("2028-01-15T08:00:00Z")),
            }
        );
        let never = rule(
            "too_old",
            Cond::Answered {
                question: q("age"),
                answered: true,
            },
            ApplyAgain::Never,
        );
        assert_eq!(reapply(&[&check, &never], &given, refused), Reapply::Never);
    }

    #[test]
    fn a_refused_application_reopens_within_the_window_or_once_allowed() {
        let refused = at("2027-01-15T08:00:00Z");
        let later = |hours: i64| refused + Duration::hours(hours);
        assert_eq!(may_reopen(refused, later(23), Reapply::Never), Ok(()));
        assert_eq!(may_reopen(refused, later(24), Reapply::Never), Err(None));
        let from = Reapply::From {
            at: later(24 * 90),
            surely_by: None,
        };
        assert_eq!(
            may_reopen(refused, later(25), from),
            Err(Some(later(24 * 90)))
        );
        assert_eq!(may_reopen(refused, later(24 * 90), from), Ok(()));
    }
}
