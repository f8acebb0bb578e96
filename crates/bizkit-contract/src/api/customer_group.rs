//! `GET /bff/customer-group/list`: the organisation's customer groups.

use super::*;

pub const CUSTOMER_GROUP_LIST: Endpoint<NoBody, Vec<CustomerGroup>> =
    Endpoint::new(Method::Get, "/bff/customer-group/list");

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
