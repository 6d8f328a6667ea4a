//! The cost-scaling engine: Goldberg's push–relabel for min-cost flow, on the same
//! transportation network as `engine` (mentees, mentors, and a sink every unit reaches
//! either through a mentor with room or as "unmatched"). It finishes what `engine` hands
//! over when that engine's searches place too few mentees each (`engine::HandOff`).
//!
//! Why a second engine: successive shortest paths needs one search per distance level once
//! the mentors with room are far away, and on a skewed instance (everyone's best pairs go to
//! the same few mentors, scores spread over 0–1000) that is hundreds of searches over the
//! whole graph per solve. Cost scaling instead solves a sequence of relaxed problems: a flow
//! is `ε`-optimal when no residual arc has a reduced cost below `−ε`; each phase divides `ε`
//! by [`ALPHA`] and repairs the flow locally (push a unit along an arc of negative reduced
//! cost, or lower a node's potential when it has none), with a price update (one search)
//! every few relabels so a node far from any place moves there at once. Costs are multiplied
//! by the number of nodes plus one, so the last phase (`ε = 1`) leaves an exactly optimal
//! flow. The certificate wants exact integer potentials in the original costs, which the
//! phases do not give; [`Scaling::exact_potentials`] derives them with one Dijkstra.
//!
//! It is not the default for everything: on the benchmark cohorts (tight, scores 0–100) it
//! was 1.5–4 times slower than the searches, because every phase's price updates shift
//! potentials over the whole graph and the next phase reworks it.
//!
//! The graph is kept as the other engine keeps it, not as a general network: a pair arc is
//! its mentor, cost and whether it is used (the pair it stands for beside: 13 bytes, plus 8
//! in the mentors' lists of arcs in, for the price update); a mentor's residual arcs are
//! its used arcs (a short list, never its whole in-degree, which is in the thousands for a
//! popular mentor) and its room; the sink's are implicit (the mentors' flow to it and the
//! mentees' unmatched units). To extend: a new kind of arc needs its place in `saturate`,
//! the three `discharge_*`, the relabels, `price_update` and `residual_arcs`.

use std::collections::VecDeque;

use super::engine::{HandOver, Network};
use super::radix_heap::RadixHeap;

/// The factor `ε` shrinks by per phase: larger means fewer phases, each with more to repair
/// (8 was faster than 16 and 32 on the 30k × 6k cohort).
const ALPHA: i64 = 8;

/// A price update after this many relabels per node (4 was faster than 1 on the 30k × 6k
/// cohort: an update is a search over the graph).
const UPDATE_EVERY: usize = 4;

pub(super) struct Scaling {
    net: Network,
    /// Flow from a mentor to the sink (places it fills), at most its capacity.
    to_sink: Vec<u32>,
    /// A mentor's used arcs and their mentees (more than its capacity while it has an
    /// excess).
    slots: Vec<Vec<(u32, u32)>>,
    scale: i64,
    /// Mentees `0..n`, mentors `n..n + m`, the sink `n + m`; in scaled costs.
    potential: Vec<i64>,
    excess: Vec<i64>,
    /// A mentee's next arc to try; `start[i + 1]` is its arc to the sink.
    current: Vec<u32>,
    /// Pair arcs by mentor (arc numbers): `into_start[j]..into_start[j + 1]`, for the price
    /// update's search backwards.
    into_start: Vec<u32>,
    into: Vec<(u32, u32)>,
    /// Relabels since the last price update.
    relabels: usize,
}

impl Scaling {
    /// Whether the scaled costs of a network this size surely fit in an `i64`.
    pub fn fits(mentees: usize, mentors: usize, first_cost: i64, extra_cost: i64) -> bool {
        let nodes = (mentees + mentors + 1) as i64;
        // Potentials move by at most a few times `nodes · ε` over all phases (Goldberg);
        // leave a wide margin.
        first_cost
            .max(extra_cost)
            .max(1)
            .checked_mul(nodes + 1)
            .and_then(|x| x.checked_mul(nodes))
            .and_then(|x| x.checked_mul(16))
            .is_some()
    }

