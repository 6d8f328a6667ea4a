//! One way to run a statement on either database, and SQLite on the calling thread.
//!
//! Through sqlx, every SQLite statement is handed to the connection's worker thread and its
//! answer handed back: two thread wake-ups a statement, which cost far more than SQLite's own
//! work (a message ran about ten statements, and two thirds of its CPU time went to the
//! kernel switching threads). So for SQLite the statements every message runs go through
//! [`Local`] instead: a few `rusqlite` connections to the same file, used on the thread that
//! asks, with their prepared statements cached. PostgreSQL, and everything not yet moved
//! here, still goes through sqlx.
//!
//! A function written against this module runs on both: [`query`] builds a statement with
//! its arguments ([`Arg`]), an [`Exec`] says where it runs (sqlx's pool or a connection of a
//! transaction, or a local connection), and rows come back as [`Row`], read by column name as
//! with sqlx. [`Tx`] is a transaction on either. The SQL is the same text on both (`$n`
//! placeholders, which SQLite takes as named parameters and which are bound here by their
//! number).
//!
//! A local connection never waits inside SQLite for a lock (its busy timeout is zero, so a
//! thread of the async runtime is never blocked by another connection's write): a busy
//! database is retried here, asynchronously, for up to [`PATIENCE`].
//!
//! Durability (group commit): a local connection writes with `synchronous = NORMAL`, so
//! SQLite does not wait for the disk inside its write lock; a [`Tx`] that commits then
//! waits until the write-ahead log is on disk ([`Local::durable`]), and steps that commit
//! meanwhile share one flush. So, as with `FULL`, a transaction is on disk once its
//! [`Flush::wait`] returns (before any answer it decided is sent); a single statement written
//! outside a transaction (an act marked delivered, a sent prompt remembered) is on disk
//! with the next flush, and a power cut before it can only make an act be delivered again
//! under its same idempotency key.
//!
//! To move a query here: build it with [`query`] instead of `sqlx::query`, run it on
//! `Store::db()` (or a [`Tx`]), and read its rows with [`Row::try_get`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::{Any, AnyConnection, AnyPool, Transaction};

/// How long a local connection retries a database another connection holds.
pub(crate) const PATIENCE: Duration = Duration::from_secs(5);

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong running a statement.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Local(#[from] rusqlite::Error),
    /// A value that is not what its reader expected (a column missing, a wrong type).
    #[error("{0}")]
    Decode(String),
    /// The store was closed.
    #[error("the database is closed")]
    Closed,
}

impl Error {
    /// Whether a row with the same unique key was there already.
    pub(crate) fn is_unique_violation(&self) -> bool {
        match self {
            Error::Sqlx(sqlx::Error::Database(db)) => db.is_unique_violation(),
            Error::Local(rusqlite::Error::SqliteFailure(f, _)) => matches!(
                f.extended_code,
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            ),
            _ => false,
        }
    }

    /// Whether someone else wrote first (a unique violation, a lock not had in time): the
    /// step is redone rather than failed.
    pub(crate) fn is_write_conflict(&self) -> bool {
        match self {
            Error::Sqlx(e) => super::is_write_conflict(e),
            Error::Local(e) => local_conflict(e),
            Error::Decode(_) | Error::Closed => false,
        }
    }
}

impl From<Error> for crate::error::Error {
    fn from(e: Error) -> Self {
        crate::error::Error::Internal(e.into())
    }
}

fn local_conflict(e: &rusqlite::Error) -> bool {
    use rusqlite::ffi;
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            matches!(
                f.extended_code,
                ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            ) || is_busy(e)
        }
        _ => false,
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// A statement's argument: the types storage binds, each possibly NULL (typed, as
/// PostgreSQL wants to know what a NULL stands for).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
}

