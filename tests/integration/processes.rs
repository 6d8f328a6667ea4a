//! Several processes on one database, on both backends: a Matrix process and a Discord
//! process share it (each platform's milestones and messages reach their people through
//! the process that serves it, and nothing is lost to the other), and a standby takes a
//! platform over when the process that served it dies.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration as StdDuration;

use chrono::Duration;
use tandem::app::ownership::PlatformLease;
use tandem::app::{App, AppSettings, ManualClock, Ports};
use tandem::domain::incident::{Moderation, default_categories};
use tandem::domain::{Place, Platform, RoomRef, UserRef};
use tandem::flows::acts::Act;
use tandem::flows::{Content, Effect, Inbound, OutMessage};
use tandem::platforms::recording::Recording;
use tandem::storage::{Sealer, Store};

use crate::support::{
    MENTEE_ANSWERS, MENTOR_ANSWERS, TestDb, example_programmes, start_time, transcript,
};

/// One `tandem run` as the test sees it: the app, serving one platform, and what it sent.
struct Process {
    app: App,
    rec: Recording,
    platform: Platform,
    coordinators: RoomRef,
}

impl Process {
    async fn new(db: &TestDb, platform: Platform, clock: Arc<ManualClock>) -> Process {
        let store = Store::open(&db.url)
            .await
            .unwrap()
            .with_case_key(Sealer::from_text(&"1f".repeat(32)).unwrap());
        let rec = Recording::new();
        let coordinators = RoomRef::new(platform, format!("{platform}-coordinators"));
        let mut programmes = example_programmes();
        for p in &mut programmes {
            for platform in [Platform::Matrix, Platform::Discord] {
                p.coordinators.push(UserRef::new(platform, "carol"));
            }
        }
        let settings = AppSettings {
            coordinators_rooms: [Platform::Matrix, Platform::Discord]
                .map(|p| RoomRef::new(p, format!("{p}-coordinators")))
                .to_vec(),
            moderators_rooms: vec![RoomRef::new(platform, format!("{platform}-moderators"))],
            moderation: Moderation {
                categories: default_categories(),
                ..Moderation::default()
            },
            platforms: vec![platform],
            ..AppSettings::default()
        };
        let app = App::new(
            store,
            programmes,
            Ports {
                dm: Arc::new(rec.clone()),
                rooms: Arc::new(rec.clone()),
                provisioner: Arc::new(rec.clone()),
            },
            clock,
            settings,
        );
        Process {
            app,
            rec,
            platform,
            coordinators,
        }
    }

    fn person(&self, id: &str) -> UserRef {
        UserRef::new(self.platform, id)
    }

    async fn dm(&self, who: &str, text: &str) {
        self.app
            .receive(Inbound {
                from: self.person(who),
                place: Place::Dm,
                content: Content::Text(text.into()),
                files: vec![],
            })
            .await;
    }

    async fn coordinate(&self, text: &str) {
        self.app
            .receive(Inbound {
                from: self.person("carol"),
                place: Place::Room(self.coordinators.clone()),
                content: Content::Text(format!("!tandem {text}")),
                files: vec![],
            })
            .await;
    }

    async fn application_of(&self, who: &str) -> i64 {
        self.app
            .store()
            .applications_of(&self.person(who))
            .await
            .unwrap()[0]
            .id
    }

    /// A mentee and a mentor of this platform, ready, proposed, approved and accepted.
    async fn active_pair(&self, mentee: &'static str, mentor: &'static str) -> i64 {
        let mut lines = MENTEE_ANSWERS.to_vec();
        lines[2] = mentee;
        for line in lines.iter().chain(["submit", "I agree"].iter()) {
            self.dm(mentee, line).await;
        }
        let mut lines = MENTOR_ANSWERS.to_vec();
        lines[1] = mentor;
        // One mentee each: pairs across platforms are not made yet.
        lines[8] = "1";
        for line in lines.iter().chain(["submit"].iter()) {
            self.dm(mentor, line).await;
        }
        let id = self.application_of(mentor).await;
        self.coordinate(&format!("approve {id}")).await;
        self.dm(mentor, "I agree").await;
        for step in [
            "interview done",
            "training done",
            "background_check cleared until 2099-01-01",
        ] {
            self.coordinate(&format!("step {id} {step}")).await;
        }
        self.coordinate("match propose").await;
        let store = self.app.store();
        let proposed = store
            .matches_in("pathways-2027")
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.mentee == self.person(mentee))
            .expect("a proposal for the mentee");
        self.coordinate(&format!("match approve {}", proposed.id))
            .await;
        self.dm(mentee, "accept").await;
        self.dm(mentor, "accept").await;
        proposed.id
    }
}

