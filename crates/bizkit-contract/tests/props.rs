//! Properties: every parser answers any input without panicking, normal forms parse to
//! themselves, and normalising twice equals normalising once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::*;
use proptest::prelude::*;

/// Arbitrary text, plus text drawn from each rule's own alphabet (so valid values are hit too).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        "[ \t\n\r\u{0}\u{a0}\u{200d}\u{202e}\u{301}+()./\\[\\]-]{0,8}[0-9 ]{0,16}",
        "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,12}@[a-zA-Z0-9ěščřžýáíéůúňďťÄÖÜßä.。-]{0,24}",
        "(\\+|00)?[0-9]{1,3}[ -]?\\(?0?\\)?[0-9 ]{0,14}",
        "(CZ|cz|Cz)? ?[0-9 ]{0,12}",
        "[0-9]{3} ?[0-9]{2}",
        "[0-9a-fA-F:.\\[\\]%]{0,42}|localhost|::1|0\\.0\\.0\\.0",
        "(PROD|DEV_|ROOT|prod)[A-Za-z0-9_]{26,30}",
        "#?[0-9a-fA-FgG]{5,7}",
        "[A-Za-z0-9 ]{14,18}",
        "[a-zA-Z]{1,3}([-_][a-zA-Z0-9]{1,9}){0,2}",
    ]
}

fn check<T: PartialEq + core::fmt::Debug + core::fmt::Display>(
    input: &str,
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
) -> Result<(), TestCaseError> {
    if let Ok(v) = parse(input) {
        let normal = v.to_string();
        let again = parse(&normal);
        prop_assert_eq!(
            again.as_ref().ok(),
            Some(&v),
            "normal form {:?} of {:?}",
            normal,
            input
        );
        prop_assert_eq!(again.map(|a| a.to_string()).ok(), Some(normal));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn email_total_and_idempotent(s in text()) {
        check(&s, Email::parse)?;
        if let Ok(e) = Email::parse(&s) {
            prop_assert!(e.as_str().len() <= 254);
            prop_assert!(e.as_str().is_ascii());
            prop_assert_eq!(e.uniqueness_key(), e.as_str().to_lowercase());
        }
    }

    #[test]
    fn phone_total_and_idempotent(s in text(), prefix in prop_oneof![Just("+420"), Just("+421"), Just("+44"), Just("+49"), Just("+1"), Just("bogus")]) {
        check(&s, |x| Phone::parse(x, prefix))?;
        if let Ok(p) = Phone::parse(&s, prefix) {
            let e164 = p.e164();
            prop_assert!(e164.len() <= 16 && e164.starts_with('+'));
            prop_assert!(e164[1..].bytes().all(|b| b.is_ascii_digit()));
            // The normal form does not depend on the organisation any more.
            prop_assert_eq!(Phone::parse(p.as_str(), "+1").ok(), Some(p.clone()));
        }
    }

    #[test]
    fn ids_total_and_idempotent(s in text()) {
        check(&s, Ico::parse)?;
        check(&s, Dic::parse)?;
        if let Ok(i) = Ico::parse(&s) {
            prop_assert!(i.as_str().len() == 8);
        }
    }

    #[test]
    fn small_rules_total_and_idempotent(s in text()) {
        check(&s, PostalCode::parse)?;
        check(&s, |x| PostalCode::parse_for(x, Country::parse("GB").ok()))?;
        check(&s, Country::parse)?;
        check(&s, |x| Locale::parse(x, &["cs", "en", "sk", "de", "en-GB"]))?;
        check(&s, CuRefNo::parse)?;
        check(&s, Color::parse)?;
        check(&s, ApiKey::parse)?;
        check(&s, ClientIp::parse)?;
        check(&s, ContactType::parse)?;
    }

    #[test]
    fn text_rules_total_and_idempotent(s in text(), max in 0usize..64) {
        check(&s, PersonName::parse)?;
        check(&s, PurchaseOrderNumber::parse)?;
        check(&s, |x| FreeText::parse(x, max))?;
        check(&s, |x| FreeText::parse_line(x, max))?;
    }

    #[test]
    fn slug_is_idempotent_and_well_formed(s in text()) {
        let slug = to_slug(&s);
        prop_assert_eq!(to_slug(&slug), slug.clone());
        prop_assert!(slug.len() <= 64);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        check(&s, GroupSlug::parse)?;
    }

    #[test]
    fn contact_type_ids(id in any::<u32>()) {
        let t = ContactType::from_id(id);
        prop_assert_eq!(t.is_ok(), (1..=6).contains(&id));
    }

    #[test]
    fn country_numeric(n in any::<u16>()) {
        if let Some(c) = Country::from_numeric(n) {
            prop_assert_eq!(c.numeric(), n);
        }
    }
}

fn opt() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn list() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..4)
}

