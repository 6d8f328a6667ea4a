//! The form engine: every form the bot asks one question at a time (a role's application
//! questions, a survey) is walked, asked and read here.
//!
//! A [`Form`] is a form's questions and the answers given so far. Which questions apply is
//! derived from the answers each time ([`visible_questions`]: branch conditions), never
//! stored, so an answer that hides or reveals questions is handled in one place. The engine
//! keeps no state of its own and knows nothing of programmes, roles or invitations: a flow
//! stores its answers and the id of the question it is on, builds a `Form` at each step and
//! asks it
//! - where to go: [`Form::next`] (in the [`Onward`] manner that suits the flow),
//!   [`Form::previous`], [`Form::first_unanswered`];
//! - how to ask a question: [`Form::ask`] (number, help, what fits, the current answer,
//!   the choices);
//! - what a message means for the question: [`Form::read`] (an answer, `skip`, `keep`,
//!   `back`, or why it was not taken: one short message, [`retry_note`]);
//! - for a review: [`Form::review_lines`], and which question `edit <question>` names
//!   ([`Form::find`]);
//! - what to submit: [`Form::given`], the answers to the questions that apply, in order.
//!
//! The flow answers its own commands first (an application's `review`, `submit`, `edit`; a
//! survey's `later`, `help`), hands the rest of the message to [`Form::read`], and turns the
//! [`Reply`] into its own states and words.
//!
//! To add a question kind: teach `domain::answer` to parse, show and offer it; the engine
//! asks and reads it unchanged. To add a form to a new flow: keep `answers` and the current
//! question's id in the flow's state, do as above, and send what the engine asks with
//! [`say_then_ask`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::command::Command;
use super::{Content, Ctx, Effect, OutMessage, Outcome, StateChange};
use crate::domain::answer::{AnswerInput, expectation, labelled_choices, parse_answer};
use crate::domain::programme::slugify;
use crate::domain::translations::{Translations, questions_path};
use crate::domain::{Answer, Question, QuestionKind};
use crate::i18n::Text;

/// Said when `back` is typed on the first question, where a flow has nothing before it.
pub fn first_question() -> Text {
    Text::msg("form-first-question")
}

/// The one short message for an answer that was not taken ([`Reply::Retry`]): why, what
/// fits with an example, and how to see the question again. The question itself is not
/// sent again: it is just above, and its buttons still answer it.
pub fn retry_note(note: Text) -> Text {
    Text::msg("form-retry").arg("note", note)
}

/// A form's questions with the answers given so far.
#[derive(Debug, Clone)]
pub struct Form<'a> {
    /// Every question, those a branch hides included.
    questions: &'a [Question],
    answers: &'a BTreeMap<String, Answer>,
    /// The questions that apply given the answers, in form order.
    visible: Vec<&'a Question>,
    /// The programme's translations of the questions, and where in them this form's
    /// questions are (`roles.mentee`, `surveys.midpoint`: see `domain::translations`).
    said: Option<(&'a Translations, String)>,
}

/// Where to go once a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Onward {
    /// The question after it, answered or not, the way a form's "next" button goes
    /// (applications); after the last, the first one still unanswered.
    Next,
    /// The next question after it still unanswered (surveys); after the last, the first
    /// one still unanswered.
    NextUnanswered,
    /// The first question still unanswered, wherever it is (back to a review).
    FirstUnanswered,
}

/// What `keep` means on a question that has no answer yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepUnanswered {
    /// Refused, saying there is nothing to keep yet (applications).
    Refuse,
    /// Read as an answer like any other text (surveys).
    ReadAsAnswer,
}

/// What a message means for the question being asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply<'a> {
    /// Go on, with these answers: the question's new answer or its skip recorded, or (for
    /// `keep`) the answers as they were.
    Forward(BTreeMap<String, Answer>),
    /// `back`: the question before, or `None` on the first one.
    Back(Option<&'a Question>),
    /// Not taken: say this (with [`retry_note`]); the question stays the same.
    Retry(Text),
}

/// The question an `edit <question>` names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found<'a> {
    /// A question that applies: by its number in the review, its id, its label or the
    /// label's slug.
    Question(&'a Question),
    /// A question of the form (by id or label) that the answers so far hide.
    Hidden,
    /// Nothing of that name.
    Unknown,
}

