//! Customers: the admin BFF's contacts and the portal's profiles are rows of one table.

use bizkit_contract::{
    AresRecord, StoredContact, UpdateProfileRequest, ValidContactCreate, ValidUpdateProfile,
};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::groups;
use crate::crypto::random_alnum;
use crate::db::rfc3339;

/// A new cuRefNo not used in the organisation yet.
pub fn new_cu_ref_no(tx: &Transaction<'_>, org_id: i64) -> rusqlite::Result<String> {
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

/// Whether a customer of the organisation has this e-mail (its uniqueness key).
pub fn email_taken(tx: &Transaction<'_>, org_id: i64, email_key: &str) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM customer WHERE org_id = ?1 AND email_key = ?2)",
        params![org_id, email_key],
        |r| r.get(0),
    )
}

/// The customer of the organisation with this e-mail (its uniqueness key).
pub fn id_by_email_key(
    tx: &Transaction<'_>,
    org_id: i64,
    email_key: &str,
) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM customer WHERE org_id = ?1 AND email_key = ?2",
        params![org_id, email_key],
        |r| r.get(0),
    )
    .optional()
}

/// The customer of the organisation with this cuRefNo.
pub fn id_by_cu_ref_no(
    tx: &Transaction<'_>,
    org_id: i64,
    cu_ref_no: &str,
) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM customer WHERE org_id = ?1 AND cu_ref_no = ?2",
        params![org_id, cu_ref_no],
        |r| r.get(0),
    )
    .optional()
}

/// A contact to store: the validated request and what the server adds to it.
pub struct NewContact<'a> {
    pub public_id: &'a str,
    pub org_id: i64,
    pub cu_ref_no: &'a str,
    pub email_key: Option<&'a str>,
    pub contact: &'a ValidContactCreate,
    /// What ARES knows of the IČO, if anything: the company name and address.
    pub company: Option<&'a AresRecord>,
    pub now: i64,
}

