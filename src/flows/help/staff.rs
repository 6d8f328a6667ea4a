//! The staff commands' help: what `help` shows in the coordinators' and moderators' rooms
//! (and to the escalation contact, by DM), and `help <command>` for one command.
//!
//! One table, [`entry`] (in `table`), gives every privileged command (`permissions::Privileged`) its
//! group, its words, one example and a line on what it does; the match is exhaustive, so a
//! new command does not build until it has its help. Who may run a command, and so where it
//! is listed, is read from the permission matrix (`permissions::allowed`), never written
//! here. The tests send every example through the registry (`route::route`) and check that
//! it is read as the command it documents, so the help cannot drift from the grammars.
//!
//! Every word of it comes from the catalogue (`help.ftl`, `staff-help-…`) but the commands
//! themselves, their usage and examples, which are typed the same in every language. A menu
//! is cut into messages between groups so that each fits in every shipped language.

mod table;

use table::{Group, entry};

use crate::domain::text::{char_len, edit_distance, preview};
use crate::flows::permissions::{Privileged, Who, allowed};
use crate::i18n::{Locale, Text};

/// The longest message a help sends: Discord's limit, so that each group stays whole.
pub(crate) const MAX_HELP_CHARS: usize = 2000;

/// Where a command is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Desk {
    /// The coordinators' room, after the prefix.
    Coordinators,
    /// The moderators' room, after the prefix.
    Moderators,
    /// The escalation contact's DM, without the prefix (restricted cases).
    Contact,
    /// A participant's own DM.
    Participant,
}

impl Desk {
    /// The menu's first line.
    fn title(self, prefix: &str) -> Text {
        match self {
            Desk::Coordinators => Text::msg("staff-help-desk-coordinators").arg("prefix", prefix),
            Desk::Moderators => Text::msg("staff-help-desk-moderators").arg("prefix", prefix),
            Desk::Contact => Text::msg("staff-help-desk-contact"),
            Desk::Participant => Text::msg("staff-help-desk-participant"),
        }
    }

    /// Whether commands are written after the room prefix here.
    fn prefixed(self) -> bool {
        matches!(self, Desk::Coordinators | Desk::Moderators)
    }
}

/// Where `command` is typed, by who may run it (`permissions::allowed`).
pub(crate) fn desks(command: Privileged) -> Vec<Desk> {
    let mut desks = vec![];
    for who in allowed(command) {
        let desk = match who {
            Who::Coordinator | Who::OtherCoordinator => Desk::Coordinators,
            Who::Moderator | Who::NamedModerator => Desk::Moderators,
            Who::EscalationContact => Desk::Contact,
            Who::Participant | Who::OtherPairMember => Desk::Participant,
        };
        if !desks.contains(&desk) {
            desks.push(desk);
        }
    }
    desks
}

/// Who may run `command`, and where, in words.
fn who_may(command: Privileged) -> Text {
    let who = allowed(command);
    let has = |w: Who| who.contains(&w);
    desks(command)
        .into_iter()
        .map(|desk| match desk {
            Desk::Coordinators if has(Who::OtherCoordinator) => {
                Text::msg("staff-help-who-any-coordinator")
            }
            Desk::Coordinators => Text::msg("staff-help-who-its-coordinators"),
            Desk::Moderators if has(Who::Moderator) && has(Who::NamedModerator) => {
                Text::msg("staff-help-who-any-moderator")
            }
            Desk::Moderators if has(Who::Moderator) => Text::msg("staff-help-who-moderator"),
            Desk::Moderators => Text::msg("staff-help-who-concerned-moderator"),
            Desk::Contact => Text::msg("staff-help-who-contact"),
            Desk::Participant => Text::msg("staff-help-who-pair-member"),
        })
        .reduce(|first, then| {
            Text::msg("staff-help-who-and")
                .arg("first", first)
                .arg("then", then)
        })
        .unwrap_or_else(|| Text::plain(""))
}

/// `command`'s words as typed at `desk`: with the room's prefix, or bare.
fn written(desk: Desk, prefix: &str, words: &str) -> String {
    if desk.prefixed() && !prefix.is_empty() {
        format!("{prefix} {words}")
    } else {
        words.to_string()
    }
}

/// Where `command`'s example is written, seen from `here`: here if it works here.
fn desk_for(command: Privileged, here: &[Desk]) -> Desk {
    let desks = desks(command);
    here.iter()
        .copied()
        .find(|d| desks.contains(d))
        .or_else(|| desks.first().copied())
        .unwrap_or(Desk::Participant)
}

/// One line of a menu: the example and what it does.
fn line(command: Privileged, desk: Desk, prefix: &str) -> Text {
    let entry = entry(command);
    Text::bullet(Text::join(
        vec![
            Text::plain(written(desk, prefix, entry.example)),
            entry.does,
        ],
        " — ",
    ))
}

