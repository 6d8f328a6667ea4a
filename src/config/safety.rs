//! A programme's `[safety]` section: its pair-room safety policy, checked and built into a
//! [`crate::domain::safety::Policy`]. Off unless `enabled = true`; then `kinds` says what
//! is looked for (default: every kind), `senders` and `when_under` whose messages and
//! while a member is how young (for every kind, or per kind under `[safety.rules.<kind>]`),
//! `age_question` the number question whose answer is a member's age, `night` the young
//! person's night (`["22:00", "07:00"]`), `allowed` the programme's own domains, and
//! `[safety.keywords]` its own words by language tag. A mistake names its key; a section
//! with `enabled = false` is still checked, so a typo shows before it is turned on.

use super::*;
use crate::domain::safety::{Kind, NightWindow, Policy, Rule, Senders};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSafety {
    #[serde(default)]
    pub(super) enabled: bool,
    /// The kinds looked for (default: all).
    pub(super) kinds: Option<Spanned<Vec<String>>>,
    /// `both` (default), `mentor` or `mentee`: whose messages every kind reads.
    pub(super) senders: Option<Spanned<String>>,
    /// Only while a member is younger than this.
    pub(super) when_under: Option<Spanned<i64>>,
    /// The number question (of either form) whose answer is a member's age.
    pub(super) age_question: Option<Spanned<String>>,
    /// `[from, to]`, local `HH:MM` times.
    pub(super) night: Option<Spanned<Vec<String>>>,
    /// The programme's own domains (`pathways.example.org`, `discord.gg/pathways`).
    pub(super) allowed: Option<Vec<Spanned<String>>>,
    /// The programme's own words, by language tag.
    #[serde(default)]
    pub(super) keywords: BTreeMap<String, Spanned<Vec<String>>>,
    /// Flags in 30 days, not dismissed, that put a match at risk (default 3; 0: never).
    pub(super) at_risk_flags: Option<Spanned<u32>>,
    /// `[safety.rules.<kind>]`: whose messages and while how young, for one kind.
    #[serde(default)]
    pub(super) rules: BTreeMap<String, Spanned<RawSafetyRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSafetyRule {
    pub(super) senders: Option<Spanned<String>>,
    pub(super) when_under: Option<Spanned<i64>>,
}

fn kind_names() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}

fn senders(v: &Spanned<String>, err: &mut impl FnMut(usize, &str)) -> Senders {
    match v.get_ref().trim() {
        "both" => Senders::Both,
        "mentor" => Senders::Only(RoleKind::Mentor),
        "mentee" => Senders::Only(RoleKind::Mentee),
        other => {
            err(
                v.span().start,
                &format!("`senders` is both, mentor or mentee, not `{other}`"),
            );
            Senders::Both
        }
    }
}

fn age(v: &Spanned<i64>, err: &mut impl FnMut(usize, &str)) -> Option<u32> {
    match u32::try_from(*v.get_ref()) {
        Ok(a) if (2..=99).contains(&a) => Some(a),
        _ => {
            err(
                v.span().start,
                "`when_under` is an age between 2 and 99: the rule applies while a member is younger",
            );
            None
        }
    }
}

/// A domain as the policy keeps it: lower case, without scheme, `www.` or trailing `/`.
fn domain(entry: &str) -> Option<String> {
    let lower = entry.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest
        .strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches('/');
    let host = rest.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && !rest.chars().any(char::is_whitespace);
    ok.then(|| rest.to_string())
}

