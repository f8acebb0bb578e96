//! `POST /api/v1/customer/update-profile` and `GET /api/v1/customer/profile`: a customer's own profile.

use super::*;

pub const CUSTOMER_UPDATE_PROFILE: Endpoint<UpdateProfileRequest, SuccessResponse> =
    Endpoint::new(Method::Post, "/api/v1/customer/update-profile");
pub const CUSTOMER_PROFILE_GET: Endpoint<NoBody, UpdateProfileRequest> =
    Endpoint::new(Method::Get, "/api/v1/customer/profile");

lenient! {
    /// Body of `POST /api/v1/customer/update-profile`; also the answer of
    /// `GET /api/v1/customer/profile` (then in normal form).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct UpdateProfileRequest {
        /// E-mail (required).
        pub email: Option<String> = "de::opt_string",
        /// Full name.
        pub name: Option<String> = "de::opt_string",
        /// First name.
        pub first_name: Option<String> = "de::opt_string",
        /// Last name.
        pub last_name: Option<String> = "de::opt_string",
        /// Phone.
        pub phone: Option<String> = "de::opt_string",
        /// Company name.
        pub company_name: Option<String> = "de::opt_string",
        /// IČO.
        pub company_registration_number: Option<String> = "de::opt_string",
        /// DIČ.
        pub tax_identification_number: Option<String> = "de::opt_string",
        /// Street and number.
        pub street_address: Option<String> = "de::opt_string",
        /// City.
        pub city: Option<String> = "de::opt_string",
        /// City part.
        pub city_part: Option<String> = "de::opt_string",
        /// Region.
        pub state_region: Option<String> = "de::opt_string",
        /// Postal code.
        pub postal_code: Option<String> = "de::opt_string",
        /// Country, ISO 3166-1 alpha-2.
        pub country: Option<String> = "de::opt_string",
        /// Newsletter consent (default false).
        pub newsletter: Option<bool> = "de::opt_bool",
        /// Preferred language.
        pub primary_locale: Option<String> = "de::opt_string",
        /// Groups (each made a slug).
        #[serde(default, deserialize_with = "de::string_list")]
        pub groups: Vec<String>,
        /// The customer's IP address. Left out or empty, the local server records the address the
        /// request came from (the client's in `X-Forwarded-For` only when the request came through a
        /// proxy it was told to trust with `--trusted-proxy`). `::1`, `0.0.0.0` and `localhost` are
        /// stored as `127.0.0.1`.
        pub customer_real_ip: Option<String> = "de::opt_string",
        /// Who referred the customer: a cuRefNo.
        pub referral_id: Option<String> = "de::opt_string",
    }
}

/// A validated profile update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidUpdateProfile {
    /// E-mail.
    pub email: Email,
    /// Full name.
    pub name: Option<PersonName>,
    /// First name.
    pub first_name: Option<PersonName>,
    /// Last name.
    pub last_name: Option<PersonName>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Company name.
    pub company_name: Option<FreeText>,
    /// IČO.
    pub company_registration_number: Option<Ico>,
    /// DIČ.
    pub tax_identification_number: Option<Dic>,
    /// Street and number.
    pub street_address: Option<FreeText>,
    /// City.
    pub city: Option<FreeText>,
    /// City part.
    pub city_part: Option<FreeText>,
    /// Region.
    pub state_region: Option<FreeText>,
    /// Postal code (Czech/Slovak rule unless another country is given).
    pub postal_code: Option<PostalCode>,
    /// Country.
    pub country: Option<Country>,
    /// Newsletter consent.
    pub newsletter: bool,
    /// Preferred language.
    pub primary_locale: Option<Locale>,
    /// Unique group slugs.
    pub groups: Vec<GroupSlug>,
    /// IP address; an empty value sent is `127.0.0.1`, a missing one `None`.
    pub customer_real_ip: Option<ClientIp>,
    /// Referrer's cuRefNo.
    pub referral_id: Option<CuRefNo>,
}

