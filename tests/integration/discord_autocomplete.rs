//! Discord's autocomplete for the numbers of the typed staff commands (#25): as staff type
//! an application, case or event number, Tandem suggests the open ones that fit, only to
//! those who may run the command; options of more types (a person, a channel, fixed
//! choices) end to end; and the fake refusing, as Discord does, an autocomplete answer it
//! would refuse.
//!
//! A child of `discord`, for its harness (`start`, `Running`).

use tandem::domain::events::NewEvent;
use tandem::domain::incident::{NewCase, Severity};
use tandem::domain::matches::NewMatch;
use tandem::domain::screening::{Evaluation, RuleOutcome};
use tandem::domain::{Answer, ApplicationStatus, NewApplication, RoleKind};
use tandem::flows::{Effect, StateChange};

use super::*;

/// Stores an application to the example programme, `minutes` after the start, from
/// Discord user `who` giving `name`.
async fn applied(run: &Running, who: u64, name: &str, status: ApplicationStatus, minutes: i64) {
    applied_as(run, who, (name, RoleKind::Mentee), status, minutes).await
}

/// [`applied`] in a role.
async fn applied_as(
    run: &Running,
    who: u64,
    (name, role): (&str, RoleKind),
    status: ApplicationStatus,
    minutes: i64,
) {
    let submitted_at = start_time() + chrono::Duration::minutes(minutes);
    let application = NewApplication {
        reopens: None,
        source: None,
        programme: "pathways-2027".into(),
        role,
        applicant: discord(who),
        answers: vec![("name".into(), Answer::Text(name.into()))],
        submitted_at,
        status,
        evaluation: Evaluation {
            outcome: RuleOutcome::NeedsReview,
            reasons: vec![],
            results: vec![],
        },
    };
    run.store
        .commit_step(
            &discord(who),
            None,
            &StateChange::Clear,
            &[Effect::StoreApplication(application)],
            submitted_at,
        )
        .await
        .unwrap();
}

/// Stores a case `who` reported.
async fn reported(run: &Running, who: u64, category: &str) {
    let case = NewCase {
        reporter: discord(who),
        anonymous: false,
        category: category.into(),
        severity: Severity::Urgent,
        concerns: None,
        text: "He asked for my home address.".into(),
        evidence: None,
        copy: None,
        room: None,
        files: vec![],
        about_staff: None,
        restricted: false,
        programme: None,
    };
    run.store
        .commit_step(
            &discord(who),
            None,
            &StateChange::Clear,
            &[Effect::StoreCase(case)],
            start_time(),
        )
        .await
        .unwrap();
}

/// The choices the bot answered autocomplete interaction `id` with: (name, value).
async fn choices(fake: &DiscordFake, id: u64) -> Vec<(String, Value)> {
    let response = fake
        .wait_for("the autocomplete answer", WAIT, |s| {
            s.responses.get(&id).map(|r| r[0].clone())
        })
        .await;
    assert_eq!(response["type"], 8, "an autocomplete result: {response}");
    response["data"]["choices"]
        .as_array()
        .unwrap_or_else(|| panic!("choices in {response}"))
        .iter()
        .map(|c| (c["name"].as_str().unwrap().to_string(), c["value"].clone()))
        .collect()
}

fn names(found: &[(String, Value)]) -> Vec<&str> {
    found.iter().map(|(n, _)| n.as_str()).collect()
}

