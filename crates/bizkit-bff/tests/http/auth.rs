use reqwest::Method;
use serde_json::json;

use crate::common::{headers, start, start_admin, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_signs_in_and_reads_the_session() {
    let s = start().await;
    let r = s.authenticate(" ADMIN@demo.test ", "demo-admin").await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["role"], "admin");
    let token = r.body["auth_token"].as_str().unwrap();
    assert_eq!(token.len(), 43);
    let r = s.get("/api/v1/session", Some(token)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["role"], "admin");
    assert_eq!(r.body["email"], "admin@demo.test");
    assert_eq!(r.body["organisation"]["id"], 1);
    assert_eq!(r.body["organisation"]["name"], "Demo s.r.o.");
    assert_eq!(r.body["organisation"]["defaultCountry"], "CZ");
    assert_eq!(r.body["organisation"]["phonePrefix"], "+420");
    assert_eq!(
        r.body["organisation"]["locales"],
        json!(["cs", "en", "sk", "de"])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_credentials_are_401_with_www_authenticate() {
    let s = start().await;
    for body in [
        json!({"email": "admin@demo.test", "password": "wrong"}),
        json!({"email": "nobody@demo.test", "password": "demo-admin"}),
    ] {
        let r = s.post("/api/v1/authenticate", None, body).await;
        r.assert_problem(401, "INVALID_CREDENTIALS");
        assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    }
    let r = s.post("/api/v1/authenticate", None, json!({})).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    assert_eq!(r.field_codes(), vec!["email:REQUIRED", "password:REQUIRED"]);
    let r = s.authenticate("not-an-email", "x").await;
    assert_eq!(r.field_codes(), vec!["email:EMAIL_INVALID"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_bad_and_malformed_tokens_are_401() {
    let s = start().await;
    let r = s.get("/api/v1/session", None).await;
    r.assert_problem(401, "UNAUTHORIZED");
    assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    let r = s.get("/bff/customer-group/list", Some("not-a-token")).await;
    r.assert_problem(401, "UNAUTHORIZED");
    // Looks like a key but is not of the documented form: refused before any lookup.
    for key in [
        "PRODshort",
        "DEV_has-a-dash-aaaaaaaaaaaaaaaaaaaaaaa",
        "ROOTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ] {
        let r = s.get("/api/v1/session", Some(key)).await;
        r.assert_problem(401, "API_KEY_MALFORMED");
        assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    }
    // Well-formed but unknown key.
    let r = s
        .get("/api/v1/session", Some("PRODaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .await;
    r.assert_problem(401, "UNAUTHORIZED");
    // Basic auth is not a bearer token.
    let h = headers(&[("authorization", "Basic YWRtaW46eA==")]);
    let r = s
        .raw(Method::GET, "/api/v1/session", None, h, Vec::new())
        .await;
    r.assert_problem(401, "UNAUTHORIZED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_api_key_has_admin_rights_of_its_org() {
    let s = start().await;
    let key = s.api_key();
    assert!(key.starts_with("PROD") && key.len() == 32);
    let r = s.get("/api/v1/session", Some(&key)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["role"], "admin");
    assert_eq!(r.body["organisation"]["id"], 1);
    let r = s
        .add_groups_to(&key, ("cuRefNo", "1cGIHvFoQDGLAbcA"), &["api"])
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    // The seeds call the BFF with an API key too.
    let r = s.get("/bff/customer-group/list", Some(&key)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    // The other organisation's key sees its own organisation.
    let r = s.get("/api/v1/session", Some(&s.other_api_key())).await;
    assert_eq!(r.body["organisation"]["id"], 2);
    assert_eq!(r.body["organisation"]["phonePrefix"], "+421");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_token_is_token_expired() {
    let s = start_with(|c| c.token_ttl = std::time::Duration::ZERO).await;
    let token = s.admin().await;
    let r = s.get("/api/v1/session", Some(&token)).await;
    r.assert_problem(401, "TOKEN_EXPIRED");
    assert!(
        r.header("www-authenticate")
            .unwrap()
            .contains("invalid_token")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failed_sign_ins_are_rate_limited() {
    let s = start().await;
    for _ in 0..5 {
        let r = s.authenticate("admin@demo.test", "nope").await;
        assert_eq!(r.status, 401);
    }
    // Locked now, even with the right password.
    let r = s.authenticate("admin@demo.test", "demo-admin").await;
    r.assert_problem(429, "RATE_LIMITED");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=300).contains(&retry), "{retry}");
    // Another account is not affected.
    s.customer().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_in_the_query_string_are_refused() {
    let (s, token) = start_admin().await;
    for path in [
        "/api/v1/session?apiKey=PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE",
        "/api/v1/session?x=1&api_key=abc",
        "/bff/customer-group/list?token=abc",
        "/bff/customer-group/list?ACCESS_TOKEN=abc",
        "/api/v1/customer/profile?auth%5Ftoken=abc",
        "/openapi.json?apikey=1",
        "/some/app/route?token=1",
    ] {
        let r = s.get(path, Some(&token)).await;
        r.assert_problem(400, "CREDENTIAL_IN_QUERY");
        assert!(
            r.body["detail"]
                .as_str()
                .unwrap()
                .contains("Authorization header"),
            "{}",
            r.text
        );
    }
    // Before authentication: a query key without a header is still 400, not 401.
    let r = s
        .post(
            "/api/v1/customer/add-groups?apiKey=PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE",
            None,
            json!({}),
        )
        .await;
    r.assert_problem(400, "CREDENTIAL_IN_QUERY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_may_only_use_its_profile() {
    let s = start().await;
    let r = s.authenticate("jan@barasek.com", "demo-customer").await;
    assert_eq!(r.body["role"], "customer");
    let token = s.customer().await;
    let r = s.get("/api/v1/session", Some(&token)).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["role"], "customer");
    assert_eq!(r.body["email"], "jan@barasek.com");
    assert_eq!(
        s.get("/api/v1/customer/profile", Some(&token)).await.status,
        200
    );
    for (method, path) in [
        (Method::POST, "/bff/contact/create"),
        (Method::POST, "/bff/member/invite-email"),
        (Method::POST, "/api/v1/customer/add-groups"),
        (Method::POST, "/api/v1/organizations/1/contacts"),
        (Method::GET, "/api/v1/organizations/1/contacts"),
        (Method::GET, "/bff/customer-group/list"),
        (Method::GET, "/bff/member/permission-list"),
        (Method::GET, "/bff/ares/05103118"),
        (Method::GET, "/bff/contact/whatever"),
    ] {
        let body = (method == Method::POST)
            .then(|| json!({"email": "x@example.com", "groups": ["a"], "type": {"id": 1}}));
        let r = s.send(method, path, Some(&token), body).await;
        r.assert_problem(403, "FORBIDDEN");
    }
}
