//! `POST /api/v1/authenticate`, `GET`/`DELETE /api/v1/session`: signing in and out.

use super::*;

pub const AUTHENTICATE: Endpoint<AuthenticateRequest, AuthenticateResponse> =
    Endpoint::new(Method::Post, "/api/v1/authenticate");
pub const SESSION_GET: Endpoint<NoBody, SessionResponse> =
    Endpoint::new(Method::Get, "/api/v1/session");
pub const SESSION_DELETE: Endpoint<NoBody, NoBody> =
    Endpoint::new(Method::Delete, "/api/v1/session");

lenient! {
    /// Body of `POST /api/v1/authenticate`.
    #[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct AuthenticateRequest {
        /// E-mail.
        pub email: Option<String> = "de::opt_string",
        /// Password.
        pub password: Option<String> = "de::opt_string",
    }
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
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[field::EMAIL, field::PASSWORD];

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
