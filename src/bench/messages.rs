//! `tandem bench messages`: the message path measured as a platform drives it.
//!
//! N people apply to the bundled example programme, each typing the sixteen messages of a
//! mentee's application, through the real [`App`] (`receive_event`: routing, rate limits,
//! the exactly-once record of the event, the step, its commit and the delivery of its acts)
//! on a real database, with the recording platform in place of a chat server. People type
//! `concurrency` at a time, each in order. It prints one JSON object: messages per
//! CPU-second of the whole process (every thread, the database's included), the step
//! latency (p50, p99, max), SQL statements per message (counted from the statement log
//! of sqlx and of SQLite's local connections: see [`StatementCounter`]) and peak memory. Every application must be stored at the
//! end, or the run fails: a fast path that loses answers measures nothing.
//!
//! Then (`chatter`, unless 0) the applicants are paired two by two, each pair with an
//! active match and a pair room (set up directly in storage: the activity path needs no
//! mentor's application nor a real room), and each pair writes `chatter` messages in its
//! room, the two members in turn, by the same `receive_event`. Only their times are
//! noted; the figures include writing them (the flush at the end), and the run fails
//! unless every pair's activity is on record.
//!
//! To measure another path (staff commands), add its script beside [`MENTEE`] and a flag
//! choosing it; keep the figures' names.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tracing::Subscriber;
use tracing_subscriber::Layer;

use crate::app::{App, AppSettings, Ports, SystemClock};
use crate::chat::{Content, Inbound};
use crate::domain::{EventRef, Place, Platform, UserRef};
use crate::platforms::recording::Recording;
use crate::storage::Store;

/// The bundled example programme, which the script answers.
const EXAMPLE: &str = include_str!("../../config/programs/example.toml");

/// A mentee's application to the example programme, from `apply` to `submit`.
pub const MENTEE: &[&str] = &[
    "apply",
    "mentee",
    "Amina",
    "19",
    "Africa/Nairobi",
    "English, Swahili",
    "2",
    "1, 3",
    "1 2",
    "yes",
    "I volunteered at the library homework club for a year.",
    "I want a CV I'm proud of and my first job in tech.",
    "3",
    "skip",
    "I agree",
    "submit",
];

/// Parameters of `tandem bench messages`.
#[derive(Debug, Clone)]
pub struct BenchMessages {
    pub people: usize,
    /// How many people type at the same time.
    pub concurrency: usize,
    /// How long each takes between two messages (zero: none).
    pub pause: Duration,
    /// Messages each pair writes in its pair room after applying.
    pub chatter: usize,
    /// Database URL; `None`: a temporary SQLite file.
    pub database: Option<String>,
}

/// SQL statements run so far by this process, counted by [`StatementCounter`].
static STATEMENTS: AtomicU64 = AtomicU64::new(0);

/// A logging layer that counts statement events (sqlx's, target `sqlx::query`, and those of
/// SQLite's local connections, `tandem::statement`: one per statement run); installed only
/// for `tandem bench messages` (see `cli`).
pub struct StatementCounter;

