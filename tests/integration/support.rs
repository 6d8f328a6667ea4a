//! Shared test harness: databases on both backends, and the app wired to a recording fake.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use tandem::app::{App, AppSettings, ManualClock, Ports};
use tandem::config;
use tandem::domain::incident::{Moderation, default_categories};
use tandem::domain::{Place, Platform, Programme, RoomRef, UserRef};
use tandem::flows::{Content, Inbound};
use tandem::platforms::recording::{Recording, Sent, Target};
use tandem::storage::{Sealer, Store};

/// Runs each listed test once on SQLite and once on PostgreSQL, as
/// `<name>::on_sqlite` and `<name>::on_postgres`.
macro_rules! both_backends {
    ($(async fn $name:ident($db:ident: TestDb) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                use crate::support::TestDb;

                async fn run($db: TestDb) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    run(TestDb::sqlite()).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    if let Some(db) = TestDb::postgres().await {
                        run(db).await
                    }
                }
            }
        )*
    };
}

/// A fresh, empty database for one test.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = config::sqlite_url(&dir.path().join("test.db"));
        TestDb {
            url,
            _dir: Some(dir),
        }
    }

    /// A new database on the test PostgreSQL server, or `None` when PostgreSQL tests are
    /// explicitly skipped. Without a server and without the skip flag, the test fails: a
    /// silently skipped backend would make a green run mean nothing.
    pub async fn postgres() -> Option<TestDb> {
        let Ok(admin) = std::env::var("TANDEM_TEST_POSTGRES_URL") else {
            if std::env::var("TANDEM_TEST_SKIP_POSTGRES").is_ok_and(|v| v == "1") {
                eprintln!("skipped: TANDEM_TEST_SKIP_POSTGRES=1");
                return None;
            }
            panic!(
                "TANDEM_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL, or set TANDEM_TEST_SKIP_POSTGRES=1 to skip the PostgreSQL half"
            );
        };
        let name = format!(
            "t_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            Utc::now().timestamp_micros() % 1_000_000
        );
        let url = Store::create_postgres_database(&admin, &name)
            .await
            .expect("create a test database");
        Some(TestDb { url, _dir: None })
    }
}

/// How a process that then died put acts in the outbox: held by it for two minutes.
pub fn enqueued_by_a_dead_process(
    base: &'static str,
    now: DateTime<Utc>,
) -> tandem::storage::Enqueue<'static> {
    tandem::storage::Enqueue {
        base,
        worker: "a-process-that-died".into(),
        lease_until: now + chrono::Duration::minutes(2),
        give_up_at: now + chrono::Duration::hours(6),
        stale_at: now + chrono::Duration::hours(24),
        asked_by: None,
        asked_in: None,
        platforms: &[],
        completes: None,
        typed_in: None,
    }
}

impl TestDb {
    /// The same database reached at another address (through a proxy): `host:port`
    /// replaces the server's in the URL.
    pub fn through(&self, address: &str) -> TestDb {
        let (scheme, rest) = self.url.split_once("://").expect("a URL");
        let (user, rest) = rest.split_once('@').expect("a user in the URL");
        let (_, path) = rest.split_once('/').expect("a database in the URL");
        TestDb {
            url: format!("{scheme}://{user}@{address}/{path}"),
            _dir: None,
        }
    }

