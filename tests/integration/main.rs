//! Integration tests, in one binary to keep build time down.
//!
//! Tests that touch a database run on SQLite and on PostgreSQL (`both_backends!`). The
//! PostgreSQL server is started by `scripts/test`, which sets `TANDEM_TEST_POSTGRES_URL`;
//! each test gets its own database on it.

// matrix-sdk's futures are deep: spawning a client's sync needs a higher limit (E0275).
#![recursion_limit = "256"]

#[macro_use]
mod support;

mod adapters;
mod architecture;
mod assisted;
mod backup;
#[cfg(all(feature = "matrix", feature = "discord"))]
mod both_platforms;
mod broadcast;
mod chaos;
mod choice;
mod closure;
mod config_files;
mod console;
#[cfg(feature = "discord")]
mod discord;
#[cfg(feature = "discord")]
mod discord_fake;
mod events;
mod evidence;
mod graphics;
mod guide;
mod incidents;
mod journeys;
mod languages;
mod limits;
mod links;
mod matching_cli;
#[cfg(feature = "matrix")]
mod matrix;
mod matrix_appservice;
#[cfg(feature = "matrix")]
mod matrix_chaos;
#[cfg(feature = "matrix")]
mod matrix_space;
#[cfg(feature = "matrix")]
mod matrix_staff;
mod meetings;
mod outbox;
mod outcomes;
mod pairing;
mod permissions;
mod personal;
mod processes;
mod programme_rooms;
mod relay;
mod resources;
mod roster;
mod safety;
mod scheduler;
mod screening;
mod staff;
mod storage;
mod surveys;
mod team;