impl<'a> Form<'a> {
    pub fn new(questions: &'a [Question], answers: &'a BTreeMap<String, Answer>) -> Self {
        Form {
            questions,
            answers,
            visible: visible_questions(questions, answers),
            said: None,
        }
    }

    /// The same form, its questions said in the reader's language where `translations`
    /// has them, under `home` (`roles.mentee`, `surveys.midpoint`: see
    /// `domain::translations::questions_path`).
    pub fn translated(self, translations: &'a Translations, home: String) -> Self {
        Form {
            said: Some((translations, home)),
            ..self
        }
    }

    /// Question `q`'s text `field` (`prompt`, `label`, `help`, `choices.2`), whose own
    /// words are `own`, as said to the reader.
    fn said(&self, q: &Question, field: &str, own: &str) -> Text {
        match &self.said {
            Some((tr, home)) => tr.said(&format!("{}.{field}", questions_path(home, &q.id)), own),
            None => Text::plain(own),
        }
    }

    /// An answer to `q` as shown back to the person who gave it, cut to `max` characters
    /// where it is their own words: the options they picked in their language.
    fn said_answer(&self, q: &Question, answer: &Answer, max: usize) -> Text {
        match &self.said {
            Some((tr, home)) => tr.said_answer(home, q, answer, max),
            None => Translations::default().said_answer("", q, answer, max),
        }
    }

    /// Question `q`'s label in each language the programme translated it into.
    fn translated_labels(&self, q: &Question) -> Vec<String> {
        match &self.said {
            Some((tr, home)) => tr
                .of(&format!("{}.label", questions_path(home, &q.id)))
                .map(|(_, label)| label.to_string())
                .collect(),
            None => Vec::new(),
        }
    }

    /// The label of question `q`, as said to the reader.
    pub fn label(&self, q: &Question) -> Text {
        self.said(q, "label", &q.label)
    }

    /// The questions that apply, in form order.
    pub fn visible(&self) -> &[&'a Question] {
        &self.visible
    }

    /// How many questions apply.
    pub fn count(&self) -> usize {
        self.visible.len()
    }

