//! Meeting times, in the pair room: `availability …` gives one's weekly free times in
//! one's own time zone (also in a DM), `meet` proposes times both members are free in both
//! local times, `meet <n>` books one (posted with a calendar file; a reminder an hour
//! before and "did you meet?" afterwards are jobs, `app::scheduler::meetings`), `meet
//! cancel` cancels it, and `met <how long>` (or `met no`) logs it, counting against the
//! programme's expected hours (`[support] hours_per_month`).
//!
//! The arithmetic of weeks and zones is `domain::meetings`; what is loaded for a command
//! is `Subject::Meetings` (the pair's weeks, the last offer, their meetings) or, in a DM,
//! `Subject::Week` (the sender's own).

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::chat::Attachment;
use crate::domain::RoomRef;
use crate::domain::matches::MatchRecord;
use crate::domain::meetings::{
    self, AVAILABILITY_EXAMPLE, MET_USAGE, MeetingState, Met, Offer, PersonWeek, SLOTS_OFFERED,
    Window, both_times, common_slots, describe, minutes_in_month, overlap_per_week,
    parse_availability, parse_met,
};
use crate::domain::timezone::parse_time_zone;

/// What a meeting command asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetCommand {
    /// `availability`: one's week as given.
    ShowWeek,
    /// `availability <days and hours>`.
    SetWeek(Vec<Window>),
    /// `availability zone <zone>`: the canonical zone.
    SetZone(String),
    /// `availability clear`.
    ClearWeek,
    /// `meet`: the booked meeting, or times both are free.
    Find,
    /// `meet <n>`: book the n-th time proposed (from 1).
    Book(usize),
    /// `meet cancel`.
    Cancel,
    /// `met <how long>` or `met no`.
    Met(Met),
}

/// How long after a meeting ends a `met` corrects it rather than logging another: long
/// enough for both members, in any zone, to answer "did you meet?" (and for a typo to be
/// put right); a pair rarely meets twice in a day.
const CORRECTABLE_HOURS: i64 = 24;

/// How long a booked meeting that was never logged can still be: later, `met` is about a
/// new meeting.
const DUE_DAYS: i64 = 7;

/// The usage of `meet`.
const MEET_USAGE: &str = "meet (times you're both free), meet <number> to book one, meet cancel";

/// Reads `availability …`, `meet …` and `met …` (after a room's prefix); `Err` is the usage
/// to show.
pub fn parse(text: &str) -> Option<Result<MeetCommand, String>> {
    let t = text.trim().trim_end_matches(['.', '!']);
    let lower = t.to_lowercase();
    let (head, rest) = match lower.split_once(char::is_whitespace) {
        Some((h, r)) => (h, r.trim()),
        None => (lower.as_str(), ""),
    };
    Some(match head {
        "availability" => Ok(match rest {
            "" | "show" | "mine" => MeetCommand::ShowWeek,
            "clear" | "none" | "delete" => MeetCommand::ClearWeek,
            _ => match rest
                .strip_prefix("zone ")
                .or(rest.strip_prefix("timezone "))
            {
                Some(zone) => match parse_time_zone(zone) {
                    Ok(z) => MeetCommand::SetZone(z.canonical()),
                    Err(hint) => return Some(Err(hint.english())),
                },
                None => match parse_availability(rest) {
                    Ok(windows) => MeetCommand::SetWeek(windows),
                    Err(e) => return Some(Err(e)),
                },
            },
        }),
        "meet" => match rest {
            "" | "up" => Ok(MeetCommand::Find),
            "cancel" => Ok(MeetCommand::Cancel),
            n => match n.trim_start_matches('#').parse::<usize>() {
                Ok(n) => Ok(MeetCommand::Book(n)),
                Err(_) => Err(format!("To find a time to meet, type {MEET_USAGE}.")),
            },
        },
        "met" if rest.is_empty() => Err(format!("Please type {MET_USAGE}.")),
        "met" => parse_met(rest).map(MeetCommand::Met),
        _ => return None,
    })
}

