//! `cargo xtask size`: where the bytes of the two wasm entries (the admin app and the widget) go.
//! Builds a "names build" of each — the release profile and the very same wasm-bindgen and wasm-opt
//! steps as Trunk's release build, but keeping the function names twiggy needs — runs twiggy on it,
//! sums the bytes by crate, and puts the gzip -9 and brotli sizes of the real release wasm (dist/)
//! beside them, with the change since the previous run. Every step is skipped when its input did
//! not change, so a re-run after one change costs the cargo build and one wasm-opt per entry.

use crate::twiggy::{self, Record, Summary, delta, kb, thousands};
use crate::{Repo, app, secs, tools};
use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, UNIX_EPOCH};

const HELP: &str = "\
cargo xtask size — where the bytes of the admin app's and the widget's wasm go

Builds (each step skipped when its input is unchanged):
  1. the release app into dist/, as `cargo xtask run` does (Trunk: cargo, wasm-bindgen, wasm-opt);
  2. a names build of each wasm entry of index.html (bizkit-forms, bizkit-widget): cargo's release
     profile with `strip = false` and `debug = false` (profile `wasm-names`, defined on the command
     line, output in target/wasm32-unknown-unknown/wasm-names/), then the same wasm-bindgen and
     wasm-opt arguments as Trunk reads from index.html, plus `-g` so wasm-opt keeps the name
     section. The code is the release's; only the names are added.
Then runs twiggy (installed at a pinned version if missing) on each names build and writes, per
entry, into target/bench/size/<entry>/:
  top.txt           twiggy top -n 300 (shallow size)
  retained.txt      twiggy top --retained -n 300
  dominators.txt    twiggy dominators -d 4 -r 1500
  monos.txt         twiggy monos -m 80 -n 6 (generic functions and their copies)
  top.csv           every item, for scripts
  crates.txt        bytes by crate (tachys, reactive_graph, leptos, serde_json, core::fmt,
                    bizkit_forms, bizkit_contract, …; data segments, glue and the rest apart)
and target/bench/size/summary.md: the release wasm's raw, gzip -9 and brotli 11 sizes and the
by-crate table of both entries, each with the change since the previous run (summary.tsv keeps the
figures; summary.prev.tsv the ones before). Prints the summary.

OPTIONS:
    --no-build      analyse what is there (dist/ and the names builds), building nothing
    -h, --help      this text
";

const PROFILE: &str = "wasm-names";
/// The release profile with the names kept: no strip, and no DWARF (twiggy needs only names).
const PROFILE_CONFIG: [&str; 3] = [
    "profile.wasm-names.inherits=\"release\"",
    "profile.wasm-names.strip=false",
    "profile.wasm-names.debug=false",
];
/// Buckets printed in the terminal per entry (every one is in the files).
const PRINTED_BUCKETS: usize = 14;

