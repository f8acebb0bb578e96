//! Members of the organisation and the permission catalogue.

use axum::extract::State;
use bizkit_contract::endpoint as e;
use bizkit_contract::field;
use bizkit_contract::{
    ErrorCode, FieldError, InviteStatus, MemberInviteRequest, MemberInviteResponse, PermissionList,
};

use super::{email_conflict, org_of};
use crate::auth::Admin;
use crate::db::{now, unique_or_internal};
use crate::error::ApiError;
use crate::extract::Json;
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;
use crate::store;
use crate::store::members::NewMember;

fn member_exists() -> ApiError {
    email_conflict(
        ErrorCode::MemberExists,
        "This e-mail is already a member of the organisation or invited.",
    )
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

/// Invites a member: added at once when the e-mail belongs to a registered user, otherwise a
/// pending invitation.
#[utoipa::path(
    post, path = e::MEMBER_INVITE.path, tag = "member",
    request_body = MemberInviteRequest,
    responses(
        (status = 200, description = "Added or invited", body = MemberInviteResponse),
        (status = 403, description = "FORBIDDEN"),
        (status = 409, description = "MEMBER_EXISTS on `email`"),
        (status = 422, description = "Every violated field, PERMISSION_UNKNOWN, ROLE_UNKNOWN"),
    )
)]
pub async fn member_invite(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<MemberInviteRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let parsed = req.parse(&org.rules());
    // Codes are checked against the catalogue even when other fields failed, so one answer
    // names every problem.
    let (permissions, roles) = state
        .db
        .read(|tx| {
            Ok((
                store::members::permission_codes(tx)?,
                store::members::role_codes(tx)?,
            ))
        })
        .await?;
    let mut errors = match &parsed {
        Ok(_) => Vec::new(),
        Err(errors) => errors.clone(),
    };
    for (field, list, known, code) in [
        (
            field::PERMISSION_CODES,
            &req.permission_codes,
            &permissions,
            ErrorCode::PermissionUnknown,
        ),
        (
            field::ROLE_CODES,
            &req.role_codes,
            &roles,
            ErrorCode::RoleUnknown,
        ),
    ] {
        // Over the cap the parse said TOO_MANY_ITEMS once: the items are not looked at one by one.
        if list.len() > bizkit_contract::MAX_CODES {
            continue;
        }
        for (i, c) in list.iter().enumerate() {
            let name = format!("{field}[{i}]");
            let c = c.trim();
            if !c.is_empty()
                && !known.iter().any(|k| k == c)
                && !errors.iter().any(|e| e.field == name)
            {
                errors.push(FieldError::new(name, code));
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let valid = parsed.map_err(ApiError::Validation)?;

    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let key = valid.email.uniqueness_key();
            let exists = store::members::exists(tx, org_id, &key)?;
            if exists {
                return Err(member_exists());
            }
            let user_id = store::users::id_by_email_key(tx, &key)?;
            let status = if user_id.is_some() {
                InviteStatus::Added
            } else {
                InviteStatus::Invited
            };
            let public_id = uuid::Uuid::new_v4().to_string();
            let now = now();
            let new = NewMember {
                public_id: &public_id,
                org_id,
                email_key: &key,
                user_id,
                invite: &valid,
                now,
            };
            store::members::insert(tx, &new).map_err(unique_or_internal(member_exists))?;
            let kind = if user_id.is_some() {
                "member-added"
            } else {
                "member-invitation"
            };
            store::outbox::push(tx, org_id, kind, valid.email.as_str(), now)?;
            reservation.ok(
                tx,
                &MemberInviteResponse {
                    success: true,
                    member_id: public_id,
                    status,
                },
            )
        })
        .await
}

/// The permission and role catalogue to grant from.
#[utoipa::path(
    get, path = e::PERMISSION_LIST.path, tag = "member",
    responses(
        (status = 200, description = "The catalogue", body = PermissionList),
        (status = 403, description = "FORBIDDEN"),
    )
)]
pub async fn permission_list(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<PermissionList>, ApiError> {
    state
        .db
        .read(|tx| {
            Ok(Json(PermissionList {
                permissions: store::members::permissions(tx)?,
                roles: store::members::roles(tx)?,
            }))
        })
        .await
}
