//! `tandem bench match` and `tandem match solve`: the matching engine measured and
//! exposed on plain JSON, so anyone can check its figures and its optimality.

use std::collections::HashSet;
use std::time::Instant;

use serde_json::{Value, json};

use crate::matching::flow::{Decisions, Objective, solve_certified};
use crate::matching::greedy::greedy;
use crate::matching::instance::{Instance, InstanceError, MenteeNode, MentorNode, Pair};
use crate::matching::scoring::{Features, candidates, uncertified_pairs};
use crate::matching::synth::{model, population};

/// Parameters of a synthetic benchmark run.
#[derive(Debug, Clone)]
pub struct BenchMatch {
    pub mentees: usize,
    pub mentors: usize,
    pub capacity: u32,
    pub seed: u64,
    /// Candidates kept per mentee in the timed run.
    pub k: usize,
    pub threads: usize,
    pub objective: Objective,
    /// Also find the proven optimum (doubling the candidates until the certificate holds)
    /// and report how close the timed run came.
    pub exact: bool,
}

/// One scored, pruned and solved round.
struct Round {
    k: usize,
    feasible_pairs: u64,
    candidate_pairs: usize,
    matched: usize,
    total_score: i64,
    uncertified: u64,
    greedy_matched: usize,
    greedy_total_score: i64,
    score_seconds: f64,
    solve_seconds: f64,
    certify_seconds: f64,
    instance: Instance,
    assignments: Vec<Pair>,
}

fn round_with(
    p: &BenchMatch,
    mentees: &[Features],
    mentors: &[Features],
    k: usize,
) -> Result<Round, InstanceError> {
    let model = model();
    let excluded = HashSet::new();
    let t = Instant::now();
    let cands = candidates(&model, mentees, mentors, k, &excluded, p.threads);
    let score_seconds = t.elapsed().as_secs_f64();
    let instance = Instance {
        mentors: (0..mentors.len())
            .map(|j| MentorNode {
                id: format!("mentor-{j}"),
                capacity: p.capacity,
            })
            .collect(),
        mentees: (0..mentees.len())
            .map(|i| MenteeNode {
                id: format!("mentee-{i}"),
                slots: 1,
            })
            .collect(),
        pairs: cands.pairs,
    };
    let t = Instant::now();
    let (solution, certificate) = solve_certified(&instance, p.objective, &Decisions::default())?;
    let solve_seconds = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let uncertified = uncertified_pairs(
        &model,
        mentees,
        mentors,
        &instance.pairs,
        &excluded,
        &certificate,
        p.threads,
    );
    let certify_seconds = t.elapsed().as_secs_f64();
    let baseline = greedy(&instance);
    let assignments = solution.assignments.clone();
    Ok(Round {
        k,
        feasible_pairs: cands.feasible_pairs,
        candidate_pairs: instance.pairs.len(),
        matched: solution.matched_mentees,
        total_score: solution.total_score,
        uncertified,
        greedy_matched: baseline.matched_mentees,
        greedy_total_score: baseline.total_score,
        score_seconds,
        solve_seconds,
        certify_seconds,
        instance,
        assignments,
    })
}

