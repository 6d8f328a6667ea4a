//! Recording one step: the transaction that stores a conversation's new state together with
//! every write its effects ask for, and the acts they decided put in the outbox.
//!
//! [`Store::commit_step_with`] runs the transaction: the platform event that caused the step
//! (a redelivery is a `Duplicate`), the conversation's state (`storage::conversations`,
//! checked against the version it was read at), each effect through `apply_effect`, the
//! finished outbox row when the step completes one, and the acts. Any write that lost a race
//! makes the whole step a `Conflict`, and nothing of it is stored.
//!
//! `apply_effect` is the dispatcher: one match over [`Effect`], each arm calling the write
//! of its stage, which lives beside that stage's queries (applications, screening, prompts,
//! matches, check-ins, cases, evidence, events, surveys, personal data, audit). Effects the
//! app carries out after the commit (messages, rooms, files) write nothing here.
//!
//! To store a new effect: write its function in its stage's module, taking the step's
//! transaction (`&mut Transaction<'static, Any>`) and returning whether it applied when it
//! can lose a race, then add its arm here; the compiler lists every variant left out.
//!
//! A step whose effects all have a local form ([`has_local_form`]: those of nearly every
//! message) is recorded on a local SQLite connection (`storage::sql`), any other through
//! sqlx. Giving an effect a local form means writing it on a `sql::Exec` (so it runs on
//! both) and listing it there.

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::Store;
use super::conversations::{StoredConversation, insert_inbound_event, write_state};
use super::outbox::{Enqueue, OutboxRow};
use super::prompts::insert_prompt;
use super::sql::{self, Tx};
use crate::domain::events::{event_subject, session_jobs};
use crate::domain::{EventRef, UserRef};
use crate::error::Result;
use crate::step::{Act, ConversationState, Effect, StateChange};

/// Whether a step was recorded, or someone else changed what it was based on first.
#[derive(Debug, Clone, PartialEq)]
pub enum CommitOutcome {
    /// Recorded; the ids of the applications and matches it stored, in order, and the
    /// acts it put in the outbox that the committing worker holds, to deliver at once.
    Committed {
        new_applications: Vec<i64>,
        new_matches: Vec<i64>,
        new_cases: Vec<i64>,
        acts: Vec<OutboxRow>,
        /// The lanes of every act it put in the outbox, held or waiting its turn.
        lanes: Vec<String>,
    },
    /// The conversation or an application changed since it was read: read again and redo
    /// the step.
    Conflict,
    /// The event that caused the step was handled already (a redelivery): nothing was
    /// recorded, and nothing is to be done.
    Duplicate,
}

impl CommitOutcome {
    pub fn is_committed(&self) -> bool {
        matches!(self, CommitOutcome::Committed { .. })
    }
}

/// What applying one effect did.
pub(super) enum Applied {
    Done,
    Application(i64),
    Matches(Vec<i64>),
    Case(i64),
    Events(Vec<i64>),
    Question(i64),
    SafetyFlags(Vec<i64>),
    Conflict,
}

/// `Done` when a guarded write applied, `Conflict` when what it was based on had changed.
fn settled(applied: bool) -> Applied {
    if applied {
        Applied::Done
    } else {
        Applied::Conflict
    }
}

impl Store {
    /// Records one step atomically: the conversation's new state (checked against the
    /// version it was read at) and every effect that writes (applications, decisions,
    /// steps, questions, prompts). Returns `Conflict`, and changes nothing, when the
    /// conversation or an application changed meanwhile.
    ///
    /// Without `enqueue` the acts among the effects are not recorded (storage tests).
    pub async fn commit_step<S: ConversationState>(
        &self,
        user: &UserRef,
        read: Option<&StoredConversation<S>>,
        change: &StateChange<S>,
        effects: &[Effect],
        now: DateTime<Utc>,
    ) -> Result<CommitOutcome> {
        self.commit_step_with(user, read, change, effects, now, None, None)
            .await
    }

