//! `tandem bench match` and `tandem match solve`: the matching engine measured and
//! exposed on plain JSON, so anyone can check its figures and its optimality; and
//! `tandem bench messages` ([`messages`]), the message path; `tandem bench rooms`
//! (`rooms`, with Matrix), pair rooms at a homeserver's pace.

pub mod messages;
#[cfg(feature = "matrix")]
pub mod rooms;

use std::collections::HashSet;
use std::time::Instant;

use serde_json::{Value, json};

use crate::matching::greedy::greedy;
use crate::matching::index::{Widen, Widened, solve_widening};
use crate::matching::instance::{Instance, InstanceError, MenteeNode, MentorNode, Pair};
use crate::matching::min_cost_flow::{Decisions, Objective, solve, solve_certified};
use crate::matching::scoring::{Features, candidates, uncertified_pairs};
use crate::matching::synth::{model, population};

/// What `tandem bench rooms` is given.
pub struct BenchRooms {
    pub pairs: usize,
    pub homeserver: String,
    /// The bot's account (its password in `TANDEM_MATRIX_PASSWORD`).
    pub user: String,
    /// Members are `@<prefix><n>a` and `@<prefix><n>b` on the bot's server, n from 0.
    pub members: String,
    /// The server's limit on creating rooms, for the time it allows: a burst, then this
    /// many a second.
    pub burst: f64,
    pub per_second: f64,
    /// Where the bot keeps its session and keys.
    pub store: std::path::PathBuf,
    /// Appservice mode, when set.
    pub appservice: Option<crate::config::AppserviceSettings>,
}

/// Parameters of a synthetic benchmark run.
#[derive(Debug, Clone)]
pub struct BenchMatch {
    pub mentees: usize,
    pub mentors: usize,
    pub capacity: u32,
    pub seed: u64,
    /// Candidates per mentee in the timed run's first round.
    pub k: usize,
    pub threads: usize,
    pub objective: Objective,
    /// How far the timed run widens its candidates: until no pruned pair could match one
    /// more (`Count`), or until none could improve the plan at all (`All`, exact).
    pub widen: Widen,
    /// Also prove the optimum independently (every allowed pair scored, the candidates
    /// doubled until the certificate holds) and compare; refused when it would not fit in
    /// the memory available.
    pub exact: bool,
    /// Where to write the timed run's instance as JSON (for `tandem match solve` and
    /// `scripts/bench-ortools`).
    pub write_instance: Option<std::path::PathBuf>,
}

/// The people of a synthetic run, without pairs.
fn people(p: &BenchMatch, mentees: usize, mentors: usize) -> Instance {
    Instance {
        mentors: (0..mentors)
            .map(|j| MentorNode {
                id: format!("mentor-{j}"),
                capacity: p.capacity,
            })
            .collect(),
        mentees: (0..mentees)
            .map(|i| MenteeNode {
                id: format!("mentee-{i}"),
                slots: 1,
            })
            .collect(),
        pairs: vec![],
    }
}

/// One round of the independent proof: every allowed pair scored, each mentee's best `k`
/// solved, every other pair checked against the certificate.
struct ExactRound {
    k: usize,
    candidate_pairs: usize,
    matched: usize,
    total_score: i64,
    uncertified: u64,
    solve_seconds: f64,
}

fn exact_round(
    p: &BenchMatch,
    mentees: &[Features],
    mentors: &[Features],
    k: usize,
) -> Result<ExactRound, InstanceError> {
    let model = model();
    let excluded = HashSet::new();
    let mut instance = people(p, mentees.len(), mentors.len());
    instance.pairs = candidates(&model, mentees, mentors, k, &excluded, p.threads).pairs;
    let t = Instant::now();
    let (solution, certificate) = solve_certified(&instance, p.objective, &Decisions::default())?;
    let solve_seconds = t.elapsed().as_secs_f64();
    let uncertified = uncertified_pairs(
        &model,
        mentees,
        mentors,
        &instance.pairs,
        &excluded,
        &certificate,
        p.threads,
    );
    Ok(ExactRound {
        k,
        candidate_pairs: instance.pairs.len(),
        matched: solution.matched_mentees,
        total_score: solution.total_score,
        uncertified,
        solve_seconds,
    })
}

