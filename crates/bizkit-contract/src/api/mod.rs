//! Wire types of every call, and the request parsers that turn a raw body into validated values.
//!
//! Request structs take anything a client may send (every field optional, numbers accepted
//! where text is expected), so that `parse` can report every violated field at once.
//!
//! One module per call (its endpoints, its request, the parsed form, its answer, and the wire
//! names only it uses); what several calls share is in `shared` and, for the parsers, in `parse`.
//! `build.rs` finds the call modules and lists them (see its conventions). Everything is
//! re-exported here, so `bizkit_contract::api::X` and `bizkit_contract::X` name every type wherever
//! it lives.

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

mod parse;
pub(crate) mod shared;
pub use shared::*;

// Every call module of this folder (all but `mod.rs`, `parse.rs` and `shared.rs`), each with its
// `pub use`: listed by `build.rs`, so a new call is its new file only.
include!(concat!(env!("OUT_DIR"), "/api_modules.rs"));

/// Each call's own wire names are its module's `fields`; `crate::field` has them all. (Named here so
/// that the calls' `fields` modules, re-exported by the globs above, are not ambiguous.)
pub use crate::field as fields;

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
