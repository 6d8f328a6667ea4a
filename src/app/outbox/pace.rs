//! Telling the coordinators how a batch of pair rooms goes when the platform paces it (a
//! Matrix homeserver lets an account create about one room a minute after a burst: see
//! `platforms::pacing`): how many wait and when the last is due, at most every quarter of
//! an hour (not for a wait under a minute), and once when all are made. Kept in memory: a
//! restart says it again.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use crate::app::App;
use crate::domain::Platform;
use crate::flows::acts::Act;
use crate::i18n::Text;
use crate::storage::OutboxRow;

/// How often, at most, the coordinators hear how a paced batch goes.
const TELL_EVERY: i64 = 15;

/// Pair rooms waiting for the platform's pace.
#[derive(Debug, Default)]
pub(crate) struct PacedRooms {
    /// By act key: when each is due, and on which platform.
    waiting: HashMap<String, (DateTime<Utc>, Platform)>,
    /// When the coordinators were last told (`None`: not since the batch began).
    told_at: Option<DateTime<Utc>>,
    /// Rooms made since the coordinators were first told.
    made: usize,
}

impl App {
    /// Notes that a pair room waits for the platform's pace until `until` (`None`: it is
    /// made, or failed for good), telling the coordinators as [`PacedRooms`] says.
    pub(super) async fn note_paced(&self, row: &OutboxRow, until: Option<DateTime<Utc>>) {
        let Act::CreatePairRoom { members, .. } = &row.act else {
            return;
        };
        let Some(platform) = members.first().map(|m| m.platform) else {
            return;
        };
        let now = self.clock.now();
        let text = {
            let mut paced = self.paced.lock().unwrap_or_else(|e| e.into_inner());
            match until {
                Some(until) => {
                    paced.waiting.insert(row.key.clone(), (until, platform));
                }
                None => {
                    if paced.waiting.remove(&row.key).is_none() {
                        return;
                    }
                    paced.made += 1;
                }
            }
            let due = paced
                .told_at
                .is_none_or(|at| now - at >= Duration::minutes(TELL_EVERY));
            if paced.waiting.is_empty() {
                let made = std::mem::take(&mut paced.made);
                let told = paced.told_at.take().is_some();
                told.then(|| {
                    Text::msg("notice-paced-done")
                        .arg("count", made)
                        .arg("platform", platform.to_string())
                })
            } else if due && until.is_some_and(|at| at - now >= Duration::minutes(1)) {
                paced.told_at = Some(now);
                let last = paced
                    .waiting
                    .values()
                    .map(|(at, _)| *at)
                    .max()
                    .unwrap_or(now);
                Some(
                    Text::msg("notice-paced")
                        .arg("platform", platform.to_string())
                        .arg("count", paced.waiting.len())
                        .arg("last", last.format("%H:%M").to_string()),
                )
            } else {
                None
            }
        };
        if let Some(text) = text {
            crate::app::follow_up(
                "telling coordinators how paced pair rooms go",
                self.tell_coordinators((None, platform), "paced-rooms", text)
                    .await,
            );
        }
    }
}
