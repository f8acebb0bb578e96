use std::sync::Arc;

use serde_json::json;

use crate::common::{start, start_admin};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_with_email_only_then_read_it_back() {
    let (s, token) = start_admin().await;
    let r = s
        .create_contact(&token, json!({"email": "  Petr.Novak+shop@Example.COM "}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["success"], true);
    let id = r.body["customerId"].as_str().unwrap().to_owned();
    assert_eq!(r.header("location").unwrap(), format!("/bff/contact/{id}"));
    let r = s.contact(&token, &id).await;
    assert_eq!(r.status, 200, "{}", r.text);
    // Domain lower-cased, local part kept as typed.
    assert_eq!(r.body["email"], "Petr.Novak+shop@example.com");
    assert_eq!(r.body["customerId"], id.as_str());
    assert_eq!(r.body["ignoreBulkMail"], false);
    assert_eq!(r.body["groupList"], json!([]));
    assert!(r.body["createdAt"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_fills_company_from_ares_and_normalises_everything() {
    let (s, token) = start_admin().await;
    let r = s
        .create_contact(
            &token,
            json!({
                "email": "eva@bizkithub.com",
                "firstName": "  Eva   Marie ",
                "lastName": "Svobodová",
                "phone": "777 123 456",
                "companyRegistrationNumber": "5103118",
                "sendRegistrationInvite": true,
                "ignoreBulkMail": true,
                "groupList": [
                    {"slug": "VIP", "name": "VIP", "color": "#FFFFFF"},
                    {"slug": "Joolz Aer+", "name": "Joolz Aer+", "color": "#AA00CC"}
                ]
            }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.body["customerId"].as_str().unwrap();
    let c = s.contact(&token, id).await.body;
    assert_eq!(c["firstName"], "Eva Marie");
    assert_eq!(c["phone"], "+420 777123456");
    assert_eq!(c["companyRegistrationNumber"], "05103118");
    assert_eq!(c["companyName"], "BizKitHub s.r.o.");
    assert_eq!(c["streetAddress"], "R. Novotného 1505");
    assert_eq!(c["city"], "Kladno");
    assert_eq!(c["cityPart"], "Kročehlavy");
    assert_eq!(c["stateRegion"], "Středočeský kraj");
    assert_eq!(c["postalCode"], "272 01");
    assert_eq!(c["country"], "CZ");
    assert_eq!(c["dic"], "CZ05103118");
    assert_eq!(c["ignoreBulkMail"], true);
    // The existing group keeps its colour; the new one is created with its own.
    assert_eq!(
        c["groupList"],
        json!([
            {"slug": "joolz-aer-plus", "name": "Joolz Aer+", "color": "#aa00cc"},
            {"slug": "vip", "name": "VIP", "color": "#d4af37"}
        ])
    );
    assert!(s.has_group(&token, "joolz-aer-plus").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_ico_still_creates_the_contact() {
    let (s, token) = start_admin().await;
    let c = s
        .created_with_ico(&token, ("phone", "+420 602 123 456"), "11111119")
        .await;
    assert_eq!(c["companyRegistrationNumber"], "11111119");
    assert_eq!(c["companyName"], serde_json::Value::Null);
    assert_eq!(c["email"], serde_json::Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_violated_field_is_reported_at_once() {
    let (s, token) = start_admin().await;
    let r = s
        .create_contact(
            &token,
            json!({
                "email": "not an email",
                "phone": "12",
                "companyRegistrationNumber": "12345678",
                "groupList": [{"slug": "ok", "color": "#123456"}, {"slug": "x", "color": "red"}]
            }),
        )
        .await;
    r.assert_problem(422, "VALIDATION_FAILED");
    let fields: Vec<String> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    for f in [
        "email",
        "phone",
        "companyRegistrationNumber",
        "groupList[1].color",
    ] {
        assert!(fields.contains(&f.to_owned()), "{f} missing in {}", r.text);
    }
    assert!(
        r.field_codes()
            .contains(&"companyRegistrationNumber:ICO_CHECKSUM".to_owned())
    );
    assert!(r.body["errors"][0]["message"].as_str().unwrap().len() > 5);

    let r = s.create_contact(&token, json!({})).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    r.assert_some_field_code_ends_with("EMAIL_OR_PHONE_REQUIRED");
    let r = s
        .create_contact(
            &token,
            json!({"phone": "777123456", "sendRegistrationInvite": true}),
        )
        .await;
    r.assert_some_field_code_ends_with("INVITE_REQUIRES_EMAIL");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_is_unique_per_organisation_case_insensitively() {
    let (s, token) = start_admin().await;
    let r = s
        .create_contact(&token, json!({"email": "Dup@Example.com"}))
        .await;
    assert_eq!(r.status, 201);
    let r = s
        .create_contact(&token, json!({"email": "dup@EXAMPLE.com"}))
        .await;
    r.assert_problem(409, "EMAIL_TAKEN");
    assert_eq!(r.field_codes(), vec!["email:EMAIL_TAKEN"]);
    // The demo customer's e-mail is taken too.
    let r = s
        .create_contact(&token, json!({"email": "JAN@barasek.com"}))
        .await;
    r.assert_problem(409, "EMAIL_TAKEN");
    // Another organisation has its own contacts.
    let other = s.other_admin().await;
    let id = s
        .created_id(
            &other,
            json!({"email": "dup@example.com", "phone": "902 123 456"}),
        )
        .await;
    // ... with its own phone prefix ...
    let c = s.contact(&other, &id).await;
    assert_eq!(c.body["phone"], "+421 902123456");
    // ... and invisible to the first organisation.
    let r = s.contact(&token, &id).await;
    r.assert_problem(404, "NOT_FOUND");
    let r = s.get("/bff/contact/no-such-id", Some(&token)).await;
    r.assert_problem(404, "NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_creates_of_one_email_give_one_contact() {
    let s = Arc::new(start().await);
    let token = Arc::new(s.admin().await);
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (s, token) = (Arc::clone(&s), Arc::clone(&token));
        tasks.push(tokio::spawn(async move {
            // Same address in different letter cases: one uniqueness key.
            let email = if i % 2 == 0 {
                "race@example.com"
            } else {
                "RACE@example.COM"
            };
            s.create_contact(&token, json!({"email": email})).await
        }));
    }
    let (mut created, mut conflicts) = (0, 0);
    for t in tasks {
        let r = t.await.unwrap();
        assert!(!r.status.is_server_error(), "5xx: {}", r.text);
        match r.status.as_u16() {
            201 => created += 1,
            409 => {
                assert_eq!(r.code(), "EMAIL_TAKEN");
                conflicts += 1;
            }
            other => panic!("unexpected {other}: {}", r.text),
        }
    }
    assert_eq!((created, conflicts), (1, 49));
}
