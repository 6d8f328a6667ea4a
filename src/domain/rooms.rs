//! Which room serves what: the deployment's staff and events rooms on each platform, and
//! the rooms a programme names for itself (`[rooms.<platform>]` in its file).
//!
//! A community running several programmes gives each its own coordinators' room, events
//! room and place for pair rooms, so that one programme's staff never see another's
//! applicants. A programme's room serves it first; what a programme does not name, the
//! deployment's room (`[matrix]`, `[discord]`, `[console]` in the settings) serves. A
//! programme's coordinators' room is also a boundary: a command given there acts only on
//! the programmes that name it (see [`Rooms::scope`]).
//!
//! A new kind of room is a [`Serves`] variant, its key in the programme file's rooms
//! section (`config/programme.rs`), and its use where the app asks for it.

use std::fmt;

use super::{Platform, RoomRef};

/// What a room is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Serves {
    /// Application cards, proposals, alerts; coordinators' commands.
    Coordinators,
    /// Incident cases; moderators' commands.
    Moderators,
    /// Group events' announcements and RSVPs.
    Events,
    /// Where pair rooms are made: a Matrix Space they join, a Discord text channel whose
    /// private threads they are.
    Pairs,
    /// Discord: a category for pair rooms as private channels.
    PairsCategory,
}

impl Serves {
    /// The key naming it in a programme file's `[rooms.<platform>]`.
    pub fn key(self) -> &'static str {
        match self {
            Serves::Coordinators => "coordinators",
            Serves::Moderators => "moderators",
            Serves::Events => "events",
            Serves::Pairs => "pairs",
            Serves::PairsCategory => "pairs_category",
        }
    }
}

impl fmt::Display for Serves {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Serves::Coordinators => "coordinators' room",
            Serves::Moderators => "moderators' room",
            Serves::Events => "events room",
            Serves::Pairs => "pair rooms",
            Serves::PairsCategory => "pair rooms (category)",
        })
    }
}

/// A room a programme file names, as written (a Matrix alias is resolved to its room id
/// when the platform connects).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NamedRoom {
    pub platform: Platform,
    #[serde(with = "serves_key")]
    pub serves: Serves,
    pub written: String,
}

mod serves_key {
    use super::Serves;

    const ALL: [Serves; 5] = [
        Serves::Coordinators,
        Serves::Moderators,
        Serves::Events,
        Serves::Pairs,
        Serves::PairsCategory,
    ];

    pub fn serialize<S: serde::Serializer>(s: &Serves, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(s.key())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(from: D) -> Result<Serves, D::Error> {
        let key = <String as serde::Deserialize>::deserialize(from)?;
        ALL.into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| serde::de::Error::custom(format!("no kind of room `{key}`")))
    }
}

/// One room and what it serves, for one programme or (`programme: None`) for all.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    room: RoomRef,
    serves: Serves,
    programme: Option<String>,
}

/// Every room the deployment and its programmes name, resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rooms {
    entries: Vec<Entry>,
    /// The platforms this process serves, among which a room on another platform stands
    /// in for a missing one (empty: none does, as on the console).
    served: Vec<Platform>,
}

impl Rooms {
    /// No rooms at all.
    pub const fn none() -> Rooms {
        Rooms {
            entries: Vec::new(),
            served: Vec::new(),
        }
    }

    /// These rooms and `room` serving `serves` for `programme` (see [`Rooms::add`]).
    pub fn with(mut self, serves: Serves, programme: Option<&str>, room: RoomRef) -> Rooms {
        self.add(serves, programme, room);
        self
    }

    /// No rooms, in a process serving `served`.
    pub fn serving(served: &[Platform]) -> Rooms {
        Rooms {
            entries: Vec::new(),
            served: served.to_vec(),
        }
    }

    /// Adds `room` serving `serves` for `programme` (`None`: the deployment's).
    pub fn add(&mut self, serves: Serves, programme: Option<&str>, room: RoomRef) {
        let entry = Entry {
            room,
            serves,
            programme: programme.map(str::to_string),
        };
        if !self.entries.contains(&entry) {
            self.entries.push(entry);
        }
    }

