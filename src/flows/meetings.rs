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
    self, MeetingState, Met, Offer, PersonWeek, SLOTS_OFFERED, Window, availability_example,
    both_times, common_slots, describe, met_usage, minutes_in_month, overlap_per_week,
    parse_availability, parse_met,
};
use crate::domain::timezone::parse_time_zone;
use crate::i18n::Text;

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

/// Reads `availability …`, `meet …` and `met …` (after a room's prefix); `Err` is the usage
/// to show.
pub fn parse(text: &str) -> Option<Result<MeetCommand, Text>> {
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
                    Err(hint) => return Some(Err(hint)),
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
                Err(_) => Err(Text::msg("meet-find-usage").arg("usage", Text::msg("meet-usage"))),
            },
        },
        "met" if rest.is_empty() => Err(Text::msg("meet-met-type").arg("usage", met_usage())),
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
pub fn handle_dm(ctx: &Ctx<'_>, command: Result<MeetCommand, Text>) -> Outcome {
    let command = match command {
        Ok(c) => c,
        Err(usage) => return Outcome::unchanged(vec![ctx.dm(OutMessage::said(usage))]),
    };
    if !command.is_own_week() {
        return Outcome::unchanged(vec![ctx.dm(OutMessage::said(
            Text::msg("meet-in-pair-room").arg("prefix", ctx.room_prefix),
        ))]);
    }
    let own = match ctx.subject {
        Subject::Week(w) => w.clone(),
        _ => PersonWeek::default(),
    };
    let (effects, said) = own_week(ctx, &own, command);
    let mut out = effects;
    out.push(ctx.dm(OutMessage::said(said)));
    Outcome::unchanged(out)
}

/// Shows or changes `own` week: the effects and what to say.
fn own_week(ctx: &Ctx<'_>, own: &PersonWeek, command: MeetCommand) -> (Vec<Effect>, Text) {
    let p = ctx.room_prefix;
    match command {
        MeetCommand::SetWeek(windows) => match &own.zone {
            Some(zone) => (
                vec![Effect::SetAvailability {
                    user: ctx.user.clone(),
                    zone: zone.clone(),
                    windows: windows.clone(),
                }],
                Text::msg("meet-saved")
                    .arg("times", describe(&windows))
                    .arg("zone", zone)
                    .arg("prefix", p),
            ),
            None => (vec![], Text::msg("meet-zone-first")),
        },
        MeetCommand::SetZone(zone) => (
            vec![Effect::SetAvailability {
                user: ctx.user.clone(),
                zone: zone.clone(),
                windows: own.windows.clone(),
            }],
            if own.windows.is_empty() {
                Text::msg("meet-zone-set-no-times")
                    .arg("zone", zone.as_str())
                    .arg("example", availability_example())
            } else {
                Text::msg("meet-zone-set")
                    .arg("zone", zone.as_str())
                    .arg("times", describe(&own.windows))
            },
        ),
        MeetCommand::ClearWeek => (
            vec![Effect::ClearAvailability {
                user: ctx.user.clone(),
            }],
            Text::msg("meet-cleared"),
        ),
        _ => (
            vec![],
            match (&own.zone, own.windows.is_empty()) {
                (Some(zone), false) => Text::msg("meet-week")
                    .arg("times", describe(&own.windows))
                    .arg("zone", zone),
                (Some(zone), true) => Text::msg("meet-week-none-zone").arg("zone", zone),
                (None, _) => Text::msg("meet-week-none"),
            }
            .arg("example", availability_example()),
        ),
    }
}

