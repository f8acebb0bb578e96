//! Who may do what ("no one in"), over every operation `/openapi.json` lists — so an endpoint
//! added later is covered without touching this file: no, malformed or expired credentials are
//! 401; a customer token reaches only its own profile; an administrator only its own organisation;
//! a credential in the query string is refused on every path; every body check answers a problem.

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::{Value, json};

use crate::common::{Reply, Server, headers, start, start_admin, start_with};

/// Every operation of the OpenAPI document: (method, path template, needs a token, has a body).
pub(crate) async fn operations(s: &Server) -> Vec<(Method, String, bool, bool)> {
    let doc = s.get("/openapi.json", None).await.body;
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method = match method.as_str() {
                "get" => Method::GET,
                "post" => Method::POST,
                "put" => Method::PUT,
                "delete" => Method::DELETE,
                "patch" => Method::PATCH,
                _ => continue,
            };
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            ops.push((method, path.clone(), secured, op["requestBody"].is_object()));
        }
    }
    assert!(ops.len() >= 14, "{ops:?}");
    ops
}

/// A concrete path of organisation 1's resources for a template.
pub(crate) fn concrete(template: &str, customer_id: &str) -> String {
    template
        .replace("{org_id}", "1")
        .replace("{id}", "1")
        .replace("{customerId}", customer_id)
        .replace("{ico}", "05103118")
}

/// A body that passes every operation's validation where possible, so only the role decides.
fn body_for(path: &str) -> Value {
    match path {
        "/api/v1/authenticate" => json!({"email": "admin@demo.test", "password": "demo-admin"}),
        "/api/v1/customer/add-groups" => json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["x"]}),
        "/api/v1/customer/update-profile" => json!({"email": "jan@barasek.com"}),
        "/bff/member/invite-email" => json!({"email": "someone.new@example.com"}),
        "/api/v1/organizations/{org_id}/contacts" => json!({"type": {"id": 2}}),
        _ => json!({"email": "someone.new@example.com"}),
    }
}

