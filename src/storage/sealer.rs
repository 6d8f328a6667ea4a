//! Sealing at rest with the case key: who reported a case, evidence files, and a
//! reporter's link to their case while a moderator's question waits for them.
//!
//! The case key (`TANDEM_CASE_KEY`, 32 bytes; never in the database) is a master key only:
//! each use seals or tags under its own subkey, `blake3::derive_key(context, master)`, so a
//! value made for one use means nothing to another (a tag can never be turned into a seal,
//! nor a held file's tag matched with a key that opens reporters). Values are sealed with
//! XChaCha20-Poly1305 under a random 24-byte nonce, with associated data naming the row
//! they belong to (`case:7`, `evidence:12:data`, `conversations:matrix:@a:b`): a sealed
//! value copied onto another row does not open there.
//!
//! Formats, version 2 (the version is in the value, so no migration marks it):
//! - text: `v2:` then base64 of nonce ‖ ciphertext (with its tag);
//! - bytes: the 8 bytes [`BYTES_V2`] (`\0tandem2`), then nonce ‖ ciphertext;
//! - a sealed JSON row that is otherwise plain (a waiting prompt, a conversation):
//!   `sealed:v2:` then base64, as above ([`LINK_PREFIX`]).
//!
//! Version 1 (before December 2026) sealed with the master key itself and no associated
//! data: text as bare base64 (which never holds a `:`), bytes as nonce ‖ ciphertext. Both
//! still open here, and [`super::Store::rekey`] re-seals them (and re-tags their rows) at
//! startup. A v1 byte value starts with [`BYTES_V2`] by chance once in 2^64; should that
//! happen it still opens, as v1, once it fails as v2.
//!
//! To seal something new: add a [`Purpose`] with a context string of its own (never
//! reuse or change one: it is part of every value sealed under it), seal with associated
//! data naming the row the value sits on, and if rows already hold it in an older form,
//! teach `Store::rekey` to bring them up to date. A new format is a new version prefix
//! (`v3:`), opened beside the old ones until `rekey` has moved every row.

use anyhow::{Context, anyhow};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use crate::domain::UserRef;
use crate::error::Result;

/// What a value is sealed for: each purpose has its own subkey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    /// A case's reporter (`platform:id`), bound to `case:<id>`.
    Reporter,
    /// An evidence file's name and contents, bound to `evidence:<id>:name|data`.
    Evidence,
    /// A waiting prompt or conversation that ties a reporter to their case, bound to its
    /// table and owner.
    PendingLink,
}

impl Purpose {
    /// The key derivation context: fixed forever for values sealed under it.
    fn context(self) -> &'static str {
        match self {
            Purpose::Reporter => "tandem 2026-12 case reporter seal",
            Purpose::Evidence => "tandem 2026-12 evidence seal",
            Purpose::PendingLink => "tandem 2026-12 pending link seal",
        }
    }
}

/// The context of the subkey that tags people (a case's reporter, a held file's sender).
const TAG_CONTEXT: &str = "tandem 2026-12 reporter tag";

/// The start of a version 2 text value.
const TEXT_V2: &str = "v2:";

/// The start of a version 2 byte value.
pub(super) const BYTES_V2: &[u8; 8] = b"\0tandem2";

/// The start of a JSON row sealed because it ties a reporter to a case.
pub(super) const LINK_PREFIX: &str = "sealed:v2:";

const NONCE: usize = 24;

