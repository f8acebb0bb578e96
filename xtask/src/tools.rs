//! Installing the tools the build and the tests need, each at a pinned version, and only when
//! missing: every check here is a version probe or a file comparison that takes milliseconds.

use crate::Repo;
use crate::cmd::Cmd;
use anyhow::{Context, Result, bail};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// 0.22 needs a newer rustc than the project's toolchain.
pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// For `cargo xtask size`; its `--version` prints `twiggy-opt 0.8.0`.
pub const TWIGGY_VERSION: &str = "0.8.0";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The release wasm (Trunk's build, and the size and bench builds that must measure the same code) is
/// built by this pinned nightly, with the standard library rebuilt for size and
/// `panic=immediate-abort`: a panic then traps at once instead of formatting a message, which drops
/// the panic machinery, its messages and the source locations from the module (measured on the
/// widget: 315.3 → 286.3 KB gzip, code −48 KB and data −30 KB raw). The app must never panic anyway;
/// the debug builds of the wasm tests keep the stable toolchain and full panic messages.
pub const RELEASE_WASM_TOOLCHAIN: &str = "nightly-2026-05-20";
/// What `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS` must say for the release wasm. It repeats
/// `.cargo/config.toml`'s `--cfg erase_components`: cargo joins an environment array with the file's,
/// and repeating a `--cfg` is harmless, so the flag holds whichever way a cargo version merges them.
const RELEASE_WASM_RUSTFLAGS: &str =
    "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort";

/// Everything `trunk build` needs: the wasm target, the release toolchain, Trunk, wasm-bindgen and
/// wasm-opt.
pub fn ensure_app_toolchain(repo: &Repo) -> Result<()> {
    ensure_wasm_target(repo)?;
    ensure_release_wasm_toolchain(repo)?;
    fetch_release_wasm_sources(repo)?;
    ensure_trunk(repo)?;
    ensure_wasm_bindgen(repo)?;
    ensure_binaryen(repo)
}

pub fn ensure_wasm_target(repo: &Repo) -> Result<()> {
    // Ask the compiler that cargo will use, which also respects a rust-toolchain file.
    let sysroot = repo
        .tool("rustc")
        .args(["--print", "sysroot"])
        .read()
        .context("rustc is not on PATH")?;
    let lib = Path::new(sysroot.trim()).join(format!("lib/rustlib/{WASM_TARGET}/lib"));
    if lib.is_dir() {
        return Ok(());
    }
    repo.tool("rustup")
        .args(["target", "add", WASM_TARGET])
        .run()
        .context("could not add the wasm32 target (is rustup installed?)")
}

/// The pinned nightly with the standard library's source (for `-Zbuild-std`) and the wasm32 target.
pub fn ensure_release_wasm_toolchain(repo: &Repo) -> Result<()> {
    let sysroot = repo
        .tool("rustup")
        .args(["run", RELEASE_WASM_TOOLCHAIN, "rustc", "--print", "sysroot"])
        .read();
    if let Ok(sysroot) = sysroot {
        let rustlib = Path::new(sysroot.trim()).join("lib/rustlib");
        if rustlib.join("src/rust/library/std").is_dir()
            && rustlib.join(WASM_TARGET).join("lib").is_dir()
        {
            return Ok(());
        }
    }
    println!(
        "xtask: installing the {RELEASE_WASM_TOOLCHAIN} toolchain for the release wasm (once)"
    );
    repo.tool("rustup")
        .args([
            "toolchain",
            "install",
            RELEASE_WASM_TOOLCHAIN,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
            "--target",
            WASM_TARGET,
        ])
        .run()
        .with_context(|| {
            format!("could not install {RELEASE_WASM_TOOLCHAIN} (is rustup installed?)")
        })
}

/// `-Zbuild-std` compiles the standard library's own dependencies (`library/Cargo.lock`), which
/// Trunk's `--offline` build cannot download: on a machine whose cargo never saw them it stops with
/// "no matching package named `wasip1` found". Fetching them (and the app's) with the release
/// toolchain first makes the offline build work on a fresh machine; once cached this takes well
/// under a second.
pub fn fetch_release_wasm_sources(repo: &Repo) -> Result<()> {
    release_wasm(repo.tool("cargo"))
        .args(["fetch", "--target", WASM_TARGET])
        .run()
        .context(
            "could not fetch the sources of the release wasm (the standard library's dependencies)",
        )
}

/// A release wasm build (`trunk build --release`, or cargo for the size and bench builds) on the
/// release toolchain. `cargo` here is rustup's proxy on PATH, which `RUSTUP_TOOLCHAIN` steers; the
/// `$CARGO` that runs xtask is the stable toolchain's own binary and would ignore it.
pub fn release_wasm(cmd: Cmd) -> Cmd {
    release_wasm_with(cmd, "")
}

/// [`release_wasm`] with more rustc flags for the wasm target.
pub fn release_wasm_with(cmd: Cmd, extra_rustflags: &str) -> Cmd {
    cmd.env("RUSTUP_TOOLCHAIN", RELEASE_WASM_TOOLCHAIN)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            format!("{RELEASE_WASM_RUSTFLAGS} {extra_rustflags}").trim_end(),
        )
}

