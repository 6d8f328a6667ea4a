//! The `tandem` binary: the allocator's and the runtime's settings, then the command line in
//! [`tandem::cli`].

// matrix-sdk's futures are deep: laying out the one `tandem run` awaits needs a higher
// limit here (E0275), as in the integration tests.
#![recursion_limit = "256"]

use std::process::ExitCode;

/// Async worker threads at most: a bot waits on the network far more than it computes, and
/// each worker costs memory (its stack, and with glibc an allocator arena it keeps).
/// `TOKIO_WORKER_THREADS` overrides it.
const MAX_WORKERS: usize = 4;

fn main() -> ExitCode {
    // glibc gives each thread that allocates an arena of its own, up to eight a core, and
    // keeps what an arena once held: with the SDKs' threads a bot held several times the
    // memory it used. Two arenas are plenty for a process that mostly waits. Set before any
    // thread starts.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's settings; no other thread exists yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        runtime.worker_threads(cores.min(MAX_WORKERS));
    }
    match runtime.build() {
        Ok(runtime) => runtime.block_on(tandem::cli::main()),
        Err(e) => {
            eprintln!("tandem: starting the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}