/// Seals and opens what the case key protects.
#[derive(Clone)]
pub struct Sealer {
    /// Opens version 1 values and makes version 1 tags, for `rekey` only.
    master: [u8; 32],
    reporter: [u8; 32],
    evidence: [u8; 32],
    link: [u8; 32],
    tag: [u8; 32],
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

impl Sealer {
    /// A key given as 64 hex digits or base64 of 32 bytes.
    pub fn from_text(text: &str) -> anyhow::Result<Sealer> {
        let t = text.trim();
        let bytes = if t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16))
                .collect::<std::result::Result<Vec<u8>, _>>()?
        } else {
            B64.decode(t)
                .context("the case key is neither 64 hex digits nor base64")?
        };
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow!("the case key must be 32 bytes"))?;
        Ok(Sealer::from_master(key))
    }

    fn from_master(master: [u8; 32]) -> Sealer {
        let derive = |purpose: Purpose| blake3::derive_key(purpose.context(), &master);
        Sealer {
            reporter: derive(Purpose::Reporter),
            evidence: derive(Purpose::Evidence),
            link: derive(Purpose::PendingLink),
            tag: blake3::derive_key(TAG_CONTEXT, &master),
            master,
        }
    }

    /// A fresh random key, as 64 hex digits.
    pub fn generate_text() -> anyhow::Result<String> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| anyhow!("no randomness for a key: {e}"))?;
        Ok(key.iter().map(|b| format!("{b:02x}")).collect())
    }

    fn subkey(&self, purpose: Purpose) -> &[u8; 32] {
        match purpose {
            Purpose::Reporter => &self.reporter,
            Purpose::Evidence => &self.evidence,
            Purpose::PendingLink => &self.link,
        }
    }

    /// Text sealed for `purpose` on the row `aad` names (version 2).
    pub(super) fn seal(&self, purpose: Purpose, aad: &str, plain: &str) -> Result<String> {
        let sealed = encrypt(self.subkey(purpose), aad.as_bytes(), plain.as_bytes())?;
        Ok(format!("{TEXT_V2}{}", B64.encode(sealed)))
    }

    /// Opens text sealed by [`Sealer::seal`] for the same purpose and row, or by version 1.
    pub(super) fn open(&self, purpose: Purpose, aad: &str, sealed: &str) -> Result<String> {
        let plain = match sealed.strip_prefix(TEXT_V2) {
            Some(v2) => {
                let bytes = B64.decode(v2).context("a sealed text is not base64")?;
                decrypt(self.subkey(purpose), aad.as_bytes(), &bytes)?
            }
            None => {
                let bytes = B64.decode(sealed).context("a sealed text is not base64")?;
                decrypt(&self.master, b"", &bytes)?
            }
        };
        Ok(String::from_utf8(plain).context("a sealed text is not text")?)
    }

    /// Bytes sealed for `purpose` on the row `aad` names (version 2).
    pub(super) fn seal_bytes(&self, purpose: Purpose, aad: &str, plain: &[u8]) -> Result<Vec<u8>> {
        let mut out = BYTES_V2.to_vec();
        out.extend(encrypt(self.subkey(purpose), aad.as_bytes(), plain)?);
        Ok(out)
    }

    /// Opens bytes sealed by [`Sealer::seal_bytes`] for the same purpose and row, or by
    /// version 1.
    pub(super) fn open_bytes(&self, purpose: Purpose, aad: &str, sealed: &[u8]) -> Result<Vec<u8>> {
        if let Some(v2) = sealed.strip_prefix(BYTES_V2.as_slice()) {
            match decrypt(self.subkey(purpose), aad.as_bytes(), v2) {
                Ok(plain) => return Ok(plain),
                // A v1 value whose random nonce began with the marker (see the module doc).
                Err(e) => return decrypt(&self.master, b"", sealed).map_err(|_| e),
            }
        }
        decrypt(&self.master, b"", sealed)
    }

    /// A reporter sealed on their case.
    pub(super) fn seal_reporter(&self, case_id: i64, who: &str) -> Result<String> {
        self.seal(Purpose::Reporter, &case_aad(case_id), who)
    }

    pub(super) fn open_reporter(&self, case_id: i64, sealed: &str) -> Result<String> {
        self.open(Purpose::Reporter, &case_aad(case_id), sealed)
    }

    /// A JSON row that ties its owner to a case, sealed on `table` under its owner (as
    /// `platform:id`), with [`LINK_PREFIX`].
    pub(super) fn seal_link(&self, table: &str, owner: &str, json: &str) -> Result<String> {
        let sealed = encrypt(
            &self.link,
            link_aad(table, owner).as_bytes(),
            json.as_bytes(),
        )?;
        Ok(format!("{LINK_PREFIX}{}", B64.encode(sealed)))
    }

    /// Opens a row sealed by [`Sealer::seal_link`] (its text without the prefix checked).
    pub(super) fn open_link(&self, table: &str, owner: &str, sealed: &str) -> Result<String> {
        let body = sealed
            .strip_prefix(LINK_PREFIX)
            .ok_or_else(|| anyhow!("a sealed row of {table} has no version"))?;
        let bytes = B64.decode(body).context("a sealed row is not base64")?;
        let plain = decrypt(&self.link, link_aad(table, owner).as_bytes(), &bytes)?;
        Ok(String::from_utf8(plain).context("a sealed row is not text")?)
    }

    /// A keyed hash of a person: the same person gives the same tag, which says nothing
    /// about them without the key.
    pub(super) fn tag(&self, plain: &str) -> String {
        blake3::keyed_hash(&self.tag, plain.as_bytes())
            .to_hex()
            .to_string()
    }

    /// The tag version 1 made (with the master key): only to find old rows again.
    pub(super) fn legacy_tag(&self, plain: &str) -> String {
        blake3::keyed_hash(&self.master, plain.as_bytes())
            .to_hex()
            .to_string()
    }
}

