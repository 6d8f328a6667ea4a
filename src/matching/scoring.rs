//! Scoring pairs: compact features per person, weighted criteria, hard constraints,
//! top-k candidate pruning and explanations.
//!
//! Features are bitmasks and numbers so that scoring millions of pairs is a few machine
//! instructions each: a multi-choice answer is a bitmask over its choices, languages a
//! bitmask over a language list, a time zone an offset plus a 24-bit mask of the UTC hours
//! that fall in the person's daytime window. Scores are integers.

use std::collections::HashSet;

use super::instance::Pair;
use super::min_cost_flow::Certificate;

pub const MAX_SETS: usize = 8;
pub const MAX_NUMBERS: usize = 4;

/// What scoring knows of a person.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features {
    pub languages: u128,
    /// UTC offset in minutes.
    pub offset_minutes: i32,
    /// Bit h set: UTC hour h is in the person's daytime window.
    pub daytime_hours: u32,
    pub sets: [u64; MAX_SETS],
    pub numbers: [f64; MAX_NUMBERS],
    /// Employer or other group; people of the same non-zero group are never paired.
    pub group: u32,
}

impl Features {
    /// Sets the offset and the daytime mask for a local window `[from, to)` in hours.
    pub fn set_offset(&mut self, offset_minutes: i32, daytime: (u32, u32)) {
        self.offset_minutes = offset_minutes;
        let mut mask = 0u32;
        for local in daytime.0..daytime.1 {
            // Round to the hour: half-hour zones count the hour they mostly cover.
            let utc = (local as i32 * 60 - offset_minutes).rem_euclid(24 * 60) / 60;
            mask |= 1 << utc;
        }
        self.daytime_hours = mask;
    }
}

/// A weighted criterion. Indices point into [`Features::sets`] / [`Features::numbers`].
#[derive(Debug, Clone, PartialEq)]
pub enum Criterion {
    /// `points_each` per value both have (shared goals and skills).
    Overlap {
        name: String,
        mentee_set: usize,
        mentor_set: usize,
        points_each: i64,
    },
    /// `points` when they share any value (same sector; the mentee's stated preference).
    Match {
        name: String,
        mentee_set: usize,
        mentor_set: usize,
        points: i64,
    },
    /// Up to `points` the closer two numbers are, nothing from `range` apart.
    Closeness {
        name: String,
        mentee_number: usize,
        mentor_number: usize,
        points: i64,
        range: f64,
    },
    /// `points_per_hour` for each hour of the day that is daytime for both.
    TimeZoneOverlap { name: String, points_per_hour: i64 },
}

impl Criterion {
    fn name(&self) -> &str {
        match self {
            Criterion::Overlap { name, .. }
            | Criterion::Match { name, .. }
            | Criterion::Closeness { name, .. }
            | Criterion::TimeZoneOverlap { name, .. } => name,
        }
    }

    fn points(&self, e: &Features, m: &Features) -> i64 {
        match self {
            Criterion::Overlap {
                mentee_set,
                mentor_set,
                points_each,
                ..
            } => i64::from((e.sets[*mentee_set] & m.sets[*mentor_set]).count_ones()) * points_each,
            Criterion::Match {
                mentee_set,
                mentor_set,
                points,
                ..
            } => {
                if e.sets[*mentee_set] & m.sets[*mentor_set] != 0 {
                    *points
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
                let gap = (e.numbers[*mentee_number] - m.numbers[*mentor_number]).abs();
                if gap >= *range {
                    0
                } else {
                    (*points as f64 * (range - gap) / range).floor() as i64
                }
            }
            Criterion::TimeZoneOverlap {
                points_per_hour, ..
            } => i64::from((e.daytime_hours & m.daytime_hours).count_ones()) * points_per_hour,
        }
    }
}

/// Criteria plus hard constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub criteria: Vec<Criterion>,
    /// Must share at least one language.
    pub shared_language: bool,
    /// At most this many minutes apart (around the clock).
    pub max_gap_minutes: Option<i32>,
    /// Local daytime window `[from, to)` in hours, for time-zone overlap.
    pub daytime: (u32, u32),
}

/// Why a pair is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Blocker {
    NoSharedLanguage,
    TimeZonesTooFarApart,
    SameGroup,
    Excluded,
}

