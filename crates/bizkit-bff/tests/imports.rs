//! No two modules of the server import each other, directly or round a loop: the state is
//! assembled from its parts, and a part that imported the state back would tie every part to
//! every other (issue 26). A module is a file of `src/`, or a folder (`handlers/`, `store/`) as a
//! whole; an import is any `crate::name` in code (a `use` or a path), comments left out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The modules `code` names after `crate::`, also inside `use crate::{a, b::c}`.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Only the group's own top level names modules: `{a, b::{c, d}}` imports a and b.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && depth == 0 && (c.is_ascii_alphabetic() || c == '_') => {
                        found.insert(ident_at(&group[i..]).to_owned());
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident_at(rest).to_owned());
        }
    }
    found
}

fn without_comments(src: &str) -> String {
    src.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_module_imports_itself_round_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |path: &Path| {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        first.trim_end_matches(".rs").to_owned()
    };
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        let code = without_comments(&std::fs::read_to_string(file).unwrap());
        let targets = imports(&code)
            .into_iter()
            .filter(|t| *t != module && modules.contains(t) && t != "lib" && t != "main")
            .collect::<Vec<_>>();
        edges.entry(module).or_default().extend(targets);
    }
    // A module is in a loop when it reaches itself.
    let mut in_loops = Vec::new();
    for start in &modules {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = edges.get(start).into_iter().flatten().collect();
        while let Some(m) = todo.pop() {
            if seen.insert(m.clone()) {
                todo.extend(edges.get(m).into_iter().flatten());
            }
        }
        if seen.contains(start) {
            let back: Vec<&String> = edges[start]
                .iter()
                .filter(|t| {
                    let mut reach = BTreeSet::new();
                    let mut todo = vec![*t];
                    while let Some(m) = todo.pop() {
                        if reach.insert(m.clone()) {
                            todo.extend(edges.get(m).into_iter().flatten());
                        }
                    }
                    reach.contains(start)
                })
                .collect();
            in_loops.push(format!("{start} -> {back:?}"));
        }
    }
    assert!(
        in_loops.is_empty(),
        "modules in an import loop:\n{}",
        in_loops.join("\n")
    );
    // The scan itself sees imports (a scan that finds none would pass anything).
    assert!(edges["state"].contains("db") && edges["handlers"].contains("store"));
}

#[test]
fn grouped_and_nested_imports_are_seen() {
    let code = "use crate::{auth::Principal, db::{Db, now}, error};\nlet x = crate::web::f();";
    let found: Vec<String> = imports(code).into_iter().collect();
    assert_eq!(found, ["auth", "db", "error", "web"]);
}
