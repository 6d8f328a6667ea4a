//! Tandem runs mentoring programmes inside chat communities on Matrix and Discord.
//!
//! The crate is layered so that the heart of it is pure and testable:
//! - [`domain`]: programme, question, answer and application types and rules;
//! - [`chat`]: what people send and what the bot sends, shared by every platform;
//! - [`step`]: what a step decides (effects, prompts, acts), between flows and storage;
//! - [`flows`]: guided conversations as pure state machines that return effects;
//! - [`app`]: reads state, runs a flow step, records the result, performs the effects;
//! - [`ports`]: the small capabilities the app needs from a chat platform;
//! - [`storage`]: all SQL (SQLite and PostgreSQL);
//! - [`platforms`]: console, a recording fake, and the chat adapters behind features,
//!   each plugged into `tandem run` through [`platforms::adapter`];
//! - [`config`]: settings and programme definitions from TOML;
//! - [`cli`]: the `tandem` command's subcommands (`src/main.rs` only starts the runtime);
//! - [`graphics`]: certificates and report charts drawn to PNG (fonts loaded by the app);
//! - [`secrets`]: files and folders created readable by their owner only;
//! - [`web`]: the operators' HTTP listener (`/healthz`, `/metrics`).
//!
//! `domain`, `chat`, `step` and `flows` use no database, async runtime or chat SDK.

pub mod app;
pub mod bench;
pub mod chat;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod flows;
pub mod graphics;
pub mod i18n;
pub mod matching;
pub mod platforms;
pub mod ports;
#[cfg(test)]
mod properties;
pub mod secrets;
pub mod step;
pub mod storage;
pub mod web;