/// Stores a new contact; answers its row id. A taken e-mail fails on the schema's UNIQUE
/// (org_id, email_key) (see [`crate::db::is_unique_violation`]).
pub fn insert(tx: &Transaction<'_>, n: &NewContact<'_>) -> rusqlite::Result<i64> {
    let valid = n.contact;
    let c = n.company;
    tx.execute(
        "INSERT INTO customer (public_id, org_id, cu_ref_no, email, email_key,
                 first_name, last_name, phone, company_name, ico, dic, street_address,
                 city, city_part, state_region, postal_code, country, ignore_bulk_mail,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, ?17, ?18, ?19, ?19)",
        params![
            n.public_id,
            n.org_id,
            n.cu_ref_no,
            valid.email.as_ref().map(|e| e.as_str()),
            n.email_key,
            valid.first_name.as_ref().map(|v| v.as_str()),
            valid.last_name.as_ref().map(|v| v.as_str()),
            valid.phone.as_ref().map(|v| v.as_str()),
            c.map(|c| c.company_name.as_str()),
            valid
                .company_registration_number
                .as_ref()
                .map(|v| v.as_str()),
            c.and_then(|c| c.dic.as_deref()),
            c.and_then(|c| c.street_address.as_deref()),
            c.and_then(|c| c.city.as_deref()),
            c.and_then(|c| c.city_part.as_deref()),
            c.and_then(|c| c.state_region.as_deref()),
            c.and_then(|c| c.postal_code.as_deref()),
            c.and_then(|c| c.country.as_deref()),
            valid.ignore_bulk_mail,
            n.now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const STORED_CONTACT_COLUMNS: &str = "id, public_id, email, first_name, last_name, phone, ico,
    company_name, street_address, city, city_part, state_region, postal_code, country, dic,
    ignore_bulk_mail, created_at";

fn stored_contact(r: &Row<'_>) -> rusqlite::Result<(i64, StoredContact)> {
    Ok((
        r.get(0)?,
        StoredContact {
            customer_id: r.get(1)?,
            email: r.get(2)?,
            first_name: r.get(3)?,
            last_name: r.get(4)?,
            phone: r.get(5)?,
            company_registration_number: r.get(6)?,
            company_name: r.get(7)?,
            street_address: r.get(8)?,
            city: r.get(9)?,
            city_part: r.get(10)?,
            state_region: r.get(11)?,
            postal_code: r.get(12)?,
            country: r.get(13)?,
            dic: r.get(14)?,
            ignore_bulk_mail: r.get(15)?,
            group_list: Vec::new(),
            created_at: rfc3339(r.get(16)?),
        },
    ))
}

/// The contact of the organisation with this public id, with its groups.
pub fn stored(
    tx: &Transaction<'_>,
    org_id: i64,
    public_id: &str,
) -> rusqlite::Result<Option<StoredContact>> {
    let found = tx
        .query_row(
            &format!(
                "SELECT {STORED_CONTACT_COLUMNS} FROM customer WHERE public_id = ?1 AND org_id = ?2"
            ),
            params![public_id, org_id],
            stored_contact,
        )
        .optional()?;
    let Some((id, mut contact)) = found else {
        return Ok(None);
    };
    contact.group_list = groups::of_customer(tx, id)?;
    Ok(Some(contact))
}

/// The organisation's contacts with their groups, oldest first, at most `limit`.
pub fn stored_list(
    tx: &Transaction<'_>,
    org_id: i64,
    limit: i64,
) -> rusqlite::Result<Vec<StoredContact>> {
    let mut statement = tx.prepare(&format!(
        "SELECT {STORED_CONTACT_COLUMNS} FROM customer WHERE org_id = ?1 ORDER BY id LIMIT ?2"
    ))?;
    let rows = statement
        .query_map(params![org_id, limit], stored_contact)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, mut contact) in rows {
        contact.group_list = groups::of_customer(tx, id)?;
        out.push(contact);
    }
    Ok(out)
}

/// A customer's profile (the 19 fields, groups by slug).
pub fn profile(
    tx: &Transaction<'_>,
    customer_id: i64,
) -> rusqlite::Result<Option<UpdateProfileRequest>> {
    let found = tx
        .query_row(
            "SELECT email, name, first_name, last_name, phone, company_name, ico, dic,
                    street_address, city, city_part, state_region, postal_code, country,
                    newsletter, primary_locale, customer_real_ip, referral_id
               FROM customer WHERE id = ?1",
            [customer_id],
            |r| {
                Ok(UpdateProfileRequest {
                    email: r.get(0)?,
                    name: r.get(1)?,
                    first_name: r.get(2)?,
                    last_name: r.get(3)?,
                    phone: r.get(4)?,
                    company_name: r.get(5)?,
                    company_registration_number: r.get(6)?,
                    tax_identification_number: r.get(7)?,
                    street_address: r.get(8)?,
                    city: r.get(9)?,
                    city_part: r.get(10)?,
                    state_region: r.get(11)?,
                    postal_code: r.get(12)?,
                    country: r.get(13)?,
                    newsletter: Some(r.get(14)?),
                    primary_locale: r.get(15)?,
                    groups: Vec::new(),
                    customer_real_ip: r.get(16)?,
                    referral_id: r.get(17)?,
                })
            },
        )
        .optional()?;
    let Some(mut profile) = found else {
        return Ok(None);
    };
    profile.groups = groups::of_customer(tx, customer_id)?
        .into_iter()
        .map(|g| g.slug)
        .collect();
    Ok(Some(profile))
}

/// Overwrites a customer's profile fields with the validated ones: a field left out is
/// cleared. Groups are not touched (see [`groups::assign`]).
pub fn update_profile(
    tx: &Transaction<'_>,
    customer_id: i64,
    valid: &ValidUpdateProfile,
    now: i64,
) -> rusqlite::Result<()> {
    let s = |v: Option<&str>| v.map(str::to_owned);
    tx.execute(
        "UPDATE customer SET email = ?2, name = ?3, first_name = ?4, last_name = ?5,
             phone = ?6, company_name = ?7, ico = ?8, dic = ?9, street_address = ?10,
             city = ?11, city_part = ?12, state_region = ?13, postal_code = ?14,
             country = ?15, newsletter = ?16, primary_locale = ?17,
             customer_real_ip = ?18, referral_id = ?19, updated_at = ?20
         WHERE id = ?1",
        params![
            customer_id,
            valid.email.as_str(),
            s(valid.name.as_ref().map(|v| v.as_str())),
            s(valid.first_name.as_ref().map(|v| v.as_str())),
            s(valid.last_name.as_ref().map(|v| v.as_str())),
            s(valid.phone.as_ref().map(|v| v.as_str())),
            s(valid.company_name.as_ref().map(|v| v.as_str())),
            s(valid
                .company_registration_number
                .as_ref()
                .map(|v| v.as_str())),
            s(valid.tax_identification_number.as_ref().map(|v| v.as_str())),
            s(valid.street_address.as_ref().map(|v| v.as_str())),
            s(valid.city.as_ref().map(|v| v.as_str())),
            s(valid.city_part.as_ref().map(|v| v.as_str())),
            s(valid.state_region.as_ref().map(|v| v.as_str())),
            s(valid.postal_code.as_ref().map(|v| v.as_str())),
            s(valid.country.as_ref().map(|v| v.as_str())),
            valid.newsletter,
            s(valid.primary_locale.as_ref().map(|v| v.as_str())),
            s(valid.customer_real_ip.as_ref().map(|v| v.as_str())),
            s(valid.referral_id.as_ref().map(|v| v.as_str())),
            now,
        ],
    )?;
    Ok(())
}
