//! `idea` in a pair room: something for the pair to talk about, from the programme's bank
//! of conversation starters (`domain::starters`), one they have not had, fitting how far
//! into their mentoring they are. Posted in the room for both; remembered so it is not
//! given again. Anywhere else, the person is told by DM where it works.

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::domain::RoomRef;
use crate::domain::starters::pick;
use crate::i18n::Text;

/// Whether a room message (after the prefix) asks for an idea.
pub fn is_idea(text: &str) -> bool {
    matches!(
        text.trim()
            .trim_start_matches('/')
            .trim_end_matches(['.', '!', '?'])
            .to_lowercase()
            .as_str(),
        "idea" | "ideas" | "an idea" | "give us an idea" | "starter"
    )
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef) -> Outcome {
    let Some(m) = ctx.pair_in(room) else {
        return Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(Text::msg("starter-elsewhere"))),
        ]);
    };
    if m.frozen {
        return Outcome::unchanged(vec![]);
    }
    // Said in the pair's language when they share one (`app::languages`).
    let post = |text: Text| Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(text),
    };
    let Some(programme) = ctx.programme(&m.programme) else {
        return Outcome::unchanged(vec![]);
    };
    let given: &[String] = match ctx.subject {
        Subject::StartersGiven(given) => given,
        _ => &[],
    };
    match pick(
        &programme.starters,
        given,
        m.started(),
        ctx.now,
        programme.duration_months,
    ) {
        Some(starter) => Outcome::unchanged(vec![
            post(Text::msg("starter").arg("text", programme.said_starter(starter))),
            Effect::GiveStarter {
                match_id: m.id,
                text: starter.text.clone(),
            },
        ]),
        None if programme.starters.is_empty() => {
            Outcome::unchanged(vec![post(Text::msg("starter-default"))])
        }
        None => Outcome::unchanged(vec![post(Text::msg("starter-all-had"))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matches::MatchStatus;
    use crate::domain::starters::{Starter, StarterStage};
    use crate::domain::{ApplicationStatus, RoleKind};
    use crate::flows::testing::{
        Scene, a_match, application, dms, pathways, posted, records, room,
    };

    fn in_pair_room(out: &Outcome) -> Vec<&str> {
        posted(out, "amina-grace")
            .into_iter()
            .map(|m| m.text.as_str())
            .collect()
    }

    fn scene(who: &str, given: Vec<String>) -> Scene {
        let mut programme = pathways();
        programme.starters = vec![
            Starter {
                text: "What do you hope to get from this?".into(),
                stage: StarterStage::Early,
            },
            Starter {
                text: "A book that changed your mind?".into(),
                stage: StarterStage::Any,
            },
        ];
        let mut m = a_match(
            7,
            &application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready),
            &application(2, "grace", RoleKind::Mentor, ApplicationStatus::Ready),
            MatchStatus::Active,
        );
        m.room = Some("amina-grace".into());
        let mut s = Scene::for_user(who)
            .with_programmes(vec![programme])
            .with_subject(Subject::StartersGiven(given));
        s.matches = vec![m];
        s
    }

    #[test]
    fn an_idea_in_the_pair_room_is_one_the_pair_has_not_had_and_is_remembered() {
        let out = handle(&scene("amina", vec![]).ctx(), &room("amina-grace"));
        assert_eq!(
            in_pair_room(&out),
            vec!["Something to talk about: What do you hope to get from this?"]
        );
        assert!(records(&out).contains(&&Effect::GiveStarter {
            match_id: 7,
            text: "What do you hope to get from this?".into()
        }));
        let again = handle(
            &scene("grace", vec!["What do you hope to get from this?".into()]).ctx(),
            &room("amina-grace"),
        );
        assert_eq!(
            in_pair_room(&again),
            vec!["Something to talk about: A book that changed your mind?"]
        );
    }

    #[test]
    fn an_idea_asked_for_outside_ones_pair_room_is_answered_by_dm_and_stores_nothing() {
        let out = handle(&scene("amina", vec![]).ctx(), &room("lobby"));
        assert!(posted(&out, "lobby").is_empty());
        assert!(dms(&out, "amina")[0].starts_with("idea works in your pair room"));
        assert!(records(&out).is_empty());
        assert!(is_idea("Idea?") && is_idea("/ideas") && !is_idea("an idea for the CV"));
    }
}
