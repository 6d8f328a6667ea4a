//! Tandem against the stricter fake (#25): what it does under each of Discord's limits and
//! refusals that the fake enforces (`discord_fake::limits`): rate-limit headers and 429s,
//! per route and global; the 3-second interaction deadline and the 15-minute token;
//! nonces that Discord forgets; 50001, 50013, 10003 and 10007; message content hidden
//! without the intent; a resumable INVALID_SESSION. (RECONNECT, a session that cannot be
//! resumed, and a pair room's history without the intent are in `discord`'s own tests.)
//!
//! A child of `discord`, for its harness (`start`, `Running`).

use std::time::Instant;

use super::*;
use crate::discord_fake::limits::SEND_MESSAGES;
use tandem::flows::Effect;
use tandem::flows::acts::Act;

/// A Discord channel as a room.
fn room(channel: u64) -> RoomRef {
    RoomRef::new(Platform::Discord, channel.to_string())
}

/// Waits for the bot's message in `channel` that contains `words`.
async fn bot_says(fake: &DiscordFake, channel: u64, words: &str) -> String {
    fake.wait_for(&format!("the bot saying {words:?}"), WAIT, |s| {
        bot_texts(s, channel)
            .into_iter()
            .find(|t| t.contains(words))
    })
    .await
}

fn posts_to(fake: &DiscordFake, channel: u64) -> usize {
    let post = format!("POST /channels/{channel}/messages");
    fake.lock().requests.iter().filter(|r| **r == post).count()
}

#[tokio::test]
async fn every_write_says_where_its_bucket_stands_and_serenity_waits_out_an_exhausted_one() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    {
        let mut s = fake.lock();
        s.strict.route_limit = 2;
        s.strict.route_window = Duration::from_millis(600);
    }
    // The headers, as any client reads them.
    let raw = fake
        .http_client()
        .post(format!(
            "https://discord.com/api/v10/channels/{}/messages",
            run.coordinators
        ))
        .header("authorization", format!("Bot {TOKEN}"))
        .header("content-type", "application/json")
        .body(json!({"content": "hello"}).to_string())
        .send()
        .await
        .unwrap();
    for header in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-ratelimit-reset-after",
        "x-ratelimit-bucket",
    ] {
        assert!(raw.headers().contains_key(header), "{header} missing");
    }
    assert_eq!(raw.headers()["x-ratelimit-limit"], "2");
    tokio::time::sleep(Duration::from_millis(700)).await;
    // Five posts in a row, two a window: serenity waits when Remaining is 0, so Discord
    // never has to refuse one; each wait is counted for `/metrics`.
    let waits_before = discord_rate_limits();
    let began = Instant::now();
    for i in 0..5 {
        let key = IdempotencyKey(format!("burst-{i}"));
        run.bot
            .post_in_room(
                &room(run.coordinators),
                &OutMessage::text(format!("note {i}")),
                &key,
            )
            .await
            .expect("posted");
    }
    assert!(
        began.elapsed() >= Duration::from_millis(1000),
        "two full windows waited: {:?}",
        began.elapsed()
    );
    assert_eq!(fake.rate_limited(), Vec::<String>::new());
    let texts = bot_texts(&fake.lock(), run.coordinators);
    assert_eq!(
        texts[1..],
        ["note 0", "note 1", "note 2", "note 3", "note 4"].map(String::from)
    );
    // (The count is the whole process's: other tests may add to it, never take away.)
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        discord_rate_limits() >= waits_before + 2.0,
        "two waits counted: {} then {}",
        waits_before,
        discord_rate_limits()
    );
    run.stop().await;
}

