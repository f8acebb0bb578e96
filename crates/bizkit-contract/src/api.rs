//! Wire types of every call, and the request parsers that turn a raw body into validated values.
//!
//! Request structs take anything a client may send (every field optional, numbers accepted
//! where text is expected), so that `parse` can report every violated field at once.

use serde::{Deserialize, Serialize};

use crate::code::{ErrorCode, FieldError};
use crate::de;
use crate::field;
use crate::rules::{
    ClientIp, Color, ContactType, Country, CuRefNo, Dic, Email, FreeText, GroupSlug, Ico, Locale,
    PersonName, Phone, PostalCode, PurchaseOrderNumber,
};

/// Most groups one request may carry.
pub const MAX_GROUPS: usize = 100;
/// Most permission or role codes one invitation may carry.
pub const MAX_CODES: usize = 100;
/// Longest one-line text (company name, street, city, …), in characters.
pub const LINE_MAX: usize = 255;
/// Longest group display name, in characters.
pub const GROUP_NAME_MAX: usize = 128;
/// Longest contact title (Dr, Ing.), in characters.
pub const TITLE_MAX: usize = 64;
/// Longest internal note, in characters.
pub const DESCRIPTION_MAX: usize = 2000;
/// Longest permission or role code, in characters.
pub const CODE_MAX: usize = 64;
/// Longest password accepted, in characters.
pub const PASSWORD_MAX: usize = 1024;

/// What the rules need to know about the organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRules {
    /// Calling code for numbers typed without one, e.g. `+420`.
    pub phone_prefix: String,
    /// Language tags the organisation offers, e.g. `cs`, `en`.
    pub locales: Vec<String>,
}

impl Default for OrgRules {
    /// The demo organisation: +420; cs, en, sk, de.
    fn default() -> Self {
        OrgRules {
            phone_prefix: "+420".to_owned(),
            locales: ["cs", "en", "sk", "de"].map(str::to_owned).to_vec(),
        }
    }
}

impl OrgRules {
    fn locale_refs(&self) -> Vec<&str> {
        self.locales.iter().map(String::as_str).collect()
    }
}

/// The HTTP status for a list of field errors: 400 when a forbidden parameter was sent,
/// 422 otherwise.
pub fn status_for(errors: &[FieldError]) -> u16 {
    if errors
        .iter()
        .any(|e| e.code == ErrorCode::ForbiddenParameter)
    {
        400
    } else {
        422
    }
}

/// Collects field errors while parsing.
#[derive(Default)]
struct Errors(Vec<FieldError>);

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

impl Errors {
    fn push(&mut self, field: impl Into<String>, code: ErrorCode) {
        self.0.push(FieldError::new(field, code));
    }

    fn check<T>(&mut self, field: &str, result: Result<T, ErrorCode>) -> Option<T> {
        result.map_err(|code| self.push(field, code)).ok()
    }

    /// An optional field: blank is "not given".
    fn opt<T>(
        &mut self,
        field: &str,
        value: &Option<String>,
        parse: impl FnOnce(&str) -> Result<T, ErrorCode>,
    ) -> Option<T> {
        let v = given(value)?;
        self.check(field, parse(v))
    }

    /// A required field: blank is `REQUIRED`.
    fn req<T>(
        &mut self,
        field: &str,
        value: &Option<String>,
        parse: impl FnOnce(&str) -> Result<T, ErrorCode>,
    ) -> Option<T> {
        match given(value) {
            Some(v) => self.check(field, parse(v)),
            None => {
                self.push(field, ErrorCode::Required);
                None
            }
        }
    }

    /// A list of group names, each made a slug; blanks and duplicates dropped, order kept.
    fn groups(&mut self, field: &str, groups: &[String]) -> Vec<GroupSlug> {
        if groups.len() > MAX_GROUPS {
            self.push(field, ErrorCode::TooManyItems);
            return Vec::new();
        }
        let mut out: Vec<GroupSlug> = Vec::with_capacity(groups.len());
        for (i, g) in groups.iter().enumerate() {
            // A blank entry is "not given", like a blank field (the update-profile page's own
            // example sends `[[]]`).
            if g.trim().is_empty() {
                continue;
            }
            if let Some(slug) = self.check(&format!("{field}[{i}]"), GroupSlug::parse(g))
                && !out.contains(&slug)
            {
                out.push(slug);
            }
        }
        out
    }