fn org() -> impl Strategy<Value = OrgRules> {
    (
        prop_oneof![Just("+420"), Just("+44"), Just(""), Just("x")],
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(|(p, l)| OrgRules {
            phone_prefix: p.to_owned(),
            locales: l,
        })
}

/// Field names a parser may report must be JSON names of the request.
fn fields_ok(errors: &[FieldError], allowed: &[&str]) -> bool {
    errors.iter().all(|e| {
        let base = e.field.split(['[', '.']).next().unwrap_or("");
        allowed.contains(&base)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn contact_create_parse_is_total(
        email in opt(), first_name in opt(), last_name in opt(), phone in opt(), ico in opt(),
        invite in proptest::option::of(any::<bool>()), bulk in proptest::option::of(any::<bool>()),
        groups in proptest::collection::vec((opt(), opt(), opt()), 0..4), org in org(),
    ) {
        let r = ContactCreateRequest {
            email, first_name, last_name, phone, company_registration_number: ico,
            send_registration_invite: invite, ignore_bulk_mail: bulk,
            group_list: groups.into_iter().map(|(slug, name, color)| GroupListItem { slug, name, color }).collect(),
        };
        match r.parse(&org) {
            Ok(v) => prop_assert!(v.email.is_some() || v.phone.is_some()),
            Err(e) => {
                prop_assert!(!e.is_empty());
                prop_assert!(fields_ok(&e, &["email", "firstName", "lastName", "phone",
                    "companyRegistrationNumber", "sendRegistrationInvite", "groupList"]), "{:?}", e);
            }
        }
    }

    #[test]
    fn member_invite_parse_is_total(
        email in opt(), first_name in opt(), last_name in opt(), p in list(), r in list(), d in opt(),
    ) {
        let req = MemberInviteRequest { email, first_name, last_name, permission_codes: p, role_codes: r, description: d };
        if let Err(e) = req.parse(&OrgRules::default()) {
            prop_assert!(fields_ok(&e, &["email", "firstName", "lastName", "permissionCodes", "roleCodes", "description"]));
        }
    }

    #[test]
    fn add_groups_parse_is_total(email in opt(), cu in opt(), groups in list(), org in org()) {
        let req = AddGroupsRequest { email, cu_ref_no: cu, groups };
        match req.parse(&org) {
            Ok(v) => prop_assert!(!v.groups.is_empty()),
            Err(e) => prop_assert!(fields_ok(&e, &["email", "cuRefNo", "groups"])),
        }
    }

    #[test]
    fn update_profile_parse_is_total(
        a in proptest::collection::vec(opt(), 17), groups in list(),
        newsletter in proptest::option::of(any::<bool>()), org in org(),
    ) {
        let mut f = a.into_iter();
        let mut n = || f.next().flatten();
        let req = UpdateProfileRequest {
            email: n(), name: n(), first_name: n(), last_name: n(), phone: n(), company_name: n(),
            company_registration_number: n(), tax_identification_number: n(), street_address: n(),
            city: n(), city_part: n(), state_region: n(), postal_code: n(), country: n(),
            newsletter, primary_locale: n(), groups, customer_real_ip: n(), referral_id: n(),
        };
        if let Ok(v) = req.parse(&org) {
            // The normal form is stable.
            let back = UpdateProfileRequest::from(&v);
            prop_assert_eq!(back.parse(&org).ok(), Some(v));
        }
    }

    #[test]
    fn org_contact_parse_is_total(
        a in proptest::collection::vec(opt(), 12), t in proptest::option::of(any::<u32>()),
        c in proptest::option::of(0u32..1000), id in any::<bool>(), org in org(),
    ) {
        let mut f = a.into_iter();
        let mut n = || f.next().flatten();
        let req = OrgContactCreateRequest {
            contact_type: Some(IdRef { id: t }), name: n(), title: n(), department: n(), street: n(),
            zipcode: n(), city: n(), country: Some(IdRef { id: c }), email: n(), phone: n(), mobile: n(),
            state: n(), secondary_address: n(), purchase_order_number: n(),
            id: id.then_some(Present), organisation_id: None,
        };
        match req.parse(&org) {
            Ok(v) => {
                prop_assert!(!id);
                prop_assert!(v.purchase_order_number.is_none() || v.contact_type == ContactType::Invoice);
            }
            Err(e) => prop_assert_eq!(status_for(&e) == 400, id),
        }
    }

    #[test]
    fn authenticate_parse_is_total(email in opt(), password in opt()) {
        let _ = AuthenticateRequest { email, password }.parse(&OrgRules::default());
    }

    #[test]
    fn raw_json_bodies_never_panic(s in "\\PC{0,80}") {
        // Whatever arrives, deserialising either fails cleanly or gives a request to parse.
        let org = OrgRules::default();
        if let Ok(r) = serde_json::from_str::<ContactCreateRequest>(&s) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<UpdateProfileRequest>(&s) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<OrgContactCreateRequest>(&s) { let _ = r.parse(&org); }
        let _ = serde_json::from_str::<Problem>(&s);
    }
}

/// Any JSON value, a few levels deep: what a hostile or broken client may send in a field.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,6}|id|slug|name|color", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A JSON object with some of the request fields of every form (and a few unknown ones), each
/// holding any JSON value: unlike raw text, these reach each request's field deserialisers.
fn json_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &[
        "email",
        "phone",
        "firstName",
        "lastName",
        "companyRegistrationNumber",
        "sendRegistrationInvite",
        "ignoreBulkMail",
        "groupList",
        "permissionCodes",
        "roleCodes",
        "description",
        "cuRefNo",
        "groups",
        "name",
        "newsletter",
        "customerRealIp",
        "referralId",
        "type",
        "country",
        "purchase_order_number",
        "id",
        "organisation_id",
        "password",
        "unknown",
    ];
    proptest::collection::btree_map(proptest::sample::select(KEYS), json_value(), 0..8).prop_map(
        |m| {
            serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
                .to_string()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Every request type, from any JSON object: deserialising fails cleanly or gives a request
    /// whose `parse` answers with a value or field errors — the server's path for every body.
    #[test]
    fn json_shaped_bodies_of_every_request_never_panic(body in json_body(), org in org()) {
        if let Ok(r) = serde_json::from_str::<ContactCreateRequest>(&body) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<MemberInviteRequest>(&body) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<AddGroupsRequest>(&body) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<UpdateProfileRequest>(&body) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<OrgContactCreateRequest>(&body) { let _ = r.parse(&org); }
        if let Ok(r) = serde_json::from_str::<AuthenticateRequest>(&body) { let _ = r.parse(&org); }
        let _ = serde_json::from_str::<Problem>(&body);
    }
}
