//! `tandem run` on a real Synapse, killed with SIGKILL a moment after a participant
//! writes, and started again: every message is answered, once.
//!
//! Each round Amina sends `status` in her encrypted DM, the bot process is killed 0 to
//! 600 ms later (before it has seen the message, while handling it, between the commit and
//! the send, or after), and a new process starts on the same store and database. The
//! message is then answered by the sync (sent while the bot was down), by the catch-up
//! (lost in a crash mid-batch), or by the outbox (decided but not sent), and never twice:
//! the event's id is on record, and a reply sent again carries the same transaction id.
//!
//! Then the same with two processes on one PostgreSQL database: one serves Matrix, a
//! standby waits, the first is killed, the standby takes over, and a new standby starts.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use matrix_sdk::ruma::{OwnedRoomId, UserId};

use crate::matrix::{PASSWORD, Person, register, synapse_url, unique, wait_for};
use crate::support::repo_root;

/// Rounds (kills), unless `TANDEM_MATRIX_CHAOS_ROUNDS` says otherwise.
const ROUNDS: usize = 12;

/// Starts `tandem run` with `settings`, its log appended to `log`, on SQLite.
fn start(settings: &std::path::Path, log: &std::path::Path) -> Child {
    start_with(settings, log, &[])
}

/// Starts `tandem run` with `settings` and these extra environment variables.
fn start_with(settings: &std::path::Path, log: &std::path::Path, env: &[(&str, &str)]) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--config", &settings.display().to_string(), "run"])
        .current_dir(repo_root())
        .env_remove("TANDEM_DATABASE_URL")
        .env("TANDEM_MATRIX_PASSWORD", PASSWORD)
        .env("TANDEM_CASE_KEY", "4c".repeat(32))
        .env("RUST_LOG", "tandem=info")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("start tandem run")
}

/// Writes a settings file for a bot account on `url`, storing in `dir`.
fn settings_file(dir: &std::path::Path, url: &str, bot_id: &UserId) -> std::path::PathBuf {
    let settings = dir.join("tandem.toml");
    std::fs::write(
        &settings,
        format!(
            "data_dir = {:?}\nprogrammes_dir = {:?}\n\n[matrix]\nhomeserver_url = {url:?}\nuser_id = {:?}\n",
            dir.display().to_string(),
            repo_root().join("config/programs").display().to_string(),
            bot_id.as_str(),
        ),
    )
    .unwrap();
    settings
}

/// Waits up to a minute for more than `before` replies; whether they came.
async fn answered_after(amina: &Person, dm: &OwnedRoomId, bot: &UserId, before: usize) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while replies(amina, dm, bot) <= before && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    replies(amina, dm, bot) > before
}

