//! The coordinators' lists, in the coordinators' room: which matches there are and how each
//! is doing (`matches`), one match in full (`match show`), and finding a person by name
//! (`who`).
//!
//! Commands (after the room prefix):
//! - `matches [programme] [filter ...]`: the matches of the programmes the sender
//!   coordinates, the most urgent first; with no filter the open ones (proposed, offered,
//!   under way); filters are the health words of `domain::health` (`quiet`, `stuck`,
//!   `paused`, `frozen`, `ok`, `offered`, `proposed`, `ended`) or `all`, several at once.
//! - `match show <M7 or P3>`: one match with its people, stage, health and what to do next.
//! - `who <name or id>`: everyone whose name or id fits, with their applications and
//!   matches (in the sender's programmes only).
//!
//! Each coordinator sees only their own programmes' people. The app loads what a command
//! needs (`Route::needs`: `Needs::Matches`, `Needs::MatchShow`, `Needs::People`); a new list
//! is a variant of [`RosterCommand`], its `Needs`, and its text here.

use super::{Ctx, Outcome, Subject, post_only};
use crate::domain::health::{Health, PairSigns, health_in};
use crate::domain::matches::MatchRecord;
use crate::domain::numbers::{self, Numbered};
use crate::domain::people::KnownPerson;
use crate::domain::{ApplicationSummary, Programme, RoomRef};
use crate::i18n::Text;

/// Most matches one `matches` message lists; a longer list asks for a filter.
const MAX_LISTED: usize = 40;

const USAGE: &str = "Usage: matches [programme] [at-risk|stuck|quiet|check-in|paused|frozen|too-early|ok|offered|proposed|ended|all] · match show <match, like M7> · who <name or id>";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterCommand {
    Matches {
        programme: Option<String>,
        /// Health words; empty: the open matches; `all`: every match.
        filters: Vec<String>,
    },
    Show(i64),
    Who(String),
}

/// Parses `matches ...`, `match show <n>` and `who <name>`; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<RosterCommand, String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    Some(match l.as_slice() {
        ["matches", rest @ ..] => {
            let mut programme = None;
            let mut filters = Vec::new();
            for word in rest {
                if *word == "all" || Health::FILTERS.iter().any(|(w, _)| w == word) {
                    filters.push(word.to_string());
                } else if programme.is_none() {
                    programme = Some(word.to_string());
                } else {
                    return Some(Err(USAGE.into()));
                }
            }
            Ok(RosterCommand::Matches { programme, filters })
        }
        ["match", "show", n] => {
            numbers::read_or(n, Numbered::Match, USAGE).map(RosterCommand::Show)
        }
        ["match", "show", ..] => Err(USAGE.into()),
        ["who" | "find", _, ..] => Ok(RosterCommand::Who(words[1..].join(" "))),
        ["who" | "find"] => Err(USAGE.into()),
        _ => return None,
    })
}

