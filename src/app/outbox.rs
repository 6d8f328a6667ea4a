//! Delivering the outbox: the acts a recorded step left for the platforms.
//!
//! A step's acts are inserted into the outbox in its own transaction (see
//! `storage::outbox`), held by this process, and delivered at once by [`App::dispatch`],
//! in order. What fails is retried by the dispatcher loop ([`App::dispatch_due`], run
//! beside the scheduler, and after each console line) with the same idempotency key
//! (`<step>-a<n>`), with growing pauses, until [`Delivery::retry_for`] has passed. Then:
//!
//! - a person who cannot be reached, or a file too large, fails at once, for good;
//! - a message to a person that is a day late ([`Delivery::stale_after`]) is dropped and
//!   logged instead of delivered (alerts, case messages and room changes never are);
//! - a failure is surfaced: to the staff member who asked for the act (a moderator's
//!   freeze), where they asked, on its first failure and when it finally works or is given
//!   up; pair rooms and unreachable people to the coordinators, a reporter who cannot be
//!   reached to the moderators.
//!
//! A message posted in a room goes where it is placed ([`Placement`]: where the command that
//! caused it was typed), or, a card's follow-up, into the card's thread; what the platform
//! answers (the message's id) is kept here: a card's thread root, a prompt's id.
//!
//! To deliver a new kind of act, add its arm to [`App::deliver`].

use chrono::{DateTime, Utc};
use tracing::{debug, error, info, warn};

use super::commit::Progress;
use super::{App, MAX_ATTEMPTS, unique_tag};
use crate::chat::{OutMessage, Placement, Thread};
use crate::domain::{Platform, RoomRef, UserRef};
use crate::flows::acts::Act;
use crate::flows::{self, Effect};
use crate::ports::{IdempotencyKey, PortError, Posted, PrivateRoomSpec};
use crate::storage::{Enqueue, OutboxRow};

/// How long acts are retried and when they go stale.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Retries stop this long after the act was recorded (then it has failed for good).
    pub retry_for: chrono::Duration,
    /// A message to a person this late is dropped instead of delivered.
    pub stale_after: chrono::Duration,
    /// How long a worker holds an act it is delivering before another may take it.
    pub lease: chrono::Duration,
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            retry_for: chrono::Duration::hours(6),
            stale_after: chrono::Duration::hours(24),
            lease: chrono::Duration::minutes(2),
        }
    }
}

/// An act that did not go through on this attempt.
pub(super) struct Failure {
    pub act: Act,
    pub error: PortError,
    /// When it is tried again; `None`: never (it failed for good).
    pub retry_at: Option<DateTime<Utc>>,
    /// Its first attempt (people are told of the first failure and of the last).
    pub first: bool,
    /// When retries stop.
    pub give_up_at: DateTime<Utc>,
    /// A staff member asked for it where they can be told ([`App::tell_asker`]).
    pub asked: bool,
    /// Its idempotency key.
    pub key: String,
}

/// The pause before the next attempt after `attempts` failed ones: 5 s, doubling, at most
/// ten minutes.
fn retry_wait(attempts: i64) -> chrono::Duration {
    let secs = 5i64 << attempts.clamp(1, 8).saturating_sub(1);
    chrono::Duration::seconds(secs.min(600))
}

