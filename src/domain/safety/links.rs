//! Addresses in a message: links (to a chat app or social network, to the programme's own
//! site, or elsewhere), e-mail addresses (also written out: `name at domain dot com`,
//! `nombre arroba dominio punto com`, `name [at] domain [dot] com`) and `@handles`.
//!
//! Links to the programme's own domains are passed over (an allowed entry is a host, which
//! covers its subdomains, optionally with a path: `discord.gg/pathways`). Every link and
//! address found, flagged or not, is masked from the phone-number search, so the digits of
//! `https://zoom.us/j/98765432101` are no phone number. To flag another app's links, add
//! its domain to [`APP_DOMAINS`].

use std::ops::Range;

use super::phrases::{is_app, is_plain_app};
use super::tokens::Token;

/// Hosts (and subdomains) of chat apps and social networks; an entry with a path flags
/// only links under it.
pub const APP_DOMAINS: &[&str] = &[
    "whatsapp.com",
    "wa.me",
    "t.me",
    "telegram.me",
    "telegram.dog",
    "snapchat.com",
    "instagram.com",
    "instagr.am",
    "ig.me",
    "tiktok.com",
    "discord.gg",
    "discord.com/invite",
    "discord.com/users",
    "discordapp.com/invite",
    "discord.me",
    "signal.me",
    "signal.group",
    "facebook.com",
    "fb.com",
    "fb.me",
    "m.me",
    "messenger.com",
    "twitter.com",
    "x.com",
    "kik.me",
    "line.me",
    "wechat.com",
    "weixin.qq.com",
    "viber.com",
    "join.skype.com",
    "threads.net",
    "linktr.ee",
    "onlyfans.com",
    "kik.com",
    "telegram.org/dl",
    "snap.com",
];

/// Mail providers: `name at gmail` is an address even without `.com`.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "yahoo",
    "outlook",
    "icloud",
    "live",
    "protonmail",
    "proton",
    "aol",
    "gmx",
    "yandex",
    "msn",
    "me",
    "mail",
];

/// Top-level domains a link written without `http://` or `www.` must end in to be read as
/// a link (so `file.txt` or `end.Next` is not).
const COMMON_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "io", "co", "me", "gg", "app", "ly", "am", "be", "tv", "us",
    "uk", "es", "mx", "ar", "cl", "pe", "ve", "ec", "bo", "py", "uy", "br", "pt", "fr", "de", "it",
    "nl", "ie", "ca", "au", "nz", "in", "pk", "sa", "ae", "eg", "ma", "dz", "tn", "jo", "lb", "iq",
    "qa", "kw", "om", "bh", "sy", "ps", "ye", "ly", "sd", "tr", "ng", "ke", "za", "gh", "info",
    "biz", "dev", "xyz", "online", "site", "link", "ee", "to", "cc", "ru", "cn", "jp", "kr", "ph",
    "id", "my", "sg", "eu", "ch", "at", "se", "no", "dk", "fi", "pl", "gt", "hn", "sv", "ni", "cr",
    "pa", "do", "cu", "pr",
];

/// What the address pass found: flagged e-mails and app links, and every range the phone
/// search must pass over.
#[derive(Debug, Default)]
pub struct Found {
    pub emails: Vec<Range<usize>>,
    pub app_links: Vec<Range<usize>>,
    pub masked: Vec<Range<usize>>,
}

/// The links and addresses in `text`, given the programme's `allowed` entries (folded to
/// lower case, without scheme or `www.`).
pub fn find(text: &str, tokens: &[Token], allowed: &[String]) -> Found {
    let mut found = Found::default();
    for (span, chunk) in chunks(text) {
        let lower = chunk.to_lowercase().replace('＠', "@");
        let (rest, scheme) = strip_scheme(&lower);
        let at = rest.find('@');
        let slash = rest.find('/');
        if !scheme && at.is_some_and(|a| a > 0 && slash.is_none_or(|s| a < s)) {
            let a = at.unwrap_or(0);
            if let Some(domain) = email_domain(&rest[..a], &rest[a + 1..]) {
                found.masked.push(span.clone());
                if !is_allowed(&domain, "", allowed) {
                    found.emails.push(span);
                }
                continue;
            }
        }
        let Some((host, path)) = link(rest, scheme) else {
            continue;
        };
        found.masked.push(span.clone());
        if is_allowed(&host, &path, allowed) {
            continue;
        }
        if APP_DOMAINS.iter().any(|d| under(&host, &path, d)) {
            found.app_links.push(span);
        }
    }
    found
        .emails
        .extend(spelt_emails(tokens, &found.masked, allowed));
    let spelt = found.emails.clone();
    found.masked.extend(spelt);
    found
}

