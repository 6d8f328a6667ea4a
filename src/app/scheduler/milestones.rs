//! Milestones of active matches: scheduling a match's plan when its pair room exists, and
//! carrying out each milestone job when it falls due.
//!
//! A match's plan is scheduled once (marked on the match); `sweep` repairs a match whose
//! plan was never scheduled because the process stopped in between. When a job runs, the
//! match is read again: a match that is no longer active, frozen by the moderators, or
//! paused past the milestone's time skips it (recorded as skipped), and the plan carries on
//! with the next one. Every send uses the job's idempotency key, so a retried job is never
//! seen twice on platforms that deduplicate.

use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use super::{JobOutcome, JobRunner, Scheduler, SchedulerOptions, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::answer::Answer;
use crate::domain::matches::ClosureKind;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::schedule::NewJob;
use crate::domain::schedule::{
    Job, MILESTONE_JOB, MilestoneJob, MilestoneKind, describe_local, local_time, milestone_jobs,
    occurrences,
};
use crate::domain::survey::NewRound;
use crate::domain::timezone::{TimeZone, parse_time_zone};
use crate::domain::{RoleKind, RoomRef};
use crate::flows::{Effect, Prompt, StateChange};
use crate::graphics::certificate::CertificateText;
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
            job.platform = Some(m.mentee.platform);
        }
        let new = self.store.schedule_jobs(&jobs, start).await?;
        self.store.mark_plan_scheduled(match_id, start).await?;
        info!(match_id, jobs = new, zone = %zone.canonical(), "scheduled the milestone plan");
        Ok(new)
    }

    /// The pair's time zone: the mentee's answer, else UTC.
    async fn pair_zone(&self, m: &MatchRecord) -> Result<TimeZone> {
        let answers = self
            .store
            .application(m.mentee_application)
            .await?
            .map(|a| a.answers)
            .unwrap_or_default();
        Ok(answers
            .iter()
            .find_map(|(_, a)| match a {
                Answer::TimeZone(tz) => parse_time_zone(tz).ok(),
                _ => None,
            })
            .unwrap_or(TimeZone::Offset(0)))
    }

    /// Schedules any active match's plan that was missed, then runs every due job.
    pub async fn run_due_jobs(&self) -> Result<usize> {
        for id in self.store.unscheduled_active_matches().await? {
            self.schedule_milestones(id).await?;
        }
        Ok(self
            .scheduler(SchedulerOptions::default())
            .run_due()
            .await?)
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
                "match #{}: {} {} due {} {} ({} UTC){}",
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

    /// Nudges pairs whose room has been silent for the programme's `silent_nudge_days`,
    /// and alerts the coordinators after `silent_alert_days`: once per silence (a new
    /// message starts the count again). Paused and frozen pairs are left alone.
    pub(crate) async fn check_silent_pairs(&self) -> Result<usize> {
        let now = self.now();
        let mut done = 0;
        for pair in self.store.pair_quiet().await? {
            let Some(plan) = self
                .programme(&pair.programme)
                .and_then(|p| p.schedule.as_ref())
            else {
                continue;
            };
            let Some(since) = pair.last_activity.or(pair.started) else {
                continue;
            };
            if pair.frozen || pair.paused_until.is_some_and(|u| u > now) {
                continue;
            }
            let quiet_days = (now - since).num_days();
            let due = |days: Option<u32>, last: Option<chrono::DateTime<chrono::Utc>>| {
                days.is_some_and(|d| quiet_days >= i64::from(d)) && last.is_none_or(|l| l < since)
            };
            let nudge = due(plan.silent_nudge_days, pair.nudged_at);
            let alert = due(plan.silent_alert_days, pair.alerted_at);
            if !nudge && !alert {
                continue;
            }
            let Some(m) = self.store.match_by_id(pair.match_id).await? else {
                continue;
            };
            let Some(room) = m.room.clone() else { continue };
            // One nudge and one alert per quiet spell, whoever sweeps: the keys are fixed,
            // so enqueuing them again stores nothing.
            let key = |what: &str| format!("silence-{}-{}-{what}", m.id, since.timestamp_millis());
            if nudge {
                let text = format!(
                    "It has been {quiet_days} days since anyone wrote here. A quick hello keeps things going: how are you both doing? Suggest a time for your next conversation, {} and {}.",
                    m.mentee_name, m.mentor_name
                );
                let room = RoomRef::new(m.mentee.platform, room.clone());
                let nudge = Effect::PostInRoom {
                    room,
                    message: OutMessage::text(text),
                };
                self.try_perform(&key("nudge"), vec![nudge]).await?;
                self.store.mark_silence(m.id, false, now).await?;
                done += 1;
            }
            if alert {
                let programme = self
                    .programme(&m.programme)
                    .map_or(m.programme.as_str(), |p| p.name.as_str());
                let mut text = format!(
                    "Quiet pair: match #{} ({} ↔ {}), {programme}: no message in their pair room for {quiet_days} days (since {}){}. Please get in touch with them. If a new match would help: match rematch {}.",
                    m.id,
                    m.mentee_name,
                    m.mentor_name,
                    since.format("%-d %b %Y"),
                    if nudge || pair.nudged_at.is_some_and(|n| n >= since) {
                        ", even after a nudge"
                    } else {
                        ""
                    },
                    m.mentee_application
                );
                text.push_str(&history(&self.store.check_ins_of(m.id).await?, &m));
                let card = OutMessage {
                    actions: crate::flows::pair_actions(m.id, m.mentee_application),
                    ..OutMessage::text(text)
                };
                if let Some(coordinators) = self.coordinators_room(m.mentee.platform).cloned() {
                    let alert = Effect::PostInRoom {
                        room: coordinators,
                        message: card,
                    };
                    self.try_perform(&key("alert"), vec![alert]).await?;
                    self.store.mark_silence(m.id, true, now).await?;
                    done += 1;
                }
            }
        }
        Ok(done)
    }

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

    async fn run_milestone(&self, job: &Job) -> Result<JobOutcome> {
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
        let room = RoomRef::new(m.mentee.platform, room);
        if let Some(survey) = &milestone.survey {
            self.send_match_survey(&m, survey, job).await?;
        }
        let sent = match milestone.kind {
            MilestoneKind::Survey => Ok(()),
            MilestoneKind::Closure => self.close_planned(&m, &room, &milestone.text, job).await?,
            MilestoneKind::RoomMessage => self
                .ports
                .rooms
                .post_in_room(
                    &room,
                    &OutMessage::text(milestone.text.clone()),
                    &job_key(job, 0),
                )
                .await
                .map(|_| ()),
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
}

/// Closes a pair room some days after the planned end, so the pair can say goodbye.
pub(crate) const PAIR_ARCHIVE_JOB: &str = "pair_archive";

/// Days a pair room stays open after the planned end.
const GOODBYE_DAYS: i64 = 7;

#[derive(Debug, Serialize, Deserialize)]
struct ArchiveJob {
    match_id: i64,
}

impl App {
    /// The planned end of a match: the closing message with what the pair did together,
    /// the match recorded as closed, each member thanked by DM and asked what they would
    /// like next, and the room's archiving scheduled a week later.
    async fn close_planned(
        &self,
        m: &MatchRecord,
        room: &RoomRef,
        text: &str,
        job: &Job,
    ) -> Result<std::result::Result<(), PortError>> {
        let now = self.now();
        let met = self.store.check_ins_met(m.id).await?;
        let milestones = self.store.milestones_reached(m.id, now).await?;
        let programme = self.programme(&m.programme);
        let programme_name = programme.map_or(m.programme.as_str(), |p| p.name.as_str());
        // Dated by the milestone, not the clock, so that a retry says and schedules the same.
        let ended = job.due_at;
        let goodbye = ended + chrono::Duration::days(GOODBYE_DAYS);
        let summary = format!(
            "{text}\n\nWhat you did together: {milestones} milestone{} along the way, and {} check-in{} where you told us you'd met. This room stays open until {} to say goodbye.",
            if milestones == 1 { "" } else { "s" },
            met,
            if met == 1 { "" } else { "s" },
            goodbye.format("%-d %B")
        );
        let mut effects = vec![Effect::CloseMatch {
            match_id: m.id,
            kind: ClosureKind::Planned,
            reason: "the programme's planned end".into(),
            by: "tandem".into(),
        }];
        let dates = format!(
            "{} – {}",
            m.created_at.format("%-d %B %Y"),
            ended.format("%-d %B %Y")
        );
        let months = programme.map_or(0, |p| p.duration_months);
        let mut undrawn = Vec::new();
        for (member, name, role) in [
            (&m.mentee, &m.mentee_name, "mentee"),
            (&m.mentor, &m.mentor_name, "mentor"),
        ] {
            let mut message = OutMessage::text(format!(
                "Congratulations, {name}! You've completed your mentoring as a {role} in {programme_name}, from {} to {}. Thank you for everything you put into it.",
                m.created_at.format("%-d %B %Y"),
                ended.format("%-d %B %Y")
            ));
            if let Some(design) = programme.and_then(|p| p.certificate.clone()) {
                let text = CertificateText {
                    name: name.clone(),
                    achievement: format!(
                        "has completed {} of mentoring as a {role} in",
                        months_words(months)
                    ),
                    programme: programme_name.to_string(),
                    dates: dates.clone(),
                };
                match self.draw_certificate(design, text).await {
                    Ok(png) => {
                        message.text.push_str(" Your certificate is attached.");
                        message.attachment = Some(crate::chat::Attachment {
                            name: format!(
                                "certificate-{}.png",
                                crate::domain::programme::slugify(name)
                            ),
                            mime: "image/png".into(),
                            data: png,
                        });
                    }
                    Err(why) => {
                        warn!(match_id = m.id, "a certificate could not be drawn: {why}");
                        undrawn.push(name.clone());
                    }
                }
            }
            effects.push(Effect::SendDm {
                to: member.clone(),
                message,
            });
            effects.push(Effect::QueuePrompt {
                user: member.clone(),
                prompt: Prompt::NextStep { match_id: m.id },
            });
        }
        let committed = self
            .store
            .commit_step(&m.mentee, None, &StateChange::Unchanged, &effects, now)
            .await?;
        if !committed.is_committed() {
            // Already closed: by this job on an earlier try (then its sends, all keyed by
            // the job, are done again and deduplicated), or some other way (then nothing
            // planned is left to do).
            let ours = self
                .store
                .match_by_id(m.id)
                .await?
                .and_then(|x| x.closure)
                .is_some_and(|c| c.kind == ClosureKind::Planned && c.by == "tandem");
            if !ours {
                return Ok(Ok(()));
            }
        }
        // The archiving is scheduled first: whatever fails below, the room still closes.
        let archive = NewJob {
            kind: PAIR_ARCHIVE_JOB.into(),
            subject: format!("match:{}", m.id),
            due_at: goodbye,
            payload: serde_json::to_string(&ArchiveJob { match_id: m.id }).expect("plain data"),
            platform: Some(m.mentee.platform),
        };
        self.store.schedule_jobs(&[archive], now).await?;
        if !undrawn.is_empty() {
            self.tell_coordinators(
                m.mentee.platform,
                "certificate",
                format!(
                    "I couldn't draw a certificate for {} (match #{}): no installed font has every letter of the name. Please send one by hand, or add a font that covers it to [graphics] fonts.",
                    undrawn.join(" and "),
                    m.id
                ),
            )
            .await?;
        }

        let posted = self
            .ports
            .rooms
            .post_in_room(room, &OutMessage::text(summary), &job_key(job, 0))
            .await;
        // The record is made; what is left are the sends (the running job is not skipped).
        effects.retain(|e| !matches!(e, Effect::CloseMatch { .. }));
        self.perform(&format!("job-{}-closure", job.key), effects)
            .await;
        for person in [&m.mentee, &m.mentor] {
            self.deliver_prompts(person).await?;
        }
        Ok(posted.map(|_| ()))
    }

    async fn run_archive(&self, job: &Job) -> Result<JobOutcome> {
        let Ok(payload) = serde_json::from_str::<ArchiveJob>(&job.payload) else {
            return Ok(JobOutcome::Skipped);
        };
        let notice = "Your mentoring here has ended, so this room is now closed and read-only. Thank you both, and all the best for what comes next.";
        Ok(
            match self
                .archive_pair_room(&job_key(job, 0), payload.match_id, notice)
                .await
            {
                Ok(()) => JobOutcome::Done,
                Err(e) => JobOutcome::Retry(e.to_string()),
            },
        )
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
            audience: format!("match #{}", m.id),
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

    /// Reminds, once, whoever has not answered a survey `reminder_days` after it was sent
    /// (and it is still open), and drops answers saved half-way in closed rounds. Returns
    /// how many things it did.
    pub(crate) async fn remind_surveys(&self) -> Result<usize> {
        let now = self.now();
        let mut done = usize::try_from(self.store.drop_closed_drafts(now).await?).unwrap_or(0);
        for (invite, user, programme, survey, invited_at) in
            self.store.unreminded_invites(now).await?
        {
            let Some(days) = self
                .programme(&programme)
                .and_then(|p| p.survey(&survey))
                .map(|s| s.reminder_days)
                .filter(|d| *d > 0)
            else {
                continue;
            };
            if now - invited_at < chrono::Duration::days(i64::from(days)) {
                continue;
            }
            // Someone who left the survey open on a question is reminded right there;
            // anyone else gets it as a prompt, when they are free.
            let open_flow = match self.store.load_conversation(&user).await? {
                Some(c) => match c.state {
                    crate::flows::FlowState::Survey(f) if f.invite_id == invite => Some(f),
                    _ => None,
                },
                None => None,
            };
            if !self
                .store
                .remind_survey(invite, &user, open_flow.is_none(), now)
                .await?
            {
                continue;
            }
            match open_flow {
                Some(flow) => {
                    let known = self.known(&user).await?;
                    let subject = crate::flows::Subject::Nothing;
                    let ctx = self.ctx(&user, &known, &subject, now);
                    let effects = crate::flows::survey::nudge(&ctx, &flow);
                    self.perform(&format!("survey-reminder-{invite}"), effects)
                        .await;
                }
                None => {
                    self.deliver_prompts(&user).await?;
                }
            }
            done += 1;
        }
        Ok(done)
    }
}

#[async_trait]
impl JobRunner for App {
    async fn run(&self, job: &Job) -> JobOutcome {
        let result = match job.kind.as_str() {
            MILESTONE_JOB => self.run_milestone(job).await,
            PAIR_ARCHIVE_JOB => self.run_archive(job).await,
            super::events::EVENT_ANNOUNCE_JOB | super::events::EVENT_REMINDER_JOB => {
                self.run_event_job(job).await
            }
            other => {
                warn!(job = %job.key, "no runner for job kind `{other}`; skipped");
                Ok(JobOutcome::Skipped)
            }
        };
        result.unwrap_or_else(|e| JobOutcome::Retry(e.to_string()))
    }
}

/// `6` → "six months", for certificates.
fn months_words(months: u32) -> String {
    const WORDS: [&str; 13] = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match months {
        1 => "one month".into(),
        n if (n as usize) < WORDS.len() => format!("{} months", WORDS[n as usize]),
        n => format!("{n} months"),
    }
}

/// The pair's history for an alert card: when they started, and their check-in answers.
fn history(check_ins: &[(u32, String, Option<String>)], m: &MatchRecord) -> String {
    let mut s = format!("\nMatched since {}.", m.created_at.format("%-d %b %Y"));
    let answered: Vec<String> = check_ins
        .iter()
        .filter_map(|(seq, user, answer)| {
            let who = if *user == m.mentee.id {
                &m.mentee_name
            } else {
                &m.mentor_name
            };
            answer.as_ref().map(|a| {
                let said = match a.as_str() {
                    "met" => "met",
                    "not_yet" => "not yet",
                    "stuck" => "stuck",
                    other => other,
                };
                format!("{} {who}: {said}", seq + 1)
            })
        })
        .collect();
    if answered.is_empty() {
        s.push_str(" No check-in answered yet.");
    } else {
        s.push_str(&format!(" Check-ins: {}.", answered.join(" · ")));
    }
    s
}
