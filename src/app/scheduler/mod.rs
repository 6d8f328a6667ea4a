//! What runs on a clock. This folder holds the app's side of it:
//!
//! - the job loop, here;
//! - `runner`: which job kind runs what (the app as the loop's [`JobRunner`]);
//! - `milestones`: a match's plan of milestones (messages, check-ins, surveys), scheduled
//!   when its pair room exists and carried out as each falls due;
//! - `planned_end`: the last milestone, closing the match, and the room's archiving;
//! - `events`: group events' announcements and reminders;
//! - `meetings`: a booked meeting's reminder and "did you meet?";
//! - `outcomes`: a closed match's follow-ups of outcomes, scheduled and sent;
//! - `nudges`: quiet pairs and unanswered surveys, which the periodic sweep (`App::sweep`,
//!   in `app`) runs, as no job can be scheduled for what did not happen;
//! - `support`: staff check-ins overdue, matches turning at risk, long silences (the
//!   sweep too).
//!
//! The pure rules of a plan (when each milestone falls, in the pair's time zone) are in
//! `domain::schedule`, and the jobs' SQL (scheduling by key, claiming under a lease,
//! finishing, retrying) in `storage::jobs`.
//!
//! The scheduler: one loop that claims due jobs from the database, hands them to a
//! [`JobRunner`], and marks them done only after the runner has carried them out.
//!
//! - No task per job: the loop sleeps until the next job is due (or until woken because a
//!   job was scheduled), claims a batch under a lease, runs it in order, and finishes the
//!   batch in one statement.
//! - A crash between a send and the batch's "done" means the job runs again after its lease
//!   ends. That is why every send a job makes carries an idempotency key derived from the
//!   job's key ([`job_key`]): the platform (Matrix transaction ids, Discord nonces) drops
//!   the repeat, so nobody sees a message twice.
//! - A failed job is retried with doubling waits, and given up after [`MAX_ATTEMPTS`].
//! - A job that panics is retried like a failed one (see `app::supervise`); the batch goes on.
//! - The clock is injected: console mode and tests call [`Scheduler::run_due`] after moving
//!   a manual clock, and a clock jump runs every job that became due, once, in due order.
//!
//! To add a kind of job: give it a kind name, schedule it with `Store::schedule_jobs`, and
//! handle the name in the runner (`App`'s implementation lives in `runner`), with what the
//! job does in a file of this folder.

mod events;
mod meetings;
mod milestones;
mod nudges;
mod outcomes;
mod planned_end;
mod runner;
mod support;
mod sweep;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio::sync::Notify;
use tracing::{debug, warn};

use super::Clock;
use crate::domain::schedule::Job;
use crate::ports::IdempotencyKey;
use crate::storage::Store;

/// Attempts before a job is given up.
pub const MAX_ATTEMPTS: i64 = 8;

/// What became of a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    Done,
    /// Nothing to do any more (a paused or closed match): recorded as skipped.
    Skipped,
    /// Try again later (the platform could not be reached, say).
    Retry(String),
}

/// Carries out claimed jobs.
#[async_trait]
pub trait JobRunner: Send + Sync {
    async fn run(&self, job: &Job) -> JobOutcome;
}

/// The idempotency key for the `n`th send of a job: the same on every attempt.
pub fn job_key(job: &Job, n: usize) -> IdempotencyKey {
    IdempotencyKey(format!("job-{}-{n}", job.key))
}

#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    /// Identifies this process's claims.
    pub worker: String,
    /// How long a claim holds before another worker may take the job.
    pub lease: Duration,
    /// Jobs claimed at once.
    pub batch: usize,
    /// The longest sleep, so jobs scheduled by other processes are noticed.
    pub max_idle: Duration,
    /// The platforms this process serves: only their jobs (and those of none) are claimed.
    /// Empty: all.
    pub platforms: Vec<crate::domain::Platform>,
}

impl Default for SchedulerOptions {
    fn default() -> Self {
        SchedulerOptions {
            worker: format!("tandem-{}-{}", std::process::id(), rand_suffix()),
            lease: Duration::from_secs(60),
            batch: 500,
            max_idle: Duration::from_secs(30),
            platforms: Vec::new(),
        }
    }
}

fn rand_suffix() -> u32 {
    let mut bytes = [0u8; 4];
    // A name collision would only let two workers share claims' bookkeeping.
    let _ = getrandom::fill(&mut bytes);
    u32::from_le_bytes(bytes)
}

