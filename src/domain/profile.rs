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
use super::translations::questions_path;
use crate::i18n::Text;

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

/// An answer its owner may put on a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    /// The question's id (what a profile keeps).
    pub id: String,
    /// The question's label, in the reader's language where the programme translated it.
    pub label: Text,
    /// The answer as shown: options by their labels in the reader's language, the person's
    /// own words as they wrote them.
    pub answer: Text,
}

impl Offered {
    /// `Sector: Technology`.
    pub fn line(&self) -> Text {
        Text::msg("profile-line")
            .arg("label", self.label.clone())
            .arg("answer", self.answer.clone())
    }
}

/// The answers of `record` its owner may put on a profile, in form order. Skipped answers
/// and consents are never offered.
pub fn offerable(programme: &Programme, record: &ApplicationRecord) -> Vec<Offered> {
    let kind = record.summary.role;
    let Some(role) = programme.role(kind) else {
        return Vec::new();
    };
    let allowed = programme
        .matching
        .as_ref()
        .and_then(|m| m.profile_questions.as_ref());
    let home = format!("roles.{}", kind.as_str());
    let tr = &programme.translations;
    role.questions
        .iter()
        .filter(|q| !matches!(q.kind, QuestionKind::Consent { .. }))
        .filter(|q| allowed.is_none_or(|list| list.contains(&q.id)))
        .filter_map(|q| {
            let (_, answer) = record.answers.iter().find(|(id, _)| *id == q.id)?;
            if matches!(answer, Answer::Skipped | Answer::Consent { .. }) {
                return None;
            }
            Some(Offered {
                id: q.id.clone(),
                label: tr.said(&format!("{}.label", questions_path(&home, &q.id)), &q.label),
                answer: tr.said_answer(&home, q, answer, usize::MAX),
            })
        })
        .collect()
}

/// The profile as the other side reads it, one line each ("Sector: Technology"); the bio
/// last. Questions no longer offerable (the form or the answer changed) are left out.
pub fn shown(programme: &Programme, record: &ApplicationRecord, profile: &Profile) -> Vec<Text> {
    let mut lines: Vec<Text> = offerable(programme, record)
        .iter()
        .filter(|o| profile.questions.contains(&o.id))
        .map(Offered::line)
        .collect();
    if !profile.bio.is_empty() {
        lines.push(Text::msg("profile-in-their-words").arg("bio", profile.bio.as_str()));
    }
    lines
}

/// What a mentor asked by a mentee is shown of them: the profile's lines as they were when
/// they asked (said in the mentor's language), and the mentee's note in their own words.
/// Kept on the request as [`Introduction::stored`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Introduction {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<Text>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Where the note started in an introduction stored before it was kept as
/// [`Introduction`]: English lines, then this, then the note.
const LEGACY_NOTE: &str = "Their note to you: ";

impl Introduction {
    /// As kept on the request (JSON).
    pub fn stored(&self) -> String {
        serde_json::to_string(self).expect("an introduction encodes")
    }

    /// An introduction as kept, whether as [`Introduction::stored`] or as the English text
    /// kept before (its profile lines then stay in English).
    pub fn read(stored: &str) -> Introduction {
        if let Ok(intro) = serde_json::from_str::<Introduction>(stored) {
            return intro;
        }
        let (profile, note) = match stored.split_once(LEGACY_NOTE) {
            Some((profile, note)) => (profile.trim_end(), note),
            None => (stored, ""),
        };
        Introduction {
            profile: (!profile.is_empty())
                .then(|| Text::plain(profile))
                .into_iter()
                .collect(),
            note: note.to_string(),
        }
    }

    /// As its reader gets it: the profile's lines, then the note under its label.
    pub fn said(&self) -> Text {
        let mut lines = self.profile.clone();
        if !self.note.is_empty() {
            lines.push(Text::msg("request-their-note").arg("note", self.note.as_str()));
        }
        Text::lines(lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn an_introduction_is_said_in_its_readers_language_and_one_kept_in_english_still_reads() {
        let intro = Introduction {
            profile: vec![Text::msg("profile-in-their-words").arg("bio", "Me encantan los robots")],
            note: "Hola, ¿me ayudas?".into(),
        };
        let again = Introduction::read(&intro.stored());
        assert_eq!(again, intro);
        let es = Locale::from_tag("es").unwrap();
        assert_eq!(
            again.said().render(es),
            "En sus palabras: Me encantan los robots\nSu nota para ti: Hola, ¿me ayudas?"
        );
        // Kept before: English lines, then the note.
        let old = Introduction::read("Goals: CV\nTheir note to you: Hola, ¿me ayudas?");
        assert_eq!(old.note, "Hola, ¿me ayudas?");
        assert_eq!(
            old.said().render(es),
            "Goals: CV\nSu nota para ti: Hola, ¿me ayudas?"
        );
        assert_eq!(
            Introduction::read("Goals: CV").said().english(),
            "Goals: CV"
        );
        assert_eq!(Introduction::read("").said().english(), "");
    }
}
