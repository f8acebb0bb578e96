//! Table tests for every field rule: real valid values, real mistakes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::*;

/// Checks `ok` cases parse to the expected normal form (which parses to itself), and `bad` cases
/// give the expected code.
fn table<T: core::fmt::Debug + PartialEq + core::fmt::Display>(
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
    ok: &[(&str, &str)],
    bad: &[(&str, ErrorCode)],
) {
    for (input, normal) in ok {
        let v = parse(input).unwrap_or_else(|e| panic!("{input:?} should be valid, got {e}"));
        assert_eq!(v.to_string(), *normal, "normal form of {input:?}");
        let again = parse(normal).unwrap_or_else(|e| panic!("normal form {normal:?} refused: {e}"));
        assert_eq!(again, v, "normal form {normal:?} must parse to itself");
    }
    for (input, code) in bad {
        assert_eq!(parse(input).err(), Some(*code), "{input:?}");
    }
}

#[test]
fn email() {
    let long_local = "a".repeat(241);
    let too_long = format!("{long_local}@example.com"); // 253 chars: fine
    let way_too_long = format!("{long_local}xx@example.com"); // 255
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    let ok63 = format!("x@{label63}.cz");
    let bad64 = format!("x@{label64}.cz");
    table(
        Email::parse,
        &[
            ("jan@barasek.com", "jan@barasek.com"),
            ("  Jan.Novak+tag@Example.COM ", "Jan.Novak+tag@example.com"),
            ("jan@příklad.cz", "jan@xn--pklad-zsa96e.cz"),
            ("jan@PŘÍKLAD.CZ", "jan@xn--pklad-zsa96e.cz"),
            ("x@BÜCHER.de", "x@xn--bcher-kva.de"),
            ("jan@münchen。de", "jan@xn--mnchen-3ya.de"),
            ("jan@\u{212A}afe.cz", "jan@kafe.cz"),
            ("user@xn--bcher-kva.de", "user@xn--bcher-kva.de"),
            ("o'brien@example.ie", "o'brien@example.ie"),
            (
                "a!#$%&'*+/=?^_`{|}~-@example.com",
                "a!#$%&'*+/=?^_`{|}~-@example.com",
            ),
            (
                "first.last@sub.domain-with-dash.example",
                "first.last@sub.domain-with-dash.example",
            ),
            ("a@b", "a@b"),
            ("..@example.com", "..@example.com"),
            (&too_long, &too_long),
            (&ok63, &ok63),
        ],
        &[
            ("", ErrorCode::Required),
            ("   ", ErrorCode::Required),
            ("jan", ErrorCode::EmailInvalid),
            ("jan@", ErrorCode::EmailInvalid),
            ("@example.com", ErrorCode::EmailInvalid),
            ("jan@@example.com", ErrorCode::EmailInvalid),
            ("jan@exam@ple.com", ErrorCode::EmailInvalid),
            ("jan@example..com", ErrorCode::EmailInvalid),
            ("jan@.example.com", ErrorCode::EmailInvalid),
            ("jan@example.com.", ErrorCode::EmailInvalid),
            ("jan@-example.com", ErrorCode::EmailInvalid),
            ("jan@example-.com", ErrorCode::EmailInvalid),
            ("jan@ex_ample.com", ErrorCode::EmailInvalid),
            ("jan novak@example.com", ErrorCode::EmailInvalid),
            ("jan@exa mple.com", ErrorCode::EmailInvalid),
            ("jaň@example.com", ErrorCode::EmailInvalid),
            ("\"jan\"@example.com", ErrorCode::EmailInvalid),
            ("jan@[127.0.0.1]", ErrorCode::EmailInvalid),
            ("jan@exa😀mple.com", ErrorCode::EmailInvalid),
            ("jan(comment)@example.com", ErrorCode::EmailInvalid),
            (&bad64, ErrorCode::EmailInvalid),
            (&way_too_long, ErrorCode::EmailTooLong),
        ],
    );
}