    /// Goes on from the other engine's flow and potentials, with `pending` units of each
    /// mentee still to place (check [`Scaling::fits`] first).
    pub fn from_hand_over(h: HandOver, pending: &[u32]) -> Scaling {
        let (n, m) = (h.net.n, h.net.m);
        let nodes = n + m + 1;
        let scale = nodes as i64 + 1;
        let mut into_start = vec![0u32; m + 1];
        for &j in &h.net.head {
            into_start[j as usize + 1] += 1;
        }
        for j in 0..m {
            into_start[j + 1] += into_start[j];
        }
        let mut into = vec![(0u32, 0u32); h.net.head.len()];
        let mut at = into_start.clone();
        for i in 0..n {
            for a in h.net.start[i] as usize..h.net.start[i + 1] as usize {
                let j = h.net.head[a] as usize;
                into[at[j] as usize] = (a as u32, i as u32);
                at[j] += 1;
            }
        }
        let mut excess = vec![0i64; nodes];
        for (i, &k) in pending.iter().enumerate() {
            excess[i] = i64::from(k);
        }
        excess[n + m] = -excess.iter().sum::<i64>();
        Scaling {
            current: h.net.start[..n].to_vec(),
            net: h.net,
            // Every unit a mentor took has gone on to the sink.
            to_sink: h.slots.iter().map(|s| s.len() as u32).collect(),
            slots: h.slots,
            scale,
            potential: h.potential.iter().map(|&p| p * scale).collect(),
            excess,
            into_start,
            into,
            relabels: 0,
        }
    }

    /// Solves: phases of decreasing `ε` down to 1, which is exact for the scaled costs.
    pub fn run(&mut self) {
        // The flow handed over is 0-optimal, so any ε will do to start; the pairs' largest
        // cost is enough (leaving a unit unmatched costs far more, but the price updates
        // bring a mentee that must be left there in one step).
        let max_cost = self.net.cost.iter().copied().max().unwrap_or(0).max(1);
        let mut epsilon = i64::from(max_cost) * self.scale;
        loop {
            epsilon = (epsilon / ALPHA).max(1);
            self.refine(epsilon);
            if epsilon == 1 {
                break;
            }
        }
    }

    /// The scaled cost of sending one more unit of mentee `x` to the sink, if it has one.
    fn next_tier(&self, x: usize) -> Option<i64> {
        let (first, extra) = self.net.unmatched[x];
        if extra < self.net.supply[x].extra {
            Some(self.net.extra_cost * self.scale)
        } else if first < self.net.supply[x].first {
            Some(self.net.first_cost * self.scale)
        } else {
            None
        }
    }

    /// The scaled cost saved by taking back one of mentee `x`'s unmatched units.
    fn last_tier(&self, x: usize) -> Option<i64> {
        let (first, extra) = self.net.unmatched[x];
        if first > 0 {
            Some(self.net.first_cost * self.scale)
        } else if extra > 0 {
            Some(self.net.extra_cost * self.scale)
        } else {
            None
        }
    }

    fn leave_unmatched(&mut self, x: usize) {
        let sink = self.net.n + self.net.m;
        let u = &mut self.net.unmatched[x];
        if u.1 < self.net.supply[x].extra {
            u.1 += 1;
        } else {
            u.0 += 1;
        }
        self.excess[x] -= 1;
        self.excess[sink] += 1;
    }

    fn take_back_unmatched(&mut self, x: usize) {
        let sink = self.net.n + self.net.m;
        let u = &mut self.net.unmatched[x];
        if u.0 > 0 {
            u.0 -= 1;
        } else {
            u.1 -= 1;
        }
        self.excess[x] += 1;
        self.excess[sink] -= 1;
    }

    /// The pair arc `a` of mentee `i` becomes used.
    fn use_arc(&mut self, i: usize, a: usize) {
        let j = self.net.head[a] as usize;
        self.net.used[a] = true;
        self.slots[j].push((a as u32, i as u32));
        self.excess[i] -= 1;
        self.excess[self.net.n + j] += 1;
    }

