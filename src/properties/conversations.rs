//! Whole conversations: `flows::handle` driven by random sequences of DMs and room messages
//! from a few people (an applicant, her mentor, a coordinator, a moderator), with queued
//! prompts delivered in between, each step's new state fed into the next, as the app does.
//! No step may panic, and every state a step leaves must survive being stored as JSON.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use proptest::sample::Index;

use super::strategies::{message, number_text, text};
use crate::chat::{
    Content, FileStatus, HeldFile, Inbound, InboundFile, OutMessage, ReportedMessage,
};
use crate::domain::events::{EventRecord, Rsvp};
use crate::domain::incident::{CaseRecord, CaseStatus, Moderation, Severity, default_categories};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::survey::SurveyInvite;
use crate::domain::{
    Answer, ApplicationRecord, ApplicationStatus, ApplicationSummary, Place, Platform, Programme,
    QuestionKind, RoleKind, RoomRef, UserRef,
};
use crate::flows::{
    Ctx, Effect, FlowState, Prompt, StateChange, Subject, current_prompt_ref, wants_files,
};

const EXAMPLE: &str = include_str!("../../config/programs/example.toml");
const PEOPLE: [&str; 4] = ["ada", "bob", "carol", "mo"];
const ROOMS: [&str; 5] = ["coordinators", "moderators", "events", "pair-1", "lobby"];
/// Answers that take an application, a report or a survey forward (the demo programme's
/// form, as `flows::tests` fills it in), so that random sequences get deep into flows.
const SCRIPT: &[&str] = &[
    "apply",
    "apply demo mentee",
    "apply pathways-2027 mentor",
    "mentee",
    "mentor",
    "Ada",
    "19",
    "Europe/Berlin",
    "English",
    "English, Swahili",
    "1",
    "2",
    "3",
    "1, 3",
    "yes",
    "no",
    "Two summers in a bike shop.",
    "skip",
    "I agree",
    "review",
    "submit",
    "edit 2",
    "back",
    "keep",
    "cancel",
    "later",
    "report",
    "anonymous",
    "named",
    "urgent",
    "not urgent",
    "done",
    "confirm",
    "survey",
    "close match",
    "close match 1 moved away",
    "transcript",
    "pause until 2027-03-01",
    "resume",
    "my data",
    "delete my data",
    "withdraw",
    "status",
    "help",
    "!tandem queue",
    "!tandem show 1",
    "!tandem approve 1",
    "!tandem step 2 interview done",
    "!tandem case show 1",
    "!tandem cases",
    "!tandem freeze pair 1",
    "!tandem confirm",
    "!tandem suspend bob until 2027-02-01 spam",
    "!tandem match preview",
    "!tandem match approve 1",
    "!tandem survey send midpoint mentees",
    "!tandem report",
    "!tandem export applications json",
    "!tandem events",
    "!tandem rsvp 1 yes",
    "!tandem event create title: Night; start: 2027-02-03 18:00 Europe/London; length: 90m; repeat: 0 18 * * WED until 2027-03-30",
    "!tandem close match 1 disciplinary rude",
    "!tandem pause 1 until 2027-02-01",
    "!tandem message 1 hello",
    "report message https://discord.com/channels/1/2/3",
    "!tandem suspend bob until +262142-12-31",
    "!tandem step 2 interview scheduled +262142-12-31",
    "!tandem step 2 background_check cleared until -262143-01-01",
    "pause until +262142-12-31",
    "!tandem event create title: End; start: +262142-12-31 23:59 UTC-12",
    "!tandem pause 1 until 9999-12-31",
    "!tandem survey send closure cohort 2100-12",
    "pause until next Friday",
    "pause for 2 weeks",
    "pause until 31/02/2027",
    "!tandem pause 1 until 13/25/2027",
    "!tandem suspend bob until 30 June repeated spam",
    "!tandem step 2 interview scheduled next wednesday",
    "!tandem event create title: Lunch; start: tomorrow noon; repeat: every other Monday 6pm until 30 June",
    "!tandem event create title: Talk; start: in 9999 months 9am",
];
/// Stands for the prompt the person's conversation waits on, filled in when sent.
const CURRENT_PROMPT: &str = "<current prompt>";

