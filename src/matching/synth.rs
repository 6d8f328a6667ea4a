//! A deterministic synthetic population for the matching benchmark: languages, time zones,
//! goals and skills, sectors, hours and employers distributed the way a real cohort is
//! (most people share English, time zones cluster by region, goals are skewed).

use super::scoring::{Criterion, Features, MAX_NUMBERS, MAX_SETS, Model};

/// SplitMix64: small, fast, and the same sequence on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A set of `count` distinct indices below `n`, drawn with weights, as a bitmask.
    fn some_of(&mut self, weights: &[u64], count: usize) -> u64 {
        let mut mask = 0u64;
        let mut guard = 0;
        while (mask.count_ones() as usize) < count.min(weights.len()) && guard < 1000 {
            mask |= 1 << self.weighted(weights);
            guard += 1;
        }
        mask
    }
}

/// Time-zone regions as (UTC offset in hours, share of people).
const REGIONS: &[(i32, u64)] = &[
    (0, 12),
    (1, 22),
    (2, 14),
    (3, 10),
    (-5, 10),
    (-4, 6),
    (-3, 6),
    (5, 4),
    (6, 3),
    (8, 6),
    (9, 3),
    (10, 4),
];
/// English first, then the next most common languages of a global cohort.
const LANGUAGE_WEIGHTS: &[u64] = &[80, 14, 12, 10, 8, 8, 6, 6, 5, 4, 3, 3];
const GOAL_WEIGHTS: &[u64] = &[30, 25, 20, 15, 8, 5];
const SECTOR_WEIGHTS: &[u64] = &[25, 15, 12, 12, 10, 10, 8, 8];

/// The benchmark's matching model: shared goals/skills, sector, time-zone overlap and
/// similar availability; must share a language and be at most 8 hours apart.
pub fn model() -> Model {
    Model {
        criteria: vec![
            Criterion::Overlap {
                name: "Shared goals".into(),
                mentee_set: 0,
                mentor_set: 0,
                points_each: 10,
            },
            Criterion::Match {
                name: "Sector".into(),
                mentee_set: 1,
                mentor_set: 1,
                points: 25,
            },
            Criterion::TimeZoneOverlap {
                name: "Daytime hours in common".into(),
                points_per_hour: 2,
            },
            Criterion::Closeness {
                name: "Similar availability".into(),
                mentee_number: 0,
                mentor_number: 0,
                points: 10,
                range: 8.0,
            },
        ],
        shared_language: true,
        max_gap_minutes: Some(8 * 60),
        daytime: (9, 21),
    }
}

/// One synthetic person; `mentor` draws more skills than a mentee has goals.
fn person(rng: &mut Rng, mentor: bool, daytime: (u32, u32)) -> Features {
    let mut f = Features::default();
    let languages = 1 + usize::from(rng.below(100) < 45) + usize::from(rng.below(100) < 10);
    f.languages = u128::from(rng.some_of(LANGUAGE_WEIGHTS, languages));
    if rng.below(100) < 85 {
        f.languages |= 1; // most people in a global cohort speak English
    }
    let (hours, _) = REGIONS[rng.weighted(&REGIONS.iter().map(|r| r.1).collect::<Vec<_>>())];
    f.set_offset(hours * 60, daytime);
    let goals = if mentor {
        2 + rng.below(4)
    } else {
        1 + rng.below(3)
    } as usize;
    f.sets[0] = rng.some_of(GOAL_WEIGHTS, goals);
    let sectors = if mentor { 1 } else { 1 + rng.below(3) as usize };
    f.sets[1] = rng.some_of(SECTOR_WEIGHTS, sectors);
    f.numbers[0] = (1 + rng.below(10)) as f64;
    f.group = rng.below(300) as u32 + 1; // employer
    f
}

/// `mentees` and `mentors` synthetic people for the benchmark's model.
pub fn population(seed: u64, mentees: usize, mentors: usize) -> (Vec<Features>, Vec<Features>) {
    let mut rng = Rng::new(seed);
    let daytime = model().daytime;
    let e = (0..mentees)
        .map(|_| person(&mut rng, false, daytime))
        .collect();
    let m = (0..mentors)
        .map(|_| person(&mut rng, true, daytime))
        .collect();
    (e, m)
}

// The feature arrays must be large enough for the model above.
const _: () = assert!(MAX_SETS >= 2 && MAX_NUMBERS >= 1);
