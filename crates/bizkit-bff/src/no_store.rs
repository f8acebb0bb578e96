//! `Cache-Control: no-store` on every answer of the API (errors included: a problem may name an
//! e-mail) and on `config.json`: profiles, contacts and sessions must not stay in a browser's or a
//! proxy's cache after the person has left, and a changed `config.json` must take effect at once.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Paths whose answers are never stored by a cache.
pub fn is_private(path: &str) -> bool {
    crate::web::is_api_path(path) || path == "/config.json"
}

/// The outermost layer of [`crate::app`], so it covers every answer: handlers, extractor
/// rejections, the router's 404/405, CORS preflights and the static fallback.
pub async fn no_store(req: Request, next: Next) -> Response {
    let private = is_private(req.uri().path());
    let mut response = next.run(req).await;
    if private {
        forbid_caching(&mut response);
    }
    response
}

/// Marks one answer as never to be stored, for the layers that answer before this one runs.
pub fn forbid_caching(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

#[cfg(test)]
mod tests {
    use super::is_private;

    #[test]
    fn api_and_config_are_private() {
        for path in [
            "/api/v1/session",
            "/api/v1/customer/profile",
            "/bff/contact/x",
            "/openapi.json",
            "/config.json",
            "/api",
        ] {
            assert!(is_private(path), "{path}");
        }
        for path in [
            "/",
            "/index.html",
            "/contacts/new",
            "/apiary",
            "/widget/widget.js",
        ] {
            assert!(!is_private(path), "{path}");
        }
    }
}
