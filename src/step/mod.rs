//! What a step decides: the vocabulary between the flows that decide and the storage and
//! outbox that carry it out.
//!
//! A step of a flow returns the change of the person's conversation ([`StateChange`]) and
//! the [`Effect`]s to carry out. Storage applies the effects that write in the step's
//! transaction (`storage::step`), queues [`Prompt`]s, and puts the [`Act`]s (what a
//! platform does: messages, rooms, files) in the outbox, which the app delivers. Nothing
//! here decides anything, and nothing here knows the flows: the state of a conversation is
//! whatever type the flows store ([`ConversationState`]), so storage needs neither.
//!
//! To add an effect: a variant of [`Effect`] (what the flow asks, in its own words); if it
//! writes, its arm in `storage::step` (the compiler lists the variants left out); if a
//! platform carries it out, an [`Act`] for it (see [`act`]). Prompts and acts wait in the
//! database as JSON: change their serde attributes only with their stored rows in mind.

pub mod act;
mod effect;
mod prompt;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use act::Act;
pub use effect::{Decision, Effect};
pub use prompt::Prompt;

/// What storage needs to know of a conversation's state, besides storing it as JSON.
pub trait ConversationState: Serialize + DeserializeOwned {
    /// Whether it ties its owner to a case as its reporter: then it is sealed at rest, so
    /// no row names a reporter beside their case number.
    fn links_case(&self) -> bool;
}

/// How a step changes the stored conversation (of state `S`).
// One per step, never stored in bulk: the size of a conversation is fine here.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum StateChange<S> {
    Unchanged,
    Set(S),
    Clear,
}
