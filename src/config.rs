//! Settings (`tandem.toml`) and programme definitions (`config/programs/*.toml`).
//!
//! Both are TOML read with serde, unknown keys rejected. Programme files are first read
//! into `Raw*` structs that keep source positions, then checked as a whole (unique question
//! ids, branches that point at an earlier question and a value it can take, non-empty choice
//! lists, fields that fit the question kind) and only then turned into
//! [`crate::domain::Programme`]. Every problem is reported as a [`ConfigError`] naming the
//! file, the line and the key, and all problems of a file are reported at once.
//!
//! Secrets (passwords, tokens) are never read from these files: only from the environment
//! (see `Settings::secret`). To add a question kind, add its name to [`QUESTION_KINDS`] and an
//! arm to `build_kind`, then follow `domain::programme`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::matching::{
    CriterionDef, CriterionKind, MatchMode, MatchObjective, MatchingConfig,
};
use crate::domain::programme::{
    CertificateDesign, Choice, Condition, Question, QuestionKind, Role, Texts, slugify,
};
use crate::domain::schedule::SchedulePlan;
use crate::domain::screening::{
    Cond, DEFAULT_WARN_DAYS, OnLapse, Rule, RuleOutcome, Screening, StepDef, StepKind,
};
use crate::domain::{Platform, Programme, RoleKind, UserRef};

/// A problem in a configuration file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Dotted path of the offending key (`roles.mentee.questions[2].choices`).
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file.display(), self.line, self.column)?;
        if !self.key.is_empty() {
            write!(f, "key `{}`: ", self.key)?;
        }
        f.write_str(&self.message)
    }
}

/// Several configuration problems, shown one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

// ---------------------------------------------------------------------------------------
// Settings

/// The bot's settings. Relative paths are relative to the working directory.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where Tandem keeps its SQLite database and platform state.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// Database URL (`sqlite://...` or `postgres://...`). `TANDEM_DATABASE_URL` overrides it;
    /// without either, `sqlite://<data_dir>/tandem.db`.
    #[serde(default)]
    pub database_url: Option<String>,
    /// A file holding the case key (64 hex digits), for when it cannot come from
    /// `TANDEM_CASE_KEY` (which wins when both are set). `tandem run` needs one of the two.
    #[serde(default)]
    pub case_key_file: Option<PathBuf>,
    /// Folder holding one TOML file per programme.
    #[serde(default = "default_programmes_dir")]
    pub programmes_dir: PathBuf,
    /// Longest message the bot accepts, in characters.
    #[serde(default = "default_max_message_chars")]
    pub max_message_chars: usize,
    /// Prefix for commands in shared rooms.
    #[serde(default = "default_room_prefix")]
    pub room_prefix: String,
    #[serde(default)]
    pub console: ConsoleSettings,
    #[serde(default)]
    pub moderation: ModerationSettings,
    #[serde(default)]
    pub events: EventsSettings,
    #[serde(default)]
    pub graphics: GraphicsSettings,
    #[serde(default)]
    pub delivery: DeliverySettings,
    #[serde(default)]
    pub limits: LimitsSettings,
    pub matrix: Option<MatrixSettings>,
    pub discord: Option<DiscordSettings>,
}

/// `[delivery]`: how long what the bot must send (messages, rooms, room changes) is
/// retried while a platform fails, and when a message to a person is too late to send.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeliverySettings {
    /// Retries stop this many hours after the act was decided (1 to 72).
    #[serde(default = "default_retry_hours")]
    pub retry_hours: u32,
    /// A message to a person this many hours late is dropped, not sent (1 to 168).
    #[serde(default = "default_stale_hours")]
    pub stale_after_hours: u32,
}

fn default_retry_hours() -> u32 {
    6
}

fn default_stale_hours() -> u32 {
    24
}

impl Default for DeliverySettings {
    fn default() -> Self {
        DeliverySettings {
            retry_hours: default_retry_hours(),
            stale_after_hours: default_stale_hours(),
        }
    }
}

/// `[limits]`: how fast one person may write to the bot on a chat platform (the console,
/// which one operator types into, is not limited). What goes over is not handled, and the
/// person is told once. A report, and anything written while in one, is never limited.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LimitsSettings {
    /// Messages and commands a person may send in any minute (5 to 600).
    #[serde(default = "default_messages_per_minute")]
    pub messages_per_minute: u32,
    /// Commands that cost much to answer (`transcript`, `my data`, and `export` and
    /// `report` in the coordinators' room) a person may use in any hour (1 to 100).
    #[serde(default = "default_expensive_per_hour")]
    pub expensive_per_hour: u32,
}

fn default_messages_per_minute() -> u32 {
    20
}

fn default_expensive_per_hour() -> u32 {
    5
}

impl Default for LimitsSettings {
    fn default() -> Self {
        LimitsSettings {
            messages_per_minute: default_messages_per_minute(),
            expensive_per_hour: default_expensive_per_hour(),
        }
    }
}

/// `[graphics]`: the fonts certificates and charts are drawn with.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GraphicsSettings {
    /// Font files in fallback order (the first with a glyph for a letter draws it).
    #[serde(default = "default_fonts")]
    pub fonts: Vec<PathBuf>,
}

impl Default for GraphicsSettings {
    fn default() -> Self {
        GraphicsSettings {
            fonts: default_fonts(),
        }
    }
}

fn default_fonts() -> Vec<PathBuf> {
    crate::graphics::DEFAULT_FONTS
        .iter()
        .map(PathBuf::from)
        .collect()
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConsoleSettings {
    /// Room name where coordinators work, in console mode.
    #[serde(default = "default_coordinators_room")]
    pub coordinators_room: String,
    /// Room name where moderators work, in console mode.
    #[serde(default = "default_moderators_room")]
    pub moderators_room: String,
}

impl Default for ConsoleSettings {
    fn default() -> Self {
        ConsoleSettings {
            coordinators_room: default_coordinators_room(),
            moderators_room: default_moderators_room(),
        }
    }
}

/// Group events.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EventsSettings {
    /// How long before a session its reminders go to those who said yes: `24h`, `1h`,
    /// `30m`, `2d`.
    #[serde(default = "default_reminders")]
    pub reminders: Vec<String>,
}

impl Default for EventsSettings {
    fn default() -> Self {
        EventsSettings {
            reminders: default_reminders(),
        }
    }
}

fn default_reminders() -> Vec<String> {
    vec!["24h".into(), "1h".into()]
}

impl EventsSettings {
    /// The reminders as durations, or what is wrong with one.
    pub fn reminders(&self) -> Result<Vec<chrono::Duration>, String> {
        self.reminders
            .iter()
            .map(|r| {
                let r = r.trim();
                let cut = r.char_indices().last().map_or(0, |(i, _)| i);
                let (number, unit) = r.split_at(cut);
                let n: i64 = number
                    .parse()
                    .map_err(|_| format!("“{r}” should be like 24h, 30m or 2d"))?;
                let d = match unit {
                    "m" => chrono::Duration::try_minutes(n),
                    "h" => chrono::Duration::try_hours(n),
                    "d" => chrono::Duration::try_days(n),
                    _ => return Err(format!("“{r}” should be like 24h, 30m or 2d")),
                };
                // A number too large for a duration is out of range too.
                let Some(d) = d.filter(|d| {
                    *d >= chrono::Duration::minutes(5) && *d <= chrono::Duration::days(30)
                }) else {
                    return Err(format!("“{r}” should be between 5 minutes and 30 days"));
                };
                Ok(d)
            })
            .collect()
    }
}

/// Who moderates incident reports. The case key that seals anonymous reporters comes from
/// `TANDEM_CASE_KEY` (64 hex digits) or the file `case_key_file` names, never from this
/// file itself.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ModerationSettings {
    /// `platform:id` of each moderator.
    #[serde(default)]
    pub moderators: Vec<String>,
    /// Pinged at once for safeguarding reports.
    #[serde(default)]
    pub on_call: Vec<String>,
    /// What can be reported; a built-in list when empty.
    #[serde(default)]
    pub categories: Vec<CategorySettings>,
    /// Reports one person may send in 24 hours (0: no limit).
    #[serde(default = "default_max_reports")]
    pub max_reports_per_day: u32,
    /// An unclaimed urgent case pings on-call again after this many minutes (0: never).
    #[serde(default = "default_escalate_after")]
    pub escalate_after_minutes: u32,
    /// `platform:id` of who receives a case that names a moderator.
    #[serde(default)]
    pub escalation_contact: Option<String>,
    /// Other names moderators (and the escalation contact) go by, by `platform:id`:
    /// `{ "console:mo" = ["Maureen Okafor"] }`. Display names are added at startup.
    #[serde(default)]
    pub aliases: std::collections::BTreeMap<String, Vec<String>>,
    /// Files a report may carry as evidence (0: none).
    #[serde(default = "default_evidence_files")]
    pub max_evidence_files: u32,
    /// Largest evidence file, in megabytes (1 to 100).
    #[serde(default = "default_evidence_mb")]
    pub max_evidence_mb: u32,
    /// Years safeguarding records about a person are kept after they erase their data
    /// (1 to 100).
    #[serde(default = "crate::domain::incident::default_retention_years")]
    pub retention_years: u32,
}

