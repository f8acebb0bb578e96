//! Customers: the admin BFF's contacts and the portal's profiles are rows of one table.

use bizkit_contract::{
    AresRecord, StoredContact, UpdateProfileRequest, ValidContactCreate, ValidUpdateProfile,
};
use rusqlite::{OptionalExtension, Row, ToSql, Transaction, named_params};

use super::{groups, sql};
use crate::crypto::random_alnum;
use crate::db::rfc3339;

/// The migrations of this module's tables (`customer`) after the base schema of
/// `db.rs`, oldest first: a new table or column of this SQL goes here ([`crate::db::Schema`]).
pub(crate) const MIGRATIONS: &[&str] = &[];

/// A customer's row id, if there is such a customer.
type Found = rusqlite::Result<Option<i64>>;

/// The id of the organisation's customer whose `column` (a key of the table) is `value`.
fn id_by(tx: &Transaction<'_>, org_id: i64, column: &str, value: &str) -> Found {
    tx.query_row(
        &format!("SELECT id FROM customer WHERE org_id = :org_id AND {column} = :value"),
        named_params! {":org_id": org_id, ":value": value},
        |r| r.get("id"),
    )
    .optional()
}

/// A new cuRefNo not used in the organisation yet.
pub fn new_cu_ref_no(tx: &Transaction<'_>, org_id: i64) -> rusqlite::Result<String> {
    loop {
        let candidate = random_alnum(16);
        if id_by_cu_ref_no(tx, org_id, &candidate)?.is_none() {
            return Ok(candidate);
        }
    }
}

/// Whether a customer of the organisation has this e-mail (its uniqueness key).
pub fn email_taken(tx: &Transaction<'_>, org_id: i64, email_key: &str) -> rusqlite::Result<bool> {
    Ok(id_by_email_key(tx, org_id, email_key)?.is_some())
}

/// The customer of the organisation with this e-mail (its uniqueness key).
pub fn id_by_email_key(tx: &Transaction<'_>, org_id: i64, email_key: &str) -> Found {
    id_by(tx, org_id, "email_key", email_key)
}

