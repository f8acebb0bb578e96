//! The endpoints, named `<resource>_<verb>`. Each parses its body with the contract crate's
//! `parse` (the one place of every field rule) and keeps only storage, roles and look-ups here.

pub mod ares;
pub mod auth;
pub mod contacts;
pub mod customers;
pub mod members;
pub mod org_contacts;

use bizkit_contract::{CustomerGroup, ErrorCode, OrgRules};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::auth::random_alnum;
use crate::error::ApiError;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Shared look-ups
// ---------------------------------------------------------------------------------------------

/// An organisation row.
#[derive(Clone, Debug)]
pub struct Org {
    pub id: i64,
    pub name: String,
    pub default_country: String,
    pub phone_prefix: String,
    pub locales: Vec<String>,
}

impl Org {
    pub fn rules(&self) -> OrgRules {
        OrgRules {
            phone_prefix: self.phone_prefix.clone(),
            locales: self.locales.clone(),
        }
    }
}

pub(crate) fn load_org(tx: &Transaction<'_>, org_id: i64) -> Result<Org, ApiError> {
    tx.query_row(
        "SELECT id, name, default_country, phone_prefix, locales FROM organisation WHERE id = ?1",
        [org_id],
        |r| {
            Ok(Org {
                id: r.get(0)?,
                name: r.get(1)?,
                default_country: r.get(2)?,
                phone_prefix: r.get(3)?,
                locales: r
                    .get::<_, String>(4)?
                    .split(',')
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        },
    )
    .optional()?
    .ok_or_else(|| ApiError::internal(format!("organisation {org_id} is missing")))
}

pub(crate) async fn org_of(state: &AppState, org_id: i64) -> Result<Org, ApiError> {
    state.db.read(move |tx| load_org(tx, org_id)).await
}

pub(crate) fn customer_not_found(field: &str) -> ApiError {
    ApiError::NotFound {
        code: ErrorCode::CustomerNotFound,
        field: Some(field.to_owned()),
        detail: "No customer of this organisation has this identifier.".to_owned(),
    }
}

pub(crate) fn email_taken() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::EmailTaken,
        field: Some("email".to_owned()),
        detail: "Another contact of this organisation already has this e-mail.".to_owned(),
    }
}

/// Finds or creates a group of the organisation by slug; an existing group keeps its name and
/// colour.
pub(crate) fn ensure_group(
    tx: &Transaction<'_>,
    org_id: i64,
    slug: &str,
    name: &str,
    color: Option<&str>,
) -> Result<i64, ApiError> {
    tx.execute(
        "INSERT INTO customer_group (org_id, slug, name, color) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id, slug) DO NOTHING",
        params![org_id, slug, name, color],
    )?;
    Ok(tx.query_row(
        "SELECT id FROM customer_group WHERE org_id = ?1 AND slug = ?2",
        params![org_id, slug],
        |r| r.get(0),
    )?)
}

/// Assigns a group to a customer; false when it was assigned already.
pub(crate) fn assign_group(
    tx: &Transaction<'_>,
    customer_id: i64,
    group_id: i64,
) -> Result<bool, ApiError> {
    Ok(tx.execute(
        "INSERT OR IGNORE INTO customer_group_member (customer_id, group_id) VALUES (?1, ?2)",
        params![customer_id, group_id],
    )? == 1)
}

pub(crate) fn customer_groups(
    tx: &Transaction<'_>,
    customer_id: i64,
) -> Result<Vec<CustomerGroup>, ApiError> {
    let mut stmt = tx.prepare_cached(
        "SELECT g.slug, g.name, g.color FROM customer_group g
           JOIN customer_group_member m ON m.group_id = g.id
          WHERE m.customer_id = ?1 ORDER BY g.slug",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok(CustomerGroup {
            slug: r.get(0)?,
            name: r.get(1)?,
            color: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A new cuRefNo not used in the organisation yet.
pub(crate) fn new_cu_ref_no(tx: &Transaction<'_>, org_id: i64) -> Result<String, ApiError> {
    loop {
        let candidate = random_alnum(16);
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM customer WHERE org_id = ?1 AND cu_ref_no = ?2)",
            params![org_id, candidate],
            |r| r.get(0),
        )?;
        if !used {
            return Ok(candidate);
        }
    }
}
