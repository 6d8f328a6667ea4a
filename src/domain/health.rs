//! How a match is doing, as coordinators read it in `matches`, `match show` and the
//! support sweep's alerts: from what Tandem already records about a pair (when either last
//! wrote in their room, their check-in answers, a pause, a freeze, the staff's check-ins),
//! never from what they wrote.
//!
//! [`PairSigns`] is what storage reads for one match; [`health`] turns it, with the
//! programme's support policy (`domain::support::SupportPlan`), into one word a
//! coordinator can filter on: at risk, needs a check-in, too early to tell, on track (or a
//! pause, a freeze, a stage before or after). A new sign (a survey score, a missed event)
//! is a field of `PairSigns`, read in `storage::check_ins::pair_signs`, and either a
//! [`Risks`] field (it puts a match at risk) or a [`Health`] variant placed by how urgent
//! it is.

use chrono::{DateTime, Utc};

use super::ids::UserRef;
use super::matches::{MatchRecord, MatchStatus};
use super::support::{SupportPlan, next_contact_due};

/// What Tandem records about an active pair, besides the match itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairSigns {
    /// The last message either member wrote in the pair room (only the time is kept).
    pub last_activity: Option<DateTime<Utc>>,
    pub paused_until: Option<DateTime<Utc>>,
    /// Check-ins asked (occurrences), and in how many either member answered "we met".
    pub check_ins: u32,
    pub met: u32,
    /// The latest answered check-in said "We're stuck".
    pub stuck: bool,
    /// The latest check-ins in a row that neither member answered, counting only those
    /// asked at least `support::MISSED_AFTER_DAYS` ago.
    pub missed: u32,
    /// The latest check-in either member answered (its number, from 0).
    pub last_answered: Option<u32>,
    /// The staff member the pair is assigned to.
    pub staff: Option<UserRef>,
    /// Staff contacts logged, and the latest.
    pub contacts: u32,
    pub last_contact: Option<DateTime<Utc>>,
    /// The latest staff contact noted a concern.
    pub concern: bool,
    /// Meetings the pair logged as held, and their minutes in the last 30 days.
    pub meetings: u32,
    pub minutes_30d: u32,
    /// Pair-room safety flags of the last 30 days the coordinators have not dismissed
    /// (`domain::safety`).
    pub safety_flags: u32,
}

/// Why a match is at risk: each sign that put it there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Risks {
    /// No message in the pair room for this many days (at least the programme's
    /// `at_risk_quiet_days`).
    pub quiet_days: Option<i64>,
    /// The latest check-in said "We're stuck".
    pub stuck: bool,
    /// Check-ins in a row that neither answered (at least `missed_check_ins`).
    pub missed: u32,
    /// The latest staff check-in noted a concern.
    pub concern: bool,
    /// Safety flags in the last 30 days, not dismissed (at least the programme's
    /// `[safety] at_risk_flags`).
    pub safety_flags: u32,
}

impl Risks {
    pub fn any(&self) -> bool {
        self.quiet_days.is_some()
            || self.stuck
            || self.missed > 0
            || self.concern
            || self.safety_flags > 0
    }

    /// Each reason, said in the reader's language.
    pub fn said_reasons(&self) -> Vec<crate::i18n::Text> {
        use crate::i18n::Text;
        let mut out = Vec::new();
        if let Some(days) = self.quiet_days {
            out.push(
                Text::msg("health-risk-quiet").arg("days", Text::msg("days").arg("count", days)),
            );
        }
        if self.stuck {
            out.push(Text::msg("health-risk-stuck"));
        }
        if self.missed > 0 {
            out.push(Text::msg("health-risk-missed").arg("count", i64::from(self.missed)));
        }
        if self.concern {
            out.push(Text::msg("health-risk-concern"));
        }
        if self.safety_flags > 0 {
            out.push(Text::msg("health-risk-safety").arg("count", i64::from(self.safety_flags)));
        }
        out
    }
}

/// How a match is doing, the most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Health {
    /// The moderators froze the pair room.
    Frozen,
    /// A sign says the pair needs help now.
    AtRisk(Risks),
    /// A staff contact is overdue, by this many whole days.
    NeedsCheckIn(i64),
    /// No message in the pair room for this many days (at least the programme's
    /// `silent_nudge_days`), not yet long enough to be at risk.
    Quiet(i64),
    /// Paused by the pair or a coordinator.
    Paused(DateTime<Utc>),
    /// Started within the programme's `too_early_days`, with nothing to say more.
    TooEarly,
    OnTrack,
    /// Approved, waiting for both to accept.
    Offered,
    Proposed,
    /// Closed, declined, expired or rejected.
    Ended,
}

