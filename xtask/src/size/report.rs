//! summary.md, the terminal summary and the record of sizes the next run compares against.

use super::*;

/// The lines of a twiggy report quoted in summary.md: its header, then for `monos.txt` the generic
/// functions (not each of their copies), for `dominators.txt` the tree's first three levels
/// (`table[0]`, `elem[0]` and what hangs off them directly: the real roots).
pub(super) fn quoted<'a>(file: &str, text: &'a str) -> Vec<&'a str> {
    let mut lines = text.lines();
    let mut out: Vec<&str> = lines.by_ref().take(2).collect();
    let keep = |line: &str| {
        let mut columns = line.split('┊');
        if file == "monos.txt" {
            columns.next().is_some_and(|c| !c.trim().is_empty())
        } else {
            let tree = columns.nth(2).unwrap_or("");
            let depth = tree.find('⤷').map_or(0, |at| tree[..at].len() / 2);
            depth <= 3
        }
    };
    out.extend(lines.filter(|l| keep(l)).take(QUOTED_LINES));
    out
}

/// Items shown in summary.md per entry, and lines of each twiggy report quoted there.
pub(super) const TOP_ITEMS: usize = 12;
pub(super) const QUOTED_LINES: usize = 14;

/// The largest items of an entry (its name section left out: the release has none) and the heads
/// of twiggy's dominators and monos reports, for summary.md.
pub(super) fn top_items_md(entry: &RustLink, items: &[twiggy::Item], dir: &Path) -> String {
    let mut sorted: Vec<&twiggy::Item> = items
        .iter()
        .filter(|i| twiggy::bucket(&i.name) != twiggy::NAME_SECTION)
        .collect();
    sorted.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    let mut md = format!(
        "\n## {}: the largest items (twiggy top, shallow bytes)\n\n| bytes | crate | item |\n|---|---|---|\n",
        entry.bin
    );
    for item in sorted.iter().take(TOP_ITEMS) {
        let name: String = item.name.chars().take(140).collect();
        let _ = writeln!(
            md,
            "| {} | {} | `{}` |",
            thousands(item.bytes),
            twiggy::bucket(&item.name),
            name.replace('|', "\\|").replace('`', "'")
        );
    }
    for (file, what) in [
        ("dominators.txt", "twiggy dominators (retained size)"),
        (
            "monos.txt",
            "twiggy monos (generic functions and their copies)",
        ),
    ] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let _ = write!(md, "\n{what}, from {file}:\n\n```text\n");
        for line in quoted(file, &text) {
            let line: String = line.chars().take(160).collect();
            let _ = writeln!(md, "{}", line.trim_end());
        }
        md.push_str("```\n");
    }
    md
}

pub(super) fn record_entry(
    record: &mut Record,
    entry: &RustLink,
    summary: &Summary,
    release: &Release,
) {
    let mut put = |key: &str, bytes: u64| {
        record.insert((entry.bin.clone(), key.to_owned()), bytes);
    };
    put("release.raw", release.raw);
    put("release.gzip", release.gzip);
    put("release.brotli", release.brotli);
    put("names.without-names", summary.without_names());
    for (bucket, bytes) in &summary.buckets {
        put(&format!("crate:{bucket}"), *bytes);
    }
}

pub(super) fn was(previous: &Record, entry: &RustLink, key: &str) -> Option<u64> {
    if previous.is_empty() {
        return None;
    }
    Some(
        previous
            .get(&(entry.bin.clone(), key.to_owned()))
            .copied()
            .unwrap_or(0),
    )
}

pub(super) fn percent(part: u64, whole: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let p = if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    };
    format!("{p:.1} %")
}

pub(super) fn crates_text(entry: &RustLink, summary: &Summary) -> String {
    let base = summary.without_names();
    let mut text = format!(
        "Bytes by crate of the names build of {} ({} bytes without its name section; the name \
         section, {} bytes, is what the names build adds to the release).\n\
         Shallow sizes from `twiggy top`; a generic function counts for the crate that defines it, a \
         trait impl for its type's crate (see xtask/src/twiggy.rs). Closures passed through core's \
         FnOnce shims count for core.\n\n",
        entry.bin,
        thousands(base),
        thousands(summary.get(twiggy::NAME_SECTION)),
    );
    for (bucket, bytes) in &summary.buckets {
        if bucket == twiggy::NAME_SECTION {
            continue;
        }
        let _ = writeln!(
            text,
            "{:>10}  {:>7}  {bucket}",
            thousands(*bytes),
            percent(*bytes, base)
        );
    }
    text
}

