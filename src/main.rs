//! The `tandem` command: console, run, migrate, check-config.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use tandem::app::{App, AppSettings, Ports, ShiftedClock};
use tandem::config::{self, Settings};
use tandem::domain::{Platform, RoomRef};
use tandem::matching::Objective;
use tandem::platforms::console::{self, ConsoleOutput};
use tandem::storage::{Sealer, Store};

#[derive(Parser)]
#[command(
    name = "tandem",
    version,
    about = "Mentoring programmes inside your chat community"
)]
struct Cli {
    /// Settings file. Without it, `tandem.toml` is used if present, else the defaults.
    #[arg(long, global = true, env = "TANDEM_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Talk to Tandem in this terminal (or through a pipe), with no chat server.
    Console {
        /// SQLite file or database URL; default `<data_dir>/console.db`.
        #[arg(long)]
        database: Option<String>,
        /// Start the bot's clock at this time (RFC 3339, e.g. 2027-01-11T09:00:00Z)
        /// instead of now, so a script shows the same dates whenever it runs.
        #[arg(long, value_parser = parse_start)]
        start: Option<chrono::DateTime<chrono::Utc>>,
        /// The input is a script run again after a stop: a message line handled before
        /// (the same text at the same line) is skipped; clock lines are applied again.
        #[arg(long)]
        resume: bool,
        /// Start each message with the idempotency key it was sent under, as a chat
        /// server sees it (a repeat has the same key).
        #[arg(long)]
        keys: bool,
    },
    /// Connect to the configured chat platforms and serve.
    Run,
    /// Export a programme's records for monitoring and evaluation, as CSV or JSON.
    /// Pseudonymous (application and match numbers, no free text from applications);
    /// survey answers only from the programme's anonymity minimum.
    Export {
        /// The programme's slug.
        #[arg(long)]
        programme: String,
        #[arg(long, value_parser = ["applications", "matches", "surveys", "events"])]
        what: String,
        #[arg(long, value_parser = ["csv", "json"], default_value = "csv")]
        format: String,
        /// Write here instead of to standard output.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Database URL; default as for `run`.
        #[arg(long)]
        database: Option<String>,
    },
    /// Apply database migrations and exit.
    Migrate {
        /// Database URL; default as for `run`.
        #[arg(long)]
        database: Option<String>,
    },
    /// Measure the matching engine on a synthetic population; prints one JSON object.
    Bench {
        #[command(subcommand)]
        what: BenchWhat,
    },
    /// The matching engine on files.
    Match {
        #[command(subcommand)]
        what: MatchWhat,
    },
    /// Check a settings file or a programme file (or a folder of programmes) and report
    /// every problem with its file, line and key.
    CheckConfig {
        /// Default: the settings file in use and its programmes folder.
        path: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum BenchWhat {
    /// Score, prune, solve and certify a synthetic cohort.
    Match {
        #[arg(long, default_value_t = 10_000)]
        mentees: usize,
        #[arg(long, default_value_t = 2_000)]
        mentors: usize,
        #[arg(long, default_value_t = 5)]
        capacity: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Candidates kept per mentee in the timed run.
        #[arg(long, default_value_t = 64)]
        k: usize,
        /// Skip finding the proven optimum to compare with (it takes several seconds).
        #[arg(long)]
        no_exact: bool,
        /// Scoring threads; default: the machine's cores.
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long, value_enum, default_value_t = ObjectiveArg::Count)]
        objective: ObjectiveArg,
    },
    /// Schedule nudges due inside a window into a counting sink and run the real scheduler
    /// on a real database; prints one JSON object (fired, duplicates, missed, lateness).
    Scheduler {
        #[arg(long, default_value_t = 100_000)]
        jobs: usize,
        /// The due times are spread over this window: 60s, 10s, 0s (all due at once).
        #[arg(long, default_value = "10s", value_parser = parse_window)]
        window: std::time::Duration,
        /// Database URL; default: a temporary SQLite file.
        #[arg(long)]
        database: Option<String>,
    },
}

fn parse_start(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| format!("`{text}` is not a time like 2027-01-11T09:00:00Z: {e}"))
}