    fn exactly(
        &self,
        serves: Serves,
        programme: Option<&str>,
        platform: Platform,
    ) -> Option<&RoomRef> {
        self.entries
            .iter()
            .find(|e| {
                e.serves == serves
                    && e.room.platform == platform
                    && e.programme.as_deref() == programme
            })
            .map(|e| &e.room)
    }

    /// The room serving `serves` for `programme` (`None`: no programme in particular) for
    /// people on `platform`: the programme's on that platform, else the programme's on
    /// another platform this process serves (its staff may all be on one), else the
    /// deployment's the same way. Only a process serving `platform` and another falls
    /// back: in a deployment of one process per platform, work about Discord people that
    /// the Matrix process happens to do (the sweep runs in one process) stays with
    /// Discord's rooms.
    pub fn serving_for(
        &self,
        serves: Serves,
        programme: Option<&str>,
        platform: Platform,
    ) -> Option<&RoomRef> {
        let elsewhere = |programme| {
            if !self.served.contains(&platform) {
                return None;
            }
            self.entries
                .iter()
                .find(|e| {
                    e.serves == serves
                        && e.programme.as_deref() == programme
                        && self.served.contains(&e.room.platform)
                })
                .map(|e| &e.room)
        };
        if let Some(p) = programme
            && self
                .entries
                .iter()
                .any(|e| e.serves == serves && e.programme.as_deref() == Some(p))
        {
            // A programme with a room of its own is never served by the deployment's,
            // whose members may not be its staff: where its room cannot be reached (a
            // process not serving its platform), nothing is posted.
            return self
                .exactly(serves, Some(p), platform)
                .or_else(|| elsewhere(Some(p)));
        }
        self.exactly(serves, None, platform)
            .or_else(|| elsewhere(None))
    }

    /// The coordinators' room for `programme` (see [`Rooms::serving_for`]).
    pub fn coordinators(&self, programme: Option<&str>, platform: Platform) -> Option<&RoomRef> {
        self.serving_for(Serves::Coordinators, programme, platform)
    }

    /// The moderators' room for `programme`'s cases (`None`: a case of no programme in
    /// particular) for people on `platform` (see [`Rooms::serving_for`]).
    pub fn moderators(&self, programme: Option<&str>, platform: Platform) -> Option<&RoomRef> {
        self.serving_for(Serves::Moderators, programme, platform)
    }

    /// Where `programme`'s events are announced on `platform` (never another platform's
    /// room: an event's RSVPs are answered where it is announced).
    pub fn events(&self, programme: Option<&str>, platform: Platform) -> Option<&RoomRef> {
        programme
            .and_then(|p| self.exactly(Serves::Events, Some(p), platform))
            .or_else(|| self.exactly(Serves::Events, None, platform))
    }

    /// Where `programme` puts its pair rooms on `platform`, when it names a place of its
    /// own: (the Space or text channel, the Discord category).
    pub fn pairs_home(
        &self,
        programme: &str,
        platform: Platform,
    ) -> Option<(Option<&RoomRef>, Option<&RoomRef>)> {
        let parent = self.exactly(Serves::Pairs, Some(programme), platform);
        let category = self.exactly(Serves::PairsCategory, Some(programme), platform);
        (parent.is_some() || category.is_some()).then_some((parent, category))
    }

    fn serves(&self, room: &RoomRef, serves: Serves) -> bool {
        self.entries
            .iter()
            .any(|e| e.serves == serves && &e.room == room)
    }

    /// Whether `room` is a coordinators' room (the deployment's or a programme's).
    pub fn is_coordinators(&self, room: &RoomRef) -> bool {
        self.serves(room, Serves::Coordinators)
    }

    /// Whether `room` is a moderators' room.
    pub fn is_moderators(&self, room: &RoomRef) -> bool {
        self.serves(room, Serves::Moderators)
    }

