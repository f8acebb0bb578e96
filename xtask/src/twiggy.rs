//! Reading twiggy for `cargo xtask size`: its `top` CSV, the crate each item belongs to, the sums
//! by crate, and the small tab-separated record that lets the next run print what changed.

use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;

/// One row of `twiggy top -f csv`: an item of the module and its shallow size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    pub bytes: u64,
}

/// The rows of `twiggy top -f csv` (header `Name,ShallowSize,…`; names with commas or quotes are
/// quoted, a quote doubled).
pub fn parse_top_csv(text: &str) -> Result<Vec<Item>> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    if !header.starts_with("Name,ShallowSize") {
        bail!("twiggy's CSV starts with {header:?}, not Name,ShallowSize,…");
    }
    let mut items = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let fields = csv_fields(line);
        let (Some(name), Some(bytes)) = (fields.first(), fields.get(1)) else {
            bail!(
                "twiggy CSV line {}: {line:?} has fewer than two fields",
                n + 2
            );
        };
        let bytes = bytes
            .parse()
            .with_context(|| format!("twiggy CSV line {}: size {bytes:?}", n + 2))?;
        items.push(Item {
            name: name.clone(),
            bytes,
        });
    }
    Ok(items)
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The name section (what the names build adds to the release module), in `[brackets]` like every
/// bucket that is not a crate.
pub const NAME_SECTION: &str = "[name section]";

/// Which crate an item's bytes are counted for: the crate of a Rust function's path (`tachys`,
/// `reactive_graph`, `bizkit_forms`, …); the standard library by module (`core::fmt`, `core::ptr`:
/// drop glue, `core::ops`: closure shims, `alloc::vec`, …), since its parts say different things
/// about our code; for `<Type as Trait>::f` the crate of `Type`, unless `Type` is generic,
/// a primitive, a tuple or a standard library container while the trait is some crate's own (then
/// the trait's: `<alloc::sync::Arc<…> as leptos::children::ToChildren<F>>` is leptos code). What
/// is not a Rust function gets a bracketed bucket: data segments, wasm-bindgen's glue, imports,
/// exports, the module's structure, functions without a name.
pub fn bucket(name: &str) -> String {
    let fixed = |s: &str| s.to_owned();
    if name.ends_with(" subsection") || name == "custom section 'name' headers" {
        return fixed(NAME_SECTION);
    }
    if name.starts_with("custom section ") {
        return fixed("[custom sections]");
    }
    if name.starts_with("data segment ") {
        return fixed("[data segments]");
    }
    if name.starts_with("code[") {
        return fixed("[unnamed functions]");
    }
    if name.starts_with("import ") {
        return fixed("[imports]");
    }
    if name.starts_with("export ") {
        return fixed("[exports]");
    }
    let structure = ["type[", "\"type[", "table[", "elem[", "memory[", "global["];
    if structure.iter().any(|p| name.starts_with(p))
        || name.ends_with(" section headers")
        || name == "wasm magic bytes"
    {
        return fixed("[module structure]");
    }
    let glue = [
        "__wbg_",
        "__wbindgen",
        "__externref",
        "Closure(",
        "Ref(",
        "intounderlying",
    ];
    if glue.iter().any(|p| name.starts_with(p)) || name.ends_with(" shim") {
        return fixed("[wasm-bindgen glue]");
    }
    rust_bucket(name).unwrap_or_else(|| fixed("[other]"))
}

const STD_CRATES: [&str; 3] = ["core", "alloc", "std"];

fn is_std(bucket: &str) -> bool {
    STD_CRATES.iter().any(|c| {
        bucket == *c
            || bucket
                .strip_prefix(c)
                .is_some_and(|rest| rest.starts_with("::"))
    })
}

