//! Files kept as a report's evidence, sealed with the case key.
//!
//! Name and contents are sealed under the evidence subkey (see [`super::sealer`]), each
//! bound to the file's row (`evidence:<id>:name`, `evidence:<id>:data`): the file's id,
//! not its case, as a file is sealed once, while held, before it has a case.
//!
//! A file arrives while its sender is writing a report (or answering a moderator's
//! question), before there is a case to put it on. It is then *held*: stored under the
//! sender's keyed tag, which finds it again without saying who they are. When the report
//! is sent the file moves to the case and the tag is cleared; when it is discarded the
//! file is deleted; a held file nobody took is deleted after [`HELD_FOR_DAYS`] days. Only
//! the sender's own held files can move or be dropped by their steps.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::sealer::Purpose;
use super::{Store, to_millis};
use crate::chat::HeldFile;
use crate::domain::UserRef;
use crate::domain::incident::EvidenceFile;
use crate::error::{Error, Result};

/// How long a file is held for a report that is neither sent nor discarded.
pub const HELD_FOR_DAYS: i64 = 14;

impl Store {
    /// Keeps a file for `holder`, sealed; what they may be told about it comes back.
    pub async fn hold_file(
        &self,
        holder: &UserRef,
        name: &str,
        mime: &str,
        data: &[u8],
        now: DateTime<Utc>,
    ) -> Result<HeldFile> {
        let sealer = self.sealer()?;
        // Sealed on the row's id, known once the row is in: in the same transaction.
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO evidence_files (case_id, holder_tag, name_sealed, mime, size, data_sealed, created_at) VALUES (NULL, $1, '', $2, $3, $4, $5) RETURNING id",
        )
        .bind(sealer.tag(&holder.to_string()))
        .bind(mime)
        .bind(data.len() as i64)
        .bind(Vec::<u8>::new())
        .bind(to_millis(now))
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE evidence_files SET name_sealed = $1, data_sealed = $2 WHERE id = $3")
            .bind(sealer.seal(Purpose::Evidence, &name_aad(id), name)?)
            .bind(sealer.seal_bytes(Purpose::Evidence, &data_aad(id), data)?)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(HeldFile {
            id,
            name: name.to_string(),
            mime: mime.to_string(),
            size: data.len() as u64,
        })
    }

    /// Moves `holder`'s held files `ids` onto a case; others' files and files already on
    /// a case are left alone.
    pub(super) async fn attach_files(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: i64,
        holder: &UserRef,
        ids: &[i64],
    ) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let tag = self.sealer()?.tag(&holder.to_string());
        for id in ids {
            sqlx::query(
                "UPDATE evidence_files SET case_id = $1, holder_tag = NULL WHERE id = $2 AND holder_tag = $3 AND case_id IS NULL",
            )
            .bind(case_id)
            .bind(*id)
            .bind(&tag)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// Deletes `holder`'s held files `ids`.
    pub(super) async fn drop_held_files(
        &self,
        tx: &mut Transaction<'static, Any>,
        holder: &UserRef,
        ids: &[i64],
    ) -> Result<()> {
        let tag = self.sealer()?.tag(&holder.to_string());
        for id in ids {
            sqlx::query(
                "DELETE FROM evidence_files WHERE id = $1 AND holder_tag = $2 AND case_id IS NULL",
            )
            .bind(*id)
            .bind(&tag)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// Deletes every file `holder` still holds (their data being erased).
    pub(super) async fn drop_all_held_files(
        &self,
        tx: &mut Transaction<'static, Any>,
        holder: &UserRef,
    ) -> Result<()> {
        let Some(sealer) = &self.sealer else {
            return Ok(());
        };
        sqlx::query("DELETE FROM evidence_files WHERE holder_tag = $1 AND case_id IS NULL")
            .bind(sealer.tag(&holder.to_string()))
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// The files `holder` holds now (for `my data`).
    pub async fn held_files(&self, holder: &UserRef) -> Result<Vec<HeldFile>> {
        let Some(sealer) = &self.sealer else {
            return Ok(vec![]);
        };
        let rows = sqlx::query(
            "SELECT id, name_sealed, mime, size FROM evidence_files WHERE holder_tag = $1 AND case_id IS NULL ORDER BY id",
        )
        .bind(sealer.tag(&holder.to_string()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                Ok(HeldFile {
                    id,
                    name: sealer.open(
                        Purpose::Evidence,
                        &name_aad(id),
                        &r.try_get::<String, _>("name_sealed")?,
                    )?,
                    mime: r.try_get("mime")?,
                    size: r.try_get::<i64, _>("size")?.max(0) as u64,
                })
            })
            .collect()
    }

    /// Deletes held files older than `HELD_FOR_DAYS` days; how many went.
    pub async fn drop_stale_held_files(&self, now: DateTime<Utc>) -> Result<u64> {
        let before = now - chrono::Duration::days(HELD_FOR_DAYS);
        let done =
            sqlx::query("DELETE FROM evidence_files WHERE case_id IS NULL AND created_at < $1")
                .bind(to_millis(before))
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected())
    }

    /// A case's files, in the order they were sent.
    pub async fn case_files(&self, case_id: i64) -> Result<Vec<EvidenceFile>> {
        let rows =
            sqlx::query("SELECT id, mime, size FROM evidence_files WHERE case_id = $1 ORDER BY id")
                .bind(case_id)
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| {
                Ok(EvidenceFile {
                    id: r.try_get("id")?,
                    mime: r.try_get("mime")?,
                    size: r.try_get::<i64, _>("size")?.max(0) as u64,
                })
            })
            .collect()
    }

    /// The contents of one of a case's files, unsealed.
    pub async fn evidence_data(&self, case_id: i64, file_id: i64) -> Result<Vec<u8>> {
        let sealed: Option<Vec<u8>> = sqlx::query_scalar(
            "SELECT data_sealed FROM evidence_files WHERE id = $1 AND case_id = $2",
        )
        .bind(file_id)
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?;
        let sealed = sealed.ok_or_else(|| {
            Error::Internal(anyhow::anyhow!("case {case_id} has no file {file_id}"))
        })?;
        self.sealer()?
            .open_bytes(Purpose::Evidence, &data_aad(file_id), &sealed)
    }
}

/// What an evidence file's sealed name is bound to.
pub(super) fn name_aad(id: i64) -> String {
    format!("evidence:{id}:name")
}

/// What an evidence file's sealed contents are bound to.
pub(super) fn data_aad(id: i64) -> String {
    format!("evidence:{id}:data")
}
