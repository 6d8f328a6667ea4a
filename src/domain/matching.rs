//! How a programme matches people: the mode, the weighted criteria and the hard
//! constraints, as configured in the programme's `[matching]` table. `crate::matching`
//! turns this and the applications into a scored problem and solves it.

use serde::{Deserialize, Serialize};

fn default_max_choices() -> u32 {
    3
}

/// The shape of the relationships.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum MatchMode {
    /// One mentor, one mentee.
    OneToOne,
    /// A mentor takes several mentees: as many as their answer to `capacity_question`
    /// (when given), else `default_capacity`.
    OneToMany {
        capacity_question: Option<String>,
        default_capacity: u32,
    },
    /// Each mentee gets `slots` mentors.
    Array { slots: u32 },
    /// Groups of up to `size` mentees around one mentor.
    Group { size: u32 },
}

/// Who chooses the pairs (`[matching] matched_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The coordinators, from the engine's proposals (`match propose`).
    #[default]
    Coordinator,
    /// Each ready mentee, who browses the mentors with room and asks one (`browse`,
    /// `request`); the coordinators' rounds are off.
    MenteeChoice,
    /// Each ready mentee ranks up to `max_choices` mentors (`rank`); the first is asked, and
    /// a decline or an expired deadline passes the request to the next.
    Ranked,
    /// Both: mentees may choose, and the coordinators' rounds propose for the others.
    Mixed,
}

impl MatchedBy {
    pub const ALL: [MatchedBy; 4] = [
        MatchedBy::Coordinator,
        MatchedBy::MenteeChoice,
        MatchedBy::Ranked,
        MatchedBy::Mixed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchedBy::Coordinator => "coordinator",
            MatchedBy::MenteeChoice => "mentee_choice",
            MatchedBy::Ranked => "ranked",
            MatchedBy::Mixed => "mixed",
        }
    }

    /// Whether mentees may browse mentors and ask one.
    pub fn mentees_choose(self) -> bool {
        self != MatchedBy::Coordinator
    }

    /// Whether the engine proposes pairs to the coordinators.
    pub fn engine_proposes(self) -> bool {
        matches!(self, MatchedBy::Coordinator | MatchedBy::Mixed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchObjective {
    /// Match as many as possible, then maximise the total score.
    Count,
    /// Maximise the total score, even if fewer are matched.
    Score,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// Points for each value both answers share (goals and skills).
    Overlap,
    /// Points when the answers share any value (sector; a stated preference).
    Match,
    /// Up to the points the closer two numbers are, nothing from `range` apart.
    Closeness { range: f64 },
    /// Points per daytime hour the two time zones share.
    TimeZoneOverlap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionDef {
    pub name: String,
    pub kind: CriterionKind,
    pub mentee_question: String,
    pub mentor_question: String,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchingConfig {
    pub mode: MatchMode,
    /// Who chooses the pairs.
    #[serde(default)]
    pub matched_by: MatchedBy,
    /// Whether a mentee's request waits for a coordinator's approval before the mentor is
    /// asked.
    #[serde(default)]
    pub approve_requests: bool,
    /// How many mentors a mentee may rank (`matched_by = "ranked"`).
    #[serde(default = "default_max_choices")]
    pub max_choices: u32,
    /// The questions whose answers a participant may show on their profile (`None`: any
    /// answered question but consents).
    #[serde(default)]
    pub profile_questions: Option<Vec<String>>,
    pub objective: MatchObjective,
    /// Candidates kept per mentee before solving; the result is checked against all the
    /// others and more are taken when one could improve it.
    pub candidates_per_mentee: usize,
    /// Local daytime window `[from, to)` in hours, for time-zone overlap.
    pub daytime: (u32, u32),
    pub criteria: Vec<CriterionDef>,
    /// (mentee question, mentor question) of languages that must share one.
    pub shared_language: Option<(String, String)>,
    /// (mentee question, mentor question) of time zones.
    pub time_zone: Option<(String, String)>,
    pub max_time_zone_gap_hours: Option<u32>,
    /// (mentee question, mentor question) whose equal answers forbid a pair: the same
    /// employer, school or family name.
    pub never_together: Option<(String, String)>,
    /// Whether people on different platforms may be paired, meeting in a relayed pair
    /// room (a room on each platform, each message copied to the other by the bot). The
    /// programme's `relay_across_platforms` (on unless turned off), and only where one
    /// process serves both platforms (`app::App::new` turns it off elsewhere).
    #[serde(default)]
    pub relay: bool,
}
