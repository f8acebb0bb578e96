//! Slugs, colours, names, free text, keys, client addresses, contact types, and the newtypes on the wire.

use super::*;

#[test]
fn slug_contract_examples() {
    let cases = [
        ("příliš žluťoučký kůň", "prilis-zlutoucky-kun"),
        (
            "Příliš žluťoučký kůň úpěl ďábelské ódy",
            "prilis-zlutoucky-kun-upel-dabelske-ody",
        ),
        ("Joolz Aer+", "joolz-aer-plus"),
        ("joolz aer +", "joolz-aer-plus"),
        ("Joolz-Aer-Plus", "joolz-aer-plus"),
        ("Project review Q1 & Q2", "project-review-q1-and-q2"),
        ("Project review Q1&Q2", "project-review-q1-and-q2"),
        ("personal-training", "personal-training"),
        ("  --Hello,   World!!--  ", "hello-world"),
        ("C++", "c-plus-plus"),
        ("R&D", "r-and-d"),
        ("Straße", "strasse"),
        ("Ærøskøbing Åland", "aeroskobing-aland"),
        ("Łódź", "lodz"),
        ("Crème brûlée", "creme-brulee"),
        ("Ťažký Ľadový Ôsmy", "tazky-ladovy-osmy"),
        ("Árvíztűrő tükörfúrógép", "arvizturo-tukorfurogep"),
        ("Şişli İstanbul", "sisli-istanbul"),
        ("e\u{301}cole", "ecole"),
        ("100 %", "100"),
        ("VIP 2026", "vip-2026"),
        ("Москва shop", "shop"),
        ("😀 fans", "fans"),
        ("", ""),
        ("---", ""),
        ("!!!", ""),
    ];
    for (input, slug) in cases {
        assert_eq!(to_slug(input), slug, "{input:?}");
        assert_eq!(to_slug(slug), slug, "idempotent for {slug:?}");
    }
    let long = "abc ".repeat(40);
    let s = to_slug(&long);
    assert!(s.len() <= 64);
    assert!(!s.ends_with('-'));
    assert_eq!(s, "abc-".repeat(16).trim_end_matches('-'));
    let cut_at_dash = format!("{}-{}", "a".repeat(63), "b".repeat(10));
    assert_eq!(to_slug(&cut_at_dash), "a".repeat(63));
}

#[test]
fn group_slug() {
    table(
        GroupSlug::parse,
        &[
            ("VIP", "vip"),
            ("Joolz Aer+", "joolz-aer-plus"),
            ("personal-training", "personal-training"),
        ],
        &[(ErrorCode::GroupSlugEmpty, &["", "   ", "!!!", "Москва"])],
    );
}

#[test]
fn color() {
    table(
        Color::parse,
        &[
            ("#1A73E8", "#1a73e8"),
            ("#ffffff", "#ffffff"),
            (" 00aa00 ", "#00aa00"),
        ],
        &[
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::ColorInvalid,
                &[
                    "#fff",
                    "#1a73e",
                    "#1a73e8f",
                    "#gggggg",
                    "red",
                    "##1a73e8",
                    "rgb(0,0,0)",
                ],
            ),
        ],
    );
}

#[test]
fn person_name() {
    let max = "ž".repeat(128);
    let too_long = "ž".repeat(129);
    // Decomposed letters (base + combining caron) count once.
    let decomposed = "z\u{30C}".repeat(128);
    table(
        PersonName::parse,
        &[
            ("Jan", "Jan"),
            ("  Jan   Barášek ", "Jan Barášek"),
            ("Jan\tBarášek", "Jan Barášek"),
            ("Mary-Jane\nO'Neil", "Mary-Jane O'Neil"),
            ("李小龍", "李小龍"),
            ("👩‍👩‍👧", "👩‍👩‍👧"),
            (&max, &max),
            (&decomposed, &decomposed),
            ("Jan\u{85}", "Jan"),
        ],
        &[
            (ErrorCode::Required, &["", " \n\t "]),
            (
                ErrorCode::TextControlCharacters,
                &[
                    "Jan\u{0}",
                    "Jan\u{7}Novák",
                    "Jan\u{1b}[31m",
                    "Jan\u{202E}kávoN",
                ],
            ),
            (ErrorCode::NameTooLong, &[&too_long]),
        ],
    );
}

#[test]
fn free_text() {
    let p = |s: &str| FreeText::parse(s, 20);
    table(
        p,
        &[
            ("hello", "hello"),
            ("  line 1\r\nline 2  ", "line 1\nline 2"),
            ("a\rb", "a\nb"),
            ("\n\nx\n\n", "x"),
            ("Žluťoučký kůň", "Žluťoučký kůň"),
        ],
        &[
            (ErrorCode::Required, &["", "\r\n"]),
            (
                ErrorCode::TextControlCharacters,
                &["a\tb", "a\u{0}b", "a\u{7f}b", "a\u{2066}b"],
            ),
            (ErrorCode::TextTooLong, &["123456789012345678901"]),
        ],
    );
    assert_eq!(
        FreeText::parse("ž".repeat(20).as_str(), 20)
            .unwrap()
            .as_str()
            .chars()
            .count(),
        20
    );
    let l = |s: &str| FreeText::parse_line(s, 20);
    table(
        l,
        &[
            ("  R. Novotného   1505 ", "R. Novotného 1505"),
            ("a\nb\tc", "a b c"),
        ],
        &[
            (ErrorCode::TextControlCharacters, &["a\u{1}b"]),
            (ErrorCode::TextTooLong, &["x".repeat(21).as_str()]),
        ],
    );
}

