//! Reading a TOML file into the structs of `settings` and `programme` so that one mistake
//! hides no other: every unknown key (with the closest known key, when one is near),
//! every missing key and every value of the wrong type is reported, each with its line and
//! dotted key, and the checks after parsing still run on what could be read (but for
//! those that would speak of a value taken out for its type).
//!
//! The known keys are the structs' own: serde's `deny_unknown_fields` names them in its
//! error, so there is no second list to keep in step with the structs. Serde stops at the
//! first problem, so the file is parsed once into a spanned document and deserialized
//! again after each problem with the offending entry taken out: an unknown or ill-typed key
//! is dropped (its default applies, if it has one), and a table left without a required
//! key is dropped whole (an optional section is then absent, a question left out). The
//! spans are the file's throughout, so every line and column is the file's too.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeArray, DeTable, DeValue};

use super::*;

/// More problems than this in one file are not worth listing one by one.
const MAX_PROBLEMS: usize = 100;

/// One step of a path into the document: a table's key or an array's index.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// What reading a file found, to be joined with what the checks after it find.
#[derive(Debug)]
pub(super) struct Found {
    errors: Vec<ConfigError>,
    /// Values of the wrong type that were taken out, as (their table, dotted; their key).
    ill_typed: Vec<(String, String)>,
}

impl Found {
    /// Every problem of the file, in the order of its lines: those found reading it and
    /// those `checks` found in what was read, but for a check that speaks of a value taken
    /// out for its type (one at its key, or naming it in its table: a number question
    /// “needs both `min` and `max`” when `min` was a word), which is said once it is fixed.
    pub(super) fn with(self, checks: Vec<ConfigError>) -> Vec<ConfigError> {
        let speaks_of_taken_out = |e: &ConfigError| {
            self.ill_typed.iter().any(|(table, key)| {
                let (in_table, full) = if table.is_empty() {
                    (true, key.clone())
                } else {
                    let full = format!("{table}.{key}");
                    (e.key.starts_with(&format!("{table}.")), full)
                };
                in_table && (e.key == full || e.message.contains(&format!("`{key}`")))
            })
        };
        let mut errors = self.errors;
        errors.extend(checks.into_iter().filter(|e| !speaks_of_taken_out(e)));
        errors.sort_by_key(|e| (e.line, e.column));
        errors
    }
}

/// Reads `source` as a `T`, with what was found on the way; or every problem, if not
/// even what is left once the faulty entries are taken out could be read.
pub(super) fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    source: &str,
) -> Result<(T, Found), ConfigErrors> {
    let original = match DeTable::parse(source) {
        Ok(doc) => doc,
        // A syntax error leaves nothing to trust after it.
        Err(e) => {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            return Err(ConfigErrors(vec![located(
                path,
                source,
                offset,
                e.message().trim(),
            )]));
        }
    };
    let mut doc = original.clone();
    let mut found = Found {
        errors: Vec::new(),
        ill_typed: Vec::new(),
    };
    // Keys taken out for a problem already reported, as paths into the original: a
    // required one is then missing, which is not worth saying again.
    let mut taken_out: Vec<Vec<Step>> = Vec::new();
    loop {
        let e = match T::deserialize(toml::de::Deserializer::from(doc.clone())) {
            Ok(value) => return Ok((value, found)),
            Err(e) => e,
        };
        if found.errors.len() >= MAX_PROBLEMS {
            found.errors.push(problem(
                path,
                source,
                0,
                &[],
                "too many problems; fix these first",
            ));
            break;
        }
        let span = e.span().unwrap_or(0..0);
        // Where the problem is: in the original document for the message (indices there
        // are the file's), in the current one to take it out.
        let reported = find(&original, &span).unwrap_or_default();
        let current = find(&doc, &span).unwrap_or_default();
        let message = e.message().trim();
        if let Some((key, known)) = unknown_field(message) {
            found.errors.push(problem(
                path,
                source,
                span.start,
                &reported,
                &unknown_key_message(&key, &known),
            ));
        } else if let Some(key) = missing_field(message) {
            let mut missing = reported.clone();
            missing.push(Step::Key(key.clone()));
            if !taken_out.contains(&missing) {
                found.errors.push(problem(
                    path,
                    source,
                    span.start,
                    &missing,
                    "this required key is missing",
                ));
            }
        } else {
            found.errors.push(problem(
                path,
                source,
                span.start,
                &reported,
                &in_words(message),
            ));
            if let [table @ .., Step::Key(key)] = entry(&original, reported.clone()).as_slice() {
                found.ill_typed.push((dotted(table), key.clone()));
            }
        }
        // Nothing to take out (the whole file is what failed): stop here.
        let current = entry(&doc, current);
        if current.is_empty() || !take_out(doc.get_mut(), &current) {
            break;
        }
        taken_out.push(entry(&original, reported));
    }
    found.errors.sort_by_key(|e| (e.line, e.column));
    Err(ConfigErrors(found.errors))
}