/// A JSON row as stored in `table` for `owner`: sealed (with [`LINK_PREFIX`]) when it
/// `links_case` (ties its owner to a case, as a reporter) and a case key is configured;
/// as it is otherwise. Without a key nothing is sealed, but then no report can be taken
/// either, so no row ties anyone to a case.
pub(super) fn store_json(
    sealer: Option<&Sealer>,
    table: &str,
    owner: &UserRef,
    json: String,
    links_case: bool,
) -> Result<String> {
    match sealer {
        Some(sealer) if links_case => sealer.seal_link(table, &owner.to_string(), &json),
        _ => Ok(json),
    }
}

/// A JSON row as [`store_json`] stored it, unsealed if it was sealed.
pub(super) fn load_json(
    sealer: Option<&Sealer>,
    table: &str,
    owner: &UserRef,
    stored: String,
) -> Result<String> {
    if !stored.starts_with(LINK_PREFIX) {
        return Ok(stored);
    }
    let sealer = sealer.ok_or_else(|| anyhow!("a sealed row of {table} needs the case key"))?;
    sealer.open_link(table, &owner.to_string(), &stored)
}

fn case_aad(case_id: i64) -> String {
    format!("case:{case_id}")
}

fn link_aad(table: &str, owner: &str) -> String {
    format!("{table}:{owner}")
}

/// The nonce, then the ciphertext with its tag.
fn encrypt(key: &[u8; 32], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; NONCE];
    getrandom::fill(&mut nonce).map_err(|e| anyhow!("no randomness for a nonce: {e}"))?;
    let sealed = cipher
        .encrypt(&XNonce::from(nonce), Payload { msg: plain, aad })
        .map_err(|_| anyhow!("sealing failed"))?;
    let mut out = nonce.to_vec();
    out.extend(sealed);
    Ok(out)
}

fn decrypt(key: &[u8; 32], aad: &[u8], bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.len() < NONCE {
        return Err(anyhow!("a sealed value is too short").into());
    }
    let (nonce, body) = bytes.split_at(NONCE);
    let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| anyhow!("a bad nonce"))?;
    let cipher = XChaCha20Poly1305::new(key.into());
    Ok(cipher
        .decrypt(&XNonce::from(nonce), Payload { msg: body, aad })
        .map_err(|_| anyhow!("a sealed value does not open with this case key here"))?)
}

/// Version 1 values, as releases before December 2026 wrote them: for the tests that
/// prove old rows still open and are re-sealed.
#[cfg(test)]
impl Sealer {
    fn seal_v1(&self, plain: &str) -> String {
        B64.encode(encrypt(&self.master, b"", plain.as_bytes()).unwrap())
    }

    fn seal_v1_bytes(&self, plain: &[u8]) -> Vec<u8> {
        encrypt(&self.master, b"", plain).unwrap()
    }

