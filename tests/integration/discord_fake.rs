//! A small fake of Discord for the adapter's tests: the REST API over HTTPS and the gateway
//! over a WebSocket, speaking the JSON shapes of Discord's published API documentation
//! (API v10) for the parts Tandem uses. There is no local Discord, so this is how serenity,
//! unmodified, is exercised end to end — its rate limiter included.
//!
//! - REST: serenity is given a reqwest client that resolves `discord.com` to this server and
//!   trusts its self-signed certificate, so every request takes serenity's production path.
//!   Routes: gateway URL, guild commands, DM channel open, message create (nonces enforced),
//!   edit and delete (the bot's own only), interaction callbacks and the original response, private threads and their
//!   members, channels with permission overwrites, users and guild members (nicknames).
//!   Unknown routes answer 404 and are logged.
//! - Gateway: hello, identify → READY, heartbeat → ack, resume → replay of missed events
//!   and RESUMED; the test dispatches MESSAGE_CREATE and INTERACTION_CREATE, and can drop
//!   the connection or send RECONNECT (op 7) to force a resume, or INVALID_SESSION (op 9)
//!   to force a new session.
//! - Faults on demand: [`DiscordFake::fail_next`] answers the next matching request with a
//!   given status and body (a 429 with `retry-after`, a 50007, a 50013).
//!
//! The test reads the fake's state (messages per channel, interaction responses, thread
//! members) to see what a Discord user would have seen.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::{Notify, mpsc};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

pub const TOKEN: &str = "fake-bot-token";
pub const APPLICATION_ID: u64 = 900_000_000_000_000_001;
pub const BOT_ID: u64 = 900_000_000_000_000_002;
pub const GUILD_ID: u64 = 900_000_000_000_000_003;
const TIMESTAMP: &str = "2026-11-23T12:00:00.000000+00:00";
/// The privileged Message Content gateway intent (1 << 15).
const MESSAGE_CONTENT: u64 = 1 << 15;

/// A request the fake will answer with a failure instead of doing it.
struct Failure {
    method: Method,
    path_prefix: String,
    status: StatusCode,
    body: Value,
    retry_after: Option<f64>,
}

/// What a test can see and change.
#[derive(Default)]
pub struct State {
    next_id: u64,
    pub users: HashMap<u64, Value>,
    /// Each person's client language, sent with their interactions (`en-GB` unless set).
    pub locales: HashMap<u64, String>,
    pub channels: HashMap<u64, Value>,
    /// Every message, in order of creation, as Discord stores it.
    pub messages: Vec<Value>,
    pub thread_members: HashMap<u64, BTreeSet<u64>>,
    /// Registered slash commands per guild.
    pub commands: HashMap<u64, Vec<Value>>,
    /// Interaction responses (the callback bodies), by interaction id.
    pub responses: HashMap<u64, Vec<Value>>,
    /// The original response of an interaction (deferred, then edited or deleted).
    pub originals: HashMap<u64, Option<Value>>,
    interactions: HashMap<String, (u64, u64)>,
    /// Each request, as `METHOD /path`.
    pub requests: Vec<String>,
    failures: VecDeque<Failure>,
    /// Requests (method, path prefix) answered only once their gate opens.
    holds: Vec<(Method, String, tokio::sync::watch::Receiver<bool>)>,
    /// People who do not accept DMs from the bot.
    pub closed_dms: HashSet<u64>,
    /// Nicknames in the guild, by user.
    pub nicknames: HashMap<u64, String>,
    /// The roles each member holds in the guild.
    pub roles: HashMap<u64, Vec<u64>>,
    /// People who left the guild: their user remains, their membership does not.
    pub departed: HashSet<u64>,
    /// Guild scheduled events, by id.
    pub scheduled_events: HashMap<u64, Value>,
    dm_of: HashMap<u64, u64>,
    /// Files people attached, by path, as Discord's CDN serves them: (type, bytes).
    pub cdn: HashMap<String, (String, Vec<u8>)>,
    // Gateway.
    seq: u64,
    session: u64,
    events: Vec<(u64, Value)>,
    connection: Option<mpsc::UnboundedSender<WsMessage>>,
    pub identifies: u32,
    /// The gateway intents the bot identified with.
    pub intents: u64,
    /// Whether the application may use the Message Content intent (a switch in Discord's
    /// Developer Portal, off for a new application): identifying with it otherwise is
    /// refused with close code 4014, as Discord does.
    pub message_content_allowed: bool,
    pub resumes: u32,
}

