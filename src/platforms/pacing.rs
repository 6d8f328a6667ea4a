//! Keeping to a server's own pace for an action it limits (a Matrix homeserver lets an
//! account create about one room a minute after a burst of ten): learned from the first
//! "too many requests" it answers, so that a batch of a thousand pair rooms takes as long
//! as the server allows and meets about one refusal, not one per room.
//!
//! The server's limit is a token bucket (a burst, then a steady rate) that it does not
//! publish. The [`Pacer`] lets one action at a time go until the server first refuses one;
//! the refusal's wait says how far apart actions must be once the burst is spent, and
//! from then on actions are given slots that far apart (a little more, for clocks and
//! rounding). Waiting actions are not slept on: each is told when its slot comes (so that
//! the outbox can put it back until then, holding nothing) and goes when it comes back at
//! or after it.
//!
//! To pace another limited action, give it a `Pacer` of its own beside the call, ask
//! [`Pacer::slot`] before it, and tell [`Pacer::went`], [`Pacer::refused`] or
//! [`Pacer::failed`] after.

use std::time::{Duration, Instant};

/// How much further apart than the server's refusal said slots are spaced: its wait is
/// rounded, and our clock and its differ a little.
const MARGIN: f64 = 1.03;
/// Added to each learned spacing, for the same reasons, on a short one.
const SLACK: Duration = Duration::from_millis(50);
/// A slot not taken up for this long after it came is given up (its action failed
/// elsewhere, or its process ended).
const FORGET_AFTER: Duration = Duration::from_secs(300);
/// How soon an action waiting for the one in flight (before any refusal) asks again.
const POLL: Duration = Duration::from_millis(250);

/// The pace of one limited action, learned from the server.
#[derive(Debug, Default)]
pub struct Pacer {
    /// How far apart actions go once the server's burst is spent (`None`: no refusal
    /// yet, so the burst is not known to be spent).
    spacing: Option<Duration>,
    /// Nothing goes before this: a refusal's wait.
    not_before: Option<Instant>,
    /// When the last action went through.
    last_went: Option<Instant>,
    /// The action sent and not yet answered, before the pace is known (one at a time
    /// then, so that the burst's end costs one refusal, not one per action in flight).
    in_flight: Option<(String, Instant)>,
    /// Slots given to waiting actions, by key, in the order given.
    slots: Vec<(String, Instant)>,
    /// Refusals met, for the figures.
    refusals: u64,
}

impl Pacer {
    pub fn new() -> Pacer {
        Pacer::default()
    }

    /// Whether the action `key` may go at `now`: `None`, or when to come back.
    pub fn slot(&mut self, key: &str, now: Instant) -> Option<Instant> {
        self.slots.retain(|(_, at)| now < *at + FORGET_AFTER);
        if let Some((_, at)) = self.slots.iter().find(|(k, _)| k == key) {
            return (*at > now).then_some(*at);
        }
        let Some(spacing) = self.spacing else {
            // Before the first refusal: one at a time.
            return match &self.in_flight {
                Some((other, since)) if other != key && now < *since + FORGET_AFTER => {
                    Some(now + POLL)
                }
                _ => {
                    self.in_flight = Some((key.to_string(), now));
                    None
                }
            };
        };
        let after_last = self
            .slots
            .last()
            .map(|(_, at)| *at + spacing)
            .or_else(|| self.last_went.map(|at| at + spacing));
        let at = [self.not_before, after_last]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(now)
            .max(now);
        self.slots.push((key.to_string(), at));
        (at > now).then_some(at)
    }

    /// The action `key` went through: it was sent at `sent`. The slots still to come are
    /// kept at least a spacing after it, since it may have gone later than its slot (it
    /// waited for the one before, or came back late) and the server counts from when it
    /// came.
    pub fn went(&mut self, key: &str, sent: Instant) {
        self.last_went = Some(self.last_went.map_or(sent, |last| last.max(sent)));
        self.settle(key);
        if let Some(spacing) = self.spacing {
            let mut next = sent + spacing;
            for slot in &mut self.slots {
                slot.1 = slot.1.max(next);
                next = slot.1 + spacing;
            }
        }
    }

    /// The server refused the action `key` sent at `now` (as [`Pacer::went`] is told, so
    /// that the time between the two is the server's), saying to wait `wait`: the pace is
    /// learned (or widened) from it, and the action gets the next slot, returned.
    pub fn refused(&mut self, key: &str, now: Instant, wait: Duration) -> Instant {
        self.refusals += 1;
        // The server's wait, counted from the last action that went (a refusal just after
        // it says the whole spacing; one later, what is left of it).
        let since_last = self
            .last_went
            .map_or(Duration::ZERO, |at| now.saturating_duration_since(at));
        let learned = (wait + since_last).mul_f64(MARGIN) + SLACK;
        self.spacing = Some(self.spacing.map_or(learned, |s| s.max(learned)));
        let until = now + wait.mul_f64(MARGIN) + SLACK;
        self.not_before = Some(self.not_before.map_or(until, |n| n.max(until)));
        self.settle(key);
        // The refused action goes first once the wait is over; slots already given are
        // moved back past it, keeping their order.
        self.slots.insert(0, (key.to_string(), until));
        let spacing = self.spacing.unwrap_or(wait);
        let mut at = until;
        for slot in &mut self.slots {
            slot.1 = slot.1.max(at);
            at = slot.1 + spacing;
        }
        until
    }

