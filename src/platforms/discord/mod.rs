//! The Discord adapter (feature `discord`), on serenity 0.12 (no cache, no command
//! framework: the commands are Tandem's own grammar).
//!
//! [`DiscordBot::connect`] builds serenity's HTTP client (every request through its rate
//! limiter, so a 429 waits and retries instead of failing a person's action) and gateway
//! client; [`DiscordBot::serve`] connects to the gateway, registers the slash commands in
//! each configured guild, and turns what people do into [`crate::chat::Inbound`] messages
//! for the [`App`], one at a time in arrival order:
//!
//! - slash commands (`/apply`, `/status`, `/help`, `/report`, `/withdraw`, `/pause`,
//!   `/resume`; `/coordinate` and `/moderate` for staff, hidden from members without the
//!   permission) become the words a person would type ([`render::command_text`]); as
//!   staff type a number there, the open ones are suggested (autocomplete);
//! - a DM is read as typed; in guild channels only the pair rooms' activity counts (the bot
//!   asks for no privileged intent, so it does not read guild messages' content);
//! - buttons, select menus and forms (modals) answer prompts ([`render`]); a press by
//!   someone else, or on a prompt already answered, gets an ephemeral refusal.
//!
//! Ports: DMs (opened once per person), channel posts, pair rooms as private threads under
//! `pairs_channel` (not invitable by members) or private channels in `pairs_category`;
//! read-only by locking the thread or denying Send Messages; a person's names (user name,
//! display name, server nicknames). Every send carries a nonce with `enforce_nonce` (and
//! the nonces Discord took are remembered longer than it does: see `send`), and mentions
//! are disabled, so nothing Tandem sends pings anyone. What Discord refuses outright (50001,
//! 50013, 10003; 10007, or 50007 for a person) is a [`PortError::Refused`] (or
//! `Unreachable`): never retried, told to the staff.
//!
//! Where things are: connecting and reading messages here; the gateway session, the work
//! queue, the catch-up and the slash commands in `serve`; sending in `send`; pair threads
//! and channels in `rooms`; slash commands, buttons, menus and forms in `interactions`;
//! the numbers suggested as staff type them in `autocomplete`;
//! the port implementations in `ports`; what messages and controls look like in
//! [`render`]; how `tandem run` plugs it in, in `adapter`.
//!
//! To extend: a new slash command is a [`render::CommandSpec`]; a new port method goes in
//! `ports`.

pub(super) mod adapter;
mod autocomplete;
mod interactions;
mod ports;
pub mod render;
mod rooms;
mod send;
mod serve;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use anyhow::{Context as _, anyhow};
use async_trait::async_trait;
use serenity::all::{
    ActionRowComponent, ButtonStyle, ChannelId, ChannelType, CommandInteraction, CommandOptionType,
    CommandType, ComponentInteraction, ComponentInteractionDataKind, Context, CreateActionRow,
    CreateAllowedMentions, CreateAttachment, CreateButton, CreateChannel, CreateCommand,
    CreateCommandOption, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, CreateScheduledEvent,
    CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption, CreateThread,
    EditInteractionResponse, EditMessage, EditScheduledEvent, EditThread, EventHandler,
    GatewayIntents, GuildId, Http, HttpBuilder, InputTextStyle, Interaction, Message, MessageId,
    ModalInteraction, Nonce, PermissionOverwrite, PermissionOverwriteType, Permissions, Ready,
    ResolvedOption, ResolvedTarget, ResolvedValue, ResumedEvent, RoleId, ScheduledEventId,
    ScheduledEventStatus, ScheduledEventType, ShardManager, Timestamp, Unresolved, UserId,
};
use serenity::gateway::{ConnectionStage, ShardStageUpdateEvent};
use tokio::sync::mpsc;
use tracing::{debug, error, info, warn};

use super::{lock, recent_lines};
use crate::app::App;
use crate::chat::{Content, FileStatus, Inbound, InboundFile, OutMessage};
use crate::config::DiscordSettings;
use crate::domain::events::EventRecord;
use crate::domain::staff::StaffGroup;
use crate::domain::{EventRef, Place, Platform, RoomRef, UserRef};
use crate::ports::{
    DirectMessenger, IdempotencyKey, PortError, Posted, PrivateRoomSpec, RoomMessenger,
    RoomProvisioner,
};
use render::{Action, Audience, Controls, SlashCommand};

