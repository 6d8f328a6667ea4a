//! Identifiers of people, rooms and roles, independent of any chat platform.
//!
//! A person is known by the platform they write from plus that platform's own id for them
//! (`@alice:example.org` on Matrix, a snowflake on Discord, a plain name in the console).
//! Two platforms are never merged: the same human on Matrix and Discord is two users.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The chat platform a user or room lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Console,
    Matrix,
    Discord,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Console => "console",
            Platform::Matrix => "matrix",
            Platform::Discord => "discord",
        }
    }

    /// Its name as people write it (`Matrix`), for what they read.
    pub fn display(self) -> &'static str {
        match self {
            Platform::Console => "the console",
            Platform::Matrix => "Matrix",
            Platform::Discord => "Discord",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "console" => Ok(Platform::Console),
            "matrix" => Ok(Platform::Matrix),
            "discord" => Ok(Platform::Discord),
            other => Err(format!("unknown platform `{other}`")),
        }
    }
}

/// A person on a platform.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserRef {
    pub platform: Platform,
    pub id: String,
}

impl UserRef {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        UserRef {
            platform,
            id: id.into(),
        }
    }

    pub fn console(id: impl Into<String>) -> Self {
        UserRef::new(Platform::Console, id)
    }

    /// The stand-in for someone a coordinator entered an application for, who has no
    /// chat account yet (see `flows::assist`): `random` makes it unique. No platform's id
    /// has this form (a Matrix id starts with `@`, a Discord id is a number, and the
    /// console refuses it as a name), so no account can ever write as it; it is replaced by
    /// the person's own account when they take their application over.
    pub fn assisted(platform: Platform, random: &str) -> Self {
        UserRef::new(platform, format!("{ASSISTED}{random}"))
    }

    /// Whether this is the stand-in for someone with no chat account yet
    /// ([`UserRef::assisted`]): nothing can be sent to it.
    pub fn is_assisted(&self) -> bool {
        self.id.starts_with(ASSISTED)
    }
}

/// How the id of an assisted applicant's stand-in starts (see [`UserRef::assisted`]).
pub const ASSISTED: &str = "assisted-";

impl fmt::Display for UserRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.platform, self.id)
    }
}

/// A platform's id for something a person sent (a Matrix event, a Discord message or
/// interaction), recorded once handled so a redelivery changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventRef {
    pub platform: Platform,
    pub id: String,
}

impl EventRef {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        EventRef {
            platform,
            id: id.into(),
        }
    }
}

/// A room (Matrix room, Discord channel or thread, console room name).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoomRef {
    pub platform: Platform,
    pub id: String,
}

impl RoomRef {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        RoomRef {
            platform,
            id: id.into(),
        }
    }

    /// A room a person on `platform` named in a command (`room: …`), if it has the form of
    /// a room id there: a channel mention (`<#123>`, as Discord writes one) is read as its
    /// id, and the id must be a Discord channel's number or a Matrix room id (`!…`); any
    /// name is a console room. `Err` says how to give a room on that platform.
    ///
    /// A new platform adds its arm here, so that the flows never name a platform.
    pub fn from_written(platform: Platform, written: &str) -> Result<RoomRef, &'static str> {
        let w = written.trim();
        let id = w
            .strip_prefix("<#")
            .and_then(|r| r.strip_suffix('>'))
            .unwrap_or(w);
        let (valid, how) = match platform {
            Platform::Discord => (
                id.parse::<u64>().is_ok(),
                "mention the channel, like #events",
            ),
            Platform::Matrix => (
                id.starts_with('!'),
                "like !abc:example.org, from the room's settings",
            ),
            Platform::Console => (true, ""),
        };
        if valid {
            Ok(RoomRef::new(platform, id))
        } else {
            Err(how)
        }
    }
}

impl fmt::Display for RoomRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.platform, self.id)
    }
}

/// Where a message was written: in the person's direct conversation with the bot, or in a
/// shared room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    Dm,
    Room(RoomRef),
}

/// The two sides of a mentoring relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Mentor,
    Mentee,
}

impl RoleKind {
    pub const ALL: [RoleKind; 2] = [RoleKind::Mentor, RoleKind::Mentee];

    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Mentor => "mentor",
            RoleKind::Mentee => "mentee",
        }
    }
}

impl fmt::Display for RoleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RoleKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "mentor" | "mentors" => Ok(RoleKind::Mentor),
            "mentee" | "mentees" => Ok(RoleKind::Mentee),
            other => Err(format!(
                "unknown role `{other}` (expected mentor or mentee)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_room_is_read_in_its_platforms_form() {
        let room = |p: Platform, id: &str| Ok(RoomRef::new(p, id));
        let discord = |w: &str| RoomRef::from_written(Platform::Discord, w);
        assert_eq!(discord("<#123>"), room(Platform::Discord, "123"));
        assert_eq!(discord(" 123 "), room(Platform::Discord, "123"));
        assert_eq!(discord("#events"), Err("mention the channel, like #events"));
        assert_eq!(
            discord("<#events>"),
            Err("mention the channel, like #events")
        );
        let matrix = |w: &str| RoomRef::from_written(Platform::Matrix, w);
        assert_eq!(
            matrix("!abc:example.org"),
            room(Platform::Matrix, "!abc:example.org")
        );
        assert_eq!(matrix("<#!abc:x>"), room(Platform::Matrix, "!abc:x"));
        assert_eq!(
            matrix("#lobby:example.org"),
            Err("like !abc:example.org, from the room's settings")
        );
        assert_eq!(
            RoomRef::from_written(Platform::Console, " events "),
            room(Platform::Console, "events")
        );
    }
}
