//! The Discord adapter (feature `discord`).
//!
//! Not built yet: this module marks where the serenity adapter goes (slash commands,
//! buttons and select menus, private threads as pair rooms, nonces for idempotent sends),
//! tested against a fake of Discord's HTTP API and gateway. Until then `tandem run` explains
//! that Discord is not available in this version.

/// Whether this build can connect to Discord.
pub const AVAILABLE: bool = false;
