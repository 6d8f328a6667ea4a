//! `tandem run`: serves the configured chat platforms (Matrix, Discord or both) until
//! Ctrl-C or SIGTERM.
//!
//! One path for every platform, [`serve`], over the platform's
//! [`Adapter`](crate::platforms::adapter::Adapter). The order of a start matters: the case
//! key is checked before anything is opened; the database is opened and re-sealed; what
//! connecting needs (a token) is checked; what a killed run left is reclaimed (SQLite);
//! every platform's lease is waited for, all or none (a second process on the same
//! database is a standby); then the bots connect, the app learns the names the moderators
//! go by, and the health listener (if `[server] listen` is set), the sweeper, the outbox's
//! dispatcher and the scheduler start beside the bots' serve loops (which catch up on what
//! was missed). A stop ends the serve loops, then the background, then the leases; a
//! platform whose session ends by itself stops the others and exits 75, to be restarted.
//!
//! A new platform does not change this file: it plugs in through
//! [`crate::platforms::adapters`]. What runs beside every platform is `Background`.

use anyhow::Context;
use std::process::ExitCode;
use std::sync::Arc;

use crate::app::App;
use crate::config::Settings;
use crate::domain::{Platform, Programme};
use crate::platforms::adapter::{Adapter, Connected, Connection, StaffRooms};
use crate::storage::{Sealer, Store};

use super::setup::{KeyFallback, app_settings, case_key, load_programmes, load_settings, rekey};

/// `tandem run`: refuses without a platform configured, or without the case key.
pub(super) async fn run(settings_file: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = load_settings(settings_file)?;
    let programmes = load_programmes(&settings)?;
    let adapters = crate::platforms::adapters();
    let configured: Vec<&Adapter> = adapters
        .iter()
        .filter(|a| (a.configured)(&settings))
        .collect();
    if configured.is_empty() {
        let sections: Vec<String> = adapters
            .iter()
            .map(|a| format!("a {} section ({})", a.section, a.needs))
            .collect();
        eprintln!(
            "tandem: no chat platform is configured.\nAdd {} (or both) to your settings file: see config/tandem.example.toml.\nTo try Tandem without a chat server, run `tandem console`.",
            sections.join(" or ")
        );
        return Ok(ExitCode::from(2));
    }
    // Before connecting anywhere: serving without the key would seal reports
    // with one nobody kept.
    let key = case_key(&settings, KeyFallback::None)?;
    serve(&settings, programmes, key, &configured).await
}

/// Serves the platforms `adapters` connect to, all from one app, one database and one
/// scheduler, until Ctrl-C or SIGTERM, or until a platform's serve loop ends (the others
/// are then stopped too, so that a service manager restarts the whole): all of `tandem
/// run` after the checks on the settings. A process that is asked to stop while it waits
/// as a standby returns without connecting.
pub async fn serve(
    settings: &Settings,
    programmes: Vec<Programme>,
    key: Sealer,
    adapters: &[&Adapter],
) -> anyhow::Result<ExitCode> {
    if adapters.is_empty() {
        anyhow::bail!("no platform to serve");
    }
    let mut prepares = Vec::new();
    for adapter in adapters {
        let Some(prepare) = &adapter.prepare else {
            eprintln!(
                "tandem: this build has no {} support (built without the `{}` feature)",
                adapter.name, adapter.feature
            );
            return Ok(ExitCode::from(2));
        };
        prepares.push(prepare);
    }
    let store = Store::open(&settings.database_url())
        .await?
        .with_case_key(key);
    rekey(&store).await;
    // Before the leases: a standby missing its token would only say so once it took over.
    let connecting = prepares
        .iter()
        .map(|prepare| prepare(settings))
        .collect::<anyhow::Result<Vec<_>>>()?;
    reclaim_if_sqlite(&store).await?;
    let platforms: Vec<Platform> = adapters.iter().map(|a| a.platform).collect();
    let Some(leases) = own_platforms(&store, &platforms).await? else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut served = Vec::new();
    for (adapter, connecting) in adapters.iter().zip(connecting) {
        served.push((*adapter, connecting.await?));
    }
    let platforms_served: Vec<(Platform, Arc<dyn Connection>)> = served
        .iter()
        .map(|(a, c)| (a.platform, c.connection.clone()))
        .collect();
    let connections: Vec<Arc<dyn Connection>> =
        platforms_served.iter().map(|(_, c)| c.clone()).collect();
    let app = platform_app(settings, store, programmes, served).await?;
    // Dropped (and so stopped) when this function returns. An address that cannot be
    // listened on stops the start, giving the leases back at once.
    let _listener = match &settings.server.listen {
        Some(address) => {
            match crate::web::HealthListener::start(address, app.store().clone(), platforms_served)
                .await
            {
                Ok(listener) => Some(listener),
                Err(e) => {
                    for lease in leases {
                        lease.release().await;
                    }
                    return Err(e);
                }
            }
        }
        None => None,
    };
    let background = Background::start(&app);
    let asked_to_stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopper = {
        let (connections, asked) = (connections.clone(), asked_to_stop.clone());
        tokio::spawn(async move {
            shutdown_signal().await;
            asked.store(true, std::sync::atomic::Ordering::SeqCst);
            for connection in &connections {
                connection.stop().await;
            }
        })
    };
    let result = serve_all(&connections, &app).await;
    background.stop().await;
    stopper.abort();
    for lease in leases {
        lease.release().await;
    }
    result?;
    if asked_to_stop.load(std::sync::atomic::Ordering::SeqCst) {
        Ok(ExitCode::SUCCESS)
    } else {
        // Not asked to: a platform ended its session (a revoked token, a closed gateway).
        // A failure, so that a service manager restarts the process.
        tracing::error!("a platform ended its session: exiting so that the process is restarted");
        Ok(ExitCode::from(EX_TEMPFAIL))
    }
}

