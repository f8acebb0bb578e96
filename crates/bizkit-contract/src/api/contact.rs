//! `GET /bff/contact/list` and `GET /bff/contact/{customerId}`: stored contacts.

use super::*;

pub const CONTACT_LIST: Endpoint<NoBody, Vec<StoredContact>> =
    Endpoint::new(Method::Get, "/bff/contact/list");
/// `customerId`, as the published OpenAPI description and the contract document name it.
pub const CONTACT_GET: Endpoint<NoBody, StoredContact> =
    Endpoint::new(Method::Get, "/bff/contact/{customerId}");

/// A contact as stored (`GET /bff/contact/{customerId}`), in normal form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct StoredContact {
    /// Id.
    #[serde(deserialize_with = "de::text")]
    pub customer_id: String,
    /// E-mail (absent for phone-only contacts).
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// IČO.
    pub company_registration_number: Option<String>,
    /// Company name (from ARES).
    pub company_name: Option<String>,
    /// Street and number (from ARES).
    pub street_address: Option<String>,
    /// City.
    pub city: Option<String>,
    /// City part.
    pub city_part: Option<String>,
    /// Region.
    pub state_region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// DIČ.
    pub dic: Option<String>,
    /// Opted out of bulk mail.
    #[serde(deserialize_with = "de::flag")]
    pub ignore_bulk_mail: bool,
    /// Groups.
    #[serde(deserialize_with = "de::null_as_empty")]
    pub group_list: Vec<CustomerGroup>,
    /// When it was created, RFC 3339.
    #[serde(deserialize_with = "de::text")]
    pub created_at: String,
}