/// Whether this build can connect to Discord.
pub const AVAILABLE: bool = true;

/// Discord's JSON error code for "Cannot send messages to this user".
const CANNOT_MESSAGE_USER: isize = 50007;
/// Discord's JSON error code for "Missing Permissions".
const MISSING_PERMISSIONS: isize = 50013;
/// Discord's JSON error code for "Unknown Member" (not in that server).
const UNKNOWN_MEMBER: isize = 10007;
/// Discord's JSON error code for "Missing Access" (the bot cannot see the channel).
const MISSING_ACCESS: isize = 50001;
/// Discord's JSON error code for "Unknown Channel" (deleted, or never there).
const UNKNOWN_CHANNEL: isize = 10003;

/// Only what Tandem uses: guild channels and threads, messages in them (for pair-room
/// activity), and DMs; the content of guild messages (a privileged intent, to be enabled in
/// the Developer Portal) only with `content`, for relayed pair rooms, whose messages are
/// copied to Matrix.
pub fn intents(content: bool) -> GatewayIntents {
    // Scheduled events' "Interested" taps are answers to a session (not privileged).
    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::GUILD_SCHEDULED_EVENTS;
    if content {
        intents | GatewayIntents::MESSAGE_CONTENT
    } else {
        intents
    }
}

/// The permissions the bot needs in a server (the operators' guide's invite URL carries
/// them): read and write in its channels and pair threads, attach files (charts, exports,
/// certificates, calendar files, evidence shown to moderators), create and lock private
/// threads, and — for pair rooms as private channels — create channels and set their
/// permissions.
pub fn required_permissions() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::ATTACH_FILES
        | Permissions::SEND_MESSAGES_IN_THREADS
        | Permissions::CREATE_PRIVATE_THREADS
        | Permissions::MANAGE_THREADS
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::MANAGE_CHANNELS
        | Permissions::MANAGE_ROLES
        | Permissions::CREATE_EVENTS
        | Permissions::MANAGE_EVENTS
}

/// The URL that adds the bot to a server, with its slash commands and permissions.
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot+applications.commands&permissions={}",
        required_permissions().bits()
    )
}

/// How the bot connects.
#[derive(Clone)]
pub struct DiscordOptions {
    pub settings: DiscordSettings,
    /// From `TANDEM_DISCORD_TOKEN`.
    pub token: String,
    /// The prefix the app expects before a staff command (`settings.room_prefix`).
    pub room_prefix: String,
    /// serenity's HTTP client; `None` for a default one. The tests pass one that resolves
    /// discord.com to a local fake and trusts its certificate.
    pub http_client: Option<reqwest::Client>,
}

impl DiscordOptions {
    /// Options for a real deployment: the token from `TANDEM_DISCORD_TOKEN`.
    pub fn from_env(settings: DiscordSettings, room_prefix: &str) -> anyhow::Result<Self> {
        let token = crate::config::Settings::secret("TANDEM_DISCORD_TOKEN")
            .context("set TANDEM_DISCORD_TOKEN to the bot's token (Developer Portal, Bot)")?;
        Ok(DiscordOptions {
            settings,
            token,
            room_prefix: room_prefix.to_string(),
            http_client: None,
        })
    }
}

/// What the worker does after handing an inbound message to the app.
enum Then {
    Nothing,
    /// Not a message to hand over: message `source` in the work's room was edited (`text`)
    /// or deleted, which a relayed pair room's copies follow. Queued in the room's lane,
    /// after the message itself.
    Change {
        from: Option<UserRef>,
        source: String,
        text: Option<String>,
    },
    /// A participant's slash command: replace the "thinking…" reply.
    FinishSlash {
        interaction: Box<CommandInteraction>,
        in_guild: bool,
    },
}

struct Work {
    /// The message's or interaction's id: handled once, even if delivered again.
    event: EventRef,
    inbound: Inbound,
    then: Then,
    /// For "Report message": the message as it was when reported.
    reported: Option<crate::chat::ReportedMessage>,
}

