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
use crate::domain::language::said_language;
use crate::domain::matches::Reason;
use crate::domain::matching::MatchingConfig;
use crate::domain::translations::{criterion_path, question_path};
use crate::domain::{ApplicationRecord, Programme, QuestionKind, RoleKind};
use crate::i18n::Text;

/// Each criterion that gave the pair points, with its reason and the points: what a
/// proposal shows ("Shared goals: Writing a CV, Exploring careers", 20).
pub(super) fn reasons(
    config: &MatchingConfig,
    model: &Model,
    e: &Features,
    m: &Features,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    programme: &Programme,
) -> Vec<Reason> {
    config
        .criteria
        .iter()
        .zip(&model.criteria)
        .enumerate()
        .filter_map(|(i, (def, crit))| {
            let points = Model {
                criteria: vec![crit.clone()],
                ..model.clone()
            }
            .score(e, m);
            (points > 0).then(|| Reason {
                criterion: programme.translations.said(&criterion_path(i), &def.name),
                detail: detail(def, crit, e, m, mentee, mentor, programme),
                points,
                criterion_at: Some(i),
            })
        })
        .collect()
}

/// What the pair have in common by one criterion, in the reader's language: the shared
/// answers by their labels (the programme's translations), the two numbers, the hours.
pub(super) fn detail(
    def: &crate::domain::matching::CriterionDef,
    crit: &Criterion,
    e: &Features,
    m: &Features,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    programme: &Programme,
) -> Text {
    match crit {
        Criterion::Overlap { .. } | Criterion::Match { .. } => {
            let theirs = answer_values(mentor, &def.mentor_question);
            let question = programme
                .role(RoleKind::Mentee)
                .and_then(|r| r.question(&def.mentee_question));
            let at = question_path(RoleKind::Mentee.as_str(), &def.mentee_question);
            let shared: Vec<Text> = answer_values(mentee, &def.mentee_question)
                .into_iter()
                .filter(|v| theirs.contains(v))
                .map(|v| match question {
                    Some(q) => match &q.kind {
                        QuestionKind::Languages { .. } => said_language(&v),
                        QuestionKind::YesNo if v == "yes" => Text::msg("choice-yes"),
                        QuestionKind::YesNo => Text::msg("choice-no"),
                        _ => programme.translations.said_option(&at, q, &v),
                    },
                    None => Text::plain(v),
                })
                .collect();
            Text::join(shared, ", ")
        }
        Criterion::Closeness { mentee_number, .. } => Text::msg("match-reason-numbers")
            .arg(
                "mentee",
                crate::domain::answer::format_number(e.numbers[*mentee_number]),
            )
            .arg(
                "mentor",
                crate::domain::answer::format_number(m.numbers[*mentee_number]),
            ),
        Criterion::TimeZoneOverlap { .. } => Text::msg("match-reason-hours").arg(
            "count",
            (e.daytime_hours & m.daytime_hours).count_ones() as usize,
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
) -> Text {
    if mentors.is_empty() {
        return Text::msg("unmatched-no-mentors");
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
        return Text::msg("unmatched-mentors-full").arg("count", possible as usize);
    }
    blockers
        .into_iter()
        .max_by_key(|(b, n)| (*n, *b == Blocker::NoSharedLanguage))
        .map(|(b, _)| b.said())
        .unwrap_or_else(|| Text::msg("unmatched-no-room"))
}
