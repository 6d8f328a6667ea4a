//! A programme's `[outcomes]` section: outcomes after closure, checked and built into a
//! [`crate::domain::outcomes::Outcomes`]. Off unless `enabled = true`; `survey` names the
//! programme's survey whose questions are the indicators (choices, yes/no, scales, numbers,
//! so a change can be measured; its `anonymous` and translations apply), `for` whose
//! outcomes are followed (default `["mentee"]`), `follow_ups` when after the closure they
//! are asked (`["3 months", "6 months", "12 months"]`, or `3m`). The indicators are added
//! to those roles' application forms (the baseline), after their own questions; a form
//! question of the same id and kind is the baseline already. A section with
//! `enabled = false` is still checked, so a typo shows before it is turned on.

use super::*;
use crate::domain::outcomes::{FollowUp, Outcomes, is_indicator_kind, parse_follow_up};
use crate::domain::survey::Survey;
use crate::domain::translations::{question_path, questions_path};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutcomes {
    #[serde(default)]
    pub(super) enabled: bool,
    /// The survey whose questions are the indicators.
    pub(super) survey: Spanned<String>,
    /// Roles whose outcomes are followed (default mentees).
    #[serde(rename = "for")]
    pub(super) roles: Option<Spanned<Vec<String>>>,
    /// When after the closure each follow-up is asked.
    pub(super) follow_ups: Spanned<Vec<String>>,
}

/// The outcomes of `raw` (`None` when absent or not enabled), with the indicators added to
/// the roles' forms when enabled; every problem goes to `err` with its offset.
pub(super) fn build_outcomes(
    raw: Option<&RawOutcomes>,
    surveys: &[Survey],
    roles: &mut BTreeMap<RoleKind, Role>,
    err: &mut impl FnMut(usize, &str),
) -> Option<Outcomes> {
    let raw = raw?;
    let survey = surveys.iter().find(|s| s.id == *raw.survey.get_ref());
    match survey {
        None => err(
            raw.survey.span().start,
            &format!(
                "no survey `{}` in this programme: the indicators are the questions of one of its [surveys.<id>]",
                raw.survey.get_ref()
            ),
        ),
        Some(s) => {
            for q in &s.questions {
                if !is_indicator_kind(&q.kind) {
                    err(
                        raw.survey.span().start,
                        &format!(
                            "question `{}` of survey `{}` is a {}: an indicator is a single_choice, yes_no, scale, number or nps question, whose change can be measured",
                            q.id,
                            s.id,
                            q.kind.name()
                        ),
                    );
                }
                if q.show_if.is_some() {
                    err(
                        raw.survey.span().start,
                        &format!(
                            "question `{}` of survey `{}` has `show_if`: every indicator is asked of everyone",
                            q.id, s.id
                        ),
                    );
                }
            }
        }
    }
    let mut for_roles = Vec::new();
    match &raw.roles {
        None => for_roles.push(RoleKind::Mentee),
        Some(list) => {
            for name in list.get_ref() {
                match name.trim().parse::<RoleKind>() {
                    Ok(r) if !for_roles.contains(&r) => for_roles.push(r),
                    Ok(_) => {}
                    Err(_) => err(
                        list.span().start,
                        &format!("`for` lists roles, mentor or mentee, not `{name}`"),
                    ),
                }
            }
            if list.get_ref().is_empty() {
                err(
                    list.span().start,
                    "`for` is empty: name mentee, mentor or both",
                );
            }
        }
    }
    let mut follow_ups: Vec<FollowUp> = Vec::new();
    for text in raw.follow_ups.get_ref() {
        match parse_follow_up(text) {
            Ok(f) if follow_ups.iter().any(|x| x.label == f.label) => err(
                raw.follow_ups.span().start,
                &format!("`{text}` is listed twice in `follow_ups`"),
            ),
            Ok(f) => follow_ups.push(f),
            Err(m) => err(raw.follow_ups.span().start, &m),
        }
    }
    if raw.follow_ups.get_ref().is_empty() {
        err(
            raw.follow_ups.span().start,
            "`follow_ups` is empty: say when to ask, like [\"3 months\", \"12 months\"]",
        );
    }
    let survey = survey?;
    if !raw.enabled {
        return None;
    }
    // The baseline: the indicators asked in the application.
    for kind in &for_roles {
        let Some(role) = roles.get_mut(kind) else {
            continue;
        };
        for q in &survey.questions {
            match role.questions.iter().find(|own| own.id == q.id) {
                Some(own) if own.kind == q.kind => {}
                Some(_) => err(
                    raw.survey.span().start,
                    &format!(
                        "the {} form has a question `{}` of another kind than the indicator: give one of them another id",
                        kind.as_str(),
                        q.id
                    ),
                ),
                None => role.questions.push(q.clone()),
            }
        }
    }
    Some(Outcomes {
        survey: survey.id.clone(),
        roles: for_roles,
        follow_ups,
    })
}

