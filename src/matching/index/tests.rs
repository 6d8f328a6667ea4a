//! The index against exhaustive scoring, and widening against the full optimum.

use super::*;
use crate::matching::instance::{Instance, Pair};
use crate::matching::min_cost_flow::{Decisions, Objective, solve_certified};
use crate::matching::scoring::{candidates, uncertified_pairs};
use crate::matching::synth::{model, population};

#[test]
fn the_index_finds_exactly_the_candidates_that_scoring_every_pair_finds() {
    let m = model();
    for (seed, mentees, mentors) in [(3, 400, 90), (4, 300, 300), (5, 50, 7)] {
        let (e, r) = population(seed, mentees, mentors);
        let index = MentorIndex::new(&m, &r);
        let excluded: HashSet<(u32, u32)> = (0..mentees as u32)
            .step_by(3)
            .map(|i| (i, i % mentors as u32))
            .collect();
        for k in [1, 5, 40, 1000] {
            let exhaustive = candidates(&m, &e, &r, k, &excluded, 1);
            let indexed = index.candidates(&m, &e, &r, k, &excluded, 2);
            assert_eq!(indexed, exhaustive, "seed {seed}, k = {k}");
        }
    }
}

#[test]
fn the_index_finds_every_pair_that_could_improve_a_plan() {
    let m = model();
    let (e, r) = population(8, 500, 100);
    let index = MentorIndex::new(&m, &r);
    let none = HashSet::new();
    for (k, capacity) in [(1, 5), (3, 5), (3, 2), (8, 1)] {
        let cands = index.candidates(&m, &e, &r, k, &none, 1);
        let people = people(e.len(), r.len(), capacity, cands.pairs);
        for objective in [Objective::CountThenScore, Objective::Score] {
            let (_, cert) = solve_certified(&people, objective, &Decisions::default()).unwrap();
            let all = uncertified_pairs(&m, &e, &r, &people.pairs, &none, &cert, 1);
            let open = index.uncertified(&m, &e, &r, &people.pairs, &none, &cert, usize::MAX, 2);
            assert_eq!(open.len() as u64, all, "k = {k}, capacity {capacity}");
            let few = index.uncertified(&m, &e, &r, &people.pairs, &none, &cert, 2, 2);
            assert_eq!(
                few.is_empty(),
                all == 0,
                "a limit finds some whenever there are any"
            );
            assert!(
                few.iter()
                    .all(|p| !cert.admits(p.mentee, p.mentor, p.score))
            );
        }
    }
}

#[test]
fn widening_reaches_the_optimum_over_every_allowed_pair() {
    let m = model();
    let (e, r) = population(12, 300, 40);
    let none = HashSet::new();
    for capacity in [1, 3, 8] {
        let full = candidates(&m, &e, &r, r.len(), &none, 1);
        let best = crate::matching::solve(
            &people(e.len(), r.len(), capacity, full.pairs),
            Objective::CountThenScore,
            &Decisions::default(),
        )
        .unwrap();
        let w = solve_widening(
            &m,
            &e,
            &r,
            people(e.len(), r.len(), capacity, vec![]),
            2,
            &none,
            Objective::CountThenScore,
            Widen::All,
            2,
        )
        .unwrap();
        assert_eq!(
            (w.solution.matched_mentees, w.solution.total_score),
            (best.matched_mentees, best.total_score),
            "capacity {capacity}"
        );
        assert_eq!(w.feasible_pairs, full.feasible_pairs);
        let count = solve_widening(
            &m,
            &e,
            &r,
            people(e.len(), r.len(), capacity, vec![]),
            1,
            &none,
            Objective::CountThenScore,
            Widen::Count,
            2,
        )
        .unwrap();
        assert_eq!(
            count.solution.assignments.len(),
            best.assignments.len(),
            "widening for the count matches as many as the optimum (capacity {capacity})"
        );
    }
}

fn people(mentees: usize, mentors: usize, capacity: u32, pairs: Vec<Pair>) -> Instance {
    use crate::matching::instance::{MenteeNode, MentorNode};
    Instance {
        mentors: (0..mentors)
            .map(|j| MentorNode {
                id: format!("r{j}"),
                capacity,
            })
            .collect(),
        mentees: (0..mentees)
            .map(|i| MenteeNode {
                id: format!("e{i}"),
                slots: 1,
            })
            .collect(),
        pairs,
    }
}
