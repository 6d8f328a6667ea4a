//! What the homeserver sends, as the app should see it: messages (text, files, replies
//! that report a message), reactions that answer a prompt, invitations, and messages the
//! bot could not decrypt. Each handler contains its own panics, so one bad event never
//! stops the sync loop. Messages and reactions are handled in the bot's lanes (in order
//! per room, many rooms at once: `platforms::lanes`); the handler returns once the event
//! is queued.

use super::*;
use crate::i18n::Text;

/// Queued in the room's lane; a panic anywhere in handling it (the app contains its own)
/// stays with this event.
pub(super) async fn on_message(
    event: OriginalSyncRoomMessageEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    if !handler.bot.first_sight(&event.event_id) {
        return;
    }
    let (lanes, lane) = (handler.bot.lanes.clone(), room.room_id().to_string());
    in_lane(
        lanes,
        lane,
        "a Matrix message",
        on_message_contained(event, room, handler),
    )
    .await;
}

/// How much handling may wait before the sync loop waits too: a flood of messages slows
/// the reading of the next batch down instead of filling memory.
const MAX_QUEUED: usize = 256;

/// Queues `work` in its room's lane (its panics logged as `what`); waits while too much
/// is queued.
async fn in_lane(
    lanes: crate::platforms::lanes::Lanes,
    lane: String,
    what: &'static str,
    work: impl std::future::Future<Output = ()> + Send + 'static,
) {
    lanes.push(lane, what, work);
    lanes.wait_below(MAX_QUEUED).await;
}

pub(super) async fn on_message_contained(
    event: OriginalSyncRoomMessageEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    let bot = &handler.bot;
    if event.sender == bot.own || room.state() != RoomState::Joined {
        return;
    }
    let Some(place) = bot.place_of(&room, &event.sender).await else {
        // A "direct" room others can read: only a prefixed command is taken (as in any
        // room); anything else could be private, so it moves to a real DM unread.
        let prefixed = matches!(&event.content.msgtype, MessageType::Text(t)
            if crate::chat::strip_prefix_ci(t.body.trim(), handler.app.room_prefix()).is_some());
        if !prefixed {
            bot.move_to_private_dm(&room, &event.sender).await;
            handler
                .app
                .record_handled(&EventRef::new(Platform::Matrix, event.event_id.as_str()))
                .await;
            bot.mark_handled(event.event_id);
            return;
        }
        let place = Place::Room(RoomRef::new(Platform::Matrix, room.room_id().as_str()));
        return handle_message(bot, &handler.app, event, room, place).await;
    };
    handle_message(bot, &handler.app, event, room, place).await
}

/// A message the bot takes, written at `place`.
pub(super) async fn handle_message(
    bot: &Arc<MatrixBot>,
    app: &App,
    event: OriginalSyncRoomMessageEvent,
    room: Room,
    place: Place,
) {
    // An edit arrives as a new event. In a room, a relayed pair room's copy follows it
    // (nothing happens in any other room). Answers are taken as first sent (a later
    // question may already depend on them), so a person editing one in their DM is told
    // how to change one instead.
    if let (Some(Relation::Replacement(edit)), Place::Room(at)) =
        (&event.content.relates_to, &place)
    {
        let from = UserRef::new(Platform::Matrix, event.sender.as_str());
        let text = render::strip_reply_fallback(edit.new_content.msgtype.body()).to_string();
        app.relay_change(
            at,
            Some(&from),
            edit.event_id.as_str(),
            Some(text),
            event.event_id.as_str(),
        )
        .await;
        bot.mark_handled(event.event_id);
        return;
    }
    if matches!(event.content.relates_to, Some(Relation::Replacement(_))) {
        bot.explain(
            &room,
            place,
            event.event_id,
            &event.sender,
            Text::msg("platform-edited"),
        )
        .await;
        return;
    }
    let mut files = vec![];
    // Files in a DM may be a report's evidence, and in a relayed pair room are copied to
    // its other side; the app fetches them only then.
    let file = inbound_file(&event.content.msgtype);
    let text = match &event.content.msgtype {
        MessageType::Text(t) => render::strip_reply_fallback(&t.body).to_string(),
        MessageType::Emote(t) => t.body.clone(),
        // Other bots speak in notices; never answer them.
        MessageType::Notice(_) => {
            bot.mark_handled(event.event_id);
            return;
        }
        _ => match file {
            Some((file, caption)) => {
                files.push(file);
                caption
            }
            None => {
                bot.explain(
                    &room,
                    place,
                    event.event_id,
                    &event.sender,
                    Text::msg("platform-only-text"),
                )
                .await;
                return;
            }
        },
    };
    if place == Place::Dm {
        bot.remember_dm(&event.sender, room.room_id());
    }
    if place != Place::Dm
        && bot.coordinators_room.as_deref() != Some(room.room_id())
        && crate::flows::incident::report::is_bare_report(&text, app.room_prefix())
        && let Some(target) = replied_to(&event.content.relates_to)
    {
        bot.report_message(&room, &event, target, app).await;
        return;
    }
    let in_dm = place == Place::Dm;
    let inbound = Inbound {
        from: UserRef::new(Platform::Matrix, event.sender.as_str()),
        place,
        content: Content::Text(text),
        files,
    };
    let id = EventRef::new(Platform::Matrix, event.event_id.as_str());
    match &event.content.relates_to {
        // Threads in a DM are not followed: the scheduler's messages would go to the top.
        Some(Relation::Thread(thread)) if !in_dm => {
            let root = thread.event_id.to_string();
            app.receive_in_thread(id, root, inbound).await
        }
        _ => app.receive_event(id, inbound).await,
    }
    bot.mark_handled(event.event_id);
}

