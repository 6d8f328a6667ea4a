//! The deployment's settings (`tandem.toml`): the database, the platforms, moderation,
//! delivery, limits, events, graphics. Each section is a struct read with serde (unknown
//! keys refused) and checked as a whole in [`Settings::load`].
//!
//! To add a setting: a field with its default here, a check in `Settings::load` if it
//! has a range, and a line in `config/tandem.example.toml`.

use super::*;

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
    /// The language Tandem writes in to everyone who has not chosen one (`language`), and
    /// in rooms: a tag of a shipped language (`en`, `es`, `ar`).
    #[serde(default = "default_language")]
    pub language: String,
    /// How logs are written to standard error: `text` (the default, for people) or `json`
    /// (one object a line, for a log collector).
    #[serde(default)]
    pub log_format: LogFormat,
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
    #[serde(default)]
    pub server: ServerSettings,
    pub matrix: Option<MatrixSettings>,
    pub discord: Option<DiscordSettings>,
}

/// How logs are written (`log_format`).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// `[server]`: the operators' HTTP listener of `tandem run` (`/healthz`, `/metrics`), off
/// unless `listen` is set.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    /// Address and port to listen on, e.g. `127.0.0.1:9184` (keep it off the internet:
    /// the figures are for the operator's monitoring).
    #[serde(default)]
    pub listen: Option<String>,
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

pub(super) fn default_retry_hours() -> u32 {
    6
}

