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

mod build;
pub mod links;
mod report;

use build::*;
use links::*;
use report::*;

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
