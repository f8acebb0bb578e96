//! One description per call: method, path, request and answer. The app's client sends through these, the
//! server mounts its routes at these paths and documents them in OpenAPI under the same paths, so the three
//! cannot drift apart: a path typed wrong does not compile, and a test checks that every endpoint is both
//! routed and documented.
//!
//! Each endpoint is defined in its call's module under `api`, next to its request and answer;
//! `build.rs` lists them, and the list re-exports them here and makes [`ALL`] of the same names, so
//! it is never written or counted by hand.

pub use crate::call::{AnyEndpoint, Endpoint, Method, NoBody};

/// Re-exports every call's endpoint and lists them all, with [`OPENAPI`], in [`ALL`].
macro_rules! every_call {
    ($($module:ident::$name:ident),* $(,)?) => {
        $(pub use crate::api::$module::$name;)*

        /// Every call, for the server's check that each is routed and documented.
        pub const ALL: [AnyEndpoint; [$(stringify!($name)),*].len() + 1] =
            [$($name.erased(),)* OPENAPI];
    };
}

// `every_call! { module::NAME, … }` of every endpoint of every call module, made by `build.rs`
// (modules by name, endpoints in file order; nothing depends on that order).
include!(concat!(env!("OUT_DIR"), "/every_call.rs"));

/// The OpenAPI description: a call the app never makes, but schemathesis and readers do. Its answer is
/// the server's document, no contract type, hence no typed [`Endpoint`].
pub const OPENAPI: AnyEndpoint = AnyEndpoint {
    method: Method::Get,
    path: "/openapi.json",
    idempotent: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_fill_in_order_and_are_one_segment_each() {
        assert_eq!(
            ORG_CONTACT_GET.path_with(&["7", "a/b c"]),
            "/api/v1/organizations/7/contacts/a%2Fb%20c"
        );
        assert_eq!(CONTACT_GET.path_with(&["42"]), "/bff/contact/42");
        assert_eq!(ARES_LOOKUP.path_with(&["ř"]), "/api/v1/ares/%C5%99");
    }

    /// The app's client fills paths through the erased endpoint (one copy for every answer type):
    /// it must be the very same path.
    #[test]
    fn the_erased_endpoint_fills_the_same_path() {
        let cases: [(AnyEndpoint, String, &[&str]); 4] = [
            (
                ORG_CONTACT_GET.erased(),
                ORG_CONTACT_GET.path_with(&["7", "a/b c"]),
                &["7", "a/b c"],
            ),
            (
                ORG_CONTACT_GET.erased(),
                ORG_CONTACT_GET.path_with(&["7"]),
                &["7"],
            ),
            (ARES_LOOKUP.erased(), ARES_LOOKUP.path_with(&["ř"]), &["ř"]),
            (CONTACT_CREATE.erased(), CONTACT_CREATE.path_with(&[]), &[]),
        ];
        for (erased, typed, params) in cases {
            assert_eq!(erased.path_with(params), typed);
        }
        assert_eq!(
            ORG_CONTACT_GET.erased().path_with(&["7", "x"]),
            "/api/v1/organizations/7/contacts/x"
        );
    }

    #[test]
    fn a_missing_parameter_leaves_an_empty_segment() {
        assert_eq!(
            ORG_CONTACT_GET.path_with(&["7"]),
            "/api/v1/organizations/7/contacts/"
        );
    }

    #[test]
    fn a_path_without_parameters_is_itself() {
        assert_eq!(CONTACT_CREATE.path_with(&[]), "/bff/contact/create");
        assert_eq!(format!("{CONTACT_CREATE:?}"), "POST /bff/contact/create");
    }

    #[test]
    fn every_post_is_idempotent_and_nothing_else() {
        for e in ALL {
            assert_eq!(e.idempotent, e.method == Method::Post, "{}", e.path);
        }
    }

    #[test]
    fn no_two_endpoints_share_a_method_and_path() {
        let mut seen = std::collections::HashSet::new();
        for e in ALL {
            assert!(
                seen.insert((e.method, e.path)),
                "{} {}",
                e.method.as_str(),
                e.path
            );
        }
    }
}
