//! The staff commands' subcommands (`/coordinate approve application:3`), each with typed
//! options and the words it stands for, so the flows read the same commands a coordinator
//! types after the prefix. `run command:` keeps every other command within reach.
//!
//! An option is free words, a number (whose open ones are suggested as staff type:
//! [`Numbers`], `flows::suggest`), a member or a channel (typed as its mention) or one of
//! fixed words (`OptionKind::Choice`, each named by `slash-choice-<word>`).
//!
//! To add one: a [`SubcommandSpec`] below (at most 25 per command, required options first)
//! and its descriptions in `locales/*/discord-slash.ftl` or `discord-autocomplete.ftl`
//! (`slash-<command>-<sub>-about`, `slash-<command>-<sub>-<option>`, and
//! `slash-option-<option>` for a new option name).

use super::commands::{Audience, OptionKind, OptionSpec, SubcommandSpec};

/// Which numbers a number option takes, and so what autocomplete suggests for it.
pub use crate::flows::suggest::Suggested as Numbers;

const fn number(name: &'static str, description: &'static str, of: Numbers) -> OptionSpec {
    OptionSpec {
        name,
        description,
        required: true,
        kind: OptionKind::Number(of),
    }
}

const fn text(name: &'static str, description: &'static str, required: bool) -> OptionSpec {
    OptionSpec {
        name,
        description,
        required,
        kind: OptionKind::Text,
    }
}

const fn optional(name: &'static str, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
        description,
        required: false,
        kind,
    }
}

/// The words `matches` takes to pick matches by how they are doing (`domain::health`).
pub const MATCH_FILTERS: &[&str] = &[
    "frozen",
    "at-risk",
    "stuck",
    "quiet",
    "check-in",
    "paused",
    "too-early",
    "ok",
    "offered",
    "proposed",
    "ended",
    "all",
];

const APPLICATION: OptionSpec = number("application", "The application (A3)", Numbers::Application);
const MATCH: OptionSpec = number("match", "The proposed match (P3)", Numbers::Match);
const CASE: OptionSpec = number("case", "The case", Numbers::Case);
const EVENT: OptionSpec = number("event", "The event", Numbers::Event);
const REASON: OptionSpec = text("reason", "Why (the applicant is told)", true);
const NOTE: OptionSpec = text("text", "The note (staff only)", true);
const RUN: SubcommandSpec = SubcommandSpec {
    name: "run",
    description: "Any other command, as you would type it after !tandem (try: help)",
    options: &[text(
        "command",
        "The command, as you would type it after !tandem (try: help)",
        true,
    )],
    words: "{command}",
};

/// `/coordinate`'s subcommands.
pub const COORDINATE: &[SubcommandSpec] = &[
    SubcommandSpec {
        name: "queue",
        description: "The applications waiting for review",
        options: &[],
        words: "queue",
    },
    SubcommandSpec {
        name: "show",
        description: "Show an application",
        options: &[APPLICATION],
        words: "show {application}",
    },
    SubcommandSpec {
        name: "approve",
        description: "Approve an application",
        options: &[APPLICATION],
        words: "approve {application}",
    },
    SubcommandSpec {
        name: "reject",
        description: "Decline an application, saying why",
        options: &[APPLICATION, REASON],
        words: "reject {application} {reason}",
    },
    SubcommandSpec {
        name: "note",
        description: "Add a staff note to an application",
        options: &[APPLICATION, NOTE],
        words: "note {application} {text}",
    },
    SubcommandSpec {
        name: "match-approve",
        description: "Approve a proposed match",
        options: &[MATCH],
        words: "match approve {match}",
    },
    SubcommandSpec {
        name: "match-reject",
        description: "Reject a proposed match",
        options: &[MATCH, text("reason", "Why (staff only)", false)],
        words: "match reject {match} {reason}",
    },
    SubcommandSpec {
        name: "matches",
        description: "Your programmes' matches, the most urgent first",
        options: &[
            optional("filter", "Which matches", OptionKind::Choice(MATCH_FILTERS)),
            text(
                "programme",
                "Which programme (leave empty for all yours)",
                false,
            ),
        ],
        words: "matches {programme} {filter}",
    },
    SubcommandSpec {
        name: "who",
        description: "Find a person in your programmes",
        options: &[OptionSpec {
            name: "person",
            description: "The person",
            required: true,
            kind: OptionKind::User,
        }],
        words: "who {person}",
    },
    SubcommandSpec {
        name: "announce",
        description: "Post a programme's Apply card in a channel",
        options: &[
            OptionSpec {
                name: "room",
                description: "The channel",
                required: true,
                kind: OptionKind::Channel,
            },
            text(
                "programme",
                "Which programme (leave empty if you have one)",
                false,
            ),
        ],
        words: "announce apply {room} {programme}",
    },
    SubcommandSpec {
        name: "event-show",
        description: "Show an event with its answers",
        options: &[EVENT],
        words: "event show {event}",
    },
    SubcommandSpec {
        name: "event-cancel",
        description: "Cancel an event",
        options: &[EVENT, text("reason", "Why (optional)", false)],
        words: "event cancel {event} {reason}",
    },
    RUN,
];