fn default_evidence_files() -> u32 {
    crate::domain::incident::EvidenceLimits::default().files
}

fn default_evidence_mb() -> u32 {
    (crate::domain::incident::EvidenceLimits::default().max_bytes / (1024 * 1024)) as u32
}

fn default_escalate_after() -> u32 {
    30
}

fn default_max_reports() -> u32 {
    5
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CategorySettings {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub safeguarding: bool,
}

impl Default for ModerationSettings {
    fn default() -> Self {
        ModerationSettings {
            moderators: vec![],
            on_call: vec![],
            categories: vec![],
            max_reports_per_day: default_max_reports(),
            escalate_after_minutes: default_escalate_after(),
            escalation_contact: None,
            aliases: Default::default(),
            max_evidence_files: default_evidence_files(),
            max_evidence_mb: default_evidence_mb(),
            retention_years: crate::domain::incident::default_retention_years(),
        }
    }
}

impl ModerationSettings {
    /// The moderation the app runs with (people parsed, categories defaulted).
    pub fn moderation(&self) -> Result<crate::domain::incident::Moderation, String> {
        let people = |list: &[String]| -> Result<Vec<UserRef>, String> {
            list.iter().map(|p| parse_user_ref(p)).collect()
        };
        let moderators = people(&self.moderators)?;
        let escalation_contact = self
            .escalation_contact
            .as_deref()
            .map(parse_user_ref)
            .transpose()?;
        if !moderators.is_empty() && escalation_contact.is_none() {
            return Err("moderation.escalation_contact is not set: a report about a member of the moderation team goes only to them, so it is needed whenever there are moderators (a safeguarding lead outside the team, as platform:id)".into());
        }
        let mut aliases = Vec::new();
        for (person, names) in &self.aliases {
            let user = parse_user_ref(person)?;
            if !moderators.contains(&user) && escalation_contact.as_ref() != Some(&user) {
                return Err(format!(
                    "moderation.aliases names {person}, who is neither a moderator nor the escalation contact"
                ));
            }
            if let Some(blank) = names.iter().find(|n| n.trim().chars().count() < 2) {
                return Err(format!(
                    "moderation.aliases for {person}: “{blank}” is too short to recognise (two characters at least)"
                ));
            }
            aliases.push((user, names.clone()));
        }
        Ok(crate::domain::incident::Moderation {
            moderators,
            on_call: people(&self.on_call)?,
            categories: if self.categories.is_empty() {
                crate::domain::incident::default_categories()
            } else {
                self.categories
                    .iter()
                    .map(|c| crate::domain::incident::ReportCategory {
                        id: c.id.clone(),
                        label: c.label.clone(),
                        safeguarding: c.safeguarding,
                    })
                    .collect()
            },
            max_reports_per_day: self.max_reports_per_day,
            escalate_after_minutes: self.escalate_after_minutes,
            escalation_contact,
            evidence: crate::domain::incident::EvidenceLimits {
                files: self.max_evidence_files,
                max_bytes: u64::from(self.max_evidence_mb) * 1024 * 1024,
            },
            aliases,
            retention_years: self.retention_years,
        })
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MatrixSettings {
    /// e.g. `https://matrix.example.org`
    pub homeserver_url: String,
    /// The bot's account, e.g. `@tandem:example.org`. Its password comes from
    /// `TANDEM_MATRIX_PASSWORD` or its access token from `TANDEM_MATRIX_ACCESS_TOKEN`.
    pub user_id: String,
    /// Where the session, device keys and room keys are kept (default `data_dir/matrix`).
    /// Losing it makes the bot a new device that cannot read old encrypted messages.
    pub store_dir: Option<PathBuf>,
    /// Servers whose users may invite the bot into rooms; default: the bot's own server.
    #[serde(default)]
    pub allowed_servers: Vec<String>,
    /// The coordinators' room, by id (`!abc:example.org`) or alias (`#coordinators:example.org`).
    pub coordinators_room: Option<String>,
    /// The moderators' room, by id or alias.
    pub moderators_room: Option<String>,
    /// Where group events are announced (with RSVP), by id or alias.
    pub events_room: Option<String>,
}

impl MatrixSettings {
    /// The server part of the bot's user id (`example.org` for `@tandem:example.org`).
    pub fn server_name(&self) -> Option<&str> {
        self.user_id
            .strip_prefix('@')
            .and_then(|rest| rest.split_once(':'))
            .map(|(_, server)| server)
            .filter(|s| !s.is_empty())
    }

    /// The servers allowed to invite the bot.
    pub fn allowed_servers(&self) -> Vec<String> {
        if self.allowed_servers.is_empty() {
            self.server_name().map(str::to_string).into_iter().collect()
        } else {
            self.allowed_servers.clone()
        }
    }

    /// Problems with these settings, as (key, message).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if !(self.homeserver_url.starts_with("https://")
            || self.homeserver_url.starts_with("http://"))
        {
            problems.push((
                "homeserver_url",
                "must start with https:// (or http:// for a server on this machine)".into(),
            ));
        }
        let local = self
            .user_id
            .strip_prefix('@')
            .and_then(|rest| rest.split_once(':'))
            .map(|(local, _)| local);
        if local.is_none_or(str::is_empty) || self.server_name().is_none() {
            problems.push((
                "user_id",
                "must be a full Matrix id, like @tandem:example.org".into(),
            ));
        }
        for (key, room) in [
            ("coordinators_room", &self.coordinators_room),
            ("moderators_room", &self.moderators_room),
            ("events_room", &self.events_room),
        ] {
            if let Some(room) = room
                // Room ids of room version 12 have no server part; aliases always do.
                && !((room.starts_with('!') && room.len() > 1)
                    || (room.starts_with('#') && room.contains(':')))
            {
                problems.push((
                    key,
                    format!("`{room}` should be a room id (!abc:example.org) or alias (#name:example.org)"),
                ));
            }
        }
        problems
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DiscordSettings {
    /// The application's id (Developer Portal, General Information). The bot token comes
    /// from `TANDEM_DISCORD_TOKEN`.
    pub application_id: u64,
    /// Guilds (servers) where Tandem registers its slash commands.
    pub guild_ids: Vec<u64>,
    /// The channel where coordinators review applications and approve matches.
    pub coordinators_channel: Option<u64>,
    /// The channel where moderators receive incident cases.
    pub moderators_channel: Option<u64>,
    /// The channel where group events are announced (with RSVP buttons).
    pub events_channel: Option<u64>,
    /// Pair rooms are private threads under this text channel (the bot and the pair only).
    pub pairs_channel: Option<u64>,
    /// Without `pairs_channel` (or when a guild has reached its 1,000 active threads), pair
    /// rooms are private channels in this category.
    pub pairs_category: Option<u64>,
}

impl DiscordSettings {
    /// Problems with these settings, as (key, message).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.application_id == 0 {
            problems.push(("application_id", "must be the application's id".into()));
        }
        if self.guild_ids.is_empty() {
            problems.push((
                "guild_ids",
                "name at least one guild (server) for the slash commands".into(),
            ));
        }
        if self.pairs_channel.is_none() && self.pairs_category.is_none() {
            problems.push((
                "pairs_channel",
                "set pairs_channel (pair rooms as private threads) or pairs_category (private channels)".into(),
            ));
        }
        problems
    }
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}
fn default_programmes_dir() -> PathBuf {
    PathBuf::from("config/programs")
}
fn default_max_message_chars() -> usize {
    8000
}
fn default_room_prefix() -> String {
    "!tandem".into()
}
fn default_coordinators_room() -> String {
    "coordinators".into()
}
fn default_moderators_room() -> String {
    "moderators".into()
}

impl Default for Settings {
    fn default() -> Self {
        toml::from_str("").expect("empty settings are valid")
    }
}

impl Settings {
    /// Reads and checks a settings file.
    pub fn load(path: &Path) -> Result<Settings, ConfigErrors> {
        let source = read(path)?;
        let settings: Settings = parse_toml(path, &source)?;
        let mut errors = Vec::new();
        if settings.max_message_chars < 100 {
            errors.push(located(
                path,
                &source,
                find_key(&source, "max_message_chars"),
                "must be at least 100",
            ));
        }
        if settings.room_prefix.trim().is_empty()
            || settings.room_prefix.contains(char::is_whitespace)
        {
            errors.push(located(
                path,
                &source,
                find_key(&source, "room_prefix"),
                "must be one word, like !tandem",
            ));
        }
        if let Some(url) = &settings.database_url
            && !(url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://"))
        {
            errors.push(located(
                path,
                &source,
                find_key(&source, "database_url"),
                "must start with sqlite: or postgres://",
            ));
        }
        if settings
            .case_key_file
            .as_ref()
            .is_some_and(|f| f.as_os_str().is_empty())
        {
            errors.push(located(
                path,
                &source,
                find_key(&source, "case_key_file"),
                "must name the file holding the case key, or be left out",
            ));
        }
        if let Err(m) = settings.moderation.moderation() {
            errors.push(located(path, &source, find_key(&source, "moderators"), &m));
        }
        if !(1..=100).contains(&settings.moderation.max_evidence_mb) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "max_evidence_mb"),
                "must be between 1 and 100 (megabytes); files are shown to moderators through the platform, which limits uploads (Discord: 10 MB without boosts)",
            ));
        }
        if !(1..=100).contains(&settings.moderation.retention_years) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "retention_years"),
                "must be between 1 and 100 (years safeguarding records about a person are kept after they delete their data; the safeguarding lead decides the figure)",
            ));
        }
        if let Err(m) = settings.events.reminders() {
            errors.push(located(path, &source, find_key(&source, "reminders"), &m));
        }
        if !(1..=72).contains(&settings.delivery.retry_hours) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "retry_hours"),
                "must be between 1 and 72 (hours of retrying what a platform refused)",
            ));
        }
        if !(1..=168).contains(&settings.delivery.stale_after_hours) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "stale_after_hours"),
                "must be between 1 and 168 (hours after which a message to a person is too late)",
            ));
        }
        if !(5..=600).contains(&settings.limits.messages_per_minute) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "messages_per_minute"),
                "must be between 5 and 600 (messages a person may send in a minute; fewer would cut off someone answering questions at an ordinary pace)",
            ));
        }
        if !(1..=100).contains(&settings.limits.expensive_per_hour) {
            errors.push(located(
                path,
                &source,
                find_key(&source, "expensive_per_hour"),
                "must be between 1 and 100 (transcripts, data files, exports and reports a person may ask for in an hour)",
            ));
        }
        if let Some(matrix) = &settings.matrix {
            for (key, message) in matrix.problems() {
                errors.push(located(path, &source, find_key(&source, key), &message));
            }
        }
        if let Some(discord) = &settings.discord {
            for (key, message) in discord.problems() {
                // A missing key is reported at its table's header.
                let at = match find_key(&source, key) {
                    0 => source.find("[discord]").unwrap_or(0),
                    at => at,
                };
                errors.push(located(path, &source, at, &message));
            }
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(ConfigErrors(errors))
        }
    }

    /// The database to use: `TANDEM_DATABASE_URL`, then `database_url`, then SQLite in
    /// `data_dir`.
    pub fn database_url(&self) -> String {
        std::env::var("TANDEM_DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .or_else(|| self.database_url.clone())
            .unwrap_or_else(|| sqlite_url(&self.data_dir.join("tandem.db")))
    }

    /// A secret from the environment, never from a file.
    pub fn secret(name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

/// The URL of a SQLite database file, created if missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

// ---------------------------------------------------------------------------------------
// Programmes

/// Question kinds as written in programme files.
pub const QUESTION_KINDS: &[&str] = &[
    "short_text",
    "long_text",
    "single_choice",
    "multi_choice",
    "number",
    "yes_no",
    "time_zone",
    "languages",
    "consent",
    "scale",
    "nps",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    slug: Spanned<String>,
    name: String,
    description: String,
    #[serde(default = "default_duration")]
    duration_months: u32,
    #[serde(default = "default_true")]
    applications_open: bool,
    #[serde(default)]
    texts: RawTexts,
    /// `platform:id` of each coordinator, e.g. `console:carol`, `matrix:@carol:example.org`.
    #[serde(default)]
    coordinators: Vec<Spanned<String>>,
    #[serde(default = "default_waitlist_reminder_days")]
    waitlist_reminder_days: u32,
    /// `notify` (default) or `pause`: what a lapsed or failed background check does to an
    /// active match.
    on_lapse: Option<Spanned<String>>,
    roles: RawRoles,
    matching: Option<RawMatching>,
    schedule: Option<RawSchedule>,
    #[serde(default)]
    reporting: RawReporting,
    #[serde(default)]
    surveys: BTreeMap<String, RawSurvey>,
    certificate: Option<RawCertificate>,
}

/// `[certificate]`: the recognition certificate's design (`enabled = false`: none).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCertificate {
    #[serde(default = "default_true")]
    enabled: bool,
    title: Option<String>,
    background: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    #[serde(default)]
    signature_name: String,
    #[serde(default)]
    signature_title: String,
}

/// `[reporting]`: how reports protect the people behind the figures.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReporting {
    /// No figure from fewer answers than this (default 5).
    anonymity_minimum: Option<Spanned<i64>>,
}

