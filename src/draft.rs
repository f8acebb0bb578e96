//! Drafts: every form's values in `localStorage`, so a reload, a crash or a closed tab loses nothing.
//! A draft holds field values and the pending `Idempotency-Key` — never a token.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::storage;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    /// The key of a submission whose outcome we do not know yet, and the body it was sent with.
    #[serde(default)]
    pub pending: Option<(String, String)>,
}

/// Drafts are per form, organisation and person: another administrator on the same browser does not
/// see them, and a customer's never mixes with an admin's.
pub fn key(form: &str, scope: &str) -> String {
    format!("bizkit.draft.v1.{form}.{scope}")
}

pub fn load(key: &str) -> Option<Draft> {
    let text = storage::local_get(key)?;
    serde_json::from_str(&text).ok()
}

pub fn save(key: &str, draft: &Draft) {
    if let Ok(text) = serde_json::to_string(draft) {
        storage::local_set(key, &text);
    }
}

pub fn remove(key: &str) {
    storage::local_remove(key);
}