/// `/moderate`'s subcommands.
pub const MODERATE: &[SubcommandSpec] = &[
    SubcommandSpec {
        name: "cases",
        description: "The open cases",
        options: &[],
        words: "cases",
    },
    SubcommandSpec {
        name: "show",
        description: "Show a case",
        options: &[CASE],
        words: "case show {case}",
    },
    SubcommandSpec {
        name: "claim",
        description: "Take on a case",
        options: &[CASE],
        words: "case claim {case}",
    },
    SubcommandSpec {
        name: "note",
        description: "Add a note to a case",
        options: &[CASE, NOTE],
        words: "case note {case} {text}",
    },
    RUN,
];

/// The words `/<command> <sub>` stands for; `None` for a subcommand Tandem does not have.
/// A missing required value leaves the command short, so the flow answers with its usage.
pub fn words(command: &str, sub: &str, options: &[(String, String)]) -> Option<String> {
    let subs = match command {
        "coordinate" => COORDINATE,
        "moderate" => MODERATE,
        _ => return None,
    };
    let spec = subs.iter().find(|s| s.name == sub)?;
    let words: Vec<String> = spec
        .words
        .split_whitespace()
        .filter_map(
            |word| match word.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                Some(name) => options
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.trim().to_string())
                    .filter(|v| !v.is_empty()),
                None => Some(word.to_string()),
            },
        )
        .collect();
    Some(words.join(" "))
}

/// For a number option being typed (`option` of `/<command> <sub>`): who may see the
/// command, what kind of number it takes, and the words the command stands for with a
/// number in its place (and `x` for any other value), for the app to read as the
/// command; `None` when the option takes no number.
pub fn number_option(
    command: &str,
    sub: &str,
    option: &str,
) -> Option<(Audience, Numbers, String)> {
    let (subs, audience) = match command {
        "coordinate" => (COORDINATE, Audience::Coordinators),
        "moderate" => (MODERATE, Audience::Moderators),
        _ => return None,
    };
    let spec = subs.iter().find(|s| s.name == sub)?;
    let OptionKind::Number(of) = spec.options.iter().find(|o| o.name == option)?.kind else {
        return None;
    };
    let values: Vec<(String, String)> = spec
        .options
        .iter()
        .map(|o| {
            let value = match o.kind {
                OptionKind::Number(_) => "1",
                _ => "x",
            };
            (o.name.to_string(), value.to_string())
        })
        .collect();
    Some((audience, of, words(command, sub, &values)?))
}

