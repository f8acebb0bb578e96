//! The SQL of the endpoints. Each function is one query or one statement on the caller's
//! transaction, typed by what it reads or writes, so the handlers keep roles, rules and answers
//! and hold no SQL; which transaction (read or write) and what a miss means stay theirs.

pub mod customers;
pub mod groups;
pub mod members;
pub mod org_contacts;
pub mod orgs;
pub mod outbox;
pub mod sessions;
mod sql;
pub mod users;

use crate::db::Schema;

/// Every module's tables, migrated in this order after the base schema (`db.rs`). A module's
/// migrations may reference the base tables and those of the modules above it only: on a fresh
/// file those are the ones that exist when it runs. Never rename a `module`: it is the key of
/// its version in the file.
pub const SCHEMA: &[Schema] = &[
    Schema::new("orgs", orgs::MIGRATIONS),
    Schema::new("customers", customers::MIGRATIONS),
    Schema::new("groups", groups::MIGRATIONS),
    Schema::new("users", users::MIGRATIONS),
    Schema::new("sessions", sessions::MIGRATIONS),
    Schema::new("members", members::MIGRATIONS),
    Schema::new("org_contacts", org_contacts::MIGRATIONS),
    Schema::new("outbox", outbox::MIGRATIONS),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    #[test]
    fn a_fresh_file_gets_every_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.sqlite3");
        drop(Db::open(&path, SCHEMA).unwrap());
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut statement = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .unwrap();
        let all: Vec<String> = statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for table in [
            "organisation",
            "customer",
            "user",
            "session",
            "api_key",
            "customer_group",
            "customer_group_member",
            "member",
            "permission",
            "role",
            "org_contact",
            "outbox",
            "idempotency",
            "schema_version",
        ] {
            assert!(all.contains(&table.to_owned()), "{table} missing: {all:?}");
        }
    }

    #[test]
    fn modules_have_distinct_keys() {
        let mut names: Vec<_> = SCHEMA.iter().map(Schema::module).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
