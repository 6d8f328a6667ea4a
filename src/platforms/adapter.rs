//! Chat platforms as plug-ins for `tandem run`: what the command needs to know about a
//! platform, and what a platform gives it once connected.
//!
//! `tandem run` ([`crate::cli::run`]) is one path for every platform. It picks the
//! [`Adapter`]s whose settings sections are present (one or several: one process may
//! serve Matrix and Discord at once), checks the case key, opens the database, calls each
//! [`Adapter::prepare`] (what connecting needs from the settings and the environment,
//! such as a token, is checked here, before the leases are waited for), waits for every
//! platform's lease, awaits the returned futures to connect, and gets back from each
//! [`Connected`]: the ports the app sends through (joined across platforms by
//! [`super::joined`]), the staff rooms, and a [`Connection`] whose serve loop feeds the
//! app (catching up on what was missed) until it is stopped.
//!
//! Why two shapes. The description, [`Adapter`], is a struct of plain values and
//! functions, not a trait object: it must exist in a build without the platform's cargo
//! feature, to name the section in `tandem run`'s help and to say the build lacks the
//! platform, when the platform's module (and any type in it) is compiled out; and a
//! platform has no state before it connects. `prepare` is a boxed closure, not a `fn`, so
//! that a plug-in may carry state in (the recording fake carries its record and inbox).
//! The connected bot does have state, shared by the app's ports and by the task that
//! stops it on Ctrl-C, and async methods: that part is a trait, [`Connection`].
//!
//! The platforms this version knows are listed in [`super::adapters`]; the Matrix and
//! Discord ones are in `matrix/adapter.rs` and `discord/adapter.rs`, and the recording
//! fake plugs in the same way ([`super::recording::Recording::adapter`]), which is how
//! the tests drive `tandem run`'s path without a chat server.
//!
//! A real third platform, say IRC, would add:
//! - a `Platform::Irc` variant (`domain/ids.rs`), which names its people, rooms, jobs,
//!   acts and lease, and lets `parse_user_ref` read `irc:nick` in the settings; and, next
//!   to it, the form of its room ids (`RoomRef::from_written`), for a room a person names
//!   in a command;
//! - an `[irc]` section: `IrcSettings` with its `problems()` and a field of `Settings`
//!   (`config/settings.rs`), so that `Settings::load` and `tandem check-config` read it
//!   with file, line and key in their errors, in every build;
//! - `src/platforms/irc/`: the client (connect, join the channels, turn PRIVMSGs into
//!   [`crate::chat::Inbound`]), the ports (DMs as PRIVMSG to a nick, pair rooms as
//!   invite-only channels, a `PortError` for what IRC cannot do), and `adapter.rs` with
//!   its `prepare` (read `TANDEM_IRC_PASSWORD`, return the connecting future), its
//!   [`Connection`] (serve: the read loop; stop: QUIT) and its [`Bot`] (the staff
//!   channels its section names);
//! - an `irc` cargo feature if it pulls in a client crate, and its entry in
//!   [`super::adapters`].
//!
//! Nothing in the app, the flows or `tandem run` would change.

use std::sync::Arc;

use async_trait::async_trait;
use futures_util::future::BoxFuture;

use crate::app::{App, Ports};
use crate::config::Settings;
use crate::domain::{Platform, RoomRef};
use crate::ports::{DirectMessenger, RoomMessenger, RoomProvisioner};

/// A chat platform as `tandem run` sees it before connecting: its settings section and
/// how to connect.
pub struct Adapter {
    /// Names the platform's people and rooms, and the jobs, acts and lease this process
    /// takes on when it serves it.
    pub platform: Platform,
    /// The platform as messages name it: `Matrix`.
    pub name: &'static str,
    /// Its settings section, as written in the file: `[matrix]`.
    pub section: &'static str,
    /// What goes in the section, and which secrets the environment holds, for the
    /// message `tandem run` gives when no platform is configured.
    pub needs: &'static str,
    /// The setting naming the coordinators' room, for the warning when it is unset:
    /// `[matrix] coordinators_room`.
    pub coordinators_key: &'static str,
    /// The cargo feature that builds the platform in: `matrix`.
    pub feature: &'static str,
    /// Whether the settings have the platform's section.
    pub configured: fn(&Settings) -> bool,
    /// Reads what connecting needs; `None` in a build without the platform's feature.
    pub prepare: Option<Prepare>,
}

/// Reads what connecting needs from the settings and the environment, failing at once on
/// what is missing, and returns the future that connects. A future does nothing until
/// awaited: `tandem run` awaits it only once it holds the platform's lease.
pub type Prepare = Box<dyn Fn(&Settings) -> anyhow::Result<Connecting> + Send + Sync>;

/// Connecting to a platform (logging in, building clients, resolving its rooms).
pub type Connecting = BoxFuture<'static, anyhow::Result<Connected>>;

/// A platform, connected.
pub struct Connected {
    /// What the app sends through.
    pub ports: Ports,
    /// The staff and events rooms the platform's settings name, resolved.
    pub rooms: StaffRooms,
    /// The serve loop, and how to stop it.
    pub connection: Arc<dyn Connection>,
}

impl Connected {
    /// A bot, connected: it is every port and its own connection, and names its rooms.
    pub fn bot<B: Bot>(bot: Arc<B>) -> Connected {
        let rooms = StaffRooms {
            coordinators: bot.coordinators_room(),
            moderators: bot.moderators_room(),
            events: bot.events_room(),
        };
        Connected {
            ports: ports_of(&bot),
            rooms,
            connection: bot,
        }
    }
}

/// A connected bot that is every port and its own connection, as the Matrix and Discord
/// ones are, and knows the staff and events rooms its settings name, as the app names
/// rooms ([`Connected::bot`] makes them its [`StaffRooms`]).
pub trait Bot: DirectMessenger + RoomMessenger + RoomProvisioner + Connection + 'static {
    fn coordinators_room(&self) -> Option<RoomRef>;
    fn moderators_room(&self) -> Option<RoomRef>;
    fn events_room(&self) -> Option<RoomRef>;
}

/// Ports that all go to one value (a bot, a fake).
pub fn ports_of<B>(bot: &Arc<B>) -> Ports
where
    B: DirectMessenger + RoomMessenger + RoomProvisioner + 'static,
{
    Ports {
        dm: bot.clone(),
        rooms: bot.clone(),
        provisioner: bot.clone(),
    }
}

/// A platform's own rooms for the staff and for events; each joins the console's in the
/// app's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffRooms {
    pub coordinators: Option<RoomRef>,
    pub moderators: Option<RoomRef>,
    pub events: Option<RoomRef>,
}

/// A connected platform's serve loop.
#[async_trait]
pub trait Connection: Send + Sync {
    /// Feeds the app what people do, catching up first on what was missed while the bot
    /// was down, until [`Connection::stop`] is called (or the platform ends the session).
    async fn serve(self: Arc<Self>, app: App) -> anyhow::Result<()>;

    /// Asks [`Connection::serve`] to return, after what it is handling. Called from
    /// another task, on Ctrl-C or SIGTERM.
    async fn stop(&self);

    /// A room a programme names on this platform (`[rooms.<platform>]`, see
    /// `domain::rooms`), as the app names rooms: resolved (a Matrix alias to its room id)
    /// and joined, or why it cannot be used.
    async fn programme_room(&self, written: &str) -> anyhow::Result<RoomRef>;

    /// Whether the platform is reachable now (for `/healthz`): the Matrix sync succeeded
    /// lately, the Discord gateway is connected.
    fn connected(&self) -> bool {
        true
    }
}