impl Health {
    /// The words of each kind, as `matches <filter>` takes them.
    pub const FILTERS: [(&'static str, &'static str); 11] = [
        ("frozen", "the moderators froze the pair room"),
        ("at-risk", "a sign says the pair needs help now"),
        ("stuck", "at risk: the latest check-in said “We're stuck”"),
        ("quiet", "no message in the pair room for a while"),
        ("check-in", "a staff check-in is overdue"),
        ("paused", "paused for now"),
        ("too-early", "started too recently to tell"),
        ("ok", "active and on track"),
        ("offered", "waiting for both to accept"),
        ("proposed", "proposals waiting for a coordinator"),
        ("ended", "closed, declined, expired or rejected"),
    ];

    /// The filter word this health answers to first.
    pub fn word(self) -> &'static str {
        match self {
            Health::Frozen => "frozen",
            Health::AtRisk(_) => "at-risk",
            Health::NeedsCheckIn(_) => "check-in",
            Health::Quiet(_) => "quiet",
            Health::Paused(_) => "paused",
            Health::TooEarly => "too-early",
            Health::OnTrack => "ok",
            Health::Offered => "offered",
            Health::Proposed => "proposed",
            Health::Ended => "ended",
        }
    }

    /// Whether `matches <word>` lists a match of this health: its own word, and for a
    /// match at risk, the word of each reason that can be a filter (`stuck`, `quiet`).
    pub fn answers(self, word: &str) -> bool {
        word == self.word()
            || match self {
                Health::AtRisk(r) => {
                    (word == "stuck" && r.stuck) || (word == "quiet" && r.quiet_days.is_some())
                }
                _ => false,
            }
    }

    /// How it reads beside a match, in the reader's language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        let days = |n: i64| Text::msg("days").arg("count", n);
        match self {
            Health::Frozen => Text::msg("health-frozen"),
            Health::AtRisk(r) => {
                Text::msg("health-at-risk").arg("reasons", Text::join(r.said_reasons(), "; "))
            }
            Health::NeedsCheckIn(0) => Text::msg("health-check-in-today"),
            Health::NeedsCheckIn(late) => Text::msg("health-check-in-late").arg("late", days(late)),
            Health::Quiet(n) => Text::msg("health-quiet").arg("days", days(n)),
            Health::Paused(until) => {
                Text::msg("health-paused").arg("date", Text::date(until.date_naive()))
            }
            Health::TooEarly => Text::msg("health-too-early"),
            Health::OnTrack => Text::msg("health-on-track"),
            Health::Offered => Text::msg("health-offered"),
            Health::Proposed => Text::msg("health-proposed"),
            Health::Ended => Text::msg("health-ended"),
        }
    }

    /// Whether a match of this health is still open (shown by `matches` with no filter).
    pub fn is_open(self) -> bool {
        self != Health::Ended
    }
}

/// How `m` is doing at `now` in `programme` (its support policy and its schedule's
/// `silent_nudge_days`; the default policy for a programme no longer configured): what
/// the coordinators' lists and the support sweep both read.
pub fn health_in(
    programme: Option<&super::Programme>,
    m: &MatchRecord,
    signs: &PairSigns,
    now: DateTime<Utc>,
) -> Health {
    let quiet_after = programme
        .and_then(|p| p.schedule.as_ref())
        .and_then(|s| s.silent_nudge_days);
    match programme {
        Some(p) => health(m, signs, &p.support, quiet_after, now),
        None => health(m, signs, &SupportPlan::default(), quiet_after, now),
    }
}

/// Since when a pair has been quiet at `now`: their last message in the pair room (or the
/// start), or the end of a pause after it, as an agreed break is no silence.
pub fn quiet_since(m: &MatchRecord, signs: &PairSigns, now: DateTime<Utc>) -> DateTime<Utc> {
    let last = signs.last_activity.unwrap_or_else(|| m.started());
    match signs.paused_until {
        Some(until) if until <= now && until > last => until,
        _ => last,
    }
}

