//! Escaping Markdown in what is sent to Discord: people's words (names, reports) are
//! shown exactly as written, so a masked link or a heading in them cannot pass as the
//! bot's own in a staff channel; bare links stay clickable.
//!
//! To escape one more construct: its character in [`escape_markdown`] (or, for one that
//! only starts a line, its line marker), and a case in the tests below (and in the one
//! on what `super::render` sends).

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
