//! The numbers staff read and type: an application is `A12`, a match proposal `P3`, and a
//! match offered or under way `M7`, a participant's question to the team `Q4`, and a
//! pair-room safety flag `F3`.
//!
//! Three kinds of number are easy to confuse, so each is shown with its letter everywhere a
//! coordinator reads one, and every command accepts it with or without the letter (and with
//! the older `#`). A number with the wrong letter (`approve M3`) is refused with a message
//! saying what the command expects, instead of acting on the application that happens to
//! carry that number. A proposal and the match it becomes are one record, so `P3` and `M3`
//! name the same thing: the letter shows how far it went.
//!
//! To give another kind of record a letter, add a [`Numbered`] variant with its letters and
//! what it is called (its messages in `locales/*/reading.ftl`), and read it with [`read`]
//! in the command's grammar.

use crate::i18n::Text;

/// What a command expects a number to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Application,
    /// A match at any stage: a proposal (`P`) or a match (`M`).
    Match,
    /// A participant's question to the programme team (`Q4`).
    Question,
    /// A pair-room safety flag (`F3`).
    Flag,
}

impl Numbered {
    /// The letters this kind is written with.
    fn letters(self) -> &'static [char] {
        match self {
            Numbered::Application => &['a'],
            Numbered::Match => &['m', 'p'],
            Numbered::Question => &['q'],
            Numbered::Flag => &['f'],
        }
    }

    /// What a command expects, as its refusal says it (`an application number (like A12)`).
    fn said(self) -> Text {
        match self {
            Numbered::Application => Text::msg("number-takes-application"),
            Numbered::Match => Text::msg("number-takes-match"),
            Numbered::Question => Text::msg("number-takes-question"),
            Numbered::Flag => Text::msg("number-takes-flag"),
        }
    }
}

/// An application's number as shown: `A12`.
pub fn application(id: i64) -> String {
    format!("A{id}")
}

/// A question's number as shown: `Q4`.
pub fn question(id: i64) -> String {
    format!("Q{id}")
}

/// A safety flag's number as shown: `F3`.
pub fn flag(id: i64) -> String {
    format!("F{id}")
}

/// What a typed letter names, for the refusal of a wrong one; `None`: no letter of ours.
fn letter_said(letter: char) -> Option<Text> {
    match letter {
        'a' => Some(Text::msg("number-is-application")),
        'p' => Some(Text::msg("number-is-proposal")),
        'm' => Some(Text::msg("number-is-match")),
        'q' => Some(Text::msg("number-is-question")),
        'f' => Some(Text::msg("number-is-flag")),
        _ => None,
    }
}

/// Reads a number typed where `kind` is expected: `12`, `#12`, or with a letter (`A12`;
/// `P3` or `M3`), in any case. `None`: not a number at all (the command's usage applies);
/// `Some(Err)`: a number of another kind, with what was expected.
pub fn read(word: &str, kind: Numbered) -> Option<Result<i64, Text>> {
    let w = word.trim().trim_start_matches('#');
    let positive = |digits: &str| {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<i64>().ok())
            .flatten()
            .filter(|n| *n > 0)
    };
    if let Some(n) = positive(w) {
        return Some(Ok(n));
    }
    let mut chars = w.chars();
    let letter = chars.next()?.to_ascii_lowercase();
    let n = positive(chars.as_str())?;
    if kind.letters().contains(&letter) {
        return Some(Ok(n));
    }
    Some(Err(Text::msg("number-wrong-kind")
        .arg("number", w.to_uppercase())
        .arg("is", letter_said(letter)?)
        .arg("expected", kind.said())))
}

/// Reads a number where `kind` is expected, or says how to use the command (`usage`) when
/// the word is no number at all.
pub fn read_or(word: &str, kind: Numbered, usage: Text) -> Result<i64, Text> {
    read(word, kind).unwrap_or(Err(usage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_read_bare_with_a_hash_or_with_its_letter_in_any_case() {
        for typed in ["12", "#12", "A12", "a12", "#A12"] {
            assert_eq!(read(typed, Numbered::Application), Some(Ok(12)), "{typed}");
        }
        for typed in ["7", "M7", "m7", "P7", "p7"] {
            assert_eq!(read(typed, Numbered::Match), Some(Ok(7)), "{typed}");
        }
    }

    #[test]
    fn a_number_of_another_kind_is_refused_saying_what_was_expected() {
        let refusal = read("M3", Numbered::Application)
            .unwrap()
            .unwrap_err()
            .english();
        assert_eq!(
            refusal,
            "M3 is a match; this command takes an application number (like A12)."
        );
        let refusal = read("a3", Numbered::Match).unwrap().unwrap_err();
        assert!(
            refusal.english().starts_with("A3 is an application"),
            "{refusal}"
        );
        assert_eq!(
            refusal.ids(),
            vec![
                "number-wrong-kind",
                "number-is-application",
                "number-takes-match"
            ]
        );
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(
            refusal.render(es),
            "A3 es una solicitud; este comando espera un número de emparejamiento o de propuesta (como M7 o P3)."
        );
    }

    #[test]
    fn words_that_are_no_number_are_left_to_the_commands_usage() {
        for typed in [
            "", "all", "A", "A-3", "0", "A0", "x12", "12a", "1.5", "Amina",
        ] {
            assert_eq!(read(typed, Numbered::Application), None, "{typed}");
        }
        assert_eq!(
            read_or("all", Numbered::Match, Text::plain("Usage: x")),
            Err(Text::plain("Usage: x"))
        );
    }

    #[test]
    fn an_application_number_is_shown_with_its_letter() {
        assert_eq!(application(12), "A12");
    }
}
