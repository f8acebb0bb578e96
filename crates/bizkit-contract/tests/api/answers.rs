//! Answers, error codes and problem bodies: wire names, and lenient reading of what a backend sends.

use super::*;

// ---- authenticate, session, answers ---------------------------------------------------------

#[test]
fn authenticate() {
    let org = OrgRules::default();
    let r: AuthenticateRequest =
        body(json!({"email": "admin@demo.test", "password": " demo-admin "}));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.password, " demo-admin ", "passwords are not trimmed");
    assert!(!format!("{v:?}").contains("demo-admin"));
    assert!(!format!("{r:?}").contains("demo-admin"));
    rejects::<AuthenticateRequest>(
        json!({}),
        &[
            ("email", ErrorCode::Required),
            ("password", ErrorCode::Required),
        ],
    );
    let a: AuthenticateResponse = body(json!({"auth_token": "t", "role": "admin"}));
    assert_eq!(a.role, Role::Admin);
    assert!(!format!("{a:?}").contains("\"t\""));
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        json!({"auth_token": "t", "role": "admin"})
    );
}

/// The address keys the ARES record and a stored contact both answer.
const ADDRESS_KEYS: &[&str] = &[
    "streetAddress",
    "city",
    "cityPart",
    "stateRegion",
    "postalCode",
    "country",
];

/// Asserts that the answer has every one of these keys (a `null` value counts: it is there).
#[track_caller]
fn has_keys(v: &Value, keys: &[&str]) {
    for key in keys {
        assert!(v.get(key).is_some(), "{key}");
    }
}

#[test]
fn answer_wire_names() {
    assert_eq!(
        serde_json::to_value(ContactCreateResponse {
            success: true,
            customer_id: "c1".into()
        })
        .unwrap(),
        json!({"success": true, "customerId": "c1"})
    );
    assert_eq!(
        serde_json::to_value(MemberInviteResponse {
            success: true,
            member_id: "m1".into(),
            status: InviteStatus::Added
        })
        .unwrap(),
        json!({"success": true, "memberId": "m1", "status": "added"})
    );
    assert_eq!(
        serde_json::to_value(AddGroupsResponse {
            success: true,
            added: vec!["a".into()],
            already_assigned: vec![]
        })
        .unwrap(),
        json!({"success": true, "added": ["a"], "alreadyAssigned": []})
    );
    let s = SessionResponse {
        role: Role::Customer,
        email: "jan@barasek.com".into(),
        organisation: SessionOrganisation {
            id: 1,
            name: "Demo s.r.o.".into(),
            default_country: "CZ".into(),
            phone_prefix: "+420".into(),
            locales: vec!["cs".into(), "en".into()],
        },
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!({"role": "customer", "email": "jan@barasek.com", "organisation": {
            "id": 1, "name": "Demo s.r.o.", "defaultCountry": "CZ", "phonePrefix": "+420", "locales": ["cs", "en"]}})
    );
    assert_eq!(s.organisation.rules().phone_prefix, "+420");
    let a = AresRecord {
        ico: "05103118".into(),
        company_name: "BizKitHub s.r.o.".into(),
        ..Default::default()
    };
    let v = serde_json::to_value(&a).unwrap();
    has_keys(&v, &["ico", "companyName", "dic", "dissolved"]);
    has_keys(&v, ADDRESS_KEYS);
    let sc = serde_json::to_value(StoredContact::default()).unwrap();
    has_keys(
        &sc,
        &[
            "customerId",
            "email",
            "firstName",
            "lastName",
            "phone",
            "companyRegistrationNumber",
            "companyName",
            "dic",
            "ignoreBulkMail",
            "groupList",
            "createdAt",
        ],
    );
    has_keys(&sc, ADDRESS_KEYS);
    // Other backends answer less: defaults fill the gaps.
    let m: MemberInviteResponse = body(json!({"success": true, "memberId": "m"}));
    assert_eq!(m.status, InviteStatus::Invited);
    let g: AddGroupsResponse = body(json!({"success": true}));
    assert!(g.added.is_empty());
    let p: PermissionList =
        body(json!({"permissions": [{"code": "contact.read", "name": "Read contacts"}]}));
    assert_eq!(p.permissions.len(), 1);
    assert!(p.roles.is_empty());
    let groups: Vec<CustomerGroup> =
        body(json!([{"slug": "vip", "name": "VIP", "color": null}, {"slug": "x"}]));
    assert_eq!(groups[1].name, "");
}

// ---- codes and problems ---------------------------------------------------------------------

#[test]
fn error_codes_round_trip() {
    let mut seen = std::collections::HashSet::new();
    for &code in ErrorCode::ALL {
        let s = code.as_str();
        assert!(seen.insert(s), "duplicate {s}");
        assert!(
            s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
            "{s}"
        );
        assert_eq!(ErrorCode::from_code(s), Some(code));
        assert_eq!(serde_json::to_value(code).unwrap(), json!(s));
        assert_eq!(serde_json::from_value::<ErrorCode>(json!(s)).unwrap(), code);
        assert!((400..600).contains(&code.http_status()), "{s}");
    }
    assert_eq!(ErrorCode::from_code("E001"), None);
    assert!(serde_json::from_value::<ErrorCode>(json!("E001")).is_err());
    assert_eq!(
        serde_json::to_value(FieldError::new(
            "groupList[2].color",
            ErrorCode::ColorInvalid
        ))
        .unwrap(),
        json!({"field": "groupList[2].color", "code": "COLOR_INVALID"})
    );
}

