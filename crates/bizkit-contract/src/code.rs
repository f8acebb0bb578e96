//! Stable error codes and the field error that carries one.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $name:ident = $text:literal, $status:literal; )*) => {
        /// A stable, upper-snake-case error code shared by the app and the server.
        ///
        /// The text form ([`ErrorCode::as_str`]) is the wire form and never changes once published;
        /// new codes may be added, hence `#[non_exhaustive]`.
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $( $(#[$doc])* $name, )*
        }

        impl ErrorCode {
            /// Every code, in declaration order (for exhaustive tests and documentation).
            pub const ALL: &'static [ErrorCode] = &[ $( ErrorCode::$name, )* ];

            /// The stable wire form, e.g. `"PHONE_TOO_SHORT"`.
            pub const fn as_str(self) -> &'static str {
                match self { $( ErrorCode::$name => $text, )* }
            }

            /// The code for a wire form; `None` for a code this build does not know.
            pub fn from_code(code: &str) -> Option<ErrorCode> {
                match code { $( $text => Some(ErrorCode::$name), )* _ => None }
            }

            /// The HTTP status the local server answers with when this code is the top-level one
            /// (field codes: 422).
            pub const fn http_status(self) -> u16 {
                match self { $( ErrorCode::$name => $status, )* }
            }
        }
    };
}

