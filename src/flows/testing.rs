//! Builders for the pure tests of the flows, so that a test says only what matters to it.
//!
//! - [`user`], [`room`] and [`now`]: people and rooms on the console, and a fixed time.
//! - [`pathways`]: a programme with a coordinator (carol), screening steps for both roles
//!   and one-to-one matching on a shared language; [`other_programme`], dev's.
//! - [`application`] and [`a_match`]: the records commands act on, consistent with
//!   `pathways` (every application built here can be matched with any other of the other
//!   role); change a field with struct update syntax (`MatchRecord { status, ..a_match(…) }`).
//! - [`posted`], [`texts`], [`dms`] and [`records`]: what an outcome says and does.
//! - [`Scene`]: everything a [`Ctx`] borrows, owned and with defaults: who is typing, in
//!   which room, with what the app loaded ([`Subject`]). `Scene::for_user("carol")` is the
//!   coordinator in the coordinators' room; `ctx()` lends the context, and `review` and
//!   `pairing` parse a command and decide it there as the app does; `says` and `router`
//!   are a message from that person and what routing reads, for tests of `route`.
//! - [`Applicant`]: ada applying by DM, her conversation and what she stored kept as the
//!   app keeps them, for tests of the application flow.
//!
//! To extend it: when a second test needs the same setup, add a `with_…` method to `Scene`
//! for what a context reads, or a builder here for a record, rather than a block in the
//! test.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{
    ApplicationFlow, Ctx, Effect, FlowState, Inbound, OutMessage, Outcome, StateChange, Subject,
    pairing, review,
};
use crate::chat::Content;
use crate::domain::incident::Moderation;
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::screening::StepState;
use crate::domain::{
    Answer, ApplicationRecord, ApplicationStatus, ApplicationSummary, NewApplication, Place,
    Platform, Programme, RoleKind, RoomRef, UserRef,
};

/// A person on the console.
pub(crate) fn user(id: &str) -> UserRef {
    UserRef::new(Platform::Console, id)
}

/// A room on the console.
pub(crate) fn room(name: &str) -> RoomRef {
    RoomRef::new(Platform::Console, name)
}

/// The time every scene starts at (15 Jan 2027, 08:00 UTC).
pub(crate) fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("a valid instant")
}

/// A programme coordinated by carol: mentees acknowledge an orientation; mentors have an
/// interview and a background check; pairs must share a language. Both roles answer
/// [`QUESTIONS`], put in at `$questions`.
pub(crate) const PATHWAYS: &str = r#"
slug = "pathways"
name = "Pathways"
description = "A programme for tests."
coordinators = ["console:carol"]
texts = { welcome = "Welcome.", submitted = "Thank you.", answer_days = 7 }
[roles.mentee]
name = "Mentee"
description = "you learn"
$questions
screening.steps = [
    { id = "orientation", label = "Orientation", kind = "acknowledgement", text = "Be kind and on time." },
]
[roles.mentor]
name = "Mentor"
description = "you guide"
$questions
screening.steps = [
    { id = "interview", label = "Interview", kind = "interview" },
    { id = "background_check", label = "Background check", kind = "background_check" },
]
[matching]
mode = "one_to_one"
shared_language = { mentee = "languages", mentor = "languages" }
"#;

/// What both roles of [`PATHWAYS`] are asked: a name, then languages.
pub(crate) const QUESTIONS: &str = r#"questions = [
    { id = "name", kind = "short_text", prompt = "Your name?" },
    { id = "languages", kind = "languages", prompt = "Your languages?" },
]"#;

pub(crate) fn pathways() -> Programme {
    let source = PATHWAYS.replace("$questions", QUESTIONS);
    crate::config::parse_programme(std::path::Path::new("pathways.toml"), &source)
        .expect("the test programme")
}

/// Another programme, `other`, coordinated by dev (and not by carol).
pub(crate) fn other_programme() -> Programme {
    Programme {
        slug: "other".into(),
        name: "Other".into(),
        coordinators: vec![user("dev")],
        ..pathways()
    }
}

/// Application `id` to `pathways` by `who` (named `who` with a capital), in `status`,
/// submitted ten days before [`now`], speaking English, with no step recorded.
pub(crate) fn application(
    id: i64,
    who: &str,
    role: RoleKind,
    status: ApplicationStatus,
) -> ApplicationRecord {
    let mut name = who.to_string();
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    ApplicationRecord {
        summary: ApplicationSummary {
            id,
            programme: "pathways".into(),
            role,
            status,
            submitted_at: now() - chrono::Duration::days(10),
            steps: BTreeMap::new(),
            waitlist_position: None,
            source: None,
            name: None,
        },
        applicant: user(who),
        answers: vec![
            ("name".into(), Answer::Text(name)),
            ("languages".into(), Answer::Languages(vec!["en".into()])),
        ],
        evaluation: None,
        decisions: vec![],
        questions: vec![],
        notes: vec![],
        also_on: None,
    }
}