/// A connected Discord bot: the ports for the [`App`], and the gateway client that feeds it.
pub struct DiscordBot {
    http: Arc<Http>,
    settings: DiscordSettings,
    room_prefix: String,
    client: tokio::sync::Mutex<Option<serenity::Client>>,
    shard_manager: Arc<ShardManager>,
    app: OnceLock<App>,
    queue: mpsc::UnboundedSender<Work>,
    queue_rx: Mutex<Option<mpsc::UnboundedReceiver<Work>>>,
    own_id: OnceLock<UserId>,
    ready: tokio::sync::Notify,
    /// Each person's DM channel, once opened; and the DM channels themselves.
    dms: Mutex<HashMap<UserId, ChannelId>>,
    /// The prompt with controls last sent in each channel: superseded when another comes.
    open_prompts: Mutex<HashMap<ChannelId, MessageId>>,
    /// Prompts answered or superseded: a press on one is refused. Bounded; after a restart
    /// the flows themselves recognise an old prompt.
    closed_prompts: Mutex<HashSet<MessageId>>,
    /// The nonces of messages Discord has taken (see `send`): a retry skips them.
    sent_nonces: send::SentNonces,
    /// People whose DMs are closed to the bot, noticed while sending.
    unreachable: Mutex<HashSet<UserId>>,
    /// How many inbound messages the app has finished with (for logs and tests).
    handled: AtomicUsize,
    /// Work queued and not finished: a clean stop waits for it (up to [`DRAIN_WAIT`]).
    pending: AtomicUsize,
    /// Messages taken in by this process (from the gateway or a catch-up), so one that
    /// arrives both ways is queued once. Bounded; the app's record is what counts.
    taken: Mutex<HashSet<MessageId>>,
    stopping: AtomicBool,
    /// Whether the gateway's shard is connected now (its stage, as serenity reports it).
    connected: AtomicBool,
    /// For attachments people send (served by Discord's CDN, not its API).
    files: reqwest::Client,
}

const MAX_REMEMBERED_PROMPTS: usize = 10_000;

/// How long a clean stop waits for queued messages to be handled.
const DRAIN_WAIT: Duration = Duration::from_secs(30);

/// How far back a catch-up pages through one channel (at 100 a page).
const CATCH_UP_PAGES: usize = 3;

impl DiscordBot {
    /// Builds the HTTP and gateway clients; nothing is received until [`DiscordBot::serve`].
    pub async fn connect(options: DiscordOptions) -> anyhow::Result<Arc<DiscordBot>> {
        let mut http = HttpBuilder::new(&options.token)
            .application_id(options.settings.application_id.into())
            .default_allowed_mentions(CreateAllowedMentions::new());
        if let Some(client) = options.http_client.clone() {
            http = http.client(client);
        }
        let handler = Arc::new(Handler {
            bot: OnceLock::new(),
        });
        let intents = intents(options.settings.message_content);
        let client = serenity::all::ClientBuilder::new_with_http(http.build(), intents)
            .event_handler_arc(handler.clone())
            .await
            .context("building the Discord client")?;
        let (tx, rx) = mpsc::unbounded_channel();
        let bot = Arc::new(DiscordBot {
            // The ports use the client's own HTTP client, so the rate limiter is shared.
            http: client.http.clone(),
            settings: options.settings.clone(),
            room_prefix: options.room_prefix.clone(),
            shard_manager: client.shard_manager.clone(),
            client: tokio::sync::Mutex::new(Some(client)),
            app: OnceLock::new(),
            queue: tx,
            queue_rx: Mutex::new(Some(rx)),
            own_id: OnceLock::new(),
            ready: tokio::sync::Notify::new(),
            dms: Mutex::default(),
            open_prompts: Mutex::default(),
            closed_prompts: Mutex::default(),
            files: options.http_client.clone().unwrap_or_else(|| {
                reqwest::Client::builder()
                    .timeout(std::time::Duration::from_secs(120))
                    .build()
                    .unwrap_or_default()
            }),
            unreachable: Mutex::default(),
            sent_nonces: send::SentNonces::default(),
            handled: AtomicUsize::new(0),
            pending: AtomicUsize::new(0),
            taken: Mutex::default(),
            stopping: AtomicBool::new(false),
            connected: AtomicBool::new(false),
        });
        let _ = handler.bot.set(Arc::downgrade(&bot));
        Ok(bot)
    }

    /// The bot's own user id, once the gateway said who it is.
    pub fn user_id(&self) -> Option<u64> {
        self.own_id.get().map(|id| id.get())
    }

