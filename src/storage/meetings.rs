//! Meeting times (`domain::meetings`, `flows::meetings`): each person's weekly
//! availability, the times last proposed to a pair, and a pair's meetings, booked or
//! logged, with the booked ones' reminder and follow-up as jobs (`app::scheduler::meetings`).
//!
//! A person's zone is the one they gave with `availability zone`, else their application's
//! time-zone answer. Availability is personal data (exported by `my data`, deleted with the
//! person); meetings are the pair's, with no words of theirs in them.

use chrono::{DateTime, Duration, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::meetings::{Meeting, MeetingState, Offer, PairMeetings, PersonWeek, Window};
use crate::domain::schedule::NewJob;
use crate::domain::{Platform, UserRef};
use crate::error::Result;

/// The reminder of a booked meeting, an hour before it.
pub const MEETING_REMINDER_JOB: &str = "meeting_reminder";
/// "Did you meet?", a quarter of an hour after a booked meeting's end.
pub const MEETING_FOLLOW_UP_JOB: &str = "meeting_follow_up";

/// The subject of a meeting's jobs.
pub fn meeting_subject(id: i64) -> String {
    format!("meeting:{id}")
}

impl Store {
    pub(super) async fn set_availability(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        zone: &str,
        windows: &[Window],
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO availability (platform, user_id, zone, windows, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (platform, user_id) DO UPDATE SET zone = $3, windows = $4, updated_at = $5",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(zone)
        .bind(serde_json::to_string(windows).map_err(anyhow::Error::from)?)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub(super) async fn clear_availability(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
    ) -> Result<()> {
        sqlx::query("DELETE FROM availability WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub(super) async fn offer_meetings(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        offer: &Offer,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let slots: Vec<i64> = offer.slots.iter().map(|s| to_millis(*s)).collect();
        sqlx::query(
            "INSERT INTO meeting_offers (match_id, slots, minutes, offered_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (match_id) DO UPDATE SET slots = $2, minutes = $3, offered_at = $4",
        )
        .bind(match_id)
        .bind(serde_json::to_string(&slots).map_err(anyhow::Error::from)?)
        .bind(i64::from(offer.minutes))
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Books a meeting with its jobs; `false` (a conflict) when the match is not active.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn book_meeting(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        starts_at: DateTime<Utc>,
        minutes: u32,
        zones: &[String; 2],
        platform: Platform,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        if !lock_pair(tx, match_id).await? {
            return Ok(false);
        }
        // One booking at a time: both members booking at once, the second finds the first.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO meetings (match_id, starts_at, minutes, state, zones, created_at) \
             SELECT id, $2, $3, 'booked', $4, $5 FROM matches WHERE id = $1 AND status = 'active' \
             AND NOT EXISTS (SELECT 1 FROM meetings b WHERE b.match_id = $1 AND b.state = 'booked' \
             AND b.starts_at + b.minutes * 60000 > $5) RETURNING id",
        )
        .bind(match_id)
        .bind(to_millis(starts_at))
        .bind(i64::from(minutes))
        .bind(zones.join("\n"))
        .bind(to_millis(now))
        .fetch_optional(&mut **tx)
        .await?;
        let Some(id) = id else { return Ok(false) };
        sqlx::query("DELETE FROM meeting_offers WHERE match_id = $1")
            .bind(match_id)
            .execute(&mut **tx)
            .await?;
        let payload = serde_json::json!({ "meeting_id": id }).to_string();
        let job = |kind: &str, due_at| NewJob {
            kind: kind.to_string(),
            subject: meeting_subject(id),
            due_at,
            payload: payload.clone(),
            platform: Some(platform),
        };
        let mut jobs = vec![job(
            MEETING_FOLLOW_UP_JOB,
            starts_at + Duration::minutes(i64::from(minutes) + 15),
        )];
        let remind_at = starts_at - Duration::hours(1);
        if remind_at > now {
            jobs.push(job(MEETING_REMINDER_JOB, remind_at));
        }
        super::jobs::insert_jobs(tx, &jobs, now).await?;
        Ok(true)
    }

    /// Cancels a booked meeting and skips its jobs; `false` if it is not booked any more.
    pub(super) async fn cancel_meeting(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE meetings SET state = 'cancelled', logged_at = $2 WHERE id = $1 AND state = 'booked'",
        )
        .bind(id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        super::jobs::skip_jobs(tx, &meeting_subject(id), now).await?;
        Ok(true)
    }

    /// Logs how long a pair met (`None`: they did not): a booked meeting's outcome (or a
    /// correction of one logged), or without one a meeting that just ended. `false` if the
    /// meeting was cancelled meanwhile, or the match is not active.
    pub(super) async fn log_meeting(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        meeting_id: Option<i64>,
        held: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let state = if held.is_some() {
            MeetingState::Held
        } else {
            MeetingState::Missed
        };
        let done = match meeting_id {
            Some(id) => sqlx::query(
                "UPDATE meetings SET state = $2, held_minutes = $3, logged_at = $4 \
                 WHERE id = $1 AND match_id = $5 AND state <> 'cancelled'",
            )
            .bind(id)
            .bind(state.as_str())
            .bind(held.map(i64::from))
            .bind(to_millis(now))
            .bind(match_id)
            .execute(&mut **tx)
            .await?
            .rows_affected(),
            None => {
                if !lock_pair(tx, match_id).await? {
                    return Ok(false);
                }
                // Both members logging at once: the second finds the first, and its step,
                // decided again, corrects it instead of counting the meeting twice.
                let minutes = i64::from(held.unwrap_or(0));
                sqlx::query(
                    "INSERT INTO meetings (match_id, starts_at, minutes, state, held_minutes, created_at, logged_at) \
                     SELECT id, $2, $3, $4, $3, $5, $5 FROM matches WHERE id = $1 AND status = 'active' \
                     AND NOT EXISTS (SELECT 1 FROM meetings r WHERE r.match_id = $1 AND r.state IN ('held', 'missed') \
                     AND r.logged_at > $6)",
                )
                .bind(match_id)
                .bind(to_millis(now - Duration::minutes(minutes)))
                .bind(minutes)
                .bind(state.as_str())
                .bind(to_millis(now))
                .bind(to_millis(now - Duration::minutes(1)))
                .execute(&mut **tx)
                .await?
                .rows_affected()
            }
        };
        Ok(done == 1)
    }

    /// A person's week: the zone and windows they gave, else their application's zone.
    pub async fn week_of(&self, user: &UserRef) -> Result<PersonWeek> {
        let row = sqlx::query(
            "SELECT zone, windows FROM availability WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = row {
            let windows: String = row.try_get("windows")?;
            return Ok(PersonWeek {
                zone: Some(row.try_get("zone")?),
                windows: serde_json::from_str(&windows).unwrap_or_default(),
            });
        }
        Ok(PersonWeek {
            zone: self.answered_zone_of(user).await?.map(|z| z.canonical()),
            windows: Vec::new(),
        })
    }

    /// The weeks, last offer and meetings of the active pair whose room is `room`.
    pub async fn meetings_in_room(&self, room: &str) -> Result<Option<PairMeetings>> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM matches WHERE room = $1 AND status = 'active' ORDER BY id DESC LIMIT 1",
        )
        .bind(room)
        .fetch_optional(&self.pool)
        .await?;
        let Some(m) = (match found {
            Some(id) => self.match_by_id(id).await?,
            None => None,
        }) else {
            return Ok(None);
        };
        let id = m.id;
        let mut weeks: [PersonWeek; 2] = Default::default();
        for (i, (user, application)) in [
            (&m.mentee, m.mentee_application),
            (&m.mentor, m.mentor_application),
        ]
        .into_iter()
        .enumerate()
        {
            let mut week = self.week_of(user).await?;
            if week.zone.is_none() {
                week.zone = self
                    .application_zone(application)
                    .await?
                    .map(|z| z.canonical());
            }
            weeks[i] = week;
        }
        let offer = sqlx::query("SELECT slots, minutes FROM meeting_offers WHERE match_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| -> Result<Offer> {
                let slots: String = r.try_get("slots")?;
                let slots: Vec<i64> = serde_json::from_str(&slots).unwrap_or_default();
                Ok(Offer {
                    slots: slots.into_iter().map(from_millis).collect(),
                    minutes: u32::try_from(r.try_get::<i64, _>("minutes")?).unwrap_or(60),
                })
            })
            .transpose()?;
        Ok(Some(PairMeetings {
            weeks,
            offer,
            meetings: self.meetings_of(id).await?,
        }))
    }

    /// A match's meetings, oldest first.
    pub async fn meetings_of(&self, match_id: i64) -> Result<Vec<Meeting>> {
        let rows = sqlx::query(
            "SELECT id, match_id, starts_at, minutes, state, held_minutes FROM meetings WHERE match_id = $1 ORDER BY starts_at, id",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode).collect()
    }

    /// Every meeting of a programme's matches.
    pub async fn meetings_in_programme(&self, programme: &str) -> Result<Vec<Meeting>> {
        let rows = sqlx::query(
            "SELECT g.id, g.match_id, g.starts_at, g.minutes, g.state, g.held_minutes FROM meetings g \
             JOIN matches m ON m.id = g.match_id WHERE m.programme = $1 ORDER BY g.starts_at, g.id",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode).collect()
    }

    /// A meeting, with the zones it was booked in (the mentee's, the mentor's).
    pub async fn meeting(&self, id: i64) -> Result<Option<(Meeting, [String; 2])>> {
        let row = sqlx::query(
            "SELECT id, match_id, starts_at, minutes, state, held_minutes, zones FROM meetings WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let zones: String = row.try_get("zones")?;
        let mut parts = zones.split('\n').map(str::to_string);
        let zones = [
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        ];
        Ok(Some((decode(&row)?, zones)))
    }
}

/// Takes the match's row lock for the rest of the transaction (on PostgreSQL; SQLite has
/// one writer at a time anyway), so two steps writing the pair's meetings take turns and
/// the second sees what the first wrote. `false`: the match is not active.
async fn lock_pair(tx: &mut Transaction<'static, Any>, match_id: i64) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE matches SET updated_at = updated_at WHERE id = $1 AND status = 'active'",
    )
    .bind(match_id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

fn decode(r: &sqlx::any::AnyRow) -> Result<Meeting> {
    let state: String = r.try_get("state")?;
    let held: Option<i64> = r.try_get("held_minutes")?;
    Ok(Meeting {
        id: r.try_get("id")?,
        match_id: r.try_get("match_id")?,
        starts_at: from_millis(r.try_get("starts_at")?),
        minutes: u32::try_from(r.try_get::<i64, _>("minutes")?).unwrap_or(0),
        state: MeetingState::parse(&state).unwrap_or(MeetingState::Cancelled),
        held_minutes: held.and_then(|m| u32::try_from(m).ok()),
    })
}