/// Runs due jobs; cheap to clone.
#[derive(Clone)]
pub struct Scheduler {
    store: Store,
    clock: Arc<dyn Clock>,
    runner: Arc<dyn JobRunner>,
    options: SchedulerOptions,
    wake: Arc<Notify>,
    stopping: Arc<AtomicBool>,
}

impl Scheduler {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        runner: Arc<dyn JobRunner>,
        options: SchedulerOptions,
    ) -> Self {
        Scheduler {
            store,
            clock,
            runner,
            options,
            wake: Arc::new(Notify::new()),
            stopping: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Wakes the loop early (a job was scheduled that may be due sooner).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Makes [`Scheduler::run`] return after the batch in progress.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }

    /// Runs every job due now, batch after batch, until none is left; returns how many
    /// were carried out (done or skipped).
    pub async fn run_due(&self) -> anyhow::Result<usize> {
        let mut ran = 0;
        loop {
            let n = self.run_batch().await?;
            if n == 0 {
                return Ok(ran);
            }
            ran += n;
        }
    }

    /// Claims and runs one batch; returns how many jobs it finished.
    async fn run_batch(&self) -> anyhow::Result<usize> {
        let now = self.clock.now();
        let lease_until = now + chrono::Duration::from_std(self.options.lease)?;
        let jobs = self
            .store
            .claim_due_jobs(
                &self.options.worker,
                &self.options.platforms,
                now,
                lease_until,
                self.options.batch,
            )
            .await?;
        if jobs.is_empty() {
            return Ok(0);
        }
        let mut done = Vec::new();
        let mut skipped = Vec::new();
        for job in &jobs {
            // A job that panics is retried like one that failed; the others run on.
            let outcome =
                super::supervise::contained(&format!("job {}", job.key), self.runner.run(job))
                    .await
                    .unwrap_or_else(|p| JobOutcome::Retry(p.to_string()));
            match outcome {
                JobOutcome::Done => done.push(job.id),
                JobOutcome::Skipped => skipped.push(job.id),
                JobOutcome::Retry(error) => {
                    let give_up = job.attempts >= MAX_ATTEMPTS;
                    let wait = retry_wait(job.attempts);
                    let now = self.clock.now();
                    if give_up {
                        warn!(job = %job.key, attempts = job.attempts, "giving up a job: {error}");
                    } else {
                        debug!(job = %job.key, "job failed, retrying in {wait:?}: {error}");
                    }
                    self.store
                        .retry_job(
                            &self.options.worker,
                            job.id,
                            &error,
                            now + wait,
                            give_up,
                            now,
                        )
                        .await?;
                }
            }
        }
        let now = self.clock.now();
        self.store
            .finish_jobs(&self.options.worker, &done, "done", now)
            .await?;
        self.store
            .finish_jobs(&self.options.worker, &skipped, "skipped", now)
            .await?;
        Ok(done.len() + skipped.len())
    }

    /// The loop: run what is due, then sleep until the next job (or a wake-up), until
    /// [`Scheduler::stop`]. Database errors are logged and retried after a pause.
    pub async fn run(&self) {
        while !self.stopping.load(Ordering::SeqCst) {
            // Pair-room times noted since the last round are written at least this often
            // (see `storage::activity`), however quiet the rooms went.
            if let Err(e) = self.store.flush_pair_activity().await {
                warn!("scheduler: writing pair activity: {e:#}");
            }
            let sleep = match self.run_due().await {
                Ok(_) => self.until_next().await,
                Err(e) => {
                    warn!("scheduler: {e:#}; trying again in 5 s");
                    Duration::from_secs(5)
                }
            };
            if sleep.is_zero() {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = self.wake.notified() => {}
            }
        }
        if let Err(e) = self.store.flush_pair_activity().await {
            warn!("scheduler: writing pair activity before stopping: {e:#}");
        }
    }

    async fn until_next(&self) -> Duration {
        let next: Option<DateTime<Utc>> = self
            .store
            .next_job_at(&self.options.platforms)
            .await
            .unwrap_or_else(|e| {
                warn!("scheduler: finding the next job failed: {e:#}");
                None
            });
        let Some(next) = next else {
            return self.options.max_idle;
        };
        let wait = (next - self.clock.now()).to_std().unwrap_or(Duration::ZERO);
        wait.min(self.options.max_idle)
    }
}

/// 2 s, 4 s, 8 s... capped at an hour.
fn retry_wait(attempts: i64) -> chrono::Duration {
    let secs = 1i64 << attempts.clamp(1, 12);
    chrono::Duration::seconds(secs.min(3600))
}
