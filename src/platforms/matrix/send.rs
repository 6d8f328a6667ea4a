//! Sending: a message rendered and posted where its placement says (at the top, or in a
//! card's thread), an explanation to someone whose message could not be read, and the
//! platform's own "report message" gesture (a reply of `!tandem report`).
//!
//! How a message looks is in `render`; what the ports send goes through `send`.

use super::*;
use crate::i18n::Text;

impl MatrixBot {
    /// `!tandem report` as a reply to someone's message: a private report in the
    /// reporter's DM with a link to that message as evidence, as Discord's "Report
    /// message" does. Nothing is said in the room, and the command is removed where the
    /// bot may remove messages; members may still have seen it (or see a removed message
    /// under the reporter's name), so the participants' guide points those who need discretion to
    /// sending the bot `report message <link>` by DM.
    pub(super) async fn report_message(
        &self,
        room: &Room,
        command: &OriginalSyncRoomMessageEvent,
        target: &EventId,
        app: &App,
    ) {
        use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
        let reporter = UserRef::new(Platform::Matrix, command.sender.as_str());
        let link = room
            .room_id()
            .matrix_to_event_uri(target.to_owned())
            .to_string();
        let event = match room.event(target, None).await {
            Ok(e) => Some(e),
            Err(e) => {
                // The report goes ahead with the link alone, and without the own-message
                // check.
                warn!(room = %room.room_id(), "could not read a reported message: {e}");
                None
            }
        };
        let author = event
            .as_ref()
            .and_then(|e| e.raw().get_field::<OwnedUserId>("sender").ok().flatten());
        // Decrypted with the bot's keys; a message it cannot read is reported by link. The
        // text is as first sent (edits are events of their own); a file has none.
        let copy = event.and_then(|e| match e.raw().deserialize() {
            Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(m))) => {
                m.as_original().map(|m| {
                    let body = match &m.content.msgtype {
                        MessageType::Text(t) => t.body.as_str(),
                        MessageType::Emote(t) => t.body.as_str(),
                        MessageType::Notice(t) => t.body.as_str(),
                        _ => "",
                    };
                    let text = match m.content.relates_to {
                        Some(Relation::Reply(_)) => render::strip_reply_fallback(body),
                        _ => body,
                    };
                    crate::chat::ReportedMessage {
                        link: link.clone(),
                        author: m.sender.to_string(),
                        at: chrono::DateTime::from_timestamp_millis(i64::from(
                            m.origin_server_ts.get(),
                        )),
                        text: text.to_string(),
                        at_room: Some((
                            RoomRef::new(Platform::Matrix, room.room_id().as_str()),
                            m.event_id.to_string(),
                        )),
                    }
                })
            }
            _ => None,
        });
        if author.as_ref() == Some(&command.sender) {
            let key = IdempotencyKey(format!("matrix-explain-{}", command.event_id));
            let text = self.said(&command.sender, Text::msg("platform-report-own"));
            if let Err(e) = self.send_dm(&reporter, &OutMessage::text(text), &key).await {
                warn!("explaining a report of one's own message failed: {e}");
            }
        } else if let Some(copy) = copy {
            let event = EventRef::new(Platform::Matrix, command.event_id.as_str());
            app.receive_reported(reporter, copy, Some(event)).await;
        } else {
            let event = EventRef::new(Platform::Matrix, command.event_id.as_str());
            app.receive_event(
                event,
                crate::flows::incident::report::message_report(reporter, &link),
            )
            .await;
        }
        // Removed after the app has had the report (it may have answered "finish what we
        // were doing first"), so a failure on the way never loses the report silently.
        if let Err(e) = room.redact(&command.event_id, None, None).await {
            info!(room = %room.room_id(), "could not remove a report command (the bot needs the power to remove messages there): {e}");
        }
        self.mark_handled(command.event_id.clone());
    }

    /// Tells a person in a DM why their event was not taken as an answer (in a shared
    /// room the bot stays quiet), and marks the event handled.
    pub(super) async fn explain(
        &self,
        room: &Room,
        place: Place,
        event: OwnedEventId,
        sender: &UserId,
        text: Text,
    ) {
        // Once per event, even when a catch-up reads it again after the homeserver has
        // forgotten the transaction id.
        let id = EventRef::new(Platform::Matrix, event.as_str());
        let app = self.app.get();
        let seen = match app {
            Some(app) => app.already_handled(&id).await,
            None => false,
        };
        if place == Place::Dm && !seen {
            let key = IdempotencyKey(format!("matrix-explain-{event}"));
            let text = self.said(sender, text);
            if let Err(e) = self.send(room, &OutMessage::text(text), &key).await {
                warn!("explaining an unusable message failed: {e}");
            }
            if let Some(app) = app {
                app.record_handled(&id).await;
            }
        }
        self.mark_handled(event);
    }

    /// `text` in the language `user` reads (their choice, else the deployment's).
    pub(super) fn said(&self, user: &UserId, text: Text) -> String {
        match self.app.get() {
            Some(app) => app.said_to(&UserRef::new(Platform::Matrix, user.as_str()), &text),
            None => text.english(),
        }
    }

    /// Where in `room` a message goes: where the app placed it ([`Placement`]); an alert
    /// always at the top.
    pub(super) fn placement(message: &OutMessage) -> Option<(OwnedEventId, OwnedEventId)> {
        if message.thread == Some(Thread::Alert) {
            return None;
        }
        match &message.placed {
            Some(Placement::InThread { root, after }) => Some((
                OwnedEventId::try_from(root.as_str()).ok()?,
                OwnedEventId::try_from(after.as_str()).ok()?,
            )),
            Some(Placement::Top) | None => None,
        }
    }

    pub(super) async fn send(
        &self,
        room: &Room,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let mut content = render::content(message);
        let placement = Self::placement(message);
        if let Some((root, after)) = &placement {
            // The reply fallback lets clients without threads show it as an answer.
            content.relates_to = Some(Relation::Thread(ThreadRelation::plain(
                root.clone(),
                after.clone(),
            )));
        }
        let txn = OwnedTransactionId::from(render::transaction_id(key));
        let sent = room
            .send(content)
            .with_transaction_id(txn)
            .await
            .map_err(|e| PortError::Other(anyhow!("sending in {}: {e}", room.room_id())))?;
        let event_id = sent.response.event_id;
        if !message.choices.is_empty() {
            // Before the send returns to the app, which keeps it too (see `prompts`).
            let mut prompts = lock(&self.prompts);
            if prompts.len() >= MAX_REMEMBERED_PROMPTS {
                prompts.clear();
            }
            prompts.insert(event_id.clone(), message.answer_key());
        }
        self.offer_reactions(room, message, &event_id, key).await;
        lock(&self.activity.sent).push((room.room_id().to_owned(), event_id.clone()));
        let mut also = Vec::new();
        if let Some(file) = &message.attachment {
            // Uploaded encrypted in an encrypted room (the SDK does it), with its own
            // transaction id, so a retried send posts it once.
            let mime: mime::Mime = file.mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM);
            let mut config = matrix_sdk::attachment::AttachmentConfig::new()
                .txn_id(OwnedTransactionId::from(render::transaction_id(
                    &IdempotencyKey(format!("{}-file", key.0)),
                )))
                .mentions(Some(render::mentions(message)));
            if let Some((root, _)) = &placement {
                // With the message it belongs to, in the same thread.
                config = config.reply(Some(matrix_sdk::room::reply::Reply {
                    event_id: root.clone(),
                    enforce_thread: matrix_sdk::room::reply::EnforceThread::Threaded(
                        matrix_sdk::ruma::events::room::message::ReplyWithinThread::No,
                    ),
                    add_mentions: matrix_sdk::ruma::events::room::message::AddMentions::No,
                }));
            }
            let sent = room
                .send_attachment(file.name.clone(), &mime, file.data.clone(), config)
                .await
                .map_err(|e| {
                    PortError::Other(anyhow!("sending a file in {}: {e}", room.room_id()))
                })?;
            also.push(sent.event_id.to_string());
            lock(&self.activity.sent).push((room.room_id().to_owned(), sent.event_id));
        }
        self.activity.changed.notify_waiters();
        Ok(Posted {
            id: Some(event_id.to_string()),
            also,
        })
    }

    /// Under a prompt that takes one choice, the keycap reaction of each choice's number,
    /// so a person can answer with a tap on it. Each has its own transaction id, so a
    /// retried send adds none twice. A reaction that fails is only logged: the prompt is
    /// sent, and numbers and labels answer it as well.
    async fn offer_reactions(
        &self,
        room: &Room,
        message: &OutMessage,
        event_id: &OwnedEventId,
        key: &IdempotencyKey,
    ) {
        use matrix_sdk::ruma::events::reaction::ReactionEventContent;
        use matrix_sdk::ruma::events::relation::Annotation;
        for (i, reaction) in render::reactions_offered(message).iter().enumerate() {
            let content =
                ReactionEventContent::new(Annotation::new(event_id.clone(), reaction.to_string()));
            let txn = render::transaction_id(&IdempotencyKey(format!("{}-react-{i}", key.0)));
            if let Err(e) = room
                .send(content)
                .with_transaction_id(OwnedTransactionId::from(txn))
                .await
            {
                warn!(room = %room.room_id(), "adding the answer reactions under a prompt failed: {e}");
                return;
            }
        }
    }
}
