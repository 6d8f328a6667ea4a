//! The catalogue: every shipped language's Fluent messages, built once, and the checks
//! that keep the translations whole ([`problems`]).
//!
//! A message is looked up in the reader's language, then in English; a message missing
//! from English too is shown as its id (the key-coverage test keeps that from shipping).
//! Values set into a right-to-left language's sentences are isolated (Unicode FSI/PDI),
//! so a Latin name or command keeps its place; in other languages they are not, so what
//! a person copies from a message is exactly what they can type.
//!
//! To add a file of messages: its name in [`FILES`], the file in every `locales/<tag>/`,
//! and its line in `locale::files!`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::text::Arg;
use super::{Locale, SHIPPED};

/// The files of each `locales/<tag>/` folder.
pub const FILES: &[&str] = &[
    "common.ftl",
    "answers.ftl",
    "application.ftl",
    "help.ftl",
    "resources.ftl",
    "broadcast.ftl",
    "discord.ftl",
    "report.ftl",
    "assist.ftl",
    "link.ftl",
    "prompts.ftl",
    "survey.ftl",
    "pair.ftl",
    "meetings.ftl",
    "replies.ftl",
    "choosing.ftl",
    "events.ftl",
    "moderation.ftl",
    "review.ftl",
    "matching.ftl",
    "roster.ftl",
    "support.ftl",
    "notices.ftl",
    "languages.ftl",
    "platforms.ftl",
    "reading.ftl",
    "words.ftl",
    "figures.ftl",
    "refused.ftl",
    "safety.ftl",
    "discord-slash.ftl",
    "discord-autocomplete.ftl",
    "outcomes.ftl",
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| SHIPPED.iter().map(build).collect())
}

/// A language's bundle. A file that does not parse keeps what did parse (the checks
/// report it, and the key-coverage test fails on it).
fn build(shipped: &super::locale::Shipped) -> Bundle {
    let id: unic_langid::LanguageIdentifier = shipped.tag.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(shipped.rtl);
    for text in shipped.files {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        // A message defined twice keeps its first definition; the checks report it.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Message `id` in `locale` (or English), with `args`.
pub(super) fn format(locale: Locale, id: &str, args: &[(String, Arg)]) -> String {
    let all = bundles();
    let found = [locale, Locale::EN].into_iter().find_map(|l| {
        let bundle = &all[l.index()];
        Some((bundle, bundle.get_message(id)?.value()?))
    });
    let Some((bundle, pattern)) = found else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent_args.set(name.as_str(), FluentValue::from(*n)),
            Arg::Text(t) => fluent_args.set(name.as_str(), FluentValue::from(t.render(locale))),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether English has message `id`.
pub fn has(id: &str) -> bool {
    bundles()[Locale::EN.index()].has_message(id)
}

/// Each message of a language, with the variables it uses.
fn messages(tag: &str, files: &[&str]) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let mut messages = BTreeMap::new();
    let mut problems = Vec::new();
    for (name, text) in FILES.iter().zip(files) {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
                    problems.push(format!("locales/{tag}/{name}:{line}: {:?}", e.kind));
                }
                r
            }
        };
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                if messages.insert(m.id.name.to_string(), vars).is_some() {
                    problems.push(format!(
                        "locales/{tag}/{name}: {} is defined twice",
                        m.id.name
                    ));
                }
            }
        }
    }
    (messages, problems)
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// What is wrong with the shipped translations: a file that does not parse, a message
/// English has that another language lacks (or one English lacks), and a translation
/// using a variable English does not give it (it would show as an error in the text).
pub fn problems() -> Vec<String> {
    let (english, mut problems) = messages(SHIPPED[0].tag, SHIPPED[0].files);
    for shipped in &SHIPPED[1..] {
        let (theirs, found) = messages(shipped.tag, shipped.files);
        problems.extend(found);
        for id in english.keys().filter(|id| !theirs.contains_key(*id)) {
            problems.push(format!("locales/{}: {id} is missing", shipped.tag));
        }
        for (id, vars) in &theirs {
            match english.get(id) {
                None => problems.push(format!(
                    "locales/{}: {id} is not an English message",
                    shipped.tag
                )),
                Some(given) => {
                    for var in vars.difference(given) {
                        problems.push(format!(
                            "locales/{}: {id} uses ${var}, which English does not give it",
                            shipped.tag
                        ));
                    }
                }
            }
        }
    }
    problems
}

/// Every English message id.
pub fn english_ids() -> Vec<String> {
    messages(SHIPPED[0].tag, SHIPPED[0].files)
        .0
        .into_keys()
        .collect()
}
