//! A programme's pair-room safety policy: what in a message between a mentor and a mentee
//! the coordinators should hear about, found by a pure function.
//!
//! Youth mentoring runs on an internet-safety policy: contact stays on the programme's
//! channels, within agreed hours, and staff are told when it drifts (the commonest early
//! sign of grooming is an adult moving a young person to a private channel). [`detect`]
//! reads one message, given the programme's [`Policy`] and what is known of the pair (who
//! sent it, the members' ages, the young person's local time), and returns its
//! [`Finding`]s: the [`Kind`] of thing found, where, and a short excerpt around it (a few
//! words either side, never the whole message). Nothing here is stored or sent: the app
//! decides what a finding does (a reminder to the sender, a card to the coordinators).
//!
//! The detection is hand-written scanning over the message's tokens (`tokens.rs`), in
//! parts: `links.rs` (links, e-mail addresses, `@handles`), `phone.rs` (phone numbers in
//! any script, spelt out or spaced), `phrases.rs` (requests for photos or secrecy,
//! invitations to another app, and the pattern language they and the programme's keywords
//! are written in), `excerpt.rs` (the excerpt, the night window). Its precision and recall
//! are measured on a corpus of messages in several languages
//! (`tests/fixtures/safety_corpus.txt`, `corpus_tests.rs`); to teach it something, add the
//! lines it must and must not flag there first.

mod excerpt;
pub mod flags;
mod links;
mod phone;
mod phrases;
mod tokens;

#[cfg(test)]
mod corpus_tests;

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::ids::RoleKind;
use crate::i18n::Text;

pub use excerpt::{NightWindow, excerpt};
pub use flags::{Flag, FlagStatus, NewFlag, ShownFlag};

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A handle on, link to or invitation to another chat app or social network.
    Social,
    /// A request for photos of the person.
    Photos,
    /// A request to keep something secret.
    Secrecy,
    /// One of the programme's own keywords.
    Keyword,
    /// A message in the young person's night.
    Night,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Phone,
        Kind::Email,
        Kind::Social,
        Kind::Photos,
        Kind::Secrecy,
        Kind::Keyword,
        Kind::Night,
    ];

    /// Its name in programme files and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Social => "social",
            Kind::Photos => "photos",
            Kind::Secrecy => "secrecy",
            Kind::Keyword => "keywords",
            Kind::Night => "night",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What it is called on the coordinators' flag card (`a phone number`).
    pub fn said(self) -> Text {
        Text::msg(match self {
            Kind::Phone => "safety-kind-phone",
            Kind::Email => "safety-kind-email",
            Kind::Social => "safety-kind-social",
            Kind::Photos => "safety-kind-photos",
            Kind::Secrecy => "safety-kind-secrecy",
            Kind::Keyword => "safety-kind-keywords",
            Kind::Night => "safety-kind-night",
        })
    }

    /// The kind, private reminder of the policy to the sender of a message flagged for
    /// it, from `programme` (its name as said).
    pub fn reminder(self, programme: Text) -> Text {
        Text::msg(match self {
            Kind::Phone => "safety-reminder-phone",
            Kind::Email => "safety-reminder-email",
            Kind::Social => "safety-reminder-social",
            Kind::Photos => "safety-reminder-photos",
            Kind::Secrecy => "safety-reminder-secrecy",
            Kind::Keyword => "safety-reminder-keywords",
            Kind::Night => "safety-reminder-night",
        })
        .arg("programme", programme)
    }
}

/// The policy in a sentence, for the pair room's first message and the application's
/// consent text.
pub fn policy_said(programme: Text) -> Text {
    Text::msg("safety-policy-said").arg("programme", programme)
}

/// Whose messages a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Senders {
    #[default]
    Both,
    Only(RoleKind),
}

/// One kind the policy looks for, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub kind: Kind,
    #[serde(default)]
    pub senders: Senders,
    /// Only while a member of the pair is younger than this (`None`: always).
    #[serde(default)]
    pub when_under: Option<u32>,
}

impl Rule {
    pub fn always(kind: Kind) -> Rule {
        Rule {
            kind,
            senders: Senders::Both,
            when_under: None,
        }
    }

    /// Whether the rule reads a message from `sender` in a pair whose members' ages are
    /// `ages` (one per member asked their age; `None`: not answered). An unknown age counts
    /// as young: a rule meant for minors errs on their side.
    pub fn applies(&self, sender: RoleKind, ages: &[Option<u32>]) -> bool {
        let role_ok = match self.senders {
            Senders::Both => true,
            Senders::Only(r) => r == sender,
        };
        let age_ok = match self.when_under {
            None => true,
            Some(limit) => ages.is_empty() || ages.iter().any(|a| a.is_none_or(|a| a < limit)),
        };
        role_ok && age_ok
    }
}