    /// Whether a sealed text is in the current version (`rekey` asks the same in SQL).
    fn is_current(sealed: &str) -> bool {
        sealed.starts_with(TEXT_V2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MASTER: [u8; 32] = [0x1f; 32];

    fn sealer() -> Sealer {
        Sealer::from_master(MASTER)
    }

    #[test]
    fn a_sealed_reporter_copied_onto_another_case_does_not_open() {
        let s = sealer();
        let sealed = s.seal_reporter(7, "matrix:@amina:example.org").unwrap();
        assert_eq!(
            s.open_reporter(7, &sealed).unwrap(),
            "matrix:@amina:example.org"
        );
        assert!(s.open_reporter(8, &sealed).is_err());
    }

    #[test]
    fn a_sealed_evidence_file_copied_onto_another_row_does_not_open() {
        let s = sealer();
        let sealed = s
            .seal_bytes(Purpose::Evidence, "evidence:3:data", b"a picture")
            .unwrap();
        assert!(sealed.starts_with(BYTES_V2));
        assert_eq!(
            s.open_bytes(Purpose::Evidence, "evidence:3:data", &sealed)
                .unwrap(),
            b"a picture"
        );
        assert!(
            s.open_bytes(Purpose::Evidence, "evidence:4:data", &sealed)
                .is_err()
        );
        // Nor under another purpose's subkey on the same row.
        assert!(
            s.open_bytes(Purpose::Reporter, "evidence:3:data", &sealed)
                .is_err()
        );
    }

    #[test]
    fn a_sealed_link_opens_only_for_its_table_and_owner() {
        let s = sealer();
        let json = r#"{"prompt":"case_question","case_id":1,"question":"When?"}"#;
        let sealed = s
            .seal_link("pending_prompts", "console:amina", json)
            .unwrap();
        assert!(sealed.starts_with(LINK_PREFIX));
        assert!(!sealed.contains("case_id"));
        assert_eq!(
            s.open_link("pending_prompts", "console:amina", &sealed)
                .unwrap(),
            json
        );
        assert!(
            s.open_link("pending_prompts", "console:lee", &sealed)
                .is_err()
        );
        assert!(
            s.open_link("conversations", "console:amina", &sealed)
                .is_err()
        );
    }

    #[test]
    fn the_tag_is_not_the_master_keys_hash_of_the_reporter() {
        let s = sealer();
        let who = "discord:1234";
        let old = blake3::keyed_hash(&MASTER, who.as_bytes())
            .to_hex()
            .to_string();
        assert_ne!(s.tag(who), old);
        assert_eq!(s.legacy_tag(who), old);
        assert_eq!(s.tag(who), sealer().tag(who), "a tag is stable");
    }

    #[test]
    fn version_1_values_still_open_and_are_told_from_version_2() {
        let s = sealer();
        let old = s.seal_v1("console:amina");
        assert!(!Sealer::is_current(&old));
        assert_eq!(s.open_reporter(3, &old).unwrap(), "console:amina");
        assert_eq!(
            s.open(Purpose::Evidence, "evidence:9:name", &old).unwrap(),
            "console:amina"
        );
        let old_bytes = s.seal_v1_bytes(b"contents");
        assert_eq!(
            s.open_bytes(Purpose::Evidence, "evidence:9:data", &old_bytes)
                .unwrap(),
            b"contents"
        );
        assert!(Sealer::is_current(
            &s.seal_reporter(3, "console:amina").unwrap()
        ));
    }

    #[test]
    fn a_version_1_value_that_happens_to_start_with_the_marker_still_opens() {
        let s = sealer();
        // Made by hand: v1 with a nonce that begins with the v2 marker.
        let mut nonce = [7u8; NONCE];
        nonce[..BYTES_V2.len()].copy_from_slice(BYTES_V2);
        let cipher = XChaCha20Poly1305::new((&MASTER).into());
        let mut old = nonce.to_vec();
        old.extend(
            cipher
                .encrypt(&XNonce::from(nonce), b"contents".as_slice())
                .unwrap(),
        );
        assert_eq!(
            s.open_bytes(Purpose::Evidence, "evidence:1:data", &old)
                .unwrap(),
            b"contents"
        );
    }

    #[test]
    fn every_subkey_differs_from_the_others_and_from_the_master() {
        let s = sealer();
        let keys = [s.master, s.reporter, s.evidence, s.link, s.tag];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
