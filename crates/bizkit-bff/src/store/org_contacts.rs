//! Organisation contacts (the peer API's model).

use bizkit_contract::{ContactType, Country, IdName, Lang, OrgContact, ValidOrgContactCreate};
use rusqlite::{OptionalExtension, Row, Transaction, named_params};

use super::orgs::Org;
use super::sql;

/// The migrations of this module's tables (`org_contact`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

/// What [`from_row`] reads.
const COLUMNS: &[&str] = &[
    "id",
    "type_id",
    "name",
    "title",
    "department",
    "street",
    "zipcode",
    "country_id",
    "city",
    "email",
    "phone",
    "mobile",
    "state",
    "secondary_address",
    "purchase_order_number",
];

fn from_row(org: &Org, r: &Row<'_>) -> rusqlite::Result<OrgContact> {
    let id: i64 = r.get("id")?;
    let type_id: u32 = r.get("type_id")?;
    let country_id: Option<u16> = r.get("country_id")?;
    Ok(OrgContact {
        id: id as u64,
        organisation: IdName {
            id: org.id as u64,
            name: org.name.clone(),
        },
        contact_type: IdName {
            id: u64::from(type_id),
            name: ContactType::from_id(type_id)
                .map(|t| t.name(Lang::En).to_owned())
                .unwrap_or_default(),
        },
        name: r.get("name")?,
        title: r.get("title")?,
        department: r.get("department")?,
        street: r.get("street")?,
        zipcode: r.get("zipcode")?,
        city: r.get("city")?,
        country: country_id.and_then(Country::from_numeric).map(|c| IdName {
            id: u64::from(c.numeric()),
            name: c.name_en().to_owned(),
        }),
        email: r.get("email")?,
        phone: r.get("phone")?,
        mobile: r.get("mobile")?,
        state: r.get("state")?,
        secondary_address: r.get("secondary_address")?,
        purchase_order_number: r.get("purchase_order_number")?,
        contact_id: id.to_string(),
    })
}

/// Stores a new contact of the organisation; answers its id.
pub fn insert(
    tx: &Transaction<'_>,
    org_id: i64,
    v: &ValidOrgContactCreate,
    now: i64,
) -> rusqlite::Result<i64> {
    sql::insert(
        tx,
        "org_contact",
        &[
            ("org_id", &org_id),
            ("type_id", &v.contact_type.id()),
            ("name", &sql::text(&v.name)),
            ("title", &sql::text(&v.title)),
            ("department", &sql::text(&v.department)),
            ("street", &sql::text(&v.street)),
            ("zipcode", &sql::text(&v.zipcode)),
            ("city", &sql::text(&v.city)),
            ("country_id", &v.country.as_ref().map(|c| c.numeric())),
            ("email", &sql::text(&v.email)),
            ("phone", &sql::text(&v.phone)),
            ("mobile", &sql::text(&v.mobile)),
            ("state", &sql::text(&v.state)),
            ("secondary_address", &sql::text(&v.secondary_address)),
            (
                "purchase_order_number",
                &sql::text(&v.purchase_order_number),
            ),
            ("created_at", &now),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The contact with this id, of any organisation: for the answer to its creation.
pub fn by_id(tx: &Transaction<'_>, org: &Org, id: i64) -> rusqlite::Result<OrgContact> {
    tx.query_row(
        &format!(
            "SELECT {} FROM org_contact WHERE id = :id",
            sql::list(COLUMNS)
        ),
        named_params! {":id": id},
        |r| from_row(org, r),
    )
}

/// The organisation's contact with this id.
pub fn get(tx: &Transaction<'_>, org: &Org, id: i64) -> rusqlite::Result<Option<OrgContact>> {
    tx.query_row(
        &format!(
            "SELECT {} FROM org_contact WHERE org_id = :org_id AND id = :id",
            sql::list(COLUMNS)
        ),
        named_params! {":org_id": org.id, ":id": id},
        |r| from_row(org, r),
    )
    .optional()
}

/// The organisation's contacts, oldest first.
pub fn list(tx: &Transaction<'_>, org: &Org) -> rusqlite::Result<Vec<OrgContact>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {} FROM org_contact WHERE org_id = :org_id ORDER BY id",
        sql::list(COLUMNS)
    ))?;
    let rows = stmt.query_map(named_params! {":org_id": org.id}, |r| from_row(org, r))?;
    rows.collect()
}
