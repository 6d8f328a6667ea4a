//! The coordinators' survey commands, in the coordinators' room: `surveys` (each survey
//! with how many were asked and answered), `survey send <survey> <audience>` (who is asked,
//! never twice while it is open) and `survey results <survey>` (figures only through
//! `domain::survey::summarise`, which enforces the anonymity minimum).
//!
//! To add a command: a variant of [`SurveyCommand`], its words in [`parse`], its
//! permission in `flows::permissions`, the data it needs in `app::subject`, and its arm in
//! [`handle`].

use crate::domain::matches::MatchStatus;
use crate::domain::survey::{Audience, NewRound, Survey, summarise};
use crate::domain::{Programme, RoleKind, RoomRef, UserRef};
use crate::flows::actions::PendingAction;
use crate::flows::{Ctx, Effect, FlowState, OutMessage, Outcome, Subject};
use crate::i18n::Text;

/// A coordinator's survey command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyCommand {
    /// `surveys`: each survey with how many were asked and answered.
    List,
    /// `survey send <survey> [to] <audience>`
    Send { survey: String, audience: Audience },
    /// `survey results <survey>`
    Results { survey: String },
}

impl SurveyCommand {
    /// The survey it names, if any.
    pub fn survey(&self) -> Option<&str> {
        match self {
            SurveyCommand::List => None,
            SurveyCommand::Send { survey, .. } | SurveyCommand::Results { survey } => Some(survey),
        }
    }
}

fn usage() -> Text {
    Text::msg("surveys-usage")
}

/// Parses a survey command; `None` when the text is not one.
pub fn parse(text: &str) -> Option<Result<SurveyCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if first == "surveys" && words.len() == 1 {
        return Some(Ok(SurveyCommand::List));
    }
    if first != "survey" {
        return None;
    }
    let verb = words.get(1).map(|w| w.to_lowercase());
    Some(match (verb.as_deref(), &words[2.min(words.len())..]) {
        (Some("send"), [survey, rest @ ..]) if !rest.is_empty() => {
            let rest = match rest {
                [to, more @ ..] if to.eq_ignore_ascii_case("to") && !more.is_empty() => more,
                _ => rest,
            };
            Audience::parse(&rest.join(" ")).map(|audience| SurveyCommand::Send {
                survey: (*survey).to_string(),
                audience,
            })
        }
        (Some("results"), [survey]) => Ok(SurveyCommand::Results {
            survey: (*survey).to_string(),
        }),
        _ => Err(usage()),
    })
}

/// The programme and survey a coordinator names: `midpoint`, or `pathways-2027/midpoint`
/// when several programmes have one of that name.
pub fn find<'p>(
    programmes: &'p [Programme],
    user: &UserRef,
    name: &str,
) -> Result<(&'p Programme, &'p Survey), Text> {
    let (slug, id) = match name.split_once('/') {
        Some((p, s)) => (Some(p), s),
        None => (None, name),
    };
    let found: Vec<(&Programme, &Survey)> = programmes
        .iter()
        .filter(|p| slug.is_none_or(|s| p.slug == s))
        .filter_map(|p| p.survey(id).map(|s| (p, s)))
        .collect();
    let mine: Vec<_> = found
        .iter()
        .filter(|(p, _)| p.is_coordinator(user))
        .copied()
        .collect();
    match (found.as_slice(), mine.as_slice()) {
        ([], _) => {
            let known: Vec<String> = programmes
                .iter()
                .flat_map(|p| p.surveys.iter().map(|s| s.id.clone()))
                .collect();
            Err(if known.is_empty() {
                Text::msg("surveys-none-defined")
            } else {
                Text::msg("surveys-no-such")
                    .arg("survey", crate::domain::text::preview(name, 40))
                    .arg("surveys", known.join(", "))
            })
        }
        ([one], _) | (_, [one]) => Ok(*one),
        (_, _) => Err(Text::msg("surveys-ambiguous")
            .arg("survey", id)
            .arg("programme", found[0].0.slug.as_str())),
    }
}

