//! Staff check-ins, in the coordinators' room: what is due (`checkins`), logging a contact
//! with a pair (`checkin`), a match's log (`checkins M3`), and handing a pair to another
//! staff member (`checkin assign`).
//!
//! Commands (after the room prefix):
//! - `checkins [due] [programme] [mine]`: the staff contacts due within a week or overdue,
//!   the most overdue first (`mine`: those assigned to the sender);
//! - `checkins [for] <match>`: a match's staff contacts, with who looks after it and when the
//!   next is due;
//! - `checkin <match> [[with] mentee|mentor|both] [[by] chat|call|video|meeting|email]
//!   [concern]: <notes>`: logs a contact (with both, by chat, unless said before a colon);
//!   `concern` marks the match at risk until a later contact without one;
//! - `checkin assign <match> <staff member>`: the pair is looked after by them now.
//!
//! The schedule, the balancing of caseloads and the reminders are `domain::support` and
//! the support sweep (`app::scheduler::support`); the app loads what a command needs
//! (`Needs::Matches`, `Needs::MatchShow`, `Needs::StaffCheckIns`). A new command is a
//! variant of [`SupportCommand`], its grammar in [`parse`], its needs, its class and its
//! text here.

use crate::i18n::Text;
use chrono::{DateTime, Utc};

pub mod notices;

use super::roster::{coordinated, health_of, meetings_of, mine_among};
use super::{Ctx, Effect, Outcome, Subject, post_only};
use crate::chat::OutMessage;
use crate::domain::health::{Health, PairSigns};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::support::{
    Channel, ContactDue, MAX_NOTE_CHARS, StaffCheckIn, SupportPlan, Whom, next_contact_due,
};
use crate::domain::text::{char_len, days};
use crate::domain::{Programme, RoomRef, UserRef};

const USAGE: &str = "Usage: checkins [programme] [mine] · checkins for <match> · checkin <match> [with mentee|mentor|both] [by chat|call|video|meeting|email] [concern]: <notes> · checkin assign <match> <staff member>";

/// Most contacts one `checkins` message lists.
const MAX_LISTED: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportCommand {
    /// What is due or overdue.
    Due {
        programme: Option<String>,
        mine: bool,
    },
    /// One match's log.
    History(i64),
    /// A contact to log.
    Log {
        match_id: i64,
        with: Whom,
        how: Channel,
        concern: bool,
        notes: String,
    },
    /// Hand a pair to someone else: the match, and the staff member as written.
    Assign(i64, String),
}

impl SupportCommand {
    /// The match the command is about, if one.
    pub fn match_id(&self) -> Option<i64> {
        match self {
            SupportCommand::Due { .. } => None,
            SupportCommand::History(id)
            | SupportCommand::Log { match_id: id, .. }
            | SupportCommand::Assign(id, _) => Some(*id),
        }
    }
}

