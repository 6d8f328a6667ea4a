//! The core stays pure: `domain/`, `flows/` and `matching/` use no database, runtime or
//! chat SDK.

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
    for dir in ["src/domain", "src/flows", "src/matching"] {
        for entry in std::fs::read_dir(repo_root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
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
}
