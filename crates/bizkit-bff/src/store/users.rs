//! Users who sign in with a password.

use bizkit_contract::Role;
use rusqlite::{OptionalExtension, Transaction, named_params};

/// The migrations of this module's tables (`user`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

/// The `user.role` column of `role`: the contract's name of it.
pub fn role_column(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Customer => "customer",
    }
}

/// The role of a `user.role` column; anything but the administrator's name gets the least role.
pub fn role_of(column: &str) -> Role {
    if column == role_column(Role::Admin) {
        Role::Admin
    } else {
        Role::Customer
    }
}

/// What signing in checks of a user.
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    pub role: Role,
}

/// The user with this e-mail (its uniqueness key), if any.
pub fn credentials(tx: &Transaction<'_>, email_key: &str) -> rusqlite::Result<Option<Credentials>> {
    tx.query_row(
        "SELECT id, password_hash, role FROM user WHERE email_key = :email_key",
        named_params! {":email_key": email_key},
        |r| {
            Ok(Credentials {
                id: r.get("id")?,
                password_hash: r.get("password_hash")?,
                role: role_of(&r.get::<_, String>("role")?),
            })
        },
    )
    .optional()
}

/// The id of the user with this e-mail (its uniqueness key), if any.
pub fn id_by_email_key(tx: &Transaction<'_>, email_key: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM user WHERE email_key = :email_key",
        named_params! {":email_key": email_key},
        |r| r.get("id"),
    )
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reads_back_as_itself_and_nothing_else_is_an_admin() {
        for role in [Role::Admin, Role::Customer] {
            assert_eq!(role_of(role_column(role)), role);
        }
        assert_eq!(role_of("Admin"), Role::Customer);
        assert_eq!(role_of(""), Role::Customer);
    }
}