error_codes! {
    // ---- field rules ----
    /// A required value is missing or empty.
    Required = "REQUIRED", 422;
    /// Not an HTML "valid e-mail address".
    EmailInvalid = "EMAIL_INVALID", 422;
    /// More than 254 characters (in normal form).
    EmailTooLong = "EMAIL_TOO_LONG", 422;
    /// Fewer subscriber digits than the prefix needs.
    PhoneTooShort = "PHONE_TOO_SHORT", 422;
    /// More subscriber digits than the prefix allows.
    PhoneTooLong = "PHONE_TOO_LONG", 422;
    /// Something other than digits, spaces, dashes, dots, slashes, brackets and a leading `+`.
    PhoneInvalidCharacters = "PHONE_INVALID_CHARACTERS", 422;
    /// No country calling code matches (or the organisation's default prefix is unknown).
    PhoneUnknownPrefix = "PHONE_UNKNOWN_PREFIX", 422;
    /// IČO contains something other than digits.
    IcoNotDigits = "ICO_NOT_DIGITS", 422;
    /// IČO has more than 8 digits.
    IcoTooLong = "ICO_TOO_LONG", 422;
    /// IČO check digit does not match.
    IcoChecksum = "ICO_CHECKSUM", 422;
    /// DIČ starts with letters other than `CZ`.
    DicPrefix = "DIC_PREFIX", 422;
    /// DIČ has something other than digits after `CZ`.
    DicNotDigits = "DIC_NOT_DIGITS", 422;
    /// DIČ does not have 8, 9 or 10 digits.
    DicLength = "DIC_LENGTH", 422;
    /// DIČ check digit does not match.
    DicChecksum = "DIC_CHECKSUM", 422;
    /// A DIČ made of a birth number holds no valid date.
    DicBirthDate = "DIC_BIRTH_DATE", 422;
    /// Not 5 digits (with or without one space).
    PostalCodeInvalid = "POSTAL_CODE_INVALID", 422;
    /// Not an officially assigned ISO 3166-1 code.
    CountryUnknown = "COUNTRY_UNKNOWN", 422;
    /// Not a well-formed language tag.
    LocaleInvalid = "LOCALE_INVALID", 422;
    /// A language the organisation does not offer.
    LocaleUnsupported = "LOCALE_UNSUPPORTED", 422;
    /// cuRefNo / referralId is not exactly 16 characters.
    CuRefNoLength = "CU_REF_NO_LENGTH", 422;
    /// cuRefNo / referralId has characters other than letters A–Z and digits.
    CuRefNoCharacters = "CU_REF_NO_CHARACTERS", 422;
    /// Nothing is left of the group name after making a slug of it.
    GroupSlugEmpty = "GROUP_SLUG_EMPTY", 422;
    /// Not a `#RRGGBB` colour.
    ColorInvalid = "COLOR_INVALID", 422;
    /// A name longer than 128 characters.
    NameTooLong = "NAME_TOO_LONG", 422;
    /// Control characters (other than a newline in multi-line text).
    TextControlCharacters = "TEXT_CONTROL_CHARACTERS", 422;
    /// Text longer than the field allows.
    TextTooLong = "TEXT_TOO_LONG", 422;
    /// An API key not of the form `^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$`.
    ApiKeyMalformed = "API_KEY_MALFORMED", 401;
    /// Not an IPv4 or IPv6 address.
    IpInvalid = "IP_INVALID", 422;
    /// Contact type not one of 1–6.
    ContactTypeUnknown = "CONTACT_TYPE_UNKNOWN", 422;
    /// Purchase order number longer than 50 characters.
    PurchaseOrderNumberTooLong = "PURCHASE_ORDER_NUMBER_TOO_LONG", 422;
    /// Purchase order number on a contact that is not an invoice contact (type 6).
    PurchaseOrderNumberNotInvoice = "PURCHASE_ORDER_NUMBER_NOT_INVOICE", 422;
    /// A list holds more items than allowed.
    TooManyItems = "TOO_MANY_ITEMS", 422;
    // ---- cross-field rules ----
    /// Neither e-mail nor phone was given.
    EmailOrPhoneRequired = "EMAIL_OR_PHONE_REQUIRED", 422;
    /// `sendRegistrationInvite: true` without an e-mail.
    InviteRequiresEmail = "INVITE_REQUIRES_EMAIL", 422;
    /// Neither e-mail nor cuRefNo was given.
    EmailOrCuRefNoRequired = "EMAIL_OR_CU_REF_NO_REQUIRED", 422;
    /// A parameter that must not be sent (`id`, `organisation_id`).
    ForbiddenParameter = "FORBIDDEN_PARAMETER", 400;
    /// No group was given where at least one is required.
    GroupsRequired = "GROUPS_REQUIRED", 422;
    // ---- import ----
    /// An earlier row of the imported file already has this e-mail (or, without one, this phone).
    DuplicateInFile = "DUPLICATE_IN_FILE", 422;
    // ---- server ----
    /// Top-level code of a 422 answer that lists field errors.
    ValidationFailed = "VALIDATION_FAILED", 422;
    /// Another contact of the organisation has this e-mail.
    EmailTaken = "EMAIL_TAKEN", 409;
    /// Another customer of the organisation has this cuRefNo.
    CuRefNoTaken = "CU_REF_NO_TAKEN", 409;
    /// The invited person is already a member.
    MemberExists = "MEMBER_EXISTS", 409;
    /// No customer with this e-mail or cuRefNo.
    CustomerNotFound = "CUSTOMER_NOT_FOUND", 404;
    /// A permission code the organisation does not know.
    PermissionUnknown = "PERMISSION_UNKNOWN", 422;
    /// A role code the organisation does not know.
    RoleUnknown = "ROLE_UNKNOWN", 422;
    /// No such resource.
    NotFound = "NOT_FOUND", 404;
    /// The method is not allowed on this path.
    MethodNotAllowed = "METHOD_NOT_ALLOWED", 405;
    /// No token or an unknown one.
    Unauthorized = "UNAUTHORIZED", 401;
    /// The token has expired.
    TokenExpired = "TOKEN_EXPIRED", 401;
    /// Wrong e-mail or password.
    InvalidCredentials = "INVALID_CREDENTIALS", 401;
    /// The role may not do this.
    Forbidden = "FORBIDDEN", 403;
    /// A token or API key in the query string.
    CredentialInQuery = "CREDENTIAL_IN_QUERY", 400;
    /// The body is not JSON of the expected shape.
    MalformedJson = "MALFORMED_JSON", 400;
    /// The body is not `application/json`.
    UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE", 415;
    /// The body is too large.
    PayloadTooLarge = "PAYLOAD_TOO_LARGE", 413;
    /// Too many requests; see `Retry-After`.
    RateLimited = "RATE_LIMITED", 429;
    /// The idempotency key was used before with another body.
    IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED", 422;
    /// A request with this idempotency key is still running.
    IdempotencyKeyInFlight = "IDEMPOTENCY_KEY_IN_FLIGHT", 409;
    /// The idempotency key is empty or longer than 255 characters.
    IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID", 400;
    /// ARES knows no company with this IČO.
    AresNotFound = "ARES_NOT_FOUND", 404;
    /// ARES cannot be reached or answered with an error.
    AresUnavailable = "ARES_UNAVAILABLE", 503;
    /// The request named a `Host` that is not this server's (DNS rebinding protection).
    MisdirectedRequest = "MISDIRECTED_REQUEST", 421;
    /// An unexpected server error.
    Internal = "INTERNAL", 500;
    // ---- app side ----
    /// The server could not be reached (no answer at all).
    NetworkError = "NETWORK_ERROR", 503;
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ErrorCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ErrorCode, E> {
                ErrorCode::from_code(v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .enum_values(Some(ErrorCode::ALL.iter().map(|c| c.as_str())))
            .description(Some("Stable upper-snake-case error code"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ErrorCode {}

/// One violated rule of one field; `field` is the JSON name (`groupList[2].color`, `type.id`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON path of the field, e.g. `email`, `groupList[2].color`, `country.id`.
    pub field: String,
    /// What is wrong with it.
    pub code: ErrorCode,
}

impl FieldError {
    /// A field error for `field`.
    pub fn new(field: impl Into<String>, code: ErrorCode) -> Self {
        FieldError {
            field: field.into(),
            code,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.code)
    }
}
