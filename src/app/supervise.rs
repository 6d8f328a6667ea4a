//! Panics stay where they happen: one message, one job, one background round.
//!
//! A bug that panics while handling one person's message must not take down the process
//! (and with it every other conversation), nor leave that person without an answer. Two
//! tools here:
//!
//! - [`contained`] runs one unit of work (a message, a job, a sweep) and turns a panic into
//!   an error with a [`Reference`], logged with that reference. It runs the work in the
//!   calling task (no spawn: the work may borrow from its caller).
//! - [`supervise`] keeps a long-running task (the scheduler loop, the sweeper, a platform
//!   worker) alive: when it panics it is started again after a growing pause, and the
//!   panic is logged.
//!
//! To protect a new entry point, wrap its unit of work in [`contained`]; to start a new
//! background loop, start it with [`supervise`] rather than `tokio::spawn`.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures_util::FutureExt;
use tracing::{error, warn};

use crate::error::Reference;

/// A unit of work that panicked; the message is in the log under `reference`.
#[derive(Debug, Clone)]
pub struct Panicked {
    pub reference: Reference,
    pub message: String,
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "panicked ({}): {}", self.reference, self.message)
    }
}

/// The text of a panic's payload (`panic!("...")` gives a `&str` or a `String`).
fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Runs `work`; a panic inside it is caught, logged as `what` with a fresh reference, and
/// returned as [`Panicked`]. Whatever the work held is dropped as the panic unwinds, so
/// nothing it half-wrote stays locked; a database transaction it had open rolls back.
pub async fn contained<F>(what: &str, work: F) -> Result<F::Output, Panicked>
where
    F: Future,
{
    match AssertUnwindSafe(work).catch_unwind().await {
        Ok(out) => Ok(out),
        Err(payload) => {
            let reference = Reference::new();
            let message = payload_text(payload.as_ref());
            error!(%reference, "{what} panicked: {message}");
            Err(Panicked { reference, message })
        }
    }
}

/// The pause before restarting a task that panicked `restarts` times in a row: 1 s,
/// doubling, at most a minute.
pub fn restart_wait(restarts: u32) -> Duration {
    Duration::from_secs((1u64 << restarts.min(6)).min(60))
}

/// Spawns `make()`'s task and starts it again whenever it panics, after [`restart_wait`].
/// A task that returns normally is not restarted. A task that ran for ten minutes before
/// panicking starts again at once: its earlier panics were long ago.
pub fn supervise<M, F>(name: &'static str, make: M) -> tokio::task::JoinHandle<()>
where
    M: Fn() -> F + Send + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    /// Aborts the running task when the supervisor is aborted (a clean stop).
    struct AbortOnDrop(tokio::task::JoinHandle<()>);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    tokio::spawn(async move {
        let mut restarts = 0u32;
        loop {
            let started = std::time::Instant::now();
            let mut task = AbortOnDrop(tokio::spawn(make()));
            match (&mut task.0).await {
                Ok(()) => return,
                Err(e) if e.is_cancelled() => return,
                Err(e) => {
                    let message = match e.try_into_panic() {
                        Ok(payload) => payload_text(payload.as_ref()),
                        Err(e) => e.to_string(),
                    };
                    if started.elapsed() > Duration::from_secs(600) {
                        restarts = 0;
                    }
                    let wait = restart_wait(restarts);
                    error!(task = name, "background task panicked: {message}");
                    warn!(task = name, "restarting it in {wait:?}");
                    restarts = restarts.saturating_add(1);
                    tokio::time::sleep(wait).await;
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn a_panic_in_contained_work_becomes_an_error_with_a_reference() {
        let out = contained("a test", async { panic!("boom") }).await;
        let panicked = out.unwrap_err();
        assert_eq!(panicked.message, "boom");
        assert!(panicked.reference.0.starts_with('E'));
        assert_eq!(contained("a test", async { 7 }).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_supervised_task_that_panics_is_started_again() {
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        let handle = supervise("test", move || {
            let runs = counted.clone();
            async move {
                if runs.fetch_add(1, Ordering::SeqCst) < 2 {
                    panic!("not yet");
                }
            }
        });
        handle.await.unwrap();
        assert_eq!(runs.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn restarts_wait_longer_each_time_up_to_a_minute() {
        assert_eq!(restart_wait(0), Duration::from_secs(1));
        assert_eq!(restart_wait(3), Duration::from_secs(8));
        assert_eq!(restart_wait(40), Duration::from_secs(60));
    }
}
