//! The Discord adapter plugged into `tandem run` ([`crate::platforms::adapter`]):
//! [`prepare`] reads the `[discord]` section and the bot's token, and connecting is
//! [`DiscordBot::connect`]; the bot is every port and its own [`Connection`].
//!
//! What `tandem run` does with a platform is not here but in `cli/run.rs`, the same for
//! every platform; a change to how the Discord bot connects or serves belongs in
//! `mod.rs`, and this file only maps it onto the seam.

use std::sync::Arc;

use anyhow::Context;
use async_trait::async_trait;

use super::{DiscordBot, DiscordOptions};
use crate::app::App;
use crate::config::Settings;
use crate::platforms::adapter::{Connected, Connecting, Connection, StaffRooms};

/// The options from the `[discord]` section; fails at once without
/// `TANDEM_DISCORD_TOKEN`. The future builds the clients (the gateway connects when the
/// bot is served).
pub fn prepare(settings: &Settings) -> anyhow::Result<Connecting> {
    let discord = settings.discord.clone().context("no [discord] section")?;
    let options = DiscordOptions::from_env(discord, &settings.room_prefix)?;
    Ok(Box::pin(async move {
        tracing::info!(application = options.settings.application_id, guilds = ?options.settings.guild_ids, "connecting to Discord");
        let bot = DiscordBot::connect(options).await?;
        let rooms = StaffRooms {
            coordinators: bot.coordinators_room(),
            moderators: bot.moderators_room(),
            events: bot.events_room(),
        };
        Ok(Connected::bot(bot, rooms))
    }))
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
}
