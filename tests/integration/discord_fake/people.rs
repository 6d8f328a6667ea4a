//! What people do in the fake: write (in a DM or a channel, with files), edit, delete,
//! and use the bot's controls (slash commands, the message menu, buttons, menus, forms),
//! each dispatched to the bot as Discord's gateway would.

use super::*;

impl DiscordFake {
    /// A person writes to the bot in their DM.
    pub fn dm(&self, user: u64, text: &str) -> u64 {
        let mut state = self.lock();
        let channel = ensure_dm(&mut state, user);
        let author = state.user(user);
        let id = state.id();
        let message = message_json(id, channel, None, author, text, json!([]));
        state.messages.push(message.clone());
        state.dispatch("MESSAGE_CREATE", message);
        drop(state);
        self.touch();
        id
    }

    /// A person writes to the bot in their DM while the bot is not connected: the
    /// message is kept (the API shows it), and no gateway event reaches the bot.
    pub fn dm_while_away(&self, user: u64, text: &str) -> u64 {
        let mut state = self.lock();
        let channel = ensure_dm(&mut state, user);
        let author = state.user(user);
        let id = state.id();
        state
            .messages
            .push(message_json(id, channel, None, author, text, json!([])));
        drop(state);
        self.touch();
        id
    }

    /// A person sends the bot a file in their DM, with a caption.
    pub fn dm_file(&self, user: u64, caption: &str, name: &str, mime: &str, data: &[u8]) -> u64 {
        let mut state = self.lock();
        let channel = ensure_dm(&mut state, user);
        let author = state.user(user);
        let id = state.id();
        let mut message = message_json(id, channel, None, author, caption, json!([]));
        message["attachments"] = json!([attachment(&mut state, channel, name, mime, data)]);
        state.messages.push(message.clone());
        state.dispatch("MESSAGE_CREATE", message);
        drop(state);
        self.touch();
        id
    }

    /// A person writes in a guild channel or thread.
    pub fn say(&self, user: u64, channel: u64, text: &str) -> u64 {
        self.say_with(user, channel, text, None)
    }

    /// A person sends a file in a guild channel or thread, with a caption.
    pub fn say_file(
        &self,
        user: u64,
        channel: u64,
        caption: &str,
        (name, mime, data): (&str, &str, &[u8]),
    ) -> u64 {
        self.say_with(user, channel, caption, Some((name, mime, data)))
    }