    /// Whether the gateway is connected now, for `/healthz`.
    pub fn gateway_connected(&self) -> bool {
        self.connected.load(Ordering::SeqCst)
    }

    /// Waits until the gateway is ready and the commands are registered, or `timeout`.
    pub async fn wait_ready(&self, timeout: Duration) -> bool {
        if self.own_id.get().is_some() {
            return true;
        }
        let _ = tokio::time::timeout(timeout, self.ready.notified()).await;
        self.own_id.get().is_some()
    }

    /// How many inbound messages (typed, picked, commands) the app has finished with.
    pub fn handled(&self) -> usize {
        self.handled.load(Ordering::SeqCst)
    }

    fn place_of(&self, guild: Option<GuildId>, channel: ChannelId) -> Place {
        match guild {
            None => Place::Dm,
            Some(_) => Place::Room(channel_ref(channel.get())),
        }
    }

    /// "Interested" on a session's scheduled event, given (`interested`) or taken back, is
    /// that person's answer to the session, as if they had typed `rsvp <n> yes` (or `no`)
    /// in their DM: recorded, confirmed to them by DM, counted for its reminders. Discord
    /// lets no bot mark someone interested, so an answer given to Tandem does not show in
    /// Discord's list.
    async fn on_interest(
        &self,
        guild: GuildId,
        event: ScheduledEventId,
        user: UserId,
        interested: bool,
    ) {
        if Some(user) == self.own_id.get().copied() {
            return;
        }
        let Some(app) = self.app.get() else { return };
        let Some(session) = app.event_published_as(&format!("{guild}/{event}")).await else {
            return;
        };
        let answer = if interested { "yes" } else { "no" };
        let inbound = Inbound {
            from: UserRef::new(Platform::Discord, user.to_string()),
            place: Place::Dm,
            content: Content::Text(format!("rsvp {session} {answer}")),
            files: vec![],
        };
        // Each tap is its own event: one taken back and given again is answered again.
        let tap = format!(
            "interest-{event}-{user}-{answer}-{}",
            chrono::Utc::now().timestamp_millis()
        );
        self.enqueue(tap, inbound, Then::Nothing);
    }

    async fn on_message(&self, message: Message) {
        if Some(message.author.id) == self.own_id.get().copied() {
            self.note_own(&message);
            return;
        }
        if message.author.bot {
            return;
        }
        {
            let mut taken = lock(&self.taken);
            if taken.len() >= MAX_REMEMBERED_PROMPTS {
                taken.clear();
            }
            if !taken.insert(message.id) {
                return;
            }
        }
        let from = UserRef::new(Platform::Discord, message.author.id.to_string());
        // Files in a DM may be a report's evidence, and in a relayed pair room are copied
        // to its other side; the app fetches them only then.
        let files: Vec<InboundFile> = message
            .attachments
            .iter()
            .map(|a| InboundFile {
                name: a.filename.clone(),
                mime: a.content_type.clone(),
                size: Some(u64::from(a.size)),
                source: a.url.clone(),
                status: FileStatus::Received,
            })
            .collect();
        if message.guild_id.is_none() {
            lock(&self.dms).insert(message.author.id, message.channel_id);
            if message.content.trim().is_empty() && files.is_empty() {
                // Once per message, even when a catch-up reads it again.
                let event = EventRef::new(Platform::Discord, message.id.to_string());
                if let Some(app) = self.app.get() {
                    if app.already_handled(&event).await {
                        return;
                    }
                    app.record_handled(&event).await;
                }
                let author = UserRef::new(Platform::Discord, message.author.id.to_string());
                let text = self.said(&author, crate::i18n::Text::msg("platform-only-text"));
                let key = IdempotencyKey(format!("discord-explain-{}", message.id));
                if let Err(e) = self
                    .send(
                        message.channel_id,
                        &OutMessage::text(text),
                        &key,
                        Some(message.author.id),
                    )
                    .await
                {
                    warn!("explaining an unusable message failed: {e}");
                }
                return;
            }
        }
        let inbound = Inbound {
            from,
            place: self.place_of(message.guild_id, message.channel_id),
            content: Content::Text(message.content),
            files,
        };
        self.enqueue(message.id, inbound, Then::Nothing);
    }
}

