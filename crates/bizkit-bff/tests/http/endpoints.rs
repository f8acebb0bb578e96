//! Every call of the contract (`bizkit_contract::endpoint::ALL`) is routed by the server and
//! documented in its `/openapi.json` under the same method and path, and the document lists no
//! call the contract does not know: the three places a call is described cannot drift apart.

use std::collections::BTreeSet;

use bizkit_contract::endpoint::{self, AnyEndpoint, Method as ContractMethod};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::{Reply, Server, start};

fn method(m: ContractMethod) -> Method {
    match m {
        ContractMethod::Get => Method::GET,
        ContractMethod::Post => Method::POST,
        ContractMethod::Delete => Method::DELETE,
    }
}

/// The path with each `{name}` filled by a value of organisation 1 (the demo admin's). A name
/// this test does not know fails it, so a new parameter gets a value here.
fn concrete(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("an unclosed `{` in the path") + open;
        out.push_str(match &rest[open + 1..close] {
            "org_id" | "id" => "1",
            "customerId" => "no-such-contact",
            "ico" => "05103118",
            other => panic!("no value for the path parameter {other} of {template}"),
        });
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// An address under the same first segment (`/api`, `/bff`) that no route matches: every route
/// has a fixed second segment (`v1`, `contact`, `ares`, ...), never a parameter.
fn unrouted(path: &str) -> String {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    format!("/{first}/not-routed")
}

async fn call(s: &Server, e: &AnyEndpoint, path: &str, token: &str) -> Reply {
    // Any body will do: a routed call answers it (422 for `{}`), an unrouted one never reads it.
    let body = (e.method == ContractMethod::Post).then(|| json!({}));
    s.send(method(e.method), path, Some(token), body).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_contract_endpoint_is_routed() {
    let s = start().await;
    let admin = s.admin().await;
    for e in endpoint::ALL {
        let path = concrete(e.path);
        let r = call(&s, &e, &path, &admin).await;
        let what = format!("{} {path}: {} {}", e.method.as_str(), r.status, r.text);
        // axum's answer for a path routed for other methods only.
        assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{what}");
        if r.status == StatusCode::NOT_FOUND {
            // A handler's 404 (no such contact, no customer profile) is a routed call; a path no
            // route matches falls through to the static files, which answer as they do for an
            // address under the same first segment that no route can match.
            let miss = call(&s, &e, &unrouted(&path), &admin).await;
            assert_eq!(miss.status, StatusCode::NOT_FOUND, "{}", miss.text);
            assert_ne!(r.body, miss.body, "not routed: {what}");
        }
    }
}

/// The test's own check: an address nothing routes is told apart from a handler's 404.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unrouted_address_is_not_taken_for_a_handlers_404() {
    let s = start().await;
    let admin = s.admin().await;
    let contact = endpoint::CONTACT_GET.erased();
    let handler_404 = call(&s, &contact, &concrete(contact.path), &admin).await;
    let miss = call(&s, &contact, &unrouted(contact.path), &admin).await;
    assert_eq!(
        handler_404.status,
        StatusCode::NOT_FOUND,
        "{}",
        handler_404.text
    );
    assert_eq!(miss.status, StatusCode::NOT_FOUND, "{}", miss.text);
    assert_ne!(handler_404.body, miss.body);
    // The probe answers as any other address nothing routes.
    let elsewhere = call(&s, &contact, "/bff/contact/a/b/c", &admin).await;
    assert_eq!(miss.body, elsewhere.body, "{}", elsewhere.text);
}

/// (method, path) of every operation the served document lists.
async fn documented(s: &Server) -> BTreeSet<(String, String)> {
    let doc: Value = s.get(endpoint::OPENAPI.path, None).await.body;
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            if op.is_object() && method.chars().all(|c| c.is_ascii_lowercase()) {
                ops.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_contract_endpoint_is_documented_and_nothing_else() {
    let s = start().await;
    let documented = documented(&s).await;
    let contract: BTreeSet<(String, String)> = endpoint::ALL
        .iter()
        // The document does not list itself: it is the answer of this call.
        .filter(|e| **e != endpoint::OPENAPI)
        .map(|e| (e.method.as_str().to_owned(), e.path.to_owned()))
        .collect();
    let undocumented: Vec<_> = contract.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "not in /openapi.json: {undocumented:?}"
    );
    let unknown: Vec<_> = documented.difference(&contract).collect();
    assert!(unknown.is_empty(), "not in the contract: {unknown:?}");
}
