//! Lanes: what a chat platform delivers, handled one at a time per conversation and many
//! conversations at once.
//!
//! A bot that handles every message in turn makes everybody wait for the slowest reply
//! (each step waits on the database and on the chat server's answer to its sends): with
//! hundreds of people applying at once, the last waits for all the others. A lane is one
//! room or DM channel: its messages are handled in the order they arrived, one after the
//! other, so a person's answers are never taken out of order; different lanes run at once,
//! up to a limit, so one slow conversation does not hold up the rest.
//!
//! Lanes are rooms, not people, for the read-back after a restart: it takes a room's newest
//! handled message as the point before which everything was handled, which stays true only
//! while each room's messages are handled in order.
//!
//! A platform adapter calls [`Lanes::push`] from its event handler (which returns at once)
//! and [`Lanes::drain`] on a clean stop; [`at_once`] is how many lanes run together
//! (`TANDEM_HANDLE_AT_ONCE`). A panic in one piece of work is contained to it;
//! the lane goes on with the next.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, Semaphore};

use super::lock;

type Work = Pin<Box<dyn Future<Output = ()> + Send>>;

/// How many lanes run at once unless told otherwise: enough to keep the database and the
/// chat server busy while others wait on them, few enough that a burst does not pile up
/// hundreds of open steps (and their memory) on a small machine.
pub const DEFAULT_AT_ONCE: usize = 16;

/// How many lanes run at once: `TANDEM_HANDLE_AT_ONCE` (1 to 256) or [`DEFAULT_AT_ONCE`].
pub fn at_once() -> usize {
    std::env::var("TANDEM_HANDLE_AT_ONCE")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(DEFAULT_AT_ONCE, |n| n.clamp(1, 256))
}

/// Queued work of many lanes; cheap to clone (all clones share the queues).
#[derive(Clone)]
pub struct Lanes {
    shared: Arc<Shared>,
}

struct Shared {
    /// Work waiting per lane; a lane is in the map while its runner is alive.
    waiting: Mutex<HashMap<String, VecDeque<Work>>>,
    running: Semaphore,
    /// Queued or running, across lanes.
    pending: AtomicUsize,
    /// Told whenever a piece of work finishes.
    finished: Notify,
}

impl Lanes {
    /// Lanes running at most `at_once` pieces of work at a time (at least one).
    pub fn new(at_once: usize) -> Self {
        Lanes {
            shared: Arc::new(Shared {
                waiting: Mutex::new(HashMap::new()),
                running: Semaphore::new(at_once.max(1)),
                pending: AtomicUsize::new(0),
                finished: Notify::new(),
            }),
        }
    }

    /// Queues `work` behind the earlier work of `lane`, and returns at once; a panic in it
    /// is contained and logged as `what` (`a Matrix message`). Needs a tokio runtime (a
    /// lane's runner is a task).
    pub fn push(
        &self,
        lane: String,
        what: &'static str,
        work: impl Future<Output = ()> + Send + 'static,
    ) {
        self.shared.pending.fetch_add(1, Ordering::SeqCst);
        let work: Work = Box::pin(async move {
            let _ = crate::app::supervise::contained(what, work).await;
        });
        let mut waiting = lock(&self.shared.waiting);
        if let Some(queue) = waiting.get_mut(&lane) {
            queue.push_back(work);
            return;
        }
        waiting.insert(lane.clone(), VecDeque::new());
        drop(waiting);
        tokio::spawn(run(self.shared.clone(), lane, work));
    }

    /// How much work is queued or running.
    pub fn pending(&self) -> usize {
        self.shared.pending.load(Ordering::SeqCst)
    }

    /// Waits while more than `most` pieces of work are queued or running: an adapter
    /// calls it after [`Lanes::push`] so that a flood slows its reading down instead of
    /// filling memory.
    pub async fn wait_below(&self, most: usize) {
        loop {
            let finished = self.shared.finished.notified();
            if self.pending() <= most {
                return;
            }
            finished.await;
        }
    }

