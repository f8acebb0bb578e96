//! The endpoints, named `<resource>_<verb>`, one file per resource. Each parses its body with the
//! contract crate's `parse` (the one place of every field rule), decides roles and answers, and
//! leaves the SQL to [`crate::store`].

pub mod ares;
pub mod auth;
pub mod contacts;
pub mod customers;
pub mod members;
pub mod org_contacts;

use bizkit_contract::ErrorCode;

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

pub(crate) fn customer_not_found(field: &str) -> ApiError {
    ApiError::NotFound {
        code: ErrorCode::CustomerNotFound,
        field: Some(field.to_owned()),
        detail: "No customer of this organisation has this identifier.".to_owned(),
    }
}