#[tokio::test]
async fn a_coordinator_typing_an_application_is_offered_the_queue_filtered_by_what_was_typed() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    let bilal = fake.add_user("bilal");
    let amir = fake.add_user("amir");
    let done = fake.add_user("dora");
    applied(
        &run,
        amina,
        "Amina Diallo",
        ApplicationStatus::NeedsReview,
        1,
    )
    .await;
    applied(&run, bilal, "Bilal", ApplicationStatus::NeedsReview, 2).await;
    applied(&run, amir, "Amir", ApplicationStatus::NeedsReview, 3).await;
    applied(&run, done, "Dora", ApplicationStatus::Approved, 4).await;
    let typing = |typed: &str| {
        fake.autocomplete(
            staff[0],
            run.coordinators,
            ("coordinate", Some("approve")),
            &[],
            ("application", typed),
        )
    };
    let all = choices(fake, typing("")).await;
    assert_eq!(
        names(&all),
        [
            "A1 · Amina Diallo · Pathways Mentoring 2027",
            "A2 · Bilal · Pathways Mentoring 2027",
            "A3 · Amir · Pathways Mentoring 2027",
        ],
        "the queue, oldest first; Dora's accepted application is not in it"
    );
    assert_eq!(all[0].1, json!(1), "the value is the number, as a number");
    let am = choices(fake, typing("am")).await;
    assert_eq!(
        names(&am),
        [
            "A1 · Amina Diallo · Pathways Mentoring 2027",
            "A3 · Amir · Pathways Mentoring 2027"
        ]
    );
    let two = choices(fake, typing("A2")).await;
    assert_eq!(
        two,
        vec![("A2 · Bilal · Pathways Mentoring 2027".to_string(), json!(2))]
    );
    assert!(choices(fake, typing("9")).await.is_empty());
    // The reason is free words: nothing to suggest there.
    let reason = fake.autocomplete(
        staff[0],
        run.coordinators,
        ("coordinate", Some("reject")),
        &[("application", "1")],
        ("reason", "too"),
    );
    assert!(choices(fake, reason).await.is_empty());
    // Outside the coordinators' channel, as the command itself: none.
    let elsewhere = fake.autocomplete(
        staff[0],
        run.pairs,
        ("coordinate", Some("approve")),
        &[],
        ("application", ""),
    );
    assert!(choices(fake, elsewhere).await.is_empty());
    run.stop().await;
}

#[tokio::test]
async fn a_moderator_is_offered_cases_and_a_coordinator_or_a_participant_nothing() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    applied(&run, amina, "Amina", ApplicationStatus::NeedsReview, 1).await;
    reported(&run, amina, "harassment").await;
    let case = |who: u64, channel: u64| {
        fake.autocomplete(who, channel, ("moderate", Some("show")), &[], ("case", ""))
    };
    let found = choices(fake, case(run.moderator, run.moderators)).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("#1 · "), "{found:?}");
    assert!(found[0].0.contains("harassment"), "{found:?}");
    assert!(
        !found[0].0.contains("Amina"),
        "never the reporter: {found:?}"
    );
    assert_eq!(found[0].1, json!(1));
    // A coordinator gets no cases, in the moderators' channel or their own.
    assert!(
        choices(fake, case(staff[0], run.moderators))
            .await
            .is_empty()
    );
    assert!(
        choices(fake, case(staff[0], run.coordinators))
            .await
            .is_empty()
    );
    // A participant who reaches the staff commands anyway gets nothing either.
    let zara = fake.add_user("zara");
    assert!(choices(fake, case(zara, run.moderators)).await.is_empty());
    let approve = fake.autocomplete(
        zara,
        run.coordinators,
        ("coordinate", Some("approve")),
        &[],
        ("application", ""),
    );
    assert!(choices(fake, approve).await.is_empty());
    // The moderator is no coordinator: no applications for them.
    let approve = fake.autocomplete(
        run.moderator,
        run.coordinators,
        ("coordinate", Some("approve")),
        &[],
        ("application", ""),
    );
    assert!(choices(fake, approve).await.is_empty());
    run.stop().await;
}

#[tokio::test]
async fn more_than_25_are_cut_to_25_and_a_long_programme_title_is_cut_at_100_characters() {
    let long_title = format!("Pathways {}", "Mentoring for Young Engineers ".repeat(6));
    let programmes: Vec<Programme> = example_programmes()
        .into_iter()
        .map(|mut p| {
            p.name = long_title.clone();
            p
        })
        .collect();
    let (run, staff) = start_in(programmes, &["carol"], |_, _| {}).await;
    let fake = &run.fake;
    for i in 0..30 {
        let who = fake.add_user(&format!("applicant{i}"));
        applied(
            &run,
            who,
            &format!("Applicant {i}"),
            ApplicationStatus::NeedsReview,
            i,
        )
        .await;
    }
    let typing = fake.autocomplete(
        staff[0],
        run.coordinators,
        ("coordinate", Some("show")),
        &[],
        ("application", ""),
    );
    let found = choices(fake, typing).await;
    assert_eq!(found.len(), 25, "Discord takes at most 25");
    assert_eq!(found[0].1, json!(1), "the oldest first");
    for (name, _) in &found {
        assert_eq!(name.chars().count(), 100, "{name}");
        assert!(name.ends_with('…'), "{name}");
    }
    assert!(
        found[0]
            .0
            .starts_with("A1 · Applicant 0 · Pathways Mentoring")
    );
    run.stop().await;
}

