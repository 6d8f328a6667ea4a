//! Matching: from scored mentor–mentee pairs to an optimal set of matches.
//!
//! - [`instance`]: the problem (mentors with capacities, mentees with slots, allowed pairs
//!   with integer scores), its JSON form for `tandem match solve` (read a pair at a time),
//!   and its validation;
//! - [`min_cost_flow`]: the exact solver, a min-cost flow (successive shortest paths from
//!   one mentee at a time, Dijkstra with potentials), with a certificate that checks a
//!   solution on a pruned candidate graph against every pair that was pruned away;
//! - [`greedy`]: the greedy baseline, kept only for comparison;
//! - [`index`]: mentors indexed by hard constraints and criteria, for finding each mentee's
//!   best candidates and certifying a plan from bounds, without scoring every pair; and the
//!   product path that widens the candidates only where the certificate asks;
//! - [`scoring`]: compact person features, weighted criteria, hard constraints, top-k
//!   candidate pruning and per-pair explanations;
//! - [`plan`]: from a programme's ready participants to a plan with explanations (folder:
//!   the plan, the features read from answers, the explanations);
//! - [`synth`]: a deterministic synthetic population for the benchmark.
//!
//! Everything here is pure and synchronous. To add a criterion, add a variant to
//! `scoring::Criterion` with its score and explanation; the solver never changes.

pub mod greedy;
pub mod index;
pub mod instance;
pub mod min_cost_flow;
pub mod plan;
pub mod scoring;
pub mod synth;

#[cfg(test)]
mod reference;

pub use instance::{Instance, InstanceError, Pair};
pub use min_cost_flow::{Objective, Solution, solve};
