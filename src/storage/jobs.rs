//! Durable jobs: scheduling (idempotent by key), claiming due jobs under a lease, and
//! finishing or retrying them.
//!
//! Claiming is one `UPDATE ... RETURNING` over the earliest due, unleased jobs. On
//! PostgreSQL the inner select takes `FOR UPDATE SKIP LOCKED`, so several Tandem processes
//! sharing a database never claim the same job; SQLite serialises writers, which is
//! enough for its one process (the parts the outbox shares are in `claims`). A claimed job carries a lease; if the worker dies, the lease
//! runs out and another worker (or the restarted one) claims it again. A retry waits by
//! leasing the job to nobody until the retry time.

use anyhow::Result;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::claims::{bind_platforms, platform_filter};
use super::{Store, from_millis, to_millis};
use crate::domain::schedule::{Job, NewJob};

/// Rows per multi-row statement; 7 values each stays far below every placeholder limit.
const INSERT_CHUNK: usize = 500;

/// Statement sizes used for lists. Each distinct statement is prepared and cached per
/// connection, so lists are padded (by repeating an element, which changes nothing) to one
/// of a few sizes instead of preparing one statement per length.
const LIST_SIZES: [usize; 4] = [1, 16, 128, INSERT_CHUNK];

fn padded_len(n: usize) -> usize {
    LIST_SIZES.into_iter().find(|&s| s >= n).unwrap_or(n)
}

/// How many jobs are in each state, for tests, logs and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub pending: i64,
    pub done: i64,
    pub failed: i64,
    pub skipped: i64,
}

impl Store {
    /// Stores jobs not stored yet (by key); returns how many were new.
    pub async fn schedule_jobs(&self, jobs: &[NewJob], now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.pool.begin().await?;
        let inserted = insert_jobs(&mut tx, jobs, now).await?;
        tx.commit().await?;
        Ok(inserted)
    }

