//! [`Text`]: what the bot says, kept as a recipe until it is known who reads it.
//!
//! A flow decides what to say without knowing the reader's language (a decision told to an
//! applicant, a nudge to a pair), so it builds a [`Text`] from message ids of the
//! catalogue, their arguments, and words that are the same in every language (a name, a
//! person's own answer). The app renders it in the reader's language when it delivers the
//! message ([`Text::render`]); an [`crate::chat::OutMessage`] carries the recipe beside its
//! English rendering.
//!
//! Build one with [`Text::msg`] and [`Text::arg`],
//! [`Text::plain`] for words of no language, [`Text::given`] for a programme file's own
//! translations, and [`Text::lines`]/[`Text::join`] to put pieces together.

use serde::{Deserialize, Serialize};

use super::Locale;
use super::catalogue;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Text {
    /// The same in every language.
    Plain(String),
    /// A message of the catalogue, with its arguments.
    Msg {
        id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        args: Vec<(String, Arg)>,
    },
    /// A text the programme file gives in several languages: `(tag, text)`, its default
    /// language first.
    Given(Vec<(String, String)>),
    /// Pieces one after another, `sep` between them.
    Join { parts: Vec<Text>, sep: String },
    /// A text in lower case (a name said inside a sentence: "as a mentee").
    Lower(Box<Text>),
    /// A text with a capital first letter (a phrase that begins a sentence).
    Capital(Box<Text>),
    /// A quantity, its digits grouped as the reader's language groups them (`2,000`,
    /// `12.345`). Numbers that are names (`A12`, a year) are plain arguments.
    Number(i64),
}

/// An argument of a message: a number (for plurals) or a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    Num(i64),
    Text(Text),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(t)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(Text::Plain(s))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(Text::Plain(s.to_string()))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(Text::Plain(s.clone()))
    }
}

/// In English: what tests and logs read (a reader gets [`Text::render`]).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

/// Reads a text stored before it was said from the catalogue (a plain string) as well as
/// one stored since: for a field of something kept (an outbox act) that became a [`Text`].
pub fn read_stored<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Words(String),
        Said(Text),
    }
    Ok(match Stored::deserialize(d)? {
        Stored::Words(words) => Text::Plain(words),
        Stored::Said(text) => text,
    })
}

/// `day`'s month, by name (`month-3`: March, marzo).
fn month(day: chrono::NaiveDate) -> Text {
    use chrono::Datelike;
    Text::msg(&format!("month-{}", day.month()))
}

impl Text {
    /// The catalogue's message `id` (its arguments added with [`Text::arg`]).
    pub fn msg(id: &str) -> Text {
        Text::Msg {
            id: id.to_string(),
            args: Vec::new(),
        }
    }

    /// Words of no language: shown as they are.
    pub fn plain(s: impl Into<String>) -> Text {
        Text::Plain(s.into())
    }

    /// A programme file's text: its default, and its translations by tag.
    pub fn given(default: &str, translations: &[(String, String)]) -> Text {
        if translations.is_empty() {
            return Text::Plain(default.to_string());
        }
        let mut all = vec![(String::new(), default.to_string())];
        all.extend(translations.iter().cloned());
        Text::Given(all)
    }

    /// This message with the argument `name` set (a message's arguments only).
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Text {
        if let Text::Msg { args, .. } = &mut self {
            args.push((name.to_string(), value.into()));
        }
        self
    }

    /// A day, as each language writes it (`3 March 2027`, `3 de marzo de 2027`).
    pub fn date(day: chrono::NaiveDate) -> Text {
        use chrono::Datelike;
        Text::msg("date")
            .arg("day", i64::from(day.day()))
            .arg("month", month(day))
            .arg("year", day.year().to_string())
    }

    /// A day of the year, as each language writes it (`3 March`, `3 de marzo`).
    pub fn day_month(day: chrono::NaiveDate) -> Text {
        use chrono::Datelike;
        Text::msg("day-month")
            .arg("day", i64::from(day.day()))
            .arg("month", month(day))
    }

    /// The pieces one after another, `sep` between them. A list's `", "` is said with
    /// the reader's comma (`، ` in Arabic).
    pub fn join(parts: Vec<Text>, sep: &str) -> Text {
        Text::Join {
            parts,
            sep: sep.to_string(),
        }
    }