/// `tandem_platform_429_total{platform="discord"}` as `/metrics` gives it now (0 before
/// the first), the recorder installed by the first call.
fn discord_rate_limits() -> f64 {
    tandem::web::figures()
        .render()
        .lines()
        .find_map(|l| l.strip_prefix("tandem_platform_429_total{platform=\"discord\"} "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn a_global_429_is_waited_out_and_nobody_is_welcomed_twice() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    fake.lock().strict.global_limit = 2;
    let people: Vec<u64> = (0..6).map(|i| fake.add_user(&format!("p{i}"))).collect();
    for p in &people {
        fake.dm(*p, "apply");
    }
    run.settle(6, "six applications").await;
    for p in &people {
        let dm = fake.lock().dm_channel(*p).unwrap();
        bot_says(fake, dm, "Welcome to").await;
    }
    // Whatever was still on its way.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let refused = fake.rate_limited();
    assert!(
        refused.iter().any(|r| r.starts_with("global ")),
        "the global limit was reached: {refused:?}"
    );
    for p in &people {
        let dm = fake.lock().dm_channel(*p).unwrap();
        let welcomes = bot_texts(&fake.lock(), dm)
            .iter()
            .filter(|t| t.starts_with("Welcome to"))
            .count();
        assert_eq!(welcomes, 1, "one welcome for {p}");
    }
    run.stop().await;
}

#[tokio::test]
async fn a_slash_command_is_acknowledged_within_three_seconds_though_its_step_is_slow() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    assert_eq!(
        fake.lock().strict.interaction_deadline,
        Duration::from_secs(3),
        "Discord's own deadline"
    );
    let lobby = fake.add_channel("lobby");
    let amina = fake.add_user("amina");
    // Opening her DM takes Discord longer than the interaction may wait.
    let gate = fake.hold(Method::POST, "/users/@me/channels");
    let id = fake.slash(amina, Some(lobby), "apply", &[]);
    let deferred = response_to(fake, id).await;
    assert_eq!(deferred["type"], 5, "deferred at once: {deferred}");
    tokio::time::sleep(Duration::from_millis(3500)).await;
    gate.send(true).unwrap();
    // The reply, edited once the step is done (the token lives 15 minutes).
    let original = fake.final_reply(id, WAIT).await;
    assert!(
        original["content"]
            .as_str()
            .unwrap()
            .contains("direct messages"),
        "{original}"
    );
    let dm = fake.lock().dm_channel(amina).unwrap();
    expect_welcome(fake, dm, 0).await;
    run.stop().await;
}

#[tokio::test]
async fn a_reply_that_outlives_its_interaction_token_is_let_go_and_the_answer_still_comes_by_dm() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    fake.lock().strict.token_lifetime = Duration::from_millis(800);
    let lobby = fake.add_channel("lobby");
    let amina = fake.add_user("amina");
    let gate = fake.hold(Method::POST, "/users/@me/channels");
    let id = fake.slash(amina, Some(lobby), "apply", &[]);
    response_to(fake, id).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    gate.send(true).unwrap();
    let dm = fake.wait_for("her DM", WAIT, |s| s.dm_channel(amina)).await;
    expect_welcome(fake, dm, 0).await;
    run.settle(1, "the slash command").await;
    // The edit was refused (10015) once, and not tried again: the placeholder stays.
    let edits = fake
        .lock()
        .requests
        .iter()
        .filter(|r| r.starts_with("PATCH /webhooks/") && r.ends_with("/@original"))
        .count();
    assert_eq!(edits, 1);
    assert_eq!(
        fake.lock().originals[&id].as_ref().unwrap()["content"],
        "Tandem is thinking…"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_message_whose_answer_was_lost_is_not_sent_again_once_discord_forgot_its_nonce() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    fake.dm(amina, "hello");
    let dm = fake.wait_for("her DM", WAIT, |s| s.dm_channel(amina)).await;
    next_from_bot(fake, dm, 0).await;
    run.settle(1, "hello").await;
    // Discord takes the welcome but its answer is lost; and it forgets nonces at once.
    fake.lock().strict.nonce_memory = Duration::ZERO;
    fake.fail(
        Method::POST,
        &format!("/channels/{dm}/messages"),
        (0, true),
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
    );
    fake.dm(amina, "apply");
    run.settle(2, "apply").await;
    bot_says(fake, dm, "Welcome to").await;
    // The outbox tries again later (after the gateway told the bot of its own message).
    tokio::time::sleep(Duration::from_millis(300)).await;
    run.clock.advance(chrono::Duration::minutes(10));
    run.app.dispatch_due().await.unwrap();
    let texts = bot_texts(&fake.lock(), dm);
    let welcomes = texts.iter().filter(|t| t.starts_with("Welcome to")).count();
    assert_eq!(welcomes, 1, "{texts:#?}");
    assert_eq!(
        run.app.next_delivery_at().await.unwrap(),
        None,
        "nothing left to deliver"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_long_message_retried_after_discord_forgot_its_nonce_sends_only_the_parts_not_yet_sent() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    fake.lock().strict.nonce_memory = Duration::ZERO;
    let channel = run.coordinators;
    // Its second part fails (a 500): the first is in the channel.
    fake.fail(
        Method::POST,
        &format!("/channels/{channel}/messages"),
        (1, false),
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
    );
    let long = format!("{}\n\n{}", "a".repeat(1500), "b".repeat(1500));
    let key = IdempotencyKey("long-1".into());
    let message = OutMessage::text(long);
    assert!(
        run.bot
            .post_in_room(&room(channel), &message, &key)
            .await
            .is_err()
    );
    assert_eq!(bot_count(&fake.lock(), channel), 1);
    // Tried again (the outbox would, minutes later): the second part only.
    run.bot
        .post_in_room(&room(channel), &message, &key)
        .await
        .expect("sent");
    let texts = bot_texts(&fake.lock(), channel);
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(texts[0].starts_with('a') && texts[1].starts_with('b'));
    run.stop().await;
}

#[tokio::test]
async fn a_staff_channel_the_bot_may_not_post_in_or_see_is_told_to_the_moderators_at_once() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let carol = staff[0];
    // Send Messages taken away in the coordinators' channel (50013).
    fake.deny(run.coordinators, SEND_MESSAGES);
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", "queue")],
    );
    let notice = bot_says(fake, run.moderators, "coordinators' room was refused").await;
    assert!(
        notice.contains("missing a permission") && notice.contains("Send Messages"),
        "{notice}"
    );
    assert_eq!(posts_to(fake, run.coordinators), 1, "tried once");
    // Not retried later either.
    run.clock.advance(chrono::Duration::hours(1));
    run.app.dispatch_due().await.unwrap();
    assert_eq!(posts_to(fake, run.coordinators), 1);

    // The channel hidden from the bot altogether (50001).
    fake.lock().denied.clear();
    fake.hide_channel(run.coordinators);
    let seen = bot_count(&fake.lock(), run.moderators);
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", "queue")],
    );
    let notice = next_from_bot(fake, run.moderators, seen).await;
    let text = notice["content"].as_str().unwrap();
    assert!(text.contains("Missing Access"), "{text}");
    assert_eq!(posts_to(fake, run.coordinators), 2);
    run.stop().await;
}