/// Reads `checkins …` and `checkin …`; `Some(Err)` carries what is wrong.
pub fn parse(text: &str) -> Option<Result<SupportCommand, String>> {
    let text = text.trim();
    let (first, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = rest.trim();
    match first.to_lowercase().as_str() {
        "checkins" | "check-ins" => Some(parse_list(rest)),
        "checkin" | "check-in" => Some(parse_log(rest)),
        _ => None,
    }
}

fn parse_list(rest: &str) -> Result<SupportCommand, String> {
    let mut programme = None;
    let mut mine = false;
    let words: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    let words: &[String] = match words.as_slice() {
        [of, rest @ ..] if of == "for" || of == "of" => rest,
        all => all,
    };
    // `due` says what the list is anyway: `checkins due M3` is M3's.
    let words: Vec<&String> = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "due" | "overdue"))
        .collect();
    if let [one] = words.as_slice()
        && let Some(n) = numbers::read(one, Numbered::Match)
    {
        return n.map(SupportCommand::History);
    }
    for word in words {
        match word.as_str() {
            "mine" | "my" => mine = true,
            _ if programme.is_none() => programme = Some(word.clone()),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(SupportCommand::Due { programme, mine })
}

fn parse_log(rest: &str) -> Result<SupportCommand, String> {
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if first.eq_ignore_ascii_case("assign") {
        let words: Vec<&str> = after.split_whitespace().collect();
        return match words.as_slice() {
            [n, who] => numbers::read_or(n, Numbered::Match, USAGE)
                .map(|id| SupportCommand::Assign(id, who.to_string())),
            _ => Err(USAGE.into()),
        };
    }
    let match_id = numbers::read_or(first.trim_end_matches(':'), Numbered::Match, USAGE)?;
    // Options come before a colon, and only when every word there is one: otherwise
    // (no colon, or "met at 10:30") it is all notes, with both, by chat.
    let (with, how, concern, notes) = after
        .split_once(':')
        .and_then(|(options, notes)| {
            let (with, how, concern) = read_options(options)?;
            Some((with, how, concern, notes))
        })
        .unwrap_or((Whom::Both, Channel::Chat, false, after));
    let notes = notes.trim();
    if notes.is_empty() {
        return Err(
            "Say what you talked about after the match, like: checkin M3 by call with both: they met twice and are planning a CV review."
                .into(),
        );
    }
    if char_len(notes) > MAX_NOTE_CHARS {
        return Err(format!(
            "That note is {} characters; a check-in keeps at most {MAX_NOTE_CHARS}.",
            char_len(notes)
        ));
    }
    Ok(SupportCommand::Log {
        match_id,
        with,
        how,
        concern,
        notes: notes.to_string(),
    })
}

/// The options before a check-in's colon (with whom, how, a concern); `None` when a word
/// there is none of them.
fn read_options(text: &str) -> Option<(Whom, Channel, bool)> {
    let (mut with, mut how, mut concern) = (Whom::Both, Channel::Chat, false);
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        let w = word.to_lowercase();
        if w.is_empty() || matches!(w.as_str(), "with" | "by" | "via" | "on") {
            continue;
        } else if let Some(whom) = Whom::parse(&w) {
            with = whom;
        } else if let Some(channel) = Channel::parse(&w) {
            how = channel;
        } else if w == "concern" {
            concern = true;
        } else {
            return None;
        }
    }
    Some((with, how, concern))
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<SupportCommand, String>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        "Staff check-ins work only in the coordinators' room, so that pairs' notes are never shown anywhere else.",
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let mine = coordinated(ctx);
    let reply = |text: String| post_only(room, text);
    if mine.is_empty() {
        return super::review::refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-check-ins"),
        );
    }
    let one = |id: i64| -> Result<(&MatchRecord, &PairSigns, &Programme), Box<Outcome>> {
        let found = match ctx.subject {
            Subject::Matches(rows) => rows.iter().find(|(m, _)| m.id == id).map(|(m, s)| (m, s)),
            Subject::StaffCheckIns(Some(found)) if found.0.id == id => Some((&found.0, &found.1)),
            _ => None,
        };
        let Some((m, signs)) = found else {
            return Err(Box::new(reply(format!("There is no match M{id}."))));
        };
        match mine.iter().find(|p| p.slug == m.programme) {
            Some(p) => Ok((m, signs, p)),
            None => Err(Box::new(super::review::refuse_non_coordinator(
                ctx,
                room,
                Text::msg("coordinators-can-match-check-ins").arg("match", m.label()),
            ))),
        }
    };
    match command {
        SupportCommand::Due {
            programme,
            mine: only_mine,
        } => match mine_among(ctx, &mine, programme.as_deref()) {
            Ok(rows) => reply(due_text(ctx, rows, only_mine)),
            Err(refused) => reply(refused.english()),
        },
        SupportCommand::History(id) => match one(id) {
            Ok((m, signs, p)) => {
                let log = match ctx.subject {
                    Subject::StaffCheckIns(Some(found)) => found.2.as_slice(),
                    _ => &[],
                };
                reply(history_text(ctx, m, signs, &p.support, log))
            }
            Err(refused) => *refused,
        },
        SupportCommand::Log {
            match_id,
            with,
            how,
            concern,
            notes,
        } => {
            let (m, signs, p) = match one(match_id) {
                Ok(found) => found,
                Err(refused) => return *refused,
            };
            if m.status != MatchStatus::Active {
                return reply(format!(
                    "{} is {}: staff check-ins are logged for active matches only.",
                    m.label(),
                    m.status
                ));
            }
            let next = next_contact_due(&p.support, m.started(), signs.contacts + 1, Some(ctx.now));
            let mut text = format!(
                "Logged: a check-in with {} by {} for {} ({} ↔ {}).",
                match with {
                    Whom::Both => "both".to_string(),
                    Whom::Mentee => m.mentee_name.clone(),
                    Whom::Mentor => m.mentor_name.clone(),
                },
                how.as_str(),
                m.label(),
                m.mentee_name,
                m.mentor_name
            );
            if concern {
                text.push_str(&format!(
                    " Noted as a concern: {} is at risk until a check-in without one.",
                    m.label()
                ));
            }
            if let Some(next) = next {
                text.push_str(&format!(" The next is due by {}.", day(next)));
            }
            Outcome::unchanged(vec![
                Effect::LogStaffCheckIn(StaffCheckIn {
                    match_id,
                    by: ctx.user.to_string(),
                    with,
                    how,
                    concern,
                    notes,
                    at: ctx.now,
                }),
                Effect::PostInRoom {
                    room: room.clone(),
                    message: OutMessage::text(text),
                },
            ])
        }
        SupportCommand::Assign(id, written) => {
            let (m, _, p) = match one(id) {
                Ok(found) => found,
                Err(refused) => return *refused,
            };
            if m.status != MatchStatus::Active {
                return reply(format!(
                    "{} is {}: only an active match is looked after.",
                    m.label(),
                    m.status
                ));
            }
            let staff = p.support.staff_on(&p.coordinators, m.mentee.platform);
            let Some(to) = staff_named(&staff, &written, ctx.user.platform) else {
                let who: Vec<String> = staff.iter().map(|s| s.to_string()).collect();
                return reply(format!(
                    "`{written}` doesn't look after pairs in {} on {}. Who does: {}.",
                    p.name,
                    m.mentee.platform.as_str(),
                    if who.is_empty() {
                        "nobody".to_string()
                    } else {
                        who.join(", ")
                    }
                ));
            };
            let mut effects = vec![
                Effect::AssignStaff {
                    match_id: id,
                    among: vec![to.clone()],
                },
                // Told here (or it is themselves): the sweep's welcome is not sent again.
                Effect::MarkSupportNotice {
                    match_id: id,
                    name: notices::assigned_notice(to),
                },
                Effect::PostInRoom {
                    room: room.clone(),
                    message: OutMessage::text(format!(
                        "{} ({} ↔ {}) is looked after by {} now.",
                        m.label(),
                        m.mentee_name,
                        m.mentor_name,
                        to.id
                    )),
                },
            ];
            if to != ctx.user {
                effects.push(Effect::SendDm {
                    to: to.clone(),
                    message: OutMessage::text(format!(
                        "{} handed you match {} ({} ↔ {}, {}): you look after it now. Its check-ins: {} checkins for {} in the coordinators' room.",
                        ctx.user.id,
                        m.label(),
                        m.mentee_name,
                        m.mentor_name,
                        p.name,
                        ctx.room_prefix,
                        m.label()
                    )),
                });
            }
            Outcome::unchanged(effects)
        }
    }
}

