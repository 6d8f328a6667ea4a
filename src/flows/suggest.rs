//! Suggestions for a number a staff member is typing into a command (Discord's
//! autocomplete): the open applications, proposals, cases or upcoming events that fit
//! what they typed so far, each with a short label (`A12 · Amina · Pathways 2027`).
//!
//! Who gets suggestions is decided as the command itself is: the command registry reads
//! which privileged command it is (`route`, `Route::privileged`), the permission matrix
//! says who may run it (`permissions::allowed`), and the command's own room applies. The
//! candidates are what the matching list command (`queue`, `matches proposed`, `cases`,
//! `events`) shows the same person in the same room, loaded as that command loads them
//! (`Suggested::list_command`), so a label says nothing the list would not.
//!
//! To suggest another kind of number: a [`Suggested`] variant with its list command, and
//! its candidates in [`suggestions`].

use super::permissions::{self, Who};
use super::{Ctx, Subject};
use crate::chat::{Content, Inbound};
use crate::domain::matches::MatchStatus;
use crate::domain::{Place, RoomRef};
use crate::i18n::Text;

/// What kind of number an option takes, and so what is suggested for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggested {
    /// An application waiting for review (`A12`).
    Application,
    /// A proposed match waiting for a coordinator (`P3`).
    Match,
    /// An open moderation case.
    Case,
    /// An upcoming group event.
    Event,
}

impl Suggested {
    /// The list command whose answer the suggestions come from (typed after the prefix).
    pub fn list_command(self) -> &'static str {
        match self {
            Suggested::Application => "queue",
            Suggested::Match => "matches proposed",
            Suggested::Case => "cases",
            Suggested::Event => "events",
        }
    }
}

/// One suggested number, with what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub number: i64,
    pub label: Text,
}

/// The suggestions for the number in `command` (its words after the prefix, with any
/// number in place of the one being typed: `approve 1`), typed in `room` by the sender,
/// which fit `typed`, at most `max`; none for someone who may not run the command there.
/// `ctx.subject` is what `of.list_command()` loads for the sender.
pub fn suggestions(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    command: &str,
    of: Suggested,
    typed: &str,
    max: usize,
) -> Vec<Suggestion> {
    if !may_run(ctx, room, command, of) {
        return Vec::new();
    }
    let mine = |programme: &str| {
        ctx.programmes
            .iter()
            .any(|p| p.slug == programme && p.is_coordinator(ctx.user))
    };
    // (number, label, the words it is found by)
    let mut found: Vec<(i64, Text, String)> = match (of, ctx.subject) {
        (Suggested::Application, Subject::Overview(rows)) => {
            let mut waiting: Vec<_> = rows
                .iter()
                .filter(|(a, _)| a.status.awaits_review() && mine(&a.programme))
                .collect();
            waiting.sort_by_key(|(a, _)| (a.submitted_at, a.id));
            waiting
                .into_iter()
                .map(|(a, user)| {
                    let name = a.name.clone().unwrap_or_else(|| user.id.clone());
                    let label = Text::join(
                        vec![
                            Text::plain(crate::domain::numbers::application(a.id)),
                            Text::plain(&name),
                            ctx.said_programme(&a.programme),
                        ],
                        " · ",
                    );
                    (
                        a.id,
                        label,
                        words(&[&name, &a.programme, &programme_name(ctx, &a.programme)]),
                    )
                })
                .collect()
        }
        (Suggested::Match, Subject::Matches(rows)) => rows
            .iter()
            .filter(|(m, _)| m.status == MatchStatus::Proposed && mine(&m.programme))
            .map(|(m, _)| {
                let pair = format!("{} & {}", m.mentee_name, m.mentor_name);
                let label = Text::join(
                    vec![
                        Text::plain(m.label()),
                        Text::plain(&pair),
                        ctx.said_programme(&m.programme),
                    ],
                    " · ",
                );
                (
                    m.id,
                    label,
                    words(&[&pair, &m.programme, &programme_name(ctx, &m.programme)]),
                )
            })
            .collect(),
        (Suggested::Case, Subject::Cases(_)) => {
            let mut open = super::incident::cases::open_in(ctx, room);
            open.sort_by_key(|c| (std::cmp::Reverse(c.severity), c.created_at));
            open.into_iter()
                .map(|c| {
                    let label = Text::join(
                        vec![
                            Text::plain(format!("#{}", c.id)),
                            c.severity.said(),
                            Text::plain(&c.category),
                            c.status.said(),
                        ],
                        " · ",
                    );
                    (c.id, label, words(&[&c.category]))
                })
                .collect()
        }
        (Suggested::Event, Subject::Events(list)) => list
            .iter()
            .filter(|(e, _)| !e.cancelled && super::events::in_reach(ctx, e))
            .map(|(e, _)| {
                let label = Text::join(
                    vec![
                        Text::plain(e.id.to_string()),
                        Text::plain(&e.title),
                        e.said_when(),
                    ],
                    " · ",
                );
                (e.id, label, words(&[&e.title]))
            })
            .collect(),
        _ => Vec::new(),
    };
    found.retain(|(n, _, words)| fits(*n, words, typed));
    found.truncate(max);
    found
        .into_iter()
        .map(|(number, label, _)| Suggestion { number, label })
        .collect()
}

