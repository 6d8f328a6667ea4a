//! The support sweep's side of staff support (`domain::support`): for each active match,
//! the notices `flows::support::notices` decides (an overdue staff contact and its
//! escalation, a match turning at risk, a long silence and then a closure offer), each
//! sent once: recorded as sent in the same step that puts its acts in the outbox.
//!
//! A pair nobody looks after (any more) is given to a staff member first.
//!
//! Called from `App::sweep` (`scheduler::sweep`), like the nudges: what it reacts to is
//! something that did not happen, which no job could be scheduled for.

use std::collections::HashMap;

use crate::app::{App, Result};
use crate::domain::health::health_in;
use crate::domain::matches::MatchStatus;
use crate::flows::support::notices::{self, Places};

impl App {
    /// Sends each active match's support notices that are due; returns how many.
    pub(crate) async fn check_support(&self) -> Result<usize> {
        let now = self.now();
        let mut done = 0;
        for programme in self.programmes.iter() {
            let mut signs: HashMap<_, _> = self
                .store
                .pair_signs(&programme.slug, None, now)
                .await?
                .into_iter()
                .collect();
            let mut sent = self.store.support_notices_in(&programme.slug).await?;
            for m in self.store.matches_in(&programme.slug).await? {
                if m.status != MatchStatus::Active {
                    continue;
                }
                let mut s = signs.remove(&m.id).unwrap_or_default();
                if let Some(step) = notices::reassign(programme, &m, &s) {
                    let base = format!("support-{}-assign-{}", m.id, now.timestamp_millis());
                    self.record_system_step(&m.mentee, &step, now, &base, None)
                        .await?;
                    s = self.store.pair_signs_of(&m, now).await?;
                }
                let h = health_in(Some(programme), &m, &s, now);
                let places = Places {
                    coordinators_room: self
                        .coordinators_room(Some(&m.programme), m.mentee.platform),
                    prefix: &self.settings.room_prefix,
                };
                let sent = sent.remove(&m.id).unwrap_or_default();
                for notice in notices::due(programme, &m, &s, h, &sent, places, now) {
                    // The notice is recorded with its acts, in one step: sent once, even
                    // if this process dies half-way or two sweeps meet.
                    let base = format!("support-{}-{}", m.id, notice.names.join("-"));
                    let step = notice.into_step(m.id);
                    if self
                        .record_system_step(&m.mentee, &step, now, &base, None)
                        .await?
                        == Some(true)
                    {
                        done += 1;
                    }
                }
            }
        }
        Ok(done)
    }
}
