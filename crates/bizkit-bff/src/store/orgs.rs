//! Organisations.

use bizkit_contract::OrgRules;
use rusqlite::{OptionalExtension, Transaction, named_params};

use crate::error::ApiError;

/// The migrations of this module's tables (`organisation`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

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

/// The organisation of a signed-in caller. Every principal belongs to one, so a missing row is
/// the server's fault (a 500), not the caller's.
pub fn get(tx: &Transaction<'_>, org_id: i64) -> Result<Org, ApiError> {
    tx.query_row(
        "SELECT id, name, default_country, phone_prefix, locales FROM organisation WHERE id = :id",
        named_params! {":id": org_id},
        |r| {
            Ok(Org {
                id: r.get("id")?,
                name: r.get("name")?,
                default_country: r.get("default_country")?,
                phone_prefix: r.get("phone_prefix")?,
                locales: r
                    .get::<_, String>("locales")?
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
