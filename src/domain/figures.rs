//! The coordinators' programme report: people per stage, matches, time to match, check-in
//! answers, closures and survey results, built from plain data so the same figures serve
//! the chat summary, the chart and the export.
//!
//! Survey figures come only through `survey::summarise`, so the anonymity minimum holds
//! here as everywhere. Counts of applications and matches are not anonymised: the
//! coordinators see those records one by one already.

use chrono::{DateTime, Utc};

use super::application::{ApplicationStatus, ApplicationSummary, Stage};
use super::ids::{RoleKind, UserRef};
use super::matches::{ClosureKind, MatchRecord, MatchStatus};
use super::programme::Programme;
use super::survey::{Summary, SurveyReport, SurveyResponse, summarise};
use crate::i18n::Text;

/// Everything a report is built from.
pub struct ReportInput<'a> {
    pub programme: &'a Programme,
    pub applications: &'a [(ApplicationSummary, UserRef)],
    pub matches: &'a [MatchRecord],
    /// Check-in answers across the programme's matches: (answer, how many).
    pub check_ins: &'a [(String, usize)],
    /// Each survey's responses and how many were invited, by survey id.
    pub surveys: &'a [(String, Vec<SurveyResponse>, usize)],
    /// The meetings of the programme's matches, booked or logged.
    pub meetings: &'a [super::meetings::Meeting],
    pub now: DateTime<Utc>,
}

/// A programme's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeReport {
    pub programme: String,
    pub at: DateTime<Utc>,
    /// Applications per role and status, in the journey's order (statuses with none left out).
    pub stages: Vec<(RoleKind, Vec<(Stage, usize)>)>,
    /// The funnel: applications that applied, were accepted, were matched (a match went
    /// ahead) and completed (a planned closure), each the furthest stage ever reached, so
    /// each stage holds the next.
    pub funnel: Vec<(&'static str, usize)>,
    /// Applications by where they came from (`direct`: typed `apply`; `announcement`,
    /// `alumni`, `referral <code>`), most first.
    pub sources: Vec<(String, usize)>,
    pub matches: Vec<(MatchStatus, usize)>,
    pub closures: Vec<(ClosureKind, usize)>,
    /// Days from a mentee's application to their match going ahead (both accepted), on
    /// average, over matches that went ahead.
    pub days_to_match: Option<f64>,
    pub check_ins: Vec<(String, usize)>,
    /// Each survey's title with its summary, or why it is not shown.
    pub surveys: Vec<(String, Result<SurveyReport, String>)>,
    /// The meetings pairs logged, and how the active pairs stand against the programme's
    /// commitment.
    pub meetings: MeetingFigures,
}

/// What pairs logged of their meetings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFigures {
    /// Meetings logged as held, and their minutes.
    pub held: usize,
    pub minutes: u32,
    /// Active pairs, and those of them whose last 30 days reach the programme's
    /// commitment (`None`: the programme sets none).
    pub active: usize,
    pub meeting_commitment: Option<(usize, u32)>,
}

const STAGE_ORDER: [Stage; 12] = [
    Stage::Status(ApplicationStatus::Submitted),
    Stage::Status(ApplicationStatus::NeedsReview),
    Stage::Status(ApplicationStatus::InfoRequested),
    Stage::Status(ApplicationStatus::Waitlisted),
    Stage::Status(ApplicationStatus::Approved),
    Stage::Status(ApplicationStatus::Ready),
    Stage::Offered,
    Stage::Matched,
    Stage::Status(ApplicationStatus::Resting),
    Stage::Status(ApplicationStatus::Ineligible),
    Stage::Status(ApplicationStatus::Rejected),
    Stage::Status(ApplicationStatus::Withdrawn),
];

