//! `tandem run`: serves the configured chat platform until Ctrl-C or SIGTERM.
//!
//! The order of a start matters and is the same for every platform: the case key is
//! checked before anything is opened; the database is opened and re-sealed; what a
//! killed run left is reclaimed (SQLite); the platform's lease is waited for (a second
//! process on the same database is a standby); then the bot connects, the app learns the
//! names the moderators go by, and the sweeper, the outbox's dispatcher and the scheduler
//! start beside the bot's serve loop (which catches up on what was missed). A stop ends
//! the serve loop, then the background, then the lease.

use std::process::ExitCode;

use crate::config::Settings;
use crate::storage::Sealer;

use super::setup::{KeyFallback, case_key, load_programmes, load_settings};
#[cfg(any(feature = "matrix", feature = "discord"))]
use {
    super::setup::{app_settings, rekey},
    crate::app::{App, Ports},
    crate::domain::{Platform, RoomRef},
    crate::storage::Store,
    anyhow::Context,
    std::sync::Arc,
};

/// `tandem run`: refuses without exactly one platform configured, or without the case key.
pub(super) async fn run(settings_file: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = load_settings(settings_file)?;
    let programmes = load_programmes(&settings)?;
    if settings.matrix.is_none() && settings.discord.is_none() {
        eprintln!(
            "tandem: no chat platform is configured.\nAdd a [matrix] section (homeserver_url, user_id; password in TANDEM_MATRIX_PASSWORD) or a [discord] section (guild_ids; token in TANDEM_DISCORD_TOKEN) to your settings file: see config/tandem.example.toml.\nTo try Tandem without a chat server, run `tandem console`."
        );
        return Ok(ExitCode::from(2));
    }
    if settings.matrix.is_some() && settings.discord.is_some() {
        eprintln!(
            "tandem: both [matrix] and [discord] are configured; this version serves one platform per process. Run one `tandem run` per platform with its own settings file (they can share the database)."
        );
        return Ok(ExitCode::from(2));
    }
    // Before connecting anywhere: serving without the key would seal reports
    // with one nobody kept.
    let key = case_key(&settings, KeyFallback::None)?;
    if settings.matrix.is_some() {
        return run_matrix(settings, programmes, key).await;
    }
    run_discord(settings, programmes, key).await
}

/// Serves the configured Matrix account until Ctrl-C or SIGTERM.
#[cfg(feature = "matrix")]
async fn run_matrix(
    settings: Settings,
    programmes: Vec<crate::domain::Programme>,
    key: Sealer,
) -> anyhow::Result<ExitCode> {
    use crate::platforms::matrix::{MatrixBot, MatrixOptions};
    let matrix = settings.matrix.clone().context("no [matrix] section")?;
    let store = Store::open(&settings.database_url())
        .await?
        .with_case_key(key);
    rekey(&store).await;
    reclaim_if_sqlite(&store).await?;
    let Some(lease) = own_platform(&store, Platform::Matrix).await? else {
        return Ok(ExitCode::SUCCESS);
    };
    tracing::info!(homeserver = %matrix.homeserver_url, user = %matrix.user_id, "connecting to Matrix");
    let bot = MatrixBot::connect(MatrixOptions::new(matrix, &settings.data_dir)).await?;
    let rooms = [
        bot.coordinators_room(),
        bot.moderators_room(),
        bot.events_room(),
    ];
    let app = platform_app(
        &settings,
        store,
        programmes,
        &bot,
        rooms,
        "[matrix] coordinators_room",
        Platform::Matrix,
    )
    .await;
    let background = Background::start(&app);
    let stopper = {
        let bot = bot.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("stopping after the sync in progress");
            bot.stop();
        })
    };
    bot.serve(app).await?;
    background.stop().await;
    stopper.abort();
    lease.release().await;
    Ok(ExitCode::SUCCESS)
}

/// SQLite serves one process: what a killed run of it held (acts, jobs, leases) is taken
/// up again at once rather than after its lease.
#[cfg(any(feature = "matrix", feature = "discord"))]
async fn reclaim_if_sqlite(store: &Store) -> anyhow::Result<()> {
    if store.backend() == crate::storage::Backend::Sqlite {
        store.reclaim_after_restart().await?;
    }
    Ok(())
}

/// Waits until this process may serve `platform` (another process on the same database
/// may hold it: this one is then a standby), or until asked to stop (`None`). If the
/// lease is lost later, the process exits at once: another one serves the platform now.
#[cfg(any(feature = "matrix", feature = "discord"))]
async fn own_platform(
    store: &Store,
    platform: Platform,
) -> anyhow::Result<Option<crate::app::ownership::PlatformLease>> {
    use crate::app::ownership::{PlatformLease, lease_length};
    let acquire = PlatformLease::acquire(store.clone(), platform, lease_length(), move || {
        tracing::error!("exiting: {platform} is served by another process now");
        std::process::exit(75);
    });
    tokio::select! {
        lease = acquire => lease.map(Some),
        _ = shutdown_signal() => Ok(None),
    }
}

