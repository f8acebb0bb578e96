//! How a session lives and ends: it starts at sign-in, ends on sign-out (`DELETE
//! /api/v1/session`), after [`DEFAULT_SESSION_IDLE`] without a call, and at the latest
//! [`DEFAULT_TOKEN_TTL`] after sign-in.

use std::time::Duration;

use bizkit_contract::ErrorCode;

use crate::crypto::{new_session_token, sha256};
use crate::db::{Db, now};
use crate::error::ApiError;
use crate::store;

pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(8 * 3600);
/// A session not used for this long ends (the absolute end is [`DEFAULT_TOKEN_TTL`]).
pub const DEFAULT_SESSION_IDLE: Duration = Duration::from_secs(3600);

/// How long sessions live: the part of the server's state the sessions need besides the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionTimes {
    /// The latest end of a session after its sign-in.
    pub token_ttl: Duration,
    /// A session unused this long ends; zero: sessions never idle out.
    pub idle: Duration,
}

fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2)
}

impl SessionTimes {
    /// The idle timeout in seconds; `None` when sessions never idle out (`--session-idle-secs 0`).
    pub fn idle_secs(self) -> Option<i64> {
        let idle = secs(self.idle);
        (idle > 0).then_some(idle)
    }
}

/// Whether a session is over at `now`: past its end, or unused for longer than `idle`.
pub fn is_over(expires_at: i64, last_used_at: i64, now: i64, idle: Option<i64>) -> bool {
    expires_at <= now || idle.is_some_and(|idle| now.saturating_sub(last_used_at) >= idle)
}

/// How often a session's last use is written: a write per call would queue every call behind
/// the one writer; a tenth of the idle time (at most a minute) keeps the idle end accurate
/// enough.
fn touch_every(idle: Option<i64>) -> i64 {
    idle.map_or(60, |idle| (idle / 10).min(60))
}

/// `TOKEN_EXPIRED` for a session that is over; otherwise records the use (now and then).
pub async fn check_live(
    db: &Db,
    times: SessionTimes,
    token_hash: &[u8],
    expires_at: i64,
    last_used_at: i64,
) -> Result<(), ApiError> {
    let now = now();
    let idle = times.idle_secs();
    if is_over(expires_at, last_used_at, now, idle) {
        return Err(ApiError::Unauthorized(ErrorCode::TokenExpired));
    }
    if now.saturating_sub(last_used_at) >= touch_every(idle) {
        let hash = token_hash.to_vec();
        db.write(move |tx| Ok(store::sessions::touch(tx, &hash, now)?))
            .await?;
    }
    Ok(())
}

/// A new session of `user_id`; answers its token (only its hash is stored).
pub async fn create(db: &Db, times: SessionTimes, user_id: i64) -> Result<String, ApiError> {
    let token = new_session_token();
    let token_hash = sha256(token.as_bytes());
    let ttl = secs(times.token_ttl);
    db.write(move |tx| {
        let now = now();
        // Ended sessions are kept a week to answer TOKEN_EXPIRED rather than UNAUTHORIZED.
        store::sessions::purge_ended(tx, now - 7 * 86_400)?;
        store::sessions::insert(tx, &token_hash, user_id, now, now.saturating_add(ttl))?;
        Ok(())
    })
    .await?;
    Ok(token)
}

/// Seconds left until the session's end at the latest, and the idle timeout: what `GET
/// /api/v1/session` tells the app (nothing for an API key).
pub fn times(session_times: SessionTimes, expires_at: i64) -> (Option<u64>, Option<u64>) {
    let left = u64::try_from(expires_at.saturating_sub(now())).unwrap_or(0);
    let idle = session_times
        .idle_secs()
        .and_then(|i| u64::try_from(i).ok());
    (Some(left), idle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_at_its_end_or_when_idle() {
        let idle = Some(3600);
        assert!(!is_over(1000, 0, 999, idle));
        assert!(is_over(1000, 0, 1000, idle));
        assert!(!is_over(100_000, 10, 3609, idle));
        assert!(is_over(100_000, 10, 3610, idle));
        assert!(!is_over(100_000, 10, 90_000, None));
        assert_eq!(touch_every(Some(3600)), 60);
        assert_eq!(touch_every(Some(5)), 0);
    }
}