    /// Mentor `j`'s `k`-th used arc is used no longer: the unit goes back to its mentee.
    fn unuse_slot(&mut self, j: usize, k: usize) -> usize {
        let (a, i) = self.slots[j].swap_remove(k);
        self.net.used[a as usize] = false;
        self.excess[self.net.n + j] -= 1;
        self.excess[i as usize] += 1;
        i as usize
    }

    fn pair_reduced(&self, i: usize, a: usize) -> i64 {
        i64::from(self.net.cost[a]) * self.scale + self.potential[i]
            - self.potential[self.net.n + self.net.head[a] as usize]
    }

    /// Turns an `ε·ALPHA`-optimal flow into an `ε`-optimal one: every residual arc of
    /// negative reduced cost is saturated (the flow is then optimal for the potentials, but
    /// leaves excesses and deficits), then each node with an excess pushes it along arcs of
    /// negative reduced cost, lowering its potential by at least `ε` when it has none.
    fn refine(&mut self, epsilon: i64) {
        let (n, m) = (self.net.n, self.net.m);
        let sink = n + m;
        self.saturate();
        let mut active: VecDeque<u32> = (0..=sink)
            .filter(|&v| self.excess[v] > 0)
            .map(|v| v as u32)
            .collect();
        self.price_update(epsilon, active.len());
        while let Some(v) = active.pop_front() {
            let v = v as usize;
            if self.relabels > UPDATE_EVERY * (n + m) {
                // Still active here, or it would not be in the queue.
                self.price_update(epsilon, active.len() + 1);
            }
            if v < n {
                self.discharge_mentee(v, epsilon, &mut active);
            } else if v < sink {
                self.discharge_mentor(v - n, epsilon, &mut active);
            } else {
                self.discharge_sink(epsilon, &mut active);
            }
        }
    }

    fn saturate(&mut self) {
        let (n, m) = (self.net.n, self.net.m);
        let sink = n + m;
        for i in 0..n {
            for a in self.net.start[i] as usize..self.net.start[i + 1] as usize {
                if !self.net.used[a] && self.pair_reduced(i, a) < 0 {
                    self.use_arc(i, a);
                }
            }
            while let Some(c) = self.next_tier(i)
                && c + self.potential[i] - self.potential[sink] < 0
            {
                self.leave_unmatched(i);
            }
            while let Some(c) = self.last_tier(i)
                && -c + self.potential[sink] - self.potential[i] < 0
            {
                self.take_back_unmatched(i);
            }
            self.current[i] = self.net.start[i];
        }
        for j in 0..m {
            let pj = self.potential[n + j];
            let mut k = 0;
            while k < self.slots[j].len() {
                let (a, i) = self.slots[j][k];
                if -i64::from(self.net.cost[a as usize]) * self.scale + pj
                    - self.potential[i as usize]
                    < 0
                {
                    self.unuse_slot(j, k);
                } else {
                    k += 1;
                }
            }
            let ps = self.potential[sink];
            let (c, t) = (self.net.capacity[j], self.to_sink[j]);
            if t < c && pj - ps < 0 {
                self.move_to_sink(j, i64::from(c - t));
            } else if t > 0 && ps - pj < 0 {
                self.move_to_sink(j, -i64::from(t));
            }
        }
    }

    fn move_to_sink(&mut self, j: usize, units: i64) {
        let sink = self.net.n + self.net.m;
        self.to_sink[j] = (i64::from(self.to_sink[j]) + units) as u32;
        self.excess[self.net.n + j] -= units;
        self.excess[sink] += units;
    }

    fn activate(&self, v: usize, before: i64, active: &mut VecDeque<u32>) {
        if before <= 0 && self.excess[v] > 0 {
            active.push_back(v as u32);
        }
    }

