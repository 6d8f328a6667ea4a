//! `tandem backup`: a consistent copy of a SQLite database, taken while the bot runs.
//!
//! SQLite's `VACUUM INTO` writes a new, compacted database file from one read transaction:
//! with write-ahead logging a reader never blocks the writer, so steps go on committing
//! while the copy is made, and the copy holds exactly what was committed when it began.
//! The copy is then read back (`PRAGMA integrity_check`) before it is called good.
//! PostgreSQL has its own tools (`pg_dump`); the command says so rather than copying.

use std::path::Path;

use super::{Backend, Store, sql};
use crate::error::Result;

impl Store {
    /// Writes a consistent copy of this SQLite database to `path`, which must not exist.
    pub async fn backup_into(&self, path: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(
                anyhow::anyhow!("only a SQLite database is copied by tandem backup").into(),
            );
        }
        sql::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().to_string())
            .execute(self.db()?.exec())
            .await?;
        Ok(())
    }

    /// SQLite's own check of the whole file: `None` when it is sound, else what is wrong.
    pub async fn integrity_problem(&self) -> Result<Option<String>> {
        let rows = sql::query("PRAGMA integrity_check")
            .fetch_all(self.db()?.exec())
            .await?;
        let said: Vec<String> = rows
            .iter()
            .filter_map(|r| r.try_get_at::<String>(0).ok())
            .collect();
        Ok((said != ["ok"]).then(|| said.join("; ")))
    }
}
