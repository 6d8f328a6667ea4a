//! The outbox: acts (messages, rooms, files) recorded with the step that decided them and
//! delivered afterwards, retried until they are done, too late, or given up.
//!
//! - [`insert_acts`] runs inside a step's transaction. Each act gets the idempotency key
//!   `<base>-a<n>`, unique in the table, so enqueuing the same acts twice (a follow-up run
//!   again after a crash) stores them once. An act whose lane has nothing waiting is
//!   inserted already claimed by the inserting worker, which delivers it at once; one
//!   behind an earlier act of its lane waits for the dispatcher, so a lane keeps its order.
//! - [`Store::claim_due_acts`] claims, under a lease, the first waiting act of each lane
//!   (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several processes never take the same
//!   row; the parts the jobs share are in `claims`). A crashed worker's lease runs out and
//!   the act is claimed again, with the same key, which platforms use to drop a repeat.
//! - A delivered or stale act keeps its row (for the figures) but not its contents, which
//!   can hold people's words; [`Store::purge_finished_acts`] deletes old rows.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::claims::{bind_platforms, platform_filter, serves};
use super::sql::{self, Tx};
use super::{Store, from_millis, to_millis};
use crate::chat::Placement;
use crate::domain::{Platform, RoomRef, UserRef};
use crate::step::Act;

/// An act as claimed for delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxRow {
    pub id: i64,
    /// Who holds it: unique to one claim (one step's insert, one claim of the
    /// dispatcher), so two deliveries by one process can tell their claims apart.
    pub holder: String,
    /// The idempotency key of every attempt.
    pub key: String,
    pub act: Act,
    /// Attempts so far, this one included.
    pub attempts: i64,
    /// Until when this claim holds it (as claimed; `None`: not held).
    pub held_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// After this it is dropped rather than delivered (`None`: never).
    pub stale_at: Option<DateTime<Utc>>,
    /// After this a failure is final.
    pub give_up_at: DateTime<Utc>,
    /// Whether an earlier attempt failed (not merely a worker that died holding it).
    pub failed_before: bool,
    /// Who asked for it (a moderator's freeze), to be told if it fails.
    pub asked_by: Option<UserRef>,
    /// Where they asked (`None`: by DM).
    pub asked_in: Option<RoomRef>,
}

/// How a step's acts are enqueued.
#[derive(Debug, Clone)]
pub struct Enqueue<'a> {
    /// Unique per step (or stable per follow-up, so a re-run enqueues nothing new).
    pub base: &'a str,
    /// Who delivers them at once (unique to this step's claim), and its lease.
    pub worker: String,
    pub lease_until: DateTime<Utc>,
    pub give_up_at: DateTime<Utc>,
    /// For acts that go stale ([`Act::goes_stale`]).
    pub stale_at: DateTime<Utc>,
    pub asked_by: Option<&'a UserRef>,
    pub asked_in: Option<&'a RoomRef>,
    /// The platforms the worker serves: it holds only their acts (and those of no
    /// platform). Empty: all.
    pub platforms: &'a [Platform],
    /// The follow-up act (held by this worker) the step carries out: marked done in the
    /// step's transaction, so a follow-up that writes is never applied twice; the step is
    /// `Duplicate` if it is done already.
    pub completes: Option<i64>,
    /// The room and place a command was typed at: the acts' messages there go there too.
    pub typed_in: Option<(&'a RoomRef, &'a Placement)>,
}

/// Marks the follow-up act `id` done inside a step's transaction; `false` if it is not
/// pending and held by `worker` (done already).
pub(super) async fn complete_in(
    tx: &mut Tx<'_>,
    id: i64,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<bool, sql::Error> {
    let done = sql::query(
        "UPDATE outbox SET state = 'done', finished_at = $1, lease_until = NULL, act = '{}', lane = '' \
         WHERE id = $2 AND leased_by = $3 AND state = 'pending'",
    )
    .bind(to_millis(now))
    .bind(id)
    .bind(worker)
    .execute(tx.exec())
    .await?;
    Ok(done == 1)
}

/// How many acts are in each state, for tests and logs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: i64,
    pub done: i64,
    pub failed: i64,
    pub stale: i64,
}

const COLUMNS: &str = "id, act_key, act, attempts, created_at, stale_at, give_up_at, asked_by, asked_in, last_error, leased_by, lease_until";