/// A programme's safety policy (`[safety]` in its file), present only when turned on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// The kinds looked for: at most one rule per kind.
    pub rules: Vec<Rule>,
    /// The young person's night, for [`Kind::Night`].
    #[serde(default)]
    pub night: NightWindow,
    /// The programme's own domains (`pathways.example.org`, `discord.gg/pathways`): links
    /// and addresses there are not flagged. Lower case, without scheme or `www.`.
    #[serde(default)]
    pub allowed: Vec<String>,
    /// The programme's own keywords by language tag (all are looked for in every message:
    /// people write in more than one language).
    #[serde(default)]
    pub keywords: BTreeMap<String, Vec<String>>,
    /// The question (in either role's form) whose number answer is a member's age.
    #[serde(default)]
    pub age_question: Option<String>,
    /// Flags in 30 days, not dismissed, that put a match at risk (0: never); copied into
    /// the programme's support plan, which decides its health.
    #[serde(default = "default_at_risk_flags")]
    pub at_risk_flags: u32,
}

fn default_at_risk_flags() -> u32 {
    3
}

impl Policy {
    /// Every kind, for everyone, with the default night and nothing allowed.
    pub fn everything() -> Policy {
        Policy {
            rules: Kind::ALL.into_iter().map(Rule::always).collect(),
            night: NightWindow::default(),
            allowed: Vec::new(),
            keywords: BTreeMap::new(),
            age_question: None,
            at_risk_flags: default_at_risk_flags(),
        }
    }

    pub fn rule(&self, kind: Kind) -> Option<&Rule> {
        self.rules.iter().find(|r| r.kind == kind)
    }
}

/// One message as the detector reads it.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub text: &'a str,
    pub sender: RoleKind,
    /// The ages of the pair's members who were asked (`None`: not answered).
    pub ages: &'a [Option<u32>],
    /// When it was sent, in the young person's time zone (`None`: unknown).
    pub local_time: Option<NaiveTime>,
}

/// Something the policy looks for, found in a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: Kind,
    /// Where in the message's text (bytes); `None` for [`Kind::Night`], which is about the
    /// whole message.
    pub span: Option<Range<usize>>,
    /// A few words either side of the match (empty for [`Kind::Night`]).
    pub excerpt: String,
}

/// What `policy` finds in `message`, in the order of the text (a night finding last). A
/// kind's findings never overlap one another.
pub fn detect(policy: &Policy, message: &Message) -> Vec<Finding> {
    let on = |kind: Kind| {
        policy
            .rule(kind)
            .is_some_and(|r| r.applies(message.sender, message.ages))
    };
    let text = message.text;
    let mut spans: Vec<(Kind, Range<usize>)> = Vec::new();
    let all = tokens::tokens(text);
    let words = phrases::join_apps(&all);
    let found = links::find(text, &all, &policy.allowed);
    if on(Kind::Email) {
        spans.extend(found.emails.iter().map(|r| (Kind::Email, r.clone())));
    }
    if on(Kind::Phone) {
        spans.extend(
            phone::find(text, &all, &found.masked)
                .into_iter()
                .map(|r| (Kind::Phone, r)),
        );
    }
    if on(Kind::Social) {
        spans.extend(found.app_links.iter().map(|r| (Kind::Social, r.clone())));
        spans.extend(
            links::handles(&all, &found.masked)
                .into_iter()
                .map(|r| (Kind::Social, r)),
        );
        for p in phrases::compile(phrases::INVITATIONS) {
            spans.extend(p.find(&words).into_iter().map(|r| (Kind::Social, r)));
        }
    }
    for (kind, list) in [
        (Kind::Photos, phrases::PHOTOS),
        (Kind::Secrecy, phrases::SECRECY),
    ] {
        if on(kind) {
            for p in phrases::compile(list) {
                spans.extend(p.find(&words).into_iter().map(|r| (kind, r)));
            }
        }
    }
    if on(Kind::Keyword) {
        for k in policy.keywords.values().flatten() {
            let p = phrases::Pattern::keyword(k);
            spans.extend(p.find(&words).into_iter().map(|r| (Kind::Keyword, r)));
        }
    }
    let mut out = merge(spans)
        .into_iter()
        .map(|(kind, span)| Finding {
            kind,
            excerpt: excerpt(text, span.clone()),
            span: Some(span),
        })
        .collect::<Vec<_>>();
    if on(Kind::Night) && message.local_time.is_some_and(|t| policy.night.contains(t)) {
        out.push(Finding {
            kind: Kind::Night,
            span: None,
            excerpt: String::new(),
        });
    }
    out
}

