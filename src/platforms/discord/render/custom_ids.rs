//! The `custom_id` each Discord control carries, and what a pressed control or a
//! submitted form means. [`super::render`] writes the ids, [`parse_custom_id`] reads them
//! back: `<kind>|<owner or ->|<prompt ref or command>|<value>`, so that a press is checked
//! and routed without remembering anything (it survives a restart). Also the forms'
//! titles and labels ([`form_labels`]).
//!
//! To add a kind of control: a kind below, its [`Action`] (and who it [`Action::allows`]),
//! its arm in [`parse_custom_id`], and where `super::render` makes it; an id must stay
//! within Discord's 100 characters.

use super::{MAX_MODAL_LABEL, truncate};

pub(super) const PICK: &str = "t1";
pub(super) const FORM: &str = "t1a";
const SUBMIT: &str = "t1m";
pub(super) const RUN: &str = "t1c";
pub(super) const ASK_THEN_RUN: &str = "t1f";
pub(super) const RUN_PICKED: &str = "t1s";
const RUN_WITH_TEXT: &str = "t1r";

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
    /// A card's action (or a DM's, with its owner): run the command.
    Run {
        owner: Option<String>,
        command: String,
    },
    /// A command menu's pick: run the command with the picked values after it.
    RunPicked {
        owner: Option<String>,
        command: String,
    },
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
            | Action::SubmitForm { owner, .. }
            | Action::Run { owner, .. }
            | Action::RunPicked { owner, .. } => owner,
            // Cards are in staff rooms: whoever can press may act (the app checks roles).
            Action::AskThenRun { .. } | Action::RunWithText { .. } => {
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
            owner,
            command: prompt_ref?,
        }),
        RUN_PICKED => Some(Action::RunPicked {
            owner,
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
