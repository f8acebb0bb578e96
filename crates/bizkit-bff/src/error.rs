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

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Validation(errors) => {
                if errors
                    .iter()
                    .any(|e| e.code == ErrorCode::ForbiddenParameter)
                {
                    StatusCode::BAD_REQUEST
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                }
            }
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::AresUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
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