/// A decline after the timed run: the first match is refused and its mentee matched
/// again, every other match staying as it is. Locally: only the free mentees (the freed one
/// and any left unmatched) against the mentors with room, pruned and certified like any
/// plan; in full: the whole instance again with every other match fixed (and every pair of
/// a free mentee to a mentor with room, so pruning handicaps neither). Both must agree.
fn rematch(p: &BenchMatch, mentees: &[Features], mentors: &[Features], fast: &Round) -> Value {
    let Some(declined) = fast.assignments.first().copied() else {
        return json!(null);
    };
    let model = model();
    let kept: Vec<Pair> = fast
        .assignments
        .iter()
        .copied()
        .filter(|a| *a != declined)
        .collect();
    let t = Instant::now();
    let mut used = vec![0u32; mentors.len()];
    let mut matched = vec![false; mentees.len()];
    for a in &kept {
        used[a.mentor as usize] += 1;
        matched[a.mentee as usize] = true;
    }
    let free: Vec<usize> = (0..mentees.len()).filter(|&i| !matched[i]).collect();
    let room: Vec<usize> = (0..mentors.len())
        .filter(|&j| used[j] < fast.instance.mentors[j].capacity)
        .collect();
    let local_e: Vec<Features> = free.iter().map(|&i| mentees[i]).collect();
    let local_m: Vec<Features> = room.iter().map(|&j| mentors[j]).collect();
    let forbidden: HashSet<(u32, u32)> = match (
        free.iter().position(|&i| i == declined.mentee as usize),
        room.iter().position(|&j| j == declined.mentor as usize),
    ) {
        (Some(a), Some(b)) => HashSet::from([(a as u32, b as u32)]),
        _ => HashSet::new(),
    };
    let local_nodes = |pairs: Vec<Pair>| Instance {
        mentors: room
            .iter()
            .map(|&j| MentorNode {
                id: format!("mentor-{j}"),
                capacity: fast.instance.mentors[j].capacity - used[j],
            })
            .collect(),
        mentees: free
            .iter()
            .map(|&i| MenteeNode {
                id: format!("mentee-{i}"),
                slots: 1,
            })
            .collect(),
        pairs,
    };
    let mut k = p.k.max(1);
    let local = loop {
        let cands = candidates(&model, &local_e, &local_m, k, &forbidden, 1);
        let instance = local_nodes(cands.pairs);
        let Ok((solution, certificate)) =
            solve_certified(&instance, p.objective, &Decisions::default())
        else {
            return json!(null);
        };
        let open = uncertified_pairs(
            &model,
            &local_e,
            &local_m,
            &instance.pairs,
            &forbidden,
            &certificate,
            1,
        );
        if open == 0 || k >= local_m.len() {
            break solution;
        }
        k = (k * 2).min(local_m.len());
    };
    let local_seconds = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut full = fast.instance.clone();
    let listed: HashSet<(u32, u32)> = full.pairs.iter().map(|q| (q.mentee, q.mentor)).collect();
    for &i in &free {
        for &j in &room {
            let key = (i as u32, j as u32);
            if !listed.contains(&key) && model.blocker(&mentees[i], &mentors[j]).is_none() {
                full.pairs.push(Pair {
                    mentee: key.0,
                    mentor: key.1,
                    score: model.score(&mentees[i], &mentors[j]),
                });
            }
        }
    }
    let decisions = Decisions {
        required: kept.iter().map(|a| (a.mentee, a.mentor)).collect(),
        forbidden: vec![(declined.mentee, declined.mentor)],
    };
    let Ok((full_solution, _)) = solve_certified(&full, p.objective, &decisions) else {
        return json!(null);
    };
    let full_seconds = t.elapsed().as_secs_f64();
    let fixed: i64 = kept.iter().map(|a| a.score).sum();
    json!({
        "free_mentees": free.len(),
        "mentors_with_room": room.len(),
        "local_matched": local.matched_mentees,
        "local_score": local.total_score,
        "local_seconds": (local_seconds * 1e6).round() / 1e6,
        "full_resolve_seconds": secs(full_seconds),
        "same_result": local.total_score == full_solution.total_score - fixed
            && local.matched_mentees + kept.len() == full_solution.matched_mentees,
    })
}

