//! The only place with SQL.
//!
//! Tandem runs on SQLite (embedded, the default) or PostgreSQL (when several processes share
//! one database). Both are served by one code path through `sqlx::Any`: the SQL here is
//! portable (`$1` placeholders, `RETURNING`, partial unique indexes), values are limited to
//! integers, text and booleans, timestamps are epoch milliseconds and structured values are
//! JSON text. Only the DDL differs, so there are two migration folders,
//! `migrations/sqlite` and `migrations/postgres`, embedded at compile time; a landed
//! migration is never edited, a change is a new numbered file in both folders.
//!
//! We chose `Any` over one implementation per backend because every query is the same on
//! both and one path means one set of bugs; the price is no compile-time checked queries,
//! which the storage tests (run on both backends) make up for.
//!
//! On SQLite, what every message runs (its conversation, applications, matches and context,
//! the step's commit, the outbox's bookkeeping) goes through [`sql`] instead of sqlx:
//! the same SQL text on connections used on the calling thread, since handing each statement
//! to sqlx's worker thread cost more than the statement. Functions written against `sql`
//! run on both databases; the rest of this module is moved there as it proves worth it.
//!
//! To add storage for a new concept: a migration in both folders, a submodule with its
//! functions on [`Store`], and tests in `tests/integration/storage.rs`. A step's writes all
//! run in one transaction ([`Store::commit_step`], in `step`): an effect that writes gets
//! its function, taking that transaction, in its concept's submodule, and an arm in the
//! dispatcher in `step`.

mod activity;
mod announcements;
mod applications;
mod audit;
mod backup;
mod cases;
mod check_ins;
mod claims;
mod context;
mod conversations;
mod events;
mod evidence;
pub mod health;
mod holds;
mod jobs;
mod languages;
mod leases;
mod links;
mod matches;
pub mod meetings;
mod outbox;
mod outcomes;
mod personal;
mod profiles;
mod prompts;
mod rekey;
mod relay;
mod resources;
mod safety;
mod screening;
mod sealer;
pub(crate) mod sql;
mod step;
mod support;
mod surveys;
mod team;

use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

