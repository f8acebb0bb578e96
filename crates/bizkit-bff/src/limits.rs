//! Limits that hold under concurrency.
//!
//! **Sign-in.** Every attempt takes a *failure slot* before its password check, in one critical
//! section, on three counters at once:
//!
//! | counter | default | what it stops |
//! |---|---|---|
//! | the e-mail from this client address | 5 failures / 5 min | guessing one account from one place |
//! | this client address, any e-mail | 20 failures / 5 min | trying many accounts from one place |
//! | the e-mail, from any address | 50 failures / 5 min | guessing one account from many places |
//!
//! A slot is counted as a failure unless the password turns out right, and attempts still running
//! count against the limit, so 40 parallel guesses cannot all get past a check made before any of
//! them failed: at most 5 reach the hash. Refusals are 429 with `Retry-After`.
//!
//! **The rightful owner** is not locked out for long by someone else's guesses: the strict limit is
//! per e-mail *and* address, so guesses from one place do not lock the owner out anywhere else; the
//! e-mail-wide limit is ten times higher and only a guesser spread over many addresses reaches it,
//! and then for at most 5 minutes (the windows are short on purpose: the limits only need to make
//! guessing slow, and with them one address gets at most 60 guesses an hour at one account).
//! Signing in correctly clears the counter of that e-mail and address, never the others: the
//! guesser cannot reset its address's count by signing into an account of its own.
//!
//! **Password hashes.** Argon2 takes 19 MiB and a core's worth of time per check: at most
//! [`SignInLimits::max_concurrent_hashes`] run at once; an attempt waits for its turn up to
//! [`SignInLimits::hash_wait`] and is then refused (429, `Retry-After: 1`) without counting as a
//! failure.
//!
//! **Client address.** The socket's peer address (`ConnectInfo`), never a header a client could
//! write. IPv6 clients are counted per /64, the block one subscriber usually holds, so rotating
//! addresses inside it gives no fresh slots. Behind a reverse proxy every client has the proxy's
//! address: the per-address limit then covers all of them together.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// Largest accepted request body: the router's limit, and what the idempotency layer buffers at
/// most to fingerprint a request.
pub const BODY_LIMIT: usize = 64 * 1024;

/// One limit: at most `max` failures in a window of `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

/// The numbers of the sign-in limits (see the module docs for why these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignInLimits {
    pub per_email_and_address: Limit,
    pub per_address: Limit,
    pub per_email: Limit,
    /// Password hashes that may run at the same time.
    pub max_concurrent_hashes: usize,
    /// How long an attempt waits for a hash to be free before it is refused.
    pub hash_wait: Duration,
}

impl Default for SignInLimits {
    fn default() -> Self {
        let five_minutes = Duration::from_secs(300);
        SignInLimits {
            per_email_and_address: Limit {
                max: 5,
                window: five_minutes,
            },
            per_address: Limit {
                max: 20,
                window: five_minutes,
            },
            per_email: Limit {
                max: 50,
                window: five_minutes,
            },
            max_concurrent_hashes: 4,
            hash_wait: Duration::from_secs(2),
        }
    }
}

/// The part of a client's address its sign-in attempts are counted under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClientKey {
    V4([u8; 4]),
    /// The /64 prefix.
    V6([u8; 8]),
    /// Served without connect info (a test calling the router directly): all such callers share.
    Unknown,
}

impl ClientKey {
    pub fn of(ip: Option<IpAddr>) -> ClientKey {
        match ip.map(|ip| ip.to_canonical()) {
            Some(IpAddr::V4(v4)) => ClientKey::V4(v4.octets()),
            Some(IpAddr::V6(v6)) => {
                let mut prefix = [0u8; 8];
                prefix.copy_from_slice(&v6.octets()[..8]);
                ClientKey::V6(prefix)
            }
            None => ClientKey::Unknown,
        }
    }
}

/// The client's address from the socket, where the server was started with connect info
/// (`into_make_service_with_connect_info::<SocketAddr>()`, as `main.rs` and the tests do).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
        ))
    }
}

#[derive(Clone, Copy, Debug)]
struct Window {
    start: Instant,
    failures: u32,
    /// Attempts holding a slot whose outcome is not known yet.
    in_flight: u32,
}

impl Window {
    fn fresh(now: Instant) -> Self {
        Window {
            start: now,
            failures: 0,
            in_flight: 0,
        }
    }

    /// Starts a new window once the old one is over (slots still in flight carry over).
    fn roll(&mut self, now: Instant, limit: Limit) {
        if now.duration_since(self.start) >= limit.window {
            self.start = now;
            self.failures = 0;
        }
    }

    /// `Err(seconds)` when no slot is free: until the window ends when the failures alone fill
    /// it, one second when attempts in flight do (they may yet succeed and free theirs).
    fn free(&self, now: Instant, limit: Limit) -> Result<(), u64> {
        if self.failures >= limit.max {
            let left = limit.window.saturating_sub(now.duration_since(self.start));
            return Err(left.as_secs_f64().ceil().max(1.0) as u64);
        }
        if self.failures + self.in_flight >= limit.max {
            return Err(1);
        }
        Ok(())
    }
}

