//! The web side around the API: the built app from `--dist` with the SPA fallback, cache and
//! security headers (CSP with the hashes of index.html's inline scripts), the credential-in-query
//! guard, and the layer that turns any non-problem error response into problem+json.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use bizkit_contract::ErrorCode;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::crypto::sha256;
use crate::error::{ApiError, PROBLEM_JSON};
use crate::extract::{CREDENTIAL_PARAMS, query_param_names};

/// The bodies of the inline `<script>` elements (those without `src`) of an HTML page.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script") {
        let tag_start = at + start;
        let after_name = tag_start + "<script".len();
        // `<scripts>` or `<script-x>` are other elements.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            at = after_name;
            continue;
        }
        let Some(tag_len) = lower[tag_start..].find('>') else {
            break;
        };
        let content_start = tag_start + tag_len + 1;
        let tag = &lower[tag_start..content_start];
        let Some(end) = lower[content_start..].find("</script") else {
            break;
        };
        let content_end = content_start + end;
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace() || c == '<' || c == '>')
            .any(|attr| attr == "src" || attr.starts_with("src="));
        if !has_src {
            scripts.push(&html[content_start..content_end]);
        }
        at = content_end;
    }
    scripts
}

/// `'sha256-…'` source expressions for the inline scripts of `html`.
pub fn script_hashes(html: &str) -> Vec<String> {
    inline_scripts(html)
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| format!("'sha256-{}'", STANDARD.encode(sha256(s.as_bytes()))))
        .collect()
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    {
        return None;
    }
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// What the server serves besides the API: the built app of `--dist` (if any) and the
/// Content-Security-Policy made for it.
#[derive(Clone)]
pub struct Site {
    dist: Option<Arc<Path>>,
    csp: Arc<CspCache>,
}

impl Site {
    pub fn new(dist: Option<&Path>) -> Site {
        Site {
            dist: dist.map(Arc::from),
            csp: Arc::new(CspCache::new(dist)),
        }
    }
}

/// The Content-Security-Policy, rebuilt whenever `index.html` or `config.json` change: a rebuild of
/// the app changes the inline loader script (its file names carry the build's hash), and a stale hash
/// would block the app from starting while the server keeps running.
pub struct CspCache {
    dist: Option<PathBuf>,
    current: RwLock<(Vec<Option<SystemTime>>, Arc<str>)>,
}

impl CspCache {
    pub fn new(dist: Option<&Path>) -> Self {
        let dist = dist.map(Path::to_path_buf);
        let stamps = Self::stamps(dist.as_deref());
        let csp = build_csp(dist.as_deref()).into();
        Self {
            dist,
            current: RwLock::new((stamps, csp)),
        }
    }

    fn stamps(dist: Option<&Path>) -> Vec<Option<SystemTime>> {
        let Some(dist) = dist else { return Vec::new() };
        ["index.html", "config.json"]
            .iter()
            .map(|f| {
                std::fs::metadata(dist.join(f))
                    .and_then(|m| m.modified())
                    .ok()
            })
            .collect()
    }

    pub fn get(&self) -> Arc<str> {
        let stamps = Self::stamps(self.dist.as_deref());
        if let Ok(cur) = self.current.read()
            && cur.0 == stamps
        {
            return cur.1.clone();
        }
        let csp: Arc<str> = build_csp(self.dist.as_deref()).into();
        if let Ok(mut cur) = self.current.write() {
            *cur = (stamps, csp.clone());
        }
        csp
    }
}

/// The Content-Security-Policy for the app in `dist`.
pub fn build_csp(dist: Option<&Path>) -> String {
    let mut script_src = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    let mut connect_src = vec!["'self'".to_owned()];
    if let Some(dist) = dist {
        if let Ok(html) = std::fs::read_to_string(dist.join("index.html")) {
            script_src.extend(script_hashes(&html));
        }
        if let Ok(config) = std::fs::read_to_string(dist.join("config.json")) {
            let origin = serde_json::from_str::<serde_json::Value>(&config)
                .ok()
                .and_then(|v| v.get("apiBaseUrl")?.as_str().and_then(origin_of));
            connect_src.extend(origin);
        }
    }
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self' data:; \
         connect-src {}; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'",
        script_src.join(" "),
        connect_src.join(" ")
    )
}

const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     usb=(), browsing-topics=()";

/// Security headers on every response, whatever produced it.
pub async fn security_headers(State(site): State<Site>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&site.csp.get()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// 400 for a credential in the query string: it would leak into logs, history and Referer.
pub async fn reject_credentials_in_query(req: Request, next: Next) -> Response {
    match credential_in_query(req.uri()) {
        Some(error) => error.into_response(),
        None => next.run(req).await,
    }
}

/// The 400 for a URL whose query string carries a credential.
pub fn credential_in_query(uri: &axum::http::Uri) -> Option<ApiError> {
    let names = query_param_names(uri.query()?);
    let name = names
        .iter()
        .find(|n| CREDENTIAL_PARAMS.contains(&n.to_ascii_lowercase().as_str()))?;
    Some(ApiError::BadRequest {
        code: ErrorCode::CredentialInQuery,
        detail: format!(
            "Send credentials in the Authorization header (Authorization: Bearer …), \
                     never in the URL: remove the `{name}` query parameter."
        ),
        errors: vec![bizkit_contract::FieldError {
            field: name.clone(),
            code: ErrorCode::CredentialInQuery,
        }],
    })
}

/// Turns error responses that are not problem+json yet (axum's 404/405, tower-http's 413, …)
/// into problems, keeping their status and headers.
pub async fn problem_errors(req: Request, next: Next) -> Response {
    let is_head = req.method() == Method::HEAD;
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return response;
    }
    let error = match status {
        StatusCode::NOT_FOUND => ApiError::not_found("There is nothing at this address."),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        s if s.is_client_error() => ApiError::BadRequest {
            code: ErrorCode::MalformedJson,
            detail: s.canonical_reason().unwrap_or("Bad request").to_owned(),
            errors: Vec::new(),
        },
        s => ApiError::internal(format!("unhandled {s}")),
    };
    let (mut parts, _) = response.into_parts();
    let replacement = error.into_response();
    let (new_parts, body) = replacement.into_parts();
    parts.status = new_parts.status;
    parts.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in new_parts.headers.iter() {
        parts.headers.insert(name, value.clone());
    }
    let body = if is_head { Body::empty() } else { body };
    Response::from_parts(parts, body)
}