    fn say_with(
        &self,
        user: u64,
        channel: u64,
        text: &str,
        file: Option<(&str, &str, &[u8])>,
    ) -> u64 {
        let mut state = self.lock();
        let author = state.user(user);
        let id = state.id();
        let mut message =
            message_json(id, channel, Some(GUILD_ID), author.clone(), text, json!([]));
        message["member"] =
            json!({"roles": [], "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0});
        if let Some((name, mime, data)) = file {
            message["attachments"] = json!([attachment(&mut state, channel, name, mime, data)]);
        }
        state.messages.push(message.clone());
        // Without the Message Content intent, guild messages arrive without their content
        // (text, files, embeds), unless they mention the bot.
        if state.intents & MESSAGE_CONTENT == 0 && !mentions_bot(&message) {
            message["content"] = json!("");
            message["attachments"] = json!([]);
        }
        state.dispatch("MESSAGE_CREATE", message);
        drop(state);
        self.touch();
        id
    }

    /// A person edits their message in a guild channel or thread.
    pub fn edit(&self, channel: u64, message: u64, text: &str) {
        let mut state = self.lock();
        let Some(m) = state.messages.iter_mut().find(|m| is_id(&m["id"], message)) else {
            panic!("no message {message} to edit");
        };
        m["content"] = json!(text);
        m["edited_timestamp"] = json!(chrono::Utc::now().to_rfc3339());
        let mut update = json!({
            "id": message.to_string(), "channel_id": channel.to_string(),
            "guild_id": GUILD_ID.to_string(), "author": m["author"].clone(),
            "content": text, "edited_timestamp": m["edited_timestamp"].clone(),
        });
        if state.intents & MESSAGE_CONTENT == 0 {
            update["content"] = json!("");
        }
        state.dispatch("MESSAGE_UPDATE", update);
        drop(state);
        self.touch();
    }

    /// A person deletes their message in a guild channel or thread.
    pub fn delete(&self, channel: u64, message: u64) {
        let mut state = self.lock();
        state.messages.retain(|m| !is_id(&m["id"], message));
        let event = json!({
            "id": message.to_string(), "channel_id": channel.to_string(),
            "guild_id": GUILD_ID.to_string(),
        });
        state.dispatch("MESSAGE_DELETE", event);
        drop(state);
        self.touch();
    }

    /// A person runs a slash command: in a guild channel (`Some`) or their DM (`None`).
    /// For a command registered with subcommands, the options go to its `run` subcommand.
    pub fn slash(
        &self,
        user: u64,
        channel: Option<u64>,
        name: &str,
        options: &[(&str, &str)],
    ) -> u64 {
        self.slash_sub(user, channel, name, None, options)
    }

    /// [`DiscordFake::slash`] with a subcommand (`/coordinate approve application:3`). Each
    /// value is sent with the type the bot registered for it (a number as a number, a
    /// person or a channel as its id, with what it is in `resolved`), as Discord's
    /// clients do.
    pub fn slash_sub(
        &self,
        user: u64,
        channel: Option<u64>,
        name: &str,
        sub: Option<&str>,
        options: &[(&str, &str)],
    ) -> u64 {
        let (data, _) = self.command_data(name, sub, options, None);
        let (channel, in_guild) = match channel {
            Some(c) => (c, true),
            None => (ensure_dm(&mut self.lock(), user), false),
        };
        self.interact(user, channel, in_guild, 2, data, None)
    }

    /// A person types into option `focused` of `/<name> <sub>` in a guild channel, having
    /// typed `typed` there so far (and `options` in the others): an autocomplete
    /// interaction (type 4), whose focused value is the text typed, as Discord sends it
    /// whatever the option's type. The bot's answer is in `responses`.
    pub fn autocomplete(
        &self,
        user: u64,
        channel: u64,
        (name, sub): (&str, Option<&str>),
        options: &[(&str, &str)],
        (focused, typed): (&str, &str),
    ) -> u64 {
        let (data, kind) = self.command_data(name, sub, options, Some((focused, typed)));
        self.interact_as(user, channel, true, (4, kind), data, None)
    }

    /// A command's `data` as Discord sends it, and the type of the focused option.
    fn command_data(
        &self,
        name: &str,
        sub: Option<&str>,
        options: &[(&str, &str)],
        focused: Option<(&str, &str)>,
    ) -> (Value, Option<u64>) {
        let state = self.lock();
        let registered = state
            .commands
            .get(&GUILD_ID)
            .and_then(|cs| cs.iter().find(|c| c["name"] == name))
            .cloned()
            .unwrap_or(Value::Null);
        let command_id = registered.get("id").cloned().unwrap_or_else(|| json!("1"));
        let declared = registered["options"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let has_subcommands = declared.iter().any(|o| o["type"] == 1);
        let sub = sub.or(has_subcommands.then_some("run"));
        let declared = match sub {
            Some(sub) => declared
                .iter()
                .find(|o| o["name"] == sub)
                .and_then(|o| o["options"].as_array().cloned())
                .unwrap_or_default(),
            None => declared,
        };
        let kind_of = |n: &str| {
            declared
                .iter()
                .find(|o| o["name"] == n)
                .and_then(|o| o["type"].as_u64())
                .unwrap_or(3)
        };
        let mut resolved = json!({});
        let mut values: Vec<Value> = options
            .iter()
            .map(|(n, v)| {
                let kind = kind_of(n);
                match (kind, v.parse::<i64>()) {
                    (4, Ok(number)) => json!({"name": n, "type": 4, "value": number}),
                    (6, _) => {
                        let id: u64 = v.parse().expect("a user option takes a user id");
                        resolved["users"][v] = state.user(id);
                        json!({"name": n, "type": 6, "value": v})
                    }
                    (7, _) => {
                        let id: u64 = v.parse().expect("a channel option takes a channel id");
                        let c = state.channels.get(&id).cloned().unwrap_or(Value::Null);
                        resolved["channels"][v] = json!({"id": v, "type": c["type"],
                            "name": c["name"], "permissions": "2199023255551"});
                        json!({"name": n, "type": 7, "value": v})
                    }
                    _ => json!({"name": n, "type": 3, "value": v}),
                }
            })
            .collect();
        let focused_kind = focused.map(|(n, typed)| {
            let kind = kind_of(n);
            values.push(json!({"name": n, "type": kind, "value": typed, "focused": true}));
            kind
        });
        let options = match sub {
            Some(sub) => json!([{"name": sub, "type": 1, "options": values}]),
            None => Value::Array(values),
        };
        let mut data = json!({"id": command_id, "name": name, "type": 1, "options": options,
            "guild_id": GUILD_ID.to_string()});
        if resolved.as_object().is_some_and(|r| !r.is_empty()) {
            data["resolved"] = resolved;
        }
        (data, focused_kind)
    }

    /// A person uses "Report message" from a message's menu.
    pub fn report_message(&self, user: u64, message: &Value) -> u64 {
        let channel: u64 = message["channel_id"].as_str().unwrap().parse().unwrap();
        let id = message["id"].clone();
        let data = json!({"id": "2", "name": "Report message", "type": 3, "target_id": id,
            "guild_id": GUILD_ID.to_string(),
            "resolved": {"messages": {id.as_str().unwrap(): message}}});
        self.interact(user, channel, true, 2, data, None)
    }

    /// A person presses a button on a message.
    pub fn press(&self, user: u64, message: &Value, custom_id: &str) -> u64 {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.interact_on(user, message, 3, data)
    }

    /// A person picks options in a select menu on a message.
    pub fn select(&self, user: u64, message: &Value, custom_id: &str, values: &[&str]) -> u64 {
        let data = json!({"custom_id": custom_id, "component_type": 3, "values": values});
        self.interact_on(user, message, 3, data)
    }

    /// A person submits the form (modal) that a button on `message` opened.
    pub fn submit_form(&self, user: u64, message: &Value, custom_id: &str, answer: &str) -> u64 {
        let data = json!({"custom_id": custom_id, "components": [
            {"type": 1, "components": [{"type": 4, "custom_id": "answer", "value": answer}]}
        ]});
        self.interact_on(user, message, 5, data)
    }

    fn interact_on(&self, user: u64, message: &Value, kind: u64, data: Value) -> u64 {
        let channel: u64 = message["channel_id"].as_str().unwrap().parse().unwrap();
        let in_guild = message["guild_id"].is_string();
        // The message as Discord has it now (edits included).
        let current = {
            let state = self.lock();
            state
                .messages
                .iter()
                .find(|m| m["id"] == message["id"])
                .cloned()
                .unwrap_or_else(|| message.clone())
        };
        self.interact(user, channel, in_guild, kind, data, Some(current))
    }

    fn interact(
        &self,
        user: u64,
        channel_id: u64,
        in_guild: bool,
        kind: u64,
        data: Value,
        message: Option<Value>,
    ) -> u64 {
        self.interact_as(user, channel_id, in_guild, (kind, None), data, message)
    }

    /// An interaction of `kind`; for an autocomplete one (4), with the type of the option
    /// being typed, which its answer's choices must have.
    fn interact_as(
        &self,
        user: u64,
        channel_id: u64,
        in_guild: bool,
        (kind, typing): (u64, Option<u64>),
        data: Value,
        message: Option<Value>,
    ) -> u64 {
        let mut state = self.lock();
        let id = state.id();
        if kind == 4 {
            state.autocompleting.insert(id, typing.unwrap_or(3));
        }
        let token = format!("token-{id}");
        let person = state.user(user);
        let guild_fields = if in_guild {
            json!({"guild_id": GUILD_ID.to_string(), "member": {
                "user": person, "roles": [], "joined_at": TIMESTAMP, "deaf": false,
                "mute": false, "flags": 0, "permissions": "2199023255551"}})
        } else {
            json!({"user": person})
        };
        let channel = in_guild.then_some(channel_id);
        let locale = state
            .locales
            .get(&user)
            .cloned()
            .unwrap_or_else(|| "en-GB".into());
        let mut interaction = json!({
            "id": id.to_string(), "application_id": APPLICATION_ID.to_string(), "type": kind,
            "data": data, "channel_id": channel_id.to_string(),
            "channel": {"id": channel_id.to_string(), "type": if channel.is_some() {0} else {1}},
            "token": token, "version": 1, "app_permissions": "2199023255551", "locale": locale,
            "entitlements": [], "authorizing_integration_owners": {"0": GUILD_ID.to_string()},
            "context": if channel.is_some() {0} else {1}, "attachment_size_limit": 10_485_760
        });
        for (k, v) in guild_fields.as_object().unwrap() {
            interaction[k] = v.clone();
        }
        if let Some(message) = message {
            interaction["message"] = message;
        }
        state.interactions.insert(token, (id, channel_id));
        state.interaction_times.insert(id, Instant::now());
        state.dispatch("INTERACTION_CREATE", interaction);
        drop(state);
        self.touch();
        id
    }

    /// A person taps "Interested" on a scheduled event (`interested`), or takes it back:
    /// the event's count changes, and the bot hears of it only if it identified with the
    /// Guild Scheduled Events intent, as on Discord. `false` when there is no such event.
    pub fn interest(&self, user: u64, event: u64, interested: bool) -> bool {
        let mut state = self.lock();
        let Some(scheduled) = state.scheduled_events.get_mut(&event) else {
            return false;
        };
        let count = scheduled["user_count"].as_u64().unwrap_or(0);
        scheduled["user_count"] = json!(if interested {
            count + 1
        } else {
            count.saturating_sub(1)
        });
        if state.intents & GUILD_SCHEDULED_EVENTS != 0 {
            let data = json!({
                "guild_scheduled_event_id": event.to_string(),
                "user_id": user.to_string(),
                "guild_id": GUILD_ID.to_string(),
            });
            let kind = if interested {
                "GUILD_SCHEDULED_EVENT_USER_ADD"
            } else {
                "GUILD_SCHEDULED_EVENT_USER_REMOVE"
            };
            state.dispatch(kind, data);
        }
        drop(state);
        self.touch();
        true
    }
}
