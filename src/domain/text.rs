//! Text hygiene shared by every flow: cleaning what people type, and finding the closest
//! known word to a typo.

/// Removes control characters people cannot mean to send (NUL, escape sequences, bell),
/// keeps line breaks when `multiline`, and trims. Right-to-left marks and other format
/// characters are kept: they are part of how RTL text is written.
pub fn clean(input: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        match ch {
            '\n' if multiline => out.push('\n'),
            '\r' => {}
            '\t' | '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if multiline {
        // Trim each line's trailing spaces and collapse runs of blank lines.
        let mut lines: Vec<&str> = Vec::new();
        for line in out.lines().map(str::trim_end) {
            if line.is_empty() && lines.last().is_some_and(|l| l.is_empty()) {
                continue;
            }
            lines.push(line);
        }
        lines.join("\n").trim().to_string()
    } else {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The first digit (zero) of each block of decimal digits people type besides `0`–`9`:
/// Arabic-Indic, Eastern Arabic-Indic (Persian, Urdu), N'Ko, Devanagari, Bengali,
/// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Tibetan,
/// Myanmar, Khmer, Mongolian, and the full-width digits of East Asian keyboards.
const ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The ASCII character a typed one stands for in numbers: a digit of any script, and the
/// Arabic decimal separator and percent sign. `None`: it stands for itself.
fn western(c: char) -> Option<char> {
    let code = c as u32;
    if let Some(zero) = ZEROS.iter().find(|&&z| (z..z + 10).contains(&code)) {
        return char::from_digit(code - zero, 10);
    }
    match c {
        '\u{066B}' => Some('.'),
        '\u{066A}' => Some('%'),
        _ => None,
    }
}

/// Unicode's directional isolates (U+2066–U+2069): Tandem puts them around the values in
/// its right-to-left messages, so a command copied from one carries them.
fn isolate(c: char) -> bool {
    ('\u{2066}'..='\u{2069}').contains(&c)
}

/// What a person typed, as Tandem reads it: every digit of another script written `0`–`9`
/// (`٣`, `۳`, `３` read as `3`) and directional isolates dropped; `None` when there is
/// nothing to change. Applied once, where a message arrives: the words and letters are
/// theirs as typed, and everyone reading it later (coordinators included) reads the same
/// digits.
pub fn as_read(text: &str) -> Option<String> {
    if text.is_ascii() || !text.chars().any(|c| western(c).is_some() || isolate(c)) {
        return None;
    }
    Some(
        text.chars()
            .filter(|c| !isolate(*c))
            .map(|c| western(c).unwrap_or(c))
            .collect(),
    )
}

/// Number of characters (Unicode scalar values), which is what people count.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `12345` → `12,345`, for messages about lengths.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A file's size in its unit: bytes, whole kilobytes (rounded up), or megabytes to a
/// tenth (rounded up) as whole and tenths (powers of 1,024).
enum Size {
    Bytes(u64),
    Kb(u64),
    Mb(u64, u64),
}

fn size(bytes: u64) -> Size {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        Size::Bytes(bytes)
    } else if bytes < MB {
        Size::Kb(bytes.div_ceil(KB))
    } else {
        // Whole megabytes, then the rest: `bytes * 10` would overflow for the largest sizes.
        let tenths = bytes / MB * 10 + (bytes % MB * 10).div_ceil(MB);
        Size::Mb(tenths / 10, tenths % 10)
    }
}

/// A file's size for people: `900 bytes`, `120 KB`, `2.5 MB` (powers of 1,024).
pub fn file_size(bytes: u64) -> String {
    match size(bytes) {
        Size::Bytes(n) => format!("{n} bytes"),
        Size::Kb(n) => format!("{n} KB"),
        Size::Mb(n, 0) => format!("{n} MB"),
        Size::Mb(n, tenths) => format!("{n}.{tenths} MB"),
    }
}

/// [`file_size`] in the reader's language (`2,5 MB` in Spanish).
pub fn said_file_size(bytes: u64) -> crate::i18n::Text {
    use crate::i18n::Text;
    let n = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    match size(bytes) {
        Size::Bytes(count) => Text::msg("file-size-bytes").arg("count", n(count)),
        Size::Kb(kb) => Text::msg("file-size-kb").arg("kb", n(kb)),
        Size::Mb(mb, 0) => Text::msg("file-size-mb").arg("mb", n(mb)),
        Size::Mb(mb, tenths) => Text::msg("file-size-mb-tenths")
            .arg("mb", n(mb))
            .arg("tenths", n(tenths)),
    }
}

/// Edit distance between two short words (insertions, deletions, substitutions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    // Prefixes count as close: "sta" → "status".
    if word.len() >= 2
        && let Some(c) = candidates.iter().find(|c| c.starts_with(&word))
    {
        return Some(c);
    }
    candidates
        .iter()
        .map(|c| (edit_distance(&word, c), *c))
        .filter(|(d, c)| *d <= 2.min(c.len() / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Shortens text for a one-line preview.
pub fn preview(s: &str, max_chars: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if char_len(&one_line) <= max_chars {
        one_line
    } else {
        let cut: String = one_line.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// `s` folded for comparing what people type with what is offered: lower case, accents
/// and other combining marks dropped (`Éducation` → `education`), as Unicode NFD splits them.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `s` (runs of letters and digits), folded as [`fold`] does.
pub fn fold_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text` with every whole-word, case-insensitive occurrence of `word` replaced by
/// `[erased]`; `None` when there is none.
pub fn replace_word(text: &str, word: &str) -> Option<String> {
    let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::new();
    let mut last = 0;
    let mut from = 0;
    while let Some((i, j)) = next_word(&chars, &word, from) {
        out.push_str(&text[last..chars[i].0]);
        out.push_str("[erased]");
        last = chars.get(j).map_or(text.len(), |c| c.0);
        from = j;
    }
    (from > 0).then(|| {
        out.push_str(&text[last..]);
        out
    })
}

/// Whether `word` occurs in `text` as a whole word, whatever the case (as [`replace_word`]
/// finds it), without building the replaced text.
pub fn contains_word(text: &str, word: &str) -> bool {
    let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    next_word(&chars, &word, 0).is_some()
}

/// The next whole-word occurrence of `word` (lower-cased) in `chars`, at or after the
/// character `from`: its first and past-the-end character positions. `text` is compared
/// lower-cased one character at a time, so a character that lowers to two still matches.
fn next_word(chars: &[(usize, char)], word: &[char], from: usize) -> Option<(usize, usize)> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric();
    (from..chars.len()).find_map(|i| {
        if i > 0 && is_word(chars[i - 1].1) {
            return None;
        }
        let (mut j, mut k) = (i, 0);
        while j < chars.len() && k < word.len() {
            let lower: Vec<char> = chars[j].1.to_lowercase().collect();
            if word.get(k..k + lower.len()) != Some(lower.as_slice()) {
                break;
            }
            k += lower.len();
            j += 1;
        }
        let after_ok = j >= chars.len() || !is_word(chars[j].1);
        (k == word.len() && after_ok && j > i).then_some((i, j))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_only_whole_and_in_any_case() {
        assert!(contains_word("I think Mo said it", "mo"));
        assert!(contains_word("mo.", "Mo"));
        assert!(!contains_word("on Monday", "mo"));
        assert!(!contains_word("my mom", "mo"));
        assert!(contains_word(
            "it was maureen okafor, twice",
            "Maureen Okafor"
        ));
        assert!(!contains_word("Maureen", "Maureen Okafor"));
        assert!(contains_word("ÉLODIE was there", "élodie"));
        assert!(!contains_word("anything", ""));
        assert!(contains_word("@mo:example.org wrote", "@mo:example.org"));
    }

    #[test]
    fn folding_ignores_case_and_accents_and_words_are_split_on_anything_else() {
        assert_eq!(fold("Éducation SANTÉ"), "education sante");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(
            fold_words("Working, but looking-for más"),
            ["working", "but", "looking", "for", "mas"]
        );
        assert!(fold_words(" ,; ").is_empty());
    }

    #[test]
    fn file_sizes_read_as_bytes_kilobytes_or_megabytes() {
        assert_eq!(file_size(900), "900 bytes");
        assert_eq!(file_size(120 * 1024), "120 KB");
        assert_eq!(file_size(1025), "2 KB");
        assert_eq!(file_size(10 * 1024 * 1024), "10 MB");
        assert_eq!(file_size(5 * 1024 * 1024 / 2), "2.5 MB");
        assert_eq!(file_size(1024 * 1024 + 1), "1.1 MB");
    }

    #[test]
    fn a_file_size_is_said_in_the_readers_language_and_as_before_in_english() {
        for bytes in [
            2,
            900,
            120 * 1024,
            1025,
            10 * 1024 * 1024,
            5 * 1024 * 1024 / 2,
            u64::MAX,
        ] {
            assert_eq!(said_file_size(bytes).english(), file_size(bytes), "{bytes}");
        }
        assert_eq!(said_file_size(1).english(), "1 byte");
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(said_file_size(5 * 1024 * 1024 / 2).render(es), "2,5 MB");
    }

    #[test]
    fn the_largest_file_size_a_platform_can_claim_is_written_not_a_panic() {
        assert_eq!(file_size(u64::MAX), "17592186044416 MB");
    }

    #[test]
    fn digits_of_every_script_read_as_ascii_and_isolates_are_dropped_but_letters_are_kept() {
        assert_eq!(as_read("عمري ١٩ سنة").as_deref(), Some("عمري 19 سنة"));
        assert_eq!(as_read("۱۴۰۳").as_deref(), Some("1403"));
        assert_eq!(as_read("३.५").as_deref(), Some("3.5"));
        assert_eq!(as_read("٣٫٥٪").as_deref(), Some("3.5%"));
        assert_eq!(as_read("ｗｏｒｄ　３").as_deref(), Some("ｗｏｒｄ　3"));
        assert_eq!(as_read("edit \u{2068}2\u{2069}").as_deref(), Some("edit 2"));
        assert_eq!(as_read("plain 42"), None);
        assert_eq!(as_read("مرحبا"), None);
    }

    #[test]
    fn clean_strips_control_characters_but_keeps_rtl_text() {
        assert_eq!(clean("he\u{0}llo\u{7}\u{1b}[31m", false), "hello[31m");
        let arabic = "\u{200f}مرحبا بالعالم";
        assert_eq!(clean(arabic, false), arabic);
    }

    #[test]
    fn clean_keeps_line_breaks_only_for_long_text() {
        assert_eq!(clean("a\r\nb\n\n\n c ", true), "a\nb\n\n c");
        assert_eq!(clean("a\nb\tc", false), "a b c");
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(102400), "102,400");
    }

    #[test]
    fn closest_suggests_a_command_for_a_typo() {
        let cmds = ["help", "apply", "status", "cancel"];
        assert_eq!(closest("aply", &cmds), Some("apply"));
        assert_eq!(closest("stauts", &cmds), Some("status"));
        assert_eq!(closest("sta", &cmds), Some("status"));
        assert_eq!(closest("banana", &cmds), None);
    }

    #[test]
    fn preview_shortens_long_text() {
        assert_eq!(preview("a  b\nc", 10), "a b c");
        assert_eq!(preview("abcdefghijkl", 5), "abcd…");
    }

    #[test]
    fn names_are_found_and_erased_as_whole_words_in_any_case() {
        assert_eq!(
            replace_word("Amina said amina's CV; AMINA!", "Amina").as_deref(),
            Some("[erased] said [erased]'s CV; [erased]!")
        );
        assert_eq!(replace_word("Also Alba", "Al"), None);
        assert_eq!(
            replace_word("Zoë and ZOË", "zoë").as_deref(),
            Some("[erased] and [erased]")
        );
        assert_eq!(
            replace_word("by console:amina today", "console:amina").as_deref(),
            Some("by [erased] today")
        );
        assert!(contains_word("Grace made me uncomfortable", "grace"));
        assert!(!contains_word("Graceful exit", "grace"));
    }
}
