//! Outcomes after closure: a closed match's follow-ups scheduled (when the closure is
//! recorded, and by the sweep and `run_due_jobs` for one that was missed), and each
//! follow-up job carried out: a round of the indicators' survey to the match's members of
//! the roles followed, each invite with their groups and baseline (`storage::outcomes`).
//!
//! The jobs live in the database, so a restart between the closure and a follow-up loses
//! nothing; each person's round has a source of their application and the follow-up, so a
//! job run twice sends once and nobody is asked the same follow-up twice (a mentee matched
//! again is asked after whichever match closes first); and one who declined (`no more`)
//! is not asked again. The pure rules (when, which groups) are in
//! `domain::outcomes`.

use std::collections::BTreeMap;

use tracing::{info, warn};

use super::JobOutcome;
use crate::app::{App, Result};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::meetings::MeetingState;
use crate::domain::outcomes::{FollowUpJob, Groups, MatchFacts, follow_up_jobs};
use crate::domain::schedule::Job;
use crate::domain::survey::NewRound;
use crate::domain::{Answer, RoleKind};

impl App {
    /// Schedules the follow-ups of a closed match, once, if its programme follows
    /// outcomes; returns how many jobs were new.
    pub async fn schedule_follow_ups(&self, match_id: i64) -> Result<u64> {
        let Some(m) = self.store.match_by_id(match_id).await? else {
            return Ok(0);
        };
        let Some(closure) = m
            .closure
            .as_ref()
            .filter(|_| m.status == MatchStatus::Closed)
        else {
            return Ok(0);
        };
        let Some((outcomes, _)) = self.programme(&m.programme).and_then(|p| p.outcomes()) else {
            return Ok(0);
        };
        let mut jobs = follow_up_jobs(m.id, closure.at, outcomes, self.now());
        for job in &mut jobs {
            job.platform = Some(m.room_platform());
        }
        let new = self
            .store
            .schedule_follow_ups(m.id, &jobs, self.now())
            .await?;
        if new > 0 {
            info!(
                match_id = m.id,
                jobs = new,
                "scheduled the follow-ups of outcomes"
            );
        }
        Ok(new)
    }

    /// Schedules the follow-ups of closed matches that were missed (the process stopped
    /// between a closure and its scheduling); returns how many matches were scheduled.
    pub async fn schedule_missed_follow_ups(&self) -> Result<usize> {
        let following: Vec<String> = self
            .programmes
            .iter()
            .filter(|p| p.outcomes().is_some())
            .map(|p| p.slug.clone())
            .collect();
        if following.is_empty() {
            return Ok(0);
        }
        let missed = self.store.closed_without_follow_ups(&following).await?;
        for id in &missed {
            self.schedule_follow_ups(*id).await?;
        }
        Ok(missed.len())
    }

    /// A follow-up falls due: the indicators' survey to each member followed who has not
    /// declined, with their groups and baseline.
    pub(super) async fn run_follow_up(&self, job: &Job) -> Result<JobOutcome> {
        let Ok(payload) = serde_json::from_str::<FollowUpJob>(&job.payload) else {
            warn!(job = %job.key, "a follow-up job with an unreadable payload; skipped");
            return Ok(JobOutcome::Skipped);
        };
        let Some(m) = self.store.match_by_id(payload.match_id).await? else {
            return Ok(JobOutcome::Skipped);
        };
        let Some(programme) = self.programme(&m.programme) else {
            return Ok(JobOutcome::Skipped);
        };
        let Some((outcomes, survey)) = programme.outcomes() else {
            // Turned off since it was scheduled.
            return Ok(JobOutcome::Skipped);
        };
        let (Some(closure), Some(_)) = (&m.closure, outcomes.follow_up(&payload.follow_up)) else {
            return Ok(JobOutcome::Skipped);
        };
        let groups = self.groups_of(&m, closure.at, programme).await?;
        let mut invites = Vec::new();
        for (person, role, application) in [
            (&m.mentee, RoleKind::Mentee, m.mentee_application),
            (&m.mentor, RoleKind::Mentor, m.mentor_application),
        ] {
            if !outcomes.roles.contains(&role)
                || self
                    .store
                    .declined_follow_ups(&programme.slug, person)
                    .await?
            {
                continue;
            }
            let answers = self
                .store
                .application(application)
                .await?
                .map(|a| a.answers)
                .unwrap_or_default();
            let baseline: BTreeMap<String, Answer> = answers
                .into_iter()
                .filter(|(id, _)| survey.question(id).is_some())
                .collect();
            // No baseline (they applied before outcomes were on, or their data was
            // erased, their account now a pseudonym): no change to measure, nobody to ask.
            if baseline.is_empty() {
                continue;
            }
            invites.push((person.clone(), role, application, baseline));
        }
        if invites.is_empty() {
            return Ok(JobOutcome::Skipped);
        }
        let now = self.now();
        for (person, role, application, baseline) in &invites {
            let round = NewRound {
                programme: programme.slug.clone(),
                survey: survey.id.clone(),
                audience: format!("match M{} · {}", m.id, payload.follow_up),
                match_id: Some(m.id),
                sent_by: "outcomes".into(),
                // Once per application and follow-up, however often the job runs, and
                // for a mentee matched again, whichever of their matches closes first.
                source: format!(
                    "outcomes|{}|A{application}|{}",
                    programme.slug, payload.follow_up
                ),
                closes_at: now + chrono::Duration::days(i64::from(survey.open_days)),
                recipients: vec![(person.clone(), *role)],
            };
            let invite = [(person.clone(), groups.clone(), baseline.clone())];
            if self
                .store
                .send_follow_up(&round, &payload.follow_up, &invite, now)
                .await?
                .is_some()
            {
                info!(match_id = m.id, follow_up = %payload.follow_up, "follow-up of outcomes sent");
            }
            self.deliver_prompts(person).await?;
        }
        Ok(JobOutcome::Done)
    }

    /// The groups a closed match falls in.
    async fn groups_of(
        &self,
        m: &MatchRecord,
        closed: chrono::DateTime<chrono::Utc>,
        programme: &crate::domain::Programme,
    ) -> Result<Groups> {
        let contacts = self.store.staff_check_ins_of(m.id).await?;
        let meetings = self.store.meetings_of(m.id).await?;
        Ok(Groups::of(&MatchFacts {
            origin: m.origin,
            started: m.started(),
            closed,
            plan: &programme.support,
            staff_contacts: contacts.iter().map(|c| c.at).collect(),
            meetings_held: meetings
                .iter()
                .filter(|x| x.state == MeetingState::Held)
                .count(),
        }))
    }
}