type Pair = (String, ClientKey);

#[derive(Default)]
struct Counters {
    pair: HashMap<Pair, Window>,
    address: HashMap<ClientKey, Window>,
    email: HashMap<String, Window>,
}

/// Entries kept before expired ones are swept out: a bound on memory under a flood of e-mails.
const SWEEP_ABOVE: usize = 50_000;

fn window<'a, K: Hash + Eq + Clone>(
    map: &'a mut HashMap<K, Window>,
    key: &K,
    now: Instant,
    limit: Limit,
) -> &'a mut Window {
    if map.len() > SWEEP_ABOVE {
        map.retain(|_, w| w.in_flight > 0 || now.duration_since(w.start) < limit.window);
    }
    let w = map.entry(key.clone()).or_insert_with(|| Window::fresh(now));
    w.roll(now, limit);
    w
}

/// The sign-in limiter and the password-hash gate; one per server.
pub struct LoginLimiter {
    limits: SignInLimits,
    counters: Mutex<Counters>,
    hashes: Arc<Semaphore>,
    hashes_started: AtomicU64,
    hashes_running: AtomicU64,
    hashes_peak: AtomicU64,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(SignInLimits::default())
    }
}

impl LoginLimiter {
    pub fn new(limits: SignInLimits) -> Self {
        LoginLimiter {
            limits,
            counters: Mutex::new(Counters::default()),
            hashes: Arc::new(Semaphore::new(limits.max_concurrent_hashes.max(1))),
            hashes_started: AtomicU64::new(0),
            hashes_running: AtomicU64::new(0),
            hashes_peak: AtomicU64::new(0),
        }
    }

    pub fn limits(&self) -> SignInLimits {
        self.limits
    }

    fn lock(&self) -> MutexGuard<'_, Counters> {
        self.counters.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a failure slot for `email` (its uniqueness key) from `client`, or says how many
    /// seconds to wait. Checking and taking happen under one lock: no two attempts can both see
    /// the last free slot.
    pub fn reserve(self: &Arc<Self>, email: &str, client: ClientKey) -> Result<Slot, ApiError> {
        let now = Instant::now();
        let l = self.limits;
        let pair: Pair = (email.to_owned(), client);
        let mut guard = self.lock();
        let c = &mut *guard;
        let waits = [
            window(&mut c.pair, &pair, now, l.per_email_and_address)
                .free(now, l.per_email_and_address),
            window(&mut c.address, &client, now, l.per_address).free(now, l.per_address),
            window(&mut c.email, &pair.0, now, l.per_email).free(now, l.per_email),
        ];
        if let Some(retry_after_secs) = waits.iter().filter_map(|w| w.err()).max() {
            return Err(ApiError::RateLimited { retry_after_secs });
        }
        for w in [
            c.pair.get_mut(&pair),
            c.address.get_mut(&client),
            c.email.get_mut(&pair.0),
        ]
        .into_iter()
        .flatten()
        {
            w.in_flight += 1;
        }
        drop(guard);
        Ok(Slot {
            limiter: Arc::clone(self),
            pair: Some(pair),
            hashed: false,
        })
    }

    fn release(&self, pair: &Pair, outcome: Outcome) {
        let now = Instant::now();
        let l = self.limits;
        let mut guard = self.lock();
        let c = &mut *guard;
        let settle = |w: Option<&mut Window>, limit: Limit, clear: bool| {
            if let Some(w) = w {
                w.in_flight = w.in_flight.saturating_sub(1);
                w.roll(now, limit);
                match outcome {
                    Outcome::Failed => w.failures = w.failures.saturating_add(1),
                    Outcome::Succeeded if clear => w.failures = 0,
                    _ => {}
                }
            }
        };
        settle(c.pair.get_mut(pair), l.per_email_and_address, true);
        settle(c.address.get_mut(&pair.1), l.per_address, false);
        settle(c.email.get_mut(&pair.0), l.per_email, false);
    }

    /// Waits for one of the password-hash turns; 429 after [`SignInLimits::hash_wait`].
    pub async fn hash_permit(self: &Arc<Self>) -> Result<HashPermit, ApiError> {
        match tokio::time::timeout(
            self.limits.hash_wait,
            Arc::clone(&self.hashes).acquire_owned(),
        )
        .await
        {
            Ok(Ok(permit)) => {
                let running = self.hashes_running.fetch_add(1, Ordering::Relaxed) + 1;
                self.hashes_peak.fetch_max(running, Ordering::Relaxed);
                Ok(HashPermit {
                    _permit: permit,
                    limiter: Arc::clone(self),
                })
            }
            _ => Err(ApiError::RateLimited {
                retry_after_secs: 1,
            }),
        }
    }