/// What was written in a form's one input, trimmed.
fn form_answer(form: &ModalInteraction) -> String {
    form.data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            ActionRowComponent::InputText(input) if input.custom_id == "answer" => {
                input.value.clone()
            }
            _ => None,
        })
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The prompt, now answered: its text, what was picked, and no controls.
fn answered(content: &str, labels: &[String]) -> CreateInteractionResponse {
    let mut text = content.to_string();
    if !labels.is_empty() {
        let shown: Vec<String> = labels
            .iter()
            .map(|l| l.chars().take(200).collect())
            .collect();
        text.push_str(&format!("\n→ {}", shown.join(", ")));
    }
    let text: String = text.chars().take(render::MAX_CONTENT).collect();
    CreateInteractionResponse::UpdateMessage(
        CreateInteractionResponseMessage::new()
            .content(text)
            .components(vec![])
            .allowed_mentions(CreateAllowedMentions::new()),
    )
}

/// The labels of the picked values, read from the prompt's own buttons or menu.
/// The values picked in the select menu `custom_id` of `message`, in the order its options
/// are listed: Discord sends them in the order they were clicked.
fn in_listed_order(message: &Message, custom_id: &str, values: &[String]) -> Vec<String> {
    let listed: Vec<&String> = message
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            ActionRowComponent::SelectMenu(menu)
                if menu.custom_id.as_deref() == Some(custom_id) =>
            {
                Some(menu.options.iter().map(|o| &o.value).collect())
            }
            _ => None,
        })
        .unwrap_or_default();
    render::listed_order(&listed, values)
}

fn picked_labels(message: &Message, values: &[String]) -> Vec<String> {
    let mut labels = Vec::new();
    for component in message.components.iter().flat_map(|row| &row.components) {
        match component {
            ActionRowComponent::Button(button) => {
                if let serenity::all::ButtonKind::NonLink { custom_id, .. } = &button.data
                    && let Some(Action::Pick { value: Some(v), .. }) =
                        render::parse_custom_id(custom_id)
                    && values.contains(&v)
                {
                    labels.extend(button.label.clone());
                }
            }
            ActionRowComponent::SelectMenu(menu) => {
                for option in &menu.options {
                    if values.contains(&option.value) {
                        labels.push(option.label.clone());
                    }
                }
            }
            _ => {}
        }
    }
    if labels.is_empty() {
        values.to_vec()
    } else {
        labels
    }
}

/// The rows of a rendered message: its controls, then its command menu.
fn components(rendered: &render::Rendered) -> Vec<CreateActionRow> {
    let mut rows = control_rows(&rendered.controls);
    if let Some(menu) = &rendered.menu {
        rows.push(select_row(
            &menu.custom_id,
            &menu.options,
            (1, menu.max),
            &menu.placeholder,
        ));
        if !menu.buttons.is_empty() {
            rows.push(button_row(&menu.buttons, ButtonStyle::Secondary));
        }
    }
    rows
}

fn control_rows(controls: &Controls) -> Vec<CreateActionRow> {
    match controls {
        Controls::None => vec![],
        Controls::Buttons(buttons) => vec![button_row(buttons, ButtonStyle::Primary)],
        Controls::Select {
            custom_id,
            min,
            max,
            options,
        } => vec![select_row(
            custom_id,
            options,
            (*min, *max),
            &if *max > 1 {
                format!("Pick {min} to {max}")
            } else {
                "Pick one".to_string()
            },
        )],
        Controls::Actions(buttons) => vec![button_row(buttons, ButtonStyle::Secondary)],
        Controls::AnswerButton { custom_id } => vec![CreateActionRow::Buttons(vec![
            CreateButton::new(custom_id)
                .label("Answer")
                .emoji('✍')
                .style(ButtonStyle::Primary),
        ])],
    }
}

/// A row holding one select menu: its options, how many may be picked (min, max).
fn select_row(
    custom_id: &str,
    options: &[render::SelectOption],
    (min, max): (usize, usize),
    placeholder: &str,
) -> CreateActionRow {
    CreateActionRow::SelectMenu(
        CreateSelectMenu::new(
            custom_id,
            CreateSelectMenuKind::String {
                options: options
                    .iter()
                    .map(|o| CreateSelectMenuOption::new(&o.label, &o.value))
                    .collect(),
            },
        )
        .min_values(min as u8)
        .max_values(max as u8)
        .placeholder(placeholder),
    )
}