    fn discharge_mentee(&mut self, i: usize, epsilon: i64, active: &mut VecDeque<u32>) {
        let (n, sink) = (self.net.n, self.net.n + self.net.m);
        let end = self.net.start[i + 1] as usize;
        while self.excess[i] > 0 {
            let mut a = self.current[i] as usize;
            let pi = self.potential[i];
            while a < end && self.excess[i] > 0 {
                if !self.net.used[a] {
                    let w = n + self.net.head[a] as usize;
                    if i64::from(self.net.cost[a]) * self.scale + pi - self.potential[w] < 0 {
                        let before = self.excess[w];
                        self.use_arc(i, a);
                        self.activate(w, before, active);
                    }
                }
                if self.excess[i] > 0 {
                    a += 1;
                }
            }
            if self.excess[i] > 0 {
                // The arc to the sink, last in the list.
                while self.excess[i] > 0
                    && let Some(c) = self.next_tier(i)
                    && c + pi - self.potential[sink] < 0
                {
                    let before = self.excess[sink];
                    self.leave_unmatched(i);
                    self.activate(sink, before, active);
                }
            }
            self.current[i] = a as u32;
            if self.excess[i] > 0 {
                self.relabel_mentee(i, epsilon);
            }
        }
    }

    /// Lowers mentee `i`'s potential as far as ε-optimality allows: its best residual arc
    /// gets reduced cost `−ε`, and becomes the next to try.
    fn relabel_mentee(&mut self, i: usize, epsilon: i64) {
        let (n, sink) = (self.net.n, self.net.n + self.net.m);
        let (s, e) = (self.net.start[i] as usize, self.net.start[i + 1] as usize);
        let mut best = i64::MIN;
        let mut at = e;
        if let Some(c) = self.next_tier(i) {
            best = self.potential[sink] - c;
        }
        for a in s..e {
            if !self.net.used[a] {
                let v = self.potential[n + self.net.head[a] as usize]
                    - i64::from(self.net.cost[a]) * self.scale;
                if v > best {
                    (best, at) = (v, a);
                }
            }
        }
        // A mentee with an excess has a unit not yet at the sink, so its arc there is open.
        debug_assert!(
            best > i64::MIN,
            "a mentee with an excess and no residual arc"
        );
        self.potential[i] = best - epsilon;
        self.relabels += 1;
        self.current[i] = at as u32;
    }

    fn discharge_mentor(&mut self, j: usize, epsilon: i64, active: &mut VecDeque<u32>) {
        let (n, sink) = (self.net.n, self.net.n + self.net.m);
        let v = n + j;
        while self.excess[v] > 0 {
            let pj = self.potential[v];
            // Room first: a place filled.
            if self.to_sink[j] < self.net.capacity[j] && pj - self.potential[sink] < 0 {
                let before = self.excess[sink];
                let units = self.excess[v].min(i64::from(self.net.capacity[j] - self.to_sink[j]));
                self.move_to_sink(j, units);
                self.activate(sink, before, active);
                continue;
            }
            let mut k = 0;
            while k < self.slots[j].len() && self.excess[v] > 0 {
                let (a, x) = self.slots[j][k];
                let x = x as usize;
                if -i64::from(self.net.cost[a as usize]) * self.scale + pj - self.potential[x] < 0 {
                    let before = self.excess[x];
                    self.unuse_slot(j, k);
                    self.activate(x, before, active);
                } else {
                    k += 1;
                }
            }
            if self.excess[v] > 0 {
                // Relabel: the best of its used arcs back and its room.
                let mut best = i64::MIN;
                if self.to_sink[j] < self.net.capacity[j] {
                    best = self.potential[sink];
                }
                for &(a, x) in &self.slots[j] {
                    best = best.max(
                        self.potential[x as usize]
                            + i64::from(self.net.cost[a as usize]) * self.scale,
                    );
                }
                debug_assert!(best > i64::MIN, "a mentor with an excess has used arcs");
                self.potential[v] = best - epsilon;
                self.relabels += 1;
            }
        }
    }

