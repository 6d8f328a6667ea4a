//! `[translations.<tag>]` in a programme file: the programme's own texts in another
//! language, in the shape of the file itself (`name`, `[translations.es.texts]`,
//! `[translations.es.roles.mentee.questions.goals]` with `label`, `prompt`, `help`,
//! `choices` in the question's order, `[translations.es.roles.mentee.screening.rules.too_young]`
//! with `reason`). Read into `domain::translations::Translations`; a text that is not in
//! the programme (or not yet said translated), a list of options of another length than
//! the question's or a language Tandem does not speak is an error at its line. A text
//! left untranslated is said in the file's own words.
//!
//! What can be translated is `domain::translations::translatable`.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use crate::domain::programme::Programme;
use crate::domain::translations::{Translations, translatable};
use crate::i18n::{Locale, SHIPPED};

/// The translations of `programme` as written; `err(offset, message)` hears each problem.
pub(super) fn read(
    raw: &BTreeMap<String, Spanned<toml::Value>>,
    programme: &Programme,
    source: &str,
    err: &mut dyn FnMut(usize, &str),
) -> Translations {
    let known: BTreeSet<String> = translatable(programme)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let mut all = BTreeMap::new();
    for (tag, value) in raw {
        let at = value.span().start;
        if Locale::from_tag(tag).is_none_or(|l| l.tag() != tag) {
            let shipped: Vec<&str> = SHIPPED.iter().map(|s| s.tag).collect();
            err(
                at,
                &format!(
                    "Tandem does not speak `{tag}`: translations are for {}",
                    shipped.join(", ")
                ),
            );
            continue;
        }
        let mut texts = BTreeMap::new();
        flatten(
            value.get_ref(),
            String::new(),
            &mut texts,
            &mut |path, problem| {
                err(find_after(source, at, path), &format!("{path}: {problem}"));
            },
        );
        texts.retain(|path, text| {
            let kept = known.contains(path);
            if !kept {
                err(
                    find_after(source, at, path),
                    &format!("{path}: the programme has no such text to translate"),
                );
            }
            // A resource's link in this language is a link like its own.
            let link = path.starts_with("resources.") && path.ends_with(".link");
            if kept && link && !super::resources::is_web_link(text.trim()) {
                err(
                    find_after(source, at, path),
                    &format!("{path}: a link must be an http or https address people can open"),
                );
                return false;
            }
            kept && !text.trim().is_empty()
        });
        // A list of options is translated whole: the same options, in the same order.
        for (list, wanted) in lists(&known) {
            let given = texts.keys().filter(|p| in_list(p, &list)).count();
            if given > 0 && given != wanted {
                err(
                    find_after(source, at, &format!("{list}.0")),
                    &format!(
                        "{list}: {given} translated, the question has {wanted}: translate each, in order"
                    ),
                );
            }
        }
        all.insert(tag.clone(), texts);
    }
    Translations(all)
}

/// Every string under `value`, by its dotted path (a list's items by their position).
fn flatten(
    value: &toml::Value,
    path: String,
    out: &mut BTreeMap<String, String>,
    problem: &mut dyn FnMut(&str, &str),
) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        toml::Value::String(s) => {
            out.insert(path, s.trim().to_string());
        }
        toml::Value::Table(table) => {
            for (key, v) in table {
                flatten(v, join(key), out, problem);
            }
        }
        toml::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, join(&i.to_string()), out, problem);
            }
        }
        _ => problem(&path, "a translation is text"),
    }
}

/// Each list of translatable items (`….choices`) with how many items it has.
fn lists(known: &BTreeSet<String>) -> BTreeMap<String, usize> {
    let mut lists = BTreeMap::new();
    for path in known {
        if let Some((list, last)) = path.rsplit_once('.')
            && last.parse::<usize>().is_ok()
        {
            *lists.entry(list.to_string()).or_insert(0) += 1;
        }
    }
    lists
}

/// Whether `path` is an item of `list`.
fn in_list(path: &str, list: &str) -> bool {
    path.strip_prefix(list)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|i| i.parse::<usize>().is_ok())
}

/// Where the text at `path` is written, after `from` (the language's table): the key
/// below the longest table header the path begins with
/// (`[translations.es.roles.mentee.questions.goals]`), else the first of the path's words
/// found, for a message at its line.
fn find_after(source: &str, from: usize, path: &str) -> usize {
    let words: Vec<&str> = path
        .split('.')
        .filter(|w| w.parse::<usize>().is_err())
        .collect();
    let rest = source.get(from..).unwrap_or("");
    for cut in (1..words.len()).rev() {
        let header = format!(".{}]", words[..cut].join("."));
        if let Some(h) = rest.find(&header) {
            let below = &rest[h..];
            return from + h + below.find(words[cut]).unwrap_or(0);
        }
    }
    words
        .iter()
        .find_map(|w| rest.find(w))
        .map_or(from, |i| from + i)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The example programme without its own translations, and these in their place.
    fn source(translations: &str) -> String {
        let base = std::fs::read_to_string("config/programs/example.toml").unwrap();
        let base = base
            .split("\n[translations.es]")
            .next()
            .unwrap()
            .to_string();
        format!("{base}\n{translations}")
    }

    fn with(translations: &str) -> Result<crate::domain::Programme, String> {
        crate::config::parse_programme(Path::new("p.toml"), &source(translations))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_translation_of_a_text_the_programme_lacks_is_an_error_at_its_line() {
        let translations = "[translations.es.roles.mentee.questions.goals]\nprompt = \"¿Qué?\"\n\n[translations.es.roles.mentee.questions.gaols]\nprompt = \"¿Qué?\"\n";
        let err = with(translations).unwrap_err();
        assert!(
            err.contains("roles.mentee.questions.gaols.prompt: the programme has no such text"),
            "{err}"
        );
        // At the misspelt table's key.
        let line = source(translations)
            .lines()
            .position(|l| l.contains("questions.gaols]"))
            .unwrap()
            + 2;
        assert!(err.contains(&format!("p.toml:{line}:")), "{err}");
    }

    #[test]
    fn options_are_translated_all_in_order_and_only_into_a_language_tandem_speaks() {
        let err = with("[translations.es.roles.mentee.questions.goals]\nchoices = [\"CV\"]\n")
            .unwrap_err();
        assert!(err.contains("1 translated, the question has 6"), "{err}");
        let err = with("[translations.pt]\nname = \"Caminhos\"\n").unwrap_err();
        assert!(err.contains("Tandem does not speak `pt`"), "{err}");
        let ok = with("[translations.es]\nname = \"Caminos\"\n").unwrap();
        assert_eq!(
            ok.said_name()
                .render(crate::i18n::Locale::from_tag("es").unwrap()),
            "Caminos"
        );
    }

    #[test]
    fn the_example_programme_says_every_text_in_spanish_and_arabic() {
        let example = crate::config::parse_programme(
            Path::new("example.toml"),
            &std::fs::read_to_string("config/programs/example.toml").unwrap(),
        )
        .unwrap();
        let missing = crate::domain::translations::untranslated(&example);
        assert!(missing.is_empty(), "{missing:#?}");
        let tags: Vec<&str> = example.translations.languages().collect();
        assert_eq!(tags, ["ar", "es"]);
    }
}
