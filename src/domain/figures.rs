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
use super::survey::{Summary, SurveyReport, SurveyResponse, counted, headline, summarise};
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
    /// The programme's name, as said to the reader.
    pub programme: Text,
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
    pub surveys: Vec<(Text, Result<SurveyReport, Text>)>,
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
                s.said_title(&p.translations),
                summarise(s, &p.translations, responses, p.anonymity_minimum),
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
        programme: p.said_name(),
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
            title: Text::msg("chart-funnel").arg("programme", self.programme.clone()),
            bars: self
                .funnel
                .iter()
                .map(|(stage, n)| (stage_said(stage), *n))
                .collect(),
        }];
        for (title, result) in &self.surveys {
            let Ok(r) = result else { continue };
            for q in &r.questions {
                // Choices are the programme's words, in the reader's language where its
                // file translates them.
                let bars = match &q.summary {
                    Summary::Counts { counts, .. } => counts.clone(),
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
                        .arg("survey", title.clone())
                        .arg("question", q.label.clone())
                        .arg("count", q.answered),
                    bars,
                });
            }
        }
        sections
    }

    /// The report as a message for the coordinators' room, in its reader's language.
    pub fn said(&self) -> Text {
        let mut lines = vec![
            Text::msg("figures-report")
                .arg("programme", self.programme.clone())
                .arg("date", Text::date(self.at.date_naive())),
        ];
        let reached = |stage: &str| {
            self.funnel
                .iter()
                .find(|(s, _)| *s == stage)
                .map_or(0, |(_, n)| *n)
        };
        lines.push(
            Text::msg("figures-funnel")
                .arg(
                    "applied",
                    counted(Text::msg("figures-funnel-applied"), reached("applied")),
                )
                .arg(
                    "accepted",
                    counted(Text::msg("figures-funnel-accepted"), reached("accepted")),
                )
                .arg(
                    "matched",
                    counted(Text::msg("figures-funnel-matched"), reached("matched")),
                )
                .arg(
                    "completed",
                    counted(Text::msg("figures-funnel-completed"), reached("completed")),
                ),
        );
        for (role, counts) in &self.stages {
            if counts.is_empty() {
                continue;
            }
            let stages = counts.iter().map(|(stage, n)| stage_counted(*stage, *n));
            lines.push(
                Text::msg("figures-role")
                    .arg("role", role.as_str())
                    .arg("stages", Text::join(stages.collect(), ", ")),
            );
        }
        if !self.sources.is_empty() {
            let sources = self.sources.iter().map(|(s, n)| source_counted(s, *n));
            lines.push(
                Text::msg("figures-sources").arg("sources", Text::join(sources.collect(), ", ")),
            );
        }
        lines.push(if self.matches.is_empty() {
            Text::msg("figures-matches-none")
        } else {
            let statuses = self.matches.iter().map(|(s, n)| match_counted(*s, *n));
            let statuses = Text::join(statuses.collect(), ", ");
            if self.closures.is_empty() {
                Text::msg("figures-matches").arg("statuses", statuses)
            } else {
                let closures = self.closures.iter().map(|(k, n)| closure_counted(*k, *n));
                Text::msg("figures-matches-closed")
                    .arg("statuses", statuses)
                    .arg("closures", Text::join(closures.collect(), ", "))
            }
        });
        if let Some(d) = self.days_to_match {
            lines.push(Text::msg("figures-days-to-match").arg("days", format!("{d:.1}")));
        }
        let answered: usize = self.check_ins.iter().map(|(_, n)| n).sum();
        if answered > 0 {
            let answers = self.check_ins.iter().map(|(a, n)| {
                let said = match a.as_str() {
                    "met" => Text::msg("figures-check-in-met"),
                    "not_yet" => Text::msg("figures-check-in-not-yet"),
                    "stuck" => Text::msg("figures-check-in-stuck"),
                    other => Text::msg("figures-check-in-other").arg("answer", other),
                };
                counted(said, *n)
            });
            lines.push(
                Text::msg("figures-check-ins").arg("answers", Text::join(answers.collect(), ", ")),
            );
        }
        let g = &self.meetings;
        if g.held > 0 || (g.meeting_commitment.is_some() && g.active > 0) {
            let held = |t: Text| {
                t.arg("held", Text::number(g.held))
                    .arg("time", super::meetings::hours(g.minutes))
            };
            lines.push(match g.meeting_commitment {
                Some((reached, c)) => {
                    held(counted(Text::msg("figures-meetings-commitment"), g.active))
                        .arg("reached", Text::number(reached))
                        .arg("commitment", super::meetings::hours(c))
                }
                None => held(Text::msg("figures-meetings")),
            });
        }
        for (title, result) in &self.surveys {
            lines.push(match result {
                Ok(r) => {
                    let figures: Vec<Text> = r
                        .questions
                        .iter()
                        .filter(|q| {
                            matches!(
                                q.summary,
                                Summary::Counts { mean: Some(_), .. } | Summary::Nps { .. }
                            )
                        })
                        .filter_map(headline)
                        .collect();
                    let said = if figures.is_empty() {
                        Text::msg("figures-survey")
                    } else {
                        Text::msg("figures-survey-with").arg("figures", Text::join(figures, " · "))
                    };
                    counted(said, r.responses).arg("survey", title.clone())
                }
                Err(reason) => reason.clone(),
            });
        }
        Text::lines(lines)
    }
}