impl State {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        1_000_000_000_000_000_000 + self.next_id
    }

    fn user(&self, id: u64) -> Value {
        self.users
            .get(&id)
            .cloned()
            .unwrap_or_else(|| user_json(id, "someone", false))
    }

    pub fn messages_in(&self, channel: u64) -> Vec<Value> {
        self.messages
            .iter()
            .filter(|m| is_id(&m["channel_id"], channel))
            .cloned()
            .collect()
    }

    pub fn dm_channel(&self, user: u64) -> Option<u64> {
        self.dm_of.get(&user).copied()
    }

    /// Sends a gateway dispatch now, or keeps it for the resume if disconnected.
    fn dispatch(&mut self, event: &str, data: Value) {
        self.seq += 1;
        let payload = json!({"op": 0, "t": event, "s": self.seq, "d": data});
        self.events.push((self.seq, payload.clone()));
        if let Some(conn) = &self.connection {
            let _ = conn.send(WsMessage::Text(payload.to_string()));
        }
    }
}

/// The running fake.
#[derive(Clone)]
pub struct DiscordFake {
    pub state: Arc<Mutex<State>>,
    changed: Arc<Notify>,
    api: SocketAddr,
    cert_pem: String,
}

impl DiscordFake {
    pub async fn start() -> DiscordFake {
        let cert = rcgen::generate_simple_self_signed(vec![
            "discord.com".to_string(),
            "cdn.discordapp.com".to_string(),
        ])
        .expect("a certificate");
        let cert_pem = cert.cert.pem();
        let key = rustls::pki_types::PrivateKeyDer::Pkcs8(
            rustls::pki_types::PrivatePkcs8KeyDer::from(cert.key_pair.serialize_der()),
        );
        let tls = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.cert.der().clone()], key)
        .expect("TLS config");
        let acceptor = TlsAcceptor::from(Arc::new(tls));

        let api_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let gateway_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let api = api_listener.local_addr().unwrap();
        let gateway_url = format!("ws://{}", gateway_listener.local_addr().unwrap());
        let mut state = State {
            next_id: 0,
            ..Default::default()
        };
        state
            .users
            .insert(BOT_ID, user_json(BOT_ID, "Tandem", true));
        state.channels.insert(
            GUILD_ID,
            json!({"id": GUILD_ID.to_string(), "type": 0, "name": "general", "guild_id": GUILD_ID.to_string()}),
        );
        let fake = DiscordFake {
            state: Arc::new(Mutex::new(state)),
            changed: Arc::new(Notify::new()),
            api,
            cert_pem,
        };

        let rest = fake.clone();
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = api_listener.accept().await else {
                    return;
                };
                let acceptor = acceptor.clone();
                let fake = rest.clone();
                let gateway_url = gateway_url.clone();
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let service = hyper::service::service_fn(move |req| {
                        let fake = fake.clone();
                        let gateway_url = gateway_url.clone();
                        async move {
                            Ok::<_, std::convert::Infallible>(fake.handle(req, &gateway_url).await)
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(tls), service)
                        .await;
                });
            }
        });

        let gateway = fake.clone();
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = gateway_listener.accept().await else {
                    return;
                };
                let fake = gateway.clone();
                tokio::spawn(async move { fake.gateway_connection(tcp).await });
            }
        });
        fake
    }

    /// A reqwest client for serenity that reaches this fake as `https://discord.com`.
    pub fn http_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .use_rustls_tls()
            .add_root_certificate(
                reqwest::Certificate::from_pem(self.cert_pem.as_bytes()).expect("the fake's cert"),
            )
            .resolve("discord.com", self.api)
            .resolve("cdn.discordapp.com", self.api)
            .timeout(Duration::from_secs(30))
            .build()
            .expect("a reqwest client")
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn touch(&self) {
        self.changed.notify_waiters();
    }

    /// Waits until `check` finds something in the state, or panics after `timeout`.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&State) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.changed.notified();
            if let Some(found) = check(&self.lock()) {
                return found;
            }
            let now = tokio::time::Instant::now();
            if now >= deadline {
                let state = self.lock();
                let tail: Vec<&String> = state.requests.iter().rev().take(15).collect();
                panic!("timed out waiting for {what}; last requests (newest first): {tail:#?}");
            }
            let _ =
                tokio::time::timeout((deadline - now).min(Duration::from_millis(200)), notified)
                    .await;
        }
    }

    /// A guild member.
    pub fn add_user(&self, name: &str) -> u64 {
        let mut state = self.lock();
        let id = state.id();
        state.users.insert(id, user_json(id, name, false));
        id
    }

    /// The language `user`'s Discord client is set to from now on (`es-ES`), sent as the
    /// `locale` of their interactions.
    pub fn set_locale(&self, user: u64, locale: &str) {
        self.lock().locales.insert(user, locale.to_string());
    }

    /// The roles `user` holds in the guild from now on (as a server admin sets them).
    pub fn set_roles(&self, user: u64, roles: &[u64]) {
        self.lock().roles.insert(user, roles.to_vec());
    }

    /// A person's display name (`global_name`), and their nickname in the guild if any.
    pub fn rename(&self, user: u64, global_name: &str, nick: Option<&str>) {
        let mut state = self.lock();
        if let Some(u) = state.users.get_mut(&user) {
            u["global_name"] = json!(global_name);
        }
        match nick {
            Some(nick) => state.nicknames.insert(user, nick.to_string()),
            None => state.nicknames.remove(&user),
        };
    }

    /// A text channel in the guild.
    pub fn add_channel(&self, name: &str) -> u64 {
        let mut state = self.lock();
        let id = state.id();
        state.channels.insert(
            id,
            json!({"id": id.to_string(), "type": 0, "name": name, "guild_id": GUILD_ID.to_string(),
                   "position": 0, "permission_overwrites": [], "nsfw": false, "parent_id": null}),
        );
        id
    }

    /// A category for private pair channels.
    pub fn add_category(&self, name: &str) -> u64 {
        let mut state = self.lock();
        let id = state.id();
        state.channels.insert(
            id,
            json!({"id": id.to_string(), "type": 4, "name": name, "guild_id": GUILD_ID.to_string(),
                   "position": 0, "permission_overwrites": []}),
        );
        id
    }

    /// The next request whose method matches and whose path starts with `path_prefix` (after
    /// `/api/v10`) fails with `status` and `body` (and `retry-after` for a 429).
    pub fn fail_next(&self, method: Method, path_prefix: &str, status: u16, body: Value) {
        let retry_after = (status == 429).then(|| body["retry_after"].as_f64().unwrap_or(0.2));
        self.lock().failures.push_back(Failure {
            method,
            path_prefix: path_prefix.to_string(),
            status: StatusCode::from_u16(status).unwrap(),
            body,
            retry_after,
        });
    }

    /// Requests whose method matches and whose path starts with `path_prefix` wait,
    /// unanswered (as a slow server keeps them), until the returned gate is opened with
    /// `send(true)`.
    pub fn hold(&self, method: Method, path_prefix: &str) -> tokio::sync::watch::Sender<bool> {
        let (gate, open) = tokio::sync::watch::channel(false);
        self.lock()
            .holds
            .push((method, path_prefix.to_string(), open));
        gate
    }

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
        // (text, files, embeds).
        if state.intents & MESSAGE_CONTENT == 0 {
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
    pub fn slash(
        &self,
        user: u64,
        channel: Option<u64>,
        name: &str,
        options: &[(&str, &str)],
    ) -> u64 {
        let options: Vec<Value> = options
            .iter()
            .map(|(n, v)| json!({"name": n, "type": 3, "value": v}))
            .collect();
        let command_id = {
            let state = self.lock();
            state
                .commands
                .get(&GUILD_ID)
                .and_then(|cs| cs.iter().find(|c| c["name"] == name))
                .map(|c| c["id"].clone())
                .unwrap_or_else(|| json!("1"))
        };
        let data = json!({"id": command_id, "name": name, "type": 1, "options": options, "guild_id": GUILD_ID.to_string()});
        let (channel, in_guild) = match channel {
            Some(c) => (c, true),
            None => (ensure_dm(&mut self.lock(), user), false),
        };
        self.interact(user, channel, in_guild, 2, data, None)
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
        let mut state = self.lock();
        let id = state.id();
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
        state.dispatch("INTERACTION_CREATE", interaction);
        drop(state);
        self.touch();
        id
    }

    /// Closes the gateway connection abruptly, as a network fault would.
    pub fn drop_gateway(&self) {
        let mut state = self.lock();
        if let Some(conn) = state.connection.take() {
            let _ = conn.send(WsMessage::Close(None));
        }
    }

    /// Asks the bot to reconnect and resume (op 7 RECONNECT), as Discord does before it
    /// moves a session to another server.
    pub fn request_reconnect(&self) {
        let state = self.lock();
        if let Some(conn) = &state.connection {
            let _ = conn.send(WsMessage::Text(json!({"op": 7, "d": null}).to_string()));
        }
    }

    /// Ends the bot's session for good (op 9 INVALID_SESSION, not resumable), as Discord
    /// does when a session cannot go on: what is dispatched until the bot identifies again
    /// is not replayed (only the channels' history keeps it).
    pub fn invalidate_session(&self) {
        let mut state = self.lock();
        state.session += 1;
        if let Some(conn) = state.connection.take() {
            let _ = conn.send(WsMessage::Text(json!({"op": 9, "d": false}).to_string()));
        }
    }

    async fn gateway_connection(&self, tcp: tokio::net::TcpStream) {
        let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
            return;
        };
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 5000}, "s": null, "t": null});
        if ws.send(WsMessage::Text(hello.to_string())).await.is_err() {
            return;
        }
        let (tx, mut rx) = mpsc::unbounded_channel::<WsMessage>();
        loop {
            tokio::select! {
                incoming = ws.next() => {
                    let Some(Ok(WsMessage::Text(text))) = incoming else { break };
                    let Ok(payload) = serde_json::from_str::<Value>(&text) else { break };
                    let mut state = self.lock();
                    match payload["op"].as_u64() {
                        Some(1) => { let _ = tx.send(WsMessage::Text(json!({"op": 11}).to_string())); }
                        Some(2) => {
                            let token = payload["d"]["token"].as_str().unwrap_or_default();
                            if token.trim_start_matches("Bot ") != TOKEN {
                                let _ = tx.send(WsMessage::Close(None));
                                continue;
                            }
                            let intents = payload["d"]["intents"].as_u64().unwrap_or(0);
                            if intents & MESSAGE_CONTENT != 0 && !state.message_content_allowed {
                                let _ = tx.send(WsMessage::Close(Some(CloseFrame {
                                    code: CloseCode::Library(4014),
                                    reason: "Disallowed intent(s).".into(),
                                })));
                                continue;
                            }
                            state.intents = intents;
                            state.identifies += 1;
                            state.session += 1;
                            state.events.clear();
                            state.connection = Some(tx.clone());
                            let ready = json!({
                                "v": 10, "user": state.user(BOT_ID),
                                "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
                                "session_id": format!("session-{}", state.session),
                                "resume_gateway_url": "ws://127.0.0.1:1",
                                "shard": [0, 1],
                                "application": {"id": APPLICATION_ID.to_string(), "flags": 0}
                            });
                            state.dispatch("READY", ready);
                        }
                        Some(6) => {
                            let same = payload["d"]["session_id"] == format!("session-{}", state.session);
                            if !same {
                                let _ = tx.send(WsMessage::Text(json!({"op": 9, "d": false}).to_string()));
                                continue;
                            }
                            state.resumes += 1;
                            let after = payload["d"]["seq"].as_u64().unwrap_or(0);
                            for (seq, event) in &state.events {
                                if *seq > after {
                                    let _ = tx.send(WsMessage::Text(event.to_string()));
                                }
                            }
                            state.connection = Some(tx.clone());
                            state.dispatch("RESUMED", json!({}));
                        }
                        _ => {}
                    }
                    drop(state);
                    self.touch();
                }
                outgoing = rx.recv() => {
                    match outgoing {
                        // Closed with a code, as Discord closes a session it refuses.
                        Some(WsMessage::Close(Some(frame))) => {
                            let _ = ws.send(WsMessage::Close(Some(frame))).await;
                            break;
                        }
                        // A fault: vanish without a closing handshake.
                        Some(WsMessage::Close(None)) | None => break,
                        Some(message) => if ws.send(message).await.is_err() { break },
                    }
                }
            }
        }
        let mut state = self.lock();
        if state
            .connection
            .as_ref()
            .is_some_and(|c| c.same_channel(&tx))
        {
            state.connection = None;
        }
    }

    async fn handle(&self, req: Request<Incoming>, gateway_url: &str) -> Response<Full<Bytes>> {
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
            let failure = state
                .failures
                .iter()
                .position(|f| f.method == method && path.starts_with(&f.path_prefix))
                .and_then(|i| state.failures.remove(i));
            if !authorised && !path.starts_with("/interactions/") && !path.starts_with("/webhooks/")
            {
                reply(
                    StatusCode::UNAUTHORIZED,
                    json!({"message": "401: Unauthorized", "code": 0}),
                )
            } else if let Some(f) = failure {
                let mut r = reply(f.status, f.body);
                if let Some(after) = f.retry_after {
                    r.headers_mut()
                        .insert("retry-after", after.to_string().parse().unwrap());
                    r.headers_mut()
                        .insert("x-ratelimit-scope", "user".parse().unwrap());
                }
                r
            } else {
                route(&mut state, &method, &path, &query, body, gateway_url)
            }
        };
        self.touch();
        response
    }
}