    /// Permission or role codes: trimmed, blanks and duplicates dropped.
    fn codes(&mut self, field: &str, codes: &[String]) -> Vec<String> {
        if codes.len() > MAX_CODES {
            self.push(field, ErrorCode::TooManyItems);
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for (i, c) in codes.iter().enumerate() {
            if c.trim().is_empty() {
                continue;
            }
            if let Some(code) =
                self.check(&format!("{field}[{i}]"), FreeText::parse_line(c, CODE_MAX))
            {
                let code = code.into_string();
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            // A missing required value always left an error behind; the fallback only keeps
            // this total.
            _ if self.0.is_empty() => Err(vec![FieldError::new("", ErrorCode::Required)]),
            _ => Err(self.0),
        }
    }
}

fn line(max: usize) -> impl Fn(&str) -> Result<FreeText, ErrorCode> {
    move |s| FreeText::parse_line(s, max)
}

// =============================================================================================
// POST /bff/contact/create
// =============================================================================================

/// One entry of `groupList`: an existing or new ("free-solo") customer group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupListItem {
    /// The group's slug; made with `toSlug` from `name` when empty.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub slug: Option<String>,
    /// Display name; the slug when empty.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub name: Option<String>,
    /// `#RRGGBB`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub color: Option<String>,
}

/// Body of `POST /bff/contact/create`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContactCreateRequest {
    /// E-mail; this or `phone` is required.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// First name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub last_name: Option<String>,
    /// Phone; this or `email` is required.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub phone: Option<String>,
    /// IČO; company name and address come from ARES.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub company_registration_number: Option<String>,
    /// Send the registration e-mail (needs `email`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_bool"
    )]
    pub send_registration_invite: Option<bool>,
    /// Opt out of bulk mail from the start.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_bool"
    )]
    pub ignore_bulk_mail: Option<bool>,
    /// Groups to attach.
    #[serde(default, deserialize_with = "de::null_as_empty")]
    pub group_list: Vec<GroupListItem>,
}

/// A validated `groupList` entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ValidGroup {
    /// The slug.
    pub slug: GroupSlug,
    /// Display name (the slug when none was given).
    pub name: FreeText,
    /// Colour, if given.
    pub color: Option<Color>,
}

/// A validated contact-create request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidContactCreate {
    /// E-mail (at least one of e-mail and phone is present).
    pub email: Option<Email>,
    /// Phone.
    pub phone: Option<Phone>,
    /// First name.
    pub first_name: Option<PersonName>,
    /// Last name.
    pub last_name: Option<PersonName>,
    /// IČO.
    pub company_registration_number: Option<Ico>,
    /// Send the registration e-mail (then `email` is present).
    pub send_registration_invite: bool,
    /// Opted out of bulk mail.
    pub ignore_bulk_mail: bool,
    /// Groups, by unique slug.
    pub group_list: Vec<ValidGroup>,
}

impl ContactCreateRequest {
    /// Checks every field and the cross-field rules; every violation is reported.
    pub fn parse(&self, org: &OrgRules) -> Result<ValidContactCreate, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.opt(field::EMAIL, &self.email, Email::parse);
        let phone = e.opt(field::PHONE, &self.phone, |s| {
            Phone::parse(s, &org.phone_prefix)
        });
        if given(&self.email).is_none() && given(&self.phone).is_none() {
            e.push(field::EMAIL, ErrorCode::EmailOrPhoneRequired);
            e.push(field::PHONE, ErrorCode::EmailOrPhoneRequired);
        }
        let first_name = e.opt(field::FIRST_NAME, &self.first_name, PersonName::parse);
        let last_name = e.opt(field::LAST_NAME, &self.last_name, PersonName::parse);
        let company_registration_number = e.opt(
            field::COMPANY_REGISTRATION_NUMBER,
            &self.company_registration_number,
            Ico::parse,
        );
        let send_registration_invite = self.send_registration_invite.unwrap_or(false);
        if send_registration_invite && given(&self.email).is_none() {
            e.push(
                field::SEND_REGISTRATION_INVITE,
                ErrorCode::InviteRequiresEmail,
            );
        }
        let mut group_list: Vec<ValidGroup> = Vec::new();
        if self.group_list.len() > MAX_GROUPS {
            e.push(field::GROUP_LIST, ErrorCode::TooManyItems);
        } else {
            for (i, g) in self.group_list.iter().enumerate() {
                if let Some(group) = parse_group(&mut e, i, g)
                    && !group_list.iter().any(|x| x.slug == group.slug)
                {
                    group_list.push(group);
                }
            }
        }
        let valid = ValidContactCreate {
            email,
            phone,
            first_name,
            last_name,
            company_registration_number,
            send_registration_invite,
            ignore_bulk_mail: self.ignore_bulk_mail.unwrap_or(false),
            group_list,
        };
        e.finish(Some(valid))
    }
}

