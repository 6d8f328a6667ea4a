//! How strict the fake is, as Discord is: rate limits per route and global, with their
//! headers on every response; the deadlines of an interaction (3 s to answer it, 15 min
//! for its token); how long a nonce is remembered; and what the bot may not see or do in
//! a channel (50001 Missing Access, 50013 Missing Permissions).
//!
//! [`Strictness::default`] is Discord's: its documented figures (3 s, 15 min, the global
//! 50 requests a second) and, where it publishes none, the commonly observed ones (a route
//! that writes takes 5 requests per 5 s per channel or guild; a nonce is enforced "for a
//! few minutes": 2 here). A test may shorten them (`fake.lock().strict.… = …`) to stay
//! fast, never lengthen them to be kinder.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::*;

/// The fake's limits and deadlines.
#[derive(Debug, Clone)]
pub struct Strictness {
    /// Requests a route bucket takes per [`Strictness::route_window`], for routes that
    /// write (POST, PUT, PATCH, DELETE), per top-level resource (channel, guild, webhook).
    pub route_limit: u32,
    pub route_window: Duration,
    /// Requests the bot makes in all per [`Strictness::global_window`] (interaction
    /// callbacks and webhooks excepted, as on Discord).
    pub global_limit: u32,
    pub global_window: Duration,
    /// An interaction not answered within this is gone (10062 Unknown interaction).
    pub interaction_deadline: Duration,
    /// An interaction's token (its original response, follow-ups) works this long after
    /// the interaction (then 10015 Unknown Webhook).
    pub token_lifetime: Duration,
    /// How long a nonce sent with `enforce_nonce` is remembered: a message sent again
    /// with it meanwhile is answered with the first; later it is a new message.
    pub nonce_memory: Duration,
}

impl Default for Strictness {
    fn default() -> Self {
        Strictness {
            route_limit: 5,
            route_window: Duration::from_secs(5),
            global_limit: 50,
            global_window: Duration::from_secs(1),
            interaction_deadline: Duration::from_secs(3),
            token_lifetime: Duration::from_secs(15 * 60),
            nonce_memory: Duration::from_secs(120),
        }
    }
}

impl Strictness {
    /// Discord's, with route buckets that reset every 200 ms instead of 5 s: serenity
    /// still reads and honours the headers, and a test sending dozens of messages into
    /// one channel does not wait minutes.
    pub fn quick() -> Strictness {
        Strictness {
            route_window: Duration::from_millis(200),
            ..Strictness::default()
        }
    }
}

/// One rate-limit bucket's window.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    started: Instant,
    used: u32,
}

/// The buckets' and the global counts.
#[derive(Debug, Default)]
pub struct Limits {
    buckets: HashMap<String, Window>,
    global: Option<Window>,
    /// Each 429 the fake answered by itself (not staged), as `scope METHOD /path`.
    pub refused: Vec<String>,
}

/// What the limits say of a request: its headers, and a 429 if it must wait.
pub(super) struct Verdict {
    pub headers: Vec<(&'static str, String)>,
    pub refusal: Option<Response<Full<Bytes>>>,
}

/// The route a request counts against: its method and path with ids taken out, and the
/// top-level resource it is on (channel, guild, webhook and token) kept, as Discord
/// counts; `None` for a route with no per-route limit here.
fn bucket_of(method: &Method, path: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let top = match parts.as_slice() {
        ["channels", id, ..] | ["guilds", id, ..] => id.to_string(),
        ["webhooks", id, token, ..] => format!("{id}/{token}"),
        _ => String::new(),
    };
    let template: Vec<&str> = parts
        .iter()
        .map(|p| {
            if p.parse::<u64>().is_ok() || p.starts_with("token-") {
                "{id}"
            } else {
                p
            }
        })
        .collect();
    let writes = *method != Method::GET;
    let interaction = parts.first() == Some(&"interactions");
    (writes && !interaction).then(|| (format!("{method} /{}", template.join("/")), top))
}

fn epoch(at: Instant) -> f64 {
    let now = Instant::now();
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let offset = at.saturating_duration_since(now);
    (wall + offset).as_secs_f64()
}

fn rate_limited(scope: &str, retry_after: f64, global: bool) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(
        json!({"message": "You are being rate limited.", "retry_after": retry_after,
               "global": global})
        .to_string(),
    )));
    *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    let h = r.headers_mut();
    h.insert("content-type", "application/json".parse().unwrap());
    h.insert("retry-after", format!("{retry_after:.3}").parse().unwrap());
    h.insert("x-ratelimit-scope", scope.parse().unwrap());
    if global {
        h.insert("x-ratelimit-global", "true".parse().unwrap());
    }
    r
}