pub(super) fn default_stale_hours() -> u32 {
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

pub(super) fn default_messages_per_minute() -> u32 {
    20
}

pub(super) fn default_expensive_per_hour() -> u32 {
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

pub(super) fn default_fonts() -> Vec<PathBuf> {
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

pub(super) fn default_reminders() -> Vec<String> {
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

pub(super) fn default_evidence_files() -> u32 {
    crate::domain::incident::EvidenceLimits::default().files
}

pub(super) fn default_evidence_mb() -> u32 {
    (crate::domain::incident::EvidenceLimits::default().max_bytes / (1024 * 1024)) as u32
}

pub(super) fn default_escalate_after() -> u32 {
    30
}

pub(super) fn default_max_reports() -> u32 {
    5
}

/// A kind of report (`[[moderation.categories]]`): its `id`, the `label` a reporter reads
/// and chooses, whether it is a `safeguarding` one, and optionally that label in other
/// languages Tandem speaks, by tag: `labels = { es = "Acoso", ar = "تحرّش" }`. A reporter
/// reads the label of their language (the `label` where none is given) and may type any of
/// them back. (The built-in categories are said in every language already.)
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CategorySettings {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub safeguarding: bool,
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
}

impl CategorySettings {
    /// What is wrong with its labels in other languages: a tag of a language Tandem does
    /// not speak, or a blank label.
    pub fn labels_problem(&self) -> Option<String> {
        for (tag, label) in &self.labels {
            if crate::i18n::Locale::from_tag(tag).is_none_or(|l| l.tag() != tag) {
                let shipped: Vec<&str> = crate::i18n::SHIPPED.iter().map(|s| s.tag).collect();
                return Some(format!(
                    "moderation.categories: the category `{}` has a label in `{tag}`, which Tandem does not speak: labels are for {}",
                    self.id,
                    shipped.join(", ")
                ));
            }
            if label.trim().is_empty() {
                return Some(format!(
                    "moderation.categories: the category `{}` has an empty label in `{tag}`: give the words, or leave that language out",
                    self.id
                ));
            }
        }
        None
    }
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
            limited: vec![],
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
                        labels: c
                            .labels
                            .iter()
                            .map(|(tag, label)| (tag.clone(), label.trim().to_string()))
                            .collect(),
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
    /// The community's Space, by id or alias: each new pair room is added to it (the bot
    /// needs the power to add rooms there). Others in the Space see only that a room
    /// exists, never its name or members: pair rooms are invite-only.
    #[serde(default)]
    pub space: Option<String>,
    /// Appservice mode (`[matrix.appservice]`): pair rooms made without the client's rate
    /// limits, transactions pushed by the homeserver. Off when absent.
    #[serde(default)]
    pub appservice: Option<super::AppserviceSettings>,
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
            ("space", &self.space),
        ] {
            if let Some(problem) = room.as_deref().and_then(matrix_room_problem) {
                problems.push((key, problem));
            }
        }
        if let Some(appservice) = &self.appservice {
            problems.extend(appservice.problems());
        }
        problems
    }
}

/// What is wrong with `room` as a Matrix room written in a file (an id or an alias), if
/// anything. Room ids of room version 12 have no server part; aliases always do.
pub(super) fn matrix_room_problem(room: &str) -> Option<String> {
    let id = room.starts_with('!') && room.len() > 1;
    let alias = room.starts_with('#') && room.contains(':');
    (!(id || alias)).then(|| {
        format!("`{room}` should be a room id (!abc:example.org) or alias (#name:example.org)")
    })
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
    /// Whether the bot reads the text of messages in the server (Discord's privileged
    /// Message Content intent, enabled in the Developer Portal under Bot). Relayed pair
    /// rooms need it: a pair with a Discord member and a Matrix member is made only when
    /// one process serves both platforms and this is on.
    #[serde(default)]
    pub message_content: bool,
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

pub(super) fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}
pub(super) fn default_programmes_dir() -> PathBuf {
    PathBuf::from("config/programs")
}
pub(super) fn default_max_message_chars() -> usize {
    8000
}
fn default_language() -> String {
    "en".into()
}

pub(super) fn default_room_prefix() -> String {
    "!tandem".into()
}
pub(super) fn default_coordinators_room() -> String {
    "coordinators".into()
}
pub(super) fn default_moderators_room() -> String {
    "moderators".into()
}

impl Default for Settings {
    fn default() -> Self {
        toml::from_str("").expect("empty settings are valid")
    }
}

impl Settings {
    /// The deployment's language (`None`: one Tandem does not speak).
    pub fn locale(&self) -> Option<crate::i18n::Locale> {
        crate::i18n::Locale::from_tag(&self.language)
    }

    /// Reads and checks a settings file.
    pub fn load(path: &Path) -> Result<Settings, ConfigErrors> {
        let source = read(path)?;
        // Unknown keys and ill-typed values, then the checks on what could be read.
        let (settings, found) = parse_toml::<Settings>(path, &source)?;
        let mut errors = Vec::new();
        // A problem found after parsing, reported at its key's line.
        let at_key =
            |key: &str, message: &str| located(path, &source, find_key(&source, key), message);
        if settings.max_message_chars < 100 {
            errors.push(at_key("max_message_chars", "must be at least 100"));
        }
        if settings.room_prefix.trim().is_empty()
            || settings.room_prefix.contains(char::is_whitespace)
        {
            errors.push(at_key("room_prefix", "must be one word, like !tandem"));
        }
        if settings.locale().is_none() {
            let shipped: Vec<&str> = crate::i18n::SHIPPED.iter().map(|s| s.tag).collect();
            errors.push(at_key(
                "language",
                &format!(
                    "Tandem does not speak \"{}\": choose one of {}",
                    settings.language,
                    shipped.join(", ")
                ),
            ));
        }
        if let Some(url) = &settings.database_url
            && !(url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://"))
        {
            errors.push(at_key(
                "database_url",
                "must start with sqlite: or postgres://",
            ));
        }
        if settings
            .case_key_file
            .as_ref()
            .is_some_and(|f| f.as_os_str().is_empty())
        {
            errors.push(at_key(
                "case_key_file",
                "must name the file holding the case key, or be left out",
            ));
        }
        if let Err(m) = settings.moderation.moderation() {
            errors.push(at_key("moderators", &m));
        }
        for category in &settings.moderation.categories {
            if let Some(m) = category.labels_problem() {
                errors.push(at_key("labels", &m));
            }
        }
        if !(1..=100).contains(&settings.moderation.max_evidence_mb) {
            errors.push(at_key(
                "max_evidence_mb",
                "must be between 1 and 100 (megabytes); files are shown to moderators through the platform, which limits uploads (Discord: 10 MB without boosts)",
            ));
        }
        if !(1..=100).contains(&settings.moderation.retention_years) {
            errors.push(at_key(
                "retention_years",
                "must be between 1 and 100 (years safeguarding records about a person are kept after they delete their data; the safeguarding lead decides the figure)",
            ));
        }
        if let Err(m) = settings.events.reminders() {
            errors.push(at_key("reminders", &m));
        }
        if !(1..=72).contains(&settings.delivery.retry_hours) {
            errors.push(at_key(
                "retry_hours",
                "must be between 1 and 72 (hours of retrying what a platform refused)",
            ));
        }
        if !(1..=168).contains(&settings.delivery.stale_after_hours) {
            errors.push(at_key(
                "stale_after_hours",
                "must be between 1 and 168 (hours after which a message to a person is too late)",
            ));
        }
        if !(5..=600).contains(&settings.limits.messages_per_minute) {
            errors.push(at_key(
                "messages_per_minute",
                "must be between 5 and 600 (messages a person may send in a minute; fewer would cut off someone answering questions at an ordinary pace)",
            ));
        }
        if !(1..=100).contains(&settings.limits.expensive_per_hour) {
            errors.push(at_key(
                "expensive_per_hour",
                "must be between 1 and 100 (transcripts, data files, exports and reports a person may ask for in an hour)",
            ));
        }
        if let Some(listen) = &settings.server.listen
            && listen.parse::<std::net::SocketAddr>().is_err()
        {
            errors.push(at_key(
                "listen",
                "must be an address and port, like 127.0.0.1:9184",
            ));
        }
        if let Some(matrix) = &settings.matrix {
            for (key, message) in matrix.problems() {
                // `[matrix.appservice]`'s keys are found under its header (`listen` is
                // also `[server]`'s).
                let error = match key.strip_prefix("appservice.") {
                    Some(key) => {
                        let header = source.find("[matrix.appservice]").unwrap_or(0);
                        let at = match find_key(&source[header..], key) {
                            0 => header,
                            at => header + at,
                        };
                        located(path, &source, at, &message)
                    }
                    None => at_key(key, &message),
                };
                errors.push(error);
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
        let errors = found.with(errors);
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
