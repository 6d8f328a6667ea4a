//! Languages: everything Tandem writes, in the reader's language.
//!
//! The texts live in Fluent files, one folder per language (`locales/<tag>/*.ftl`), built
//! into the binary ([`catalogue`]). Flows say what to write as a [`Text`] (message ids and
//! their arguments), and the app renders it when it delivers a message, in the language
//! its reader chose (`language`, stored per person) or the deployment's. [`Locale`] is one
//! of the [`SHIPPED`] languages.
//!
//! To add a message: its id and English text in the right file of `locales/en/`, the same
//! id in every other language's file (the key-coverage test below fails until it is
//! there), and `Text::msg` with that id where it is said. An id is written out whole in the
//! code (never assembled), so that the test can find every one.

pub mod catalogue;
mod locale;
mod text;

pub use locale::{Locale, SHIPPED, Shipped};
pub use text::{Arg, Text, read_stored};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_language_parses_and_has_every_english_message_with_no_unknown_variable() {
        let problems = catalogue::problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every message id given to `Text::msg` in the sources names an English message (and so, by the test
    /// above, a message of every language).
    #[test]
    fn every_message_id_in_the_code_is_in_the_catalogue() {
        let mut missing = Vec::new();
        let mut found = 0;
        for (path, source) in sources(std::path::Path::new("src")) {
            for (i, _) in source.match_indices("Text::msg(\"") {
                let rest = &source[i + "Text::msg(\"".len()..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                found += 1;
                if !catalogue::has(id) {
                    missing.push(format!("{path}: {id}"));
                }
            }
        }
        assert!(found > 0, "no message ids found: is the test reading src?");
        assert!(
            missing.is_empty(),
            "not in locales/en:\n{}",
            missing.join("\n")
        );
    }

    /// The flows whose every word to a person comes from the catalogue. A file joins the
    /// list once it is migrated, and never leaves it; the test says how many English
    /// sentences each other file of `src/flows` still writes.
    const SAID: &[&str] = &[
        "src/flows/announce.rs",
        "src/flows/application/mod.rs",
        "src/flows/broadcast.rs",
        "src/flows/assist.rs",
        "src/flows/link/mod.rs",
        "src/flows/application/answering.rs",
        "src/flows/application/choosing.rs",
        "src/flows/application/refused.rs",
        "src/flows/application/submit.rs",
        "src/flows/form.rs",
        "src/flows/help.rs",
        "src/flows/language.rs",
        "src/flows/personal.rs",
        "src/flows/resources.rs",
        "src/flows/withdraw.rs",
        "src/flows/survey/mod.rs",
        "src/flows/agreement.rs",
        "src/flows/meetings.rs",
        "src/flows/decide.rs",
        "src/flows/escape.rs",
        "src/flows/starters.rs",
        "src/flows/events.rs",
        "src/flows/incident/report/mod.rs",
        "src/flows/choice/mod.rs",
        "src/flows/choice/profile.rs",
        "src/flows/incident/cases/work.rs",
        "src/flows/incident/cases/mod.rs",
        "src/flows/incident/cases/reply.rs",
        "src/flows/incident/cases/alerts.rs",
        "src/flows/incident/actions.rs",
        "src/flows/confirm.rs",
        "src/flows/review/mod.rs",
        "src/flows/pairing/mod.rs",
        "src/flows/team.rs",
        "src/flows/pause.rs",
        "src/flows/pairing/proposals.rs",
        "src/flows/pairing/offers.rs",
        "src/flows/incident/cases/cards.rs",
        "src/flows/choice/browse.rs",
        "src/flows/mod.rs",
        "src/flows/support/mod.rs",
        "src/flows/support/notices.rs",
        "src/flows/closure.rs",
        "src/flows/review/scheduled.rs",
        "src/flows/review/screening.rs",
        "src/flows/prompts.rs",
        "src/flows/roster.rs",
        "src/flows/figures.rs",
        "src/flows/survey/commands.rs",
        "src/flows/review/queue.rs",
        "src/flows/review/card.rs",
        "src/flows/help/staff.rs",
        "src/flows/help/staff/table.rs",
        "src/flows/outcomes.rs",
    ];

    /// String literals of the code (tests and comments left out) that read as an English
    /// sentence: they begin (after any `{placeholder}` and punctuation) with at least three
    /// words of letters, in lower case but for the first (`Booked in your …`, `{name}, only
    /// the coordinators …`), and have a capital or end as a sentence does. An example of
    /// what to type (`reject A12 We need …`) begins with a command, so is not one.
    fn english_sentences(source: &str) -> Vec<String> {
        let code: String = source
            .split("#[cfg(test)]")
            .next()
            .unwrap_or(source)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut found = Vec::new();
        let mut rest = code.as_str();
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let literal = &after[..end];
            if reads_as_a_sentence(literal) {
                found.push(literal.to_string());
            }
            rest = &after[end + 1..];
        }
        found
    }

    fn reads_as_a_sentence(literal: &str) -> bool {
        // Placeholders out: `{programme}. Booked in` reads `. Booked in`.
        let mut text = String::new();
        let mut depth = 0usize;
        for c in literal.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                c if depth == 0 => text.push(c),
                _ => text.push(' '),
            }
        }
        let is_word = |w: &str, first: bool| {
            let mut chars = w.chars();
            let Some(head) = chars.next() else {
                return false;
            };
            let head_ok = head.is_ascii_lowercase() || (first && head.is_ascii_uppercase());
            head_ok && chars.all(|c| c.is_ascii_lowercase() || c == '\'')
        };
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| ":,.!?;()—\"".contains(c)))
            .filter(|w| !w.is_empty())
            .collect();
        let opening = words
            .iter()
            .enumerate()
            .take_while(|(i, w)| is_word(w, *i == 0))
            .count();
        let capital = words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        let ends = literal.trim_end().ends_with(['.', '!', '?', ':']);
        opening >= 3 && (capital || ends)
    }

    #[test]
    fn a_sentence_is_told_from_a_command_an_example_and_a_placeholder() {
        for sentence in [
            "Booked in your pair room.",
            "{programme}. Booked in your pair room; to cancel, type {p} meet cancel there.",
            "Sorry {who}, only the programme's coordinators can {action}.",
            "In their words: {}",
            "could not be read at all.",
        ] {
            assert!(reads_as_a_sentence(sentence), "{sentence}");
        }
        for not in [
            "reject A12 We need mentors with three years of experience.",
            "meet cancel",
            "profile show all",
            "M{} {} ↔ {}",
            "SELECT id FROM matches WHERE",
            "tandem-report.png",
        ] {
            assert!(!reads_as_a_sentence(not), "{not}");
        }
    }

    #[test]
    fn the_flows_said_from_the_catalogue_write_no_english_sentence_of_their_own() {
        let mut offending = Vec::new();
        let mut left = Vec::new();
        for (path, source) in sources(std::path::Path::new("src/flows")) {
            let sentences = english_sentences(&source);
            if SAID.contains(&path.as_str()) {
                offending.extend(sentences.into_iter().map(|s| format!("{path}: {s}")));
            } else if !path.ends_with("tests.rs")
                && !path.ends_with("testing.rs")
                && !sentences.is_empty()
            {
                left.push((sentences.len(), path));
            }
        }
        assert!(
            offending.is_empty(),
            "English in a said flow:\n{}",
            offending.join("\n")
        );
        left.sort();
        let total: usize = left.iter().map(|(n, _)| n).sum();
        eprintln!(
            "English sentences still written by src/flows: {total} in {} files",
            left.len()
        );
        for (n, path) in left.iter().rev() {
            eprintln!("  {n:4} {path}");
        }
        // The ratchet: the count only goes down (it was 0 for the files in SAID when
        // they joined): 281 on 2026-12-07, 249 once the report flow was, 239 with `link`, 228
        // with the offers, check-ins and reviewers' questions (`prompts`), 215 with what
        // follows an offer (`pairing::offers`), 205 with a participant's side of closing
        // (`closure`), 200 with answering a survey (`survey`), 194 with the pair room's
        // kickoff and agreement, 171 with meeting times (`meetings`),
        // 155 with the replies of `decide`, 149 with `escape`, 143 with a member's side of
        // `pause`, 131 with browsing and asking a mentor (`choice`),
        // 130 with `starters`, 121 with `events`, 115 with a report's evidence and
        // summary, 111 once comments were no longer counted, 108 with `profile` and
        // `transcript`, 102 with what a reporter is told, 87 with the case commands, 84
        // with a case's card and alerts, 74 with moderation actions and confirmations,
        // 66 with reviewing applications, 46 with the matching commands and asking the
        // programme team, 39 with the coordinators' close, pause and message, 34 with the
        // engine's proposals and what becomes of an offer, 33 with a case card's
        // questions, 24 with looking after pairs (`support`, its notices, lapsing checks,
        // check-in alerts), 23 with a troubled pair's buttons, 5 with the coordinators'
        // lists and cards (`roster`, the report and exports, the survey commands, the
        // review queue and an application's card), 0 with the staff commands' help
        // (`help::staff`). It stays 0. The files still outside SAID write no sentence
        // to a reader, or only words kept in a case's record (a reported message's copy,
        // evidence added to a case), which is stored as written.
        assert!(total == 0, "{total} English sentences: more than before");
    }

    /// Files outside `src/flows` that may hold an English sentence, and why: none of it
    /// is said to a participant or a staff member in a chat.
    const ENGLISH_BY_DESIGN: &[(&str, &str)] = &[
        (
            "src/platforms/discord/render/commands.rs",
            "the slash commands' own words, Discord's default; each language's are in discord.ftl",
        ),
        (
            "src/platforms/discord/render/staff_commands.rs",
            "the staff subcommands' own words, Discord's default; each language's are in discord-slash.ftl",
        ),
        ("src/platforms/discord/serve.rs", "the operator's log"),
        ("src/platforms/discord/mod.rs", "the operator's log"),
        ("src/platforms/matrix/sync.rs", "the operator's log"),
        ("src/platforms/matrix/appservice.rs", "the operator's log"),
        (
            "src/domain/profile.rs",
            "how an introduction kept before it was said from the catalogue reads",
        ),
        ("src/matching/synth.rs", "the benchmark's made-up programme"),
    ];

    #[test]
    fn the_app_the_adapters_and_the_core_write_no_english_sentence_but_their_logs() {
        let mut offending = Vec::new();
        for dir in ["src/app", "src/platforms", "src/domain", "src/matching"] {
            for (path, source) in sources(std::path::Path::new(dir)) {
                let by_design = ENGLISH_BY_DESIGN.iter().any(|(p, _)| *p == path);
                if path.ends_with("tests.rs") || by_design {
                    continue;
                }
                offending.extend(
                    english_sentences(&source)
                        .into_iter()
                        .map(|s| format!("{path}: {s}")),
                );
            }
        }
        assert!(
            offending.is_empty(),
            "English sentences to be said from the catalogue (or, for a log, added to \
             ENGLISH_BY_DESIGN):\n{}",
            offending.join("\n")
        );
    }

    fn sources(dir: &std::path::Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(sources(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
        out
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let ar = Locale::from_tag("ar").unwrap();
        let es = Locale::from_tag("es").unwrap();
        let days = |l: Locale, n: i64| Text::msg("days").arg("count", n).render(l);
        assert_eq!(days(Locale::EN, 1), "1 day");
        assert_eq!(days(Locale::EN, 3), "3 days");
        assert_eq!(days(es, 1), "1 día");
        assert_eq!(days(es, 3), "3 días");
        // Arabic has a dual and a form for 3 to 10.
        assert_ne!(days(ar, 2), days(ar, 3).replace('3', "2"));
        assert!(days(ar, 3).contains("أيام"), "{}", days(ar, 3));
    }

    #[test]
    fn values_in_a_right_to_left_sentence_are_isolated_and_elsewhere_not() {
        let ar = Locale::from_tag("ar").unwrap();
        let t = Text::msg("language-set").arg("language", "English");
        assert!(t.render(ar).contains("\u{2068}English\u{2069}"));
        assert!(!t.english().contains('\u{2068}'));
    }
}