#[test]
fn email_uniqueness_key_and_parts() {
    let e = Email::parse("Jan.Novak+Tag@Příklad.CZ").unwrap();
    assert_eq!(e.as_str(), "Jan.Novak+Tag@xn--pklad-zsa96e.cz");
    assert_eq!(e.uniqueness_key(), "jan.novak+tag@xn--pklad-zsa96e.cz");
    assert_eq!(e.local_part(), "Jan.Novak+Tag");
    assert_eq!(e.domain(), "xn--pklad-zsa96e.cz");
    // The local part is never rewritten: these are different addresses.
    assert_ne!(
        Email::parse("jan.novak@gmail.com").unwrap(),
        Email::parse("jannovak@gmail.com").unwrap()
    );
}

#[test]
fn phone() {
    let p = |s: &str| Phone::parse(s, "+420");
    table(
        p,
        &[
            ("+420 777 123 456", "+420 777123456"),
            ("+420777123456", "+420 777123456"),
            ("777123456", "+420 777123456"),
            ("777 123 456", "+420 777123456"),
            ("  777-123-456 ", "+420 777123456"),
            ("00420777123456", "+420 777123456"),
            ("00420 777 123 456", "+420 777123456"),
            ("+420-777-123-456", "+420 777123456"),
            ("(+420) 777.123.456", "+420 777123456"),
            ("+420/777123456", "+420 777123456"),
            ("420 777 123 456", "+420 777123456"),
            ("+420\u{a0}777\u{a0}123\u{a0}456", "+420 777123456"),
            ("+421 905 123 456", "+421 905123456"),
            ("+421 0905 123 456", "+421 905123456"),
            ("+421 2 1234 5678", "+421 212345678"),
            ("+44 07911 123456", "+44 7911123456"),
            ("+44 (0)20 7946 0958", "+44 2079460958"),
            ("0044 20 7946 0958", "+44 2079460958"),
            ("+49 0151 23456789", "+49 15123456789"),
            ("+49 30 1234567", "+49 301234567"),
            ("+1 (212) 555-0123", "+1 2125550123"),
            ("+48 512 345 678", "+48 512345678"),
            ("+43 664 1234567", "+43 6641234567"),
            ("+36 30 123 4567", "+36 301234567"),
            ("+39 06 1234 5678", "+39 0612345678"),
            ("+33 6 12 34 56 78", "+33 612345678"),
            ("+353 87 123 4567", "+353 871234567"),
            ("+380 67 123 4567", "+380 671234567"),
            ("+86 138 0013 8000", "+86 13800138000"),
            ("+971 50 123 4567", "+971 501234567"),
            ("[+420] 777 123 456", "+420 777123456"),
        ],
        &[
            ("", ErrorCode::Required),
            ("77712345", ErrorCode::PhoneTooShort),
            ("7771234567", ErrorCode::PhoneTooLong),
            ("+420 777 12", ErrorCode::PhoneTooShort),
            ("+420 777 123 4567", ErrorCode::PhoneTooLong),
            ("+421 0905 123 45", ErrorCode::PhoneTooShort),
            ("+1 212 555 01234", ErrorCode::PhoneTooLong),
            ("+42", ErrorCode::PhoneTooShort),
            ("+", ErrorCode::PhoneTooShort),
            ("00", ErrorCode::PhoneTooShort),
            ("+999 123456", ErrorCode::PhoneUnknownPrefix),
            ("+281 234567", ErrorCode::PhoneUnknownPrefix),
            ("+0 123 456", ErrorCode::PhoneUnknownPrefix),
            ("+971 123", ErrorCode::PhoneTooShort),
            ("+971 1234567890123", ErrorCode::PhoneTooLong),
            ("777 123 abc", ErrorCode::PhoneInvalidCharacters),
            ("+420 777 123 456 ext 12", ErrorCode::PhoneInvalidCharacters),
            ("777+123456", ErrorCode::PhoneInvalidCharacters),
            ("++420777123456", ErrorCode::PhoneInvalidCharacters),
            ("٧٧٧١٢٣٤٥٦", ErrorCode::PhoneInvalidCharacters),
            ("777_123_456", ErrorCode::PhoneInvalidCharacters),
            (&"1".repeat(40), ErrorCode::PhoneTooLong),
        ],
    );
}

