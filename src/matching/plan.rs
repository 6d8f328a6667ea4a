//! From a programme's ready participants to a matching plan with explanations.
//!
//! Answers become [`Features`] (each criterion's answers as a bitmask over the values both
//! questions can take; languages as a bitmask; time zones as an offset at `now` plus a
//! daytime mask), the programme's criteria become a [`Model`], and the problem is solved
//! exactly: candidates are pruned to each mentee's best `k` mentors, and `k` is doubled until
//! the solver's certificate shows that no pruned pair could improve the result.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Offset, TimeZone as _, Utc};

use super::instance::{Instance, MenteeNode, MentorNode, Pair};
use super::min_cost_flow::{Decisions, Objective, solve_certified};
use super::scoring::{
    Blocker, Criterion, Features, MAX_NUMBERS, MAX_SETS, Model, candidates, uncertified_pairs,
};
use crate::domain::answer::Answer;
use crate::domain::language::language_name;
use crate::domain::matching::{CriterionKind, MatchMode, MatchObjective, MatchingConfig};
use crate::domain::timezone::{TimeZone, parse_time_zone};
use crate::domain::{ApplicationRecord, Programme, QuestionKind, RoleKind};

/// A proposed match, by index into the mentees and mentors given to [`plan`].
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub mentee: usize,
    pub mentor: usize,
    pub score: i64,
    /// Each criterion that contributed: ("Shared goals: Writing a CV, Exploring careers", 20).
    pub reasons: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub proposals: Vec<Proposal>,
    /// Mentees left without a mentor, with why.
    pub unmatched: Vec<(usize, String)>,
    /// Mentors with room left: (index, places used, capacity).
    pub spare: Vec<(usize, u32, u32)>,
    pub total_score: i64,
    /// The candidates per mentee it took to prove the plan optimal.
    pub candidates_per_mentee: usize,
}

/// Value vocabularies: for each criterion (and languages), value → bit.
struct Vocab {
    criteria: Vec<HashMap<String, u32>>,
    languages: HashMap<String, u32>,
}

fn answer_values(record: &ApplicationRecord, question: &str) -> Vec<String> {
    record
        .answers
        .iter()
        .find(|(q, _)| q == question)
        .map(|(_, a)| a.values())
        .unwrap_or_default()
}

fn answer_number(record: &ApplicationRecord, question: &str) -> Option<f64> {
    record.answers.iter().find_map(|(q, a)| match a {
        Answer::Number(n) if q == question => Some(*n),
        _ => None,
    })
}

/// UTC offset in minutes of a stored time zone at `now`.
fn offset_at(text: &str, now: DateTime<Utc>) -> Option<i32> {
    match parse_time_zone(text).ok()? {
        TimeZone::Offset(m) => Some(m),
        TimeZone::Named(tz) => Some(
            tz.offset_from_utc_datetime(&now.naive_utc())
                .fix()
                .local_minus_utc()
                / 60,
        ),
    }
}

/// A stable non-zero number for a normalised answer (FNV-1a).
fn group_id(answer: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in answer.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.max(1)
}

fn bits(values: &[String], vocab: &HashMap<String, u32>) -> u128 {
    values
        .iter()
        .filter_map(|v| vocab.get(v))
        .fold(0u128, |acc, b| acc | (1u128 << b))
}

