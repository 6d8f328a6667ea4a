//! The augmenting engine: a transportation problem solved by successive shortest paths
//! from one mentee at a time (the Hungarian method, generalised to capacities and slots).
//!
//! Every unit of a mentee's supply (a slot) must go somewhere: to a mentor with room, along
//! a pair arc (cost `max_score − score`), or to "unmatched" (an arc straight to the sink,
//! whose cost is set by the objective; see `super::Costs`). Since every unit is always
//! placed, augmenting from one mentee at a time, in any order, ends at an optimum (the
//! source's arcs are all saturated, so no cycle can pass through it). Node potentials keep
//! every residual arc's reduced cost non-negative, so each search is a Dijkstra that stops
//! at the first way to the sink — usually a mentor with room a few arcs away, so a search
//! touches a small part of the graph rather than all of it.
//!
//! Memory per pair arc: its mentor (4 bytes), its cost (4), whether it is used (1) and the
//! pair it stands for (4). A mentor's used arcs are kept in a list of its capacity's length,
//! which is the whole of the reverse graph.

use super::radix_heap::RadixHeap;

/// A mentee's supply and what leaving a unit unmatched costs: `first` units cost
/// `first_cost`, the others `extra_cost` (cheaper: an unmatched extra slot is the smaller
/// loss), used in that order from the cheaper side.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Supply {
    pub first: u32,
    pub extra: u32,
}

/// The transportation network and its flow on the pair arcs, as both engines keep it (and
/// hand over from one to the other).
pub(super) struct Network {
    pub n: usize,
    pub m: usize,
    /// Pair arcs by mentee: `start[i]..start[i + 1]`.
    pub start: Vec<u32>,
    pub head: Vec<u32>,
    /// Original cost (`max_score − score`).
    pub cost: Vec<i32>,
    pub used: Vec<bool>,
    /// The pair (index into the caller's list) each arc stands for.
    pub pair: Vec<u32>,
    pub supply: Vec<Supply>,
    /// Units left unmatched so far (sent to the sink): (first, extra).
    pub unmatched: Vec<(u32, u32)>,
    pub first_cost: i64,
    pub extra_cost: i64,
    pub capacity: Vec<u32>,
}

pub(super) struct Engine {
    net: Network,
    /// A mentor's used arcs and their mentees: `slot_start[j]..slot_start[j] + taken[j]`.
    slot_start: Vec<u32>,
    slots: Vec<(u32, u32)>,
    taken: Vec<u32>,
    /// Mentees `0..n`, mentors `n..n + m`, the sink `n + m`.
    pub potential: Vec<i64>,
    // Search state, reused: a node's distance and predecessor count only when its stamp is
    // the current search's.
    stamp: Vec<u32>,
    settled_stamp: Vec<u32>,
    round: u32,
    dist: Vec<i64>,
    /// For a mentor: the arc it was reached by; for a mentee: the used arc it was reached
    /// back along.
    via: Vec<u32>,
    settled: Vec<u32>,
    heap: RadixHeap,
}

/// Whether [`Engine::run_until`] gives the waiting mentees to cost scaling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HandOff {
    Never,
    /// After [`SLOW_CHECK`] searches from the waiting mentees, if at that pace placing the
    /// rest would take more than [`SLOW_LEVELS`] searches: each distance level then holds
    /// few paths, and cost scaling, which treats many levels at once, is faster. Measured:
    /// the random skewed instance (30,000 × 6,000, scores 0–1000) places 18 units in its
    /// first 8 searches with 26,428 left, and takes ~690 searches a pricing round; the
    /// benchmark cohorts (10k × 2k to 100k × 20k) place a fifth to a half of theirs in 8,
    /// finish in 110–130, and are slower with cost scaling (it reworks the whole graph at
    /// every phase).
    WhenSlow,
    /// At once (the tests: every instance goes through cost scaling).
    #[cfg(test)]
    Now,
}

const SLOW_CHECK: usize = 8;
const SLOW_LEVELS: u64 = 50;

