use super::*;
use crate::domain::incident::Moderation;
use crate::flows::decide::handle;
use crate::flows::events::EventCommand;
use crate::flows::route::{Dm, Room, Route, route};
use crate::flows::testing::{Scene, dms, posted, room, user};
use crate::i18n::Locale;

const PREFIX: &str = "!tandem";

/// What an English reader reads of `texts`.
fn read(texts: Vec<Text>) -> Vec<String> {
    texts.iter().map(Text::english).collect()
}

/// The help of `desks`, as an English reader reads it.
fn menu(desks: &[Desk], prefix: &str) -> Vec<String> {
    read(super::menu(desks, prefix))
}

/// `help <topic>`, as an English reader reads it.
fn one(topic: &str, desks: &[Desk], prefix: &str) -> Vec<String> {
    read(super::one(topic, desks, prefix))
}

/// Carol (a coordinator), max (a moderator), lead (the escalation contact), amina (a
/// participant): `who` typing, with the moderators' room configured.
fn scene(who: &str) -> Scene {
    Scene {
        moderation: Moderation {
            moderators: vec![user("max")],
            escalation_contact: Some(user("lead")),
            ..Moderation::default()
        },
        ..Scene::for_user(who)
    }
}

/// What the registry reads of `text` typed at `desk` (prefixed in a room, bare in a DM).
fn routed(desk: Desk, text: &str) -> Route {
    let (who, place) = match desk {
        Desk::Coordinators => ("carol", Some("coordinators")),
        Desk::Moderators => ("max", Some("moderators")),
        Desk::Contact => ("lead", None),
        Desk::Participant => ("amina", None),
    };
    let typed = match place {
        Some(_) => format!("{PREFIX} {text}"),
        None => text.to_string(),
    };
    let scene = scene(who);
    route(&scene.says(place, &typed), &scene.router())
}

#[test]
fn every_privileged_command_has_its_words_an_example_and_a_place() {
    for command in Privileged::ALL {
        let entry = entry(command);
        assert!(!entry.does.english().is_empty(), "{command:?}");
        assert!(!desks(command).is_empty(), "{command:?}");
        let names = names(entry.usage);
        assert!(names.iter().all(|n| !n.is_empty()), "{command:?}");
        assert!(
            names
                .iter()
                .any(|n| entry.example == n || entry.example.starts_with(&format!("{n} "))),
            "{command:?}: the example {:?} is not written with its words {names:?}",
            entry.example
        );
    }
}

#[test]
fn every_example_is_read_by_the_registry_as_the_command_it_documents() {
    for command in Privileged::ALL {
        let example = entry(command).example.to_string();
        for desk in desks(command) {
            let route = routed(desk, &example);
            assert_eq!(
                route.privileged(),
                Some(command),
                "{command:?} at {desk:?}: `{example}` is read as {route:?}"
            );
        }
    }
    // An event's example is a whole event, not only the start of one.
    let event = entry(Privileged::EventCreate).example;
    assert!(matches!(
        routed(Desk::Coordinators, event),
        Route::Room {
            command: Room::Event(Ok(EventCommand::Create(Ok(_)))),
            ..
        }
    ));
}

#[test]
fn two_commands_of_one_room_never_share_a_name_or_an_example() {
    for desk in [
        Desk::Coordinators,
        Desk::Moderators,
        Desk::Contact,
        Desk::Participant,
    ] {
        let mut names_seen: Vec<String> = vec![];
        let mut examples_seen: Vec<&str> = vec![];
        for command in commands_at(desk) {
            let entry = entry(command);
            for name in names(entry.usage) {
                assert!(!names_seen.contains(&name), "{name} is documented twice");
                names_seen.push(name);
            }
            assert!(!examples_seen.contains(&entry.example), "{}", entry.example);
            examples_seen.push(entry.example);
        }
    }
}

#[test]
fn help_on_a_word_of_two_rooms_is_the_one_of_the_room_it_is_asked_in() {
    let coordinators = one("confirm", &[Desk::Coordinators], PREFIX).join("\n");
    assert!(
        coordinators.contains("close match or survey send"),
        "{coordinators}"
    );
    let moderators = one("confirm", &[Desk::Moderators], PREFIX).join("\n");
    assert!(
        moderators.contains("the action you asked for"),
        "{moderators}"
    );
}

