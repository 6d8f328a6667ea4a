//! Group events after the step that created or cancelled them: telling the coordinators
//! what was created (an outbox act), cancelling the platform's copy, and what a session's
//! jobs do when they fall due (its announcement with RSVP, a week before or at once, and
//! the reminders to those who said yes).
//!
//! A session and its jobs are stored together by the step that creates it
//! (`domain::events::session_jobs`, subject `event:<id>`), and a cancellation skips them
//! in its own step, so a crash in between can lose neither. The announcement is also where
//! the platform's own copy is made (a Discord scheduled event), so a long series does not
//! fill the server's event list months ahead.
//!
//! A new kind of event job is a kind name in `domain::events`, decided in `session_jobs`,
//! handled in `run_event_job` here and named in the runner's match (`runner`).

use tracing::{info, warn};

use super::{JobOutcome, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::RoomRef;
use crate::domain::events::{ANNOUNCE_BEFORE_DAYS, EventJob, EventRecord, Rsvp, said_local};
use crate::domain::schedule::Job;
use crate::flows::events::announcement;
use crate::i18n::Text;
use crate::ports::{IdempotencyKey, PortError};

pub use crate::domain::events::{EVENT_ANNOUNCE_JOB, EVENT_REMINDER_JOB};

impl App {
    /// Tells the coordinators what `event create` stored (the act's delivery, once the
    /// sessions, and their jobs, are recorded): each session with its number and time.
    pub(in crate::app) async fn announce_events(
        &self,
        key: &IdempotencyKey,
        ids: &[i64],
        room: &RoomRef,
    ) -> std::result::Result<(), PortError> {
        let mut sessions = Vec::new();
        for id in ids {
            sessions.extend(self.event_to_deliver(*id).await?);
        }
        let Some(first) = sessions.first() else {
            return Ok(());
        };
        info!(event = first.id, sessions = sessions.len(), "event created");
        let mut lines = vec![
            Text::msg("event-created")
                .arg("title", &first.title)
                .arg("sessions", sessions.len())
                .arg("room", first.room.to_string())
                .arg("days", ANNOUNCE_BEFORE_DAYS)
                // The zone the start was read in: the one written, or the programme's.
                .arg("zone", &first.zone),
        ];
        lines.extend(
            sessions
                .iter()
                .map(|e| Text::join(vec![Text::plain(format!("#{} ", e.id)), e.said_when()], "")),
        );
        self.post(room, &OutMessage::said(Text::lines(lines)), key)
            .await
    }

    /// After `event cancel` is recorded (its jobs skipped with it): the platform's copy
    /// is cancelled too, if one was made.
    pub(in crate::app) async fn cancel_platform_event(
        &self,
        id: i64,
    ) -> std::result::Result<(), PortError> {
        match self.event_to_deliver(id).await? {
            Some(e) if e.external_id.is_some() => self.ports.rooms.cancel_event(&e).await,
            _ => Ok(()),
        }
    }

    /// A session, read for an act's delivery (a failure to read it is retried as the act).
    async fn event_to_deliver(
        &self,
        id: i64,
    ) -> std::result::Result<Option<EventRecord>, PortError> {
        self.store
            .event(id)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("finding event #{id}: {e}")))
    }

    pub(super) async fn run_event_job(&self, job: &Job) -> Result<JobOutcome> {
        let Ok(payload) = serde_json::from_str::<EventJob>(&job.payload) else {
            warn!(job = %job.key, "unreadable event job; skipped");
            return Ok(JobOutcome::Skipped);
        };
        let Some(event) = self.store.event(payload.event_id).await? else {
            return Ok(JobOutcome::Skipped);
        };
        if event.cancelled || event.starts_at <= self.now() {
            return Ok(JobOutcome::Skipped);
        }
        if job.kind == EVENT_ANNOUNCE_JOB {
            self.announce(job, &event).await
        } else {
            self.remind(job, &event, payload.before_minutes).await
        }
    }

    async fn announce(&self, job: &Job, event: &EventRecord) -> Result<JobOutcome> {
        if event.external_id.is_none() {
            match self.ports.rooms.publish_event(event).await {
                Ok(Some(external)) => {
                    self.store
                        .set_event_external_id(event.id, &external)
                        .await?
                }
                Ok(None) => {}
                // The announcement matters more than the platform's copy.
                Err(e) => warn!(
                    event = event.id,
                    "publishing the event natively failed: {e}"
                ),
            }
        }
        Ok(
            match self
                .ports
                .rooms
                .post_in_room(&event.room, &announcement(event), &job_key(job, 0))
                .await
            {
                Ok(_) => JobOutcome::Done,
                Err(e) => JobOutcome::Retry(e.to_string()),
            },
        )
    }

    async fn remind(
        &self,
        job: &Job,
        event: &EventRecord,
        before_minutes: i64,
    ) -> Result<JobOutcome> {
        let rsvps = self.store.rsvps(event.id).await?;
        // Said as it really is: a reminder sent late (the bot was down) says how long is left.
        let left = (event.starts_at - self.now()).num_minutes().max(1);
        let minutes = if (left - before_minutes).abs() <= 5 {
            before_minutes
        } else {
            left
        };
        let soon = if minutes >= 60 {
            Text::msg("event-hours").arg("count", (minutes + 30) / 60)
        } else {
            Text::msg("event-minutes").arg("count", minutes)
        };
        for (user, answer) in &rsvps {
            if *answer != Rsvp::Yes {
                continue;
            }
            let text = match self.store.answered_zone_of(user).await? {
                Some(zone) if zone.canonical() != event.zone().canonical() => {
                    Text::msg("event-reminder-local")
                        .arg("local", said_local(event.starts_at, &zone))
                }
                _ => Text::msg("event-reminder"),
            }
            .arg("title", &event.title)
            .arg("soon", soon.clone())
            .arg("when", event.said_when());
            let message = OutMessage {
                at: Some(event.starts_at),
                ..OutMessage::said(text)
            };
            // Keyed by person, so a retried job never reminds anyone twice.
            let key = IdempotencyKey(format!("{}-{user}", job_key(job, 0).0));
            let to = self.dm_account(user).await;
            match self.ports.dm.send_dm(&to, &message, &key).await {
                Ok(_) => {}
                Err(PortError::Unreachable(who, why)) => {
                    warn!(event = event.id, "reminder not delivered to {who}: {why}");
                }
                Err(e) => return Ok(JobOutcome::Retry(e.to_string())),
            }
        }
        Ok(JobOutcome::Done)
    }
}
