//! The ports Discord implements for the app: DMs (a DM channel opened once per person),
//! channel posts and scheduled events, pair rooms (private threads or channels), their
//! history, invitations, archiving, read-only and removal, and a person's names.
//!
//! A new port method is one more method in the matching `impl` here.

use super::rooms::{MemberChange, member_overwrite};
use super::*;

#[async_trait]
impl DirectMessenger for DiscordBot {
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let user = discord_user(to)?;
        let channel = self.dm_channel(user).await?;
        self.send(channel, message, key, Some(user)).await
    }

    /// Whether the person, a member of the group's server, holds its role now (read from
    /// Discord each time: no cache to lag behind a role taken away). Reading one member
    /// needs no privileged intent.
    async fn holds(&self, user: &UserRef, group: &StaffGroup) -> Result<bool, PortError> {
        let StaffGroup::DiscordRole { guild, role } = group else {
            return Ok(false);
        };
        let id = discord_user(user)?;
        let (Ok(guild), Ok(role)) = (guild.parse::<u64>(), role.parse::<u64>()) else {
            return Ok(false);
        };
        match self.http.get_member(GuildId::new(guild), id).await {
            Ok(member) => Ok(member.roles.contains(&RoleId::new(role))),
            Err(e) if json_code(&e) == Some(UNKNOWN_MEMBER) => Ok(false),
            Err(e) => Err(PortError::Other(anyhow!(
                "reading the roles of {user}: {}",
                explain_error(&e, "read members")
            ))),
        }
    }

    /// The person's user name, their display name (`global_name`), and their nickname in
    /// each configured server. Reading a single member needs no privileged intent.
    async fn display_names(&self, user: &UserRef) -> Result<Vec<String>, PortError> {
        let id = discord_user(user)?;
        let found = self
            .http
            .get_user(id)
            .await
            .map_err(|e| anyhow!("looking up {user}: {}", explain_error(&e, "read users")))?;
        let mut names = vec![found.name];
        names.extend(found.global_name);
        for guild in &self.settings.guild_ids {
            match self.http.get_member(GuildId::new(*guild), id).await {
                Ok(member) => names.extend(member.nick),
                Err(e) if json_code(&e) == Some(UNKNOWN_MEMBER) => {}
                // The names found so far still count.
                Err(e) => warn!(
                    "could not read the nickname of {user} in server {guild}: {}",
                    explain_error(&e, "read members")
                ),
            }
        }
        // A display name is often the user name again.
        let mut unique: Vec<String> = Vec::new();
        for name in names {
            if !unique.contains(&name) {
                unique.push(name);
            }
        }
        Ok(unique)
    }

    /// Downloads an attachment from Discord's CDN (its URL is signed and expires within
    /// a day, which is why the app keeps the file itself), stopping past `max_bytes`.
    async fn fetch_file(
        &self,
        _from: &UserRef,
        file: &InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        let too_large = || PortError::TooLarge(max_bytes);
        let response = self
            .files
            .get(&file.source)
            .send()
            .await
            .map_err(|e| anyhow!("downloading an attachment: {e}"))?;
        // Deleted, or its link expired: asking again will not bring it back.
        if matches!(response.status().as_u16(), 403 | 404) {
            return Err(PortError::Impossible(
                "it is no longer available on Discord".into(),
            ));
        }
        let mut response = response
            .error_for_status()
            .map_err(|e| anyhow!("downloading an attachment: {e}"))?;
        if response.content_length().is_some_and(|n| n > max_bytes) {
            return Err(too_large());
        }
        let mut data = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| anyhow!("downloading an attachment: {e}"))?
        {
            data.extend_from_slice(&chunk);
            if data.len() as u64 > max_bytes {
                return Err(too_large());
            }
        }
        Ok(data)
    }
}

/// A message id as Discord gives it.
fn discord_message(id: &str) -> Result<MessageId, PortError> {
    id.parse::<u64>()
        .ok()
        .filter(|n| *n != 0)
        .map(MessageId::new)
        .ok_or_else(|| PortError::Impossible(format!("`{id}` is not a Discord message id")))
}

