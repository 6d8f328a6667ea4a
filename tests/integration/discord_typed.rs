//! Discord's typed staff commands (#25): `/coordinate` and `/moderate` registered with
//! subcommands and typed options (whole numbers, free words), each
//! handled as the words a coordinator would type; and the fake refusing, as Discord does
//! (50035), a registration that breaks the rules for subcommands and options.
//!
//! A child of `discord`, for its harness (`start`, `Running`).

use super::*;

/// The registered command called `name`.
fn registered(fake: &DiscordFake, name: &str) -> Value {
    fake.lock().commands[&GUILD_ID]
        .iter()
        .find(|c| c["name"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("{name} is registered"))
}

fn sub<'a>(command: &'a Value, name: &str) -> &'a Value {
    command["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {command}"))
}

#[tokio::test]
async fn the_staff_commands_are_registered_as_typed_subcommands_described_in_spanish_too() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let coordinate = registered(fake, "coordinate");
    let approve = sub(&coordinate, "approve");
    assert_eq!(approve["type"], 1, "a subcommand: {approve}");
    let application = &approve["options"][0];
    assert_eq!(application["name"], "application");
    assert_eq!(application["type"], 4, "a whole number: {application}");
    assert_eq!(application["required"], true);
    assert_eq!(application["min_value"], 1);
    assert_eq!(
        approve["description_localizations"]["es-ES"],
        "Aprobar una solicitud"
    );
    assert_eq!(application["name_localizations"]["es-419"], "solicitud");
    let reject = sub(&coordinate, "reject");
    assert_eq!(reject["options"][1]["name"], "reason");
    assert_eq!(reject["options"][1]["type"], 3);
    let run_any = sub(&coordinate, "run");
    assert_eq!(run_any["options"][0]["name"], "command");
    let moderate = registered(fake, "moderate");
    let show = sub(&moderate, "show");
    assert_eq!(show["options"][0]["name"], "case");
    assert_eq!(show["options"][0]["type"], 4);
    // Still only for those who may use them.
    assert_eq!(
        coordinate["default_member_permissions"],
        json!((1u64 << 13).to_string())
    );
    run.stop().await;
}

#[tokio::test]
async fn a_typed_subcommand_does_what_its_typed_words_do() {
    let (run, staff) = start(&["carol"]).await;
    let fake = &run.fake;
    let said = |n: usize| async move {
        next_from_bot(fake, run.coordinators, n).await["content"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("queue"),
        &[],
    );
    run.settle(1, "/coordinate queue").await;
    // The bot shows the words the command stood for, then answers them.
    assert_eq!(said(0).await, "› queue");
    assert!(said(1).await.contains("review"));
    // A number Tandem does not know: the same answer as typing `show 99`.
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("show"),
        &[("application", "99")],
    );
    run.settle(2, "/coordinate show 99").await;
    assert_eq!(said(2).await, "› show 99");
    let typed_answer = said(3).await;
    fake.slash(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        &[("command", "show 99")],
    );
    run.settle(3, "/coordinate run show 99").await;
    assert_eq!(said(4).await, "› show 99");
    assert_eq!(typed_answer, said(5).await);
    fake.slash_sub(
        staff[0],
        Some(run.coordinators),
        "coordinate",
        Some("reject"),
        &[("application", "99"), ("reason", "not this round")],
    );
    run.settle(4, "/coordinate reject 99").await;
    assert_eq!(said(6).await, "› reject 99 not this round");
    run.stop().await;
}

#[tokio::test]
async fn a_registration_breaking_discords_rules_for_subcommands_is_refused_with_50035() {
    let (run, _) = start(&["carol"]).await;
    let fake = &run.fake;
    let subcommand = |options: Value| {
        json!([{"name": "coordinate", "description": "Staff", "options": [
            {"type": 1, "name": "approve", "description": "Approve", "options": options}
        ]}])
    };
    let number = |name: &str, required: bool| json!({"type": 4, "name": name, "description": "A number", "required": required});
    let mut with_choices = number("application", true);
    with_choices["autocomplete"] = json!(true);
    with_choices["choices"] = json!([{"name": "A1", "value": 1}]);
    let refused = [
        (
            "required after optional",
            subcommand(json!([number("a", false), number("b", true)])),
        ),
        (
            "autocomplete with choices",
            subcommand(json!([with_choices])),
        ),
        (
            "subcommands mixed with options",
            json!([{"name": "coordinate", "description": "Staff", "options": [
                {"type": 1, "name": "approve", "description": "Approve"},
                number("application", true)
            ]}]),
        ),
        (
            "a subcommand inside a subcommand",
            subcommand(json!([{"type": 1, "name": "deeper", "description": "Deeper"}])),
        ),
        (
            "an upper-case option",
            subcommand(json!([number("Application", true)])),
        ),
        (
            "26 subcommands",
            json!([{"name": "coordinate", "description": "Staff", "options": (0..26)
                .map(|i| json!({"type": 1, "name": format!("s{i}"), "description": "S"}))
                .collect::<Vec<_>>()}]),
        ),
    ];
    // Waits out the route's rate limit, as any client does.
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
                .await;
            match response {
                Ok(r) if r.status().as_u16() == 429 => {
                    let after: f64 = r
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok()?.parse().ok())
                        .unwrap_or(0.5);
                    tokio::time::sleep(Duration::from_secs_f64(after + 0.05)).await;
                }
                other => return other,
            }
        }
    };
    let before = fake.lock().commands[&GUILD_ID].len();
    for (what, body) in refused {
        let response = put(body).await.unwrap();
        assert_eq!(response.status().as_u16(), 400, "{what}");
        let error: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        assert_eq!(error["code"], 50035, "{what}: {error}");
    }
    assert_eq!(
        fake.lock().commands[&GUILD_ID].len(),
        before,
        "nothing replaced"
    );
    // Tandem's own registration passed the same checks (it is what is registered).
    assert!(
        registered(fake, "coordinate")["options"]
            .as_array()
            .unwrap()
            .len()
            <= 25
    );
    let ok = put(subcommand(json!([number("application", true)])))
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    run.stop().await;
}
