//! `[rooms.<platform>]` in a programme file: the rooms a programme names for itself
//! (`domain::rooms`), checked for the form each platform writes room ids in.

use super::*;
use crate::domain::rooms::{NamedRoom, Serves};

/// `[rooms]`: one table per platform.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRooms {
    pub(super) matrix: Option<RawPlatformRooms>,
    pub(super) discord: Option<RawPlatformRooms>,
    pub(super) console: Option<RawPlatformRooms>,
}

/// A platform's rooms for the programme.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlatformRooms {
    /// Where its application cards, proposals and alerts go, and its coordinators work.
    coordinators: Option<Spanned<RoomId>>,
    /// Where its cases go, and its moderators work.
    moderators: Option<Spanned<RoomId>>,
    /// Where its events are announced.
    events: Option<Spanned<RoomId>>,
    /// Matrix: the Space its pair rooms join; Discord: the text channel whose private
    /// threads they are.
    pairs: Option<Spanned<RoomId>>,
    /// Discord: the category its pair rooms are private channels in.
    pairs_category: Option<Spanned<RoomId>>,
}

/// A room as written: Discord ids may be written as numbers or strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RoomId {
    Number(u64),
    Text(String),
}

impl RoomId {
    fn text(&self) -> String {
        match self {
            RoomId::Number(n) => n.to_string(),
            RoomId::Text(t) => t.trim().to_string(),
        }
    }
}

/// The rooms `raw` names, or errors (through `err`) for those written wrongly.
pub(super) fn build_rooms(raw: &RawRooms, err: &mut impl FnMut(usize, &str)) -> Vec<NamedRoom> {
    let mut named = Vec::new();
    for (platform, rooms) in [
        (Platform::Matrix, &raw.matrix),
        (Platform::Discord, &raw.discord),
        (Platform::Console, &raw.console),
    ] {
        let Some(rooms) = rooms else { continue };
        for (serves, room) in [
            (Serves::Coordinators, &rooms.coordinators),
            (Serves::Moderators, &rooms.moderators),
            (Serves::Events, &rooms.events),
            (Serves::Pairs, &rooms.pairs),
            (Serves::PairsCategory, &rooms.pairs_category),
        ] {
            let Some(room) = room else { continue };
            let written = room.get_ref().text();
            match problem(platform, serves, &written) {
                Some(problem) => err(room.span().start, &problem),
                None => named.push(NamedRoom {
                    platform,
                    serves,
                    written,
                }),
            }
        }
    }
    named
}

/// What is wrong with `written` as a room on `platform` serving `serves`, if anything.
fn problem(platform: Platform, serves: Serves, written: &str) -> Option<String> {
    match platform {
        Platform::Matrix if serves == Serves::PairsCategory => {
            Some("Matrix has no categories: name a Space as `pairs` to gather pair rooms".into())
        }
        Platform::Matrix => super::settings::matrix_room_problem(written),
        Platform::Discord => (written.is_empty()
            || written.len() > 20
            || !written.bytes().all(|b| b.is_ascii_digit()))
        .then(|| {
            format!(
                "`{written}` should be the channel's id, a number (Developer Mode, Copy Channel ID)"
            )
        }),
        Platform::Console if matches!(serves, Serves::Pairs | Serves::PairsCategory) => {
            Some("console pair rooms are not kept anywhere in particular: leave `pairs` out".into())
        }
        Platform::Console => (written.is_empty() || written.contains(char::is_whitespace))
            .then(|| format!("`{written}` should be a room name without spaces")),
    }
}
