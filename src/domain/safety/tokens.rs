//! The words and signs of a message, each with its byte span in the original text, folded
//! for comparing (lower case, accents and Arabic short vowels dropped, apostrophes inside a
//! word removed: `Don't` reads `dont`, `أرسل` reads `ارسل`), and the value of a digit in
//! any script.
//!
//! Every rule of the detector reads these tokens rather than the raw text, so a rule never
//! cuts a character in two and every finding points back at the bytes it came from.

use std::ops::Range;

/// A word (a run of letters, digits, `_` and joined apostrophes) or one sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// Folded (see the module's docs); a sign is itself (`＠` reads `@`).
    pub folded: String,
    pub word: bool,
    /// For a word made of digits only (of one script or several): the digits in ASCII.
    pub digits: Option<String>,
}

impl Token {
    pub fn is(&self, sign: &str) -> bool {
        !self.word && self.folded == sign
    }
}

/// The tokens of `text`, in order; spaces are not tokens (they are between spans).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        if !is_word_char(c) {
            let folded = match c {
                '＠' => "@".to_string(),
                '．' | '。' => ".".to_string(),
                '：' => ":".to_string(),
                c => c.to_string(),
            };
            out.push(Token {
                span: i..i + c.len_utf8(),
                folded,
                word: false,
                digits: None,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut raw = String::from(c);
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                raw.push(d);
                end = j + d.len_utf8();
                chars.next();
            } else if is_apostrophe(d) {
                // An apostrophe joins a word only between two of its letters (`don't`).
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if e.is_alphabetic() && raw.ends_with(char::is_alphabetic) => {
                        chars.next();
                    }
                    _ => break,
                }
            } else if is_invisible(d) {
                chars.next();
            } else {
                break;
            }
        }
        let digits: Option<String> = raw
            .chars()
            .map(digit_value)
            .collect::<Option<Vec<u32>>>()
            .map(|ds| ds.iter().map(|d| char::from(b'0' + *d as u8)).collect());
        out.push(Token {
            span: i..end,
            folded: fold(&raw),
            word: true,
            digits,
        });
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// Characters that change nothing a reader sees (joiners, the Arabic tatweel).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{0640}' | '\u{00AD}'
    )
}

/// `s` folded for comparing: [`crate::domain::text::fold`], with the Arabic letters people
/// write interchangeably made one (`ة`/`ه`, `ى`/`ي`).
pub fn fold(s: &str) -> String {
    crate::domain::text::fold(s)
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect()
}

/// The first digit (zero) of each run of ten decimal digits people type: ASCII is
/// handled apart; these are Arabic-Indic, Persian, N'Ko, the Indic scripts, Thai, Lao,
/// Tibetan, Myanmar, Khmer, Mongolian, full-width and the mathematical digits.
const ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
];

/// The value of `c` as a decimal digit, in any of the scripts above.
pub fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let n = u32::from(c);
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&n))
        .map(|z| n - z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_any_script_read_as_ascii() {
        for (text, want) in [
            ("٠٥٥٥١٢٣", "0555123"),
            ("۰۹۱۲", "0912"),
            ("९१७", "917"),
            ("０８００", "0800"),
            ("১২৩", "123"),
            ("๑๒๓", "123"),
        ] {
            let t = tokens(text);
            assert_eq!(t.len(), 1, "{text}");
            assert_eq!(t[0].digits.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_word_with_an_apostrophe_folds_to_one_word_and_keeps_its_span() {
        let text = "Please DON’T tell, ok";
        let t = tokens(text);
        assert_eq!(t[1].folded, "dont");
        assert_eq!(&text[t[1].span.clone()], "DON’T");
        assert!(t[3].is(","));
    }

    #[test]
    fn arabic_hamza_and_short_vowels_are_folded_away() {
        let t = tokens("أَرْسِلْ صورة");
        assert_eq!(t[0].folded, "ارسل");
        assert_eq!(t[1].folded, "صوره");
    }
}
