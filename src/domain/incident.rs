//! Incident reports and moderation cases.
//!
//! A case holds what was reported, how urgent it is, and where it stands. Who reported it is
//! never part of what moderators see for an anonymous case: storage keeps the reporter sealed
//! (encrypted) and only reveals it after two different moderators ask for it.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::UserRef;

/// Who moderates, who is on call, and what can be reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moderation {
    /// Everyone who moderates: the community's moderators and each programme's.
    pub moderators: Vec<UserRef>,
    /// Moderators of some programmes only (a programme file's `moderators`), with those
    /// programmes: they work only those programmes' cases and pairs. Everyone else in
    /// `moderators` works every case.
    #[serde(default)]
    pub limited: Vec<(UserRef, Vec<String>)>,
    /// Pinged at once for safeguarding categories.
    pub on_call: Vec<UserRef>,
    pub categories: Vec<ReportCategory>,
    /// Reports one person may send in 24 hours (0: no limit).
    pub max_reports_per_day: u32,
    /// An unclaimed urgent or safeguarding case pings the on-call moderators again after
    /// this many minutes (0: never).
    pub escalate_after_minutes: u32,
    /// Who receives a case that names a moderator (that moderator cannot see it).
    pub escalation_contact: Option<UserRef>,
    /// Files a reporter may send as evidence.
    #[serde(default)]
    pub evidence: EvidenceLimits,
    /// Other names people know a moderator (or the escalation contact) by: configured
    /// aliases and the display names the platforms give. A report naming one of them
    /// goes only to the escalation contact.
    #[serde(default)]
    pub aliases: Vec<(UserRef, Vec<String>)>,
    /// Years safeguarding records about a person (reports about them, failed checks,
    /// suspensions) are kept after they erase their data.
    #[serde(default = "default_retention_years")]
    pub retention_years: u32,
}

/// Six years unless the settings say otherwise; the exact figure is the safeguarding
/// lead's decision.
pub fn default_retention_years() -> u32 {
    6
}

impl Default for Moderation {
    fn default() -> Self {
        Moderation {
            moderators: vec![],
            limited: vec![],
            on_call: vec![],
            categories: vec![],
            max_reports_per_day: 0,
            escalate_after_minutes: 0,
            escalation_contact: None,
            evidence: EvidenceLimits::default(),
            retention_years: default_retention_years(),
            aliases: vec![],
        }
    }
}

/// How many files a report may carry, and how large each may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLimits {
    /// Files per report, or per answer to a moderator's question (0: none taken).
    pub files: u32,
    /// Largest file, in bytes.
    pub max_bytes: u64,
}

impl Default for EvidenceLimits {
    /// Five files of up to 8 MB: under Discord's upload limit for a server without boosts,
    /// so moderators can be shown every file the bot took.
    fn default() -> Self {
        EvidenceLimits {
            files: 5,
            max_bytes: 8 * 1024 * 1024,
        }
    }
}

/// What moderators may know about a file kept as a case's evidence. Its original name is
/// not here: it may name the reporter, so moderators see `case-<n>-file-<k>.<ext>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub id: i64,
    pub mime: String,
    pub size: u64,
}

impl EvidenceFile {
    /// The neutral name a file is shown under: `case-4-file-2.png`.
    pub fn shown_name(&self, case_id: i64, number: usize) -> String {
        format!("case-{case_id}-file-{number}.{}", extension(&self.mime))
    }

    /// `image/png, 120 KB`, in the reader's language.
    pub fn said(&self) -> crate::i18n::Text {
        crate::i18n::Text::msg("evidence-file")
            .arg("mime", &self.mime)
            .arg("size", super::text::said_file_size(self.size))
    }
}

/// A file extension for a media type, `bin` when unknown.
pub fn extension(mime: &str) -> &'static str {
    match mime.split(';').next().unwrap_or("").trim() {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/heic" => "heic",
        "application/pdf" => "pdf",
        "text/plain" => "txt",
        "video/mp4" => "mp4",
        "video/quicktime" => "mov",
        "audio/mpeg" => "mp3",
        "audio/ogg" => "ogg",
        "audio/mp4" => "m4a",
        _ => "bin",
    }
}

/// First words of a display name that are not a first name ("The Moderator", "Mrs
/// Okafor"): matching them alone would send every report that uses them to the escalation
/// contact.
const NOT_A_FIRST_NAME: &[&str] = &[
    "the",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "prof",
    "mod",
    "moderator",
    "admin",
    "team",
    "coach",
    "mentor",
    "staff",
    "bot",
    "your",
    "our",
];

