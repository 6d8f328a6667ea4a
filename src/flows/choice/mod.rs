//! Mentees choosing their mentor, in programmes whose `[matching] matched_by` is
//! `mentee_choice` or `mixed`: a participant's public profile (`profile`), a ready mentee
//! browsing the mentors with room (`browse`), and asking one (`request`).
//!
//! Commands (in a DM):
//! - `profile`: one's profile as the other side sees it, and the answers one may show;
//!   `profile show 1 3` (or `all`, `none`), `profile bio <text>`, `profile hide`.
//! - `browse [words] [page]` (or `mentors`): the mentors with room and a profile who fit the
//!   mentee, best fit first, five a page, with why they fit; words keep those whose profile
//!   shows them.
//! - `rank <mentor> <mentor> … [a note]` (where `matched_by` is `ranked`): up to
//!   `max_choices` mentors in order; the first is asked, and a decline or an expired
//!   deadline passes the request to the next who still can ([`pass_on`], a follow-up step
//!   of its own); when none is left the mentee is told, and the coordinators.
//! - `request <mentor> [a note to them]`: the mentor is asked by DM, with the mentee's
//!   profile and note, to accept or decline by the programme's `answer_days` (or, when the
//!   programme wants it, the coordinators approve the request first). Their answer goes
//!   through the match offer every match uses (`flows::pairing::offers`).
//!
//! Capacity, exclusions and past partners, suspensions and readiness hold as in the
//! coordinators' rounds: a mentor is listed and may be asked only while all allow it, and
//! the request is stored only if both still have a place when it commits
//! (`Effect::StoreRequest`), so two mentees asking for the last place at once cannot both
//! have it: the second is decided again and told.
//!
//! Where things are: the grammar and what the commands need here; `profile` in
//! `profile.rs`; `browse` and `request` in `browse.rs`.

mod browse;
mod profile;

pub use browse::pass_on;

use std::collections::HashMap;

use super::{Ctx, OutMessage, Outcome, Subject};
use crate::domain::matches::MatchRecord;
use crate::domain::matching::MatchedBy;
use crate::domain::numbers::{self, Numbered};
use crate::domain::profile::Profile;
use crate::domain::{ApplicationRecord, Programme, RoleKind};
use crate::i18n::Text;

/// A mentee-choice command, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceCommand {
    Profile(ProfileCommand),
    /// `browse [words] [page]`: words to look for in the profiles, and the page (from 1).
    Browse {
        words: Vec<String>,
        page: usize,
    },
    /// `request <mentor's number> [note]`.
    Request {
        mentor: i64,
        note: String,
    },
    /// `rank <mentor> <mentor> ... [note]`: choices in order of preference.
    Rank {
        mentors: Vec<i64>,
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileCommand {
    /// `profile`: show it.
    Show,
    /// `profile show 1 3`: these answers (numbers as listed; empty: none).
    Pick(Vec<usize>),
    /// `profile show all`.
    PickAll,
    /// `profile bio <text>` (empty: no bio).
    Bio(String),
    /// `profile hide`: take it down.
    Hide,
}

/// Reads a DM as a mentee-choice command; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<ChoiceCommand, Text>> {
    let t = text.trim();
    let t = t.strip_prefix('/').unwrap_or(t);
    let (first, rest) = match t.split_once(char::is_whitespace) {
        Some((a, b)) => (a, b.trim()),
        None => (t, ""),
    };
    match first.to_lowercase().as_str() {
        "profile" => Some(parse_profile(rest)),
        "browse" | "mentors" => Some(parse_browse(rest)),
        "request" => Some(parse_request(rest)),
        "rank" => Some(parse_rank(rest)),
        _ => None,
    }
}

fn parse_profile(rest: &str) -> Result<ChoiceCommand, Text> {
    let usage = || Text::msg("choice-profile-usage");
    let (verb, after) = match rest.split_once(char::is_whitespace) {
        Some((a, b)) => (a.to_lowercase(), b.trim()),
        None => (rest.to_lowercase(), ""),
    };
    let command = match verb.trim_end_matches(['.', '!']) {
        "" => ProfileCommand::Show,
        "hide" if after.is_empty() => ProfileCommand::Hide,
        "bio" => ProfileCommand::Bio(after.to_string()),
        "show" => match after.to_lowercase().trim_end_matches('.') {
            "all" => ProfileCommand::PickAll,
            "none" | "nothing" => ProfileCommand::Pick(Vec::new()),
            "" => return Err(usage()),
            list => {
                let mut picked = Vec::new();
                for w in list.split(|c: char| c == ',' || c.is_whitespace()) {
                    let w = w.trim();
                    if w.is_empty() || w == "and" {
                        continue;
                    }
                    match w.parse::<usize>() {
                        Ok(n) if n > 0 => picked.push(n),
                        _ => {
                            return Err(Text::lines(vec![
                                Text::msg("profile-not-a-number").arg("word", w),
                                usage(),
                            ]));
                        }
                    }
                }
                picked.sort_unstable();
                picked.dedup();
                ProfileCommand::Pick(picked)
            }
        },
        _ => return Err(usage()),
    };
    Ok(ChoiceCommand::Profile(command))
}

fn parse_browse(rest: &str) -> Result<ChoiceCommand, Text> {
    let mut words: Vec<String> = rest
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut page = 1;
    if let Some(last) = words.last()
        && last.bytes().all(|b| b.is_ascii_digit())
    {
        page = last
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| Text::msg("choice-browse-usage"))?;
        words.pop();
    }
    if words.first().is_some_and(|w| w == "more" || w == "page") {
        words.remove(0);
    }
    Ok(ChoiceCommand::Browse { words, page })
}