fn row_of(r: &sqlx::any::AnyRow) -> Result<OutboxRow> {
    let act: String = r.try_get("act")?;
    let decode = |column: &str| -> Result<Option<String>> { Ok(r.try_get(column)?) };
    Ok(OutboxRow {
        id: r.try_get("id")?,
        holder: decode("leased_by")?.unwrap_or_default(),
        key: r.try_get("act_key")?,
        act: serde_json::from_str(&act).context("decoding an act in the outbox")?,
        attempts: r.try_get("attempts")?,
        held_until: r.try_get::<Option<i64>, _>("lease_until")?.map(from_millis),
        created_at: from_millis(r.try_get("created_at")?),
        stale_at: r.try_get::<Option<i64>, _>("stale_at")?.map(from_millis),
        give_up_at: from_millis(r.try_get("give_up_at")?),
        failed_before: decode("last_error")?.is_some(),
        asked_by: decode("asked_by")?
            .map(|s| serde_json::from_str(&s))
            .transpose()?,
        asked_in: decode("asked_in")?
            .map(|s| serde_json::from_str(&s))
            .transpose()?,
    })
}

/// Inserts `acts` in the step's transaction; returns those this worker now holds, to
/// deliver at once, in order.
pub(super) async fn insert_acts(
    tx: &mut Tx<'_>,
    acts: &[Act],
    enqueue: &Enqueue<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxRow>> {
    let asked_by = enqueue.asked_by.map(serde_json::to_string).transpose()?;
    let asked_in = enqueue.asked_in.map(serde_json::to_string).transpose()?;
    // Written first, read after: on SQLite a transaction that reads before it writes can
    // lose its snapshot to another writer. A new act is due at once, whatever the clock
    // says later (`due_at` 0): only a retry waits for a time.
    // The step's first act, once inserted.
    let mut first: Option<i64> = None;
    let mut held = Vec::new();
    for (n, act) in acts.iter().enumerate() {
        let act = match enqueue.typed_in {
            Some((room, placement)) => act.clone().answering(room, placement),
            None => act.clone(),
        };
        let key = format!("{}-a{n}", enqueue.base);
        let stale_at = act.goes_stale().then(|| to_millis(enqueue.stale_at));
        let json = serde_json::to_string(&act).context("encoding an act for the outbox")?;
        let mut platform = act.platform();
        if let (None, Some(match_id)) = (platform, act.pair_room_match()) {
            // A pair room is on its mentee's platform, unless the pair share another only
            // through a linked account (`matches.room_platform`).
            let found: Option<String> = match sql::query(
                "SELECT COALESCE(m.room_platform, a.platform) FROM matches m JOIN applications a ON a.id = m.mentee_application WHERE m.id = $1",
            )
            .bind(match_id)
            .fetch_optional(tx.exec())
            .await?
            {
                Some(row) => Some(row.try_get_at(0)?),
                None => None,
            };
            platform = found.and_then(|p| p.parse().ok());
        }
        // Held by this worker in the same statement, unless an earlier act of its lane
        // still waits (then it waits its turn, for the dispatcher) or another platform's
        // process serves it; acts of this step never hold each other up (`p.id` below the
        // step's first act: for the first, every act already there).
        let before = first.unwrap_or(i64::MAX);
        let claim = i64::from(serves(enqueue.platforms, platform));
        let row = sql::query(
            "INSERT INTO outbox (act_key, lane, act, state, attempts, due_at, asked_by, asked_in, \
             created_at, stale_at, give_up_at, platform, lease_until, leased_by) \
             SELECT $1, $2, $3, 'pending', CASE WHEN f.free THEN 1 ELSE 0 END, 0, $5, $6, $4, $7, $8, $9, \
             CASE WHEN f.free THEN $10 END, CASE WHEN f.free THEN $11 END \
             FROM (SELECT ($12 = 1 AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lane = $2 \
             AND p.state = 'pending' AND p.id < $13)) AS free) f WHERE TRUE \
             ON CONFLICT (act_key) DO NOTHING RETURNING id, leased_by",
        )
        .bind(&key)
        .bind(act.lane())
        .bind(json)
        .bind(to_millis(now))
        .bind(asked_by.clone())
        .bind(asked_in.clone())
        .bind(stale_at)
        .bind(to_millis(enqueue.give_up_at))
        .bind(platform.map(|p| p.as_str()))
        .bind(to_millis(enqueue.lease_until))
        .bind(&enqueue.worker)
        .bind(claim)
        .bind(before)
        .fetch_optional(tx.exec())
        .await?;
        // Already there: an earlier run of the same follow-up stored it.
        let Some(row) = row else {
            continue;
        };
        let id: i64 = row.try_get("id")?;
        let holder: Option<String> = row.try_get("leased_by")?;
        first.get_or_insert(id);
        if holder.is_some() {
            held.push(OutboxRow {
                id,
                holder: enqueue.worker.clone(),
                key,
                act,
                attempts: 1,
                held_until: Some(enqueue.lease_until),
                created_at: now,
                stale_at: stale_at.map(from_millis),
                give_up_at: enqueue.give_up_at,
                failed_before: false,
                asked_by: enqueue.asked_by.cloned(),
                asked_in: enqueue.asked_in.cloned(),
            });
        }
    }
    Ok(held)
}

impl Store {
    /// Enqueues acts outside a step (a follow-up that decides more acts), in a
    /// transaction of their own.
    pub async fn enqueue_acts(
        &self,
        acts: &[Act],
        enqueue: &Enqueue<'_>,
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxRow>> {
        let turn = self.write_turn().await;
        let mut tx = self.begin().await?;
        let held = insert_acts(&mut tx, acts, enqueue, now).await?;
        let flush = tx.commit_written().await?;
        drop(turn);
        flush.wait().await;
        Ok(held)
    }

    /// Claims up to `limit` acts that are due, each the first waiting one of its lane,
    /// on the `platforms` the worker serves (empty: all).
    pub async fn claim_due_acts(
        &self,
        worker: &str,
        platforms: &[Platform],
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "UPDATE outbox SET lease_until = $1, leased_by = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT o.id FROM outbox o WHERE o.state = 'pending' AND o.due_at <= $3 \
             AND (o.lease_until IS NULL OR o.lease_until <= $3) \
             AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lane = o.lane AND p.state = 'pending' AND p.id < o.id){} \
             ORDER BY o.id LIMIT $4{}) RETURNING {COLUMNS}",
            platform_filter(platforms, "o.platform", 5),
            self.skip_locked()
        );
        let rows = self
            .fetch_claimed(sql, worker, platforms, now, lease_until, limit)
            .await?;
        let mut acts = rows.iter().map(row_of).collect::<Result<Vec<_>>>()?;
        // RETURNING keeps no order.
        acts.sort_by_key(|a| a.id);
        Ok(acts)
    }

    /// Records how an act ended: `done`, `failed` (for good) or `stale`. Only the worker
    /// holding it can. A delivered or stale act forgets its contents and its lane (which
    /// could tie a person to a case); its key stays, so enqueuing it again does nothing. A
    /// failed one keeps them for the operator, except a case's (a reporter's messages),
    /// which keeps nothing that could name the reporter, not even the error, and a relayed
    /// copy's (a pair's own words, never kept).
    ///
    /// Returns whether acts wait in `lane` (the act's own, which it forgets), unclaimed,
    /// now that it is out of their way: asked in the same statement, so the step that
    /// delivered it needs no read of its own to hand them on.
    pub async fn finish_act(
        &self,
        worker: &str,
        id: i64,
        lane: &str,
        state: &str,
        error: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        debug_assert!(matches!(state, "done" | "failed" | "stale"));
        let forget = state != "failed";
        let _turn = self.write_turn().await;
        let row = sql::query(
            "UPDATE outbox SET state = $1, finished_at = $2, lease_until = NULL, \
             last_error = CASE WHEN lane LIKE 'case:%' THEN NULL ELSE COALESCE($3, last_error) END, \
             act = CASE WHEN $4 OR lane LIKE 'case:%' OR lane LIKE 'relay:%' THEN '{}' ELSE act END, \
             lane = CASE WHEN $4 OR lane LIKE 'case:%' THEN '' ELSE lane END, \
             asked_by = CASE WHEN $4 THEN NULL ELSE asked_by END, \
             asked_in = CASE WHEN $4 THEN NULL ELSE asked_in END \
             WHERE id = $5 AND leased_by = $6 AND state = 'pending' \
             RETURNING CAST(CASE WHEN EXISTS (SELECT 1 FROM outbox w WHERE w.lane = $7 \
             AND w.state = 'pending' AND w.leased_by IS NULL) THEN 1 ELSE 0 END AS BIGINT) AS waiting",
        )
        .bind(state)
        .bind(to_millis(now))
        .bind(error)
        .bind(forget)
        .bind(id)
        .bind(worker)
        .bind(lane)
        .fetch_optional(self.db()?.exec())
        .await?;
        Ok(match row {
            Some(row) => row.try_get::<i64>("waiting")? != 0,
            None => false,
        })
    }

    /// An attempt failed: let it be claimed again at `retry_at`.
    pub async fn retry_act(
        &self,
        worker: &str,
        id: i64,
        error: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET due_at = $1, lease_until = NULL, leased_by = NULL, last_error = $2 \
             WHERE id = $3 AND leased_by = $4 AND state = 'pending'",
        )
        .bind(to_millis(retry_at))
        .bind(error)
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Gives back a held act not attempted (an earlier act of its lane failed, or it is
    /// for a platform this process does not serve), to be claimed again from `due_at`.
    pub async fn release_act(&self, worker: &str, id: i64, due_at: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET lease_until = NULL, leased_by = NULL, attempts = attempts - 1, due_at = $3 \
             WHERE id = $1 AND leased_by = $2 AND state = 'pending'",
        )
        .bind(id)
        .bind(worker)
        .bind(to_millis(due_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Gives back an act the platform will take only from `due_at` (its pace), untried:
    /// not an attempt, and its retries run `retry_for` from then, not from when it was
    /// recorded (a batch of a thousand pair rooms at one a minute outlasts any retry
    /// window).
    pub async fn defer_act(
        &self,
        worker: &str,
        id: i64,
        due_at: DateTime<Utc>,
        retry_for: chrono::Duration,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET lease_until = NULL, leased_by = NULL, attempts = attempts - 1, due_at = $3, \
             give_up_at = CASE WHEN give_up_at < $4 THEN $4 ELSE give_up_at END \
             WHERE id = $1 AND leased_by = $2 AND state = 'pending'",
        )
        .bind(id)
        .bind(worker)
        .bind(to_millis(due_at))
        .bind(to_millis(due_at + retry_for))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether acts wait, unclaimed, in any of `lanes` (behind one that was in progress).
    pub async fn acts_waiting_in(&self, lanes: &[String]) -> Result<bool> {
        if lanes.is_empty() {
            return Ok(false);
        }
        let list: Vec<String> = (0..lanes.len()).map(|i| format!("${}", i + 1)).collect();
        let sql = format!(
            "SELECT id FROM outbox WHERE state = 'pending' AND leased_by IS NULL AND lane IN ({}) LIMIT 1",
            list.join(", ")
        );
        let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for lane in lanes {
            query = query.bind(lane);
        }
        Ok(query.fetch_optional(&self.pool).await?.is_some())
    }

    /// Extends the lease of a held act right before an attempt; `false` if this claim no
    /// longer holds it (its lease ran out and someone claimed it again): then it is not
    /// attempted, so it is not delivered twice at once.
    pub async fn renew_act(&self, worker: &str, id: i64, until: DateTime<Utc>) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE outbox SET lease_until = $1 WHERE id = $2 AND leased_by = $3 AND state = 'pending'",
        )
        .bind(to_millis(until))
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// When the next waiting act on `platforms` (empty: any) can be claimed: its due
    /// time, or its lease's end.
    pub async fn next_act_at(&self, platforms: &[Platform]) -> Result<Option<DateTime<Utc>>> {
        let sql = format!(
            "SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > due_at THEN lease_until ELSE due_at END) AS next \
             FROM outbox WHERE state = 'pending'{}",
            platform_filter(platforms, "platform", 1)
        );
        let row = bind_platforms(sqlx::query(sqlx::AssertSqlSafe(sql)), platforms)
            .fetch_one(&self.pool)
            .await?;
        let next: Option<i64> = row.try_get("next")?;
        Ok(next.map(from_millis))
    }

    /// Deletes finished acts (delivered, stale or failed) that ended before `before`.
    pub async fn purge_finished_acts(&self, before: DateTime<Utc>) -> Result<u64> {
        Ok(sqlx::query(
            "DELETE FROM outbox WHERE state <> 'pending' AND finished_at IS NOT NULL AND finished_at < $1",
        )
        .bind(to_millis(before))
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// How many acts are in each state.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        let n = super::count_by(&self.pool, "outbox", "state").await?;
        Ok(OutboxCounts {
            pending: n("pending"),
            done: n("done"),
            failed: n("failed"),
            stale: n("stale"),
        })
    }
}
