use base64::Engine;
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::common::{Reply, start, start_admin, start_with};

const INLINE: &str = "import init, * as bindings from '/bizkit-forms-0123456789abcdef.js';\nwindow.wasmBindings = bindings;\ninit('/bizkit-forms-0123456789abcdef_bg.wasm');";

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("index.html"),
        format!(
            "<!DOCTYPE html><html><head><link rel=\"modulepreload\" href=\"/bizkit-forms-0123456789abcdef.js\">\
             <script type=\"module\">{INLINE}</script><script src=\"/extra.js\"></script></head><body></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(
        p.join("config.json"),
        r#"{"apiBaseUrl": "https://api.example.com/base"}"#,
    )
    .unwrap();
    std::fs::write(
        p.join("bizkit-forms-0123456789abcdef.js"),
        "export default function init() {}",
    )
    .unwrap();
    std::fs::write(
        p.join("bizkit-forms-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(p.join("robots.txt"), "User-agent: *\n").unwrap();
    dir
}

fn assert_security_headers(r: &Reply) {
    let csp = r.header("content-security-policy").expect("CSP");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("object-src 'none'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert!(
        r.header("permissions-policy")
            .unwrap()
            .contains("camera=()")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_the_app_with_fallback_cache_and_csp_hashes() {
    let d = dist();
    let path = d.path().to_path_buf();
    let s = start_with(move |c| c.dist = Some(path)).await;

    let index = s.get("/", None).await;
    assert_eq!(index.status, 200);
    assert!(index.text.contains("<script type=\"module\">"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert_security_headers(&index);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE.as_bytes()));
    let csp = index.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(
        csp.contains("connect-src 'self' https://api.example.com;"),
        "{csp}"
    );

    // A rebuild of the app while the server runs changes the loader script: the CSP follows it.
    let rebuilt = "import init from '/bizkit-forms-fedcba9876543210.js'; await init();";
    let html = std::fs::read_to_string(d.path().join("index.html"))
        .unwrap()
        .replace(INLINE, rebuilt);
    // Coarse file-system clocks: make sure the modification time moves.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(d.path().join("index.html"), html).unwrap();
    let f = std::fs::File::options()
        .write(true)
        .open(d.path().join("index.html"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let new_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(rebuilt.as_bytes()));
    let csp = s
        .get("/", None)
        .await
        .header("content-security-policy")
        .unwrap()
        .to_owned();
    assert!(csp.contains(&format!("'sha256-{new_hash}'")), "{csp}");
    assert!(
        !csp.contains(&format!("'sha256-{hash}'")),
        "the old hash is gone: {csp}"
    );
    let index = s.get("/", None).await;

    // App routes fall back to index.html.
    for route in ["/contacts/new", "/portal/profile", "/index.html"] {
        let r = s.get(route, None).await;
        assert_eq!(r.status, 200, "{route}");
        assert_eq!(r.text, index.text);
        assert_eq!(r.header("cache-control"), Some("no-cache"));
    }
    let r = s.get("/bizkit-forms-0123456789abcdef_bg.wasm", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    // The settings are read fresh on every start, never from a cache.
    let r = s.get("/config.json", None).await;
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.body["apiBaseUrl"], "https://api.example.com/base");
    let r = s.get("/robots.txt", None).await;
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    // A missing file with an extension is 404, not the app.
    let r = s.get("/missing-0123456789abcdef.js", None).await;
    r.assert_problem(404, "NOT_FOUND");
    assert_security_headers(&r);
    // Traversal stays inside dist.
    let r = s.get("/..%2f..%2fetc%2fpasswd", None).await;
    assert_ne!(r.status, 200, "{}", r.text);
    // API paths never fall back to the app.
    for p in ["/api/v1/nothing", "/bff/nothing", "/api", "/openapi.json/x"] {
        let r = s.get(p, None).await;
        r.assert_problem(404, "NOT_FOUND");
    }
    // Only GET and HEAD on the app.
    let r = s
        .send(Method::POST, "/contacts/new", None, Some(json!({})))
        .await;
    r.assert_problem(405, "METHOD_NOT_ALLOWED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_dist_there_is_no_app_but_still_headers() {
    let s = start().await;
    let r = s.get("/", None).await;
    r.assert_problem(404, "NOT_FOUND");
    assert_security_headers(&r);
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    let token = s.admin().await;
    let r = s.get("/bff/customer-group/list", Some(&token)).await;
    assert_security_headers(&r);
    // Method not allowed on an API route is a problem too.
    let r = s.get("/bff/contact/create", Some(&token)).await;
    r.assert_problem(405, "METHOD_NOT_ALLOWED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn body_limit_content_type_and_malformed_json_are_problems() {
    let (s, token) = start_admin().await;
    let big = json!({"email": "a@example.com", "firstName": "x".repeat(70 * 1024)});
    let r = s.create_contact(&token, big.clone()).await;
    r.assert_problem(413, "PAYLOAD_TOO_LARGE");
    let r = s
        .post_with_key("/bff/contact/create", &token, "big", big)
        .await;
    r.assert_problem(413, "PAYLOAD_TOO_LARGE");

    for (path, token, content_type) in [
        (
            "/bff/contact/create",
            Some(token.as_str()),
            Some("text/plain"),
        ),
        ("/api/v1/authenticate", None, None),
    ] {
        let r = s
            .send_bytes(
                Method::POST,
                path,
                token,
                content_type,
                None,
                br#"{"email":"a@example.com"}"#.to_vec(),
            )
            .await;
        r.assert_problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    let post_json = |body: &[u8]| {
        s.send_bytes(
            Method::POST,
            "/bff/contact/create",
            Some(&token),
            Some("application/json; charset=utf-8"),
            None,
            body.to_vec(),
        )
    };
    for body in [&b"{\"email\":"[..], b"not json", b"[1,2]", b""] {
        post_json(body).await.assert_problem(400, "MALFORMED_JSON");
    }
    // A value of the wrong type names its field.
    let r = post_json(br#"{"email":"a@example.com","groupList":[{"slug":{"x":1}}]}"#).await;
    r.assert_problem(400, "MALFORMED_JSON");
    assert_eq!(
        r.body["errors"][0]["field"], "groupList[0].slug",
        "{}",
        r.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_describes_every_endpoint() {
    let s = start().await;
    let r = s.get("/openapi.json", None).await;
    assert_eq!(r.status, 200);
    assert!(r.body["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = r.body["paths"].as_object().unwrap();
    for p in [
        "/api/v1/authenticate",
        "/api/v1/session",
        "/bff/contact/create",
        "/bff/contact/{customerId}",
        "/bff/member/invite-email",
        "/bff/member/permission-list",
        "/bff/customer-group/list",
        "/api/v1/customer/add-groups",
        "/api/v1/customer/profile",
        "/api/v1/customer/update-profile",
        "/api/v1/organizations/{org_id}/contacts",
        "/api/v1/organizations/{org_id}/contacts/{id}",
        "/bff/ares/{ico}",
        "/api/v1/ares/{ico}",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    assert!(paths["/api/v1/organizations/{org_id}/contacts"]["get"].is_object());
    assert!(paths["/api/v1/organizations/{org_id}/contacts"]["post"].is_object());
    let schemes = &r.body["components"]["securitySchemes"]["bearer"];
    assert_eq!(schemes["scheme"], "bearer");
    let schemas = r.body["components"]["schemas"].as_object().unwrap();
    for name in [
        "Problem",
        "ContactCreateRequest",
        "UpdateProfileRequest",
        "OrgContact",
        "AresRecord",
    ] {
        assert!(schemas.contains_key(name), "{name} missing");
    }
    let create = &paths["/bff/contact/create"]["post"]["responses"];
    assert!(
        create["422"]["content"]["application/problem+json"].is_object(),
        "{create}"
    );
    assert!(create["409"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_fresh_precompressed_files_and_never_stale_ones() {
    let d = dist();
    let wasm = "bizkit-forms-0123456789abcdef_bg.wasm";
    // Stand-ins: the server must hand out these bytes as they are, not compress anything itself.
    std::fs::write(d.path().join(format!("{wasm}.br")), b"BROTLI").unwrap();
    std::fs::write(d.path().join(format!("{wasm}.gz")), b"GZIP").unwrap();
    let path = d.path().to_path_buf();
    let s = start_with(move |c| c.dist = Some(path)).await;
    let fetch = |encoding: &'static str| {
        let req = s
            .client
            .get(s.url(&format!("/{wasm}")))
            .header("accept-encoding", encoding);
        async move {
            let r = req.send().await.unwrap();
            let headers = r.headers().clone();
            let body = r.bytes().await.unwrap().to_vec();
            (headers, body)
        }
    };
    let header = |h: &HeaderMap, name: &str| {
        h.get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };

    let (h, body) = fetch("gzip, deflate, br").await;
    assert_eq!(body, b"BROTLI");
    assert_eq!(header(&h, "content-encoding"), "br");
    assert_eq!(header(&h, "content-type"), "application/wasm");
    assert_eq!(header(&h, "vary"), "accept-encoding");
    assert!(header(&h, "cache-control").contains("immutable"));
    assert!(!header(&h, "content-security-policy").is_empty());
    let (h, body) = fetch("gzip").await;
    assert_eq!(body, b"GZIP");
    assert_eq!(header(&h, "content-encoding"), "gzip");
    let (h, body) = fetch("identity").await;
    assert_eq!(body, b"\0asm\x01\0\0\0");
    assert_eq!(header(&h, "content-encoding"), "");

    // A rebuild that did not compress: the siblings are older than the file, so they are ignored.
    let f = std::fs::File::options()
        .write(true)
        .open(d.path().join(wasm))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let (h, body) = fetch("gzip, deflate, br").await;
    assert_eq!(body, b"\0asm\x01\0\0\0");
    assert_eq!(header(&h, "content-encoding"), "");

    // Files without siblings are served as before; a path that climbs out finds nothing.
    let (h, body) = fetch("br").await;
    assert_eq!(header(&h, "content-encoding"), "");
    assert!(!body.is_empty());
    assert!(!bizkit_bff::web::precompressed_fresh(
        d.path(),
        &format!("/../{wasm}")
    ));
    assert_eq!(s.get("/robots.txt", None).await.text, "User-agent: *\n");
}
