//! Matches: a proposed, approved or active pairing of a mentee and a mentor.
//!
//! Lifecycle: `proposed` (by the engine) → `approved` (by a coordinator; both people are
//! asked) → `active` (both accepted; the pair room exists). Side exits: `rejected` (by a
//! coordinator), `declined` (by either person), `expired` (no answer by the deadline).
//! A pair that ever had a match is never proposed again.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::UserRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    Proposed,
    Approved,
    Active,
    Rejected,
    Declined,
    Expired,
}

impl MatchStatus {
    pub const ALL: [MatchStatus; 6] = [
        MatchStatus::Proposed,
        MatchStatus::Approved,
        MatchStatus::Active,
        MatchStatus::Rejected,
        MatchStatus::Declined,
        MatchStatus::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "proposed",
            MatchStatus::Approved => "approved",
            MatchStatus::Active => "active",
            MatchStatus::Rejected => "rejected",
            MatchStatus::Declined => "declined",
            MatchStatus::Expired => "expired",
        }
    }

    /// Whether the match still holds a place for both people.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            MatchStatus::Proposed | MatchStatus::Approved | MatchStatus::Active
        )
    }
}

impl fmt::Display for MatchStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MatchStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MatchStatus::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("unknown match status `{s}`"))
    }
}

/// A match to store, as the engine proposed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMatch {
    pub programme: String,
    pub mentee_application: i64,
    pub mentor_application: i64,
    pub score: i64,
    /// The criteria that contributed, with their points.
    pub reasons: Vec<(String, i64)>,
}

/// A stored match with the people in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchRecord {
    pub id: i64,
    pub programme: String,
    pub mentee_application: i64,
    pub mentor_application: i64,
    pub mentee: UserRef,
    pub mentor: UserRef,
    pub mentee_name: String,
    pub mentor_name: String,
    pub status: MatchStatus,
    pub score: i64,
    pub reasons: Vec<(String, i64)>,
    /// `Some(true)`: accepted; `Some(false)`: declined; `None`: not answered yet.
    pub mentee_answer: Option<bool>,
    pub mentor_answer: Option<bool>,
    pub deadline: Option<DateTime<Utc>>,
    pub room: Option<String>,
    /// Frozen by the moderators: the pair room is read-only.
    pub frozen: bool,
    pub created_at: DateTime<Utc>,
}

impl MatchRecord {
    /// Which side `user` is on, if either.
    pub fn side_of(&self, user: &UserRef) -> Option<super::ids::RoleKind> {
        if &self.mentee == user {
            Some(super::ids::RoleKind::Mentee)
        } else if &self.mentor == user {
            Some(super::ids::RoleKind::Mentor)
        } else {
            None
        }
    }
}
