//! A programme's `[support]` section, checked and built into a
//! [`crate::domain::support::SupportPlan`]. Without the section a programme gets the
//! default policy (staff check-ins within 14 days, within the first month, then monthly);
//! its quiet thresholds follow `[schedule]` unless given here. `goals` names the mentee's
//! questions whose answers are the pair's goals (in their agreement and at milestones
//! with `goals = true`). `meeting_minutes` is how long a meeting `meet` proposes lasts;
//! `hours_per_month`, the time a pair is expected to meet, which logged meetings count
//! against.

use super::*;
use crate::domain::schedule::Offset;
use crate::domain::support::SupportPlan;

pub(super) fn build_support(
    raw: Option<&RawSupport>,
    coordinators: &[UserRef],
    schedule: Option<&SchedulePlan>,
    mentee: Option<&Role>,
    err: &mut impl FnMut(usize, &str),
) -> SupportPlan {
    let mut plan = SupportPlan::default();
    // A pair is at risk when the coordinators would be alerted about its silence.
    if let Some(days) = schedule.and_then(|s| s.silent_alert_days.or(s.silent_nudge_days)) {
        plan.at_risk_quiet_days = days;
    }
    let Some(raw) = raw else { return plan };
    for s in raw.staff.iter().flatten() {
        match parse_user_ref(s.get_ref()) {
            Ok(u) if coordinators.contains(&u) => plan.staff.push(u),
            Ok(u) => err(
                s.span().start,
                &format!(
                    "`{u}` is not one of the programme's coordinators: staff who look after pairs work in the coordinators' room"
                ),
            ),
            Err(m) => err(s.span().start, &m),
        }
    }
    let offset = |text: &str, at: usize, err: &mut dyn FnMut(usize, &str)| {
        Offset::parse(text)
            .and_then(|o| {
                if o.is_zero() {
                    Err(format!("`{text}` is no time at all: give at least 1d"))
                } else {
                    Ok(o)
                }
            })
            .map_err(|m| err(at, &m))
            .ok()
    };
    if let Some(list) = &raw.staff_check_ins {
        plan.contacts = list
            .get_ref()
            .iter()
            .filter_map(|t| offset(t, list.span().start, err))
            .collect();
    }
    if let Some(every) = &raw.staff_check_in_every {
        plan.every = match every.get_ref().trim() {
            "never" | "" => None,
            t => offset(t, every.span().start, err),
        };
    }
    let mut days = |v: &Option<Spanned<u32>>, name: &str, min: u32, into: &mut u32| {
        if let Some(d) = v {
            if (min..=365).contains(d.get_ref()) {
                *into = *d.get_ref();
            } else {
                err(
                    d.span().start,
                    &format!("`{name}` must be between {min} and 365 days"),
                );
            }
        }
    };
    days(
        &raw.escalate_after_days,
        "escalate_after_days",
        1,
        &mut plan.escalate_after_days,
    );
    days(
        &raw.too_early_days,
        "too_early_days",
        0,
        &mut plan.too_early_days,
    );
    days(
        &raw.at_risk_quiet_days,
        "at_risk_quiet_days",
        1,
        &mut plan.at_risk_quiet_days,
    );
    days(
        &raw.close_offer_days,
        "close_offer_days",
        1,
        &mut plan.close_offer_days,
    );
    let mut reengage = plan.reengage_days.unwrap_or(0);
    days(&raw.reengage_days, "reengage_days", 0, &mut reengage);
    plan.reengage_days = (reengage > 0).then_some(reengage);
    for id in raw.goals.iter().flatten() {
        match mentee.and_then(|r| r.question(id.get_ref())) {
            Some(q) if !matches!(q.kind, QuestionKind::Consent { .. }) => {
                plan.goals.push(id.get_ref().clone())
            }
            _ => err(
                id.span().start,
                &format!(
                    "`{}` is not a question of the mentee's form: `goals` names the mentee's questions whose answers are the pair's goals",
                    id.get_ref()
                ),
            ),
        }
    }
    if let Some(m) = &raw.meeting_minutes {
        if (15..=240).contains(m.get_ref()) {
            plan.meeting_minutes = *m.get_ref();
        } else {
            err(
                m.span().start,
                "`meeting_minutes` must be between 15 and 240",
            );
        }
    }
    if let Some(h) = &raw.hours_per_month {
        let hours = *h.get_ref();
        if hours.is_finite() && (0.0..=100.0).contains(&hours) {
            plan.commitment_minutes = Some((hours * 60.0).round() as u32).filter(|m| *m > 0);
        } else {
            err(
                h.span().start,
                "`hours_per_month` must be between 0 (none) and 100",
            );
        }
    }
    if let Some(n) = &raw.at_risk_missed_check_ins {
        if *n.get_ref() <= 20 {
            plan.missed_check_ins = *n.get_ref();
        } else {
            err(
                n.span().start,
                "`at_risk_missed_check_ins` must be between 0 (never) and 20",
            );
        }
    }
    plan
}