fn replies(amina: &Person, dm: &OwnedRoomId, bot: &UserId) -> usize {
    amina
        .received()
        .iter()
        .filter(|r| r.room == *dm && r.sender == bot)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_killed_just_after_a_message_answers_it_once_when_it_is_back() {
    let Some(url) = synapse_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let bot_name = unique("tandem");
    register(&url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    let settings = settings_file(dir.path(), &url, &bot_id);
    let log = dir.path().join("tandem.log");
    let amina = Person::new(&url, "amina").await;
    let mut bot = start(&settings, &log);
    let dm = amina.open_dm(&bot_id).await;
    let dm_id = dm.room_id().to_owned();
    // A first answer: the bot's device is set up and its first sync done.
    amina.say(&dm, "status").await;
    wait_for("the first answer", || {
        let n = replies(&amina, &dm_id, &bot_id);
        async move { n >= 1 }
    })
    .await;

    let rounds: usize = std::env::var("TANDEM_MATRIX_CHAOS_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ROUNDS);
    let mut seed = 0x9e37_79b9_u64 ^ u64::from(std::process::id());
    let (mut answered, mut lost) = (0usize, 0usize);
    for round in 0..rounds {
        let before = replies(&amina, &dm_id, &bot_id);
        amina.say(&dm, "status").await;
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        tokio::time::sleep(Duration::from_millis(seed % 600)).await;
        bot.kill().unwrap(); // SIGKILL
        bot.wait().unwrap();
        bot = start(&settings, &log);
        if answered_after(&amina, &dm_id, &bot_id, before).await {
            answered += 1;
        } else {
            lost += 1;
            eprintln!("round {round}: no answer; see {}", log.display());
        }
    }
    // Time for a late repeat to show.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let total = replies(&amina, &dm_id, &bot_id);
    let doubled = total.saturating_sub(rounds + 1);
    bot.kill().unwrap();
    bot.wait().unwrap();
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    println!(
        "matrix chaos: {rounds} kills (SIGKILL) of tandem run; messages sent {}, answered {}, lost {lost}, doubled {doubled}; caught up after {} of the restarts",
        rounds + 1,
        answered + 1,
        logged.matches("caught up with what was sent").count()
    );
    if lost + doubled > 0 {
        eprintln!("{logged}");
    }
    assert_eq!((lost, doubled), (0, 0));
}

/// Rounds of the standby test unless `TANDEM_MATRIX_STANDBY_ROUNDS` says otherwise.
const STANDBY_ROUNDS: usize = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_standby_process_takes_matrix_over_when_the_serving_one_is_killed_and_answers_once() {
    let Some(url) = synapse_url() else { return };
    let Some(db) = crate::support::TestDb::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let bot_name = unique("tandem");
    register(&url, &bot_name, false).await;
    let bot_id = UserId::parse(format!("@{bot_name}:localhost")).unwrap();
    // Both processes use the same data folder (the bot's Matrix device and its keys), as
    // a standby on the same host or a shared volume would; one PostgreSQL database.
    let settings = settings_file(dir.path(), &url, &bot_id);
    let env = [
        ("TANDEM_DATABASE_URL", db.url.as_str()),
        ("TANDEM_PLATFORM_LEASE_SECONDS", "3"),
    ];
    let logs = |n: usize| dir.path().join(format!("tandem-{n}.log"));
    let amina = Person::new(&url, "amina").await;
    let mut serving = start_with(&settings, &logs(0), &env);
    let dm = amina.open_dm(&bot_id).await;
    let dm_id = dm.room_id().to_owned();
    amina.say(&dm, "status").await;
    assert!(
        answered_after(&amina, &dm_id, &bot_id, 0).await,
        "the first process answers"
    );
    let mut standby = start_with(&settings, &logs(1), &env);
    // The standby waits: a message now is answered once, by the first.
    tokio::time::sleep(Duration::from_secs(2)).await;
    amina.say(&dm, "status").await;
    assert!(answered_after(&amina, &dm_id, &bot_id, 1).await);
    let mut sent = 2;

    let rounds: usize = std::env::var("TANDEM_MATRIX_STANDBY_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(STANDBY_ROUNDS);
    let mut seed = 0x2545_f491_u64 ^ u64::from(std::process::id());
    let (mut lost, mut takeovers) = (0usize, Vec::new());
    for round in 0..rounds {
        let before = replies(&amina, &dm_id, &bot_id);
        amina.say(&dm, "status").await;
        sent += 1;
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        tokio::time::sleep(Duration::from_millis(seed % 600)).await;
        serving.kill().unwrap(); // SIGKILL: no lease given back
        serving.wait().unwrap();
        let killed = std::time::Instant::now();
        // Written while nobody serves Matrix: the standby answers it once it takes over.
        amina.say(&dm, "status").await;
        sent += 1;
        if answered_after(&amina, &dm_id, &bot_id, before + 1).await {
            takeovers.push(killed.elapsed());
        } else {
            lost += 1;
            eprintln!(
                "round {round}: not all answered; see {}",
                dir.path().display()
            );
        }
        serving = standby;
        standby = start_with(&settings, &logs(round + 2), &env);
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let total = replies(&amina, &dm_id, &bot_id);
    let doubled = total.saturating_sub(sent);
    let lost = lost.max(sent.saturating_sub(total));
    for mut process in [serving, standby] {
        process.kill().unwrap();
        process.wait().unwrap();
    }
    let slowest = takeovers.iter().max().copied().unwrap_or_default();
    println!(
        "matrix standby: {rounds} kills of the serving process, each followed by its standby; messages sent {sent}, answered {total}, lost {lost}, doubled {doubled}; slowest takeover (kill to both answers) {:.1} s",
        slowest.as_secs_f64()
    );
    if lost + doubled > 0 {
        for n in 0..rounds + 2 {
            eprintln!(
                "--- process {n}\n{}",
                std::fs::read_to_string(logs(n)).unwrap_or_default()
            );
        }
    }
    assert_eq!((lost, doubled), (0, 0));
    // Each standby waited for the lease rather than connecting beside the first.
    let waited = (1..rounds + 2)
        .filter(|n| {
            std::fs::read_to_string(logs(*n))
                .unwrap_or_default()
                .contains("waiting as a standby")
        })
        .count();
    assert!(
        waited >= rounds,
        "{waited} of {} standbys waited",
        rounds + 1
    );
}