pub fn ensure_trunk(repo: &Repo) -> Result<()> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if probe_version(repo, "trunk").as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("xtask: installing {wanted} (a few minutes, once)");
    repo.cargo()
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .run()?;
    expect_version(repo, "trunk", &wanted)
}

/// wasm-bindgen-cli must be exactly the `wasm-bindgen` of Cargo.lock: the generated JS glue and the
/// library talk a private protocol. It also brings `wasm-bindgen-test-runner` for the wasm tests.
pub fn ensure_wasm_bindgen(repo: &Repo) -> Result<()> {
    let version = locked_version(&read(&repo.root.join("Cargo.lock"))?, "wasm-bindgen")?;
    // Trunk runs offline and insists on its pin, so a stale pin would only fail deep in the build.
    let trunk_toml = read(&repo.root.join("Trunk.toml"))?;
    if let Some(pinned) = toml_string(&trunk_toml, "wasm_bindgen")
        && pinned != version
    {
        bail!(
            "Trunk.toml pins [tools] wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen {version}; \
             make them equal"
        );
    }
    let wanted = format!("wasm-bindgen {version}");
    let wanted_runner = format!("wasm-bindgen-test-runner {version}");
    if probe_version(repo, "wasm-bindgen").as_deref() == Some(wanted.as_str())
        && probe_version(repo, "wasm-bindgen-test-runner").as_deref()
            == Some(wanted_runner.as_str())
    {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {version} (a few minutes, once)");
    // Deliberately not `--locked`: installing against current compatible dependencies is the way
    // this install was verified on the project's machines.
    repo.cargo()
        .args(["install", "wasm-bindgen-cli", "--version"])
        .arg(format!("={version}"))
        .run()?;
    expect_version(repo, "wasm-bindgen", &wanted)?;
    expect_version(repo, "wasm-bindgen-test-runner", &wanted_runner)
}

/// twiggy, the code size profiler `cargo xtask size` runs on the names build.
pub fn ensure_twiggy(repo: &Repo) -> Result<()> {
    let wanted = format!("twiggy-opt {TWIGGY_VERSION}");
    if probe_version(repo, "twiggy").as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("xtask: installing twiggy {TWIGGY_VERSION} (about two minutes, once)");
    repo.cargo()
        .args(["install", "twiggy", "--version", TWIGGY_VERSION, "--locked"])
        .run()?;
    expect_version(repo, "twiggy", &wanted)
}

/// binaryen's wasm-opt comes from npm (`tools/package.json`), the one build that works here;
/// Trunk accepts it because `wasm-opt --version` prints `wasm-opt version 132 (...)`.
pub fn ensure_binaryen(repo: &Repo) -> Result<()> {
    let tools = repo.root.join("tools");
    npm_ci(repo, &tools)?;
    let installed = read(&tools.join("node_modules/binaryen/package.json"))?;
    let installed = json_string(&installed, "version").unwrap_or_default();
    if let Some(pinned) = toml_string(&read(&repo.root.join("Trunk.toml"))?, "wasm_opt") {
        let major = pinned.trim_start_matches("version_");
        if installed.split('.').next() != Some(major) {
            bail!(
                "Trunk.toml pins [tools] wasm_opt = \"{pinned}\" but tools/package.json installs \
                 binaryen {installed}; make them agree"
            );
        }
    }
    Ok(())
}

/// `npm ci` in `dir`, skipped when node_modules was installed from the same lock file. Never lets
/// Playwright fetch a browser: the tests use Debian's Chromium.
pub fn npm_ci(repo: &Repo, dir: &Path) -> Result<()> {
    let lock = read(&dir.join("package-lock.json"))?;
    let stamp_path = dir.join("node_modules/.xtask-npm-ci");
    let stamp = format!("{:016x}", fnv1a(lock.as_bytes()));
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    if repo.which("npm").is_none() {
        bail!("npm is not on PATH; install Node.js 20 or newer");
    }
    repo.tool("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .dir(dir)
        .run()?;
    std::fs::write(&stamp_path, stamp)
        .with_context(|| format!("could not write {}", stamp_path.display()))
}

/// Debian's Chromium and its matching chromedriver, for the wasm tests and Playwright.
pub fn ensure_chromium(repo: &Repo) -> Result<()> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    println!("xtask: installing Chromium and chromedriver from Debian");
    apt_install(repo, &["chromium", "chromium-driver"])?;
    if !Path::new(CHROMEDRIVER).is_file() {
        bail!("apt installed chromium-driver but {CHROMEDRIVER} is missing");
    }
    Ok(())
}

/// Python 3 with `venv` and `pip`, for schemathesis (from PyPI, in a venv of its own). Debian
/// splits `venv`/`ensurepip` out of `python3`.
pub fn ensure_python_venv(repo: &Repo) -> Result<()> {
    let ready = || {
        repo.tool("python3")
            .args(["-c", "import venv, ensurepip"])
            .read()
            .is_ok()
    };
    if ready() {
        return Ok(());
    }
    println!("xtask: installing python3-venv from Debian");
    apt_install(repo, &["python3", "python3-venv", "python3-pip"])?;
    if !ready() {
        bail!("apt installed python3-venv but `python3 -m venv` still cannot create a venv");
    }
    Ok(())
}

/// `apt-get update` and `apt-get install` of Debian packages, through sudo unless we are root.
fn apt_install(repo: &Repo, packages: &[&str]) -> Result<()> {
    let root = repo
        .tool("id")
        .arg("-u")
        .read()
        .is_ok_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let cmd = if root {
            repo.tool("apt-get")
        } else {
            repo.tool("sudo").arg("apt-get")
        };
        cmd.args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .run()
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    apt(&install)
}

/// A rustup component behind a cargo subcommand (`rustfmt` for `cargo fmt`, `clippy`), added when
/// a minimal toolchain lacks it.
pub fn ensure_component(repo: &Repo, component: &str, subcommand: &str) -> Result<()> {
    if repo.cargo().args([subcommand, "--version"]).read().is_ok() {
        return Ok(());
    }
    repo.tool("rustup")
        .args(["component", "add", component])
        .run()
        .with_context(|| format!("could not add the {component} component (is rustup installed?)"))
}

pub fn has_nextest(repo: &Repo) -> bool {
    repo.cargo().args(["nextest", "--version"]).read().is_ok()
}

/// The first line of `<program> --version`, or None when it is not installed.
fn probe_version(repo: &Repo, program: &str) -> Option<String> {
    let path = repo.which(program)?;
    let out = Cmd::new(path).arg("--version").read().ok()?;
    out.lines().next().map(|l| l.trim().to_owned())
}

fn expect_version(repo: &Repo, program: &str, wanted: &str) -> Result<()> {
    match probe_version(repo, program) {
        Some(found) if found == wanted => Ok(()),
        found => bail!(
            "after installing, `{program} --version` says {:?}, expected {wanted:?}; is another \
             {program} earlier on PATH than {}?",
            found.unwrap_or_else(|| "nothing".into()),
            repo.cargo_bin.display()
        ),
    }
}

pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))
}

