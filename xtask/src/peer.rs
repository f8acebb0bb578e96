//! The React peer of `cargo xtask bench`: a React 19 + react-hook-form + zod build of our two main
//! forms, kept outside the repository (described as `../shared/peers/react-forms` relative to it).
//! Found, copied under `target/bench/peer/` (the original is never written to), built there with
//! `npm ci && npm run build` when its sources changed, and served by its own `serve.mjs` on a free
//! loopback port.

use crate::{Repo, tools};
use anyhow::{Context, Result, bail};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Overrides where the peer is looked for (as `--peer DIR` does).
pub const PEER_ENV: &str = "BIZKIT_PEER_DIR";
/// Where the peer is, relative to the repository.
const PEER_RELATIVE: &str = "../shared/peers/react-forms";
/// What is never copied: the peer's own install and build, should someone have made them there.
const SKIPPED: &[&str] = &["node_modules", "dist", ".git"];
const STAMP: &str = ".xtask-peer-build";

/// The peer's folder: `given` (from `--peer` or `BIZKIT_PEER_DIR`) if set, else the first of
/// [`candidates`] that holds the peer; a clear error naming every place tried when none does.
pub fn locate(repo: &Repo, given: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = given {
        let dir = crate::absolute(dir);
        if !is_peer(&dir) {
            bail!(
                "{} is not the React peer (no package.json, package-lock.json and serve.mjs there)",
                dir.display()
            );
        }
        return Ok(dir);
    }
    let common = repo
        .tool("git")
        .args(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .read()
        .ok()
        .map(|s| PathBuf::from(s.trim()));
    let tried = candidates(&repo.root, common.as_deref());
    if let Some(found) = tried.iter().find(|dir| is_peer(dir)) {
        return Ok(found.clone());
    }
    let list: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
    bail!(
        "the React peer (react-forms) is missing: looked for {PEER_RELATIVE} relative to the \
         repository, at {}. Put it there, point {PEER_ENV}=/path/to/react-forms (or `--peer DIR`) at \
         it, or run `cargo xtask bench --no-peer` to measure ours alone",
        list.join(" and ")
    )
}

/// `../shared/peers/react-forms` next to this checkout and, for a git worktree elsewhere (such as
/// `/work/wt/x` of `/work/main`), next to the main checkout that owns the repository
/// (`git_common_dir` is its `.git`). Deduplicated, in that order.
pub fn candidates(root: &Path, git_common_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut out = vec![normalise(&root.join(PEER_RELATIVE))];
    if let Some(main) = git_common_dir
        .filter(|dir| dir.file_name().is_some_and(|n| n == ".git"))
        .and_then(Path::parent)
    {
        let other = normalise(&main.join(PEER_RELATIVE));
        if !out.contains(&other) {
            out.push(other);
        }
    }
    out
}

/// `a/b/../c` → `a/c`, without touching the disk (the folder may not exist).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn is_peer(dir: &Path) -> bool {
    ["package.json", "package-lock.json", "serve.mjs"]
        .iter()
        .all(|f| dir.join(f).is_file())
}

/// Copies the peer from `source` into `target/bench/peer/` and builds it there, both skipped when
/// its sources are what the last build was made from. Returns the copy's folder.
pub fn build(repo: &Repo, source: &Path) -> Result<PathBuf> {
    let copy = repo.target_dir.join("bench/peer");
    let files = source_files(source)?;
    let fingerprint = fingerprint(source, &files)?;
    let stamp_path = copy.join(STAMP);
    let stamp = format!("{fingerprint:016x} {}", source.display());
    if copy.join("dist/index.html").is_file()
        && std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp)
    {
        println!(
            "xtask: the React peer in {} is up to date (built from {})",
            copy.display(),
            source.display()
        );
        return Ok(copy);
    }
    println!(
        "xtask: copying the React peer from {} to {}",
        source.display(),
        copy.display()
    );
    sync(source, &copy, &files)?;
    // `npm ci` (skipped while the lock file is unchanged), then the peer's own build script.
    tools::npm_ci(repo, &copy)?;
    repo.tool("npm")
        .args(["run", "build"])
        .dir(&copy)
        .run()
        .context("the React peer's build (`npm run build`) failed")?;
    if !copy.join("dist/index.html").is_file() {
        bail!(
            "the peer's build succeeded but {} is missing",
            copy.join("dist/index.html").display()
        );
    }
    std::fs::write(&stamp_path, stamp)
        .with_context(|| format!("could not write {}", stamp_path.display()))?;
    Ok(copy)
}

