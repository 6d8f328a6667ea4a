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
use crate::i18n::Text;

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
        return Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("agreement-elsewhere"))),
        ]);
    };
    if m.frozen {
        return Outcome::unchanged(vec![]);
    }
    let (answers, agreed) = match ctx.subject {
        Subject::Agreement { answers, agreed } => (answers.as_slice(), agreed.as_slice()),
        _ => (&[][..], &[][..]),
    };
    let post = |text: Text| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(text),
    };
    match command {
        AgreementCommand::Show => Outcome::unchanged(vec![post(text(ctx, m, answers, agreed))]),
        AgreementCommand::Agree if agreed.contains(ctx.user) => Outcome::unchanged(vec![post(
            Text::msg("agreement-already").arg("prefix", ctx.room_prefix),
        )]),
        AgreementCommand::Agree => {
            let name = if *ctx.user == m.mentee {
                &m.mentee_name
            } else {
                &m.mentor_name
            };
            let other_agreed = agreed.iter().any(|u| u != ctx.user);
            let said = if other_agreed {
                Text::msg("agreement-both")
            } else {
                Text::msg("agreement-one").arg(
                    "other",
                    if *ctx.user == m.mentee {
                        &m.mentor_name
                    } else {
                        &m.mentee_name
                    },
                )
            }
            .arg("name", name)
            .arg("prefix", ctx.room_prefix);
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
) -> Text {
    let mut lines = vec![
        Text::msg("agreement-title")
            .arg("mentee", m.mentee_name.as_str())
            .arg("mentor", m.mentor_name.as_str()),
    ];
    if let Some(p) = ctx.programme(&m.programme) {
        let goals = goals_of(p, answers);
        if !goals.is_empty() {
            lines.push(Text::msg("agreement-goals").arg("mentee", m.mentee_name.as_str()));
            lines.extend(goals.into_iter().map(Text::bullet));
        }
        for (id, path, text) in [
            (
                "pair-cadence",
                "texts.meeting_cadence",
                &p.texts.meeting_cadence,
            ),
            (
                "pair-ground-rules",
                "texts.ground_rules",
                &p.texts.ground_rules,
            ),
        ] {
            if !text.is_empty() {
                lines.push(Text::msg(id).arg("text", p.said(path, text)));
            }
        }
    }
    let who = |u: &crate::domain::UserRef, name: &str| {
        Text::msg(if agreed.contains(u) {
            "agreement-done"
        } else {
            "agreement-not-yet"
        })
        .arg("name", name)
    };
    lines.push(
        Text::msg("agreement-who")
            .arg("mentee", who(&m.mentee, &m.mentee_name))
            .arg("mentor", who(&m.mentor, &m.mentor_name)),
    );
    if agreed.len() < 2 {
        lines.push(Text::msg("agreement-to-accept").arg("prefix", ctx.room_prefix));
    }
    Text::lines(lines)
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