/// The commands of `desk`, in the table's order.
pub(crate) fn commands_at(desk: Desk) -> Vec<Privileged> {
    Privileged::ALL
        .into_iter()
        .filter(|c| desks(*c).contains(&desk))
        .collect()
}

/// The help of `desks` (a room can be both the coordinators' and the moderators'): each
/// desk's commands by group, one example each, then how to ask about one (in a room).
/// Split into messages of at most [`MAX_HELP_CHARS`] in every language, between groups.
pub(crate) fn menu(desks: &[Desk], prefix: &str) -> Vec<Text> {
    let mut blocks: Vec<Text> = vec![];
    for &desk in desks {
        let commands = commands_at(desk);
        let mut first = true;
        for group in Group::ALL {
            let lines: Vec<Text> = commands
                .iter()
                .filter(|c| entry(**c).group == group)
                .map(|c| line(*c, desk, prefix))
                .collect();
            if lines.is_empty() {
                continue;
            }
            let mut block = vec![];
            if first {
                block.push(desk.title(prefix));
                first = false;
            }
            block.push(group.title());
            block.extend(lines);
            blocks.push(Text::lines(block));
        }
    }
    if let Some(desk) = desks.iter().copied().find(|d| d.prefixed()) {
        // A command that takes words shows best what `help <command>` gives.
        let commands = commands_at(desk);
        let sample = match desk {
            Desk::Coordinators => Privileged::Approve,
            _ => Privileged::Freeze,
        };
        let named = commands
            .iter()
            .find(|c| **c == sample)
            .or(commands.first())
            .map(|c| name(entry(*c).usage, 0));
        let help = written(desk, prefix, "help");
        blocks.push(match named {
            Some(n) => Text::msg("staff-help-footer-like")
                .arg("help", help)
                .arg("example", written(desk, prefix, &format!("help {n}"))),
            None => Text::msg("staff-help-footer").arg("help", help),
        });
    }
    pack(blocks)
}

/// `blocks` joined, one per line, into as few messages as fit in [`MAX_HELP_CHARS`] each
/// in every shipped language: a message is cut where the longest rendering needs it, so
/// that the same messages fit whoever reads them.
fn pack(blocks: Vec<Text>) -> Vec<Text> {
    let length = |text: &Text| -> Vec<usize> {
        Locale::all()
            .map(|locale| char_len(&text.render(locale)))
            .collect()
    };
    let mut messages: Vec<(Vec<Text>, Vec<usize>)> = vec![];
    for block in blocks {
        let lengths = length(&block);
        match messages.last_mut() {
            Some((parts, sizes))
                if sizes
                    .iter()
                    .zip(&lengths)
                    .all(|(size, more)| size + 1 + more <= MAX_HELP_CHARS) =>
            {
                for (size, more) in sizes.iter_mut().zip(&lengths) {
                    *size += 1 + more;
                }
                parts.push(block);
            }
            _ => messages.push((vec![block], lengths)),
        }
    }
    messages
        .into_iter()
        .map(|(parts, _)| Text::lines(parts))
        .collect()
}

/// The command names in a usage: its leading words, before the first `<…>`, `[…]` or
/// `key:`, for each alternative (`confirm · cancel` has two). `n`: which alternative.
fn name(usage: &str, n: usize) -> String {
    names(usage).into_iter().nth(n).unwrap_or_default()
}

