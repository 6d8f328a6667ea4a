//! A programme's matching criteria and mode, checked and built.

use super::*;

pub(super) fn build_matching(
    raw: &RawMatching,
    roles: &BTreeMap<RoleKind, Role>,
    err: &mut impl FnMut(usize, &str),
) -> Option<MatchingConfig> {
    let at = raw.mode.span().start;
    let positive = |v: &Option<Spanned<u32>>,
                    name: &str,
                    default: u32,
                    err: &mut dyn FnMut(usize, &str)| match v {
        None => default,
        Some(s) if *s.get_ref() >= 1 && *s.get_ref() <= 100 => *s.get_ref(),
        Some(s) => {
            err(
                s.span().start,
                &format!("`{name}` must be between 1 and 100"),
            );
            default
        }
    };
    let mode = match raw.mode.get_ref().as_str() {
        "one_to_one" => MatchMode::OneToOne,
        "one_to_many" => MatchMode::OneToMany {
            capacity_question: raw
                .capacity_question
                .as_ref()
                .and_then(|q| check_question(roles, RoleKind::Mentor, q, Reads::Number, err)),
            default_capacity: positive(&raw.default_capacity, "default_capacity", 1, err),
        },
        "array" => MatchMode::Array {
            slots: positive(&raw.mentee_slots, "mentee_slots", 2, err),
        },
        "group" => MatchMode::Group {
            size: positive(&raw.group_size, "group_size", 4, err),
        },
        other => {
            err(
                at,
                &format!(
                    "unknown matching mode `{other}`; expected one_to_one, one_to_many, array or group"
                ),
            );
            return None;
        }
    };
    // Keys that belong to another mode are mistakes, not silently ignored settings.
    let misplaced: [(&str, Option<usize>, bool); 4] = [
        (
            "capacity_question",
            raw.capacity_question.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::OneToMany { .. }),
        ),
        (
            "default_capacity",
            raw.default_capacity.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::OneToMany { .. }),
        ),
        (
            "mentee_slots",
            raw.mentee_slots.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::Array { .. }),
        ),
        (
            "group_size",
            raw.group_size.as_ref().map(|s| s.span().start),
            matches!(mode, MatchMode::Group { .. }),
        ),
    ];
    for (key, given, fits) in misplaced {
        if let Some(pos) = given
            && !fits
        {
            err(
                pos,
                &format!("`{key}` does not apply to mode `{}`", raw.mode.get_ref()),
            );
        }
    }
    let objective = match raw.objective.as_ref().map(|o| o.get_ref().as_str()) {
        None | Some("count") => MatchObjective::Count,
        Some("score") => MatchObjective::Score,
        Some(other) => {
            err(
                raw.objective.as_ref().map(|o| o.span().start).unwrap_or(at),
                &format!("unknown objective `{other}`; expected count or score"),
            );
            MatchObjective::Count
        }
    };
    let candidates_per_mentee = match &raw.candidates_per_mentee {
        None => 64,
        Some(k) if (1..=10_000).contains(k.get_ref()) => *k.get_ref(),
        Some(k) => {
            err(
                k.span().start,
                "`candidates_per_mentee` must be between 1 and 10000",
            );
            64
        }
    };
    let daytime = match &raw.daytime {
        None => (9, 21),
        Some(d) => match d.get_ref().as_slice() {
            [from, to] if from < to && *to <= 24 => (*from, *to),
            _ => {
                err(
                    d.span().start,
                    "`daytime` is [from, to] in local hours, like [9, 21]",
                );
                (9, 21)
            }
        },
    };
    let pair = |p: &RawQuestionPair, reads: Reads, err: &mut dyn FnMut(usize, &str)| {
        let mut e = |o: usize, m: &str| err(o, m);
        let a = check_question(roles, RoleKind::Mentee, &p.mentee, reads, &mut e);
        let b = check_question(roles, RoleKind::Mentor, &p.mentor, reads, &mut e);
        a.zip(b)
    };
    let shared_language = raw
        .shared_language
        .as_ref()
        .and_then(|p| pair(p, Reads::Languages, err));
    let never_together = raw
        .never_together
        .as_ref()
        .and_then(|p| pair(p, Reads::ShortText, err));
    let time_zone = raw
        .time_zone
        .as_ref()
        .and_then(|p| pair(p, Reads::TimeZone, err));
    if let Some(gap) = &raw.max_time_zone_gap_hours
        && raw.time_zone.is_none()
    {
        err(
            gap.span().start,
            "`max_time_zone_gap_hours` needs `time_zone = { mentee = \"...\", mentor = \"...\" }`",
        );
    }
    let mut criteria = Vec::new();
    for c in &raw.criteria {
        if !(0..=10_000).contains(c.points.get_ref()) {
            err(
                c.points.span().start,
                "`points` must be between 0 and 10000",
            );
            continue;
        }
        let (kind, reads) = match c.kind.get_ref().as_str() {
            "overlap" => (CriterionKind::Overlap, Reads::Values),
            "match" => (CriterionKind::Match, Reads::Values),
            "closeness" => match &c.range {
                Some(r) if *r.get_ref() > 0.0 => (
                    CriterionKind::Closeness {
                        range: *r.get_ref(),
                    },
                    Reads::Number,
                ),
                _ => {
                    err(
                        c.kind.span().start,
                        "a closeness criterion needs `range` > 0: how far apart means no points",
                    );
                    continue;
                }
            },
            "time_zone_overlap" => (CriterionKind::TimeZoneOverlap, Reads::TimeZone),
            other => {
                err(
                    c.kind.span().start,
                    &format!(
                        "unknown criterion kind `{other}`; expected overlap, match, closeness or time_zone_overlap"
                    ),
                );
                continue;
            }
        };
        let questions = match (&c.mentee_question, &c.mentor_question, &time_zone) {
            (Some(a), Some(b), _) => {
                let x = check_question(roles, RoleKind::Mentee, a, reads, err);
                let y = check_question(roles, RoleKind::Mentor, b, reads, err);
                x.zip(y)
            }
            (None, None, Some(tz)) if reads == Reads::TimeZone => Some(tz.clone()),
            _ => {
                err(
                    c.kind.span().start,
                    "a criterion needs `mentee_question` and `mentor_question`",
                );
                None
            }
        };
        if let Some((mentee_question, mentor_question)) = questions {
            criteria.push(CriterionDef {
                name: c.name.clone(),
                kind,
                mentee_question,
                mentor_question,
                points: *c.points.get_ref(),
            });
        }
    }
    let matched_by = match &raw.matched_by {
        None => MatchedBy::Coordinator,
        Some(by) => match MatchedBy::ALL
            .into_iter()
            .find(|m| m.as_str() == by.get_ref().trim())
        {
            Some(m) => m,
            None => {
                err(
                    by.span().start,
                    &format!(
                        "unknown `matched_by` `{}`; expected coordinator, mentee_choice, ranked or mixed",
                        by.get_ref()
                    ),
                );
                MatchedBy::Coordinator
            }
        },
    };
    if raw.approve_requests.is_some() && !matched_by.mentees_choose() {
        err(
            raw.matched_by.as_ref().map_or(at, |b| b.span().start),
            "`approve_requests` applies only when mentees choose (`matched_by = \"mentee_choice\"` or `\"mixed\"`)",
        );
    }
    let max_choices = match &raw.max_choices {
        None => 3,
        Some(n) if matched_by != MatchedBy::Ranked => {
            err(
                n.span().start,
                "`max_choices` applies only when mentees rank their choices (`matched_by = \"ranked\"`)",
            );
            3
        }
        Some(n) if (1..=10).contains(n.get_ref()) => *n.get_ref(),
        Some(n) => {
            err(n.span().start, "`max_choices` must be between 1 and 10");
            3
        }
    };
    // A profile question must be one a form asks (any role: ids are shared where the
    // question is).
    let profile_questions = raw.profile_questions.as_ref().map(|list| {
        list.iter()
            .filter_map(|q| {
                let id = q.get_ref().trim();
                let asked = roles.values().any(|r| r.question(id).is_some());
                if !asked {
                    err(
                        q.span().start,
                        &format!("`profile_questions`: no form has a question `{id}`"),
                    );
                }
                asked.then(|| id.to_string())
            })
            .collect::<Vec<String>>()
    });
    Some(MatchingConfig {
        matched_by,
        approve_requests: raw.approve_requests.unwrap_or(false),
        max_choices,
        profile_questions,
        mode,
        objective,
        candidates_per_mentee,
        daytime,
        criteria,
        shared_language,
        never_together,
        time_zone,
        max_time_zone_gap_hours: raw.max_time_zone_gap_hours.as_ref().map(|g| *g.get_ref()),
        relay: raw.relay_across_platforms.unwrap_or(true),
    })
}