/// Runs a coordinator's survey command in the coordinators' room (`state`: the sender's
/// conversation, where a `survey send` waits for its confirmation).
pub fn handle(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    command: SurveyCommand,
) -> Outcome {
    let post = |text: Text| crate::flows::post_said(room, text);
    let command = match crate::flows::staff_command(
        room,
        ctx.is_coordinators_room(room),
        Ok::<_, Text>(command),
        Text::msg("surveys-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    if let SurveyCommand::List = command {
        if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
            return crate::flows::review::refuse_non_coordinator(
                ctx,
                room,
                Text::msg("coordinators-can-see-surveys"),
            );
        }
        return post(list_text(ctx));
    }
    let name = command.survey().unwrap_or_default();
    let (programme, survey) = match coordinated(ctx, room, name) {
        Ok(found) => found,
        Err(refused) => return *refused,
    };
    match (command, ctx.subject) {
        (SurveyCommand::Send { audience, .. }, Subject::SurveySend { .. }) => {
            let (everyone, skipped) = match recipients(ctx, room, programme, survey, audience) {
                Ok(found) => found,
                Err(refused) => return *refused,
            };
            let text = Text::msg("surveys-send-ask")
                .arg("survey", super::title(programme, survey))
                .arg("people", counted(&everyone))
                .arg("skipped", skipped)
                .arg("programme", programme.said_name())
                .arg("reminder", i64::from(survey.reminder_days));
            crate::flows::actions::ask(
                ctx,
                state,
                room,
                PendingAction::SurveySend {
                    programme: programme.slug.clone(),
                    survey: survey.id.clone(),
                    audience,
                },
                text,
            )
        }
        (
            SurveyCommand::Results { .. },
            Subject::SurveyResults {
                responses, invited, ..
            },
        ) => match summarise(
            survey,
            &programme.translations,
            responses,
            programme.anonymity_minimum,
        ) {
            Ok(report) => post(report.said(survey, programme.said_name(), *invited)),
            Err(reason) => post(reason),
        },
        _ => post(Text::msg("surveys-unloaded")),
    }
}

/// The programme and survey `name` means, if the sender coordinates it.
fn coordinated<'c>(
    ctx: &Ctx<'c>,
    room: &RoomRef,
    name: &str,
) -> Result<(&'c Programme, &'c Survey), Box<Outcome>> {
    let (programme, survey) = find(ctx.programmes, ctx.user, name)
        .map_err(|e| Box::new(crate::flows::post_said(room, e)))?;
    if !programme.is_coordinator(ctx.user) {
        return Err(Box::new(crate::flows::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-surveys"),
        )));
    }
    Ok((programme, survey))
}

/// `12 people (7 mentees, 5 mentors)`.
fn counted(everyone: &[(UserRef, RoleKind)]) -> Text {
    let of = |role: RoleKind| everyone.iter().filter(|(_, r)| *r == role).count();
    let mut roles: Vec<Text> = [RoleKind::Mentee, RoleKind::Mentor]
        .into_iter()
        .filter(|r| of(*r) > 0)
        .map(|r| {
            Text::msg("surveys-role-count")
                .arg("role", r.as_str())
                .arg("count", of(r))
        })
        .collect();
    let roles = match (roles.pop(), roles.pop()) {
        (Some(second), Some(first)) => Text::msg("surveys-both")
            .arg("first", first)
            .arg("second", second),
        (Some(one), None) => one,
        _ => Text::plain(""),
    };
    Text::msg("surveys-people")
        .arg("count", everyone.len())
        .arg("roles", roles)
}

/// The people a survey goes to, with the role each is asked as.
type Recipients = Vec<(UserRef, RoleKind)>;