/// The version of `name` in a Cargo.lock; an error if it is missing or locked at two versions.
pub fn locked_version(lock: &str, name: &str) -> Result<String> {
    let wanted_name = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    let mut versions = Vec::new();
    while let Some(line) = lines.next() {
        if line.trim() == wanted_name
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
        {
            versions.push(version.to_owned());
        }
    }
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("Cargo.lock has no package {name}"),
        many => bail!(
            "Cargo.lock has {name} at several versions: {}",
            many.join(", ")
        ),
    }
}

/// `key = "value"` in a simple TOML file (first occurrence).
fn toml_string(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        if k.trim() != key {
            return None;
        }
        let v = v.trim();
        Some(v.strip_prefix('"')?.split('"').next()?.to_owned())
    })
}

/// The string value of the first `"key": "value"` in a JSON text; enough for package.json.
fn json_string(json: &str, key: &str) -> Option<String> {
    let after = &json[json.find(&format!("\"{key}\""))? + key.len() + 2..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    Some(after.strip_prefix('"')?.split('"').next()?.to_owned())
}

/// A stable 64-bit hash (FNV-1a), for "has this file changed" stamps.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").ok().as_deref(),
            Some("0.2.130")
        );
        assert!(locked_version(lock, "trunk").is_err());
    }

    #[test]
    fn reads_simple_toml_and_json() {
        let toml = "[tools]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\" # pinned\n";
        assert_eq!(
            toml_string(toml, "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_string(toml, "sass"), None);
        let json = "{\n  \"name\": \"binaryen\",\n  \"version\" : \"132.0.0\"\n}";
        assert_eq!(json_string(json, "version").as_deref(), Some("132.0.0"));
    }
}
