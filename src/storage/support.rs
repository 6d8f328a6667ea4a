//! Staff support for active matches (`domain::support`): which staff member a pair is
//! assigned to, the staff's check-ins with pairs, and the support sweep's notices sent;
//! and who of a pair has accepted its mentoring agreement (`flows::agreement`). The signs these give a match's health are read with the others in
//! `check_ins::pair_signs`.
//!
//! Notes are never shown to the pair; `my data` exports them for either member, and
//! `delete my data` erases their text (`storage::personal`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, from_millis, to_millis};
use crate::config::parse_user_ref;
use crate::domain::UserRef;
use crate::domain::support::{Channel, StaffCheckIn, Whom, assign};
use crate::error::Result;

impl Store {
    /// Assigns a match to whichever of `among` has the fewest active matches now (across
    /// programmes: a caseload is a person's); nothing when `among` is empty.
    pub(super) async fn assign_staff(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        among: &[UserRef],
    ) -> Result<()> {
        let loads: Vec<(String, i64)> = sqlx::query_as(
            "SELECT staff, COUNT(*) FROM matches WHERE status = 'active' AND staff IS NOT NULL AND id <> $1 GROUP BY staff",
        )
        .bind(match_id)
        .fetch_all(&mut **tx)
        .await?;
        let load = |u: &UserRef| {
            let key = u.to_string();
            loads
                .iter()
                .find(|(s, _)| *s == key)
                .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or(usize::MAX))
        };
        let Some(chosen) = assign(among, load) else {
            return Ok(());
        };
        sqlx::query("UPDATE matches SET staff = $1 WHERE id = $2")
            .bind(chosen.to_string())
            .bind(match_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Logs a staff contact; `false` (a conflict) when the match is not active any more.
    pub(super) async fn log_staff_check_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        c: &StaffCheckIn,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO staff_check_ins (match_id, by_staff, with_whom, how, concern, notes, logged_at) \
             SELECT id, $2, $3, $4, $5, $6, $7 FROM matches WHERE id = $1 AND status = 'active'",
        )
        .bind(c.match_id)
        .bind(&c.by)
        .bind(c.with.as_str())
        .bind(c.how.as_str())
        .bind(i64::from(c.concern))
        .bind(&c.notes)
        .bind(to_millis(c.at))
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A match's staff check-ins, oldest first.
    pub async fn staff_check_ins_of(&self, match_id: i64) -> Result<Vec<StaffCheckIn>> {
        let rows = sqlx::query(
            "SELECT match_id, by_staff, with_whom, how, concern, notes, logged_at FROM staff_check_ins WHERE match_id = $1 ORDER BY logged_at, id",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode).collect()
    }

    /// The notices already sent about the active matches of `programme`, by match: each
    /// notice's name, with when (one statement for the whole sweep of a programme).
    pub async fn support_notices_in(
        &self,
        programme: &str,
    ) -> Result<HashMap<i64, Vec<(String, DateTime<Utc>)>>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT n.match_id, n.notice, n.sent_at FROM support_notices n JOIN matches m ON m.id = n.match_id WHERE m.programme = $1 AND m.status = 'active'",
        )
        .bind(programme)
        .fetch_all(&self.pool)
        .await?;
        let mut by_match: HashMap<i64, Vec<(String, DateTime<Utc>)>> = HashMap::new();
        for (id, notice, at) in rows {
            by_match
                .entry(id)
                .or_default()
                .push((notice, from_millis(at)));
        }
        Ok(by_match)
    }

    /// Records a notice sent, in the step that puts its acts in the outbox: `false` (a
    /// conflict) when it was sent already.
    pub(super) async fn note_support_notice(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        notice: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO support_notices (match_id, notice, sent_at) VALUES ($1, $2, $3) ON CONFLICT (match_id, notice) DO NOTHING",
        )
        .bind(match_id)
        .bind(notice)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl Store {
    /// A member of a pair accepts their agreement (again: nothing new).
    pub(super) async fn accept_agreement(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        user: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO pair_agreements (match_id, platform, user_id, agreed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (match_id, platform, user_id) DO NOTHING",
        )
        .bind(match_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The agreement of the active pair whose room is `room`: the mentee's application and
    /// who of the pair has agreed. `None`: no active pair there.
    pub async fn agreement_in_room(&self, room: &str) -> Result<Option<(i64, Vec<UserRef>)>> {
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT id, mentee_application FROM matches WHERE room = $1 AND status = 'active' ORDER BY id DESC LIMIT 1",
        )
        .bind(room)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, mentee)) = found else {
            return Ok(None);
        };
        Ok(Some((mentee, self.agreed_to(id).await?)))
    }

    /// Who of a pair has accepted its agreement.
    pub async fn agreed_to(&self, match_id: i64) -> Result<Vec<UserRef>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT platform, user_id FROM pair_agreements WHERE match_id = $1 ORDER BY agreed_at",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(p, id)| Some(UserRef::new(p.parse().ok()?, id)))
            .collect())
    }
}

fn decode(r: &sqlx::any::AnyRow) -> Result<StaffCheckIn> {
    let with: String = r.try_get("with_whom")?;
    let how: String = r.try_get("how")?;
    let concern: i64 = r.try_get("concern")?;
    Ok(StaffCheckIn {
        match_id: r.try_get("match_id")?,
        by: r.try_get("by_staff")?,
        with: Whom::parse(&with).unwrap_or(Whom::Both),
        how: Channel::parse(&how).unwrap_or(Channel::Chat),
        concern: concern != 0,
        notes: r.try_get("notes")?,
        at: from_millis(r.try_get("logged_at")?),
    })
}

/// The staff member a match is assigned to, as stored (`platform:id`).
pub(super) fn staff_of(stored: Option<String>) -> Option<UserRef> {
    stored.and_then(|s| parse_user_ref(&s).ok())
}