impl Moderation {
    /// Whether `user` moderates anything (the community, or a programme).
    pub fn is_moderator(&self, user: &UserRef) -> bool {
        self.moderators.contains(user)
    }

    /// Whether `user` moderates the whole community, not only some programmes.
    pub fn is_community_moderator(&self, user: &UserRef) -> bool {
        self.is_moderator(user) && !self.limited.iter().any(|(u, _)| u == user)
    }

    /// Whether `user` may work what belongs to `programme` (`None`: no programme in
    /// particular, which only the community's moderators work).
    pub fn moderates(&self, user: &UserRef, programme: Option<&str>) -> bool {
        if !self.is_moderator(user) {
            return false;
        }
        match self.limited.iter().find(|(u, _)| u == user) {
            None => true,
            Some((_, theirs)) => programme.is_some_and(|p| theirs.iter().any(|t| t == p)),
        }
    }

    /// Adds `user` as a moderator of `programme` only, unless they moderate the whole
    /// community already.
    pub fn add_programme_moderator(&mut self, user: &UserRef, programme: &str) {
        if self.is_community_moderator(user) {
            return;
        }
        if !self.moderators.contains(user) {
            self.moderators.push(user.clone());
        }
        match self.limited.iter_mut().find(|(u, _)| u == user) {
            Some((_, theirs)) => {
                if !theirs.iter().any(|t| t == programme) {
                    theirs.push(programme.to_string());
                }
            }
            None => self
                .limited
                .push((user.clone(), vec![programme.to_string()])),
        }
    }

    pub fn is_escalation_contact(&self, user: &UserRef) -> bool {
        self.escalation_contact.as_ref() == Some(user)
    }

    /// The words that name `person`: their id, a Matrix id's local part, their aliases
    /// and display names, and the first word of each of those (a first name) when it is
    /// long enough to be one. Saying too much only sends a case to the escalation
    /// contact; saying too little would show it to the person it is about.
    pub fn names_of(&self, person: &UserRef) -> Vec<String> {
        let mut words = vec![person.id.clone()];
        if let Some((local, _)) = person.id.strip_prefix('@').and_then(|i| i.split_once(':')) {
            words.push(local.to_string());
        }
        for (_, aliases) in self.aliases.iter().filter(|(u, _)| u == person) {
            for alias in aliases {
                words.push(alias.trim().to_string());
                if let Some(first) = alias.split_whitespace().next()
                    && first.chars().count() >= 3
                    && !NOT_A_FIRST_NAME.contains(&first.to_lowercase().as_str())
                    && alias.split_whitespace().nth(1).is_some()
                {
                    words.push(first.to_string());
                }
            }
        }
        words.retain(|w| w.chars().count() >= 2);
        words.sort();
        words.dedup();
        words
    }

    /// Adds `names` to `person`'s aliases (a platform's display names for them), leaving
    /// out blanks, names too short to recognise (under two characters) and names already
    /// known in any case. Returns how many were added.
    pub fn add_aliases(
        &mut self,
        person: &UserRef,
        names: impl IntoIterator<Item = String>,
    ) -> usize {
        let mut known: Vec<String> = self
            .aliases
            .iter()
            .filter(|(u, _)| u == person)
            .flat_map(|(_, names)| names.iter().map(|n| n.to_lowercase()))
            .collect();
        let mut new = Vec::new();
        for name in names {
            let name = name.trim();
            let lower = name.to_lowercase();
            if name.chars().count() < 2 || known.contains(&lower) {
                continue;
            }
            known.push(lower);
            new.push(name.to_string());
        }
        let added = new.len();
        match self.aliases.iter_mut().find(|(u, _)| u == person) {
            Some((_, names)) => names.extend(new),
            None if added > 0 => self.aliases.push((person.clone(), new)),
            None => {}
        }
        added
    }

    /// Whether any of `texts` names `person`, as a whole word.
    pub fn names(&self, person: &UserRef, texts: &[&str]) -> bool {
        let words = self.names_of(person);
        texts
            .iter()
            .any(|t| words.iter().any(|w| super::text::contains_word(t, w)))
    }

    /// The moderators `texts` name.
    pub fn moderators_named(&self, texts: &[&str]) -> Vec<&UserRef> {
        self.moderators
            .iter()
            .filter(|m| self.names(m, texts))
            .collect()
    }

    pub fn category(&self, id: &str) -> Option<&ReportCategory> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// The reporter's answer to "does this concern a member of the moderation team?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AboutStaff {
    Yes,
    No,
    RatherNotSay,
}