/// The app served by a chat platform's bot: the bot is every port, and its staff and events
/// rooms (`[coordinators, moderators, events]`) join the console ones. The names the
/// moderation team goes by on the platform are learned here, once per start.
#[cfg(any(feature = "matrix", feature = "discord"))]
async fn platform_app<B>(
    settings: &Settings,
    store: Store,
    programmes: Vec<crate::domain::Programme>,
    bot: &Arc<B>,
    rooms: [Option<RoomRef>; 3],
    coordinators_key: &str,
    platform: Platform,
) -> App
where
    B: crate::ports::DirectMessenger
        + crate::ports::RoomMessenger
        + crate::ports::RoomProvisioner
        + 'static,
{
    let mut app_settings = app_settings(settings);
    let [coordinators, moderators, events] = rooms;
    if coordinators.is_none() {
        tracing::warn!("no {coordinators_key}: reviewer cards and proposals have nowhere to go");
    }
    app_settings.coordinators_rooms.extend(coordinators);
    app_settings.moderators_rooms.extend(moderators);
    app_settings.events_rooms.extend(events);
    // Only this platform's jobs and acts: another process may serve another platform on
    // the same database.
    app_settings.platforms = vec![platform];
    // Limited here only: the console, typed into (or scripted) by one operator, is not.
    app_settings.limits = crate::app::RateLimits {
        messages_per_minute: Some(settings.limits.messages_per_minute),
        expensive_per_hour: Some(settings.limits.expensive_per_hour),
    };
    let ports = Ports {
        dm: bot.clone(),
        rooms: bot.clone(),
        provisioner: bot.clone(),
    };
    let mut app = App::new(
        store,
        programmes,
        ports,
        Arc::new(crate::app::SystemClock),
        app_settings,
    );
    app.learn_staff_names().await;
    app
}

/// What runs beside a chat platform: the sweeper (deadlines, reminders, escalations) every
/// minute, the outbox's dispatcher (retries), and the scheduler loop (milestones and other timed jobs), asleep until the next
/// job is due.
#[cfg(any(feature = "matrix", feature = "discord"))]
struct Background {
    sweeper: tokio::task::JoinHandle<()>,
    outbox: tokio::task::JoinHandle<()>,
    scheduler: crate::app::scheduler::Scheduler,
    jobs: tokio::task::JoinHandle<()>,
}

#[cfg(any(feature = "matrix", feature = "discord"))]
impl Background {
    fn start(app: &App) -> Background {
        use crate::app::supervise::{contained, supervise};
        let sweeper = {
            let app = app.clone();
            supervise("sweeper", move || {
                let app = app.clone();
                async move {
                    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
                    loop {
                        tick.tick().await;
                        if let Ok(Err(e)) = contained("the periodic sweep", app.sweep()).await {
                            tracing::warn!("periodic sweep failed: {e}")
                        }
                    }
                }
            })
        };
        // The outbox: retries of acts that failed, and what a crashed process left.
        let outbox = {
            let app = app.clone();
            supervise("outbox", move || {
                let app = app.clone();
                async move {
                    loop {
                        if let Ok(Err(e)) =
                            contained("delivering the outbox", app.dispatch_due()).await
                        {
                            tracing::warn!("delivering the outbox failed: {e}");
                        }
                        let next = app.next_delivery_at().await.ok().flatten();
                        let wait = next
                            .and_then(|at| (at - app.now()).to_std().ok())
                            .unwrap_or(std::time::Duration::from_secs(5))
                            .clamp(
                                std::time::Duration::from_millis(200),
                                std::time::Duration::from_secs(5),
                            );
                        tokio::time::sleep(wait).await;
                    }
                }
            })
        };
        let scheduler = app.scheduler(crate::app::scheduler::SchedulerOptions::default());
        let jobs = {
            let scheduler = scheduler.clone();
            supervise("scheduler", move || {
                let scheduler = scheduler.clone();
                async move { scheduler.run().await }
            })
        };
        Background {
            sweeper,
            outbox,
            scheduler,
            jobs,
        }
    }

    async fn stop(self) {
        self.scheduler.stop();
        let _ = self.jobs.await;
        self.sweeper.abort();
        // An act it was delivering stays held until its lease ends; then the next start
        // delivers it, under the same key.
        self.outbox.abort();
    }
}

#[cfg(feature = "discord")]
async fn run_discord(
    settings: Settings,
    programmes: Vec<crate::domain::Programme>,
    key: Sealer,
) -> anyhow::Result<ExitCode> {
    use crate::platforms::discord::{DiscordBot, DiscordOptions};
    let discord = settings.discord.clone().context("no [discord] section")?;
    let store = Store::open(&settings.database_url())
        .await?
        .with_case_key(key);
    rekey(&store).await;
    let options = DiscordOptions::from_env(discord, &settings.room_prefix)?;
    reclaim_if_sqlite(&store).await?;
    let Some(lease) = own_platform(&store, Platform::Discord).await? else {
        return Ok(ExitCode::SUCCESS);
    };
    tracing::info!(application = options.settings.application_id, guilds = ?options.settings.guild_ids, "connecting to Discord");
    let bot = DiscordBot::connect(options).await?;
    let rooms = [
        bot.coordinators_room(),
        bot.moderators_room(),
        bot.events_room(),
    ];
    let app = platform_app(
        &settings,
        store,
        programmes,
        &bot,
        rooms,
        "[discord] coordinators_channel",
        Platform::Discord,
    )
    .await;
    let background = Background::start(&app);
    let stopper = {
        let bot = bot.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("closing the Discord connection");
            bot.stop().await;
        })
    };
    bot.serve(app).await?;
    background.stop().await;
    stopper.abort();
    lease.release().await;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "discord"))]
async fn run_discord(
    _settings: Settings,
    _programmes: Vec<crate::domain::Programme>,
    _key: Sealer,
) -> anyhow::Result<ExitCode> {
    eprintln!("tandem: this build has no Discord support (built without the `discord` feature)");
    Ok(ExitCode::from(2))
}

#[cfg(not(feature = "matrix"))]
async fn run_matrix(
    _settings: Settings,
    _programmes: Vec<crate::domain::Programme>,
    _key: Sealer,
) -> anyhow::Result<ExitCode> {
    eprintln!("tandem: this build has no Matrix support (built without the `matrix` feature)");
    Ok(ExitCode::from(2))
}

#[cfg(any(feature = "matrix", feature = "discord"))]
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => return std::future::pending().await,
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
