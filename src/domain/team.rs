//! A participant's question to the programme team (`ask the team`), stored so that a
//! coordinator can answer it later (`reply Q4 ...`) and so that it is the person's data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::UserRef;

/// A question as asked, before it has a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewQuestion {
    pub user: UserRef,
    /// The programme of the person's newest application, if any: its coordinators answer.
    pub programme: Option<String>,
    /// How the card names the person: `Amina (A1, mentee, Pathways)`.
    pub asked_as: String,
    pub text: String,
}

/// A stored question.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamQuestion {
    pub id: i64,
    pub user: UserRef,
    pub programme: Option<String>,
    pub asked_as: String,
    pub text: String,
    pub asked_at: DateTime<Utc>,
    /// The last answer's time and who gave it (`platform:id`), once answered.
    pub answered: Option<(DateTime<Utc>, String)>,
}
