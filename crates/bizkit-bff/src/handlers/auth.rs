//! Signing in, the session, signing out.

use axum::extract::State;
use axum::http::StatusCode;
use bizkit_contract::endpoint as e;
use bizkit_contract::{
    AuthenticateRequest, AuthenticateResponse, ErrorCode, OrgRules, SessionOrganisation,
    SessionResponse,
};

use super::org_of;
use crate::auth::{Authenticated, Subject, verify_password};
use crate::error::ApiError;
use crate::extract::Json;
use crate::limits::{ClientAddr, ClientKey};
use crate::sessions;
use crate::state::AppState;
use crate::store;

// ---------------------------------------------------------------------------------------------
// POST /api/v1/authenticate, GET /api/v1/session
// ---------------------------------------------------------------------------------------------

/// Signs in with e-mail and password; answers a bearer token.
#[utoipa::path(
    post, path = e::AUTHENTICATE.path, tag = "session",
    request_body = AuthenticateRequest,
    responses(
        (status = 200, description = "Signed in", body = AuthenticateResponse),
        (status = 401, description = "INVALID_CREDENTIALS"),
        (status = 422, description = "Missing or malformed fields"),
        (status = 429, description = "Too many failed sign-ins; see Retry-After"),
    )
)]
pub async fn authenticate_create(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Json(req): Json<AuthenticateRequest>,
) -> Result<Json<AuthenticateResponse>, ApiError> {
    let valid = req.parse(&OrgRules::default())?;
    let key = valid.email.uniqueness_key();
    // A failure slot first, before anything is looked up or hashed (see `limits`).
    let mut slot = state.limiter.reserve(&key, ClientKey::of(client))?;
    let user = {
        let key = key.clone();
        state
            .db
            .read(move |tx| Ok(store::users::credentials(tx, &key)?))
            .await?
    };
    // An unknown e-mail is checked against a dummy hash, so it takes as long as a wrong password.
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let password = valid.password;
    let permit = state.limiter.hash_permit().await?;
    slot.hashing();
    let matches = tokio::task::spawn_blocking(move || {
        let _turn = permit;
        verify_password(&password, &hash)
    })
    .await
    .map_err(|e| ApiError::internal(format!("password check: {e}")))?;
    let Some(user) = user.filter(|_| matches) else {
        // Dropping the slot counts the failure.
        drop(slot);
        return Err(ApiError::Unauthorized(ErrorCode::InvalidCredentials));
    };
    slot.succeeded();

    let token = sessions::create(&state.db, state.session_times, user.id).await?;
    Ok(Json(AuthenticateResponse {
        auth_token: token,
        role: user.role,
    }))
}

/// Who is signed in, and the organisation's form settings.
#[utoipa::path(
    get, path = e::SESSION_GET.path, tag = "session",
    responses(
        (status = 200, description = "The session", body = SessionResponse),
        (status = 401, description = "UNAUTHORIZED or TOKEN_EXPIRED"),
    )
)]
pub async fn session_get(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
) -> Result<Json<SessionResponse>, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let email = match &p.subject {
        Subject::User { email, .. } => email.clone(),
        // An API key has no e-mail; the label names it.
        Subject::ApiKey { label, .. } => format!("api-key:{label}"),
    };
    let (expires_in_secs, idle_timeout_secs) = match &p.session {
        Some(session) => sessions::times(state.session_times, session.expires_at),
        None => (None, None),
    };
    Ok(Json(SessionResponse {
        expires_in_secs,
        idle_timeout_secs,
        role: p.role,
        email,
        organisation: SessionOrganisation {
            id: org.id as u64,
            name: org.name,
            default_country: org.default_country,
            phone_prefix: org.phone_prefix,
            locales: org.locales,
        },
    }))
}

/// Signs out: the session ends on the server, and its token is refused from now on.
#[utoipa::path(
    delete, path = e::SESSION_DELETE.path, tag = "session",
    responses(
        (status = 204, description = "Signed out: the token no longer works"),
        (status = 401, description = "UNAUTHORIZED (no such session, or signed out already) or TOKEN_EXPIRED"),
        (status = 403, description = "FORBIDDEN: an API key is no session; it stays valid until it is revoked"),
    )
)]
pub async fn session_delete(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
) -> Result<StatusCode, ApiError> {
    let Some(session) = p.session else {
        return Err(ApiError::forbidden(
            "An API key is not a session and cannot sign out; it stays valid until it is revoked.",
        ));
    };
    state
        .db
        .write(move |tx| Ok(store::sessions::delete(tx, &session.token_hash)?))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
