//! A programme's own texts in other languages (`[translations.<tag>]` in its file): each
//! text by its path in the file (`texts.welcome`, `roles.mentee.questions.goals.prompt`,
//! `roles.mentee.questions.goals.choices.2`), so that a flow says a programme text as a
//! [`Text::Given`] and the reader gets it in their language, or in the file's.
//!
//! To make another programme text translatable: its path in [`translatable`] (what the
//! configuration checks translations against), and `said` where a flow says it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answer::{Answer, format_number};
use super::programme::{Programme, Question, QuestionKind};
use super::text::preview;
use crate::i18n::Text;

/// By language tag, each translated text by its path.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Translations(pub BTreeMap<String, BTreeMap<String, String>>);

impl Translations {
    /// The text at `path`, whose own words are `default`: in the reader's language where
    /// it is translated.
    pub fn said(&self, path: &str, default: &str) -> Text {
        let given: Vec<(String, String)> = self
            .0
            .iter()
            .filter_map(|(tag, texts)| Some((tag.clone(), texts.get(path)?.clone())))
            .collect();
        Text::given(default, &given)
    }

    /// Option `value` of question `q`, whose texts are at `at` (see [`questions_path`]): its
    /// label in the reader's language where translated; the value itself when `q` has no
    /// such option.
    pub fn said_option(&self, at: &str, q: &Question, value: &str) -> Text {
        let (QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. }) =
            &q.kind
        else {
            return Text::plain(value);
        };
        match choices.iter().position(|c| c.value == value) {
            Some(i) => self.said(&format!("{at}.choices.{i}"), &choices[i].label),
            None => Text::plain(value),
        }
    }

    /// An answer to question `q` of the form at `home` (see [`questions_path`]), as said to
    /// its reader: the options picked and a scale's point by their labels in the reader's
    /// language, the person's own words cut to `max` characters.
    pub fn said_answer(&self, home: &str, q: &Question, answer: &Answer, max: usize) -> Text {
        let at = questions_path(home, &q.id);
        let option = |value: &String| self.said_option(&at, q, value);
        if let (Answer::Number(n), QuestionKind::Scale { labels }) = (answer, &q.kind) {
            // `4 (Good)`, the label in the reader's language.
            let point = format_number(*n);
            return match point.parse::<usize>().ok().and_then(|p| p.checked_sub(1)) {
                Some(i) if i < labels.len() => Text::join(
                    vec![
                        Text::plain(format!("{point} (")),
                        self.said(&format!("{at}.labels.{i}"), &labels[i]),
                        Text::plain(")"),
                    ],
                    "",
                ),
                _ => Text::plain(point),
            };
        }
        match answer {
            Answer::Choice(v) => option(v),
            Answer::Choices(vs) => Text::join(vs.iter().map(option).collect(), ", "),
            _ => match answer.said(q) {
                Text::Plain(words) => Text::plain(preview(&words, max)),
                said => said,
            },
        }
    }

    /// Every translation of the text at `path`, by language tag.
    pub fn of<'a>(&'a self, path: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.0
            .iter()
            .filter_map(move |(tag, texts)| Some((tag.as_str(), texts.get(path)?.as_str())))
    }

    /// The languages it is translated into.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Every text of a programme that can be translated, by path, with its own words.
pub fn translatable(p: &Programme) -> Vec<(String, String)> {
    let mut out = vec![
        ("name".to_string(), p.name.clone()),
        ("description".to_string(), p.description.clone()),
    ];
    let t = &p.texts;
    for (key, text) in [
        ("welcome", &t.welcome),
        ("submitted", &t.submitted),
        ("contact", &t.contact),
        ("ground_rules", &t.ground_rules),
        ("icebreaker", &t.icebreaker),
        ("meeting_cadence", &t.meeting_cadence),
    ] {
        if !text.is_empty() {
            out.push((format!("texts.{key}"), text.clone()));
        }
    }
    for (kind, role) in &p.roles {
        let at = format!("roles.{}", kind.as_str());
        out.push((format!("{at}.name"), role.name.clone()));
        out.push((format!("{at}.description"), role.description.clone()));
        questions(&mut out, &at, &role.questions);
        for step in &role.screening.steps {
            out.push((
                step_path(kind.as_str(), &step.id, "label"),
                step.label.clone(),
            ));
            if let super::screening::StepKind::Acknowledgement { text, .. } = &step.kind
                && !text.is_empty()
            {
                out.push((step_path(kind.as_str(), &step.id, "text"), text.clone()));
            }
        }
        // What an applicant the rule refuses is told (other rules' reasons are notes for
        // the reviewers).
        for rule in &role.screening.rules {
            if rule.outcome == super::screening::RuleOutcome::Ineligible {
                out.push((reason_path(kind.as_str(), &rule.id), rule.reason.clone()));
            }
        }
    }
    for survey in &p.surveys {
        let at = format!("surveys.{}", survey.id);
        out.push((format!("{at}.title"), survey.title.clone()));
        if !survey.intro.is_empty() {
            out.push((format!("{at}.intro"), survey.intro.clone()));
        }
        questions(&mut out, &at, &survey.questions);
    }
    for m in p.schedule.iter().flat_map(|s| &s.milestones) {
        if !m.text.is_empty() {
            out.push((milestone_path(&m.id), m.text.clone()));
        }
    }
    for (i, c) in p.matching.iter().flat_map(|m| &m.criteria).enumerate() {
        out.push((criterion_path(i), c.name.clone()));
    }
    for (i, s) in p.starters.iter().enumerate() {
        out.push((format!("starters.{i}.text"), s.text.clone()));
    }
    if let Some(c) = &p.certificate {
        out.push(("certificate.title".into(), c.title.clone()));
        if !c.signature_title.is_empty() {
            out.push((
                "certificate.signature_title".into(),
                c.signature_title.clone(),
            ));
        }
    }
    for r in &p.resources {
        out.push((r.path("title"), r.title.clone()));
        if !r.description.is_empty() {
            out.push((r.path("description"), r.description.clone()));
        }
        // A link in the reader's language (a video with Spanish subtitles).
        if let super::resources::Source::Link(link) = &r.source {
            out.push((r.path("link"), link.clone()));
        }
    }
    out
}