impl App {
    /// Sends a DM, and keeps what must be found again (see [`App::keep_posted`]).
    pub(super) async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let posted = self.ports.dm.send_dm(to, message, key).await?;
        self.keep_posted(to.platform, None, message, &posted).await;
        Ok(())
    }

    /// Posts in a room where the message is placed; a card's follow-up placed nowhere in
    /// particular goes into the card's thread, once the card has started one.
    pub(super) async fn post(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let threaded;
        let message = match (&message.placed, &message.thread) {
            (None, Some(Thread::In(card))) => match self.thread_root(room, card).await {
                Some(root) => {
                    threaded = OutMessage {
                        placed: Some(Placement::InThread {
                            after: root.clone(),
                            root,
                        }),
                        ..message.clone()
                    };
                    &threaded
                }
                None => message,
            },
            _ => message,
        };
        let posted = self.ports.rooms.post_in_room(room, message, key).await?;
        self.keep_posted(room.platform, Some(room), message, &posted)
            .await;
        Ok(())
    }

    /// Keeps what a posted message must be found by later: a card posted at the top
    /// starts its thread, and a prompt with choices can be answered with a reaction even
    /// after a restart.
    async fn keep_posted(
        &self,
        platform: Platform,
        room: Option<&RoomRef>,
        message: &OutMessage,
        posted: &Posted,
    ) {
        let Some(id) = &posted.id else { return };
        if let (Some(room), Some(Thread::Starts(card))) = (room, &message.thread)
            && !matches!(message.placed, Some(Placement::InThread { .. }))
        {
            self.remember_thread_root(room, card, id).await;
        }
        if !message.choices.is_empty() {
            self.remember_prompt(platform, id, message).await;
        }
    }

    /// How a step's acts are enqueued: `base` makes their keys, `asked` is who asked and
    /// where (a command typed in a room).
    pub(super) fn enqueue<'a>(
        &'a self,
        base: &'a str,
        asked_by: Option<&'a UserRef>,
        asked_in: Option<&'a RoomRef>,
        now: DateTime<Utc>,
    ) -> Enqueue<'a> {
        let d = &self.settings.delivery;
        Enqueue {
            base,
            // Unique to this step's claim (see `OutboxRow::holder`).
            worker: format!("{}-{}", self.worker, unique_tag()),
            lease_until: now + d.lease,
            give_up_at: now + d.retry_for,
            stale_at: now + d.stale_after,
            asked_by,
            asked_in,
            platforms: &self.settings.platforms,
            completes: None,
            typed_in: None,
        }
    }

    /// Carries out effects decided outside a step (a follow-up): what writes nothing is
    /// done here, the acts go through the outbox under keys made from `base` (stable for
    /// a follow-up that may run again: the acts are then stored once).
    pub(super) async fn perform(&self, base: &str, effects: Vec<Effect>) -> Vec<Failure> {
        match self.try_perform(base, effects).await {
            Ok(failures) => failures,
            Err(e) => {
                error!(key = base, "putting acts in the outbox failed: {e:#}");
                Vec::new()
            }
        }
    }

    /// [`App::perform`], with an error when the acts could not be put in the outbox (so
    /// the caller does not record them as done). Boxed: delivering can tell someone of a
    /// failure, through here again.
    pub(super) fn try_perform<'a>(
        &'a self,
        base: &'a str,
        effects: Vec<Effect>,
    ) -> std::pin::Pin<
        Box<dyn std::future::Future<Output = crate::error::Result<Vec<Failure>>> + Send + 'a>,
    > {
        Box::pin(async move {
            self.perform_local(&effects).await;
            let acts: Vec<Act> = effects.iter().filter_map(Act::from_effect).collect();
            if acts.is_empty() {
                return Ok(Vec::new());
            }
            let now = self.clock.now();
            let rows = self
                .store
                .enqueue_acts(&acts, &self.enqueue(base, None, None, now), now)
                .await?;
            Ok(self.dispatch(rows, &mut None).await)
        })
    }

    /// Delivers acts this worker holds, in order. An act behind a failed one of its lane
    /// is given back to wait its turn. Returns what did not go through.
    pub(super) async fn dispatch(
        &self,
        rows: Vec<OutboxRow>,
        progress: &mut Option<Progress>,
    ) -> Vec<Failure> {
        let mut failures = Vec::new();
        let mut blocked: Vec<String> = Vec::new();
        for row in rows {
            let lane = row.act.lane();
            if blocked.contains(&lane) {
                let now = self.clock.now();
                if let Err(e) = self.store.release_act(&row.holder, row.id, now).await {
                    warn!(key = %row.key, "giving back an act failed: {e:#}");
                }
                if row.act.is_send() {
                    self.tick(progress, false).await;
                }
                continue;
            }
            let send = row.act.is_send();
            let failure = self.attempt(row).await;
            if send {
                self.tick(progress, failure.is_none()).await;
            }
            if let Some(f) = failure {
                if f.retry_at.is_some() {
                    blocked.push(lane);
                }
                failures.push(f);
            }
        }
        failures
    }

    /// One attempt at one held act: delivered, dropped as stale, retried later or failed
    /// for good, as recorded in the outbox. Tells whoever should know.
    async fn attempt(&self, row: OutboxRow) -> Option<Failure> {
        let now = self.clock.now();
        if row.stale_at.is_some_and(|at| now >= at) {
            warn!(key = %row.key, "dropping {} recorded at {}: too late to be useful", row.act.kind(), row.created_at);
            self.finish(&row, "stale", None).await;
            return None;
        }
        // A reporter's platform is known only once they are unsealed: a process that does
        // not serve it gives the act back, untried, for one that does.
        if let Act::TellReporter { case_id, .. } = &row.act
            && !self.settings.platforms.is_empty()
            && let Ok(Some(reporter)) = self.store.case_reporter(*case_id).await
            && !self.settings.platforms.contains(&reporter.platform)
        {
            // Not claimable again at once: a process serving that platform takes it.
            let later = now + chrono::Duration::seconds(30);
            if let Err(e) = self.store.release_act(&row.holder, row.id, later).await {
                warn!(key = %row.key, "giving back an act failed: {e:#}");
            }
            return None;
        }
        // This claim must still hold it: a delivery that ran past its lease may have
        // been claimed again by the dispatcher, which then delivers it instead.
        match self
            .store
            .renew_act(&row.holder, row.id, now + self.settings.delivery.lease)
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                debug!(key = %row.key, "no longer held by this claim; left to its new holder");
                return None;
            }
            Err(e) => {
                warn!(key = %row.key, "renewing an act's lease failed: {e:#}");
                return None;
            }
        }
        let key = IdempotencyKey(row.key.clone());
        let delivered = super::supervise::contained(
            &format!("delivering {}", row.act.kind()),
            self.deliver(&row.act, &key, (row.id, &row.holder)),
        )
        .await
        .unwrap_or_else(|p| Err(PortError::Other(anyhow::anyhow!("{p}"))));
        let error = match delivered {
            Ok(()) => {
                self.finish(&row, "done", None).await;
                // After a failure that was told (not after a worker died holding it).
                if row.failed_before {
                    info!(key = %row.key, attempts = row.attempts, "{} went through on a later try", row.act.kind());
                    self.tell_asker(&row, None).await;
                    if let Act::CreatePairRoom {
                        match_id, members, ..
                    } = &row.act
                        && let Some(m) = members.first()
                    {
                        super::follow_up(
                            "telling coordinators a pair room was made",
                            self.tell_coordinators(
                                m.platform,
                                "pair-room-made",
                                format!("The pair room for match #{match_id} is created now, and the pair welcomed in it."),
                            )
                            .await,
                        );
                    }
                }
                return None;
            }
            Err(e) => e,
        };
        let final_ = matches!(error, PortError::Unreachable(..) | PortError::TooLarge(_))
            || now >= row.give_up_at;
        let text = error.to_string();
        let retry_at = if final_ {
            warn!(key = %row.key, attempts = row.attempts, "{} failed for good: {text}", row.act.kind());
            self.finish(&row, "failed", Some(&text)).await;
            None
        } else {
            let at = (now + retry_wait(row.attempts)).min(row.give_up_at);
            warn!(key = %row.key, attempts = row.attempts, "{} failed; trying again at {at}: {text}", row.act.kind());
            if let Err(e) = self.store.retry_act(&row.holder, row.id, &text, at).await {
                error!(key = %row.key, "recording a retry failed: {e:#}");
            }
            Some(at)
        };
        // The first failure and the last are told; the tries between are only logged.
        if !row.failed_before || retry_at.is_none() {
            self.tell_asker(&row, Some((&text, retry_at))).await;
        }
        Some(Failure {
            asked: self.asked_by_staff(&row),
            key: row.key.clone(),
            first: !row.failed_before,
            give_up_at: row.give_up_at,
            act: row.act,
            error,
            retry_at,
        })
    }

    async fn finish(&self, row: &OutboxRow, state: &str, error: Option<&str>) {
        if let Err(e) = self
            .store
            .finish_act(&row.holder, row.id, state, error, self.clock.now())
            .await
        {
            error!(key = %row.key, "recording that an act is {state} failed: {e:#}");
        }
    }

    /// Delivers the acts that are due and not held by anyone (retries, and what a crashed
    /// process left), then surfaces what failed. Returns how many were attempted.
    pub async fn dispatch_due(&self) -> crate::error::Result<usize> {
        let mut attempted = 0;
        // Each round takes the first waiting act of every lane; the next ones follow.
        for _ in 0..MAX_ATTEMPTS {
            let now = self.clock.now();
            let holder = format!("{}-{}", self.worker, unique_tag());
            let rows = self
                .store
                .claim_due_acts(
                    &holder,
                    &self.settings.platforms,
                    now,
                    now + self.settings.delivery.lease,
                    200,
                )
                .await?;
            if rows.is_empty() {
                break;
            }
            attempted += rows.len();
            let failures = self.dispatch(rows, &mut None).await;
            self.surface(&failures, None).await;
        }
        Ok(attempted)
    }

    /// When the dispatcher should look again (the next retry), if anything waits.
    pub async fn next_delivery_at(&self) -> crate::error::Result<Option<DateTime<Utc>>> {
        Ok(self.store.next_act_at(&self.settings.platforms).await?)
    }

    /// Tells the coordinators and moderators what they must know of failed acts: people
    /// who cannot be reached (never `sender`, who is answered where they wrote), a pair
    /// room not made, a reporter who cannot be reached.
    pub(super) async fn surface(&self, failures: &[Failure], sender: Option<&UserRef>) {
        for f in failures {
            if let (Act::TellReporter { case_id, .. }, PortError::Unreachable(..)) =
                (&f.act, &f.error)
            {
                super::follow_up(
                    "recording an unreachable reporter",
                    self.reporter_unreachable(*case_id, "a message about the case")
                        .await,
                );
            }
        }
        super::follow_up(
            "telling coordinators about an unreachable person",
            self.tell_unreachable(failures, sender).await,
        );
        super::follow_up(
            "telling coordinators about a pair room",
            self.tell_pair_room_failures(failures).await,
        );
        // (A notice of a given-up act that is itself given up is only logged: two staff
        // rooms that both fail would otherwise tell each other forever.)
        for f in failures
            .iter()
            .filter(|f| f.retry_at.is_none() && !f.asked && !f.key.starts_with("given-up"))
        {
            super::follow_up(
                "telling the staff about an act given up",
                self.tell_staff_given_up(f).await,
            );
        }
    }

    /// An act nobody asked for that failed for good, and that no other notice covers: a
    /// post in a staff room (the other staff room hears of it, without its contents), a
    /// room change (the coordinators). Messages to people are only logged: who failed to
    /// get a message can say too much (a reporter), and unreachable people are told of
    /// by [`App::tell_unreachable`].
    async fn tell_staff_given_up(&self, f: &Failure) -> crate::error::Result<()> {
        let Some(platform) = f.act.platform() else {
            return Ok(());
        };
        let room_of = |rooms: &[RoomRef]| rooms.iter().find(|r| r.platform == platform).cloned();
        let coordinators = room_of(&self.settings.coordinators_rooms);
        let moderators = room_of(&self.settings.moderators_rooms);
        let (to, text) = match &f.act {
            Act::PostInRoom { room, .. } | Act::PostChart { room, .. }
                if Some(room) == coordinators.as_ref() || Some(room) == moderators.as_ref() =>
            {
                let (to, which) = if Some(room) == moderators.as_ref() {
                    (coordinators, "moderators'")
                } else {
                    (moderators, "coordinators'")
                };
                (
                    to,
                    format!(
                        "A message for the {which} room could not be posted there, even after retrying: {}. Please check that the bot can still post in that room; the message itself is in the bot's log only as its kind.",
                        f.error
                    ),
                )
            }
            Act::ArchivePairRoom { .. }
            | Act::FreezeMatch { .. }
            | Act::RemoveFromPairRooms { .. }
            | Act::RemoveFromRoom { .. }
            | Act::PostInRoom { .. } => (
                coordinators,
                format!(
                    "{} ({}) failed for good, even after retrying: {}. Please see to it by hand.",
                    capitalise(f.act.kind()),
                    f.act.subject(),
                    f.error
                ),
            ),
            _ => return Ok(()),
        };
        let Some(room) = to else {
            return Ok(());
        };
        self.try_perform(
            &self.fresh_base("given-up"),
            vec![Effect::PostInRoom {
                room,
                message: OutMessage::text(text).alert(),
            }],
        )
        .await?;
        Ok(())
    }

    /// Tells the staff member who asked for an act (a command typed in the coordinators'
    /// or moderators' room) that it failed (`Some`: why, and when it is tried again) or,
    /// after failing, went through. Participants are not told of acts they caused: the
    /// staff are, through [`App::surface`].
    fn asked_by_staff(&self, row: &OutboxRow) -> bool {
        matches!((&row.asked_by, &row.asked_in), (Some(_), Some(room)) if self.is_staff_room(room))
    }

    fn is_staff_room(&self, room: &RoomRef) -> bool {
        self.settings.coordinators_rooms.contains(room)
            || self.settings.moderators_rooms.contains(room)
    }

    async fn tell_asker(&self, row: &OutboxRow, failed: Option<(&str, Option<DateTime<Utc>>)>) {
        let (Some(_), Some(room)) = (&row.asked_by, &row.asked_in) else {
            return;
        };
        let staff = self.is_staff_room(room);
        let to_the_room_itself = matches!(&row.act, Act::PostInRoom { room: r, .. } | Act::PostChart { room: r, .. } if r == room);
        // Unreachable people, pair rooms and reporters have their own notices.
        let told_elsewhere = matches!(
            (&row.act, failed),
            (Act::SendDm { .. }, Some((_, None)))
                | (Act::CreatePairRoom { .. }, _)
                | (Act::TellReporter { .. }, _)
        );
        if !staff || to_the_room_itself || told_elsewhere || row.act.is_follow_up() {
            return;
        }
        let what = row.act.kind();
        let text = match failed {
            None => format!(
                "Update: {what} ({}) went through after all, on try {}.",
                row.act.subject(),
                row.attempts
            ),
            Some((why, Some(at))) => format!(
                "Heads up: {what} ({}) did not go through: {why}. I'll keep trying until {} UTC and tell you how it ends.",
                row.act.subject(),
                row.give_up_at.max(at).format("%Y-%m-%d %H:%M")
            ),
            Some((why, None)) => format!(
                "{} ({}) failed for good: {why}. Nothing more will be tried; please see to it by hand.",
                capitalise(what),
                row.act.subject()
            ),
        };
        let key = IdempotencyKey(format!(
            "{}-told-{}",
            row.key,
            if failed.is_none() {
                "done".to_string()
            } else {
                row.attempts.to_string()
            }
        ));
        if let Err(e) = self
            .ports
            .rooms
            .post_in_room(room, &OutMessage::text(text), &key)
            .await
        {
            warn!(room = %room, "telling the asker about an act failed: {e}");
        }
    }

    /// Carries out one act through the ports. Follow-ups decide more acts and deliver
    /// them; their failures become this act's, so it is tried again.
    /// (Boxed: a follow-up delivers the acts it decides, through this again.)
    fn deliver<'a>(
        &'a self,
        act: &'a Act,
        key: &'a IdempotencyKey,
        row: (i64, &'a str),
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), PortError>> + Send + 'a>>
    {
        Box::pin(self.deliver_unboxed(act, key, row))
    }

    /// `row` is the act's row and its holder (a follow-up completes it in its step).
    async fn deliver_unboxed(
        &self,
        act: &Act,
        key: &IdempotencyKey,
        row: (i64, &str),
    ) -> Result<(), PortError> {
        let internal = |e: crate::error::Error| PortError::Other(anyhow::anyhow!("{e}"));
        match act {
            Act::SendDm {
                to,
                message,
                attachment,
            } => {
                let message = Act::full_message(message, attachment);
                self.send_dm(to, &message, key).await
            }
            Act::PostInRoom {
                room,
                message,
                attachment,
            } => {
                let message = Act::full_message(message, attachment);
                self.post(room, &message, key).await
            }
            Act::CreatePairRoom {
                match_id,
                name,
                topic,
                members,
                kickoff,
                group_of,
            } => {
                let spec = PrivateRoomSpec {
                    name: name.clone(),
                    topic: topic.clone(),
                    members: members.clone(),
                };
                self.create_pair_room(key, *match_id, spec, kickoff, *group_of)
                    .await
            }
            Act::PostChart {
                room,
                title,
                sections,
                placed,
            } => match self.draw_chart(sections.clone()).await {
                Ok(png) => {
                    let message = OutMessage {
                        attachment: Some(crate::chat::Attachment {
                            name: "tandem-report.png".into(),
                            mime: "image/png".into(),
                            data: png,
                        }),
                        placed: placed.clone(),
                        ..OutMessage::text(title.clone())
                    };
                    self.post(room, &message, key).await
                }
                Err(e) => {
                    warn!("drawing the report's chart failed: {e}");
                    Ok(())
                }
            },
            Act::SendTranscript { to, match_id } => self.send_transcript(key, to, *match_id).await,
            Act::ArchivePairRoom { match_id, notice } => {
                self.archive_pair_room(key, *match_id, notice).await
            }
            Act::FreezeMatch {
                match_id, frozen, ..
            } => self.set_pair_room_read_only(key, *match_id, *frozen).await,
            Act::RemoveFromPairRooms { user, .. } => self.remove_from_pair_rooms(key, user).await,
            Act::RemoveFromRoom { user, room, by } => {
                info!(user = %user, room = %room, by = %by, "removed from a room by a moderator");
                self.ports.provisioner.remove_member(room, user, key).await
            }
            Act::ShowEvidence {
                case_id,
                room,
                moderator,
                placed,
            } => {
                self.show_evidence(key, *case_id, room.as_ref(), placed, moderator)
                    .await
            }
            Act::TellReporter { case_id, text } => match self.store.case_reporter(*case_id).await {
                Ok(Some(reporter)) => {
                    self.send_dm(&reporter, &OutMessage::text(text.clone()), key)
                        .await
                }
                Ok(None) => Ok(()),
                Err(e) => Err(PortError::Other(anyhow::anyhow!(
                    "finding the reporter of case {case_id}: {e}"
                ))),
            },
            Act::RevealReporter { case_id, to, with } => {
                self.reveal_reporter(key, *case_id, to, with).await
            }
            // A follow-up's own acts are in the outbox now, retried on their own.
            Act::AnnounceCase { case_id } => {
                let failures = self
                    .after_report(*case_id, &key.0)
                    .await
                    .map_err(internal)?;
                self.surface(&failures, None).await;
                Ok(())
            }
            // Its step (the card, or the acknowledgements queued) marks this act done in
            // its own transaction: run again after a crash, it changes nothing.
            Act::AnnounceApplication { application_id } => {
                self.after_submit(*application_id, &key.0, row)
                    .await
                    .map_err(internal)?;
                Ok(())
            }
            Act::PostProposals {
                platform,
                match_ids,
            } => {
                let failures = self
                    .post_proposals(*platform, match_ids, &key.0)
                    .await
                    .map_err(internal)?;
                self.surface(&failures, None).await;
                Ok(())
            }
        }
    }

    /// Tells `to` who reported a case anonymously, unsealed only now: no row names the
    /// reporter, and nothing is posted in a room. Checked again against the case's log (a
    /// row is not proof enough): only a moderator whose reveal is recorded, once two
    /// different ones asked, is told.
    async fn reveal_reporter(
        &self,
        key: &IdempotencyKey,
        case_id: i64,
        to: &UserRef,
        with: &[UserRef],
    ) -> Result<(), PortError> {
        let finding = |e: crate::error::Error| {
            PortError::Other(anyhow::anyhow!(
                "finding the reporter of case {case_id}: {e}"
            ))
        };
        let Some((case, _)) = self.store.case(case_id).await.map_err(finding)? else {
            return Ok(());
        };
        if !case.anonymous || case.reveals.len() < 2 || !case.reveals.contains(&to.to_string()) {
            warn!(
                case_id,
                to = %to,
                "not revealing a reporter: the case's log does not record two reveals with this moderator's"
            );
            return Ok(());
        }
        match self.store.case_reporter(case_id).await.map_err(finding)? {
            Some(reporter) => {
                let message = flows::incident::cases::revealed_message(case_id, &reporter, with);
                self.send_dm(to, &message, key).await
            }
            None => Ok(()),
        }
    }

    /// What needs no platform: logs of decisions, and the jobs a closed match or a
    /// cancelled event leaves behind.
    pub(super) async fn perform_local(&self, effects: &[Effect]) {
        for effect in effects {
            match effect {
                Effect::LogRefusal { user, action } => {
                    warn!(user = %user, action = %action, "refused: not permitted");
                }
                Effect::RecordDecision(d) => {
                    info!(application = d.application_id, from = %d.from, to = %d.to, by = %d.by, "application decision");
                }
                Effect::MoveMatch {
                    match_id,
                    from,
                    to,
                    by,
                    ..
                } => {
                    info!(match_id, from = %from, to = %to, by = %by, "match decision");
                }
                Effect::CloseMatch {
                    match_id, kind, by, ..
                } => {
                    info!(match_id, kind = kind.as_str(), by = %by, "match closed");
                    // Its remaining milestones will never run.
                    super::follow_up(
                        "skipping a closed match's milestones",
                        self.store
                            .skip_jobs_of(&format!("match:{match_id}"), self.now())
                            .await
                            .map_err(crate::error::Error::Internal),
                    );
                }
                Effect::CancelEvent { event_id, .. } => {
                    super::follow_up(
                        "dropping a cancelled event's jobs",
                        self.after_event_cancelled(*event_id).await,
                    );
                }
                _ => {}
            }
        }
    }

    /// A key base for acts decided now outside any step (unique).
    pub(super) fn fresh_base(&self, what: &str) -> String {
        format!(
            "{what}-t{}-{}",
            self.clock.now().timestamp_millis(),
            unique_tag()
        )
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_ten_minutes() {
        assert_eq!(retry_wait(1), chrono::Duration::seconds(5));
        assert_eq!(retry_wait(2), chrono::Duration::seconds(10));
        assert_eq!(retry_wait(30), chrono::Duration::seconds(600));
    }
}
