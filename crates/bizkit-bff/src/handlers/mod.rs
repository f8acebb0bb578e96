//! The endpoints, named `<resource>_<verb>`, one file per resource. Each parses its body with the
//! contract crate's `parse` (the one place of every field rule), decides roles and answers, and
//! leaves the SQL to [`crate::store`].

pub mod ares;
pub mod auth;
pub mod contacts;
pub mod customers;
pub mod members;
pub mod org_contacts;

use bizkit_contract::{CustomerRef, ErrorCode, field};
use rusqlite::Transaction;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store;
use crate::store::orgs::Org;

/// The organisation, in a read transaction of its own.
pub(crate) async fn org_of(state: &AppState, org_id: i64) -> Result<Org, ApiError> {
    state.db.read(move |tx| store::orgs::get(tx, org_id)).await
}

/// 403 unless the token belongs to the organisation of the path.
pub(crate) fn own_org(p: &Principal, org_id: i64) -> Result<(), ApiError> {
    if p.org_id == org_id {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "This token belongs to another organisation.",
        ))
    }
}

/// The customer a request names, looked up in the caller's organisation only; 404 on the field
/// that named it.
pub(crate) fn customer_named(
    tx: &Transaction<'_>,
    org_id: i64,
    customer: &CustomerRef,
) -> Result<i64, ApiError> {
    match customer {
        CustomerRef::CuRefNo(c) => store::customers::id_by_cu_ref_no(tx, org_id, c.as_str())?
            .ok_or_else(|| customer_not_found(field::CU_REF_NO)),
        CustomerRef::Email(e) => customer_by_email_key(tx, org_id, &e.uniqueness_key()),
    }
}

/// The customer of the caller's organisation with this e-mail (its uniqueness key); 404 on `email`.
pub(crate) fn customer_by_email_key(
    tx: &Transaction<'_>,
    org_id: i64,
    email_key: &str,
) -> Result<i64, ApiError> {
    store::customers::id_by_email_key(tx, org_id, email_key)?
        .ok_or_else(|| customer_not_found(field::EMAIL))
}

/// 404 for a contact id the caller's organisation does not have (another's included: it is not
/// told apart from one that does not exist).
pub(crate) fn contact_not_found() -> ApiError {
    ApiError::not_found("No contact of this organisation has this id.")
}

/// 409 on `email`: the address is in use where it must be unique.
pub(crate) fn email_conflict(code: ErrorCode, detail: &str) -> ApiError {
    ApiError::Conflict {
        code,
        field: Some(field::EMAIL.to_owned()),
        detail: detail.to_owned(),
    }
}

fn customer_not_found(field: &str) -> ApiError {
    ApiError::NotFound {
        code: ErrorCode::CustomerNotFound,
        field: Some(field.to_owned()),
        detail: "No customer of this organisation has this identifier.".to_owned(),
    }
}
