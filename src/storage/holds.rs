//! Legal holds: safeguarding records about a person who erased their data, kept as they
//! are until the hold ends (`[moderation] retention_years` after the erasure), so that
//! leaving cannot erase evidence. Then the sweep erases each record the way the erasure
//! would have (see `storage::personal`).
//!
//! A held background check stays in `screening_steps`, under its (withdrawn, pseudonymised)
//! application, where coordinators already look; nothing treats it as live: it has no
//! expiry date to be warned about or swept, and a withdrawn application is never matched.
//! A held suspension stays in `suspensions` under the person's real id, so one in force
//! still applies if they come back.

use chrono::{DateTime, Months, Utc};
use serde_json::{Value, json};
use sqlx::{Any, Transaction};

use super::personal::{Reach, scrub, words_of};
use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::screening::StepState;
use crate::domain::text::contains_word;
use crate::error::Result;

/// What a hold keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Held {
    /// A case about the person (`ref_id`: the case).
    Case,
    /// A failed or expired background check (`ref_id`: the application).
    FailedCheck,
    /// A suspension, over or in force (`ref_id`: the suspension).
    Suspension,
    /// A pair-room safety flag on a message they sent, not dismissed (`ref_id`: the flag).
    SafetyFlag,
}

impl Held {
    fn as_str(self) -> &'static str {
        match self {
            Held::Case => "case",
            Held::FailedCheck => "failed_check",
            Held::Suspension => "suspension",
            Held::SafetyFlag => "safety_flag",
        }
    }

    fn parse(kind: &str) -> Option<Held> {
        [
            Held::Case,
            Held::FailedCheck,
            Held::Suspension,
            Held::SafetyFlag,
        ]
        .into_iter()
        .find(|h| h.as_str() == kind)
    }
}

