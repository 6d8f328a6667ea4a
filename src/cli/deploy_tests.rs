//! What can be checked of the container files (`Dockerfile`, `deploy/compose.yaml`) and
//! the service unit (`deploy/tandem.service`) without a container engine: each file the
//! image copies exists, the fonts it installs are where Tandem looks for them, and the
//! command lines they run are ones `tandem` takes. Building and running the image is
//! `TANDEM_TEST_CONTAINER=1 scripts/test`, where an engine answers.

use clap::Parser;

use super::args::{Cli, Command};

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The JSON-array form of a Dockerfile instruction (`ENTRYPOINT ["a", "b"]`).
fn exec_form(dockerfile: &str, instruction: &str) -> Vec<String> {
    let line = dockerfile
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{instruction} ")))
        .unwrap_or_else(|| panic!("no {instruction} in the Dockerfile"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{instruction} {line}: {e}"))
}

#[test]
fn every_file_the_dockerfile_copies_from_the_repository_exists() {
    let dockerfile = read("Dockerfile");
    let mut copied = 0;
    for line in dockerfile.lines() {
        let Some(rest) = line.strip_prefix("COPY ") else {
            continue;
        };
        if rest.starts_with("--from=") {
            continue;
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        for source in &words[..words.len() - 1] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(source);
            assert!(
                path.exists(),
                "the Dockerfile copies {source}, which is missing"
            );
            copied += 1;
        }
    }
    assert!(
        copied >= 6,
        "read {copied} sources: is the Dockerfile there?"
    );
    // What the build includes at compile time must be copied before `cargo build`.
    for needed in [
        "src",
        "locales",
        "migrations",
        "config",
        "docs",
        "Cargo.lock",
    ] {
        assert!(
            dockerfile.contains(&format!("COPY {needed}"))
                || dockerfile.contains(&format!(" {needed} ")),
            "the build stage does not copy {needed}"
        );
    }
}

#[test]
fn the_image_installs_the_debian_packages_of_every_default_font() {
    let dockerfile = read("Dockerfile");
    // Each folder of graphics::DEFAULT_FONTS comes from one Debian package.
    let package_of = |path: &str| match path.split('/').nth(5) {
        Some("noto") => "fonts-noto-core",
        Some("droid") => "fonts-droid-fallback",
        Some("nanum") => "fonts-nanum",
        Some("dejavu") => "fonts-dejavu-core",
        other => panic!("no package known for {path} ({other:?})"),
    };
    for font in crate::graphics::DEFAULT_FONTS {
        let package = package_of(font);
        assert!(
            dockerfile.contains(package),
            "{font} needs {package}, which the image does not install"
        );
    }
}

#[test]
fn the_image_and_the_service_run_a_command_line_tandem_takes_as_a_non_root_user() {
    let dockerfile = read("Dockerfile");
    let mut line = exec_form(&dockerfile, "ENTRYPOINT");
    line.extend(exec_form(&dockerfile, "CMD"));
    let cli = Cli::try_parse_from(&line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
    assert!(matches!(cli.command, Command::Run), "{line:?}");
    assert_eq!(
        cli.config.as_deref(),
        Some(std::path::Path::new("/etc/tandem/tandem.toml"))
    );
    let user = dockerfile
        .lines()
        .filter_map(|l| l.strip_prefix("USER "))
        .next_back()
        .expect("a USER line");
    assert_ne!(user.trim(), "root");
    assert!(dockerfile.contains("VOLUME [\"/var/lib/tandem\"]"));
    assert!(dockerfile.contains("WORKDIR /var/lib/tandem"));

    let unit = read("deploy/tandem.service");
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart line");
    let words: Vec<&str> = exec.split_whitespace().collect();
    let cli = Cli::try_parse_from(&words).unwrap_or_else(|e| panic!("{exec}: {e}"));
    assert!(matches!(cli.command, Command::Run), "{exec}");
}

#[test]
fn the_compose_file_mounts_what_the_image_reads_and_keeps_the_secrets_apart() {
    let compose = read("deploy/compose.yaml");
    for expected in [
        "./etc:/etc/tandem:ro",
        "data:/var/lib/tandem",
        "env_file: secrets.env",
        "env_file: db.env",
        "127.0.0.1:9184:9184",
        "build: ..",
    ] {
        assert!(compose.contains(expected), "compose.yaml lacks {expected}");
    }
    // The database's container never gets Tandem's secrets (the case key).
    let services = compose.split("\nservices:").nth(1).expect("services");
    let db = services
        .split("\n  tandem:")
        .next()
        .expect("a db service before tandem");
    assert!(!db.contains("secrets.env"), "{db}");
    // Tabs are not YAML indentation.
    assert!(!compose.contains('\t'));
}
