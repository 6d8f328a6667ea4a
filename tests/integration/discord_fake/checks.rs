//! What Discord refuses in a request's body (error 50035, Invalid Form Body): slash
//! commands and message components that break its rules.

use super::*;

/// The locales Discord's clients have, the only keys it takes in a command's
/// `name_localizations` and `description_localizations`.
const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// A rule a value must keep.
type Check<'a> = dyn Fn(&Value) -> bool + 'a;

/// What Discord would refuse in a command's or option's localisations: a locale it does
/// not have, or a name or description that breaks the rules of the default one.
fn localisations_problem(
    what: &str,
    item: &Value,
    name_ok: &dyn Fn(&str) -> bool,
    described: &dyn Fn(&Value) -> bool,
) -> Option<String> {
    let named = |v: &Value| v.as_str().is_some_and(name_ok);
    let checks: [(&str, &Check); 2] = [
        ("name_localizations", &named),
        ("description_localizations", described),
    ];
    for (field, check) in checks {
        let Some(map) = item[field].as_object() else {
            continue;
        };
        for (locale, value) in map {
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Some(format!(
                    "{what}: {field} has a locale Discord does not have: {locale}"
                ));
            }
            if !check(value) {
                return Some(format!("{what}: {field}[{locale}] {value}"));
            }
        }
    }
    None
}

