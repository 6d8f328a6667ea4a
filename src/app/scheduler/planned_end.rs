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
use crate::domain::RoleKind;
use crate::domain::RoomRef;
use crate::domain::matches::{ClosureKind, MatchRecord};
use crate::domain::programme::CertificateDesign;
use crate::domain::schedule::{Job, NewJob};
use crate::flows::{Effect, Prompt, StateChange};
use crate::graphics::certificate::CertificateText;
use crate::i18n::Text;
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
        text: Text,
        job: &Job,
    ) -> Result<std::result::Result<(), PortError>> {
        let now = self.now();
        let met = self.store.check_ins_met(m.id).await?;
        let milestones = self.store.milestones_reached(m.id, now).await?;
        let programme = self.programme(&m.programme);
        let programme_name =
            programme.map_or_else(|| Text::plain(m.programme.as_str()), |p| p.said_name());
        // Dated by the milestone, not the clock, so that a retry says and schedules the same.
        let ended = job.due_at;
        let goodbye = ended + chrono::Duration::days(GOODBYE_DAYS);
        let summary = Text::paragraphs(vec![
            text,
            Text::msg("pair-together")
                .arg("milestones", milestones)
                .arg("met", met)
                .arg("until", Text::day_month(goodbye.date_naive())),
        ]);
        let mut effects = vec![Effect::CloseMatch {
            match_id: m.id,
            kind: ClosureKind::Planned,
            reason: "the programme's planned end".into(),
            by: "tandem".into(),
        }];
        let dates = Text::join(
            vec![
                Text::date(m.started().date_naive()),
                Text::date(ended.date_naive()),
            ],
            " – ",
        );
        let months = programme.map_or(0, |p| p.duration_months);
        let mut undrawn = Vec::new();
        self.languages.fresh().await;
        for (member, name, role) in [
            (&m.mentee, &m.mentee_name, RoleKind::Mentee),
            (&m.mentor, &m.mentor_name, RoleKind::Mentor),
        ] {
            let mut said = vec![
                Text::msg(match role {
                    RoleKind::Mentee => "pair-completed-mentee",
                    RoleKind::Mentor => "pair-completed-mentor",
                })
                .arg("name", name.as_str())
                .arg("programme", programme_name.clone())
                .arg("from", Text::date(m.started().date_naive()))
                .arg("to", Text::date(ended.date_naive())),
            ];
            let mut attachment = None;
            if let Some((p, design)) = programme.and_then(|p| Some((p, p.certificate.clone()?))) {
                // Drawn in the language they are written to in.
                let locale = self.languages.of(member);
                let own = |path: &str, own: &str| p.said(path, own).render(locale);
                let design = CertificateDesign {
                    title: own("certificate.title", &design.title),
                    signature_title: own("certificate.signature_title", &design.signature_title),
                    ..design
                };
                let text = CertificateText {
                    heading: Text::msg("certificate-heading").render(locale),
                    name: name.clone(),
                    achievement: Text::msg(match role {
                        RoleKind::Mentee => "certificate-achievement-mentee",
                        RoleKind::Mentor => "certificate-achievement-mentor",
                    })
                    .arg("months", i64::from(months))
                    .render(locale),
                    programme: programme_name.render(locale),
                    dates: dates.render(locale),
                    right_to_left: locale.shipped().rtl,
                };
                match self.draw_certificate(design, text).await {
                    Ok(png) => {
                        said.push(Text::msg("pair-certificate-attached"));
                        attachment = Some(crate::chat::Attachment {
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
                message: OutMessage {
                    attachment,
                    ..OutMessage::said(Text::join(said, " "))
                },
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
        // Outcomes after closure: the follow-ups (stored once, whatever the retries).
        self.schedule_follow_ups(m.id).await?;
        if !undrawn.is_empty() {
            self.tell_coordinators(
                (Some(&m.programme), m.mentee.platform),
                "certificate",
                crate::i18n::Text::msg("notice-certificate-undrawn")
                    .arg("names", undrawn.join(", "))
                    .arg("m", m.id),
            )
            .await?;
        }

        let posted = self
            .ports
            .rooms
            .post_in_room(room, &OutMessage::said(summary), &job_key(job, 0))
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
        let notice = Text::msg("pair-archived");
        Ok(
            match self
                .archive_pair_room(&job_key(job, 0), payload.match_id, &notice)
                .await
            {
                Ok(()) => JobOutcome::Done,
                Err(e) => JobOutcome::Retry(e.to_string()),
            },
        )
    }
}
