//! The detector measured on its corpus (`tests/fixtures/safety_corpus.txt`): per kind,
//! precision (of the messages flagged for it, how many should be) and recall (of the
//! messages that should be, how many are), printed (`cargo test --lib safety --
//! --nocapture`) and held above floors, so a change that trades one for the other shows.

use std::collections::BTreeMap;

use super::*;

const CORPUS: &str = include_str!("../../../tests/fixtures/safety_corpus.txt");

fn policy() -> Policy {
    let mut p = Policy::everything();
    p.allowed = vec!["pathways.example.org".into(), "discord.gg/pathways".into()];
    p.keywords.insert(
        "en".into(),
        vec!["meet up alone".into(), "hotel room".into()],
    );
    p.keywords
        .insert("es".into(), vec!["a solas".into(), "mi casa".into()]);
    p.keywords.insert("ar".into(), vec!["لوحدنا".into()]);
    p
}

/// Each line of the corpus: the kinds it should be flagged for, and the message.
fn lines() -> Vec<(Vec<Kind>, &'static str)> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (kinds, text) = l
                .split_once(" | ")
                .expect("a corpus line is `kinds | text`");
            let kinds = match kinds.trim() {
                "-" => Vec::new(),
                ks => ks
                    .split(',')
                    .map(|k| {
                        let k = if k.trim() == "keyword" {
                            "keywords"
                        } else {
                            k.trim()
                        };
                        Kind::parse(k).unwrap_or_else(|| panic!("unknown kind `{k}`"))
                    })
                    .collect(),
            };
            (kinds, text)
        })
        .collect()
}

#[derive(Default)]
struct Count {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
}

#[test]
fn the_corpus_is_flagged_with_high_precision_and_recall_for_every_kind() {
    let policy = policy();
    let lines = lines();
    assert!(lines.len() >= 150, "the corpus has {} lines", lines.len());
    let mut counts: BTreeMap<Kind, Count> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for (want, text) in &lines {
        let message = Message {
            text,
            sender: RoleKind::Mentor,
            ages: &[],
            local_time: None,
        };
        let got = kinds(&detect(&policy, &message));
        for kind in Kind::ALL.into_iter().filter(|k| *k != Kind::Night) {
            let c = counts.entry(kind).or_default();
            match (want.contains(&kind), got.contains(&kind)) {
                (true, true) => c.true_pos += 1,
                (false, true) => {
                    c.false_pos += 1;
                    mistakes.push(format!("false {}: {text}", kind.as_str()));
                }
                (true, false) => {
                    c.false_neg += 1;
                    mistakes.push(format!("missed {}: {text}", kind.as_str()));
                }
                (false, false) => {}
            }
        }
    }
    println!("safety corpus: {} messages", lines.len());
    println!(
        "{:<10} {:>9} {:>7} {:>4} {:>4} {:>4}",
        "kind", "precision", "recall", "tp", "fp", "fn"
    );
    let mut all = Count::default();
    let mut low = Vec::new();
    for (kind, c) in &counts {
        let precision = ratio(c.true_pos, c.true_pos + c.false_pos);
        let recall = ratio(c.true_pos, c.true_pos + c.false_neg);
        println!(
            "{:<10} {:>9.3} {:>7.3} {:>4} {:>4} {:>4}",
            kind.as_str(),
            precision,
            recall,
            c.true_pos,
            c.false_pos,
            c.false_neg
        );
        if precision < 0.95 || recall < 0.9 {
            low.push(kind.as_str());
        }
        all.true_pos += c.true_pos;
        all.false_pos += c.false_pos;
        all.false_neg += c.false_neg;
    }
    println!(
        "{:<10} {:>9.3} {:>7.3} {:>4} {:>4} {:>4}",
        "all",
        ratio(all.true_pos, all.true_pos + all.false_pos),
        ratio(all.true_pos, all.true_pos + all.false_neg),
        all.true_pos,
        all.false_pos,
        all.false_neg
    );
    for m in &mistakes {
        println!("  {m}");
    }
    assert!(
        low.is_empty(),
        "below the floors (precision 0.95, recall 0.9): {low:?}"
    );
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn no_excerpt_of_the_corpus_is_longer_than_its_bound() {
    let policy = policy();
    let long = format!(
        "{} add me on snap {}",
        "word ".repeat(200),
        "word ".repeat(200)
    );
    for (_, text) in lines().into_iter().chain([(Vec::new(), long.as_str())]) {
        let message = Message {
            text,
            sender: RoleKind::Mentor,
            ages: &[],
            local_time: None,
        };
        for f in detect(&policy, &message) {
            assert!(f.excerpt.chars().count() <= 170, "{}", f.excerpt);
        }
    }
}
