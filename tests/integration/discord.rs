//! The Discord adapter, serenity unmodified, against the fake of Discord's REST API and
//! gateway in `discord_fake.rs`: slash commands, buttons, select menus and forms; the
//! refusals; DMs closed; a 429; a gateway drop and resume; pair threads.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hyper::Method;
use serde_json::{Value, json};
use tokio::task::JoinHandle;

use tandem::app::{App, AppSettings, ManualClock, Ports};
use tandem::config::DiscordSettings;
use tandem::domain::incident::{Moderation, default_categories};
use tandem::domain::{Place, Platform, Programme, RoomRef, UserRef};
use tandem::flows::{Content, Inbound, OutMessage};
use tandem::platforms::console::{ConsoleLine, parse_line};
use tandem::platforms::discord::render::render;
use tandem::platforms::discord::{DiscordBot, DiscordOptions};
use tandem::platforms::recording::Recording;
use tandem::ports::{
    DirectMessenger, IdempotencyKey, PrivateRoomSpec, RoomMessenger, RoomProvisioner,
};
use tandem::storage::{Sealer, Store};

use crate::discord_fake::{
    APPLICATION_ID, BOT_ID, DiscordFake, GUILD_ID, State, TOKEN, from_bot, is_id,
};
use crate::support::{TestDb, example_programmes, start_time};

const WAIT: Duration = Duration::from_secs(20);

struct Running {
    fake: DiscordFake,
    bot: Arc<DiscordBot>,
    app: App,
    /// The moderators' channel, and the moderator (on call too).
    moderators: u64,
    moderator: u64,
    serve: JoinHandle<anyhow::Result<()>>,
    coordinators: u64,
    pairs: u64,
    clock: Arc<ManualClock>,
    options: DiscordOptions,
    store: Store,
    programmes: Vec<Programme>,
    _db: TestDb,
}

impl Running {
    async fn stop(self) {
        self.bot.stop().await;
        let _ = tokio::time::timeout(WAIT, self.serve).await;
    }

    /// Stops the bot and starts a new one on the same database, as a restart would.
    async fn restart(&mut self) {
        let settings = staff_settings(self.coordinators, self.moderators, self.moderator);
        self.restart_with(&settings).await;
    }

    /// [`Running::restart`] with other settings.
    async fn restart_with(&mut self, settings: &AppSettings) {
        self.bot.stop().await;
        let _ = tokio::time::timeout(WAIT, &mut self.serve).await;
        let (bot, app, serve) = launch(
            &self.options,
            &self.store,
            &self.programmes,
            &self.clock,
            settings,
        )
        .await;
        self.bot = bot;
        self.app = app;
        self.serve = serve;
    }

