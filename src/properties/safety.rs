//! The pair-room safety detector (`domain::safety`) fed hostile text: it never panics,
//! every finding's span lies on character boundaries inside the message, and its excerpt
//! stays short whatever the message's length.

use proptest::prelude::*;

use super::strategies::{FRAGMENTS, long_text, text};
use crate::domain::RoleKind;
use crate::domain::safety::{Message, Policy, detect};

/// Text built from pieces that look like what the detector reads: digits of several
/// scripts, separators, app names, `@`, `at`, `dot`, and the usual hostile fragments.
fn messy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        proptest::sample::select(vec![
            "555",
            "٠٥٥",
            "۰۹۱۲",
            "९१७",
            "０８００",
            "+",
            "(",
            ")",
            "-",
            ".",
            "/",
            " ",
            "\n",
            "@",
            "at",
            "dot",
            "punto",
            "arroba",
            "gmail",
            "com",
            "snap",
            "add me on",
            "whats app",
            "nine",
            "double",
            "oh",
            "https://",
            "wa.me/",
            "www.",
            "don't tell",
            "’",
            "\u{200B}",
            "ـ",
            "ة",
            "e\u{301}",
        ])
        .prop_map(str::to_string),
        proptest::sample::select(FRAGMENTS.to_vec()).prop_map(str::to_string),
        text(),
    ];
    proptest::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn any_message_is_read_without_a_panic_and_its_findings_point_inside_it(
        t in prop_oneof![messy(), long_text(2000)]
    ) {
        let ages = [Some(15), None];
        let message = Message { text: &t, sender: RoleKind::Mentor, ages: &ages, local_time: None };
        for f in detect(&Policy::everything(), &message) {
            let span = f.span.expect("a text finding has a span");
            prop_assert!(span.start < span.end && span.end <= t.len());
            prop_assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end));
            prop_assert!(f.excerpt.chars().count() <= 170);
        }
    }
}