pub(crate) async fn call(
    s: &Server,
    method: &Method,
    path: &str,
    template: &str,
    token: Option<&str>,
) -> Reply {
    let body = (*method == Method::POST).then(|| body_for(template));
    s.send(method.clone(), path, token, body).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_protected_operation_refuses_no_bad_and_malformed_credentials() {
    let s = start().await;
    let ops = operations(&s).await;
    let unsecured: Vec<_> = ops.iter().filter(|o| !o.2).map(|o| o.1.as_str()).collect();
    assert_eq!(
        unsecured,
        vec!["/api/v1/authenticate"],
        "only signing in needs no token"
    );
    for (method, template, _, _) in ops.iter().filter(|o| o.2) {
        let path = concrete(template, "any");
        for (token, code) in [
            (None, "UNAUTHORIZED"),
            (Some("not-a-token"), "UNAUTHORIZED"),
            (Some("Bearer"), "UNAUTHORIZED"),
            (Some("a".repeat(43).as_str()), "UNAUTHORIZED"),
            // A well-formed key nobody issued, and keys of the wrong form.
            (Some("PRODaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "UNAUTHORIZED"),
            (Some("PRODshort"), "API_KEY_MALFORMED"),
            (
                Some("DEV_aaaaaaaaaaaaaaaaaaaaaaaaaaaa-"),
                "API_KEY_MALFORMED",
            ),
        ] {
            let r = call(&s, method, &path, template, token).await;
            r.assert_problem(401, code);
            assert!(
                r.header("www-authenticate")
                    .unwrap_or("")
                    .starts_with("Bearer"),
                "{method} {path}: WWW-Authenticate"
            );
        }
        // A token with a control character or non-ASCII never reaches a lookup either.
        let mut h = HeaderMap::new();
        h.insert(
            "authorization",
            HeaderValue::from_bytes(b"Bearer \xc3\xa9t\xc3\xa9").unwrap(),
        );
        let r = s.raw(method.clone(), &path, None, h, Vec::new()).await;
        assert_eq!(r.status, 401, "{method} {path}: {}", r.text);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_401_token_expired_on_every_protected_operation() {
    let s = start_with(|c| c.token_ttl = std::time::Duration::ZERO).await;
    let token = s.admin().await;
    for (method, template, _, _) in operations(&s).await.iter().filter(|o| o.2) {
        let path = concrete(template, "any");
        let r = call(&s, method, &path, template, Some(&token)).await;
        assert_eq!(r.code(), "TOKEN_EXPIRED", "{method} {path}: {}", r.text);
        r.assert_problem(401, "TOKEN_EXPIRED");
        assert!(
            r.header("www-authenticate")
                .unwrap()
                .contains("invalid_token"),
            "{method} {path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_token_reaches_its_own_profile_and_nothing_else() {
    let (s, admin) = start_admin().await;
    let second_id = s
        .created_id(
            &admin,
            json!({"email": "second.customer@example.com", "firstName": "Druhý"}),
        )
        .await;
    let customer = s.customer().await;

    let own = [
        (Method::GET, "/api/v1/session"),
        (Method::DELETE, "/api/v1/session"),
        (Method::GET, "/api/v1/customer/profile"),
        (Method::POST, "/api/v1/customer/update-profile"),
        // ARES, for the portal's company details (limited per token, see `lookup`).
        (Method::GET, "/api/v1/ares/{ico}"),
    ];
    for (method, template, _, _) in operations(&s).await.iter().filter(|o| o.2) {
        let path = concrete(template, &second_id);
        // Signing out ends the session it is called with: a session of its own, so the token
        // of the other calls stays.
        let token = if *method == Method::DELETE {
            s.customer().await
        } else {
            customer.clone()
        };
        let r = call(&s, method, &path, template, Some(&token)).await;
        if own.iter().any(|(m, p)| m == method && p == template) {
            assert!(
                r.status.is_success(),
                "{method} {path}: {} {}",
                r.status,
                r.text
            );
        } else {
            r.assert_problem(403, "FORBIDDEN");
        }
    }

    // Another customer's profile: neither written nor read, by e-mail in any letter case.
    for email in ["second.customer@example.com", "SECOND.Customer@Example.com"] {
        let r = s
            .update_profile(&customer, json!({"email": email, "firstName": "Hacked"}))
            .await;
        r.assert_problem(403, "FORBIDDEN");
    }
    let r = s
        .add_groups_to(
            &customer,
            ("email", "second.customer@example.com"),
            &["hacked"],
        )
        .await;
    r.assert_problem(403, "FORBIDDEN");
    let stored = s.contact(&admin, &second_id).await;
    assert_eq!(stored.body["firstName"], "Druhý", "{}", stored.text);
    assert_eq!(stored.body["groupList"], json!([]), "{}", stored.text);
    // The customer's own profile is still its own.
    let me = s.get("/api/v1/customer/profile", Some(&customer)).await;
    assert_eq!(me.body["email"], "jan@barasek.com", "{}", me.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_cannot_touch_another_organisation() {
    let (s, admin) = start_admin().await;
    let id = s
        .created_id(
            &admin,
            json!({"email": "mine@example.com", "groupList": [{"name": "Demo only"}]}),
        )
        .await;
    let org_contact = s
        .create_org_contact(&admin, "1/contacts", json!({"type": {"id": 2}}))
        .await;
    assert_eq!(org_contact.status, 201, "{}", org_contact.text);
    let org_contact_id = org_contact.body["id"].as_u64().unwrap();

    // The other organisation's administrator, by session token and by API key.
    for other in [s.other_admin().await, s.other_api_key()] {
        let r = s.contact(&other, &id).await;
        r.assert_problem(404, "NOT_FOUND");
        for identify in [
            json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["hijacked"]}),
            json!({"email": "jan@barasek.com", "groups": ["hijacked"]}),
            json!({"email": "mine@example.com", "groups": ["hijacked"]}),
        ] {
            let r = s.add_groups(&other, identify).await;
            assert_eq!(r.status, 404, "{}", r.text);
            assert_eq!(r.code(), "CUSTOMER_NOT_FOUND");
        }
        let r = s
            .update_profile(
                &other,
                json!({"email": "jan@barasek.com", "firstName": "Hijacked"}),
            )
            .await;
        assert_eq!(r.status, 404, "{}", r.text);
        for path in [
            "/api/v1/organizations/1/contacts".to_owned(),
            format!("/api/v1/organizations/1/contacts/{org_contact_id}"),
        ] {
            s.get(&path, Some(&other))
                .await
                .assert_problem(403, "FORBIDDEN");
        }
        s.post(
            "/api/v1/organizations/1/contacts",
            Some(&other),
            json!({"type": {"id": 2}}),
        )
        .await
        .assert_problem(403, "FORBIDDEN");
        // Its group list is its own: nothing of organisation 1 shows.
        let groups = s.get("/bff/customer-group/list", Some(&other)).await;
        assert_eq!(groups.status, 200);
        assert!(!groups.text.contains("demo-only"), "{}", groups.text);
    }
    // A contact of the same e-mail in its own organisation is no conflict with ours: e-mails are
    // unique per organisation, and the check does not look across.
    let r = s
        .post(
            "/bff/contact/create",
            Some(&s.other_admin().await),
            json!({"email": "MINE@example.com"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);

    // Organisation 1's data is untouched.
    let customer = s.customer().await;
    let me = s.get("/api/v1/customer/profile", Some(&customer)).await;
    assert_ne!(me.body["firstName"], "Hijacked", "{}", me.text);
    assert!(!me.text.contains("hijacked"), "{}", me.text);
    let mine = s.contact(&admin, &id).await;
    assert!(!mine.text.contains("hijacked"), "{}", mine.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credential_in_the_query_string_is_refused_on_every_operation() {
    let (s, token) = start_admin().await;
    for (method, template, _, _) in operations(&s).await {
        let path = concrete(&template, "any");
        for query in [
            "apiKey=PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE",
            format!("token={token}").as_str(),
        ] {
            let r = call(
                &s,
                &method,
                &format!("{path}?{query}"),
                &template,
                Some(&token),
            )
            .await;
            r.assert_problem(400, "CREDENTIAL_IN_QUERY");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_body_is_checked_for_size_json_and_content_type() {
    let (s, admin) = start_admin().await;
    let customer = s.customer().await;
    for (method, template, secured, has_body) in operations(&s).await {
        if !has_body {
            continue;
        }
        let path = concrete(&template, "any");
        let token = match (secured, template.as_str()) {
            (false, _) => None,
            (true, "/api/v1/customer/update-profile") => Some(customer.as_str()),
            (true, _) => Some(admin.as_str()),
        };
        let json_type = || headers(&[("content-type", "application/json")]);
        // Over the limit (64 KiB), with and without a content length the server can trust.
        let mut big = body_for(&template);
        big["name"] = json!("x".repeat(70 * 1024));
        let r = s
            .raw(
                method.clone(),
                &path,
                token,
                json_type(),
                serde_json::to_vec(&big).unwrap(),
            )
            .await;
        r.assert_problem(413, "PAYLOAD_TOO_LARGE");
        for body in [
            &b"{\"email\":"[..],
            b"not json",
            b"[]",
            b"null",
            b"\"text\"",
            b"",
            b"{\"email\": \"\xff\"}",
        ] {
            let r = s
                .raw(method.clone(), &path, token, json_type(), body.to_vec())
                .await;
            r.assert_problem(400, "MALFORMED_JSON");
        }
        for content_type in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/html",
        ] {
            let h = headers(&[("content-type", content_type)]);
            let body = serde_json::to_vec(&body_for(&template)).unwrap();
            let r = s.raw(method.clone(), &path, token, h, body).await;
            r.assert_problem(415, "UNSUPPORTED_MEDIA_TYPE");
        }
        // No content type at all.
        let body = serde_json::to_vec(&body_for(&template)).unwrap();
        let r = s
            .raw(method.clone(), &path, token, HeaderMap::new(), body)
            .await;
        r.assert_problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_authenticated_post_takes_an_idempotency_key_and_the_document_says_so() {
    let s = start().await;
    let doc = s.get("/openapi.json", None).await.body;
    let admin = s.admin().await;
    for (method, template, secured, _) in operations(&s).await {
        if method != Method::POST || !secured {
            continue;
        }
        let op = &doc["paths"][&template]["post"];
        let documented = op["parameters"].as_array().is_some_and(|p| {
            p.iter()
                .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header")
        });
        assert!(documented, "{template}: Idempotency-Key not documented");
        for status in ["400", "401", "409", "413", "415", "422"] {
            assert!(
                op["responses"][status]["content"]["application/problem+json"].is_object(),
                "{template}: {status} not documented as a problem"
            );
        }
        if template == "/api/v1/customer/update-profile" {
            continue; // needs a customer's body; replays are covered by the others
        }
        let path = concrete(&template, "any");
        let body = body_for(&template);
        let first = s
            .post_with_key(&path, &admin, &format!("k-{template}"), body.clone())
            .await;
        assert!(first.status.is_success(), "{template}: {}", first.text);
        let again = s
            .post_with_key(&path, &admin, &format!("k-{template}"), body)
            .await;
        assert_eq!(again.status, first.status, "{template}");
        assert_eq!(
            again.header("idempotent-replayed"),
            Some("true"),
            "{template}"
        );
        assert_eq!(again.body, first.body, "{template}");
    }
    // A method the path lacks is 405, also with a key: the idempotency layer only guards POSTs.
    let r = s
        .send_bytes(
            Method::DELETE,
            "/api/v1/organizations/1/contacts",
            Some(&admin),
            None,
            Some(""),
            Vec::new(),
        )
        .await;
    r.assert_problem(405, "METHOD_NOT_ALLOWED");
}
