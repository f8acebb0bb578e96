//! Who may call the server from another origin: the API's allow-list (own origin, configured
//! origins, nothing else — malformed `Origin` values included), preflight and actual requests, the
//! flag and the environment variable of the real binary, and the widget's public files.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;

use crate::common::{Reply, Server, assert_refused_starts, binary, start_with};

const PORTAL: &str = "http://127.0.0.2:9000";

async fn with_portal() -> Server {
    start_with(|c| c.allowed_origins = vec![PORTAL.to_owned()]).await
}

fn origin(value: &[u8]) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("origin", HeaderValue::from_bytes(value).unwrap());
    h
}

async fn preflight(s: &Server, path: &str, from: &[u8]) -> Reply {
    preflight_of(
        s,
        path,
        from,
        "POST",
        "authorization,content-type,idempotency-key",
    )
    .await
}

async fn preflight_of(
    s: &Server,
    path: &str,
    from: &[u8],
    method: &'static str,
    headers: &'static str,
) -> Reply {
    let mut h = origin(from);
    h.insert(
        "access-control-request-method",
        HeaderValue::from_static(method),
    );
    h.insert(
        "access-control-request-headers",
        HeaderValue::from_static(headers),
    );
    s.raw(Method::OPTIONS, path, None, h, Vec::new()).await
}

async fn get_from(s: &Server, path: &str, token: Option<&str>, from: &[u8]) -> Reply {
    s.raw(Method::GET, path, token, origin(from), Vec::new())
        .await
}