/// The exit code of a process that should be started again (sysexits' EX_TEMPFAIL), as
/// when its platform lease is lost.
const EX_TEMPFAIL: u8 = 75;

/// How long the other platforms' serve loops get to end once one has ended, before they
/// are cut short (a loop retrying a homeserver that is down may not look up for minutes).
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// Runs every platform's serve loop until one ends; then stops the others and waits for
/// them. The first error, if any, is the result.
async fn serve_all(connections: &[Arc<dyn Connection>], app: &App) -> anyhow::Result<()> {
    let mut loops: Vec<_> = connections
        .iter()
        .map(|c| tokio::spawn(c.clone().serve(app.clone())))
        .collect();
    let (first, index, rest) = futures_util::future::select_all(loops.iter_mut()).await;
    let others = rest.len();
    if others > 0 {
        // On a stop every loop ends; otherwise one platform's session did, and the
        // process ends as a whole.
        tracing::info!("a platform's serve loop ended: stopping the other platforms");
        for connection in connections {
            connection.stop().await;
        }
    }
    let mut result = flatten(first);
    for (i, mut other) in loops.into_iter().enumerate() {
        if i == index {
            continue;
        }
        let ended = match tokio::time::timeout(STOP_GRACE, &mut other).await {
            Ok(ended) => flatten(ended),
            Err(_) => {
                other.abort();
                tracing::warn!("a platform did not stop within {STOP_GRACE:?}: cut short");
                Ok(())
            }
        };
        if result.is_ok() {
            result = ended;
        }
    }
    result
}

fn flatten(joined: Result<anyhow::Result<()>, tokio::task::JoinError>) -> anyhow::Result<()> {
    joined.map_err(|e| anyhow::anyhow!("a platform's serve loop failed: {e}"))?
}

/// SQLite serves one process: what a killed run of it held (acts, jobs, leases) is taken
/// up again at once rather than after its lease.
async fn reclaim_if_sqlite(store: &Store) -> anyhow::Result<()> {
    if store.backend() == crate::storage::Backend::Sqlite {
        store.reclaim_after_restart().await?;
    }
    Ok(())
}

