//! Organisation contacts (the peer API's model).

use bizkit_contract::{ContactType, Country, IdName, Lang, OrgContact, ValidOrgContactCreate};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::orgs::Org;

const COLUMNS: &str = "id, type_id, name, title, department, street, zipcode,
    country_id, city, email, phone, mobile, state, secondary_address, purchase_order_number";

fn from_row(org: &Org, r: &Row<'_>) -> rusqlite::Result<OrgContact> {
    let id: i64 = r.get(0)?;
    let type_id: u32 = r.get(1)?;
    let country_id: Option<u16> = r.get(7)?;
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
        name: r.get(2)?,
        title: r.get(3)?,
        department: r.get(4)?,
        street: r.get(5)?,
        zipcode: r.get(6)?,
        city: r.get(8)?,
        country: country_id.and_then(Country::from_numeric).map(|c| IdName {
            id: u64::from(c.numeric()),
            name: c.name_en().to_owned(),
        }),
        email: r.get(9)?,
        phone: r.get(10)?,
        mobile: r.get(11)?,
        state: r.get(12)?,
        secondary_address: r.get(13)?,
        purchase_order_number: r.get(14)?,
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
    let t = |x: Option<&str>| x.map(str::to_owned);
    tx.execute(
        "INSERT INTO org_contact (org_id, type_id, name, title, department, street, zipcode,
             city, country_id, email, phone, mobile, state, secondary_address,
             purchase_order_number, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            org_id,
            v.contact_type.id(),
            t(v.name.as_ref().map(|x| x.as_str())),
            t(v.title.as_ref().map(|x| x.as_str())),
            t(v.department.as_ref().map(|x| x.as_str())),
            t(v.street.as_ref().map(|x| x.as_str())),
            t(v.zipcode.as_ref().map(|x| x.as_str())),
            t(v.city.as_ref().map(|x| x.as_str())),
            v.country.as_ref().map(|c| c.numeric()),
            t(v.email.as_ref().map(|x| x.as_str())),
            t(v.phone.as_ref().map(|x| x.as_str())),
            t(v.mobile.as_ref().map(|x| x.as_str())),
            t(v.state.as_ref().map(|x| x.as_str())),
            t(v.secondary_address.as_ref().map(|x| x.as_str())),
            t(v.purchase_order_number.as_ref().map(|x| x.as_str())),
            now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The contact with this id, of any organisation: for the answer to its creation.
pub fn by_id(tx: &Transaction<'_>, org: &Org, id: i64) -> rusqlite::Result<OrgContact> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM org_contact WHERE id = ?1"),
        [id],
        |r| from_row(org, r),
    )
}

/// The organisation's contact with this id.
pub fn get(tx: &Transaction<'_>, org: &Org, id: i64) -> rusqlite::Result<Option<OrgContact>> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM org_contact WHERE org_id = ?1 AND id = ?2"),
        [org.id, id],
        |r| from_row(org, r),
    )
    .optional()
}

/// The organisation's contacts, oldest first.
pub fn list(tx: &Transaction<'_>, org: &Org) -> rusqlite::Result<Vec<OrgContact>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM org_contact WHERE org_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([org.id], |r| from_row(org, r))?;
    rows.collect()
}