fn ensure_dm(state: &mut State, user: u64) -> u64 {
    if let Some(c) = state.dm_of.get(&user) {
        return *c;
    }
    let id = state.id();
    let recipient = state.user(user);
    state.channels.insert(
        id,
        json!({"id": id.to_string(), "type": 1, "recipients": [recipient], "last_message_id": null}),
    );
    state.dm_of.insert(user, id);
    id
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
            // Without the Message Content intent, others' messages in a server come empty
            // here too.
            if !state.message_content_allowed {
                for m in page
                    .iter_mut()
                    .filter(|m| m.get("guild_id").is_some() && !from_bot(m))
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
            if body["enforce_nonce"] == true
                && !nonce.is_null()
                && let Some(existing) = state.messages.iter().find(|m| {
                    is_id(&m["channel_id"], channel) && m["nonce"] == nonce && from_bot(m)
                })
            {
                return reply(StatusCode::OK, existing.clone());
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
            if state.responses.contains_key(&interaction) {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({"message": "Interaction has already been acknowledged.", "code": 40060}),
                );
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
            let Some((interaction, channel)) = state.interactions.get(*token).copied() else {
                return unknown("Unknown Webhook", 10015);
            };
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
            let Some((interaction, _)) = state.interactions.get(*token).copied() else {
                return unknown("Unknown Webhook", 10015);
            };
            state.originals.insert(interaction, None);
            empty()
        }
        _ => reply(
            StatusCode::NOT_FOUND,
            json!({"message": "404: Not Found (not in the fake)", "code": 0}),
        ),
    }
}