/// Waits until this process may serve every one of `platforms` (another process on the
/// same database may hold one: this one is then a standby), or until asked to stop
/// (`None`). All or none: waiting for one while holding another would leave that other
/// unserved, so a busy lease makes it give back the ones it took, wait for the busy one
/// first, and ask for the rest again. If a lease is lost later, the process exits at
/// once: another one serves that platform now.
async fn own_platforms(
    store: &Store,
    platforms: &[Platform],
) -> anyhow::Result<Option<Vec<crate::app::ownership::PlatformLease>>> {
    use crate::app::ownership::{PlatformLease, lease_length};
    let on_lost = |platform: Platform| {
        move || {
            tracing::error!("exiting: {platform} is served by another process now");
            std::process::exit(i32::from(EX_TEMPFAIL));
        }
    };
    let mut order = platforms.to_vec();
    loop {
        let first = order[0];
        let waited = tokio::select! {
            lease = PlatformLease::acquire(store.clone(), first, lease_length(), on_lost(first)) => lease?,
            _ = shutdown_signal() => return Ok(None),
        };
        let mut held = vec![waited];
        let mut busy = None;
        for &platform in &order[1..] {
            match PlatformLease::try_acquire(
                store.clone(),
                platform,
                lease_length(),
                on_lost(platform),
            )
            .await?
            {
                Some(lease) => held.push(lease),
                None => {
                    busy = Some(platform);
                    break;
                }
            }
        }
        let Some(busy) = busy else {
            return Ok(Some(held));
        };
        for lease in held {
            lease.release().await;
        }
        order.retain(|p| *p != busy);
        order.insert(0, busy);
    }
}

/// The app served by the chat platforms: their ports, joined (each call goes to the
/// platform of its person or room), and their staff and events rooms joining the console
/// ones. The names the moderation team goes by on each platform are learned here, once
/// per start.
async fn platform_app(
    settings: &Settings,
    store: Store,
    programmes: Vec<Programme>,
    served: Vec<(&Adapter, Connected)>,
) -> anyhow::Result<App> {
    let mut app_settings = app_settings(settings);
    // The rooms programmes name on each served platform, resolved and joined there: one
    // that cannot be used stops the start, as one the settings name does.
    for (adapter, connected) in &served {
        for p in &programmes {
            for named in p.rooms.iter().filter(|r| r.platform == adapter.platform) {
                let room = connected
                    .connection
                    .programme_room(&named.written)
                    .await
                    .with_context(|| {
                        format!(
                            "programme {}: its {} on {} ([rooms.{}] {})",
                            p.slug,
                            named.serves,
                            adapter.name,
                            adapter.platform,
                            named.serves.key()
                        )
                    })?;
                app_settings
                    .resolved_rooms
                    .insert((named.platform, named.written.clone()), room);
            }
        }
    }
    let mut ports = Vec::new();
    // Only these platforms' jobs and acts: another process may serve another platform on
    // the same database.
    app_settings.platforms = Vec::new();
    for (adapter, connected) in served {
        let StaffRooms {
            coordinators,
            moderators,
            events,
        } = connected.rooms;
        if coordinators.is_none() {
            tracing::warn!(
                "no {}: reviewer cards and proposals for people on {} go to another served platform's coordinators' room, if there is one",
                adapter.coordinators_key,
                adapter.name
            );
        }
        app_settings.coordinators_rooms.extend(coordinators);
        app_settings.moderators_rooms.extend(moderators);
        app_settings.events_rooms.extend(events);
        app_settings.platforms.push(adapter.platform);
        ports.push((adapter.platform, connected.ports));
    }
    // Limited here only: the console, typed into (or scripted) by one operator, is not.
    app_settings.limits = crate::app::RateLimits {
        messages_per_minute: Some(settings.limits.messages_per_minute),
        expensive_per_hour: Some(settings.limits.expensive_per_hour),
    };
    let mut app = App::new(
        store,
        programmes,
        crate::platforms::joined::joined(ports),
        Arc::new(crate::app::SystemClock),
        app_settings,
    );
    app.learn_staff_names().await;
    Ok(app)
}

/// What runs beside a chat platform: the sweeper (deadlines, reminders, escalations) every
/// minute, the outbox's dispatcher (retries), and the scheduler loop (milestones and other timed jobs), asleep until the next
/// job is due.
struct Background {
    sweeper: tokio::task::JoinHandle<()>,
    outbox: tokio::task::JoinHandle<()>,
    scheduler: crate::app::scheduler::Scheduler,
    jobs: tokio::task::JoinHandle<()>,
}

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

/// Ctrl-C, or SIGTERM (what a service manager sends to stop the service).
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