/// Builds the report.
pub fn build(input: &ReportInput<'_>) -> ProgrammeReport {
    let p = input.programme;
    let stage_of = Stage::of_each(input.applications.iter().map(|(a, _)| a), input.matches);
    let stages = [RoleKind::Mentee, RoleKind::Mentor]
        .into_iter()
        .map(|role| {
            let counts = STAGE_ORDER
                .iter()
                .map(|s| {
                    let n = input
                        .applications
                        .iter()
                        .filter(|(a, _)| a.role == role && stage_of.get(&a.id) == Some(s))
                        .count();
                    (*s, n)
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            (role, counts)
        })
        .collect();
    let went_ahead: Vec<&MatchRecord> = input
        .matches
        .iter()
        .filter(|m| matches!(m.status, MatchStatus::Active | MatchStatus::Closed))
        .collect();
    // The funnel counts applications, each at the furthest stage it ever reached, so each
    // stage holds the next: a matched application was accepted (whatever it is now, say
    // withdrawn after its match), a completed one was matched. Matches are read only
    // through the applications still held (a deleted person's match is not counted).
    let reached = |keep: &dyn Fn(&MatchRecord) -> bool| -> Vec<i64> {
        let mut ids: Vec<i64> = went_ahead
            .iter()
            .filter(|m| keep(m))
            .flat_map(|m| [m.mentee_application, m.mentor_application])
            .filter(|id| stage_of.contains_key(id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let matched = reached(&|_| true);
    let completed = reached(&|m| {
        m.closure
            .as_ref()
            .is_some_and(|c| c.kind == ClosureKind::Planned)
    })
    .len();
    let accepted = input
        .applications
        .iter()
        .filter(|(a, _)| a.status.is_accepted() || matched.binary_search(&a.id).is_ok())
        .count();
    let funnel = vec![
        ("applied", input.applications.len()),
        ("accepted", accepted),
        ("matched", matched.len()),
        ("completed", completed),
    ];
    let matches = MatchStatus::ALL
        .iter()
        .map(|s| (*s, input.matches.iter().filter(|m| m.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let closures = [
        ClosureKind::Planned,
        ClosureKind::Early,
        ClosureKind::Disciplinary,
    ]
    .into_iter()
    .map(|k| {
        (
            k,
            input
                .matches
                .iter()
                .filter(|m| m.closure.as_ref().is_some_and(|c| c.kind == k))
                .count(),
        )
    })
    .filter(|(_, n)| *n > 0)
    .collect();
    let waits: Vec<f64> = went_ahead
        .iter()
        .filter_map(|m| {
            let applied = input
                .applications
                .iter()
                .find(|(a, _)| a.id == m.mentee_application)?
                .0
                .submitted_at;
            Some((m.started() - applied).num_minutes() as f64 / (60.0 * 24.0))
        })
        .collect();
    let days_to_match = (!waits.is_empty()).then(|| waits.iter().sum::<f64>() / waits.len() as f64);
    let surveys = p
        .surveys
        .iter()
        .map(|s| {
            let responses = input
                .surveys
                .iter()
                .find(|(id, _, _)| *id == s.id)
                .map(|(_, r, _)| r.as_slice())
                .unwrap_or(&[]);
            (
                s.title.clone(),
                summarise(s, responses, p.anonymity_minimum),
            )
        })
        .collect();
    let held: Vec<&super::meetings::Meeting> = input
        .meetings
        .iter()
        .filter(|g| g.state == super::meetings::MeetingState::Held)
        .collect();
    let active: Vec<&MatchRecord> = input
        .matches
        .iter()
        .filter(|m| m.status == MatchStatus::Active)
        .collect();
    let meetings = MeetingFigures {
        held: held.len(),
        minutes: held.iter().filter_map(|g| g.held_minutes).sum(),
        active: active.len(),
        meeting_commitment: p.support.commitment_minutes.map(|c| {
            let reached = active
                .iter()
                .filter(|m| {
                    let own = input.meetings.iter().filter(|g| g.match_id == m.id);
                    super::meetings::minutes_in_month(own, input.now) >= c
                })
                .count();
            (reached, c)
        }),
    };
    let mut sources: Vec<(String, usize)> = Vec::new();
    for (a, _) in input
        .applications
        .iter()
        .filter(|(a, _)| a.programme == p.slug)
    {
        let label = match a.source.as_deref() {
            None => "direct".to_string(),
            Some(s) => match s.strip_prefix("referral:") {
                Some(code) => format!("referral {code}"),
                None => s.to_string(),
            },
        };
        match sources.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => sources.push((label, 1)),
        }
    }
    sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ProgrammeReport {
        meetings,
        sources,
        programme: p.name.clone(),
        at: input.now,
        stages,
        funnel,
        matches,
        closures,
        days_to_match,
        check_ins: input.check_ins.to_vec(),
        surveys,
    }
}

/// One section of the report's chart: bars with labels and counts, said in the room's
/// language when it is drawn (kept as plain strings in acts stored before they were).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChartSection {
    #[serde(deserialize_with = "crate::i18n::read_stored")]
    pub title: Text,
    #[serde(deserialize_with = "read_bars")]
    pub bars: Vec<(Text, usize)>,
}

/// A chart's bars as stored, with labels stored as plain strings before they were said.
fn read_bars<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(Text, usize)>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Bar(
        #[serde(deserialize_with = "crate::i18n::read_stored")] Text,
        usize,
    );
    let bars: Vec<Bar> = serde::Deserialize::deserialize(d)?;
    Ok(bars.into_iter().map(|Bar(label, n)| (label, n)).collect())
}

/// A funnel stage's name, as the chart says it.
fn stage_said(stage: &str) -> Text {
    match stage {
        "applied" => Text::msg("chart-stage-applied"),
        "accepted" => Text::msg("chart-stage-accepted"),
        "matched" => Text::msg("chart-stage-matched"),
        "completed" => Text::msg("chart-stage-completed"),
        other => Text::plain(other),
    }
}

impl ProgrammeReport {
    /// The chart's sections: the funnel, then each survey question with a distribution
    /// (only those the anonymity minimum lets the text show).
    pub fn chart(&self) -> Vec<ChartSection> {
        let mut sections = vec![ChartSection {
            title: Text::msg("chart-funnel").arg("programme", self.programme.as_str()),
            bars: self
                .funnel
                .iter()
                .map(|(stage, n)| (stage_said(stage), *n))
                .collect(),
        }];
        for (title, result) in &self.surveys {
            let Ok(r) = result else { continue };
            for q in &r.questions {
                // Choices are the programme's words, as its survey gives them.
                let bars = match &q.summary {
                    Summary::Counts { counts, .. } => counts
                        .iter()
                        .map(|(label, n)| (Text::plain(label.as_str()), *n))
                        .collect(),
                    Summary::Nps {
                        promoters,
                        passives,
                        detractors,
                        ..
                    } => vec![
                        (Text::msg("chart-nps-promoters"), *promoters),
                        (Text::msg("chart-nps-passives"), *passives),
                        (Text::msg("chart-nps-detractors"), *detractors),
                    ],
                    _ => continue,
                };
                sections.push(ChartSection {
                    title: Text::msg("chart-survey-question")
                        .arg("survey", title.as_str())
                        .arg("question", q.label.as_str())
                        .arg("count", q.answered),
                    bars,
                });
            }
        }
        sections
    }

    /// The report as a message for the coordinators' room.
    pub fn text(&self) -> String {
        let mut s = format!(
            "Programme report: {} ({})",
            self.programme,
            self.at.format("%-d %B %Y")
        );
        s.push_str(&format!(
            "\nFunnel: {}",
            self.funnel
                .iter()
                .map(|(stage, n)| format!("{n} {stage}"))
                .collect::<Vec<_>>()
                .join(" → ")
        ));
        for (role, counts) in &self.stages {
            if counts.is_empty() {
                continue;
            }
            s.push_str(&format!(
                "\n{}s: {}",
                capitalise(role.as_str()),
                counts
                    .iter()
                    .map(|(stage, n)| format!("{n} {}", stage.label()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !self.sources.is_empty() {
            s.push_str(&format!(
                "\nApplications by source: {}",
                self.sources
                    .iter()
                    .map(|(source, n)| format!("{n} {source}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if self.matches.is_empty() {
            s.push_str("\nMatches: none yet.");
        } else {
            s.push_str(&format!(
                "\nMatches: {}",
                self.matches
                    .iter()
                    .map(|(status, n)| format!("{n} {status}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            if !self.closures.is_empty() {
                s.push_str(&format!(
                    " (closed: {})",
                    self.closures
                        .iter()
                        .map(|(k, n)| format!("{n} {}", k.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        if let Some(d) = self.days_to_match {
            s.push_str(&format!(
                "\nAverage time from application to match: {d:.1} days."
            ));
        }
        let answered: usize = self.check_ins.iter().map(|(_, n)| n).sum();
        if answered > 0 {
            s.push_str(&format!(
                "\nCheck-in answers: {}",
                self.check_ins
                    .iter()
                    .map(|(a, n)| format!(
                        "{n} {}",
                        match a.as_str() {
                            "met" => "met",
                            "not_yet" => "not yet",
                            "stuck" => "stuck",
                            other => other,
                        }
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let g = &self.meetings;
        if g.held > 0 || (g.meeting_commitment.is_some() && g.active > 0) {
            s.push_str(&format!(
                "\nMeetings logged: {} ({})",
                g.held,
                super::meetings::hours(g.minutes)
            ));
            if let Some((reached, c)) = g.meeting_commitment {
                s.push_str(&format!(
                    "; {reached} of {} active pair(s) met the {} a month the programme asks in the last 30 days",
                    g.active,
                    super::meetings::hours(c)
                ));
            }
            s.push('.');
        }
        for (title, result) in &self.surveys {
            match result {
                Ok(r) => {
                    let figures: Vec<String> = r
                        .questions
                        .iter()
                        .filter_map(|q| match &q.summary {
                            Summary::Counts { mean: Some(m), .. } => {
                                Some(format!("{} {m:.1}", q.label))
                            }
                            Summary::Nps { score, .. } => {
                                Some(format!("{} NPS {score:+}", q.label))
                            }
                            _ => None,
                        })
                        .collect();
                    s.push_str(&format!(
                        "\n{title}: {} answers{}",
                        r.responses,
                        if figures.is_empty() {
                            String::new()
                        } else {
                            format!("; {}", figures.join(" · "))
                        }
                    ));
                }
                Err(reason) => s.push_str(&format!("\n{reason}")),
            }
        }
        s
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
