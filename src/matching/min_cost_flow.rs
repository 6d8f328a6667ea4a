//! The exact solver: capacitated bipartite matching as a min-cost flow.
//!
//! Network: source → each mentee (capacity = slots) → each allowed mentor (capacity 1,
//! cost `max_score − score`) → sink (capacity = the mentor's capacity). Every unit of flow
//! crosses exactly one mentee→mentor edge, so for flows of equal size the cost order is the
//! reverse of the score order: a min-cost *maximum* flow matches as many as possible, then
//! maximises the total score. With [`Objective::Score`] augmentation stops as soon as the next
//! path would not raise the total score. In array mode a mentee's second and later slots
//! carry a penalty larger than any score difference, so everyone gets a first mentor before
//! anyone gets a second.
//!
//! Algorithm (primal–dual): Dijkstra on reduced costs (stopping at the sink) updates the node
//! potentials; then a Dinic-style blocking flow pushes along every zero-reduced-cost path at
//! once. Costs are integers, so the result is exact. Afterwards [`Certificate`] can prove the
//! solution optimal for pairs that were never in the graph (pruned candidates): a pair can
//! only improve the solution if its reduced cost is negative or it crosses the final cut.
//!
//! Named for the algorithm, not the conversations (`src/flows/` is those). The network is
//! built from an [`Instance`] here and nowhere else: a new objective is a variant of
//! [`Objective`] with its costs or stopping rule in [`solve_certified`] and its reduced-cost
//! test in [`Certificate`], checked against `reference.rs` (brute force and Bellman–Ford) in
//! the tests below.

use std::collections::HashSet;

use super::instance::{Instance, InstanceError, Pair};

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

/// Solves `instance` exactly.
pub fn solve(
    instance: &Instance,
    objective: Objective,
    decisions: &Decisions,
) -> Result<Solution, InstanceError> {
    solve_certified(instance, objective, decisions).map(|(s, _)| s)
}

/// Solves, and returns what is needed to check pairs left out of the instance.
pub fn solve_certified(
    instance: &Instance,
    objective: Objective,
    decisions: &Decisions,
) -> Result<(Solution, Certificate), InstanceError> {
    instance.validate()?;
    let n = instance.mentees.len();
    let m = instance.mentors.len();
    let mut slots: Vec<i64> = instance
        .mentees
        .iter()
        .map(|x| i64::from(x.slots))
        .collect();
    let mut capacity: Vec<i64> = instance
        .mentors
        .iter()
        .map(|x| i64::from(x.capacity))
        .collect();
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
    let max_score = instance.pairs.iter().map(|p| p.score).max().unwrap_or(0);
    let total_slots: i64 = slots.iter().sum();
    // Larger than any difference in total score, so spreading always wins.
    let spread_penalty = max_score.saturating_mul(total_slots.max(1)) + 1;
    let source = 0usize;
    let sink = n + m + 1;
    let mut g = Graph::with_nodes(n + m + 2);
    // Mentees whose first slot is already taken by a required pair start on their extras.
    let mut has_fixed = vec![false; n];
    for p in &fixed {
        has_fixed[p.mentee as usize] = true;
    }
    for (i, &k) in slots.iter().enumerate() {
        if k == 0 {
            continue;
        }
        match objective {
            Objective::CountThenScore if k > 1 || has_fixed[i] => {
                let first = i64::from(!has_fixed[i]);
                if first > 0 {
                    g.add_edge(source, 1 + i, 1, 0);
                }
                if k - first > 0 {
                    g.add_edge(source, 1 + i, k - first, spread_penalty);
                }
            }
            _ => {
                g.add_edge(source, 1 + i, k, 0);
            }
        }
    }
    let mut pair_edges = Vec::with_capacity(instance.pairs.len());
    for p in &instance.pairs {
        let key = (p.mentee, p.mentor);
        // Skip the lookups in the common case of no decisions: they cost more than the rest.
        if (!forbidden.is_empty() && forbidden.contains(&key))
            || (!required.is_empty() && required.contains(&key))
        {
            continue;
        }
        let e = g.add_edge(
            1 + p.mentee as usize,
            1 + n + p.mentor as usize,
            1,
            max_score - p.score,
        );
        pair_edges.push((e, *p));
    }
    for (j, &c) in capacity.iter().enumerate() {
        if c > 0 {
            g.add_edge(1 + n + j, sink, c, 0);
        }
    }
    g.finish();
    let mut potential = vec![0i64; g.nodes];
    while let Some(dist) = g.dijkstra(source, sink, &potential) {
        // The path's real cost, from the telescoping sum of reduced costs.
        let path_cost = dist[sink] + potential[sink] - potential[source];
        if objective == Objective::Score && path_cost >= max_score {
            break;
        }
        let cap = dist[sink];
        for (p, d) in potential.iter_mut().zip(&dist) {
            *p += (*d).min(cap);
        }
        g.blocking_flow(source, sink, &potential);
    }
    let reachable = g.reachable(source);
    let mut assignments = fixed;
    for (e, p) in pair_edges {
        if g.cap[g.position[e] as usize] == 0 {
            assignments.push(p);
        }
    }
    let certificate = Certificate {
        n,
        max_score,
        potential,
        reachable,
        objective,
        forbidden,
    };
    Ok((Solution::from_assignments(assignments), certificate))
}

