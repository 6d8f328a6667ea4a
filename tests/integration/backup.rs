//! `tandem backup FILE`: a consistent copy of the SQLite database, taken while the bot has
//! it open, read back and checked; never over an existing file; on PostgreSQL, the
//! pg_dump command instead.

use tandem::flows::FlowState;
use tandem::storage::Store;

use crate::console::tandem;
use crate::support::{MENTEE_ANSWERS, user};

#[tokio::test]
async fn a_backup_copies_the_database_while_it_is_open_and_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let db_arg = db.display().to_string();
    // Amina applies halfway, in the console.
    let script: String = MENTEE_ANSWERS[..6]
        .iter()
        .map(|a| format!("amina: {a}\n"))
        .collect();
    let out = tandem(&["console", "--database", &db_arg], &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The database stays open (as a running bot holds it) while it is copied.
    let live = Store::open(&tandem::config::sqlite_url(&db)).await.unwrap();
    let copy = dir.path().join("copy.db");
    let copy_arg = copy.display().to_string();
    let out = tandem(&["backup", &copy_arg, "--database", &db_arg], "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("ok: ") && stdout.contains("Keep the case key"),
        "{stdout}"
    );
    let restored = Store::open_existing(&tandem::config::sqlite_url(&copy))
        .await
        .unwrap();
    let before = live
        .load_conversation::<FlowState>(&user("amina"))
        .await
        .unwrap()
        .unwrap();
    let after = restored
        .load_conversation::<FlowState>(&user("amina"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(format!("{:?}", before.state), format!("{:?}", after.state));
    restored.close().await;

    // A second backup to the same file is refused, and the copy is left as it was.
    let size = std::fs::metadata(&copy).unwrap().len();
    let out = tandem(&["backup", &copy_arg, "--database", &db_arg], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("already exists: a backup never overwrites"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::metadata(&copy).unwrap().len(), size);
    live.close().await;

    // PostgreSQL has its own tool: named, nothing written.
    let other = dir.path().join("pg.dump");
    let out = tandem(
        &[
            "backup",
            &other.display().to_string(),
            "--database",
            "postgres://tandem@localhost/tandem",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump --format=custom"));
    assert!(!other.exists());
}
