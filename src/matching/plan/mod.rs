//! From a programme's ready participants to a matching plan with explanations.
//!
//! Answers become [`Features`](super::scoring::Features) (each criterion's answers as a
//! bitmask over the values both questions can take; languages as a bitmask; time zones as
//! an offset at `now` plus a daytime mask), the programme's criteria become a
//! [`Model`](super::scoring::Model), and the problem is solved exactly by the product path
//! of `matching::index`: each mentee's best `k` mentors found from the mentor index, then
//! only the pruned pairs the solver's certificate says could improve the result added,
//! until none is left.
//!
//! Where things are: the plan itself (who is free, the proposals and
//! who is left out) here; answers turned into features and the criteria into a model in
//! `features`; the reasons shown with a proposal and why someone is left out in `explain`.
//! The solver is `matching::min_cost_flow`, the scores `matching::scoring`, the candidates
//! and their widening `matching::index`. A pair meets on one chat platform unless their
//! room can be relayed (`MatchingConfig::relay`): without a relay, people who share no
//! platform are never paired, and each platform's people are planned on their own (someone
//! with a linked account on the other platform, `ApplicationRecord::also_on`, is on both).
//!
//! To add a criterion: its scoring in `scoring::Criterion`, its vocabulary and feature in
//! `features::prepare`, its reason in `explain::detail`.

mod explain;
mod features;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::index::{Widen, solve_widening};
use super::instance::{Instance, MenteeNode, MentorNode, Pair};
use super::min_cost_flow::Objective;
use crate::domain::matches::Reason;
use crate::domain::matching::{MatchMode, MatchObjective, MatchingConfig};
use crate::domain::{ApplicationRecord, Platform, Programme};
use crate::i18n::Text;
use explain::{reasons, why_unmatched};
use features::{answer_number, prepare};

/// A proposed match, by index into the mentees and mentors given to [`plan`].
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub mentee: usize,
    pub mentor: usize,
    pub score: i64,
    /// Each criterion that contributed ("Shared goals: Writing a CV, Exploring careers", 20).
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub proposals: Vec<Proposal>,
    /// Mentees left without a mentor, with why.
    pub unmatched: Vec<(usize, Text)>,
    /// Mentors with room left: (index, places used, capacity).
    pub spare: Vec<(usize, u32, u32)>,
    pub total_score: i64,
    /// The candidates per mentee the plan started from (the certificate added any pair
    /// beyond them that could improve it).
    pub candidates_per_mentee: usize,
}

fn capacity_of(config: &MatchingConfig, mentor: &ApplicationRecord) -> u32 {
    match &config.mode {
        MatchMode::OneToOne | MatchMode::Array { .. } => 1,
        MatchMode::OneToMany {
            capacity_question,
            default_capacity,
        } => capacity_question
            .as_ref()
            .and_then(|q| answer_number(mentor, q))
            .map(|n| n.max(0.0) as u32)
            .unwrap_or(*default_capacity),
        MatchMode::Group { size } => *size,
    }
}

