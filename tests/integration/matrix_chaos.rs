//! `tandem run` on a real Synapse, killed with SIGKILL a moment after a participant
//! writes, and started again: every message is answered, once.
//!
//! Each round Amina sends `status` in her encrypted DM, the bot process is killed 0 to
//! 600 ms later (before it has seen the message, while handling it, between the commit and
//! the send, or after), and a new process starts on the same store and database. The
//! message is then answered by the sync (sent while the bot was down), by the catch-up
//! (lost in a crash mid-batch), or by the outbox (decided but not sent), and never twice:
//! the event's id is on record, and a reply sent again carries the same transaction id.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use matrix_sdk::ruma::{OwnedRoomId, UserId};

use crate::matrix::{PASSWORD, Person, register, synapse_url, unique, wait_for};
use crate::support::repo_root;

/// Rounds (kills), unless `TANDEM_MATRIX_CHAOS_ROUNDS` says otherwise.
const ROUNDS: usize = 12;

/// Starts `tandem run` with `settings`, its log appended to `log`.
fn start(settings: &std::path::Path, log: &std::path::Path) -> Child {
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
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("start tandem run")
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
    let settings = dir.path().join("tandem.toml");
    std::fs::write(
        &settings,
        format!(
            "data_dir = {:?}\nprogrammes_dir = {:?}\n\n[matrix]\nhomeserver_url = {url:?}\nuser_id = {:?}\n",
            dir.path().display().to_string(),
            repo_root().join("config/programs").display().to_string(),
            bot_id.as_str(),
        ),
    )
    .unwrap();
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
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while replies(&amina, &dm_id, &bot_id) <= before && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if replies(&amina, &dm_id, &bot_id) > before {
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