/// A row of buttons, all in one style: a prompt's choices, or a card's actions.
fn button_row(buttons: &[render::Button], style: ButtonStyle) -> CreateActionRow {
    CreateActionRow::Buttons(
        buttons
            .iter()
            .map(|b| CreateButton::new(&b.custom_id).label(&b.label).style(style))
            .collect(),
    )
}

/// serenity's handler; it reaches the bot through a weak reference (the bot owns the client
/// that owns the handler).
struct Handler {
    bot: OnceLock<std::sync::Weak<DiscordBot>>,
}

impl Handler {
    fn bot(&self) -> Option<Arc<DiscordBot>> {
        self.bot.get().and_then(std::sync::Weak::upgrade)
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        let Some(bot) = self.bot() else { return };
        let _ = bot.own_id.set(ready.user.id);
        bot.register_commands().await;
        bot.ready.notify_waiters();
        // A new session hears nothing from before it: read back what was missed.
        bot.catch_up().await;
    }

    /// The shard's connection as it changes: connected, or (re)connecting.
    async fn shard_stage_update(&self, _ctx: Context, event: ShardStageUpdateEvent) {
        let Some(bot) = self.bot() else { return };
        let now = event.new == ConnectionStage::Connected;
        let was = bot.connected.swap(now, Ordering::SeqCst);
        if was && !now {
            metrics::counter!("tandem_platform_errors_total", "platform" => "discord").increment(1);
        }
    }

    /// Someone taps "Interested" on a session's scheduled event: a yes to the session.
    async fn guild_scheduled_event_user_add(
        &self,
        _ctx: Context,
        subscribed: serenity::all::GuildScheduledEventUserAddEvent,
    ) {
        if let Some(bot) = self.bot() {
            let (guild, event) = (subscribed.guild_id, subscribed.scheduled_event_id);
            bot.on_interest(guild, event, subscribed.user_id, true)
                .await;
        }
    }

    /// Someone takes their "Interested" back: a no.
    async fn guild_scheduled_event_user_remove(
        &self,
        _ctx: Context,
        unsubscribed: serenity::all::GuildScheduledEventUserRemoveEvent,
    ) {
        if let Some(bot) = self.bot() {
            let (guild, event) = (unsubscribed.guild_id, unsubscribed.scheduled_event_id);
            bot.on_interest(guild, event, unsubscribed.user_id, false)
                .await;
        }
    }

    async fn resume(&self, _ctx: Context, _: ResumedEvent) {
        info!("Discord gateway session resumed");
    }

    /// A rate limit met by the HTTP client (serenity waits it out before retrying, or
    /// before sending when a bucket is spent): counted for `/metrics`, with the route
    /// (never its ids) in the debug log.
    async fn ratelimit(&self, info: serenity::all::RatelimitInfo) {
        metrics::counter!("tandem_platform_429_total", "platform" => "discord").increment(1);
        tracing::debug!(
            global = info.global,
            wait_ms = info.timeout.as_millis() as u64,
            "Discord rate limit met"
        );
    }

    async fn message(&self, _ctx: Context, message: Message) {
        if let Some(bot) = self.bot() {
            bot.on_message(message).await;
        }
    }

    /// An edit of a message in a server (a DM's is not taken: answers count as first sent).
    async fn message_update(
        &self,
        _ctx: Context,
        _old: Option<Message>,
        _new: Option<Message>,
        event: serenity::all::MessageUpdateEvent,
    ) {
        let (Some(bot), Some(guild), Some(text)) = (self.bot(), event.guild_id, event.content)
        else {
            return;
        };
        let from = event.author.filter(|a| !a.bot).map(|a| a.id);
        let Some(author) = from.filter(|a| Some(*a) != bot.own_id.get().copied()) else {
            return;
        };
        // Each edit once: Discord stamps it to the microsecond.
        let edited = event
            .edited_timestamp
            .map_or_else(String::new, |t| t.to_rfc3339().unwrap_or_default());
        bot.enqueue_change(
            guild,
            event.channel_id,
            format!("{}-edited-{edited}", event.id),
            Then::Change {
                from: Some(UserRef::new(Platform::Discord, author.to_string())),
                source: event.id.to_string(),
                text: Some(text),
            },
        );
    }

