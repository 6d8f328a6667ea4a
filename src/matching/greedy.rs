//! The greedy baseline: take the best remaining pair while both sides have room. Kept only
//! to show what the exact solver gains; never used to propose matches.

use super::instance::{Instance, Pair};
use super::min_cost_flow::Solution;

pub fn greedy(instance: &Instance) -> Solution {
    let mut pairs: Vec<&Pair> = instance.pairs.iter().collect();
    pairs.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.mentee.cmp(&b.mentee))
            .then(a.mentor.cmp(&b.mentor))
    });
    let mut slots: Vec<u32> = instance.mentees.iter().map(|m| m.slots).collect();
    let mut capacity: Vec<u32> = instance.mentors.iter().map(|m| m.capacity).collect();
    let mut chosen = Vec::new();
    for p in pairs {
        let (i, j) = (p.mentee as usize, p.mentor as usize);
        if slots[i] > 0 && capacity[j] > 0 {
            slots[i] -= 1;
            capacity[j] -= 1;
            chosen.push(*p);
        }
    }
    Solution::from_assignments(chosen)
}
