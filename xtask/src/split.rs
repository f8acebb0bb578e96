//! The admin app's release build, split into a chunk per page: Trunk 0.21 has no step between cargo
//! and wasm-bindgen (trunk issue 1022), so this runs that part itself, as cargo-leptos 0.3 does.
//! Trunk still builds the HTML, the styles and the widget; `index.html`'s rust link for the app
//! carries `data-trunk-skip`, and this writes the loader in its place.
//!
//! 1. cargo builds the app with the `split` feature (each `split_page!` is a split point) and
//!    `--emit-relocs`, in a target dir of its own (the flags differ from Trunk's builds);
//! 2. the splitter moves what only one page uses into that page's chunk, what several pages share
//!    into shared chunks, and writes the JS that fetches them;
//! 3. wasm-bindgen on the main module (keeping the exports the chunks link to), wasm-opt on every
//!    module with index.html's arguments;
//! 4. everything goes into `dist/app-<hash>/`, named by a hash of all of it: a deployment's files
//!    never change under their name (the server caches the directory for good), and a page loaded
//!    before a deployment can never pick up a chunk of the next one.

use crate::Repo;
use crate::tools::{self, WASM_TARGET};
use anyhow::{Context, Result, anyhow, bail};
use std::path::{Path, PathBuf};

const BIN: &str = "bizkit-forms";
/// The splitter's loader for the chunks; the main module imports it under this name.
const LINK_MODULE: &str = "__wasm_split.js";
/// Beside the chunks: which files each page fetches (see [`page_files`]).
pub const PAGES_FILE: &str = "pages.txt";

/// Builds the split app and writes it into `dist`, whose `index.html` Trunk has just written.
pub fn build(repo: &Repo, dist: &Path, wasm_opt_args: &[String]) -> Result<()> {
    let target = repo.target_dir.join("split");
    tools::release_wasm_with(repo.tool("cargo"), "-Clink-args=--emit-relocs")
        .args(["build", "--release", "--target", WASM_TARGET, "--bin", BIN])
        .args(["--features", "split", "--target-dir"])
        .arg(&target)
        // The splitter reads the linker's symbol table, which `strip` would remove; wasm-opt drops
        // the names afterwards.
        .env("CARGO_PROFILE_RELEASE_STRIP", "false")
        .run()
        .context("the release build of the split app failed")?;
    let input = target
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{BIN}.wasm"));
    let work = target.join("out");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;

    let wasm = std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;
    let main_split = work.join("main.wasm");
    let main_module = format!("./{BIN}.js");
    let link_name = format!("./{LINK_MODULE}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = &work;
        options.main_out_path = &main_split;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|e| anyhow!("splitting {}: {e:?}", input.display()))?;
    println!(
        "xtask: split the app into its main module and {} chunks",
        split.split_modules.len()
    );

    repo.tool("wasm-bindgen")
        .args([
            "--target=web",
            "--keep-lld-exports",
            "--no-demangle",
            "--weak-refs",
        ])
        .args(["--no-typescript", &format!("--out-name={BIN}")])
        .arg(format!("--out-dir={}", work.display()))
        .arg(&main_split)
        .run()
        .context("wasm-bindgen on the split app failed")?;
    std::fs::remove_file(&main_split)?;

    // BIZKIT_SPLIT_NAMES=1 keeps the function names in every module, so a trap's stack says where.
    let keep_names = std::env::var_os("BIZKIT_SPLIT_NAMES").is_some_and(|v| v == "1");
    let mut wasm_opt_args = wasm_opt_args.to_vec();
    if keep_names {
        wasm_opt_args.push("-g".to_owned());
    }
    let mut modules = vec![work.join(format!("{BIN}_bg.wasm"))];
    modules.extend(split.split_modules.iter().cloned());
    // Two at a time: the machines have two cores, and a wasm-opt per chunk at once (there are
    // dozens) starves everything else.
    for pair in modules.chunks(2) {
        let mut running = Vec::new();
        for module in pair {
            let child = repo
                .tool("wasm-opt")
                .args(&wasm_opt_args)
                .arg(module)
                .arg("-o")
                .arg(module)
                .spawn()?;
            running.push((child, module));
        }
        for (mut child, module) in running {
            let status = child.wait()?;
            if !status.success() {
                bail!("wasm-opt on {} failed ({status})", module.display());
            }
        }
    }

    // Which files each page fetches on its first visit (its chunk and the shared chunks it needs),
    // one line a page: `contact_new split_contact_new.wasm chunk_7.wasm …`, read by the bench.
    let mut pages: Vec<String> = split
        .prefetch_map
        .iter()
        .map(|(page, files)| {
            let mut line = page.clone();
            for file in files {
                line.push(' ');
                line.push_str(file);
                line.push_str(".wasm");
            }
            line
        })
        .collect();
    pages.sort();
    std::fs::write(work.join(PAGES_FILE), pages.join("\n") + "\n")?;

    let files = files_of(&work)?;
    let mut all = Vec::new();
    for file in &files {
        all.extend_from_slice(file.to_string_lossy().as_bytes());
        all.extend(std::fs::read(file)?);
    }
    let dir_name = format!("app-{:016x}", tools::fnv1a(&all));
    let dest = dist.join(&dir_name);
    std::fs::create_dir_all(&dest)?;
    for file in &files {
        if let Some(name) = file.file_name() {
            std::fs::copy(file, dest.join(name))?;
        }
    }
    let paths = split_page_paths(&tools::read(&repo.root.join("src/pages/mod.rs"))?)?;
    let mut preload = Vec::new();
    for (page, files) in page_files(&dest)? {
        let path = paths
            .iter()
            .find(|(chunk, _)| *chunk == page)
            .map(|(_, path)| path.clone())
            .ok_or_else(|| anyhow!("src/pages/mod.rs has no path for the split page {page}"))?;
        preload.push((path, files));
    }
    let index = dist.join("index.html");
    let html = tools::read(&index)?;
    std::fs::write(&index, with_loader(&html, &dir_name, &preload)?)?;
    println!(
        "xtask: the split app is in dist/{dir_name}/ ({} files)",
        files.len()
    );
    Ok(())
}

