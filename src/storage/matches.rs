//! Matches: proposals, approvals, participants' answers, pauses, closures and pair rooms,
//! and suspensions. The writes take a step's transaction and are called from the dispatcher
//! in `storage::step`; a new one goes here with its arm there.

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::applications::insert_decision;
use super::sql;
use super::step::Applied;
use super::{Store, from_millis, to_millis};
use crate::domain::matches::{
    Closure, ClosureKind, MatchOrigin, MatchRecord, MatchStatus, NewMatch, NewRequest, NextStep,
};
use crate::domain::{ApplicationStatus, RoomRef, UserRef};
use crate::error::Result;

/// A match with both people and the names they gave (read with it: two reads a match
/// less, on every step of someone matched and in every list of matches).
const MATCH_COLUMNS: &str = "m.id, m.programme, m.mentee_application, m.mentor_application, m.status, m.score, m.reasons, m.mentee_answer, m.mentor_answer, m.deadline, m.room, m.relay_room, m.room_platform, m.frozen, m.created_at, m.closed_at, m.closure_kind, m.closure_reason, m.closed_by, m.lifted_at, m.started_at, m.origin, m.introduction, m.next_choices, e.platform AS e_platform, e.user_id AS e_user, r.platform AS r_platform, r.user_id AS r_user, \
(SELECT answer FROM application_answers WHERE application_id = m.mentee_application AND question_id = 'name') AS e_name, \
(SELECT answer FROM application_answers WHERE application_id = m.mentor_application AND question_id = 'name') AS r_name";
const MATCH_FROM: &str = "matches m JOIN applications e ON e.id = m.mentee_application JOIN applications r ON r.id = m.mentor_application";

/// The `room_platform` of a new match whose mentee's application is `$2` and mentor's
/// `$3`: for people on two platforms who share one through a linked account (see
/// `domain::accounts`), that one, where their pair room is made rather than a relayed
/// one; else NULL. Stored in the match's own INSERT.
macro_rules! shared_room_platform {
    () => {
        "(SELECT l.platform FROM applications e, applications r, linked_accounts l \
          WHERE e.id = $2 AND r.id = $3 AND e.platform <> r.platform \
          AND ((l.person_platform = e.platform AND l.person_id = e.user_id AND l.platform = r.platform) \
            OR (l.person_platform = r.platform AND l.person_id = r.user_id AND l.platform = e.platform)) \
          ORDER BY l.platform LIMIT 1)"
    };
}

fn answer_text(a: Option<bool>) -> Option<&'static str> {
    a.map(|x| if x { "accepted" } else { "declined" })
}

