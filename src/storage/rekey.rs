//! Bringing what older versions sealed up to the current format, once at startup.
//!
//! Version 1 sealed reporters and evidence with the master key and no associated data,
//! and tagged reporters with it; it left a reporter's waiting question and their reply in
//! progress in plain JSON. [`Store::rekey`] re-seals and re-tags all of it in one
//! transaction, so the queries by tag (a person's reports today, their erasure) find old
//! cases again. Each row is rewritten only if it still holds what was read, so two
//! processes starting together on one database do the work once.

use std::collections::HashMap;

use sqlx::{Any, Transaction};

use super::Store;
use super::conversations::{decode_state, encode_state};
use super::evidence::{data_aad, name_aad};
use super::prompts::{decode_prompt, encode_prompt};
use super::sealer::Purpose;
use crate::domain::UserRef;
use crate::error::Result;
use crate::step::{ConversationState, Prompt};

/// What [`Store::rekey`] re-sealed, and what it could not open.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rekeyed {
    /// Cases whose reporter was re-sealed and re-tagged.
    pub cases: usize,
    /// Evidence files re-sealed.
    pub files: usize,
    /// Waiting questions and replies in progress sealed.
    pub links: usize,
    /// Rows that did not open with this key (`cases 4`, `evidence_files 9`), left as they
    /// are: sealed under another key, or damaged.
    pub unopened: Vec<String>,
}

impl Rekeyed {
    pub fn changed(&self) -> usize {
        self.cases + self.files + self.links
    }
}

impl Store {
    /// Re-seals every value sealed by an older version, and re-tags its row, in one
    /// transaction (see the module doc). Without a case key there is nothing it could open:
    /// nothing is done. Cheap when everything is current. (`S`: the conversations' state.)
    pub async fn rekey<S: ConversationState>(&self) -> Result<Rekeyed> {
        let Some(sealer) = &self.sealer else {
            return Ok(Rekeyed::default());
        };
        let mut done = Rekeyed::default();
        let mut tx = self.pool.begin().await?;

        // Reporters: in v1 the whole value is bare base64 (it has no `:`).
        let old: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, reporter_sealed FROM cases WHERE reporter_sealed NOT LIKE 'v2:%'",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (id, sealed) in old {
            let Ok(who) = sealer.open_reporter(id, &sealed) else {
                done.unopened.push(format!("cases {id}"));
                continue;
            };
            let rewritten = sqlx::query(
                "UPDATE cases SET reporter_sealed = $1, reporter_tag = $2 WHERE id = $3 AND reporter_sealed = $4",
            )
            .bind(sealer.seal_reporter(id, &who)?)
            .bind(sealer.tag(&who))
            .bind(id)
            .bind(&sealed)
            .execute(&mut *tx)
            .await?;
            // Not rewritten: another process starting on this database did it first.
            done.cases += rewritten.rows_affected() as usize;
        }

