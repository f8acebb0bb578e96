//! The form kit every page is composed of.

pub mod ares;
pub mod code_picker;
pub mod error_summary;
pub mod field;
pub mod form;
pub mod layout;
pub mod notices;
pub mod submit;
pub mod tag_picker;
