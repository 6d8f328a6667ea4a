//! The product path: candidates from the index, solved, widened only where the solver's
//! certificate says a pruned pair could improve the plan (or, with [`Widen::Count`], match
//! one more), until none is left.

use std::collections::HashSet;

use super::super::instance::{Instance, InstanceError};
use super::super::min_cost_flow::{Decisions, Objective, Solution, solve_certified};
use super::super::scoring::{Features, Model};
use super::MentorIndex;

/// How far [`solve_widening`] widens the candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widen {
    /// Until no pruned pair could improve the plan: optimal over every allowed pair.
    All,
    /// Until no pruned pair could match one more (the final cut holds over every allowed
    /// pair): as many matched as possible, the score optimal over the candidates. Cheap at
    /// any size; falls back to `All` for the score objective, which has no count to keep.
    Count,
}

/// What [`solve_widening`] did.
#[derive(Debug, Clone)]
pub struct Widened {
    pub solution: Solution,
    /// The people and the final candidate pairs.
    pub instance: Instance,
    pub feasible_pairs: u64,
    /// Pairs the certificate added over the rounds.
    pub added_pairs: usize,
    pub rounds: usize,
    pub candidate_seconds: f64,
    pub solve_seconds: f64,
    pub certify_seconds: f64,
}

/// The product path: each mentee's `k` best mentors from the index, solved; then the
/// pruned pairs the certificate rejects (each mentee's `k` worst) are added and the problem
/// solved again, until none is left: with [`Widen::All`] the result is optimal over every
/// allowed pair, with [`Widen::Count`] it matches as many as any plan could. `people` gives
/// the mentors and mentees (its pairs are replaced).
#[allow(clippy::too_many_arguments)]
pub fn solve_widening(
    model: &Model,
    mentees: &[Features],
    mentors: &[Features],
    mut people: Instance,
    k: usize,
    excluded: &HashSet<(u32, u32)>,
    objective: Objective,
    widen: Widen,
    threads: usize,
) -> Result<Widened, InstanceError> {
    let widen = if objective == Objective::Score {
        Widen::All
    } else {
        widen
    };
    use std::time::Instant;
    let t = Instant::now();
    let index = MentorIndex::new(model, mentors);
    let cands = index.candidates(model, mentees, mentors, k, excluded, threads);
    let candidate_seconds = t.elapsed().as_secs_f64();
    people.pairs = cands.pairs;
    let (mut solve_seconds, mut certify_seconds) = (0.0, 0.0);
    let (mut added_pairs, mut rounds) = (0, 0);
    loop {
        rounds += 1;
        let t = Instant::now();
        let (solution, certificate) = solve_certified(&people, objective, &Decisions::default())?;
        solve_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let open = match widen {
            Widen::All => index.uncertified(
                model,
                mentees,
                mentors,
                &people.pairs,
                excluded,
                &certificate,
                k,
                threads,
            ),
            Widen::Count => index.crossing_cut(
                model,
                mentees,
                mentors,
                &people.pairs,
                excluded,
                &certificate,
                k,
            ),
        };
        certify_seconds += t.elapsed().as_secs_f64();
        if open.is_empty() {
            return Ok(Widened {
                solution,
                instance: people,
                feasible_pairs: cands.feasible_pairs,
                added_pairs,
                rounds,
                candidate_seconds,
                solve_seconds,
                certify_seconds,
            });
        }
        added_pairs += open.len();
        people.pairs.extend(open);
    }
}
