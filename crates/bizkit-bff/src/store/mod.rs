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
