//! One module per page.

pub mod contact_import;
pub mod contact_new;
pub mod customer_groups;
pub mod home;
pub mod member_invite;
pub mod not_found;
pub mod org_contacts;
pub mod profile;
pub mod sign_in;
