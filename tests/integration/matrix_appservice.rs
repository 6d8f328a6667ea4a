//! Appservice mode (`[matrix.appservice]`) against a Synapse of its own, started with the
//! registration `tandem appservice-registration` wrote and with Synapse's stock limit for
//! creating rooms (about one a minute after a burst of ten): the bot logs in through the
//! appservice (its account has no password), the homeserver pings it and pushes
//! transactions, each taken once, and pair rooms are made past the limit that stops an
//! ordinary account.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::config::RequestConfig;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoomRequest;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::{OwnedRoomId, UserId};

use tandem::app::ManualClock;
use tandem::chat::OutMessage;
use tandem::config::{AppserviceSettings, AppserviceTokens};
use tandem::platforms::matrix::{MatrixBot, MatrixOptions, MatrixSecrets};
use tandem::ports::{DirectMessenger, IdempotencyKey, PrivateRoomSpec, RoomProvisioner};
use tandem::storage::Store;

use crate::matrix::{
    BotSetup, Person, active_members, bot_settings, programmes_with_coordinators, sorted,
    staff_room, synapse_url, test_store_key, unique, wait_for, wait_until_joined,
};
use crate::support::{repo_root, start_time};

/// A Synapse started for one test with `registration` installed, stopped when dropped.
struct OwnSynapse {
    dir: tempfile::TempDir,
    url: String,
}

