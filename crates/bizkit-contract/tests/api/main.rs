//! Request parsers (every violation at once, cross-field rules) and the wire shapes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod answers;
mod contact;
mod profile;

use bizkit_contract::*;
use serde_json::{Value, json};

fn errors_of<T: core::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(String, ErrorCode)> {
    let mut v: Vec<(String, ErrorCode)> = r
        .expect_err("should fail")
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect();
    v.sort();
    v
}

/// Asserts that parsing failed with exactly these field errors, in any order.
#[track_caller]
fn fails<T: core::fmt::Debug>(r: Result<T, Vec<FieldError>>, expected: &[(&str, ErrorCode)]) {
    let mut expected: Vec<(String, ErrorCode)> =
        expected.iter().map(|&(f, c)| (f.to_owned(), c)).collect();
    expected.sort();
    assert_eq!(errors_of(r), expected);
}

fn body<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

/// A request body the tests parse with an organisation's rules.
trait Request: serde::de::DeserializeOwned {
    type Valid: core::fmt::Debug;
    fn parse_with(&self, org: &OrgRules) -> Result<Self::Valid, Vec<FieldError>>;
}

/// Each request type's own `parse`, behind [`Request`].
macro_rules! requests {
    ($($request:ty => $valid:ty),* $(,)?) => {$(
        impl Request for $request {
            type Valid = $valid;
            fn parse_with(&self, org: &OrgRules) -> Result<$valid, Vec<FieldError>> {
                self.parse(org)
            }
        }
    )*};
}

requests! {
    AddGroupsRequest => ValidAddGroups,
    AuthenticateRequest => ValidAuthenticate,
    ContactCreateRequest => ValidContactCreate,
    MemberInviteRequest => ValidMemberInvite,
    OrgContactCreateRequest => ValidOrgContactCreate,
    UpdateProfileRequest => ValidUpdateProfile,
}

/// Asserts that this body, read as `R` and parsed with the default organisation's rules, fails
/// with exactly these field errors, in any order.
#[track_caller]
fn rejects<R: Request>(v: Value, expected: &[(&str, ErrorCode)]) {
    let r: R = body(v);
    fails(r.parse_with(&OrgRules::default()), expected);
}
