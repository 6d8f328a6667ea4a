//! The exact solver: capacitated bipartite matching as a min-cost flow.
//!
//! Network: each mentee supplies its slots; a unit goes along an allowed pair (capacity 1,
//! cost `max_score − score`) to a mentor with room (up to its capacity), or stays unmatched
//! along an arc of its own to the sink. For [`Objective::CountThenScore`] an unmatched unit
//! costs more than any difference in total score, so the optimum matches as many as
//! possible and then maximises the total score; in array mode a mentee's second and later
//! slots are cheaper to leave unmatched than a first one by more than any score difference,
//! so everyone gets a first mentor before anyone gets a second. For [`Objective::Score`] an
//! unmatched unit costs what a pair of score 0 does, so nobody is matched at a loss.
//!
//! Algorithm (`engine`): successive shortest paths from one mentee at a time, Dijkstra on
//! reduced costs stopping at the first way to the sink; the mentees whose way is long are
//! placed together, one search per distance level, and when those searches place too few
//! the rest goes to cost scaling (`scaling`), which starts from their flow and potentials.
//! Costs are integers, so the result is exact either way. Afterwards [`Certificate`] can prove the solution optimal for pairs that were never
//! in the graph (pruned candidates): a pair could improve it only if its reduced cost under
//! the final potentials is negative (LP duality; an unmatched mentee's potential carries the
//! cost of staying unmatched, so a pair that would match one more is caught the same way).
//! [`solve`] uses this itself: it solves each mentee's best pairs first and adds only the
//! pairs the certificate rejects, until none is left ("pricing").
//!
//! Named for the algorithm, not the conversations (`src/flows/` is those). The network is
//! built from an [`Instance`] here and nowhere else: a new objective is a variant of
//! [`Objective`] with its costs in [`Costs::of`], checked against `reference.rs` (brute force
//! and Bellman–Ford) in `tests.rs`.

mod engine;
mod radix_heap;
mod scaling;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use super::instance::{Instance, InstanceError, Pair};
use engine::{Engine, HandOff, Supply};
use scaling::Scaling;

/// How the engines share the work: successive shortest paths (`engine.rs`) places the
/// mentees whose way to a place is short, one at a time, then the rest together, one search
/// per distance level; when those searches place too few (`HandOff::WhenSlow`), cost
/// scaling (`scaling.rs`) finishes from their flow and potentials, unless its scaled costs
/// could overflow. [`Method::Paths`] never hands over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Scaling,
    #[cfg(test)]
    Paths,
    /// As in production: hands over only when the searches are slow.
    #[cfg(test)]
    WhenSlow,
}

impl Method {
    #[cfg(not(test))]
    const HAND_OFF: HandOff = HandOff::WhenSlow;
    /// The tests' instances are small: cost scaling takes over at once.
    #[cfg(test)]
    const HAND_OFF: HandOff = HandOff::Now;

    #[cfg(not(test))]
    fn for_size(_mentees: usize) -> Method {
        Method::Scaling
    }

    /// The tests' instances go half to each engine (by their size), so every test checks
    /// both; `engine.rs` splits its half again by its own budget.
    #[cfg(test)]
    fn for_size(mentees: usize) -> Method {
        if (mentees / 2).is_multiple_of(2) {
            Method::Paths
        } else {
            Method::Scaling
        }
    }
}

/// What to optimise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Objective {
    /// Match as many as possible, then maximise the total score.
    #[default]
    CountThenScore,
    /// Maximise the total score, even if fewer are matched.
    Score,
}

/// Coordinators' decisions the solver must respect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Pairs that must be in the solution (approved proposals), by index.
    pub required: Vec<(u32, u32)>,
    /// Pairs that must not be (rejected proposals, past partners), by index.
    pub forbidden: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Sorted by mentee, then mentor.
    pub assignments: Vec<Pair>,
    /// Mentees with at least one mentor.
    pub matched_mentees: usize,
    pub total_score: i64,
}

impl Solution {
    /// The solution made of these pairs, sorted, with its count and score.
    pub(super) fn from_assignments(mut assignments: Vec<Pair>) -> Solution {
        assignments.sort_by_key(|p| (p.mentee, p.mentor));
        let total_score = assignments.iter().map(|p| p.score).sum();
        let mut mentees: Vec<u32> = assignments.iter().map(|p| p.mentee).collect();
        mentees.dedup();
        Solution {
            matched_mentees: mentees.len(),
            assignments,
            total_score,
        }
    }
}

