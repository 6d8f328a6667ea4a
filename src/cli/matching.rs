//! The matching engine from the command line: `tandem bench match`, `tandem bench
//! scheduler` and `tandem match solve`. The work is done in [`crate::bench`]; this module
//! turns options into its inputs and prints its one JSON object.
//!
//! A new benchmark is a variant of `BenchWhat` (args.rs), a function in `crate::bench`,
//! and an arm here that prints what it returns.

use std::process::ExitCode;

use anyhow::Context;

use super::args::{BenchWhat, MatchWhat};

/// `tandem bench ...`: prints the figures as one JSON object.
pub(super) async fn bench(what: BenchWhat) -> anyhow::Result<ExitCode> {
    match what {
        BenchWhat::Match {
            mentees,
            mentors,
            capacity,
            seed,
            k,
            threads,
            objective,
            widen,
            compare_exact,
            no_exact: _,
            write_instance,
        } => {
            let threads = threads.unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
            });
            let figures = crate::bench::bench_match(&crate::bench::BenchMatch {
                mentees,
                mentors,
                capacity,
                seed,
                k,
                threads,
                objective: objective.into(),
                widen: widen.into(),
                exact: compare_exact,
                write_instance,
            })?;
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        BenchWhat::Messages {
            people,
            concurrency,
            pause_ms,
            chatter,
            database,
        } => {
            if people == 0 || concurrency == 0 {
                anyhow::bail!("--people and --concurrency must be at least 1");
            }
            let figures =
                crate::bench::messages::bench_messages(&crate::bench::messages::BenchMessages {
                    people,
                    concurrency,
                    pause: std::time::Duration::from_millis(pause_ms),
                    chatter,
                    database,
                })
                .await?;
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        BenchWhat::Scheduler {
            jobs,
            window,
            database,
        } => {
            if jobs == 0 {
                anyhow::bail!("--jobs must be at least 1");
            }
            let figures = crate::bench::bench_scheduler(&crate::bench::BenchScheduler {
                jobs,
                window,
                database,
            })
            .await?;
            println!("{figures}");
            Ok(ExitCode::SUCCESS)
        }
        BenchWhat::Rooms {
            pairs,
            homeserver,
            user,
            members,
            burst,
            per_second,
            store,
            appservice_listen,
            appservice_id,
        } => {
            rooms(crate::bench::BenchRooms {
                pairs,
                homeserver,
                user,
                members,
                burst,
                per_second,
                store,
                appservice: appservice_listen.map(|listen| crate::config::AppserviceSettings {
                    id: appservice_id,
                    listen,
                    url: None,
                }),
            })
            .await
        }
    }
}

/// `tandem bench rooms`, in a build with Matrix.
#[cfg(feature = "matrix")]
async fn rooms(options: crate::bench::BenchRooms) -> anyhow::Result<ExitCode> {
    let figures = crate::bench::rooms::bench_rooms(&options).await?;
    println!("{figures}");
    Ok(ExitCode::SUCCESS)
}

/// `tandem bench rooms` needs the Matrix client.
#[cfg(not(feature = "matrix"))]
async fn rooms(_: crate::bench::BenchRooms) -> anyhow::Result<ExitCode> {
    eprintln!("tandem: this build has no Matrix support (built without the `matrix` feature)");
    Ok(ExitCode::from(2))
}

/// `tandem match solve`: solves a scored instance from a file.
pub(super) fn solve(what: MatchWhat) -> anyhow::Result<ExitCode> {
    let MatchWhat::Solve {
        instance,
        output,
        objective,
        greedy,
    } = what;
    let text = std::fs::read_to_string(&instance)
        .with_context(|| format!("reading {}", instance.display()))?;
    let (figures, assignments) = match crate::bench::solve_instance(text, objective.into(), greedy)
    {
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
