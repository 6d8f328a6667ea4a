use chrono::TimeZone as _;

use super::*;
use crate::domain::programme::{Choice, Question};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

fn q(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        label: id.into(),
        prompt: id.into(),
        help: None,
        kind,
        optional: false,
        show_if: None,
    }
}

fn indicators() -> Vec<Question> {
    vec![
        q(
            "employment",
            QuestionKind::SingleChoice {
                choices: ["employed", "looking", "studying"]
                    .map(|v| Choice {
                        value: v.into(),
                        label: v.into(),
                    })
                    .to_vec(),
            },
        ),
        q("in_education", QuestionKind::YesNo),
        q(
            "confidence",
            QuestionKind::Scale {
                labels: ["1", "2", "3", "4", "5"].map(String::from).to_vec(),
            },
        ),
    ]
}

fn groups(cohort: &str, method: Method) -> Groups {
    Groups {
        cohort: cohort.into(),
        method,
        length: Length::SixMonthsOrMore,
        check_ins: CheckIns::Kept,
        meetings: Meetings::FourOrMore,
    }
}

fn record(
    follow_up: &str,
    groups: Groups,
    before: (&str, bool, f64),
    after: (&str, bool, f64),
) -> OutcomeRecord {
    let answers = |(job, school, confidence): (&str, bool, f64)| {
        BTreeMap::from([
            ("employment".to_string(), Answer::Choice(job.into())),
            ("in_education".to_string(), Answer::YesNo(school)),
            ("confidence".to_string(), Answer::Number(confidence)),
        ])
    };
    OutcomeRecord {
        follow_up: follow_up.into(),
        role: RoleKind::Mentee,
        groups,
        baseline: answers(before),
        answers: answers(after),
    }
}

fn figures(g: &Group) -> &[IndicatorChange] {
    match &g.shown {
        Shown::Figures(f) => f,
        other => panic!("expected figures, got {other:?}"),
    }
}

#[test]
fn the_change_from_baseline_is_the_averages_and_shares_before_and_after() {
    let records: Vec<OutcomeRecord> = (0..4)
        .map(|i| {
            record(
                "3 months",
                groups("2027 Q1", Method::Algorithm),
                ("looking", false, 2.0),
                (
                    if i < 3 { "employed" } else { "looking" },
                    i == 0,
                    3.0 + i as f64 * 0.5,
                ),
            )
        })
        .collect();
    let r = report(&indicators(), &["3 months".into()], &records, 2);
    let all = figures(&r.follow_ups[0].overall);
    assert_eq!(
        all[0].change,
        Change::Shares(vec![(0, 0.0, 75.0), (1, 100.0, 25.0), (2, 0.0, 0.0)])
    );
    assert_eq!(all[1].change, Change::Shares(vec![(0, 0.0, 25.0)]));
    assert_eq!(
        all[2].change,
        Change::Mean {
            before: 2.0,
            after: 3.75
        }
    );
    assert_eq!(all[2].pairs, 4);
}

#[test]
fn a_follow_up_with_fewer_responses_than_the_minimum_shows_nothing_else() {
    let records: Vec<OutcomeRecord> = (0..4)
        .map(|_| {
            record(
                "3 months",
                groups("2027 Q1", Method::Algorithm),
                ("looking", false, 2.0),
                ("employed", true, 4.0),
            )
        })
        .collect();
    let r = report(
        &indicators(),
        &["3 months".into(), "6 months".into()],
        &records,
        5,
    );
    assert_eq!(r.follow_ups.len(), 2);
    assert_eq!(r.follow_ups[0].overall.shown, Shown::TooFew);
    assert!(r.follow_ups[0].by.is_empty());
    assert_eq!(r.follow_ups[1].overall.responses, 0);
    assert_eq!(r.follow_ups[1].overall.shown, Shown::TooFew);
}