/// `[surveys.<id>]`: a survey and its questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    title: String,
    #[serde(default)]
    intro: String,
    anonymous: Spanned<bool>,
    /// Roles it is for (default both).
    #[serde(rename = "for")]
    roles: Option<Spanned<Vec<String>>>,
    #[serde(default = "default_reminder_days")]
    reminder_days: u32,
    #[serde(default = "default_open_days")]
    open_days: Spanned<u32>,
    questions: Spanned<Vec<RawQuestion>>,
}

fn default_reminder_days() -> u32 {
    3
}

fn default_open_days() -> Spanned<u32> {
    Spanned::new(0..0, 14)
}

/// `[schedule]`: when milestones arrive, and what they are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    /// Local hour (0–23) in the pair's time zone.
    local_hour: Spanned<u32>,
    /// `[from, to]` local hours with no milestone, e.g. `[21, 8]`.
    quiet_hours: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    milestones: Vec<RawMilestone>,
    /// Days without a message in a pair room before a gentle nudge there.
    silent_nudge_days: Option<Spanned<u32>>,
    /// Days without a message before the coordinators get an alert card.
    silent_alert_days: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMilestone {
    id: Spanned<String>,
    after: Spanned<String>,
    every: Option<Spanned<String>>,
    kind: Spanned<String>,
    /// Required except for surveys, which have their own intro.
    text: Option<Spanned<String>>,
    /// For `kind = "survey"`: which of the programme's surveys.
    survey: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatching {
    mode: Spanned<String>,
    capacity_question: Option<Spanned<String>>,
    default_capacity: Option<Spanned<u32>>,
    mentee_slots: Option<Spanned<u32>>,
    group_size: Option<Spanned<u32>>,
    objective: Option<Spanned<String>>,
    candidates_per_mentee: Option<Spanned<usize>>,
    daytime: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    criteria: Vec<RawCriterion>,
    shared_language: Option<RawQuestionPair>,
    time_zone: Option<RawQuestionPair>,
    max_time_zone_gap_hours: Option<Spanned<u32>>,
    never_together: Option<RawQuestionPair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestionPair {
    mentee: Spanned<String>,
    mentor: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    name: String,
    kind: Spanned<String>,
    mentee_question: Option<Spanned<String>>,
    mentor_question: Option<Spanned<String>>,
    points: Spanned<i64>,
    range: Option<Spanned<f64>>,
}

/// The longest warning before a check expires: a year (checks are renewed every few years).
const MAX_WARN_DAYS: u32 = 365;

fn default_waitlist_reminder_days() -> u32 {
    30
}

fn default_duration() -> u32 {
    6
}
fn default_true() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTexts {
    #[serde(default)]
    welcome: String,
    #[serde(default)]
    submitted: String,
    #[serde(default)]
    ground_rules: String,
    #[serde(default)]
    icebreaker: String,
    #[serde(default)]
    meeting_cadence: String,
    #[serde(default = "default_answer_days")]
    answer_days: u32,
}

fn default_answer_days() -> u32 {
    7
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoles {
    mentor: RawRole,
    mentee: RawRole,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    name: String,
    description: String,
    questions: Spanned<Vec<RawQuestion>>,
    screening: Option<RawScreening>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScreening {
    default: Option<Spanned<String>>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Option<String>,
    outcome: Spanned<String>,
    reason: Option<String>,
    when: Spanned<RawCond>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCond {
    question: Option<Spanned<String>>,
    equals: Option<Spanned<String>>,
    any_of: Option<Spanned<Vec<String>>>,
    none_of: Option<Spanned<Vec<String>>>,
    below: Option<Spanned<f64>>,
    at_least: Option<Spanned<f64>>,
    answered: Option<Spanned<bool>>,
    all: Option<Spanned<Vec<Spanned<RawCond>>>>,
    any: Option<Spanned<Vec<Spanned<RawCond>>>>,
    not: Option<Box<Spanned<RawCond>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    kind: Spanned<String>,
    label: Option<String>,
    text: Option<Spanned<String>>,
    /// Background checks: days before expiry to warn (default 30; 0: no warning). Signed,
    /// so a negative number gets our message rather than a parser's.
    warn_days: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    kind: Spanned<String>,
    prompt: String,
    label: Option<String>,
    help: Option<String>,
    #[serde(default)]
    optional: Option<Spanned<bool>>,
    choices: Option<Spanned<Vec<String>>>,
    min: Option<Spanned<f64>>,
    max: Option<Spanned<f64>>,
    min_length: Option<Spanned<usize>>,
    max_length: Option<Spanned<usize>>,
    decimals: Option<Spanned<bool>>,
    statement: Option<Spanned<String>>,
    /// For a scale: the label of each point, from 1 up.
    labels: Option<Spanned<Vec<String>>>,
    show_if: Option<Spanned<RawCondition>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    question: Spanned<String>,
    equals: Option<Spanned<String>>,
    any_of: Option<Spanned<Vec<String>>>,
}

/// Reads every `*.toml` in `dir` as a programme. Slugs must be unique across files.
pub fn load_programmes(dir: &Path) -> Result<Vec<Programme>, ConfigErrors> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ConfigErrors(vec![ConfigError {
            file: dir.to_path_buf(),
            line: 0,
            column: 0,
            key: String::new(),
            message: format!("cannot read the programmes folder: {e}"),
        }])
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut programmes: Vec<Programme> = Vec::new();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in paths {
        match load_programme(&path) {
            Ok(p) => {
                if let Some(first) = seen.get(&p.slug) {
                    let source = std::fs::read_to_string(&path).unwrap_or_default();
                    errors.push(located(
                        &path,
                        &source,
                        find_key(&source, "slug"),
                        &format!("slug `{}` is already used by {}", p.slug, first.display()),
                    ));
                } else {
                    seen.insert(p.slug.clone(), path.clone());
                    programmes.push(p);
                }
            }
            Err(e) => errors.extend(e.0),
        }
    }
    if errors.is_empty() {
        Ok(programmes)
    } else {
        Err(ConfigErrors(errors))
    }
}

/// Reads and checks one programme file.
pub fn load_programme(path: &Path) -> Result<Programme, ConfigErrors> {
    let source = read(path)?;
    parse_programme(path, &source)
}

/// Checks a programme given as text; `path` is only used in messages.
pub fn parse_programme(path: &Path, source: &str) -> Result<Programme, ConfigErrors> {
    let raw: RawProgramme = parse_toml(path, source)?;
    let mut errors = Vec::new();
    let mut err = |offset: usize, msg: &str| errors.push(located(path, source, offset, msg));

    let slug = raw.slug.get_ref().trim().to_string();
    if slug.is_empty()
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        err(
            raw.slug.span().start,
            "a slug is lower-case letters, digits and dashes, like youth-2027",
        );
    }
    if raw.duration_months == 0 || raw.duration_months > 60 {
        err(
            find_key(source, "duration_months"),
            "must be between 1 and 60 months",
        );
    }
    let mut coordinators = Vec::new();
    for c in &raw.coordinators {
        match parse_user_ref(c.get_ref()) {
            Ok(u) => coordinators.push(u),
            Err(m) => err(c.span().start, &m),
        }
    }
    let mut roles = BTreeMap::new();
    for (kind, raw_role) in [
        (RoleKind::Mentor, &raw.roles.mentor),
        (RoleKind::Mentee, &raw.roles.mentee),
    ] {
        let questions = build_questions(&raw_role.questions, &mut err);
        let screening = match &raw_role.screening {
            Some(s) => build_screening(s, kind, &questions, &mut err),
            None => Screening::default(),
        };
        roles.insert(
            kind,
            Role {
                kind,
                name: raw_role.name.clone(),
                description: raw_role.description.clone(),
                questions,
                screening,
            },
        );
    }
    let matching = raw
        .matching
        .as_ref()
        .and_then(|m| build_matching(m, &roles, &mut err));
    let surveys = build_surveys(source, &raw.surveys, &mut err);
    let schedule = raw
        .schedule
        .as_ref()
        .map(|s| build_schedule(s, &surveys, &mut err));
    let anonymity_minimum = match &raw.reporting.anonymity_minimum {
        None => crate::domain::survey::DEFAULT_MINIMUM,
        Some(m) if (3..=1000).contains(m.get_ref()) => *m.get_ref() as usize,
        Some(m) => {
            err(
                m.span().start,
                "`anonymity_minimum` must be between 3 and 1000: below 3, one person's answers can be worked out from a total",
            );
            crate::domain::survey::DEFAULT_MINIMUM
        }
    };
    let on_lapse = match &raw.on_lapse {
        None => OnLapse::default(),
        Some(v) => v.get_ref().trim().parse().unwrap_or_else(|m: String| {
            err(v.span().start, &m);
            OnLapse::default()
        }),
    };
    let certificate = match &raw.certificate {
        Some(c) if !c.enabled => None,
        Some(c) => {
            let mut colour = |v: &Option<Spanned<String>>, default: &str| match v {
                Some(s) if is_colour(s.get_ref()) => s.get_ref().trim().to_string(),
                Some(s) => {
                    err(
                        s.span().start,
                        "a colour is # and six hex digits, like #1f4e79",
                    );
                    default.to_string()
                }
                None => default.to_string(),
            };
            Some(CertificateDesign {
                title: c
                    .title
                    .clone()
                    .unwrap_or_else(|| "Certificate of Mentoring".into()),
                background: colour(&c.background, "#fdfaf3"),
                accent: colour(&c.accent, "#1f4e79"),
                text: colour(&c.text, "#222222"),
                signature_name: c.signature_name.clone(),
                signature_title: c.signature_title.clone(),
            })
        }
        None => Some(CertificateDesign {
            title: "Certificate of Mentoring".into(),
            background: "#fdfaf3".into(),
            accent: "#1f4e79".into(),
            text: "#222222".into(),
            signature_name: String::new(),
            signature_title: String::new(),
        }),
    };
    if !errors.is_empty() {
        return Err(ConfigErrors(errors));
    }
    Ok(Programme {
        slug,
        name: raw.name,
        description: raw.description,
        duration_months: raw.duration_months,
        applications_open: raw.applications_open,
        texts: Texts {
            welcome: raw.texts.welcome,
            submitted: raw.texts.submitted,
            ground_rules: raw.texts.ground_rules,
            icebreaker: raw.texts.icebreaker,
            meeting_cadence: raw.texts.meeting_cadence,
            answer_days: raw.texts.answer_days.clamp(1, 60),
        },
        roles,
        coordinators,
        waitlist_reminder_days: raw.waitlist_reminder_days,
        on_lapse,
        matching,
        schedule,
        surveys,
        anonymity_minimum,
        certificate,
    })
}

fn is_colour(text: &str) -> bool {
    let t = text.trim();
    t.len() == 7 && t.starts_with('#') && t[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn build_surveys(
    source: &str,
    raw: &BTreeMap<String, RawSurvey>,
    err: &mut impl FnMut(usize, &str),
) -> Vec<crate::domain::survey::Survey> {
    let mut out = Vec::new();
    for (id, s) in raw {
        let at = find_key(source, &format!("surveys.{id}"));
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            err(
                at,
                "a survey id is lower-case letters, digits, _ and -, like midpoint",
            );
        }
        if s.title.trim().is_empty() {
            err(at, "a survey needs a `title`");
        }
        let roles = match &s.roles {
            None => vec![RoleKind::Mentee, RoleKind::Mentor],
            Some(list) => {
                let mut roles = Vec::new();
                for r in list.get_ref() {
                    match r.parse::<RoleKind>() {
                        Ok(k) if !roles.contains(&k) => roles.push(k),
                        Ok(_) => {}
                        Err(_) => err(
                            list.span().start,
                            &format!("unknown role `{r}` in `for`: use mentor and/or mentee"),
                        ),
                    }
                }
                if roles.is_empty() {
                    err(list.span().start, "`for` needs at least one role");
                }
                roles
            }
        };
        let open_days = *s.open_days.get_ref();
        if !(1..=365).contains(&open_days) {
            err(
                s.open_days.span().start,
                "`open_days` must be between 1 and 365",
            );
        }
        if s.reminder_days >= open_days {
            err(
                at,
                "`reminder_days` must be less than `open_days` (0: no reminder): a reminder after the survey closes would never be sent",
            );
        }
        let questions = build_questions(&s.questions, err);
        if let Some(q) = questions.iter().find(|q| {
            matches!(
                q.kind,
                QuestionKind::Consent { .. } | QuestionKind::TimeZone
            )
        }) {
            err(
                s.questions.span().start,
                &format!(
                    "question `{}`: a survey cannot ask a {} question",
                    q.id,
                    q.kind.name()
                ),
            );
        }
        out.push(crate::domain::survey::Survey {
            id: id.clone(),
            title: s.title.trim().to_string(),
            intro: s.intro.trim().to_string(),
            anonymous: *s.anonymous.get_ref(),
            roles,
            questions,
            reminder_days: s.reminder_days,
            open_days,
        });
    }
    out
}

fn build_schedule(
    raw: &RawSchedule,
    surveys: &[crate::domain::survey::Survey],
    err: &mut impl FnMut(usize, &str),
) -> SchedulePlan {
    use crate::domain::schedule::{Milestone, MilestoneKind, Offset};
    let local_hour = *raw.local_hour.get_ref();
    if local_hour > 23 {
        err(
            raw.local_hour.span().start,
            "`local_hour` must be between 0 and 23",
        );
    }
    let quiet_hours = raw.quiet_hours.as_ref().and_then(|q| match q.get_ref().as_slice() {
        [from, to] if *from <= 23 && *to <= 23 && from != to => Some((*from, *to)),
        _ => {
            err(
                q.span().start,
                "`quiet_hours` is [from, to], two different hours between 0 and 23, like [21, 8]",
            );
            None
        }
    });
    let days = |v: &Option<Spanned<u32>>, name: &str, err: &mut dyn FnMut(usize, &str)| {
        v.as_ref().and_then(|d| {
            if (1..=365).contains(d.get_ref()) {
                Some(*d.get_ref())
            } else {
                err(
                    d.span().start,
                    &format!("`{name}` must be between 1 and 365 days"),
                );
                None
            }
        })
    };
    let silent_nudge_days = days(&raw.silent_nudge_days, "silent_nudge_days", err);
    let silent_alert_days = days(&raw.silent_alert_days, "silent_alert_days", err);
    if let (Some(n), Some(a), Some(at)) =
        (silent_nudge_days, silent_alert_days, &raw.silent_alert_days)
        && a <= n
    {
        err(
            at.span().start,
            "`silent_alert_days` must be more than `silent_nudge_days`: the pair is nudged first",
        );
    }
    let mut plan = SchedulePlan {
        local_hour: local_hour.min(23),
        quiet_hours,
        milestones: Vec::new(),
        silent_nudge_days,
        silent_alert_days,
    };
    if plan.is_quiet(plan.local_hour) {
        err(
            raw.local_hour.span().start,
            "`local_hour` falls inside `quiet_hours`: milestones would never be on time",
        );
    }
    let mut seen = std::collections::HashSet::new();
    for m in &raw.milestones {
        if !seen.insert(m.id.get_ref().clone()) {
            err(
                m.id.span().start,
                &format!("milestone `{}` is defined twice", m.id.get_ref()),
            );
        }
        let after = Offset::parse(m.after.get_ref()).unwrap_or_else(|e| {
            err(m.after.span().start, &e);
            Offset::Days(0)
        });
        let every = m
            .every
            .as_ref()
            .and_then(|e| match Offset::parse(e.get_ref()) {
                Ok(o) if o.is_zero() => {
                    err(
                        e.span().start,
                        "`every` must be longer than zero: a milestone cannot repeat continuously",
                    );
                    None
                }
                Ok(o) => Some(o),
                Err(msg) => {
                    err(e.span().start, &msg);
                    None
                }
            });
        let kind = MilestoneKind::parse(m.kind.get_ref()).unwrap_or_else(|| {
            err(
                m.kind.span().start,
                &format!(
                    "unknown milestone kind `{}`: use one of {}",
                    m.kind.get_ref(),
                    MilestoneKind::NAMES.join(", ")
                ),
            );
            MilestoneKind::RoomMessage
        });
        let text = m
            .text
            .as_ref()
            .map(|t| t.get_ref().trim().to_string())
            .unwrap_or_default();
        match (&m.text, kind) {
            (Some(t), _) if text.is_empty() => err(t.span().start, "`text` must not be empty"),
            (None, k) if k != MilestoneKind::Survey => {
                err(m.kind.span().start, "this milestone needs a `text`")
            }
            _ => {}
        }
        let survey = match (&m.survey, kind) {
            (Some(s), MilestoneKind::Survey | MilestoneKind::Closure) => {
                if surveys.iter().any(|x| x.id == *s.get_ref()) {
                    Some(s.get_ref().clone())
                } else {
                    err(
                        s.span().start,
                        &format!(
                            "no survey `{}` in this programme (define it under [surveys.{}])",
                            s.get_ref(),
                            s.get_ref()
                        ),
                    );
                    None
                }
            }
            (Some(s), _) => {
                err(
                    s.span().start,
                    "`survey` applies to survey and closure milestones only",
                );
                None
            }
            (None, MilestoneKind::Survey) => {
                err(
                    m.kind.span().start,
                    "a survey milestone needs `survey = \"<id>\"`, one of the programme's surveys",
                );
                None
            }
            (None, _) => None,
        };
        plan.milestones.push(Milestone {
            id: m.id.get_ref().clone(),
            after,
            every,
            kind,
            text,
            survey,
        });
    }
    plan
}

/// Which question kinds a matching rule can read.
#[derive(Clone, Copy, PartialEq)]
enum Reads {
    /// Choices, yes/no or languages: a set of values.
    Values,
    /// A short text (an employer's name).
    ShortText,
    Number,
    TimeZone,
    Languages,
}

fn question_fits(q: &Question, reads: Reads) -> bool {
    match reads {
        Reads::Values => {
            q.kind.closed_values().is_some() || matches!(q.kind, QuestionKind::Languages { .. })
        }
        Reads::Number => matches!(q.kind, QuestionKind::Number { .. }),
        Reads::ShortText => {
            matches!(q.kind, QuestionKind::ShortText { .. }) || q.kind.closed_values().is_some()
        }
        Reads::TimeZone => matches!(q.kind, QuestionKind::TimeZone),
        Reads::Languages => matches!(q.kind, QuestionKind::Languages { .. }),
    }
}

/// Checks that `question` names a question of `role` that `reads` can use.
fn check_question(
    roles: &BTreeMap<RoleKind, Role>,
    role: RoleKind,
    question: &Spanned<String>,
    reads: Reads,
    err: &mut impl FnMut(usize, &str),
) -> Option<String> {
    let id = question.get_ref().trim();
    let Some(q) = roles.get(&role).and_then(|r| r.question(id)) else {
        err(
            question.span().start,
            &format!("the {role} form has no question `{id}`"),
        );
        return None;
    };
    if !question_fits(q, reads) {
        let wanted = match reads {
            Reads::Values => "a choice, yes/no or languages question",
            Reads::Number => "a number question",
            Reads::ShortText => "a short_text or choice question",
            Reads::TimeZone => "a time_zone question",
            Reads::Languages => "a languages question",
        };
        err(
            question.span().start,
            &format!(
                "`{id}` is a {} question; this needs {wanted}",
                q.kind.name()
            ),
        );
        return None;
    }
    Some(id.to_string())
}

fn build_matching(
    raw: &RawMatching,
    roles: &BTreeMap<RoleKind, Role>,
    err: &mut impl FnMut(usize, &str),
) -> Option<MatchingConfig> {
    let at = raw.mode.span().start;
    let positive = |v: &Option<Spanned<u32>>,
                    name: &str,
                    default: u32,
                    err: &mut dyn FnMut(usize, &str)| match v {
        None => default,
        Some(s) if *s.get_ref() >= 1 && *s.get_ref() <= 100 => *s.get_ref(),
        Some(s) => {
            err(
                s.span().start,
                &format!("`{name}` must be between 1 and 100"),
            );
            default
        }
    };
    let mode = match raw.mode.get_ref().as_str() {
        "one_to_one" => MatchMode::OneToOne,
        "one_to_many" => MatchMode::OneToMany {
            capacity_question: raw
                .capacity_question
                .as_ref()
                .and_then(|q| check_question(roles, RoleKind::Mentor, q, Reads::Number, err)),
            default_capacity: positive(&raw.default_capacity, "default_capacity", 1, err),
        },
        "array" => MatchMode::Array {
            slots: positive(&raw.mentee_slots, "mentee_slots", 2, err),
        },
        "group" => MatchMode::Group {
            size: positive(&raw.group_size, "group_size", 4, err),
        },
        other => {
            err(
                at,
                &format!(
                    "unknown matching mode `{other}`; expected one_to_one, one_to_many, array or group"
                ),
            );
            return None;
        }
    };
    // Keys that belong to another mode are mistakes, not silently ignored settings.
    let misplaced: [(&str, Option<usize>, bool); 4] = [
        (
            "capacity_question",
            raw.capacity_question.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::OneToMany { .. }),
        ),
        (
            "default_capacity",
            raw.default_capacity.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::OneToMany { .. }),
        ),
        (
            "mentee_slots",
            raw.mentee_slots.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::Array { .. }),
        ),
        (
            "group_size",
            raw.group_size.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::Group { .. }),
        ),
    ];
    for (key, given, fits) in misplaced {
        if let Some(pos) = given
            && !fits
        {
            err(
                pos,
                &format!("`{key}` does not apply to mode `{}`", raw.mode.get_ref()),
            );
        }
    }
    let objective = match raw.objective.as_ref().map(|o| o.get_ref().as_str()) {
        None | Some("count") => MatchObjective::Count,
        Some("score") => MatchObjective::Score,
        Some(other) => {
            err(
                raw.objective.as_ref().map(|o| o.span().start).unwrap_or(at),
                &format!("unknown objective `{other}`; expected count or score"),
            );
            MatchObjective::Count
        }
    };
    let candidates_per_mentee = match &raw.candidates_per_mentee {
        None => 64,
        Some(k) if (1..=10_000).contains(k.get_ref()) => *k.get_ref(),
        Some(k) => {
            err(
                k.span().start,
                "`candidates_per_mentee` must be between 1 and 10000",
            );
            64
        }
    };
    let daytime = match &raw.daytime {
        None => (9, 21),
        Some(d) => match d.get_ref().as_slice() {
            [from, to] if from < to && *to <= 24 => (*from, *to),
            _ => {
                err(
                    d.span().start,
                    "`daytime` is [from, to] in local hours, like [9, 21]",
                );
                (9, 21)
            }
        },
    };
    let pair = |p: &RawQuestionPair, reads: Reads, err: &mut dyn FnMut(usize, &str)| {
        let mut e = |o: usize, m: &str| err(o, m);
        let a = check_question(roles, RoleKind::Mentee, &p.mentee, reads, &mut e);
        let b = check_question(roles, RoleKind::Mentor, &p.mentor, reads, &mut e);
        a.zip(b)
    };
    let shared_language = raw
        .shared_language
        .as_ref()
        .and_then(|p| pair(p, Reads::Languages, err));
    let never_together = raw
        .never_together
        .as_ref()
        .and_then(|p| pair(p, Reads::ShortText, err));
    let time_zone = raw
        .time_zone
        .as_ref()
        .and_then(|p| pair(p, Reads::TimeZone, err));
    if let Some(gap) = &raw.max_time_zone_gap_hours
        && raw.time_zone.is_none()
    {
        err(
            gap.span().start,
            "`max_time_zone_gap_hours` needs `time_zone = { mentee = \"...\", mentor = \"...\" }`",
        );
    }
    let mut criteria = Vec::new();
    for c in &raw.criteria {
        if !(0..=10_000).contains(c.points.get_ref()) {
            err(
                c.points.span().start,
                "`points` must be between 0 and 10000",
            );
            continue;
        }
        let (kind, reads) = match c.kind.get_ref().as_str() {
            "overlap" => (CriterionKind::Overlap, Reads::Values),
            "match" => (CriterionKind::Match, Reads::Values),
            "closeness" => match &c.range {
                Some(r) if *r.get_ref() > 0.0 => (
                    CriterionKind::Closeness {
                        range: *r.get_ref(),
                    },
                    Reads::Number,
                ),
                _ => {
                    err(
                        c.kind.span().start,
                        "a closeness criterion needs `range` > 0: how far apart means no points",
                    );
                    continue;
                }
            },
            "time_zone_overlap" => (CriterionKind::TimeZoneOverlap, Reads::TimeZone),
            other => {
                err(
                    c.kind.span().start,
                    &format!(
                        "unknown criterion kind `{other}`; expected overlap, match, closeness or time_zone_overlap"
                    ),
                );
                continue;
            }
        };
        let questions = match (&c.mentee_question, &c.mentor_question, &time_zone) {
            (Some(a), Some(b), _) => {
                let x = check_question(roles, RoleKind::Mentee, a, reads, err);
                let y = check_question(roles, RoleKind::Mentor, b, reads, err);
                x.zip(y)
            }
            (None, None, Some(tz)) if reads == Reads::TimeZone => Some(tz.clone()),
            _ => {
                err(
                    c.kind.span().start,
                    "a criterion needs `mentee_question` and `mentor_question`",
                );
                None
            }
        };
        if let Some((mentee_question, mentor_question)) = questions {
            criteria.push(CriterionDef {
                name: c.name.clone(),
                kind,
                mentee_question,
                mentor_question,
                points: *c.points.get_ref(),
            });
        }
    }
    Some(MatchingConfig {
        mode,
        objective,
        candidates_per_mentee,
        daytime,
        criteria,
        shared_language,
        never_together,
        time_zone,
        max_time_zone_gap_hours: raw.max_time_zone_gap_hours.as_ref().map(|g| *g.get_ref()),
    })
}