impl<S: Subscriber> Layer<S> for StatementCounter {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if matches!(
            event.metadata().target(),
            "sqlx::query" | "tandem::statement"
        ) {
            STATEMENTS.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The filter [`StatementCounter`] is installed with: sqlx's statements, at the level it
/// logs them.
pub fn statement_filter() -> tracing_subscriber::filter::Targets {
    tracing_subscriber::filter::Targets::new()
        .with_target("sqlx::query", tracing::Level::TRACE)
        .with_target("tandem::statement", tracing::Level::TRACE)
}

/// CPU time of the whole process (user and system, every thread) so far, to the
/// nanosecond (`/proc`'s ticks of 10 ms are too coarse for the pair-room phase).
#[cfg(unix)]
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: the call only writes the timespec it is given, which lives on this stack.
    let done = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if done == 0 {
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    } else {
        0.0
    }
}

#[cfg(not(unix))]
fn cpu_seconds() -> f64 {
    0.0
}

pub async fn bench_messages(p: &BenchMessages) -> anyhow::Result<Value> {
    let (url, file) = super::database(p.database.as_ref(), "messages");
    let figures = run(p, &url).await;
    super::remove_database(file);
    figures
}

async fn run(p: &BenchMessages, url: &str) -> anyhow::Result<Value> {
    // With a case key, as every deployment has one: each step then also reads the
    // person's recent reports (the daily report limit).
    let key = crate::storage::Sealer::from_text(&crate::storage::Sealer::generate_text()?)?;
    let store = Store::open(url).await?.with_case_key(key);
    let programme = crate::config::parse_programme(
        std::path::Path::new("config/programs/example.toml"),
        EXAMPLE,
    )
    .map_err(|e| anyhow::anyhow!("the bundled example programme: {e}"))?;
    let slug = programme.slug.clone();
    let recording = Recording::new();
    let app = App::new(
        store.clone(),
        vec![programme],
        Ports {
            dm: Arc::new(recording.clone()),
            rooms: Arc::new(recording.clone()),
            provisioner: Arc::new(recording.clone()),
        },
        Arc::new(SystemClock),
        AppSettings::default(),
    );
    // A run id keeps people and events apart from an earlier run on the same database.
    let run = chrono::Utc::now().timestamp_micros();
    let backend = format!("{:?}", store.backend()).to_lowercase();

    let statements_before = STATEMENTS.load(Ordering::Relaxed);
    let flushes_before = store.log_flushes();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::with_capacity(p.people * MENTEE.len());
    let mut next = 0;
    while next < p.people {
        let batch = (next..(next + p.concurrency).min(p.people)).map(|i| {
            let app = app.clone();
            // Spread over one pause, so that people typing at their pace do not all
            // send at the same instant.
            let start = p.pause.mul_f64((i - next) as f64 / p.concurrency as f64);
            let pause = p.pause;
            tokio::spawn(async move {
                tokio::time::sleep(start).await;
                person(&app, run, i, pause).await
            })
        });
        for task in futures_util::future::join_all(batch.collect::<Vec<_>>()).await {
            latencies.extend(task?);
        }
        // What the recording platform kept is not the path's memory.
        recording.take();
        next += p.concurrency;
    }
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let statements = STATEMENTS.load(Ordering::Relaxed) - statements_before;
    let flushes = store
        .log_flushes()
        .zip(flushes_before)
        .map(|(after, before)| after - before);

    let stored = store
        .applications_in(std::slice::from_ref(&slug))
        .await?
        .into_iter()
        .filter(|(_, user)| user.id.ends_with(&format!(":bench{run}")))
        .count();
    anyhow::ensure!(
        stored == p.people,
        "only {stored} of {} applications were stored: the path lost answers",
        p.people
    );
    latencies.sort();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let messages = latencies.len();
    let chatter = if p.chatter > 0 {
        chatter(p, &app, &store, &slug, run).await?
    } else {
        json!(null)
    };
    Ok(json!({
        "bench": "messages",
        "database": backend,
        "people": p.people,
        "concurrency": p.concurrency,
        "pause_ms": p.pause.as_millis() as u64,
        "messages": messages,
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 2),
        "messages_per_cpu_second": if cpu > 0.0 { round(messages as f64 / cpu, 0) } else { 0.0 },
        "messages_per_second": round(messages as f64 / wall, 0),
        "step_ms": { "p50": round(at(0.5), 3), "p99": round(at(0.99), 3), "max": round(at(1.0), 3) },
        "statements_per_message": round(statements as f64 / messages.max(1) as f64, 1),
        // SQLite: flushes of its log to disk (steps committed together share one).
        "log_flushes_per_message": flushes.map(|f| round(f as f64 / messages.max(1) as f64, 2)),
        "applications_stored": stored,
        "peak_rss_mib": super::peak_rss_mib(),
        "chatter": chatter,
    }))
}

