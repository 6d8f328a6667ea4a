//! Matches: a proposed, approved or active pairing of a mentee and a mentor.
//!
//! Lifecycle: `proposed` (by the engine) → `approved` (by a coordinator; both people are
//! asked) → `active` (both accepted; the pair room exists). Side exits: `rejected` (by a
//! coordinator), `declined` (by either person), `expired` (no answer by the deadline).
//! An active match ends `closed`: at its planned end, early (by either person or a
//! coordinator, no fault), or disciplinary (by a coordinator). A pair that ever had a match
//! is never proposed again.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::UserRef;
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    Proposed,
    Approved,
    Active,
    Rejected,
    Declined,
    Expired,
    Closed,
}

impl MatchStatus {
    pub const ALL: [MatchStatus; 7] = [
        MatchStatus::Proposed,
        MatchStatus::Approved,
        MatchStatus::Active,
        MatchStatus::Rejected,
        MatchStatus::Declined,
        MatchStatus::Expired,
        MatchStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "proposed",
            MatchStatus::Approved => "approved",
            MatchStatus::Active => "active",
            MatchStatus::Rejected => "rejected",
            MatchStatus::Declined => "declined",
            MatchStatus::Expired => "expired",
            MatchStatus::Closed => "closed",
        }
    }

    /// The status in a word, said beside the match in the reader's language (the code,
    /// [`MatchStatus::as_str`], is for storage and exports).
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            MatchStatus::Proposed => Text::msg("match-status-proposed"),
            MatchStatus::Approved => Text::msg("match-status-approved"),
            MatchStatus::Active => Text::msg("match-status-active"),
            MatchStatus::Rejected => Text::msg("match-status-rejected"),
            MatchStatus::Declined => Text::msg("match-status-declined"),
            MatchStatus::Expired => Text::msg("match-status-expired"),
            MatchStatus::Closed => Text::msg("match-status-closed"),
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

/// The code, for logs and exports; a reader is told [`MatchStatus::said`].
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

/// Where a match came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchOrigin {
    /// The engine proposed it to the coordinators.
    #[default]
    Engine,
    /// The mentee asked this mentor (`request`); the mentee's acceptance is the request.
    Request,
    /// A coordinator chose the mentor (`match swap`), in place of the engine's.
    Coordinator,
}

impl MatchOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchOrigin::Engine => "engine",
            MatchOrigin::Request => "request",
            MatchOrigin::Coordinator => "coordinator",
        }
    }

    /// Reads a stored origin; anything unknown reads as the engine's.
    pub fn read(s: &str) -> MatchOrigin {
        match s {
            "request" => MatchOrigin::Request,
            "coordinator" => MatchOrigin::Coordinator,
            _ => MatchOrigin::Engine,
        }
    }
}

/// A mentee's request to a mentor, to store as a match that waits for the mentor (or, when
/// the programme says so, for a coordinator's approval first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRequest {
    pub new: NewMatch,
    /// Asked now (`Approved`, with this deadline) or waiting for a coordinator (`Proposed`).
    pub status: MatchStatus,
    pub deadline: Option<DateTime<Utc>>,
    /// What the mentor is shown of the mentee: their profile and note, as written now.
    pub introduction: String,
    /// The mentor's places: the request is stored only while they have one left.
    pub places: u32,
    /// The mentee's places (more than one in array mode).
    pub mentee_places: u32,
    /// Who is asked now (the mentor), for the offer to be queued with the request.
    pub mentor: UserRef,
    /// A ranked request's next choices (mentor applications), asked in turn if this one
    /// does not go ahead.
    pub then: Vec<i64>,
}

/// A match to store, as the engine proposed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMatch {
    pub programme: String,
    pub mentee_application: i64,
    pub mentor_application: i64,
    pub score: i64,
    /// The criteria that contributed, with their points.
    pub reasons: Vec<Reason>,
    /// The engine's proposal, or a coordinator's choice (`match swap`).
    #[serde(default)]
    pub origin: MatchOrigin,
}

