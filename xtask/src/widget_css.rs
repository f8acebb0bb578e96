//! The widget's stylesheets without `rem`: inside a shadow root, `1rem` is still the *host page's*
//! root font size, and sites set that freely (`html { font-size: 62.5% }` makes it 10px), which
//! would shrink or blow up every size of the widget. The app's stylesheets, copied into
//! `dist/widget/` by Trunk, are rewritten after the build so that each `Nrem` becomes
//! `calc(N * var(--bizkit-rem, 1rem))`; the loader (`widget.js`) sets `--bizkit-rem` to the reader's
//! own default font size (`font-size: medium`), so the widget keeps following the browser's text
//! size setting, and not the host's CSS. Media queries keep `rem` (a `var()` is not allowed there,
//! and their `rem` is the browser's default anyway).

use anyhow::{Context, Result};
use std::path::Path;

const VAR: &str = "var(--bizkit-rem, 1rem)";

/// `css` with every `rem` length outside at-rule preludes, comments and strings written in
/// `--bizkit-rem`. Applying it twice changes nothing more.
pub fn rem_free(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len() + css.len() / 8);
    let mut i = 0;
    // Inside `@media … {` / `@import …;`: from the `@` up to the `{` or `;` that ends the prelude.
    let mut in_prelude = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            let end = css[i + 2..].find("*/").map_or(css.len(), |e| i + 2 + e + 2);
            out.push_str(&css[i..end]);
            i = end;
            continue;
        }
        if c == b'"' || c == b'\'' {
            let mut end = i + 1;
            while end < bytes.len() && bytes[end] != c {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            let end = (end + 1).min(bytes.len());
            out.push_str(&css[i..end]);
            i = end;
            continue;
        }
        if c == b'@' {
            in_prelude = true;
        } else if in_prelude && (c == b'{' || c == b';') {
            in_prelude = false;
        }
        let starts_number =
            c.is_ascii_digit() || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        // `x1rem` is a name, `-1rem` a signed number (the `-` of `a-1rem` is part of a name).
        let after_ident = i > 0
            && is_ident_byte(bytes[i - 1])
            && !(bytes[i - 1] == b'-' && (i < 2 || !is_ident_byte(bytes[i - 2])));
        if !starts_number || after_ident || in_prelude {
            // Copy one whole UTF-8 character.
            let len = css[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&css[i..i + len]);
            i += len;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
            end += 1;
        }
        let number = &css[i..end];
        let is_rem = css[end..].starts_with("rem")
            && !bytes.get(end + 3).copied().is_some_and(is_ident_byte)
            // The fallback of an earlier rewrite.
            && !out.ends_with("var(--bizkit-rem, ");
        if is_rem {
            // A sign directly before the number belongs to it: `-.5rem`.
            let negative = out.ends_with('-')
                && !out[..out.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric() || p == '-' || p == '_');
            if negative {
                out.pop();
                out.push_str(&format!("calc(-{number} * {VAR})"));
            } else {
                out.push_str(&format!("calc({number} * {VAR})"));
            }
            i = end + 3;
        } else {
            out.push_str(number);
            i = end;
        }
    }
    out
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || !b.is_ascii()
}

/// Rewrites the stylesheets of `dist/widget/` in place; returns how many it changed. Run before
/// the precompression step, which then compresses the rewritten files.
pub fn rewrite(dist: &Path) -> Result<usize> {
    let dir = dist.join("widget");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(0);
    };
    let mut changed = 0;
    for entry in entries {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("css") {
            continue;
        }
        let css = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        let rewritten = rem_free(&css);
        if rewritten != css {
            std::fs::write(&path, rewritten)
                .with_context(|| format!("could not write {}", path.display()))?;
            changed += 1;
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rem_lengths_become_the_widgets_own_unit() {
        assert_eq!(
            rem_free(".a { padding: .5rem 1.25rem; margin: 0 0 1rem; }"),
            ".a { padding: calc(.5 * var(--bizkit-rem, 1rem)) calc(1.25 * var(--bizkit-rem, 1rem)); \
             margin: 0 0 calc(1 * var(--bizkit-rem, 1rem)); }"
        );
        assert_eq!(
            rem_free(".b{top:-.5rem;left:calc(100% - 2rem)}"),
            ".b{top:calc(-.5 * var(--bizkit-rem, 1rem));left:calc(100% - calc(2 * var(--bizkit-rem, 1rem)))}"
        );
    }

    #[test]
    fn other_units_at_rules_comments_and_strings_stay() {
        for css in [
            ".a { width: 2em; height: 3px; line-height: 1.5; }",
            "@media (max-width: 40rem) { .a { color: red; } }",
            "@import url(\"main.css\");",
            "/* 1rem in a comment */",
            ".a::before { content: \"2rem\"; }",
            ".a { font: 1remx; }",
            ".x1rem { color: red; }",
            ".a { --rem2: 1; }",
        ] {
            assert_eq!(rem_free(css), css, "{css}");
        }
        assert_eq!(
            rem_free("@media (max-width: 40rem) { .a { gap: 1rem; } }"),
            "@media (max-width: 40rem) { .a { gap: calc(1 * var(--bizkit-rem, 1rem)); } }"
        );
    }

    #[test]
    fn the_apps_stylesheets_keep_no_rem_but_in_media_queries() {
        let style = Path::new(env!("CARGO_MANIFEST_DIR")).join("../style");
        for name in ["main.css", "portal.css", "widget.css"] {
            let css = rem_free(&std::fs::read_to_string(style.join(name)).unwrap_or_default());
            assert!(!css.is_empty(), "{name}");
            for line in css
                .lines()
                .filter(|l| !l.trim_start().starts_with("@media"))
            {
                let left = line.replace(VAR, "");
                let bare = left
                    .match_indices("rem")
                    .any(|(at, _)| left[..at].ends_with(|c: char| c.is_ascii_digit()));
                assert!(!bare, "{name}: {line}");
            }
        }
    }

    #[test]
    fn twice_is_once_and_odd_input_does_not_panic() {
        let once = rem_free(".a { margin: 1rem; } ü ✓ .5rem");
        assert_eq!(rem_free(&once), once);
        for odd in [
            "", "\"", "/*", "1", ".", "rem", "@", "-", "\"\\", "ř", "-1", ".5",
        ] {
            let _ = rem_free(odd);
        }
        assert_eq!(rem_free("ř1rem"), "ř1rem");
        assert_eq!(rem_free("1rem"), "calc(1 * var(--bizkit-rem, 1rem))");
    }
}