/// Bytes per candidate pair in an exact round at its peak: the scored pair (16), the
/// solver's arc list (16) and graph (13), and the certificate's sorted copy (4), rounded up.
const EXACT_BYTES_PER_PAIR: f64 = 56.0;

/// The independent proof, doubling the candidates from `2 k` until the certificate holds;
/// refused (with why) before a round that would not fit in the memory available.
fn exact(p: &BenchMatch, mentees: &[Features], mentors: &[Features]) -> Value {
    let mut k = (p.k.max(1) * 2).min(mentors.len().max(1));
    loop {
        let pairs = (mentees.len() * k.min(mentors.len())) as f64;
        let need_mib = pairs * EXACT_BYTES_PER_PAIR / 1_048_576.0 + rss_mib();
        let available = available_mib();
        if need_mib > available {
            let why = format!(
                "the exact comparison needs about {:.1} GiB at {k} candidates per mentee \
                 ({pairs:.0} pairs) and {:.1} GiB is available; run without --compare-exact \
                 or with fewer people",
                need_mib / 1024.0,
                available / 1024.0
            );
            eprintln!("tandem: {why}");
            return json!({ "refused": why });
        }
        let t = Instant::now();
        let round = match exact_round(p, mentees, mentors, k) {
            Ok(r) => r,
            Err(e) => return json!({ "error": e.0 }),
        };
        if round.uncertified == 0 || k >= mentors.len() {
            return json!({
                "candidates_per_mentee": round.k,
                "candidate_pairs": round.candidate_pairs,
                "matched": round.matched,
                "total_score": round.total_score,
                "certified_optimal": round.uncertified == 0,
                "solve_seconds": secs(round.solve_seconds),
                "round_seconds": secs(t.elapsed().as_secs_f64()),
                "peak_rss_mib": peak_rss_mib(),
            });
        }
        k = (k * 2).min(mentors.len());
    }
}

/// The memory the system could give without swapping (`MemAvailable`), in MiB; unlimited
/// where it cannot be read.
fn available_mib() -> f64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::INFINITY, |kb| kb / 1024.0)
}

