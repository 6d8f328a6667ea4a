//! Chaos: the `tandem` console process killed with SIGKILL at random points of whole
//! journeys, and started again, until each journey is through; then what people received
//! is compared with an undisturbed run.
//!
//! The console plays the platform: each message line is an event (`--resume`: handled
//! once across runs, as a chat server's event ids are), and every message it prints
//! carries its idempotency key (`--keys`), which a chat server uses to drop a repeat, so
//! the test drops repeats of a key too. What is left must be exactly what the undisturbed
//! run printed: nothing lost, nothing twice (the same answer under two keys would be a
//! real double). Scheduled sends (milestones, check-ins, reminders: keys starting `job-`)
//! are counted apart as nudges. The figures are printed (`--nocapture` shows them).
//!
//! `TANDEM_CHAOS_KILLS` sets how many kills in all (200 by default); `TANDEM_CHAOS_SEED`
//! replays a run's kill points, as shares of the time a whole run takes (a failure names
//! its seed; timing varies, so a replay comes close rather than exact).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::repo_root;

/// One journey: a fixture, the settings it needs and where its clock starts.
struct Journey {
    fixture: &'static str,
    config: Option<&'static str>,
    start: &'static str,
}

const JOURNEYS: [Journey; 2] = [
    // Applications, screening, matching, a pair room, six months of milestones and
    // check-ins across the change to summer time, an event, the survey and the closure.
    Journey {
        fixture: "tests/fixtures/six_month_plan.txt",
        config: None,
        start: "2027-01-11T09:00:00Z",
    },
    // An anonymous report from a pair room to its resolution: the case card, the on-call
    // ping, questions to the reporter, a freeze.
    Journey {
        fixture: "tests/fixtures/incident_demo.txt",
        config: Some("config/tandem.example.toml"),
        start: "2027-01-11T09:00:00Z",
    },
];

/// Runs the console over `script` on `db`; kills it after `kill_after` if given. Returns
/// its output and whether it ran to the end.
fn run(journey: &Journey, db: &str, script: &str, kill_after: Option<Duration>) -> (String, bool) {
    let mut args = vec![];
    if let Some(config) = journey.config {
        args.extend(["--config", config]);
    }
    args.extend([
        "console",
        "--database",
        db,
        "--start",
        journey.start,
        "--resume",
        "--keys",
    ]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(&args)
        .current_dir(repo_root())
        .env_remove("TANDEM_CONFIG")
        .env_remove("TANDEM_DATABASE_URL")
        .env("TANDEM_CASE_KEY", "3b".repeat(32))
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tandem");
    let mut stdin = child.stdin.take().unwrap();
    let script = script.to_string();
    // A writer of its own: a kill closes the pipe under it.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(script.as_bytes());
    });
    let mut killed = false;
    if let Some(after) = kill_after {
        let started = Instant::now();
        while started.elapsed() < after {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed = true;
        }
    }
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let finished = !killed && out.status.success();
    (String::from_utf8_lossy(&out.stdout).into_owned(), finished)
}

/// The blocks a platform would show: `(key, target, text)`, continuation lines joined.
fn blocks(output: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("  ") {
            if let Some(last) = out.last_mut() {
                last.2.push('\n');
                last.2.push_str(rest);
            }
            continue;
        }
        // `<key> [dm amina] text`; `[clock]` and `[job]` lines carry no key: not messages.
        let Some((key, rest)) = line.split_once(' ') else {
            continue;
        };
        if key.starts_with('[') || !rest.starts_with('[') {
            continue;
        }
        let Some((target, text)) = rest[1..].split_once("] ") else {
            continue;
        };
        out.push((key.to_string(), target.to_string(), text.to_string()));
    }
    // Where a file was saved names the run's database: not part of what was sent.
    for block in &mut out {
        while let Some(at) = block.2.find(", saved as ") {
            let end = block.2[at..].find(')').map_or(block.2.len(), |e| at + e);
            block.2.replace_range(at..end, "");
        }
    }
    out
}

#[derive(Default, Debug)]
struct Tally {
    expected: usize,
    delivered: usize,
    lost: usize,
    doubled: usize,
    /// What was lost or doubled, with the journey's kill points, for the failure message.
    what: Vec<String>,
}