/// The same application with these steps recorded.
pub(crate) fn with_steps(
    mut record: ApplicationRecord,
    steps: &[(&str, StepState)],
) -> ApplicationRecord {
    for (id, state) in steps {
        record.summary.steps.insert(id.to_string(), state.clone());
    }
    record
}

/// Match `id` of `mentee` and `mentor`, in `status`, proposed a day before [`now`].
pub(crate) fn a_match(
    id: i64,
    mentee: &ApplicationRecord,
    mentor: &ApplicationRecord,
    status: MatchStatus,
) -> MatchRecord {
    let name = |r: &ApplicationRecord| review::display_name_of(&r.applicant, &r.answers);
    MatchRecord {
        id,
        programme: mentee.summary.programme.clone(),
        mentee_application: mentee.summary.id,
        mentor_application: mentor.summary.id,
        mentee: mentee.applicant.clone(),
        mentor: mentor.applicant.clone(),
        mentee_name: name(mentee),
        mentor_name: name(mentor),
        status,
        score: 0,
        reasons: vec![],
        mentee_answer: None,
        mentor_answer: None,
        deadline: None,
        room: None,
        relay_room: None,
        room_platform: None,
        frozen: false,
        created_at: now() - chrono::Duration::days(1),
        closure: None,
        lifted: false,
        origin: Default::default(),
        introduction: None,
        next_choices: Vec::new(),
        started_at: None,
    }
}

/// The pool `Subject::Matching` holds for `pathways`: the ready mentees and mentors among
/// `applications`, every one of them (with its applicant), and the programme's matches.
pub(crate) fn matching_pool(
    applications: &[ApplicationRecord],
    matches: Vec<MatchRecord>,
) -> Subject {
    let ready = |role: RoleKind| {
        applications
            .iter()
            .filter(|r| r.summary.role == role && r.summary.status == ApplicationStatus::Ready)
            .cloned()
            .collect()
    };
    Subject::Matching {
        programme: "pathways".into(),
        mentees: ready(RoleKind::Mentee),
        mentors: ready(RoleKind::Mentor),
        matches,
        applications: applications
            .iter()
            .map(|r| (r.summary.clone(), r.applicant.clone()))
            .collect(),
    }
}

/// Everything a [`Ctx`] borrows, owned: set a field (they are all public) or use a
/// `with_…` method, then lend it with [`Scene::ctx`].
pub(crate) struct Scene {
    pub user: UserRef,
    /// Where the person types a room command.
    pub room: RoomRef,
    pub programmes: Vec<Programme>,
    pub applications: Vec<ApplicationSummary>,
    pub matches: Vec<MatchRecord>,
    pub subject: Subject,
    pub now: DateTime<Utc>,
    /// Which rooms serve what: the console's coordinators' room, unless a test says.
    pub rooms: crate::domain::rooms::Rooms,
    pub moderation: Moderation,
    pub max_message_chars: usize,
}

impl Scene {
    /// `who` in the coordinators' room, with the [`pathways`] programme, nothing loaded.
    pub(crate) fn for_user(who: &str) -> Scene {
        Scene {
            user: user(who),
            room: room("coordinators"),
            programmes: vec![pathways()],
            applications: vec![],
            matches: vec![],
            subject: Subject::Nothing,
            now: now(),
            rooms: crate::domain::rooms::Rooms::none().with(
                crate::domain::rooms::Serves::Coordinators,
                None,
                room("coordinators"),
            ),
            moderation: Moderation::default(),
            max_message_chars: 8000,
        }
    }

    /// Typing in room `name` rather than the coordinators' room.
    pub(crate) fn in_room(self, name: &str) -> Scene {
        Scene {
            room: room(name),
            ..self
        }
    }

    /// With what the app loaded for the command.
    pub(crate) fn with_subject(self, subject: Subject) -> Scene {
        Scene { subject, ..self }
    }

    /// With `record` loaded as the application a command names, and the matches it is in.
    pub(crate) fn with_application(
        self,
        record: ApplicationRecord,
        matches: Vec<MatchRecord>,
    ) -> Scene {
        self.with_subject(Subject::Application(Some(Box::new((record, matches)))))
    }

