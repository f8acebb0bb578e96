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