/// The lines of a menu that list a command (`• !tandem approve A12 — …`).
fn listed(messages: &[String]) -> Vec<String> {
    messages
        .iter()
        .flat_map(|m| m.lines())
        .filter(|l| l.starts_with("• "))
        .map(str::to_string)
        .collect()
}

#[test]
fn each_room_lists_its_own_commands_and_no_other_rooms() {
    for (desk, other) in [
        (Desk::Coordinators, Desk::Moderators),
        (Desk::Moderators, Desk::Coordinators),
    ] {
        let lines = listed(&menu(&[desk], PREFIX));
        assert_eq!(lines.len(), commands_at(desk).len(), "{desk:?}");
        for command in commands_at(desk) {
            let example = format!("• {PREFIX} {} — ", entry(command).example);
            assert!(
                lines.iter().any(|l| l.starts_with(&example)),
                "{desk:?}: {example}"
            );
        }
        // A word of both rooms (`confirm`) is listed in each, for each room's own.
        let here: Vec<&str> = commands_at(desk)
            .iter()
            .map(|c| entry(*c).example)
            .collect();
        let elsewhere = commands_at(other);
        for command in elsewhere
            .into_iter()
            .filter(|c| !here.contains(&entry(*c).example))
        {
            let example = format!("• {PREFIX} {} — ", entry(command).example);
            assert!(
                !lines.iter().any(|l| l.starts_with(&example)),
                "{desk:?} lists {command:?}"
            );
        }
        assert!(
            !lines.iter().any(|l| l.contains("transcript")),
            "a participant's command"
        );
    }
    assert!(commands_at(Desk::Coordinators).contains(&Privileged::Approve));
    assert!(commands_at(Desk::Moderators).contains(&Privileged::Freeze));
    assert!(!commands_at(Desk::Contact).contains(&Privileged::CaseReveal));
}

#[test]
fn a_help_fits_in_chat_messages_broken_only_between_groups() {
    for desks in [
        vec![Desk::Coordinators],
        vec![Desk::Moderators],
        vec![Desk::Coordinators, Desk::Moderators],
        vec![Desk::Contact],
    ] {
        let messages = menu(&desks, PREFIX);
        assert!(
            messages.iter().all(|m| char_len(m) <= MAX_HELP_CHARS),
            "{desks:?}"
        );
        // Each group's lines follow its title in the same message.
        for message in &messages {
            let first = message.lines().next().unwrap_or_default();
            assert!(
                !first.starts_with("• "),
                "{desks:?}: a group was cut:\n{message}"
            );
        }
    }
    let both = menu(&[Desk::Coordinators, Desk::Moderators], PREFIX);
    assert!(both.len() > 1, "too long for one message");
    let text = both.join("\n");
    assert!(text.starts_with(
        "Coordinators' commands (type them here, after !tandem):\nScreening:\n• !tandem queue — "
    ));
    assert!(text.contains("Moderators' commands"));
    assert!(text.ends_with(
        "Type !tandem help <command> for one command's words, an example and who may run it, like !tandem help approve."
    ));
}

#[test]
fn help_about_one_command_gives_its_words_an_example_and_who_may_run_it() {
    let about = |topic: &str| one(topic, &[Desk::Coordinators], PREFIX).join("\n");
    assert_eq!(
        about("approve"),
        "!tandem approve <application>\nAccept: the applicant is told and their screening steps begin.\nExample: !tandem approve A12\nWho may run it: the coordinators of the programme it concerns, in the coordinators' room."
    );
    // As typed after `help`: the prefix, a number, another case, quotes.
    for topic in ["approve A12", "`!tandem Approve`?", "APPROVE"] {
        assert_eq!(about(topic), about("approve"), "{topic}");
    }
    assert!(about("match approve").starts_with("!tandem match approve <proposal>\n"));
    assert!(about("match approve all").starts_with("!tandem match approve all [programme]\n"));
    assert!(about("match include").starts_with("!tandem match exclude "));
    assert!(about("cancel").starts_with("!tandem confirm · !tandem cancel\n"));
    // Another room's command says where it works.
    let freeze = about("freeze");
    assert!(
        freeze.starts_with("!tandem freeze pair <match>\n"),
        "{freeze}"
    );
    assert!(
        freeze.ends_with("any moderator, in the moderators' room."),
        "{freeze}"
    );
    let show = one("case show", &[Desk::Moderators], PREFIX).join("\n");
    assert!(
        show.ends_with("Who may run it: a moderator, in the moderators' room, on a case that does not concern the moderation team; the escalation contact, by DM without the prefix, on a case that may concern the moderation team."),
        "{show}"
    );
    assert!(about("claim").starts_with("!tandem case claim <case>\n"));
    assert!(
        about("transcript").starts_with("transcript [match]\n"),
        "by DM, no prefix"
    );
}