fn problem(path: &Path, source: &str, offset: usize, at: &[Step], message: &str) -> ConfigError {
    let (line, column) = line_col(source, offset);
    ConfigError {
        file: path.to_path_buf(),
        line,
        column,
        key: dotted(at),
        message: message.to_string(),
    }
}

/// The message for an unknown key: the known key it is closest to, or all of them.
fn unknown_key_message(key: &str, known: &[String]) -> String {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    match closest(key, &known) {
        Some(near) => format!("unknown key `{key}`; did you mean `{near}`?"),
        None if known.is_empty() => format!("unknown key `{key}`; this table takes no keys"),
        None => format!(
            "unknown key `{key}`; the keys here are {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The unknown key and the known ones in serde's message for `deny_unknown_fields`
/// (“unknown field `x`, expected one of `a`, `b`” or “…, there are no fields”).
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, rest) = rest.split_once('`')?;
    let known = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key.to_string(), known))
}

/// Serde's message on a value of the wrong type with the type in words: “expected a
/// whole number (0 or more)”, not “expected u32”.
fn in_words(message: &str) -> String {
    let Some((found, expected)) = message.split_once(", expected ") else {
        return message.to_string();
    };
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (0 or more)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "a list in [brackets]",
        "path string" => "a path in quotes",
        "a map" => "a table",
        e if e.starts_with("struct ") => "a table",
        e => e,
    };
    let found = match found {
        "invalid type: sequence" => "invalid type: a list",
        "invalid type: map" => "invalid type: a table",
        f => f,
    };
    format!("{found}, expected {expected}")
}

/// The key in serde's “missing field `x`”.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split_once('`')?.0.to_string())
}

