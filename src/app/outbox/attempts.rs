//! Attempting the acts held for delivery: in their lanes' order, each one delivered,
//! dropped as stale, retried later with a growing pause or given up, as recorded in the
//! outbox; and the dispatcher's round over the acts that are due ([`App::dispatch_due`]).
//!
//! What an attempt does is [`App::deliver`]'s (in `deliver`); who is told of a failure is
//! `notices`'. To change when an act is tried again or given up, change [`retry_wait`] or
//! the `final_` rule in [`App::attempt`]; the settings are [`super::Delivery`]'s.

use chrono::{DateTime, Utc};
use tracing::{debug, error, info, warn};

use super::Failure;
use crate::app::commit::Progress;
use crate::app::{App, MAX_ATTEMPTS, unique_tag};
use crate::flows::acts::Act;
use crate::ports::{IdempotencyKey, PortError};
use crate::storage::OutboxRow;

/// The pause before the next attempt after `attempts` failed ones: 5 s, doubling, at most
/// ten minutes.
fn retry_wait(attempts: i64) -> chrono::Duration {
    let secs = 5i64 << attempts.clamp(1, 8).saturating_sub(1);
    chrono::Duration::seconds(secs.min(600))
}

impl App {
    /// Delivers acts this worker holds, in order. An act behind a failed one of its lane
    /// is given back to wait its turn. Returns what did not go through.
    pub(in crate::app) async fn dispatch(
        &self,
        rows: Vec<OutboxRow>,
        progress: &mut Option<Progress>,
    ) -> Vec<Failure> {
        self.dispatch_noting(rows, progress).await.0
    }

    /// [`App::dispatch`], also telling whether acts of another step wait, unclaimed, in
    /// the lane of an act it finished (to be handed on now, not at the dispatcher's next
    /// round).
    pub(in crate::app) async fn dispatch_noting(
        &self,
        rows: Vec<OutboxRow>,
        progress: &mut Option<Progress>,
    ) -> (Vec<Failure>, bool) {
        let mut behind = false;
        let mut failures = Vec::new();
        let mut blocked: Vec<String> = Vec::new();
        for row in rows {
            let lane = row.act.lane();
            if blocked.contains(&lane) {
                let now = self.clock.now();
                if let Err(e) = self.store.release_act(&row.holder, row.id, now).await {
                    warn!(key = %row.key, "giving back an act failed: {e:#}");
                }
                if row.act.is_send() {
                    self.tick(progress, false).await;
                }
                continue;
            }
            let send = row.act.is_send();
            let (failure, waiting) = self.attempt(row).await;
            behind |= waiting;
            if send {
                self.tick(progress, failure.is_none()).await;
            }
            if let Some(f) = failure {
                if f.retry_at.is_some() {
                    blocked.push(lane);
                }
                failures.push(f);
            }
        }
        (failures, behind)
    }

