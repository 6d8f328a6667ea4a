//! Who works a case: the moderators in their room, or, for a case that may concern one
//! of them (restricted), the escalation contact alone, by DM; and how a message about a
//! case reaches whoever works it.

use super::*;

/// Who works a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeper {
    /// The moderators, in their room.
    Moderators,
    /// The escalation contact alone, by DM: the case may concern a moderator.
    Contact,
}

/// Who works a case with these texts, restricted or not when reported. A restricted case
/// never reaches the moderators, even when it seems to name the escalation contact too
/// (a first name is easily met by chance; the contact is the one who can hand it on, with
/// `case escalate`). Without a contact (a deployment with no moderators; the settings
/// refuse moderators without one) nothing is restricted.
pub fn keeper_for(ctx: &Ctx<'_>, restricted: bool, texts: &[&str]) -> Keeper {
    let moderation = ctx.moderation;
    if moderation.escalation_contact.is_none() {
        return Keeper::Moderators;
    }
    if restricted || !moderation.moderators_named(texts).is_empty() {
        Keeper::Contact
    } else {
        Keeper::Moderators
    }
}

/// What a case says, where a name could be.
pub(super) fn texts(case: &CaseRecord) -> Vec<&str> {
    [
        case.concerns.as_deref(),
        Some(case.text.as_str()),
        case.evidence.as_deref(),
        case.copy.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Who works `case` (see [`keeper_for`]); a case linked to a moderator (`case concerns`)
/// is restricted too.
pub fn keeper(ctx: &Ctx<'_>, case: &CaseRecord) -> Keeper {
    let linked_moderator = case
        .subjects
        .iter()
        .any(|s| ctx.moderation.is_moderator(&s.user));
    keeper_for(ctx, case.restricted || linked_moderator, &texts(case))
}

/// Whether the case is about `person`, by its words or a link (a moderator so named may
/// not see or act on it).
pub(super) fn names(ctx: &Ctx<'_>, case: &CaseRecord, person: &crate::domain::UserRef) -> bool {
    case.subjects.iter().any(|s| s.user == *person) || ctx.moderation.names(person, &texts(case))
}

/// A message about a case, to whoever works it: the moderators' room, or the escalation
/// contact by DM.
pub fn to_keeper(
    ctx: &Ctx<'_>,
    keeper: Keeper,
    programme: Option<&str>,
    message: OutMessage,
) -> Option<Effect> {
    match (keeper, &ctx.moderation.escalation_contact) {
        (Keeper::Contact, Some(contact)) => Some(Effect::SendDm {
            to: contact.clone(),
            message: OutMessage {
                thread: None,
                ..message
            },
        }),
        _ => ctx
            .moderators_room(programme)
            .map(|room| Effect::PostInRoom {
                room: room.clone(),
                message,
            }),
    }
}

/// [`to_keeper`] for a report not yet stored: `restricted` as the report decided.
pub(in crate::flows) fn to_case_desk(
    ctx: &Ctx<'_>,
    restricted: bool,
    programme: Option<&str>,
    message: OutMessage,
) -> Option<Effect> {
    to_keeper(ctx, keeper_for(ctx, restricted, &[]), programme, message)
}