impl MeetCommand {
    /// Whether it is about one's own week, which a DM can do too.
    pub fn is_own_week(&self) -> bool {
        matches!(
            self,
            MeetCommand::ShowWeek
                | MeetCommand::SetWeek(_)
                | MeetCommand::SetZone(_)
                | MeetCommand::ClearWeek
        )
    }
}

/// A meeting command in a DM: one's own week; the rest works in the pair room.
pub fn handle_dm(ctx: &Ctx<'_>, command: Result<MeetCommand, String>) -> Outcome {
    let command = match command {
        Ok(c) => c,
        Err(usage) => return Outcome::unchanged(vec![ctx.dm_text(usage)]),
    };
    if !command.is_own_week() {
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "Meetings are arranged in your pair room: type {} meet there to find a time you're both free.",
            ctx.room_prefix
        ))]);
    }
    let own = match ctx.subject {
        Subject::Week(w) => w.clone(),
        _ => PersonWeek::default(),
    };
    let (effects, said) = own_week(ctx, &own, command);
    let mut out = effects;
    out.push(ctx.dm_text(said));
    Outcome::unchanged(out)
}

/// Shows or changes `own` week: the effects and what to say.
fn own_week(ctx: &Ctx<'_>, own: &PersonWeek, command: MeetCommand) -> (Vec<Effect>, String) {
    let p = ctx.room_prefix;
    match command {
        MeetCommand::SetWeek(windows) => match &own.zone {
            Some(zone) => (
                vec![Effect::SetAvailability {
                    user: ctx.user.clone(),
                    zone: zone.clone(),
                    windows: windows.clone(),
                }],
                format!(
                    "Saved: you're free {} ({zone}). Type {p} meet in your pair room to find times you're both free.",
                    describe(&windows)
                ),
            ),
            None => (
                vec![],
                "I don't know your time zone yet. Please give it first, like: availability zone Europe/London (or Lagos, or UTC+2); then your times again.".into(),
            ),
        },
        MeetCommand::SetZone(zone) => (
            vec![Effect::SetAvailability {
                user: ctx.user.clone(),
                zone: zone.clone(),
                windows: own.windows.clone(),
            }],
            if own.windows.is_empty() {
                format!(
                    "Your time zone is {zone}. Now your free times each week, like: {AVAILABILITY_EXAMPLE}."
                )
            } else {
                format!(
                    "Your time zone is {zone}: you're free {} there.",
                    describe(&own.windows)
                )
            },
        ),
        MeetCommand::ClearWeek => (
            vec![Effect::ClearAvailability {
                user: ctx.user.clone(),
            }],
            "Your free times are cleared.".into(),
        ),
        _ => (
            vec![],
            match (&own.zone, own.windows.is_empty()) {
                (Some(zone), false) => format!(
                    "You're free {} ({zone}). To change it: {AVAILABILITY_EXAMPLE}; availability clear to remove it.",
                    describe(&own.windows)
                ),
                (Some(zone), true) => format!(
                    "You haven't given your free times yet (your time zone: {zone}). Like this: {AVAILABILITY_EXAMPLE}."
                ),
                (None, _) => format!(
                    "You haven't given your free times yet. First your time zone (availability zone Europe/London), then: {AVAILABILITY_EXAMPLE}."
                ),
            },
        ),
    }
}

