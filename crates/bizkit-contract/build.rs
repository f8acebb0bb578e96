//! Makes the lists that name every call from the call modules in `src/api/`, so that a new call is
//! one new file there and nothing else in this crate (issue 26).
//!
//! Every `src/api/*.rs` is a call module except [`NOT_CALLS`]. The conventions a call module follows
//! (this script panics, and so fails the build, when one is broken, rather than leave a call out):
//!
//! - each endpoint is one line `pub const NAME: Endpoint<Request, Answer> =` followed by its
//!   `Endpoint::new(…)` (at least one per module; `Endpoint<Request,` is on the line of its name);
//! - a `Request` other than `NoBody` has an associated `pub const FIELDS: &[&str]`, its wire names;
//! - wire names only this call uses are in the module's `pub mod fields { … }` (optional).
//!
//! Generated into `OUT_DIR`, each `include!`d at one place:
//!
//! - `api_modules.rs` (`api/mod.rs`): the `mod` of every call and its `pub use`;
//! - `every_call.rs` (`endpoint.rs`): the `every_call!` list of every endpoint, which makes `ALL`;
//! - `call_fields.rs` (`field.rs`): the `pub use` of each call's own wire names;
//! - `requests.rs` (`field.rs`'s tests): the check that each request's `FIELDS` are its fields.
//!
//! Modules are sorted by file name and endpoints kept in file order, so the output (and the order of
//! `endpoint::ALL`) does not depend on the file system.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// Files in `src/api/` that are no call: `mod.rs` is the parent that includes the generated list,
/// `parse.rs` the parsers' helpers, `shared.rs` the types several calls answer. Neither defines an
/// endpoint.
const NOT_CALLS: [&str; 3] = ["mod.rs", "parse.rs", "shared.rs"];

const ENDPOINT_LINE: &str = "pub const ";
const ENDPOINT_TYPE: &str = ": Endpoint<";
const FIELDS_MODULE: &str = "pub mod fields {";

struct Call {
    module: String,
    path: PathBuf,
    endpoints: Vec<String>,
    /// Request types other than `NoBody`, each once.
    requests: Vec<String>,
    has_fields: bool,
}

fn main() {
    let dir = Path::new(&env_var("CARGO_MANIFEST_DIR")).join("src/api");
    println!("cargo:rerun-if-changed={}", dir.display());
    let calls = calls(&dir);
    for call in &calls {
        println!("cargo:rerun-if-changed={}", call.path.display());
    }
    let out = PathBuf::from(env_var("OUT_DIR"));
    write(&out.join("api_modules.rs"), &api_modules(&calls));
    write(&out.join("every_call.rs"), &every_call(&calls));
    write(&out.join("call_fields.rs"), &call_fields(&calls));
    write(&out.join("requests.rs"), &requests(&calls));
}

fn env_var(name: &str) -> String {
    env::var(name).unwrap_or_else(|e| panic!("build.rs: {name}: {e}"))
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("build.rs: writing {}: {e}", path.display()));
}

fn calls(dir: &Path) -> Vec<Call> {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("build.rs: reading {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("build.rs: reading {}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter(|p| {
            !NOT_CALLS
                .iter()
                .any(|n| p.file_name().is_some_and(|f| f == *n))
        })
        .collect();
    paths.sort();
    paths.into_iter().map(call).collect()
}

fn call(path: PathBuf) -> Call {
    let shown = path.display().to_string();
    let module = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .unwrap_or_else(|| panic!("build.rs: {shown}: a call module's name is snake_case"))
        .to_owned();
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("build.rs: {shown}: {e}"));
    let mut endpoints = Vec::new();
    let mut requests: Vec<String> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix(ENDPOINT_LINE) else {
            continue;
        };
        if !rest.contains("Endpoint<") {
            continue;
        }
        let (name, types) = rest.split_once(ENDPOINT_TYPE).unwrap_or_else(|| {
            panic!(
                "build.rs: {shown}:{}: an endpoint is declared as `pub const NAME: Endpoint<Request, Answer> =`",
                n + 1
            )
        });
        let request = types.split_once(',').map(|(r, _)| r.trim()).unwrap_or_else(|| {
            panic!(
                "build.rs: {shown}:{}: `Endpoint<Request,` must be on the line of its `pub const`",
                n + 1
            )
        });
        let is_name =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_name(name) || !is_name(request) {
            panic!(
                "build.rs: {shown}:{}: expected `pub const NAME: Endpoint<Request, …>` with a plain request type",
                n + 1
            );
        }
        endpoints.push(name.to_owned());
        if request != "NoBody" && !requests.iter().any(|r| r == request) {
            requests.push(request.to_owned());
        }
    }
    // An endpoint declared otherwise (indented, `pub(crate)`, its type wrapped) would be left out
    // of `ALL` without a word: every `Endpoint::new(` must belong to one line found above.
    let made = text.matches("Endpoint::new(").count();
    if made != endpoints.len() {
        panic!(
            "build.rs: {shown}: {made} `Endpoint::new(` but {} lines `pub const NAME: Endpoint<Request, …> =`; \
             declare each endpoint on such a line",
            endpoints.len()
        );
    }
    if endpoints.is_empty() {
        panic!(
            "build.rs: {shown} defines no `pub const NAME: Endpoint<…>`: a call module has at least one \
             endpoint; a module that is no call goes in NOT_CALLS of build.rs"
        );
    }
    let has_fields = text.lines().any(|l| l.trim_end() == FIELDS_MODULE);
    if !has_fields && text.contains("mod fields") {
        panic!("build.rs: {shown}: the call's own wire names are in a top-level `{FIELDS_MODULE}`");
    }
    Call {
        module,
        path,
        endpoints,
        requests,
        has_fields,
    }
}

const HEADER: &str =
    "// Generated by crates/bizkit-contract/build.rs from the files in src/api/.\n";

fn api_modules(calls: &[Call]) -> String {
    let mut s = HEADER.to_owned();
    for c in calls {
        // `#[path]`: a `mod` in an included file would be looked for next to it, in OUT_DIR.
        let path = c.path.display().to_string().replace('\\', "/");
        let _ = writeln!(s, "#[path = {path:?}]\npub(crate) mod {};", c.module);
        let _ = writeln!(s, "pub use {}::*;", c.module);
        for r in &c.requests {
            // A request without its `FIELDS` fails every build, not only the tests.
            let _ = writeln!(s, "const _: &[&str] = {}::{r}::FIELDS;", c.module);
        }
    }
    s
}

fn every_call(calls: &[Call]) -> String {
    let mut s = HEADER.to_owned();
    s.push_str("every_call! {\n");
    for c in calls {
        for e in &c.endpoints {
            let _ = writeln!(s, "    {}::{e},", c.module);
        }
    }
    s.push_str("}\n");
    s
}

fn call_fields(calls: &[Call]) -> String {
    let mut s = HEADER.to_owned();
    for c in calls.iter().filter(|c| c.has_fields) {
        let _ = writeln!(s, "pub use crate::api::{}::fields::*;", c.module);
    }
    s
}

fn requests(calls: &[Call]) -> String {
    let mut s = HEADER.to_owned();
    s.push_str("/// Checks each request's `FIELDS` with `all_known`.\nfn every_request() {\n");
    for c in calls {
        for r in &c.requests {
            let _ = writeln!(
                s,
                "    all_known::<crate::api::{m}::{r}>(crate::api::{m}::{r}::FIELDS);",
                m = c.module
            );
        }
    }
    s.push_str("}\n");
    s
}