fn parse_group(e: &mut Errors, i: usize, g: &GroupListItem) -> Option<ValidGroup> {
    // An entirely blank row is "not given".
    if given(&g.slug).is_none() && given(&g.name).is_none() && given(&g.color).is_none() {
        return None;
    }
    let name = e.opt(
        &format!("groupList[{i}].name"),
        &g.name,
        line(GROUP_NAME_MAX),
    );
    let color = e.opt(&format!("groupList[{i}].color"), &g.color, Color::parse);
    // The slug comes from `slug`, else from the name as typed (even if too long to keep).
    let source = given(&g.slug).or_else(|| given(&g.name)).unwrap_or("");
    let slug = e.check(&format!("groupList[{i}].slug"), GroupSlug::parse(source))?;
    let name = match name {
        Some(n) => n,
        None if given(&g.name).is_some() => return None,
        None => FreeText::parse_line(slug.as_str(), GROUP_NAME_MAX).ok()?,
    };
    Some(ValidGroup { slug, name, color })
}

// =============================================================================================
// POST /bff/member/invite-email
// =============================================================================================

/// Body of `POST /bff/member/invite-email`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MemberInviteRequest {
    /// E-mail of the invitee (required).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// First name, 0–128.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub first_name: Option<String>,
    /// Last name, 0–128.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub last_name: Option<String>,
    /// Permission codes to grant.
    #[serde(default, deserialize_with = "de::string_list")]
    pub permission_codes: Vec<String>,
    /// Role codes to grant.
    #[serde(default, deserialize_with = "de::string_list")]
    pub role_codes: Vec<String>,
    /// Internal note.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub description: Option<String>,
}

/// A validated invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidMemberInvite {
    /// E-mail of the invitee.
    pub email: Email,
    /// First name.
    pub first_name: Option<PersonName>,
    /// Last name.
    pub last_name: Option<PersonName>,
    /// Permission codes (trimmed, unique; whether they exist is the server's check).
    pub permission_codes: Vec<String>,
    /// Role codes (trimmed, unique).
    pub role_codes: Vec<String>,
    /// Internal note.
    pub description: Option<FreeText>,
}

impl MemberInviteRequest {
    /// Checks every field.
    pub fn parse(&self, _org: &OrgRules) -> Result<ValidMemberInvite, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.req(field::EMAIL, &self.email, Email::parse);
        let first_name = e.opt(field::FIRST_NAME, &self.first_name, PersonName::parse);
        let last_name = e.opt(field::LAST_NAME, &self.last_name, PersonName::parse);
        let permission_codes = e.codes(field::PERMISSION_CODES, &self.permission_codes);
        let role_codes = e.codes(field::ROLE_CODES, &self.role_codes);
        let description = e.opt(field::DESCRIPTION, &self.description, |s| {
            FreeText::parse(s, DESCRIPTION_MAX)
        });
        let valid = email.map(|email| ValidMemberInvite {
            email,
            first_name,
            last_name,
            permission_codes,
            role_codes,
            description,
        });
        e.finish(valid)
    }
}

// =============================================================================================
// POST /api/v1/customer/add-groups
// =============================================================================================

