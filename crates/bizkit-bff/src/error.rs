//! The one error type of every handler, extractor and middleware: each variant knows its HTTP
//! status and renders as an RFC 9457 `application/problem+json` body of the contract's `Problem`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bizkit_contract::{
    ErrorCode, FieldError, Lang, Problem, ProblemFieldError, message, status_title,
};

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 422, or 400 when a field carries FORBIDDEN_PARAMETER (a client bug, not a typo).
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 400 with a top-level code (malformed JSON, credential in the query, bad Idempotency-Key).
    #[error("bad request: {detail}")]
    BadRequest {
        code: ErrorCode,
        detail: String,
        errors: Vec<FieldError>,
    },
    /// 401 with `WWW-Authenticate: Bearer`.
    #[error("unauthorized: {0:?}")]
    Unauthorized(ErrorCode),
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// 404; `field` names the identifier that found nothing, when one did.
    #[error("not found: {code:?}")]
    NotFound {
        code: ErrorCode,
        field: Option<String>,
        detail: String,
    },
    /// 409; `field` is the input that collides (EMAIL_TAKEN / MEMBER_EXISTS on `email`).
    #[error("conflict: {code:?}")]
    Conflict {
        code: ErrorCode,
        field: Option<String>,
        detail: String,
    },
    #[error("idempotency key reused with another request")]
    IdempotencyKeyReused,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 421: the `Host` is none of the server's names (DNS rebinding protection).
    #[error("misdirected request")]
    MisdirectedRequest,
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("ARES unavailable: {0}")]
    AresUnavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn internal(detail: impl Into<String>) -> Self {
        ApiError::Internal(detail.into())
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        ApiError::NotFound {
            code: ErrorCode::NotFound,
            field: None,
            detail: detail.into(),
        }
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        ApiError::Forbidden(detail.into())
    }

    pub fn malformed_json(detail: impl Into<String>, field: Option<String>) -> Self {
        ApiError::BadRequest {
            code: ErrorCode::MalformedJson,
            detail: detail.into(),
            errors: field
                .map(|field| {
                    vec![FieldError {
                        field,
                        code: ErrorCode::MalformedJson,
                    }]
                })
                .unwrap_or_default(),
        }
    }

    /// The status of the top-level code, by the contract's one mapping
    /// ([`ErrorCode::http_status`]), which the app reads too.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code().http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The top-level stable code of the problem.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Validation(errors) => {
                if errors
                    .iter()
                    .any(|e| e.code == ErrorCode::ForbiddenParameter)
                {
                    ErrorCode::ForbiddenParameter
                } else {
                    ErrorCode::ValidationFailed
                }
            }
            ApiError::BadRequest { code, .. }
            | ApiError::Unauthorized(code)
            | ApiError::NotFound { code, .. }
            | ApiError::Conflict { code, .. } => *code,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::MisdirectedRequest => ErrorCode::MisdirectedRequest,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::AresUnavailable(_) => ErrorCode::AresUnavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::IdempotencyKeyReused => "Idempotency key reused",
            other => status_title(other.status().as_u16()),
        }
    }

    fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiError::Validation(errors) | ApiError::BadRequest { errors, .. } => errors.clone(),
            ApiError::NotFound {
                code,
                field: Some(field),
                ..
            }
            | ApiError::Conflict {
                code,
                field: Some(field),
                ..
            } => vec![FieldError {
                field: field.clone(),
                code: *code,
            }],
            _ => Vec::new(),
        }
    }

    fn detail(&self) -> String {
        match self {
            ApiError::BadRequest { detail, .. }
            | ApiError::NotFound { detail, .. }
            | ApiError::Conflict { detail, .. }
            | ApiError::Forbidden(detail) => detail.clone(),
            // Internal details go to the log, never to the client.
            ApiError::Internal(_) => message(ErrorCode::Internal, Lang::En).to_owned(),
            ApiError::AresUnavailable(_) => {
                message(ErrorCode::AresUnavailable, Lang::En).to_owned()
            }
            other => message(other.code(), Lang::En).to_owned(),
        }
    }

    /// The problem body. Bounded whatever caused it: at most [`Problem::MAX_LISTED_ERRORS`] field
    /// errors (and how many more), and no text longer than [`MAX_ECHO_CHARS`], since details
    /// and field paths may echo what the client sent (a serde message quoting a 60 KB string, a
    /// path parameter). So no answer to a 64 KiB body comes near 64 KiB.
    pub fn to_problem(&self) -> Problem {
        Problem {
            r#type: "about:blank".to_owned(),
            title: self.title().to_owned(),
            status: self.status().as_u16(),
            detail: Some(clip(self.detail())),
            code: Some(self.code().as_str().to_owned()),
            errors: self
                .field_errors()
                .into_iter()
                .take(Problem::MAX_LISTED_ERRORS + 1)
                .map(|e| ProblemFieldError {
                    message: message(e.code, Lang::En).to_owned(),
                    code: e.code.as_str().to_owned(),
                    field: clip(e.field),
                })
                .collect(),
            more_errors: None,
        }
        .bounded()
        .with_more(self.field_error_count())
    }

    fn field_error_count(&self) -> usize {
        match self {
            ApiError::Validation(errors) | ApiError::BadRequest { errors, .. } => errors.len(),
            _ => self.field_errors().len(),
        }
    }
}

