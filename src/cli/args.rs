//! The command line: the `tandem` command's subcommands and their options, as clap reads
//! them. Only the shapes live here; what each subcommand does is in its own module.
//!
//! To add a subcommand: a variant of [`Command`] here (its doc comment is its `--help`),
//! an arm in [`super::dispatch`], and a module for what it does.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::matching::Objective;

#[derive(Parser)]
#[command(
    name = "tandem",
    version,
    about = "Mentoring programmes inside your chat community"
)]
pub(super) struct Cli {
    /// Settings file. Without it, `tandem.toml` is used if present, else the defaults.
    #[arg(long, global = true, env = "TANDEM_CONFIG")]
    pub(super) config: Option<PathBuf>,
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
        #[arg(long, value_parser = ["applications", "matches", "surveys", "events", "outcomes"])]
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
    /// Copy the SQLite database to FILE while the bot runs (a consistent snapshot, checked
    /// once written). For PostgreSQL, says how to use pg_dump instead.
    Backup {
        /// Where the copy goes; it must not exist yet.
        file: PathBuf,
        /// Database URL; default as for `run`.
        #[arg(long)]
        database: Option<String>,
    },
    /// Write the registration file that installs Tandem as a Matrix application service
    /// (`[matrix.appservice]`) on the homeserver. Its tokens come from
    /// TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN; without them, new ones are made
    /// and also written to FILE with the extension `.env`, for Tandem's environment.
    AppserviceRegistration {
        /// Where the registration goes (readable by its owner only).
        #[arg(long)]
        output: PathBuf,
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
pub(super) enum BenchWhat {
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
        /// Candidates per mentee in the timed run's first round (the certificate adds
        /// the pairs that could improve the plan).
        #[arg(long, default_value_t = 64)]
        k: usize,
        /// Also prove the optimum independently (every allowed pair scored) and compare;
        /// refused when it would not fit in the memory available.
        #[arg(long)]
        compare_exact: bool,
        /// Kept for old scripts: the proof is opt-in now (--compare-exact).
        #[arg(long, hide = true)]
        no_exact: bool,
        /// Also write the timed run's instance (its candidate pairs, scored) to this file
        /// in `tandem match solve`'s JSON form; with `--k` at least the mentors, every
        /// allowed pair.
        #[arg(long)]
        write_instance: Option<PathBuf>,
        /// Scoring threads; default: the machine's cores.
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long, value_enum, default_value_t = ObjectiveArg::Count)]
        objective: ObjectiveArg,
        /// How far the timed run widens its candidates: until no pruned pair could match
        /// one more (count), or until none could improve the plan at all (all: exact, as
        /// `match preview` does).
        #[arg(long, value_enum, default_value_t = WidenArg::Count)]
        widen: WidenArg,
    },
    /// People apply through the real message path on a real database (the recording
    /// platform in place of a chat server), then chat in pair rooms; prints one JSON
    /// object: messages per CPU-second, step latency, statements per message, peak memory.
    Messages {
        #[arg(long, default_value_t = 320)]
        people: usize,
        /// How many people type at the same time.
        #[arg(long, default_value_t = 1)]
        concurrency: usize,
        /// Milliseconds each person takes between two messages, as a person typing does
        /// (0: each answers at once, which measures the path saturated). People start
        /// spread over one such pause.
        #[arg(long, default_value_t = 0)]
        pause_ms: u64,
        /// Messages each pair writes in its pair room after applying (0: none).
        #[arg(long, default_value_t = 500)]
        chatter: usize,
        /// Database URL; default: a temporary SQLite file.
        #[arg(long)]
        database: Option<String>,
    },
    /// Pair rooms made one after the other on a Matrix homeserver, at its pace (members
    /// registered beforehand: scripts/bench-rooms does it all); prints one JSON object:
    /// the time taken, the 429s met, and the time the server's limit allows.
    Rooms {
        #[arg(long, default_value_t = 20)]
        pairs: usize,
        #[arg(long)]
        homeserver: String,
        /// The bot's account; its password in TANDEM_MATRIX_PASSWORD.
        #[arg(long)]
        user: String,
        /// Members are @<prefix><n>a and @<prefix><n>b on the bot's server.
        #[arg(long, default_value = "pair")]
        members: String,
        /// The server's room-creation limit (Synapse's stock rc_room_creation): burst…
        #[arg(long, default_value_t = 10.0)]
        burst: f64,
        /// …then this many a second.
        #[arg(long, default_value_t = 0.016)]
        per_second: f64,
        /// Where the bot keeps its session and keys.
        #[arg(long, default_value = "data/bench-rooms")]
        store: PathBuf,
        /// Appservice mode: listen for the homeserver here (its registration installed,
        /// the tokens in TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN).
        #[arg(long)]
        appservice_listen: Option<String>,
        /// The registration's id, in appservice mode.
        #[arg(long, default_value = "tandem")]
        appservice_id: String,
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
pub(super) enum MatchWhat {
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
        /// Also report the greedy baseline (best remaining pair first) on the same pairs;
        /// it sorts every pair, so it is left out unless asked for.
        #[arg(long)]
        greedy: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(super) enum WidenArg {
    Count,
    All,
}

impl From<WidenArg> for crate::matching::index::Widen {
    fn from(w: WidenArg) -> Self {
        match w {
            WidenArg::Count => crate::matching::index::Widen::Count,
            WidenArg::All => crate::matching::index::Widen::All,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(super) enum ObjectiveArg {
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
