//! `GET /api/v1/ares/{ico}`: the ARES look-up for every signed-in caller, customers included, so
//! the portal page and the widget fill a customer's company details. The answer is the admin BFF's
//! (`/bff/ares/{ico}`), from the same per-IČO cache; what this route adds is a limit per token, so
//! no one token turns the server into a free ARES proxy and gets it blocked by the ministry.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Look-ups one token may make at once.
pub const BURST: u32 = 20;
/// After the burst, one more look-up per this period (20 a minute).
pub const REFILL: Duration = Duration::from_secs(3);
/// Buckets kept before full ones are dropped.
const MAX_BUCKETS: usize = 100_000;

/// A token bucket per bearer token (by its SHA-256: the token itself is never kept).
pub struct LookupLimiter {
    burst: u32,
    refill: Duration,
    buckets: Mutex<HashMap<Vec<u8>, (f64, Instant)>>,
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter::new(BURST, REFILL)
    }
}

impl LookupLimiter {
    pub fn new(burst: u32, refill: Duration) -> Self {
        LookupLimiter {
            burst: burst.max(1),
            refill: refill.max(Duration::from_millis(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one look-up for `key`; `Err(seconds)` until the next one is due.
    pub fn take(&self, key: &[u8]) -> Result<(), u64> {
        let burst = f64::from(self.burst);
        let per_sec = 1.0 / self.refill.as_secs_f64();
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            // Buckets that refilled completely say nothing a new one would not.
            buckets.retain(|_, (left, at)| {
                *left + now.duration_since(*at).as_secs_f64() * per_sec < burst
            });
        }
        let (left, at) = buckets.entry(key.to_vec()).or_insert((burst, now));
        *left = (*left + now.duration_since(*at).as_secs_f64() * per_sec).min(burst);
        *at = now;
        if *left >= 1.0 {
            *left -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - *left) / per_sec;
            // Whole seconds, rounded up: a client that waits as told is never refused again.
            Err((wait.ceil() as u64).max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_one_per_period_per_key() {
        let l = LookupLimiter::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert!(l.take(b"a").is_ok());
        }
        let wait = l.take(b"a").unwrap_err();
        assert!((59..=60).contains(&wait), "{wait}");
        assert!(l.take(b"b").is_ok(), "another token has its own bucket");
    }

    #[test]
    fn the_bucket_refills() {
        let l = LookupLimiter::new(1, Duration::from_millis(20));
        assert!(l.take(b"a").is_ok());
        assert_eq!(l.take(b"a"), Err(1));
        std::thread::sleep(Duration::from_millis(30));
        assert!(l.take(b"a").is_ok());
    }
}
