//! The outcome report's figures: per follow-up, the change from baseline of each indicator,
//! overall and per group of each [`Dimension`], from the responses with their baselines.
//!
//! The anonymity minimum holds everywhere: a follow-up with fewer responses shows nothing;
//! a group with fewer is "too few to show"; an indicator answered (at both times) by fewer
//! in a group is hidden; and when exactly one group of a dimension is too few, the next
//! smallest is hidden with it, as the total minus the others would give the small one away.

use std::collections::BTreeMap;

use super::{Dimension, OutcomeRecord};
use crate::domain::answer::{Answer, labelled_choices};
use crate::domain::programme::{Question, QuestionKind};

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeReport {
    pub minimum: usize,
    /// In the programme's order of follow-ups (then any no longer configured).
    pub follow_ups: Vec<FollowUpReport>,
}

/// One follow-up's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpReport {
    pub label: String,
    pub overall: Group,
    /// Per dimension, its groups (in key order); empty when the overall is not shown.
    pub by: Vec<(Dimension, Vec<Group>)>,
}

/// A group of responses and what may be shown of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Its key in its dimension (`2027 Q1`, `algorithm`); empty for the overall.
    pub key: String,
    pub responses: usize,
    pub shown: Shown,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Figures(Vec<IndicatorChange>),
    /// Fewer responses than the minimum.
    TooFew,
    /// Enough, but hidden with a group that is too few (see the module doc).
    WithSmallGroup,
}

/// One indicator's change in a group.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorChange {
    pub id: String,
    /// Responses with an answer at both times.
    pub pairs: usize,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A number, scale or score: the average at baseline and now.
    Mean { before: f64, after: f64 },
    /// A choice or yes/no: per option (its index in `labelled_choices`), the share who
    /// gave it at baseline and now, in percent. A yes/no shows "yes" only.
    Shares(Vec<(usize, f64, f64)>),
    /// Fewer pairs of answers than the minimum.
    Hidden,
}

fn given<'a>(answers: &'a BTreeMap<String, Answer>, id: &str) -> Option<&'a Answer> {
    answers.get(id).filter(|a| **a != Answer::Skipped)
}

/// One indicator's change over `records`.
fn change(q: &Question, records: &[&OutcomeRecord], minimum: usize) -> IndicatorChange {
    let pairs: Vec<(&Answer, &Answer)> = records
        .iter()
        .filter_map(|r| Some((given(&r.baseline, &q.id)?, given(&r.answers, &q.id)?)))
        .collect();
    let change = if pairs.len() < minimum {
        Change::Hidden
    } else {
        match &q.kind {
            QuestionKind::SingleChoice { .. } | QuestionKind::YesNo => {
                let mut options = labelled_choices(&q.kind);
                if q.kind == QuestionKind::YesNo {
                    options.truncate(1);
                }
                let share = |side: &dyn Fn(&(&Answer, &Answer)) -> bool| {
                    100.0 * pairs.iter().filter(|p| side(p)).count() as f64 / pairs.len() as f64
                };
                Change::Shares(
                    options
                        .iter()
                        .enumerate()
                        .map(|(i, (c, _))| {
                            (
                                i,
                                share(&|(b, _)| b.values().contains(&c.value)),
                                share(&|(_, a)| a.values().contains(&c.value)),
                            )
                        })
                        .collect(),
                )
            }
            _ => {
                let number = |a: &Answer| match a {
                    Answer::Number(n) => Some(*n),
                    _ => None,
                };
                let numbers: Vec<(f64, f64)> = pairs
                    .iter()
                    .filter_map(|(b, a)| Some((number(b)?, number(a)?)))
                    .collect();
                if numbers.len() < minimum {
                    Change::Hidden
                } else {
                    let n = numbers.len() as f64;
                    Change::Mean {
                        before: numbers.iter().map(|p| p.0).sum::<f64>() / n,
                        after: numbers.iter().map(|p| p.1).sum::<f64>() / n,
                    }
                }
            }
        }
    };
    IndicatorChange {
        id: q.id.clone(),
        pairs: pairs.len(),
        change,
    }
}

fn group(
    key: String,
    indicators: &[Question],
    records: &[&OutcomeRecord],
    minimum: usize,
) -> Group {
    Group {
        key,
        responses: records.len(),
        shown: if records.len() < minimum {
            Shown::TooFew
        } else {
            Shown::Figures(
                indicators
                    .iter()
                    .map(|q| change(q, records, minimum))
                    .collect(),
            )
        },
    }
}

/// The report of `records` against `indicators`; `order` is the programme's follow-ups'
/// labels, in their order. No figure from fewer than `minimum` (at least 1).
pub fn report(
    indicators: &[Question],
    order: &[String],
    records: &[OutcomeRecord],
    minimum: usize,
) -> OutcomeReport {
    let minimum = minimum.max(1);
    let mut labels: Vec<String> = order.to_vec();
    for r in records {
        if !labels.contains(&r.follow_up) {
            labels.push(r.follow_up.clone());
        }
    }
    let follow_ups = labels
        .into_iter()
        .map(|label| {
            let of: Vec<&OutcomeRecord> = records.iter().filter(|r| r.follow_up == label).collect();
            let overall = group(String::new(), indicators, &of, minimum);
            // By role only where outcomes follow more than one.
            let roles: std::collections::BTreeSet<_> = records.iter().map(|r| r.role).collect();
            let dimensions = (roles.len() > 1)
                .then_some(Dimension::Role)
                .into_iter()
                .chain(Dimension::ALL);
            let by = if overall.shown == Shown::TooFew {
                vec![]
            } else {
                dimensions
                    .map(|d| (d, split(d, indicators, &of, minimum)))
                    .collect()
            };
            FollowUpReport { label, overall, by }
        })
        .collect();
    OutcomeReport {
        minimum,
        follow_ups,
    }
}

/// The groups of `records` by `dimension`, with the complementary group hidden.
fn split(
    dimension: Dimension,
    indicators: &[Question],
    records: &[&OutcomeRecord],
    minimum: usize,
) -> Vec<Group> {
    let mut keyed: BTreeMap<String, Vec<&OutcomeRecord>> = BTreeMap::new();
    for r in records {
        keyed.entry(dimension.key(r)).or_default().push(r);
    }
    let mut groups: Vec<Group> = keyed
        .into_iter()
        .map(|(key, rs)| group(key, indicators, &rs, minimum))
        .collect();
    let too_few = groups.iter().filter(|g| g.shown == Shown::TooFew).count();
    if too_few == 1
        && let Some(smallest) = groups
            .iter_mut()
            .filter(|g| g.shown != Shown::TooFew)
            .min_by_key(|g| g.responses)
    {
        smallest.shown = Shown::WithSmallGroup;
    }
    groups
}
