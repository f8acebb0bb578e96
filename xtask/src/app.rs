//! Building what `run` serves and `test` drives: the release app in `dist/` and the server binary.

use crate::tools::{self, TRUNK_VERSION, fnv1a};
use crate::{Repo, secs};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// What a release build of the app reads. A change to anything here (or a file added or removed,
/// which touches its directory) makes the next `build_app` run Trunk again.
const APP_INPUTS: &[&str] = &[
    "src",
    "style",
    "public",
    "index.html",
    "Trunk.toml",
    "Cargo.toml",
    "Cargo.lock",
    ".cargo/config.toml",
    "crates/bizkit-contract",
];

/// `trunk build --release --offline` into `dist/`, skipped when no input changed since the last
/// build: Trunk's release build (LTO plus wasm-opt) costs minutes even when nothing changed.
pub fn build_app(repo: &Repo) -> Result<()> {
    let stamp_path = repo.target_dir.join("xtask/app-build.stamp");
    let inputs = inputs_fingerprint(repo)?;
    let wasm_bindgen =
        tools::locked_version(&tools::read(&repo.root.join("Cargo.lock"))?, "wasm-bindgen")?;
    let stamp_key = format!(
        "trunk {TRUNK_VERSION}, wasm-bindgen {wasm_bindgen}, {}, inputs {}",
        tools::RELEASE_WASM_TOOLCHAIN,
        inputs
    );
    let index = repo.dist().join("index.html");
    if let Ok(stamp) = std::fs::read_to_string(&stamp_path)
        && stamp == format!("{stamp_key}, dist {}", mtime_key(&index))
    {
        println!("xtask: dist/ is up to date (no app input changed since it was built)");
        return Ok(());
    }
    let started = Instant::now();
    tools::release_wasm(repo.tool("trunk"))
        .args(["build", "--release", "--offline"])
        // Trunk reads NO_COLOR; plain output keeps CI logs readable.
        .env("NO_COLOR", "true")
        .run()
        .context("the release build of the app failed")?;
    if !index.is_file() {
        bail!("trunk build succeeded but {} is missing", index.display());
    }
    let html = tools::read(&repo.root.join("index.html"))?;
    let app = crate::size::links::rust_links(&html)
        .into_iter()
        .find(|link| link.target_path.is_empty())
        .context("index.html has no rust link for the app")?;
    let mut wasm_opt_args = vec![format!("-O{}", app.opt_level)];
    wasm_opt_args.extend(app.opt_params);
    crate::split::build(repo, &repo.dist(), &wasm_opt_args)?;
    let rewritten = crate::widget_css::rewrite(&repo.dist())?;
    println!("xtask: {rewritten} stylesheets of dist/widget/ sized in --bizkit-rem, not rem");
    let compressing = Instant::now();
    let written = precompress(&repo.dist())?;
    println!(
        "xtask: wrote .br and .gz beside {written} files of dist/ in {}",
        secs(compressing.elapsed())
    );
    if let Some(dir) = stamp_path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(
        &stamp_path,
        format!("{stamp_key}, dist {}", mtime_key(&index)),
    )?;
    println!("xtask: app built in {}", secs(started.elapsed()));
    Ok(())
}

/// What is worth compressing: the wasm, the scripts and styles (the HTML is a kilobyte, and
/// `config.json` is rewritten after the build).
const COMPRESSED_EXTENSIONS: &[&str] = &["wasm", "js", "css", "svg"];

/// Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside every asset of
/// `dist`, so the server hands them out as they are instead of sending the wasm uncompressed
/// (1.2 MB) or compressing it anew for every request. Any static server can serve them too (nginx's
/// `brotli_static` / `gzip_static`). Returns how many files were compressed.
pub fn precompress(dist: &Path) -> Result<usize> {
    let mut count = 0;
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("could not read {}", dir.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if !COMPRESSED_EXTENSIONS.contains(&ext) {
                continue;
            }
            let bytes = std::fs::read(&path)
                .with_context(|| format!("could not read {}", path.display()))?;
            let sibling = |suffix: &str| {
                let mut name = path.clone().into_os_string();
                name.push(suffix);
                PathBuf::from(name)
            };
            std::fs::write(sibling(".br"), brotli_best(&bytes)?)?;
            std::fs::write(sibling(".gz"), gzip_best(&bytes)?)?;
            count += 1;
        }
    }
    Ok(count)
}

