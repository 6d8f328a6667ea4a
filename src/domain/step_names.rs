//! Finding a screening step by what a coordinator types: its id (`background_check`), its
//! label (`Background check`), or a distinctive word of its label (`training`), in any case.
//! A step's name may be several words, so the longest run of leading words that names a
//! step is taken, and the words after it are the update (`cleared until 30/06/2029`).

use super::screening::StepDef;

/// Why no single step was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepLookup {
    /// Nothing the words start with names a step.
    Unknown(String),
    /// The words name several steps (their labels).
    Ambiguous(String, Vec<String>),
}

/// The step `words` start with, and how many words its name took. At least one word is left
/// for the update.
pub fn find_step<'a>(
    steps: &'a [StepDef],
    words: &[&str],
) -> Result<(&'a StepDef, usize), StepLookup> {
    let longest = words.len().saturating_sub(1);
    let typed = |n: usize| normalise(&words[..n].join(" "));
    // An exact id or label wins over a word of a label, the longest first.
    for n in (1..=longest).rev() {
        let name = typed(n);
        if let Some(step) = steps
            .iter()
            .find(|s| normalise(&s.id) == name || normalise(&s.label) == name)
        {
            return Ok((step, n));
        }
    }
    for n in (1..=longest).rev() {
        let name = typed(n);
        let fits: Vec<&StepDef> = steps
            .iter()
            .filter(|s| contains_words(&normalise(&s.label), &name))
            .collect();
        match fits.as_slice() {
            [] => continue,
            [one] => return Ok((one, n)),
            several => {
                return Err(StepLookup::Ambiguous(
                    words[..n].join(" "),
                    several.iter().map(|s| s.label.clone()).collect(),
                ));
            }
        }
    }
    Err(StepLookup::Unknown(
        words.first().map(|w| w.to_string()).unwrap_or_default(),
    ))
}

/// Lower case, `_` and `-` read as spaces, single spaces.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `words` occur as whole consecutive words in `label`.
fn contains_words(label: &str, words: &str) -> bool {
    format!(" {label} ").contains(&format!(" {words} "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::StepKind;

    fn step(id: &str, label: &str) -> StepDef {
        StepDef {
            id: id.into(),
            label: label.into(),
            kind: StepKind::Task,
            warn_days: 30,
        }
    }

    fn steps() -> Vec<StepDef> {
        vec![
            step("interview", "Interview"),
            step("background_check", "Background check"),
            step("safeguarding", "Safeguarding training"),
            step("online_course", "Online course"),
            step("course_review", "Course review"),
        ]
    }

    fn found(typed: &str) -> Result<(String, usize), StepLookup> {
        let all = steps();
        let words: Vec<&str> = typed.split_whitespace().collect();
        find_step(&all, &words).map(|(s, n)| (s.id.clone(), n))
    }

    #[test]
    fn a_step_is_found_by_its_id_its_label_or_a_word_of_its_label() {
        assert_eq!(
            found("background_check cleared"),
            Ok(("background_check".into(), 1))
        );
        assert_eq!(
            found("Background check cleared until 30/06/2029"),
            Ok(("background_check".into(), 2))
        );
        assert_eq!(
            found("Safeguarding training done"),
            Ok(("safeguarding".into(), 2))
        );
        assert_eq!(found("TRAINING done"), Ok(("safeguarding".into(), 1)));
        assert_eq!(found("check failed"), Ok(("background_check".into(), 1)));
    }

    #[test]
    fn a_word_in_several_labels_names_the_candidates() {
        assert_eq!(
            found("course done"),
            Err(StepLookup::Ambiguous(
                "course".into(),
                vec!["Online course".into(), "Course review".into()]
            ))
        );
        assert_eq!(found("online course done"), Ok(("online_course".into(), 2)));
    }

    #[test]
    fn the_last_word_is_always_left_for_the_update() {
        assert_eq!(
            found("interview"),
            Err(StepLookup::Unknown("interview".into()))
        );
        assert_eq!(
            found("orientation done"),
            Err(StepLookup::Unknown("orientation".into()))
        );
    }
}