    /// Waits until the bot has handled `count` inbound messages since it started.
    async fn settle(&self, count: usize, what: &str) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while self.bot.handled() < count {
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out: the bot handled {} of {count} messages ({what})",
                self.bot.handled()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

fn discord(id: u64) -> UserRef {
    UserRef::new(Platform::Discord, id.to_string())
}

fn programmes_with_coordinators(coordinators: &[u64]) -> Vec<Programme> {
    with_coordinators(example_programmes(), coordinators)
}

/// `programmes`, coordinated by these Discord users.
fn with_coordinators(programmes: Vec<Programme>, coordinators: &[u64]) -> Vec<Programme> {
    programmes
        .into_iter()
        .map(|mut p| {
            p.coordinators = coordinators.iter().map(|c| discord(*c)).collect();
            p
        })
        .collect()
}

fn app_settings(coordinators: u64) -> AppSettings {
    AppSettings {
        coordinators_rooms: vec![RoomRef::new(Platform::Discord, coordinators.to_string())],
        moderators_rooms: vec![],
        events_rooms: vec![],
        ..AppSettings::default()
    }
}

/// [`app_settings`] with the moderators' channel and one moderator, on call.
fn staff_settings(coordinators: u64, moderators: u64, moderator: u64) -> AppSettings {
    AppSettings {
        moderators_rooms: vec![RoomRef::new(Platform::Discord, moderators.to_string())],
        moderation: Moderation {
            moderators: vec![discord(moderator)],
            on_call: vec![discord(moderator)],
            categories: default_categories(),
            max_reports_per_day: 3,
            escalate_after_minutes: 30,
            escalation_contact: None,
            ..Moderation::default()
        },
        ..app_settings(coordinators)
    }
}

/// Starts the fake and a bot connected to it, serving an app with these coordinators.
async fn start(coordinator_names: &[&str]) -> (Running, Vec<u64>) {
    start_with(coordinator_names, |_, _| {}).await
}

/// [`start`], with a chance to change the settings (given the fake, to add channels).
async fn start_with(
    coordinator_names: &[&str],
    change: impl FnOnce(&DiscordFake, &mut DiscordSettings),
) -> (Running, Vec<u64>) {
    start_in(example_programmes(), coordinator_names, change).await
}

/// [`start_with`], serving `programmes` (their coordinators replaced by these).
async fn start_in(
    programmes: Vec<Programme>,
    coordinator_names: &[&str],
    change: impl FnOnce(&DiscordFake, &mut DiscordSettings),
) -> (Running, Vec<u64>) {
    start_built(|_| programmes, coordinator_names, change).await
}

/// [`start_in`], with the programmes made once the fake is up (to name its channels).
async fn start_built(
    programmes: impl FnOnce(&DiscordFake) -> Vec<Programme>,
    coordinator_names: &[&str],
    change: impl FnOnce(&DiscordFake, &mut DiscordSettings),
) -> (Running, Vec<u64>) {
    crate::support::init_logging();
    let fake = DiscordFake::start().await;
    // Discord's limits, with route buckets quicker to reset (see `Strictness::quick`).
    fake.lock().strict = crate::discord_fake::Strictness::quick();
    let programmes = programmes(&fake);
    let coordinators = fake.add_channel("coordinators");
    let moderators = fake.add_channel("moderators");
    let pairs = fake.add_channel("pairs");
    let moderator = fake.add_user("mo");
    let staff: Vec<u64> = coordinator_names.iter().map(|n| fake.add_user(n)).collect();
    let mut settings = DiscordSettings {
        application_id: APPLICATION_ID,
        guild_ids: vec![GUILD_ID],
        coordinators_channel: Some(coordinators),
        moderators_channel: Some(moderators),
        events_channel: None,
        pairs_channel: Some(pairs),
        pairs_category: None,
        message_content: false,
    };
    change(&fake, &mut settings);
    let options = DiscordOptions {
        settings,
        token: TOKEN.into(),
        room_prefix: "!tandem".into(),
        http_client: Some(fake.http_client()),
    };
    let db = TestDb::sqlite();
    let store = Store::open(&db.url)
        .await
        .unwrap()
        .with_case_key(Sealer::from_text(&"1f".repeat(32)).unwrap());
    let programmes = with_coordinators(programmes, &staff);
    let clock = Arc::new(ManualClock::new(start_time()));
    let settings = staff_settings(coordinators, moderators, moderator);
    let (bot, app, serve) = launch(&options, &store, &programmes, &clock, &settings).await;
    fake.wait_for("slash commands registered", WAIT, |s| {
        s.commands
            .get(&GUILD_ID)
            .filter(|c| c.len() >= 9)
            .map(|_| ())
    })
    .await;
    let running = Running {
        fake,
        bot,
        app,
        moderators,
        moderator,
        serve,
        coordinators,
        pairs,
        clock,
        options,
        store,
        programmes,
        _db: db,
    };
    (running, staff)
}

/// Connects a bot and serves an app with it until it is stopped, having learned the names
/// the moderation team goes by, as `tandem run` does.
async fn launch(
    options: &DiscordOptions,
    store: &Store,
    programmes: &[Programme],
    clock: &Arc<ManualClock>,
    settings: &AppSettings,
) -> (Arc<DiscordBot>, App, JoinHandle<anyhow::Result<()>>) {
    let bot = DiscordBot::connect(options.clone())
        .await
        .expect("the bot builds its clients");
    let mut app = App::new(
        store.clone(),
        programmes.to_vec(),
        Ports {
            dm: bot.clone(),
            rooms: bot.clone(),
            provisioner: bot.clone(),
        },
        clock.clone(),
        settings.clone(),
    );
    app.learn_staff_names().await;
    let serve = {
        let bot = bot.clone();
        let app = app.clone();
        tokio::spawn(async move { bot.serve(app).await })
    };
    assert!(
        bot.wait_ready(WAIT).await,
        "the bot connects to the fake gateway"
    );
    (bot, app, serve)
}

/// The bot's messages in a channel, as first sent (an answered prompt shows the answer
/// after `→`, which is taken off).
fn bot_texts(state: &State, channel: u64) -> Vec<String> {
    state
        .messages_in(channel)
        .into_iter()
        .filter(from_bot)
        .map(|m| {
            let content = m["content"].as_str().unwrap_or_default().to_string();
            match (m["edited_timestamp"].is_null(), content.rsplit_once("\n→ ")) {
                (_, Some((before, _))) => before.to_string(),
                _ => content,
            }
        })
        .collect()
}

/// Waits for the bot's next message in `channel` after the first `seen`, and returns it.
async fn next_from_bot(fake: &DiscordFake, channel: u64, seen: usize) -> Value {
    fake.wait_for("the bot's next message", WAIT, |s| {
        s.messages_in(channel)
            .into_iter()
            .filter(from_bot)
            .nth(seen)
    })
    .await
}

/// Waits for the bot's message number `seen` in `channel` (from 0) and checks it is the
/// programme's welcome.
async fn expect_welcome(fake: &DiscordFake, channel: u64, seen: usize) {
    let welcome = next_from_bot(fake, channel, seen).await;
    let text = welcome["content"].as_str().unwrap();
    assert!(text.starts_with("Welcome to"), "{text}");
}

fn bot_count(state: &State, channel: u64) -> usize {
    bot_texts(state, channel).len()
}

/// The custom id of the control whose value (button) or kind matches.
fn custom_id(message: &Value, value: Option<&str>) -> String {
    let controls = message["components"][0]["components"]
        .as_array()
        .unwrap_or_else(|| panic!("no controls on {message}"));
    controls
        .iter()
        .map(|c| c["custom_id"].as_str().unwrap().to_string())
        .find(|id| value.is_none_or(|v| id.ends_with(&format!("|{v}"))))
        .unwrap_or_else(|| panic!("no control for {value:?} on {message}"))
}

/// One step of Amina's application: how it is done on Discord, and the same typed.
enum Step {
    Slash(
        &'static str,
        &'static [(&'static str, &'static str)],
        &'static str,
    ),
    Button(&'static str, &'static str),
    Select(&'static [&'static str], &'static str),
    Form(&'static str),
    Type(&'static str),
}

/// Amina's application from the screening demo (`tests/fixtures/screening_demo.txt`).
const AMINA: &[Step] = &[
    Step::Slash("apply", &[], "apply"),
    Step::Button("mentee", "mentee"),
    Step::Form("Amina"),
    Step::Type("19"),
    Step::Form("Africa/Nairobi"),
    Step::Form("English, Swahili"),
    Step::Button("looking-for-my-first-job", "2"),
    Step::Select(&["technology", "retail-and-hospitality"], "1, 3"),
    Step::Select(&["writing-a-cv", "preparing-for-interviews"], "1 2"),
    Step::Button("no", "no"),
    Step::Form("I want a CV I'm proud of and my first job in tech."),
    Step::Type("3"),
    Step::Form(""),
    Step::Button("yes", "I agree"),
    Step::Type("submit"),
    Step::Button("yes", "I agree"),
];

/// What the same application typed in the console produces: every DM to the applicant, as
/// the Discord adapter renders it, and the coordinators' posts.
async fn typed_reference(
    amina: u64,
    coordinators: u64,
    staff: &[u64],
) -> (Vec<String>, Vec<String>) {
    let db = TestDb::sqlite();
    let store = Store::open(&db.url).await.unwrap();
    let rec = Recording::new();
    let app = App::new(
        store,
        programmes_with_coordinators(staff),
        Ports {
            dm: Arc::new(rec.clone()),
            rooms: Arc::new(rec.clone()),
            provisioner: Arc::new(rec.clone()),
        },
        Arc::new(ManualClock::new(start_time())),
        app_settings(coordinators),
    );
    for step in AMINA {
        let typed = match step {
            Step::Slash(_, _, t) | Step::Button(_, t) | Step::Select(_, t) | Step::Type(t) => *t,
            Step::Form("") => "skip",
            Step::Form(t) => t,
        };
        app.receive(Inbound {
            from: discord(amina),
            place: Place::Dm,
            content: Content::Text(typed.into()),
            files: vec![],
        })
        .await;
    }
    let owner = amina.to_string();
    let dms = rec
        .dms_to(&discord(amina))
        .iter()
        .map(|m| render(m, Some(&owner)).parts.join("\n"))
        .collect();
    let room = RoomRef::new(Platform::Discord, coordinators.to_string());
    let posts = rec
        .posts_in(&room)
        .iter()
        .map(|m| render(m, None).parts.join("\n"))
        .collect();
    (dms, posts)
}

#[tokio::test]
async fn an_application_made_with_a_slash_command_buttons_menus_and_forms_matches_the_console() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    let lobby = fake.add_channel("lobby");

    for step in AMINA {
        let dm = fake.lock().dm_channel(amina);
        let seen = dm.map(|c| bot_count(&fake.lock(), c)).unwrap_or(0);
        let prompt = dm.and_then(|c| fake.lock().last_from_bot(c));
        match step {
            Step::Slash(name, options, _) => {
                let id = fake.slash(amina, Some(lobby), name, options);
                let original = fake.final_reply(id, WAIT).await;
                assert_eq!(original["content"], "I've answered in our direct messages.");
                let response = &fake.lock().responses[&id][0];
                assert_eq!(response["type"], 5, "deferred first");
                assert_eq!(response["data"]["flags"], 64, "only Amina sees it");
            }
            Step::Button(value, _) => {
                let prompt = prompt.expect("a prompt");
                let id = fake.press(amina, &prompt, &custom_id(&prompt, Some(value)));
                let response = fake
                    .wait_for("the press's response", WAIT, |s| {
                        s.responses.get(&id).cloned()
                    })
                    .await;
                assert_eq!(response[0]["type"], 7, "the prompt is updated in place");
                assert_eq!(response[0]["data"]["components"], json!([]));
            }
            Step::Select(values, _) => {
                let prompt = prompt.expect("a prompt");
                let menu = &prompt["components"][0]["components"][0];
                assert_eq!(menu["type"], 3, "a select menu: {prompt}");
                assert_eq!(
                    (menu["min_values"].clone(), menu["max_values"].clone()),
                    (json!(1), json!(3))
                );
                fake.select(amina, &prompt, menu["custom_id"].as_str().unwrap(), values);
            }
            Step::Form(answer) => {
                let prompt = prompt.expect("a prompt");
                let button = custom_id(&prompt, None);
                let id = fake.press(amina, &prompt, &button);
                let modal = fake
                    .wait_for("the form", WAIT, |s| s.responses.get(&id).cloned())
                    .await;
                assert_eq!(modal[0]["type"], 9, "a modal opens: {modal:?}");
                let form_id = modal[0]["data"]["custom_id"].as_str().unwrap().to_string();
                fake.submit_form(amina, &prompt, &form_id, answer);
            }
            Step::Type(text) => {
                fake.dm(amina, text);
            }
        }
        let dm = fake
            .wait_for("Amina's DM", WAIT, |s| s.dm_channel(amina))
            .await;
        next_from_bot(fake, dm, seen).await;
        // Let the step's last messages arrive before the next step reads "the prompt".
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    let coordinators = run.coordinators;
    let (expected_dms, expected_posts) = typed_reference(amina, coordinators, &staff).await;
    let dm = fake.lock().dm_channel(amina).unwrap();
    // Everything has arrived: the last step waited for its answer.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (dms, posts) = {
        let state = fake.lock();
        (bot_texts(&state, dm), bot_texts(&state, coordinators))
    };
    assert_eq!(dms, expected_dms);
    assert_eq!(posts, expected_posts);
    assert!(
        expected_posts[0].contains("ready to be matched"),
        "{expected_posts:?}"
    );
    run.stop().await;
}

/// The interaction's response, once the bot has given it.
async fn response_to(fake: &DiscordFake, interaction: u64) -> Value {
    fake.wait_for("the interaction's response", WAIT, |s| {
        s.responses.get(&interaction).map(|r| r[0].clone())
    })
    .await
}

/// Asserts a response is a message only the person sees, and returns its text.
fn ephemeral_text(response: &Value) -> String {
    assert_eq!(response["type"], 4, "a message: {response}");
    assert_eq!(response["data"]["flags"], 64, "ephemeral: {response}");
    response["data"]["content"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn presses_by_someone_else_on_answered_prompts_or_unknown_controls_are_refused_privately() {
    let (mut run, staff) = start(&["carol"]).await;
    let fake = &run.fake.clone();
    let amina = fake.add_user("amina");
    let bob = fake.add_user("bob");
    let lobby = fake.add_channel("lobby");
    fake.slash(amina, Some(lobby), "apply", &[]);
    let dm = fake
        .wait_for("Amina's DM", WAIT, |s| s.dm_channel(amina))
        .await;
    let role_prompt = next_from_bot(fake, dm, 1).await;
    let mentee = custom_id(&role_prompt, Some("mentee"));

    let refused = fake.press(bob, &role_prompt, &mentee);
    let text = ephemeral_text(&response_to(fake, refused).await);
    assert!(text.contains("for someone else"), "{text}");
    let unknown = fake.press(amina, &role_prompt, "not-ours");
    let text = ephemeral_text(&response_to(fake, unknown).await);
    assert!(text.contains("no longer in use"), "{text}");

    // Amina answers by typing instead: the prompt loses its buttons, and a press on the
    // copy she still sees is refused.
    let seen = bot_count(&fake.lock(), dm);
    fake.dm(amina, "mentee");
    next_from_bot(fake, dm, seen).await;
    fake.wait_for("the old prompt's buttons removed", WAIT, |s| {
        s.messages
            .iter()
            .find(|m| m["id"] == role_prompt["id"])
            .filter(|m| m["components"] == json!([]))
            .map(|_| ())
    })
    .await;
    let stale = fake.press(amina, &role_prompt, &mentee);
    let text = ephemeral_text(&response_to(fake, stale).await);
    assert_eq!(text, "This question was already answered.");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let texts = bot_texts(&fake.lock(), dm);
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("Great, you're applying as a mentee"))
            .count(),
        1,
        "only Amina's own answer was taken: {texts:#?}"
    );

    // A form opened on a question that is then answered by typing is refused when
    // submitted later, even after a restart (when the bot's memory of answered prompts is
    // gone): the conversation itself says which question it waits on.
    let name_prompt = fake.lock().last_from_bot(dm).unwrap();
    assert!(
        name_prompt["content"]
            .as_str()
            .unwrap()
            .starts_with("Question 1 of 12")
    );
    let open = fake.press(amina, &name_prompt, &custom_id(&name_prompt, None));
    let form = response_to(fake, open).await["data"]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    let seen = bot_count(&fake.lock(), dm);
    fake.dm(amina, "Amina");
    next_from_bot(fake, dm, seen).await;
    run.restart().await;
    let late = fake.submit_form(amina, &name_prompt, &form, "Someone else");
    assert_eq!(
        ephemeral_text(&response_to(fake, late).await),
        "This question was already answered."
    );

    // Staff commands are hidden from members without the permission.
    let registered = fake.lock().commands[&GUILD_ID].clone();
    let permission = |name: &str| {
        registered
            .iter()
            .find(|c| c["name"] == name)
            .map(|c| c["default_member_permissions"].clone())
            .unwrap()
    };
    assert_eq!(
        permission("coordinate"),
        json!((1u64 << 13).to_string()),
        "Manage Messages"
    );
    assert_eq!(
        permission("moderate"),
        json!((1u64 << 40).to_string()),
        "Moderate Members"
    );
    assert_eq!(permission("apply"), Value::Null, "everyone");
    // A staff command outside its channel points to the right one, privately.
    let misplaced = fake.slash(staff[0], Some(lobby), "coordinate", &[("command", "queue")]);
    let text = ephemeral_text(&response_to(fake, misplaced).await);
    assert_eq!(
        text,
        format!(
            "Use /coordinate in the coordinators' channel, <#{}>.",
            run.coordinators
        )
    );
    run.stop().await;
}

#[tokio::test]
async fn coordinate_works_in_a_programmes_own_channel_and_acts_on_that_programme_only() {
    use tandem::domain::rooms::{NamedRoom, Serves};
    let own = std::sync::OnceLock::new();
    let (run, staff) = start_built(
        |fake| {
            let channel = fake.add_channel("pathways-staff");
            own.set(channel).unwrap();
            let mut pathways = example_programmes().remove(0);
            pathways.rooms.push(NamedRoom {
                platform: Platform::Discord,
                serves: Serves::Coordinators,
                written: channel.to_string(),
            });
            vec![pathways]
        },
        &["carol"],
        |_, _| {},
    )
    .await;
    let fake = &run.fake;
    let own = *own.get().unwrap();
    fake.slash(staff[0], Some(own), "coordinate", &[("command", "queue")]);
    fake.wait_for("the answer in the programme's channel", WAIT, |s| {
        s.messages_in(own)
            .into_iter()
            .filter(from_bot)
            .any(|m| m["content"].as_str().unwrap_or_default().contains("review"))
            .then_some(())
    })
    .await;
    // Another channel is still not a coordinators' one.
    let lobby = fake.add_channel("lobby");
    let misplaced = fake.slash(staff[0], Some(lobby), "coordinate", &[("command", "queue")]);
    let text = ephemeral_text(&response_to(fake, misplaced).await);
    assert!(
        text.starts_with("Use /coordinate in the coordinators' channel"),
        "{text}"
    );
    run.stop().await;
}

#[tokio::test]
async fn closed_dms_are_explained_a_rate_limit_only_delays_the_answer_and_files_are_attached() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let lobby = fake.add_channel("lobby");
    let shy = fake.add_user("shy");
    fake.lock().closed_dms.insert(shy);
    let id = fake.slash(shy, Some(lobby), "apply", &[]);
    let original = fake.final_reply(id, WAIT).await;
    assert!(
        original["content"]
            .as_str()
            .unwrap()
            .starts_with("I could not send you a direct message."),
        "{original}"
    );

    // Discord answers the first send with a 429: serenity waits and sends again.
    let amina = fake.add_user("amina");
    fake.fail_next(
        Method::POST,
        "/channels/",
        429,
        json!({"message": "You are being rate limited.", "retry_after": 0.4, "global": false}),
    );
    fake.dm(amina, "apply");
    let dm = fake.lock().dm_channel(amina).unwrap();
    expect_welcome(fake, dm, 0).await;
    let posts = fake
        .lock()
        .requests
        .iter()
        .filter(|r| **r == format!("POST /channels/{dm}/messages"))
        .count();
    let sent = bot_count(&fake.lock(), dm);
    assert_eq!(
        posts,
        sent + 1,
        "one send was refused with a 429 and retried"
    );

    // A file goes as an attachment of the message (multipart): here, her data.
    let bo = fake.add_user("bo");
    fake.dm(bo, "my data");
    let dm = fake.lock().dm_channel(bo).unwrap();
    let message = next_from_bot(fake, dm, 0).await;
    assert!(
        message["content"]
            .as_str()
            .unwrap()
            .starts_with("Here is everything Tandem stores about you"),
        "{message}"
    );
    let file = &message["attachments"][0];
    assert_eq!(file["filename"], format!("tandem-data-{bo}.json"));
    let data: Value = serde_json::from_str(file["test_text"].as_str().unwrap()).unwrap();
    assert_eq!(data["person"], format!("discord:{bo}"));
    run.stop().await;
}

#[tokio::test]
async fn a_conversation_waiting_on_a_slow_send_does_not_hold_up_another() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let (amina, bea) = (fake.add_user("amina"), fake.add_user("bea"));
    // Amina's DM exists first, and Discord is slow to take what is posted in it.
    fake.dm(amina, "hello");
    let amina_dm = fake
        .wait_for("Amina's DM", WAIT, |s| s.dm_channel(amina))
        .await;
    next_from_bot(fake, amina_dm, 0).await;
    let gate = fake.hold(Method::POST, &format!("/channels/{amina_dm}/messages"));
    fake.dm(amina, "apply");
    let post = format!("POST /channels/{amina_dm}/messages");
    fake.wait_for("Amina's answer on its way", WAIT, |s| {
        (s.requests.iter().filter(|r| **r == post).count() == 2).then_some(())
    })
    .await;
    // Meanwhile Bea is answered.
    fake.dm(bea, "apply");
    let bea_dm = fake.wait_for("Bea's DM", WAIT, |s| s.dm_channel(bea)).await;
    expect_welcome(fake, bea_dm, 0).await;
    assert_eq!(
        bot_count(&fake.lock(), amina_dm),
        1,
        "Amina's answer is still held"
    );
    gate.send(true).unwrap();
    expect_welcome(fake, amina_dm, 1).await;
    run.stop().await;
}

/// The bot's session is interrupted by `disturb`; what Amina sends meanwhile is replayed
/// when the bot resumes, and answered, without a new session.
async fn resumes_and_answers_what_was_sent_meanwhile(disturb: fn(&DiscordFake)) {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    disturb(fake);
    // Dispatched while the bot is away: Discord replays it on resume.
    fake.dm(amina, "apply");
    let dm = fake.lock().dm_channel(amina).unwrap();
    expect_welcome(fake, dm, 0).await;
    let (identifies, resumes) = {
        let s = fake.lock();
        (s.identifies, s.resumes)
    };
    assert_eq!(
        (identifies, resumes),
        (1, 1),
        "resumed, not identified again"
    );
    run.stop().await;
}

#[tokio::test]
async fn after_a_gateway_drop_the_bot_resumes_and_answers_what_was_sent_meanwhile() {
    resumes_and_answers_what_was_sent_meanwhile(DiscordFake::drop_gateway).await;
}

#[tokio::test]
async fn asked_to_reconnect_the_bot_resumes_and_answers_what_was_sent_meanwhile() {
    resumes_and_answers_what_was_sent_meanwhile(DiscordFake::request_reconnect).await;
}

#[tokio::test]
async fn after_an_invalid_session_the_bot_identifies_again_and_catches_up_with_what_it_missed() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    // Amina is applying (a DM the bot catches up with) when the session ends.
    fake.dm(amina, "apply");
    let dm = fake.lock().dm_channel(amina).unwrap();
    expect_welcome(fake, dm, 0).await;
    while run.bot.handled() < 1 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let seen = bot_count(&fake.lock(), dm);
    fake.invalidate_session();
    // Sent while the bot has no session: never replayed, only in the DM's history.
    fake.dm(amina, "mentee");
    fake.wait_for("a new session", WAIT, |s| (s.identifies == 2).then_some(()))
        .await;
    let next = next_from_bot(fake, dm, seen).await;
    assert!(
        next["content"]
            .as_str()
            .is_some_and(|t| !t.starts_with("Welcome")),
        "{next}"
    );
    assert_eq!(fake.lock().resumes, 0, "a new session, not a resumed one");
    run.stop().await;
}

