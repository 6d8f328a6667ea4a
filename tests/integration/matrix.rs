//! The Matrix adapter against a real Synapse, in real end-to-end encrypted rooms.
//!
//! `scripts/test` starts Synapse (`scripts/synapse`) and sets `TANDEM_TEST_SYNAPSE_URL`.
//! Every test registers its own accounts under fresh names, so tests never share state.
//! The participants are matrix-sdk clients with their own devices: what a test reads from
//! them is what they decrypted.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::account::register::v3::Request as RegisterRequest;
use matrix_sdk::ruma::api::client::room::create_room::v3::{
    Request as CreateRoomRequest, RoomPreset,
};
use matrix_sdk::ruma::api::client::uiaa;
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::{Annotation, Thread as ThreadRelation};
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::history_visibility::HistoryVisibility;
use matrix_sdk::ruma::events::room::join_rules::JoinRule;
use matrix_sdk::ruma::events::room::member::StrippedRoomMemberEvent;
use matrix_sdk::ruma::events::room::message::{
    LocationMessageEventContent, MessageType, OriginalSyncRoomMessageEvent, Relation,
    ReplacementMetadata, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, UserId};
use matrix_sdk::{Client, Room, RoomMemberships};
use tokio::task::JoinHandle;

use tandem::app::{App, AppSettings, ManualClock, Ports};
use tandem::config::MatrixSettings;
use tandem::domain::{Place, Platform, Programme, RoomRef, UserRef};
use tandem::flows::{Content, Inbound};
use tandem::platforms::adapter::Bot as _;
use tandem::platforms::console::{ConsoleLine, parse_line};
use tandem::platforms::matrix::render::plain_body;
use tandem::platforms::matrix::{MatrixBot, MatrixOptions, MatrixSecrets};
use tandem::platforms::recording::{Recording, Target};
use tandem::ports::RoomProvisioner;
use tandem::storage::{Sealer, Store};

use crate::support::{MENTOR_ANSWERS, TestDb, example_programmes, repo_root, start_time};

/// The homeserver for this run, or `None` when Matrix tests are explicitly skipped.
pub(crate) fn synapse_url() -> Option<String> {
    if let Ok(url) = std::env::var("TANDEM_TEST_SYNAPSE_URL") {
        return Some(url);
    }
    if std::env::var("TANDEM_TEST_SKIP_SYNAPSE").is_ok_and(|v| v == "1") {
        eprintln!("skipped: TANDEM_TEST_SKIP_SYNAPSE=1");
        return None;
    }
    panic!(
        "TANDEM_TEST_SYNAPSE_URL is not set: run the tests with scripts/test, which starts Synapse, or set TANDEM_TEST_SKIP_SYNAPSE=1 to skip the Matrix tests"
    );
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A user name no other test (or earlier run on the same server) has used.
pub(crate) fn unique(name: &str) -> String {
    format!(
        "{name}-{}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros() % 1_000_000_000
    )
}

pub(crate) const PASSWORD: &str = "correct horse battery staple";

/// Registers an account through the client-server API (the test server allows it).
pub(crate) async fn register(url: &str, localpart: &str, login: bool) -> Client {
    let client = Client::builder()
        .homeserver_url(url)
        .build()
        .await
        .expect("a Matrix client");
    let mut request = RegisterRequest::new();
    request.username = Some(localpart.to_string());
    request.password = Some(PASSWORD.to_string());
    request.auth = Some(uiaa::AuthData::Dummy(uiaa::Dummy::new()));
    request.inhibit_login = !login;
    client
        .matrix_auth()
        .register(request)
        .await
        .unwrap_or_else(|e| panic!("registering {localpart}: {e}"));
    client
}

/// A message a participant's client received and decrypted.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) room: OwnedRoomId,
    pub(crate) event: OwnedEventId,
    pub(crate) sender: OwnedUserId,
    pub(crate) body: String,
    html: Option<String>,
    /// A file's bytes, downloaded (and decrypted) by the client, and whether it was
    /// uploaded encrypted.
    pub(crate) file: Option<(Vec<u8>, bool)>,
    /// The root of the thread it was posted in, if any.
    thread: Option<OwnedEventId>,
    /// Sent as an `m.notice` (as bots should).
    notice: bool,
    /// The people its `m.mentions` names, when it has the field.
    mentions: Option<Vec<String>>,
}

/// A participant: a real client with its own device, syncing in the background, joining
/// every room it is invited to.
pub(crate) struct Person {
    pub(crate) client: Client,
    pub(crate) id: OwnedUserId,
    inbox: Arc<Mutex<Vec<Received>>>,
    /// Reactions seen: the event reacted to, the key and who reacted.
    reactions: Reactions,
    sync: JoinHandle<()>,
}

type Reactions = Arc<Mutex<Vec<(OwnedEventId, String, OwnedUserId)>>>;