impl Store {
    pub(super) async fn insert_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        m: &NewMatch,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let reasons = serde_json::to_string(&m.reasons).context("encoding match reasons")?;
        Ok(sqlx::query_scalar(concat!(
            "INSERT INTO matches (programme, mentee_application, mentor_application, status, score, reasons, created_at, updated_at, origin, room_platform) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, ",
            shared_room_platform!(),
            ") RETURNING id"
        ))
        .bind(&m.programme)
        .bind(m.mentee_application)
        .bind(m.mentor_application)
        .bind(MatchStatus::Proposed.as_str())
        .bind(m.score)
        .bind(reasons)
        .bind(to_millis(now))
        .bind(m.origin.as_str())
        .fetch_one(&mut **tx)
        .await?)
    }

    /// Stores a mentee's request to a mentor, with the mentor's offer queued when they are
    /// asked now. `None` (a conflict: the step is read again and decided anew) when either
    /// has no place left by now: two mentees asking for the last place at once, one wins.
    pub(super) async fn insert_request(
        &self,
        tx: &mut Transaction<'static, Any>,
        r: &NewRequest,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        // Taking both applications' rows first (in the order of their numbers, so that two
        // steps never wait for each other) makes two requests for the same mentor, or from
        // the same mentee, take turns: on PostgreSQL the second waits here, then counts
        // what the first stored.
        let (a, b) = (r.new.mentee_application, r.new.mentor_application);
        for id in [a.min(b), a.max(b)] {
            sqlx::query("UPDATE applications SET updated_at = updated_at WHERE id = $1")
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        let open = |application: i64, column: &'static str| {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM matches WHERE {column} = $1 AND status IN ('proposed', 'approved', 'active')"
            )))
            .bind(application)
        };
        let mentor_taken = open(r.new.mentor_application, "mentor_application")
            .fetch_one(&mut **tx)
            .await?;
        let mentee_taken = open(r.new.mentee_application, "mentee_application")
            .fetch_one(&mut **tx)
            .await?;
        if mentor_taken >= i64::from(r.places) || mentee_taken >= i64::from(r.mentee_places) {
            return Ok(None);
        }
        let reasons = serde_json::to_string(&r.new.reasons).context("encoding match reasons")?;
        let id: i64 = sqlx::query_scalar(concat!(
            "INSERT INTO matches (programme, mentee_application, mentor_application, status, score, reasons, mentee_answer, deadline, origin, introduction, next_choices, created_at, updated_at, room_platform) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, ",
            shared_room_platform!(),
            ") RETURNING id"
        ))
        .bind(&r.new.programme)
        .bind(r.new.mentee_application)
        .bind(r.new.mentor_application)
        .bind(r.status.as_str())
        .bind(r.new.score)
        .bind(reasons)
        .bind(answer_text(Some(true)))
        .bind(r.deadline.map(to_millis))
        .bind(MatchOrigin::Request.as_str())
        .bind(&r.introduction)
        .bind(if r.then.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&r.then).context("encoding next choices")?)
        })
        .bind(to_millis(now))
        .fetch_one(&mut **tx)
        .await?;
        Ok(Some(id))
    }

    /// Moves a match from `from` to `to`; `false` if it is no longer in `from`.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn move_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        from: MatchStatus,
        to: MatchStatus,
        by: &str,
        deadline: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE matches SET status = $1, decided_by = $2, deadline = COALESCE($3, deadline), updated_at = $4, started_at = CASE WHEN $7 = 1 THEN $4 ELSE started_at END WHERE id = $5 AND status = $6",
        )
        .bind(to.as_str())
        .bind(by)
        .bind(deadline.map(to_millis))
        .bind(to_millis(now))
        .bind(id)
        .bind(from.as_str())
        // Going ahead (both accepted) is when the match starts.
        .bind(i64::from(to == MatchStatus::Active))
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Closes an active match (a conflict if it is not active any more), recording how and
    /// why. Each member whose application has no other open match leaves the matching pool
    /// (`resting`) until they ask for a new match.
    pub(super) async fn close_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        kind: ClosureKind,
        reason: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        let done = sqlx::query(
            "UPDATE matches SET status = $1, closed_at = $2, closure_kind = $3, closure_reason = $4, closed_by = $5, updated_at = $2 WHERE id = $6 AND status = $7",
        )
        .bind(MatchStatus::Closed.as_str())
        .bind(to_millis(now))
        .bind(kind.as_str())
        .bind(reason)
        .bind(by)
        .bind(id)
        .bind(MatchStatus::Active.as_str())
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(Applied::Conflict);
        }
        // Its milestones will never run: skipped with the closure, not after it.
        super::jobs::skip_jobs(tx, &format!("match:{id}"), now).await?;
        let apps: (i64, i64) = sqlx::query_as(
            "SELECT mentee_application, mentor_application FROM matches WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
        for app in [apps.0, apps.1] {
            let open: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM matches WHERE (mentee_application = $1 OR mentor_application = $1) AND status IN ('proposed', 'approved', 'active')",
            )
            .bind(app)
            .fetch_one(&mut **tx)
            .await?;
            if open > 0 {
                continue;
            }
            let moved = sqlx::query(
                "UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
            )
            .bind(ApplicationStatus::Resting.as_str())
            .bind(to_millis(now))
            .bind(app)
            .bind(ApplicationStatus::Ready.as_str())
            .execute(&mut **tx)
            .await?;
            if moved.rows_affected() == 1 {
                insert_decision(
                    sql::Exec::Conn(tx),
                    app,
                    ApplicationStatus::Ready,
                    ApplicationStatus::Resting,
                    "tandem",
                    &format!("match M{id} closed"),
                    now,
                )
                .await?;
            }
        }
        Ok(Applied::Done)
    }

    /// Records what a member would like after their match (the latest answer wins).
    pub(super) async fn record_next_step(
        &self,
        tx: &mut Transaction<'static, Any>,
        match_id: i64,
        user: &UserRef,
        choice: NextStep,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO match_next (match_id, platform, user_id, choice, at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (match_id, platform, user_id) DO UPDATE SET choice = excluded.choice, at = excluded.at",
        )
        .bind(match_id)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(choice.as_str())
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// What each member of a match would like next: (user id, choice).
    pub async fn next_steps(&self, match_id: i64) -> Result<Vec<(String, NextStep)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT user_id, choice FROM match_next WHERE match_id = $1 ORDER BY at",
        )
        .bind(match_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(u, c)| NextStep::parse(&c).map(|n| (u, n)))
            .collect())
    }

    /// Records one side's answer to an approved match; `false` if the match is no longer
    /// waiting for it.
    pub(super) async fn answer_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        mentee_side: bool,
        accepted: bool,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let column = if mentee_side {
            "mentee_answer"
        } else {
            "mentor_answer"
        };
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE matches SET {column} = $1, updated_at = $2 WHERE id = $3 AND status = $4 AND {column} IS NULL"
        )))
        .bind(answer_text(Some(accepted)))
        .bind(to_millis(now))
        .bind(id)
        .bind(MatchStatus::Approved.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a pair that must never be proposed: a match stored as proposed and rejected
    /// at once, whose only reason says why.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn exclude_pair(
        &self,
        tx: &mut Transaction<'static, Any>,
        programme: &str,
        mentee_application: i64,
        mentor_application: i64,
        by: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let marker = NewMatch {
            programme: programme.to_string(),
            mentee_application,
            mentor_application,
            score: 0,
            reasons: vec![crate::domain::matches::Reason {
                criterion: crate::i18n::Text::msg("match-reason-excluded"),
                detail: crate::i18n::Text::plain(reason),
                points: 0,
                criterion_at: None,
            }],
            origin: MatchOrigin::Engine,
        };
        let id = self.insert_match(tx, &marker, now).await?;
        self.move_match(
            tx,
            id,
            MatchStatus::Proposed,
            MatchStatus::Rejected,
            by,
            None,
            now,
        )
        .await?;
        Ok(())
    }

    /// Lets a pair be proposed again: their ended matches (rejected, excluded, declined,
    /// closed) are kept, marked as lifted.
    pub(super) async fn lift_exclusion(
        &self,
        tx: &mut Transaction<'static, Any>,
        programme: &str,
        mentee_application: i64,
        mentor_application: i64,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE matches SET lifted_at = $1, lifted_by = $2, updated_at = $1 WHERE programme = $3 AND mentee_application = $4 AND mentor_application = $5 AND lifted_at IS NULL AND status IN ($6, $7, $8)",
        )
        .bind(to_millis(now))
        .bind(by)
        .bind(programme)
        .bind(mentee_application)
        .bind(mentor_application)
        .bind(MatchStatus::Rejected.as_str())
        .bind(MatchStatus::Declined.as_str())
        .bind(MatchStatus::Closed.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Pauses an active match's milestones until a time, or resumes it (`None`).
    pub(super) async fn pause_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        until: Option<DateTime<Utc>>,
    ) -> Result<()> {
        sqlx::query("UPDATE matches SET paused_until = $1 WHERE id = $2 AND status = 'active'")
            .bind(until.map(to_millis))
            .bind(id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub(super) async fn freeze_match(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        frozen: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("UPDATE matches SET frozen = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(frozen))
            .bind(to_millis(now))
            .bind(id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub(super) async fn suspend(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        until: Option<DateTime<Utc>>,
        reason: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO suspensions (platform, user_id, until, reason, decided_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(until.map(to_millis))
        .bind(reason)
        .bind(by)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub(super) async fn unsuspend(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE suspensions SET lifted_at = $1 WHERE platform = $2 AND user_id = $3 AND lifted_at IS NULL",
        )
        .bind(to_millis(now))
        .bind(user.platform.as_str())
        .bind(&user.id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Everyone suspended at `now`.
    pub async fn suspended_people(&self, now: DateTime<Utc>) -> Result<Vec<UserRef>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT DISTINCT platform, user_id FROM suspensions WHERE lifted_at IS NULL AND (until IS NULL OR until > $1)",
        )
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(platform, id)| {
                let platform = platform.parse().map_err(anyhow::Error::msg)?;
                Ok(UserRef::new(platform, id))
            })
            .collect()
    }

    /// Whether a person is suspended at `now`.
    pub async fn is_suspended(&self, user: &UserRef, now: DateTime<Utc>) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM suspensions WHERE platform = $1 AND user_id = $2 AND lifted_at IS NULL AND (until IS NULL OR until > $3)",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(to_millis(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// The approved offers (waiting for the pair's answers) that can no longer go ahead
    /// at `now`, or only match `only` (whatever its status) if it cannot: one of the two is
    /// suspended, or their application is no longer ready to be matched (a screening step
    /// lapsed or failed, a withdrawal). Oldest first.
    pub async fn pairs_that_cannot_go_ahead(
        &self,
        now: DateTime<Utc>,
        only: Option<i64>,
    ) -> Result<Vec<i64>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT m.id FROM matches m \
             JOIN applications a ON a.id = m.mentee_application \
             JOIN applications b ON b.id = m.mentor_application \
             WHERE (($2 < 0 AND m.status = 'approved') OR m.id = $2) \
             AND (a.status <> 'ready' OR b.status <> 'ready' OR EXISTS ( \
                 SELECT 1 FROM suspensions s WHERE s.lifted_at IS NULL AND (s.until IS NULL OR s.until > $1) \
                 AND ((s.platform = a.platform AND s.user_id = a.user_id) OR (s.platform = b.platform AND s.user_id = b.user_id)))) \
             ORDER BY m.id",
        )
        .bind(to_millis(now))
        .bind(only.unwrap_or(-1))
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }

    /// Remembers the pair room of a match.
    pub async fn set_match_room(&self, id: i64, room: &str) -> Result<()> {
        sqlx::query("UPDATE matches SET room = $1 WHERE id = $2")
            .bind(room)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The pair room (or relayed side) whose id is `room`, on the platform it is on: a
    /// room named by its id alone (a moderator's `remove … from <room>`).
    pub async fn pair_room_by_id(&self, room: &str) -> Result<Option<RoomRef>> {
        let text = format!(
            "SELECT {MATCH_COLUMNS} FROM {MATCH_FROM} WHERE m.room = $1 OR m.relay_room = $1 ORDER BY m.id DESC LIMIT 1"
        );
        let row = sql::query(&text)
            .bind(room)
            .fetch_optional(self.db()?.exec())
            .await?;
        let Some(r) = row else { return Ok(None) };
        let m = Self::match_from_row(&r)?;
        Ok(if m.room.as_deref() == Some(room) {
            m.pair_room()
        } else {
            m.relay_side()
        })
    }

    /// The people of the pair room (or relayed side) whose id is `room`: the members of
    /// its matches still going (a group's mentor and mentees), else of its latest match.
    pub async fn room_members(&self, room: &str) -> Result<Vec<UserRef>> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT m.status, e.platform, e.user_id, r.platform, r.user_id \
             FROM matches m JOIN applications e ON e.id = m.mentee_application \
             JOIN applications r ON r.id = m.mentor_application \
             WHERE m.room = $1 OR m.relay_room = $1 ORDER BY m.id DESC",
        )
        .bind(room)
        .fetch_all(&self.pool)
        .await?;
        // A group room's mentees still matched, or the pair of a room whose match ended.
        let active =
            |r: &&(String, String, String, String, String)| r.0 == MatchStatus::Active.as_str();
        let rows: Vec<_> = if rows.iter().any(|r| active(&r)) {
            rows.iter().filter(active).collect()
        } else {
            rows.iter().take(1).collect()
        };
        let mut members = Vec::new();
        for (_, ep, eu, rp, ru) in rows {
            for (platform, id) in [(ep, eu), (rp, ru)] {
                let user = UserRef::new(platform.parse().map_err(anyhow::Error::msg)?, id.clone());
                if !members.contains(&user) {
                    members.push(user);
                }
            }
        }
        Ok(members)
    }

    pub async fn match_by_id(&self, id: i64) -> Result<Option<MatchRecord>> {
        let text = format!("SELECT {MATCH_COLUMNS} FROM {MATCH_FROM} WHERE m.id = $1");
        let row = sql::query(&text)
            .bind(id)
            .fetch_optional(self.db()?.exec())
            .await?;
        match row {
            Some(r) => Ok(Some(Self::match_from_row(&r)?)),
            None => Ok(None),
        }
    }

    /// Every match of a programme, oldest first.
    pub async fn matches_in(&self, programme: &str) -> Result<Vec<MatchRecord>> {
        let text = format!(
            "SELECT {MATCH_COLUMNS} FROM {MATCH_FROM} WHERE m.programme = $1 ORDER BY m.id"
        );
        let rows = sql::query(&text)
            .bind(programme)
            .fetch_all(self.db()?.exec())
            .await?;
        rows.iter().map(Self::match_from_row).collect()
    }

    /// Every match that has ended (closed, however), in any programme, oldest first: where
    /// alumni are found.
    pub async fn closed_matches(&self) -> Result<Vec<MatchRecord>> {
        let text =
            format!("SELECT {MATCH_COLUMNS} FROM {MATCH_FROM} WHERE m.status = $1 ORDER BY m.id");
        let rows = sql::query(&text)
            .bind(crate::domain::matches::MatchStatus::Closed.as_str())
            .fetch_all(self.db()?.exec())
            .await?;
        rows.iter().map(Self::match_from_row).collect()
    }

    /// The matches a person is in, oldest first.
    pub async fn matches_of(&self, user: &UserRef) -> Result<Vec<MatchRecord>> {
        let text = format!(
            "SELECT {MATCH_COLUMNS} FROM {MATCH_FROM} WHERE (e.platform = $1 AND e.user_id = $2) OR (r.platform = $1 AND r.user_id = $2) ORDER BY m.id"
        );
        let rows = sql::query(&text)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(self.db()?.exec())
            .await?;
        rows.iter().map(Self::match_from_row).collect()
    }

    /// Approved matches whose answer deadline has passed.
    pub async fn overdue_matches(&self, now: DateTime<Utc>) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM matches WHERE status = $1 AND deadline IS NOT NULL AND deadline <= $2 ORDER BY id",
        )
        .bind(MatchStatus::Approved.as_str())
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?)
    }

    fn match_from_row(r: &sql::Row) -> Result<MatchRecord> {
        let user = |p: &str, u: &str| -> Result<UserRef> {
            let platform: String = r.try_get(p)?;
            Ok(UserRef::new(
                platform.parse().map_err(anyhow::Error::msg)?,
                r.try_get::<String>(u)?,
            ))
        };
        let answer = |c: &str| -> Result<Option<bool>> {
            Ok(r.try_get::<Option<String>>(c)?.map(|a| a == "accepted"))
        };
        let status: String = r.try_get("status")?;
        let reasons: String = r.try_get("reasons")?;
        let mentee_application: i64 = r.try_get("mentee_application")?;
        let mentor_application: i64 = r.try_get("mentor_application")?;
        let mentee = user("e_platform", "e_user")?;
        let mentor = user("r_platform", "r_user")?;
        Ok(MatchRecord {
            id: r.try_get("id")?,
            programme: r.try_get("programme")?,
            mentee_name: name_given(r.try_get("e_name")?, &mentee),
            mentor_name: name_given(r.try_get("r_name")?, &mentor),
            mentee_application,
            mentor_application,
            mentee,
            mentor,
            status: status.parse().map_err(anyhow::Error::msg)?,
            score: r.try_get("score")?,
            reasons: serde_json::from_str(&reasons).context("decoding match reasons")?,
            mentee_answer: answer("mentee_answer")?,
            mentor_answer: answer("mentor_answer")?,
            deadline: r.try_get::<Option<i64>>("deadline")?.map(from_millis),
            room: r.try_get("room")?,
            relay_room: r.try_get("relay_room")?,
            room_platform: r
                .try_get::<Option<String>>("room_platform")?
                .map(|p| p.parse())
                .transpose()
                .map_err(anyhow::Error::msg)?,
            frozen: r.try_get::<i64>("frozen")? != 0,
            created_at: from_millis(r.try_get("created_at")?),
            closure: match r.try_get::<Option<i64>>("closed_at")? {
                Some(at) => Some(Closure {
                    kind: r
                        .try_get::<Option<String>>("closure_kind")?
                        .unwrap_or_default()
                        .parse()
                        .map_err(anyhow::Error::msg)?,
                    reason: r
                        .try_get::<Option<String>>("closure_reason")?
                        .unwrap_or_default(),
                    by: r
                        .try_get::<Option<String>>("closed_by")?
                        .unwrap_or_default(),
                    at: from_millis(at),
                }),
                None => None,
            },
            lifted: r.try_get::<Option<i64>>("lifted_at")?.is_some(),
            started_at: r.try_get::<Option<i64>>("started_at")?.map(from_millis),
            origin: MatchOrigin::read(&r.try_get::<String>("origin")?),
            introduction: r.try_get("introduction")?,
            next_choices: match r.try_get::<Option<String>>("next_choices")? {
                Some(json) => serde_json::from_str(&json).context("decoding next choices")?,
                None => Vec::new(),
            },
        })
    }

    /// The name a person gave on an application (its `name` answer), else their id.
    pub(super) async fn name_on(&self, application: i64, user: &UserRef) -> Result<String> {
        let json: Option<String> = sqlx::query_scalar(
            "SELECT answer FROM application_answers WHERE application_id = $1 AND question_id = 'name'",
        )
        .bind(application)
        .fetch_optional(&self.pool)
        .await?;
        Ok(name_given(json, user))
    }
}

/// The name in a stored `name` answer, else the person's id.
fn name_given(answer: Option<String>, user: &UserRef) -> String {
    super::applications::text_answer(answer).unwrap_or_else(|| user.id.clone())
}
