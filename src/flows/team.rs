//! Participants writing to the programme team: `ask the team <text>` in a DM is stored and
//! relayed to the coordinators' room as a card with a thread of its own; a coordinator of
//! the person's programme answers there with `reply Q4 <text>`, and the answer goes to the
//! person by DM.
//!
//! The grammars here are called only by the registry (`flows::route`).

use super::decide::post_said;
use super::review::{MAX_NOTE_CHARS, refuse_non_coordinator};
use super::{Ctx, Effect, OutMessage, Outcome, StateChange, Subject};
use crate::domain::numbers::{self, Numbered};
use crate::domain::team::{NewQuestion, TeamQuestion};
use crate::domain::text::{char_len, preview};
use crate::domain::{RoomRef, UserRef};
use crate::i18n::Text;

/// How to ask, for `ask the team` without a question.
fn ask_usage() -> Text {
    Text::msg("team-ask-usage")
}

fn reply_usage() -> Text {
    Text::msg("team-reply-usage")
}

/// The words that start a question to the team, longest first.
const ASK_WORDS: [&str; 4] = [
    "message the team",
    "ask the team",
    "message team",
    "ask team",
];

/// A coordinators' command about a question.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamCommand {
    /// `reply Q4 <text>`.
    Reply(i64, String),
}

/// `ask the team <text>` in a DM: `Some(Ok(text))`, `Some(Err(usage))` without a
/// question, `None` when the message is something else.
pub fn parse_ask(text: &str) -> Option<Result<String, Text>> {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    let words = ASK_WORDS.iter().find(|w| {
        lower.starts_with(*w)
            && lower[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ':' || c == ',')
    })?;
    let rest = trimmed[words.len()..].trim_start_matches([':', ',']).trim();
    if rest.is_empty() {
        return Some(Err(ask_usage()));
    }
    Some(Ok(rest.to_string()))
}

/// `reply <Q4 or 4> <text>` in the coordinators' room.
pub fn parse(rest: &str) -> Option<Result<TeamCommand, Text>> {
    let mut words = rest.trim().splitn(2, char::is_whitespace);
    if !words.next()?.eq_ignore_ascii_case("reply") {
        return None;
    }
    let tail = words.next().unwrap_or("").trim();
    let mut parts = tail.splitn(2, char::is_whitespace);
    let id = match numbers::read(parts.next().unwrap_or(""), Numbered::Question) {
        Some(Ok(id)) => id,
        Some(Err(wrong)) => return Some(Err(wrong)),
        None => return Some(Err(reply_usage())),
    };
    let answer = parts.next().unwrap_or("").trim();
    if answer.is_empty() {
        return Some(Err(reply_usage()));
    }
    Some(Ok(TeamCommand::Reply(id, answer.to_string())))
}

/// The thread key of a question's card.
pub fn question_thread(id: i64) -> String {
    format!("question-{id}")
}

/// How the card names the asker: by their newest application (`Amina (A1, mentee,
/// Pathways)`), or their platform id when they have none.
fn asked_as(ctx: &Ctx<'_>) -> (Option<String>, String) {
    match ctx
        .applications
        .iter()
        .max_by_key(|a| (a.submitted_at, a.id))
    {
        Some(a) => {
            let programme = ctx
                .programme(&a.programme)
                .map_or(a.programme.as_str(), |p| p.name.as_str());
            let name = a.name.as_deref().unwrap_or(&ctx.user.id);
            (
                Some(a.programme.clone()),
                format!(
                    "{name} ({}, {}, {programme})",
                    numbers::application(a.id),
                    a.role.as_str()
                ),
            )
        }
        None => (None, ctx.user.id.clone()),
    }
}

/// `ask the team <text>`: stored (its card follows once it has a number), and the person
/// told where the answer will come.
pub fn ask(ctx: &Ctx<'_>, asked: &Result<String, Text>) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let text = match asked {
        Ok(text) => text,
        Err(usage) => return say(usage.clone()),
    };
    if char_len(text) > MAX_NOTE_CHARS {
        return say(Text::msg("team-question-long")
            .arg("max", Text::number(MAX_NOTE_CHARS))
            .arg("count", Text::number(char_len(text))));
    }
    let (programme, asked_as) = asked_as(ctx);
    if ctx.coordinators_room(programme.as_deref()).is_none() {
        return say(Text::msg("team-none"));
    }
    Outcome::unchanged(vec![
        Effect::AskTeam(NewQuestion {
            user: ctx.user.clone(),
            programme,
            asked_as,
            text: text.clone(),
        }),
        ctx.dm(OutMessage::said(Text::msg("team-sent"))),
    ])
}

/// The card of a question, starting its thread.
pub fn card(question: &TeamQuestion) -> OutMessage {
    let label = numbers::question(question.id);
    OutMessage::said(
        Text::msg("team-card")
            .arg("label", label.as_str())
            .arg("who", &question.asked_as)
            .arg("text", &question.text),
    )
    .starts_thread(question_thread(question.id))
}