/// Is this a Trunk-hashed asset name (`app-0123456789abcdef.js`, `app-…_bg.wasm`)? Those never
/// change content under the same name, so they can be cached for good.
pub fn is_hashed_asset(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A hashed name anywhere in the path makes it immutable: the split app's files live in a directory
/// named by the hash of all of them (`/app-0123456789abcdef/chunk_3.wasm`), so that a page loaded
/// before a deployment never mixes its chunks with the next one's.
fn cache_control_for(path: &str) -> &'static str {
    if path.split('/').any(is_hashed_asset) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

pub(crate) fn is_api_path(path: &str) -> bool {
    ["/api", "/bff", "/openapi.json"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

/// Fallback of the router: files of `--dist`, and `index.html` for app routes.
pub async fn static_files(State(site): State<Site>, req: Request) -> Response {
    if let Some(error) = credential_in_query(req.uri()) {
        return error.into_response();
    }
    let path = req.uri().path().to_owned();
    if is_api_path(&path) {
        return ApiError::not_found("There is no such API endpoint.").into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut response = ApiError::MethodNotAllowed.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(dist) = site.dist else {
        return ApiError::not_found("This server serves no app (start it with --dist).")
            .into_response();
    };
    let last = path.rsplit('/').next().unwrap_or_default();
    let has_extension = last.contains('.');
    let mut files = ServeDir::new(&dist);
    let precompressed = precompressed_fresh(&dist, &path);
    if precompressed {
        files = files.precompressed_br().precompressed_gzip();
    }
    let served = files.oneshot(req).await.ok().map(|r| r.map(Body::new));
    match served {
        Some(mut response) if response.status() != StatusCode::NOT_FOUND => {
            if precompressed {
                // Caches must keep the brotli, gzip and plain answers apart.
                response
                    .headers_mut()
                    .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            }
            with_cache_control(response, &path)
        }
        _ if has_extension => ApiError::not_found("There is no such file.").into_response(),
        _ => serve_index(&dist).await,
    }
}

/// Whether the file at `path` under `dist` has compressed siblings (`.br`, `.gz`, written by the
/// build) and none of them is older than the file itself. Only then may they be served: a sibling
/// left from an earlier build (a rebuild by hand, without the step that compresses) would hand out
/// the old app.
pub fn precompressed_fresh(dist: &Path, path: &str) -> bool {
    let mut file = dist.to_path_buf();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        // Odd paths get no shortcut; ServeDir judges them as usual.
        if segment == ".." || segment == "." || segment.contains(['%', '\\']) {
            return false;
        }
        file.push(segment);
    }
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if !file.is_file() {
        return false;
    }
    let Some(original) = modified(&file) else {
        return false;
    };
    let mut any = false;
    for ext in ["br", "gz"] {
        let mut sibling = file.clone().into_os_string();
        sibling.push(".");
        sibling.push(ext);
        if let Some(compressed) = modified(Path::new(&sibling)) {
            if compressed < original {
                return false;
            }
            any = true;
        }
    }
    any
}

async fn serve_index(dist: &Path) -> Response {
    let index = dist.join("index.html");
    let req = Request::builder()
        .uri("/index.html")
        .body(Body::empty())
        .unwrap_or_default();
    match ServeFile::new(&index).oneshot(req).await {
        Ok(response) if response.status().is_success() => {
            with_cache_control(response.map(Body::new), "/index.html")
        }
        _ => ApiError::not_found("The app has no index.html.").into_response(),
    }
}

fn with_cache_control(mut response: Response, path: &str) -> Response {
    let value = if path.ends_with('/') {
        "no-cache"
    } else {
        cache_control_for(path)
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html = r#"<html><head><script src="/a.js"></script>
            <SCRIPT type="module">import init from '/x.js';init();</SCRIPT>
            <scripts>no</scripts><script>one()</script></head></html>"#;
        assert_eq!(
            inline_scripts(html),
            vec!["import init from '/x.js';init();", "one()"]
        );
        assert_eq!(script_hashes("<script>x</script>").len(), 1);
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://API.example.com:8443/v1?x").as_deref(),
            Some("https://api.example.com:8443")
        );
        assert_eq!(origin_of("/api"), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
    }

    #[test]
    fn hashed_assets() {
        assert!(is_hashed_asset("bizkit-forms-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("config.json"));
        assert_eq!(
            cache_control_for("/app-0123456789abcdef/chunk_3.wasm"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control_for("/widget/widget.js"), "no-cache");
        assert_eq!(cache_control_for("/config.json"), "no-cache");
        assert!(!is_api_path("/apiary"));
        assert!(is_api_path("/api/v1/session"));
    }
}
