//! Bearer-token authentication: session tokens (random, stored as SHA-256 with an expiry) and API
//! keys of the documented form (admin rights of their organisation), passwords as Argon2 hashes,
//! and role extractors. The sign-in limits are in [`crate::limits`], the session's lifetime in
//! [`crate::sessions`].

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use bizkit_contract::{ApiKey, ErrorCode, Role};
use rand::Rng;
use rusqlite::{OptionalExtension, named_params};

use crate::crypto::{looks_like_api_key, sha256};
use crate::db::Db;
use crate::error::ApiError;
use crate::sessions::{self, SessionTimes};
use crate::store;

/// Argon2 cost of newly created password hashes. The verify side always uses the parameters
/// stored in the hash itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PasswordCost {
    /// argon2's recommended defaults (19 MiB, 2 passes).
    #[default]
    Default,
    /// The minimum parameters: for test data folders only, where the default makes every
    /// debug-build sign-in take a second.
    Fast,
}

fn argon2(cost: PasswordCost) -> Argon2<'static> {
    let params = match cost {
        PasswordCost::Default => Params::default(),
        PasswordCost::Fast => Params::new(8, 1, 1, None).unwrap_or_default(),
    };
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str, cost: PasswordCost) -> anyhow::Result<String> {
    let mut salt_bytes = [0u8; 16];
    rand::rng().fill(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(argon2(cost)
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the e-mail is unknown, so an unknown account costs the same
/// time as a wrong password and sign-in timing does not reveal which e-mails exist.
pub fn dummy_hash(cost: PasswordCost) -> String {
    hash_password("not a password of anyone", cost).unwrap_or_default()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    User {
        id: i64,
        email: String,
        customer_id: Option<i64>,
    },
    ApiKey {
        id: i64,
        label: String,
    },
}

/// Who is calling: set by [`require_auth`] on every protected route.
#[derive(Clone, Debug)]
pub struct Principal {
    pub org_id: i64,
    pub role: Role,
    pub subject: Subject,
    /// The session a session token belongs to; `None` for an API key.
    pub session: Option<SessionRef>,
}

/// Which session row a call came with, and when it ends at the latest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRef {
    pub token_hash: Vec<u8>,
    pub expires_at: i64,
}

impl Principal {
    /// The namespace of this caller's Idempotency-Keys.
    pub fn scope(&self) -> String {
        match &self.subject {
            Subject::User { id, .. } => format!("user:{id}"),
            Subject::ApiKey { id, .. } => format!("key:{id}"),
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

fn bearer_token(parts_headers: &axum::http::HeaderMap) -> Result<String, ApiError> {
    let value = parts_headers
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::Unauthorized(ErrorCode::Unauthorized))?
        .to_str()
        .map_err(|_| ApiError::Unauthorized(ErrorCode::Unauthorized))?;
    let (scheme, token) = value
        .trim()
        .split_once(' ')
        .ok_or(ApiError::Unauthorized(ErrorCode::Unauthorized))?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(ApiError::Unauthorized(ErrorCode::Unauthorized));
    }
    Ok(token.to_owned())
}

pub async fn resolve(
    db: &Db,
    session_times: SessionTimes,
    token: String,
) -> Result<Principal, ApiError> {
    if looks_like_api_key(&token) {
        // A key of the wrong form is refused before any lookup.
        ApiKey::parse(&token).map_err(|_| ApiError::Unauthorized(ErrorCode::ApiKeyMalformed))?;
        let hash = sha256(token.as_bytes());
        return db
            .read(move |tx| {
                let row = tx
                    .query_row(
                        "SELECT id, org_id, label FROM api_key WHERE key_hash = :key_hash",
                        named_params! {":key_hash": hash},
                        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let (id, org_id, label) =
                    row.ok_or(ApiError::Unauthorized(ErrorCode::Unauthorized))?;
                Ok(Principal {
                    org_id,
                    role: Role::Admin,
                    subject: Subject::ApiKey { id, label },
                    session: None,
                })
            })
            .await;
    }
    let hash = sha256(token.as_bytes());
    let row = db
        .read({
            let hash = hash.clone();
            move |tx| {
                Ok(tx
                    .query_row(
                        "SELECT s.expires_at, u.id, u.org_id, u.role, u.email, u.customer_id,
                                s.last_used_at
                           FROM session s JOIN user u ON u.id = s.user_id
                          WHERE s.token_hash = :token_hash",
                        named_params! {":token_hash": hash},
                        |r| {
                            Ok((
                                (r.get::<_, i64>(0)?, r.get::<_, i64>(6)?),
                                r.get::<_, i64>(1)?,
                                r.get::<_, i64>(2)?,
                                r.get::<_, String>(3)?,
                                r.get::<_, String>(4)?,
                                r.get::<_, Option<i64>>(5)?,
                            ))
                        },
                    )
                    .optional()?)
            }
        })
        .await?;
    let ((expires_at, last_used_at), user_id, org_id, role, email, customer_id) =
        row.ok_or(ApiError::Unauthorized(ErrorCode::Unauthorized))?;
    // An ended row stays (signing in removes sessions a week past their end): every later call
    // with this token, in any tab, also learns that it expired rather than that it is unknown.
    sessions::check_live(db, session_times, &hash, expires_at, last_used_at).await?;
    Ok(Principal {
        org_id,
        role: store::users::role_of(&role),
        subject: Subject::User {
            id: user_id,
            email,
            customer_id,
        },
        session: Some(SessionRef {
            token_hash: hash,
            expires_at,
        }),
    })
}

/// Middleware of every protected route: resolves the bearer token to a [`Principal`].
pub async fn require_auth(
    State(db): State<Db>,
    State(session_times): State<SessionTimes>,
    mut req: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let token = bearer_token(req.headers())?;
    let principal = resolve(&db, session_times, token).await?;
    req.extensions_mut().insert(principal);
    Ok(next.run(req).await)
}

fn principal_from(parts: &Parts) -> Result<Principal, ApiError> {
    parts
        .extensions
        .get::<Principal>()
        .cloned()
        .ok_or_else(|| ApiError::internal("route without the auth middleware"))
}

/// Any signed-in caller.
pub struct Authenticated(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        principal_from(parts).map(Authenticated)
    }
}

/// An administrator (session or API key); a customer gets 403.
pub struct Admin(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let principal = principal_from(parts)?;
        if principal.is_admin() {
            Ok(Admin(principal))
        } else {
            Err(ApiError::forbidden(
                "A customer account may only read and update its own profile.",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_hash_verifies() {
        let h = hash_password("secret", PasswordCost::Fast).unwrap();
        assert!(verify_password("secret", &h));
        assert!(!verify_password("Secret", &h));
    }
}