/// The staff member `written` names among `staff`: `platform:id`, a bare id (on the
/// sender's platform), a Discord mention or a Matrix id.
fn staff_named<'a>(
    staff: &'a [UserRef],
    written: &str,
    platform: crate::domain::Platform,
) -> Option<&'a UserRef> {
    let bare = written
        .trim()
        .trim_start_matches("<@!")
        .trim_start_matches("<@")
        .trim_end_matches('>');
    staff.iter().find(|s| {
        s.to_string().eq_ignore_ascii_case(bare)
            || (s.platform == platform && s.id.eq_ignore_ascii_case(bare))
    })
}

/// A date as the staff's texts show it (`25 Jan 2027`).
pub(crate) fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y").to_string()
}

/// Who looks after a match, as a list shows it.
fn staff_text(signs: &PairSigns) -> String {
    signs
        .staff
        .as_ref()
        .map_or("nobody assigned".to_string(), |s| s.id.clone())
}

/// The staff contacts due within a week or overdue among `rows`, the most overdue first.
fn due_text(ctx: &Ctx<'_>, rows: &[(MatchRecord, PairSigns)], only_mine: bool) -> String {
    let mut due: Vec<(ContactDue, &MatchRecord, &PairSigns)> = Vec::new();
    let mut next_later: Option<(DateTime<Utc>, &MatchRecord)> = None;
    for (m, signs) in rows {
        if only_mine && signs.staff.as_ref() != Some(ctx.user) {
            continue;
        }
        let Some(p) = ctx.programme(&m.programme) else {
            continue;
        };
        // Paused and frozen pairs are not chased; ended ones have nothing due.
        if !matches!(
            health_of(ctx, m, signs),
            Health::AtRisk(_)
                | Health::NeedsCheckIn(_)
                | Health::Quiet(_)
                | Health::TooEarly
                | Health::OnTrack
        ) {
            continue;
        }
        let Some(at) =
            next_contact_due(&p.support, m.started(), signs.contacts, signs.last_contact)
        else {
            continue;
        };
        match ContactDue::at(at, ctx.now) {
            ContactDue::Later(at) => {
                if next_later.is_none_or(|(t, _)| at < t) {
                    next_later = Some((at, m));
                }
            }
            standing => due.push((standing, m, signs)),
        }
    }
    let whose = if only_mine { " of yours" } else { "" };
    if due.is_empty() {
        return match next_later {
            Some((at, m)) => format!(
                "No staff check-in{whose} is due this week. The next: {} ({} ↔ {}) by {}.",
                m.label(),
                m.mentee_name,
                m.mentor_name,
                day(at)
            ),
            None => format!("No staff check-in{whose} is due."),
        };
    }
    due.sort_by_key(|(standing, m, _)| (standing.due(), m.id));
    let overdue = due
        .iter()
        .filter(|(s, _, _)| matches!(s, ContactDue::Overdue(..)))
        .count();
    let mut s = format!(
        "Staff check-ins{whose} due: {overdue} overdue, {} this week, the most overdue first:",
        due.len() - overdue
    );
    for (standing, m, signs) in due.iter().take(MAX_LISTED) {
        let when = match standing {
            ContactDue::Overdue(at, 0) => format!("due today ({})", day(*at)),
            ContactDue::Overdue(at, late) => format!("{} overdue (due {})", days(*late), day(*at)),
            ContactDue::Soon(at) | ContactDue::Later(at) => format!("due by {}", day(*at)),
        };
        s.push_str(&format!(
            "\n{} · {} ↔ {} · {} · contact {}: {when} · {}",
            m.label(),
            m.mentee_name,
            m.mentor_name,
            m.programme,
            signs.contacts + 1,
            staff_text(signs)
        ));
    }
    if due.len() > MAX_LISTED {
        s.push_str(&format!("\n… and {} more.", due.len() - MAX_LISTED));
    }
    s.push_str(&format!(
        "\nLog one: {} checkin <match> [with mentee|mentor|both] [by call|video|chat|meeting|email] [concern]: <notes>",
        ctx.room_prefix
    ));
    s
}

