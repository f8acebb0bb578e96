//! Creating contacts, inviting members and adding groups: every violation at once, cross-field rules.

use super::*;

// ---- contact create -------------------------------------------------------------------------

#[test]
fn contact_create_needs_email_or_phone_on_both_fields() {
    let org = OrgRules::default();
    rejects::<ContactCreateRequest>(
        json!({}),
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
    rejects::<ContactCreateRequest>(
        json!({"phone": "+420777123456", "sendRegistrationInvite": true}),
        &[("sendRegistrationInvite", ErrorCode::InviteRequiresEmail)],
    );
    let r: ContactCreateRequest =
        body(json!({"email": "jan@barasek.com", "sendRegistrationInvite": true}));
    assert!(r.parse(&org).unwrap().send_registration_invite);
    // A wrong e-mail is reported as wrong, not as missing.
    rejects::<ContactCreateRequest>(
        json!({"email": "jan@", "sendRegistrationInvite": true}),
        &[("email", ErrorCode::EmailInvalid)],
    );
}

#[test]
fn contact_create_reports_every_field_at_once() {
    rejects::<ContactCreateRequest>(
        json!({
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
        }),
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
    rejects::<MemberInviteRequest>(json!({}), &[("email", ErrorCode::Required)]);
    rejects::<MemberInviteRequest>(
        json!({
            "email": "jan@barasek.com",
            "firstName": "x".repeat(128),
            "lastName": "y".repeat(129),
            "permissionCodes": [" contact.read ", "contact.read", "", "bad\u{1}code"],
            "roleCodes": null,
            "description": "a\r\nb"
        }),
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

    rejects::<AddGroupsRequest>(
        json!({}),
        &[
            ("cuRefNo", ErrorCode::EmailOrCuRefNoRequired),
            ("email", ErrorCode::EmailOrCuRefNoRequired),
            ("groups", ErrorCode::GroupsRequired),
        ],
    );
    rejects::<AddGroupsRequest>(
        json!({"cuRefNo": "short", "email": "x", "groups": ["", " "]}),
        &[
            ("cuRefNo", ErrorCode::CuRefNoLength),
            ("email", ErrorCode::EmailInvalid),
            ("groups", ErrorCode::GroupsRequired),
        ],
    );
    rejects::<AddGroupsRequest>(
        json!({"cuRefNo": "1cGIHvFoQDGLAbcA", "groups": ["ok", "!!!"]}),
        &[("groups[1]", ErrorCode::GroupSlugEmpty)],
    );
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
