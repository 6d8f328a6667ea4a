//! The language each person chose (`language`): read all at once by the app, which keeps
//! them in memory (`app::languages`), and written by a step's effect, in its transaction.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, to_millis};
use crate::domain::{Platform, UserRef};
use crate::error::Result;
use crate::i18n::Locale;

impl Store {
    /// Every person's chosen language (a language no longer shipped is left out: they are
    /// written to in the deployment's).
    pub async fn person_languages(&self) -> Result<Vec<(UserRef, Locale)>> {
        let rows = sqlx::query("SELECT platform, user_id, locale FROM person_languages")
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let platform: String = r.try_get("platform")?;
            let Ok(platform) = platform.parse::<Platform>() else {
                continue;
            };
            let locale: String = r.try_get("locale")?;
            if let Some(locale) = Locale::from_tag(&locale) {
                out.push((
                    UserRef::new(platform, r.try_get::<String, _>("user_id")?),
                    locale,
                ));
            }
        }
        Ok(out)
    }

    /// `user`'s language, if they chose one.
    pub async fn person_language(&self, user: &UserRef) -> Result<Option<Locale>> {
        let tag: Option<String> = sqlx::query_scalar(
            "SELECT locale FROM person_languages WHERE platform = $1 AND user_id = $2",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(tag.as_deref().and_then(Locale::from_tag))
    }

    pub(super) async fn set_language(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        locale: Locale,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO person_languages (platform, user_id, locale, set_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (platform, user_id) DO UPDATE SET locale = excluded.locale, set_at = excluded.set_at",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(locale.tag())
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub(super) async fn forget_language(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
    ) -> Result<()> {
        sqlx::query("DELETE FROM person_languages WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}
