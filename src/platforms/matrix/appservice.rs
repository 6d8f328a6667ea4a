//! Appservice mode (`[matrix.appservice]`): Tandem registered on the homeserver as an
//! application service, for communities that make hundreds of pair rooms at once.
//!
//! What changes, and why it is a hybrid:
//! - **Rooms are made with the appservice's token** (`as_token`). The homeserver takes
//!   those requests as the appservice's own, and a registration with `rate_limited: false`
//!   (as `tandem appservice-registration` writes it) is exempt from the client rate
//!   limits, which on a stock Synapse allow about one new room a minute. The pacer stays
//!   in place: a homeserver that limits anyway is followed as in client mode.
//! - **The bot keeps a device of its own and keeps syncing.** End-to-end encryption needs a
//!   device, its to-device messages and the device lists, which an appservice only gets
//!   through extensions (MSC2409, MSC3202) that matrix-sdk 0.18 does not read. The device
//!   comes from an appservice login (`m.login.application_service`, so the bot's account
//!   needs no password) and is saved like any session; its requests are an ordinary
//!   client's (messages are still paced by the homeserver, which the SDK follows).
//! - **Transactions are taken as they are pushed.** The homeserver pushes each room event
//!   to Tandem's listener (`listen`), authenticated by `hs_token`. Each transaction is
//!   taken once, by its id (`appservice_transactions`): a transaction sent again is
//!   answered at once. Unencrypted messages and reactions in it, in the staff and events
//!   rooms, are handed to the same handlers as the sync's, at once; everything else is left
//!   to the sync: encrypted events, which it decrypts, and any other room's, since whether
//!   a room is a DM is judged from its members, which only the sync keeps up to date. An
//!   event that comes both ways is handled once ([`MatrixBot::first_sight`]).
//! - **At start** the homeserver is asked to ping Tandem (`/appservice/{id}/ping`), which
//!   proves the registration is installed and that the homeserver reaches the listener;
//!   unknown tokens (either of them) stop the start with what to do.
//!
//! To take a new kind of pushed event: an arm in [`MatrixBot::take_pushed`] that hands it
//! to its handler in `events` (the one the sync uses).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::Weak;
use std::sync::atomic::AtomicU64;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use matrix_sdk::config::RequestConfig;
use matrix_sdk::ruma::api::client::account::register;
use matrix_sdk::ruma::api::client::appservice::request_ping;
use matrix_sdk::ruma::api::client::session::login;
use matrix_sdk::ruma::api::client::uiaa::UserIdentifier;
use matrix_sdk::ruma::api::error::ErrorKind;

use super::*;
use crate::config::{AppserviceSettings, AppserviceTokens};

/// The largest transaction taken (Synapse sends at most 100 room events, and as many
/// ephemeral ones, in a transaction).
const MAX_TRANSACTION_BYTES: usize = 16 * 1024 * 1024;

/// How many event ids [`MatrixBot::first_sight`] remembers: both ways deliver an event
/// within seconds of each other.
const REMEMBERED_SIGHTINGS: usize = 10_000;

/// The appservice side of a connected bot.
pub(super) struct Appservice {
    pub(super) settings: AppserviceSettings,
    /// Speaks with the `as_token`: the homeserver takes its requests as the appservice's
    /// own, with no rate limits. Used to make rooms.
    pub(super) client: Client,
    /// Where the listener listens (the port chosen when `:0` was asked for).
    pub(super) address: SocketAddr,
    pub(super) pushed: Arc<Pushed>,
    listener: tokio::task::JoinHandle<()>,
    as_token: String,
}

