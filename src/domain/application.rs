//! Applications: what a person submitted to a programme, and where it stands.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::answer::Answer;
use super::ids::{RoleKind, UserRef};
use super::screening::{Evaluation, StepState};

/// Where an application stands.
///
/// On submit the screening rules move it to `approved` (eligible), `ineligible` or
/// `needs_review`. Reviewers move `needs_review` (and `info_requested`, `waitlisted`) on to
/// `approved`, `rejected`, `waitlisted` or `info_requested`. An `approved` participant
/// becomes `ready` (can be matched) once every screening step is complete, and falls back
/// to `approved` when a check expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Stored before screening existed; treated like `needs_review`.
    Submitted,
    NeedsReview,
    InfoRequested,
    Waitlisted,
    Approved,
    Ready,
    Ineligible,
    Rejected,
    Withdrawn,
    /// Accepted, after a match ended: out of the matching pool until they ask for a new
    /// match.
    Resting,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 10] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::NeedsReview,
        ApplicationStatus::InfoRequested,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::Approved,
        ApplicationStatus::Ready,
        ApplicationStatus::Ineligible,
        ApplicationStatus::Rejected,
        ApplicationStatus::Withdrawn,
        ApplicationStatus::Resting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::NeedsReview => "needs_review",
            ApplicationStatus::InfoRequested => "info_requested",
            ApplicationStatus::Waitlisted => "waitlisted",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Ready => "ready",
            ApplicationStatus::Ineligible => "ineligible",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Withdrawn => "withdrawn",
            ApplicationStatus::Resting => "resting",
        }
    }

    /// The status in a few words, for staff (cards, the queue, figures); what `{status}`
    /// prints. The snake_case code ([`ApplicationStatus::as_str`]) is for storage and
    /// exports only, never for a message.
    pub fn label(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::NeedsReview => "needs review",
            ApplicationStatus::InfoRequested => "info requested",
            ApplicationStatus::Waitlisted => "waitlisted",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Ready => "ready",
            ApplicationStatus::Ineligible => "not eligible",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Withdrawn => "withdrawn",
            ApplicationStatus::Resting => "resting",
        }
    }

    /// [`ApplicationStatus::label`], said to staff in their language.
    pub fn said_label(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            ApplicationStatus::Submitted => Text::msg("application-status-submitted"),
            ApplicationStatus::NeedsReview => Text::msg("application-status-needs-review"),
            ApplicationStatus::InfoRequested => Text::msg("application-status-info-requested"),
            ApplicationStatus::Waitlisted => Text::msg("application-status-waitlisted"),
            ApplicationStatus::Approved => Text::msg("application-status-approved"),
            ApplicationStatus::Ready => Text::msg("application-status-ready"),
            ApplicationStatus::Ineligible => Text::msg("application-status-ineligible"),
            ApplicationStatus::Rejected => Text::msg("application-status-rejected"),
            ApplicationStatus::Withdrawn => Text::msg("application-status-withdrawn"),
            ApplicationStatus::Resting => Text::msg("application-status-resting"),
        }
    }

    /// How the status reads to the applicant, in their language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            ApplicationStatus::Submitted | ApplicationStatus::NeedsReview => {
                Text::msg("stage-submitted")
            }
            ApplicationStatus::InfoRequested => Text::msg("stage-info-requested"),
            ApplicationStatus::Waitlisted => Text::msg("stage-waitlisted"),
            ApplicationStatus::Approved => Text::msg("stage-approved"),
            ApplicationStatus::Ready => Text::msg("stage-ready"),
            ApplicationStatus::Ineligible => Text::msg("stage-ineligible"),
            ApplicationStatus::Rejected => Text::msg("stage-rejected"),
            ApplicationStatus::Withdrawn => Text::msg("stage-withdrawn"),
            ApplicationStatus::Resting => Text::msg("stage-resting"),
        }
    }

    /// Whether this application still counts, so the person cannot apply again.
    pub fn is_active(self) -> bool {
        !matches!(self, ApplicationStatus::Withdrawn)
    }

    /// Whether a reviewer's decision is still awaited.
    pub fn awaits_review(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Submitted
                | ApplicationStatus::NeedsReview
                | ApplicationStatus::InfoRequested
                | ApplicationStatus::Waitlisted
        )
    }

    /// Whether the person was accepted into the programme (screening steps under way or done).
    pub fn is_accepted(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Approved | ApplicationStatus::Ready | ApplicationStatus::Resting
        )
    }
}