impl Network {
    /// The arcs in use, as indices into the caller's pair list.
    pub fn used_pairs(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.head.len())
            .filter(|&a| self.used[a])
            .map(|a| self.pair[a])
    }

    /// See [`Engine::reachable_from_unmatched`]; `used_by(j)` lists mentor `j`'s used arcs
    /// and their mentees.
    pub fn reachable_from_unmatched<'s>(
        &self,
        used_by: impl Fn(usize) -> &'s [(u32, u32)],
    ) -> Vec<bool> {
        let (n, m) = (self.n, self.m);
        let mut seen = vec![false; n + m];
        let mut stack: Vec<usize> = (0..n).filter(|&x| self.unmatched[x] != (0, 0)).collect();
        for &x in &stack {
            seen[x] = true;
        }
        while let Some(v) = stack.pop() {
            if v < n {
                for a in self.start[v] as usize..self.start[v + 1] as usize {
                    let w = n + self.head[a] as usize;
                    if !self.used[a] && !seen[w] {
                        seen[w] = true;
                        stack.push(w);
                    }
                }
            } else {
                for &(_, x) in used_by(v - n) {
                    if !seen[x as usize] {
                        seen[x as usize] = true;
                        stack.push(x as usize);
                    }
                }
            }
        }
        seen
    }
}

/// An [`Engine`]'s state, for `scaling.rs` to finish from.
pub(super) struct HandOver {
    pub net: Network,
    /// Each mentor's used arcs and their mentees.
    pub slots: Vec<Vec<(u32, u32)>>,
    /// In the original costs.
    pub potential: Vec<i64>,
}

/// How a search reached the sink.
#[derive(Clone, Copy, Debug)]
enum Exit {
    Room(usize),
    Unmatched(usize),
}

const INF: i64 = i64::MAX / 4;