    /// Claims up to `limit` due jobs for `worker` until `lease_until`, earliest first, of
    /// those on the `platforms` it serves (empty: all).
    pub async fn claim_due_jobs(
        &self,
        worker: &str,
        platforms: &[crate::domain::Platform],
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Job>> {
        let sql = format!(
            "UPDATE jobs SET lease_until = $1, leased_by = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND due_at <= $3 \
             AND (lease_until IS NULL OR lease_until <= $3){} ORDER BY due_at, id LIMIT $4{}) \
             RETURNING id, job_key, kind, subject, due_at, payload, attempts",
            platform_filter(platforms, "platform", 5),
            self.skip_locked()
        );
        let rows = self
            .fetch_claimed(sql, worker, platforms, now, lease_until, limit)
            .await?;
        let mut jobs = rows
            .into_iter()
            .map(|r| {
                Ok(Job {
                    id: r.try_get("id")?,
                    key: r.try_get("job_key")?,
                    kind: r.try_get("kind")?,
                    subject: r.try_get("subject")?,
                    due_at: from_millis(r.try_get("due_at")?),
                    payload: r.try_get("payload")?,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect::<Result<Vec<Job>>>()?;
        // RETURNING keeps no order.
        jobs.sort_by_key(|j| (j.due_at, j.id));
        Ok(jobs)
    }

    /// Marks jobs done (or `skipped`: due while their subject was paused or gone) once
    /// their effects are carried out. Only the worker holding the lease can.
    pub async fn finish_jobs(
        &self,
        worker: &str,
        ids: &[i64],
        status: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        debug_assert!(matches!(status, "done" | "skipped"));
        for chunk in ids.chunks(INSERT_CHUNK) {
            let size = padded_len(chunk.len());
            let placeholders: Vec<String> = (0..size).map(|i| format!("${}", i + 4)).collect();
            let sql = format!(
                "UPDATE jobs SET status = $1, finished_at = $2, lease_until = NULL \
                 WHERE leased_by = $3 AND status = 'pending' AND id IN ({})",
                placeholders.join(",")
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(status)
                .bind(to_millis(now))
                .bind(worker);
            for id in chunk
                .iter()
                .chain(std::iter::repeat_n(&chunk[0], size - chunk.len()))
            {
                query = query.bind(*id);
            }
            query.execute(&self.pool).await?;
        }
        Ok(())
    }

    /// A job failed: try again at `retry_at`, or give up (`failed`) when `give_up`.
    pub async fn retry_job(
        &self,
        worker: &str,
        id: i64,
        error: &str,
        retry_at: DateTime<Utc>,
        give_up: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET status = $1, lease_until = $2, leased_by = NULL, last_error = $3, \
             finished_at = $4 WHERE id = $5 AND leased_by = $6 AND status = 'pending'",
        )
        .bind(if give_up { "failed" } else { "pending" })
        .bind(to_millis(retry_at))
        .bind(error)
        .bind(give_up.then(|| to_millis(now)))
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// When the next pending job on `platforms` (empty: any) can be claimed: its due time,
    /// or its lease's end.
    pub async fn next_job_at(
        &self,
        platforms: &[crate::domain::Platform],
    ) -> Result<Option<DateTime<Utc>>> {
        // The earliest due job first (indexed); a leased or retrying one may be later.
        let sql = format!(
            "SELECT due_at, lease_until FROM jobs WHERE status = 'pending'{} ORDER BY due_at, id LIMIT 1",
            platform_filter(platforms, "platform", 1)
        );
        let row = bind_platforms(sqlx::query(sqlx::AssertSqlSafe(sql)), platforms)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| -> Result<DateTime<Utc>> {
            let due: i64 = r.try_get("due_at")?;
            let lease: Option<i64> = r.try_get("lease_until")?;
            Ok(from_millis(lease.map_or(due, |l| l.max(due))))
        })
        .transpose()
    }

    /// How many of a match's milestones fell due by `now` and were not skipped (by a
    /// pause), counting any still running (jobs due together finish together).
    pub async fn milestones_reached(&self, match_id: i64, now: DateTime<Utc>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM jobs WHERE subject = $1 AND kind = 'milestone' AND status <> 'skipped' AND due_at <= $2",
        )
        .bind(format!("match:{match_id}"))
        .bind(to_millis(now))
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn job_counts(&self) -> Result<JobCounts> {
        let n = super::count_by(&self.pool, "jobs", "status").await?;
        Ok(JobCounts {
            pending: n("pending"),
            done: n("done"),
            failed: n("failed"),
            skipped: n("skipped"),
        })
    }

    /// Pending jobs of a subject, earliest first, as (kind, due, payload).
    pub async fn pending_jobs_of(
        &self,
        subject: &str,
    ) -> Result<Vec<(String, DateTime<Utc>, String)>> {
        let rows = sqlx::query(
            "SELECT kind, due_at, payload FROM jobs WHERE subject = $1 AND status = 'pending' ORDER BY due_at, id",
        )
        .bind(subject)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok((
                    r.try_get("kind")?,
                    from_millis(r.try_get("due_at")?),
                    r.try_get("payload")?,
                ))
            })
            .collect()
    }
}

impl Store {
    /// Records that a match's milestone plan is scheduled (from `start`).
    pub async fn mark_plan_scheduled(&self, match_id: i64, start: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE matches SET plan_scheduled_at = $1 WHERE id = $2 AND plan_scheduled_at IS NULL",
        )
        .bind(to_millis(start))
        .bind(match_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Active matches with a pair room whose plan is not scheduled yet (the process
    /// stopped between creating the room and scheduling).
    pub async fn unscheduled_active_matches(&self) -> Result<Vec<i64>> {
        let rows = sqlx::query(
            "SELECT id FROM matches WHERE status = 'active' AND room IS NOT NULL AND plan_scheduled_at IS NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
    }

    /// Until when a match is paused, if it is.
    pub async fn paused_until(&self, match_id: i64) -> Result<Option<DateTime<Utc>>> {
        let until: Option<Option<i64>> =
            sqlx::query_scalar("SELECT paused_until FROM matches WHERE id = $1")
                .bind(match_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(until.flatten().map(from_millis))
    }

    /// Pauses a match until a time, or resumes it (`None`).
    pub async fn set_paused_until(
        &self,
        match_id: i64,
        until: Option<DateTime<Utc>>,
    ) -> Result<()> {
        sqlx::query("UPDATE matches SET paused_until = $1 WHERE id = $2")
            .bind(until.map(to_millis))
            .bind(match_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl Store {
    /// Pending jobs due by `now`, in due order, as (kind, subject, due, payload): what the
    /// next run will do, for the console's trace.
    pub async fn due_jobs(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(String, String, DateTime<Utc>, String)>> {
        let rows = sqlx::query(
            "SELECT kind, subject, due_at, payload FROM jobs WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2",
        )
        .bind(to_millis(now))
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("kind")?,
                    r.try_get("subject")?,
                    from_millis(r.try_get("due_at")?),
                    r.try_get("payload")?,
                ))
            })
            .collect()
    }
}

/// What the silent-pair check needs about one active match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairQuiet {
    pub match_id: i64,
    pub programme: String,
    /// The last message from either member in the pair room, else when the plan started.
    pub last_activity: Option<DateTime<Utc>>,
    pub started: Option<DateTime<Utc>>,
    pub paused_until: Option<DateTime<Utc>>,
    pub frozen: bool,
    pub nudged_at: Option<DateTime<Utc>>,
    pub alerted_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Every active match with a pair room, with what the silent-pair check needs.
    pub async fn pair_quiet(&self) -> Result<Vec<PairQuiet>> {
        self.flush_pair_activity().await?;
        let rows = sqlx::query(
            "SELECT m.id, m.programme, m.plan_scheduled_at, m.paused_until, m.frozen, \
             m.silence_nudged_at, m.silence_alerted_at, \
             (SELECT MAX(a.last_message_at) FROM pair_activity a WHERE a.match_id = m.id) AS last_message_at \
             FROM matches m WHERE m.status = 'active' AND m.room IS NOT NULL ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let time = |r: &sqlx::any::AnyRow, c: &str| -> Result<Option<DateTime<Utc>>> {
            Ok(r.try_get::<Option<i64>, _>(c)?.map(from_millis))
        };
        rows.iter()
            .map(|r| {
                let frozen: i64 = r.try_get("frozen")?;
                Ok(PairQuiet {
                    match_id: r.try_get("id")?,
                    programme: r.try_get("programme")?,
                    last_activity: time(r, "last_message_at")?,
                    started: time(r, "plan_scheduled_at")?,
                    paused_until: time(r, "paused_until")?,
                    frozen: frozen != 0,
                    nudged_at: time(r, "silence_nudged_at")?,
                    alerted_at: time(r, "silence_alerted_at")?,
                })
            })
            .collect()
    }

    /// Records a silent-pair nudge (or, with `alert`, a coordinators' alert) at `now`.
    pub async fn mark_silence(&self, match_id: i64, alert: bool, now: DateTime<Utc>) -> Result<()> {
        let sql = if alert {
            "UPDATE matches SET silence_alerted_at = $1 WHERE id = $2"
        } else {
            "UPDATE matches SET silence_nudged_at = $1 WHERE id = $2"
        };
        sqlx::query(sql)
            .bind(to_millis(now))
            .bind(match_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Stores `jobs` inside a transaction (a step's, so a session and its jobs are stored
/// together); a job already stored under its key is left as it is. Returns how many were
/// new.
pub(super) async fn insert_jobs(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    jobs: &[NewJob],
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut inserted = 0;
    for chunk in jobs.chunks(INSERT_CHUNK) {
        let size = padded_len(chunk.len());
        let mut sql = String::from(
            "INSERT INTO jobs (job_key, kind, subject, due_at, payload, status, created_at, platform) VALUES ",
        );
        for i in 0..size {
            let b = i * 7;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${}, 'pending', ${}, ${})",
                b + 1,
                b + 2,
                b + 3,
                b + 4,
                b + 5,
                b + 6,
                b + 7
            ));
        }
        sql.push_str(" ON CONFLICT (job_key) DO NOTHING");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        // Repeats of the first row are absorbed by ON CONFLICT.
        for job in chunk
            .iter()
            .chain(std::iter::repeat_n(&chunk[0], size - chunk.len()))
        {
            query = query
                .bind(job.key())
                .bind(job.kind.clone())
                .bind(job.subject.clone())
                .bind(to_millis(job.due_at))
                .bind(job.payload.clone())
                .bind(to_millis(now))
                .bind(job.platform.map(|p| p.as_str()));
        }
        inserted += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(inserted)
}

/// Marks a subject's pending jobs skipped (a closed match's milestones, a cancelled
/// session's announcement and reminders), in the step that ends them. A job a
/// worker is running now is left to it: it reads its subject again (a job that closes its
/// match, the planned end, must still finish or retry).
pub(super) async fn skip_jobs(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE jobs SET status = 'skipped', finished_at = $1, lease_until = NULL \
         WHERE subject = $2 AND status = 'pending' \
         AND NOT (leased_by IS NOT NULL AND lease_until > $1)",
    )
    .bind(to_millis(now))
    .bind(subject)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}