impl State {
    /// The message a component interaction was on (from the dispatched event).
    fn interaction_message(&self, interaction: u64) -> Option<Value> {
        self.events.iter().find_map(|(_, e)| {
            is_id(&e["d"]["id"], interaction).then(|| e["d"]["message"]["id"].clone())
        })
    }

    /// The last message the bot sent in `channel`.
    pub fn last_from_bot(&self, channel: u64) -> Option<Value> {
        self.messages_in(channel).into_iter().rev().find(from_bot)
    }
}

/// Whether a JSON snowflake (a string) is `id`.
pub fn is_id(value: &Value, id: u64) -> bool {
    value.as_str().and_then(|s| s.parse::<u64>().ok()) == Some(id)
}

/// Whether the bot wrote this message.
pub fn from_bot(message: &Value) -> bool {
    message["author"]["id"]
        .as_str()
        .and_then(|id| id.parse::<u64>().ok())
        == Some(BOT_ID)
}

pub fn user_json(id: u64, name: &str, bot: bool) -> Value {
    json!({"id": id.to_string(), "username": name, "discriminator": "0", "global_name": name,
           "avatar": null, "bot": bot, "public_flags": 0})
}

/// A file someone sends in `channel`, kept on the CDN, as a message's attachment.
fn attachment(state: &mut State, channel: u64, name: &str, mime: &str, data: &[u8]) -> Value {
    let file_id = state.id();
    let path = format!("/attachments/{channel}/{file_id}/{name}");
    state
        .cdn
        .insert(path.clone(), (mime.to_string(), data.to_vec()));
    json!({
        "id": file_id.to_string(), "filename": name, "size": data.len(),
        "content_type": mime,
        // Signed and expiring, like Discord's.
        "url": format!("https://cdn.discordapp.com{path}?ex=6a0f&is=6a0e&hm=ab12"),
        "proxy_url": format!("https://media.discordapp.net{path}"),
    })
}