fn rust_bucket(name: &str) -> Option<String> {
    let Some(rest) = name.strip_prefix('<') else {
        return path_bucket(name);
    };
    let inner = &rest[..matching_close(rest)?];
    let (self_type, trait_path) = if let Some(imp) = inner.strip_prefix("impl ") {
        match split_top(imp, " for ") {
            Some((t, s)) => (s, Some(t)),
            None => (imp, None),
        }
    } else {
        match split_top(inner, " as ") {
            Some((s, t)) => (s, Some(t)),
            None => (inner, None),
        }
    };
    let of_self = path_bucket(strip_type_prefixes(self_type));
    let of_trait = trait_path.and_then(path_bucket);
    match (of_self, of_trait) {
        // `<&T as core::fmt::Display>::fmt`, `<core::option::Option<T> as core::fmt::Debug>::fmt`
        (s, Some(t)) if t.ends_with("::fmt") && s.as_deref().is_none_or(is_std) => Some(t),
        (Some(s), _) if !is_std(&s) => Some(s),
        (_, Some(t)) if !is_std(&t) => Some(t),
        (s, t) => s.or(t),
    }
}

/// The index in `s` of the `>` closing a `<` just before `s` (`->` is an arrow, not a bracket).
fn matching_close(s: &str) -> Option<usize> {
    let mut depth = 1usize;
    let mut previous = '\0';
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if previous != '-' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        previous = c;
    }
    None
}

/// Splits at the first `sep` outside any `<…>`, `(…)` or `[…]`.
fn split_top<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let mut depth = 0i32;
    let mut previous = '\0';
    for (i, c) in s.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' if previous != '-' => depth -= 1,
            ')' | ']' => depth -= 1,
            _ if depth == 0 && s[i..].starts_with(sep) => {
                return Some((&s[..i], &s[i + sep.len()..]));
            }
            _ => {}
        }
        previous = c;
    }
    None
}

fn strip_type_prefixes(mut s: &str) -> &str {
    loop {
        let before = s;
        for prefix in ["&", "mut ", "*const ", "*mut ", "dyn ", "[", "("] {
            s = s.strip_prefix(prefix).unwrap_or(s);
        }
        s = s.trim_start();
        if s == before {
            return s;
        }
    }
}

/// `tachys::html::…` → `tachys`; `core[c5930c85a12de822]::fmt::…` → `core::fmt`;
/// `core::ptr::drop_in_place<T>` → `core::ptr`; `T`, `f64` → None.
fn path_bucket(path: &str) -> Option<String> {
    let (first, rest) = path.split_once("::")?;
    let krate = first.split('[').next().unwrap_or(first);
    if krate.is_empty() || !krate.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    if STD_CRATES.contains(&krate) {
        let second = rest.split("::").next().unwrap_or("");
        let module = second.split(['[', '<']).next().unwrap_or("");
        if !module.is_empty()
            && module
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Some(format!("{krate}::{module}"));
        }
    }
    Some(krate.to_owned())
}

/// Bytes per bucket, largest first, and the module's total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub total: u64,
    pub buckets: Vec<(String, u64)>,
}

impl Summary {
    pub fn of(items: &[Item]) -> Self {
        let mut sums: BTreeMap<String, u64> = BTreeMap::new();
        for item in items {
            *sums.entry(bucket(&item.name)).or_default() += item.bytes;
        }
        let mut buckets: Vec<(String, u64)> = sums.into_iter().collect();
        buckets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Self {
            total: items.iter().map(|i| i.bytes).sum(),
            buckets,
        }
    }

    pub fn get(&self, bucket: &str) -> u64 {
        self.buckets
            .iter()
            .find(|(b, _)| b == bucket)
            .map_or(0, |(_, n)| *n)
    }

    /// What the module is without the names the names build keeps: comparable with the release.
    pub fn without_names(&self) -> u64 {
        self.total - self.get(NAME_SECTION)
    }
}

/// The figures of one run, `entry \t key \t bytes` a line, for the next run's differences.
pub type Record = BTreeMap<(String, String), u64>;

pub fn parse_record(text: &str) -> Record {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let (entry, key, bytes) = (parts.next()?, parts.next()?, parts.next()?);
            Some((
                (entry.to_owned(), key.to_owned()),
                bytes.trim().parse().ok()?,
            ))
        })
        .collect()
}

