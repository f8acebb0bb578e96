//! `POST`/`GET /api/v1/organizations/{org_id}/contacts[/{id}]`: the organisation's contacts.

use super::*;

pub const ORG_CONTACT_CREATE: Endpoint<OrgContactCreateRequest, OrgContact> =
    Endpoint::new(Method::Post, "/api/v1/organizations/{org_id}/contacts");
pub const ORG_CONTACT_LIST: Endpoint<NoBody, Vec<OrgContact>> =
    Endpoint::new(Method::Get, "/api/v1/organizations/{org_id}/contacts");
pub const ORG_CONTACT_GET: Endpoint<NoBody, OrgContact> =
    Endpoint::new(Method::Get, "/api/v1/organizations/{org_id}/contacts/{id}");

/// A reference by id: `{"id": 6}`. The id may also come as a numeric string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdRef {
    /// The id.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub id: Option<u32>,
}

/// Marks a request key that was present (whatever its value) where it must not be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Present;

lenient! {
    /// Body of `POST /api/v1/organizations/{org_id}/contacts` (snake_case on the wire).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct OrgContactCreateRequest {
        /// Contact type `{id}` (1 primary … 6 invoice), required, fixed at creation.
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub contact_type: Option<IdRef>,
        /// First and last name.
        pub name: Option<String> = "de::opt_string",
        /// Title, e.g. Dr or Ing.
        pub title: Option<String> = "de::opt_string",
        /// Department.
        pub department: Option<String> = "de::opt_string",
        /// Street and number.
        pub street: Option<String> = "de::opt_string",
        /// Postal code.
        pub zipcode: Option<String> = "de::opt_string",
        /// City.
        pub city: Option<String> = "de::opt_string",
        /// Country `{id}`, ISO 3166-1 numeric (CZ 203).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub country: Option<IdRef>,
        /// E-mail.
        pub email: Option<String> = "de::opt_string",
        /// Phone.
        pub phone: Option<String> = "de::opt_string",
        /// Mobile phone.
        pub mobile: Option<String> = "de::opt_string",
        /// State or province.
        pub state: Option<String> = "de::opt_string",
        /// Secondary address line.
        pub secondary_address: Option<String> = "de::opt_string",
        /// Purchase order number, invoice contacts (type 6) only, at most 50 characters.
        pub purchase_order_number: Option<String> = "de::opt_string",
        /// Must not be sent: present here means the client sent `id`.
        #[serde(default, skip_serializing, deserialize_with = "de::present")]
        #[cfg_attr(feature = "openapi", schema(ignore))]
        pub id: Option<Present>,
        /// Must not be sent: present here means the client sent `organisation_id`.
        #[serde(default, skip_serializing, deserialize_with = "de::present")]
        #[cfg_attr(feature = "openapi", schema(ignore))]
        pub organisation_id: Option<Present>,
    }
}

/// A validated organisation contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOrgContactCreate {
    /// Type.
    pub contact_type: ContactType,
    /// First and last name.
    pub name: Option<PersonName>,
    /// Title.
    pub title: Option<FreeText>,
    /// Department.
    pub department: Option<FreeText>,
    /// Street and number.
    pub street: Option<FreeText>,
    /// Postal code.
    pub zipcode: Option<PostalCode>,
    /// City.
    pub city: Option<FreeText>,
    /// Country.
    pub country: Option<Country>,
    /// E-mail.
    pub email: Option<Email>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Mobile phone.
    pub mobile: Option<Phone>,
    /// State or province.
    pub state: Option<FreeText>,
    /// Secondary address line.
    pub secondary_address: Option<FreeText>,
    /// Purchase order number (only on invoice contacts).
    pub purchase_order_number: Option<PurchaseOrderNumber>,
}

impl OrgContactCreateRequest {
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[
        field::CONTACT_TYPE,
        field::NAME,
        field::TITLE,
        field::DEPARTMENT,
        field::STREET,
        field::ZIPCODE,
        field::CITY,
        field::COUNTRY,
        field::EMAIL,
        field::PHONE,
        field::MOBILE,
        field::STATE,
        field::SECONDARY_ADDRESS,
        field::PURCHASE_ORDER_NUMBER,
        field::ID,
        field::ORGANISATION_ID,
    ];

