use serde_json::{Value, json};

use crate::common::{start_admin, start_customer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_groups_by_cu_ref_no_is_idempotent() {
    let (s, token) = start_admin().await;
    let r = s.add_groups(&token, json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["VIP", "Project Review Q1 & Q2", "personal-training", "vip"]})).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["success"], true);
    assert_eq!(
        r.body["added"],
        json!(["project-review-q1-and-q2", "personal-training"])
    );
    assert_eq!(r.body["alreadyAssigned"], json!(["vip"]));
    // Again: nothing new.
    let r = s
        .add_groups_to(&token, ("email", "Jan@Barasek.com"), &["personal-training"])
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["added"], json!([]));
    assert_eq!(r.body["alreadyAssigned"], json!(["personal-training"]));
    assert!(s.has_group(&token, "project-review-q1-and-q2").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_groups_not_found_names_the_identifier_used() {
    let (s, token) = start_admin().await;
    // cuRefNo wins when both are given, even with a known e-mail.
    let r = s
        .add_groups(
            &token,
            json!({"email": "jan@barasek.com", "cuRefNo": "AAAAAAAAAAAAAAAA", "groups": ["x"]}),
        )
        .await;
    r.assert_problem(404, "CUSTOMER_NOT_FOUND");
    assert_eq!(r.field_codes(), vec!["cuRefNo:CUSTOMER_NOT_FOUND"]);
    let r = s
        .add_groups_to(&token, ("email", "nobody@example.com"), &["x"])
        .await;
    assert_eq!(r.field_codes(), vec!["email:CUSTOMER_NOT_FOUND"]);
    // Nothing crosses organisations.
    let other = s.other_admin().await;
    let r = s
        .add_groups_to(&other, ("cuRefNo", "1cGIHvFoQDGLAbcA"), &["x"])
        .await;
    r.assert_problem(404, "CUSTOMER_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_groups_validation() {
    let (s, token) = start_admin().await;
    let r = s.add_groups(&token, json!({})).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    r.assert_field_codes_include(&[
        "email:EMAIL_OR_CU_REF_NO_REQUIRED",
        "groups:GROUPS_REQUIRED",
    ]);
    let r = s
        .add_groups(&token, json!({"cuRefNo": "short", "groups": ["ok", "!!!"]}))
        .await;
    r.assert_field_codes_include(&["cuRefNo:CU_REF_NO_LENGTH", "groups[1]:GROUP_SLUG_EMPTY"]);
}

fn full_profile(email: &str) -> Value {
    json!({
        "email": email,
        "name": "Jan Barášek",
        "firstName": "Jan",
        "lastName": "Barášek",
        "phone": "777 123 456",
        "companyName": "BizKitHub",
        "companyRegistrationNumber": "05103118",
        "taxIdentificationNumber": "cz9609040727",
        "streetAddress": "R. Novotného 1505",
        "city": "Kladno",
        "cityPart": "Kročehlavy",
        "stateRegion": "Středočeský kraj",
        "postalCode": "27201",
        "country": "cz",
        "newsletter": true,
        "primaryLocale": "EN",
        "groups": ["Newsletter"],
        "customerRealIp": "::1",
        "referralId": "1cGIHvFoQDGLAbcA"
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_updates_and_reads_its_own_profile() {
    let (s, token) = start_customer().await;
    let before = s.get("/api/v1/customer/profile", Some(&token)).await;
    assert_eq!(before.status, 200, "{}", before.text);
    assert_eq!(before.body["email"], "jan@barasek.com");
    assert_eq!(before.body["groups"], json!(["vip"]));

    let r = s
        .update_profile(&token, full_profile("Jan@Barasek.com"))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body, json!({"success": true}));
    let p = s.get("/api/v1/customer/profile", Some(&token)).await.body;
    assert_eq!(p["phone"], "+420 777123456");
    assert_eq!(p["taxIdentificationNumber"], "CZ9609040727");
    assert_eq!(p["postalCode"], "272 01");
    assert_eq!(p["country"], "CZ");
    assert_eq!(p["newsletter"], true);
    assert_eq!(p["primaryLocale"], "en");
    assert_eq!(p["customerRealIp"], "127.0.0.1");
    assert_eq!(p["referralId"], "1cGIHvFoQDGLAbcA");
    assert_eq!(p["companyName"], "BizKitHub");
    // Groups are added, never removed from the portal.
    assert_eq!(p["groups"], json!(["newsletter", "vip"]));

    // A field left out is cleared: the profile is what the form sent.
    let r = s
        .update_profile(&token, json!({"email": "jan@barasek.com", "city": "Praha"}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let p = s.get("/api/v1/customer/profile", Some(&token)).await.body;
    assert_eq!(p["city"], "Praha");
    assert_eq!(p["phone"], Value::Null);
    assert_eq!(p["newsletter"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_cannot_touch_another_profile() {
    let (s, token) = start_customer().await;
    let r = s
        .update_profile(&token, full_profile("someone.else@example.com"))
        .await;
    r.assert_problem(403, "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn update_profile_reports_every_violation() {
    let (s, token) = start_customer().await;
    let mut body = full_profile("jan@barasek.com");
    body["postalCode"] = json!("2720");
    body["primaryLocale"] = json!("fr");
    body["customerRealIp"] = json!("abc");
    body["referralId"] = json!("short");
    body["companyRegistrationNumber"] = json!("123");
    let r = s.update_profile(&token, body).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    r.assert_field_codes_include(&[
        "postalCode:POSTAL_CODE_INVALID",
        "primaryLocale:LOCALE_UNSUPPORTED",
        "customerRealIp:IP_INVALID",
        "referralId:CU_REF_NO_LENGTH",
        "companyRegistrationNumber:ICO_CHECKSUM",
    ]);
    let r = s.update_profile(&token, json!({})).await;
    assert!(r.field_codes().contains(&"email:REQUIRED".to_owned()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_updates_a_customer_of_its_organisation() {
    let (s, token) = start_admin().await;
    let r = s
        .update_profile(&token, full_profile("jan@barasek.com"))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let r = s
        .update_profile(&token, full_profile("nobody@example.com"))
        .await;
    r.assert_problem(404, "CUSTOMER_NOT_FOUND");
    assert_eq!(r.field_codes(), vec!["email:CUSTOMER_NOT_FOUND"]);
    // The other organisation does not see Jan.
    let other = s.other_admin().await;
    let r = s
        .update_profile(&other, full_profile("jan@barasek.com"))
        .await;
    r.assert_problem(404, "CUSTOMER_NOT_FOUND");
    // An admin has no profile of its own.
    let r = s.get("/api/v1/customer/profile", Some(&token)).await;
    r.assert_problem(404, "NOT_FOUND");
}
