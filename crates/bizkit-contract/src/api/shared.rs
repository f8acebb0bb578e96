//! Answer types more than one call shares.

use super::*;

/// `{"success": true}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SuccessResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
}

/// A customer group (`GET /bff/customer-group/list` answers a list of these).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CustomerGroup {
    /// Slug.
    #[serde(deserialize_with = "de::text")]
    pub slug: String,
    /// Display name (`""` where a backend sends `null`).
    #[serde(deserialize_with = "de::text")]
    pub name: String,
    /// `#rrggbb`; groups created without a colour (e.g. by `add-groups`) come as `null`.
    pub color: Option<String>,
}