#[test]
fn groups_below_the_minimum_are_too_few_and_their_complement_is_hidden_too() {
    let mut records = Vec::new();
    for _ in 0..6 {
        records.push(record(
            "3 months",
            groups("2027 Q1", Method::Algorithm),
            ("looking", false, 2.0),
            ("employed", true, 4.0),
        ));
    }
    for _ in 0..3 {
        records.push(record(
            "3 months",
            groups("2027 Q1", Method::MenteeChoice),
            ("looking", false, 2.0),
            ("looking", false, 1.0),
        ));
    }
    let r = report(&indicators(), &["3 months".into()], &records, 3);
    let f = &r.follow_ups[0];
    assert_eq!(f.overall.responses, 9);
    let by = |d: Dimension| &f.by.iter().find(|(x, _)| *x == d).unwrap().1;
    // Both methods reach 3: both shown, each with its own change.
    let methods = by(Dimension::Method);
    assert_eq!(methods[0].key, "algorithm");
    assert_eq!(
        figures(&methods[1])[2].change,
        Change::Mean {
            before: 2.0,
            after: 1.0
        }
    );
    // One cohort: the overall again.
    assert_eq!(by(Dimension::Cohort).len(), 1);

    // With a minimum of 4, the mentee-choice group is too few, and the only other group
    // (which is the total minus it) is hidden with it.
    let r = report(&indicators(), &["3 months".into()], &records, 4);
    let methods = &r.follow_ups[0]
        .by
        .iter()
        .find(|(d, _)| *d == Dimension::Method)
        .unwrap()
        .1;
    assert_eq!(methods[1].shown, Shown::TooFew);
    assert_eq!(methods[0].shown, Shown::WithSmallGroup);
    assert!(matches!(r.follow_ups[0].overall.shown, Shown::Figures(_)));
}

#[test]
fn an_indicator_answered_at_both_times_by_too_few_is_hidden() {
    let mut records: Vec<OutcomeRecord> = (0..5)
        .map(|_| {
            record(
                "3 months",
                groups("2027 Q1", Method::Algorithm),
                ("looking", false, 2.0),
                ("employed", true, 4.0),
            )
        })
        .collect();
    for r in records.iter_mut().take(2) {
        r.answers.insert("confidence".into(), Answer::Skipped);
    }
    let r = report(&indicators(), &["3 months".into()], &records, 5);
    let all = figures(&r.follow_ups[0].overall);
    assert_eq!(all[2].pairs, 3);
    assert_eq!(all[2].change, Change::Hidden);
    assert!(matches!(all[0].change, Change::Shares(_)));
}

#[test]
fn follow_ups_are_read_in_words_or_as_the_schedule_writes_them() {
    let f = parse_follow_up("3 months").unwrap();
    assert_eq!((f.label.as_str(), f.after), ("3 months", Offset::Months(3)));
    assert_eq!(parse_follow_up("6m").unwrap().label, "6 months");
    assert_eq!(parse_follow_up("1 week").unwrap().after, Offset::Weeks(1));
    assert!(parse_follow_up("soon").is_err());
    assert!(parse_follow_up("0 days").is_err());
    assert!(parse_follow_up("3 fortnights").is_err());
}

#[test]
fn follow_up_jobs_fall_after_the_closure_and_none_long_past_is_scheduled() {
    let outcomes = Outcomes {
        survey: "outcomes".into(),
        roles: vec![RoleKind::Mentee],
        follow_ups: ["3 months", "12 months"]
            .map(|t| parse_follow_up(t).unwrap())
            .to_vec(),
    };
    let closed = at(2027, 1, 31);
    let jobs = follow_up_jobs(7, closed, &outcomes, closed);
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].due_at, at(2027, 4, 30));
    assert_eq!(jobs[1].due_at, at(2028, 1, 31));
    assert_ne!(jobs[0].key(), jobs[1].key());
    // The same scheduling again gives the same keys: stored once.
    assert_eq!(
        follow_up_jobs(7, closed, &outcomes, closed + chrono::Duration::days(1)),
        jobs
    );
    // Turned on a year later: the 3-month follow-up is long past.
    let late = follow_up_jobs(7, closed, &outcomes, at(2028, 1, 20));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].due_at, at(2028, 1, 31));
}

