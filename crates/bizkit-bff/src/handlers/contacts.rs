//! The admin BFF's customer contacts: create, one, the list.

use axum::extract::State;
use bizkit_contract::endpoint as e;
use bizkit_contract::{
    AresRecord, ContactCreateRequest, ContactCreateResponse, ErrorCode, StoredContact,
};

use super::{contact_not_found, email_conflict, org_of};
use crate::auth::Admin;
use crate::db::{now, unique_or_internal};
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;
use crate::store;
use crate::store::customers::NewContact;

fn email_taken() -> ApiError {
    email_conflict(
        ErrorCode::EmailTaken,
        "Another contact of this organisation already has this e-mail.",
    )
}

// ---------------------------------------------------------------------------------------------
// Contacts: create, one, the list
// ---------------------------------------------------------------------------------------------

/// Creates a customer contact; with an IČO, the company name and address come from ARES.
#[utoipa::path(
    post, path = e::CONTACT_CREATE.path, tag = "contact",
    request_body = ContactCreateRequest,
    responses(
        (status = 201, description = "Created; Location names the contact", body = ContactCreateResponse),
        (status = 403, description = "FORBIDDEN (customer token)"),
        (status = 409, description = "EMAIL_TAKEN on `email`, IDEMPOTENCY_KEY_IN_FLIGHT"),
        (status = 422, description = "Every violated field; IDEMPOTENCY_KEY_REUSED"),
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
    let company: Option<AresRecord> = match &valid.company_registration_number {
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
            if let Some(key) = &email_key
                && store::customers::email_taken(tx, org_id, key)?
            {
                return Err(email_taken());
            }
            let cu_ref_no = store::customers::new_cu_ref_no(tx, org_id)?;
            let now = now();
            let new = NewContact {
                public_id: &public_id,
                org_id,
                cu_ref_no: &cu_ref_no,
                email_key: email_key.as_deref(),
                contact: &valid,
                company: company.as_ref(),
                now,
            };
            // The schema's UNIQUE (org_id, email_key) is the last word should the check
            // above ever be bypassed.
            let customer_id =
                store::customers::insert(tx, &new).map_err(unique_or_internal(email_taken))?;
            for group in &valid.group_list {
                store::groups::join(
                    tx,
                    org_id,
                    customer_id,
                    group.slug.as_str(),
                    group.name.as_str(),
                    group.color.as_ref().map(|c| c.as_str()),
                )?;
            }
            if valid.send_registration_invite
                && let Some(email) = &valid.email
            {
                store::outbox::push(tx, org_id, "registration-invite", email.as_str(), now)?;
            }
            reservation.created(
                tx,
                e::CONTACT_GET.path_with(&[&public_id]),
                &ContactCreateResponse {
                    success: true,
                    customer_id: public_id,
                },
            )
        })
        .await
}

/// The stored contact in normal form.
#[utoipa::path(
    get, path = e::CONTACT_GET.path, tag = "contact",
    params(("customerId" = String, Path, description = "Id from the create answer")),
    responses(
        (status = 200, description = "The contact", body = StoredContact),
        (status = 403, description = "FORBIDDEN"),
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
            store::customers::stored(tx, org_id, &customer_id)?
                .map(Json)
                .ok_or_else(contact_not_found)
        })
        .await
}

/// Most contacts one answer holds; a real backend would page.
pub const LIST_MAX: i64 = 50_000;

/// Every contact of the organisation, oldest first, in normal form.
#[utoipa::path(
    get, path = e::CONTACT_LIST.path, tag = "contact",
    responses(
        (status = 200, description = "The organisation's contacts, oldest first", body = Vec<StoredContact>),
        (status = 403, description = "FORBIDDEN"),
    )
)]
pub async fn contact_list(
    State(state): State<AppState>,
    Admin(p): Admin,
) -> Result<Json<Vec<StoredContact>>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| Ok(Json(store::customers::stored_list(tx, org_id, LIST_MAX)?)))
        .await
}