impl Drop for Appservice {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

/// What the listener needs: the token the homeserver must show, and the bot to hand
/// events to, once it is connected.
pub(super) struct Pushed {
    /// The registration's id, which the homeserver's transaction ids are numbered under.
    id: String,
    hs_token: String,
    /// Whether a request came with another token than `hs_token` (the registration holds
    /// another: the ping at start then says so).
    wrong_token: std::sync::atomic::AtomicBool,
    pub(super) bot: std::sync::OnceLock<Weak<MatrixBot>>,
    /// Transactions taken.
    pub(super) transactions: AtomicU64,
}

impl Appservice {
    /// Starts the listener and prepares the appservice's client, for the bot `own`.
    pub(super) async fn start(
        settings: &AppserviceSettings,
        tokens: &AppserviceTokens,
        homeserver_url: &str,
        own: &UserId,
    ) -> anyhow::Result<Appservice> {
        let listener = tokio::net::TcpListener::bind(&settings.listen)
            .await
            .with_context(|| {
                format!(
                    "[matrix.appservice] listen = {:?}: cannot listen there",
                    settings.listen
                )
            })?;
        let address = listener.local_addr()?;
        let pushed = Arc::new(Pushed {
            id: settings.id.clone(),
            hs_token: tokens.hs_token.clone(),
            wrong_token: std::sync::atomic::AtomicBool::new(false),
            bot: std::sync::OnceLock::new(),
            transactions: AtomicU64::new(0),
        });
        let listener = crate::web::serve(listener, pushed.clone());
        let client = Client::builder()
            .homeserver_url(homeserver_url)
            .build()
            .await
            .context("setting up the appservice's Matrix client")?;
        client
            .restore_session(MatrixSession {
                meta: matrix_sdk::SessionMeta {
                    user_id: own.to_owned(),
                    // Never used for a device of its own: only the token counts.
                    device_id: "TANDEM_APPSERVICE".into(),
                },
                tokens: matrix_sdk::authentication::SessionTokens {
                    access_token: tokens.as_token.clone(),
                    refresh_token: None,
                },
            })
            .await?;
        info!(%address, id = %settings.id, "listening for the homeserver's appservice transactions");
        Ok(Appservice {
            settings: settings.clone(),
            client,
            address,
            pushed,
            listener,
            as_token: tokens.as_token.clone(),
        })
    }

    /// Creates a room as the bot `own` (the `user_id` an appservice may act as) with the
    /// appservice's token, once (the SDK's client cannot add that parameter).
    pub(super) async fn create_room(
        &self,
        request: create_room::v3::Request,
        own: &UserId,
    ) -> Result<create_room::v3::Response, matrix_sdk::HttpError> {
        use matrix_sdk::HttpError;
        use matrix_sdk::ruma::api::{
            AppserviceUserIdentity, IncomingResponse, OutgoingRequestAppserviceExt,
            auth_scheme::SendAccessToken,
        };
        let versions = self.client.supported_versions().await?;
        let homeserver = self.client.homeserver();
        let request = request
            .try_into_http_request_with_identity::<Vec<u8>>(
                homeserver.as_str(),
                SendAccessToken::Always(&self.as_token),
                AppserviceUserIdentity::new(own),
                std::borrow::Cow::Borrowed(&versions),
            )
            .map_err(HttpError::IntoHttp)?;
        let request = matrix_sdk::reqwest::Request::try_from(request)?;
        let response = self.client.http_client().execute(request).await?;
        let mut answer = hyper::Response::builder().status(response.status());
        for (name, value) in response.headers() {
            answer = answer.header(name, value);
        }
        let body = response.bytes().await?;
        let answer = answer.body(body).expect("a response built from a response");
        Ok(create_room::v3::Response::try_from_http_response(answer)?)
    }

