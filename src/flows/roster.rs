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

use super::{Ctx, Outcome, Subject, post_said};
use crate::domain::health::{Health, PairSigns, health_in};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::people::KnownPerson;
use crate::domain::{ApplicationSummary, Programme, RoomRef};
use crate::i18n::Text;

/// Most matches one `matches` message lists; a longer list asks for a filter.
const MAX_LISTED: usize = 40;

fn usage() -> Text {
    Text::msg("roster-usage")
}

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
pub fn parse(text: &str) -> Option<Result<RosterCommand, Text>> {
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
                    return Some(Err(usage()));
                }
            }
            Ok(RosterCommand::Matches { programme, filters })
        }
        // A number of another kind (`match show A3`) is refused with what was expected.
        ["match", "show", n] => match numbers::read(n, Numbered::Match) {
            Some(read) => read.map(RosterCommand::Show),
            None => Err(usage()),
        },
        ["match", "show", ..] => Err(usage()),
        ["who" | "find", _, ..] => Ok(RosterCommand::Who(words[1..].join(" "))),
        ["who" | "find"] => Err(usage()),
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

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<RosterCommand, Text>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("roster-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let mine = coordinated(ctx);
    let reply = |text: Text| post_said(room, text);
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
            let no_such = || reply(Text::msg("matching-no-such").arg("id", id));
            let Subject::Matches(rows) = ctx.subject else {
                return no_such();
            };
            let Some((m, signs)) = rows.iter().find(|(m, _)| m.id == id) else {
                return no_such();
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
) -> Result<&'a [(MatchRecord, PairSigns)], Text> {
    if let Some(slug) = named
        && !mine.iter().any(|p| p.slug == slug)
    {
        return Err(Text::msg("roster-not-yours")
            .arg("programme", slug)
            .arg("yours", slugs(mine)));
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

/// The health words `matches` takes, as typed.
fn filter_words() -> String {
    Health::FILTERS
        .iter()
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the pair's logged meetings stand against the programme's commitment.
pub(super) fn meetings_of(ctx: &Ctx<'_>, m: &MatchRecord, signs: &PairSigns) -> Text {
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

/// A moment's day, in the reader's language.
fn day(t: chrono::DateTime<chrono::Utc>) -> Text {
    Text::date(t.date_naive())
}

/// `M7 · Amina (A1) ↔ Ola (A3) · pathways-2027 · on track`.
fn line(m: &MatchRecord, h: Health) -> Text {
    let health = if h == Health::Ended {
        // Which way it ended: `ended (declined)`.
        Text::join(
            vec![
                h.said(),
                Text::plain(" ("),
                m.status.said(),
                Text::plain(")"),
            ],
            "",
        )
    } else {
        h.said()
    };
    let mut parts = vec![
        Text::plain(format!(
            "{} · {} (A{}) ↔ {} (A{}) · {}",
            m.label(),
            m.mentee_name,
            m.mentee_application,
            m.mentor_name,
            m.mentor_application,
            m.programme,
        )),
        health,
    ];
    if m.status == MatchStatus::Active {
        parts.push(Text::msg("roster-since").arg("date", day(m.started())));
    }
    Text::join(parts, " · ")
}

fn list_text(ctx: &Ctx<'_>, rows: &[(MatchRecord, PairSigns)], filters: &[String]) -> Text {
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
    let typed = filters.join(", ");
    if chosen.is_empty() {
        let none = if all {
            Text::msg("roster-none")
        } else if filters.is_empty() {
            Text::msg("roster-none-open")
        } else {
            Text::msg("roster-none-filtered").arg("filters", typed)
        };
        return none.arg("all", filter_words());
    }
    // The most urgent first, then the oldest.
    chosen.sort_by_key(|(h, m)| (*h, m.id));
    let head = if all {
        Text::msg("roster-listed")
    } else if filters.is_empty() {
        Text::msg("roster-listed-open")
    } else {
        Text::msg("roster-listed-filtered").arg("filters", typed)
    };
    let mut lines = vec![head.arg("count", chosen.len())];
    lines.extend(chosen.iter().take(MAX_LISTED).map(|(h, m)| line(m, *h)));
    if chosen.len() > MAX_LISTED {
        lines.push(
            Text::msg("roster-listed-more")
                .arg("count", chosen.len() - MAX_LISTED)
                .arg("all", filter_words()),
        );
    }
    lines.push(Text::msg("roster-listed-hint").arg("prefix", ctx.room_prefix));
    Text::lines(lines)
}

fn show_text(ctx: &Ctx<'_>, m: &MatchRecord, signs: &PairSigns) -> Text {
    let h = health_of(ctx, m, signs);
    let programme = ctx
        .programme(&m.programme)
        .map_or_else(|| Text::plain(&m.programme), Programme::said_name);
    let answer = |a: Option<bool>| match a {
        Some(true) => Text::msg("roster-answer-accepted"),
        Some(false) => Text::msg("roster-answer-declined"),
        None => Text::msg("roster-answer-none"),
    };
    let mut lines = vec![
        Text::join(
            vec![Text::plain(m.label()), programme, m.status.said(), h.said()],
            " · ",
        ),
        Text::msg("roster-show-mentee")
            .arg("name", &m.mentee_name)
            .arg("application", m.mentee_application)
            .arg("user", m.mentee.to_string())
            .arg("answer", answer(m.mentee_answer)),
        Text::msg("roster-show-mentor")
            .arg("name", &m.mentor_name)
            .arg("application", m.mentor_application)
            .arg("user", m.mentor.to_string())
            .arg("answer", answer(m.mentor_answer)),
    ];
    let mut dates = vec![Text::msg("roster-show-proposed").arg("date", day(m.created_at))];
    if let Some(t) = m.started_at {
        dates.push(Text::msg("roster-show-started").arg("date", day(t)));
    }
    if let (MatchStatus::Approved, Some(d)) = (m.status, m.deadline) {
        dates.push(Text::msg("roster-show-due").arg("date", day(d)));
    }
    lines.push(Text::join(dates, " · "));
    lines.push(
        Text::msg("roster-show-score")
            .arg("score", m.score.to_string())
            .arg("reasons", super::pairing::why_text(&m.reasons)),
    );
    if let Some(room) = &m.room {
        lines.push(
            Text::msg("roster-show-room")
                .arg("room", room.to_string())
                .arg(
                    "last",
                    signs
                        .last_activity
                        .map_or_else(|| Text::msg("roster-never"), day),
                ),
        );
    }
    if m.status == MatchStatus::Active {
        let next = ctx.programme(&m.programme).and_then(|p| {
            crate::domain::support::next_contact_due(
                &p.support,
                m.started(),
                signs.contacts,
                signs.last_contact,
            )
        });
        let staff = signs
            .staff
            .as_ref()
            .map_or_else(|| Text::msg("roster-nobody"), |u| Text::plain(&u.id));
        let looked_after = match next {
            Some(t) => Text::msg("roster-show-looked-after-next").arg("date", day(t)),
            None => Text::msg("roster-show-looked-after"),
        };
        lines.push(
            looked_after
                .arg("staff", staff)
                .arg("count", i64::from(signs.contacts)),
        );
        lines.push(Text::msg("roster-show-meetings").arg("meetings", meetings_of(ctx, m, signs)));
    }
    if signs.check_ins > 0 {
        let said = if signs.stuck {
            Text::msg("roster-show-check-ins-stuck").arg("stuck", Text::msg("checkin-stuck"))
        } else {
            Text::msg("roster-show-check-ins")
        };
        lines.push(
            said.arg("asked", i64::from(signs.check_ins))
                .arg("met", i64::from(signs.met)),
        );
    }
    if let Some(c) = &m.closure {
        lines.push(
            Text::msg("roster-show-closed")
                .arg("date", day(c.at))
                .arg("kind", c.kind.said())
                .arg("by", &c.by)
                .arg("reason", &c.reason),
        );
    }
    let next = match m.status {
        MatchStatus::Proposed => Text::msg("roster-next-proposed").arg("id", m.id),
        MatchStatus::Active => Text::msg("roster-next-active").arg("id", m.id),
        _ => Text::msg("roster-next-ended"),
    };
    lines.push(
        Text::msg("roster-show-next").arg(
            "commands",
            next.arg("prefix", ctx.room_prefix)
                .arg("application", m.mentee_application),
        ),
    );
    Text::lines(lines)
}

fn who_text(
    mine: &[&Programme],
    typed: &str,
    people: &[(KnownPerson, Vec<ApplicationSummary>, Vec<MatchRecord>)],
) -> Text {
    let ours = |slug: &str| mine.iter().any(|p| p.slug == slug);
    let mut found = Vec::new();
    for (person, applications, matches) in people {
        let applications: Vec<&ApplicationSummary> =
            applications.iter().filter(|a| ours(&a.programme)).collect();
        if applications.is_empty() {
            continue;
        }
        let mut lines = vec![Text::plain(format!(
            "{} ({})",
            person.name.as_deref().unwrap_or(&person.user.id),
            person.user
        ))];
        for a in applications {
            lines.push(Text::join(
                vec![
                    Text::plain(format!(
                        "  {} · {}",
                        numbers::application(a.id),
                        a.programme,
                    )),
                    Text::msg("role-one").arg("role", a.role.as_str()),
                    crate::domain::application::Stage::of(a, matches).said(),
                ],
                " · ",
            ));
        }
        for m in matches.iter().filter(|m| ours(&m.programme)) {
            lines.push(Text::join(
                vec![
                    Text::plain(format!(
                        "  {} · {} ↔ {}",
                        m.label(),
                        m.mentee_name,
                        m.mentor_name,
                    )),
                    m.status.said(),
                ],
                " · ",
            ));
        }
        found.push(Text::lines(lines));
    }
    if found.is_empty() {
        return Text::msg("roster-who-nobody").arg("typed", typed);
    }
    let mut lines = vec![
        Text::msg("roster-who-found")
            .arg("count", found.len())
            .arg("typed", typed),
    ];
    lines.extend(found);
    Text::lines(lines)
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
        let refusal = parse("match show A3").unwrap().unwrap_err().english();
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
