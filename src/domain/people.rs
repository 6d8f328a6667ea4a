//! People as staff type them in commands, and the people Tandem knows by them.
//!
//! A moderator writes a person however their chat shows them: a Matrix id
//! (`@tom:example.org`) or `matrix.to` link, a Discord mention (`<@123>`), `platform:id`,
//! an application number (`A12` or `#12`), or a name (the one on their application, or a console
//! name). [`parse_person`] reads what was typed; the app then looks the person up among
//! those Tandem knows (applicants and staff), and a command acts only on exactly one
//! [`KnownPerson`]: nobody, or several, is refused with a clear message rather than
//! recorded against an id that names no one.
//!
//! To accept a new way of writing a person, add it to [`parse_person`] with a test.

use super::{Platform, UserRef};
use crate::i18n::Text;

/// A person as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonRef {
    /// A platform id, normalised as the platform delivers it (`@tom:example.org`, `123`).
    User(UserRef),
    /// An application's number.
    Application(i64),
    /// A name: the one on an application, or an id on the typist's own platform.
    Name(String),
}

/// Reads a person as typed by someone on `platform`.
pub fn parse_person(typed: &str, platform: Platform) -> PersonRef {
    let t = typed.trim();
    // A matrix.to link: https://matrix.to/#/@tom:example.org (perhaps with ?via=...).
    if let Some(rest) = t
        .strip_prefix("https://matrix.to/#/")
        .or_else(|| t.strip_prefix("matrix.to/#/"))
    {
        let id = rest.split(['?', '/']).next().unwrap_or_default();
        let id = percent_decoded(id);
        if is_matrix_id(&id) {
            return PersonRef::User(UserRef::new(Platform::Matrix, id));
        }
    }
    if is_matrix_id(t) {
        return PersonRef::User(UserRef::new(Platform::Matrix, t));
    }
    // A Discord mention: <@123> or the older <@!123>.
    if let Some(id) = t
        .strip_prefix("<@")
        .and_then(|r| r.strip_suffix('>'))
        .map(|r| r.trim_start_matches('!'))
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
    {
        return PersonRef::User(UserRef::new(Platform::Discord, id));
    }
    // An application's number, `#12` or `A12` (a bare number is no one's name).
    if t.starts_with(['#', 'a', 'A'])
        && let Some(Ok(n)) = super::numbers::read(t, super::numbers::Numbered::Application)
    {
        return PersonRef::Application(n);
    }
    if let Some((p, id)) = t.split_once(':')
        && let Ok(p) = p.parse::<Platform>()
        && !id.is_empty()
    {
        return PersonRef::User(UserRef::new(p, id));
    }
    // A bare Discord id (Discord's "copy user id").
    if platform == Platform::Discord && t.len() >= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        return PersonRef::User(UserRef::new(Platform::Discord, t));
    }
    PersonRef::Name(t.trim_start_matches('@').to_string())
}

fn is_matrix_id(t: &str) -> bool {
    t.strip_prefix('@')
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(local, server)| {
            !local.is_empty() && !server.is_empty() && !t.contains(char::is_whitespace)
        })
}

/// `%40tom%3Aexample.org` → `@tom:example.org` (links copied from some clients).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Someone Tandem knows, found by what a staff member typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub user: UserRef,
    /// The name on their newest application, if they applied.
    pub name: Option<String>,
    /// Their applications' numbers, newest first.
    pub applications: Vec<i64>,
    /// The pair rooms they are in (their active matches' rooms), where the app looked.
    pub rooms: Vec<String>,
}

impl KnownPerson {
    /// `Tom Hill (console:tom, application A4)`, to confirm who an action is about, in
    /// the reader's language.
    pub fn said(&self) -> Text {
        let numbers = self
            .applications
            .iter()
            .map(|a| super::numbers::application(*a))
            .collect::<Vec<_>>()
            .join(", ");
        let user = self.user.to_string();
        match (&self.name, self.applications.len()) {
            (Some(name), 0) => Text::msg("person-named")
                .arg("name", name)
                .arg("user", user),
            (Some(name), count) => Text::msg("person-named-applications")
                .arg("name", name)
                .arg("user", user)
                .arg("count", count)
                .arg("numbers", numbers),
            (None, 0) => Text::plain(user),
            (None, count) => Text::msg("person-applications")
                .arg("user", user)
                .arg("count", count)
                .arg("numbers", numbers),
        }
    }

