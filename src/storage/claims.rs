//! What the two queues claimed under a lease share: the outbox's acts (`outbox`) and the
//! durable jobs (`jobs`).
//!
//! Both are claimed by one `UPDATE ... RETURNING` over the earliest due, unleased rows,
//! whose inner select takes `FOR UPDATE SKIP LOCKED` on PostgreSQL ([`Store::skip_locked`];
//! SQLite serialises writers) and whose placeholders are the same ([`Store::fetch_claimed`]);
//! both are limited to the platforms a worker serves ([`platform_filter`], [`serves`]); and
//! both are freed at once when their holder is known to be gone ([`free_held`]).
//!
//! To add a queue of the same kind: give its table `lease_until`, `leased_by`, `attempts`,
//! `platform` and a `'pending'` state, claim it through [`Store::fetch_claimed`], and add
//! it to [`LEASED`].

use anyhow::Result;
use chrono::{DateTime, Utc};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, Transaction};

use super::{Backend, Store, to_millis};
use crate::domain::Platform;

/// The tables claimed under a lease, each with its state column.
const LEASED: [(&str, &str); 2] = [("outbox", "state"), ("jobs", "status")];

/// Whether a worker serving `platforms` (empty: all) carries out acts on `platform`.
pub fn serves(platforms: &[Platform], platform: Option<Platform>) -> bool {
    platforms.is_empty() || platform.is_none_or(|p| platforms.contains(&p))
}

/// `AND (platform IS NULL OR platform IN ($n, ...))` for the served platforms, from
/// placeholder `$first`; empty when a worker serves all. Bound by [`bind_platforms`].
pub(super) fn platform_filter(platforms: &[Platform], column: &str, first: usize) -> String {
    if platforms.is_empty() {
        return String::new();
    }
    let list: Vec<String> = (0..platforms.len())
        .map(|i| format!("${}", first + i))
        .collect();
    format!(
        " AND ({column} IS NULL OR {column} IN ({}))",
        list.join(", ")
    )
}

/// Binds the served platforms of a [`platform_filter`], after the query's other values.
pub(super) fn bind_platforms<'q>(
    mut query: Query<'q, Any, AnyArguments>,
    platforms: &[Platform],
) -> Query<'q, Any, AnyArguments> {
    for p in platforms {
        query = query.bind(p.as_str());
    }
    query
}

impl Store {
    /// What ends a claim's inner select: on PostgreSQL, rows another process is claiming
    /// are passed over, so several processes never claim the same row.
    pub(super) fn skip_locked(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        }
    }

    /// Runs a claim `sql`: an `UPDATE` that leases rows until `$1` to `worker` (`$2`),
    /// choosing those due by `now` (`$3`), at most `limit` (`$4`), on the `platforms` the
    /// worker serves (from `$5`, [`platform_filter`]); returns the rows claimed, in no
    /// order.
    pub(super) async fn fetch_claimed(
        &self,
        sql: String,
        worker: &str,
        platforms: &[Platform],
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<AnyRow>> {
        let query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(to_millis(lease_until))
            .bind(worker)
            .bind(to_millis(now))
            .bind(limit as i64);
        Ok(bind_platforms(query, platforms)
            .fetch_all(&self.pool)
            .await?)
    }
}

/// Frees the pending rows held by a worker in every leased table (of `platform` only, if
/// given), to be claimed again at once instead of when their leases run out; returns how
/// many were freed. A row waiting for a retry is leased to nobody until then: left as it
/// is.
pub(super) async fn free_held(
    tx: &mut Transaction<'static, Any>,
    platform: Option<Platform>,
) -> Result<u64> {
    let mut freed = 0;
    for (table, state) in LEASED {
        let of_platform = if platform.is_some() {
            " AND platform = $1"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE {table} SET lease_until = NULL, leased_by = NULL \
             WHERE {state} = 'pending' AND leased_by IS NOT NULL{of_platform}"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        if let Some(p) = platform {
            query = query.bind(p.as_str());
        }
        freed += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(freed)
}
