//! Sessions, by the SHA-256 of their token (the token itself is never stored).

use rusqlite::{Transaction, named_params};

use super::sql;

/// The migrations of this module's tables (`session`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

/// Records a use of the session at `now`, unless a later one is recorded already.
pub fn touch(tx: &Transaction<'_>, token_hash: &[u8], now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE session SET last_used_at = :now
          WHERE token_hash = :token_hash AND last_used_at < :now",
        named_params! {":token_hash": token_hash, ":now": now},
    )?;
    Ok(())
}

/// Forgets sessions that ended before `before`.
pub fn purge_ended(tx: &Transaction<'_>, before: i64) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM session WHERE expires_at < :before",
        named_params! {":before": before},
    )?;
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
    sql::insert(
        tx,
        "session",
        &[
            ("token_hash", &token_hash),
            ("user_id", &user_id),
            ("created_at", &now),
            ("expires_at", &expires_at),
            ("last_used_at", &now),
        ],
    )?;
    Ok(())
}

/// Ends the session.
pub fn delete(tx: &Transaction<'_>, token_hash: &[u8]) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM session WHERE token_hash = :token_hash",
        named_params! {":token_hash": token_hash},
    )?;
    Ok(())
}