/// The indicators' translations (given with their survey) for the questions added to the
/// roles' forms, where the file gives none of its own there.
pub(super) fn copy_translations(programme: &mut Programme) {
    let Some((outcomes, survey)) = programme.outcomes() else {
        return;
    };
    let home = format!("surveys.{}", survey.id);
    let mut copies = Vec::new();
    for q in &survey.questions {
        let from = questions_path(&home, &q.id);
        for role in &outcomes.roles {
            let to = question_path(role.as_str(), &q.id);
            copies.push((format!("{from}."), format!("{to}.")));
        }
    }
    for texts in programme.translations.0.values_mut() {
        let mut added = Vec::new();
        for (path, text) in texts.iter() {
            for (from, to) in &copies {
                if let Some(rest) = path.strip_prefix(from.as_str()) {
                    added.push((format!("{to}{rest}"), text.clone()));
                }
            }
        }
        for (path, text) in added {
            texts.entry(path).or_insert(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::RoleKind;
    use crate::domain::schedule::Offset;

    const BASE: &str = "slug = \"p\"\nname = \"P\"\ndescription = \"d\"\n[roles.mentor]\nname = \"Mentor\"\ndescription = \"m\"\n[[roles.mentor.questions]]\nid = \"name\"\nkind = \"short_text\"\nprompt = \"Name?\"\n[roles.mentee]\nname = \"Mentee\"\ndescription = \"m\"\n[[roles.mentee.questions]]\nid = \"age\"\nkind = \"number\"\nprompt = \"Age?\"\nmin = 10\nmax = 99\n[surveys.after]\ntitle = \"After\"\nanonymous = true\n[[surveys.after.questions]]\nid = \"working\"\nkind = \"yes_no\"\nprompt = \"Are you working?\"\n[[surveys.after.questions]]\nid = \"confidence\"\nkind = \"scale\"\nprompt = \"How confident?\"\nlabels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\n";

    fn parse(extra: &str) -> Result<crate::domain::Programme, String> {
        crate::config::parse_programme(Path::new("p.toml"), &format!("{BASE}{extra}"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_programme_without_the_section_or_with_it_off_follows_no_outcomes() {
        assert_eq!(parse("").unwrap().outcomes, None);
        let off = parse("[outcomes]\nsurvey = \"after\"\nfollow_ups = [\"3 months\"]\n").unwrap();
        assert_eq!(off.outcomes, None);
        assert_eq!(off.role(RoleKind::Mentee).unwrap().questions.len(), 1);
    }

    #[test]
    fn an_enabled_section_adds_the_indicators_to_the_mentees_form_as_the_baseline() {
        let p = parse(
            "[outcomes]\nenabled = true\nsurvey = \"after\"\nfollow_ups = [\"3 months\", \"12m\"]\n[translations.es.surveys.after.questions.working]\nprompt = \"¿Trabajas?\"\n",
        )
        .unwrap();
        let o = p.outcomes.as_ref().expect("outcomes");
        assert_eq!(o.roles, vec![RoleKind::Mentee]);
        let follow: Vec<(&str, Offset)> = o
            .follow_ups
            .iter()
            .map(|f| (f.label.as_str(), f.after))
            .collect();
        assert_eq!(
            follow,
            vec![
                ("3 months", Offset::Months(3)),
                ("12 months", Offset::Months(12))
            ]
        );
        let ids: Vec<&str> = p
            .role(RoleKind::Mentee)
            .unwrap()
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids, ["age", "working", "confidence"]);
        assert_eq!(p.role(RoleKind::Mentor).unwrap().questions.len(), 1);
        // The indicator's translation serves the application's question too.
        assert_eq!(
            p.translations.0["es"]
                .get("roles.mentee.questions.working.prompt")
                .map(String::as_str),
            Some("¿Trabajas?")
        );
    }

    #[test]
    fn mistakes_in_the_section_are_named_even_when_it_is_off() {
        let e = parse("[outcomes]\nsurvey = \"later\"\nfollow_ups = [\"soon\"]\n").unwrap_err();
        assert!(e.contains("no survey `later`"), "{e}");
        assert!(e.contains("`soon`"), "{e}");
        let e = parse("[outcomes]\nsurvey = \"after\"\nfor = [\"parent\"]\nfollow_ups = []\n")
            .unwrap_err();
        assert!(e.contains("`parent`"), "{e}");
        assert!(e.contains("`follow_ups` is empty"), "{e}");
    }

    #[test]
    fn a_free_text_indicator_or_a_clashing_form_question_is_refused() {
        let e = parse("[[surveys.after.questions]]\nid = \"story\"\nkind = \"long_text\"\nprompt = \"Tell us\"\n[outcomes]\nenabled = true\nsurvey = \"after\"\nfollow_ups = [\"3 months\"]\n").unwrap_err();
        assert!(e.contains("`story`"), "{e}");
        let e = parse("[outcomes]\nenabled = true\nsurvey = \"after\"\nfor = [\"mentor\"]\nfollow_ups = [\"3 months\"]\n[[roles.mentor.questions]]\nid = \"working\"\nkind = \"short_text\"\nprompt = \"Work?\"\n").unwrap_err();
        assert!(e.contains("another kind"), "{e}");
    }
}
