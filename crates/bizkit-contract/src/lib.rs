//! The BizKitHub forms contract, shared by the Leptos app (wasm) and the local server.
//!
//! - [`code`]: stable error codes and field errors,
//! - [`rules`]: one parser per field rule, each returning a normal-form newtype or a code,
//! - [`api`]: the wire types of every call and the request parsers,
//! - [`endpoint`]: one method, path, request and answer per call, shared by client, server and OpenAPI,
//! - [`import`]: what a spreadsheet row needs to become a contact-create request,
//! - [`problem`]: the RFC 9457 error body,
//! - [`messages`]: Czech and English text for every code.
//!
//! No I/O and no platform APIs: the same code runs in the browser and on the server.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
mod call;
pub mod code;
mod de;
pub mod endpoint;
pub mod field;
pub mod import;
pub mod messages;
pub mod problem;
pub mod rules;

pub use api::*;
pub use code::*;
pub use import::*;
pub use messages::*;
pub use problem::*;
pub use rules::*;
