//! How Tandem's messages look on Discord, and how interactions are read back. Pure
//! functions over plain data, unit-tested without serenity or a gateway; `super` turns the
//! result into serenity builders.
//!
//! - A prompt with choices gets native controls instead of a numbered list: up to five
//!   single-choice options as buttons, more (or a multiple choice, with its min and max) as
//!   a select menu of up to 25. Beyond that the numbered list stays and answers are typed.
//! - A free-text question gets an "Answer" button that opens a form (a modal: Discord only
//!   opens one in answer to an interaction). Typing the answer in the DM works as well.
//! - Every control's `custom_id` carries who the prompt is for and which prompt it is, so
//!   a press is checked and routed without remembering anything (it survives a restart):
//!   `t1|<owner or ->|<prompt ref>|<value>`. A room card has no owner (`-`).
//! - Messages are split at 2,000 characters (Discord's limit), on line breaks; controls go
//!   on the last part.
//! - The text is sent as plain text: Markdown in it is escaped ([`escape_markdown`]), since
//!   it carries people's words (names, reports) into staff channels, where a masked link
//!   or a heading would otherwise pass as the bot's own. Bare links stay clickable.
//! - Nonces are derived from the effect's idempotency key (at most 25 characters), sent
//!   with `enforce_nonce`, so Discord drops a retried send.
//!
//! To add a slash command: one more [`CommandSpec`] in [`COMMANDS`] and its translation in
//! [`command_text`] into the same words a person would type.

use crate::chat::{CardAction, OutMessage};
use crate::ports::IdempotencyKey;

/// Discord's longest message.
pub const MAX_CONTENT: usize = 2000;
/// Single-choice prompts with at most this many options get buttons.
pub const MAX_BUTTONS: usize = 5;
/// A select menu's most options.
pub const MAX_SELECT_OPTIONS: usize = 25;
const MAX_BUTTON_LABEL: usize = 80;
const MAX_OPTION_LABEL: usize = 100;
const MAX_CUSTOM_ID: usize = 100;
/// A modal's title and its inputs' labels.
pub const MAX_MODAL_LABEL: usize = 45;

const PICK: &str = "t1";
const FORM: &str = "t1a";
const SUBMIT: &str = "t1m";
const RUN: &str = "t1c";
const ASK_THEN_RUN: &str = "t1f";
const RUN_WITH_TEXT: &str = "t1r";

/// The interactive part of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Controls {
    None,
    Buttons(Vec<Button>),
    Select {
        custom_id: String,
        min: usize,
        max: usize,
        options: Vec<SelectOption>,
    },
    /// Opens a form for a free-text answer.
    AnswerButton {
        custom_id: String,
    },
    /// A card's actions: each runs a command as if typed by whoever presses it (some ask
    /// for words first, in a form).
    Actions(Vec<Button>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub custom_id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
}

/// A message ready to send: its parts (each within [`MAX_CONTENT`]) and its controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub parts: Vec<String>,
    pub controls: Controls,
    /// The people it mentions: a real ping, only for [`OutMessage::notify`].
    pub mentions: Vec<u64>,
}

