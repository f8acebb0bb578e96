//! Drafts: every form's values in `localStorage`, so a reload, a crash or a closed tab loses nothing.
//! A draft holds field values and the pending `Idempotency-Key` — never a token.
//!
//! A draft is personal data left in the browser, so it does not stay forever: each one records whose
//! it is and when it was saved; signing out and a session that ended remove that person's drafts
//! ([`remove_all_of`]), and a draft older than [`DEFAULT_MAX_AGE_DAYS`] (or `draftMaxAgeDays` in
//! `config.json`) is dropped when the app starts ([`sweep_stale`]) or the draft is loaded.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
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

/// A draft as stored: a form's [`Draft`] (or the import's rows, see [`save_value`]) with its
/// owner and age beside the value's own fields.
#[derive(Serialize, Deserialize)]
struct Stored<T> {
    #[serde(flatten)]
    value: T,
    /// When it was last saved, in milliseconds since the epoch.
    #[serde(default, rename = "savedAt")]
    saved_at: Option<f64>,
    /// Whose it is: the session's scope (organisation and e-mail) when it was saved.
    #[serde(default)]
    owner: Option<String>,
}

/// Only the owner and age of a stored draft, whatever its value is.
#[derive(Deserialize)]
struct Meta {
    #[serde(default, rename = "savedAt")]
    saved_at: Option<f64>,
    #[serde(default)]
    owner: Option<String>,
}

const PREFIX: &str = "bizkit.draft.";
pub const DEFAULT_MAX_AGE_DAYS: f64 = 7.0;
const DAY_MS: f64 = 86_400_000.0;

thread_local! {
    static OWNER: RefCell<Option<String>> = const { RefCell::new(None) };
    static MAX_AGE_MS: Cell<f64> = const { Cell::new(DEFAULT_MAX_AGE_DAYS * DAY_MS) };
}

/// Who is signed in now (the session keeps this current): drafts saved from now on are theirs.
pub fn set_owner(owner: Option<String>) {
    OWNER.with(|o| *o.borrow_mut() = owner);
}

/// How old a draft may get before it is dropped, in days.
pub fn set_max_age_days(days: f64) {
    MAX_AGE_MS.with(|m| m.set(days * DAY_MS));
}

fn max_age_ms() -> f64 {
    MAX_AGE_MS.with(Cell::get)
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Drafts are per form, organisation and person: another administrator on the same browser does not
/// see them, and a customer's never mixes with an admin's.
pub fn key(form: &str, scope: &str) -> String {
    format!("bizkit.draft.v1.{form}.{scope}")
}

pub fn load(key: &str) -> Option<Draft> {
    load_value(key)
}

pub fn save(key: &str, draft: &Draft) {
    save_value(key, draft);
}

/// Loads any draft saved with [`save_value`]; `None` (and the stored text removed) when it is too
/// old or unreadable.
pub fn load_value<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage::local_get(key)?;
    if is_stale(&text, now_ms(), max_age_ms()) {
        storage::local_remove(key);
        return None;
    }
    serde_json::from_str::<Stored<T>>(&text)
        .ok()
        .map(|s| s.value)
}

/// Saves any value that serialises as an object under `key` (from [`key`]) as a draft: with its
/// owner and age, so sign-out, an ended session and the age limit remove it like every form's.
/// False when the browser refused to keep it (full, disabled, private mode), and when no one is
/// signed in: a draft of no one could never be removed by a sign-out, so a page that saves on its
/// way out after one (the import does) leaves nothing behind.
pub fn save_value<T: Serialize>(key: &str, value: &T) -> bool {
    let Some(owner) = OWNER.with(|o| o.borrow().clone()) else {
        return false;
    };
    let stored = Stored {
        value,
        saved_at: Some(now_ms()),
        owner: Some(owner),
    };
    serde_json::to_string(&stored).is_ok_and(|text| storage::local_set(key, &text))
}

pub fn remove(key: &str) {
    storage::local_remove(key);
}

/// Whether a stored draft is to be dropped: unreadable, of unknown age (written before drafts
/// recorded it), or older than `max_age_ms`.
pub fn is_stale(text: &str, now_ms: f64, max_age_ms: f64) -> bool {
    match serde_json::from_str::<Meta>(text) {
        Ok(Meta {
            saved_at: Some(at), ..
        }) if at.is_finite() => now_ms - at > max_age_ms,
        _ => true,
    }
}

/// Whether a stored draft belongs to `owner`.
pub fn is_owned_by(text: &str, owner: &str) -> bool {
    serde_json::from_str::<Meta>(text)
        .ok()
        .and_then(|s| s.owner)
        .is_some_and(|o| o == owner)
}

/// The keys of every draft in `localStorage`.
fn draft_keys() -> Vec<String> {
    let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Vec::new();
    };
    let len = local.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| local.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect()
}

/// Removes every draft of `owner` (on sign-out, and when their session ended). Returns how many.
pub fn remove_all_of(owner: &str) -> usize {
    let mine: Vec<String> = draft_keys()
        .into_iter()
        .filter(|k| storage::local_get(k).is_some_and(|t| is_owned_by(&t, owner)))
        .collect();
    for k in &mine {
        storage::local_remove(k);
    }
    mine.len()
}

/// Drops every draft (of anyone) older than the maximum age. Run when the app starts.
pub fn sweep_stale() -> usize {
    let (now, max) = (now_ms(), max_age_ms());
    let stale: Vec<String> = draft_keys()
        .into_iter()
        .filter(|k| storage::local_get(k).is_none_or(|t| is_stale(&t, now, max)))
        .collect();
    for k in &stale {
        storage::local_remove(k);
    }
    stale.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = DAY_MS;

    fn stored(saved_at: Option<f64>, owner: Option<&str>) -> String {
        serde_json::to_string(&Stored {
            value: Draft::default(),
            saved_at,
            owner: owner.map(str::to_owned),
        })
        .unwrap()
    }

    #[test]
    fn drafts_older_than_the_maximum_or_of_unknown_age_are_stale() {
        let now = 1_800_000_000_000.0;
        let week = 7.0 * DAY;
        assert!(!is_stale(&stored(Some(now - DAY), None), now, week));
        assert!(!is_stale(&stored(Some(now - week), None), now, week));
        assert!(is_stale(&stored(Some(now - week - 1.0), None), now, week));
        assert!(is_stale(&stored(None, None), now, week));
        // Written before drafts had an age, or broken.
        assert!(is_stale(r#"{"values":{"email":"a@b.cz"}}"#, now, week));
        assert!(is_stale("not json", now, week));
        assert!(is_stale(r#"{"savedAt":"yesterday"}"#, now, week));
    }

    #[test]
    fn a_draft_belongs_to_exactly_its_owner() {
        let text = stored(Some(0.0), Some("1.admin@demo.test"));
        assert!(is_owned_by(&text, "1.admin@demo.test"));
        assert!(!is_owned_by(&text, "1.admin@demo.test.evil"));
        assert!(!is_owned_by(&text, "1.x.1.admin@demo.test"));
        assert!(!is_owned_by(&stored(Some(0.0), None), "1.admin@demo.test"));
        // The form's part reads back as it was saved.
        let draft = Draft {
            values: [("email".to_owned(), "a@b.cz".to_owned())].into(),
            pending: Some(("k".to_owned(), "{}".to_owned())),
        };
        let text = serde_json::to_string(&Stored {
            value: draft.clone(),
            saved_at: Some(1.0),
            owner: None,
        })
        .unwrap();
        assert_eq!(
            serde_json::from_str::<Stored<Draft>>(&text).unwrap().value,
            draft
        );
    }
}