#[test]
fn several_commands_are_listed_and_an_unknown_name_gets_the_closest() {
    let about = |topic: &str| one(topic, &[Desk::Coordinators], PREFIX).join("\n");
    let matching = about("match");
    assert!(matching.starts_with("Commands that begin with “match”:\n• !tandem match preview — "));
    assert!(matching.ends_with("Type !tandem help match preview for one."));
    assert_eq!(
        about("aprove"),
        "I know no staff command called “aprove”. Did you mean !tandem help approve? Type !tandem help for this room's commands."
    );
    assert!(about("suspnd").contains("Did you mean !tandem help suspend?"));
    assert!(about("clam").contains("Did you mean !tandem help case claim?"));
    assert_eq!(
        about("pineapple"),
        "I know no staff command called “pineapple”. Type !tandem help for this room's commands."
    );
    assert_eq!(about("?"), menu(&[Desk::Coordinators], PREFIX).join("\n"));
}

#[test]
fn help_with_a_command_is_read_in_a_room_and_a_dm_stays_as_it_was() {
    assert!(matches!(
        routed(Desk::Coordinators, "help match approve"),
        Route::Room { command: Room::HelpOn(topic), .. } if topic == "match approve"
    ));
    assert!(matches!(
        routed(Desk::Coordinators, "help"),
        Route::Room {
            command: Room::Command(crate::flows::command::Command::Help),
            ..
        }
    ));
    assert_eq!(
        routed(Desk::Participant, "help apply"),
        Route::Dm(Dm::Other)
    );
}

/// The texts `who` gets for `text` typed in room `name` (with the moderators' room
/// `moderators`).
fn answer_in(who: &str, name: &str, text: &str, moderators: &str) -> Vec<String> {
    let mut scene = scene(who).in_room(name);
    scene.rooms.add(
        crate::domain::rooms::Serves::Moderators,
        None,
        room(moderators),
    );
    let ctx = scene.ctx();
    let outcome = handle(&ctx, None, &scene.says(Some(name), text));
    assert!(
        outcome
            .effects
            .iter()
            .all(|e| matches!(e, crate::flows::Effect::PostInRoom { .. }))
    );
    posted(&outcome, name)
        .into_iter()
        .map(|m| m.text.clone())
        .collect()
}

#[test]
fn help_in_a_staff_room_shows_that_rooms_commands_and_elsewhere_everyones() {
    let coordinators = answer_in("carol", "coordinators", "!tandem help", "moderators");
    assert_eq!(coordinators, menu(&[Desk::Coordinators], PREFIX));
    assert_eq!(
        answer_in("carol", "coordinators", "!tandem", "moderators"),
        coordinators,
        "the prefix alone"
    );
    let moderators = answer_in("max", "moderators", "!tandem help", "moderators");
    assert_eq!(moderators, menu(&[Desk::Moderators], PREFIX));
    // One room for both.
    assert_eq!(
        answer_in("carol", "coordinators", "!tandem help", "coordinators"),
        menu(&[Desk::Coordinators, Desk::Moderators], PREFIX)
    );
    let one_command = answer_in(
        "carol",
        "coordinators",
        "!tandem help approve",
        "moderators",
    );
    assert_eq!(one_command, one("approve", &[Desk::Coordinators], PREFIX));
    // A pair room: everyone's menu, with or without a command.
    for text in ["!tandem help", "!tandem help approve"] {
        let lobby = answer_in("amina", "room-1", text, "moderators");
        assert_eq!(lobby.len(), 1);
        assert!(lobby[0].starts_with("Hello! I'm Tandem"), "{lobby:?}");
        assert!(!lobby[0].contains("approve"), "{lobby:?}");
    }
}

