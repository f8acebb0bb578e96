//! Request parsers (every violation at once, cross-field rules) and the wire shapes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::*;
use serde_json::{Value, json};

fn errors_of<T: core::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(String, ErrorCode)> {
    let mut v: Vec<(String, ErrorCode)> = r
        .expect_err("should fail")
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect();
    v.sort();
    v
}

/// Asserts that parsing failed with exactly these field errors, in any order.
#[track_caller]
fn fails<T: core::fmt::Debug>(r: Result<T, Vec<FieldError>>, expected: &[(&str, ErrorCode)]) {
    let mut expected: Vec<(String, ErrorCode)> =
        expected.iter().map(|&(f, c)| (f.to_owned(), c)).collect();
    expected.sort();
    assert_eq!(errors_of(r), expected);
}

fn body<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

// ---- contact create -------------------------------------------------------------------------

#[test]
fn contact_create_needs_email_or_phone_on_both_fields() {
    let org = OrgRules::default();
    let r: ContactCreateRequest = body(json!({}));
    fails(
        r.parse(&org),
        &[
            ("email", ErrorCode::EmailOrPhoneRequired),
            ("phone", ErrorCode::EmailOrPhoneRequired),
        ],
    );
    // Blank counts as not given.
    let r: ContactCreateRequest = body(json!({"email": "  ", "phone": ""}));
    assert_eq!(errors_of(r.parse(&org)).len(), 2);
    // Either alone is enough.
    let r: ContactCreateRequest = body(json!({"phone": "777 123 456"}));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.phone.unwrap().as_str(), "+420 777123456");
    assert!(v.email.is_none());
    let r: ContactCreateRequest = body(json!({"email": "jan@barasek.com"}));
    assert!(r.parse(&org).is_ok());
}

#[test]
fn contact_create_invite_requires_email() {
    let org = OrgRules::default();
    let r: ContactCreateRequest =
        body(json!({"phone": "+420777123456", "sendRegistrationInvite": true}));
    fails(
        r.parse(&org),
        &[("sendRegistrationInvite", ErrorCode::InviteRequiresEmail)],
    );
    let r: ContactCreateRequest =
        body(json!({"email": "jan@barasek.com", "sendRegistrationInvite": true}));
    assert!(r.parse(&org).unwrap().send_registration_invite);
    // A wrong e-mail is reported as wrong, not as missing.
    let r: ContactCreateRequest = body(json!({"email": "jan@", "sendRegistrationInvite": true}));
    fails(r.parse(&org), &[("email", ErrorCode::EmailInvalid)]);
}

#[test]
fn contact_create_reports_every_field_at_once() {
    let org = OrgRules::default();
    let r: ContactCreateRequest = body(json!({
        "email": "jan@@barasek.com",
        "firstName": "Jan\u{0}",
        "lastName": "x".repeat(129),
        "phone": "+420 777",
        "companyRegistrationNumber": "05103119",
        "groupList": [
            {"slug": "vip", "color": "#00ff00"},
            {"slug": "x", "color": "green"},
            {"slug": "!!!"},
            {"name": "N\u{7}", "slug": "ok"}
        ]
    }));
    fails(
        r.parse(&org),
        &[
            ("companyRegistrationNumber", ErrorCode::IcoChecksum),
            ("email", ErrorCode::EmailInvalid),
            ("firstName", ErrorCode::TextControlCharacters),
            ("groupList[1].color", ErrorCode::ColorInvalid),
            ("groupList[2].slug", ErrorCode::GroupSlugEmpty),
            ("groupList[3].name", ErrorCode::TextControlCharacters),
            ("lastName", ErrorCode::NameTooLong),
            ("phone", ErrorCode::PhoneTooShort),
        ],
    );
}

