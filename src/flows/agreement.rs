//! The pair's mentoring agreement, in their pair room: `agreement` shows it (the goals
//! from the mentee's application, how often to meet, the ground rules, who has agreed),
//! `agree` accepts it. The kickoff proposes it; both accepting is posted in the room.
//! Anywhere else, the person is told by DM where it works.
//!
//! What the goals are is the programme's (`[support] goals`, `domain::support::goals_of`);
//! milestones with `goals = true` bring them back (`app::scheduler::milestones`).

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::domain::RoomRef;
use crate::domain::matches::MatchRecord;
use crate::domain::support::goals_of;

/// What an agreement command asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementCommand {
    Show,
    Agree,
}

/// Reads `agreement` and `agree` (after the room prefix).
pub fn parse(text: &str) -> Option<AgreementCommand> {
    match text
        .trim()
        .trim_end_matches(['.', '!'])
        .to_lowercase()
        .as_str()
    {
        "agreement" | "our agreement" | "the agreement" => Some(AgreementCommand::Show),
        "agree" | "i agree" | "we agree" => Some(AgreementCommand::Agree),
        _ => None,
    }
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: AgreementCommand) -> Outcome {
    let Some(m) = ctx.pair_in(room) else {
        return Outcome::unchanged(vec![ctx.dm_text(
            "Your mentoring agreement is in your pair room: type agreement there to read it, and agree to accept it.",
        )]);
    };
    if m.frozen {
        return Outcome::unchanged(vec![]);
    }
    let (answers, agreed) = match ctx.subject {
        Subject::Agreement { answers, agreed } => (answers.as_slice(), agreed.as_slice()),
        _ => (&[][..], &[][..]),
    };
    let post = |text: String| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::text(text),
    };
    match command {
        AgreementCommand::Show => Outcome::unchanged(vec![post(text(ctx, m, answers, agreed))]),
        AgreementCommand::Agree if agreed.contains(ctx.user) => {
            Outcome::unchanged(vec![post(format!(
                "You have agreed already. Type {} agreement to read it again.",
                ctx.room_prefix
            ))])
        }
        AgreementCommand::Agree => {
            let name = if *ctx.user == m.mentee {
                &m.mentee_name
            } else {
                &m.mentor_name
            };
            let other_agreed = agreed.iter().any(|u| u != ctx.user);
            let said = if other_agreed {
                format!(
                    "{name} has agreed too: you both have a mentoring agreement now. Come back to your goals whenever you like: type {} agreement.",
                    ctx.room_prefix
                )
            } else {
                format!(
                    "{name} has agreed. {}, type {} agree here when you have read it.",
                    if *ctx.user == m.mentee {
                        &m.mentor_name
                    } else {
                        &m.mentee_name
                    },
                    ctx.room_prefix
                )
            };
            Outcome::unchanged(vec![
                Effect::AcceptAgreement {
                    match_id: m.id,
                    user: ctx.user.clone(),
                },
                post(said),
            ])
        }
    }
}

/// The agreement as posted: goals, cadence, ground rules, and who has agreed.
fn text(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    answers: &[(String, crate::domain::Answer)],
    agreed: &[crate::domain::UserRef],
) -> String {
    let mut s = format!(
        "Your mentoring agreement, {} and {}:",
        m.mentee_name, m.mentor_name
    );
    if let Some(p) = ctx.programme(&m.programme) {
        let goals = goals_of(p, answers);
        if !goals.is_empty() {
            s.push_str(&format!("\nGoals (from {}'s application):", m.mentee_name));
            for g in goals {
                s.push_str(&format!("\n• {g}"));
            }
        }
        for (title, text) in [
            ("How often to meet", &p.texts.meeting_cadence),
            ("Ground rules", &p.texts.ground_rules),
        ] {
            if !text.is_empty() {
                s.push_str(&format!("\n{title}: {text}"));
            }
        }
    }
    let who = |u: &crate::domain::UserRef, name: &str| {
        format!(
            "{name} {}",
            if agreed.contains(u) {
                "✓"
            } else {
                "(not yet)"
            }
        )
    };
    s.push_str(&format!(
        "\nAgreed: {}, {}.",
        who(&m.mentee, &m.mentee_name),
        who(&m.mentor, &m.mentor_name)
    ));
    if agreed.len() < 2 {
        s.push_str(&format!(
            "\nTo accept it, type {} agree here.",
            ctx.room_prefix
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_and_agree_are_read_and_nothing_else() {
        assert_eq!(parse("Agreement"), Some(AgreementCommand::Show));
        assert_eq!(parse("I agree."), Some(AgreementCommand::Agree));
        assert_eq!(parse("agree with you"), None);
        assert_eq!(parse("idea"), None);
    }
}