    /// A quantity, grouped as each language groups digits (`Locale::number`).
    pub fn number(n: usize) -> Text {
        Text::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// `text` in lower case, in whatever language it is said.
    pub fn lower(text: Text) -> Text {
        Text::Lower(Box::new(text))
    }

    /// `text` with a capital first letter, in whatever language it is said.
    pub fn capital(text: Text) -> Text {
        Text::Capital(Box::new(text))
    }

    /// `• text`: a line of a list.
    pub fn bullet(text: Text) -> Text {
        Text::join(vec![Text::plain("• "), text], "")
    }

    /// The pieces as lines.
    pub fn lines(parts: Vec<Text>) -> Text {
        Text::join(parts, "\n")
    }

    /// The pieces as paragraphs (a blank line between them).
    pub fn paragraphs(parts: Vec<Text>) -> Text {
        Text::join(parts, "\n\n")
    }

    /// In English: what tests and logs read.
    pub fn english(&self) -> String {
        self.render(Locale::EN)
    }

    /// In `locale`: each message in its translation (English where it has none), each
    /// programme text in the locale's translation (its default where it has none).
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        self.write(locale, &mut out);
        out
    }

    fn write(&self, locale: Locale, out: &mut String) {
        match self {
            Text::Plain(s) => out.push_str(s),
            Text::Msg { id, args } => out.push_str(&catalogue::format(locale, id, args)),
            Text::Given(all) => {
                let chosen = all
                    .iter()
                    .find(|(tag, _)| Locale::from_tag(tag) == Some(locale))
                    .or_else(|| all.first());
                if let Some((_, text)) = chosen {
                    out.push_str(text);
                }
            }
            Text::Join { parts, sep } => {
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(match sep.as_str() {
                            ", " => locale.shipped().comma,
                            sep => sep,
                        });
                    }
                    part.write(locale, out);
                }
            }
            Text::Lower(text) => out.push_str(&text.render(locale).to_lowercase()),
            Text::Capital(text) => {
                let words = text.render(locale);
                let mut chars = words.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            Text::Number(n) => out.push_str(&locale.number(*n)),
        }
    }

    /// Whether `typed` is this text in some shipped language (case and accents aside): a
    /// choice's label typed back in whatever language it was shown in.
    pub fn typed_in_any(&self, typed: &str) -> bool {
        let typed = crate::domain::text::fold(typed.trim());
        Locale::all().any(|l| crate::domain::text::fold(&self.render(l)) == typed)
    }

    /// Every message id this text uses (for the key-coverage test).
    pub fn ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_ids(&mut ids);
        ids
    }

    fn collect_ids<'a>(&'a self, ids: &mut Vec<&'a str>) {
        match self {
            Text::Msg { id, args } => {
                ids.push(id);
                for (_, arg) in args {
                    if let Arg::Text(t) = arg {
                        t.collect_ids(ids);
                    }
                }
            }
            Text::Join { parts, .. } => parts.iter().for_each(|p| p.collect_ids(ids)),
            Text::Lower(text) | Text::Capital(text) => text.collect_ids(ids),
            Text::Plain(_) | Text::Given(_) | Text::Number(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es() -> Locale {
        Locale::from_tag("es").unwrap()
    }

    #[test]
    fn a_programme_text_is_read_in_the_readers_language_or_its_default() {
        let t = Text::given(
            "What are your goals?",
            &[("es".into(), "¿Cuáles son tus metas?".into())],
        );
        assert_eq!(t.render(es()), "¿Cuáles son tus metas?");
        assert_eq!(t.english(), "What are your goals?");
        let ar = Locale::from_tag("ar").unwrap();
        assert_eq!(t.render(ar), "What are your goals?");
    }

    #[test]
    fn a_capitalised_text_begins_with_a_capital_in_each_language_and_keeps_its_ids() {
        let t = Text::capital(Text::msg("coordinators-can-close"));
        assert_eq!(t.english(), "Close a match");
        assert_eq!(t.render(es()), "Cerrar un emparejamiento");
        assert_eq!(t.ids(), vec!["coordinators-can-close"]);
        assert_eq!(Text::capital(Text::plain("")).english(), "");
    }

    #[test]
    fn a_text_survives_being_stored_as_json() {
        let t = Text::paragraphs(vec![
            Text::msg("language-set").arg("language", "Español"),
            Text::plain("x"),
        ]);
        let back: Text = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.ids(), vec!["language-set"]);
    }

    #[test]
    fn a_list_is_said_with_the_readers_comma() {
        let list = Text::join(vec![Text::plain("a"), Text::plain("b")], ", ");
        assert_eq!(list.english(), "a, b");
        assert_eq!(list.render(es()), "a, b");
        assert_eq!(list.render(Locale::from_tag("ar").unwrap()), "a، b");
        let lines = Text::join(vec![Text::plain("a"), Text::plain("b")], "\n");
        assert_eq!(lines.render(Locale::from_tag("ar").unwrap()), "a\nb");
    }
}