    /// The sink gives back flow only after a phase's saturation left it more than it needs
    /// (rare; it scans everyone).
    fn discharge_sink(&mut self, epsilon: i64, active: &mut VecDeque<u32>) {
        let (n, m) = (self.net.n, self.net.m);
        let sink = n + m;
        while self.excess[sink] > 0 {
            let ps = self.potential[sink];
            for j in 0..m {
                while self.excess[sink] > 0 && self.to_sink[j] > 0 && ps - self.potential[n + j] < 0
                {
                    let before = self.excess[n + j];
                    self.move_to_sink(j, -1);
                    self.activate(n + j, before, active);
                }
            }
            for x in 0..n {
                while self.excess[sink] > 0
                    && let Some(c) = self.last_tier(x)
                    && -c + ps - self.potential[x] < 0
                {
                    let before = self.excess[x];
                    self.take_back_unmatched(x);
                    self.activate(x, before, active);
                }
            }
            if self.excess[sink] > 0 {
                let mut best = i64::MIN;
                for j in 0..m {
                    if self.to_sink[j] > 0 {
                        best = best.max(self.potential[n + j]);
                    }
                }
                for x in 0..n {
                    if let Some(c) = self.last_tier(x) {
                        best = best.max(self.potential[x] + c);
                    }
                }
                debug_assert!(best > i64::MIN, "the sink has received flow");
                self.potential[sink] = best - epsilon;
            }
        }
    }

    /// Goldberg's price update: lowers every node's potential by `ε` times its distance to
    /// the nearest node with a deficit, in lengths `⌊reduced cost / ε⌋ + 1` (non-negative
    /// in an ε-optimal flow), so a node with an excess finds a path of admissible arcs at
    /// once instead of after a relabel per step of `ε`. Stays ε-optimal: an arc's reduced
    /// cost drops by at most `ε` times its length. One search backwards from the deficits,
    /// stopped once the `active` nodes with an excess are all reached (the rest move as far
    /// as the last of them).
    fn price_update(&mut self, epsilon: i64, mut active: usize) {
        self.relabels = 0;
        if active == 0 {
            return;
        }
        let (n, m) = (self.net.n, self.net.m);
        let sink = n + m;
        let nodes = sink + 1;
        let mut done = vec![false; nodes];
        let mut heap = RadixHeap::new();
        let mut dist: Vec<i64> = (0..nodes)
            .map(|v| {
                if self.excess[v] < 0 {
                    heap.push(0, v as u32);
                    0
                } else {
                    i64::MAX
                }
            })
            .collect();
        let p = std::mem::take(&mut self.potential);
        let length = |rc: i64| rc.div_euclid(epsilon) + 1;
        let mut last = 0;
        while let Some((d, u)) = heap.pop() {
            let u = u as usize;
            if done[u] || d > dist[u] {
                continue;
            }
            done[u] = true;
            last = d;
            if self.excess[u] > 0 {
                active -= 1;
                if active == 0 {
                    break;
                }
            }
            let mut reach = |w: usize, c: i64, dist: &mut [i64]| {
                let nd = d + length(c + p[w] - p[u]);
                if nd < dist[w] {
                    dist[w] = nd;
                    heap.push(nd, w as u32);
                }
            };
            // The residual arcs into `u`.
            if u < n {
                for a in self.net.start[u] as usize..self.net.start[u + 1] as usize {
                    if self.net.used[a] {
                        let j = n + self.net.head[a] as usize;
                        reach(j, -i64::from(self.net.cost[a]) * self.scale, &mut dist);
                    }
                }
                if let Some(c) = self.last_tier(u) {
                    reach(sink, -c, &mut dist);
                }
            } else if u < sink {
                let j = u - n;
                let (s, e) = (self.into_start[j] as usize, self.into_start[j + 1] as usize);
                for &(a, x) in &self.into[s..e] {
                    if !self.net.used[a as usize] {
                        reach(
                            x as usize,
                            i64::from(self.net.cost[a as usize]) * self.scale,
                            &mut dist,
                        );
                    }
                }
                if self.to_sink[j] > 0 {
                    reach(sink, 0, &mut dist);
                }
            } else {
                for x in 0..n {
                    if let Some(c) = self.next_tier(x) {
                        reach(x, c, &mut dist);
                    }
                }
                for j in 0..m {
                    if self.to_sink[j] < self.net.capacity[j] {
                        reach(n + j, 0, &mut dist);
                    }
                }
            }
        }
        self.potential = p;
        for v in 0..nodes {
            let d = if done[v] { dist[v] } else { last };
            self.potential[v] -= epsilon * d;
        }
        for i in 0..n {
            self.current[i] = self.net.start[i];
        }
    }

