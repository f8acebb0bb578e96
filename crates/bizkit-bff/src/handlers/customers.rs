//! Customers: their groups and their profile.

use axum::extract::State;
use bizkit_contract::endpoint as e;
use bizkit_contract::{
    AddGroupsRequest, AddGroupsResponse, CustomerGroup, Role, SuccessResponse, UpdateProfileRequest,
};

use super::{customer_by_email_key, customer_named, org_of};
use crate::auth::{Admin, Authenticated, Subject};
use crate::client_ip::CallerIp;
use crate::db::now;
use crate::error::ApiError;
use crate::extract::Json;
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;
use crate::store;

// ---------------------------------------------------------------------------------------------
// Customer groups
// ---------------------------------------------------------------------------------------------

/// The organisation's customer groups, to suggest existing ones.
#[utoipa::path(
    get, path = e::CUSTOMER_GROUP_LIST.path, tag = "customer",
    responses(
        (status = 200, description = "Groups by slug", body = Vec<CustomerGroup>),
        (status = 403, description = "FORBIDDEN"),
    )
)]
pub async fn customer_group_list(
    State(state): State<AppState>,
    Admin(p): Admin,
) -> Result<Json<Vec<CustomerGroup>>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| Ok(Json(store::groups::of_org(tx, org_id)?)))
        .await
}

/// Adds groups to a customer found by cuRefNo (preferred) or e-mail; unknown groups are
/// created, assigned ones skipped.
#[utoipa::path(
    post, path = e::CUSTOMER_ADD_GROUPS.path, tag = "customer",
    request_body = AddGroupsRequest,
    responses(
        (status = 200, description = "Groups added", body = AddGroupsResponse),
        (status = 403, description = "FORBIDDEN"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `cuRefNo` or `email`"),
        (status = 422, description = "Every violated field"),
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
            let customer_id = customer_named(tx, org_id, &valid.customer)?;
            let mut added = Vec::new();
            let mut already_assigned = Vec::new();
            for slug in &valid.groups {
                let slug = slug.as_str();
                if store::groups::join(tx, org_id, customer_id, slug, slug, None)? {
                    added.push(slug.to_owned());
                } else {
                    already_assigned.push(slug.to_owned());
                }
            }
            reservation.ok(
                tx,
                &AddGroupsResponse {
                    success: true,
                    added,
                    already_assigned,
                },
            )
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Customer profile
// ---------------------------------------------------------------------------------------------

/// The signed-in customer's profile (the 19 fields, in normal form).
#[utoipa::path(
    get, path = e::CUSTOMER_PROFILE_GET.path, tag = "customer",
    responses(
        (status = 200, description = "The profile", body = UpdateProfileRequest),
        (status = 404, description = "NOT_FOUND: the sign-in is not a customer's"),
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
        .read(move |tx| {
            store::customers::profile(tx, customer_id)?
                .map(Json)
                .ok_or_else(|| ApiError::not_found("The customer no longer exists."))
        })
        .await
}

/// Stores the 19 profile fields (normalised) of a customer: a customer token only its own
/// (the body's e-mail must be its e-mail), an admin token any customer of its organisation.
/// Without `customerRealIp` (or with an empty one) the address the request came from is stored.
#[utoipa::path(
    post, path = e::CUSTOMER_UPDATE_PROFILE.path, tag = "customer",
    request_body = UpdateProfileRequest,
    responses(
        (status = 200, description = "Stored", body = SuccessResponse),
        (status = 403, description = "FORBIDDEN: another customer's e-mail"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `email` (admin)"),
        (status = 422, description = "Every violated field"),
    )
)]
pub async fn customer_update_profile(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
    CallerIp(caller): CallerIp,
    reservation: KeyScope,
    Json(req): Json<UpdateProfileRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let mut valid = req.parse(&org.rules())?;
    // The form no longer asks people for their IP address: the server knows it better. A value
    // an API client sends is kept, as the contract says.
    if req
        .customer_real_ip
        .as_deref()
        .is_none_or(|ip| ip.trim().is_empty())
    {
        valid.customer_real_ip = Some(caller);
    }
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
                None => customer_by_email_key(tx, org_id, &key)?,
            };
            // The profile form always sends every field, so a field left out is cleared: the
            // stored profile is what was sent. Groups are only added (see below).
            store::customers::update_profile(tx, customer_id, &valid, now())?;
            // A customer may join groups from the portal but never leave ones an administrator
            // assigned, so groups are added, not replaced.
            for slug in &valid.groups {
                let slug = slug.as_str();
                store::groups::join(tx, org_id, customer_id, slug, slug, None)?;
            }
            reservation.ok(tx, &SuccessResponse { success: true })
        })
        .await
}
