//! `POST /bff/contact/create`: an administrator creates a contact.

use super::*;

pub const CONTACT_CREATE: Endpoint<ContactCreateRequest, ContactCreateResponse> =
    Endpoint::new(Method::Post, "/bff/contact/create");

lenient! {
    /// One entry of `groupList`: an existing or new ("free-solo") customer group.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct GroupListItem {
        /// The group's slug; made with `toSlug` from `name` when empty.
        pub slug: Option<String> = "de::opt_string",
        /// Display name; the slug when empty.
        pub name: Option<String> = "de::opt_string",
        /// `#RRGGBB`.
        pub color: Option<String> = "de::opt_string",
    }
}

lenient! {
    /// Body of `POST /bff/contact/create`.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct ContactCreateRequest {
        /// E-mail; this or `phone` is required.
        pub email: Option<String> = "de::opt_string",
        /// First name.
        pub first_name: Option<String> = "de::opt_string",
        /// Last name.
        pub last_name: Option<String> = "de::opt_string",
        /// Phone; this or `email` is required.
        pub phone: Option<String> = "de::opt_string",
        /// IČO; company name and address come from ARES.
        pub company_registration_number: Option<String> = "de::opt_string",
        /// Send the registration e-mail (needs `email`).
        pub send_registration_invite: Option<bool> = "de::opt_bool",
        /// Opt out of bulk mail from the start.
        pub ignore_bulk_mail: Option<bool> = "de::opt_bool",
        /// Groups to attach.
        #[serde(default, deserialize_with = "de::null_as_empty")]
        pub group_list: Vec<GroupListItem>,
    }
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
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[
        field::EMAIL,
        field::FIRST_NAME,
        field::LAST_NAME,
        field::PHONE,
        field::COMPANY_REGISTRATION_NUMBER,
        field::SEND_REGISTRATION_INVITE,
        field::IGNORE_BULK_MAIL,
        field::GROUP_LIST,
    ];

    /// Checks every field and the cross-field rules; every violation is reported.
    pub fn parse(&self, org: &OrgRules) -> Result<ValidContactCreate, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.opt(field::EMAIL, &self.email, Email::parse);
        let phone = e.opt(field::PHONE, &self.phone, phone_with(org));
        e.one_of(
            [(field::EMAIL, &self.email), (field::PHONE, &self.phone)],
            ErrorCode::EmailOrPhoneRequired,
        );
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