/// How many applications are at `stage`, as said to the reader.
fn stage_counted(stage: Stage, n: usize) -> Text {
    use ApplicationStatus as S;
    let said = match stage {
        Stage::Status(S::Submitted) => Text::msg("figures-stage-submitted"),
        Stage::Status(S::NeedsReview) => Text::msg("figures-stage-needs-review"),
        Stage::Status(S::InfoRequested) => Text::msg("figures-stage-info-requested"),
        Stage::Status(S::Waitlisted) => Text::msg("figures-stage-waitlisted"),
        Stage::Status(S::Approved) => Text::msg("figures-stage-approved"),
        Stage::Status(S::Ready) => Text::msg("figures-stage-ready"),
        Stage::Offered => Text::msg("figures-stage-offered"),
        Stage::Matched => Text::msg("figures-stage-matched"),
        Stage::Status(S::Resting) => Text::msg("figures-stage-resting"),
        Stage::Status(S::Ineligible) => Text::msg("figures-stage-ineligible"),
        Stage::Status(S::Rejected) => Text::msg("figures-stage-rejected"),
        Stage::Status(S::Withdrawn) => Text::msg("figures-stage-withdrawn"),
    };
    counted(said, n)
}

/// How many applications came from `source` (as [`build`] names it: `direct`,
/// `referral <code>`, or as stored), as said to the reader.
fn source_counted(source: &str, n: usize) -> Text {
    let said = match source {
        "direct" => Text::msg("figures-source-direct"),
        "announcement" => Text::msg("figures-source-announcement"),
        "alumni" => Text::msg("figures-source-alumni"),
        "assisted" => Text::msg("figures-source-assisted"),
        other => match other.strip_prefix("referral ") {
            Some(code) => Text::msg("figures-source-referral").arg("code", code),
            None => Text::msg("figures-source-other").arg("source", other),
        },
    };
    counted(said, n)
}

/// How many matches are `status`, as said to the reader.
fn match_counted(status: MatchStatus, n: usize) -> Text {
    let said = match status {
        MatchStatus::Proposed => Text::msg("figures-match-proposed"),
        MatchStatus::Approved => Text::msg("figures-match-approved"),
        MatchStatus::Active => Text::msg("figures-match-active"),
        MatchStatus::Rejected => Text::msg("figures-match-rejected"),
        MatchStatus::Declined => Text::msg("figures-match-declined"),
        MatchStatus::Expired => Text::msg("figures-match-expired"),
        MatchStatus::Closed => Text::msg("figures-match-closed"),
    };
    counted(said, n)
}

