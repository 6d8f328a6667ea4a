//! Chat platforms: each turns its own events into [`crate::chat::Inbound`] messages for
//! [`crate::app::App::receive`], and implements the ports in [`crate::ports`].
//!
//! - `console`: a terminal transport with a plain-line protocol, for trying Tandem and for
//!   scripted tests.
//! - `recording`: a fake that records what the app asked for, for tests.
//! - `matrix`, `discord`: the chat adapters, behind features of the same names.
//! - [`adapter`]: how `tandem run` plugs a chat platform in; [`adapters`] lists them.
//!
//! A new platform is a new module here, its entry in [`adapters`], a variant of
//! [`Platform`] and a section of the settings (see [`adapter`] for what each holds);
//! flows, the app and `tandem run` do not change.

pub mod adapter;
pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;
pub mod recording;

use crate::domain::Platform;
use adapter::Adapter;

/// The chat platforms `tandem run` can serve, in the order its messages name them. Each
/// is listed in every build, so that a build without one can say so when its section is
/// configured.
pub fn adapters() -> Vec<Adapter> {
    vec![
        Adapter {
            platform: Platform::Matrix,
            name: "Matrix",
            section: "[matrix]",
            needs: "homeserver_url, user_id; password in TANDEM_MATRIX_PASSWORD",
            coordinators_key: "[matrix] coordinators_room",
            feature: "matrix",
            configured: |settings| settings.matrix.is_some(),
            #[cfg(feature = "matrix")]
            prepare: Some(Box::new(matrix::adapter::prepare)),
            #[cfg(not(feature = "matrix"))]
            prepare: None,
        },
        Adapter {
            platform: Platform::Discord,
            name: "Discord",
            section: "[discord]",
            needs: "guild_ids; token in TANDEM_DISCORD_TOKEN",
            coordinators_key: "[discord] coordinators_channel",
            feature: "discord",
            configured: |settings| settings.discord.is_some(),
            #[cfg(feature = "discord")]
            prepare: Some(Box::new(discord::adapter::prepare)),
            #[cfg(not(feature = "discord"))]
            prepare: None,
        },
    ]
}
