//! The planner's tests: whole plans for the example programme on a few hand-made people
//! (the reasons given and why someone is left out; exclusions, capacities, places already
//! taken, full mentors, never-together answers). A new criterion or rule gets its case
//! here; the solver's own tests are in `matching::min_cost_flow`.

use super::*;
use crate::domain::answer::Answer;
use crate::domain::{ApplicationStatus, ApplicationSummary, Platform, RoleKind, UserRef};

fn programme() -> Programme {
    crate::config::parse_programme(
        std::path::Path::new("example.toml"),
        include_str!("../../../config/programs/example.toml"),
    )
    .unwrap()
}

/// What a [`plan`] is made with: the example programme and its matching settings, the
/// pairs excluded and the places already taken (none unless a test says so), at [`now`].
#[derive(Clone)]
struct Planning {
    programme: Programme,
    config: MatchingConfig,
    excluded: HashSet<(i64, i64)>,
    taken: HashMap<i64, u32>,
}

impl Planning {
    fn new() -> Planning {
        let programme = programme();
        let config = programme.matching.clone().unwrap();
        Planning {
            programme,
            config,
            excluded: HashSet::new(),
            taken: HashMap::new(),
        }
    }

    /// The same, with these (mentee, mentor) application pairs excluded.
    fn excluding<const N: usize>(&self, pairs: [(i64, i64); N]) -> Planning {
        Planning {
            excluded: HashSet::from(pairs),
            ..self.clone()
        }
    }

    /// The same, with these applications' places already taken.
    fn taken<const N: usize>(&self, places: [(i64, u32); N]) -> Planning {
        Planning {
            taken: HashMap::from(places),
            ..self.clone()
        }
    }

    fn plan(&self, mentees: &[ApplicationRecord], mentors: &[ApplicationRecord]) -> Plan {
        plan(
            &self.config,
            &self.programme,
            mentees,
            mentors,
            &self.excluded,
            &self.taken,
            now(),
        )
        .unwrap()
    }
}

