//! One process serving Matrix and Discord at once, against a real Synapse and the Discord
//! fake: one app and one database behind both bots, as `tandem run` with both sections
//! builds it (`platforms::joined`).

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::Room;
use matrix_sdk::ruma::events::room::message::{ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, RoomId, UserId};
use tandem::app::{App, AppSettings, ManualClock};
use tandem::config::DiscordSettings;
use tandem::domain::{Platform, RoomRef, UserRef};
use tandem::platforms::adapter::{Bot as _, ports_of};
use tandem::platforms::discord::{DiscordBot, DiscordOptions};
use tandem::platforms::joined::joined;
use tandem::platforms::matrix::MatrixBot;

use crate::discord_fake::{APPLICATION_ID, DiscordFake, GUILD_ID, TOKEN, from_bot, is_id};
use crate::matrix::{
    Person, Received, connected_bot, new_bot_account, staff_room, synapse_url, unique, wait_for,
    wait_until_joined,
};
use crate::support::{MENTEE_ANSWERS, MENTOR_ANSWERS, TestDb, example_programmes, start_time};

/// One app served by a Matrix bot (with Carol's coordinators' room) and a Discord bot
/// (on the fake), as `tandem run` with both sections builds it.
struct Both {
    bot_id: OwnedUserId,
    carol: Person,
    coordinators: OwnedRoomId,
    matrix: Arc<MatrixBot>,
    discord: Arc<DiscordBot>,
    fake: DiscordFake,
    app: App,
    serving: [tokio::task::JoinHandle<anyhow::Result<()>>; 2],
    _db: TestDb,
    _dir: tempfile::TempDir,
}