#[test]
fn contact_create_valid_body_in_normal_form() {
    let org = OrgRules::default();
    let r: ContactCreateRequest = body(json!({
        "email": " Jan@Barasek.COM ",
        "firstName": " Jan ",
        "lastName": "Barášek",
        "phone": "777 123 456",
        "companyRegistrationNumber": "5103118",
        "sendRegistrationInvite": false,
        "ignoreBulkMail": true,
        "groupList": [
            {"slug": "", "name": "Joolz Aer+", "color": "#1A73E8"},
            {"slug": "Project review Q1 & Q2"},
            {"slug": "joolz-aer-plus", "name": "duplicate"},
            {"slug": "", "name": "", "color": ""}
        ]
    }));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.email.unwrap().as_str(), "Jan@barasek.com");
    assert_eq!(v.first_name.unwrap().as_str(), "Jan");
    assert_eq!(v.company_registration_number.unwrap().as_str(), "05103118");
    assert!(v.ignore_bulk_mail);
    assert!(!v.send_registration_invite);
    assert_eq!(v.group_list.len(), 2);
    assert_eq!(v.group_list[0].slug.as_str(), "joolz-aer-plus");
    assert_eq!(v.group_list[0].name.as_str(), "Joolz Aer+");
    assert_eq!(v.group_list[0].color.as_ref().unwrap().as_str(), "#1a73e8");
    assert_eq!(v.group_list[1].slug.as_str(), "project-review-q1-and-q2");
    assert_eq!(v.group_list[1].name.as_str(), "project-review-q1-and-q2");
    assert!(v.group_list[1].color.is_none());
}

#[test]
fn requests_deserialise_loosely() {
    let org = OrgRules::default();
    let r: ContactCreateRequest = body(json!({
        "phone": 777123456,
        "companyRegistrationNumber": 5103118,
        "sendRegistrationInvite": "false",
        "ignoreBulkMail": 1,
        "groupList": null,
        "unknownField": {"x": 1}
    }));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.phone.unwrap().as_str(), "+420 777123456");
    assert_eq!(v.company_registration_number.unwrap().as_str(), "05103118");
    assert!(v.ignore_bulk_mail);
    let r: ContactCreateRequest = body(json!({"email": null, "phone": null}));
    assert_eq!(errors_of(r.parse(&org)).len(), 2);
    // Structurally wrong values are still a 400.
    assert!(serde_json::from_value::<ContactCreateRequest>(json!({"email": ["a"]})).is_err());
    assert!(serde_json::from_value::<ContactCreateRequest>(json!("x")).is_err());
}

#[test]
fn contact_create_serialises_camel_case() {
    let r = ContactCreateRequest {
        email: Some("jan@barasek.com".into()),
        company_registration_number: Some("05103118".into()),
        send_registration_invite: Some(true),
        group_list: vec![GroupListItem {
            slug: Some("vip".into()),
            name: None,
            color: None,
        }],
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"email": "jan@barasek.com", "companyRegistrationNumber": "05103118",
               "sendRegistrationInvite": true, "groupList": [{"slug": "vip"}]})
    );
}

// ---- member invite --------------------------------------------------------------------------

#[test]
fn member_invite() {
    let org = OrgRules::default();
    let r: MemberInviteRequest = body(json!({}));
    fails(r.parse(&org), &[("email", ErrorCode::Required)]);
    let r: MemberInviteRequest = body(json!({
        "email": "jan@barasek.com",
        "firstName": "x".repeat(128),
        "lastName": "y".repeat(129),
        "permissionCodes": [" contact.read ", "contact.read", "", "bad\u{1}code"],
        "roleCodes": null,
        "description": "a\r\nb"
    }));
    fails(
        r.parse(&org),
        &[
            ("lastName", ErrorCode::NameTooLong),
            ("permissionCodes[3]", ErrorCode::TextControlCharacters),
        ],
    );
    let r: MemberInviteRequest = body(json!({
        "email": "jan@barasek.com",
        "permissionCodes": [" contact.read ", "contact.read", ""],
        "roleCodes": ["admin"],
        "description": "  a\r\nb  "
    }));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.permission_codes, vec!["contact.read"]);
    assert_eq!(v.role_codes, vec!["admin"]);
    assert_eq!(v.description.unwrap().as_str(), "a\nb");
}

