//! A programme's surveys and milestone schedule, checked and built.

use super::*;

pub(super) fn build_surveys(
    source: &str,
    raw: &BTreeMap<String, RawSurvey>,
    err: &mut impl FnMut(usize, &str),
) -> Vec<crate::domain::survey::Survey> {
    let mut out = Vec::new();
    for (id, s) in raw {
        let at = find_key(source, &format!("surveys.{id}"));
        if !is_id(id, &['_', '-']) {
            err(
                at,
                "a survey id is lower-case letters, digits, _ and -, like midpoint",
            );
        }
        if s.title.trim().is_empty() {
            err(at, "a survey needs a `title`");
        }
        let roles = match &s.roles {
            None => vec![RoleKind::Mentee, RoleKind::Mentor],
            Some(list) => {
                let mut roles = Vec::new();
                for r in list.get_ref() {
                    match r.parse::<RoleKind>() {
                        Ok(k) if !roles.contains(&k) => roles.push(k),
                        Ok(_) => {}
                        Err(_) => err(
                            list.span().start,
                            &format!("unknown role `{r}` in `for`: use mentor and/or mentee"),
                        ),
                    }
                }
                if roles.is_empty() {
                    err(list.span().start, "`for` needs at least one role");
                }
                roles
            }
        };
        let open_days = *s.open_days.get_ref();
        if !(1..=365).contains(&open_days) {
            err(
                s.open_days.span().start,
                "`open_days` must be between 1 and 365",
            );
        }
        if s.reminder_days >= open_days {
            err(
                at,
                "`reminder_days` must be less than `open_days` (0: no reminder): a reminder after the survey closes would never be sent",
            );
        }
        let questions = build_questions(&s.questions, err);
        if let Some(q) = questions.iter().find(|q| {
            matches!(
                q.kind,
                QuestionKind::Consent { .. } | QuestionKind::TimeZone
            )
        }) {
            err(
                s.questions.span().start,
                &format!(
                    "question `{}`: a survey cannot ask a {} question",
                    q.id,
                    q.kind.name()
                ),
            );
        }
        out.push(crate::domain::survey::Survey {
            id: id.clone(),
            title: s.title.trim().to_string(),
            intro: s.intro.trim().to_string(),
            anonymous: *s.anonymous.get_ref(),
            roles,
            questions,
            reminder_days: s.reminder_days,
            open_days,
        });
    }
    out
}

