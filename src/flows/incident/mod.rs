//! Incidents, from the reporter's first word to the moderators' last action: a person's
//! private `report` (drafted step by step, evidence and all), the moderators' `cases`
//! (claim, note, ask, resolve; cards and alerts), and their moderation `actions` on a
//! person or a pair room (freeze, suspend, remove, confirmed before they act).
//!
//! A new thing a reporter can do belongs in `report`; a new thing done to a case, in
//! `cases`; a new thing done to a person or a room, in `actions` (and its permission in
//! the registry, `flows::route`).

pub mod actions;
pub mod cases;
pub mod report;
