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
//! The parts, each with its own tests (what they export is re-exported here):
//! - here, [`render`]: a message's text, parts and controls, split to fit;
//! - `markdown.rs`: escaping people's words ([`escape_markdown`]);
//! - `custom_ids.rs`: what a control carries, and what a press or a submitted form means
//!   ([`parse_custom_id`]);
//! - `commands.rs`: the slash commands and the words each stands for.
//! - `staff_commands.rs`: `/coordinate`'s and `/moderate`'s subcommands, their typed
//!   options, and the words each stands for.
//!
//! To add a slash command: one more [`CommandSpec`] in [`COMMANDS`] and its translation in
//! [`command_text`] into the same words a person would type (both in `commands.rs`). A
//! new kind of control is a kind in `custom_ids.rs` and where [`render`] makes it.

mod commands;
mod custom_ids;
mod markdown;
mod staff_commands;

pub use commands::{
    Audience, COMMANDS, CommandSpec, Numbers, OptionKind, OptionSpec, REPORT_MESSAGE, SlashCommand,
    SubcommandSpec, command_text, localised,
};
pub use custom_ids::{
    Action, form_custom_id, form_labels, parse_custom_id, run_with_text_custom_id,
};
pub use markdown::escape_markdown;
pub use staff_commands::{choice_name, number_option};

use custom_ids::{ASK_THEN_RUN, FORM, PICK, RUN, RUN_PICKED};

use crate::chat::{CardAction, CommandMenu, OutMessage};
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
const MAX_PLACEHOLDER: usize = 150;
/// A modal's title and its inputs' labels.
pub const MAX_MODAL_LABEL: usize = 45;

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

/// A command menu (see [`CommandMenu`]): a select whose pick runs the command, and the
/// buttons that go with it, each for the message's person (anyone, in a room).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuRows {
    pub custom_id: String,
    pub placeholder: String,
    pub max: usize,
    pub options: Vec<SelectOption>,
    pub buttons: Vec<Button>,
}

/// A message ready to send: its parts (each within [`MAX_CONTENT`]) and its controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub parts: Vec<String>,
    pub controls: Controls,
    /// A command menu, in rows after the controls (`None` where it would not fit).
    pub menu: Option<MenuRows>,
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
    // A card's buttons run their command as whoever presses them: in a room, or in a DM
    // when they are the reader's own (an alumni invitation's apply), not a staff card's.
    let offered = owner == "-" || message.actions.iter().all(|a| a.in_dm);
    let controls = if choices.is_empty() && !message.actions.is_empty() && offered {
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
    let menu = message
        .menu
        .as_ref()
        .filter(|_| choices.is_empty())
        .and_then(|m| command_menu(m, owner));
    Rendered {
        parts: split(&text, MAX_CONTENT),
        controls,
        menu,
        mentions,
    }
}

/// `values` in the order of `listed` (a select's options); any not listed last.
pub fn listed_order(listed: &[&String], values: &[String]) -> Vec<String> {
    let mut out = values.to_vec();
    out.sort_by_key(|v| listed.iter().position(|l| *l == v).unwrap_or(usize::MAX));
    out
}

/// A command menu as a select and its buttons, or `None` where Discord would refuse it
/// (too many options, an id too long): the text says how to type it.
fn command_menu(menu: &CommandMenu, owner: &str) -> Option<MenuRows> {
    let custom_id = format!("{RUN_PICKED}|{owner}|{}", menu.command);
    let fits = |id: &str| id.len() <= MAX_CUSTOM_ID;
    if menu.options.is_empty()
        || menu.options.len() > MAX_SELECT_OPTIONS
        || !fits(&custom_id)
        || menu.options.iter().any(|(_, v)| v.len() > MAX_OPTION_LABEL)
    {
        return None;
    }
    let buttons: Vec<Button> = menu
        .also
        .iter()
        .take(MAX_BUTTONS)
        // A `|` would end the command early when the id is read back: typed instead.
        .filter(|a| !a.command.contains('|'))
        .map(|a| Button {
            custom_id: format!("{RUN}|{owner}|{}", a.command),
            label: truncate(&a.label, MAX_BUTTON_LABEL),
        })
        .filter(|b| fits(&b.custom_id))
        .collect();
    Some(MenuRows {
        custom_id,
        placeholder: truncate(&menu.placeholder, MAX_PLACEHOLDER),
        max: menu.max.clamp(1, menu.options.len()),
        options: menu
            .options
            .iter()
            .map(|(label, value)| SelectOption {
                label: truncate(label, MAX_OPTION_LABEL),
                value: value.clone(),
            })
            .collect(),
        buttons,
    })
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
                owner: None,
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
        // In a DM, a staff card's actions are not offered (they work in its room); the
        // reader's own are (an alumni invitation's apply).
        assert_eq!(render(&card, Some("42")).controls, Controls::None);
        let invitation = OutMessage::said(crate::i18n::Text::plain("Come back as a mentor"))
            .with_actions(vec![(
                crate::i18n::Text::plain("Apply"),
                "apply pathways as mentor via alumni".into(),
            )]);
        let Controls::Actions(buttons) = render(&invitation, Some("42")).controls else {
            panic!("no button in the DM")
        };
        assert_eq!(
            parse_custom_id(&buttons[0].custom_id),
            Some(Action::Run {
                owner: None,
                command: "apply pathways as mentor via alumni".into()
            })
        );
    }

    #[test]
    fn a_command_menu_becomes_a_select_for_its_person_with_its_buttons_after_it() {
        let options = |n: usize| {
            (1..=n)
                .map(|i| (format!("{i}. Mentor {i}"), i.to_string()))
                .collect::<Vec<_>>()
        };
        let listing = OutMessage {
            menu: Some(Box::new(CommandMenu {
                command: "rank".into(),
                placeholder: "Choose up to 3".into(),
                options: options(5),
                max: 3,
                also: vec![CardAction::new("More mentors", "browse 2".into())],
            })),
            ..OutMessage::text("Mentors with room")
        };
        let r = render(&listing, Some("42"));
        let menu = r.menu.expect("a menu");
        assert_eq!(menu.custom_id, "t1s|42|rank");
        assert_eq!((menu.max, menu.options.len()), (3, 5));
        assert_eq!(
            parse_custom_id(&menu.custom_id),
            Some(Action::RunPicked {
                owner: Some("42".into()),
                command: "rank".into()
            })
        );
        assert!(!parse_custom_id(&menu.custom_id).unwrap().allows("7"));
        assert_eq!(menu.buttons[0].custom_id, "t1c|42|browse 2");
        assert!(
            parse_custom_id(&menu.buttons[0].custom_id)
                .unwrap()
                .allows("42")
        );
        assert!(
            !parse_custom_id(&menu.buttons[0].custom_id)
                .unwrap()
                .allows("7")
        );
        // More options than a select takes: the text alone says how to type it.
        let mut many = listing.clone();
        many.menu.as_mut().unwrap().options = options(30);
        assert_eq!(render(&many, Some("42")).menu, None);
        // However they were clicked, the picks run in the listed order.
        let listed: Vec<String> = (1..=5).map(|i| i.to_string()).collect();
        let listed: Vec<&String> = listed.iter().collect();
        assert_eq!(
            listed_order(&listed, &["4".into(), "1".into(), "3".into()]),
            ["1", "3", "4"]
        );
        // A max above the options is brought down to them.
        let mut few = listing;
        few.menu.as_mut().unwrap().options = options(2);
        assert_eq!(render(&few, Some("42")).menu.unwrap().max, 2);
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
}
