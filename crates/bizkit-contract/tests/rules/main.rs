//! Table tests for every field rule: real valid values, real mistakes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod contact;
mod ids;
mod text;

use bizkit_contract::*;

/// Checks `ok` cases parse to the expected normal form (which parses to itself), and each of the
/// `bad` inputs gives the code listed with it.
fn table<T: core::fmt::Debug + PartialEq + core::fmt::Display>(
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
    ok: &[(&str, &str)],
    bad: &[(ErrorCode, &[&str])],
) {
    for (input, normal) in ok {
        let v = parse(input).unwrap_or_else(|e| panic!("{input:?} should be valid, got {e}"));
        assert_eq!(v.to_string(), *normal, "normal form of {input:?}");
        let again = parse(normal).unwrap_or_else(|e| panic!("normal form {normal:?} refused: {e}"));
        assert_eq!(again, v, "normal form {normal:?} must parse to itself");
    }
    for (code, inputs) in bad {
        for input in *inputs {
            assert_eq!(parse(input).err(), Some(*code), "{input:?}");
        }
    }
}