// ---- add groups -----------------------------------------------------------------------------

#[test]
fn add_groups() {
    let org = OrgRules::default();
    let r: AddGroupsRequest = body(json!({
        "email": "jan@barasek.com", "cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["personal-training"]
    }));
    let v = r.parse(&org).unwrap();
    assert_eq!(
        v.customer,
        CustomerRef::CuRefNo(CuRefNo::parse("1cGIHvFoQDGLAbcA").unwrap())
    );
    assert_eq!(
        v.groups,
        vec![GroupSlug::parse("personal-training").unwrap()]
    );

    let r: AddGroupsRequest =
        body(json!({"email": "jan@barasek.com", "groups": ["VIP", "vip", "Joolz Aer+"]}));
    let v = r.parse(&org).unwrap();
    assert!(matches!(v.customer, CustomerRef::Email(_)));
    assert_eq!(
        v.groups.iter().map(GroupSlug::as_str).collect::<Vec<_>>(),
        ["vip", "joolz-aer-plus"]
    );

    let r: AddGroupsRequest = body(json!({}));
    fails(
        r.parse(&org),
        &[
            ("cuRefNo", ErrorCode::EmailOrCuRefNoRequired),
            ("email", ErrorCode::EmailOrCuRefNoRequired),
            ("groups", ErrorCode::GroupsRequired),
        ],
    );
    let r: AddGroupsRequest = body(json!({"cuRefNo": "short", "email": "x", "groups": ["", " "]}));
    fails(
        r.parse(&org),
        &[
            ("cuRefNo", ErrorCode::CuRefNoLength),
            ("email", ErrorCode::EmailInvalid),
            ("groups", ErrorCode::GroupsRequired),
        ],
    );
    let r: AddGroupsRequest = body(json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["ok", "!!!"]}));
    fails(r.parse(&org), &[("groups[1]", ErrorCode::GroupSlugEmpty)]);
    let many: Vec<String> = (0..=MAX_GROUPS).map(|i| format!("g{i}")).collect();
    let r = AddGroupsRequest {
        cu_ref_no: Some("1cGIHvFoQDGLAbcA".into()),
        groups: many,
        ..Default::default()
    };
    fails(r.parse(&org), &[("groups", ErrorCode::TooManyItems)]);
    assert_eq!(
        serde_json::to_value(AddGroupsRequest {
            cu_ref_no: Some("x".into()),
            ..Default::default()
        })
        .unwrap(),
        json!({"cuRefNo": "x", "groups": []})
    );
}

// ---- update profile -------------------------------------------------------------------------

fn seed_profile() -> Value {
    // The update-profile page's own example, verbatim (including its odd `"groups": [[]]`).
    json!({
        "email": "jan@barasek.com",
        "name": "Jan Barášek",
        "firstName": "Jan",
        "lastName": "Barášek",
        "phone": "+420 777123456",
        "companyName": "BizKitHub",
        "companyRegistrationNumber": "05103118",
        "taxIdentificationNumber": "CZ9609040727",
        "streetAddress": "R. Novotného 1505",
        "city": "Kladno",
        "cityPart": "Kročehlavy",
        "stateRegion": "Středočeský kraj",
        "postalCode": "272 01",
        "country": "CZ",
        "newsletter": false,
        "primaryLocale": "cs",
        "groups": [[]],
        "customerRealIp": "1.1.1.1",
        "referralId": "1cGIHvFoQDGLAbcA"
    })
}

#[test]
fn update_profile_seed_example_is_valid_and_round_trips() {
    let org = OrgRules::default();
    let r: UpdateProfileRequest = body(seed_profile());
    let v = r.parse(&org).unwrap();
    assert_eq!(
        v.tax_identification_number.as_ref().unwrap().as_str(),
        "CZ9609040727"
    );
    assert_eq!(v.postal_code.as_ref().unwrap().as_str(), "272 01");
    assert_eq!(v.country.unwrap().as_str(), "CZ");
    assert!(v.groups.is_empty());
    assert_eq!(v.customer_real_ip.as_ref().unwrap().as_str(), "1.1.1.1");
    let back = UpdateProfileRequest::from(&v);
    assert_eq!(
        back.parse(&org).unwrap(),
        v,
        "the normal form parses to itself"
    );
    let json = serde_json::to_value(&back).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 19, "all 19 fields");
}