/// How `m` is doing at `now`, by the programme's support policy; a pair is quiet after
/// `quiet_after_days` without a message (the programme's `silent_nudge_days`; never,
/// without one), and at risk after the policy's `at_risk_quiet_days`.
pub fn health(
    m: &MatchRecord,
    signs: &PairSigns,
    plan: &SupportPlan,
    quiet_after_days: Option<u32>,
    now: DateTime<Utc>,
) -> Health {
    match m.status {
        MatchStatus::Proposed => return Health::Proposed,
        MatchStatus::Approved => return Health::Offered,
        MatchStatus::Active => {}
        _ => return Health::Ended,
    }
    if m.frozen {
        return Health::Frozen;
    }
    if let Some(until) = signs.paused_until.filter(|u| *u > now) {
        return Health::Paused(until);
    }
    let quiet = (now - quiet_since(m, signs, now)).num_days();
    let risks = Risks {
        quiet_days: (m.room.is_some() && quiet >= i64::from(plan.at_risk_quiet_days))
            .then_some(quiet),
        stuck: signs.stuck,
        missed: if plan.missed_check_ins > 0 && signs.missed >= plan.missed_check_ins {
            signs.missed
        } else {
            0
        },
        concern: signs.concern,
        safety_flags: if plan.at_risk_safety_flags > 0
            && signs.safety_flags >= plan.at_risk_safety_flags
        {
            signs.safety_flags
        } else {
            0
        },
    };
    if risks.any() {
        return Health::AtRisk(risks);
    }
    if plan.schedules_contacts()
        && let Some(due) = next_contact_due(plan, m.started(), signs.contacts, signs.last_contact)
        && due <= now
    {
        return Health::NeedsCheckIn((now.date_naive() - due.date_naive()).num_days());
    }
    match quiet_after_days {
        Some(days) if m.room.is_some() && quiet >= i64::from(days) => Health::Quiet(quiet),
        _ if (now - m.started()).num_days() < i64::from(plan.too_early_days)
            && signs.met == 0
            && signs.meetings == 0 =>
        {
            Health::TooEarly
        }
        _ => Health::OnTrack,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn active(day: u32) -> MatchRecord {
        let at = Utc.with_ymd_and_hms(2027, 1, day, 9, 0, 0).unwrap();
        MatchRecord {
            mentee_answer: Some(true),
            mentor_answer: Some(true),
            room: Some("amina-ola".into()),
            started_at: Some(at),
            ..MatchRecord::example(7, MatchStatus::Active, at)
        }
    }

    fn on(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, day, 12, 0, 0).unwrap()
    }

    /// Staff contacts not scheduled, so only the pair's own signs count.
    fn no_contacts() -> SupportPlan {
        SupportPlan {
            contacts: vec![],
            every: None,
            ..SupportPlan::default()
        }
    }

    #[test]
    fn an_active_pair_is_quiet_after_the_nudge_days_and_at_risk_after_the_policys() {
        let m = active(1);
        let plan = no_contacts();
        let signs = PairSigns {
            last_activity: Some(on(3)),
            met: 1,
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &signs, &plan, Some(14), on(10)), Health::OnTrack);
        assert_eq!(
            health(&m, &signs, &plan, Some(14), on(20)),
            Health::Quiet(17)
        );
        assert_eq!(health(&m, &signs, &plan, None, on(20)), Health::OnTrack);
        let at_risk = health(&m, &signs, &plan, Some(14), on(25));
        assert_eq!(
            at_risk,
            Health::AtRisk(Risks {
                quiet_days: Some(22),
                ..Risks::default()
            })
        );
        assert!(at_risk.answers("quiet") && at_risk.answers("at-risk"));
        assert!(!at_risk.answers("stuck"));
        assert_eq!(at_risk.said().english(), "at risk: quiet for 22 days");
        // Never a message: quiet counts from the start.
        assert_eq!(
            health(&m, &PairSigns::default(), &plan, Some(14), on(20)),
            Health::Quiet(19)
        );
    }

    #[test]
    fn a_pause_is_no_silence_so_quiet_counts_from_its_end() {
        let m = active(1);
        let plan = no_contacts();
        let signs = PairSigns {
            last_activity: Some(on(2)),
            paused_until: Some(on(20)),
            met: 1,
            ..PairSigns::default()
        };
        assert_eq!(quiet_since(&m, &signs, on(25)), on(20));
        assert_eq!(health(&m, &signs, &plan, Some(10), on(25)), Health::OnTrack);
        // While paused, the last message is still the last word.
        assert_eq!(quiet_since(&m, &signs, on(15)), on(2));
    }

    #[test]
    fn a_new_pair_is_too_early_to_tell_until_the_policys_days_or_a_meeting() {
        let m = active(1);
        let plan = no_contacts();
        let talking = PairSigns {
            last_activity: Some(on(5)),
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &talking, &plan, None, on(6)), Health::TooEarly);
        let met = PairSigns {
            met: 1,
            ..talking.clone()
        };
        assert_eq!(health(&m, &met, &plan, None, on(6)), Health::OnTrack);
        assert_eq!(health(&m, &talking, &plan, None, on(16)), Health::OnTrack);
    }

    #[test]
    fn an_overdue_staff_contact_means_a_check_in_until_one_is_logged() {
        let m = active(1);
        let plan = SupportPlan::default();
        let signs = PairSigns {
            last_activity: Some(on(14)),
            met: 1,
            ..PairSigns::default()
        };
        // Due within 14 days of the start (the 15th at 09:00).
        assert_eq!(health(&m, &signs, &plan, None, on(14)), Health::OnTrack);
        assert_eq!(
            health(&m, &signs, &plan, None, on(15)),
            Health::NeedsCheckIn(0)
        );
        assert_eq!(
            health(&m, &signs, &plan, None, on(18)),
            Health::NeedsCheckIn(3)
        );
        assert!(
            Health::NeedsCheckIn(3)
                .said()
                .english()
                .contains("3 days overdue")
        );
        let logged = PairSigns {
            contacts: 1,
            last_contact: Some(on(16)),
            ..signs.clone()
        };
        assert_eq!(health(&m, &logged, &plan, None, on(18)), Health::OnTrack);
        // A concern noted at the contact puts the match at risk.
        let worried = PairSigns {
            concern: true,
            ..logged
        };
        assert_eq!(
            health(&m, &worried, &plan, None, on(18)),
            Health::AtRisk(Risks {
                concern: true,
                ..Risks::default()
            })
        );
    }

    #[test]
    fn missed_check_ins_put_a_match_at_risk_from_the_policys_count() {
        let m = active(1);
        let plan = no_contacts();
        let one = PairSigns {
            last_activity: Some(on(20)),
            missed: 1,
            met: 1,
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &one, &plan, None, on(21)), Health::OnTrack);
        let two = PairSigns { missed: 2, ..one };
        let h = health(&m, &two, &plan, None, on(21));
        assert_eq!(
            h.said().english(),
            "at risk: 2 check-ins in a row unanswered"
        );
    }

    #[test]
    fn a_freeze_and_a_pause_come_before_any_risk() {
        let mut m = active(1);
        let plan = no_contacts();
        let stuck = PairSigns {
            stuck: true,
            ..PairSigns::default()
        };
        let h = health(&m, &stuck, &plan, Some(1), on(5));
        assert!(h.answers("stuck") && h.answers("at-risk") && !h.answers("quiet"));
        let paused = PairSigns {
            paused_until: Some(on(25)),
            ..stuck.clone()
        };
        assert_eq!(
            health(&m, &paused, &plan, Some(1), on(20)),
            Health::Paused(on(25))
        );
        // A pause that ended is no pause.
        assert!(matches!(
            health(&m, &paused, &plan, Some(1), on(26)),
            Health::AtRisk(_)
        ));
        m.frozen = true;
        assert_eq!(health(&m, &paused, &plan, Some(1), on(20)), Health::Frozen);
    }

    #[test]
    fn matches_not_under_way_read_as_their_stage() {
        let mut m = active(1);
        let plan = SupportPlan::default();
        for (status, expected) in [
            (MatchStatus::Proposed, Health::Proposed),
            (MatchStatus::Approved, Health::Offered),
            (MatchStatus::Closed, Health::Ended),
            (MatchStatus::Declined, Health::Ended),
            (MatchStatus::Expired, Health::Ended),
            (MatchStatus::Rejected, Health::Ended),
        ] {
            m.status = status;
            assert_eq!(
                health(&m, &PairSigns::default(), &plan, Some(1), on(20)),
                expected
            );
        }
        assert!(!Health::Ended.is_open());
        let stuck = Health::AtRisk(Risks {
            stuck: true,
            quiet_days: Some(30),
            ..Risks::default()
        });
        for (word, _) in Health::FILTERS {
            assert!(
                [
                    Health::Frozen,
                    stuck,
                    Health::NeedsCheckIn(1),
                    Health::Quiet(1),
                    Health::Paused(on(1)),
                    Health::TooEarly,
                    Health::OnTrack,
                    Health::Offered,
                    Health::Proposed,
                    Health::Ended
                ]
                .iter()
                .any(|h| h.answers(word)),
                "{word}"
            );
        }
    }

    #[test]
    fn a_matchs_health_is_said_in_the_readers_language() {
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(Health::OnTrack.said().english(), "on track");
        assert_eq!(Health::OnTrack.said().render(es), "va bien");
        assert_eq!(
            Health::Quiet(12).said().render(es),
            "en silencio desde hace 12 días"
        );
        let stuck = Health::AtRisk(Risks {
            stuck: true,
            missed: 2,
            ..Risks::default()
        });
        assert_eq!(
            stuck.said().english(),
            "at risk: stuck (said at the latest check-in); 2 check-ins in a row unanswered"
        );
        assert!(
            stuck.said().render(es).starts_with("en riesgo: atascados"),
            "{}",
            stuck.said().render(es)
        );
        assert_eq!(
            Health::Paused(on(25)).said().render(es),
            "en pausa hasta el 25 de enero de 2027"
        );
    }
}
