//! Which rooms are what: a DM is a room of the bot and the person alone (a third member
//! makes it a shared room, and anything private moves to a real DM), invitations the bot
//! accepts, the room a port call names, the community's Space new pair rooms join, and
//! creating rooms at the homeserver's pace.
//!
//! A new kind of room (a space, a thread room) is recognised in `place_of`.

use super::*;
use crate::i18n::Text;

impl MatrixBot {
    /// The servers through which a room of the bot's can be reached: its own.
    pub(super) fn via(&self) -> Vec<matrix_sdk::ruma::OwnedServerName> {
        vec![self.own.server_name().to_owned()]
    }

    /// Adds `room` to `space` (its programme's, or the community's, if one is configured:
    /// the room names the Space as its parent from its creation). A failure is only
    /// logged: the pair room exists, and creating it again for the Space's sake would make
    /// a second one.
    pub(super) async fn add_to_space(&self, room: &RoomId, space: Option<&RoomId>) {
        use matrix_sdk::ruma::events::space::child::SpaceChildEventContent;
        let Some(space) = space.and_then(|s| self.client.get_room(s)) else {
            return;
        };
        let child = SpaceChildEventContent::new(self.via());
        if let Err(e) = space.send_state_event_for_key(room, child).await {
            warn!(
                room = %room,
                space = %space.room_id(),
                "could not add the room to the Space (the bot needs the power to): {e}"
            );
        }
    }

    /// Where a message `sender` wrote in `room` was written, as the app sees it; `None`
    /// for a room flagged as direct that has someone else in it: not a DM (see
    /// [`MatrixBot::is_private_with`]), and no ordinary room either.
    pub(super) async fn place_of(&self, room: &Room, sender: &UserId) -> Option<Place> {
        let id = room.room_id();
        let as_room = Place::Room(RoomRef::new(Platform::Matrix, id.as_str()));
        if self.is_configured_room(id) {
            return Some(as_room);
        }
        if lock(&self.dm_rooms).contains(id) || room.is_direct().await.unwrap_or(false) {
            if self.is_private_with(room, sender).await {
                return Some(Place::Dm);
            }
            self.forget_dm_room(id);
            return None;
        }
        Some(as_room)
    }

    /// Whether `id` is a staff or events room of the settings or of a programme.
    pub(super) fn is_configured_room(&self, id: &RoomId) -> bool {
        [
            &self.coordinators_room,
            &self.moderators_room,
            &self.events_room,
        ]
        .into_iter()
        .flatten()
        .any(|r| r == id)
            || lock(&self.more_rooms).iter().any(|r| r == id)
    }

    /// Whether `room` is a private conversation of the bot with `person` alone: everyone
    /// joined or invited is one of the two. A room flagged as direct with a third member
    /// is not: they could read a report, a moderator's question or `my data`.
    pub(super) async fn is_private_with(&self, room: &Room, person: &UserId) -> bool {
        use matrix_sdk::RoomMemberships;
        match room
            .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
            .await
        {
            Ok(members) => only_between(members.iter().map(|m| m.user_id()), &self.own, person),
            Err(e) => {
                warn!(room = %room.room_id(), "reading a room's members failed: {e}");
                false
            }
        }
    }

    pub(super) fn forget_dm_room(&self, room: &RoomId) {
        lock(&self.dm_rooms).remove(room);
        lock(&self.dms).retain(|_, r| r != room);
    }

    /// `sender` wrote in a room flagged as direct that others can read: they are told
    /// there, once and with nothing of what they wrote, that the conversation moves to a
    /// new private DM, and the DM is opened. What they wrote is not acted on.
    pub(super) async fn move_to_private_dm(&self, room: &Room, sender: &UserId) {
        if !lock(&self.moved_to_dm).insert((room.room_id().to_owned(), sender.to_owned())) {
            return;
        }
        let key = IdempotencyKey(format!("matrix-shared-dm-{}-{sender}", room.room_id()));
        let notice = OutMessage::text(self.said(sender, Text::msg("platform-shared-dm")));
        if let Err(e) = self.send(room, &notice, &key).await {
            warn!("telling someone their DM is shared failed: {e}");
        }
        match self.dm_room(sender).await {
            Ok(dm) => {
                let key = IdempotencyKey(format!("matrix-moved-dm-{}-{sender}", room.room_id()));
                let hello = OutMessage::text(self.said(sender, Text::msg("platform-moved-dm")));
                if let Err(e) = self.send(&dm, &hello, &key).await {
                    warn!("greeting someone in their new DM failed: {e}");
                }
            }
            Err(e) => warn!(%sender, "opening a private DM failed: {e}"),
        }
    }

