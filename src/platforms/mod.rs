//! Chat platforms: each turns its own events into [`crate::chat::Inbound`] messages for
//! [`crate::app::App::receive`], and implements the ports in [`crate::ports`].
//!
//! - `console`: a terminal transport with a plain-line protocol, for trying Tandem and for
//!   scripted tests.
//! - `recording`: a fake that records what the app asked for, for tests.
//! - `matrix`, `discord`: the chat adapters, behind features of the same names.
//! - [`adapter`]: how `tandem run` plugs a chat platform in; [`adapters`] lists them;
//!   [`joined`]: one set of ports for a process serving several.
//! - [`lanes`]: what a platform delivers, handled in order per room and many rooms at once.
//! - What the Matrix and Discord adapters both do is written once, at the end of this
//!   file (`recent_lines`, `lock`): a rule that two platforms share goes there, not in
//!   each.
//!
//! A new platform is a new module here, its entry in [`adapters`], a variant of
//! [`Platform`] and a section of the settings (see [`adapter`] for what each holds);
//! flows, the app and `tandem run` do not change.

pub mod adapter;
pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
pub mod joined;
pub mod lanes;
#[cfg(feature = "matrix")]
pub mod matrix;
pub mod pacing;
pub mod recording;

use crate::domain::Platform;
#[cfg(any(feature = "matrix", feature = "discord"))]
use crate::ports::HistoryLine;
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

/// What [`crate::ports::RoomProvisioner::room_history`] returns, from the lines of a room
/// as a chat server pages back through it (newest first): the `limit` most recent, oldest
/// first.
#[cfg(any(feature = "matrix", feature = "discord"))]
fn recent_lines(mut newest_first: Vec<HistoryLine>, limit: usize) -> Vec<HistoryLine> {
    newest_first.truncate(limit);
    newest_first.reverse();
    newest_first
}

/// A chat bot's lock on its shared maps and sets (known DM rooms, open prompts, events
/// handled, the lanes' queues), for the Matrix and Discord bots alike.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding one of these maps leaves it usable: they are caches.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(all(test, any(feature = "matrix", feature = "discord")))]
mod tests {
    use super::*;

    #[test]
    fn a_rooms_recent_lines_are_the_latest_oldest_first() {
        let line = |text: &str| HistoryLine {
            id: None,
            author: "amina".into(),
            by_bot: false,
            at: chrono::DateTime::default(),
            text: text.into(),
        };
        let texts = |lines: Vec<HistoryLine>| lines.into_iter().map(|l| l.text).collect::<Vec<_>>();
        let paged = vec![line("3"), line("2"), line("1")];
        assert_eq!(texts(recent_lines(paged.clone(), 2)), ["2", "3"]);
        assert_eq!(texts(recent_lines(paged, 10)), ["1", "2", "3"]);
    }
}