pub use claims::serves;
pub use context::PersonContext;
pub use conversations::StoredConversation;
pub use jobs::{JobCounts, PairQuiet};
pub use outbox::{Enqueue, OutboxCounts, OutboxRow};
pub use rekey::Rekeyed;
pub use sealer::Sealer;
pub use step::CommitOutcome;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool plus the few facts about it the queries need.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Seals case reporters; without it, reports cannot be stored.
    sealer: Option<Sealer>,
    /// Pair-room activity noted and not yet written (see `activity`).
    activity: std::sync::Arc<activity::Buffer>,
    /// SQLite: whose turn it is to write a step (see [`Store::write_turn`]).
    writer: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
    /// SQLite in a file: connections used on the calling thread (see `sql`).
    local: Option<std::sync::Arc<sql::Local>>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Store {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://...`). For SQLite the
    /// file's folder is created if missing.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        // Idempotent: installs the compiled-in drivers on first use only.
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            anyhow::bail!("unsupported database URL (expected sqlite: or postgres://): {url}");
        };
        if backend == Backend::Sqlite
            && let Some(path) = sqlite_path(url)
            && let Some(dir) = Path::new(&path).parent()
            && !dir.as_os_str().is_empty()
        {
            // Owner-only: the database holds people's applications and reports.
            crate::secrets::create_private_dir(dir)
                .with_context(|| format!("creating the database folder {}", dir.display()))?;
        }
        let options = AnyPoolOptions::new().max_connections(match backend {
            // One writer at a time anyway; a few readers help the console and tests.
            Backend::Sqlite => 4,
            Backend::Postgres => 8,
        });
        let options = if backend == Backend::Sqlite {
            // A connection to a local file cannot go stale as a network one can: checking
            // it before each use would cost a round trip to its worker thread per query.
            // SQLite's default page cache is 2 MiB per connection; the working set of a
            // community's programmes is far smaller, and the OS caches the file anyway.
            options.test_before_acquire(false).after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::Executor::execute(&mut *conn, "PRAGMA cache_size = -512").await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options
            .connect(url)
            .await
            .with_context(|| format!("connecting to the database at {}", redact(url)))?;
        if backend == Backend::Sqlite {
            // WAL lets readers work while one connection writes; persistent in the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .context("enabling SQLite write-ahead logging")?;
        }
        let local = match local_path(url) {
            Some(path) => Some(std::sync::Arc::new(
                sql::Local::open(Path::new(&path))
                    .with_context(|| format!("opening the database at {}", redact(url)))?,
            )),
            None => None,
        };
        Ok(Store {
            pool,
            backend,
            sealer: None,
            activity: Default::default(),
            writer: (backend == Backend::Sqlite).then(Default::default),
            local,
        })
    }

    /// Opens a database that must already exist (for commands that only read, such as
    /// `tandem export`): a SQLite file is never created, and a missing one is an error that
    /// names it. Pending migrations are applied, as for [`Store::open`].
    pub async fn open_existing(url: &str) -> anyhow::Result<Store> {
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let path = path.split('?').next().unwrap_or_default();
            if path != ":memory:" && !std::path::Path::new(path).exists() {
                anyhow::bail!("there is no database at {path}");
            }
        }
        Store::open(url).await
    }

    /// Connects and applies pending migrations.
    pub async fn open(url: &str) -> anyhow::Result<Store> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> anyhow::Result<usize> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        let before = self.applied_migrations().await.unwrap_or(0);
        migrator
            .run(&self.pool)
            .await
            .context("applying database migrations")?;
        let after = self.applied_migrations().await.unwrap_or(0);
        Ok(after.saturating_sub(before))
    }

    async fn applied_migrations(&self) -> anyhow::Result<usize> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as usize)
    }

    /// Creates an empty PostgreSQL database `name` through `admin_url` and returns the URL
    /// of the new database. Used to give each test, or a new deployment, its own database.
    pub async fn create_postgres_database(admin_url: &str, name: &str) -> anyhow::Result<String> {
        // Idempotent: installs the compiled-in drivers on first use only.
        sqlx::any::install_default_drivers();
        anyhow::ensure!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "a database name is lower-case letters, digits and _"
        );
        let admin = AnyPoolOptions::new()
            .max_connections(1)
            .connect(admin_url)
            .await
            .with_context(|| format!("connecting to {}", redact(admin_url)))?;
        // The name was checked above to be only [a-z0-9_].
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .with_context(|| format!("creating database {name}"))?;
        admin.close().await;
        let (base, query) = match admin_url.split_once('?') {
            Some((b, q)) => (b, format!("?{q}")),
            None => (admin_url, String::new()),
        };
        let server = base.rsplit_once('/').map(|(s, _)| s).unwrap_or(base);
        Ok(format!("{server}/{name}{query}"))
    }

    /// The store, able to seal and open case reporters with this key.
    pub fn with_case_key(mut self, sealer: Sealer) -> Store {
        self.sealer = Some(sealer);
        self
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where a statement outside a transaction runs: on SQLite a local connection (see
    /// `sql`), else sqlx's pool.
    pub(crate) fn db(&self) -> sql::Result<sql::Db<'_>> {
        Ok(match &self.local {
            Some(local) => sql::Db::Local(local.get()?),
            None => sql::Db::Pool(&self.pool),
        })
    }

    /// How many times SQLite's write-ahead log was flushed for committed transactions
    /// (see `sql::Local::durable`); `None` without local connections.
    pub fn log_flushes(&self) -> Option<u64> {
        self.local.as_ref().map(|l| l.flushes())
    }

    /// A transaction that writes, on the same connections as [`Store::db`].
    pub(crate) async fn begin(&self) -> sql::Result<sql::Tx<'_>> {
        sql::Tx::begin(self.db()?).await
    }

    pub async fn close(&self) {
        // What was noted of pair rooms and not yet written goes in first.
        if let Err(e) = self.flush_pair_activity().await {
            tracing::warn!("writing pair activity before closing the database: {e:#}");
        }
        if let Some(local) = &self.local {
            local.close();
        }
        self.pool.close().await;
    }

    /// Waits for this process's turn to write a step (or one of the writes every message
    /// makes beside its step: an act finished, a prompt remembered). SQLite runs one write
    /// transaction at a time whatever is done; writers that meet its lock wait and poll
    /// (in its busy handler, or in `sql`), so that under load a few wait for seconds while
    /// others pass (p99 of 1.8 s with 200 people typing at once). Waiting here, in turn,
    /// is first come, first served. PostgreSQL writes in parallel: no turn.
    pub(super) async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        }
    }

    /// Every row of every table, each value as text (`NULL` for none), by table name. For
    /// audits and the tests that prove what is (and is not) stored: that an anonymous
    /// answer has no link to its author, that a deleted person leaves nothing behind.
    pub async fn dump_tables(&self) -> anyhow::Result<Vec<(String, Vec<String>)>> {
        use sqlx::Row;
        let tables: Vec<String> = match self.backend {
            Backend::Sqlite => sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .fetch_all(&self.pool)
            .await?,
            Backend::Postgres => sqlx::query_scalar(
                "SELECT table_name::TEXT FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
            )
            .fetch_all(&self.pool)
            .await?,
        };
        let mut out = Vec::new();
        // sqlx's own bookkeeping (checksums as bytes) holds nothing about anyone.
        for table in tables.into_iter().filter(|t| !t.starts_with("_sqlx")) {
            // Names come from the catalogue; checked anyway before they enter SQL.
            anyhow::ensure!(
                table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "unexpected table name {table}"
            );
            let columns: Vec<String> = match self.backend {
                Backend::Sqlite => {
                    sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA table_info({table})")))
                        .fetch_all(&self.pool)
                        .await?
                        .iter()
                        .map(|r| r.try_get::<String, _>("name"))
                        .collect::<Result<_, _>>()?
                }
                Backend::Postgres => sqlx::query_scalar(
                    "SELECT column_name::TEXT FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&table)
                .fetch_all(&self.pool)
                .await?,
            };
            let select = columns
                .iter()
                .map(|c| match self.backend {
                    // Bytes as hex: SQLite would hand a BLOB cast to TEXT back as bytes
                    // that need not be UTF-8. (PostgreSQL casts BYTEA to `\x` hex itself.)
                    Backend::Sqlite => format!(
                        "COALESCE(CASE WHEN typeof(\"{c}\") = 'blob' THEN '\\x' || lower(hex(\"{c}\")) ELSE CAST(\"{c}\" AS TEXT) END, 'NULL')"
                    ),
                    Backend::Postgres => format!("COALESCE(CAST(\"{c}\" AS TEXT), 'NULL')"),
                })
                .collect::<Vec<_>>()
                .join(" || ' | ' || ");
            let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {select} FROM \"{table}\""
            )))
            .fetch_all(&self.pool)
            .await?;
            out.push((table, rows));
        }
        Ok(out)
    }
}

