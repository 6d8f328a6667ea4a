//! What people do with Discord's own controls: slash commands (and the "report message"
//! menu), buttons and select menus under prompts, and forms (modals). Each becomes the
//! words a person would have typed, handed to the app like any message; a press on a
//! prompt that is not theirs, or already answered, gets an ephemeral refusal.

use super::*;
use crate::i18n::Text;

impl DiscordBot {
    pub(super) async fn on_command(&self, command: CommandInteraction) {
        if command.data.kind == CommandType::Message {
            self.on_report_message(command).await;
            return;
        }
        // A staff command's subcommand carries the options; a number is typed as its digits.
        let mut resolved = command.data.options();
        let mut sub = None;
        if let Some(ResolvedOption {
            name,
            value: ResolvedValue::SubCommand(inner),
            ..
        }) = resolved.first().cloned()
        {
            sub = Some(name.to_string());
            resolved = inner;
        }
        // A person or a channel is typed as its mention, as a coordinator would.
        let options: Vec<(String, String)> = resolved
            .into_iter()
            .filter_map(|o| {
                let value = match o.value {
                    ResolvedValue::String(v) => v.to_string(),
                    ResolvedValue::Integer(n) => n.to_string(),
                    ResolvedValue::User(user, _) => format!("<@{}>", user.id),
                    ResolvedValue::Unresolved(Unresolved::User(id)) => format!("<@{id}>"),
                    ResolvedValue::Channel(channel) => format!("<#{}>", channel.id),
                    ResolvedValue::Unresolved(Unresolved::Channel(id)) => format!("<#{id}>"),
                    _ => return None,
                };
                Some((o.name.to_string(), value))
            })
            .collect();
        let from = UserRef::new(Platform::Discord, command.user.id.to_string());
        self.guess_language(&from, &command.locale);
        let Some(meaning) = render::command_text(&command.data.name, sub.as_deref(), &options)
        else {
            let text = self.said(&from, Text::msg("platform-unknown-command"));
            self.reply_ephemeral_command(&command, &text).await;
            return;
        };
        match meaning {
            SlashCommand::Participant(text) => {
                let defer = CreateInteractionResponse::Defer(
                    CreateInteractionResponseMessage::new().ephemeral(true),
                );
                if let Err(e) = command.create_response(&self.http, defer).await {
                    warn!("acknowledging /{} failed: {e}", command.data.name);
                }
                let in_guild = command.guild_id.is_some();
                let inbound = Inbound {
                    from,
                    place: Place::Dm,
                    content: Content::Text(text),
                    files: vec![],
                };
                self.enqueue(
                    command.id,
                    inbound,
                    Then::FinishSlash {
                        interaction: Box::new(command),
                        in_guild,
                    },
                );
            }
            SlashCommand::Staff { audience, text } => {
                let room = match audience {
                    Audience::Moderators => self.settings.moderators_channel,
                    _ => self.settings.coordinators_channel,
                };
                if !self.staff_channel(audience, command.channel_id) {
                    let moderators = matches!(audience, Audience::Moderators);
                    let text = match room {
                        Some(id) => if moderators {
                            Text::msg("platform-use-in-moderators")
                        } else {
                            Text::msg("platform-use-in-coordinators")
                        }
                        .arg("command", command.data.name.as_str())
                        .arg("channel", format!("<#{id}>")),
                        None if moderators => Text::msg("platform-no-moderators-channel"),
                        None => Text::msg("platform-no-coordinators-channel"),
                    };
                    let text = self.said(&from, text);
                    self.reply_ephemeral_command(&command, &text).await;
                    return;
                }
                // Visible to the channel, so everyone there sees what was asked.
                let echo = CreateInteractionResponse::Message(
                    CreateInteractionResponseMessage::new()
                        .content(format!("› {text}"))
                        .allowed_mentions(CreateAllowedMentions::new()),
                );
                if let Err(e) = command.create_response(&self.http, echo).await {
                    warn!("acknowledging /{} failed: {e}", command.data.name);
                }
                let inbound = Inbound {
                    from,
                    place: Place::Room(channel_ref(command.channel_id.get())),
                    content: Content::Text(format!("{} {text}", self.room_prefix)),
                    files: vec![],
                };
                self.enqueue(command.id, inbound, Then::Nothing);
            }
        }
    }

