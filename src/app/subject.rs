//! What a message needs loaded before the pure core decides: the sender's conversation
//! context ([`App::known`]), the people a staff command names, and the subject of a
//! command (an application, a match, a case, a programme's figures).
//!
//! What to load is decided in the pure core, from the message's route
//! (`flows::route::Route::needs`); here it is loaded. To give a new command its data: a
//! `Needs` variant there, a `Subject` variant in `flows`, and the branch of
//! [`App::load_subject`] that loads one into the other.

use crate::chat::Inbound;
use crate::domain::events::EventRecord;
use crate::domain::people::KnownPerson;
use crate::domain::{ApplicationRecord, Platform, RoleKind, UserRef};
use crate::error::{Error, Result};
use crate::flows::link::{Issuer, LinkSubject};
use crate::flows::pairing::Needs as PoolOf;
use crate::flows::route::{Needs, Route};
use crate::flows::{self, Subject};

use super::{App, Known, export};

/// Most people one `who` loads and lists.
const MAX_PEOPLE_FOUND: usize = 20;

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
        let now = self.clock.now();
        let context = self
            .store
            .person_context(user, now, now - chrono::Duration::hours(24))
            .await?;
        Ok(Known {
            applications: self.store.applications_of(user).await?,
            matches,
            blocked_offers,
            reports: context.reports,
            suspended: context.suspended,
            surveys: context.surveys,
            named: Vec::new(),
            linked: self.links.linked(user, false),
            language: {
                self.languages.fresh().await;
                self.languages.of(user)
            },
        })
    }

    /// Whether `programme`'s records may be shown here: in a programme's own room, only
    /// its own are (the others are `elsewhere`: see `App::scoped_to`; a programme no
    /// longer configured is nobody's there).
    pub(super) fn in_view(&self, programme: &str) -> bool {
        let scoped = self.programmes.iter().any(|p| p.elsewhere);
        self.programmes
            .iter()
            .find(|p| p.slug == programme)
            .map_or(!scoped, |p| !p.elsewhere)
    }

    /// The people a moderator's command names (see [`flows::route::Route::named_person`]),
    /// found among those Tandem knows.
    pub(super) async fn people_named_in(
        &self,
        inbound: &Inbound,
        route: &Route,
    ) -> Result<Vec<KnownPerson>> {
        match route.named_person(&inbound.from, &self.router()) {
            Some(typed) => self.find_people(typed, inbound.from.platform).await,
            None => Ok(Vec::new()),
        }
    }

    /// Everyone Tandem knows whom `typed` may mean (see `domain::people`): applicants, the
    /// staff, and anyone suspended. Names prefer people on the typist's `platform`.
    pub async fn find_people(&self, typed: &str, platform: Platform) -> Result<Vec<KnownPerson>> {
        use crate::domain::people::{PersonRef, answers_to, parse_person};
        let mut all = self.store.applicants(|p| self.in_view(p)).await?;
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
                // A linked account names its person (`app::links`).
                self.links.fresh().await;
                let user = self.links.person_of(&user).unwrap_or(user);
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
                // The side they are in, for a relayed pair room.
                .filter_map(|m| match &m.relay_room {
                    Some(relay) if m.mentor == one.user => Some(relay.clone()),
                    _ => m.room,
                })
                .collect();
        }
        Ok(found)
    }

    /// A programme's ready participants and matches, for matching commands.
    pub(super) async fn matching_subject(&self, programme: &str) -> Result<Subject> {
        let (mentees, mentors, matches) = self.ready_pool(programme).await?;
        Ok(Subject::Matching {
            mentees,
            mentors,
            matches,
            applications: self.store.applications_in(&[programme.to_string()]).await?,
            programme: programme.to_string(),
        })
    }

    /// A programme's ready mentees and mentors (not suspended), and its matches.
    async fn ready_pool(
        &self,
        programme: &str,
    ) -> Result<(
        Vec<ApplicationRecord>,
        Vec<ApplicationRecord>,
        Vec<crate::domain::matches::MatchRecord>,
    )> {
        let ready = |role| self.store.ready_participants(programme, role);
        Ok((
            self.not_suspended(ready(RoleKind::Mentee).await?).await?,
            self.not_suspended(ready(RoleKind::Mentor).await?).await?,
            self.store.matches_in(programme).await?,
        ))
    }

    /// The platform of the account `person` linked, if any (matching's `also_on`).
    fn linked_platform(&self, person: &UserRef) -> Option<Platform> {
        self.links.linked(person, false).map(|l| l.other.platform)
    }

    /// For `profile`, `browse` and `request`: the sender's applications (with their
    /// profiles) in each programme where mentees choose, and with `pools` that programme's
    /// ready people, matches and profiles.
    pub(super) async fn choice_pools(
        &self,
        user: &UserRef,
        pools: bool,
    ) -> Result<Vec<flows::choice::ChoicePool>> {
        let choosing: Vec<&str> = flows::choice::choosing_programmes(&self.programmes)
            .map(|p| p.slug.as_str())
            .collect();
        let mut out: Vec<flows::choice::ChoicePool> = Vec::new();
        for a in self.store.applications_of(user).await? {
            if a.status == crate::domain::ApplicationStatus::Withdrawn
                || !choosing.contains(&a.programme.as_str())
            {
                continue;
            }
            let Some(mut record) = self.store.application(a.id).await? else {
                continue;
            };
            record.also_on = self.linked_platform(&record.applicant);
            let at = match out.iter().position(|p| p.programme == a.programme) {
                Some(at) => at,
                None => {
                    out.push(flows::choice::ChoicePool {
                        programme: a.programme.clone(),
                        ..Default::default()
                    });
                    out.len() - 1
                }
            };
            if let Some(profile) = self.store.profile_of(a.id).await? {
                out[at].profiles.insert(a.id, profile);
            }
            out[at].mine.push(record);
        }
        if pools {
            for pool in &mut out {
                let (mentees, mentors, matches) = self.ready_pool(&pool.programme).await?;
                pool.mentees = mentees;
                pool.mentors = mentors;
                pool.matches = matches;
                pool.profiles
                    .extend(self.store.profiles_in(&pool.programme).await?);
            }
        }
        Ok(out)
    }

    /// Leaves suspended people out of a matching pool, and says where each of the others
    /// has a linked account (matching pairs them with people there too).
    pub(super) async fn not_suspended(
        &self,
        records: Vec<ApplicationRecord>,
    ) -> Result<Vec<ApplicationRecord>> {
        let now = self.clock.now();
        self.links.fresh().await;
        let mut out = Vec::with_capacity(records.len());
        for mut r in records {
            if !self.store.is_suspended(&r.applicant, now).await? {
                r.also_on = self.linked_platform(&r.applicant);
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Everything stored about `person` for `my data`, and about their linked account if
    /// they have one (its own rows: a report made from it, its activity in rooms).
    async fn personal_data(&self, person: &UserRef) -> Result<serde_json::Value> {
        let mut data = self
            .store
            .personal_data::<flows::FlowState>(person, self.now())
            .await?;
        if let Some(linked) = self.links.linked(person, false)
            && let serde_json::Value::Object(map) = &mut data
        {
            let other = self
                .store
                .personal_data::<flows::FlowState>(&linked.other, self.now())
                .await?;
            map.insert(
                "linked_account".into(),
                serde_json::json!({
                    "platform": linked.other.platform.as_str(),
                    "id": linked.other.id,
                    "direct_messages_go_there": linked.dm_other,
                    "its_own_data": other,
                }),
            );
        }
        Ok(data)
    }

    /// The applications a coordinator entered for `account`, when it is the stand-in of
    /// someone without a chat account (`flows::assist`).
    async fn assisted_applications(
        &self,
        account: &UserRef,
    ) -> Result<Vec<flows::assist::AssistedApplication>> {
        if !account.is_assisted() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for a in self.store.applications_of(account).await? {
            if let Some(record) = self.store.application(a.id).await? {
                out.push(flows::assist::AssistedApplication {
                    id: a.id,
                    programme: a.programme.clone(),
                    name: flows::review::display_name_of(&record.applicant, &record.answers),
                    withdrawn: a.status == crate::domain::ApplicationStatus::Withdrawn,
                });
            }
        }
        Ok(out)
    }

    /// Loads what a message's route needs (see [`flows::route::Route::needs`]).
    pub(super) async fn load_subject(
        &self,
        inbound: &Inbound,
        route: &Route,
        state: Option<&flows::FlowState>,
    ) -> Result<Subject> {
        let router = self.router();
        Ok(
            match route.needs(&inbound.from, &router, &self.programmes, state) {
                Needs::Nothing => Subject::Nothing,
                Needs::PersonalData => {
                    Subject::PersonalData(self.personal_data(&inbound.from).await?)
                }
                Needs::FreshLinkCode => Subject::Link(LinkSubject::Fresh {
                    code: fresh_code()?,
                    staff_group: self.in_staff_group(&inbound.from).await,
                }),
                Needs::Assist(n) => {
                    let mut random = [0u8; 8];
                    getrandom::fill(&mut random)
                        .map_err(|e| anyhow::anyhow!("no randomness for a stand-in: {e}"))?;
                    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
                    let application = match n {
                        Some(n) => self.store.application(n).await?.map(Box::new),
                        None => None,
                    };
                    Subject::Assist(flows::assist::AssistSubject {
                        person: UserRef::assisted(inbound.from.platform, &hex),
                        code: fresh_code()?,
                        application,
                    })
                }
                Needs::LinkCode(code) => {
                    let issuer = match self.store.link_code_owner(&code, self.now()).await? {
                        Some(account) => Some(Issuer {
                            linked: self.links.person_of(&account).is_some()
                                || self.links.linked(&account, false).is_some(),
                            suspended: self.store.is_suspended(&account, self.now()).await?,
                            staff_group: self.in_staff_group(&account).await,
                            assisted: self.assisted_applications(&account).await?,
                            account,
                        }),
                        None => None,
                    };
                    // Taking over an assisted application: the sender's checks kept from
                    // before an erasure are pointed out to the coordinators.
                    let held = match &issuer {
                        Some(i) if i.account.is_assisted() => {
                            self.links.fresh().await;
                            let person = self
                                .links
                                .person_of(&inbound.from)
                                .unwrap_or_else(|| inbound.from.clone());
                            self.store.held_checks_of(&person).await?
                        }
                        _ => Vec::new(),
                    };
                    Subject::Link(LinkSubject::Issuer {
                        issuer,
                        staff_group: self.in_staff_group(&inbound.from).await,
                        held,
                    })
                }
                Needs::Question(id) => {
                    Subject::Question(self.store.question(id).await?.map(Box::new))
                }
                Needs::SafetyFlag(id) => match self.store.safety_flag(id).await? {
                    Some(flag) => {
                        Subject::SafetyFlag(self.shown_flags(vec![flag]).await?.pop().map(Box::new))
                    }
                    None => Subject::SafetyFlag(None),
                },
                Needs::SafetyFlags(programmes) => Subject::SafetyFlags(
                    self.shown_flags(self.store.open_safety_flags_of(&programmes).await?)
                        .await?,
                ),
                Needs::Event(n) => Subject::Event(match self.store.event(n).await? {
                    Some(e) => Some(Box::new(self.with_answers(e).await?)),
                    None => None,
                }),
                Needs::Events => {
                    let mut list = Vec::new();
                    for e in self.store.upcoming_events(self.now(), 20).await? {
                        list.push(self.with_answers(e).await?);
                    }
                    Subject::Events(list)
                }
                Needs::SurveyStats => {
                    Subject::SurveyStats(self.store.survey_stats(self.now()).await?)
                }
                Needs::SurveySend { programme, survey } => Subject::SurveySend {
                    applications: self
                        .store
                        .applications_in(std::slice::from_ref(&programme))
                        .await?,
                    matches: self.store.matches_in(&programme).await?,
                    open: self
                        .store
                        .open_invitees(&programme, &survey, self.now())
                        .await?,
                },
                Needs::SurveyResults { programme, survey } => Subject::SurveyResults {
                    responses: self.store.survey_responses(&programme, &survey).await?,
                    invited: self.store.survey_invited(&programme, &survey).await?,
                },
                Needs::Export { programme, command } => {
                    let Some(p) = self.programme(&programme) else {
                        return Ok(Subject::Nothing);
                    };
                    let what = match command.what.as_str() {
                        "applications" => export::ExportWhat::Applications,
                        "matches" => export::ExportWhat::Matches,
                        "surveys" => export::ExportWhat::Surveys,
                        "outcomes" => export::ExportWhat::Outcomes,
                        _ => export::ExportWhat::Events,
                    };
                    let format = if command.json {
                        crate::domain::export::Format::Json
                    } else {
                        crate::domain::export::Format::Csv
                    };
                    Subject::Export(
                        export::export(&self.store, p, what, format)
                            .await
                            .map_err(Error::Internal)?,
                    )
                }
                Needs::Figures(programme) => self.report_subject(&programme).await?,
                Needs::Case(n) => Subject::Case(self.store.case(n).await?.map(Box::new)),
                Needs::Cases => Subject::Cases(self.store.cases().await?),
                Needs::Pair(id) => Subject::Pair(self.store.match_by_id(id).await?.map(Box::new)),
                Needs::Matching(pool) => {
                    let programme = match pool {
                        PoolOf::Programme(slug) => Some(slug),
                        PoolOf::MatchOf(id) => {
                            self.store.match_by_id(id).await?.map(|m| m.programme)
                        }
                        PoolOf::ApplicationOf(id) => self
                            .store
                            .application(id)
                            .await?
                            .map(|a| a.summary.programme),
                    };
                    match programme {
                        Some(slug) => self.matching_subject(&slug).await?,
                        None => Subject::Nothing,
                    }
                }
                Needs::Application(id) => {
                    Subject::Application(self.application_with_matches(id).await?)
                }
                Needs::Applications(ids) => {
                    let mut list = Vec::new();
                    for id in ids {
                        list.push((id, self.application_with_matches(id).await?));
                    }
                    Subject::Applications(list)
                }
                Needs::Matches(slugs) => {
                    let mut rows = Vec::new();
                    for slug in &slugs {
                        let signs: std::collections::HashMap<i64, _> = self
                            .store
                            .pair_signs(slug, None, self.clock.now())
                            .await?
                            .into_iter()
                            .collect();
                        for m in self.store.matches_in(slug).await? {
                            let s = signs.get(&m.id).cloned().unwrap_or_default();
                            rows.push((m, s));
                        }
                    }
                    Subject::Matches(rows)
                }
                Needs::MatchShow(id) => match self.store.match_by_id(id).await? {
                    Some(m) => {
                        let s = self.store.pair_signs_of(&m, self.clock.now()).await?;
                        Subject::Matches(vec![(m, s)])
                    }
                    None => Subject::Matches(vec![]),
                },
                Needs::StaffCheckIns(id) => match self.store.match_by_id(id).await? {
                    Some(m) => {
                        let s = self.store.pair_signs_of(&m, self.clock.now()).await?;
                        let log = self.store.staff_check_ins_of(id).await?;
                        Subject::StaffCheckIns(Some(Box::new((m, s, log))))
                    }
                    None => Subject::StaffCheckIns(None),
                },
                Needs::People(typed) => {
                    use crate::domain::people::{PersonRef, fits, parse_person};
                    let platform = inbound.from.platform;
                    let people = match parse_person(&typed, platform) {
                        PersonRef::Name(name) => self
                            .store
                            .applicants(|p| self.in_view(p))
                            .await?
                            .into_iter()
                            .filter(|p| fits(p, &name))
                            .collect(),
                        _ => self.find_people(&typed, platform).await?,
                    };
                    let mut found = Vec::new();
                    // A search that fits half the community says so rather than loading it.
                    for person in people.into_iter().take(MAX_PEOPLE_FOUND) {
                        let mut applications = self.store.applications_of(&person.user).await?;
                        applications.retain(|a| self.in_view(&a.programme));
                        let mut matches = self.store.matches_of(&person.user).await?;
                        matches.retain(|m| self.in_view(&m.programme));
                        found.push((person, applications, matches));
                    }
                    Subject::People(found)
                }
                Needs::Refused => {
                    let mut refused = Vec::new();
                    for a in self.store.applications_of(&inbound.from).await? {
                        if a.status == crate::domain::ApplicationStatus::Ineligible
                            && let Some(record) = self.store.application(a.id).await?
                        {
                            refused.push(record);
                        }
                    }
                    Subject::Refused(refused)
                }
                Needs::StartersIn(room) => {
                    Subject::StartersGiven(self.store.starters_given_in_room(&room).await?)
                }
                Needs::AgreementIn(room) => match self.store.agreement_in_room(&room).await? {
                    Some((mentee, agreed)) => Subject::Agreement {
                        answers: self
                            .store
                            .application(mentee)
                            .await?
                            .map(|a| a.answers)
                            .unwrap_or_default(),
                        agreed,
                    },
                    None => Subject::Nothing,
                },
                Needs::MeetingsIn(room) => match self.store.meetings_in_room(&room).await? {
                    Some(pair) => Subject::Meetings(Box::new(pair)),
                    None => Subject::Nothing,
                },
                Needs::OwnWeek => Subject::Week(self.store.week_of(&inbound.from).await?),
                Needs::Broadcast(programme) => Subject::Broadcast {
                    applications: self
                        .store
                        .applications_in(std::slice::from_ref(&programme))
                        .await?,
                    matches: self.store.matches_in(&programme).await?,
                    ended: self.store.closed_matches().await?,
                    suspended: self.store.suspended_people(self.now()).await?,
                    muted: self.store.muted_people().await?,
                    unreachable: self
                        .store
                        .unreachable_people(self.now() - chrono::Duration::days(30))
                        .await?,
                },
                Needs::ResourcesRead => {
                    Subject::ResourcesRead(self.store.resource_reads(&inbound.from).await?)
                }
                Needs::Outcomes(programme) => {
                    Subject::Outcomes(self.store.outcome_records(&programme).await?)
                }
                Needs::ResourceProgress(programme) => Subject::ResourceProgress {
                    applications: self
                        .store
                        .applications_in(std::slice::from_ref(&programme))
                        .await?,
                    matches: self.store.matches_in(&programme).await?,
                    reads: self.store.programme_resource_reads(&programme).await?,
                },
                Needs::Choosing { pools } => {
                    Subject::Choosing(self.choice_pools(&inbound.from, pools).await?)
                }
                Needs::Overview => {
                    let slugs: Vec<String> = self
                        .programmes
                        .iter()
                        .filter(|p| p.is_coordinator(&inbound.from))
                        .map(|p| p.slug.clone())
                        .collect();
                    Subject::Overview(self.store.applications_in(&slugs).await?)
                }
            },
        )
    }

    /// An event session with everyone's answers.
    /// An application with the applicant's matches on it: a step that stops them being
    /// cleared names the pair it concerns.
    async fn application_with_matches(
        &self,
        id: i64,
    ) -> Result<Option<Box<(ApplicationRecord, Vec<crate::domain::matches::MatchRecord>)>>> {
        let Some(record) = self.store.application(id).await? else {
            return Ok(None);
        };
        let matches = self
            .store
            .matches_of(&record.applicant)
            .await?
            .into_iter()
            .filter(|m| m.mentee_application == id || m.mentor_application == id)
            .collect();
        Ok(Some(Box::new((record, matches))))
    }

    async fn with_answers(&self, event: EventRecord) -> Result<flows::EventWithAnswers> {
        let rsvps = self.store.rsvps(event.id).await?;
        Ok((event, rsvps))
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
            meetings: self.store.meetings_in_programme(programme).await?,
        })
    }
}

/// A new one-time code (`domain::accounts::code_from`), from the system's randomness.
fn fresh_code() -> Result<String> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| anyhow::anyhow!("no randomness for a code: {e}"))?;
    Ok(crate::domain::accounts::code_from(random))
}