/// A meeting command in a room: the pair's, or a pointer to it.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<MeetCommand, Text>) -> Outcome {
    let post = |text: Text| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(text),
    };
    let Some(m) = ctx.pair_in(room) else {
        return Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(
                Text::msg("meet-found-in-pair-room")
                    .arg("prefix", ctx.room_prefix)
                    .arg("example", availability_example()),
            )),
        ]);
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
    // A zone not given is the other's (said once), or UTC when neither is.
    let zones = match (pair.weeks[0].zone(), pair.weeks[1].zone()) {
        (Some(a), Some(b)) => [a, b],
        (Some(z), None) | (None, Some(z)) => [z.clone(), z],
        (None, None) => [0, 1].map(|_| crate::domain::timezone::TimeZone::Offset(0)),
    };
    let when =
        |start, minutes| both_times(start, minutes, [(name(0), &zones[0]), (name(1), &zones[1])]);
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
                return Outcome::unchanged(vec![post(
                    Text::msg("meet-next")
                        .arg("when", when(u.starts_at, u.minutes))
                        .arg("prefix", p),
                )]);
            }
            let missing: Vec<&str> = (0..2)
                .filter(|&i| pair.weeks[i].week().is_none())
                .map(name)
                .collect();
            if !missing.is_empty() {
                let said = match missing.as_slice() {
                    [one] => Text::msg("meet-need-week-one").arg("name", *one),
                    [a, b, ..] => Text::msg("meet-need-week-both").arg("a", *a).arg("b", *b),
                    [] => unreachable!("not empty"),
                };
                return Outcome::unchanged(vec![post(
                    said.arg("example", availability_example()).arg("prefix", p),
                )]);
            }
            let (Some(a), Some(b)) = (pair.weeks[0].week(), pair.weeks[1].week()) else {
                return Outcome::unchanged(vec![]);
            };
            let slots = common_slots(&a, &b, ctx.now, minutes, SLOTS_OFFERED);
            if slots.is_empty() {
                let overlap = overlap_per_week(&a, &b, ctx.now);
                let free = |i: usize, week: &meetings::Week| {
                    Text::msg("meet-person-free")
                        .arg("name", name(i))
                        .arg("times", describe(&week.windows))
                        .arg("zone", week.zone.canonical())
                };
                let weeks = Text::join(vec![free(0, &a), free(1, &b)], "; ");
                let text = if overlap == 0 {
                    Text::msg("meet-never-overlap").arg("weeks", weeks)
                } else {
                    Text::msg("meet-short-overlap")
                        .arg("overlap", meetings::said_hours(overlap))
                        .arg("minutes", i64::from(minutes))
                        .arg("weeks", weeks)
                };
                return Outcome::unchanged(vec![post(text)]);
            }
            let mut lines =
                vec![Text::msg("meet-slots").arg("length", meetings::said_hours(minutes))];
            for (i, s) in slots.iter().enumerate() {
                lines.push(
                    Text::msg("meet-slot")
                        .arg("n", i + 1)
                        .arg("when", when(*s, minutes)),
                );
            }
            lines.push(Text::msg("meet-slots-how").arg("prefix", p));
            let text = Text::lines(lines);
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
                return Outcome::unchanged(vec![post(
                    Text::msg("meet-already-booked")
                        .arg("when", when(u.starts_at, u.minutes))
                        .arg("prefix", p),
                )]);
            }
            let Some(offer) = &pair.offer else {
                return Outcome::unchanged(vec![post(
                    Text::msg("meet-nothing-to-book").arg("prefix", p),
                )]);
            };
            let Some(start) = n.checked_sub(1).and_then(|i| offer.slots.get(i)).copied() else {
                return Outcome::unchanged(vec![post(
                    Text::msg("meet-choose-number")
                        .arg("count", offer.slots.len())
                        .arg("prefix", p),
                )]);
            };
            if start <= ctx.now {
                return Outcome::unchanged(vec![post(Text::msg("meet-passed").arg("prefix", p))]);
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
                // A file has no reader to be said to when it is sent: it is written in
                // the language of whoever booked (the pair's, when they share one).
                &Text::msg("meet-calendar-title")
                    .arg("mentee", m.mentee_name.as_str())
                    .arg("mentor", m.mentor_name.as_str())
                    .render(ctx.language),
                &Text::msg("meet-calendar-description")
                    .arg("programme", programme)
                    .arg("prefix", p.to_string())
                    .render(ctx.language),
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
                        ..OutMessage::said(
                            Text::msg(if start - chrono::Duration::hours(1) > ctx.now {
                                "meet-booked"
                            } else {
                                "meet-booked-soon"
                            })
                            .arg("when", said),
                        )
                    },
                },
            ])
        }
        MeetCommand::Cancel => match upcoming {
            Some(u) => Outcome::unchanged(vec![
                Effect::CancelMeeting { meeting_id: u.id },
                post(
                    Text::msg("meet-cancelled")
                        .arg("name", name(mine))
                        .arg("when", when(u.starts_at, u.minutes))
                        .arg("prefix", p),
                ),
            ]),
            None => Outcome::unchanged(vec![post(Text::msg("meet-none-booked").arg("prefix", p))]),
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
                (Met::No, None) => {
                    Outcome::unchanged(vec![post(Text::msg("meet-no-missed").arg("prefix", p))])
                }
                (Met::No, Some(t)) => Outcome::unchanged(vec![
                    log(None),
                    post(
                        if t.minutes > 0 && !again {
                            Text::msg("meet-missed-on").arg("when", when(t.starts_at, t.minutes))
                        } else {
                            Text::msg("meet-missed")
                        }
                        .arg("prefix", p),
                    ),
                ]),
                (Met::Minutes(held), _) => {
                    let others = pair
                        .meetings
                        .iter()
                        .filter(|x| Some(x.id) != target.map(|t| t.id));
                    let month = minutes_in_month(others, ctx.now) + held;
                    let so_far = match target.filter(|_| again) {
                        Some(t) => {
                            Text::msg("meet-updated").arg("when", when(t.starts_at, t.minutes))
                        }
                        None => Text::msg("meet-logged"),
                    }
                    .arg("length", meetings::said_hours(held))
                    .arg("month", meetings::said_hours(month));
                    let text = match commitment {
                        Some(c) => Text::msg(if month >= c {
                            "meet-goal-met"
                        } else {
                            "meet-goal-toward"
                        })
                        .arg("goal", meetings::said_hours(c)),
                        None => Text::msg("meet-goal-none"),
                    }
                    .arg("so_far", so_far);
                    Outcome::unchanged(vec![log(Some(held)), post(text)])
                }
            }
        }
        _ => Outcome::unchanged(vec![]),
    }
}

/// Both members' weeks, as shown in the pair room.
fn weeks_text(m: &MatchRecord, weeks: &[PersonWeek; 2], prefix: &str) -> Text {
    let mut lines = vec![Text::msg("meet-weeks-title")];
    for (name, w) in [(&m.mentee_name, &weeks[0]), (&m.mentor_name, &weeks[1])] {
        lines.push(
            match (&w.zone, w.windows.is_empty()) {
                (Some(z), false) => Text::msg("meet-weeks-person")
                    .arg("times", describe(&w.windows))
                    .arg("zone", z),
                _ => Text::msg("meet-weeks-person-none"),
            }
            .arg("name", name),
        );
    }
    lines.push(
        Text::msg("meet-weeks-how")
            .arg("example", availability_example())
            .arg("prefix", prefix),
    );
    Text::lines(lines)
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