/// The programmes whose matches `matches` lists for `sender`: those they coordinate (the
/// one named, if any).
pub fn programmes_of(
    programmes: &[Programme],
    sender: &crate::domain::UserRef,
    named: Option<&str>,
) -> Vec<String> {
    programmes
        .iter()
        .filter(|p| p.is_coordinator(sender) && named.is_none_or(|n| p.slug == n))
        .map(|p| p.slug.clone())
        .collect()
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<RosterCommand, String>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        "Coordinators' lists work only in the coordinators' room, so that participants are never shown anywhere else.",
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let mine = coordinated(ctx);
    let reply = |text: String| post_only(room, text);
    match command {
        RosterCommand::Matches { programme, filters } => {
            if mine.is_empty() {
                return super::review::refuse_non_coordinator(
                    ctx,
                    room,
                    Text::msg("coordinators-can-list-matches"),
                );
            }
            match mine_among(ctx, &mine, programme.as_deref()) {
                Ok(rows) => reply(list_text(ctx, rows, &filters)),
                Err(refused) => reply(refused),
            }
        }
        RosterCommand::Show(id) => {
            let Subject::Matches(rows) = ctx.subject else {
                return reply(format!("There is no match or proposal number {id}."));
            };
            let Some((m, signs)) = rows.iter().find(|(m, _)| m.id == id) else {
                return reply(format!("There is no match or proposal number {id}."));
            };
            if !mine.iter().any(|p| p.slug == m.programme) {
                return super::review::refuse_non_coordinator(
                    ctx,
                    room,
                    Text::msg("coordinators-can-see-match").arg("match", m.label()),
                );
            }
            reply(show_text(ctx, m, signs))
        }
        RosterCommand::Who(typed) => {
            if mine.is_empty() {
                return super::review::refuse_non_coordinator(
                    ctx,
                    room,
                    Text::msg("coordinators-can-look-up"),
                );
            }
            let people = match ctx.subject {
                Subject::People(people) => people.as_slice(),
                _ => &[],
            };
            reply(who_text(&mine, &typed, people))
        }
    }
}

/// The programmes the sender coordinates.
pub(super) fn coordinated<'a>(ctx: &Ctx<'a>) -> Vec<&'a Programme> {
    ctx.programmes
        .iter()
        .filter(|p| p.is_coordinator(ctx.user))
        .collect()
}

/// The matches loaded for a list of the sender's programmes (`Subject::Matches`), or
/// why not: a programme named that they don't coordinate.
pub(super) fn mine_among<'a>(
    ctx: &'a Ctx<'_>,
    mine: &[&Programme],
    named: Option<&str>,
) -> Result<&'a [(MatchRecord, PairSigns)], String> {
    if let Some(slug) = named
        && !mine.iter().any(|p| p.slug == slug)
    {
        return Err(format!(
            "You don't coordinate a programme called `{slug}`. Yours: {}.",
            slugs(mine)
        ));
    }
    Ok(match ctx.subject {
        Subject::Matches(rows) => rows.as_slice(),
        _ => &[],
    })
}

