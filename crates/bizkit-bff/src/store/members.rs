//! Members of an organisation and the permission and role catalogue.

use bizkit_contract::{CodeName, ValidMemberInvite};
use rusqlite::{Transaction, named_params};

use super::sql;

/// The migrations of this module's tables (`member`, `permission`, `role`) after the base
/// schema of `db.rs`, oldest first: a new table or column of this SQL goes here
/// ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

fn codes(tx: &Transaction<'_>, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| r.get("code"))?;
    rows.collect()
}

/// Every permission code there is.
pub fn permission_codes(tx: &Transaction<'_>) -> rusqlite::Result<Vec<String>> {
    codes(tx, "SELECT code FROM permission")
}

/// Every role code there is.
pub fn role_codes(tx: &Transaction<'_>) -> rusqlite::Result<Vec<String>> {
    codes(tx, "SELECT code FROM role")
}

fn catalogue(tx: &Transaction<'_>, sql: &str) -> rusqlite::Result<Vec<CodeName>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(CodeName {
            code: r.get("code")?,
            name: r.get("name")?,
        })
    })?;
    rows.collect()
}

/// The permissions to grant from, in catalogue order.
pub fn permissions(tx: &Transaction<'_>) -> rusqlite::Result<Vec<CodeName>> {
    catalogue(tx, "SELECT code, name FROM permission ORDER BY position")
}

/// The roles to grant from, in catalogue order.
pub fn roles(tx: &Transaction<'_>) -> rusqlite::Result<Vec<CodeName>> {
    catalogue(tx, "SELECT code, name FROM role ORDER BY position")
}

/// Whether the e-mail (its uniqueness key) is a member of the organisation or invited.
pub fn exists(tx: &Transaction<'_>, org_id: i64, email_key: &str) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM member WHERE org_id = :org_id AND email_key = :email_key)",
        named_params! {":org_id": org_id, ":email_key": email_key},
        |r| r.get(0),
    )
}

/// A member to store: `user_id` is the registered user of the e-mail, if there is one (then
/// the member is active at once, otherwise invited).
pub struct NewMember<'a> {
    pub public_id: &'a str,
    pub org_id: i64,
    pub email_key: &'a str,
    pub user_id: Option<i64>,
    pub invite: &'a ValidMemberInvite,
    pub now: i64,
}

/// Stores a new member. A second one of the same e-mail fails on the schema's UNIQUE (see
/// [`crate::db::is_unique_violation`]).
pub fn insert(tx: &Transaction<'_>, m: &NewMember<'_>) -> rusqlite::Result<()> {
    let valid = m.invite;
    sql::insert(
        tx,
        "member",
        &[
            ("public_id", &m.public_id),
            ("org_id", &m.org_id),
            ("email", &valid.email.as_str()),
            ("email_key", &m.email_key),
            ("first_name", &sql::text(&valid.first_name)),
            ("last_name", &sql::text(&valid.last_name)),
            (
                "status",
                &if m.user_id.is_some() {
                    "active"
                } else {
                    "invited"
                },
            ),
            ("user_id", &m.user_id),
            (
                "permission_codes",
                &serde_json::to_string(&valid.permission_codes).unwrap_or_default(),
            ),
            (
                "role_codes",
                &serde_json::to_string(&valid.role_codes).unwrap_or_default(),
            ),
            ("description", &sql::text(&valid.description)),
            ("created_at", &m.now),
        ],
    )?;
    Ok(())
}
