//! Outcomes after closure (`[outcomes]`): the demo script from the baseline at application
//! to the 3-month follow-up and the coordinators' report, a restart between the closure
//! and the follow-up, which still sends it once, and the follow-ups' storage on both
//! backends.

use std::collections::BTreeMap;

use chrono::Duration;
use tandem::domain::outcomes::{CheckIns, Groups, Length, Meetings, Method};
use tandem::domain::survey::NewRound;
use tandem::domain::{Answer, RoleKind};
use tandem::flows::{Effect, FlowState, StateChange};
use tandem::storage::Store;

use crate::console::{expect_lines, run_fixture_with, tandem};
use crate::support::{repo_root, start_time, user};

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

both_backends! {
    async fn a_follow_up_is_sent_once_stored_with_its_baseline_without_the_person_and_may_be_declined(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let now = start_time();
        let (amina, dara) = (user("amina"), user("dara"));
        let groups = Groups {
            cohort: "2027 Q1".into(),
            method: Method::Coordinator,
            length: Length::UnderThreeMonths,
            check_ins: CheckIns::Kept,
            meetings: Meetings::None,
        };
        let baseline = BTreeMap::from([("confidence".to_string(), Answer::Number(2.0))]);
        let round = NewRound {
            programme: "next-steps".into(),
            survey: "after".into(),
            audience: "match M1 · 3 months".into(),
            match_id: Some(1),
            sent_by: "outcomes".into(),
            source: "outcome_follow_up|match:1|1".into(),
            closes_at: now + Duration::days(14),
            recipients: vec![(amina.clone(), RoleKind::Mentee), (dara.clone(), RoleKind::Mentee)],
        };
        let invites = vec![
            (amina.clone(), groups.clone(), baseline.clone()),
            (dara.clone(), groups.clone(), baseline.clone()),
        ];
        assert!(store.send_follow_up(&round, "3 months", &invites, now).await.unwrap().is_some());
        // The same job again: nothing more is sent.
        assert!(store.send_follow_up(&round, "3 months", &invites, now).await.unwrap().is_none());

        let answers = BTreeMap::from([("confidence".to_string(), Answer::Number(4.0))]);
        let submit = Effect::SubmitSurvey {
            invite_id: 1,
            user: amina.clone(),
            answers: answers.clone(),
            attributed: false,
        };
        let unchanged: StateChange = StateChange::Unchanged;
        assert!(store.commit_step(&amina, None, &unchanged, std::slice::from_ref(&submit), now).await.unwrap().is_committed());
        // Answered once only.
        assert!(!store.commit_step(&amina, None, &unchanged, &[submit], now).await.unwrap().is_committed());
        let decline = Effect::DeclineFollowUps { invite_id: 2, user: dara.clone() };
        assert!(store.commit_step(&dara, None, &unchanged, &[decline], now).await.unwrap().is_committed());
        assert!(store.declined_follow_ups("next-steps", &dara).await.unwrap());
        assert!(!store.declined_follow_ups("next-steps", &amina).await.unwrap());

        let records = store.outcome_records("next-steps").await.unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].follow_up, "3 months");
        assert_eq!(records[0].groups, groups);
        assert_eq!(records[0].baseline, baseline);
        assert_eq!(records[0].answers, answers);
        // Anonymous: nothing of it is Amina's.
        let data = store.personal_data::<FlowState>(&amina, now).await.unwrap();
        let mine = &data["outcomes_after_closure"]["answers_with_your_name"];
        assert_eq!(mine.as_array().map(Vec::len), Some(0), "{data}");
        let declined = store.personal_data::<FlowState>(&dara, now).await.unwrap();
        assert_eq!(declined["outcomes_after_closure"]["follow_ups_you_declined"][0]["programme"], "next-steps");
    }
}

both_backends! {
    async fn a_closed_match_whose_follow_ups_were_never_scheduled_gets_them_from_the_sweep(db: TestDb) {
        use crate::support::{Harness, programmes_in};
        let following = programmes_in("tests/fixtures/outcomes/programs");
        // The same programme (its form asks the baseline) with nothing scheduled at the
        // closure: as if the process had stopped between the closure and its scheduling.
        let mut unscheduled = following.clone();
        unscheduled[0].outcomes = None;
        let h = Harness::with_programmes(&db, unscheduled).await;
        h.say_all("amina", &["apply", "mentee", "Amina", "Europe/London", "3", "no", "2", "submit"]).await;
        h.say_all("grace", &["apply as mentor", "Grace", "Europe/London", "submit"]).await;
        h.in_room("carol", "coordinators", "!tandem match propose").await;
        h.in_room("carol", "coordinators", "!tandem match approve all").await;
        h.say("amina", "accept").await;
        h.say("grace", "accept").await;
        let out = h.say_all("amina", &["close match I found a job.", "yes"]).await;
        assert!(out.contains("Your mentoring with Grace has ended"), "{out}");
        h.say("amina", "Take a break").await;
        h.say("grace", "Take a break").await;

        // Outcomes on, in a new process: the sweep schedules the follow-ups it missed.
        let h = Harness::with_programmes(&db, following).await;
        h.clock.advance(Duration::days(1));
        assert!(!h.sweep().await.contains("Where are you now?"));
        h.clock.advance(Duration::days(91));
        let out = h.sweep().await;
        assert_eq!(out.matches("Where are you now? from Next Steps").count(), 1, "{out}");
        assert!(!out.contains("grace"), "mentors are not followed: {out}");
        // Answered, it is in the report's records with its baseline.
        h.say_all("amina", &["1", "no"]).await;
        let out = h.say("amina", "4").await;
        assert!(out.contains("are in, without your name"), "{out}");
        let records = h.store.outcome_records("next-steps").await.unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].baseline.get("confidence"), Some(&Answer::Number(2.0)));
        assert_eq!(records[0].answers.get("confidence"), Some(&Answer::Number(4.0)));
        // Later sweeps send nothing more.
        h.clock.advance(Duration::days(30));
        assert!(!h.sweep().await.contains("Where are you now?"));
    }
}
