//! Who may call this server from another origin.
//!
//! - The API answers cross-origin requests only for an allow-list: the server's own origin (the
//!   `Host` the request came to) and the origins named by `--allowed-origin` /
//!   `BIZKIT_ALLOWED_ORIGINS` — an organisation's portal that embeds the widget, or an admin app
//!   deployed apart from its API. Anyone else gets no `Access-Control-Allow-Origin`, so a page the
//!   signed-in person happens to visit cannot read the API's answers in their name.
//! - The widget's files (`/widget/…`: its loader, the wasm-bindgen module, the wasm, the styles) are
//!   public and hold no credentials: every origin may load them, as a cross-origin `import()`,
//!   `fetch` of the wasm and a `<link rel=stylesheet>` need, also under a host page's
//!   `Cross-Origin-Embedder-Policy`.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::idempotency;
use crate::setting::RefusalLog;

/// Environment variable with more allowed origins, comma-separated.
pub const ENV_ALLOWED_ORIGINS: &str = "BIZKIT_ALLOWED_ORIGINS";

/// How long a browser may reuse a preflight's answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// A configured origin that is not one: the server refuses to start and says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("allowed origin {value:?}: {reason}")]
pub struct OriginError {
    pub value: String,
    pub reason: &'static str,
}

/// The serialised origin of `value` as a browser sends it in `Origin`: `scheme://host[:port]`,
/// scheme and host lower-cased, the scheme's default port left out. Accepts one trailing `/`, so a
/// base URL pasted from the address bar works; refuses paths, queries, credentials, wildcards and
/// hosts a browser would never name (non-ASCII ones must be given in their `xn--` form).
pub fn normalise_origin(value: &str) -> Result<String, OriginError> {
    let fail = |reason| {
        Err(OriginError {
            value: value.to_owned(),
            reason,
        })
    };
    let trimmed = value.trim();
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    if trimmed == "*" {
        return fail(
            "a wildcard would let any web page call the API in a signed-in person's name; \
             name each origin",
        );
    }
    let Some((scheme, authority)) = trimmed.split_once("://") else {
        return fail("give scheme and host, e.g. https://portal.example.com");
    };
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return fail("only http and https origins exist for a browser"),
    };
    if authority.contains(['/', '?', '#']) {
        return fail("an origin has no path, query or fragment");
    }
    if authority.contains('@') {
        return fail("an origin has no user name or password");
    }
    if !authority.is_ascii() {
        return fail("write an international host name in its xn-- (punycode) form");
    }
    let (host, port) = split_host_port(authority);
    let host_ok = if let Some(inner) = host.strip_prefix('[') {
        inner
            .strip_suffix(']')
            .is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok())
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
    };
    if !host_ok {
        return fail("the host is not a host name or IP address");
    }
    let host = host.to_ascii_lowercase();
    match port {
        None => Ok(format!("{scheme}://{host}")),
        Some(port) => {
            let Ok(number) = port.parse::<u16>() else {
                return fail("the port is not a number from 1 to 65535");
            };
            if number == 0 || port.starts_with('+') {
                return fail("the port is not a number from 1 to 65535");
            }
            if number.to_string() == default_port {
                Ok(format!("{scheme}://{host}"))
            } else {
                Ok(format!("{scheme}://{host}:{number}"))
            }
        }
    }
}

/// `host[:port]`, IPv6 literals in brackets.
pub(crate) fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.find(']') {
            Some(end) => {
                let (host, rest) = authority.split_at(end + 1);
                (host, rest.strip_prefix(':'))
            }
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

/// The origins besides its own that may call the API from a browser.
#[derive(Debug, Default)]
pub struct AllowedOrigins {
    origins: HashSet<String>,
    logged: RefusalLog,
}

impl AllowedOrigins {
    /// From configured values (`--allowed-origin`, each entry of `BIZKIT_ALLOWED_ORIGINS`); empty
    /// entries are skipped, anything else that is not an origin is an error.
    pub fn new<S: AsRef<str>>(
        values: impl IntoIterator<Item = S>,
    ) -> Result<AllowedOrigins, OriginError> {
        let origins = crate::setting::parse_entries(values, normalise_origin)?;
        Ok(AllowedOrigins {
            origins: origins.into_iter().collect(),
            logged: RefusalLog::default(),
        })
    }

    /// The configured origins, sorted (for the start-up line and tests).
    pub fn configured(&self) -> Vec<String> {
        let mut list: Vec<String> = self.origins.iter().cloned().collect();
        list.sort();
        list
    }

    /// Whether a request with this `Origin` may read the answer. The value must be exactly what a
    /// browser sends (`null`, a path, upper case or a default port never match), and it must be
    /// either configured or the origin the request itself came to.
    pub fn permits(&self, origin: &HeaderValue, parts: &Parts) -> bool {
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        self.origins.contains(origin) || is_own_origin(origin, parts)
    }

    /// Says once per origin that a preflight from it was refused, and how to allow it.
    fn log_refusal(&self, origin: &HeaderValue) {
        let shown = String::from_utf8_lossy(origin.as_bytes()).into_owned();
        if self.logged.first_time(&shown) {
            tracing::warn!(
                origin = ?shown,
                "a preflight from an origin outside the allow-list got no \
                 Access-Control-Allow-Origin; to allow it, start the server with \
                 --allowed-origin ORIGIN or add it to {ENV_ALLOWED_ORIGINS}"
            );
        }
    }
}

/// The request's `Origin` is the origin it was sent to (`Host`, or the authority of an HTTP/2
/// request), over http or https (behind a TLS proxy). A browser always sends the true `Host`, so a
/// page elsewhere cannot pass for this server.
fn is_own_origin(origin: &str, parts: &Parts) -> bool {
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| parts.uri.authority().map(|a| a.as_str().to_owned()));
    let Some(host) = host else {
        return false;
    };
    ["http", "https"].iter().any(|scheme| {
        normalise_origin(&format!("{scheme}://{host}")).is_ok_and(|own| own == origin)
    })
}