#[tokio::test]
async fn an_option_of_each_new_type_is_registered_and_works_end_to_end() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let coordinate = fake.lock().commands[&GUILD_ID]
        .iter()
        .find(|c| c["name"] == "coordinate")
        .cloned()
        .unwrap();
    let sub = |name: &str| {
        coordinate["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(sub("who")["options"][0]["type"], 6, "a person");
    assert_eq!(sub("announce")["options"][0]["type"], 7, "a channel");
    assert_eq!(sub("announce")["options"][0]["channel_types"], json!([0]));
    let filter = &sub("matches")["options"][0];
    assert_eq!(filter["type"], 3);
    assert_eq!(filter["choices"][1]["value"], "at-risk");
    assert_eq!(
        filter["choices"][1]["name_localizations"]["es-ES"],
        "en riesgo: una señal dice que la pareja necesita ayuda ya"
    );
    assert_eq!(sub("approve")["options"][0]["autocomplete"], true);
    let said = |n: usize| async move {
        next_from_bot(fake, run.coordinators, n).await["content"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // A person: `who` with their mention.
    let amina = fake.add_user("amina");
    applied(
        &run,
        amina,
        "Amina Diallo",
        ApplicationStatus::NeedsReview,
        1,
    )
    .await;
    let seen = bot_count(&fake.lock(), run.coordinators);
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("who"),
        &[("person", &amina.to_string())],
    );
    run.settle(1, "/coordinate who").await;
    assert_eq!(said(seen).await, format!("› who <@{amina}>"));
    let found = said(seen + 1).await;
    assert!(
        found.contains("A1") && found.contains("Amina Diallo"),
        "{found}"
    );
    // A fixed choice: `matches` with its filter.
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("matches"),
        &[("filter", "at-risk")],
    );
    run.settle(2, "/coordinate matches").await;
    assert_eq!(said(seen + 2).await, "› matches at-risk");
    // A channel: the Apply card posted there.
    let lobby = fake.add_channel("lobby");
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("announce"),
        &[("room", &lobby.to_string())],
    );
    run.settle(3, "/coordinate announce").await;
    assert_eq!(said(seen + 4).await, format!("› announce apply <#{lobby}>"));
    let card = fake
        .wait_for("the Apply card", WAIT, |s| {
            s.messages_in(lobby).into_iter().find(from_bot)
        })
        .await;
    assert!(
        card["content"]
            .as_str()
            .unwrap_or_default()
            .contains("is open for applications"),
        "{card}"
    );
    // A participant's choice: `/apply role:mentor`.
    let zara = fake.add_user("zara");
    fake.slash(zara, Some(run.pairs), "apply", &[("role", "mentor")]);
    run.settle(4, "/apply role:mentor").await;
    let dm = fake
        .wait_for("Zara's DM", WAIT, |s| s.dm_channel(zara))
        .await;
    expect_welcome(fake, dm, 0).await;
    run.stop().await;
}