/// The customer of the organisation with this cuRefNo.
pub fn id_by_cu_ref_no(tx: &Transaction<'_>, org_id: i64, cu_ref_no: &str) -> Found {
    id_by(tx, org_id, "cu_ref_no", cu_ref_no)
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
    sql::insert(
        tx,
        "customer",
        &[
            ("public_id", &n.public_id),
            ("org_id", &n.org_id),
            ("cu_ref_no", &n.cu_ref_no),
            ("email", &sql::text(&valid.email)),
            ("email_key", &n.email_key),
            ("first_name", &sql::text(&valid.first_name)),
            ("last_name", &sql::text(&valid.last_name)),
            ("phone", &sql::text(&valid.phone)),
            ("company_name", &c.map(|c| c.company_name.as_str())),
            ("ico", &sql::text(&valid.company_registration_number)),
            ("dic", &c.and_then(|c| c.dic.as_deref())),
            (
                "street_address",
                &c.and_then(|c| c.street_address.as_deref()),
            ),
            ("city", &c.and_then(|c| c.city.as_deref())),
            ("city_part", &c.and_then(|c| c.city_part.as_deref())),
            ("state_region", &c.and_then(|c| c.state_region.as_deref())),
            ("postal_code", &c.and_then(|c| c.postal_code.as_deref())),
            ("country", &c.and_then(|c| c.country.as_deref())),
            ("ignore_bulk_mail", &valid.ignore_bulk_mail),
            ("created_at", &n.now),
            ("updated_at", &n.now),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The columns every SELECT of a customer reads, in one list for the table: each reader
/// ([`stored_contact`], [`profile_of`]) takes its own by name, so a column is named here once.
const COLUMNS: &[&str] = &[
    "id",
    "public_id",
    "email",
    "name",
    "first_name",
    "last_name",
    "phone",
    "company_name",
    "ico",
    "dic",
    "street_address",
    "city",
    "city_part",
    "state_region",
    "postal_code",
    "country",
    "newsletter",
    "ignore_bulk_mail",
    "primary_locale",
    "customer_real_ip",
    "referral_id",
    "created_at",
];

fn stored_contact(r: &Row<'_>) -> rusqlite::Result<(i64, StoredContact)> {
    Ok((
        r.get("id")?,
        StoredContact {
            customer_id: r.get("public_id")?,
            email: r.get("email")?,
            first_name: r.get("first_name")?,
            last_name: r.get("last_name")?,
            phone: r.get("phone")?,
            company_registration_number: r.get("ico")?,
            company_name: r.get("company_name")?,
            street_address: r.get("street_address")?,
            city: r.get("city")?,
            city_part: r.get("city_part")?,
            state_region: r.get("state_region")?,
            postal_code: r.get("postal_code")?,
            country: r.get("country")?,
            dic: r.get("dic")?,
            ignore_bulk_mail: r.get("ignore_bulk_mail")?,
            group_list: Vec::new(),
            created_at: rfc3339(r.get("created_at")?),
        },
    ))
}

/// The portal's reading of a customer row, beside the admin's ([`stored_contact`]): the two
/// readers of the one table stand together, so a column renamed in [`COLUMNS`] is changed in
/// both at one place.
fn profile_of(r: &Row<'_>) -> rusqlite::Result<UpdateProfileRequest> {
    Ok(UpdateProfileRequest {
        email: r.get("email")?,
        name: r.get("name")?,
        first_name: r.get("first_name")?,
        last_name: r.get("last_name")?,
        phone: r.get("phone")?,
        company_name: r.get("company_name")?,
        company_registration_number: r.get("ico")?,
        tax_identification_number: r.get("dic")?,
        street_address: r.get("street_address")?,
        city: r.get("city")?,
        city_part: r.get("city_part")?,
        state_region: r.get("state_region")?,
        postal_code: r.get("postal_code")?,
        country: r.get("country")?,
        newsletter: Some(r.get("newsletter")?),
        primary_locale: r.get("primary_locale")?,
        groups: Vec::new(),
        customer_real_ip: r.get("customer_real_ip")?,
        referral_id: r.get("referral_id")?,
    })
}

/// The contact of the organisation with this public id, with its groups.
pub fn stored(
    tx: &Transaction<'_>,
    org_id: i64,
    public_id: &str,
) -> rusqlite::Result<Option<StoredContact>> {
    // The public id is unique, so this is one contact or none.
    let mut found = stored_where(
        tx,
        "public_id = :public_id AND org_id = :org_id",
        named_params! {":public_id": public_id, ":org_id": org_id},
    )?;
    Ok(found.pop())
}

/// The organisation's contacts with their groups, oldest first, at most `limit`.
pub fn stored_list(
    tx: &Transaction<'_>,
    org_id: i64,
    limit: i64,
) -> rusqlite::Result<Vec<StoredContact>> {
    stored_where(
        tx,
        "org_id = :org_id ORDER BY id LIMIT :limit",
        named_params! {":org_id": org_id, ":limit": limit},
    )
}

/// The contacts `condition` (what follows `WHERE`) picks, with their groups.
fn stored_where(
    tx: &Transaction<'_>,
    condition: &str,
    params: &[(&str, &dyn ToSql)],
) -> rusqlite::Result<Vec<StoredContact>> {
    let mut statement = tx.prepare(&format!(
        "SELECT {} FROM customer WHERE {condition}",
        sql::list(COLUMNS)
    ))?;
    let rows = statement
        .query_map(params, stored_contact)?
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
            &format!("SELECT {} FROM customer WHERE id = :id", sql::list(COLUMNS)),
            named_params! {":id": customer_id},
            profile_of,
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
    sql::update(
        tx,
        "customer",
        &[
            ("email", &valid.email.as_str()),
            ("name", &sql::text(&valid.name)),
            ("first_name", &sql::text(&valid.first_name)),
            ("last_name", &sql::text(&valid.last_name)),
            ("phone", &sql::text(&valid.phone)),
            ("company_name", &sql::text(&valid.company_name)),
            ("ico", &sql::text(&valid.company_registration_number)),
            ("dic", &sql::text(&valid.tax_identification_number)),
            ("street_address", &sql::text(&valid.street_address)),
            ("city", &sql::text(&valid.city)),
            ("city_part", &sql::text(&valid.city_part)),
            ("state_region", &sql::text(&valid.state_region)),
            ("postal_code", &sql::text(&valid.postal_code)),
            ("country", &sql::text(&valid.country)),
            ("newsletter", &valid.newsletter),
            ("primary_locale", &sql::text(&valid.primary_locale)),
            ("customer_real_ip", &sql::text(&valid.customer_real_ip)),
            ("referral_id", &sql::text(&valid.referral_id)),
            ("updated_at", &now),
        ],
        "id = :id",
        &[("id", &customer_id)],
    )?;
    Ok(())
}
