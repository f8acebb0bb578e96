//! `cargo xtask bench`: how big, how fast and how lean the release app and the embeddable widget
//! are, side by side with the React peer, and how many contact creates the server takes. Builds what
//! `run` builds (skipping unchanged builds) and the peer (see `peer.rs`), runs the server's `load`
//! example, starts the server on a free loopback port with a throw-away data folder and the peer's
//! own `serve.mjs`, and runs `bench/bench.mjs` (Playwright on Debian's Chromium) against both.
//! Reports against the targets and never fails because one was missed.

use crate::cmd::Cmd;
use crate::{Repo, app, peer, secs, tools};
use anyhow::{Context, Result, bail};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const HELP: &str = "\
cargo xtask bench — measure the release app and the server against their targets, side by side
with the React peer

Builds the release app into dist/ and the server (both skipped when nothing changed), and the React
peer (../shared/peers/react-forms relative to the repository, copied to target/bench/peer/ and
built there with `npm ci && npm run build` when its sources changed); runs the server's load
example (2000 contact creates, concurrency 8); then starts the server on a free loopback port with
a temporary data folder and the peer with its own serve.mjs, and measures both in headless
Chromium (bench/bench.mjs), runs of the two apps interleaved:

  - bytes downloaded per kind (wasm, JS, CSS, HTML): raw, gzip -9, brotli 11, for /contacts/new
    and /portal/profile of both apps, and our widget on its example host page (its own files);
    API calls listed apart
  - cold start to an interactive form (median of --runs fresh contexts), unthrottled and at 4x CPU
  - keystroke to next frame and to \"input handled\" (median, p95) for the same typing scripts on
    both apps: e-mail, phone and IČO on the contact form; phone and full name on the profile with
    every field filled; e-mail and tag input with 100 tags attached
  - input event processing at 4x CPU: Event Timing processingEnd - startTime of every keystroke of
    those scripts, read from a Chromium trace (an observer would only see events of 16 ms or more)
  - JS heap (and our wasm memory) after typing; our tag picker with 10 to 10,000 groups

Writes target/bench/bench.json, bench.md and bench.txt (the targets and the side-by-side table
with ratios ours / peer's, which it prints). A missed target is reported, never an error.

OPTIONS:
    --runs N        cold-start runs per page, app and throttling [env BENCH_RUNS, default 5]
    --no-build      measure dist/ and target/server/ as they are, without building (the peer is
                    still built when its sources changed)
    --peer DIR      the React peer's folder [env BIZKIT_PEER_DIR, default
                    ../shared/peers/react-forms beside the checkout or its main worktree]
    --no-peer       measure ours alone
    --only IDS      only these measures, comma-separated (download, coldStart, memory,
                    keystrokes, eventTiming, growth, server) [env BENCH_ONLY]
    -h, --help      this text
";

/// `load -- N C`: enough creates for a stable rate, at the concurrency of a busy office.
const LOAD_ARGS: [&str; 2] = ["2000", "8"];

pub fn main(repo: &Repo, args: &[String]) -> Result<ExitCode> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut runs = env("BENCH_RUNS").unwrap_or_else(|| "5".to_owned());
    let mut only = env("BENCH_ONLY").unwrap_or_default();
    let mut peer_dir = env(peer::PEER_ENV).map(PathBuf::from);
    let mut with_peer = true;
    let mut build = true;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || match &inline {
            Some(v) => Ok(v.clone()),
            None => args
                .next()
                .cloned()
                .with_context(|| format!("{name} needs a value")),
        };
        match name {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--no-build" => build = false,
            "--no-peer" => with_peer = false,
            "--runs" => runs = value()?,
            "--only" => only = value()?,
            "--peer" => peer_dir = Some(PathBuf::from(value()?)),
            other => bail!("unknown option {other} for `cargo xtask bench` (see --help)"),
        }
    }
    if !runs.parse::<u32>().is_ok_and(|n| n > 0) {
        bail!("--runs must be a positive number, got {runs:?}");
    }
    let started = Instant::now();

    // First, so a missing peer fails in a second rather than after the builds.
    let peer_source = if with_peer {
        Some(peer::locate(repo, peer_dir.as_deref())?)
    } else {
        None
    };
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
    let peer_copy = match &peer_source {
        Some(source) => Some(peer::build(repo, source)?),
        None => None,
    };
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
            if ["bench.json", "bench.md", "bench.txt"].contains(&name.as_ref())
                || name.starts_with("not-ready")
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    // The server first, alone, so the browser does not compete with it for the two cores.
    let measuring = Instant::now();
    let load_file = out_dir.join("load.txt");
    if only.is_empty() || only.split(',').any(|id| id.trim() == "server") {
        let load_cmd = Cmd::new(&load_bin).args(LOAD_ARGS);
        println!("$ {}", load_cmd.display());
        let load_output = load_cmd
            .read()
            .context("the server's load example failed")?;
        print!("{load_output}");
        std::fs::write(&load_file, &load_output)
            .with_context(|| format!("could not write {}", load_file.display()))?;
    }

    // Read from the split app's files, when the import is measured at all.
    let import_cost = if only.is_empty() || only.split(',').any(|id| id.trim() == "import") {
        Some(crate::bench_import::measure(repo, &out_dir)?)
    } else {
        None
    };

    let server = Server::start(repo, &server_bin)?;
    let peer_server = match &peer_copy {
        Some(copy) => Some(peer::serve(repo, copy)?),
        None => None,
    };
    let commit = commit(repo);
    let bench = repo
        .tool("node")
        .arg(repo.root.join("bench/bench.mjs"))
        .env("BENCH_BASE_URL", format!("http://{}", server.addr))
        .env(
            "BENCH_PEER_URL",
            peer_server.as_ref().map_or("", |p| p.url.as_str()),
        )
        .env(
            "BENCH_PEER_SOURCE",
            peer_source
                .as_ref()
                .map_or(String::new(), |p| p.display().to_string()),
        )
        .env("BENCH_ONLY", &only)
        .env("BENCH_OUT_DIR", &out_dir)
        .env("BENCH_LOAD_OUTPUT", &load_file)
        .env("BENCH_RUNS", &runs)
        .env("BENCH_COMMIT", commit)
        .env("CHROMIUM_BIN", tools::CHROMIUM)
        .env("BENCH_IMPORT_COST", import_cost.unwrap_or_default())
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .run();
    drop(peer_server);
    drop(server);
    bench.context("the browser benchmark failed")?;

    let table = tools::read(&out_dir.join("bench.txt"))?;
    println!("\n{table}");
    println!(
        "xtask bench: measured in {} (total {}); wrote {}, {} (every table) and {}",
        secs(measuring.elapsed()),
        secs(started.elapsed()),
        out_dir.join("bench.txt").display(),
        out_dir.join("bench.md").display(),
        out_dir.join("bench.json").display(),
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
