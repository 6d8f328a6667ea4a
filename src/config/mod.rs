//! Settings (`tandem.toml`) and programme definitions (`config/programs/*.toml`).
//!
//! Both are TOML read with serde, unknown keys rejected (with the closest known key
//! suggested) but never hiding the other problems of the file (see `reading`). Programme
//! files are first read
//! into `Raw*` structs that keep source positions, then checked as a whole (unique question
//! ids, branches that point at an earlier question and a value it can take, non-empty choice
//! lists, fields that fit the question kind) and only then turned into
//! [`crate::domain::Programme`]. Every problem is reported as a [`ConfigError`] naming the
//! file, the line and the key, and all problems of a file are reported at once.
//!
//! Secrets (passwords, tokens) are never read from these files: only from the environment
//! (see `Settings::secret`). To add a question kind, add its name to [`QUESTION_KINDS`] and an
//! arm to `build_kind`, then follow `domain::programme`.
//!
//! Where things are: the deployment's settings in `settings`; a programme file's raw form
//! and its whole-file check in `programme`, which builds each part with `questions`,
//! `screening`, `matching` and `schedule` (surveys and milestones). This module keeps what
//! they share: the errors with their file, line and key; reading TOML so that every
//! problem is found is `reading`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::matching::{
    CriterionDef, CriterionKind, MatchMode, MatchObjective, MatchedBy, MatchingConfig,
};
use crate::domain::programme::{
    CertificateDesign, Choice, Condition, Question, QuestionKind, Role, Texts, slugify,
};
use crate::domain::schedule::SchedulePlan;
use crate::domain::screening::{
    Cond, DEFAULT_WARN_DAYS, OnLapse, Rule, RuleOutcome, Screening, StepDef, StepKind,
};
use crate::domain::timezone::parse_time_zone;
use crate::domain::when::DateOrder;
use crate::domain::{Platform, Programme, RoleKind, UserRef};

mod appservice;
mod matching;
mod outcomes;
mod programme;
mod questions;
mod reading;
mod resources;
mod rooms;
mod safety;
mod schedule;
mod screening;
mod settings;
mod support;
mod translations;

pub use appservice::{AppserviceSettings, AppserviceTokens, registration};
pub use programme::{QUESTION_KINDS, load_programme, load_programmes, parse_programme};
pub use settings::*;
use {
    matching::*, programme::*, questions::*, reading::parse_toml, schedule::*, screening::*,
    support::*,
};

/// A problem in a configuration file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Dotted path of the offending key (`roles.mentee.questions[2].choices`).
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file.display(), self.line, self.column)?;
        if !self.key.is_empty() {
            write!(f, "key `{}`: ", self.key)?;
        }
        f.write_str(&self.message)
    }
}

/// Several configuration problems, shown one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

// ---------------------------------------------------------------------------------------
// Settings

/// The URL of a SQLite database file, created if missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

// ---------------------------------------------------------------------------------------
// Programmes

/// Parses `platform:id` (`console:carol`, `matrix:@carol:example.org`, `discord:1234`).
pub fn parse_user_ref(text: &str) -> Result<UserRef, String> {
    let (platform, id) = text.split_once(':').ok_or_else(|| {
        format!("`{text}` should be platform:id, like console:carol or matrix:@carol:example.org")
    })?;
    let platform: Platform = platform.parse()?;
    if id.trim().is_empty() || id.contains(char::is_whitespace) {
        return Err(format!("`{text}` has an empty or spaced user id"));
    }
    Ok(UserRef::new(platform, id))
}

fn read(path: &Path) -> Result<String, ConfigErrors> {
    std::fs::read_to_string(path).map_err(|e| {
        ConfigErrors(vec![ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            key: String::new(),
            message: format!("cannot read the file: {e}"),
        }])
    })
}

fn located(path: &Path, source: &str, offset: usize, message: &str) -> ConfigError {
    let (line, column) = line_col(source, offset);
    ConfigError {
        file: path.to_path_buf(),
        line,
        column,
        key: key_at(source, offset),
        message: message.to_string(),
    }
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// Whether `id` is made of lower-case ASCII letters, digits and the `marks` a kind of id
/// allows (`-` in a slug, `_` in a step id), and is not empty.
fn is_id(id: &str, marks: &[char]) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || marks.contains(&c))
}

/// Each value of a list with the list's offset, where a problem with one of them is shown.
fn values_at(list: &Spanned<Vec<String>>) -> Vec<(String, usize)> {
    list.get_ref()
        .iter()
        .map(|v| (v.clone(), list.span().start))
        .collect()
}

/// Offset of the first `key =` at the start of a line (for errors found after parsing).
fn find_key(source: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}

/// The dotted key at `offset`: the enclosing `[table]` / `[[array]]` header (with the
/// array index) and the key on the line.
fn key_at(source: &str, offset: usize) -> String {
    let offset = offset.min(source.len());
    let line_start = source[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = source[offset..]
        .find('\n')
        .map(|i| offset + i)
        .unwrap_or(source.len());
    let line = &source[line_start..line_end];
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.starts_with('[') && !k.is_empty());
    let mut header: Option<String> = None;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in source[..line_start].lines().chain(std::iter::once(line)) {
        let t = l.trim();
        if let Some(name) = t
            .strip_prefix("[[")
            .and_then(|r| r.split_once("]]"))
            .map(|(n, _)| n.trim().to_string())
        {
            let n = counts.entry(name.clone()).or_insert(0);
            *n += 1;
            header = Some(format!("{name}[{}]", *n - 1));
        } else if let Some(name) = t
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .map(|(n, _)| n.trim().to_string())
        {
            header = Some(name);
        }
    }
    match (header, key) {
        (Some(h), Some(k)) => format!("{h}.{k}"),
        (Some(h), None) => h,
        (None, Some(k)) => k,
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_at_names_the_array_entry_and_key() {
        let src = "slug = \"x\"\n[roles.mentee]\nname = \"M\"\n[[roles.mentee.questions]]\nid = \"a\"\n[[roles.mentee.questions]]\nid = \"b\"\nchoices = []\n";
        let at = src.find("choices").unwrap();
        assert_eq!(key_at(src, at), "roles.mentee.questions[1].choices");
        assert_eq!(line_col(src, at), (8, 1));
        assert_eq!(key_at(src, 0), "slug");
    }

    #[test]
    fn an_event_reminder_too_large_for_a_duration_is_refused_not_a_panic() {
        for r in [
            "-2562047788016h",
            "9223372036854775807m",
            "106751991167301d",
        ] {
            let settings = EventsSettings {
                reminders: vec![r.into()],
            };
            let message = settings.reminders().unwrap_err();
            assert!(
                message.contains("between 5 minutes and 30 days"),
                "{r}: {message}"
            );
        }
        let settings = EventsSettings {
            reminders: vec!["30d".into(), "5m".into()],
        };
        assert_eq!(
            settings.reminders(),
            Ok(vec![
                chrono::Duration::days(30),
                chrono::Duration::minutes(5)
            ])
        );
    }

    #[test]
    fn labels_default_to_the_id_in_words() {
        assert_eq!(label_from_id("hours_per_month"), "Hours per month");
    }
}
