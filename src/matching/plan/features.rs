//! A programme's matching criteria and everyone's answers in the solver's terms: the
//! criteria become a [`Model`], each person's answers [`Features`] (each criterion's answers
//! as a bitmask over the values both questions can take; languages as a bitmask; time zones
//! as an offset at `now` plus a daytime mask; the never-together answer as a group number).
//!
//! To read a new kind of criterion, give it its bits or number here in `prepare` (beside
//! its `Criterion` in `matching::scoring`); the limits it must respect (`MAX_SETS`,
//! `MAX_NUMBERS`, 64 values per criterion, 128 languages) are checked here too.

use std::collections::HashMap;

use chrono::{DateTime, Offset, TimeZone as _, Utc};

use super::super::scoring::{Criterion, Features, MAX_NUMBERS, MAX_SETS, Model};
use crate::domain::ApplicationRecord;
use crate::domain::answer::Answer;
use crate::domain::matching::{CriterionKind, MatchingConfig};
use crate::domain::timezone::{TimeZone, parse_time_zone};

/// Value vocabularies: for each criterion (and languages), value → bit.
struct Vocab {
    criteria: Vec<HashMap<String, u32>>,
    languages: HashMap<String, u32>,
}

pub(super) fn answer_values(record: &ApplicationRecord, question: &str) -> Vec<String> {
    record
        .answers
        .iter()
        .find(|(q, _)| q == question)
        .map(|(_, a)| a.values())
        .unwrap_or_default()
}

pub(super) fn answer_number(record: &ApplicationRecord, question: &str) -> Option<f64> {
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
pub(super) fn prepare(
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
