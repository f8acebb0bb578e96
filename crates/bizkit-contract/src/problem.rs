//! The RFC 9457 problem body every error of the local server uses.

use serde::{Deserialize, Serialize};

use crate::code::{ErrorCode, FieldError};
use crate::messages::{Lang, message};

fn about_blank() -> String {
    "about:blank".to_owned()
}

/// An RFC 9457 `application/problem+json` body.
///
/// The server serialises it; the app deserialises it, so every field but `status` has a default
/// and unknown members are ignored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// Always `about:blank` here: the `code` says what happened.
    #[serde(default = "about_blank")]
    pub r#type: String,
    /// Short, human summary of the status ("Validation failed").
    #[serde(default)]
    pub title: String,
    /// The HTTP status code.
    #[serde(default)]
    pub status: u16,
    /// Longer human text for this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The top-level stable code, e.g. `UNAUTHORIZED`, `VALIDATION_FAILED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Every violated field (422), empty otherwise.
    #[serde(default)]
    pub errors: Vec<ProblemFieldError>,
}

/// One field error in a [`Problem`]. `code` is a string so a code this build does not know
/// (another backend's) still deserialises; `message` is the server's text for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProblemFieldError {
    /// JSON path of the field.
    #[serde(default)]
    pub field: String,
    /// Stable upper-snake-case code.
    #[serde(default)]
    pub code: String,
    /// Human text (English from the local server); shown only for an unknown code.
    #[serde(default)]
    pub message: String,
}

impl ProblemFieldError {
    /// The typed code, if this build knows it.
    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(&self.code)
    }
}

/// The standard reason phrase of a status, used as `title`.
pub fn status_title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Validation failed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

impl Problem {
    /// A problem for a top-level code, with the code's usual status and an English detail.
    pub fn from_code(code: ErrorCode) -> Problem {
        let status = code.http_status();
        Problem {
            r#type: about_blank(),
            title: status_title(status).to_owned(),
            status,
            detail: Some(message(code, Lang::En).to_owned()),
            code: Some(code.as_str().to_owned()),
            errors: Vec::new(),
        }
    }

    /// A 422 `VALIDATION_FAILED` problem listing every field error, each with its text in `lang`.
    pub fn validation(errors: &[FieldError], lang: Lang) -> Problem {
        Problem {
            r#type: about_blank(),
            title: status_title(422).to_owned(),
            status: 422,
            detail: Some(match lang {
                Lang::En => "Some fields need correcting.".to_owned(),
                Lang::Cs => "Některá pole je třeba opravit.".to_owned(),
            }),
            code: Some(ErrorCode::ValidationFailed.as_str().to_owned()),
            errors: errors
                .iter()
                .map(|e| ProblemFieldError {
                    field: e.field.clone(),
                    code: e.code.as_str().to_owned(),
                    message: message(e.code, lang).to_owned(),
                })
                .collect(),
        }
    }

    /// Replaces the detail text.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    /// The typed top-level code, if present and known.
    pub fn error_code(&self) -> Option<ErrorCode> {
        self.code.as_deref().and_then(ErrorCode::from_code)
    }
}
