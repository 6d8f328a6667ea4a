//! Prompts: conversations the bot starts with someone, queued until they are free.

use serde::{Deserialize, Serialize};

/// A conversation the bot starts with someone as soon as they are free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "prompt", rename_all = "snake_case")]
pub enum Prompt {
    /// A reviewer's question about their application.
    ReviewQuestion {
        question_id: i64,
        application_id: i64,
        programme: String,
        question: String,
    },
    /// An orientation or code of conduct to read and acknowledge.
    Acknowledge {
        application_id: i64,
        programme: String,
        step_id: String,
    },
    /// A match to accept or decline.
    MatchOffer { match_id: i64 },
    /// A moderator's question about the person's report (`restricted`: asked by the
    /// escalation contact, to whom the answer goes).
    CaseQuestion {
        case_id: i64,
        question: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        restricted: bool,
        /// The case's programme, whose moderators' room gets the answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        programme: Option<String>,
    },
    /// A milestone check-in: have you met since the last one?
    CheckIn {
        match_id: i64,
        seq: u32,
        text: String,
    },
    /// A survey to answer (or a reminder of one).
    Survey { invite_id: i64, reminder: bool },
    /// After a match ended: what would you like next?
    NextStep { match_id: i64 },
}