    /// The question `id`, if it applies.
    pub fn question(&self, id: &str) -> Option<&'a Question> {
        self.visible.iter().copied().find(|q| q.id == id)
    }

    /// Where the question `id` stands among those that apply (from 0).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.visible.iter().position(|q| q.id == id)
    }

    pub fn is_answered(&self, id: &str) -> bool {
        self.answers.contains_key(id)
    }

    /// How many of the questions that apply are answered (a skip counts).
    pub fn answered(&self) -> usize {
        self.count() - self.unanswered()
    }

    /// How many of the questions that apply are still to answer.
    pub fn unanswered(&self) -> usize {
        self.visible
            .iter()
            .filter(|q| !self.is_answered(&q.id))
            .count()
    }

    /// The questions still to answer, as a review numbers them: `3. Time zone, 9. Hopes`.
    pub fn left_text(&self) -> Text {
        let left = self
            .visible
            .iter()
            .enumerate()
            .filter(|(_, q)| !self.is_answered(&q.id))
            .map(|(i, q)| Text::join(vec![Text::plain(format!("{}. ", i + 1)), self.label(q)], ""))
            .collect();
        Text::join(left, ", ")
    }

    pub fn first_unanswered(&self) -> Option<&'a Question> {
        self.visible
            .iter()
            .copied()
            .find(|q| !self.is_answered(&q.id))
    }

    /// The question to ask after `after` (at the start with `None`), or `None` when the
    /// form is done: every question that applies is answered.
    pub fn next(&self, after: Option<&str>, onward: Onward) -> Option<&'a Question> {
        let pos = after.and_then(|id| self.position(id));
        let then = match onward {
            Onward::Next => match pos {
                Some(i) => self.visible.get(i + 1).copied(),
                None => self.visible.first().copied(),
            },
            Onward::NextUnanswered => self
                .visible
                .iter()
                .skip(pos.map_or(0, |i| i + 1))
                .copied()
                .find(|q| !self.is_answered(&q.id)),
            Onward::FirstUnanswered => None,
        };
        then.or_else(|| self.first_unanswered())
    }

    /// The question before `id`, or `None` when it is the first (or does not apply).
    pub fn previous(&self, id: &str) -> Option<&'a Question> {
        let pos = self.position(id)?;
        pos.checked_sub(1).map(|i| self.visible[i])
    }

    /// The question as asked: its number among those that apply (none when a branch hides
    /// it), the question, any help, what kind of answer fits, and the current answer when
    /// the person comes back to it; with its choices, and `prompt_ref` for platforms'
    /// controls to echo.
    pub fn ask(&self, q: &Question, prompt_ref: String) -> OutMessage {
        self.ask_with(q, prompt_ref, None)
    }

    /// [`Form::ask`], with `consent_note` under a consent question's statement (what the
    /// programme asks agreement to besides it, such as its pair-room safety policy).
    pub fn ask_with(
        &self,
        q: &Question,
        prompt_ref: String,
        consent_note: Option<Text>,
    ) -> OutMessage {
        let mut lines = vec![match self.position(&q.id) {
            Some(i) => Text::msg("form-question-of")
                .arg("number", i + 1)
                .arg("count", self.count())
                .arg("prompt", self.said(q, "prompt", &q.prompt)),
            None => self.said(q, "prompt", &q.prompt),
        }];
        if let QuestionKind::Consent { statement } = &q.kind {
            lines.push(self.said(q, "statement", statement));
            lines.extend(consent_note);
        }
        if let Some(help) = &q.help {
            lines.push(self.said(q, "help", help));
        }
        lines.extend(
            self.about_scale(q, "expect-scale")
                .or_else(|| expectation(&q.kind)),
        );
        if q.optional {
            lines.push(Text::msg("form-optional"));
        }
        if let Some(current) = self.answers.get(&q.id) {
            lines.push(
                Text::msg("form-current-answer").arg("answer", self.said_answer(q, current, 200)),
            );
        }
        let mut choices = labelled_choices(&q.kind);
        let translated = match &q.kind {
            QuestionKind::SingleChoice { .. } | QuestionKind::MultiChoice { .. } => "choices",
            QuestionKind::Scale { .. } => "labels",
            _ => "",
        };
        if !translated.is_empty() {
            for (i, (c, label)) in choices.iter_mut().enumerate() {
                *label = self.said(q, &format!("{translated}.{i}"), &c.label);
            }
        }
        let pick = match &q.kind {
            QuestionKind::MultiChoice { min, max, .. } => Some((*min, *max)),
            _ if !choices.is_empty() => Some((1, 1)),
            _ => None,
        };
        OutMessage {
            pick,
            prompt_ref: Some(prompt_ref),
            ..OutMessage::said(Text::lines(lines)).with_choices(choices)
        }
    }

    /// What `content` (with `command`, the command it reads as, if any) means for the
    /// question `q`: `back`, `skip` (optional questions only), `keep` (an answer given
    /// before stands; see [`KeepUnanswered`]), or an answer, parsed and checked. Any other
    /// command is read as an answer: a flow answers its own commands before this.
    pub fn read(
        &self,
        q: &Question,
        content: &Content,
        command: Option<&Command>,
        now: DateTime<Utc>,
        keep: KeepUnanswered,
    ) -> Reply<'a> {
        match command {
            Some(Command::Back) => return Reply::Back(self.previous(&q.id)),
            Some(Command::Skip) if !q.optional => {
                return Reply::Retry(Text::msg("form-not-skippable"));
            }
            Some(Command::Skip) => return Reply::Forward(self.with(q, Answer::Skipped)),
            Some(Command::Keep) if self.is_answered(&q.id) => {
                return Reply::Forward(self.answers.clone());
            }
            Some(Command::Keep) if keep == KeepUnanswered::Refuse => {
                return Reply::Retry(Text::msg("form-nothing-to-keep"));
            }
            _ => {}
        }
        match parse_answer(q, &input(content), now) {
            Ok(answer) => Reply::Forward(self.with(q, answer)),
            // Options named in another language the programme speaks: the same options,
            // in the same order, so numbers and values are the same too.
            Err(e) => match self
                .translated_choices(q)
                .iter()
                .find_map(|other| parse_answer(other, &input(content), now).ok())
            {
                Some(answer) => Reply::Forward(self.with(q, answer)),
                None => Reply::Retry(self.about_scale(q, "answer-scale-expected").unwrap_or(e.0)),
            },
        }
    }

    /// Question `q` with its options (a scale's points) labelled in each language the
    /// programme translated them into (none for a question without options).
    fn translated_choices(&self, q: &Question) -> Vec<Question> {
        let Some((tr, home)) = &self.said else {
            return Vec::new();
        };
        let list = match q.kind {
            QuestionKind::SingleChoice { .. } | QuestionKind::MultiChoice { .. } => "choices",
            QuestionKind::Scale { .. } => "labels",
            _ => return Vec::new(),
        };
        let base = questions_path(home, &q.id);
        tr.languages()
            .map(|tag| {
                let mut other = q.clone();
                let labels: Vec<&mut String> = match &mut other.kind {
                    QuestionKind::SingleChoice { choices: cs }
                    | QuestionKind::MultiChoice { choices: cs, .. } => {
                        cs.iter_mut().map(|c| &mut c.label).collect()
                    }
                    QuestionKind::Scale { labels } => labels.iter_mut().collect(),
                    _ => Vec::new(),
                };
                for (i, label) in labels.into_iter().enumerate() {
                    if let Some((_, said)) = tr
                        .of(&format!("{base}.{list}.{i}"))
                        .find(|(t, _)| *t == tag)
                    {
                        *label = said.to_string();
                    }
                }
                other
            })
            .collect()
    }

    /// Message `id` about the scale `q` (`expect-scale`, `answer-scale-expected`), with its
    /// end points as said to the reader (`None`: not a scale).
    fn about_scale(&self, q: &Question, id: &str) -> Option<Text> {
        let QuestionKind::Scale { labels } = &q.kind else {
            return None;
        };
        let point = |i: usize| self.said(q, &format!("labels.{i}"), &labels[i]);
        let last = labels.len().checked_sub(1)?;
        Some(
            Text::msg(id)
                .arg("first", point(0))
                .arg("count", labels.len())
                .arg("last", point(last))
                .arg("example", labels.len().div_ceil(2)),
        )
    }

    /// The answers with `answer` recorded for `q`.
    fn with(&self, q: &Question, answer: Answer) -> BTreeMap<String, Answer> {
        let mut answers = self.answers.clone();
        answers.insert(q.id.clone(), answer);
        answers
    }

    /// The question `edit <target>` names: a number from the review, an id, a label or a
    /// label's slug, in any case.
    pub fn find(&self, target: &str) -> Found<'a> {
        let wanted = target.trim().to_lowercase();
        let found = wanted
            .parse::<usize>()
            .ok()
            .and_then(|n| self.visible.get(n.checked_sub(1)?).copied())
            .or_else(|| {
                self.visible.iter().copied().find(|q| {
                    q.id.to_lowercase() == wanted
                        || q.label.to_lowercase() == wanted
                        || slugify(&q.label) == wanted
                        || self
                            .translated_labels(q)
                            .iter()
                            .any(|l| l.to_lowercase() == wanted)
                })
            });
        match found {
            Some(q) => Found::Question(q),
            None if self
                .questions
                .iter()
                .any(|q| q.id.to_lowercase() == wanted || q.label.to_lowercase() == wanted) =>
            {
                Found::Hidden
            }
            None => Found::Unknown,
        }
    }

    /// The answers so far for a review, one numbered line each (every line begins with a
    /// line break): `1. Name: Ada`, or `(not answered yet)`.
    pub fn review_lines(&self) -> Text {
        let lines = self.visible.iter().enumerate().map(|(i, q)| {
            let shown = match self.answers.get(&q.id) {
                Some(a) => self.said_answer(q, a, 300),
                None => Text::msg("answer-not-yet"),
            };
            Text::join(
                vec![
                    Text::plain(format!("\n{}. ", i + 1)),
                    self.label(q),
                    Text::plain(": "),
                    shown,
                ],
                "",
            )
        });
        Text::join(lines.collect(), "")
    }

    /// The answers to the questions that apply, in form order: what is submitted. An
    /// answer to a question a later change hid is left out.
    pub fn given(&self) -> Vec<(String, Answer)> {
        self.visible
            .iter()
            .filter_map(|q| self.answers.get(&q.id).map(|a| (q.id.clone(), a.clone())))
            .collect()
    }
}

