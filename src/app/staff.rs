//! Staff named by a group the platform defines (`domain::staff`: a Discord role, a Matrix
//! room's power level), resolved for one step.
//!
//! Flows know coordinators by name (`Programme::is_coordinator`). A staff command is first
//! decided as usual; only when that refuses someone a programme does not name, but whose
//! group it does, is the platform asked whether they are in the group now, and the step is
//! decided again on a view of the app in which they coordinate that programme (for this
//! step only: `Programme::granted`). The audit log then records the group that allowed
//! it. So ordinary messages, and staff named one by one, cost no platform call.

use std::collections::HashMap;

use super::*;
use crate::domain::staff::StaffGroup;
use crate::flows::route::Route;

impl App {
    /// The app as `user`'s refused staff command sees it when they are in a group some
    /// programme names among its coordinators, with why (for the audit log); `None`: in
    /// no such group (or the platform could not say: logged, and the refusal stands).
    pub(super) async fn as_staff(&self, user: &UserRef, route: &Route) -> Option<(App, String)> {
        route.privileged()?;
        let mut asked: HashMap<&StaffGroup, bool> = HashMap::new();
        let mut programmes: Option<Vec<Programme>> = None;
        let mut reasons = Vec::new();
        for (i, p) in self.programmes.iter().enumerate() {
            if p.is_coordinator(user) || p.elsewhere {
                continue;
            }
            for group in p
                .coordinator_groups
                .iter()
                .filter(|g| g.platform() == user.platform)
            {
                let held = match asked.get(group) {
                    Some(held) => *held,
                    None => {
                        let held = match self.ports.dm.holds(user, group).await {
                            Ok(held) => held,
                            Err(e) => {
                                warn!(user = %user, group = %group, "could not ask the platform whether they are in the group: {e}");
                                false
                            }
                        };
                        asked.insert(group, held);
                        held
                    }
                };
                if held {
                    programmes.get_or_insert_with(|| self.programmes.to_vec())[i]
                        .granted
                        .push(user.clone());
                    reasons.push(format!("coordinator of {} through {group}", p.slug));
                    break;
                }
            }
        }
        let programmes = programmes?;
        let app = App {
            programmes: Arc::new(programmes),
            ..self.clone()
        };
        Some((app, reasons.join("; ")))
    }
}

impl App {
    /// Whether `user` is in a group some programme names among its coordinators (asked of
    /// the platform: for the rare command that must know, such as `link`). A platform
    /// that cannot say counts as yes: the cautious answer.
    pub(super) async fn in_staff_group(&self, user: &UserRef) -> bool {
        let mut groups: Vec<&StaffGroup> = self
            .programmes
            .iter()
            .flat_map(|p| &p.coordinator_groups)
            .filter(|g| g.platform() == user.platform)
            .collect();
        groups.sort_by_key(|g| g.to_string());
        groups.dedup();
        for group in groups {
            match self.ports.dm.holds(user, group).await {
                Ok(false) => {}
                Ok(true) => return true,
                Err(e) => {
                    warn!(user = %user, group = %group, "could not ask the platform whether they are in the group: {e}");
                    return true;
                }
            }
        }
        false
    }
}

/// Whether the step refused its sender a staff command (the flows log every refusal).
pub(super) fn refused(outcome: &Outcome) -> bool {
    outcome
        .effects
        .iter()
        .any(|e| matches!(e, Effect::LogRefusal { .. }))
}

/// `outcome`, with the group that allowed its staff command logged, unless it was refused
/// all the same.
pub(super) fn log_allowed(outcome: &mut Outcome, user: &UserRef, route: &Route, reason: &str) {
    if let (false, Some(command)) = (refused(outcome), route.privileged()) {
        outcome.effects.push(Effect::LogAllowed {
            user: user.clone(),
            action: command.words(),
            reason: reason.to_string(),
        });
    }
}
