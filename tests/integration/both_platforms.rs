//! One process serving Matrix and Discord at once, against a real Synapse and the Discord
//! fake: one app and one database behind both bots, as `tandem run` with both sections
//! builds it (`platforms::joined`).

use std::sync::Arc;
use std::time::Duration;

use tandem::app::{App, AppSettings, ManualClock};
use tandem::config::DiscordSettings;
use tandem::domain::Platform;
use tandem::platforms::adapter::{Bot as _, ports_of};
use tandem::platforms::discord::{DiscordBot, DiscordOptions};
use tandem::platforms::joined::joined;

use crate::discord_fake::{APPLICATION_ID, DiscordFake, GUILD_ID, TOKEN, from_bot, is_id};
use crate::matrix::{
    Person, connected_bot, new_bot_account, staff_room, synapse_url, unique, wait_for,
};
use crate::support::{example_programmes, start_time};

/// A Matrix person and a Discord person write to the same bot: each is answered on their
/// own platform, and a Discord person's question to the team reaches the coordinators in
/// their room on Matrix (the community keeps its staff on one platform).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_process_serves_matrix_and_discord_and_staff_on_one_hear_people_on_the_other() {
    let Some(url) = synapse_url() else { return };
    crate::support::init_logging();
    // Matrix: the bot, a coordinator who owns the staff room, and Amina.
    let bot_id = new_bot_account(&url).await;
    let carol = Person::new(&url, &unique("carol")).await;
    let amina = Person::new(&url, &unique("amina")).await;
    let coordinators = staff_room(&carol, &bot_id, "Coordinators").await;
    let store_dir = tempfile::tempdir().unwrap();
    let (matrix, _db, store) = connected_bot(&url, &bot_id, &coordinators, store_dir.path()).await;

    // Discord: the fake, with no staff channels of its own, and Bilal.
    let fake = DiscordFake::start().await;
    let bilal = fake.add_user("bilal");
    let discord = DiscordBot::connect(DiscordOptions {
        settings: DiscordSettings {
            application_id: APPLICATION_ID,
            guild_ids: vec![GUILD_ID],
            coordinators_channel: None,
            moderators_channel: None,
            events_channel: None,
            pairs_channel: None,
            pairs_category: None,
        },
        token: TOKEN.into(),
        room_prefix: "!tandem".into(),
        http_client: Some(fake.http_client()),
    })
    .await
    .expect("the Discord bot builds its clients");

    let app = App::new(
        store,
        example_programmes(),
        joined(vec![
            (Platform::Matrix, ports_of(&matrix)),
            (Platform::Discord, ports_of(&discord)),
        ]),
        Arc::new(ManualClock::new(start_time())),
        AppSettings {
            coordinators_rooms: matrix.coordinators_room().into_iter().collect(),
            moderators_rooms: vec![],
            events_rooms: vec![],
            platforms: vec![Platform::Matrix, Platform::Discord],
            ..AppSettings::default()
        },
    );
    let serving = [
        tokio::spawn({
            let (bot, app) = (matrix.clone(), app.clone());
            async move { bot.serve(app).await }
        }),
        tokio::spawn({
            let (bot, app) = (discord.clone(), app.clone());
            async move { bot.serve(app).await }
        }),
    ];
    assert!(
        discord.wait_ready(Duration::from_secs(20)).await,
        "the Discord bot connects to the fake gateway"
    );

    // Amina applies on Matrix, and is asked the first question there.
    let dm = amina.open_dm(&bot_id).await;
    amina.say(&dm, "apply").await;
    wait_for("Amina's first question, on Matrix", || {
        let asked = amina
            .received()
            .iter()
            .any(|r| r.sender == bot_id && r.room == dm.room_id());
        async move { asked }
    })
    .await;

    // Bilal applies on Discord, and is asked there too.
    fake.dm(bilal, "apply");
    let channel = fake
        .wait_for("Bilal's DM", Duration::from_secs(20), |s| {
            s.dm_channel(bilal)
        })
        .await;
    fake.wait_for(
        "Bilal's first question, on Discord",
        Duration::from_secs(20),
        |s| {
            s.messages_in(channel)
                .iter()
                .find(|m| from_bot(m))
                .map(|_| ())
        },
    )
    .await;

    // His question to the team reaches the coordinators' room on Matrix.
    fake.dm(bilal, "ask the team can I join the programme late?");
    wait_for(
        "Bilal's question in the coordinators' room on Matrix",
        || {
            let arrived = carol.received().iter().any(|r| {
                r.room == coordinators
                    && r.sender == bot_id
                    && r.body.contains("join the programme late?")
            });
            async move { arrived }
        },
    )
    .await;
    // Nothing of Amina's reached Discord, and nothing of Bilal's her DM.
    let bot_posts_elsewhere = fake
        .lock()
        .messages
        .iter()
        .filter(|m| from_bot(m))
        .any(|m| !is_id(&m["channel_id"], channel));
    assert!(
        !bot_posts_elsewhere,
        "the bot posted on Discord outside Bilal's DM"
    );
    assert!(
        amina
            .received()
            .iter()
            .filter(|r| r.room == dm.room_id())
            .all(|r| !r.body.contains("join the programme late?"))
    );

    matrix.stop();
    discord.stop().await;
    for task in serving {
        let _ = tokio::time::timeout(Duration::from_secs(30), task).await;
    }
}
