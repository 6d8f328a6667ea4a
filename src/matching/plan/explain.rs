//! What a plan says about people: the reasons shown with each proposal (`detail`: the
//! shared answers by their labels, the numbers, the hours in common) and why a mentee is
//! left out (`why_unmatched`: the blocker that rules out most mentors, or that those who
//! could take them are full).
//!
//! `reasons` lists, for a pair, each criterion that gave it points with its `detail`. A
//! new criterion's reason is one more arm in `detail`; a new hard constraint needs its
//! `Blocker` described in `matching::scoring`.

use std::collections::{HashMap, HashSet};

use super::super::instance::Instance;
use super::super::scoring::{Blocker, Criterion, Features, Model};
use super::features::answer_values;
use crate::domain::language::language_name;
use crate::domain::matching::MatchingConfig;
use crate::domain::{ApplicationRecord, QuestionKind};

/// Each criterion that gave the pair points, with its reason and the points: what a
/// proposal shows ("Shared goals: Writing a CV, Exploring careers", 20).
pub(super) fn reasons(
    config: &MatchingConfig,
    model: &Model,
    e: &Features,
    m: &Features,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    mentee_role: Option<&crate::domain::Role>,
) -> Vec<(String, i64)> {
    config
        .criteria
        .iter()
        .zip(&model.criteria)
        .filter_map(|(def, crit)| {
            let points = Model {
                criteria: vec![crit.clone()],
                ..model.clone()
            }
            .score(e, m);
            (points > 0).then(|| (detail(def, crit, e, m, mentee, mentor, mentee_role), points))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn detail(
    def: &crate::domain::matching::CriterionDef,
    crit: &Criterion,
    e: &Features,
    m: &Features,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    mentee_role: Option<&crate::domain::Role>,
) -> String {
    let label = |role: Option<&crate::domain::Role>, q: &str, v: &str| -> String {
        match role.and_then(|r| r.question(q)).map(|q| &q.kind) {
            Some(
                QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. },
            ) => choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| v.to_string()),
            Some(QuestionKind::Languages { .. }) => language_name(v).to_string(),
            Some(QuestionKind::YesNo) => if v == "yes" { "Yes" } else { "No" }.to_string(),
            _ => v.to_string(),
        }
    };
    match crit {
        Criterion::Overlap { .. } | Criterion::Match { .. } => {
            let theirs = answer_values(mentor, &def.mentor_question);
            let shared: Vec<String> = answer_values(mentee, &def.mentee_question)
                .into_iter()
                .filter(|v| theirs.contains(v))
                .map(|v| label(mentee_role, &def.mentee_question, &v))
                .collect();
            format!("{}: {}", def.name, shared.join(", "))
        }
        Criterion::Closeness { mentee_number, .. } => format!(
            "{}: {} and {}",
            def.name,
            crate::domain::answer::format_number(e.numbers[*mentee_number]),
            crate::domain::answer::format_number(m.numbers[*mentee_number])
        ),
        Criterion::TimeZoneOverlap { .. } => format!(
            "{}: {} hours",
            def.name,
            (e.daytime_hours & m.daytime_hours).count_ones()
        ),
    }
}

pub(super) fn why_unmatched(
    model: &Model,
    e: &Features,
    mentors: &[Features],
    i: u32,
    excluded: &HashSet<(u32, u32)>,
    instance: &Instance,
) -> String {
    if mentors.is_empty() {
        return "there are no mentors ready to be matched".into();
    }
    let mut blockers: HashMap<Blocker, usize> = HashMap::new();
    let mut possible = 0;
    for (j, m) in mentors.iter().enumerate() {
        match model.blocker(e, m) {
            Some(b) => *blockers.entry(b).or_default() += 1,
            None if excluded.contains(&(i, j as u32)) => {
                *blockers.entry(Blocker::Excluded).or_default() += 1
            }
            None if instance.mentors[j].capacity == 0 => {}
            None => possible += 1,
        }
    }
    if possible > 0 {
        return format!(
            "all {possible} mentor(s) who could take them are full with better-suited mentees"
        );
    }
    blockers
        .into_iter()
        .max_by_key(|(b, n)| (*n, *b == Blocker::NoSharedLanguage))
        .map(|(b, _)| b.describe().to_string())
        .unwrap_or_else(|| "no mentor has room".into())
}