impl UpdateProfileRequest {
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[
        field::EMAIL,
        field::NAME,
        field::FIRST_NAME,
        field::LAST_NAME,
        field::PHONE,
        field::COMPANY_NAME,
        field::COMPANY_REGISTRATION_NUMBER,
        field::TAX_IDENTIFICATION_NUMBER,
        field::STREET_ADDRESS,
        field::CITY,
        field::CITY_PART,
        field::STATE_REGION,
        field::POSTAL_CODE,
        field::COUNTRY,
        field::NEWSLETTER,
        field::PRIMARY_LOCALE,
        field::GROUPS,
        field::CUSTOMER_REAL_IP,
        field::REFERRAL_ID,
    ];

    /// Checks every field.
    pub fn parse(&self, org: &OrgRules) -> Result<ValidUpdateProfile, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.req(field::EMAIL, &self.email, Email::parse);
        let name = e.opt(field::NAME, &self.name, PersonName::parse);
        let first_name = e.opt(field::FIRST_NAME, &self.first_name, PersonName::parse);
        let last_name = e.opt(field::LAST_NAME, &self.last_name, PersonName::parse);
        let phone = e.opt(field::PHONE, &self.phone, phone_with(org));
        let company_name = e.opt(field::COMPANY_NAME, &self.company_name, line(LINE_MAX));
        let company_registration_number = e.opt(
            field::COMPANY_REGISTRATION_NUMBER,
            &self.company_registration_number,
            Ico::parse,
        );
        let tax_identification_number = e.opt(
            field::TAX_IDENTIFICATION_NUMBER,
            &self.tax_identification_number,
            Dic::parse,
        );
        let street_address = e.opt(field::STREET_ADDRESS, &self.street_address, line(LINE_MAX));
        let city = e.opt(field::CITY, &self.city, line(LINE_MAX));
        let city_part = e.opt(field::CITY_PART, &self.city_part, line(LINE_MAX));
        let state_region = e.opt(field::STATE_REGION, &self.state_region, line(LINE_MAX));
        let country = e.opt(field::COUNTRY, &self.country, Country::parse);
        let postal_code = e.opt(field::POSTAL_CODE, &self.postal_code, |s| {
            PostalCode::parse_for(s, country)
        });
        let offered = org.locale_refs();
        let primary_locale = e.opt(field::PRIMARY_LOCALE, &self.primary_locale, |s| {
            Locale::parse(s, &offered)
        });
        let groups = e.groups(field::GROUPS, &self.groups);
        // The page documents the empty value as 127.0.0.1, so only a missing one is `None`.
        let customer_real_ip = self
            .customer_real_ip
            .as_deref()
            .and_then(|s| e.check(field::CUSTOMER_REAL_IP, ClientIp::parse(s)));
        let referral_id = e.opt(field::REFERRAL_ID, &self.referral_id, CuRefNo::parse);
        let valid = email.map(|email| ValidUpdateProfile {
            email,
            name,
            first_name,
            last_name,
            phone,
            company_name,
            company_registration_number,
            tax_identification_number,
            street_address,
            city,
            city_part,
            state_region,
            postal_code,
            country,
            newsletter: self.newsletter.unwrap_or(false),
            primary_locale,
            groups,
            customer_real_ip,
            referral_id,
        });
        e.finish(valid)
    }
}

impl From<&ValidUpdateProfile> for UpdateProfileRequest {
    /// The normal form, as `GET /api/v1/customer/profile` answers it.
    fn from(v: &ValidUpdateProfile) -> Self {
        UpdateProfileRequest {
            email: Some(v.email.as_str().to_owned()),
            name: normal_text(&v.name),
            first_name: normal_text(&v.first_name),
            last_name: normal_text(&v.last_name),
            phone: normal_text(&v.phone),
            company_name: normal_text(&v.company_name),
            company_registration_number: normal_text(&v.company_registration_number),
            tax_identification_number: normal_text(&v.tax_identification_number),
            street_address: normal_text(&v.street_address),
            city: normal_text(&v.city),
            city_part: normal_text(&v.city_part),
            state_region: normal_text(&v.state_region),
            postal_code: normal_text(&v.postal_code),
            country: normal_text(&v.country),
            newsletter: Some(v.newsletter),
            primary_locale: normal_text(&v.primary_locale),
            groups: v.groups.iter().map(|g| g.as_str().to_owned()).collect(),
            customer_real_ip: normal_text(&v.customer_real_ip),
            referral_id: normal_text(&v.referral_id),
        }
    }
}