/// A meeting command in a room: the pair's, or a pointer to it.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<MeetCommand, String>) -> Outcome {
    let post = |text: String| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(text),
    };
    let Some(m) = ctx.pair_in(room) else {
        return Outcome::unchanged(vec![ctx.dm_text(format!(
            "Meeting times are found in your pair room: type {} meet there. Your own free times you can give me here too: {AVAILABILITY_EXAMPLE}.",
            ctx.room_prefix
        ))]);
    };
    if m.frozen {
        return Outcome::unchanged(vec![]);
    }
    let command = match command {
        Ok(c) => c,
        Err(usage) => return Outcome::unchanged(vec![post(usage)]),
    };
    let Subject::Meetings(pair) = ctx.subject else {
        return Outcome::unchanged(vec![]);
    };
    let mine = usize::from(*ctx.user != m.mentee);
    let name = |i: usize| {
        if i == 0 {
            m.mentee_name.as_str()
        } else {
            m.mentor_name.as_str()
        }
    };
    let minutes = ctx
        .programme(&m.programme)
        .map_or(60, |p| p.support.meeting_minutes);
    let upcoming = pair
        .meetings
        .iter()
        .filter(|x| x.state == MeetingState::Booked && x.ends_at() > ctx.now)
        .min_by_key(|x| x.starts_at);
    let p = ctx.room_prefix;
    let when = |start, minutes| match (pair.weeks[0].zone(), pair.weeks[1].zone()) {
        (Some(a), Some(b)) => both_times(start, minutes, [(name(0), &a), (name(1), &b)]),
        (Some(z), None) | (None, Some(z)) => format!(
            "{} ({})",
            meetings::local_span(&z, start, minutes),
            z.canonical()
        ),
        (None, None) => format!(
            "{} (UTC)",
            meetings::local_span(
                &crate::domain::timezone::TimeZone::Offset(0),
                start,
                minutes
            )
        ),
    };
    match command {
        c if c.is_own_week() => {
            if c == MeetCommand::ShowWeek {
                return Outcome::unchanged(vec![post(weeks_text(m, &pair.weeks, p))]);
            }
            let (effects, said) = own_week(ctx, &pair.weeks[mine], c);
            let mut out = effects;
            out.push(post(said));
            Outcome::unchanged(out)
        }
        MeetCommand::Find => {
            if let Some(u) = upcoming {
                return Outcome::unchanged(vec![post(format!(
                    "Your next meeting: {}. To cancel it, type {p} meet cancel.",
                    when(u.starts_at, u.minutes)
                ))]);
            }
            let missing: Vec<&str> = (0..2)
                .filter(|&i| pair.weeks[i].week().is_none())
                .map(name)
                .collect();
            if !missing.is_empty() {
                return Outcome::unchanged(vec![post(format!(
                    "To find a time I need each of your free times each week: {} {} given them yet. In this room or a DM with me, type {AVAILABILITY_EXAMPLE}; then {p} meet again.",
                    missing.join(" and "),
                    if missing.len() == 1 {
                        "hasn't"
                    } else {
                        "haven't"
                    }
                ))]);
            }
            let (Some(a), Some(b)) = (pair.weeks[0].week(), pair.weeks[1].week()) else {
                return Outcome::unchanged(vec![]);
            };
            let slots = common_slots(&a, &b, ctx.now, minutes, SLOTS_OFFERED);
            if slots.is_empty() {
                let overlap = overlap_per_week(&a, &b, ctx.now);
                let weeks = format!(
                    "{} is free {} ({}); {} is free {} ({})",
                    name(0),
                    describe(&a.windows),
                    a.zone.canonical(),
                    name(1),
                    describe(&b.windows),
                    b.zone.canonical()
                );
                let text = if overlap == 0 {
                    format!(
                        "Your free times never overlap: {weeks}. You can still keep in touch here, each writing when it suits you (a message, a voice note, a question to think about before the next reply), or one of you can change their times with availability …"
                    )
                } else {
                    format!(
                        "Your free times overlap for only {} at a time, less than a {}-minute meeting: {weeks}. You could meet for a shorter while, keep in touch here in writing when it suits each of you, or change your times with availability …",
                        meetings::hours(overlap),
                        minutes
                    )
                };
                return Outcome::unchanged(vec![post(text)]);
            }
            let mut text = format!(
                "Times you're both free for {} in the next two weeks:",
                meetings::hours(minutes)
            );
            for (i, s) in slots.iter().enumerate() {
                text.push_str(&format!("\n{}. {}", i + 1, when(*s, minutes)));
            }
            text.push_str(&format!(
                "\nEither of you can book one: {p} meet 1 (or another number). I'll send a calendar file and remind you here an hour before."
            ));
            Outcome::unchanged(vec![
                Effect::OfferMeetings {
                    match_id: m.id,
                    offer: Offer { slots, minutes },
                },
                post(text),
            ])
        }
        MeetCommand::Book(n) => {
            if let Some(u) = upcoming {
                return Outcome::unchanged(vec![post(format!(
                    "You already have a meeting booked: {}. To book another time, type {p} meet cancel first.",
                    when(u.starts_at, u.minutes)
                ))]);
            }
            let Some(offer) = &pair.offer else {
                return Outcome::unchanged(vec![post(format!(
                    "There are no times to book yet: type {p} meet to see when you're both free."
                ))]);
            };
            let Some(start) = n.checked_sub(1).and_then(|i| offer.slots.get(i)).copied() else {
                return Outcome::unchanged(vec![post(format!(
                    "Please choose a number from 1 to {}, as in the list of times ({p} meet shows it again).",
                    offer.slots.len()
                ))]);
            };
            if start <= ctx.now {
                return Outcome::unchanged(vec![post(format!(
                    "That time has passed: type {p} meet for new ones."
                ))]);
            }
            let zones = [0, 1].map(|i| pair.weeks[i].zone.clone().unwrap_or_else(|| "UTC".into()));
            let said = when(start, offer.minutes);
            let programme = ctx
                .programme(&m.programme)
                .map_or(m.programme.as_str(), |p| p.name.as_str());
            let file = meetings::ics(
                &meetings::calendar_uid(m.id, start),
                start,
                offer.minutes,
                &format!("Mentoring: {} and {}", m.mentee_name, m.mentor_name),
                &format!(
                    "{programme}. Booked in your pair room; to cancel, type {p} meet cancel there."
                ),
                ctx.now,
            );
            Outcome::unchanged(vec![
                Effect::BookMeeting {
                    match_id: m.id,
                    starts_at: start,
                    minutes: offer.minutes,
                    zones,
                    platform: m.room_platform(),
                },
                Effect::PostInRoom {
                    room: room.clone(),
                    message: OutMessage {
                        attachment: Some(Attachment {
                            name: "meeting.ics".into(),
                            mime: "text/calendar".into(),
                            data: file.into_bytes(),
                        }),
                        ..OutMessage::text(format!(
                            "Booked: {said}. The calendar file adds it to your calendar; {}",
                            if start - chrono::Duration::hours(1) > ctx.now {
                                "I'll remind you here an hour before, and ask afterwards how it went."
                            } else {
                                "it starts within the hour. I'll ask afterwards how it went."
                            }
                        ))
                    },
                },
            ])
        }
        MeetCommand::Cancel => match upcoming {
            Some(u) => Outcome::unchanged(vec![
                Effect::CancelMeeting { meeting_id: u.id },
                post(format!(
                    "{} cancelled your meeting of {}. Type {p} meet to find another time.",
                    name(mine),
                    when(u.starts_at, u.minutes)
                )),
            ]),
            None => Outcome::unchanged(vec![post(format!(
                "No meeting is booked. Type {p} meet to find a time."
            ))]),
        },
        MeetCommand::Met(met) => {
            // What `met` is about: the latest booked meeting that has begun and is not
            // logged yet; else one logged lately, which it corrects (both members may
            // answer "did you meet?"); else, for a length, a meeting that just happened.
            let due = pair
                .meetings
                .iter()
                .filter(|x| {
                    x.state == MeetingState::Booked
                        && x.starts_at <= ctx.now
                        && x.starts_at + chrono::Duration::days(DUE_DAYS) > ctx.now
                })
                .max_by_key(|x| x.starts_at);
            let recent = pair
                .meetings
                .iter()
                .filter(|x| {
                    matches!(x.state, MeetingState::Held | MeetingState::Missed)
                        && x.ends_at() + chrono::Duration::hours(CORRECTABLE_HOURS) >= ctx.now
                })
                .max_by_key(|x| x.starts_at);
            let target = due.or(recent);
            let again = target.is_some_and(|t| t.state != MeetingState::Booked);
            let commitment = ctx
                .programme(&m.programme)
                .and_then(|p| p.support.commitment_minutes);
            let log = |held: Option<u32>| Effect::LogMeeting {
                match_id: m.id,
                meeting_id: target.map(|t| t.id),
                held_minutes: held,
            };
            match (met, target) {
                (Met::No, None) => Outcome::unchanged(vec![post(format!(
                    "There's no booked meeting to mark as missed. When you do meet, type {p} met and how long (like {p} met 45m)."
                ))]),
                (Met::No, Some(t)) => Outcome::unchanged(vec![
                    log(None),
                    post(format!(
                        "Noted: you didn't meet {}. Type {p} meet to find another time.",
                        if t.minutes > 0 && !again {
                            format!("on {}", when(t.starts_at, t.minutes))
                        } else {
                            "after all".into()
                        }
                    )),
                ]),
                (Met::Minutes(held), _) => {
                    let others = pair
                        .meetings
                        .iter()
                        .filter(|x| Some(x.id) != target.map(|t| t.id));
                    let month = minutes_in_month(others, ctx.now) + held;
                    let mut text = match target.filter(|_| again) {
                        Some(t) => format!(
                            "Updated your meeting of {}: you met for {}. That's {} in the last 30 days",
                            when(t.starts_at, t.minutes),
                            meetings::hours(held),
                            meetings::hours(month)
                        ),
                        None => format!(
                            "Logged: you met for {}. That's {} in the last 30 days",
                            meetings::hours(held),
                            meetings::hours(month)
                        ),
                    };
                    match commitment {
                        Some(c) if month >= c => text.push_str(&format!(
                            ", the {} a month your programme asks. Well done!",
                            meetings::hours(c)
                        )),
                        Some(c) => text.push_str(&format!(
                            ", of the {} a month your programme asks.",
                            meetings::hours(c)
                        )),
                        None => text.push('.'),
                    }
                    Outcome::unchanged(vec![log(Some(held)), post(text)])
                }
            }
        }
        _ => Outcome::unchanged(vec![]),
    }
}