/// Builds the model and everyone's features.
fn prepare(
    config: &MatchingConfig,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    now: DateTime<Utc>,
) -> Result<(Model, Vec<Features>, Vec<Features>), String> {
    if config.criteria.len() > MAX_SETS.min(MAX_NUMBERS * 2) {
        return Err(format!(
            "at most {} matching criteria are supported",
            MAX_SETS.min(MAX_NUMBERS * 2)
        ));
    }
    let mut vocab = Vocab {
        criteria: vec![HashMap::new(); config.criteria.len()],
        languages: HashMap::new(),
    };
    let everyone = || {
        mentees
            .iter()
            .map(|r| (r, true))
            .chain(mentors.iter().map(|r| (r, false)))
    };
    for (c, def) in config.criteria.iter().enumerate() {
        if matches!(def.kind, CriterionKind::Overlap | CriterionKind::Match) {
            for (r, is_mentee) in everyone() {
                let q = if is_mentee {
                    &def.mentee_question
                } else {
                    &def.mentor_question
                };
                for v in answer_values(r, q) {
                    let next = vocab.criteria[c].len() as u32;
                    vocab.criteria[c].entry(v).or_insert(next);
                }
            }
            if vocab.criteria[c].len() > 64 {
                return Err(format!(
                    "criterion “{}” has more than 64 different answers",
                    def.name
                ));
            }
        }
    }
    if let Some((eq, rq)) = &config.shared_language {
        for (r, is_mentee) in everyone() {
            for v in answer_values(r, if is_mentee { eq } else { rq }) {
                let next = vocab.languages.len() as u32;
                vocab.languages.entry(v).or_insert(next);
            }
        }
        if vocab.languages.len() > 128 {
            return Err("more than 128 different languages".into());
        }
    }
    let mut model = Model {
        criteria: Vec::new(),
        shared_language: config.shared_language.is_some(),
        max_gap_minutes: config.max_time_zone_gap_hours.map(|h| h as i32 * 60),
        daytime: config.daytime,
    };
    let mut number_slot = 0;
    let mut number_of = Vec::new();
    for (c, def) in config.criteria.iter().enumerate() {
        model.criteria.push(match &def.kind {
            CriterionKind::Overlap => Criterion::Overlap {
                name: def.name.clone(),
                mentee_set: c,
                mentor_set: c,
                points_each: def.points,
            },
            CriterionKind::Match => Criterion::Match {
                name: def.name.clone(),
                mentee_set: c,
                mentor_set: c,
                points: def.points,
            },
            CriterionKind::Closeness { range } => {
                number_of.push((c, number_slot));
                number_slot += 1;
                Criterion::Closeness {
                    name: def.name.clone(),
                    mentee_number: number_slot - 1,
                    mentor_number: number_slot - 1,
                    points: def.points,
                    range: *range,
                }
            }
            CriterionKind::TimeZoneOverlap => Criterion::TimeZoneOverlap {
                name: def.name.clone(),
                points_per_hour: def.points,
            },
        });
    }
    if number_slot > MAX_NUMBERS {
        return Err(format!(
            "at most {MAX_NUMBERS} closeness criteria are supported"
        ));
    }
    let features = |r: &ApplicationRecord, is_mentee: bool| -> Features {
        let mut f = Features::default();
        let pick = |eq: &String, rq: &String| if is_mentee { eq.clone() } else { rq.clone() };
        for (c, def) in config.criteria.iter().enumerate() {
            let q = pick(&def.mentee_question, &def.mentor_question);
            match def.kind {
                CriterionKind::Overlap | CriterionKind::Match => {
                    f.sets[c] = bits(&answer_values(r, &q), &vocab.criteria[c]) as u64;
                }
                CriterionKind::Closeness { .. } => {
                    let slot = number_of
                        .iter()
                        .find(|(cc, _)| *cc == c)
                        .map(|(_, s)| *s)
                        .unwrap_or(0);
                    // No answer: as far as it gets, so the criterion adds nothing.
                    f.numbers[slot] = answer_number(r, &q).unwrap_or(f64::INFINITY);
                }
                CriterionKind::TimeZoneOverlap => {}
            }
        }
        if let Some((eq, rq)) = &config.never_together {
            // Equal answers (letter case and spacing aside) share a non-zero group.
            let answer = answer_values(r, &pick(eq, rq))
                .first()
                .map(|a| {
                    a.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
                .filter(|a| !a.is_empty());
            f.group = answer.map(|a| group_id(&a)).unwrap_or(0);
        }
        f.languages = match &config.shared_language {
            Some((eq, rq)) => bits(&answer_values(r, &pick(eq, rq)), &vocab.languages),
            None => u128::MAX,
        };
        match &config.time_zone {
            Some((eq, rq)) => {
                let offset = answer_values(r, &pick(eq, rq))
                    .first()
                    .and_then(|t| offset_at(t, now))
                    .unwrap_or(0);
                f.set_offset(offset, config.daytime);
            }
            None => f.daytime_hours = (1 << 24) - 1,
        }
        f
    };
    let e = mentees.iter().map(|r| features(r, true)).collect();
    let m = mentors.iter().map(|r| features(r, false)).collect();
    Ok((model, e, m))
}

fn capacity_of(config: &MatchingConfig, mentor: &ApplicationRecord) -> u32 {
    match &config.mode {
        MatchMode::OneToOne | MatchMode::Array { .. } => 1,
        MatchMode::OneToMany {
            capacity_question,
            default_capacity,
        } => capacity_question
            .as_ref()
            .and_then(|q| answer_number(mentor, q))
            .map(|n| n.max(0.0) as u32)
            .unwrap_or(*default_capacity),
        MatchMode::Group { size } => *size,
    }
}

/// Plans the matches of a programme. `excluded` holds (mentee application, mentor
/// application) pairs that must never be proposed (past partners, refused proposals);
/// `taken` the places each application already has in open matches, which count against
/// its slots or capacity.
///
/// Only people with a place left take part: after one decline the problem is the freed
/// people against the mentors with room, not the whole cohort again, and the result is the
/// same, since nobody else could move anyway (their matches are decided).
pub fn plan(
    config: &MatchingConfig,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    excluded: &HashSet<(i64, i64)>,
    taken: &HashMap<i64, u32>,
    now: DateTime<Utc>,
) -> Result<Plan, String> {
    let left = |r: &ApplicationRecord, places: u32| {
        places.saturating_sub(taken.get(&r.summary.id).copied().unwrap_or(0))
    };
    let slots = match config.mode {
        MatchMode::Array { slots } => slots,
        _ => 1,
    };
    let free_e: Vec<(usize, u32)> = (0..mentees.len())
        .map(|i| (i, left(&mentees[i], slots)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let free_m: Vec<(usize, u32)> = (0..mentors.len())
        .map(|j| (j, left(&mentors[j], capacity_of(config, &mentors[j]))))
        .filter(|(_, n)| *n > 0)
        .collect();
    if free_m.is_empty() && !mentors.is_empty() {
        return Ok(Plan {
            proposals: vec![],
            unmatched: free_e
                .iter()
                .map(|&(i, _)| (i, "every mentor ready to be matched is full".to_string()))
                .collect(),
            spare: vec![],
            total_score: 0,
            candidates_per_mentee: config.candidates_per_mentee,
        });
    }
    let pool = Pool {
        mentees: free_e.iter().map(|&(i, _)| mentees[i].clone()).collect(),
        slots: free_e.iter().map(|&(_, n)| n).collect(),
        mentors: free_m.iter().map(|&(j, _)| mentors[j].clone()).collect(),
        capacity: free_m.iter().map(|&(_, n)| n).collect(),
    };
    let mut p = plan_pool(config, programme, &pool, excluded, now)?;
    for x in &mut p.proposals {
        x.mentee = free_e[x.mentee].0;
        x.mentor = free_m[x.mentor].0;
    }
    for (i, _) in &mut p.unmatched {
        *i = free_e[*i].0;
    }
    for (j, _, _) in &mut p.spare {
        *j = free_m[*j].0;
    }
    Ok(p)
}

/// People with a place left, with how many: slots per mentee, capacity per mentor.
struct Pool {
    mentees: Vec<ApplicationRecord>,
    slots: Vec<u32>,
    mentors: Vec<ApplicationRecord>,
    capacity: Vec<u32>,
}

/// [`plan`] over people who all have a place left.
fn plan_pool(
    config: &MatchingConfig,
    programme: &Programme,
    pool: &Pool,
    excluded: &HashSet<(i64, i64)>,
    now: DateTime<Utc>,
) -> Result<Plan, String> {
    let (mentees, mentors) = (&pool.mentees[..], &pool.mentors[..]);
    let (model, e, m) = prepare(config, mentees, mentors, now)?;
    let excluded_idx: HashSet<(u32, u32)> = mentees
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            mentors.iter().enumerate().filter_map(move |(j, b)| {
                excluded
                    .contains(&(a.summary.id, b.summary.id))
                    .then_some((i as u32, j as u32))
            })
        })
        .collect();
    let objective = match config.objective {
        MatchObjective::Count => Objective::CountThenScore,
        MatchObjective::Score => Objective::Score,
    };
    let mut k = config.candidates_per_mentee.max(1);
    let (solution, instance) = loop {
        let cands = candidates(&model, &e, &m, k, &excluded_idx, 1);
        let instance = Instance {
            mentors: mentors
                .iter()
                .zip(&pool.capacity)
                .map(|(r, n)| MentorNode {
                    id: r.summary.id.to_string(),
                    capacity: *n,
                })
                .collect(),
            mentees: mentees
                .iter()
                .zip(&pool.slots)
                .map(|(r, n)| MenteeNode {
                    id: r.summary.id.to_string(),
                    slots: *n,
                })
                .collect(),
            pairs: cands.pairs,
        };
        let (solution, certificate) =
            solve_certified(&instance, objective, &Decisions::default()).map_err(|e| e.0)?;
        let open = uncertified_pairs(
            &model,
            &e,
            &m,
            &instance.pairs,
            &excluded_idx,
            &certificate,
            1,
        );
        if open == 0 || k >= m.len() {
            break (solution, instance);
        }
        k = (k * 2).min(m.len());
    };
    let mentee_role = programme.role(RoleKind::Mentee);
    let proposals = solution
        .assignments
        .iter()
        .map(|p: &Pair| {
            let (i, j) = (p.mentee as usize, p.mentor as usize);
            let reasons = config
                .criteria
                .iter()
                .zip(&model.criteria)
                .filter_map(|(def, crit)| {
                    let points = Model {
                        criteria: vec![crit.clone()],
                        ..model.clone()
                    }
                    .score(&e[i], &m[j]);
                    (points > 0).then(|| {
                        (
                            detail(
                                def,
                                crit,
                                &e[i],
                                &m[j],
                                &mentees[i],
                                &mentors[j],
                                mentee_role,
                            ),
                            points,
                        )
                    })
                })
                .collect();
            Proposal {
                mentee: i,
                mentor: j,
                score: p.score,
                reasons,
            }
        })
        .collect::<Vec<_>>();
    let mut used: BTreeMap<usize, u32> = BTreeMap::new();
    for p in &proposals {
        *used.entry(p.mentor).or_default() += 1;
    }
    let matched: HashSet<usize> = proposals.iter().map(|p| p.mentee).collect();
    let unmatched = (0..mentees.len())
        .filter(|i| !matched.contains(i) && instance.mentees[*i].slots > 0)
        .map(|i| {
            (
                i,
                why_unmatched(&model, &e[i], &m, i as u32, &excluded_idx, &instance),
            )
        })
        .collect();
    let spare = instance
        .mentors
        .iter()
        .enumerate()
        .filter_map(|(j, node)| {
            let u = used.get(&j).copied().unwrap_or(0);
            (u < node.capacity).then_some((j, u, node.capacity))
        })
        .collect();
    Ok(Plan {
        total_score: solution.total_score,
        proposals,
        unmatched,
        spare,
        candidates_per_mentee: k,
    })
}

/// The score and reasons of one chosen pair, or why it is not allowed.
pub fn evaluate_pair(
    config: &MatchingConfig,
    programme: &Programme,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    now: DateTime<Utc>,
) -> Result<(i64, Vec<(String, i64)>), String> {
    let (model, e, m) = prepare(
        config,
        std::slice::from_ref(mentee),
        std::slice::from_ref(mentor),
        now,
    )?;
    if let Some(b) = model.blocker(&e[0], &m[0]) {
        return Err(match b {
            Blocker::NoSharedLanguage => "they share no language".into(),
            Blocker::TimeZonesTooFarApart => "their time zones are too far apart".into(),
            Blocker::SameGroup => "they work for the same employer".into(),
            Blocker::Excluded => "they may not be matched".into(),
        });
    }
    let mentee_role = programme.role(RoleKind::Mentee);
    let reasons = config
        .criteria
        .iter()
        .zip(&model.criteria)
        .filter_map(|(def, crit)| {
            let points = Model {
                criteria: vec![crit.clone()],
                ..model.clone()
            }
            .score(&e[0], &m[0]);
            (points > 0).then(|| {
                (
                    detail(def, crit, &e[0], &m[0], mentee, mentor, mentee_role),
                    points,
                )
            })
        })
        .collect();
    Ok((model.score(&e[0], &m[0]), reasons))
}

/// The places a mentor offers (capacity) under this configuration.
pub fn places_of(config: &MatchingConfig, mentor: &ApplicationRecord) -> u32 {
    capacity_of(config, mentor)
}

#[allow(clippy::too_many_arguments)]
fn detail(
    def: &crate::domain::matching::CriterionDef,
    crit: &Criterion,
    e: &Features,
    m: &Features,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    mentee_role: Option<&crate::domain::Role>,
) -> String {
    let label = |role: Option<&crate::domain::Role>, q: &str, v: &str| -> String {
        match role.and_then(|r| r.question(q)).map(|q| &q.kind) {
            Some(
                QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. },
            ) => choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| v.to_string()),
            Some(QuestionKind::Languages { .. }) => language_name(v).to_string(),
            Some(QuestionKind::YesNo) => if v == "yes" { "Yes" } else { "No" }.to_string(),
            _ => v.to_string(),
        }
    };
    match crit {
        Criterion::Overlap { .. } | Criterion::Match { .. } => {
            let theirs = answer_values(mentor, &def.mentor_question);
            let shared: Vec<String> = answer_values(mentee, &def.mentee_question)
                .into_iter()
                .filter(|v| theirs.contains(v))
                .map(|v| label(mentee_role, &def.mentee_question, &v))
                .collect();
            format!("{}: {}", def.name, shared.join(", "))
        }
        Criterion::Closeness { mentee_number, .. } => format!(
            "{}: {} and {}",
            def.name,
            crate::domain::answer::format_number(e.numbers[*mentee_number]),
            crate::domain::answer::format_number(m.numbers[*mentee_number])
        ),
        Criterion::TimeZoneOverlap { .. } => format!(
            "{}: {} hours",
            def.name,
            (e.daytime_hours & m.daytime_hours).count_ones()
        ),
    }
}

