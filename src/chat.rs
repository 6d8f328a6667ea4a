//! The chat vocabulary: what a person sends ([`Inbound`]) and what the bot sends
//! ([`OutMessage`]), with the files, threads and card actions they carry.
//!
//! Every platform adapter translates its own events to and from these types, the ports
//! take them, and the pure core (`flows`) reads and writes them; nothing here knows a
//! platform or a flow. A new kind of content (a poll, a location) starts here, then each
//! adapter renders or reads it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Choice, Place, UserRef};
use crate::i18n::{Locale, Text};

/// Something a person sent to the bot.
#[derive(Debug, Clone, PartialEq)]
pub struct Inbound {
    pub from: UserRef,
    pub place: Place,
    pub content: Content,
    /// Files sent with the message (`content` is then its caption, maybe empty).
    pub files: Vec<InboundFile>,
}

/// A file someone sent. The platform fills in what it says about the file; the app
/// fetches and keeps it only where a conversation wants files (`flows::wants_files`) and
/// records here what became of it, so the flow can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundFile {
    /// The name it was sent under (shown back to the sender only).
    pub name: String,
    pub mime: Option<String>,
    /// In bytes, when the platform says.
    pub size: Option<u64>,
    /// Where the platform can fetch it from: a URL, a Matrix media source, a path.
    pub source: String,
    pub status: FileStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FileStatus {
    /// As the platform delivered it: not fetched.
    #[default]
    Received,
    /// Fetched and kept, sealed, for the sender until a flow attaches it to a case.
    Held(HeldFile),
    /// Larger than the limit: not fetched.
    TooLarge { limit: u64 },
    /// Fetching it failed (the reason is for the log; the sender is asked to send again).
    Failed,
    /// A picture whose hidden details (where a photo was taken, by whom) could not be
    /// removed: not kept.
    Uncleanable,
    /// A kind of file whose hidden details Tandem cannot remove (a PDF, a HEIC photo, a
    /// video, a document): not kept, as keeping it as sent could name the sender.
    Unsupported,
}

/// A file kept for its sender: the row id and what the sender may be shown about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldFile {
    pub id: i64,
    pub name: String,
    pub mime: String,
    pub size: u64,
}

impl HeldFile {
    /// `photo.png (120 KB)`
    pub fn describe(&self) -> String {
        format!(
            "{} ({})",
            self.name,
            crate::domain::text::file_size(self.size)
        )
    }
}

/// A reported message, copied by the platform when it was reported: evidence even if its
/// author deletes it, and readable by moderators who are not in the room it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedMessage {
    /// Where it is (a Discord or matrix.to link).
    pub link: String,
    /// Who wrote it, as the platform names them.
    pub author: String,
    pub at: Option<DateTime<Utc>>,
    /// Its text; empty when it had none (only files or embeds).
    pub text: String,
    /// Its room and id on the platform, when the platform says: a copy the bot made in a
    /// relayed pair room is then reported as its author's (`app::relay`).
    pub at_room: Option<(crate::domain::RoomRef, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A typed message.
    Text(String),
    /// Options picked on a prompt (a button or select menu). `prompt_ref` names the prompt,
    /// so an answer to an old prompt is recognised as such.
    Picked {
        prompt_ref: Option<String>,
        values: Vec<String>,
    },
}

/// A message the bot sends: text, optionally with choices to pick from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutMessage {
    pub text: String,
    pub choices: Vec<Choice>,
    /// With choices: how many may be picked (`(1, 1)` for a single choice).
    pub pick: Option<(usize, usize)>,
    /// Identifies the prompt, echoed back in [`Content::Picked`].
    pub prompt_ref: Option<String>,
    /// On a card in a staff room: commands offered as one-press actions where the platform
    /// has buttons (Discord). The card's text still says how to type them, for the others.
    /// (A DM's buttons go with its [`CommandMenu`].)
    #[serde(default)]
    pub actions: Vec<CardAction>,
    /// A menu of things to pick for a command (the mentors `browse` lists, to request),
    /// where the platform has select menus (Discord); the text says how to type it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// (Boxed: every message carries the field, few a menu.)
    pub menu: Option<Box<CommandMenu>>,
    /// People this message must alert (the on-call moderators): a real mention where the
    /// platform has them. Nothing else Tandem sends pings anyone.
    #[serde(default)]
    pub notify: Vec<UserRef>,
    /// The moment the message is about (an event's start): shown in each reader's own
    /// time zone where the platform can (Discord timestamps).
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    /// A file sent with the message (a data export, a certificate, a chart). Never
    /// stored with a remembered prompt.
    #[serde(skip)]
    pub attachment: Option<Attachment>,
    /// Which card's discussion a staff-room message belongs to, for platforms with
    /// threads (Matrix). Others post it in the room as usual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<Thread>,
    /// Where in the room it goes, decided by the app (see [`Placement`]); `None`: at the
    /// top. Travels with the message, so a retry after a crash lands in the same place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed: Option<Placement>,
    /// What was said, as written from the catalogue (see `i18n`): the app renders it in
    /// the reader's language when it delivers the message; `text` and the choices'
    /// labels are its English. `None`: words of no language, sent as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<Box<Said>>,
}