/// Proof material for the optimality of a solution over pairs that were not in the graph.
#[derive(Debug, Clone)]
pub struct Certificate {
    n: usize,
    max_score: i64,
    potential: Vec<i64>,
    reachable: Vec<bool>,
    objective: Objective,
    forbidden: HashSet<(u32, u32)>,
}

impl Certificate {
    /// Whether adding the (absent) pair could not improve the solution. `true` for every
    /// absent pair proves the solution optimal for the instance with all of them.
    pub fn admits(&self, mentee: u32, mentor: u32, score: i64) -> bool {
        if self.forbidden.contains(&(mentee, mentor)) {
            return true;
        }
        if score > self.max_score {
            return false;
        }
        let u = 1 + mentee as usize;
        let v = 1 + self.n + mentor as usize;
        let reduced = (self.max_score - score) + self.potential[u] - self.potential[v];
        if reduced < 0 {
            return false;
        }
        // The final cut: a pair from the source side to the sink side would open an
        // augmenting path and match one more.
        !(self.objective == Objective::CountThenScore && self.reachable[u] && !self.reachable[v])
    }
}

/// A residual graph in compressed adjacency form: the edges leaving node `u` are the
/// indices `start[u]..start[u + 1]`, stored contiguously so that scanning a node's edges
/// reads memory in order. `rev[e]` is the reverse of edge `e`.
struct Graph {
    nodes: usize,
    to: Vec<u32>,
    cap: Vec<i32>,
    cost: Vec<i64>,
    rev: Vec<u32>,
    start: Vec<u32>,
    /// Forward edges as added, before `finish` lays them out: (from, to, cap, cost).
    pending: Vec<(u32, u32, i32, i64)>,
    /// Where each forward edge (by the id `add_edge` returned) ended up.
    position: Vec<u32>,
}

const INF: i64 = i64::MAX / 4;

impl Graph {
    fn with_nodes(nodes: usize) -> Graph {
        Graph {
            nodes,
            to: Vec::new(),
            cap: Vec::new(),
            cost: Vec::new(),
            rev: Vec::new(),
            start: Vec::new(),
            pending: Vec::new(),
            position: Vec::new(),
        }
    }

    /// Adds an edge (and, implicitly, its reverse); returns its id (see `position`).
    fn add_edge(&mut self, u: usize, v: usize, cap: i64, cost: i64) -> usize {
        let cap = i32::try_from(cap).expect("capacities are validated to be small");
        self.pending.push((u as u32, v as u32, cap, cost));
        self.pending.len() - 1
    }

