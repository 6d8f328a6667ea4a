//! `outcomes [programme]` in the coordinators' room: the programme's outcomes after
//! closure, the change from the baseline at application per follow-up, overall and by
//! cohort, matching method, match length and practice, from the answered follow-ups
//! (`Subject::Outcomes`). The figures are `domain::outcomes::report`'s, which shows no
//! group under the anonymity minimum; the follow-ups themselves are surveys
//! (`flows::survey`), sent by the scheduler (`app::scheduler::outcomes`).

use super::{Ctx, Outcome, Subject};
use crate::domain::RoomRef;
use crate::domain::outcomes::report;
use crate::i18n::Text;

/// `outcomes` or `outcomes <programme>`.
pub fn parse(text: &str) -> Option<Option<String>> {
    let t = text
        .trim()
        .trim_start_matches('/')
        .trim_end_matches(['.', '?']);
    let mut words = t.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("outcomes") {
        return None;
    }
    match (words.next(), words.next()) {
        (None, _) => Some(None),
        (Some(programme), None) => Some(Some(programme.to_lowercase())),
        _ => None,
    }
}

/// Posts the outcome report, or says why not.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, named: Option<&str>) -> Outcome {
    let post = |text: Text| super::post_said(room, text);
    let programme = match super::figures::coordinated(
        ctx,
        room,
        named,
        Text::msg("outcomes-coordinators-only"),
    ) {
        Ok(p) => p,
        Err(answer) => return *answer,
    };
    let Some((outcomes, survey)) = programme.outcomes() else {
        return post(Text::msg("outcomes-off").arg("programme", programme.slug.as_str()));
    };
    let Subject::Outcomes(records) = ctx.subject else {
        return post(Text::msg("outcomes-unloaded"));
    };
    let order: Vec<String> = outcomes
        .follow_ups
        .iter()
        .map(|f| f.label.clone())
        .collect();
    let figures = report(
        &survey.questions,
        &order,
        records,
        programme.anonymity_minimum,
    );
    post(figures.said(programme, survey))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn outcomes_is_read_with_or_without_a_programme_and_nothing_else() {
        assert_eq!(parse("outcomes"), Some(None));
        assert_eq!(
            parse("Outcomes Pathways-2027"),
            Some(Some("pathways-2027".into()))
        );
        assert_eq!(parse("outcomes of pathways"), None);
        assert_eq!(parse("outcome"), None);
    }
}
