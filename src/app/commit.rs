//! A decided step, recorded and carried out: the writes and the outbox acts committed in
//! one transaction, then the acts delivered; what follows a step (queued prompts for a
//! person now free, the coordinators told of someone unreachable or a pair room that
//! failed), the scheduler's own steps, and the progress of a long run of sends.
//!
//! A new follow-up of a step goes in `commit_and_perform`, after the commit.

use super::*;
use crate::i18n::Text;

impl App {
    /// Records a decided step (its writes, its acts in the outbox, and the platform event
    /// that caused it) and delivers its acts. `false` when it lost a race (or the event was
    /// handled meanwhile) and must be decided again on fresh data.
    /// `typed_in` is the room a command was typed in, and where in it (what the step posts
    /// there goes there; told of a long run's progress, and of a failure of what it asked
    /// for).
    pub(super) async fn commit_and_perform(
        &self,
        user: &UserRef,
        read: Option<&StoredConversation>,
        outcome: Outcome,
        now: DateTime<Utc>,
        typed_in: Option<(&RoomRef, &Placement)>,
        event: Option<&EventRef>,
    ) -> Result<bool> {
        let progress = typed_in.map(|(room, _)| room);
        // Keys name neither the person nor the step's subject: a key is sent to the
        // platform, and a reporter's step must not be traceable to their case.
        let base = self.fresh_base("step");
        let committed = self
            .store
            .commit_step_with(
                user,
                read,
                &outcome.state,
                &outcome.effects,
                now,
                // Who asked is kept only for a command typed in a room (a moderator's
                // freeze, to tell them if it fails); a DM's sender is not stored here.
                Some(&Enqueue {
                    typed_in,
                    ..self.enqueue(&base, progress.map(|_| user), progress, now)
                }),
                event,
            )
            .await?;
        let CommitOutcome::Committed { acts, lanes, .. } = committed else {
            return Ok(false);
        };
        // People who may now have a prompt to answer: the sender, if their conversation
        // ended or never began (one still open keeps its queue waiting, so it is not read
        // again), and anyone a prompt was queued for.
        let still_open = match &outcome.state {
            StateChange::Set(_) => true,
            StateChange::Unchanged => read.is_some(),
            StateChange::Clear => false,
        };
        let mut prompted: Vec<UserRef> = if still_open {
            Vec::new()
        } else {
            vec![user.clone()]
        };
        for effect in &outcome.effects {
            match effect {
                Effect::AskApplicant { applicant, .. } => prompted.push(applicant.clone()),
                Effect::QueuePrompt { user, .. } => prompted.push(user.clone()),
                Effect::StoreRequest(request) => prompted.push(request.mentor.clone()),
                Effect::SendSurvey(round) => {
                    prompted.extend(round.recipients.iter().map(|(u, _)| u.clone()));
                }
                // The reporter is known only to storage; the app unseals them to deliver
                // the question, and nobody else sees who they are.
                Effect::AskReporter { case_id, .. } => {
                    if let Some(Some(reporter)) = follow_up(
                        "finding a reporter",
                        self.store.case_reporter(*case_id).await,
                    ) {
                        prompted.push(reporter);
                    }
                }
                _ => {}
            }
        }
        // An offer or a running match that ended (declined, expired, withdrawn, closed) may
        // leave a member with a question nobody can answer any more: it is withdrawn, and
        // what waits behind it delivered. A proposal has asked nobody anything yet.
        let moved: Vec<i64> = outcome
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::MoveMatch { match_id, from, .. }
                    if *from != crate::domain::matches::MatchStatus::Proposed =>
                {
                    Some(*match_id)
                }
                Effect::CloseMatch { match_id, .. } => Some(*match_id),
                _ => None,
            })
            .collect();
        // Someone suspended, or no longer ready: their open offers are withdrawn now.
        let unready = outcome.effects.iter().any(|e| match e {
            Effect::Suspend { .. } => true,
            Effect::RecordDecision(d) => {
                d.from == crate::domain::ApplicationStatus::Ready
                    && d.to != crate::domain::ApplicationStatus::Ready
            }
            _ => false,
        });
        let others = prompted
            .iter()
            .filter(|p| *p != user)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let sends = acts.iter().filter(|a| a.act.is_send()).count() + others;
        let every = self.settings.progress_every.max(1);
        let mut progress = typed_in
            .filter(|_| sends >= every)
            .map(|(room, placed)| Progress {
                room: room.clone(),
                placed: placed.clone(),
                key: base.clone(),
                total: sends,
                every,
                done: 0,
                failed: 0,
            });
        self.perform_local(&outcome.effects).await;
        // Every act of the step held at once (the usual case): none of its own waits.
        let all_held = acts.len() == lanes.len();
        let (failed, behind) = self.dispatch_noting(acts, &mut progress).await;
        self.surface(&failed, Some(user)).await;
        // Acts that waited their turn in these lanes (another step's behind these, as
        // their finish told, or this step's behind another's) are delivered now, not at
        // the dispatcher's next round.
        let waiting = behind
            || (!all_held
                && self
                    .store
                    .acts_waiting_in(&lanes)
                    .await
                    .unwrap_or_else(|e| {
                        warn!("looking for acts waiting their turn failed: {e:#}");
                        false
                    }));
        if waiting {
            follow_up("delivering acts that waited", self.dispatch_due().await);
        }
        // Follow-ups of a recorded step: a failure here must not tell the sender their
        // (already recorded) action failed, so it is logged. Queued prompts are tried again
        // on the person's next message.
        if unready {
            follow_up(
                "withdrawing offers that cannot go ahead",
                // Boxed: the withdrawal is a step of its own, recorded through here.
                Box::pin(self.withdraw_blocked_offers()).await,
            );
        }
        // A closed match's follow-ups of outcomes (the sweep schedules any missed here).
        for effect in &outcome.effects {
            if let Effect::CloseMatch { match_id, .. } = effect {
                follow_up(
                    "scheduling follow-ups of outcomes",
                    self.schedule_follow_ups(*match_id).await,
                );
            }
        }
        for id in moved {
            let Some(Some(m)) = follow_up(
                "finding a match that moved",
                self.store.match_by_id(id).await,
            ) else {
                continue;
            };
            for member in [m.mentee, m.mentor] {
                follow_up(
                    "withdrawing a question that can no longer be answered",
                    // Boxed: the withdrawal is a step of its own, recorded through here.
                    Box::pin(self.withdraw_dead_prompt(&member)).await,
                );
                prompted.push(member);
            }
        }
        prompted.sort();
        prompted.dedup();
        for person in prompted {
            let delivered = follow_up(
                "starting a queued prompt",
                self.deliver_prompts(&person).await,
            );
            if person != *user {
                self.tick(&mut progress, delivered == Some(true)).await;
            }
        }
        if let Some(p) = &progress {
            self.report_progress(p).await;
        }
        Ok(true)
    }

    /// After an application is stored: its card goes to the coordinators, or, when the
    /// rules accepted it, its acknowledgement prompts are queued. Returns the applicant.
    pub(super) async fn after_submit(
        &self,
        id: i64,
        base: &str,
        completes: (i64, &str),
    ) -> Result<Option<UserRef>> {
        let Some(record) = self.store.application(id).await? else {
            return Ok(None);
        };
        info!(application = id, applicant = %record.applicant, status = %record.summary.status, "application submitted");
        if record.summary.status.awaits_review()
            && self
                .coordinators_room(Some(&record.summary.programme), record.applicant.platform)
                .is_none()
        {
            warn!(
                application = id,
                "no coordinators' room is configured for {}: nobody was told about this application",
                record.applicant.platform
            );
        }
        // A check kept under a legal hold from before an erasure is pointed out.
        let held = self.store.held_checks_of(&record.applicant).await?;
        self.system_step(id, Some((base, completes)), |ctx, programme, record| {
            let mut outcome = review::after_submit(ctx, programme, record);
            outcome
                .effects
                .extend(review::held_checks_note(ctx, record, &held));
            outcome
        })
        .await?;
        Ok(Some(record.applicant))
    }

    /// Tells the coordinators about direct messages that could not reach someone (DMs
    /// closed, left the server), other than `sender`, who is answered where they wrote. Only
    /// plain `SendDm` effects count: a reporter's messages go through the case, whose
    /// moderators are told instead, so a coordinator never learns who reported.
    pub(super) async fn tell_unreachable(
        &self,
        failed: &[outbox::Failure],
        sender: Option<&UserRef>,
    ) -> Result<()> {
        let mut told: Vec<&UserRef> = Vec::new();
        for f in failed {
            let (Act::SendDm { to, .. }, PortError::Unreachable(_, why)) = (&f.act, &f.error)
            else {
                continue;
            };
            // A reporter's name must never reach the coordinators next to "could not be
            // reached".
            if self.store.has_pending_case_question(to).await? {
                continue;
            }
            if Some(to) == sender || told.contains(&to) {
                continue;
            }
            told.push(to);
            let now = self.clock.now();
            {
                let mut recent = self
                    .unreachable_told
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                recent.retain(|_, at| now - *at < chrono::Duration::hours(1));
                if recent.contains_key(to) {
                    continue;
                }
                recent.insert(to.clone(), now);
            }
            let text = Text::msg("notice-unreachable")
                .arg("who", to.to_string())
                .arg("why", why.to_string());
            // Their programmes' coordinators (the deployment's for someone in none).
            let mut programmes: Vec<String> = self
                .store
                .applications_of(to)
                .await?
                .into_iter()
                .map(|a| a.programme)
                .collect();
            programmes.sort();
            programmes.dedup();
            let mut rooms: Vec<RoomRef> = if programmes.is_empty() {
                self.coordinators_room(None, to.platform)
                    .into_iter()
                    .cloned()
                    .collect()
            } else {
                programmes
                    .iter()
                    .filter_map(|p| self.coordinators_room(Some(p), to.platform))
                    .cloned()
                    .collect()
            };
            // One notice per room, however many of their programmes it serves.
            rooms.sort();
            rooms.dedup();
            if rooms.is_empty() {
                warn!(
                    "no coordinators' room on {} to tell: {}",
                    to.platform,
                    text.english()
                );
            }
            for room in rooms {
                self.alert_in(room, "unreachable", text.clone()).await?;
            }
        }
        Ok(())
    }

    /// Posts a notice in `programme`'s coordinators' room for people on `platform` (`None`:
    /// the deployment's), if there is one.
    pub(super) async fn tell_coordinators(
        &self,
        (programme, platform): (Option<&str>, Platform),
        what: &str,
        text: Text,
    ) -> Result<()> {
        let Some(room) = self.coordinators_room(programme, platform).cloned() else {
            warn!(
                "no coordinators' room on {platform} to tell: {}",
                text.english()
            );
            return Ok(());
        };
        self.alert_in(room, what, text).await
    }

    /// Posts `text` in staff room `room`, as an alert.
    async fn alert_in(&self, room: RoomRef, what: &str, text: Text) -> Result<()> {
        // Through the outbox: delivered by a process serving that platform, retried.
        let failures = self
            .try_perform(
                &self.fresh_base(what),
                vec![Effect::PostInRoom {
                    room,
                    message: OutMessage::said(text).alert(),
                }],
            )
            .await?;
        match failures.into_iter().find(|f| f.retry_at.is_none()) {
            Some(f) => Err(Error::Internal(anyhow::anyhow!(
                "telling the coordinators: {}",
                f.error
            ))),
            None => Ok(()),
        }
    }

    /// Tells the coordinators when a pair room could not be made (a missing permission, a
    /// server limit): the match is recorded, so they can fix the cause and create it.
    pub(super) async fn tell_pair_room_failures(&self, failed: &[outbox::Failure]) -> Result<()> {
        for f in failed {
            let (
                Act::CreatePairRoom {
                    match_id, members, ..
                },
                error,
            ) = (&f.act, &f.error)
            else {
                continue;
            };
            // Told on the first failure and the last, not on each try between.
            if !f.first && f.retry_at.is_some() {
                continue;
            }
            let trying = match f.retry_at {
                Some(_) => Text::msg("notice-pair-room-trying")
                    .arg("until", f.give_up_at.format("%Y-%m-%d %H:%M").to_string()),
                None => Text::msg("notice-pair-room-stopped"),
            };
            let Some(platform) = members.first().map(|m| m.platform) else {
                continue;
            };
            let known = self.store.match_by_id(*match_id).await?;
            let has_room = known.as_ref().is_some_and(|m| m.room.is_some());
            let programme = known.as_ref().map(|m| m.programme.as_str());
            let text = if has_room {
                Text::msg("notice-pair-room-setup-failed")
            } else {
                Text::msg("notice-pair-room-failed")
            }
            .arg("m", *match_id)
            .arg("error", error.to_string());
            let text = Text::join(vec![text, trying], " ");
            self.tell_coordinators((programme, platform), "pair-room-failed", text)
                .await?;
        }
        Ok(())
    }

    /// Withdraws `user`'s open question if it can no longer be answered (see
    /// [`flows::withdraw_dead`]), as a step of its own.
    pub(super) async fn withdraw_dead_prompt(&self, user: &UserRef) -> Result<()> {
        let Some(read) = self.store.load_conversation(user).await? else {
            return Ok(());
        };
        let now = self.clock.now();
        let known = self.known(user).await?;
        let ctx = self.ctx(user, &known, &Subject::Nothing, now);
        if let Some(outcome) = flows::withdraw_dead(&ctx, &read.state) {
            self.commit_and_perform(user, Some(&read), outcome, now, None, None)
                .await?;
        }
        Ok(())
    }

    /// Starts the oldest queued prompt for `user` if they have no conversation in progress.
    /// `false` when a prompt could not be delivered.
    pub(super) async fn deliver_prompts(&self, user: &UserRef) -> Result<bool> {
        // Someone without a chat account yet: their prompts wait for the account that
        // takes their application over (`flows::assist`).
        if user.is_assisted() {
            return Ok(true);
        }
        let mut delivered = true;
        // A prompt whose subject is gone starts nothing; try the next few.
        for _ in 0..5 {
            if self
                .store
                .load_conversation::<flows::FlowState>(user)
                .await?
                .is_some()
            {
                return Ok(delivered);
            }
            let Some((prompt_id, prompt)) = self.store.next_prompt(user).await? else {
                return Ok(delivered);
            };
            let now = self.clock.now();
            let known = self.known(user).await?;
            let subject = Subject::Nothing;
            let ctx = self.ctx(user, &known, &subject, now);
            let outcome = flows::prompts::start(&ctx, &prompt);
            let state = match &outcome.state {
                StateChange::Set(s) => Some(s),
                _ => None,
            };
            let base = self.fresh_base(&format!("prompt-{prompt_id}"));
            let acts: Vec<Act> = outcome
                .effects
                .iter()
                .filter_map(Act::from_effect)
                .collect();
            let Some(held) = self
                .store
                .start_prompt(
                    user,
                    prompt_id,
                    state,
                    now,
                    &acts,
                    &self.enqueue(&base, None, None, now),
                )
                .await?
            else {
                return Ok(delivered);
            };
            self.perform_local(&outcome.effects).await;
            let failed = self.dispatch(held, &mut None).await;
            if let flows::Prompt::CaseQuestion { case_id, .. } = &prompt
                && failed
                    .iter()
                    .any(|f| matches!(f.error, PortError::Unreachable(..)))
            {
                // They will never see the question: free their conversation, and tell the
                // moderators.
                if let Some(read) = self.store.load_conversation(user).await? {
                    self.store
                        .commit_step(user, Some(&read), &StateChange::Clear, &[], now)
                        .await?;
                }
                self.reporter_unreachable(
                    *case_id,
                    crate::i18n::Text::msg("case-unreachable-question"),
                )
                .await?;
                continue;
            }
            delivered &= failed.is_empty();
            // (A reporter's name never reaches the coordinators: see tell_unreachable.)
            self.surface(&failed, None).await;
            if state.is_some() {
                return Ok(delivered);
            }
        }
        Ok(delivered)
    }

    /// Runs a decision about one application that no message triggered, with the same
    /// record-then-act discipline and retries as a message.
    ///
    /// `follow_up` names the outbox act this step carries out, with its key: the step's
    /// acts are keyed from it and the act is marked done in the step's transaction, so the
    /// step is taken once however often the act is delivered.
    pub(super) async fn system_step(
        &self,
        application_id: i64,
        follow_up: Option<(&str, (i64, &str))>,
        decide: impl Fn(&Ctx<'_>, &Programme, &ApplicationRecord) -> Outcome,
    ) -> Result<bool> {
        for attempt in 1..=MAX_ATTEMPTS {
            let Some(record) = self.store.application(application_id).await? else {
                return Ok(false);
            };
            let Some(programme) = self
                .programmes
                .iter()
                .find(|p| p.slug == record.summary.programme)
            else {
                return Ok(false);
            };
            let now = self.clock.now();
            let known = self.known(&record.applicant).await?;
            let subject = Subject::Nothing;
            let ctx = self.ctx(&record.applicant, &known, &subject, now);
            let outcome = decide(&ctx, programme, &record);
            if outcome.effects.is_empty() {
                return Ok(false);
            }
            let base = match follow_up {
                Some((key, _)) => key.to_string(),
                None => self.fresh_base(&format!("application-{application_id}")),
            };
            // Completed under the follow-up's own claim, if one asked for it.
            let completes = follow_up.map(|(_, claim)| claim);
            if let Some(recorded) = self
                .record_system_step(&record.applicant, &outcome, now, &base, completes)
                .await?
            {
                return Ok(recorded);
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up after {MAX_ATTEMPTS} conflicting attempts on application {application_id}"
        )))
    }

    /// Counts one send (or one person's prompt) of a long run, and reports every so often.
    pub(super) async fn tick(&self, progress: &mut Option<Progress>, ok: bool) {
        let Some(p) = progress else { return };
        p.done += 1;
        // People added after the count (a submitted application's applicant).
        p.total = p.total.max(p.done);
        p.failed += usize::from(!ok);
        if p.done % p.every == 0 && p.done < p.total {
            self.report_progress(p).await;
        }
    }

    pub(super) async fn report_progress(&self, p: &Progress) {
        let text = if p.done < p.total {
            Text::msg("progress-working")
                .arg("total", Text::number(p.total))
                .arg("count", p.total)
                .arg("done", Text::number(p.done))
        } else {
            Text::msg("progress-done")
                .arg("total", Text::number(p.total))
                .arg("count", p.total)
        };
        let text = match p.failed {
            0 => text,
            n => Text::join(
                vec![
                    text,
                    Text::msg("progress-failed")
                        .arg("failed", Text::number(n))
                        .arg("count", n),
                ],
                " ",
            ),
        };
        let key = IdempotencyKey(format!("{}-progress-{}", p.key, p.done));
        // Posted here rather than through the outbox, so rendered here, in the room's
        // language.
        let locale = self.languages.of_room(&p.room).await;
        let message = OutMessage {
            placed: Some(p.placed.clone()),
            ..OutMessage::said(text).in_language(locale).into_owned()
        };
        if let Err(e) = self.ports.rooms.post_in_room(&p.room, &message, &key).await {
            warn!(room = %p.room, "reporting progress failed: {e}");
        }
    }
}

/// A long run of sends (`match approve all` asks a whole cohort): the platform paces them
/// (rate limits), so it can take minutes, and the room it was asked in hears how it goes.
pub(super) struct Progress {
    room: RoomRef,
    placed: Placement,
    key: String,
    total: usize,
    every: usize,
    done: usize,
    failed: usize,
}
