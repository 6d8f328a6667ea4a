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
use tandem::domain::{Place, Platform, RoomRef, UserRef};
use tandem::flows::{Content, Effect, Inbound, OutMessage, StateChange};
use tandem::platforms::adapter::StaffRooms;
use tandem::platforms::recording::{Recording, Target};
use tandem::storage::{CommitOutcome, Sealer, Store};

use crate::support::{dm, enqueued_by_a_dead_process, example_programmes, repo_root, user};

/// How `tandem run`, spawned, ended (within a minute).
async fn ended(run: tokio::task::JoinHandle<anyhow::Result<ExitCode>>) -> ExitCode {
    tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("tandem run did not stop")
        .unwrap()
        .unwrap()
}

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
            tandem::cli::run::serve(&settings, example_programmes(), key(), &[&adapter]).await
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
        // back, so a standby takes over at once, and exits with EX_TEMPFAIL (75), so that a
        // service manager starts it again (it was not asked to stop).
        drop(inbox);
        assert_eq!(ended(run).await, ExitCode::from(75));
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
    let code = tandem::cli::run::serve(&settings, vec![], key, &[&adapter])
        .await
        .unwrap();
    assert_eq!(code, ExitCode::from(2));
    assert!(!database.exists(), "the database was opened");
}

/// A DM to the bot from `user`, on `user`'s platform.
fn dm_on(user: &UserRef, text: &str) -> Inbound {
    Inbound {
        from: user.clone(),
        place: Place::Dm,
        content: Content::Text(text.to_string()),
        files: vec![],
    }
}

/// `tandem run` with two platforms configured serves both from one app and one database:
/// each person is answered on their own platform, staff rooms on one platform serve the
/// people of the other when it has none, both platforms are held against a
/// second process, and when one platform ends its session the whole process stops and
/// gives both back (so that a service manager restarts it whole).
#[tokio::test]
async fn tandem_run_serves_two_platforms_at_once_each_person_answered_on_their_own() {
    let data = tempfile::tempdir().unwrap();
    let database = data.path().join("tandem.db");
    let url = tandem::config::sqlite_url(&database);
    let settings = Settings {
        data_dir: data.path().to_path_buf(),
        database_url: Some(url.clone()),
        programmes_dir: repo_root().join("config/programs"),
        ..Settings::default()
    };
    let key = || Sealer::from_text(&"4c".repeat(32)).unwrap();
    let (on_matrix, on_discord) = (Recording::new(), Recording::new());
    // The community's staff are all on Matrix.
    let staff = RoomRef::new(Platform::Matrix, "!staff:example.org");
    let (matrix, matrix_inbox) = on_matrix.adapter_on(
        Platform::Matrix,
        StaffRooms {
            coordinators: Some(staff.clone()),
            moderators: Some(RoomRef::new(Platform::Matrix, "!mods:example.org")),
            ..StaffRooms::default()
        },
    );
    let (discord, discord_inbox) = on_discord.adapter_on(Platform::Discord, StaffRooms::default());
    let run = tokio::spawn(async move {
        tandem::cli::run::serve(&settings, example_programmes(), key(), &[&matrix, &discord]).await
    });

    let amina = UserRef::new(Platform::Matrix, "@amina:example.org");
    let bilal = UserRef::new(Platform::Discord, "501");
    matrix_inbox.send(dm_on(&amina, "apply")).unwrap();
    discord_inbox.send(dm_on(&bilal, "apply")).unwrap();
    assert!(
        eventually(|| !on_matrix.dms_to(&amina).is_empty() && !on_discord.dms_to(&bilal).is_empty())
            .await,
        "each person is answered"
    );
    assert!(on_discord.dms_to(&amina).is_empty() && on_matrix.dms_to(&bilal).is_empty());
    // Bilal, on Discord, asks the team: it reaches them in their room on Matrix.
    discord_inbox
        .send(dm_on(&bilal, "ask the team can I join late?"))
        .unwrap();
    assert!(
        eventually(|| on_matrix
            .posts_in(&staff)
            .iter()
            .any(|m| m.text.contains("can I join late?")))
        .await,
        "the question reached the coordinators on the other platform: {:?}",
        on_matrix.all()
    );
    assert!(
        on_discord
            .all()
            .iter()
            .all(|s| s.target == Target::Dm(bilal.clone()))
    );

    // One app, one database: both conversations are there.
    let store = Store::open(&url).await.unwrap();
    for person in [&amina, &bilal] {
        assert!(
            store
                .load_conversation::<tandem::flows::FlowState>(person)
                .await
                .unwrap()
                .is_some(),
            "{person:?}"
        );
    }

    // Both platforms are held.
    for platform in [Platform::Matrix, Platform::Discord] {
        let standby =
            PlatformLease::acquire(store.clone(), platform, Duration::from_secs(30), || {});
        assert!(
            tokio::time::timeout(Duration::from_millis(300), standby)
                .await
                .is_err(),
            "a second process took {platform} while it was served"
        );
    }

    // Discord ends its session: the process stops as a whole (to be started again: 75),
    // and gives both back.
    drop(discord_inbox);
    assert_eq!(ended(run).await, ExitCode::from(75));
    for platform in [Platform::Matrix, Platform::Discord] {
        let next = tokio::time::timeout(
            Duration::from_secs(5),
            PlatformLease::acquire(store.clone(), platform, Duration::from_secs(30), || {}),
        )
        .await
        .unwrap_or_else(|_| panic!("{platform} was not given back"))
        .unwrap();
        next.release().await;
    }
    drop(matrix_inbox);
    store.close().await;
}