pub fn main(repo: &Repo, args: &[String]) -> Result<ExitCode> {
    let mut build = true;
    for arg in args {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--no-build" => build = false,
            other => bail!("unknown option {other} for `cargo xtask size` (see --help)"),
        }
    }
    let started = Instant::now();
    let index = tools::read(&repo.root.join("index.html"))?;
    let entries = rust_links(&index);
    if entries.is_empty() {
        bail!("index.html has no <link data-trunk rel=\"rust\"> to measure");
    }
    let out = repo.target_dir.join("bench/size");
    std::fs::create_dir_all(&out).with_context(|| format!("could not create {}", out.display()))?;

    if build {
        tools::ensure_app_toolchain(repo)?;
        tools::ensure_twiggy(repo)?;
        app::build_app(repo)?;
        let mut cargo = tools::release_wasm(repo.tool("cargo")).args([
            "build",
            "--target",
            tools::WASM_TARGET,
            "--profile",
            PROFILE,
        ]);
        for config in PROFILE_CONFIG {
            cargo = cargo.args(["--config", config]);
        }
        for entry in &entries {
            cargo = cargo.args(["--bin", &entry.bin]);
        }
        cargo.run().context("the names build failed")?;
        names_wasm(repo, &out, &entries)?;
    }

    let previous = std::fs::read_to_string(out.join("summary.tsv"))
        .map(|t| twiggy::parse_record(&t))
        .unwrap_or_default();
    let mut record = Record::new();
    let mut reports = Vec::new();
    let mut tops = Vec::new();
    for entry in &entries {
        let dir = out.join(&entry.bin);
        let names = dir.join("names.wasm");
        if !names.is_file() {
            bail!("{} is missing; run without --no-build", names.display());
        }
        let (summary, items) = twiggy_reports(repo, &names, &dir)?;
        let release = release_sizes(repo, entry)?;
        std::fs::write(dir.join("crates.txt"), crates_text(entry, &summary))?;
        record_entry(&mut record, entry, &summary, &release);
        tops.push(top_items_md(entry, &items, &dir));
        reports.push((entry, summary, release));
    }

    let mut md = summary_md(&reports, &previous);
    for top in &tops {
        md.push_str(top);
    }
    std::fs::write(out.join("summary.md"), &md)?;
    if !previous.is_empty() {
        std::fs::write(
            out.join("summary.prev.tsv"),
            twiggy::format_record(&previous),
        )?;
    }
    std::fs::write(out.join("summary.tsv"), twiggy::format_record(&record))?;

    for (entry, summary, release) in &reports {
        print!("{}", terminal_summary(entry, summary, release, &previous));
    }
    println!(
        "xtask size: done in {}; per entry top.txt, retained.txt, dominators.txt, monos.txt, \
         crates.txt, top.csv in {}/<entry>/; both entries side by side in {}",
        secs(started.elapsed()),
        out.display(),
        out.join("summary.md").display()
    );
    Ok(ExitCode::SUCCESS)
}

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
    fn label(&self) -> String {
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
fn attributes(tag: &str) -> Vec<(String, String)> {
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

/// wasm-bindgen and wasm-opt on each names build, as Trunk runs them on the release (plus `-g`);
/// skipped for an entry whose cargo output and arguments are those of the last run. The entries'
/// wasm-opt runs (the slow step, ~45 s each) run side by side.
fn names_wasm(repo: &Repo, out: &Path, entries: &[RustLink]) -> Result<()> {
    let mut running = Vec::new();
    for entry in entries {
        let input = repo
            .target_dir
            .join(tools::WASM_TARGET)
            .join(PROFILE)
            .join(format!("{}.wasm", entry.bin));
        let dir = out.join(&entry.bin);
        let bindgen_dir = dir.join("bindgen");
        std::fs::create_dir_all(&bindgen_dir)?;
        let names = dir.join("names.wasm");
        let mut bindgen_args = vec![
            format!("--target={}", entry.bindgen_target),
            format!("--out-dir={}", bindgen_dir.display()),
            format!("--out-name={}", entry.bin),
            input.display().to_string(),
            "--no-typescript".to_owned(),
        ];
        for (on, flag) in [
            (entry.keep_debug, "--keep-debug"),
            (entry.no_demangle, "--no-demangle"),
            (entry.reference_types, "--reference-types"),
            (entry.weak_refs, "--weak-refs"),
        ] {
            if on {
                bindgen_args.push(flag.to_owned());
            }
        }
        let bindgen_out = bindgen_dir.join(format!("{}_bg.wasm", entry.bin));
        let mut opt_args = vec![
            format!("--output={}", names.display()),
            format!("-O{}", entry.opt_level),
            // Keeps the name section (wasm-opt drops it otherwise); the code is optimised the same.
            "-g".to_owned(),
            bindgen_out.display().to_string(),
        ];
        if entry.reference_types {
            opt_args.push("--enable-reference-types".to_owned());
        }
        opt_args.extend(entry.opt_params.iter().cloned());
        let stamp_path = dir.join(".stamp");
        let stamp = format!(
            "{} {}\n{}\n{}\n",
            file_key(&input)?,
            input.display(),
            bindgen_args.join(" "),
            opt_args.join(" ")
        );
        if names.is_file() && std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
            println!("xtask: {} is up to date", names.display());
            continue;
        }
        let _ = std::fs::remove_file(&stamp_path);
        repo.tool("wasm-bindgen")
            .args(&bindgen_args)
            .run()
            .with_context(|| format!("wasm-bindgen on the names build of {} failed", entry.bin))?;
        if entry.opt_level == "0" {
            std::fs::copy(&bindgen_out, &names)?;
            std::fs::write(&stamp_path, stamp)?;
            continue;
        }
        let child = repo.tool("wasm-opt").args(&opt_args).spawn()?;
        running.push((child, entry.bin.clone(), stamp_path, stamp));
    }
    for (mut child, bin, stamp_path, stamp) in running {
        let status = child.wait()?;
        if !status.success() {
            bail!("wasm-opt on the names build of {bin} failed ({status})");
        }
        std::fs::write(&stamp_path, stamp)?;
    }
    Ok(())
}

/// Size and modification time: enough to tell a new cargo output from the last one.
fn file_key(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).with_context(|| format!("{} is missing", path.display()))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok(format!("{}:{modified}", meta.len()))
}

