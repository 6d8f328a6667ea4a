//! The clock, injected so tests can move time.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock(Mutex::new(start))
    }

    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().expect("clock lock");
        *t += by;
    }

    /// Moves the clock to `t` (forwards only: a test's time never runs back).
    pub fn set(&self, t: DateTime<Utc>) {
        let mut now = self.0.lock().expect("clock lock");
        assert!(t >= *now, "the clock cannot go back from {now} to {t}");
        *now = t;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

/// The real time, shifted by an offset that can only grow: lets a console script jump
/// ahead ("three years later") while time keeps flowing.
#[derive(Debug, Default)]
pub struct ShiftedClock(Mutex<Duration>);

impl ShiftedClock {
    pub fn new() -> Self {
        Self::default()
    }

    /// A clock that reads `start` now and runs on from there (a script that must show
    /// the same dates whenever it runs).
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        ShiftedClock(Mutex::new(start - Utc::now()))
    }

    /// Moves the clock forward; a negative shift is refused (time does not run back).
    pub fn shift(&self, by: Duration) -> Result<DateTime<Utc>, String> {
        if by < Duration::zero() {
            return Err("the clock only moves forward".into());
        }
        let mut offset = self.0.lock().expect("clock lock");
        *offset += by;
        Ok(Utc::now() + *offset)
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.0.lock().expect("clock lock")
    }
}
