//! Coordinators' matching commands in the coordinators' room.
//!
//! `match preview [programme]` is a dry run: it plans the matches of the programme's ready
//! participants and shows every proposal with the criteria that contributed and by how
//! much, every unmatched mentee with the reason, and the mentors with room left. Nothing is
//! stored and nobody is messaged. (Proposing, approving and the participants' answers build
//! on this.)

use std::collections::HashSet;

use super::{Ctx, Effect, Inbound, OutMessage, Outcome, StateChange, Subject};
use crate::domain::{ApplicationRecord, Place, Programme, RoomRef};
use crate::matching::plan::plan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairingCommand {
    Preview(Option<String>),
}

/// Parses `match preview [programme]`; `Some(Err)` carries the usage.
pub fn parse(text: &str) -> Option<Result<PairingCommand, String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("match"))
    {
        return None;
    }
    Some(match words.as_slice() {
        [_, verb] if verb.eq_ignore_ascii_case("preview") => Ok(PairingCommand::Preview(None)),
        [_, verb, programme] if verb.eq_ignore_ascii_case("preview") => {
            Ok(PairingCommand::Preview(Some(programme.to_lowercase())))
        }
        _ => Err("Usage: match preview [programme] (a dry run: nothing is sent)".into()),
    })
}

/// The programme a command is about: the one named, else the only one the sender
/// coordinates that matches people.
pub fn programme_for<'p>(
    programmes: &'p [Programme],
    sender: &crate::domain::UserRef,
    named: Option<&str>,
) -> Result<&'p Programme, String> {
    let mine: Vec<&Programme> = programmes
        .iter()
        .filter(|p| p.is_coordinator(sender))
        .collect();
    match named {
        Some(slug) => mine
            .iter()
            .copied()
            .find(|p| p.slug == slug)
            .ok_or_else(|| format!("You don't coordinate a programme called `{slug}`.")),
        None => {
            let matching: Vec<&Programme> = mine
                .iter()
                .copied()
                .filter(|p| p.matching.is_some())
                .collect();
            match matching.as_slice() {
                [one] => Ok(one),
                [] => Err("None of the programmes you coordinate is set up for matching (a [matching] table in its file).".into()),
                _ => Err(format!(
                    "Which programme? Write match preview <programme>: {}.",
                    matching.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>().join(", ")
                )),
            }
        }
    }
}

/// What the app must load for this message: `Some(programme)` for a matching command.
pub fn needs(inbound: &Inbound, ctx_programmes: &[Programme], room_prefix: &str) -> Option<String> {
    let (Place::Room(_), super::Content::Text(text)) = (&inbound.place, &inbound.content) else {
        return None;
    };
    let rest = super::strip_prefix_ci(text.trim(), room_prefix)?;
    let Some(Ok(PairingCommand::Preview(named))) = parse(rest) else {
        return None;
    };
    programme_for(ctx_programmes, &inbound.from, named.as_deref())
        .ok()
        .map(|p| p.slug.clone())
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<PairingCommand, String>) -> Outcome {
    let reply = |text: String| Outcome {
        state: StateChange::Unchanged,
        effects: vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(text),
        }],
    };
    let command = match command {
        Ok(c) => c,
        Err(usage) => return reply(usage),
    };
    if ctx.coordinators_room != Some(room) {
        return reply("Coordinators' commands work only in the coordinators' room.".into());
    }
    let PairingCommand::Preview(named) = command;
    if !ctx.programmes.iter().any(|p| p.is_coordinator(ctx.user)) {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                Effect::PostInRoom {
                    room: room.clone(),
                    message: OutMessage::text(format!(
                        "Sorry {}, only the programme's coordinators can preview matches.",
                        ctx.user.id
                    )),
                },
                Effect::LogRefusal {
                    user: ctx.user.clone(),
                    action: "match preview".into(),
                },
            ],
        };
    }
    let programme = match programme_for(ctx.programmes, ctx.user, named.as_deref()) {
        Ok(p) => p,
        Err(e) => return reply(e),
    };
    let Some(config) = &programme.matching else {
        return reply(format!("{} is not set up for matching.", programme.name));
    };
    let Subject::Matching {
        programme: loaded,
        mentees,
        mentors,
        excluded,
    } = ctx.subject
    else {
        return reply("Nothing was loaded to match.".into());
    };
    if *loaded != programme.slug {
        return reply("Nothing was loaded to match.".into());
    }
    if mentees.is_empty() || mentors.is_empty() {
        return reply(format!(
            "Nobody to match yet in {}: {} mentee(s) and {} mentor(s) are ready to be matched.",
            programme.name,
            mentees.len(),
            mentors.len()
        ));
    }
    match plan(config, programme, mentees, mentors, excluded, ctx.now) {
        Ok(p) => reply(preview_text(programme, mentees, mentors, &p)),
        Err(e) => reply(format!("The matching configuration cannot be used: {e}")),
    }
}

fn name(record: &ApplicationRecord) -> String {
    format!(
        "#{} {}",
        record.summary.id,
        super::review::display_name_of(&record.applicant, &record.answers)
    )
}

fn preview_text(
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    p: &crate::matching::plan::Plan,
) -> String {
    let matched: HashSet<usize> = p.proposals.iter().map(|x| x.mentee).collect();
    let mut s = format!(
        "Match preview for {} (a dry run: nothing was sent, nothing was stored)\n{} of {} mentee(s) matched, total score {}.",
        programme.name,
        matched.len(),
        mentees.len(),
        p.total_score
    );
    for x in &p.proposals {
        let why: Vec<String> = x
            .reasons
            .iter()
            .map(|(r, points)| format!("{r} (+{points})"))
            .collect();
        s.push_str(&format!(
            "\n• {} ↔ {}: {} points — {}",
            name(&mentees[x.mentee]),
            name(&mentors[x.mentor]),
            x.score,
            if why.is_empty() {
                "no criterion in common".to_string()
            } else {
                why.join("; ")
            }
        ));
    }
    if !p.unmatched.is_empty() {
        s.push_str("\nNot matched:");
        for (i, why) in &p.unmatched {
            s.push_str(&format!("\n• {}: {why}", name(&mentees[*i])));
        }
    }
    if !p.spare.is_empty() {
        let spare: Vec<String> = p
            .spare
            .iter()
            .map(|(j, used, cap)| format!("{} ({used} of {cap})", name(&mentors[*j])))
            .collect();
        s.push_str(&format!("\nMentors with room left: {}", spare.join(", ")));
    }
    s
}
