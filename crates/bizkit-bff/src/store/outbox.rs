//! Mail to send: rows a mailer would pick up (none runs locally; the tests read them).

use rusqlite::{Transaction, params};

/// Queues one mail of `kind` (`registration-invite`, `member-added`, `member-invitation`).
pub fn push(
    tx: &Transaction<'_>,
    org_id: i64,
    kind: &str,
    recipient: &str,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO outbox (org_id, kind, recipient, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![org_id, kind, recipient, now],
    )?;
    Ok(())
}
