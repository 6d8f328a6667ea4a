//! Mentors indexed for candidate search: each mentee's best mentors found from bounds,
//! without scoring every allowed pair, and a solution certified against every pruned pair
//! the same way.
//!
//! The index is a tree over the mentors. Its levels split them by the hard constraints
//! first (time zone with its daytime hours, then languages), then by each set a `Match` or
//! `Overlap` criterion reads; a leaf holds mentors alike in all of these (they differ only
//! in numbers and employer). Every node keeps a summary of its mentors (their languages,
//! sets and daytime hours OR-ed together, the range of their offsets and numbers), from
//! which [`Model`] criteria give an upper bound on the score of any of them with a given
//! mentee, and the hard constraints a whole subtree that is ruled out.
//!
//! Candidate search is best first: nodes by bound, leaves scored exactly, until the next
//! bound is below the `k`-th best score found (ties are searched too, so the result is
//! exactly the exhaustive [`scoring::candidates`](super::scoring::candidates)'s, which the
//! tests check). Certification walks the tree with the solver's potentials: a subtree
//! whose best score plus its highest mentor potential stays under the mentee's bar holds
//! no pair that could improve the solution.
//!
//! [`solve_widening`] is the product path (`match preview` and `tandem bench match`):
//! candidates, solve, certify, add only the pairs the certificate rejects, solve again,
//! until none is left; the result is exactly optimal over every allowed pair.
//!
//! To add a criterion: its bound in `bound` (an upper bound from a node's summary that is
//! exact on a leaf if the criterion reads only sets); a criterion reading a new kind of
//! feature needs that feature summarised in `Summary`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

mod widen;

pub use widen::{Widen, Widened, solve_widening};

use super::instance::Pair;
use super::min_cost_flow::Certificate;
use super::scoring::{Criterion, Features, MAX_NUMBERS, MAX_SETS, Model, gap_minutes};

/// What a node knows of its mentors.
#[derive(Debug, Clone, Copy)]
struct Summary {
    languages: u128,
    offset_min: i32,
    offset_max: i32,
    daytime_hours: u32,
    sets: [u64; MAX_SETS],
    number_min: [f64; MAX_NUMBERS],
    number_max: [f64; MAX_NUMBERS],
}

impl Summary {
    fn of(f: &Features) -> Summary {
        Summary {
            languages: f.languages,
            offset_min: f.offset_minutes,
            offset_max: f.offset_minutes,
            daytime_hours: f.daytime_hours,
            sets: f.sets,
            number_min: f.numbers,
            number_max: f.numbers,
        }
    }

    fn add(&mut self, o: &Summary) {
        self.languages |= o.languages;
        self.offset_min = self.offset_min.min(o.offset_min);
        self.offset_max = self.offset_max.max(o.offset_max);
        self.daytime_hours |= o.daytime_hours;
        for s in 0..MAX_SETS {
            self.sets[s] |= o.sets[s];
        }
        for x in 0..MAX_NUMBERS {
            self.number_min[x] = self.number_min[x].min(o.number_min[x]);
            self.number_max[x] = self.number_max[x].max(o.number_max[x]);
        }
    }
}

#[derive(Debug, Clone)]
struct Node {
    summary: Summary,
    /// Children `children.0..children.1` (node ids); empty for a leaf.
    children: (u32, u32),
    /// The node's mentors: `order[mentors.0..mentors.1]`.
    mentors: (u32, u32),
}

/// The mentors of a cohort, indexed by hard constraints and criteria (see the module doc).
#[derive(Debug, Clone)]
pub struct MentorIndex {
    nodes: Vec<Node>,
    /// Mentor indices, each node's a contiguous run.
    order: Vec<u32>,
    /// Each employer's mentors (for counting the allowed pairs without scoring them).
    by_group: HashMap<u32, Vec<u32>>,
    /// The nodes where both hard constraints are decided (same offset, same languages).
    decided: Vec<u32>,
}

/// The most mentors a node may have and still be a leaf when it could be split further.
const LEAF: usize = 24;

/// How a level splits mentors.
#[derive(Clone, Copy)]
enum Level {
    TimeZone,
    Languages,
    Set(usize),
}

impl Level {
    fn key(self, f: &Features) -> u128 {
        match self {
            // Offset and daytime mask together: the mask follows from the offset for
            // people sharing a daytime window, but need not in general.
            Level::TimeZone => {
                (u128::from(f.offset_minutes as u32) << 32) | u128::from(f.daytime_hours)
            }
            Level::Languages => f.languages,
            Level::Set(s) => u128::from(f.sets[s]),
        }
    }
}

