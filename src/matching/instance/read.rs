//! Reading an instance's JSON a pair at a time: each pair becomes a [`Pair`] (16 bytes) as
//! it is parsed, its ids looked up in maps built once from the people, so millions of pairs
//! never exist as strings. A problem with the content (an unknown or duplicate id, a pair
//! listed twice) is put in `problem` and reported as it is, without the parser's position.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{Instance, MenteeNode, MentorNode, Pair, PairJson};

const FIELDS: &[&str] = &["mentors", "mentees", "pairs"];

pub(super) struct InstanceVisitor<'p> {
    pub problem: &'p RefCell<Option<String>>,
}

impl<'p> InstanceVisitor<'p> {
    fn fail<E: de::Error>(&self, problem: String) -> E {
        let e = E::custom(&problem);
        *self.problem.borrow_mut() = Some(problem);
        e
    }
}

impl<'de> Visitor<'de> for InstanceVisitor<'_> {
    type Value = Instance;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with mentors, mentees and pairs")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Instance, A::Error> {
        let mut mentors: Option<Vec<MentorNode>> = None;
        let mut mentees: Option<Vec<MenteeNode>> = None;
        let mut pairs: Option<Vec<Pair>> = None;
        // Pairs that came before the people: held as text until the ids are known.
        let mut early: Option<Vec<PairJson>> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "mentors" if mentors.is_none() => mentors = Some(map.next_value()?),
                "mentees" if mentees.is_none() => mentees = Some(map.next_value()?),
                "pairs" if pairs.is_none() && early.is_none() => match (&mentees, &mentors) {
                    (Some(e), Some(m)) => {
                        let ids = Ids::new(e, m).map_err(|p| self.fail(p))?;
                        let seed = PairsSeed {
                            ids: &ids,
                            problem: self.problem,
                        };
                        pairs = Some(map.next_value_seed(seed)?);
                    }
                    _ => early = Some(map.next_value()?),
                },
                "mentors" | "mentees" | "pairs" => {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let mentors = mentors.ok_or_else(|| de::Error::missing_field("mentors"))?;
        let mentees = mentees.ok_or_else(|| de::Error::missing_field("mentees"))?;
        let pairs = match (pairs, early) {
            (Some(pairs), _) => pairs,
            (None, Some(early)) => {
                let ids = Ids::new(&mentees, &mentors).map_err(|p| self.fail(p))?;
                let mut check = Duplicates::new(mentors.len());
                let mut pairs = Vec::with_capacity(early.len());
                for p in &early {
                    let pair = Pair {
                        mentee: ids.mentee(&p.mentee).map_err(|p| self.fail(p))?,
                        mentor: ids.mentor(&p.mentor).map_err(|p| self.fail(p))?,
                        score: p.score,
                    };
                    check.add(&pair, &ids).map_err(|p| self.fail(p))?;
                    pairs.push(pair);
                }
                check.finish(&pairs, &ids).map_err(|p| self.fail(p))?;
                pairs
            }
            (None, None) => return Err(de::Error::missing_field("pairs")),
        };
        Ok(Instance {
            mentors,
            mentees,
            pairs,
        })
    }
}

/// A small fast hash for short ids (the standard SipHash resists attacks a local file does
/// not make, at several times the cost): eight bytes at a time, rotate, xor, multiply.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<'a> = HashMap<&'a str, u32, BuildHasherDefault<IdHasher>>;

/// Ids to indices, built once.
struct Ids<'a> {
    mentees: IdMap<'a>,
    mentors: IdMap<'a>,
    mentee_names: &'a [MenteeNode],
    mentor_names: &'a [MentorNode],
    /// Pairs usually come a mentee at a time: the last mentee found, to skip the map.
    last_mentee: std::cell::Cell<(usize, u32)>,
}

impl<'a> Ids<'a> {
    fn new(mentees: &'a [MenteeNode], mentors: &'a [MentorNode]) -> Result<Ids<'a>, String> {
        let mut mentor_map = IdMap::default();
        for (j, m) in mentors.iter().enumerate() {
            if mentor_map.insert(m.id.as_str(), j as u32).is_some() {
                return Err(format!("duplicate mentor id `{}`", m.id));
            }
        }
        let mut mentee_map = IdMap::default();
        for (i, m) in mentees.iter().enumerate() {
            if mentee_map.insert(m.id.as_str(), i as u32).is_some() {
                return Err(format!("duplicate mentee id `{}`", m.id));
            }
        }
        Ok(Ids {
            mentees: mentee_map,
            mentors: mentor_map,
            mentee_names: mentees,
            mentor_names: mentors,
            last_mentee: std::cell::Cell::new((usize::MAX, 0)),
        })
    }

    fn mentee(&self, id: &str) -> Result<u32, String> {
        let (last, index) = self.last_mentee.get();
        if last != usize::MAX && self.mentee_names[last].id == id {
            return Ok(index);
        }
        let i = *self
            .mentees
            .get(id)
            .ok_or_else(|| format!("a pair names unknown mentee `{id}`"))?;
        self.last_mentee.set((i as usize, i));
        Ok(i)
    }

    fn mentor(&self, id: &str) -> Result<u32, String> {
        self.mentors
            .get(id)
            .copied()
            .ok_or_else(|| format!("a pair names unknown mentor `{id}`"))
    }

    fn twice(&self, p: &Pair) -> String {
        format!(
            "the pair {} – {} is listed twice",
            self.mentee_names[p.mentee as usize].id, self.mentor_names[p.mentor as usize].id
        )
    }
}