/// Parses `platform:id` (`console:carol`, `matrix:@carol:example.org`, `discord:1234`).
pub fn parse_user_ref(text: &str) -> Result<UserRef, String> {
    let (platform, id) = text.split_once(':').ok_or_else(|| {
        format!("`{text}` should be platform:id, like console:carol or matrix:@carol:example.org")
    })?;
    let platform: Platform = platform.parse()?;
    if id.trim().is_empty() || id.contains(char::is_whitespace) {
        return Err(format!("`{text}` has an empty or spaced user id"));
    }
    Ok(UserRef::new(platform, id))
}

fn build_screening(
    raw: &RawScreening,
    role: RoleKind,
    questions: &[Question],
    err: &mut impl FnMut(usize, &str),
) -> Screening {
    let default = match &raw.default {
        None => RuleOutcome::NeedsReview,
        Some(d) => d.get_ref().parse().unwrap_or_else(|m: String| {
            err(d.span().start, &m);
            RuleOutcome::NeedsReview
        }),
    };
    let mut rules = Vec::new();
    for (i, r) in raw.rules.iter().enumerate() {
        let outcome = match r.outcome.get_ref().parse::<RuleOutcome>() {
            Ok(o) => o,
            Err(m) => {
                err(r.outcome.span().start, &m);
                continue;
            }
        };
        let reason = r.reason.clone().unwrap_or_default();
        if outcome == RuleOutcome::Ineligible && reason.trim().is_empty() {
            err(
                r.outcome.span().start,
                "an ineligible rule needs a `reason`: the kind explanation the applicant receives",
            );
        }
        if let Some(when) = build_cond(&r.when, questions, err) {
            rules.push(Rule {
                id: r.id.clone().unwrap_or_else(|| format!("rule-{}", i + 1)),
                outcome,
                reason,
                when,
            });
        }
    }
    let mut steps: Vec<StepDef> = Vec::new();
    for st in &raw.steps {
        let id = st.id.get_ref().trim().to_string();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            err(
                st.id.span().start,
                "a step id is lower-case letters, digits and _, like background_check",
            );
            continue;
        }
        if steps.iter().any(|s| s.id == id) {
            err(st.id.span().start, &format!("duplicate step id `{id}`"));
            continue;
        }
        let kind = match st.kind.get_ref().as_str() {
            "interview" => StepKind::Interview,
            "background_check" if role == RoleKind::Mentor => StepKind::BackgroundCheck,
            "background_check" => {
                err(
                    st.kind.span().start,
                    "background checks are for mentors; a mentee role cannot require one",
                );
                continue;
            }
            "acknowledgement" => match &st.text {
                Some(t) if !t.get_ref().trim().is_empty() => StepKind::Acknowledgement {
                    text: t.get_ref().clone(),
                },
                _ => {
                    err(
                        st.kind.span().start,
                        "an acknowledgement step needs a `text`: what the person reads and acknowledges",
                    );
                    continue;
                }
            },
            "task" => StepKind::Task,
            other => {
                err(
                    st.kind.span().start,
                    &format!(
                        "unknown step kind `{other}`; expected interview, background_check, acknowledgement or task"
                    ),
                );
                continue;
            }
        };
        if let Some(t) = &st.text
            && !matches!(kind, StepKind::Acknowledgement { .. })
        {
            err(
                t.span().start,
                "`text` only applies to an acknowledgement step",
            );
        }
        let warn_days = match &st.warn_days {
            None => DEFAULT_WARN_DAYS,
            Some(w) if !matches!(kind, StepKind::BackgroundCheck) => {
                err(
                    w.span().start,
                    "`warn_days` only applies to a background_check step, the only kind that expires",
                );
                DEFAULT_WARN_DAYS
            }
            Some(w) => match u32::try_from(*w.get_ref()) {
                Ok(days) if days <= MAX_WARN_DAYS => days,
                _ => {
                    err(
                        w.span().start,
                        &format!(
                            "`warn_days` is how many days before a check expires to warn: a number from 0 (no warning) to {MAX_WARN_DAYS}, not {}",
                            w.get_ref()
                        ),
                    );
                    DEFAULT_WARN_DAYS
                }
            },
        };
        steps.push(StepDef {
            label: st.label.clone().unwrap_or_else(|| label_from_id(&id)),
            id,
            kind,
            warn_days,
        });
    }
    Screening {
        default,
        rules,
        steps,
    }
}