/// Whether the sender may run `command` in `room`, as the command registry and the
/// permission matrix say, with the command's own room: the coordinators' for numbers a
/// coordinator names, the moderators' for cases (never a coordinator's: only moderators
/// work cases).
fn may_run(ctx: &Ctx<'_>, room: &RoomRef, command: &str, of: Suggested) -> bool {
    let inbound = Inbound {
        from: ctx.user.clone(),
        place: Place::Room(room.clone()),
        content: Content::Text(format!("{} {command}", ctx.room_prefix)),
        files: vec![],
    };
    let Some(privileged) = super::route::route(&inbound, &ctx.router()).privileged() else {
        return false;
    };
    let who = permissions::allowed(privileged);
    match of {
        Suggested::Case => {
            who.contains(&Who::Moderator)
                && ctx.is_moderators_room(room)
                && ctx.moderation.is_moderator(ctx.user)
        }
        _ => {
            (who.contains(&Who::Coordinator) || who.contains(&Who::OtherCoordinator))
                && ctx.is_coordinators_room(room)
                && ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user))
        }
    }
}

/// A programme's name in its own words (found by it when typed).
fn programme_name(ctx: &Ctx<'_>, slug: &str) -> String {
    ctx.programme(slug)
        .map_or_else(String::new, |p| p.name.clone())
}

fn words(parts: &[&str]) -> String {
    parts.join(" ").to_lowercase()
}

/// Whether a candidate fits what was typed: nothing; its number's first digits (with or
/// without its letter or `#`: `1`, `A1`, `#1`); or words each found in its name,
/// programme, title or category.
fn fits(number: i64, words: &str, typed: &str) -> bool {
    // Digits of every script read as 0-9, as in a message (`domain::text::as_read`).
    let typed = crate::domain::text::as_read(typed)
        .unwrap_or_else(|| typed.to_string())
        .trim()
        .to_lowercase();
    let typed = typed.trim_start_matches('#');
    if typed.is_empty() {
        return true;
    }
    let mut chars = typed.chars();
    let digits = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => chars.as_str(),
        _ => typed,
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_string().starts_with(digits);
    }
    typed.split_whitespace().all(|w| words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::fits;

    #[test]
    fn a_number_fits_its_first_digits_with_or_without_its_letter_and_words_fit_its_names() {
        let words = "amina diallo pathways-2027 pathways mentoring 2027";
        assert!(fits(12, words, ""));
        assert!(fits(12, words, "1"));
        assert!(fits(12, words, "A12"));
        assert!(fits(12, words, "#12"));
        assert!(!fits(12, words, "2"));
        assert!(!fits(12, words, "A13"));
        assert!(fits(12, words, "Amina"));
        assert!(fits(12, words, "amina pathways"));
        assert!(!fits(12, words, "amina grace"));
        assert!(fits(12, words, "١٢"), "Arabic-Indic digits");
        assert!(!fits(12, words, "٣"));
    }
}
