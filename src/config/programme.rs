//! A programme file (`config/programs/*.toml`) as read: `Raw*` structs that keep source
//! positions, and [`parse_programme`], which checks the whole file and builds the
//! [`crate::domain::Programme`] with the builders of the sibling modules.

use super::*;

/// Question kinds as written in programme files.
pub const QUESTION_KINDS: &[&str] = &[
    "short_text",
    "long_text",
    "single_choice",
    "multi_choice",
    "number",
    "yes_no",
    "time_zone",
    "languages",
    "consent",
    "scale",
    "nps",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProgramme {
    pub(super) slug: Spanned<String>,
    pub(super) name: String,
    pub(super) description: String,
    #[serde(default = "default_duration")]
    pub(super) duration_months: u32,
    #[serde(default = "default_true")]
    pub(super) applications_open: bool,
    #[serde(default)]
    pub(super) texts: RawTexts,
    /// `platform:id` of each coordinator, e.g. `console:carol`, `matrix:@carol:example.org`.
    #[serde(default)]
    pub(super) coordinators: Vec<Spanned<String>>,
    /// `platform:id` of people who moderate this programme's cases only (beside the
    /// community's, in the settings).
    #[serde(default)]
    pub(super) moderators: Vec<Spanned<String>>,
    #[serde(default = "default_waitlist_reminder_days")]
    pub(super) waitlist_reminder_days: u32,
    /// `notify` (default) or `pause`: what a lapsed or failed background check does to an
    /// active match.
    pub(super) on_lapse: Option<Spanned<String>>,
    /// `day_month_year` (default) or `month_day_year`: how numeric dates are read.
    pub(super) date_order: Option<Spanned<String>>,
    /// The zone coordinators' dates and times are read in (`Europe/London`, `UTC+2`).
    pub(super) time_zone: Option<Spanned<String>>,
    pub(super) roles: RawRoles,
    pub(super) matching: Option<RawMatching>,
    pub(super) schedule: Option<RawSchedule>,
    #[serde(default)]
    pub(super) reporting: RawReporting,
    #[serde(default)]
    pub(super) surveys: BTreeMap<String, RawSurvey>,
    pub(super) certificate: Option<RawCertificate>,
    #[serde(default)]
    pub(super) starters: Vec<RawStarter>,
    /// What its people should read or watch, by stage.
    #[serde(default)]
    pub(super) resources: Vec<super::resources::RawResource>,
    pub(super) support: Option<RawSupport>,
    /// Its pair-room safety policy (`[safety]`, off unless `enabled = true`).
    pub(super) safety: Option<super::safety::RawSafety>,
    /// Its outcomes after closure (`[outcomes]`, off unless `enabled = true`).
    pub(super) outcomes: Option<super::outcomes::RawOutcomes>,
    /// Rooms of its own on each platform (`[rooms.matrix]`, …).
    #[serde(default)]
    pub(super) rooms: super::rooms::RawRooms,
    /// Its texts in other languages, by tag (`[translations.es]`: see `translations`).
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<toml::Value>>,
}

/// `[support]`: staff check-ins, what makes a match at risk, and re-engaging quiet pairs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSupport {
    /// `platform:id` of who may be assigned pairs (default: the coordinators).
    pub(super) staff: Option<Vec<Spanned<String>>>,
    /// The first contacts, each within this span of the start (`["14d", "1m"]`).
    pub(super) staff_check_ins: Option<Spanned<Vec<String>>>,
    /// Then within this span of the last contact (`"1m"`, or `"never"`).
    pub(super) staff_check_in_every: Option<Spanned<String>>,
    pub(super) escalate_after_days: Option<Spanned<u32>>,
    pub(super) too_early_days: Option<Spanned<u32>>,
    pub(super) at_risk_quiet_days: Option<Spanned<u32>>,
    pub(super) at_risk_missed_check_ins: Option<Spanned<u32>>,
    /// Days without a message before both are asked whether to carry on (0: never).
    pub(super) reengage_days: Option<Spanned<u32>>,
    pub(super) close_offer_days: Option<Spanned<u32>>,
    /// Mentee question ids whose answers are the pair's goals.
    pub(super) goals: Option<Vec<Spanned<String>>>,
    /// How long a meeting `meet` proposes lasts, in minutes.
    pub(super) meeting_minutes: Option<Spanned<u32>>,
    /// Hours a pair is expected to meet per month.
    pub(super) hours_per_month: Option<Spanned<f64>>,
}