#[test]
fn phone_default_prefixes() {
    assert_eq!(
        Phone::parse("0905 123 456", "+421").unwrap().as_str(),
        "+421 905123456"
    );
    assert_eq!(
        Phone::parse("07911 123456", "+44").unwrap().as_str(),
        "+44 7911123456"
    );
    assert_eq!(
        Phone::parse("0151 23456789", "0049").unwrap().as_str(),
        "+49 15123456789"
    );
    assert_eq!(
        Phone::parse("777123456", "420").unwrap().as_str(),
        "+420 777123456"
    );
    // An explicit prefix wins over the organisation's.
    assert_eq!(
        Phone::parse("+420777123456", "+421").unwrap().as_str(),
        "+420 777123456"
    );
    assert_eq!(
        Phone::parse("777123456", "+999"),
        Err(ErrorCode::PhoneUnknownPrefix)
    );
    assert_eq!(
        Phone::parse("777123456", ""),
        Err(ErrorCode::PhoneUnknownPrefix)
    );
    let p = Phone::parse("+420 777 123 456", "+420").unwrap();
    assert_eq!(p.calling_code(), "420");
    assert_eq!(p.subscriber(), "777123456");
    assert_eq!(p.e164(), "+420777123456");
}

#[test]
fn calling_codes_are_sorted_and_prefix_free() {
    let codes = calling_codes();
    assert!(
        codes.windows(2).all(|w| w[0] < w[1]),
        "sorted, no duplicates"
    );
    for a in codes {
        for b in codes {
            if a != b {
                assert!(
                    !b.to_string().starts_with(&a.to_string()),
                    "{a} is a prefix of {b}"
                );
            }
        }
    }
    for c in [1, 7, 44, 49, 420, 421, 423, 886, 998] {
        assert!(codes.contains(&c), "{c}");
    }
}

#[test]
fn ico() {
    table(
        Ico::parse,
        &[
            ("05103118", "05103118"), // BizKitHub
            ("27082440", "27082440"), // Alza.cz
            ("45274649", "45274649"), // ČEZ
            ("00216305", "00216305"), // Masaryk University
            ("25596641", "25596641"), // Seznam.cz
            ("5103118", "05103118"),
            ("216305", "00216305"),
            (" 051 03 118 ", "05103118"),
            ("6947", "00006947"),
        ],
        &[
            ("", ErrorCode::Required),
            ("05103119", ErrorCode::IcoChecksum),
            ("27082441", ErrorCode::IcoChecksum),
            ("00000000", ErrorCode::IcoChecksum),
            ("123456789", ErrorCode::IcoTooLong),
            ("0510311a", ErrorCode::IcoNotDigits),
            ("-5103118", ErrorCode::IcoNotDigits),
            ("CZ05103118", ErrorCode::IcoNotDigits),
            ("０５１０３１１８", ErrorCode::IcoNotDigits),
        ],
    );
}

