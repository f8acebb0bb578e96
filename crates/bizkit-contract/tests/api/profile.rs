//! Profile updates and organisation contacts: every violation at once, cross-field rules.

use super::*;

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
    rejects::<UpdateProfileRequest>(
        json!({
            "email": "", "phone": "12", "companyRegistrationNumber": "1234567",
            "taxIdentificationNumber": "CZ9609040728", "postalCode": "2720", "country": "Czechia",
            "primaryLocale": "fr", "groups": ["ok", "!!!"], "customerRealIp": "999.1.1.1",
            "referralId": "1cGIHvFoQDGLAbc!", "city": "a\u{0}"
        }),
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
    rejects::<OrgContactCreateRequest>(
        json!({
            "type": {"id": 9}, "country": {"id": 999}, "purchase_order_number": "P".repeat(51), "zipcode": "1"
        }),
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
    rejects::<OrgContactCreateRequest>(json!({"type": {}}), &[("type.id", ErrorCode::Required)]);
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
