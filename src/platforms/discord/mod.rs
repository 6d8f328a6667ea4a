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
//!   permission) become the words a person would type ([`render::command_text`]);
//! - a DM is read as typed; in guild channels only the pair rooms' activity counts (the bot
//!   asks for no privileged intent, so it does not read guild messages' content);
//! - buttons, select menus and forms (modals) answer prompts ([`render`]); a press by
//!   someone else, or on a prompt already answered, gets an ephemeral refusal.
//!
//! Ports: DMs (opened once per person), channel posts, pair rooms as private threads under
//! `pairs_channel` (not invitable by members) or private channels in `pairs_category`;
//! read-only by locking the thread or denying Send Messages; a person's names (user name,
//! display name, server nicknames). Every send carries a nonce with `enforce_nonce`, and
//! mentions are disabled, so nothing Tandem sends pings anyone.
//!
//! Where things are: the gateway, the queue of what people do and sending here; slash
//! commands, buttons, menus and forms in `interactions`; the port implementations in
//! `ports`; what messages and controls look like in [`render`]; how `tandem run` plugs
//! it in, in `adapter`.
//!
//! To extend: a new slash command is a [`render::CommandSpec`]; a new port method goes in
//! `ports`.

pub(super) mod adapter;
mod interactions;
mod ports;
pub mod render;

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
    ResolvedTarget, ResolvedValue, ResumedEvent, RoleId, ScheduledEventId, ScheduledEventStatus,
    ScheduledEventType, ShardManager, Timestamp, UserId,
};
use tokio::sync::mpsc;
use tracing::{debug, error, info, warn};

use crate::app::App;
use crate::chat::{Content, FileStatus, Inbound, InboundFile, OutMessage};
use crate::config::DiscordSettings;
use crate::domain::events::EventRecord;
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

/// Only what Tandem uses: guild channels and threads, messages in them (for pair-room
/// activity; not their content, which would need a privileged intent), and DMs.
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES
}