/// How many matches closed as `kind`, as said to the reader.
fn closure_counted(kind: ClosureKind, n: usize) -> Text {
    let said = match kind {
        ClosureKind::Planned => Text::msg("figures-closure-planned"),
        ClosureKind::Early => Text::msg("figures-closure-early"),
        ClosureKind::Disciplinary => Text::msg("figures-closure-disciplinary"),
    };
    counted(said, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn report() -> ProgrammeReport {
        use chrono::TimeZone;
        ProgrammeReport {
            programme: Text::given("Pathways", &[("es".into(), "Caminos".into())]),
            at: Utc.with_ymd_and_hms(2027, 4, 13, 9, 0, 0).unwrap(),
            stages: vec![
                (
                    RoleKind::Mentee,
                    vec![
                        (Stage::Status(ApplicationStatus::NeedsReview), 3),
                        (Stage::Status(ApplicationStatus::Withdrawn), 1),
                    ],
                ),
                (RoleKind::Mentor, vec![(Stage::Matched, 2)]),
            ],
            funnel: vec![
                ("applied", 1_234),
                ("accepted", 5),
                ("matched", 2),
                ("completed", 1),
            ],
            sources: vec![("direct".into(), 4), ("referral school-12".into(), 1)],
            matches: vec![(MatchStatus::Active, 2), (MatchStatus::Closed, 1)],
            closures: vec![(ClosureKind::Early, 1)],
            days_to_match: Some(3.24),
            check_ins: vec![("met".into(), 2), ("not_yet".into(), 1)],
            surveys: vec![(
                Text::plain("Midpoint survey"),
                Err(Text::msg("figures-too-few")
                    .arg("count", 4usize)
                    .arg("n", Text::number(4))
                    .arg("survey", "Midpoint survey")
                    .arg("minimum", 5usize)),
            )],
            meetings: MeetingFigures {
                held: 3,
                minutes: 150,
                active: 1,
                meeting_commitment: Some((1, 120)),
            },
        }
    }

    #[test]
    fn the_report_reads_as_before_in_english_with_real_plurals() {
        let text = report().said().english();
        for line in [
            "Programme report: Pathways (13 April 2027)",
            "Funnel: 1,234 applied → 5 accepted → 2 matched → 1 completed",
            "Mentees: 3 needs review, 1 withdrawn",
            "Mentors: 2 matched",
            "Applications by source: 4 direct, 1 referral school-12",
            "Matches: 2 active, 1 closed (closed: 1 early)",
            "Average time from application to match: 3.2 days.",
            "Check-in answers: 2 met, 1 not yet",
            // "active pair(s)" before: one pair is a pair.
            "Meetings logged: 3 (2h 30m); 1 of 1 active pair met the 2h a month the programme asks in the last 30 days.",
            "Midpoint survey has 4 answers so far; results are shown from 5 answers",
        ] {
            assert!(text.contains(line), "«{line}» in:\n{text}");
        }
    }

    #[test]
    fn the_report_is_said_in_spanish_and_arabic_with_their_plurals_and_digit_groups() {
        let es = report().said().render(Locale::from_tag("es").unwrap());
        for line in [
            "Informe del programa: Caminos (13 de abril de 2027)",
            "Embudo: 1234 solicitudes → 5 aceptadas → 2 emparejadas → 1 completada",
            "Mentees: 3 por revisar, 1 retirada",
            "Mentores: 2 emparejadas",
            "Solicitudes por origen: 4 directas, 1 con el código school-12",
            "Emparejamientos: 2 activos, 1 cerrado (cerrados: 1 antes de tiempo)",
            "Respuestas a los seguimientos: 2 «nos hemos reunido», 1 «todavía no»",
            "1 de 1 pareja activa con las 2h al mes",
            "Midpoint survey tiene 4 respuestas por ahora",
        ] {
            assert!(es.contains(line), "«{line}» in:\n{es}");
        }
        let ar = report().said().render(Locale::from_tag("ar").unwrap());
        // Arabic's dual, and the programme's own name where it has no Arabic.
        assert!(
            ar.contains("تقرير البرنامج: \u{2068}Pathways\u{2069}"),
            "{ar}"
        );
        assert!(ar.contains("قُدِّم \u{2068}1,234\u{2069}"), "{ar}");
        assert!(ar.contains("ثنائي نشط واحد"), "{ar}");
        assert!(!ar.contains("Funnel") && !ar.contains("Matches"), "{ar}");
    }
}