fn slugs(programmes: &[&Programme]) -> String {
    programmes
        .iter()
        .map(|p| p.slug.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the pair's logged meetings stand against the programme's commitment.
pub(super) fn meetings_of(ctx: &Ctx<'_>, m: &MatchRecord, signs: &PairSigns) -> String {
    crate::domain::meetings::commitment_line(
        signs.minutes_30d,
        signs.meetings,
        ctx.programme(&m.programme)
            .and_then(|p| p.support.commitment_minutes),
    )
}

pub(super) fn health_of(ctx: &Ctx<'_>, m: &MatchRecord, signs: &PairSigns) -> Health {
    health_in(ctx.programme(&m.programme), m, signs, ctx.now)
}

/// `M7 · Amina (A1) ↔ Ola (A3) · pathways-2027 · on track`.
fn line(m: &MatchRecord, h: Health) -> String {
    let mut s = format!(
        "{} · {} (A{}) ↔ {} (A{}) · {} · {}",
        m.label(),
        m.mentee_name,
        m.mentee_application,
        m.mentor_name,
        m.mentor_application,
        m.programme,
        h.describe()
    );
    if h == Health::Ended {
        s = format!("{s} ({})", m.status);
    } else if m.status == crate::domain::matches::MatchStatus::Active {
        s.push_str(&format!(" · since {}", m.started().format("%-d %b %Y")));
    }
    s
}

fn list_text(ctx: &Ctx<'_>, rows: &[(MatchRecord, PairSigns)], filters: &[String]) -> String {
    let all = filters.iter().any(|f| f == "all");
    let mut chosen: Vec<(Health, &MatchRecord)> = rows
        .iter()
        .map(|(m, signs)| (health_of(ctx, m, signs), m))
        .filter(|(h, _)| {
            if all {
                true
            } else if filters.is_empty() {
                h.is_open()
            } else {
                filters.iter().any(|f| h.answers(f))
            }
        })
        .collect();
    let what = if all {
        "match(es)".to_string()
    } else if filters.is_empty() {
        "open match(es)".to_string()
    } else {
        format!("match(es) ({})", filters.join(", "))
    };
    if chosen.is_empty() {
        return format!(
            "No {what}. Filters: {}, or all.",
            Health::FILTERS
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // The most urgent first, then the oldest.
    chosen.sort_by_key(|(h, m)| (*h, m.id));
    let mut s = format!("{} {what}, the most urgent first:", chosen.len());
    for (h, m) in chosen.iter().take(MAX_LISTED) {
        s.push('\n');
        s.push_str(&line(m, *h));
    }
    if chosen.len() > MAX_LISTED {
        s.push_str(&format!(
            "\n… and {} more: narrow the list with a programme or a filter ({}).",
            chosen.len() - MAX_LISTED,
            Health::FILTERS
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    s.push_str(&format!(
        "\nType {} match show <number> to see one.",
        ctx.room_prefix
    ));
    s
}

fn show_text(ctx: &Ctx<'_>, m: &MatchRecord, signs: &PairSigns) -> String {
    let h = health_of(ctx, m, signs);
    let programme = ctx
        .programme(&m.programme)
        .map_or(m.programme.as_str(), |p| p.name.as_str());
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%-d %b %Y").to_string();
    let answer = |a: Option<bool>| match a {
        Some(true) => "accepted",
        Some(false) => "declined",
        None => "not answered yet",
    };
    let mut s = format!(
        "{} · {programme} · {} · {}\nMentee: {} (A{}, {}) — {}\nMentor: {} (A{}, {}) — {}",
        m.label(),
        m.status,
        h.describe(),
        m.mentee_name,
        m.mentee_application,
        m.mentee,
        answer(m.mentee_answer),
        m.mentor_name,
        m.mentor_application,
        m.mentor,
        answer(m.mentor_answer),
    );
    s.push_str(&format!(
        "\nProposed {}{}{}",
        day(m.created_at),
        m.started_at
            .map(|t| format!(" · started {}", day(t)))
            .unwrap_or_default(),
        match (m.status, m.deadline) {
            (crate::domain::matches::MatchStatus::Approved, Some(d)) =>
                format!(" · answers due by {}", day(d)),
            _ => String::new(),
        }
    ));
    let reasons: Vec<String> = m
        .reasons
        .iter()
        .map(|(why, points)| format!("{why} (+{points})"))
        .collect();
    s.push_str(&format!("\nScore {}: {}", m.score, reasons.join("; ")));
    if let Some(room) = &m.room {
        s.push_str(&format!(
            "\nPair room: {room} · last message {}",
            signs.last_activity.map_or("never".to_string(), day)
        ));
    }
    if m.status == crate::domain::matches::MatchStatus::Active {
        let next = ctx.programme(&m.programme).and_then(|p| {
            crate::domain::support::next_contact_due(
                &p.support,
                m.started(),
                signs.contacts,
                signs.last_contact,
            )
        });
        s.push_str(&format!(
            "\nLooked after by {} · {} staff check-in(s){}",
            signs.staff.as_ref().map_or("nobody", |u| u.id.as_str()),
            signs.contacts,
            next.map(|t| format!(", the next due by {}", day(t)))
                .unwrap_or_default()
        ));
        s.push_str(&format!("\nMeetings: {}", meetings_of(ctx, m, signs)));
    }
    if signs.check_ins > 0 {
        s.push_str(&format!(
            "\nCheck-ins: {} asked, met at {}{}",
            signs.check_ins,
            signs.met,
            if signs.stuck {
                " · the latest said “We're stuck”"
            } else {
                ""
            }
        ));
    }
    if let Some(c) = &m.closure {
        s.push_str(&format!(
            "\nClosed {} ({}) by {}: {}",
            day(c.at),
            c.kind.as_str(),
            c.by,
            c.reason
        ));
    }
    let p = ctx.room_prefix;
    let id = m.id;
    let next = match m.status {
        crate::domain::matches::MatchStatus::Proposed => format!(
            "{p} match approve P{id} · {p} match reject P{id} <reason> · {p} match swap P{id} <mentor's application>"
        ),
        crate::domain::matches::MatchStatus::Active => format!(
            "{p} checkin M{id} <notes> · {p} message M{id} <text> · {p} pause M{id} until <date> · {p} close match M{id} <reason> · {p} match rematch A{}",
            m.mentee_application
        ),
        _ => format!("{p} match rematch A{}", m.mentee_application),
    };
    s.push_str(&format!("\nNext: {next}"));
    s
}

fn who_text(
    mine: &[&Programme],
    typed: &str,
    people: &[(KnownPerson, Vec<ApplicationSummary>, Vec<MatchRecord>)],
) -> String {
    let ours = |slug: &str| mine.iter().any(|p| p.slug == slug);
    let mut found = Vec::new();
    for (person, applications, matches) in people {
        let applications: Vec<&ApplicationSummary> =
            applications.iter().filter(|a| ours(&a.programme)).collect();
        if applications.is_empty() {
            continue;
        }
        let mut s = format!(
            "{} ({})",
            person.name.as_deref().unwrap_or(&person.user.id),
            person.user
        );
        for a in applications {
            s.push_str(&format!(
                "\n  {} · {} · {} · {}",
                numbers::application(a.id),
                a.programme,
                a.role,
                crate::domain::application::Stage::of(a, matches).describe()
            ));
        }
        for m in matches.iter().filter(|m| ours(&m.programme)) {
            s.push_str(&format!(
                "\n  {} · {} ↔ {} · {}",
                m.label(),
                m.mentee_name,
                m.mentor_name,
                m.status
            ));
        }
        found.push(s);
    }
    if found.is_empty() {
        return format!(
            "Nobody in your programmes answers to “{typed}”. Try part of their name, their chat id, or an application number like A12."
        );
    }
    format!(
        "{} {} “{typed}”:\n{}",
        found.len(),
        if found.len() == 1 {
            "person answers to"
        } else {
            "people answer to"
        },
        found.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_takes_a_programme_and_health_filters_in_any_order() {
        assert_eq!(
            parse("matches"),
            Some(Ok(RosterCommand::Matches {
                programme: None,
                filters: vec![]
            }))
        );
        assert_eq!(
            parse("Matches quiet pathways-2027 STUCK"),
            Some(Ok(RosterCommand::Matches {
                programme: Some("pathways-2027".into()),
                filters: vec!["quiet".into(), "stuck".into()]
            }))
        );
        assert!(matches!(parse("matches a b"), Some(Err(_))));
    }

    #[test]
    fn match_show_takes_a_match_or_proposal_number_and_refuses_an_application_number() {
        assert_eq!(parse("match show M7"), Some(Ok(RosterCommand::Show(7))));
        assert_eq!(parse("match show p3"), Some(Ok(RosterCommand::Show(3))));
        assert_eq!(parse("match show 3"), Some(Ok(RosterCommand::Show(3))));
        let refusal = parse("match show A3").unwrap().unwrap_err();
        assert!(refusal.contains("A3 is an application"), "{refusal}");
        assert!(matches!(parse("match show"), Some(Err(_))));
        assert_eq!(parse("match approve 3"), None);
    }

    #[test]
    fn who_takes_the_rest_of_the_message_as_a_name() {
        assert_eq!(
            parse("who Amina Diallo"),
            Some(Ok(RosterCommand::Who("Amina Diallo".into())))
        );
        assert_eq!(
            parse("find ola"),
            Some(Ok(RosterCommand::Who("ola".into())))
        );
        assert!(matches!(parse("who"), Some(Err(_))));
        assert_eq!(parse("whoever"), None);
    }
}
