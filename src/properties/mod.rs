//! Property tests: every parser that reads what people type is fed hostile text, and must
//! answer (a value or a message for the person) without panicking.
//!
//! A chat bot reads text from anyone: every Unicode category, right-to-left and zero-width
//! marks, combining marks, emoji sequences, letters whose case mapping changes their length
//! (`ß` → `SS`, `İ` → `i̇`), digits that are not ASCII (`٣`, `１２`), numbers too large for
//! any integer (`1e400`, 30 nines) and very long messages. A panic on any of them drops the
//! message (or, in a flow, the whole conversation), so each parser here is run on a few
//! hundred such inputs per test, and where it is cheap an invariant of the result is checked
//! too (a parsed time zone's canonical name parses back to the same zone; a number answer is
//! in its question's range; …). [`conversations`] drives `flows::handle` itself with random
//! sequences of messages from a few people, feeding each step's state into the next.
//!
//! Layout: [`strategies`] makes the hostile text; [`domain`], [`flows`] and [`config`] test
//! the parsers of those modules; [`conversations`] tests whole conversations.
//!
//! To add a parser: write a `proptest!` test in the module of its layer (with
//! `#![proptest_config(super::config(256))]`, which keeps the run short and writes no
//! failure file into the repository) that calls it on [`strategies::text`] (or a strategy
//! built for its grammar, like [`strategies::command`]) and checks what must hold of a
//! result. When a test finds a panic, fix the parser so the person gets a clear message,
//! and add a plain `#[test]` beside the parser with the shrunk input, named for what it
//! shows (`a_time_zone_with_a_non_ascii_character_after_the_sign_is_refused_not_a_panic`).
//!
//! Run: `cargo test --lib properties`.

mod config;
mod conversations;
mod domain;
mod flows;
mod safety;
pub(crate) mod strategies;

use proptest::test_runner::Config;

/// A bounded run: `cases` inputs per test, no failure file written, and a bounded shrink.
pub(crate) fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    }
}