/// One thing that happens: someone sends a message, or a queued prompt is delivered.
#[derive(Debug, Clone)]
enum Step {
    Say {
        who: usize,
        /// `None`: a DM; else an index into [`ROOMS`].
        room: Option<usize>,
        content: Content,
        files: Vec<FileStatus>,
        /// Which of [`subjects`] the app loaded for the message.
        subject: usize,
    },
    Deliver {
        who: usize,
        prompt: Prompt,
    },
    /// The person answers what the bot last asked them, sensibly: one of its choices (as
    /// typed or picked), or a fitting answer to an application question.
    Answer {
        who: usize,
        pick: Index,
        picked: bool,
    },
}

fn picked() -> impl Strategy<Value = Content> {
    (
        prop_oneof![
            Just(None),
            Just(Some(CURRENT_PROMPT.to_string())),
            proptest::sample::select(vec![
                "rsvp:1",
                "rsvp:0",
                "rsvp:-1",
                "rsvp:99999999999999999999"
            ])
            .prop_map(|r| Some(r.to_string())),
            text().prop_map(Some),
        ],
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    "yes",
                    "no",
                    "maybe",
                    "1",
                    "2",
                    "mentee",
                    "mentor",
                    "technology",
                    "cv",
                    "en",
                    "keep_in_touch",
                    "new_match",
                    "break",
                    "harassment",
                    "anonymous",
                ])
                .prop_map(str::to_string),
                text(),
                number_text(),
            ],
            0..4,
        ),
    )
        .prop_map(|(prompt_ref, values)| Content::Picked { prompt_ref, values })
}

fn file_status() -> impl Strategy<Value = FileStatus> {
    prop_oneof![
        Just(FileStatus::Received),
        (any::<i64>(), text(), any::<u64>()).prop_map(|(id, name, size)| {
            FileStatus::Held(HeldFile {
                id,
                name,
                mime: "image/png".into(),
                size,
            })
        }),
        any::<u64>().prop_map(|limit| FileStatus::TooLarge { limit }),
        Just(FileStatus::Failed),
        Just(FileStatus::Uncleanable),
        Just(FileStatus::Unsupported),
    ]
}

/// A step by anyone, or (with `focus`) mostly by that person and mostly a sensible answer.
fn step(focus: Option<usize>) -> impl Strategy<Value = Step> {
    let who = move || match focus {
        Some(f) => prop_oneof![4 => Just(f), 1 => 0..PEOPLE.len()].boxed(),
        None => (0..PEOPLE.len()).boxed(),
    };
    let say = (
        who(),
        prop_oneof![
            4 => Just(None),
            2 => (0..ROOMS.len()).prop_map(Some),
            // Where the person works: the pair room, the coordinators' or moderators' room.
            3 => Just(Some(focus.map_or(3, |f| [3, 3, 0, 1][f]))),
        ],
        prop_oneof![
            6 => message().prop_map(Content::Text),
            4 => proptest::sample::select(SCRIPT).prop_map(|w| Content::Text(w.to_string())),
            1 => picked(),
        ],
        any::<bool>(),
        prop_oneof![6 => Just(vec![]), 1 => proptest::collection::vec(file_status(), 1..3)],
        0..SUBJECTS,
    )
        .prop_map(|(who, room, content, prefixed, files, subject)| {
            let content = match (room, content) {
                (Some(_), Content::Text(t)) if prefixed && !t.starts_with("!tandem") => {
                    Content::Text(format!("!tandem {t}"))
                }
                (None, Content::Text(t)) if prefixed => {
                    Content::Text(t.trim_start_matches("!tandem ").to_string())
                }
                (_, c) => c,
            };
            Step::Say {
                who,
                room,
                content,
                files,
                subject,
            }
        });
    let answer = (who(), any::<Index>(), any::<bool>())
        .prop_map(|(who, pick, picked)| Step::Answer { who, pick, picked });
    let deliver = (who(), prompt()).prop_map(|(who, prompt)| Step::Deliver { who, prompt });
    let answers = if focus.is_some() { 12 } else { 4 };
    prop_oneof![answers => answer, 6 => say, 1 => deliver]
}

