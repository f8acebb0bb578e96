//! `cargo xtask test`: every suite CI runs, in order, stopping at the first failure.

use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};
use crate::{Repo, app, secs};
use anyhow::{Result, bail};
use std::process::ExitCode;
use std::time::Instant;

const HELP: &str = "\
cargo xtask test — run every check, stopping at the first failure

USAGE:
    cargo xtask test              all suites, in this order
    cargo xtask test SUITE...     only the named suites (for development; CI runs all)

SUITES:
    fmt            cargo fmt --all -- --check
    clippy         cargo clippy --workspace --all-targets -- -D warnings
    clippy-wasm    cargo clippy -p bizkit-forms -p bizkit-contract --target wasm32-unknown-unknown -- -D warnings
    contract-wasm  cargo build -p bizkit-contract --target wasm32-unknown-unknown
    unit           cargo nextest run --workspace (cargo test --workspace without nextest)
    doc            cargo test --workspace --doc
    bench-js       node --test bench/ (the bench's trace parsing, statistics and report tables)
    wasm           cargo test -p bizkit-forms --target wasm32-unknown-unknown, in headless Chromium
    api-fuzz       schemathesis (PyPI, pinned, in a venv) against the release server's /openapi.json
    e2e            release build of the app and the server, then Playwright in tests/e2e

Missing tools are installed first (Trunk, wasm-bindgen-cli, npm packages, Chromium from Debian).
For development only: XTASK_SKIP_<SUITE>=1 skips a suite (XTASK_SKIP_E2E=1, XTASK_SKIP_CLIPPY_WASM=1).
Once suites have run, the last line is `xtask test: N passed, M failed` (M is 0 or 1).
";

type SuiteFn = fn(&Repo) -> Result<()>;

const SUITES: &[(&str, SuiteFn)] = &[
    ("fmt", fmt),
    ("clippy", clippy),
    ("clippy-wasm", clippy_wasm),
    ("contract-wasm", contract_wasm),
    ("unit", unit),
    ("doc", doc),
    ("bench-js", bench_js),
    ("wasm", wasm),
    ("api-fuzz", api_fuzz),
    ("e2e", e2e),
];

pub fn main(repo: &Repo, args: &[String]) -> Result<ExitCode> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(unknown) = args
        .iter()
        .find(|a| !SUITES.iter().any(|(name, _)| name == a))
    {
        bail!("unknown suite `{unknown}` (see `cargo xtask test --help`)");
    }
    let skipped = |name: &str| {
        let knob = format!("XTASK_SKIP_{}", name.to_uppercase().replace('-', "_"));
        std::env::var(&knob).is_ok_and(|v| v == "1").then_some(knob)
    };

    let started = Instant::now();
    let mut passed = 0;
    let mut times = Vec::new();
    for &(name, suite) in SUITES {
        if !args.is_empty() && !args.iter().any(|a| a == name) {
            continue;
        }
        if let Some(knob) = skipped(name) {
            println!("xtask test: skipping suite `{name}` ({knob}=1)");
            continue;
        }
        println!("\n==> suite `{name}`");
        let suite_started = Instant::now();
        if let Err(err) = suite(repo) {
            eprintln!(
                "\nxtask test: suite `{name}` FAILED after {}: {err:#}",
                secs(suite_started.elapsed())
            );
            println!("xtask test: {passed} passed, 1 failed");
            return Ok(ExitCode::FAILURE);
        }
        let took = secs(suite_started.elapsed());
        println!("==> suite `{name}` passed in {took}");
        times.push(format!("{name} {took}"));
        passed += 1;
    }
    println!(
        "\nxtask test: done in {} ({})",
        secs(started.elapsed()),
        times.join(", ")
    );
    println!("xtask test: {passed} passed, 0 failed");
    Ok(ExitCode::SUCCESS)
}

fn fmt(repo: &Repo) -> Result<()> {
    tools::ensure_component(repo, "rustfmt", "fmt")?;
    repo.cargo().args(["fmt", "--all", "--", "--check"]).run()
}