/// Why the engine paired two people: a criterion that gave the pair points (its name,
/// the programme's words), what the two have in common by it (their shared answers, the
/// hours their days overlap), and the points. Said in the reader's language (the
/// programme's translations, the catalogue's words around them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub criterion: Text,
    pub detail: Text,
    pub points: i64,
    /// Which of the programme's criteria (from 0) it is, when just computed; not stored,
    /// since the programme's criteria may change after.
    #[serde(skip)]
    pub criterion_at: Option<usize>,
}

impl Reason {
    /// "Shared goals: Writing a CV, Exploring careers".
    pub fn said(&self) -> Text {
        Text::msg("match-reason")
            .arg("criterion", self.criterion.clone())
            .arg("detail", self.detail.clone())
    }
}

/// A reason stored before reasons were said from the catalogue is one English string,
/// `"criterion: detail"`, with its points: it still reads, as those words.
impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Said {
            criterion: Text,
            detail: Text,
            points: i64,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Said(Said),
            Words(String, i64),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Said(s) => Reason {
                criterion: s.criterion,
                detail: s.detail,
                points: s.points,
                criterion_at: None,
            },
            Stored::Words(words, points) => {
                let (criterion, detail) = words.split_once(": ").unwrap_or((&words, ""));
                Reason {
                    criterion: Text::plain(criterion),
                    detail: Text::plain(detail),
                    points,
                    criterion_at: None,
                }
            }
        })
    }
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
    pub reasons: Vec<Reason>,
    /// `Some(true)`: accepted; `Some(false)`: declined; `None`: not answered yet.
    pub mentee_answer: Option<bool>,
    pub mentor_answer: Option<bool>,
    pub deadline: Option<DateTime<Utc>>,
    /// The pair room, on [`MatchRecord::room_platform`].
    pub room: Option<String>,
    /// The platform of the pair room when the pair share it only through a linked account
    /// (`domain::accounts`); `None`: the mentee's.
    #[serde(default)]
    pub room_platform: Option<super::Platform>,
    /// For a pair on two platforms, the mentor's side of their relayed pair room (on the
    /// mentor's platform): each message in one side is copied to the other.
    #[serde(default)]
    pub relay_room: Option<String>,
    /// Frozen by the moderators: the pair room is read-only.
    pub frozen: bool,
    pub created_at: DateTime<Utc>,
    /// How it ended, once closed.
    pub closure: Option<Closure>,
    /// A coordinator let this pair be proposed again (`match include`): a rejection or a
    /// decline no longer keeps them apart.
    #[serde(default)]
    pub lifted: bool,
    /// When it went ahead (both accepted); `None` before that, and for matches stored
    /// before this was recorded (see [`MatchRecord::started`]).
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    /// The engine's proposal or a mentee's request.
    #[serde(default)]
    pub origin: MatchOrigin,
    /// For a request: what the mentor was shown of the mentee.
    #[serde(default)]
    pub introduction: Option<String>,
    /// For a ranked request: the mentee's next choices (mentor applications), in order.
    #[serde(default)]
    pub next_choices: Vec<i64>,
}

impl MatchRecord {
    /// Its number as coordinators read it: `P3` while it is a proposal (or one that was
    /// rejected), `M3` once offered (see `domain::numbers`).
    pub fn label(&self) -> String {
        match self.status {
            MatchStatus::Proposed | MatchStatus::Rejected => format!("P{}", self.id),
            _ => format!("M{}", self.id),
        }
    }

    /// `Proposal P3` or `Match M3`, to start a sentence, in the reader's language.
    pub fn said_name(&self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self.status {
            MatchStatus::Proposed | MatchStatus::Rejected => {
                Text::msg("match-named-proposal").arg("id", self.id)
            }
            _ => Text::msg("match-named-match").arg("id", self.id),
        }
    }

    /// When the match went ahead, for "matched since" and the time to match: its start,
    /// or, for a match from before starts were recorded, its proposal.
    pub fn started(&self) -> DateTime<Utc> {
        self.started_at.unwrap_or(self.created_at)
    }