/// Both members' weeks, as shown in the pair room.
fn weeks_text(m: &MatchRecord, weeks: &[PersonWeek; 2], prefix: &str) -> String {
    let mut s = "Your free times each week, each in their own time:".to_string();
    for (name, w) in [(&m.mentee_name, &weeks[0]), (&m.mentor_name, &weeks[1])] {
        s.push_str(&format!(
            "\n• {name}: {}",
            match (&w.zone, w.windows.is_empty()) {
                (Some(z), false) => format!("{} ({z})", describe(&w.windows)),
                _ => "not given yet".into(),
            }
        ));
    }
    s.push_str(&format!(
        "\nTo give or change yours: {AVAILABILITY_EXAMPLE}. Then {prefix} meet finds times you're both free."
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_commands_are_read_and_others_are_left_alone() {
        assert_eq!(parse("meet"), Some(Ok(MeetCommand::Find)));
        assert_eq!(parse("Meet 2"), Some(Ok(MeetCommand::Book(2))));
        assert_eq!(parse("meet cancel"), Some(Ok(MeetCommand::Cancel)));
        assert!(matches!(parse("meet tomorrow"), Some(Err(_))));
        assert_eq!(
            parse("met 45m"),
            Some(Ok(MeetCommand::Met(Met::Minutes(45))))
        );
        assert_eq!(parse("met no"), Some(Ok(MeetCommand::Met(Met::No))));
        assert!(matches!(parse("met"), Some(Err(_))));
        assert_eq!(parse("availability"), Some(Ok(MeetCommand::ShowWeek)));
        assert_eq!(
            parse("availability zone lagos"),
            Some(Ok(MeetCommand::SetZone("Africa/Lagos".into())))
        );
        assert!(matches!(
            parse("availability mon 18-20"),
            Some(Ok(MeetCommand::SetWeek(_)))
        ));
        assert!(matches!(parse("availability whenever"), Some(Err(_))));
        assert_eq!(parse("meeting notes"), None);
        assert_eq!(parse("agreement"), None);
    }
}
