//! The solver against brute force and Bellman–Ford, in every mode, with decisions and
//! certificates.

use super::*;
use crate::matching::instance::{MenteeNode, MentorNode};
use crate::matching::reference::{bellman_ford_ssp, brute_force, key, within_places};
use crate::matching::synth::Rng;

fn random_instance(
    rng: &mut Rng,
    mentees: usize,
    mentors: usize,
    density: u64,
    max_cap: u32,
    max_slots: u32,
    max_score: i64,
) -> Instance {
    let mentors: Vec<MentorNode> = (0..mentors)
        .map(|j| MentorNode {
            id: format!("m{j}"),
            capacity: rng.below(u64::from(max_cap) + 1) as u32,
        })
        .collect();
    let mentees: Vec<MenteeNode> = (0..mentees)
        .map(|i| MenteeNode {
            id: format!("e{i}"),
            slots: 1 + rng.below(u64::from(max_slots)) as u32,
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..mentees.len() {
        for j in 0..mentors.len() {
            if rng.below(100) < density {
                pairs.push(Pair {
                    mentee: i as u32,
                    mentor: j as u32,
                    score: rng.below(max_score as u64 + 1) as i64,
                });
            }
        }
    }
    Instance {
        mentors,
        mentees,
        pairs,
    }
}

fn check_feasible(instance: &Instance, s: &Solution) {
    assert!(
        within_places(instance, &s.assignments),
        "no mentee over its slots, no mentor over its capacity"
    );
    for a in &s.assignments {
        assert!(
            instance.pairs.contains(a),
            "only allowed pairs, with their scores"
        );
    }
}

/// A random instance of up to 5 mentees and 4 mentors, if it is small enough (at most 14
/// pairs) to be solved by brute force.
fn brute_forceable(rng: &mut Rng, max_cap: u32, max_slots: u32) -> Option<Instance> {
    let (a, b) = (1 + rng.below(5) as usize, 1 + rng.below(4) as usize);
    let inst = random_instance(rng, a, b, 45, max_cap, max_slots, 20);
    (inst.pairs.len() <= 14).then_some(inst)
}

#[test]
fn the_solver_matches_brute_force_on_small_instances_in_every_mode() {
    let mut rng = Rng::new(7);
    // (max capacity, max slots): 1:1, 1:n, array, group-sized capacities
    for (cap, slots) in [(1, 1), (3, 1), (2, 3), (4, 1)] {
        for objective in [Objective::CountThenScore, Objective::Score] {
            for _ in 0..150 {
                let Some(inst) = brute_forceable(&mut rng, cap, slots) else {
                    continue;
                };
                let best = brute_force(&inst, objective);
                let s = solve(&inst, objective, &Decisions::default()).unwrap();
                check_feasible(&inst, &s);
                assert_eq!(key(objective, &s.assignments), best, "{inst:?}");
                // Pricing from a single pair per mentee reaches the same optimum.
                let priced = solve_priced(&inst, objective, &Decisions::default(), 1).unwrap();
                check_feasible(&inst, &priced);
                assert_eq!(key(objective, &priced.assignments), best, "{inst:?}");
            }
        }
    }
}

#[test]
fn the_solver_matches_an_independent_exact_method_on_medium_instances() {
    let mut rng = Rng::new(11);
    for (cap, slots) in [(1, 1), (4, 1), (3, 2)] {
        for objective in [Objective::CountThenScore, Objective::Score] {
            for _ in 0..3 {
                let inst = {
                    let (a, b) = (150 + rng.below(100) as usize, 40 + rng.below(30) as usize);
                    random_instance(&mut rng, a, b, 8, cap, slots, 100)
                };
                let best = bellman_ford_ssp(&inst, objective);
                for k in [2, usize::MAX] {
                    let s = solve_priced(&inst, objective, &Decisions::default(), k).unwrap();
                    check_feasible(&inst, &s);
                    assert_eq!(key(objective, &s.assignments), best, "k = {k}");
                }
            }
        }
    }
}

#[test]
fn score_objective_may_match_fewer_for_a_higher_total() {
    // Mentee 0 can take mentor 0 (score 10) or 1 (score 1); mentee 1 only mentor 0 (1).
    let inst = Instance {
        mentors: vec![
            MentorNode {
                id: "a".into(),
                capacity: 1,
            },
            MentorNode {
                id: "b".into(),
                capacity: 1,
            },
        ],
        mentees: vec![
            MenteeNode {
                id: "x".into(),
                slots: 1,
            },
            MenteeNode {
                id: "y".into(),
                slots: 1,
            },
        ],
        pairs: vec![
            Pair {
                mentee: 0,
                mentor: 0,
                score: 10,
            },
            Pair {
                mentee: 0,
                mentor: 1,
                score: 1,
            },
            Pair {
                mentee: 1,
                mentor: 0,
                score: 1,
            },
        ],
    };
    let count = solve(&inst, Objective::CountThenScore, &Decisions::default()).unwrap();
    assert_eq!((count.matched_mentees, count.total_score), (2, 2));
    let score = solve(&inst, Objective::Score, &Decisions::default()).unwrap();
    assert_eq!((score.matched_mentees, score.total_score), (1, 10));
}

#[test]
fn required_and_forbidden_pairs_are_respected_and_the_rest_stays_optimal() {
    let mut rng = Rng::new(3);
    for _ in 0..200 {
        let mut inst = {
            let (a, b) = (1 + rng.below(5) as usize, 1 + rng.below(4) as usize);
            random_instance(&mut rng, a, b, 50, 2, 1, 20)
        };
        if inst.pairs.len() < 2 || inst.pairs.len() > 12 {
            continue;
        }
        let req = inst.pairs[rng.below(inst.pairs.len() as u64) as usize];
        let forb = inst.pairs[rng.below(inst.pairs.len() as u64) as usize];
        if (req.mentee, req.mentor) == (forb.mentee, forb.mentor)
            || inst.mentors[req.mentor as usize].capacity == 0
        {
            continue;
        }
        let decisions = Decisions {
            required: vec![(req.mentee, req.mentor)],
            forbidden: vec![(forb.mentee, forb.mentor)],
        };
        let s = solve(&inst, Objective::CountThenScore, &decisions).unwrap();
        assert!(s.assignments.contains(&req));
        assert!(
            !s.assignments
                .iter()
                .any(|p| (p.mentee, p.mentor) == (forb.mentee, forb.mentor))
        );
        // Optimal among solutions that contain `req` and avoid `forb`: brute force on the
        // reduced instance (capacities lowered, `req` set aside, `forb` removed).
        inst.mentees[req.mentee as usize].slots -= 1;
        inst.mentors[req.mentor as usize].capacity -= 1;
        inst.pairs.retain(|p| {
            (p.mentee, p.mentor) != (req.mentee, req.mentor)
                && (p.mentee, p.mentor) != (forb.mentee, forb.mentor)
        });
        let rest: Vec<Pair> = s
            .assignments
            .iter()
            .copied()
            .filter(|p| *p != req)
            .collect();
        let (count, _, score) = brute_force(&inst, Objective::CountThenScore);
        assert_eq!(
            (rest.len() as i64, rest.iter().map(|p| p.score).sum::<i64>()),
            (count, score)
        );
    }
}

#[test]
fn impossible_decisions_and_empty_instances_are_handled() {
    let inst = Instance {
        mentors: vec![MentorNode {
            id: "a".into(),
            capacity: 0,
        }],
        mentees: vec![MenteeNode {
            id: "x".into(),
            slots: 1,
        }],
        pairs: vec![Pair {
            mentee: 0,
            mentor: 0,
            score: 5,
        }],
    };
    let s = solve(&inst, Objective::CountThenScore, &Decisions::default()).unwrap();
    assert_eq!(s.matched_mentees, 0, "zero capacity takes no one");
    let e = solve(
        &inst,
        Objective::CountThenScore,
        &Decisions {
            required: vec![(0, 0)],
            forbidden: vec![],
        },
    )
    .unwrap_err();
    assert!(e.0.contains("more partners than they can take"), "{e}");
    let empty = Instance::default();
    assert_eq!(
        solve(&empty, Objective::CountThenScore, &Decisions::default())
            .unwrap()
            .assignments,
        vec![]
    );
    let no_pairs = Instance {
        pairs: vec![],
        ..inst.clone()
    };
    assert_eq!(
        solve(&no_pairs, Objective::Score, &Decisions::default())
            .unwrap()
            .matched_mentees,
        0
    );
}

#[test]
fn the_certificate_accepts_pruned_pairs_only_when_the_solution_stays_optimal() {
    for objective in [Objective::CountThenScore, Objective::Score] {
        for slots in [1, 2] {
            certified_solutions_are_optimal(objective, slots);
        }
    }
}

fn certified_solutions_are_optimal(objective: Objective, slots: u32) {
    let mut rng = Rng::new(5);
    let mut checked = 0;
    for _ in 0..300 {
        let full = {
            let (a, b) = (2 + rng.below(4) as usize, 1 + rng.below(4) as usize);
            random_instance(&mut rng, a, b, 60, 2, slots, 20)
        };
        if full.pairs.len() < 3 || full.pairs.len() > 14 {
            continue;
        }
        // Keep a random part of the pairs, certify the rest.
        let (kept, dropped): (Vec<Pair>, Vec<Pair>) =
            full.pairs.iter().partition(|_| rng.below(100) < 60);
        let pruned = Instance {
            pairs: kept,
            ..full.clone()
        };
        let (s, cert) = solve_certified(&pruned, objective, &Decisions::default()).unwrap();
        let certified = dropped
            .iter()
            .all(|p| cert.admits(p.mentee, p.mentor, p.score));
        let best = brute_force(&full, objective);
        if certified {
            assert_eq!(
                key(objective, &s.assignments),
                best,
                "a certified solution is optimal for the full instance ({objective:?}, {slots} slots)"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "enough certified cases: {checked}");
}

/// Both engines on one instance, each against the reference, with certificates checked on
/// the pairs (every pair admitted: the potentials are exact duals).
fn both_engines_agree(inst: &Instance, objective: Objective, best: (i64, i64, i64)) {
    let problem = Problem::new(inst, objective, &Decisions::default()).unwrap();
    for method in [Method::Scaling, Method::Paths, Method::WhenSlow] {
        let (s, cert) = problem.solve_by(inst, |_| true, method).unwrap();
        check_feasible(inst, &s);
        assert_eq!(key(objective, &s.assignments), best, "{method:?}");
        // A used pair may have a negative reduced cost (it is at its bound); an unused one
        // may not, or adding it again would improve the solution.
        assert!(
            inst.pairs
                .iter()
                .filter(|p| !s.assignments.contains(p))
                .all(|p| cert.admits(p.mentee, p.mentor, p.score)),
            "{method:?}: an optimal solution's certificate admits its unused pairs"
        );
    }
}

#[test]
fn cost_scaling_matches_brute_force_and_bellman_ford_in_every_mode() {
    let mut rng = Rng::new(23);
    for (cap, slots) in [(1, 1), (3, 1), (2, 3), (4, 1)] {
        for objective in [Objective::CountThenScore, Objective::Score] {
            for _ in 0..120 {
                let Some(inst) = brute_forceable(&mut rng, cap, slots) else {
                    continue;
                };
                both_engines_agree(&inst, objective, brute_force(&inst, objective));
            }
            for _ in 0..2 {
                let inst = {
                    let (a, b) = (120 + rng.below(80) as usize, 30 + rng.below(30) as usize);
                    random_instance(&mut rng, a, b, 10, cap, slots, 1000)
                };
                both_engines_agree(&inst, objective, bellman_ford_ssp(&inst, objective));
            }
        }
    }
}

#[test]
fn cost_scaling_solves_skewed_and_tight_instances_as_the_paths_engine_does() {
    // Everyone's best pairs go to a few mentors, and places just match the mentees: the
    // case successive shortest paths is slowest on.
    let mut rng = Rng::new(29);
    for objective in [Objective::CountThenScore, Objective::Score] {
        let mentors: Vec<MentorNode> = (0..40)
            .map(|j| MentorNode {
                id: format!("m{j}"),
                capacity: 5,
            })
            .collect();
        let mentees: Vec<MenteeNode> = (0..200)
            .map(|i| MenteeNode {
                id: format!("e{i}"),
                slots: 1,
            })
            .collect();
        let quality: Vec<i64> = (0..40).map(|_| rng.below(600) as i64).collect();
        let mut pairs = Vec::new();
        for i in 0..200u32 {
            let mut seen = [false; 40];
            for _ in 0..12 {
                // Low mentor numbers are far more popular.
                let j = (rng.below(40) * rng.below(40) / 40) as usize;
                if !std::mem::replace(&mut seen[j], true) {
                    let score = (quality[j] + rng.below(401) as i64).min(1000);
                    pairs.push(Pair {
                        mentee: i,
                        mentor: j as u32,
                        score,
                    });
                }
            }
        }
        let inst = Instance {
            mentors,
            mentees,
            pairs,
        };
        both_engines_agree(&inst, objective, bellman_ford_ssp(&inst, objective));
    }
}
