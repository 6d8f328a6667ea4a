//! Surveys: answering one in a DM, and the coordinators' `surveys`, `survey send` and
//! `survey results`.
//!
//! A survey is a form of the form engine ([`super::form`]), asked one question at a time
//! like an application (same question kinds and prompts, `back`, `skip` for optional
//! questions, `keep`; it moves on to the next question still unanswered), started by a queued prompt when
//! the person is free, or by typing `survey`. `later` (or `cancel`) stops and keeps the
//! answers so far; `survey` picks up where they stopped, until the survey closes. The last
//! answer submits. Figures only ever come from `domain::survey::summarise`, which enforces
//! the programme's anonymity minimum.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::{Command, parse as parse_command};
use super::form::{self, FIRST_QUESTION, Form, KeepUnanswered, Onward, Reply};
use super::{Content, Ctx, Effect, FlowState, OutMessage, Outcome, StateChange, Subject};
use crate::domain::matches::MatchStatus;
use crate::domain::survey::{Audience, NewRound, Survey, SurveyInvite, summarise};
use crate::domain::{Answer, Programme, RoleKind, RoomRef, UserRef};

/// A survey being answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyFlow {
    pub invite_id: i64,
    pub programme: String,
    pub survey: String,
    pub answers: BTreeMap<String, Answer>,
    /// The question being asked.
    pub question: String,
}

/// The ref of the question the flow waits on, echoed by platforms' controls.
pub(crate) fn current_ref(flow: &SurveyFlow) -> String {
    format!("survey:{}:{}", flow.invite_id, flow.question)
}

fn invite<'c>(ctx: &'c Ctx<'_>, id: i64) -> Option<(&'c SurveyInvite, &'c Programme, &'c Survey)> {
    let invite = ctx.surveys.iter().find(|i| i.id == id)?;
    let programme = ctx.programme(&invite.programme)?;
    let survey = programme.survey(&invite.survey)?;
    Some((invite, programme, survey))
}

/// Starts (or resumes) the survey of an open invite; nothing when it closed or was
/// answered meanwhile.
pub fn start(ctx: &Ctx<'_>, invite_id: i64, reminder: bool) -> Outcome {
    let Some((invite, programme, survey)) = invite(ctx, invite_id) else {
        return Outcome::unchanged(vec![]);
    };
    let form = Form::new(&survey.questions, &invite.draft);
    let Some(first) = form
        .first_unanswered()
        .or_else(|| form.visible().first().copied())
    else {
        return Outcome::unchanged(vec![]);
    };
    let flow = SurveyFlow {
        invite_id,
        programme: programme.slug.clone(),
        survey: survey.id.clone(),
        answers: invite.draft.clone(),
        question: first.id.clone(),
    };
    let closes = invite.closes_at.format("%-d %B");
    let intro = if !invite.draft.is_empty() {
        format!(
            "Let's carry on with {} ({}) where you stopped. It closes on {closes}.",
            survey.title, programme.name
        )
    } else if reminder {
        reminder_text(invite, programme, survey, form.count())
    } else {
        let mut s = format!("{} from {}", survey.title, programme.name);
        if !survey.intro.is_empty() {
            s.push_str(&format!(": {}", survey.intro));
        }
        s.push_str(&format!(
            "\n{}\nThere are {} questions, open until {closes}. You can type back, skip (optional questions) or later (to stop and finish another time).",
            survey.privacy_note(programme.anonymity_minimum),
            form.count()
        ));
        s
    };
    let question = question(survey, &flow);
    form::say_then_ask(
        ctx,
        StateChange::Set(FlowState::Survey(flow)),
        vec![intro],
        question,
    )
}

fn reminder_text(
    invite: &SurveyInvite,
    programme: &Programme,
    survey: &Survey,
    questions: usize,
) -> String {
    format!(
        "A gentle reminder: {} ({}) closes on {}. It takes {questions} questions; your answers help us run the programme better.\n{}",
        survey.title,
        programme.name,
        invite.closes_at.format("%-d %B"),
        survey.privacy_note(programme.anonymity_minimum)
    )
}

