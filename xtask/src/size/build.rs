//! The names builds (wasm-bindgen, wasm-opt), twiggy on them, and the release sizes beside them.

use super::*;

/// wasm-bindgen and wasm-opt on each names build, as Trunk runs them on the release (plus `-g`);
/// skipped for an entry whose cargo output and arguments are those of the last run. The entries'
/// wasm-opt runs (the slow step, ~45 s each) run side by side.
pub(super) fn names_wasm(repo: &Repo, out: &Path, entries: &[RustLink]) -> Result<()> {
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
pub(super) fn file_key(path: &Path) -> Result<String> {
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
pub(super) fn twiggy_reports(
    repo: &Repo,
    names: &Path,
    dir: &Path,
) -> Result<(Summary, Vec<twiggy::Item>)> {
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

/// The real release wasm of an entry, as dist/ holds it (every `<bin>*.wasm` in its folder, so a
/// split module's parts count too).
#[derive(Debug, Clone, Default)]
pub(super) struct Release {
    pub(super) files: Vec<String>,
    pub(super) raw: u64,
    pub(super) gzip: u64,
    pub(super) brotli: u64,
}

pub(super) fn release_sizes(repo: &Repo, entry: &RustLink) -> Result<Release> {
    let dist = repo.dist();
    // The admin app is split (src/split.rs): its main module and every chunk, in `app-<hash>/`.
    let split_app = entry
        .target_path
        .is_empty()
        .then(|| crate::split::app_dir(&dist))
        .flatten();
    let dir = match &split_app {
        Some(app) => app.clone(),
        None if entry.target_path.is_empty() => dist.clone(),
        None => dist.join(&entry.target_path),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("could not list {} (build the app first)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (split_app.is_some() || name.starts_with(&entry.bin)) && name.ends_with(".wasm")
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
pub(super) const COMPRESSED_SIZES: &str = "const zlib = require('node:zlib'), fs = require('node:fs');
for (const file of process.argv.slice(1)) {
  const b = fs.readFileSync(file);
  const gzip = zlib.gzipSync(b, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(b, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  console.log(b.length, gzip, brotli);
}";