    /// With the overview of `applications` (each with its applicant) loaded, as for `queue`.
    pub(crate) fn with_overview(self, applications: Vec<ApplicationRecord>) -> Scene {
        let rows = applications
            .into_iter()
            .map(|r| (r.summary, r.applicant))
            .collect();
        self.with_subject(Subject::Overview(rows))
    }

    /// With these programmes instead of [`pathways`].
    pub(crate) fn with_programmes(self, programmes: Vec<Programme>) -> Scene {
        Scene { programmes, ..self }
    }

    pub(crate) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            user: &self.user,
            programmes: &self.programmes,
            applications: &self.applications,
            matches: &self.matches,
            reports: &[],
            suspended: false,
            surveys: &[],
            now: self.now,
            max_message_chars: self.max_message_chars,
            room_prefix: "!tandem",
            rooms: &self.rooms,
            event_reminders: &[],
            moderation: &self.moderation,
            subject: &self.subject,
            people: &[],
            blocked_offers: &[],
            linked: None,
            language: Default::default(),
            bots: &[],
        }
    }

    /// What routing reads of this scene (the same as `self.ctx().router()`).
    pub(crate) fn router(&self) -> super::route::Router<'_> {
        super::route::Router {
            prefix: "!tandem",
            moderation: &self.moderation,
            rooms: &self.rooms,
            max_message_chars: self.max_message_chars,
        }
    }

    /// A message from this scene's person: in a DM (`None`), or in room `place`.
    pub(crate) fn says(&self, place: Option<&str>, text: &str) -> Inbound {
        Inbound {
            from: self.user.clone(),
            place: place.map_or(Place::Dm, |name| Place::Room(room(name))),
            content: Content::Text(text.into()),
            files: vec![],
        }
    }

    /// A reviewer's command (`approve 3`), decided where this scene's person types it.
    pub(crate) fn review(&self, text: &str) -> Outcome {
        let command = review::parse(text).expect("a review command");
        review::handle(&self.ctx(), &self.room, command)
    }

    /// A matching command (`match approve 3`), decided where this scene's person types it.
    pub(crate) fn pairing(&self, text: &str) -> Outcome {
        let command = pairing::parse(text).expect("a matching command");
        pairing::handle(&self.ctx(), &self.room, command)
    }
}

/// The summary the store keeps of a new application `a`, numbered `id`.
pub(crate) fn stored_summary(a: &NewApplication, id: i64) -> ApplicationSummary {
    ApplicationSummary {
        id,
        programme: a.programme.clone(),
        role: a.role,
        status: a.status,
        submitted_at: a.submitted_at,
        steps: BTreeMap::new(),
        waitlist_position: None,
        source: None,
        name: None,
    }
}

/// Ada applying, driven as the app drives the pure core: her conversation kept in memory,
/// what the flow stores stored as the store does, five seconds between her messages.
pub(crate) struct Applicant {
    /// Who talks (ada), the programmes, what she applied to, and the time.
    pub scene: Scene,
    pub state: Option<FlowState>,
    /// Every application the flow asked to store, in order.
    pub stored: Vec<NewApplication>,
    /// Her applications as stored: a re-opened one in the place of the one it re-opens.
    pub records: Vec<ApplicationRecord>,
}

impl Applicant {
    /// Ada, with these programmes open and no coordinators' room.
    pub(crate) fn new(programmes: Vec<Programme>) -> Applicant {
        let mut scene = Scene::for_user("ada").with_programmes(programmes);
        scene.rooms = crate::domain::rooms::Rooms::none();
        Applicant {
            scene,
            state: None,
            stored: vec![],
            records: vec![],
        }
    }

    /// Sends `content` in `place` and returns the messages the bot answered with.
    pub(crate) fn send_content(&mut self, place: Place, content: Content) -> Vec<OutMessage> {
        // What the app loads for `apply`: her applications the rules refused.
        self.scene.subject = Subject::Refused(
            self.records
                .iter()
                .filter(|r| r.summary.status == ApplicationStatus::Ineligible)
                .cloned()
                .collect(),
        );
        let inbound = Inbound {
            from: self.scene.user.clone(),
            place,
            content,
            files: vec![],
        };
        let outcome = super::handle(&self.scene.ctx(), self.state.as_ref(), &inbound);
        match outcome.state {
            StateChange::Unchanged => {}
            StateChange::Set(s) => self.state = Some(s),
            StateChange::Clear => self.state = None,
        }
        let mut out = vec![];
        for e in outcome.effects {
            match e {
                Effect::SendDm { message, .. } | Effect::PostInRoom { message, .. } => {
                    out.push(message)
                }
                Effect::StoreApplication(a) => self.store(a),
                other => panic!("an application flow does not {other:?}"),
            }
        }
        self.scene.now += chrono::Duration::seconds(5);
        out
    }

