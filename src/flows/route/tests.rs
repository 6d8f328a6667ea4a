use super::*;
use crate::domain::Platform;
use crate::domain::rooms::{Rooms, Serves};

fn user(id: &str) -> UserRef {
    UserRef::new(Platform::Console, id)
}

fn moderation() -> Moderation {
    Moderation {
        moderators: vec![user("max")],
        escalation_contact: Some(user("lead")),
        ..Moderation::default()
    }
}

fn routed(from: &str, place: Option<&str>, text: &str) -> Route {
    let moderation = moderation();
    let coordinators = RoomRef::new(Platform::Console, "coordinators");
    let moderators = RoomRef::new(Platform::Console, "moderators");
    let rooms = Rooms::none()
        .with(Serves::Coordinators, None, coordinators)
        .with(Serves::Moderators, None, moderators);
    let router = Router {
        prefix: "!tandem",
        moderation: &moderation,
        rooms: &rooms,
        max_message_chars: 100,
    };
    let inbound = Inbound {
        from: user(from),
        place: place.map_or(Place::Dm, |r| {
            Place::Room(RoomRef::new(Platform::Console, r))
        }),
        content: Content::Text(text.into()),
        files: vec![],
    };
    route(&inbound, &router)
}

fn in_room(route: Route) -> Room {
    match route {
        Route::Room { command, .. } => command,
        other => panic!("not a room route: {other:?}"),
    }
}

#[test]
fn talk_in_a_room_is_not_for_the_bot_however_long_and_a_long_command_is_refused() {
    let long = "word ".repeat(40);
    assert_eq!(
        in_room(routed("amina", Some("room-1"), &long)),
        Room::NotForBot
    );
    assert!(matches!(
        routed("amina", Some("room-1"), &format!("!tandem {long}")),
        Route::TooLong(_)
    ));
    assert!(matches!(routed("amina", None, &long), Route::TooLong(_)));
}

#[test]
fn only_talk_in_a_room_that_is_not_for_the_bot_is_chatter() {
    assert!(routed("amina", Some("room-1"), "Thursday at six?").is_chatter());
    assert!(routed("carol", Some("coordinators"), "lunch anyone?").is_chatter());
    assert!(!routed("amina", Some("room-1"), "!tandem report").is_chatter());
    assert!(!routed("carol", Some("coordinators"), "approve A1").is_chatter());
    assert!(!routed("amina", None, "Thursday at six?").is_chatter());
}

#[test]
fn report_means_the_figures_in_the_coordinators_room_and_an_incident_elsewhere() {
    assert_eq!(
        in_room(routed("carol", Some("coordinators"), "!tandem report")),
        Room::Figures(None)
    );
    assert_eq!(
        in_room(routed("amina", Some("room-1"), "!tandem report")),
        Room::Report
    );
    assert_eq!(
        routed("amina", None, "report"),
        Route::Dm(Dm::Command(Command::Report))
    );
    assert!(matches!(
        routed(
            "amina",
            None,
            "report message https://discord.com/channels/1/2/3"
        ),
        Route::ReportMessage(_)
    ));
}

#[test]
fn cancel_in_a_room_is_no_other_grammars_command() {
    // Outside a confirmation, `Room::Cancel` is decided as the `cancel` everyone has:
    // true only while no stage's grammar claims the word.
    for grammar in [
        actions::parse("cancel").is_some(),
        cases::parse("cancel").is_some(),
        events::parse("cancel").is_some(),
        closure::parse_dm("cancel").is_some(),
        survey::parse("cancel").is_some(),
        figures::parse("cancel").is_some(),
        figures::parse_export("cancel").is_some(),
        review::parse("cancel").is_some(),
        pairing::parse("cancel").is_some(),
        pause::parse("cancel").is_some(),
    ] {
        assert!(!grammar);
    }
    assert_eq!(command::parse("cancel"), Some(Command::Cancel));
}

static NO_ROOMS: Rooms = Rooms::none();

/// Routing with no staff rooms configured.
fn no_rooms(moderation: &Moderation) -> Router<'_> {
    Router {
        prefix: "!tandem",
        moderation,
        rooms: &NO_ROOMS,
        max_message_chars: 100,
    }
}

#[test]
fn only_the_escalation_contact_works_cases_by_dm_and_only_a_moderator_loads_one_in_a_room() {
    let moderation = moderation();
    let router = no_rooms(&moderation);
    let contact = routed("lead", None, "case show 3");
    assert_eq!(contact, Route::Dm(Dm::Case(Ok(CaseCommand::Show(3)))));
    assert_eq!(
        contact.needs(&user("lead"), &router, &[], None),
        Needs::Case(3)
    );
    assert_eq!(contact.privileged(), Some(Privileged::CaseShow));
    assert_eq!(routed("amina", None, "case show 3"), Route::Dm(Dm::Other));
    assert_eq!(
        routed("amina", None, "I accept!"),
        Route::Dm(Dm::OfferAnswer)
    );
    assert_eq!(routed("amina", None, "decline"), Route::Dm(Dm::OfferAnswer));
    assert_eq!(routed("amina", None, "yes"), Route::Dm(Dm::Other));
    let typed = routed("amina", Some("moderators"), "!tandem case show 3");
    assert_eq!(
        typed.needs(&user("amina"), &router, &[], None),
        Needs::Nothing
    );
    assert_eq!(
        typed.needs(&user("max"), &router, &[], None),
        Needs::Case(3)
    );
}

#[test]
fn a_moderator_names_a_person_in_the_room_and_the_contact_by_dm() {
    let moderation = moderation();
    let router = no_rooms(&moderation);
    let suspend = routed("max", Some("moderators"), "!tandem suspend ola spam");
    assert_eq!(suspend.named_person(&user("max"), &router), Some("ola"));
    assert_eq!(suspend.named_person(&user("amina"), &router), None);
    let concerns = routed("lead", None, "case concerns 1 not grace");
    assert_eq!(concerns.named_person(&user("lead"), &router), Some("grace"));
    let board = routed("lead", None, "case escalate 1 the safeguarding board");
    assert_eq!(board.named_person(&user("lead"), &router), None);
}

#[test]
fn a_staff_command_without_the_prefix_works_in_the_staff_rooms_and_talk_is_left_alone() {
    let room = |r: &str, command: Room| Route::Room {
        room: RoomRef::new(Platform::Console, r),
        coordinators: r == "coordinators",
        command,
    };
    assert_eq!(
        routed("carol", Some("coordinators"), "approve A12"),
        room("coordinators", Room::Review(Ok(ReviewCommand::Approve(12))))
    );
    assert_eq!(
        routed("carol", Some("coordinators"), "match show M7"),
        room("coordinators", Room::Roster(Ok(RosterCommand::Show(7))))
    );
    assert_eq!(
        routed("max", Some("moderators"), "case claim 3"),
        room("moderators", Room::Case(Ok(CaseCommand::Claim(3))))
    );
    // Talk among the staff, a command used wrongly, a participant's word, `who`.
    for talk in [
        "approve 12 once the check is back?",
        "who can take case 3?",
        "status",
        "morning all",
        "cases are piling up, said Max",
    ] {
        assert_eq!(
            routed("carol", Some("coordinators"), talk),
            room("coordinators", Room::NotForBot),
            "{talk}"
        );
    }
    // Elsewhere (a pair room) only the prefix calls the bot.
    assert_eq!(
        routed("carol", Some("amina-ola"), "approve A12"),
        room("amina-ola", Room::NotForBot)
    );
}