/// Body of `POST /api/v1/customer/add-groups`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AddGroupsRequest {
    /// E-mail of the customer; this or `cuRefNo`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// Customer reference number; wins over `email` when both are given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub cu_ref_no: Option<String>,
    /// Groups to add (each made a slug), at least one.
    #[serde(default, deserialize_with = "de::string_list")]
    pub groups: Vec<String>,
}

/// Which customer a call is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CustomerRef {
    /// By customer reference number (preferred when both were given).
    CuRefNo(CuRefNo),
    /// By e-mail.
    Email(Email),
}

/// A validated add-groups request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidAddGroups {
    /// The customer.
    pub customer: CustomerRef,
    /// Unique slugs, in the order given; never empty.
    pub groups: Vec<GroupSlug>,
}

impl AddGroupsRequest {
    /// Checks every field.
    pub fn parse(&self, _org: &OrgRules) -> Result<ValidAddGroups, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.opt(field::EMAIL, &self.email, Email::parse);
        let cu_ref_no = e.opt(field::CU_REF_NO, &self.cu_ref_no, CuRefNo::parse);
        if given(&self.email).is_none() && given(&self.cu_ref_no).is_none() {
            e.push(field::EMAIL, ErrorCode::EmailOrCuRefNoRequired);
            e.push(field::CU_REF_NO, ErrorCode::EmailOrCuRefNoRequired);
        }
        let groups = if self.groups.iter().all(|g| g.trim().is_empty()) {
            e.push(field::GROUPS, ErrorCode::GroupsRequired);
            Vec::new()
        } else {
            e.groups(field::GROUPS, &self.groups)
        };
        let customer = cu_ref_no
            .map(CustomerRef::CuRefNo)
            .or(email.map(CustomerRef::Email));
        e.finish(customer.map(|customer| ValidAddGroups { customer, groups }))
    }
}

// =============================================================================================
// POST /api/v1/customer/update-profile (and GET /api/v1/customer/profile)
// =============================================================================================

/// Body of `POST /api/v1/customer/update-profile`; also the answer of
/// `GET /api/v1/customer/profile` (then in normal form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdateProfileRequest {
    /// E-mail (required).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// Full name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub name: Option<String>,
    /// First name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub last_name: Option<String>,
    /// Phone.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub phone: Option<String>,
    /// Company name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub company_name: Option<String>,
    /// IČO.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub company_registration_number: Option<String>,
    /// DIČ.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub tax_identification_number: Option<String>,
    /// Street and number.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub street_address: Option<String>,
    /// City.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub city: Option<String>,
    /// City part.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub city_part: Option<String>,
    /// Region.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub state_region: Option<String>,
    /// Postal code.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub postal_code: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub country: Option<String>,
    /// Newsletter consent (default false).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_bool"
    )]
    pub newsletter: Option<bool>,
    /// Preferred language.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub primary_locale: Option<String>,
    /// Groups (each made a slug).
    #[serde(default, deserialize_with = "de::string_list")]
    pub groups: Vec<String>,
    /// The customer's IP address. Left out or empty, the local server records the address the
    /// request came from (the client's in `X-Forwarded-For` only when the request came through a
    /// proxy it was told to trust with `--trusted-proxy`). `::1`, `0.0.0.0` and `localhost` are
    /// stored as `127.0.0.1`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub customer_real_ip: Option<String>,
    /// Who referred the customer: a cuRefNo.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub referral_id: Option<String>,
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
    /// Checks every field.
    pub fn parse(&self, org: &OrgRules) -> Result<ValidUpdateProfile, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.req(field::EMAIL, &self.email, Email::parse);
        let name = e.opt(field::NAME, &self.name, PersonName::parse);
        let first_name = e.opt(field::FIRST_NAME, &self.first_name, PersonName::parse);
        let last_name = e.opt(field::LAST_NAME, &self.last_name, PersonName::parse);
        let phone = e.opt(field::PHONE, &self.phone, |s| {
            Phone::parse(s, &org.phone_prefix)
        });
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
        fn s<T: AsRef<str>>(v: &Option<T>) -> Option<String> {
            v.as_ref().map(|x| x.as_ref().to_owned())
        }
        UpdateProfileRequest {
            email: Some(v.email.as_str().to_owned()),
            name: s(&v.name),
            first_name: s(&v.first_name),
            last_name: s(&v.last_name),
            phone: s(&v.phone),
            company_name: s(&v.company_name),
            company_registration_number: s(&v.company_registration_number),
            tax_identification_number: s(&v.tax_identification_number),
            street_address: s(&v.street_address),
            city: s(&v.city),
            city_part: s(&v.city_part),
            state_region: s(&v.state_region),
            postal_code: s(&v.postal_code),
            country: s(&v.country),
            newsletter: Some(v.newsletter),
            primary_locale: s(&v.primary_locale),
            groups: v.groups.iter().map(|g| g.as_str().to_owned()).collect(),
            customer_real_ip: s(&v.customer_real_ip),
            referral_id: s(&v.referral_id),
        }
    }
}

