//! The command grammar, shared by every platform.
//!
//! A message is a command only when it is one of a few fixed shapes (`help`, `apply`,
//! `apply mentor`, `edit goals`, ...). Anything else is an answer (inside a flow) or an
//! unknown command (outside one), for which [`suggest`] offers the closest command. Platforms
//! strip their own prefix (`!tandem` in Matrix rooms) or map slash commands to the same text
//! before calling [`parse`], so every platform speaks exactly this grammar.
//!
//! These are the commands everyone has; the coordinators' and moderators' commands have
//! their grammars in their stages. Which grammar gets a message is decided in one place,
//! the command registry (`flows::route`).
//!
//! To add a command: add a variant, a word in [`parse`], a line in the help texts
//! (`flows::help`), and its handling in `flows::decide` (outside flows) or in the flow
//! that uses it.

use crate::domain::text::closest;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    /// `apply [programme] [as] [mentor|mentee]`
    Apply(Vec<String>),
    Status,
    Cancel,
    Back,
    Skip,
    Review,
    /// `edit <question id, label or number>`
    Edit(String),
    Submit,
    Keep,
    Greeting,
    /// `withdraw [programme]`: take back a submitted application.
    Withdraw(Option<String>),
    /// `report`: a private incident report.
    Report,
    /// `pause until <date>`: no check-ins or reminders until then (the rest as typed).
    Pause(String),
    /// `resume`: end a pause early.
    Resume,
    /// `stop`: leave what is open (see `flows::escape`).
    Stop,
    /// `repeat`: the question waiting for an answer, asked again in full (a wrong answer
    /// gets a short message, not the question again).
    Repeat,
    /// `language [name]`: which language Tandem writes in (see `flows::language`).
    Language(String),
    /// `resources [all | <n>]`: what to read or watch now (see `flows::resources`).
    Resources(String),
    /// `done <n>`: resource `n` is read.
    Done(String),
    /// `mute announcements` (true) or `unmute announcements`: coordinators' broadcasts.
    MuteAnnouncements(bool),
}

/// Words that begin a command, for suggestions.
pub const COMMAND_WORDS: &[&str] = &[
    "help",
    "apply",
    "status",
    "cancel",
    "back",
    "skip",
    "review",
    "edit",
    "submit",
    "keep",
    "withdraw",
    "report",
    "pause",
    "resume",
    "stop",
    "repeat",
    "language",
    "resources",
    "done",
];

/// The words for `language`, in each shipped language: someone who cannot read the
/// current one can still find theirs.
const LANGUAGE_WORDS: &[&str] = &[
    "language",
    "languages",
    "lang",
    "idioma",
    "lengua",
    "لغة",
    "اللغة",
];

/// The words for `resources`, in each shipped language.
const RESOURCE_WORDS: &[&str] = &[
    "resources",
    "resource",
    "recursos",
    "recurso",
    "موارد",
    "الموارد",
];

/// The words for `done <n>`, in each shipped language (only with a number: alone, "done"
/// answers what is open).
const DONE_WORDS: &[&str] = &[
    "done", "read", "hecho", "leido", "leído", "listo", "تم", "قرأت",
];

/// The words for "all" after `resources`, in each shipped language.
pub const ALL_WORDS: &[&str] = &["all", "todos", "todo", "الكل", "كل"];

/// Whether `word` names a resource: a number (`3`, `#3`), `#` and an id, or an id with a
/// `-` or `_` in it (`welcome-guide`), never a plain word.
fn names_resource(word: &str) -> bool {
    let id = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    match word.strip_prefix('#') {
        Some(rest) => id(rest),
        None => word.parse::<u32>().is_ok() || (id(word) && word.contains(['-', '_'])),
    }
}

/// Parses a message as a command, or `None` when it is not one.
pub fn parse(text: &str) -> Option<Command> {
    let t = text.trim();
    let t = t.strip_prefix('/').unwrap_or(t);
    let t = t.trim_end_matches(['.', '!', '?']).trim();
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if text.trim() == "?" {
        return Some(Command::Help);
    }
    match words.as_slice() {
        [w] => Some(match *w {
            "help" | "commands" | "menu" => Command::Help,
            "apply" | "join" => Command::Apply(vec![]),
            "status" => Command::Status,
            "cancel" => Command::Cancel,
            "back" => Command::Back,
            "skip" => Command::Skip,
            "review" => Command::Review,
            "submit" => Command::Submit,
            "keep" => Command::Keep,
            "withdraw" => Command::Withdraw(None),
            "report" => Command::Report,
            "pause" => Command::Pause(String::new()),
            "resume" => Command::Resume,
            "stop" => Command::Stop,
            "repeat" => Command::Repeat,
            w if LANGUAGE_WORDS.contains(&w) => Command::Language(String::new()),
            w if RESOURCE_WORDS.contains(&w) => Command::Resources(String::new()),
            "hi" | "hello" | "hey" | "hallo" | "hola" | "start" | "bonjour" | "salut" => {
                Command::Greeting
            }
            _ => return None,
        }),
        // `language` and one word (a tag or a name, known or not), or words that name a
        // language Tandem speaks: anything else is an answer ("Lengua de signos").
        [w, rest @ ..]
            if LANGUAGE_WORDS.contains(w)
                && (rest.len() == 1 || crate::i18n::Locale::named(&rest.join(" ")).is_some()) =>
        {
            Some(Command::Language(rest.join(" ")))
        }
        // Only a resource's number or id, or "all", after it: "recursos humanos" is an
        // answer (to a report's question, say), not a command.
        [w, what]
            if RESOURCE_WORDS.contains(w) && (names_resource(what) || ALL_WORDS.contains(what)) =>
        {
            Some(Command::Resources((*what).to_string()))
        }
        [w, n] if DONE_WORDS.contains(w) && names_resource(n) => {
            Some(Command::Done(n.trim_start_matches('#').to_string()))
        }
        ["mute" | "silenciar", "announcements" | "anuncios"] | ["كتم", "الإعلانات" | "الاعلانات"] => {
            Some(Command::MuteAnnouncements(true))
        }
        ["unmute", "announcements"]
        | ["activar", "anuncios"]
        | ["إلغاء" | "الغاء", "كتم", "الإعلانات" | "الاعلانات"] => {
            Some(Command::MuteAnnouncements(false))
        }
        ["edit", what] => Some(Command::Edit((*what).to_string())),
        ["pause", rest @ ..] => Some(Command::Pause(rest.join(" "))),
        ["withdraw", programme] => Some(Command::Withdraw(Some((*programme).to_string()))),
        ["apply", rest @ ..] if rest.len() <= 6 => Some(Command::Apply(
            rest.iter().map(|s| (*s).to_string()).collect(),
        )),
        _ => None,
    }
}

