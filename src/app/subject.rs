//! What a message needs loaded before the pure core decides: the sender's conversation
//! context ([`App::known`]), the people a staff command names, and the subject of a
//! command (an application, a match, a case, a programme's figures).
//!
//! To give a new command its data: a `Subject` variant in `flows`, and a branch in
//! `load_subject` that recognises the command and loads it.

use crate::chat::Inbound;
use crate::domain::events::{EventRecord, Rsvp};
use crate::domain::people::KnownPerson;
use crate::domain::{ApplicationRecord, Place, Platform, RoleKind, UserRef};
use crate::error::{Error, Result};
use crate::flows::review::{self, Needs};
use crate::flows::{self, Subject};

use super::{App, Known, export};

impl App {
    /// What the app knows about the sender before every step.
    pub(super) async fn known(&self, user: &UserRef) -> Result<Known> {
        let matches = self.store.matches_of(user).await?;
        let mut blocked_offers = Vec::new();
        if matches
            .iter()
            .any(|m| m.status == crate::domain::matches::MatchStatus::Approved)
        {
            blocked_offers = self
                .store
                .pairs_that_cannot_go_ahead(self.clock.now(), None)
                .await?;
            blocked_offers.retain(|id| matches.iter().any(|m| m.id == *id));
        }
        Ok(Known {
            applications: self.store.applications_of(user).await?,
            matches,
            blocked_offers,
            reports: self
                .store
                .reports_since(user, self.clock.now() - chrono::Duration::hours(24))
                .await?,
            suspended: self.store.is_suspended(user, self.clock.now()).await?,
            surveys: self
                .store
                .open_survey_invites(user, self.clock.now())
                .await?,
            named: Vec::new(),
        })
    }

