//! The slash commands Tandem registers in each configured Discord guild, who may see
//! each, and the words each stands for: a slash command is handled as if the person had
//! typed [`command_text`]'s words, so the flows see one language on every platform.
//!
//! To add a slash command: one more [`CommandSpec`] in [`COMMANDS`] and its arm in
//! [`command_text`]; the test checks that every registered command translates. The staff
//! commands' subcommands are in `staff_commands.rs`.

pub use super::staff_commands::Numbers;

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

/// What an option holds, as Discord's clients ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// Free words.
    Text,
    /// A positive whole number of this kind, the open ones suggested as staff type
    /// (autocomplete: `interactions::on_autocomplete`).
    Number(Numbers),
    /// A member of the server, typed as their mention (`<@id>`).
    User,
    /// A text channel, typed as its mention (`<#id>`).
    Channel,
    /// One of these words, each shown by its name `slash-choice-<word>`
    /// (`locales/*/discord-autocomplete.ftl`).
    Choice(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
    pub kind: OptionKind,
}

/// One of a staff command's subcommands: `words` are what it stands for, each `{option}`
/// replaced by that option's value (an empty optional one leaves nothing).
#[derive(Debug, Clone, Copy)]
pub struct SubcommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    pub words: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    /// A command with subcommands has no options of its own (Discord's rule).
    pub subcommands: &'static [SubcommandSpec],
    pub audience: Audience,
}

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
                kind: OptionKind::Text,
            },
            OptionSpec {
                name: "role",
                description: "mentor or mentee (leave empty to choose)",
                required: false,
                kind: OptionKind::Choice(&["mentor", "mentee"]),
            },
        ],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "status",
        description: "Where your applications and matches stand",
        options: &[],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "help",
        description: "What Tandem can do for you",
        options: &[],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "report",
        description: "Report a concern privately to the moderators",
        options: &[],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "withdraw",
        description: "Take back an application",
        options: &[OptionSpec {
            name: "programme",
            description: "Which programme",
            required: false,
            kind: OptionKind::Text,
        }],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "pause",
        description: "Pause your match's reminders until a date",
        options: &[OptionSpec {
            name: "until",
            description: "A date, e.g. 2027-01-10, 10 January or next Friday",
            required: true,
            kind: OptionKind::Text,
        }],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "resume",
        description: "End a pause early",
        options: &[],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "link",
        description: "Be the same person here and on Matrix (the code comes by DM)",
        options: &[OptionSpec {
            name: "code",
            description: "The code you got on Matrix (leave empty to get one here)",
            required: false,
            kind: OptionKind::Text,
        }],
        subcommands: &[],
        audience: Audience::Everyone,
    },
    CommandSpec {
        name: "coordinate",
        description: "A coordinators' command (in the coordinators' channel)",
        options: &[],
        subcommands: super::staff_commands::COORDINATE,
        audience: Audience::Coordinators,
    },
    CommandSpec {
        name: "moderate",
        description: "A moderators' command (in the moderators' channel)",
        options: &[],
        subcommands: super::staff_commands::MODERATE,
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
/// `sub` is the subcommand used, if any; `options` its (or the command's) values.
pub fn command_text(
    name: &str,
    sub: Option<&str>,
    options: &[(String, String)],
) -> Option<SlashCommand> {
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
            text: match sub {
                // `run`, or a registration from before the subcommands: the words typed.
                None | Some("run") => option("command").unwrap_or_else(|| "help".into()),
                Some(sub) => super::staff_commands::words(name, sub, options)?,
            },
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
            command_text("apply", None, &opts(&[("role", "mentee")])),
            Some(SlashCommand::Participant("apply as mentee".into()))
        );
        assert_eq!(
            command_text("apply", None, &opts(&[])),
            Some(SlashCommand::Participant("apply".into()))
        );
        assert_eq!(
            command_text("link", None, &opts(&[("code", " kq7x-mdpa ")])),
            Some(SlashCommand::Participant("link kq7x-mdpa".into()))
        );
        assert_eq!(
            command_text("pause", None, &opts(&[("until", "2027-01-10")])),
            Some(SlashCommand::Participant("pause until 2027-01-10".into()))
        );
        assert_eq!(
            command_text("coordinate", None, &opts(&[("command", "approve 3")])),
            Some(SlashCommand::Staff {
                audience: Audience::Coordinators,
                text: "approve 3".into()
            })
        );
        assert_eq!(command_text("nope", None, &[]), None);
        for spec in COMMANDS {
            assert!(
                command_text(spec.name, None, &[]).is_some(),
                "{}",
                spec.name
            );
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
                for sub in spec.subcommands {
                    let key = format!("{id}-{}", sub.name);
                    assert!(
                        crate::i18n::catalogue::has(&format!("{key}-about")),
                        "{key}"
                    );
                    let about = say(&format!("{key}-about"));
                    assert!(
                        (1..=100).contains(&about.chars().count()),
                        "{code}: {about}"
                    );
                    for option in sub.options {
                        let o = say(&format!("slash-option-{}", option.name));
                        assert!(name(&o), "{code}: {o}");
                        assert!(crate::i18n::catalogue::has(&format!(
                            "{key}-{}",
                            option.name
                        )));
                        let d = say(&format!("{key}-{}", option.name));
                        assert!((1..=100).contains(&d.chars().count()), "{code}: {d}");
                    }
                }
            }
            seen += 1;
        }
        assert_eq!(seen, 2, "Spanish, in Spain and Latin America");
    }
}
