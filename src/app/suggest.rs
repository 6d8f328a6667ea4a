//! Suggestions for a number a staff member is typing (Discord's autocomplete): the app
//! loads what the matching list command loads for them, in the room's view, and
//! `flows::suggest` picks the candidates with the command's own permission checks.
//! Someone a programme names by a platform group (a Discord role) is asked about as a
//! refused command would be (`app::staff`), only when a programme here names a group of
//! their platform.

use super::*;
use crate::chat::Content;
use crate::domain::Place;
use crate::flows::suggest::{self, Suggested};

impl App {
    /// The numbers `user` may be typing into `command` (its words after the prefix, any
    /// number standing in for the one typed: `approve 1`) in `room`, which fit `typed`,
    /// at most `max`, each with its label in their language. None for someone who may
    /// not run the command there, and none when the database cannot be read (logged).
    pub async fn suggest(
        &self,
        user: &UserRef,
        room: &RoomRef,
        command: &str,
        of: Suggested,
        typed: &str,
        max: usize,
    ) -> Vec<(i64, String)> {
        let scoped = self.scoped_to(room);
        let app = scoped.as_ref().unwrap_or(self);
        // A programme here naming a platform group they may be in (the platform asked
        // only then): its records too, as the command would allow them.
        let by_group = app.programmes.iter().any(|p| {
            !p.elsewhere
                && !p.is_coordinator(user)
                && p.coordinator_groups
                    .iter()
                    .any(|g| g.platform() == user.platform)
        });
        let granted = if of != Suggested::Case && by_group {
            let inbound = app.typed_in(user, room, command);
            let route = flows::route::route(&inbound, &app.router());
            Box::pin(app.as_staff(user, &route)).await.map(|(a, _)| a)
        } else {
            None
        };
        let app = granted.as_ref().unwrap_or(app);
        match app
            .suggestions_of(user, room, command, of, typed, max)
            .await
        {
            Ok(found) => found,
            Err(e) => {
                warn!(user = %user, "reading what to suggest failed: {e}");
                Vec::new()
            }
        }
    }

    async fn suggestions_of(
        &self,
        user: &UserRef,
        room: &RoomRef,
        command: &str,
        of: Suggested,
        typed: &str,
        max: usize,
    ) -> Result<Vec<(i64, String)>> {
        // Loaded as the list command loads it for them: nothing they may not see.
        let list = self.typed_in(user, room, of.list_command());
        let route = flows::route::route(&list, &self.router());
        let subject = self.load_subject(&list, &route, None).await?;
        let known = self.known(user).await?;
        let ctx = self.ctx(user, &known, &subject, self.clock.now());
        Ok(suggest::suggestions(&ctx, room, command, of, typed, max)
            .into_iter()
            .map(|s| (s.number, self.said_to(user, &s.label)))
            .collect())
    }

    /// `command` as `user` would type it after the prefix in `room`.
    fn typed_in(&self, user: &UserRef, room: &RoomRef, command: &str) -> Inbound {
        Inbound {
            from: user.clone(),
            place: Place::Room(room.clone()),
            content: Content::Text(format!("{} {command}", self.settings.room_prefix)),
            files: vec![],
        }
    }
}
