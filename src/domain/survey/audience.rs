//! Who a coordinator sends a survey (or a broadcast) to: the words they type, which are the
//! same in every language, and what each audience is called when it is said.

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::RoleKind;
use crate::i18n::Text;

/// Who a coordinator sends a survey to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Every accepted participant.
    All,
    Role(RoleKind),
    /// Everyone in an active match.
    Matched,
    /// Everyone accepted and not in an active match yet, and everyone on the waiting list.
    Waiting,
    /// Everyone whose match began in this month.
    Cohort {
        year: i32,
        month: u32,
    },
    /// Past participants: everyone whose match reached its planned end, and who is not in
    /// an active match now. A broadcast to them invites them to apply as mentors.
    Alumni,
}

impl Audience {
    /// The audiences a coordinator can name, with what each means (the words typed stay
    /// as typed in every language).
    pub fn usage() -> Text {
        Text::msg("audiences")
    }

    /// The audience `text` names, or why none.
    pub fn parse(text: &str) -> Result<Audience, Text> {
        let t = text.trim().to_lowercase();
        let t = t.strip_prefix("cohort").map(str::trim).unwrap_or(&t);
        match t {
            "all" | "everyone" => Ok(Audience::All),
            "mentors" | "mentor" => Ok(Audience::Role(RoleKind::Mentor)),
            "mentees" | "mentee" => Ok(Audience::Role(RoleKind::Mentee)),
            "matched" | "active" => Ok(Audience::Matched),
            "waiting" | "unmatched" => Ok(Audience::Waiting),
            "alumni" | "graduates" => Ok(Audience::Alumni),
            other => {
                let parsed = other.split_once('-').and_then(|(y, m)| {
                    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
                    ((2000..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
                });
                match parsed {
                    Some((year, month)) => Ok(Audience::Cohort { year, month }),
                    None => Err(Text::msg("audience-unknown")
                        .arg("audience", crate::domain::text::preview(text.trim(), 30))
                        .arg("audiences", Audience::usage())),
                }
            }
        }
    }

    /// Who it is, in English: what a survey round stores of how its recipients were
    /// chosen (a reader is told [`Audience::said`]).
    pub fn describe(self) -> String {
        match self {
            Audience::All => "all participants".into(),
            Audience::Role(RoleKind::Mentor) => "mentors".into(),
            Audience::Role(RoleKind::Mentee) => "mentees".into(),
            Audience::Matched => "people in an active match".into(),
            Audience::Waiting => "people waiting to be matched".into(),
            Audience::Cohort { year, month } => format!("the {year}-{month:02} cohort"),
            Audience::Alumni => "alumni".into(),
        }
    }

    /// Who it is, as said to a reader (`people in an active match`).
    pub fn said(self) -> Text {
        match self {
            Audience::All => Text::msg("audience-all"),
            Audience::Role(RoleKind::Mentor) => Text::msg("audience-mentors"),
            Audience::Role(RoleKind::Mentee) => Text::msg("audience-mentees"),
            Audience::Matched => Text::msg("audience-matched"),
            Audience::Waiting => Text::msg("audience-waiting"),
            Audience::Cohort { year, month } => {
                Text::msg("audience-cohort").arg("cohort", format!("{year}-{month:02}"))
            }
            Audience::Alumni => Text::msg("audience-alumni"),
        }
    }

    /// Whether `m`, a match of one of them, makes its members alumni: it reached its
    /// planned end ([`Audience::Alumni`]; not being in an active match is checked apart).
    pub fn graduated(m: &crate::domain::matches::MatchRecord) -> bool {
        m.status == crate::domain::matches::MatchStatus::Closed
            && m.closure
                .as_ref()
                .is_some_and(|c| c.kind == crate::domain::matches::ClosureKind::Planned)
    }

    /// Whether someone whose application is `status` and who is (`matched`) or is not in an
    /// active match is in [`Audience::Waiting`].
    pub fn is_waiting(status: crate::domain::ApplicationStatus, matched: bool) -> bool {
        use crate::domain::ApplicationStatus as S;
        (matches!(status, S::Approved | S::Ready) && !matched) || status == S::Waitlisted
    }

    /// Whether a match that began at `started` belongs to this cohort.
    pub fn in_cohort(self, started: DateTime<Utc>) -> bool {
        match self {
            Audience::Cohort { year, month } => started.year() == year && started.month() == month,
            _ => false,
        }
    }
}
