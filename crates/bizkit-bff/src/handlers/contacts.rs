//! The admin BFF's customer contacts: create, one, the list.

use axum::extract::State;
use axum::http::StatusCode;
use bizkit_contract::{ContactCreateRequest, ContactCreateResponse, Problem, StoredContact};
use rusqlite::{OptionalExtension, Row, params};

use super::*;
use crate::ares::AresCompany;
use crate::auth::Admin;
use crate::db::{is_unique_violation, now, rfc3339};
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// POST /bff/contact/create, GET /bff/contact/{customerId}
// ---------------------------------------------------------------------------------------------

/// Creates a customer contact; with an IČO, the company name and address come from ARES.
#[utoipa::path(
    post, path = "/bff/contact/create", tag = "contact",
    security(("bearer" = [])),
    request_body = ContactCreateRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 201, description = "Created; Location names the contact", body = ContactCreateResponse),
        (status = 400, description = "MALFORMED_JSON, IDEMPOTENCY_KEY_INVALID", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN (customer token)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "EMAIL_TAKEN on `email`, IDEMPOTENCY_KEY_IN_FLIGHT", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "PAYLOAD_TOO_LARGE", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "UNSUPPORTED_MEDIA_TYPE", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field; IDEMPOTENCY_KEY_REUSED", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn contact_create(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<ContactCreateRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;

    // The contact create body has no company fields, so whatever ARES knows fills them. An
    // outage or an unknown IČO does not stop the contact: the IČO is stored as typed.
    let company: Option<AresCompany> = match &valid.company_registration_number {
        Some(ico) => match state.ares.lookup(ico.as_str()).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(error = %e, "ARES lookup for a new contact failed");
                None
            }
        },
        None => None,
    };

    let org_id = org.id;
    let public_id = uuid::Uuid::new_v4().to_string();
    state
        .db
        .write(move |tx| {
            let email_key = valid.email.as_ref().map(|e| e.uniqueness_key());
            if let Some(key) = &email_key {
                let taken: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM customer WHERE org_id = ?1 AND email_key = ?2)",
                    params![org_id, key],
                    |r| r.get(0),
                )?;
                if taken {
                    return Err(email_taken());
                }
            }
            let cu_ref_no = new_cu_ref_no(tx, org_id)?;
            let now = now();
            let c = company.as_ref();
            tx.execute(
                "INSERT INTO customer (public_id, org_id, cu_ref_no, email, email_key,
                         first_name, last_name, phone, company_name, ico, dic, street_address,
                         city, city_part, state_region, postal_code, country, ignore_bulk_mail,
                         created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                         ?16, ?17, ?18, ?19, ?19)",
                params![
                    public_id,
                    org_id,
                    cu_ref_no,
                    valid.email.as_ref().map(|e| e.as_str()),
                    email_key,
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
                    now,
                ],
            )
            // The schema's UNIQUE (org_id, email_key) is the last word should the check
            // above ever be bypassed.
            .map_err(|e| {
                if is_unique_violation(&e) {
                    email_taken()
                } else {
                    e.into()
                }
            })?;
            let customer_id = tx.last_insert_rowid();
            for group in &valid.group_list {
                let group_id = ensure_group(
                    tx,
                    org_id,
                    group.slug.as_str(),
                    group.name.as_str(),
                    group.color.as_ref().map(|c| c.as_str()),
                )?;
                assign_group(tx, customer_id, group_id)?;
            }
            if valid.send_registration_invite
                && let Some(email) = &valid.email
            {
                tx.execute(
                    "INSERT INTO outbox (org_id, kind, recipient, created_at)
                         VALUES (?1, 'registration-invite', ?2, ?3)",
                    params![org_id, email.as_str(), now],
                )?;
            }
            JsonAnswer::new(
                StatusCode::CREATED,
                Some(format!("/bff/contact/{public_id}")),
                &ContactCreateResponse {
                    success: true,
                    customer_id: public_id,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

pub(crate) fn stored_contact(r: &Row<'_>) -> rusqlite::Result<(i64, StoredContact)> {
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

/// The stored contact in normal form.
#[utoipa::path(
    get, path = "/bff/contact/{customerId}", tag = "contact",
    security(("bearer" = [])),
    params(("customerId" = String, Path, description = "Id from the create answer")),
    responses(
        (status = 200, description = "The contact", body = StoredContact),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn contact_get(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(customer_id): Path<String>,
) -> Result<Json<StoredContact>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| {
            let (id, mut contact) = tx
                .query_row(
                    "SELECT id, public_id, email, first_name, last_name, phone, ico, company_name,
                            street_address, city, city_part, state_region, postal_code, country,
                            dic, ignore_bulk_mail, created_at
                       FROM customer WHERE public_id = ?1 AND org_id = ?2",
                    params![customer_id, org_id],
                    stored_contact,
                )
                .optional()?
                .ok_or_else(|| {
                    ApiError::not_found("No contact of this organisation has this id.")
                })?;
            contact.group_list = customer_groups(tx, id)?;
            Ok(Json(contact))
        })
        .await
}

/// Most contacts one answer holds; a real backend would page.
pub const LIST_MAX: i64 = 50_000;

/// Every contact of the organisation, oldest first, in normal form.
#[utoipa::path(
    get, path = "/bff/contact/list", tag = "contact",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The organisation's contacts, oldest first", body = Vec<StoredContact>),
        (status = 401, description = "UNAUTHORIZED", body = bizkit_contract::Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = bizkit_contract::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn contact_list(
    State(state): State<AppState>,
    Admin(p): Admin,
) -> Result<Json<Vec<StoredContact>>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| {
            let mut statement = tx.prepare(
                "SELECT id, public_id, email, first_name, last_name, phone, ico, company_name,
                        street_address, city, city_part, state_region, postal_code, country,
                        dic, ignore_bulk_mail, created_at
                   FROM customer WHERE org_id = ?1 ORDER BY id LIMIT ?2",
            )?;
            let rows = statement
                .query_map(params![org_id, LIST_MAX], stored_contact)?
                .collect::<Result<Vec<_>, _>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (id, mut contact) in rows {
                contact.group_list = customer_groups(tx, id)?;
                out.push(contact);
            }
            Ok(Json(out))
        })
        .await
}
