//! What the spreadsheet import adds to the admin wasm: the app built once more without its
//! `import` feature (the page, its texts, `csv-core` and `yore`), through the same wasm-bindgen and
//! `wasm-opt -Oz` as Trunk, compared with the wasm in `dist/` (gzip -9). Written as JSON for
//! `bench/import.mjs`.

use crate::{Repo, secs, tools};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// As `index.html` passes them to wasm-opt for the admin app.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the app without the import and writes `out_dir/import-cost.json`; returns its path.
pub fn measure(repo: &Repo, out_dir: &Path) -> Result<PathBuf> {
    let started = Instant::now();
    let with = dist_wasm(&repo.dist())?;
    tools::release_wasm(repo.tool("cargo"))
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args([
            "-p",
            "bizkit-forms",
            "--bin",
            "bizkit-forms",
            "--no-default-features",
        ])
        .run()
        .context("building the app without the import failed")?;
    let built = repo
        .target_dir
        .join("wasm32-unknown-unknown/release/bizkit-forms.wasm");
    let work = out_dir.join("no-import");
    std::fs::create_dir_all(&work)?;
    repo.tool("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--weak-refs",
            "--no-typescript",
            "--out-dir",
        ])
        .arg(&work)
        .arg(&built)
        .run()
        .context("wasm-bindgen of the app without the import failed")?;
    let optimised = work.join("opt.wasm");
    repo.tool("wasm-opt")
        .args(WASM_OPT_ARGS)
        .arg(work.join("bizkit-forms_bg.wasm"))
        .arg("-o")
        .arg(&optimised)
        .run()
        .context("wasm-opt of the app without the import failed")?;
    let with = std::fs::read(&with)?;
    let without = std::fs::read(&optimised)?;
    let (with_gz, without_gz) = (gzip(&with)?.len(), gzip(&without)?.len());
    let json = format!(
        "{{\"withRaw\": {}, \"withoutRaw\": {}, \"costRaw\": {}, \"withGzip\": {with_gz}, \
         \"withoutGzip\": {without_gz}, \"costGzip\": {}}}\n",
        with.len(),
        without.len(),
        with.len() as i64 - without.len() as i64,
        with_gz as i64 - without_gz as i64,
    );
    let file = out_dir.join("import-cost.json");
    std::fs::write(&file, json)?;
    println!(
        "xtask: the import adds {} bytes gzip to the admin wasm (measured in {})",
        with_gz as i64 - without_gz as i64,
        secs(started.elapsed())
    );
    Ok(file)
}

/// The admin app's wasm in `dist/` (Trunk names it with a hash; the widget's is in `widget/`).
fn dist_wasm(dist: &Path) -> Result<PathBuf> {
    for entry in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("bizkit-forms") && name.ends_with("_bg.wasm") {
            return Ok(path);
        }
    }
    bail!("no bizkit-forms wasm in {}", dist.display())
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}