/// [`Both`], started. With `relay`, the Discord bot reads message content (allowed by the
/// fake's "portal"), pair rooms are private threads of a pairs channel, Carol coordinates
/// the example programme and moderates from the same room: a pair on two platforms can
/// be made.
async fn both(url: &str, relay: bool) -> Both {
    crate::support::init_logging();
    // Matrix: the bot, and a coordinator who owns the staff room.
    let bot_id = new_bot_account(url).await;
    let carol = Person::new(url, &unique("carol")).await;
    let coordinators = staff_room(&carol, &bot_id, "Coordinators").await;
    let dir = tempfile::tempdir().unwrap();
    let (matrix, db, store) = connected_bot(url, &bot_id, &coordinators, dir.path()).await;

    // Discord: the fake, with no staff channels of its own.
    let fake = DiscordFake::start().await;
    fake.lock().strict = crate::discord_fake::Strictness::quick();
    fake.lock().message_content_allowed = relay;
    let pairs_channel = relay.then(|| fake.add_channel("pairs"));
    let discord = DiscordBot::connect(DiscordOptions {
        settings: DiscordSettings {
            application_id: APPLICATION_ID,
            guild_ids: vec![GUILD_ID],
            coordinators_channel: None,
            moderators_channel: None,
            events_channel: None,
            pairs_channel,
            pairs_category: None,
            message_content: relay,
        },
        token: TOKEN.into(),
        room_prefix: "!tandem".into(),
        http_client: Some(fake.http_client()),
    })
    .await
    .expect("the Discord bot builds its clients");

    let mut programmes = example_programmes();
    let mut moderation = AppSettings::default().moderation;
    if relay {
        for p in &mut programmes {
            p.coordinators = vec![carol.user()];
        }
        moderation.moderators = vec![carol.user()];
    }
    let staff: Vec<RoomRef> = matrix.coordinators_room().into_iter().collect();
    let app = App::new(
        store,
        programmes,
        joined(vec![
            (Platform::Matrix, ports_of(&matrix)),
            (Platform::Discord, ports_of(&discord)),
        ]),
        Arc::new(ManualClock::new(start_time())),
        AppSettings {
            coordinators_rooms: staff.clone(),
            moderators_rooms: if relay { staff } else { vec![] },
            events_rooms: vec![],
            platforms: vec![Platform::Matrix, Platform::Discord],
            moderation,
            relay: true,
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
    Both {
        bot_id,
        carol,
        coordinators,
        matrix,
        discord,
        fake,
        app,
        serving,
        _db: db,
        _dir: dir,
    }
}

impl Both {
    async fn stop(self) {
        self.matrix.stop();
        self.discord.stop().await;
        for task in self.serving {
            let _ = tokio::time::timeout(Duration::from_secs(30), task).await;
        }
    }
}

/// A Matrix person and a Discord person write to the same bot: each is answered on their
/// own platform, and a Discord person's question to the team reaches the coordinators in
/// their room on Matrix (the community keeps its staff on one platform).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_process_serves_matrix_and_discord_and_staff_on_one_hear_people_on_the_other() {
    let Some(url) = synapse_url() else { return };
    let both = both(&url, false).await;
    let (bot_id, carol, coordinators, fake) =
        (&both.bot_id, &both.carol, &both.coordinators, &both.fake);
    let amina = Person::new(&url, &unique("amina")).await;
    let bilal = fake.add_user("bilal");

    // Amina applies on Matrix, and is asked the first question there.
    let dm = amina.open_dm(bot_id).await;
    amina.say(&dm, "apply").await;
    wait_for("Amina's first question, on Matrix", || {
        let asked = amina
            .received()
            .iter()
            .any(|r| r.sender == *bot_id && r.room == dm.room_id());
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
                r.room == *coordinators
                    && r.sender == *bot_id
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

    both.stop().await;
}

/// `who` says `line` in `room`, and the bot has handled it.
async fn matrix_says(both: &Both, who: &Person, room: &Room, line: &str) {
    let event = who.say(room, line).await;
    wait_for(&format!("the bot to handle {line:?}"), || {
        let handled = both.matrix.has_handled(&event);
        async move { handled }
    })
    .await;
}

/// `user` writes `line` to the bot on Discord, and the bot has handled it.
async fn discord_says(both: &Both, user: u64, line: &str) {
    let before = both.discord.handled();
    both.fake.dm(user, line);
    wait_for(&format!("the bot to handle {line:?} on Discord"), || {
        let handled = both.discord.handled() > before;
        async move { handled }
    })
    .await;
}

/// Whether `person` got a message from the bot in `room` that `check` accepts.
fn got(person: &Person, bot: &UserId, room: &RoomId, check: impl Fn(&Received) -> bool) -> bool {
    person
        .received()
        .iter()
        .any(|r| r.sender == bot && r.room == room && check(r))
}

/// The test of one community across both platforms: a Matrix mentee and a Discord
/// mentor apply, are matched, accept (each told first that the bot relays their words),
/// and talk in a relayed pair room both ways, with a file; the room is then frozen and
/// archived on both sides.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matrix_mentee_and_a_discord_mentor_talk_in_a_relayed_pair_room_then_it_is_frozen_and_archived()
 {
    let Some(url) = synapse_url() else { return };
    let both = both(&url, true).await;
    let (bot_id, carol, fake) = (&both.bot_id, &both.carol, &both.fake);
    let store = both.app.store();
    let amina = Person::new(&url, &unique("amina")).await;
    let bilal = fake.add_user("bilal");
    let bilal_ref = UserRef::new(Platform::Discord, bilal.to_string());

    // Amina applies on Matrix; Bilal on Discord, as a mentor, screened by Carol on Matrix.
    let dm = amina.open_dm(bot_id).await;
    let mut lines = MENTEE_ANSWERS.to_vec();
    lines[2] = "Amina";
    for line in lines.iter().chain(&["submit", "I agree"]) {
        matrix_says(&both, &amina, &dm, line).await;
    }
    let mut lines = MENTOR_ANSWERS.to_vec();
    lines[1] = "Bilal";
    for line in lines.iter().chain(&["submit"]) {
        discord_says(&both, bilal, line).await;
    }
    let id = store.applications_of(&bilal_ref).await.unwrap()[0].id;
    let staff = carol
        .client
        .get_room(&both.coordinators)
        .expect("Carol's room");
    matrix_says(&both, carol, &staff, &format!("!tandem approve {id}")).await;
    discord_says(&both, bilal, "I agree").await;
    for step in [
        "interview done",
        "training done",
        "background_check cleared until 2099-01-01",
    ] {
        matrix_says(&both, carol, &staff, &format!("!tandem step {id} {step}")).await;
    }

    // Matched across platforms; each is told of the relay before accepting.
    matrix_says(&both, carol, &staff, "!tandem match propose").await;
    matrix_says(&both, carol, &staff, "!tandem match approve 1").await;
    let told = "so your pair room is two rooms joined by Tandem";
    wait_for("Amina's offer, naming the relay", || {
        let seen = got(&amina, bot_id, dm.room_id(), |r| r.body.contains(told));
        async move { seen }
    })
    .await;
    let bilal_dm = fake.lock().dm_channel(bilal).expect("Bilal's DM");
    assert!(
        fake.lock()
            .messages_in(bilal_dm)
            .iter()
            .any(|m| from_bot(m) && m["content"].as_str().is_some_and(|c| c.contains(told))),
        "Bilal's offer names the relay"
    );
    matrix_says(&both, &amina, &dm, "accept").await;
    discord_says(&both, bilal, "accept").await;
    let mut sides = None;
    wait_for("the pair's two rooms", || {
        let store = store.clone();
        async move {
            let m = store.match_by_id(1).await.unwrap().unwrap();
            m.room.is_some() && m.relay_room.is_some()
        }
    })
    .await;
    if let Some(m) = store.match_by_id(1).await.unwrap() {
        sides = Some((m.pair_room().unwrap(), m.relay_side().unwrap()));
    }
    let (matrix_side, discord_side) = sides.unwrap();
    assert_eq!(
        (matrix_side.platform, discord_side.platform),
        (Platform::Matrix, Platform::Discord)
    );
    let thread: u64 = discord_side.id.parse().unwrap();
    let matrix_room = OwnedRoomId::try_from(matrix_side.id.as_str()).unwrap();
    wait_for("Amina in her side of the pair room", || {
        let joined = amina.client.get_room(&matrix_room).is_some();
        async move { joined }
    })
    .await;
    let pair = amina.client.get_room(&matrix_room).unwrap();
    wait_until_joined(&pair, &amina.id, "her side of the pair room").await;
    assert!(
        fake.lock().thread_members[&thread].contains(&bilal),
        "Bilal is in his side, a private thread"
    );

    // Amina writes; Bilal reads it in his thread, under her name; her edit follows.
    let hello = amina.say(&pair, "Hello Bilal! When shall we meet?").await;
    let copy_in = |text: &'static str| {
        move |s: &crate::discord_fake::State| {
            s.messages_in(thread)
                .iter()
                .find(|m| from_bot(m) && m["content"] == text)
                .map(|_| ())
        }
    };
    fake.wait_for(
        "Amina's words in Bilal's thread",
        Duration::from_secs(30),
        copy_in("Amina: Hello Bilal! When shall we meet?"),
    )
    .await;
    let edit = RoomMessageEventContent::text_plain("* Hello Bilal! When shall we meet this week?")
        .make_replacement(ReplacementMetadata::new(hello, None));
    pair.send(edit).await.expect("Amina edits her message");
    fake.wait_for(
        "Amina's edit in Bilal's thread",
        Duration::from_secs(30),
        copy_in("Amina: * Hello Bilal! When shall we meet this week?"),
    )
    .await;
    // Bilal answers, then sends a file: Amina gets both in her room.
    let answer = fake.say(bilal, thread, "Hi Amina! Tuesday works.");
    wait_for("Bilal's answer in Amina's room", || {
        let seen = got(&amina, bot_id, &matrix_room, |r| {
            r.body == "Bilal: Hi Amina! Tuesday works."
        });
        async move { seen }
    })
    .await;
    // He deletes it: so does the bot, in Amina's room.
    let copy = amina
        .received()
        .into_iter()
        .find(|r| r.body == "Bilal: Hi Amina! Tuesday works.")
        .expect("the copy")
        .event;
    fake.delete(thread, answer);
    wait_for("Bilal's deletion followed in Amina's room", || {
        let (pair, copy) = (pair.clone(), copy.clone());
        async move {
            pair.event(&copy, None).await.is_ok_and(|e| {
                e.raw()
                    .get_field::<serde_json::Value>("unsigned")
                    .ok()
                    .flatten()
                    .is_some_and(|u| u.get("redacted_because").is_some())
            })
        }
    })
    .await;
    // He edits another: Amina's copy shows the new text.
    let later = fake.say(bilal, thread, "See you Tuesday");
    wait_for("Bilal's second message in Amina's room", || {
        let seen = got(&amina, bot_id, &matrix_room, |r| {
            r.body == "Bilal: See you Tuesday"
        });
        async move { seen }
    })
    .await;
    fake.edit(thread, later, "See you Tuesday at 6");
    wait_for("Bilal's edit in Amina's room", || {
        let seen = got(&amina, bot_id, &matrix_room, |r| {
            r.body.ends_with("Bilal: See you Tuesday at 6")
        });
        async move { seen }
    })
    .await;
    let tips = b"Three tips for a first CV";
    fake.say_file(bilal, thread, "My notes", ("tips.txt", "text/plain", tips));
    wait_for("Bilal's file in Amina's room", || {
        let seen = got(&amina, bot_id, &matrix_room, |r| {
            r.file.as_ref().is_some_and(|(bytes, _)| bytes == tips)
        });
        async move { seen }
    })
    .await;

    // Frozen by a moderator: neither side can be written in.
    matrix_says(&both, carol, &staff, "!tandem freeze pair M1").await;
    matrix_says(&both, carol, &staff, "!tandem confirm").await;
    fake.wait_for("Bilal's thread locked", Duration::from_secs(30), |s| {
        (s.channels[&thread]["thread_metadata"]["locked"] == true).then_some(())
    })
    .await;
    wait_for("Amina's side read-only", || {
        let pair = pair.clone();
        async move {
            pair.power_levels()
                .await
                .is_ok_and(|p| p.events_default == matrix_sdk::ruma::Int::from(100))
        }
    })
    .await;

    // Closed: the final notice in both sides, and both archived.
    matrix_says(
        &both,
        carol,
        &staff,
        "!tandem close match M1 they moved away",
    )
    .await;
    matrix_says(&both, carol, &staff, "!tandem confirm").await;
    let closed = "this room is now closed and read-only";
    fake.wait_for("Bilal's thread archived", Duration::from_secs(30), |s| {
        let archived = s.channels[&thread]["thread_metadata"]["archived"] == true;
        let told = s
            .messages_in(thread)
            .iter()
            .any(|m| from_bot(m) && m["content"].as_str().is_some_and(|c| c.contains(closed)));
        (archived && told).then_some(())
    })
    .await;
    wait_for("the final notice in Amina's room", || {
        let seen = got(&amina, bot_id, &matrix_room, |r| r.body.contains(closed));
        async move { seen }
    })
    .await;
    both.stop().await;
}

/// A person who starts her application on Matrix links her Discord account (the code
/// given on Matrix, typed on Discord) and finishes it there: one application, answered on
/// Discord, and Matrix told of the link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_links_her_discord_account_to_matrix_and_finishes_her_application_there() {
    let Some(url) = synapse_url() else { return };
    let both = both(&url, false).await;
    let (bot_id, fake) = (&both.bot_id, &both.fake);
    let amina = Person::new(&url, &unique("amina")).await;
    let her_discord = fake.add_user("amina-d");
    let dm = amina.open_dm(bot_id).await;
    for line in &MENTEE_ANSWERS[..6] {
        matrix_says(&both, &amina, &dm, line).await;
    }
    matrix_says(&both, &amina, &dm, "link").await;
    let mut code = None;
    wait_for("Amina's code, on Matrix", || {
        code = amina.received().iter().find_map(|r| {
            (r.sender == *bot_id && r.room == dm.room_id())
                .then(|| {
                    r.body
                        .split("Your code is ")
                        .nth(1)?
                        .get(..9)
                        .map(str::to_string)
                })
                .flatten()
        });
        let found = code.is_some();
        async move { found }
    })
    .await;
    let code = code.expect("a code");

    discord_says(&both, her_discord, &format!("link {code}")).await;
    let channel = fake
        .lock()
        .dm_channel(her_discord)
        .expect("a DM on Discord");
    let said_on_discord = |text: &str| {
        fake.lock()
            .messages_in(channel)
            .iter()
            .any(|m| from_bot(m) && m["content"].as_str().is_some_and(|c| c.contains(text)))
    };
    wait_for("the link confirmed, on Discord", || {
        let done = said_on_discord("Done: this Discord account and your Matrix account");
        async move { done }
    })
    .await;
    wait_for("the notice of the link, on Matrix", || {
        let told = got(&amina, bot_id, dm.room_id(), |r| {
            r.body.contains("is now linked to this one")
        });
        async move { told }
    })
    .await;

    // The application goes on from Discord where it stopped.
    for line in &MENTEE_ANSWERS[6..] {
        discord_says(&both, her_discord, line).await;
    }
    discord_says(&both, her_discord, "submit").await;
    wait_for("the application submitted, answered on Discord", || {
        let done = said_on_discord("has been submitted");
        async move { done }
    })
    .await;
    let store = both.app.store();
    assert_eq!(store.applications_of(&amina.user()).await.unwrap().len(), 1);
    let discord_user = UserRef::new(Platform::Discord, her_discord.to_string());
    assert!(
        store
            .applications_of(&discord_user)
            .await
            .unwrap()
            .is_empty()
    );
    both.stop().await;
}
