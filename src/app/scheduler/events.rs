//! Group events after the step that created or cancelled them: each session's jobs (its
//! announcement with RSVP, a week before or at once, and the reminders to those who said
//! yes), and what those jobs do when they fall due.
//!
//! A session's jobs have the subject `event:<id>`, so cancelling it skips them all. The
//! announcement is also where the platform's own copy is made (a Discord scheduled event),
//! so a long series does not fill the server's event list months ahead.
//!
//! A new kind of event job is a kind name here, scheduled in `after_events_created`,
//! handled in `run_event_job` and named in the runner's match (`runner`). The sessions
//! themselves are stored by the step (`storage::events`).

use chrono::Duration;
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::{JobOutcome, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::RoomRef;
use crate::domain::events::{ANNOUNCE_BEFORE_DAYS, EventRecord, Rsvp, describe};
use crate::domain::schedule::{Job, NewJob};
use crate::domain::timezone::TimeZone;
use crate::flows::events::announcement;
use crate::ports::{IdempotencyKey, PortError};

pub const EVENT_ANNOUNCE_JOB: &str = "event_announce";
pub const EVENT_REMINDER_JOB: &str = "event_reminder";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct EventJob {
    event_id: i64,
    /// For a reminder: how long before the start.
    #[serde(default)]
    before_minutes: i64,
}

pub(super) fn event_subject(id: i64) -> String {
    format!("event:{id}")
}

impl App {
    /// After `event create`: schedules each session's jobs and tells the coordinators what
    /// was created, in the room the command came from.
    pub(in crate::app) async fn after_events_created(
        &self,
        ids: &[i64],
        room: Option<&RoomRef>,
    ) -> Result<()> {
        let now = self.now();
        let mut sessions = Vec::new();
        for id in ids {
            if let Some(e) = self.store.event(*id).await? {
                sessions.push(e);
            }
        }
        let mut jobs = Vec::new();
        for e in &sessions {
            let payload = |before: i64| {
                serde_json::to_string(&EventJob {
                    event_id: e.id,
                    before_minutes: before,
                })
                .expect("plain data")
            };
            jobs.push(NewJob {
                kind: EVENT_ANNOUNCE_JOB.into(),
                subject: event_subject(e.id),
                due_at: (e.starts_at - Duration::days(ANNOUNCE_BEFORE_DAYS)).max(now),
                payload: payload(0),
                platform: Some(e.room.platform),
            });
            for before in &self.settings.event_reminders {
                let due = e.starts_at - *before;
                if due > now {
                    jobs.push(NewJob {
                        kind: EVENT_REMINDER_JOB.into(),
                        subject: event_subject(e.id),
                        due_at: due,
                        payload: payload(before.num_minutes()),
                        platform: Some(e.room.platform),
                    });
                }
            }
        }
        self.store.schedule_jobs(&jobs, now).await?;
        let Some(first) = sessions.first() else {
            return Ok(());
        };
        info!(event = first.id, sessions = sessions.len(), "event created");
        let Some(room) = room else { return Ok(()) };
        let mut text = format!(
            "Event created: {} — {} session{}, each announced in {} with RSVP {} days before it (at once if sooner); reminders go to those who say yes. Times are in {}.",
            first.title,
            sessions.len(),
            if sessions.len() == 1 { "" } else { "s" },
            first.room,
            ANNOUNCE_BEFORE_DAYS,
            // The zone the start was read in: the one written, or the programme's.
            first.zone
        );
        for e in &sessions {
            text.push_str(&format!("\n#{} {}", e.id, e.when()));
        }
        let key = IdempotencyKey(format!("event-{}-created", first.id));
        self.ports
            .rooms
            .post_in_room(room, &OutMessage::text(text), &key)
            .await
            .map_err(|e| {
                crate::error::Error::Internal(anyhow::anyhow!("posting the event: {e}"))
            })?;
        Ok(())
    }

    /// After `event cancel`: the session's announcement and reminders will not happen, and
    /// the platform's copy is cancelled too.
    pub(in crate::app) async fn after_event_cancelled(&self, id: i64) -> Result<()> {
        self.store
            .skip_jobs_of(&event_subject(id), self.now())
            .await?;
        if let Some(e) = self.store.event(id).await?
            && e.external_id.is_some()
            && let Err(err) = self.ports.rooms.cancel_event(&e).await
        {
            warn!(
                event = id,
                "cancelling the platform's copy of the event failed: {err}"
            );
        }
        Ok(())
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
            let hours = (minutes + 30) / 60;
            format!("{hours} hour{}", if hours == 1 { "" } else { "s" })
        } else {
            format!("{minutes} minute{}", if minutes == 1 { "" } else { "s" })
        };
        for (user, answer) in &rsvps {
            if *answer != Rsvp::Yes {
                continue;
            }
            let mut text = format!(
                "Reminder: {} starts in {soon}, {}.",
                event.title,
                event.when()
            );
            if let Some(zone) = self.person_zone(user).await?
                && zone.canonical() != event.zone().canonical()
            {
                text.push_str(&format!(
                    " Where you are that is {}.",
                    describe(event.starts_at, &zone)
                        .split(" (")
                        .next()
                        .unwrap_or_default()
                ));
            }
            let message = OutMessage {
                at: Some(event.starts_at),
                ..OutMessage::text(text)
            };
            // Keyed by person, so a retried job never reminds anyone twice.
            let key = IdempotencyKey(format!("{}-{user}", job_key(job, 0).0));
            match self.ports.dm.send_dm(user, &message, &key).await {
                Ok(_) => {}
                Err(PortError::Unreachable(who, why)) => {
                    warn!(event = event.id, "reminder not delivered to {who}: {why}");
                }
                Err(e) => return Ok(JobOutcome::Retry(e.to_string())),
            }
        }
        Ok(JobOutcome::Done)
    }

    /// A person's own time zone, from their newest application that asked for it.
    async fn person_zone(&self, user: &crate::domain::UserRef) -> Result<Option<TimeZone>> {
        for summary in self.store.applications_of(user).await? {
            if let Some(record) = self.store.application(summary.id).await?
                && let Some(zone) = record.answers.iter().find_map(|(_, a)| match a {
                    crate::domain::Answer::TimeZone(tz) => {
                        crate::domain::timezone::parse_time_zone(tz).ok()
                    }
                    _ => None,
                })
            {
                return Ok(Some(zone));
            }
        }
        Ok(None)
    }
}
