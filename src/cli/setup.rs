//! What several subcommands share: the settings file and the programmes it points to,
//! the case key, a `--database` value, and the app's settings drawn from the settings.
//!
//! A helper goes here once two subcommands need it; one used by a single subcommand stays
//! in that subcommand's module.

use std::path::Path;

use anyhow::Context;

use crate::app::AppSettings;
use crate::config::{self, Settings};
use crate::domain::{Platform, RoomRef};
use crate::storage::{Sealer, Store};

/// Re-seals what an older version sealed under the case key (`Store::rekey`), once, as
/// the store gets its key. A failure is logged, not fatal: old values still open as they
/// are, and the next start tries again.
pub(super) async fn rekey(store: &Store) {
    match store.rekey::<crate::flows::FlowState>().await {
        Ok(done) => {
            if done.changed() > 0 {
                tracing::info!(
                    cases = done.cases,
                    files = done.files,
                    links = done.links,
                    "re-sealed what an older version sealed"
                );
            }
            if !done.unopened.is_empty() {
                tracing::warn!(
                    rows = ?done.unopened,
                    "these sealed rows do not open with the case key: is it the key they were sealed with?"
                );
            }
        }
        Err(e) => tracing::warn!("re-sealing what an older version sealed failed: {e:#}"),
    }
}

/// Where the case key may come from when neither `TANDEM_CASE_KEY` nor `case_key_file`
/// gives it.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum KeyFallback {
    /// Nowhere: `tandem run` serves real reports, and a key made up beside the database
    /// would be lost with it (and with it every sealed reporter and file).
    None,
    /// A key kept in `data_dir/case.key`, created on first use, so that trying Tandem in
    /// the console needs no setup.
    DataDir,
}

/// The key that seals anonymous reporters and evidence: `TANDEM_CASE_KEY`, else the file
/// `case_key_file` names, else the fallback.
pub(super) fn case_key(settings: &Settings, fallback: KeyFallback) -> anyhow::Result<Sealer> {
    if let Some(key) = Settings::secret("TANDEM_CASE_KEY") {
        return Sealer::from_text(&key).context("TANDEM_CASE_KEY");
    }
    if let Some(file) = &settings.case_key_file {
        return key_from_file(file);
    }
    if fallback == KeyFallback::None {
        anyhow::bail!(
            "TANDEM_CASE_KEY is not set: `tandem run` needs the key that seals anonymous reporters and evidence (or set case_key_file). Make one with `openssl rand -hex 32`. Keep it backed up: without it, sealed reports cannot be read."
        );
    }
    let path = settings.data_dir.join("case.key");
    crate::secrets::create_private_dir(&settings.data_dir)
        .with_context(|| format!("creating {}", settings.data_dir.display()))?;
    match crate::secrets::create_private(&path, &Sealer::generate_text()?) {
        Ok(()) => {}
        // Kept from an earlier run: never replaced, or what it sealed is lost.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
    }
    key_from_file(&path)
}

/// The case key in `file`. A missing file is not made up: a mistyped path would seal new
/// reports with a key nobody keeps, and leave the old ones unreadable.
pub(super) fn key_from_file(file: &Path) -> anyhow::Result<Sealer> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "the case key file {0} does not exist. Create it once with `(umask 077; openssl rand -hex 32 > {0})` and keep it backed up: without it, sealed reports cannot be read.",
            file.display()
        ),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the case key file {}", file.display()));
        }
    };
    if crate::secrets::readable_by_others(file).unwrap_or(false) {
        tracing::warn!(
            "the case key file {} can be read by other users; `chmod 600` it",
            file.display()
        );
    }
    Sealer::from_text(&text).with_context(|| format!("the case key in {}", file.display()))
}

/// A `--database` value: a URL as is, or a SQLite file path.
pub(super) fn database_url(value: &str) -> String {
    if value.contains("://") || value.starts_with("sqlite:") {
        value.to_string()
    } else {
        config::sqlite_url(Path::new(value))
    }
}

pub(super) fn app_settings(settings: &Settings) -> AppSettings {
    AppSettings {
        moderators_rooms: vec![RoomRef::new(
            Platform::Console,
            settings.console.moderators_room.clone(),
        )],
        // Checked when the settings were loaded.
        moderation: settings.moderation.moderation().unwrap_or_default(),
        max_message_chars: settings.max_message_chars,
        room_prefix: settings.room_prefix.clone(),
        coordinators_rooms: vec![RoomRef::new(
            Platform::Console,
            settings.console.coordinators_room.clone(),
        )],
        // Checked when the settings were loaded.
        event_reminders: settings.events.reminders().unwrap_or_default(),
        // Checked when the settings were loaded.
        delivery: crate::app::Delivery {
            retry_for: chrono::Duration::hours(i64::from(settings.delivery.retry_hours)),
            stale_after: chrono::Duration::hours(i64::from(settings.delivery.stale_after_hours)),
            ..crate::app::Delivery::default()
        },
        // A Discord member's messages can be copied to Matrix only if the bot reads them.
        relay: settings.discord.as_ref().is_none_or(|d| d.message_content),
        // Checked when the settings were loaded.
        language: settings.locale().unwrap_or_default(),
        bot_accounts: settings
            .matrix
            .iter()
            .map(|m| crate::domain::UserRef::new(Platform::Matrix, m.user_id.clone()))
            .collect(),
        ..AppSettings::default()
    }
}

pub(super) fn load_settings(path: Option<&Path>) -> anyhow::Result<Settings> {
    match path {
        Some(p) => Ok(Settings::load(p)?),
        None if Path::new("tandem.toml").exists() => Ok(Settings::load(Path::new("tandem.toml"))?),
        None => Ok(Settings::default()),
    }
}

/// Why the programmes' own moderators cannot work with these settings, if they cannot: a
/// report about a moderator goes to the escalation contact alone, so moderators need one
/// (as the settings' own moderators do).
pub(super) fn programme_moderators_problem(
    settings: &Settings,
    programmes: &[crate::domain::Programme],
) -> Option<String> {
    let named = programmes.iter().find(|p| !p.moderators.is_empty())?;
    settings.moderation.escalation_contact.is_none().then(|| {
        format!(
            "programme {} names moderators, but [moderation] escalation_contact is not set: a report about one of them would reach them. Name a safeguarding lead outside the team there (as platform:id).",
            named.slug
        )
    })
}

pub(super) fn load_programmes(
    settings: &Settings,
) -> anyhow::Result<Vec<crate::domain::Programme>> {
    let programmes = config::load_programmes(&settings.programmes_dir).with_context(|| {
        format!(
            "loading programmes from {} (run `tandem check-config` for details)",
            settings.programmes_dir.display()
        )
    })?;
    if programmes.is_empty() {
        tracing::warn!(
            "no programme files in {}: nobody can apply",
            settings.programmes_dir.display()
        );
    }
    if let Some(problem) = programme_moderators_problem(settings, &programmes) {
        anyhow::bail!(problem);
    }
    Ok(programmes)
}