/// Solves `instance` exactly (pricing: each mentee's best pairs first, then only the pairs
/// that could improve the result).
pub fn solve(
    instance: &Instance,
    objective: Objective,
    decisions: &Decisions,
) -> Result<Solution, InstanceError> {
    solve_priced(instance, objective, decisions, PRICING_PAIRS)
}

/// Pairs per mentee in [`solve`]'s first round. Enough for most mentees' optimal partner to
/// be among them on the benchmark cohort and on random instances (a round costs about as much
/// as solving its pairs; the check of the rest, one pass).
const PRICING_PAIRS: usize = 24;

/// [`solve`], starting from each mentee's best `k` pairs.
pub(crate) fn solve_priced(
    instance: &Instance,
    objective: Objective,
    decisions: &Decisions,
    k: usize,
) -> Result<Solution, InstanceError> {
    instance.validate()?;
    let problem = Problem::new(instance, objective, decisions)?;
    let pairs = &instance.pairs;
    // Each mentee's pairs, by index, best first (mentees' pairs together, any order).
    let n = instance.mentees.len();
    let mut start = vec![0u32; n + 1];
    for p in pairs {
        start[p.mentee as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut order = vec![0u32; pairs.len()];
    {
        let mut fill = start.clone();
        for (x, p) in pairs.iter().enumerate() {
            order[fill[p.mentee as usize] as usize] = x as u32;
            fill[p.mentee as usize] += 1;
        }
    }
    let mut chosen = vec![false; pairs.len()];
    let k = k.max(1);
    for i in 0..n {
        let mine = &mut order[start[i] as usize..start[i + 1] as usize];
        if mine.len() > k {
            mine.select_nth_unstable_by_key(k - 1, |&x| std::cmp::Reverse(pairs[x as usize].score));
        }
        for &x in &mine[..mine.len().min(k)] {
            chosen[x as usize] = true;
        }
    }
    let mut open: Vec<(i64, u32)> = Vec::new();
    loop {
        let (solution, certificate) = problem.solve(instance, |x| chosen[x])?;
        // Each mentee's `k` most violating pairs (a mentee the pruned graph left unmatched
        // would otherwise bring every pair it has).
        let mut added = 0usize;
        for i in 0..n {
            open.clear();
            for &x in &order[start[i] as usize..start[i + 1] as usize] {
                let p = &pairs[x as usize];
                if !chosen[x as usize]
                    && let Some(v) = certificate.violation(p.mentee, p.mentor, p.score)
                {
                    open.push((v, x));
                }
            }
            if open.len() > k {
                open.select_nth_unstable(k - 1);
                open.truncate(k);
            }
            for &(_, x) in &open {
                chosen[x as usize] = true;
            }
            added += open.len();
        }
        if added == 0 {
            return Ok(solution);
        }
    }
}

/// Solves, and returns what is needed to check pairs left out of the instance.
pub fn solve_certified(
    instance: &Instance,
    objective: Objective,
    decisions: &Decisions,
) -> Result<(Solution, Certificate), InstanceError> {
    instance.validate()?;
    Problem::new(instance, objective, decisions)?.solve(instance, |_| true)
}

/// The costs of an objective: a pair's is `max_score − score`; a unit left unmatched costs
/// `first` (a mentee's first slot) or `extra` (the others).
#[derive(Debug, Clone, Copy)]
struct Costs {
    max_score: i64,
    first: i64,
    extra: i64,
}

impl Costs {
    fn of(objective: Objective, max_score: i64, units: i64, any_extra: bool) -> Option<Costs> {
        match objective {
            Objective::Score => Some(Costs {
                max_score,
                first: max_score,
                extra: max_score,
            }),
            Objective::CountThenScore => {
                // Any two solutions' pair costs differ by less than `spread`, so one more
                // first slot filled is worth more than any score; and one more unit matched
                // is worth more than any difference in both.
                let spread = if any_extra {
                    max_score.checked_mul(units.max(1))?.checked_add(1)?
                } else {
                    0
                };
                let first = units
                    .max(1)
                    .checked_mul(max_score.checked_add(spread)?)?
                    .checked_add(1)?;
                // Potentials drift by up to one unmatched cost per search.
                first.checked_mul(units.max(1))?.checked_mul(8)?;
                Some(Costs {
                    max_score,
                    first,
                    extra: first - spread,
                })
            }
        }
    }
}

/// An instance with the decisions applied: supplies, capacities, costs, the pairs fixed and
/// forbidden.
struct Problem {
    supply: Vec<Supply>,
    capacity: Vec<u32>,
    costs: Costs,
    fixed: Vec<Pair>,
    forbidden: HashSet<(u32, u32)>,
    required: HashSet<(u32, u32)>,
}

impl Problem {
    fn new(
        instance: &Instance,
        objective: Objective,
        decisions: &Decisions,
    ) -> Result<Problem, InstanceError> {
        let mut slots: Vec<u32> = instance.mentees.iter().map(|x| x.slots).collect();
        let mut capacity: Vec<u32> = instance.mentors.iter().map(|x| x.capacity).collect();
        let forbidden: HashSet<(u32, u32)> = decisions.forbidden.iter().copied().collect();
        let required: HashSet<(u32, u32)> = decisions.required.iter().copied().collect();
        let mut fixed = Vec::new();
        let allowed: std::collections::HashMap<(u32, u32), &Pair> = if required.is_empty() {
            Default::default()
        } else {
            instance
                .pairs
                .iter()
                .map(|p| ((p.mentee, p.mentor), p))
                .collect()
        };
        for &(mentee, mentor) in &decisions.required {
            let pair = *allowed
                .get(&(mentee, mentor))
                .ok_or_else(|| InstanceError("a required pair is not an allowed pair".into()))?;
            if forbidden.contains(&(mentee, mentor)) {
                return Err(InstanceError(
                    "a pair is both required and forbidden".into(),
                ));
            }
            let (i, j) = (mentee as usize, mentor as usize);
            if slots[i] == 0 || capacity[j] == 0 {
                return Err(InstanceError(format!(
                    "the required pairs give {} or {} more partners than they can take",
                    instance.mentees[i].id, instance.mentors[j].id
                )));
            }
            slots[i] -= 1;
            capacity[j] -= 1;
            fixed.push(*pair);
        }
        let mut has_fixed = vec![false; slots.len()];
        for p in &fixed {
            has_fixed[p.mentee as usize] = true;
        }
        // A mentee whose first slot is taken by a required pair starts on their extras.
        let supply: Vec<Supply> = slots
            .iter()
            .zip(&has_fixed)
            .map(|(&k, &fixed)| match objective {
                Objective::CountThenScore if k > 0 && !fixed => Supply {
                    first: 1,
                    extra: k - 1,
                },
                _ => Supply { first: 0, extra: k },
            })
            .collect();
        let max_score = instance.pairs.iter().map(|p| p.score).max().unwrap_or(0);
        let units: i64 = supply.iter().map(|s| i64::from(s.first + s.extra)).sum();
        let any_extra =
            objective == Objective::CountThenScore && supply.iter().any(|s| s.extra > 0);
        let costs = Costs::of(objective, max_score, units, any_extra).ok_or_else(|| {
            InstanceError("too many places and too wide a range of scores to solve exactly".into())
        })?;
        Ok(Problem {
            supply,
            capacity,
            costs,
            fixed,
            forbidden,
            required,
        })
    }

    /// Solves over the pairs `use_pair` accepts (by index into the instance's pairs).
    fn solve(
        &self,
        instance: &Instance,
        use_pair: impl Fn(usize) -> bool,
    ) -> Result<(Solution, Certificate), InstanceError> {
        self.solve_by(instance, use_pair, Method::for_size(instance.mentees.len()))
    }

    /// [`Problem::solve`] by the given engine (cost scaling falls back to the other when
    /// its costs could overflow).
    fn solve_by(
        &self,
        instance: &Instance,
        use_pair: impl Fn(usize) -> bool,
        method: Method,
    ) -> Result<(Solution, Certificate), InstanceError> {
        let Costs { max_score, .. } = self.costs;
        let decided = !self.forbidden.is_empty() || !self.required.is_empty();
        let arcs: Vec<(u32, u32, i32, u32)> = instance
            .pairs
            .iter()
            .enumerate()
            .filter(|&(x, p)| {
                use_pair(x)
                    && self.capacity[p.mentor as usize] > 0
                    // Skip the lookups in the common case of no decisions.
                    && !(decided
                        && (self.forbidden.contains(&(p.mentee, p.mentor))
                            || self.required.contains(&(p.mentee, p.mentor))))
            })
            .map(|(x, p)| {
                // Scores are at most MAX_SCORE (validated), so a cost fits an i32.
                (p.mentee, p.mentor, (max_score - p.score) as i32, x as u32)
            })
            .collect();
        let mut assignments = self.fixed.clone();
        let mut engine = Engine::new(
            self.supply.clone(),
            self.capacity.clone(),
            &arcs,
            self.costs.first,
            self.costs.extra,
        );
        drop(arcs);
        let n = instance.mentees.len();
        let m = instance.mentors.len();
        let hand_off = match method {
            Method::Scaling if Scaling::fits(n, m, self.costs.first, self.costs.extra) => {
                Method::HAND_OFF
            }
            #[cfg(test)]
            Method::WhenSlow => HandOff::WhenSlow,
            _ => HandOff::Never,
        };
        let (reachable, potential) = match engine.run_until(hand_off) {
            None => {
                assignments.extend(engine.used_pairs().map(|x| instance.pairs[x as usize]));
                (
                    engine.reachable_from_unmatched(),
                    std::mem::take(&mut engine.potential),
                )
            }
            Some(pending) => {
                let mut scaling = Scaling::from_hand_over(engine.hand_over(), &pending);
                scaling.run();
                assignments.extend(scaling.used_pairs().map(|x| instance.pairs[x as usize]));
                (
                    scaling.reachable_from_unmatched(),
                    scaling.exact_potentials(),
                )
            }
        };
        let certificate = Certificate {
            reachable,
            n,
            max_score,
            potential,
            has_supply: self.supply.iter().map(|s| s.first + s.extra > 0).collect(),
            has_room: self.capacity.iter().map(|&c| c > 0).collect(),
            forbidden: self.forbidden.clone(),
        };
        Ok((Solution::from_assignments(assignments), certificate))
    }
}

/// Proof material for the optimality of a solution over pairs that were not in the graph:
/// the final node potentials.
#[derive(Debug, Clone)]
pub struct Certificate {
    n: usize,
    max_score: i64,
    /// Mentees `0..n`, mentors `n..`, the sink last.
    potential: Vec<i64>,
    has_supply: Vec<bool>,
    has_room: Vec<bool>,
    forbidden: HashSet<(u32, u32)>,
    /// Reached from an unmatched unit (mentees `0..n`, mentors `n..`): the final cut.
    reachable: Vec<bool>,
}

impl Certificate {
    /// Whether adding the (absent) pair could not improve the solution. `true` for every
    /// absent pair proves the solution optimal for the instance with all of them.
    pub fn admits(&self, mentee: u32, mentor: u32, score: i64) -> bool {
        self.violation(mentee, mentor, score).is_none()
    }

    /// How far the (absent) pair breaks the certificate: its reduced cost, when negative
    /// (more negative: a stronger case for adding it); `None` when it is admitted.
    pub fn violation(&self, mentee: u32, mentor: u32, score: i64) -> Option<i64> {
        let (i, j) = (mentee as usize, mentor as usize);
        // Nobody left to give or take: the pair can carry nothing.
        if !self.has_supply[i] || !self.has_room[j] || self.forbidden.contains(&(mentee, mentor)) {
            return None;
        }
        if score > self.max_score {
            return Some(i64::MIN);
        }
        let reduced = (self.max_score - score) + self.potential[i] - self.potential[self.n + j];
        (reduced < 0).then_some(reduced)
    }

    /// The bar a pair of this mentee must clear to be rejected: with a mentor that has a
    /// place, a pair is rejected exactly when `score + mentor_price > bar`. `None` for a
    /// mentee with nothing to give (every pair of theirs is admitted).
    pub fn bar(&self, mentee: u32) -> Option<i64> {
        let i = mentee as usize;
        self.has_supply[i].then(|| self.max_score + self.potential[i])
    }

    /// A mentor's potential, if it has places (a mentor without any admits every pair).
    pub fn mentor_price(&self, mentor: u32) -> Option<i64> {
        let j = mentor as usize;
        self.has_room[j].then(|| self.potential[self.n + j])
    }

    /// Whether mentee `mentee` is on the source side of the final cut (it, or a mentee its
    /// mentor could pass to, has a unit left unmatched). Only such a mentee has pairs that
    /// could match one more.
    pub fn short_side(&self, mentee: u32) -> bool {
        self.has_supply[mentee as usize] && self.reachable[mentee as usize]
    }

    /// Whether mentor `mentor` is on the source side of the final cut.
    pub fn short_side_mentor(&self, mentor: u32) -> bool {
        self.reachable[self.n + mentor as usize]
    }

    /// Whether the (absent) pair crosses the final cut: from a mentee on the short side to
    /// a mentor off it. Such a pair could match one more; if no allowed pair does, no
    /// solution matches more (max-flow min-cut).
    pub fn crosses_cut(&self, mentee: u32, mentor: u32) -> bool {
        self.short_side(mentee)
            && self.has_room[mentor as usize]
            && !self.reachable[self.n + mentor as usize]
            && !self.forbidden.contains(&(mentee, mentor))
    }

    /// The highest score the solver saw; a pair scoring more is never admitted.
    pub fn max_score(&self) -> i64 {
        self.max_score
    }
}