    /// Sends a DM and returns the texts the bot answered with, joined.
    pub(crate) fn say(&mut self, text: &str) -> String {
        self.send_content(Place::Dm, Content::Text(text.into()))
            .iter()
            .map(|m| m.text.clone())
            .collect::<Vec<_>>()
            .join("\n---\n")
    }

    /// Sends these DMs one after the other, whatever the bot answers.
    pub(crate) fn say_all(&mut self, lines: &[&str]) {
        for line in lines {
            self.say(line);
        }
    }

    /// As the store does: in the place of the application it re-opens, or as a new one.
    fn store(&mut self, a: NewApplication) {
        let id = a.reopens.unwrap_or(self.records.len() as i64 + 1);
        let record = ApplicationRecord {
            summary: stored_summary(&a, id),
            applicant: a.applicant.clone(),
            answers: a.answers.clone(),
            evaluation: Some(a.evaluation.clone()),
            decisions: vec![],
            questions: vec![],
            notes: vec![],
            also_on: None,
        };
        self.records.retain(|r| r.summary.id != id);
        self.records.push(record);
        self.scene.applications = self.records.iter().map(|r| r.summary.clone()).collect();
        self.stored.push(a);
    }

    /// Her application in progress.
    pub(crate) fn flow(&self) -> &ApplicationFlow {
        match &self.state {
            Some(FlowState::Application(f)) => f,
            other => panic!("no application in progress: {other:?}"),
        }
    }

    /// The question her application in progress is on, if it is on one.
    pub(crate) fn question(&self) -> Option<String> {
        match &self.state {
            Some(FlowState::Application(flow)) => match &flow.stage {
                super::application::Stage::Asking { question, .. } => Some(question.clone()),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The messages an outcome posts in room `name`, in order.
pub(crate) fn posted<'o>(outcome: &'o Outcome, name: &str) -> Vec<&'o OutMessage> {
    outcome
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::PostInRoom { room: r, message } if *r == room(name) => Some(message),
            _ => None,
        })
        .collect()
}

/// The texts an outcome posts in the coordinators' room, in order.
pub(crate) fn texts(outcome: &Outcome) -> Vec<&str> {
    posted(outcome, "coordinators")
        .into_iter()
        .map(|m| m.text.as_str())
        .collect()
}

/// The texts an outcome sends `who` by DM, in order.
pub(crate) fn dms<'o>(outcome: &'o Outcome, who: &str) -> Vec<&'o str> {
    outcome
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendDm { to, message } if *to == user(who) => Some(message.text.as_str()),
            _ => None,
        })
        .collect()
}

/// What an outcome records or sets off besides its messages, in order.
pub(crate) fn records(outcome: &Outcome) -> Vec<&Effect> {
    outcome
        .effects
        .iter()
        .filter(|e| !matches!(e, Effect::SendDm { .. } | Effect::PostInRoom { .. }))
        .collect()
}

/// The outcome of a command only answered: `text` in room `name`, and nothing else (nothing
/// recorded, nobody else told, no state change).
pub(crate) fn assert_only_answered(outcome: &Outcome, name: &str, text: &str) {
    assert_eq!(
        as_read(outcome),
        Outcome::unchanged(vec![Effect::PostInRoom {
            room: room(name),
            message: OutMessage::text(text),
        }])
    );
}

/// The outcome of a refused command: `who` is told in the coordinators' room that only
/// the programme's coordinators can `action`, the refusal is logged, and nothing else
/// happens.
pub(crate) fn assert_refused(outcome: &Outcome, who: &str, action: &str) {
    assert_eq!(outcome.state, StateChange::Unchanged);
    assert_eq!(
        as_read(outcome).effects,
        [
            Effect::PostInRoom {
                room: room("coordinators"),
                message: OutMessage::text(format!(
                    "Sorry {who}, only the programme's coordinators can {action}."
                )),
            },
            Effect::LogRefusal {
                user: user(who),
                action: action.into(),
            },
        ]
    );
}

/// The outcome as its English reader gets it: each message's text, without the recipe
/// (`said`) it was rendered from, so an expected message can be written as plain text.
pub(crate) fn as_read(outcome: &Outcome) -> Outcome {
    let mut read = outcome.clone();
    for effect in &mut read.effects {
        if let Effect::PostInRoom { message, .. } | Effect::SendDm { message, .. } = effect {
            message.said = None;
        }
    }
    read
}