/// A decline after the timed run: the first match is refused and its mentee matched
/// again, every other match staying as it is. Locally: only the free mentees (the freed one
/// and any left unmatched) against the mentors with room, by the product path; in full: the
/// whole instance again with every other match fixed (and every pair of a free mentee to a
/// mentor with room, so pruning handicaps neither). Both must agree.
fn rematch(p: &BenchMatch, mentees: &[Features], mentors: &[Features], fast: &Widened) -> Value {
    let Some(declined) = fast.solution.assignments.first().copied() else {
        return json!(null);
    };
    let model = model();
    let kept: Vec<Pair> = fast
        .solution
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
    let capacity = |j: usize| fast.instance.mentors[j].capacity;
    let free: Vec<usize> = (0..mentees.len()).filter(|&i| !matched[i]).collect();
    let room: Vec<usize> = (0..mentors.len())
        .filter(|&j| used[j] < capacity(j))
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
    let local_people = Instance {
        mentors: room
            .iter()
            .map(|&j| MentorNode {
                id: format!("mentor-{j}"),
                capacity: capacity(j) - used[j],
            })
            .collect(),
        mentees: free
            .iter()
            .map(|&i| MenteeNode {
                id: format!("mentee-{i}"),
                slots: 1,
            })
            .collect(),
        pairs: vec![],
    };
    let Ok(local) = solve_widening(
        &model,
        &local_e,
        &local_m,
        local_people,
        p.k.max(1),
        &forbidden,
        p.objective,
        p.widen,
        1,
    ) else {
        return json!(null);
    };
    let local = local.solution;
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

/// Generates the cohort and plans it by the product path (candidates from the mentor
/// index, solved, widened where the certificate asks; timed), then a decline, and with
/// `exact` the independent proof; returns the figures as one JSON object.
pub fn bench_match(p: &BenchMatch) -> Result<Value, InstanceError> {
    let start = Instant::now();
    let (mentees, mentors) = population(p.seed, p.mentees, p.mentors);
    let generate_seconds = start.elapsed().as_secs_f64();
    let model = model();
    let t = Instant::now();
    let fast = solve_widening(
        &model,
        &mentees,
        &mentors,
        people(p, mentees.len(), mentors.len()),
        p.k.max(1),
        &HashSet::new(),
        p.objective,
        p.widen,
        p.threads,
    )?;
    let timed_seconds = t.elapsed().as_secs_f64();
    let fast_rss = peak_rss_mib();
    if let Some(path) = &p.write_instance {
        write_instance(&fast.instance, path)
            .map_err(|e| InstanceError(format!("writing {}: {e}", path.display())))?;
    }
    let baseline = greedy(&fast.instance);
    let mut figures = json!({
        "mentees": p.mentees,
        "mentors": p.mentors,
        "capacity": p.capacity,
        "seed": p.seed,
        "objective": objective_name(p.objective),
        "threads": p.threads,
        "feasible_pairs": fast.feasible_pairs,
        "candidates_per_mentee": p.k.max(1),
        "candidate_pairs": fast.instance.pairs.len(),
        "widened_pairs": fast.added_pairs,
        "rounds": fast.rounds,
        "matched": fast.solution.matched_mentees,
        "total_score": fast.solution.total_score,
        "greedy_matched": baseline.matched_mentees,
        "greedy_total_score": baseline.total_score,
        "generate_seconds": secs(generate_seconds),
        "score_seconds": secs(fast.candidate_seconds),
        "solve_seconds": secs(fast.solve_seconds),
        "certify_seconds": secs(fast.certify_seconds),
        "total_seconds": secs(timed_seconds),
        "peak_rss_mib": fast_rss,
        "widen": match p.widen {
            Widen::All => "all",
            Widen::Count => "count",
        },
        // Widening stops only when none is left: no pruned pair could match one more, and
        // with `--widen all` none could improve the plan at all.
        "certified_count": true,
        "certified_optimal": p.widen == Widen::All || p.objective == Objective::Score,
    });
    figures["rematch"] = rematch(p, &mentees, &mentors, &fast);
    if p.exact {
        drop(fast);
        let exact = exact(p, &mentees, &mentors);
        if let (Some(m), Some(s)) = (exact["matched"].as_u64(), exact["total_score"].as_i64()) {
            figures["matched_equals_optimum"] = json!(figures["matched"].as_u64() == Some(m));
            let fast_total = figures["total_score"].as_i64().unwrap_or(0);
            let ratio = if s == 0 {
                1.0
            } else {
                fast_total as f64 / s as f64
            };
            figures["score_ratio"] = json!((ratio * 1e6).round() / 1e6);
        }
        figures["exact"] = exact;
    }
    Ok(figures)
}

/// Writes `instance` in the JSON form `tandem match solve` reads, a pair at a time (the
/// whole document as `serde_json::Value`s would take several times the instance).
fn write_instance(instance: &Instance, path: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    let people = |w: &mut dyn Write, nodes: &mut dyn Iterator<Item = Value>| {
        for (i, node) in nodes.enumerate() {
            write!(w, "{}{node}", if i == 0 { "" } else { "," })?;
        }
        Ok::<(), std::io::Error>(())
    };
    write!(w, "{{\"mentors\":[")?;
    people(
        &mut w,
        &mut instance
            .mentors
            .iter()
            .map(|m| json!({"id": m.id, "capacity": m.capacity})),
    )?;
    write!(w, "],\n\"mentees\":[")?;
    people(
        &mut w,
        &mut instance
            .mentees
            .iter()
            .map(|m| json!({"id": m.id, "slots": m.slots})),
    )?;
    write!(w, "],\n\"pairs\":[")?;
    for (i, p) in instance.pairs.iter().enumerate() {
        let (e, m) = (
            &instance.mentees[p.mentee as usize].id,
            &instance.mentors[p.mentor as usize].id,
        );
        // Ids are written as JSON strings (escaped) by serde_json.
        write!(
            w,
            "{}{{\"mentee\":{},\"mentor\":{},\"score\":{}}}",
            if i == 0 { "" } else { ",\n" },
            Value::from(e.as_str()),
            Value::from(m.as_str()),
            p.score
        )?;
    }
    writeln!(w, "]}}")?;
    w.flush()
}

/// Solves an instance given as JSON; returns the figures and the assignment document. The
/// text is dropped once read, before solving. `greedy` adds the greedy baseline's figures.
pub fn solve_instance(
    text: String,
    objective: Objective,
    greedy_too: bool,
) -> Result<(Value, Value), InstanceError> {
    let start = Instant::now();
    let instance = Instance::from_json(&text)?;
    drop(text);
    let read_seconds = start.elapsed().as_secs_f64();
    let t = Instant::now();
    let solution = solve(&instance, objective, &Decisions::default())?;
    let solve_seconds = t.elapsed().as_secs_f64();
    let mut matched = vec![false; instance.mentees.len()];
    for a in &solution.assignments {
        matched[a.mentee as usize] = true;
    }
    let mut figures = json!({
        "mentees": instance.mentees.len(),
        "mentors": instance.mentors.len(),
        "pairs": instance.pairs.len(),
        "objective": objective_name(objective),
        "matched": solution.matched_mentees,
        "assignments": solution.assignments.len(),
        "total_score": solution.total_score,
        "read_seconds": secs(read_seconds),
        "solve_seconds": secs(solve_seconds),
    });
    if greedy_too {
        let baseline = greedy(&instance);
        figures["greedy_matched"] = json!(baseline.matched_mentees);
        figures["greedy_total_score"] = json!(baseline.total_score);
    }
    figures["total_seconds"] = json!(secs(start.elapsed().as_secs_f64()));
    figures["peak_rss_mib"] = json!(peak_rss_mib());
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
    status_mib("VmHWM:")
}

/// The process's current resident memory, from `/proc/self/status` (Linux); 0 elsewhere.
pub fn rss_mib() -> f64 {
    status_mib("VmRSS:")
}

/// A memory figure of `/proc/self/status` (in kB there), in MiB to one decimal.
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| (kb / 1024.0 * 10.0).round() / 10.0)
        .unwrap_or(0.0)
}