fn clippy(repo: &Repo) -> Result<()> {
    tools::ensure_component(repo, "clippy", "clippy")?;
    repo.cargo()
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .run()
}

fn clippy_wasm(repo: &Repo) -> Result<()> {
    tools::ensure_component(repo, "clippy", "clippy")?;
    tools::ensure_wasm_target(repo)?;
    repo.cargo()
        .args([
            "clippy",
            "-p",
            "bizkit-forms",
            "-p",
            "bizkit-contract",
            "--target",
        ])
        .args([WASM_TARGET, "--", "-D", "warnings"])
        .run()
}

fn contract_wasm(repo: &Repo) -> Result<()> {
    tools::ensure_wasm_target(repo)?;
    repo.cargo()
        .args(["build", "-p", "bizkit-contract", "--target", WASM_TARGET])
        .run()
}

fn unit(repo: &Repo) -> Result<()> {
    if tools::has_nextest(repo) {
        repo.cargo()
            .args(["nextest", "run", "--workspace", "--no-tests=warn"])
            .run()
    } else {
        println!("xtask: cargo-nextest not found, using cargo test");
        repo.cargo()
            .args(["test", "--workspace", "--all-targets"])
            .run()
    }
}

fn doc(repo: &Repo) -> Result<()> {
    repo.cargo().args(["test", "--workspace", "--doc"]).run()
}

/// The bench's own logic (Event Timing from traces, statistics, the report's tables): plain Node, no
/// browser, no packages.
fn bench_js(repo: &Repo) -> Result<()> {
    repo.tool("node").args(["--test", "bench/"]).run()
}

/// The app crate's `wasm_bindgen_test`s, run by wasm-bindgen-test-runner in headless Chromium
/// through chromedriver; `webdriver.json` in the workspace root gives Chromium's binary and flags.
fn wasm(repo: &Repo) -> Result<()> {
    tools::ensure_wasm_target(repo)?;
    tools::ensure_wasm_bindgen(repo)?;
    tools::ensure_chromium(repo)?;
    let mut cmd = repo
        .cargo()
        .args(["test", "-p", "bizkit-forms", "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            repo.root.join("webdriver.json"),
        );
    // The runner's defaults (20 s for a whole test binary, 5 s for chromedriver to come up) are
    // tight on a busy two-core CI machine; a developer's own setting wins.
    for (knob, secs) in [
        ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        ("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30"),
    ] {
        if std::env::var_os(knob).is_none() {
            cmd = cmd.env(knob, secs);
        }
    }
    cmd.run()
}

/// The release app as users get it, served by the real server binary, driven by Playwright.
/// Every operation of `/openapi.json`, positive and negative cases: no 5xx, every 4xx a
/// problem+json, every answer one the document describes (see `tests/schemathesis/run.sh`).
fn api_fuzz(repo: &Repo) -> Result<()> {
    tools::ensure_python_venv(repo)?;
    let server = app::build_server(repo)?;
    repo.tool("bash")
        .arg(repo.root.join("tests/schemathesis/run.sh"))
        .arg(&server)
        .env("CARGO_TARGET_DIR", &repo.target_dir)
        .run()
}

fn e2e(repo: &Repo) -> Result<()> {
    let e2e_dir = repo.root.join("tests/e2e");
    tools::ensure_chromium(repo)?;
    tools::npm_ci(repo, &e2e_dir)?;
    tools::ensure_app_toolchain(repo)?;
    app::build_app(repo)?;
    // The tests run against this server as the backend, whatever `run --backend` wrote before.
    app::write_config(repo, None)?;
    let server = app::build_server(repo)?;
    repo.tool("npx")
        .args(["--no", "playwright", "test"])
        .env("BIZKIT_BFF_BIN", &server)
        .env("BIZKIT_E2E_DIST", repo.dist())
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .dir(&e2e_dir)
        .run()
}