fn acao(r: &Reply) -> Option<&str> {
    r.header("access-control-allow-origin")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_allowed_origin_gets_preflight_and_answers() {
    let s = with_portal().await;
    let r = preflight(&s, "/api/v1/customer/update-profile", PORTAL.as_bytes()).await;
    assert!(r.status.is_success(), "{}", r.status);
    assert_eq!(acao(&r), Some(PORTAL));
    let allowed = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    for name in ["authorization", "content-type", "idempotency-key"] {
        assert!(allowed.contains(name), "{allowed}");
    }
    assert!(
        r.header("access-control-allow-methods")
            .unwrap()
            .contains("POST")
    );
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    // Bearer tokens, never cookies: no credentials mode.
    assert_eq!(r.header("access-control-allow-credentials"), None);

    // Sign-in, an authenticated call and a refusal: all readable by the portal's page.
    let mut h = origin(PORTAL.as_bytes());
    h.insert("content-type", HeaderValue::from_static("application/json"));
    let body = json!({"email": "jan@barasek.com", "password": "demo-customer"});
    let r = s
        .raw(
            Method::POST,
            "/api/v1/authenticate",
            None,
            h,
            serde_json::to_vec(&body).unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(acao(&r), Some(PORTAL));
    let token = r.body["auth_token"].as_str().unwrap().to_owned();
    let r = get_from(
        &s,
        "/api/v1/customer/profile",
        Some(&token),
        PORTAL.as_bytes(),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(acao(&r), Some(PORTAL));
    let vary = r.header("vary").unwrap().to_lowercase();
    assert!(vary.contains("origin"), "{vary}");
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    assert!(
        exposed.contains("location") && exposed.contains("retry-after"),
        "{exposed}"
    );
    let r = get_from(&s, "/api/v1/session", None, PORTAL.as_bytes()).await;
    r.assert_problem(401, "UNAUTHORIZED");
    assert_eq!(acao(&r), Some(PORTAL));
    // An API path this server lacks: a 404 the app can read, so it hides the feature.
    let r = get_from(&s, "/api/v1/no-such-call", Some(&token), PORTAL.as_bytes()).await;
    r.assert_problem(404, "NOT_FOUND");
    assert_eq!(acao(&r), Some(PORTAL));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_servers_own_origin_is_always_allowed() {
    let s = start_with(|_| {}).await;
    let own = s.base.clone();
    let r = preflight(&s, "/api/v1/authenticate", own.as_bytes()).await;
    assert_eq!(acao(&r), Some(own.as_str()));
    let r = get_from(&s, "/api/v1/session", None, own.as_bytes()).await;
    assert_eq!(acao(&r), Some(own.as_str()));
    // Another port of the same host is another origin.
    let port: u16 = own.rsplit(':').next().unwrap().parse().unwrap();
    let other = format!("http://127.0.0.1:{}", port.wrapping_add(1));
    let r = preflight(&s, "/api/v1/authenticate", other.as_bytes()).await;
    assert_eq!(acao(&r), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_malformed_origins_get_no_allow_origin() {
    let s = with_portal().await;
    let token = s.customer().await;
    let refused: [&[u8]; 12] = [
        b"https://evil.example",
        b"http://127.0.0.2:9001",
        b"https://127.0.0.2:9000",
        b"http://127.0.0.3:9000",
        b"null",
        b"http://127.0.0.2:9000/",
        b"HTTP://127.0.0.2:9000",
        b"http://127.0.0.2:9000, https://evil.example",
        b"http://127.0.0.2:9000.evil.example",
        b"*",
        b"",
        b"http://127.0.0.2:9000\xff",
    ];
    for from in refused {
        let shown = String::from_utf8_lossy(from);
        let r = preflight(&s, "/api/v1/customer/update-profile", from).await;
        assert_eq!(acao(&r), None, "preflight from {shown:?}");
        let leaked: Vec<_> = r
            .headers
            .keys()
            .filter(|k| k.as_str().starts_with("access-control-"))
            .collect();
        assert!(leaked.is_empty(), "{shown:?}: {leaked:?}");
        let r = preflight(&s, "/api/v1/authenticate", from).await;
        assert_eq!(acao(&r), None, "sign-in preflight from {shown:?}");
        // The request itself is answered as ever; only the browser of that origin cannot read it.
        let r = get_from(&s, "/api/v1/customer/profile", Some(&token), from).await;
        assert_eq!(r.status, 200, "{shown:?}");
        assert_eq!(acao(&r), None, "answer to {shown:?}");
        assert_eq!(r.header("access-control-expose-headers"), None);
    }
    // Two Origin headers: not one origin, so not an allowed one.
    let mut h = HeaderMap::new();
    h.append("origin", HeaderValue::from_static("https://evil.example"));
    h.append("origin", HeaderValue::from_static(PORTAL));
    let r = s
        .raw(Method::GET, "/api/v1/session", Some(&token), h, Vec::new())
        .await;
    assert_ne!(acao(&r), Some(PORTAL));
    assert_ne!(acao(&r), Some("*"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_files_are_public_also_precompressed_and_missing() {
    let dist = tempfile::tempdir().unwrap();
    let widget = dist.path().join("widget");
    std::fs::create_dir_all(&widget).unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>x</title>",
    )
    .unwrap();
    std::fs::write(widget.join("widget.js"), "/* loader */").unwrap();
    std::fs::write(widget.join("widget.css"), ".bizkit-root{}").unwrap();
    std::fs::write(widget.join("bizkit-widget.js"), "export default 1;").unwrap();
    std::fs::write(widget.join("bizkit-widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(widget.join("bizkit-widget_bg.wasm.br"), b"BROTLI").unwrap();
    std::fs::write(widget.join("bizkit-widget_bg.wasm.gz"), b"GZIP").unwrap();
    let path = dist.path().to_path_buf();
    let s = start_with(move |c| {
        c.dist = Some(path);
        c.allowed_origins = vec![PORTAL.to_owned()];
    })
    .await;

    // Any origin, allowed or not: these are public files without credentials.
    for from in [b"https://any-shop.example".as_slice(), PORTAL.as_bytes()] {
        for (file, encoding, content_type) in [
            ("widget.js", "identity", "text/javascript"),
            ("widget.css", "identity", "text/css"),
            ("bizkit-widget.js", "identity", "text/javascript"),
            ("bizkit-widget_bg.wasm", "br", "application/wasm"),
            ("bizkit-widget_bg.wasm", "gzip", "application/wasm"),
            ("bizkit-widget_bg.wasm", "identity", "application/wasm"),
        ] {
            let mut h = origin(from);
            h.insert("accept-encoding", HeaderValue::from_static(encoding));
            let r = s
                .raw(Method::GET, &format!("/widget/{file}"), None, h, Vec::new())
                .await;
            let what = format!("{file} as {encoding}");
            assert_eq!(r.status, 200, "{what}");
            assert_eq!(acao(&r), Some("*"), "{what}");
            assert_eq!(
                r.header("cross-origin-resource-policy"),
                Some("cross-origin"),
                "{what}"
            );
            assert_eq!(r.header("timing-allow-origin"), Some("*"), "{what}");
            assert!(
                r.header("content-type").unwrap().starts_with(content_type),
                "{what}: {:?}",
                r.header("content-type")
            );
            if encoding != "identity" {
                assert_eq!(r.header("content-encoding"), Some(encoding), "{what}");
            }
        }
    }
    // A file the widget lacks: a readable 404, not a CORS failure in the host's console.
    let r = get_from(&s, "/widget/nothing.js", None, b"https://any-shop.example").await;
    assert_eq!(r.status, 404);
    assert_eq!(acao(&r), Some("*"));
    // The app itself is not for other sites.
    let r = get_from(&s, "/index.html", None, b"https://any-shop.example").await;
    assert_eq!(r.status, 200);
    assert_eq!(acao(&r), None);
    assert_eq!(r.header("cross-origin-resource-policy"), None);
    let r = get_from(&s, "/widget-not/x.js", None, b"https://any-shop.example").await;
    assert_eq!(acao(&r), None);
}

/// The real binary, so that the flag and the environment variable are what is tested.
struct Binary {
    child: Child,
    base: String,
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(args: &[&str], env: Option<&str>, data: &std::path::Path) -> (Binary, Vec<String>) {
    // With --demo a first start ends its start-up output with the demo sign-ins, which is where
    // reading stops.
    let args: Vec<&str> = ["--demo"].into_iter().chain(args.iter().copied()).collect();
    let mut child = binary(&args, bizkit_bff::cors::ENV_ALLOWED_ORIGINS, env, data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = Vec::new();
    let mut base = String::new();
    let mut reader = BufReader::new(stdout).lines();
    for line in reader.by_ref() {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("bizkit-bff listening on ") {
            base = url.to_owned();
        } else if line.contains("may call the API") {
            lines.push(line.trim().to_owned());
        } else if line.starts_with("Demo data") {
            // The origins are printed between the address and the demo sign-ins.
            break;
        }
    }
    // The server goes on printing: a closed pipe would end it.
    std::thread::spawn(move || reader.for_each(drop));
    assert!(!base.is_empty(), "the server printed no address");
    (Binary { child, base }, lines)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_flag_repeats_and_the_environment_adds_more() {
    let data = tempfile::tempdir().unwrap();
    let (server, printed) = spawn(
        &[
            "--allowed-origin",
            "https://Portal.example.com/",
            "--allowed-origin=http://127.0.0.2:9000",
        ],
        Some("https://shop.example.org, http://127.0.0.3:8000,"),
        data.path(),
    );
    assert_eq!(
        printed,
        [
            "pages of http://127.0.0.2:9000 may call the API",
            "pages of http://127.0.0.3:8000 may call the API",
            "pages of https://portal.example.com may call the API",
            "pages of https://shop.example.org may call the API",
        ]
    );
    let client = reqwest::Client::new();
    let ask = |from: &'static str| {
        client
            .request(
                Method::OPTIONS,
                format!("{}/api/v1/authenticate", server.base),
            )
            .header("origin", from)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    for from in [
        "https://portal.example.com",
        "http://127.0.0.2:9000",
        "https://shop.example.org",
        "http://127.0.0.3:8000",
    ] {
        let r = ask(from).await.unwrap();
        assert_eq!(
            r.headers()
                .get("access-control-allow-origin")
                .and_then(|v| v.to_str().ok()),
            Some(from),
            "{from}"
        );
    }
    for from in ["https://other.example.com", "http://127.0.0.2:9001"] {
        let r = ask(from).await.unwrap();
        assert!(
            r.headers().get("access-control-allow-origin").is_none(),
            "{from}"
        );
    }
}

#[test]
fn a_mistyped_origin_stops_the_start_and_says_why() {
    assert_refused_starts(
        &[
            (vec!["--allowed-origin", "portal.example.com"], None),
            (vec!["--allowed-origin", "*"], None),
            (vec![], Some("https://ok.example,https://bad.example/path")),
        ],
        bizkit_bff::cors::ENV_ALLOWED_ORIGINS,
        &["allowed origin"],
    );
}

/// Signing out from the app served apart from its API: the preflight allows `DELETE`, and the
/// portal's call ends the session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_allowed_origin_may_sign_out() {
    let s = with_portal().await;
    let r = preflight_of(
        &s,
        "/api/v1/session",
        PORTAL.as_bytes(),
        "DELETE",
        "authorization",
    )
    .await;
    assert!(r.status.is_success(), "{}", r.status);
    assert_eq!(acao(&r), Some(PORTAL));
    assert!(
        r.header("access-control-allow-methods")
            .unwrap()
            .contains("DELETE")
    );

    let token = s.customer().await;
    let r = s
        .raw(
            Method::DELETE,
            "/api/v1/session",
            Some(&token),
            origin(PORTAL.as_bytes()),
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(acao(&r), Some(PORTAL));
    let after = get_from(&s, "/api/v1/session", Some(&token), PORTAL.as_bytes()).await;
    assert_eq!(after.status, 401);
}