/// An autocomplete choice's name: the label on one line (a name typed with line breaks
/// shows as one line in Discord's list), cut (on a character, with `…`) to Discord's 100
/// characters.
pub fn choice_name(label: &str) -> String {
    const MAX: usize = 100;
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() <= MAX {
        return label;
    }
    let mut cut: String = label.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::super::commands::{Audience, COMMANDS, SlashCommand, command_text};

    fn opts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn staff_subcommands_become_the_words_a_coordinator_would_type() {
        let staff = |command, sub, pairs: &[(&str, &str)], audience| match command_text(
            command,
            Some(sub),
            &opts(pairs),
        ) {
            Some(SlashCommand::Staff { audience: a, text }) if a == audience => text,
            other => panic!("{other:?}"),
        };
        let c = Audience::Coordinators;
        let m = Audience::Moderators;
        assert_eq!(
            staff("coordinate", "approve", &[("application", "3")], c),
            "approve 3"
        );
        assert_eq!(
            staff(
                "coordinate",
                "reject",
                &[("reason", "too young"), ("application", "4")],
                c
            ),
            "reject 4 too young"
        );
        assert_eq!(staff("coordinate", "queue", &[], c), "queue");
        assert_eq!(
            staff("coordinate", "match-approve", &[("match", "7")], c),
            "match approve 7"
        );
        assert_eq!(
            staff("coordinate", "match-reject", &[("match", "7")], c),
            "match reject 7"
        );
        assert_eq!(
            staff("coordinate", "run", &[("command", " waitlist 3 ")], c),
            "waitlist 3"
        );
        assert_eq!(
            staff("moderate", "show", &[("case", "2")], m),
            "case show 2"
        );
        assert_eq!(
            staff("moderate", "note", &[("case", "2"), ("text", "called")], m),
            "case note 2 called"
        );
        // Missing values leave the command short, and the flow says how to use it.
        assert_eq!(
            staff("coordinate", "reject", &[("application", "4")], c),
            "reject 4"
        );
        assert_eq!(command_text("coordinate", Some("nope"), &[]), None);
    }

    #[test]
    fn the_staff_subcommands_keep_discords_registration_rules() {
        let name = |n: &str| {
            (1..=32).contains(&n.chars().count())
                && n.chars()
                    .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        let described = |d: &str| (1..=100).contains(&d.chars().count());
        for spec in COMMANDS.iter().filter(|s| !s.subcommands.is_empty()) {
            assert!(
                spec.options.is_empty(),
                "{}: options beside subcommands",
                spec.name
            );
            assert!(spec.subcommands.len() <= 25);
            let mut names = std::collections::HashSet::new();
            for sub in spec.subcommands {
                assert!(name(sub.name) && described(sub.description), "{}", sub.name);
                assert!(names.insert(sub.name), "{} twice", sub.name);
                assert!(sub.options.len() <= 25);
                let mut optional = false;
                for o in sub.options {
                    assert!(name(o.name) && described(o.description), "{}", o.name);
                    assert!(
                        !(o.required && optional),
                        "{}: required after optional",
                        sub.name
                    );
                    optional |= !o.required;
                    // Every option the words name, and every word's option registered.
                    assert!(sub.words.contains(&format!("{{{}}}", o.name)), "{}", o.name);
                }
            }
        }
    }

    #[test]
    fn a_number_option_reads_as_its_command_with_a_number_in_its_place() {
        use super::{Numbers, number_option};
        assert_eq!(
            number_option("coordinate", "reject", "application"),
            Some((
                Audience::Coordinators,
                Numbers::Application,
                "reject 1 x".to_string()
            ))
        );
        assert_eq!(
            number_option("moderate", "note", "case"),
            Some((Audience::Moderators, Numbers::Case, "case note 1 x".into()))
        );
        assert_eq!(
            number_option("coordinate", "event-cancel", "event"),
            Some((
                Audience::Coordinators,
                Numbers::Event,
                "event cancel 1 x".into()
            ))
        );
        assert_eq!(number_option("coordinate", "reject", "reason"), None);
        assert_eq!(number_option("apply", "run", "role"), None);
    }

    #[test]
    fn a_choice_name_is_cut_to_100_characters_on_a_character() {
        use super::choice_name;
        assert_eq!(choice_name("A1 · Amina"), "A1 · Amina");
        assert_eq!(choice_name("A1 · Amina\n  Diallo"), "A1 · Amina Diallo");
        let long = format!("A1 · Amina · {}", "مرشد".repeat(40));
        let cut = choice_name(&long);
        assert_eq!(cut.chars().count(), 100);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
        assert_eq!(choice_name(&"x".repeat(100)), "x".repeat(100));
    }

    #[test]
    fn every_choice_is_named_in_each_locale_and_the_match_filters_are_the_ones_matches_reads() {
        use super::super::commands::{OptionKind, localised};
        let mut words: Vec<&str> = crate::domain::health::Health::FILTERS
            .iter()
            .map(|(w, _)| *w)
            .collect();
        words.push("all");
        assert_eq!(super::MATCH_FILTERS, words.as_slice());
        let options = COMMANDS.iter().flat_map(|c| {
            c.options
                .iter()
                .chain(c.subcommands.iter().flat_map(|s| s.options))
        });
        let mut seen = 0;
        for option in options {
            let OptionKind::Choice(choices) = option.kind else {
                continue;
            };
            assert!(
                !choices.is_empty() && choices.len() <= 25,
                "{}",
                option.name
            );
            for word in choices {
                let id = format!("slash-choice-{word}");
                assert!(crate::i18n::catalogue::has(&id), "{id}");
                for (code, say) in localised() {
                    assert!((1..=100).contains(&say(&id).chars().count()), "{code} {id}");
                }
                seen += 1;
            }
        }
        assert!(seen >= 14, "the roles and the match filters");
    }
}