/// `[[starters]]`: a conversation starter, and when in a relationship it fits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStarter {
    pub(super) text: String,
    pub(super) stage: Option<Spanned<String>>,
}

/// `[certificate]`: the recognition certificate's design (`enabled = false`: none).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCertificate {
    #[serde(default = "default_true")]
    pub(super) enabled: bool,
    pub(super) title: Option<String>,
    pub(super) background: Option<Spanned<String>>,
    pub(super) accent: Option<Spanned<String>>,
    pub(super) text: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) signature_name: String,
    #[serde(default)]
    pub(super) signature_title: String,
}

/// `[reporting]`: how reports protect the people behind the figures.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReporting {
    /// No figure from fewer answers than this (default 5).
    pub(super) anonymity_minimum: Option<Spanned<i64>>,
}

/// `[surveys.<id>]`: a survey and its questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSurvey {
    pub(super) title: String,
    #[serde(default)]
    pub(super) intro: String,
    pub(super) anonymous: Spanned<bool>,
    /// Roles it is for (default both).
    #[serde(rename = "for")]
    pub(super) roles: Option<Spanned<Vec<String>>>,
    #[serde(default = "default_reminder_days")]
    pub(super) reminder_days: u32,
    #[serde(default = "default_open_days")]
    pub(super) open_days: Spanned<u32>,
    pub(super) questions: Spanned<Vec<RawQuestion>>,
}

pub(super) fn default_reminder_days() -> u32 {
    3
}

pub(super) fn default_open_days() -> Spanned<u32> {
    Spanned::new(0..0, 14)
}