#[test]
fn purchase_order_number() {
    let fifty = "P".repeat(50);
    table(
        PurchaseOrderNumber::parse,
        &[(" PO-2026/0042 ", "PO-2026/0042"), (&fifty, &fifty)],
        &[
            (ErrorCode::Required, &[""]),
            (ErrorCode::PurchaseOrderNumberTooLong, &[&"P".repeat(51)]),
            (ErrorCode::TextControlCharacters, &["PO\u{0}1"]),
        ],
    );
}

#[test]
fn api_key() {
    let prod = "PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE";
    let dev = "DEV_abcdefghijklmnopqrstuvwxyz12";
    let root = "ROOT0123456789012345678901234567";
    table(
        ApiKey::parse,
        &[
            (prod, prod),
            (dev, dev),
            (root, root),
            (" PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE\n", prod),
        ],
        &[
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::ApiKeyMalformed,
                &[
                    "PRODPGrFxpGEtrOZfuWhnoJohUYBXuO",
                    "PRODPGrFxpGEtrOZfuWhnoJohUYBXuOEx",
                    "TESTPGrFxpGEtrOZfuWhnoJohUYBXuOE",
                    "prodPGrFxpGEtrOZfuWhnoJohUYBXuOE",
                    "DEV_abcdefghijklmnopqrstuvwxyz_2",
                    "PRODPGrFxpGEtrOZfuWhnoJohUYBXuOé",
                    "DEV-abcdefghijklmnopqrstuvwxyz12",
                ],
            ),
        ],
    );
    assert_eq!(ApiKey::parse(prod).unwrap().kind(), ApiKeyKind::Production);
    assert_eq!(ApiKey::parse(dev).unwrap().kind(), ApiKeyKind::Developer);
    assert_eq!(ApiKey::parse(root).unwrap().kind(), ApiKeyKind::Root);
    // Debug must not leak the key into logs.
    assert!(!format!("{:?}", ApiKey::parse(prod).unwrap()).contains("PGrFxp"));
}

#[test]
fn client_ip() {
    table(
        ClientIp::parse,
        &[
            ("1.1.1.1", "1.1.1.1"),
            (" 192.0.2.33 ", "192.0.2.33"),
            ("", "127.0.0.1"),
            ("   ", "127.0.0.1"),
            ("localhost", "127.0.0.1"),
            ("LocalHost", "127.0.0.1"),
            ("::1", "127.0.0.1"),
            ("0:0:0:0:0:0:0:1", "127.0.0.1"),
            ("0.0.0.0", "127.0.0.1"),
            ("::", "127.0.0.1"),
            ("127.0.0.1", "127.0.0.1"),
            ("2001:4860:4860::8888", "2001:4860:4860::8888"),
            (
                "2001:4860:4860:0000:0000:0000:0000:8888",
                "2001:4860:4860::8888",
            ),
            ("2001:DB8::A", "2001:db8::a"),
            ("[2001:db8::1]", "2001:db8::1"),
            ("::ffff:192.0.2.1", "192.0.2.1"),
            ("fe80::1", "fe80::1"),
        ],
        &[(
            ErrorCode::IpInvalid,
            &[
                "1.1.1",
                "256.1.1.1",
                "01.1.1.1",
                "1.1.1.1:80",
                "fe80::1%eth0",
                "2001:db8:::1",
                "example.com",
                "1.1.1.1 2.2.2.2",
            ],
        )],
    );
    assert!(ClientIp::parse("2001:db8::1").unwrap().ip().is_ipv6());
}

#[test]
fn contact_type() {
    for (id, name) in [
        (1, "primary"),
        (2, "technical"),
        (3, "billing"),
        (4, "abuse"),
        (5, "legal"),
        (6, "invoice"),
    ] {
        let t = ContactType::from_id(id).unwrap();
        assert_eq!(t.id(), id);
        assert_eq!(t.as_str(), name);
        assert_eq!(ContactType::parse(name).unwrap(), t);
        assert_eq!(ContactType::parse(&id.to_string()).unwrap(), t);
        assert_eq!(ContactType::parse(&name.to_uppercase()).unwrap(), t);
        assert!(!t.name(Lang::Cs).is_empty() && !t.name(Lang::En).is_empty());
        assert_eq!(t.allows_purchase_order_number(), id == 6);
    }
    assert_eq!(ContactType::all().len(), 6);
    assert_eq!(ContactType::from_id(0), Err(ErrorCode::ContactTypeUnknown));
    assert_eq!(ContactType::from_id(7), Err(ErrorCode::ContactTypeUnknown));
    assert_eq!(
        ContactType::parse("ceo"),
        Err(ErrorCode::ContactTypeUnknown)
    );
    assert_eq!(ContactType::parse("-1"), Err(ErrorCode::ContactTypeUnknown));
    assert_eq!(ContactType::parse(""), Err(ErrorCode::Required));
}

#[test]
fn newtypes_serialize_as_normal_form_and_deserialize_through_parse() {
    let e = Email::parse(" Jan@PŘÍKLAD.cz ").unwrap();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        "\"Jan@xn--pklad-zsa96e.cz\""
    );
    let back: Email = serde_json::from_str("\"Jan@xn--pklad-zsa96e.cz\"").unwrap();
    assert_eq!(back, e);
    assert!(serde_json::from_str::<Email>("\"nope\"").is_err());
    let c: Country = serde_json::from_str("\"cz\"").unwrap();
    assert_eq!(serde_json::to_string(&c).unwrap(), "\"CZ\"");
    let p: Phone = serde_json::from_str("\"+420 777123456\"").unwrap();
    assert_eq!(p.as_str(), "+420 777123456");
    assert_eq!(
        serde_json::to_string(&ContactType::Invoice).unwrap(),
        "\"invoice\""
    );
    let ico: Ico = "5103118".parse().unwrap();
    assert_eq!(ico.as_str(), "05103118");
}
