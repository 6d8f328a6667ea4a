//! What every step reads about its sender beside their conversation, applications and
//! matches, in one statement: whether they are suspended, their open survey invites, and
//! the reports they made lately (for the daily limit). Each statement is a round trip to
//! the database (on SQLite, to its worker thread), so what every message needs is read
//! together: one `UNION ALL` whose rows say what they are (`kind`).
//!
//! To read one more thing about the sender on every step: a branch of [`CONTEXT`] with the
//! same columns (text `a`..`d`, integers `n`, `m`), a `kind` of its own, and its arm in
//! [`Store::person_context`].

use std::collections::BTreeMap;

use super::cases::own_report;
use super::sql;
use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::incident::OwnReport;
use crate::domain::survey::SurveyInvite;
use crate::error::Result;
use anyhow::Context as _;
use chrono::{DateTime, Utc};

/// What [`Store::person_context`] reads.
#[derive(Debug, Clone, Default)]
pub struct PersonContext {
    pub suspended: bool,
    /// Unanswered invites of rounds still open, oldest first.
    pub surveys: Vec<SurveyInvite>,
    /// Reports they made since the time asked, newest first (none without a case key).
    pub reports: Vec<OwnReport>,
}

/// $1, $2: the person; $3: now; $4: their reporter tag (none without a case key); $5:
/// reports since. The suspension row comes first and always.
const CONTEXT: &str = "\
SELECT 'suspended' AS kind, COUNT(*) AS n, 0 AS m, NULL AS a, NULL AS b, NULL AS c, NULL AS d, NULL AS e \
FROM suspensions WHERE platform = $1 AND user_id = $2 AND lifted_at IS NULL AND (until IS NULL OR until > $3) \
UNION ALL \
SELECT 'survey', i.id, r.closes_at, i.role, i.draft, r.programme, r.survey, NULL \
FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id \
WHERE i.platform = $1 AND i.user_id = $2 AND i.answered = 0 AND r.closes_at > $3 \
UNION ALL \
SELECT 'report', id, created_at, concerns, severity, status, CASE WHEN restricted <> 0 THEN 'restricted' END, programme \
FROM cases WHERE reporter_tag = $4 AND created_at >= $5";

impl Store {
    /// Reads [`PersonContext`] for `user` at `now`, with their reports since
    /// `reports_since`, in one statement.
    pub async fn person_context(
        &self,
        user: &UserRef,
        now: DateTime<Utc>,
        reports_since: DateTime<Utc>,
    ) -> Result<PersonContext> {
        // Without a case key no report can be stored, and none is looked for.
        let tag = self.sealer.as_ref().map(|s| s.tag(&user.to_string()));
        let rows = sql::query(CONTEXT)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .bind(to_millis(now))
            .bind(tag)
            .bind(to_millis(reports_since))
            .fetch_all(self.db()?.exec())
            .await?;
        let mut context = PersonContext::default();
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            let n: i64 = row.try_get("n")?;
            let m: i64 = row.try_get("m")?;
            let text = |c: &str| -> Result<Option<String>> { Ok(row.try_get(c)?) };
            let required = |c: &str| -> Result<String> {
                text(c)?.ok_or_else(|| anyhow::anyhow!("{kind}: no {c}").into())
            };
            match kind.as_str() {
                "suspended" => context.suspended = n > 0,
                "survey" => context.surveys.push(SurveyInvite {
                    id: n,
                    closes_at: from_millis(m),
                    role: required("a")?.parse().map_err(anyhow::Error::msg)?,
                    draft: match text("b")? {
                        Some(d) => serde_json::from_str(&d).context("decoding a survey draft")?,
                        None => BTreeMap::new(),
                    },
                    programme: required("c")?,
                    survey: required("d")?,
                }),
                "report" => context.reports.push(own_report(
                    n,
                    text("d")?.is_some(),
                    text("a")?,
                    (&required("b")?, &required("c")?),
                    m,
                    text("e")?,
                )?),
                other => return Err(anyhow::anyhow!("unknown context row {other}").into()),
            }
        }
        context.surveys.sort_by_key(|s| s.id);
        context
            .reports
            .sort_by_key(|r| std::cmp::Reverse(r.case_id));
        Ok(context)
    }
}