pub(super) fn build_schedule(
    raw: &RawSchedule,
    surveys: &[crate::domain::survey::Survey],
    resources: &[crate::domain::resources::Resource],
    err: &mut impl FnMut(usize, &str),
) -> SchedulePlan {
    use crate::domain::schedule::{Milestone, MilestoneKind, Offset};
    let local_hour = *raw.local_hour.get_ref();
    if local_hour > 23 {
        err(
            raw.local_hour.span().start,
            "`local_hour` must be between 0 and 23",
        );
    }
    let quiet_hours = raw.quiet_hours.as_ref().and_then(|q| match q.get_ref().as_slice() {
        [from, to] if *from <= 23 && *to <= 23 && from != to => Some((*from, *to)),
        _ => {
            err(
                q.span().start,
                "`quiet_hours` is [from, to], two different hours between 0 and 23, like [21, 8]",
            );
            None
        }
    });
    let days = |v: &Option<Spanned<u32>>, name: &str, err: &mut dyn FnMut(usize, &str)| {
        v.as_ref().and_then(|d| {
            if (1..=365).contains(d.get_ref()) {
                Some(*d.get_ref())
            } else {
                err(
                    d.span().start,
                    &format!("`{name}` must be between 1 and 365 days"),
                );
                None
            }
        })
    };
    let silent_nudge_days = days(&raw.silent_nudge_days, "silent_nudge_days", err);
    let silent_alert_days = days(&raw.silent_alert_days, "silent_alert_days", err);
    if let (Some(n), Some(a), Some(at)) =
        (silent_nudge_days, silent_alert_days, &raw.silent_alert_days)
        && a <= n
    {
        err(
            at.span().start,
            "`silent_alert_days` must be more than `silent_nudge_days`: the pair is nudged first",
        );
    }
    let mut plan = SchedulePlan {
        local_hour: local_hour.min(23),
        quiet_hours,
        milestones: Vec::new(),
        silent_nudge_days,
        silent_alert_days,
    };
    if plan.is_quiet(plan.local_hour) {
        err(
            raw.local_hour.span().start,
            "`local_hour` falls inside `quiet_hours`: milestones would never be on time",
        );
    }
    let mut seen = std::collections::HashSet::new();
    for m in &raw.milestones {
        if !seen.insert(m.id.get_ref().clone()) {
            err(
                m.id.span().start,
                &format!("milestone `{}` is defined twice", m.id.get_ref()),
            );
        }
        let after = Offset::parse(m.after.get_ref()).unwrap_or_else(|e| {
            err(m.after.span().start, &e);
            Offset::Days(0)
        });
        let every = m
            .every
            .as_ref()
            .and_then(|e| match Offset::parse(e.get_ref()) {
                Ok(o) if o.is_zero() => {
                    err(
                        e.span().start,
                        "`every` must be longer than zero: a milestone cannot repeat continuously",
                    );
                    None
                }
                Ok(o) => Some(o),
                Err(msg) => {
                    err(e.span().start, &msg);
                    None
                }
            });
        let kind = MilestoneKind::parse(m.kind.get_ref()).unwrap_or_else(|| {
            err(
                m.kind.span().start,
                &format!(
                    "unknown milestone kind `{}`: use one of {}",
                    m.kind.get_ref(),
                    MilestoneKind::NAMES.join(", ")
                ),
            );
            MilestoneKind::RoomMessage
        });
        let text = m
            .text
            .as_ref()
            .map(|t| t.get_ref().trim().to_string())
            .unwrap_or_default();
        match (&m.text, kind) {
            (Some(t), _) if text.is_empty() => err(t.span().start, "`text` must not be empty"),
            (None, k) if k != MilestoneKind::Survey => {
                err(m.kind.span().start, "this milestone needs a `text`")
            }
            _ => {}
        }
        let survey = match (&m.survey, kind) {
            (Some(s), MilestoneKind::Survey | MilestoneKind::Closure) => {
                if surveys.iter().any(|x| x.id == *s.get_ref()) {
                    Some(s.get_ref().clone())
                } else {
                    err(
                        s.span().start,
                        &format!(
                            "no survey `{}` in this programme (define it under [surveys.{}])",
                            s.get_ref(),
                            s.get_ref()
                        ),
                    );
                    None
                }
            }
            (Some(s), _) => {
                err(
                    s.span().start,
                    "`survey` applies to survey and closure milestones only",
                );
                None
            }
            (None, MilestoneKind::Survey) => {
                err(
                    m.kind.span().start,
                    "a survey milestone needs `survey = \"<id>\"`, one of the programme's surveys",
                );
                None
            }
            (None, _) => None,
        };
        let goals = match &m.goals {
            Some(g)
                if *g.get_ref()
                    && !matches!(kind, MilestoneKind::RoomMessage | MilestoneKind::Closure) =>
            {
                err(
                    g.span().start,
                    "`goals` applies to room_message and closure milestones only",
                );
                false
            }
            Some(g) => *g.get_ref(),
            None => false,
        };
        let resource = match &m.resource {
            Some(r) if kind != MilestoneKind::RoomMessage => {
                err(
                    r.span().start,
                    "`resource` applies to room_message milestones only",
                );
                None
            }
            Some(r) if !resources.iter().any(|x| x.id == *r.get_ref()) => {
                err(
                    r.span().start,
                    &format!(
                        "no resource `{}` in this programme (define it under [[resources]])",
                        r.get_ref()
                    ),
                );
                None
            }
            Some(r) => Some(r.get_ref().clone()),
            None => None,
        };
        plan.milestones.push(Milestone {
            id: m.id.get_ref().clone(),
            after,
            every,
            kind,
            text,
            survey,
            goals,
            resource,
        });
    }
    plan
}
