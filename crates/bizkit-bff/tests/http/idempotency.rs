use std::time::Duration;

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;

use crate::ares::fake_ares;
use crate::common::{Reply, Server, config, start, start_admin, start_config, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_key_same_body_replays_the_first_answer() {
    let (s, token) = start_admin().await;
    let body = json!({"email": "once@example.com"});
    let first = s
        .post_with_key("/bff/contact/create", &token, "key-1", body.clone())
        .await;
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.header("idempotent-replayed"), None);
    let again = s
        .post_with_key("/bff/contact/create", &token, "key-1", body.clone())
        .await;
    assert_eq!(again.status, 201, "{}", again.text);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(again.header("content-type"), Some("application/json"));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    // Security headers are on the replay too.
    assert!(again.header("content-security-policy").is_some());
    // Without the key, the same body is a second create: a conflict.
    let r = s.create_contact(&token, body).await;
    r.assert_problem(409, "EMAIL_TAKEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_key_other_body_is_422_and_keys_are_per_principal() {
    let (s, token) = start_admin().await;
    let r = s
        .create_contact_with_key(&token, "k", json!({"email": "a@example.com"}))
        .await;
    assert_eq!(r.status, 201);
    let r = s
        .create_contact_with_key(&token, "k", json!({"email": "b@example.com"}))
        .await;
    r.assert_problem(422, "IDEMPOTENCY_KEY_REUSED");
    // Same key on another endpoint is another request too.
    let r = s
        .post_with_key(
            "/api/v1/customer/add-groups",
            &token,
            "k",
            json!({"email": "a@example.com", "groups": ["x"]}),
        )
        .await;
    r.assert_problem(422, "IDEMPOTENCY_KEY_REUSED");
    // Another principal has its own keys.
    let other = s.other_admin().await;
    let r = s
        .create_contact_with_key(&other, "k", json!({"email": "b@example.com"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    // Keys belong to the user, not the session: a new sign-in replays.
    let token2 = s.admin().await;
    let r = s
        .create_contact_with_key(&token2, "k", json!({"email": "a@example.com"}))
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.header("idempotent-replayed"), Some("true"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_length_is_checked() {
    let (s, token) = start_admin().await;
    let long = "x".repeat(256);
    let r = s
        .create_contact_with_key(&token, &long, json!({"email": "a@example.com"}))
        .await;
    r.assert_problem(400, "IDEMPOTENCY_KEY_INVALID");
    let ok = "y".repeat(255);
    let r = s
        .create_contact_with_key(&token, &ok, json!({"email": "a@example.com"}))
        .await;
    assert_eq!(r.status, 201);
    let r = s
        .send_bytes(
            Method::POST,
            "/bff/contact/create",
            Some(&token),
            Some("application/json"),
            Some(""),
            br#"{"email":"c@example.com"}"#.to_vec(),
        )
        .await;
    r.assert_problem(400, "IDEMPOTENCY_KEY_INVALID");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_while_the_first_runs_is_409_then_replayed() {
    // The IČO look-up of the create is slow: the first request is still running.
    let (url, _) = fake_ares(Duration::from_millis(1500)).await;
    let s = std::sync::Arc::new(
        start_with(|c| {
            c.ares_url = Some(url);
            c.ares_timeout = Duration::from_secs(10);
        })
        .await,
    );
    let token = s.admin().await;
    let body = json!({"email": "slow@example.com", "companyRegistrationNumber": "00216224"});
    let first = {
        let (s, token, body) = (s.clone(), token.clone(), body.clone());
        tokio::spawn(async move {
            s.post_with_key("/bff/contact/create", &token, "slow-key", body)
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(400)).await;
    let r = s
        .post_with_key("/bff/contact/create", &token, "slow-key", body.clone())
        .await;
    r.assert_problem(409, "IDEMPOTENCY_KEY_IN_FLIGHT");
    let first = first.await.unwrap();
    assert_eq!(first.status, 201, "{}", first.text);
    let r = s
        .post_with_key("/bff/contact/create", &token, "slow-key", body)
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.body, first.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_answers_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let s = start_config(config(dir.path())).await;
    let token = s.admin().await;
    let body = json!({"email": "restart@example.com"});
    let first = s
        .post_with_key("/bff/contact/create", &token, "persist", body.clone())
        .await;
    assert_eq!(first.status, 201);
    s.stop().await;
    let s = start_config(config(dir.path())).await;
    // Sessions survive too.
    let again = s
        .post_with_key("/bff/contact/create", &token, "persist", body)
        .await;
    assert_eq!(again.status, 201, "{}", again.text);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
}

/// A crash between a create and the recording of its answer. Killing the process at exactly
/// that instant cannot be timed from outside, so the test makes the recording itself fail, as a
/// crash there would: a trigger in the real SQLite file aborts any statement that marks a key
/// `done`. Then the server restarts (its start-up purge frees keys left `running`) and the
/// client retries with the same key.
///
/// Before the create and its record shared a transaction, the create committed, the record
/// failed, the key stayed `running`, the purge freed it and the retry created a second contact.
/// Now both roll back together, and the retry creates the one contact. (The real kill after
/// both committed is `resilience.spec.ts` in the e2e suite: its retry is replayed.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_between_the_create_and_its_answer_leaves_one_record_after_the_retry() {
    let dir = tempfile::tempdir().unwrap();
    let s = start_config(config(dir.path())).await;
    let token = s.admin().await;
    let db = dir.path().join("bizkit.sqlite3");
    let name = format!("Crash {}", uuid_like());
    let body = json!({"type": {"id": 2}, "name": name});
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER crash_before_the_answer BEFORE UPDATE OF state ON idempotency
           WHEN NEW.state = 'done'
         BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;",
    )
    .unwrap();
    let r = create_crash(&s, &token, body.clone()).await;
    assert_eq!(r.status, 500, "{}", r.text);
    assert_eq!(named(&s, &token, &name).await, 0, "nothing half-done");
    s.stop().await;
    conn.execute_batch("DROP TRIGGER crash_before_the_answer")
        .unwrap();
    drop(conn);

    let s = start_config(config(dir.path())).await;
    let retry = create_crash(&s, &token, body.clone()).await;
    assert_eq!(retry.status, 201, "{}", retry.text);
    assert_eq!(named(&s, &token, &name).await, 1);
    // And the next retry is the stored answer of that one create.
    let again = create_crash(&s, &token, body).await;
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.body, retry.body);
    assert_eq!(named(&s, &token, &name).await, 1);

    // The answer is stored in the create's own commit: the row is `done` with the create.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (state, status): (String, u16) = conn
        .query_row(
            "SELECT state, status FROM idempotency WHERE key = 'crash-key'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((state.as_str(), status), ("done", 201));
}

/// The organisation contact of the crash test, under its one idempotency key.
async fn create_crash(s: &Server, token: &str, body: serde_json::Value) -> Reply {
    s.post_with_key("/api/v1/organizations/1/contacts", token, "crash-key", body)
        .await
}

/// How many organisation contacts are called `name`.
async fn named(s: &Server, token: &str, name: &str) -> usize {
    let list = s.get("/api/v1/organizations/1/contacts", Some(token)).await;
    assert_eq!(list.status, 200);
    list.body
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == name)
        .count()
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

/// Keys are kept per caller, and a sign-in has none yet: its retry signs in again, and a key on
/// it, even a malformed one, changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_ignores_its_idempotency_key() {
    let s = start().await;
    let sign_in = |key: String| {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("application/json"));
        headers.insert("idempotency-key", HeaderValue::from_str(&key).unwrap());
        let body = json!({
            "email": bizkit_bff::demo::ADMIN_EMAIL,
            "password": bizkit_bff::demo::ADMIN_PASSWORD,
        });
        s.raw(
            Method::POST,
            "/api/v1/authenticate",
            None,
            headers,
            serde_json::to_vec(&body).unwrap(),
        )
    };
    let first = sign_in("same".to_owned()).await;
    let again = sign_in("same".to_owned()).await;
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed"), None);
    assert_ne!(first.body["auth_token"], again.body["auth_token"]);
    let too_long = sign_in("k".repeat(256)).await;
    assert_eq!(too_long.status, 200, "{}", too_long.text);
}
