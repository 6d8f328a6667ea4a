//! The app as the scheduler's runner: which job kind runs what (milestones, the room's
//! archiving, event announcements and reminders); the app's own scheduler, serving the
//! platforms this process serves; and `run_due_jobs`, which the console calls after moving
//! its clock (missed plans scheduled first).
//!
//! A new kind of job gets its arm in `run` below, beside the file of this folder that
//! carries it out.

use std::sync::Arc;

use async_trait::async_trait;
use tracing::warn;

use super::planned_end::PAIR_ARCHIVE_JOB;
use super::{JobOutcome, JobRunner, Scheduler, SchedulerOptions};
use crate::app::{App, Result};
use crate::domain::schedule::{Job, MILESTONE_JOB};

impl App {
    /// A scheduler whose jobs this app carries out (those of the platforms it serves).
    pub fn scheduler(&self, mut options: SchedulerOptions) -> Scheduler {
        options.platforms = self.settings.platforms.clone();
        Scheduler::new(
            self.store.clone(),
            self.clock.clone(),
            Arc::new(self.clone()),
            options,
        )
    }

    /// Schedules any active match's plan that was missed, then runs every due job.
    pub async fn run_due_jobs(&self) -> Result<usize> {
        for id in self.store.unscheduled_active_matches().await? {
            self.schedule_milestones(id).await?;
        }
        self.schedule_missed_follow_ups().await?;
        Ok(self
            .scheduler(SchedulerOptions::default())
            .run_due()
            .await?)
    }
}

#[async_trait]
impl JobRunner for App {
    async fn run(&self, job: &Job) -> JobOutcome {
        let result = match job.kind.as_str() {
            MILESTONE_JOB => self.run_milestone(job).await,
            PAIR_ARCHIVE_JOB => self.run_archive(job).await,
            crate::domain::outcomes::FOLLOW_UP_JOB => self.run_follow_up(job).await,
            super::events::EVENT_ANNOUNCE_JOB | super::events::EVENT_REMINDER_JOB => {
                self.run_event_job(job).await
            }
            crate::storage::meetings::MEETING_REMINDER_JOB
            | crate::storage::meetings::MEETING_FOLLOW_UP_JOB => self.run_meeting_job(job).await,
            other => {
                warn!(job = %job.key, "no runner for job kind `{other}`; skipped");
                Ok(JobOutcome::Skipped)
            }
        };
        result.unwrap_or_else(|e| JobOutcome::Retry(e.to_string()))
    }
}