    async fn message_delete(
        &self,
        _ctx: Context,
        channel: ChannelId,
        deleted: MessageId,
        guild: Option<GuildId>,
    ) {
        let (Some(bot), Some(guild)) = (self.bot(), guild) else {
            return;
        };
        bot.enqueue_change(
            guild,
            channel,
            format!("{deleted}-deleted"),
            Then::Change {
                from: None,
                source: deleted.to_string(),
                text: None,
            },
        );
    }

    async fn interaction_create(&self, _ctx: Context, interaction: Interaction) {
        let Some(bot) = self.bot() else { return };
        match interaction {
            Interaction::Command(command) => bot.on_command(command).await,
            Interaction::Component(press) => bot.on_component(press).await,
            Interaction::Modal(form) => bot.on_modal(form).await,
            Interaction::Autocomplete(typing) => bot.on_autocomplete(typing).await,
            _ => {}
        }
    }
}

fn channel_ref(id: u64) -> RoomRef {
    RoomRef::new(Platform::Discord, id.to_string())
}

fn discord_user(user: &UserRef) -> Result<UserId, PortError> {
    match (user.platform, user.id.parse::<u64>()) {
        (Platform::Discord, Ok(id)) if id != 0 => Ok(UserId::new(id)),
        _ => Err(PortError::Other(anyhow!("{user} is not a Discord user"))),
    }
}

fn discord_channel(room: &RoomRef) -> Result<ChannelId, PortError> {
    match (room.platform, room.id.parse::<u64>()) {
        (Platform::Discord, Ok(id)) if id != 0 => Ok(ChannelId::new(id)),
        _ => Err(PortError::Other(anyhow!("{room} is not a Discord channel"))),
    }
}

fn truncate_name(name: &str) -> String {
    name.chars().take(100).collect()
}

/// The JSON error code of a failed Discord request, if it was one.
fn json_code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response)) => {
            Some(response.error.code)
        }
        _ => None,
    }
}

/// A failed request in words an operator can act on: a missing permission is named, and
/// so is a channel the bot cannot see or that is gone.
fn explain_error(e: &serenity::Error, doing: &str) -> String {
    match json_code(e) {
        Some(MISSING_PERMISSIONS) => {
            format!("the bot is missing a permission: it needs to {doing}")
        }
        Some(MISSING_ACCESS) => format!(
            "the bot cannot see that channel (Missing Access): it needs View Channel there to {doing}"
        ),
        Some(UNKNOWN_CHANNEL) => {
            "the channel is gone (Unknown Channel): deleted, or not in a server the bot is in"
                .to_string()
        }
        Some(UNKNOWN_MEMBER) => "that person is no longer in the server (Unknown Member)".into(),
        _ => format!("could not {doing}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operators_guide_invite_url_carries_exactly_the_permissions_the_bot_needs() {
        let readme = include_str!("../../../docs/operators.md");
        assert!(readme.contains(&invite_url(0).replace("client_id=0", "client_id=APPLICATION_ID")));
    }

    #[test]
    fn the_invite_asks_for_attach_files_and_no_sweeping_power() {
        let bits = required_permissions().bits();
        // Attach Files is bit 15 in Discord's permission table: charts, exports,
        // certificates and evidence are posted as files.
        assert_eq!(Permissions::ATTACH_FILES.bits(), 1 << 15);
        assert_ne!(bits & (1 << 15), 0);
        assert!(invite_url(7).ends_with(&format!("&permissions={bits}")));
        assert!(invite_url(7).contains("client_id=7&scope=bot+applications.commands"));
        for power in [
            Permissions::ADMINISTRATOR,
            Permissions::MENTION_EVERYONE,
            Permissions::MANAGE_GUILD,
            Permissions::BAN_MEMBERS,
            Permissions::KICK_MEMBERS,
            Permissions::MANAGE_MESSAGES,
        ] {
            assert!(!required_permissions().contains(power), "{power:?}");
        }
    }

    #[test]
    fn only_discord_ids_are_accepted_as_users_and_channels() {
        assert!(discord_user(&UserRef::new(Platform::Discord, "42")).is_ok());
        assert!(discord_user(&UserRef::new(Platform::Matrix, "42")).is_err());
        assert!(discord_user(&UserRef::new(Platform::Discord, "carol")).is_err());
        assert!(discord_channel(&RoomRef::new(Platform::Discord, "0")).is_err());
    }
}
