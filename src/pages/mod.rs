//! One module per page.

#[cfg(feature = "import")]
pub mod contact_import;
/// Without the import feature the route answers as an unknown page.
#[cfg(not(feature = "import"))]
pub mod contact_import {
    pub use super::not_found::NotFound as ContactImport;
}
pub mod contact_new;
pub mod customer_groups;
pub mod home;
pub mod member_invite;
pub mod not_found;
pub mod org_contacts;
pub mod profile;
pub mod sign_in;