    pub(super) fn remember_dm(&self, user: &UserId, room: &RoomId) {
        lock(&self.dms).insert(user.to_owned(), room.to_owned());
        lock(&self.dm_rooms).insert(room.to_owned());
    }

    /// Joins (with backoff) an invite from an allowed server, or declines it.
    pub(super) fn consider_invite(
        self: &Arc<Self>,
        room: Room,
        inviter: OwnedUserId,
        is_direct: bool,
    ) {
        let server = inviter.server_name().as_str().to_string();
        if !self.allowed_servers.contains(&server) {
            warn!(room = %room.room_id(), %inviter, "declining an invite from a server that is not allowed");
            tokio::spawn(async move {
                if let Err(e) = room.leave().await {
                    warn!(room = %room.room_id(), "declining the invite failed: {e}");
                }
            });
            return;
        }
        let bot = self.clone();
        tokio::spawn(async move {
            // The invite can reach us before the room is ready to be joined.
            let mut backoff = Backoff::new();
            for attempt in 1..=8 {
                match room.join().await {
                    Ok(()) => {
                        info!(room = %room.room_id(), %inviter, "joined on invite");
                        // Direct only if nobody else is (or is invited) in it.
                        if is_direct && bot.is_private_with(&room, &inviter).await {
                            bot.remember_dm(&inviter, room.room_id());
                            if let Err(e) = bot
                                .client
                                .account()
                                .mark_as_dm(room.room_id(), std::slice::from_ref(&inviter))
                                .await
                            {
                                warn!("marking a DM failed: {e}");
                            }
                        }
                        return;
                    }
                    Err(e) => {
                        let wait = backoff.next();
                        debug!(attempt, "joining {} failed ({e}); retrying", room.room_id());
                        tokio::time::sleep(wait).await;
                    }
                }
            }
            warn!(room = %room.room_id(), "gave up joining after 8 attempts");
        });
    }

    /// The DM room with `user`: the known one, the one in `m.direct`, or a new one.
    pub(super) async fn dm_room(&self, user: &UserId) -> Result<Room, PortError> {
        let _one_at_a_time = self.creating_dm.lock().await;
        // A DM that someone else has joined since is not one any more: a new one is made.
        let known = lock(&self.dms).get(user).cloned();
        // Made in appservice mode and not synced yet: waited for, never made twice.
        if let Some(id) = &known
            && self.client.get_room(id).is_none()
            && self.wait_for_room(id).await.is_none()
        {
            return Err(PortError::Other(anyhow!(
                "the DM {id} with {user} has not come through the sync yet"
            )));
        }
        if let Some(room) = known
            .and_then(|id| self.client.get_room(&id))
            .filter(|r| r.state() == RoomState::Joined)
        {
            if self.is_private_with(&room, user).await {
                return Ok(room);
            }
            warn!(%user, room = %room.room_id(), "a DM has other members now; opening a new one");
            self.forget_dm_room(room.room_id());
        }
        if let Some(room) = self.client.get_dm_room(user)
            && room.state() == RoomState::Joined
            && self.is_private_with(&room, user).await
        {
            self.remember_dm(user, room.room_id());
            return Ok(room);
        }
        let room = match &self.appservice {
            Some(appservice) => self.create_dm_as_appservice(appservice, user).await?,
            None => self
                .client
                .create_dm(user)
                .await
                .map_err(|e| refused_or_other(e, user, "opening a DM with"))?,
        };
        info!(%user, room = %room.room_id(), "opened an encrypted DM");
        self.remember_dm(user, room.room_id());
        Ok(room)
    }

    /// In appservice mode: the DM made as the bot with the appservice's token (no room
    /// limit), waited for in the bot's sync, and marked as a DM (`m.direct`), as the
    /// SDK's `create_dm` does.
    async fn create_dm_as_appservice(
        &self,
        appservice: &super::appservice::Appservice,
        user: &UserId,
    ) -> Result<Room, PortError> {
        let mut request = create_room::v3::Request::new();
        request.invite = vec![user.to_owned()];
        request.is_direct = true;
        request.preset = Some(create_room::v3::RoomPreset::TrustedPrivateChat);
        request.initial_state = vec![
            InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any(),
        ];
        let id = appservice
            .create_room(request, &self.own)
            .await
            .map_err(|e| refused_or_other(e.into(), user, "opening a DM with"))?
            .room_id;
        // Remembered at once: a retry waits for this room rather than making another.
        self.remember_dm(user, &id);
        let room = self.wait_for_room(&id).await.ok_or_else(|| {
            PortError::Other(anyhow!(
                "the new DM {id} with {user} has not come through the sync yet"
            ))
        })?;
        if let Err(e) = self
            .client
            .account()
            .mark_as_dm(&id, &[user.to_owned()])
            .await
        {
            warn!(%user, room = %id, "marking the DM as direct failed: {e}");
        }
        Ok(room)
    }