    /// The arcs in use, as indices into the caller's pair list.
    pub fn used_pairs(&self) -> impl Iterator<Item = u32> + '_ {
        self.net.used_pairs()
    }

    /// See `Engine::reachable_from_unmatched`.
    pub fn reachable_from_unmatched(&self) -> Vec<bool> {
        self.net.reachable_from_unmatched(|j| &self.slots[j])
    }

    /// Every residual arc out of `u`: (head, scaled cost).
    fn residual_arcs(&self, u: usize, mut each: impl FnMut(usize, i64)) {
        let (n, m) = (self.net.n, self.net.m);
        let sink = n + m;
        if u < n {
            for a in self.net.start[u] as usize..self.net.start[u + 1] as usize {
                if !self.net.used[a] {
                    each(
                        n + self.net.head[a] as usize,
                        i64::from(self.net.cost[a]) * self.scale,
                    );
                }
            }
            if let Some(c) = self.next_tier(u) {
                each(sink, c);
            }
        } else if u < sink {
            let j = u - n;
            for &(a, x) in &self.slots[j] {
                each(
                    x as usize,
                    -i64::from(self.net.cost[a as usize]) * self.scale,
                );
            }
            if self.to_sink[j] < self.net.capacity[j] {
                each(sink, 0);
            }
        } else {
            for j in 0..m {
                if self.to_sink[j] > 0 {
                    each(n + j, 0);
                }
            }
            for x in 0..n {
                if let Some(c) = self.last_tier(x) {
                    each(x, -c);
                }
            }
        }
    }

    /// Exact integer potentials in the original costs (every residual arc's reduced cost
    /// non-negative; the sink at 0), from the last phase's 1-optimal scaled ones `P`.
    ///
    /// With the lengths `ℓ(u, w) = scale·c(u, w) + P(u) − P(w) + 1`, all non-negative, a path
    /// of `k` arcs has length `scale·c(path) + P(start) − P(end) + k`, and `k < scale`; so a
    /// path shortest in `ℓ` (from a virtual root with an arc to every node) is shortest in
    /// `c` first, and `c`'s distances `d` come out of one Dijkstra by a division. Distances
    /// from a root satisfy `d(w) ≤ d(u) + c(u, w)` for every residual arc: exact potentials.
    pub fn exact_potentials(&self) -> Vec<i64> {
        let nodes = self.net.n + self.net.m + 1;
        let p = &self.potential;
        let top = p.iter().copied().max().unwrap_or(0);
        let mut dist: Vec<i64> = p.iter().map(|&x| top - x + 1).collect();
        let mut done = vec![false; nodes];
        let mut heap = RadixHeap::new();
        for (v, &d) in dist.iter().enumerate() {
            heap.push(d, v as u32);
        }
        while let Some((d, u)) = heap.pop() {
            let u = u as usize;
            if done[u] || d > dist[u] {
                continue;
            }
            done[u] = true;
            self.residual_arcs(u, |w, c| {
                let nd = d + c + p[u] - p[w] + 1;
                debug_assert!(nd >= d, "the last phase is 1-optimal");
                if nd < dist[w] {
                    dist[w] = nd;
                    heap.push(nd, w as u32);
                }
            });
        }
        let exact: Vec<i64> = (0..nodes)
            .map(|v| (dist[v] - top + p[v]).div_euclid(self.scale))
            .collect();
        let sink = exact[nodes - 1];
        let exact: Vec<i64> = exact.into_iter().map(|d| d - sink).collect();
        #[cfg(test)]
        for u in 0..nodes {
            assert_eq!(self.excess[u], 0, "every unit placed");
            self.residual_arcs(u, |w, c| {
                assert!(c + p[u] - p[w] >= -1, "1-optimal");
                assert!(
                    c / self.scale + exact[u] - exact[w] >= 0,
                    "exact potentials"
                );
            });
        }
        exact
    }
}