/// `[schedule]`: when milestones arrive, and what they are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSchedule {
    /// Local hour (0–23) in the pair's time zone.
    pub(super) local_hour: Spanned<u32>,
    /// `[from, to]` local hours with no milestone, e.g. `[21, 8]`.
    pub(super) quiet_hours: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    pub(super) milestones: Vec<RawMilestone>,
    /// Days without a message in a pair room before a gentle nudge there.
    pub(super) silent_nudge_days: Option<Spanned<u32>>,
    /// Days without a message before the coordinators get an alert card.
    pub(super) silent_alert_days: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMilestone {
    pub(super) id: Spanned<String>,
    pub(super) after: Spanned<String>,
    pub(super) every: Option<Spanned<String>>,
    pub(super) kind: Spanned<String>,
    /// Required except for surveys, which have their own intro.
    pub(super) text: Option<Spanned<String>>,
    /// For `kind = "survey"`: which of the programme's surveys.
    pub(super) survey: Option<Spanned<String>>,
    /// A room message or closure that brings back the pair's goals.
    pub(super) goals: Option<Spanned<bool>>,
    /// One of the programme's resources, brought to the pair with the message.
    pub(super) resource: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMatching {
    pub(super) mode: Spanned<String>,
    pub(super) capacity_question: Option<Spanned<String>>,
    pub(super) default_capacity: Option<Spanned<u32>>,
    pub(super) mentee_slots: Option<Spanned<u32>>,
    pub(super) group_size: Option<Spanned<u32>>,
    pub(super) objective: Option<Spanned<String>>,
    pub(super) candidates_per_mentee: Option<Spanned<usize>>,
    pub(super) daytime: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    pub(super) criteria: Vec<RawCriterion>,
    pub(super) shared_language: Option<RawQuestionPair>,
    pub(super) time_zone: Option<RawQuestionPair>,
    pub(super) max_time_zone_gap_hours: Option<Spanned<u32>>,
    pub(super) never_together: Option<RawQuestionPair>,
    pub(super) matched_by: Option<Spanned<String>>,
    pub(super) approve_requests: Option<bool>,
    pub(super) max_choices: Option<Spanned<u32>>,
    pub(super) profile_questions: Option<Vec<Spanned<String>>>,
    pub(super) relay_across_platforms: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestionPair {
    pub(super) mentee: Spanned<String>,
    pub(super) mentor: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCriterion {
    pub(super) name: String,
    pub(super) kind: Spanned<String>,
    pub(super) mentee_question: Option<Spanned<String>>,
    pub(super) mentor_question: Option<Spanned<String>>,
    pub(super) points: Spanned<i64>,
    pub(super) range: Option<Spanned<f64>>,
}

/// The longest warning before a check expires: a year (checks are renewed every few years).
pub(super) const MAX_WARN_DAYS: u32 = 365;

pub(super) fn default_waitlist_reminder_days() -> u32 {
    30
}

pub(super) fn default_duration() -> u32 {
    6
}
pub(super) fn default_true() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTexts {
    #[serde(default)]
    pub(super) welcome: String,
    #[serde(default)]
    pub(super) submitted: String,
    #[serde(default)]
    pub(super) ground_rules: String,
    #[serde(default)]
    pub(super) icebreaker: String,
    #[serde(default)]
    pub(super) meeting_cadence: String,
    #[serde(default = "default_answer_days")]
    pub(super) answer_days: u32,
    /// Whom a refused applicant can talk to.
    #[serde(default)]
    pub(super) contact: String,
}

pub(super) fn default_answer_days() -> u32 {
    7
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRoles {
    pub(super) mentor: RawRole,
    pub(super) mentee: RawRole,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
    pub(super) name: String,
    pub(super) description: String,
    pub(super) questions: Spanned<Vec<RawQuestion>>,
    pub(super) screening: Option<RawScreening>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScreening {
    pub(super) default: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) rules: Vec<RawRule>,
    #[serde(default)]
    pub(super) steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) id: Option<String>,
    pub(super) outcome: Spanned<String>,
    pub(super) reason: Option<String>,
    pub(super) when: Spanned<RawCond>,
    /// For an ineligible rule: when someone it refused may apply again, `"yearly"` or a
    /// number of days (unset: not again).
    pub(super) apply_again: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCond {
    pub(super) question: Option<Spanned<String>>,
    pub(super) equals: Option<Spanned<String>>,
    pub(super) any_of: Option<Spanned<Vec<String>>>,
    pub(super) none_of: Option<Spanned<Vec<String>>>,
    pub(super) below: Option<Spanned<f64>>,
    pub(super) at_least: Option<Spanned<f64>>,
    pub(super) answered: Option<Spanned<bool>>,
    pub(super) all: Option<Spanned<Vec<Spanned<RawCond>>>>,
    pub(super) any: Option<Spanned<Vec<Spanned<RawCond>>>>,
    pub(super) not: Option<Box<Spanned<RawCond>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    pub(super) id: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) label: Option<String>,
    pub(super) text: Option<Spanned<String>>,
    /// An acknowledgement: the resource it is about (read it, and it is acknowledged).
    pub(super) resource: Option<Spanned<String>>,
    /// Background checks: days before expiry to warn (default 30; 0: no warning). Signed,
    /// so a negative number gets our message rather than a parser's.
    pub(super) warn_days: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) prompt: String,
    pub(super) label: Option<String>,
    pub(super) help: Option<String>,
    #[serde(default)]
    pub(super) optional: Option<Spanned<bool>>,
    pub(super) choices: Option<Spanned<Vec<String>>>,
    pub(super) min: Option<Spanned<f64>>,
    pub(super) max: Option<Spanned<f64>>,
    pub(super) min_length: Option<Spanned<usize>>,
    pub(super) max_length: Option<Spanned<usize>>,
    pub(super) decimals: Option<Spanned<bool>>,
    pub(super) statement: Option<Spanned<String>>,
    /// For a scale: the label of each point, from 1 up.
    pub(super) labels: Option<Spanned<Vec<String>>>,
    pub(super) show_if: Option<Spanned<RawCondition>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    pub(super) question: Spanned<String>,
    pub(super) equals: Option<Spanned<String>>,
    pub(super) any_of: Option<Spanned<Vec<String>>>,
}

/// Reads every `*.toml` in `dir` as a programme. Slugs must be unique across files.
pub fn load_programmes(dir: &Path) -> Result<Vec<Programme>, ConfigErrors> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ConfigErrors(vec![ConfigError {
            file: dir.to_path_buf(),
            line: 0,
            column: 0,
            key: String::new(),
            message: format!("cannot read the programmes folder: {e}"),
        }])
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut programmes: Vec<Programme> = Vec::new();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in paths {
        match load_programme(&path) {
            Ok(p) => {
                if let Some(first) = seen.get(&p.slug) {
                    let source = std::fs::read_to_string(&path).unwrap_or_default();
                    errors.push(located(
                        &path,
                        &source,
                        find_key(&source, "slug"),
                        &format!("slug `{}` is already used by {}", p.slug, first.display()),
                    ));
                } else {
                    seen.insert(p.slug.clone(), path.clone());
                    programmes.push(p);
                }
            }
            Err(e) => errors.extend(e.0),
        }
    }
    if errors.is_empty() {
        Ok(programmes)
    } else {
        Err(ConfigErrors(errors))
    }
}

/// Reads and checks one programme file.
pub fn load_programme(path: &Path) -> Result<Programme, ConfigErrors> {
    let source = read(path)?;
    parse_programme(path, &source)
}

/// Checks a programme given as text; `path` is only used in messages.
pub fn parse_programme(path: &Path, source: &str) -> Result<Programme, ConfigErrors> {
    // Unknown keys and ill-typed values, then the checks on what could be read.
    let (raw, found) = parse_toml::<RawProgramme>(path, source)?;
    let mut errors = Vec::new();
    let mut err = |offset: usize, msg: &str| errors.push(located(path, source, offset, msg));

    let slug = raw.slug.get_ref().trim().to_string();
    if !is_id(&slug, &['-']) {
        err(
            raw.slug.span().start,
            "a slug is lower-case letters, digits and dashes, like youth-2027",
        );
    }
    if raw.duration_months == 0 || raw.duration_months > 60 {
        err(
            find_key(source, "duration_months"),
            "must be between 1 and 60 months",
        );
    }
    let mut coordinators = Vec::new();
    let mut coordinator_groups = Vec::new();
    for c in &raw.coordinators {
        match crate::domain::staff::StaffGroup::parse(c.get_ref()) {
            Some(Ok(group)) => coordinator_groups.push(group),
            Some(Err(m)) => err(c.span().start, &m),
            None => match parse_user_ref(c.get_ref()) {
                Ok(u) => coordinators.push(u),
                Err(m) => err(c.span().start, &m),
            },
        }
    }
    let mut moderators = Vec::new();
    for m in &raw.moderators {
        match parse_user_ref(m.get_ref()) {
            Ok(u) => moderators.push(u),
            Err(e) => err(m.span().start, &e),
        }
    }
    let mut roles = BTreeMap::new();
    for (kind, raw_role) in [
        (RoleKind::Mentor, &raw.roles.mentor),
        (RoleKind::Mentee, &raw.roles.mentee),
    ] {
        let questions = build_questions(&raw_role.questions, &mut err);
        let screening = match &raw_role.screening {
            Some(s) => build_screening(s, kind, &questions, &mut err),
            None => Screening::default(),
        };
        roles.insert(
            kind,
            Role {
                kind,
                name: raw_role.name.clone(),
                description: raw_role.description.clone(),
                questions,
                screening,
            },
        );
    }
    let matching = raw
        .matching
        .as_ref()
        .and_then(|m| build_matching(m, &roles, &mut err));
    let surveys = build_surveys(source, &raw.surveys, &mut err);
    let outcomes =
        super::outcomes::build_outcomes(raw.outcomes.as_ref(), &surveys, &mut roles, &mut err);
    let resources = super::resources::build_resources(&raw.resources, path, &mut err);
    let schedule = raw
        .schedule
        .as_ref()
        .map(|s| build_schedule(s, &surveys, &resources, &mut err));
    // A screening acknowledgement about a resource names one of them, for its role.
    for (kind, raw_role) in [
        (RoleKind::Mentor, &raw.roles.mentor),
        (RoleKind::Mentee, &raw.roles.mentee),
    ] {
        for step in raw_role.screening.iter().flat_map(|s| &s.steps) {
            let Some(named) = &step.resource else {
                continue;
            };
            match resources.iter().find(|r| r.id == *named.get_ref()) {
                None => err(
                    named.span().start,
                    &format!(
                        "no resource `{}` in this programme (define it under [[resources]])",
                        named.get_ref()
                    ),
                ),
                Some(r) if !r.is_for(kind) => err(
                    named.span().start,
                    &format!(
                        "resource `{}` is not for {}s (see its `roles`)",
                        r.id,
                        kind.as_str()
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    let mut support = build_support(
        raw.support.as_ref(),
        &coordinators,
        schedule.as_ref(),
        roles.get(&RoleKind::Mentee),
        &mut err,
    );
    let anonymity_minimum = match &raw.reporting.anonymity_minimum {
        None => crate::domain::survey::DEFAULT_MINIMUM,
        Some(m) if (3..=1000).contains(m.get_ref()) => *m.get_ref() as usize,
        Some(m) => {
            err(
                m.span().start,
                "`anonymity_minimum` must be between 3 and 1000: below 3, one person's answers can be worked out from a total",
            );
            crate::domain::survey::DEFAULT_MINIMUM
        }
    };
    let on_lapse = match &raw.on_lapse {
        None => OnLapse::default(),
        Some(v) => v.get_ref().trim().parse().unwrap_or_else(|m: String| {
            err(v.span().start, &m);
            OnLapse::default()
        }),
    };
    let date_order = match &raw.date_order {
        None => DateOrder::default(),
        Some(v) => v.get_ref().trim().parse().unwrap_or_else(|m: String| {
            err(v.span().start, &m);
            DateOrder::default()
        }),
    };
    let time_zone = raw.time_zone.as_ref().and_then(|v| {
        parse_time_zone(v.get_ref())
            .map(|z| z.canonical())
            .map_err(|m| err(v.span().start, &m.english()))
            .ok()
    });
    let rooms = super::rooms::build_rooms(&raw.rooms, &mut err);
    let safety = super::safety::build_safety(raw.safety.as_ref(), &roles, &mut err);
    // Repeated safety flags put a match at risk only where there is a policy.
    support.at_risk_safety_flags = safety.as_ref().map_or(0, |s| s.at_risk_flags);
    let certificate = match &raw.certificate {
        Some(c) if !c.enabled => None,
        Some(c) => {
            let mut colour = |v: &Option<Spanned<String>>, default: &str| match v {
                Some(s) if is_colour(s.get_ref()) => s.get_ref().trim().to_string(),
                Some(s) => {
                    err(
                        s.span().start,
                        "a colour is # and six hex digits, like #1f4e79",
                    );
                    default.to_string()
                }
                None => default.to_string(),
            };
            Some(CertificateDesign {
                title: c
                    .title
                    .clone()
                    .unwrap_or_else(|| "Certificate of Mentoring".into()),
                background: colour(&c.background, "#fdfaf3"),
                accent: colour(&c.accent, "#1f4e79"),
                text: colour(&c.text, "#222222"),
                signature_name: c.signature_name.clone(),
                signature_title: c.signature_title.clone(),
            })
        }
        None => Some(CertificateDesign {
            title: "Certificate of Mentoring".into(),
            background: "#fdfaf3".into(),
            accent: "#1f4e79".into(),
            text: "#222222".into(),
            signature_name: String::new(),
            signature_title: String::new(),
        }),
    };
    let mut starters = Vec::new();
    for s in &raw.starters {
        let stage = match &s.stage {
            None => crate::domain::starters::StarterStage::Any,
            Some(given) => match crate::domain::starters::StarterStage::NAMES
                .iter()
                .find(|(n, _)| *n == given.get_ref().trim())
            {
                Some((_, stage)) => *stage,
                None => {
                    err(
                        given.span().start,
                        &format!(
                            "unknown starter stage `{}`; expected early, middle, late or any",
                            given.get_ref()
                        ),
                    );
                    continue;
                }
            },
        };
        let text = s.text.trim();
        if !text.is_empty() {
            starters.push(crate::domain::starters::Starter {
                text: text.to_string(),
                stage,
            });
        }
    }
    let mut programme = Programme {
        slug,
        name: raw.name,
        description: raw.description,
        duration_months: raw.duration_months,
        applications_open: raw.applications_open,
        texts: Texts {
            welcome: raw.texts.welcome,
            submitted: raw.texts.submitted,
            ground_rules: raw.texts.ground_rules,
            icebreaker: raw.texts.icebreaker,
            meeting_cadence: raw.texts.meeting_cadence,
            answer_days: raw.texts.answer_days.clamp(1, 60),
            contact: raw.texts.contact.trim().to_string(),
        },
        roles,
        coordinators,
        coordinator_groups,
        granted: Vec::new(),
        elsewhere: false,
        moderators,
        waitlist_reminder_days: raw.waitlist_reminder_days,
        on_lapse,
        matching,
        schedule,
        surveys,
        anonymity_minimum,
        certificate,
        date_order,
        time_zone,
        starters,
        resources,
        support,
        rooms,
        safety,
        outcomes,
        translations: Default::default(),
    };
    programme.translations =
        super::translations::read(&raw.translations, &programme, source, &mut err);
    super::outcomes::copy_translations(&mut programme);
    let errors = found.with(errors);
    if !errors.is_empty() {
        return Err(ConfigErrors(errors));
    }
    Ok(programme)
}

pub(super) fn is_colour(text: &str) -> bool {
    let t = text.trim();
    t.len() == 7 && t.starts_with('#') && t[1..].chars().all(|c| c.is_ascii_hexdigit())
}