    /// Whether this match keeps its pair from being proposed again: anything open or
    /// once active, a coordinator's rejection (or exclusion), and a person's decline;
    /// not an offer that expired or that Tandem withdrew (someone was no longer ready),
    /// and not one a coordinator lifted.
    pub fn keeps_pair_apart(&self) -> bool {
        if self.lifted {
            return false;
        }
        match self.status {
            MatchStatus::Expired => false,
            MatchStatus::Declined => {
                self.mentee_answer == Some(false) || self.mentor_answer == Some(false)
            }
            _ => true,
        }
    }
}

/// How a match ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureKind {
    /// At the end of the programme's duration.
    Planned,
    /// Before it, by either person or a coordinator, with no fault implied.
    Early,
    /// By a coordinator for a breach of the rules: no rematch is offered.
    Disciplinary,
}

impl ClosureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClosureKind::Planned => "planned",
            ClosureKind::Early => "early",
            ClosureKind::Disciplinary => "disciplinary",
        }
    }

    /// How it ended, said in the reader's language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            ClosureKind::Planned => Text::msg("match-closure-planned"),
            ClosureKind::Early => Text::msg("match-closure-early"),
            ClosureKind::Disciplinary => Text::msg("match-closure-disciplinary"),
        }
    }
}

impl FromStr for ClosureKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            ClosureKind::Planned,
            ClosureKind::Early,
            ClosureKind::Disciplinary,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| format!("unknown closure kind `{s}`"))
    }
}

/// The record of a closure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub kind: ClosureKind,
    pub reason: String,
    /// `platform:id` of who closed it, or `tandem` for the planned end.
    pub by: String,
    pub at: DateTime<Utc>,
}

/// What a member would like after their match ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Stay in touch informally (planned closures only).
    KeepInTouch,
    /// Be matched with someone new.
    NewMatch,
    /// Take a break.
    Break,
}

impl NextStep {
    pub fn as_str(self) -> &'static str {
        match self {
            NextStep::KeepInTouch => "keep_in_touch",
            NextStep::NewMatch => "new_match",
            NextStep::Break => "break",
        }
    }

    /// The choice as the member is offered it, in their language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            NextStep::KeepInTouch => Text::msg("next-keep-in-touch"),
            NextStep::NewMatch => Text::msg("next-new-match"),
            NextStep::Break => Text::msg("next-break"),
        }
    }

    pub fn parse(value: &str) -> Option<NextStep> {
        [NextStep::KeepInTouch, NextStep::NewMatch, NextStep::Break]
            .into_iter()
            .find(|n| n.as_str() == value)
    }
}

impl MatchRecord {
    /// Whether its members are on different platforms, so that their pair room is relayed
    /// (a room on each platform, each message copied to the other).
    pub fn relayed(&self) -> bool {
        self.room_platform.is_none() && self.mentee.platform != self.mentor.platform
    }

    /// The platform of the pair room: the mentee's, unless the pair share another through
    /// a linked account.
    pub fn room_platform(&self) -> super::Platform {
        self.room_platform.unwrap_or(self.mentee.platform)
    }

    /// The pair room (on [`MatchRecord::room_platform`]), once made. For a relayed pair, what is
    /// done to it is done to both sides (see `app::relay`).
    pub fn pair_room(&self) -> Option<super::RoomRef> {
        let id = self.room.clone()?;
        Some(super::RoomRef::new(self.room_platform(), id))
    }

    /// The mentor's side of a relayed pair room, once made.
    pub fn relay_side(&self) -> Option<super::RoomRef> {
        let id = self.relay_room.clone()?;
        Some(super::RoomRef::new(self.mentor.platform, id))
    }

