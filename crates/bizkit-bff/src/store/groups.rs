//! Customer groups and who is in them.

use bizkit_contract::CustomerGroup;
use rusqlite::{Row, Transaction, params};

fn group(r: &Row<'_>) -> rusqlite::Result<CustomerGroup> {
    Ok(CustomerGroup {
        slug: r.get(0)?,
        name: r.get(1)?,
        color: r.get(2)?,
    })
}

/// Finds or creates a group of the organisation by slug; an existing group keeps its name and
/// colour.
pub fn ensure(
    tx: &Transaction<'_>,
    org_id: i64,
    slug: &str,
    name: &str,
    color: Option<&str>,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO customer_group (org_id, slug, name, color) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id, slug) DO NOTHING",
        params![org_id, slug, name, color],
    )?;
    tx.query_row(
        "SELECT id FROM customer_group WHERE org_id = ?1 AND slug = ?2",
        params![org_id, slug],
        |r| r.get(0),
    )
}

/// Assigns a group to a customer; false when it was assigned already.
pub fn assign(tx: &Transaction<'_>, customer_id: i64, group_id: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "INSERT OR IGNORE INTO customer_group_member (customer_id, group_id) VALUES (?1, ?2)",
        params![customer_id, group_id],
    )? == 1)
}

/// A customer's groups by slug.
pub fn of_customer(tx: &Transaction<'_>, customer_id: i64) -> rusqlite::Result<Vec<CustomerGroup>> {
    let mut stmt = tx.prepare_cached(
        "SELECT g.slug, g.name, g.color FROM customer_group g
           JOIN customer_group_member m ON m.group_id = g.id
          WHERE m.customer_id = ?1 ORDER BY g.slug",
    )?;
    let rows = stmt.query_map([customer_id], group)?;
    rows.collect()
}

/// The organisation's groups by slug.
pub fn of_org(tx: &Transaction<'_>, org_id: i64) -> rusqlite::Result<Vec<CustomerGroup>> {
    let mut stmt = tx.prepare_cached(
        "SELECT slug, name, color FROM customer_group WHERE org_id = ?1 ORDER BY slug",
    )?;
    let rows = stmt.query_map([org_id], group)?;
    rows.collect()
}