/// A process for two platforms, one of them served by another process, waits as a
/// standby for both without holding the other: that one stays free for a process that
/// can serve it. (On PostgreSQL: several processes share a database only there.)
#[tokio::test]
async fn a_process_for_two_platforms_waiting_for_one_holds_neither() {
    let Some(db) = crate::support::TestDb::postgres().await else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let url = db.url.clone();
    let settings = Settings {
        data_dir: data.path().to_path_buf(),
        database_url: Some(url.clone()),
        programmes_dir: repo_root().join("config/programs"),
        ..Settings::default()
    };
    let store = Store::open(&url).await.unwrap();
    let discord_elsewhere = PlatformLease::acquire(
        store.clone(),
        Platform::Discord,
        Duration::from_secs(30),
        || {},
    )
    .await
    .unwrap();
    let (matrix, _m) = Recording::new().adapter_on(Platform::Matrix, StaffRooms::default());
    let (discord, _d) = Recording::new().adapter_on(Platform::Discord, StaffRooms::default());
    let key = Sealer::from_text(&"4c".repeat(32)).unwrap();
    let run = tokio::spawn(async move {
        tandem::cli::run::serve(&settings, example_programmes(), key, &[&matrix, &discord]).await
    });
    // Matrix is taken and given back at once when Discord is found busy.
    let mut free = None;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if let Some(lease) = PlatformLease::try_acquire(
            store.clone(),
            Platform::Matrix,
            Duration::from_secs(30),
            || {},
        )
        .await
        .unwrap()
        {
            free = Some(lease);
            break;
        }
    }
    let matrix_lease = free.expect("Matrix was held by a process that cannot serve it");
    assert!(!run.is_finished(), "the process waits as a standby");
    run.abort();
    matrix_lease.release().await;
    discord_elsewhere.release().await;
    store.close().await;
}

/// `GET path` on `port`, as a monitoring probe asks: the status line and the body.
async fn http_get(port: u16, path: &str) -> (String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (
        head.lines().next().unwrap_or_default().to_string(),
        body.to_string(),
    )
}