#[tokio::test]
async fn the_fake_refuses_an_autocomplete_answer_discord_would_refuse() {
    let (run, staff) = start(&["carol"]).await;
    let fake = run.fake.clone();
    let (carol, coordinators) = (staff[0], run.coordinators);
    // No bot from here on: the test answers the interactions itself.
    run.stop().await;
    let answer = |id: u64, body: Value| {
        let fake = fake.clone();
        async move {
            loop {
                let response = fake
                    .http_client()
                    .post(format!(
                        "https://discord.com/api/v10/interactions/{id}/token-{id}/callback"
                    ))
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await
                    .unwrap();
                if response.status().as_u16() == 429 {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    continue;
                }
                let status = response.status().as_u16();
                let text = response.text().await.unwrap_or_default();
                let code = serde_json::from_str::<Value>(&text)
                    .map(|v| v["code"].clone())
                    .unwrap_or(Value::Null);
                return (status, code);
            }
        }
    };
    let typing = || {
        fake.autocomplete(
            carol,
            coordinators,
            ("coordinate", Some("approve")),
            &[],
            ("application", "1"),
        )
    };
    let result = |choices: Value| json!({"type": 8, "data": {"choices": choices}});
    let choice = |name: String, value: Value| json!({"name": name, "value": value});
    let refused = [
        ("a message", json!({"type": 4, "data": {"content": "hi"}})),
        (
            "26 choices",
            result(Value::Array(
                (1..=26)
                    .map(|n| choice(format!("A{n}"), json!(n)))
                    .collect(),
            )),
        ),
        (
            "a name of 101",
            result(json!([choice("x".repeat(101), json!(1))])),
        ),
        (
            "an empty name",
            result(json!([choice(String::new(), json!(1))])),
        ),
        (
            "a text value",
            result(json!([choice("A1".into(), json!("1"))])),
        ),
        (
            "a fraction",
            result(json!([choice("A1".into(), json!(1.5))])),
        ),
    ];
    for (what, body) in refused {
        let (status, code) = answer(typing(), body).await;
        assert_eq!((status, code), (400, json!(50035)), "{what}");
    }
    let fine = result(json!([choice("A1 · Amina".into(), json!(1))]));
    assert_eq!(answer(typing(), fine.clone()).await.0, 204);
    // An autocomplete result to anything else: refused.
    let slash = fake.slash_sub(carol, Some(coordinators), "coordinate", Some("queue"), &[]);
    assert_eq!(answer(slash, fine.clone()).await, (400, json!(50035)));
    // Three seconds (here shortened) and it is gone.
    fake.lock().strict.interaction_deadline = Duration::from_millis(100);
    let late = typing();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(answer(late, fine).await, (404, json!(10062)));
}

#[tokio::test]
async fn a_coordinator_is_offered_the_proposed_matches_and_the_upcoming_events() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    let grace = fake.add_user("grace");
    applied(&run, amina, "Amina", ApplicationStatus::Approved, 1).await;
    applied_as(
        &run,
        grace,
        ("Grace", RoleKind::Mentor),
        ApplicationStatus::Approved,
        2,
    )
    .await;
    let coordinator = discord(staff[0]);
    let coordinators = RoomRef::new(Platform::Discord, run.coordinators.to_string());
    let event = |title: &str, days: i64| NewEvent {
        title: title.into(),
        description: String::new(),
        starts_at: start_time() + chrono::Duration::days(days),
        zone: "UTC".into(),
        duration_minutes: 60,
        room: coordinators.clone(),
        capacity: None,
        created_by: coordinator.clone(),
    };
    run.store
        .commit_step(
            &coordinator,
            None,
            &StateChange::Clear,
            &[
                Effect::StoreMatches(vec![NewMatch {
                    programme: "pathways-2027".into(),
                    mentee_application: 1,
                    mentor_application: 2,
                    score: 10,
                    reasons: vec![],
                    origin: tandem::domain::matches::MatchOrigin::Engine,
                }]),
                Effect::StoreEvents {
                    events: vec![event("Study hall", 2), event("CV clinic", 3)],
                    reminders: vec![],
                    tell: coordinators.clone(),
                },
            ],
            start_time(),
        )
        .await
        .unwrap();
    let proposal = fake.autocomplete(
        staff[0],
        run.coordinators,
        ("coordinate", Some("match-approve")),
        &[],
        ("match", ""),
    );
    let found = choices(fake, proposal).await;
    assert_eq!(
        names(&found),
        ["P1 · Amina & Grace · Pathways Mentoring 2027"],
        "{found:?}"
    );
    let events = fake.autocomplete(
        staff[0],
        run.coordinators,
        ("coordinate", Some("event-cancel")),
        &[],
        ("event", "cv"),
    );
    let found = choices(fake, events).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("2 · CV clinic · "), "{found:?}");
    assert_eq!(found[0].1, json!(2));
    run.stop().await;
}

