//! Moderation cases, with the reporter sealed at rest.
//!
//! The reporter's `platform:id` is sealed (see [`super::sealer`]) under the case key's
//! reporter subkey and bound to the case (`case:<id>`), so it opens on its own row only;
//! `reporter_tag`, a keyed hash under another subkey, finds a person's cases (their reports
//! today, their erasure) without naming them. Only two things unseal
//! it, both in the app as it sends a DM: a relay to the reporter (nobody sees the address),
//! and, after two different moderators' `case reveal`, the DM telling those two who it
//! is. A loaded [`CaseRecord`] never carries an anonymous reporter.

use anyhow::anyhow;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::prompts::insert_prompt;
use super::sealer::Sealer;
use super::sql;
use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::incident::{CaseEvent, CaseRecord, CaseStatus, CaseSubject, NewCase, OwnReport};
use crate::error::{Error, Result};
use crate::step::Prompt;

/// A report as its reporter sees it, from its stored fields (also read with a step's
/// context: `storage::context`).
pub(super) fn own_report(
    case_id: i64,
    restricted: bool,
    concerns: Option<String>,
    (severity, status): (&str, &str),
    created_at: i64,
    programme: Option<String>,
) -> Result<OwnReport> {
    Ok(OwnReport {
        case_id,
        restricted,
        concerns,
        severity: severity.parse().map_err(anyhow::Error::msg)?,
        status: status.parse().map_err(anyhow::Error::msg)?,
        created_at: from_millis(created_at),
        programme,
    })
}

fn parse_user(text: &str) -> Result<UserRef> {
    let (platform, id) = text
        .split_once(':')
        .ok_or_else(|| anyhow!("a stored reporter is not platform:id"))?;
    Ok(UserRef::new(
        platform.parse().map_err(anyhow::Error::msg)?,
        id,
    ))
}

const CASE_COLUMNS: &str = "id, anonymous, reporter_sealed, reporter_plain, category, severity, concerns, body, evidence, reported_copy, room, status, claimed_by, outcome, created_at, restricted, about_staff, programme";

impl Store {
    pub(super) fn sealer(&self) -> Result<&Sealer> {
        self.sealer.as_ref().ok_or_else(|| {
            Error::user(
                "Reports can't be taken right now: the bot has no case key (TANDEM_CASE_KEY). Please tell a coordinator directly.",
            )
        })
    }

