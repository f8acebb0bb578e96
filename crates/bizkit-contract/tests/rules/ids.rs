//! Identifiers and codes: IČO, DIČ, postal codes, countries, locales, customer reference numbers.

use super::*;

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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::IcoChecksum,
                &["05103119", "27082441", "00000000"],
            ),
            (ErrorCode::IcoTooLong, &["123456789"]),
            (
                ErrorCode::IcoNotDigits,
                &["0510311a", "-5103118", "CZ05103118", "０５１０３１１８"],
            ),
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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::DicChecksum,
                &["CZ9609040728", "CZ05103119", "CZ600000000", "CZ640903927"],
            ),
            (ErrorCode::DicPrefix, &["SK2020123456", "DE123456789"]),
            (ErrorCode::DicLength, &["CZ", "CZ1234567", "CZ12345678901"]),
            (
                ErrorCode::DicNotDigits,
                &["CZ0510311X", "CZ-05103118", "+05103118"],
            ),
            (
                ErrorCode::DicBirthDate,
                &[
                    "CZ0102290012", // 29 Feb 2001
                    "CZ9621010003", // +20 before 2004
                    "CZ9613010000", // month 13
                    "CZ9609310007", // 31 September
                    "CZ9641010005", // month 41
                    "CZ540101123",  // nine digits after 1953
                    "CZ530001123",  // month 0
                ],
            ),
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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::PostalCodeInvalid,
                &[
                    "2720", "272011", "27 201", "272  01", "272-01", "27a01", "CZ-27201",
                ],
            ),
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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::CountryUnknown,
                &["CZE", "XK", "UK", "ZZ", "C", "Č", "ČZ"],
            ),
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
            (ErrorCode::Required, &[""]),
            (ErrorCode::LocaleUnsupported, &["fr", "cs-CZ"]),
            (
                ErrorCode::LocaleInvalid,
                &["c", "cs-", "čs", "1cs", "cs cz", "en-abcdefghi"],
            ),
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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::CuRefNoLength,
                &["1cGIHvFoQDGLAbc", "1cGIHvFoQDGLAbcAB"],
            ),
            (
                ErrorCode::CuRefNoCharacters,
                &["1cGIHvFoQDGLAbc-", "1cGIHvFoQDGLAbcá", "1cGIHvFo QDGLAbcA"],
            ),
        ],
    );
}