impl MentorIndex {
    pub fn new(model: &Model, mentors: &[Features]) -> MentorIndex {
        let mut levels = vec![Level::TimeZone, Level::Languages];
        for c in &model.criteria {
            let set = match c {
                Criterion::Match { mentor_set, .. } | Criterion::Overlap { mentor_set, .. } => {
                    *mentor_set
                }
                _ => continue,
            };
            if !levels
                .iter()
                .any(|l| matches!(l, Level::Set(s) if *s == set))
            {
                levels.push(Level::Set(set));
            }
        }
        let mut index = MentorIndex {
            nodes: Vec::new(),
            order: (0..mentors.len() as u32).collect(),
            by_group: HashMap::new(),
            decided: Vec::new(),
        };
        for (j, m) in mentors.iter().enumerate() {
            if m.group != 0 {
                index.by_group.entry(m.group).or_default().push(j as u32);
            }
        }
        let root_summary = mentors
            .iter()
            .map(Summary::of)
            .reduce(|mut a, b| {
                a.add(&b);
                a
            })
            .unwrap_or_else(|| Summary::of(&Features::default()));
        index.nodes.push(Node {
            summary: root_summary,
            children: (0, 0),
            mentors: (0, mentors.len() as u32),
        });
        index.split(0, &levels, mentors);
        index
    }

    /// Splits node `at` by `levels[0]`, then each child by the rest.
    fn split(&mut self, at: usize, levels: &[Level], mentors: &[Features]) {
        let Some((&level, rest)) = levels.split_first() else {
            return;
        };
        let (from, to) = (
            self.nodes[at].mentors.0 as usize,
            self.nodes[at].mentors.1 as usize,
        );
        // Below the hard constraints, a small node is a leaf: scoring its few mentors costs
        // less than bounding more nodes.
        if matches!(level, Level::Set(_)) && to - from <= LEAF {
            return;
        }
        self.order[from..to].sort_by_key(|&j| (level.key(&mentors[j as usize]), j));
        let mut runs = Vec::new();
        let mut s = from;
        while s < to {
            let key = level.key(&mentors[self.order[s] as usize]);
            let mut e = s + 1;
            while e < to && level.key(&mentors[self.order[e] as usize]) == key {
                e += 1;
            }
            runs.push((s, e));
            s = e;
        }
        let first = self.nodes.len() as u32;
        for &(s, e) in &runs {
            let mut summary = Summary::of(&mentors[self.order[s] as usize]);
            for &j in &self.order[s + 1..e] {
                summary.add(&Summary::of(&mentors[j as usize]));
            }
            self.nodes.push(Node {
                summary,
                children: (0, 0),
                mentors: (s as u32, e as u32),
            });
        }
        self.nodes[at].children = (first, self.nodes.len() as u32);
        for c in first..self.nodes.len() as u32 {
            // Below a time zone, a language node decides both hard constraints.
            if matches!(level, Level::Languages) {
                self.decided.push(c);
            }
            self.split(c as usize, rest, mentors);
        }
    }

    /// Whether the hard constraints rule out every mentor of the node for `e` (the
    /// employer aside, which is checked per mentor).
    fn ruled_out(model: &Model, e: &Features, s: &Summary) -> bool {
        if model.shared_language && e.languages & s.languages == 0 {
            return true;
        }
        if let Some(max) = model.max_gap_minutes {
            let inside = (s.offset_min..=s.offset_max).contains(&e.offset_minutes);
            let gap = gap_minutes(e.offset_minutes, s.offset_min)
                .min(gap_minutes(e.offset_minutes, s.offset_max));
            if !inside && gap > max {
                return true;
            }
        }
        false
    }

