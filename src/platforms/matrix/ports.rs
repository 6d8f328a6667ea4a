//! The ports Matrix implements for the app: DMs (a private room with the person alone),
//! room posts, pair rooms (encrypted, invite-only, with power levels that keep the bot in
//! charge), their history, invitations, read-only and removal, and a person's names.
//!
//! A new port method is one more method in the matching `impl` here.

use super::*;
use crate::i18n::Text;
use matrix_sdk::ruma::events::space::parent::SpaceParentEventContent;

#[async_trait]
impl DirectMessenger for MatrixBot {
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let user = matrix_user(to)?;
        let room = self.dm_room(&user).await?;
        self.send(&room, message, key).await
    }

    /// Whether the person is joined to the group's room with at least its power level,
    /// as the bot's copy of the room has it (kept by the sync that also brings the
    /// person's command, so a level lowered before the command was sent counts). The bot
    /// must be in the room; an alias is resolved each time.
    async fn holds(&self, user: &UserRef, group: &StaffGroup) -> Result<bool, PortError> {
        use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
        let StaffGroup::MatrixRoom { room, level } = group else {
            return Ok(false);
        };
        let id = matrix_user(user)?;
        let room_id: OwnedRoomId = if room.starts_with('#') {
            let alias = RoomAliasId::parse(room.as_str())
                .map_err(|e| anyhow!("`{room}` is not a room alias: {e}"))?;
            self.client
                .resolve_room_alias(&alias)
                .await
                .map_err(|e| anyhow!("resolving {room}: {e}"))?
                .room_id
        } else {
            RoomId::parse(room.as_str()).map_err(|e| anyhow!("`{room}` is not a room id: {e}"))?
        };
        let Some(joined) = self
            .client
            .get_room(&room_id)
            .filter(|r| r.state() == RoomState::Joined)
        else {
            return Err(PortError::Other(anyhow!(
                "the bot is not in {room}, so it cannot see who is staff there: invite it"
            )));
        };
        let member = joined
            .get_member(&id)
            .await
            .map_err(|e| anyhow!("reading {id} in {room}: {e}"))?;
        Ok(member.is_some_and(|m| {
            *m.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
                // A room creator's power (room version 12 on) is above every level.
                && Int::new(*level).is_some_and(|l| m.power_level() >= UserPowerLevel::Int(l))
        }))
    }

    /// The display name of the person's profile, and the one they have in the
    /// moderators' room (a member may take a name per room). Either one alone is enough;
    /// only when neither can be read is it an error.
    async fn display_names(&self, user: &UserRef) -> Result<Vec<String>, PortError> {
        use matrix_sdk::ruma::api::client::profile::DisplayName;
        use matrix_sdk::ruma::api::error::ErrorKind;
        let id = matrix_user(user)?;
        let mut names = Vec::new();
        let mut failed = None;
        match self
            .client
            .account()
            .fetch_profile_field_of_static::<DisplayName>(id.clone())
            .await
        {
            Ok(name) => names.extend(name),
            // How a homeserver says the profile has no display name.
            Err(e) if e.client_api_error_kind() == Some(&ErrorKind::NotFound) => {}
            Err(e) => failed = Some(refused_or_other(e, &id, "reading the profile of")),
        }
        if let Some(room) = self
            .moderators_room
            .as_ref()
            .and_then(|r| self.client.get_room(r))
        {
            match room.get_member(&id).await {
                Ok(member) => {
                    names.extend(member.and_then(|m| m.display_name().map(str::to_string)))
                }
                Err(e) => {
                    failed.get_or_insert(PortError::Other(anyhow!(
                        "reading {id} in the moderators' room: {e}"
                    )));
                }
            }
        }
        match failed {
            Some(e) if names.is_empty() => Err(e),
            Some(e) => {
                warn!("some of the names {id} goes by could not be read: {e}");
                Ok(names)
            }
            None => Ok(names),
        }
    }

    /// Downloads (and, for an encrypted room, decrypts) a file someone sent. The media
    /// API has no partial reads, so the size is checked on the whole file; the declared
    /// size has already kept out the files too large to bother with.
    async fn fetch_file(
        &self,
        _from: &UserRef,
        file: &InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        let source: matrix_sdk::ruma::events::room::MediaSource =
            serde_json::from_str(&file.source)
                .map_err(|e| anyhow::anyhow!("a file's media source does not parse: {e}"))?;
        let request = matrix_sdk::media::MediaRequestParameters {
            source,
            format: matrix_sdk::media::MediaFormat::File,
        };
        let data = self
            .client
            .media()
            .get_media_content(&request, false)
            .await
            .map_err(|e| anyhow::anyhow!("downloading a file: {e}"))?;
        if data.len() as u64 > max_bytes {
            return Err(PortError::TooLarge(max_bytes));
        }
        Ok(data)
    }
}

#[async_trait]
impl RoomMessenger for MatrixBot {
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let room = self.room(room)?;
        self.send(&room, message, key).await
    }

    /// An `m.replace` edit of the bot's own message (clients show the new text in place).
    async fn edit_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        use matrix_sdk::ruma::events::room::message::ReplacementMetadata;
        let room = self.room(room)?;
        let original = OwnedEventId::try_from(id)
            .map_err(|e| PortError::Impossible(format!("`{id}` is not an event id: {e}")))?;
        let content = RoomMessageEventContentWithoutRelation::new(render::content(message).msgtype)
            .make_replacement(ReplacementMetadata::new(original, None));
        room.send(content)
            .with_transaction_id(OwnedTransactionId::from(render::transaction_id(key)))
            .await
            .map_err(|e| PortError::Other(anyhow!("editing in {}: {e}", room.room_id())))?;
        Ok(())
    }

    /// A redaction of the bot's own message.
    async fn delete_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let room = self.room(room)?;
        let event = OwnedEventId::try_from(id)
            .map_err(|e| PortError::Impossible(format!("`{id}` is not an event id: {e}")))?;
        room.redact(
            &event,
            Some("deleted by its author in the other side of the pair room"),
            Some(OwnedTransactionId::from(render::transaction_id(key))),
        )
        .await
        .map_err(|e| PortError::Other(anyhow!("deleting in {}: {e}", room.room_id())))?;
        Ok(())
    }
}

