//! The organisation contacts of the peer API.

use axum::extract::{OriginalUri, State};
use bizkit_contract::endpoint as e;
use bizkit_contract::field;
use bizkit_contract::{ErrorCode, FieldError, OrgContact, OrgContactCreateRequest};

use super::{contact_not_found, org_of, own_org};
use crate::auth::Admin;
use crate::db::now;
use crate::error::ApiError;
use crate::extract::{Json, Path, query_param_names};
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;
use crate::store;

// ---------------------------------------------------------------------------------------------
// Organisation contacts
// ---------------------------------------------------------------------------------------------

/// Creates a contact of the organisation (the peer API's model). `id` and `organisation_id`
/// must appear neither in the query nor in the body.
#[utoipa::path(
    post, path = e::ORG_CONTACT_CREATE.path, tag = "organisation",
    request_body = OrgContactCreateRequest,
    params(("org_id" = i64, Path, description = "The caller's organisation")),
    responses(
        (status = 201, description = "Created; Location names the contact", body = OrgContact),
        (status = 400, description = "FORBIDDEN_PARAMETER (`id`, `organisation_id`), MALFORMED_JSON"),
        (status = 403, description = "FORBIDDEN: another organisation, or a customer token"),
        (status = 422, description = "Every violated field"),
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
        .filter(|n| n == field::ID || n == field::ORGANISATION_ID)
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
            let id = store::org_contacts::insert(tx, org.id, &valid, now())?;
            let contact = store::org_contacts::by_id(tx, &org, id)?;
            reservation.created(
                tx,
                e::ORG_CONTACT_GET.path_with(&[&org_id.to_string(), &contact.id.to_string()]),
                &contact,
            )
        })
        .await
}

/// The organisation's contacts, oldest first.
#[utoipa::path(
    get, path = e::ORG_CONTACT_LIST.path, tag = "organisation",
    params(("org_id" = i64, Path, description = "The caller's organisation")),
    responses(
        (status = 200, description = "The contacts", body = Vec<OrgContact>),
        (status = 403, description = "FORBIDDEN"),
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
            let org = store::orgs::get(tx, org_id)?;
            Ok(Json(store::org_contacts::list(tx, &org)?))
        })
        .await
}

/// One contact of the organisation.
#[utoipa::path(
    get, path = e::ORG_CONTACT_GET.path, tag = "organisation",
    params(
        ("org_id" = i64, Path, description = "The caller's organisation"),
        ("id" = i64, Path, description = "Contact id"),
    ),
    responses(
        (status = 200, description = "The contact", body = OrgContact),
        (status = 403, description = "FORBIDDEN"),
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
            let org = store::orgs::get(tx, org_id)?;
            store::org_contacts::get(tx, &org, id)?
                .map(Json)
                .ok_or_else(contact_not_found)
        })
        .await
}