/// Plans the matches of a programme. `excluded` holds (mentee application, mentor
/// application) pairs that must never be proposed (past partners, refused proposals);
/// `taken` the places each application already has in open matches, which count against
/// its slots or capacity.
///
/// Only people with a place left take part: after one decline the problem is the freed
/// people against the mentors with room, not the whole cohort again, and the result is the
/// same, since nobody else could move anyway (their matches are decided).
pub fn plan(
    config: &MatchingConfig,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    excluded: &HashSet<(i64, i64)>,
    taken: &HashMap<i64, u32>,
    now: DateTime<Utc>,
) -> Result<Plan, String> {
    let left = |r: &ApplicationRecord, places: u32| {
        places.saturating_sub(taken.get(&r.summary.id).copied().unwrap_or(0))
    };
    let slots = match config.mode {
        MatchMode::Array { slots } => slots,
        _ => 1,
    };
    let free_e: Vec<(usize, u32)> = (0..mentees.len())
        .map(|i| (i, left(&mentees[i], slots)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let free_m: Vec<(usize, u32)> = (0..mentors.len())
        .map(|j| (j, left(&mentors[j], capacity_of(config, &mentors[j]))))
        .filter(|(_, n)| *n > 0)
        .collect();
    if free_m.is_empty() && !mentors.is_empty() {
        return Ok(Plan {
            proposals: vec![],
            unmatched: free_e
                .iter()
                .map(|&(i, _)| (i, Text::msg("unmatched-all-full")))
                .collect(),
            spare: vec![],
            total_score: 0,
            candidates_per_mentee: config.candidates_per_mentee,
        });
    }
    // Without a relay, a pair meets on a platform they share: people who share none are
    // never proposed to each other, so platforms are planned on their own.
    let mut platforms: Vec<Platform> = free_e
        .iter()
        .map(|&(i, _)| mentees[i].applicant.platform)
        .chain(free_m.iter().map(|&(j, _)| mentors[j].applicant.platform))
        .collect();
    platforms.sort_unstable();
    platforms.dedup();
    if platforms.len() <= 1 || config.relay {
        return plan_free(
            config, programme, mentees, mentors, &free_e, &free_m, excluded, now,
        );
    }
    plan_by_platform(
        config, programme, mentees, mentors, &free_e, &free_m, excluded, now, &platforms,
    )
}

/// [`plan`] without a relay: each platform is planned in turn, with everyone who is on
/// it and still has a place. Someone with a linked account on another platform
/// (`domain::accounts`) is on both, and the places taken on one platform count on the
/// next. (With such people, not one optimum over both platforms; but never a pair without
/// a shared platform, nor anyone over their places. Without them, each platform's people
/// are planned on their own, exactly.)
#[allow(clippy::too_many_arguments)]
fn plan_by_platform(
    config: &MatchingConfig,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    free_e: &[(usize, u32)],
    free_m: &[(usize, u32)],
    excluded: &HashSet<(i64, i64)>,
    now: DateTime<Utc>,
    platforms: &[Platform],
) -> Result<Plan, String> {
    let mut left_e: HashMap<usize, u32> = free_e.iter().copied().collect();
    let mut left_m: HashMap<usize, u32> = free_m.iter().copied().collect();
    let mut why: HashMap<usize, Text> = HashMap::new();
    let mut whole = Plan {
        proposals: vec![],
        unmatched: vec![],
        spare: vec![],
        total_score: 0,
        candidates_per_mentee: config.candidates_per_mentee.max(1),
    };
    for &platform in platforms {
        let on =
            |free: &[(usize, u32)], people: &[ApplicationRecord], left: &HashMap<usize, u32>| {
                free.iter()
                    .filter(|&&(i, _)| people[i].is_on(platform) && left[&i] > 0)
                    .map(|&(i, _)| (i, left[&i]))
                    .collect::<Vec<_>>()
            };
        let (here_e, here_m) = (on(free_e, mentees, &left_e), on(free_m, mentors, &left_m));
        if here_e.is_empty() {
            continue;
        }
        if here_m.is_empty() {
            let why_here = if mentors.iter().any(|m| m.is_on(platform)) {
                Text::msg("unmatched-platform-full").arg("platform", platform.to_string())
            } else {
                Text::msg("unmatched-not-on-platform").arg("platform", platform.to_string())
            };
            for (i, _) in here_e {
                why.insert(i, why_here.clone());
            }
            continue;
        }
        let p = plan_free(
            config, programme, mentees, mentors, &here_e, &here_m, excluded, now,
        )?;
        for x in &p.proposals {
            *left_e.get_mut(&x.mentee).expect("a free mentee") -= 1;
            *left_m.get_mut(&x.mentor).expect("a free mentor") -= 1;
        }
        why.extend(p.unmatched);
        whole.total_score += p.total_score;
        whole.proposals.extend(p.proposals);
    }
    whole.unmatched = free_e
        .iter()
        .filter(|&&(i, n)| left_e[&i] == n)
        .map(|&(i, _)| {
            let reason = why
                .remove(&i)
                .unwrap_or_else(|| Text::msg("unmatched-no-platform"));
            (i, reason)
        })
        .collect();
    whole.spare = free_m
        .iter()
        .filter(|&&(j, _)| left_m[&j] > 0)
        .map(|&(j, n)| (j, n - left_m[&j], n))
        .collect();
    whole.proposals.sort_by_key(|p| (p.mentee, p.mentor));
    Ok(whole)
}

/// [`plan`] over the free mentees and mentors given (index, places left), by their
/// indices in `mentees` and `mentors`.
#[allow(clippy::too_many_arguments)]
fn plan_free(
    config: &MatchingConfig,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    free_e: &[(usize, u32)],
    free_m: &[(usize, u32)],
    excluded: &HashSet<(i64, i64)>,
    now: DateTime<Utc>,
) -> Result<Plan, String> {
    let pool = Pool {
        mentees: free_e.iter().map(|&(i, _)| mentees[i].clone()).collect(),
        slots: free_e.iter().map(|&(_, n)| n).collect(),
        mentors: free_m.iter().map(|&(j, _)| mentors[j].clone()).collect(),
        capacity: free_m.iter().map(|&(_, n)| n).collect(),
    };
    let mut p = plan_pool(config, programme, &pool, excluded, now)?;
    for x in &mut p.proposals {
        x.mentee = free_e[x.mentee].0;
        x.mentor = free_m[x.mentor].0;
    }
    for (i, _) in &mut p.unmatched {
        *i = free_e[*i].0;
    }
    for (j, _, _) in &mut p.spare {
        *j = free_m[*j].0;
    }
    Ok(p)
}

/// People with a place left, with how many: slots per mentee, capacity per mentor.
struct Pool {
    mentees: Vec<ApplicationRecord>,
    slots: Vec<u32>,
    mentors: Vec<ApplicationRecord>,
    capacity: Vec<u32>,
}

/// [`plan`] over people who all have a place left.
fn plan_pool(
    config: &MatchingConfig,
    programme: &Programme,
    pool: &Pool,
    excluded: &HashSet<(i64, i64)>,
    now: DateTime<Utc>,
) -> Result<Plan, String> {
    let (mentees, mentors) = (&pool.mentees[..], &pool.mentors[..]);
    let (model, e, m) = prepare(config, mentees, mentors, now)?;
    let excluded_idx: HashSet<(u32, u32)> = mentees
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            mentors.iter().enumerate().filter_map(move |(j, b)| {
                excluded
                    .contains(&(a.summary.id, b.summary.id))
                    .then_some((i as u32, j as u32))
            })
        })
        .collect();
    let objective = match config.objective {
        MatchObjective::Count => Objective::CountThenScore,
        MatchObjective::Score => Objective::Score,
    };
    let k = config.candidates_per_mentee.max(1);
    let people = Instance {
        mentors: mentors
            .iter()
            .zip(&pool.capacity)
            .map(|(r, n)| MentorNode {
                id: r.summary.id.to_string(),
                capacity: *n,
            })
            .collect(),
        mentees: mentees
            .iter()
            .zip(&pool.slots)
            .map(|(r, n)| MenteeNode {
                id: r.summary.id.to_string(),
                slots: *n,
            })
            .collect(),
        pairs: vec![],
    };
    let planned = solve_widening(
        &model,
        &e,
        &m,
        people,
        k,
        &excluded_idx,
        objective,
        Widen::All,
        1,
    )
    .map_err(|e| e.0)?;
    let (solution, instance) = (planned.solution, planned.instance);
    let proposals = solution
        .assignments
        .iter()
        .map(|p: &Pair| {
            let (i, j) = (p.mentee as usize, p.mentor as usize);
            let reasons = reasons(
                config,
                &model,
                &e[i],
                &m[j],
                &mentees[i],
                &mentors[j],
                programme,
            );
            Proposal {
                mentee: i,
                mentor: j,
                score: p.score,
                reasons,
            }
        })
        .collect::<Vec<_>>();
    let mut used: BTreeMap<usize, u32> = BTreeMap::new();
    for p in &proposals {
        *used.entry(p.mentor).or_default() += 1;
    }
    let matched: HashSet<usize> = proposals.iter().map(|p| p.mentee).collect();
    let unmatched = (0..mentees.len())
        .filter(|i| !matched.contains(i) && instance.mentees[*i].slots > 0)
        .map(|i| {
            (
                i,
                why_unmatched(&model, &e[i], &m, i as u32, &excluded_idx, &instance),
            )
        })
        .collect();
    let spare = instance
        .mentors
        .iter()
        .enumerate()
        .filter_map(|(j, node)| {
            let u = used.get(&j).copied().unwrap_or(0);
            (u < node.capacity).then_some((j, u, node.capacity))
        })
        .collect();
    Ok(Plan {
        total_score: solution.total_score,
        proposals,
        unmatched,
        spare,
        candidates_per_mentee: k,
    })
}