/// What can be bound to a statement.
pub(crate) trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for i64 {
    fn into_arg(self) -> Arg {
        Arg::Int(Some(self))
    }
}
impl IntoArg for Option<i64> {
    fn into_arg(self) -> Arg {
        Arg::Int(self)
    }
}
impl IntoArg for bool {
    fn into_arg(self) -> Arg {
        Arg::Bool(Some(self))
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self))
    }
}
impl IntoArg for Option<String> {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self.to_string()))
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self.clone()))
    }
}
impl IntoArg for Option<&str> {
    fn into_arg(self) -> Arg {
        Arg::Text(self.map(str::to_string))
    }
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Arg::Int(Some(i)) => ValueRef::Integer(*i),
            Arg::Bool(Some(b)) => ValueRef::Integer(i64::from(*b)),
            Arg::Text(Some(t)) => ValueRef::Text(t.as_bytes()),
            Arg::Int(None) | Arg::Bool(None) | Arg::Text(None) => ValueRef::Null,
        }))
    }
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// What a column's value can be read as.
pub(crate) trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Real(r) => Some(*r),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// One row of a result, its values read by column name.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    names: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    /// The value of column `name` as a `T` (an `Option` for a column that may be NULL).
    pub(crate) fn try_get<T: FromValue>(&self, name: &str) -> Result<T, Error> {
        let i = self
            .names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| Error::Decode(format!("no column {name}")))?;
        self.value_as(i, &name)
    }

    /// The value of the `i`th column (from 0) as a `T`.
    pub(crate) fn try_get_at<T: FromValue>(&self, i: usize) -> Result<T, Error> {
        self.value_as(i, &i)
    }

    /// `name` is only written out when something is wrong.
    fn value_as<T: FromValue>(&self, i: usize, name: &dyn std::fmt::Display) -> Result<T, Error> {
        let v = self
            .values
            .get(i)
            .ok_or_else(|| Error::Decode(format!("no column {name}")))?;
        T::from_value(v).ok_or_else(|| {
            Error::Decode(format!(
                "column {name}: {v:?} is not a {}",
                std::any::type_name::<T>()
            ))
        })
    }

    /// A row read through sqlx: each value read as the type sqlx says it has (booleans as
    /// 0 or 1); NULL as NULL.
    fn from_any(row: sqlx::any::AnyRow) -> Row {
        use sqlx::any::AnyTypeInfoKind as K;
        use sqlx::{Column, Row as _, ValueRef};
        let names: Arc<[String]> = row.columns().iter().map(|c| c.name().to_string()).collect();
        let values = (0..names.len())
            .map(|i| {
                let kind = match row.try_get_raw(i) {
                    Ok(raw) if !raw.is_null() => raw.type_info().kind(),
                    _ => K::Null,
                };
                let value = match kind {
                    K::Null => None,
                    K::Bool => row
                        .try_get::<bool, _>(i)
                        .ok()
                        .map(|b| Value::Int(i64::from(b))),
                    K::SmallInt | K::Integer | K::BigInt => row.try_get(i).ok().map(Value::Int),
                    K::Real | K::Double => row.try_get(i).ok().map(Value::Real),
                    K::Text => row.try_get(i).ok().map(Value::Text),
                    K::Blob => row.try_get(i).ok().map(Value::Blob),
                };
                value.unwrap_or(Value::Null)
            })
            .collect();
        Row { names, values }
    }
}

/// Where a statement runs.
pub(crate) enum Exec<'e> {
    /// Any connection of sqlx's pool.
    Pool(&'e AnyPool),
    /// A connection of sqlx's (in a transaction).
    Conn(&'e mut AnyConnection),
    /// A local SQLite connection, on this thread (`mut`: a future holding it must be
    /// `Send`, and a connection is not `Sync`).
    Local(&'e mut rusqlite::Connection),
}

impl Exec<'_> {
    /// The same place, for one more statement (a function that runs several).
    pub(crate) fn reborrow(&mut self) -> Exec<'_> {
        match self {
            Exec::Pool(pool) => Exec::Pool(pool),
            Exec::Conn(conn) => Exec::Conn(conn),
            Exec::Local(conn) => Exec::Local(conn),
        }
    }
}

/// A statement with its arguments.
pub(crate) struct Query<'q> {
    sql: &'q str,
    args: Vec<Arg>,
}

/// A statement to run: `$1`, `$2`, ... are its arguments, in the order they are bound.
pub(crate) fn query(sql: &str) -> Query<'_> {
    Query {
        sql,
        args: Vec::new(),
    }
}