/// Renders a message for `owner` (the DM's person; `None` for a room post).
pub fn render(message: &OutMessage, owner: Option<&str>) -> Rendered {
    let owner = owner.unwrap_or("-");
    let prompt_ref = message.prompt_ref.as_deref().unwrap_or("");
    let (min, max) = message.pick.unwrap_or((1, 1));
    let choices = &message.choices;
    let mut text = escape_markdown(&message.text);
    let fits = |id: &str| id.len() <= MAX_CUSTOM_ID;
    let controls = if choices.is_empty() && !message.actions.is_empty() && owner == "-" {
        card_actions(&message.actions)
    } else if choices.is_empty() {
        let custom_id = format!("{FORM}|{owner}|{prompt_ref}");
        if message.prompt_ref.is_some() && owner != "-" && fits(&custom_id) {
            Controls::AnswerButton { custom_id }
        } else {
            Controls::None
        }
    } else if choices.len() > MAX_SELECT_OPTIONS {
        Controls::None
    } else {
        let buttons: Vec<Button> = choices
            .iter()
            .map(|c| Button {
                custom_id: format!("{PICK}|{owner}|{prompt_ref}|{}", c.value),
                label: truncate(&c.label, MAX_BUTTON_LABEL),
            })
            .collect();
        let buttons_fit = max == 1
            && choices.len() <= MAX_BUTTONS
            && buttons.iter().all(|b| b.custom_id.len() <= MAX_CUSTOM_ID);
        let options_fit = choices.iter().all(|c| c.value.len() <= MAX_OPTION_LABEL)
            && fits(&format!("{PICK}|{owner}|{prompt_ref}"));
        if buttons_fit {
            Controls::Buttons(buttons)
        } else if options_fit {
            Controls::Select {
                custom_id: format!("{PICK}|{owner}|{prompt_ref}"),
                min: min.min(choices.len()),
                max: max.min(choices.len()),
                options: choices
                    .iter()
                    .map(|c| SelectOption {
                        label: truncate(&c.label, MAX_OPTION_LABEL),
                        value: c.value.clone(),
                    })
                    .collect(),
            }
        } else {
            Controls::None
        }
    };
    // Without controls, or with labels cut short, the numbered list says it all.
    let shortened = match &controls {
        Controls::Buttons(b) => b.iter().zip(choices).any(|(b, c)| b.label != c.label),
        Controls::Select { options, .. } => {
            options.iter().zip(choices).any(|(o, c)| o.label != c.label)
        }
        _ => true,
    };
    if shortened && !choices.is_empty() {
        for (i, choice) in choices.iter().enumerate() {
            text.push_str(&format!("\n{}. {}", i + 1, escape_markdown(&choice.label)));
        }
    }
    // Each reader sees the moment in their own zone (and how far off it is).
    if let Some(at) = message.at {
        let ts = at.timestamp();
        text.push_str(&format!("\n🕒 In your time zone: <t:{ts}:F> (<t:{ts}:R>)"));
    }
    let mentions: Vec<u64> = message
        .notify
        .iter()
        .filter(|u| u.platform == crate::domain::Platform::Discord)
        .filter_map(|u| u.id.parse().ok())
        .collect();
    if !mentions.is_empty() {
        let pings: Vec<String> = mentions.iter().map(|id| format!("<@{id}>")).collect();
        text = format!("{} {text}", pings.join(" "));
    }
    Rendered {
        parts: split(&text, MAX_CONTENT),
        controls,
        mentions,
    }
}