/// Compares what a disturbed run delivered (repeats of a key dropped) with the
/// undisturbed one, by target and text, answers and nudges apart.
fn compare(reference: &str, chaos: &str, answers: &mut Tally, nudges: &mut Tally) {
    let count = |output: &str, dedup: bool| {
        let mut seen = HashSet::new();
        let mut counts: [HashMap<(String, String), usize>; 2] = Default::default();
        for (key, target, text) in blocks(output) {
            if dedup && !seen.insert(key.clone()) {
                continue;
            }
            let nudge = usize::from(key.starts_with("job-"));
            *counts[nudge].entry((target, text)).or_default() += 1;
        }
        counts
    };
    let expected = count(reference, false);
    let got = count(chaos, true);
    for (i, tally) in [answers, nudges].into_iter().enumerate() {
        tally.expected += expected[i].values().sum::<usize>();
        tally.delivered += got[i].values().sum::<usize>();
        for (block, n) in &expected[i] {
            let m = got[i].get(block).copied().unwrap_or(0);
            if m < *n {
                tally.lost += n - m;
                tally.what.push(format!("LOST {block:?}"));
            }
        }
        for (block, m) in &got[i] {
            let n = expected[i].get(block).copied().unwrap_or(0);
            if *m > n {
                tally.doubled += m - n;
                tally.what.push(format!("DOUBLED {block:?}"));
            }
        }
    }
}

#[test]
fn killing_the_console_at_random_points_loses_no_answer_and_doubles_none() {
    let kills_wanted: usize = std::env::var("TANDEM_CHAOS_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let first_seed: u64 = std::env::var("TANDEM_CHAOS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_u64 ^ u64::from(std::process::id()));
    let mut seed = first_seed;
    let mut random = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below.max(1)
    };
    let (mut answers, mut nudges) = (Tally::default(), Tally::default());
    let (mut kills, mut runs, mut messages_sent) = (0usize, 0usize, 0usize);
    let mut journeys_done = 0usize;
    while kills < kills_wanted || journeys_done < JOURNEYS.len() {
        let journey = &JOURNEYS[journeys_done % JOURNEYS.len()];
        let script = std::fs::read_to_string(repo_root().join(journey.fixture)).unwrap();
        let messages = script
            .lines()
            .filter(|l| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#') && !t.starts_with(':')
            })
            .count();
        let reference_db = dir.path().join(format!("ref-{journeys_done}.db"));
        let started = Instant::now();
        let (reference, finished) =
            run(journey, &reference_db.display().to_string(), &script, None);
        assert!(
            finished,
            "the undisturbed run of {} finished",
            journey.fixture
        );
        let span = started.elapsed().as_millis() as u64;

        let chaos_db = dir.path().join(format!("chaos-{journeys_done}.db"));
        let chaos_db = chaos_db.display().to_string();
        let mut chaos = String::new();
        loop {
            // Kill at a random point of what a whole run takes, until enough kills; then
            // let it finish.
            // Early points are as telling as late ones and cheaper: a third of a run.
            let kill_after = (kills < kills_wanted)
                .then(|| Duration::from_millis((span / 3 + 20) * random(1000) / 1000));
            let (out, finished) = run(journey, &chaos_db, &script, kill_after);
            runs += 1;
            chaos.push_str(&out);
            if finished {
                break;
            }
            kills += 1;
        }
        messages_sent += messages;
        compare(&reference, &chaos, &mut answers, &mut nudges);
        journeys_done += 1;
    }
    println!(
        "chaos (seed {first_seed}): {journeys_done} journeys, {runs} runs, {kills} kills (SIGKILL); messages sent {messages_sent}; \
         answers expected {}, delivered {}, lost {}, doubled {}; nudges due {}, fired {}, missed {}, doubled {}",
        answers.expected,
        answers.delivered,
        answers.lost,
        answers.doubled,
        nudges.expected,
        nudges.delivered,
        nudges.lost,
        nudges.doubled
    );
    assert!(kills >= kills_wanted);
    assert!(nudges.expected > 0, "the journeys have milestones");
    let replay = format!("replay with TANDEM_CHAOS_SEED={first_seed}");
    assert_eq!(
        (answers.lost, answers.doubled),
        (0, 0),
        "{answers:?}; {replay}"
    );
    assert_eq!(
        (nudges.lost, nudges.doubled),
        (0, 0),
        "{nudges:?}; {replay}"
    );
}