impl Blocker {
    /// Why a mentee it rules out with most mentors is left without one, for the
    /// coordinators.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Blocker::NoSharedLanguage => Text::msg("unmatched-no-language"),
            Blocker::TimeZonesTooFarApart => Text::msg("unmatched-time-zones"),
            Blocker::SameGroup => Text::msg("unmatched-same-employer"),
            Blocker::Excluded => Text::msg("unmatched-excluded"),
        }
    }

    /// Why one chosen pair may not be matched, for the coordinators.
    pub fn said_of_pair(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Blocker::NoSharedLanguage => Text::msg("pair-no-language"),
            Blocker::TimeZonesTooFarApart => Text::msg("pair-time-zones"),
            Blocker::SameGroup => Text::msg("pair-same-employer"),
            Blocker::Excluded => Text::msg("pair-excluded"),
        }
    }
}

/// Time-zone gap in minutes, around the clock.
pub fn gap_minutes(a: i32, b: i32) -> i32 {
    let d = (a - b).rem_euclid(24 * 60);
    d.min(24 * 60 - d)
}

impl Model {
    /// The first hard constraint the pair breaks, if any (exclusions aside).
    pub fn blocker(&self, e: &Features, m: &Features) -> Option<Blocker> {
        if self.shared_language && e.languages & m.languages == 0 {
            return Some(Blocker::NoSharedLanguage);
        }
        if let Some(max) = self.max_gap_minutes
            && gap_minutes(e.offset_minutes, m.offset_minutes) > max
        {
            return Some(Blocker::TimeZonesTooFarApart);
        }
        if e.group != 0 && e.group == m.group {
            return Some(Blocker::SameGroup);
        }
        None
    }

    pub fn score(&self, e: &Features, m: &Features) -> i64 {
        self.criteria.iter().map(|c| c.points(e, m)).sum()
    }

    /// Each criterion that contributed, with its points.
    pub fn explain(&self, e: &Features, m: &Features) -> Vec<(String, i64)> {
        self.criteria
            .iter()
            .map(|c| (c.name().to_string(), c.points(e, m)))
            .filter(|(_, p)| *p > 0)
            .collect()
    }
}

/// The candidate graph: each mentee's `k` best allowed mentors.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidates {
    /// Sorted by mentee, then by score (best first).
    pub pairs: Vec<Pair>,
    /// Allowed pairs in total, before pruning.
    pub feasible_pairs: u64,
}

/// Scores every pair and keeps each mentee's `k` best allowed mentors (ties: lower mentor
/// index first). `excluded` pairs (past partners, requests) are never allowed. Runs on
/// `threads` threads; the result does not depend on their number.
pub fn candidates(
    model: &Model,
    mentees: &[Features],
    mentors: &[Features],
    k: usize,
    excluded: &HashSet<(u32, u32)>,
    threads: usize,
) -> Candidates {
    let chunks = split(mentees.len(), threads);
    let results: Vec<(Vec<Pair>, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|range| {
                let range = range.clone();
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(range.len() * k);
                    let mut scratch: Vec<(i64, u32)> = Vec::with_capacity(mentors.len());
                    let mut feasible = 0u64;
                    for i in range {
                        scratch.clear();
                        let e = &mentees[i];
                        for (j, m) in mentors.iter().enumerate() {
                            if model.blocker(e, m).is_some()
                                || (!excluded.is_empty()
                                    && excluded.contains(&(i as u32, j as u32)))
                            {
                                continue;
                            }
                            scratch.push((model.score(e, m), j as u32));
                        }
                        feasible += scratch.len() as u64;
                        let better =
                            |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
                        if scratch.len() > k {
                            scratch.select_nth_unstable_by(k, better);
                            scratch.truncate(k);
                        }
                        scratch.sort_unstable_by(better);
                        out.extend(scratch.iter().map(|&(score, j)| Pair {
                            mentee: i as u32,
                            mentor: j,
                            score,
                        }));
                    }
                    (out, feasible)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("scoring thread"))
            .collect()
    });
    let mut pairs = Vec::new();
    let mut feasible_pairs = 0;
    for (p, f) in results {
        pairs.extend(p);
        feasible_pairs += f;
    }
    Candidates {
        pairs,
        feasible_pairs,
    }
}