#[test]
fn dic() {
    table(
        Dic::parse,
        &[
            ("CZ9609040727", "CZ9609040727"),
            ("cz 960904 0727", "CZ9609040727"),
            ("CZ05103118", "CZ05103118"),
            ("05103118", "CZ05103118"),
            ("CZ 051 03 118", "CZ05103118"),
            ("CZ25596641", "CZ25596641"),
            ("CZ45274649", "CZ45274649"),
            // Persons without a birth number: 9 digits starting with 6.
            ("CZ640903926", "CZ640903926"),
            ("CZ612345670", "CZ612345670"),
            // Birth numbers: women (+50), exhausted series (+20, since 2004), both (+70).
            ("CZ7556031230", "CZ7556031230"),
            ("CZ0453010019", "CZ0453010019"),
            ("CZ0421010007", "CZ0421010007"),
            ("CZ0471010001", "CZ0471010001"),
            ("CZ2062310008", "CZ2062310008"),
            // Leap days.
            ("CZ0852290021", "CZ0852290021"),
            ("CZ0002290013", "CZ0002290013"),
            // Check digit 0 for remainder 10 is covered by the formula; remainder 1:
            ("CZ8501010001", "CZ8501010001"),
            // Nine-digit birth numbers (born before 1954): no check digit.
            ("CZ530101123", "CZ530101123"),
            ("CZ885101123", "CZ885101123"),
        ],
        &[
            ("", ErrorCode::Required),
            ("CZ9609040728", ErrorCode::DicChecksum),
            ("CZ05103119", ErrorCode::DicChecksum),
            ("CZ600000000", ErrorCode::DicChecksum),
            ("CZ640903927", ErrorCode::DicChecksum),
            ("SK2020123456", ErrorCode::DicPrefix),
            ("DE123456789", ErrorCode::DicPrefix),
            ("CZ", ErrorCode::DicLength),
            ("CZ1234567", ErrorCode::DicLength),
            ("CZ12345678901", ErrorCode::DicLength),
            ("CZ0510311X", ErrorCode::DicNotDigits),
            ("CZ-05103118", ErrorCode::DicNotDigits),
            ("+05103118", ErrorCode::DicNotDigits),
            ("CZ0102290012", ErrorCode::DicBirthDate), // 29 Feb 2001
            ("CZ9621010003", ErrorCode::DicBirthDate), // +20 before 2004
            ("CZ9613010000", ErrorCode::DicBirthDate), // month 13
            ("CZ9609310007", ErrorCode::DicBirthDate), // 31 September
            ("CZ9641010005", ErrorCode::DicBirthDate), // month 41
            ("CZ540101123", ErrorCode::DicBirthDate),  // nine digits after 1953
            ("CZ530001123", ErrorCode::DicBirthDate),  // month 0
        ],
    );
    let d = Dic::parse("CZ05103118").unwrap();
    assert_eq!(d.kind(), DicKind::LegalEntity);
    assert_eq!(d.ico().unwrap().as_str(), "05103118");
    assert_eq!(Dic::parse("CZ640903926").unwrap().kind(), DicKind::Special);
    assert_eq!(
        Dic::parse("CZ9609040727").unwrap().kind(),
        DicKind::BirthNumber
    );
}

#[test]
fn postal_code() {
    table(
        PostalCode::parse,
        &[
            ("272 01", "272 01"),
            ("27201", "272 01"),
            (" 110 00 ", "110 00"),
            ("811\u{a0}01", "811 01"),
        ],
        &[
            ("", ErrorCode::Required),
            ("2720", ErrorCode::PostalCodeInvalid),
            ("272011", ErrorCode::PostalCodeInvalid),
            ("27 201", ErrorCode::PostalCodeInvalid),
            ("272  01", ErrorCode::PostalCodeInvalid),
            ("272-01", ErrorCode::PostalCodeInvalid),
            ("27a01", ErrorCode::PostalCodeInvalid),
            ("CZ-27201", ErrorCode::PostalCodeInvalid),
        ],
    );
    let gb = Country::parse("GB").ok();
    assert_eq!(
        PostalCode::parse_for("sw1a  1aa", gb).unwrap().as_str(),
        "SW1A 1AA"
    );
    assert_eq!(
        PostalCode::parse_for("00-950", Country::parse("PL").ok())
            .unwrap()
            .as_str(),
        "00-950"
    );
    assert_eq!(
        PostalCode::parse_for("27201", Country::parse("CZ").ok())
            .unwrap()
            .as_str(),
        "272 01"
    );
    assert_eq!(
        PostalCode::parse_for("811 01", Country::parse("SK").ok())
            .unwrap()
            .as_str(),
        "811 01"
    );
    assert_eq!(
        PostalCode::parse_for("SW1A_1AA", gb),
        Err(ErrorCode::PostalCodeInvalid)
    );
    assert_eq!(
        PostalCode::parse_for("27201", None).unwrap().as_str(),
        "272 01"
    );
}

