//! Carrying out each kind of act through the ports ([`App::deliver`]): sending DMs and
//! posting in rooms (where the message is placed, or in a card's thread), keeping what the
//! platform answers that must be found again (a card's thread root, a prompt's id), and the
//! acts that need more than one call (pair rooms, charts, reporters, follow-ups).
//!
//! To deliver a new kind of act, add its arm to [`App::deliver_unboxed`], calling the
//! ports (or a method of its own, here or beside its concept in `app`). An error is
//! retried by `attempts`; [`PortError::Unreachable`], [`PortError::TooLarge`],
//! [`PortError::Impossible`] and [`PortError::Refused`] fail at once, for good.

use tracing::{info, warn};

use crate::app::App;
use crate::chat::{OutMessage, Placement, Thread};
use crate::domain::{Platform, RoomRef, UserRef};
use crate::flows;
use crate::flows::acts::Act;
use crate::ports::{IdempotencyKey, PortError, Posted, PrivateRoomSpec};

impl App {
    /// Sends a DM, and keeps what must be found again (see [`App::keep_posted`]).
    pub(in crate::app) async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        // A person with a linked account gets their DMs where they last wrote from.
        let to = &self.dm_account(to).await;
        let posted = self.ports.dm.send_dm(to, message, key).await?;
        self.keep_posted(to.platform, None, message, &posted).await;
        Ok(())
    }

    /// Posts in a room where the message is placed; a card's follow-up placed nowhere in
    /// particular goes into the card's thread, once the card has started one.
    pub(in crate::app) async fn post(
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

    /// Carries out one act through the ports. Follow-ups decide more acts and deliver
    /// them; their failures become this act's, so it is tried again.
    /// (Boxed: a follow-up delivers the acts it decides, through this again.)
    pub(super) fn deliver<'a>(
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
                // The pair's language when both chose the same (as their room is written
                // in once it exists: `Languages::of_room`).
                let spec = PrivateRoomSpec {
                    name: name.clone(),
                    topic: topic.render(self.languages.shared(members).await),
                    members: members.clone(),
                    home: None,
                };
                self.create_pair_room(key, *match_id, spec, kickoff, *group_of)
                    .await
            }
            Act::PostChart {
                room,
                title,
                sections,
                placed,
            } => match self
                .draw_chart(sections.clone(), self.languages.of_room(room).await)
                .await
            {
                Ok(png) => {
                    let message = OutMessage {
                        attachment: Some(crate::chat::Attachment {
                            name: "tandem-report.png".into(),
                            mime: "image/png".into(),
                            data: png,
                        }),
                        placed: placed.clone(),
                        ..OutMessage::said(title.clone())
                    };
                    self.post(room, &message, key).await
                }
                Err(e) => {
                    warn!("drawing the report's chart failed: {e}");
                    Ok(())
                }
            },
            Act::SendTranscript { to, match_id } => self.send_transcript(key, to, *match_id).await,
            Act::SendResource { to, path, message } => {
                self.send_resource(key, to, path, message).await
            }
            Act::Relay { .. } => self.deliver_relay(key, act).await,
            Act::RelayChange { .. } => self.deliver_relay_change(key, act).await,
            Act::ArchivePairRoom { match_id, notice } => {
                self.archive_pair_room(key, *match_id, notice).await
            }
            Act::FreezeMatch {
                match_id, frozen, ..
            } => self.set_pair_room_read_only(key, *match_id, *frozen).await,
            Act::RemoveFromPairRooms { user, .. } => self.remove_from_pair_rooms(key, user).await,
            Act::RemoveFromRoom { user, room, by } => {
                info!(user = %user, room = %room, by = %by, "removed from a room by a moderator");
                // A pair room is where its match says (a linked account's may be on the
                // other platform than its person's).
                let room = match self.store.pair_room_by_id(&room.id).await {
                    Ok(Some(pair)) => pair,
                    Ok(None) => room.clone(),
                    Err(e) => {
                        return Err(PortError::Other(anyhow::anyhow!(
                            "finding the room {room}: {e}"
                        )));
                    }
                };
                let account = self.account_in(user, &room);
                self.ports
                    .provisioner
                    .remove_member(&room, &account, key)
                    .await
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
                    self.send_dm(&reporter, &OutMessage::said(text.clone()), key)
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
            // Its step (the cards and reminders queued) marks this act done in its own
            // transaction: run again after a crash, it changes nothing.
            Act::AnnounceSafetyFlags { flag_ids } => {
                self.announce_safety_flags(flag_ids, &key.0, row)
                    .await
                    .map_err(internal)?;
                Ok(())
            }
            // A question's card in the coordinators' room of the asker's platform.
            Act::AnnounceQuestion { question_id } => {
                let Some(question) = self.store.question(*question_id).await.map_err(|e| {
                    PortError::Other(anyhow::anyhow!("finding question Q{question_id}: {e}"))
                })?
                else {
                    return Ok(());
                };
                let known = super::super::Known::default();
                let subject = flows::Subject::Nothing;
                let ctx = self.ctx(&question.user, &known, &subject, self.clock.now());
                let effects = flows::team::announce(&ctx, &question);
                let failures = self.try_perform(&key.0, effects).await.map_err(internal)?;
                self.surface(&failures, None).await;
                Ok(())
            }
            // Its step marks this act done in its own transaction.
            Act::Replan {
                programme,
                platform,
            } => {
                self.replan(programme, *platform, &key.0, row)
                    .await
                    .map_err(internal)?;
                Ok(())
            }
            Act::PassOn { match_id, .. } => {
                self.pass_on(*match_id, &key.0, row)
                    .await
                    .map_err(internal)?;
                Ok(())
            }
            Act::AnnounceEvents { event_ids, room } => {
                self.announce_events(key, event_ids, room).await
            }
            Act::CancelPlatformEvent { event_id, .. } => {
                self.cancel_platform_event(*event_id).await
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
}
