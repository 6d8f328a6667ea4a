//! Linked accounts (`domain::accounts`): which account is read as which person, where
//! each person's DMs go, and the one-time codes that link them (stored as hashes).
//!
//! The app keeps the links in memory (`app::links`) and reads them all again from here
//! now and then; the writes come from a step's effects, in its transaction.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Store, to_millis};
use crate::domain::{Platform, UserRef};
use crate::error::Result;

/// A stored link: the other account, the person it is read as, whether the person's DMs
/// go to the other account, and when they were linked.
pub type LinkRow = (UserRef, UserRef, bool, DateTime<Utc>);

fn user(platform: String, id: String) -> Result<UserRef> {
    Ok(UserRef::new(
        platform.parse::<Platform>().map_err(anyhow::Error::msg)?,
        id,
    ))
}

impl Store {
    /// Every link.
    pub async fn linked_accounts(&self) -> Result<Vec<LinkRow>> {
        let rows = sqlx::query(
            "SELECT platform, user_id, person_platform, person_id, dm_here, linked_at FROM linked_accounts",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    user(r.try_get("platform")?, r.try_get("user_id")?)?,
                    user(r.try_get("person_platform")?, r.try_get("person_id")?)?,
                    r.try_get::<i64, _>("dm_here")? != 0,
                    super::from_millis(r.try_get("linked_at")?),
                ))
            })
            .collect()
    }

    /// What is kept of a code: a hash keyed with the case key where there is one (so that
    /// a copy of the database cannot be searched for the code), else a plain one.
    fn link_code_hash(&self, code: &str) -> String {
        match &self.sealer {
            Some(sealer) => sealer.tag(&format!("link code {code}")),
            None => crate::domain::accounts::code_hash(code),
        }
    }

    /// The account that made `code`, if it has not expired.
    pub async fn link_code_owner(&self, code: &str, now: DateTime<Utc>) -> Result<Option<UserRef>> {
        let hash = self.link_code_hash(code);
        let row = sqlx::query(
            "SELECT platform, user_id FROM link_codes WHERE code_hash = $1 AND expires_at > $2",
        )
        .bind(&hash)
        .bind(to_millis(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| user(r.try_get("platform")?, r.try_get("user_id")?))
            .transpose()
    }

    /// Keeps `account`'s new code (by its hash) until `expires`, in place of any earlier
    /// one; expired codes of anyone go at the same time.
    pub(super) async fn store_link_code(
        &self,
        tx: &mut Transaction<'static, Any>,
        account: &UserRef,
        code: &str,
        expires: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "DELETE FROM link_codes WHERE (platform = $1 AND user_id = $2) OR expires_at <= $3",
        )
        .bind(account.platform.as_str())
        .bind(&account.id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO link_codes (code_hash, platform, user_id, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(self.link_code_hash(code))
        .bind(account.platform.as_str())
        .bind(&account.id)
        .bind(to_millis(expires))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Reads `other` as `person` from now on; the person's DMs stay where they were until
    /// they write from `other`. Their codes are used up. A conflict (the step is decided
    /// again) if either was linked meanwhile.
    pub(super) async fn link_accounts(
        &self,
        tx: &mut Transaction<'static, Any>,
        person: &UserRef,
        other: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let taken: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM linked_accounts WHERE (platform = $1 AND user_id = $2) \
             OR (person_platform = $1 AND person_id = $2) \
             OR (platform = $3 AND user_id = $4) OR (person_platform = $3 AND person_id = $4)",
        )
        .bind(person.platform.as_str())
        .bind(&person.id)
        .bind(other.platform.as_str())
        .bind(&other.id)
        .fetch_one(&mut **tx)
        .await?;
        if taken > 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO linked_accounts (platform, user_id, person_platform, person_id, dm_here, linked_at) \
             VALUES ($1, $2, $3, $4, 0, $5)",
        )
        .bind(other.platform.as_str())
        .bind(&other.id)
        .bind(person.platform.as_str())
        .bind(&person.id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?;
        self.forget_link_codes(tx, person).await?;
        self.forget_link_codes(tx, other).await?;
        // On record for the safeguarding leads: each account, with the other's platform.
        for (account, with) in [(person, other), (other, person)] {
            let reason = format!("with their {} account", with.platform.display());
            self.log_done(tx, account, "link", &reason, now).await?;
        }
        Ok(true)
    }

    /// Gives `account` the applications a coordinator entered for `assisted` (the stand-in
    /// of someone without a chat account: `flows::assist`), with the questions waiting for
    /// them, using up `code`. A conflict (the step is decided again, and finds the code
    /// gone) unless this step is the one that uses the code (still the stand-in's, not
    /// expired: deleting its row also makes two claims wait for each other), or if
    /// `account` has an application to one of the same programmes (one each is allowed).
    pub(super) async fn claim_assisted(
        &self,
        tx: &mut Transaction<'static, Any>,
        assisted: &UserRef,
        account: &UserRef,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let used = sqlx::query(
            "DELETE FROM link_codes WHERE code_hash = $1 AND platform = $2 AND user_id = $3 AND expires_at > $4",
        )
        .bind(self.link_code_hash(code))
        .bind(assisted.platform.as_str())
        .bind(&assisted.id)
        .bind(to_millis(now))
        .execute(&mut **tx)
        .await?
        .rows_affected();
        let clash: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM applications a JOIN applications b ON a.programme = b.programme \
             WHERE a.platform = $1 AND a.user_id = $2 AND a.status <> 'withdrawn' \
             AND b.platform = $3 AND b.user_id = $4 AND b.status <> 'withdrawn'",
        )
        .bind(account.platform.as_str())
        .bind(&account.id)
        .bind(assisted.platform.as_str())
        .bind(&assisted.id)
        .fetch_one(&mut **tx)
        .await?;
        if used != 1 || clash > 0 {
            return Ok(false);
        }
        let moved = sqlx::query(
            "UPDATE applications SET platform = $1, user_id = $2 WHERE platform = $3 AND user_id = $4",
        )
        .bind(account.platform.as_str())
        .bind(&account.id)
        .bind(assisted.platform.as_str())
        .bind(&assisted.id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE pending_prompts SET platform = $1, user_id = $2 WHERE platform = $3 AND user_id = $4",
        )
        .bind(account.platform.as_str())
        .bind(&account.id)
        .bind(assisted.platform.as_str())
        .bind(&assisted.id)
        .execute(&mut **tx)
        .await?;
        self.forget_link_codes(tx, assisted).await?;
        self.log_done(
            tx,
            account,
            "take over an assisted application",
            &format!("entered for them as {}", assisted.id),
            now,
        )
        .await?;
        Ok(true)
    }

    /// The other accounts linked to `person`, read in the transaction.
    pub(super) async fn accounts_linked_to(
        &self,
        tx: &mut Transaction<'static, Any>,
        person: &UserRef,
    ) -> Result<Vec<UserRef>> {
        let rows = sqlx::query(
            "SELECT platform, user_id FROM linked_accounts WHERE person_platform = $1 AND person_id = $2",
        )
        .bind(person.platform.as_str())
        .bind(&person.id)
        .fetch_all(&mut **tx)
        .await?;
        rows.iter()
            .map(|r| user(r.try_get("platform")?, r.try_get("user_id")?))
            .collect()
    }

    /// Ends every link of `account`, as the person or as the other account.
    pub(super) async fn unlink_account(
        &self,
        tx: &mut Transaction<'static, Any>,
        account: &UserRef,
    ) -> Result<()> {
        sqlx::query(
            "DELETE FROM linked_accounts WHERE (platform = $1 AND user_id = $2) \
             OR (person_platform = $1 AND person_id = $2)",
        )
        .bind(account.platform.as_str())
        .bind(&account.id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// `unlink`: ends `account`'s link, on record for both accounts.
    pub(super) async fn unlink_by_owner(
        &self,
        tx: &mut Transaction<'static, Any>,
        account: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut both = self.accounts_linked_to(tx, account).await?;
        both.push(account.clone());
        self.unlink_account(tx, account).await?;
        for a in &both {
            self.log_done(tx, a, "unlink", "", now).await?;
        }
        Ok(())
    }

    /// Sends `person`'s DMs to their other account (`here`), or to their own.
    pub(super) async fn set_dm_account(
        &self,
        tx: &mut Transaction<'static, Any>,
        person: &UserRef,
        here: bool,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE linked_accounts SET dm_here = $1 WHERE person_platform = $2 AND person_id = $3",
        )
        .bind(i64::from(here))
        .bind(person.platform.as_str())
        .bind(&person.id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Forgets `account`'s link code, if it has one.
    pub(super) async fn forget_link_codes(
        &self,
        tx: &mut Transaction<'static, Any>,
        account: &UserRef,
    ) -> Result<()> {
        sqlx::query("DELETE FROM link_codes WHERE platform = $1 AND user_id = $2")
            .bind(account.platform.as_str())
            .bind(&account.id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}
