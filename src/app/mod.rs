//! The service layer: one inbound message in, stored state and performed effects out.
//!
//! [`App::receive`] is what every platform calls for each message a person sends. It reads
//! the person's conversation and applications, asks the pure core (`flows::handle`) what to
//! do, records the result in one transaction (retrying from the top if the conversation
//! changed meanwhile, which is how two messages arriving at once are both applied, in turn),
//! and only then carries out the effects through the ports. Errors reach the person as
//! either a clear message or an apology with a reference that is in the log.
//!
//! New effects are carried out in [`App::perform`]; new capabilities come in as ports.

mod clock;

use std::sync::Arc;
use std::time::Duration;

use tracing::{debug, error, info, warn};

pub use clock::{Clock, ManualClock, SystemClock};

use crate::domain::{NewApplication, Place, Programme};
use crate::error::{Error, Reference, Result};
use crate::flows::{self, Ctx, Effect, Inbound, OutMessage, StateChange};
use crate::ports::{DirectMessenger, IdempotencyKey, RoomMessenger};
use crate::storage::{CommitOutcome, Store};

/// The platform capabilities the app uses.
#[derive(Clone)]
pub struct Ports {
    pub dm: Arc<dyn DirectMessenger>,
    pub rooms: Arc<dyn RoomMessenger>,
}

/// Limits and texts that shape every conversation.
#[derive(Debug, Clone)]
pub struct AppSettings {
    pub max_message_chars: usize,
    pub room_prefix: String,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            max_message_chars: 8000,
            room_prefix: "!tandem".into(),
        }
    }
}

#[derive(Clone)]
pub struct App {
    store: Store,
    programmes: Arc<Vec<Programme>>,
    ports: Ports,
    clock: Arc<dyn Clock>,
    settings: AppSettings,
}

/// How often a step is redone after losing a race before giving up.
const MAX_ATTEMPTS: u32 = 20;

impl App {
    pub fn new(
        store: Store,
        programmes: Vec<Programme>,
        ports: Ports,
        clock: Arc<dyn Clock>,
        settings: AppSettings,
    ) -> Self {
        App {
            store,
            programmes: Arc::new(programmes),
            ports,
            clock,
            settings,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn programmes(&self) -> &[Programme] {
        &self.programmes
    }

    /// Handles one message; any error is reported to the sender and logged.
    pub async fn receive(&self, inbound: Inbound) {
        if let Err(e) = self.handle(&inbound).await {
            let reference = Reference::new();
            match &e {
                Error::User(m) => debug!(user = %inbound.from, "user error: {m}"),
                Error::Internal(err) => {
                    error!(user = %inbound.from, %reference, "handling a message failed: {err:#}")
                }
            }
            let message = OutMessage::text(e.user_facing(&reference));
            let key = IdempotencyKey(format!("error-{reference}"));
            let sent = match &inbound.place {
                Place::Dm => self.ports.dm.send_dm(&inbound.from, &message, &key).await,
                Place::Room(room) => self.ports.rooms.post_in_room(room, &message, &key).await,
            };
            if let Err(send_err) = sent {
                warn!(user = %inbound.from, "could not tell the user about an error: {send_err}");
            }
        }
    }

    /// Handles one message: decide, record, then act.
    pub async fn handle(&self, inbound: &Inbound) -> Result<()> {
        let user = &inbound.from;
        for attempt in 1..=MAX_ATTEMPTS {
            let now = self.clock.now();
            let conversation = self.store.load_conversation(user).await?;
            let applications = self.store.applications_of(user).await?;
            let ctx = Ctx {
                user,
                programmes: &self.programmes,
                applications: &applications,
                now,
                max_message_chars: self.settings.max_message_chars,
                room_prefix: &self.settings.room_prefix,
            };
            let outcome = flows::handle(&ctx, conversation.as_ref().map(|c| &c.state), inbound);
            let submitted: Vec<NewApplication> = outcome
                .effects
                .iter()
                .filter_map(|e| match e {
                    Effect::StoreApplication(a) => Some(a.clone()),
                    _ => None,
                })
                .collect();
            let committed = self
                .store
                .commit_step(user, conversation.as_ref(), &outcome.state, &submitted, now)
                .await;
            match committed {
                Ok(CommitOutcome::Committed) => {
                    for a in &submitted {
                        info!(user = %user, programme = %a.programme, role = %a.role, answers = a.answers.len(), "application submitted");
                    }
                    let version = conversation.as_ref().map(|c| c.version).unwrap_or(0)
                        + i64::from(outcome.state != StateChange::Unchanged);
                    let base = format!(
                        "{}-{}-v{}-t{}",
                        user.platform,
                        user.id,
                        version,
                        now.timestamp_millis()
                    );
                    self.perform(&base, outcome.effects).await;
                    return Ok(());
                }
                Ok(CommitOutcome::Conflict) => {
                    debug!(user = %user, attempt, "conversation changed meanwhile; redoing the step");
                    // A short, growing pause lets the other writer finish.
                    tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up after {MAX_ATTEMPTS} conflicting attempts for {user}"
        )))
    }

    /// Carries out the effects of a recorded step. A failed send is logged and does not
    /// stop the others: the state is already recorded, and the person can ask again.
    async fn perform(&self, base_key: &str, effects: Vec<Effect>) {
        for (i, effect) in effects.into_iter().enumerate() {
            let key = IdempotencyKey(format!("{base_key}-e{i}"));
            let result = match &effect {
                Effect::SendDm { to, message } => self.ports.dm.send_dm(to, message, &key).await,
                Effect::PostInRoom { room, message } => {
                    self.ports.rooms.post_in_room(room, message, &key).await
                }
                Effect::StoreApplication(_) => Ok(()),
            };
            if let Err(e) = result {
                warn!(key = %key.0, "could not carry out {effect:?}: {e}");
            }
        }
    }
}
