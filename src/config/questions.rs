//! A programme's questions: kinds, choices and branching conditions, checked and built.
//!
//! To add a question kind: its name in `QUESTION_KINDS` and an arm in `build_kind`.

use super::*;

/// Which question kinds a matching rule can read.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Reads {
    /// Choices, yes/no or languages: a set of values.
    Values,
    /// A short text (an employer's name).
    ShortText,
    Number,
    TimeZone,
    Languages,
}

pub(super) fn question_fits(q: &Question, reads: Reads) -> bool {
    match reads {
        Reads::Values => {
            q.kind.closed_values().is_some() || matches!(q.kind, QuestionKind::Languages { .. })
        }
        Reads::Number => matches!(q.kind, QuestionKind::Number { .. }),
        Reads::ShortText => {
            matches!(q.kind, QuestionKind::ShortText { .. }) || q.kind.closed_values().is_some()
        }
        Reads::TimeZone => matches!(q.kind, QuestionKind::TimeZone),
        Reads::Languages => matches!(q.kind, QuestionKind::Languages { .. }),
    }
}

/// Checks that `question` names a question of `role` that `reads` can use.
pub(super) fn check_question(
    roles: &BTreeMap<RoleKind, Role>,
    role: RoleKind,
    question: &Spanned<String>,
    reads: Reads,
    err: &mut impl FnMut(usize, &str),
) -> Option<String> {
    let id = question.get_ref().trim();
    let Some(q) = roles.get(&role).and_then(|r| r.question(id)) else {
        err(
            question.span().start,
            &format!("the {role} form has no question `{id}`"),
        );
        return None;
    };
    if !question_fits(q, reads) {
        let wanted = match reads {
            Reads::Values => "a choice, yes/no or languages question",
            Reads::Number => "a number question",
            Reads::ShortText => "a short_text or choice question",
            Reads::TimeZone => "a time_zone question",
            Reads::Languages => "a languages question",
        };
        err(
            question.span().start,
            &format!(
                "`{id}` is a {} question; this needs {wanted}",
                q.kind.name()
            ),
        );
        return None;
    }
    Some(id.to_string())
}

pub(super) fn build_questions(
    questions: &Spanned<Vec<RawQuestion>>,
    err: &mut impl FnMut(usize, &str),
) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    if questions.get_ref().is_empty() {
        err(questions.span().start, "a form needs at least one question");
    }
    for raw in questions.get_ref() {
        let id = raw.id.get_ref().trim().to_string();
        if !is_id(&id, &['_', '-']) {
            err(
                raw.id.span().start,
                "a question id is lower-case letters, digits, _ and -, like hours_per_month",
            );
        }
        if !ids.insert(id.clone()) {
            err(
                raw.id.span().start,
                &format!("duplicate question id `{id}`: each question in a form needs its own id"),
            );
            continue;
        }
        let Some(kind) = build_kind(raw, err) else {
            continue;
        };
        let optional = raw.optional.as_ref().is_some_and(|o| *o.get_ref());
        if optional && matches!(kind, QuestionKind::Consent { .. }) {
            err(
                raw.optional.as_ref().map(|o| o.span().start).unwrap_or(0),
                "a consent question cannot be optional",
            );
        }
        let show_if = raw
            .show_if
            .as_ref()
            .and_then(|c| build_condition(c, &out, questions.get_ref(), err));
        out.push(Question {
            label: raw.label.clone().unwrap_or_else(|| label_from_id(&id)),
            id,
            prompt: raw.prompt.clone(),
            help: raw.help.clone(),
            kind,
            optional,
            show_if,
        });
    }
    out
}