/// Checks every allowed pair left out of `candidates` against the solver's certificate;
/// returns how many could improve the solution (0 proves it optimal without pruning).
pub fn uncertified_pairs(
    model: &Model,
    mentees: &[Features],
    mentors: &[Features],
    candidates: &[Pair],
    excluded: &HashSet<(u32, u32)>,
    certificate: &Certificate,
    threads: usize,
) -> u64 {
    // Each mentee's candidate mentors, sorted, for membership tests.
    let mut offsets = vec![0usize; mentees.len() + 1];
    for p in candidates {
        offsets[p.mentee as usize + 1] += 1;
    }
    for i in 0..mentees.len() {
        offsets[i + 1] += offsets[i];
    }
    // Candidates come grouped by mentee (as `candidates` returns them).
    let mut mentor_lists: Vec<u32> = candidates.iter().map(|p| p.mentor).collect();
    for i in 0..mentees.len() {
        mentor_lists[offsets[i]..offsets[i + 1]].sort_unstable();
    }
    let chunks = split(mentees.len(), threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|range| {
                let range = range.clone();
                let (offsets, mentor_lists) = (&offsets, &mentor_lists);
                scope.spawn(move || {
                    let mut bad = 0u64;
                    for i in range {
                        let e = &mentees[i];
                        let listed = &mentor_lists[offsets[i]..offsets[i + 1]];
                        for (j, m) in mentors.iter().enumerate() {
                            if model.blocker(e, m).is_some()
                                || excluded.contains(&(i as u32, j as u32))
                                || listed.binary_search(&(j as u32)).is_ok()
                            {
                                continue;
                            }
                            if !certificate.admits(i as u32, j as u32, model.score(e, m)) {
                                bad += 1;
                            }
                        }
                    }
                    bad
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("certify thread"))
            .sum()
    })
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
mod tests {
    use super::*;
    use crate::matching::synth::{model, population};

    #[test]
    fn daytime_masks_follow_the_offset() {
        let mut london = Features::default();
        london.set_offset(0, (9, 17));
        assert_eq!(london.daytime_hours.count_ones(), 8);
        let mut nairobi = Features::default();
        nairobi.set_offset(180, (9, 17));
        assert_eq!(
            (london.daytime_hours & nairobi.daytime_hours).count_ones(),
            5
        );
        let mut auckland = Features::default();
        auckland.set_offset(13 * 60, (9, 17));
        assert_eq!(
            (london.daytime_hours & auckland.daytime_hours).count_ones(),
            0
        );
        assert_eq!(gap_minutes(13 * 60, -5 * 60), 6 * 60, "around the clock");
    }

    #[test]
    fn criteria_add_up_and_explain_themselves() {
        let m = model();
        let mut e = Features::default();
        let mut r = Features::default();
        e.languages = 0b11;
        r.languages = 0b10;
        e.set_offset(60, m.daytime);
        r.set_offset(120, m.daytime);
        e.sets[0] = 0b0111;
        r.sets[0] = 0b0110;
        e.sets[1] = 0b100;
        r.sets[1] = 0b100;
        e.numbers[0] = 2.0;
        r.numbers[0] = 4.0;
        assert_eq!(m.blocker(&e, &r), None);
        let explained = m.explain(&e, &r);
        assert_eq!(
            explained,
            vec![
                ("Shared goals".to_string(), 20),
                ("Sector".to_string(), 25),
                ("Daytime hours in common".to_string(), 22),
                ("Similar availability".to_string(), 7),
            ]
        );
        assert_eq!(m.score(&e, &r), 74);
        r.languages = 0b100;
        assert_eq!(m.blocker(&e, &r), Some(Blocker::NoSharedLanguage));
        r.languages = 0b10;
        r.set_offset(-10 * 60, m.daytime);
        assert_eq!(m.blocker(&e, &r), Some(Blocker::TimeZonesTooFarApart));
        r.set_offset(120, m.daytime);
        e.group = 7;
        r.group = 7;
        assert_eq!(m.blocker(&e, &r), Some(Blocker::SameGroup));
    }

    #[test]
    fn candidates_are_the_best_k_and_do_not_depend_on_threads() {
        let (mentees, mentors) = population(9, 300, 60);
        let m = model();
        let one = candidates(&m, &mentees, &mentors, 5, &HashSet::new(), 1);
        let two = candidates(&m, &mentees, &mentors, 5, &HashSet::new(), 2);
        assert_eq!(one, two);
        assert!(one.pairs.len() <= 300 * 5);
        // Each mentee's candidates beat every allowed non-candidate.
        for i in 0..mentees.len() as u32 {
            let mine: Vec<&Pair> = one.pairs.iter().filter(|p| p.mentee == i).collect();
            if mine.len() < 5 {
                continue;
            }
            let worst = mine.iter().map(|p| p.score).min().unwrap();
            for (j, r) in mentors.iter().enumerate() {
                if m.blocker(&mentees[i as usize], r).is_none()
                    && !mine.iter().any(|p| p.mentor == j as u32)
                {
                    assert!(m.score(&mentees[i as usize], r) <= worst);
                }
            }
        }
        let excluded: HashSet<(u32, u32)> =
            one.pairs.iter().map(|p| (p.mentee, p.mentor)).collect();
        let without = candidates(&m, &mentees, &mentors, 5, &excluded, 2);
        assert!(
            without
                .pairs
                .iter()
                .all(|p| !excluded.contains(&(p.mentee, p.mentor)))
        );
    }
}
