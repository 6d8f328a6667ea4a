//! `tandem bench rooms`: pair rooms made one after the other on a real homeserver, at its
//! pace (`platforms::pacing`), and how that compares with what its limits allow; or, with
//! `--appservice-listen`, in appservice mode, where its client limits do not apply.
//!
//! The members must exist (`scripts/bench-rooms` starts a Synapse with its stock limits
//! for rooms, registers them and runs this). Each room is created as the outbox would:
//! a room the pacer says is not yet due is asked for again at its time. The figures: how
//! long the batch took, the 429s met, and the time the server's limit (a burst, then a
//! steady rate, given as options) allows for as many rooms.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::config::MatrixSettings;
use crate::domain::{Platform, UserRef};
use crate::platforms::matrix::{MatrixBot, MatrixOptions};
use crate::ports::{IdempotencyKey, PortError, PrivateRoomSpec, RoomProvisioner};

use super::BenchRooms;

pub async fn bench_rooms(o: &BenchRooms) -> anyhow::Result<serde_json::Value> {
    if o.pairs == 0 || o.per_second <= 0.0 {
        bail!("--pairs and --per-second must be above 0");
    }
    let settings = MatrixSettings {
        homeserver_url: o.homeserver.clone(),
        user_id: o.user.clone(),
        store_dir: Some(o.store.clone()),
        allowed_servers: vec![],
        coordinators_room: None,
        moderators_room: None,
        events_room: None,
        space: None,
        appservice: o.appservice.clone(),
    };
    let server = settings
        .server_name()
        .context("--user must be a full Matrix id, like @tandem:localhost")?
        .to_string();
    let options = MatrixOptions {
        connect_deadline: Some(Duration::from_secs(60)),
        ..MatrixOptions::new(settings, &o.store)
    };
    let bot = MatrixBot::connect(options).await?;
    let member = |n: usize, side: &str| {
        UserRef::new(
            Platform::Matrix,
            format!("@{}{n}{side}:{server}", o.members),
        )
    };
    let run = std::process::id();
    let started = Instant::now();
    let mut deferred = 0u64;
    for n in 0..o.pairs {
        let spec = PrivateRoomSpec {
            name: format!("Bench pair {n}"),
            topic: "tandem bench rooms".into(),
            members: vec![member(n, "a"), member(n, "b")],
            home: None,
        };
        let key = IdempotencyKey(format!("bench-{run}-{n}"));
        loop {
            match bot.create_private_room(&spec, &key).await {
                Ok(_) => break,
                Err(PortError::Paced(until)) => {
                    deferred += 1;
                    let wait = (until - chrono::Utc::now()).to_std().unwrap_or_default();
                    tokio::time::sleep(wait).await;
                }
                Err(e) => bail!("creating pair room {n}: {e}"),
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let refusals = bot.room_refusals();
    bot.stop();
    let allowed = (o.pairs as f64 - o.burst).max(0.0) / o.per_second;
    Ok(serde_json::json!({
        "mode": if o.appservice.is_some() { "appservice" } else { "client" },
        "pairs": o.pairs,
        "seconds": (seconds * 10.0).round() / 10.0,
        "allowed_seconds": (allowed * 10.0).round() / 10.0,
        "ratio_to_allowed": if allowed > 0.0 { ((seconds / allowed) * 1000.0).round() / 1000.0 } else { 0.0 },
        "requests": o.pairs as u64 + refusals,
        "answered_429": refusals,
        "waits_in_outbox": deferred,
    }))
}
