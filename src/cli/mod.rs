//! The `tandem` command: console, run, migrate, export, check-config, bench, match and
//! appservice-registration.
//!
//! It lives in the library, not the binary, so that tests can drive what `tandem run`
//! does in-process (see [`run`]) and so that `src/main.rs` is only the runtime's entry.
//!
//! - `args`: the subcommands and their options, as clap reads them;
//! - `console`: `tandem console`, Tandem in a terminal;
//! - [`run`]: `tandem run`, serving a chat platform;
//! - `database`: `tandem export` and `tandem migrate`;
//! - `check`: `tandem check-config`;
//! - `appservice`: `tandem appservice-registration`;
//! - `matching`: `tandem bench` and `tandem match`;
//! - `setup`: what several of them share (settings, programmes, the case key).
//!
//! To add a subcommand: its variant in `args::Command`, its module here, and its arm in
//! `dispatch`.

mod appservice;
mod args;
mod check;
mod console;
mod database;
#[cfg(test)]
mod deploy_tests;
mod matching;
pub mod run;
mod setup;

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use args::{Cli, Command};

/// Reads the command line, sets up logging to standard error, and runs the subcommand.
/// An error is printed as `tandem: ...` and exits 1.
pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        // The SDK logs expected 404s (absent account data) and per-sync backup notes at
        // error and warning levels; RUST_LOG shows them when wanted.
        Command::Run => {
            "info,matrix_sdk=warn,matrix_sdk_base=warn,matrix_sdk::http_client=off,matrix_sdk_crypto=error"
        }
        _ => "warn",
    };
    let filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level));
    // The settings say how logs are written; one that cannot be read is reported by the
    // command itself, with the logs as text meanwhile.
    let json = setup::load_settings(cli.config.as_deref())
        .is_ok_and(|s| s.log_format == crate::config::LogFormat::Json);
    let log = if json {
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_writer(std::io::stderr)
            .with_filter(filter())
            .boxed()
    } else {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            // Colour codes are for a terminal; in a log file or a journal they are noise.
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_filter(filter())
            .boxed()
    };
    // `bench messages` counts the SQL statements the path runs, from sqlx's own log.
    let statements = matches!(
        cli.command,
        Command::Bench {
            what: args::BenchWhat::Messages { .. }
        }
    )
    .then(|| {
        crate::bench::messages::StatementCounter
            .with_filter(crate::bench::messages::statement_filter())
    });
    tracing_subscriber::registry()
        .with(log)
        .with(statements)
        .init();
    match dispatch(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tandem: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings_file = cli.config.as_deref();
    match cli.command {
        Command::CheckConfig { path } => check::check_config(settings_file, path.as_deref()),
        Command::Console {
            database,
            start,
            resume,
            keys,
        } => console::console(settings_file, database, start, resume, keys).await,
        Command::Run => run::run(settings_file).await,
        Command::Bench { what } => matching::bench(what).await,
        Command::Match { what } => matching::solve(what),
        Command::Export {
            programme,
            what,
            format,
            output,
            database,
        } => database::export(settings_file, programme, what, format, output, database).await,
        Command::AppserviceRegistration { output } => {
            appservice::registration(settings_file, &output)
        }
        Command::Migrate { database } => database::migrate(settings_file, database).await,
        Command::Backup { file, database } => {
            database::backup(settings_file, &file, database).await
        }
    }
}
