//! Linked accounts: one person on Matrix and on Discord.
//!
//! A person types `link` on one account and gets a one-time code; typing `link <code>` on
//! their account on the other platform makes that account theirs too. Their data stays
//! under the account that gave the code (the *person*); the account that typed it (the
//! *other*) is read as the person from then on, so there is one application, one
//! conversation and one set of matches. Their DMs go to the account they last wrote from.
//!
//! The code is the only thing standing between a stranger's account and someone's place
//! in a programme, so it is random (40 bits, from the app), short-lived
//! ([`CODE_MINUTES`]), stored only as a hash, and always given by the account that holds
//! the data: an account that has applied cannot be made someone else's by typing a code
//! it was sent.

use super::UserRef;

/// How long a code may be typed, in minutes.
pub const CODE_MINUTES: i64 = 15;

/// How long the code for an assisted application may be typed, in days: it is given on
/// the phone or on paper to someone who has yet to join the chat, so it lasts (a
/// coordinator can make a new one, which ends the old).
pub const ASSISTED_CODE_DAYS: i64 = 60;

/// For how long after a link the account that typed the code may not take the person's
/// data (`my data`) or erase it: long enough for the owner, told at once on their own
/// account, to `unlink` a link they did not make (a code phished from them).
pub const SETTLING_HOURS: i64 = 24;

/// Letters and digits that are hard to mistake for one another (no 0/O, 1/I/L, 5/S, 8):
/// 28 of them, so 28^8 codes, about 38 bits.
const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY234679ZB";
const USED: usize = ALPHABET.len();
/// Characters in a code.
const CODE_LEN: usize = 8;

/// A person's other account, as the app knows it for a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    /// The account on the other platform.
    pub other: UserRef,
    /// Whether the person's DMs go to `other` (they last wrote from it).
    pub dm_other: bool,
    /// Whether this step's message was written from `other`.
    pub from_other: bool,
    /// When they were linked.
    pub since: chrono::DateTime<chrono::Utc>,
}

impl Linked {
    /// The account a message of this step was written from.
    pub fn typed_from<'a>(&'a self, person: &'a UserRef) -> &'a UserRef {
        if self.from_other { &self.other } else { person }
    }

    /// The account that did not write this step's message.
    pub fn not_typed_from<'a>(&'a self, person: &'a UserRef) -> &'a UserRef {
        if self.from_other { person } else { &self.other }
    }

    /// Whether this step comes from the account that typed the code, within
    /// [`SETTLING_HOURS`] of the link (`my data` and `delete my data` then wait).
    pub fn settling(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        self.from_other && now < self.since + chrono::Duration::hours(SETTLING_HOURS)
    }
}

/// A code made from `random` bytes (from the app's randomness): `KQ7X-MDPA`.
pub fn code_from(random: [u8; CODE_LEN]) -> String {
    let chars: String = random
        .iter()
        // 256 is not a multiple of 28: the first 4 letters come a little more often
        // (10 in 256 against 9), which costs a fraction of a bit.
        .map(|b| ALPHABET[usize::from(*b) % USED] as char)
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// A code as typed (any case, with or without its dash or spaces), in the form it was
/// made in; `None` when it cannot be one.
pub fn parse_code(typed: &str) -> Option<String> {
    let chars: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '–' | '_'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (chars.chars().count() == CODE_LEN && chars.bytes().all(|b| ALPHABET.contains(&b)))
        .then(|| format!("{}-{}", &chars[..4], &chars[4..]))
}

/// What is stored of a code: a hash (a database read does not give a working code).
pub fn code_hash(code: &str) -> String {
    blake3::hash(format!("tandem link code {code}").as_bytes())
        .to_hex()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = code_from([0, 1, 2, 3, 200, 201, 202, 255]);
        assert_eq!(code.len(), 9);
        assert_eq!(parse_code(&code).as_deref(), Some(code.as_str()));
        let sloppy = code.to_lowercase().replace('-', " ");
        assert_eq!(parse_code(&sloppy).as_deref(), Some(code.as_str()));
        assert_eq!(
            parse_code(&code.replace('-', "")).as_deref(),
            Some(code.as_str())
        );
    }

    #[test]
    fn words_and_ambiguous_letters_are_not_codes() {
        for typed in [
            "",
            "prefer",
            "matrix",
            "ABCD-EFG",
            "ABCD-EFGHI",
            "0OIL-1111",
            "AC DE FG H!",
        ] {
            assert_eq!(parse_code(typed), None, "{typed}");
        }
    }

    #[test]
    fn only_the_hash_of_a_code_is_kept_and_it_differs_per_code() {
        let (a, b) = (code_from([1; 8]), code_from([2; 8]));
        assert_ne!(code_hash(&a), code_hash(&b));
        assert!(!code_hash(&a).contains(&a));
    }

    #[test]
    fn a_step_knows_which_account_it_was_typed_from() {
        let person = UserRef::new(Platform::Matrix, "@amina:example.org");
        let since = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let linked = Linked {
            other: UserRef::new(Platform::Discord, "42"),
            dm_other: false,
            from_other: true,
            since,
        };
        assert_eq!(linked.typed_from(&person).platform, Platform::Discord);
        assert_eq!(linked.not_typed_from(&person), &person);
        assert!(linked.settling(since + chrono::Duration::hours(23)));
        assert!(!linked.settling(since + chrono::Duration::hours(24)));
        let own = Linked {
            from_other: false,
            ..linked
        };
        assert!(!own.settling(since));
    }
}
