//! How a match is doing, as coordinators read it in `matches` and `match show`: from what
//! Tandem already records about a pair (when either last wrote in their room, their
//! check-in answers, a pause, a freeze), never from what they wrote.
//!
//! [`PairSigns`] is what storage reads for one match; [`health`] turns it into one word a
//! coordinator can filter on. A new sign (a survey score, a missed event) is a field of
//! `PairSigns`, read in `storage::check_ins::pair_signs`, and a [`Health`] variant placed by
//! how urgent it is.

use chrono::{DateTime, Utc};

use super::matches::{MatchRecord, MatchStatus};

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
}

/// How a match is doing, the most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Health {
    /// The moderators froze the pair room.
    Frozen,
    /// The latest check-in said "We're stuck".
    Stuck,
    /// No message in the pair room for this many days (at least the programme's
    /// `silent_nudge_days`).
    Quiet(i64),
    /// Paused by the pair or a coordinator.
    Paused(DateTime<Utc>),
    OnTrack,
    /// Approved, waiting for both to accept.
    Offered,
    Proposed,
    /// Closed, declined, expired or rejected.
    Ended,
}

impl Health {
    /// The words of each kind, as `matches <filter>` takes them.
    pub const FILTERS: [(&'static str, &'static str); 8] = [
        ("frozen", "the moderators froze the pair room"),
        ("stuck", "the latest check-in said “We're stuck”"),
        ("quiet", "no message in the pair room for a while"),
        ("paused", "paused for now"),
        ("ok", "active and on track"),
        ("offered", "waiting for both to accept"),
        ("proposed", "proposals waiting for a coordinator"),
        ("ended", "closed, declined, expired or rejected"),
    ];

    /// The filter word this health answers to.
    pub fn word(self) -> &'static str {
        match self {
            Health::Frozen => "frozen",
            Health::Stuck => "stuck",
            Health::Quiet(_) => "quiet",
            Health::Paused(_) => "paused",
            Health::OnTrack => "ok",
            Health::Offered => "offered",
            Health::Proposed => "proposed",
            Health::Ended => "ended",
        }
    }

    /// How it reads beside a match.
    pub fn describe(self) -> String {
        match self {
            Health::Frozen => "frozen by the moderators".into(),
            Health::Stuck => "stuck (said at the latest check-in)".into(),
            Health::Quiet(days) => format!("quiet for {days} days"),
            Health::Paused(until) => format!("paused until {}", until.format("%-d %b %Y")),
            Health::OnTrack => "on track".into(),
            Health::Offered => "waiting for both to accept".into(),
            Health::Proposed => "proposed, waiting for a coordinator".into(),
            Health::Ended => "ended".into(),
        }
    }

    /// Whether a match of this health is still open (shown by `matches` with no filter).
    pub fn is_open(self) -> bool {
        self != Health::Ended
    }
}

/// How `m` is doing at `now`; a pair is quiet after `quiet_after_days` without a message
/// (the programme's `silent_nudge_days`; never, without one).
pub fn health(
    m: &MatchRecord,
    signs: &PairSigns,
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
    if signs.stuck {
        return Health::Stuck;
    }
    let since = signs.last_activity.unwrap_or_else(|| m.started());
    let quiet = (now - since).num_days();
    match quiet_after_days {
        Some(days) if m.room.is_some() && quiet >= i64::from(days) => Health::Quiet(quiet),
        _ => Health::OnTrack,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UserRef;
    use chrono::TimeZone;

    fn active(day: u32) -> MatchRecord {
        let at = Utc.with_ymd_and_hms(2027, 1, day, 9, 0, 0).unwrap();
        MatchRecord {
            id: 7,
            programme: "p".into(),
            mentee_application: 1,
            mentor_application: 2,
            mentee: UserRef::console("amina"),
            mentor: UserRef::console("ola"),
            mentee_name: "Amina".into(),
            mentor_name: "Ola".into(),
            status: MatchStatus::Active,
            score: 0,
            reasons: vec![],
            mentee_answer: Some(true),
            mentor_answer: Some(true),
            deadline: None,
            room: Some("amina-ola".into()),
            frozen: false,
            created_at: at,
            closure: None,
            lifted: false,
            origin: Default::default(),
            introduction: None,
            next_choices: Vec::new(),
            started_at: Some(at),
        }
    }

    fn on(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, day, 12, 0, 0).unwrap()
    }

    #[test]
    fn an_active_pair_is_quiet_after_the_programmes_days_without_a_message() {
        let m = active(1);
        let signs = PairSigns {
            last_activity: Some(on(3)),
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &signs, Some(14), on(10)), Health::OnTrack);
        assert_eq!(health(&m, &signs, Some(14), on(20)), Health::Quiet(17));
        assert_eq!(health(&m, &signs, None, on(20)), Health::OnTrack);
        // Never a message: quiet counts from the start.
        assert_eq!(
            health(&m, &PairSigns::default(), Some(14), on(20)),
            Health::Quiet(19)
        );
    }

    #[test]
    fn a_freeze_a_pause_and_a_stuck_check_in_come_before_quiet() {
        let mut m = active(1);
        let stuck = PairSigns {
            stuck: true,
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &stuck, Some(1), on(20)), Health::Stuck);
        let paused = PairSigns {
            paused_until: Some(on(25)),
            ..stuck.clone()
        };
        assert_eq!(health(&m, &paused, Some(1), on(20)), Health::Paused(on(25)));
        // A pause that ended is no pause.
        assert_eq!(health(&m, &paused, Some(1), on(26)), Health::Stuck);
        m.frozen = true;
        assert_eq!(health(&m, &paused, Some(1), on(20)), Health::Frozen);
    }

    #[test]
    fn matches_not_under_way_read_as_their_stage() {
        let mut m = active(1);
        for (status, expected) in [
            (MatchStatus::Proposed, Health::Proposed),
            (MatchStatus::Approved, Health::Offered),
            (MatchStatus::Closed, Health::Ended),
            (MatchStatus::Declined, Health::Ended),
            (MatchStatus::Expired, Health::Ended),
            (MatchStatus::Rejected, Health::Ended),
        ] {
            m.status = status;
            assert_eq!(health(&m, &PairSigns::default(), Some(1), on(20)), expected);
        }
        assert!(!Health::Ended.is_open());
        for (word, _) in Health::FILTERS {
            assert!(
                [
                    Health::Frozen,
                    Health::Stuck,
                    Health::Quiet(1),
                    Health::Paused(on(1)),
                    Health::OnTrack,
                    Health::Offered,
                    Health::Proposed,
                    Health::Ended
                ]
                .iter()
                .any(|h| h.word() == word),
                "{word}"
            );
        }
    }
}
