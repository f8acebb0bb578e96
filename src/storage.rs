//! `localStorage` and `sessionStorage`, where every failure (private mode, quota, disabled storage) is
//! quietly absorbed: storage is a comfort, never a reason to break a form.

use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn local_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// False when the browser refused (full, disabled, private mode), for callers that tell the person.
pub fn local_set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn local_remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}