/// The score and reasons of one chosen pair, or why it is not allowed.
pub fn evaluate_pair(
    config: &MatchingConfig,
    programme: &Programme,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    now: DateTime<Utc>,
) -> Result<(i64, Vec<Reason>), Text> {
    if !mentee.shares_a_platform_with(mentor) && !config.relay {
        return Err(Text::msg("pair-different-platforms")
            .arg("mentee", mentee.applicant.platform.to_string())
            .arg("mentor", mentor.applicant.platform.to_string()));
    }
    let (model, e, m) = prepare(
        config,
        std::slice::from_ref(mentee),
        std::slice::from_ref(mentor),
        now,
    )
    .map_err(Text::plain)?;
    if let Some(b) = model.blocker(&e[0], &m[0]) {
        return Err(b.said_of_pair());
    }
    let reasons = reasons(config, &model, &e[0], &m[0], mentee, mentor, programme);
    Ok((model.score(&e[0], &m[0]), reasons))
}

/// The places a mentor offers (capacity) under this configuration.
pub fn places_of(config: &MatchingConfig, mentor: &ApplicationRecord) -> u32 {
    capacity_of(config, mentor)
}

/// How many mentors a mentee has: `slots` in array mode, else one.
pub fn mentee_places(config: &MatchingConfig) -> u32 {
    match config.mode {
        MatchMode::Array { slots } => slots,
        _ => 1,
    }
}

/// A pair's score and the criteria that gave it points.
pub type Scored = (i64, Vec<Reason>);

/// One mentee against each of `mentors` (a mentee browsing): the score and reasons of each
/// allowed pair, in `mentors`' order, `None` where a hard constraint (or being on different
/// platforms) keeps them apart. The model is prepared once, so this costs one scoring per
/// mentor.
pub fn evaluate_mentors(
    config: &MatchingConfig,
    programme: &Programme,
    mentee: &ApplicationRecord,
    mentors: &[ApplicationRecord],
    now: DateTime<Utc>,
) -> Result<Vec<Option<Scored>>, String> {
    let (model, e, m) = prepare(config, std::slice::from_ref(mentee), mentors, now)?;
    Ok(m.iter()
        .zip(mentors)
        .map(|(features, mentor)| {
            if model.blocker(&e[0], features).is_some()
                || (!mentee.shares_a_platform_with(mentor) && !config.relay)
            {
                return None;
            }
            let why = reasons(config, &model, &e[0], features, mentee, mentor, programme);
            Some((model.score(&e[0], features), why))
        })
        .collect())
}

#[cfg(test)]
mod tests;