#[test]
fn country() {
    table(
        Country::parse,
        &[
            ("CZ", "CZ"),
            ("cz", "CZ"),
            (" sk ", "SK"),
            ("De", "DE"),
            ("gb", "GB"),
        ],
        &[
            ("", ErrorCode::Required),
            ("CZE", ErrorCode::CountryUnknown),
            ("XK", ErrorCode::CountryUnknown),
            ("UK", ErrorCode::CountryUnknown),
            ("ZZ", ErrorCode::CountryUnknown),
            ("C", ErrorCode::CountryUnknown),
            ("Č", ErrorCode::CountryUnknown),
            ("ČZ", ErrorCode::CountryUnknown),
        ],
    );
    let cz = Country::parse("CZ").unwrap();
    assert_eq!(cz.numeric(), 203);
    assert_eq!(cz.name_en(), "Czechia");
    assert_eq!(cz.name_cs(), "Česko");
    assert_eq!(cz.name(Lang::Cs), "Česko");
    for (a2, n) in [
        ("SK", 703),
        ("DE", 276),
        ("AT", 40),
        ("PL", 616),
        ("US", 840),
        ("GB", 826),
    ] {
        assert_eq!(Country::parse(a2).unwrap().numeric(), n);
        assert_eq!(Country::from_numeric(n).unwrap().as_str(), a2);
    }
    assert_eq!(Country::from_numeric(0), None);
    assert_eq!(Country::from_numeric(999), None);
}

#[test]
fn country_table_is_complete_and_consistent() {
    let all = countries();
    assert_eq!(all.len(), 249, "officially assigned ISO 3166-1 codes");
    assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "sorted by alpha-2");
    let mut numerics: Vec<u16> = all.iter().map(|c| c.1).collect();
    numerics.sort_unstable();
    numerics.dedup();
    assert_eq!(numerics.len(), all.len(), "numeric codes are unique");
    for (a2, n) in all {
        assert!(
            a2.len() == 2 && a2.bytes().all(|b| b.is_ascii_uppercase()),
            "{a2}"
        );
        assert!(*n > 0 && *n < 1000, "{a2}");
        let c = Country::parse(a2).unwrap();
        assert_eq!(c.numeric(), *n);
        assert_eq!(Country::from_numeric(*n), Some(c));
        // The names sit in a second table (the `names` feature): every row has both.
        assert!(!c.name_en().is_empty() && !c.name_cs().is_empty(), "{a2}");
    }
}

#[test]
fn locale() {
    let offered = ["cs", "en", "sk", "de", "en-GB"];
    table(
        |s| Locale::parse(s, &offered),
        &[
            ("cs", "cs"),
            ("CS", "cs"),
            (" de ", "de"),
            ("en-gb", "en-gb"),
            ("en_GB", "en-gb"),
            ("EN-GB", "en-gb"),
        ],
        &[
            ("", ErrorCode::Required),
            ("fr", ErrorCode::LocaleUnsupported),
            ("cs-CZ", ErrorCode::LocaleUnsupported),
            ("c", ErrorCode::LocaleInvalid),
            ("cs-", ErrorCode::LocaleInvalid),
            ("čs", ErrorCode::LocaleInvalid),
            ("1cs", ErrorCode::LocaleInvalid),
            ("cs cz", ErrorCode::LocaleInvalid),
            ("en-abcdefghi", ErrorCode::LocaleInvalid),
        ],
    );
    assert_eq!(Locale::parse("cs", &[]), Err(ErrorCode::LocaleUnsupported));
}

