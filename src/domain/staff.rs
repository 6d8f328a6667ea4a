//! Staff named by the platform rather than one by one: everyone holding a Discord role, or
//! everyone in a Matrix room at or above a power level.
//!
//! Communities already say who their staff are with the platform's own tools; a programme
//! may name such a group among its `coordinators` (`discord-role:<guild>/<role>`,
//! `matrix-room:<room>@<level>`). Whether someone is in the group is asked of the platform
//! each time they give a staff command (`ports::DirectMessenger::holds`), so taking the
//! role away or lowering the level takes the rights away at once; the audit log records
//! which group allowed a command.
//!
//! A new kind of group is a variant here with its written form in [`StaffGroup::parse`] and
//! `Display`, and its check in each platform's `holds`.

use std::fmt;

use super::Platform;

/// A group of people the platform defines.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum StaffGroup {
    /// Members of a Discord server holding a role (ids as Discord writes them).
    DiscordRole { guild: String, role: String },
    /// Members of a Matrix room (an id `!…:server` or an alias `#…:server`) whose power
    /// level there is at least `level`.
    MatrixRoom { room: String, level: i64 },
}

const DISCORD_ROLE: &str = "discord-role:";
const MATRIX_ROOM: &str = "matrix-room:";
const MAX_POWER_LEVEL: i64 = (1 << 53) - 1;

impl StaffGroup {
    /// The platform whose people the group holds.
    pub fn platform(&self) -> Platform {
        match self {
            StaffGroup::DiscordRole { .. } => Platform::Discord,
            StaffGroup::MatrixRoom { .. } => Platform::Matrix,
        }
    }

    /// Reads a group as written in a programme file: `None` when `text` is not written as
    /// a group at all (it is then a person, `platform:id`), else the group or why it does
    /// not read.
    pub fn parse(text: &str) -> Option<Result<StaffGroup, String>> {
        if let Some(rest) = text.strip_prefix(DISCORD_ROLE) {
            return Some(discord_role(text, rest));
        }
        text.strip_prefix(MATRIX_ROOM)
            .map(|rest| matrix_room(text, rest))
    }
}

fn discord_role(text: &str, rest: &str) -> Result<StaffGroup, String> {
    let snowflake =
        |s: &str| !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit());
    match rest.split_once('/') {
        Some((guild, role)) if snowflake(guild) && snowflake(role) => Ok(StaffGroup::DiscordRole {
            guild: guild.to_string(),
            role: role.to_string(),
        }),
        _ => Err(format!(
            "`{text}` should be discord-role:<server id>/<role id>, both numbers, like discord-role:234567890123456789/345678901234567890"
        )),
    }
}

fn matrix_room(text: &str, rest: &str) -> Result<StaffGroup, String> {
    let example = "like matrix-room:#staff:example.org@50";
    // Room ids and aliases never hold an `@`; the level comes after the last one.
    let Some((room, level)) = rest.rsplit_once('@') else {
        return Err(format!(
            "`{text}` should be matrix-room:<room>@<power level>, {example}"
        ));
    };
    // Since room version 12 a room id has no server part (`!<hash>`); an alias always has.
    let well_formed = !room.contains(char::is_whitespace)
        && match room.chars().next() {
            Some('!') => room.len() > 1,
            Some('#') => room
                .split_once(':')
                .is_some_and(|(local, server)| local.len() > 1 && !server.is_empty()),
            _ => false,
        };
    if !well_formed {
        return Err(format!(
            "`{text}`: the room should be an id (!abc:example.org) or an alias (#staff:example.org), {example}"
        ));
    }
    let level: i64 = level.parse().map_err(|_| {
        format!("`{text}`: the power level should be a whole number (50 for moderators, 100 for admins), {example}")
    })?;
    // Every member has at least 0: such a level would make the whole room staff. Matrix
    // levels are JSON integers, at most 2^53 - 1.
    if !(1..=MAX_POWER_LEVEL).contains(&level) {
        return Err(format!(
            "`{text}`: the power level should be at least 1 (0 or less would make every member of the room a coordinator) and at most {MAX_POWER_LEVEL}, {example}"
        ));
    }
    Ok(StaffGroup::MatrixRoom {
        room: room.to_string(),
        level,
    })
}

impl fmt::Display for StaffGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StaffGroup::DiscordRole { guild, role } => write!(f, "{DISCORD_ROLE}{guild}/{role}"),
            StaffGroup::MatrixRoom { room, level } => write!(f, "{MATRIX_ROOM}{room}@{level}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_read_as_written_and_show_as_they_were_written() {
        for text in [
            "discord-role:234567890123456789/345678901234567890",
            "matrix-room:#staff:example.org@50",
            "matrix-room:!abcdef:example.org@100",
            "matrix-room:!X2xsG2kAZU0S-g4CnQbccYcDotjG0N_9staYw89PVkI@50",
            "matrix-room:#staff:example.org:8448@1",
        ] {
            let group = StaffGroup::parse(text).unwrap().unwrap();
            assert_eq!(group.to_string(), text);
        }
        assert_eq!(
            StaffGroup::parse("matrix-room:#staff:example.org@50")
                .unwrap()
                .unwrap()
                .platform(),
            Platform::Matrix
        );
    }

    #[test]
    fn a_person_is_not_a_group_and_a_malformed_group_says_what_it_should_be() {
        assert!(StaffGroup::parse("discord:42").is_none());
        assert!(StaffGroup::parse("matrix:@carol:example.org").is_none());
        for (text, says) in [
            ("discord-role:42", "<server id>/<role id>"),
            ("discord-role:guild/role", "both numbers"),
            ("matrix-room:#staff:example.org", "<room>@<power level>"),
            (
                "matrix-room:staff@50",
                "an id (!abc:example.org) or an alias",
            ),
            (
                "matrix-room:#staff@50",
                "an id (!abc:example.org) or an alias",
            ),
            ("matrix-room:#staff:example.org@moderators", "whole number"),
            ("matrix-room:#staff:example.org@0", "at least 1"),
            ("matrix-room:#staff:example.org@-50", "at least 1"),
            ("matrix-room:#staff:example.org@9007199254740992", "at most"),
        ] {
            let err = StaffGroup::parse(text).unwrap().unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
