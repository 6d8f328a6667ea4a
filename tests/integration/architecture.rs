//! The core stays pure: `domain/`, `chat.rs`, `step/`, `flows/` and `matching/` use no
//! database, runtime or chat SDK; and the chat vocabulary and what a step decides are below
//! the flows, not in them, so storage and the ports need no flow.

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
    let mut files = sources(&["src/domain", "src/step", "src/flows", "src/matching"]);
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("flows/incident/cases/keeper.rs"))
    );
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

#[test]
fn storage_the_ports_and_what_a_step_decides_do_not_import_the_flows() {
    let mut files = sources(&["src/storage", "src/step"]);
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("storage/conversations.rs"))
    );
    files.push(repo_root().join("src/ports.rs"));
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        // Code only: a comment may name the flows' type that storage keeps.
        for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
            assert!(
                !line.contains("crate::flows"),
                "{} imports the flows (what a step decides lives in src/step/): {line}",
                path.display()
            );
        }
    }
}

/// Every `.rs` file below the folders, in sub-folders too (`flows/incident/cases/`).
fn sources(folders: &[&str]) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders: Vec<std::path::PathBuf> =
        folders.iter().map(|d| repo_root().join(d)).collect();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn every_command_grammar_is_read_only_by_the_registry() {
    // The grammars a message is read with; only the registry (`flows/route/`) calls them,
    // once per message, and everything else is handed what it read.
    let grammars = [
        "command::parse(",
        "command::help_topic(",
        "cases::parse(",
        "cases::parse_dm(",
        "events::parse(",
        "actions::parse(",
        "actions::is_cancel(",
        "survey::parse(",
        "review::parse(",
        "pairing::parse(",
        "figures::parse(",
        "figures::parse_export(",
        "closure::parse_dm(",
        "closure::parse_transcript(",
        "personal::parse(",
    ];
    let files = sources(&[
        "src/app",
        "src/flows",
        "src/platforms",
        "src/storage",
        "src/cli",
    ]);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let registry = path
            .parent()
            .is_some_and(|dir| dir.ends_with("flows/route"));
        if registry || name == "tests.rs" || name == "testing.rs" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // A module's own unit tests may read its grammar directly.
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for grammar in grammars {
                assert!(
                    !line.contains(grammar),
                    "{}: `{grammar}` outside the registry (flows/route/): {line}",
                    path.display()
                );
            }
        }
    }
}
