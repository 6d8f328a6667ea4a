//! The fake's REST API: each request checked (token, staged failures, limits, access)
//! and routed to what Discord would do with it.

use super::*;

impl DiscordFake {
    pub(super) async fn handle(
        &self,
        req: Request<Incoming>,
        gateway_url: &str,
    ) -> Response<Full<Bytes>> {
        let method = req.method().clone();
        let path = req.uri().path().trim_start_matches("/api/v10").to_string();
        let query = req.uri().query().unwrap_or_default().to_string();
        let authorised = req
            .headers()
            .get("authorization")
            .is_some_and(|v| v.as_bytes() == format!("Bot {TOKEN}").as_bytes());
        let boundary = req
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("multipart/form-data; boundary="))
            .map(|b| b.trim_matches('"').to_string());
        let body = req
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        // A message with files comes as multipart: `payload_json` and `files[n]`.
        let (body, files) = match boundary {
            Some(b) => multipart(&body, &b),
            None => (body.to_vec(), vec![]),
        };
        let mut body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        if !files.is_empty() {
            body["files_sent"] = Value::Array(
                files
                    .into_iter()
                    .map(|(name, data)| {
                        json!({"filename": name, "size": data.len(),
                               "base64": base64::engine::Engine::encode(&base64::engine::general_purpose::STANDARD, &data),
                               "text": String::from_utf8(data).ok()})
                    })
                    .collect(),
            );
        }
        // The CDN: no token (its URLs are signed instead), bytes rather than JSON.
        if method == Method::GET && path.starts_with("/attachments/") {
            let mut state = self.lock();
            state.requests.push(format!("{method} {path}"));
            let mut r = match state.cdn.get(&path) {
                Some((mime, data)) => {
                    let mut r = Response::new(Full::new(Bytes::from(data.clone())));
                    r.headers_mut()
                        .insert("content-type", mime.parse().unwrap());
                    r
                }
                None => Response::new(Full::new(Bytes::from_static(b"not found"))),
            };
            if !state.cdn.contains_key(&path) {
                *r.status_mut() = StatusCode::NOT_FOUND;
            }
            return r;
        }
        let held: Vec<_> = {
            let mut state = self.lock();
            // Recorded when it arrives, held or not.
            state.requests.push(format!("{method} {path}"));
            state
                .holds
                .iter()
                .filter(|(m, prefix, _)| *m == method && path.starts_with(prefix.as_str()))
                .map(|(.., open)| open.clone())
                .collect()
        };
        for mut open in held {
            let _ = open.wait_for(|opened| *opened).await;
        }
        let response = {
            let mut state = self.lock();
            if !authorised && !path.starts_with("/interactions/") && !path.starts_with("/webhooks/")
            {
                reply(
                    StatusCode::UNAUTHORIZED,
                    json!({"message": "401: Unauthorized", "code": 0}),
                )
            } else {
                // The limits first: a request over one is refused and not done.
                let verdict = state.limit(&method, &path);
                let mut r = match verdict.refusal {
                    Some(refusal) => refusal,
                    None => {
                        let found = state
                            .failures
                            .iter()
                            .position(|f| f.method == method && path.starts_with(&f.path_prefix));
                        let failure = match found {
                            Some(i) if state.failures[i].skip > 0 => {
                                state.failures[i].skip -= 1;
                                None
                            }
                            Some(i) => state.failures.remove(i),
                            None => None,
                        };
                        if let Some(f) = failure {
                            if f.after {
                                let _ =
                                    route(&mut state, &method, &path, &query, body, gateway_url);
                            }
                            let global = f.body["global"] == true;
                            let mut r = reply(f.status, f.body);
                            if let Some(after) = f.retry_after {
                                let h = r.headers_mut();
                                h.insert("retry-after", after.to_string().parse().unwrap());
                                let scope = if global { "global" } else { "user" };
                                h.insert("x-ratelimit-scope", scope.parse().unwrap());
                                if global {
                                    h.insert("x-ratelimit-global", "true".parse().unwrap());
                                }
                            }
                            r
                        } else if let Some(refusal) = state.access_refusal(&method, &path, &body) {
                            refusal
                        } else {
                            route(&mut state, &method, &path, &query, body, gateway_url)
                        }
                    }
                };
                // Every response of a limited route says where its bucket stands.
                for (name, value) in verdict.headers {
                    r.headers_mut().insert(name, value.parse().unwrap());
                }
                r
            }
        };
        self.touch();
        response
    }
}