    /// The forbidden keys that were sent (`id`, `organisation_id`).
    pub fn present(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.id.is_some() {
            out.push(field::ID);
        }
        if self.organisation_id.is_some() {
            out.push(field::ORGANISATION_ID);
        }
        out
    }

    /// Checks every field; a forbidden key gives `FORBIDDEN_PARAMETER` on that key
    /// (see [`status_for`]: 400).
    pub fn parse(&self, org: &OrgRules) -> Result<ValidOrgContactCreate, Vec<FieldError>> {
        let mut e = Errors::default();
        for key in self.present() {
            e.push(key, ErrorCode::ForbiddenParameter);
        }
        let contact_type = match self.contact_type.as_ref().and_then(|t| t.id) {
            Some(id) => e.check("type.id", ContactType::from_id(id)),
            None => {
                e.push("type.id", ErrorCode::Required);
                None
            }
        };
        let name = e.opt(field::NAME, &self.name, PersonName::parse);
        let title = e.opt(field::TITLE, &self.title, line(TITLE_MAX));
        let department = e.opt(field::DEPARTMENT, &self.department, line(LINE_MAX));
        let street = e.opt(field::STREET, &self.street, line(LINE_MAX));
        let country = self.country.as_ref().and_then(|c| c.id).and_then(|id| {
            let country = u16::try_from(id).ok().and_then(Country::from_numeric);
            e.check("country.id", country.ok_or(ErrorCode::CountryUnknown))
        });
        let zipcode = e.opt(field::ZIPCODE, &self.zipcode, |s| {
            PostalCode::parse_for(s, country)
        });
        let city = e.opt(field::CITY, &self.city, line(LINE_MAX));
        let email = e.opt(field::EMAIL, &self.email, Email::parse);
        let phone = e.opt(field::PHONE, &self.phone, phone_with(org));
        let mobile = e.opt(field::MOBILE, &self.mobile, phone_with(org));
        let state = e.opt(field::STATE, &self.state, line(LINE_MAX));
        let secondary_address = e.opt(
            field::SECONDARY_ADDRESS,
            &self.secondary_address,
            line(LINE_MAX),
        );
        let purchase_order_number = e.opt(
            field::PURCHASE_ORDER_NUMBER,
            &self.purchase_order_number,
            PurchaseOrderNumber::parse,
        );
        if let Some(t) = contact_type
            && given(&self.purchase_order_number).is_some()
            && !t.allows_purchase_order_number()
        {
            e.push(
                field::PURCHASE_ORDER_NUMBER,
                ErrorCode::PurchaseOrderNumberNotInvoice,
            );
        }
        let valid = contact_type.map(|contact_type| ValidOrgContactCreate {
            contact_type,
            name,
            title,
            department,
            street,
            zipcode,
            city,
            country,
            email,
            phone,
            mobile,
            state,
            secondary_address,
            purchase_order_number,
        });
        e.finish(valid)
    }
}

/// `{id, name}` in answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct IdName {
    /// Id.
    pub id: u64,
    /// Name.
    pub name: String,
}

/// The created organisation contact (201 answer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OrgContact {
    /// Id of this contact.
    pub id: u64,
    /// The organisation.
    pub organisation: IdName,
    /// The type.
    #[serde(rename = "type")]
    pub contact_type: IdName,
    /// First and last name.
    pub name: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Department.
    pub department: Option<String>,
    /// Street and number.
    pub street: Option<String>,
    /// Postal code.
    pub zipcode: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country (numeric id, English name).
    pub country: Option<IdName>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Mobile phone.
    pub mobile: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Secondary address line.
    pub secondary_address: Option<String>,
    /// Purchase order number.
    pub purchase_order_number: Option<String>,
    /// The id as a string.
    pub contact_id: String,
}
