//! `Cache-Control: no-store` on every API answer, whoever asks and however it ends: profiles,
//! contacts and sessions must not stay in a browser's or a proxy's cache. Every operation of
//! `/openapi.json`, so one added later is covered too. (`config.json`: `web.rs`.)

use reqwest::Method;
use serde_json::json;

use crate::access::{call, concrete, operations};
use crate::common::{Reply, headers, start_admin};

fn assert_no_store(r: &Reply, what: &str) {
    assert_eq!(
        r.header("cache-control"),
        Some("no-store"),
        "{what}: {} {}",
        r.status,
        r.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_answer_is_no_store() {
    let (s, admin) = start_admin().await;
    let customer = s.customer().await;
    let created = s
        .create_contact(
            &admin,
            json!({"email": "cached@example.com", "firstName": "Nocache"}),
        )
        .await;
    assert_no_store(&created, "a create");
    let id = created.body["customerId"].as_str().unwrap().to_owned();

    for (method, template, secured, _) in operations(&s).await {
        let path = concrete(&template, &id);
        // Successes, refusals and failures alike: as an admin, a customer, and with no token.
        for (who, token) in [
            ("admin", Some(admin.as_str())),
            ("customer", Some(customer.as_str())),
            ("nobody", None),
        ] {
            if method == Method::DELETE && token.is_some() {
                // Signing out would end the token the other calls use: a session of its own.
                let own = s.admin().await;
                let r = call(&s, &method, &path, &template, Some(&own)).await;
                assert_eq!(r.status, 204);
                assert_no_store(&r, &format!("{method} {path} as {who}"));
                continue;
            }
            let r = call(&s, &method, &path, &template, token).await;
            assert_no_store(&r, &format!("{method} {path} as {who}"));
            if secured && token.is_none() {
                assert_eq!(r.status, 401);
            }
        }
    }

    // The personal answers by name, and the answers the layers make.
    for path in ["/api/v1/customer/profile", "/api/v1/session"] {
        let r = s.get(path, Some(&customer)).await;
        assert_eq!(r.status, 200);
        assert!(r.text.contains("jan@barasek.com"));
        assert_no_store(&r, path);
    }
    let r = s.contact(&admin, &id).await;
    assert!(r.text.contains("Nocache"));
    assert_no_store(&r, "a stored contact");
    for (method, path) in [
        (Method::GET, "/api/v1/no-such-thing"),
        (Method::PUT, "/api/v1/session"),
        (Method::GET, "/bff/contact/whatever?token=x"),
        (Method::GET, "/openapi.json"),
    ] {
        let r = s.send(method.clone(), path, Some(&admin), None).await;
        assert_no_store(&r, &format!("{method} {path}"));
    }
    let h = headers(&[
        ("origin", "https://shop.example"),
        ("access-control-request-method", "POST"),
    ]);
    let r = s
        .raw(Method::OPTIONS, "/bff/contact/create", None, h, Vec::new())
        .await;
    assert_no_store(&r, "a CORS preflight");
    // A replayed answer, and one refused for its size.
    let body = json!({"email": "replay.cache@example.com"});
    let first = s
        .post_with_key("/bff/contact/create", &admin, "cache-k", body.clone())
        .await;
    let again = s
        .post_with_key("/bff/contact/create", &admin, "cache-k", body)
        .await;
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_no_store(&first, "first");
    assert_no_store(&again, "replay");
    let r = s
        .send_bytes(
            Method::POST,
            "/bff/contact/create",
            Some(&admin),
            Some("application/json"),
            None,
            vec![b' '; 70 * 1024],
        )
        .await;
    assert_eq!(r.status, 413);
    assert_no_store(&r, "413");
    // The app's own files are cached as before.
    let r = s.get("/contacts/new", None).await;
    assert_ne!(r.header("cache-control"), Some("no-store"));
}
