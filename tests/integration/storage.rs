//! Every storage function, on both backends.

use std::collections::BTreeMap;

use tandem::domain::screening::{Evaluation, RuleOutcome};
use tandem::domain::{Answer, ApplicationStatus, NewApplication, RoleKind};
use tandem::error::Error;
use tandem::flows::application::Stage;
use tandem::flows::{ApplicationFlow, Effect, FlowState, StateChange};
use tandem::storage::{CommitOutcome, Store};

use crate::support::{start_time, user};

fn flow(stage: Stage) -> FlowState {
    FlowState::Application(ApplicationFlow {
        programme: Some("pathways-2027".into()),
        role: Some(RoleKind::Mentee),
        answers: BTreeMap::from([("name".to_string(), Answer::Text("Amina".into()))]),
        stage,
        started_at: start_time(),
        reopens: None,
        source: None,
        assisted: None,
    })
}

fn asking(q: &str) -> Stage {
    Stage::Asking {
        question: q.into(),
        from_review: false,
    }
}

fn application(applicant: &str, answers: Vec<(String, Answer)>) -> NewApplication {
    NewApplication {
        reopens: None,
        source: None,
        programme: "pathways-2027".into(),
        role: RoleKind::Mentee,
        applicant: user(applicant),
        answers,
        submitted_at: start_time(),
        status: ApplicationStatus::NeedsReview,
        evaluation: Evaluation {
            outcome: RuleOutcome::NeedsReview,
            reasons: vec![],
            results: vec![],
        },
    }
}