#[test]
fn a_match_falls_in_groups_by_its_start_length_method_and_practice() {
    let plan = SupportPlan {
        contacts: vec![Offset::Weeks(2)],
        every: Some(Offset::Months(1)),
        ..SupportPlan::default()
    };
    let started = at(2027, 2, 1);
    let facts = MatchFacts {
        origin: MatchOrigin::Request,
        started,
        closed: at(2027, 5, 15),
        plan: &plan,
        staff_contacts: vec![
            at(2027, 2, 10),
            at(2027, 3, 8),
            at(2027, 4, 5),
            at(2027, 5, 1),
        ],
        meetings_held: 2,
    };
    assert_eq!(
        Groups::of(&facts),
        Groups {
            cohort: "2027 Q1".into(),
            method: Method::MenteeChoice,
            length: Length::ThreeToSixMonths,
            check_ins: CheckIns::Kept,
            meetings: Meetings::OneToThree,
        }
    );
    let missed = MatchFacts {
        staff_contacts: vec![at(2027, 2, 10)],
        ..facts.clone()
    };
    assert_eq!(Groups::of(&missed).check_ins, CheckIns::Missed);
    let none = SupportPlan {
        contacts: vec![],
        every: None,
        ..SupportPlan::default()
    };
    assert_eq!(
        Groups::of(&MatchFacts {
            plan: &none,
            ..facts.clone()
        })
        .check_ins,
        CheckIns::NotPlanned
    );
    assert_eq!(
        Length::of(started, at(2027, 4, 30)),
        Length::UnderThreeMonths
    );
    assert_eq!(Length::of(started, at(2027, 8, 1)), Length::SixMonthsOrMore);
    assert_eq!(Method::of(MatchOrigin::Engine), Method::Algorithm);
    assert_eq!(Method::of(MatchOrigin::Coordinator), Method::Coordinator);
}

#[test]
fn stored_group_keys_read_back() {
    for m in Method::ALL {
        assert_eq!(parse_key(&Method::ALL, Method::as_str, m.as_str()), Some(m));
    }
    for c in CheckIns::ALL {
        assert_eq!(
            parse_key(&CheckIns::ALL, CheckIns::as_str, c.as_str()),
            Some(c)
        );
    }
    assert_eq!(parse_key(&Length::ALL, Length::as_str, "forever"), None);
}

#[test]
fn the_export_holds_the_reports_figures_and_says_where_a_group_is_too_few() {
    let survey = crate::domain::survey::Survey {
        id: "after".into(),
        title: "After".into(),
        intro: String::new(),
        anonymous: true,
        roles: vec![RoleKind::Mentee],
        questions: indicators(),
        reminder_days: 3,
        open_days: 14,
    };
    let mut records: Vec<OutcomeRecord> = (0..3)
        .map(|_| {
            record(
                "3 months",
                groups("2027 Q1", Method::Algorithm),
                ("looking", false, 2.0),
                ("employed", true, 4.0),
            )
        })
        .collect();
    records.push(record(
        "3 months",
        groups("2027 Q2", Method::Algorithm),
        ("looking", false, 2.0),
        ("looking", false, 2.0),
    ));
    let t = table(
        &report(&indicators(), &["3 months".into()], &records, 3),
        &survey,
    );
    let row = |by: &str, group: &str, indicator: &str, option: &str| {
        t.rows
            .iter()
            .find(|r| r[1] == by && r[2] == group && r[4] == indicator && r[5] == option)
            .unwrap_or_else(|| panic!("no row {by} {group} {indicator} {option}: {t:?}"))
            .clone()
    };
    assert_eq!(
        row("everyone", "", "confidence", ""),
        [
            "3 months",
            "everyone",
            "",
            "4",
            "confidence",
            "",
            "2.0",
            "3.5",
            "yes"
        ]
    );
    assert_eq!(
        row("everyone", "", "employment", "employed")[6..8],
        ["0%", "75%"]
    );
    assert_eq!(
        row("everyone", "", "in_education", "yes")[6..8],
        ["0%", "75%"]
    );
    // One cohort is too few, so the other (the total minus it) is hidden with it.
    assert_eq!(row("cohort", "2027 Q2", "", "")[8], "too few");
    assert_eq!(row("cohort", "2027 Q1", "", "")[8], "with a small group");
}

#[test]
fn responses_are_split_by_role_only_where_both_roles_are_followed() {
    let one = |role: RoleKind| OutcomeRecord {
        role,
        ..record(
            "3 months",
            groups("2027 Q1", Method::Algorithm),
            ("looking", false, 2.0),
            ("employed", true, 4.0),
        )
    };
    let mentees: Vec<OutcomeRecord> = (0..3).map(|_| one(RoleKind::Mentee)).collect();
    let r = report(&indicators(), &["3 months".into()], &mentees, 3);
    assert!(
        r.follow_ups[0]
            .by
            .iter()
            .all(|(d, _)| *d != Dimension::Role)
    );
    let mut both = mentees.clone();
    both.extend((0..3).map(|_| one(RoleKind::Mentor)));
    let r = report(&indicators(), &["3 months".into()], &both, 3);
    let (d, roles) = &r.follow_ups[0].by[0];
    assert_eq!(*d, Dimension::Role);
    let keys: Vec<&str> = roles.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["mentee", "mentor"]);
}