/// Whitespace-separated pieces of `text` with their spans, without the punctuation around
/// them.
fn chunks(text: &str) -> Vec<(Range<usize>, &str)> {
    const AROUND: &[char] = &[
        '"', '\'', '(', ')', '[', ']', '{', '}', '<', '>', ',', ';', '!', '?', '¡', '¿', '«', '»',
        '“', '”', '‘', '’', '.', ':', '،', '؟', '*', '_', '。', '、',
    ];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                let piece = &text[s..i];
                let lead = piece.len() - piece.trim_start_matches(AROUND).len();
                let trimmed = piece.trim_start_matches(AROUND).trim_end_matches(AROUND);
                if !trimmed.is_empty() {
                    out.push((s + lead..s + lead + trimmed.len(), trimmed));
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn strip_scheme(s: &str) -> (&str, bool) {
    for p in ["https://", "http://", "mailto:", "ftp://"] {
        if let Some(rest) = s.strip_prefix(p) {
            return (rest.strip_prefix("www.").unwrap_or(rest), true);
        }
    }
    match s.strip_prefix("www.") {
        Some(rest) => (rest, true),
        None => (s, false),
    }
}

fn is_host(h: &str) -> bool {
    let labels: Vec<&str> = h.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !l.starts_with('-')
        })
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic))
}

/// The domain of `local@domain`, if it is an e-mail address.
fn email_domain(local: &str, domain: &str) -> Option<String> {
    let local_ok = local
        .chars()
        .all(|c| c.is_alphanumeric() || "._%+-".contains(c));
    let domain = domain.trim_end_matches(['.', ',', ';', ':', ')']);
    (local_ok && (is_host(domain) || MAIL_PROVIDERS.contains(&domain))).then(|| domain.to_string())
}

/// The host and path of a link (`rest` without its scheme), if it is one.
fn link(rest: &str, scheme: bool) -> Option<(String, String)> {
    let cut = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..cut].split(':').next().unwrap_or("");
    if !is_host(host) {
        return None;
    }
    let known = APP_DOMAINS.iter().any(|d| under(host, &rest[cut..], d));
    let tld = host.rsplit('.').next().unwrap_or("");
    (scheme || known || COMMON_TLDS.contains(&tld))
        .then(|| (host.to_string(), rest[cut..].to_string()))
}

/// Whether `host` + `path` lies under `entry` (`host` or `host/path`).
fn under(host: &str, path: &str, entry: &str) -> bool {
    let (e_host, e_path) = match entry.find('/') {
        Some(i) => (&entry[..i], &entry[i..]),
        None => (entry, ""),
    };
    let host_ok = host == e_host || host.ends_with(&format!(".{e_host}"));
    host_ok && (e_path.is_empty() || path.starts_with(e_path))
}

fn is_allowed(host: &str, path: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|a| under(host, path, a))
}

/// Words that stand for `@` and `.` in an address written out.
const AT_WORDS: &[&str] = &["at", "arroba", "arobase", "chez", "arrobase", "ات"];
const DOT_WORDS: &[&str] = &[
    "dot", "punto", "point", "ponto", "punkt", "nokta", "نقطه", "دوت",
];
const BRACKETS: &[&str] = &["[", "]", "(", ")", "{", "}", "<", ">"];

/// E-mail addresses written out (`jake at gmail dot com`, `jake @ gmail . com`).
fn spelt_emails(
    tokens: &[Token],
    masked: &[Range<usize>],
    allowed: &[String],
) -> Vec<Range<usize>> {
    let is_masked = |t: &Token| masked.iter().any(|m| m.contains(&t.span.start));
    // The tokens without brackets: `[at]` reads `at`.
    let t: Vec<&Token> = tokens
        .iter()
        .filter(|t| !BRACKETS.contains(&t.folded.as_str()))
        .collect();
    let is_at = |x: &Token| (x.word && AT_WORDS.contains(&x.folded.as_str())) || x.is("@");
    let is_dot = |x: &Token| (x.word && DOT_WORDS.contains(&x.folded.as_str())) || x.is(".");
    let mut out = Vec::new();
    for k in 1..t.len().saturating_sub(1) {
        if !is_at(t[k])
            || is_masked(t[k])
            || is_masked(t[k + 1])
            || !t[k - 1].word
            || !t[k + 1].word
        {
            continue;
        }
        // The local part: words joined by `.`, `-`, `_` touching them.
        let mut first = k - 1;
        while first >= 2
            && (t[first - 1].is(".") || t[first - 1].is("-"))
            && t[first - 1].span.end == t[first].span.start
            && t[first - 2].word
            && t[first - 2].span.end == t[first - 1].span.start
        {
            first -= 2;
        }
        let mut labels = vec![t[k + 1].folded.clone()];
        let mut last = k + 1;
        while t.get(last + 1).is_some_and(|d| is_dot(d)) && t.get(last + 2).is_some_and(|w| w.word)
        {
            labels.push(t[last + 2].folded.clone());
            last += 2;
        }
        let tld = labels.last().map(String::as_str).unwrap_or("");
        let provider = MAIL_PROVIDERS.contains(&labels[0].as_str())
            && labels[0] != "me"
            && labels[0] != "mail"
            && labels[0] != "live";
        let is_address = (labels.len() >= 2 && COMMON_TLDS.contains(&tld)) || provider;
        if is_address && !is_allowed(&labels.join("."), "", allowed) {
            out.push(t[first].span.start..t[last].span.end);
        }
    }
    out
}

