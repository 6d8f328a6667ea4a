//! Independent exact methods, for tests only: brute force over every feasible set of
//! pairs (tiny instances), and successive shortest paths with Bellman–Ford, one path at a
//! time and without potentials (medium instances).

use super::instance::{Instance, Pair};
use super::min_cost_flow::Objective;

/// What the solver optimises, as a comparable key: (assignments, mentees with a mentor,
/// total score) for `CountThenScore`; the total score alone for `Score`.
pub fn key(objective: Objective, pairs: &[Pair]) -> (i64, i64, i64) {
    let score: i64 = pairs.iter().map(|p| p.score).sum();
    let mut mentees: Vec<u32> = pairs.iter().map(|p| p.mentee).collect();
    mentees.sort();
    mentees.dedup();
    match objective {
        Objective::CountThenScore => (pairs.len() as i64, mentees.len() as i64, score),
        Objective::Score => (0, 0, score),
    }
}

/// Whether `pairs` give no mentee more than its slots and no mentor more than its capacity.
pub fn within_places(instance: &Instance, pairs: &[Pair]) -> bool {
    instance
        .mentees
        .iter()
        .enumerate()
        .all(|(i, m)| pairs.iter().filter(|p| p.mentee as usize == i).count() <= m.slots as usize)
        && instance.mentors.iter().enumerate().all(|(j, m)| {
            pairs.iter().filter(|p| p.mentor as usize == j).count() <= m.capacity as usize
        })
}

/// The best key over every feasible subset of pairs (at most ~20 pairs).
pub fn brute_force(instance: &Instance, objective: Objective) -> (i64, i64, i64) {
    assert!(
        instance.pairs.len() <= 20,
        "brute force is for tiny instances"
    );
    let mut best = key(objective, &[]);
    for mask in 0u32..(1 << instance.pairs.len()) {
        let chosen: Vec<Pair> = (0..instance.pairs.len())
            .filter(|b| mask & (1 << b) != 0)
            .map(|b| instance.pairs[b])
            .collect();
        if within_places(instance, &chosen) {
            best = best.max(key(objective, &chosen));
        }
    }
    best
}

/// Successive shortest paths with Bellman–Ford on an explicit edge list.
pub fn bellman_ford_ssp(instance: &Instance, objective: Objective) -> (i64, i64, i64) {
    let n = instance.mentees.len();
    let m = instance.mentors.len();
    let (s, t) = (0, n + m + 1);
    let max_score = instance.pairs.iter().map(|p| p.score).max().unwrap_or(0);
    let total_slots: i64 = instance.mentees.iter().map(|x| i64::from(x.slots)).sum();
    let penalty = max_score * total_slots.max(1) + 1;
    // (from, to, cap, cost), reverse at index ^ 1
    let mut edges: Vec<(usize, usize, i64, i64)> = Vec::new();
    let add = |edges: &mut Vec<(usize, usize, i64, i64)>, u, v, cap, cost| {
        edges.push((u, v, cap, cost));
        edges.push((v, u, 0, -cost));
    };
    for (i, x) in instance.mentees.iter().enumerate() {
        let k = i64::from(x.slots);
        if k == 0 {
            continue;
        }
        if objective == Objective::CountThenScore && k > 1 {
            add(&mut edges, s, 1 + i, 1, 0);
            add(&mut edges, s, 1 + i, k - 1, penalty);
        } else {
            add(&mut edges, s, 1 + i, k, 0);
        }
    }
    let first_pair = edges.len();
    for p in &instance.pairs {
        add(
            &mut edges,
            1 + p.mentee as usize,
            1 + n + p.mentor as usize,
            1,
            max_score - p.score,
        );
    }
    let after_pairs = edges.len();
    for (j, x) in instance.mentors.iter().enumerate() {
        if x.capacity > 0 {
            add(&mut edges, 1 + n + j, t, i64::from(x.capacity), 0);
        }
    }
    loop {
        let mut dist = vec![i64::MAX; n + m + 2];
        let mut via = vec![usize::MAX; n + m + 2];
        dist[s] = 0;
        for _ in 0..n + m + 2 {
            let mut changed = false;
            for (e, &(u, v, cap, cost)) in edges.iter().enumerate() {
                if cap > 0 && dist[u] != i64::MAX && dist[u] + cost < dist[v] {
                    dist[v] = dist[u] + cost;
                    via[v] = e;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        if dist[t] == i64::MAX || (objective == Objective::Score && dist[t] >= max_score) {
            break;
        }
        let mut v = t;
        while v != s {
            let e = via[v];
            edges[e].2 -= 1;
            edges[e ^ 1].2 += 1;
            v = edges[e].0;
        }
    }
    let chosen: Vec<Pair> = (first_pair..after_pairs)
        .step_by(2)
        .zip(&instance.pairs)
        .filter(|(e, _)| edges[*e].2 == 0)
        .map(|(_, p)| *p)
        .collect();
    key(objective, &chosen)
}