/// Someone a programme names by a Discord role is offered its applications while they
/// hold the role, as they may run the command; without it, nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_by_a_discord_role_is_offered_applications_only_while_holding_it() {
    const ROLE: u64 = 900_000_000_000_000_777;
    let mut programmes = example_programmes();
    programmes[0].coordinator_groups = vec![
        tandem::domain::staff::StaffGroup::parse(&format!("discord-role:{GUILD_ID}/{ROLE}"))
            .unwrap()
            .unwrap(),
    ];
    let (run, _) = start_in(programmes, &[], |_, _| {}).await;
    let fake = &run.fake;
    let amina = fake.add_user("amina");
    applied(&run, amina, "Amina", ApplicationStatus::NeedsReview, 1).await;
    let dee = fake.add_user("dee");
    let typing = || {
        fake.autocomplete(
            dee,
            run.coordinators,
            ("coordinate", Some("approve")),
            &[],
            ("application", ""),
        )
    };
    assert!(choices(fake, typing()).await.is_empty());
    fake.set_roles(dee, &[ROLE]);
    let found = choices(fake, typing()).await;
    assert_eq!(names(&found), ["A1 · Amina · Pathways Mentoring 2027"]);
    fake.set_roles(dee, &[]);
    assert!(choices(fake, typing()).await.is_empty());
    run.stop().await;
}

#[tokio::test]
async fn a_registration_with_choices_or_channel_types_discord_would_refuse_is_refused_with_50035() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let with = |option: Value| {
        json!([{"name": "coordinate", "description": "Staff", "options": [
            {"type": 1, "name": "matches", "description": "Matches", "options": [option]}
        ]}])
    };
    let choice = |name: &str, value: Value| json!({"name": name, "value": value});
    let option = |kind: u64, extra: Value| {
        let mut o = json!({"type": kind, "name": "filter", "description": "Which"});
        for (k, v) in extra.as_object().unwrap() {
            o[k] = v.clone();
        }
        o
    };
    let refused = [
        (
            "choices on a user option",
            option(6, json!({"choices": [choice("Amina", json!("1"))]})),
        ),
        (
            "a number for a text choice",
            option(3, json!({"choices": [choice("at risk", json!(1))]})),
        ),
        (
            "text for a whole-number choice",
            option(4, json!({"choices": [choice("one", json!("1"))]})),
        ),
        (
            "a choice named in 101 characters",
            option(
                3,
                json!({"choices": [choice(&"x".repeat(101), json!("x"))]}),
            ),
        ),
        (
            "a choice named for a locale Discord does not have",
            option(
                3,
                json!({"choices": [{"name": "x", "value": "x", "name_localizations": {"ar": "س"}}]}),
            ),
        ),
        (
            "channel types on a text option",
            option(3, json!({"channel_types": [0]})),
        ),
        (
            "autocomplete on a user option",
            option(6, json!({"autocomplete": true})),
        ),
    ];
    let put = |body: Value| async move {
        loop {
            let response = fake
                .http_client()
                .put(format!(
                    "https://discord.com/api/v10/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
                ))
                .header("authorization", format!("Bot {TOKEN}"))
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            if response.status().as_u16() == 429 {
                let after: f64 = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok()?.parse().ok())
                    .unwrap_or(0.5);
                tokio::time::sleep(Duration::from_secs_f64(after + 0.05)).await;
                continue;
            }
            let status = response.status().as_u16();
            let error: Value = serde_json::from_str(&response.text().await.unwrap_or_default())
                .unwrap_or(Value::Null);
            return (status, error["code"].clone());
        }
    };
    for (what, body) in refused {
        assert_eq!(put(with(body)).await, (400, json!(50035)), "{what}");
    }
    let fine = option(
        3,
        json!({"choices": [{"name": "at risk", "value": "at-risk",
            "name_localizations": {"es-ES": "en riesgo"}}]}),
    );
    assert_eq!(put(with(fine)).await.0, 200);
    run.stop().await;
}
