//! Caps before work, and answers that stay small: the worst bodies under the 64 KiB limit that
//! we could build, against every endpoint that takes a body. Each answer is at most 64 KiB (in
//! fact far less: the largest is printed), lists at most 50 field errors and says how many more.

use bizkit_contract::{MAX_CODES, MAX_GROUPS, Problem};
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Reply, Server, headers, start_admin};

const BODY_LIMIT: usize = 64 * 1024;

/// A JSON array of `item` repeated as often as fits, with `prefix`/`suffix` around it, under
/// the body limit.
fn fill(prefix: &str, item: &str, suffix: &str) -> (String, usize) {
    let room = BODY_LIMIT - prefix.len() - suffix.len() - 2;
    let n = room / (item.len() + 1);
    let items = vec![item; n].join(",");
    (format!("{prefix}[{items}]{suffix}"), n)
}

async fn post_raw(s: &Server, path: &str, token: &str, body: String) -> Reply {
    assert!(body.len() <= BODY_LIMIT, "{path}: {} bytes", body.len());
    let h = headers(&[("content-type", "application/json")]);
    s.raw(Method::POST, path, Some(token), h, body.into_bytes())
        .await
}

fn codes(r: &Reply) -> Vec<String> {
    r.field_codes()
}

/// Invites `email` with `n` unknown codes (`p0`, `p1`, …) in the list `field`, which must be
/// refused as invalid.
async fn invite_with_codes(s: &Server, token: &str, email: &str, field: &str, n: usize) -> Reply {
    let codes: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let r = s.invite(token, json!({"email": email, field: codes})).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_the_cap_a_list_is_one_error_not_one_per_item() {
    let (s, token) = start_admin().await;
    // 6,000 unknown permission codes: before, 6,000 errors and a 677 KB answer.
    let r = invite_with_codes(
        &s,
        &token,
        "many.codes@example.com",
        "permissionCodes",
        6000,
    )
    .await;
    assert_eq!(codes(&r), vec!["permissionCodes:TOO_MANY_ITEMS"]);
    println!("6,000 permission codes: a {}-byte answer", r.text.len());
    assert!(r.text.len() < 1024, "{} bytes", r.text.len());

    // At the cap, each item is still checked.
    let r = invite_with_codes(&s, &token, "cap.codes@example.com", "roleCodes", MAX_CODES).await;
    assert_eq!(
        r.body["errors"].as_array().unwrap().len(),
        Problem::MAX_LISTED_ERRORS
    );
    assert_eq!(
        r.body["moreErrors"].as_u64(),
        Some((MAX_CODES - Problem::MAX_LISTED_ERRORS) as u64),
        "{}",
        r.text
    );
    assert_eq!(r.body["errors"][0]["code"], "ROLE_UNKNOWN");

    for (path, body) in [
        (
            "/bff/contact/create",
            json!({"email": "g@example.com", "groupList": vec![json!({"name": "x"}); MAX_GROUPS + 1]}),
        ),
        (
            "/api/v1/customer/add-groups",
            json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": vec!["x"; MAX_GROUPS + 1]}),
        ),
        (
            "/api/v1/customer/update-profile",
            json!({"email": "jan@barasek.com", "groups": vec!["x"; MAX_GROUPS + 1]}),
        ),
    ] {
        let r = s.post(path, Some(&token), body).await;
        r.assert_problem(422, "VALIDATION_FAILED");
        let field = if path == "/bff/contact/create" {
            "groupList"
        } else {
            "groups"
        };
        assert_eq!(codes(&r), vec![format!("{field}:TOO_MANY_ITEMS")], "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_answer_to_a_64_kib_body_exceeds_64_kib() {
    let (s, token) = start_admin().await;
    let long = "ž".repeat(8_000);
    let control = format!("{}\u{7}", "a".repeat(20_000));
    let bodies: Vec<(&str, String)> = vec![
        // Lists far over their caps.
        fill(r#"{"email":"a@example.com","permissionCodes":"#, r#""x""#, "}").0,
        fill(r#"{"email":"a@example.com","roleCodes":"#, r#""""#, "}").0,
        fill(r#"{"email":"a@example.com","groupList":"#, r##"{"color":"#zz"}"##, "}").0,
        fill(r#"{"cuRefNo":"1cGIHvFoQDGLAbcA","groups":"#, r#""!""#, "}").0,
        fill(r#"{"email":"jan@barasek.com","groups":"#, r#""-""#, "}").0,
        // Lists at their caps, every item wrong in every way.
        json!({"email": "x", "phone": "1", "companyRegistrationNumber": "1",
               "groupList": vec![json!({"slug": "!!!", "name": "\u{1}", "color": "no"}); MAX_GROUPS]})
        .to_string(),
        json!({"email": "x", "permissionCodes": vec!["a".repeat(65); MAX_CODES],
               "roleCodes": vec!["\u{2}"; MAX_CODES]})
        .to_string(),
        json!({"email": "jan@barasek.com", "phone": "x", "postalCode": "x", "country": "xx",
               "taxIdentificationNumber": "CZ1", "customerRealIp": "x", "referralId": "x",
               "primaryLocale": "x-x-x", "groups": vec!["!"; MAX_GROUPS]})
        .to_string(),
        // Long text where short text is expected, and control characters.
        json!({"email": long, "firstName": control, "lastName": long}).to_string(),
        json!({"type": {"id": 6}, "name": control, "purchase_order_number": long}).to_string(),
        // Wrong types, whose messages could quote what was sent.
        format!(r#"{{"email":"a@example.com","sendRegistrationInvite":"{}"}}"#, "y".repeat(60_000)),
        format!(r#"{{"type":{{"id":"{}"}}}}"#, "9".repeat(60_000)),
        format!(r#"{{"groupList":[{{"{}":1}}],"email":5}}"#, "k".repeat(60_000)),
        // Broken JSON.
        format!("{{\"email\": \"{}", "q".repeat(60_000)),
        "[".repeat(60_000),
        format!("{{{}", "\"a\":1,".repeat(10_000)),
    ]
    .into_iter()
    .flat_map(|body| {
        [
            "/bff/contact/create",
            "/bff/member/invite-email",
            "/api/v1/customer/add-groups",
            "/api/v1/customer/update-profile",
            "/api/v1/organizations/1/contacts",
            "/api/v1/authenticate",
        ]
        .map(|path| (path, body.clone()))
    })
    .collect();

    let mut largest = (0, String::new());
    for (path, body) in bodies {
        let sent = body.len();
        let r = post_raw(&s, path, &token, body).await;
        assert!(
            !r.status.is_server_error(),
            "{path}: {} {}",
            r.status,
            r.text
        );
        let size = r.text.len();
        assert!(
            size <= BODY_LIMIT,
            "{path}: a {sent}-byte body got a {size}-byte answer"
        );
        let listed = r.body["errors"].as_array().map_or(0, Vec::len);
        assert!(listed <= Problem::MAX_LISTED_ERRORS, "{path}: {listed}");
        if listed == Problem::MAX_LISTED_ERRORS {
            assert!(
                r.body["moreErrors"].as_u64().is_some_and(|n| n > 0),
                "{path}"
            );
        }
        if size > largest.0 {
            largest = (size, format!("{path} ({sent}-byte body, {})", r.status));
        }
    }
    println!("largest error answer: {} bytes, {}", largest.0, largest.1);
    assert!(largest.0 < 16 * 1024, "{largest:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_over_long_body_is_413_and_small() {
    let (s, token) = start_admin().await;
    let (body, _) = fill(r#"{"email":"a@example.com","groups":"#, r#""x""#, "}");
    let big = format!("{body}{}", " ".repeat(10));
    let r = s
        .send_bytes(
            Method::POST,
            "/api/v1/customer/update-profile",
            Some(&token),
            Some("application/json"),
            None,
            big.into_bytes(),
        )
        .await;
    r.assert_problem(413, "PAYLOAD_TOO_LARGE");
    assert!(r.text.len() < 1024);
    let _: Value = r.body;
}
