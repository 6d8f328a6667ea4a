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
use super::{Ctx, Effect, Outcome, Subject, post_said, said_in};
use crate::chat::OutMessage;
use crate::domain::health::{Health, PairSigns};
use crate::domain::matches::{MatchRecord, MatchStatus};
use crate::domain::numbers::{self, Numbered};
use crate::domain::support::{
    Channel, ContactDue, MAX_NOTE_CHARS, StaffCheckIn, SupportPlan, Whom, next_contact_due,
};
use crate::domain::text::char_len;
use crate::domain::{Programme, RoomRef, UserRef};

fn usage() -> Text {
    Text::msg("support-usage")
}

/// A match number where one is expected: a number of another kind is refused with what
/// was expected, anything else with the usage.
fn match_number(word: &str) -> Result<i64, Text> {
    match numbers::read(word, Numbered::Match) {
        Some(read) => read,
        None => Err(usage()),
    }
}

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
pub fn parse(text: &str) -> Option<Result<SupportCommand, Text>> {
    let text = text.trim();
    let (first, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = rest.trim();
    match first.to_lowercase().as_str() {
        "checkins" | "check-ins" => Some(parse_list(rest)),
        "checkin" | "check-in" => Some(parse_log(rest)),
        _ => None,
    }
}

fn parse_list(rest: &str) -> Result<SupportCommand, Text> {
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
            _ => return Err(usage()),
        }
    }
    Ok(SupportCommand::Due { programme, mine })
}