/// Longest text of a problem that may echo input (`detail`, a field path), in characters.
pub const MAX_ECHO_CHARS: usize = 300;

fn clip(text: String) -> String {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

trait WithMore {
    fn with_more(self, total: usize) -> Self;
}

impl WithMore for Problem {
    /// `moreErrors` from the full count, of which only the first ones were rendered.
    fn with_more(mut self, total: usize) -> Problem {
        let more = total.saturating_sub(self.errors.len());
        self.more_errors = (more > 0).then_some(more);
        self
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::Internal(format!("database: {e}"))
    }
}

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> Self {
        ApiError::Validation(errors)
    }
}

/// Renders a problem body with the right content type.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
        body,
    )
        .into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        if let ApiError::AresUnavailable(detail) = &self {
            tracing::warn!(%detail, "ARES unavailable");
        }
        let mut response = problem_response(&self.to_problem());
        let headers = response.headers_mut();
        match &self {
            ApiError::Unauthorized(code) => {
                let value = match code {
                    ErrorCode::TokenExpired => {
                        r#"Bearer error="invalid_token", error_description="The token expired""#
                    }
                    ErrorCode::ApiKeyMalformed => {
                        r#"Bearer error="invalid_token", error_description="Malformed API key""#
                    }
                    // No token, an unknown one, or a failed sign-in: the plain challenge.
                    _ => r#"Bearer realm="BizKitHub""#,
                };
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(value));
            }
            ApiError::RateLimited { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            _ => {}
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each variant's status as the server answered before the contract's mapping took over, for
    /// every code the server builds it with: a code whose contract status does not fit its variant
    /// (a `BadRequest` with a 422 code, say) fails here instead of changing an answer.
    #[test]
    fn each_variant_keeps_its_status() {
        let detail = || "d".to_owned();
        let cases: Vec<(ApiError, u16)> = vec![
            (
                ApiError::Validation(vec![FieldError::new("email", ErrorCode::EmailInvalid)]),
                422,
            ),
            (
                ApiError::Validation(vec![
                    FieldError::new("email", ErrorCode::EmailInvalid),
                    FieldError::new("id", ErrorCode::ForbiddenParameter),
                ]),
                400,
            ),
            (ApiError::Validation(Vec::new()), 422),
            (ApiError::malformed_json("d", None), 400),
            (
                ApiError::BadRequest {
                    code: ErrorCode::CredentialInQuery,
                    detail: detail(),
                    errors: Vec::new(),
                },
                400,
            ),
            (
                ApiError::BadRequest {
                    code: ErrorCode::IdempotencyKeyInvalid,
                    detail: detail(),
                    errors: Vec::new(),
                },
                400,
            ),
            (ApiError::Unauthorized(ErrorCode::Unauthorized), 401),
            (ApiError::Unauthorized(ErrorCode::TokenExpired), 401),
            (ApiError::Unauthorized(ErrorCode::InvalidCredentials), 401),
            (ApiError::Unauthorized(ErrorCode::ApiKeyMalformed), 401),
            (ApiError::forbidden("d"), 403),
            (ApiError::not_found("d"), 404),
            (
                ApiError::NotFound {
                    code: ErrorCode::CustomerNotFound,
                    field: Some("email".to_owned()),
                    detail: detail(),
                },
                404,
            ),
            (
                ApiError::NotFound {
                    code: ErrorCode::AresNotFound,
                    field: Some("ico".to_owned()),
                    detail: detail(),
                },
                404,
            ),
            (ApiError::MethodNotAllowed, 405),
        ];
        let conflicts = [
            ErrorCode::EmailTaken,
            ErrorCode::CuRefNoTaken,
            ErrorCode::MemberExists,
            ErrorCode::IdempotencyKeyInFlight,
        ]
        .map(|code| {
            (
                ApiError::Conflict {
                    code,
                    field: None,
                    detail: detail(),
                },
                409,
            )
        });
        let rest = [
            (ApiError::PayloadTooLarge, 413),
            (ApiError::UnsupportedMediaType, 415),
            (ApiError::MisdirectedRequest, 421),
            (ApiError::IdempotencyKeyReused, 422),
            (
                ApiError::RateLimited {
                    retry_after_secs: 1,
                },
                429,
            ),
            (ApiError::internal("d"), 500),
            (ApiError::AresUnavailable("d".to_owned()), 503),
        ];
        for (error, status) in cases.into_iter().chain(conflicts).chain(rest) {
            assert_eq!(error.status().as_u16(), status, "{error:?}");
            assert_eq!(error.to_problem().status, status, "{error:?}");
        }
    }
}