/// Where an application stands, read the same way by the participant (`status`), the
/// programme's figures and the exports: its status, except that an accepted application
/// in a match that went ahead is `matched`, and one with an offer waiting for answers is
/// `offered` (no longer "ready to be matched", whatever the matching pool still counts for
/// a mentor with places left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Status(ApplicationStatus),
    Offered,
    Matched,
}

impl Stage {
    /// The stage of `app`, given the matches it is in (others are passed over).
    pub fn of(app: &ApplicationSummary, matches: &[super::matches::MatchRecord]) -> Stage {
        Stage::of_each([app], matches)
            .remove(&app.id)
            .unwrap_or(Stage::Status(app.status))
    }

    /// Every application's stage, by application number, reading each match once (the
    /// figures and the exports take a whole programme at a time).
    pub fn of_each<'a>(
        apps: impl IntoIterator<Item = &'a ApplicationSummary>,
        matches: &[super::matches::MatchRecord],
    ) -> std::collections::HashMap<i64, Stage> {
        use super::matches::MatchStatus;
        // The furthest an application's matches went: offered, or matched.
        let mut furthest: std::collections::HashMap<i64, Stage> = std::collections::HashMap::new();
        for m in matches {
            let stage = match m.status {
                MatchStatus::Active => Stage::Matched,
                MatchStatus::Approved => Stage::Offered,
                _ => continue,
            };
            for id in [m.mentee_application, m.mentor_application] {
                let at = furthest.entry(id).or_insert(stage);
                if stage == Stage::Matched {
                    *at = Stage::Matched;
                }
            }
        }
        apps.into_iter()
            .map(|app| {
                let accepted = matches!(
                    app.status,
                    ApplicationStatus::Approved | ApplicationStatus::Ready
                );
                let stage = furthest
                    .get(&app.id)
                    .copied()
                    .filter(|_| accepted)
                    .unwrap_or(Stage::Status(app.status));
                (app.id, stage)
            })
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Status(s) => s.as_str(),
            Stage::Offered => "offered",
            Stage::Matched => "matched",
        }
    }

    /// The stage in a few words, for staff (see [`ApplicationStatus::label`]).
    pub fn label(self) -> &'static str {
        match self {
            Stage::Status(s) => s.label(),
            Stage::Offered => "offered",
            Stage::Matched => "matched",
        }
    }

    /// [`Stage::label`], said to staff in their language.
    pub fn said_label(self) -> crate::i18n::Text {
        match self {
            Stage::Status(s) => s.said_label(),
            Stage::Offered => crate::i18n::Text::msg("application-stage-offered"),
            Stage::Matched => crate::i18n::Text::msg("application-stage-matched"),
        }
    }

    /// The stage in words, said to the person it is about in their language.
    pub fn said(self) -> crate::i18n::Text {
        match self {
            Stage::Status(s) => s.said(),
            Stage::Offered => crate::i18n::Text::msg("stage-offered"),
            Stage::Matched => crate::i18n::Text::msg("stage-matched"),
        }
    }
}

/// Its label in English, for logs; a reader is told [`ApplicationStatus::said_label`].
impl fmt::Display for ApplicationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for ApplicationStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApplicationStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown application status `{s}`"))
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
    /// The status it starts in, from the screening rules' outcome.
    pub status: ApplicationStatus,
    /// What the screening rules decided, and why.
    pub evaluation: Evaluation,
    /// The application the rules refused that this one takes the place of (its applicant
    /// re-opened it to correct an answer, or to apply again): stored under its number.
    pub reopens: Option<i64>,
    /// Where it came from (`announcement`, `referral:<code>`); `None`: typed `apply`.
    pub source: Option<String>,
}

