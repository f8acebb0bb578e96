//! Load and races ("nothing lost"): many identical requests under one `Idempotency-Key` make one
//! record; writes of every kind from several clients at once never surface `database is locked` or
//! a 5xx. Records are counted in the SQLite file itself, so a duplicate cannot hide behind an API
//! that happens to answer the same.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::ares::fake_ares;
use crate::common::{Reply, Server, config, start_config};

/// A count from the server's database, read through a separate read-only connection.
fn count(dir: &Path, sql: &str, param: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(
        dir.join("bizkit.sqlite3"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row(sql, [param], |r| r.get(0)).unwrap()
}

/// Sends `n` copies of one POST at once, each with the same key, and returns every answer.
async fn burst(
    s: &Arc<Server>,
    n: usize,
    path: &str,
    token: &str,
    key: &str,
    body: Value,
) -> Vec<Reply> {
    let mut tasks = Vec::new();
    for _ in 0..n {
        let (s, path, token, key, body) = (
            Arc::clone(s),
            path.to_owned(),
            token.to_owned(),
            key.to_owned(),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            s.post_with_key(&path, &token, &key, body).await
        }));
    }
    let mut replies = Vec::new();
    for t in tasks {
        replies.push(t.await.unwrap());
    }
    replies
}

/// Sorts a burst's answers: exactly one first answer (`2xx`, not replayed), the rest replays of it
/// (the same status and body) or 409 `IDEMPOTENCY_KEY_IN_FLIGHT`. Returns (first, replays, in flight).
fn tally(replies: &[Reply]) -> (Value, usize, usize) {
    let mut first = Vec::new();
    let (mut replays, mut in_flight) = (0, 0);
    for r in replies {
        assert!(!r.status.is_server_error(), "5xx: {}", r.text);
        if r.status == 409 {
            r.assert_problem(409, "IDEMPOTENCY_KEY_IN_FLIGHT");
            in_flight += 1;
        } else {
            assert!(r.status.is_success(), "{}: {}", r.status, r.text);
            if r.header("idempotent-replayed") == Some("true") {
                replays += 1;
            } else {
                first.push(r.body.clone());
            }
        }
    }
    assert_eq!(
        first.len(),
        1,
        "exactly one request did the work: {first:?}"
    );
    for r in replies.iter().filter(|r| r.status.is_success()) {
        assert_eq!(r.body, first[0], "a replay answers what the first answered");
    }
    (first.remove(0), replays, in_flight)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_requests_with_one_key_create_one_contact() {
    let dir = tempfile::tempdir().unwrap();
    let s = Arc::new(start_config(config(dir.path())).await);
    let token = s.admin().await;
    // Phone only: no unique e-mail could turn a second create into a 409, so only the key stands
    // between 50 requests and 50 contacts.
    let body = json!({"phone": "+420 777 000 050", "firstName": "Závod"});
    let replies = burst(
        &s,
        50,
        "/bff/contact/create",
        &token,
        "one-key-50",
        body.clone(),
    )
    .await;
    let (first, replays, in_flight) = tally(&replies);
    println!(
        "50 concurrent creates, one key: 1 created, {replays} replayed, {in_flight} in flight (409)"
    );
    let phone_rows = "SELECT COUNT(*) FROM customer WHERE phone = ?1";
    assert_eq!(count(dir.path(), phone_rows, "+420 777000050"), 1);

    // The retry of a client that saw none of those answers: a replay of the same contact.
    let r = s
        .post_with_key("/bff/contact/create", &token, "one-key-50", body.clone())
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.header("idempotent-replayed"), Some("true"));
    assert_eq!(r.body, first);
    // Without the key the same body is a new contact: the key is what held.
    let r = s.create_contact(&token, body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_ne!(r.body["customerId"], first["customerId"]);
    assert_eq!(count(dir.path(), phone_rows, "+420 777000050"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_key_while_the_first_is_still_running_gives_409s_and_one_contact() {
    // The create looks the IČO up in a slow ARES: the first request is still running while the
    // other 49 arrive, so they must be refused as in flight (or replayed once it finished).
    let (url, _) = fake_ares(Duration::from_millis(700)).await;
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    cfg.ares_url = Some(url);
    cfg.ares_timeout = Duration::from_secs(10);
    let s = Arc::new(start_config(cfg).await);
    let token = s.admin().await;
    let body = json!({"phone": "777 000 051", "companyRegistrationNumber": "00216224"});
    let replies = burst(&s, 50, "/bff/contact/create", &token, "slow-key-50", body).await;
    let (first, replays, in_flight) = tally(&replies);
    println!(
        "50 concurrent slow creates, one key: 1 created, {replays} replayed, {in_flight} in flight (409)"
    );
    assert!(in_flight > 0, "some requests met the first still running");
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM customer WHERE phone = ?1",
            "+420 777000051"
        ),
        1
    );
    assert!(first["customerId"].is_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_key_on_every_creating_call_creates_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = Arc::new(start_config(config(dir.path())).await);
    let admin = s.admin().await;

    let replies = burst(
        &s,
        30,
        "/bff/member/invite-email",
        &admin,
        "invite-key",
        json!({"email": "burst.member@example.com", "firstName": "Burst"}),
    )
    .await;
    tally(&replies);
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM member WHERE email_key = ?1",
            "burst.member@example.com"
        ),
        1
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM outbox WHERE recipient = ?1",
            "burst.member@example.com"
        ),
        1,
        "one invitation e-mail, not thirty"
    );

    let replies = burst(
        &s,
        30,
        "/api/v1/organizations/1/contacts",
        &admin,
        "org-contact-key",
        json!({"type": {"id": 2}, "name": "Burst Technical"}),
    )
    .await;
    let (first, _, _) = tally(&replies);
    assert!(first["id"].is_u64(), "{first}");
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM org_contact WHERE name = ?1",
            "Burst Technical"
        ),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_of_every_kind_never_lock_or_fail() {
    let dir = tempfile::tempdir().unwrap();
    let s = Arc::new(start_config(config(dir.path())).await);
    let admin = Arc::new(s.admin().await);
    let customer = Arc::new(s.customer().await);
    let other = Arc::new(s.other_admin().await);
    const EACH: usize = 20;

    let mut tasks: Vec<tokio::task::JoinHandle<(&'static str, Reply)>> = Vec::new();
    for i in 0..EACH {
        let requests = [
            (
                "contact",
                Method::POST,
                "/bff/contact/create",
                &admin,
                Some(
                    json!({"email": format!("load.{i}@example.com"), "groupList": [{"name": format!("Load {}", i % 3)}]}),
                ),
            ),
            (
                "invite",
                Method::POST,
                "/bff/member/invite-email",
                &admin,
                Some(json!({"email": format!("load.member.{i}@example.com")})),
            ),
            (
                "add-groups",
                Method::POST,
                "/api/v1/customer/add-groups",
                &admin,
                Some(
                    json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": [format!("load-{}", i % 5), "load-all"]}),
                ),
            ),
            (
                "profile",
                Method::POST,
                "/api/v1/customer/update-profile",
                &customer,
                Some(
                    json!({"email": "jan@barasek.com", "firstName": format!("Jan{i}"), "groups": ["self-service"]}),
                ),
            ),
            (
                "other-org",
                Method::POST,
                "/bff/contact/create",
                &other,
                Some(json!({"email": format!("load.{i}@example.com")})),
            ),
            // Reads in between the writes.
            (
                "read",
                Method::GET,
                "/bff/customer-group/list",
                &admin,
                None,
            ),
            (
                "read",
                Method::GET,
                "/api/v1/customer/profile",
                &customer,
                None,
            ),
        ];
        for (kind, method, path, token, body) in requests {
            let (s, token) = (Arc::clone(&s), Arc::clone(token));
            tasks.push(tokio::spawn(async move {
                (kind, s.send(method, path, Some(&token), body).await)
            }));
        }
    }
    let mut by_kind = std::collections::BTreeMap::<&str, usize>::new();
    for t in tasks {
        let (kind, r) = t.await.unwrap();
        let lower = r.text.to_lowercase();
        assert!(
            !lower.contains("locked") && !lower.contains("busy"),
            "{kind}: the database leaked through: {}",
            r.text
        );
        assert!(r.status.is_success(), "{kind}: {} {}", r.status, r.text);
        *by_kind.entry(kind).or_default() += 1;
    }
    println!("concurrent writes from 3 clients: {by_kind:?}");
    assert_eq!(by_kind["contact"], EACH);
    assert_eq!(by_kind["other-org"], EACH);

    // Everything arrived, once: 20 contacts in each organisation (same addresses, two orgs), 20
    // invitations, the groups added without duplicates.
    let contacts_of = |org: &str| {
        count(
            dir.path(),
            "SELECT COUNT(*) FROM customer WHERE org_id = ?1 AND email LIKE 'load.%'",
            org,
        )
    };
    assert_eq!(contacts_of("1"), EACH as i64);
    assert_eq!(contacts_of("2"), EACH as i64);
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM member WHERE email LIKE ?1",
            "load.member.%"
        ),
        EACH as i64
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM customer_group_member m JOIN customer c ON c.id = m.customer_id
              JOIN customer_group g ON g.id = m.group_id
             WHERE c.cu_ref_no = ?1 AND g.slug LIKE 'load-%'",
            "1cGIHvFoQDGLAbcA"
        ),
        6,
        "load-0 … load-4 and load-all, each once"
    );
    // Each group was created once, however many requests named it at the same moment: the
    // contacts' "Load 0" … "Load 2" and add-groups' load-0 … load-4 share slugs.
    assert_eq!(
        count(
            dir.path(),
            "SELECT COUNT(*) FROM customer_group WHERE slug LIKE ?1",
            "load-_"
        ),
        5
    );
}