    /// The same in English, for a case's record (kept as written).
    pub fn describe(&self) -> String {
        let apps = match self.applications.as_slice() {
            [] => String::new(),
            [one] => format!(", application A{one}"),
            many => format!(
                ", applications {}",
                many.iter()
                    .map(|a| format!("A{a}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        match &self.name {
            Some(name) => format!("{name} ({}{apps})", self.user),
            None => format!("{}{apps}", self.user),
        }
    }
}

/// Whether `person` is who `name` (a [`PersonRef::Name`]) means: their application's name
/// or first name (any case), their id, or a Matrix id's local part.
pub fn answers_to(person: &KnownPerson, name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() {
        return false;
    }
    let id = &person.user.id;
    let local = id
        .strip_prefix('@')
        .and_then(|r| r.split_once(':'))
        .map(|(l, _)| l);
    person.name.as_deref().is_some_and(|n| {
        n.eq_ignore_ascii_case(name)
            || n.to_lowercase() == name.to_lowercase()
            || n.split_whitespace()
                .next()
                .is_some_and(|first| first.to_lowercase() == name.to_lowercase())
    }) || id.eq_ignore_ascii_case(name)
        || local.is_some_and(|l| l.eq_ignore_ascii_case(name))
}

/// Whether a search for `typed` (`who <typed>`) finds this person: who they answer to, or
/// part of their name or id (two letters at least), in any case.
pub fn fits(person: &KnownPerson, typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    answers_to(person, &typed)
        || (typed.chars().count() >= 2
            && (person
                .name
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(&typed))
                || person.user.id.to_lowercase().contains(&typed)))
}

/// What to say when a typed person matches nobody, or several people.
pub fn not_one(typed: &str, found: &[KnownPerson]) -> Option<Text> {
    match found {
        [_] => None,
        [] => Some(Text::msg("person-unknown").arg("typed", typed)),
        many => Some(Text::msg("person-ambiguous").arg("typed", typed).arg(
            "people",
            Text::join(many.iter().map(KnownPerson::said).collect(), "; "),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(p: Platform, id: &str) -> PersonRef {
        PersonRef::User(UserRef::new(p, id))
    }

    #[test]
    fn every_way_a_chat_shows_a_person_is_read_as_that_person() {
        let m = Platform::Matrix;
        assert_eq!(
            parse_person("@tom:example.org", m),
            user(m, "@tom:example.org")
        );
        assert_eq!(
            parse_person("https://matrix.to/#/@tom:example.org?via=example.org", m),
            user(m, "@tom:example.org")
        );
        assert_eq!(
            parse_person("https://matrix.to/#/%40tom%3Aexample.org", m),
            user(m, "@tom:example.org")
        );
        assert_eq!(
            parse_person("<@123456789012345678>", Platform::Discord),
            user(Platform::Discord, "123456789012345678")
        );
        assert_eq!(
            parse_person("<@!42>", m),
            user(Platform::Discord, "42"),
            "a mention is Discord's wherever it is pasted"
        );
        assert_eq!(
            parse_person("123456789012345678", Platform::Discord),
            user(Platform::Discord, "123456789012345678")
        );
        assert_eq!(
            parse_person("matrix:@tom:example.org", Platform::Console),
            user(m, "@tom:example.org")
        );
        assert_eq!(
            parse_person("console:tom", m),
            user(Platform::Console, "tom")
        );
        assert_eq!(parse_person("#12", m), PersonRef::Application(12));
        assert_eq!(parse_person("A12", m), PersonRef::Application(12));
        assert_eq!(parse_person("Ada", m), PersonRef::Name("Ada".into()));
        assert_eq!(parse_person("#0", m), PersonRef::Name("#0".into()));
        assert_eq!(parse_person("@tom", m), PersonRef::Name("tom".into()));
        assert_eq!(parse_person("Tom", m), PersonRef::Name("Tom".into()));
        assert_eq!(parse_person("<@abc>", m), PersonRef::Name("<@abc>".into()));
    }

    #[test]
    fn a_name_means_the_application_name_the_first_name_or_the_id() {
        let tom = KnownPerson {
            user: UserRef::new(Platform::Matrix, "@tom:example.org"),
            name: Some("Tom Hill".into()),
            applications: vec![4],
            rooms: vec![],
        };
        for name in ["Tom Hill", "tom hill", "tom", "TOM", "@tom:example.org"] {
            assert!(answers_to(&tom, name), "{name}");
        }
        for name in ["Hill", "to", "", "example.org"] {
            assert!(!answers_to(&tom, name), "{name}");
        }
        assert_eq!(
            tom.describe(),
            "Tom Hill (matrix:@tom:example.org, application A4)"
        );
        assert_eq!(tom.said().english(), tom.describe());
        assert!(not_one("tom", std::slice::from_ref(&tom)).is_none());
        assert!(
            not_one("tom", &[])
                .unwrap()
                .english()
                .starts_with("I don't know anyone called “tom”")
        );
        let both = not_one("tom", &[tom.clone(), tom]).unwrap();
        assert!(both.english().contains("could be any of"), "{both}");
        let es = crate::i18n::Locale::from_tag("es").unwrap();
        assert_eq!(
            both.render(es),
            "«tom» podría ser cualquiera de: Tom Hill (matrix:@tom:example.org, solicitud A4); \
             Tom Hill (matrix:@tom:example.org, solicitud A4). Usa su número de solicitud o su id."
        );
    }
}