    /// One attempt at one held act: delivered, dropped as stale, retried later or failed
    /// for good, as recorded in the outbox. Tells whoever should know. Also returns
    /// whether acts wait behind it in its lane, now free.
    async fn attempt(&self, row: OutboxRow) -> (Option<Failure>, bool) {
        let now = self.clock.now();
        if row.stale_at.is_some_and(|at| now >= at) {
            warn!(key = %row.key, "dropping {} recorded at {}: too late to be useful", row.act.kind(), row.created_at);
            return (None, self.finish(&row, "stale", None).await);
        }
        // A reporter's platform is known only once they are unsealed: a process that does
        // not serve it gives the act back, untried, for one that does.
        if let Act::TellReporter { case_id, .. } = &row.act
            && !self.settings.platforms.is_empty()
            && let Ok(Some(reporter)) = self.store.case_reporter(*case_id).await
            && !self.settings.platforms.contains(&reporter.platform)
        {
            // Not claimable again at once: a process serving that platform takes it.
            let later = now + chrono::Duration::seconds(30);
            if let Err(e) = self.store.release_act(&row.holder, row.id, later).await {
                warn!(key = %row.key, "giving back an act failed: {e:#}");
            }
            return (None, false);
        }
        // This claim must still hold it: a delivery that ran past its lease may have
        // been claimed again by the dispatcher, which then delivers it instead. A claim
        // made a moment ago (the step that just stored it) holds it for nearly a whole
        // lease, which nobody can take over: renewing it would only cost a write.
        let lease = self.settings.delivery.lease;
        let fresh = row
            .held_until
            .is_some_and(|until| until - now >= lease * 9 / 10);
        let renewed = if fresh {
            Ok(true)
        } else {
            self.store.renew_act(&row.holder, row.id, now + lease).await
        };
        match renewed {
            Ok(true) => {}
            Ok(false) => {
                debug!(key = %row.key, "no longer held by this claim; left to its new holder");
                return (None, false);
            }
            Err(e) => {
                warn!(key = %row.key, "renewing an act's lease failed: {e:#}");
                return (None, false);
            }
        }
        let key = IdempotencyKey(row.key.clone());
        let delivered = crate::app::supervise::contained(
            &format!("delivering {}", row.act.kind()),
            self.deliver(&row.act, &key, (row.id, &row.holder)),
        )
        .await
        .unwrap_or_else(|p| Err(PortError::Other(anyhow::anyhow!("{p}"))));
        let error = match delivered {
            Ok(()) => {
                let behind = self.finish(&row, "done", None).await;
                self.note_paced(&row, None).await;
                // After a failure that was told (not after a worker died holding it).
                if row.failed_before {
                    info!(key = %row.key, attempts = row.attempts, "{} went through on a later try", row.act.kind());
                    self.tell_asker(&row, None).await;
                    if let Act::CreatePairRoom {
                        match_id, members, ..
                    } = &row.act
                        && let Some(m) = members.first()
                    {
                        let programme = self
                            .store
                            .match_by_id(*match_id)
                            .await
                            .ok()
                            .flatten()
                            .map(|m| m.programme);
                        crate::app::follow_up(
                            "telling coordinators a pair room was made",
                            self.tell_coordinators(
                                (programme.as_deref(), m.platform),
                                "pair-room-made",
                                crate::i18n::Text::msg("notice-pair-room-made").arg("m", *match_id),
                            )
                            .await,
                        );
                    }
                }
                return (None, behind);
            }
            Err(PortError::Paced(until)) => {
                debug!(key = %row.key, %until, "{} waits for the platform's pace", row.act.kind());
                if let Err(e) = self
                    .store
                    .defer_act(&row.holder, row.id, until, self.settings.delivery.retry_for)
                    .await
                {
                    warn!(key = %row.key, "putting back a paced act failed: {e:#}");
                }
                self.note_paced(&row, Some(until)).await;
                return (None, false);
            }
            Err(e) => e,
        };
        let final_ = matches!(
            error,
            PortError::Unreachable(..)
                | PortError::TooLarge(_)
                | PortError::Impossible(_)
                | PortError::Refused(_)
        ) || now >= row.give_up_at;
        let text = error.to_string();
        let mut behind = false;
        let retry_at = if final_ {
            warn!(key = %row.key, attempts = row.attempts, "{} failed for good: {text}", row.act.kind());
            self.note_paced(&row, None).await;
            metrics::counter!("tandem_acts_failed_total", "kind" => row.act.kind()).increment(1);
            behind = self.finish(&row, "failed", Some(&text)).await;
            None
        } else {
            let at = (now + retry_wait(row.attempts)).min(row.give_up_at);
            warn!(key = %row.key, attempts = row.attempts, "{} failed; trying again at {at}: {text}", row.act.kind());
            if let Err(e) = self.store.retry_act(&row.holder, row.id, &text, at).await {
                error!(key = %row.key, "recording a retry failed: {e:#}");
            }
            Some(at)
        };
        // The first failure and the last are told; the tries between are only logged.
        if !row.failed_before || retry_at.is_none() {
            self.tell_asker(&row, Some((&text, retry_at))).await;
        }
        let failure = Failure {
            asked: self.asked_by_staff(&row),
            key: row.key.clone(),
            first: !row.failed_before,
            give_up_at: row.give_up_at,
            act: row.act,
            error,
            retry_at,
        };
        (Some(failure), behind)
    }

    /// Records how an act ended; whether acts of its lane wait behind it (see
    /// `Store::finish_act`).
    async fn finish(&self, row: &OutboxRow, state: &str, error: Option<&str>) -> bool {
        let lane = row.act.lane();
        match self
            .store
            .finish_act(&row.holder, row.id, &lane, state, error, self.clock.now())
            .await
        {
            Ok(waiting) => waiting,
            Err(e) => {
                error!(key = %row.key, "recording that an act is {state} failed: {e:#}");
                false
            }
        }
    }

    /// Delivers the acts that are due and not held by anyone (retries, and what a crashed
    /// process left), then surfaces what failed. Returns how many were attempted.
    pub async fn dispatch_due(&self) -> crate::error::Result<usize> {
        let mut attempted = 0;
        // Each round takes the first waiting act of every lane; the next ones follow.
        for _ in 0..MAX_ATTEMPTS {
            let now = self.clock.now();
            let holder = format!("{}-{}", self.worker, unique_tag());
            let rows = self
                .store
                .claim_due_acts(
                    &holder,
                    &self.settings.platforms,
                    now,
                    now + self.settings.delivery.lease,
                    200,
                )
                .await?;
            if rows.is_empty() {
                break;
            }
            attempted += rows.len();
            let failures = self.dispatch(rows, &mut None).await;
            self.surface(&failures, None).await;
        }
        Ok(attempted)
    }

    /// When the dispatcher should look again (the next retry), if anything waits.
    pub async fn next_delivery_at(&self) -> crate::error::Result<Option<DateTime<Utc>>> {
        Ok(self.store.next_act_at(&self.settings.platforms).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_ten_minutes() {
        assert_eq!(retry_wait(1), chrono::Duration::seconds(5));
        assert_eq!(retry_wait(2), chrono::Duration::seconds(10));
        assert_eq!(retry_wait(30), chrono::Duration::seconds(600));
    }
}
