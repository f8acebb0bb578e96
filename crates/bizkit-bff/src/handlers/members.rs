//! Members of the organisation and the permission catalogue.

use axum::extract::State;
use axum::http::StatusCode;
use bizkit_contract::{
    CodeName, ErrorCode, FieldError, InviteStatus, MemberInviteRequest, MemberInviteResponse,
    PermissionList, Problem,
};
use rusqlite::{OptionalExtension, params};

use super::*;
use crate::auth::Admin;
use crate::db::{is_unique_violation, now};
use crate::error::ApiError;
use crate::extract::Json;
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

/// Invites a member: added at once when the e-mail belongs to a registered user, otherwise a
/// pending invitation.
#[utoipa::path(
    post, path = "/bff/member/invite-email", tag = "member",
    security(("bearer" = [])),
    request_body = MemberInviteRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Added or invited", body = MemberInviteResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "MEMBER_EXISTS on `email`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field, PERMISSION_UNKNOWN, ROLE_UNKNOWN", body = Problem, content_type = "application/problem+json"),
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
            let codes = |sql: &str| -> Result<Vec<String>, ApiError> {
                let mut stmt = tx.prepare_cached(sql)?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            Ok((
                codes("SELECT code FROM permission")?,
                codes("SELECT code FROM role")?,
            ))
        })
        .await?;
    let mut errors = match &parsed {
        Ok(_) => Vec::new(),
        Err(errors) => errors.clone(),
    };
    for (field, list, known, code) in [
        (
            "permissionCodes",
            &req.permission_codes,
            &permissions,
            ErrorCode::PermissionUnknown,
        ),
        ("roleCodes", &req.role_codes, &roles, ErrorCode::RoleUnknown),
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
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM member WHERE org_id = ?1 AND email_key = ?2)",
                params![org_id, key],
                |r| r.get(0),
            )?;
            if exists {
                return Err(ApiError::Conflict {
                    code: ErrorCode::MemberExists,
                    field: Some("email".to_owned()),
                    detail: "This e-mail is already a member of the organisation or invited."
                        .to_owned(),
                });
            }
            let user_id: Option<i64> = tx
                .query_row("SELECT id FROM user WHERE email_key = ?1", [&key], |r| {
                    r.get(0)
                })
                .optional()?;
            let status = if user_id.is_some() {
                InviteStatus::Added
            } else {
                InviteStatus::Invited
            };
            let public_id = uuid::Uuid::new_v4().to_string();
            let now = now();
            tx.execute(
                "INSERT INTO member (public_id, org_id, email, email_key, first_name, last_name,
                     status, user_id, permission_codes, role_codes, description, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    public_id,
                    org_id,
                    valid.email.as_str(),
                    key,
                    valid.first_name.as_ref().map(|v| v.as_str()),
                    valid.last_name.as_ref().map(|v| v.as_str()),
                    if user_id.is_some() {
                        "active"
                    } else {
                        "invited"
                    },
                    user_id,
                    serde_json::to_string(&valid.permission_codes).unwrap_or_default(),
                    serde_json::to_string(&valid.role_codes).unwrap_or_default(),
                    valid.description.as_ref().map(|v| v.as_str()),
                    now,
                ],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    ApiError::Conflict {
                        code: ErrorCode::MemberExists,
                        field: Some("email".to_owned()),
                        detail: "This e-mail is already a member of the organisation or invited."
                            .to_owned(),
                    }
                } else {
                    e.into()
                }
            })?;
            tx.execute(
                "INSERT INTO outbox (org_id, kind, recipient, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    org_id,
                    if user_id.is_some() {
                        "member-added"
                    } else {
                        "member-invitation"
                    },
                    valid.email.as_str(),
                    now
                ],
            )?;
            JsonAnswer::new(
                StatusCode::OK,
                None,
                &MemberInviteResponse {
                    success: true,
                    member_id: public_id,
                    status,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

/// The permission and role catalogue to grant from.
#[utoipa::path(
    get, path = "/bff/member/permission-list", tag = "member",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The catalogue", body = PermissionList),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn permission_list(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<PermissionList>, ApiError> {
    state
        .db
        .read(|tx| {
            let list = |sql: &str| -> Result<Vec<CodeName>, ApiError> {
                let mut stmt = tx.prepare_cached(sql)?;
                let rows = stmt.query_map([], |r| {
                    Ok(CodeName {
                        code: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            Ok(Json(PermissionList {
                permissions: list("SELECT code, name FROM permission ORDER BY position")?,
                roles: list("SELECT code, name FROM role ORDER BY position")?,
            }))
        })
        .await
}
