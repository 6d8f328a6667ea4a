//! Moderation cases, on the app's side: what needs the case key or a platform (the
//! reporter unsealed to deliver a message, evidence shown, staff display names learned)
//! or the clock (re-pinging unclaimed urgent cases).
//!
//! What a case command does is decided in `flows::incident::cases`; this is where it reaches people.

use std::time::Duration;

use tracing::{debug, info, warn};

use crate::chat::{OutMessage, Placement};
use crate::domain::{RoomRef, UserRef};
use crate::error::{Error, Result};
use crate::flows::{self, Effect, Outcome, StateChange, Subject};
use crate::ports::{IdempotencyKey, PortError};

use super::{App, Known, outbox};

impl App {
    /// Asks the platforms what the moderators and the escalation contact are called
    /// there (display names, nicknames) and adds those names to their aliases, so that a
    /// report naming one of them as people see them goes only to the escalation contact
    /// (see `flows::incident::cases::keeper_for`). Only the platforms this process serves are asked;
    /// a person whose names cannot be learned keeps the configured ones, and the bot runs
    /// on. Returns how many names were added.
    ///
    /// Called once, before the app is served: its settings are then shared by every
    /// clone, so a moderator who takes a new name is known by it after a restart.
    pub async fn learn_staff_names(&mut self) -> usize {
        /// A platform that does not answer delays the start by this much per person.
        const PATIENCE: Duration = Duration::from_secs(15);
        let moderation = &self.settings.moderation;
        let mut staff: Vec<UserRef> = Vec::new();
        for person in moderation
            .moderators
            .iter()
            .chain(&moderation.escalation_contact)
        {
            let served = self.settings.platforms.is_empty()
                || self.settings.platforms.contains(&person.platform);
            if served && !staff.contains(person) {
                staff.push(person.clone());
            }
        }
        let mut learned = 0;
        for person in &staff {
            match tokio::time::timeout(PATIENCE, self.ports.dm.display_names(person)).await {
                Ok(Ok(names)) => {
                    // The names themselves stay out of the log: they identify people.
                    debug!(user = %person, "{} name(s) on the platform", names.len());
                    learned += self.settings.moderation.add_aliases(person, names);
                }
                Ok(Err(e)) => warn!(user = %person, "could not learn the names they go by: {e}"),
                Err(_) => warn!(
                    user = %person,
                    "could not learn the names they go by: no answer in {} s",
                    PATIENCE.as_secs()
                ),
            }
        }
        info!(
            people = staff.len(),
            "learned {learned} name(s) the moderation team goes by on the platform"
        );
        learned
    }

    /// Posts a case's files in the moderators' room (or by DM to the moderator), one
    /// message each under its neutral name. A file the platform will not take is said in
    /// its place, and the rest go on.
    pub(super) async fn show_evidence(
        &self,
        key: &IdempotencyKey,
        case_id: i64,
        room: Option<&RoomRef>,
        placed: &Option<Placement>,
        moderator: &UserRef,
    ) -> std::result::Result<(), PortError> {
        let post = |message: OutMessage, key: IdempotencyKey| async move {
            match room {
                Some(room) => {
                    let message = OutMessage {
                        placed: placed.clone(),
                        ..message
                    };
                    self.post(room, &message, &key).await
                }
                None => self.send_dm(moderator, &message, &key).await,
            }
        };
        let other = |e: Error| PortError::Other(anyhow::anyhow!("{e}"));
        let files = self.store.case_files(case_id).await.map_err(other)?;
        let total = files.len();
        for (i, file) in files.iter().enumerate() {
            let number = i + 1;
            let data = self
                .store
                .evidence_data(case_id, file.id)
                .await
                .map_err(other)?;
            let message = OutMessage {
                attachment: Some(crate::chat::Attachment {
                    name: file.shown_name(case_id, number),
                    mime: file.mime.clone(),
                    data,
                }),
                ..OutMessage::said(
                    crate::i18n::Text::msg("case-file-posted")
                        .arg("n", case_id)
                        .arg("number", number)
                        .arg("total", total)
                        .arg("mime", file.mime.as_str())
                        .arg("size", crate::domain::text::said_file_size(file.size)),
                )
            };
            let file_key = IdempotencyKey(format!("{}-f{number}", key.0));
            if let Err(e) = post(message, file_key).await {
                warn!(
                    case = case_id,
                    file = number,
                    "posting an evidence file failed: {e}"
                );
                let note = OutMessage::said(
                    crate::i18n::Text::msg("case-file-refused")
                        .arg("n", case_id)
                        .arg("number", number)
                        .arg("file", file.said()),
                );
                let note_key = IdempotencyKey(format!("{}-f{number}-failed", key.0));
                post(note, note_key).await?;
            }
        }
        Ok(())
    }