impl AboutStaff {
    pub fn as_str(self) -> &'static str {
        match self {
            AboutStaff::Yes => "yes",
            AboutStaff::No => "no",
            AboutStaff::RatherNotSay => "rather_not_say",
        }
    }
}

impl FromStr for AboutStaff {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "yes" => Ok(AboutStaff::Yes),
            "no" => Ok(AboutStaff::No),
            "rather_not_say" => Ok(AboutStaff::RatherNotSay),
            other => Err(format!("not an answer about staff: {other}")),
        }
    }
}

/// One of the sender's own reports of the last day, for the rate limit and for joining a
/// repeated report to the case it repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnReport {
    pub case_id: i64,
    /// Restricted to the escalation contact: a report is joined only to a case seen by
    /// the same people.
    #[serde(default)]
    pub restricted: bool,
    pub concerns: Option<String>,
    pub severity: Severity,
    pub status: CaseStatus,
    pub created_at: DateTime<Utc>,
    /// The case's programme: a report is joined only to a case of the same programme,
    /// whose moderators work both.
    #[serde(default)]
    pub programme: Option<String>,
}

/// A kind of report, as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCategory {
    pub id: String,
    pub label: String,
    /// Safeguarding categories ping the on-call moderators at once.
    pub safeguarding: bool,
    /// Its label in other languages, by tag, as the settings give them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<(String, String)>,
}

impl ReportCategory {
    /// Its label as said to a reader: a built-in category's from the catalogue (in every
    /// shipped language), any other in the settings' own words, or their translation
    /// for the reader's language where the settings give one.
    pub fn said(&self) -> crate::i18n::Text {
        match built_in_label(&self.id) {
            Some(said) if self.labels.is_empty() && said.english() == self.label => said,
            _ => crate::i18n::Text::given(&self.label, &self.labels),
        }
    }

    /// Whether `typed` names it: its id, or its label in any language it is said in.
    pub fn is_named(&self, typed: &str) -> bool {
        typed.trim().eq_ignore_ascii_case(&self.id) || self.said().typed_in_any(typed)
    }
}

/// A built-in category's label, by its id (`None`: not a built-in one).
fn built_in_label(id: &str) -> Option<crate::i18n::Text> {
    use crate::i18n::Text;
    Some(match id {
        "harassment" => Text::msg("report-category-harassment"),
        "safeguarding" => Text::msg("report-category-safeguarding"),
        "inappropriate_contact" => Text::msg("report-category-inappropriate-contact"),
        "privacy" => Text::msg("report-category-privacy"),
        "spam" => Text::msg("report-category-spam"),
        "other" => Text::msg("report-category-other"),
        _ => return None,
    })
}

/// The categories used when the settings name none, labelled in English from the
/// catalogue (and said in each reporter's language: [`ReportCategory::said`]).
pub fn default_categories() -> Vec<ReportCategory> {
    [
        ("harassment", false),
        ("safeguarding", true),
        ("inappropriate_contact", true),
        ("privacy", false),
        ("spam", false),
        ("other", false),
    ]
    .into_iter()
    .map(|(id, safeguarding)| ReportCategory {
        id: id.into(),
        label: built_in_label(id).map(|l| l.english()).unwrap_or_default(),
        safeguarding,
        labels: vec![],
    })
    .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Normal,
    Urgent,
    /// A safeguarding category, whatever the reporter chose.
    Safeguarding,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Normal => "normal",
            Severity::Urgent => "urgent",
            Severity::Safeguarding => "safeguarding",
        }
    }

    /// As a list of cases says it, in the moderators' language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Severity::Normal => Text::msg("case-severity-normal"),
            Severity::Urgent => Text::msg("case-severity-urgent"),
            Severity::Safeguarding => Text::msg("case-severity-safeguarding"),
        }
    }

    /// As a case's card heads with it, in capitals (SAFEGUARDING), in the moderators'
    /// language.
    pub fn said_loud(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Severity::Normal => Text::msg("case-severity-normal-loud"),
            Severity::Urgent => Text::msg("case-severity-urgent-loud"),
            Severity::Safeguarding => Text::msg("case-severity-safeguarding-loud"),
        }
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "normal" => Ok(Severity::Normal),
            "urgent" => Ok(Severity::Urgent),
            "safeguarding" => Ok(Severity::Safeguarding),
            other => Err(format!("unknown severity `{other}`")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Claimed,
    Resolved,
}