/// Whether `tag` looks like a language tag (`en`, `es-419`, `pt-BR`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The policy of `raw` (`None` when the section is absent or not enabled); every problem
/// goes to `err` with its offset.
pub(super) fn build_safety(
    raw: Option<&RawSafety>,
    roles: &BTreeMap<RoleKind, Role>,
    err: &mut impl FnMut(usize, &str),
) -> Option<Policy> {
    let raw = raw?;
    let mut kinds: Vec<Kind> = Vec::new();
    match &raw.kinds {
        None => kinds = Kind::ALL.to_vec(),
        Some(list) => {
            for name in list.get_ref() {
                match Kind::parse(name.trim()) {
                    Some(k) if kinds.contains(&k) => err(
                        list.span().start,
                        &format!("`{name}` is listed twice in `kinds`"),
                    ),
                    Some(k) => kinds.push(k),
                    None => err(
                        list.span().start,
                        &format!("unknown kind `{name}`; expected one of {}", kind_names()),
                    ),
                }
            }
            if list.get_ref().is_empty() {
                err(
                    list.span().start,
                    "`kinds` is empty: name what to look for, or set enabled = false",
                );
            }
        }
    }
    let age_question = raw.age_question.as_ref().and_then(|q| {
        let id = q.get_ref().trim();
        let is_number = roles.values().any(|r| {
            r.question(id)
                .is_some_and(|q| matches!(q.kind, QuestionKind::Number { .. }))
        });
        if is_number {
            Some(id.to_string())
        } else {
            err(
                q.span().start,
                &format!(
                    "`{id}` is not a number question of either form: `age_question` names the question whose answer is a member's age"
                ),
            );
            None
        }
    });
    let needs_age = |v: &Spanned<i64>, err: &mut dyn FnMut(usize, &str)| {
        if raw.age_question.is_none() {
            err(
                v.span().start,
                "`when_under` needs `age_question`: the number question whose answer is a member's age",
            );
        }
    };
    let all_senders = raw
        .senders
        .as_ref()
        .map_or(Senders::Both, |s| senders(s, err));
    let all_under = raw.when_under.as_ref().and_then(|v| {
        needs_age(v, err);
        age(v, err)
    });
    let mut rules: Vec<Rule> = kinds
        .iter()
        .map(|k| Rule {
            kind: *k,
            senders: all_senders,
            when_under: all_under,
        })
        .collect();
    for (name, rule) in &raw.rules {
        let at = rule.span().start;
        let Some(kind) = Kind::parse(name.trim()) else {
            err(
                at,
                &format!(
                    "unknown kind `{name}` in [safety.rules]; expected one of {}",
                    kind_names()
                ),
            );
            continue;
        };
        let Some(r) = rules.iter_mut().find(|r| r.kind == kind) else {
            err(
                at,
                &format!("[safety.rules.{name}] is for a kind not in `kinds`: add `{name}` there"),
            );
            continue;
        };
        if let Some(s) = &rule.get_ref().senders {
            r.senders = senders(s, err);
        }
        if let Some(v) = &rule.get_ref().when_under {
            needs_age(v, err);
            r.when_under = age(v, err);
        }
    }
    let mut night = NightWindow::default();
    if let Some(n) = &raw.night {
        let times: Vec<Option<u32>> = n
            .get_ref()
            .iter()
            .map(|t| NightWindow::parse_time(t))
            .collect();
        match times.as_slice() {
            [Some(from), Some(to)] if from != to => {
                night = NightWindow {
                    from: *from,
                    to: *to,
                }
            }
            _ => err(
                n.span().start,
                "`night` is two different local times, from and to, like [\"22:00\", \"07:00\"]",
            ),
        }
    }
    let mut allowed = Vec::new();
    for a in raw.allowed.iter().flatten() {
        match domain(a.get_ref()) {
            Some(d) => allowed.push(d),
            None => err(
                a.span().start,
                &format!(
                    "`{}` is not a domain: write it like pathways.example.org, or with a path like discord.gg/pathways",
                    a.get_ref()
                ),
            ),
        }
    }
    let mut keywords = BTreeMap::new();
    for (tag, list) in &raw.keywords {
        let at = list.span().start;
        if !is_language_tag(tag) {
            err(
                at,
                &format!("`{tag}` is not a language tag (like en, es or pt-BR)"),
            );
            continue;
        }
        let words: Vec<String> = list
            .get_ref()
            .iter()
            .map(|w| w.trim().to_string())
            .collect();
        if words
            .iter()
            .any(|w| w.trim_end_matches('*').trim().is_empty())
        {
            err(at, "a keyword must have a letter or digit in it");
            continue;
        }
        keywords.insert(tag.clone(), words);
    }
    let keyword_kind = kinds.contains(&Kind::Keyword);
    if keyword_kind && keywords.values().all(Vec::is_empty) && raw.kinds.is_some() {
        err(
            raw.kinds.as_ref().map_or(0, |k| k.span().start),
            "the `keywords` kind needs the programme's words under [safety.keywords]",
        );
    }
    if !keyword_kind && !keywords.is_empty() {
        let at = raw.keywords.values().next().map_or(0, |k| k.span().start);
        err(
            at,
            "[safety.keywords] are given but `keywords` is not among `kinds`",
        );
    }
    if !keyword_kind || keywords.values().all(Vec::is_empty) {
        rules.retain(|r| r.kind != Kind::Keyword);
    }
    let at_risk_flags = match &raw.at_risk_flags {
        None => 3,
        Some(n) if *n.get_ref() <= 100 => *n.get_ref(),
        Some(n) => {
            err(
                n.span().start,
                "`at_risk_flags` must be between 0 (never) and 100",
            );
            3
        }
    };
    raw.enabled.then_some(Policy {
        rules,
        night,
        allowed,
        keywords,
        age_question,
        at_risk_flags,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::RoleKind;
    use crate::domain::safety::{Kind, Senders};

    const BASE: &str = "slug = \"p\"\nname = \"P\"\ndescription = \"d\"\n[roles.mentor]\nname = \"Mentor\"\ndescription = \"m\"\n[[roles.mentor.questions]]\nid = \"name\"\nkind = \"short_text\"\nprompt = \"Name?\"\n[roles.mentee]\nname = \"Mentee\"\ndescription = \"m\"\n[[roles.mentee.questions]]\nid = \"age\"\nkind = \"number\"\nprompt = \"Age?\"\nmin = 10\nmax = 99\n";

    fn parse(safety: &str) -> Result<crate::domain::Programme, String> {
        crate::config::parse_programme(Path::new("p.toml"), &format!("{BASE}{safety}"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_programme_without_the_section_or_with_it_off_has_no_safety_policy() {
        assert_eq!(parse("").unwrap().safety, None);
        assert_eq!(
            parse("[safety]\nkinds = [\"phone\"]\n").unwrap().safety,
            None
        );
    }

    #[test]
    fn an_enabled_section_gives_its_kinds_rules_night_domains_and_keywords() {
        let p = parse(
            "[safety]\nenabled = true\nkinds = [\"phone\", \"social\", \"photos\", \"keywords\", \"night\"]\nage_question = \"age\"\nnight = [\"21:30\", \"06:00\"]\nallowed = [\"https://www.Pathways.example.org/\", \"discord.gg/pathways\"]\n[safety.keywords]\nen = [\"hotel room\"]\nes = [\"a solas\"]\n[safety.rules.photos]\nsenders = \"mentor\"\nwhen_under = 18\n",
        )
        .unwrap();
        let s = p.safety.expect("a policy");
        let kinds: Vec<Kind> = s.rules.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Phone,
                Kind::Social,
                Kind::Photos,
                Kind::Keyword,
                Kind::Night
            ]
        );
        let photos = s.rule(Kind::Photos).unwrap();
        assert_eq!(photos.senders, Senders::Only(RoleKind::Mentor));
        assert_eq!(photos.when_under, Some(18));
        assert_eq!(s.rule(Kind::Phone).unwrap().when_under, None);
        assert_eq!((s.night.from, s.night.to), (21 * 60 + 30, 6 * 60));
        assert_eq!(
            s.allowed,
            vec!["pathways.example.org", "discord.gg/pathways"]
        );
        assert_eq!(s.keywords["es"], vec!["a solas"]);
        assert_eq!(s.age_question.as_deref(), Some("age"));
        assert_eq!(s.at_risk_flags, 3, "the default");
        assert_eq!(
            p.support.at_risk_safety_flags, 3,
            "copied into the support plan"
        );
        let none = parse("").unwrap();
        assert_eq!(
            none.support.at_risk_safety_flags, 0,
            "no policy, no flags counted"
        );
    }

    #[test]
    fn enabled_alone_looks_for_every_kind_but_keywords_it_has_none_of() {
        let s = parse("[safety]\nenabled = true\n").unwrap().safety.unwrap();
        assert_eq!(s.rules.len(), Kind::ALL.len() - 1);
        assert!(s.rule(Kind::Keyword).is_none());
    }

    #[test]
    fn every_mistake_in_the_section_names_its_key() {
        let e = parse(
            "[safety]\nenabled = true\nkinds = [\"phone\", \"phones\", \"keywords\"]\nsenders = \"adults\"\nwhen_under = 300\nage_question = \"name\"\nnight = [\"22:00\"]\nallowed = [\"not a domain\"]\n[safety.rules.photos]\nsenders = \"mentor\"\n[safety.rules.selfies]\nsenders = \"mentor\"\n",
        )
        .unwrap_err();
        for expected in [
            "key `safety.kinds`: unknown kind `phones`; expected one of phone, email, social, photos, secrecy, keywords, night",
            "key `safety.senders`: `senders` is both, mentor or mentee, not `adults`",
            "key `safety.when_under`: `when_under` is an age between 2 and 99",
            "key `safety.age_question`: `name` is not a number question of either form",
            "key `safety.night`: `night` is two different local times",
            "`not a domain` is not a domain",
            "[safety.rules.photos] is for a kind not in `kinds`",
            "unknown kind `selfies` in [safety.rules]",
            "the `keywords` kind needs the programme's words under [safety.keywords]",
        ] {
            assert!(e.contains(expected), "{expected}\nin\n{e}");
        }
        let e = parse("[safety]\nenabled = true\nwhen_under = 18\n").unwrap_err();
        assert!(e.contains("`when_under` needs `age_question`"), "{e}");
        let e = parse(
            "[safety]\nenabled = true\nkinds = [\"phone\"]\n[safety.keywords]\nen = [\"hotel\"]\n",
        )
        .unwrap_err();
        assert!(e.contains("`keywords` is not among `kinds`"), "{e}");
        let e = parse("[safety]\nenabled = true\n[safety.keywords]\nEnglish = [\"hotel\"]\n")
            .unwrap_err();
        assert!(e.contains("`English` is not a language tag"), "{e}");
        let e = parse("[safety]\nenabled = true\nat_risk_flags = 500\n").unwrap_err();
        assert!(
            e.contains(
                "key `safety.at_risk_flags`: `at_risk_flags` must be between 0 (never) and 100"
            ),
            "{e}"
        );
        let e = parse("[safety]\nenable = true\n").unwrap_err();
        assert!(e.contains("enable"), "an unknown key is reported: {e}");
    }
}

#[cfg(test)]
mod example_tests {
    use std::path::Path;

    use crate::domain::safety::Kind;

    /// The example programme with its commented `[safety]` section turned on.
    fn example_with_safety() -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config/programs/example.toml");
        let source = std::fs::read_to_string(path).expect("the example programme");
        let mut out = String::new();
        let mut inside = false;
        for line in source.lines() {
            if line == "# [safety]" {
                inside = true;
            }
            if inside && line.is_empty() {
                inside = false;
            }
            match line.strip_prefix("# ").filter(|_| inside) {
                Some(uncommented) => out.push_str(uncommented),
                None => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_example_programmes_commented_safety_section_is_valid_when_turned_on() {
        let source = example_with_safety();
        assert!(source.contains("\n[safety]\nenabled = true\n"));
        let p = crate::config::parse_programme(Path::new("example.toml"), &source)
            .unwrap_or_else(|e| panic!("{e}"));
        let s = p.safety.expect("the example's policy");
        assert_eq!(s.rules.len(), Kind::ALL.len());
        assert!(s.rules.iter().all(|r| r.when_under == Some(18)));
        assert_eq!(s.age_question.as_deref(), Some("age"));
    }
}