/// The peer's files relative to `source`, sorted, without [`SKIPPED`] folders.
fn source_files(source: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(rel) = dirs.pop() {
        let dir = source.join(&rel);
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("could not list {}", dir.display()))?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            if SKIPPED.iter().any(|s| name == *s) {
                continue;
            }
            let path = rel.join(&name);
            if entry.file_type()?.is_dir() {
                dirs.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A hash of every file's name and content: the build is redone when any of it changes.
fn fingerprint(source: &Path, files: &[PathBuf]) -> Result<u64> {
    let mut all = Vec::new();
    for rel in files {
        all.extend_from_slice(rel.as_os_str().as_encoded_bytes());
        all.push(0);
        let path = source.join(rel);
        all.extend(
            std::fs::read(&path).with_context(|| format!("could not read {}", path.display()))?,
        );
        all.push(0);
    }
    Ok(tools::fnv1a(&all))
}

/// Makes `copy` hold exactly `files` of `source`, keeping its `node_modules` (npm ci decides about
/// that) and the stamp. The copies are made writable: the original may be read-only.
fn sync(source: &Path, copy: &Path, files: &[PathBuf]) -> Result<()> {
    std::fs::create_dir_all(copy)
        .with_context(|| format!("could not create {}", copy.display()))?;
    for entry in std::fs::read_dir(copy)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "node_modules" || name == STAMP {
            continue;
        }
        let path = entry.path();
        let removed = if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.with_context(|| format!("could not remove {}", path.display()))?;
    }
    for rel in files {
        let to = copy.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::copy(source.join(rel), &to)
            .with_context(|| format!("could not copy {} to {}", rel.display(), to.display()))?;
        let mut permissions = std::fs::metadata(&to)?.permissions();
        // Our own copy, which the next sync must be able to replace.
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        std::fs::set_permissions(&to, permissions)?;
    }
    Ok(())
}

/// The peer's `serve.mjs`, started on a free loopback port; stopped on drop.
pub struct PeerServer {
    child: Child,
    pub url: String,
}

/// Starts `node serve.mjs` in the built copy with `PORT=0`, so the system picks a free port, and
/// reads the address it prints.
pub fn serve(repo: &Repo, copy: &Path) -> Result<PeerServer> {
    println!(
        "$ (in {}) PORT=0 HOST=127.0.0.1 node serve.mjs",
        copy.display()
    );
    let mut child = Command::new("node")
        .arg("serve.mjs")
        .current_dir(copy)
        .env("PATH", &repo.path_env)
        .env("PORT", "0")
        .env("HOST", "127.0.0.1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .context("could not start the peer's serve.mjs (is node on PATH?)")?;
    let stdout = child.stdout.take().context("no stdout from serve.mjs")?;
    let (tx, rx) = mpsc::channel();
    // Reads every line, so the server never blocks on a full pipe; the first address is the one.
    std::thread::spawn(move || {
        let mut sent = false;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if !sent && let Some(url) = served_url(&line) {
                let _ = tx.send(url);
                sent = true;
            }
        }
    });
    let mut server = PeerServer {
        child,
        url: String::new(),
    };
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(url) => {
            println!("xtask: the React peer is served at {url}");
            server.url = url;
            Ok(server)
        }
        Err(_) => {
            let status = server.child.try_wait().ok().flatten();
            match status {
                Some(status) => {
                    bail!("the peer's serve.mjs stopped before it was ready ({status})")
                }
                None => bail!("the peer's serve.mjs printed no address within 30 s"),
            }
        }
    }
}