fn prompt() -> impl Strategy<Value = Prompt> {
    let id = || prop_oneof![3 => 1i64..3, 1 => any::<i64>()];
    prop_oneof![
        (id(), id(), text()).prop_map(|(question_id, application_id, question)| {
            Prompt::ReviewQuestion {
                question_id,
                application_id,
                programme: "pathways-2027".into(),
                question,
            }
        }),
        (id(), prop_oneof![Just("orientation".to_string()), text()]).prop_map(
            |(application_id, step_id)| Prompt::Acknowledge {
                application_id,
                programme: "pathways-2027".into(),
                step_id,
            }
        ),
        id().prop_map(|match_id| Prompt::MatchOffer { match_id }),
        (id(), text(), any::<bool>()).prop_map(|(case_id, question, restricted)| {
            Prompt::CaseQuestion {
                case_id,
                question,
                restricted,
                programme: None,
            }
        }),
        (id(), any::<u32>(), text()).prop_map(|(match_id, seq, text)| Prompt::CheckIn {
            match_id,
            seq,
            text
        }),
        (id(), any::<bool>()).prop_map(|(invite_id, reminder)| Prompt::Survey {
            invite_id,
            reminder
        }),
        id().prop_map(|match_id| Prompt::NextStep { match_id }),
    ]
}

fn start() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("a valid instant")
}

fn user(i: usize) -> UserRef {
    UserRef::new(Platform::Console, PEOPLE[i])
}

fn room(name: &str) -> RoomRef {
    RoomRef::new(Platform::Console, name)
}

fn a_match(id: i64, status: MatchStatus) -> MatchRecord {
    MatchRecord {
        id,
        programme: "pathways-2027".into(),
        mentee_application: 1,
        mentor_application: 2,
        mentee: user(0),
        mentor: user(1),
        mentee_name: "Ada".into(),
        mentor_name: "Bob".into(),
        status,
        score: 10,
        reasons: vec![crate::domain::matches::Reason {
            criterion: "Shared goals".into(),
            detail: "Writing a CV".into(),
            points: 10,
            criterion_at: None,
        }],
        mentee_answer: None,
        mentor_answer: None,
        deadline: Some(start() + Duration::days(7)),
        room: Some("pair-1".into()),
        relay_room: None,
        room_platform: None,
        frozen: false,
        created_at: start() - Duration::days(30),
        closure: None,
        lifted: false,
        origin: Default::default(),
        introduction: None,
        next_choices: Vec::new(),
        started_at: None,
    }
}

fn application(id: i64, role: RoleKind, status: ApplicationStatus) -> ApplicationSummary {
    ApplicationSummary {
        id,
        programme: "pathways-2027".into(),
        role,
        status,
        submitted_at: start() - Duration::days(40),
        steps: BTreeMap::new(),
        waitlist_position: None,
        source: None,
        name: None,
    }
}

const SUBJECTS: usize = 22;

