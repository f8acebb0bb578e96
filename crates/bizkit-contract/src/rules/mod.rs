//! One parser per field rule. Each answers any input with a normal-form value or an
//! [`ErrorCode`](crate::ErrorCode), never a panic, and parsing a normal form gives it back unchanged.
//!
//! An empty input (after trimming) gives [`ErrorCode::Required`](crate::ErrorCode::Required)
//! (except [`ClientIp`], where it means `127.0.0.1`, and [`GroupSlug`], which says
//! `GROUP_SLUG_EMPTY`); the request parsers treat an empty optional field as "not given"
//! before calling these.

mod country;
mod email;
mod ids;
mod misc;
mod phone;
pub(crate) mod punycode;
mod slug;
mod text;

pub use country::{Country, countries};
pub use email::Email;
pub use ids::{Dic, DicKind, Ico};
pub use misc::{
    ApiKey, ApiKeyKind, CU_REF_NO_LEN, ClientIp, Color, ContactType, CuRefNo, Locale, PostalCode,
};
pub use phone::{Phone, calling_codes};
pub use slug::{GroupSlug, to_slug};
pub use text::{FreeText, NAME_MAX, PURCHASE_ORDER_NUMBER_MAX, PersonName, PurchaseOrderNumber};

/// Implements the common surface of a string-backed newtype: `as_str`, `Display`, `AsRef<str>`,
/// `Serialize` as the normal form, and `into_string`.
macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            /// The normal form.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The normal form, by value.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

/// Implements `Deserialize` (through `parse`) and `FromStr` for a rule that needs no context.
macro_rules! parse_impls {
    ($name:ident) => {
        impl core::str::FromStr for $name {
            type Err = crate::ErrorCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s =
                    <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                $name::parse(&s).map_err(|code| serde::de::Error::custom(code.as_str()))
            }
        }
    };
}

pub(crate) use parse_impls;
pub(crate) use string_newtype;

/// Unicode whitespace or a control character that reads as a blank (NUL excluded).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters refused in any text: C0/C1 controls and the bidirectional overrides/isolates,
/// which can make text display as something other than what is stored.
pub(crate) fn is_forbidden_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The input trimmed, or `REQUIRED` when nothing is left: the first step of most rules.
pub(crate) fn required(input: &str) -> Result<&str, crate::ErrorCode> {
    let s = input.trim();
    if s.is_empty() {
        return Err(crate::ErrorCode::Required);
    }
    Ok(s)
}

/// The general-purpose combining-mark blocks: they may sit in an IDN label next to letters, and
/// they never start a new user-perceived character in a name.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}