/// A match's staff contacts, who looks after it, and when the next is due.
fn history_text(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    signs: &PairSigns,
    plan: &SupportPlan,
    log: &[StaffCheckIn],
) -> String {
    let mut s = format!(
        "Staff check-ins for {} ({} ↔ {}), {} · looked after by {} · {}",
        m.label(),
        m.mentee_name,
        m.mentor_name,
        m.programme,
        staff_text(signs),
        health_of(ctx, m, signs).describe()
    );
    if log.is_empty() {
        s.push_str("\nNone logged yet.");
    }
    for (i, c) in log.iter().enumerate() {
        let with = match c.with {
            Whom::Both => "both",
            Whom::Mentee => m.mentee_name.as_str(),
            Whom::Mentor => m.mentor_name.as_str(),
        };
        s.push_str(&format!(
            "\n{}. {} · {} · with {with} by {}{} · {}",
            i + 1,
            day(c.at),
            c.by.split_once(':').map_or(c.by.as_str(), |(_, id)| id),
            c.how.as_str(),
            if c.concern { " · concern" } else { "" },
            c.notes
        ));
    }
    if m.status == MatchStatus::Active {
        s.push_str(&format!("\nMeetings: {}", meetings_of(ctx, m, signs)));
    }
    if m.status == MatchStatus::Active
        && let Some(next) = next_contact_due(plan, m.started(), signs.contacts, signs.last_contact)
    {
        s.push_str(&format!("\nNext due by {}.", day(next)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkins_reads_a_match_for_its_log_and_anything_else_as_the_due_list() {
        assert_eq!(
            parse("checkins"),
            Some(Ok(SupportCommand::Due {
                programme: None,
                mine: false
            }))
        );
        assert_eq!(
            parse("checkins due pathways-2027 mine"),
            Some(Ok(SupportCommand::Due {
                programme: Some("pathways-2027".into()),
                mine: true
            }))
        );
        assert_eq!(parse("checkins M3"), Some(Ok(SupportCommand::History(3))));
        assert_eq!(
            parse("checkins due M3"),
            Some(Ok(SupportCommand::History(3))),
            "not a programme called M3"
        );
        assert_eq!(
            parse("checkins for m3"),
            Some(Ok(SupportCommand::History(3)))
        );
        assert!(matches!(parse("checkins A3"), Some(Err(e)) if e.contains("A3 is an application")));
        assert!(matches!(parse("checkins a b c"), Some(Err(e)) if e.starts_with("Usage")));
        assert_eq!(parse("check"), None);
    }

    #[test]
    fn checkin_takes_options_before_a_colon_or_at_the_start_and_the_rest_as_notes() {
        let log = |text: &str| match parse(text) {
            Some(Ok(SupportCommand::Log {
                match_id,
                with,
                how,
                concern,
                notes,
            })) => (match_id, with, how, concern, notes),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(
            log("checkin M3 by call with both: they met twice"),
            (3, Whom::Both, Channel::Call, false, "they met twice".into())
        );
        assert_eq!(
            log("checkin 3 mentee, video, concern: not meeting since March"),
            (
                3,
                Whom::Mentee,
                Channel::Video,
                true,
                "not meeting since March".into()
            )
        );
        // Without a colon, or with words before it that are not options: all notes.
        assert_eq!(
            log("Checkin m3 mentor worried about attendance"),
            (
                3,
                Whom::Both,
                Channel::Chat,
                false,
                "mentor worried about attendance".into()
            )
        );
        assert_eq!(
            log("checkin M3 met at 10:30, all good"),
            (
                3,
                Whom::Both,
                Channel::Chat,
                false,
                "met at 10:30, all good".into()
            )
        );
        assert!(
            matches!(parse("checkin M3 call:"), Some(Err(e)) if e.contains("Say what you talked about"))
        );
        assert!(
            matches!(parse("checkin M3"), Some(Err(e)) if e.contains("Say what you talked about"))
        );
        assert!(
            matches!(parse("checkin A3 hi"), Some(Err(e)) if e.contains("A3 is an application"))
        );
        assert!(matches!(parse("checkin"), Some(Err(e)) if e.starts_with("Usage")));
        let long = format!("checkin M3 {}", "x".repeat(MAX_NOTE_CHARS + 1));
        assert!(matches!(parse(&long), Some(Err(e)) if e.contains("at most 1000")));
        assert_eq!(
            parse("checkin assign M3 console:dev"),
            Some(Ok(SupportCommand::Assign(3, "console:dev".into())))
        );
        assert!(matches!(parse("checkin assign M3"), Some(Err(e)) if e.starts_with("Usage")));
    }

    #[test]
    fn a_staff_member_is_named_by_platform_and_id_by_id_or_by_mention() {
        let staff = [
            UserRef::console("carol"),
            UserRef::new(crate::domain::Platform::Discord, "42"),
        ];
        use crate::domain::Platform::{Console, Discord};
        assert_eq!(
            staff_named(&staff, "console:carol", Discord),
            Some(&staff[0])
        );
        assert_eq!(staff_named(&staff, "Carol", Console), Some(&staff[0]));
        assert_eq!(staff_named(&staff, "<@!42>", Discord), Some(&staff[1]));
        assert_eq!(staff_named(&staff, "carol", Discord), None);
        assert_eq!(staff_named(&staff, "dev", Console), None);
    }
}