/// With `[server] listen`, `tandem run` answers `/healthz` (the database, each platform,
/// the outbox and the jobs) and `/metrics` (Prometheus' text format, the figures named
/// `tandem_…`), and nothing else.
#[tokio::test]
async fn tandem_run_answers_healthz_and_metrics_on_the_listen_address() {
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut settings = Settings {
        data_dir: data.path().to_path_buf(),
        database_url: Some(tandem::config::sqlite_url(&data.path().join("tandem.db"))),
        programmes_dir: repo_root().join("config/programs"),
        ..Settings::default()
    };
    settings.server.listen = Some(format!("127.0.0.1:{port}"));
    let rec = Recording::new();
    let (adapter, inbox) = rec.adapter(StaffRooms::default());
    let key = Sealer::from_text(&"4c".repeat(32)).unwrap();
    let run = tokio::spawn(async move {
        tandem::cli::run::serve(&settings, example_programmes(), key, &[&adapter]).await
    });
    inbox.send(dm("bilal", "help")).unwrap();
    assert!(
        eventually(|| !rec.dms_to(&user("bilal")).is_empty()).await,
        "no answer"
    );

    let (status, body) = http_get(port, "/healthz").await;
    assert!(status.contains("200"), "{status}\n{body}");
    let health: serde_json::Value = serde_json::from_str(body.trim()).unwrap();
    assert_eq!(health["status"], "ok", "{health}");
    assert_eq!(health["database"], "ok");
    assert_eq!(health["platforms"]["console"], "connected");
    assert_eq!(health["outbox"]["stuck"], false);
    assert_eq!(health["jobs"]["stuck"], false);

    let (status, body) = http_get(port, "/metrics").await;
    assert!(status.contains("200"), "{status}");
    for name in [
        "tandem_messages_total",
        "tandem_step_seconds",
        "tandem_outbox_pending",
        "tandem_outbox_overdue_seconds",
        "tandem_jobs_overdue_seconds",
        "tandem_platform_connected",
    ] {
        assert!(body.contains(name), "{name} missing from:\n{body}");
    }
    let (status, _) = http_get(port, "/admin").await;
    assert!(status.contains("404"), "{status}");

    drop(inbox);
    ended(run).await;
}

/// A programme's own rooms on a platform are resolved by that platform when `tandem run`
/// connects (`Connection::programme_room`: the recording takes them as written) and serve
/// the programme: its application cards go to its own coordinators' room.
#[tokio::test]
async fn tandem_run_resolves_a_programmes_own_rooms_on_its_platform_and_uses_them() {
    use tandem::domain::rooms::{NamedRoom, Serves};
    let data = tempfile::tempdir().unwrap();
    let url = tandem::config::sqlite_url(&data.path().join("tandem.db"));
    let settings = Settings {
        data_dir: data.path().to_path_buf(),
        database_url: Some(url),
        programmes_dir: repo_root().join("config/programs"),
        ..Settings::default()
    };
    let key = || Sealer::from_text(&"4c".repeat(32)).unwrap();
    let mut programmes = example_programmes();
    programmes[0].rooms.push(NamedRoom {
        platform: Platform::Matrix,
        serves: Serves::Coordinators,
        written: "#pathways-staff:example.org".into(),
    });
    let rec = Recording::new();
    let community = RoomRef::new(Platform::Matrix, "!staff:example.org");
    let (matrix, inbox) = rec.adapter_on(
        Platform::Matrix,
        StaffRooms {
            coordinators: Some(community.clone()),
            ..StaffRooms::default()
        },
    );
    let run = tokio::spawn(async move {
        tandem::cli::run::serve(&settings, programmes, key(), &[&matrix]).await
    });
    let grace = UserRef::new(Platform::Matrix, "@grace:example.org");
    for line in crate::support::MENTOR_ANSWERS
        .iter()
        .chain(["submit"].iter())
    {
        inbox.send(dm_on(&grace, line)).unwrap();
    }
    let own = RoomRef::new(Platform::Matrix, "#pathways-staff:example.org");
    assert!(
        eventually(|| rec.posts_in(&own).iter().any(|m| m.text.contains("Grace"))).await,
        "the card reaches the programme's own room"
    );
    assert!(rec.posts_in(&community).is_empty());
    drop(inbox);
    ended(run).await;
}
