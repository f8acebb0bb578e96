//! Mail to send: rows a mailer would pick up (none runs locally; the tests read them).

use rusqlite::Transaction;

use super::sql;

/// The migrations of this module's tables (`outbox`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

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