/// A message's words as the catalogue's recipes ([`Text`]): its text, and the label of
/// each of its choices (none, or one a choice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub text: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Text>,
    /// Its menu's placeholder, then each option's label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub menu: Vec<Text>,
    /// The label of each of its card actions (buttons).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Text>,
    /// What each of its card actions asks for, where it asks (beside `actions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asks: Vec<Option<Text>>,
}

/// Where in a room a message is posted, on platforms with threads (Matrix). The app
/// decides it: everything a command typed in a room causes there goes where the command
/// was typed, and a card's follow-up goes into the card's thread once there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// At the top of the room (where the command was typed), even a card's follow-up.
    Top,
    /// In the thread that `root` starts, answering `after` (the typed message, or the
    /// root itself) for clients without threads.
    InThread { root: String, after: String },
}

/// A card's discussion: the card starts a thread and what later happens to its subject
/// (a reporter's answer, an applicant's answer, a withdrawal) is posted in it, so a busy
/// staff room stays a list of cards. Where the platform has no threads, both simply post
/// in the room.
///
/// Only what arrives on its own (from a DM, from the scheduler) goes into a thread by
/// key: a command typed in the room is answered where it was typed, with everything it
/// causes there (the app marks those messages with their [`Placement`]).
/// To thread a new kind of card, start it with [`OutMessage::starts_thread`] under a key
/// of its own and send its follow-ups with [`OutMessage::in_thread`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Thread {
    /// The message is a card: the first one posted under this key starts the thread (a
    /// card shown again later is posted where it was asked for).
    Starts(String),
    /// The message follows up a card: posted in that card's thread once there is one.
    In(String),
    /// An alert that must be seen (an on-call ping, someone who cannot be reached): at
    /// the top of the room, never in a thread, even when a command typed in one caused it.
    Alert,
}

/// The thread key of a case's card.
pub fn case_thread(case_id: i64) -> String {
    format!("case-{case_id}")
}

/// The thread key of an application's card.
pub fn application_thread(application_id: i64) -> String {
    format!("application-{application_id}")
}

/// A file to send.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attachment {
    /// `tandem-my-data.json`
    pub name: String,
    /// `application/json`, `image/png`
    pub mime: String,
    /// Base64 when serialised (an act waiting in the outbox).
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
}

/// Bytes as base64 text, for files kept in JSON.
mod base64_bytes {
    use base64::Engine as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(data))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(serde::de::Error::custom)
    }
}

/// A select menu whose picks complete a command: `request` and the value picked gives
/// `request 2`; with `max` above one, the values follow in the menu's order (`rank 2 5`),
/// whatever order they were clicked in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandMenu {
    pub command: String,
    pub placeholder: String,
    /// (label, value)
    pub options: Vec<(String, String)>,
    pub max: usize,
    /// Buttons that go with it (`More`: the next page), run like typed commands.
    #[serde(default)]
    pub also: Vec<CardAction>,
}

/// A command a card offers as an action, run as if the person who pressed it had typed it
/// (after the prefix) in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardAction {
    pub label: String,
    /// `approve 3`
    pub command: String,
    /// For a command that needs words after it (a reason, a question): what to ask for.
    pub asks: Option<String>,
    /// Offered in a DM too: a participant's own command (an alumni invitation's apply),
    /// not a staff card's, which only works in its room.
    #[serde(default)]
    pub in_dm: bool,
}

impl CardAction {
    pub fn new(label: &str, command: String) -> Self {
        CardAction {
            label: label.into(),
            command,
            asks: None,
            in_dm: false,
        }
    }

    pub fn asking(label: &str, command: String, asks: &str) -> Self {
        CardAction {
            label: label.into(),
            command,
            asks: Some(asks.into()),
            in_dm: false,
        }
    }
}

/// A staff card's action said from the catalogue: its command, its label and, for a
/// command that needs words after it (a reason, a date), what it asks for; the label and
/// the question are rendered in the reader's language, the command stays as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaidAction {
    pub command: String,
    pub label: Text,
    pub asks: Option<Text>,
}

impl SaidAction {
    pub fn new(label: Text, command: impl Into<String>) -> Self {
        SaidAction {
            command: command.into(),
            label,
            asks: None,
        }
    }

