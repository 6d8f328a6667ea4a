//! A programme's resources: what its people should read or watch, and when (`[[resources]]`
//! in the programme file): an orientation video, a training course, ideas for the first
//! month, a guide for the midpoint and for closing well.
//!
//! Each resource is for a stage of the journey ([`Stage`]) and for some roles. Where a
//! person stands is read from their application and matches ([`stage_of`]); `resources`
//! lists what fits them, and `done <n>` records that they have read one. A screening
//! acknowledgement can name a resource (the orientation): acknowledging it marks the
//! resource read, and reading the resource acknowledges it. A milestone can bring one to a
//! pair room. Coordinators see who has and has not read each.
//!
//! A resource's number is its place in the programme's list, counted across the
//! programmes the person is in (in their order), so `done 3` means the same whichever list
//! showed it. To add a stage: a [`Stage`] variant, its name in [`Stage::NAMES`], its
//! message in the catalogues (`resource-stage-…`), and where [`stage_of`] puts people in it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::application::{ApplicationStatus, ApplicationSummary};
use super::ids::RoleKind;
use super::matches::{MatchRecord, MatchStatus};
use super::programme::Programme;

/// A stage of the journey, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Applying and being screened.
    Orientation,
    /// Accepted, getting ready to be matched.
    Training,
    /// The first month of a match.
    FirstMonth,
    /// From the first month to the last.
    Midpoint,
    /// The last month of a match, and after it.
    Closure,
}

impl Stage {
    pub const NAMES: [(&'static str, Stage); 5] = [
        ("orientation", Stage::Orientation),
        ("training", Stage::Training),
        ("first_month", Stage::FirstMonth),
        ("midpoint", Stage::Midpoint),
        ("closure", Stage::Closure),
    ];

    pub fn name(self) -> &'static str {
        Stage::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("orientation", |(n, _)| n)
    }

    /// The stage, as said to a reader.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Stage::Orientation => Text::msg("resource-stage-orientation"),
            Stage::Training => Text::msg("resource-stage-training"),
            Stage::FirstMonth => Text::msg("resource-stage-first-month"),
            Stage::Midpoint => Text::msg("resource-stage-midpoint"),
            Stage::Closure => Text::msg("resource-stage-closure"),
        }
    }
}

/// Where a resource is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An http(s) address.
    Link(String),
    /// A file beside the programme file, sent as an attachment (its full path, checked
    /// when the programme was read).
    File(String),
}

/// One resource of a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// Stable, to record who read it (`orientation-video`).
    pub id: String,
    pub title: String,
    /// A line on what it is and why (may be empty).
    #[serde(default)]
    pub description: String,
    pub source: Source,
    pub stage: Stage,
    /// The roles it is for (empty: everyone).
    #[serde(default)]
    pub roles: Vec<RoleKind>,
}

impl Resource {
    pub fn is_for(&self, role: RoleKind) -> bool {
        self.roles.is_empty() || self.roles.contains(&role)
    }

    /// Its path among the programme's translatable texts (`resources.<id>.<field>`).
    pub fn path(&self, field: &str) -> String {
        format!("resources.{}.{field}", self.id)
    }
}

/// That someone read a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceRead {
    pub programme: String,
    pub resource: String,
    pub at: DateTime<Utc>,
}

/// Days a match's first month lasts, and the closing month before its planned end.
const MONTH_DAYS: i64 = 30;

/// Where the person of `app` stands in `programme` at `now`, given the matches they are
/// in (any programme's: only this application's count). `None`: their application went
/// no further (withdrawn, refused), and no resource is for them.
pub fn stage_of(
    programme: &Programme,
    app: &ApplicationSummary,
    matches: &[MatchRecord],
    now: DateTime<Utc>,
) -> Option<Stage> {
    // An application that went no further is no one's stage, whatever its matches were.
    if matches!(
        app.status,
        ApplicationStatus::Withdrawn | ApplicationStatus::Rejected | ApplicationStatus::Ineligible
    ) {
        return None;
    }
    let own = |m: &&MatchRecord| {
        m.programme == programme.slug
            && (m.mentee_application == app.id || m.mentor_application == app.id)
    };
    // The latest active one counts; a closed one puts them at the close.
    if let Some(m) = matches
        .iter()
        .filter(own)
        .filter(|m| m.status == MatchStatus::Active)
        .max_by_key(|m| m.started())
    {
        let days = (now - m.started()).num_days();
        let planned = i64::from(programme.duration_months.max(1)) * MONTH_DAYS;
        return Some(if days < MONTH_DAYS {
            Stage::FirstMonth
        } else if days >= planned - MONTH_DAYS {
            Stage::Closure
        } else {
            Stage::Midpoint
        });
    }
    if matches
        .iter()
        .filter(own)
        .any(|m| m.status == MatchStatus::Closed)
    {
        return Some(Stage::Closure);
    }
    match app.status {
        ApplicationStatus::Withdrawn
        | ApplicationStatus::Rejected
        | ApplicationStatus::Ineligible => None,
        ApplicationStatus::Resting => Some(Stage::Closure),
        ApplicationStatus::Approved | ApplicationStatus::Ready => Some(Stage::Training),
        ApplicationStatus::Submitted
        | ApplicationStatus::NeedsReview
        | ApplicationStatus::InfoRequested
        | ApplicationStatus::Waitlisted => Some(Stage::Orientation),
    }
}