#[test]
fn cu_ref_no() {
    table(
        CuRefNo::parse,
        &[
            ("1cGIHvFoQDGLAbcA", "1cGIHvFoQDGLAbcA"),
            (" 0123456789abcdef ", "0123456789abcdef"),
        ],
        &[
            ("", ErrorCode::Required),
            ("1cGIHvFoQDGLAbc", ErrorCode::CuRefNoLength),
            ("1cGIHvFoQDGLAbcAB", ErrorCode::CuRefNoLength),
            ("1cGIHvFoQDGLAbc-", ErrorCode::CuRefNoCharacters),
            ("1cGIHvFoQDGLAbcá", ErrorCode::CuRefNoCharacters),
            ("1cGIHvFo QDGLAbcA", ErrorCode::CuRefNoCharacters),
        ],
    );
}

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
        &[
            ("", ErrorCode::GroupSlugEmpty),
            ("   ", ErrorCode::GroupSlugEmpty),
            ("!!!", ErrorCode::GroupSlugEmpty),
            ("Москва", ErrorCode::GroupSlugEmpty),
        ],
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
            ("", ErrorCode::Required),
            ("#fff", ErrorCode::ColorInvalid),
            ("#1a73e", ErrorCode::ColorInvalid),
            ("#1a73e8f", ErrorCode::ColorInvalid),
            ("#gggggg", ErrorCode::ColorInvalid),
            ("red", ErrorCode::ColorInvalid),
            ("##1a73e8", ErrorCode::ColorInvalid),
            ("rgb(0,0,0)", ErrorCode::ColorInvalid),
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
            ("", ErrorCode::Required),
            (" \n\t ", ErrorCode::Required),
            ("Jan\u{0}", ErrorCode::TextControlCharacters),
            ("Jan\u{7}Novák", ErrorCode::TextControlCharacters),
            ("Jan\u{1b}[31m", ErrorCode::TextControlCharacters),
            ("Jan\u{202E}kávoN", ErrorCode::TextControlCharacters),
            (&too_long, ErrorCode::NameTooLong),
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
            ("", ErrorCode::Required),
            ("\r\n", ErrorCode::Required),
            ("a\tb", ErrorCode::TextControlCharacters),
            ("a\u{0}b", ErrorCode::TextControlCharacters),
            ("a\u{7f}b", ErrorCode::TextControlCharacters),
            ("a\u{2066}b", ErrorCode::TextControlCharacters),
            ("123456789012345678901", ErrorCode::TextTooLong),
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
            ("a\u{1}b", ErrorCode::TextControlCharacters),
            ("x".repeat(21).as_str(), ErrorCode::TextTooLong),
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
            ("", ErrorCode::Required),
            (&"P".repeat(51), ErrorCode::PurchaseOrderNumberTooLong),
            ("PO\u{0}1", ErrorCode::TextControlCharacters),
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
            ("", ErrorCode::Required),
            (
                "PRODPGrFxpGEtrOZfuWhnoJohUYBXuO",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "PRODPGrFxpGEtrOZfuWhnoJohUYBXuOEx",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "TESTPGrFxpGEtrOZfuWhnoJohUYBXuOE",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "prodPGrFxpGEtrOZfuWhnoJohUYBXuOE",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "DEV_abcdefghijklmnopqrstuvwxyz_2",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "PRODPGrFxpGEtrOZfuWhnoJohUYBXuOé",
                ErrorCode::ApiKeyMalformed,
            ),
            (
                "DEV-abcdefghijklmnopqrstuvwxyz12",
                ErrorCode::ApiKeyMalformed,
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
        &[
            ("1.1.1", ErrorCode::IpInvalid),
            ("256.1.1.1", ErrorCode::IpInvalid),
            ("01.1.1.1", ErrorCode::IpInvalid),
            ("1.1.1.1:80", ErrorCode::IpInvalid),
            ("fe80::1%eth0", ErrorCode::IpInvalid),
            ("2001:db8:::1", ErrorCode::IpInvalid),
            ("example.com", ErrorCode::IpInvalid),
            ("1.1.1.1 2.2.2.2", ErrorCode::IpInvalid),
        ],
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