#[test]
fn problem_bodies() {
    let p = Problem::validation(
        &[
            FieldError::new("phone", ErrorCode::PhoneTooShort),
            FieldError::new("email", ErrorCode::EmailInvalid),
        ],
        Lang::En,
    );
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["type"], "about:blank");
    assert_eq!(v["status"], 422);
    assert_eq!(v["code"], "VALIDATION_FAILED");
    assert_eq!(v["errors"][0]["field"], "phone");
    assert_eq!(v["errors"][0]["code"], "PHONE_TOO_SHORT");
    assert_eq!(
        v["errors"][0]["message"],
        message(ErrorCode::PhoneTooShort, Lang::En)
    );
    let u = Problem::from_code(ErrorCode::Unauthorized);
    assert_eq!(u.status, 401);
    assert_eq!(u.error_code(), Some(ErrorCode::Unauthorized));
    let v = serde_json::to_value(&u).unwrap();
    assert_eq!(v["errors"], json!([]));
    // The app reads problems from other backends too.
    let other: Problem = body(json!({"title": "x", "status": 422,
        "errors": [{"field": "vat", "code": "VAT_WEIRD", "message": "Bad VAT"}]}));
    assert_eq!(other.r#type, "about:blank");
    assert_eq!(other.errors[0].error_code(), None);
    assert_eq!(other.errors[0].message, "Bad VAT");
    let minimal: Problem = body(json!({"status": 404}));
    assert!(minimal.errors.is_empty() && minimal.code.is_none());
}

// ---- answers as a drifting backend may send them -----------------------------------------------

/// The app reads every answer through these types: a field it cannot read is that field's default,
/// never a refused answer (which the app would show as a server fault, and retry a create for).
#[test]
fn session_answers_read_leniently() {
    let s: SessionResponse = body(json!({
        "role": "ADMIN", "email": null, "organisation": null,
        "expiresInSecs": 3600.7, "idleTimeoutSecs": "soon"
    }));
    assert_eq!(s.role, Role::Admin);
    assert_eq!(s.email, "");
    assert_eq!(s.organisation, SessionOrganisation::default());
    assert_eq!(s.expires_in_secs, Some(3600));
    assert_eq!(s.idle_timeout_secs, None);
    for odd in [json!("owner"), json!(null), json!(7), json!(["admin"])] {
        let s: SessionResponse = body(json!({ "role": odd }));
        assert_eq!(s.role, Role::Customer, "{odd}");
    }
    for odd in [
        json!(-1),
        json!(null),
        json!({}),
        json!(false),
        json!(1e300),
    ] {
        let s: SessionResponse = body(json!({ "expiresInSecs": odd }));
        assert!(s.expires_in_secs.is_none_or(|v| v == u64::MAX), "{odd}");
    }
    let s: SessionResponse = body(json!({
        "organisation": {"id": 3, "name": 5, "phonePrefix": null, "locales": null}
    }));
    assert_eq!(s.organisation.id, 3);
    assert_eq!(s.organisation.name, "5");
    assert!(s.organisation.locales.is_empty());
    let a: AuthenticateResponse = body(json!({"auth_token": "t", "role": "Admin"}));
    assert_eq!(a.role, Role::Admin);
    let a: AuthenticateResponse = body(json!({"auth_token": "t", "role": null}));
    assert_eq!(a.role, Role::Customer);
}

#[test]
fn created_and_changed_answers_read_leniently() {
    let c: ContactCreateResponse = body(json!({"success": "true", "customerId": 42}));
    assert!(c.success);
    assert_eq!(c.customer_id, "42");
    let c: ContactCreateResponse = body(json!({"success": null, "customerId": null}));
    assert!(!c.success);
    assert_eq!(c.customer_id, "");
    let i: MemberInviteResponse = body(json!({"memberId": 7, "status": "ADDED"}));
    assert_eq!(i.status, InviteStatus::Added);
    assert_eq!(i.member_id, "7");
    for odd in [json!("pending"), json!(null), json!(1)] {
        let i: MemberInviteResponse = body(json!({ "status": odd }));
        assert_eq!(i.status, InviteStatus::Invited, "{odd}");
    }
    let g: AddGroupsResponse =
        body(json!({"success": 1, "added": null, "alreadyAssigned": ["a", 5]}));
    assert!(g.success);
    assert!(g.added.is_empty());
    assert_eq!(g.already_assigned, vec!["a", "5"]);
    let s: SuccessResponse = body(json!({"success": "yes"}));
    assert!(s.success);
}

#[test]
fn lists_and_records_read_leniently() {
    let groups: Vec<CustomerGroup> = body(json!([
        {"slug": "vip", "name": "VIP", "color": "#d4af37"},
        {"slug": "new", "name": null, "color": null}
    ]));
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[1].name, "");
    assert_eq!(groups[1].color, None);
    let c: StoredContact = body(json!({
        "customerId": "c1", "createdAt": null, "ignoreBulkMail": null, "groupList": null
    }));
    assert_eq!(c.customer_id, "c1");
    assert_eq!(c.created_at, "");
    assert!(!c.ignore_bulk_mail);
    assert!(c.group_list.is_empty());
    let p: PermissionList =
        body(json!({"permissions": null, "roles": [{"code": "admin", "name": null}]}));
    assert!(p.permissions.is_empty());
    assert_eq!(p.roles[0].code, "admin");
    assert_eq!(p.roles[0].name, "");
    let r: AresRecord =
        body(json!({"ico": 27074358, "companyName": "Firma", "dissolved": "false"}));
    assert_eq!(r.ico, "27074358");
    assert!(!r.dissolved);
}

#[test]
fn an_answer_of_nothing_reads_whatever_comes() {
    use bizkit_contract::endpoint::NoBody;
    for v in [
        json!(null),
        json!({}),
        json!({"success": true}),
        json!([1, 2]),
        json!("ok"),
    ] {
        assert_eq!(body::<NoBody>(v), NoBody);
    }
}