pub fn format_record(record: &Record) -> String {
    record
        .iter()
        .map(|((entry, key), bytes)| format!("{entry}\t{key}\t{bytes}\n"))
        .collect()
}

/// `+1.2 KB` / `−0.3 KB` / `±0` against the previous run; empty when there was none.
pub fn delta(now: u64, before: Option<u64>) -> String {
    let Some(before) = before else {
        return String::new();
    };
    let change = i128::from(now) - i128::from(before);
    if change == 0 {
        return "±0".to_owned();
    }
    let sign = if change > 0 { "+" } else { "−" };
    let magnitude = change.unsigned_abs();
    if magnitude < 1024 {
        format!("{sign}{magnitude} B")
    } else {
        #[allow(clippy::cast_precision_loss)] // sizes are far below 2^52
        let kb = magnitude as f64 / 1024.0;
        format!("{sign}{kb:.1} KB")
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn kb(n: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let kb = n as f64 / 1024.0;
    format!("{kb:.1} KB")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_twiggy_csv_with_quoted_names() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",544501,31.6,,\n\
                   \"data segment \"\".rodata.30\"\"\",33788,1.9,,\n\
                   \"<(A, B) as tachys::view::Render>::build::h1\",120,0.1,,\n\
                   memory[0],2,0.0001,,\n";
        let items = parse_top_csv(csv).unwrap();
        assert_eq!(
            items,
            vec![
                Item {
                    name: "\"function names\" subsection".into(),
                    bytes: 544_501
                },
                Item {
                    name: "data segment \".rodata.30\"".into(),
                    bytes: 33_788
                },
                Item {
                    name: "<(A, B) as tachys::view::Render>::build::h1".into(),
                    bytes: 120
                },
                Item {
                    name: "memory[0]".into(),
                    bytes: 2
                },
            ]
        );
        assert!(parse_top_csv("Name,Bytes\nx,1\n").is_err());
        assert!(parse_top_csv("Name,ShallowSize\nx,many\n").is_err());
    }

    #[test]
    fn paths_count_for_their_crate() {
        for (name, want) in [
            (
                "bizkit_forms::api::Client::get::{{closure}}::ha0c24dce81a28fee",
                "bizkit_forms",
            ),
            (
                "bizkit_contract::api::_::<impl serde_core::de::Deserialize for bizkit_contract::api::OrgContact>::deserialize::h19",
                "bizkit_contract",
            ),
            (
                "reactive_graph::traits::Get::get::h07315fd7935cebba",
                "reactive_graph",
            ),
            ("core::fmt::write::h1", "core::fmt"),
            ("alloc::fmt::format::format_inner::h2", "alloc::fmt"),
            (
                "core::ops::function::FnOnce::call_once{{vtable.shim}}::h2f",
                "core::ops",
            ),
            ("dlmalloc::dlmalloc::Dlmalloc<A>::malloc::h3", "dlmalloc"),
        ] {
            assert_eq!(bucket(name), want, "{name}");
        }
    }

    #[test]
    fn qualified_paths_count_for_the_type_unless_it_is_generic_or_std() {
        for (name, want) in [
            (
                "<tachys::html::attribute::Attr<K,V> as tachys::html::attribute::Attribute>::keys::hcd",
                "tachys",
            ),
            (
                "<serde_json::error::JsonUnexpected as core::fmt::Display>::fmt::h1a",
                "serde_json",
            ),
            (
                "<f64 as core[c5930c85a12de822]::fmt::Display>::fmt",
                "core::fmt",
            ),
            ("<&T as core::fmt::Display>::fmt::hd4", "core::fmt"),
            (
                "<core::option::Option<T> as core::fmt::Debug>::fmt::h9",
                "core::fmt",
            ),
            (
                "<T as tachys::view::any_view::IntoAny>::into_any::build::hb0",
                "tachys",
            ),
            (
                "<F as leptos_router::matching::choose_view::ChooseView>::choose::{{closure}}::hb8",
                "leptos_router",
            ),
            (
                "<alloc::sync::Arc<dyn core::ops::function::Fn<()>+Output = tachys::view::any_view::AnyView+core::marker::Sync> as leptos::children::ToChildren<F>>::to_children::h1",
                "leptos",
            ),
            (
                "<alloc::boxed::Box<T,A> as core::ops::drop::Drop>::drop::h0c",
                "alloc::boxed",
            ),
            ("<(A, B) as tachys::view::Render>::build::h1", "tachys"),
            ("<[T] as core::fmt::Debug>::fmt::h5", "core::fmt"),
            (
                "<hashbrown::raw::RawTable<T,A> as core::ops::drop::Drop>::drop::hb6",
                "hashbrown",
            ),
            (
                "<impl core[c5]::fmt::Display for bizkit_contract::Email>::fmt",
                "bizkit_contract",
            ),
            (
                "<dyn core::ops::function::Fn(&str) -> bool as leptos::Callable>::call::h1",
                "leptos",
            ),
        ] {
            assert_eq!(bucket(name), want, "{name}");
        }
    }

    #[test]
    fn what_is_not_a_function_gets_a_bracketed_bucket() {
        for (name, want) in [
            ("\"function names\" subsection", NAME_SECTION),
            ("\"data names\" subsection", NAME_SECTION),
            ("custom section 'name' headers", NAME_SECTION),
            ("custom section 'producers'", "[custom sections]"),
            ("data segment \".rodata.30\"", "[data segments]"),
            ("code[5169]", "[unnamed functions]"),
            ("import ./bizkit-forms_bg.js::__wbg_new_3c", "[imports]"),
            ("export \"__wbindgen_malloc\"", "[exports]"),
            ("elem[0]", "[module structure]"),
            ("\"type[3]: (i32, i32) -> nil\"", "[module structure]"),
            ("type section headers", "[module structure]"),
            ("wasm magic bytes", "[module structure]"),
            (
                "intounderlyingsource_pull externref shim",
                "[wasm-bindgen glue]",
            ),
            ("__wbindgen_malloc", "[wasm-bindgen glue]"),
            (
                "Closure(Closure { owned: true, function: Function { arguments: [] } })",
                "[wasm-bindgen glue]",
            ),
            ("memcmp", "[other]"),
            ("main", "[other]"),
        ] {
            assert_eq!(bucket(name), want, "{name}");
        }
    }

    #[test]
    fn sums_by_bucket_largest_first() {
        let items = [
            ("tachys::a::h1", 10),
            ("\"function names\" subsection", 50),
            ("tachys::b::h2", 5),
            ("bizkit_forms::c::h3", 12),
            ("data segment \".rodata\"", 3),
        ]
        .map(|(name, bytes)| Item {
            name: name.into(),
            bytes,
        });
        let summary = Summary::of(&items);
        assert_eq!(summary.total, 80);
        assert_eq!(summary.without_names(), 30);
        assert_eq!(summary.get("tachys"), 15);
        assert_eq!(summary.get("serde_json"), 0);
        let order: Vec<&str> = summary.buckets.iter().map(|(b, _)| b.as_str()).collect();
        assert_eq!(
            order,
            [NAME_SECTION, "tachys", "bizkit_forms", "[data segments]"]
        );
    }

    #[test]
    fn records_round_trip_and_deltas_read_well() {
        let mut record = Record::new();
        record.insert(("bizkit-forms".into(), "release.gzip".into()), 466_000);
        record.insert(("bizkit-widget".into(), "crate:tachys".into()), 1);
        assert_eq!(parse_record(&format_record(&record)), record);
        assert_eq!(parse_record("garbage\nx\ty\tnot-a-number\n"), Record::new());
        assert_eq!(delta(10, None), "");
        assert_eq!(delta(10, Some(10)), "±0");
        assert_eq!(delta(10, Some(300)), "−290 B");
        assert_eq!(delta(4096, Some(1024)), "+3.0 KB");
        assert_eq!(thousands(1_173_126), "1,173,126");
        assert_eq!(thousands(12), "12");
        assert_eq!(kb(1536), "1.5 KB");
    }
}
