//! The organisation contacts of the peer API.

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use bizkit_contract::{
    ContactType, Country, ErrorCode, FieldError, IdName, Lang, OrgContact, OrgContactCreateRequest,
    Problem, ValidOrgContactCreate,
};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::*;
use crate::auth::{Admin, Principal};
use crate::db::now;
use crate::error::ApiError;
use crate::extract::{Json, Path, query_param_names};
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Organisation contacts
// ---------------------------------------------------------------------------------------------

pub(crate) fn own_org(p: &Principal, org_id: i64) -> Result<(), ApiError> {
    if p.org_id == org_id {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "This token belongs to another organisation.",
        ))
    }
}

pub(crate) fn org_contact_from_row(org: &Org, r: &Row<'_>) -> rusqlite::Result<OrgContact> {
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

pub(crate) const ORG_CONTACT_COLUMNS: &str =
    "id, type_id, name, title, department, street, zipcode,
    country_id, city, email, phone, mobile, state, secondary_address, purchase_order_number";

pub(crate) fn insert_org_contact(
    tx: &Transaction<'_>,
    org_id: i64,
    v: &ValidOrgContactCreate,
) -> Result<i64, ApiError> {
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
            now(),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Creates a contact of the organisation (the peer API's model). `id` and `organisation_id`
/// must appear neither in the query nor in the body.
#[utoipa::path(
    post, path = "/api/v1/organizations/{org_id}/contacts", tag = "organisation",
    security(("bearer" = [])),
    request_body = OrgContactCreateRequest,
    params(
        ("org_id" = i64, Path, description = "The caller's organisation"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body"),
    ),
    responses(
        (status = 201, description = "Created; Location names the contact", body = OrgContact),
        (status = 400, description = "FORBIDDEN_PARAMETER (`id`, `organisation_id`), MALFORMED_JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN: another organisation, or a customer token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_create(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(org_id): Path<i64>,
    OriginalUri(uri): OriginalUri,
    reservation: KeyScope,
    Json(req): Json<OrgContactCreateRequest>,
) -> Result<JsonAnswer, ApiError> {
    own_org(&p, org_id)?;
    let org = org_of(&state, org_id).await?;
    let mut errors: Vec<FieldError> = uri
        .query()
        .map(query_param_names)
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n == "id" || n == "organisation_id")
        .map(|n| FieldError::new(n, ErrorCode::ForbiddenParameter))
        .collect();
    let parsed = req.parse(&org.rules());
    let valid = match parsed {
        Ok(valid) if errors.is_empty() => valid,
        Ok(_) => return Err(ApiError::Validation(errors)),
        Err(body_errors) => {
            for e in body_errors {
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
            return Err(ApiError::Validation(errors));
        }
    };
    state
        .db
        .write(move |tx| {
            let id = insert_org_contact(tx, org.id, &valid)?;
            let contact = tx.query_row(
                &format!("SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE id = ?1"),
                [id],
                |r| org_contact_from_row(&org, r),
            )?;
            JsonAnswer::new(
                StatusCode::CREATED,
                Some(format!(
                    "/api/v1/organizations/{org_id}/contacts/{}",
                    contact.id
                )),
                &contact,
            )?
            .record(tx, &reservation)
        })
        .await
}

/// The organisation's contacts, oldest first.
#[utoipa::path(
    get, path = "/api/v1/organizations/{org_id}/contacts", tag = "organisation",
    security(("bearer" = [])),
    params(("org_id" = i64, Path, description = "The caller's organisation")),
    responses(
        (status = 200, description = "The contacts", body = Vec<OrgContact>),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_list(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(org_id): Path<i64>,
) -> Result<Json<Vec<OrgContact>>, ApiError> {
    own_org(&p, org_id)?;
    state
        .db
        .read(move |tx| {
            let org = load_org(tx, org_id)?;
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE org_id = ?1 ORDER BY id"
            ))?;
            let rows = stmt.query_map([org_id], |r| org_contact_from_row(&org, r))?;
            Ok(Json(rows.collect::<Result<_, _>>()?))
        })
        .await
}

/// One contact of the organisation.
#[utoipa::path(
    get, path = "/api/v1/organizations/{org_id}/contacts/{id}", tag = "organisation",
    security(("bearer" = [])),
    params(
        ("org_id" = i64, Path, description = "The caller's organisation"),
        ("id" = i64, Path, description = "Contact id"),
    ),
    responses(
        (status = 200, description = "The contact", body = OrgContact),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_get(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path((org_id, id)): Path<(i64, i64)>,
) -> Result<Json<OrgContact>, ApiError> {
    own_org(&p, org_id)?;
    state
        .db
        .read(move |tx| {
            let org = load_org(tx, org_id)?;
            tx.query_row(
                &format!(
                    "SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE org_id = ?1 AND id = ?2"
                ),
                [org_id, id],
                |r| org_contact_from_row(&org, r),
            )
            .optional()?
            .map(Json)
            .ok_or_else(|| ApiError::not_found("No contact of this organisation has this id."))
        })
        .await
}
