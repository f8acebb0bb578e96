//! Sign-in limits under concurrency, over real HTTP from real client addresses (several loopback
//! addresses: the server counts per socket address).

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::common::{Server, client_from, start, start_with};

/// One sign-in from `client`: (status, Retry-After).
async fn sign_in(
    s: &Server,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (StatusCode, Option<u64>, Value) {
    let r = client
        .post(s.url("/api/v1/authenticate"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    let status = r.status();
    let retry = r
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.parse::<u64>().unwrap());
    (status, retry, r.json().await.unwrap_or(Value::Null))
}

/// The administrator's sign-in, with the right password, from this client address.
async fn admin_from(s: &Server, from: &str) -> (StatusCode, Option<u64>, Value) {
    sign_in(s, &client_from(from), "admin@demo.test", "demo-admin").await
}

/// Sends `n` sign-ins at once (each on its own connection) and waits for all of them.
async fn parallel(
    s: &std::sync::Arc<Server>,
    from: &str,
    n: usize,
    email: impl Fn(usize) -> String,
    password: &str,
) -> Vec<(StatusCode, Option<u64>, Value)> {
    let mut set = JoinSet::new();
    for i in 0..n {
        let (s, email, password) = (s.clone(), email(i), password.to_owned());
        // A client per request: one connection each, as 40 browsers would have.
        let client = client_from(from);
        set.spawn(async move { sign_in(&s, &client, &email, &password).await });
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.unwrap());
    }
    out
}

fn count(replies: &[(StatusCode, Option<u64>, Value)], status: u16) -> usize {
    replies.iter().filter(|r| r.0.as_u16() == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_parallel_wrong_passwords_reach_the_hash_five_times_and_the_owner_elsewhere_signs_in()
{
    let s = std::sync::Arc::new(start().await);
    let limit = s.limiter.limits().per_email_and_address.max as usize;
    let before = s.limiter.hashes_started();
    let replies = parallel(&s, "127.0.0.1", 40, |_| "admin@demo.test".into(), "guess").await;
    let reached = s.limiter.hashes_started() - before;
    println!(
        "40 parallel wrong passwords for one e-mail: {} x 401, {} x 429; {reached} reached the hash",
        count(&replies, 401),
        count(&replies, 429)
    );
    // Before this change all 40 were checked: the slot was looked at before the hash and taken
    // after it.
    assert_eq!(reached as usize, limit, "password checks let through");
    assert_eq!(count(&replies, 401), limit);
    assert_eq!(count(&replies, 429), 40 - limit);
    for (status, retry, body) in &replies {
        if status.as_u16() == 429 {
            assert_eq!(body["code"], "RATE_LIMITED", "{body}");
            let retry = retry.expect("every 429 has Retry-After");
            assert!((1..=300).contains(&retry), "{retry}");
        }
    }

    // The guesser's address stays locked for this e-mail, even with the right password ...
    let here = client_from("127.0.0.1");
    let (status, retry, _) = sign_in(&s, &here, "admin@demo.test", "demo-admin").await;
    assert_eq!(status, 429);
    assert!(
        retry.unwrap() > 200,
        "locked until the window ends: {retry:?}"
    );
    // ... but the owner elsewhere signs in at once, and the guesser may still use other accounts.
    let elsewhere = client_from("127.0.0.2");
    let (status, _, body) = sign_in(&s, &elsewhere, "admin@demo.test", "demo-admin").await;
    assert_eq!(status, 200, "{body}");
    let (status, _, _) = sign_in(&s, &here, "jan@barasek.com", "demo-customer").await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_address_trying_many_accounts_is_stopped_other_addresses_are_not() {
    let s = std::sync::Arc::new(start().await);
    let per_address = s.limiter.limits().per_address.max as usize;
    let before = s.limiter.hashes_started();
    let replies = parallel(
        &s,
        "127.0.0.3",
        per_address + 15,
        |i| format!("nobody{i}@example.com"),
        "guess",
    )
    .await;
    assert_eq!(count(&replies, 401), per_address);
    assert_eq!(count(&replies, 429), 15);
    assert_eq!((s.limiter.hashes_started() - before) as usize, per_address);
    // Locked for every e-mail, also a right password: the address was used for spraying.
    let (status, retry, _) = admin_from(&s, "127.0.0.3").await;
    assert_eq!(status, 429);
    assert!(retry.is_some());
    let (status, _, _) = admin_from(&s, "127.0.0.4").await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guesses_from_many_addresses_lock_the_email_for_a_short_while_only() {
    let s = std::sync::Arc::new(start().await);
    let per_email = s.limiter.limits().per_email;
    // One wrong guess from each of many addresses: no per-address limit is near.
    for i in 0..per_email.max {
        let from = format!("127.0.{}.{}", 10 + i / 200, 1 + i % 200);
        let (status, _, _) = sign_in(&s, &client_from(&from), "jan@barasek.com", "guess").await;
        assert_eq!(status, 401, "guess {i} from {from}");
    }
    let (status, retry, _) = sign_in(
        &s,
        &client_from("127.0.5.5"),
        "jan@barasek.com",
        "demo-customer",
    )
    .await;
    assert_eq!(status, 429);
    assert!(
        retry.unwrap() <= per_email.window.as_secs(),
        "at most the window: {retry:?}"
    );
    // Only that e-mail.
    let (status, _, _) = admin_from(&s, "127.0.5.5").await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_bounded_number_of_hashes_run_at_once_and_a_wait_too_long_is_429_without_a_failure() {
    let s = std::sync::Arc::new(
        start_with(|c| {
            c.sign_in_limits.max_concurrent_hashes = 2;
            c.sign_in_limits.hash_wait = Duration::from_millis(300);
        })
        .await,
    );
    // Every turn taken (here, by the test itself): a sign-in waits, then is refused.
    let held = [
        s.limiter.hash_permit().await.unwrap(),
        s.limiter.hash_permit().await.unwrap(),
    ];
    let started = std::time::Instant::now();
    let (status, retry, body) = admin_from(&s, "127.0.0.1").await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(retry, Some(1));
    assert!(started.elapsed() >= Duration::from_millis(300), "it waited");
    drop(held);
    // The refused attempt counted as no failure: five wrong ones still get their 401 ...
    let here = client_from("127.0.0.1");
    for _ in 0..5 {
        let (status, _, _) = sign_in(&s, &here, "admin@demo.test", "wrong").await;
        assert_eq!(status, 401);
    }
    assert_eq!(
        sign_in(&s, &here, "admin@demo.test", "demo-admin").await.0,
        429
    );

    // Many at once on distinct accounts and addresses: never more than two hashes at a time.
    let replies = parallel(
        &s,
        "127.0.0.9",
        12,
        |i| format!("someone{i}@example.com"),
        "x",
    )
    .await;
    assert_eq!(count(&replies, 401) + count(&replies, 429), 12);
    assert!(count(&replies, 401) >= 1);
    assert!(s.limiter.peak_concurrent_hashes() <= 2);
}
