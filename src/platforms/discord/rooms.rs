//! Pair rooms on Discord: a private thread (or a private channel) with permission
//! overwrites for the pair and the bot alone, and the checks a port call needs (which
//! server a channel is in, whether it is a thread, unarchiving one).

use super::*;

impl DiscordBot {
    /// The guild a channel belongs to (the first configured guild if it cannot be told).
    pub(super) async fn guild_of(&self, channel: ChannelId) -> Option<GuildId> {
        match channel.to_channel(&self.http).await {
            Ok(found) => found.guild().map(|c| c.guild_id),
            Err(e) => {
                debug!("looking up channel {channel}: {e}");
                self.settings.guild_ids.first().map(|g| GuildId::new(*g))
            }
        }
    }

    /// Threads auto-archive after a week without messages; members cannot be changed in an
    /// archived one.
    pub(super) async fn unarchive(&self, thread: ChannelId) -> Result<(), PortError> {
        thread
            .edit_thread(&self.http, EditThread::new().archived(false))
            .await
            .map(|_| ())
            .map_err(|e| self.port_error(e, None, "unarchive threads (Manage Threads)"))
    }

    /// Adds a person to a pair room or removes them: a thread's member list (the thread
    /// unarchived first, since members cannot be changed in an archived one), or a
    /// channel's permission overwrite for them.
    pub(super) async fn change_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        change: MemberChange,
    ) -> Result<(), PortError> {
        let channel = discord_channel(room)?;
        let user = discord_user(user)?;
        let thread = self.is_thread(channel).await?;
        if thread {
            self.unarchive(channel).await?;
        }
        let http = &self.http;
        let result = match (change, thread) {
            (MemberChange::Add, true) => channel.add_thread_member(http, user).await,
            (MemberChange::Add, false) => {
                let member = member_overwrite(user);
                channel.create_permission(http, member).await
            }
            (MemberChange::Remove, true) => channel.remove_thread_member(http, user).await,
            (MemberChange::Remove, false) => {
                let member = PermissionOverwriteType::Member(user);
                channel.delete_permission(http, member).await
            }
        };
        let doing = match change {
            MemberChange::Add => "add members (Manage Threads / Manage Roles)",
            MemberChange::Remove => "remove members (Manage Threads / Manage Roles)",
        };
        // (With the person: one who left the server cannot be reached.)
        let person = matches!(change, MemberChange::Add).then_some(user);
        result.map_err(|e| self.port_error(e, person, doing))
    }

    /// Whether a room is a thread (pair rooms under `pairs_channel`) or a channel.
    pub(super) async fn is_thread(&self, channel: ChannelId) -> Result<bool, PortError> {
        let found = channel
            .to_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, None, "view the pair room (View Channel)"))?;
        Ok(found.guild().is_some_and(|c| {
            matches!(
                c.kind,
                ChannelType::PrivateThread | ChannelType::PublicThread
            )
        }))
    }

    pub(super) async fn create_pair_thread(
        &self,
        parent: u64,
        spec: &PrivateRoomSpec,
    ) -> Result<ChannelId, PortError> {
        let builder = CreateThread::new(truncate_name(&spec.name))
            .kind(ChannelType::PrivateThread)
            .invitable(false)
            .auto_archive_duration(serenity::all::AutoArchiveDuration::OneWeek);
        let thread = ChannelId::new(parent)
            .create_thread(&self.http, builder)
            .await
            .map_err(|e| {
                self.port_error(
                    e,
                    None,
                    "create private threads (Create Private Threads, Send Messages in Threads)",
                )
            })?;
        for member in &spec.members {
            let user = discord_user(member)?;
            if let Err(e) = thread.id.add_thread_member(&self.http, user).await {
                // A thread without its pair is of no use to anyone: it goes, so that the
                // pair's room is made whole on a retry or the match is recorded without
                // one, never half made.
                if let Err(gone) = thread.id.delete(&self.http).await {
                    tracing::warn!(thread = %thread.id, "deleting a half-made pair thread failed: {gone}");
                }
                return Err(self.port_error(
                    e,
                    Some(user),
                    "add members to threads (Send Messages in Threads)",
                ));
            }
        }
        Ok(thread.id)
    }

    pub(super) async fn create_pair_channel(
        &self,
        category: u64,
        spec: &PrivateRoomSpec,
    ) -> Result<ChannelId, PortError> {
        let category_channel = ChannelId::new(category)
            .to_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, None, "view the pairs category (View Channel)"))?
            .guild()
            .ok_or_else(|| {
                PortError::Other(anyhow!("pairs_category {category} is not in a guild"))
            })?;
        let guild = category_channel.guild_id;
        let own = self
            .own_id
            .get()
            .copied()
            .ok_or_else(|| PortError::Other(anyhow!("not connected to Discord yet")))?;
        let mut overwrites = vec![
            PermissionOverwrite {
                allow: Permissions::empty(),
                deny: Permissions::VIEW_CHANNEL,
                kind: PermissionOverwriteType::Role(RoleId::new(guild.get())),
            },
            // What a member has: Discord refuses Manage Roles in an overwrite unless the bot
            // is an administrator, and its server-wide permissions already cover the rest.
            member_overwrite(own),
        ];
        for member in &spec.members {
            overwrites.push(member_overwrite(discord_user(member)?));
        }
        let channel = guild
            .create_channel(
                &self.http,
                CreateChannel::new(truncate_name(&spec.name))
                    .kind(ChannelType::Text)
                    .category(ChannelId::new(category))
                    .topic(&spec.topic)
                    .permissions(overwrites),
            )
            .await
            .map_err(|e| {
                self.port_error(e, None, "create channels (Manage Channels, Manage Roles)")
            })?;
        Ok(channel.id)
    }
}

/// What [`DiscordBot::change_member`] does to a person in a pair room.
#[derive(Clone, Copy)]
pub(super) enum MemberChange {
    Add,
    Remove,
}

pub(super) fn member_permissions() -> Permissions {
    Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::READ_MESSAGE_HISTORY
}

pub(super) fn member_overwrite(user: UserId) -> PermissionOverwrite {
    PermissionOverwrite {
        allow: member_permissions(),
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(user),
    }
}