    /// The action `key` failed for another reason (its slot is free for the next).
    pub fn failed(&mut self, key: &str) {
        self.settle(key);
    }

    /// Refusals met so far.
    pub fn refusals(&self) -> u64 {
        self.refusals
    }

    fn settle(&mut self, key: &str) {
        self.slots.retain(|(k, _)| k != key);
        if self.in_flight.as_ref().is_some_and(|(k, _)| k == key) {
            self.in_flight = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Synapse's limiter: `burst` actions at once, then `per_second`; answers whether an
    /// action at `at` may go, or how long to wait.
    struct Bucket {
        per_second: f64,
        burst: f64,
        count: f64,
        at: Option<Instant>,
    }

    impl Bucket {
        fn try_at(&mut self, now: Instant) -> Result<(), Duration> {
            let elapsed = self
                .at
                .map_or(0.0, |at| now.saturating_duration_since(at).as_secs_f64());
            let count = (self.count - elapsed * self.per_second).max(0.0);
            if count + 1.0 > self.burst {
                let wait = (count + 1.0 - self.burst) / self.per_second;
                return Err(Duration::from_secs_f64(wait));
            }
            self.count = count + 1.0;
            self.at = Some(now);
            Ok(())
        }
    }

    /// `n` actions, each asked for as soon as it may go again, against Synapse's room
    /// creation limit; (time taken, refusals).
    fn batch(n: usize, concurrent: usize) -> (Duration, u64) {
        batch_at(0.016, n, concurrent, |_| Duration::ZERO)
    }

    /// [`batch`] against a limit of `per_second` after the same burst, each action coming
    /// back `late(try)` after it was told to.
    fn batch_at(
        per_second: f64,
        n: usize,
        concurrent: usize,
        late: impl Fn(usize) -> Duration,
    ) -> (Duration, u64) {
        let start = Instant::now();
        let mut tries = 0;
        let mut server = Bucket {
            per_second,
            burst: 10.0,
            count: 0.0,
            at: None,
        };
        let mut pacer = Pacer::new();
        // Each waiting action's next try; the earliest goes first.
        let mut waiting: Vec<(Instant, usize)> =
            (0..concurrent.min(n)).map(|i| (start, i)).collect();
        let mut next = concurrent.min(n);
        let mut done = 0;
        let mut now = start;
        while done < n {
            waiting.sort();
            let (at, i) = waiting.remove(0);
            now = now.max(at) + Duration::from_millis(20);
            let key = format!("room-{i}");
            tries += 1;
            if let Some(later) = pacer.slot(&key, now) {
                waiting.push((later + late(tries), i));
                continue;
            }
            match server.try_at(now) {
                Ok(()) => {
                    pacer.went(&key, now);
                    done += 1;
                    if next < n {
                        waiting.push((now, next));
                        next += 1;
                    }
                }
                Err(wait) => {
                    let later = pacer.refused(&key, now, wait);
                    waiting.push((later + late(tries), i));
                }
            }
        }
        (now - start, pacer.refusals())
    }

    #[test]
    fn a_thousand_rooms_take_what_the_server_allows_and_meet_one_refusal() {
        let (took, refusals) = batch(1000, 20);
        // Ten at once, then one every 62.5 s.
        let allowed = Duration::from_secs_f64(990.0 / 0.016);
        assert!(refusals <= 1, "{refusals} refusals");
        assert!(
            took.as_secs_f64() <= allowed.as_secs_f64() * 1.1,
            "{took:?} against {allowed:?}"
        );
        assert!(took >= allowed);
    }

    #[test]
    fn actions_that_come_back_late_for_their_slots_still_keep_the_servers_pace() {
        // A room a second after ten, and each waiting action back up to 300 ms late (the
        // outbox's pace, a busy machine): no refusal but the burst's end.
        let (took, refusals) = batch_at(1.0, 300, 20, |t| {
            Duration::from_millis((t as u64 * 7919) % 300)
        });
        assert!(refusals <= 1, "{refusals} refusals");
        assert!(took >= Duration::from_secs(290));
    }

    #[test]
    fn actions_go_one_at_a_time_until_the_first_refusal_then_in_slots_kept_in_order() {
        let now = Instant::now();
        let mut pacer = Pacer::new();
        assert_eq!(pacer.slot("a", now), None);
        assert_eq!(pacer.slot("b", now), Some(now + POLL), "a is in flight");
        pacer.went("a", now);
        assert_eq!(pacer.slot("b", now), None);
        let back = pacer.refused("b", now, Duration::from_secs(60));
        assert!(back >= now + Duration::from_secs(60));
        let c = pacer.slot("c", now).expect("a slot after b's");
        assert!(c >= back + Duration::from_secs(60));
        assert_eq!(pacer.slot("b", back), None, "b goes at its slot");
        assert_eq!(pacer.slot("c", back), Some(c), "c keeps its slot");
    }
}