/// A ready application by `p{id}`: named `name`, in time zone `tz`, speaking `langs`, and
/// with the `other` answers of its role.
fn record<const N: usize>(
    (id, role): (i64, RoleKind),
    (name, tz, langs): (&str, &str, &[&str]),
    other: [(&str, Answer); N],
) -> ApplicationRecord {
    let answers = [
        ("name", Answer::Text(name.into())),
        ("time_zone", Answer::TimeZone(tz.into())),
        ("languages", Answer::Languages(strings(langs))),
    ];
    ApplicationRecord {
        summary: ApplicationSummary {
            id,
            programme: "pathways-2027".into(),
            role,
            status: ApplicationStatus::Ready,
            submitted_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            steps: Default::default(),
            waitlist_position: None,
            source: None,
            name: None,
        },
        applicant: UserRef::new(Platform::Console, format!("p{id}")),
        answers: answers
            .into_iter()
            .chain(other)
            .map(|(q, a)| (q.to_string(), a))
            .collect(),
        evaluation: None,
        decisions: vec![],
        questions: vec![],
        notes: vec![],
        also_on: None,
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Tariq, in London, speaking English, wanting help with a CV in technology.
fn tariq(id: i64) -> ApplicationRecord {
    mentee(
        id,
        "Tariq",
        "Europe/London",
        &["en"],
        &["writing-a-cv"],
        &["technology"],
    )
}

fn mentee(
    id: i64,
    name: &str,
    tz: &str,
    langs: &[&str],
    goals: &[&str],
    sectors: &[&str],
) -> ApplicationRecord {
    let other = [
        ("sectors", Answer::Choices(strings(sectors))),
        ("goals", Answer::Choices(strings(goals))),
    ];
    record((id, RoleKind::Mentee), (name, tz, langs), other)
}

fn mentor(
    id: i64,
    name: &str,
    tz: &str,
    langs: &[&str],
    sector: &str,
    skills: &[&str],
    capacity: f64,
) -> ApplicationRecord {
    let other = [
        ("sector", Answer::Choice(sector.into())),
        ("skills", Answer::Choices(strings(skills))),
        ("capacity", Answer::Number(capacity)),
    ];
    record((id, RoleKind::Mentor), (name, tz, langs), other)
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-01-15T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn a_plan_explains_each_proposal_and_each_person_left_out() {
    let mentees = vec![
        mentee(
            1,
            "Amina",
            "Africa/Nairobi",
            &["en", "sw"],
            &["writing-a-cv", "exploring-careers"],
            &["technology"],
        ),
        mentee(
            2,
            "Li",
            "Asia/Shanghai",
            &["zh"],
            &["preparing-for-interviews"],
            &["finance"],
        ),
        mentee(
            3,
            "Aroha",
            "Pacific/Auckland",
            &["en"],
            &["building-confidence"],
            &["health-care"],
        ),
        tariq(4),
    ];
    let mentors = vec![mentor(
        10,
        "Grace",
        "Europe/London",
        &["en", "fr"],
        "technology",
        &["writing-a-cv", "exploring-careers"],
        1.0,
    )];
    let plan = Planning::new().plan(&mentees, &mentors);
    assert_eq!(plan.proposals.len(), 1);
    let x = &plan.proposals[0];
    assert_eq!(
        (x.mentee, x.mentor),
        (0, 0),
        "Amina scores higher than Tariq with Grace"
    );
    assert_eq!(
        said(&x.reasons),
        vec![
            (
                "Shared goals: Writing a CV, Exploring careers".to_string(),
                20
            ),
            ("Sector: Technology".to_string(), 25),
            ("Daytime hours in common: 9 hours".to_string(), 18),
        ]
    );
    assert_eq!(x.score, 63);
    let reasons: BTreeMap<usize, String> = unmatched(&plan);
    assert_eq!(reasons[&1], "no mentor shares a language with them");
    assert_eq!(reasons[&2], "no mentor is within the allowed time-zone gap");
    assert_eq!(
        reasons[&3],
        "the 1 mentor who could take them is full with better-suited mentees"
    );
    assert!(plan.spare.is_empty());
}

#[test]
fn excluded_pairs_and_capacities_shape_the_plan() {
    let planning = Planning::new();
    let mentees = vec![
        mentee(
            1,
            "Amina",
            "Europe/Paris",
            &["en"],
            &["writing-a-cv"],
            &["technology"],
        ),
        tariq(2),
    ];
    let mentors = vec![
        mentor(
            10,
            "Grace",
            "Europe/London",
            &["en"],
            "technology",
            &["writing-a-cv"],
            2.0,
        ),
        mentor(
            11,
            "Ola",
            "Europe/Oslo",
            &["en"],
            "finance",
            &["starting-a-business"],
            1.0,
        ),
    ];
    let both = planning.plan(&mentees, &mentors);
    assert!(
        both.proposals.iter().all(|x| x.mentor == 0),
        "Grace takes both: {both:?}"
    );
    assert_eq!(both.spare, vec![(1, 0, 1)]);
    // Amina and Grace were matched before: never again.
    let again = planning.excluding([(1, 10)]).plan(&mentees, &mentors);
    let amina = again.proposals.iter().find(|x| x.mentee == 0).unwrap();
    assert_eq!(amina.mentor, 1);
    assert_eq!(
        said(&amina.reasons),
        vec![("Daytime hours in common: 12 hours".to_string(), 24)]
    );
    // Every mentor excluded for Tariq: he is told why.
    let alone = planning
        .excluding([(2, 10), (2, 11)])
        .plan(&mentees, &mentors);
    let reasons: BTreeMap<usize, String> = unmatched(&alone);
    assert_eq!(
        reasons[&1],
        "every possible mentor is excluded (past partner or a request)"
    );
    // Grace already has one mentee elsewhere: one place left, for the better pair.
    let fewer = planning.taken([(10, 1)]).plan(&mentees, &mentors);
    assert_eq!(fewer.proposals.iter().filter(|x| x.mentor == 0).count(), 1);
    // Both mentees already matched: nobody is planned again, nor reported unmatched.
    let done = planning.taken([(1, 1), (2, 1)]).plan(&mentees, &mentors);
    assert!(
        done.proposals.is_empty() && done.unmatched.is_empty(),
        "{done:?}"
    );
    // Every mentor full: the free mentees hear so.
    let no_room = planning.taken([(10, 2), (11, 1)]).plan(&mentees, &mentors);
    assert_eq!(
        no_room.unmatched[0].1.english(),
        "every mentor ready to be matched is full"
    );
    // Equal answers to the `never_together` questions forbid a pair (here the name
    // stands in for an employer).
    let mut strict = planning.clone();
    strict.config.never_together = Some(("name".into(), "name".into()));
    let namesake = vec![mentee(
        3,
        "grace",
        "Europe/London",
        &["en"],
        &["writing-a-cv"],
        &["technology"],
    )];
    let apart = strict.plan(&namesake, &mentors[..1]);
    assert!(apart.proposals.is_empty());
    assert_eq!(
        apart.unmatched[0].1.english(),
        "every possible mentor works for the same employer"
    );
}

/// `record` on `platform` instead of the console.
fn on(platform: Platform, mut r: ApplicationRecord) -> ApplicationRecord {
    r.applicant = UserRef::new(platform, r.applicant.id.clone());
    r
}

/// Mentors named Grace with the same answers, on the platforms given.
fn graces(platforms: &[(i64, Platform)]) -> Vec<ApplicationRecord> {
    platforms
        .iter()
        .map(|&(id, platform)| {
            let m = mentor(
                id,
                "Grace",
                "Europe/London",
                &["en"],
                "technology",
                &["writing-a-cv"],
                1.0,
            );
            on(platform, m)
        })
        .collect()
}

/// Planning where no process serves both platforms (no relay).
fn without_relay() -> Planning {
    let mut p = Planning::new();
    p.config.relay = false;
    p
}

#[test]
fn without_a_relay_people_on_different_platforms_are_never_paired_and_a_mentee_alone_on_hers_is_told_why()
 {
    // Tariq on Discord would score the same with either Grace; only the Discord one may
    // take him. Amina is the only one on Matrix, where no mentor is; the console's Grace
    // has nobody.
    let mentees = vec![
        on(Platform::Discord, tariq(1)),
        on(Platform::Matrix, tariq(2)),
        on(Platform::Discord, tariq(3)),
    ];
    let mentors = graces(&[
        (10, Platform::Console),
        (11, Platform::Discord),
        (12, Platform::Discord),
    ]);
    let plan = without_relay().plan(&mentees, &mentors);
    let pairs: Vec<(usize, usize)> = plan
        .proposals
        .iter()
        .map(|p| (p.mentee, p.mentor))
        .collect();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    for (e, m) in &pairs {
        assert_eq!(
            mentees[*e].applicant.platform,
            mentors[*m].applicant.platform
        );
    }
    assert_eq!(
        unmatched(&plan).into_iter().collect::<Vec<_>>(),
        vec![(
            1,
            "no mentor ready to be matched is on matrix, where they are".to_string()
        )]
    );
    assert_eq!(plan.spare, vec![(0, 0, 1)]);
    assert_eq!(
        plan.total_score,
        plan.proposals.iter().map(|p| p.score).sum::<i64>()
    );

    let refused = evaluate_pair(
        &without_relay().config,
        &programme(),
        &mentees[1],
        &mentors[1],
        now(),
    )
    .unwrap_err();
    assert!(
        refused
            .english()
            .contains("different platforms (matrix and discord)"),
        "{refused}"
    );
    let browsed = evaluate_mentors(
        &without_relay().config,
        &programme(),
        &mentees[0],
        &mentors,
        now(),
    )
    .unwrap();
    assert!(browsed[0].is_none() && browsed[1].is_some() && browsed[2].is_some());
}

/// `record`, with an account linked on `platform`.
fn linked(platform: Platform, mut r: ApplicationRecord) -> ApplicationRecord {
    r.also_on = Some(platform);
    r
}

#[test]
fn without_a_relay_a_linked_account_lets_people_meet_on_either_platform_and_no_one_twice() {
    // Amina (Matrix, with a Discord account linked) may have a Discord Grace; Tariq alone
    // on Matrix may not.
    let mentees = vec![
        on(Platform::Discord, tariq(1)),
        linked(Platform::Discord, on(Platform::Matrix, tariq(2))),
        on(Platform::Matrix, tariq(3)),
    ];
    let mentors = graces(&[(10, Platform::Discord), (11, Platform::Discord)]);
    let plan = without_relay().plan(&mentees, &mentors);
    let matched: Vec<usize> = plan.proposals.iter().map(|p| p.mentee).collect();
    assert_eq!(matched, vec![0, 1], "{:?}", plan.proposals);
    assert_eq!(
        unmatched(&plan).into_iter().collect::<Vec<_>>(),
        vec![(
            2,
            "no mentor ready to be matched is on matrix, where they are".to_string()
        )]
    );
    let config = &without_relay().config;
    assert!(evaluate_pair(config, &programme(), &mentees[1], &mentors[0], now()).is_ok());
    assert!(evaluate_pair(config, &programme(), &mentees[2], &mentors[0], now()).is_err());
    let browsed = evaluate_mentors(config, &programme(), &mentees[1], &mentors, now()).unwrap();
    assert!(browsed.iter().all(Option::is_some));

    // A linked mentor on both platforms is still one mentor with one place.
    let mentors = vec![linked(
        Platform::Discord,
        graces(&[(12, Platform::Matrix)]).remove(0),
    )];
    let mentees = vec![
        on(Platform::Matrix, tariq(4)),
        on(Platform::Discord, tariq(5)),
    ];
    let plan = without_relay().plan(&mentees, &mentors);
    assert_eq!(plan.proposals.len(), 1, "{:?}", plan.proposals);
    assert_eq!(plan.unmatched.len(), 1);
    assert!(plan.spare.is_empty(), "{:?}", plan.spare);
}

#[test]
fn with_a_relay_people_on_different_platforms_are_paired_like_any_others() {
    // Amina alone on Matrix gets the console's or a Discord Grace, and every pair is
    // allowed and explained.
    let mentees = vec![
        on(Platform::Discord, tariq(1)),
        on(Platform::Matrix, tariq(2)),
        on(Platform::Discord, tariq(3)),
    ];
    let mentors = graces(&[
        (10, Platform::Console),
        (11, Platform::Discord),
        (12, Platform::Discord),
    ]);
    let planning = Planning::new();
    assert!(
        planning.config.relay,
        "on unless the programme turns it off"
    );
    let plan = planning.plan(&mentees, &mentors);
    assert_eq!(plan.proposals.len(), 3, "{:?}", plan.proposals);
    assert!(plan.unmatched.is_empty(), "{:?}", plan.unmatched);
    assert!(plan.proposals.iter().any(|p| p.mentee == 1));
    let (score, _) = evaluate_pair(
        &planning.config,
        &programme(),
        &mentees[1],
        &mentors[1],
        now(),
    )
    .unwrap();
    assert!(score > 0);
    let browsed =
        evaluate_mentors(&planning.config, &programme(), &mentees[1], &mentors, now()).unwrap();
    assert!(browsed.iter().all(Option::is_some));
}

/// The reasons as English reads them, with their points.
fn said(reasons: &[crate::domain::matches::Reason]) -> Vec<(String, i64)> {
    reasons
        .iter()
        .map(|r| (r.said().english(), r.points))
        .collect()
}

/// Why each mentee left out is, as English reads it.
fn unmatched(plan: &super::Plan) -> BTreeMap<usize, String> {
    plan.unmatched
        .iter()
        .map(|(i, why)| (*i, why.english()))
        .collect()
}
