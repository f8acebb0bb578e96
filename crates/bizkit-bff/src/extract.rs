//! Extractors whose rejections are `ApiError`s, so axum's own plain-text rejections never reach
//! a client.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// JSON body: 415 unless the content type is JSON, 413 over the body limit, 400 MALFORMED_JSON
/// for a syntax error or a value of the wrong type (naming the field where serde can).
pub struct Json<T>(pub T);

fn is_json_content_type(parts_headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = parts_headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json_content_type(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(bytes_rejection)?;
        parse_json(&bytes).map(Json)
    }
}

pub fn bytes_rejection(rejection: BytesRejection) -> ApiError {
    if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::BadRequest {
            code: bizkit_contract::ErrorCode::MalformedJson,
            detail: "The request body could not be read.".to_owned(),
            errors: Vec::new(),
        }
    }
}

/// Parses a request body, which is always a JSON object here: serde would also take an array
/// for a struct (fields by position), which no client means.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        Some(_) => {
            return Err(ApiError::malformed_json(
                "The body must be a JSON object.",
                None,
            ));
        }
        None => return Err(ApiError::malformed_json("The body is empty.", None)),
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let field = (path != "." && !inner.is_syntax() && !inner.is_eof()).then_some(path);
        let detail = if inner.is_syntax() || inner.is_eof() {
            format!(
                "The body is not valid JSON (line {}, column {}).",
                inner.line(),
                inner.column()
            )
        } else {
            format!("The body does not have the expected shape: {inner}.")
        };
        ApiError::malformed_json(detail, field)
    })
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// Path parameters: a segment of the wrong type means no such resource (404), not a crash page.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(PathRejection::FailedToDeserializePathParams(e)) => Err(ApiError::not_found(
                format!("No such resource: {}", e.body_text()),
            )),
            Err(e) => Err(ApiError::internal(e.body_text())),
        }
    }
}

/// Query parameter names (lower-cased) that carry credentials; they leak into logs, history
/// and Referer, so a request carrying one is refused outright.
pub const CREDENTIAL_PARAMS: &[&str] =
    &["apikey", "api_key", "token", "access_token", "auth_token"];

/// Names of the query parameters of `query`, percent-decoded, in order.
pub fn query_param_names(query: &str) -> Vec<String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| percent_decode(pair.split('=').next().unwrap_or_default()))
        .collect()
}

fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_decoded() {
        assert_eq!(
            query_param_names("a=1&api%5Fkey=x&&b&%zz=1&x%41"),
            vec!["a", "api_key", "b", "%zz", "xA"]
        );
    }
}