/// The known key closest to `typed`, if it is near enough to be what was meant: at most a
/// third of its letters apart (one at least), ignoring case and `-` for `_`.
pub(super) fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .map(|c| {
                if c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let typed_n = norm(typed);
    known
        .iter()
        .map(|k| (edit_distance(&typed_n, &norm(k)), *k))
        .filter(|(d, k)| *d <= (typed_n.len().max(k.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j] + 1)
                .min(row[j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// The path of the deepest key or value spanning exactly `span` (empty for the whole
/// document, or when nothing does).
fn find(doc: &Spanned<DeTable<'_>>, span: &Range<usize>) -> Option<Vec<Step>> {
    fn in_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut Vec<Step>) -> bool {
        for (key, value) in table.iter() {
            path.push(Step::Key(key.get_ref().to_string()));
            if key.span() == *span || in_value(value, span, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    fn in_value(value: &Spanned<DeValue<'_>>, span: &Range<usize>, path: &mut Vec<Step>) -> bool {
        let deeper = match value.get_ref() {
            DeValue::Table(t) => in_table(t, span, path),
            DeValue::Array(a) => a.iter().enumerate().any(|(i, v)| {
                path.push(Step::Index(i));
                let found = in_value(v, span, path);
                if !found {
                    path.pop();
                }
                found
            }),
            _ => false,
        };
        deeper || value.span() == *span
    }
    let mut path = Vec::new();
    in_table(doc.get_ref(), span, &mut path).then_some(path)
}

/// What to take out for a problem at `path`: the key of a table, or a table in an array
/// of tables; not one value of a list, whose key goes whole (a shorter list could be wrong
/// in a way that is not the writer's).
fn entry(doc: &Spanned<DeTable<'_>>, mut path: Vec<Step>) -> Vec<Step> {
    while let Some(Step::Index(_)) = path.last() {
        if matches!(node(doc.get_ref(), &path), Some(DeValue::Table(_))) {
            break;
        }
        path.pop();
    }
    path
}

fn node<'d, 'i>(table: &'d DeTable<'i>, path: &[Step]) -> Option<&'d DeValue<'i>> {
    let (Step::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let mut value = table.get(first.as_str())?.get_ref();
    for step in rest {
        value = match (step, value) {
            (Step::Key(k), DeValue::Table(t)) => t.get(k.as_str())?.get_ref(),
            (Step::Index(i), DeValue::Array(a)) => a.get(*i)?.get_ref(),
            _ => return None,
        };
    }
    Some(value)
}

/// Takes the entry at `path` out of `table`; false if there is none.
fn take_out(table: &mut DeTable<'_>, path: &[Step]) -> bool {
    match path {
        [Step::Key(k)] => table.remove(k.as_str()).is_some(),
        [Step::Key(k), rest @ ..] => match table.get_mut(k.as_str()).map(|v| v.get_mut()) {
            Some(DeValue::Table(t)) => take_out(t, rest),
            Some(DeValue::Array(a)) => take_out_of_array(a, rest),
            _ => false,
        },
        _ => false,
    }
}

fn take_out_of_array(array: &mut DeArray<'_>, path: &[Step]) -> bool {
    match path {
        [Step::Index(i)] if *i < array.len() => {
            let mut kept = DeArray::new();
            for (j, v) in array.iter().enumerate() {
                if j != *i {
                    kept.push(v.clone());
                }
            }
            *array = kept;
            true
        }
        [Step::Index(i), rest @ ..] => match array.get_mut(*i).map(|v| v.get_mut()) {
            Some(DeValue::Table(t)) => take_out(t, rest),
            Some(DeValue::Array(a)) => take_out_of_array(a, rest),
            _ => false,
        },
        _ => false,
    }
}

/// `roles.mentee.questions[2].choices`; a key that is not a bare TOML key is quoted.
fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    out.push_str(k);
                } else {
                    out.push_str(&format!("{k:?}"));
                }
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_key_is_matched_to_the_closest_known_one() {
        let known = ["coordinators", "name", "description", "slug"];
        assert_eq!(closest("cordinators", &known), Some("coordinators"));
        assert_eq!(closest("coordiantors", &known), Some("coordinators"));
        assert_eq!(closest("Coordinators", &known), Some("coordinators"));
        assert_eq!(closest("nmae", &known), Some("name"));
        assert_eq!(closest("slugs", &known), Some("slug"));
    }

    #[test]
    fn a_key_far_from_every_known_one_gets_no_suggestion() {
        let known = ["coordinators", "name", "description", "slug"];
        assert_eq!(closest("colour", &known), None);
        assert_eq!(closest("x", &known), None);
        assert_eq!(closest("anything", &[]), None);
    }

    #[test]
    fn on_call_written_with_a_dash_suggests_the_underscore() {
        assert_eq!(
            closest("on-call", &["moderators", "on_call"]),
            Some("on_call")
        );
    }

    #[test]
    fn edit_distance_counts_inserts_deletes_replacements_and_swaps() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("same", "same"), 0);
    }

    /// Pins serde's wording, which the known keys are read from: a change there fails here
    /// rather than leaving unknown keys without their suggestion.
    #[test]
    fn serdes_unknown_field_message_gives_the_key_and_the_known_ones() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct One {
            alpha: Option<u32>,
            beta: Option<u32>,
            gamma: Option<u32>,
        }
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Empty {}
        let e = toml::from_str::<One>("delta = 1").unwrap_err();
        assert_eq!(
            unknown_field(e.message()),
            Some((
                "delta".to_string(),
                vec!["alpha".into(), "beta".into(), "gamma".into()]
            ))
        );
        let e = toml::from_str::<Empty>("delta = 1").unwrap_err();
        assert_eq!(unknown_field(e.message()), Some(("delta".into(), vec![])));
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Needs {
            alpha: u32,
        }
        let e = toml::from_str::<Needs>("").unwrap_err();
        assert_eq!(missing_field(e.message()), Some("alpha".into()));
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[serde(default)]
        size: u32,
        #[serde(default)]
        name: String,
        part: Option<Part>,
        #[serde(default)]
        items: Vec<Part>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Part {
        id: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn read_as<T: DeserializeOwned>(source: &str) -> (Option<T>, Vec<String>) {
        let (value, errors) = match parse_toml::<T>(Path::new("t.toml"), source) {
            Ok((value, found)) => (Some(value), found.with(vec![])),
            Err(errors) => (None, errors.0),
        };
        (value, errors.iter().map(ToString::to_string).collect())
    }

    fn read(source: &str) -> (Option<Doc>, Vec<String>) {
        read_as(source)
    }

    #[test]
    fn every_problem_of_a_file_is_reported_in_the_order_of_its_lines() {
        let (doc, errors) = read(
            "sise = 3\nname = 5\n[part]\nid = \"p\"\ntags = [\"a\", 1]\n[[items]]\nid = \"a\"\n[[items]]\nidd = \"b\"\n[[items]]\nid = 7\n",
        );
        assert_eq!(
            errors,
            [
                "t.toml:1:1: key `sise`: unknown key `sise`; did you mean `size`?",
                "t.toml:2:8: key `name`: invalid type: integer `5`, expected a string",
                "t.toml:5:14: key `part.tags[1]`: invalid type: integer `1`, expected a string",
                "t.toml:8:1: key `items[1].id`: this required key is missing",
                "t.toml:9:1: key `items[1].idd`: unknown key `idd`; did you mean `id`?",
                "t.toml:11:6: key `items[2].id`: invalid type: integer `7`, expected a string",
            ]
        );
        // What could be read is there, for the checks after parsing.
        let doc = doc.unwrap();
        assert_eq!(doc.part.unwrap().tags, Vec::<String>::new());
        assert_eq!(doc.items.len(), 1);
    }

    #[test]
    fn a_missing_key_at_the_top_leaves_nothing_but_is_reported() {
        let (doc, errors) = read_as::<Part>("tag = 1\n");
        assert!(doc.is_none());
        assert_eq!(
            errors,
            [
                "t.toml:1:1: key `tag`: unknown key `tag`; did you mean `tags`?",
                "t.toml:1:1: key `id`: this required key is missing",
            ]
        );
    }

    #[test]
    fn a_check_speaking_of_a_value_taken_out_for_its_type_waits_for_it() {
        let source = "size = \"big\"\n[part]\nid = \"p\"\ntags = 3\n[[items]]\nid = \"a\"\n";
        let Ok((_, found)) = parse_toml::<Doc>(Path::new("t.toml"), source) else {
            panic!("what is left is readable");
        };
        let check = |line: usize, key: &str, message: &str| ConfigError {
            file: "t.toml".into(),
            line,
            column: 1,
            key: key.into(),
            message: message.into(),
        };
        let errors = found.with(vec![
            check(1, "size", "too small"),
            check(2, "name", "`size` and `name` disagree"),
            check(3, "part.id", "`tags` are needed"),
            check(3, "part.id", "`id` is taken"),
            check(6, "items[0].id", "`tags` are needed"),
        ]);
        let said: Vec<String> = errors
            .iter()
            .map(|e| format!("{} {}", e.key, e.message))
            .collect();
        assert_eq!(
            said,
            [
                "size invalid type: string \"big\", expected a whole number (0 or more)",
                "part.id `id` is taken",
                "part.tags invalid type: integer `3`, expected a list in [brackets]",
                "items[0].id `tags` are needed",
            ]
        );
    }

    #[test]
    fn a_syntax_error_is_reported_alone() {
        let (doc, errors) = read("size = \nname = 3\n");
        assert!(doc.is_none());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("t.toml:1:"), "{errors:?}");
    }

    #[test]
    fn the_expected_type_is_said_in_words() {
        assert_eq!(
            in_words("invalid type: string \"lots\", expected usize"),
            "invalid type: string \"lots\", expected a whole number (0 or more)"
        );
        assert_eq!(
            in_words("invalid type: sequence, expected f64"),
            "invalid type: a list, expected a number"
        );
        assert_eq!(
            in_words("invalid type: integer `5`, expected struct MatrixSettings"),
            "invalid type: integer `5`, expected a table"
        );
        assert_eq!(in_words("something else"), "something else");
    }

    #[test]
    fn a_quoted_key_is_named_quoted() {
        assert_eq!(
            dotted(&[
                Step::Key("aliases".into()),
                Step::Key("console:mo".into()),
                Step::Index(0)
            ]),
            "aliases.\"console:mo\"[0]"
        );
    }
}