    /// Lays the edges and their reverses out by node.
    fn finish(&mut self) {
        let mut start = vec![0u32; self.nodes + 1];
        for &(u, v, ..) in &self.pending {
            start[u as usize + 1] += 1;
            start[v as usize + 1] += 1;
        }
        for i in 0..self.nodes {
            start[i + 1] += start[i];
        }
        let total = start[self.nodes] as usize;
        let mut fill = start.clone();
        self.to = vec![0; total];
        self.cap = vec![0; total];
        self.cost = vec![0; total];
        self.rev = vec![0; total];
        self.position = Vec::with_capacity(self.pending.len());
        for &(u, v, cap, cost) in &self.pending {
            let f = fill[u as usize] as usize;
            fill[u as usize] += 1;
            let b = fill[v as usize] as usize;
            fill[v as usize] += 1;
            (self.to[f], self.cap[f], self.cost[f], self.rev[f]) = (v, cap, cost, b as u32);
            (self.to[b], self.cap[b], self.cost[b], self.rev[b]) = (u, 0, -cost, f as u32);
            self.position.push(f as u32);
        }
        self.start = start;
        self.pending = Vec::new();
    }

    fn edges(&self, u: usize) -> std::ops::Range<usize> {
        self.start[u] as usize..self.start[u + 1] as usize
    }

    fn reduced(&self, u: usize, e: usize, potential: &[i64]) -> i64 {
        self.cost[e] + potential[u] - potential[self.to[e] as usize]
    }

    /// Shortest reduced-cost distances from `s`, stopping once `t` is settled; `None` if
    /// `t` cannot be reached.
    fn dijkstra(&self, s: usize, t: usize, potential: &[i64]) -> Option<Vec<i64>> {
        let mut dist = vec![INF; self.nodes];
        let mut done = vec![false; self.nodes];
        let mut heap = RadixHeap::new();
        dist[s] = 0;
        heap.push(0, s as u32);
        while let Some((d, u)) = heap.pop() {
            let u = u as usize;
            if done[u] {
                continue;
            }
            done[u] = true;
            if u == t {
                break;
            }
            for e in self.edges(u) {
                if self.cap[e] <= 0 {
                    continue;
                }
                let v = self.to[e] as usize;
                let nd = d + self.reduced(u, e, potential);
                if nd < dist[v] {
                    dist[v] = nd;
                    heap.push(nd, v as u32);
                }
            }
        }
        (dist[t] < INF).then_some(dist)
    }

    /// Pushes flow along zero-reduced-cost paths: every such path is a shortest path, so
    /// no level graph is needed. A depth-first search with a current-edge pointer per node
    /// finds them; a node already on the path is skipped (zero-cost cycles exist). Paths it
    /// misses are found by the next Dijkstra at the same distance, so this stays exact.
    fn blocking_flow(&mut self, s: usize, t: usize, potential: &[i64]) {
        let mut next = self.start[..self.nodes].to_vec();
        let mut on_path = vec![false; self.nodes];
        let mut path: Vec<usize> = Vec::new();
        'augment: loop {
            path.clear();
            let mut u = s;
            on_path[s] = true;
            loop {
                if u == t {
                    let push = path.iter().map(|&e| self.cap[e]).min().unwrap_or(0);
                    for &e in &path {
                        self.cap[e] -= push;
                        self.cap[self.rev[e] as usize] += push;
                        on_path[self.to[e] as usize] = false;
                    }
                    continue 'augment;
                }
                let end = self.start[u + 1];
                let mut advanced = false;
                while next[u] < end {
                    let e = next[u] as usize;
                    let v = self.to[e] as usize;
                    if self.admissible(u, e, potential) && !on_path[v] {
                        path.push(e);
                        on_path[v] = true;
                        u = v;
                        advanced = true;
                        break;
                    }
                    next[u] += 1;
                }
                if !advanced {
                    on_path[u] = false;
                    match path.pop() {
                        None => break 'augment,
                        Some(e) => {
                            u = self.to[self.rev[e] as usize] as usize;
                            next[u] += 1;
                        }
                    }
                }
            }
        }
        on_path[s] = false;
    }

    fn admissible(&self, u: usize, e: usize, potential: &[i64]) -> bool {
        self.cap[e] > 0 && self.reduced(u, e, potential) == 0
    }

    fn reachable(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.nodes];
        seen[s] = true;
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            for e in self.edges(u) {
                let v = self.to[e] as usize;
                if self.cap[e] > 0 && !seen[v] {
                    seen[v] = true;
                    stack.push(v);
                }
            }
        }
        seen
    }
}