    /// The server's `host:port`.
    pub fn address(&self) -> String {
        let rest = self.url.split_once('@').expect("a user in the URL").1;
        rest.split_once('/').expect("a database").0.to_string()
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled example programme.
pub fn example_programmes() -> Vec<Programme> {
    programmes_in("config/programs")
}

/// The programmes of a folder of the repository (`tests/fixtures/ranked/programs`).
pub fn programmes_in(dir: &str) -> Vec<Programme> {
    config::load_programmes(&repo_root().join(dir)).expect("programmes")
}

pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-01-11T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The app on a test database, talking to a recording fake, with a manual clock.
pub struct Harness {
    pub app: App,
    pub store: Store,
    pub rec: Recording,
    pub clock: Arc<ManualClock>,
}

impl Harness {
    pub async fn new(db: &TestDb) -> Harness {
        Self::with_recording(db, Recording::new()).await
    }

    pub async fn with_recording(db: &TestDb, rec: Recording) -> Harness {
        Self::build(db, rec, example_programmes(), |_| {}).await
    }

    /// The app with other programmes than the bundled example.
    pub async fn with_programmes(db: &TestDb, programmes: Vec<Programme>) -> Harness {
        Self::build(db, Recording::new(), programmes, |_| {}).await
    }

    /// The app with some of its settings changed.
    pub async fn with_settings(db: &TestDb, change: impl FnOnce(&mut AppSettings)) -> Harness {
        Self::build(db, Recording::new(), example_programmes(), change).await
    }

    /// The app with other programmes, a recording of the test's own, and some of its
    /// settings changed.
    pub async fn build(
        db: &TestDb,
        rec: Recording,
        programmes: Vec<Programme>,
        change: impl FnOnce(&mut AppSettings),
    ) -> Harness {
        let store = Store::open(&db.url)
            .await
            .expect("open test database")
            .with_case_key(Sealer::from_text(&"1f".repeat(32)).unwrap());
        let clock = Arc::new(ManualClock::new(start_time()));
        let mut settings = AppSettings {
            moderation: Moderation {
                moderators: vec![user("mo"), user("max")],
                limited: vec![],
                on_call: vec![user("mo")],
                categories: default_categories(),
                max_reports_per_day: 3,
                escalate_after_minutes: 30,
                escalation_contact: Some(user("lead")),
                // Small, so the tests can go past them cheaply.
                evidence: tandem::domain::incident::EvidenceLimits {
                    files: 3,
                    max_bytes: 64 * 1024,
                },
                aliases: vec![],
                retention_years: 6,
            },
            ..AppSettings::default()
        };
        change(&mut settings);
        let app = App::new(
            store.clone(),
            programmes,
            Ports {
                dm: Arc::new(rec.clone()),
                rooms: Arc::new(rec.clone()),
                provisioner: Arc::new(rec.clone()),
            },
            clock.clone(),
            settings,
        );
        Harness {
            app,
            store,
            rec,
            clock,
        }
    }

    /// Sends a DM from `user` and returns what the bot said back to them, joined.
    pub async fn say(&self, user: &str, text: &str) -> String {
        self.rec.take();
        self.app.receive(dm(user, text)).await;
        self.clock.advance(chrono::Duration::seconds(3));
        self.rec
            .take()
            .into_iter()
            .map(|s| s.message.text)
            .collect::<Vec<_>>()
            .join("\n---\n")
    }

    /// Sends a message in a room and returns everything the bot sent, as
    /// `[room x] text` / `[dm y] text` blocks.
    pub async fn in_room(&self, user_id: &str, room: &str, text: &str) -> String {
        self.send(Inbound {
            from: user(user_id),
            place: Place::Room(RoomRef::new(Platform::Console, room)),
            content: Content::Text(text.to_string()),
            files: vec![],
        })
        .await
    }

    /// Sends a DM and returns everything the bot sent, as `[target] text` blocks.
    pub async fn dm_all(&self, user_id: &str, text: &str) -> String {
        self.send(dm(user_id, text)).await
    }

    /// A DM with files: each `(name, source)` served by the recording platform (or not,
    /// to fail), its size as the platform states it and its type by its extension (as a
    /// platform would declare it; anything unknown is a PDF).
    pub async fn dm_files(
        &self,
        user_id: &str,
        caption: &str,
        files: &[(&str, &str, Option<u64>)],
    ) -> String {
        let mut inbound = dm(user_id, caption);
        inbound.files = files
            .iter()
            .map(|(name, source, size)| tandem::flows::InboundFile {
                name: name.to_string(),
                mime: Some(
                    match name.rsplit('.').next() {
                        Some("png") => "image/png",
                        Some("webp") => "image/webp",
                        Some("gif") => "image/gif",
                        Some("heic") => "image/heic",
                        Some("txt") => "text/plain",
                        _ => "application/pdf",
                    }
                    .into(),
                ),
                size: *size,
                source: source.to_string(),
                status: tandem::flows::FileStatus::Received,
            })
            .collect();
        self.send(inbound).await
    }

    /// Handles any message and returns what the bot sent.
    pub async fn send(&self, inbound: Inbound) -> String {
        self.rec.take();
        self.app.receive(inbound).await;
        self.clock.advance(chrono::Duration::seconds(3));
        transcript(&self.rec.take())
    }

    /// Runs the time-driven work and returns what it sent.
    pub async fn sweep(&self) -> String {
        transcript(&self.sweep_sent().await)
    }

    /// Runs the time-driven work and returns each message it sent (attachments included).
    pub async fn sweep_sent(&self) -> Vec<Sent> {
        self.rec.take();
        self.app.sweep().await.unwrap();
        self.app.run_due_jobs().await.unwrap();
        self.rec.take()
    }

    /// Sends each line in turn.
    pub async fn say_all(&self, user: &str, lines: &[&str]) -> String {
        let mut last = String::new();
        for line in lines {
            last = self.say(user, line).await;
        }
        last
    }
}

pub fn transcript(sent: &[Sent]) -> String {
    sent.iter()
        .map(|s| {
            let target = match &s.target {
                Target::Dm(u) => format!("dm {}", u.id),
                Target::Room(r) => format!("room {}", r.id),
            };
            format!("[{target}] {}", s.message.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A person on the console, or, written `matrix:@amina:example.org` or `discord:42`, on
/// that platform (for tests of people on several).
pub fn user(id: &str) -> UserRef {
    match id.split_once(':') {
        Some(("matrix", id)) => UserRef::new(Platform::Matrix, id),
        Some(("discord", id)) => UserRef::new(Platform::Discord, id),
        _ => UserRef::new(Platform::Console, id),
    }
}

pub fn room_message(user_id: &str, room: &str, text: &str) -> Inbound {
    Inbound {
        from: user(user_id),
        place: Place::Room(RoomRef::new(Platform::Console, room)),
        content: Content::Text(text.to_string()),
        files: vec![],
    }
}

pub fn dm(user_id: &str, text: &str) -> Inbound {
    Inbound {
        from: user(user_id),
        place: Place::Dm,
        content: Content::Text(text.to_string()),
        files: vec![],
    }
}

/// The mentee answers used across tests, for the example programme, from `apply`: the
/// message benchmark's script without its `submit`.
pub const MENTEE_ANSWERS: &[&str] = tandem::bench::messages::MENTEE.split_at(15).0;

/// The mentor answers, for the example programme, from `apply`.
pub const MENTOR_ANSWERS: &[&str] = &[
    "apply as mentor",
    "Grace",
    "Software engineer",
    "12",
    "Technology",
    "1, 2, 3",
    "English, French",
    "Europe/London",
    "2",
    "no",
    "I was helped into tech by a mentor and want to pass it on.",
    "yes",
    "I agree",
];

/// How many migrations there are (the same number in both dialects' folders).
pub fn migration_count() -> usize {
    let count = |dir: &str| {
        std::fs::read_dir(repo_root().join(dir))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "sql")
            })
            .count()
    };
    let sqlite = count("migrations/sqlite");
    assert_eq!(
        sqlite,
        count("migrations/postgres"),
        "both dialects have every migration"
    );
    sqlite
}

/// Logs to the test's output when `RUST_LOG` is set (e.g. `RUST_LOG=serenity=debug`).
#[cfg(feature = "discord")]
pub fn init_logging() {
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
    }
}