impl<'q> Query<'q> {
    pub(crate) fn bind(mut self, value: impl IntoArg) -> Self {
        self.args.push(value.into_arg());
        self
    }

    fn sqlx(&self) -> sqlx::query::Query<'_, Any, sqlx::any::AnyArguments> {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(self.sql));
        for arg in &self.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.clone()),
                Arg::Bool(v) => q.bind(*v),
            };
        }
        q
    }

    /// Runs it; returns how many rows it changed.
    pub(crate) async fn execute(self, on: Exec<'_>) -> Result<u64, Error> {
        Ok(match on {
            Exec::Pool(pool) => self.sqlx().execute(pool).await?.rows_affected(),
            Exec::Conn(conn) => self.sqlx().execute(conn).await?.rows_affected(),
            Exec::Local(conn) => {
                patiently(move || self.run_local(conn, |s| s.raw_execute())).await? as u64
            }
        })
    }

    /// Runs it; returns every row.
    pub(crate) async fn fetch_all(self, on: Exec<'_>) -> Result<Vec<Row>, Error> {
        Ok(match on {
            Exec::Pool(pool) => self.sqlx().fetch_all(pool).await?,
            Exec::Conn(conn) => self.sqlx().fetch_all(conn).await?,
            Exec::Local(conn) => return patiently(move || self.run_local(conn, read_rows)).await,
        }
        .into_iter()
        .map(Row::from_any)
        .collect())
    }

    /// Runs it; returns its first row, if any.
    pub(crate) async fn fetch_optional(self, on: Exec<'_>) -> Result<Option<Row>, Error> {
        Ok(self.fetch_all(on).await?.into_iter().next())
    }

    /// Prepares (once per connection), binds `$n` to the `n`th argument, and runs.
    fn run_local<T>(
        &self,
        conn: &rusqlite::Connection,
        run: impl FnOnce(&mut rusqlite::Statement<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        // Counted as sqlx's statements are (`tandem bench messages`).
        tracing::trace!(target: "tandem::statement", "{}", self.sql);
        let mut statement = conn.prepare_cached(self.sql)?;
        for i in 1..=statement.parameter_count() {
            let n = statement
                .parameter_name(i)
                .and_then(|name| name.strip_prefix('$'))
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=self.args.len()).contains(n))
                .ok_or(rusqlite::Error::InvalidParameterCount(i, self.args.len()))?;
            statement.raw_bind_parameter(i, &self.args[n - 1])?;
        }
        run(&mut statement)
    }
}

fn read_rows(statement: &mut rusqlite::Statement<'_>) -> rusqlite::Result<Vec<Row>> {
    use rusqlite::types::ValueRef;
    let names: Arc<[String]> = statement
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut rows = statement.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(names.len());
        for i in 0..names.len() {
            values.push(match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Int(i),
                ValueRef::Real(r) => Value::Real(r),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            });
        }
        out.push(Row {
            names: names.clone(),
            values,
        });
    }
    Ok(out)
}

/// Runs `work` until the database is not busy (another connection writing), waiting
/// asynchronously between tries, for up to [`PATIENCE`].
async fn patiently<T>(mut work: impl FnMut() -> rusqlite::Result<T>) -> Result<T, Error> {
    let start = Instant::now();
    let mut pause = Duration::from_micros(200);
    loop {
        match work() {
            Err(e) if is_busy(&e) && start.elapsed() < PATIENCE => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            done => return Ok(done?),
        }
    }
}

/// Local SQLite connections to one database file, reused last-in first-out (so the one
/// used last, whose page cache is warm, is used next).
#[derive(Debug)]
pub(crate) struct Local {
    path: PathBuf,
    idle: Mutex<Vec<rusqlite::Connection>>,
    closed: std::sync::atomic::AtomicBool,
    /// The write-ahead log, flushed by [`Local::durable`].
    wal: PathBuf,
    /// One flush at a time; those who wait for it may find it covered them.
    flushing: tokio::sync::Mutex<()>,
    /// Transactions committed so far, and how many of them are known to be on disk.
    committed: std::sync::atomic::AtomicU64,
    flushed: std::sync::atomic::AtomicU64,
    /// Flushes done (for the benchmark's figures).
    flushes: std::sync::atomic::AtomicU64,
}