/// The split app's directory in `dist` (`app-<hash>`), if the app in it is split.
pub fn app_dir(dist: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dist)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("app-"))
        })
}

/// What each page fetches on its first visit, from [`PAGES_FILE`]: (page, its files).
pub fn page_files(app_dir: &Path) -> Result<Vec<(String, Vec<String>)>> {
    let text = tools::read(&app_dir.join(PAGES_FILE))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let page = words.next()?.to_owned();
            Some((page, words.map(str::to_owned).collect()))
        })
        .collect())
}

fn files_of(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Each split page's chunk name and route path, from the `PageEntry`s of `src/pages/mod.rs`: the
/// `path: "…"` of the entry whose view is `split_page!(chunk, …)`.
fn split_page_paths(pages_rs: &str) -> Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    let mut path = None;
    for line in pages_rs.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("path: \"") {
            path = rest.split('"').next().map(str::to_owned);
        }
        if let Some(rest) = line.split("split_page!(").nth(1) {
            let chunk = rest.split(',').next().unwrap_or_default().trim().to_owned();
            let path = path
                .take()
                .ok_or_else(|| anyhow!("split_page!({chunk}, …) without a path before it"))?;
            found.push((chunk, path));
        }
    }
    Ok(found)
}

/// `index.html` with the app's loader, as Trunk writes it for an unsplit app (the bench waits for
/// the same `TrunkApplicationStarted` event), the main module and wasm preloaded, and, for a page
/// opened by its address, that page's chunks too: they arrive while the main module compiles,
/// rather than after it has started and asked for them. `preload`: each split page's route path
/// (with `:param` segments) and its files.
///
/// Two things keep the start free of waits one after another: the script that preloads the chunks
/// goes before the first stylesheet (an inline script waits for every stylesheet above it), and
/// `__wasm_split.js`, which the main module's script imports, is preloaded with that script rather
/// than found once it has arrived and been read (one round trip less before the wasm can start).
fn with_loader(html: &str, dir: &str, preload: &[(String, Vec<String>)]) -> Result<String> {
    let routes = preload
        .iter()
        .map(|(path, files)| {
            let files = files
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(",");
            format!("[\"{path}\",[{files}]]")
        })
        .collect::<Vec<_>>()
        .join(",");
    let chunks = format!(
        r#"<script>
(() => {{
  const here = location.pathname.split('/').filter(Boolean);
  for (const [path, files] of [{routes}]) {{
    const want = path.split('/').filter(Boolean);
    if (want.length !== here.length || !want.every((s, i) => s[0] === ':' || s === here[i])) continue;
    for (const file of files) {{
      const link = document.createElement('link');
      link.rel = 'preload'; link.as = 'fetch'; link.crossOrigin = 'anonymous';
      link.href = '/{dir}/' + file;
      document.head.append(link);
    }}
  }}
}})();
</script>
"#
    );
    let loader = format!(
        r#"<link rel="modulepreload" href="/{dir}/{BIN}.js" crossorigin="anonymous">
<link rel="modulepreload" href="/{dir}/{LINK_MODULE}" crossorigin="anonymous">
<link rel="preload" href="/{dir}/{BIN}_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
<script type="module">
import init, * as bindings from '/{dir}/{BIN}.js';
const wasm = await init({{ module_or_path: '/{dir}/{BIN}_bg.wasm' }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));
</script>
"#
    );
    let end = html
        .find("</head>")
        .ok_or_else(|| anyhow!("dist/index.html has no </head>"))?;
    let first_css = html[..end].find("<link rel=\"stylesheet\"").unwrap_or(end);
    Ok(format!(
        "{}{chunks}{}{loader}{}",
        &html[..first_css],
        &html[first_css..end],
        &html[end..]
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_goes_into_the_head() {
        let html = with_loader(
            "<html><head><title>x</title></head><body></body></html>",
            "app-00",
            &[("/a/:b".to_owned(), vec!["chunk_1.wasm".to_owned()])],
        )
        .unwrap();
        assert!(html.contains(r#"[["/a/:b",["chunk_1.wasm"]]]"#));
        let head_end = html.find("</head>").unwrap();
        let script = html
            .find("import init, * as bindings from '/app-00/bizkit-forms.js'")
            .unwrap();
        assert!(script < head_end);
        assert!(html.contains(r#"<link rel="modulepreload" href="/app-00/__wasm_split.js""#));
        assert!(with_loader("<html></html>", "app-00", &[]).is_err());

        // The chunks' preloads come before the first stylesheet, which would hold the script back.
        let html = with_loader(
            r#"<html><head><link rel="stylesheet" href="/a.css"/></head></html>"#,
            "app-00",
            &[("/a".to_owned(), vec!["chunk_1.wasm".to_owned()])],
        )
        .unwrap();
        assert!(html.find("chunk_1.wasm").unwrap() < html.find("/a.css").unwrap());
        assert!(html.find("/a.css").unwrap() < html.find("bizkit-forms.js").unwrap());
    }

    #[test]
    fn every_split_page_of_the_app_has_its_path() {
        let pages = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/pages/mod.rs"),
        )
        .unwrap();
        let found = split_page_paths(&pages).unwrap();
        assert_eq!(found.len(), pages.matches("split_page!(").count());
        assert!(
            found
                .iter()
                .any(|(chunk, path)| chunk == "contact_import" && path == "/contacts/import")
        );
    }
}
