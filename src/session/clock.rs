//! Time comes in from outside: the interview never reads the system clock itself, so every
//! timer (prep, answer limit, warnings) can be driven by a `FakeClock` in tests.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A source of time. `now` is monotonic (for countdowns); `unix_now` is wall-clock seconds
/// (for what the store records).
pub trait Clock {
    /// Monotonic time since this clock's origin.
    fn now(&self) -> Duration;
    /// Wall-clock time in seconds since the Unix epoch.
    fn unix_now(&self) -> i64;
}

/// The real clock: `Instant` for countdowns, `SystemTime` for timestamps.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    pub fn new() -> SystemClock {
        SystemClock {
            origin: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }

    fn unix_now(&self) -> i64 {
        // A clock set before 1970 is a broken machine, not a reason to crash: report 0.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

#[derive(Debug, Default)]
struct FakeTime {
    now: Duration,
    unix: i64,
}

/// A clock that only moves when told to. Clones share the same time, so a test can hand one
/// clone to the code under test and advance another.
#[derive(Debug, Clone, Default)]
pub struct FakeClock {
    inner: Arc<Mutex<FakeTime>>,
}

impl FakeClock {
    /// Starts at monotonic zero and at the given Unix time.
    pub fn new(unix_start: i64) -> FakeClock {
        FakeClock {
            inner: Arc::new(Mutex::new(FakeTime {
                now: Duration::ZERO,
                unix: unix_start,
            })),
        }
    }

    /// Moves both the monotonic and the wall-clock time forward (wall clock by whole seconds
    /// elapsed, so sub-second steps add up correctly).
    pub fn advance(&self, by: Duration) {
        let mut t = self.lock();
        let before = t.now.as_secs();
        t.now += by;
        let whole = t.now.as_secs() - before;
        t.unix = t
            .unix
            .saturating_add(i64::try_from(whole).unwrap_or(i64::MAX));
    }

    /// Sets the wall-clock time (e.g. to simulate a later day); monotonic time is untouched.
    pub fn set_unix(&self, unix: i64) {
        self.lock().unix = unix;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FakeTime> {
        // The data is two numbers, always consistent: a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Duration {
        self.lock().now
    }

    fn unix_now(&self) -> i64 {
        self.lock().unix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_clock_clones_share_time_and_count_whole_seconds() {
        let clock = FakeClock::new(1_000);
        let seen_by_code = clock.clone();
        clock.advance(Duration::from_millis(600));
        assert_eq!(seen_by_code.now(), Duration::from_millis(600));
        assert_eq!(seen_by_code.unix_now(), 1_000);
        clock.advance(Duration::from_millis(600));
        assert_eq!(seen_by_code.unix_now(), 1_001);
        clock.set_unix(5);
        assert_eq!(seen_by_code.unix_now(), 5);
        assert_eq!(seen_by_code.now(), Duration::from_millis(1_200));
    }

    #[test]
    fn system_clock_is_monotonic_and_after_2020() {
        let c = SystemClock::new();
        let a = c.now();
        let b = c.now();
        assert!(b >= a);
        assert!(c.unix_now() > 1_577_836_800);
    }
}
