//! Serving: the gateway session, the queue of work each message or interaction becomes
//! (one at a time per channel, many channels at once), the catch-up of what arrived while
//! the bot was away, and the slash commands registered at start.
//!
//! A new slash command is registered in `register_commands`; what it does is in
//! `interactions`.

use super::*;
use crate::platforms::lanes::{self, Lanes};

/// Counts a queued piece of work as finished when dropped, even by a panic's unwinding.
struct Finished<'a>(&'a AtomicUsize);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl DiscordBot {
    /// Feeds the app until [`DiscordBot::stop`] is called. The gateway reconnects (and
    /// resumes, so nothing is missed) by itself.
    pub async fn serve(self: &Arc<Self>, app: App) -> anyhow::Result<()> {
        let _ = self.app.set(app.clone());
        let mut rx = lock(&self.queue_rx)
            .take()
            .context("serve was already called")?;
        // Each channel's work in order, many channels at once (see `platforms::lanes`).
        let lanes = Lanes::new(lanes::at_once());
        let worker = {
            let bot = self.clone();
            tokio::spawn(async move {
                while let Some(work) = rx.recv().await {
                    let lane = match &work.inbound.place {
                        Place::Dm => format!("dm:{}", work.inbound.from.id),
                        Place::Room(room) => format!("room:{}", room.id),
                    };
                    let (bot, app) = (bot.clone(), app.clone());
                    // A panic stays with this piece of work (the app contains its own; the
                    // lane covers the interaction's follow-up), and it still counts as done.
                    lanes.push(lane, "a Discord message or interaction", async move {
                        let _done = Finished(&bot.pending);
                        bot.perform(&app, work).await;
                    });
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
            Err(serenity::Error::Gateway(
                serenity::all::GatewayError::DisallowedGatewayIntents,
            )) if self.settings.message_content => Err(anyhow!(
                "Discord refused the Message Content intent, which `[discord] message_content = true` asks for (relayed pair rooms need it): turn on Message Content Intent under Bot in the Developer Portal, or set message_content = false (pairs across Matrix and Discord are then not made)"
            )),
            Err(e) => Err(anyhow!("the Discord gateway connection ended: {e}")),
        }
    }

    /// Closes the gateway connection; [`DiscordBot::serve`] then returns.
    pub async fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.shard_manager.shutdown_all().await;
    }

    pub(super) async fn perform(&self, app: &App, work: Work) {
        if let Then::Change { from, source, text } = work.then {
            if let Place::Room(room) = &work.inbound.place {
                app.relay_change(room, from.as_ref(), &source, text, &work.event.id)
                    .await;
            }
            self.handled.fetch_add(1, Ordering::SeqCst);
            return;
        }
        let from = work.inbound.from.clone();
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
                let text = app.said_to(&from, &crate::i18n::Text::msg("platform-no-dm"));
                interaction
                    .edit_response(&self.http, EditInteractionResponse::new().content(text))
                    .await
                    .map(|_| ())
            } else if in_guild {
                let text = app.said_to(&from, &crate::i18n::Text::msg("platform-answered-in-dm"));
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

    pub(super) fn enqueue(&self, event: impl std::fmt::Display, inbound: Inbound, then: Then) {
        self.enqueue_work(Work {
            event: EventRef::new(Platform::Discord, event.to_string()),
            inbound,
            then,
            reported: None,
        });
    }

    /// An edit or a deletion in `channel` of `guild`, for the app once what came before
    /// it in the channel is handled; `change` names it, once.
    pub(super) fn enqueue_change(
        &self,
        guild: GuildId,
        channel: ChannelId,
        change: String,
        then: Then,
    ) {
        let inbound = Inbound {
            // (Unused: a change names its author, if known, itself.)
            from: UserRef::new(Platform::Discord, ""),
            place: self.place_of(Some(guild), channel),
            content: Content::Text(String::new()),
            files: vec![],
        };
        self.enqueue(change, inbound, then);
    }

    pub(super) fn enqueue_work(&self, work: Work) {
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
    pub(super) async fn catch_up(&self) {
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
        // And the programmes' own staff and events channels.
        for room in app.rooms().configured_on(Platform::Discord) {
            if let Ok(channel) = discord_channel(room)
                && !channels.contains(&channel)
            {
                channels.push(channel);
            }
        }
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

    pub(super) async fn register_commands(&self) {
        let commands: Vec<CreateCommand> = render::COMMANDS
            .iter()
            .map(|spec| {
                let mut command = CreateCommand::new(spec.name).description(spec.description);
                for (code, say) in render::localised() {
                    command = command
                        .name_localized(code, say(&format!("slash-{}", spec.name)))
                        .description_localized(code, say(&format!("slash-{}-about", spec.name)));
                }
                for option in spec.options {
                    command = command.add_option(built_option(spec.name, option));
                }
                for sub in spec.subcommands {
                    let key = format!("{}-{}", spec.name, sub.name);
                    let mut built = CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        sub.name,
                        sub.description,
                    );
                    for (code, say) in render::localised() {
                        built =
                            built.description_localized(code, say(&format!("slash-{key}-about")));
                    }
                    for option in sub.options {
                        built = built.add_sub_option(built_option(&key, option));
                    }
                    command = command.add_option(built);
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
}

/// An option as registered: its kind, whether required, and its name and description in
/// each translated locale (`slash-option-<name>`, `slash-<key>-<name>`, where `key` is the
/// command or `command-subcommand`); a number's open ones suggested as staff type
/// (autocomplete), a channel only a text channel, a choice's words with their names
/// (`slash-choice-<word>`).
fn built_option(key: &str, option: &render::OptionSpec) -> CreateCommandOption {
    let kind = match option.kind {
        render::OptionKind::Text | render::OptionKind::Choice(_) => CommandOptionType::String,
        render::OptionKind::Number(_) => CommandOptionType::Integer,
        render::OptionKind::User => CommandOptionType::User,
        render::OptionKind::Channel => CommandOptionType::Channel,
    };
    let mut built =
        CreateCommandOption::new(kind, option.name, option.description).required(option.required);
    match option.kind {
        render::OptionKind::Number(_) => {
            built = built.min_int_value(1).set_autocomplete(true);
        }
        render::OptionKind::Channel => {
            built = built.channel_types(vec![ChannelType::Text]);
        }
        render::OptionKind::Choice(words) => {
            for word in words {
                let id = format!("slash-choice-{word}");
                let english = crate::i18n::Text::msg(&id).english();
                let names: Vec<(&str, String)> = render::localised()
                    .map(|(code, say)| (code, say(&id)))
                    .collect();
                built = built.add_string_choice_localized(english, *word, names);
            }
        }
        render::OptionKind::Text | render::OptionKind::User => {}
    }
    for (code, say) in render::localised() {
        built = built
            .name_localized(code, say(&format!("slash-option-{}", option.name)))
            .description_localized(code, say(&format!("slash-{key}-{}", option.name)));
    }
    built
}
