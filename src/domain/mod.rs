//! The pure domain: the types and rules of a mentoring programme.
//!
//! Nothing here performs I/O, awaits, or knows which chat platform or database is in use.
//! Everything is plain data plus functions, so it can be tested exhaustively and reused by
//! every flow. To add a new concept (a match, a survey, a case), add a module here with its
//! types and the rules that need no outside world; storage and platforms come later.

pub mod accounts;
pub mod answer;
pub mod application;
pub mod events;
pub mod evidence;
pub mod export;
pub mod figures;
pub mod health;
pub mod ids;
pub mod incident;
pub mod language;
pub mod matches;
pub mod matching;
pub mod meetings;
pub mod numbers;
pub mod outcomes;
pub mod people;
pub mod profile;
pub mod programme;
pub mod refusal;
pub mod resources;
pub mod rooms;
pub mod safety;
pub mod schedule;
pub mod screening;
pub mod staff;
pub mod starters;
pub mod step_names;
pub mod support;
pub mod survey;
pub mod team;
pub mod text;
pub mod timezone;
pub mod translations;
pub mod when;

pub use answer::{Answer, AnswerError};
pub use application::{
    ApplicationNote, ApplicationRecord, ApplicationStatus, ApplicationSummary, DecisionRecord,
    NewApplication, ReviewQuestion,
};
pub use ids::{EventRef, Place, Platform, RoleKind, RoomRef, UserRef};
pub use programme::{Choice, Condition, Programme, Question, QuestionKind, Role, Texts};