/// The spans sorted by start, overlapping spans of one kind made one.
fn merge(mut spans: Vec<(Kind, Range<usize>)>) -> Vec<(Kind, Range<usize>)> {
    spans.sort_by_key(|(k, r)| (r.start, *k, r.end));
    let mut out: Vec<(Kind, Range<usize>)> = Vec::new();
    for (kind, span) in spans {
        if let Some((_, last)) = out
            .iter_mut()
            .rev()
            .find(|(k, r)| *k == kind && r.end > span.start)
        {
            last.end = last.end.max(span.end);
        } else {
            out.push((kind, span));
        }
    }
    out
}

/// The kinds of `findings`, each once, in [`Kind`]'s order.
pub fn kinds(findings: &[Finding]) -> Vec<Kind> {
    distinct_kinds(findings.iter().map(|f| f.kind))
}

/// `kinds` each once, in order (of findings, or of recorded flags).
pub fn distinct_kinds(kinds: impl IntoIterator<Item = Kind>) -> Vec<Kind> {
    let mut k: Vec<Kind> = kinds.into_iter().collect();
    k.sort();
    k.dedup();
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn message(text: &str, sender: RoleKind) -> Message<'_> {
        Message {
            text,
            sender,
            ages: &[],
            local_time: None,
        }
    }

    #[test]
    fn a_phone_number_in_arabic_digits_is_flagged_with_a_short_excerpt() {
        let text = "مرحبا، هذا رقمي ٠٧٧٠٠ ٩٠٠ ١٢٣ اتصل بي";
        let f = detect(&Policy::everything(), &message(text, RoleKind::Mentor));
        assert_eq!(kinds(&f), vec![Kind::Phone]);
        assert_eq!(&text[f[0].span.clone().unwrap()], "٠٧٧٠٠ ٩٠٠ ١٢٣");
        assert!(f[0].excerpt.contains("رقمي"));
    }

    #[test]
    fn a_rule_for_the_mentor_only_passes_over_the_mentees_messages() {
        let mut policy = Policy::everything();
        policy.rules = vec![Rule {
            kind: Kind::Phone,
            senders: Senders::Only(RoleKind::Mentor),
            when_under: None,
        }];
        let text = "my number is 07700 900123";
        assert_eq!(detect(&policy, &message(text, RoleKind::Mentor)).len(), 1);
        assert!(detect(&policy, &message(text, RoleKind::Mentee)).is_empty());
    }

    #[test]
    fn a_rule_for_minors_applies_while_a_member_is_under_age_or_of_unknown_age() {
        let rule = Rule {
            kind: Kind::Photos,
            senders: Senders::Both,
            when_under: Some(18),
        };
        assert!(rule.applies(RoleKind::Mentor, &[Some(16)]));
        assert!(!rule.applies(RoleKind::Mentor, &[Some(19)]));
        assert!(rule.applies(RoleKind::Mentor, &[Some(19), None]));
        assert!(rule.applies(RoleKind::Mentor, &[]));
    }

    #[test]
    fn a_message_in_the_night_window_is_counted_and_one_in_the_day_is_not() {
        let policy = Policy::everything();
        let mut m = message("hi, how did the interview go?", RoleKind::Mentor);
        m.local_time = at(23, 15);
        assert_eq!(kinds(&detect(&policy, &m)), vec![Kind::Night]);
        m.local_time = at(6, 59);
        assert_eq!(kinds(&detect(&policy, &m)), vec![Kind::Night]);
        m.local_time = at(7, 0);
        assert!(detect(&policy, &m).is_empty());
        m.local_time = at(18, 30);
        assert!(detect(&policy, &m).is_empty());
    }

    #[test]
    fn the_programmes_keywords_are_found_in_any_of_its_languages() {
        let mut policy = Policy::everything();
        policy.keywords.insert("en".into(), vec!["hotel".into()]);
        policy.keywords.insert("es".into(), vec!["a solas".into()]);
        let f = detect(
            &policy,
            &message("Podemos vernos a solas el sábado", RoleKind::Mentor),
        );
        assert_eq!(kinds(&f), vec![Kind::Keyword]);
    }

    #[test]
    fn a_kind_turned_off_is_not_looked_for() {
        let mut policy = Policy::everything();
        policy.rules.retain(|r| r.kind != Kind::Email);
        assert!(detect(&policy, &message("jake@gmail.com", RoleKind::Mentor)).is_empty());
    }
}
