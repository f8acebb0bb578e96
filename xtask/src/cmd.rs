//! Running child processes. Every command that does work is echoed first (`$ cargo ...`), so a CI log
//! shows exactly what ran and where it stopped.

use anyhow::{Context, Result, bail};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A command line under construction; cheap to build, run with [`Cmd::run`] or [`Cmd::read`].
#[derive(Debug, Clone)]
pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    dir: Option<PathBuf>,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        Self {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            envs: Vec::new(),
            dir: None,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// The command as a shell-like line. PATH is left out: it is the same for every command and is
    /// printed once per run instead of cluttering every line.
    pub fn display(&self) -> String {
        let mut parts: Vec<String> = self
            .envs
            .iter()
            .filter(|(k, _)| k != "PATH")
            .map(|(k, v)| format!("{}={}", k.to_string_lossy(), quote(v)))
            .collect();
        // `$CARGO` is a long toolchain path; the name says the same.
        let program = Path::new(&self.program);
        let short = program.file_name().filter(|name| *name == "cargo");
        parts.push(quote(short.unwrap_or(&self.program)));
        parts.extend(self.args.iter().map(|a| quote(a)));
        let line = parts.join(" ");
        // The directory is worth a mention only where it is not the one we were started in.
        let cwd = std::env::current_dir().ok();
        match &self.dir {
            Some(dir) if Some(dir) != cwd.as_ref() => format!("(in {}) {line}", dir.display()),
            _ => line,
        }
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
    }

    /// Echoes the command, runs it with inherited output and fails unless it exits with 0.
    pub fn run(&self) -> Result<()> {
        println!("$ {}", self.display());
        let status = self
            .command()
            .status()
            .with_context(|| format!("could not start `{}`", self.program.to_string_lossy()))?;
        if !status.success() {
            bail!("`{}` failed ({status})", self.display());
        }
        Ok(())
    }

    /// Echoes the command and starts it with inherited output, without waiting.
    pub fn spawn(&self) -> Result<Child> {
        println!("$ {}", self.display());
        self.command()
            .spawn()
            .with_context(|| format!("could not start `{}`", self.program.to_string_lossy()))
    }

    /// Runs the command quietly and returns its standard output; for version probes and queries,
    /// so it is not echoed. Fails if the program is missing or exits with non-zero.
    pub fn read(&self) -> Result<String> {
        let output = self
            .command()
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .with_context(|| format!("could not start `{}`", self.program.to_string_lossy()))?;
        if !output.status.success() {
            bail!("`{}` failed ({})", self.display(), output.status);
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

fn quote(word: &OsStr) -> String {
    let word = word.to_string_lossy();
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@+%".contains(c));
    if plain {
        word.into_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Finds an executable in the directories of a PATH-like value.
pub fn which(program: &str, path: &OsStr) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_only_what_needs_it() {
        let cmd = Cmd::new("cargo")
            .args(["clippy", "--", "-D", "warnings", "a b"])
            .env("PATH", "/x")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver");
        assert_eq!(
            cmd.display(),
            "CHROMEDRIVER=/usr/bin/chromedriver cargo clippy -- -D warnings 'a b'"
        );
    }
}
