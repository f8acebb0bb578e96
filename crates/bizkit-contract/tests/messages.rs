//! Every code has its own, real text in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::*;

#[test]
fn every_code_has_czech_and_english_text() {
    for &code in ErrorCode::ALL {
        let cs = message(code, Lang::Cs);
        let en = message(code, Lang::En);
        for (lang, text) in [("cs", cs), ("en", en)] {
            assert!(!text.trim().is_empty(), "{code} {lang}");
            assert_ne!(text, code.as_str(), "{code} {lang}");
            assert!(
                !text.contains(code.as_str()),
                "{code} {lang} repeats the code"
            );
            assert!(
                text.chars().count() >= 12,
                "{code} {lang} too terse: {text}"
            );
            assert!(
                !text.to_lowercase().starts_with("invalid"),
                "{code} {lang}: say what to do"
            );
        }
        assert_ne!(cs, en, "{code}: Czech text is not the English one");
    }
}

#[test]
fn examples_in_messages_are_themselves_valid() {
    // The examples the texts show must pass the rules they illustrate.
    assert!(Email::parse("name@example.com").is_ok());
    assert!(Email::parse("jmeno@example.cz").is_ok());
    assert!(Phone::parse("+420 777 123 456", "+420").is_ok());
    assert!(Ico::parse("05103118").is_ok());
    assert!(Dic::parse("CZ05103118").is_ok());
    assert!(PostalCode::parse("272 01").is_ok());
    assert!(CuRefNo::parse("1cGIHvFoQDGLAbcA").is_ok());
    assert!(Color::parse("#1a73e8").is_ok());
    assert!(ClientIp::parse("192.0.2.1").is_ok());
    assert!(ClientIp::parse("2001:db8::1").is_ok());
}

#[test]
fn lang_from_tag() {
    assert_eq!(Lang::from_tag("cs-CZ,cs;q=0.9,en;q=0.8"), Lang::Cs);
    assert_eq!(Lang::from_tag("sk"), Lang::Cs);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert_eq!(Lang::from_tag("ž"), Lang::En);
    assert_eq!(serde_json::to_string(&Lang::Cs).unwrap(), "\"cs\"");
}