pub(super) fn label_from_id(id: &str) -> String {
    let words = id.replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn build_kind(
    raw: &RawQuestion,
    err: &mut impl FnMut(usize, &str),
) -> Option<QuestionKind> {
    let kind_name = raw.kind.get_ref().as_str();
    if !QUESTION_KINDS.contains(&kind_name) {
        err(
            raw.kind.span().start,
            &format!(
                "unknown question kind `{kind_name}`; expected one of {}",
                QUESTION_KINDS.join(", ")
            ),
        );
        return None;
    }
    // Fields that only some kinds take: report any given to the wrong kind.
    let allowed: &[&str] = match kind_name {
        "short_text" => &["max_length"],
        "long_text" => &["min_length", "max_length"],
        "single_choice" => &["choices"],
        "multi_choice" => &["choices", "min", "max"],
        "number" => &["min", "max", "decimals"],
        "languages" => &["min", "max"],
        "consent" => &["statement"],
        "scale" => &["labels"],
        _ => &[],
    };
    let given: [(&str, Option<usize>); 8] = [
        ("labels", raw.labels.as_ref().map(|s| s.span().start)),
        ("choices", raw.choices.as_ref().map(|s| s.span().start)),
        ("min", raw.min.as_ref().map(|s| s.span().start)),
        ("max", raw.max.as_ref().map(|s| s.span().start)),
        (
            "min_length",
            raw.min_length.as_ref().map(|s| s.span().start),
        ),
        (
            "max_length",
            raw.max_length.as_ref().map(|s| s.span().start),
        ),
        ("decimals", raw.decimals.as_ref().map(|s| s.span().start)),
        ("statement", raw.statement.as_ref().map(|s| s.span().start)),
    ];
    let mut ok = true;
    for (field, at) in given {
        if let Some(at) = at
            && !allowed.contains(&field)
        {
            err(
                at,
                &format!("`{field}` does not apply to a {kind_name} question"),
            );
            ok = false;
        }
    }
    let whole = |v: &Option<Spanned<f64>>,
                 name: &str,
                 err: &mut dyn FnMut(usize, &str)|
     -> Option<Option<usize>> {
        match v {
            None => Some(None),
            Some(s) if *s.get_ref() >= 0.0 && s.get_ref().fract() == 0.0 => {
                Some(Some(*s.get_ref() as usize))
            }
            Some(s) => {
                err(
                    s.span().start,
                    &format!("`{name}` must be a whole number of at least 0"),
                );
                None
            }
        }
    };
    let kind = match kind_name {
        "short_text" => QuestionKind::ShortText {
            max_length: raw.max_length.as_ref().map(|m| *m.get_ref()).unwrap_or(200),
        },
        "long_text" => {
            let min_length = raw.min_length.as_ref().map(|m| *m.get_ref()).unwrap_or(1);
            let max_length = raw
                .max_length
                .as_ref()
                .map(|m| *m.get_ref())
                .unwrap_or(2000);
            if min_length > max_length {
                err(
                    raw.min_length
                        .as_ref()
                        .map(|m| m.span().start)
                        .unwrap_or(raw.kind.span().start),
                    "`min_length` is larger than `max_length`",
                );
                ok = false;
            }
            QuestionKind::LongText {
                min_length,
                max_length,
            }
        }
        "single_choice" | "multi_choice" => {
            let Some(list) = &raw.choices else {
                err(
                    raw.kind.span().start,
                    &format!("a {kind_name} question needs `choices`"),
                );
                return None;
            };
            let choices = build_choices(list, err)?;
            if kind_name == "single_choice" {
                QuestionKind::SingleChoice { choices }
            } else {
                let min = whole(&raw.min, "min", err)?.unwrap_or(1);
                let max = whole(&raw.max, "max", err)?.unwrap_or(choices.len());
                if max == 0 || min > max || max > choices.len() {
                    err(
                        raw.max
                            .as_ref()
                            .or(raw.min.as_ref())
                            .map(|m| m.span().start)
                            .unwrap_or(list.span().start),
                        &format!(
                            "picks must satisfy min ≤ max ≤ number of choices ({}), and max ≥ 1",
                            choices.len()
                        ),
                    );
                    ok = false;
                }
                QuestionKind::MultiChoice { choices, min, max }
            }
        }
        "number" => {
            let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
                err(
                    raw.kind.span().start,
                    "a number question needs both `min` and `max`",
                );
                return None;
            };
            if min.get_ref() >= max.get_ref() {
                err(max.span().start, "`max` must be larger than `min`");
                ok = false;
            }
            QuestionKind::Number {
                min: *min.get_ref(),
                max: *max.get_ref(),
                decimals: raw.decimals.as_ref().is_some_and(|d| *d.get_ref()),
            }
        }
        "yes_no" => QuestionKind::YesNo,
        "time_zone" => QuestionKind::TimeZone,
        "languages" => {
            let min = whole(&raw.min, "min", err)?.unwrap_or(1);
            let max = whole(&raw.max, "max", err)?.unwrap_or(5);
            if max == 0 || min > max {
                err(
                    raw.max
                        .as_ref()
                        .or(raw.min.as_ref())
                        .map(|m| m.span().start)
                        .unwrap_or(raw.kind.span().start),
                    "picks must satisfy min ≤ max, and max ≥ 1",
                );
                ok = false;
            }
            QuestionKind::Languages { min, max }
        }
        "consent" => match &raw.statement {
            Some(s) if !s.get_ref().trim().is_empty() => QuestionKind::Consent {
                statement: s.get_ref().clone(),
            },
            _ => {
                err(
                    raw.kind.span().start,
                    "a consent question needs a `statement`: what the person agrees to",
                );
                return None;
            }
        },
        "scale" => {
            let labels: Vec<String> = match &raw.labels {
                None => ["Very poor", "Poor", "OK", "Good", "Very good"]
                    .map(String::from)
                    .to_vec(),
                Some(l) => {
                    let labels: Vec<String> =
                        l.get_ref().iter().map(|x| x.trim().to_string()).collect();
                    if !(2..=10).contains(&labels.len()) || labels.iter().any(String::is_empty) {
                        err(
                            l.span().start,
                            "a scale has 2 to 10 points, each with a label, like [\"Very poor\", \"Poor\", \"OK\", \"Good\", \"Very good\"]",
                        );
                        ok = false;
                    }
                    labels
                }
            };
            QuestionKind::Scale { labels }
        }
        "nps" => QuestionKind::Nps,
        _ => unreachable!("kind checked against QUESTION_KINDS"),
    };
    ok.then_some(kind)
}