impl CaseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Claimed => "claimed",
            CaseStatus::Resolved => "resolved",
        }
    }

    /// As the moderators read it, in their room's language.
    pub fn said(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            CaseStatus::Open => Text::msg("case-status-open"),
            CaseStatus::Claimed => Text::msg("case-status-claimed"),
            CaseStatus::Resolved => Text::msg("case-status-resolved"),
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CaseStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "open" => Ok(CaseStatus::Open),
            "claimed" => Ok(CaseStatus::Claimed),
            "resolved" => Ok(CaseStatus::Resolved),
            other => Err(format!("unknown case status `{other}`")),
        }
    }
}

/// A report as the reporter submitted it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCase {
    pub reporter: UserRef,
    pub anonymous: bool,
    pub category: String,
    pub severity: Severity,
    /// Who or what it concerns, as the reporter wrote it (`None`: they'd rather not say).
    pub concerns: Option<String>,
    pub text: String,
    pub evidence: Option<String>,
    /// The reported message as the platform copied it (see `chat::ReportedMessage`).
    #[serde(default)]
    pub copy: Option<String>,
    /// The room the report was started from, if any.
    pub room: Option<String>,
    /// Files the reporter sent as evidence (held for them until the case is stored).
    #[serde(default)]
    pub files: Vec<i64>,
    /// Their answer to "does this concern a member of the moderation team?" (`None`: not
    /// asked, as when a deployment has no moderators).
    #[serde(default)]
    pub about_staff: Option<AboutStaff>,
    /// Seen only by the escalation contact: the reporter did not say no to the question
    /// above, or the report names a moderator.
    #[serde(default)]
    pub restricted: bool,
    /// The programme it belongs to (`None`: none in particular): see `domain::rooms`.
    #[serde(default)]
    pub programme: Option<String>,
}

/// A case as moderators see it: the reporter only when they chose to be named (an
/// anonymous one, even revealed, only by DM to the two moderators who asked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub id: i64,
    pub anonymous: bool,
    pub reporter: Option<UserRef>,
    pub category: String,
    pub severity: Severity,
    pub concerns: Option<String>,
    pub text: String,
    pub evidence: Option<String>,
    /// The reported message as the platform copied it, apart from the reporter's words.
    #[serde(default)]
    pub copy: Option<String>,
    pub room: Option<String>,
    pub status: CaseStatus,
    pub claimed_by: Option<String>,
    pub outcome: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Moderators who asked to reveal the reporter so far.
    pub reveals: Vec<String>,
    /// Files kept as evidence, in the order they were sent.
    #[serde(default)]
    pub files: Vec<EvidenceFile>,
    #[serde(default)]
    pub about_staff: Option<AboutStaff>,
    /// Worked only by the escalation contact, by DM (see [`NewCase::restricted`]).
    #[serde(default)]
    pub restricted: bool,
    /// The people moderators linked the case to (`case concerns`), loaded with one case.
    #[serde(default)]
    pub subjects: Vec<CaseSubject>,
    /// The programme it belongs to: the pair room it was reported from, else the
    /// reporter's only programme; `None`: no programme in particular.
    #[serde(default)]
    pub programme: Option<String>,
}

/// Someone a case is about, as a moderator linked them, with where they stand in the
/// programmes: the way from a case to the matches it may need to close.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSubject {
    pub user: UserRef,
    /// The name on their newest application, if they applied.
    pub name: Option<String>,
    /// Their applications, newest first: number, status and programme.
    pub applications: Vec<(i64, super::ApplicationStatus, String)>,
    /// The matches they are or were in.
    pub matches: Vec<super::matches::MatchRecord>,
}

impl CaseSubject {
    /// `Grace (console:grace)`.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.user),
            None => self.user.to_string(),
        }
    }

    /// Their matches still running (proposed, agreed or active).
    pub fn open_matches(&self) -> impl Iterator<Item = &super::matches::MatchRecord> {
        use super::matches::MatchStatus;
        self.matches.iter().filter(|m| {
            matches!(
                m.status,
                MatchStatus::Proposed | MatchStatus::Approved | MatchStatus::Active
            )
        })
    }
}