    /// An upper bound on the score of `e` with any mentor of the node.
    fn bound(model: &Model, e: &Features, s: &Summary) -> i64 {
        model
            .criteria
            .iter()
            .map(|c| match c {
                Criterion::Overlap {
                    mentee_set,
                    mentor_set,
                    points_each,
                    ..
                } => {
                    i64::from((e.sets[*mentee_set] & s.sets[*mentor_set]).count_ones())
                        * (*points_each).max(0)
                }
                Criterion::Match {
                    mentee_set,
                    mentor_set,
                    points,
                    ..
                } => {
                    if e.sets[*mentee_set] & s.sets[*mentor_set] != 0 {
                        (*points).max(0)
                    } else {
                        0
                    }
                }
                Criterion::Closeness {
                    mentee_number,
                    mentor_number,
                    points,
                    range,
                    ..
                } => {
                    let x = e.numbers[*mentee_number];
                    let (lo, hi) = (s.number_min[*mentor_number], s.number_max[*mentor_number]);
                    let gap = if x < lo {
                        lo - x
                    } else if x > hi {
                        x - hi
                    } else {
                        0.0
                    };
                    if gap >= *range {
                        0
                    } else {
                        ((*points).max(0) as f64 * (range - gap) / range).floor() as i64
                    }
                }
                Criterion::TimeZoneOverlap {
                    points_per_hour, ..
                } => {
                    i64::from((e.daytime_hours & s.daytime_hours).count_ones())
                        * (*points_per_hour).max(0)
                }
            })
            .sum()
    }

    /// Allowed pairs of mentee `i` in all (hard constraints, employer, exclusions), counted
    /// from the nodes where the constraints are decided rather than pair by pair.
    fn allowed(&self, model: &Model, e: &Features, mentors: &[Features], excluded: &[u32]) -> u64 {
        let mut n: u64 = self
            .decided
            .iter()
            .map(|&c| &self.nodes[c as usize])
            .filter(|node| !Self::ruled_out(model, e, &node.summary))
            .map(|node| u64::from(node.mentors.1 - node.mentors.0))
            .sum();
        if e.group != 0
            && let Some(same) = self.by_group.get(&e.group)
        {
            n -= same
                .iter()
                .filter(|&&j| !Self::ruled_out(model, e, &Summary::of(&mentors[j as usize])))
                .count() as u64;
        }
        n - excluded
            .iter()
            .filter(|&&j| model.blocker(e, &mentors[j as usize]).is_none())
            .count() as u64
    }

    /// The `k` best allowed mentors of `e` (ties: lower index first), best first, as
    /// (score, mentor); with `prices`, best by score plus the mentor's potential (a mentor
    /// without places is left out), and only those above `floor`: the pairs that most
    /// violate the certificate. Mentors in `skip` (sorted) are left out too.
    #[allow(clippy::too_many_arguments)]
    fn best(
        &self,
        model: &Model,
        e: &Features,
        mentors: &[Features],
        k: usize,
        skip: (&[u32], &[u32], Option<(&Certificate, u32)>),
        prices: Option<(&[i64], &Certificate)>,
        floor: i64,
        heap: &mut BinaryHeap<(i64, Reverse<u32>)>,
        top: &mut BinaryHeap<Reverse<(i64, Reverse<u32>, i64)>>,
    ) -> Vec<(i64, u32)> {
        heap.clear();
        top.clear();
        if k == 0 || self.nodes.is_empty() {
            return Vec::new();
        }
        // A score above the solver's highest is rejected whatever the potentials.
        const ABOVE: i64 = i64::MAX / 4;
        let priority = |at: usize, node: &Node| -> Option<i64> {
            let bound = Self::bound(model, e, &node.summary);
            match prices {
                None => Some(bound),
                Some((_, c)) if bound > c.max_score() => Some(ABOVE),
                Some((node_price, _)) => {
                    (node_price[at] != i64::MIN).then(|| bound + node_price[at])
                }
            }
        };
        if let Some(p) = priority(0, &self.nodes[0]) {
            heap.push((p, Reverse(0)));
        }
        while let Some((bound, Reverse(at))) = heap.pop() {
            if bound <= floor || (top.len() == k && top.peek().is_some_and(|w| bound < w.0.0)) {
                break;
            }
            let node = &self.nodes[at as usize];
            if Self::ruled_out(model, e, &node.summary) {
                continue;
            }
            if node.children.0 < node.children.1 {
                for c in node.children.0..node.children.1 {
                    let child = &self.nodes[c as usize];
                    if !Self::ruled_out(model, e, &child.summary)
                        && let Some(p) = priority(c as usize, child)
                    {
                        heap.push((p, Reverse(c)));
                    }
                }
                continue;
            }
            for &j in &self.order[node.mentors.0 as usize..node.mentors.1 as usize] {
                let m = &mentors[j as usize];
                if model.blocker(e, m).is_some()
                    || skip.0.binary_search(&j).is_ok()
                    || skip.1.binary_search(&j).is_ok()
                    || skip.2.is_some_and(|(c, i)| !c.crosses_cut(i, j))
                {
                    continue;
                }
                let score = model.score(e, m);
                let key = match prices {
                    None => score,
                    Some((_, c)) => match c.mentor_price(j) {
                        None => continue,
                        Some(_) if score > c.max_score() => ABOVE,
                        Some(price) => score + price,
                    },
                };
                if key <= floor {
                    continue;
                }
                let key = (key, Reverse(j), score);
                if top.len() < k {
                    top.push(Reverse(key));
                } else if top.peek().is_some_and(|w| key > w.0) {
                    top.pop();
                    top.push(Reverse(key));
                }
            }
        }
        let mut out: Vec<(i64, u32, i64)> = top
            .drain()
            .map(|Reverse((key, Reverse(j), score))| (key, j, score))
            .collect();
        out.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        out.into_iter().map(|(_, j, score)| (score, j)).collect()
    }