#[tokio::test]
async fn a_post_in_a_deleted_channel_and_a_pair_room_for_someone_who_left_are_given_up_at_once() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let store = run.app.store();
    let now = run.app.now();
    // A pair's thread, deleted by a server admin (10003).
    let gone = fake.add_channel("gone");
    fake.delete_channel(gone);
    let post = Act::from_effect(&Effect::PostInRoom {
        room: room(gone),
        message: OutMessage::text("How is it going?"),
    })
    .unwrap();
    // A pair room for someone no longer in the server (10007 when added to its thread).
    let (amina, grace) = (fake.add_user("amina"), fake.add_user("grace"));
    fake.lock().departed.insert(grace);
    let pair = Act::from_effect(&Effect::CreatePairRoom {
        match_id: 7,
        name: "Amina & Grace".into(),
        topic: tandem::i18n::Text::plain("Pathways"),
        members: vec![discord(amina), discord(grace)],
        kickoff: OutMessage::text("Welcome, both!"),
        group_of: None,
    })
    .unwrap();
    let enqueue = crate::support::enqueued_by_a_dead_process("left-behind", now);
    store.enqueue_acts(&[post], &enqueue, now).await.unwrap();
    let enqueue = crate::support::enqueued_by_a_dead_process("left-behind-too", now);
    store.enqueue_acts(&[pair], &enqueue, now).await.unwrap();
    run.clock.advance(chrono::Duration::minutes(3));
    run.app.dispatch_due().await.unwrap();
    let refused = bot_says(fake, run.coordinators, "was refused").await;
    assert!(refused.contains("Unknown Channel"), "{refused}");
    let unmade = bot_says(fake, run.coordinators, "pair room for match M7").await;
    assert!(
        unmade.contains("no longer in the server") && unmade.contains("stopped trying"),
        "{unmade}"
    );
    // Hours later, nothing was tried again: one thread made, one post tried.
    run.clock.advance(chrono::Duration::hours(7));
    run.app.dispatch_due().await.unwrap();
    let threads = fake
        .lock()
        .requests
        .iter()
        .filter(|r| r.ends_with("/threads"))
        .count();
    assert_eq!((threads, posts_to(fake, gone)), (1, 1));
    // And the thread made for them, without Grace, is not left behind.
    let left: Vec<serde_json::Value> = fake
        .lock()
        .channels
        .values()
        .filter(|c| c["name"] == "Amina & Grace")
        .cloned()
        .collect();
    assert_eq!(left, Vec::<serde_json::Value>::new());
    run.stop().await;
}

#[tokio::test]
async fn told_its_session_may_be_resumed_the_bot_resumes_and_answers_what_was_sent_meanwhile() {
    // (RECONNECT and a session that cannot be resumed are in `discord`'s own tests.)
    resumes_and_answers_what_was_sent_meanwhile(DiscordFake::invalidate_session_resumably).await;
}

#[tokio::test]
async fn without_the_message_content_intent_a_command_typed_in_a_channel_is_unread_and_the_slash_command_answers()
 {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let carol = staff[0];
    // The bot asks for no privileged intent: Discord sends the message without its text.
    fake.say(carol, run.coordinators, "!tandem queue");
    run.settle(1, "the typed command").await;
    assert_eq!(
        bot_count(&fake.lock(), run.coordinators),
        0,
        "nothing answered: its text never arrived"
    );
    // The slash command carries its words itself.
    fake.slash(
        carol,
        Some(run.coordinators),
        "coordinate",
        &[("command", "queue")],
    );
    next_from_bot(fake, run.coordinators, 0).await;
    // A DM keeps its text without the intent.
    let amina = fake.add_user("amina");
    fake.dm(amina, "apply");
    let dm = fake.lock().dm_channel(amina).unwrap();
    expect_welcome(fake, dm, 0).await;
    run.stop().await;
}