#[async_trait]
impl RoomMessenger for DiscordBot {
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.send(discord_channel(room)?, message, key, None).await
    }

    async fn edit_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        message: &OutMessage,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let id = discord_message(id)?;
        // A copy is one message: its text, cut to what a message holds.
        let text: String = message.text.chars().take(2000).collect();
        discord_channel(room)?
            .edit_message(&self.http, id, EditMessage::new().content(text))
            .await
            .map_err(|e| self.port_error(e, None, "edit its messages (Send Messages)"))?;
        Ok(())
    }

    async fn delete_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let id = discord_message(id)?;
        match discord_channel(room)?.delete_message(&self.http, id).await {
            Ok(()) => Ok(()),
            // Already gone (a retry after the deletion went through).
            Err(serenity::Error::Http(e))
                if e.status_code() == Some(serenity::all::StatusCode::NOT_FOUND) =>
            {
                Ok(())
            }
            Err(e) => Err(self.port_error(e, None, "delete its messages")),
        }
    }

    /// A native scheduled event (External, its location a link to the announcement's
    /// channel), so the session shows in the server's event list and calendar.
    async fn publish_event(&self, event: &EventRecord) -> Result<Option<String>, PortError> {
        let channel = discord_channel(&event.room)?;
        let Some(guild) = self.guild_of(channel).await else {
            return Ok(None);
        };
        let end = event.starts_at + chrono::Duration::minutes(i64::from(event.duration_minutes));
        let mut builder = CreateScheduledEvent::new(
            ScheduledEventType::External,
            event.title.chars().take(100).collect::<String>(),
            Timestamp::from(event.starts_at),
        )
        .end_time(Timestamp::from(end))
        .location(format!("https://discord.com/channels/{guild}/{channel}"));
        if !event.description.is_empty() {
            builder = builder.description(event.description.chars().take(1000).collect::<String>());
        }
        let created = guild
            .create_scheduled_event(&self.http, builder)
            .await
            .map_err(|e| self.port_error(e, None, "create events (Create Events)"))?;
        Ok(Some(format!("{guild}/{}", created.id)))
    }

    async fn cancel_event(&self, event: &EventRecord) -> Result<(), PortError> {
        let Some((guild, id)) = event.external_id.as_deref().and_then(external_event) else {
            return Ok(());
        };
        guild
            .edit_scheduled_event(
                &self.http,
                ScheduledEventId::new(id),
                EditScheduledEvent::new().status(ScheduledEventStatus::Canceled),
            )
            .await
            .map(|_| ())
            .map_err(|e| self.port_error(e, None, "manage events (Manage Events)"))
    }
}

/// A Discord scheduled event's id, as kept with the session: `guild/event`.
fn external_event(id: &str) -> Option<(GuildId, u64)> {
    let (guild, event) = id.split_once('/')?;
    Some((GuildId::new(guild.parse().ok()?), event.parse().ok()?))
}