    pub fn asking(label: Text, command: impl Into<String>, asks: Text) -> Self {
        SaidAction {
            asks: Some(asks),
            ..SaidAction::new(label, command)
        }
    }
}

impl OutMessage {
    /// What reading an answer to this prompt needs, and nothing else: its choices, how
    /// they are picked and its ref, never its text (which may be a report's summary, and
    /// is most of its size). What is kept of a sent prompt, in memory or in the database.
    pub fn answer_key(&self) -> OutMessage {
        OutMessage {
            choices: self.choices.clone(),
            pick: self.pick,
            prompt_ref: self.prompt_ref.clone(),
            ..OutMessage::default()
        }
    }

    pub fn text(text: impl Into<String>) -> Self {
        OutMessage {
            text: text.into(),
            ..Default::default()
        }
    }

    /// A message written from the catalogue: `text` in English now, in the reader's
    /// language when delivered ([`OutMessage::in_language`]).
    pub fn said(text: Text) -> Self {
        // Words of no language have nothing to render: a plain message.
        if let Text::Plain(words) = text {
            return OutMessage::text(words);
        }
        OutMessage {
            text: text.english(),
            said: Some(Box::new(Said {
                text,
                labels: Vec::new(),
                menu: Vec::new(),
                actions: Vec::new(),
                asks: Vec::new(),
            })),
            ..Default::default()
        }
    }

    /// Its recipes, made from its text as it stands if it had none.
    fn said_mut(&mut self) -> &mut Said {
        let text = &self.text;
        self.said.get_or_insert_with(|| {
            Box::new(Said {
                text: Text::plain(text.clone()),
                labels: Vec::new(),
                menu: Vec::new(),
                actions: Vec::new(),
                asks: Vec::new(),
            })
        })
    }

    /// Its card actions (buttons), each labelled from the catalogue (in English now): the
    /// reader's own commands, offered in a DM too.
    pub fn with_actions(self, actions: Vec<(Text, String)>) -> Self {
        let mut message = self.with_said_actions(
            actions
                .into_iter()
                .map(|(label, command)| SaidAction::new(label, command))
                .collect(),
        );
        for action in &mut message.actions {
            action.in_dm = true;
        }
        message
    }

    /// Its staff card's actions, each labelled and asking from the catalogue (in English
    /// now), rendered in the reader's language by [`OutMessage::in_language`].
    pub fn with_said_actions(mut self, actions: Vec<SaidAction>) -> Self {
        let (actions, said): (Vec<CardAction>, Vec<(Text, Option<Text>)>) = actions
            .into_iter()
            .map(|a| {
                let action = CardAction {
                    label: a.label.english(),
                    command: a.command,
                    asks: a.asks.as_ref().map(Text::english),
                    in_dm: false,
                };
                (action, (a.label, a.asks))
            })
            .unzip();
        let (labels, asks) = said.into_iter().unzip();
        self.actions = actions;
        let recipe = self.said_mut();
        recipe.actions = labels;
        recipe.asks = asks;
        self
    }

    /// Its choices, each labelled from the catalogue (their labels in English now).
    pub fn with_choices(mut self, choices: Vec<(Choice, Text)>) -> Self {
        let (choices, labels): (Vec<Choice>, Vec<Text>) = choices
            .into_iter()
            .map(|(mut c, label)| {
                c.label = label.english();
                (c, label)
            })
            .unzip();
        self.choices = choices;
        self.said_mut().labels = labels;
        self
    }

    /// With `menu`, its placeholder and labels from the catalogue (in English now): each
    /// option's, then each of its buttons' (`also`).
    pub fn with_menu(
        mut self,
        mut menu: CommandMenu,
        placeholder: Text,
        labels: Vec<Text>,
    ) -> Self {
        menu.placeholder = placeholder.english();
        for ((label, _), said) in menu.options.iter_mut().zip(&labels) {
            *label = said.english();
        }
        let buttons = labels.iter().skip(menu.options.len());
        for (action, said) in menu.also.iter_mut().zip(buttons) {
            action.label = said.english();
        }
        let mut said_menu = vec![placeholder];
        said_menu.extend(labels);
        self.said_mut().menu = said_menu;
        self.menu = Some(Box::new(menu));
        self
    }

