//! A participant's public profile: the answers they chose to show (and a short bio) to the
//! other side of a programme that lets mentees choose their mentor.
//!
//! A profile holds question ids, not copies of answers: it always shows the answers as they
//! are now, and nothing the person did not pick. Which questions may be picked is the
//! programme's (`[matching] profile_questions`; by default every answered question but
//! consents). A mentor is listed to mentees only with a profile; a mentee's profile goes
//! with their request to the mentor they ask.

use serde::{Deserialize, Serialize};

use super::ApplicationRecord;
use super::answer::Answer;
use super::programme::{Programme, QuestionKind};

/// Longest bio, in characters.
pub const MAX_BIO_CHARS: usize = 500;

/// What a participant chose to show.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    /// Question ids, in the order the form asks them.
    pub questions: Vec<String>,
    pub bio: String,
}

impl Profile {
    /// Whether it shows anything at all.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.bio.is_empty()
    }
}

/// The answers of `record` its owner may put on a profile, in form order: `(question id,
/// label, the answer as shown)`. Skipped answers and consents are never offered.
pub fn offerable(
    programme: &Programme,
    record: &ApplicationRecord,
) -> Vec<(String, String, String)> {
    let Some(role) = programme.role(record.summary.role) else {
        return Vec::new();
    };
    let allowed = programme
        .matching
        .as_ref()
        .and_then(|m| m.profile_questions.as_ref());
    role.questions
        .iter()
        .filter(|q| !matches!(q.kind, QuestionKind::Consent { .. }))
        .filter(|q| allowed.is_none_or(|list| list.contains(&q.id)))
        .filter_map(|q| {
            let (_, answer) = record.answers.iter().find(|(id, _)| *id == q.id)?;
            if matches!(answer, Answer::Skipped | Answer::Consent { .. }) {
                return None;
            }
            Some((q.id.clone(), q.label.clone(), answer.display(q)))
        })
        .collect()
}

/// The profile as the other side reads it, one line each ("Sector: Technology"); the bio
/// last. Questions no longer offerable (the form or the answer changed) are left out.
pub fn shown(programme: &Programme, record: &ApplicationRecord, profile: &Profile) -> Vec<String> {
    let offer = offerable(programme, record);
    let mut lines: Vec<String> = offer
        .iter()
        .filter(|(id, _, _)| profile.questions.contains(id))
        .map(|(_, label, answer)| format!("{label}: {answer}"))
        .collect();
    if !profile.bio.is_empty() {
        lines.push(format!("In their words: {}", profile.bio));
    }
    lines
}