    /// Logs `client` in as a new device of the bot with the appservice's token (no
    /// password needed: the bot's id is in the appservice's namespace).
    pub(super) async fn login(
        &self,
        client: &Client,
        own: &UserId,
        deadline: Option<tokio::time::Instant>,
    ) -> anyhow::Result<()> {
        // The account must exist to hold a device (Synapse does not make one for the
        // appservice's own user by itself): registered through the appservice, once.
        let registered = retry("registering the bot through the appservice", deadline, || {
            let mut request = register::v3::Request::new();
            request.username = Some(own.localpart().to_string());
            request.login_type = Some(register::LoginType::ApplicationService);
            request.inhibit_login = true;
            let asks = self.client.clone();
            async move {
                match asks
                    .send(request)
                    .with_request_config(RequestConfig::new().force_auth().retry_limit(1))
                    .await
                {
                    Ok(_) => Ok(true),
                    Err(e) if matches!(e.client_api_error_kind(), Some(ErrorKind::UserInUse)) => {
                        Ok(false)
                    }
                    Err(e) => Err(e.into()),
                }
            }
        })
        .await
        .context("is the registration from `tandem appservice-registration` installed on the homeserver, with the same tokens?")?;
        if registered {
            info!(user = %own, "registered the bot's account through the appservice");
        }
        let response = retry("logging in to Matrix as the appservice", deadline, || {
            let mut request = login::v3::Request::new(login::v3::LoginInfo::ApplicationService(
                login::v3::ApplicationService::new(UserIdentifier::from(own.to_owned())),
            ));
            request.initial_device_display_name = Some("Tandem bot".into());
            let asks = self.client.clone();
            async move {
                asks.send(request)
                    .with_request_config(RequestConfig::new().force_auth().retry_limit(1))
                    .await
                    .map_err(Into::into)
            }
        })
        .await?;
        client
            .restore_session(MatrixSession {
                meta: matrix_sdk::SessionMeta {
                    user_id: response.user_id,
                    device_id: response.device_id,
                },
                tokens: matrix_sdk::authentication::SessionTokens {
                    access_token: response.access_token,
                    refresh_token: None,
                },
            })
            .await?;
        Ok(())
    }

    /// Asks the homeserver to ping the listener: an unknown token stops the start (the
    /// registration is not installed, or holds other tokens); a homeserver that cannot
    /// reach Tandem is logged loudly (the bot works through its sync meanwhile, and the
    /// homeserver keeps the transactions until it can); one that has no ping is let be.
    pub(super) async fn ping(&self, deadline: Option<tokio::time::Instant>) -> anyhow::Result<()> {
        let id = self.settings.id.clone();
        let answer = retry(
            "asking the homeserver to ping the appservice",
            deadline,
            || {
                let asks = self.client.clone();
                let request = request_ping::v1::Request::new(id.clone());
                async move {
                    // An appservice's token is sent only when asked to be; one try each time
                    // (the SDK would retry a 5xx answer, the ping's to a failed push, forever).
                    match asks
                        .send(request)
                        .with_request_config(RequestConfig::new().force_auth().retry_limit(1))
                        .await
                    {
                        Ok(response) => Ok(Ok(response.duration)),
                        // Refusals are answers here, not failures to retry.
                        Err(e) => match e.as_client_api_error().map(|c| c.status_code) {
                            Some(status) if status != 429 && !status.is_server_error() => {
                                Ok(Err((status, e.to_string())))
                            }
                            Some(status) if status == 502 || status == 504 => {
                                Ok(Err((status, e.to_string())))
                            }
                            _ => Err(e.into()),
                        },
                    }
                }
            },
        )
        .await?;
        match answer {
            Ok(took) => {
                info!(id = %id, ms = took.as_millis() as u64, "the homeserver reaches the appservice");
                Ok(())
            }
            Err((status, e)) if status == 401 || status == 403 => bail!(
                "the homeserver does not know the appservice `{id}` with this TANDEM_MATRIX_AS_TOKEN ({e}): install the registration from `tandem appservice-registration` on the homeserver (Synapse: app_service_config_files, then restart it), with the tokens Tandem is given"
            ),
            Err((_, e)) if self.pushed.wrong_token.load(Ordering::SeqCst) => bail!(
                "the homeserver pinged Tandem with another token than TANDEM_MATRIX_HS_TOKEN ({e}): the registration installed on the homeserver holds other tokens; give Tandem the ones in it (or install the registration made with Tandem's)"
            ),
            Err((status, e)) if status == 404 || status == 400 => {
                info!("the homeserver cannot ping appservices ({e}); going on");
                Ok(())
            }
            Err((_, e)) => {
                warn!(
                    url = %self.settings.url(),
                    "the homeserver cannot reach Tandem's appservice listener ({e}): it keeps the transactions until it can, and the bot works through its sync meanwhile. Check [matrix.appservice] url and listen, and that the registration holds this TANDEM_MATRIX_HS_TOKEN"
                );
                Ok(())
            }
        }
    }
}

impl crate::web::Answer for Pushed {
    async fn answer(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        match self.authorised(&request) {
            Authorised::Yes => {}
            Authorised::NoToken => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "M_UNAUTHORIZED",
                    "no hs_token given",
                );
            }
            Authorised::WrongToken => {
                return error(StatusCode::FORBIDDEN, "M_FORBIDDEN", "wrong hs_token");
            }
        }
        let path = request.uri().path().to_string();
        let under = path
            .strip_prefix("/_matrix/app/v1/")
            // Homeservers before the spec's v1 prefix.
            .or_else(|| path.strip_prefix('/'))
            .unwrap_or_default();
        let method = request.method().clone();
        match (method, under.split('/').collect::<Vec<_>>().as_slice()) {
            (hyper::Method::PUT, ["transactions", txn]) if !txn.is_empty() => {
                let txn = txn.to_string();
                self.transaction(&txn, request.into_body()).await
            }
            (hyper::Method::POST, ["ping"]) => ok(),
            // Tandem makes no users or rooms on demand.
            (hyper::Method::GET, ["users" | "rooms", _]) => {
                error(StatusCode::NOT_FOUND, "M_NOT_FOUND", "not Tandem's")
            }
            _ => error(
                StatusCode::NOT_FOUND,
                "M_UNRECOGNIZED",
                "not an appservice request Tandem knows",
            ),
        }
    }
}