pub(super) fn build_choices(
    list: &Spanned<Vec<String>>,
    err: &mut impl FnMut(usize, &str),
) -> Option<Vec<Choice>> {
    if list.get_ref().is_empty() {
        err(list.span().start, "the choice list is empty");
        return None;
    }
    let mut choices: Vec<Choice> = Vec::new();
    for label in list.get_ref() {
        let choice = Choice::from_label(label.trim());
        if choice.value.is_empty() {
            err(
                list.span().start,
                &format!("choice “{label}” needs at least one letter or digit"),
            );
            return None;
        }
        if choices.iter().any(|c| c.value == choice.value) {
            err(
                list.span().start,
                &format!("choice “{label}” appears twice"),
            );
            return None;
        }
        choices.push(choice);
    }
    Some(choices)
}

pub(super) fn build_condition(
    cond: &Spanned<RawCondition>,
    earlier: &[Question],
    form: &[RawQuestion],
    err: &mut impl FnMut(usize, &str),
) -> Option<Condition> {
    let c = cond.get_ref();
    let target_id = c.question.get_ref().trim();
    let at = c.question.span().start;
    let Some(target) = earlier.iter().find(|q| q.id == target_id) else {
        let later = form.iter().any(|q| q.id.get_ref().trim() == target_id);
        if later {
            err(
                at,
                &format!(
                    "show_if refers to `{target_id}`, which comes later in the form; a branch can only depend on an earlier question"
                ),
            );
        } else {
            err(
                at,
                &format!("show_if refers to question `{target_id}`, which is not in this form"),
            );
        }
        return None;
    };
    let wanted: Vec<(String, usize)> = match (&c.equals, &c.any_of) {
        (Some(e), None) => vec![(e.get_ref().clone(), e.span().start)],
        (None, Some(list)) if !list.get_ref().is_empty() => values_at(list),
        _ => {
            err(
                cond.span().start,
                "show_if needs exactly one of `equals = \"value\"` or `any_of = [\"a\", \"b\"]`",
            );
            return None;
        }
    };
    let mut values = Vec::new();
    for (w, at) in wanted {
        let value = match &target.kind {
            QuestionKind::SingleChoice { choices } | QuestionKind::MultiChoice { choices, .. } => {
                choices
                    .iter()
                    .find(|ch| {
                        ch.value == w
                            || ch.label.eq_ignore_ascii_case(&w)
                            || ch.value == slugify(&w)
                    })
                    .map(|ch| ch.value.clone())
            }
            QuestionKind::YesNo => match w.to_lowercase().as_str() {
                "yes" | "true" => Some("yes".to_string()),
                "no" | "false" => Some("no".to_string()),
                _ => None,
            },
            QuestionKind::Consent { .. } => {
                err(
                    at,
                    "a branch cannot depend on a consent question: it is always agreed",
                );
                return None;
            }
            _ => Some(w.clone()),
        };
        match value {
            Some(v) => values.push(v),
            None => {
                let options = target.kind.closed_values().unwrap_or_default().join(", ");
                err(
                    at,
                    &format!(
                        "`{w}` is not a possible answer to `{target_id}` (possible: {options})"
                    ),
                );
                return None;
            }
        }
    }
    Some(Condition {
        question: target_id.to_string(),
        any_of: values,
    })
}

// ---------------------------------------------------------------------------------------
// Helpers: reading, parsing, and turning byte offsets into line and key.