/// What Discord would refuse in a guild's slash commands, as it does (error 50035): at
/// most 100; a slash command's name is 1 to 32 lower-case letters, digits, `-` or `_`
/// (a message menu's may have capitals and spaces), unique; its description 1 to 100
/// characters (none for a message menu's); its options as [`options_problem`] says;
/// localised names and descriptions follow the same rules, for locales Discord has.
pub(super) fn commands_problem(commands: &[Value]) -> Option<String> {
    if commands.len() > 100 {
        return Some("more than 100 commands".into());
    }
    let slash_name = |n: &str| {
        (1..=32).contains(&n.chars().count())
            && n.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    let described = |d: &Value| {
        d.as_str()
            .is_some_and(|d| (1..=100).contains(&d.chars().count()))
    };
    let mut names = std::collections::HashSet::new();
    for c in commands {
        let name = c["name"].as_str().unwrap_or_default();
        let message_menu = c["type"] == 3;
        if !names.insert((name.to_string(), c["type"].as_u64())) {
            return Some(format!("command {name} registered twice"));
        }
        if message_menu {
            if !(1..=32).contains(&name.chars().count()) {
                return Some(format!("message command name {name:?}"));
            }
            continue;
        }
        if !slash_name(name) {
            return Some(format!("command name {name:?}"));
        }
        if !described(&c["description"]) {
            return Some(format!("command {name}: description {}", c["description"]));
        }
        if let Some(problem) =
            localisations_problem(&format!("command {name}"), c, &slash_name, &described)
        {
            return Some(problem);
        }
        let options = c["options"].as_array().cloned().unwrap_or_default();
        if let Some(problem) = options_problem(
            &format!("command {name}"),
            &options,
            0,
            &slash_name,
            &described,
        ) {
            return Some(problem);
        }
    }
    None
}

/// What Discord would refuse in one level of a slash command's options (`parent`: 0 the
/// command's own, 1 a subcommand's, 2 a subcommand group's): at most 25,
/// names unique, named and described like a command, the required ones first;
/// subcommands (type 1) and groups (type 2) not mixed with values, a group holding only
/// subcommands and a subcommand no further ones; autocomplete only on text and numbers
/// (types 3, 4, 10) and never with fixed choices; choices only on those types too, at
/// most 25, each as [`choice_problem`] says; channel types only on a channel (type 7);
/// a minimum or maximum only on numbers.
fn options_problem(
    what: &str,
    options: &[Value],
    parent: u64,
    slash_name: &dyn Fn(&str) -> bool,
    described: &dyn Fn(&Value) -> bool,
) -> Option<String> {
    if options.len() > 25 {
        return Some(format!("{what}: more than 25 options"));
    }
    let nesting = |o: &Value| o["type"] == 1 || o["type"] == 2;
    let nested = options.iter().filter(|o| nesting(o)).count();
    if nested > 0 && nested < options.len() {
        return Some(format!("{what}: subcommands mixed with options"));
    }
    let mut names = std::collections::HashSet::new();
    let mut optional_seen = false;
    for o in options {
        let option = o["name"].as_str().unwrap_or_default();
        let here = format!("{what}, option {option}");
        if !slash_name(option) || !described(&o["description"]) {
            return Some(format!("{what}: option {option:?}"));
        }
        if !names.insert(option.to_string()) {
            return Some(format!("{what}: option {option} twice"));
        }
        if let Some(problem) = localisations_problem(&here, o, slash_name, described) {
            return Some(problem);
        }
        let kind = o["type"].as_u64().unwrap_or(0);
        if !(1..=11).contains(&kind) {
            return Some(format!("{here}: type {kind}"));
        }
        if nesting(o) && (parent == 1 || (parent == 2 && kind == 2)) {
            return Some(format!("{here}: nested too deep"));
        }
        if parent == 2 && kind != 1 {
            return Some(format!("{here}: a group holds only subcommands"));
        }
        let numbers = kind == 4 || kind == 10;
        if o["autocomplete"] == true {
            if !(numbers || kind == 3) {
                return Some(format!("{here}: autocomplete on type {kind}"));
            }
            if o["choices"].as_array().is_some_and(|c| !c.is_empty()) {
                return Some(format!("{here}: autocomplete with choices"));
            }
        }
        if let Some(choices) = o["choices"].as_array().filter(|c| !c.is_empty()) {
            if !(numbers || kind == 3) {
                return Some(format!("{here}: choices on type {kind}"));
            }
            if choices.len() > 25 {
                return Some(format!("{here}: more than 25 choices"));
            }
            for choice in choices {
                if let Some(problem) = choice_problem(choice, kind) {
                    return Some(format!("{here}: {problem}"));
                }
            }
        }
        if o["channel_types"].as_array().is_some_and(|t| !t.is_empty()) && kind != 7 {
            return Some(format!("{here}: channel types on type {kind}"));
        }
        if !numbers && (!o["min_value"].is_null() || !o["max_value"].is_null()) {
            return Some(format!("{here}: a minimum or maximum on type {kind}"));
        }
        if nesting(o) {
            if o["required"] == true {
                return Some(format!("{here}: a subcommand cannot be required"));
            }
            let inner = o["options"].as_array().cloned().unwrap_or_default();
            let label = if kind == 2 {
                format!("{what}, group {option}")
            } else {
                format!("{what}, subcommand {option}")
            };
            if let Some(problem) = options_problem(&label, &inner, kind, slash_name, described) {
                return Some(problem);
            }
            continue;
        }
        let required = o["required"] == true;
        if required && optional_seen {
            return Some(format!(
                "{what}: required option {option} after an optional one"
            ));
        }
        optional_seen |= !required;
    }
    None
}

/// What Discord would refuse in one choice of an option of type `kind` (a fixed choice,
/// or one an autocomplete answer offers): a name of 1 to 100 characters (and so each
/// localised one, for locales Discord has); a value of the option's type: a string of at
/// most 100 characters for text (3), a whole number for an integer (4), a number (10).
pub(super) fn choice_problem(choice: &Value, kind: u64) -> Option<String> {
    let named = |v: &Value| {
        v.as_str()
            .is_some_and(|n| (1..=100).contains(&n.chars().count()))
    };
    if !named(&choice["name"]) {
        return Some(format!("choice name {}", choice["name"]));
    }
    if let Some(map) = choice["name_localizations"].as_object() {
        for (locale, name) in map {
            if !DISCORD_LOCALES.contains(&locale.as_str()) || !named(name) {
                return Some(format!("choice name_localizations[{locale}] {name}"));
            }
        }
    }
    let value = &choice["value"];
    let fits = match kind {
        3 => value.as_str().is_some_and(|v| v.chars().count() <= 100),
        4 => value.is_i64() || value.is_u64(),
        10 => value.is_number(),
        _ => false,
    };
    (!fits).then(|| format!("choice value {value} for an option of type {kind}"))
}

/// What Discord would refuse in an autocomplete answer (callback type 8) to an option of
/// type `kind`: `choices` given, at most 25, each as [`choice_problem`] says.
pub(super) fn autocomplete_problem(data: &Value, kind: u64) -> Option<String> {
    let Some(choices) = data["choices"].as_array() else {
        return Some("an autocomplete answer without choices".into());
    };
    if choices.len() > 25 {
        return Some(format!("{} choices (at most 25)", choices.len()));
    }
    choices.iter().find_map(|c| choice_problem(c, kind))
}

/// What Discord would refuse in a message's components, as it does (error 50035): at most
/// five rows; a row holds one to five buttons, or one select menu alone; ids at most 100
/// characters and unique in the message; button labels at most 80; a select has 1 to 25
/// options (labels and values at most 100, values unique), a placeholder at most 150 and
/// 0 ≤ min ≤ max ≤ its options.
pub(super) fn components_problem(components: &Value) -> Option<String> {
    let rows = components.as_array()?;
    if rows.len() > 5 {
        return Some(format!("{} action rows (at most 5)", rows.len()));
    }
    let mut ids = std::collections::HashSet::new();
    for row in rows {
        if row["type"] != 1 {
            return Some("a top-level component that is not an action row".into());
        }
        let Some(items) = row["components"].as_array().filter(|i| !i.is_empty()) else {
            return Some("an empty action row".into());
        };
        let selects = items.iter().filter(|c| c["type"] == 3).count();
        if selects > 0 && items.len() > 1 {
            return Some("a select menu shares its row".into());
        }
        if items.len() > 5 {
            return Some(format!("{} components in a row (at most 5)", items.len()));
        }
        for c in items {
            let id = c["custom_id"].as_str().unwrap_or_default();
            if c["style"] != 5 && (id.is_empty() || id.chars().count() > 100) {
                return Some(format!("custom_id of {} characters", id.chars().count()));
            }
            if !ids.insert(id.to_string()) {
                return Some(format!("custom_id {id} used twice"));
            }
            match c["type"].as_u64() {
                Some(2) => {
                    if c["label"].as_str().is_some_and(|l| l.chars().count() > 80) {
                        return Some("a button label over 80 characters".into());
                    }
                }
                Some(3) => {
                    let options = c["options"].as_array().cloned().unwrap_or_default();
                    if options.is_empty() || options.len() > 25 {
                        return Some(format!("a select with {} options", options.len()));
                    }
                    let long = |k: &str| {
                        options
                            .iter()
                            .any(|o| o[k].as_str().is_none_or(|t| t.chars().count() > 100))
                    };
                    if long("label") || long("value") {
                        return Some("a select option's label or value over 100".into());
                    }
                    let values: std::collections::HashSet<_> =
                        options.iter().map(|o| o["value"].to_string()).collect();
                    if values.len() != options.len() {
                        return Some("select option values repeat".into());
                    }
                    if c["placeholder"]
                        .as_str()
                        .is_some_and(|p| p.chars().count() > 150)
                    {
                        return Some("a placeholder over 150 characters".into());
                    }
                    let min = c["min_values"].as_u64().unwrap_or(1);
                    let max = c["max_values"].as_u64().unwrap_or(1);
                    if min > max || max as usize > options.len() {
                        return Some(format!(
                            "min_values {min}, max_values {max} for {} options",
                            options.len()
                        ));
                    }
                }
                _ => return Some("an unknown component type".into()),
            }
        }
    }
    None
}