/// The permissions the bot needs in a server (the README's invite URL carries them): read
/// and write in its channels and pair threads, create and lock private threads, and — for
/// pair rooms as private channels — create channels and set their permissions.
pub fn required_permissions() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
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
        let client = serenity::all::ClientBuilder::new_with_http(http.build(), intents())
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
            handled: AtomicUsize::new(0),
            pending: AtomicUsize::new(0),
            taken: Mutex::default(),
            stopping: AtomicBool::new(false),
        });
        let _ = handler.bot.set(Arc::downgrade(&bot));
        Ok(bot)
    }

    /// The coordinators' channel, as the app names rooms.
    pub fn coordinators_room(&self) -> Option<RoomRef> {
        self.settings.coordinators_channel.map(channel_ref)
    }

    /// The events channel, as the app names rooms.
    pub fn events_room(&self) -> Option<RoomRef> {
        self.settings.events_channel.map(channel_ref)
    }

    /// The moderators' channel, as the app names rooms.
    pub fn moderators_room(&self) -> Option<RoomRef> {
        self.settings.moderators_channel.map(channel_ref)
    }

    /// The bot's own user id, once the gateway said who it is.
    pub fn user_id(&self) -> Option<u64> {
        self.own_id.get().map(|id| id.get())
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

    /// Feeds the app until [`DiscordBot::stop`] is called. The gateway reconnects (and
    /// resumes, so nothing is missed) by itself.
    pub async fn serve(self: &Arc<Self>, app: App) -> anyhow::Result<()> {
        let _ = self.app.set(app.clone());
        let mut rx = lock(&self.queue_rx)
            .take()
            .context("serve was already called")?;
        let worker = {
            let bot = self.clone();
            tokio::spawn(async move {
                while let Some(work) = rx.recv().await {
                    // A panic is contained to this piece of work (the app already contains
                    // its own; this covers the interaction's follow-up), so the queue goes on.
                    let _ = crate::app::supervise::contained(
                        "a Discord message or interaction",
                        bot.perform(&app, work),
                    )
                    .await;
                    bot.pending.fetch_sub(1, Ordering::SeqCst);
                }
            })
        };
        let mut client = self
            .client
            .lock()
            .await
            .take()
            .context("serve was already called")?;
        info!(
            "connecting to the Discord gateway; to add the bot to a server: {}",
            invite_url(self.settings.application_id)
        );
        let result = client.start().await;
        // A clean stop handles what is queued first (a restart would not see it again).
        let deadline = tokio::time::Instant::now() + DRAIN_WAIT;
        while self.pending.load(Ordering::SeqCst) > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if self.pending.load(Ordering::SeqCst) > 0 {
            warn!(
                left = self.pending.load(Ordering::SeqCst),
                "stopping with messages still queued; they are read back at the next start"
            );
        }
        worker.abort();
        match result {
            Ok(()) => {
                info!("stopped listening on Discord");
                Ok(())
            }
            Err(_) if self.stopping.load(Ordering::SeqCst) => Ok(()),
            Err(e) => Err(anyhow!("the Discord gateway connection ended: {e}")),
        }
    }

    /// Closes the gateway connection; [`DiscordBot::serve`] then returns.
    pub async fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.shard_manager.shutdown_all().await;
    }

    async fn perform(&self, app: &App, work: Work) {
        let user = work.inbound.from.id.parse::<u64>().ok().map(UserId::new);
        if let Some(user) = user {
            lock(&self.unreachable).remove(&user);
        }
        match work.reported {
            Some(copy) => {
                app.receive_reported(work.inbound.from, copy, Some(work.event))
                    .await
            }
            None => app.receive_event(work.event, work.inbound).await,
        }
        if let Then::FinishSlash {
            interaction,
            in_guild,
        } = work.then
        {
            let unreachable = user.is_some_and(|u| lock(&self.unreachable).contains(&u));
            let result = if unreachable {
                let text = "I could not send you a direct message. Please allow direct messages from members of this server (Privacy Settings), then try again.";
                interaction
                    .edit_response(&self.http, EditInteractionResponse::new().content(text))
                    .await
                    .map(|_| ())
            } else if in_guild {
                let text = "I've answered in our direct messages.";
                interaction
                    .edit_response(&self.http, EditInteractionResponse::new().content(text))
                    .await
                    .map(|_| ())
            } else {
                // In the DM itself the answer is right below: no need for the placeholder.
                interaction.delete_response(&self.http).await
            };
            if let Err(e) = result {
                warn!("finishing a slash command's reply failed: {e}");
            }
        }
        self.handled.fetch_add(1, Ordering::SeqCst);
    }

    fn enqueue(&self, event: impl std::fmt::Display, inbound: Inbound, then: Then) {
        self.enqueue_work(Work {
            event: EventRef::new(Platform::Discord, event.to_string()),
            inbound,
            then,
            reported: None,
        });
    }

    fn enqueue_work(&self, work: Work) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.queue.send(work).is_err() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            warn!("the Discord worker has stopped; an event was dropped");
        }
    }

    /// After connecting: what people wrote while the bot was away (the gateway sends a
    /// new session nothing from before it). Reads back, by REST, the DMs of the people the
    /// bot talks with, the staff channels and the active pair rooms, to
    /// [`App::catch_up_since`], and queues what was not handled yet, oldest first; what
    /// was handled is skipped by its message id.
    async fn catch_up(&self) {
        let Some(app) = self.app.get() else { return };
        let Some(since) = app.catch_up_since(Platform::Discord).await else {
            return;
        };
        let (people, rooms) = app.catch_up_places(Platform::Discord).await;
        let mut channels: Vec<ChannelId> = [
            self.settings.coordinators_channel,
            self.settings.moderators_channel,
            self.settings.events_channel,
        ]
        .into_iter()
        .flatten()
        .map(ChannelId::new)
        .collect();
        channels.extend(rooms.iter().filter_map(|r| discord_channel(r).ok()));
        for person in &people {
            let Ok(id) = person.id.parse::<u64>() else {
                continue;
            };
            match self.dm_channel(UserId::new(id)).await {
                Ok(channel) => channels.push(channel),
                Err(e) => debug!("no DM to catch up with {person}: {e}"),
            }
        }
        let mut queued = 0usize;
        for channel in channels {
            let mut found: Vec<Message> = Vec::new();
            let mut before: Option<MessageId> = None;
            'pages: for _ in 0..CATCH_UP_PAGES {
                let mut request = serenity::builder::GetMessages::new().limit(100);
                if let Some(b) = before {
                    request = request.before(b);
                }
                let page = match channel.messages(&self.http, request).await {
                    Ok(page) => page,
                    Err(e) => {
                        debug!(%channel, "catching up failed: {e}");
                        break;
                    }
                };
                let full = page.len() == 100;
                for m in page {
                    if m.timestamp.unix_timestamp() < since.timestamp() {
                        break 'pages;
                    }
                    before = Some(m.id);
                    found.push(m);
                }
                if !full {
                    break;
                }
            }
            // Newest first, back to the newest one handled: what lies before it was dealt
            // with (or deliberately let go), and the gap is what comes after it.
            found.sort_by_key(|m| std::cmp::Reverse(m.id));
            let mut missed = Vec::new();
            for m in found {
                if m.author.bot {
                    continue;
                }
                let event = EventRef::new(Platform::Discord, m.id.to_string());
                if app.already_handled(&event).await {
                    break;
                }
                missed.push(m);
            }
            for m in missed.into_iter().rev() {
                debug!(message = %m.id, channel = %m.channel_id, "catching up with a message");
                queued += 1;
                self.on_message(m).await;
            }
        }
        if queued > 0 {
            info!(
                messages = queued,
                "caught up with what was sent while the bot was away"
            );
        }
    }

    async fn register_commands(&self) {
        let commands: Vec<CreateCommand> = render::COMMANDS
            .iter()
            .map(|spec| {
                let mut command = CreateCommand::new(spec.name).description(spec.description);
                for option in spec.options {
                    command = command.add_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            option.name,
                            option.description,
                        )
                        .required(option.required),
                    );
                }
                match spec.audience {
                    Audience::Everyone => command,
                    Audience::Coordinators => {
                        command.default_member_permissions(Permissions::MANAGE_MESSAGES)
                    }
                    Audience::Moderators => {
                        command.default_member_permissions(Permissions::MODERATE_MEMBERS)
                    }
                }
            })
            .collect();
        let mut commands = commands;
        commands.push(CreateCommand::new(render::REPORT_MESSAGE).kind(CommandType::Message));
        for guild in &self.settings.guild_ids {
            match GuildId::new(*guild)
                .set_commands(&self.http, commands.clone())
                .await
            {
                Ok(registered) => {
                    info!(guild, count = registered.len(), "slash commands registered")
                }
                Err(e) => error!(
                    guild,
                    "registering slash commands failed: {}",
                    explain_error(
                        &e,
                        "register commands (the bot needs the applications.commands scope)"
                    )
                ),
            }
        }
    }

    async fn dm_channel(&self, user: UserId) -> Result<ChannelId, PortError> {
        if let Some(channel) = lock(&self.dms).get(&user) {
            return Ok(*channel);
        }
        let channel = user
            .create_dm_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, Some(user), "open a DM"))?;
        lock(&self.dms).insert(user, channel.id);
        Ok(channel.id)
    }

    fn port_error(&self, e: serenity::Error, user: Option<UserId>, doing: &str) -> PortError {
        if let Some(user) = user
            && json_code(&e) == Some(CANNOT_MESSAGE_USER)
        {
            lock(&self.unreachable).insert(user);
            return PortError::Unreachable(
                format!("discord:{user}"),
                "they do not accept direct messages from the bot".into(),
            );
        }
        PortError::Other(anyhow!("{}", explain_error(&e, doing)))
    }

    async fn send(
        &self,
        channel: ChannelId,
        message: &OutMessage,
        key: &IdempotencyKey,
        owner: Option<UserId>,
    ) -> Result<Posted, PortError> {
        let owner_text = owner.map(|o| o.to_string());
        let rendered = render::render(message, owner_text.as_deref());
        let last = rendered.parts.len() - 1;
        let mut sent = None;
        for (i, part) in rendered.parts.iter().enumerate() {
            let nonce = if i == 0 {
                render::nonce(key)
            } else {
                render::nonce(&IdempotencyKey(format!("{}#{i}", key.0)))
            };
            // Only the people the message is meant to alert are pinged.
            let mentions = if i == 0 {
                CreateAllowedMentions::new()
                    .users(rendered.mentions.iter().copied().map(UserId::new))
            } else {
                CreateAllowedMentions::new()
            };
            let mut builder = CreateMessage::new()
                .content(part)
                .nonce(Nonce::String(nonce))
                .enforce_nonce(true)
                .allowed_mentions(mentions);
            if i == last {
                builder = builder.components(components(&rendered.controls));
                if let Some(file) = &message.attachment {
                    builder = builder.add_file(CreateAttachment::bytes(
                        file.data.clone(),
                        file.name.clone(),
                    ));
                }
            }
            let doing = "send messages (Send Messages and View Channel)";
            sent = Some(
                channel
                    .send_message(&self.http, builder)
                    .await
                    .map_err(|e| self.port_error(e, owner, doing))?,
            );
        }
        // A person's prompt supersedes their previous one; a room's cards all stay usable.
        if owner.is_some()
            && rendered.controls != Controls::None
            && let Some(sent) = &sent
        {
            self.open_prompt(channel, sent.id).await;
        }
        // The last part: the one with the controls.
        Ok(Posted {
            id: sent.map(|m| m.id.to_string()),
        })
    }

    /// Records a new prompt in `channel`, and takes the controls off the one it supersedes.
    async fn open_prompt(&self, channel: ChannelId, message: MessageId) {
        let previous = lock(&self.open_prompts).insert(channel, message);
        if let Some(previous) = previous {
            self.close_prompt(previous);
            let edit = EditMessage::new().components(vec![]);
            if let Err(e) = channel.edit_message(&self.http, previous, edit).await {
                debug!("removing the buttons of an older prompt failed: {e}");
            }
        }
    }

    fn close_prompt(&self, message: MessageId) {
        let mut closed = lock(&self.closed_prompts);
        if closed.len() >= MAX_REMEMBERED_PROMPTS {
            closed.clear();
        }
        closed.insert(message);
    }

    fn is_closed(&self, message: MessageId) -> bool {
        lock(&self.closed_prompts).contains(&message)
    }

    fn place_of(&self, guild: Option<GuildId>, channel: ChannelId) -> Place {
        match guild {
            None => Place::Dm,
            Some(_) => Place::Room(channel_ref(channel.get())),
        }
    }

    async fn on_message(&self, message: Message) {
        if message.author.bot || Some(message.author.id) == self.own_id.get().copied() {
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
        let mut files = vec![];
        if message.guild_id.is_none() {
            lock(&self.dms).insert(message.author.id, message.channel_id);
            // Files in a DM may be a report's evidence; the app fetches them only if so.
            // (In rooms they are none of the bot's business.)
            files = message
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
            if message.content.trim().is_empty() && files.is_empty() {
                // Once per message, even when a catch-up reads it again.
                let event = EventRef::new(Platform::Discord, message.id.to_string());
                if let Some(app) = self.app.get() {
                    if app.already_handled(&event).await {
                        return;
                    }
                    app.record_handled(&event).await;
                }
                let text = "I can only read text messages and files. Please type your answer.";
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

    /// The guild a channel belongs to (the first configured guild if it cannot be told).
    async fn guild_of(&self, channel: ChannelId) -> Option<GuildId> {
        match channel.to_channel(&self.http).await {
            Ok(found) => found.guild().map(|c| c.guild_id),
            Err(e) => {
                debug!("looking up channel {channel}: {e}");
                self.settings.guild_ids.first().map(|g| GuildId::new(*g))
            }
        }
    }

    /// Threads auto-archive after a week without messages; members cannot be changed in an
    /// archived one.
    async fn unarchive(&self, thread: ChannelId) -> Result<(), PortError> {
        thread
            .edit_thread(&self.http, EditThread::new().archived(false))
            .await
            .map(|_| ())
            .map_err(|e| self.port_error(e, None, "unarchive threads (Manage Threads)"))
    }

    /// Whether a room is a thread (pair rooms under `pairs_channel`) or a channel.
    async fn is_thread(&self, channel: ChannelId) -> Result<bool, PortError> {
        let found = channel
            .to_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, None, "view the pair room (View Channel)"))?;
        Ok(found.guild().is_some_and(|c| {
            matches!(
                c.kind,
                ChannelType::PrivateThread | ChannelType::PublicThread
            )
        }))
    }

    async fn create_pair_thread(
        &self,
        parent: u64,
        spec: &PrivateRoomSpec,
    ) -> Result<ChannelId, PortError> {
        let builder = CreateThread::new(truncate_name(&spec.name))
            .kind(ChannelType::PrivateThread)
            .invitable(false)
            .auto_archive_duration(serenity::all::AutoArchiveDuration::OneWeek);
        let thread = ChannelId::new(parent)
            .create_thread(&self.http, builder)
            .await
            .map_err(|e| {
                self.port_error(
                    e,
                    None,
                    "create private threads (Create Private Threads, Send Messages in Threads)",
                )
            })?;
        for member in &spec.members {
            let user = discord_user(member)?;
            thread
                .id
                .add_thread_member(&self.http, user)
                .await
                .map_err(|e| {
                    self.port_error(e, None, "add members to threads (Send Messages in Threads)")
                })?;
        }
        Ok(thread.id)
    }

    async fn create_pair_channel(
        &self,
        category: u64,
        spec: &PrivateRoomSpec,
    ) -> Result<ChannelId, PortError> {
        let category_channel = ChannelId::new(category)
            .to_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, None, "view the pairs category (View Channel)"))?
            .guild()
            .ok_or_else(|| {
                PortError::Other(anyhow!("pairs_category {category} is not in a guild"))
            })?;
        let guild = category_channel.guild_id;
        let own = self
            .own_id
            .get()
            .copied()
            .ok_or_else(|| PortError::Other(anyhow!("not connected to Discord yet")))?;
        let mut overwrites = vec![
            PermissionOverwrite {
                allow: Permissions::empty(),
                deny: Permissions::VIEW_CHANNEL,
                kind: PermissionOverwriteType::Role(RoleId::new(guild.get())),
            },
            // What a member has: Discord refuses Manage Roles in an overwrite unless the bot
            // is an administrator, and its server-wide permissions already cover the rest.
            member_overwrite(own),
        ];
        for member in &spec.members {
            overwrites.push(member_overwrite(discord_user(member)?));
        }
        let channel = guild
            .create_channel(
                &self.http,
                CreateChannel::new(truncate_name(&spec.name))
                    .kind(ChannelType::Text)
                    .category(ChannelId::new(category))
                    .topic(&spec.topic)
                    .permissions(overwrites),
            )
            .await
            .map_err(|e| {
                self.port_error(e, None, "create channels (Manage Channels, Manage Roles)")
            })?;
        Ok(channel.id)
    }
}