/// Finds a pair listed twice: while each mentee's pairs come together, a bitmap of the
/// current mentee's mentors (cleared by walking back over the mentee's pairs); if a
/// mentee's pairs come in two runs, by sorting them all at the end.
struct Duplicates {
    seen: Vec<u64>,
    /// Mentors of the current run, to clear their bits.
    run: Vec<u32>,
    current: Option<u32>,
    finished_runs: Vec<u64>,
    grouped: bool,
}

impl Duplicates {
    fn new(mentors: usize) -> Duplicates {
        Duplicates {
            seen: vec![0; mentors.div_ceil(64)],
            run: Vec::new(),
            current: None,
            finished_runs: Vec::new(),
            grouped: true,
        }
    }

    fn add(&mut self, p: &Pair, ids: &Ids) -> Result<(), String> {
        if !self.grouped {
            return Ok(());
        }
        if self.current != Some(p.mentee) {
            if let Some(c) = self.current {
                let word = &mut self.finished_runs[c as usize / 64];
                *word |= 1 << (c % 64);
            }
            for &j in &self.run {
                self.seen[j as usize / 64] = 0;
            }
            self.run.clear();
            let i = p.mentee as usize;
            if self.finished_runs.len() <= i / 64 {
                self.finished_runs.resize(i / 64 + 1, 0);
            }
            if self.finished_runs[i / 64] & (1 << (i % 64)) != 0 {
                // This mentee's pairs came before too: sort them all at the end.
                self.grouped = false;
                return Ok(());
            }
            self.current = Some(p.mentee);
        }
        let (word, bit) = (p.mentor as usize / 64, 1u64 << (p.mentor % 64));
        if self.seen[word] & bit != 0 {
            return Err(ids.twice(p));
        }
        self.seen[word] |= bit;
        self.run.push(p.mentor);
        Ok(())
    }

    fn finish(self, pairs: &[Pair], ids: &Ids) -> Result<(), String> {
        if self.grouped {
            return Ok(());
        }
        let mut keys: Vec<u64> = pairs
            .iter()
            .map(|p| (u64::from(p.mentee) << 32) | u64::from(p.mentor))
            .collect();
        keys.sort_unstable();
        match keys.windows(2).find(|w| w[0] == w[1]) {
            Some(w) => Err(ids.twice(&Pair {
                mentee: (w[0] >> 32) as u32,
                mentor: w[0] as u32,
                score: 0,
            })),
            None => Ok(()),
        }
    }
}

/// The pairs array, read into [`Pair`]s.
struct PairsSeed<'a, 'p> {
    ids: &'a Ids<'a>,
    problem: &'p RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for PairsSeed<'_, '_> {
    type Value = Vec<Pair>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<Pair>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PairsSeed<'_, '_> {
    type Value = Vec<Pair>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of pairs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Pair>, A::Error> {
        let fail = |problem: String| {
            let e = de::Error::custom(&problem);
            *self.problem.borrow_mut() = Some(problem);
            e
        };
        let mut pairs = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let mut check = Duplicates::new(self.ids.mentor_names.len());
        while let Some(p) = seq.next_element_seed(PairSeed { ids: self.ids })? {
            let p = p.map_err(fail)?;
            check.add(&p, self.ids).map_err(fail)?;
            pairs.push(p);
        }
        check.finish(&pairs, self.ids).map_err(fail)?;
        Ok(pairs)
    }
}

/// One pair: `{"mentee": id, "mentor": id, "score": n}`, ids looked up as they are read.
/// A content problem is returned inside, for the caller to report as it is.
struct PairSeed<'a> {
    ids: &'a Ids<'a>,
}

impl<'de> DeserializeSeed<'de> for PairSeed<'_> {
    type Value = Result<Pair, String>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PairSeed<'_> {
    type Value = Result<Pair, String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a pair: mentee, mentor, score")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut mentee, mut mentor, mut score) = (None, None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "mentee" if mentee.is_none() => {
                    mentee = Some(map.next_value_seed(IdSeed {
                        ids: self.ids,
                        mentee: true,
                    })?)
                }
                "mentor" if mentor.is_none() => {
                    mentor = Some(map.next_value_seed(IdSeed {
                        ids: self.ids,
                        mentee: false,
                    })?)
                }
                "score" if score.is_none() => score = Some(map.next_value::<i64>()?),
                "mentee" | "mentor" | "score" => {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["mentee", "mentor", "score"],
                    ));
                }
            }
        }
        let mentee = mentee.ok_or_else(|| de::Error::missing_field("mentee"))?;
        let mentor = mentor.ok_or_else(|| de::Error::missing_field("mentor"))?;
        let score = score.ok_or_else(|| de::Error::missing_field("score"))?;
        Ok((|| {
            Ok(Pair {
                mentee: mentee?,
                mentor: mentor?,
                score,
            })
        })())
    }
}

/// An id string, looked up as soon as it is read (no `String` is made).
struct IdSeed<'a> {
    ids: &'a Ids<'a>,
    mentee: bool,
}

impl<'de> DeserializeSeed<'de> for IdSeed<'_> {
    type Value = Result<u32, String>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for IdSeed<'_> {
    type Value = Result<u32, String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<Self::Value, E> {
        Ok(if self.mentee {
            self.ids.mentee(id)
        } else {
            self.ids.mentor(id)
        })
    }
}
