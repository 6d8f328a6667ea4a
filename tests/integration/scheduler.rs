//! The durable scheduler on a real database: jobs survive a worker killed at any point,
//! none is lost, and none reaches a person twice.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use tandem::app::scheduler::{JobOutcome, JobRunner, Scheduler, SchedulerOptions, job_key};
use tandem::app::{Clock, ManualClock};
use tandem::domain::schedule::{Job, NewJob};
use tandem::storage::Store;

use crate::support::start_time;

/// A platform that, like Matrix with transaction ids, drops a send whose key it has seen.
#[derive(Default)]
struct IdempotentSink {
    /// How often each key was sent, and how often it was shown to a person.
    sends: Mutex<HashMap<String, (u32, u32)>>,
    runs: AtomicUsize,
}

#[async_trait]
impl JobRunner for IdempotentSink {
    async fn run(&self, job: &Job) -> JobOutcome {
        self.runs.fetch_add(1, Ordering::Relaxed);
        // A send takes a moment, so a kill can land between two jobs of a batch or after
        // the send and before the batch is marked done.
        tokio::task::yield_now().await;
        let key = job_key(job, 0).0;
        let mut sends = self.sends.lock().unwrap();
        let entry = sends.entry(key).or_default();
        entry.0 += 1;
        if entry.0 == 1 {
            entry.1 += 1;
        }
        JobOutcome::Done
    }
}

fn jobs(n: usize) -> Vec<NewJob> {
    (0..n)
        .map(|i| NewJob {
            kind: "nudge".into(),
            subject: format!("match:{}", i % 97),
            due_at: start_time() + chrono::Duration::milliseconds((i as i64 * 37) % 60_000),
            payload: i.to_string(),
            platform: None,
        })
        .collect()
}

