//! `GET /bff/contact/list`: the organisation's contacts in normal form, newest last. A local
//! addition (not in the seeds): what an import can be checked against, and how a test sees that
//! the server holds each imported row exactly once.

use axum::extract::State;
use bizkit_contract::StoredContact;
use rusqlite::params;

use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::Json;
use crate::handlers::{customer_groups, stored_contact};
use crate::state::AppState;

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