fn message_json(
    id: u64,
    channel: u64,
    guild: Option<u64>,
    author: Value,
    content: &str,
    components: Value,
) -> Value {
    let mut m = json!({
        "id": id.to_string(), "channel_id": channel.to_string(), "author": author,
        // When it was sent, as Discord stamps it (a catch-up reads back by it).
        "content": content, "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false),
        "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0, "flags": 0, "components": components
    });
    if let Some(guild) = guild {
        m["guild_id"] = json!(guild.to_string());
    }
    m
}

fn reply(status: StatusCode, body: Value) -> Response<Full<Bytes>> {
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
fn forbidden(what: &str, code: u64) -> Response<Full<Bytes>> {
    reply(
        StatusCode::FORBIDDEN,
        json!({"message": what, "code": code}),
    )
}

fn unknown(what: &str, code: u64) -> Response<Full<Bytes>> {
    reply(
        StatusCode::NOT_FOUND,
        json!({"message": what, "code": code}),
    )
}

/// Splits a multipart/form-data body into its `payload_json` and its files.
fn multipart(body: &[u8], boundary: &str) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
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

/// The locales Discord's clients have, the only keys it takes in a command's
/// `name_localizations` and `description_localizations`.
const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// A rule a value must keep.
type Check<'a> = dyn Fn(&Value) -> bool + 'a;

/// What Discord would refuse in a command's or option's localisations: a locale it does
/// not have, or a name or description that breaks the rules of the default one.
fn localisations_problem(
    what: &str,
    item: &Value,
    name_ok: &dyn Fn(&str) -> bool,
    described: &dyn Fn(&Value) -> bool,
) -> Option<String> {
    let named = |v: &Value| v.as_str().is_some_and(name_ok);
    let checks: [(&str, &Check); 2] = [
        ("name_localizations", &named),
        ("description_localizations", described),
    ];
    for (field, check) in checks {
        let Some(map) = item[field].as_object() else {
            continue;
        };
        for (locale, value) in map {
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Some(format!(
                    "{what}: {field} has a locale Discord does not have: {locale}"
                ));
            }
            if !check(value) {
                return Some(format!("{what}: {field}[{locale}] {value}"));
            }
        }
    }
    None
}