fn pair_spec(a: u64, b: u64) -> PrivateRoomSpec {
    PrivateRoomSpec {
        name: "Amina & Grace — Pathways".into(),
        topic: "Pathways Mentoring 2027: Amina and Grace".into(),
        members: vec![discord(a), discord(b)],
        home: None,
    }
}

#[tokio::test]
async fn pair_rooms_are_private_threads_with_only_the_pair_and_the_bot() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let (amina, grace) = (fake.add_user("amina"), fake.add_user("grace"));
    let key = IdempotencyKey("pair-1".into());
    let room = run
        .bot
        .create_private_room(&pair_spec(amina, grace), &key)
        .await
        .expect("a pair thread");
    let thread: u64 = room.id.parse().unwrap();
    let (channel, members) = {
        let s = fake.lock();
        (
            s.channels[&thread].clone(),
            s.thread_members[&thread].clone(),
        )
    };
    assert_eq!(channel["type"], 12, "a private thread");
    assert_eq!(channel["parent_id"], run.pairs.to_string());
    assert_eq!(
        channel["thread_metadata"]["invitable"], false,
        "members cannot invite"
    );
    assert_eq!(
        members.into_iter().collect::<Vec<_>>(),
        [amina, grace, BOT_ID]
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );

    run.bot.set_read_only(&room, true, &key).await.unwrap();
    assert_eq!(
        fake.lock().channels[&thread]["thread_metadata"]["locked"],
        true
    );
    run.bot.set_read_only(&room, false, &key).await.unwrap();
    assert_eq!(
        fake.lock().channels[&thread]["thread_metadata"]["locked"],
        false
    );
    run.bot
        .remove_member(&room, &discord(grace), &key)
        .await
        .unwrap();
    assert!(!fake.lock().thread_members[&thread].contains(&grace));
    // Its history, oldest first, for a member's transcript: the bot's own words are
    // there; others' come empty without the Message Content intent, and say so.
    run.bot
        .post_in_room(&room, &OutMessage::text("Welcome, both!"), &key)
        .await
        .unwrap();
    fake.say(amina, thread, "");
    let history = run.bot.room_history(&room, 100).await.unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].text, "Welcome, both!");
    assert!(
        history[1].text.contains("Message Content intent"),
        "{history:?}"
    );
    // A closed match's thread is locked and archived: out of the list, still readable.
    run.bot.archive_room(&room, &key).await.unwrap();
    let metadata = fake.lock().channels[&thread]["thread_metadata"].clone();
    assert_eq!(
        (metadata["locked"].clone(), metadata["archived"].clone()),
        (json!(true), json!(true))
    );

    // Without permission to create threads, the error names what is missing.
    fake.fail_next(
        Method::POST,
        &format!("/channels/{}/threads", run.pairs),
        403,
        json!({"message": "Missing Permissions", "code": 50013}),
    );
    let error = run
        .bot
        .create_private_room(&pair_spec(amina, grace), &key)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("missing a permission") && error.contains("Create Private Threads"),
        "{error}"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_programmes_own_pairs_channel_or_category_takes_its_pair_rooms_instead_of_the_settings() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let (amina, grace) = (fake.add_user("amina"), fake.add_user("grace"));
    let youth = fake.add_channel("youth-pairs");
    let room = |home: tandem::ports::RoomHome, key: &str| {
        let spec = PrivateRoomSpec {
            home: Some(home),
            ..pair_spec(amina, grace)
        };
        let bot = run.bot.clone();
        let key = IdempotencyKey(key.into());
        async move { bot.create_private_room(&spec, &key).await }
    };
    let thread = room(
        tandem::ports::RoomHome {
            parent: Some(RoomRef::new(Platform::Discord, youth.to_string())),
            category: None,
        },
        "pair-youth",
    )
    .await
    .expect("a pair thread in the programme's channel");
    let thread: u64 = thread.id.parse().unwrap();
    assert_eq!(
        fake.lock().channels[&thread]["parent_id"],
        youth.to_string()
    );
    assert_ne!(youth, run.pairs);
    // A programme naming only a category gets private channels there, though the
    // settings name a pairs channel.
    let category = fake.add_category("Founders pairs");
    let channel = room(
        tandem::ports::RoomHome {
            parent: None,
            category: Some(RoomRef::new(Platform::Discord, category.to_string())),
        },
        "pair-founders",
    )
    .await
    .expect("a pair channel in the programme's category");
    let channel: u64 = channel.id.parse().unwrap();
    let made = fake.lock().channels[&channel].clone();
    assert_eq!(made["type"], 0, "a text channel");
    assert_eq!(made["parent_id"], category.to_string());
    run.stop().await;
}

