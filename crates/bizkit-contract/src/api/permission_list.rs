//! `GET /bff/member/permission-list`: what an invitation may grant.

use super::*;

pub const PERMISSION_LIST: Endpoint<NoBody, PermissionList> =
    Endpoint::new(Method::Get, "/bff/member/permission-list");

/// A code and its display name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CodeName {
    /// Stable code.
    #[serde(deserialize_with = "de::text")]
    pub code: String,
    /// Display name.
    #[serde(deserialize_with = "de::text")]
    pub name: String,
}

/// Answer of `GET /bff/member/permission-list`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PermissionList {
    /// Grantable permissions.
    #[serde(deserialize_with = "de::null_as_empty")]
    pub permissions: Vec<CodeName>,
    /// Grantable roles.
    #[serde(deserialize_with = "de::null_as_empty")]
    pub roles: Vec<CodeName>,
}