fn names(usage: &str) -> Vec<String> {
    usage
        .split(" · ")
        .map(|alternative| {
            alternative
                .split_whitespace()
                .take_while(|w| !w.starts_with(['<', '[']) && !w.ends_with(':'))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// What `help <topic>` found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    One(Privileged),
    /// Several commands begin with the words (`help match`).
    Several(Vec<Privileged>),
    /// None: the closest names, if any are close.
    Nothing(Vec<String>),
}

/// The command `topic` names: its exact name; else the longest name it begins with
/// (`approve A12`); else the names that begin with it (`freeze`, `match`) or end with it
/// (`claim`); else the closest names.
/// The command `topic` names; a word of two rooms (`confirm`) is the one of `desks`.
fn find(topic: &str, desks_here: &[Desk]) -> Found {
    let mut commands = Privileged::ALL.to_vec();
    commands.sort_by_key(|c| !desks(*c).iter().any(|d| desks_here.contains(d)));
    let named: Vec<(Privileged, String)> = commands
        .into_iter()
        .flat_map(|c| names(entry(c).usage).into_iter().map(move |n| (c, n)))
        .collect();
    if let Some((c, _)) = named.iter().find(|(_, n)| *n == topic) {
        return Found::One(*c);
    }
    if let Some((c, _)) = named
        .iter()
        .filter(|(_, n)| topic.starts_with(&format!("{n} ")))
        .max_by_key(|(_, n)| n.len())
    {
        return Found::One(*c);
    }
    let unique = |hits: Vec<Privileged>| {
        let mut once: Vec<Privileged> = vec![];
        for c in hits {
            if !once.contains(&c) {
                once.push(c);
            }
        }
        once
    };
    let mut hits = unique(
        named
            .iter()
            .filter(|(_, n)| n.starts_with(topic))
            .map(|(c, _)| *c)
            .collect(),
    );
    if hits.is_empty() {
        hits = unique(
            named
                .iter()
                .filter(|(_, n)| n.ends_with(&format!(" {topic}")))
                .map(|(c, _)| *c)
                .collect(),
        );
    }
    match hits.as_slice() {
        [one] => return Found::One(*one),
        [] => {}
        _ => return Found::Several(hits),
    }
    // Typos: a short topic against each name, and against a name without its first word
    // (`clam` → `case claim`), which is a little further; only the closest are offered.
    if char_len(topic) > 40 {
        return Found::Nothing(vec![]);
    }
    let most = (char_len(topic) / 3).clamp(1, 3);
    let close: Vec<(usize, &str)> = named
        .iter()
        .filter_map(|(_, n)| {
            let whole = edit_distance(topic, n);
            let tail = n
                .split_once(' ')
                .map_or(usize::MAX, |(_, t)| edit_distance(topic, t));
            (whole.min(tail) <= most).then_some((whole.min(tail.saturating_add(1)), n.as_str()))
        })
        .collect();
    let best = close.iter().map(|(d, _)| *d).min();
    let mut suggestions: Vec<String> = vec![];
    for (_, n) in close.iter().filter(|(d, _)| Some(*d) == best) {
        if suggestions.len() < 3 && !suggestions.iter().any(|s| s == n) {
            suggestions.push(n.to_string());
        }
    }
    Found::Nothing(suggestions)
}

/// `help <topic>` at `desks`: one command's words, example, what it does and who may run
/// it; the commands that begin with the words; or the closest names. Nothing left of the
/// topic (`help ?`) is the whole menu.
pub(crate) fn one(topic: &str, desks: &[Desk], prefix: &str) -> Vec<Text> {
    let topic = topic_words(topic, prefix);
    if topic.is_empty() {
        return menu(desks, prefix);
    }
    vec![about(&topic, desks, prefix)]
}

fn about(topic: &str, desks: &[Desk], prefix: &str) -> Text {
    let here = desks.first().copied().unwrap_or(Desk::Participant);
    match find(topic, desks) {
        Found::One(command) => {
            let entry = entry(command);
            let desk = desk_for(command, desks);
            let usage = entry
                .usage
                .split(" · ")
                .map(|u| written(desk, prefix, u))
                .collect::<Vec<_>>()
                .join(" · ");
            Text::lines(vec![
                Text::plain(usage),
                Text::msg("staff-help-does").arg("does", Text::capital(entry.does)),
                Text::msg("staff-help-example")
                    .arg("example", written(desk, prefix, entry.example)),
                Text::msg("staff-help-who-may").arg("who", who_may(command)),
            ])
        }
        Found::Several(commands) => {
            let mut lines = vec![Text::msg("staff-help-several").arg("topic", topic)];
            lines.extend(
                commands
                    .iter()
                    .map(|c| line(*c, desk_for(*c, desks), prefix)),
            );
            lines.push(Text::msg("staff-help-several-one").arg(
                "help",
                written(
                    here,
                    prefix,
                    &format!("help {}", name(entry(commands[0]).usage, 0)),
                ),
            ));
            Text::lines(lines)
        }
        Found::Nothing(suggestions) => {
            let asked = preview(topic, 40);
            let list = written(here, prefix, "help");
            let offered = suggestions
                .iter()
                .map(|s| Text::plain(written(here, prefix, &format!("help {s}"))))
                .reduce(|first, then| {
                    Text::msg("staff-help-or")
                        .arg("first", first)
                        .arg("then", then)
                });
            match offered {
                None => Text::msg("staff-help-unknown")
                    .arg("asked", asked)
                    .arg("help", list),
                Some(offered) => Text::msg("staff-help-unknown-suggest")
                    .arg("asked", asked)
                    .arg("suggestions", offered)
                    .arg("help", list),
            }
        }
    }
}

/// The words asked about, as names are written: lower case, single spaces, without the
/// prefix, quotes or a question mark (`help `!tandem Approve`?` → `approve`).
fn topic_words(topic: &str, prefix: &str) -> String {
    let cleaned: String = topic
        .chars()
        .filter(|c| !matches!(c, '`' | '“' | '”' | '"' | '\''))
        .collect();
    let cleaned = cleaned.trim().trim_end_matches(['?', '.', '!']).trim();
    let cleaned = crate::flows::strip_prefix_ci(cleaned, prefix)
        .filter(|_| !prefix.is_empty())
        .unwrap_or(cleaned);
    cleaned
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
