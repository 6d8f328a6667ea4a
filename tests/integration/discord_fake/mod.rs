//! A small fake of Discord for the adapter's tests: the REST API over HTTPS and the gateway
//! over a WebSocket, speaking the JSON shapes of Discord's published API documentation
//! (API v10) for the parts Tandem uses. There is no local Discord, so this is how serenity,
//! unmodified, is exercised end to end — its rate limiter included.
//!
//! - REST (`rest`): serenity is given a reqwest client that resolves `discord.com` to this
//!   server and trusts its self-signed certificate, so every request takes serenity's
//!   production path. Routes: gateway URL, guild commands, DM channel open, message create,
//!   edit and delete (the bot's own only), interaction callbacks and the original response,
//!   private threads and their members, channels with permission overwrites, users and
//!   guild members (nicknames), scheduled events, the CDN. Unknown routes answer 404.
//! - Gateway (`gateway`): hello, identify → READY, heartbeat → ack, resume → replay of
//!   missed events and RESUMED; the test dispatches what people do (`people`) and can drop
//!   the connection, send RECONNECT (op 7) to force a resume, or INVALID_SESSION (op 9):
//!   resumable (`d: true`, the bot resumes) or not (a new session, and what was dispatched
//!   meanwhile is never replayed).
//!
//! What it enforces, as Discord does (`limits`, `checks`; the figures in
//! [`Strictness`], Discord's by default, which a test may only shorten):
//!
//! - rate limits: every response of a route that writes carries `X-RateLimit-Limit`,
//!   `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`, counted per route and top-level
//!   resource (5 per 5 s); a request over its bucket, or over the global 50 a second
//!   (interactions excepted), is answered 429 (`X-RateLimit-Scope`, `Retry-After`, and for
//!   the global one `X-RateLimit-Global` and `"global": true`) and not done;
//!   [`DiscordFake::rate_limited`] lists those 429s;
//! - interactions: answered within 3 s or gone (10062 Unknown interaction, also for a
//!   second answer: 40060); the token (original response) works 15 minutes, then 10015;
//!   an autocomplete interaction (type 4, [`DiscordFake::autocomplete`]) takes only an
//!   autocomplete result (callback type 8), which nothing else takes, with at most 25
//!   choices, each named in 1 to 100 characters with a value of the option's type
//!   (50035 otherwise);
//! - nonces: with `enforce_nonce`, a message sent again with the same nonce in the same
//!   channel is answered with the first one, only while Discord remembers it (2 minutes);
//!   later it is a new message; longer than 25 characters is 50035; reading messages back
//!   gives no nonce;
//! - the Message Content intent: identifying with it unless allowed closes with 4014;
//!   without it, guild messages (gateway events, edits, and history read back) come
//!   without text or files, except the bot's own and those mentioning it; DMs keep theirs;
//! - access: a channel the bot cannot see ([`DiscordFake::hide_channel`]) is 50001 Missing
//!   Access, it and its threads; a permission taken away ([`DiscordFake::deny`]) is 50013
//!   Missing Permissions for what needs it (sending, files, threads, members, overwrites,
//!   history); someone else's message cannot be edited (50005) or deleted (50013); a
//!   deleted channel ([`DiscordFake::delete_channel`]) is 10003 Unknown Channel; a person
//!   not in the server is 10007 Unknown Member (reading them, adding them to a thread);
//!   closed DMs are 50007;
//! - bodies (`checks`): slash commands (their options of every type, fixed choices and
//!   channel types included) and message components that break Discord's rules are
//!   50035 Invalid Form Body.
//!
//! Faults on demand: [`DiscordFake::fail_next`] answers the next matching request with a
//! given status and body (a 429 with `retry-after`, a 50007, a 500), and
//! [`DiscordFake::hold`] keeps matching requests unanswered until released.
//!
//! The test reads the fake's state (messages per channel, interaction responses, thread
//! members) to see what a Discord user would have seen. To teach it a new route, add its
//! arm in `rest::route` (and what it needs in `limits::access_refusal`).

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

mod checks;
mod gateway;
pub mod limits;
mod people;
mod rest;

use checks::{autocomplete_problem, commands_problem, components_problem};
pub use limits::{Limits, Strictness};
use rest::forbidden;

pub const TOKEN: &str = "fake-bot-token";
pub const APPLICATION_ID: u64 = 900_000_000_000_000_001;
pub const BOT_ID: u64 = 900_000_000_000_000_002;
pub const GUILD_ID: u64 = 900_000_000_000_000_003;
const TIMESTAMP: &str = "2026-11-23T12:00:00.000000+00:00";
/// The privileged Message Content gateway intent (1 << 15).
const MESSAGE_CONTENT: u64 = 1 << 15;
/// The Guild Scheduled Events gateway intent (1 << 16): "Interested" taps come only with it.
const GUILD_SCHEDULED_EVENTS: u64 = 1 << 16;

/// A request the fake will answer with a failure instead of doing it.
struct Failure {
    method: Method,
    path_prefix: String,
    status: StatusCode,
    body: Value,
    retry_after: Option<f64>,
    /// Matching requests to let through first.
    skip: usize,
    /// Done first, then answered with the failure (an answer lost on the way).
    after: bool,
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
    // Strictness (see `limits`).
    /// The limits and deadlines in force: Discord's unless a test shortens them.
    pub strict: Strictness,
    /// What the rate limits have counted, and the 429s they answered.
    pub limits: Limits,
    /// The nonces of the bot's messages, per channel: when sent, and the message.
    nonces: HashMap<(u64, String), (Instant, Value)>,
    /// When each interaction was created (its deadlines count from then).
    interaction_times: HashMap<u64, Instant>,
    /// The autocomplete interactions, with the type of the option being typed.
    autocompleting: HashMap<u64, u64>,
    /// Channels the bot cannot see (50001).
    pub hidden: HashSet<u64>,
    /// Permissions the bot lacks, per channel (50013).
    pub denied: HashMap<u64, u64>,
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

    /// The final reply to slash command `id` (its original response once edited past the
    /// "thinking" placeholder), waiting up to `timeout`.
    pub async fn final_reply(&self, id: u64, timeout: Duration) -> Value {
        self.wait_for("the slash command's final reply", timeout, |s| {
            s.originals
                .get(&id)
                .cloned()
                .flatten()
                .filter(|o| o["content"] != "Tandem is thinking…")
        })
        .await
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
        self.fail(method, path_prefix, (0, false), status, body);
    }

    /// [`DiscordFake::fail_next`] for the matching request after the next `skip` ones,
    /// and (`after`) done before it fails, as when Discord takes a message and its answer
    /// is lost (a 500, a timeout).
    pub fn fail(
        &self,
        method: Method,
        path_prefix: &str,
        (skip, after): (usize, bool),
        status: u16,
        body: Value,
    ) {
        let retry_after = (status == 429).then(|| body["retry_after"].as_f64().unwrap_or(0.2));
        self.lock().failures.push_back(Failure {
            method,
            path_prefix: path_prefix.to_string(),
            status: StatusCode::from_u16(status).unwrap(),
            body,
            retry_after,
            skip,
            after,
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

/// Whether a message mentions the bot (Discord then gives the bot its content even
/// without the Message Content intent).
pub fn mentions_bot(message: &Value) -> bool {
    message["content"]
        .as_str()
        .is_some_and(|t| t.contains(&format!("<@{BOT_ID}>")))
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
