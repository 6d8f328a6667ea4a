//! What `/healthz` and `/metrics` read from the database: that it answers, and how far the
//! outbox and the jobs are behind. Cheap by construction: each is one indexed query
//! (`outbox_due`, `jobs_due`).

use chrono::{DateTime, Utc};

use super::{Store, sql, to_millis};
use crate::error::Result;

/// The database's view of whether the bot is keeping up.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Backlog {
    /// Acts waiting to be delivered (due or not).
    pub outbox_pending: i64,
    /// How long the oldest act that is due has waited past its due time, in seconds.
    pub outbox_overdue_seconds: f64,
    /// How long the oldest job that is due has waited past its due time, in seconds.
    pub jobs_overdue_seconds: f64,
}

impl Store {
    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<()> {
        sql::query("SELECT 1").fetch_all(self.db()?.exec()).await?;
        Ok(())
    }

    /// The outbox and jobs as of `now`.
    pub async fn backlog(&self, now: DateTime<Utc>) -> Result<Backlog> {
        let now_ms = to_millis(now);
        let outbox = sql::query(
            "SELECT COUNT(*) AS pending, MIN(due_at) AS oldest FROM outbox WHERE state = 'pending'",
        )
        .fetch_optional(self.db()?.exec())
        .await?;
        let jobs = sql::query(
            "SELECT MIN(due_at) AS oldest FROM jobs WHERE status = 'pending' AND due_at <= $1",
        )
        .bind(now_ms)
        .fetch_optional(self.db()?.exec())
        .await?;
        let overdue =
            |oldest: Option<i64>| oldest.map_or(0.0, |due| ((now_ms - due).max(0) as f64) / 1000.0);
        let (pending, oldest) = match outbox {
            Some(row) => (
                row.try_get::<i64>("pending")?,
                row.try_get::<Option<i64>>("oldest")?,
            ),
            None => (0, None),
        };
        let jobs_oldest = match jobs {
            Some(row) => row.try_get::<Option<i64>>("oldest")?,
            None => None,
        };
        Ok(Backlog {
            outbox_pending: pending,
            outbox_overdue_seconds: overdue(oldest.filter(|due| *due <= now_ms)),
            jobs_overdue_seconds: overdue(jobs_oldest),
        })
    }
}