    /// Whether `channel` is where `audience`'s commands are used: the settings' channel,
    /// or a programme's own staff room.
    pub(super) fn staff_channel(&self, audience: Audience, channel: ChannelId) -> bool {
        let room = match audience {
            Audience::Moderators => self.settings.moderators_channel,
            _ => self.settings.coordinators_channel,
        };
        let here = channel_ref(channel.get());
        room == Some(channel.get())
            || self.app.get().is_some_and(|app| match audience {
                Audience::Moderators => app.rooms().is_moderators(&here),
                _ => app.rooms().is_coordinators(&here),
            })
    }

    /// "Report message" from a message's menu: a private report in the DM, with a link to
    /// the message as evidence. Nothing is said in the channel.
    pub(super) async fn on_report_message(&self, command: CommandInteraction) {
        let reporter = UserRef::new(Platform::Discord, command.user.id.to_string());
        self.guess_language(&reporter, &command.locale);
        let Some(ResolvedTarget::Message(message)) = command.data.target() else {
            let text = self.said(&reporter, Text::msg("platform-report-unseen"));
            self.reply_ephemeral_command(&command, &text).await;
            return;
        };
        if message.author.id == command.user.id {
            let text = self.said(&reporter, Text::msg("platform-report-own-slash"));
            self.reply_ephemeral_command(&command, &text).await;
            return;
        }
        let link = match command.guild_id {
            Some(guild) => format!(
                "https://discord.com/channels/{guild}/{}/{}",
                message.channel_id, message.id
            ),
            None => format!(
                "https://discord.com/channels/@me/{}/{}",
                message.channel_id, message.id
            ),
        };
        let defer = CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        );
        if let Err(e) = command.create_response(&self.http, defer).await {
            warn!("acknowledging a message report failed: {e}");
        }
        let reported = crate::chat::ReportedMessage {
            link: link.clone(),
            // A mention shows their current name on Discord (pinging no one: cards allow
            // no mentions), and is an id that erasure finds.
            author: format!("<@{}>", message.author.id),
            at: chrono::DateTime::from_timestamp(message.timestamp.unix_timestamp(), 0),
            text: message.content.clone(),
            at_room: message.guild_id.map(|_| {
                (
                    super::channel_ref(message.channel_id.get()),
                    message.id.to_string(),
                )
            }),
        };
        let inbound = crate::flows::incident::report::message_report(
            UserRef::new(Platform::Discord, command.user.id.to_string()),
            &link,
        );
        let in_guild = command.guild_id.is_some();
        self.enqueue_work(Work {
            event: EventRef::new(Platform::Discord, command.id.to_string()),
            inbound,
            then: Then::FinishSlash {
                interaction: Box::new(command),
                in_guild,
            },
            reported: Some(reported),
        });
    }

    /// Discord reports each interaction's locale (the person's client language): the first
    /// guess at their language, until they choose one.
    pub(super) fn guess_language(&self, from: &UserRef, locale: &str) {
        if let Some(app) = self.app.get() {
            app.guess_language(from, locale);
        }
    }

    /// `text` in the language `user` reads (their choice, else their client's).
    pub(super) fn said(&self, user: &UserRef, text: Text) -> String {
        match self.app.get() {
            Some(app) => app.said_to(user, &text),
            None => text.english(),
        }
    }

    pub(super) async fn reply_ephemeral_command(&self, command: &CommandInteraction, text: &str) {
        let reply = CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new()
                .content(text)
                .ephemeral(true),
        );
        if let Err(e) = command.create_response(&self.http, reply).await {
            warn!("replying to /{} failed: {e}", command.data.name);
        }
    }

    pub(super) async fn on_component(&self, press: ComponentInteraction) {
        let user = press.user.id.to_string();
        let presser = UserRef::new(Platform::Discord, user.clone());
        self.guess_language(&presser, &press.locale);
        let tell = |id: &str| {
            CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(self.said(&presser, Text::msg(id)))
                    .ephemeral(true),
            )
        };
        let response = match render::parse_custom_id(&press.data.custom_id) {
            None => tell("platform-button-unused"),
            Some(action) if !action.allows(&user) => tell("platform-not-yours"),
            Some(_) if self.is_closed(press.message.id) => tell("platform-already-answered"),
            Some(Action::OpenForm { owner, prompt_ref }) => {
                let (title, label) = render::form_labels(&press.message.content);
                let custom_id = render::form_custom_id(owner.as_deref(), prompt_ref.as_deref());
                let input = CreateInputText::new(InputTextStyle::Paragraph, label, "answer")
                    .max_length(4000)
                    .required(false);
                CreateInteractionResponse::Modal(
                    CreateModal::new(custom_id, title)
                        .components(vec![CreateActionRow::InputText(input)]),
                )
            }
            Some(Action::Pick {
                owner,
                prompt_ref,
                value,
            }) => {
                let values = match (&press.data.kind, value) {
                    (ComponentInteractionDataKind::StringSelect { values }, _) => values.clone(),
                    (_, Some(value)) => vec![value],
                    (_, None) => vec![],
                };
                let labels = picked_labels(&press.message, &values);
                let inbound = Inbound {
                    from: UserRef::new(Platform::Discord, user.clone()),
                    place: self.place_of(press.guild_id, press.channel_id),
                    content: Content::Picked { prompt_ref, values },
                    files: vec![],
                };
                self.enqueue(press.id, inbound, Then::Nothing);
                if owner.is_none() {
                    // A room's prompt (an event's RSVP) stays open for everyone else: the
                    // answer is confirmed by DM.
                    tell("platform-noting-answer")
                } else {
                    self.close_prompt(press.message.id);
                    answered(&press.message.content, &labels)
                }
            }
            Some(Action::RunPicked { command, .. }) => {
                let values = match &press.data.kind {
                    ComponentInteractionDataKind::StringSelect { values } => {
                        super::in_listed_order(&press.message, &press.data.custom_id, values)
                    }
                    _ => vec![],
                };
                if values.is_empty() {
                    tell("platform-nothing-picked")
                } else {
                    self.run_card_command(
                        press.id,
                        &press.user.id,
                        press.guild_id,
                        press.channel_id,
                        &format!("{command} {}", values.join(" ")),
                    );
                    CreateInteractionResponse::Acknowledge
                }
            }
            Some(Action::Run { command, .. }) => {
                self.run_card_command(
                    press.id,
                    &press.user.id,
                    press.guild_id,
                    press.channel_id,
                    &command,
                );
                if command.ends_with(" via announcement") {
                    // An Apply card's button: nothing is said in the room, so the presser
                    // is told, privately and in their client's language, where to look.
                    tell("apply-card-pressed")
                } else {
                    CreateInteractionResponse::Acknowledge
                }
            }
            Some(Action::AskThenRun { command, asks }) => {
                let input = CreateInputText::new(InputTextStyle::Paragraph, asks, "answer")
                    .max_length(2000)
                    .required(true);
                let title: String = command.chars().take(render::MAX_MODAL_LABEL).collect();
                CreateInteractionResponse::Modal(
                    CreateModal::new(render::run_with_text_custom_id(&command), title)
                        .components(vec![CreateActionRow::InputText(input)]),
                )
            }
            Some(Action::SubmitForm { .. } | Action::RunWithText { .. }) => {
                tell("platform-button-unused")
            }
        };
        if let Err(e) = press.create_response(&self.http, response).await {
            warn!("answering a button press failed: {e}");
        }
    }

    /// A card's action: the command, as if the person who pressed had typed it in the room
    /// (after the prefix), or in a DM (as it is).
    pub(super) fn run_card_command(
        &self,
        event: impl std::fmt::Display,
        user: &UserId,
        guild: Option<GuildId>,
        channel: ChannelId,
        command: &str,
    ) {
        let inbound = Inbound {
            from: UserRef::new(Platform::Discord, user.to_string()),
            place: self.place_of(guild, channel),
            content: Content::Text(match guild {
                Some(_) => format!("{} {command}", self.room_prefix),
                None => command.to_string(),
            }),
            files: vec![],
        };
        self.enqueue(event, inbound, Then::Nothing);
    }

    pub(super) async fn on_modal(&self, form: ModalInteraction) {
        let user = form.user.id.to_string();
        let writer = UserRef::new(Platform::Discord, user.clone());
        self.guess_language(&writer, &form.locale);
        let action = render::parse_custom_id(&form.data.custom_id);
        if let Some(Action::RunWithText { command }) = &action {
            let words = form_answer(&form);
            let response = if words.is_empty() {
                CreateInteractionResponse::Message(
                    CreateInteractionResponseMessage::new()
                        .content(self.said(&writer, Text::msg("platform-nothing-written")))
                        .ephemeral(true),
                )
            } else {
                let command = format!("{command} {words}");
                self.run_card_command(
                    form.id,
                    &form.user.id,
                    form.guild_id,
                    form.channel_id,
                    &command,
                );
                CreateInteractionResponse::Acknowledge
            };
            if let Err(e) = form.create_response(&self.http, response).await {
                warn!("acknowledging a card's form failed: {e}");
            }
            return;
        }
        let prompt_message = form.message.as_ref().map(|m| m.id);
        // Whether the conversation still waits on the form's question: durable, unlike the
        // memory of closed prompts, so an old form is refused after a restart too.
        let still_asked = match &action {
            Some(Action::SubmitForm {
                prompt_ref: Some(r),
                ..
            }) => match self.app.get() {
                Some(app) => {
                    app.current_prompt_ref(&UserRef::new(Platform::Discord, user.clone()))
                        .await
                        .as_ref()
                        == Some(r)
                }
                None => true,
            },
            _ => true,
        };
        let refusal = match &action {
            Some(a @ Action::SubmitForm { .. }) if !a.allows(&user) => Some("platform-not-yours"),
            Some(Action::SubmitForm { .. }) if !still_asked => Some("platform-already-answered"),
            Some(Action::SubmitForm { .. }) => prompt_message
                .filter(|m| self.is_closed(*m))
                .map(|_| "platform-already-answered"),
            _ => Some("platform-form-unused"),
        };
        if let Some(id) = refusal {
            let reply = CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(self.said(&writer, Text::msg(id)))
                    .ephemeral(true),
            );
            if let Err(e) = form.create_response(&self.http, reply).await {
                warn!("refusing a form failed: {e}");
            }
            return;
        }
        // An empty form means "skip" (a required question says so and asks again).
        let answer = form_answer(&form);
        let text = if answer.is_empty() {
            "skip".to_string()
        } else {
            answer
        };
        let response = match &form.message {
            Some(message) => {
                self.close_prompt(message.id);
                answered(&message.content, std::slice::from_ref(&text))
            }
            None => CreateInteractionResponse::Acknowledge,
        };
        if let Err(e) = form.create_response(&self.http, response).await {
            warn!("acknowledging a form failed: {e}");
        }
        let inbound = Inbound {
            from: UserRef::new(Platform::Discord, user),
            place: self.place_of(form.guild_id, form.channel_id),
            content: Content::Text(text),
            files: vec![],
        };
        self.enqueue(form.id, inbound, Then::Nothing);
    }
}