impl Person {
    pub(crate) async fn new(url: &str, name: &str) -> Person {
        let client = register(url, &unique(name), true).await;
        let id = client.user_id().expect("logged in").to_owned();
        let inbox: Arc<Mutex<Vec<Received>>> = Arc::default();
        client.add_event_handler({
            let inbox = inbox.clone();
            move |event: OriginalSyncRoomMessageEvent, room: Room, client: Client| {
                let inbox = inbox.clone();
                async move {
                    let file = match &event.content.msgtype {
                        MessageType::File(f) => {
                            let encrypted = matches!(f.source, MediaSource::Encrypted(_));
                            client
                                .media()
                                .get_file(f, false)
                                .await
                                .ok()
                                .flatten()
                                .map(|bytes| (bytes, encrypted))
                        }
                        _ => None,
                    };
                    let thread = match &event.content.relates_to {
                        Some(Relation::Thread(t)) => Some(t.event_id.clone()),
                        _ => None,
                    };
                    inbox.lock().unwrap().push(Received {
                        file,
                        thread,
                        room: room.room_id().to_owned(),
                        event: event.event_id.clone(),
                        sender: event.sender.clone(),
                        body: event.content.body().to_string(),
                        html: match &event.content.msgtype {
                            MessageType::Text(t) => t.formatted.as_ref().map(|f| f.body.clone()),
                            MessageType::Notice(t) => t.formatted.as_ref().map(|f| f.body.clone()),
                            _ => None,
                        },
                        notice: matches!(event.content.msgtype, MessageType::Notice(_)),
                        mentions: event
                            .content
                            .mentions
                            .as_ref()
                            .map(|m| m.user_ids.iter().map(|u| u.to_string()).collect()),
                    });
                }
            }
        });
        let reactions: Reactions = Arc::default();
        client.add_event_handler({
            let reactions = reactions.clone();
            move |event: matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent| {
                let reactions = reactions.clone();
                async move {
                    let r = event.content.relates_to;
                    reactions
                        .lock()
                        .unwrap()
                        .push((r.event_id, r.key, event.sender));
                }
            }
        });
        client.add_event_handler(
            |event: StrippedRoomMemberEvent, room: Room, client: Client| async move {
                if client.user_id() != Some(&*event.state_key) {
                    return;
                }
                for _ in 0..20 {
                    if room.join().await.is_ok() {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            },
        );
        client
            .sync_once(SyncSettings::default())
            .await
            .expect("first sync");
        let sync = tokio::spawn({
            let client = client.clone();
            async move {
                let settings = SyncSettings::default().timeout(Duration::from_millis(500));
                let _ = client.sync(settings).await;
            }
        });
        Person {
            client,
            id,
            inbox,
            reactions,
            sync,
        }
    }

    /// The keys `sender` reacted with on `event`, in the order they came.
    fn reactions_on(&self, event: &OwnedEventId, sender: &UserId) -> Vec<String> {
        let seen = self.reactions.lock().unwrap();
        seen.iter()
            .filter(|(on, _, by)| on == event && by == sender)
            .map(|(_, key, _)| key.clone())
            .collect()
    }

    pub(crate) fn user(&self) -> UserRef {
        UserRef::new(Platform::Matrix, self.id.as_str())
    }

    pub(crate) fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// The last message `sender` sent this person.
    fn last_from(&self, sender: &UserId) -> Received {
        self.received()
            .into_iter()
            .rfind(|r| r.sender == sender)
            .unwrap_or_else(|| panic!("{} got nothing from {sender}", self.id))
    }

    fn bodies_in(&self, room: &OwnedRoomId) -> Vec<String> {
        self.received()
            .into_iter()
            .filter(|r| r.room == *room)
            .map(|r| r.body)
            .collect()
    }

    /// Opens an encrypted DM with `bot` and waits until the bot has joined it.
    pub(crate) async fn open_dm(&self, bot: &UserId) -> Room {
        let room = self.open_dm_without_waiting(bot).await;
        wait_until_joined(&room, bot, &format!("the DM of {}", self.id)).await;
        room
    }

    /// Opens a DM with `bot` without waiting for it to join.
    async fn open_dm_without_waiting(&self, bot: &UserId) -> Room {
        self.client.create_dm(bot).await.expect("create a DM")
    }

    pub(crate) async fn say(&self, room: &Room, text: &str) -> OwnedEventId {
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .unwrap_or_else(|e| panic!("{} sending {text:?}: {e}", self.id))
            .response
            .event_id
    }
}

impl Drop for Person {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

/// Waits until `user` has joined `room` (as its members list, seen from `room`'s client).
/// The ids of `room`'s members (joined or invited), sorted.
pub(crate) async fn active_members(room: &Room) -> Vec<String> {
    let mut members: Vec<String> = room
        .members(RoomMemberships::ACTIVE)
        .await
        .unwrap()
        .iter()
        .map(|m| m.user_id().to_string())
        .collect();
    members.sort();
    members
}

/// `ids` as strings, sorted (to compare with [`active_members`]).
pub(crate) fn sorted(ids: &[&UserId]) -> Vec<String> {
    let mut ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    ids.sort();
    ids
}

pub(crate) async fn wait_until_joined(room: &Room, user: &UserId, what: &str) {
    wait_for(&format!("{user} to join {what}"), || {
        let room = room.clone();
        let user = user.to_owned();
        async move {
            room.members(RoomMemberships::JOIN)
                .await
                .is_ok_and(|m| m.iter().any(|m| m.user_id() == user))
        }
    })
    .await;
}

/// Polls `check` until it holds, for up to a minute.
pub(crate) async fn wait_for<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The bot, connected and serving an app, as `tandem run` does.
pub(crate) struct RunningBot {
    pub(crate) bot: Arc<MatrixBot>,
    app: App,
    task: JoinHandle<anyhow::Result<()>>,
}

/// What a bot needs to be started again after a stop: the same store, settings, and app.
#[derive(Clone)]
pub(crate) struct BotSetup {
    pub(crate) options: MatrixOptions,
    pub(crate) store: Store,
    pub(crate) programmes: Vec<Programme>,
    pub(crate) clock: Arc<ManualClock>,
}

impl BotSetup {
    pub(crate) async fn start(&self) -> RunningBot {
        let bot = MatrixBot::connect(self.options.clone())
            .await
            .expect("the bot connects");
        let app = App::new(
            self.store.clone(),
            self.programmes.clone(),
            Ports {
                dm: bot.clone(),
                rooms: bot.clone(),
                provisioner: bot.clone(),
            },
            self.clock.clone(),
            AppSettings {
                coordinators_rooms: bot.coordinators_room().into_iter().collect(),
                moderators_rooms: bot.moderators_room().into_iter().collect(),
                ..AppSettings::default()
            },
        );
        let task = tokio::spawn({
            let bot = bot.clone();
            let app = app.clone();
            async move { bot.serve(app).await }
        });
        RunningBot { bot, app, task }
    }
}

impl RunningBot {
    /// Stops after the sync in progress, as on SIGTERM.
    pub(crate) async fn stop(self) {
        self.bot.stop();
        tokio::time::timeout(Duration::from_secs(30), self.task)
            .await
            .expect("the bot stops within 30 s")
            .expect("the bot task ends cleanly")
            .expect("serve returns Ok");
    }

    /// Waits until the bot has handled `event` and every participant who should see the
    /// bot's messages has received and decrypted them.
    async fn settle(&self, event: &OwnedEventId, people: &[&Person], line: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while !self.bot.has_handled(event) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the bot never handled `{line}`"
            );
            self.bot.changed(Duration::from_millis(200)).await;
        }
        loop {
            let seen: std::collections::HashSet<OwnedEventId> = people
                .iter()
                .flat_map(|p| p.received().into_iter().map(|r| r.event))
                .collect();
            let missing: Vec<_> = self
                .bot
                .sent()
                .into_iter()
                .filter(|(_, e)| !seen.contains(e))
                .collect();
            if missing.is_empty() {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "after `{line}`, nobody received (or could decrypt) {missing:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

pub(crate) fn bot_settings(url: &str, bot: &str, coordinators: &OwnedRoomId) -> MatrixSettings {
    MatrixSettings {
        homeserver_url: url.to_string(),
        user_id: bot.to_string(),
        store_dir: None,
        allowed_servers: Vec::new(),
        coordinators_room: Some(coordinators.to_string()),
        moderators_room: None,
        events_room: None,
        space: None,
        appservice: None,
    }
}

/// How the tests connect a bot: the test password, its store under `dir`, short syncs (so
/// a stop is quick) and a minute to connect.
pub(crate) fn test_options(settings: MatrixSettings, dir: &std::path::Path) -> MatrixOptions {
    MatrixOptions {
        settings,
        secrets: MatrixSecrets {
            password: Some(PASSWORD.into()),
            ..MatrixSecrets::default()
        },
        default_store_dir: dir.join("matrix"),
        sync_timeout: Duration::from_secs(1),
        connect_deadline: Some(Duration::from_secs(60)),
    }
}

/// A new account for a bot, under a name no other test has used.
pub(crate) async fn new_bot_account(url: &str) -> OwnedUserId {
    let bot_name = unique("tandem");
    register(url, &bot_name, false).await;
    UserId::parse(format!("@{bot_name}:localhost")).unwrap()
}

/// A bot of its own account `bot_id`, its store under `dir`, connected, with
/// `coordinators` as its coordinators' room; and a database for it with the tests' case
/// key.
pub(crate) async fn connected_bot(
    url: &str,
    bot_id: &UserId,
    coordinators: &OwnedRoomId,
    dir: &std::path::Path,
) -> (Arc<MatrixBot>, TestDb, Store) {
    let bot = MatrixBot::connect(test_options(
        bot_settings(url, bot_id.as_str(), coordinators),
        dir,
    ))
    .await
    .expect("the Matrix bot connects");
    let db = TestDb::sqlite();
    let store = Store::open(&db.url)
        .await
        .unwrap()
        .with_case_key(test_store_key());
    (bot, db, store)
}

/// An encrypted, invite-only room created by `owner` with the bot invited.
pub(crate) async fn staff_room(owner: &Person, bot: &UserId, name: &str) -> OwnedRoomId {
    let mut request = CreateRoomRequest::new();
    request.name = Some(name.to_string());
    request.preset = Some(RoomPreset::PrivateChat);
    request.invite = vec![bot.to_owned()];
    request.initial_state = vec![
        InitialStateEvent::with_empty_state_key(
            RoomEncryptionEventContent::with_recommended_defaults(),
        )
        .to_raw_any(),
    ];
    owner
        .client
        .create_room(request)
        .await
        .expect("create the staff room")
        .room_id()
        .to_owned()
}

/// The example programme with Matrix coordinators.
pub(crate) fn programmes_with_coordinators(coordinators: &[&Person]) -> Vec<Programme> {
    with_coordinators(example_programmes(), coordinators)
}

/// `programmes`, coordinated by these people.
fn with_coordinators(programmes: Vec<Programme>, coordinators: &[&Person]) -> Vec<Programme> {
    programmes
        .into_iter()
        .map(|mut p| {
            p.coordinators = coordinators.iter().map(|c| c.user()).collect();
            p
        })
        .collect()
}

pub(crate) fn test_store_key() -> Sealer {
    Sealer::from_text(&"1f".repeat(32)).unwrap()
}

/// The script's messages in order: (who, in which room if not a DM, text), up to its first
/// clock shift (the replay runs on the homeserver's time).
fn script_messages(name: &str) -> Vec<(String, Option<String>, String)> {
    let text = std::fs::read_to_string(repo_root().join("tests/fixtures").join(name)).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        match parse_line(line) {
            ConsoleLine::Message {
                user, room, text, ..
            } => out.push((user, room, text)),
            ConsoleLine::Nothing => {}
            ConsoleLine::Shift(_) => break,
            other => panic!("{name}: the Matrix replay does not support {other:?}"),
        }
    }
    out
}

/// What the same script makes the app send through the recording fake: each DM
/// recipient's messages, the coordinators' room's, and each created room's, as the plain
/// bodies the Matrix adapter sends.
struct Expected {
    dms: HashMap<UserRef, Vec<String>>,
    coordinators: Vec<String>,
    rooms: Vec<Vec<String>>,
}

async fn expected_transcripts(
    script: &[(String, Option<String>, String)],
    people: &HashMap<String, UserRef>,
    coordinators_room: &RoomRef,
    programmes: Vec<Programme>,
) -> Expected {
    let db = TestDb::sqlite();
    let store = Store::open(&db.url)
        .await
        .unwrap()
        .with_case_key(test_store_key());
    let rec = Recording::new();
    let clock = Arc::new(ManualClock::new(start_time()));
    let app = App::new(
        store,
        programmes,
        Ports {
            dm: Arc::new(rec.clone()),
            rooms: Arc::new(rec.clone()),
            provisioner: Arc::new(rec.clone()),
        },
        clock.clone(),
        AppSettings {
            coordinators_rooms: vec![coordinators_room.clone()],
            moderators_rooms: vec![],
            ..AppSettings::default()
        },
    );
    for (who, room, text) in script {
        let place = match room {
            None => Place::Dm,
            Some(_) => Place::Room(coordinators_room.clone()),
        };
        app.receive(Inbound {
            from: people[who].clone(),
            place,
            content: Content::Text(text.clone()),
            files: vec![],
        })
        .await;
        clock.advance(chrono::Duration::seconds(3));
    }
    let mut expected = Expected {
        dms: HashMap::new(),
        coordinators: Vec::new(),
        rooms: Vec::new(),
    };
    let mut created: HashMap<String, usize> = HashMap::new();
    for sent in rec.all() {
        let body = plain_body(&sent.message);
        match sent.target {
            Target::Dm(user) => expected.dms.entry(user).or_default().push(body),
            Target::Room(room) if room == *coordinators_room => expected.coordinators.push(body),
            Target::Room(room) => {
                let next = created.len();
                let index = *created.entry(room.id).or_insert(next);
                if expected.rooms.len() <= index {
                    expected.rooms.push(Vec::new());
                }
                expected.rooms[index].push(body);
            }
        }
    }
    expected
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_matching_demo_runs_over_matrix_in_encrypted_rooms_as_it_does_in_the_console() {
    let Some(url) = synapse_url() else { return };
    let bot_name = unique("tandem");
    register(&url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let mut people: HashMap<String, Person> = HashMap::new();
    for name in ["amina", "grace", "ola", "carol"] {
        people.insert(name.to_string(), Person::new(&url, name).await);
    }
    let coordinators = staff_room(&people["carol"], &bot_id, "Coordinators").await;
    let programmes = programmes_with_coordinators(&[&people["carol"]]);
    let script = script_messages("matching_demo.txt");

    // The same script through the recording fake is the reference.
    let users: HashMap<String, UserRef> =
        people.iter().map(|(n, p)| (n.clone(), p.user())).collect();
    let coordinators_ref = RoomRef::new(Platform::Matrix, coordinators.as_str());
    let expected =
        expected_transcripts(&script, &users, &coordinators_ref, programmes.clone()).await;

    let store_dir = tempfile::tempdir().unwrap();
    let db = TestDb::sqlite();
    let setup = BotSetup {
        options: test_options(
            bot_settings(&url, bot_id.as_str(), &coordinators),
            store_dir.path(),
        ),
        store: Store::open(&db.url)
            .await
            .unwrap()
            .with_case_key(test_store_key()),
        programmes,
        clock: Arc::new(ManualClock::new(start_time())),
    };
    let mut bot = setup.start().await;
    let first_device = bot.bot.device_id();

    let mut dm_rooms: HashMap<String, Room> = HashMap::new();
    for (name, person) in &people {
        dm_rooms.insert(name.clone(), person.open_dm(&bot_id).await);
    }
    let carol_coordinators = people["carol"]
        .client
        .get_room(&coordinators)
        .expect("carol is in the coordinators' room");
    wait_until_joined(&carol_coordinators, &bot_id, "the coordinators' room").await;

    let everyone: Vec<&Person> = people.values().collect();
    let mut amina_lines = 0;
    for (who, room, text) in &script {
        let person = &people[who];
        let target = match room {
            None => dm_rooms[who].clone(),
            Some(_) => carol_coordinators.clone(),
        };
        let line = format!("{who}: {text}");
        // Amina's first answer after the restart is a 2️⃣ reaction on the question the
        // bot asked before it: the prompt is remembered across the restart.
        let event = if who == "amina" && amina_lines == 6 {
            assert_eq!(text, "2", "the script's 7th line for Amina picks choice 2");
            let prompt = person.last_from(&bot_id);
            assert!(prompt.body.contains("\n2. "), "{}", prompt.body);
            let reaction = ReactionEventContent::new(Annotation::new(
                prompt.event.clone(),
                "2\u{fe0f}\u{20e3}".to_string(),
            ));
            target.send(reaction).await.unwrap().response.event_id
        } else {
            person.say(&target, text).await
        };
        bot.settle(&event, &everyone, &line).await;
        setup.clock.advance(chrono::Duration::seconds(3));
        if who == "amina" {
            amina_lines += 1;
            // Halfway through Amina's application, the bot restarts: the same device
            // comes back, and her next answer is taken where she left off.
            if amina_lines == 6 {
                bot.stop().await;
                bot = setup.start().await;
                assert_eq!(bot.bot.device_id(), first_device);
            }
        }
    }

    let pair_rooms = rooms_made(&bot, &dm_rooms, &coordinators);
    assert_eq!(
        pair_rooms.len(),
        1,
        "one pair room on Matrix: {pair_rooms:?}"
    );
    assert_as_in_console(
        &people,
        &dm_rooms,
        &coordinators,
        &bot_id,
        &expected,
        &pair_rooms,
    );

    // The pair room: created by the bot, encrypted, invite-only, history for members,
    // only the pair and the bot in it, and both read the kickoff.
    assert_eq!(
        expected.rooms.len(),
        1,
        "the console run created one pair room"
    );
    let pair = &pair_rooms[0];
    for name in ["amina", "ola"] {
        assert_eq!(
            people[name].bodies_in(pair),
            expected.rooms[0],
            "{name} reads the kickoff in the pair room"
        );
    }
    assert!(people["grace"].bodies_in(pair).is_empty());
    let room = people["amina"]
        .client
        .get_room(pair)
        .expect("amina is in it");
    assert!(room.latest_encryption_state().await.unwrap().is_encrypted());
    assert_eq!(room.join_rule(), Some(JoinRule::Invite));
    assert_eq!(room.history_visibility(), Some(HistoryVisibility::Shared));
    assert_eq!(
        active_members(&room).await,
        sorted(&[&bot_id, &people["amina"].id, &people["ola"].id])
    );
    let levels = room.power_levels().await.unwrap();
    assert!(!levels.user_can_invite(&people["amina"].id));
    assert!(!levels.user_can_kick_user(&people["ola"].id, &people["amina"].id));
    assert!(levels.user_can_send_message(
        &people["amina"].id,
        matrix_sdk::ruma::events::MessageLikeEventType::RoomMessage
    ));
    assert!(levels.user_can_invite(&bot_id));

    // Amina writes in the pair room, then asks for its transcript: the bot reads the
    // encrypted history back (its kickoff and her message) and sends it as a file.
    people["amina"]
        .say(&room, "Hello Ola! Thursday works for me.")
        .await;
    wait_for("the bot to see Amina's message", || async {
        bot.bot
            .room_history(&RoomRef::new(Platform::Matrix, pair.as_str()), 100)
            .await
            .is_ok_and(|h| h.iter().any(|l| l.text.contains("Thursday works")))
    })
    .await;
    let event = people["amina"].say(&dm_rooms["amina"], "transcript").await;
    bot.settle(&event, &everyone, "transcript").await;
    let file = people["amina"]
        .received()
        .into_iter()
        .rfind(|r| r.sender == bot_id && r.file.is_some())
        .expect("a transcript file");
    let text = String::from_utf8(file.file.unwrap().0).unwrap();
    assert!(text.contains("Hello Ola! Thursday works for me."), "{text}");
    assert!(
        text.contains(&format!("{}: ", bot_id)),
        "the kickoff is in it: {text}"
    );

    bot.stop().await;
    drop(carol_coordinators);
    drop(setup);
}

/// Rooms the bot sent to that are none of `dm_rooms` nor the coordinators' room: those it
/// created, in order (the recording fake calls them room-1, room-2...).
fn rooms_made(
    bot: &RunningBot,
    dm_rooms: &HashMap<String, Room>,
    coordinators: &OwnedRoomId,
) -> Vec<OwnedRoomId> {
    let known: Vec<OwnedRoomId> = dm_rooms
        .values()
        .map(|r| r.room_id().to_owned())
        .chain([coordinators.clone()])
        .collect();
    let mut rooms: Vec<OwnedRoomId> = bot
        .bot
        .sent()
        .into_iter()
        .map(|(room, _)| room)
        .filter(|r| !known.contains(r))
        .collect();
    rooms.dedup();
    rooms
}

/// Every DM reached its person, decrypted, in the same order and words as in the console
/// run, and the coordinators' room read the same.
fn assert_as_in_console(
    people: &HashMap<String, Person>,
    dm_rooms: &HashMap<String, Room>,
    coordinators: &OwnedRoomId,
    bot_id: &UserId,
    expected: &Expected,
    pair_rooms: &[OwnedRoomId],
) {
    let as_in_console = |body: String| {
        pair_rooms.iter().enumerate().fold(body, |b, (i, r)| {
            b.replace(r.as_str(), &format!("room-{}", i + 1))
        })
    };
    for (name, person) in people {
        let dm = dm_rooms[name].room_id().to_owned();
        let got: Vec<String> = person
            .received()
            .into_iter()
            .filter(|r| r.room == dm && r.sender == bot_id)
            .map(|r| as_in_console(r.body))
            .collect();
        let want = expected
            .dms
            .get(&person.user())
            .cloned()
            .unwrap_or_default();
        assert_eq!(got, want, "the DMs to {name} differ from the console run");
    }
    let got: Vec<String> = people["carol"]
        .received()
        .into_iter()
        .filter(|r| r.room == *coordinators && r.sender == bot_id)
        .map(|r| as_in_console(r.body))
        .collect();
    assert_eq!(
        got, expected.coordinators,
        "the coordinators' room differs from the console run"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mentee_browses_and_requests_a_mentor_over_matrix_as_in_the_console() {
    let Some(url) = synapse_url() else { return };
    // The choice demo up to Bea (its expiry needs the console's clock).
    let replayed = replay_over_matrix(
        &url,
        example_programmes(),
        &["amina", "grace", "ola", "carol"],
        "choice_demo.txt",
        |who| who != "bea",
    )
    .await;
    assert_eq!(replayed.pair_rooms.len(), 1, "one pair room");
    for name in ["amina", "grace"] {
        assert_eq!(
            replayed.people[name].bodies_in(&replayed.pair_rooms[0]),
            replayed.expected.rooms[0],
            "{name} reads the kickoff in the pair room"
        );
    }
    replayed.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_founder_ranks_mentors_over_matrix_and_a_decline_passes_to_the_next_as_in_the_console() {
    let Some(url) = synapse_url() else { return };
    // The ranked demo up to its clock shift: a ranking, refusals, and Kofi's decline.
    let replayed = replay_over_matrix(
        &url,
        crate::support::programmes_in("tests/fixtures/ranked/programs"),
        &["kofi", "lin", "rosa", "ama", "carol"],
        "ranked_demo.txt",
        |_| true,
    )
    .await;
    assert!(replayed.pair_rooms.is_empty());
    let lin = replayed.people["lin"].received();
    assert!(
        lin.iter().any(|r| r
            .body
            .contains("Ama, a mentee in Founders Circle, would like you to be their mentor.")),
        "Lin, the second choice, is asked after Kofi's decline"
    );
    replayed.bot.stop().await;
}

/// A fixture replayed over Matrix, compared with the console.
struct Replayed {
    people: HashMap<String, Person>,
    expected: Expected,
    pair_rooms: Vec<OwnedRoomId>,
    bot: RunningBot,
    _setup: BotSetup,
    _dirs: (tempfile::TempDir, TestDb),
}

/// `fixture`'s messages (up to its first clock shift, while `keep` holds for whoever types)
/// sent over Matrix by `names` (carol coordinating `programmes`, in a staff room), each
/// message settled before the next; every DM and the coordinators' room must read as in
/// the console run.
async fn replay_over_matrix(
    url: &str,
    programmes: Vec<Programme>,
    names: &[&str],
    fixture: &str,
    keep: impl Fn(&str) -> bool,
) -> Replayed {
    let bot_name = unique("tandem");
    register(url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let mut people: HashMap<String, Person> = HashMap::new();
    for name in names {
        people.insert(name.to_string(), Person::new(url, name).await);
    }
    let coordinators = staff_room(&people["carol"], &bot_id, "Coordinators").await;
    let programmes = with_coordinators(programmes, &[&people["carol"]]);
    let script: Vec<(String, Option<String>, String)> = script_messages(fixture)
        .into_iter()
        .take_while(|(who, _, _)| keep(who))
        .collect();
    let users: HashMap<String, UserRef> =
        people.iter().map(|(n, p)| (n.clone(), p.user())).collect();
    let coordinators_ref = RoomRef::new(Platform::Matrix, coordinators.as_str());
    let expected =
        expected_transcripts(&script, &users, &coordinators_ref, programmes.clone()).await;
    let store_dir = tempfile::tempdir().unwrap();
    let db = TestDb::sqlite();
    let setup = BotSetup {
        options: test_options(
            bot_settings(url, bot_id.as_str(), &coordinators),
            store_dir.path(),
        ),
        store: Store::open(&db.url)
            .await
            .unwrap()
            .with_case_key(test_store_key()),
        programmes,
        clock: Arc::new(ManualClock::new(start_time())),
    };
    let bot = setup.start().await;
    let mut dm_rooms: HashMap<String, Room> = HashMap::new();
    for (name, person) in &people {
        dm_rooms.insert(name.clone(), person.open_dm(&bot_id).await);
    }
    let carol_coordinators = people["carol"]
        .client
        .get_room(&coordinators)
        .expect("carol is in the coordinators' room");
    wait_until_joined(&carol_coordinators, &bot_id, "the coordinators' room").await;
    let everyone: Vec<&Person> = people.values().collect();
    for (who, room, text) in &script {
        let target = match room {
            None => dm_rooms[who].clone(),
            Some(_) => carol_coordinators.clone(),
        };
        let event = people[who].say(&target, text).await;
        bot.settle(&event, &everyone, &format!("{who}: {text}"))
            .await;
        setup.clock.advance(chrono::Duration::seconds(3));
    }
    let pair_rooms = rooms_made(&bot, &dm_rooms, &coordinators);
    assert_as_in_console(
        &people,
        &dm_rooms,
        &coordinators,
        &bot_id,
        &expected,
        &pair_rooms,
    );
    drop(carol_coordinators);
    Replayed {
        people,
        expected,
        pair_rooms,
        bot,
        _setup: setup,
        _dirs: (store_dir, db),
    }
}

/// Starts a bot for a short test: its own account, store and database.
async fn small_bot(
    url: &str,
    coordinators_of: &Person,
    allowed: Vec<String>,
) -> (RunningBot, OwnedUserId, Vec<tempfile::TempDir>) {
    small_bot_via(url, url, coordinators_of, allowed).await
}

/// [`small_bot`], the bot reaching the homeserver at `bot_url` (a proxy).
async fn small_bot_via(
    url: &str,
    bot_url: &str,
    coordinators_of: &Person,
    allowed: Vec<String>,
) -> (RunningBot, OwnedUserId, Vec<tempfile::TempDir>) {
    let bot_name = unique("tandem");
    register(url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let coordinators = staff_room(coordinators_of, &bot_id, "Coordinators").await;
    let store_dir = tempfile::tempdir().unwrap();
    let db_dir = tempfile::tempdir().unwrap();
    let db_url = tandem::config::sqlite_url(&db_dir.path().join("t.db"));
    let mut settings = bot_settings(bot_url, bot_id.as_str(), &coordinators);
    settings.allowed_servers = allowed;
    let setup = BotSetup {
        options: test_options(settings, store_dir.path()),
        store: Store::open(&db_url)
            .await
            .unwrap()
            .with_case_key(test_store_key()),
        programmes: programmes_with_coordinators(&[coordinators_of]),
        clock: Arc::new(ManualClock::new(start_time())),
    };
    (setup.start().await, bot_id, vec![store_dir, db_dir])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reaction_answers_a_prompt_markup_is_escaped_edits_are_explained_and_files_arrive_encrypted()
 {
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let (bot, bot_id, dirs) = small_bot(&url, &carol, Vec::new()).await;
    let dm = zara.open_dm(&bot_id).await;
    let everyone = [&carol, &zara];

    let event = zara.say(&dm, "apply").await;
    bot.settle(&event, &everyone, "apply").await;
    // Beside the sync loop, the bot backs up its keys and keeps the recovery key in its
    // store; people's clients see its device signed by its own (cross-signing) identity.
    let recovery_key = dirs[0].path().join("matrix/recovery-key");
    wait_for("the key backup", || async {
        bot.bot.key_backup_enabled().await && recovery_key.exists()
    })
    .await;
    let device = matrix_sdk::ruma::OwnedDeviceId::from(bot.bot.device_id().unwrap());
    let seen = zara
        .client
        .encryption()
        .get_device(&bot_id, &device)
        .await
        .unwrap()
        .expect("zara knows the bot's device");
    assert!(
        seen.is_cross_signed_by_owner(),
        "the bot's device is signed by its identity"
    );
    let prompt = zara.last_from(&bot_id);
    assert!(prompt.body.ends_with("1. Mentor — you're a working professional who wants to help a young person\n2. Mentee — you're 16–30 and want help finding work"), "{}", prompt.body);
    let html = prompt.html.expect("an HTML body");
    assert!(
        html.contains("<ol><li>Mentor — you&#39;re a working professional"),
        "{html}"
    );

    // The bot put a keycap under each choice, so one tap answers.
    wait_for("the bot's reactions under the prompt", || async {
        zara.reactions_on(&prompt.event, &bot_id).len() == 2
    })
    .await;
    assert_eq!(
        zara.reactions_on(&prompt.event, &bot_id),
        ["1\u{fe0f}\u{20e3}", "2\u{fe0f}\u{20e3}"]
    );
    // Reacting with 2️⃣ on the prompt picks the second choice.
    let reaction = ReactionEventContent::new(Annotation::new(
        prompt.event.clone(),
        "2\u{fe0f}\u{20e3}".to_string(),
    ));
    let event = dm.send(reaction).await.unwrap().response.event_id;
    bot.settle(&event, &everyone, "the reaction").await;
    let said: Vec<String> = zara
        .received()
        .into_iter()
        .filter(|r| r.sender == bot_id)
        .map(|r| r.body)
        .collect();
    assert!(
        said.iter()
            .any(|b| b == "Great, you're applying as a mentee."),
        "{said:#?}"
    );

    // An answer full of markup comes back escaped in the HTML body.
    let event = zara.say(&dm, "<b>Zara</b><script>alert(1)</script>").await;
    bot.settle(&event, &everyone, "the name").await;
    for r in zara.received().into_iter().filter(|r| r.sender == bot_id) {
        // The bot speaks in notices, as the spec asks of bots, and pings nobody.
        assert!(r.notice, "not an m.notice: {}", r.body);
        assert_eq!(r.mentions, Some(vec![]), "{}", r.body);
        let html = r.html.unwrap_or_default();
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
    }

    // An edit does not change the answer; the bot says how to.
    let edit = RoomMessageEventContent::text_plain("Zed")
        .make_replacement(ReplacementMetadata::new(event.clone(), None));
    let edit = dm.send(edit).await.unwrap().response.event_id;
    bot.settle(&edit, &everyone, "an edit").await;
    let last = zara.last_from(&bot_id);
    assert!(
        last.body.starts_with("I saw that you edited a message"),
        "{}",
        last.body
    );

    // A location is not an answer: the bot says what it can read.
    let location = RoomMessageEventContent::new(MessageType::Location(
        LocationMessageEventContent::new("Nairobi".into(), "geo:-1.29,36.82".into()),
    ));
    let event = dm.send(location).await.unwrap().response.event_id;
    bot.settle(&event, &everyone, "a location").await;
    let last = zara.last_from(&bot_id);
    assert!(
        last.body
            .starts_with("I can only read text messages and files."),
        "{}",
        last.body
    );

    // A file is sent encrypted in the DM: here, her data.
    h_cancel(&bot, &zara, &dm, &everyone).await;
    let event = zara.say(&dm, "my data").await;
    bot.settle(&event, &everyone, "my data").await;
    let file = zara
        .received()
        .into_iter()
        .rfind(|r| r.sender == bot_id && r.file.is_some())
        .expect("a file from the bot");
    let (bytes, encrypted) = file.file.unwrap();
    assert!(encrypted, "uploaded encrypted in the encrypted DM");
    assert!(file.body.starts_with("tandem-data-"), "{}", file.body);
    let data: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(data["person"], format!("matrix:{}", zara.id));

    // A report's evidence file, sent encrypted: the bot downloads and decrypts it and keeps
    // it on the case.
    for line in [
        "report",
        "1",
        "Tom",
        "no",
        "He posted my phone number in the group chat.",
    ] {
        let event = zara.say(&dm, line).await;
        bot.settle(&event, &everyone, line).await;
    }
    let evidence = b"Tom, 21:04: call her on 07700 900123".to_vec();
    let event = dm
        .send_attachment(
            "chat-log.txt",
            &mime::TEXT_PLAIN_UTF_8,
            evidence.clone(),
            matrix_sdk::attachment::AttachmentConfig::new(),
        )
        .await
        .unwrap()
        .event_id;
    bot.settle(&event, &everyone, "an evidence file").await;
    let kept = zara.last_from(&bot_id);
    assert!(
        kept.body.contains("So far: chat-log.txt (36 bytes)"),
        "{}",
        kept.body
    );
    for line in ["done", "no", "yes", "yes"] {
        let event = zara.say(&dm, line).await;
        bot.settle(&event, &everyone, line).await;
    }
    let store = bot.app.store();
    let case = store.cases().await.unwrap().pop().expect("the case");
    assert_eq!(case.files.len(), 1, "{case:?}");
    assert_eq!(
        store
            .evidence_data(case.id, case.files[0].id)
            .await
            .unwrap(),
        evidence,
        "decrypted and kept as sent"
    );
    bot.stop().await;
}

/// The last message the bot posted in `room`, as `person` received it.
fn last_in(person: &Person, room: &OwnedRoomId, bot: &UserId) -> Received {
    person
        .received()
        .into_iter()
        .rfind(|r| r.room == *room && r.sender == bot)
        .unwrap_or_else(|| panic!("the bot posted nothing in {room}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_card_starts_a_thread_that_gathers_its_follow_ups_and_answers_stay_where_asked() {
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, Vec::new()).await;
    let coordinators = RoomId::parse(bot.bot.coordinators_room().unwrap().id).unwrap();
    let staff = carol.client.get_room(&coordinators).expect("carol's room");
    wait_until_joined(&staff, &bot_id, "the coordinators' room").await;
    let dm = zara.open_dm(&bot_id).await;
    let everyone = [&carol, &zara];

    // A mentor's application waits for review: its card starts a thread.
    for &line in MENTOR_ANSWERS.iter().chain(&["submit"]) {
        let event = zara.say(&dm, line).await;
        bot.settle(&event, &everyone, line).await;
    }
    let card = last_in(&carol, &coordinators, &bot_id);
    assert!(card.body.starts_with("Application A1 ·"), "{}", card.body);
    assert_eq!(card.thread, None, "the card is at the top of the room");
    let room_ref = RoomRef::new(Platform::Matrix, coordinators.as_str());
    assert_eq!(
        bot.app.thread_root(&room_ref, "application-1").await,
        Some(card.event.to_string()),
        "its thread is remembered in the database"
    );

    // Carol asks in the card's thread: the bot answers there.
    let mut ask =
        RoomMessageEventContent::text_plain("!tandem ask 1 Which evenings are you usually free?");
    ask.relates_to = Some(Relation::Thread(ThreadRelation::plain(
        card.event.clone(),
        card.event.clone(),
    )));
    let event = staff.send(ask).await.unwrap().response.event_id;
    bot.settle(&event, &everyone, "ask in the thread").await;
    let reply = last_in(&carol, &coordinators, &bot_id);
    assert_eq!(reply.thread.as_ref(), Some(&card.event), "{}", reply.body);

    // A file asked for in the thread goes there too, with its message.
    let mut export = RoomMessageEventContent::text_plain("!tandem export applications");
    export.relates_to = Some(Relation::Thread(ThreadRelation::plain(
        card.event.clone(),
        reply.event.clone(),
    )));
    let event = staff.send(export).await.unwrap().response.event_id;
    bot.settle(&event, &everyone, "export in the thread").await;
    let sent: Vec<Received> = carol
        .received()
        .into_iter()
        .filter(|r| r.room == coordinators && r.sender == bot_id)
        .collect();
    let (text, file) = (&sent[sent.len() - 2], &sent[sent.len() - 1]);
    assert!(
        text.body.starts_with("Export of applications"),
        "{}",
        text.body
    );
    assert!(file.file.is_some(), "{}", file.body);
    assert_eq!(text.thread.as_ref(), Some(&card.event));
    assert_eq!(file.thread.as_ref(), Some(&card.event), "{}", file.body);

    // Zara's answer, by DM, arrives in the card's thread on its own.
    let question = zara.last_from(&bot_id);
    assert!(
        question.body.contains("Which evenings"),
        "{}",
        question.body
    );
    let event = zara.say(&dm, "Tuesdays and Thursdays").await;
    bot.settle(&event, &everyone, "the answer").await;
    let answer = last_in(&carol, &coordinators, &bot_id);
    assert!(
        answer
            .body
            .starts_with("Answer on application A1 from the applicant"),
        "{}",
        answer.body
    );
    assert_eq!(answer.thread.as_ref(), Some(&card.event));

    // A command typed at the top of the room is answered there, and showing the card
    // again does not move its thread.
    let event = carol.say(&staff, "!tandem show 1").await;
    bot.settle(&event, &everyone, "show").await;
    let shown = last_in(&carol, &coordinators, &bot_id);
    assert!(shown.body.starts_with("Application A1 ·"), "{}", shown.body);
    assert_eq!(shown.thread, None);
    assert_eq!(
        bot.app.thread_root(&room_ref, "application-1").await,
        Some(card.event.to_string())
    );
    bot.stop().await;
}

/// Cancels an application in progress (with its confirmation).
async fn h_cancel(bot: &RunningBot, who: &Person, dm: &Room, everyone: &[&Person]) {
    for line in ["cancel", "yes"] {
        let event = who.say(dm, line).await;
        bot.settle(&event, everyone, line).await;
    }
}

/// A TCP proxy to the homeserver that a test can cut: every open connection is dropped,
/// and new ones are closed at once, until it is restored.
struct Proxy {
    url: String,
    cut: Arc<std::sync::atomic::AtomicBool>,
    /// Bumped on each cut, so connections opened before it end.
    generation: Arc<tokio::sync::watch::Sender<u64>>,
}

impl Proxy {
    async fn start(target: &str) -> Proxy {
        let target = target
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let cut = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (generation, _) = tokio::sync::watch::channel(0u64);
        let generation = Arc::new(generation);
        let (cut_flag, gen_tx) = (cut.clone(), generation.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if cut_flag.load(Ordering::SeqCst) {
                    drop(inbound);
                    continue;
                }
                let target = target.clone();
                let mut cut_seen = gen_tx.subscribe();
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut_seen.changed() => {}
                    }
                });
            }
        });
        Proxy {
            url,
            cut,
            generation,
        }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        self.generation.send_modify(|g| *g += 1);
    }

    fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_cut_mid_sync_resumes_and_answers_what_was_sent_meanwhile_once() {
    let Some(url) = synapse_url() else { return };
    let proxy = Proxy::start(&url).await;
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let (bot, bot_id, _dirs) = small_bot_via(&url, &proxy.url, &carol, Vec::new()).await;
    let dm = zara.open_dm(&bot_id).await;
    let everyone = [&carol, &zara];
    let event = zara.say(&dm, "help").await;
    bot.settle(&event, &everyone, "help").await;

    // The bot's long-poll sync is cut; meanwhile Zara writes (to the homeserver, which is
    // up). Three seconds later the connection comes back.
    proxy.cut();
    let apply = zara.say(&dm, "apply").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        !bot.bot.has_handled(&apply),
        "nothing gets through while cut"
    );
    proxy.restore();
    bot.settle(&apply, &everyone, "apply, after the cut").await;
    let asked: Vec<String> = zara
        .received()
        .into_iter()
        .filter(|r| {
            r.sender == bot_id && r.body.contains("1. Mentor — you're a working professional")
        })
        .map(|r| r.body)
        .collect();
    assert_eq!(asked.len(), 1, "answered once: {asked:#?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_the_bot_cannot_decrypt_is_explained_and_the_next_one_is_answered() {
    use matrix_sdk::ruma::api::client::message::send_message_event::v3::Request as SendRequest;
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, Vec::new()).await;
    let dm = zara.open_dm(&bot_id).await;
    let everyone = [&carol, &zara];

    // An encrypted message under a session the bot never got a key for, sent straight to
    // the homeserver (as a client whose keys never arrived would leave it).
    let content = serde_json::json!({
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg2yyOwAtHaZTwyNg37afzg8f3r9IsN9rH4RNFg7MaZencUJe4qvELiDiopUjy5wYVDAtqdBzer5bWRD9ldxp1FLgbQvBcjkkywYjCsmsq6+hArLd9oAQZnGKn/qLxK2IqHfp6qC+4jh4i8d4d6mZAs2Q8q4ByIhUBpsunfVTnDhgIX9K8D6lwk/ZPApgY+NsTI2x9WZi+W5S1MtyE+6vPi2ui/X3W60D/n5KLPkEpj/qi6UD3DYAPO2m0m7/P5kbZUa81ATpTuYbvAMYRYcwXg/26SagTq8OhLjJ4Y9tvt4/UMt4eKbTbrXUR5tF8YXU4tjG+MKGbe9HmgoD4nI3Q/JeL5zJpe1fNjqiWdbSE5dg/Yv6mBOJKkSMAg",
        "device_id": "NOTADEVICE",
        "sender_key": "uUApUuSUk+zcD3fB1FbRJ+RZhkCXa6/N2ypbAHYLtTU",
        "session_id": "yBEAoP0RCPfWmB6wBdO64hpl/2ux7FOKanm2ZWyzpPo",
    });
    let request = SendRequest::new_raw(
        dm.room_id().to_owned(),
        matrix_sdk::ruma::TransactionId::new(),
        "m.room.encrypted".into(),
        matrix_sdk::ruma::serde::Raw::new(&content)
            .unwrap()
            .cast_unchecked(),
    );
    let event = zara.client.send(request).await.unwrap().event_id;
    bot.settle(&event, &everyone, "an undecryptable message")
        .await;
    let said = zara.last_from(&bot_id);
    assert!(
        said.body
            .starts_with("I could not decrypt your last message"),
        "{}",
        said.body
    );

    // The bot carries on: the next message is read and answered.
    let event = zara.say(&dm, "help").await;
    bot.settle(&event, &everyone, "help").await;
    let help = zara.last_from(&bot_id);
    assert_ne!(help.event, said.event);
    assert!(
        !help.body.starts_with("I could not decrypt"),
        "{}",
        help.body
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_direct_room_with_a_third_member_is_not_taken_for_a_dm() {
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let amina = Person::new(&url, "amina").await;
    let tom = Person::new(&url, "tom").await;
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, Vec::new()).await;
    // Amina makes a room flagged as direct with the bot, and Tom is in it too.
    let mut request = CreateRoomRequest::new();
    request.is_direct = true;
    request.preset = Some(RoomPreset::TrustedPrivateChat);
    request.invite = vec![bot_id.clone(), tom.id.clone()];
    request.initial_state = vec![
        InitialStateEvent::with_empty_state_key(
            RoomEncryptionEventContent::with_recommended_defaults(),
        )
        .to_raw_any(),
    ];
    let shared = amina.client.create_room(request).await.unwrap();
    wait_until_joined(&shared, &bot_id, "the shared room").await;
    wait_until_joined(&shared, &tom.id, "the shared room").await;
    let everyone = [&carol, &amina, &tom];
    let asked = amina.say(&shared, "my data").await;
    bot.settle(&asked, &everyone, "my data in a shared room")
        .await;
    // (Settled once anyone in the room has it; Tom's client may be a moment behind.)
    wait_for("Tom to see the notice", || async {
        tom.received()
            .iter()
            .any(|r| r.room == shared.room_id() && r.sender == bot_id)
    })
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let from_bot_in_shared: Vec<Received> = tom
        .received()
        .into_iter()
        .filter(|r| r.room == shared.room_id() && r.sender == bot_id)
        .collect();
    assert_eq!(from_bot_in_shared.len(), 1, "{from_bot_in_shared:?}");
    assert!(
        from_bot_in_shared[0].body.contains("other people in it"),
        "{}",
        from_bot_in_shared[0].body
    );
    assert!(
        tom.received().iter().all(|r| r.file.is_none()),
        "Tom receives no data"
    );
    // A new private DM is opened with her alone, and there `my data` works.
    let greeting = amina.last_from(&bot_id);
    assert_ne!(greeting.room, shared.room_id());
    assert!(
        greeting.body.contains("talk privately"),
        "{}",
        greeting.body
    );
    let dm = amina
        .client
        .get_room(&greeting.room)
        .expect("she joined the new DM");
    wait_until_joined(&dm, &amina.id, "the new DM").await;
    let members: Vec<OwnedUserId> = dm
        .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
        .await
        .unwrap()
        .iter()
        .map(|m| m.user_id().to_owned())
        .collect();
    assert_eq!(members.len(), 2, "{members:?}");
    let asked = amina.say(&dm, "my data").await;
    bot.settle(&asked, &everyone, "my data in the new DM").await;
    let data = amina.last_from(&bot_id);
    assert_eq!(data.room, dm.room_id());
    assert!(
        data.file.is_some(),
        "the file arrives in the private DM: {}",
        data.body
    );
    assert!(
        tom.received().iter().all(|r| r.room != dm.room_id()),
        "Tom is not in it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_of_the_report_command_reports_that_message_privately_and_is_removed() {
    use matrix_sdk::ruma::events::relation::InReplyTo;
    use matrix_sdk::ruma::events::room::message::Relation as MessageRelation;
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let tom = Person::new(&url, "tom").await;
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, Vec::new()).await;
    // Tom's community room, where the bot may remove messages.
    let mut request = CreateRoomRequest::new();
    request.preset = Some(RoomPreset::PrivateChat);
    request.invite = vec![bot_id.clone(), zara.id.clone()];
    request.initial_state = vec![
        InitialStateEvent::with_empty_state_key(
            RoomEncryptionEventContent::with_recommended_defaults(),
        )
        .to_raw_any(),
    ];
    let community = tom.client.create_room(request).await.unwrap();
    wait_until_joined(&community, &bot_id, "the community room").await;
    wait_until_joined(&community, &zara.id, "the community room").await;
    community
        .update_power_levels(vec![(&bot_id, matrix_sdk::ruma::Int::from(50))])
        .await
        .unwrap();
    let everyone = [&carol, &zara, &tom];
    let rude = tom.say(&community, "Send me your number or else.").await;
    let zara_in = zara.client.get_room(community.room_id()).unwrap();
    wait_for("zara to see Tom's message", || async {
        zara.received().iter().any(|r| r.event == rude)
    })
    .await;

    // Zara answers Tom's message with the report command.
    let mut report = RoomMessageEventContent::text_plain("!tandem report");
    report.relates_to = Some(MessageRelation::Reply(
        matrix_sdk::ruma::events::relation::Reply::new(InReplyTo::new(rude.clone())),
    ));
    let command = zara_in.send(report).await.unwrap().response.event_id;
    bot.settle(&command, &everyone, "the reply report").await;
    let link = community
        .room_id()
        .matrix_to_event_uri(rude.clone())
        .to_string();
    let asked = zara.last_from(&bot_id);
    assert_ne!(
        asked.room,
        community.room_id(),
        "asked by DM: {}",
        asked.body
    );
    assert!(
        tom.received().iter().all(|r| r.sender != bot_id),
        "nothing is said in the room"
    );
    wait_for("the command to be removed", || async {
        tom.client
            .get_room(community.room_id())
            .unwrap()
            .event(&command, None)
            .await
            .is_ok_and(|e| {
                e.raw()
                    .get_field::<serde_json::Value>("content")
                    .ok()
                    .flatten()
                    .is_some_and(|c| c.as_object().is_some_and(|o| o.is_empty()))
            })
    })
    .await;

    // She finishes the report in the DM: the case holds the link to Tom's message and the
    // bot's copy of it (decrypted), which moderators outside the room can read.
    let dm = zara.client.get_room(&asked.room).unwrap();
    for line in [
        "1",
        "Tom",
        "no",
        "He threatened me in the community room.",
        "done",
        "no",
        "no",
        "yes",
    ] {
        let event = zara.say(&dm, line).await;
        bot.settle(&event, &everyone, line).await;
    }
    let case = bot
        .app
        .store()
        .cases()
        .await
        .unwrap()
        .pop()
        .expect("a case");
    assert_eq!(case.evidence.as_deref(), Some(link.as_str()), "{case:?}");
    let copy = case.copy.clone().unwrap_or_default();
    assert!(copy.starts_with(&format!("{}, ", tom.id)), "{copy}");
    assert!(copy.ends_with(": “Send me your number or else.”"), "{copy}");

    // Her own message cannot be reported this way; she is told so by DM.
    let own = zara.say(&zara_in, "I won't.").await;
    let mut report = RoomMessageEventContent::text_plain("!tandem report");
    report.relates_to = Some(MessageRelation::Reply(
        matrix_sdk::ruma::events::relation::Reply::new(InReplyTo::new(own)),
    ));
    let command = zara_in.send(report).await.unwrap().response.event_id;
    bot.settle(&command, &everyone, "a report of her own message")
        .await;
    let said = zara.last_from(&bot_id);
    assert!(
        said.body.starts_with("That is your own message."),
        "{}",
        said.body
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invite_from_a_server_that_is_not_allowed_is_declined() {
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let stranger = Person::new(&url, "stranger").await;
    // Only example.org may invite this bot; the coordinators' room is joined by config.
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, vec!["example.org".into()]).await;
    let room = stranger.open_dm_without_waiting(&bot_id).await;
    wait_for("the bot to decline the invite", || {
        let room = room.clone();
        let bot = bot_id.clone();
        async move {
            room.get_member_no_sync(&bot)
                .await
                .ok()
                .flatten()
                .is_some_and(|m| {
                    *m.membership()
                        == matrix_sdk::ruma::events::room::member::MembershipState::Leave
                })
        }
    })
    .await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_homeserver_that_is_down_is_retried_until_the_deadline_with_a_clear_error() {
    let settings = MatrixSettings {
        homeserver_url: "http://127.0.0.1:9".into(),
        user_id: "@tandem:localhost".into(),
        store_dir: None,
        allowed_servers: Vec::new(),
        coordinators_room: None,
        moderators_room: None,
        events_room: None,
        space: None,
        appservice: None,
    };
    let store_dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let error = MatrixBot::connect(MatrixOptions {
        settings,
        secrets: MatrixSecrets {
            password: Some("x".into()),
            ..MatrixSecrets::default()
        },
        default_store_dir: store_dir.path().join("matrix"),
        sync_timeout: Duration::from_secs(1),
        connect_deadline: Some(Duration::from_secs(3)),
    })
    .await
    .err()
    .expect("no homeserver, no connection");
    let message = format!("{error:#}");
    assert!(
        message.contains("logging in to Matrix: gave up"),
        "{message}"
    );
    // It tried more than once before giving up.
    assert!(
        started.elapsed() >= Duration::from_millis(1400),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_announced_in_a_room_is_answered_with_a_reaction() {
    let Some(url) = synapse_url() else { return };
    let carol = Person::new(&url, "carol").await;
    let zara = Person::new(&url, "zara").await;
    let (bot, bot_id, _dirs) = small_bot(&url, &carol, Vec::new()).await;
    let everyone = [&carol, &zara];
    // An events room of the community: the bot and Zara are invited, and join.
    let mut request = CreateRoomRequest::new();
    request.name = Some("Events".into());
    request.preset = Some(RoomPreset::PrivateChat);
    request.invite = vec![bot_id.clone(), zara.id.clone()];
    let events = carol
        .client
        .create_room(request)
        .await
        .expect("the events room")
        .room_id()
        .to_owned();
    let carol_events = carol.client.get_room(&events).unwrap();
    wait_until_joined(&carol_events, &bot_id, "the events room").await;
    wait_until_joined(&carol_events, &zara.id, "the events room").await;

    let coordinators = carol
        .client
        .joined_rooms()
        .into_iter()
        .find(|r| r.room_id() != events)
        .expect("the coordinators' room");
    let line = format!(
        "!tandem event create title: Social; start: 2027-01-14 18:30 UTC; length: 1h; room: {events}"
    );
    let event = carol.say(&coordinators, &line).await;
    bot.settle(&event, &everyone, "event create").await;
    bot.app.run_due_jobs().await.unwrap();
    let mut announcement = None;
    wait_for("the announcement", || {
        announcement = zara
            .received()
            .into_iter()
            .find(|r| r.room == events && r.body.starts_with("📅 Social"));
        let found = announcement.is_some();
        async move { found }
    })
    .await;
    let announcement = announcement.unwrap();
    assert!(
        announcement.body.contains("1. Yes\n2. No\n3. Maybe"),
        "{}",
        announcement.body
    );

    // Zara reacts 1️⃣ (Yes): her answer is confirmed by DM.
    let zara_events = zara.client.get_room(&events).unwrap();
    let reaction = ReactionEventContent::new(Annotation::new(
        announcement.event.clone(),
        "1\u{fe0f}\u{20e3}".to_string(),
    ));
    let event = zara_events.send(reaction).await.unwrap().response.event_id;
    bot.settle(&event, &everyone, "the reaction").await;
    wait_for("the confirmation", || {
        let confirmed = zara
            .received()
            .iter()
            .any(|r| r.sender == bot_id && r.body.starts_with("You're going to Social"));
        async move { confirmed }
    })
    .await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_reads_a_moderators_display_name_and_the_name_they_took_in_the_moderators_room() {
    use matrix_sdk::ruma::events::room::member::{MembershipState, RoomMemberEventContent};
    use tandem::ports::DirectMessenger;
    let Some(url) = synapse_url() else { return };
    let mo = Person::new(&url, "mo").await;
    mo.client
        .account()
        .set_display_name(Some("Maureen Okafor"))
        .await
        .expect("she sets a display name");
    let bot_name = unique("tandem");
    register(&url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let moderators = staff_room(&mo, &bot_id, "Moderators").await;
    // A name of her own in that room, as any member may take.
    let room = mo.client.get_room(&moderators).expect("her room");
    let mut member = RoomMemberEventContent::new(MembershipState::Join);
    member.displayname = Some("Reenie".into());
    room.send_state_event_for_key(&mo.id, member)
        .await
        .expect("she takes a name in the room");
    let mut settings = bot_settings(&url, bot_id.as_str(), &moderators);
    settings.coordinators_room = None;
    settings.moderators_room = Some(moderators.to_string());
    let dir = tempfile::tempdir().unwrap();
    let bot = MatrixBot::connect(test_options(settings, dir.path()))
        .await
        .expect("the bot connects");
    assert_eq!(
        bot.display_names(&mo.user()).await.expect("her names"),
        ["Maureen Okafor", "Reenie"]
    );
    // An account that does not exist has no names (and is no error to stop on).
    let nobody = UserRef::new(Platform::Matrix, format!("@{}:localhost", unique("nobody")));
    assert_eq!(
        bot.display_names(&nobody).await.expect("no names"),
        Vec::<String>::new()
    );
}