/// What the app posts once a question is stored: its card in the coordinators' room.
pub fn announce(ctx: &Ctx<'_>, question: &TeamQuestion) -> Vec<Effect> {
    ctx.coordinators_room(question.programme.as_deref())
        .map(|room| Effect::PostInRoom {
            room: room.clone(),
            message: card(question),
        })
        .into_iter()
        .collect()
}

/// Whether `user` may answer `question`: a coordinator of its programme, or of any
/// programme when it has none (not from one programme's own room, where its card never
/// went).
fn may_answer(ctx: &Ctx<'_>, user: &UserRef, question: &TeamQuestion) -> bool {
    match &question.programme {
        Some(slug) => ctx.programme(slug).is_some_and(|p| p.is_coordinator(user)),
        None => {
            !ctx.programmes.iter().any(|p| p.elsewhere)
                && ctx.programmes.iter().any(|p| p.is_coordinator(user))
        }
    }
}

/// `reply Q4 <text>` in the coordinators' room.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: Result<TeamCommand, Text>) -> Outcome {
    let command = match super::staff_command(
        room,
        ctx.is_coordinators_room(room),
        command,
        Text::msg("team-room"),
    ) {
        Ok(c) => c,
        Err(early) => return *early,
    };
    let TeamCommand::Reply(id, answer) = command;
    let label = numbers::question(id);
    let Subject::Question(Some(question)) = ctx.subject else {
        return post_said(
            room,
            Text::msg("team-no-question").arg("label", label.as_str()),
        );
    };
    if !may_answer(ctx, ctx.user, question) {
        return refuse_non_coordinator(
            ctx,
            room,
            Text::msg("coordinators-can-answer").arg("label", label.as_str()),
        );
    }
    if char_len(&answer) > MAX_NOTE_CHARS {
        return post_said(
            room,
            Text::msg("team-answer-long")
                .arg("max", Text::number(MAX_NOTE_CHARS))
                .arg("count", Text::number(char_len(&answer))),
        );
    }
    let sent = match &question.answered {
        Some((at, by)) => Text::msg("team-answered-again")
            .arg("by", by.as_str())
            .arg("on", at.format("%Y-%m-%d").to_string()),
        None => Text::msg("team-answered"),
    }
    .arg("label", label.as_str())
    .arg("who", &question.asked_as);
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            Effect::SendDm {
                to: question.user.clone(),
                message: OutMessage::said(
                    Text::msg("team-answer")
                        .arg("question", preview(&question.text, 80))
                        .arg("answer", answer.as_str()),
                ),
            },
            Effect::AnswerQuestion {
                id,
                by: ctx.user.to_string(),
            },
            Effect::PostInRoom {
                room: room.clone(),
                message: OutMessage::said(sent).in_thread(question_thread(id)),
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ask_the_team_takes_its_words_in_any_case_and_alone_asks_what_to_ask() {
        for typed in [
            "ask the team when is the meetup?",
            "Ask team when is the meetup?",
            "message the team: when is the meetup?",
            "  ASK THE TEAM   when is the meetup?",
        ] {
            assert_eq!(
                parse_ask(typed),
                Some(Ok("when is the meetup?".to_string())),
                "{typed}"
            );
        }
        assert_eq!(parse_ask("ask the team"), Some(Err(ask_usage())));
        assert_eq!(parse_ask("ask teammates"), None);
        assert_eq!(parse_ask("asking the team"), None);
        assert_eq!(parse_ask("status"), None);
    }

    #[test]
    fn reply_takes_a_question_number_with_or_without_its_letter_and_an_answer() {
        assert_eq!(
            parse("reply Q4 next Tuesday"),
            Some(Ok(TeamCommand::Reply(4, "next Tuesday".into())))
        );
        assert_eq!(
            parse("Reply 4 next Tuesday"),
            Some(Ok(TeamCommand::Reply(4, "next Tuesday".into())))
        );
        assert_eq!(parse("reply Q4"), Some(Err(reply_usage())));
        assert_eq!(parse("reply to amina later"), Some(Err(reply_usage())));
        let wrong = parse("reply A4 hello").unwrap().unwrap_err();
        assert!(wrong.english().contains("A4 is an application"), "{wrong}");
        assert_eq!(parse("replying Q4 x"), None);
    }

    #[test]
    fn a_card_names_the_asker_and_the_words_that_answer() {
        let question = TeamQuestion {
            id: 4,
            user: UserRef::new(crate::domain::Platform::Console, "amina"),
            programme: Some("pathways".into()),
            asked_as: "Amina (A1, mentee, Pathways)".into(),
            text: "When is the next meetup?".into(),
            asked_at: chrono::DateTime::UNIX_EPOCH,
            answered: None,
        };
        let card = card(&question);
        assert_eq!(
            card.text,
            "Question Q4 from Amina (A1, mentee, Pathways): When is the next meetup? — Reply here: reply Q4 <your answer>"
        );
        assert_eq!(
            card.thread,
            Some(crate::chat::Thread::Starts("question-4".into()))
        );
    }
}