/// `@handles` to flag: a bare `@name` when the message names a chat app (or an app is
/// within a few words), and `app: name` when the name looks like a handle (`jake_09`).
pub fn handles(words: &[Token], masked: &[Range<usize>]) -> Vec<Range<usize>> {
    let is_masked = |t: &Token| masked.iter().any(|m| m.contains(&t.span.start));
    let names_app = words.iter().any(|w| is_plain_app(&w.folded));
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.is("@") && !is_masked(w) {
            let Some(name) = words
                .get(i + 1)
                .filter(|n| n.word && n.span.start == w.span.end)
            else {
                continue;
            };
            // A word right before the `@` makes it an address, not a handle.
            if i > 0 && words[i - 1].span.end == w.span.start && words[i - 1].word {
                continue;
            }
            let near = words[i.saturating_sub(4)..(i + 6).min(words.len())]
                .iter()
                .any(|x| is_app(&x.folded));
            if names_app || near {
                out.push(w.span.start..name.span.end);
            }
        } else if w.word && is_app(&w.folded) && !is_masked(w) {
            // `snap: jake_09`, `snap me: jake.r09`: a name of words joined by `.` or `_`.
            let mut j = i + 1;
            if words.get(j).is_some_and(|c| c.word && c.folded == "me") {
                j += 1;
            }
            if words.get(j).is_some_and(|c| c.is(":")) {
                j += 1;
            }
            let mut name = String::new();
            let mut last = None;
            while let Some(n) = words.get(j) {
                let touching = last.is_none_or(|l: usize| words[l].span.end == n.span.start);
                if !touching || !(n.word || n.is(".") || n.is("-")) {
                    break;
                }
                name.push_str(&n.folded);
                last = Some(j);
                j += 1;
            }
            if let Some(l) = last.filter(|_| handle_like(&name)) {
                out.push(w.span.start..words[l].span.end);
            }
        }
    }
    out
}

fn handle_like(word: &str) -> bool {
    let letters = word.chars().any(char::is_alphabetic);
    let marks = word
        .chars()
        .any(|c| c.is_ascii_digit() || c == '_' || c == '.');
    letters && marks
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn emails<'a>(text: &'a str, allowed: &[&str]) -> Vec<&'a str> {
        let allowed: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
        find(text, &tokens(text), &allowed)
            .emails
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn an_address_written_out_is_an_email_address() {
        assert_eq!(
            emails("mail me: jake.r at gmail dot com!", &[]),
            vec!["jake.r at gmail dot com"]
        );
        assert_eq!(
            emails("escríbeme a juan arroba hotmail punto es", &[]),
            vec!["juan arroba hotmail punto es"]
        );
        assert_eq!(
            emails("jake [at] proton [dot] me", &[]),
            vec!["jake [at] proton [dot] me"]
        );
        assert_eq!(emails("<Jake@Example.org>", &[]), vec!["Jake@Example.org"]);
        assert!(emails("see you at school", &[]).is_empty());
    }

    #[test]
    fn the_programmes_own_addresses_and_links_are_allowed() {
        assert!(
            emails(
                "write to mentors@pathways.example.org",
                &["pathways.example.org"]
            )
            .is_empty()
        );
        let text = "join https://discord.gg/pathways or https://discord.gg/xyz";
        let found = find(text, &tokens(text), &["discord.gg/pathways".to_string()]);
        let links: Vec<&str> = found.app_links.into_iter().map(|r| &text[r]).collect();
        assert_eq!(links, vec!["https://discord.gg/xyz"]);
    }
}
