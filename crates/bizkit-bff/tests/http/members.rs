use serde_json::json;

use crate::common::start_admin;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_new_email_then_conflict() {
    let (s, token) = start_admin().await;
    let body = json!({
        "email": "new.person@Example.com",
        "firstName": "Nová",
        "lastName": "Osoba",
        "permissionCodes": ["contact.read", " contact.write "],
        "roleCodes": ["manager"],
        "description": "Starts in May"
    });
    let r = s.invite(&token, body.clone()).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["success"], true);
    assert_eq!(r.body["status"], "invited");
    assert!(!r.body["memberId"].as_str().unwrap().is_empty());
    let r = s
        .invite(&token, json!({"email": "NEW.PERSON@example.com"}))
        .await;
    r.assert_problem(409, "MEMBER_EXISTS");
    assert_eq!(r.field_codes(), vec!["email:MEMBER_EXISTS"]);
    // Another organisation may invite the same person.
    let other = s.other_admin().await;
    let r = s
        .invite(&other, json!({"email": "new.person@example.com"}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registered_users_are_added_at_once() {
    let (s, token) = start_admin().await;
    for email in ["jan@barasek.com", "admin@other.test"] {
        let r = s.invite(&token, json!({"email": email})).await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert_eq!(r.body["status"], "added", "{email}");
    }
    // The demo admin is a member already.
    let r = s.invite(&token, json!({"email": "admin@demo.test"})).await;
    r.assert_problem(409, "MEMBER_EXISTS");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_reports_every_problem_including_unknown_codes() {
    let (s, token) = start_admin().await;
    let r = s.invite(&token, json!({"email": "bad@", "firstName": "x".repeat(129), "permissionCodes": ["contact.read", "launch.rockets"], "roleCodes": ["emperor"]})).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    r.assert_field_codes_include(&[
        "email:EMAIL_INVALID",
        "firstName:NAME_TOO_LONG",
        "permissionCodes[1]:PERMISSION_UNKNOWN",
        "roleCodes[0]:ROLE_UNKNOWN",
    ]);
    let r = s.invite(&token, json!({"firstName": "A"})).await;
    assert_eq!(r.field_codes(), vec!["email:REQUIRED"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permission_list_has_permissions_and_roles() {
    let (s, token) = start_admin().await;
    let r = s.get("/bff/member/permission-list", Some(&token)).await;
    assert_eq!(r.status, 200);
    let perms = r.body["permissions"].as_array().unwrap();
    assert!(
        perms
            .iter()
            .any(|p| p["code"] == "contact.read" && p["name"] == "Read contacts")
    );
    assert!(
        r.body["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["code"] == "admin")
    );
}