    /// The people a moderator's command names (`suspend`, `unsuspend`, `remove`, `case
    /// escalate` to one person), found among those Tandem knows.
    pub(super) async fn people_named_in(&self, inbound: &Inbound) -> Result<Vec<KnownPerson>> {
        let crate::chat::Content::Text(text) = &inbound.content else {
            return Ok(Vec::new());
        };
        let moderation = &self.settings.moderation;
        let prefixed = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix);
        // Moderators name people in their room; the escalation contact in their DM.
        let rest = match &inbound.place {
            Place::Room(_) if moderation.is_moderator(&inbound.from) => prefixed,
            Place::Dm if moderation.is_escalation_contact(&inbound.from) => {
                Some(prefixed.unwrap_or(text.as_str()))
            }
            _ => None,
        };
        let Some(rest) = rest else {
            return Ok(Vec::new());
        };
        use flows::actions::ActionCommand;
        use flows::cases::CaseCommand;
        let action = match &inbound.place {
            Place::Room(_) => flows::actions::parse(rest),
            Place::Dm => None,
        };
        let typed = match action {
            Some(Ok(
                ActionCommand::Suspend { who, .. }
                | ActionCommand::Unsuspend(who)
                | ActionCommand::Remove(who, _),
            )) => who,
            _ => match flows::cases::parse(rest) {
                Some(Ok(CaseCommand::Escalate(_, to))) if !to.contains(char::is_whitespace) => to,
                Some(Ok(CaseCommand::Concerns(_, who, _))) => who,
                _ => return Ok(Vec::new()),
            },
        };
        self.find_people(&typed, inbound.from.platform).await
    }

    /// Everyone Tandem knows whom `typed` may mean (see `domain::people`): applicants, the
    /// staff, and anyone suspended. Names prefer people on the typist's `platform`.
    pub async fn find_people(&self, typed: &str, platform: Platform) -> Result<Vec<KnownPerson>> {
        use crate::domain::people::{PersonRef, answers_to, parse_person};
        let mut all = self.store.applicants().await?;
        let m = &self.settings.moderation;
        let staff = m
            .moderators
            .iter()
            .chain(&m.on_call)
            .chain(&m.escalation_contact)
            .chain(self.programmes.iter().flat_map(|p| &p.coordinators));
        for user in staff {
            if !all.iter().any(|p| p.user == *user) {
                all.push(KnownPerson {
                    user: user.clone(),
                    name: None,
                    applications: Vec::new(),
                    rooms: Vec::new(),
                });
            }
        }
        let mut found = match parse_person(typed, platform) {
            PersonRef::User(user) => {
                let found: Vec<KnownPerson> = all.into_iter().filter(|p| p.user == user).collect();
                if found.is_empty() && self.store.is_suspended(&user, self.now()).await? {
                    vec![KnownPerson {
                        user,
                        name: None,
                        applications: Vec::new(),
                        rooms: Vec::new(),
                    }]
                } else {
                    found
                }
            }
            PersonRef::Application(n) => all
                .into_iter()
                .filter(|p| p.applications.contains(&n))
                .collect(),
            PersonRef::Name(name) => {
                let found: Vec<KnownPerson> =
                    all.into_iter().filter(|p| answers_to(p, &name)).collect();
                if found.iter().any(|p| p.user.platform == platform) {
                    found
                        .into_iter()
                        .filter(|p| p.user.platform == platform)
                        .collect()
                } else {
                    found
                }
            }
        };
        // Their pair rooms, for `remove <person> from <room>`.
        if let [one] = found.as_mut_slice() {
            one.rooms = self
                .store
                .matches_of(&one.user)
                .await?
                .into_iter()
                .filter(|m| m.status == crate::domain::matches::MatchStatus::Active)
                .filter_map(|m| m.room)
                .collect();
        }
        Ok(found)
    }

    /// A programme's ready participants and matches, for matching commands.
    pub(super) async fn matching_subject(&self, programme: &str) -> Result<Subject> {
        Ok(Subject::Matching {
            mentees: self
                .not_suspended(
                    self.store
                        .ready_participants(programme, RoleKind::Mentee)
                        .await?,
                )
                .await?,
            mentors: self
                .not_suspended(
                    self.store
                        .ready_participants(programme, RoleKind::Mentor)
                        .await?,
                )
                .await?,
            matches: self.store.matches_in(programme).await?,
            applications: self.store.applications_in(&[programme.to_string()]).await?,
            programme: programme.to_string(),
        })
    }

    /// Leaves suspended people out of a matching pool.
    pub(super) async fn not_suspended(
        &self,
        records: Vec<ApplicationRecord>,
    ) -> Result<Vec<ApplicationRecord>> {
        let now = self.clock.now();
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            if !self.store.is_suspended(&r.applicant, now).await? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Loads what a coordinator's or moderator's command needs.
    pub(super) async fn load_subject(&self, inbound: &Inbound) -> Result<Subject> {
        if let Some(subject) = self.events_subject(inbound).await? {
            return Ok(subject);
        }
        if let Some(subject) = self.surveys_subject(inbound).await? {
            return Ok(subject);
        }
        if let (Place::Room(room), crate::chat::Content::Text(text)) =
            (&inbound.place, &inbound.content)
            && self.coordinators_room(room.platform) == Some(room)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::reporting::parse_export(rest)
        {
            let Ok(p) = flows::reporting::which(
                &self.programmes,
                &inbound.from,
                command.programme.as_deref(),
            ) else {
                return Ok(Subject::Nothing);
            };
            let what = match command.what.as_str() {
                "applications" => export::ExportWhat::Applications,
                "matches" => export::ExportWhat::Matches,
                "surveys" => export::ExportWhat::Surveys,
                _ => export::ExportWhat::Events,
            };
            let format = if command.json {
                crate::domain::export::Format::Json
            } else {
                crate::domain::export::Format::Csv
            };
            return Ok(Subject::Export(
                export::export(&self.store, p, what, format)
                    .await
                    .map_err(Error::Internal)?,
            ));
        }
        if let (Place::Dm, crate::chat::Content::Text(text)) = (&inbound.place, &inbound.content)
            && flows::personal::parse(text) == Some(flows::personal::PersonalCommand::MyData)
        {
            return Ok(Subject::PersonalData(
                self.store.personal_data(&inbound.from, self.now()).await?,
            ));
        }
        if let (Place::Room(room), crate::chat::Content::Text(text)) =
            (&inbound.place, &inbound.content)
            && self.coordinators_room(room.platform) == Some(room)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(arg) = flows::reporting::parse(rest)
        {
            return Ok(
                match flows::reporting::which(&self.programmes, &inbound.from, arg.as_deref()) {
                    Ok(p) => self.report_subject(&p.slug).await?,
                    Err(_) => Subject::Nothing,
                },
            );
        }
        let moderation = &self.settings.moderation;
        let case_command = match (&inbound.place, &inbound.content) {
            (Place::Room(_), crate::chat::Content::Text(text))
                if moderation.is_moderator(&inbound.from) =>
            {
                flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
                    .and_then(flows::cases::parse)
            }
            // The escalation contact works restricted cases by DM.
            (Place::Dm, crate::chat::Content::Text(text))
                if moderation.is_escalation_contact(&inbound.from) =>
            {
                flows::cases::parse_dm(text, &self.settings.room_prefix)
            }
            _ => None,
        };
        if let Some(Ok(command)) = case_command {
            return Ok(match command.case() {
                Some(n) => Subject::Case(self.store.case(n).await?.map(Box::new)),
                None => Subject::Cases(self.store.cases().await?),
            });
        }
        if let (Place::Room(_), crate::chat::Content::Text(text)) =
            (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(
                flows::actions::ActionCommand::Freeze(id)
                | flows::actions::ActionCommand::Unfreeze(id),
            )) = flows::actions::parse(rest)
        {
            return Ok(Subject::Pair(self.store.match_by_id(id).await?));
        }
        if let (Place::Room(_), crate::chat::Content::Text(text)) =
            (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::closure::parse_room(rest)
        {
            return Ok(Subject::Pair(
                self.store.match_by_id(command.match_id).await?,
            ));
        }
        if let (Place::Room(_), crate::chat::Content::Text(text)) =
            (&inbound.place, &inbound.content)
            && let Some(rest) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            && let Some(Ok(command)) = flows::pause::parse(rest)
        {
            return Ok(Subject::Pair(
                self.store.match_by_id(command.match_id()).await?,
            ));
        }
        if let Some(needs) =
            flows::pairing::needs(inbound, &self.programmes, &self.settings.room_prefix)
        {
            let programme = match needs {
                flows::pairing::Needs::Programme(slug) => Some(slug),
                flows::pairing::Needs::MatchOf(id) => {
                    self.store.match_by_id(id).await?.map(|m| m.programme)
                }
                flows::pairing::Needs::ApplicationOf(id) => self
                    .store
                    .application(id)
                    .await?
                    .map(|a| a.summary.programme),
            };
            return match programme {
                Some(slug) => self.matching_subject(&slug).await,
                None => Ok(Subject::Nothing),
            };
        }
        Ok(match review::needs(inbound, &self.settings.room_prefix) {
            Needs::Nothing => Subject::Nothing,
            Needs::Application(id) => match self.store.application(id).await? {
                Some(record) => {
                    // The applicant's matches on this application: a step that stops them
                    // being cleared names the pair it concerns.
                    let matches = self
                        .store
                        .matches_of(&record.applicant)
                        .await?
                        .into_iter()
                        .filter(|m| m.mentee_application == id || m.mentor_application == id)
                        .collect();
                    Subject::Application(Some(Box::new((record, matches))))
                }
                None => Subject::Application(None),
            },
            Needs::Overview => {
                let slugs: Vec<String> = self
                    .programmes
                    .iter()
                    .filter(|p| p.is_coordinator(&inbound.from))
                    .map(|p| p.slug.clone())
                    .collect();
                Subject::Overview(self.store.applications_in(&slugs).await?)
            }
        })
    }

    /// A programme's records and answers, for its report.
    pub async fn report_subject(&self, programme: &str) -> Result<Subject> {
        let mut surveys = Vec::new();
        if let Some(p) = self.programme(programme) {
            for s in &p.surveys {
                surveys.push((
                    s.id.clone(),
                    self.store.survey_responses(programme, &s.id).await?,
                    self.store.survey_invited(programme, &s.id).await?,
                ));
            }
        }
        Ok(Subject::Report {
            applications: self.store.applications_in(&[programme.to_string()]).await?,
            matches: self.store.matches_in(programme).await?,
            check_ins: self.store.check_in_answers(programme).await?,
            surveys,
        })
    }

    /// What a coordinator's survey command needs.
    pub(super) async fn surveys_subject(&self, inbound: &Inbound) -> Result<Option<Subject>> {
        let (Place::Room(_), crate::chat::Content::Text(text)) = (&inbound.place, &inbound.content)
        else {
            return Ok(None);
        };
        let Some(Ok(command)) = flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
            .and_then(flows::survey::parse)
        else {
            return Ok(None);
        };
        let found = command
            .survey()
            .and_then(|name| flows::survey::find(&self.programmes, &inbound.from, name).ok());
        Ok(Some(match (command, found) {
            (flows::survey::SurveyCommand::List, _) => {
                Subject::SurveyStats(self.store.survey_stats(self.now()).await?)
            }
            (_, None) => Subject::Nothing,
            // Nothing is loaded for someone who does not coordinate the programme: the
            // flow refuses them.
            (_, Some((p, _))) if !p.is_coordinator(&inbound.from) => Subject::Nothing,
            (flows::survey::SurveyCommand::Send { .. }, Some((p, s))) => Subject::SurveySend {
                applications: self
                    .store
                    .applications_in(std::slice::from_ref(&p.slug))
                    .await?,
                matches: self.store.matches_in(&p.slug).await?,
                open: self.store.open_invitees(&p.slug, &s.id, self.now()).await?,
            },
            (flows::survey::SurveyCommand::Results { .. }, Some((p, s))) => {
                Subject::SurveyResults {
                    responses: self.store.survey_responses(&p.slug, &s.id).await?,
                    invited: self.store.survey_invited(&p.slug, &s.id).await?,
                }
            }
        }))
    }

    /// What an events command or an RSVP needs: the session with its answers, or the
    /// upcoming sessions.
    pub(super) async fn events_subject(&self, inbound: &Inbound) -> Result<Option<Subject>> {
        let command = match (&inbound.place, &inbound.content) {
            (_, crate::chat::Content::Picked { .. }) => flows::events::picked(&inbound.content)
                .map(|(n, a)| flows::events::EventCommand::Rsvp(n, a.unwrap_or(Rsvp::Maybe))),
            (Place::Room(_), crate::chat::Content::Text(text)) => {
                flows::strip_prefix_ci(text.trim(), &self.settings.room_prefix)
                    .and_then(flows::events::parse)
                    .and_then(|c| c.ok())
            }
            (Place::Dm, crate::chat::Content::Text(text)) => {
                flows::events::parse(text).and_then(|c| c.ok())
            }
        };
        let Some(command) = command else {
            return Ok(None);
        };
        let with_answers = |e: EventRecord| async move {
            let rsvps = self.store.rsvps(e.id).await?;
            Ok::<_, Error>((e, rsvps))
        };
        Ok(Some(match command.event() {
            Some(n) => Subject::Event(match self.store.event(n).await? {
                Some(e) => Some(Box::new(with_answers(e).await?)),
                None => None,
            }),
            None if matches!(command, flows::events::EventCommand::List) => {
                let mut list = Vec::new();
                for e in self.store.upcoming_events(self.now(), 20).await? {
                    list.push(with_answers(e).await?);
                }
                Subject::Events(list)
            }
            None => Subject::Nothing,
        }))
    }
}