    /// Whether `room` is a staff room: coordinators' or moderators'.
    pub fn is_staff(&self, room: &RoomRef) -> bool {
        self.is_coordinators(room) || self.is_moderators(room)
    }

    /// Whether `room` is a staff room or an events room (never a pair room).
    pub fn is_configured(&self, room: &RoomRef) -> bool {
        self.is_staff(room) || self.serves(room, Serves::Events)
    }

    /// The programmes a coordinators' command given in `room` may act on: `None` for
    /// any (the deployment's room, or a room that is not a programme's coordinators'
    /// room), else those naming it as their coordinators' room (and no other). So a
    /// coordinator of two programmes working in one's room cannot, by a slip, show the
    /// other's applicants to people who are not its staff.
    pub fn scope(&self, room: &RoomRef) -> Option<Vec<&str>> {
        self.scope_of(Serves::Coordinators, room)
    }

    /// [`Rooms::scope`] for the moderators: the programmes whose cases and pairs a
    /// moderation command given in `room` may act on (`None`: any).
    pub fn moderation_scope(&self, room: &RoomRef) -> Option<Vec<&str>> {
        self.scope_of(Serves::Moderators, room)
    }

    /// The programmes whose records (applications, matches) may be shown in `room`:
    /// `None` for all, when the room serves the whole community as a coordinators' or a
    /// moderators' room, or is no staff room; else the programmes naming it as their
    /// coordinators' or moderators' room.
    pub fn view_scope(&self, room: &RoomRef) -> Option<Vec<&str>> {
        let community = (self.is_coordinators(room) && self.scope(room).is_none())
            || (self.is_moderators(room) && self.moderation_scope(room).is_none());
        if community {
            return None;
        }
        let mut scope: Vec<&str> = self.scope(room).unwrap_or_default();
        for programme in self.moderation_scope(room).unwrap_or_default() {
            if !scope.contains(&programme) {
                scope.push(programme);
            }
        }
        (!scope.is_empty()).then_some(scope)
    }

    fn scope_of(&self, serves: Serves, room: &RoomRef) -> Option<Vec<&str>> {
        let naming = || {
            self.entries
                .iter()
                .filter(move |e| e.serves == serves && &e.room == room)
        };
        if naming().any(|e| e.programme.is_none()) {
            return None;
        }
        let scope: Vec<&str> = naming().filter_map(|e| e.programme.as_deref()).collect();
        (!scope.is_empty()).then_some(scope)
    }