#[test]
fn the_escalation_contacts_help_by_dm_lists_the_cases_they_work_there() {
    let help = |who: &str| {
        let scene = scene(who);
        let outcome = handle(&scene.ctx(), None, &scene.says(None, "help"));
        dms(&outcome, who)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let contact = help("lead");
    assert_eq!(contact.len(), 2, "{contact:?}");
    assert!(contact[0].starts_with("Hello! I'm Tandem"));
    assert!(
        contact[1].contains("\n• case claim 4 — take the case"),
        "{contact:?}"
    );
    assert!(!contact[1].contains("case reveal"), "two moderators only");
    let participant = help("amina");
    assert_eq!(participant.len(), 1);
    assert!(!participant[0].contains("case claim"));
}

#[test]
fn a_help_fits_in_chat_messages_in_every_language_broken_only_between_groups() {
    let spanish = Locale::from_tag("es").unwrap();
    let arabic = Locale::from_tag("ar").unwrap();
    for desks in [
        vec![Desk::Coordinators],
        vec![Desk::Moderators],
        vec![Desk::Coordinators, Desk::Moderators],
        vec![Desk::Contact],
    ] {
        let messages = super::menu(&desks, PREFIX);
        for locale in Locale::all() {
            for message in messages.iter().map(|m| m.render(locale)) {
                assert!(
                    char_len(&message) <= MAX_HELP_CHARS,
                    "{desks:?} in {}: {} characters",
                    locale.tag(),
                    char_len(&message)
                );
                let first = message.lines().next().unwrap_or_default();
                assert!(!first.starts_with("• "), "a group was cut:\n{message}");
            }
        }
    }
    let coordinators = super::menu(&[Desk::Coordinators], PREFIX);
    assert!(coordinators.len() > 1, "too long for one message");
    let es = coordinators[0].render(spanish);
    assert!(
        es.starts_with(
            "Comandos de coordinación (escríbelos aquí, después de !tandem):\nSelección:\n• !tandem queue — las solicitudes que esperan revisión"
        ),
        "{es}"
    );
    let ar = coordinators[0].render(arabic);
    assert!(ar.starts_with("أوامر المنسقين (اكتبها هنا بعد "), "{ar}");
    assert!(
        ar.contains("\nالفحص:\n• !tandem queue — الطلبات التي تنتظر المراجعة"),
        "{ar}"
    );
    let last = coordinators.last().unwrap().render(spanish);
    assert!(
        last.ends_with("Escribe !tandem help <comando> para ver las palabras de un comando, un ejemplo y quién puede usarlo, como !tandem help approve."),
        "{last}"
    );
}

#[test]
fn help_about_one_command_reads_in_spanish_and_arabic_with_the_command_as_typed() {
    let spanish = Locale::from_tag("es").unwrap();
    let arabic = Locale::from_tag("ar").unwrap();
    let about = |topic: &str, locale: Locale| {
        super::one(topic, &[Desk::Coordinators], PREFIX)
            .iter()
            .map(|t| t.render(locale))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        about("approve", spanish),
        "!tandem approve <application>\nAceptar: se avisa a la persona y empiezan sus pasos de selección.\nEjemplo: !tandem approve A12\nQuién puede usarlo: la coordinación del programa al que se refiere, en la sala de coordinación."
    );
    let ar = about("approve", arabic);
    assert!(
        ar.starts_with("!tandem approve <application>\n\u{2068}القبول: يُخبَر مقدم الطلب"),
        "{ar}"
    );
    assert!(
        ar.contains("\nمثال: \u{2068}!tandem approve A12\u{2069}\n"),
        "{ar}"
    );
    let show = super::one("case show", &[Desk::Moderators], PREFIX)[0].render(arabic);
    assert!(
        show.contains("؛"),
        "two places, joined as Arabic writes it: {show}"
    );
    assert_eq!(
        about("aprove", spanish),
        "No conozco ningún comando del equipo llamado «aprove». ¿Querías decir !tandem help approve? Escribe !tandem help para ver los comandos de esta sala."
    );
    let several = about("match", spanish);
    assert!(
        several
            .starts_with("Comandos que empiezan por «match»:\n• !tandem match preview — un ensayo"),
        "{several}"
    );
    assert!(
        several.ends_with("Escribe !tandem help match preview para ver uno."),
        "{several}"
    );
    let contact = super::menu(&[Desk::Contact], "")
        .iter()
        .map(|t| t.render(arabic))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        contact.contains("\n• case claim 4 — تولي الحالة"),
        "{contact}"
    );
}
