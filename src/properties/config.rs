//! The configuration's parsers that read people's text: user references (moderators write
//! them in commands too), programme files (written by coordinators, who make mistakes), and
//! certificate colours.

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::Index;

use super::strategies::{FRAGMENTS, long_text, number_text, text};
use crate::config::{EventsSettings, parse_programme, parse_user_ref};
use crate::domain::QuestionKind;

/// The example programme shipped in `config/programs/`.
const EXAMPLE: &str = include_str!("../../config/programs/example.toml");

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML value a coordinator might write in the wrong place, or with a wrong size.
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text().prop_map(|t| toml_string(&t)),
        2 => number_text().prop_map(|t| toml_string(&t)),
        2 => proptest::sample::select(FRAGMENTS).prop_map(toml_string),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        4 => proptest::sample::select(vec![
            "0", "-1", "1", "2", "3", "23", "24", "60", "61", "1000", "1001", "1200", "1e400",
            "nan", "inf", "-inf", "0.5", "-0.0", "1e15", "1e300", "4294967296",
            "9223372036854775807", "true", "false", "[]", "[1, 2]", "[21, 8]", "[24, -1]",
            "[8, 8]", "[\"a\", \"a\"]", "[\"\"]", "[\"ß\", \"SS\"]", "{}", "[[]]",
            "{ question = \"age\", below = 18 }", "{ question = \"nope\", equals = \"x\" }",
            "{ all = [] }", "{ not = { question = \"age\", answered = true } }",
            "\"\"", "\"#zzzzzz\"", "\"#FFFFFF\"", "\"#fff\"", "\"2w\"", "\"0d\"", "\"99999m\"",
            "\"1200m\"", "\"4294967296d\"", "\"é\"", "\"2é\"", "\"console:\"", "\"x:y z\"",
            "\"needs_review\"", "\"ineligible\"", "\"short_text\"", "\"scale\"", "\"nps\"",
            "\"consent\"", "\"multi_choice\"", "\"one_to_one\"", "\"one_to_many\"", "\"group\"",
            "\"overlap\"", "\"match\"", "\"time_zone_overlap\"", "\"survey\"", "\"closure\"",
            "[\"Technology\"]", "[\"Very poor\"]", "\"capacity\"", "\"languages\"",
            "\"time_zone\"", "{ mentee = \"languages\", mentor = \"languages\" }",
            "{ mentee = \"name\", mentor = \"age\" }",
        ])
        .prop_map(str::to_string),
        1 => proptest::collection::vec(text().prop_map(|t| toml_string(&t)), 0..4)
            .prop_map(|v| format!("[{}]", v.join(", "))),
    ]
}

/// A valid programme file with some values replaced, lines dropped, or text put in.
fn mutated_programme() -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        6 => (any::<Index>(), toml_value()).prop_map(|(i, v)| Edit::Value(i, v)),
        1 => any::<Index>().prop_map(Edit::Drop),
        1 => any::<Index>().prop_map(Edit::Repeat),
        1 => (any::<Index>(), text()).prop_map(|(i, t)| Edit::Insert(i, t)),
    ];
    (
        proptest::sample::select(vec![EXAMPLE, crate::flows::tests::PROGRAMME]),
        proptest::collection::vec(edit, 1..5),
    )
        .prop_map(|(source, edits)| {
            let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
            for e in edits {
                let keyed: Vec<usize> = lines
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| !l.trim_start().starts_with('#') && l.contains(" = "))
                    .map(|(i, _)| i)
                    .collect();
                match e {
                    Edit::Value(i, v) if !keyed.is_empty() => {
                        let at = keyed[i.index(keyed.len())];
                        let key = lines[at].split(" = ").next().unwrap_or("").to_string();
                        lines[at] = format!("{key} = {v}");
                    }
                    Edit::Drop(i) if !lines.is_empty() => {
                        lines.remove(i.index(lines.len()));
                    }
                    Edit::Repeat(i) if !lines.is_empty() => {
                        let at = i.index(lines.len());
                        lines.insert(at, lines[at].clone());
                    }
                    Edit::Insert(i, t) => lines.insert(i.index(lines.len() + 1), t),
                    _ => {}
                }
            }
            lines.join("\n")
        })
}

#[derive(Debug, Clone)]
enum Edit {
    Value(Index, String),
    Drop(Index),
    Repeat(Index),
    Insert(Index, String),
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn a_user_reference_is_parsed_or_refused_and_written_back_the_same(
        s in prop_oneof![
            (
                proptest::sample::select(vec!["console", "matrix", "discord", "Console", "", "x"]),
                text(),
            )
                .prop_map(|(p, id)| format!("{p}:{id}")),
            text(),
        ]
    ) {
        match parse_user_ref(&s) {
            Ok(user) => prop_assert_eq!(parse_user_ref(&user.to_string()), Ok(user)),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn a_colour_is_six_hex_digits_or_nothing(
        s in prop_oneof![
            proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('0', '9'),
                    proptest::char::range('a', 'g'),
                    proptest::char::range('A', 'G'),
                    super::strategies::any_char(),
                ],
                0..8
            )
            .prop_map(|cs| format!("#{}", cs.into_iter().collect::<String>())),
            text(),
        ]
    ) {
        let hex = s.trim().strip_prefix('#');
        let valid = hex.is_some_and(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
        prop_assert_eq!(crate::graphics::parse_colour(&s).is_some(), valid);
    }

    #[test]
    fn an_event_reminder_setting_is_read_or_refused(
        s in prop_oneof![
            (number_text(), proptest::sample::select(vec!["m", "h", "d", "é", "", "日"]))
                .prop_map(|(n, u)| format!("{n}{u}")),
            text(),
        ]
    ) {
        let settings = EventsSettings { reminders: vec![s] };
        if let Ok(durations) = settings.reminders() {
            prop_assert!(durations.iter().all(|d| *d >= chrono::Duration::minutes(5)
                && *d <= chrono::Duration::days(30)));
        }
    }

    #[test]
    fn a_programme_file_with_wrong_values_is_refused_with_located_errors_or_read_whole(
        source in prop_oneof![
            6 => mutated_programme(),
            1 => long_text(3000),
            1 => (any::<Index>()).prop_map(|i| {
                // The example cut anywhere (at a character boundary).
                let cut = i.index(EXAMPLE.len() + 1);
                let cut = (0..=cut).rev().find(|c| EXAMPLE.is_char_boundary(*c)).unwrap_or(0);
                EXAMPLE[..cut].to_string()
            }),
        ]
    ) {
        match parse_programme(Path::new("fuzz.toml"), &source) {
            Ok(programme) => {
                for role in programme.roles.values() {
                    for q in &role.questions {
                        let _ = crate::domain::answer::expectation(&q.kind);
                        match &q.kind {
                            QuestionKind::SingleChoice { choices } => {
                                prop_assert!(!choices.is_empty());
                            }
                            QuestionKind::MultiChoice { choices, .. } => {
                                prop_assert!(!choices.is_empty());
                            }
                            _ => {}
                        }
                    }
                }
            }
            Err(errors) => {
                prop_assert!(!errors.0.is_empty());
                for e in &errors.0 {
                    prop_assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty());
                }
            }
        }
    }
}
