//! A booked meeting's jobs (`storage::meetings`): the reminder an hour before, and "did
//! you meet, and for how long?" a quarter of an hour after it ends, both posted in the
//! pair room. Nothing is posted for a meeting cancelled or logged meanwhile, or for a pair
//! no longer active or frozen.

use serde::Deserialize;
use tracing::warn;

use super::{JobOutcome, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::RoomRef;
use crate::domain::matches::MatchStatus;
use crate::domain::meetings::{MeetingState, both_times};
use crate::domain::schedule::Job;
use crate::domain::timezone::parse_time_zone;
use crate::ports::PortError;
use crate::storage::meetings::MEETING_REMINDER_JOB;

#[derive(Deserialize)]
struct MeetingJob {
    meeting_id: i64,
}

impl App {
    pub(super) async fn run_meeting_job(&self, job: &Job) -> Result<JobOutcome> {
        let Ok(payload) = serde_json::from_str::<MeetingJob>(&job.payload) else {
            warn!(job = %job.key, "a meeting job with an unreadable payload; skipped");
            return Ok(JobOutcome::Skipped);
        };
        let Some((meeting, zones)) = self.store.meeting(payload.meeting_id).await? else {
            return Ok(JobOutcome::Skipped);
        };
        let Some(m) = self.store.match_by_id(meeting.match_id).await? else {
            return Ok(JobOutcome::Skipped);
        };
        let room = match &m.room {
            Some(room) if m.status == MatchStatus::Active && !m.frozen => {
                RoomRef::new(m.room_platform(), room.clone())
            }
            _ => return Ok(JobOutcome::Skipped),
        };
        if meeting.state != MeetingState::Booked {
            return Ok(JobOutcome::Skipped);
        }
        let zone =
            |z: &str| parse_time_zone(z).unwrap_or(crate::domain::timezone::TimeZone::Offset(0));
        let (a, b) = (zone(&zones[0]), zone(&zones[1]));
        let when = both_times(
            meeting.starts_at,
            meeting.minutes,
            [(&m.mentee_name, &a), (&m.mentor_name, &b)],
        );
        // Said in the pair's language when they share one (`app::languages`).
        let text = crate::i18n::Text::msg(if job.kind == MEETING_REMINDER_JOB {
            "meet-reminder"
        } else {
            "meet-did-you"
        })
        .arg("when", when)
        .arg("prefix", self.settings.room_prefix.as_str());
        Ok(
            match self
                .ports
                .rooms
                .post_in_room(&room, &OutMessage::said(text), &job_key(job, 0))
                .await
            {
                Ok(_) => JobOutcome::Done,
                Err(PortError::Unreachable(who, why)) => {
                    warn!(
                        match_id = m.id,
                        "meeting note not delivered to {who}: {why}"
                    );
                    JobOutcome::Done
                }
                Err(e) => JobOutcome::Retry(e.to_string()),
            },
        )
    }
}
