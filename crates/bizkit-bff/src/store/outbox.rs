//! Mail to send: rows a mailer would pick up (none runs locally; the tests read them).

use rusqlite::Transaction;

use super::sql;

/// Queues one mail of `kind` (`registration-invite`, `member-added`, `member-invitation`).
pub fn push(
    tx: &Transaction<'_>,
    org_id: i64,
    kind: &str,
    recipient: &str,
    now: i64,
) -> rusqlite::Result<()> {
    sql::insert(
        tx,
        "outbox",
        &[
            ("org_id", &org_id),
            ("kind", &kind),
            ("recipient", &recipient),
            ("created_at", &now),
        ],
    )?;
    Ok(())
}