/// `text` with every character Discord would read as Markdown escaped by a backslash, so
/// it shows exactly as written: no masked links (`[click](https://…)`), headings (`#`,
/// `-#`), quotes (`>`), lists, emphasis (`*`, `_`, `~`), code (`` ` ``) or spoilers (`|`).
/// Discord drops the backslash before such a character, so the text reads the same.
/// Headings, quotes and lists are escaped only where they would start a line, which keeps
/// the bot's own `case #3` free of backslashes. Bare links are left alone: Discord takes
/// the whole of a link as it is (a backslash in it would break it), so nothing inside one
/// formats.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut line_start = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(len) = bare_link(rest, &out) {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            line_start = false;
            continue;
        }
        // Headings, subtext, quotes and lists only start a line.
        let line_marker = line_start
            && (matches!(c, '#' | '>')
                || (matches!(c, '-' | '+') && rest[1..].starts_with([' ', '\t', '#'])));
        if line_marker || "\\*_~`|[]".contains(c) {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of the bare link `text` starts with, if it starts with one (after a
/// non-word character, as Discord links them): `http(s)://` up to a space or `<`, without
/// the punctuation Discord leaves out of a link's end.
fn bare_link(text: &str, before: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    if before.chars().last().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(text.len());
    let link = text[..end].trim_end_matches(['.', ',', ':', ';', '"', '\'', ')', ']']);
    let scheme = if text.starts_with("https") { 8 } else { 7 };
    (link.len() > scheme).then_some(link.len())
}

/// A card's actions as buttons (at most five, Discord's row); one whose custom id would be
/// too long is left to be typed, as the card's text says.
fn card_actions(actions: &[CardAction]) -> Controls {
    let buttons: Vec<Button> = actions
        .iter()
        .map(|a| Button {
            custom_id: match &a.asks {
                Some(asks) => format!(
                    "{ASK_THEN_RUN}|-|{}|{}",
                    a.command,
                    truncate(asks, MAX_MODAL_LABEL)
                ),
                None => format!("{RUN}|-|{}", a.command),
            },
            label: truncate(&a.label, MAX_BUTTON_LABEL),
        })
        .filter(|b| b.custom_id.len() <= MAX_CUSTOM_ID)
        .take(MAX_BUTTONS)
        .collect();
    if buttons.is_empty() {
        Controls::None
    } else {
        Controls::Actions(buttons)
    }
}

/// What a pressed control or a submitted form means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A button (one value) or select menu (the picked values come with the interaction).
    Pick {
        owner: Option<String>,
        prompt_ref: Option<String>,
        value: Option<String>,
    },
    /// The "Answer" button of a free-text question: open the form.
    OpenForm {
        owner: Option<String>,
        prompt_ref: Option<String>,
    },
    /// The form was submitted.
    SubmitForm {
        owner: Option<String>,
        prompt_ref: Option<String>,
    },
    /// A card's action: run the command.
    Run { command: String },
    /// A card's action that needs words: open a form asking for them.
    AskThenRun { command: String, asks: String },
    /// That form was submitted: run the command with the words after it.
    RunWithText { command: String },
}

impl Action {
    /// Whether `user` may use this control: the prompt's owner, or anyone on a room card.
    pub fn allows(&self, user: &str) -> bool {
        let owner = match self {
            Action::Pick { owner, .. }
            | Action::OpenForm { owner, .. }
            | Action::SubmitForm { owner, .. } => owner,
            // Cards are in staff rooms: whoever can press may act (the app checks roles).
            Action::Run { .. } | Action::AskThenRun { .. } | Action::RunWithText { .. } => {
                return true;
            }
        };
        owner.as_deref().is_none_or(|o| o == user)
    }
}

/// Reads a `custom_id` this module made; `None` for anything else.
pub fn parse_custom_id(id: &str) -> Option<Action> {
    let mut parts = id.splitn(4, '|');
    let kind = parts.next()?;
    let owner = parts.next().filter(|o| *o != "-").map(str::to_string);
    let prompt_ref = parts.next().filter(|r| !r.is_empty()).map(str::to_string);
    let value = parts.next().map(str::to_string);
    match kind {
        PICK => Some(Action::Pick {
            owner,
            prompt_ref,
            value,
        }),
        FORM => Some(Action::OpenForm { owner, prompt_ref }),
        SUBMIT => Some(Action::SubmitForm { owner, prompt_ref }),
        RUN => Some(Action::Run {
            command: prompt_ref?,
        }),
        ASK_THEN_RUN => Some(Action::AskThenRun {
            command: prompt_ref?,
            asks: value.unwrap_or_else(|| "Your words".into()),
        }),
        RUN_WITH_TEXT => Some(Action::RunWithText {
            command: prompt_ref?,
        }),
        _ => None,
    }
}

/// The form's `custom_id` for the prompt an "Answer" button belongs to.
pub fn form_custom_id(owner: Option<&str>, prompt_ref: Option<&str>) -> String {
    format!(
        "{SUBMIT}|{}|{}",
        owner.unwrap_or("-"),
        prompt_ref.unwrap_or("")
    )
}

/// The form's `custom_id` for a card action that asks for words.
pub fn run_with_text_custom_id(command: &str) -> String {
    format!("{RUN_WITH_TEXT}|-|{command}")
}

/// The form's title and its one input's label, from the question's text: `Question 2 of
/// 12: How old are you?` gives the title `Question 2 of 12` and the label `How old are
/// you?`.
pub fn form_labels(question: &str) -> (String, String) {
    let first_line = question
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("Your answer")
        .trim();
    let (title, label) = match first_line.split_once(": ") {
        Some((head, rest)) if head.starts_with("Question ") && !rest.is_empty() => (head, rest),
        _ => ("Your answer", first_line),
    };
    (
        truncate(title, MAX_MODAL_LABEL),
        truncate(label, MAX_MODAL_LABEL),
    )
}

/// Splits text into parts of at most `max` characters, at line breaks where possible.
pub fn split(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        let mut line = line.to_string();
        loop {
            let needed = line.chars().count() + usize::from(!current.is_empty());
            if current.chars().count() + needed <= max {
                if !current.is_empty() {
                    current.push('\n');
                }
                current.push_str(&line);
                break;
            }
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            // One line longer than a message: cut it.
            let cut: String = line.chars().take(max).collect();
            line = line.chars().skip(max).collect();
            parts.push(cut);
            if line.is_empty() {
                break;
            }
        }
    }
    if !current.is_empty() || parts.is_empty() {
        parts.push(current);
    }
    parts
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// The nonce for a send: stable per idempotency key, within Discord's 25 characters.
pub fn nonce(key: &IdempotencyKey) -> String {
    blake3::hash(key.0.as_bytes()).to_hex()[..25].to_string()
}

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
            description: "A date, e.g. 2027-01-10",
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
    use crate::domain::Choice;

    fn prompt(labels: &[&str], pick: (usize, usize)) -> OutMessage {
        OutMessage {
            text: "Which one?".into(),
            choices: labels.iter().map(|l| Choice::from_label(l)).collect(),
            pick: Some(pick),
            prompt_ref: Some("question:q".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_single_choice_of_up_to_five_becomes_buttons_carrying_owner_prompt_and_value() {
        let r = render(&prompt(&["Mentor", "Mentee"], (1, 1)), Some("42"));
        assert_eq!(r.parts, vec!["Which one?".to_string()]);
        let Controls::Buttons(buttons) = &r.controls else {
            panic!("{r:?}")
        };
        assert_eq!(buttons[1].label, "Mentee");
        assert_eq!(
            parse_custom_id(&buttons[1].custom_id),
            Some(Action::Pick {
                owner: Some("42".into()),
                prompt_ref: Some("question:q".into()),
                value: Some("mentee".into()),
            })
        );
    }

    #[test]
    fn many_options_or_a_multiple_choice_become_a_select_menu_with_min_and_max() {
        let labels = ["a", "b", "c", "d", "e", "f"];
        let r = render(&prompt(&labels, (1, 1)), Some("42"));
        assert!(matches!(
            r.controls,
            Controls::Select { min: 1, max: 1, .. }
        ));
        let r = render(&prompt(&["a", "b", "c"], (1, 3)), Some("42"));
        let Controls::Select {
            custom_id,
            min,
            max,
            options,
        } = &r.controls
        else {
            panic!("{r:?}")
        };
        assert_eq!((*min, *max, options.len()), (1, 3, 3));
        assert!(matches!(
            parse_custom_id(custom_id),
            Some(Action::Pick { value: None, .. })
        ));
    }

    #[test]
    fn too_many_options_or_long_labels_keep_the_numbered_list() {
        let many: Vec<String> = (1..=30).map(|i| format!("Option {i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let r = render(&prompt(&refs, (1, 1)), Some("42"));
        assert_eq!(r.controls, Controls::None);
        assert!(r.parts[0].contains("\n30. Option 30"));
        let long = "x".repeat(90);
        let mut message = prompt(&["short"], (1, 1));
        message.choices.insert(
            0,
            Choice {
                value: "long".into(),
                label: long.clone(),
            },
        );
        let r = render(&message, Some("42"));
        let Controls::Buttons(buttons) = &r.controls else {
            panic!("{r:?}")
        };
        assert_eq!(buttons[0].label.chars().count(), 80);
        assert!(buttons[0].label.ends_with('…'));
        assert!(r.parts[0].contains(&format!("1. {long}")));
    }

    #[test]
    fn a_free_text_question_in_a_dm_gets_an_answer_button_and_a_plain_message_none() {
        let question = OutMessage {
            text: "Question 9 of 12: What would you like to achieve?\nTake your time.".into(),
            prompt_ref: Some("question:hopes".into()),
            ..Default::default()
        };
        let r = render(&question, Some("42"));
        let Controls::AnswerButton { custom_id } = &r.controls else {
            panic!("{r:?}")
        };
        let action = parse_custom_id(custom_id).unwrap();
        assert!(action.allows("42") && !action.allows("43"));
        assert_eq!(
            form_labels(&question.text),
            (
                "Question 9 of 12".to_string(),
                "What would you like to achieve?".to_string()
            )
        );
        assert_eq!(form_labels("Anything else?").0, "Your answer");
        assert_eq!(
            parse_custom_id(&form_custom_id(Some("42"), Some("question:hopes"))),
            Some(Action::SubmitForm {
                owner: Some("42".into()),
                prompt_ref: Some("question:hopes".into())
            })
        );
        assert_eq!(
            render(&OutMessage::text("Hello"), Some("42")).controls,
            Controls::None
        );
    }

    #[test]
    fn room_cards_can_be_used_by_anyone_in_the_room() {
        let r = render(&prompt(&["Yes", "No"], (1, 1)), None);
        let Controls::Buttons(b) = r.controls else {
            panic!()
        };
        assert!(parse_custom_id(&b[0].custom_id).unwrap().allows("7"));
        assert_eq!(parse_custom_id("something else"), None);
    }

    #[test]
    fn a_cards_actions_become_buttons_that_run_the_command_or_ask_for_words_first() {
        let card = OutMessage {
            actions: vec![
                CardAction::new("Approve", "approve 3".into()),
                CardAction::asking(
                    "Reject",
                    "reject 3".into(),
                    "Reason (sent to the applicant)",
                ),
            ],
            ..OutMessage::text("Application #3")
        };
        let r = render(&card, None);
        let Controls::Actions(buttons) = &r.controls else {
            panic!("{r:?}")
        };
        assert_eq!(
            parse_custom_id(&buttons[0].custom_id),
            Some(Action::Run {
                command: "approve 3".into()
            })
        );
        assert_eq!(
            parse_custom_id(&buttons[1].custom_id),
            Some(Action::AskThenRun {
                command: "reject 3".into(),
                asks: "Reason (sent to the applicant)".into()
            })
        );
        assert_eq!(
            parse_custom_id(&run_with_text_custom_id("reject 3")),
            Some(Action::RunWithText {
                command: "reject 3".into()
            })
        );
        assert!(
            parse_custom_id(&buttons[0].custom_id)
                .unwrap()
                .allows("anyone")
        );
        // In a DM, actions are not offered (cards are for staff rooms).
        assert_eq!(render(&card, Some("42")).controls, Controls::None);
    }

    #[test]
    fn a_moment_is_shown_in_each_readers_own_zone() {
        let at = chrono::DateTime::parse_from_rfc3339("2027-02-03T18:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let message = OutMessage {
            at: Some(at),
            ..OutMessage::text("Career night")
        };
        assert_eq!(
            render(&message, None).parts[0],
            "Career night\n🕒 In your time zone: <t:1801677600:F> (<t:1801677600:R>)"
        );
    }

    #[test]
    fn only_notify_pings_and_only_discord_people() {
        let message = OutMessage {
            notify: vec![
                crate::domain::UserRef::new(crate::domain::Platform::Discord, "7"),
                crate::domain::UserRef::new(crate::domain::Platform::Matrix, "@mo:x"),
            ],
            ..OutMessage::text("On call: safeguarding case #1")
        };
        let r = render(&message, None);
        assert_eq!(r.mentions, vec![7]);
        assert_eq!(r.parts[0], "<@7> On call: safeguarding case #1");
        assert!(
            render(&OutMessage::text("<@7> hi"), None)
                .mentions
                .is_empty()
        );
    }

    #[test]
    fn markdown_in_peoples_words_shows_as_written_instead_of_formatting() {
        let text = "Report from Tom: [click](https://evil.example)\n# Urgent\n-# small\n> quoted\n- item\n**bold** _it_ ~~gone~~ `code` ||hidden|| a\\b";
        assert_eq!(
            escape_markdown(text),
            "Report from Tom: \\[click\\](https://evil.example)\n\\# Urgent\n\\-# small\n\\> quoted\n\\- item\n\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\` \\|\\|hidden\\|\\| a\\\\b"
        );
        // Plain text, and the usual punctuation of the bot's own messages, are unchanged.
        let plain = "Case #1 (safeguarding) - claimed by mo.\n1. Type !tandem case show 1 > 0";
        assert_eq!(escape_markdown(plain), plain);
        assert_eq!(
            escape_markdown("  # indented\n+ plus\n-#x"),
            "  \\# indented\n\\+ plus\n\\-#x"
        );
        // The escaping is in what is sent, choices included; buttons are plain text.
        let message = OutMessage {
            text: "Who is _Tom_?".into(),
            ..prompt(&["*a*"; 30], (1, 1))
        };
        let r = render(&message, None);
        assert!(
            r.parts[0].starts_with("Who is \\_Tom\\_?\n1. \\*a\\*"),
            "{r:?}"
        );
    }

    #[test]
    fn a_bare_link_stays_clickable_with_what_follows_it_escaped() {
        assert_eq!(
            escape_markdown("see https://example.org/a_b*c_(d), then *this*"),
            "see https://example.org/a_b*c_(d), then \\*this\\*"
        );
        assert_eq!(
            escape_markdown("(https://x.example/~u/) and <https://y.example/_z_>"),
            "(https://x.example/~u/) and <https://y.example/_z_>"
        );
        // Only after a non-word character, as Discord links them; a bare scheme is text.
        assert_eq!(
            escape_markdown("xhttps://x.example/_a_ https:// *"),
            "xhttps://x.example/\\_a\\_ https:// \\*"
        );
        // A link cut short by Discord at its closing bracket: the bracket is escaped.
        assert_eq!(
            escape_markdown("[https://a.example]"),
            "\\[https://a.example\\]"
        );
    }

    #[test]
    fn long_messages_are_split_at_line_breaks_within_the_limit() {
        let text = format!(
            "{}\n{}\n{}",
            "a".repeat(1500),
            "b".repeat(800),
            "c".repeat(10)
        );
        let parts = split(&text, 2000);
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|p| p.chars().count() <= 2000));
        assert_eq!(parts.join("\n"), text);
        let parts = split(&"z".repeat(4500), 2000);
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [2000, 2000, 500]
        );
        assert_eq!(split("", 2000), vec![String::new()]);
    }

    #[test]
    fn nonces_are_stable_and_fit_discord() {
        let a = nonce(&IdempotencyKey("dm-1".into()));
        assert_eq!(a.len(), 25);
        assert_eq!(a, nonce(&IdempotencyKey("dm-1".into())));
        assert_ne!(a, nonce(&IdempotencyKey("dm-2".into())));
    }

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
}