fn parse_log(rest: &str) -> Result<SupportCommand, Text> {
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if first.eq_ignore_ascii_case("assign") {
        let words: Vec<&str> = after.split_whitespace().collect();
        return match words.as_slice() {
            [n, who] => match_number(n).map(|id| SupportCommand::Assign(id, who.to_string())),
            _ => Err(usage()),
        };
    }
    let match_id = match_number(first.trim_end_matches(':'))?;
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
        return Err(Text::msg("support-say-what"));
    }
    if char_len(notes) > MAX_NOTE_CHARS {
        return Err(Text::msg("support-note-too-long")
            .arg("chars", char_len(notes))
            .arg("max", MAX_NOTE_CHARS));
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

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<SupportCommand, Text>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("support-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let mine = coordinated(ctx);
    let reply = |text: Text| post_said(room, text);
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
            return Err(Box::new(reply(Text::msg("close-no-match").arg("m", id))));
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
            Err(refused) => post_said(room, refused),
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
                return reply(
                    Text::msg("support-log-not-active")
                        .arg("match", m.label())
                        .arg("status", m.status.said()),
                );
            }
            let next = next_contact_due(&p.support, m.started(), signs.contacts + 1, Some(ctx.now));
            let mut text = vec![
                Text::msg("support-logged")
                    .arg("with", with_whom(m, with))
                    .arg("how", channel(how))
                    .arg("match", m.label())
                    .arg("mentee", &m.mentee_name)
                    .arg("mentor", &m.mentor_name),
            ];
            if concern {
                text.push(Text::msg("support-logged-concern").arg("match", m.label()));
            }
            if let Some(next) = next {
                text.push(Text::msg("support-next-due").arg("date", day(next)));
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
                said_in(room, Text::join(text, " ")),
            ])
        }
        SupportCommand::Assign(id, written) => {
            let (m, _, p) = match one(id) {
                Ok(found) => found,
                Err(refused) => return *refused,
            };
            if m.status != MatchStatus::Active {
                return reply(
                    Text::msg("support-assign-not-active")
                        .arg("match", m.label())
                        .arg("status", m.status.said()),
                );
            }
            let staff = p.support.staff_on(&p.coordinators, m.mentee.platform);
            let Some(to) = staff_named(&staff, &written, ctx.user.platform) else {
                let who: Vec<String> = staff.iter().map(|s| s.to_string()).collect();
                return reply(
                    Text::msg("support-not-staff")
                        .arg("written", written.as_str())
                        .arg("programme", p.said_name())
                        .arg("platform", m.mentee.platform.as_str())
                        .arg(
                            "staff",
                            if who.is_empty() {
                                Text::msg("support-nobody")
                            } else {
                                Text::plain(who.join(", "))
                            },
                        ),
                );
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
                said_in(
                    room,
                    Text::msg("support-assigned")
                        .arg("match", m.label())
                        .arg("mentee", &m.mentee_name)
                        .arg("mentor", &m.mentor_name)
                        .arg("staff", to.id.as_str()),
                ),
            ];
            if to != ctx.user {
                effects.push(Effect::SendDm {
                    to: to.clone(),
                    message: OutMessage::said(
                        Text::msg("support-handed")
                            .arg("from", ctx.user.id.as_str())
                            .arg("match", m.label())
                            .arg("mentee", &m.mentee_name)
                            .arg("mentor", &m.mentor_name)
                            .arg("programme", p.said_name())
                            .arg("prefix", ctx.room_prefix),
                    ),
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

/// A date as the staff's texts show it (`25 January 2027`).
pub(crate) fn day(t: DateTime<Utc>) -> Text {
    Text::date(t.date_naive())
}

/// Who looks after a match, as a list shows it.
fn staff_text(signs: &PairSigns) -> Text {
    signs
        .staff
        .as_ref()
        .map_or(Text::msg("support-nobody-assigned"), |s| Text::plain(&s.id))
}

/// With whom a check-in was: both, or one of them by name.
fn with_whom(m: &MatchRecord, with: Whom) -> Text {
    match with {
        Whom::Both => Text::msg("support-with-both"),
        Whom::Mentee => Text::plain(&m.mentee_name),
        Whom::Mentor => Text::plain(&m.mentor_name),
    }
}

/// How a check-in was made, in words.
fn channel(how: Channel) -> Text {
    match how {
        Channel::Chat => Text::msg("support-channel-chat"),
        Channel::Call => Text::msg("support-channel-call"),
        Channel::Video => Text::msg("support-channel-video"),
        Channel::Meeting => Text::msg("support-channel-meeting"),
        Channel::Email => Text::msg("support-channel-email"),
    }
}

/// The staff contacts due within a week or overdue among `rows`, the most overdue first.
fn due_text(ctx: &Ctx<'_>, rows: &[(MatchRecord, PairSigns)], only_mine: bool) -> Text {
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
    if due.is_empty() {
        return match next_later {
            Some((at, m)) => Text::msg(if only_mine {
                "support-none-due-next-mine"
            } else {
                "support-none-due-next"
            })
            .arg("match", m.label())
            .arg("mentee", &m.mentee_name)
            .arg("mentor", &m.mentor_name)
            .arg("date", day(at)),
            None if only_mine => Text::msg("support-none-due-mine"),
            None => Text::msg("support-none-due"),
        };
    }
    due.sort_by_key(|(standing, m, _)| (standing.due(), m.id));
    let overdue = due
        .iter()
        .filter(|(s, _, _)| matches!(s, ContactDue::Overdue(..)))
        .count();
    let mut lines = vec![
        Text::msg(if only_mine {
            "support-due-head-mine"
        } else {
            "support-due-head"
        })
        .arg("overdue", overdue)
        .arg("soon", due.len() - overdue),
    ];
    for (standing, m, signs) in due.iter().take(MAX_LISTED) {
        let when = match standing {
            ContactDue::Overdue(at, 0) => Text::msg("support-due-today").arg("date", day(*at)),
            ContactDue::Overdue(at, late) => Text::msg("support-due-late")
                .arg("late", Text::msg("days").arg("count", *late))
                .arg("date", day(*at)),
            ContactDue::Soon(at) | ContactDue::Later(at) => {
                Text::msg("support-due-by").arg("date", day(*at))
            }
        };
        lines.push(
            Text::msg("support-due-line")
                .arg("match", m.label())
                .arg("mentee", &m.mentee_name)
                .arg("mentor", &m.mentor_name)
                .arg("programme", &m.programme)
                .arg("n", i64::from(signs.contacts) + 1)
                .arg("when", when)
                .arg("staff", staff_text(signs)),
        );
    }
    if due.len() > MAX_LISTED {
        lines.push(Text::msg("support-due-more").arg("count", due.len() - MAX_LISTED));
    }
    lines.push(Text::msg("support-due-hint").arg("prefix", ctx.room_prefix));
    Text::lines(lines)
}

/// A match's staff contacts, who looks after it, and when the next is due.
fn history_text(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    signs: &PairSigns,
    plan: &SupportPlan,
    log: &[StaffCheckIn],
) -> Text {
    let mut lines = vec![
        Text::msg("support-history-head")
            .arg("match", m.label())
            .arg("mentee", &m.mentee_name)
            .arg("mentor", &m.mentor_name)
            .arg("programme", &m.programme)
            .arg("staff", staff_text(signs))
            .arg("health", health_of(ctx, m, signs).said()),
    ];
    if log.is_empty() {
        lines.push(Text::msg("support-history-none"));
    }
    for (i, c) in log.iter().enumerate() {
        let line = if c.concern {
            Text::msg("support-history-line-concern")
        } else {
            Text::msg("support-history-line")
        };
        lines.push(
            line.arg("n", i + 1)
                .arg("date", day(c.at))
                .arg(
                    "by",
                    c.by.split_once(':').map_or(c.by.as_str(), |(_, id)| id),
                )
                .arg("with", with_whom(m, c.with))
                .arg("how", channel(c.how))
                .arg("notes", c.notes.as_str()),
        );
    }
    if m.status == MatchStatus::Active {
        lines.push(
            Text::msg("support-history-meetings").arg("meetings", meetings_of(ctx, m, signs)),
        );
    }
    if m.status == MatchStatus::Active
        && let Some(next) = next_contact_due(plan, m.started(), signs.contacts, signs.last_contact)
    {
        lines.push(Text::msg("support-history-next").arg("date", day(next)));
    }
    Text::lines(lines)
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
        assert!(
            matches!(parse("checkins A3"), Some(Err(e)) if e.english().contains("A3 is an application"))
        );
        assert!(
            matches!(parse("checkins a b c"), Some(Err(e)) if e.english().starts_with("Usage"))
        );
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
            matches!(parse("checkin M3 call:"), Some(Err(e)) if e.english().contains("Say what you talked about"))
        );
        assert!(
            matches!(parse("checkin M3"), Some(Err(e)) if e.english().contains("Say what you talked about"))
        );
        assert!(
            matches!(parse("checkin A3 hi"), Some(Err(e)) if e.english().contains("A3 is an application"))
        );
        assert!(matches!(parse("checkin"), Some(Err(e)) if e.english().starts_with("Usage")));
        let long = format!("checkin M3 {}", "x".repeat(MAX_NOTE_CHARS + 1));
        assert!(matches!(parse(&long), Some(Err(e)) if e.english().contains("at most 1000")));
        assert_eq!(
            parse("checkin assign M3 console:dev"),
            Some(Ok(SupportCommand::Assign(3, "console:dev".into())))
        );
        assert!(
            matches!(parse("checkin assign M3"), Some(Err(e)) if e.english().starts_with("Usage"))
        );
    }

    #[test]
    fn the_staff_texts_are_said_in_the_rooms_language() {
        use crate::domain::health::Risks;
        use crate::i18n::Locale;
        let (es, ar) = (
            Locale::from_tag("es").unwrap(),
            Locale::from_tag("ar").unwrap(),
        );
        let Some(Err(usage)) = parse("checkin") else {
            panic!("a usage")
        };
        assert!(
            usage
                .render(es)
                .starts_with("Uso: checkins [programa] [mine]")
        );
        assert!(usage.render(ar).starts_with("الاستخدام: checkins"));
        let Some(Err(what)) = parse("checkin M3") else {
            panic!("a refusal")
        };
        assert!(what.render(es).starts_with("Di de qué hablaron"));
        let health = Health::AtRisk(Risks {
            quiet_days: Some(22),
            missed: 2,
            ..Risks::default()
        })
        .said();
        assert_eq!(
            health.english(),
            "at risk: quiet for 22 days; 2 check-ins in a row unanswered"
        );
        assert_eq!(
            health.render(es),
            "en riesgo: en silencio desde hace 22 días; 2 seguimientos seguidos sin respuesta"
        );
        assert!(health.render(ar).starts_with("معرّض للخطر: "));
        assert!(health.render(ar).contains("متابعتان متتاليتان بلا إجابة"));
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
