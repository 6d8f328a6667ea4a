//! The slash commands Tandem registers in each configured Discord guild, who may see
//! each, and the words each stands for: a slash command is handled as if the person had
//! typed [`command_text`]'s words, so the flows see one language on every platform.
//!
//! To add a slash command: one more [`CommandSpec`] in [`COMMANDS`] and its arm in
//! [`command_text`]; the test checks that every registered command translates.

/// Who may see a slash command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    /// Members with Manage Messages (a server can grant it to other roles in its
    /// Integrations settings); used in the coordinators' channel.
    Coordinators,
    /// Members with Moderate Members; used in the moderators' channel.
    Moderators,
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    pub audience: Audience,
}

const COMMAND_OPTION: &[OptionSpec] = &[OptionSpec {
    name: "command",
    description: "The command, as you would type it after !tandem (try: help)",
    required: true,
}];

/// The slash commands registered in each configured guild.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "apply",
        description: "Apply to a mentoring programme (the questions come by DM)",
        options: &[
            OptionSpec {
                name: "programme",
                description: "Which programme (leave empty to choose)",
                required: false,
            },
            OptionSpec {
                name: "role",
                description: "mentor or mentee (leave empty to choose)",
                required: false,
            },
        ],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "status",
        description: "Where your applications and matches stand",
        options: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "help",
        description: "What Tandem can do for you",
        options: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "report",
        description: "Report a concern privately to the moderators",
        options: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "withdraw",
        description: "Take back an application",
        options: &[OptionSpec {
            name: "programme",
            description: "Which programme",
            required: false,
        }],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "pause",
        description: "Pause your match's reminders until a date",
        options: &[OptionSpec {
            name: "until",
            description: "A date, e.g. 2027-01-10, 10 January or next Friday",
            required: true,
        }],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "resume",
        description: "End a pause early",
        options: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "link",
        description: "Be the same person here and on Matrix (the code comes by DM)",
        options: &[OptionSpec {
            name: "code",
            description: "The code you got on Matrix (leave empty to get one here)",
            required: false,
        }],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "coordinate",
        description: "A coordinators' command (in the coordinators' channel)",
        options: COMMAND_OPTION,
        audience: Audience::Coordinators,
    },
    CommandSpec {
        name: "moderate",
        description: "A moderators' command (in the moderators' channel)",
        options: COMMAND_OPTION,
        audience: Audience::Moderators,
    },
];

/// Each Discord locale Tandem translates its slash commands into, with how to say a
/// catalogue message there (`locales/*/discord.ftl`).
pub fn localised() -> impl Iterator<Item = (&'static str, impl Fn(&str) -> String)> {
    crate::i18n::Locale::all().flat_map(|locale| {
        locale.shipped().discord.iter().map(move |code| {
            (*code, move |id: &str| {
                crate::i18n::Text::msg(id).render(locale)
            })
        })
    })
}

/// The message menu's command (right-click a message, Apps): a private report about it.
pub const REPORT_MESSAGE: &str = "Report message";

/// What a slash command stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlashCommand {
    /// A participant's command, handled as if typed in their DM.
    Participant(String),
    /// A staff command, handled as if typed (after the prefix) in that staff channel.
    Staff { audience: Audience, text: String },
}

/// Translates a slash command and its options into the words a person would type.
pub fn command_text(name: &str, options: &[(String, String)]) -> Option<SlashCommand> {
    let option = |n: &str| {
        options
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let participant = |words: Vec<String>| Some(SlashCommand::Participant(words.join(" ")));
    match name {
        "apply" => {
            let mut words = vec!["apply".to_string()];
            words.extend(option("programme"));
            if let Some(role) = option("role") {
                words.push("as".into());
                words.push(role);
            }
            participant(words)
        }
        "status" | "help" | "report" | "resume" => participant(vec![name.to_string()]),
        "withdraw" => {
            let mut words = vec!["withdraw".to_string()];
            words.extend(option("programme"));
            participant(words)
        }
        "link" => {
            let mut words = vec!["link".to_string()];
            words.extend(option("code"));
            participant(words)
        }
        "pause" => participant(vec![
            "pause".into(),
            "until".into(),
            option("until").unwrap_or_default(),
        ]),
        "coordinate" | "moderate" => Some(SlashCommand::Staff {
            audience: if name == "coordinate" {
                Audience::Coordinators
            } else {
                Audience::Moderators
            },
            text: option("command").unwrap_or_else(|| "help".into()),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_commands_become_the_words_a_person_would_type() {
        let opts = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            command_text("apply", &opts(&[("role", "mentee")])),
            Some(SlashCommand::Participant("apply as mentee".into()))
        );
        assert_eq!(
            command_text("apply", &opts(&[])),
            Some(SlashCommand::Participant("apply".into()))
        );
        assert_eq!(
            command_text("link", &opts(&[("code", " kq7x-mdpa ")])),
            Some(SlashCommand::Participant("link kq7x-mdpa".into()))
        );
        assert_eq!(
            command_text("pause", &opts(&[("until", "2027-01-10")])),
            Some(SlashCommand::Participant("pause until 2027-01-10".into()))
        );
        assert_eq!(
            command_text("coordinate", &opts(&[("command", "approve 3")])),
            Some(SlashCommand::Staff {
                audience: Audience::Coordinators,
                text: "approve 3".into()
            })
        );
        assert_eq!(command_text("nope", &[]), None);
        for spec in COMMANDS {
            assert!(command_text(spec.name, &[]).is_some(), "{}", spec.name);
            assert!(spec.description.len() <= 100 && spec.name.len() <= 32);
        }
    }

    #[test]
    fn every_slash_command_and_option_has_a_name_and_description_in_each_translated_locale() {
        let name = |n: &str| {
            (1..=32).contains(&n.chars().count())
                && n.chars()
                    .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        let mut seen = 0;
        for (code, say) in localised() {
            for spec in COMMANDS {
                let id = format!("slash-{}", spec.name);
                assert!(crate::i18n::catalogue::has(&id), "{id}");
                assert!(name(&say(&id)), "{code} {id}: {}", say(&id));
                assert_eq!(say(&id), say(&id).to_lowercase());
                let about = say(&format!("{id}-about"));
                assert!(
                    (1..=100).contains(&about.chars().count()),
                    "{code}: {about}"
                );
                for option in spec.options {
                    let o = say(&format!("slash-option-{}", option.name));
                    assert!(name(&o), "{code}: {o}");
                    let d = say(&format!("{id}-{}", option.name));
                    assert!((1..=100).contains(&d.chars().count()), "{code}: {d}");
                }
            }
            seen += 1;
        }
        assert_eq!(seen, 2, "Spanish, in Spain and Latin America");
    }
}
