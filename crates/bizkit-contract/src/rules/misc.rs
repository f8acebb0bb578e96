//! The smaller rules: postal code, locale, cuRefNo, colour, API key, client IP, contact type.

use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{Country, is_space, parse_impls, required, string_newtype};
use crate::ErrorCode;
use crate::messages::Lang;

// ---------------------------------------------------------------------------------------------

/// A postal code. Czech and Slovak (the default): 5 digits, normal form `NNN NN` (`272 01`).
/// Other countries ([`PostalCode::parse_for`]): 2–10 letters, digits, spaces or dashes,
/// upper-cased with spaces collapsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode(String);

string_newtype!(PostalCode);
parse_impls!(PostalCode);

impl PostalCode {
    /// Parses a Czech or Slovak postal code: 5 digits, with or without one space.
    pub fn parse(input: &str) -> Result<PostalCode, ErrorCode> {
        let s = required(input)?;
        let chars: Vec<char> = s.chars().take(7).collect();
        let digits: String = match chars.as_slice() {
            [a, b, c, d, e] => [*a, *b, *c, *d, *e].iter().collect(),
            [a, b, c, sp, d, e] if is_space(*sp) => [*a, *b, *c, *d, *e].iter().collect(),
            _ => return Err(ErrorCode::PostalCodeInvalid),
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::PostalCodeInvalid);
        }
        Ok(PostalCode(format!("{} {}", &digits[..3], &digits[3..])))
    }

    /// Parses a postal code of `country`: the Czech/Slovak rule for CZ, SK and no country,
    /// a loose one for the rest of the world.
    pub fn parse_for(input: &str, country: Option<Country>) -> Result<PostalCode, ErrorCode> {
        match country.map(|c| c.as_str()) {
            None | Some("CZ" | "SK") => PostalCode::parse(input),
            Some(_) => {
                let words: Vec<&str> = input.split_whitespace().collect();
                let s = words.join(" ").to_ascii_uppercase();
                if s.is_empty() {
                    return Err(ErrorCode::Required);
                }
                let ok = (2..=10).contains(&s.chars().count())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
                if ok {
                    Ok(PostalCode(s))
                } else {
                    Err(ErrorCode::PostalCodeInvalid)
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// A BCP 47 language tag the organisation offers; normal form lower-case (`cs`, `en-gb`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(String);

string_newtype!(Locale);

fn well_formed_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Locale {
    /// Parses a tag and checks it against `offered`, ignoring case (`_` is read as `-`).
    pub fn parse(input: &str, offered: &[&str]) -> Result<Locale, ErrorCode> {
        let s = required(input)?;
        let tag = s.replace('_', "-").to_ascii_lowercase();
        if !well_formed_tag(&tag) {
            return Err(ErrorCode::LocaleInvalid);
        }
        if offered
            .iter()
            .any(|o| o.trim().replace('_', "-").eq_ignore_ascii_case(&tag))
        {
            Ok(Locale(tag))
        } else {
            Err(ErrorCode::LocaleUnsupported)
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// Length of a customer reference number.
pub const CU_REF_NO_LEN: usize = 16;

/// A customer reference number (cuRefNo, referralId): exactly 16 of `[A-Za-z0-9]`, kept as typed
/// (it is case-sensitive).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CuRefNo(String);

string_newtype!(CuRefNo);
parse_impls!(CuRefNo);

impl CuRefNo {
    /// Parses a cuRefNo; surrounding spaces are ignored.
    pub fn parse(input: &str) -> Result<CuRefNo, ErrorCode> {
        let s = required(input)?;
        if !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(ErrorCode::CuRefNoCharacters);
        }
        if s.len() != CU_REF_NO_LEN {
            return Err(ErrorCode::CuRefNoLength);
        }
        Ok(CuRefNo(s.to_owned()))
    }
}

// ---------------------------------------------------------------------------------------------

/// A colour `#rrggbb`, lower-case. The `#` may be left out when typing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Color(String);

string_newtype!(Color);
parse_impls!(Color);

impl Color {
    /// Parses `#RRGGBB` (or `RRGGBB`), any case.
    pub fn parse(input: &str) -> Result<Color, ErrorCode> {
        let s = required(input)?;
        let hex = s.strip_prefix('#').unwrap_or(s);
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Color(format!("#{}", hex.to_ascii_lowercase())))
        } else {
            Err(ErrorCode::ColorInvalid)
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// What an API key is for, from its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApiKeyKind {
    /// `PROD`: production.
    Production,
    /// `DEV_`: one developer.
    Developer,
    /// `ROOT`: the system, without limits.
    Root,
}

/// An API key of the form `^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$`.
///
/// `Debug` shows only the prefix, so a key in a logged struct does not leak.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ApiKey(String);

string_newtype!(ApiKey);
parse_impls!(ApiKey);

impl ApiKey {
    /// Parses a key; surrounding spaces (from copy and paste) are ignored.
    pub fn parse(input: &str) -> Result<ApiKey, ErrorCode> {
        let s = required(input)?;
        let ok = s.len() == 32
            && ["PROD", "DEV_", "ROOT"].iter().any(|p| s.starts_with(p))
            && s.as_bytes()[4..].iter().all(u8::is_ascii_alphanumeric);
        if ok {
            Ok(ApiKey(s.to_owned()))
        } else {
            Err(ErrorCode::ApiKeyMalformed)
        }
    }

    /// Which kind of key this is.
    pub fn kind(&self) -> ApiKeyKind {
        match self.0.get(..4) {
            Some("PROD") => ApiKeyKind::Production,
            Some("DEV_") => ApiKeyKind::Developer,
            _ => ApiKeyKind::Root,
        }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({}…)", self.0.get(..4).unwrap_or(""))
    }
}

// ---------------------------------------------------------------------------------------------

/// A client's IP address. `::1`, `0.0.0.0`, `::`, `localhost` and the empty value become
/// `127.0.0.1`; an IPv4-mapped IPv6 address becomes the IPv4 one; IPv6 is written compressed
/// and lower-case (`2001:db8::1`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientIp(String);

string_newtype!(ClientIp);
parse_impls!(ClientIp);

impl ClientIp {
    /// Parses an IP address (brackets around IPv6 allowed). Unlike the other rules, the empty
    /// value is not an error but `127.0.0.1`, as the update-profile page documents.
    pub fn parse(input: &str) -> Result<ClientIp, ErrorCode> {
        let s = input.trim();
        let s = s
            .strip_prefix('[')
            .and_then(|x| x.strip_suffix(']'))
            .unwrap_or(s);
        let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
        if s.is_empty() || s.eq_ignore_ascii_case("localhost") {
            return Ok(ClientIp(loopback.to_string()));
        }
        let ip = s
            .parse::<IpAddr>()
            .map_err(|_| ErrorCode::IpInvalid)?
            .to_canonical();
        let ip = if ip.is_unspecified() || ip == IpAddr::V6(Ipv6Addr::LOCALHOST) {
            loopback
        } else {
            ip
        };
        Ok(ClientIp(ip.to_string()))
    }

    /// The address.
    pub fn ip(&self) -> IpAddr {
        self.0.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
    }
}

// ---------------------------------------------------------------------------------------------

/// The type of an organisation contact (fixed at creation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactType {
    /// 1: the main contact.
    Primary = 1,
    /// 2: technical matters.
    Technical = 2,
    /// 3: billing questions.
    Billing = 3,
    /// 4: abuse reports.
    Abuse = 4,
    /// 5: legal matters.
    Legal = 5,
    /// 6: the address on invoices; the only type with a purchase order number.
    Invoice = 6,
}

const CONTACT_TYPES: &[ContactType] = &[
    ContactType::Primary,
    ContactType::Technical,
    ContactType::Billing,
    ContactType::Abuse,
    ContactType::Legal,
    ContactType::Invoice,
];

impl ContactType {
    /// Every type, by id.
    pub fn all() -> &'static [ContactType] {
        CONTACT_TYPES
    }

    /// The type with this id (1–6).
    pub fn from_id(id: u32) -> Result<ContactType, ErrorCode> {
        CONTACT_TYPES
            .iter()
            .copied()
            .find(|t| t.id() == id)
            .ok_or(ErrorCode::ContactTypeUnknown)
    }

    /// Parses an id (`"6"`) or a name (`"invoice"`, any case).
    pub fn parse(input: &str) -> Result<ContactType, ErrorCode> {
        let s = required(input)?;
        if let Ok(id) = s.parse::<u32>() {
            return ContactType::from_id(id);
        }
        CONTACT_TYPES
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or(ErrorCode::ContactTypeUnknown)
    }

    /// The id, 1–6.
    pub fn id(self) -> u32 {
        self as u32
    }

    /// The stable English key, and the English and Czech labels.
    fn words(self) -> [&'static str; 3] {
        match self {
            ContactType::Primary => ["primary", "Primary", "Hlavní"],
            ContactType::Technical => ["technical", "Technical", "Technický"],
            ContactType::Billing => ["billing", "Billing", "Platební"],
            ContactType::Abuse => ["abuse", "Abuse", "Hlášení zneužití"],
            ContactType::Legal => ["legal", "Legal", "Právní"],
            ContactType::Invoice => ["invoice", "Invoice", "Fakturační"],
        }
    }

    /// The stable English key: `primary`, `technical`, `billing`, `abuse`, `legal`, `invoice`.
    pub fn as_str(&self) -> &'static str {
        let [key, _, _] = self.words();
        key
    }

    /// A label for a select.
    pub fn name(self, lang: Lang) -> &'static str {
        let [_, en, cs] = self.words();
        match lang {
            Lang::En => en,
            Lang::Cs => cs,
        }
    }

    /// Whether a purchase order number may be set (invoice contacts only).
    pub fn allows_purchase_order_number(self) -> bool {
        self == ContactType::Invoice
    }
}

impl fmt::Display for ContactType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ContactType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
