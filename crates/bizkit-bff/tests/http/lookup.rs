//! `GET /api/v1/ares/{ico}`: the ARES look-up a customer's own token may use, limited per token and
//! answered from the per-IČO cache.

use std::time::Duration;

use bizkit_bff::lookup::{BURST, REFILL};

use crate::ares::fake_ares;
use crate::common::{start_customer, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_token_looks_up_what_an_admin_sees_under_bff() {
    let (s, customer) = start_customer().await;
    let admin = s.admin().await;
    let r = s.get("/api/v1/ares/05103118", Some(&customer)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["companyName"], "BizKitHub s.r.o.");
    let admins = s.get("/bff/ares/05103118", Some(&admin)).await;
    assert_eq!(r.body, admins.body);
    // The admin BFF stays the admins'.
    s.get("/bff/ares/05103118", Some(&customer))
        .await
        .assert_problem(403, "FORBIDDEN");
    // Also an API key may use it, and an admin session.
    let r = s.get("/api/v1/ares/5103118", Some(&s.api_key())).await;
    assert_eq!(r.body["ico"], "05103118", "{}", r.text);
    assert_eq!(
        s.get("/api/v1/ares/27082440", Some(&admin)).await.status,
        200
    );

    s.get("/api/v1/ares/11111119", Some(&customer))
        .await
        .assert_problem(404, "ARES_NOT_FOUND");
    let r = s.get("/api/v1/ares/12345678", Some(&customer)).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    assert_eq!(r.field_codes(), vec!["ico:ICO_CHECKSUM"]);
    s.get("/api/v1/ares/05103118", None)
        .await
        .assert_problem(401, "UNAUTHORIZED");
    s.get("/api/v1/ares/05103118", Some("not-a-token"))
        .await
        .assert_problem(401, "UNAUTHORIZED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_token_has_its_own_limit_then_429_with_retry_after() {
    let (s, first) = start_customer().await;
    let second = s.customer().await;
    for i in 0..BURST {
        let r = s.get("/api/v1/ares/05103118", Some(&first)).await;
        assert_eq!(r.status, 200, "look-up {i}: {}", r.text);
    }
    let r = s.get("/api/v1/ares/05103118", Some(&first)).await;
    r.assert_problem(429, "RATE_LIMITED");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=REFILL.as_secs()).contains(&wait), "Retry-After {wait}");
    // Invalid IČOs count too: repeating invalid queries is what gets a client blocked.
    s.get("/api/v1/ares/12345678", Some(&first))
        .await
        .assert_problem(429, "RATE_LIMITED");
    // Another session of the same customer is another token.
    assert_eq!(
        s.get("/api/v1/ares/05103118", Some(&second)).await.status,
        200
    );
    // The profile itself is not limited by it.
    assert_eq!(
        s.get("/api/v1/customer/profile", Some(&first)).await.status,
        200
    );
    // Waiting as told is enough.
    tokio::time::sleep(Duration::from_secs(wait)).await;
    assert_eq!(
        s.get("/api/v1/ares/05103118", Some(&first)).await.status,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_look_ups_share_the_per_ico_cache() {
    let (url, hits) = fake_ares(Duration::from_millis(10)).await;
    let s = start_with(|c| c.ares_url = Some(url)).await;
    let customer = s.customer().await;
    let admin = s.admin().await;
    for token in [&customer, &customer, &admin] {
        let r = s.get("/api/v1/ares/05103118", Some(token)).await;
        assert_eq!(r.body["streetAddress"], "R. Novotného 1505", "{}", r.text);
    }
    s.get("/bff/ares/05103118", Some(&admin)).await;
    assert_eq!(hits.lock().unwrap().get("05103118").copied(), Some(1));
    for _ in 0..2 {
        s.get("/api/v1/ares/11111119", Some(&customer))
            .await
            .assert_problem(404, "ARES_NOT_FOUND");
    }
    assert_eq!(hits.lock().unwrap().get("11111119").copied(), Some(1));
    s.get("/api/v1/ares/45274649", Some(&customer))
        .await
        .assert_problem(503, "ARES_UNAVAILABLE");
}