impl Drop for PeerServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `serving dist/ on http://127.0.0.1:43210` → `http://127.0.0.1:43210`.
pub fn served_url(line: &str) -> Option<String> {
    let start = line.find("http://")?;
    let url: String = line[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let port = url.rsplit_once(':')?.1.trim_end_matches('/');
    (!port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) && port != "0")
        .then(|| url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_address_serve_mjs_prints() {
        assert_eq!(
            served_url("serving dist/ on http://127.0.0.1:43210").as_deref(),
            Some("http://127.0.0.1:43210")
        );
        assert_eq!(
            served_url("serving dist/ on http://127.0.0.1:5/ now").as_deref(),
            Some("http://127.0.0.1:5")
        );
        assert_eq!(served_url("serving dist/ on http://127.0.0.1:0"), None);
        assert_eq!(served_url("listening"), None);
    }

    #[test]
    fn looks_beside_the_checkout_and_beside_the_main_checkout_of_a_worktree() {
        let worktree = candidates(
            Path::new("/work/wt/15bench"),
            Some(Path::new("/work/main/.git")),
        );
        assert_eq!(
            worktree,
            vec![
                PathBuf::from("/work/wt/shared/peers/react-forms"),
                PathBuf::from("/work/shared/peers/react-forms"),
            ]
        );
        // A plain clone: the common dir is its own .git, so one place.
        let clone = candidates(Path::new("/work/main"), Some(Path::new("/work/main/.git")));
        assert_eq!(clone, vec![PathBuf::from("/work/shared/peers/react-forms")]);
        // Outside git (a tarball): beside the folder only.
        assert_eq!(
            candidates(Path::new("/src/app"), None),
            vec![PathBuf::from("/src/shared/peers/react-forms")]
        );
    }

    #[test]
    fn copies_without_installs_and_refingerprints_on_change() {
        let base = std::env::temp_dir().join(format!("xtask-peer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let source = base.join("react-forms");
        std::fs::create_dir_all(source.join("src/routes")).unwrap();
        std::fs::create_dir_all(source.join("node_modules/react")).unwrap();
        std::fs::create_dir_all(source.join("dist")).unwrap();
        std::fs::write(source.join("package.json"), "{}").unwrap();
        std::fs::write(source.join("src/routes/Profile.jsx"), "a").unwrap();
        std::fs::write(source.join("node_modules/react/index.js"), "x").unwrap();
        std::fs::write(source.join("dist/index.html"), "old").unwrap();
        let readonly = source.join("serve.mjs");
        std::fs::write(&readonly, "serve").unwrap();
        let mut permissions = std::fs::metadata(&readonly).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&readonly, permissions).unwrap();

        let files = source_files(&source).unwrap();
        assert_eq!(
            files,
            vec![
                PathBuf::from("package.json"),
                PathBuf::from("serve.mjs"),
                PathBuf::from("src/routes/Profile.jsx"),
            ]
        );
        let before = fingerprint(&source, &files).unwrap();

        let copy = base.join("copy");
        std::fs::create_dir_all(copy.join("node_modules/kept")).unwrap();
        std::fs::write(copy.join("stale.txt"), "gone").unwrap();
        sync(&source, &copy, &files).unwrap();
        // Twice: the read-only original's copy must be writable for the next sync.
        sync(&source, &copy, &files).unwrap();
        assert!(copy.join("src/routes/Profile.jsx").is_file());
        assert!(copy.join("node_modules/kept").is_dir());
        assert!(!copy.join("stale.txt").exists());
        assert!(!copy.join("dist").exists());

        std::fs::write(source.join("src/routes/Profile.jsx"), "b").unwrap();
        assert_ne!(fingerprint(&source, &files).unwrap(), before);
        let mut permissions = std::fs::metadata(&readonly).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        std::fs::set_permissions(&readonly, permissions).unwrap();
        std::fs::remove_dir_all(&base).unwrap();
    }
}
