//! Platforms are plug-ins: `tandem run`'s one path for every platform
//! (`tandem::cli::run::serve`) serves the recording fake, plugged in through the same
//! seam as Matrix and Discord (`tandem::platforms::adapter`), from the lease to a clean
//! stop: what a crashed process left is delivered by the outbox's dispatcher running
//! beside the platform, what people send reaches the app through the platform's serve
//! loop and is answered through its ports, the platform is held against a second
//! process, and given back when the session ends.

use std::process::ExitCode;
use std::time::Duration;

use tandem::app::ownership::PlatformLease;
use tandem::config::Settings;
use tandem::domain::{Platform, RoomRef};
use tandem::flows::{Effect, OutMessage, StateChange};
use tandem::platforms::adapter::StaffRooms;
use tandem::platforms::recording::Recording;
use tandem::storage::{CommitOutcome, Sealer, Store};

use crate::support::{dm, enqueued_by_a_dead_process, example_programmes, repo_root, user};

/// Waits up to 30 s for `done`; whether it came.
async fn eventually(done: impl Fn() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !done() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    done()
}

both_backends! {
    async fn tandem_run_serves_a_plugged_in_platform_from_its_lease_to_a_clean_stop(db: TestDb) {
        let data = tempfile::tempdir().unwrap();
        let settings = Settings {
            data_dir: data.path().to_path_buf(),
            database_url: Some(db.url.clone()),
            programmes_dir: repo_root().join("config/programs"),
            ..Settings::default()
        };
        let key = || Sealer::from_text(&"4c".repeat(32)).unwrap();
        // A process that died between recording a step and delivering its answer.
        let store = Store::open(&db.url).await.unwrap().with_case_key(key());
        let now = chrono::Utc::now();
        let answer = Effect::SendDm {
            to: user("amina"),
            message: OutMessage::text("Your answer is saved."),
        };
        let committed = store
            .commit_step_with(
                &user("amina"),
                None,
                &StateChange::Unchanged,
                &[answer],
                now,
                Some(&enqueued_by_a_dead_process("crashed-step", now)),
                None,
            )
            .await
            .unwrap();
        assert!(matches!(committed, CommitOutcome::Committed { .. }));

        let rec = Recording::new();
        let rooms = StaffRooms {
            coordinators: Some(RoomRef::new(Platform::Console, "coordinators")),
            ..StaffRooms::default()
        };
        let (adapter, inbox) = rec.adapter(rooms);
        let run = tokio::spawn(async move {
            tandem::cli::run::serve(&settings, example_programmes(), key(), &adapter).await
        });

        // Taken up at the start and delivered by the dispatcher, under the key it was
        // recorded with.
        assert!(eventually(|| !rec.dms_to(&user("amina")).is_empty()).await, "the outbox was not delivered");
        let sent = rec.take();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].message.text, "Your answer is saved.");
        assert_eq!(sent[0].key.0, "crashed-step-a0");

        // A message on the platform is handed to the app, and answered on the platform.
        inbox.send(dm("bilal", "help")).unwrap();
        assert!(eventually(|| !rec.dms_to(&user("bilal")).is_empty()).await, "no answer");

        // The platform is held: a second process would wait as a standby.
        let standby = PlatformLease::acquire(store.clone(), Platform::Console, Duration::from_secs(30), || {});
        assert!(
            tokio::time::timeout(Duration::from_millis(500), standby).await.is_err(),
            "a second process took the platform while it was served"
        );

        // The platform ends the session: `tandem run` stops cleanly and gives the platform
        // back, so a standby takes over at once.
        drop(inbox);
        let code = tokio::time::timeout(Duration::from_secs(60), run)
            .await
            .expect("tandem run did not stop")
            .unwrap()
            .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        let next = tokio::time::timeout(
            Duration::from_secs(5),
            PlatformLease::acquire(store.clone(), Platform::Console, Duration::from_secs(30), || {}),
        )
        .await
        .expect("the platform was not given back")
        .unwrap();
        next.release().await;
        store.close().await;
    }
}

/// A platform this build was made without (its feature off) is refused before anything
/// is opened, whatever the build: `tandem run` says so and exits 2.
#[tokio::test]
async fn a_platform_built_out_is_refused_before_the_database_is_opened() {
    let data = tempfile::tempdir().unwrap();
    let database = data.path().join("tandem.db");
    let settings = Settings {
        data_dir: data.path().to_path_buf(),
        database_url: Some(tandem::config::sqlite_url(&database)),
        ..Settings::default()
    };
    let (mut adapter, _inbox) = Recording::new().adapter(StaffRooms::default());
    adapter.prepare = None;
    let key = Sealer::from_text(&"4c".repeat(32)).unwrap();
    let code = tandem::cli::run::serve(&settings, vec![], key, &adapter)
        .await
        .unwrap();
    assert_eq!(code, ExitCode::from(2));
    assert!(!database.exists(), "the database was opened");
}
