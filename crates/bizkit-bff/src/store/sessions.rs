//! Sessions, by the SHA-256 of their token (the token itself is never stored).

use rusqlite::{Transaction, params};

/// Records a use of the session at `now`, unless a later one is recorded already.
pub fn touch(tx: &Transaction<'_>, token_hash: &[u8], now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE session SET last_used_at = ?2
          WHERE token_hash = ?1 AND last_used_at < ?2",
        params![token_hash, now],
    )?;
    Ok(())
}

/// Forgets sessions that ended before `before`.
pub fn purge_ended(tx: &Transaction<'_>, before: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM session WHERE expires_at < ?1", [before])?;
    Ok(())
}

/// A new session of `user_id`, used last at its start.
pub fn insert(
    tx: &Transaction<'_>,
    token_hash: &[u8],
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO session (token_hash, user_id, created_at, expires_at, last_used_at)
         VALUES (?1, ?2, ?3, ?4, ?3)",
        params![token_hash, user_id, now, expires_at],
    )?;
    Ok(())
}

/// Ends the session.
pub fn delete(tx: &Transaction<'_>, token_hash: &[u8]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM session WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}
