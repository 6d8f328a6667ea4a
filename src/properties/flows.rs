//! The command parsers of the flows: what people type in DMs and after the room prefix.

use proptest::prelude::*;

use super::strategies::{command, long_text, message, text};
use crate::chat::{Content, Inbound};
use crate::domain::{Place, Platform, RoomRef, UserRef};

fn room_message(text: String) -> Inbound {
    Inbound {
        from: UserRef::console("carol"),
        place: Place::Room(RoomRef::new(Platform::Console, "coordinators")),
        content: Content::Text(text),
        files: vec![],
    }
}

/// A room prefix as configured, or a hostile one.
fn prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just("!tandem".to_string()),
        1 => proptest::sample::select(vec!["", "!", "ß", "İx", "/tandem", "@bot:"])
            .prop_map(str::to_string),
        1 => text(),
    ]
}

/// A message after a room prefix, the prefix written in any case or cut short.
fn prefixed() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(vec![
            "!tandem ",
            "!TANDEM ",
            "!Tandem\t",
            "!tandem",
            "!tandemx ",
            "!tandeß ",
        ]),
        message(),
    )
        .prop_map(|(p, m)| format!("{p}{m}"))
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn a_dm_command_is_parsed_or_not_and_a_suggestion_is_a_command_word(s in message()) {
        let _ = crate::flows::command::parse(&s);
        if let Some(word) = crate::flows::command::suggest(&s) {
            prop_assert!(crate::flows::command::COMMAND_WORDS.contains(&word));
        }
        let _ = crate::flows::personal::parse(&s);
    }

    #[test]
    fn a_moderation_command_is_parsed_or_refused_with_its_usage(s in command()) {
        match crate::flows::incident::cases::parse(&s) {
            Some(Ok(c)) => prop_assert!(c.case().is_none_or(|n| n > 0)),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            None => {}
        }
        match crate::flows::incident::actions::parse(&s) {
            Some(Ok(crate::flows::incident::actions::ActionCommand::Freeze(n)))
            | Some(Ok(crate::flows::incident::actions::ActionCommand::Unfreeze(n))) => prop_assert!(n > 0),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            _ => {}
        }
        let _ = crate::flows::incident::actions::is_cancel(&s);
    }

    #[test]
    fn an_event_command_is_parsed_or_refused_and_its_line_read_without_a_panic(s in command()) {
        match crate::flows::events::parse(&s) {
            // The request is read whole on the way in: a session, or what is wrong with it.
            Some(Ok(crate::flows::events::EventCommand::Create(spec))) => {
                prop_assert!(spec.err().is_none_or(|e| !e.english().is_empty()));
            }
            Some(Ok(c)) => prop_assert!(c.event().is_none_or(|n| n > 0)),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            None => {}
        }
    }

    #[test]
    fn an_rsvp_button_is_read_or_ignored(
        prompt_ref in prop_oneof![
            Just(None),
            text().prop_map(Some),
            super::strategies::number_text().prop_map(|n| Some(format!("rsvp:{n}"))),
        ],
        values in proptest::collection::vec(text(), 0..3),
    ) {
        let _ = crate::flows::events::picked(&Content::Picked { prompt_ref, values });
    }

    #[test]
    fn report_and_export_commands_are_parsed_or_refused(s in command()) {
        if let Some(Some(arg)) = crate::flows::figures::parse(&s) {
            prop_assert!(!arg.is_empty());
        }
        match crate::flows::figures::parse_export(&s) {
            Some(Ok(e)) => prop_assert!(
                ["applications", "matches", "surveys", "events"].contains(&e.what.as_str())
            ),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            None => {}
        }
    }

    #[test]
    fn closing_and_transcript_commands_are_parsed_or_refused(s in command()) {
        if let Some((_, reason)) = crate::flows::closure::parse_dm(&s) {
            prop_assert_eq!(reason.trim(), reason.as_str());
        }
        match crate::flows::closure::parse_room(&s) {
            Some(Ok(c)) => prop_assert!(!c.reason.is_empty()),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            None => {}
        }
        let _ = crate::flows::closure::parse_transcript(&s);
    }

    #[test]
    fn a_reported_message_link_is_read_back_as_it_was_written(
        s in prop_oneof![
            command(),
            long_text(700).prop_map(|l| format!("report message {l}")),
        ]
    ) {
        if let Some(link) = crate::flows::incident::report::reported_message(&s) {
            prop_assert!(!link.is_empty() && link.len() <= 500);
            prop_assert!(!link.contains(char::is_whitespace));
            let again = crate::flows::incident::report::message_report(UserRef::console("ada"), &link);
            let Content::Text(t) = &again.content else {
                unreachable!("a report is text");
            };
            prop_assert_eq!(crate::flows::incident::report::reported_message(t), Some(link));
        }
    }

    #[test]
    fn pause_review_pairing_and_survey_commands_are_parsed_or_refused(s in command()) {
        match crate::flows::pause::parse(&s) {
            Some(Ok(c)) => prop_assert!(c.match_id() > 0),
            Some(Err(usage)) => prop_assert!(!usage.english().is_empty()),
            None => {}
        }
        if let Some(Err(usage)) = crate::flows::review::parse(&s) {
            prop_assert!(!usage.english().is_empty());
        }
        if let Some(Err(usage)) = crate::flows::pairing::parse(&s) {
            prop_assert!(!usage.english().is_empty());
        }
        if let Some(Err(usage)) = crate::flows::survey::parse(&s) {
            prop_assert!(!usage.english().is_empty());
        }
    }

    #[test]
    fn what_a_room_command_needs_loaded_is_worked_out_without_a_panic(
        s in prefixed(),
        p in prefix(),
    ) {
        let programmes = [crate::flows::tests::programme()];
        let inbound = room_message(s);
        let moderation = crate::domain::incident::Moderation::default();
        for prefix in [p.as_str(), "!tandem"] {
            let router = crate::flows::route::Router {
                prefix,
                moderation: &moderation,
                rooms: &crate::domain::rooms::Rooms::none(),
                max_message_chars: 4_000,
            };
            let route = crate::flows::route::route(&inbound, &router);
            let _ = route.needs(&inbound.from, &router, &programmes, None);
            let _ = route.named_person(&inbound.from, &router);
            let _ = (route.cost(), route.privileged());
        }
    }

    #[test]
    fn a_room_prefix_is_stripped_in_any_case_or_not_at_all(s in prefixed(), p in prefix()) {
        for (text, prefix) in [(s.as_str(), p.as_str()), (s.as_str(), "!tandem"), (p.as_str(), s.as_str())] {
            if let Some(rest) = crate::flows::strip_prefix_ci(text, prefix) {
                prop_assert_eq!(rest.trim(), rest);
                prop_assert!(!prefix.is_empty());
                prop_assert!(text.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix)));
            }
            let _ = crate::flows::incident::report::is_bare_report(text, prefix);
        }
    }
}