/// What flows need to know about a person's existing applications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: i64,
    pub programme: String,
    pub role: RoleKind,
    pub status: ApplicationStatus,
    pub submitted_at: DateTime<Utc>,
    /// Screening steps recorded so far, by step id.
    pub steps: BTreeMap<String, StepState>,
    /// For a waitlisted application: its place in the programme's waiting list for its
    /// role, and the list's length.
    pub waitlist_position: Option<(usize, usize)>,
    /// The name the applicant gave (their answer to a `name` question), for staff to read
    /// beside the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where it came from (see [`NewApplication::source`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ApplicationSummary {
    /// How staff see the applicant: `A12 Amina`, or the platform id when no name was given.
    pub fn who(&self, applicant: &crate::domain::UserRef) -> String {
        format!(
            "{} {}",
            crate::domain::numbers::application(self.id),
            self.name.as_deref().unwrap_or(&applicant.id)
        )
    }
}

/// A decision recorded on an application: who moved it from which status to which, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub from: ApplicationStatus,
    pub to: ApplicationStatus,
    /// `platform:id` of the reviewer, or `screening rules` / `tandem` for automatic moves.
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// A question a reviewer asked the applicant, and the answer once given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewQuestion {
    pub id: i64,
    pub question: String,
    pub asked_by: String,
    pub asked_at: DateTime<Utc>,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// A coordinator's private note on an application: shown on its card, never sent to the
/// applicant (it is in their data export).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationNote {
    pub by: String,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// Everything stored about one application, for reviewers' cards and commands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationRecord {
    pub summary: ApplicationSummary,
    pub applicant: UserRef,
    pub answers: Vec<(String, Answer)>,
    pub evaluation: Option<Evaluation>,
    /// Oldest first.
    pub decisions: Vec<DecisionRecord>,
    /// Oldest first.
    pub questions: Vec<ReviewQuestion>,
    /// Coordinators' private notes, oldest first.
    #[serde(default)]
    pub notes: Vec<ApplicationNote>,
    /// The platform of the account the applicant linked (`domain::accounts`), where they
    /// can meet too: filled in by the app where matching reads it.
    #[serde(default)]
    pub also_on: Option<super::Platform>,
}

impl ApplicationRecord {
    pub fn answers_map(&self) -> BTreeMap<String, Answer> {
        self.answers.iter().cloned().collect()
    }

    /// Whether the applicant can meet on `platform`: theirs, or their linked account's.
    pub fn is_on(&self, platform: super::Platform) -> bool {
        self.applicant.platform == platform || self.also_on == Some(platform)
    }

    /// Whether the two can meet on one platform (their rooms need no relay).
    pub fn shares_a_platform_with(&self, other: &ApplicationRecord) -> bool {
        self.is_on(other.applicant.platform) || other.also_on.is_some_and(|p| self.is_on(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::RuleOutcome;

    #[test]
    fn a_status_shown_in_a_message_reads_as_words_never_as_its_code() {
        for status in ApplicationStatus::ALL {
            for shown in [status.to_string(), status.said().english()] {
                assert!(!shown.contains('_'), "{status:?} shows as {shown}");
            }
            assert_eq!(status.to_string(), status.label());
            assert_eq!(status.as_str().parse(), Ok(status), "the code still parses");
        }
        assert_eq!(ApplicationStatus::NeedsReview.to_string(), "needs review");
        assert_eq!(ApplicationStatus::Ineligible.to_string(), "not eligible");
        for outcome in [
            RuleOutcome::Eligible,
            RuleOutcome::NeedsReview,
            RuleOutcome::Ineligible,
        ] {
            assert!(!outcome.said().english().contains('_'), "{outcome:?}");
            assert_eq!(outcome.as_str().parse(), Ok(outcome));
        }
        for stage in [Stage::Offered, Stage::Matched] {
            assert!(!stage.label().contains('_'));
        }
    }

    #[test]
    fn a_status_is_said_to_staff_in_their_language_and_reads_as_its_label_in_english() {
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        for status in ApplicationStatus::ALL {
            assert_eq!(status.said_label().english(), status.label(), "{status:?}");
            assert_eq!(Stage::Status(status).said_label(), status.said_label());
        }
        for stage in [Stage::Offered, Stage::Matched] {
            assert_eq!(stage.said_label().english(), stage.label());
        }
        assert_eq!(
            ApplicationStatus::NeedsReview.said_label().render(es),
            "pendiente de revisión"
        );
        assert_eq!(
            ApplicationStatus::Ineligible.said_label().render(es),
            "no admisible"
        );
        assert_eq!(Stage::Matched.said_label().render(es), "emparejada");
    }
}
