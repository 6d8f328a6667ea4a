//! Leases: who may do something that only one process may do at a time, for how long.
//!
//! A lease is taken when it is free, has run out, or is already the taker's (a renewal):
//! one `INSERT ... ON CONFLICT DO UPDATE ... WHERE` on both databases, so two processes
//! asking at once get one answer each, and only one of them the lease. A holder renews
//! well before the end; a process that dies simply stops renewing, and the next asker
//! takes over when the lease runs out.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::claims::free_held;
use super::{Store, from_millis, to_millis};
use crate::domain::Platform;

impl Store {
    /// Takes or renews the lease `name` for `holder` until `until`; `false` when someone
    /// else holds it now.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO leases (name, holder, lease_until, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO UPDATE SET holder = $2, lease_until = $3, updated_at = $4 \
             WHERE leases.holder = $2 OR leases.lease_until <= $4",
        )
        .bind(name)
        .bind(holder)
        .bind(to_millis(until))
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives the lease back (a clean stop), so a standby need not wait for it to run out.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<()> {
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// After a restart of the only process using this database (SQLite serves one): what
    /// the previous run held and never finished (acts, jobs, leases) is free again at
    /// once, instead of after its lease. Never call it on a database other processes use.
    pub async fn reclaim_after_restart(&self) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        free_held(&mut tx, None).await?;
        sqlx::query("DELETE FROM leases").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// After taking over `platform` (its lease): the acts and jobs of that platform still
    /// held by the process that served it before (killed, or stopped for having lost the
    /// lease) are free again at once, instead of when their leases run out. Only the
    /// platform's holder claims them, so nobody else can be carrying one out. Returns how
    /// many were freed.
    pub async fn reclaim_platform(&self, platform: Platform) -> Result<u64> {
        let mut tx = self.pool.begin().await?;
        let freed = free_held(&mut tx, Some(platform)).await?;
        tx.commit().await?;
        Ok(freed)
    }

    /// Who holds the lease `name`, and until when.
    pub async fn lease_holder(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT holder, lease_until FROM leases WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(h, until)| (h, from_millis(until))))
    }
}
