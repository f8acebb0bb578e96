//! Sessions end: on sign-out (`DELETE /api/v1/session`), after an idle time, and at their end.

use std::time::Duration;

use reqwest::Method;
use serde_json::json;

use crate::common::{start, start_admin, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_ends_the_session_on_the_server() {
    let (s, token) = start_admin().await;
    let other_tab = s.admin().await;
    assert_eq!(s.get("/api/v1/session", Some(&token)).await.status, 200);

    let r = s
        .send(Method::DELETE, "/api/v1/session", Some(&token), None)
        .await;
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(r.text, "");
    assert_eq!(r.header("cache-control"), Some("no-store"));

    // The old token reads nothing and creates nothing.
    for path in ["/api/v1/session", "/bff/customer-group/list"] {
        s.get(path, Some(&token))
            .await
            .assert_problem(401, "UNAUTHORIZED");
    }
    s.create_contact(&token, json!({"email": "after.sign.out@example.com"}))
        .await
        .assert_problem(401, "UNAUTHORIZED");
    s.send(Method::DELETE, "/api/v1/session", Some(&token), None)
        .await
        .assert_problem(401, "UNAUTHORIZED");
    // Nothing was created with it.
    let created = s
        .create_contact(&other_tab, json!({"email": "after.sign.out@example.com"}))
        .await;
    assert_eq!(created.status, 201, "{}", created.text);

    // Only that session ended: another sign-in of the same person goes on.
    assert_eq!(s.get("/api/v1/session", Some(&other_tab)).await.status, 200);

    // Nothing of the session is kept.
    let conn = rusqlite::Connection::open(s.data_dir.join("bizkit.sqlite3")).unwrap();
    let sessions: i64 = conn
        .query_row("SELECT COUNT(*) FROM session", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 1, "only the other tab's session is left");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_key_is_no_session_and_cannot_sign_out() {
    let s = start().await;
    let key = s.api_key();
    s.send(Method::DELETE, "/api/v1/session", Some(&key), None)
        .await
        .assert_problem(403, "FORBIDDEN");
    assert_eq!(s.get("/api/v1/session", Some(&key)).await.status, 200);
    s.send(Method::DELETE, "/api/v1/session", None, None)
        .await
        .assert_problem(401, "UNAUTHORIZED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_unused_for_the_idle_time_ends_one_in_use_does_not() {
    let s = start_with(|c| c.session_idle = Duration::from_secs(3)).await;
    let idle = s.admin().await;
    let busy = s.admin().await;
    let r = s.get("/api/v1/session", Some(&busy)).await;
    assert_eq!(r.body["idleTimeoutSecs"], 3, "{}", r.text);
    let left = r.body["expiresInSecs"].as_u64().unwrap();
    assert!((8 * 3600 - 5..=8 * 3600).contains(&left), "{left}");

    // `busy` is used every second for five seconds; `idle` is not.
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(
            s.get("/bff/customer-group/list", Some(&busy)).await.status,
            200
        );
    }
    // Twice: ended for good, another use does not revive it.
    for _ in 0..2 {
        s.get("/api/v1/session", Some(&idle))
            .await
            .assert_problem(401, "TOKEN_EXPIRED");
    }
    assert_eq!(s.get("/api/v1/session", Some(&busy)).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_absolute_end_holds_however_busy_the_session_is() {
    let s = start_with(|c| c.token_ttl = Duration::from_secs(2)).await;
    let token = s.admin().await;
    for _ in 0..4 {
        tokio::time::sleep(Duration::from_millis(800)).await;
        let _ = s.get("/api/v1/session", Some(&token)).await;
    }
    s.get("/api/v1/session", Some(&token))
        .await
        .assert_problem(401, "TOKEN_EXPIRED");
    // An API key has neither end.
    let r = s.get("/api/v1/session", Some(&s.api_key())).await;
    assert!(r.body.get("expiresInSecs").is_none(), "{}", r.text);
    assert!(r.body.get("idleTimeoutSecs").is_none(), "{}", r.text);
}