fn build_cond(
    raw: &Spanned<RawCond>,
    questions: &[Question],
    err: &mut dyn FnMut(usize, &str),
) -> Option<Cond> {
    let c = raw.get_ref();
    let at = raw.span().start;
    let forms = [
        c.equals.is_some(),
        c.any_of.is_some(),
        c.none_of.is_some(),
        c.below.is_some(),
        c.at_least.is_some(),
        c.answered.is_some(),
        c.all.is_some(),
        c.any.is_some(),
        c.not.is_some(),
    ];
    let usage = "a condition is { question = \"id\", <one of equals, any_of, none_of, below, at_least, answered> } or { all = [...] }, { any = [...] }, { not = {...} }";
    if forms.iter().filter(|f| **f).count() != 1 {
        err(at, usage);
        return None;
    }
    let nested = |list: &Spanned<Vec<Spanned<RawCond>>>,
                  err: &mut dyn FnMut(usize, &str)|
     -> Option<Vec<Cond>> {
        if list.get_ref().is_empty() {
            err(list.span().start, "an empty list of conditions");
            return None;
        }
        let mut out = Vec::new();
        for entry in list.get_ref() {
            out.push(build_cond(entry, questions, err)?);
        }
        Some(out)
    };
    if let Some(list) = &c.all {
        return nested(list, err).map(Cond::All);
    }
    if let Some(list) = &c.any {
        return nested(list, err).map(Cond::Any);
    }
    if let Some(inner) = &c.not {
        return build_cond(inner, questions, err).map(|i| Cond::Not(Box::new(i)));
    }
    let Some(q) = &c.question else {
        err(at, usage);
        return None;
    };
    let question_id = q.get_ref().trim().to_string();
    let Some(target) = questions.iter().find(|x| x.id == question_id) else {
        err(
            q.span().start,
            &format!("the condition refers to question `{question_id}`, which is not in this form"),
        );
        return None;
    };
    let value_of = |w: &str, at: usize, err: &mut dyn FnMut(usize, &str)| -> Option<String> {
        let found = match &target.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                choices
                    .iter()
                    .find(|ch| {
                        ch.value == w || ch.label.eq_ignore_ascii_case(w) || ch.value == slugify(w)
                    })
                    .map(|ch| ch.value.clone())
            }
            QuestionKind::YesNo => match w.to_lowercase().as_str() {
                "yes" | "true" => Some("yes".into()),
                "no" | "false" => Some("no".into()),
                _ => None,
            },
            QuestionKind::Languages { .. } => {
                crate::domain::language::language_code(w).map(str::to_string)
            }
            _ => Some(w.to_string()),
        };
        if found.is_none() {
            let options = target.kind.closed_values().unwrap_or_default().join(", ");
            err(
                at,
                &format!(
                    "`{w}` is not a possible answer to `{question_id}`{}",
                    if options.is_empty() {
                        String::new()
                    } else {
                        format!(" (possible: {options})")
                    }
                ),
            );
        }
        found
    };
    let values =
        |list: Vec<(String, usize)>, err: &mut dyn FnMut(usize, &str)| -> Option<Vec<String>> {
            let mut out = Vec::new();
            for (w, at) in list {
                out.push(value_of(&w, at, err)?);
            }
            Some(out)
        };
    let is_number = matches!(target.kind, QuestionKind::Number { .. });
    if let Some(e) = &c.equals {
        return values(vec![(e.get_ref().clone(), e.span().start)], err).map(|values| {
            Cond::OneOf {
                question: question_id,
                values,
            }
        });
    }
    if let Some(l) = &c.any_of {
        let list = l
            .get_ref()
            .iter()
            .map(|v| (v.clone(), l.span().start))
            .collect();
        return values(list, err).map(|values| Cond::OneOf {
            question: question_id,
            values,
        });
    }
    if let Some(l) = &c.none_of {
        let list = l
            .get_ref()
            .iter()
            .map(|v| (v.clone(), l.span().start))
            .collect();
        return values(list, err).map(|values| Cond::NoneOf {
            question: question_id,
            values,
        });
    }
    if let Some(a) = &c.answered {
        return Some(Cond::Answered {
            question: question_id,
            answered: *a.get_ref(),
        });
    }
    let (bound, below) = match (&c.below, &c.at_least) {
        (Some(b), _) => (b, true),
        (_, Some(b)) => (b, false),
        _ => unreachable!("one form was checked above"),
    };
    if !is_number {
        err(
            bound.span().start,
            &format!(
                "`{}` compares numbers, but `{question_id}` is a {} question",
                if below { "below" } else { "at_least" },
                target.kind.name()
            ),
        );
        return None;
    }
    let value = *bound.get_ref();
    Some(if below {
        Cond::Below {
            question: question_id,
            value,
        }
    } else {
        Cond::AtLeast {
            question: question_id,
            value,
        }
    })
}