        // Evidence: a file's name and contents were sealed together, so the name tells
        // the version of both. One file's contents in memory at a time.
        let old: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, name_sealed, case_id FROM evidence_files WHERE name_sealed NOT LIKE 'v2:%' ORDER BY id",
        )
        .fetch_all(&mut *tx)
        .await?;
        // A held file's tag names its sender, whom the row does not hold: its v1 tag is
        // matched against the people writing something now (a held file belongs to a
        // report in progress). Files held by nobody writing are left to expire with their
        // old tag: no flow can attach them any more.
        let mut holders: Option<HashMap<String, String>> = None;
        for (id, name, case_id) in old {
            let data: Vec<u8> =
                sqlx::query_scalar("SELECT data_sealed FROM evidence_files WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            let opened = sealer
                .open(Purpose::Evidence, &name_aad(id), &name)
                .and_then(|n| {
                    Ok((
                        n,
                        sealer.open_bytes(Purpose::Evidence, &data_aad(id), &data)?,
                    ))
                });
            let Ok((plain_name, plain_data)) = opened else {
                done.unopened.push(format!("evidence_files {id}"));
                continue;
            };
            let rewritten = sqlx::query(
                "UPDATE evidence_files SET name_sealed = $1, data_sealed = $2 WHERE id = $3 AND name_sealed = $4",
            )
            .bind(sealer.seal(Purpose::Evidence, &name_aad(id), &plain_name)?)
            .bind(sealer.seal_bytes(Purpose::Evidence, &data_aad(id), &plain_data)?)
            .bind(id)
            .bind(&name)
            .execute(&mut *tx)
            .await?;
            done.files += rewritten.rows_affected() as usize;
            if case_id.is_none() {
                if holders.is_none() {
                    let people: Vec<(String, String)> =
                        sqlx::query_as("SELECT platform, user_id FROM conversations")
                            .fetch_all(&mut *tx)
                            .await?;
                    holders = Some(
                        people
                            .into_iter()
                            .map(|(p, u)| {
                                let who = format!("{p}:{u}");
                                (sealer.legacy_tag(&who), sealer.tag(&who))
                            })
                            .collect(),
                    );
                }
                let tag: Option<String> =
                    sqlx::query_scalar("SELECT holder_tag FROM evidence_files WHERE id = $1")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                if let Some(new) = tag.and_then(|t| holders.as_ref()?.get(&t).cloned()) {
                    sqlx::query("UPDATE evidence_files SET holder_tag = $1 WHERE id = $2")
                        .bind(new)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }

        // A reporter's waiting question and their reply in progress, plain in v1.
        done.links += seal_links(
            &mut tx,
            "pending_prompts",
            "prompt",
            "case_question",
            |user, json| {
                Ok(match decode_prompt(None, user, json.to_string()) {
                    Ok(prompt @ Prompt::CaseQuestion { .. }) => {
                        Some(encode_prompt(Some(sealer), user, &prompt)?)
                    }
                    _ => None,
                })
            },
        )
        .await?;
        // The version stays: the state is the same, only stored differently, so a step
        // read before this still commits.
        done.links += seal_links(
            &mut tx,
            "conversations",
            "state",
            "case_reply",
            |user, json| {
                Ok(match decode_state(None, user, json.to_string()) {
                    Ok(state) if S::links_case(&state) => {
                        Some(encode_state(Some(sealer), user, &state)?)
                    }
                    _ => None,
                })
            },
        )
        .await?;
        tx.commit().await?;
        Ok(done)
    }
}

/// Seals the JSON rows of `table` (in `column`, owned by `platform` and `user_id`) stored
/// plain that tie their owner to a case: `sealed` gives a row's value sealed, or `None`
/// when it ties no one. Rows whose JSON mentions `hint` are read (the LIKE only narrows
/// them; the JSON decides), and each is rewritten only if it still holds what was read.
/// Returns how many were rewritten. (`table`, `column` and `hint` are the caller's own
/// constants.)
async fn seal_links(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    column: &str,
    hint: &str,
    sealed: impl Fn(&UserRef, &str) -> Result<Option<String>>,
) -> Result<usize> {
    let old: Vec<(i64, String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, platform, user_id, {column} FROM {table} WHERE {column} NOT LIKE 'sealed:%' AND {column} LIKE '%{hint}%'"
    )))
    .fetch_all(&mut **tx)
    .await?;
    let mut rewritten = 0;
    for (id, platform, user_id, json) in old {
        let Some(user) = user_ref(&platform, &user_id) else {
            continue;
        };
        let Some(value) = sealed(&user, &json)? else {
            continue;
        };
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} = $3"
        )))
        .bind(value)
        .bind(id)
        .bind(&json)
        .execute(&mut **tx)
        .await?;
        rewritten += done.rows_affected() as usize;
    }
    Ok(rewritten)
}

fn user_ref(platform: &str, id: &str) -> Option<UserRef> {
    Some(UserRef::new(platform.parse().ok()?, id))
}