impl Engine {
    /// `arcs` are (mentee, mentor, cost, pair index), in any order.
    pub fn new(
        supply: Vec<Supply>,
        capacity: Vec<u32>,
        arcs: &[(u32, u32, i32, u32)],
        first_cost: i64,
        extra_cost: i64,
    ) -> Engine {
        let (n, m) = (supply.len(), capacity.len());
        let mut start = vec![0u32; n + 1];
        for a in arcs {
            start[a.0 as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut head = vec![0u32; arcs.len()];
        let mut cost = vec![0i32; arcs.len()];
        let mut pair = vec![0u32; arcs.len()];
        for &(i, j, c, p) in arcs {
            let at = fill[i as usize] as usize;
            fill[i as usize] += 1;
            (head[at], cost[at], pair[at]) = (j, c, p);
        }
        let mut slot_start = Vec::with_capacity(m + 1);
        let mut total = 0u32;
        for &c in &capacity {
            slot_start.push(total);
            total += c;
        }
        let nodes = n + m + 1;
        Engine {
            net: Network {
                n,
                m,
                start,
                head,
                cost,
                used: vec![false; arcs.len()],
                pair,
                unmatched: vec![(0, 0); n],
                supply,
                first_cost,
                extra_cost,
                capacity,
            },
            slots: vec![(0, 0); total as usize],
            slot_start,
            taken: vec![0; m],
            potential: vec![0; nodes],
            stamp: vec![0; nodes],
            settled_stamp: vec![0; nodes],
            round: 0,
            dist: vec![0; nodes],
            via: vec![0; nodes],
            settled: Vec::new(),
            heap: RadixHeap::new(),
        }
    }

    /// Places every unit of every mentee's supply: one mentee at a time while a search
    /// stays small; the mentees whose search grows past a budget (late in a tight
    /// instance, when the mentors with room are far away) are placed together afterwards,
    /// a search from all of them at once followed by every augmentation it allows, one
    /// distance level per search. With [`HandOff::WhenSlow`] it gives up when those searches
    /// place too few (see there) and returns the units each mentee still has to place
    /// (`None`: all placed); the flow and potentials are then a valid start for cost scaling
    /// (see [`Engine::hand_over`]).
    pub fn run_until(&mut self, hand_off: HandOff) -> Option<Vec<u32>> {
        // Half the tests' hand-overs are of everything (cost scaling from the start).
        #[cfg(test)]
        if hand_off == HandOff::Now && self.net.m.is_multiple_of(2) {
            return Some(self.net.supply.iter().map(|s| s.first + s.extra).collect());
        }
        // Small: a search that does not end at once is cheaper done with the others (each
        // search from many mentees settles the graph once for all of them).
        let budget = 8;
        // The tests' instances are small: half of them (by the parity of their size) go
        // one mentee at a time whatever the search, so both ways are checked; those handed
        // to cost scaling place only the mentees next to a place first.
        #[cfg(test)]
        let budget = if hand_off == HandOff::Now {
            3
        } else if self.net.n.is_multiple_of(2) {
            budget
        } else {
            usize::MAX
        };
        let mut pending = vec![0u32; self.net.n];
        let mut waiting = Vec::new();
        for (i, supply) in self.net.supply.clone().iter().enumerate() {
            for _ in 0..supply.first + supply.extra {
                // Once one unit of a mentee waits, the rest wait with it.
                if pending[i] > 0 || !self.augment_from(i, budget) {
                    if pending[i] == 0 {
                        waiting.push(i as u32);
                    }
                    pending[i] += 1;
                }
            }
        }
        self.together(waiting, pending, hand_off)
    }

    /// The nodes an unmatched unit could reach along residual pair arcs (unused arcs from
    /// mentees, used arcs back from mentors): mentees `0..n`, mentors `n..n + m`. At the
    /// optimum no mentor with room is among them, and a pair from one of these mentees to
    /// a mentor outside them is the only kind that could match one more.
    pub fn reachable_from_unmatched(&self) -> Vec<bool> {
        self.net.reachable_from_unmatched(|j| {
            let s = self.slot_start[j] as usize;
            &self.slots[s..s + self.taken[j] as usize]
        })
    }

    /// The arcs in use, as indices into the caller's pair list.
    pub fn used_pairs(&self) -> impl Iterator<Item = u32> + '_ {
        self.net.used_pairs()
    }

    /// What leaving one more unit of mentee `x` unmatched would cost, if it has any left.
    fn unmatched_cost(&self, x: usize) -> Option<i64> {
        let (first, extra) = self.net.unmatched[x];
        if extra < self.net.supply[x].extra {
            Some(self.net.extra_cost)
        } else if first < self.net.supply[x].first {
            Some(self.net.first_cost)
        } else {
            None
        }
    }

    fn reach(&mut self, v: usize, d: i64, via: u32) {
        if self.stamp[v] != self.round || d < self.dist[v] {
            if self.settled_stamp[v] == self.round {
                return;
            }
            self.stamp[v] = self.round;
            self.dist[v] = d;
            self.via[v] = via;
            self.heap.push(d, v as u32);
        }
    }

    /// Dijkstra from `roots` (all at distance 0) until the cheapest way to the sink is
    /// known; `None` if more than `budget` nodes were settled first (nothing is changed).
    fn search(&mut self, roots: &[u32], budget: usize) -> Option<(i64, Exit)> {
        let (n, sink) = (self.net.n, self.net.n + self.net.m);
        self.round += 1;
        self.heap.clear();
        self.settled.clear();
        for &r in roots {
            self.reach(r as usize, 0, u32::MAX);
        }
        let mut best = INF;
        let mut exit = None;
        while let Some((d, v)) = self.heap.pop() {
            let v = v as usize;
            if d >= best {
                break;
            }
            if self.settled_stamp[v] == self.round || d > self.dist[v] {
                continue;
            }
            if self.settled.len() >= budget {
                return None;
            }
            self.settled_stamp[v] = self.round;
            self.settled.push(v as u32);
            let pv = self.potential[v];
            if v < n {
                if let Some(c) = self.unmatched_cost(v) {
                    let nd = d + c + pv - self.potential[sink];
                    if nd < best {
                        (best, exit) = (nd, Some(Exit::Unmatched(v)));
                    }
                }
                for a in self.net.start[v] as usize..self.net.start[v + 1] as usize {
                    if self.net.used[a] {
                        continue;
                    }
                    let j = n + self.net.head[a] as usize;
                    let nd = d + i64::from(self.net.cost[a]) + pv - self.potential[j];
                    self.reach(j, nd, a as u32);
                }
            } else {
                let j = v - n;
                if self.taken[j] < self.net.capacity[j] {
                    let nd = d + pv - self.potential[sink];
                    if nd < best {
                        (best, exit) = (nd, Some(Exit::Room(j)));
                    }
                }
                let s = self.slot_start[j] as usize;
                for k in s..s + self.taken[j] as usize {
                    let (a, x) = self.slots[k];
                    let nd =
                        d - i64::from(self.net.cost[a as usize]) + pv - self.potential[x as usize];
                    self.reach(x as usize, nd, a);
                }
            }
        }
        // Every root can stay unmatched, so the sink is always reached.
        let exit = exit.expect("a root with a unit to place");
        // Shifting by `best` keeps every residual arc's reduced cost non-negative and
        // makes the shortest paths' arcs zero.
        for &v in &self.settled {
            let v = v as usize;
            self.potential[v] += self.dist[v] - best;
        }
        Some((best, exit))
    }

    /// One shortest path from mentee `root` to the sink, then the potentials and the flow
    /// along it; `false` (nothing changed) if the search grew past `budget` nodes.
    fn augment_from(&mut self, root: usize, budget: usize) -> bool {
        let Some((_, exit)) = self.search(&[root as u32], budget) else {
            return false;
        };
        let n = self.net.n;
        // The flow, from the sink back to the root.
        let mut v = match exit {
            Exit::Room(j) => n + j,
            Exit::Unmatched(x) => {
                self.leave_unmatched(x);
                x
            }
        };
        while v >= n || self.via[v] != u32::MAX {
            let a = self.via[v] as usize;
            if v >= n {
                // Reached along arc `a` from its mentee: the arc is now used.
                let j = v - n;
                let x = self.mentee_of(a);
                self.net.used[a] = true;
                self.push_slot(j, a as u32, x as u32);
                v = x;
            } else {
                // Reached back along used arc `a` from its mentor: it is used no longer.
                let j = self.net.head[a] as usize;
                self.net.used[a] = false;
                self.drop_slot(j, a as u32);
                v = n + j;
            }
        }
        true
    }

    fn leave_unmatched(&mut self, x: usize) {
        let u = &mut self.net.unmatched[x];
        if u.1 < self.net.supply[x].extra {
            u.1 += 1;
        } else {
            u.0 += 1;
        }
    }

    /// Places the `pending` units of the `waiting` mentees: a search from all of them,
    /// then every path of zero reduced cost from one of them to the sink (a blocking
    /// flow: each node's next arc to try is remembered, and a node found to lead nowhere
    /// is not tried again in the round); again until all are placed. A path missed in a
    /// round (the zero-cost cycles a node on the path blocks) is found by the next search at
    /// the same distance, so this stays exact.
    fn together(
        &mut self,
        mut waiting: Vec<u32>,
        mut pending: Vec<u32>,
        hand_off: HandOff,
    ) -> Option<Vec<u32>> {
        let mut next = vec![0u32; self.net.n + self.net.m];
        let mut on_path = vec![false; self.net.n + self.net.m];
        let mut path: Vec<(u32, u32)> = Vec::new();
        let first_waiting: u64 = pending.iter().map(|&k| u64::from(k)).sum();
        let mut phase = 0;
        while !waiting.is_empty() {
            match hand_off {
                HandOff::Never => {}
                #[cfg(test)]
                HandOff::Now => return Some(pending),
                HandOff::WhenSlow if phase == SLOW_CHECK => {
                    let left: u64 = pending.iter().map(|&k| u64::from(k)).sum();
                    if (first_waiting - left) * SLOW_LEVELS < left * SLOW_CHECK as u64 {
                        return Some(pending);
                    }
                }
                HandOff::WhenSlow => {}
            }
            phase += 1;
            self.search(&waiting, usize::MAX);
            // A new round: `stamp` marks nodes with a remembered next arc, `settled_stamp`
            // the dead ends.
            self.round += 1;
            let mut placed = 0;
            for &root in &waiting {
                let root = root as usize;
                while pending[root] > 0 && self.zero_path(root, &mut next, &mut on_path, &mut path)
                {
                    pending[root] -= 1;
                    placed += 1;
                }
            }
            if placed == 0 {
                // Only in a tangle of zero-cost cycles: one at a time always progresses.
                let root = waiting[0] as usize;
                self.augment_from(root, usize::MAX);
                pending[root] -= 1;
            }
            waiting.retain(|&r| pending[r as usize] > 0);
        }
        None
    }

    /// Everything cost scaling needs to go on from here: the graph, the flow, and the
    /// potentials (exact: every residual arc's reduced cost is non-negative, so the flow is
    /// 0-optimal, with the units not yet placed as excesses).
    pub fn hand_over(self) -> HandOver {
        let slots = (0..self.net.m)
            .map(|j| {
                let s = self.slot_start[j] as usize;
                self.slots[s..s + self.taken[j] as usize].to_vec()
            })
            .collect();
        HandOver {
            net: self.net,
            slots,
            potential: self.potential,
        }
    }

    /// Finds and uses one path of zero reduced cost from mentee `root` to the sink.
    fn zero_path(
        &mut self,
        root: usize,
        next: &mut [u32],
        on_path: &mut [bool],
        path: &mut Vec<(u32, u32)>,
    ) -> bool {
        let (n, sink) = (self.net.n, self.net.n + self.net.m);
        path.clear();
        let mut v = root;
        on_path[v] = true;
        let found = loop {
            if self.stamp[v] != self.round {
                self.stamp[v] = self.round;
                next[v] = 0;
            }
            let pv = self.potential[v];
            // The sink, if it is a step of zero reduced cost away.
            if v < n {
                if let Some(c) = self.unmatched_cost(v)
                    && c + pv - self.potential[sink] == 0
                {
                    break Some(Exit::Unmatched(v));
                }
            } else if self.taken[v - n] < self.net.capacity[v - n] && pv == self.potential[sink] {
                break Some(Exit::Room(v - n));
            }
            // The next admissible arc.
            let mut step = None;
            if v < n {
                let (s, e) = (self.net.start[v] as usize, self.net.start[v + 1] as usize);
                while s + (next[v] as usize) < e {
                    let a = s + next[v] as usize;
                    let w = n + self.net.head[a] as usize;
                    if !self.net.used[a]
                        && !on_path[w]
                        && self.settled_stamp[w] != self.round
                        && i64::from(self.net.cost[a]) + pv - self.potential[w] == 0
                    {
                        step = Some((a as u32, w));
                        break;
                    }
                    next[v] += 1;
                }
            } else {
                let j = v - n;
                let s = self.slot_start[j] as usize;
                while (next[v] as usize) < self.taken[j] as usize {
                    let (a, x) = self.slots[s + next[v] as usize];
                    let w = x as usize;
                    if !on_path[w]
                        && self.settled_stamp[w] != self.round
                        && -i64::from(self.net.cost[a as usize]) + pv - self.potential[w] == 0
                    {
                        step = Some((a, w));
                        break;
                    }
                    next[v] += 1;
                }
            }
            match step {
                Some((a, w)) => {
                    path.push((v as u32, a));
                    on_path[w] = true;
                    v = w;
                }
                None => {
                    // A dead end for this round.
                    self.settled_stamp[v] = self.round;
                    on_path[v] = false;
                    match path.pop() {
                        None => break None,
                        Some((u, _)) => {
                            v = u as usize;
                            next[v] += 1;
                        }
                    }
                }
            }
        };
        for &(u, _) in path.iter() {
            on_path[u as usize] = false;
        }
        on_path[v] = false;
        let Some(exit) = found else {
            return false;
        };
        if let Exit::Unmatched(x) = exit {
            self.leave_unmatched(x);
        }
        // From the sink's end back, so a mentor gives up an arc before taking one.
        for &(u, a) in path.iter().rev() {
            let (u, a) = (u as usize, a as usize);
            if u < n {
                let j = self.net.head[a] as usize;
                self.net.used[a] = true;
                self.push_slot(j, a as u32, u as u32);
            } else {
                self.net.used[a] = false;
                self.drop_slot(u - n, a as u32);
            }
        }
        true
    }

    fn mentee_of(&self, a: usize) -> usize {
        // The arcs are grouped by mentee; the last start not after `a`.
        self.net.start.partition_point(|&s| s as usize <= a) - 1
    }

    fn push_slot(&mut self, j: usize, a: u32, x: u32) {
        let at = (self.slot_start[j] + self.taken[j]) as usize;
        self.slots[at] = (a, x);
        self.taken[j] += 1;
    }

    fn drop_slot(&mut self, j: usize, a: u32) {
        let s = self.slot_start[j] as usize;
        let used = &mut self.slots[s..s + self.taken[j] as usize];
        let k = used.iter().position(|&(b, _)| b == a).expect("a used arc");
        let last = used.len() - 1;
        used.swap(k, last);
        self.taken[j] -= 1;
    }
}