#[tokio::test]
async fn without_a_pairs_channel_pair_rooms_are_private_channels_in_the_category() {
    let (run, _) = start_with(&["carol"], |fake, settings| {
        settings.pairs_channel = None;
        settings.pairs_category = Some(fake.add_category("Pairs"));
    })
    .await;
    let fake = &run.fake;
    let (amina, grace) = (fake.add_user("amina"), fake.add_user("grace"));
    let key = IdempotencyKey("pair-1".into());
    let room = run
        .bot
        .create_private_room(&pair_spec(amina, grace), &key)
        .await
        .expect("a pair channel");
    let id: u64 = room.id.parse().unwrap();
    let overwrite = |target: u64| {
        fake.lock().channels[&id]["permission_overwrites"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| is_id(&o["id"], target))
            .cloned()
            .unwrap_or_else(|| panic!("no overwrite for {target}"))
    };
    // @everyone (the guild's id) cannot see it; the pair can.
    let everyone = overwrite(GUILD_ID);
    assert_eq!(everyone["deny"], "1024", "View Channel denied: {everyone}");
    let view_send_history = (1u64 << 10) | (1 << 11) | (1 << 16);
    assert_eq!(overwrite(amina)["allow"], view_send_history.to_string());

    run.bot.set_read_only(&room, true, &key).await.unwrap();
    assert_eq!(
        overwrite(grace)["deny"],
        (1u64 << 11).to_string(),
        "Send Messages denied"
    );
    run.bot
        .remove_member(&room, &discord(grace), &key)
        .await
        .unwrap();
    assert!(
        fake.lock().channels[&id]["permission_overwrites"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| !is_id(&o["id"], grace))
    );
    run.stop().await;
}

/// The script's messages in order: (who, whether in the coordinators' room, text), up to
/// its first clock shift (the replay runs on the fake's time).
fn script(name: &str) -> Vec<(String, bool, String)> {
    let text = std::fs::read_to_string(
        crate::support::repo_root()
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        match parse_line(line) {
            ConsoleLine::Message {
                user, room, text, ..
            } => out.push((user, room.is_some(), text)),
            ConsoleLine::Nothing | ConsoleLine::Now => {}
            ConsoleLine::Shift(_) => break,
            other => panic!("{name}: the Discord replay does not support {other:?}"),
        }
    }
    out
}

/// The console run of `lines` (through the recording fake, with `people`'s Discord ids):
/// the reference a run over Discord is compared with.
async fn console_reference(
    run: &Running,
    people: &HashMap<String, u64>,
    lines: &[(String, bool, String)],
) -> Recording {
    let db = TestDb::sqlite();
    let rec = Recording::new();
    let clock = Arc::new(ManualClock::new(start_time()));
    let reference = App::new(
        Store::open(&db.url).await.unwrap(),
        run.programmes.clone(),
        Ports {
            dm: Arc::new(rec.clone()),
            rooms: Arc::new(rec.clone()),
            provisioner: Arc::new(rec.clone()),
        },
        clock.clone(),
        app_settings(run.coordinators),
    );
    let coordinators = RoomRef::new(Platform::Discord, run.coordinators.to_string());
    for (who, in_room, text) in lines {
        reference
            .receive(Inbound {
                from: discord(people[who]),
                place: if *in_room {
                    Place::Room(coordinators.clone())
                } else {
                    Place::Dm
                },
                content: Content::Text(text.clone()),
                files: vec![],
            })
            .await;
        clock.advance(chrono::Duration::seconds(3));
    }
    rec
}

/// `lines` over Discord: DMs typed, coordinators' commands pressed on a card when one offers
/// them, else given as /coordinate in their channel; the bot restarts after `restart`'s
/// person typed that many lines. Returns how many messages the running bot handled since
/// it last started, and how many commands were pressed.
async fn replay(
    run: &mut Running,
    people: &HashMap<String, u64>,
    lines: &[(String, bool, String)],
    restart: Option<(&str, usize)>,
) -> (usize, usize) {
    let fake = run.fake.clone();
    let mut handled = 0;
    let mut typed: HashMap<&str, usize> = HashMap::new();
    let mut pressed = 0;
    for (who, in_room, text) in lines {
        let person = people[who];
        if *in_room {
            let command = text.strip_prefix("!tandem ").expect("a prefixed command");
            // An application's card offers its decision as a button: press it.
            let card = fake
                .lock()
                .messages_in(run.coordinators)
                .into_iter()
                .rev()
                .find(|m| {
                    m["components"][0]["components"]
                        .as_array()
                        .is_some_and(|cs| {
                            cs.iter()
                                .any(|c| c["custom_id"] == format!("t1c|-|{command}"))
                        })
                });
            match card {
                Some(card) => {
                    fake.press(person, &card, &format!("t1c|-|{command}"));
                    pressed += 1;
                }
                None => {
                    fake.slash(
                        person,
                        Some(run.coordinators),
                        "coordinate",
                        &[("command", command)],
                    );
                }
            }
        } else {
            fake.dm(person, text);
        }
        handled += 1;
        run.settle(handled, &format!("{who}: {text}")).await;
        run.clock.advance(chrono::Duration::seconds(3));
        let n = typed.entry(who.as_str()).or_default();
        *n += 1;
        if restart == Some((who.as_str(), *n)) {
            run.restart().await;
            handled = 0;
        }
    }
    // Sends run after each step is handled; give the last ones a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    (handled, pressed)
}

