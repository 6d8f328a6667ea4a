//! The Matrix adapter plugged into `tandem run` ([`crate::platforms::adapter`]):
//! [`prepare`] reads the `[matrix]` section and the account's secrets, and connecting is
//! [`MatrixBot::connect`]; the bot is every port and its own [`Connection`], and names
//! its staff rooms ([`Bot`]).
//!
//! What `tandem run` does with a platform is not here but in `cli/run.rs`, the same for
//! every platform; a change to how the Matrix bot connects or serves belongs in
//! `mod.rs`, and this file only maps it onto the seam.

use std::sync::Arc;

use anyhow::Context;
use async_trait::async_trait;

use super::{MatrixBot, MatrixOptions};
use crate::app::App;
use crate::config::Settings;
use crate::domain::{Platform, RoomRef};
use crate::platforms::adapter::{Bot, Connected, Connecting, Connection};

/// The options from the `[matrix]` section and the environment; the future logs in (or
/// restores the session) and joins the configured rooms.
pub fn prepare(settings: &Settings) -> anyhow::Result<Connecting> {
    let matrix = settings.matrix.clone().context("no [matrix] section")?;
    let options = MatrixOptions::new(matrix, &settings.data_dir);
    Ok(Box::pin(async move {
        let matrix = &options.settings;
        tracing::info!(homeserver = %matrix.homeserver_url, user = %matrix.user_id, "connecting to Matrix");
        Ok(Connected::bot(MatrixBot::connect(options).await?))
    }))
}

/// The configured coordinators', moderators' and events rooms, for
/// [`crate::app::AppSettings`].
impl Bot for MatrixBot {
    fn coordinators_room(&self) -> Option<RoomRef> {
        self.coordinators_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }

    fn moderators_room(&self) -> Option<RoomRef> {
        self.moderators_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }

    fn events_room(&self) -> Option<RoomRef> {
        self.events_room
            .as_ref()
            .map(|id| RoomRef::new(Platform::Matrix, id.as_str()))
    }
}

#[async_trait]
impl Connection for MatrixBot {
    async fn serve(self: Arc<Self>, app: App) -> anyhow::Result<()> {
        // The bot's own `serve` (a path, not `self.serve`, which would be this one).
        MatrixBot::serve(&self, app).await
    }

    async fn stop(&self) {
        tracing::info!("stopping after the sync in progress");
        MatrixBot::stop(self);
    }

    fn connected(&self) -> bool {
        self.synced_lately()
    }

    /// Resolved and joined as the settings' rooms are, and known from then on as a staff
    /// or events room (never taken for a DM).
    async fn programme_room(&self, written: &str) -> anyhow::Result<RoomRef> {
        let id = self
            .join_configured(Some(written), None)
            .await?
            .context("a room")?;
        crate::platforms::lock(&self.more_rooms).push(id.clone());
        Ok(RoomRef::new(Platform::Matrix, id.as_str()))
    }
}