/// What Discord would refuse in a guild's slash commands, as it does (error 50035): at
/// most 100; a slash command's name is 1 to 32 lower-case letters, digits, `-` or `_`
/// (a message menu's may have capitals and spaces), unique; its description 1 to 100
/// characters (none for a message menu's); at most 25 options, each named and described
/// the same way, the required ones first; localised names and descriptions follow the
/// same rules, for locales Discord has.
fn commands_problem(commands: &[Value]) -> Option<String> {
    if commands.len() > 100 {
        return Some("more than 100 commands".into());
    }
    let slash_name = |n: &str| {
        (1..=32).contains(&n.chars().count())
            && n.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    let described = |d: &Value| {
        d.as_str()
            .is_some_and(|d| (1..=100).contains(&d.chars().count()))
    };
    let mut names = std::collections::HashSet::new();
    for c in commands {
        let name = c["name"].as_str().unwrap_or_default();
        let message_menu = c["type"] == 3;
        if !names.insert((name.to_string(), c["type"].as_u64())) {
            return Some(format!("command {name} registered twice"));
        }
        if message_menu {
            if !(1..=32).contains(&name.chars().count()) {
                return Some(format!("message command name {name:?}"));
            }
            continue;
        }
        if !slash_name(name) {
            return Some(format!("command name {name:?}"));
        }
        if !described(&c["description"]) {
            return Some(format!("command {name}: description {}", c["description"]));
        }
        if let Some(problem) =
            localisations_problem(&format!("command {name}"), c, &slash_name, &described)
        {
            return Some(problem);
        }
        let options = c["options"].as_array().cloned().unwrap_or_default();
        if options.len() > 25 {
            return Some(format!("command {name}: more than 25 options"));
        }
        let mut optional_seen = false;
        for o in &options {
            let option = o["name"].as_str().unwrap_or_default();
            if !slash_name(option) || !described(&o["description"]) {
                return Some(format!("command {name}: option {option:?}"));
            }
            if let Some(problem) = localisations_problem(
                &format!("command {name}, option {option}"),
                o,
                &slash_name,
                &described,
            ) {
                return Some(problem);
            }
            let required = o["required"] == true;
            if required && optional_seen {
                return Some(format!(
                    "command {name}: required option {option} after an optional one"
                ));
            }
            optional_seen |= !required;
        }
    }
    None
}

/// What Discord would refuse in a message's components, as it does (error 50035): at most
/// five rows; a row holds one to five buttons, or one select menu alone; ids at most 100
/// characters and unique in the message; button labels at most 80; a select has 1 to 25
/// options (labels and values at most 100, values unique), a placeholder at most 150 and
/// 0 ≤ min ≤ max ≤ its options.
fn components_problem(components: &Value) -> Option<String> {
    let rows = components.as_array()?;
    if rows.len() > 5 {
        return Some(format!("{} action rows (at most 5)", rows.len()));
    }
    let mut ids = std::collections::HashSet::new();
    for row in rows {
        if row["type"] != 1 {
            return Some("a top-level component that is not an action row".into());
        }
        let Some(items) = row["components"].as_array().filter(|i| !i.is_empty()) else {
            return Some("an empty action row".into());
        };
        let selects = items.iter().filter(|c| c["type"] == 3).count();
        if selects > 0 && items.len() > 1 {
            return Some("a select menu shares its row".into());
        }
        if items.len() > 5 {
            return Some(format!("{} components in a row (at most 5)", items.len()));
        }
        for c in items {
            let id = c["custom_id"].as_str().unwrap_or_default();
            if c["style"] != 5 && (id.is_empty() || id.chars().count() > 100) {
                return Some(format!("custom_id of {} characters", id.chars().count()));
            }
            if !ids.insert(id.to_string()) {
                return Some(format!("custom_id {id} used twice"));
            }
            match c["type"].as_u64() {
                Some(2) => {
                    if c["label"].as_str().is_some_and(|l| l.chars().count() > 80) {
                        return Some("a button label over 80 characters".into());
                    }
                }
                Some(3) => {
                    let options = c["options"].as_array().cloned().unwrap_or_default();
                    if options.is_empty() || options.len() > 25 {
                        return Some(format!("a select with {} options", options.len()));
                    }
                    let long = |k: &str| {
                        options
                            .iter()
                            .any(|o| o[k].as_str().is_none_or(|t| t.chars().count() > 100))
                    };
                    if long("label") || long("value") {
                        return Some("a select option's label or value over 100".into());
                    }
                    let values: std::collections::HashSet<_> =
                        options.iter().map(|o| o["value"].to_string()).collect();
                    if values.len() != options.len() {
                        return Some("select option values repeat".into());
                    }
                    if c["placeholder"]
                        .as_str()
                        .is_some_and(|p| p.chars().count() > 150)
                    {
                        return Some("a placeholder over 150 characters".into());
                    }
                    let min = c["min_values"].as_u64().unwrap_or(1);
                    let max = c["max_values"].as_u64().unwrap_or(1);
                    if min > max || max as usize > options.len() {
                        return Some(format!(
                            "min_values {min}, max_values {max} for {} options",
                            options.len()
                        ));
                    }
                }
                _ => return Some("an unknown component type".into()),
            }
        }
    }
    None
}
