//! A flag: one finding of the safety policy in one pair-room message, as the coordinators
//! work it (dismiss, note, or turn into a case for the moderators), and when flags make a
//! match's health "at risk". Stored in `safety_flags` (`storage::safety`) with no message
//! text but its short excerpt.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::Kind;
use crate::domain::UserRef;

/// Where the coordinators are with a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagStatus {
    /// Not looked at yet.
    Open,
    /// Nothing to worry about.
    Dismissed,
    /// Kept with a note (it counts towards the match's health).
    Noted,
    /// Turned into this moderation case.
    Case(i64),
}

impl FlagStatus {
    /// Its name in storage (a case's number is stored beside it).
    pub fn as_str(self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Dismissed => "dismissed",
            FlagStatus::Noted => "noted",
            FlagStatus::Case(_) => "case",
        }
    }

    /// From storage: the name and, for a case, its number.
    pub fn parse(name: &str, case: Option<i64>) -> Option<FlagStatus> {
        match (name, case) {
            ("open", _) => Some(FlagStatus::Open),
            ("dismissed", _) => Some(FlagStatus::Dismissed),
            ("noted", _) => Some(FlagStatus::Noted),
            ("case", Some(id)) => Some(FlagStatus::Case(id)),
            _ => None,
        }
    }

    /// Whether a flag in this status may be moved to `next`: an open flag any way; a
    /// noted one may still be dismissed or become a case; a dismissed flag or a case is
    /// settled (a case is worked by the moderators from then on).
    pub fn may_become(self, next: FlagStatus) -> bool {
        match (self, next) {
            (_, FlagStatus::Open) => false,
            (FlagStatus::Open, _) => true,
            (FlagStatus::Noted, FlagStatus::Dismissed | FlagStatus::Case(_)) => true,
            _ => false,
        }
    }
}

/// A flag to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFlag {
    pub programme: String,
    pub match_id: i64,
    /// Who sent the message.
    pub sender: UserRef,
    pub kind: Kind,
    /// A few words either side of what was found (empty for a night message).
    pub excerpt: String,
    /// When the message was sent.
    pub at: DateTime<Utc>,
}

/// A recorded flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub id: i64,
    pub programme: String,
    pub match_id: i64,
    pub sender: UserRef,
    pub kind: Kind,
    pub excerpt: String,
    pub at: DateTime<Utc>,
    pub status: FlagStatus,
    /// The coordinator's note (when noted, dismissed with a word, or made a case).
    pub note: Option<String>,
    /// Who decided, and when.
    pub decided: Option<(UserRef, DateTime<Utc>)>,
}

/// A flag as the coordinators read it: with the sender's name and the match's pair room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownFlag {
    pub flag: Flag,
    /// The sender's name in the match.
    pub sender_name: String,
    /// The match's pair room, if it has one.
    pub room: Option<String>,
}

/// Whether a match's flags make it "at risk": at least `threshold` flags in the last
/// `days` before `now` that the coordinators have not dismissed (0: never).
pub fn at_risk(flags: &[Flag], now: DateTime<Utc>, threshold: usize, days: u32) -> bool {
    let since = now - Duration::days(i64::from(days));
    threshold > 0
        && flags
            .iter()
            .filter(|f| f.at > since && f.at <= now && f.status != FlagStatus::Dismissed)
            .count()
            >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    fn flag(id: i64, days_ago: i64, status: FlagStatus) -> Flag {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        Flag {
            id,
            programme: "p".into(),
            match_id: 1,
            sender: UserRef::new(Platform::Console, "max"),
            kind: Kind::Phone,
            excerpt: "call 555 1234".into(),
            at: now - Duration::days(days_ago),
            status,
            note: None,
            decided: None,
        }
    }

    #[test]
    fn an_open_flag_may_be_decided_and_a_settled_one_may_not() {
        use FlagStatus::*;
        assert!(Open.may_become(Dismissed) && Open.may_become(Noted) && Open.may_become(Case(3)));
        assert!(Noted.may_become(Case(3)) && Noted.may_become(Dismissed));
        assert!(!Dismissed.may_become(Noted) && !Case(3).may_become(Dismissed));
        assert!(!Noted.may_become(Open) && !Noted.may_become(Noted));
        for s in [Open, Dismissed, Noted, Case(7)] {
            let case = if let Case(id) = s { Some(id) } else { None };
            assert_eq!(FlagStatus::parse(s.as_str(), case), Some(s));
        }
    }

    #[test]
    fn repeated_flags_not_dismissed_make_a_match_at_risk() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let two = [flag(1, 1, FlagStatus::Open), flag(2, 3, FlagStatus::Noted)];
        assert!(at_risk(&two, now, 2, 30));
        assert!(!at_risk(&two, now, 3, 30));
        let dismissed = [
            flag(1, 1, FlagStatus::Open),
            flag(2, 3, FlagStatus::Dismissed),
        ];
        assert!(!at_risk(&dismissed, now, 2, 30));
        let old = [flag(1, 1, FlagStatus::Open), flag(2, 40, FlagStatus::Open)];
        assert!(!at_risk(&old, now, 2, 30));
        assert!(!at_risk(&two, now, 0, 30));
    }

    #[test]
    fn repeated_safety_flags_put_a_match_at_risk_where_the_programme_counts_them() {
        use crate::domain::health::{Health, PairSigns, Risks, health};
        use crate::domain::matches::{MatchRecord, MatchStatus};
        use crate::domain::support::SupportPlan;
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut m = MatchRecord::example(1, MatchStatus::Active, start);
        m.started_at = Some(start);
        let plan = SupportPlan {
            contacts: vec![],
            every: None,
            ..SupportPlan::default()
        };
        let now = start + Duration::days(20);
        let signs = |n| PairSigns {
            last_activity: Some(now),
            met: 1,
            safety_flags: n,
            ..PairSigns::default()
        };
        assert_eq!(health(&m, &signs(2), &plan, None, now), Health::OnTrack);
        let at_risk = health(&m, &signs(3), &plan, None, now);
        assert_eq!(
            at_risk,
            Health::AtRisk(Risks {
                safety_flags: 3,
                ..Risks::default()
            })
        );
        assert_eq!(
            at_risk.said().english(),
            "at risk: 3 safety flags in 30 days"
        );
        let never = SupportPlan {
            at_risk_safety_flags: 0,
            ..plan
        };
        assert_eq!(health(&m, &signs(9), &never, None, now), Health::OnTrack);
    }
}