/// The API's CORS: the allow-list, bearer tokens in `Authorization` (never cookies, so no
/// credentials mode), the `Idempotency-Key` the app sends, and the headers the app reads.
pub fn api_layer(origins: Arc<AllowedOrigins>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, parts| {
            let permitted = origins.permits(origin, parts);
            let preflight = parts.method == Method::OPTIONS
                && parts
                    .headers
                    .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
            if !permitted && preflight {
                origins.log_refusal(origin);
            }
            permitted
        }))
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static(idempotency::HEADER),
        ])
        .expose_headers([header::LOCATION, header::RETRY_AFTER])
        .max_age(PREFLIGHT_MAX_AGE)
}

/// Is this one of the files other sites load: the widget's folder.
pub fn is_public_path(path: &str) -> bool {
    path.starts_with("/widget/")
}

/// The widget's files may be read by every origin: `Access-Control-Allow-Origin: *` (they are
/// public and sent without credentials), `Cross-Origin-Resource-Policy: cross-origin` for the
/// `<script>` and `<link>` a host page with `Cross-Origin-Embedder-Policy` loads without CORS, and
/// `Timing-Allow-Origin` so the host can measure what the widget costs it. On every answer there,
/// also the precompressed ones and a 404 (which the host's console then shows as a 404, not as a
/// CORS failure).
///
/// Elsewhere, an answer without `Access-Control-Allow-Origin` (an origin outside the allow-list)
/// loses the other `Access-Control-*` headers too: such a page learns nothing of the API's methods
/// and headers either.
pub async fn cross_origin_headers(req: Request, next: Next) -> Response {
    let public = is_public_path(req.uri().path());
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    if !public {
        if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
            for name in [
                header::ACCESS_CONTROL_ALLOW_METHODS,
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                header::ACCESS_CONTROL_MAX_AGE,
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
            ] {
                headers.remove(name);
            }
        }
        return response;
    }
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.remove(header::ACCESS_CONTROL_ALLOW_CREDENTIALS);
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    headers.insert(
        HeaderName::from_static("timing-allow-origin"),
        HeaderValue::from_static("*"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_as_browsers_send_them() {
        for (given, expected) in [
            ("https://Portal.Example.com", "https://portal.example.com"),
            ("https://portal.example.com/", "https://portal.example.com"),
            (
                "HTTPS://portal.example.com:443",
                "https://portal.example.com",
            ),
            ("http://127.0.0.2:8081", "http://127.0.0.2:8081"),
            ("http://localhost:80", "http://localhost"),
            ("http://[::1]:3000", "http://[::1]:3000"),
            ("  http://a.example:8080  ", "http://a.example:8080"),
            ("https://xn--fiqz9s.example", "https://xn--fiqz9s.example"),
        ] {
            assert_eq!(normalise_origin(given).as_deref(), Ok(expected), "{given}");
        }
    }

    #[test]
    fn what_is_not_an_origin_is_refused() {
        for bad in [
            "*",
            "null",
            "portal.example.com",
            "ftp://portal.example.com",
            "https://portal.example.com/app",
            "https://portal.example.com?x=1",
            "https://user:pw@portal.example.com",
            "https://",
            "https://:8080",
            "https://a..b",
            "https://-a.example",
            "https://a_b.example",
            "https://a.example:0",
            "https://a.example:65536",
            "https://a.example:+80",
            "https://a.example:",
            "https://[::1",
            "https://[not-ip]",
            "https://čeština.example",
            "https://a.example//",
        ] {
            assert!(normalise_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_list_skips_empty_entries_and_names_a_bad_one() {
        let list =
            AllowedOrigins::new(["", " ", "https://B.example/", "https://b.example"]).unwrap();
        assert_eq!(list.configured(), vec!["https://b.example"]);
        let err =
            AllowedOrigins::new(["https://ok.example", "https://x.example/path"]).unwrap_err();
        assert_eq!(err.value, "https://x.example/path");
    }

    fn parts(host: &str) -> Parts {
        let (parts, ()) = axum::http::Request::builder()
            .uri("/api/v1/session")
            .header(header::HOST, host)
            .body(())
            .unwrap()
            .into_parts();
        parts
    }

    #[test]
    fn own_and_configured_origins_are_permitted_nothing_else() {
        let list = AllowedOrigins::new(["http://127.0.0.2:9000"]).unwrap();
        let p = parts("127.0.0.1:8080");
        let ok = |o: &'static str| list.permits(&HeaderValue::from_static(o), &p);
        assert!(ok("http://127.0.0.2:9000"));
        assert!(ok("http://127.0.0.1:8080"));
        assert!(ok("https://127.0.0.1:8080"));
        for refused in [
            "http://127.0.0.2:9001",
            "http://127.0.0.2:9000/",
            "HTTP://127.0.0.2:9000",
            "http://127.0.0.1:8081",
            "null",
            "",
            "http://evil.example",
        ] {
            assert!(!ok(refused), "{refused}");
        }
        let opaque = HeaderValue::from_bytes(b"http://\xff.example").unwrap();
        assert!(!list.permits(&opaque, &p));
        assert!(list.permits(
            &HeaderValue::from_static("https://forms.example.com"),
            &parts("forms.example.com:443")
        ));
    }
}
