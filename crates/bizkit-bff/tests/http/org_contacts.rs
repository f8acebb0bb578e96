use serde_json::json;

use crate::common::start_admin;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_list_and_get() {
    let (s, token) = start_admin().await;
    let r = s
        .create_org_contact(
            &token,
            "1/contacts",
            json!({
                "type": {"id": 6},
                "name": " Jana  Nováková ",
                "title": "Ing.",
                "department": "Účtárna",
                "street": "Jankovcova 1522/53",
                "zipcode": "17000",
                "city": "Praha",
                "country": {"id": 203},
                "email": "ucetni@Example.com",
                "phone": "+420 777 123 456",
                "mobile": "602123456",
                "state": "Praha",
                "secondary_address": "3. patro",
                "purchase_order_number": " PO-2026-001 "
            }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.body["id"].as_u64().unwrap();
    assert_eq!(
        r.header("location").unwrap(),
        format!("/api/v1/organizations/1/contacts/{id}")
    );
    assert_eq!(r.body["contact_id"], id.to_string());
    assert_eq!(r.body["organisation"]["id"], 1);
    assert_eq!(r.body["organisation"]["name"], "Demo s.r.o.");
    assert_eq!(r.body["type"]["id"], 6);
    assert!(!r.body["type"]["name"].as_str().unwrap().is_empty());
    assert_eq!(r.body["country"]["id"], 203);
    assert_eq!(r.body["name"], "Jana Nováková");
    assert_eq!(r.body["zipcode"], "170 00");
    assert_eq!(r.body["email"], "ucetni@example.com");
    assert_eq!(r.body["mobile"], "+420 602123456");
    assert_eq!(r.body["purchase_order_number"], "PO-2026-001");

    let one = s.org_get(&token, &format!("1/contacts/{id}")).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.body, r.body);
    let list = s.org_get(&token, "1/contacts").await;
    assert_eq!(list.body, json!([r.body]));
    let r = s.org_get(&token, "1/contacts/999999").await;
    r.assert_problem(404, "NOT_FOUND");
    let r = s.org_get(&token, "abc/contacts").await;
    r.assert_problem(404, "NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn id_and_organisation_id_are_forbidden_in_query_and_body() {
    let (s, token) = start_admin().await;
    for (path, body, code) in [
        (
            "1/contacts",
            json!({"type": {"id": 1}, "id": 5}),
            "id:FORBIDDEN_PARAMETER",
        ),
        (
            "1/contacts?organisation_id=2",
            json!({"type": {"id": 1}}),
            "organisation_id:FORBIDDEN_PARAMETER",
        ),
    ] {
        let r = s.create_org_contact(&token, path, body).await;
        r.assert_problem(400, "FORBIDDEN_PARAMETER");
        assert_eq!(r.field_codes(), vec![code]);
    }
    // Together with other errors: still 400, every problem listed.
    let r = s
        .create_org_contact(
            &token,
            "1/contacts?id=1",
            json!({"organisation_id": null, "email": "bad"}),
        )
        .await;
    r.assert_problem(400, "FORBIDDEN_PARAMETER");
    r.assert_field_codes_include(&[
        "id:FORBIDDEN_PARAMETER",
        "organisation_id:FORBIDDEN_PARAMETER",
        "email:EMAIL_INVALID",
    ]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn org_contact_validation() {
    let (s, token) = start_admin().await;
    let r = s
        .create_org_contact(&token, "1/contacts", json!({"name": "A"}))
        .await;
    r.assert_problem(422, "VALIDATION_FAILED");
    assert!(
        r.field_codes().iter().any(|c| c.starts_with("type")),
        "{}",
        r.text
    );
    let r = s
        .create_org_contact(
            &token,
            "1/contacts",
            json!({"type": {"id": 1}, "purchase_order_number": "PO-1", "country": {"id": 999}}),
        )
        .await;
    let codes = r.field_codes();
    r.assert_field_codes_include(&["purchase_order_number:PURCHASE_ORDER_NUMBER_NOT_INVOICE"]);
    assert!(codes.iter().any(|c| c.starts_with("country")), "{codes:?}");
    let r = s
        .create_org_contact(&token, "1/contacts", json!({"type": {"id": 9}}))
        .await;
    r.assert_some_field_code_ends_with("CONTACT_TYPE_UNKNOWN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_crosses_organisations() {
    let (s, token) = start_admin().await;
    let other = s.other_admin().await;
    let r = s
        .create_org_contact(&token, "1/contacts", json!({"type": {"id": 2}}))
        .await;
    assert_eq!(r.status, 201);
    let id = r.body["id"].as_u64().unwrap();
    let r = s
        .create_org_contact(&token, "2/contacts", json!({"type": {"id": 2}}))
        .await;
    r.assert_problem(403, "FORBIDDEN");
    let r = s.org_get(&other, "1/contacts").await;
    r.assert_problem(403, "FORBIDDEN");
    let r = s.org_get(&other, &format!("1/contacts/{id}")).await;
    r.assert_problem(403, "FORBIDDEN");
    let r = s.org_get(&other, &format!("2/contacts/{id}")).await;
    r.assert_problem(404, "NOT_FOUND");
    let r = s.org_get(&other, "2/contacts").await;
    assert_eq!(r.body, json!([]));
}
