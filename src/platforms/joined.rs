//! Several platforms behind one set of ports, for a process that serves Matrix and Discord
//! at once (`tandem run` with both sections).
//!
//! The app sends through one [`Ports`]; [`joined`] gives it ports that hand each call to
//! the platform its person or room belongs to (every [`UserRef`] and [`RoomRef`] names
//! its platform). A call for a platform this process does not serve, or a private room
//! whose members are on different platforms, fails at once ([`PortError::Impossible`],
//! never retried) with a clear error instead of reaching the wrong platform: matching
//! never proposes such a pair (see `matching::plan`), so it would be a bug, and the outbox
//! surfaces it as any failed act.
//!
//! A new platform needs nothing here: it is one more entry in the list given to [`joined`].

use std::sync::Arc;

use async_trait::async_trait;

use crate::app::Ports;
use crate::chat::{InboundFile, OutMessage};
use crate::domain::events::EventRecord;
use crate::domain::staff::StaffGroup;
use crate::domain::{Platform, RoomRef, UserRef};
use crate::ports::{
    DirectMessenger, HistoryLine, IdempotencyKey, PortError, Posted, PrivateRoomSpec,
    RoomMessenger, RoomProvisioner,
};

/// Ports for several platforms: each call goes to the platform of its person or room.
/// With one platform, its own ports are returned unchanged.
pub fn joined(platforms: Vec<(Platform, Ports)>) -> Ports {
    if platforms.len() == 1 {
        return platforms.into_iter().next().expect("one").1;
    }
    let joined = Arc::new(Joined { platforms });
    Ports {
        dm: joined.clone(),
        rooms: joined.clone(),
        provisioner: joined,
    }
}

struct Joined {
    platforms: Vec<(Platform, Ports)>,
}

impl Joined {
    fn on(&self, platform: Platform) -> Result<&Ports, PortError> {
        self.platforms
            .iter()
            .find(|(p, _)| *p == platform)
            .map(|(_, ports)| ports)
            .ok_or_else(|| {
                PortError::Impossible(format!(
                    "this process does not serve {platform} (it serves {})",
                    self.served()
                ))
            })
    }

    fn served(&self) -> String {
        let names: Vec<&str> = self.platforms.iter().map(|(p, _)| p.as_str()).collect();
        names.join(" and ")
    }

    /// The one platform every member of a private room is on.
    fn platform_of_members(&self, members: &[UserRef]) -> Result<Platform, PortError> {
        let Some(first) = members.first() else {
            return Err(PortError::Impossible(
                "a private room needs at least one member".into(),
            ));
        };
        if let Some(other) = members.iter().find(|m| m.platform != first.platform) {
            return Err(PortError::Impossible(format!(
                "{} and {} are on different platforms ({} and {}): a private room is on one",
                first.id, other.id, first.platform, other.platform
            )));
        }
        Ok(first.platform)
    }

    /// `user`'s platform, which must be `room`'s.
    fn same_platform(&self, room: &RoomRef, user: &UserRef) -> Result<&Ports, PortError> {
        if room.platform != user.platform {
            return Err(PortError::Impossible(format!(
                "{} is on {}, the room on {}",
                user.id, user.platform, room.platform
            )));
        }
        self.on(room.platform)
    }
}

#[async_trait]
impl DirectMessenger for Joined {
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.on(to.platform)?.dm.send_dm(to, message, key).await
    }

    async fn fetch_file(
        &self,
        from: &UserRef,
        file: &InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        self.on(from.platform)?
            .dm
            .fetch_file(from, file, max_bytes)
            .await
    }

    async fn display_names(&self, user: &UserRef) -> Result<Vec<String>, PortError> {
        self.on(user.platform)?.dm.display_names(user).await
    }

    async fn holds(&self, user: &UserRef, group: &StaffGroup) -> Result<bool, PortError> {
        if group.platform() != user.platform {
            return Ok(false);
        }
        self.on(user.platform)?.dm.holds(user, group).await
    }
}

