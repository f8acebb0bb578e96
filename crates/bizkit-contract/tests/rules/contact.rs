//! E-mail addresses and phone numbers.

use super::*;

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
            (ErrorCode::Required, &["", "   "]),
            (
                ErrorCode::EmailInvalid,
                &[
                    "jan",
                    "jan@",
                    "@example.com",
                    "jan@@example.com",
                    "jan@exam@ple.com",
                    "jan@example..com",
                    "jan@.example.com",
                    "jan@example.com.",
                    "jan@-example.com",
                    "jan@example-.com",
                    "jan@ex_ample.com",
                    "jan novak@example.com",
                    "jan@exa mple.com",
                    "jaň@example.com",
                    "\"jan\"@example.com",
                    "jan@[127.0.0.1]",
                    "jan@exa😀mple.com",
                    "jan(comment)@example.com",
                    &bad64,
                ],
            ),
            (ErrorCode::EmailTooLong, &[&way_too_long]),
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
            (ErrorCode::Required, &[""]),
            (
                ErrorCode::PhoneTooShort,
                &[
                    "77712345",
                    "+420 777 12",
                    "+421 0905 123 45",
                    "+42",
                    "+",
                    "00",
                    "+971 123",
                ],
            ),
            (
                ErrorCode::PhoneTooLong,
                &[
                    "7771234567",
                    "+420 777 123 4567",
                    "+1 212 555 01234",
                    "+971 1234567890123",
                    &"1".repeat(40),
                ],
            ),
            (
                ErrorCode::PhoneUnknownPrefix,
                &["+999 123456", "+281 234567", "+0 123 456"],
            ),
            (
                ErrorCode::PhoneInvalidCharacters,
                &[
                    "777 123 abc",
                    "+420 777 123 456 ext 12",
                    "777+123456",
                    "++420777123456",
                    "٧٧٧١٢٣٤٥٦",
                    "777_123_456",
                ],
            ),
        ],
    );
}

#[test]
fn phone_default_prefixes() {
    for (input, prefix, normal) in [
        ("0905 123 456", "+421", "+421 905123456"),
        ("07911 123456", "+44", "+44 7911123456"),
        ("0151 23456789", "0049", "+49 15123456789"),
        ("777123456", "420", "+420 777123456"),
        // An explicit prefix wins over the organisation's.
        ("+420777123456", "+421", "+420 777123456"),
    ] {
        assert_eq!(
            Phone::parse(input, prefix).unwrap().as_str(),
            normal,
            "{input:?} at {prefix:?}"
        );
    }
    for prefix in ["+999", ""] {
        assert_eq!(
            Phone::parse("777123456", prefix),
            Err(ErrorCode::PhoneUnknownPrefix)
        );
    }
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