/// A reminder for someone whose survey is already open in their conversation (it was
/// started, then left unanswered): the reminder and the question they are on.
pub fn nudge(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Vec<Effect> {
    let Some((invite, programme, survey)) = invite(ctx, flow.invite_id) else {
        return vec![];
    };
    let questions = Form::new(&survey.questions, &flow.answers).count();
    vec![
        ctx.dm_text(reminder_text(invite, programme, survey, questions)),
        ctx.dm(question(survey, flow)),
    ]
}

/// `survey` in a DM: the oldest open survey, or a word that there is none.
pub fn resume(ctx: &Ctx<'_>) -> Outcome {
    match ctx.surveys.first() {
        Some(i) => {
            let outcome = start(ctx, i.id, false);
            if outcome.effects.is_empty() {
                Outcome::unchanged(vec![ctx.dm_text(NONE_OPEN)])
            } else {
                outcome
            }
        }
        None => Outcome::unchanged(vec![ctx.dm_text(NONE_OPEN)]),
    }
}

const NONE_OPEN: &str = "You have no survey to answer right now. Thank you!";

fn question(survey: &Survey, flow: &SurveyFlow) -> OutMessage {
    let form = Form::new(&survey.questions, &flow.answers);
    match form.question(&flow.question) {
        Some(q) => form.ask(q, current_ref(flow)),
        None => OutMessage::text("Type survey to carry on."),
    }
}

/// The question a survey waits on, while its invite is open.
pub(super) fn current_question(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Option<OutMessage> {
    let (_, _, survey) = invite(ctx, flow.invite_id)?;
    Some(question(survey, flow))
}

/// One message while answering a survey.
pub fn step(ctx: &Ctx<'_>, flow: &SurveyFlow, content: &Content) -> Outcome {
    let Some((_, programme, survey)) = invite(ctx, flow.invite_id) else {
        return Outcome {
            state: StateChange::Clear,
            effects: vec![ctx.dm_text(
                "That survey has closed, so your answers were not recorded. Thank you for your time all the same.",
            )],
        };
    };
    let reprompt = |notes: Vec<String>| {
        form::say_then_ask(ctx, StateChange::Unchanged, notes, question(survey, flow))
    };
    if form::picked_elsewhere(content, &current_ref(flow)) {
        return reprompt(vec![
            "That question was answered already; here is where you are:".into(),
        ]);
    }
    let form = Form::new(&survey.questions, &flow.answers);
    let (Some(q), Some(pos)) = (form.question(&flow.question), form.position(&flow.question))
    else {
        // The survey changed under this conversation: carry on with what is left.
        return advance(ctx, programme, survey, flow.clone(), None);
    };
    let text = match content {
        Content::Text(t) => Some(t.trim().to_lowercase()),
        Content::Picked { .. } => None,
    };
    let later = matches!(text.as_deref(), Some("later" | "stop" | "pause"));
    let command = text.as_deref().and_then(parse_command);
    match command {
        _ if later => return stop(ctx, flow),
        Some(Command::Cancel) => return stop(ctx, flow),
        Some(Command::Help | Command::Status) => {
            return reprompt(vec![format!(
                "You're answering {} ({}), question {} of {}. You can type:\nback — the previous question\nskip — leave out an optional question\nlater — stop now and finish before {} (type survey to carry on)",
                survey.title,
                programme.name,
                pos + 1,
                form.count(),
                ctx.surveys
                    .iter()
                    .find(|i| i.id == flow.invite_id)
                    .map(|i| i.closes_at.format("%-d %B").to_string())
                    .unwrap_or_default()
            )]);
        }
        _ => {}
    }
    match form.read(
        q,
        content,
        command.as_ref(),
        ctx.now,
        KeepUnanswered::ReadAsAnswer,
    ) {
        Reply::Forward(answers) => {
            let next = SurveyFlow {
                answers,
                ..flow.clone()
            };
            advance(ctx, programme, survey, next, Some(&q.id))
        }
        Reply::Back(Some(before)) => {
            let next = SurveyFlow {
                question: before.id.clone(),
                ..flow.clone()
            };
            let question = question(survey, &next);
            form::say_then_ask(
                ctx,
                StateChange::Set(FlowState::Survey(next)),
                vec![],
                question,
            )
        }
        Reply::Back(None) => reprompt(vec![FIRST_QUESTION.into()]),
        Reply::Retry(note) => reprompt(vec![note]),
    }
}

/// `later`: keep the answers so far, free the conversation.
fn stop(ctx: &Ctx<'_>, flow: &SurveyFlow) -> Outcome {
    Outcome {
        state: StateChange::Clear,
        effects: vec![
            Effect::SaveSurveyDraft {
                invite_id: flow.invite_id,
                user: ctx.user.clone(),
                answers: flow.answers.clone(),
            },
            ctx.dm_text(
                "All right: I've kept your answers so far. Type survey whenever you'd like to finish it.",
            ),
        ],
    }
}

/// The next unanswered question after `after`, or the submission when there is none.
fn advance(
    ctx: &Ctx<'_>,
    programme: &Programme,
    survey: &Survey,
    flow: SurveyFlow,
    after: Option<&str>,
) -> Outcome {
    let form = Form::new(&survey.questions, &flow.answers);
    if let Some(q) = form.next(after, Onward::NextUnanswered) {
        let next = SurveyFlow {
            question: q.id.clone(),
            ..flow.clone()
        };
        let question = question(survey, &next);
        return form::say_then_ask(
            ctx,
            StateChange::Set(FlowState::Survey(next)),
            vec![],
            question,
        );
    }
    // Only the visible questions' answers are kept: a branch not taken leaves nothing.
    let answers: BTreeMap<String, Answer> = form.given().into_iter().collect();
    Outcome {
        state: StateChange::Clear,
        effects: vec![
            Effect::SubmitSurvey {
                invite_id: flow.invite_id,
                user: ctx.user.clone(),
                answers,
                attributed: !survey.anonymous,
            },
            ctx.dm_text(format!(
                "Thank you! Your answers to {} are in{}. They help {} support every pair better.",
                survey.title,
                if survey.anonymous {
                    ", without your name"
                } else {
                    ""
                },
                programme.name
            )),
        ],
    }
}

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

const USAGE: &str = "Survey commands: surveys · survey send <survey> <audience> (all, mentors, mentees, matched, or a cohort like 2027-01) · survey results <survey>";

/// Parses a survey command; `None` when the text is not one.
pub fn parse(text: &str) -> Option<Result<SurveyCommand, String>> {
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
        _ => Err(USAGE.into()),
    })
}

