//! `POST /bff/member/invite-email`: an administrator invites a member.

use super::*;

pub const MEMBER_INVITE: Endpoint<MemberInviteRequest, MemberInviteResponse> =
    Endpoint::new(Method::Post, "/bff/member/invite-email");

lenient! {
    /// Body of `POST /bff/member/invite-email`.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct MemberInviteRequest {
        /// E-mail of the invitee (required).
        pub email: Option<String> = "de::opt_string",
        /// First name, 0–128.
        pub first_name: Option<String> = "de::opt_string",
        /// Last name, 0–128.
        pub last_name: Option<String> = "de::opt_string",
        /// Permission codes to grant.
        #[serde(default, deserialize_with = "de::string_list")]
        pub permission_codes: Vec<String>,
        /// Role codes to grant.
        #[serde(default, deserialize_with = "de::string_list")]
        pub role_codes: Vec<String>,
        /// Internal note.
        pub description: Option<String> = "de::opt_string",
    }
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
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[
        field::EMAIL,
        field::FIRST_NAME,
        field::LAST_NAME,
        field::PERMISSION_CODES,
        field::ROLE_CODES,
        field::DESCRIPTION,
    ];

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