fn build_questions(
    questions: &Spanned<Vec<RawQuestion>>,
    err: &mut impl FnMut(usize, &str),
) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    if questions.get_ref().is_empty() {
        err(questions.span().start, "a form needs at least one question");
    }
    for raw in questions.get_ref() {
        let id = raw.id.get_ref().trim().to_string();
        let id_ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !id_ok {
            err(
                raw.id.span().start,
                "a question id is lower-case letters, digits, _ and -, like hours_per_month",
            );
        }
        if !ids.insert(id.clone()) {
            err(
                raw.id.span().start,
                &format!("duplicate question id `{id}`: each question in a form needs its own id"),
            );
            continue;
        }
        let Some(kind) = build_kind(raw, err) else {
            continue;
        };
        let optional = raw.optional.as_ref().is_some_and(|o| *o.get_ref());
        if optional && matches!(kind, QuestionKind::Consent { .. }) {
            err(
                raw.optional.as_ref().map(|o| o.span().start).unwrap_or(0),
                "a consent question cannot be optional",
            );
        }
        let show_if = raw
            .show_if
            .as_ref()
            .and_then(|c| build_condition(c, &out, questions.get_ref(), err));
        out.push(Question {
            label: raw.label.clone().unwrap_or_else(|| label_from_id(&id)),
            id,
            prompt: raw.prompt.clone(),
            help: raw.help.clone(),
            kind,
            optional,
            show_if,
        });
    }
    out
}

