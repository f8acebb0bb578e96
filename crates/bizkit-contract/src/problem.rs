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
    /// Every violated field (422), empty otherwise; at most [`Problem::MAX_LISTED_ERRORS`] of them.
    #[serde(default)]
    pub errors: Vec<ProblemFieldError>,
    /// How many more field errors there were than `errors` lists.
    #[serde(
        default,
        rename = "moreErrors",
        skip_serializing_if = "Option::is_none"
    )]
    pub more_errors: Option<usize>,
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
        421 => "Misdirected Request",
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
            more_errors: None,
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
            more_errors: None,
        }
        .bounded()
    }

    /// Field errors a problem lists at most: an answer stays small whatever the body was (a
    /// hundred bad groups, six thousand unknown codes); `moreErrors` says how many were left out.
    pub const MAX_LISTED_ERRORS: usize = 50;

    /// Keeps the first [`Problem::MAX_LISTED_ERRORS`] field errors and counts the rest.
    #[must_use]
    pub fn bounded(mut self) -> Problem {
        let listed = Self::MAX_LISTED_ERRORS;
        if self.errors.len() > listed {
            let more = self.errors.len() - listed + self.more_errors.unwrap_or(0);
            self.errors.truncate(listed);
            self.more_errors = Some(more);
        }
        self
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_lists_a_bounded_number_of_errors_and_counts_the_rest() {
        let errors: Vec<FieldError> = (0..130)
            .map(|i| FieldError::new(format!("groups[{i}]"), ErrorCode::GroupSlugEmpty))
            .collect();
        let p = Problem::validation(&errors, Lang::En);
        assert_eq!(p.errors.len(), Problem::MAX_LISTED_ERRORS);
        assert_eq!(p.more_errors, Some(80));
        assert_eq!(p.errors[0].field, "groups[0]");
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["moreErrors"], 80);
        let few = Problem::validation(&errors[..3], Lang::En);
        assert_eq!(few.more_errors, None);
        assert!(
            serde_json::to_value(&few)
                .unwrap()
                .get("moreErrors")
                .is_none()
        );
        // The app reads answers without the member, and with it.
        let back: Problem = serde_json::from_value(json).unwrap();
        assert_eq!(back.more_errors, Some(80));
    }
}