/// What the app may have loaded for a message (most of them empty or missing).
fn subjects(matches: &[MatchRecord]) -> Vec<Subject> {
    let record = ApplicationRecord {
        summary: application(2, RoleKind::Mentor, ApplicationStatus::NeedsReview),
        applicant: user(1),
        answers: vec![("name".into(), Answer::Text("Bob".into()))],
        evaluation: None,
        decisions: vec![],
        questions: vec![],
        notes: vec![],
        also_on: None,
    };
    let case = CaseRecord {
        id: 1,
        anonymous: true,
        reporter: Some(user(0)),
        category: "harassment".into(),
        severity: Severity::Urgent,
        concerns: Some("bob".into()),
        text: "He was rude in the pair room.".into(),
        evidence: None,
        copy: None,
        room: Some("pair-1".into()),
        status: CaseStatus::Open,
        claimed_by: None,
        outcome: None,
        created_at: start() - Duration::hours(2),
        reveals: vec![],
        files: vec![],
        about_staff: None,
        restricted: false,
        subjects: vec![],
        programme: None,
    };
    let event = EventRecord {
        id: 1,
        series: None,
        title: "Career night".into(),
        description: String::new(),
        starts_at: start() + Duration::days(3),
        zone: "Europe/London".into(),
        duration_minutes: 90,
        room: room(ROOMS[2]),
        capacity: Some(1),
        cancelled: false,
        created_by: user(2),
        external_id: None,
    };
    let answers = vec![(user(0), Rsvp::Yes), (user(1), Rsvp::Maybe)];
    let subjects = vec![
        Subject::Application(Some(Box::new((record, matches.to_vec())))),
        Subject::Case(Some(Box::new((case.clone(), vec![])))),
        Subject::Cases(vec![case]),
        Subject::Event(Some(Box::new((event.clone(), answers.clone())))),
        Subject::Events(vec![(event, answers)]),
        Subject::Nothing,
        Subject::Application(None),
        Subject::Overview(vec![]),
        Subject::Case(None),
        Subject::Cases(vec![]),
        Subject::Pair(None),
        Subject::Pair(matches.first().cloned().map(Box::new)),
        Subject::Event(None),
        Subject::Events(vec![]),
        Subject::SurveyResults {
            responses: vec![],
            invited: 0,
        },
        Subject::SurveyStats(vec![]),
        Subject::Export(Err("Nothing to export.".into())),
        Subject::PersonalData(serde_json::json!({})),
        Subject::Report {
            applications: vec![],
            matches: matches.to_vec(),
            check_ins: vec![],
            surveys: vec![],
            meetings: vec![],
        },
        Subject::Matching {
            programme: "pathways-2027".into(),
            mentees: vec![],
            mentors: vec![],
            matches: matches.to_vec(),
            applications: vec![],
        },
        Subject::SurveySend {
            applications: vec![],
            matches: matches.to_vec(),
            open: vec![],
        },
        Subject::Reported(ReportedMessage {
            at_room: None,
            link: "https://discord.com/channels/1/2/3".into(),
            author: "someone".into(),
            at: None,
            text: "a reported message".into(),
        }),
    ];
    assert_eq!(subjects.len(), SUBJECTS);
    subjects
}

/// Everyone's stored state, as the app would keep it between messages.
struct World {
    programmes: Vec<Programme>,
    moderation: Moderation,
    matches: Vec<MatchRecord>,
    states: Vec<Option<FlowState>>,
    applications: Vec<Vec<ApplicationSummary>>,
    surveys: Vec<Vec<SurveyInvite>>,
    /// The last message the bot sent each person by DM.
    last: Vec<Option<OutMessage>>,
    now: DateTime<Utc>,
}

impl World {
    fn new() -> World {
        let example = crate::config::parse_programme(Path::new("example.toml"), EXAMPLE)
            .expect("the example programme");
        let invite = |id, survey: &str| SurveyInvite {
            id,
            programme: "pathways-2027".into(),
            survey: survey.into(),
            role: RoleKind::Mentee,
            closes_at: start() + Duration::days(14),
            draft: BTreeMap::new(),
        };
        World {
            programmes: vec![example, crate::flows::tests::programme()],
            moderation: Moderation {
                moderators: vec![user(3)],
                limited: vec![],
                on_call: vec![user(3)],
                categories: default_categories(),
                max_reports_per_day: 5,
                escalate_after_minutes: 30,
                escalation_contact: Some(user(2)),
                evidence: Default::default(),
                aliases: vec![],
                retention_years: 6,
            },
            matches: vec![
                a_match(1, MatchStatus::Active),
                a_match(2, MatchStatus::Approved),
            ],
            states: vec![None; PEOPLE.len()],
            applications: vec![
                vec![application(1, RoleKind::Mentee, ApplicationStatus::Ready)],
                vec![application(2, RoleKind::Mentor, ApplicationStatus::Ready)],
                vec![],
                vec![],
            ],
            surveys: vec![
                vec![invite(1, "midpoint")],
                vec![invite(2, "closure")],
                vec![],
                vec![],
            ],
            last: vec![None; PEOPLE.len()],
            now: start(),
        }
    }

