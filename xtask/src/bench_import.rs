//! What the spreadsheet import costs in download now that the admin app is split into a chunk per
//! page (src/split.rs): the files only the import page fetches, on its first visit, gzip -9. No
//! other page fetches them. Written as JSON for `bench/import.mjs`.

use crate::{Repo, split};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The `split_page!` chunk name of the import page.
const IMPORT_PAGE: &str = "contact_import";

/// Reads the split app in `dist/` and writes `out_dir/import-cost.json`; returns its path.
pub fn measure(repo: &Repo, out_dir: &Path) -> Result<PathBuf> {
    let app = split::app_dir(&repo.dist()).context("dist/ holds no split app (app-<hash>/)")?;
    let pages = split::page_files(&app)?;
    let import = pages
        .iter()
        .find(|(page, _)| page == IMPORT_PAGE)
        .context("the split app has no import page")?;
    let own: Vec<&String> = import
        .1
        .iter()
        .filter(|file| {
            !pages
                .iter()
                .any(|(page, files)| page != IMPORT_PAGE && files.contains(file))
        })
        .collect();
    let (mut raw, mut gz) = (0, 0);
    for file in &own {
        let bytes = std::fs::read(app.join(file))?;
        raw += bytes.len();
        gz += gzip(&bytes)?.len();
    }
    let main = std::fs::read(app.join("bizkit-forms_bg.wasm"))?;
    let json = format!(
        "{{\"ownFiles\": {}, \"ownRaw\": {raw}, \"ownGzip\": {gz}, \"mainGzip\": {}}}\n",
        own.len(),
        gzip(&main)?.len()
    );
    let file = out_dir.join("import-cost.json");
    std::fs::write(&file, json)?;
    println!(
        "xtask: the import page's own code is {gz} bytes gzip in {} files",
        own.len()
    );
    Ok(file)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}