/// The file path in a SQLite URL, if it names a file.
fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.to_string())
}

/// The file of a SQLite URL that local connections may open: read-write, with no options
/// but the mode (anything else, such as read-only, stays with sqlx alone).
fn local_path(url: &str) -> Option<String> {
    let path = sqlite_path(url)?;
    let options = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    options
        .split('&')
        .all(|o| matches!(o, "" | "mode=rwc" | "mode=rw"))
        .then_some(path)
}

/// A URL with any password replaced, for messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

pub(crate) fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// How many rows of a `table` have each value of its `column` (a state), by value (0 for
/// a value no row has): from the caller's own constant names, never people's input.
async fn count_by(
    pool: &AnyPool,
    table: &str,
    column: &str,
) -> anyhow::Result<impl Fn(&str) -> i64 + use<>> {
    use sqlx::Row;
    let sql = format!("SELECT {column} AS state, COUNT(*) AS n FROM {table} GROUP BY {column}");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?;
    let by = rows
        .iter()
        .map(|r| Ok((r.try_get("state")?, r.try_get("n")?)))
        .collect::<anyhow::Result<std::collections::HashMap<String, i64>>>()?;
    Ok(move |state: &str| by.get(state).copied().unwrap_or(0))
}

/// Whether an error means the database cannot be reached right now (a lost connection,
/// a pool that found no connection in time, a server shutting down or starting): worth
/// waiting for, unlike a query that is wrong.
pub fn is_unreachable(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let sqlx = match cause.downcast_ref::<sql::Error>() {
            Some(sql::Error::Sqlx(e)) => Some(e),
            _ => cause.downcast_ref::<sqlx::Error>(),
        };
        match sqlx {
            Some(sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Tls(_)) => true,
            // PostgreSQL's connection exceptions (08...), shutdowns (57P0x), too many
            // connections (53300).
            Some(sqlx::Error::Database(db)) => db
                .code()
                .is_some_and(|c| c.starts_with("08") || c.starts_with("57P0") || c == "53300"),
            _ => false,
        }
    })
}

/// Whether an error means "someone else wrote first; try again": a unique violation on
/// insert, or SQLite's lock timeouts.
pub(crate) fn is_write_conflict(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || matches!(
                    db.code().as_deref(),
                    Some("5" | "6" | "517" | "40001" | "40P01")
                )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_connection_is_worth_waiting_for_and_a_wrong_query_is_not() {
        let lost = anyhow::Error::from(sqlx::Error::PoolTimedOut).context("loading a conversation");
        assert!(super::is_unreachable(&lost));
        let io = anyhow::Error::from(sqlx::Error::Io(std::io::Error::from(
            std::io::ErrorKind::ConnectionRefused,
        )));
        assert!(super::is_unreachable(&io));
        let wrong = anyhow::Error::from(sqlx::Error::RowNotFound);
        assert!(!super::is_unreachable(&wrong));
        assert!(!super::is_unreachable(&anyhow::anyhow!("something else")));
        // Through the storage's own error type too (a statement run by `sql`).
        let through = anyhow::Error::from(sql::Error::from(sqlx::Error::PoolTimedOut));
        assert!(super::is_unreachable(&through));
    }

    #[test]
    fn passwords_are_redacted_from_database_urls() {
        assert_eq!(
            redact("postgres://tandem:s3cret@db:5432/tandem"),
            "postgres://tandem:***@db:5432/tandem"
        );
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/c.db?mode=rwc").as_deref(),
            Some("data/c.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }
}
