//! `GET /bff/ares/{ico}` and `GET /api/v1/ares/{ico}`: a company from the Czech business register.

use super::*;

/// The administrators' ARES lookup.
pub const ARES_GET: Endpoint<NoBody, AresRecord> = Endpoint::new(Method::Get, "/bff/ares/{ico}");
/// The same lookup for a customer's portal, rate-limited per session.
pub const ARES_LOOKUP: Endpoint<NoBody, AresRecord> =
    Endpoint::new(Method::Get, "/api/v1/ares/{ico}");

/// A company from ARES (`GET /bff/ares/{ico}`), in normal form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AresRecord {
    /// IČO, 8 digits.
    #[serde(deserialize_with = "de::text")]
    pub ico: String,
    /// Company name.
    #[serde(deserialize_with = "de::text")]
    pub company_name: String,
    /// DIČ, if a VAT payer.
    pub dic: Option<String>,
    /// Street and number.
    pub street_address: Option<String>,
    /// City.
    pub city: Option<String>,
    /// City part.
    pub city_part: Option<String>,
    /// Region.
    pub state_region: Option<String>,
    /// Postal code, `NNN NN`.
    pub postal_code: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// The company has been dissolved (ARES `datumZaniku` is set).
    #[serde(deserialize_with = "de::flag")]
    pub dissolved: bool,
}