#[async_trait]
impl RoomMessenger for Joined {
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.on(room.platform)?
            .rooms
            .post_in_room(room, message, key)
            .await
    }

    async fn publish_event(&self, event: &EventRecord) -> Result<Option<String>, PortError> {
        self.on(event.room.platform)?
            .rooms
            .publish_event(event)
            .await
    }

    async fn cancel_event(&self, event: &EventRecord) -> Result<(), PortError> {
        self.on(event.room.platform)?
            .rooms
            .cancel_event(event)
            .await
    }

    async fn edit_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.on(room.platform)?
            .rooms
            .edit_in_room(room, id, message, key)
            .await
    }

    async fn delete_in_room(
        &self,
        room: &RoomRef,
        id: &str,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.on(room.platform)?
            .rooms
            .delete_in_room(room, id, key)
            .await
    }
}

#[async_trait]
impl RoomProvisioner for Joined {
    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        let platform = self.platform_of_members(&spec.members)?;
        self.on(platform)?
            .provisioner
            .create_private_room(spec, key)
            .await
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.same_platform(room, user)?
            .provisioner
            .invite(room, user, key)
            .await
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.on(room.platform)?
            .provisioner
            .set_read_only(room, read_only, key)
            .await
    }

    async fn archive_room(&self, room: &RoomRef, key: &IdempotencyKey) -> Result<(), PortError> {
        self.on(room.platform)?
            .provisioner
            .archive_room(room, key)
            .await
    }

    async fn room_history(
        &self,
        room: &RoomRef,
        limit: usize,
    ) -> Result<Vec<HistoryLine>, PortError> {
        self.on(room.platform)?
            .provisioner
            .room_history(room, limit)
            .await
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.same_platform(room, user)?
            .provisioner
            .remove_member(room, user, key)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platforms::adapter::ports_of;
    use crate::platforms::recording::Recording;

    fn key() -> IdempotencyKey {
        IdempotencyKey("k".into())
    }

    fn two() -> (Recording, Recording, Ports) {
        let (matrix, discord) = (Recording::new(), Recording::new());
        let ports = joined(vec![
            (Platform::Matrix, ports_of(&Arc::new(matrix.clone()))),
            (Platform::Discord, ports_of(&Arc::new(discord.clone()))),
        ]);
        (matrix, discord, ports)
    }

    #[tokio::test]
    async fn each_message_goes_to_the_platform_of_its_person_or_room() {
        let (matrix, discord, ports) = two();
        let amina = UserRef::new(Platform::Matrix, "@amina:example.org");
        let bo = UserRef::new(Platform::Discord, "42");
        let hello = OutMessage::text("hello");
        ports.dm.send_dm(&amina, &hello, &key()).await.unwrap();
        ports.dm.send_dm(&bo, &hello, &key()).await.unwrap();
        let staff = RoomRef::new(Platform::Discord, "7");
        ports
            .rooms
            .post_in_room(&staff, &hello, &key())
            .await
            .unwrap();
        assert_eq!(matrix.dms_to(&amina).len(), 1);
        assert!(matrix.dms_to(&bo).is_empty() && matrix.posts_in(&staff).is_empty());
        assert_eq!(discord.dms_to(&bo).len(), 1);
        assert_eq!(discord.posts_in(&staff).len(), 1);
    }

    #[tokio::test]
    async fn a_room_for_people_on_two_platforms_or_one_not_served_is_refused_clearly() {
        let (matrix, discord, ports) = two();
        let spec = |members: Vec<UserRef>| PrivateRoomSpec {
            name: "pair".into(),
            topic: String::new(),
            members,
            home: None,
        };
        let amina = UserRef::new(Platform::Matrix, "@amina:example.org");
        let bo = UserRef::new(Platform::Discord, "42");
        let mixed = ports
            .provisioner
            .create_private_room(&spec(vec![amina.clone(), bo.clone()]), &key())
            .await
            .unwrap_err()
            .to_string();
        assert!(mixed.contains("different platforms"), "{mixed}");
        let console = UserRef::new(Platform::Console, "carol");
        let unserved = ports
            .dm
            .send_dm(&console, &OutMessage::text("hi"), &key())
            .await
            .unwrap_err()
            .to_string();
        assert!(unserved.contains("does not serve console"), "{unserved}");
        assert!(matrix.all().is_empty() && discord.all().is_empty());
        ports
            .provisioner
            .create_private_room(&spec(vec![bo]), &key())
            .await
            .unwrap();
        assert_eq!(discord.created_rooms().len(), 1);
        assert!(matrix.created_rooms().is_empty());
    }
}
