//! One error type with two faces.
//!
//! [`Error::User`] carries a message that is safe and useful to show to the person who caused
//! it ("That programme is closed"). [`Error::Internal`] is everything else: it is logged with
//! its full context and a short reference id, and the person only sees an apology with that
//! reference, so a coordinator can find the log line without the user seeing internals.

use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem the user can act on; the text is shown as is.
    #[error("{0}")]
    User(String),
    /// A problem on our side; logged, never shown.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn user(msg: impl Into<String>) -> Self {
        Error::User(msg.into())
    }

    /// The text to show the person: the message itself, or an apology with a reference that
    /// also appears in the log.
    pub fn user_facing(&self, reference: &Reference) -> crate::i18n::Text {
        match self {
            Error::User(m) => crate::i18n::Text::plain(m.as_str()),
            Error::Internal(_) => crate::i18n::Text::msg("notice-internal-error")
                .arg("reference", reference.0.as_str()),
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(e.into())
    }
}

/// A short id that ties a user-facing apology to a log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference(pub String);

impl Reference {
    /// A reference from the current time and a counter: unique enough to find a log line.
    pub fn new() -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Reference(format!("E{:X}{:03X}", t & 0xFFFFF, n & 0xFFF))
    }
}

impl Default for Reference {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