/// Generates, scores, prunes and solves (timed), then checks the result against every
/// pruned pair; returns the figures as one JSON object.
pub fn bench_match(p: &BenchMatch) -> Result<Value, InstanceError> {
    let start = Instant::now();
    let (mentees, mentors) = population(p.seed, p.mentees, p.mentors);
    let generate_seconds = start.elapsed().as_secs_f64();
    let fast = round_with(p, &mentees, &mentors, p.k.max(1))?;
    let fast_rss = peak_rss_mib();
    let mut figures = json!({
        "mentees": p.mentees,
        "mentors": p.mentors,
        "capacity": p.capacity,
        "seed": p.seed,
        "objective": objective_name(p.objective),
        "threads": p.threads,
        "feasible_pairs": fast.feasible_pairs,
        "candidates_per_mentee": fast.k,
        "candidate_pairs": fast.candidate_pairs,
        "matched": fast.matched,
        "total_score": fast.total_score,
        "greedy_matched": fast.greedy_matched,
        "greedy_total_score": fast.greedy_total_score,
        "generate_seconds": secs(generate_seconds),
        "score_seconds": secs(fast.score_seconds),
        "solve_seconds": secs(fast.solve_seconds),
        "total_seconds": secs(fast.score_seconds + fast.solve_seconds),
        "peak_rss_mib": fast_rss,
        "certify_seconds": secs(fast.certify_seconds),
        "pruned_pairs_that_could_improve": fast.uncertified,
        "certified_optimal": fast.uncertified == 0,
    });
    figures["rematch"] = rematch(p, &mentees, &mentors, &fast);
    if p.exact {
        let mut exact = fast;
        while exact.uncertified > 0 && exact.k < mentors.len() {
            exact = round_with(p, &mentees, &mentors, (exact.k * 2).min(mentors.len()))?;
        }
        let ratio = |a: i64, b: i64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        figures["exact"] = json!({
            "candidates_per_mentee": exact.k,
            "candidate_pairs": exact.candidate_pairs,
            "matched": exact.matched,
            "total_score": exact.total_score,
            "certified_optimal": exact.uncertified == 0,
            "solve_seconds": secs(exact.solve_seconds),
            "peak_rss_mib": peak_rss_mib(),
        });
        figures["matched_equals_optimum"] =
            json!(figures["matched"] == figures["exact"]["matched"]);
        let fast_total = figures["total_score"].as_i64().unwrap_or(0);
        figures["score_ratio"] = json!((ratio(fast_total, exact.total_score) * 1e6).round() / 1e6);
    }
    Ok(figures)
}

/// Solves an instance given as JSON; returns the figures and the assignment document.
pub fn solve_instance(text: &str, objective: Objective) -> Result<(Value, Value), InstanceError> {
    let start = Instant::now();
    let instance = Instance::from_json(text)?;
    let t = Instant::now();
    let (solution, _) = solve_certified(&instance, objective, &Decisions::default())?;
    let solve_seconds = t.elapsed().as_secs_f64();
    let baseline = greedy(&instance);
    let mut matched = vec![false; instance.mentees.len()];
    for a in &solution.assignments {
        matched[a.mentee as usize] = true;
    }
    let figures = json!({
        "mentees": instance.mentees.len(),
        "mentors": instance.mentors.len(),
        "pairs": instance.pairs.len(),
        "objective": objective_name(objective),
        "matched": solution.matched_mentees,
        "assignments": solution.assignments.len(),
        "total_score": solution.total_score,
        "greedy_matched": baseline.matched_mentees,
        "greedy_total_score": baseline.total_score,
        "solve_seconds": secs(solve_seconds),
        "total_seconds": secs(start.elapsed().as_secs_f64()),
        "peak_rss_mib": peak_rss_mib(),
    });
    let output = json!({
        "assignments": solution.assignments.iter().map(|a| json!({
            "mentee": instance.mentees[a.mentee as usize].id,
            "mentor": instance.mentors[a.mentor as usize].id,
            "score": a.score,
        })).collect::<Vec<_>>(),
        "unmatched": instance.mentees.iter().zip(&matched).filter(|(_, m)| !**m).map(|(x, _)| x.id.clone()).collect::<Vec<_>>(),
    });
    Ok((figures, output))
}

fn objective_name(o: Objective) -> &'static str {
    match o {
        Objective::CountThenScore => "count",
        Objective::Score => "score",
    }
}

fn secs(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// The process's peak resident memory, from `/proc/self/status` (Linux); 0 elsewhere.
pub fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| (kb / 1024.0 * 10.0).round() / 10.0)
        .unwrap_or(0.0)
}
