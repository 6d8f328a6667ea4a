//! Writes of screening effects (decisions, steps, reviewers' questions, prompts) inside a
//! step's transaction, and the queries the screening sweep needs.

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Any, Row, Transaction};

use super::applications::insert_decision;
use super::conversations::{Applied, conflict_aware, insert_conversation};
use super::sealer::{LINK_PREFIX, Sealer, load_json, store_json};
use super::{Store, to_millis};
use crate::domain::UserRef;
use crate::domain::screening::StepState;
use crate::error::Result;
use crate::flows::{Effect, FlowState, Prompt};

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

    /// Asks a member a check-in once: records the question and queues its prompt, unless it
    /// was asked before (a retried job). Returns whether it was new.
    pub async fn ask_check_in(
        &self,
        user: &UserRef,
        prompt: &Prompt,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let Prompt::CheckIn { match_id, seq, .. } = prompt else {
            return Err(anyhow::anyhow!("ask_check_in takes a check-in prompt").into());
        };
        let mut tx = self.pool.begin().await?;
        let new = sqlx::query(
            "INSERT INTO check_ins (match_id, seq, platform, user_id, asked_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (match_id, seq, platform, user_id) DO NOTHING",
        )
        .bind(*match_id)
        .bind(i64::from(*seq))
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(to_millis(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if new {
            // An older check-in of the same match still waiting to be asked is stale now:
            // only the latest question is worth answering.
            let waiting = sqlx::query(
                "SELECT id, prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2",
            )
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(&mut *tx)
            .await?;
            for row in waiting {
                let stored: String = row.try_get("prompt")?;
                if let Ok(Prompt::CheckIn { match_id: m, .. }) =
                    decode_prompt(self.sealer.as_ref(), user, stored)
                    && m == *match_id
                {
                    let id: i64 = row.try_get("id")?;
                    sqlx::query("DELETE FROM pending_prompts WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            insert_prompt(&mut tx, self.sealer.as_ref(), user, prompt, now).await?;
        }
        tx.commit().await?;
        Ok(new)
    }

    /// A match's check-in answers, oldest first, as (seq, user id, answer).
    pub async fn check_ins_of(&self, match_id: i64) -> Result<Vec<(u32, String, Option<String>)>> {
        let rows = sqlx::query(
            "SELECT seq, user_id, answer FROM check_ins WHERE match_id = $1 ORDER BY seq, id",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let seq: i64 = r.try_get("seq")?;
                Ok((seq as u32, r.try_get("user_id")?, r.try_get("answer")?))
            })
            .collect()
    }

    /// How many of a match's check-ins either member answered "we met".
    pub async fn check_ins_met(&self, match_id: i64) -> Result<usize> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT seq) FROM check_ins WHERE match_id = $1 AND answer = 'met'",
        )
        .bind(match_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Check-in answers across a programme's matches: (answer, how many).
    pub async fn check_in_answers(&self, programme: &str) -> Result<Vec<(String, usize)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT c.answer, COUNT(*) FROM check_ins c JOIN matches m ON m.id = c.match_id WHERE m.programme = $1 AND c.answer IS NOT NULL GROUP BY c.answer ORDER BY c.answer",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(a, n)| (a, usize::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// The oldest prompt waiting for this person.
    pub async fn next_prompt(&self, user: &UserRef) -> Result<Option<(i64, Prompt)>> {
        let row = sqlx::query(
            "SELECT id, prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2 ORDER BY id LIMIT 1",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let prompt = decode_prompt(self.sealer.as_ref(), user, row.try_get("prompt")?)?;
        Ok(Some((row.try_get("id")?, prompt)))
    }

    /// Remembers a prompt sent on a platform under its message id (and forgets those older
    /// than 90 days).
    pub async fn remember_prompt(
        &self,
        platform: &str,
        message_id: &str,
        prompt: &crate::chat::OutMessage,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let json = serde_json::to_string(prompt).context("encoding a sent prompt")?;
        sqlx::query(
            "INSERT INTO sent_prompts (platform, message_id, prompt, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (platform, message_id) DO NOTHING",
        )
        .bind(platform)
        .bind(message_id)
        .bind(json)
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?;
        sqlx::query("DELETE FROM sent_prompts WHERE sent_at < $1")
            .bind(to_millis(now - chrono::Duration::days(90)))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A prompt sent on a platform, by its message id.
    pub async fn sent_prompt(
        &self,
        platform: &str,
        message_id: &str,
    ) -> Result<Option<crate::chat::OutMessage>> {
        let json: Option<String> = sqlx::query_scalar(
            "SELECT prompt FROM sent_prompts WHERE platform = $1 AND message_id = $2",
        )
        .bind(platform)
        .bind(message_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j).context("decoding a sent prompt")?),
            None => None,
        })
    }

    /// Remembers the message that starts a card's thread in a room. The first root
    /// stays: a card shown again does not move its thread.
    pub async fn remember_thread_root(
        &self,
        platform: &str,
        room_id: &str,
        key: &str,
        root_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO card_threads (platform, room_id, thread_key, root_id, started_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, room_id, thread_key) DO NOTHING",
        )
        .bind(platform)
        .bind(room_id)
        .bind(key)
        .bind(root_id)
        .bind(to_millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The message that starts the thread `key` in a room, if a card started one.
    pub async fn thread_root(
        &self,
        platform: &str,
        room_id: &str,
        key: &str,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT root_id FROM card_threads WHERE platform = $1 AND room_id = $2 AND thread_key = $3",
        )
        .bind(platform)
        .bind(room_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether a moderators' question waits for this person: then they are a reporter, and
    /// nothing about them may be said outside the case.
    pub async fn has_pending_case_question(&self, user: &UserRef) -> Result<bool> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT prompt FROM pending_prompts WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        // Only a case question is sealed: a sealed prompt counts even if it did not open.
        Ok(rows.into_iter().any(|stored| {
            stored.starts_with(LINK_PREFIX)
                || matches!(
                    decode_prompt(self.sealer.as_ref(), user, stored),
                    Ok(Prompt::CaseQuestion { .. })
                )
        }))
    }

    /// Starts the conversation of a pending prompt: removes the prompt and stores the new
    /// conversation in one transaction. `false` when the person has a conversation already
    /// or someone else delivered the prompt first.
    ///
    /// The prompt's `acts` (its question) go into the outbox in the same transaction, so
    /// a crash never leaves a conversation waiting on a question that was never sent.
    /// `None` when the prompt was taken or a conversation started meanwhile; else the
    /// acts this worker holds, to deliver.
    pub async fn start_prompt(
        &self,
        user: &UserRef,
        prompt_id: i64,
        state: Option<&FlowState>,
        now: DateTime<Utc>,
        acts: &[crate::flows::acts::Act],
        enqueue: &super::Enqueue<'_>,
    ) -> Result<Option<Vec<super::OutboxRow>>> {
        let mut tx = self.pool.begin().await?;
        let taken = sqlx::query("DELETE FROM pending_prompts WHERE id = $1")
            .bind(prompt_id)
            .execute(&mut *tx)
            .await;
        if !conflict_aware(taken.map(|r| r.rows_affected() == 1))? {
            tx.rollback().await?;
            return Ok(None);
        }
        if let Some(state) = state
            && !insert_conversation(&mut tx, self.sealer.as_ref(), user, state, now).await?
        {
            tx.rollback().await?;
            return Ok(None);
        }
        let held = super::outbox::insert_acts(&mut tx, acts, enqueue, now).await?;
        tx.commit().await?;
        Ok(Some(held))
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

pub(super) async fn insert_prompt(
    tx: &mut Transaction<'static, Any>,
    sealer: Option<&Sealer>,
    user: &UserRef,
    prompt: &Prompt,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = encode_prompt(sealer, user, prompt)?;
    sqlx::query(
        "INSERT INTO pending_prompts (platform, user_id, prompt, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(json)
    .bind(to_millis(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A waiting prompt as stored: sealed when it ties the person to a case (a moderators'
/// question about their report), so no row names a reporter beside their case number;
/// plain JSON otherwise.
pub(super) fn encode_prompt(
    sealer: Option<&Sealer>,
    user: &UserRef,
    prompt: &Prompt,
) -> Result<String> {
    let json = serde_json::to_string(prompt).context("encoding a prompt")?;
    let links_case = matches!(prompt, Prompt::CaseQuestion { .. });
    store_json(sealer, "pending_prompts", user, json, links_case)
}

pub(super) fn decode_prompt(
    sealer: Option<&Sealer>,
    user: &UserRef,
    stored: String,
) -> Result<Prompt> {
    let json = load_json(sealer, "pending_prompts", user, stored)?;
    Ok(serde_json::from_str(&json).context("decoding a pending prompt")?)
}