/// The steps a held check's `detail` names (an application may have failed more than
/// one).
fn held_steps(detail: &str) -> Vec<String> {
    let detail: Value = serde_json::from_str(detail).unwrap_or(Value::Null);
    detail["steps"]
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// When a hold made at `now` ends.
pub(super) fn hold_end(now: DateTime<Utc>, retention_years: u32) -> DateTime<Utc> {
    now.checked_add_months(Months::new(retention_years.saturating_mul(12)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Holds a record about `user` until `until`. `detail` is what ending the hold needs.
/// Holding it again (the person came back and erased their data again) moves the end.
pub(super) async fn hold(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    kind: Held,
    ref_id: i64,
    detail: Value,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO legal_holds (platform, user_id, kind, ref_id, detail, hold_until, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, ref_id, platform, user_id) DO UPDATE SET detail = excluded.detail, hold_until = excluded.hold_until, created_at = excluded.created_at",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .bind(kind.as_str())
    .bind(ref_id)
    .bind(detail.to_string())
    .bind(to_millis(until))
    .bind(to_millis(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Holds every suspension of `user`, over or in force; returns their ids.
pub(super) async fn hold_suspensions(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM suspensions WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(&mut **tx)
            .await?;
    for id in &ids {
        hold(tx, user, Held::Suspension, *id, json!({}), until, now).await?;
    }
    Ok(ids)
}

/// Holds the failed or expired checks of `user`'s applications and deletes their other
/// screening steps (which say nothing a safeguarding lead needs).
pub(super) async fn hold_failed_checks_and_delete_other_steps(
    tx: &mut Transaction<'static, Any>,
    user: &UserRef,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let steps: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT s.application_id, s.step_id, s.state FROM screening_steps s JOIN applications a ON a.id = s.application_id WHERE a.platform = $1 AND a.user_id = $2",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .fetch_all(&mut **tx)
    .await?;
    // One hold per application, naming every failed or expired step it has.
    let mut held: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for (application, step, state) in steps {
        if matches!(
            serde_json::from_str(&state),
            Ok(StepState::Failed | StepState::Expired { .. })
        ) {
            held.entry(application).or_default().push(step);
        } else {
            delete_step(tx, application, &step).await?;
        }
    }
    for (application, steps) in held {
        let detail = json!({ "steps": steps });
        hold(tx, user, Held::FailedCheck, application, detail, until, now).await?;
    }
    Ok(())
}

async fn delete_step(
    tx: &mut Transaction<'static, Any>,
    application: i64,
    step: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM screening_steps WHERE application_id = $1 AND step_id = $2")
        .bind(application)
        .bind(step)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// The cases about `user`: those a moderator linked them to (`case concerns`), and
    /// those whose concerns or text name them as a whole word (one of `names`, their
    /// `platform:id` or their id), except those they reported
    /// themselves (those are theirs, and are pseudonymised with them). Every case is
    /// read: there are few, and a name need not be ASCII for the database to narrow them.
    pub(super) async fn cases_about(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        names: &[String],
    ) -> Result<Vec<i64>> {
        let words = words_of(names, user);
        let mine = self.sealer.as_ref().map(|s| s.tag(&user.to_string()));
        let cases: Vec<(i64, String, Option<String>, String)> =
            sqlx::query_as("SELECT id, reporter_tag, concerns, body FROM cases ORDER BY id")
                .fetch_all(&mut **tx)
                .await?;
        // Linked by a moderator (`case concerns`), or named in what was reported.
        let linked: Vec<i64> = sqlx::query_scalar(
            "SELECT case_id FROM case_subjects WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(&mut **tx)
        .await?;
        Ok(cases
            .into_iter()
            .filter(|(_, tag, _, _)| mine.as_ref() != Some(tag))
            .filter(|(id, _, concerns, body)| {
                linked.contains(id)
                    || words.iter().any(|w| {
                        contains_word(body, w)
                            || concerns.as_deref().is_some_and(|c| contains_word(c, w))
                    })
            })
            .map(|(id, ..)| id)
            .collect())
    }

    /// The checks of `user` kept under a legal hold: (application, step).
    pub async fn held_checks_of(&self, user: &UserRef) -> Result<Vec<(i64, String)>> {
        let rows = super::sql::query(
            "SELECT ref_id, detail FROM legal_holds WHERE platform = $1 AND user_id = $2 AND kind = $3 ORDER BY ref_id",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(Held::FailedCheck.as_str())
        .fetch_all(self.db()?.exec())
        .await?
        .iter()
        .map(|r| Ok((r.try_get_at(0)?, r.try_get_at(1)?)))
        .collect::<Result<Vec<(i64, String)>, super::sql::Error>>()?;
        Ok(rows
            .into_iter()
            .flat_map(|(application, detail)| {
                held_steps(&detail)
                    .into_iter()
                    .map(move |step| (application, step))
            })
            .collect())
    }

    /// Ends the holds due by `now`, each in its own transaction: a held case loses the
    /// person's names, a held check or a suspension that is over is deleted. A suspension
    /// still in force is held again for as long, so that it keeps applying. Returns how
    /// many holds ended.
    pub async fn end_expired_holds(&self, now: DateTime<Utc>) -> Result<usize> {
        /// A hold: its id, kind, record, detail, end, start, and whose it is.
        type Due = (i64, String, i64, String, i64, i64, String, String);
        let due: Vec<Due> = sqlx::query_as(
            "SELECT id, kind, ref_id, detail, hold_until, created_at, platform, user_id FROM legal_holds WHERE hold_until <= $1 ORDER BY hold_until, id",
        )
        .bind(to_millis(now))
        .fetch_all(&self.pool)
        .await?;
        let mut ended = 0;
        for (hold, kind, record, detail, until, created, platform, user_id) in due {
            // A kind this version does not know (written by a newer one) is kept.
            let Some(kind) = Held::parse(&kind) else {
                continue;
            };
            let mut tx = self.pool.begin().await?;
            match kind {
                Held::Case => {
                    // The words were kept in the hold: the case names the person in clear
                    // anyway, and so does the hold (its platform and user_id).
                    let detail: Value = serde_json::from_str(&detail).unwrap_or(Value::Null);
                    let words: Vec<String> =
                        serde_json::from_value(detail["words"].clone()).unwrap_or_default();
                    scrub(&mut tx, &words, Reach::Only(Held::Case, record)).await?;
                    // The link a moderator made to them goes with their names.
                    sqlx::query(
                        "DELETE FROM case_subjects WHERE case_id = $1 AND platform = $2 AND user_id = $3",
                    )
                    .bind(record)
                    .bind(&platform)
                    .bind(&user_id)
                    .execute(&mut *tx)
                    .await?;
                }
                Held::FailedCheck => {
                    for step in held_steps(&detail) {
                        delete_step(&mut tx, record, &step).await?;
                    }
                }
                Held::Suspension => {
                    let in_force: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM suspensions WHERE id = $1 AND lifted_at IS NULL AND (until IS NULL OR until > $2)",
                    )
                    .bind(record)
                    .bind(to_millis(now))
                    .fetch_optional(&mut *tx)
                    .await?;
                    if in_force.is_some() {
                        let again = now + (from_millis(until) - from_millis(created));
                        sqlx::query(
                            "UPDATE legal_holds SET hold_until = $1, created_at = $2 WHERE id = $3",
                        )
                        .bind(to_millis(again))
                        .bind(to_millis(now))
                        .bind(hold)
                        .execute(&mut *tx)
                        .await?;
                        tx.commit().await?;
                        continue;
                    }
                    sqlx::query("DELETE FROM suspensions WHERE id = $1")
                        .bind(record)
                        .execute(&mut *tx)
                        .await?;
                }
                Held::SafetyFlag => {
                    // The flag is the person's record (their message's excerpt): it goes.
                    sqlx::query("DELETE FROM safety_flags WHERE id = $1")
                        .bind(record)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            sqlx::query("DELETE FROM legal_holds WHERE id = $1")
                .bind(hold)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            ended += 1;
        }
        Ok(ended)
    }
}
