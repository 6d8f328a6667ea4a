//! The coordinators' guide's tables (docs/coordinators.md), run as written: every command
//! they show is typed in `tests/fixtures/coordinator_guide.txt`, and the guide runs through
//! the console with none of them refused or misunderstood. A command added to the tables
//! fails here until the guide runs it; a command whose words change fails here until the
//! coordinators' guide (docs/coordinators.md) says so.

use std::process::{Command, Stdio};

use crate::support::repo_root;

/// The coordinators' tables: from the section's title to the paragraph after them.
fn section(readme: &str) -> &str {
    let start = readme
        .find("## Coordinators' commands")
        .expect("the coordinators' guide (docs/coordinators.md) has a coordinators' section");
    let end = start
        + readme[start..]
            .find("When both accept")
            .expect("the tables end before the pair rooms' paragraph");
    &readme[start..end]
}

/// Every command shown in the first column of the section's tables, without the prefix.
fn readme_commands(section: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let first = line[1..].split(" | ").next().unwrap_or_default();
        for (i, span) in first.split('`').enumerate() {
            if i % 2 == 1 {
                out.push(span.trim_start_matches("!tandem ").to_string());
            }
        }
    }
    out
}

/// A command of the coordinators' guide as tokens: `<what>` (one or more words), `[what]`
/// (any), `...` (one or more), and literal words.
fn tokens(pattern: &str) -> Vec<String> {
    let mut s = String::new();
    let mut depth = None;
    for c in pattern.chars() {
        match (depth, c) {
            (None, '<') => depth = Some('>'),
            (None, '[') => depth = Some(']'),
            (Some(close), c) if c == close => {
                s.push_str(if close == '>' { " <> " } else { " [] " });
                depth = None;
            }
            (Some(_), _) => {}
            (None, c) => s.push(c),
        }
    }
    s.split_whitespace().map(str::to_string).collect()
}

/// A number's shape: `A12` and `A3` are both `A9`, dates `9-9-9`.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let c = if c.is_ascii_digit() { '9' } else { c };
        if !(c == '9' && out.ends_with('9')) {
            out.push(c);
        }
    }
    out.to_lowercase()
}

fn fits(pattern: &[String], words: &[&str]) -> bool {
    let Some((first, rest)) = pattern.split_first() else {
        return words.is_empty();
    };
    let at_least = |n: usize| (n..=words.len()).any(|k| fits(rest, &words[k..]));
    if first == "<>" || first.contains("...") {
        return at_least(1);
    }
    if first == "[]" {
        return at_least(0);
    }
    let Some((word, after)) = words.split_first() else {
        return false;
    };
    let same = if first.chars().any(|c| c.is_ascii_digit()) {
        shape(first) == shape(word)
    } else {
        first.eq_ignore_ascii_case(word)
    };
    same && fits(rest, after)
}

#[test]
fn the_guide_command_matcher_reads_placeholders_numbers_and_options() {
    let p = tokens("match swap P3 <mentor's application> [reason]");
    assert!(fits(&p, &["match", "swap", "P4", "A3"]));
    assert!(fits(&p, &["match", "swap", "P4", "A3", "because"]));
    assert!(!fits(&p, &["match", "swap", "A4", "A3"]));
    assert!(!fits(&p, &["match", "swap", "P4"]));
    let p = tokens("event create title: ...; start: ...");
    assert!(fits(
        &p,
        &[
            "event",
            "create",
            "title:",
            "Welcome;",
            "start:",
            "2027-02-03"
        ]
    ));
}

#[test]
fn every_command_of_the_coordinators_guide_runs_in_its_script_and_none_is_refused() {
    let readme = std::fs::read_to_string(repo_root().join("docs/coordinators.md")).unwrap();
    let commands = readme_commands(section(&readme));
    assert!(commands.len() >= 30, "{commands:?}");
    let guide =
        std::fs::read_to_string(repo_root().join("tests/fixtures/coordinator_guide.txt")).unwrap();
    let typed: Vec<&str> = guide
        .lines()
        .filter_map(|l| l.split_once(" in coordinators: !tandem "))
        .map(|(_, command)| command)
        .collect();
    let missing: Vec<&String> = commands
        .iter()
        .filter(|c| {
            let pattern = tokens(c);
            !typed.iter().any(|t| {
                let words: Vec<&str> = t.split_whitespace().collect();
                fits(&pattern, &words)
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "coordinators' guide (docs/coordinators.md) commands the guide never runs: {missing:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guide.db").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "console",
            "--database",
            &db,
            "--start",
            "2027-01-11T09:00:00Z",
        ])
        .current_dir(repo_root())
        .env_remove("TANDEM_CONFIG")
        .env_remove("TANDEM_DATABASE_URL")
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(guide.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let refusals = [
        "Usage:",
        "didn't understand",
        "Sorry",
        "There is no",
        "not active",
        "already",
        "is an application;",
        "is a match;",
        "only the programme's coordinators",
        "work only in",
    ];
    let refused: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("[room coordinators]"))
        .filter(|l| refusals.iter().any(|r| l.contains(r)))
        .collect();
    assert!(refused.is_empty(), "refused in the guide: {refused:#?}");
    for expected in [
        "[room coordinators] Match M4 (Amina ↔ Grace) is active: both accepted",
        "[room coordinators] M4 · Pathways Mentoring 2027 · active · too early to tell",
        "[room coordinators] Match M4 (Amina ↔ Grace), Pathways Mentoring 2027, was closed early",
    ] {
        assert!(stdout.contains(expected), "«{expected}» in:\n{stdout}");
    }
}