both_backends! {
    async fn a_matrix_process_and_a_discord_process_share_one_database_and_each_pair_gets_its_milestones(db: TestDb) {
        let clock = Arc::new(ManualClock::new(start_time()));
        let matrix = Process::new(&db, Platform::Matrix, clock.clone()).await;
        let discord = Process::new(&db, Platform::Discord, clock.clone()).await;
        let on_matrix = matrix.active_pair("amina", "grace").await;
        let on_discord = discord.active_pair("bea", "ola").await;
        let store = matrix.app.store();
        for id in [on_matrix, on_discord] {
            let m = store.match_by_id(id).await.unwrap().unwrap();
            assert!(m.room.is_some(), "match M{id} has its pair room: {m:?}");
        }
        assert_eq!(matrix.rec.created_rooms().len(), 1, "the Matrix process made the Matrix pair's room");
        assert_eq!(discord.rec.created_rooms().len(), 1, "the Discord process made the Discord pair's room");
        matrix.rec.take();
        discord.rec.take();

        // A week on, the Matrix process runs first: it leaves the Discord pair's milestone
        // for the Discord process, rather than failing to reach them and marking it done.
        clock.advance(Duration::days(8));
        matrix.app.run_due_jobs().await.unwrap();
        let counts = store.job_counts().await.unwrap();
        assert_eq!(counts.failed, 0, "{counts:?}");
        discord.app.run_due_jobs().await.unwrap();
        for (process, other) in [(&matrix, &discord), (&discord, &matrix)] {
            let sent = process.rec.take();
            assert!(
                sent.iter().any(|s| s.message.text.starts_with("One week in!")),
                "{} pair's week-one message: {sent:?}", process.platform
            );
            assert!(
                sent.iter().all(|s| match &s.target {
                    tandem::platforms::recording::Target::Dm(u) => u.platform == process.platform,
                    tandem::platforms::recording::Target::Room(r) => r.platform == process.platform,
                }),
                "{} sent nothing to {}: {sent:?}", process.platform, other.platform
            );
        }
        let counts = store.job_counts().await.unwrap();
        assert_eq!(counts.failed, 0, "{counts:?}");

        // The sweep may run in either process; what it decides for the other platform
        // waits in the outbox for the process that serves it.
        clock.advance(Duration::days(30));
        matrix.app.sweep().await.unwrap();
        matrix.app.dispatch_due().await.unwrap();
        discord.app.dispatch_due().await.unwrap();
        for process in [&matrix, &discord] {
            let sent = process.rec.take();
            assert!(
                sent.iter().any(|s| s.message.text.contains("since anyone wrote here")),
                "{}: the quiet pair's nudge: {sent:?}", process.platform
            );
        }
        assert_eq!(store.outbox_counts().await.unwrap().pending, 0);
    }

    async fn a_process_taking_a_platform_over_delivers_at_once_what_the_previous_one_left(db: TestDb) {
        let clock = Arc::new(ManualClock::new(start_time()));
        let next = Process::new(&db, Platform::Matrix, clock.clone()).await;
        let store = next.app.store();
        let now = next.app.now();
        // The previous Matrix process recorded a step and died before delivering it; a
        // Discord act it held for another reason is not this platform's to take.
        let act = |to: UserRef, text: &str| {
            Act::from_effect(&Effect::SendDm { to, message: OutMessage::text(text) }).unwrap()
        };
        let enqueue = crate::support::enqueued_by_a_dead_process("left-behind", now);
        let acts = [
            act(next.person("amina"), "Your answer is saved."),
            act(UserRef::new(Platform::Discord, "bea"), "Yours too."),
        ];
        assert_eq!(store.enqueue_acts(&acts, &enqueue, now).await.unwrap().len(), 2);
        next.app.dispatch_due().await.unwrap();
        assert!(next.rec.take().is_empty(), "held by the dead process");
        let lease = PlatformLease::acquire(store.clone(), Platform::Matrix, StdDuration::from_secs(3), || {})
            .await
            .unwrap();
        next.app.dispatch_due().await.unwrap();
        let sent = next.rec.take();
        assert_eq!(transcript(&sent), "[dm amina] Your answer is saved.");
        assert_eq!(sent[0].key.0, "left-behind-a0", "under the key it was recorded with");
        let counts = store.outbox_counts().await.unwrap();
        assert_eq!((counts.done, counts.pending), (1, 1), "the Discord act waits for its own process");
        lease.release().await;
    }

    async fn a_standby_takes_a_platform_over_when_the_process_serving_it_dies(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let lease = StdDuration::from_secs(3);
        let lost = Arc::new(AtomicBool::new(false));
        let first = {
            let lost = lost.clone();
            PlatformLease::acquire(store.clone(), Platform::Matrix, lease, move || lost.store(true, Ordering::SeqCst))
                .await
                .unwrap()
        };
        let standby = tokio::spawn({
            let store = store.clone();
            async move { PlatformLease::acquire(store, Platform::Matrix, lease, || {}).await.unwrap() }
        });
        // The first keeps it while it lives.
        tokio::time::sleep(StdDuration::from_secs(5)).await;
        assert!(!standby.is_finished(), "the standby waits while the first renews");
        assert!(!lost.load(Ordering::SeqCst));
        // Another platform is not held up.
        let discord = PlatformLease::acquire(store.clone(), Platform::Discord, lease, || {}).await.unwrap();
        // The first dies (no clean stop): the standby takes over once its lease runs out.
        let died = std::time::Instant::now();
        first.abandon();
        let second = tokio::time::timeout(StdDuration::from_secs(10), standby).await.expect("took over").unwrap();
        assert!(died.elapsed() <= StdDuration::from_secs(5), "within a lease and a pause: {:?}", died.elapsed());
        // A clean stop gives the lease back at once.
        second.release().await;
        let third = tokio::time::timeout(StdDuration::from_secs(2), PlatformLease::acquire(store.clone(), Platform::Matrix, lease, || {}))
            .await
            .expect("free at once")
            .unwrap();
        third.release().await;
        discord.release().await;
    }
}
