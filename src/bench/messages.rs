//! `tandem bench messages`: the message path measured as a platform drives it.
//!
//! N people apply to the bundled example programme, each typing the sixteen messages of a
//! mentee's application, through the real [`App`] (`receive_event`: routing, rate limits,
//! the exactly-once record of the event, the step, its commit and the delivery of its acts)
//! on a real database, with the recording platform in place of a chat server. People type
//! `concurrency` at a time, each in order. It prints one JSON object: messages per
//! CPU-second of the whole process (every thread, the database's included), the step
//! latency (p50, p99, max), SQL statements per message (counted from sqlx's own statement
//! log: see [`StatementCounter`]) and peak memory. Every application must be stored at the
//! end, or the run fails: a fast path that loses answers measures nothing.
//!
//! To measure another path (pair-room chatter, staff commands), add its script beside
//! [`MENTEE`] and a flag choosing it; keep the figures' names.

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
    /// Database URL; `None`: a temporary SQLite file.
    pub database: Option<String>,
}

/// SQL statements run so far by this process, counted by [`StatementCounter`].
static STATEMENTS: AtomicU64 = AtomicU64::new(0);

/// A logging layer that counts sqlx's statement events (target `sqlx::query`, one per
/// statement run); installed only for `tandem bench messages` (see `cli`).
pub struct StatementCounter;

impl<S: Subscriber> Layer<S> for StatementCounter {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            STATEMENTS.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The filter [`StatementCounter`] is installed with: sqlx's statements, at the level it
/// logs them.
pub fn statement_filter() -> tracing_subscriber::filter::Targets {
    tracing_subscriber::filter::Targets::new().with_target("sqlx::query", tracing::Level::TRACE)
}

/// CPU time of the whole process (user and system, every thread) so far, from
/// `/proc/self/stat` (Linux; in clock ticks of 1/100 s); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

pub async fn bench_messages(p: &BenchMessages) -> anyhow::Result<Value> {
    let (url, file) = super::database(p.database.as_ref(), "messages");
    let figures = run(p, &url).await;
    super::remove_database(file);
    figures
}

async fn run(p: &BenchMessages, url: &str) -> anyhow::Result<Value> {
    let store = Store::open(url).await?;
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
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::with_capacity(p.people * MENTEE.len());
    let mut next = 0;
    while next < p.people {
        let batch = (next..(next + p.concurrency).min(p.people)).map(|i| {
            let app = app.clone();
            tokio::spawn(async move { person(&app, run, i).await })
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
    let round = |x: f64, places: i32| (x * 10f64.powi(places)).round() / 10f64.powi(places);
    Ok(json!({
        "bench": "messages",
        "database": backend,
        "people": p.people,
        "concurrency": p.concurrency,
        "messages": messages,
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 2),
        "messages_per_cpu_second": if cpu > 0.0 { round(messages as f64 / cpu, 0) } else { 0.0 },
        "messages_per_second": round(messages as f64 / wall, 0),
        "step_ms": { "p50": round(at(0.5), 3), "p99": round(at(0.99), 3), "max": round(at(1.0), 3) },
        "statements_per_message": round(statements as f64 / messages.max(1) as f64, 1),
        "applications_stored": stored,
        "peak_rss_mib": super::peak_rss_mib(),
    }))
}

/// One person's application, message by message, each timed from arrival to its acts sent.
async fn person(app: &App, run: i64, i: usize) -> Vec<Duration> {
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
        let started = Instant::now();
        app.receive_event(event, inbound).await;
        times.push(started.elapsed());
    }
    times
}
