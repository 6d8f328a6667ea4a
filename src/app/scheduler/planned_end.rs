//! The planned end of a match, its last milestone: the closing message in the pair room
//! with what the pair did together, the match recorded as closed, each member thanked by DM
//! (with a certificate when the programme draws one) and asked what they would like next;
//! then, a week later, the room's archiving (its own job, [`PAIR_ARCHIVE_JOB`]).
//!
//! Everything is dated by the milestone, not the clock, so a retried job says and
//! schedules the same; every send carries the job's key. Closing a match any other way is
//! `flows::closure`.

use serde::{Deserialize, Serialize};
use tracing::warn;

use super::{JobOutcome, job_key};
use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::RoomRef;
use crate::domain::matches::{ClosureKind, MatchRecord};
use crate::domain::schedule::{Job, NewJob};
use crate::flows::{Effect, Prompt, StateChange};
use crate::graphics::certificate::CertificateText;
use crate::ports::PortError;

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
    pub(super) async fn close_planned(
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
            m.started().format("%-d %B %Y"),
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
                m.started().format("%-d %B %Y"),
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
            platform: Some(m.room_platform()),
        };
        self.store.schedule_jobs(&[archive], now).await?;
        if !undrawn.is_empty() {
            self.tell_coordinators(
                (Some(&m.programme), m.mentee.platform),
                "certificate",
                format!(
                    "I couldn't draw a certificate for {} (match M{}): no installed font has every letter of the name. Please send one by hand, or add a font that covers it to [graphics] fonts.",
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

    pub(super) async fn run_archive(&self, job: &Job) -> Result<JobOutcome> {
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
