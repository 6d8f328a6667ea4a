//! `tandem match solve` and `tandem bench match` from the outside: JSON in, JSON out.

use std::process::Command;

use crate::support::repo_root;

fn tandem(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("tandem ran")
}

#[test]
fn match_solve_reads_an_instance_and_writes_assignments_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    let instance = dir.path().join("instance.json");
    let output = dir.path().join("out.json");
    std::fs::write(
        &instance,
        r#"{"mentors":[{"id":"ada","capacity":2},{"id":"bo","capacity":1}],
            "mentees":[{"id":"x","slots":1},{"id":"y"},{"id":"z"},{"id":"w"}],
            "pairs":[{"mentee":"x","mentor":"ada","score":9},{"mentee":"x","mentor":"bo","score":8},
                     {"mentee":"y","mentor":"ada","score":7},{"mentee":"z","mentor":"bo","score":1},
                     {"mentee":"w","mentor":"ada","score":1}]}"#,
    )
    .unwrap();
    let out = tandem(&[
        "match",
        "solve",
        "--instance",
        &instance.display().to_string(),
        "--output",
        &output.display().to_string(),
        "--greedy",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Four mentees and three places: the optimum fills them all for 17 points.
    assert_eq!(figures["matched"], 3);
    assert_eq!(figures["total_score"], 17);
    assert_eq!(figures["greedy_matched"], 3);
    for key in [
        "mentees",
        "mentors",
        "pairs",
        "solve_seconds",
        "total_seconds",
        "peak_rss_mib",
    ] {
        assert!(figures.get(key).is_some(), "{key} in {figures}");
    }
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(written["assignments"].as_array().unwrap().len(), 3);
    assert_eq!(written["unmatched"].as_array().unwrap().len(), 1);
}

#[test]
fn match_solve_refuses_a_bad_instance_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let instance = dir.path().join("bad.json");
    std::fs::write(
        &instance,
        r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"q","score":1}]}"#,
    )
    .unwrap();
    let out = tandem(&[
        "match",
        "solve",
        "--instance",
        &instance.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("bad.json: a pair names unknown mentor `q`"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn bench_match_prints_its_figures_as_one_json_object() {
    let out = tandem(&[
        "bench",
        "match",
        "--mentees",
        "400",
        "--mentors",
        "80",
        "--capacity",
        "5",
        "--seed",
        "3",
        "--k",
        "8",
        "--compare-exact",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "mentees",
        "mentors",
        "feasible_pairs",
        "candidate_pairs",
        "matched",
        "total_score",
        "greedy_matched",
        "greedy_total_score",
        "score_seconds",
        "solve_seconds",
        "total_seconds",
        "peak_rss_mib",
    ] {
        assert!(f.get(key).is_some(), "{key} missing from {f}");
    }
    assert_eq!(f["mentees"], 400);
    assert_eq!(f["exact"]["certified_optimal"], true, "{f}");
    assert_eq!(
        f["rematch"]["same_result"], true,
        "a local rematch finds what a full re-solve does: {f}"
    );
    assert!(f["matched"].as_i64() <= f["exact"]["matched"].as_i64());
    assert!(
        f["total_score"].as_i64() <= f["exact"]["total_score"].as_i64()
            || f["matched"].as_i64() < f["exact"]["matched"].as_i64()
    );
    assert!(
        f["greedy_total_score"].as_i64() <= f["exact"]["total_score"].as_i64()
            || f["greedy_matched"].as_i64() < f["exact"]["matched"].as_i64()
    );
}

#[test]
fn bench_messages_drives_people_through_the_real_path_and_prints_its_figures() {
    let out = tandem(&["bench", "messages", "--people", "4", "--concurrency", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(f["bench"], "messages", "{f}");
    assert_eq!(f["database"], "sqlite", "{f}");
    assert_eq!(f["applications_stored"], 4, "every application stored: {f}");
    assert_eq!(f["messages"], 64, "sixteen messages each: {f}");
    assert!(
        f["statements_per_message"].as_f64().unwrap() > 1.0,
        "statements are counted from sqlx's log: {f}"
    );
    for key in ["messages_per_cpu_second", "cpu_seconds", "peak_rss_mib"] {
        assert!(f[key].as_f64().is_some(), "{key} missing from {f}");
    }
    assert!(f["step_ms"]["p99"].as_f64().is_some(), "{f}");
    // Bad input: a clear message, nothing run.
    let out = tandem(&["bench", "messages", "--people", "0"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--people and --concurrency must be at least 1")
    );
}
