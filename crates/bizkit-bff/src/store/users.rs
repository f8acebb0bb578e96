//! Users who sign in with a password.

use rusqlite::{OptionalExtension, Transaction};

/// What signing in checks of a user.
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    pub role: String,
}

/// The user with this e-mail (its uniqueness key), if any.
pub fn credentials(tx: &Transaction<'_>, email_key: &str) -> rusqlite::Result<Option<Credentials>> {
    tx.query_row(
        "SELECT id, password_hash, role FROM user WHERE email_key = ?1",
        [email_key],
        |r| {
            Ok(Credentials {
                id: r.get(0)?,
                password_hash: r.get(1)?,
                role: r.get(2)?,
            })
        },
    )
    .optional()
}

/// The id of the user with this e-mail (its uniqueness key), if any.
pub fn id_by_email_key(tx: &Transaction<'_>, email_key: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM user WHERE email_key = ?1",
        [email_key],
        |r| r.get(0),
    )
    .optional()
}
