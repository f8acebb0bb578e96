//! The profile's `customerRealIp` when the body names none: the address the request came from,
//! from `X-Forwarded-For` only when the peer is a trusted proxy.

use serde_json::{Value, json};

use crate::common::{Server, client_from, start_customer, start_with};

async fn update(s: &Server, token: &str, body: Value, forwarded: Option<&str>) {
    update_from(s, &s.client, token, body, forwarded).await;
}

/// [`update`] by `client`: one of another client address (see [`client_from`]), say.
async fn update_from(
    s: &Server,
    client: &reqwest::Client,
    token: &str,
    body: Value,
    forwarded: Option<&str>,
) {
    let mut request = client
        .post(s.url("/api/v1/customer/update-profile"))
        .bearer_auth(token)
        .json(&body);
    if let Some(xff) = forwarded {
        request = request.header("x-forwarded-for", xff);
    }
    let r = request.send().await.unwrap();
    let status = r.status();
    assert_eq!(status, 200, "{}", r.text().await.unwrap());
}

async fn stored_ip(s: &Server, token: &str) -> Value {
    let r = s.get("/api/v1/customer/profile", Some(token)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    r.body["customerRealIp"].clone()
}

/// A server behind a reverse proxy on loopback, and the demo customer's token.
async fn start_behind_proxy() -> (Server, String) {
    let s = start_with(|c| c.trusted_proxies = vec!["127.0.0.1".to_owned()]).await;
    let token = s.customer().await;
    (s, token)
}

fn profile(ip: Option<&str>) -> Value {
    let mut body = json!({"email": "jan@barasek.com", "city": "Kladno"});
    if let Some(ip) = ip {
        body["customerRealIp"] = json!(ip);
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_address_the_callers_is_stored() {
    let (s, token) = start_customer().await;
    // An address from before, so that each step below shows a change.
    update(&s, &token, profile(Some("198.51.100.1")), None).await;
    assert_eq!(stored_ip(&s, &token).await, "198.51.100.1");
    update(&s, &token, profile(None), None).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.1");
    update(&s, &token, profile(Some("198.51.100.1")), None).await;
    update(&s, &token, profile(Some("  ")), None).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_caller_is_the_socket_peer() {
    // Another loopback address as the client's: the stored one is the connection's, not a
    // constant.
    let (s, token) = start_customer().await;
    update_from(&s, &client_from("127.0.0.9"), &token, profile(None), None).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.9");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_forwarded_for_is_ignored_without_a_trusted_proxy() {
    let (s, token) = start_customer().await;
    update(&s, &token, profile(None), Some("203.0.113.7")).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_the_forwarded_client_is_stored() {
    let (s, token) = start_behind_proxy().await;
    update(&s, &token, profile(None), Some("203.0.113.7")).await;
    assert_eq!(stored_ip(&s, &token).await, "203.0.113.7");
    // What the client wrote itself, left of what the proxy appended, does not count.
    update(&s, &token, profile(None), Some("192.0.2.66, 203.0.113.8")).await;
    assert_eq!(stored_ip(&s, &token).await, "203.0.113.8");
    // A request from elsewhere (not the proxy) is its own peer, whatever it claims.
    let other = client_from("127.0.0.9");
    update_from(&s, &other, &token, profile(None), Some("203.0.113.7")).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.9");
    // The loopback forms of the contract stay one address.
    update(&s, &token, profile(None), Some("::1")).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_in_the_body_is_kept() {
    let (s, token) = start_behind_proxy().await;
    update(
        &s,
        &token,
        profile(Some("2001:DB8::1")),
        Some("203.0.113.7"),
    )
    .await;
    assert_eq!(stored_ip(&s, &token).await, "2001:db8::1");
    update(&s, &token, profile(Some("localhost")), None).await;
    assert_eq!(stored_ip(&s, &token).await, "127.0.0.1");
    // An admin's update of a customer records its own call the same way.
    let admin = s.admin().await;
    update(&s, &admin, profile(None), Some("203.0.113.20")).await;
    assert_eq!(stored_ip(&s, &token).await, "203.0.113.20");
}
