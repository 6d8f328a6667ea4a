//! The audit log: what someone tried and was refused (`Effect::LogRefusal`), staff
//! commands allowed through a group the platform defines (`Effect::LogAllowed`: a Discord
//! role, a Matrix power level, named in `reason`), and accounts linked and unlinked
//! (`storage::links`), written in the step that decided, so each is on record exactly
//! when it was answered. Its rows name the person, and are kept
//! under the pseudonym when they erase their data (`storage::personal`).
//!
//! Another outcome would be another `outcome` value here, written from its own effect's arm
//! in `storage::step`.

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::{Store, to_millis};
use crate::domain::UserRef;
use crate::error::Result;

impl Store {
    /// Logs that `user` tried `action` and was refused.
    pub(super) async fn log_refusal(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        action: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        log(tx, user, action, "refused", "", now).await
    }

    /// Logs that `user` was allowed `action`, and why (`reason`: the group that allowed it).
    pub(super) async fn log_allowed(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        action: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        log(tx, user, action, "allowed", reason, now).await
    }

    /// Logs what an account's owner did to it (`link`, `unlink`: see `storage::links`),
    /// with `reason` naming no other account (the row outlives an erasure under a
    /// pseudonym, which must not point at the other account).
    pub(super) async fn log_done(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        action: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        log(tx, user, action, "done", reason, now).await
    }
}

async fn log(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    action: &str,
    outcome: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, platform, user_id, action, outcome, reason) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(to_millis(now))
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(action)
    .bind(outcome)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