    /// A sensible answer from `who` to what the bot last asked them.
    fn answer(&self, who: usize, pick: &Index, picked: bool) -> Content {
        let last = self.last[who].as_ref();
        if let Some(message) = last.filter(|m| !m.choices.is_empty()) {
            let i = pick.index(message.choices.len());
            let choice = &message.choices[i];
            return if picked {
                Content::Picked {
                    prompt_ref: message.prompt_ref.clone(),
                    values: vec![choice.value.clone()],
                }
            } else if pick.index(2) == 0 {
                Content::Text((i + 1).to_string())
            } else {
                Content::Text(choice.label.clone())
            };
        }
        let kind = match &self.states[who] {
            Some(FlowState::Application(flow)) => match &flow.stage {
                crate::flows::application::Stage::Asking { question, .. } => self
                    .programmes
                    .iter()
                    .find(|p| flow.programme.as_deref() == Some(p.slug.as_str()))
                    .and_then(|p| p.role(flow.role?))
                    .and_then(|r| r.question(question))
                    .map(|q| q.kind.clone()),
                _ => None,
            },
            _ => None,
        };
        let text = match kind {
            Some(QuestionKind::ShortText { .. }) => "Ada Lovelace".to_string(),
            Some(QuestionKind::Number { min, max, .. }) => {
                format!("{}", ((min + max) / 2.0).round())
            }
            Some(QuestionKind::TimeZone) => "Europe/Berlin".to_string(),
            Some(QuestionKind::Languages { .. }) => "English".to_string(),
            Some(QuestionKind::MultiChoice { .. } | QuestionKind::SingleChoice { .. }) => {
                "1".into()
            }
            Some(QuestionKind::Consent { .. }) => "I agree".to_string(),
            _ => [
                "Two summers in a bike shop, where I learnt to talk with customers.",
                "yes",
                "submit",
                "done",
                "skip",
            ][pick.index(5)]
            .to_string(),
        };
        Content::Text(text)
    }

