//! Customer groups and who is in them.

use bizkit_contract::CustomerGroup;
use rusqlite::{Row, Transaction, named_params};

/// The migrations of this module's tables (`customer_group`, `customer_group_member`) after
/// the base schema of `db.rs`, oldest first: a new table or column of this SQL goes here
/// ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

fn group(r: &Row<'_>) -> rusqlite::Result<CustomerGroup> {
    Ok(CustomerGroup {
        slug: r.get("slug")?,
        name: r.get("name")?,
        color: r.get("color")?,
    })
}

/// Puts a customer in the organisation's group `slug`, creating the group (with `name` and
/// `color`) when the organisation has none of that slug yet; false when the customer was in it
/// already. The one way a customer joins a group (a new contact, add-groups, the profile), so
/// a group a customer is in always exists in the customer's own organisation.
pub fn join(
    tx: &Transaction<'_>,
    org_id: i64,
    customer_id: i64,
    slug: &str,
    name: &str,
    color: Option<&str>,
) -> rusqlite::Result<bool> {
    let group_id = ensure(tx, org_id, slug, name, color)?;
    assign(tx, customer_id, group_id)
}

/// Finds or creates a group of the organisation by slug; an existing group keeps its name and
/// colour.
fn ensure(
    tx: &Transaction<'_>,
    org_id: i64,
    slug: &str,
    name: &str,
    color: Option<&str>,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO customer_group (org_id, slug, name, color) VALUES (:org_id, :slug, :name, :color)
         ON CONFLICT (org_id, slug) DO NOTHING",
        named_params! {":org_id": org_id, ":slug": slug, ":name": name, ":color": color},
    )?;
    tx.query_row(
        "SELECT id FROM customer_group WHERE org_id = :org_id AND slug = :slug",
        named_params! {":org_id": org_id, ":slug": slug},
        |r| r.get("id"),
    )
}

/// Assigns a group to a customer; false when it was assigned already.
fn assign(tx: &Transaction<'_>, customer_id: i64, group_id: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "INSERT OR IGNORE INTO customer_group_member (customer_id, group_id) VALUES (:customer_id, :group_id)",
        named_params! {":customer_id": customer_id, ":group_id": group_id},
    )? == 1)
}

/// A customer's groups by slug.
pub fn of_customer(tx: &Transaction<'_>, customer_id: i64) -> rusqlite::Result<Vec<CustomerGroup>> {
    let mut stmt = tx.prepare_cached(
        "SELECT g.slug, g.name, g.color FROM customer_group g
           JOIN customer_group_member m ON m.group_id = g.id
          WHERE m.customer_id = :customer_id ORDER BY g.slug",
    )?;
    let rows = stmt.query_map(named_params! {":customer_id": customer_id}, group)?;
    rows.collect()
}

/// The organisation's groups by slug.
pub fn of_org(tx: &Transaction<'_>, org_id: i64) -> rusqlite::Result<Vec<CustomerGroup>> {
    let mut stmt = tx.prepare_cached(
        "SELECT slug, name, color FROM customer_group WHERE org_id = :org_id ORDER BY slug",
    )?;
    let rows = stmt.query_map(named_params! {":org_id": org_id}, group)?;
    rows.collect()
}