// =============================================================================================
// POST /api/v1/organizations/{org_id}/contacts
// =============================================================================================

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

/// Body of `POST /api/v1/organizations/{org_id}/contacts` (snake_case on the wire).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgContactCreateRequest {
    /// Contact type `{id}` (1 primary … 6 invoice), required, fixed at creation.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub contact_type: Option<IdRef>,
    /// First and last name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub name: Option<String>,
    /// Title, e.g. Dr or Ing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub title: Option<String>,
    /// Department.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub department: Option<String>,
    /// Street and number.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub street: Option<String>,
    /// Postal code.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub zipcode: Option<String>,
    /// City.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub city: Option<String>,
    /// Country `{id}`, ISO 3166-1 numeric (CZ 203).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<IdRef>,
    /// E-mail.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// Phone.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub phone: Option<String>,
    /// Mobile phone.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub mobile: Option<String>,
    /// State or province.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub state: Option<String>,
    /// Secondary address line.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub secondary_address: Option<String>,
    /// Purchase order number, invoice contacts (type 6) only, at most 50 characters.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub purchase_order_number: Option<String>,
    /// Must not be sent: present here means the client sent `id`.
    #[serde(default, skip_serializing, deserialize_with = "de::present")]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub id: Option<Present>,
    /// Must not be sent: present here means the client sent `organisation_id`.
    #[serde(default, skip_serializing, deserialize_with = "de::present")]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub organisation_id: Option<Present>,
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
        let phone = e.opt(field::PHONE, &self.phone, |s| {
            Phone::parse(s, &org.phone_prefix)
        });
        let mobile = e.opt(field::MOBILE, &self.mobile, |s| {
            Phone::parse(s, &org.phone_prefix)
        });
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

// =============================================================================================
// POST /api/v1/authenticate, GET /api/v1/session
// =============================================================================================

/// Body of `POST /api/v1/authenticate`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthenticateRequest {
    /// E-mail.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub email: Option<String>,
    /// Password.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    pub password: Option<String>,
}

impl core::fmt::Debug for AuthenticateRequest {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AuthenticateRequest")
            .field(field::EMAIL, &self.email)
            .field(field::PASSWORD, &self.password.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Validated sign-in data. The password is kept exactly as typed.
#[derive(Clone, PartialEq, Eq)]
pub struct ValidAuthenticate {
    /// E-mail.
    pub email: Email,
    /// Password, untrimmed.
    pub password: String,
}

impl core::fmt::Debug for ValidAuthenticate {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ValidAuthenticate")
            .field(field::EMAIL, &self.email)
            .finish_non_exhaustive()
    }
}

impl AuthenticateRequest {
    /// Checks both fields are there and the e-mail is well-formed.
    pub fn parse(&self, _org: &OrgRules) -> Result<ValidAuthenticate, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.req(field::EMAIL, &self.email, Email::parse);
        let password = match self.password.as_deref() {
            None | Some("") => {
                e.push(field::PASSWORD, ErrorCode::Required);
                None
            }
            Some(p) if p.chars().count() > PASSWORD_MAX => {
                e.push(field::PASSWORD, ErrorCode::TextTooLong);
                None
            }
            Some(p) => Some(p.to_owned()),
        };
        let valid = email
            .zip(password)
            .map(|(email, password)| ValidAuthenticate { email, password });
        e.finish(valid)
    }
}