/// The database a benchmark runs on: `given`, or a new SQLite file in the temporary
/// folder (its path returned too, for [`remove_database`]).
fn database(given: Option<&String>, bench: &str) -> (String, Option<std::path::PathBuf>) {
    match given {
        Some(url) => (url.clone(), None),
        None => {
            let path = std::env::temp_dir().join(format!(
                "tandem-bench-{bench}-{}-{}.db",
                std::process::id(),
                chrono::Utc::now().timestamp_micros()
            ));
            (crate::config::sqlite_url(&path), Some(path))
        }
    }
}

/// Removes a temporary SQLite database made by [`database`], with its journal files.
fn remove_database(file: Option<std::path::PathBuf>) {
    if let Some(path) = file {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}

/// Parameters of `tandem bench scheduler`.
#[derive(Debug, Clone)]
pub struct BenchScheduler {
    pub jobs: usize,
    /// The jobs' due times are spread evenly over this window (zero: all due at once).
    pub window: std::time::Duration,
    /// A database URL; default: a new SQLite file in the temporary folder.
    pub database: Option<String>,
}

/// Counts every firing of every job and how late it was.
struct CountingSink {
    fired: Vec<std::sync::atomic::AtomicU32>,
    lateness_us: Vec<std::sync::atomic::AtomicU64>,
    last_fire: std::sync::Mutex<Option<Instant>>,
}

#[async_trait::async_trait]
impl crate::app::scheduler::JobRunner for CountingSink {
    async fn run(&self, job: &crate::domain::schedule::Job) -> crate::app::scheduler::JobOutcome {
        use std::sync::atomic::Ordering;
        let now = chrono::Utc::now();
        if let Ok(i) = job.payload.parse::<usize>()
            && i < self.fired.len()
        {
            // The first firing's lateness is what a person would notice.
            if self.fired[i].fetch_add(1, Ordering::Relaxed) == 0 {
                let late = (now - job.due_at).num_microseconds().unwrap_or(0).max(0);
                self.lateness_us[i].store(late as u64, Ordering::Relaxed);
            }
        }
        *self.last_fire.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        crate::app::scheduler::JobOutcome::Done
    }
}

/// Schedules `jobs` nudges due inside the window into a counting sink, runs the real
/// scheduler on the real database until all have fired, and reports the figures.
pub async fn bench_scheduler(p: &BenchScheduler) -> anyhow::Result<Value> {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;

    use crate::app::scheduler::{Scheduler, SchedulerOptions};
    use crate::app::{Clock, SystemClock};
    use crate::domain::schedule::NewJob;
    use crate::storage::Store;

    let (url, file) = database(p.database.as_ref(), "scheduler");
    let store = Store::open(&url).await?;
    // The sink's counters exist before the baseline, so they are not counted as the
    // scheduler's memory.
    let sink = Arc::new(CountingSink {
        fired: (0..p.jobs).map(|_| Default::default()).collect(),
        lateness_us: (0..p.jobs).map(|_| Default::default()).collect(),
        last_fire: std::sync::Mutex::new(None),
    });
    let rss_before = rss_mib();

    // Due times start after a margin long enough to store them all first.
    let margin = chrono::Duration::milliseconds(1500 + (p.jobs as i64) / 20);
    let start = chrono::Utc::now() + margin;
    let window_us = p.window.as_micros() as i64;
    let scheduling = Instant::now();
    let mut batch = Vec::with_capacity(1_000);
    for i in 0..p.jobs {
        let offset = if p.jobs > 1 {
            window_us * i as i64 / (p.jobs as i64 - 1)
        } else {
            0
        };
        batch.push(NewJob {
            kind: "bench".into(),
            subject: format!("bench:{i}"),
            due_at: start + chrono::Duration::microseconds(offset),
            payload: i.to_string(),
            platform: None,
        });
        if batch.len() == 1_000 || i + 1 == p.jobs {
            store.schedule_jobs(&batch, chrono::Utc::now()).await?;
            batch.clear();
        }
    }
    drop(batch);
    let schedule_ms = scheduling.elapsed().as_millis();
    let rss_pending = rss_mib();

    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let scheduler = Scheduler::new(
        store.clone(),
        clock,
        sink.clone(),
        SchedulerOptions {
            worker: "bench".into(),
            // SQLite: small batches keep memory flat; PostgreSQL: each claim and completion
            // is a round trip to the server, so larger batches pay.
            batch: match store.backend() {
                crate::storage::Backend::Sqlite => 250,
                crate::storage::Backend::Postgres => 1000,
            },
            max_idle: std::time::Duration::from_millis(200),
            ..SchedulerOptions::default()
        },
    );
    let task = tokio::spawn({
        let s = scheduler.clone();
        async move { s.run().await }
    });
    let deadline =
        Instant::now() + p.window + std::time::Duration::from_secs(120) + margin.to_std()?;
    let all_fired = || sink.fired.iter().all(|f| f.load(Ordering::Relaxed) > 0);
    while !all_fired() && Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // A little longer, so a duplicate firing would be seen.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    scheduler.stop();
    let _ = task.await;
    let rss_after = rss_mib();

    let fired: Vec<u32> = sink
        .fired
        .iter()
        .map(|f| f.load(Ordering::Relaxed))
        .collect();
    let missed = fired.iter().filter(|&&f| f == 0).count();
    let duplicates: u64 = fired.iter().map(|&f| u64::from(f.saturating_sub(1))).sum();
    let mut lateness: Vec<u64> = sink
        .lateness_us
        .iter()
        .zip(&fired)
        .filter(|(_, f)| **f > 0)
        .map(|(l, _)| l.load(Ordering::Relaxed))
        .collect();
    lateness.sort_unstable();
    let pct = |q: f64| -> f64 {
        if lateness.is_empty() {
            return 0.0;
        }
        let i = ((lateness.len() as f64 - 1.0) * q).round() as usize;
        (lateness[i] as f64 / 100.0).round() / 10.0
    };
    // Throughput from the first due time to the last firing.
    let first_due_to_last_fire = sink
        .last_fire
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .map(|t| t.saturating_duration_since(scheduling + margin.to_std().unwrap_or_default()))
        .unwrap_or_default()
        .as_secs_f64();
    let counts = store.job_counts().await?;
    store.close().await;
    remove_database(file);
    let fired_total = fired.iter().filter(|&&f| f > 0).count();
    Ok(json!({
        "jobs": p.jobs,
        "window_s": p.window.as_secs_f64(),
        "database": if p.database.is_some() { "given" } else { "sqlite (temporary file)" },
        "schedule_ms": schedule_ms as u64,
        "fired": fired_total,
        "duplicates": duplicates,
        "missed": missed,
        "done_in_database": counts.done,
        "lateness_p50_ms": pct(0.50),
        "lateness_p99_ms": pct(0.99),
        "lateness_max_ms": pct(1.0),
        "fires_per_second": if first_due_to_last_fire > 0.0 { (fired_total as f64 / first_due_to_last_fire).round() } else { 0.0 },
        "rss_before_mib": rss_before,
        "rss_pending_mib": rss_pending,
        "rss_after_mib": rss_after,
    }))
}
