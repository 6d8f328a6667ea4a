//! The subcommands that work on the database alone, with no chat platform: `tandem
//! export` (a programme's records as CSV or JSON, see [`crate::app::export`]), `tandem
//! backup` (a consistent copy of a SQLite database while the bot runs) and `tandem
//! migrate`.
//!
//! Another such subcommand (a backup, a purge) goes here: open the store from
//! `--database` or the settings as these do, call the app or the store, close it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::storage::Store;

use super::setup::{database_url, load_programmes, load_settings};

/// `tandem export`: writes one programme's records to `output` or standard output.
pub(super) async fn export(
    settings_file: Option<&Path>,
    programme: String,
    what: String,
    format: String,
    output: Option<PathBuf>,
    database: Option<String>,
) -> anyhow::Result<ExitCode> {
    use crate::app::export::{ExportWhat, export};
    use crate::domain::export::Format;
    let settings = load_settings(settings_file)?;
    let programmes = load_programmes(&settings)?;
    let Some(p) = programmes.iter().find(|p| p.slug == programme) else {
        eprintln!(
            "No programme `{programme}`. Programmes: {}.",
            programmes
                .iter()
                .map(|p| p.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Ok(ExitCode::from(2));
    };
    let configured = database.is_none();
    let url = url_of(&settings, database);
    // An export reads what is there: a database that does not exist is never created (it
    // would export nothing but a header line and look like an empty programme).
    let store = match Store::open_existing(&url).await {
        Ok(store) => store,
        Err(e) => {
            let console = settings.data_dir.join("console.db");
            eprintln!(
                "Cannot export: {e:#}.{}",
                if configured && console.exists() {
                    format!(
                        " The console keeps its records apart, in {}: add --database {} to export them.",
                        console.display(),
                        console.display()
                    )
                } else if configured {
                    " Set database_url in the settings (or TANDEM_DATABASE_URL), or pass --database <file or URL>.".to_string()
                } else {
                    String::new()
                }
            );
            return Ok(ExitCode::from(2));
        }
    };
    let what = match what.as_str() {
        "applications" => ExportWhat::Applications,
        "matches" => ExportWhat::Matches,
        "surveys" => ExportWhat::Surveys,
        "outcomes" => ExportWhat::Outcomes,
        _ => ExportWhat::Events,
    };
    let format = if format == "json" {
        Format::Json
    } else {
        Format::Csv
    };
    let result = export(&store, p, what, format).await?;
    store.close().await;
    match result {
        Ok((text, notes)) => {
            for note in notes {
                eprintln!("{}", note.english());
            }
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(reason) => {
            eprintln!("{}", reason.english());
            Ok(ExitCode::from(1))
        }
    }
}

/// `tandem migrate`: applies the database migrations and says how many.
pub(super) async fn migrate(
    settings_file: Option<&Path>,
    database: Option<String>,
) -> anyhow::Result<ExitCode> {
    let settings = load_settings(settings_file)?;
    let url = url_of(&settings, database);
    let store = Store::connect(&url).await?;
    let applied = store.migrate().await?;
    store.close().await;
    println!("Database is up to date ({applied} migration(s) applied).");
    Ok(ExitCode::SUCCESS)
}

/// `tandem backup FILE`: a consistent copy of the SQLite database, made while the bot may
/// be running, read back and checked; never over an existing file. On PostgreSQL, the
/// `pg_dump` command to use instead.
pub(super) async fn backup(
    settings_file: Option<&Path>,
    file: &Path,
    database: Option<String>,
) -> anyhow::Result<ExitCode> {
    let settings = load_settings(settings_file)?;
    let url = url_of(&settings, database);
    if url.starts_with("postgres") {
        eprintln!(
            "tandem backup copies a SQLite database. For PostgreSQL use its own tool, which also copies a running database consistently:\n  pg_dump --format=custom --file {} <database URL>\nand restore with pg_restore --clean --dbname <database URL> {}.",
            file.display(),
            file.display()
        );
        return Ok(ExitCode::from(2));
    }
    if file.exists() {
        eprintln!(
            "{} already exists: a backup never overwrites a file. Choose a new name (one per day, say).",
            file.display()
        );
        return Ok(ExitCode::from(2));
    }
    let store = match Store::open_existing(&url).await {
        Ok(store) => store,
        Err(e) => {
            eprintln!("Cannot back up: {e:#}.");
            return Ok(ExitCode::from(2));
        }
    };
    let copied = store.backup_into(file).await;
    store.close().await;
    copied.with_context(|| format!("copying the database to {}", file.display()))?;
    let copy = Store::open_existing(&crate::config::sqlite_url(file)).await?;
    let problem = copy.integrity_problem().await;
    copy.close().await;
    if let Some(problem) = problem? {
        eprintln!(
            "The copy at {} failed SQLite's integrity check ({problem}): do not rely on it.",
            file.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "ok: {} copied to {} ({size} bytes), and checked. Keep the case key beside it (without it the sealed reports in the copy cannot be read), and, on Matrix, the bot's store folder and recovery key.",
        url.trim_start_matches("sqlite://"),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The database a subcommand works on: `--database` (a file or URL), else the settings'.
fn url_of(settings: &crate::config::Settings, database: Option<String>) -> String {
    database
        .map(|d| database_url(&d))
        .unwrap_or_else(|| settings.database_url())
}