/// The questions of a form that apply given `answers`, in form order. A question with a
/// condition applies when the question it depends on applies, comes before it, and its
/// answer matches.
pub fn visible_questions<'r>(
    questions: &'r [Question],
    answers: &BTreeMap<String, Answer>,
) -> Vec<&'r Question> {
    let mut visible: Vec<&Question> = Vec::new();
    for q in questions {
        let show = match &q.show_if {
            None => true,
            Some(cond) => {
                visible.iter().any(|v| v.id == cond.question)
                    && answers
                        .get(&cond.question)
                        .is_some_and(|a| a.values().iter().any(|v| cond.any_of.contains(v)))
            }
        };
        if show {
            visible.push(q);
        }
    }
    visible
}

/// What a person sent, as an answer to parse.
pub fn input(content: &Content) -> AnswerInput<'_> {
    match content {
        Content::Text(t) => AnswerInput::Text(t),
        Content::Picked { values, .. } => AnswerInput::Picked(values),
    }
}

/// Whether `content` is a pick made on another prompt than `current` (an older question,
/// answered meanwhile in another way).
pub fn picked_elsewhere(content: &Content, current: &str) -> bool {
    matches!(content, Content::Picked { prompt_ref: Some(r), .. } if r != current)
}

/// A question asked on its own, outside a form: a confirmation, a pick among options.
pub fn single(kind: QuestionKind) -> Question {
    Question {
        id: "confirm".into(),
        label: "Confirm".into(),
        prompt: String::new(),
        help: None,
        kind,
        optional: false,
        show_if: None,
    }
}

