//! Applications: what a person submitted to a programme, and where it stands.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::ids::{RoleKind, UserRef};

/// Where an application stands. Screening (a later stage) moves it on from `Submitted`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Submitted,
    Withdrawn,
}

impl ApplicationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    /// Whether this application still counts, so the person cannot apply again.
    pub fn is_active(self) -> bool {
        !matches!(self, ApplicationStatus::Withdrawn)
    }
}

impl fmt::Display for ApplicationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ApplicationStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "submitted" => Ok(ApplicationStatus::Submitted),
            "withdrawn" => Ok(ApplicationStatus::Withdrawn),
            other => Err(format!("unknown application status `{other}`")),
        }
    }
}

/// An application ready to be stored: produced by the application flow on `submit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewApplication {
    pub programme: String,
    pub role: RoleKind,
    pub applicant: UserRef,
    /// Answers in form order, only for questions that were shown.
    pub answers: Vec<(String, Answer)>,
    pub submitted_at: DateTime<Utc>,
}

/// What flows need to know about a person's existing applications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: i64,
    pub programme: String,
    pub role: RoleKind,
    pub status: ApplicationStatus,
    pub submitted_at: DateTime<Utc>,
}