impl State {
    /// Counts a request against the global limit and its route's bucket, as Discord does
    /// before doing anything: over a limit, it is refused with a 429 and not done.
    pub(super) fn limit(&mut self, method: &Method, path: &str) -> Verdict {
        let now = Instant::now();
        let strict = self.strict.clone();
        let exempt = path.starts_with("/interactions/") || path.starts_with("/webhooks/");
        if !exempt {
            let global = self.limits.global.get_or_insert(Window {
                started: now,
                used: 0,
            });
            if now.duration_since(global.started) >= strict.global_window {
                *global = Window {
                    started: now,
                    used: 0,
                };
            }
            if global.used >= strict.global_limit {
                let wait = strict
                    .global_window
                    .saturating_sub(now.duration_since(global.started));
                self.limits.refused.push(format!("global {method} {path}"));
                return Verdict {
                    headers: vec![],
                    refusal: Some(rate_limited("global", wait.as_secs_f64().max(0.001), true)),
                };
            }
            global.used += 1;
        }
        let Some((route, top)) = bucket_of(method, path) else {
            return Verdict {
                headers: vec![],
                refusal: None,
            };
        };
        let hash = blake3::hash(route.as_bytes()).to_hex()[..16].to_string();
        let window = self
            .limits
            .buckets
            .entry(format!("{route} {top}"))
            .or_insert(Window {
                started: now,
                used: 0,
            });
        if now.duration_since(window.started) >= strict.route_window {
            *window = Window {
                started: now,
                used: 0,
            };
        }
        let reset_at = window.started + strict.route_window;
        let reset_after = reset_at.saturating_duration_since(now).as_secs_f64();
        let over = window.used >= strict.route_limit;
        if !over {
            window.used += 1;
        }
        let headers = vec![
            ("x-ratelimit-limit", strict.route_limit.to_string()),
            (
                "x-ratelimit-remaining",
                (strict.route_limit - window.used).to_string(),
            ),
            ("x-ratelimit-reset", format!("{:.3}", epoch(reset_at))),
            ("x-ratelimit-reset-after", format!("{reset_after:.3}")),
            ("x-ratelimit-bucket", hash),
        ];
        let refusal = over.then(|| {
            self.limits.refused.push(format!("user {method} {path}"));
            rate_limited("user", reset_after.max(0.001), false)
        });
        Verdict { headers, refusal }
    }

    /// Whether interaction `id`, created at `at`, may still be answered.
    pub(super) fn answerable(&self, at: Instant) -> bool {
        at.elapsed() <= self.strict.interaction_deadline
    }

    /// Whether an interaction's token, from `at`, still works.
    pub(super) fn token_alive(&self, at: Instant) -> bool {
        at.elapsed() <= self.strict.token_lifetime
    }

    /// The message the bot sent in `channel` with `nonce`, if Discord still remembers it.
    pub(super) fn remembered_nonce(&self, channel: u64, nonce: &Value) -> Option<Value> {
        let key = (channel, nonce.to_string());
        let (at, id) = self.nonces.get(&key)?;
        if at.elapsed() > self.strict.nonce_memory {
            return None;
        }
        self.messages.iter().find(|m| m["id"] == *id).cloned()
    }

    /// What the bot lacks to do `method path` in a channel it cannot see or is not
    /// allowed to use: Discord's refusal, before anything is done.
    pub(super) fn access_refusal(
        &self,
        method: &Method,
        path: &str,
        body: &Value,
    ) -> Option<Response<Full<Bytes>>> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let ["channels", channel, rest @ ..] = parts.as_slice() else {
            return None;
        };
        let channel: u64 = channel.parse().ok()?;
        // A thread is seen through its parent.
        let parent = self
            .channels
            .get(&channel)
            .and_then(|c| c["parent_id"].as_str().and_then(|p| p.parse::<u64>().ok()));
        let hidden = |c: u64| self.hidden.contains(&c);
        if hidden(channel) || parent.is_some_and(hidden) {
            return Some(forbidden("Missing Access", 50001));
        }
        let thread = self
            .channels
            .get(&channel)
            .is_some_and(|c| matches!(c["type"].as_u64(), Some(11 | 12)));
        let lacks = |p: u64| {
            let denied = |c: u64| self.denied.get(&c).is_some_and(|d| d & p != 0);
            denied(channel) || parent.is_some_and(denied)
        };
        let needed: u64 = match (method.as_str(), rest) {
            ("POST", ["messages"]) => {
                let send = if thread {
                    SEND_IN_THREADS
                } else {
                    SEND_MESSAGES
                };
                let files = body.get("files_sent").is_some();
                send | if files { ATTACH_FILES } else { 0 }
            }
            ("POST", ["threads"]) => CREATE_PRIVATE_THREADS,
            ("PATCH", []) if thread => MANAGE_THREADS,
            ("PUT" | "DELETE", ["thread-members", _]) => MANAGE_THREADS,
            ("PUT" | "DELETE", ["permissions", _]) => MANAGE_ROLES,
            ("GET", ["messages"]) => READ_HISTORY,
            _ => 0,
        };
        (needed != 0 && lacks(needed)).then(|| forbidden("Missing Permissions", 50013))
    }
}

/// Permission bits, as Discord numbers them.
pub const SEND_MESSAGES: u64 = 1 << 11;
pub const ATTACH_FILES: u64 = 1 << 15;
pub const READ_HISTORY: u64 = 1 << 16;
pub const MANAGE_ROLES: u64 = 1 << 28;
pub const MANAGE_THREADS: u64 = 1 << 34;
pub const CREATE_PRIVATE_THREADS: u64 = 1 << 36;
pub const SEND_IN_THREADS: u64 = 1 << 38;

impl DiscordFake {
    /// The bot can no longer see `channel` (its View Channel taken away, or the channel
    /// made private without it): every request on it, or a thread in it, is 50001.
    pub fn hide_channel(&self, channel: u64) {
        self.lock().hidden.insert(channel);
    }

    /// The bot loses `permissions` (bits, as [`SEND_MESSAGES`]) in `channel` and its
    /// threads: what needs them is 50013.
    pub fn deny(&self, channel: u64, permissions: u64) {
        *self.lock().denied.entry(channel).or_default() |= permissions;
    }

    /// A server admin deletes a channel (or thread): requests on it are 10003 from now.
    pub fn delete_channel(&self, channel: u64) {
        let mut state = self.lock();
        state.channels.remove(&channel);
        state.messages.retain(|m| !is_id(&m["channel_id"], channel));
    }

    /// The 429s the fake answered by itself (a limit the bot did not honour, or the
    /// global one), as `scope METHOD /path`.
    pub fn rate_limited(&self) -> Vec<String> {
        self.lock().limits.refused.clone()
    }
}