/// The one pair thread, which must hold `pair` and the bot only.
fn the_pair_thread(fake: &DiscordFake, pair: [u64; 2]) -> u64 {
    let threads: Vec<u64> = {
        let s = fake.lock();
        let mut ids: Vec<u64> = s
            .channels
            .iter()
            .filter(|(_, c)| c["type"] == 12)
            .map(|(id, _)| *id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(threads.len(), 1, "one pair thread");
    let thread = threads[0];
    let members: Vec<u64> = fake.lock().thread_members[&thread]
        .iter()
        .copied()
        .collect();
    let mut want = vec![pair[0], pair[1], BOT_ID];
    want.sort();
    assert_eq!(members, want, "the pair and the bot");
    thread
}

/// Every person's DMs, the coordinators' channel and the pair thread (if one was made) over
/// Discord read as in the console run `rec`.
fn assert_as_in_console(
    run: &Running,
    people: &HashMap<String, u64>,
    rec: &Recording,
    thread: Option<u64>,
) {
    let fake = &run.fake;
    let as_in_console = |text: String| match thread {
        Some(t) => text.replace(&t.to_string(), "room-1"),
        None => text,
    };
    let owner_of = |user: &UserRef| user.id.clone();
    for (name, id) in people {
        let user = discord(*id);
        let want: Vec<String> = rec
            .dms_to(&user)
            .iter()
            .map(|m| render(m, Some(&owner_of(&user))).parts.join("\n"))
            .collect();
        let dm = fake.lock().dm_channel(*id);
        let got: Vec<String> = match dm {
            Some(dm) => bot_texts(&fake.lock(), dm)
                .into_iter()
                .map(as_in_console)
                .collect(),
            None => vec![],
        };
        assert_eq!(got, want, "the DMs to {name} differ from the console run");
    }
    let coordinators = RoomRef::new(Platform::Discord, run.coordinators.to_string());
    let want: Vec<String> = rec
        .posts_in(&coordinators)
        .iter()
        .map(|m| render(m, None).parts.join("\n"))
        .collect();
    let got: Vec<String> = bot_texts(&fake.lock(), run.coordinators)
        .into_iter()
        .filter(|t| !t.starts_with("› "))
        .map(as_in_console)
        .collect();
    assert_eq!(
        got, want,
        "the coordinators' channel differs from the console run"
    );
    let Some(thread) = thread else {
        return;
    };
    let room = RoomRef::new(Platform::Discord, "room-1");
    let want: Vec<String> = rec
        .posts_in(&room)
        .iter()
        .map(|m| render(m, None).parts.join("\n"))
        .collect();
    assert!(!want.is_empty(), "a kickoff in the pair room");
    assert_eq!(
        bot_texts(&fake.lock(), thread),
        want,
        "the pair thread's kickoff"
    );
}

/// Carol (coordinator) and Discord users for `names`.
fn people_of(run: &Running, carol: u64, names: &[&str]) -> HashMap<String, u64> {
    let mut people: HashMap<String, u64> = HashMap::from([("carol".to_string(), carol)]);
    for name in names {
        people.insert(name.to_string(), run.fake.add_user(name));
    }
    people
}

#[tokio::test]
async fn the_matching_demo_runs_over_discord_with_coordinator_commands_and_a_pair_thread() {
    let (mut run, staff) = start(&["carol"]).await;
    let people = people_of(&run, staff[0], &["amina", "grace", "ola"]);
    let lines = script("matching_demo.txt");
    let rec = console_reference(&run, &people, &lines).await;
    // The bot restarts halfway through Amina's application.
    let (handled, pressed) = replay(&mut run, &people, &lines, Some(("amina", 6))).await;
    let fake = run.fake.clone();
    let thread = the_pair_thread(&fake, [people["amina"], people["ola"]]);
    assert_as_in_console(&run, &people, &rec, Some(thread));
    // The pair talking in their thread is noted as activity (without its content, which
    // the bot does not receive); the bot does not answer there.
    let kickoff = bot_texts(&fake.lock(), thread);
    fake.say(people["amina"], thread, "Hi Ola!");
    run.settle(handled + 1, "Amina in the pair thread").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(bot_texts(&fake.lock(), thread), kickoff);
    assert_eq!(
        pressed, 2,
        "both mentors were approved from their cards' buttons"
    );
    // The coordinator's commands were visible in their channel as they gave them.
    assert!(
        bot_texts(&fake.lock(), run.coordinators)
            .iter()
            .any(|t| t == "› match approve P1")
    );
    run.stop().await;
}

#[tokio::test]
async fn a_mentee_browses_and_requests_a_mentor_over_discord_as_in_the_console() {
    let (mut run, staff) = start(&["carol"]).await;
    let people = people_of(&run, staff[0], &["amina", "grace", "ola"]);
    // The choice demo up to Bea (its expiry needs the console's clock).
    let lines: Vec<(String, bool, String)> = script("choice_demo.txt")
        .into_iter()
        .take_while(|(who, _, _)| who != "bea")
        .collect();
    assert!(lines.iter().any(|(_, _, t)| t.starts_with("request 2")));
    let rec = console_reference(&run, &people, &lines).await;
    replay(&mut run, &people, &lines, Some(("grace", 17))).await;
    let thread = the_pair_thread(&run.fake, [people["amina"], people["grace"]]);
    assert_as_in_console(&run, &people, &rec, Some(thread));
    let amina = run.fake.lock().dm_channel(people["amina"]).unwrap();
    let said = bot_texts(&run.fake.lock(), amina).join("\n");
    assert!(said.contains("2. Grace — fits you:"), "{said}");
    run.stop().await;
}

#[tokio::test]
async fn a_mentee_requests_a_mentor_from_the_select_menu_under_the_list() {
    let (mut run, staff) = start(&["carol"]).await;
    let people = people_of(&run, staff[0], &["amina", "grace", "ola"]);
    // The choice demo up to Amina's request, which she makes from the menu.
    let lines: Vec<(String, bool, String)> = script("choice_demo.txt")
        .into_iter()
        .take_while(|(who, _, text)| !(who == "amina" && text.starts_with("request 2")))
        .collect();
    let (handled, _) = replay(&mut run, &people, &lines, None).await;
    let fake = run.fake.clone();
    let amina = fake.lock().dm_channel(people["amina"]).unwrap();
    let listing = fake
        .lock()
        .messages_in(amina)
        .into_iter()
        .rev()
        .find(|m| {
            m["content"]
                .as_str()
                .is_some_and(|t| t.contains("Mentors in Pathways Mentoring 2027"))
        })
        .expect("the list");
    let menu = &listing["components"][0]["components"][0];
    assert_eq!(menu["type"], 3, "{listing}");
    assert_eq!(
        menu["custom_id"],
        format!("t1s|{}|request", people["amina"]),
        "only Amina's, and it runs request"
    );
    assert_eq!(menu["options"][0]["label"], "2. Grace");
    assert_eq!(menu["max_values"], 1);
    // Someone else's pick is refused; Amina's asks Grace.
    let custom_id = menu["custom_id"].as_str().unwrap().to_string();
    let refused = fake.select(people["ola"], &listing, &custom_id, &["2"]);
    let refused = response_to(&fake, refused).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    fake.select(people["amina"], &listing, &custom_id, &["2"]);
    run.settle(handled + 1, "Amina's pick").await;
    let grace = people["grace"];
    fake.wait_for("Grace asked", WAIT, |s| {
        let dm = s.dm_channel(grace)?;
        bot_texts(s, dm)
            .iter()
            .any(|t| t.starts_with("Amina, a mentee in Pathways Mentoring 2027, would like you to be their mentor."))
            .then_some(())
    })
    .await;
    assert!(
        bot_texts(&fake.lock(), amina)
            .iter()
            .any(|t| t.starts_with("I've asked Grace to be your mentor.")),
    );
    run.stop().await;
}

#[tokio::test]
async fn a_coordinator_asks_and_rejects_from_the_cards_buttons_through_forms() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let carol = staff[0];
    let grace = fake.add_user("grace");
    // Grace applies as a mentor by typing, as in the screening demo: mentors are reviewed.
    let answers: Vec<String> = script("screening_demo.txt")
        .into_iter()
        .filter(|(who, in_room, _)| who == "grace" && !in_room)
        .map(|(_, _, text)| text)
        .take_while(|t| !t.starts_with("Tuesdays"))
        .collect();
    for (i, text) in answers.iter().enumerate() {
        fake.dm(grace, text);
        run.settle(i + 1, text).await;
    }
    let card_with = |label: &'static str| {
        fake.wait_for("a card with actions", WAIT, move |s| {
            s.messages_in(run.coordinators).into_iter().rev().find(|m| {
                m["components"][0]["components"]
                    .as_array()
                    .is_some_and(|cs| cs.iter().any(|c| c["label"] == label))
            })
        })
    };
    let card = card_with("Ask").await;
    let button = |card: &Value, label: &str| -> String {
        card["components"][0]["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["label"] == label)
            .map(|c| c["custom_id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let labels: Vec<Value> = card["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].clone())
        .collect();
    assert_eq!(
        labels,
        [
            json!("Approve"),
            json!("Reject"),
            json!("Ask"),
            json!("Waitlist")
        ]
    );

    let press = fake.press(carol, &card, &button(&card, "Ask"));
    let modal = response_to(fake, press).await;
    assert_eq!(modal["type"], 9, "a form opens: {modal}");
    assert_eq!(
        modal["data"]["components"][0]["components"][0]["label"],
        "Your question for the applicant"
    );
    let form = modal["data"]["custom_id"].as_str().unwrap().to_string();
    let dm = fake.lock().dm_channel(grace).unwrap();
    let seen = bot_count(&fake.lock(), dm);
    let submitted = fake.submit_form(carol, &card, &form, "Which evenings are you usually free?");
    assert_eq!(
        response_to(fake, submitted).await["type"],
        6,
        "acknowledged quietly"
    );
    let question = next_from_bot(fake, dm, seen).await;
    let text = question["content"].as_str().unwrap();
    assert!(text.contains("has a question for you"), "{text}");
    assert!(
        text.contains("Which evenings are you usually free?"),
        "{text}"
    );

    // An empty form does nothing, and says so.
    let press = fake.press(carol, &card, &button(&card, "Reject"));
    let form = response_to(fake, press).await["data"]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    let empty = fake.submit_form(carol, &card, &form, "  ");
    assert_eq!(
        ephemeral_text(&response_to(fake, empty).await),
        "Nothing was written, so nothing was done."
    );
    let seen = bot_count(&fake.lock(), dm);
    let rejected = fake.submit_form(
        carol,
        &card,
        &form,
        "We have enough mentors in tech this round.",
    );
    response_to(fake, rejected).await;
    let told = next_from_bot(fake, dm, seen).await;
    assert!(
        told["content"]
            .as_str()
            .unwrap()
            .contains("We have enough mentors in tech this round."),
        "{told}"
    );
    run.stop().await;
}

#[tokio::test]
async fn an_event_is_announced_with_rsvp_buttons_local_times_and_a_native_scheduled_event() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let carol = staff[0];
    let events = fake.add_channel("events");
    let amina = fake.add_user("amina");
    // Three days after the test clock's start: announced at once.
    let create = format!(
        "event create title: Pathways social; start: 2027-01-14 18:30 Europe/London; length: 1h; room: {events}; description: Meet the other pairs."
    );
    // A room written as plain text is not a channel: refused at once, with the way to say it.
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[(
            "command",
            "event create title: X; start: 2027-01-14 18:30 UTC; room: general",
        )],
    );
    run.settle(1, "event create with a bad room").await;
    let refused = next_from_bot(fake, run.coordinators, 1).await;
    assert!(
        refused["content"].as_str().unwrap().contains(
            "is not a room I can post in. Give the room's id (mention the channel, like #events)."
        ),
        "{refused}"
    );
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", &create)],
    );
    run.settle(2, "event create").await;
    let created = next_from_bot(fake, run.coordinators, 3).await;
    assert!(
        created["content"]
            .as_str()
            .unwrap()
            .starts_with("Event created: Pathways social — 1 session"),
        "{created}"
    );
    run.app.run_due_jobs().await.unwrap();
    let announcement = next_from_bot(fake, events, 0).await;
    let text = announcement["content"].as_str().unwrap();
    assert!(
        text.starts_with("📅 Pathways social — Thu 14 Jan 2027, 18:30 Europe/London (18:30 UTC)"),
        "{text}"
    );
    assert!(
        text.ends_with("🕒 In your time zone: <t:1799951400:F> (<t:1799951400:R>)"),
        "each reader sees their own time: {text}"
    );
    let native = fake
        .wait_for("a scheduled event", WAIT, |s| {
            s.scheduled_events.values().next().cloned()
        })
        .await;
    assert_eq!(native["name"], "Pathways social");
    assert_eq!(native["entity_type"], 3, "external");
    assert_eq!(native["scheduled_start_time"], "2027-01-14T18:30:00.000Z");
    assert_eq!(
        native["entity_metadata"]["location"],
        format!("https://discord.com/channels/{GUILD_ID}/{events}")
    );

    // Amina presses Yes on the announcement: it stays for everyone, she is told by DM.
    let yes = custom_id(&announcement, Some("yes"));
    let press = fake.press(amina, &announcement, &yes);
    let text = ephemeral_text(&response_to(fake, press).await);
    assert!(text.contains("confirm it by direct message"), "{text}");
    let dm = fake
        .wait_for("Amina's DM", WAIT, |s| s.dm_channel(amina))
        .await;
    let confirmed = next_from_bot(fake, dm, 0).await;
    assert!(
        confirmed["content"]
            .as_str()
            .unwrap()
            .starts_with("You're going to Pathways social"),
        "{confirmed}"
    );
    let still = fake
        .lock()
        .messages
        .iter()
        .find(|m| m["id"] == announcement["id"])
        .cloned()
        .unwrap();
    assert_eq!(still["components"], announcement["components"]);

    // Cancelled: Amina hears, and the server's event is cancelled too.
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", "event cancel 1 Snow")],
    );
    let notice = next_from_bot(fake, dm, 1).await;
    assert!(
        notice["content"]
            .as_str()
            .unwrap()
            .starts_with("Cancelled: Pathways social"),
        "{notice}"
    );
    fake.wait_for("the scheduled event cancelled", WAIT, |s| {
        s.scheduled_events
            .values()
            .find(|e| e["status"] == 4)
            .map(|_| ())
    })
    .await;
    run.stop().await;
}