/// At most this many idle connections are kept; more are opened when needed.
const IDLE: usize = 4;

impl Local {
    /// Opens the database at `path` (which must exist: sqlx created it and set WAL).
    pub(crate) fn open(path: &Path) -> anyhow::Result<Local> {
        let local = Local {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
            closed: Default::default(),
            wal: PathBuf::from(format!("{}-wal", path.display())),
            flushing: Default::default(),
            committed: Default::default(),
            flushed: Default::default(),
            flushes: Default::default(),
        };
        let first = local.connect()?;
        local.give_back(first);
        Ok(local)
    }

    fn connect(&self) -> rusqlite::Result<rusqlite::Connection> {
        use rusqlite::OpenFlags;
        let conn = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // As sqlx's connections: foreign keys enforced, a small page cache (see
        // `Store::connect`). Never waiting inside SQLite for a lock: see `patiently`; nor
        // for the disk: see `durable`.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA cache_size = -512; PRAGMA synchronous = NORMAL;",
        )?;
        conn.busy_timeout(Duration::ZERO)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    fn give_back(&self, conn: rusqlite::Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE && !self.is_closed() {
            idle.push(conn);
        }
    }

    fn is_closed(&self) -> bool {
        self.closed.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Closes the idle connections; from now on none is given (one in use closes when
    /// its user is done).
    pub(crate) fn close(&self) {
        self.closed
            .store(true, std::sync::atomic::Ordering::Release);
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Returns once every transaction committed before the call is on disk: the first
    /// caller flushes the write-ahead log, and those who arrive while it does wait for the
    /// next flush unless this one covered them (group commit). The flush runs on the
    /// calling thread (under a millisecond on a local disk). A failed flush is logged: the
    /// transaction is committed and in the system's cache, so only a power cut could
    /// lose it, and a step that was committed is never reported as not done.
    pub(crate) async fn durable(&self) {
        use std::sync::atomic::Ordering;
        let mine = self.committed.fetch_add(1, Ordering::AcqRel) + 1;
        let _turn = self.flushing.lock().await;
        if self.flushed.load(Ordering::Acquire) >= mine {
            return;
        }
        // Everything counted now was written to the log before this flush starts.
        let upto = self.committed.load(Ordering::Acquire);
        match std::fs::File::open(&self.wal).and_then(|f| f.sync_data()) {
            Ok(()) => {
                self.flushed.store(upto, Ordering::Release);
                self.flushes.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => tracing::error!(
                "flushing the database's write-ahead log {} failed: {e}",
                self.wal.display()
            ),
        }
    }

    /// How many flushes [`Local::durable`] has done.
    pub(crate) fn flushes(&self) -> u64 {
        self.flushes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A connection for this caller alone until it is dropped.
    pub(crate) fn get(&self) -> Result<Pooled<'_>, Error> {
        if self.is_closed() {
            return Err(Error::Closed);
        }
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.connect()?,
        };
        Ok(Pooled {
            conn: Some(conn),
            home: self,
        })
    }
}

/// A local connection, back to its pool when dropped.
pub(crate) struct Pooled<'a> {
    conn: Option<rusqlite::Connection>,
    home: &'a Local,
}

impl Pooled<'_> {
    fn conn(&self) -> &rusqlite::Connection {
        self.conn
            .as_ref()
            .expect("a pooled connection until dropped")
    }

    fn conn_mut(&mut self) -> &mut rusqlite::Connection {
        self.conn
            .as_mut()
            .expect("a pooled connection until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // A connection left inside a transaction (a panic, a future dropped halfway)
            // is not reused: its transaction ends with it.
            if conn.is_autocommit() {
                self.home.give_back(conn);
            }
        }
    }
}

/// Where a read outside a transaction runs: sqlx's pool, or a local connection.
pub(crate) enum Db<'a> {
    Pool(&'a AnyPool),
    Local(Pooled<'a>),
}

impl Db<'_> {
    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            Db::Pool(pool) => Exec::Pool(pool),
            Db::Local(pooled) => Exec::Local(pooled.conn_mut()),
        }
    }
}