fn parse_window(text: &str) -> Result<std::time::Duration, String> {
    let secs = text
        .strip_suffix('s')
        .unwrap_or(text)
        .parse::<f64>()
        .map_err(|_| format!("`{text}` is not a window: write seconds, like 10s or 0s"))?;
    if !(0.0..=3600.0).contains(&secs) {
        return Err(format!("`{text}`: the window is 0s to 3600s"));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

#[derive(Subcommand)]
enum MatchWhat {
    /// Solve a scored instance: {"mentors":[{"id","capacity"}],"mentees":[{"id","slots"}],
    /// "pairs":[{"mentee","mentor","score"}]} (pairs not listed are forbidden).
    Solve {
        #[arg(long)]
        instance: PathBuf,
        /// Write {"assignments":[...],"unmatched":[...]} here.
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ObjectiveArg::Count)]
        objective: ObjectiveArg,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ObjectiveArg {
    /// Match as many as possible, then maximise the total score.
    Count,
    /// Maximise the total score, even if fewer are matched.
    Score,
}

impl From<ObjectiveArg> for Objective {
    fn from(o: ObjectiveArg) -> Objective {
        match o {
            ObjectiveArg::Count => Objective::CountThenScore,
            ObjectiveArg::Score => Objective::Score,
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        // The SDK logs expected 404s (absent account data) and per-sync backup notes at
        // error and warning levels; RUST_LOG shows them when wanted.
        Command::Run => {
            "info,matrix_sdk=warn,matrix_sdk_base=warn,matrix_sdk::http_client=off,matrix_sdk_crypto=error"
        }
        _ => "warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level)),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tandem: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::CheckConfig { path } => check_config(cli.config.as_deref(), path.as_deref()),
        Command::Console {
            database,
            start,
            resume,
            keys,
        } => {
            let settings = load_settings(cli.config.as_deref())?;
            let programmes = load_programmes(&settings)?;
            let db_file = match &database {
                None => Some(settings.data_dir.join("console.db")),
                Some(d) if !d.contains("://") => Some(PathBuf::from(d)),
                Some(_) => None,
            };
            let url = match database {
                Some(d) => database_url(&d),
                None => config::sqlite_url(&settings.data_dir.join("console.db")),
            };
            let key = case_key(&settings, KeyFallback::DataDir)?;
            let store = Store::open(&url).await?.with_case_key(key);
            rekey(&store).await;
            if store.backend() == tandem::storage::Backend::Sqlite {
                // This is the only process on it: what a killed run held is free now.
                store.reclaim_after_restart().await?;
            }
            // Files the bot sends go next to the conversations' database (`x.db` →
            // `x-files/`), so each console session keeps its own.
            let files = match db_file {
                Some(f) => f.with_file_name(format!(
                    "{}-files",
                    f.file_stem().unwrap_or_default().to_string_lossy()
                )),
                None => settings.data_dir.join("console-files"),
            };
            let output = ConsoleOutput::stdout().with_files(files);
            let output = if keys { output.with_keys() } else { output };
            let ports = Ports {
                dm: Arc::new(output.clone()),
                rooms: Arc::new(output.clone()),
                provisioner: Arc::new(output),
            };
            let clock = Arc::new(start.map_or_else(ShiftedClock::new, ShiftedClock::starting_at));
            let app = App::new(
                store.clone(),
                programmes,
                ports,
                clock.clone(),
                app_settings(&settings),
            );
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                eprintln!(
                    "Tandem console. Type a message as `alice: hello` (a DM from alice) or `alice in lobby: !tandem help` (a room message). Try `alice: apply`. Ctrl-D quits; conversations are kept in {}.",
                    url.trim_start_matches("sqlite://")
                        .trim_end_matches("?mode=rwc")
                );
            }
            console::run(
                &app,
                &clock,
                tokio::io::BufReader::new(tokio::io::stdin()),
                resume,
            )
            .await?;
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Run => {
            let settings = load_settings(cli.config.as_deref())?;
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
        Command::Bench {
            what:
                BenchWhat::Match {
                    mentees,
                    mentors,
                    capacity,
                    seed,
                    k,
                    threads,
                    objective,
                    no_exact,
                },
        } => {
            let threads = threads.unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
            });
            let figures = tandem::bench::bench_match(&tandem::bench::BenchMatch {
                mentees,
                mentors,
                capacity,
                seed,
                k,
                threads,
                objective: objective.into(),
                exact: !no_exact,
            })?;
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            what:
                BenchWhat::Scheduler {
                    jobs,
                    window,
                    database,
                },
        } => {
            if jobs == 0 {
                anyhow::bail!("--jobs must be at least 1");
            }
            let figures = tandem::bench::bench_scheduler(&tandem::bench::BenchScheduler {
                jobs,
                window,
                database,
            })
            .await?;
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Match {
            what:
                MatchWhat::Solve {
                    instance,
                    output,
                    objective,
                },
        } => {
            let text = std::fs::read_to_string(&instance)
                .with_context(|| format!("reading {}", instance.display()))?;
            let (figures, assignments) =
                match tandem::bench::solve_instance(&text, objective.into()) {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!("tandem: {}: {e}", instance.display());
                        return Ok(ExitCode::from(2));
                    }
                };
            if let Some(out) = output {
                std::fs::write(&out, format!("{assignments:#}\n"))
                    .with_context(|| format!("writing {}", out.display()))?;
            }
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            programme,
            what,
            format,
            output,
            database,
        } => {
            use tandem::app::export::{ExportWhat, export};
            use tandem::domain::export::Format;
            let settings = load_settings(cli.config.as_deref())?;
            let programmes = load_programmes(&settings)?;
            let Some(p) = programmes.iter().find(|p| p.slug == programme) else {
                eprintln!(
                    "No programme `{programme}`. Programmes: {}.",
                    programmes
                        .iter()
                        .map(|p| p.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return Ok(ExitCode::from(2));
            };
            let url = database
                .map(|d| database_url(&d))
                .unwrap_or_else(|| settings.database_url());
            let store = Store::open(&url).await?;
            let what = match what.as_str() {
                "applications" => ExportWhat::Applications,
                "matches" => ExportWhat::Matches,
                "surveys" => ExportWhat::Surveys,
                _ => ExportWhat::Events,
            };
            let format = if format == "json" {
                Format::Json
            } else {
                Format::Csv
            };
            let result = export(&store, p, what, format).await?;
            store.close().await;
            match result {
                Ok((text, notes)) => {
                    for note in notes {
                        eprintln!("{note}");
                    }
                    match output {
                        Some(path) => std::fs::write(&path, text)
                            .with_context(|| format!("writing {}", path.display()))?,
                        None => print!("{text}"),
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(reason) => {
                    eprintln!("{reason}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Migrate { database } => {
            let settings = load_settings(cli.config.as_deref())?;
            let url = database
                .map(|d| database_url(&d))
                .unwrap_or_else(|| settings.database_url());
            let store = Store::connect(&url).await?;
            let applied = store.migrate().await?;
            store.close().await;
            println!("Database is up to date ({applied} migration(s) applied).");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Serves the configured Matrix account until Ctrl-C or SIGTERM.
#[cfg(feature = "matrix")]
async fn run_matrix(
    settings: Settings,
    programmes: Vec<tandem::domain::Programme>,
    key: Sealer,
) -> anyhow::Result<ExitCode> {
    use tandem::platforms::matrix::{MatrixBot, MatrixOptions};
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

/// Re-seals what an older version sealed under the case key (`Store::rekey`), once, as
/// the store gets its key. A failure is logged, not fatal: old values still open as they
/// are, and the next start tries again.
async fn rekey(store: &Store) {
    match store.rekey().await {
        Ok(done) => {
            if done.changed() > 0 {
                tracing::info!(
                    cases = done.cases,
                    files = done.files,
                    links = done.links,
                    "re-sealed what an older version sealed"
                );
            }
            if !done.unopened.is_empty() {
                tracing::warn!(
                    rows = ?done.unopened,
                    "these sealed rows do not open with the case key: is it the key they were sealed with?"
                );
            }
        }
        Err(e) => tracing::warn!("re-sealing what an older version sealed failed: {e:#}"),
    }
}

/// SQLite serves one process: what a killed run of it held (acts, jobs, leases) is taken
/// up again at once rather than after its lease.
#[cfg(any(feature = "matrix", feature = "discord"))]
async fn reclaim_if_sqlite(store: &Store) -> anyhow::Result<()> {
    if store.backend() == tandem::storage::Backend::Sqlite {
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
) -> anyhow::Result<Option<tandem::app::ownership::PlatformLease>> {
    use tandem::app::ownership::{PlatformLease, lease_length};
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
    programmes: Vec<tandem::domain::Programme>,
    bot: &Arc<B>,
    rooms: [Option<RoomRef>; 3],
    coordinators_key: &str,
    platform: Platform,
) -> App
where
    B: tandem::ports::DirectMessenger
        + tandem::ports::RoomMessenger
        + tandem::ports::RoomProvisioner
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
    app_settings.limits = tandem::app::RateLimits {
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
        Arc::new(tandem::app::SystemClock),
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
    scheduler: tandem::app::scheduler::Scheduler,
    jobs: tokio::task::JoinHandle<()>,
}

#[cfg(any(feature = "matrix", feature = "discord"))]
impl Background {
    fn start(app: &App) -> Background {
        use tandem::app::supervise::{contained, supervise};
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
        let scheduler = app.scheduler(tandem::app::scheduler::SchedulerOptions::default());
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
    programmes: Vec<tandem::domain::Programme>,
    key: Sealer,
) -> anyhow::Result<ExitCode> {
    use tandem::platforms::discord::{DiscordBot, DiscordOptions};
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
    _programmes: Vec<tandem::domain::Programme>,
    _key: Sealer,
) -> anyhow::Result<ExitCode> {
    eprintln!("tandem: this build has no Discord support (built without the `discord` feature)");
    Ok(ExitCode::from(2))
}

#[cfg(not(feature = "matrix"))]
async fn run_matrix(
    _settings: Settings,
    _programmes: Vec<tandem::domain::Programme>,
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

/// Where the case key may come from when neither `TANDEM_CASE_KEY` nor `case_key_file`
/// gives it.
#[derive(Clone, Copy, PartialEq)]
enum KeyFallback {
    /// Nowhere: `tandem run` serves real reports, and a key made up beside the database
    /// would be lost with it (and with it every sealed reporter and file).
    None,
    /// A key kept in `data_dir/case.key`, created on first use, so that trying Tandem in
    /// the console needs no setup.
    DataDir,
}

/// The key that seals anonymous reporters and evidence: `TANDEM_CASE_KEY`, else the file
/// `case_key_file` names, else the fallback.
fn case_key(settings: &Settings, fallback: KeyFallback) -> anyhow::Result<Sealer> {
    if let Some(key) = Settings::secret("TANDEM_CASE_KEY") {
        return Sealer::from_text(&key).context("TANDEM_CASE_KEY");
    }
    if let Some(file) = &settings.case_key_file {
        return key_from_file(file);
    }
    if fallback == KeyFallback::None {
        anyhow::bail!(
            "TANDEM_CASE_KEY is not set: `tandem run` needs the key that seals anonymous reporters and evidence (or set case_key_file). Make one with `openssl rand -hex 32`. Keep it backed up: without it, sealed reports cannot be read."
        );
    }
    let path = settings.data_dir.join("case.key");
    tandem::secrets::create_private_dir(&settings.data_dir)
        .with_context(|| format!("creating {}", settings.data_dir.display()))?;
    match tandem::secrets::create_private(&path, &Sealer::generate_text()?) {
        Ok(()) => {}
        // Kept from an earlier run: never replaced, or what it sealed is lost.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
    }
    key_from_file(&path)
}

/// The case key in `file`. A missing file is not made up: a mistyped path would seal new
/// reports with a key nobody keeps, and leave the old ones unreadable.
fn key_from_file(file: &Path) -> anyhow::Result<Sealer> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "the case key file {0} does not exist. Create it once with `(umask 077; openssl rand -hex 32 > {0})` and keep it backed up: without it, sealed reports cannot be read.",
            file.display()
        ),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the case key file {}", file.display()));
        }
    };
    if tandem::secrets::readable_by_others(file).unwrap_or(false) {
        tracing::warn!(
            "the case key file {} can be read by other users; `chmod 600` it",
            file.display()
        );
    }
    Sealer::from_text(&text).with_context(|| format!("the case key in {}", file.display()))
}

/// A `--database` value: a URL as is, or a SQLite file path.
fn database_url(value: &str) -> String {
    if value.contains("://") || value.starts_with("sqlite:") {
        value.to_string()
    } else {
        config::sqlite_url(Path::new(value))
    }
}

fn app_settings(settings: &Settings) -> AppSettings {
    AppSettings {
        moderators_rooms: vec![RoomRef::new(
            Platform::Console,
            settings.console.moderators_room.clone(),
        )],
        // Checked when the settings were loaded.
        moderation: settings.moderation.moderation().unwrap_or_default(),
        max_message_chars: settings.max_message_chars,
        room_prefix: settings.room_prefix.clone(),
        coordinators_rooms: vec![RoomRef::new(
            Platform::Console,
            settings.console.coordinators_room.clone(),
        )],
        // Checked when the settings were loaded.
        event_reminders: settings.events.reminders().unwrap_or_default(),
        // Checked when the settings were loaded.
        delivery: tandem::app::Delivery {
            retry_for: chrono::Duration::hours(i64::from(settings.delivery.retry_hours)),
            stale_after: chrono::Duration::hours(i64::from(settings.delivery.stale_after_hours)),
            ..tandem::app::Delivery::default()
        },
        ..AppSettings::default()
    }
}

fn load_settings(path: Option<&Path>) -> anyhow::Result<Settings> {
    match path {
        Some(p) => Ok(Settings::load(p)?),
        None if Path::new("tandem.toml").exists() => Ok(Settings::load(Path::new("tandem.toml"))?),
        None => Ok(Settings::default()),
    }
}

fn load_programmes(settings: &Settings) -> anyhow::Result<Vec<tandem::domain::Programme>> {
    let programmes = config::load_programmes(&settings.programmes_dir).with_context(|| {
        format!(
            "loading programmes from {} (run `tandem check-config` for details)",
            settings.programmes_dir.display()
        )
    })?;
    if programmes.is_empty() {
        tracing::warn!(
            "no programme files in {}: nobody can apply",
            settings.programmes_dir.display()
        );
    }
    Ok(programmes)
}

fn check_config(settings_path: Option<&Path>, path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let report = |result: Result<String, config::ConfigErrors>| match result {
        Ok(ok) => {
            println!("{ok}");
            true
        }
        Err(errors) => {
            eprintln!("{errors}");
            false
        }
    };
    let describe = |p: &tandem::domain::Programme| {
        let roles: Vec<String> = p
            .roles
            .values()
            .map(|r| format!("{}: {} questions", r.kind, r.questions.len()))
            .collect();
        format!("programme {} ({})", p.slug, roles.join(", "))
    };
    let check_dir = |dir: &Path| {
        report(config::load_programmes(dir).map(|ps| {
            let lines: Vec<String> = ps.iter().map(|p| format!("ok: {}", describe(p))).collect();
            if lines.is_empty() {
                format!("ok: {} holds no programme files", dir.display())
            } else {
                lines.join("\n")
            }
        }))
    };
    let ok = match path {
        Some(p) if p.is_dir() => check_dir(p),
        Some(p) if is_programme_file(p) => report(
            config::load_programme(p)
                .map(|prog| format!("ok: {}: {}", p.display(), describe(&prog))),
        ),
        Some(p) => match Settings::load(p) {
            Ok(s) => {
                println!("ok: settings {}", p.display());
                println!("{}", describe_limits(&s));
                check_case_key_file(&s) & check_dir(&s.programmes_dir)
            }
            Err(e) => report(Err(e)),
        },
        None => {
            let settings = load_settings(settings_path)?;
            println!(
                "ok: settings {}",
                settings_path
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "(defaults or tandem.toml)".into())
            );
            println!("{}", describe_limits(&settings));
            check_case_key_file(&settings) & check_dir(&settings.programmes_dir)
        }
    };
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The rate limits `tandem run` applies, and how long it keeps safeguarding records after
/// an erasure, as check-config shows them.
fn describe_limits(settings: &Settings) -> String {
    format!(
        "ok: limits: {} messages a minute and {} transcripts, data files, exports or reports an hour per person (not on the console)\nok: retention: reports about a person, failed checks and suspensions are kept {} year(s) after they delete their data",
        settings.limits.messages_per_minute,
        settings.limits.expensive_per_hour,
        settings.moderation.retention_years
    )
}

/// Whether the case key file, if the settings name one, holds a key; says which problem if
/// not.
fn check_case_key_file(settings: &Settings) -> bool {
    let Some(file) = &settings.case_key_file else {
        return true;
    };
    match key_from_file(file) {
        Ok(_) => {
            println!("ok: case key in {}", file.display());
            true
        }
        Err(e) => {
            eprintln!("case_key_file: {e:#}");
            false
        }
    }
}

/// A programme file has a `[roles...]` table; a settings file does not.
fn is_programme_file(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .map(|s| s.lines().any(|l| l.trim_start().starts_with("[roles")))
        .unwrap_or(false)
}