#[test]
fn update_profile_rules() {
    let org = OrgRules::default();
    let r: UpdateProfileRequest = body(json!({
        "email": "", "phone": "12", "companyRegistrationNumber": "1234567",
        "taxIdentificationNumber": "CZ9609040728", "postalCode": "2720", "country": "Czechia",
        "primaryLocale": "fr", "groups": ["ok", "!!!"], "customerRealIp": "999.1.1.1",
        "referralId": "1cGIHvFoQDGLAbc!", "city": "a\u{0}"
    }));
    fails(
        r.parse(&org),
        &[
            ("city", ErrorCode::TextControlCharacters),
            ("companyRegistrationNumber", ErrorCode::IcoChecksum),
            ("country", ErrorCode::CountryUnknown),
            ("customerRealIp", ErrorCode::IpInvalid),
            ("email", ErrorCode::Required),
            ("groups[1]", ErrorCode::GroupSlugEmpty),
            ("phone", ErrorCode::PhoneTooShort),
            ("postalCode", ErrorCode::PostalCodeInvalid),
            ("primaryLocale", ErrorCode::LocaleUnsupported),
            ("referralId", ErrorCode::CuRefNoCharacters),
            ("taxIdentificationNumber", ErrorCode::DicChecksum),
        ],
    );
    // Empty IP means localhost; a missing one means not given.
    let r: UpdateProfileRequest = body(json!({"email": "jan@barasek.com", "customerRealIp": ""}));
    assert_eq!(
        r.parse(&org).unwrap().customer_real_ip.unwrap().as_str(),
        "127.0.0.1"
    );
    let r: UpdateProfileRequest = body(json!({"email": "jan@barasek.com"}));
    let v = r.parse(&org).unwrap();
    assert!(v.customer_real_ip.is_none());
    assert!(!v.newsletter);
    // A foreign postal code with its country.
    let r: UpdateProfileRequest =
        body(json!({"email": "a@b.cz", "country": "gb", "postalCode": "sw1a 1aa"}));
    assert_eq!(
        r.parse(&org).unwrap().postal_code.unwrap().as_str(),
        "SW1A 1AA"
    );
    // The organisation's own prefix and locales.
    let sk = OrgRules {
        phone_prefix: "+421".into(),
        locales: vec!["sk".into(), "hu".into()],
    };
    let r: UpdateProfileRequest =
        body(json!({"email": "a@b.sk", "phone": "0905123456", "primaryLocale": "HU"}));
    let v = r.parse(&sk).unwrap();
    assert_eq!(v.phone.unwrap().as_str(), "+421 905123456");
    assert_eq!(v.primary_locale.unwrap().as_str(), "hu");
}

// ---- organisation contacts ------------------------------------------------------------------

#[test]
fn org_contact_valid() {
    let org = OrgRules::default();
    let r: OrgContactCreateRequest = body(json!({
        "type": {"id": 6}, "name": " Jana  Nováková ", "title": "Ing.", "zipcode": "27201",
        "country": {"id": 203}, "email": "fakturace@example.cz", "phone": "777123456",
        "mobile": "+421 905 123 456", "purchase_order_number": " PO-2026/0042 "
    }));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.contact_type, ContactType::Invoice);
    assert_eq!(v.name.unwrap().as_str(), "Jana Nováková");
    assert_eq!(v.zipcode.unwrap().as_str(), "272 01");
    assert_eq!(v.country.unwrap().as_str(), "CZ");
    assert_eq!(v.mobile.unwrap().as_str(), "+421 905123456");
    assert_eq!(v.purchase_order_number.unwrap().as_str(), "PO-2026/0042");
    // Ids as strings or whole floats ("double" in the seed).
    let r: OrgContactCreateRequest = body(json!({"type": {"id": "2"}, "country": {"id": 276.0}}));
    let v = r.parse(&org).unwrap();
    assert_eq!(v.contact_type, ContactType::Technical);
    assert_eq!(v.country.unwrap().as_str(), "DE");
}