    /// Each mentee's `k` best allowed mentors, as [`scoring::candidates`] would give them,
    /// with the number of allowed pairs in all.
    pub fn candidates(
        &self,
        model: &Model,
        mentees: &[Features],
        mentors: &[Features],
        k: usize,
        excluded: &HashSet<(u32, u32)>,
        threads: usize,
    ) -> super::scoring::Candidates {
        let excluded = by_mentee(excluded, mentees.len());
        let chunks = split(mentees.len(), threads);
        let results: Vec<(Vec<Pair>, u64)> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|range| {
                    let range = range.clone();
                    let excluded = &excluded;
                    scope.spawn(move || {
                        let (mut heap, mut top) = (BinaryHeap::new(), BinaryHeap::new());
                        let mut out = Vec::with_capacity(range.len() * k.min(mentors.len()));
                        let mut allowed = 0;
                        for i in range {
                            let e = &mentees[i];
                            let ex = excluded.get(&(i as u32)).map_or(&[][..], |v| &v[..]);
                            allowed += self.allowed(model, e, mentors, ex);
                            let best = self.best(
                                model,
                                e,
                                mentors,
                                k,
                                (ex, &[], None),
                                None,
                                i64::MIN,
                                &mut heap,
                                &mut top,
                            );
                            out.extend(best.into_iter().map(|(score, j)| Pair {
                                mentee: i as u32,
                                mentor: j,
                                score,
                            }));
                        }
                        (out, allowed)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("candidate thread"))
                .collect()
        });
        let mut pairs = Vec::new();
        let mut feasible_pairs = 0;
        for (p, f) in results {
            pairs.extend(p);
            feasible_pairs += f;
        }
        super::scoring::Candidates {
            pairs,
            feasible_pairs,
        }
    }