    /// This message in `locale`, when it was written from the catalogue: its text and
    /// choice labels rendered there. As it is otherwise, and in English (which its text
    /// already is): nothing copied.
    pub fn in_language(&self, locale: Locale) -> std::borrow::Cow<'_, OutMessage> {
        use std::borrow::Cow;
        let Some(said) = self.said.as_ref().filter(|_| locale != Locale::EN) else {
            return Cow::Borrowed(self);
        };
        let mut out = OutMessage {
            said: None,
            ..self.clone()
        };
        out.text = said.text.render(locale);
        for (choice, label) in out.choices.iter_mut().zip(&said.labels) {
            choice.label = label.render(locale);
        }
        for (action, label) in out.actions.iter_mut().zip(&said.actions) {
            action.label = label.render(locale);
        }
        for (action, asks) in out.actions.iter_mut().zip(&said.asks) {
            if let Some(asks) = asks {
                action.asks = Some(asks.render(locale));
            }
        }
        if let (Some(menu), Some((placeholder, labels))) =
            (out.menu.as_mut(), said.menu.split_first())
        {
            menu.placeholder = placeholder.render(locale);
            for ((label, _), said) in menu.options.iter_mut().zip(labels) {
                *label = said.render(locale);
            }
            let buttons = labels.iter().skip(menu.options.len());
            for (action, said) in menu.also.iter_mut().zip(buttons) {
                action.label = said.render(locale);
            }
        }
        Cow::Owned(out)
    }

    /// This message is the card that starts the thread `key` (see [`Thread`]).
    pub fn starts_thread(self, key: String) -> Self {
        OutMessage {
            thread: Some(Thread::Starts(key)),
            ..self
        }
    }

    /// This message follows up the card of thread `key` (see [`Thread`]).
    pub fn in_thread(self, key: String) -> Self {
        OutMessage {
            thread: Some(Thread::In(key)),
            ..self
        }
    }

    /// This message is an alert: never hidden in a thread (see [`Thread`]).
    pub fn alert(self) -> Self {
        OutMessage {
            thread: Some(Thread::Alert),
            ..self
        }
    }
}
/// The text after the room prefix (`!tandem`, in any case), trimmed; `None` when the
/// message does not start with it as a word of its own.
pub fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    if !prefix.is_empty() && head.eq_ignore_ascii_case(prefix) {
        let rest = &text[prefix.len()..];
        (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest.trim())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cards_buttons_are_labelled_in_the_readers_language_and_keep_their_command() {
        let card = OutMessage::said(Text::msg("case-none").arg("n", 1i64)).with_said_actions(vec![
            SaidAction::asking(
                Text::msg("case-button-note"),
                "case note 1",
                Text::plain("Internal note"),
            ),
        ]);
        assert_eq!(card.actions[0].label, "Note");
        let es = card.in_language(Locale::from_tag("es").unwrap());
        assert_eq!(es.actions[0].label, "Nota");
        assert_eq!(es.actions[0].command, "case note 1");
        assert_eq!(es.actions[0].asks.as_deref(), Some("Internal note"));
        assert!(
            !es.actions[0].in_dm,
            "a staff card's button stays in its room"
        );
    }

    #[test]
    fn a_menus_next_page_button_is_labelled_in_the_readers_language() {
        let menu = CommandMenu {
            command: "request".into(),
            placeholder: String::new(),
            options: vec![("2. Grace".into(), "2".into())],
            max: 1,
            also: vec![CardAction::new("", "browse 2".into())],
        };
        let message = OutMessage::said(Text::msg("case-none").arg("n", 1i64)).with_menu(
            menu,
            Text::msg("browse-menu-request"),
            vec![Text::plain("2. Grace"), Text::msg("browse-more-button")],
        );
        let menu = message.menu.as_ref().unwrap();
        assert_eq!(menu.also[0].label, "More mentors");
        let es = message.in_language(Locale::from_tag("es").unwrap());
        let menu = es.menu.as_ref().unwrap();
        assert_eq!(menu.options[0].0, "2. Grace");
        assert_eq!(menu.also[0].label, "Más mentores");
        assert_eq!(menu.also[0].command, "browse 2");
    }

    #[test]
    fn a_cards_buttons_ask_for_their_words_in_the_readers_language() {
        let card = OutMessage::said(Text::msg("case-none").arg("n", 1i64)).with_said_actions(vec![
            SaidAction::asking(
                Text::msg("case-button-resolve"),
                "case resolve 1",
                Text::msg("case-asks-outcome"),
            ),
        ]);
        assert_eq!(
            card.actions[0].asks.as_deref(),
            Some("Outcome, told to the reporter")
        );
        let es = card.in_language(Locale::from_tag("es").unwrap());
        assert_eq!(es.actions[0].label, "Resolver");
        assert_eq!(
            es.actions[0].asks.as_deref(),
            Some("Resultado, que se comunica a quien reportó")
        );
        assert_eq!(es.actions[0].command, "case resolve 1");
        assert!(!es.actions[0].in_dm);
    }
}
