//! Customers: their groups and their profile.

use axum::extract::State;
use axum::http::StatusCode;
use bizkit_contract::{
    AddGroupsRequest, AddGroupsResponse, CustomerGroup, CustomerRef, Problem, Role,
    SuccessResponse, UpdateProfileRequest,
};
use rusqlite::{OptionalExtension, Transaction, params};

use super::*;
use crate::auth::{Admin, Authenticated, Subject};
use crate::db::now;
use crate::error::ApiError;
use crate::extract::Json;
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Customer groups
// ---------------------------------------------------------------------------------------------

/// The organisation's customer groups, to suggest existing ones.
#[utoipa::path(
    get, path = "/bff/customer-group/list", tag = "customer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Groups by slug", body = Vec<CustomerGroup>),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_group_list(
    State(state): State<AppState>,
    Admin(p): Admin,
) -> Result<Json<Vec<CustomerGroup>>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT slug, name, color FROM customer_group WHERE org_id = ?1 ORDER BY slug",
            )?;
            let rows = stmt.query_map([org_id], |r| {
                Ok(CustomerGroup {
                    slug: r.get(0)?,
                    name: r.get(1)?,
                    color: r.get(2)?,
                })
            })?;
            Ok(Json(rows.collect::<Result<_, _>>()?))
        })
        .await
}

/// Adds groups to a customer found by cuRefNo (preferred) or e-mail; unknown groups are
/// created, assigned ones skipped.
#[utoipa::path(
    post, path = "/api/v1/customer/add-groups", tag = "customer",
    security(("bearer" = [])),
    request_body = AddGroupsRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Groups added", body = AddGroupsResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `cuRefNo` or `email`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_add_groups(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<AddGroupsRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;
    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let (sql, value, field) = match &valid.customer {
                CustomerRef::CuRefNo(c) => (
                    "SELECT id FROM customer WHERE org_id = ?1 AND cu_ref_no = ?2",
                    c.as_str().to_owned(),
                    "cuRefNo",
                ),
                CustomerRef::Email(e) => (
                    "SELECT id FROM customer WHERE org_id = ?1 AND email_key = ?2",
                    e.uniqueness_key(),
                    "email",
                ),
            };
            let customer_id: i64 = tx
                .query_row(sql, params![org_id, value], |r| r.get(0))
                .optional()?
                .ok_or_else(|| customer_not_found(field))?;
            let mut added = Vec::new();
            let mut already_assigned = Vec::new();
            for slug in &valid.groups {
                let group_id = ensure_group(tx, org_id, slug.as_str(), slug.as_str(), None)?;
                if assign_group(tx, customer_id, group_id)? {
                    added.push(slug.as_str().to_owned());
                } else {
                    already_assigned.push(slug.as_str().to_owned());
                }
            }
            JsonAnswer::new(
                StatusCode::OK,
                None,
                &AddGroupsResponse {
                    success: true,
                    added,
                    already_assigned,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Customer profile
// ---------------------------------------------------------------------------------------------

fn profile_of(tx: &Transaction<'_>, customer_id: i64) -> Result<UpdateProfileRequest, ApiError> {
    let mut profile = tx
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
        .optional()?
        .ok_or_else(|| ApiError::not_found("The customer no longer exists."))?;
    profile.groups = customer_groups(tx, customer_id)?
        .into_iter()
        .map(|g| g.slug)
        .collect();
    Ok(profile)
}

/// The signed-in customer's profile (the 19 fields, in normal form).
#[utoipa::path(
    get, path = "/api/v1/customer/profile", tag = "customer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile", body = UpdateProfileRequest),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND: the sign-in is not a customer's", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_profile_get(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
) -> Result<Json<UpdateProfileRequest>, ApiError> {
    let Subject::User {
        customer_id: Some(customer_id),
        ..
    } = p.subject
    else {
        return Err(ApiError::not_found(
            "This sign-in has no customer profile; administrators read contacts under /bff/contact.",
        ));
    };
    state
        .db
        .read(move |tx| profile_of(tx, customer_id).map(Json))
        .await
}

/// Stores the 19 profile fields (normalised) of a customer: a customer token only its own
/// (the body's e-mail must be its e-mail), an admin token any customer of its organisation.
#[utoipa::path(
    post, path = "/api/v1/customer/update-profile", tag = "customer",
    security(("bearer" = [])),
    request_body = UpdateProfileRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Stored", body = SuccessResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN: another customer's e-mail", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `email` (admin)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_update_profile(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
    reservation: KeyScope,
    Json(req): Json<UpdateProfileRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;
    let key = valid.email.uniqueness_key();
    let own_customer = match &p.subject {
        Subject::User {
            email, customer_id, ..
        } if p.role == Role::Customer => {
            if email.to_lowercase() != key {
                return Err(ApiError::forbidden(
                    "A customer may update only its own profile: use your own e-mail.",
                ));
            }
            Some(customer_id.ok_or_else(|| ApiError::forbidden("No customer profile."))?)
        }
        _ => None,
    };
    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let customer_id = match own_customer {
                Some(id) => id,
                None => tx
                    .query_row(
                        "SELECT id FROM customer WHERE org_id = ?1 AND email_key = ?2",
                        params![org_id, key],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| customer_not_found("email"))?,
            };
            let s = |v: Option<&str>| v.map(str::to_owned);
            // The profile form always sends every field, so a field left out is cleared: the
            // stored profile is what was sent. Groups are only added (see below).
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
                    now(),
                ],
            )?;
            // A customer may join groups from the portal but never leave ones an administrator
            // assigned, so groups are added, not replaced.
            for slug in &valid.groups {
                let group_id = ensure_group(tx, org_id, slug.as_str(), slug.as_str(), None)?;
                assign_group(tx, customer_id, group_id)?;
            }
            JsonAnswer::new(StatusCode::OK, None, &SuccessResponse { success: true })?
                .record(tx, &reservation)
        })
        .await
}
