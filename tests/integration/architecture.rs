//! The core stays pure: `domain/`, `chat.rs`, `flows/` and `matching/` use no database,
//! runtime or chat SDK; and the chat vocabulary is below the flows, not in them.

use crate::support::repo_root;

#[test]
fn the_domain_flows_and_matching_use_no_database_runtime_or_sdk() {
    let forbidden = [
        "sqlx",
        "tokio",
        "async fn",
        "async_trait",
        "matrix_sdk",
        "serenity",
        "poise",
        "std::fs",
        "std::net",
        "crate::storage",
        "crate::app",
        "crate::platforms",
    ];
    // Every source file, in sub-folders too (`flows/cases/`).
    let mut files = Vec::new();
    let mut folders: Vec<std::path::PathBuf> = ["src/domain", "src/flows", "src/matching"]
        .iter()
        .map(|d| repo_root().join(d))
        .collect();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.iter().any(|f| f.ends_with("flows/cases/keeper.rs")));
    files.push(repo_root().join("src/chat.rs"));
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "tests.rs" || name == "reference.rs" {
            continue; // test-only code may read fixtures
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for word in forbidden {
                assert!(
                    !line.contains(word),
                    "{}: `{word}` in the pure core: {line}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_ports_and_the_chat_vocabulary_do_not_depend_on_the_flows() {
    for file in ["src/chat.rs", "src/ports.rs"] {
        let source = std::fs::read_to_string(repo_root().join(file)).unwrap();
        // Code only: a comment may say where a flow reads this vocabulary.
        for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
            assert!(
                !line.contains("flows::"),
                "{file} depends on the flows (the chat vocabulary lives in src/chat.rs): {line}"
            );
        }
    }
}
