//! Writes of screening effects (decisions, steps, reviewers' questions, prompts) inside a
//! step's transaction, and the queries the screening sweep needs. Waiting prompts are in
//! `storage::prompts`, check-ins in `storage::check_ins`.

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Any, Row, Transaction};

use super::applications::insert_decision;
use super::conversations::{Applied, conflict_aware};
use super::prompts::insert_prompt;
use super::{Store, to_millis};
use crate::domain::screening::StepState;
use crate::error::Result;
use crate::flows::{Effect, Prompt};

impl Store {
    pub(super) async fn apply_effect(
        &self,
        tx: &mut Transaction<'static, Any>,
        effect: &Effect,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        match effect {
            Effect::SendDm { .. }
            | Effect::PostInRoom { .. }
            | Effect::CreatePairRoom { .. }
            | Effect::Replan { .. } => {}
            // Kept in the step's transaction: the refusal is on record exactly when it was
            // answered.
            Effect::LogRefusal { user, action } => {
                sqlx::query(
                    "INSERT INTO audit_log (at, platform, user_id, action, outcome, reason) VALUES ($1, $2, $3, $4, 'refused', '')",
                )
                .bind(to_millis(now))
                .bind(user.platform.as_str())
                .bind(&user.id)
                .bind(action)
                .execute(&mut **tx)
                .await?;
            }
            Effect::AnswerCheckIn {
                match_id,
                seq,
                user,
                answer,
            } => {
                sqlx::query(
                    "UPDATE check_ins SET answer = $1, answered_at = $2 WHERE match_id = $3 AND seq = $4 AND platform = $5 AND user_id = $6",
                )
                .bind(answer)
                .bind(to_millis(now))
                .bind(*match_id)
                .bind(i64::from(*seq))
                .bind(user.platform.as_str())
                .bind(&user.id)
                .execute(&mut **tx)
                .await?;
            }
            Effect::PauseMatch { match_id, until } => {
                sqlx::query(
                    "UPDATE matches SET paused_until = $1 WHERE id = $2 AND status = 'active'",
                )
                .bind(until.map(super::to_millis))
                .bind(*match_id)
                .execute(&mut **tx)
                .await?;
            }
            Effect::ExcludePair {
                programme,
                mentee_application,
                mentor_application,
                by,
                reason,
            } => {
                let marker = crate::domain::matches::NewMatch {
                    programme: programme.clone(),
                    mentee_application: *mentee_application,
                    mentor_application: *mentor_application,
                    score: 0,
                    reasons: vec![(format!("Excluded: {reason}"), 0)],
                };
                let id = self.insert_match(tx, &marker, now).await?;
                self.move_match(
                    tx,
                    id,
                    crate::domain::matches::MatchStatus::Proposed,
                    crate::domain::matches::MatchStatus::Rejected,
                    by,
                    None,
                    now,
                )
                .await?;
            }
            Effect::StoreCase(case) => {
                return Ok(Applied::Case(self.insert_case(tx, case, now).await?));
            }
            Effect::StoreEvents(events) => {
                return Ok(Applied::Events(self.insert_events(tx, events, now).await?));
            }
            Effect::Rsvp {
                event_id,
                user,
                answer,
            } => {
                self.upsert_rsvp(tx, *event_id, user, *answer, now).await?;
            }
            Effect::CancelEvent { event_id, reason } => {
                if !self
                    .mark_event_cancelled(tx, *event_id, reason, now)
                    .await?
                {
                    return Ok(Applied::Conflict);
                }
            }
            Effect::CaseEvent {
                case_id,
                actor,
                kind,
                detail,
            } => {
                self.insert_case_event(tx, *case_id, actor, kind, detail, now)
                    .await?;
            }
            Effect::MoveCase {
                case_id,
                from,
                to,
                by,
                outcome,
            } => {
                if !self
                    .move_case(tx, *case_id, *from, *to, by, outcome.as_deref(), now)
                    .await?
                {
                    return Ok(Applied::Conflict);
                }
            }
            Effect::AskReporter {
                case_id,
                question,
                restricted,
            } => {
                if let Some(reporter) = self.case_reporter_in(tx, *case_id).await? {
                    let prompt = Prompt::CaseQuestion {
                        case_id: *case_id,
                        question: question.clone(),
                        restricted: *restricted,
                    };
                    insert_prompt(tx, self.sealer.as_ref(), &reporter, &prompt, now).await?;
                }
            }
            Effect::CaseReply { case_id, text } => {
                self.insert_case_event(tx, *case_id, "reporter", "answered", text, now)
                    .await?;
            }
            Effect::AttachFiles {
                case_id,
                holder,
                ids,
            } => self.attach_files(tx, *case_id, holder, ids).await?,
            Effect::DropHeldFiles { holder, ids } => {
                self.drop_held_files(tx, holder, ids).await?;
            }
            Effect::TellReporter { .. }
            | Effect::RevealReporter { .. }
            | Effect::ShowEvidence { .. } => {}
            Effect::FreezeMatch {
                match_id, frozen, ..
            } => self.freeze_match(tx, *match_id, *frozen, now).await?,
            Effect::LinkCaseSubject {
                case_id,
                user,
                linked,
                by,
            } => {
                self.set_case_subject(tx, *case_id, user, *linked, by, now)
                    .await?
            }
            Effect::Suspend {
                user,
                until,
                reason,
                by,
            } => self.suspend(tx, user, *until, reason, by, now).await?,
            Effect::Unsuspend { user } => self.unsuspend(tx, user, now).await?,
            Effect::RemoveFromRoom { .. } => {}
            Effect::StoreMatches(new) => {
                let mut ids = Vec::with_capacity(new.len());
                for m in new {
                    ids.push(self.insert_match(tx, m, now).await?);
                }
                return Ok(Applied::Matches(ids));
            }
            Effect::MoveMatch {
                match_id,
                from,
                to,
                by,
                deadline,
            } => {
                if !self
                    .move_match(tx, *match_id, *from, *to, by, *deadline, now)
                    .await?
                {
                    return Ok(Applied::Conflict);
                }
            }
            Effect::AnswerMatch {
                match_id,
                side,
                accepted,
            } => {
                let mentee_side = *side == crate::domain::RoleKind::Mentee;
                if !self
                    .answer_match(tx, *match_id, mentee_side, *accepted, now)
                    .await?
                {
                    return Ok(Applied::Conflict);
                }
            }
            Effect::StoreApplication(a) => {
                return Ok(Applied::Application(
                    self.insert_application(tx, a, now).await?,
                ));
            }
            Effect::RecordDecision(d) => {
                let moved = sqlx::query(
                    "UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
                )
                .bind(d.to.as_str())
                .bind(to_millis(now))
                .bind(d.application_id)
                .bind(d.from.as_str())
                .execute(&mut **tx)
                .await;
                if !conflict_aware(moved.map(|r| r.rows_affected() == 1))? {
                    return Ok(Applied::Conflict);
                }
                insert_decision(tx, d.application_id, d.from, d.to, &d.by, &d.reason, now).await?;
            }
            Effect::RecordStep {
                application_id,
                step_id,
                state,
                by,
            } => {
                let json = serde_json::to_string(state).context("encoding a step state")?;
                let expires = match state {
                    StepState::Cleared { expires } => Some(expires.format("%Y-%m-%d").to_string()),
                    _ => None,
                };
                sqlx::query(
                    "INSERT INTO screening_steps (application_id, step_id, state, expires_on, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, step_id) DO UPDATE SET state = excluded.state, expires_on = excluded.expires_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                )
                .bind(application_id)
                .bind(step_id)
                .bind(json)
                .bind(expires)
                .bind(by)
                .bind(to_millis(now))
                .execute(&mut **tx)
                .await?;
            }
            Effect::AskApplicant {
                application_id,
                applicant,
                programme,
                question,
                asked_by,
            } => {
                let question_id: i64 = sqlx::query_scalar(
                    "INSERT INTO review_questions (application_id, question, asked_by, asked_at) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(application_id)
                .bind(question)
                .bind(asked_by)
                .bind(to_millis(now))
                .fetch_one(&mut **tx)
                .await?;
                let prompt = Prompt::ReviewQuestion {
                    question_id,
                    application_id: *application_id,
                    programme: programme.clone(),
                    question: question.clone(),
                };
                insert_prompt(tx, self.sealer.as_ref(), applicant, &prompt, now).await?;
            }
            Effect::AnswerReviewQuestion {
                question_id,
                answer,
            } => {
                sqlx::query(
                    "UPDATE review_questions SET answer = $1, answered_at = $2 WHERE id = $3 AND answer IS NULL",
                )
                .bind(answer)
                .bind(to_millis(now))
                .bind(question_id)
                .execute(&mut **tx)
                .await?;
            }
            Effect::QueuePrompt { user, prompt } => {
                insert_prompt(tx, self.sealer.as_ref(), user, prompt, now).await?;
            }
            Effect::CloseMatch {
                match_id,
                kind,
                reason,
                by,
            } => {
                return self
                    .close_match(tx, *match_id, *kind, reason, by, now)
                    .await;
            }
            Effect::RecordNextStep {
                match_id,
                user,
                choice,
            } => {
                self.record_next_step(tx, *match_id, user, *choice, now)
                    .await?
            }
            Effect::ArchivePairRoom { .. }
            | Effect::PostChart { .. }
            | Effect::SendTranscript { .. } => {}
            Effect::ErasePerson {
                user,
                retention_years,
            } => {
                self.erase_person(tx, user, *retention_years, now).await?;
            }
            Effect::SendSurvey(round) => {
                self.insert_round(tx, round, now).await?;
            }
            Effect::SaveSurveyDraft {
                invite_id,
                user,
                answers,
            } => return self.save_survey_draft(tx, *invite_id, user, answers).await,
            Effect::SubmitSurvey {
                invite_id,
                user,
                answers,
                attributed,
            } => {
                return self
                    .submit_survey(tx, *invite_id, user, answers, *attributed, now)
                    .await;
            }
            Effect::MarkCheckWarned {
                application_id,
                step_id,
                expires,
            } => {
                // Only while the check still expires on that date: a renewal recorded
                // meanwhile keeps its own warning to come.
                let date = expires.format("%Y-%m-%d").to_string();
                sqlx::query(
                    "UPDATE screening_steps SET warned_for = $1 WHERE application_id = $2 AND step_id = $3 AND expires_on = $1",
                )
                .bind(date)
                .bind(application_id)
                .bind(step_id)
                .execute(&mut **tx)
                .await?;
            }
            Effect::MarkReminded { application_id } => {
                sqlx::query("UPDATE applications SET reminded_at = $1 WHERE id = $2")
                    .bind(to_millis(now))
                    .bind(application_id)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok(Applied::Done)
    }

    /// Cleared checks expiring after `today` and within `days`, not yet warned about for
    /// that date: (application, step). Each step's own lead time is the flow's to apply.
    pub async fn checks_to_warn(&self, today: NaiveDate, days: u32) -> Result<Vec<(i64, String)>> {
        let horizon = today + chrono::Duration::days(i64::from(days));
        let rows = sqlx::query(
            "SELECT application_id, step_id FROM screening_steps WHERE expires_on IS NOT NULL AND expires_on > $1 AND expires_on <= $2 AND (warned_for IS NULL OR warned_for <> expires_on) ORDER BY expires_on, application_id",
        )
        .bind(today.format("%Y-%m-%d").to_string())
        .bind(horizon.format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("application_id")?, r.try_get("step_id")?)))
            .collect()
    }

    /// Cleared checks whose expiry date is on or before `today`: (application, step).
    pub async fn expired_checks(&self, today: NaiveDate) -> Result<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "SELECT application_id, step_id FROM screening_steps WHERE expires_on IS NOT NULL AND expires_on <= $1 ORDER BY expires_on, application_id",
        )
        .bind(today.format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("application_id")?, r.try_get("step_id")?)))
            .collect()
    }
}