/// For each language `p` is translated into, the texts it leaves in the file's own words
/// (by path), in the file's order: what a reader of that language would still get in
/// another. A resource's link is left out: the same link may serve every language.
pub fn untranslated(p: &Programme) -> Vec<(String, Vec<String>)> {
    let texts = translatable(p);
    p.translations
        .0
        .iter()
        .map(|(tag, given)| {
            let missing = texts
                .iter()
                .map(|(path, _)| path)
                .filter(|path| !path.ends_with(".link") && !given.contains_key(*path))
                .cloned()
                .collect();
            (tag.clone(), missing)
        })
        .filter(|(_, missing): &(String, Vec<String>)| !missing.is_empty())
        .collect()
}

/// The texts of a form's questions (a role's, a survey's) at `home`.
fn questions(out: &mut Vec<(String, String)>, home: &str, questions: &[Question]) {
    for q in questions {
        let at = questions_path(home, &q.id);
        out.push((format!("{at}.label"), q.label.clone()));
        out.push((format!("{at}.prompt"), q.prompt.clone()));
        if let Some(help) = &q.help {
            out.push((format!("{at}.help"), help.clone()));
        }
        match &q.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                for (i, c) in choices.iter().enumerate() {
                    out.push((format!("{at}.choices.{i}"), c.label.clone()));
                }
            }
            QuestionKind::Scale { labels } => {
                for (i, l) in labels.iter().enumerate() {
                    out.push((format!("{at}.labels.{i}"), l.clone()));
                }
            }
            QuestionKind::Consent { statement } => {
                out.push((format!("{at}.statement"), statement.clone()));
            }
            _ => {}
        }
    }
}

/// Where the name of the programme's `i`th matching criterion (from 0) is: what a
/// proposal's and an offer's reasons call it.
pub fn criterion_path(i: usize) -> String {
    format!("matching.criteria.{i}.name")
}

/// Where milestone `id`'s text is.
pub fn milestone_path(id: &str) -> String {
    format!("schedule.milestones.{id}.text")
}

/// Where `field` (`label`, `text`) of role `role`'s screening step `id` is.
pub fn step_path(role: &str, id: &str, field: &str) -> String {
    format!("roles.{role}.screening.steps.{id}.{field}")
}

/// Where the reason of role `role`'s screening rule `id` is.
pub fn reason_path(role: &str, id: &str) -> String {
    format!("roles.{role}.screening.rules.{id}.reason")
}

/// Where the texts of role `role`'s question `id` are.
pub fn question_path(role: &str, id: &str) -> String {
    questions_path(&format!("roles.{role}"), id)
}

/// Where the texts of question `id` of the form at `home` (`roles.mentee`,
/// `surveys.midpoint`) are.
pub fn questions_path(home: &str, id: &str) -> String {
    format!("{home}.questions.{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_said_in_each_language_it_has_and_in_its_own_words_otherwise() {
        let mut all = BTreeMap::new();
        all.insert(
            "es".to_string(),
            BTreeMap::from([("texts.welcome".to_string(), "¡Hola!".to_string())]),
        );
        let tr = Translations(all);
        let said = tr.said("texts.welcome", "Hello!");
        assert_eq!(
            said.render(crate::i18n::Locale::from_tag("es").unwrap()),
            "¡Hola!"
        );
        assert_eq!(said.english(), "Hello!");
        assert_eq!(tr.said("texts.submitted", "Sent."), Text::plain("Sent."));
    }
}
