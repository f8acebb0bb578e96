//! The wasm entries `cargo xtask size` measures: the rust links of index.html.

/// One `<link data-trunk rel="rust">` of index.html: a wasm entry and how Trunk post-processes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustLink {
    pub bin: String,
    /// `data-target-path`: where in dist/ its files go ("" for dist/ itself).
    pub target_path: String,
    pub bindgen_target: String,
    pub weak_refs: bool,
    pub reference_types: bool,
    pub keep_debug: bool,
    pub no_demangle: bool,
    /// `data-wasm-opt`: "" (wasm-opt's default), "0" (off), "1"…"4", "s", "z".
    pub opt_level: String,
    pub opt_params: Vec<String>,
}

impl RustLink {
    pub(super) fn label(&self) -> String {
        if self.target_path.is_empty() {
            format!("{} (the app)", self.bin)
        } else {
            format!("{} (dist/{}/)", self.bin, self.target_path)
        }
    }
}

/// The rust links of an HTML page, in order; comments are skipped.
pub fn rust_links(html: &str) -> Vec<RustLink> {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    text.push_str(rest);
    let mut links = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<link") {
        let tag = &rest[start + 5..];
        let end = tag.find('>').unwrap_or(tag.len());
        let attrs = attributes(&tag[..end]);
        rest = &tag[end..];
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let has = |name: &str| get(name).is_some();
        if !has("data-trunk") || get("rel").as_deref() != Some("rust") {
            continue;
        }
        let Some(bin) = get("data-bin") else { continue };
        links.push(RustLink {
            bin,
            target_path: get("data-target-path")
                .unwrap_or_default()
                .trim_matches('/')
                .to_owned(),
            bindgen_target: get("data-bindgen-target").unwrap_or_else(|| "web".to_owned()),
            weak_refs: has("data-weak-refs"),
            reference_types: has("data-reference-types"),
            keep_debug: has("data-keep-debug"),
            no_demangle: has("data-no-demangle"),
            opt_level: get("data-wasm-opt").unwrap_or_default(),
            opt_params: get("data-wasm-opt-params")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        });
    }
    links
}

/// `a="x" b='y' c=z d` → (a, x), (b, y), (c, z), (d, "").
pub(super) fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = tag.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() || c == '/' {
            chars.next();
            continue;
        }
        let mut end = i;
        while let Some(&(j, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' || c == '/' {
                break;
            }
            end = j + c.len_utf8();
            chars.next();
        }
        let name = tag[i..end].to_ascii_lowercase();
        if name.is_empty() {
            chars.next();
            continue;
        }
        let mut value = String::new();
        if chars.peek().is_some_and(|&(_, c)| c == '=') {
            chars.next();
            match chars.peek().map(|&(_, c)| c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_whitespace() {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        out.push((name, value));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rust_links_of_index_html() {
        let html = r#"<!doctype html><head>
    <!-- <link data-trunk rel="rust" data-bin="commented-out" /> -->
    <link data-trunk rel="rust" data-bin="bizkit-forms" data-wasm-opt="z" data-weak-refs
      data-wasm-opt-params="--enable-bulk-memory  --enable-sign-ext" />
    <link data-trunk rel="css" href="style/main.css" />
    <link data-trunk rel="rust" data-type="worker" data-bin="bizkit-widget" data-bindgen-target="web"
      data-target-path="widget/" data-wasm-opt='s' data-reference-types>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="rust" data-bin="not-trunk" />"#;
        let links = rust_links(html);
        assert_eq!(links.len(), 2);
        assert_eq!(
            links[0],
            RustLink {
                bin: "bizkit-forms".into(),
                target_path: String::new(),
                bindgen_target: "web".into(),
                weak_refs: true,
                reference_types: false,
                keep_debug: false,
                no_demangle: false,
                opt_level: "z".into(),
                opt_params: vec!["--enable-bulk-memory".into(), "--enable-sign-ext".into()],
            }
        );
        assert_eq!(links[1].bin, "bizkit-widget");
        assert_eq!(links[1].target_path, "widget");
        assert_eq!(links[1].opt_level, "s");
        assert!(links[1].reference_types && !links[1].weak_refs);
        assert!(links[1].opt_params.is_empty());
    }

    #[test]
    fn reads_attributes_in_every_quoting() {
        assert_eq!(
            attributes(r#" a="x y" b='z' c=w d /"#),
            vec![
                ("a".into(), "x y".into()),
                ("b".into(), "z".into()),
                ("c".into(), "w".into()),
                ("d".into(), String::new()),
            ]
        );
    }

    #[test]
    fn the_project_index_html_has_both_entries() {
        let index =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")).unwrap();
        let bins: Vec<String> = rust_links(&index).into_iter().map(|l| l.bin).collect();
        for bin in ["bizkit-forms", "bizkit-widget"] {
            assert!(bins.iter().any(|b| b == bin), "{bin} not in {bins:?}");
        }
    }
}