fn brotli_best(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn gzip_best(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Writes `dist/config.json` from `public/config.json`, with `apiBaseUrl` replaced when a backend is
/// given. Done on every run (not only after a build), so a backend chosen once does not stick to a
/// later run without `--backend`. The server reads this file at start for its CSP `connect-src`.
pub fn write_config(repo: &Repo, backend: Option<&str>) -> Result<()> {
    let source = repo.root.join("public/config.json");
    let target = repo.dist().join("config.json");
    let base = if source.is_file() {
        tools::read(&source)?
    } else if target.is_file() {
        tools::read(&target)?
    } else {
        "{}\n".to_owned()
    };
    let text = match backend {
        Some(url) => {
            let url = normalise_backend(url)?;
            println!("xtask: the app will call the backend at {url} (dist/config.json apiBaseUrl)");
            set_json_string(&base, "apiBaseUrl", &url)?
        }
        None => base,
    };
    if std::fs::read_to_string(&target).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&target, text)
            .with_context(|| format!("could not write {}", target.display()))?;
    }
    Ok(())
}

/// `cargo build -p bizkit-bff --profile server`; returns the binary.
pub fn build_server(repo: &Repo) -> Result<PathBuf> {
    repo.cargo()
        .args(["build", "-p", "bizkit-bff", "--profile", "server"])
        .run()
        .context("building the server failed")?;
    let binary = repo
        .target_dir
        .join("server")
        .join(format!("bizkit-bff{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!(
            "the server build succeeded but {} is missing",
            binary.display()
        );
    }
    Ok(binary)
}

/// An absolute http(s) URL without a trailing slash, or "" for "the origin that served the app".
fn normalise_backend(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
        bail!(
            "--backend must be an http:// or https:// URL (or empty for same origin), got {url:?}"
        );
    }
    if url.contains(['"', '\\']) || url.chars().any(char::is_control) {
        bail!("--backend has characters that do not belong in a URL: {url:?}");
    }
    Ok(url.to_owned())
}

/// Newest modification time, number of paths and a hash of their names, over every app input.
fn inputs_fingerprint(repo: &Repo) -> Result<String> {
    let mut newest = 0u128;
    let mut count = 0u64;
    let mut names = 0u64;
    for input in APP_INPUTS {
        walk(&repo.root.join(input), &mut |path, modified| {
            newest = newest.max(modified);
            count += 1;
            names ^= fnv1a(path.as_os_str().as_encoded_bytes());
        })?;
    }
    Ok(format!("{newest}/{count}/{names:016x}"))
}

fn walk(path: &Path, visit: &mut dyn FnMut(&Path, u128)) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(()); // an optional input that does not exist
    };
    visit(path, nanos(meta.modified().ok()));
    if meta.is_dir() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if matches!(name, "target" | "node_modules" | ".git") {
            return Ok(());
        }
        let entries = std::fs::read_dir(path)
            .with_context(|| format!("could not list {}", path.display()))?;
        for entry in entries {
            walk(&entry?.path(), visit)?;
        }
    }
    Ok(())
}

fn mtime_key(path: &Path) -> u128 {
    nanos(std::fs::metadata(path).and_then(|m| m.modified()).ok())
}

