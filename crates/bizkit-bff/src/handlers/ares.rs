//! ARES look-ups.

use axum::extract::State;
use bizkit_contract::endpoint as e;
use bizkit_contract::{AresRecord, ErrorCode, FieldError, Ico};

use crate::auth::{Admin, Authenticated};
use crate::crypto::sha256;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::state::AppState;
use axum::http::{HeaderMap, header};

// ---------------------------------------------------------------------------------------------
// ARES
// ---------------------------------------------------------------------------------------------

/// A company from ARES by IČO (checked first: an invalid IČO never reaches ARES).
#[utoipa::path(
    get, path = e::ARES_GET.path, tag = "ares",
    params(("ico" = String, Path, description = "IČO, 8 digits (shorter input is left-padded)")),
    responses(
        (status = 200, description = "The company", body = AresRecord),
        (status = 403, description = "FORBIDDEN"),
        (status = 404, description = "ARES_NOT_FOUND on `ico`"),
        (status = 422, description = "ICO_* on `ico`"),
        (status = 503, description = "ARES_UNAVAILABLE"),
    )
)]
pub async fn ares_get(
    State(state): State<AppState>,
    Admin(_): Admin,
    Path(ico): Path<String>,
) -> Result<Json<AresRecord>, ApiError> {
    ares_answer(&state, &ico).await
}

/// The path parameter, named in the field errors about it.
const ICO: &str = "ico";

/// The answer of both ARES routes (this one and `/api/v1/ares/{ico}` in `lookup`).
pub async fn ares_answer(state: &AppState, ico: &str) -> Result<Json<AresRecord>, ApiError> {
    let ico =
        Ico::parse(ico).map_err(|code| ApiError::Validation(vec![FieldError::new(ICO, code)]))?;
    match state.ares.lookup(ico.as_str()).await {
        Ok(Some(company)) => Ok(Json(company)),
        Ok(None) => Err(ApiError::NotFound {
            code: ErrorCode::AresNotFound,
            field: Some(ICO.to_owned()),
            detail: "ARES knows no company with this IČO.".to_owned(),
        }),
        Err(e) => Err(ApiError::AresUnavailable(e.to_string())),
    }
}

/// The company with this IČO, for any signed-in caller; 429 with `Retry-After` past the limit.
#[utoipa::path(
    get, path = e::ARES_LOOKUP.path, tag = "ares",
    params(("ico" = String, Path, description = "IČO, 8 digits (shorter input is left-padded)")),
    responses(
        (status = 200, description = "The company", body = AresRecord),
        (status = 404, description = "ARES_NOT_FOUND on `ico`"),
        (status = 422, description = "ICO_* on `ico`"),
        (status = 429, description = "RATE_LIMITED: too many look-ups with this token",
            headers(("Retry-After" = u64, description = "Seconds until the next look-up is allowed"))),
        (status = 503, description = "ARES_UNAVAILABLE"),
    )
)]
pub async fn ares_lookup_get(
    State(state): State<AppState>,
    Authenticated(_): Authenticated,
    headers: HeaderMap,
    Path(ico): Path<String>,
) -> Result<Json<AresRecord>, ApiError> {
    // The auth layer accepted this header, so it is there; the hash keys the bucket.
    let token = headers
        .get(header::AUTHORIZATION)
        .map(|v| sha256(v.as_bytes()))
        .unwrap_or_default();
    state
        .lookups
        .take(&token)
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    ares_answer(&state, &ico).await
}
