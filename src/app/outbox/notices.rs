//! Who is told of acts that failed: the staff member who asked for one (on its first
//! failure, and when it finally works or is given up), the coordinators of unreachable
//! people and pair rooms not made, the moderators of an unreachable reporter, and a staff
//! room of an act given up that no other notice covers ([`App::surface`]).
//!
//! A notice is itself an act, put in the outbox (a notice of a given-up notice is only
//! logged). To tell someone of a new kind of failure, add it to [`App::surface`] (or, for
//! the asker, to [`App::tell_asker`]), and make sure no other notice already covers it.

use chrono::{DateTime, Utc};
use tracing::warn;

use super::Failure;
use crate::app::App;
use crate::chat::OutMessage;
use crate::domain::{RoomRef, UserRef};
use crate::flows::Effect;
use crate::flows::acts::Act;
use crate::i18n::Text;
use crate::ports::{IdempotencyKey, PortError};
use crate::storage::OutboxRow;

impl App {
    /// Tells the coordinators and moderators what they must know of failed acts: people
    /// who cannot be reached (never `sender`, who is answered where they wrote), a pair
    /// room not made, a reporter who cannot be reached.
    pub(in crate::app) async fn surface(&self, failures: &[Failure], sender: Option<&UserRef>) {
        for f in failures {
            if let (Act::TellReporter { case_id, .. }, PortError::Unreachable(..)) =
                (&f.act, &f.error)
            {
                crate::app::follow_up(
                    "recording an unreachable reporter",
                    self.reporter_unreachable(
                        *case_id,
                        crate::i18n::Text::msg("case-unreachable-message"),
                    )
                    .await,
                );
            }
        }
        crate::app::follow_up(
            "telling coordinators about an unreachable person",
            self.tell_unreachable(failures, sender).await,
        );
        crate::app::follow_up(
            "telling coordinators about a pair room",
            self.tell_pair_room_failures(failures).await,
        );
        // (A notice of a given-up act that is itself given up is only logged: two staff
        // rooms that both fail would otherwise tell each other forever.)
        for f in failures
            .iter()
            .filter(|f| f.retry_at.is_none() && !f.asked && !f.key.starts_with("given-up"))
        {
            crate::app::follow_up(
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
        // A pair room's change says no platform (storage finds its match's): the staff
        // rooms of the first platform configured hear of it.
        let Some(platform) = f
            .act
            .platform()
            .or_else(|| self.settings.coordinators_rooms.first().map(|r| r.platform))
        else {
            return Ok(());
        };
        // The match's programme's coordinators hear of its room's changes.
        let programme = match f.act.pair_room_match() {
            Some(id) => self.store.match_by_id(id).await?.map(|m| m.programme),
            None => None,
        };
        let coordinators = self
            .coordinators_room(programme.as_deref(), platform)
            .cloned();
        let moderators = self.moderators_room(platform).cloned();
        // Refused outright (no access, a permission missing, the room gone): never retried,
        // so the notice must not say it was.
        let refused = matches!(f.error, PortError::Refused(_));
        let (to, text) = match &f.act {
            Act::PostInRoom { room, .. } | Act::PostChart { room, .. }
                if self.rooms.is_staff(room) =>
            {
                // A programme's coordinators' room failing is told to the deployment's,
                // if it has one of its own; else to the moderators.
                let (to, which) = if self.rooms.is_moderators(room) {
                    (coordinators, "moderators")
                } else {
                    let deployment = self.coordinators_room(None, platform).cloned();
                    match deployment.filter(|d| d != room) {
                        Some(d) => (Some(d), "coordinators"),
                        None => (moderators, "coordinators"),
                    }
                };
                (
                    to,
                    Text::msg(if refused {
                        "notice-staff-post-refused"
                    } else {
                        "notice-staff-post-failed"
                    })
                    .arg("room", which)
                    .arg("error", f.error.to_string()),
                )
            }
            Act::ArchivePairRoom { .. }
            | Act::FreezeMatch { .. }
            | Act::RemoveFromPairRooms { .. }
            | Act::RemoveFromRoom { .. }
            | Act::PostInRoom { .. } => (
                coordinators,
                // The act's kind and subject are the log's words (`create a pair room`).
                Text::msg(if refused {
                    "notice-refused"
                } else {
                    "notice-given-up"
                })
                .arg("act", capitalise(f.act.kind()))
                .arg("subject", f.act.subject())
                .arg("error", f.error.to_string()),
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
                message: OutMessage::said(text).alert(),
            }],
        )
        .await?;
        Ok(())
    }

    /// Tells the staff member who asked for an act (a command typed in the coordinators'
    /// or moderators' room) that it failed (`Some`: why, and when it is tried again) or,
    /// after failing, went through. Participants are not told of acts they caused: the
    /// staff are, through [`App::surface`].
    ///
    /// Not a post in the very room it was asked in: its failure cannot be told there, so
    /// it is told like any staff post's (to the other staff room, by [`App::surface`]).
    pub(super) fn asked_by_staff(&self, row: &OutboxRow) -> bool {
        matches!((&row.asked_by, &row.asked_in), (Some(_), Some(room)) if self.is_staff_room(room))
            && !posts_where_asked(row)
    }

    fn is_staff_room(&self, room: &RoomRef) -> bool {
        self.rooms.is_staff(room)
    }

    pub(super) async fn tell_asker(
        &self,
        row: &OutboxRow,
        failed: Option<(&str, Option<DateTime<Utc>>)>,
    ) {
        let (Some(_), Some(room)) = (&row.asked_by, &row.asked_in) else {
            return;
        };
        let staff = self.is_staff_room(room);
        let to_the_room_itself = posts_where_asked(row);
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
        // The act's kind and subject are the log's words (`a direct message`, `to …`).
        let act = Text::msg("act-in-log")
            .arg("act", row.act.kind())
            .arg("subject", row.act.subject());
        let text = match failed {
            None => Text::msg("notice-act-went-through")
                .arg("act", act)
                .arg("tries", row.attempts),
            Some((why, Some(at))) => Text::msg("notice-act-retrying")
                .arg("act", act)
                .arg("error", why)
                .arg(
                    "until",
                    row.give_up_at.max(at).format("%Y-%m-%d %H:%M").to_string(),
                ),
            Some((why, None)) => Text::msg("notice-given-up")
                .arg("act", capitalise(row.act.kind()))
                .arg("subject", row.act.subject())
                .arg("error", why),
        };
        let text = text.render(self.languages.of_room(room).await);
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
}

/// Whether the act is a post in the room it was asked in.
fn posts_where_asked(row: &OutboxRow) -> bool {
    matches!((&row.act, &row.asked_in), (Act::PostInRoom { room: r, .. } | Act::PostChart { room: r, .. }, Some(room)) if r == room)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