enum Authorised {
    Yes,
    NoToken,
    WrongToken,
}

impl Pushed {
    /// The `Authorization: Bearer` header, or the `access_token` parameter older
    /// homeservers use, compared without a timing leak.
    fn authorised(&self, request: &Request<Incoming>) -> Authorised {
        let header = request
            .headers()
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string);
        let parameter = || {
            request.uri().query().and_then(|q| {
                q.split('&')
                    .find_map(|pair| pair.strip_prefix("access_token="))
                    .map(str::to_string)
            })
        };
        match header.or_else(parameter) {
            None => Authorised::NoToken,
            Some(token) if same_secret(&token, &self.hs_token) => Authorised::Yes,
            Some(_) => {
                self.wrong_token.store(true, Ordering::SeqCst);
                Authorised::WrongToken
            }
        }
    }

    /// Takes the transaction `txn` once: its unencrypted messages and reactions go to the
    /// handlers; then it is recorded. Until the bot serves, transactions are acknowledged
    /// without being taken: the sync reads the same events.
    async fn transaction(&self, txn: &str, body: Incoming) -> Response<Full<Bytes>> {
        let body = match Limited::new(body, MAX_TRANSACTION_BYTES).collect().await {
            Ok(body) => body.to_bytes(),
            Err(e) => {
                return error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "M_TOO_LARGE",
                    &format!("the transaction could not be read: {e}"),
                );
            }
        };
        let parsed: serde_json::Value = match serde_json::from_slice(&body) {
            Ok(parsed) => parsed,
            Err(e) => return error(StatusCode::BAD_REQUEST, "M_NOT_JSON", &e.to_string()),
        };
        let Some(events) = parsed.get("events").and_then(|e| e.as_array()) else {
            return error(
                StatusCode::BAD_REQUEST,
                "M_BAD_JSON",
                "a transaction needs `events`",
            );
        };
        let Some(bot) = self.bot.get().and_then(Weak::upgrade) else {
            return ok();
        };
        let Some(app) = bot.app.get().cloned() else {
            return ok();
        };
        match app.transaction_taken(&self.id, txn).await {
            Ok(true) => return ok(),
            Ok(false) => {}
            Err(e) => {
                warn!(%txn, "checking an appservice transaction failed: {e:#}");
                return error(StatusCode::INTERNAL_SERVER_ERROR, "M_UNKNOWN", "try again");
            }
        }
        let handler = Handler {
            bot: bot.clone(),
            app: app.clone(),
        };
        let mut taken = 0u64;
        for event in events {
            if bot.take_pushed(event, &handler).await {
                taken += 1;
            }
        }
        // Recorded once its events are queued (not yet handled): a crash before this
        // brings the transaction again; a crash after it loses a queued event only as the
        // sync's own batches can be lost, and the catch-up at the next start reads it back
        // (the app's record of handled events, not `first_sight`, which a restart forgets).
        if let Err(e) = app.record_transaction(&self.id, txn).await {
            warn!(%txn, "recording an appservice transaction failed: {e:#}");
            return error(StatusCode::INTERNAL_SERVER_ERROR, "M_UNKNOWN", "try again");
        }
        self.transactions.fetch_add(1, Ordering::SeqCst);
        metrics::counter!("tandem_appservice_transactions_total").increment(1);
        debug!(%txn, events = events.len(), taken, "took an appservice transaction");
        bot.activity.changed.notify_waiters();
        ok()
    }
}