pub(super) fn summary_md(reports: &[(&RustLink, Summary, Release)], previous: &Record) -> String {
    let mut md = String::from("# Wasm size by crate (`cargo xtask size`)\n\n");
    md.push_str(
        "The release wasm as dist/ holds it, and a names build of it (same code, function names \
         kept) analysed with twiggy. Changes are against the previous `cargo xtask size` run.\n\n",
    );
    md.push_str("| entry | files | raw | gzip -9 | brotli 11 | names build without its name section |\n|---|---|---|---|---|---|\n");
    for (entry, summary, release) in reports {
        let _ = writeln!(
            md,
            "| {} | {} | {} B {} | {} {} | {} {} | {} B ({} vs the release) |",
            entry.label(),
            release.files.join(", "),
            thousands(release.raw),
            delta(release.raw, was(previous, entry, "release.raw")),
            kb(release.gzip),
            delta(release.gzip, was(previous, entry, "release.gzip")),
            kb(release.brotli),
            delta(release.brotli, was(previous, entry, "release.brotli")),
            thousands(summary.without_names()),
            delta(summary.without_names(), Some(release.raw)),
        );
    }
    md.push_str("\n## Bytes by crate (shallow, from twiggy top; % of the module without its name section)\n\n");
    // Every bucket of this run, and those of the previous run that are gone now (at 0).
    let mut buckets: Vec<&str> = Vec::new();
    let earlier = previous
        .keys()
        .filter_map(|(_, key)| key.strip_prefix("crate:"));
    for bucket in reports
        .iter()
        .flat_map(|(_, summary, _)| summary.buckets.iter().map(|(b, _)| b.as_str()))
        .chain(earlier)
    {
        if bucket != twiggy::NAME_SECTION && !buckets.contains(&bucket) {
            buckets.push(bucket);
        }
    }
    let largest = |b: &str| reports.iter().map(|(_, s, _)| s.get(b)).max().unwrap_or(0);
    buckets.sort_by_key(|b| std::cmp::Reverse(largest(b)));
    md.push_str("| crate |");
    for (entry, _, _) in reports {
        let _ = write!(md, " {} | % | change |", entry.bin);
    }
    md.push('\n');
    md.push_str(&format!("|---|{}\n", "---|---|---|".repeat(reports.len())));
    for bucket in buckets {
        let _ = write!(md, "| {bucket} |");
        for (entry, summary, _) in reports {
            let bytes = summary.get(bucket);
            let _ = write!(
                md,
                " {} | {} | {} |",
                thousands(bytes),
                percent(bytes, summary.without_names()),
                delta(bytes, was(previous, entry, &format!("crate:{bucket}")))
            );
        }
        md.push('\n');
    }
    md.push_str(
        "\nA generic function counts for the crate that defines it (so tachys and reactive_graph \
         carry the views and signals instantiated for our components), a trait impl for its type's \
         crate; closures called through core's FnOnce shims count for core. Data segments cannot be \
         told apart by crate.\n",
    );
    md
}

pub(super) fn terminal_summary(
    entry: &RustLink,
    summary: &Summary,
    release: &Release,
    previous: &Record,
) -> String {
    let mut out = format!("\n{}\n", entry.label());
    let _ = writeln!(
        out,
        "  release wasm: {} B raw{}, {} gzip -9{}, {} brotli 11{}",
        thousands(release.raw),
        paren(delta(release.raw, was(previous, entry, "release.raw"))),
        kb(release.gzip),
        paren(delta(release.gzip, was(previous, entry, "release.gzip"))),
        kb(release.brotli),
        paren(delta(
            release.brotli,
            was(previous, entry, "release.brotli")
        )),
    );
    let base = summary.without_names();
    let _ = writeln!(
        out,
        "  by crate, of {} B (the names build without its name section):",
        thousands(base)
    );
    let shown: Vec<&(String, u64)> = summary
        .buckets
        .iter()
        .filter(|(b, _)| b != twiggy::NAME_SECTION)
        .take(PRINTED_BUCKETS)
        .collect();
    for (bucket, bytes) in &shown {
        let line = format!(
            "    {bucket:<22} {:>9} B  {:>6}  {}",
            thousands(*bytes),
            percent(*bytes, base),
            delta(*bytes, was(previous, entry, &format!("crate:{bucket}")))
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    // What else moved by a kilobyte or more since the last run, gone buckets included.
    let mut others: Vec<(String, u64, u64)> = Vec::new();
    for ((bin, key), before) in previous {
        let Some(bucket) = key.strip_prefix("crate:") else {
            continue;
        };
        if bin != &entry.bin || shown.iter().any(|(b, _)| b == bucket) {
            continue;
        }
        let now = summary.get(bucket);
        if now.abs_diff(*before) >= 1024 {
            others.push((bucket.to_owned(), now, *before));
        }
    }
    for (bucket, bytes) in &summary.buckets {
        let new = !previous.is_empty()
            && !previous.contains_key(&(entry.bin.clone(), format!("crate:{bucket}")));
        if new && *bytes >= 1024 && !shown.iter().any(|(b, _)| b == bucket) {
            others.push((bucket.clone(), *bytes, 0));
        }
    }
    others.sort_by_key(|(_, now, before)| std::cmp::Reverse(now.abs_diff(*before)));
    if !others.is_empty() {
        let list: Vec<String> = others
            .iter()
            .map(|(bucket, now, before)| format!("{bucket} {}", delta(*now, Some(*before))))
            .collect();
        let _ = writeln!(out, "    also changed: {}", list.join(", "));
    }
    out
}

/// ` (+1.2 KB)`, or nothing without a previous run.
pub(super) fn paren(delta: String) -> String {
    if delta.is_empty() {
        delta
    } else {
        format!(" ({delta})")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_generic_functions_and_the_top_of_the_dominator_tree() {
        let monos = " Apprx. Bloat Bytes ┊ Bytes ┊ Monomorphizations\n──┼──\n\
                     10 ┊ 12 ┊ tachys::build\n\
                     \x20  ┊ 6 ┊     tachys::build::h1\n\
                     5 ┊ 7 ┊ reactive_graph::memo\n";
        assert_eq!(
            quoted("monos.txt", monos)[2..],
            ["10 ┊ 12 ┊ tachys::build", "5 ┊ 7 ┊ reactive_graph::memo"]
        );
        let dominators = " Retained Bytes ┊ Retained % ┊ Dominator Tree\n──┼──\n\
                          900 ┊ 55% ┊ table[0]\n\
                          899 ┊ 55% ┊   ⤷ elem[0]\n\
                          24 ┊ 1% ┊       ⤷ root\n\
                          1 ┊ 0% ┊           ⤷ leaf\n";
        let lines = quoted("dominators.txt", dominators);
        assert_eq!(lines.len(), 5);
        assert!(lines[4].ends_with("⤷ root"));
    }
}
