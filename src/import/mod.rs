//! Importing contacts from a spreadsheet: decoding the file, reading its records, guessing which
//! column is which field, the rows with their checks and states, and what an answer means for a
//! row. Everything here is plain Rust, tested natively; the page (`pages::contact_import`) adds
//! the browser: reading the file, yielding between slices, sending, storage.
//!
//! Crates, chosen on what they add to the release wasm (gzip -9 after `wasm-opt -Oz`, measured in
//! a minimal wasm-bindgen crate with the same profile): see `MEASURED` in the README's figures.

pub mod browser;
pub mod decode;
pub mod mapping;
pub mod records;
pub mod rows;
pub mod send;