#[tokio::test]
async fn report_message_from_a_messages_menu_starts_a_private_report_with_the_message_as_evidence()
{
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let (amina, bob) = (fake.add_user("amina"), fake.add_user("bob"));
    let lobby = fake.add_channel("lobby");
    let said = fake.say(bob, lobby, "What's your home address?");
    let message = fake
        .lock()
        .messages
        .iter()
        .find(|m| is_id(&m["id"], said))
        .cloned()
        .unwrap();

    // One's own message cannot be reported this way.
    let own = fake.report_message(bob, &message);
    let text = ephemeral_text(&response_to(fake, own).await);
    assert!(text.starts_with("That is your own message."), "{text}");

    let report = fake.report_message(amina, &message);
    assert_eq!(
        response_to(fake, report).await["data"]["flags"],
        64,
        "private"
    );
    let dm = fake
        .wait_for("Amina's DM", WAIT, |s| s.dm_channel(amina))
        .await;
    next_from_bot(fake, dm, 1).await;
    assert!(
        fake.lock().messages_in(lobby).iter().all(|m| !from_bot(m)),
        "nothing is said in the channel"
    );
    let link = format!("https://discord.com/channels/{GUILD_ID}/{lobby}/{said}");
    let mut handled = 1;
    // A screenshot as evidence: a PNG whose text chunk names her (cleaned before it is
    // kept), fetched from the CDN before its signed URL expires.
    let mut shot = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [
        (&b"IHDR"[..], &[0u8, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0][..]),
        (b"tEXt", b"Author\0amina"),
        (b"IDAT", b"pixels"),
        (b"IEND", b""),
    ] {
        shot.extend((body.len() as u32).to_be_bytes());
        shot.extend(kind);
        shot.extend(body);
        shot.extend([0, 0, 0, 0]);
    }
    for answer in [
        "2",
        "bob",
        "no",
        "He asked for my home address in the lobby.",
        "(a file)",
        "done",
        "no",
        "yes",
        "yes",
    ] {
        let seen = bot_count(&fake.lock(), dm);
        if answer == "(a file)" {
            fake.dm_file(amina, "", "amina-screenshot.png", "image/png", &shot);
        } else {
            fake.dm(amina, answer);
        }
        handled += 1;
        run.settle(handled, answer).await;
        let reply = next_from_bot(fake, dm, seen).await;
        if answer == "He asked for my home address in the lobby." {
            let text = reply["content"].as_str().unwrap();
            assert!(
                text.contains(&format!("I've attached the message you reported ({link})")),
                "{text}"
            );
        }
    }
    assert!(
        fake.lock()
            .requests
            .iter()
            .any(|r| r.starts_with("GET /attachments/")),
        "the file was fetched from the CDN"
    );
    let card = next_from_bot(fake, run.moderators, 0).await;
    let text = card["content"].as_str().unwrap();
    assert!(text.contains(&format!("Evidence: {link}")), "{text}");
    // A copy made when it was reported: evidence even if Bob deletes it.
    assert!(
        text.contains(&format!(
            "\nReported message, as Tandem copied it: <@{bob}>, "
        )),
        "{text}"
    );
    assert!(text.contains(": “What's your home address?”"), "{text}");
    assert!(
        text.contains("Files: 1 (image/png, ") && !text.contains("amina"),
        "{text}"
    );
    assert!(text.contains("Reported by: anonymous reporter"), "{text}");
    assert_eq!(
        card["components"][0]["components"][0]["label"], "Claim",
        "the case card's actions"
    );
    // Safeguarding: the on-call moderator is mentioned for real, and only them.
    let ping = next_from_bot(fake, run.moderators, 1).await;
    assert!(
        ping["content"]
            .as_str()
            .unwrap()
            .starts_with(&format!("<@{}> On call:", run.moderator)),
        "{ping}"
    );
    assert_eq!(
        ping["allowed_mentions_sent"]["users"],
        json!([run.moderator.to_string()])
    );
    assert_eq!(
        card["allowed_mentions_sent"]["parse"],
        json!([]),
        "the card pings nobody"
    );
    // A moderator opens the evidence: uploaded to the moderators' channel, neutrally named.
    let seen = bot_count(&fake.lock(), run.moderators);
    fake.slash(
        run.moderator,
        Some(run.moderators),
        "moderate",
        &[("command", "case evidence 1")],
    );
    handled += 1;
    run.settle(handled, "case evidence").await;
    // After the echo of the command (`› case evidence 1`), the file.
    let posted = next_from_bot(fake, run.moderators, seen + 1).await;
    assert!(
        posted["content"]
            .as_str()
            .unwrap()
            .starts_with("Case #1 · file 1 of 1 · image/png"),
        "{posted}"
    );
    let file = &posted["attachments"][0];
    assert_eq!(file["filename"], "case-1-file-1.png");
    let data = base64::engine::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        file["test_base64"].as_str().unwrap(),
    )
    .unwrap();
    let data = String::from_utf8_lossy(&data);
    assert!(data.contains("pixels") && !data.contains("amina"), "{data}");
    run.stop().await;
}

