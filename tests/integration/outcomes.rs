//! Outcomes after closure (`[outcomes]`): the demo script from the baseline at application
//! to the 3-month follow-up and the coordinators' report, and a restart between the
//! closure and the follow-up, which still sends it once.

use crate::console::{expect_lines, run_fixture_with, tandem};
use crate::support::repo_root;

const SETTINGS: [&str; 2] = ["--config", "tests/fixtures/outcomes/tandem.toml"];

/// The report's lines the demo must show.
const REPORT: &[&str] = &[
    "[room coordinators] Outcomes of Next Steps: the change from what participants said when they applied. No group of fewer than 3 is shown.",
    "3 months after the match closed: 3 answers\n  Everyone (3): Employment: Working 0% → 67%, Studying 0% → 33%, Looking for work 100% → 0%; In education or training: Yes 0% → 33%; Confidence 2.0 → 4.3 (+2.3)",
    "  By how the pair was matched:\n    proposed by the matching engine: everyone, as above",
    "  By meetings logged:\n    1 to 3 meetings: too few to show\n    no meetings: too few to show",
    "12 months after the match closed: too few to show (0 so far; shown from 3).",
];

#[test]
fn the_outcomes_demo_asks_the_baseline_follows_up_three_months_after_closure_and_reports_the_change()
 {
    let (stdout, _) = run_fixture_with(
        "outcomes_demo.txt",
        &SETTINGS,
        &["--start", "2027-01-11T09:00:00Z"],
    );
    // The baseline is part of the application.
    expect_lines(
        &stdout,
        &[
            "[dm amina] Question 3 of 5: Which best describes you now?",
            "  3. Employment: Looking for work\n  4. In education or training: No\n  5. Confidence: 2 (A little)",
        ],
    );
    // Each mentee is asked once, by DM, with how to stop; mentors are not asked.
    for mentee in ["amina", "bea", "chidi", "dara"] {
        let opening = format!("[dm {mentee}] Where are you now? from Next Steps");
        assert_eq!(stdout.matches(&opening).count(), 1, "{mentee}: {stdout}");
    }
    assert!(
        !stdout.contains("[dm grace] Where are you now?"),
        "{stdout}"
    );
    expect_lines(
        &stdout,
        &[
            "This is a short follow-up after your mentoring. Type no more if you would rather not be asked again.",
            "[dm amina] Thank you! Your answers to Where are you now? are in, without your name.",
            "[dm dara] Understood: Next Steps will not ask you again how things are going.",
        ],
    );
    expect_lines(&stdout, REPORT);
}

/// The demo cut where the clock jumps to the follow-up: (up to the closures, from there).
fn halves() -> (String, String) {
    let script =
        std::fs::read_to_string(repo_root().join("tests/fixtures/outcomes_demo.txt")).unwrap();
    let at = script
        .find(":advance 13w")
        .expect("the jump to the follow-up");
    (script[..at].to_string(), script[at..].to_string())
}

#[test]
fn a_restart_between_the_closure_and_the_follow_up_still_sends_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outcomes.db").display().to_string();
    let run = |start: &str, script: &str| {
        let mut args: Vec<&str> = SETTINGS.to_vec();
        args.extend(["console", "--database", &db, "--start", start]);
        let out = tandem(&args, script);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (closing, following) = halves();
    // Up to the closures (a month after the start), then the process stops.
    let first = run("2027-01-11T09:00:00Z", &closing);
    assert!(first.contains("was closed early by Dara"), "{first}");
    assert!(!first.contains("Where are you now?"), "{first}");
    // A new process, on the same database, from the time of the closures.
    let second = run("2027-02-10T09:00:00Z", &following);
    for mentee in ["amina", "bea", "chidi", "dara"] {
        let opening = format!("[dm {mentee}] Where are you now? from Next Steps");
        assert_eq!(second.matches(&opening).count(), 1, "{mentee}: {second}");
    }
    expect_lines(&second, REPORT);
    // And again, later: nobody is asked a second time, and the figures stand.
    let third = run(
        "2027-05-20T09:00:00Z",
        ":advance 2d\ncarol in coordinators: !tandem outcomes next-steps\n",
    );
    assert!(!third.contains("Where are you now?"), "{third}");
    expect_lines(&third, &REPORT[1..2]);
}
