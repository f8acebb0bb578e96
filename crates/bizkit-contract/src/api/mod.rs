//! Wire types of every call, and the request parsers that turn a raw body into validated values.
//!
//! Request structs take anything a client may send (every field optional, numbers accepted
//! where text is expected), so that `parse` can report every violated field at once.
//!
//! One module per call (its request, the parsed form, its answer); what several calls share is in
//! `shared` and, for the parsers, in `parse`. Everything is re-exported here, so
//! `bizkit_contract::api::X` and `bizkit_contract::X` name every type wherever it lives.

use serde::{Deserialize, Serialize};

use crate::call::{Endpoint, Method, NoBody};
use crate::code::{ErrorCode, FieldError};
use crate::de;
use crate::field;
use crate::rules::{
    ClientIp, Color, ContactType, Country, CuRefNo, Dic, Email, FreeText, GroupSlug, Ico, Locale,
    PersonName, Phone, PostalCode, PurchaseOrderNumber,
};
pub(crate) use parse::normal_text;
use parse::{Errors, given, line, phone_with};

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

/// A request struct whose fields marked `= "de::…"` are optional on the wire: absent or `null` is
/// `None`, `None` is left out when written, and the value is read by that lenient decoder (see
/// `de`). The macro only writes serde's five-line attribute for each marked field; the struct,
/// its derives and its schema are those written here.
macro_rules! lenient {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident: $ty:ty $(= $with:literal)?,
            )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[$field_meta])*
                $(#[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = $with)])?
                pub $field: $ty,
            )*
        }
    };
}

pub(crate) mod add_groups;
pub(crate) mod ares;
pub(crate) mod contact;
pub(crate) mod contact_create;
pub(crate) mod customer_group;
pub(crate) mod member_invite;
pub(crate) mod org_contact;
mod parse;
pub(crate) mod permission_list;
pub(crate) mod session;
pub(crate) mod shared;
pub(crate) mod update_profile;

pub use add_groups::*;
pub use ares::*;
pub use contact::*;
pub use contact_create::*;
pub use customer_group::*;
pub use member_invite::*;
pub use org_contact::*;
pub use permission_list::*;
pub use session::*;
pub use shared::*;
pub use update_profile::*;

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