    /// The member on `platform` and the name they gave: in a relayed pair, each side's
    /// one member (the mentee when both are on it).
    pub fn member_on(&self, platform: super::Platform) -> Option<(&UserRef, &str)> {
        if self.mentee.platform == platform {
            Some((&self.mentee, &self.mentee_name))
        } else if self.mentor.platform == platform {
            Some((&self.mentor, &self.mentor_name))
        } else {
            None
        }
    }

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

/// A match between Amina (A1) and Ola (A2) of programme `p`, proposed `at`, for the
/// domain's tests (the flows' tests build theirs from applications, `flows::testing`).
#[cfg(test)]
impl MatchRecord {
    pub(crate) fn example(id: i64, status: MatchStatus, at: DateTime<Utc>) -> MatchRecord {
        MatchRecord {
            id,
            programme: "p".into(),
            mentee_application: 1,
            mentor_application: 2,
            mentee: UserRef::console("amina"),
            mentor: UserRef::console("ola"),
            mentee_name: "Amina".into(),
            mentor_name: "Ola".into(),
            status,
            score: 0,
            reasons: vec![],
            mentee_answer: None,
            mentor_answer: None,
            deadline: None,
            room: None,
            room_platform: None,
            relay_room: None,
            frozen: false,
            created_at: at,
            closure: None,
            lifted: false,
            started_at: None,
            origin: MatchOrigin::Engine,
            introduction: None,
            next_choices: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_stored_as_english_words_still_reads_and_a_new_one_keeps_its_parts() {
        let old: Vec<Reason> =
            serde_json::from_str(r#"[["Shared goals: Writing a CV", 20], ["Excluded", 0]]"#)
                .unwrap();
        assert_eq!(old[0].said().english(), "Shared goals: Writing a CV");
        assert_eq!((old[0].points, old[1].points), (20, 0));
        assert_eq!(old[1].criterion.english(), "Excluded");
        let new = Reason {
            criterion: Text::plain("Sector"),
            detail: Text::msg("match-reason-hours").arg("count", 3usize),
            points: 25,
            criterion_at: Some(1),
        };
        let again: Reason = serde_json::from_str(&serde_json::to_string(&new).unwrap()).unwrap();
        assert_eq!(again.said().english(), "Sector: 3 hours");
        assert_eq!(again.points, 25);
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(again.said().render(es), "Sector: 3 horas");
    }

    use crate::i18n::Locale;

    fn es() -> Locale {
        Locale::from_tag("es").unwrap()
    }

    #[test]
    fn a_match_status_reads_as_its_word_in_english_and_in_the_readers_language() {
        for status in MatchStatus::ALL {
            assert_eq!(status.said().english(), status.as_str(), "{status:?}");
        }
        assert_eq!(MatchStatus::Active.said().render(es()), "activo");
        assert_eq!(MatchStatus::Closed.said().render(es()), "cerrado");
        assert_eq!(MatchStatus::Expired.said().render(es()), "caducado");
        for kind in [
            ClosureKind::Planned,
            ClosureKind::Early,
            ClosureKind::Disciplinary,
        ] {
            assert_eq!(kind.said().english(), kind.as_str());
        }
        assert_eq!(ClosureKind::Early.said().render(es()), "anticipado");
    }

    #[test]
    fn a_proposal_and_a_match_are_named_in_the_readers_language() {
        let mut m = MatchRecord::example(3, MatchStatus::Proposed, DateTime::default());
        assert_eq!(m.said_name().english(), "Proposal P3");
        assert_eq!(m.said_name().render(es()), "El emparejamiento propuesto P3");
        m.status = MatchStatus::Active;
        assert_eq!(m.said_name().english(), "Match M3");
        assert_eq!(m.said_name().render(es()), "El emparejamiento M3");
    }

    #[test]
    fn the_next_steps_are_offered_in_the_members_language() {
        assert_eq!(
            NextStep::KeepInTouch.said().english(),
            "Keep in touch informally"
        );
        assert_eq!(
            NextStep::NewMatch.said().english(),
            "Be matched with someone new"
        );
        assert_eq!(NextStep::Break.said().english(), "Take a break");
        for step in [NextStep::KeepInTouch, NextStep::NewMatch, NextStep::Break] {
            let spanish = step.said().render(es());
            assert!(
                !spanish.is_empty() && spanish != step.said().english(),
                "{step:?}"
            );
            assert_eq!(NextStep::parse(step.as_str()), Some(step));
        }
    }
}