    fn run(&mut self, step: &Step) -> Result<(), TestCaseError> {
        let who = match step {
            Step::Say { who, .. } | Step::Deliver { who, .. } | Step::Answer { who, .. } => *who,
        };
        let answered;
        let step = match step {
            Step::Answer { who, pick, picked } => {
                answered = Step::Say {
                    who: *who,
                    room: None,
                    content: self.answer(*who, pick, *picked),
                    files: vec![],
                    subject: 0,
                };
                &answered
            }
            other => other,
        };
        let me = user(who);
        let matches: Vec<MatchRecord> = if who < 2 {
            self.matches.clone()
        } else {
            vec![]
        };
        let subjects = subjects(&self.matches);
        use crate::domain::rooms::{Rooms, Serves};
        let rooms = Rooms::none()
            .with(Serves::Coordinators, None, room(ROOMS[0]))
            .with(Serves::Moderators, None, room(ROOMS[1]))
            .with(Serves::Events, None, room(ROOMS[2]));
        let subject = match step {
            Step::Say { subject, .. } => &subjects[*subject],
            Step::Deliver { .. } | Step::Answer { .. } => &subjects[0],
        };
        let ctx = Ctx {
            user: &me,
            programmes: &self.programmes,
            applications: &self.applications[who],
            matches: &matches,
            reports: &[],
            suspended: false,
            surveys: &self.surveys[who],
            now: self.now,
            max_message_chars: 8000,
            room_prefix: "!tandem",
            rooms: &rooms,
            event_reminders: &[],
            moderation: &self.moderation,
            subject,
            people: &[],
            blocked_offers: &[],
            linked: None,
            language: Default::default(),
            bots: &[],
        };
        let state = self.states[who].as_ref();
        let outcome = match step {
            Step::Say {
                room: place,
                content,
                files,
                ..
            } => {
                let content = match content {
                    Content::Picked { prompt_ref, values }
                        if prompt_ref.as_deref() == Some(CURRENT_PROMPT) =>
                    {
                        Content::Picked {
                            prompt_ref: state.and_then(current_prompt_ref),
                            values: values.clone(),
                        }
                    }
                    c => c.clone(),
                };
                let inbound = Inbound {
                    from: me.clone(),
                    place: match place {
                        None => Place::Dm,
                        Some(r) => Place::Room(room(ROOMS[*r])),
                    },
                    content,
                    files: files
                        .iter()
                        .enumerate()
                        .map(|(i, status)| InboundFile {
                            name: format!("photo-{i}.png"),
                            mime: Some("image/png".into()),
                            size: Some(1024),
                            source: format!("file-{i}"),
                            status: status.clone(),
                        })
                        .collect(),
                };
                // What the app asks of the route before deciding: never a panic.
                let router = ctx.router();
                let route = crate::flows::route::route(&inbound, &router);
                let _ = route.needs(&inbound.from, &router, &self.programmes, None);
                let _ = route.named_person(&inbound.from, &router);
                let _ = (route.cost(), route.privileged());
                let _ = wants_files(state);
                crate::flows::decide(&ctx, state, &inbound, &route)
            }
            // The app delivers a queued prompt only to someone with no conversation open.
            Step::Deliver { prompt, .. } if state.is_none() => {
                crate::flows::prompts::start(&ctx, prompt)
            }
            Step::Deliver { .. } | Step::Answer { .. } => return Ok(()),
        };
        for effect in &outcome.effects {
            if let Effect::SendDm { to, message } = effect
                && let Some(i) = PEOPLE.iter().position(|p| *p == to.id)
            {
                self.last[i] = Some(message.clone());
            }
            if let Effect::StoreApplication(a) = effect {
                let apps = &mut self.applications[who];
                let id = 100 + apps.len() as i64;
                apps.insert(0, crate::flows::testing::stored_summary(a, id));
            }
        }
        match outcome.state {
            StateChange::Unchanged => {}
            StateChange::Clear => self.states[who] = None,
            StateChange::Set(next) => {
                // Stored as JSON and read back for the next message, as the app does. (A
                // report's `Some(None)`, "rather not say", reads back as `None`: the flow
                // treats both alike, so the stored form is what is compared.)
                let json = serde_json::to_string(&next).expect("a state encodes");
                let back: FlowState = serde_json::from_str(&json).expect("a state decodes");
                let again = serde_json::to_string(&back).expect("a state encodes");
                prop_assert_eq!(&again, &json, "the state does not survive storage");
                let _ = current_prompt_ref(&back);
                self.states[who] = Some(back);
            }
        }
        self.now += Duration::minutes(5);
        Ok(())
    }
}

proptest! {
    #![proptest_config(super::config(64))]

    #[test]
    fn any_sequence_of_messages_from_a_few_people_is_answered_without_a_panic(
        steps in proptest::collection::vec(step(None), 1..20)
    ) {
        let mut world = World::new();
        for step in &steps {
            world.run(step)?;
        }
    }

    #[test]
    fn one_persons_long_conversation_of_sensible_and_hostile_answers_never_panics(
        (focus, steps) in (0..PEOPLE.len())
            .prop_flat_map(|f| (Just(f), proptest::collection::vec(step(Some(f)), 1..40)))
    ) {
        let _ = focus;
        let mut world = World::new();
        for step in &steps {
            world.run(step)?;
        }
    }
}