fn route(
    state: &mut State,
    method: &Method,
    path: &str,
    query: &str,
    body: Value,
    gateway_url: &str,
) -> Response<Full<Bytes>> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let query = |key: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
            .map(str::to_string)
    };
    let num = |s: &str| s.parse::<u64>().ok();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["gateway"]) => reply(StatusCode::OK, json!({"url": gateway_url})),
        ("GET", ["gateway", "bot"]) => reply(
            StatusCode::OK,
            json!({
            "url": gateway_url, "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}),
        ),
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            let guild = num(guild).unwrap_or_default();
            if let Some(problem) = body.as_array().and_then(|c| commands_problem(c)) {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": format!("Invalid Form Body: {problem}"), "code": 50035}),
                );
            }
            let mut registered = Vec::new();
            for command in body.as_array().cloned().unwrap_or_default() {
                let mut c = command.clone();
                c["id"] = json!(state.id().to_string());
                c["application_id"] = json!(APPLICATION_ID.to_string());
                c["guild_id"] = json!(guild.to_string());
                c["version"] = json!("1");
                if c.get("type").is_none() {
                    c["type"] = json!(1);
                }
                registered.push(c);
            }
            state.commands.insert(guild, registered.clone());
            reply(StatusCode::OK, Value::Array(registered))
        }
        ("GET", ["users", user]) => match num(user).and_then(|u| state.users.get(&u)) {
            Some(u) => reply(StatusCode::OK, u.clone()),
            None => unknown("Unknown User", 10013),
        },
        ("GET", ["guilds", guild, "members", user]) => {
            if num(guild) != Some(GUILD_ID) {
                return unknown("Unknown Guild", 10004);
            }
            let Some(id) = num(user).filter(|u| state.users.contains_key(u)) else {
                return unknown("Unknown User", 10013);
            };
            if state.departed.contains(&id) {
                return unknown("Unknown Member", 10007);
            }
            reply(
                StatusCode::OK,
                json!({"user": state.user(id), "nick": state.nicknames.get(&id), "avatar": null,
                       "roles": state.roles.get(&id).into_iter().flatten().map(u64::to_string).collect::<Vec<_>>(),
                       "joined_at": TIMESTAMP, "premium_since": null,
                       "deaf": false, "mute": false, "flags": 0, "pending": false}),
            )
        }
        ("POST", ["users", "@me", "channels"]) => {
            let Some(user) = body["recipient_id"].as_str().and_then(num) else {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": "Invalid Form Body", "code": 50035}),
                );
            };
            let channel = ensure_dm(state, user);
            reply(StatusCode::OK, state.channels[&channel].clone())
        }
        ("GET", ["channels", channel, "messages"]) => {
            let Some(channel) = num(channel).filter(|c| state.channels.contains_key(c)) else {
                return unknown("Unknown Channel", 10003);
            };
            let (before, limit) = (query("before").and_then(|b| num(&b)), query("limit"));
            let limit: usize = limit.and_then(|l| l.parse().ok()).unwrap_or(50);
            let mut page: Vec<Value> = state
                .messages
                .iter()
                .filter(|m| is_id(&m["channel_id"], channel))
                .filter(|m| {
                    before.is_none_or(|b| m["id"].as_str().and_then(num).is_some_and(|id| id < b))
                })
                .cloned()
                .collect();
            page.reverse();
            page.truncate(limit);
            // A nonce comes only with the message's creation (its answer, its gateway
            // event), never when it is read back.
            for m in &mut page {
                if let Some(m) = m.as_object_mut() {
                    m.remove("nonce");
                }
            }
            // Without the Message Content intent, others' messages in a server come empty
            // here too.
            if !state.message_content_allowed {
                for m in page
                    .iter_mut()
                    .filter(|m| m.get("guild_id").is_some() && !from_bot(m) && !mentions_bot(m))
                {
                    m["content"] = json!("");
                    m["attachments"] = json!([]);
                }
            }
            reply(StatusCode::OK, Value::Array(page))
        }
        ("GET", ["channels", channel]) => match num(channel).and_then(|c| state.channels.get(&c)) {
            Some(c) => reply(StatusCode::OK, c.clone()),
            None => unknown("Unknown Channel", 10003),
        },
        ("PATCH", ["channels", channel]) => {
            let Some(c) = num(channel).and_then(|c| state.channels.get_mut(&c)) else {
                return unknown("Unknown Channel", 10003);
            };
            if let Some(locked) = body.get("locked") {
                c["thread_metadata"]["locked"] = locked.clone();
            }
            if let Some(archived) = body.get("archived") {
                c["thread_metadata"]["archived"] = archived.clone();
            }
            reply(StatusCode::OK, c.clone())
        }
        ("POST", ["channels", channel, "messages"]) => {
            let Some(channel) = num(channel).filter(|c| state.channels.contains_key(c)) else {
                return unknown("Unknown Channel", 10003);
            };
            let recipient = state.channels[&channel]["recipients"][0]["id"]
                .as_str()
                .and_then(num);
            if recipient.is_some_and(|r| state.closed_dms.contains(&r)) {
                return reply(
                    StatusCode::FORBIDDEN,
                    json!({"message": "Cannot send messages to this user", "code": 50007}),
                );
            }
            if let Some(problem) = body.get("components").and_then(components_problem) {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": format!("Invalid Form Body: {problem}"), "code": 50035}),
                );
            }
            let nonce = body.get("nonce").cloned().unwrap_or(Value::Null);
            if nonce.as_str().is_some_and(|n| n.chars().count() > 25) {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": "Invalid Form Body: nonce longer than 25", "code": 50035}),
                );
            }
            // Enforced only while Discord remembers it (a few minutes).
            if body["enforce_nonce"] == true
                && !nonce.is_null()
                && let Some(existing) = state.remembered_nonce(channel, &nonce)
            {
                return reply(StatusCode::OK, existing);
            }
            let guild = state.channels[&channel]["guild_id"].as_str().and_then(num);
            let id = state.id();
            let bot = state.user(BOT_ID);
            let text = body["content"].as_str().unwrap_or_default();
            let mut message = message_json(
                id,
                channel,
                guild,
                bot,
                text,
                body.get("components").cloned().unwrap_or(json!([])),
            );
            if !nonce.is_null() {
                let sent = (Instant::now(), message["id"].clone());
                state.nonces.insert((channel, nonce.to_string()), sent);
            }
            message["nonce"] = nonce;
            if let Some(files) = body.get("files_sent").and_then(Value::as_array) {
                message["attachments"] = Value::Array(
                    files
                        .iter()
                        .map(|f| {
                            let id = state.id();
                            json!({"id": id.to_string(), "filename": f["filename"],
                                   "size": f["size"],
                                   "url": format!("https://cdn.discordapp.com/attachments/{channel}/{id}/{}", f["filename"].as_str().unwrap_or_default()),
                                   "proxy_url": "https://media.discordapp.net/x",
                                   // Not Discord's: the file's text, for tests to read.
                                   "test_text": f["text"],
                                   "test_base64": f["base64"]})
                        })
                        .collect(),
                );
            }
            // Not part of Discord's message object: kept so a test can see who may be pinged.
            message["allowed_mentions_sent"] =
                body.get("allowed_mentions").cloned().unwrap_or(Value::Null);
            state.messages.push(message.clone());
            state.dispatch("MESSAGE_CREATE", message.clone());
            reply(StatusCode::OK, message)
        }
        ("PATCH", ["channels", _, "messages", _])
            if body
                .get("components")
                .and_then(components_problem)
                .is_some() =>
        {
            reply(
                StatusCode::BAD_REQUEST,
                json!({"message": "Invalid Form Body", "code": 50035}),
            )
        }
        // Deleting a thread the bot made (a channel of the server's needs Manage Channels,
        // which the bot is not given).
        ("DELETE", ["channels", channel]) => {
            let Some(channel) = num(channel) else {
                return unknown("Unknown Channel", 10003);
            };
            let Some(found) = state.channels.get(&channel).cloned() else {
                return unknown("Unknown Channel", 10003);
            };
            if !is_id(&found["owner_id"], BOT_ID) {
                return forbidden("Missing Permissions", 50013);
            }
            state.channels.remove(&channel);
            state.thread_members.remove(&channel);
            state.messages.retain(|m| !is_id(&m["channel_id"], channel));
            reply(StatusCode::OK, found)
        }
        ("DELETE", ["channels", _, "messages", message]) => {
            let Some(at) = state.messages.iter().position(|m| m["id"] == *message) else {
                return unknown("Unknown Message", 10008);
            };
            // Someone else's needs Manage Messages, which the bot is not given.
            if !from_bot(&state.messages[at]) {
                return forbidden("Missing Permissions", 50013);
            }
            state.messages.remove(at);
            Response::builder()
                .status(StatusCode::NO_CONTENT)
                .body(Full::new(Bytes::new()))
                .unwrap()
        }
        ("PATCH", ["channels", _, "messages", message]) => {
            let Some(m) = state.messages.iter_mut().find(|m| m["id"] == *message) else {
                return unknown("Unknown Message", 10008);
            };
            if !from_bot(m) {
                return forbidden("Cannot edit a message authored by another user", 50005);
            }
            for key in ["content", "components"] {
                if let Some(v) = body.get(key) {
                    m[key] = v.clone();
                }
            }
            m["edited_timestamp"] = json!(TIMESTAMP);
            reply(StatusCode::OK, m.clone())
        }
        ("POST", ["channels", parent, "threads"]) => {
            let Some(parent) = num(parent).filter(|c| state.channels.contains_key(c)) else {
                return unknown("Unknown Channel", 10003);
            };
            let id = state.id();
            let thread = json!({
                "id": id.to_string(), "type": body["type"].as_u64().unwrap_or(11),
                "guild_id": GUILD_ID.to_string(), "parent_id": parent.to_string(),
                "owner_id": BOT_ID.to_string(), "name": body["name"], "last_message_id": null,
                "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
                "thread_metadata": {"archived": false,
                    "auto_archive_duration": body["auto_archive_duration"].as_u64().unwrap_or(1440),
                    "archive_timestamp": TIMESTAMP, "locked": false,
                    "invitable": body["invitable"].as_bool().unwrap_or(true),
                    "create_timestamp": TIMESTAMP},
                "total_message_sent": 0
            });
            state.channels.insert(id, thread.clone());
            state.thread_members.entry(id).or_default().insert(BOT_ID);
            reply(StatusCode::CREATED, thread)
        }
        ("PUT", ["channels", thread, "thread-members", user]) => {
            let (Some(thread), Some(user)) = (num(thread), num(user)) else {
                return unknown("Unknown Channel", 10003);
            };
            if !state.channels.contains_key(&thread) {
                return unknown("Unknown Channel", 10003);
            }
            // Only a member of the server can be added to its thread.
            if state.departed.contains(&user) || !state.users.contains_key(&user) {
                return unknown("Unknown Member", 10007);
            }
            state.thread_members.entry(thread).or_default().insert(user);
            empty()
        }
        ("DELETE", ["channels", thread, "thread-members", user]) => {
            if let (Some(thread), Some(user)) = (num(thread), num(user)) {
                state
                    .thread_members
                    .entry(thread)
                    .or_default()
                    .remove(&user);
            }
            empty()
        }
        ("POST", ["guilds", _, "channels"]) => {
            let id = state.id();
            let channel = json!({
                "id": id.to_string(), "type": body["type"].as_u64().unwrap_or(0),
                "guild_id": GUILD_ID.to_string(), "name": body["name"], "topic": body["topic"],
                "parent_id": body["parent_id"], "position": 0, "nsfw": false,
                "permission_overwrites": body["permission_overwrites"].as_array().cloned().unwrap_or_default()
                    .into_iter().map(|mut o| { o["allow"] = json!(o["allow"].as_str().unwrap_or("0")); o }).collect::<Vec<_>>(),
                "last_message_id": null, "rate_limit_per_user": 0, "flags": 0
            });
            state.channels.insert(id, channel.clone());
            reply(StatusCode::CREATED, channel)
        }
        ("PUT", ["channels", channel, "permissions", target]) => {
            let Some(c) = num(channel).and_then(|c| state.channels.get_mut(&c)) else {
                return unknown("Unknown Channel", 10003);
            };
            let overwrites = c["permission_overwrites"].as_array_mut().unwrap();
            overwrites.retain(|o| o["id"] != *target);
            overwrites.push(json!({"id": target, "type": body["type"], "allow": body["allow"], "deny": body["deny"]}));
            empty()
        }
        ("DELETE", ["channels", channel, "permissions", target]) => {
            if let Some(c) = num(channel).and_then(|c| state.channels.get_mut(&c)) {
                c["permission_overwrites"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|o| o["id"] != *target);
            }
            empty()
        }
        ("POST", ["guilds", guild, "scheduled-events"]) => {
            let id = state.id();
            let event = json!({
                "id": id.to_string(), "guild_id": guild, "channel_id": null,
                "creator_id": BOT_ID.to_string(), "name": body["name"],
                "description": body.get("description").cloned().unwrap_or(Value::Null),
                "scheduled_start_time": body["scheduled_start_time"],
                "scheduled_end_time": body.get("scheduled_end_time").cloned().unwrap_or(Value::Null),
                "privacy_level": body["privacy_level"], "status": 1,
                "entity_type": body["entity_type"], "entity_id": null,
                "entity_metadata": body.get("entity_metadata").cloned().unwrap_or(Value::Null),
                "user_count": 0
            });
            state.scheduled_events.insert(id, event.clone());
            reply(StatusCode::OK, event)
        }
        ("PATCH", ["guilds", _, "scheduled-events", id]) => {
            let Some(event) = num(id).and_then(|id| state.scheduled_events.get_mut(&id)) else {
                return unknown("Unknown Guild Scheduled Event", 10070);
            };
            for (k, v) in body.as_object().cloned().unwrap_or_default() {
                event[k.as_str()] = v;
            }
            reply(StatusCode::OK, event.clone())
        }
        ("POST", ["interactions", id, token, "callback"]) => {
            let Some((interaction, channel)) = state.interactions.get(*token).copied() else {
                return unknown("Unknown interaction", 10062);
            };
            if num(id) != Some(interaction) {
                return unknown("Unknown interaction", 10062);
            }
            // Not answered within 3 s: Discord told the person it failed, and forgot it.
            if !state
                .interaction_times
                .get(&interaction)
                .is_some_and(|at| state.answerable(*at))
            {
                return unknown("Unknown interaction", 10062);
            }
            if state.responses.contains_key(&interaction) {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": "Interaction has already been acknowledged.", "code": 40060}),
                );
            }
            // An autocomplete interaction takes only its result (type 8), and only it
            // takes one: choices of the focused option's type.
            let invalid = |problem: String| {
                reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": format!("Invalid Form Body: {problem}"), "code": 50035}),
                )
            };
            match (
                state.autocompleting.get(&interaction).copied(),
                body["type"].as_u64(),
            ) {
                (Some(kind), Some(8)) => {
                    if let Some(problem) = autocomplete_problem(&body["data"], kind) {
                        return invalid(problem);
                    }
                }
                (Some(_), other) => {
                    return invalid(format!(
                        "response type {other:?} to an autocomplete interaction (only 8)"
                    ));
                }
                (None, Some(8)) => {
                    return invalid("an autocomplete result to another interaction".into());
                }
                (None, _) => {}
            }
            state.responses.insert(interaction, vec![body.clone()]);
            match body["type"].as_u64() {
                // A message: ephemeral ones are seen only by the person; others in the channel.
                Some(4) => {
                    let ephemeral = body["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0);
                    if !ephemeral {
                        let guild = state
                            .channels
                            .get(&channel)
                            .and_then(|c| c["guild_id"].as_str())
                            .and_then(num);
                        let id = state.id();
                        let bot = state.user(BOT_ID);
                        let text = body["data"]["content"].as_str().unwrap_or_default();
                        let message = message_json(id, channel, guild, bot, text, json!([]));
                        state.messages.push(message.clone());
                        state.originals.insert(interaction, Some(message));
                    }
                }
                Some(5) => {
                    state
                        .originals
                        .insert(interaction, Some(json!({"content": "Tandem is thinking…"})));
                }
                // The message the component is on, updated in place.
                Some(7) => {
                    let message_id = state.interaction_message(interaction);
                    if let Some(m) = state
                        .messages
                        .iter_mut()
                        .find(|m| Some(m["id"].clone()) == message_id)
                    {
                        for key in ["content", "components"] {
                            if let Some(v) = body["data"].get(key) {
                                m[key] = v.clone();
                            }
                        }
                    }
                }
                _ => {}
            }
            empty()
        }
        ("PATCH", ["webhooks", _, token, "messages", "@original"]) => {
            let alive = |state: &State, interaction: u64| {
                state
                    .interaction_times
                    .get(&interaction)
                    .is_some_and(|at| state.token_alive(*at))
            };
            let Some((interaction, channel)) = state.interactions.get(*token).copied() else {
                return unknown("Unknown Webhook", 10015);
            };
            if !alive(state, interaction) {
                return unknown("Unknown Webhook", 10015);
            }
            let id = state.id();
            let bot = state.user(BOT_ID);
            let message = message_json(
                id,
                channel,
                None,
                bot,
                body["content"].as_str().unwrap_or_default(),
                json!([]),
            );
            state.originals.insert(interaction, Some(message.clone()));
            reply(StatusCode::OK, message)
        }
        ("DELETE", ["webhooks", _, token, "messages", "@original"]) => {
            let alive = |state: &State, interaction: u64| {
                state
                    .interaction_times
                    .get(&interaction)
                    .is_some_and(|at| state.token_alive(*at))
            };
            let Some((interaction, _)) = state.interactions.get(*token).copied() else {
                return unknown("Unknown Webhook", 10015);
            };
            if !alive(state, interaction) {
                return unknown("Unknown Webhook", 10015);
            }
            state.originals.insert(interaction, None);
            empty()
        }
        _ => reply(
            StatusCode::NOT_FOUND,
            json!({"message": "404: Not Found (not in the fake)", "code": 0}),
        ),
    }
}