/// One line of a case's audit log. `actor` is a moderator's `platform:id`, `tandem`, or
/// `reporter` (never the reporter's identity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub kind: String,
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evidence_file_is_described_in_the_moderators_language() {
        let file = EvidenceFile {
            id: 1,
            mime: "image/png".into(),
            size: 120 * 1024,
        };
        assert_eq!(file.said().english(), "image/png, 120 KB");
        let ar = crate::i18n::Locale::from_tag("ar").unwrap();
        assert!(file.said().render(ar).contains("كيلوبايت"));
        assert_eq!(file.shown_name(4, 2), "case-4-file-2.png");
    }

    #[test]
    fn a_programmes_own_moderator_works_only_its_cases_and_a_community_one_every_case() {
        let (mo, pat) = (
            UserRef::new(crate::domain::Platform::Console, "mo"),
            UserRef::new(crate::domain::Platform::Console, "pat"),
        );
        let mut m = Moderation {
            moderators: vec![mo.clone()],
            ..Moderation::default()
        };
        m.add_programme_moderator(&pat, "youth");
        m.add_programme_moderator(&pat, "alumni");
        m.add_programme_moderator(&mo, "youth");
        assert!(
            m.is_moderator(&pat),
            "named moderators count for restricted reports"
        );
        assert!(m.moderates(&pat, Some("youth")) && m.moderates(&pat, Some("alumni")));
        assert!(!m.moderates(&pat, Some("founders")) && !m.moderates(&pat, None));
        assert!(m.is_community_moderator(&mo) && m.moderates(&mo, None));
        assert!(!m.is_community_moderator(&pat));
        assert_eq!(m.moderators, [mo, pat]);
    }

    #[test]
    fn a_built_in_category_is_said_in_each_language_and_a_configured_one_in_its_own_words() {
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        let ar = crate::i18n::Locale::from_tag("ar").unwrap();
        let harassment = &default_categories()[0];
        assert_eq!(harassment.label, "Harassment or bullying");
        assert_eq!(harassment.said().render(es), "Acoso o intimidación");
        // Its label typed back in any language it is read in, or its id.
        assert!(harassment.is_named("acoso o intimidacion"));
        assert!(harassment.is_named("Harassment or bullying"));
        assert!(harassment.is_named(&harassment.said().render(ar)));
        assert!(harassment.is_named("harassment") && !harassment.is_named("acoso"));
        // The settings' own words for a built-in id stay theirs, with their translations.
        let own = ReportCategory {
            label: "Bullying".into(),
            labels: vec![("es".into(), "Intimidación".into())],
            ..harassment.clone()
        };
        assert_eq!(own.said().english(), "Bullying");
        assert_eq!(own.said().render(es), "Intimidación");
        assert_eq!(own.said().render(ar), "Bullying");
        assert!(own.is_named("intimidación"));
    }

    #[test]
    fn a_title_or_article_starting_a_display_name_is_not_taken_for_a_first_name() {
        let mo = UserRef::new(crate::domain::Platform::Console, "mo");
        let moderation = Moderation {
            moderators: vec![mo.clone()],
            aliases: vec![(
                mo.clone(),
                vec![
                    "The Moderator".into(),
                    "Mrs Okafor".into(),
                    "Maureen Okafor".into(),
                ],
            )],
            ..Moderation::default()
        };
        assert!(moderation.names(&mo, &["the moderator said so"]));
        assert!(moderation.names(&mo, &["Maureen did it"]));
        assert!(!moderation.names(&mo, &["the bus was late"]));
        assert!(!moderation.names(&mo, &["Mrs Smith did it"]));
        assert!(moderation.names(&mo, &["Mrs Okafor did it"]));
    }
    use crate::domain::Platform;

    #[test]
    fn a_display_name_becomes_an_alias_once_and_names_its_person_by_its_first_word() {
        let mo = UserRef::new(Platform::Matrix, "@mo:example.org");
        let mut moderation = Moderation {
            moderators: vec![mo.clone()],
            aliases: vec![(mo.clone(), vec!["Maureen Okafor".into()])],
            ..Moderation::default()
        };
        let added = moderation.add_aliases(
            &mo,
            ["maureen okafor", " Mo O. ", "M", "", "Reenie"].map(String::from),
        );
        assert_eq!(added, 2, "{:?}", moderation.aliases);
        assert_eq!(
            moderation.aliases,
            vec![(
                mo.clone(),
                vec!["Maureen Okafor".into(), "Mo O.".into(), "Reenie".into()]
            )]
        );
        assert!(moderation.names(&mo, &["reenie was rude"]));
        let other = UserRef::new(Platform::Matrix, "@max:example.org");
        assert_eq!(moderation.add_aliases(&other, ["X".to_string()]), 0);
        assert_eq!(
            moderation.aliases.len(),
            1,
            "no entry for names that were all left out"
        );
        assert_eq!(moderation.add_aliases(&other, ["Max Power".to_string()]), 1);
        assert_eq!(
            moderation.moderators_named(&["Max was rude"]),
            Vec::<&UserRef>::new(),
            "max is no moderator here"
        );
        assert!(moderation.names(&other, &["Max was rude"]));
    }
}
