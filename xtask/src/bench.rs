//! `cargo xtask bench`: how big, how fast and how lean the release app and the embeddable widget
//! are, and how many contact creates the server takes. Builds what `run` builds (skipping unchanged
//! builds), runs the server's `load` example, starts the server on a free loopback port with a
//! throw-away data folder, and runs `bench/bench.mjs` (Playwright on Debian's Chromium) against it.
//! Reports against the targets and never fails because one was missed.

use crate::cmd::Cmd;
use crate::{Repo, app, secs, tools};
use anyhow::{Context, Result, bail};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const HELP: &str = "\
cargo xtask bench — measure the release app and the server against their targets

Builds the release app into dist/ and the server (both skipped when nothing changed), runs the
server's load example (2000 contact creates, concurrency 8), then starts the server on a free
loopback port with a temporary data folder and measures in headless Chromium (bench/bench.mjs):

  - bytes downloaded per type (wasm, JS, CSS, HTML): raw, gzip -9, brotli 11, for three entries:
    the admin app (/contacts/new), the portal profile (/portal/profile, as the demo customer) and
    the widget on its example host page (/embed-example.html; the widget's own files counted);
    API calls listed apart
  - cold start to a usable form for each entry (median of 5 fresh contexts), with and without 4x
    CPU throttling
  - keystroke to next frame (median, p95): e-mail, phone and IČO on the contact form; phone and
    full name on the profile with every field filled; e-mail and tag input on the contact form
    with 100 tags attached
  - the tag picker with 10, 1,000 and 10,000 existing groups
  - JS heap and wasm memory after loading the admin form and typing

Writes target/bench/bench.json and target/bench/bench.md and prints the table. A missed target
is reported, never an error.

OPTIONS:
    --runs N        cold-start runs per entry and throttling setting [env BENCH_RUNS, default 5]
    --no-build      measure dist/ and target/server/ as they are, without building
    -h, --help      this text
";

/// `load -- N C`: enough creates for a stable rate, at the concurrency of a busy office.
const LOAD_ARGS: [&str; 2] = ["2000", "8"];

pub fn main(repo: &Repo, args: &[String]) -> Result<ExitCode> {
    let mut runs = std::env::var("BENCH_RUNS")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "5".to_owned());
    let mut build = true;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--no-build" => build = false,
            "--runs" => runs = args.next().context("--runs needs a value")?.clone(),
            other => match other.strip_prefix("--runs=") {
                Some(value) => runs = value.to_owned(),
                None => bail!("unknown option {other} for `cargo xtask bench` (see --help)"),
            },
        }
    }
    if !runs.parse::<u32>().is_ok_and(|n| n > 0) {
        bail!("--runs must be a positive number, got {runs:?}");
    }
    let started = Instant::now();

    let e2e_dir = repo.root.join("tests/e2e");
    tools::ensure_chromium(repo)?;
    // playwright-core comes from the e2e tests' node_modules.
    tools::npm_ci(repo, &e2e_dir)?;
    let server_bin = repo
        .target_dir
        .join("server")
        .join(format!("bizkit-bff{}", std::env::consts::EXE_SUFFIX));
    let load_bin = repo
        .target_dir
        .join("server/examples")
        .join(format!("load{}", std::env::consts::EXE_SUFFIX));
    if build {
        tools::ensure_app_toolchain(repo)?;
        app::build_app(repo)?;
        app::build_server(repo)?;
        repo.cargo()
            .args(["build", "-p", "bizkit-bff", "--profile", "server"])
            .args(["--example", "load"])
            .run()
            .context("building the server's load example failed")?;
    }
    for needed in [&repo.dist().join("index.html"), &server_bin, &load_bin] {
        if !needed.is_file() {
            bail!("{} is missing; run without --no-build", needed.display());
        }
    }
    // Same origin: the app calls the server that serves it, whatever `run --backend` wrote before.
    app::write_config(repo, None)?;
    println!("xtask: ready to measure after {}", secs(started.elapsed()));

    let out_dir = repo.target_dir.join("bench");
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("could not create {}", out_dir.display()))?;
    // Screenshots of a page that never became usable are `not-ready-<entry>.png`.
    if let Ok(entries) = std::fs::read_dir(&out_dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name == "bench.json" || name == "bench.md" || name.starts_with("not-ready") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    // The server first, alone, so the browser does not compete with it for the two cores.
    let measuring = Instant::now();
    let load_cmd = Cmd::new(&load_bin).args(LOAD_ARGS);
    println!("$ {}", load_cmd.display());
    let load_output = load_cmd
        .read()
        .context("the server's load example failed")?;
    print!("{load_output}");
    let load_file = out_dir.join("load.txt");
    std::fs::write(&load_file, &load_output)
        .with_context(|| format!("could not write {}", load_file.display()))?;

    // A second release build of the app, without the import: only when the dist was built here.
    let import_cost = if build {
        Some(crate::bench_import::measure(repo, &out_dir)?)
    } else {
        None
    };

    let server = Server::start(repo, &server_bin)?;
    let commit = commit(repo);
    let bench = repo
        .tool("node")
        .arg(repo.root.join("bench/bench.mjs"))
        .env("BENCH_BASE_URL", format!("http://{}", server.addr))
        .env("BENCH_OUT_DIR", &out_dir)
        .env("BENCH_LOAD_OUTPUT", &load_file)
        .env("BENCH_RUNS", &runs)
        .env("BENCH_COMMIT", commit)
        .env("CHROMIUM_BIN", tools::CHROMIUM)
        .env("BENCH_IMPORT_COST", import_cost.unwrap_or_default())
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .run();
    drop(server);
    bench.context("the browser benchmark failed")?;

    let report = out_dir.join("bench.md");
    let table = tools::read(&report)?;
    println!("\n{table}");
    println!(
        "xtask bench: measured in {} (total {}); wrote {} and {}",
        secs(measuring.elapsed()),
        secs(started.elapsed()),
        out_dir.join("bench.json").display(),
        report.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The server on a free loopback port with a fresh data folder; stopped and cleaned up on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
    data_dir: PathBuf,
}

impl Server {
    fn start(repo: &Repo, binary: &Path) -> Result<Self> {
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .context("could not find a free loopback port")?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let data_dir =
            std::env::temp_dir().join(format!("bizkit-bench-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("could not create {}", data_dir.display()))?;
        let mut command = Command::new(binary);
        command
            .arg("--addr")
            .arg(addr.to_string())
            .arg("--data-dir")
            .arg(&data_dir)
            .arg("--dist")
            .arg(repo.dist())
            // The bench signs in as the demo users.
            .arg("--demo")
            .current_dir(&repo.root)
            // Its stdout is the start-up banner; warnings and errors still show.
            .stdout(Stdio::null())
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".to_owned()),
            );
        println!(
            "$ {} --addr {addr} --data-dir {} --dist {} --demo",
            binary.display(),
            data_dir.display(),
            repo.dist().display()
        );
        let child = command
            .spawn()
            .with_context(|| format!("could not start {}", binary.display()))?;
        let mut server = Self {
            child,
            addr,
            data_dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("the server stopped before it was ready ({status})");
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("the server did not accept connections on {addr} within 60 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// The commit measured, marked `+dirty` when the work tree has changes; empty outside git.
fn commit(repo: &Repo) -> String {
    let Ok(head) = repo
        .tool("git")
        .args(["rev-parse", "--short", "HEAD"])
        .read()
    else {
        return String::new();
    };
    let dirty = repo
        .tool("git")
        .args(["status", "--porcelain"])
        .read()
        .is_ok_and(|s| !s.trim().is_empty());
    format!("{}{}", head.trim(), if dirty { "+dirty" } else { "" })
}