both_backends! {
    async fn migrations_apply_once_and_a_second_run_changes_nothing(db: TestDb) {
        let store = Store::connect(&db.url).await.unwrap();
        assert_eq!(store.migrate().await.unwrap(), crate::support::migration_count());
        assert_eq!(store.migrate().await.unwrap(), 0);
        assert_eq!(store.count_conversations().await.unwrap(), 0);
    }

    async fn a_cards_thread_root_is_kept_per_room_and_the_first_one_stays(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let root = |room: &'static str| {
            let store = store.clone();
            async move { store.thread_root("matrix", room, "case-1").await.unwrap() }
        };
        assert_eq!(root("!mods").await, None);
        store.remember_thread_root("matrix", "!mods", "case-1", "$card", start_time()).await.unwrap();
        store.remember_thread_root("matrix", "!mods", "case-1", "$shown-again", start_time()).await.unwrap();
        assert_eq!(root("!mods").await.as_deref(), Some("$card"));
        assert_eq!(root("!elsewhere").await, None);
        assert_eq!(store.thread_root("discord", "!mods", "case-1").await.unwrap(), None);
    }

    async fn a_conversation_is_stored_read_back_and_versioned(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        assert!(store.load_conversation::<FlowState>(&ada).await.unwrap().is_none());
        let first = flow(asking("age"));
        let done = store
            .commit_step(&ada, None, &StateChange::Set(first.clone()), &[], start_time())
            .await
            .unwrap();
        assert!(done.is_committed());
        let read = store.load_conversation(&ada).await.unwrap().unwrap();
        assert_eq!(read.state, first);
        assert_eq!(read.version, 1);
        let second = flow(asking("time_zone"));
        store
            .commit_step(&ada, Some(&read), &StateChange::Set(second.clone()), &[], start_time())
            .await
            .unwrap();
        let again = store.load_conversation::<FlowState>(&ada).await.unwrap().unwrap();
        assert_eq!(again.state, second);
        assert_eq!(again.version, 2);
        assert_eq!(again.updated_at, start_time());
    }

    async fn a_write_based_on_a_stale_read_is_a_conflict_and_changes_nothing(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        store
            .commit_step(&ada, None, &StateChange::Set(flow(asking("age"))), &[], start_time())
            .await
            .unwrap();
        let read = store.load_conversation(&ada).await.unwrap().unwrap();
        // Another message is handled first.
        store
            .commit_step(&ada, Some(&read), &StateChange::Set(flow(asking("languages"))), &[], start_time())
            .await
            .unwrap();
        let stale = store
            .commit_step(&ada, Some(&read), &StateChange::Set(flow(asking("situation"))), &[], start_time())
            .await
            .unwrap();
        assert_eq!(stale, CommitOutcome::Conflict);
        let cleared = store
            .commit_step(&ada, Some(&read), &StateChange::Clear, &[Effect::StoreApplication(application("ada", vec![]))], start_time())
            .await
            .unwrap();
        assert_eq!(cleared, CommitOutcome::Conflict);
        let now = store.load_conversation::<FlowState>(&ada).await.unwrap().unwrap();
        assert_eq!(now.state, flow(asking("languages")));
        assert!(store.applications_of(&ada).await.unwrap().is_empty(), "the application rolled back with the conflict");
    }

    async fn two_first_messages_from_one_person_cannot_both_start_a_conversation(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        let a = store
            .commit_step(&ada, None, &StateChange::Set(flow(Stage::ChoosingRole)), &[], start_time())
            .await
            .unwrap();
        let b = store
            .commit_step(&ada, None, &StateChange::Set(flow(asking("name"))), &[], start_time())
            .await
            .unwrap();
        assert!(a.is_committed());
        assert_eq!(b, CommitOutcome::Conflict);
        let c = store
            .commit_step(&ada, None, &StateChange::Clear, &[], start_time())
            .await
            .unwrap();
        assert_eq!(c, CommitOutcome::Conflict, "clearing what we did not see is a conflict too");
        assert_eq!(store.count_conversations().await.unwrap(), 1);
    }

    async fn a_submitted_application_is_stored_with_its_answers_in_form_order(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        store
            .commit_step(&ada, None, &StateChange::Set(flow(Stage::Reviewing)), &[], start_time())
            .await
            .unwrap();
        let read = store.load_conversation(&ada).await.unwrap().unwrap();
        let long_rtl = format!("{} 🚀\nسطر ثان", "مرحبا ".repeat(300));
        let answers = vec![
            ("name".to_string(), Answer::Text("Ada Lovelace".into())),
            ("age".to_string(), Answer::Number(19.0)),
            ("hopes".to_string(), Answer::Text(long_rtl.clone())),
            ("goals".to_string(), Answer::Choices(vec!["writing-a-cv".into(), "building-confidence".into()])),
            ("anything_else".to_string(), Answer::Skipped),
            ("consent".to_string(), Answer::Consent { accepted_at: start_time() }),
        ];
        let done = store
            .commit_step(&ada, Some(&read), &StateChange::Clear, &[Effect::StoreApplication(application("ada", answers.clone()))], start_time())
            .await
            .unwrap();
        assert!(done.is_committed());
        assert!(store.load_conversation::<FlowState>(&ada).await.unwrap().is_none());
        let mine = store.applications_of(&ada).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].status, ApplicationStatus::NeedsReview);
        assert_eq!(mine[0].role, RoleKind::Mentee);
        assert_eq!(mine[0].submitted_at, start_time());
        let stored = store.application(mine[0].id).await.unwrap().unwrap();
        assert_eq!(stored.applicant, ada);
        assert_eq!(stored.answers, answers);
        assert_eq!(store.applications_to("pathways-2027").await.unwrap(), mine);
        assert!(store.application(mine[0].id + 1000).await.unwrap().is_none());
    }

    async fn a_second_active_application_to_one_programme_is_refused_with_a_clear_message(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        store
            .commit_step(&ada, None, &StateChange::Unchanged, &[Effect::StoreApplication(application("ada", vec![]))], start_time())
            .await
            .unwrap();
        store
            .commit_step(&ada, None, &StateChange::Set(flow(Stage::Reviewing)), &[], start_time())
            .await
            .unwrap();
        let read = store.load_conversation(&ada).await.unwrap().unwrap();
        let err = store
            .commit_step(&ada, Some(&read), &StateChange::Clear, &[Effect::StoreApplication(application("ada", vec![]))], start_time())
            .await
            .unwrap_err();
        match err {
            Error::User(m) => assert!(m.contains("already applied"), "{m}"),
            other => panic!("expected a user error, got {other:?}"),
        }
        assert!(store.load_conversation::<FlowState>(&ada).await.unwrap().is_some(), "nothing changed");
        assert_eq!(store.applications_of(&ada).await.unwrap().len(), 1);
        // Someone else may still apply.
        store
            .commit_step(&user("bo"), None, &StateChange::Unchanged, &[Effect::StoreApplication(application("bo", vec![]))], start_time())
            .await
            .unwrap();
        assert_eq!(store.applications_to("pathways-2027").await.unwrap().len(), 2);
    }

    async fn resources_read_announcements_muted_and_an_applications_source_are_kept_and_erased(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let ada = user("ada");
        let step = |effects: Vec<Effect>| {
            let store = store.clone();
            let ada = ada.clone();
            async move {
                store
                    .commit_step::<FlowState>(&ada, None, &StateChange::Unchanged, &effects, start_time())
                    .await
                    .unwrap();
            }
        };
        let read = || Effect::MarkResourceRead {
            user: ada.clone(),
            programme: "pathways-2027".into(),
            resource: "welcome-guide".into(),
        };
        step(vec![read(), read()]).await;
        let reads = store.resource_reads(&ada).await.unwrap();
        assert_eq!(reads.len(), 1, "read twice, kept once");
        assert_eq!(reads[0].resource, "welcome-guide");
        assert_eq!(store.programme_resource_reads("pathways-2027").await.unwrap()[0].0, ada);
        step(vec![Effect::MuteAnnouncements { user: ada.clone(), muted: true }]).await;
        step(vec![Effect::MuteAnnouncements { user: ada.clone(), muted: true }]).await;
        assert_eq!(store.muted_people().await.unwrap(), vec![ada.clone()]);
        step(vec![Effect::MuteAnnouncements { user: ada.clone(), muted: false }]).await;
        assert!(store.muted_people().await.unwrap().is_empty());
        assert!(store.unreachable_people(start_time()).await.unwrap().is_empty());
        let sourced = NewApplication {
            source: Some("referral:school-12".into()),
            ..application("ada", vec![])
        };
        step(vec![Effect::StoreApplication(sourced), Effect::MuteAnnouncements { user: ada.clone(), muted: true }]).await;
        let apps = store.applications_of(&ada).await.unwrap();
        assert_eq!(apps[0].source.as_deref(), Some("referral:school-12"));
        step(vec![Effect::ErasePerson { user: ada.clone(), retention_years: 1 }]).await;
        assert!(store.resource_reads(&ada).await.unwrap().is_empty());
        assert!(store.muted_people().await.unwrap().is_empty());
    }

    async fn an_application_reopening_a_refused_one_takes_its_place_only_when_it_is_theirs_and_refused(db: TestDb) {
        let store = Store::open(&db.url).await.unwrap();
        let store_one = |who: &'static str, a: NewApplication| {
            let store = store.clone();
            async move {
                store
                    .commit_step(&user(who), None, &StateChange::Unchanged, &[Effect::StoreApplication(a)], start_time())
                    .await
                    .unwrap();
            }
        };
        let name = |n: &str| vec![("name".to_string(), Answer::Text(n.into()))];
        let refused = NewApplication {
            status: ApplicationStatus::Ineligible,
            ..application("ada", name("Ada"))
        };
        store_one("ada", refused).await;
        let id = store.applications_of(&user("ada")).await.unwrap()[0].id;
        let later = start_time() + chrono::Duration::hours(2);
        let corrected = NewApplication {
            reopens: Some(id),
            submitted_at: later,
            ..application("ada", name("Ada B."))
        };
        store_one("ada", corrected.clone()).await;
        let mine = store.applications_of(&user("ada")).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!((mine[0].id, mine[0].status, mine[0].submitted_at), (id, ApplicationStatus::NeedsReview, later));
        let stored = store.application(id).await.unwrap().unwrap();
        assert_eq!(stored.answers, name("Ada B."));
        assert_eq!(stored.decisions.len(), 2);
        assert_eq!((stored.decisions[1].from, stored.decisions[1].to), (ApplicationStatus::Ineligible, ApplicationStatus::NeedsReview));
        // No longer refused: a second re-opening is a new application, refused by the index.
        let again = store
            .commit_step(&user("ada"), None, &StateChange::Unchanged, &[Effect::StoreApplication(corrected)], start_time())
            .await;
        assert!(matches!(again, Err(Error::User(m)) if m.contains("already applied")));
        // Someone else's application is not theirs to re-open: theirs is stored as new.
        store_one("bo", NewApplication { reopens: Some(id), ..application("bo", name("Bo")) }).await;
        let bo = store.applications_of(&user("bo")).await.unwrap();
        assert_eq!(bo.len(), 1);
        assert_ne!(bo[0].id, id);
        assert_eq!(store.application(id).await.unwrap().unwrap().answers, name("Ada B."));
    }
}