/// A commit on its way to disk (on sqlx's connections, there already).
#[must_use = "a commit is on disk only once waited for"]
pub(crate) struct Flush<'a>(Option<&'a Local>);

impl Flush<'_> {
    pub(crate) async fn wait(self) {
        if let Some(local) = self.0 {
            local.durable().await;
        }
    }
}

/// A transaction on either database.
pub(crate) enum Tx<'a> {
    Sqlx(Transaction<'static, Any>),
    Local(Pooled<'a>),
}

impl<'a> Tx<'a> {
    /// Begins a transaction that writes: on a local connection `BEGIN IMMEDIATE`, so it
    /// holds the write lock from its start and never loses its snapshot to another writer.
    pub(crate) async fn begin(db: Db<'a>) -> Result<Tx<'a>, Error> {
        Ok(match db {
            Db::Pool(pool) => Tx::Sqlx(pool.begin().await?),
            Db::Local(mut pooled) => {
                let conn = pooled.conn_mut();
                patiently(move || conn.execute_batch("BEGIN IMMEDIATE")).await?;
                Tx::Local(pooled)
            }
        })
    }

    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            Tx::Sqlx(tx) => Exec::Conn(&mut *tx),
            Tx::Local(pooled) => Exec::Local(pooled.conn_mut()),
        }
    }

    /// Commits, without waiting for the disk: the caller lets others write (gives up its
    /// turn) before it waits with [`Flush::wait`] (until the commit is on disk: see
    /// [`Local::durable`]), so that their commits share the flush.
    pub(crate) async fn commit_written(self) -> Result<Flush<'a>, Error> {
        match self {
            Tx::Sqlx(tx) => {
                tx.commit().await?;
                Ok(Flush(None))
            }
            Tx::Local(mut pooled) => {
                let conn = pooled.conn_mut();
                let done = patiently(move || conn.execute_batch("COMMIT")).await;
                if done.is_err() && !pooled.conn().is_autocommit() {
                    let _ = pooled.conn().execute_batch("ROLLBACK");
                }
                done?;
                Ok(Flush(Some(pooled.home)))
            }
        }
    }

    pub(crate) async fn rollback(self) -> Result<(), Error> {
        match self {
            Tx::Sqlx(tx) => Ok(tx.rollback().await?),
            Tx::Local(pooled) => {
                if !pooled.conn().is_autocommit() {
                    pooled.conn().execute_batch("ROLLBACK")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database file in WAL mode with one table, as sqlx would have left it.
    fn database() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER);",
        )
        .unwrap();
        (dir, path)
    }

    async fn rows_in_t(local: &Local) -> i64 {
        let mut db = Db::Local(local.get().unwrap());
        query("SELECT COUNT(*) FROM t")
            .fetch_optional(db.exec())
            .await
            .unwrap()
            .unwrap()
            .try_get_at(0)
            .unwrap()
    }

    #[tokio::test]
    async fn arguments_are_bound_by_their_number_not_their_place_in_the_text() {
        let (_dir, path) = database();
        let local = Local::open(&path).unwrap();
        let mut db = Db::Local(local.get().unwrap());
        let row = query("SELECT $2 AS b, $1 AS a, $2 || '!' AS c")
            .bind(1_i64)
            .bind("two")
            .fetch_optional(db.exec())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<String>("b").unwrap(), "two");
        assert_eq!(row.try_get::<i64>("a").unwrap(), 1);
        assert_eq!(row.try_get::<String>("c").unwrap(), "two!");
    }

    #[tokio::test]
    async fn a_value_read_as_the_wrong_type_or_a_missing_column_is_a_clear_error() {
        let (_dir, path) = database();
        let local = Local::open(&path).unwrap();
        let mut db = Db::Local(local.get().unwrap());
        let row = query("SELECT 'x' AS name, NULL AS gone")
            .fetch_optional(db.exec())
            .await
            .unwrap()
            .unwrap();
        let wrong = row.try_get::<i64>("name").unwrap_err().to_string();
        assert!(wrong.contains("column name"), "{wrong}");
        assert!(
            row.try_get::<i64>("nope")
                .unwrap_err()
                .to_string()
                .contains("no column nope")
        );
        assert_eq!(row.try_get::<Option<i64>>("gone").unwrap(), None);
        assert!(row.try_get::<i64>("gone").is_err(), "NULL is not a number");
    }

    #[tokio::test]
    async fn a_write_waits_for_another_connection_s_transaction_instead_of_failing() {
        let (_dir, path) = database();
        let local = Local::open(&path).unwrap();
        let other = rusqlite::Connection::open(&path).unwrap();
        other
            .execute_batch("BEGIN IMMEDIATE; INSERT INTO t (name, n) VALUES ('first', 1);")
            .unwrap();
        let holder = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(150));
            other.execute_batch("COMMIT").unwrap();
        });
        let start = Instant::now();
        let mut tx = Tx::begin(Db::Local(local.get().unwrap())).await.unwrap();
        assert!(
            start.elapsed() >= Duration::from_millis(100),
            "it waited its turn"
        );
        query("INSERT INTO t (name, n) VALUES ($1, $2)")
            .bind("second")
            .bind(2_i64)
            .execute(tx.exec())
            .await
            .unwrap();
        tx.commit_written().await.unwrap().wait().await;
        holder.join().unwrap();
        let mut db = Db::Local(local.get().unwrap());
        let names: Vec<String> = query("SELECT name FROM t ORDER BY n")
            .fetch_all(db.exec())
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get_at(0).unwrap())
            .collect();
        assert_eq!(names, ["first", "second"]);
    }

    #[tokio::test]
    async fn a_transaction_dropped_halfway_stores_nothing_and_its_connection_is_not_reused() {
        let (_dir, path) = database();
        let local = Local::open(&path).unwrap();
        {
            let mut tx = Tx::begin(Db::Local(local.get().unwrap())).await.unwrap();
            query("INSERT INTO t (name) VALUES ('half')")
                .execute(tx.exec())
                .await
                .unwrap();
        }
        assert_eq!(rows_in_t(&local).await, 0);
        // And a second writer is not locked out by the dropped one.
        let mut tx = Tx::begin(Db::Local(local.get().unwrap())).await.unwrap();
        query("INSERT INTO t (name) VALUES ('whole')")
            .execute(tx.exec())
            .await
            .unwrap();
        tx.commit_written().await.unwrap().wait().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_committed_transaction_is_flushed_with_at_most_one_flush_each() {
        let (_dir, path) = database();
        let local = Arc::new(Local::open(&path).unwrap());
        let writers = (0..40).map(|i| {
            let local = local.clone();
            tokio::spawn(async move {
                let mut tx = Tx::begin(Db::Local(local.get().unwrap())).await.unwrap();
                query("INSERT INTO t (name, n) VALUES ($1, $2)")
                    .bind(format!("w{i}"))
                    .bind(i)
                    .execute(tx.exec())
                    .await
                    .unwrap();
                tx.commit_written().await.unwrap().wait().await;
            })
        });
        for w in futures_util::future::join_all(writers).await {
            w.unwrap();
        }
        use std::sync::atomic::Ordering;
        let flushes = local.flushes();
        assert!((1..=40).contains(&flushes), "{flushes} flushes");
        assert_eq!(
            local.flushed.load(Ordering::Acquire),
            40,
            "every commit is known flushed"
        );
        assert_eq!(rows_in_t(&local).await, 40);
    }

    #[tokio::test]
    async fn a_unique_violation_is_a_write_conflict_and_a_closed_pool_gives_nothing() {
        let (_dir, path) = database();
        let local = Local::open(&path).unwrap();
        let mut db = Db::Local(local.get().unwrap());
        let insert = || query("INSERT INTO t (name) VALUES ('same')");
        insert().execute(db.exec()).await.unwrap();
        let again = insert().execute(db.exec()).await.unwrap_err();
        assert!(again.is_write_conflict(), "{again}");
        drop(db);
        local.close();
        assert!(matches!(local.get(), Err(Error::Closed)));
    }
}