fn member_permissions() -> Permissions {
    Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::READ_MESSAGE_HISTORY
}

fn member_overwrite(user: UserId) -> PermissionOverwrite {
    PermissionOverwrite {
        allow: member_permissions(),
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(user),
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

fn components(controls: &Controls) -> Vec<CreateActionRow> {
    match controls {
        Controls::None => vec![],
        Controls::Buttons(buttons) => vec![CreateActionRow::Buttons(
            buttons
                .iter()
                .map(|b| {
                    CreateButton::new(&b.custom_id)
                        .label(&b.label)
                        .style(ButtonStyle::Primary)
                })
                .collect(),
        )],
        Controls::Select {
            custom_id,
            min,
            max,
            options,
        } => vec![CreateActionRow::SelectMenu(
            CreateSelectMenu::new(
                custom_id,
                CreateSelectMenuKind::String {
                    options: options
                        .iter()
                        .map(|o| CreateSelectMenuOption::new(&o.label, &o.value))
                        .collect(),
                },
            )
            .min_values(*min as u8)
            .max_values(*max as u8)
            .placeholder(if *max > 1 {
                format!("Pick {min} to {max}")
            } else {
                "Pick one".to_string()
            }),
        )],
        Controls::Actions(buttons) => vec![CreateActionRow::Buttons(
            buttons
                .iter()
                .map(|b| {
                    CreateButton::new(&b.custom_id)
                        .label(&b.label)
                        .style(ButtonStyle::Secondary)
                })
                .collect(),
        )],
        Controls::AnswerButton { custom_id } => vec![CreateActionRow::Buttons(vec![
            CreateButton::new(custom_id)
                .label("Answer")
                .emoji('✍')
                .style(ButtonStyle::Primary),
        ])],
    }
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

    async fn resume(&self, _ctx: Context, _: ResumedEvent) {
        info!("Discord gateway session resumed");
    }

    async fn message(&self, _ctx: Context, message: Message) {
        if let Some(bot) = self.bot() {
            bot.on_message(message).await;
        }
    }

    async fn interaction_create(&self, _ctx: Context, interaction: Interaction) {
        let Some(bot) = self.bot() else { return };
        match interaction {
            Interaction::Command(command) => bot.on_command(command).await,
            Interaction::Component(press) => bot.on_component(press).await,
            Interaction::Modal(form) => bot.on_modal(form).await,
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

/// A failed request in words an operator can act on: a missing permission is named.
fn explain_error(e: &serenity::Error, doing: &str) -> String {
    match json_code(e) {
        Some(MISSING_PERMISSIONS) => {
            format!("the bot is missing a permission: it needs to {doing}")
        }
        _ => format!("could not {doing}: {e}"),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_invite_url_carries_exactly_the_permissions_the_bot_needs() {
        let readme = include_str!("../../../README.md");
        assert!(readme.contains(&invite_url(0).replace("client_id=0", "client_id=APPLICATION_ID")));
    }

    #[test]
    fn only_discord_ids_are_accepted_as_users_and_channels() {
        assert!(discord_user(&UserRef::new(Platform::Discord, "42")).is_ok());
        assert!(discord_user(&UserRef::new(Platform::Matrix, "42")).is_err());
        assert!(discord_user(&UserRef::new(Platform::Discord, "carol")).is_err());
        assert!(discord_channel(&RoomRef::new(Platform::Discord, "0")).is_err());
    }
}
