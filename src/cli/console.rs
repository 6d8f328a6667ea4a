//! `tandem console`: Tandem in this terminal (or fed by a pipe), with no chat server. The
//! console is every port ([`ConsoleOutput`]) and the line protocol is read by
//! [`console::run`]; this module only opens what a session needs: its database, its key,
//! its clock and where the files it is sent go.
//!
//! A new console option is a field of `Command::Console` (args.rs) passed on here; what
//! the console understands belongs in `platforms/console.rs`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::app::{App, Ports, ShiftedClock};
use crate::config;
use crate::platforms::console::{self, ConsoleOutput};
use crate::storage::Store;

use super::setup::{
    KeyFallback, app_settings, case_key, database_url, load_programmes, load_settings, rekey,
};

/// Talks to the app in this terminal until the input ends.
pub(super) async fn console(
    settings_file: Option<&std::path::Path>,
    database: Option<String>,
    start: Option<chrono::DateTime<chrono::Utc>>,
    resume: bool,
    keys: bool,
) -> anyhow::Result<ExitCode> {
    let settings = load_settings(settings_file)?;
    let programmes = load_programmes(&settings)?;
    let db_file = match &database {
        None => Some(settings.data_dir.join("console.db")),
        Some(d) if !d.contains("://") => Some(PathBuf::from(d)),
        Some(_) => None,
    };
    let url = match database {
        Some(d) => database_url(&d),
        None => config::sqlite_url(&settings.data_dir.join("console.db")),
    };
    let key = case_key(&settings, KeyFallback::DataDir)?;
    let store = Store::open(&url).await?.with_case_key(key);
    rekey(&store).await;
    if store.backend() == crate::storage::Backend::Sqlite {
        // This is the only process on it: what a killed run held is free now.
        store.reclaim_after_restart().await?;
    }
    // Files the bot sends go next to the conversations' database (`x.db` →
    // `x-files/`), so each console session keeps its own.
    let files = match db_file {
        Some(f) => f.with_file_name(format!(
            "{}-files",
            f.file_stem().unwrap_or_default().to_string_lossy()
        )),
        None => settings.data_dir.join("console-files"),
    };
    let output = ConsoleOutput::stdout().with_files(files);
    let output = if keys { output.with_keys() } else { output };
    let ports = Ports {
        dm: Arc::new(output.clone()),
        rooms: Arc::new(output.clone()),
        provisioner: Arc::new(output),
    };
    let clock = Arc::new(start.map_or_else(ShiftedClock::new, ShiftedClock::starting_at));
    let app = App::new(
        store.clone(),
        programmes,
        ports,
        clock.clone(),
        app_settings(&settings),
    );
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "Tandem console. Type a message as `alice: hello` (a DM from alice) or `alice in lobby: !tandem help` (a room message). Try `alice: apply`. Ctrl-D quits; conversations are kept in {}.",
            url.trim_start_matches("sqlite://")
                .trim_end_matches("?mode=rwc")
        );
    }
    console::run(
        &app,
        &clock,
        tokio::io::BufReader::new(tokio::io::stdin()),
        resume,
    )
    .await?;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