/// The programme and survey a coordinator names: `midpoint`, or `pathways-2027/midpoint`
/// when several programmes have one of that name.
pub fn find<'p>(
    programmes: &'p [Programme],
    user: &UserRef,
    name: &str,
) -> Result<(&'p Programme, &'p Survey), String> {
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
                "No programme defines a survey yet (see [surveys] in the programme file).".into()
            } else {
                format!(
                    "There is no survey called “{}”. Surveys: {}.",
                    crate::domain::text::preview(name, 40),
                    known.join(", ")
                )
            })
        }
        ([one], _) | (_, [one]) => Ok(*one),
        (_, _) => Err(format!(
            "Several programmes have a survey called {id}: write it as programme/{id}, like {}/{id}.",
            found[0].0.slug
        )),
    }
}

/// Runs a coordinator's survey command in the coordinators' room.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: SurveyCommand) -> Outcome {
    let post = |text: String| super::post_only(room, text);
    let command = match super::staff_command(
        room,
        ctx.coordinators_room,
        Ok(command),
        "Survey commands work in the coordinators' room.",
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    if let SurveyCommand::List = command {
        if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
            return super::review::refuse_non_coordinator(ctx, room, "see the surveys");
        }
        return post(list_text(ctx));
    }
    let name = command.survey().unwrap_or_default();
    let (programme, survey) = match find(ctx.programmes, ctx.user, name) {
        Ok(found) => found,
        Err(e) => return post(e),
    };
    if !programme.is_coordinator(ctx.user) {
        return super::review::refuse_non_coordinator(
            ctx,
            room,
            "send surveys or see their results",
        );
    }
    match (command, ctx.subject) {
        (
            SurveyCommand::Send { audience, .. },
            Subject::SurveySend {
                open,
                applications,
                matches,
                ..
            },
        ) => send(
            ctx,
            room,
            programme,
            survey,
            audience,
            open,
            applications,
            matches,
        ),
        (
            SurveyCommand::Results { .. },
            Subject::SurveyResults {
                responses, invited, ..
            },
        ) => match summarise(survey, responses, programme.anonymity_minimum) {
            Ok(report) => post(report.text(survey, &programme.name, *invited)),
            Err(reason) => post(reason),
        },
        _ => post("I couldn't load that survey's data; please try again.".into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn send(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    programme: &Programme,
    survey: &Survey,
    audience: Audience,
    open: &[UserRef],
    applications: &[(crate::domain::ApplicationSummary, UserRef)],
    matches: &[crate::domain::matches::MatchRecord],
) -> Outcome {
    let post = |text: String| super::post_only(room, text);
    if let Audience::Role(role) = audience
        && !survey.roles.contains(&role)
    {
        return post(format!(
            "{} is for {} only: it can't be sent to {role}s.",
            survey.title,
            roles_text(&survey.roles)
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
        Audience::Matched | Audience::Cohort { .. } => {
            for m in matches {
                let member = match audience {
                    Audience::Matched => m.status == MatchStatus::Active,
                    _ => m.status == MatchStatus::Active && audience.in_cohort(m.created_at),
                };
                if member {
                    everyone.push((m.mentee.clone(), RoleKind::Mentee));
                    everyone.push((m.mentor.clone(), RoleKind::Mentor));
                }
            }
        }
    }
    everyone.retain(|(_, role)| survey.roles.contains(role));
    everyone.sort();
    everyone.dedup_by(|a, b| a.0 == b.0);
    let before = everyone.len();
    everyone.retain(|(u, _)| !open.contains(u));
    let skipped = before - everyone.len();
    let skipped_text = match skipped {
        0 => String::new(),
        1 => " (1 person was already asked while it is open, and was not asked twice)".into(),
        n => format!(" ({n} people were already asked while it is open, and were not asked twice)"),
    };
    if everyone.is_empty() {
        return post(format!(
            "Nobody to send {} to: there are no {} in {}{skipped_text}. Nothing was sent.",
            survey.title,
            audience.describe(),
            programme.name
        ));
    }
    let closes_at = ctx.now + chrono::Duration::days(i64::from(survey.open_days));
    let n = everyone.len();
    let round = NewRound {
        programme: programme.slug.clone(),
        survey: survey.id.clone(),
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
            message: OutMessage::text(format!(
                "Sent {} to {n} {} by DM{skipped_text}. It closes on {}{}. See the answers with survey results {}.",
                survey.title,
                if n == 1 {
                    "person".to_string()
                } else {
                    format!("people ({})", audience.describe())
                },
                closes_at.format("%-d %B %Y"),
                if survey.reminder_days > 0 {
                    format!(
                        "; anyone who hasn't answered is reminded after {} days",
                        survey.reminder_days
                    )
                } else {
                    String::new()
                },
                survey.id
            )),
        },
    ])
}

fn roles_text(roles: &[RoleKind]) -> String {
    roles
        .iter()
        .map(|r| format!("{r}s"))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// `surveys`: every survey of the programmes the sender coordinates.
fn list_text(ctx: &Ctx<'_>) -> String {
    let stats = match ctx.subject {
        Subject::SurveyStats(s) => s.as_slice(),
        _ => &[],
    };
    let mut s = String::from("Surveys:");
    let mut any = false;
    for p in ctx.programmes.iter().filter(|p| p.is_coordinator(ctx.user)) {
        for survey in &p.surveys {
            any = true;
            s.push_str(&format!(
                "\n• {} — {} ({}, {}, {} questions): ",
                survey.id,
                survey.title,
                p.slug,
                if survey.anonymous {
                    "anonymous"
                } else {
                    "attributed"
                },
                survey.questions.len()
            ));
            match stats
                .iter()
                .find(|x| x.programme == p.slug && x.survey == survey.id)
            {
                Some(x) => s.push_str(&format!(
                    "sent {} time{}, {} invited, {} answered, {} still open",
                    x.rounds,
                    if x.rounds == 1 { "" } else { "s" },
                    x.invited,
                    x.answered,
                    x.open
                )),
                None => s.push_str("not sent yet"),
            }
        }
    }
    if !any {
        return "None of your programmes defines a survey (see [surveys] in the programme file)."
            .into();
    }
    s.push_str(&format!("\n{USAGE}"));
    s
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::{DateTime, Duration, Utc};

    use super::*;
    use crate::domain::incident::Moderation;
    use crate::domain::matches::MatchRecord;
    use crate::domain::{ApplicationStatus, ApplicationSummary, Platform};
    use crate::flows::{Inbound, handle};

    const SURVEY: &str = r#"
[surveys.pulse]
title = "Pulse survey"
intro = "Three questions."
anonymous = true
for = ["mentee"]
[[surveys.pulse.questions]]
id = "mood"
kind = "scale"
prompt = "How is it going?"
[[surveys.pulse.questions]]
id = "nps"
kind = "nps"
prompt = "Would you recommend us?"
[[surveys.pulse.questions]]
id = "words"
kind = "long_text"
prompt = "Anything to add?"
optional = true
"#;

    fn programme() -> Programme {
        // Top-level keys first, then the test programme's tables, then the survey.
        let source = format!(
            "coordinators = [\"console:carol\"]{}{SURVEY}",
            crate::flows::tests::PROGRAMME
        );
        crate::config::parse_programme(Path::new("t.toml"), &source).expect("test programme")
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn invite(draft: BTreeMap<String, Answer>) -> SurveyInvite {
        SurveyInvite {
            id: 7,
            programme: "demo".into(),
            survey: "pulse".into(),
            role: RoleKind::Mentee,
            closes_at: now() + Duration::days(14),
            draft,
        }
    }

    struct World {
        programmes: Vec<Programme>,
        user: UserRef,
        invites: Vec<SurveyInvite>,
        subject: Subject,
        room: RoomRef,
    }

    impl World {
        fn new(user: &str) -> World {
            World {
                programmes: vec![programme()],
                user: UserRef::new(Platform::Console, user),
                invites: vec![invite(BTreeMap::new())],
                subject: Subject::Nothing,
                room: RoomRef::new(Platform::Console, "coordinators"),
            }
        }

        fn ctx(&self) -> Ctx<'_> {
            Ctx {
                user: &self.user,
                programmes: &self.programmes,
                applications: &[],
                matches: &[],
                reports: &[],
                suspended: false,
                surveys: &self.invites,
                now: now(),
                max_message_chars: 8000,
                room_prefix: "!tandem",
                coordinators_room: Some(&self.room),
                moderators_room: None,
                events_room: None,
                moderation: Box::leak(Box::new(Moderation::default())),
                subject: &self.subject,
                people: &[],
                blocked_offers: &[],
            }
        }

        fn dm(&self, state: Option<&FlowState>, text: &str) -> Outcome {
            handle(
                &self.ctx(),
                state,
                &Inbound {
                    from: self.user.clone(),
                    place: crate::domain::Place::Dm,
                    content: Content::Text(text.into()),
                    files: vec![],
                },
            )
        }

        fn in_room(&self, text: &str) -> Outcome {
            handle(
                &self.ctx(),
                None,
                &Inbound {
                    from: self.user.clone(),
                    place: crate::domain::Place::Room(self.room.clone()),
                    content: Content::Text(format!("!tandem {text}")),
                    files: vec![],
                },
            )
        }
    }

    fn texts(outcome: &Outcome) -> String {
        outcome
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::SendDm { message, .. } | Effect::PostInRoom { message, .. } => {
                    Some(message.text.clone())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn state(outcome: &Outcome) -> FlowState {
        match &outcome.state {
            StateChange::Set(s) => s.clone(),
            other => panic!("expected a new state, got {other:?}"),
        }
    }

    /// A survey in progress stored before the form engine: it must still load, and be
    /// stored again in the same shape.
    const STORED: &str = r#"{"flow":"survey","invite_id":7,"programme":"demo","survey":"pulse","answers":{"mood":{"type":"number","value":4.0}},"question":"nps"}"#;

    #[test]
    fn a_survey_stored_before_the_form_engine_still_loads_in_the_same_shape() {
        let state: FlowState = serde_json::from_str(STORED).expect("the stored shape loads");
        let FlowState::Survey(flow) = &state else {
            panic!("not a survey: {state:?}");
        };
        assert_eq!(flow.invite_id, 7);
        assert_eq!(flow.question, "nps");
        assert_eq!(flow.answers.get("mood"), Some(&Answer::Number(4.0)));
        assert_eq!(serde_json::to_string(&state).unwrap(), STORED);
        // And it carries on where it stopped.
        let w = World::new("amina");
        let out = w.dm(Some(&state), "9");
        assert!(texts(&out).contains("Question 3 of 3"), "{}", texts(&out));
    }

    #[test]
    fn a_survey_is_answered_one_question_at_a_time_and_submitted_without_a_name() {
        let w = World::new("amina");
        let started = start(&w.ctx(), 7, false);
        let text = texts(&started);
        assert!(
            text.contains("Pulse survey from Demo Programme: Three questions."),
            "{text}"
        );
        assert!(text.contains("from 5 or more people"), "{text}");
        assert!(text.contains("Question 1 of 3: How is it going?"), "{text}");
        let mut s = state(&started);
        // Out of range: the reason, the question again, nothing changes.
        let out = w.dm(Some(&s), "7");
        assert_eq!(out.state, StateChange::Unchanged);
        assert!(
            texts(&out).contains("Please answer with a number from 1 to 5"),
            "{}",
            texts(&out)
        );
        s = state(&w.dm(Some(&s), "Good"));
        let out = w.dm(Some(&s), "11");
        assert!(
            texts(&out).contains("11 is out of range"),
            "{}",
            texts(&out)
        );
        assert_eq!(out.state, StateChange::Unchanged);
        s = state(&w.dm(Some(&s), "9"));
        // The optional question can be skipped, which submits.
        let done = w.dm(Some(&s), "skip");
        assert_eq!(done.state, StateChange::Clear);
        let submitted = done
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::SubmitSurvey {
                    invite_id,
                    answers,
                    attributed,
                    ..
                } => Some((*invite_id, answers.clone(), *attributed)),
                _ => None,
            })
            .expect("submitted");
        assert_eq!(submitted.0, 7);
        assert!(!submitted.2, "an anonymous survey is never attributed");
        assert_eq!(submitted.1.get("mood"), Some(&Answer::Number(4.0)));
        assert_eq!(submitted.1.get("nps"), Some(&Answer::Number(9.0)));
        assert_eq!(submitted.1.get("words"), Some(&Answer::Skipped));
        assert!(texts(&done).contains("without your name"));
    }

    #[test]
    fn later_keeps_the_answers_and_survey_carries_on_from_them() {
        let mut w = World::new("amina");
        let s = state(&start(&w.ctx(), 7, false));
        let s = state(&w.dm(Some(&s), "2"));
        let back = w.dm(Some(&s), "back");
        assert!(texts(&back).contains("Question 1 of 3"), "{}", texts(&back));
        let paused = w.dm(Some(&s), "later");
        assert_eq!(paused.state, StateChange::Clear);
        let draft = paused
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::SaveSurveyDraft { answers, .. } => Some(answers.clone()),
                _ => None,
            })
            .expect("draft saved");
        assert_eq!(draft.get("mood"), Some(&Answer::Number(2.0)));
        w.invites = vec![invite(draft)];
        let resumed = w.dm(None, "survey");
        let text = texts(&resumed);
        assert!(text.contains("Let's carry on with Pulse survey"), "{text}");
        assert!(text.contains("Question 2 of 3"), "{text}");
    }

    #[test]
    fn a_survey_that_closed_meanwhile_records_nothing_and_says_so() {
        let mut w = World::new("amina");
        let s = state(&start(&w.ctx(), 7, false));
        w.invites.clear();
        let out = w.dm(Some(&s), "4");
        assert_eq!(out.state, StateChange::Clear);
        assert!(
            texts(&out).contains("That survey has closed"),
            "{}",
            texts(&out)
        );
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::SubmitSurvey { .. }))
        );
        assert!(texts(&w.dm(None, "survey")).contains("no survey to answer"));
    }

    fn application(id: i64, role: RoleKind, status: ApplicationStatus) -> ApplicationSummary {
        ApplicationSummary {
            id,
            programme: "demo".into(),
            role,
            status,
            submitted_at: now(),
            steps: BTreeMap::new(),
            waitlist_position: None,
        }
    }

    #[test]
    fn survey_send_asks_the_audience_once_and_refuses_an_empty_one() {
        let mut w = World::new("carol");
        let person = |n: &str| UserRef::new(Platform::Console, n);
        w.subject = Subject::SurveySend {
            applications: vec![
                (
                    application(1, RoleKind::Mentee, ApplicationStatus::Ready),
                    person("amina"),
                ),
                (
                    application(2, RoleKind::Mentee, ApplicationStatus::Ready),
                    person("bo"),
                ),
                (
                    application(3, RoleKind::Mentee, ApplicationStatus::NeedsReview),
                    person("cy"),
                ),
                (
                    application(4, RoleKind::Mentor, ApplicationStatus::Ready),
                    person("grace"),
                ),
            ],
            matches: Vec::<MatchRecord>::new(),
            open: vec![person("bo")],
        };
        let out = w.in_room("survey send pulse to mentees");
        let round = out
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::SendSurvey(r) => Some(r.clone()),
                _ => None,
            })
            .expect("a round");
        assert_eq!(round.recipients, vec![(person("amina"), RoleKind::Mentee)]);
        let text = texts(&out);
        assert!(
            text.contains(
                "Sent Pulse survey to 1 person by DM (1 person was already asked while it is open"
            ),
            "{text}"
        );
        // A survey for mentees only is not sent to mentors.
        let out = w.in_room("survey send pulse mentors");
        assert!(
            texts(&out).contains("is for mentees only"),
            "{}",
            texts(&out)
        );
        // Nobody in an active match: refused, nothing stored.
        let out = w.in_room("survey send pulse matched");
        assert!(texts(&out).contains("Nothing was sent"), "{}", texts(&out));
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::SendSurvey(_)))
        );
        // Bad audience, and someone who does not coordinate.
        assert!(
            texts(&w.in_room("survey send pulse friends")).contains("I don't know the audience")
        );
        let w = World {
            user: person("mallory"),
            ..w
        };
        let out = w.in_room("survey send pulse mentees");
        assert!(
            texts(&out).contains("only the programme's coordinators"),
            "{}",
            texts(&out)
        );
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::SendSurvey(_)))
        );
    }
}