both_backends! {
    async fn killing_the_scheduler_at_random_points_loses_no_job_and_shows_none_twice(db: TestDb) {
        const JOBS: usize = 3000;
        let store = Store::open(&db.url).await.unwrap();
        assert_eq!(store.schedule_jobs(&jobs(JOBS), start_time()).await.unwrap(), JOBS as u64);
        // Scheduling again changes nothing: the keys are unique.
        assert_eq!(store.schedule_jobs(&jobs(JOBS), start_time()).await.unwrap(), 0);
        let clock = Arc::new(ManualClock::new(start_time()));
        let sink = Arc::new(IdempotentSink::default());
        let mut seed: u64 = 0x5eed;
        let mut random = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut kills = 0;
        for round in 0..400 {
            let counts = store.job_counts().await.unwrap();
            if counts.pending == 0 {
                break;
            }
            // Time moves on: a new worker (a restarted process) takes over, and the lease
            // of the one killed before has run out.
            clock.advance(chrono::Duration::seconds(6));
            let scheduler = Scheduler::new(
                store.clone(),
                clock.clone() as Arc<dyn Clock>,
                sink.clone(),
                SchedulerOptions {
                    worker: format!("worker-{round}"),
                    lease: Duration::from_secs(5),
                    batch: 1 + random(200) as usize,
                    max_idle: Duration::from_millis(50),
                    platforms: Vec::new(),
                },
            );
            let task = tokio::spawn(async move { scheduler.run_due().await });
            tokio::time::sleep(Duration::from_micros(random(20_000))).await;
            if !task.is_finished() {
                kills += 1;
            }
            task.abort();
            let _ = task.await;
        }
        // A last, uninterrupted run finishes whatever is left.
        clock.advance(chrono::Duration::seconds(6));
        let last = Scheduler::new(store.clone(), clock.clone() as Arc<dyn Clock>, sink.clone(), SchedulerOptions::default());
        last.run_due().await.unwrap();

        let counts = store.job_counts().await.unwrap();
        assert_eq!((counts.pending, counts.done, counts.failed), (0, JOBS as i64, 0), "{counts:?}");
        let sends = sink.sends.lock().unwrap();
        assert_eq!(sends.len(), JOBS, "every job was sent");
        assert!(sends.values().all(|(_, shown)| *shown == 1), "nobody saw a job twice");
        let resent: u32 = sends.values().map(|(sent, _)| sent - 1).sum();
        eprintln!(
            "{JOBS} jobs, {kills} kills, {} runs, {resent} sends repeated after a kill (dropped by their key)",
            sink.runs.load(Ordering::Relaxed)
        );
        assert!(kills > 10, "the test killed the scheduler mid-run ({kills} times)");
    }

    async fn a_clock_jump_runs_every_due_job_once_in_due_order(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        store.schedule_jobs(&jobs(500), start_time()).await.unwrap();
        let clock = Arc::new(ManualClock::new(start_time() - chrono::Duration::seconds(1)));
        #[derive(Default)]
        struct Order(Mutex<Vec<chrono::DateTime<chrono::Utc>>>);
        #[async_trait]
        impl JobRunner for Order {
            async fn run(&self, job: &Job) -> JobOutcome {
                self.0.lock().unwrap().push(job.due_at);
                JobOutcome::Done
            }
        }
        let order = Arc::new(Order::default());
        let scheduler = Scheduler::new(store.clone(), clock.clone() as Arc<dyn Clock>, order.clone(), SchedulerOptions { batch: 64, ..SchedulerOptions::default() });
        assert_eq!(scheduler.run_due().await.unwrap(), 0, "nothing is due yet");
        clock.advance(chrono::Duration::days(30));
        assert_eq!(scheduler.run_due().await.unwrap(), 500);
        assert_eq!(scheduler.run_due().await.unwrap(), 0, "and nothing runs twice");
        let seen = order.0.lock().unwrap();
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "in due order");
    }

    async fn a_failing_job_is_retried_with_backoff_and_given_up_after_its_attempts(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        store.schedule_jobs(&jobs(1), start_time()).await.unwrap();
        let clock = Arc::new(ManualClock::new(start_time()));
        struct Failing(AtomicUsize);
        #[async_trait]
        impl JobRunner for Failing {
            async fn run(&self, _job: &Job) -> JobOutcome {
                self.0.fetch_add(1, Ordering::Relaxed);
                JobOutcome::Retry("the platform is down".into())
            }
        }
        let failing = Arc::new(Failing(AtomicUsize::new(0)));
        let scheduler = Scheduler::new(store.clone(), clock.clone() as Arc<dyn Clock>, failing.clone(), SchedulerOptions::default());
        scheduler.run_due().await.unwrap();
        assert_eq!(failing.0.load(Ordering::Relaxed), 1);
        scheduler.run_due().await.unwrap();
        assert_eq!(failing.0.load(Ordering::Relaxed), 1, "not before the backoff");
        for _ in 0..20 {
            clock.advance(chrono::Duration::hours(1));
            scheduler.run_due().await.unwrap();
        }
        assert_eq!(failing.0.load(Ordering::Relaxed), tandem::app::scheduler::MAX_ATTEMPTS as usize);
        let counts = store.job_counts().await.unwrap();
        assert_eq!((counts.pending, counts.failed), (0, 1));
    }
}

both_backends! {
    async fn a_sweeper_that_died_mid_sweep_holds_the_others_back_a_minute_at_most(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        // Another process took the sweep's lease for a minute, as a sweep does, and died.
        let now = h.clock.now();
        assert!(h.store.take_lease("sweep", "tandem-dead", now, now + chrono::Duration::seconds(60)).await.unwrap());
        h.app.sweep().await.unwrap();
        let held = h.store.lease_holder("sweep").await.unwrap();
        assert_eq!(held.map(|(holder, _)| holder).as_deref(), Some("tandem-dead"), "not swept meanwhile");
        // A minute on, this process sweeps, and gives the lease back when done.
        h.clock.advance(chrono::Duration::seconds(61));
        h.app.sweep().await.unwrap();
        assert_eq!(h.store.lease_holder("sweep").await.unwrap(), None);
    }
}
