//! Integration tests, in one binary to keep build time down.
//!
//! Tests that touch a database run on SQLite and on PostgreSQL (`both_backends!`). The
//! PostgreSQL server is started by `scripts/test`, which sets `TANDEM_TEST_POSTGRES_URL`;
//! each test gets its own database on it.

#[macro_use]
mod support;

mod architecture;
mod config_files;
mod console;
mod incidents;
mod journeys;
mod matching_cli;
mod pairing;
mod screening;
mod storage;