pub(super) fn reply(status: StatusCode, body: Value) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = status;
    r.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    r
}

fn empty() -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = StatusCode::NO_CONTENT;
    r
}

/// Discord's answer to what the bot may not do.
pub(super) fn forbidden(what: &str, code: u64) -> Response<Full<Bytes>> {
    reply(
        StatusCode::FORBIDDEN,
        json!({"message": what, "code": code}),
    )
}

pub(super) fn unknown(what: &str, code: u64) -> Response<Full<Bytes>> {
    reply(
        StatusCode::NOT_FOUND,
        json!({"message": what, "code": code}),
    )
}

/// Splits a multipart/form-data body into its `payload_json` and its files.
pub(super) fn multipart(body: &[u8], boundary: &str) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let delimiter = format!("--{boundary}");
    let mut payload = Vec::new();
    let mut files = Vec::new();
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay[from.min(hay.len())..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let mut at = 0;
    while let Some(start) = find(body, delimiter.as_bytes(), at) {
        let part_start = start + delimiter.len();
        let Some(end) = find(body, delimiter.as_bytes(), part_start) else {
            break;
        };
        let part = &body[part_start..end];
        if let Some(split) = find(part, b"\r\n\r\n", 0) {
            let headers = String::from_utf8_lossy(&part[..split]).to_string();
            let mut content = part[split + 4..].to_vec();
            if content.ends_with(b"\r\n") {
                content.truncate(content.len() - 2);
            }
            let field = |key: &str| {
                let from = headers.find(&format!("; {key}=\""))? + key.len() + 4;
                let len = headers[from..].find('"')?;
                Some(headers[from..from + len].to_string())
            };
            match (field("name").as_deref(), field("filename")) {
                (Some("payload_json"), _) => payload = content,
                (Some(_), Some(filename)) => files.push((filename, content)),
                _ => {}
            }
        }
        at = end;
    }
    (payload, files)
}