/// Who a token belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// May call everything of its organisation.
    Admin,
    /// May read and update only its own profile.
    #[default]
    Customer,
}

/// Who a token belongs to: `admin` in any case is an administrator; anything else, or nothing
/// readable, gets the least the app offers.
fn lenient_role<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
    Ok(if de::is_word(d, "admin")? {
        Role::Admin
    } else {
        Role::Customer
    })
}

/// Answer of `POST /api/v1/authenticate`.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthenticateResponse {
    /// Bearer token.
    pub auth_token: String,
    /// Role of the signed-in user.
    #[serde(default, deserialize_with = "lenient_role")]
    pub role: Role,
}

impl core::fmt::Debug for AuthenticateResponse {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AuthenticateResponse")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// The organisation in a session answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct SessionOrganisation {
    /// Id.
    pub id: u64,
    /// Name.
    #[serde(deserialize_with = "de::text")]
    pub name: String,
    /// Default country, alpha-2.
    #[serde(deserialize_with = "de::text")]
    pub default_country: String,
    /// Default phone prefix, e.g. `+420`.
    #[serde(deserialize_with = "de::text")]
    pub phone_prefix: String,
    /// Offered language tags.
    #[serde(deserialize_with = "de::string_list")]
    pub locales: Vec<String>,
}

impl SessionOrganisation {
    /// The rules for forms of this organisation.
    pub fn rules(&self) -> OrgRules {
        OrgRules {
            phone_prefix: self.phone_prefix.clone(),
            locales: self.locales.clone(),
        }
    }
}

/// Answer of `GET /api/v1/session`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SessionResponse {
    /// Role.
    #[serde(deserialize_with = "lenient_role")]
    pub role: Role,
    /// E-mail of the signed-in user.
    #[serde(deserialize_with = "de::text")]
    pub email: String,
    /// The organisation (all defaults where a backend sends none).
    #[serde(deserialize_with = "de::null_as_default")]
    pub organisation: SessionOrganisation,
    /// Seconds this session may still be used at most (it ends 8 h after sign-in); absent for an
    /// API key. A local addition: the app drops its drafts when the session is over.
    #[serde(
        rename = "expiresInSecs",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_secs"
    )]
    pub expires_in_secs: Option<u64>,
    /// The session ends after this many seconds without a call; absent where it never idles out.
    #[serde(
        rename = "idleTimeoutSecs",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_secs"
    )]
    pub idle_timeout_secs: Option<u64>,
}

// =============================================================================================
// Answers
// =============================================================================================

/// `{"success": true}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SuccessResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
}

/// Answer of `POST /bff/contact/create`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct ContactCreateResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
    /// Id of the new contact.
    #[serde(deserialize_with = "de::text")]
    pub customer_id: String,
}

/// Whether an invitee was added at once or invited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum InviteStatus {
    /// A registered user: now a member.
    Added,
    /// A pending invitation was created (also assumed when a backend does not say).
    #[default]
    Invited,
}

/// `added` in any case is [`InviteStatus::Added`]; anything else is an invitation, the outcome
/// that promises less.
fn lenient_invite_status<'de, D: serde::Deserializer<'de>>(d: D) -> Result<InviteStatus, D::Error> {
    Ok(if de::is_word(d, "added")? {
        InviteStatus::Added
    } else {
        InviteStatus::Invited
    })
}

/// Answer of `POST /bff/member/invite-email`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct MemberInviteResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
    /// Id of the member or invitation.
    #[serde(deserialize_with = "de::text")]
    pub member_id: String,
    /// Added at once or invited.
    #[serde(deserialize_with = "lenient_invite_status")]
    pub status: InviteStatus,
}

/// Answer of `POST /api/v1/customer/add-groups`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AddGroupsResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
    /// Slugs newly assigned.
    #[serde(deserialize_with = "de::string_list")]
    pub added: Vec<String>,
    /// Slugs the customer already had (skipped).
    #[serde(deserialize_with = "de::string_list")]
    pub already_assigned: Vec<String>,
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