impl MatrixBot {
    /// Hands one pushed event to the sync's handler for its kind, if it is one the bot can
    /// take without the sync: an unencrypted message or reaction in a staff or events room
    /// the bot is in.
    async fn take_pushed(self: &Arc<Self>, event: &serde_json::Value, handler: &Handler) -> bool {
        let Some(room) = event
            .get("room_id")
            .and_then(|r| r.as_str())
            .and_then(|r| RoomId::parse(r).ok())
            .filter(|r| self.is_configured_room(r))
            .and_then(|r| self.client.get_room(&r))
            .filter(|r| r.state() == RoomState::Joined)
        else {
            return false;
        };
        match event.get("type").and_then(|t| t.as_str()) {
            Some("m.room.message") => {
                let Ok(message) =
                    serde_json::from_value::<OriginalSyncRoomMessageEvent>(event.clone())
                else {
                    return false;
                };
                on_message(message, room, Ctx(handler.clone())).await;
                true
            }
            Some("m.reaction") => {
                let Ok(reaction) =
                    serde_json::from_value::<OriginalSyncReactionEvent>(event.clone())
                else {
                    return false;
                };
                on_reaction(reaction, room, Ctx(handler.clone())).await;
                true
            }
            _ => false,
        }
    }

    /// Whether this is the first time the bot sees `event` (in appservice mode an event
    /// may come both pushed and synced; outside it, always true). Bounded.
    pub(super) fn first_sight(&self, event: &EventId) -> bool {
        if self.appservice.is_none() {
            return true;
        }
        let mut seen = lock(&self.sighted);
        if seen.0.contains(event) {
            return false;
        }
        seen.0.insert(event.to_owned());
        seen.1.push_back(event.to_owned());
        if seen.1.len() > REMEMBERED_SIGHTINGS
            && let Some(oldest) = seen.1.pop_front()
        {
            seen.0.remove(&oldest);
        }
        true
    }

    /// In appservice mode: the transactions taken so far.
    pub fn appservice_transactions(&self) -> Option<u64> {
        self.appservice
            .as_ref()
            .map(|a| a.pushed.transactions.load(Ordering::SeqCst))
    }

    /// In appservice mode: where the listener listens.
    pub fn appservice_address(&self) -> Option<SocketAddr> {
        self.appservice.as_ref().map(|a| a.address)
    }
}

/// Event ids seen, and the order they came in (for forgetting the oldest).
#[derive(Default)]
pub(super) struct Sighted(HashSet<OwnedEventId>, VecDeque<OwnedEventId>);

/// Whether two secrets are equal, taking as long whatever their first difference.
fn same_secret(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

fn ok() -> Response<Full<Bytes>> {
    crate::web::reply(StatusCode::OK, "application/json", "{}".into())
}

fn error(status: StatusCode, code: &str, message: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "errcode": code, "error": message });
    crate::web::reply(status, "application/json", body.to_string())
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn a_secret_matches_only_itself() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abd", "abc"));
        assert!(!same_secret("ab", "abc"));
        assert!(!same_secret("", "abc"));
    }
}