fn why_unmatched(
    model: &Model,
    e: &Features,
    mentors: &[Features],
    i: u32,
    excluded: &HashSet<(u32, u32)>,
    instance: &Instance,
) -> String {
    if mentors.is_empty() {
        return "there are no mentors ready to be matched".into();
    }
    let mut blockers: HashMap<Blocker, usize> = HashMap::new();
    let mut possible = 0;
    for (j, m) in mentors.iter().enumerate() {
        match model.blocker(e, m) {
            Some(b) => *blockers.entry(b).or_default() += 1,
            None if excluded.contains(&(i, j as u32)) => {
                *blockers.entry(Blocker::Excluded).or_default() += 1
            }
            None if instance.mentors[j].capacity == 0 => {}
            None => possible += 1,
        }
    }
    if possible > 0 {
        return format!(
            "all {possible} mentor(s) who could take them are full with better-suited mentees"
        );
    }
    blockers
        .into_iter()
        .max_by_key(|(b, n)| (*n, *b == Blocker::NoSharedLanguage))
        .map(|(b, _)| b.describe().to_string())
        .unwrap_or_else(|| "no mentor has room".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ApplicationStatus, ApplicationSummary, Platform, UserRef};

    fn programme() -> Programme {
        crate::config::parse_programme(
            std::path::Path::new("example.toml"),
            include_str!("../../config/programs/example.toml"),
        )
        .unwrap()
    }

    fn record(id: i64, role: RoleKind, answers: Vec<(&str, Answer)>) -> ApplicationRecord {
        ApplicationRecord {
            summary: ApplicationSummary {
                id,
                programme: "pathways-2027".into(),
                role,
                status: ApplicationStatus::Ready,
                submitted_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
                steps: Default::default(),
                waitlist_position: None,
            },
            applicant: UserRef::new(Platform::Console, format!("p{id}")),
            answers: answers
                .into_iter()
                .map(|(q, a)| (q.to_string(), a))
                .collect(),
            evaluation: None,
            decisions: vec![],
            questions: vec![],
        }
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn mentee(
        id: i64,
        name: &str,
        tz: &str,
        langs: &[&str],
        goals: &[&str],
        sectors: &[&str],
    ) -> ApplicationRecord {
        record(
            id,
            RoleKind::Mentee,
            vec![
                ("name", Answer::Text(name.into())),
                ("time_zone", Answer::TimeZone(tz.into())),
                ("languages", Answer::Languages(strings(langs))),
                ("sectors", Answer::Choices(strings(sectors))),
                ("goals", Answer::Choices(strings(goals))),
            ],
        )
    }

    fn mentor(
        id: i64,
        name: &str,
        tz: &str,
        langs: &[&str],
        skills: &[&str],
        sector: &str,
        capacity: f64,
    ) -> ApplicationRecord {
        record(
            id,
            RoleKind::Mentor,
            vec![
                ("name", Answer::Text(name.into())),
                ("sector", Answer::Choice(sector.into())),
                ("skills", Answer::Choices(strings(skills))),
                ("languages", Answer::Languages(strings(langs))),
                ("time_zone", Answer::TimeZone(tz.into())),
                ("capacity", Answer::Number(capacity)),
            ],
        )
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2027-01-15T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_plan_explains_each_proposal_and_each_person_left_out() {
        let p = programme();
        let config = p.matching.clone().unwrap();
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
            mentee(
                4,
                "Tariq",
                "Europe/London",
                &["en"],
                &["writing-a-cv"],
                &["technology"],
            ),
        ];
        let mentors = vec![mentor(
            10,
            "Grace",
            "Europe/London",
            &["en", "fr"],
            &["writing-a-cv", "exploring-careers"],
            "technology",
            1.0,
        )];
        let plan = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &HashSet::new(),
            &HashMap::new(),
            now(),
        )
        .unwrap();
        assert_eq!(plan.proposals.len(), 1);
        let x = &plan.proposals[0];
        assert_eq!(
            (x.mentee, x.mentor),
            (0, 0),
            "Amina scores higher than Tariq with Grace"
        );
        assert_eq!(
            x.reasons,
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
        let reasons: BTreeMap<usize, String> = plan.unmatched.iter().cloned().collect();
        assert_eq!(reasons[&1], "no mentor shares a language with them");
        assert_eq!(reasons[&2], "no mentor is within the allowed time-zone gap");
        assert_eq!(
            reasons[&3],
            "all 1 mentor(s) who could take them are full with better-suited mentees"
        );
        assert!(plan.spare.is_empty());
    }

    #[test]
    fn excluded_pairs_and_capacities_shape_the_plan() {
        let p = programme();
        let config = p.matching.clone().unwrap();
        let mentees = vec![
            mentee(
                1,
                "Amina",
                "Europe/Paris",
                &["en"],
                &["writing-a-cv"],
                &["technology"],
            ),
            mentee(
                2,
                "Tariq",
                "Europe/London",
                &["en"],
                &["writing-a-cv"],
                &["technology"],
            ),
        ];
        let mentors = vec![
            mentor(
                10,
                "Grace",
                "Europe/London",
                &["en"],
                &["writing-a-cv"],
                "technology",
                2.0,
            ),
            mentor(
                11,
                "Ola",
                "Europe/Oslo",
                &["en"],
                &["starting-a-business"],
                "finance",
                1.0,
            ),
        ];
        let both = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &HashSet::new(),
            &HashMap::new(),
            now(),
        )
        .unwrap();
        assert!(
            both.proposals.iter().all(|x| x.mentor == 0),
            "Grace takes both: {both:?}"
        );
        assert_eq!(both.spare, vec![(1, 0, 1)]);
        // Amina and Grace were matched before: never again.
        let excluded = HashSet::from([(1, 10)]);
        let again = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &excluded,
            &HashMap::new(),
            now(),
        )
        .unwrap();
        let amina = again.proposals.iter().find(|x| x.mentee == 0).unwrap();
        assert_eq!(amina.mentor, 1);
        assert_eq!(
            amina.reasons,
            vec![("Daytime hours in common: 12 hours".to_string(), 24)]
        );
        let none = HashMap::new();
        // Every mentor excluded for Tariq: he is told why.
        let all_out = HashSet::from([(2, 10), (2, 11)]);
        let alone = plan(&config, &p, &mentees, &mentors, &all_out, &none, now()).unwrap();
        let reasons: BTreeMap<usize, String> = alone.unmatched.iter().cloned().collect();
        assert_eq!(
            reasons[&1],
            "every possible mentor is excluded (past partner or a request)"
        );
        // Grace already has one mentee elsewhere: one place left, for the better pair.
        let busy = HashMap::from([(10, 1)]);
        let fewer = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &HashSet::new(),
            &busy,
            now(),
        )
        .unwrap();
        assert_eq!(fewer.proposals.iter().filter(|x| x.mentor == 0).count(), 1);
        // Both mentees already matched: nobody is planned again, nor reported unmatched.
        let matched = HashMap::from([(1, 1), (2, 1)]);
        let done = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &HashSet::new(),
            &matched,
            now(),
        )
        .unwrap();
        assert!(
            done.proposals.is_empty() && done.unmatched.is_empty(),
            "{done:?}"
        );
        // Every mentor full: the free mentees hear so.
        let full = HashMap::from([(10, 2), (11, 1)]);
        let no_room = plan(
            &config,
            &p,
            &mentees,
            &mentors,
            &HashSet::new(),
            &full,
            now(),
        )
        .unwrap();
        assert_eq!(
            no_room.unmatched[0].1,
            "every mentor ready to be matched is full"
        );
        // Equal answers to the `never_together` questions forbid a pair (here the name
        // stands in for an employer).
        let mut strict = config.clone();
        strict.never_together = Some(("name".into(), "name".into()));
        let namesake = vec![mentee(
            3,
            "grace",
            "Europe/London",
            &["en"],
            &["writing-a-cv"],
            &["technology"],
        )];
        let apart = plan(
            &strict,
            &p,
            &namesake,
            &mentors[..1],
            &HashSet::new(),
            &none,
            now(),
        )
        .unwrap();
        assert!(apart.proposals.is_empty());
        assert_eq!(
            apart.unmatched[0].1,
            "every possible mentor works for the same employer"
        );
    }
}
