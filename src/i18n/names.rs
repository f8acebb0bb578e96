//! Country and language names from the browser (`Intl.DisplayNames`): the browser carries them in
//! every language anyway, so the wasm does not (the contract's country table had an English and a
//! Czech name for each of 249 countries; only the server builds it with them now).
//!
//! One `DisplayNames` per locale and kind, made on first use and kept. Where `Intl` fails (an old
//! browser, a tag it rejects) a name is the code itself, as the select showed unknown codes before.

use std::cell::RefCell;
use std::collections::HashMap;

use bizkit_contract::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DisplayNames` (not in js-sys).
    #[wasm_bindgen(js_namespace = Intl)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &js_sys::Object) -> Result<DisplayNames, JsValue>;

    /// A name, or `undefined`; throws a `RangeError` on a malformed code.
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

/// What `DisplayNames` names: `region` (ISO 3166-1 alpha-2) or `language` (BCP 47).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Region,
    Language,
}

thread_local! {
    /// `None` remembers a locale the browser could not serve, so it is not asked again.
    static CACHE: RefCell<HashMap<(String, Kind), Option<DisplayNames>>> = RefCell::new(HashMap::new());
}

fn make(locale: &str, kind: Kind) -> Option<DisplayNames> {
    let options = js_sys::Object::new();
    let kind = match kind {
        Kind::Region => "region",
        Kind::Language => "language",
    };
    js_sys::Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
    DisplayNames::new(locale, &options).ok()
}

/// `code`'s name in `locale`, or `None` where the browser has none.
fn display_name(locale: &str, kind: Kind, code: &str) -> Option<String> {
    // Outside a browser (the native unit tests) there is no `Intl` to call.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let names = cache
            .entry((locale.to_owned(), kind))
            .or_insert_with(|| make(locale, kind));
        names.as_ref()?.of(code).ok()?.as_string()
    })
}

/// A country's short name in `lang` (`CZ` → Česko / Czechia), or the code.
pub fn region(alpha2: &str, lang: Lang) -> String {
    display_name(lang.as_str(), Kind::Region, alpha2).unwrap_or_else(|| alpha2.to_owned())
}

/// A language's name in `lang` (`de` → němčina / German), or the code.
pub fn language(code: &str, lang: Lang) -> String {
    display_name(lang.as_str(), Kind::Language, code).unwrap_or_else(|| code.to_owned())
}

/// A language's name in itself (`de` → Deutsch), or the code.
pub fn language_own(code: &str) -> String {
    display_name(code, Kind::Language, code).unwrap_or_else(|| code.to_owned())
}
