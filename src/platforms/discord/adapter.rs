//! The Discord adapter plugged into `tandem run` ([`crate::platforms::adapter`]):
//! [`prepare`] reads the `[discord]` section and the bot's token, and connecting is
//! [`DiscordBot::connect`]; the bot is every port and its own [`Connection`], and names
//! its staff rooms ([`Bot`]).
//!
//! What `tandem run` does with a platform is not here but in `cli/run.rs`, the same for
//! every platform; a change to how the Discord bot connects or serves belongs in
//! `mod.rs`, and this file only maps it onto the seam.

use std::sync::Arc;

use anyhow::Context;
use async_trait::async_trait;

use super::{DiscordBot, DiscordOptions, channel_ref};
use crate::app::App;
use crate::config::Settings;
use crate::domain::RoomRef;
use crate::platforms::adapter::{Bot, Connected, Connecting, Connection};

/// The options from the `[discord]` section; fails at once without
/// `TANDEM_DISCORD_TOKEN`. The future builds the clients (the gateway connects when the
/// bot is served).
pub fn prepare(settings: &Settings) -> anyhow::Result<Connecting> {
    let discord = settings.discord.clone().context("no [discord] section")?;
    let options = DiscordOptions::from_env(discord, &settings.room_prefix)?;
    Ok(Box::pin(async move {
        tracing::info!(application = options.settings.application_id, guilds = ?options.settings.guild_ids, "connecting to Discord");
        Ok(Connected::bot(DiscordBot::connect(options).await?))
    }))
}

impl Bot for DiscordBot {
    /// The coordinators' channel, as the app names rooms.
    fn coordinators_room(&self) -> Option<RoomRef> {
        self.settings.coordinators_channel.map(channel_ref)
    }

    /// The moderators' channel, as the app names rooms.
    fn moderators_room(&self) -> Option<RoomRef> {
        self.settings.moderators_channel.map(channel_ref)
    }

    /// The events channel, as the app names rooms.
    fn events_room(&self) -> Option<RoomRef> {
        self.settings.events_channel.map(channel_ref)
    }
}

#[async_trait]
impl Connection for DiscordBot {
    async fn serve(self: Arc<Self>, app: App) -> anyhow::Result<()> {
        // The bot's own `serve` (a path, not `self.serve`, which would be this one).
        DiscordBot::serve(&self, app).await
    }

    async fn stop(&self) {
        tracing::info!("closing the Discord connection");
        DiscordBot::stop(self).await;
    }

    /// A channel by its id (the bot is told at once, by the platform, when it cannot post
    /// there: as for the settings' channels).
    async fn programme_room(&self, written: &str) -> anyhow::Result<RoomRef> {
        let id: u64 = written
            .parse()
            .with_context(|| format!("`{written}` is not a channel id"))?;
        Ok(channel_ref(id))
    }

    fn connected(&self) -> bool {
        self.gateway_connected()
    }
}
