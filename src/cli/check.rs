//! `tandem check-config`: checks a settings file, a programme file or a folder of
//! programmes, and reports every problem with its file, line and key.
//!
//! A new check on the settings belongs in `config` (so that `Settings::load` refuses the
//! same file); what is only worth saying here (a summary line, a file the settings name)
//! goes beside `describe_limits`.

use std::path::Path;
use std::process::ExitCode;

use crate::config::{self, Settings};

use super::setup::{key_from_file, load_settings};

pub(super) fn check_config(
    settings_path: Option<&Path>,
    path: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let report = |result: Result<String, config::ConfigErrors>| match result {
        Ok(ok) => {
            println!("{ok}");
            true
        }
        Err(errors) => {
            eprintln!("{errors}");
            false
        }
    };
    let describe = |p: &crate::domain::Programme| {
        let roles: Vec<String> = p
            .roles
            .values()
            .map(|r| format!("{}: {} questions", r.kind, r.questions.len()))
            .collect();
        format!("programme {} ({})", p.slug, roles.join(", "))
    };
    let check_dir = |dir: &Path| {
        report(config::load_programmes(dir).map(|ps| {
            let lines: Vec<String> = ps.iter().map(|p| format!("ok: {}", describe(p))).collect();
            if lines.is_empty() {
                format!("ok: {} holds no programme files", dir.display())
            } else {
                lines.join("\n")
            }
        }))
    };
    let ok = match path {
        Some(p) if p.is_dir() => check_dir(p),
        Some(p) if is_programme_file(p) => report(
            config::load_programme(p)
                .map(|prog| format!("ok: {}: {}", p.display(), describe(&prog))),
        ),
        Some(p) => match Settings::load(p) {
            Ok(s) => {
                println!("ok: settings {}", p.display());
                println!("{}", describe_limits(&s));
                check_case_key_file(&s) & check_dir(&s.programmes_dir)
            }
            Err(e) => report(Err(e)),
        },
        None => {
            let settings = load_settings(settings_path)?;
            println!(
                "ok: settings {}",
                settings_path
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "(defaults or tandem.toml)".into())
            );
            println!("{}", describe_limits(&settings));
            check_case_key_file(&settings) & check_dir(&settings.programmes_dir)
        }
    };
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The rate limits `tandem run` applies, and how long it keeps safeguarding records after
/// an erasure, as check-config shows them.
fn describe_limits(settings: &Settings) -> String {
    format!(
        "ok: limits: {} messages a minute and {} transcripts, data files, exports or reports an hour per person (not on the console)\nok: retention: reports about a person, failed checks and suspensions are kept {} year(s) after they delete their data",
        settings.limits.messages_per_minute,
        settings.limits.expensive_per_hour,
        settings.moderation.retention_years
    )
}

/// Whether the case key file, if the settings name one, holds a key; says which problem if
/// not.
fn check_case_key_file(settings: &Settings) -> bool {
    let Some(file) = &settings.case_key_file else {
        return true;
    };
    match key_from_file(file) {
        Ok(_) => {
            println!("ok: case key in {}", file.display());
            true
        }
        Err(e) => {
            eprintln!("case_key_file: {e:#}");
            false
        }
    }
}

/// A programme file has a `[roles...]` table; a settings file does not.
fn is_programme_file(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .map(|s| s.lines().any(|l| l.trim_start().starts_with("[roles")))
        .unwrap_or(false)
}