#[test]
fn org_contact_rules() {
    let org = OrgRules::default();
    let r: OrgContactCreateRequest =
        body(json!({"id": 5, "organisation_id": null, "purchase_order_number": "PO"}));
    let errs = r.parse(&org).unwrap_err();
    assert_eq!(status_for(&errs), 400);
    fails(
        Err::<(), _>(errs),
        &[
            ("id", ErrorCode::ForbiddenParameter),
            ("organisation_id", ErrorCode::ForbiddenParameter),
            ("type.id", ErrorCode::Required),
        ],
    );
    let r: OrgContactCreateRequest =
        body(json!({"type": {"id": 2}, "purchase_order_number": "PO-1"}));
    let errs = r.parse(&org).unwrap_err();
    assert_eq!(status_for(&errs), 422);
    assert_eq!(
        errs,
        vec![FieldError::new(
            "purchase_order_number",
            ErrorCode::PurchaseOrderNumberNotInvoice
        )]
    );
    let r: OrgContactCreateRequest = body(json!({
        "type": {"id": 9}, "country": {"id": 999}, "purchase_order_number": "P".repeat(51), "zipcode": "1"
    }));
    fails(
        r.parse(&org),
        &[
            ("country.id", ErrorCode::CountryUnknown),
            (
                "purchase_order_number",
                ErrorCode::PurchaseOrderNumberTooLong,
            ),
            ("type.id", ErrorCode::ContactTypeUnknown),
            ("zipcode", ErrorCode::PostalCodeInvalid),
        ],
    );
    let r: OrgContactCreateRequest = body(json!({"type": {}}));
    fails(r.parse(&org), &[("type.id", ErrorCode::Required)]);
    assert!(
        serde_json::from_value::<OrgContactCreateRequest>(json!({"type": {"id": "six"}})).is_err()
    );
    assert!(
        serde_json::from_value::<OrgContactCreateRequest>(json!({"type": {"id": 6.5}})).is_err()
    );
    // The forbidden markers never go out.
    let r: OrgContactCreateRequest = body(json!({"id": 1, "type": {"id": 1}}));
    assert_eq!(r.present(), vec!["id"]);
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"type": {"id": 1}})
    );
}

#[test]
fn org_contact_answer_shape() {
    let c = OrgContact {
        id: 7,
        organisation: IdName {
            id: 1,
            name: "Demo s.r.o.".into(),
        },
        contact_type: IdName {
            id: 6,
            name: "invoice".into(),
        },
        country: Some(IdName {
            id: 203,
            name: "Czechia".into(),
        }),
        contact_id: "7".into(),
        ..Default::default()
    };
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["type"]["id"], 6);
    assert_eq!(v["contact_id"], "7");
    assert_eq!(v["country"]["id"], 203);
    assert!(v.get("purchase_order_number").is_some());
}

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
    let r: AuthenticateRequest = body(json!({}));
    fails(
        r.parse(&org),
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
    for key in [
        "ico",
        "companyName",
        "dic",
        "streetAddress",
        "city",
        "cityPart",
        "stateRegion",
        "postalCode",
        "country",
        "dissolved",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let sc = serde_json::to_value(StoredContact::default()).unwrap();
    for key in [
        "customerId",
        "email",
        "firstName",
        "lastName",
        "phone",
        "companyRegistrationNumber",
        "companyName",
        "streetAddress",
        "city",
        "cityPart",
        "stateRegion",
        "postalCode",
        "country",
        "dic",
        "ignoreBulkMail",
        "groupList",
        "createdAt",
    ] {
        assert!(sc.get(key).is_some(), "{key}");
    }
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
