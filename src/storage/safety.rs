//! A pair-room safety policy's flags (`safety_flags`) and the kind reminders sent
//! (`safety_reminders`; see `domain::safety`). A flag keeps no message text but its short
//! excerpt. Written in a transaction of their own or a step's; read for the coordinators'
//! card and list, a match's health, and `my data`.

use anyhow::anyhow;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::safety::{Flag, FlagStatus, Kind, NewFlag};
use crate::error::Result;

const FLAG_COLUMNS: &str = "id, programme, match_id, sender_platform, sender_id, kind, excerpt, \
     sent_at, status, case_id, note, decided_by, decided_at";

fn parse_user(text: &str) -> Result<UserRef> {
    let (platform, id) = text
        .split_once(':')
        .ok_or_else(|| anyhow!("a stored coordinator is not platform:id"))?;
    Ok(UserRef::new(
        platform.parse().map_err(anyhow::Error::msg)?,
        id,
    ))
}

fn flag_of(r: &sqlx::any::AnyRow) -> Result<Flag> {
    let platform: String = r.try_get("sender_platform")?;
    let kind: String = r.try_get("kind")?;
    let status: String = r.try_get("status")?;
    let case: Option<i64> = r.try_get("case_id")?;
    let decided_by: Option<String> = r.try_get("decided_by")?;
    let decided_at: Option<i64> = r.try_get("decided_at")?;
    let decided = match (decided_by, decided_at) {
        (Some(by), Some(at)) => Some((parse_user(&by)?, from_millis(at))),
        _ => None,
    };
    Ok(Flag {
        id: r.try_get("id")?,
        programme: r.try_get("programme")?,
        match_id: r.try_get("match_id")?,
        sender: UserRef::new(
            platform.parse().map_err(anyhow::Error::msg)?,
            r.try_get::<String, _>("sender_id")?,
        ),
        kind: Kind::parse(&kind).ok_or_else(|| anyhow!("unknown safety kind `{kind}`"))?,
        excerpt: r.try_get("excerpt")?,
        at: from_millis(r.try_get("sent_at")?),
        status: FlagStatus::parse(&status, case)
            .ok_or_else(|| anyhow!("unknown safety flag status `{status}`"))?,
        note: r.try_get("note")?,
        decided,
    })
}