fn parse_request(rest: &str) -> Result<ChoiceCommand, Text> {
    let (first, note) = match rest.split_once(char::is_whitespace) {
        Some((a, b)) => (a, b.trim()),
        None => (rest, ""),
    };
    match numbers::read(first, Numbered::Application) {
        Some(Ok(mentor)) => Ok(ChoiceCommand::Request {
            mentor,
            note: note.to_string(),
        }),
        _ => Err(Text::msg("choice-request-usage")),
    }
}

fn parse_rank(rest: &str) -> Result<ChoiceCommand, Text> {
    // The leading numbers are the choices (`12 15 9`, `12, 15, 9`, `A12 then A15`); the
    // words after them are the note. A colon ends the choices, for a note that starts with
    // a number (`rank 12 15: 2 calls a month`).
    let mut mentors = Vec::new();
    let mut note_from = rest.len();
    let mut at = 0;
    for word in rest.split_inclusive(|c: char| c.is_whitespace() || c == ',') {
        let w = word.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '>');
        let (w, ends) = match w.strip_suffix(':') {
            Some(number) => (number, true),
            None => (w, false),
        };
        if ends && w.is_empty() {
            note_from = at + word.len();
            break;
        }
        if w.is_empty() || w.eq_ignore_ascii_case("then") {
            at += word.len();
            continue;
        }
        match numbers::read(w, Numbered::Application) {
            Some(Ok(n)) => mentors.push(n),
            _ => {
                note_from = at;
                break;
            }
        }
        at += word.len();
        if ends {
            note_from = at;
            break;
        }
    }
    if mentors.is_empty() {
        return Err(Text::msg("choice-rank-usage"));
    }
    Ok(ChoiceCommand::Rank {
        mentors,
        note: rest[note_from.min(rest.len())..].trim().to_string(),
    })
}

/// What a mentee-choice command needs loaded: the sender's applications in the programmes
/// where mentees choose, and for `browse` and `request` those programmes' pools.
pub fn needs_pool(command: &ChoiceCommand) -> bool {
    !matches!(command, ChoiceCommand::Profile(_))
}

/// One programme where mentees choose, as a command needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChoicePool {
    pub programme: String,
    /// The sender's applications in it (not withdrawn), newest first.
    pub mine: Vec<ApplicationRecord>,
    /// Ready and not suspended (only for `browse` and `request`).
    pub mentees: Vec<ApplicationRecord>,
    pub mentors: Vec<ApplicationRecord>,
    pub matches: Vec<MatchRecord>,
    /// Profiles by application: of the sender's applications, and (for `browse` and
    /// `request`) of the ready mentors.
    pub profiles: HashMap<i64, Profile>,
}

/// Runs a mentee-choice command (or says why it cannot run).
pub fn handle(ctx: &Ctx<'_>, command: &Result<ChoiceCommand, Text>) -> Outcome {
    let command = match command {
        Ok(c) => c,
        Err(usage) => return Outcome::unchanged(vec![ctx.dm(OutMessage::said(usage.clone()))]),
    };
    let pools: &[ChoicePool] = match ctx.subject {
        Subject::Choosing(pools) => pools,
        _ => &[],
    };
    match command {
        ChoiceCommand::Profile(p) => profile::handle(ctx, pools, p),
        ChoiceCommand::Browse { words, page } => browse::browse(ctx, pools, words, *page),
        ChoiceCommand::Request { mentor, note } => {
            browse::ask(ctx, pools, std::slice::from_ref(mentor), note, false)
        }
        ChoiceCommand::Rank { mentors, note } => browse::ask(ctx, pools, mentors, note, true),
    }
}

/// The programmes where mentees choose (`matched_by` other than `coordinator`).
pub fn choosing_programmes(programmes: &[Programme]) -> impl Iterator<Item = &Programme> {
    programmes.iter().filter(|p| {
        p.matching
            .as_ref()
            .is_some_and(|m| m.matched_by.mentees_choose())
    })
}

/// What a participant who just became ready to be matched can do in a programme where
/// mentees choose (a sentence to add, starting with a space), if it is one.
pub fn when_ready(programme: &Programme, role: RoleKind) -> Option<Text> {
    let by = programme.matching.as_ref()?.matched_by;
    Some(Text::msg(match (role, by) {
        (_, MatchedBy::Coordinator) => return None,
        (RoleKind::Mentor, _) => "ready-mentor-profile",
        (RoleKind::Mentee, MatchedBy::Ranked) => "ready-mentee-rank",
        (RoleKind::Mentee, MatchedBy::MenteeChoice) => "ready-mentee-choose",
        (RoleKind::Mentee, MatchedBy::Mixed) => "ready-mentee-mixed",
    }))
}

/// Why someone with no application in a programme where mentees choose cannot use these
/// commands.
fn not_choosing(ctx: &Ctx<'_>) -> crate::i18n::Text {
    use crate::i18n::Text;
    if choosing_programmes(ctx.programmes).next().is_none() {
        Text::msg("choose-never")
    } else {
        let names: Vec<Text> = choosing_programmes(ctx.programmes)
            .map(|p| p.said_name())
            .collect();
        Text::msg("choose-elsewhere").arg("programmes", Text::join(names, ", "))
    }
}

#[cfg(test)]
mod tests;