    /// [`Store::commit_step`], putting the step's acts in the outbox in the same
    /// transaction: first the effects' own, then the follow-ups of what it stored (a new
    /// case's card, a new application's card, new proposals). `event`, the platform's id
    /// of what caused the step, is recorded with it: `Duplicate` if it was already.
    #[allow(clippy::too_many_arguments)]
    pub async fn commit_step_with<S: ConversationState>(
        &self,
        user: &UserRef,
        read: Option<&StoredConversation<S>>,
        change: &StateChange<S>,
        effects: &[Effect],
        now: DateTime<Utc>,
        enqueue: Option<&Enqueue<'_>>,
        event: Option<&EventRef>,
    ) -> Result<CommitOutcome> {
        let turn = self.write_turn().await;
        // A step whose writes all have a local form runs on a local connection (SQLite,
        // on this thread); any other on sqlx's.
        let mut tx = if effects.iter().all(has_local_form) {
            self.begin().await?
        } else {
            Tx::Sqlx(self.pool.begin().await?)
        };
        if let Some(event) = event {
            match insert_inbound_event(tx.exec(), event).await {
                Ok(false) => {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Duplicate);
                }
                Ok(_) => {}
                Err(e) if e.is_write_conflict() => {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Conflict);
                }
                Err(e) => return Err(e.into()),
            }
        }
        let applied = write_state(&mut tx, self.sealer.as_ref(), user, read, change, now).await?;
        if !applied {
            tx.rollback().await?;
            return Ok(CommitOutcome::Conflict);
        }
        let mut new_applications = Vec::new();
        let mut new_matches = Vec::new();
        let mut new_cases = Vec::new();
        // What created sessions tells the coordinators, once they have their numbers.
        let mut event_notices = Vec::new();
        let mut new_questions = Vec::new();
        let mut new_flags = Vec::new();
        for effect in effects {
            match self.apply_effect(&mut tx, effect, now).await {
                Ok(Applied::Done) => {}
                Ok(Applied::Application(id)) => new_applications.push(id),
                Ok(Applied::Matches(ids)) => new_matches.extend(ids),
                Ok(Applied::Case(id)) => new_cases.push(id),
                Ok(Applied::Events(ids)) => {
                    if let Effect::StoreEvents { tell, .. } = effect {
                        event_notices.push(Act::AnnounceEvents {
                            event_ids: ids,
                            room: tell.clone(),
                        });
                    }
                }
                Ok(Applied::Question(id)) => new_questions.push(id),
                Ok(Applied::SafetyFlags(ids)) => new_flags.extend(ids),
                Ok(Applied::Conflict) => {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Conflict);
                }
                Err(e) => {
                    tx.rollback().await?;
                    return Err(e);
                }
            }
        }
        let mut acts = Vec::new();
        let mut lanes = Vec::new();
        if let Some(enqueue) = enqueue
            && let Some(id) = enqueue.completes
        {
            match super::outbox::complete_in(&mut tx, id, &enqueue.worker, now).await {
                Ok(true) => {}
                Ok(false) => {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Duplicate);
                }
                Err(e) if e.is_write_conflict() => {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Conflict);
                }
                Err(e) => return Err(e.into()),
            }
        }
        if let Some(enqueue) = enqueue {
            let mut all: Vec<Act> = effects.iter().filter_map(Act::from_effect).collect();
            if !new_matches.is_empty() {
                all.push(Act::PostProposals {
                    platform: user.platform,
                    match_ids: new_matches.clone(),
                });
            }
            all.extend(event_notices);
            // Proposing again, once per programme, after the step (it reads what it wrote).
            let mut replans: Vec<&str> = effects
                .iter()
                .filter_map(|e| match e {
                    Effect::Replan { programme } => Some(programme.as_str()),
                    _ => None,
                })
                .collect();
            replans.sort_unstable();
            replans.dedup();
            all.extend(replans.into_iter().map(|programme| Act::Replan {
                programme: programme.to_string(),
                platform: user.platform,
            }));
            all.extend(effects.iter().filter_map(|e| match e {
                Effect::PassOn { match_id } => Some(Act::PassOn {
                    match_id: *match_id,
                    platform: user.platform,
                }),
                _ => None,
            }));
            all.extend(
                new_cases
                    .iter()
                    .map(|&case_id| Act::AnnounceCase { case_id }),
            );
            all.extend(
                new_questions
                    .iter()
                    .map(|&question_id| Act::AnnounceQuestion { question_id }),
            );
            all.extend(
                new_applications
                    .iter()
                    .map(|&application_id| Act::AnnounceApplication { application_id }),
            );
            if !new_flags.is_empty() {
                all.push(Act::AnnounceSafetyFlags {
                    flag_ids: new_flags.clone(),
                });
            }
            lanes = all.iter().map(Act::lane).collect();
            match super::outbox::insert_acts(&mut tx, &all, enqueue, now).await {
                Ok(held) => acts = held,
                Err(e)
                    if e.downcast_ref::<sql::Error>()
                        .is_some_and(sql::Error::is_write_conflict) =>
                {
                    tx.rollback().await?;
                    return Ok(CommitOutcome::Conflict);
                }
                Err(e) => return Err(e.into()),
            }
        }
        match tx.commit_written().await {
            Ok(flush) => {
                // Others write while this step's commit reaches the disk (and share
                // the flush); its acts are delivered only once it is there.
                drop(turn);
                flush.wait().await;
                Ok(CommitOutcome::Committed {
                    new_applications,
                    new_matches,
                    new_cases,
                    acts,
                    lanes,
                })
            }
            Err(e) if e.is_write_conflict() => Ok(CommitOutcome::Conflict),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes what one effect asks for inside the step's transaction, by its stage.
    async fn apply_effect(
        &self,
        tx: &mut Tx<'_>,
        effect: &Effect,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        match tx {
            Tx::Sqlx(tx) => self.apply_on_sqlx(tx, effect, now).await,
            Tx::Local(_) => match effect {
                Effect::QueuePrompt { user, prompt } => {
                    insert_prompt(tx.exec(), self.sealer.as_ref(), user, prompt, now).await?;
                    Ok(Applied::Done)
                }
                Effect::StoreApplication(a) => Ok(Applied::Application(
                    self.insert_application(tx.exec(), a, now).await?,
                )),
                Effect::RecordDecision(d) => {
                    Ok(settled(self.record_decision(tx.exec(), d, now).await?))
                }
                e if has_local_form(e) => Ok(Applied::Done),
                _ => Err(
                    anyhow::anyhow!("an effect without a local form on a local connection").into(),
                ),
            },
        }
    }

    /// [`Store::apply_effect`] on sqlx's connection: every effect.
    async fn apply_on_sqlx(
        &self,
        tx: &mut Transaction<'static, Any>,
        effect: &Effect,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        Ok(match effect {
            // Carried out by the app once the step is recorded (through the outbox).
            Effect::SendDm { .. }
            | Effect::PostInRoom { .. }
            | Effect::CreatePairRoom { .. }
            | Effect::Replan { .. }
            | Effect::PassOn { .. }
            | Effect::TellReporter { .. }
            | Effect::RevealReporter { .. }
            | Effect::ShowEvidence { .. }
            | Effect::RemoveFromRoom { .. }
            | Effect::ArchivePairRoom { .. }
            | Effect::PostChart { .. }
            | Effect::SendTranscript { .. }
            | Effect::SendResource { .. } => Applied::Done,

            // Applications (applications.rs).
            Effect::StoreApplication(a) => {
                Applied::Application(self.insert_application(sql::Exec::Conn(tx), a, now).await?)
            }
            Effect::RecordDecision(d) => {
                settled(self.record_decision(sql::Exec::Conn(tx), d, now).await?)
            }
            Effect::MarkReminded { application_id } => {
                self.mark_reminded(tx, *application_id, now).await?;
                Applied::Done
            }

            // Screening and reviewers' questions (screening.rs).
            Effect::RecordStep {
                application_id,
                step_id,
                state,
                by,
            } => {
                self.record_step(tx, *application_id, step_id, state, by, now)
                    .await?;
                Applied::Done
            }
            Effect::NoteApplication {
                application_id,
                by,
                text,
            } => {
                sqlx::query(
                    "INSERT INTO application_notes (application_id, written_by, text, written_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(*application_id)
                .bind(by)
                .bind(text)
                .bind(super::to_millis(now))
                .execute(&mut **tx)
                .await?;
                Applied::Done
            }
            Effect::AskApplicant {
                application_id,
                applicant,
                programme,
                question,
                asked_by,
            } => {
                self.ask_applicant(
                    tx,
                    *application_id,
                    applicant,
                    programme,
                    question,
                    asked_by,
                    now,
                )
                .await?;
                Applied::Done
            }
            Effect::AnswerReviewQuestion {
                question_id,
                answer,
            } => {
                self.answer_review_question(tx, *question_id, answer, now)
                    .await?;
                Applied::Done
            }
            Effect::MarkCheckWarned {
                application_id,
                step_id,
                expires,
            } => {
                self.mark_check_warned(tx, *application_id, step_id, *expires)
                    .await?;
                Applied::Done
            }

            // Prompts waiting for a person (prompts.rs).
            Effect::QueuePrompt { user, prompt } => {
                insert_prompt(sql::Exec::Conn(tx), self.sealer.as_ref(), user, prompt, now).await?;
                Applied::Done
            }

            // Matches and pairs (matches.rs, check_ins.rs).
            Effect::StoreMatches(new) => {
                let mut ids = Vec::with_capacity(new.len());
                for m in new {
                    ids.push(self.insert_match(tx, m, now).await?);
                }
                Applied::Matches(ids)
            }
            Effect::StoreRequest(request) => match self.insert_request(tx, request, now).await? {
                Some(id) => {
                    // Asked now: the mentor's offer is queued with the request.
                    if request.status == crate::domain::matches::MatchStatus::Approved {
                        let offer = crate::step::Prompt::MatchOffer { match_id: id };
                        insert_prompt(
                            sql::Exec::Conn(tx),
                            self.sealer.as_ref(),
                            &request.mentor,
                            &offer,
                            now,
                        )
                        .await?;
                    }
                    Applied::Matches(vec![id])
                }
                None => Applied::Conflict,
            },
            Effect::SetProfile {
                application,
                profile,
            } => {
                self.set_profile(tx, *application, profile, now).await?;
                Applied::Done
            }
            Effect::GiveStarter { match_id, text } => {
                self.give_starter(tx, *match_id, text, now).await?;
                Applied::Done
            }

            // Staff support (support.rs).
            Effect::AssignStaff { match_id, among } => {
                self.assign_staff(tx, *match_id, among).await?;
                Applied::Done
            }
            // Meeting times (meetings.rs).
            Effect::SetAvailability {
                user,
                zone,
                windows,
            } => {
                self.set_availability(tx, user, zone, windows, now).await?;
                Applied::Done
            }
            Effect::ClearAvailability { user } => {
                self.clear_availability(tx, user).await?;
                Applied::Done
            }
            Effect::OfferMeetings { match_id, offer } => {
                self.offer_meetings(tx, *match_id, offer, now).await?;
                Applied::Done
            }
            Effect::BookMeeting {
                match_id,
                starts_at,
                minutes,
                zones,
                platform,
            } => settled(
                // Boxed, as each arm's future adds to every step's stack.
                Box::pin(
                    self.book_meeting(tx, *match_id, *starts_at, *minutes, zones, *platform, now),
                )
                .await?,
            ),
            Effect::CancelMeeting { meeting_id } => {
                settled(self.cancel_meeting(tx, *meeting_id, now).await?)
            }
            Effect::LogMeeting {
                match_id,
                meeting_id,
                held_minutes,
            } => settled(
                Box::pin(self.log_meeting(tx, *match_id, *meeting_id, *held_minutes, now)).await?,
            ),
            Effect::AcceptAgreement { match_id, user } => {
                self.accept_agreement(tx, *match_id, user, now).await?;
                Applied::Done
            }
            Effect::NoteSupportNotice { match_id, name } => {
                settled(self.note_support_notice(tx, *match_id, name, now).await?)
            }
            Effect::MarkSupportNotice { match_id, name } => {
                self.note_support_notice(tx, *match_id, name, now).await?;
                Applied::Done
            }
            Effect::LogStaffCheckIn(check_in) => {
                settled(self.log_staff_check_in(tx, check_in).await?)
            }
            Effect::MoveMatch {
                match_id,
                from,
                to,
                by,
                deadline,
            } => settled(
                self.move_match(tx, *match_id, *from, *to, by, *deadline, now)
                    .await?,
            ),
            Effect::AnswerMatch {
                match_id,
                side,
                accepted,
            } => {
                let mentee_side = *side == crate::domain::RoleKind::Mentee;
                settled(
                    self.answer_match(tx, *match_id, mentee_side, *accepted, now)
                        .await?,
                )
            }
            Effect::ExcludePair {
                programme,
                mentee_application,
                mentor_application,
                by,
                reason,
            } => {
                self.exclude_pair(
                    tx,
                    programme,
                    *mentee_application,
                    *mentor_application,
                    by,
                    reason,
                    now,
                )
                .await?;
                Applied::Done
            }
            Effect::LiftExclusion {
                programme,
                mentee_application,
                mentor_application,
                by,
            } => {
                self.lift_exclusion(
                    tx,
                    programme,
                    *mentee_application,
                    *mentor_application,
                    by,
                    now,
                )
                .await?;
                Applied::Done
            }
            Effect::PauseMatch { match_id, until } => {
                self.pause_match(tx, *match_id, *until).await?;
                Applied::Done
            }
            Effect::FreezeMatch {
                match_id, frozen, ..
            } => {
                self.freeze_match(tx, *match_id, *frozen, now).await?;
                Applied::Done
            }
            Effect::CloseMatch {
                match_id,
                kind,
                reason,
                by,
            } => {
                self.close_match(tx, *match_id, *kind, reason, by, now)
                    .await?
            }
            Effect::RecordNextStep {
                match_id,
                user,
                choice,
            } => {
                self.record_next_step(tx, *match_id, user, *choice, now)
                    .await?;
                Applied::Done
            }
            Effect::AnswerCheckIn {
                match_id,
                seq,
                user,
                answer,
            } => {
                self.answer_check_in(tx, *match_id, *seq, user, answer, now)
                    .await?;
                Applied::Done
            }
            Effect::Suspend {
                user,
                until,
                reason,
                by,
            } => {
                self.suspend(tx, user, *until, reason, by, now).await?;
                Applied::Done
            }
            Effect::Unsuspend { user } => {
                self.unsuspend(tx, user, now).await?;
                Applied::Done
            }

            // Questions to the programme team (team.rs).
            Effect::AskTeam(question) => {
                Applied::Question(self.insert_question(tx, question, now).await?)
            }
            Effect::AnswerQuestion { id, by } => {
                self.mark_answered(tx, *id, by, now).await?;
                Applied::Done
            }

            // Pair-room safety flags (safety.rs).
            Effect::RecordSafetyFlags(flags) => {
                let mut ids = Vec::with_capacity(flags.len());
                for flag in flags {
                    ids.push(self.insert_safety_flag(tx, flag).await?);
                }
                Applied::SafetyFlags(ids)
            }
            Effect::ClaimSafetyReminder { user, kind, day } => {
                settled(super::safety::claim_reminder(tx, user, *kind, *day, now).await?)
            }
            Effect::DecideSafetyFlag {
                flag_id,
                from,
                to,
                note,
                by,
            } => settled(
                super::safety::decide_flag(tx, *flag_id, *from, *to, note.as_deref(), by, now)
                    .await?,
            ),
            Effect::SafetyFlagToCase {
                flag_id,
                from,
                case,
                note,
                by,
            } => {
                let case_id = self.insert_case(tx, case, now).await?;
                let to = crate::domain::safety::FlagStatus::Case(case_id);
                if super::safety::decide_flag(tx, *flag_id, *from, to, note.as_deref(), by, now)
                    .await?
                {
                    Applied::Case(case_id)
                } else {
                    Applied::Conflict
                }
            }

            // Moderation cases and their evidence (cases.rs, evidence.rs).
            Effect::StoreCase(case) => Applied::Case(self.insert_case(tx, case, now).await?),
            Effect::CaseEvent {
                case_id,
                actor,
                kind,
                detail,
            } => {
                self.insert_case_event(tx, *case_id, actor, kind, detail, now)
                    .await?;
                Applied::Done
            }
            Effect::MoveCase {
                case_id,
                from,
                to,
                by,
                outcome,
            } => settled(
                self.move_case(tx, *case_id, *from, *to, by, outcome.as_deref(), now)
                    .await?,
            ),
            Effect::AskReporter {
                case_id,
                question,
                restricted,
            } => {
                self.ask_reporter(tx, *case_id, question, *restricted, now)
                    .await?;
                Applied::Done
            }
            Effect::CaseReply { case_id, text } => {
                self.insert_case_event(tx, *case_id, "reporter", "answered", text, now)
                    .await?;
                Applied::Done
            }
            Effect::LinkCaseSubject {
                case_id,
                user,
                linked,
                by,
            } => {
                self.set_case_subject(tx, *case_id, user, *linked, by, now)
                    .await?;
                Applied::Done
            }
            Effect::AttachFiles {
                case_id,
                holder,
                ids,
            } => {
                self.attach_files(tx, *case_id, holder, ids).await?;
                Applied::Done
            }
            Effect::DropHeldFiles { holder, ids } => {
                self.drop_held_files(tx, holder, ids).await?;
                Applied::Done
            }

            // Group events (events.rs).
            Effect::StoreEvents {
                events, reminders, ..
            } => {
                let ids = self.insert_events(tx, events, now).await?;
                let jobs: Vec<_> = ids
                    .iter()
                    .zip(events)
                    .flat_map(|(&id, e)| session_jobs(id, e, reminders, now))
                    .collect();
                super::jobs::insert_jobs(tx, &jobs, now).await?;
                Applied::Events(ids)
            }
            Effect::Rsvp {
                event_id,
                user,
                answer,
            } => {
                self.upsert_rsvp(tx, *event_id, user, *answer, now).await?;
                Applied::Done
            }
            Effect::CancelEvent {
                event_id, reason, ..
            } => {
                let cancelled = self
                    .mark_event_cancelled(tx, *event_id, reason, now)
                    .await?;
                if cancelled {
                    super::jobs::skip_jobs(tx, &event_subject(*event_id), now).await?;
                }
                settled(cancelled)
            }

            // Surveys (surveys.rs).
            Effect::SendSurvey(round) => {
                self.insert_round(tx, round, now).await?;
                Applied::Done
            }
            Effect::SaveSurveyDraft {
                invite_id,
                user,
                answers,
            } => {
                self.save_survey_draft(tx, *invite_id, user, answers)
                    .await?
            }
            Effect::SubmitSurvey {
                invite_id,
                user,
                answers,
                attributed,
            } => {
                self.submit_survey(tx, *invite_id, user, answers, *attributed, now)
                    .await?
            }
            Effect::DeclineFollowUps { invite_id, user } => {
                self.decline_follow_ups(tx, *invite_id, user, now).await?
            }

            // A person's own data (personal.rs) and the audit log (audit.rs).
            Effect::ErasePerson {
                user,
                retention_years,
            } => {
                self.erase_person(tx, user, *retention_years, now).await?;
                Applied::Done
            }
            // Linked accounts (links.rs).
            Effect::StoreLinkCode {
                account,
                code,
                expires,
            } => {
                self.store_link_code(tx, account, code, *expires, now)
                    .await?;
                Applied::Done
            }
            Effect::LinkAccounts { person, other, .. } => {
                if self.link_accounts(tx, person, other, now).await? {
                    Applied::Done
                } else {
                    Applied::Conflict
                }
            }
            Effect::ClaimAssisted {
                assisted,
                account,
                code,
            } => settled(
                self.claim_assisted(tx, assisted, account, code, now)
                    .await?,
            ),
            Effect::Unlink { account } => {
                self.unlink_by_owner(tx, account, now).await?;
                Applied::Done
            }
            Effect::DmAccount { person, other } => {
                self.set_dm_account(tx, person, *other).await?;
                Applied::Done
            }
            // Languages (languages.rs).
            Effect::SetLanguage { user, locale } => {
                self.set_language(tx, user, *locale, now).await?;
                Applied::Done
            }
            // Broadcasts (announcements.rs).
            Effect::MuteAnnouncements { user, muted } => {
                self.mute_announcements(tx, user, *muted, now).await?;
                Applied::Done
            }
            // Resources (resources.rs).
            Effect::MarkResourceRead {
                user,
                programme,
                resource,
            } => {
                self.mark_resource_read(tx, user, programme, resource, now)
                    .await?;
                Applied::Done
            }
            Effect::LogRefusal { user, action } => {
                self.log_refusal(tx, user, action, now).await?;
                Applied::Done
            }
            Effect::LogAllowed {
                user,
                action,
                reason,
            } => {
                self.log_allowed(tx, user, action, reason, now).await?;
                Applied::Done
            }
        })
    }
}

/// Whether an effect's writes (if any) have a local form (see `storage::sql`): those of
/// nearly every message (a conversation moved on, messages to send, a prompt queued).
/// Adding one: its write on a [`sql::Exec`], its arm in [`Store::apply_effect`]'s local
/// branch, and its variant here.
fn has_local_form(effect: &Effect) -> bool {
    matches!(
        effect,
        // Writes nothing here: carried out through the outbox.
        Effect::SendDm { .. }
            | Effect::PostInRoom { .. }
            | Effect::CreatePairRoom { .. }
            | Effect::Replan { .. }
            | Effect::PassOn { .. }
            | Effect::TellReporter { .. }
            | Effect::RevealReporter { .. }
            | Effect::ShowEvidence { .. }
            | Effect::RemoveFromRoom { .. }
            | Effect::ArchivePairRoom { .. }
            | Effect::PostChart { .. }
            | Effect::SendTranscript { .. }
            | Effect::SendResource { .. }
            // prompts.rs
            | Effect::QueuePrompt { .. }
            // applications.rs
            | Effect::StoreApplication(_)
            | Effect::RecordDecision(_)
    )
}