/// The message a message answers, if it is a reply (in a thread or not).
pub(super) fn replied_to(
    relation: &Option<Relation<RoomMessageEventContentWithoutRelation>>,
) -> Option<&EventId> {
    match relation {
        Some(Relation::Reply(reply)) => Some(&reply.in_reply_to.event_id),
        Some(Relation::Thread(thread)) if !thread.is_falling_back => {
            thread.in_reply_to.as_ref().map(|r| &*r.event_id)
        }
        _ => None,
    }
}

/// A file message as an [`InboundFile`] (its media source, encrypted or not, as JSON) and
/// its caption. With `filename` set, `body` is a caption; without, `body` is the name.
pub(super) fn inbound_file(message: &MessageType) -> Option<(InboundFile, String)> {
    // The four kinds of file have the same fields, each in a type of its own.
    macro_rules! parts {
        ($m:ident) => {
            (
                &$m.body,
                &$m.filename,
                &$m.source,
                $m.info.as_ref().and_then(|i| i.mimetype.clone()),
                $m.info.as_ref().and_then(|i| i.size),
            )
        };
    }
    let (body, filename, source, mime, size) = match message {
        MessageType::Image(m) => parts!(m),
        MessageType::File(m) => parts!(m),
        MessageType::Video(m) => parts!(m),
        MessageType::Audio(m) => parts!(m),
        _ => return None,
    };
    let (name, caption) = match filename {
        Some(f) if f != body => (f.clone(), body.clone()),
        _ => (body.clone(), String::new()),
    };
    Some((
        InboundFile {
            name,
            mime,
            size: size.map(u64::from),
            source: serde_json::to_string(source).ok()?,
            status: FileStatus::Received,
        },
        caption,
    ))
}

/// A message deleted (redacted) in a room: in a relayed pair room, its copies in the other
/// side are deleted too. Queued in the room's lane, after the message it deletes.
pub(super) async fn on_redaction(
    event: OriginalSyncRoomRedactionEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    let (lanes, lane) = (handler.bot.lanes.clone(), room.room_id().to_string());
    in_lane(lanes, lane, "a Matrix redaction", async move {
        let bot = &handler.bot;
        let redacted = event.redacts.clone().or(event.content.redacts.clone());
        if event.sender == bot.own || room.state() != RoomState::Joined {
            return;
        }
        let (Some(redacted), Some(Place::Room(at))) =
            (redacted, bot.place_of(&room, &event.sender).await)
        else {
            return;
        };
        let from = UserRef::new(Platform::Matrix, event.sender.as_str());
        handler
            .app
            .relay_change(
                &at,
                Some(&from),
                redacted.as_str(),
                None,
                event.event_id.as_str(),
            )
            .await;
    })
    .await;
}

/// Queued in the room's lane, as a message is.
pub(super) async fn on_reaction(
    event: OriginalSyncReactionEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    if !handler.bot.first_sight(&event.event_id) {
        return;
    }
    let (lanes, lane) = (handler.bot.lanes.clone(), room.room_id().to_string());
    in_lane(
        lanes,
        lane,
        "a Matrix reaction",
        on_reaction_contained(event, room, handler),
    )
    .await;
}

pub(super) async fn on_reaction_contained(
    event: OriginalSyncReactionEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    let bot = &handler.bot;
    if event.sender == bot.own || room.state() != RoomState::Joined {
        return;
    }
    let relation = &event.content.relates_to;
    let remembered = lock(&bot.prompts).get(&relation.event_id).cloned();
    let prompt = match remembered {
        Some(p) => Some(p),
        // Sent before a restart.
        None => {
            handler
                .app
                .sent_prompt(Platform::Matrix, relation.event_id.as_str())
                .await
        }
    };
    let picked = prompt
        .as_ref()
        .and_then(|p| render::choice_for_reaction(p, &relation.key));
    if let (Some(prompt), Some(value)) = (prompt, picked) {
        let inbound = Inbound {
            from: UserRef::new(Platform::Matrix, event.sender.as_str()),
            place: match bot.place_of(&room, &event.sender).await {
                Some(place) => place,
                // In a room others can read, a reaction answers nothing.
                None => {
                    bot.mark_handled(event.event_id);
                    return;
                }
            },
            content: Content::Picked {
                prompt_ref: prompt.prompt_ref.clone(),
                values: vec![value],
            },
            files: vec![],
        };
        handler
            .app
            .receive_event(
                EventRef::new(Platform::Matrix, event.event_id.as_str()),
                inbound,
            )
            .await;
    }
    bot.mark_handled(event.event_id);
}

pub(super) async fn on_invite(event: StrippedRoomMemberEvent, room: Room, handler: Ctx<Handler>) {
    let bot = &handler.bot;
    if event.state_key != bot.own || room.state() != RoomState::Invited {
        return;
    }
    let is_direct = event.content.is_direct.unwrap_or(false);
    bot.consider_invite(room, event.sender, is_direct);
}

/// A message the bot could not decrypt (keys never arrived): say so instead of going
/// silent, so the person can send it again.
pub(super) async fn on_undecryptable(
    event: OriginalSyncRoomEncryptedEvent,
    room: Room,
    handler: Ctx<Handler>,
) {
    let bot = &handler.bot;
    if event.sender == bot.own || room.state() != RoomState::Joined {
        return;
    }
    warn!(room = %room.room_id(), sender = %event.sender, "could not decrypt a message");
    let place = bot
        .place_of(&room, &event.sender)
        .await
        .unwrap_or_else(|| Place::Room(RoomRef::new(Platform::Matrix, room.room_id().as_str())));
    bot.explain(
        &room,
        place,
        event.event_id,
        &event.sender,
        Text::msg("platform-undecryptable"),
    )
    .await;
}
