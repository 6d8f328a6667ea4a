//! Milestones of active matches: scheduling a match's plan when its pair room exists, and
//! carrying out each milestone job when it falls due.
//!
//! A match's plan is scheduled once (marked on the match); the sweep (`sweep`, in
//! `tandem run`) and `App::run_due_jobs` (in `runner`, the console) schedule a plan that
//! was missed because the process stopped in between. When
//! a job runs, the match is read again: a match that is no longer active, frozen by the
//! moderators, or paused past the milestone's time skips it (recorded as skipped), and the
//! plan carries on with the next one. Every send uses the job's idempotency key, so a
//! retried job is never seen twice on platforms that deduplicate.
//!
//! The planned end and the room's archiving are in `planned_end`, which job kind runs what
//! in `runner`. A new kind of milestone is a `MilestoneKind` (in `domain::schedule`, with
//! the programme file's key in `config::schedule`) and its arm in `run_milestone` here.

use tracing::{info, warn};

use super::{JobOutcome, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::matches::ClosureKind;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::schedule::{
    Job, MilestoneJob, MilestoneKind, describe_local, local_time, milestone_jobs, occurrences,
};
use crate::domain::survey::NewRound;
use crate::domain::timezone::TimeZone;
use crate::domain::{RoleKind, RoomRef};
use crate::flows::Prompt;
use crate::ports::PortError;

impl App {
    /// Schedules the milestone plan of an active match, from now, in the mentee's time
    /// zone. Idempotent; returns how many jobs were new.
    pub async fn schedule_milestones(&self, match_id: i64) -> Result<u64> {
        let Some(m) = self.store.match_by_id(match_id).await? else {
            return Ok(0);
        };
        let Some(plan) = self
            .programme(&m.programme)
            .and_then(|p| p.schedule.as_ref().map(|s| (s, p.duration_months)))
        else {
            self.store.mark_plan_scheduled(match_id, self.now()).await?;
            return Ok(0);
        };
        let zone = self.pair_zone(&m).await?;
        let start = self.now();
        let mut jobs = milestone_jobs(match_id, &occurrences(plan.0, start, &zone, plan.1));
        // Carried out by a process serving the pair's platform.
        for job in &mut jobs {
            job.platform = Some(m.room_platform());
        }
        let new = self.store.schedule_jobs(&jobs, start).await?;
        self.store.mark_plan_scheduled(match_id, start).await?;
        info!(match_id, jobs = new, zone = %zone.canonical(), "scheduled the milestone plan");
        Ok(new)
    }

    /// The pair's time zone: the mentee's answer, else UTC.
    async fn pair_zone(&self, m: &MatchRecord) -> Result<TimeZone> {
        Ok(self
            .store
            .application_zone(m.mentee_application)
            .await?
            .unwrap_or(TimeZone::Offset(0)))
    }

    /// The milestones due now, each with its time in the pair's zone and in UTC (the
    /// console prints them before running them, to show a plan unfold).
    pub async fn describe_due_jobs(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for (kind, subject, due, payload) in self.store.due_jobs(self.now(), 50).await? {
            let Ok(job) = serde_json::from_str::<MilestoneJob>(&payload) else {
                out.push(format!(
                    "{kind} for {subject}, due {}",
                    due.format("%Y-%m-%d %H:%M UTC")
                ));
                continue;
            };
            let zone = match self.store.match_by_id(job.match_id).await? {
                Some(m) => self.pair_zone(&m).await?,
                None => TimeZone::Offset(0),
            };
            let paused = self
                .store
                .paused_until(job.match_id)
                .await?
                .is_some_and(|until| until > due);
            let local = local_time(&zone, due);
            out.push(format!(
                "match M{}: {} {} due {} {} ({} UTC){}",
                job.match_id,
                job.milestone,
                job.seq + 1,
                describe_local(local),
                zone.canonical(),
                due.format("%H:%M"),
                if paused {
                    ", skipped: the match is paused"
                } else {
                    ""
                }
            ));
        }
        Ok(out)
    }

    pub(super) async fn run_milestone(&self, job: &Job) -> Result<JobOutcome> {
        let Ok(payload) = serde_json::from_str::<MilestoneJob>(&job.payload) else {
            warn!(job = %job.key, "a milestone job with an unreadable payload; skipped");
            return Ok(JobOutcome::Skipped);
        };
        let Some(m) = self.store.match_by_id(payload.match_id).await? else {
            return Ok(JobOutcome::Skipped);
        };
        let paused = self
            .store
            .paused_until(m.id)
            .await?
            .is_some_and(|until| until > job.due_at);
        // A planned closure retried after it was recorded carries on with its sends.
        let closing_again = m
            .closure
            .as_ref()
            .is_some_and(|c| c.kind == ClosureKind::Planned && c.by == "tandem")
            && self
                .programme(&m.programme)
                .and_then(|p| p.schedule.as_ref())
                .and_then(|s| s.milestones.iter().find(|x| x.id == payload.milestone))
                .is_some_and(|x| x.kind == MilestoneKind::Closure);
        if (m.status != MatchStatus::Active && !closing_again) || m.frozen || paused {
            info!(match_id = m.id, milestone = %payload.milestone, paused, frozen = m.frozen, "milestone skipped");
            return Ok(JobOutcome::Skipped);
        }
        let Some(programme) = self.programme(&m.programme) else {
            return Ok(JobOutcome::Skipped);
        };
        let Some(milestone) = programme
            .schedule
            .as_ref()
            .and_then(|s| s.milestones.iter().find(|x| x.id == payload.milestone))
        else {
            // The programme's plan changed since this was scheduled.
            return Ok(JobOutcome::Skipped);
        };
        let Some(room) = m.room.clone() else {
            return Ok(JobOutcome::Skipped);
        };
        let room = RoomRef::new(m.room_platform(), room);
        if let Some(survey) = &milestone.survey {
            self.send_match_survey(&m, survey, job).await?;
        }
        // The pair's goals come back where the milestone asks.
        let mut lines = vec![programme.said_milestone(milestone)];
        if milestone.goals {
            let answers = self
                .store
                .application(m.mentee_application)
                .await?
                .map(|a| a.answers)
                .unwrap_or_default();
            lines.extend(crate::domain::support::goals_back(programme, &answers));
        }
        let text = crate::i18n::Text::lines(lines);
        let sent = match milestone.kind {
            MilestoneKind::Survey => Ok(()),
            MilestoneKind::Closure => self.close_planned(&m, &room, text, job).await?,
            MilestoneKind::RoomMessage => {
                // A resource it brings comes under its text, said from the catalogue.
                let message = match milestone
                    .resource
                    .as_deref()
                    .and_then(|r| crate::flows::resources::for_pair(programme, r))
                {
                    Some(resource) => {
                        OutMessage::said(crate::i18n::Text::paragraphs(vec![text, resource]))
                    }
                    None => OutMessage::said(text),
                };
                self.ports
                    .rooms
                    .post_in_room(&room, &message, &job_key(job, 0))
                    .await
                    .map(|_| ())
            }
            MilestoneKind::CheckIn => {
                // A prompt per member, recorded once per occurrence (a retried job asks
                // nobody twice) and shown when they are not in another conversation.
                let prompt = Prompt::CheckIn {
                    match_id: m.id,
                    seq: payload.seq,
                    text: milestone.text.clone(),
                };
                for person in [&m.mentee, &m.mentor] {
                    self.store.ask_check_in(person, &prompt, self.now()).await?;
                    self.deliver_prompts(person).await?;
                }
                Ok(())
            }
        };
        Ok(match sent {
            Ok(()) => JobOutcome::Done,
            Err(PortError::Unreachable(who, why)) => {
                warn!(match_id = m.id, "milestone not delivered to {who}: {why}");
                JobOutcome::Done
            }
            Err(e) => JobOutcome::Retry(e.to_string()),
        })
    }

    /// Sends a survey to both members of a match (once per milestone occurrence: the
    /// round's source is the job's key), and starts it for whoever is free.
    async fn send_match_survey(&self, m: &MatchRecord, survey_id: &str, job: &Job) -> Result<()> {
        let Some(survey) = self
            .programme(&m.programme)
            .and_then(|p| p.survey(survey_id))
        else {
            return Ok(());
        };
        let recipients: Vec<(crate::domain::UserRef, RoleKind)> = [
            (m.mentee.clone(), RoleKind::Mentee),
            (m.mentor.clone(), RoleKind::Mentor),
        ]
        .into_iter()
        .filter(|(_, role)| survey.roles.contains(role))
        .collect();
        let now = self.now();
        let round = NewRound {
            programme: m.programme.clone(),
            survey: survey.id.clone(),
            audience: format!("match M{}", m.id),
            match_id: Some(m.id),
            sent_by: "milestone".into(),
            source: job.key.clone(),
            closes_at: now + chrono::Duration::days(i64::from(survey.open_days)),
            recipients: recipients.clone(),
        };
        if self.store.send_survey(&round, now).await?.is_some() {
            info!(match_id = m.id, survey = %survey.id, "survey sent by milestone");
        }
        for (person, _) in &recipients {
            self.deliver_prompts(person).await?;
        }
        Ok(())
    }
}