    /// Allowed pairs not in `candidates` that the certificate does not admit (pairs that
    /// could improve the solution): for each mentee, its `limit` most violating, found best
    /// first with the potentials (none at all proves the solution optimal over every
    /// allowed pair). A mentee the pruned graph left unmatched would otherwise bring every
    /// allowed pair it has.
    #[allow(clippy::too_many_arguments)]
    pub fn uncertified(
        &self,
        model: &Model,
        mentees: &[Features],
        mentors: &[Features],
        candidates: &[Pair],
        excluded: &HashSet<(u32, u32)>,
        certificate: &Certificate,
        limit: usize,
        threads: usize,
    ) -> Vec<Pair> {
        // The highest potential of a mentor with room in each subtree (children come after
        // their parent, so one pass from the end).
        let mut price = vec![i64::MIN; self.nodes.len()];
        for at in (0..self.nodes.len()).rev() {
            let node = &self.nodes[at];
            price[at] = if node.children.0 < node.children.1 {
                (node.children.0..node.children.1)
                    .map(|c| price[c as usize])
                    .max()
                    .unwrap_or(i64::MIN)
            } else {
                self.order[node.mentors.0 as usize..node.mentors.1 as usize]
                    .iter()
                    .filter_map(|&j| certificate.mentor_price(j))
                    .max()
                    .unwrap_or(i64::MIN)
            };
        }
        let listed = Listed::new(candidates, mentees.len());
        let excluded = by_mentee(excluded, mentees.len());
        let chunks = split(mentees.len(), threads);
        let (price, listed, excluded) = (&price[..], &listed, &excluded);
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|range| {
                    let range = range.clone();
                    scope.spawn(move || {
                        let (mut heap, mut top) = (BinaryHeap::new(), BinaryHeap::new());
                        let mut out = Vec::new();
                        for i in range {
                            let Some(bar) = certificate.bar(i as u32) else {
                                continue;
                            };
                            let none: &[u32] = &[];
                            let ex = excluded.get(&(i as u32)).map_or(none, |v| &v[..]);
                            let worst = self.best(
                                model,
                                &mentees[i],
                                mentors,
                                limit.max(1),
                                (listed.of(i), ex, None),
                                Some((price, certificate)),
                                bar,
                                &mut heap,
                                &mut top,
                            );
                            out.extend(worst.into_iter().map(|(score, j)| Pair {
                                mentee: i as u32,
                                mentor: j,
                                score,
                            }));
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("certify thread"))
                .collect()
        })
    }
}

impl MentorIndex {
    /// Allowed pairs not in `candidates` that cross the certificate's final cut (pairs that
    /// could match one more): for each mentee on the short side, its `limit` best. Only
    /// the few mentees on the short side are searched, so this is cheap; none at all proves
    /// that no plan matches more.
    #[allow(clippy::too_many_arguments)]
    pub fn crossing_cut(
        &self,
        model: &Model,
        mentees: &[Features],
        mentors: &[Features],
        candidates: &[Pair],
        excluded: &HashSet<(u32, u32)>,
        certificate: &Certificate,
        limit: usize,
    ) -> Vec<Pair> {
        let short: Vec<u32> = (0..mentees.len() as u32)
            .filter(|&i| certificate.short_side(i))
            .collect();
        if short.is_empty() {
            return Vec::new();
        }
        // The mentors off the short side are few when the short side is large (a tight
        // cohort): search an index of them alone.
        let off: Vec<u32> = (0..mentors.len() as u32)
            .filter(|&j| certificate.mentor_price(j).is_some() && !certificate.short_side_mentor(j))
            .collect();
        if off.is_empty() {
            return Vec::new();
        }
        let local: Vec<Features> = off.iter().map(|&j| mentors[j as usize]).collect();
        let sub = MentorIndex::new(model, &local);
        // Global mentor indices to local ones, sorted lists staying sorted.
        let to_local = |list: &[u32]| -> Vec<u32> {
            list.iter()
                .filter_map(|j| off.binary_search(j).ok().map(|x| x as u32))
                .collect()
        };
        let listed = Listed::new(candidates, mentees.len());
        let excluded = by_mentee(excluded, mentees.len());
        let (mut heap, mut top) = (BinaryHeap::new(), BinaryHeap::new());
        let mut out = Vec::new();
        for i in short {
            let none: &[u32] = &[];
            let ex = to_local(excluded.get(&i).map_or(none, |v| &v[..]));
            let own = to_local(listed.of(i as usize));
            let best = sub.best(
                model,
                &mentees[i as usize],
                &local,
                limit.max(1),
                (&own, &ex, None),
                None,
                i64::MIN,
                &mut heap,
                &mut top,
            );
            out.extend(best.into_iter().map(|(score, x)| Pair {
                mentee: i,
                mentor: off[x as usize],
                score,
            }));
        }
        out
    }
}

/// Each mentee's candidate mentors, sorted, in one array (a map of sets would take several
/// times the candidates).
struct Listed {
    start: Vec<u32>,
    mentors: Vec<u32>,
}

impl Listed {
    fn new(pairs: &[Pair], mentees: usize) -> Listed {
        let mut start = vec![0u32; mentees + 1];
        for p in pairs {
            start[p.mentee as usize + 1] += 1;
        }
        for i in 0..mentees {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut mentors = vec![0u32; pairs.len()];
        for p in pairs {
            mentors[fill[p.mentee as usize] as usize] = p.mentor;
            fill[p.mentee as usize] += 1;
        }
        for i in 0..mentees {
            mentors[start[i] as usize..start[i + 1] as usize].sort_unstable();
        }
        Listed { start, mentors }
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.mentors[self.start[i] as usize..self.start[i + 1] as usize]
    }
}

/// Pairs as each mentee's sorted mentors.
fn by_mentee(pairs: &HashSet<(u32, u32)>, _mentees: usize) -> HashMap<u32, Vec<u32>> {
    let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(i, j) in pairs {
        map.entry(i).or_default().push(j);
    }
    for v in map.values_mut() {
        v.sort_unstable();
    }
    map
}

fn split(len: usize, threads: usize) -> Vec<std::ops::Range<usize>> {
    let threads = threads.max(1);
    let size = len.div_ceil(threads).max(1);
    (0..len)
        .step_by(size)
        .map(|s| s..(s + size).min(len))
        .collect()
}

#[cfg(test)]
mod tests;