/// Power levels for a pair room: members may talk, only the bot (the creator, with the
/// implicit top power of room version 12, or 100 by the preset on older versions) may
/// invite, kick, or change the room.
fn pair_room_power_levels() -> create_room::RoomPowerLevelsContentOverride {
    let mut levels = create_room::RoomPowerLevelsContentOverride::new();
    levels.users_default = Some(Int::from(0));
    levels.events_default = Some(Int::from(0));
    levels.state_default = Some(Int::from(100));
    levels.invite = Some(Int::from(100));
    levels.kick = Some(Int::from(100));
    levels.ban = Some(Int::from(100));
    levels.redact = Some(Int::from(100));
    levels
}

#[async_trait]
impl RoomProvisioner for MatrixBot {
    /// Pages back through the room (decrypted with the bot's keys: it has been a member
    /// since it made the room), keeping text messages; oldest first.
    async fn room_history(
        &self,
        room: &RoomRef,
        limit: usize,
    ) -> Result<Vec<crate::ports::HistoryLine>, PortError> {
        use matrix_sdk::room::MessagesOptions;
        use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
        let room = self.room(room)?;
        let mut lines = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let page = room
                .messages(MessagesOptions::backward().from(from.as_deref()))
                .await
                .map_err(|e| PortError::Other(anyhow!("reading {}: {e}", room.room_id())))?;
            for event in &page.chunk {
                if let Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                    message,
                ))) = event.raw().deserialize()
                    && let Some(original) = message.as_original()
                {
                    let at = chrono::DateTime::from_timestamp_millis(i64::from(
                        original.origin_server_ts.get(),
                    ))
                    .unwrap_or_default();
                    lines.push(crate::ports::HistoryLine {
                        id: Some(original.event_id.to_string()),
                        author: original.sender.to_string(),
                        by_bot: original.sender == self.own,
                        at,
                        text: original.content.body().to_string(),
                    });
                }
            }
            match page.end {
                Some(end) if !page.chunk.is_empty() && lines.len() < limit => from = Some(end),
                _ => break,
            }
        }
        Ok(recent_lines(lines, limit))
    }

    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        let members = spec
            .members
            .iter()
            .map(matrix_user)
            .collect::<Result<Vec<_>, _>>()?;
        let mut initial_state = vec![
            InitialStateEvent::with_empty_state_key(
                RoomEncryptionEventContent::with_recommended_defaults(),
            )
            .to_raw_any(),
            InitialStateEvent::with_empty_state_key(RoomHistoryVisibilityEventContent::new(
                HistoryVisibility::Shared,
            ))
            .to_raw_any(),
        ];
        // The programme's own Space, else the community's.
        let programme_space = match spec.home.as_ref().and_then(|h| h.parent.as_ref()) {
            Some(space) => Some(
                RoomId::parse(&space.id)
                    .map_err(|e| PortError::Other(anyhow!("the Space `{}`: {e}", space.id)))?,
            ),
            None => None,
        };
        let space = programme_space.as_ref().or(self.space.as_ref());
        if let Some(space) = space {
            initial_state.push(
                InitialStateEvent::new(space.clone(), SpaceParentEventContent::new(self.via()))
                    .to_raw_any(),
            );
        }
        let mut request = create_room::v3::Request::new();
        request.name = Some(spec.name.clone());
        request.topic = Some(spec.topic.clone());
        request.invite = members;
        request.preset = Some(create_room::v3::RoomPreset::PrivateChat);
        request.initial_state = initial_state;
        request.power_level_content_override = Some(
            Raw::new(&pair_room_power_levels())
                .map_err(|e| PortError::Other(anyhow!("encoding power levels: {e}")))?,
        );
        let room = self.create_paced(request, key, &spec.name).await?;
        info!(room = %room, name = %spec.name, "created a private room");
        self.add_to_space(&room, space.map(|s| &**s)).await;
        Ok(RoomRef::new(Platform::Matrix, room.as_str()))
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let user = matrix_user(user)?;
        let room = self.room(room)?;
        room.invite_user_by_id(&user)
            .await
            .map_err(|e| refused_or_other(e, &user, "inviting"))
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let room = self.room(room)?;
        let changes = RoomPowerLevelChanges {
            events_default: Some(if read_only { 100 } else { 0 }),
            ..Default::default()
        };
        room.apply_power_level_changes(changes)
            .await
            .map_err(|e| PortError::Other(anyhow!("changing who may write: {e}")))
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let user = matrix_user(user)?;
        let room = self.room(room)?;
        let reason = match self.app.get() {
            Some(app) => app.said_in_rooms(&Text::msg("platform-removed")),
            None => Text::msg("platform-removed").english(),
        };
        room.kick_user(&user, Some(&reason))
            .await
            .map_err(|e| PortError::Other(anyhow!("removing {user}: {e}")))
    }
}