/// Who `survey send` reaches now, and what is said of those left out because they have it
/// open; refused when it is for nobody.
fn recipients(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    programme: &Programme,
    survey: &Survey,
    audience: Audience,
) -> Result<(Recipients, Text), Box<Outcome>> {
    let post = |text: Text| Box::new(crate::flows::post_said(room, text));
    let Subject::SurveySend {
        open,
        applications,
        matches,
    } = ctx.subject
    else {
        return Err(post(Text::msg("surveys-unloaded")));
    };
    if let Audience::Role(role) = audience
        && !survey.roles.contains(&role)
    {
        return Err(post(
            Text::msg("surveys-not-for")
                .arg("survey", super::title(programme, survey))
                // A survey is for one role or both, so this one is for the other.
                .arg("for", survey.roles.first().map_or("", |r| r.as_str()))
                .arg("role", role.as_str()),
        ));
    }
    let mut everyone: Vec<(UserRef, RoleKind)> = Vec::new();
    match audience {
        Audience::All | Audience::Role(_) => {
            for (a, user) in applications {
                if a.status.is_accepted()
                    && (audience == Audience::All || audience == Audience::Role(a.role))
                {
                    everyone.push((user.clone(), a.role));
                }
            }
        }
        Audience::Waiting => {
            let matched = |u: &UserRef| {
                matches
                    .iter()
                    .any(|m| m.status == MatchStatus::Active && (m.mentee == *u || m.mentor == *u))
            };
            for (a, user) in applications {
                if Audience::is_waiting(a.status, matched(user)) {
                    everyone.push((user.clone(), a.role));
                }
            }
        }
        Audience::Matched | Audience::Cohort { .. } | Audience::Alumni => {
            let active = |u: &UserRef| {
                matches
                    .iter()
                    .any(|m| m.status == MatchStatus::Active && (m.mentee == *u || m.mentor == *u))
            };
            for m in matches {
                let member = match audience {
                    Audience::Matched => m.status == MatchStatus::Active,
                    // The programme's own alumni, not matched again since.
                    Audience::Alumni => {
                        Audience::graduated(m) && !active(&m.mentee) && !active(&m.mentor)
                    }
                    _ => m.status == MatchStatus::Active && audience.in_cohort(m.started()),
                };
                if member {
                    everyone.push((m.mentee.clone(), RoleKind::Mentee));
                    everyone.push((m.mentor.clone(), RoleKind::Mentor));
                }
            }
        }
    }
    // Someone a coordinator entered an application for has no chat account to answer from.
    everyone.retain(|(u, role)| survey.roles.contains(role) && !u.is_assisted());
    everyone.sort();
    everyone.dedup_by(|a, b| a.0 == b.0);
    let before = everyone.len();
    everyone.retain(|(u, _)| !open.contains(u));
    let skipped_text = match before - everyone.len() {
        0 => Text::plain(""),
        n => Text::msg("surveys-skipped").arg("count", n),
    };
    if everyone.is_empty() {
        return Err(post(
            Text::msg("surveys-nobody")
                .arg("survey", super::title(programme, survey))
                .arg("audience", audience.said())
                .arg("programme", programme.said_name())
                .arg("skipped", skipped_text),
        ));
    }
    Ok((everyone, skipped_text))
}

/// A confirmed `survey send`: sent to whom it reaches now (see `flows::confirm`).
pub fn send_confirmed(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    programme: &str,
    survey: &str,
    audience: Audience,
) -> Outcome {
    let (programme, survey) = match coordinated(ctx, room, &format!("{programme}/{survey}")) {
        Ok(found) => found,
        Err(refused) => return *refused,
    };
    let (everyone, skipped_text) = match recipients(ctx, room, programme, survey, audience) {
        Ok(found) => found,
        Err(refused) => return *refused,
    };
    let closes_at = ctx.now + chrono::Duration::days(i64::from(survey.open_days));
    let n = everyone.len();
    let round = NewRound {
        programme: programme.slug.clone(),
        survey: survey.id.clone(),
        // Stored as the coordinators' record of the round, in English like the rounds
        // before it (`match M4` for a milestone's).
        audience: audience.describe(),
        match_id: None,
        sent_by: ctx.user.to_string(),
        source: format!("send:{}:{}", ctx.user, ctx.now.timestamp_millis()),
        closes_at,
        recipients: everyone,
    };
    Outcome::unchanged(vec![
        Effect::SendSurvey(round),
        Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("surveys-sent")
                    .arg("survey", super::title(programme, survey))
                    .arg("count", n)
                    .arg("audience", audience.said())
                    .arg("skipped", skipped_text)
                    .arg("closes", Text::date(closes_at.date_naive()))
                    .arg("reminder", i64::from(survey.reminder_days))
                    .arg("id", survey.id.as_str()),
            ),
        },
    ])
}

/// `surveys`: every survey of the programmes the sender coordinates.
fn list_text(ctx: &Ctx<'_>) -> Text {
    let stats = match ctx.subject {
        Subject::SurveyStats(s) => s.as_slice(),
        _ => &[],
    };
    let mut lines = vec![Text::msg("surveys-list")];
    for p in ctx.programmes.iter().filter(|p| p.is_coordinator(ctx.user)) {
        for survey in &p.surveys {
            let sent = match stats
                .iter()
                .find(|x| x.programme == p.slug && x.survey == survey.id)
            {
                Some(x) => Text::msg("surveys-list-sent")
                    .arg("rounds", x.rounds)
                    .arg("invited", x.invited)
                    .arg("answered", x.answered)
                    .arg("open", x.open),
                None => Text::msg("surveys-list-not-sent"),
            };
            lines.push(Text::bullet(
                if survey.anonymous {
                    Text::msg("surveys-list-anonymous")
                } else {
                    Text::msg("surveys-list-attributed")
                }
                .arg("id", survey.id.as_str())
                .arg("survey", super::title(p, survey))
                .arg("programme", p.slug.as_str())
                .arg("questions", survey.questions.len())
                .arg("sent", sent),
            ));
        }
    }
    if lines.len() == 1 {
        return Text::msg("surveys-none-yours");
    }
    lines.push(usage());
    Text::lines(lines)
}