    pub(super) async fn insert_case(
        &self,
        tx: &mut Transaction<'static, Any>,
        case: &NewCase,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let sealer = self.sealer()?;
        let who = case.reporter.to_string();
        // The seal is bound to the case's id, known once the row is in: sealed just after,
        // in the same transaction.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO cases (anonymous, reporter_sealed, reporter_plain, reporter_tag, category, severity, concerns, body, evidence, room, status, created_at, updated_at, reported_copy) VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
        )
        .bind(i64::from(case.anonymous))
        .bind((!case.anonymous).then_some(who.clone()))
        .bind(sealer.tag(&who))
        .bind(&case.category)
        .bind(case.severity.as_str())
        .bind(&case.concerns)
        .bind(&case.text)
        .bind(&case.evidence)
        .bind(&case.room)
        .bind(CaseStatus::Open.as_str())
        .bind(to_millis(now))
        .bind(&case.copy)
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query(
            "UPDATE cases SET reporter_sealed = $1, restricted = $2, about_staff = $3, programme = $4 WHERE id = $5",
        )
        .bind(sealer.seal_reporter(id, &who)?)
        .bind(i64::from(case.restricted))
        .bind(case.about_staff.map(|a| a.as_str()))
        .bind(&case.programme)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        self.insert_case_event(tx, id, "reporter", "created", case.severity.as_str(), now)
            .await?;
        self.attach_files(tx, id, &case.reporter, &case.files)
            .await?;
        Ok(id)
    }

    pub(super) async fn insert_case_event(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: i64,
        actor: &str,
        kind: &str,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO case_events (case_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(case_id)
        .bind(to_millis(now))
        .bind(actor)
        .bind(kind)
        .bind(detail)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Moves a case; `false` if it is no longer in `from`.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn move_case(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
        from: CaseStatus,
        to: CaseStatus,
        by: &str,
        outcome: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let claimed_by = match to {
            CaseStatus::Claimed => Some(by),
            _ => None,
        };
        let done = sqlx::query(
            "UPDATE cases SET status = $1, claimed_by = COALESCE($2, claimed_by), outcome = $3, updated_at = $4 WHERE id = $5 AND status = $6",
        )
        .bind(to.as_str())
        .bind(claimed_by)
        .bind(outcome)
        .bind(to_millis(now))
        .bind(id)
        .bind(from.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A person's own reports since `since` (found by their keyed tag), newest first.
    pub async fn reports_since(
        &self,
        user: &UserRef,
        since: DateTime<Utc>,
    ) -> Result<Vec<OwnReport>> {
        let Some(sealer) = &self.sealer else {
            return Ok(vec![]);
        };
        let rows = sqlx::query(
            "SELECT id, concerns, severity, status, created_at, restricted, programme FROM cases WHERE reporter_tag = $1 AND created_at >= $2 ORDER BY id DESC",
        )
        .bind(sealer.tag(&user.to_string()))
        .bind(to_millis(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                own_report(
                    r.try_get("id")?,
                    r.try_get::<i64, _>("restricted")? != 0,
                    r.try_get("concerns")?,
                    (
                        &r.try_get::<String, _>("severity")?,
                        &r.try_get::<String, _>("status")?,
                    ),
                    r.try_get("created_at")?,
                    r.try_get("programme")?,
                )
            })
            .collect()
    }

    /// The reporter of a case, unsealed: only for the app to deliver messages to them, or
    /// to tell the two moderators who revealed them.
    pub async fn case_reporter(&self, id: i64) -> Result<Option<UserRef>> {
        self.reporter_through(&self.pool, id).await
    }

    /// [`Store::case_reporter`], inside a step's transaction.
    pub(super) async fn case_reporter_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: i64,
    ) -> Result<Option<UserRef>> {
        self.reporter_through(&mut **tx, id).await
    }

    async fn reporter_through<'c, E>(&self, executor: E, id: i64) -> Result<Option<UserRef>>
    where
        E: sqlx::Executor<'c, Database = Any>,
    {
        let sealed: Option<String> =
            sqlx::query_scalar("SELECT reporter_sealed FROM cases WHERE id = $1")
                .bind(id)
                .fetch_optional(executor)
                .await?;
        match sealed {
            Some(s) => Ok(Some(parse_user(&self.sealer()?.open_reporter(id, &s)?)?)),
            None => Ok(None),
        }
    }

    /// Queues a moderator's question for the case's reporter, if the case has one on
    /// record: the prompt is sealed, so no waiting row names the reporter.
    pub(super) async fn ask_reporter(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: i64,
        question: &str,
        restricted: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if let Some(reporter) = self.case_reporter_in(tx, case_id).await? {
            // Its answer goes to the moderators' room of the case's programme.
            let programme: Option<String> =
                sqlx::query_scalar("SELECT programme FROM cases WHERE id = $1")
                    .bind(case_id)
                    .fetch_one(&mut **tx)
                    .await?;
            let prompt = Prompt::CaseQuestion {
                case_id,
                question: question.to_string(),
                restricted,
                programme,
            };
            insert_prompt(
                sql::Exec::Conn(tx),
                self.sealer.as_ref(),
                &reporter,
                &prompt,
                now,
            )
            .await?;
        }
        Ok(())
    }

    /// A case as moderators may see it, with its audit log.
    pub async fn case(&self, id: i64) -> Result<Option<(CaseRecord, Vec<CaseEvent>)>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let events = self.case_events(id).await?;
        let mut case = self.case_from_row(&row, &events)?;
        case.files = self.case_files(id).await?;
        case.subjects = self.case_subjects(id).await?;
        Ok(Some((case, events)))
    }

    /// The people linked to a case, with their applications and matches.
    async fn case_subjects(&self, id: i64) -> Result<Vec<CaseSubject>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT platform, user_id FROM case_subjects WHERE case_id = $1 ORDER BY added_at, user_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (platform, user_id) in rows {
            let user = UserRef::new(platform.parse().map_err(anyhow::Error::msg)?, user_id);
            let applications = self.applications_of(&user).await?;
            let name = match applications.first() {
                Some(a) => Some(self.name_on(a.id, &user).await?),
                None => None,
            };
            out.push(CaseSubject {
                name,
                applications: applications
                    .iter()
                    .map(|a| (a.id, a.status, a.programme.clone()))
                    .collect(),
                matches: self.matches_of(&user).await?,
                user,
            });
        }
        Ok(out)
    }

    /// Links `user` to a case (again: nothing changes), or unlinks them.
    pub(super) async fn set_case_subject(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: i64,
        user: &UserRef,
        linked: bool,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if linked {
            sqlx::query(
                "INSERT INTO case_subjects (case_id, platform, user_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, platform, user_id) DO NOTHING",
            )
            .bind(case_id)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .bind(by)
            .bind(to_millis(now))
            .execute(&mut **tx)
            .await?;
        } else {
            sqlx::query(
                "DELETE FROM case_subjects WHERE case_id = $1 AND platform = $2 AND user_id = $3",
            )
            .bind(case_id)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// Every case, oldest first (without the reporter unless named or revealed).
    pub async fn cases(&self) -> Result<Vec<CaseRecord>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let events = self.case_events(id).await?;
            let mut case = self.case_from_row(row, &events)?;
            case.files = self.case_files(id).await?;
            out.push(case);
        }
        Ok(out)
    }

    async fn case_events(&self, id: i64) -> Result<Vec<CaseEvent>> {
        let rows = sqlx::query(
            "SELECT at, actor, kind, detail FROM case_events WHERE case_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CaseEvent {
                    at: from_millis(r.try_get("at")?),
                    actor: r.try_get("actor")?,
                    kind: r.try_get("kind")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect()
    }

    fn case_from_row(&self, row: &AnyRow, events: &[CaseEvent]) -> Result<CaseRecord> {
        let anonymous = row.try_get::<i64, _>("anonymous")? != 0;
        let mut reveals: Vec<String> = events
            .iter()
            .filter(|e| e.kind == "reveal")
            .map(|e| e.actor.clone())
            .collect();
        reveals.sort();
        reveals.dedup();
        // An anonymous reporter stays sealed here, revealed or not: a case goes to flows
        // and cards, and a revealed reporter is told only to the moderators who asked, by
        // the app ([`Store::case_reporter`]).
        let reporter = if anonymous {
            None
        } else {
            row.try_get::<Option<String>, _>("reporter_plain")?
                .map(|p| parse_user(&p))
                .transpose()?
        };
        let status: String = row.try_get("status")?;
        let severity: String = row.try_get("severity")?;
        Ok(CaseRecord {
            id: row.try_get("id")?,
            anonymous,
            reporter,
            category: row.try_get("category")?,
            severity: severity.parse().map_err(anyhow::Error::msg)?,
            concerns: row.try_get("concerns")?,
            text: row.try_get("body")?,
            evidence: row.try_get("evidence")?,
            copy: row.try_get("reported_copy")?,
            room: row.try_get("room")?,
            status: status.parse().map_err(anyhow::Error::msg)?,
            claimed_by: row.try_get("claimed_by")?,
            outcome: row.try_get("outcome")?,
            created_at: from_millis(row.try_get("created_at")?),
            reveals,
            files: vec![],
            about_staff: row
                .try_get::<Option<String>, _>("about_staff")?
                .map(|a| a.parse())
                .transpose()
                .map_err(anyhow::Error::msg)?,
            restricted: row.try_get::<i64, _>("restricted")? != 0,
            subjects: vec![],
            programme: row.try_get("programme")?,
        })
    }

    /// Every stored text of a case (its row and its log), as one string: for audits and
    /// tests that check what is at rest.
    pub async fn case_at_rest(&self, id: i64) -> Result<String> {
        let row = sqlx::query(
            "SELECT reporter_sealed, COALESCE(reporter_plain, '') AS plain, reporter_tag, category, COALESCE(concerns, '') AS concerns, body, COALESCE(evidence, '') AS evidence, COALESCE(reported_copy, '') AS reported_copy, COALESCE(room, '') AS room FROM cases WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        let mut s = String::new();
        for column in [
            "reporter_sealed",
            "plain",
            "reporter_tag",
            "category",
            "concerns",
            "body",
            "evidence",
            "reported_copy",
            "room",
        ] {
            s.push_str(&row.try_get::<String, _>(column)?);
            s.push('\n');
        }
        for e in self.case_events(id).await? {
            s.push_str(&format!("{} {} {}\n", e.actor, e.kind, e.detail));
        }
        Ok(s)
    }
}
