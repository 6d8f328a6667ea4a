//! Per-person rate limits, counted in memory (what a message costs: `flows::rate`).
//!
//! One process owns a platform (see `ownership`), so every message a person sends there
//! passes through this process's counters: nothing needs sharing through the database, and
//! a restart that forgets them only forgives. Each person keeps the times of their last
//! messages, at most a limit's worth, in a sliding window ("at most N in any minute", with
//! no burst allowed at a window's edge); people quiet for longer than the longest window
//! are dropped, so memory follows who is writing now.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::domain::UserRef;
use crate::flows::rate::Cost;

/// How fast one person may write. `None`: not limited (the console, tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// Messages and commands in any minute.
    pub messages_per_minute: Option<u32>,
    /// Expensive commands (see `flows::rate`) in any hour.
    pub expensive_per_hour: Option<u32>,
}

fn minute() -> Duration {
    Duration::minutes(1)
}

fn hour() -> Duration {
    Duration::hours(1)
}

/// Whether a message may be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Go,
    /// Over the per-minute limit: not counted.
    TooFast,
    /// Over the hourly limit on expensive commands, which is `max`: counted as a message
    /// (it is answered), not as a use.
    TooOften {
        max: u32,
    },
}

#[derive(Debug, Default)]
pub(crate) struct Limiter {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    people: HashMap<UserRef, Person>,
    /// When people gone quiet were last dropped.
    swept: Option<DateTime<Utc>>,
}

#[derive(Debug, Default)]
struct Person {
    messages: VecDeque<DateTime<Utc>>,
    expensive: VecDeque<DateTime<Utc>>,
    /// Until when they need not be told again that they are too fast.
    told_until: Option<DateTime<Utc>>,
}

impl Limiter {
    /// Counts a message of `cost` from `user` at `now`, if `limits` allow it.
    pub(crate) fn take(
        &self,
        limits: RateLimits,
        user: &UserRef,
        cost: Cost,
        now: DateTime<Utc>,
    ) -> Verdict {
        if cost == Cost::Free {
            return Verdict::Go;
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.sweep(now);
        let person = state.people.entry(user.clone()).or_default();
        if let Some(max) = limits.messages_per_minute {
            if !has_room(&mut person.messages, max, now - minute()) {
                return Verdict::TooFast;
            }
            person.messages.push_back(now);
        }
        if cost == Cost::Expensive
            && let Some(max) = limits.expensive_per_hour
        {
            if !has_room(&mut person.expensive, max, now - hour()) {
                return Verdict::TooOften { max };
            }
            person.expensive.push_back(now);
        }
        Verdict::Go
    }

    /// Whether `user`, found too fast at `now`, should be told so: once a minute, so a
    /// flood is not answered with a flood.
    pub(crate) fn tell_once(&self, user: &UserRef, now: DateTime<Utc>) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let person = state.people.entry(user.clone()).or_default();
        if person.told_until.is_some_and(|t| t > now) {
            return false;
        }
        person.told_until = Some(now + minute());
        true
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .people
            .len()
    }
}

impl State {
    /// Drops everyone whose windows are empty, at most once a minute (a walk over
    /// everyone active in the last hour).
    fn sweep(&mut self, now: DateTime<Utc>) {
        if self.swept.is_some_and(|t| now - t < minute()) {
            return;
        }
        self.swept = Some(now);
        self.people.retain(|_, p| {
            p.messages.back().is_some_and(|t| *t > now - minute())
                || p.expensive.back().is_some_and(|t| *t > now - hour())
                || p.told_until.is_some_and(|t| t > now)
        });
    }
}

/// Forgets the times at or before `since`; whether fewer than `max` are left.
fn has_room(times: &mut VecDeque<DateTime<Utc>>, max: u32, since: DateTime<Utc>) -> bool {
    while times.front().is_some_and(|t| *t <= since) {
        times.pop_front();
    }
    times.len() < max as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    const LIMITS: RateLimits = RateLimits {
        messages_per_minute: Some(3),
        expensive_per_hour: Some(1),
    };

    #[test]
    fn at_most_the_limit_goes_in_any_minute_and_the_person_is_told_once() {
        let limiter = Limiter::default();
        let amina = UserRef::new(Platform::Discord, "1");
        let grace = UserRef::new(Platform::Discord, "2");
        for s in [0, 10, 20] {
            assert_eq!(
                limiter.take(LIMITS, &amina, Cost::Message, at(s)),
                Verdict::Go
            );
        }
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Message, at(30)),
            Verdict::TooFast
        );
        assert!(limiter.tell_once(&amina, at(30)));
        assert!(!limiter.tell_once(&amina, at(45)), "once a minute");
        assert_eq!(
            limiter.take(LIMITS, &grace, Cost::Message, at(45)),
            Verdict::Go,
            "per person"
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Free, at(50)),
            Verdict::Go,
            "a report always gets through"
        );
        // A minute after the first, one more may go; the refused ones did not count.
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Message, at(60)),
            Verdict::Go
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Message, at(61)),
            Verdict::TooFast
        );
        assert!(
            limiter.tell_once(&amina, at(91)),
            "told again a minute later"
        );
    }

    #[test]
    fn an_expensive_command_goes_at_most_its_limit_in_an_hour_and_still_counts_as_a_message() {
        let limiter = Limiter::default();
        let amina = UserRef::new(Platform::Matrix, "@amina:x");
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Expensive, at(0)),
            Verdict::Go
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Expensive, at(1)),
            Verdict::TooOften { max: 1 }
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Message, at(2)),
            Verdict::Go
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Message, at(3)),
            Verdict::TooFast,
            "the refused command was a message too"
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Expensive, at(3599)),
            Verdict::TooOften { max: 1 }
        );
        assert_eq!(
            limiter.take(LIMITS, &amina, Cost::Expensive, at(3600)),
            Verdict::Go
        );
        let unlimited = RateLimits::default();
        for s in 0..100 {
            assert_eq!(
                limiter.take(unlimited, &amina, Cost::Expensive, at(4000 + s)),
                Verdict::Go
            );
        }
    }

    #[test]
    fn people_gone_quiet_are_forgotten() {
        let limiter = Limiter::default();
        for n in 0..1000 {
            let user = UserRef::new(Platform::Discord, n.to_string());
            limiter.take(LIMITS, &user, Cost::Message, at(n % 30));
        }
        assert_eq!(limiter.tracked(), 1000);
        let amina = UserRef::new(Platform::Discord, "amina");
        limiter.take(LIMITS, &amina, Cost::Expensive, at(100));
        assert_eq!(limiter.tracked(), 1, "only who wrote in the last minute");
        let grace = UserRef::new(Platform::Discord, "grace");
        limiter.take(LIMITS, &grace, Cost::Message, at(3000));
        assert_eq!(
            limiter.tracked(),
            2,
            "amina's expensive command counts for an hour"
        );
        let lee = UserRef::new(Platform::Discord, "lee");
        limiter.take(LIMITS, &lee, Cost::Message, at(3701));
        assert_eq!(
            limiter.tracked(),
            1,
            "amina's hour and grace's minute are over"
        );
    }
}