/// A monotone priority queue for non-negative integer keys (Dijkstra never pushes a key
/// below the last one popped): bucket `b` holds keys whose highest bit differing from the
/// last popped key is bit `b − 1`, so each entry moves down at most 64 times.
struct RadixHeap {
    last: i64,
    buckets: Vec<Vec<(i64, u32)>>,
    len: usize,
}

impl RadixHeap {
    fn new() -> RadixHeap {
        RadixHeap {
            last: 0,
            buckets: (0..65).map(|_| Vec::new()).collect(),
            len: 0,
        }
    }

    fn bucket(&self, key: i64) -> usize {
        64 - ((key ^ self.last) as u64).leading_zeros() as usize
    }

    fn push(&mut self, key: i64, value: u32) {
        debug_assert!(key >= self.last, "keys must not go below the last popped");
        let b = self.bucket(key);
        self.buckets[b].push((key, value));
        self.len += 1;
    }

    fn pop(&mut self) -> Option<(i64, u32)> {
        if self.len == 0 {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = (1..65).find(|&i| !self.buckets[i].is_empty())?;
            let moved = std::mem::take(&mut self.buckets[i]);
            self.last = moved.iter().map(|e| e.0).min().unwrap_or(self.last);
            for (key, value) in &moved {
                let b = self.bucket(*key);
                self.buckets[b].push((*key, *value));
            }
            // Keep the allocation for the next time this bucket fills.
            let mut moved = moved;
            moved.clear();
            if self.buckets[i].is_empty() {
                self.buckets[i] = moved;
            }
        }
        self.len -= 1;
        self.buckets[0].pop()
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn the_solver_matches_brute_force_on_small_instances_in_every_mode() {
        let mut rng = Rng::new(7);
        // (max capacity, max slots): 1:1, 1:n, array, group-sized capacities
        for (cap, slots) in [(1, 1), (3, 1), (2, 3), (4, 1)] {
            for objective in [Objective::CountThenScore, Objective::Score] {
                for _ in 0..150 {
                    let inst = {
                        let (a, b) = (1 + rng.below(5) as usize, 1 + rng.below(4) as usize);
                        random_instance(&mut rng, a, b, 45, cap, slots, 20)
                    };
                    if inst.pairs.len() > 14 {
                        continue;
                    }
                    let s = solve(&inst, objective, &Decisions::default()).unwrap();
                    check_feasible(&inst, &s);
                    assert_eq!(
                        key(objective, &s.assignments),
                        brute_force(&inst, objective),
                        "{inst:?}"
                    );
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
                    let s = solve(&inst, objective, &Decisions::default()).unwrap();
                    check_feasible(&inst, &s);
                    assert_eq!(
                        key(objective, &s.assignments),
                        bellman_ford_ssp(&inst, objective)
                    );
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
        let mut rng = Rng::new(5);
        let mut checked = 0;
        for _ in 0..300 {
            let full = {
                let (a, b) = (2 + rng.below(4) as usize, 1 + rng.below(4) as usize);
                random_instance(&mut rng, a, b, 60, 2, 1, 20)
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
            let (s, cert) =
                solve_certified(&pruned, Objective::CountThenScore, &Decisions::default()).unwrap();
            let certified = dropped
                .iter()
                .all(|p| cert.admits(p.mentee, p.mentor, p.score));
            let best = brute_force(&full, Objective::CountThenScore);
            if certified {
                assert_eq!(
                    key(Objective::CountThenScore, &s.assignments),
                    best,
                    "a certified solution is optimal for the full instance"
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "enough certified cases: {checked}");
    }
}
