//! Delivering the outbox: the acts a recorded step left for the platforms.
//!
//! A step's acts are inserted into the outbox in its own transaction (see
//! `storage::outbox`), held by this process, and delivered at once by [`App::dispatch`],
//! in order. What fails is retried by the dispatcher loop ([`App::dispatch_due`], run
//! beside the scheduler, and after each console line) with the same idempotency key
//! (`<step>-a<n>`), with growing pauses, until [`Delivery::retry_for`] has passed. Then:
//!
//! - a person who cannot be reached, a file too large, or what the platform refuses
//!   where it was asked (no access, a permission missing, the room or member gone:
//!   [`PortError::Refused`]), fails at once, for good;
//! - a message to a person that is a day late ([`Delivery::stale_after`]) is dropped and
//!   logged instead of delivered (alerts, case messages and room changes never are);
//! - a failure is surfaced: to the staff member who asked for the act (a moderator's
//!   freeze), where they asked, on its first failure and when it finally works or is given
//!   up; pair rooms and unreachable people to the coordinators, a reporter who cannot be
//!   reached to the moderators.
//!
//! A message posted in a room goes where it is placed ([`Placement`](crate::chat::Placement):
//! where the command that caused it was typed), or, a card's follow-up, into the card's
//! thread; what the platform answers (the message's id) is kept (in `deliver`): a card's
//! thread root, a prompt's id.
//!
//! The module is split along the life of an act:
//!
//! - here: how acts are put in the outbox ([`App::enqueue`], [`App::perform`]) and what
//!   needs no platform ([`App::perform_local`]);
//! - `attempts`: attempting held acts in their lanes' order, retries, staleness and giving
//!   up ([`App::dispatch`], [`App::dispatch_due`]);
//! - `deliver`: carrying out each kind of act through the ports ([`App::deliver`]);
//! - `notices`: who is told of an act that failed, or went through after failing
//!   ([`App::surface`]).
//!
//! To deliver a new kind of act, add its arm to [`App::deliver`]; if its failure must be
//! told to someone no existing notice covers, teach `notices` (and [`App::surface`]).

mod attempts;
mod deliver;
mod notices;
mod pace;

pub(crate) use pace::PacedRooms;

use chrono::{DateTime, Utc};
use tracing::{error, info, warn};

use super::{App, unique_tag};
use crate::domain::{RoomRef, UserRef};
use crate::flows::Effect;
use crate::flows::acts::Act;
use crate::ports::PortError;
use crate::storage::Enqueue;

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

impl App {
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

    /// What needs no platform: logs of decisions. (The jobs a closed match or a cancelled
    /// event leaves behind are skipped in its step.)
    pub(super) async fn perform_local(&self, effects: &[Effect]) {
        // Links first: this step's own messages go where its links say.
        self.links.apply(effects);
        self.languages.apply(effects);
        for effect in effects {
            match effect {
                Effect::LogRefusal { user, action } => {
                    warn!(user = %user, action = %action, "refused: not permitted");
                }
                Effect::LogAllowed {
                    user,
                    action,
                    reason,
                } => {
                    info!(user = %user, action = %action, reason = %reason, "allowed through a platform group");
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