    /// How many password checks (real or against the dummy hash) have started since the server
    /// started: what the limits let through to Argon2.
    pub fn hashes_started(&self) -> u64 {
        self.hashes_started.load(Ordering::Relaxed)
    }

    /// The most turns at hashing that were taken at the same time.
    pub fn peak_concurrent_hashes(&self) -> u64 {
        self.hashes_peak.load(Ordering::Relaxed)
    }
}

/// One turn at hashing; held by the blocking task that hashes, so it is freed when the hash is
/// done even if the client went away.
pub struct HashPermit {
    _permit: OwnedSemaphorePermit,
    limiter: Arc<LoginLimiter>,
}

impl Drop for HashPermit {
    fn drop(&mut self) {
        self.limiter.hashes_running.fetch_sub(1, Ordering::Relaxed);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Failed,
    Succeeded,
    /// Gave up before the password was checked: the slot is given back.
    NotChecked,
}

/// A taken failure slot. Dropped without [`Slot::succeeded`] after the password was checked, it
/// counts as a failure (also when the client disconnected mid-check); dropped before, it is given
/// back.
pub struct Slot {
    limiter: Arc<LoginLimiter>,
    pair: Option<Pair>,
    hashed: bool,
}

impl Slot {
    /// Marks that the password check starts now (and counts it).
    pub fn hashing(&mut self) {
        self.hashed = true;
        self.limiter.hashes_started.fetch_add(1, Ordering::Relaxed);
    }

    pub fn succeeded(mut self) {
        if let Some(pair) = self.pair.take() {
            self.limiter.release(&pair, Outcome::Succeeded);
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(pair) = self.pair.take() {
            let outcome = if self.hashed {
                Outcome::Failed
            } else {
                Outcome::NotChecked
            };
            self.limiter.release(&pair, outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(max: u32) -> Arc<LoginLimiter> {
        let limit = Limit {
            max,
            window: Duration::from_secs(60),
        };
        Arc::new(LoginLimiter::new(SignInLimits {
            per_email_and_address: limit,
            per_address: Limit {
                max: max * 3,
                ..limit
            },
            per_email: Limit {
                max: max * 10,
                ..limit
            },
            ..SignInLimits::default()
        }))
    }

    const A: ClientKey = ClientKey::V4([10, 0, 0, 1]);
    const B: ClientKey = ClientKey::V4([10, 0, 0, 2]);

    fn fail(l: &Arc<LoginLimiter>, email: &str, client: ClientKey) {
        let mut slot = l.reserve(email, client).unwrap();
        slot.hashing();
    }

    #[test]
    fn slots_in_flight_count_against_the_limit() {
        let l = limiter(5);
        let held: Vec<Slot> = (0..5).map(|_| l.reserve("a", A).unwrap()).collect();
        let Err(ApiError::RateLimited { retry_after_secs }) = l.reserve("a", A) else {
            panic!("a sixth slot while five are in flight");
        };
        assert_eq!(retry_after_secs, 1);
        // Given back unchecked: free again, and no failure counted.
        drop(held);
        for _ in 0..5 {
            fail(&l, "a", A);
        }
        let Err(ApiError::RateLimited { retry_after_secs }) = l.reserve("a", A) else {
            panic!("locked after five failures");
        };
        assert!((59..=60).contains(&retry_after_secs), "{retry_after_secs}");
    }

    #[test]
    fn the_owner_elsewhere_is_not_locked_out_and_success_clears_only_its_pair() {
        let l = limiter(5);
        for _ in 0..5 {
            fail(&l, "owner", A);
        }
        assert!(l.reserve("owner", A).is_err());
        l.reserve("owner", B).unwrap().succeeded();
        // B's success does not unlock A.
        assert!(l.reserve("owner", A).is_err());
        // A signs into an account of its own: its address count is not reset by that.
        for i in 0..9 {
            fail(&l, &format!("other{i}"), A);
        }
        l.reserve("mine", A).unwrap().succeeded();
        // 15 failures from A: locked, the success in between did not count them back.
        fail(&l, "other9", A);
        assert!(matches!(
            l.reserve("fresh", A),
            Err(ApiError::RateLimited { .. })
        ));
    }

    #[test]
    fn the_email_wide_limit_stops_spread_out_guessing() {
        let l = limiter(1);
        for i in 0..10u8 {
            fail(&l, "target", ClientKey::V4([10, 1, 0, i]));
        }
        assert!(l.reserve("target", ClientKey::V4([10, 2, 0, 1])).is_err());
        assert!(l.reserve("someone", ClientKey::V4([10, 2, 0, 1])).is_ok());
    }

    #[test]
    fn ipv6_counts_per_64_and_mapped_v4_is_v4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(ClientKey::of(Some(a)), ClientKey::of(Some(b)));
        assert_ne!(ClientKey::of(Some(a)), ClientKey::of(Some(c)));
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(ClientKey::of(Some(mapped)), ClientKey::V4([127, 0, 0, 1]));
        assert_eq!(ClientKey::of(None), ClientKey::Unknown);
    }
}