fn label_from_id(id: &str) -> String {
    let words = id.replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn build_kind(raw: &RawQuestion, err: &mut impl FnMut(usize, &str)) -> Option<QuestionKind> {
    let kind_name = raw.kind.get_ref().as_str();
    if !QUESTION_KINDS.contains(&kind_name) {
        err(
            raw.kind.span().start,
            &format!(
                "unknown question kind `{kind_name}`; expected one of {}",
                QUESTION_KINDS.join(", ")
            ),
        );
        return None;
    }
    // Fields that only some kinds take: report any given to the wrong kind.
    let allowed: &[&str] = match kind_name {
        "short_text" => &["max_length"],
        "long_text" => &["min_length", "max_length"],
        "single_choice" => &["choices"],
        "multi_choice" => &["choices", "min", "max"],
        "number" => &["min", "max", "decimals"],
        "languages" => &["min", "max"],
        "consent" => &["statement"],
        "scale" => &["labels"],
        _ => &[],
    };
    let given: [(&str, Option<usize>); 8] = [
        ("labels", raw.labels.as_ref().map(|s| s.span().start)),
        ("choices", raw.choices.as_ref().map(|s| s.span().start)),
        ("min", raw.min.as_ref().map(|s| s.span().start)),
        ("max", raw.max.as_ref().map(|s| s.span().start)),
        (
            "min_length",
            raw.min_length.as_ref().map(|s| s.span().start),
        ),
        (
            "max_length",
            raw.max_length.as_ref().map(|s| s.span().start),
        ),
        ("decimals", raw.decimals.as_ref().map(|s| s.span().start)),
        ("statement", raw.statement.as_ref().map(|s| s.span().start)),
    ];
    let mut ok = true;
    for (field, at) in given {
        if let Some(at) = at
            && !allowed.contains(&field)
        {
            err(
                at,
                &format!("`{field}` does not apply to a {kind_name} question"),
            );
            ok = false;
        }
    }
    let whole = |v: &Option<Spanned<f64>>,
                 name: &str,
                 err: &mut dyn FnMut(usize, &str)|
     -> Option<Option<usize>> {
        match v {
            None => Some(None),
            Some(s) if *s.get_ref() >= 0.0 && s.get_ref().fract() == 0.0 => {
                Some(Some(*s.get_ref() as usize))
            }
            Some(s) => {
                err(
                    s.span().start,
                    &format!("`{name}` must be a whole number of at least 0"),
                );
                None
            }
        }
    };
    let kind = match kind_name {
        "short_text" => QuestionKind::ShortText {
            max_length: raw.max_length.as_ref().map(|m| *m.get_ref()).unwrap_or(200),
        },
        "long_text" => {
            let min_length = raw.min_length.as_ref().map(|m| *m.get_ref()).unwrap_or(1);
            let max_length = raw
                .max_length
                .as_ref()
                .map(|m| *m.get_ref())
                .unwrap_or(2000);
            if min_length > max_length {
                err(
                    raw.min_length
                        .as_ref()
                        .map(|m| m.span().start)
                        .unwrap_or(raw.kind.span().start),
                    "`min_length` is larger than `max_length`",
                );
                ok = false;
            }
            QuestionKind::LongText {
                min_length,
                max_length,
            }
        }
        "single_choice" | "multi_choice" => {
            let Some(list) = &raw.choices else {
                err(
                    raw.kind.span().start,
                    &format!("a {kind_name} question needs `choices`"),
                );
                return None;
            };
            let choices = build_choices(list, err)?;
            if kind_name == "single_choice" {
                QuestionKind::SingleChoice { choices }
            } else {
                let min = whole(&raw.min, "min", err)?.unwrap_or(1);
                let max = whole(&raw.max, "max", err)?.unwrap_or(choices.len());
                if max == 0 || min > max || max > choices.len() {
                    err(
                        raw.max
                            .as_ref()
                            .or(raw.min.as_ref())
                            .map(|m| m.span().start)
                            .unwrap_or(list.span().start),
                        &format!(
                            "picks must satisfy min ≤ max ≤ number of choices ({}), and max ≥ 1",
                            choices.len()
                        ),
                    );
                    ok = false;
                }
                QuestionKind::MultiChoice { choices, min, max }
            }
        }
        "number" => {
            let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
                err(
                    raw.kind.span().start,
                    "a number question needs both `min` and `max`",
                );
                return None;
            };
            if min.get_ref() >= max.get_ref() {
                err(max.span().start, "`max` must be larger than `min`");
                ok = false;
            }
            QuestionKind::Number {
                min: *min.get_ref(),
                max: *max.get_ref(),
                decimals: raw.decimals.as_ref().is_some_and(|d| *d.get_ref()),
            }
        }
        "yes_no" => QuestionKind::YesNo,
        "time_zone" => QuestionKind::TimeZone,
        "languages" => {
            let min = whole(&raw.min, "min", err)?.unwrap_or(1);
            let max = whole(&raw.max, "max", err)?.unwrap_or(5);
            if max == 0 || min > max {
                err(
                    raw.max
                        .as_ref()
                        .or(raw.min.as_ref())
                        .map(|m| m.span().start)
                        .unwrap_or(raw.kind.span().start),
                    "picks must satisfy min ≤ max, and max ≥ 1",
                );
                ok = false;
            }
            QuestionKind::Languages { min, max }
        }
        "consent" => match &raw.statement {
            Some(s) if !s.get_ref().trim().is_empty() => QuestionKind::Consent {
                statement: s.get_ref().clone(),
            },
            _ => {
                err(
                    raw.kind.span().start,
                    "a consent question needs a `statement`: what the person agrees to",
                );
                return None;
            }
        },
        "scale" => {
            let labels: Vec<String> = match &raw.labels {
                None => ["Very poor", "Poor", "OK", "Good", "Very good"]
                    .map(String::from)
                    .to_vec(),
                Some(l) => {
                    let labels: Vec<String> =
                        l.get_ref().iter().map(|x| x.trim().to_string()).collect();
                    if !(2..=10).contains(&labels.len()) || labels.iter().any(String::is_empty) {
                        err(
                            l.span().start,
                            "a scale has 2 to 10 points, each with a label, like [\"Very poor\", \"Poor\", \"OK\", \"Good\", \"Very good\"]",
                        );
                        ok = false;
                    }
                    labels
                }
            };
            QuestionKind::Scale { labels }
        }
        "nps" => QuestionKind::Nps,
        _ => unreachable!("kind checked against QUESTION_KINDS"),
    };
    ok.then_some(kind)
}

