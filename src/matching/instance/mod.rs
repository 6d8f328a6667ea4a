//! A matching problem: who can take how many, which pairs are allowed, and what each is
//! worth. Pairs not listed are forbidden.

use serde::{Deserialize, Deserializer as _, Serialize};

mod read;

/// The largest score a pair may have; keeps every sum of scores exact in an `i64`.
pub const MAX_SCORE: i64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorNode {
    pub id: String,
    /// How many mentees this mentor takes (1 for one-to-one).
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeNode {
    pub id: String,
    /// How many mentors this mentee gets (more than 1 for array matching).
    #[serde(default = "one")]
    pub slots: u32,
}

fn one() -> u32 {
    1
}

/// An allowed pair, by index into `mentees` and `mentors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub mentee: u32,
    pub mentor: u32,
    pub score: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Instance {
    pub mentors: Vec<MentorNode>,
    pub mentees: Vec<MenteeNode>,
    pub pairs: Vec<Pair>,
}

/// The JSON form, with pairs by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceJson {
    pub mentors: Vec<MentorNode>,
    pub mentees: Vec<MenteeNode>,
    pub pairs: Vec<PairJson>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairJson {
    pub mentee: String,
    pub mentor: String,
    pub score: i64,
}

/// Why an instance cannot be solved as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InstanceError(pub String);

impl Instance {
    /// Reads the JSON form, checking ids, capacities and scores. Pairs are read one at a
    /// time into their compact form: ids are looked up in a map built once from the people
    /// (who must come before the pairs in the document to be streamed; otherwise the pairs
    /// are held as text first), and a pair listed twice is caught with a bitmap of the
    /// current mentee's mentors, or by sorting when a mentee's pairs are not together.
    pub fn from_json(text: &str) -> Result<Instance, InstanceError> {
        let problem = std::cell::RefCell::new(None);
        let mut de = serde_json::Deserializer::from_str(text);
        let read = de
            .deserialize_map(read::InstanceVisitor { problem: &problem })
            .and_then(|instance| de.end().map(|()| instance));
        let instance = match (read, problem.into_inner()) {
            (_, Some(problem)) => return Err(InstanceError(problem)),
            (Err(e), None) => return Err(InstanceError(format!("not a valid instance: {e}"))),
            (Ok(instance), None) => instance,
        };
        instance.validate()?;
        Ok(instance)
    }

    /// Checks scores and sizes. Zero capacities and slots are allowed (that person simply
    /// takes no one) but are reported by callers that care.
    pub fn validate(&self) -> Result<(), InstanceError> {
        if self.mentors.len() > u32::MAX as usize / 4 || self.mentees.len() > u32::MAX as usize / 4
        {
            return Err(InstanceError("too many people for one instance".into()));
        }
        for p in &self.pairs {
            if p.mentee as usize >= self.mentees.len() || p.mentor as usize >= self.mentors.len() {
                return Err(InstanceError("a pair names a person out of range".into()));
            }
            if !(0..=MAX_SCORE).contains(&p.score) {
                return Err(InstanceError(format!(
                    "the score of {} – {} is {}; scores run from 0 to {MAX_SCORE}",
                    self.mentees[p.mentee as usize].id, self.mentors[p.mentor as usize].id, p.score
                )));
            }
        }
        for m in &self.mentors {
            if m.capacity > 1_000 {
                return Err(InstanceError(format!(
                    "mentor `{}` has a capacity of {}; at most 1000",
                    m.id, m.capacity
                )));
            }
        }
        for m in &self.mentees {
            if m.slots > 100 {
                return Err(InstanceError(format!(
                    "mentee `{}` asks for {} mentors; at most 100",
                    m.id, m.slots
                )));
            }
        }
        Ok(())
    }

    pub fn to_json(&self) -> InstanceJson {
        InstanceJson {
            mentors: self.mentors.clone(),
            mentees: self.mentees.clone(),
            pairs: self
                .pairs
                .iter()
                .map(|p| PairJson {
                    mentee: self.mentees[p.mentee as usize].id.clone(),
                    mentor: self.mentors[p.mentor as usize].id.clone(),
                    score: p.score,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_instances_are_refused_with_a_clear_message() {
        let ok = r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"a","score":5}]}"#;
        assert!(Instance::from_json(ok).is_ok());
        let cases = [
            (
                r#"{"mentors":[{"id":"a","capacity":1},{"id":"a","capacity":1}],"mentees":[],"pairs":[]}"#,
                "duplicate mentor id `a`",
            ),
            (
                r#"{"mentors":[],"mentees":[{"id":"x"},{"id":"x"}],"pairs":[]}"#,
                "duplicate mentee id `x`",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"y","mentor":"a","score":5}]}"#,
                "unknown mentee `y`",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"b","score":5}]}"#,
                "unknown mentor `b`",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"a","score":-1}]}"#,
                "scores run from 0 to 1000000",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"a","score":99999999999}]}"#,
                "scores run from 0",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"a","score":1},{"mentee":"x","mentor":"a","score":2}]}"#,
                "listed twice",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":-1}],"mentees":[],"pairs":[]}"#,
                "not a valid instance",
            ),
            (
                r#"{"mentors":[],"mentees":[],"pairs":[],"extra":1}"#,
                "unknown field `extra`",
            ),
            ("not json", "not a valid instance"),
            (
                r#"{"pairs":[{"mentee":"x","mentor":"a","score":1},{"mentee":"x","mentor":"a","score":2}],"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}]}"#,
                "the pair x – a is listed twice",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"},{"id":"y"}],"pairs":[{"mentee":"x","mentor":"a","score":1},{"mentee":"y","mentor":"a","score":1},{"mentee":"x","mentor":"a","score":2}]}"#,
                "the pair x – a is listed twice",
            ),
            (
                r#"{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"pairs":[{"mentee":"x","mentor":"a"}]}"#,
                "missing field `score`",
            ),
        ];
        for (text, expected) in cases {
            let e = Instance::from_json(text).unwrap_err().0;
            assert!(e.contains(expected), "{text}: {e}");
        }
    }

    #[test]
    fn an_instance_reads_the_same_whatever_the_order_of_its_keys_and_pairs() {
        let people = r#""mentors":[{"id":"a","capacity":2},{"id":"b","capacity":1}],"mentees":[{"id":"x"},{"id":"y","slots":2}]"#;
        let pairs = r#""pairs":[{"mentee":"x","mentor":"a","score":1},{"mentee":"y","mentor":"a","score":2},{"score":3,"mentor":"b","mentee":"x"}]"#;
        let first = Instance::from_json(&format!("{{{people},{pairs}}}")).unwrap();
        let last = Instance::from_json(&format!("{{{pairs},{people}}}")).unwrap();
        assert_eq!(first, last);
        assert_eq!(
            first.pairs,
            vec![
                Pair {
                    mentee: 0,
                    mentor: 0,
                    score: 1
                },
                Pair {
                    mentee: 1,
                    mentor: 0,
                    score: 2
                },
                Pair {
                    mentee: 0,
                    mentor: 1,
                    score: 3
                },
            ]
        );
        let again = serde_json::to_string(&first.to_json()).unwrap();
        assert_eq!(Instance::from_json(&again).unwrap(), first);
    }
}