    /// After a report is stored: the reporter's case number, the moderators' card and, for
    /// safeguarding, the on-call ping.
    /// Its acts are keyed from `base` (the announcing act's key): announcing again after
    /// a crash sends nothing twice.
    pub(super) async fn after_report(&self, id: i64, base: &str) -> Result<Vec<outbox::Failure>> {
        let Some((case, _)) = self.store.case(id).await? else {
            return Ok(Vec::new());
        };
        let Some(reporter) = self.store.case_reporter(id).await? else {
            return Ok(Vec::new());
        };
        let reporter = &reporter;
        info!(
            case = id,
            severity = case.severity.as_str(),
            "case reported"
        );
        let known = Known::default();
        let subject = Subject::Nothing;
        let ctx = self.ctx(reporter, &known, &subject, self.clock.now());
        let effects = flows::incident::cases::after_report(&ctx, &case);
        // An error (the outbox not reached) fails the announcing act, which is tried
        // again: the card and the on-call ping must not be lost.
        self.try_perform(base, effects).await
    }

    /// Pings on-call again for urgent cases nobody has claimed (see `cases::escalate`).
    pub(super) async fn escalate_cases(&self) -> Result<usize> {
        let moderation = &self.settings.moderation;
        // Any member of staff: a restricted case reminds the escalation contact even where
        // nobody is on call.
        let Some(someone) = moderation
            .on_call
            .first()
            .or(moderation.moderators.first())
            .or(moderation.escalation_contact.as_ref())
        else {
            return Ok(0);
        };
        if moderation.escalate_after_minutes == 0 {
            return Ok(0);
        }
        let mut done = 0;
        for case in self.store.cases().await? {
            if case.status != crate::domain::incident::CaseStatus::Open
                || case.severity == crate::domain::incident::Severity::Normal
            {
                continue;
            }
            let Some((case, events)) = self.store.case(case.id).await? else {
                continue;
            };
            let now = self.clock.now();
            let known = Known::default();
            let subject = Subject::Nothing;
            let ctx = self.ctx(someone, &known, &subject, now);
            let effects = flows::incident::cases::escalate(&ctx, &case, &events);
            if effects.is_empty() {
                continue;
            }
            let outcome = Outcome {
                state: StateChange::Unchanged,
                effects,
            };
            if self
                .commit_and_perform(someone, None, outcome, now, None, None)
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }

    /// A case's reporter could not be reached (they left the server, or block DMs): the
    /// case says so, and whoever works it hears of it (the moderators, or the escalation
    /// contact for a restricted case).
    pub(super) async fn reporter_unreachable(
        &self,
        case_id: i64,
        what: crate::i18n::Text,
    ) -> Result<()> {
        let effects = vec![Effect::CaseEvent {
            case_id,
            actor: "tandem".into(),
            kind: "unreachable".into(),
            detail: format!("{what} could not be delivered to the reporter"),
        }];
        let Some(someone) = self.settings.moderation.moderators.first().cloned() else {
            return Ok(());
        };
        let now = self.clock.now();
        let committed = self
            .store
            .commit_step(&someone, None, &StateChange::Unchanged, &effects, now)
            .await?;
        // Told once: only by the step that recorded it.
        if !committed.is_committed() {
            return Ok(());
        }
        let Some((case, _)) = self.store.case(case_id).await? else {
            return Ok(());
        };
        let (known, subject) = (Known::default(), Subject::Nothing);
        let ctx = self.ctx(&someone, &known, &subject, now);
        let notice = flows::incident::cases::to_keeper(
            &ctx,
            flows::incident::cases::keeper(&ctx, &case),
            case.programme.as_deref(),
            OutMessage::said(
                crate::i18n::Text::msg("case-reporter-unreachable")
                    .arg("case", case_id.to_string())
                    .arg("what", what),
            ),
        );
        if let Some(notice) = notice {
            self.perform(
                &self.fresh_base(&format!("case-{case_id}-unreachable")),
                vec![notice],
            )
            .await;
        }
        Ok(())
    }
}
