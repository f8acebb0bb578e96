//! Every call of the contract (`bizkit_contract::endpoint::ALL`) is in the server's table of calls
//! (`bizkit_bff::CALLS`), routed, and documented in its `/openapi.json` under the same method and
//! path and its handler's name, and the document lists no call the contract does not know: the
//! places a call is described cannot drift apart.

use std::collections::BTreeSet;

use bizkit_contract::endpoint::{self, AnyEndpoint, Method as ContractMethod};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::{Reply, Server, assert_nothing_besides, start, start_admin};

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
    let (s, admin) = start_admin().await;
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
    let (s, admin) = start_admin().await;
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

/// (method, path, operationId) of every operation the served document lists.
async fn documented(s: &Server) -> BTreeSet<(String, String, String)> {
    let doc: Value = s.get(endpoint::OPENAPI.path, None).await.body;
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            if op.is_object() && method.chars().all(|c| c.is_ascii_lowercase()) {
                let id = op["operationId"].as_str().expect("an operationId");
                ops.insert((method.to_uppercase(), path.clone(), id.to_owned()));
            }
        }
    }
    ops
}

/// The calls of the contract, as (method, path), without the document itself: it is the answer
/// of that call, not one of its operations.
fn contract_calls() -> BTreeSet<(String, String)> {
    endpoint::ALL
        .iter()
        .filter(|e| **e != endpoint::OPENAPI)
        .map(|e| (e.method.as_str().to_owned(), e.path.to_owned()))
        .collect()
}

/// The server's table of calls holds every call of the contract, each once.
#[test]
fn the_table_of_calls_is_the_contracts() {
    let table: Vec<(String, String)> = bizkit_bff::CALLS
        .iter()
        .map(|(e, _)| (e.method.as_str().to_owned(), e.path.to_owned()))
        .collect();
    let unique: BTreeSet<_> = table.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        table.len(),
        "a call twice in the table: {table:?}"
    );
    assert_eq!(unique, contract_calls());
}

/// Each call of the table is documented at the contract's method and path (the annotations
/// restate the method), under its handler's name, and the document lists nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_call_is_documented_as_its_handler_and_nothing_else() {
    let s = start().await;
    let documented = documented(&s).await;
    let expected: BTreeSet<(String, String, String)> = bizkit_bff::CALLS
        .iter()
        .map(|(e, handler)| {
            let name = handler.rsplit("::").next().unwrap_or(handler).trim();
            (
                e.method.as_str().to_owned(),
                e.path.to_owned(),
                name.to_owned(),
            )
        })
        .collect();
    assert_nothing_besides(
        &expected,
        &documented,
        "not in /openapi.json as (method, path, operationId)",
    );
    assert_nothing_besides(&documented, &expected, "not in the table of calls");
    // OpenAPI demands operationIds unique in the document.
    let ids: BTreeSet<_> = documented.iter().map(|(_, _, id)| id).collect();
    assert_eq!(ids.len(), documented.len(), "{documented:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_contract_endpoint_is_documented_and_nothing_else() {
    let s = start().await;
    let documented: BTreeSet<(String, String)> = documented(&s)
        .await
        .into_iter()
        .map(|(method, path, _)| (method, path))
        .collect();
    let contract = contract_calls();
    assert_nothing_besides(&contract, &documented, "not in /openapi.json");
    assert_nothing_besides(&documented, &contract, "not in the contract");
}