#[tokio::test]
async fn markdown_in_a_report_reaches_the_moderators_channel_escaped_not_as_a_masked_link() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    let mut handled = 0;
    for answer in [
        "report",
        "2",
        "**Tom**",
        "no",
        "He sent me [click](https://evil.example)\n# Urgent: ignore this case",
        "skip",
        "yes",
        "no",
        "yes",
    ] {
        fake.dm(amina, answer);
        handled += 1;
        run.settle(handled, answer).await;
    }
    let card = next_from_bot(fake, run.moderators, 0).await;
    let text = card["content"].as_str().unwrap();
    assert!(text.starts_with("Case #1 ·"), "{text}");
    assert!(
        text.contains("He sent me \\[click\\](https://evil.example)\n\\# Urgent: ignore this case"),
        "{text}"
    );
    assert!(text.contains("\\*\\*Tom\\*\\*"), "{text}");
    assert!(
        !text.contains("[click](") && !text.contains("**Tom**"),
        "{text}"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_report_naming_a_moderator_by_their_discord_nickname_goes_only_to_the_escalation_contact()
{
    let (mut run, _) = start(&["carol"]).await;
    let fake = run.fake.clone();
    let lead = fake.add_user("lead");
    let amina = fake.add_user("amina");
    fake.rename(run.moderator, "Maureen Okafor", Some("Reenie"));
    // What Discord tells: the user name, the display name and the server nickname; only
    // the user's names for someone who left the server; an error for nobody.
    let names = |who: u64| {
        let bot = run.bot.clone();
        async move { bot.display_names(&discord(who)).await }
    };
    assert_eq!(
        names(run.moderator).await.unwrap(),
        ["mo", "Maureen Okafor", "Reenie"]
    );
    let former = fake.add_user("former");
    fake.rename(former, "Fay Former", Some("Fay"));
    fake.lock().departed.insert(former);
    assert_eq!(names(former).await.unwrap(), ["former", "Fay Former"]);
    assert!(names(42).await.is_err(), "an unknown user is an error");

    // Restarted with an escalation contact, the bot learns the names as it starts.
    let mut settings = staff_settings(run.coordinators, run.moderators, run.moderator);
    settings.moderation.escalation_contact = Some(discord(lead));
    run.restart_with(&settings).await;
    let mut handled = 0;
    for answer in [
        "report",
        "1",
        "a volunteer",
        "no",
        "Reenie was rude to me.",
        "skip",
        "no",
        "yes",
        "yes",
    ] {
        fake.dm(amina, answer);
        handled += 1;
        run.settle(handled, answer).await;
    }
    fake.wait_for("the escalation contact's DM", WAIT, |s| {
        let dm = s.dm_channel(lead)?;
        bot_texts(s, dm)
            .into_iter()
            .find(|t| t.contains("A report that may concern"))
    })
    .await;
    assert_eq!(
        bot_count(&fake.lock(), run.moderators),
        0,
        "nothing reached the moderators' channel"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_dm_sent_while_the_bot_was_away_is_answered_once_when_it_is_back() {
    let (mut run, _) = start(&["carol"]).await;
    let amina = run.fake.add_user("amina");
    run.fake.dm(amina, "apply");
    run.settle(1, "amina's first message").await;
    let dm = run.fake.lock().dm_channel(amina).unwrap();
    let seen = bot_count(&run.fake.lock(), dm);
    assert!(seen >= 1, "answered");

    // Amina writes and the bot never hears of it (it was away: no gateway event), then
    // it restarts.
    run.fake.dm_while_away(amina, "mentee");
    run.restart().await;
    let answer = next_from_bot(&run.fake, dm, seen).await;
    assert!(
        answer["content"].as_str().unwrap().contains("mentee"),
        "her answer was taken: {answer}"
    );
    // Another restart reads the same history again: nothing is answered twice.
    run.restart().await;
    run.fake.dm(amina, "Amina");
    run.fake
        .wait_for("the next question", WAIT, |s| {
            bot_texts(s, dm)
                .iter()
                .any(|t| t.starts_with("Question 2"))
                .then_some(())
        })
        .await;
    let texts = bot_texts(&run.fake.lock(), dm);
    let once = |start: &str| texts.iter().filter(|t| t.starts_with(start)).count();
    assert_eq!(once("Welcome to Pathways"), 1, "{texts:#?}");
    assert_eq!(once("Question 1 of 12"), 1, "{texts:#?}");
    run.stop().await;
}

#[tokio::test]
async fn a_founder_ranks_mentors_over_discord_and_a_decline_passes_to_the_next_as_in_the_console() {
    let programmes = crate::support::programmes_in("tests/fixtures/ranked/programs");
    let (mut run, staff) = start_in(programmes, &["carol"], |_, _| {}).await;
    let people = people_of(&run, staff[0], &["kofi", "lin", "rosa", "ama"]);
    // The ranked demo up to its clock shift: a ranking, refusals, and Kofi's decline.
    let lines = script("ranked_demo.txt");
    assert!(
        lines
            .iter()
            .any(|(who, _, t)| who == "kofi" && t == "decline")
    );
    let rec = console_reference(&run, &people, &lines).await;
    replay(&mut run, &people, &lines, Some(("ama", 6))).await;
    assert_as_in_console(&run, &people, &rec, None);
    let lin = run.fake.lock().dm_channel(people["lin"]).unwrap();
    let said = bot_texts(&run.fake.lock(), lin).join("\n");
    assert!(
        said.contains("Ama, a mentee in Founders Circle, would like you to be their mentor."),
        "Lin, the second choice, is asked after Kofi's decline: {said}"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_founder_ranks_from_the_menu_and_her_picks_are_asked_in_the_listed_order() {
    let programmes = crate::support::programmes_in("tests/fixtures/ranked/programs");
    let (mut run, staff) = start_in(programmes, &["carol"], |_, _| {}).await;
    let people = people_of(&run, staff[0], &["kofi", "lin", "rosa", "ama"]);
    // The ranked demo up to Ama's first ranking, which she makes from the menu.
    let lines: Vec<(String, bool, String)> = script("ranked_demo.txt")
        .into_iter()
        .take_while(|(who, _, text)| !(who == "ama" && text.starts_with("rank")))
        .collect();
    let (handled, _) = replay(&mut run, &people, &lines, None).await;
    let fake = run.fake.clone();
    let ama = fake.lock().dm_channel(people["ama"]).unwrap();
    let listing = fake
        .lock()
        .messages_in(ama)
        .into_iter()
        .rev()
        .find(|m| m["components"][0]["components"][0]["type"] == 3)
        .expect("the list with its menu");
    let menu = &listing["components"][0]["components"][0];
    assert_eq!(menu["custom_id"], format!("t1s|{}|rank", people["ama"]));
    assert_eq!(menu["max_values"], 3, "the programme's max_choices");
    // Two of them, clicked in the reverse of the order listed: the first listed is asked.
    let options: Vec<(String, String)> = menu["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["label"].as_str().unwrap().to_string(),
                o["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(options.len() >= 2, "{options:?}");
    let (first, second) = (&options[0], &options[1]);
    let custom_id = menu["custom_id"].as_str().unwrap().to_string();
    fake.select(people["ama"], &listing, &custom_id, &[&second.1, &first.1]);
    run.settle(handled + 1, "Ama's ranking").await;
    let name_of = |label: &str| label.split(". ").nth(1).unwrap().to_lowercase();
    let asked = people[&name_of(&first.0)];
    fake.wait_for("the first listed asked", WAIT, |s| {
        let dm = s.dm_channel(asked)?;
        bot_texts(s, dm)
            .iter()
            .any(|t| {
                t.starts_with(
                    "Ama, a mentee in Founders Circle, would like you to be their mentor.",
                )
            })
            .then_some(())
    })
    .await;
    let waiting = fake.lock().dm_channel(people[&name_of(&second.0)]);
    assert!(
        waiting.is_none_or(|dm| !bot_texts(&fake.lock(), dm)
            .iter()
            .any(|t| t.contains("would like you to be their mentor"))),
        "the second choice waits"
    );
    run.stop().await;
}

/// A programme names a Discord role among its coordinators: whoever holds it may give
/// coordinators' commands, from the moment the role is given to the moment it is taken
/// away (Discord is asked each time, not a cache).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discord_role_makes_a_coordinator_and_taking_it_away_ends_it_at_once() {
    const ROLE: u64 = 900_000_000_000_000_777;
    let mut programmes = example_programmes();
    programmes[0].coordinator_groups = vec![
        tandem::domain::staff::StaffGroup::parse(&format!("discord-role:{GUILD_ID}/{ROLE}"))
            .unwrap()
            .unwrap(),
    ];
    let (running, _) = start_in(programmes, &[], |_, _| {}).await;
    let (fake, room) = (&running.fake, running.coordinators);
    // What /healthz reads: the gateway's shard is connected.
    let deadline = tokio::time::Instant::now() + WAIT;
    while !running.bot.gateway_connected() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(running.bot.gateway_connected(), "the gateway connected");
    let dee = fake.add_user("dee");
    // `/coordinate command: queue` in the coordinators' channel; the bot's answer.
    let queue = || async {
        let seen = fake
            .lock()
            .messages_in(room)
            .iter()
            .filter(|m| from_bot(m))
            .count();
        fake.slash(dee, Some(room), "coordinate", &[("command", "queue")]);
        fake.wait_for("the bot's answer to queue", WAIT, move |s| {
            s.messages_in(room)
                .into_iter()
                .filter(from_bot)
                .skip(seen)
                .map(|m| m["content"].as_str().unwrap_or_default().to_string())
                .find(|t| t.contains("waiting for review") || t.contains("coordinators can"))
        })
        .await
    };
    let refused = queue().await;
    assert!(
        refused.contains("only the programme's coordinators"),
        "{refused}"
    );
    fake.set_roles(dee, &[ROLE]);
    let answered = queue().await;
    assert_eq!(answered, "No applications are waiting for review.");
    fake.set_roles(dee, &[]);
    let refused = queue().await;
    assert!(
        refused.contains("only the programme's coordinators"),
        "{refused}"
    );
    running.stop().await;
}

/// Relayed pair rooms need the bot to read what people write in the server: a bot that
/// asks for it while the application may not (the Developer Portal's switch is off) is
/// refused by Discord (close code 4014), and `serve` ends saying how to allow it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_for_message_content_the_application_may_not_read_ends_with_how_to_allow_it() {
    crate::support::init_logging();
    let fake = DiscordFake::start().await;
    let bot = DiscordBot::connect(DiscordOptions {
        settings: DiscordSettings {
            application_id: APPLICATION_ID,
            guild_ids: vec![GUILD_ID],
            coordinators_channel: None,
            moderators_channel: None,
            events_channel: None,
            pairs_channel: Some(fake.add_channel("pairs")),
            pairs_category: None,
            message_content: true,
        },
        token: TOKEN.into(),
        room_prefix: "!tandem".into(),
        http_client: Some(fake.http_client()),
    })
    .await
    .expect("the bot builds its clients");
    let db = TestDb::sqlite();
    let store = Store::open(&db.url).await.unwrap();
    let app = App::new(
        store,
        example_programmes(),
        tandem::platforms::adapter::ports_of(&bot),
        Arc::new(ManualClock::new(start_time())),
        AppSettings::default(),
    );
    let ended = tokio::time::timeout(WAIT, bot.serve(app))
        .await
        .expect("serve ends")
        .expect_err("Discord refuses the session");
    let message = format!("{ended:#}");
    assert!(message.contains("Message Content Intent"), "{message}");
    assert!(message.contains("message_content = false"), "{message}");
    assert_eq!(fake.lock().identifies, 0, "{message}");
}

/// `/link` gives its code by DM (never in the channel), and `/link code:` is the same as
/// typing `link <code>`: here from another Discord account, which is told that linking
/// puts together one account of each platform.
#[tokio::test]
async fn slash_link_gives_a_code_by_dm_and_takes_one_typed_as_an_option() {
    let (run, _staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    let other = fake.add_user("other");
    let lobby = fake.add_channel("lobby");
    let dm_text = |user: u64, what: &'static str| async move {
        fake.wait_for(what, WAIT, |s| {
            let channel = s.dm_channel(user)?;
            bot_texts(s, channel).last().cloned()
        })
        .await
    };
    fake.slash(amina, Some(lobby), "link", &[]);
    let text = dm_text(amina, "the code by DM").await;
    let code = text
        .split("Your code is ")
        .nth(1)
        .and_then(|rest| rest.get(..9))
        .unwrap_or_else(|| panic!("no code: {text}"))
        .to_string();
    assert!(text.contains("from your Matrix account"), "{text}");
    assert!(
        bot_texts(&fake.lock(), lobby)
            .iter()
            .all(|t| !t.contains(&code)),
        "the code is never posted in the channel"
    );
    fake.slash(
        other,
        Some(lobby),
        "link",
        &[("code", &code.to_lowercase())],
    );
    let text = dm_text(other, "the answer to the code").await;
    assert!(
        text.contains("That code was made on another Discord account"),
        "{text}"
    );
    run.stop().await;
}

/// Discord says which language each person's client is in: until they choose one with
/// `language`, that is the language Tandem writes to them in (if it speaks it).
#[tokio::test]
async fn a_slash_command_from_a_spanish_client_is_answered_in_spanish_and_one_tandem_does_not_speak_in_english()
 {
    let (run, _staff) = start(&["carol"]).await;
    let fake = &run.fake.clone();
    let lobby = fake.add_channel("lobby");
    let ana = fake.add_user("ana");
    fake.set_locale(ana, "es-ES");
    fake.slash(ana, Some(lobby), "apply", &[]);
    let dm = fake.wait_for("Ana's DM", WAIT, |s| s.dm_channel(ana)).await;
    let role_prompt = next_from_bot(fake, dm, 1).await;
    let texts = bot_texts(&fake.lock(), dm);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("¡Bienvenida o bienvenido a Mentoría Pathways 2027!")),
        "{texts:#?}"
    );
    let prompt = role_prompt["content"].as_str().unwrap();
    assert!(
        prompt.starts_with("¿Quieres unirte a Mentoría Pathways 2027"),
        "{prompt}"
    );

    let joao = fake.add_user("joao");
    fake.set_locale(joao, "pt-BR");
    fake.slash(joao, Some(lobby), "apply", &[]);
    let dm = fake
        .wait_for("João's DM", WAIT, |s| s.dm_channel(joao))
        .await;
    next_from_bot(fake, dm, 1).await;
    let texts = bot_texts(&fake.lock(), dm);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Welcome to Pathways Mentoring 2027!")),
        "{texts:#?}"
    );
}

/// `announce apply <#channel>` posts the programme's Apply card there; pressing its Apply
/// button starts the application by DM, and nothing is said in the community's channel.
#[tokio::test]
async fn an_apply_card_posted_in_a_community_channel_starts_an_application_by_dm_when_pressed() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake.clone();
    let lobby = fake.add_channel("lobby");
    let zara = fake.add_user("zara");
    fake.slash(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        &[("command", &format!("announce apply <#{lobby}>"))],
    );
    let card = fake
        .wait_for("the Apply card", WAIT, |s| {
            s.messages_in(lobby).into_iter().find(from_bot)
        })
        .await;
    assert!(
        card["content"]
            .as_str()
            .unwrap_or_default()
            .contains("is open for applications"),
        "{card}"
    );
    let press = fake.press(zara, &card, &custom_id(&card, None));
    let response = response_to(fake, press).await;
    assert!(
        ephemeral_text(&response).contains("I've sent you a direct message"),
        "{response}"
    );
    let dm = fake
        .wait_for("Zara's DM", WAIT, |s| s.dm_channel(zara))
        .await;
    expect_welcome(fake, dm, 0).await;
    let said_in_lobby = bot_count(&fake.lock(), lobby);
    assert_eq!(
        said_in_lobby,
        1,
        "only the card: {:?}",
        bot_texts(&fake.lock(), lobby)
    );
    let told = bot_texts(&fake.lock(), run.coordinators);
    assert!(told.iter().any(|t| t.contains("is posted in")), "{told:?}");
    // Her client shows the commands in Spanish: Discord has them with their names there.
    let apply = fake
        .lock()
        .commands
        .values()
        .flatten()
        .find(|c| c["name"] == "apply")
        .cloned()
        .expect("apply is registered");
    assert_eq!(apply["name_localizations"]["es-ES"], "solicitar", "{apply}");
    assert_eq!(
        apply["name_localizations"]["es-419"], "solicitar",
        "{apply}"
    );
    assert_eq!(
        apply["options"][0]["name_localizations"]["es-ES"], "programa",
        "{apply}"
    );
    run.stop().await;
}

/// Tandem under the stricter fake's limits and refusals (#25).
#[path = "discord_strict.rs"]
mod strict;

/// The typed staff commands: subcommands, typed options, their registration rules (#25).
#[path = "discord_typed.rs"]
mod typed;

/// Autocomplete for the staff commands' numbers, options of more types (#25).
#[path = "discord_autocomplete.rs"]
mod autocomplete;

#[tokio::test]
async fn interested_on_a_sessions_discord_event_is_a_yes_and_taking_it_back_a_no() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let (carol, bea) = (staff[0], fake.add_user("bea"));
    let events = fake.add_channel("events");
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[(
            "command",
            &format!("event create title: CV clinic; start: 2027-01-14 18:30 UTC; room: {events}"),
        )],
    );
    run.settle(1, "event create").await;
    run.app.run_due_jobs().await.unwrap();
    let native = fake
        .wait_for("a scheduled event", WAIT, |s| {
            s.scheduled_events.keys().next().copied()
        })
        .await;
    // Bea taps "Interested" in the server's event list: she is going, and told so.
    assert!(fake.interest(bea, native, true));
    run.settle(2, "interested").await;
    let dm = fake.wait_for("Bea's DM", WAIT, |s| s.dm_channel(bea)).await;
    let yes = next_from_bot(fake, dm, 0).await;
    assert!(
        yes["content"]
            .as_str()
            .unwrap()
            .starts_with("You're going to CV clinic"),
        "{yes}"
    );
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", "event show 1")],
    );
    run.settle(3, "event show").await;
    let shown = bot_texts(&fake.lock(), run.coordinators).join("\n");
    assert!(shown.contains("1 yes, 0 maybe, 0 no"), "{shown}");
    // She takes it back: no longer going.
    assert!(fake.interest(bea, native, false));
    run.settle(4, "not interested").await;
    let no = next_from_bot(fake, dm, 1).await;
    assert!(
        no["content"]
            .as_str()
            .unwrap()
            .starts_with("Noted: you won't come to CV clinic"),
        "{no}"
    );
    run.stop().await;
}
