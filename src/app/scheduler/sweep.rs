//! The periodic sweep: what is due on a clock rather than on a message (expired and
//! expiring checks, waiting-list reminders, held files no flow took, ended legal holds,
//! milestone plans that were missed), run by the scheduler loop.

use crate::app::*;

/// How long a sweep's lease lasts unless renewed, and how often it is renewed.
const SWEEP_LEASE: chrono::Duration = chrono::Duration::seconds(60);
const SWEEP_RENEW: std::time::Duration = std::time::Duration::from_secs(20);

/// Renews the sweep's lease until dropped (even by a panic in the sweep).
struct KeepLease(tokio::task::JoinHandle<()>);

impl Drop for KeepLease {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl App {
    /// Time-driven screening work: expire checks whose date has passed, warn about those
    /// soon to expire, and remind people on waiting lists. Safe to run as often as wanted, by any number of processes (one
    /// at a time does it); returns how many things it did.
    pub async fn sweep(&self) -> Result<usize> {
        // One process sweeps at a time (several may share the database); its acts reach
        // other platforms through the outbox. The lease is short and renewed while the
        // sweep runs, so a process that dies mid-sweep holds the others back a minute at
        // most; what a sweep decided is written with its marks, so one that lost its
        // lease and a second sweeper after it do nothing twice.
        let now = self.clock.now();
        if !self
            .store
            .take_lease("sweep", &self.worker, now, now + SWEEP_LEASE)
            .await?
        {
            debug!("another process is sweeping");
            return Ok(0);
        }
        let renewing = KeepLease({
            let (store, worker, clock) =
                (self.store.clone(), self.worker.clone(), self.clock.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(SWEEP_RENEW).await;
                    let now = clock.now();
                    match store
                        .take_lease("sweep", &worker, now, now + SWEEP_LEASE)
                        .await
                    {
                        Ok(true) => {}
                        Ok(false) => warn!("the sweep's lease was taken over; finishing anyway"),
                        Err(e) => warn!("renewing the sweep's lease failed: {e:#}"),
                    }
                }
            })
        });
        let swept = self.sweep_held().await;
        drop(renewing);
        if let Err(e) = self.store.release_lease("sweep", &self.worker).await {
            warn!("giving back the sweep's lease failed: {e:#}");
        }
        swept
    }

    pub(super) async fn sweep_held(&self) -> Result<usize> {
        let mut done = 0;
        // A match whose plan was never scheduled (the process stopped, or scheduling
        // failed, between the match starting and its plan): scheduled now, from now, so
        // its nudges still come. One that fails is tried again at the next sweep.
        for id in self.store.unscheduled_active_matches().await? {
            match self.schedule_milestones(id).await {
                Ok(_) => done += 1,
                Err(e) => warn!(match_id = id, "scheduling a missed plan failed: {e:#}"),
            }
        }
        // A closed match whose follow-ups of outcomes were never scheduled (the process
        // stopped between the closure and the scheduling).
        match self.schedule_missed_follow_ups().await {
            Ok(n) => done += n,
            Err(e) => warn!("scheduling missed follow-ups failed: {e:#}"),
        }
        // A prompt queued for someone free to answer it but never started (the process
        // stopped between a step's commit and the start that follows it): started now,
        // before anything they say next is read without it.
        for person in self.store.stranded_prompt_holders(200).await? {
            match self.deliver_prompts(&person).await {
                Ok(_) => done += 1,
                Err(e) => warn!("starting a waiting prompt failed: {e:#}"),
            }
        }
        let today = self.clock.now().date_naive();
        for (id, step) in self.store.expired_checks(today).await? {
            if self
                .system_step(id, None, |ctx, programme, record| {
                    review::expire_check(ctx, programme, record, &step)
                })
                .await?
            {
                done += 1;
            }
        }
        // The longest lead time configured; each step's own is applied by the flow.
        let lead = self
            .programmes
            .iter()
            .flat_map(|p| p.roles.values())
            .flat_map(|r| r.screening.steps.iter())
            .map(|s| s.warn_days)
            .max()
            .unwrap_or(0);
        if lead > 0 {
            for (id, step) in self.store.checks_to_warn(today, lead).await? {
                if self
                    .system_step(id, None, |ctx, programme, record| {
                        review::warn_check(ctx, programme, record, &step)
                    })
                    .await?
                {
                    done += 1;
                }
            }
        }
        done += self.escalate_cases().await?;
        // Offers whose people stopped being ready since (a check lapsed today, a
        // suspension) are withdrawn, not left to be accepted.
        done += self.withdraw_blocked_offers().await?;
        // Finished acts are kept a week (what was delivered, for an operator's questions),
        // then deleted; their contents were forgotten when they finished.
        self.store
            .purge_finished_acts(self.clock.now() - chrono::Duration::days(7))
            .await?;
        self.store.purge_inbound_events(30).await?;
        self.store.forget_old_prompts(self.clock.now()).await?;
        // The safety reminders sent matter for a day (one per kind a day, by the sender's
        // own date, which may lag UTC's by more than a day): kept three.
        self.store
            .forget_safety_reminders(self.clock.now() - chrono::Duration::days(3))
            .await?;
        // Safeguarding records kept after an erasure, whose time is up, are erased.
        done += self.store.end_expired_holds(self.clock.now()).await?;
        let stale = self.store.drop_stale_held_files(self.clock.now()).await?;
        if stale > 0 {
            info!(
                files = stale,
                "deleted evidence files held for reports never sent"
            );
        }
        done += self.check_silent_pairs().await?;
        done += self.check_support().await?;
        done += self.remind_surveys().await?;
        for id in self.store.overdue_matches(self.clock.now()).await? {
            if self.expire_match(id).await? {
                done += 1;
            }
        }
        let waitlisted = self.store.waitlisted().await?;
        let now = self.clock.now();
        for (summary, reminded) in &waitlisted {
            let Some(programme) = self.programme(&summary.programme) else {
                continue;
            };
            let every = i64::from(programme.waitlist_reminder_days);
            let last = reminded.unwrap_or(summary.submitted_at);
            if every == 0 || (now - last).num_days() < every {
                continue;
            }
            let queue: Vec<i64> = waitlisted
                .iter()
                .filter(|(s, _)| s.programme == summary.programme && s.role == summary.role)
                .map(|(s, _)| s.id)
                .collect();
            let position = queue.iter().position(|i| *i == summary.id).unwrap_or(0) + 1;
            let total = queue.len();
            if self
                .system_step(summary.id, None, |_, programme, record| {
                    review::waitlist_reminder(programme, record, position, total)
                })
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }
}
