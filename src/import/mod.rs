//! Importing contacts from a spreadsheet: decoding the file, reading its records, guessing which
//! column is which field, the rows with their checks and states, and what an answer means for a
//! row. Everything here is plain Rust, tested natively; the page (`pages::contact_import`) adds
//! the browser: reading the file, yielding between slices, sending, storage.
//!
//! Crates, chosen on what they add to the release wasm: gzip -9 after `wasm-opt -Oz`, each measured
//! in a minimal wasm-bindgen crate with the app's release profile (a base that already decodes
//! UTF-8 and splits lines: 7.9 KB), decoding Windows-1250 and reading quoted records:
//!
//! | choice | adds |
//! |---|---|
//! | `csv-core` 0.1 (the allocation-free core of `csv`) | 1.3 KB |
//! | `csv` 1.4 (its `Reader` over `io::Read`, serde support) | 4.6 KB |
//! | `yore` 2.1, the CP1250 table only | 0.4 KB |
//! | `encoding_rs` 0.8, `WINDOWS_1250.decode` (every encoding's decoder comes along) | 123.8 KB |
//! | the browser's `TextDecoder` through web-sys | −0.1 KB, but not testable natively |
//! | `csv-core` + `yore`, as used | 2.3 KB |
//!
//! UTF-8 and UTF-16 are std's own; no detector crate is needed beyond the BOM and UTF-8 validity
//! (a Windows-1250 file with a Czech letter in it is almost never valid UTF-8).

pub mod browser;
pub mod check;
pub mod decode;
pub mod mapping;
pub mod records;
pub mod rows;
pub mod send;
