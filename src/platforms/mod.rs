//! Chat platforms: each turns its own events into [`crate::chat::Inbound`] messages for
//! [`crate::app::App::receive`], and implements the ports in [`crate::ports`].
//!
//! - `console`: a terminal transport with a plain-line protocol, for trying Tandem and for
//!   scripted tests.
//! - `recording`: a fake that records what the app asked for, for tests.
//! - `matrix`, `discord`: the chat adapters, behind features of the same names.
//!
//! A new platform is a new module here; flows and the app do not change.

pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;
pub mod recording;
