//! `cargo xtask`: the project's own build and test driver, so a fresh clone needs nothing but Rust,
//! Node.js and apt. See `cargo xtask --help`.

mod app;
mod bench;
mod bench_import;
mod cmd;
mod peer;
mod run;
mod size;
mod split;
mod test;
mod tools;
mod twiggy;
mod widget_css;

use anyhow::{Result, bail};
use cmd::Cmd;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask — build, run and test bizkit-forms

USAGE:
    cargo xtask run [OPTIONS]     install missing tools, build the app and the server, serve on
                                  http://127.0.0.1:8080 (see `cargo xtask run --help`)
    cargo xtask test [SUITE...]   every check CI runs, in order, stopping at the first failure
                                  (see `cargo xtask test --help`)
    cargo xtask bench [OPTIONS]   build, then measure download size, start-up, typing latency,
                                  input event processing, memory and server throughput against
                                  the targets, side by side with the React peer (ratios ours /
                                  peer's); writes target/bench/bench.{txt,md,json}
                                  (see `cargo xtask bench --help`)
    cargo xtask size [OPTIONS]    where the wasm's bytes go: a names build of the admin app and
                                  the widget, twiggy top / dominators / monos and bytes by crate
                                  in target/bench/size/, the release wasm's gzip and brotli
                                  sizes, and what changed since the last run
                                  (see `cargo xtask size --help`)
    cargo xtask help              this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => Repo::discover().and_then(|repo| run::main(&repo, &args[1..])),
        Some("test") => Repo::discover().and_then(|repo| test::main(&repo, &args[1..])),
        Some("bench") => Repo::discover().and_then(|repo| bench::main(&repo, &args[1..])),
        Some("size") => Repo::discover().and_then(|repo| size::main(&repo, &args[1..])),
        None | Some("help" | "-h" | "--help") => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => {
            eprint!("xtask: unknown command `{other}`\n\n{HELP}");
            Ok(ExitCode::from(2))
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("xtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Where things are, and the PATH under which every tool the build needs is found.
pub struct Repo {
    pub root: PathBuf,
    pub target_dir: PathBuf,
    /// `tools/node_modules/.bin` (wasm-opt) and `$CARGO_HOME/bin` (trunk, wasm-bindgen) ahead of
    /// the caller's PATH, so the pinned versions win over anything else installed.
    pub path_env: OsString,
    pub cargo_bin: PathBuf,
}

impl Repo {
    fn discover() -> Result<Self> {
        // The xtask is always built inside the workspace: its manifest dir is `<root>/xtask`.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        if !root.join("Cargo.lock").is_file() {
            bail!("{} does not look like the workspace root", root.display());
        }
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => absolute(&PathBuf::from(dir)),
            _ => root.join("target"),
        };
        let cargo_bin = cargo_home().join("bin");
        let mut dirs = vec![root.join("tools/node_modules/.bin"), cargo_bin.clone()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        let path_env = std::env::join_paths(dirs)?;
        Ok(Self {
            root,
            target_dir,
            path_env,
            cargo_bin,
        })
    }

    /// `cargo` as the one that started us (so the same toolchain is used), in the workspace root.
    pub fn cargo(&self) -> Cmd {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        self.tool(cargo)
    }

    /// Any program, run in the workspace root with the tool PATH.
    pub fn tool(&self, program: impl AsRef<std::ffi::OsStr>) -> Cmd {
        Cmd::new(program)
            .dir(&self.root)
            .env("PATH", &self.path_env)
    }

    pub fn which(&self, program: &str) -> Option<PathBuf> {
        cmd::which(program, &self.path_env)
    }

    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }
}

fn cargo_home() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home),
        _ => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(".cargo"),
    }
}

/// A path given by the user is relative to where they ran the command.
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// Seconds with one decimal, for the timing lines.
pub fn secs(duration: std::time::Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}