    /// The staff and events rooms on `platform`, the deployment's and every programme's,
    /// each once (for a platform to read back what it missed there).
    pub fn configured_on(&self, platform: Platform) -> Vec<&RoomRef> {
        let mut rooms: Vec<&RoomRef> = self
            .entries
            .iter()
            .filter(|e| e.room.platform == platform)
            .filter(|e| {
                matches!(
                    e.serves,
                    Serves::Coordinators | Serves::Moderators | Serves::Events
                )
            })
            .map(|e| &e.room)
            .collect();
        rooms.sort();
        rooms.dedup();
        rooms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(platform: Platform, id: &str) -> RoomRef {
        RoomRef::new(platform, id)
    }

    /// The deployment's and Youth's rooms, in a process serving both platforms.
    fn two_programmes() -> Rooms {
        serving_two_programmes(&[Platform::Matrix, Platform::Discord])
    }

    fn serving_two_programmes(served: &[Platform]) -> Rooms {
        let mut rooms = Rooms::serving(served);
        rooms.add(Serves::Coordinators, None, room(Platform::Matrix, "!all"));
        rooms.add(
            Serves::Coordinators,
            Some("youth"),
            room(Platform::Discord, "10"),
        );
        rooms.add(Serves::Events, None, room(Platform::Matrix, "!events"));
        rooms.add(
            Serves::Events,
            Some("youth"),
            room(Platform::Matrix, "!youth-events"),
        );
        rooms
    }

    #[test]
    fn a_programmes_own_room_serves_it_before_the_deployments_even_on_another_platform() {
        let rooms = two_programmes();
        assert_eq!(
            rooms.coordinators(Some("youth"), Platform::Matrix),
            Some(&room(Platform::Discord, "10"))
        );
        assert_eq!(
            rooms.coordinators(Some("founders"), Platform::Matrix),
            Some(&room(Platform::Matrix, "!all"))
        );
        assert_eq!(
            rooms.coordinators(None, Platform::Discord),
            Some(&room(Platform::Matrix, "!all"))
        );
    }

    #[test]
    fn a_process_serving_one_platform_keeps_to_its_rooms() {
        let rooms = serving_two_programmes(&[Platform::Matrix]);
        assert_eq!(
            rooms.coordinators(Some("youth"), Platform::Matrix),
            None,
            "never the deployment's room for a programme with its own"
        );
        assert_eq!(
            rooms.coordinators(Some("founders"), Platform::Matrix),
            Some(&room(Platform::Matrix, "!all"))
        );
        assert_eq!(rooms.coordinators(None, Platform::Discord), None);
    }

    #[test]
    fn events_are_announced_on_the_persons_platform_only() {
        let rooms = two_programmes();
        assert_eq!(
            rooms.events(Some("youth"), Platform::Matrix),
            Some(&room(Platform::Matrix, "!youth-events"))
        );
        assert_eq!(
            rooms.events(Some("founders"), Platform::Matrix),
            Some(&room(Platform::Matrix, "!events"))
        );
        assert_eq!(rooms.events(Some("youth"), Platform::Discord), None);
    }

    #[test]
    fn a_programmes_coordinators_room_scopes_commands_to_the_programmes_naming_it() {
        let mut rooms = two_programmes();
        rooms.add(
            Serves::Coordinators,
            Some("alumni"),
            room(Platform::Discord, "10"),
        );
        assert_eq!(
            rooms.scope(&room(Platform::Discord, "10")),
            Some(vec!["youth", "alumni"])
        );
        assert_eq!(rooms.scope(&room(Platform::Matrix, "!all")), None);
        assert!(rooms.is_coordinators(&room(Platform::Discord, "10")));
        assert!(!rooms.is_coordinators(&room(Platform::Matrix, "!events")));
        assert!(rooms.is_configured(&room(Platform::Matrix, "!youth-events")));
    }

    #[test]
    fn a_room_that_is_also_the_deployments_coordinators_room_is_not_a_boundary() {
        let mut rooms = two_programmes();
        rooms.add(
            Serves::Coordinators,
            Some("founders"),
            room(Platform::Matrix, "!all"),
        );
        assert_eq!(rooms.scope(&room(Platform::Matrix, "!all")), None);
    }

    #[test]
    fn what_a_room_may_show_is_every_programme_when_it_serves_the_community_in_either_role() {
        let mut rooms = two_programmes();
        // The community's coordinators' room, also Founders' moderators' room: all.
        rooms.add(
            Serves::Moderators,
            Some("founders"),
            room(Platform::Matrix, "!all"),
        );
        assert_eq!(rooms.view_scope(&room(Platform::Matrix, "!all")), None);
        // The community's moderators' room, also Youth's coordinators' room: all.
        rooms.add(Serves::Moderators, None, room(Platform::Matrix, "!mods"));
        rooms.add(
            Serves::Coordinators,
            Some("youth"),
            room(Platform::Matrix, "!mods"),
        );
        assert_eq!(rooms.view_scope(&room(Platform::Matrix, "!mods")), None);
        // Youth's coordinators' room, also Founders' moderators' room: those two.
        rooms.add(
            Serves::Moderators,
            Some("founders"),
            room(Platform::Discord, "10"),
        );
        assert_eq!(
            rooms.view_scope(&room(Platform::Discord, "10")),
            Some(vec!["youth", "founders"])
        );
        // No staff room at all: all (nothing is shown there anyway).
        assert_eq!(rooms.view_scope(&room(Platform::Matrix, "!events")), None);
    }
}