    /// The room `id` once the bot's sync brings it (the creator is in it at once), waited
    /// for at most 15 s while the bot syncs; `None` if it did not come.
    pub(super) async fn wait_for_room(&self, id: &RoomId) -> Option<Room> {
        if self.synced_lately() {
            let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
            while self.client.get_room(id).is_none() && tokio::time::Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        self.client.get_room(id)
    }

    pub(super) fn room(&self, room: &RoomRef) -> Result<Room, PortError> {
        let id = RoomId::parse(&room.id)
            .map_err(|e| PortError::Other(anyhow!("`{}` is not a room id: {e}", room.id)))?;
        self.client
            .get_room(&id)
            .ok_or_else(|| PortError::Other(anyhow!("the bot is not in room {}", room.id)))
    }
}

/// Whether everyone in `members` is the bot or `person`, and `person` is there: a
/// private conversation of the two.
pub(super) fn only_between<'a>(
    members: impl IntoIterator<Item = &'a UserId>,
    bot: &UserId,
    person: &UserId,
) -> bool {
    let mut with_person = false;
    for member in members {
        if member == person {
            with_person = true;
        } else if member != bot {
            return false;
        }
    }
    with_person
}

impl MatrixBot {
    /// The homeserver's refusals met creating rooms so far (its 429s).
    pub fn room_refusals(&self) -> u64 {
        lock(&self.room_pacer).refusals()
    }

    /// Creates a room at the homeserver's pace (`platforms::pacing`): one at a time, and,
    /// once the server has refused one for going too fast, in slots as far apart as it
    /// asked; an action whose slot is later is answered [`PortError::Paced`], for the
    /// outbox to bring back then. So a batch of pair rooms meets about one refusal, not
    /// one per room, and nothing is held while it waits.
    pub(super) async fn create_paced(
        &self,
        request: create_room::v3::Request,
        key: &IdempotencyKey,
        name: &str,
    ) -> Result<OwnedRoomId, PortError> {
        use matrix_sdk::config::RequestConfig;
        use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};
        let paced = |at: std::time::Instant| {
            let wait = at.saturating_duration_since(std::time::Instant::now());
            PortError::Paced(
                chrono::Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default(),
            )
        };
        let (sent, sent_at) = {
            // One at a time (the pacer is asked under the same lock, so that rooms
            // waiting only for the one being made wait here, not in the outbox).
            let _one_at_a_time = self.creating_room.lock().await;
            if let Some(at) = lock(&self.room_pacer).slot(&key.0, std::time::Instant::now()) {
                return Err(paced(at));
            }
            let sent_at = std::time::Instant::now();
            let sent = match &self.appservice {
                // As the bot, with the appservice's token: no client rate limits.
                Some(appservice) => appservice.create_room(request, &self.own).await,
                // Once: a refusal is the pacer's to answer, not the client's to retry.
                None => {
                    self.client
                        .send(request)
                        .with_request_config(RequestConfig::new().retry_limit(1))
                        .await
                }
            };
            (sent, sent_at)
        };
        let response = match sent {
            Ok(response) => response,
            Err(e) => {
                if let Some(ErrorKind::LimitExceeded(limit)) = e.client_api_error_kind() {
                    metrics::counter!("tandem_platform_429_total", "platform" => "matrix")
                        .increment(1);
                    let wait = match &limit.retry_after {
                        Some(RetryAfter::Delay(d)) => *d,
                        Some(RetryAfter::DateTime(at)) => at
                            .duration_since(std::time::SystemTime::now())
                            .unwrap_or_default(),
                        // No wait given: the server's stock limit for rooms.
                        None => Duration::from_secs(60),
                    };
                    let at = lock(&self.room_pacer).refused(&key.0, sent_at, wait);
                    info!(%name, wait_s = wait.as_secs_f32(), "the homeserver asks to create rooms more slowly; pacing");
                    return Err(paced(at));
                }
                lock(&self.room_pacer).failed(&key.0);
                return Err(PortError::Other(anyhow!("creating the room `{name}`: {e}")));
            }
        };
        lock(&self.room_pacer).went(&key.0, sent_at);
        let room = response.room_id;
        // Waited for, so that the kickoff is sent into a room the client knows, encrypted.
        self.wait_for_room(&room).await;
        Ok(room)
    }
}
