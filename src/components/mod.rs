//! The form kit every page is composed of.

pub mod ares;
pub mod ares_fill;
pub mod code_picker;
pub mod confirm;
pub mod error_summary;
pub mod field;
pub mod field_table;
pub mod focus;
pub mod form;
pub mod form_page;
pub mod handover;
pub mod layout;
pub mod live_check;
pub mod notices;
pub mod record;
pub mod select;
pub mod submit;
pub mod tag_picker;
pub mod which_customer;