/// twiggy's four reports of `names` into `dir` (skipped when `names` is what they were made from),
/// the by-crate summary of its items, and the items.
fn twiggy_reports(repo: &Repo, names: &Path, dir: &Path) -> Result<(Summary, Vec<twiggy::Item>)> {
    let csv = dir.join("top.csv");
    let stamp_path = dir.join(".twiggy-stamp");
    let stamp = format!("{} {}", tools::TWIGGY_VERSION, file_key(names)?);
    let fresh = csv.is_file() && std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp);
    if !fresh {
        let _ = std::fs::remove_file(&stamp_path);
        let reports: [(&str, &[&str]); 5] = [
            ("top.txt", &["top", "-n", "300"]),
            ("retained.txt", &["top", "--retained", "-n", "300"]),
            ("dominators.txt", &["dominators", "-d", "4", "-r", "1500"]),
            ("monos.txt", &["monos", "-m", "80", "-n", "6"]),
            ("top.csv", &["top", "-f", "csv"]),
        ];
        for (file, args) in reports {
            repo.tool("twiggy")
                .args(args)
                .arg("-o")
                .arg(dir.join(file))
                .arg(names)
                .run()
                .with_context(|| format!("twiggy {} failed", args.join(" ")))?;
        }
        std::fs::write(&stamp_path, stamp)?;
    }
    let items = twiggy::parse_top_csv(&tools::read(&csv)?)?;
    let summary = Summary::of(&items);
    let size = std::fs::metadata(names)?.len();
    if summary.total != size {
        bail!(
            "twiggy's items of {} add up to {} bytes, the file has {size}",
            names.display(),
            summary.total
        );
    }
    Ok((summary, items))
}

/// The lines of a twiggy report quoted in summary.md: its header, then for `monos.txt` the generic
/// functions (not each of their copies), for `dominators.txt` the tree's first three levels
/// (`table[0]`, `elem[0]` and what hangs off them directly: the real roots).
fn quoted<'a>(file: &str, text: &'a str) -> Vec<&'a str> {
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
const TOP_ITEMS: usize = 12;
const QUOTED_LINES: usize = 14;

/// The largest items of an entry (its name section left out: the release has none) and the heads
/// of twiggy's dominators and monos reports, for summary.md.
fn top_items_md(entry: &RustLink, items: &[twiggy::Item], dir: &Path) -> String {
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

/// The real release wasm of an entry, as dist/ holds it (every `<bin>*.wasm` in its folder, so a
/// split module's parts count too).
#[derive(Debug, Clone, Default)]
struct Release {
    files: Vec<String>,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

fn release_sizes(repo: &Repo, entry: &RustLink) -> Result<Release> {
    let dist = repo.dist();
    let dir = if entry.target_path.is_empty() {
        dist.clone()
    } else {
        dist.join(&entry.target_path)
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("could not list {} (build the app first)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(&entry.bin) && name.ends_with(".wasm")
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!(
            "no {}*.wasm in {}; build the app first",
            entry.bin,
            dir.display()
        );
    }
    // Node's zlib and brotli, exactly as bench/bench.mjs computes the download sizes, so the
    // figures here and there are the same (flate2's level 9 comes out ~1 % smaller than zlib's).
    let sizes = repo
        .tool("node")
        .args(["-e", COMPRESSED_SIZES])
        .args(&files)
        .read()
        .context("node could not compress the release wasm")?;
    let mut release = Release::default();
    for (file, line) in files.iter().zip(sizes.lines()) {
        let numbers: Vec<u64> = line
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let [raw, gzip, brotli] = numbers[..] else {
            bail!("node printed {line:?} for {}", file.display());
        };
        release.raw += raw;
        release.gzip += gzip;
        release.brotli += brotli;
        release.files.push(
            file.strip_prefix(&dist)
                .unwrap_or(file)
                .display()
                .to_string(),
        );
    }
    if release.files.len() != files.len() {
        bail!(
            "node printed sizes for {} of {} files",
            release.files.len(),
            files.len()
        );
    }
    Ok(release)
}

/// Prints `raw gzip brotli` for each file named on the command line (as bench/measures/download.mjs).
const COMPRESSED_SIZES: &str = "const zlib = require('node:zlib'), fs = require('node:fs');
for (const file of process.argv.slice(1)) {
  const b = fs.readFileSync(file);
  const gzip = zlib.gzipSync(b, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(b, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  console.log(b.length, gzip, brotli);
}";

fn record_entry(record: &mut Record, entry: &RustLink, summary: &Summary, release: &Release) {
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

fn was(previous: &Record, entry: &RustLink, key: &str) -> Option<u64> {
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

fn percent(part: u64, whole: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let p = if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    };
    format!("{p:.1} %")
}

fn crates_text(entry: &RustLink, summary: &Summary) -> String {
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

fn summary_md(reports: &[(&RustLink, Summary, Release)], previous: &Record) -> String {
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

fn terminal_summary(
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
fn paren(delta: String) -> String {
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