/// The reply to a yes-or-no confirmation ("do you really want to…?"), or `None` when it is
/// neither.
pub fn yes_or_no(content: &Content, now: DateTime<Utc>) -> Option<bool> {
    match parse_answer(&single(QuestionKind::YesNo), &input(content), now) {
        Ok(Answer::YesNo(yes)) => Some(yes),
        _ => None,
    }
}

/// `notes`, then `prompt` (the question the form waits on, or another prompt of the
/// flow), as DMs to the person, with the state change.
pub fn say_then_ask(
    ctx: &Ctx<'_>,
    state: StateChange,
    notes: Vec<Text>,
    prompt: OutMessage,
) -> Outcome {
    let mut effects: Vec<Effect> = notes
        .into_iter()
        .map(|n| ctx.dm(OutMessage::said(n)))
        .collect();
    effects.push(ctx.dm(prompt));
    Outcome { state, effects }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Choice;
    use crate::domain::programme::Condition;

    fn question(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.into(),
            label: format!("The {id}"),
            prompt: format!("What is your {id}?"),
            help: None,
            kind,
            optional: false,
            show_if: None,
        }
    }

    fn text(id: &str) -> Question {
        question(id, QuestionKind::ShortText { max_length: 40 })
    }

    /// name, worked (yes/no), job (only when worked), extra (optional), in that order.
    fn questions() -> Vec<Question> {
        vec![
            text("name"),
            question("worked", QuestionKind::YesNo),
            Question {
                show_if: Some(Condition {
                    question: "worked".into(),
                    any_of: vec!["yes".into()],
                }),
                ..text("job")
            },
            Question {
                optional: true,
                ..text("extra")
            },
        ]
    }

    fn answers(given: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        given
            .iter()
            .map(|(id, a)| (id.to_string(), a.clone()))
            .collect()
    }

    fn ids(qs: &[&Question]) -> Vec<String> {
        qs.iter().map(|q| q.id.clone()).collect()
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn said(text: &str) -> Content {
        Content::Text(text.into())
    }

    #[test]
    fn a_branch_applies_only_while_the_answer_it_depends_on_matches() {
        let qs = questions();
        let none = answers(&[]);
        assert_eq!(
            ids(Form::new(&qs, &none).visible()),
            ["name", "worked", "extra"]
        );
        let yes = answers(&[("worked", Answer::YesNo(true))]);
        assert_eq!(
            ids(Form::new(&qs, &yes).visible()),
            ["name", "worked", "job", "extra"]
        );
    }

    #[test]
    fn a_condition_on_a_later_question_never_shows() {
        let mut qs = questions();
        qs[0].show_if = Some(Condition {
            question: "worked".into(),
            any_of: vec!["yes".into()],
        });
        let yes = answers(&[("worked", Answer::YesNo(true))]);
        assert_eq!(
            ids(Form::new(&qs, &yes).visible()),
            ["worked", "job", "extra"]
        );
    }

    #[test]
    fn next_walks_over_answered_questions_and_next_unanswered_does_not() {
        let qs = questions();
        let given = answers(&[
            ("name", Answer::Text("Ada".into())),
            ("worked", Answer::YesNo(false)),
        ]);
        let form = Form::new(&qs, &given);
        let id = |q: Option<&Question>| q.map(|q| q.id.clone());
        assert_eq!(id(form.next(None, Onward::Next)).as_deref(), Some("name"));
        assert_eq!(
            id(form.next(Some("name"), Onward::Next)).as_deref(),
            Some("worked")
        );
        assert_eq!(
            id(form.next(Some("name"), Onward::NextUnanswered)).as_deref(),
            Some("extra")
        );
        assert_eq!(
            id(form.next(Some("name"), Onward::FirstUnanswered)).as_deref(),
            Some("extra")
        );
    }

    #[test]
    fn after_the_last_question_the_walk_goes_back_to_what_is_unanswered_or_ends() {
        let qs = questions();
        let given = answers(&[("worked", Answer::YesNo(false))]);
        let form = Form::new(&qs, &given);
        for onward in [Onward::Next, Onward::NextUnanswered] {
            assert_eq!(
                form.next(Some("extra"), onward).map(|q| q.id.as_str()),
                Some("name")
            );
        }
        let all = answers(&[
            ("name", Answer::Text("Ada".into())),
            ("worked", Answer::YesNo(false)),
            ("extra", Answer::Skipped),
        ]);
        let done = Form::new(&qs, &all);
        assert_eq!(done.next(Some("extra"), Onward::Next), None);
        assert_eq!(done.next(None, Onward::FirstUnanswered), None);
        assert_eq!((done.answered(), done.unanswered()), (3, 0));
    }

    #[test]
    fn back_goes_to_the_question_before_and_says_none_on_the_first() {
        let qs = questions();
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let reply = |id: &str| {
            let q = form.question(id).unwrap();
            form.read(
                q,
                &said("back"),
                Some(&Command::Back),
                now(),
                KeepUnanswered::Refuse,
            )
        };
        assert_eq!(reply("name"), Reply::Back(None));
        assert_eq!(reply("extra"), Reply::Back(form.question("worked")));
    }

    #[test]
    fn skip_records_a_skip_on_an_optional_question_and_is_refused_on_another() {
        let qs = questions();
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let skip = |id: &str| {
            form.read(
                form.question(id).unwrap(),
                &said("skip"),
                Some(&Command::Skip),
                now(),
                KeepUnanswered::Refuse,
            )
        };
        assert_eq!(skip("name"), Reply::Retry(Text::msg("form-not-skippable")));
        assert_eq!(
            skip("extra"),
            Reply::Forward(answers(&[("extra", Answer::Skipped)]))
        );
    }

    #[test]
    fn keep_leaves_an_answer_as_it_is_and_without_one_is_refused_or_read_as_text() {
        let qs = questions();
        let given = answers(&[("name", Answer::Text("Ada".into()))]);
        let form = Form::new(&qs, &given);
        let keep = |id: &str, rule| {
            form.read(
                form.question(id).unwrap(),
                &said("keep"),
                Some(&Command::Keep),
                now(),
                rule,
            )
        };
        assert_eq!(
            keep("name", KeepUnanswered::Refuse),
            Reply::Forward(given.clone())
        );
        assert_eq!(
            keep("extra", KeepUnanswered::Refuse),
            Reply::Retry(Text::msg("form-nothing-to-keep"))
        );
        let mut kept_as_text = given.clone();
        kept_as_text.insert("extra".into(), Answer::Text("keep".into()));
        assert_eq!(
            keep("extra", KeepUnanswered::ReadAsAnswer),
            Reply::Forward(kept_as_text)
        );
    }

    #[test]
    fn an_answer_is_parsed_and_a_wrong_one_says_what_fits() {
        let qs = questions();
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let worked = form.question("worked").unwrap();
        let read =
            |content: &Content| form.read(worked, content, None, now(), KeepUnanswered::Refuse);
        assert_eq!(
            read(&said("yes")),
            Reply::Forward(answers(&[("worked", Answer::YesNo(true))]))
        );
        let picked = Content::Picked {
            prompt_ref: None,
            values: vec!["no".into()],
        };
        assert_eq!(
            read(&picked),
            Reply::Forward(answers(&[("worked", Answer::YesNo(false))]))
        );
        assert!(matches!(read(&said("perhaps")), Reply::Retry(_)));
    }

    #[test]
    fn a_question_is_asked_with_its_number_choices_and_current_answer() {
        let qs = questions();
        let given = answers(&[("worked", Answer::YesNo(true))]);
        let form = Form::new(&qs, &given);
        let asked = form.ask(form.question("worked").unwrap(), "question:worked".into());
        assert!(
            asked
                .text
                .starts_with("Question 2 of 4: What is your worked?"),
            "{}",
            asked.text
        );
        assert!(
            asked.text.contains("Your current answer: Yes."),
            "{}",
            asked.text
        );
        assert_eq!(asked.pick, Some((1, 1)));
        assert_eq!(asked.prompt_ref.as_deref(), Some("question:worked"));
        let extra = form.ask(form.question("extra").unwrap(), "x".into());
        assert!(
            extra.text.contains("(Optional: type skip"),
            "{}",
            extra.text
        );
        assert!(extra.choices.is_empty());
        assert_eq!(extra.pick, None);
    }

    #[test]
    fn a_hidden_question_is_asked_without_a_number() {
        let qs = questions();
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let asked = form.ask(&qs[2], "x".into());
        assert_eq!(asked.text, "What is your job?");
    }

    #[test]
    fn a_multiple_choice_question_offers_its_pick_limits() {
        let choices = vec![
            Choice {
                value: "a".into(),
                label: "A".into(),
            },
            Choice {
                value: "b".into(),
                label: "B".into(),
            },
        ];
        let qs = vec![question(
            "goals",
            QuestionKind::MultiChoice {
                choices: choices.clone(),
                min: 1,
                max: 2,
            },
        )];
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let asked = form.ask(&qs[0], "x".into());
        assert_eq!(asked.pick, Some((1, 2)));
        assert_eq!(asked.choices, choices);
    }

    #[test]
    fn edit_finds_a_question_by_number_id_label_or_slug_and_knows_a_hidden_one() {
        let qs = questions();
        let given = answers(&[]);
        let form = Form::new(&qs, &given);
        let found = |t: &str| match form.find(t) {
            Found::Question(q) => q.id.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(found("2"), "worked");
        assert_eq!(found(" NAME "), "name");
        assert_eq!(found("the extra"), "extra");
        assert_eq!(found("the-extra"), "extra");
        assert_eq!(found("job"), "Hidden");
        assert_eq!(found("9"), "Unknown");
        assert_eq!(found("colour"), "Unknown");
    }

    #[test]
    fn the_review_lists_what_applies_and_only_that_is_given() {
        let qs = questions();
        let given = answers(&[
            ("name", Answer::Text("Ada".into())),
            ("job", Answer::Text("a hidden answer".into())),
            ("extra", Answer::Skipped),
        ]);
        let form = Form::new(&qs, &given);
        assert_eq!(
            form.review_lines().english(),
            "\n1. The name: Ada\n2. The worked: (not answered yet)\n3. The extra: (skipped)"
        );
        let given: Vec<String> = form.given().into_iter().map(|(id, _)| id).collect();
        assert_eq!(given, ["name", "extra"]);
    }

    #[test]
    fn a_confirmation_reads_yes_or_no_typed_or_picked_and_nothing_else() {
        let picked = |v: &str| Content::Picked {
            prompt_ref: None,
            values: vec![v.into()],
        };
        assert_eq!(yes_or_no(&said("Yes"), now()), Some(true));
        assert_eq!(yes_or_no(&said("no"), now()), Some(false));
        assert_eq!(yes_or_no(&picked("yes"), now()), Some(true));
        assert_eq!(yes_or_no(&said("maybe"), now()), None);
    }

    #[test]
    fn a_pick_from_another_prompt_is_told_apart() {
        let pick = |r: Option<&str>| Content::Picked {
            prompt_ref: r.map(String::from),
            values: vec!["1".into()],
        };
        assert!(picked_elsewhere(
            &pick(Some("question:old")),
            "question:new"
        ));
        assert!(!picked_elsewhere(
            &pick(Some("question:new")),
            "question:new"
        ));
        assert!(!picked_elsewhere(&pick(None), "question:new"));
        assert!(!picked_elsewhere(&said("1"), "question:new"));
    }
}