fn build_choices(
    list: &Spanned<Vec<String>>,
    err: &mut impl FnMut(usize, &str),
) -> Option<Vec<Choice>> {
    if list.get_ref().is_empty() {
        err(list.span().start, "the choice list is empty");
        return None;
    }
    let mut choices: Vec<Choice> = Vec::new();
    for label in list.get_ref() {
        let choice = Choice::from_label(label.trim());
        if choice.value.is_empty() {
            err(
                list.span().start,
                &format!("choice “{label}” needs at least one letter or digit"),
            );
            return None;
        }
        if choices.iter().any(|c| c.value == choice.value) {
            err(
                list.span().start,
                &format!("choice “{label}” appears twice"),
            );
            return None;
        }
        choices.push(choice);
    }
    Some(choices)
}

fn build_condition(
    cond: &Spanned<RawCondition>,
    earlier: &[Question],
    form: &[RawQuestion],
    err: &mut impl FnMut(usize, &str),
) -> Option<Condition> {
    let c = cond.get_ref();
    let target_id = c.question.get_ref().trim();
    let at = c.question.span().start;
    let Some(target) = earlier.iter().find(|q| q.id == target_id) else {
        let later = form.iter().any(|q| q.id.get_ref().trim() == target_id);
        if later {
            err(
                at,
                &format!(
                    "show_if refers to `{target_id}`, which comes later in the form; a branch can only depend on an earlier question"
                ),
            );
        } else {
            err(
                at,
                &format!("show_if refers to question `{target_id}`, which is not in this form"),
            );
        }
        return None;
    };
    let wanted: Vec<(String, usize)> = match (&c.equals, &c.any_of) {
        (Some(e), None) => vec![(e.get_ref().clone(), e.span().start)],
        (None, Some(list)) if !list.get_ref().is_empty() => list
            .get_ref()
            .iter()
            .map(|v| (v.clone(), list.span().start))
            .collect(),
        _ => {
            err(
                cond.span().start,
                "show_if needs exactly one of `equals = \"value\"` or `any_of = [\"a\", \"b\"]`",
            );
            return None;
        }
    };
    let mut values = Vec::new();
    for (w, at) in wanted {
        let value = match &target.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                choices
                    .iter()
                    .find(|ch| {
                        ch.value == w
                            || ch.label.eq_ignore_ascii_case(&w)
                            || ch.value == slugify(&w)
                    })
                    .map(|ch| ch.value.clone())
            }
            QuestionKind::YesNo => match w.to_lowercase().as_str() {
                "yes" | "true" => Some("yes".to_string()),
                "no" | "false" => Some("no".to_string()),
                _ => None,
            },
            QuestionKind::Consent { .. } => {
                err(
                    at,
                    "a branch cannot depend on a consent question: it is always agreed",
                );
                return None;
            }
            _ => Some(w.clone()),
        };
        match value {
            Some(v) => values.push(v),
            None => {
                let options = target.kind.closed_values().unwrap_or_default().join(", ");
                err(
                    at,
                    &format!(
                        "`{w}` is not a possible answer to `{target_id}` (possible: {options})"
                    ),
                );
                return None;
            }
        }
    }
    Some(Condition {
        question: target_id.to_string(),
        any_of: values,
    })
}

// ---------------------------------------------------------------------------------------
// Helpers: reading, parsing, and turning byte offsets into line and key.

fn read(path: &Path) -> Result<String, ConfigErrors> {
    std::fs::read_to_string(path).map_err(|e| {
        ConfigErrors(vec![ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            key: String::new(),
            message: format!("cannot read the file: {e}"),
        }])
    })
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    source: &str,
) -> Result<T, ConfigErrors> {
    toml::from_str(source).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        ConfigErrors(vec![located(path, source, offset, e.message().trim())])
    })
}

fn located(path: &Path, source: &str, offset: usize, message: &str) -> ConfigError {
    let (line, column) = line_col(source, offset);
    ConfigError {
        file: path.to_path_buf(),
        line,
        column,
        key: key_at(source, offset),
        message: message.to_string(),
    }
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// Offset of the first `key =` at the start of a line (for errors found after parsing).
fn find_key(source: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}

/// The dotted key at `offset`: the enclosing `[table]` / `[[array]]` header (with the
/// array index) and the key on the line.
fn key_at(source: &str, offset: usize) -> String {
    let offset = offset.min(source.len());
    let line_start = source[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = source[offset..]
        .find('\n')
        .map(|i| offset + i)
        .unwrap_or(source.len());
    let line = &source[line_start..line_end];
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.starts_with('[') && !k.is_empty());
    let mut header: Option<String> = None;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in source[..line_start].lines().chain(std::iter::once(line)) {
        let t = l.trim();
        if let Some(name) = t
            .strip_prefix("[[")
            .and_then(|r| r.split_once("]]"))
            .map(|(n, _)| n.trim().to_string())
        {
            let n = counts.entry(name.clone()).or_insert(0);
            *n += 1;
            header = Some(format!("{name}[{}]", *n - 1));
        } else if let Some(name) = t
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .map(|(n, _)| n.trim().to_string())
        {
            header = Some(name);
        }
    }
    match (header, key) {
        (Some(h), Some(k)) => format!("{h}.{k}"),
        (Some(h), None) => h,
        (None, Some(k)) => k,
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_at_names_the_array_entry_and_key() {
        let src = "slug = \"x\"\n[roles.mentee]\nname = \"M\"\n[[roles.mentee.questions]]\nid = \"a\"\n[[roles.mentee.questions]]\nid = \"b\"\nchoices = []\n";
        let at = src.find("choices").unwrap();
        assert_eq!(key_at(src, at), "roles.mentee.questions[1].choices");
        assert_eq!(line_col(src, at), (8, 1));
        assert_eq!(key_at(src, 0), "slug");
    }

    #[test]
    fn an_event_reminder_too_large_for_a_duration_is_refused_not_a_panic() {
        for r in [
            "-2562047788016h",
            "9223372036854775807m",
            "106751991167301d",
        ] {
            let settings = EventsSettings {
                reminders: vec![r.into()],
            };
            let message = settings.reminders().unwrap_err();
            assert!(
                message.contains("between 5 minutes and 30 days"),
                "{r}: {message}"
            );
        }
        let settings = EventsSettings {
            reminders: vec!["30d".into(), "5m".into()],
        };
        assert_eq!(
            settings.reminders(),
            Ok(vec![
                chrono::Duration::days(30),
                chrono::Duration::minutes(5)
            ])
        );
    }

    #[test]
    fn labels_default_to_the_id_in_words() {
        assert_eq!(label_from_id("hours_per_month"), "Hours per month");
    }
}