/// The pair-room phase: the applicants paired two by two, `p.chatter` messages per pair.
async fn chatter(
    p: &BenchMessages,
    app: &App,
    store: &Store,
    slug: &str,
    run: i64,
) -> anyhow::Result<Value> {
    use crate::domain::matches::{MatchStatus, NewMatch};
    use crate::flows::{Effect, StateChange};
    let tag = format!(":bench{run}");
    let mut applicants: Vec<(i64, UserRef)> = store
        .applications_in(&[slug.to_string()])
        .await?
        .into_iter()
        .filter(|(_, user)| user.id.ends_with(&tag))
        .map(|(a, user)| (a.id, user))
        .collect();
    applicants.sort();
    let pairs: Vec<[(i64, UserRef); 2]> = applicants
        .chunks_exact(2)
        .map(|two| [two[0].clone(), two[1].clone()])
        .collect();
    let staff = UserRef::new(Platform::Console, "bench");
    let now = chrono::Utc::now();
    let stored = Effect::StoreMatches(
        pairs
            .iter()
            .map(|[a, b]| NewMatch {
                programme: slug.to_string(),
                mentee_application: a.0,
                mentor_application: b.0,
                score: 0,
                reasons: vec![],
                origin: Default::default(),
            })
            .collect(),
    );
    let unchanged = StateChange::Unchanged;
    store
        .commit_step(&staff, None, &unchanged, &[stored], now)
        .await?;
    let mut rooms = Vec::new();
    let mut started = Vec::new();
    for m in store.matches_in(slug).await? {
        if let Some([a, b]) = pairs.iter().find(|[a, _]| a.0 == m.mentee_application) {
            started.push(Effect::MoveMatch {
                match_id: m.id,
                from: MatchStatus::Proposed,
                to: MatchStatus::Active,
                by: staff.to_string(),
                deadline: None,
            });
            let room = format!("!pair{}{tag}", m.id);
            store.set_match_room(m.id, &room).await?;
            rooms.push((m.id, room, [a.1.clone(), b.1.clone()]));
        }
    }
    store
        .commit_step(&staff, None, &unchanged, &started, now)
        .await?;

    let statements_before = STATEMENTS.load(Ordering::Relaxed);
    let cpu_before = cpu_seconds();
    let began = Instant::now();
    let mut sent = 0usize;
    for n in 0..p.chatter {
        for (_, room, members) in &rooms {
            let inbound = Inbound {
                from: members[n % 2].clone(),
                place: Place::Room(crate::domain::RoomRef::new(Platform::Matrix, room.clone())),
                content: Content::Text("Shall we meet on Thursday at six?".to_string()),
                files: vec![],
            };
            let event = EventRef::new(Platform::Matrix, format!("$chat{run}-{room}-{n}"));
            app.receive_event(event, inbound).await;
            sent += 1;
        }
    }
    // Writing what was noted is part of the cost (the scheduler's loop does it in a run).
    let written = store.flush_pair_activity().await?;
    let wall = began.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let statements = STATEMENTS.load(Ordering::Relaxed) - statements_before;
    let ours: Vec<i64> = rooms.iter().map(|(id, _, _)| *id).collect();
    let with_activity = store
        .pair_quiet()
        .await?
        .into_iter()
        .filter(|q| ours.contains(&q.match_id) && q.last_activity.is_some())
        .count();
    anyhow::ensure!(
        with_activity == rooms.len(),
        "only {with_activity} of {} pairs have their activity on record: the path lost it",
        rooms.len()
    );
    Ok(json!({
        "rooms": rooms.len(),
        "messages": sent,
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "messages_per_cpu_second": if cpu > 0.0 { round(sent as f64 / cpu, 0) } else { 0.0 },
        "statements_per_message": round(statements as f64 / sent.max(1) as f64, 4),
        "activity_rows_written": written,
        "pairs_with_activity": with_activity,
    }))
}

/// `x` rounded to `places` decimals, for the printed figures.
fn round(x: f64, places: i32) -> f64 {
    (x * 10f64.powi(places)).round() / 10f64.powi(places)
}

/// One person's application, message by message, each timed from arrival to its acts sent.
async fn person(app: &App, run: i64, i: usize, pause: Duration) -> Vec<Duration> {
    let from = UserRef::new(Platform::Matrix, format!("@p{i}:bench{run}"));
    let mut times = Vec::with_capacity(MENTEE.len());
    for (n, text) in MENTEE.iter().enumerate() {
        let inbound = Inbound {
            from: from.clone(),
            place: Place::Dm,
            content: Content::Text((*text).to_string()),
            files: vec![],
        };
        let event = EventRef::new(Platform::Matrix, format!("$bench{run}-{i}-{n}"));
        if n > 0 && !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        let started = Instant::now();
        app.receive_event(event, inbound).await;
        times.push(started.elapsed());
    }
    times
}