#[async_trait]
impl RoomProvisioner for DiscordBot {
    /// Pages back through the thread or channel, oldest first. Discord gives the bot other
    /// people's words only with the Message Content intent; without it their messages come
    /// empty, and the transcript says so rather than leaving them out.
    async fn room_history(
        &self,
        room: &RoomRef,
        limit: usize,
    ) -> Result<Vec<crate::ports::HistoryLine>, PortError> {
        let channel = discord_channel(room)?;
        let mut lines = Vec::new();
        let mut before: Option<MessageId> = None;
        loop {
            let mut request = serenity::builder::GetMessages::new().limit(100);
            if let Some(b) = before {
                request = request.before(b);
            }
            let page = channel.messages(&self.http, request).await.map_err(|e| {
                self.port_error(e, None, "read message history (Read Message History)")
            })?;
            let full = page.len() == 100;
            let own = self.own_id.get().copied();
            for m in &page {
                lines.push(crate::ports::HistoryLine {
                    id: Some(m.id.to_string()),
                    author: m.author.global_name.clone().unwrap_or_else(|| m.author.name.clone()),
                    by_bot: m.author.bot || Some(m.author.id) == own,
                    at: chrono::DateTime::from_timestamp(m.timestamp.unix_timestamp(), 0)
                        .unwrap_or_default(),
                    text: if m.content.is_empty() && m.attachments.is_empty() {
                        "(this message's text is not available to the bot: enable the Message Content intent)".into()
                    } else if m.content.is_empty() {
                        format!("(a file: {})", m.attachments.iter().map(|a| a.filename.as_str()).collect::<Vec<_>>().join(", "))
                    } else {
                        m.content.clone()
                    },
                });
            }
            before = page.last().map(|m| m.id);
            if !full || lines.len() >= limit {
                break;
            }
        }
        Ok(recent_lines(lines, limit))
    }

    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        _key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        // The programme's own place, else the settings'.
        let id = |room: &Option<RoomRef>| {
            room.as_ref()
                .map(|r| discord_channel(r).map(|c| c.get()))
                .transpose()
        };
        // A programme naming only its channel keeps the settings' category for when a
        // thread cannot be made; one naming a category wants its pairs there alone.
        let (parent, category) = match &spec.home {
            Some(home) => {
                let parent = id(&home.parent)?;
                let category = id(&home.category)?;
                let fallback = parent.and(self.settings.pairs_category);
                (parent, category.or(fallback))
            }
            None => (self.settings.pairs_channel, self.settings.pairs_category),
        };
        let created = match (parent, category) {
            (Some(parent), category) => match self.create_pair_thread(parent, spec).await {
                Err(e) if category.is_some() => {
                    warn!("creating a pair thread failed ({e}); using a private channel");
                    self.create_pair_channel(category.unwrap_or_default(), spec)
                        .await?
                }
                other => other?,
            },
            (None, Some(category)) => self.create_pair_channel(category, spec).await?,
            (None, None) => {
                return Err(PortError::Other(anyhow!(
                    "no pairs_channel or pairs_category in [discord]"
                )));
            }
        };
        Ok(channel_ref(created.get()))
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.change_member(room, user, MemberChange::Add).await
    }

    async fn archive_room(&self, room: &RoomRef, key: &IdempotencyKey) -> Result<(), PortError> {
        let channel = discord_channel(room)?;
        if self.is_thread(channel).await? {
            // Locked first (a locked thread can't be reopened by its members), then
            // archived: it leaves the channel's list but stays readable.
            self.set_read_only(room, true, key).await?;
            channel
                .edit_thread(&self.http, EditThread::new().archived(true).locked(true))
                .await
                .map(|_| ())
                .map_err(|e| self.port_error(e, None, "archive threads (Manage Threads)"))
        } else {
            self.set_read_only(room, true, key).await
        }
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let channel = discord_channel(room)?;
        if self.is_thread(channel).await? {
            // A quiet pair's thread may have auto-archived: unarchive in the same edit.
            channel
                .edit_thread(
                    &self.http,
                    EditThread::new().archived(false).locked(read_only),
                )
                .await
                .map(|_| ())
                .map_err(|e| self.port_error(e, None, "lock threads (Manage Threads)"))
        } else {
            // Every member's own overwrite: deny Send Messages while frozen.
            let found = channel
                .to_channel(&self.http)
                .await
                .map_err(|e| self.port_error(e, None, "view the pair room (View Channel)"))?;
            let own = self.own_id.get().copied();
            let members: Vec<UserId> = found
                .guild()
                .map(|c| c.permission_overwrites)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|o| match o.kind {
                    PermissionOverwriteType::Member(u) if Some(u) != own => Some(u),
                    _ => None,
                })
                .collect();
            for user in members {
                let mut overwrite = member_overwrite(user);
                if read_only {
                    overwrite.allow.remove(Permissions::SEND_MESSAGES);
                    overwrite.deny = Permissions::SEND_MESSAGES;
                }
                channel
                    .create_permission(&self.http, overwrite)
                    .await
                    .map_err(|e| self.port_error(e, None, "edit permissions (Manage Roles)"))?;
            }
            Ok(())
        }
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        _key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.change_member(room, user, MemberChange::Remove).await
    }
}