/// `help <command>` (in a room, after the prefix): the words asked about, as typed. `None`
/// for `help` alone, which [`parse`] reads, and for anything else.
pub fn help_topic(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix('/').unwrap_or(t);
    let (first, rest) = t.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    (first.eq_ignore_ascii_case("help") && !rest.is_empty()).then(|| rest.to_string())
}

/// The command someone probably meant, for an unknown message.
pub fn suggest(text: &str) -> Option<&'static str> {
    let first = text
        .split_whitespace()
        .next()?
        .trim_start_matches(['/', '!'])
        .to_lowercase();
    if first.chars().count() > 12 {
        return None;
    }
    closest(&first, COMMAND_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_words_parse_in_any_case_with_a_slash_or_punctuation() {
        assert_eq!(parse("HELP"), Some(Command::Help));
        assert_eq!(parse("/status"), Some(Command::Status));
        assert_eq!(parse("language"), Some(Command::Language(String::new())));
        assert_eq!(parse("idioma es"), Some(Command::Language("es".into())));
        assert_eq!(parse("لغة"), Some(Command::Language(String::new())));
        // An answer that begins with the word is left to be one.
        assert_eq!(parse("Lengua de signos"), None);
        assert_eq!(parse(" submit! "), Some(Command::Submit));
        assert_eq!(parse("?"), Some(Command::Help));
        assert_eq!(parse("Hello!"), Some(Command::Greeting));
        assert_eq!(parse("Repeat"), Some(Command::Repeat));
    }

    #[test]
    fn resources_take_one_word_and_done_takes_a_number_in_any_shipped_language() {
        assert_eq!(parse("resources"), Some(Command::Resources(String::new())));
        assert_eq!(
            parse("Recursos todos"),
            Some(Command::Resources("todos".into()))
        );
        assert_eq!(parse("done 3"), Some(Command::Done("3".into())));
        assert_eq!(parse("hecho #2"), Some(Command::Done("2".into())));
        assert_eq!(parse("تم 1"), Some(Command::Done("1".into())));
        // Alone, or with words, they are answers.
        assert_eq!(parse("done"), None);
        assert_eq!(parse("read books"), None);
        assert_eq!(parse("resources for young people"), None);
        assert_eq!(parse("Recursos humanos"), None);
        assert_eq!(
            parse("done #welcome-guide"),
            Some(Command::Done("welcome-guide".into()))
        );
        assert_eq!(
            parse("resources welcome-guide"),
            Some(Command::Resources("welcome-guide".into()))
        );
    }

    #[test]
    fn apply_takes_a_programme_and_a_role() {
        assert_eq!(
            parse("apply pathways as Mentor"),
            Some(Command::Apply(vec![
                "pathways".into(),
                "as".into(),
                "mentor".into()
            ]))
        );
        assert_eq!(parse("edit goals"), Some(Command::Edit("goals".into())));
    }

    #[test]
    fn sentences_are_not_commands() {
        assert_eq!(parse("I want to help young people"), None);
        assert_eq!(parse("edit my answer please"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn help_with_words_asks_about_a_command_and_help_alone_does_not() {
        assert_eq!(
            help_topic("help match approve"),
            Some("match approve".into())
        );
        assert_eq!(
            help_topic("/HELP  approve A12 "),
            Some("approve A12".into())
        );
        assert_eq!(help_topic("help"), None);
        assert_eq!(help_topic("helpful tips"), None);
        assert_eq!(
            parse("help approve"),
            None,
            "a DM's answer is never read as help"
        );
    }

    #[test]
    fn typos_get_a_suggestion() {
        assert_eq!(suggest("aply"), Some("apply"));
        assert_eq!(suggest("!hlep me"), Some("help"));
        assert_eq!(suggest("pineapple"), None);
    }
}