impl OwnSynapse {
    async fn start(registration: &Path) -> OwnSynapse {
        let dir = tempfile::tempdir().unwrap();
        let (path, registration) = (dir.path().to_path_buf(), registration.to_path_buf());
        let out = tokio::task::spawn_blocking(move || {
            Command::new(repo_root().join("scripts/synapse"))
                .arg("start")
                .arg(&path)
                .env("TANDEM_SYNAPSE_APPSERVICES", &registration)
                .env("TANDEM_SYNAPSE_STOCK_LIMITS", "rc_room_creation")
                .output()
                .expect("scripts/synapse runs")
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "Synapse with the registration starts: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let url = String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("TANDEM_TEST_SYNAPSE_URL="))
            .expect("the script prints the URL")
            .to_string();
        OwnSynapse { dir, url }
    }
}

impl Drop for OwnSynapse {
    fn drop(&mut self) {
        let _ = Command::new(repo_root().join("scripts/synapse"))
            .arg("stop")
            .arg(self.dir.path())
            .output();
        if std::thread::panicking() {
            let kept = std::mem::replace(&mut self.dir, tempfile::tempdir().unwrap()).keep();
            eprintln!("the Synapse's logs are kept in {}", kept.display());
        }
    }
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Writes `config` with the bot `bot` in appservice mode listening on `port`, and runs
/// `tandem appservice-registration` on it; the tokens it made, read from its `.env` file.
fn registration_by_the_cli(
    dir: &Path,
    bot: &str,
    id: &str,
    port: u16,
) -> (PathBuf, AppserviceTokens) {
    let config = dir.join("tandem.toml");
    std::fs::write(
        &config,
        format!(
            "[matrix]\nhomeserver_url = \"http://127.0.0.1:1\"\nuser_id = \"{bot}\"\n\n\
             [matrix.appservice]\nid = \"{id}\"\nlisten = \"127.0.0.1:{port}\"\n"
        ),
    )
    .unwrap();
    let registration = dir.join("registration.yaml");
    let write = || {
        Command::new(env!("CARGO_BIN_EXE_tandem"))
            .arg("--config")
            .arg(&config)
            .arg("appservice-registration")
            .arg("--output")
            .arg(&registration)
            .env_remove("TANDEM_MATRIX_AS_TOKEN")
            .env_remove("TANDEM_MATRIX_HS_TOKEN")
            .output()
            .unwrap()
    };
    let out = write();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let env = std::fs::read_to_string(dir.join("registration.env")).unwrap();
    let token = |name: &str| {
        env.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_string()
    };
    let tokens = AppserviceTokens {
        as_token: token("TANDEM_MATRIX_AS_TOKEN"),
        hs_token: token("TANDEM_MATRIX_HS_TOKEN"),
    };
    let text = std::fs::read_to_string(&registration).unwrap();
    assert!(text.contains(&tokens.as_token) && text.contains("rate_limited: false"));
    // Made again, it refuses to replace tokens in use.
    assert!(!write().status.success());
    (registration, tokens)
}

fn options(
    url: &str,
    bot: &UserId,
    coordinators: &OwnedRoomId,
    appservice: AppserviceSettings,
    tokens: AppserviceTokens,
    store: &Path,
) -> MatrixOptions {
    let mut settings = bot_settings(url, bot.as_str(), coordinators);
    settings.appservice = Some(appservice);
    MatrixOptions {
        settings,
        secrets: MatrixSecrets {
            appservice: Some(tokens),
            ..MatrixSecrets::default()
        },
        default_store_dir: store.join("matrix"),
        sync_timeout: Duration::from_secs(1),
        connect_deadline: Some(Duration::from_secs(60)),
    }
}

/// PUTs a transaction to the bot's listener as a homeserver would; the status.
async fn push(port: u16, txn: &str, token: Option<&str>, events: serde_json::Value) -> u16 {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut request = client
        .put(format!(
            "http://127.0.0.1:{port}/_matrix/app/v1/transactions/{txn}"
        ))
        .header("content-type", "application/json")
        .body(serde_json::json!({ "events": events }).to_string());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().status().as_u16()
}

/// How many messages from `bot` `who` has received in `room`.
fn from_bot_in(who: &Person, bot: &UserId, room: &OwnedRoomId) -> usize {
    who.received()
        .iter()
        .filter(|r| &r.room == room && r.sender == bot)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_appservice_mode_pair_rooms_pass_the_room_limit_and_pushed_transactions_are_taken_once()
{
    if synapse_url().is_none() {
        return;
    }
    crate::support::init_logging();
    let work = tempfile::tempdir().unwrap();
    let bot_name = unique("tandem-as");
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let id = unique("tandem");
    let port = free_port();
    let (registration, tokens) = registration_by_the_cli(work.path(), bot_id.as_str(), &id, port);
    let synapse = OwnSynapse::start(&registration).await;
    let url = synapse.url.clone();
    let appservice = AppserviceSettings {
        id: id.clone(),
        listen: format!("127.0.0.1:{port}"),
        url: None,
    };

    let carol = Person::new(&url, "carol").await;
    let amina = Person::new(&url, "amina").await;
    let grace = Person::new(&url, "grace").await;
    let coordinators = staff_room(&carol, &bot_id, "Coordinators").await;

    // Tokens the homeserver does not know stop the start, saying what to install.
    let wrong = AppserviceTokens::generate().unwrap();
    let refused_store = tempfile::tempdir().unwrap();
    let refused = MatrixBot::connect(options(
        &url,
        &bot_id,
        &coordinators,
        AppserviceSettings {
            listen: "127.0.0.1:0".into(),
            ..appservice.clone()
        },
        wrong,
        refused_store.path(),
    ))
    .await
    .err()
    .expect("unknown tokens are refused");
    assert!(
        format!("{refused:#}").contains("appservice-registration"),
        "{refused:#}"
    );

    // The tokens Tandem is given must be the registration's: another hs_token is found
    // out by the homeserver's ping at start.
    let half_wrong_store = tempfile::tempdir().unwrap();
    let half_wrong = MatrixBot::connect(options(
        &url,
        &bot_id,
        &coordinators,
        appservice.clone(),
        AppserviceTokens {
            as_token: tokens.as_token.clone(),
            hs_token: "not-the-registrations".into(),
        },
        half_wrong_store.path(),
    ))
    .await
    .err()
    .expect("a wrong hs_token is found out");
    assert!(
        format!("{half_wrong:#}").contains("TANDEM_MATRIX_HS_TOKEN"),
        "{half_wrong:#}"
    );
    // Its listener is let go before the bot below takes the port.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The bot's account has no password: it logs in through the appservice, and the
    // homeserver's ping reaches its listener (connect would stop otherwise).
    let store_dir = tempfile::tempdir().unwrap();
    let db_dir = tempfile::tempdir().unwrap();
    let db_url = tandem::config::sqlite_url(&db_dir.path().join("t.db"));
    let store = Store::open(&db_url)
        .await
        .unwrap()
        .with_case_key(test_store_key());
    let setup = BotSetup {
        options: options(
            &url,
            &bot_id,
            &coordinators,
            appservice.clone(),
            tokens.clone(),
            store_dir.path(),
        ),
        store: store.clone(),
        programmes: programmes_with_coordinators(&[&carol]),
        clock: Arc::new(ManualClock::new(start_time())),
    };
    let running = setup.start().await;
    let bot = running.bot.clone();
    assert_eq!(bot.appservice_address().map(|a| a.port()), Some(port));
    // A new device's first sync comes before it serves: what is pushed meanwhile is
    // acknowledged, not taken (as the sync does not answer it either).
    wait_for("the bot serving", || {
        let serving = bot.serving();
        async move { serving }
    })
    .await;

    // Twelve pair rooms one after the other: past the stock burst of ten, none refused.
    let mut last = None;
    for n in 0..12 {
        let spec = PrivateRoomSpec {
            name: format!("Amina & Grace {n}"),
            topic: "Pathways pair room".into(),
            members: vec![amina.user(), grace.user()],
            home: None,
        };
        let room = bot
            .create_private_room(&spec, &IdempotencyKey(format!("as-room-{n}")))
            .await
            .unwrap_or_else(|e| panic!("pair room {n} is made at once: {e}"));
        last = Some(OwnedRoomId::try_from(room.id).unwrap());
    }
    assert_eq!(bot.room_refusals(), 0, "no 429 in appservice mode");
    // Made as the bot: the pair and the bot are its members, nobody else.
    let last = last.unwrap();
    wait_for("Amina's invitation to the last pair room", || {
        let invited = amina.client.get_room(&last).is_some();
        async move { invited }
    })
    .await;
    let in_room = amina.client.get_room(&last).unwrap();
    wait_until_joined(&in_room, &amina.id, "the pair room").await;
    assert_eq!(
        active_members(&in_room).await,
        sorted(&[&bot_id, &amina.id, &grace.id])
    );
    // A DM the bot opens itself is made the same way: Carol, who never wrote to it, gets
    // it.
    let dm = bot
        .send_dm(
            &carol.user(),
            &OutMessage::text("Welcome to the coordinators' team."),
            &IdempotencyKey("as-dm".into()),
        )
        .await
        .expect("the DM is opened at once");
    wait_for("Carol's DM from the bot", || {
        let got = carol
            .received()
            .iter()
            .any(|r| r.sender == bot_id && r.body.contains("Welcome to the coordinators' team."));
        async move { got }
    })
    .await;
    drop(dm);
    // Meanwhile an ordinary account on the same server meets the limit.
    let mut refused_for_carol = 0;
    for n in 0..12 {
        let mut request = CreateRoomRequest::new();
        request.name = Some(format!("Carol's room {n}"));
        let made = carol
            .client
            .send(request)
            .with_request_config(RequestConfig::new().retry_limit(1))
            .await;
        if let Err(e) = made
            && matches!(e.client_api_error_kind(), Some(ErrorKind::LimitExceeded(_)))
        {
            refused_for_carol += 1;
        }
    }
    assert!(
        refused_for_carol > 0,
        "the server's room limit holds for an ordinary account"
    );

    // The homeserver pushes what happens in the bot's rooms (the members joining the pair
    // rooms, at least), and each transaction is taken.
    wait_for("a transaction pushed by the homeserver", || {
        let taken = bot.appservice_transactions().unwrap();
        async move { taken > 0 }
    })
    .await;

    // A transaction with a command typed in the coordinators' room: handled from the push
    // alone (this event never comes through the sync), and answered once, even when the
    // homeserver sends the transaction again.
    let command = |event: &str| {
        serde_json::json!([{
            "type": "m.room.message",
            "room_id": coordinators.as_str(),
            "sender": carol.id.as_str(),
            "event_id": event,
            "origin_server_ts": chrono::Utc::now().timestamp_millis(),
            "content": { "msgtype": "m.text", "body": "!tandem help" },
        }])
    };
    let before = from_bot_in(&carol, &bot_id, &coordinators);
    let txn = unique("txn");
    assert_eq!(
        push(
            port,
            &txn,
            Some(&tokens.hs_token),
            command("$pushed-1:localhost")
        )
        .await,
        200
    );
    wait_for("the bot's answer to the pushed command", || {
        let now = from_bot_in(&carol, &bot_id, &coordinators);
        async move { now > before }
    })
    .await;
    // The answer may come in several messages: all of them, first.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let answered = from_bot_in(&carol, &bot_id, &coordinators);
    assert_eq!(
        push(
            port,
            &txn,
            Some(&tokens.hs_token),
            command("$pushed-2:localhost")
        )
        .await,
        200,
        "a transaction sent again is acknowledged"
    );
    // Neither a wrong token nor none is let in.
    assert_eq!(
        push(
            port,
            "other",
            Some("not-the-token"),
            command("$pushed-3:localhost")
        )
        .await,
        403
    );
    assert_eq!(
        push(port, "other", None, command("$pushed-4:localhost")).await,
        401
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        from_bot_in(&carol, &bot_id, &coordinators),
        answered,
        "nothing more was answered"
    );
    assert!(store.appservice_transaction_seen(&id, &txn).await.unwrap());
    running.stop().await;
    drop(synapse);
}