    /// Waits until every queued piece of work is done, or `within` has passed; returns how
    /// many were left (a restart reads them back).
    pub async fn drain(&self, within: Duration) -> usize {
        let _ = tokio::time::timeout(within, self.wait_below(0)).await;
        self.pending()
    }
}

/// A lane's runner: its first piece of work, then whatever was queued behind it, until
/// the lane is empty (then it leaves the map, and the next push starts a new runner).
async fn run(shared: Arc<Shared>, lane: String, first: Work) {
    let mut next = Some(first);
    while let Some(work) = next {
        {
            // Never closed, so acquiring only waits.
            let _turn = shared.running.acquire().await;
            // Contained by `push`.
            work.await;
        }
        shared.pending.fetch_sub(1, Ordering::SeqCst);
        shared.finished.notify_waiters();
        let mut waiting = lock(&shared.waiting);
        next = waiting.get_mut(&lane).and_then(VecDeque::pop_front);
        if next.is_none() {
            waiting.remove(&lane);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what each piece of work did, in the order it happened.
    fn log() -> Arc<Mutex<Vec<String>>> {
        Arc::new(Mutex::new(Vec::new()))
    }

    #[tokio::test]
    async fn one_lanes_work_is_handled_in_the_order_it_arrived() {
        let lanes = Lanes::new(4);
        let done = log();
        for i in 0..50 {
            let done = done.clone();
            lanes.push("dm-amina".into(), "a test", async move {
                // Later work finishing sooner would show as disorder.
                tokio::time::sleep(Duration::from_micros(50 - i)).await;
                lock(&done).push(i.to_string());
            });
        }
        assert_eq!(lanes.drain(Duration::from_secs(10)).await, 0);
        let expected: Vec<String> = (0..50).map(|i| i.to_string()).collect();
        assert_eq!(*lock(&done), expected);
    }

    #[tokio::test]
    async fn a_slow_conversation_does_not_hold_up_another() {
        let lanes = Lanes::new(4);
        let done = log();
        let (release, held) = tokio::sync::oneshot::channel::<()>();
        let slow = done.clone();
        lanes.push("dm-amina".into(), "a test", async move {
            let _ = held.await;
            lock(&slow).push("amina".into());
        });
        let quick = done.clone();
        lanes.push("dm-bea".into(), "a test", async move {
            lock(&quick).push("bea".into());
        });
        lanes.wait_below(1).await;
        assert_eq!(
            *lock(&done),
            ["bea"],
            "Bea answered while Amina's step waits"
        );
        release.send(()).unwrap();
        assert_eq!(lanes.drain(Duration::from_secs(10)).await, 0);
        assert_eq!(*lock(&done), ["bea", "amina"]);
    }

    #[tokio::test]
    async fn no_more_than_the_limit_run_at_once() {
        let lanes = Lanes::new(3);
        let now = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        for i in 0..20 {
            let (now, most) = (now.clone(), most.clone());
            lanes.push(format!("room-{i}"), "a test", async move {
                let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(n, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(2)).await;
                now.fetch_sub(1, Ordering::SeqCst);
            });
        }
        assert_eq!(lanes.drain(Duration::from_secs(10)).await, 0);
        assert_eq!(most.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_panic_in_one_piece_of_work_leaves_the_lane_going() {
        let lanes = Lanes::new(2);
        let done = log();
        lanes.push("dm-amina".into(), "a test", async { panic!("a bug") });
        let after = done.clone();
        lanes.push("dm-amina".into(), "a test", async move {
            lock(&after).push("next".into());
        });
        assert_eq!(lanes.drain(Duration::from_secs(10)).await, 0);
        assert_eq!(*lock(&done), ["next"]);
    }

    #[tokio::test]
    async fn a_drain_that_runs_out_of_time_says_what_is_left() {
        let lanes = Lanes::new(1);
        lanes.push("dm-amina".into(), "a test", std::future::pending());
        lanes.push("dm-bea".into(), "a test", async {});
        assert_eq!(lanes.drain(Duration::from_millis(20)).await, 2);
    }
}
