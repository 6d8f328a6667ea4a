//! A mentoring programme as Tandem understands it: its roles and their application forms.
//!
//! These types are built from the TOML files in `config/programs/` by `crate::config`,
//! which checks them (unique question ids, branches that point at earlier questions, non-empty
//! choice lists) before any flow sees them. Code here may therefore assume a programme is
//! well formed. To add a question kind: add a variant to [`QuestionKind`], teach
//! `config` to read it, and teach `domain::answer` to parse and display its answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{RoleKind, UserRef};
use super::screening::Screening;

/// A configured programme, e.g. a 6-month youth-employment mentoring programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    /// Short stable identifier used in commands and storage (`pathways-2027`).
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Planned length of a mentoring relationship, in months.
    pub duration_months: u32,
    /// Whether `apply` accepts new applications.
    pub applications_open: bool,
    pub texts: Texts,
    pub roles: BTreeMap<RoleKind, Role>,
    /// People who review applications and keep screening records for this programme.
    pub coordinators: Vec<UserRef>,
    /// Groups the platform defines whose members coordinate too (a Discord role, a
    /// Matrix room's power level), checked when they give a command (see `domain::staff`).
    #[serde(default)]
    pub coordinator_groups: Vec<super::staff::StaffGroup>,
    /// For one step only: people a group above made coordinators when they gave a
    /// command (`app::staff`). They coordinate like the named ones, but are never given
    /// pairs to look after (the sweep, which keeps pairs' staff, knows only names).
    #[serde(skip)]
    pub granted: Vec<UserRef>,
    /// People who moderate its cases and pairs only (beside the community's moderators).
    #[serde(default)]
    pub moderators: Vec<UserRef>,
    /// For one step only: the command was given in another programme's coordinators'
    /// room, where nobody coordinates this one (`domain::rooms::Rooms::scope`).
    #[serde(skip)]
    pub elsewhere: bool,
    /// Days between reminders to people on the waiting list (0: never).
    pub waitlist_reminder_days: u32,
    /// What happens to an active match when a member's background check lapses or fails.
    #[serde(default)]
    pub on_lapse: super::screening::OnLapse,
    /// How ready participants are matched; `None` when the programme does not match.
    pub matching: Option<super::matching::MatchingConfig>,
    /// Milestones for active matches; none when absent.
    pub schedule: Option<super::schedule::SchedulePlan>,
    /// Surveys participants are sent (by milestone or by a coordinator).
    pub surveys: Vec<super::survey::Survey>,
    /// No report or export shows a figure from fewer answers than this.
    pub anonymity_minimum: usize,
    /// The recognition certificate sent at a planned closure (`None`: no certificate).
    pub certificate: Option<CertificateDesign>,
    /// How its people write dates in numbers (`20/01/2027` or `01/20/2027`).
    #[serde(default)]
    pub date_order: super::when::DateOrder,
    /// The zone its coordinators' dates and times are read in (canonical, as
    /// [`super::timezone::TimeZone::canonical`]); `None`: UTC for dates, and a time must
    /// name its zone.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Conversation starters for pairs (`idea`, quiet pairs' nudges).
    #[serde(default)]
    pub starters: Vec<super::starters::Starter>,
    /// What its people should read or watch, by stage (`[[resources]]`).
    #[serde(default)]
    pub resources: Vec<super::resources::Resource>,
    /// How staff support active matches: check-ins, health thresholds, re-engagement.
    #[serde(default)]
    pub support: super::support::SupportPlan,
    /// Rooms of its own (`[rooms.<platform>]`): its coordinators', events room and place
    /// for pair rooms, instead of the deployment's (see `domain::rooms`).
    #[serde(default)]
    pub rooms: Vec<super::rooms::NamedRoom>,
    /// Its own texts in other languages (`[translations.<tag>]`).
    #[serde(default)]
    pub translations: super::translations::Translations,
    /// Its pair-room safety policy (`[safety]`); `None`: off.
    #[serde(default)]
    pub safety: Option<super::safety::Policy>,
    /// Its outcomes after closure (`[outcomes]`); `None`: off.
    #[serde(default)]
    pub outcomes: Option<super::outcomes::Outcomes>,
}

/// How a programme's recognition certificate looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateDesign {
    pub title: String,
    /// `#rrggbb`
    pub background: String,
    pub accent: String,
    pub text: String,
    /// Who signs it, and as what ("Programme lead").
    pub signature_name: String,
    pub signature_title: String,
}

/// Texts the programme shows at fixed points of the journey.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Texts {
    /// Shown when someone starts an application.
    pub welcome: String,
    /// Shown after an application is submitted: what happens next.
    pub submitted: String,
    /// Pair-room kickoff: the programme's ground rules.
    pub ground_rules: String,
    /// Pair-room kickoff: a first question for the pair to talk about.
    pub icebreaker: String,
    /// Pair-room kickoff: how often pairs meet.
    pub meeting_cadence: String,
    /// Days a person has to accept or decline a proposed match.
    pub answer_days: u32,
    /// Whom a person can talk to when their application cannot go ahead (other help,
    /// the team's address); empty when not configured.
    #[serde(default)]
    pub contact: String,
}

/// A role in the programme (mentor or mentee) with its own application form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub kind: RoleKind,
    /// How the role is named to people ("Mentor", "Young professional").
    pub name: String,
    pub description: String,
    pub questions: Vec<Question>,
    pub screening: Screening,
}

impl Role {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

impl Programme {
    pub fn role(&self, kind: RoleKind) -> Option<&Role> {
        self.roles.get(&kind)
    }

