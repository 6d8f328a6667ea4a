//! Submitted applications, their answers, and everything screening records about them:
//! stored, moved between statuses by decisions, and reminded on the waiting list inside a
//! step's transaction (the writes called from `storage::step`), and read back with their
//! steps, decisions and reviewers' questions. Screening's own writes are in
//! `storage::screening`.

use std::collections::BTreeMap;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::conversations::conflict_aware;
use super::sql;
use super::{Store, from_millis, to_millis};
use crate::domain::screening::{Evaluation, StepState};
use crate::domain::timezone::TimeZone;
use crate::domain::{
    Answer, ApplicationNote, ApplicationRecord, ApplicationStatus, ApplicationSummary,
    DecisionRecord, NewApplication, ReviewQuestion, RoleKind, UserRef,
};
use crate::error::{Error, Result};
use crate::step::Decision;

const SUMMARY_COLUMNS: &str = "id, programme, role, status, submitted_at, platform, user_id, source, \
     (SELECT answer FROM application_answers n WHERE n.application_id = applications.id AND n.question_id = 'name') AS name_answer";

impl Store {
    pub(super) async fn insert_application(
        &self,
        mut tx: sql::Exec<'_>,
        application: &NewApplication,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let evaluation =
            serde_json::to_string(&application.evaluation).context("encoding an evaluation")?;
        if let Some(refused) = application.reopens
            && let Some(id) = self
                .reopen_application(tx.reborrow(), refused, application, &evaluation, now)
                .await?
        {
            return Ok(id);
        }
        let inserted = sql::query(
            "INSERT INTO applications (programme, role, platform, user_id, status, submitted_at, updated_at, evaluation, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&application.programme)
        .bind(application.role.as_str())
        .bind(application.applicant.platform.as_str())
        .bind(&application.applicant.id)
        .bind(application.status.as_str())
        .bind(to_millis(application.submitted_at))
        .bind(to_millis(now))
        .bind(evaluation)
        .bind(application.source.as_deref())
        .fetch_optional(tx.reborrow())
        .await;
        let id: i64 = match inserted {
            Ok(Some(row)) => row.try_get_at(0)?,
            Ok(None) => {
                return Err(anyhow::anyhow!("an application inserted without its id").into());
            }
            Err(e) if e.is_unique_violation() => {
                return Err(Error::user(
                    "You have already applied to this programme, so this application was not sent again. Type status to see your applications.",
                ));
            }
            Err(e) => return Err(e.into()),
        };
        insert_answers(tx.reborrow(), id, &application.answers).await?;
        insert_decision(
            tx,
            id,
            ApplicationStatus::Submitted,
            application.status,
            "screening rules",
            &application.evaluation.reasons.join(" "),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Stores `application` in the place of `refused`, the applicant's application the
    /// screening rules refused and they re-opened: same number, new answers, status and
    /// evaluation, and the move recorded. `None` when `refused` is no longer theirs and
    /// refused (withdrawn or erased meanwhile): the application is then stored as new.
    async fn reopen_application(
        &self,
        mut tx: sql::Exec<'_>,
        refused: i64,
        application: &NewApplication,
        evaluation: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let moved = sql::query(
            "UPDATE applications SET role = $1, status = $2, submitted_at = $3, updated_at = $4, evaluation = $5 \
             WHERE id = $6 AND status = $7 AND platform = $8 AND user_id = $9 AND programme = $10",
        )
        .bind(application.role.as_str())
        .bind(application.status.as_str())
        .bind(to_millis(application.submitted_at))
        .bind(to_millis(now))
        .bind(evaluation)
        .bind(refused)
        .bind(ApplicationStatus::Ineligible.as_str())
        .bind(application.applicant.platform.as_str())
        .bind(&application.applicant.id)
        .bind(&application.programme)
        .execute(tx.reborrow())
        .await?;
        if moved != 1 {
            return Ok(None);
        }
        sql::query("DELETE FROM application_answers WHERE application_id = $1")
            .bind(refused)
            .execute(tx.reborrow())
            .await?;
        insert_answers(tx.reborrow(), refused, &application.answers).await?;
        let reasons = application.evaluation.reasons.join(" ");
        insert_decision(
            tx,
            refused,
            ApplicationStatus::Ineligible,
            application.status,
            "screening rules",
            format!("Re-opened and sent again by the applicant. {reasons}").trim(),
            now,
        )
        .await?;
        Ok(Some(refused))
    }

    /// Moves an application from the decision's `from` to its `to` and records the
    /// decision; `false` if it is no longer in `from` (someone decided first).
    pub(super) async fn record_decision(
        &self,
        mut tx: sql::Exec<'_>,
        d: &Decision,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let moved = sql::query(
            "UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(d.to.as_str())
        .bind(to_millis(now))
        .bind(d.application_id)
        .bind(d.from.as_str())
        .execute(tx.reborrow())
        .await;
        if !conflict_aware(moved.map(|n| n == 1))? {
            return Ok(false);
        }
        insert_decision(tx, d.application_id, d.from, d.to, &d.by, &d.reason, now).await?;
        Ok(true)
    }

    /// Remembers that a waiting-list reminder was sent for an application.
    pub(super) async fn mark_reminded(
        &self,
        tx: &mut Transaction<'static, Any>,
        application_id: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("UPDATE applications SET reminded_at = $1 WHERE id = $2")
            .bind(to_millis(now))
            .bind(application_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Everyone who applied, with the name on their newest application and the numbers of
    /// their applications to programmes `visible` says may be seen (newest first): whom a
    /// staff command can name.
    pub async fn applicants(
        &self,
        visible: impl Fn(&str) -> bool,
    ) -> Result<Vec<crate::domain::people::KnownPerson>> {
        let rows: Vec<(i64, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT p.id, p.platform, p.user_id, p.programme, a.answer FROM applications p \
             LEFT JOIN application_answers a ON a.application_id = p.id AND a.question_id = 'name' \
             ORDER BY p.id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut people: Vec<crate::domain::people::KnownPerson> = Vec::new();
        for (id, platform, user_id, programme, answer) in rows {
            let Ok(platform) = platform.parse() else {
                continue;
            };
            let user = UserRef::new(platform, user_id);
            let name = text_answer(answer);
            // Applications to a programme out of view are not shown, but the person is
            // known (by the name they gave) all the same.
            let ids = if visible(&programme) {
                vec![id]
            } else {
                vec![]
            };
            match people.iter_mut().find(|p| p.user == user) {
                Some(known) => {
                    known.applications.extend(ids);
                    if known.name.is_none() {
                        known.name = name;
                    }
                }
                None => people.push(crate::domain::people::KnownPerson {
                    user,
                    name,
                    applications: ids,
                    rooms: Vec::new(),
                }),
            }
        }
        Ok(people)
    }

    /// The person's applications, newest first, with their screening steps.
    pub async fn applications_of(&self, user: &UserRef) -> Result<Vec<ApplicationSummary>> {
        let text = format!(
            "SELECT {SUMMARY_COLUMNS} FROM applications WHERE platform = $1 AND user_id = $2 ORDER BY submitted_at DESC, id DESC"
        );
        let rows = sql::query(&text)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(self.db()?.exec())
            .await?;
        self.summaries(&rows)
            .await
            .map(|v| v.into_iter().map(|(s, _)| s).collect())
    }

    /// The time zone an application's answers give, if it asked for one.
    pub async fn application_zone(&self, id: i64) -> Result<Option<TimeZone>> {
        Ok(self
            .application(id)
            .await?
            .and_then(|a| crate::domain::timezone::answered(&a.answers)))
    }

    /// A person's time zone, from their newest application that asked for it.
    pub async fn answered_zone_of(&self, user: &UserRef) -> Result<Option<TimeZone>> {
        for summary in self.applications_of(user).await? {
            if let Some(zone) = self.application_zone(summary.id).await? {
                return Ok(Some(zone));
            }
        }
        Ok(None)
    }

    /// One application with everything recorded about it.
    pub async fn application(&self, id: i64) -> Result<Option<ApplicationRecord>> {
        let text = format!("SELECT {SUMMARY_COLUMNS}, evaluation FROM applications WHERE id = $1");
        let Some(row) = sql::query(&text)
            .bind(id)
            .fetch_optional(self.db()?.exec())
            .await?
        else {
            return Ok(None);
        };
        let (summary, applicant) = self
            .summaries(std::slice::from_ref(&row))
            .await?
            .pop()
            .expect("one row, one summary");
        let evaluation: Option<String> = row.try_get("evaluation")?;
        let evaluation: Option<Evaluation> = match evaluation {
            Some(json) => Some(serde_json::from_str(&json).context("decoding an evaluation")?),
            None => None,
        };
        let mut db = self.db()?;
        let answer_rows = sql::query(
            "SELECT question_id, answer FROM application_answers WHERE application_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(db.exec())
        .await?;
        let mut answers = Vec::with_capacity(answer_rows.len());
        for r in answer_rows {
            let json: String = r.try_get("answer")?;
            let answer: Answer = serde_json::from_str(&json).context("decoding a stored answer")?;
            answers.push((r.try_get("question_id")?, answer));
        }
        let decisions = sql::query(
            "SELECT from_status, to_status, decided_by, reason, decided_at FROM application_decisions WHERE application_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(db.exec())
        .await?
        .iter()
        .map(|r| -> Result<DecisionRecord> {
            Ok(DecisionRecord {
                from: parse_status(r.try_get("from_status")?)?,
                to: parse_status(r.try_get("to_status")?)?,
                by: r.try_get("decided_by")?,
                reason: r.try_get("reason")?,
                at: from_millis(r.try_get("decided_at")?),
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let questions = sql::query(
            "SELECT id, question, asked_by, asked_at, answer, answered_at FROM review_questions WHERE application_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(db.exec())
        .await?
        .iter()
        .map(|r| -> Result<ReviewQuestion> {
            Ok(ReviewQuestion {
                id: r.try_get("id")?,
                question: r.try_get("question")?,
                asked_by: r.try_get("asked_by")?,
                asked_at: from_millis(r.try_get("asked_at")?),
                answer: r.try_get("answer")?,
                answered_at: r.try_get::<Option<i64>>("answered_at")?.map(from_millis),
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let notes = sql::query(
            "SELECT written_by, text, written_at FROM application_notes WHERE application_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(db.exec())
        .await?
        .iter()
        .map(|r| -> Result<ApplicationNote> {
            Ok(ApplicationNote {
                by: r.try_get("written_by")?,
                text: r.try_get("text")?,
                at: from_millis(r.try_get("written_at")?),
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(Some(ApplicationRecord {
            summary,
            applicant,
            answers,
            evaluation,
            decisions,
            questions,
            notes,
            // Links are the app's to add (`app::links`).
            also_on: None,
        }))
    }

    /// All applications to the given programmes, oldest first, with their applicants.
    pub async fn applications_in(
        &self,
        programmes: &[String],
    ) -> Result<Vec<(ApplicationSummary, UserRef)>> {
        let mut out = Vec::new();
        for programme in programmes {
            let text = format!(
                "SELECT {SUMMARY_COLUMNS} FROM applications WHERE programme = $1 ORDER BY submitted_at, id"
            );
            let rows = sql::query(&text)
                .bind(programme)
                .fetch_all(self.db()?.exec())
                .await?;
            out.extend(self.summaries(&rows).await?);
        }
        Ok(out)
    }

    /// All applications to a programme, oldest first.
    pub async fn applications_to(&self, programme: &str) -> Result<Vec<ApplicationSummary>> {
        Ok(self
            .applications_in(&[programme.to_string()])
            .await?
            .into_iter()
            .map(|(s, _)| s)
            .collect())
    }

    /// The participants of a programme and role who are ready to be matched: accepted,
    /// with every screening step complete, and with a chat account (someone a coordinator
    /// entered an application for joins the pool when they take it over: `flows::assist`).
    /// This is what matching draws from.
    pub async fn ready_participants(
        &self,
        programme: &str,
        role: RoleKind,
    ) -> Result<Vec<ApplicationRecord>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM applications WHERE programme = $1 AND role = $2 AND status = $3 AND substr(user_id, 1, length($4)) <> $4 ORDER BY submitted_at, id",
        )
        .bind(programme)
        .bind(role.as_str())
        .bind(ApplicationStatus::Ready.as_str())
        // Case-sensitive on both backends (LIKE is not on SQLite), as `is_assisted` is;
        // `length` gives PostgreSQL's `substr` the integer it takes.
        .bind(crate::domain::ids::ASSISTED)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(r) = self.application(id).await? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Waitlisted applications with when their applicant was last reminded, oldest first.
    pub async fn waitlisted(&self) -> Result<Vec<(ApplicationSummary, Option<DateTime<Utc>>)>> {
        let text = format!(
            "SELECT {SUMMARY_COLUMNS}, reminded_at FROM applications WHERE status = $1 ORDER BY submitted_at, id"
        );
        let rows = sql::query(&text)
            .bind(ApplicationStatus::Waitlisted.as_str())
            .fetch_all(self.db()?.exec())
            .await?;
        let summaries = self.summaries(&rows).await?;
        let mut out = Vec::with_capacity(rows.len());
        for (row, (summary, _)) in rows.iter().zip(summaries) {
            let reminded: Option<i64> = row.try_get("reminded_at")?;
            out.push((summary, reminded.map(from_millis)));
        }
        Ok(out)
    }

    /// Summaries (with steps) and applicants of application rows.
    async fn summaries(&self, rows: &[sql::Row]) -> Result<Vec<(ApplicationSummary, UserRef)>> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get("id")?;
            let role: String = row.try_get("role")?;
            let platform: String = row.try_get("platform")?;
            let programme: String = row.try_get("programme")?;
            let status = parse_status(row.try_get("status")?)?;
            let submitted_at: i64 = row.try_get("submitted_at")?;
            let waitlist_position = if status == ApplicationStatus::Waitlisted {
                let waiting = sql::query(
                    "SELECT id FROM applications WHERE programme = $1 AND role = $2 AND status = $3 ORDER BY submitted_at, id",
                )
                .bind(&programme)
                .bind(&role)
                .bind(status.as_str())
                .fetch_all(self.db()?.exec())
                .await?
                .iter()
                .map(|r| r.try_get_at::<i64>(0))
                .collect::<Result<Vec<_>, _>>()?;
                waiting
                    .iter()
                    .position(|i| *i == id)
                    .map(|p| (p + 1, waiting.len()))
            } else {
                None
            };
            let summary = ApplicationSummary {
                id,
                programme,
                role: role.parse().map_err(anyhow::Error::msg)?,
                status,
                submitted_at: from_millis(submitted_at),
                steps: self.steps_of(id).await?,
                waitlist_position,
                name: text_answer(row.try_get("name_answer")?),
                source: row.try_get("source")?,
            };
            let applicant = UserRef::new(
                platform.parse().map_err(anyhow::Error::msg)?,
                row.try_get::<String>("user_id")?,
            );
            out.push((summary, applicant));
        }
        Ok(out)
    }

    /// The screening steps recorded for an application.
    pub async fn steps_of(&self, application_id: i64) -> Result<BTreeMap<String, StepState>> {
        let rows =
            sql::query("SELECT step_id, state FROM screening_steps WHERE application_id = $1")
                .bind(application_id)
                .fetch_all(self.db()?.exec())
                .await?;
        let mut steps = BTreeMap::new();
        for r in rows {
            let json: String = r.try_get("state")?;
            let state: StepState = serde_json::from_str(&json).context("decoding a step state")?;
            steps.insert(r.try_get("step_id")?, state);
        }
        Ok(steps)
    }
}

fn parse_status(s: String) -> Result<ApplicationStatus> {
    Ok(s.parse().map_err(anyhow::Error::msg)?)
}

/// The answers of an application, in form order.
async fn insert_answers(
    mut tx: sql::Exec<'_>,
    id: i64,
    answers: &[(String, Answer)],
) -> Result<()> {
    for (position, (question, answer)) in answers.iter().enumerate() {
        let json = serde_json::to_string(answer).context("encoding an answer")?;
        sql::query(
            "INSERT INTO application_answers (application_id, position, question_id, answer) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(question)
        .bind(json)
        .execute(tx.reborrow())
        .await?;
    }
    Ok(())
}

pub(super) async fn insert_decision(
    tx: sql::Exec<'_>,
    application_id: i64,
    from: ApplicationStatus,
    to: ApplicationStatus,
    by: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sql::query(
        "INSERT INTO application_decisions (application_id, from_status, to_status, decided_by, reason, decided_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(application_id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(by)
    .bind(reason)
    .bind(to_millis(now))
    .execute(tx)
    .await?;
    Ok(())
}

/// A stored answer that is text (a `name`), if it is one.
pub(super) fn text_answer(json: Option<String>) -> Option<String> {
    match json.and_then(|j| serde_json::from_str::<Answer>(&j).ok()) {
        Some(Answer::Text(t)) => Some(t),
        _ => None,
    }
}