impl Store {
    /// Records `flags` in one transaction; their numbers, in order.
    pub async fn record_safety_flags(&self, flags: &[NewFlag]) -> Result<Vec<i64>> {
        let mut tx = self.pool.begin().await?;
        let mut ids = Vec::with_capacity(flags.len());
        for f in flags {
            ids.push(self.insert_safety_flag(&mut tx, f).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Records one flag, open, in `tx` (a step's); its number.
    pub(super) async fn insert_safety_flag(
        &self,
        tx: &mut Transaction<'static, Any>,
        f: &NewFlag,
    ) -> Result<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO safety_flags (programme, match_id, sender_platform, sender_id, kind, \
             excerpt, sent_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open') RETURNING id",
        )
        .bind(&f.programme)
        .bind(f.match_id)
        .bind(f.sender.platform.as_str())
        .bind(&f.sender.id)
        .bind(f.kind.as_str())
        .bind(&f.excerpt)
        .bind(to_millis(f.at))
        .fetch_one(&mut **tx)
        .await?;
        Ok(id)
    }

    /// Flag `id`, if there is one.
    pub async fn safety_flag(&self, id: i64) -> Result<Option<Flag>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {FLAG_COLUMNS} FROM safety_flags WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(flag_of).transpose()
    }

    /// A match's flags, oldest first.
    pub async fn safety_flags_of_match(&self, match_id: i64) -> Result<Vec<Flag>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {FLAG_COLUMNS} FROM safety_flags WHERE match_id = $1 ORDER BY sent_at, id"
        )))
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(flag_of).collect()
    }

    /// A programme's flags no coordinator has decided yet, oldest first.
    pub async fn open_safety_flags(&self, programme: &str) -> Result<Vec<Flag>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {FLAG_COLUMNS} FROM safety_flags WHERE programme = $1 AND status = 'open' \
             ORDER BY sent_at, id"
        )))
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(flag_of).collect()
    }

    /// The flags on messages `user` sent (for `my data`), oldest first.
    pub async fn safety_flags_sent_by(&self, user: &UserRef) -> Result<Vec<Flag>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {FLAG_COLUMNS} FROM safety_flags WHERE sender_platform = $1 AND sender_id = $2 \
             ORDER BY sent_at, id"
        )))
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(flag_of).collect()
    }

    /// A coordinator's decision on flag `id`: `next` (dismissed, noted or a case), with
    /// their `note`, in a transaction of its own. The flag as it is now, or `None` when
    /// there is no such flag or its status may not become `next` (see
    /// `FlagStatus::may_become`: nothing changed). Two coordinators deciding at once: the
    /// first wins.
    pub async fn decide_safety_flag(
        &self,
        id: i64,
        next: FlagStatus,
        note: Option<&str>,
        by: &UserRef,
        at: DateTime<Utc>,
    ) -> Result<Option<Flag>> {
        let Some(flag) = self.safety_flag(id).await? else {
            return Ok(None);
        };
        let mut tx = self.pool.begin().await?;
        if !decide_flag(&mut tx, id, flag.status, next, note, by, at).await? {
            return Ok(None);
        }
        tx.commit().await?;
        self.safety_flag(id).await
    }

    /// Whether `user` may be sent the reminder of `kind` on `day` (their local date):
    /// true the first time only, and then it is recorded as sent.
    pub async fn claim_safety_reminder(
        &self,
        user: &UserRef,
        kind: Kind,
        day: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let claimed = claim_reminder(&mut tx, user, kind, day, at).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Whether `user` was reminded of `kind` on `day` already.
    pub async fn safety_reminder_sent(
        &self,
        user: &UserRef,
        kind: Kind,
        day: NaiveDate,
    ) -> Result<bool> {
        let sent: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM safety_reminders WHERE platform = $1 AND user_id = $2 AND kind = $3 \
             AND day = $4",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(kind.as_str())
        .bind(day.format("%Y-%m-%d").to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(sent.is_some())
    }

    /// The flags numbered `ids` that are still stored, in that order.
    pub async fn safety_flags_by_ids(&self, ids: &[i64]) -> Result<Vec<Flag>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.safety_flag(*id).await?);
        }
        Ok(out)
    }

    /// The open flags of `programmes`, oldest first.
    pub async fn open_safety_flags_of(&self, programmes: &[String]) -> Result<Vec<Flag>> {
        let mut out = Vec::new();
        for programme in programmes {
            out.extend(self.open_safety_flags(programme).await?);
        }
        out.sort_by_key(|f| (f.at, f.id));
        Ok(out)
    }

    /// Forgets the reminders sent before `before` (they matter for a day); how many.
    pub async fn forget_safety_reminders(&self, before: DateTime<Utc>) -> Result<u64> {
        let done = sqlx::query("DELETE FROM safety_reminders WHERE sent_at < $1")
            .bind(to_millis(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

/// Records that `user` was reminded of `kind` on `day`, in a step's transaction: `false`
/// (nothing written) if they were already.
pub(super) async fn claim_reminder(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    kind: Kind,
    day: NaiveDate,
    at: DateTime<Utc>,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO safety_reminders (platform, user_id, kind, day, sent_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, user_id, kind, day) DO NOTHING",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(kind.as_str())
    .bind(day.format("%Y-%m-%d").to_string())
    .bind(to_millis(at))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves flag `id` from `from` to `next` with `note` (kept when `None`), by `by`, in a
/// step's transaction: `false` (nothing written) when `from` may not become `next`, or
/// the flag is no longer `from` (someone decided meanwhile).
pub(super) async fn decide_flag(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    from: FlagStatus,
    next: FlagStatus,
    note: Option<&str>,
    by: &UserRef,
    at: DateTime<Utc>,
) -> Result<bool> {
    if !from.may_become(next) {
        return Ok(false);
    }
    let case = match next {
        FlagStatus::Case(c) => Some(c),
        _ => None,
    };
    let done = sqlx::query(
        "UPDATE safety_flags SET status = $1, case_id = $2, note = COALESCE($3, note), \
         decided_by = $4, decided_at = $5 WHERE id = $6 AND status = $7",
    )
    .bind(next.as_str())
    .bind(case)
    .bind(note)
    .bind(by.to_string())
    .bind(to_millis(at))
    .bind(id)
    .bind(from.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

impl Store {
    /// The newest active match whose pair room (or relayed side) is `room`, if any.
    pub async fn active_match_in_room(&self, room: &str) -> Result<Option<i64>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM matches WHERE (room = $1 OR relay_room = $1) AND status = 'active' \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(room)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id)
    }
}

/// At `user`'s erasure: the flags on messages they sent that the coordinators did not
/// dismiss are held as they are until `until` (safeguarding records, like a case about
/// them; see `storage::holds`), the dismissed ones are deleted, and so are the reminders
/// they were sent. Returns the held flags.
pub(super) async fn hold_or_erase_safety_flags(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let (platform, id) = (user.platform.as_str(), user.id.as_str());
    sqlx::query("DELETE FROM safety_reminders WHERE platform = $1 AND user_id = $2")
        .bind(platform)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "DELETE FROM safety_flags WHERE sender_platform = $1 AND sender_id = $2 \
         AND status = 'dismissed'",
    )
    .bind(platform)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    let kept: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM safety_flags WHERE sender_platform = $1 AND sender_id = $2 ORDER BY id",
    )
    .bind(platform)
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    for flag in &kept {
        super::holds::hold(
            tx,
            user,
            super::holds::Held::SafetyFlag,
            *flag,
            json!({}),
            until,
            now,
        )
        .await?;
    }
    Ok(kept)
}