/// A resource as a person sees it: its number, programme and whether it is theirs now.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<'a> {
    /// Its number in `resources` and `done` (from 1).
    pub n: usize,
    pub programme: &'a Programme,
    pub resource: &'a Resource,
    /// The person's stage in that programme, if they are in it.
    pub stage: Option<Stage>,
    /// The role they are in it as, if they are.
    pub role: Option<RoleKind>,
}

impl Listed<'_> {
    /// Whether it is for them now: for their role, and of their stage or an earlier one.
    pub fn is_due(&self) -> bool {
        match (self.stage, self.role) {
            (Some(stage), Some(role)) => self.resource.is_for(role) && self.resource.stage <= stage,
            _ => false,
        }
    }

    /// Whether it is for their role, whatever their stage.
    pub fn is_theirs(&self) -> bool {
        self.role.is_some_and(|r| self.resource.is_for(r))
    }
}

/// Every resource of the programmes the person has applied to (their newest application
/// in each that went anywhere), numbered in the programmes' order.
pub fn numbered<'a>(
    programmes: &'a [Programme],
    applications: &[ApplicationSummary],
    matches: &[MatchRecord],
    now: DateTime<Utc>,
) -> Vec<Listed<'a>> {
    let mut out = Vec::new();
    let mut n = 0;
    for programme in programmes {
        // Newest first: the first that is not at an end.
        let placed = applications
            .iter()
            .filter(|a| a.programme == programme.slug)
            .find_map(|a| stage_of(programme, a, matches, now).map(|s| (s, a.role)));
        if placed.is_none() {
            // A programme they are not in is not theirs to number.
            continue;
        }
        for resource in &programme.resources {
            n += 1;
            out.push(Listed {
                n,
                programme,
                resource,
                stage: placed.map(|(s, _)| s),
                role: placed.map(|(_, r)| r),
            });
        }
    }
    out
}

/// The resource `typed` names among `listed`: its number or its id (`3`, `#3`,
/// `#welcome-guide`, `welcome-guide`).
pub fn find<'a, 'b>(listed: &'b [Listed<'a>], typed: &str) -> Option<&'b Listed<'a>> {
    let typed = typed.trim().trim_start_matches('#');
    match typed.parse::<usize>() {
        Ok(n) => listed.iter().find(|l| l.n == n),
        Err(_) => listed
            .iter()
            .find(|l| l.resource.id.eq_ignore_ascii_case(typed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::{a_match, application, pathways};

    fn at(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + days * 86_400, 0).unwrap()
    }

    #[test]
    fn a_person_moves_from_orientation_to_closure_as_their_application_and_match_go() {
        let programme = pathways();
        let mut app = application(1, "amina", RoleKind::Mentee, ApplicationStatus::NeedsReview);
        let stage_alone = |app: &ApplicationSummary| stage_of(&programme, app, &[], at(0));
        assert_eq!(stage_alone(&app.summary), Some(Stage::Orientation));
        app.summary.status = ApplicationStatus::Approved;
        assert_eq!(stage_alone(&app.summary), Some(Stage::Training));
        let mentor = application(2, "grace", RoleKind::Mentor, ApplicationStatus::Ready);
        let mut m = a_match(7, &app, &mentor, MatchStatus::Active);
        m.started_at = Some(at(0));
        let summary = app.summary.clone();
        let stage =
            |m: &MatchRecord, day| stage_of(&programme, &summary, std::slice::from_ref(m), at(day));
        assert_eq!(stage(&m, 3), Some(Stage::FirstMonth));
        assert_eq!(stage(&m, 40), Some(Stage::Midpoint));
        let months = i64::from(programme.duration_months);
        assert_eq!(stage(&m, months * 30 - 10), Some(Stage::Closure));
        m.status = MatchStatus::Closed;
        assert_eq!(stage(&m, 3), Some(Stage::Closure));
        let withdrawn = ApplicationSummary {
            status: ApplicationStatus::Withdrawn,
            ..summary.clone()
        };
        assert_eq!(
            stage_of(&programme, &withdrawn, std::slice::from_ref(&m), at(3)),
            None,
            "withdrawn mid-match: no stage"
        );
        app.summary.status = ApplicationStatus::Withdrawn;
        assert_eq!(stage_alone(&app.summary), None);
    }
}
