//! One description per call: method, path, request and answer. The app's client sends through these, the
//! server mounts its routes at these paths and documents them in OpenAPI under the same paths, so the three
//! cannot drift apart: a path typed wrong does not compile, and a test checks that every endpoint is both
//! routed and documented.

use core::marker::PhantomData;

use crate::api::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A call that sends no body (a `GET` or a `DELETE`), or answers nothing worth reading: whatever
/// such an answer holds reads as `NoBody`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoBody;

impl<'de> serde::Deserialize<'de> for NoBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_ignored_any(serde::de::IgnoredAny)?;
        Ok(NoBody)
    }
}

/// A call: its method, its path template (`{name}` marks a parameter, as in axum and OpenAPI), the type of
/// its request body and of its successful answer. `Req` and `Ans` only tie the types to the path; an
/// `Endpoint` holds no data of them.
pub struct Endpoint<Req, Ans> {
    pub method: Method,
    pub path: &'static str,
    /// Whether a retry of this call must carry the same `Idempotency-Key` (every `POST` that creates or
    /// changes something).
    pub idempotent: bool,
    types: PhantomData<fn(Req) -> Ans>,
}

// Derived impls would demand `Req: Clone` and `Ans: Clone`; an endpoint is a pair of constants whatever they are.
impl<Req, Ans> Clone for Endpoint<Req, Ans> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Req, Ans> Copy for Endpoint<Req, Ans> {}

impl<Req, Ans> core::fmt::Debug for Endpoint<Req, Ans> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.method.as_str(), self.path)
    }
}

impl<Req, Ans> Endpoint<Req, Ans> {
    const fn new(method: Method, path: &'static str) -> Self {
        Self {
            method,
            path,
            idempotent: matches!(method, Method::Post),
            types: PhantomData,
        }
    }

    /// The path with its parameters filled in, in the order they appear, each percent-encoded as one
    /// path segment. A missing parameter leaves the segment empty, which no route matches (a 404, not a
    /// call to another resource).
    pub fn path_with(&self, params: &[&str]) -> String {
        // One body for every endpoint: a generic one would be copied into the wasm per answer type.
        fill_path(self.path, params)
    }

    /// This endpoint without its types, for lists of every endpoint.
    pub const fn erased(&self) -> AnyEndpoint {
        AnyEndpoint {
            method: self.method,
            path: self.path,
            idempotent: self.idempotent,
        }
    }
}

impl AnyEndpoint {
    /// The path with its parameters filled in, as [`Endpoint::path_with`] fills it.
    pub fn path_with(&self, params: &[&str]) -> String {
        fill_path(self.path, params)
    }
}

fn fill_path(path: &str, params: &[&str]) -> String {
    let mut out = String::with_capacity(path.len() + 16);
    let mut rest = path;
    let mut params = params.iter();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if let Some(value) = params.next() {
            encode_segment(value, &mut out);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn encode_segment(value: &str, out: &mut String) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// An [`Endpoint`] without its types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AnyEndpoint {
    pub method: Method,
    pub path: &'static str,
    pub idempotent: bool,
}

pub const AUTHENTICATE: Endpoint<AuthenticateRequest, AuthenticateResponse> =
    Endpoint::new(Method::Post, "/api/v1/authenticate");
pub const SESSION_GET: Endpoint<NoBody, SessionResponse> =
    Endpoint::new(Method::Get, "/api/v1/session");
pub const SESSION_DELETE: Endpoint<NoBody, NoBody> =
    Endpoint::new(Method::Delete, "/api/v1/session");
pub const CUSTOMER_ADD_GROUPS: Endpoint<AddGroupsRequest, AddGroupsResponse> =
    Endpoint::new(Method::Post, "/api/v1/customer/add-groups");
pub const CUSTOMER_UPDATE_PROFILE: Endpoint<UpdateProfileRequest, SuccessResponse> =
    Endpoint::new(Method::Post, "/api/v1/customer/update-profile");
pub const CUSTOMER_PROFILE_GET: Endpoint<NoBody, UpdateProfileRequest> =
    Endpoint::new(Method::Get, "/api/v1/customer/profile");
pub const ORG_CONTACT_CREATE: Endpoint<OrgContactCreateRequest, OrgContact> =
    Endpoint::new(Method::Post, "/api/v1/organizations/{org_id}/contacts");
pub const ORG_CONTACT_LIST: Endpoint<NoBody, Vec<OrgContact>> =
    Endpoint::new(Method::Get, "/api/v1/organizations/{org_id}/contacts");
pub const ORG_CONTACT_GET: Endpoint<NoBody, OrgContact> =
    Endpoint::new(Method::Get, "/api/v1/organizations/{org_id}/contacts/{id}");
pub const CONTACT_CREATE: Endpoint<ContactCreateRequest, ContactCreateResponse> =
    Endpoint::new(Method::Post, "/bff/contact/create");
pub const CONTACT_LIST: Endpoint<NoBody, Vec<StoredContact>> =
    Endpoint::new(Method::Get, "/bff/contact/list");
/// `customerId`, as the published OpenAPI description and the contract document name it.
pub const CONTACT_GET: Endpoint<NoBody, StoredContact> =
    Endpoint::new(Method::Get, "/bff/contact/{customerId}");
pub const MEMBER_INVITE: Endpoint<MemberInviteRequest, MemberInviteResponse> =
    Endpoint::new(Method::Post, "/bff/member/invite-email");
pub const PERMISSION_LIST: Endpoint<NoBody, PermissionList> =
    Endpoint::new(Method::Get, "/bff/member/permission-list");
pub const CUSTOMER_GROUP_LIST: Endpoint<NoBody, Vec<CustomerGroup>> =
    Endpoint::new(Method::Get, "/bff/customer-group/list");
/// The administrators' ARES lookup.
pub const ARES_GET: Endpoint<NoBody, AresRecord> = Endpoint::new(Method::Get, "/bff/ares/{ico}");
/// The same lookup for a customer's portal, rate-limited per session.
pub const ARES_LOOKUP: Endpoint<NoBody, AresRecord> =
    Endpoint::new(Method::Get, "/api/v1/ares/{ico}");

/// The OpenAPI description: a call the app never makes, but schemathesis and readers do. Its answer is
/// the server's document, no contract type, hence no typed [`Endpoint`].
pub const OPENAPI: AnyEndpoint = AnyEndpoint {
    method: Method::Get,
    path: "/openapi.json",
    idempotent: false,
};

/// Every call, for the server's check that each is routed and documented.
pub const ALL: [AnyEndpoint; 18] = [
    AUTHENTICATE.erased(),
    SESSION_GET.erased(),
    SESSION_DELETE.erased(),
    CUSTOMER_ADD_GROUPS.erased(),
    CUSTOMER_UPDATE_PROFILE.erased(),
    CUSTOMER_PROFILE_GET.erased(),
    ORG_CONTACT_CREATE.erased(),
    ORG_CONTACT_LIST.erased(),
    ORG_CONTACT_GET.erased(),
    CONTACT_CREATE.erased(),
    CONTACT_LIST.erased(),
    CONTACT_GET.erased(),
    MEMBER_INVITE.erased(),
    PERMISSION_LIST.erased(),
    CUSTOMER_GROUP_LIST.erased(),
    ARES_GET.erased(),
    ARES_LOOKUP.erased(),
    OPENAPI,
];

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
