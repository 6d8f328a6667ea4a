//! Who has read which of a programme's resources (`resource_reads`): written by a step's
//! effect, in its transaction; read for `resources`, for the coordinators' list, and for
//! `my data`; erased with the person.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::resources::ResourceRead;
use crate::domain::{Platform, UserRef};
use crate::error::Result;

fn read_of(r: &sqlx::any::AnyRow) -> Result<ResourceRead> {
    Ok(ResourceRead {
        programme: r.try_get("programme")?,
        resource: r.try_get("resource")?,
        at: from_millis(r.try_get("read_at")?),
    })
}

impl Store {
    /// The resources `user` has read, in the order they read them.
    pub async fn resource_reads(&self, user: &UserRef) -> Result<Vec<ResourceRead>> {
        let rows = sqlx::query(
            "SELECT programme, resource, read_at FROM resource_reads \
             WHERE platform = $1 AND user_id = $2 ORDER BY read_at, resource",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(read_of).collect()
    }

    /// Everyone's reads of `programme`'s resources.
    pub async fn programme_resource_reads(
        &self,
        programme: &str,
    ) -> Result<Vec<(UserRef, ResourceRead)>> {
        let rows = sqlx::query(
            "SELECT platform, user_id, programme, resource, read_at FROM resource_reads \
             WHERE programme = $1 ORDER BY read_at",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let platform: String = r.try_get("platform")?;
            let Ok(platform) = platform.parse::<Platform>() else {
                continue;
            };
            out.push((
                UserRef::new(platform, r.try_get::<String, _>("user_id")?),
                read_of(r)?,
            ));
        }
        Ok(out)
    }

    /// Records that `user` read a resource; reading it again keeps the first time.
    pub(super) async fn mark_resource_read(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        programme: &str,
        resource: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO resource_reads (platform, user_id, programme, resource, read_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (platform, user_id, programme, resource) DO NOTHING",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(programme)
        .bind(resource)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub(super) async fn forget_resource_reads(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
    ) -> Result<()> {
        sqlx::query("DELETE FROM resource_reads WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}
