//! `[translations.<tag>]` in a programme file: the programme's own texts in another
//! language, in the shape of the file itself (`name`, `[translations.es.texts]`,
//! `[translations.es.roles.mentee.questions.goals]` with `label`, `prompt`, `help`,
//! `choices` in the question's order, `[translations.es.roles.mentee.screening.rules.too_young]`
//! with `reason`). Read into `domain::translations::Translations`; a text that is not in
//! the programme, a list of the wrong length or a language Tandem does not speak is an
//! error at its line. A text left untranslated is said in the file's own words.
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
            kept && !text.trim().is_empty()
        });
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

/// Where the last word of `path` is written after `from` (the translation's table), for
/// a message at the right line.
fn find_after(source: &str, from: usize, path: &str) -> usize {
    let word = path
        .rsplit('.')
        .find(|w| w.parse::<usize>().is_err())
        .unwrap_or(path);
    source
        .get(from..)
        .and_then(|rest| rest.find(word))
        .map_or(from, |i| from + i)
}
