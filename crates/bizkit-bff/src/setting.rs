//! What the repeatable settings (`--public-host`, `--allowed-origin`, `--trusted-proxy` and their
//! variables) have in common: how their entries are read, and how a request they refuse is logged.

use std::collections::HashSet;
use std::sync::Mutex;

/// Most refused values logged per setting: an operator learns of each once, the log is not
/// flooded by a client that varies them.
const MAX_LOGGED_REFUSALS: usize = 64;

/// Each entry of a setting (a flag given many times, a comma list in a variable) parsed with
/// `parse`, in the order given and each once. Blank entries, which an empty variable or a trailing
/// comma leaves, are skipped; the first entry that does not parse is the error.
pub(crate) fn parse_entries<S: AsRef<str>, T: PartialEq, E>(
    values: impl IntoIterator<Item = S>,
    mut parse: impl FnMut(&str) -> Result<T, E>,
) -> Result<Vec<T>, E> {
    let mut parsed = Vec::new();
    for value in values {
        let value = value.as_ref();
        if value.trim().is_empty() {
            continue;
        }
        let item = parse(value)?;
        if !parsed.contains(&item) {
            parsed.push(item);
        }
    }
    Ok(parsed)
}

/// The refused values already logged.
#[derive(Debug, Default)]
pub(crate) struct RefusalLog(Mutex<HashSet<String>>);

impl RefusalLog {
    /// Whether a refusal of `value` is to be logged: the first time it is refused, while fewer
    /// than the most have been.
    pub(crate) fn first_time(&self, value: &str) -> bool {
        let mut logged = self.0.lock().unwrap_or_else(|e| e.into_inner());
        logged.len() < MAX_LOGGED_REFUSALS && logged.insert(value.to_owned())
    }
}