fn nanos(time: Option<SystemTime>) -> u128 {
    time.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Sets `"key": "value"` in a JSON object text, keeping the rest of the file as it is: replaces the
/// string value if the key is there, else adds the key first. `value` must need no escaping.
fn set_json_string(json: &str, key: &str, value: &str) -> Result<String> {
    let quoted_key = format!("\"{key}\"");
    if let Some(at) = json.find(&quoted_key) {
        let after_key = at + quoted_key.len();
        let rest = &json[after_key..];
        let colon = rest
            .find(':')
            .context("config.json: no ':' after the key")?;
        let after_colon = after_key + colon + 1;
        let value_start =
            after_colon + json[after_colon..].len() - json[after_colon..].trim_start().len();
        let old = &json[value_start..];
        let end = if let Some(body) = old.strip_prefix('"') {
            1 + string_end(body).context("config.json: unterminated string")? + 1
        } else if old.starts_with("null") {
            4
        } else {
            bail!("config.json: {key} is not a string");
        };
        Ok(format!(
            "{}\"{value}\"{}",
            &json[..value_start],
            &json[value_start + end..]
        ))
    } else {
        let open = json.find('{').context("config.json is not a JSON object")?;
        let empty = json[open + 1..].trim_start().starts_with('}');
        let separator = if empty { "" } else { "," };
        Ok(format!(
            "{} \"{key}\": \"{value}\"{separator}{}",
            &json[..=open],
            &json[open + 1..]
        ))
    }
}

/// Byte index of the closing quote of a JSON string body (the text after the opening quote).
fn string_end(body: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_existing_api_base_url() {
        let json = "{ \"apiBaseUrl\": \"\" }\n";
        let out = set_json_string(json, "apiBaseUrl", "https://api.example.test").ok();
        assert_eq!(
            out.as_deref(),
            Some("{ \"apiBaseUrl\": \"https://api.example.test\" }\n")
        );
        let json = "{\"theme\":\"x\",\"apiBaseUrl\" : \"http://a\\\"b\",\"z\":1}";
        let out = set_json_string(json, "apiBaseUrl", "http://c").ok();
        assert_eq!(
            out.as_deref(),
            Some("{\"theme\":\"x\",\"apiBaseUrl\" : \"http://c\",\"z\":1}")
        );
    }

    #[test]
    fn adds_a_missing_api_base_url() {
        assert_eq!(
            set_json_string("{}", "apiBaseUrl", "http://c")
                .ok()
                .as_deref(),
            Some("{ \"apiBaseUrl\": \"http://c\"}")
        );
        assert_eq!(
            set_json_string("{\"a\":1}", "apiBaseUrl", "http://c")
                .ok()
                .as_deref(),
            Some("{ \"apiBaseUrl\": \"http://c\",\"a\":1}")
        );
    }

    #[test]
    fn backend_urls_are_checked() {
        assert_eq!(
            normalise_backend("https://api.example.test/")
                .ok()
                .as_deref(),
            Some("https://api.example.test")
        );
        assert_eq!(normalise_backend("").ok().as_deref(), Some(""));
        assert!(normalise_backend("api.example.test").is_err());
        assert!(normalise_backend("http://a\"b").is_err());
    }

    #[test]
    fn precompress_writes_siblings_that_decode_to_the_file() {
        use std::io::Read;
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("widget")).unwrap();
        let wasm: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(dir.join("widget/app_bg.wasm"), &wasm).unwrap();
        std::fs::write(dir.join("app.js"), "export default 1;\n".repeat(100)).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();

        assert_eq!(precompress(&dir).unwrap(), 2);
        let mut br = Vec::new();
        brotli::BrotliDecompress(
            &mut std::fs::File::open(dir.join("widget/app_bg.wasm.br")).unwrap(),
            &mut br,
        )
        .unwrap();
        assert_eq!(br, wasm);
        let mut gz = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(dir.join("app.js.gz")).unwrap())
            .read_to_string(&mut gz)
            .unwrap();
        assert_eq!(gz, "export default 1;\n".repeat(100));
        assert!(std::fs::metadata(dir.join("app.js.br")).unwrap().len() < 200);
        assert!(!dir.join("index.html.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