    pub fn survey(&self, id: &str) -> Option<&super::survey::Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }

    /// Its outcomes, when on, with the survey of their indicators.
    pub fn outcomes(&self) -> Option<(&super::outcomes::Outcomes, &super::survey::Survey)> {
        let o = self.outcomes.as_ref()?;
        Some((o, self.survey(&o.survey)?))
    }

    pub fn is_coordinator(&self, user: &UserRef) -> bool {
        !self.elsewhere && self.is_coordinator_anywhere(user)
    }

    /// Whether `user` coordinates it, wherever they are working.
    pub fn is_coordinator_anywhere(&self, user: &UserRef) -> bool {
        self.coordinators.contains(user) || self.granted.contains(user)
    }
}

/// One question of an application form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable identifier, used by `edit <id>`, branching and storage.
    pub id: String,
    /// Short name shown in the review list ("Goals").
    pub label: String,
    /// The question as asked.
    pub prompt: String,
    /// Extra guidance shown under the question.
    pub help: Option<String>,
    pub kind: QuestionKind,
    /// An optional question can be skipped with `skip`.
    pub optional: bool,
    /// Ask this question only when an earlier answer matches.
    pub show_if: Option<Condition>,
}

#[cfg(test)]
impl Question {
    /// A required question of `kind` with placeholder words (id `q`): for tests of what a
    /// kind accepts and how its answers show.
    pub(crate) fn of_kind(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            label: "Q".into(),
            prompt: "?".into(),
            help: None,
            kind,
            optional: false,
            show_if: None,
        }
    }
}

/// What kind of answer a question expects, with its limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText {
        max_length: usize,
    },
    LongText {
        min_length: usize,
        max_length: usize,
    },
    SingleChoice {
        choices: Vec<Choice>,
    },
    MultiChoice {
        choices: Vec<Choice>,
        min: usize,
        max: usize,
    },
    Number {
        min: f64,
        max: f64,
        /// Whether fractional answers (2.5) are accepted.
        decimals: bool,
    },
    YesNo,
    TimeZone,
    Languages {
        min: usize,
        max: usize,
    },
    /// The person must accept `statement` to continue.
    Consent {
        statement: String,
    },
    /// A rating from 1 to the number of labels (usually 5), each point with its label
    /// ("Very poor" … "Very good"). Stored as a number.
    Scale {
        labels: Vec<String>,
    },
    /// Net Promoter Score: "how likely are you to recommend…", a whole number from 0 to 10.
    Nps,
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::ShortText { .. } => "short_text",
            QuestionKind::LongText { .. } => "long_text",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultiChoice { .. } => "multi_choice",
            QuestionKind::Number { .. } => "number",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::TimeZone => "time_zone",
            QuestionKind::Languages { .. } => "languages",
            QuestionKind::Consent { .. } => "consent",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Nps => "nps",
        }
    }

    /// The values an answer to this question can take, where that set is closed
    /// (choices, yes/no). Used to check branch conditions.
    pub fn closed_values(&self) -> Option<Vec<String>> {
        match self {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                Some(choices.iter().map(|c| c.value.clone()).collect())
            }
            QuestionKind::YesNo => Some(vec!["yes".into(), "no".into()]),
            _ => None,
        }
    }
}

/// One option of a choice question. `value` is what is stored and matched by branches;
/// `label` is what people see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Programme {
    /// A conversation starter of its bank, as said to the reader
    /// (`[[translations.<tag>.starters]]`, in the bank's order).
    pub fn said_starter(&self, s: &super::starters::Starter) -> crate::i18n::Text {
        match self.starters.iter().position(|x| x == s) {
            Some(i) => self.said(&format!("starters.{i}.text"), &s.text),
            None => crate::i18n::Text::plain(s.text.as_str()),
        }
    }

    /// A milestone's text, as said to the reader
    /// (`[translations.<tag>.schedule.milestones.<id>]`).
    pub fn said_milestone(&self, m: &super::schedule::Milestone) -> crate::i18n::Text {
        self.said(&super::translations::milestone_path(&m.id), &m.text)
    }

    /// Its text at `path` (see `domain::translations`), whose own words are `own`, as said
    /// to a reader: in their language where the programme translated it.
    pub fn said(&self, path: &str, own: &str) -> crate::i18n::Text {
        self.translations.said(path, own)
    }

    /// Its name, as said to a reader.
    pub fn said_name(&self) -> crate::i18n::Text {
        self.said("name", &self.name)
    }

    /// The name of its role `role` (as configured when it has no such role), said inside
    /// a sentence: in lower case.
    pub fn said_role(&self, role: RoleKind) -> crate::i18n::Text {
        let own = self.role(role).map_or(role.as_str(), |r| r.name.as_str());
        crate::i18n::Text::lower(self.said(&format!("roles.{}.name", role.as_str()), own))
    }
}

impl Choice {
    /// A choice whose value is derived from its label (`"Software & IT"` → `software-it`).
    pub fn from_label(label: &str) -> Choice {
        Choice {
            value: slugify(label),
            label: label.to_string(),
        }
    }
}

/// Show a question only when the answer to `question` is one of `any_of` (for multiple
/// choice: when any selected value is one of them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}

/// Lower-case ASCII letters and digits, words joined by `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars().flat_map(|c| c.to_lowercase()) {
        if ch.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(ch);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_words_and_drops_punctuation() {
        assert_eq!(slugify("Software & IT"), "software-it");
        assert_eq!(slugify("  Health care "), "health-care");
        assert_eq!(slugify("Café"), "café");
    }
}
