//! Properties of what the spreadsheet import adds to the contract: a row's normal form is a fixed
//! point of `parse`, a cell's groups are never blank, and the duplicate key ignores how an e-mail
//! was capitalised or a phone number spaced.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::*;
use proptest::prelude::*;

/// Cells as spreadsheets hold them: anything, or values near each rule.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "\\PC{0,30}",
        "[a-zA-Z0-9.+_-]{1,12}@[a-zA-Z0-9ěščřžýáí.-]{1,16}\\.(cz|CZ|com)",
        "(\\+420 ?|00420 ?)?[0-9]{3} ?[0-9]{3} ?[0-9]{3}",
        "[0-9]{6,9}",
        "[ a-zA-ZěščřžýáíéůúňďťĚŠČŘŽÝÁÍÉŮÚ]{0,20}",
        "[a-zA-Z ěščř&+]{0,10}([,;|\n][a-zA-Z ěščř&+]{0,10}){0,4}",
    ]
}

prop_compose! {
    fn row()(email in cell(), phone in cell(), first in cell(), last in cell(), ico in cell(),
             groups in cell()) -> ContactCreateRequest {
        let opt = |s: String| (!s.is_empty()).then_some(s);
        ContactCreateRequest {
            email: opt(email),
            phone: opt(phone),
            first_name: opt(first),
            last_name: opt(last),
            company_registration_number: opt(ico),
            group_list: groups_from_cell(&groups),
            ..Default::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn normal_form_of_a_row_is_a_fixed_point(req in row()) {
        let org = OrgRules::default();
        if let Ok(valid) = req.parse(&org) {
            let normal = ContactCreateRequest::from(&valid);
            prop_assert_eq!(normal.parse(&org), Ok(valid.clone()));
            // And as JSON, the way the app sends it and the server reads it.
            let wire: ContactCreateRequest =
                serde_json::from_str(&serde_json::to_string(&normal).unwrap()).unwrap();
            prop_assert_eq!(wire.parse(&org), Ok(valid.clone()));
            prop_assert!(valid.duplicate_key().is_some(), "an e-mail or a phone is always there");
        }
    }

    #[test]
    fn groups_of_any_cell_are_trimmed_names(cell in cell()) {
        for g in groups_from_cell(&cell) {
            let name = g.name.unwrap();
            prop_assert!(!name.is_empty());
            prop_assert_eq!(name.trim(), name.as_str());
            prop_assert!(!name.contains(GROUP_SEPARATORS));
            prop_assert!(g.slug.is_none() && g.color.is_none());
        }
    }

    #[test]
    fn joining_and_splitting_groups_round_trips(names in prop::collection::vec("[a-zA-Z0-9ěščř][a-zA-Z0-9ěščř &+]{0,10}[a-zA-Z0-9]", 0..6)) {
        let cell = names.join(", ");
        let back: Vec<String> = groups_from_cell(&cell).into_iter().filter_map(|g| g.name).collect();
        prop_assert_eq!(back, names);
    }

    #[test]
    fn duplicate_key_ignores_case_and_spacing(local in "[a-z0-9.]{1,10}", domain in "[a-z]{1,10}\\.cz", digits in "[1-9][0-9]{8}") {
        let org = OrgRules::default();
        let parse = |email: Option<String>, phone: Option<String>| ContactCreateRequest {
            email, phone, ..Default::default()
        }.parse(&org);
        if let (Ok(a), Ok(b)) = (
            parse(Some(format!("{local}@{domain}")), None),
            parse(Some(format!(" {}@{} ", local.to_uppercase(), domain.to_uppercase())), Some(digits.clone())),
        ) {
            prop_assert_eq!(a.duplicate_key(), b.duplicate_key());
        }
        let spaced = format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..]);
        let (a, b) = (parse(None, Some(digits.clone())).unwrap(), parse(None, Some(spaced)).unwrap());
        prop_assert_eq!(a.duplicate_key(), b.duplicate_key());
        prop_assert_eq!(a.duplicate_key().map(|k| k.0), Some(DuplicateField::Phone));
    }
}
